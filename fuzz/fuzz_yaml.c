/* libFuzzer target: the YAML reader (aliases, duplicates, limits). */
#include "lib/yaml.h"
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    tk_doc d;
    tk_doc_init(&d, "fuzz");
    tk_err err;
    if (tk_text_decode(&d.text, data, size, 1 << 20, &err)) {
        tk_yaml_opts o = {.max_depth = 64, .max_alias_nodes = 10000};
        if (!tk_yaml_parse(&d, &o, &err)) {
            unsigned l, c;
            tk_doc_locate(&d, err.offset, &l, &c);
        }
    }
    tk_doc_free(&d);
    return 0;
}
