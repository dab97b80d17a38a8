/* Built-in functions of the Terraform language. */
#include "unit.h"
#include "../../lib/tf_funcs.h"

static void unknown_function(void **state) {
    (void)state;
    tk_arena a;
    tk_arena_init(&a);
    tf_call_ctx c = {.a = &a};
    hv out;
    assert_int_equal(tf_call(&c, "no_such_function", 16, NULL, 0, &out), TF_CALL_UNSUPPORTED);
    tk_arena_free(&a);
}

int run_tf_funcs_tests(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(unknown_function),
    };
    return cmocka_run_group_tests_name("tf_funcs", tests, NULL, NULL);
}
