/* libFuzzer target: a whole scan with the built-in rules (parser, plan adapter, joins, rules). */
#include "include/tenken.h"
#include <stdint.h>
#include <stdlib.h>

static tk_engine *engine;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (!engine) {
        engine = tk_engine_new();
        tk_diag d;
        if (!tk_engine_load_builtin(engine, &d)) abort();
    }
    tk_scan *s = tk_scan_new(engine, NULL);
    tk_scan_input(s, "fuzz.json", data, size);
    tk_scan_finish(s);
    tk_scan_free(s);
    return 0;
}
