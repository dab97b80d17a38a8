/* The condition language: compile errors with positions, and three-valued evaluation. */
#include "unit.h"
#include "../../lib/expr.h"
#include "../../lib/json.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Evaluates src against a resource whose values are the JSON text `json` and whose
 * unknown-mask is `mask` (JSON text, or NULL). Both go into one document "[values, mask]". */
static tk_tri eval_with(const char *src, const char *json, const char *mask,
                        const tk_compile_env *env, char *reason, size_t rlen) {
    tk_arena a;
    tk_arena_init(&a);
    tk_err err;
    tk_prog *p = tk_expr_compile(&a, src, strlen(src), env, &err);
    if (!p) fprintf(stderr, "compile %s: %s at %zu\n", src, err.msg, err.offset);
    assert_non_null(p);
    size_t n = strlen(json) + (mask ? strlen(mask) : 4) + 8;
    char *both = malloc(n);
    snprintf(both, n, "[%s,%s]", json, mask ? mask : "null");
    tk_doc d;
    tk_doc_init(&d, "values");
    d.text.data = both;
    d.text.len = strlen(both);
    assert_true(tk_json_parse(&d, NULL, &err));
    const tk_node *arr = tk_doc_root(&d);
    tk_arena scratch;
    tk_arena_init(&scratch);
    tk_eval_ctx ctx;
    tk_eval_ctx_init(&ctx, &scratch, NULL);
    ctx.root = tk_v_from_node(&d, tk_doc_at(arr, 0), mask ? tk_doc_at(arr, 1) : NULL);
    tk_tri t = tk_prog_eval(p, &ctx);
    if (reason) snprintf(reason, rlen, "%s", ctx.unknown_reason ? ctx.unknown_reason : "");
    tk_eval_ctx_free(&ctx);
    tk_arena_free(&scratch);
    d.text.data = NULL;
    tk_doc_free(&d);
    free(both);
    tk_prog_free(p);
    tk_arena_free(&a);
    return t;
}

static tk_tri ev(const char *src, const char *json) {
    return eval_with(src, json, NULL, NULL, NULL, 0);
}

static void compile_error(const char *src, size_t offset, const char *what) {
    tk_arena a;
    tk_arena_init(&a);
    tk_err err;
    tk_prog *p = tk_expr_compile(&a, src, strlen(src), NULL, &err);
    if (p || err.offset != offset || !strstr(err.msg, what))
        fprintf(stderr, "%s: offset %zu msg %s\n", src, err.offset, err.msg);
    assert_null(p);
    assert_int_equal(err.offset, offset);
    assert_non_null(strstr(err.msg, what));
    tk_arena_free(&a);
}

static void compile_errors(void **state) {
    (void)state;
    compile_error("", 0, "empty");
    compile_error("a = 1", 2, "'=='");
    compile_error("a == ", 5, "end of condition");
    compile_error("nosuch(a)", 0, "unknown function 'nosuch'");
    compile_error("exists(a, b)", 0, "exists takes 1 argument");
    compile_error("a =~ b", 5, "string literal");
    compile_error("matches(a, \"(\")", 11, "invalid regular expression");
    compile_error("related(x, \"bucket\")", 8, "string literal");
    compile_error("a == 1 == 2", 7, "chained");
    compile_error("a b", 2, "expected an operator");
    compile_error("(a", 2, "')'");
    compile_error("a.", 2, "attribute name");
    compile_error("\"open", 0, "unterminated");
    compile_error("a ^ b", 2, "unexpected character");
}

