/* libFuzzer target: loading a rule file (YAML, validation, condition compiler). */
#include "include/tenken.h"
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    tk_engine *e = tk_engine_new();
    tk_diag d;
    tk_engine_load_rule(e, "fuzz.rule", (const char *)data, size, &d);
    tk_engine_free(e);
    return 0;
}
