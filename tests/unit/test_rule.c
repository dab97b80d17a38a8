/* Rule files: validation errors point at file:line:col, including inside conditions. */
#include "unit.h"
#include "../../include/tenken.h"
#include <stdio.h>
#include <string.h>

static const char HEAD[] =
    "id: TK-TEST-X-001\nprovider: aws\ncategory: \"3\"\nguideline: [Ⅲ.3.1.1]\nseverity: high\n"
    "level: basic\ntitle: {ja: テスト, en: test}\nrationale: {ja: テスト, en: test}\n"
    "risk: {ja: テスト, en: test}\nremediation: {ja: テスト, en: test}\n";

static void load_error(const char *body, unsigned line, unsigned col, const char *what) {
    char text[4096];
    snprintf(text, sizeof text, "%s%s", HEAD, body);
    tk_engine *e = tk_engine_new();
    tk_diag d;
    bool ok = tk_engine_load_rule(e, "x.rule", text, strlen(text), &d);
    if (ok || d.line != line || d.column != col || !strstr(d.message, what))
        fprintf(stderr, "%s\n-> %s:%u:%u: %s\n", body, d.file, d.line, d.column, d.message);
    assert_false(ok);
    assert_string_equal(d.file, "x.rule");
    assert_int_equal(d.line, line);
    assert_int_equal(d.column, col);
    assert_non_null(strstr(d.message, what));
    tk_engine_free(e);
}

static void good_rule_loads(void **state) {
    (void)state;
    char text[4096];
    snprintf(text, sizeof text, "%s%s", HEAD,
             "cis:\n  - {benchmark: B, version: 1.0.0, control: \"1.1\"}\n"
             "defaults: {x: false}\nmatch:\n  - family: terraform\n    resource: [aws_a, aws_b]\n"
             "    where: exists(y)\n    assert: >\n      x == true\n");
    tk_engine *e = tk_engine_new();
    tk_diag d;
    assert_true(tk_engine_load_rule(e, "x.rule", text, strlen(text), &d));
    const tk_rule *r = tk_engine_find_rule(e, "TK-TEST-X-001");
    assert_non_null(r);
    assert_string_equal(r->category, "3");
    assert_int_equal(r->severity, TK_SEV_HIGH);
    assert_int_equal(r->n_matches, 1);
    assert_int_equal(r->matches[0].n_types, 2);
    assert_int_equal(r->n_cis, 1);
    /* The same id twice is refused. */
    assert_false(tk_engine_load_rule(e, "y.rule", text, strlen(text), &d));
    assert_non_null(strstr(d.message, "already loaded"));
    tk_engine_free(e);
}

static void japanese_folding(void **state) {
    (void)state;
    char text[4096];
    snprintf(text, sizeof text,
             "id: TK-TEST-X-002\nprovider: aws\ncategory: \"1\"\nguideline: [Ⅲ.3.1.1]\nseverity: low\n"
             "level: basic\ntitle: {ja: テスト, en: test}\n"
             "rationale:\n  ja: >-\n    一行目の文章で、\n    二行目に続きます。AWS の\n    設定です。\n  en: test\n"
             "risk: {ja: テスト, en: test}\nremediation: {ja: テスト, en: test}\n"
             "match:\n  - family: terraform\n    resource: aws_a\n    assert: true\n");
    tk_engine *e = tk_engine_new();
    tk_diag d;
    assert_true(tk_engine_load_rule(e, "x.rule", text, strlen(text), &d));
    const tk_rule *r = tk_engine_find_rule(e, "TK-TEST-X-002");
    assert_string_equal(r->rationale.ja, "一行目の文章で、二行目に続きます。AWS の設定です。");
    tk_engine_free(e);
}

static void errors_point_at_the_problem(void **state) {
    (void)state;
    load_error("match:\n  - family: terraform\n    resource: aws_a\n    assert: a == = 1\n", 14, 18, "assert");
    load_error("match:\n  - family: terraform\n    resource: aws_a\n    assert: >\n      a == 1 &&\n      nosuch(b)\n", 16, 7, "unknown function");
    load_error("match:\n  - family: terraform\n    resource: aws_a\n    assert: x\n    whatever: 1\n", 15, 15, "unknown key 'whatever'");
    load_error("match:\n  - family: cloudy\n    resource: aws_a\n    assert: x\n", 12, 13, "unknown input family");
    load_error("match: []\n", 11, 8, "non-empty list");
    load_error("colour: blue\nmatch:\n  - family: terraform\n    resource: aws_a\n    assert: x\n", 11, 9, "unknown key 'colour'");
    load_error("match:\n  - family: terraform\n    assert: x\n", 12, 5, "without resource types");
}

static void field_validation(void **state) {
    (void)state;
    const char *bad[][2] = {
        {"id: tk-lower", "must look like"},
        {"category: \"8\"", "unknown category"},
        {"severity: huge", "severity 'huge'"},
        {"level: mandatory", "level 'mandatory'"},
        {"guideline: [III.3.1.1]", "not a measure ID"},
        {"title: {ja: テスト}", "no English text"},
        {"risk: plain", "mapping with ja and en"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        /* Replace one field of HEAD. */
        char text[4096];
        const char *key_end = strchr(bad[i][0], ':');
        size_t klen = (size_t)(key_end - bad[i][0]);
        char out[4096] = "";
        const char *line = HEAD;
        while (*line) {
            const char *nl = strchr(line, '\n');
            size_t ll = (size_t)(nl - line);
            if (!strncmp(line, bad[i][0], klen + 1)) strncat(out, bad[i][0], sizeof out - strlen(out) - 1);
            else strncat(out, line, ll < sizeof out - strlen(out) - 1 ? ll : 0);
            strncat(out, "\n", sizeof out - strlen(out) - 1);
            line = nl + 1;
        }
        snprintf(text, sizeof text, "%smatch:\n  - family: terraform\n    resource: aws_a\n    assert: x\n", out);
        tk_engine *e = tk_engine_new();
        tk_diag d;
        assert_false(tk_engine_load_rule(e, "x.rule", text, strlen(text), &d));
        if (!strstr(d.message, bad[i][1])) fprintf(stderr, "%s -> %s\n", bad[i][0], d.message);
        assert_non_null(strstr(d.message, bad[i][1]));
        assert_true(d.line >= 1);
        tk_engine_free(e);
    }
}

static void builtin_rules_load(void **state) {
    (void)state;
    tk_engine *e = tk_engine_new();
    tk_diag d;
    bool ok = tk_engine_load_builtin(e, &d);
    if (!ok) fprintf(stderr, "%s:%u:%u: %s\n", d.file, d.line, d.column, d.message);
    assert_true(ok);
    assert_true(tk_engine_rule_count(e) >= 1);
    for (size_t i = 1; i < tk_engine_rule_count(e); i++)
        assert_true(strcmp(tk_engine_rule(e, i - 1)->id, tk_engine_rule(e, i)->id) < 0);
    tk_engine_free(e);
}

int run_rule_tests(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(good_rule_loads), cmocka_unit_test(japanese_folding),
        cmocka_unit_test(errors_point_at_the_problem), cmocka_unit_test(field_validation),
        cmocka_unit_test(builtin_rules_load),
    };
    return cmocka_run_group_tests_name("rule", tests, NULL, NULL);
}
