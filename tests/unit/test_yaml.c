/* The YAML reader: typing, positions, multiple documents, aliases, duplicates, errors. */
#include "unit.h"
#include "../../lib/yaml.h"
#include <stdlib.h>
#include <string.h>

static bool yparse(tk_doc *d, const char *s, tk_err *e, const tk_yaml_opts *o) {
    tk_doc_init(d, "t.yaml");
    d->text.data = s;
    d->text.len = strlen(s);
    return tk_yaml_parse(d, o, e);
}

static void types_and_positions(void **state) {
    (void)state;
    tk_doc d;
    tk_err e;
    assert_true(yparse(&d, "a: 1\nb: true\nc: ~\nd: \"1\"\ne: hello\nf: [x, 2.5]\ng: |\n  line\n",
                       &e, NULL));
    const tk_node *stream = tk_doc_root(&d);
    assert_int_equal(tk_node_count(stream), 1);
    const tk_node *m = tk_doc_at(stream, 0);
    assert_int_equal(tk_node_kind(tk_doc_get(&d, m, "a")), TK_NUMBER);
    assert_true(tk_node_bool(tk_doc_get(&d, m, "b")));
    assert_int_equal(tk_node_kind(tk_doc_get(&d, m, "c")), TK_NULL);
    assert_int_equal(tk_node_kind(tk_doc_get(&d, m, "d")), TK_STRING); /* quoted stays a string */
    assert_true(tk_doc_str_eq(&d, tk_doc_get(&d, m, "e"), "hello"));
    const tk_node *f = tk_doc_get(&d, m, "f");
    assert_int_equal(tk_node_count(f), 2);
    assert_true(tk_doc_str_eq(&d, tk_doc_get(&d, m, "g"), "line\n"));
    unsigned l, c;
    tk_doc_locate(&d, tk_doc_get(&d, m, "e")->pos, &l, &c);
    assert_int_equal(l, 5);
    assert_int_equal(c, 4);
    tk_doc_free(&d);
}

static void multi_document_stream(void **state) {
    (void)state;
    tk_doc d;
    tk_err e;
    assert_true(yparse(&d, "a: 1\n---\nb: 2\n---\n- x\n", &e, NULL));
    assert_int_equal(tk_node_count(tk_doc_root(&d)), 3);
    tk_doc_free(&d);
}

static void duplicate_keys_are_errors(void **state) {
    (void)state;
    tk_doc d;
    tk_err e;
    assert_false(yparse(&d, "a: 1\nb: 2\na: 3\n", &e, NULL));
    assert_non_null(strstr(e.msg, "duplicate key 'a'"));
    unsigned l, c;
    tk_doc_locate(&d, e.offset, &l, &c);
    assert_int_equal(l, 3);
    tk_doc_free(&d);
}

static void aliases_expand_within_budget(void **state) {
    (void)state;
    tk_doc d;
    tk_err e;
    assert_true(yparse(&d, "base: &b {x: 1, y: [1, 2]}\ncopy: *b\n", &e, NULL));
    const tk_node *m = tk_doc_at(tk_doc_root(&d), 0);
    const tk_node *copy = tk_doc_get(&d, m, "copy");
    assert_int_equal(tk_node_kind(copy), TK_OBJECT);
    assert_int_equal(tk_node_count(tk_doc_get(&d, copy, "y")), 2);
    tk_doc_free(&d);
}

static void billion_laughs_is_refused(void **state) {
    (void)state;
    const char *bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
                       "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                       "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
                       "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
                       "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
                       "f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
                       "g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]\n"
                       "h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g, *g]\n";
    tk_doc d;
    tk_err e;
    assert_false(yparse(&d, bomb, &e, NULL));
    assert_non_null(strstr(e.msg, "alias expansion limit"));
    tk_doc_free(&d);
}

static void syntax_errors(void **state) {
    (void)state;
    tk_doc d;
    tk_err e;
    assert_false(yparse(&d, "a: [1, 2\nb: 3\n", &e, NULL));
    tk_doc_free(&d);
    assert_false(yparse(&d, "a:\n\t- 1\n", &e, NULL)); /* tab indentation */
    unsigned l, c;
    tk_doc_locate(&d, e.offset, &l, &c);
    assert_int_equal(l, 2);
    assert_int_equal(c, 1);
    assert_string_equal(e.msg, "a tab character cannot indent YAML (use spaces)");
    tk_doc_free(&d);
    assert_false(yparse(&d, "a: 1\n\tb: 2\n", &e, NULL));
    assert_string_equal(e.msg, "a tab character cannot indent YAML (use spaces)");
    tk_doc_free(&d);
    assert_false(yparse(&d, "a: *nope\n", &e, NULL));
    assert_non_null(strstr(e.msg, "unknown alias"));
    tk_doc_free(&d);
    assert_false(yparse(&d, "a: \xFF\n", &e, NULL));
    assert_non_null(strstr(e.msg, "UTF-8"));
    tk_doc_free(&d);
}

static void tags_are_kept(void **state) {
    (void)state;
    tk_doc d;
    tk_err e;
    assert_true(yparse(
        &d,
        "a:\n  - !Ref X\n  - !Sub \"x-${Y}\"\nb: !GetAtt [R, Arn]\nc: &k !Ref Z\nd: *k\ne: plain\n",
        &e, NULL));
    const tk_node *m = tk_doc_at(tk_doc_root(&d), 0);
    const tk_node *a = tk_doc_get(&d, m, "a");
    assert_string_equal(tk_doc_tag(&d, tk_doc_at(a, 0)), "!Ref");
    assert_true(tk_doc_str_eq(&d, tk_doc_at(a, 0), "X"));
    assert_string_equal(tk_doc_tag(&d, tk_doc_at(a, 1)), "!Sub");
    assert_string_equal(tk_doc_tag(&d, tk_doc_get(&d, m, "b")), "!GetAtt");
    assert_int_equal(tk_node_kind(tk_doc_get(&d, m, "b")), TK_ARRAY);
    assert_string_equal(tk_doc_tag(&d, tk_doc_get(&d, m, "d")), "!Ref"); /* through an alias */
    assert_null(tk_doc_tag(&d, tk_doc_get(&d, m, "e")));
    assert_null(tk_doc_tag(&d, a));
    tk_doc_free(&d);
}

int run_yaml_tests(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(types_and_positions),
        cmocka_unit_test(multi_document_stream),
        cmocka_unit_test(duplicate_keys_are_errors),
        cmocka_unit_test(aliases_expand_within_budget),
        cmocka_unit_test(billion_laughs_is_refused),
        cmocka_unit_test(syntax_errors),
        cmocka_unit_test(tags_are_kept),
    };
    return cmocka_run_group_tests_name("yaml", tests, NULL, NULL);
}