static void paths_and_comparisons(void **state) {
    (void)state;
    const char *v =
        "{\"n\": 5, \"s\": \"abc\", \"b\": true, \"z\": null, \"l\": [{\"k\": 1}, {\"k\": 2}],"
        " \"m\": {\"a-b\": \"x\"}, \"ns\": \"22\", \"bs\": \"true\"}";
    assert_int_equal(ev("n == 5 && n > 4 && n >= 5 && n < 6 && n <= 5 && n != 4", v), TK_TRUE);
    assert_int_equal(ev("s == 'abc' && s != \"abd\"", v), TK_TRUE);
    assert_int_equal(ev("b", v), TK_TRUE);
    assert_int_equal(ev("z == null && !exists(z) && !exists(nothing_here)", v), TK_TRUE);
    assert_int_equal(ev("l[1].k == 2 && l[5].k == null", v), TK_TRUE);
    assert_int_equal(ev("m[\"a-b\"] == \"x\"", v), TK_TRUE);
    assert_int_equal(ev("ns == 22 && ns > 21", v), TK_TRUE); /* numbers in strings */
    assert_int_equal(ev("bs == true && bs", v), TK_TRUE);    /* booleans in strings */
    assert_int_equal(ev("s in ['x', 'abc'] && 'b' in s && !('q' in s)", v), TK_TRUE);
    assert_int_equal(ev("s =~ '^a.c$' && s !~ 'z'", v), TK_TRUE);
    assert_int_equal(ev("z ?? 7 == 7", v), TK_TRUE);
    assert_int_equal(ev("n ?? 7 == 5", v), TK_TRUE);
    assert_int_equal(ev("s < 3", v), TK_FALSE); /* not comparable: false, not unknown */
}

static void wildcards_and_iteration(void **state) {
    (void)state;
    const char *v = "{\"ing\": [{\"c\": [\"10.0.0.0/8\"], \"p\": 22}, {\"c\": [\"0.0.0.0/0\", "
                    "\"1.2.3.4/32\"], \"p\": 443}],"
                    " \"tags\": {\"a\": \"1\", \"b\": \"2\"}}";
    assert_int_equal(ev("count(ing[*].c[*]) == 3", v), TK_TRUE);
    assert_int_equal(ev("any(ing[*].c[*], open_to_world(@))", v), TK_TRUE);
    assert_int_equal(ev("all(ing[*].c[*], private_cidr(@))", v), TK_FALSE);
    assert_int_equal(ev("count(ing, p > 100) == 1", v), TK_TRUE);
    assert_int_equal(ev("any(ing, any(c, open_to_world(@)) && ports_include(p, p, 443))", v),
                     TK_TRUE);
    assert_int_equal(ev("any(ing, any(c, open_to_world(@)) && p == 22)", v), TK_FALSE);
    assert_int_equal(ev("all(tags.*, @ != '3') && len(tags) == 2 && 'a' in keys(tags)", v),
                     TK_TRUE);
    assert_int_equal(ev("any(ing, $.tags.a == '1')", v), TK_TRUE); /* $ is the resource */
    assert_int_equal(ev("any(nothing, true)", v), TK_FALSE);
    assert_int_equal(ev("all(nothing, false)", v), TK_TRUE);
    assert_int_equal(ev("any('single', @ == 'single')", v), TK_TRUE); /* a scalar is a 1-list */
}

static void three_valued_logic(void **state) {
    (void)state;
    const char *v = "{\"a\": true, \"f\": false, \"l\": [{\"x\": 1}, {}]}";
    const char *m = "{\"u\": true, \"l\": [{}, {\"x\": true}]}";
    char reason[128];
#define T3(src, want) assert_int_equal(eval_with(src, v, m, NULL, reason, sizeof reason), want)
    T3("u", TK_UNKNOWN_TRI);
    T3("u == 1", TK_UNKNOWN_TRI);
    T3("!u", TK_UNKNOWN_TRI);
    T3("f && u", TK_FALSE);
    T3("u && f", TK_FALSE);
    T3("a && u", TK_UNKNOWN_TRI);
    T3("a || u", TK_TRUE);
    T3("u || a", TK_TRUE);
    T3("f || u", TK_UNKNOWN_TRI);
    T3("exists(u)", TK_UNKNOWN_TRI);
    T3("u ?? 3", TK_UNKNOWN_TRI); /* a default never replaces an unknown */
    T3("any(l, x == 1)", TK_TRUE);
    T3("any(l, x == 2)", TK_UNKNOWN_TRI); /* second element's x is unknown */
    T3("all(l, x == 2)", TK_FALSE);
    T3("all(l, x == 1)", TK_UNKNOWN_TRI);
    T3("count(l, x == 1) == 1", TK_UNKNOWN_TRI);
#undef T3
    eval_with("f || (a && u.deep.path == 3)", v, m, NULL, reason, sizeof reason);
    assert_string_equal(reason, "u.deep.path");
    /* A rule may say it cannot tell, and why. */
    assert_int_equal(
        eval_with("f || (a && unknown(\"not in the input\"))", v, m, NULL, reason, sizeof reason),
        TK_UNKNOWN_TRI);
    assert_string_equal(reason, "not in the input");
    assert_int_equal(ev("a || unknown('x')", "{\"a\": true}"), TK_TRUE);
    assert_int_equal(ev("f && unknown('x')", "{\"f\": false}"), TK_FALSE);
}

