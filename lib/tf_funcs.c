/* Built-in functions of the Terraform language (see tf_funcs.h). */
#include "tf_funcs.h"
#include <string.h>

int tf_call(tf_call_ctx *c, const char *name, size_t nlen, const hv *args, uint32_t n, hv *out) {
    (void)c;
    (void)name;
    (void)nlen;
    (void)args;
    (void)n;
    *out = hv_unknown();
    return TF_CALL_UNSUPPORTED;
}

const char *const *tf_function_names(void) {
    static const char *const names[] = {NULL};
    return names;
}
