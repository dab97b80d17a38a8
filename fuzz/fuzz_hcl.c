/* libFuzzer target: the HCL parser, on a configuration file, a lone expression and a bare
 * template. Nothing may crash, leak or hang, whatever the input. */
#include "lib/hcl.h"
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const char *text = (const char *)data;
    tk_arena a;
    tk_arena_init(&a);
    tk_err err;
    hcl_file f;
    hcl_expr *e;
    (void)hcl_parse_file(&a, text, size, 7, 64, &f, &err);
    (void)hcl_parse_expr(&a, text, size, 0, 64, &e, &err);
    (void)hcl_parse_template(&a, text, size, 0, 64, &e, &err);
    tk_arena_free(&a);
    return 0;
}
