/* Shared declarations of the unit-test groups (cmocka). */
#ifndef TK_UNIT_H
#define TK_UNIT_H
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

int run_text_tests(void);
int run_json_tests(void);
int run_yaml_tests(void);
int run_expr_tests(void);
int run_cidr_tests(void);
int run_plan_tests(void);
int run_rule_tests(void);
int run_hcl_tests(void);
int run_tf_funcs_tests(void);
int run_hval_tests(void);
int run_tfsrc_tests(void);
int run_cfn_tests(void);
int run_k8s_tests(void);
int run_policy_tests(void);

#endif
