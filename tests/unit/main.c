/* Unit-test runner: every group, with cmocka's summary per group. */
#include "unit.h"
#include <stdio.h>

int main(void) {
    int failed = 0;
    failed += run_text_tests();
    failed += run_json_tests();
    failed += run_yaml_tests();
    failed += run_cidr_tests();
    failed += run_expr_tests();
    failed += run_plan_tests();
    failed += run_rule_tests();
    failed += run_hcl_tests();
    failed += run_tf_funcs_tests();
    failed += run_hval_tests();
    failed += run_tfsrc_tests();
    failed += run_cfn_tests();
    failed += run_k8s_tests();
    failed += run_policy_tests();
    printf("unit tests: %d failed\n", failed);
    return failed ? 1 : 0;
}