static void provider_defaults(void **state) {
    (void)state;
    tk_default d[] = {{"enable_key_rotation", {0}}, {"meta.tokens", {0}}};
    d[0].value = tk_v_bool(false);
    d[1].value = tk_v_str("optional", 8);
    tk_compile_env env = {.defaults = d, .n_defaults = 2};
    assert_int_equal(eval_with("enable_key_rotation == false", "{}", NULL, &env, NULL, 0), TK_TRUE);
    assert_int_equal(
        eval_with("enable_key_rotation", "{\"enable_key_rotation\": true}", NULL, &env, NULL, 0),
        TK_TRUE);
    assert_int_equal(eval_with("meta.tokens == 'optional'", "{\"meta\": {}}", NULL, &env, NULL, 0),
                     TK_TRUE);
    assert_int_equal(
        eval_with("enable_key_rotation", "{}", "{\"enable_key_rotation\": true}", &env, NULL, 0),
        TK_UNKNOWN_TRI);
}

static void functions(void **state) {
    (void)state;
    const char *v =
        "{\"p\": \"{\\\"Statement\\\": [{\\\"Effect\\\": \\\"Allow\\\", \\\"Action\\\": "
        "\\\"*\\\"}]}\","
        " \"bad\": \"{nope\", \"s\": \"MiXeD\", \"e\": \"\", \"k\": \"\xE6\x97\xA5\xE6\x9C\xAC\"}";
    assert_int_equal(
        ev("any(json(p).Statement, Effect == 'Allow' && any(as_list(Action), @ == '*'))", v),
        TK_TRUE);
    assert_int_equal(ev("json(bad) == null", v), TK_TRUE);
    assert_int_equal(ev("lower(s) == 'mixed' && upper(s) == 'MIXED'", v), TK_TRUE);
    assert_int_equal(ev("starts_with(s, 'Mi') && ends_with(s, 'eD') && !starts_with(s, 'x')", v),
                     TK_TRUE);
    assert_int_equal(ev("empty(e) && empty(missing) && !empty(s)", v), TK_TRUE);
    assert_int_equal(ev("len(k) == 2 && len(s) == 5", v), TK_TRUE);
    assert_int_equal(ev("number('12') == 12 && string(3) == '3'", v), TK_TRUE);
    assert_int_equal(ev("contains(['a', 'b'], 'b') && contains(s, 'XeD')", v), TK_TRUE);
    assert_int_equal(
        ev("open_to_world('::/0') && open_to_world('0.0.0.0/0') && !open_to_world('10.0.0.0/8')",
           v),
        TK_TRUE);
    assert_int_equal(ev("matches(s, '(?i)mixed')", v), TK_TRUE);
}

int run_expr_tests(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(compile_errors),          cmocka_unit_test(paths_and_comparisons),
        cmocka_unit_test(wildcards_and_iteration), cmocka_unit_test(three_valued_logic),
        cmocka_unit_test(provider_defaults),       cmocka_unit_test(functions),
    };
    return cmocka_run_group_tests_name("expr", tests, NULL, NULL);
}
