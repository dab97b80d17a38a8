/* libFuzzer target: the JSON parser (with encoding detection and shaping patterns).
 * Besides not crashing, the input must be accepted with the patterns exactly when it is
 * accepted without them: left-out values are still fully validated. */
#include "lib/json.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static bool parse(const uint8_t *data, size_t size, const tk_json_opts *o, size_t *err_offset) {
    tk_doc d;
    tk_doc_init(&d, "fuzz");
    tk_err err;
    bool ok = false;
    *err_offset = SIZE_MAX;
    if (tk_text_decode(&d.text, data, size, 1 << 20, &err)) {
        ok = tk_json_parse(&d, o, &err);
        if (ok) {
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
            *err_offset = err.offset;
        }
    }
    tk_doc_free(&d);
    return ok;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const char *shape[] = {"a/*/b", "c", "~d/**/v", "!e/*/u", "?a:f/*/g", "h/*/*/*/k", "x/z"};
    tk_json_opts with = {.max_depth = 64, .skip = shape, .n_skip = sizeof shape / sizeof *shape};
    tk_json_opts without = {.max_depth = 64};
    size_t e1, e2;
    bool ok1 = parse(data, size, &with, &e1), ok2 = parse(data, size, &without, &e2);
    if (ok1 != ok2 || e1 != e2) abort(); /* shaping changed what is accepted, or where it fails */
    return 0;
}
