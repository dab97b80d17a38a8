/* The JSON parser: values, positions, escapes, limits, skip patterns and errors. */
#include "unit.h"
#include "../../lib/buf.h"
#include "../../lib/json.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct parsed {
    tk_doc doc;
    tk_err err;
    bool ok;
} parsed;

static parsed *parse_opts(const char *s, size_t len, const tk_json_opts *o) {
    parsed *p = calloc(1, sizeof *p);
    tk_doc_init(&p->doc, "t.json");
    p->doc.text.data = s;
    p->doc.text.len = len;
    p->ok = tk_json_parse(&p->doc, o, &p->err);
    return p;
}

static parsed *parse(const char *s) {
    return parse_opts(s, strlen(s), NULL);
}

static void done(parsed *p) {
    tk_doc_free(&p->doc);
    free(p);
}

/* Expects a parse error at line:col whose message contains `what`. */
static void expect_error(const char *s, size_t len, unsigned line, unsigned col, const char *what) {
    parsed *p = parse_opts(s, len, NULL);
    assert_false(p->ok);
    unsigned l, c;
    tk_doc_locate(&p->doc, p->err.offset, &l, &c);
    if (l != line || c != col || !strstr(p->err.msg, what))
        fprintf(stderr, "input %.40s: got %u:%u %s\n", s, l, c, p->err.msg);
    assert_int_equal(l, line);
    assert_int_equal(c, col);
    assert_non_null(strstr(p->err.msg, what));
    assert_int_equal(p->doc.n_nodes, 0);
    done(p);
}

static void scalars_and_containers(void **state) {
    (void)state;
    parsed *p = parse(" {\"a\": [1, -2.5e3, true, false, null, \"x\"], \"b\": {}} ");
    assert_true(p->ok);
    const tk_doc *d = &p->doc;
    const tk_node *root = tk_doc_root(d);
    assert_int_equal(tk_node_kind(root), TK_OBJECT);
    assert_int_equal(tk_node_count(root), 2);
    const tk_node *a = tk_doc_get(d, root, "a");
    assert_non_null(a);
    assert_int_equal(tk_node_kind(a), TK_ARRAY);
    assert_int_equal(tk_node_count(a), 6);
    double v;
    assert_true(tk_doc_number(d, tk_doc_at(a, 1), &v));
    assert_true(v == -2500.0);
    tk_str src = tk_doc_str(d, tk_doc_at(a, 1));
    assert_int_equal(src.len, 6); /* the number keeps its source text */
    assert_memory_equal(src.p, "-2.5e3", 6);
    assert_true(tk_node_bool(tk_doc_at(a, 2)));
    assert_false(tk_node_bool(tk_doc_at(a, 3)));
    assert_int_equal(tk_node_kind(tk_doc_at(a, 4)), TK_NULL);
    assert_true(tk_doc_str_eq(d, tk_doc_at(a, 5), "x"));
    const tk_node *b = tk_doc_get(d, root, "b");
    assert_int_equal(tk_node_kind(b), TK_OBJECT);
    assert_int_equal(tk_node_count(b), 0);
    assert_null(tk_doc_get(d, root, "c"));
    /* The tape: skipping a's subtree lands on b. */
    assert_ptr_equal(tk_node_next(a), b);
    done(p);
}

static void positions(void **state) {
    (void)state;
    parsed *p = parse("{\n  \"k\": \"\xE6\x97\xA5\xE6\x9C\xAC\",\n  \"n\": 7\n}");
    assert_true(p->ok);
    const tk_node *n = tk_doc_get(&p->doc, tk_doc_root(&p->doc), "n");
    unsigned l, c;
    tk_doc_locate(&p->doc, n->pos, &l, &c);
    assert_int_equal(l, 3);
    assert_int_equal(c, 8);
    tk_str k = tk_doc_key(&p->doc, n);
    assert_int_equal(k.len, 1);
    assert_memory_equal(k.p, "n", 1);
    done(p);
}

static void escapes(void **state) {
    (void)state;
    parsed *p = parse("{\"e\\u0073c\": \"a\\\"b\\\\c\\/d\\n\\t\\u00e9\\ud83d\\ude00\\u0000z\"}");
    assert_true(p->ok);
    const tk_node *root = tk_doc_root(&p->doc);
    const tk_node *e = tk_doc_get(&p->doc, root, "esc");
    assert_non_null(e);
    tk_str s = tk_doc_str(&p->doc, e);
    const char want[] = "a\"b\\c/d\n\t\xC3\xA9\xF0\x9F\x98\x80\0z";
    assert_int_equal(s.len, sizeof want - 1);
    assert_memory_equal(s.p, want, s.len);
    done(p);
}

