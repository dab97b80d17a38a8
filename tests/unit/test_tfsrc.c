/* Evaluation of Terraform source: filled in with the evaluator. */
#include "unit.h"

static void placeholder(void **state) {
    (void)state;
}

int run_tfsrc_tests(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(placeholder),
    };
    return cmocka_run_group_tests_name("tfsrc", tests, NULL, NULL);
}
