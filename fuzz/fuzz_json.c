/* libFuzzer target: the JSON parser (with encoding detection and a skip pattern). */
#include "lib/json.h"
#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    tk_doc d;
    tk_doc_init(&d, "fuzz");
    tk_err err;
    if (tk_text_decode(&d.text, data, size, 1 << 20, &err)) {
        const char *skip[] = {"a/*/b", "c"};
        tk_json_opts o = {.max_depth = 64, .skip = skip, .n_skip = 2};
        if (tk_json_parse(&d, &o, &err)) {
            /* Walk every node and every key. */
            for (size_t i = 0; i < d.n_nodes; i++) {
                tk_str k = tk_doc_key(&d, &d.nodes[i]);
                tk_str s = tk_doc_str(&d, &d.nodes[i]);
                (void)k;
                (void)s;
            }
        } else {
            unsigned l, c;
            tk_doc_locate(&d, err.offset, &l, &c);
        }
    }
    tk_doc_free(&d);
    return 0;
}