static void errors_have_positions(void **state) {
    (void)state;
    expect_error("", 0, 1, 1, "empty input");
    expect_error("   \n ", 5, 2, 2, "empty input");
    expect_error("{\"a\": 1", 7, 1, 8, "truncated");
    expect_error("{\"a\": \"xy", 9, 1, 10, "unterminated string");
    expect_error("{\"a\": tru}", 10, 1, 7, "expected a value");
    expect_error("[1,]", 4, 1, 4, "expected a value");
    expect_error("{\"a\" 1}", 7, 1, 6, "expected ':'");
    expect_error("{\"a\":1 \"b\":2}", 13, 1, 8, "expected ',' or '}'");
    expect_error("[1] x", 5, 1, 5, "end of input");
    expect_error("{\"a\":\"\x01\"}", 8, 1, 7, "control character");
    expect_error("{\"a\":\"\xC3\x28\"}", 9, 1, 7, "invalid UTF-8");
    expect_error("{\"a\":\"\\ud800x\"}", 14, 1, 7, "surrogate");
    expect_error("{\"a\":\"\\q\"}", 10, 1, 8, "invalid escape");
    expect_error("[01]", 4, 1, 3, "expected ',' or ']'");
    expect_error("[1.]", 4, 1, 4, "digit");
    expect_error("\x7f" "ELF", 4, 1, 1, "expected a value");
    expect_error("{}\n{}", 5, 2, 1, "end of input");
    expect_error("{\"a\":1,}", 8, 1, 8, "string key");
}

static void depth_limit(void **state) {
    (void)state;
    /* 100,000 nested arrays: a clear error, not a stack overflow. */
    size_t n = 100000;
    char *s = malloc(2 * n + 1);
    memset(s, '[', n);
    memset(s + n, ']', n);
    s[2 * n] = 0;
    parsed *p = parse_opts(s, 2 * n, NULL);
    assert_false(p->ok);
    assert_non_null(strstr(p->err.msg, "nesting deeper than 256"));
    done(p);
    tk_json_opts o = {.max_depth = 100001};
    p = parse_opts(s, 2 * n, &o);
    assert_true(p->ok);
    done(p);
    free(s);
}

static void skip_patterns(void **state) {
    (void)state;
    const char *skip[] = {"rc/*/change/before", "big"};
    tk_json_opts o = {.skip = skip, .n_skip = 2};
    const char *src = "{\"rc\": [{\"change\": {\"before\": {\"x\": [1,2,3]}, \"after\": 1}}],"
                      " \"big\": [[[1]]], \"keep\": {\"before\": 2}}";
    parsed *p = parse_opts(src, strlen(src), &o);
    assert_true(p->ok);
    const tk_doc *d = &p->doc;
    const tk_node *root = tk_doc_root(d);
    assert_null(tk_doc_get(d, root, "big"));
    const tk_node *ch = tk_doc_get(d, tk_doc_at(tk_doc_get(d, root, "rc"), 0), "change");
    assert_null(tk_doc_get(d, ch, "before"));
    assert_non_null(tk_doc_get(d, ch, "after"));
    assert_int_equal(tk_node_count(ch), 1);
    /* Only the exact path is skipped. */
    assert_non_null(tk_doc_get(d, tk_doc_get(d, root, "keep"), "before"));
    done(p);
    /* Skipped values are still validated. */
    src = "{\"big\": [1, \"\xFF\"]}";
    p = parse_opts(src, strlen(src), &o);
    assert_false(p->ok);
    assert_non_null(strstr(p->err.msg, "UTF-8"));
    done(p);
}

static void shaping_patterns(void **state) {
    (void)state;
    const char *pats[] = {"~v/**/values", "!c/*/u", "?v:c/*/after"};
    tk_json_opts o = {.skip = pats, .n_skip = 3};
    const char *src = "{\"v\": {\"values\": {\"a\": null, \"b\": 1, \"l\": [null, 2]}},"
                      " \"c\": [{\"after\": {\"x\": 1}, \"u\": {\"p\": true, \"q\": false, \"r\": [{}], \"s\": [false, true], \"t\": {\"z\": false}}}]}";
    parsed *p = parse_opts(src, strlen(src), &o);
    assert_true(p->ok);
    const tk_doc *d = &p->doc;
    const tk_node *root = tk_doc_root(d);
    const tk_node *vals = tk_doc_get(d, tk_doc_get(d, root, "v"), "values");
    assert_null(tk_doc_get(d, vals, "a"));            /* null member dropped */
    assert_non_null(tk_doc_get(d, vals, "b"));
    assert_int_equal(tk_node_count(tk_doc_get(d, vals, "l")), 2); /* array elements stay */
    const tk_node *c0 = tk_doc_at(tk_doc_get(d, root, "c"), 0);
    assert_null(tk_doc_get(d, c0, "after"));          /* skipped: v came first */
    const tk_node *u = tk_doc_get(d, c0, "u");
    assert_true(tk_node_bool(tk_doc_get(d, u, "p")));
    assert_null(tk_doc_get(d, u, "q"));                /* false member pruned */
    assert_null(tk_doc_get(d, u, "r"));                /* no true below: pruned */
    assert_null(tk_doc_get(d, u, "t"));
    const tk_node *sarr = tk_doc_get(d, u, "s");
    assert_int_equal(tk_node_count(sarr), 2);          /* indices kept */
    assert_true(tk_node_bool(tk_doc_at(sarr, 1)));
    done(p);
    /* Without v before c, the condition does not hold and after stays. */
    src = "{\"c\": [{\"after\": {\"x\": 1}}], \"v\": {}}";
    p = parse_opts(src, strlen(src), &o);
    assert_true(p->ok);
    assert_non_null(tk_doc_get(&p->doc, tk_doc_at(tk_doc_get(&p->doc, tk_doc_root(&p->doc), "c"), 0), "after"));
    done(p);
}

/* More names at one level than a shared plan holds, and more (patterns, depth) places than
 * plans are kept for: both fall back to matching every key, with the same result. */
static void many_patterns(void **state) {
    (void)state;
    char names[20][8], deep[40][40];
    const char *pats[60];
    for (int i = 0; i < 20; i++) {
        snprintf(names[i], sizeof names[i], "r/*/k%02d", i);
        pats[i] = names[i];
    }
    for (int i = 0; i < 40; i++) {
        snprintf(deep[i], sizeof deep[i], "p%02d/a/a/a/a/a/a/a/a/a/a/s", i);
        pats[20 + i] = deep[i];
    }
    tk_json_opts o = {.skip = pats, .n_skip = 60};
    tk_buf b;
    tk_buf_init(&b);
    tk_buf_puts(&b, "{\"r\": [{");
    for (int i = 0; i < 22; i++) tk_buf_printf(&b, "%s\"k%02d\": %d", i ? ", " : "", i, i);
    tk_buf_puts(&b, "}]");
    for (int i = 0; i < 40; i++) {
        tk_buf_printf(&b, ", \"p%02d\": ", i);
        for (int l = 0; l < 10; l++) tk_buf_puts(&b, "{\"a\": ");
        tk_buf_puts(&b, "{\"s\": 1, \"t\": 2}");
        for (int l = 0; l < 10; l++) tk_buf_puts(&b, "}");
    }
    tk_buf_puts(&b, "}");
    assert_false(b.oom);
    parsed *p = parse_opts(b.data, b.len, &o);
    assert_true(p->ok);
    const tk_doc *d = &p->doc;
    const tk_node *root = tk_doc_root(d);
    const tk_node *r0 = tk_doc_at(tk_doc_get(d, root, "r"), 0);
    assert_int_equal(tk_node_count(r0), 2); /* k00..k19 left out, k20 and k21 kept */
    assert_non_null(tk_doc_get(d, r0, "k20"));
    assert_non_null(tk_doc_get(d, r0, "k21"));
    for (int i = 0; i < 40; i++) {
        char k[8];
        snprintf(k, sizeof k, "p%02d", i);
        const tk_node *n = tk_doc_get(d, root, k);
        for (int l = 0; l < 10; l++) n = tk_doc_get(d, n, "a");
        assert_non_null(n);
        assert_null(tk_doc_get(d, n, "s"));
        assert_non_null(tk_doc_get(d, n, "t"));
    }
    done(p);
    tk_buf_free(&b);
}

static void long_strings_use_fast_path(void **state) {
    (void)state;
    size_t n = 5000;
    char *s = malloc(n + 10);
    s[0] = '"';
    for (size_t i = 1; i <= n; i++) s[i] = (char)('a' + i % 26);
    s[n + 1] = '"';
    parsed *p = parse_opts(s, n + 2, NULL);
    assert_true(p->ok);
    assert_int_equal(tk_doc_str(&p->doc, tk_doc_root(&p->doc)).len, n);
    done(p);
    free(s);
}

int run_json_tests(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(scalars_and_containers), cmocka_unit_test(positions),
        cmocka_unit_test(escapes),                cmocka_unit_test(errors_have_positions),
        cmocka_unit_test(depth_limit),            cmocka_unit_test(skip_patterns),
        cmocka_unit_test(long_strings_use_fast_path), cmocka_unit_test(shaping_patterns),
        cmocka_unit_test(many_patterns),
    };
    return cmocka_run_group_tests_name("json", tests, NULL, NULL);
}
