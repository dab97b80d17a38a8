/* HCL native syntax parser: structure, every expression form, templates, heredocs, comments,
 * positions and errors. Trees are compared as S-expressions (hcl_sexpr.h). */
#include "unit.h"
#include "hcl_sexpr.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Parses src as an expression; returns its S-expression (static buffer) or "ERROR: msg@off". */
static const char *expr(const char *src) {
    static char out[4096];
    tk_arena a;
    tk_arena_init(&a);
    tk_err err;
    hcl_expr *e;
    if (!hcl_parse_expr(&a, src, strlen(src), 0, 0, &e, &err)) {
        snprintf(out, sizeof out, "ERROR: %s@%zu", err.msg, err.offset);
    } else {
        tk_buf b;
        tk_buf_init(&b);
        sexpr_expr(&b, e);
        snprintf(out, sizeof out, "%.*s", (int)b.len, b.data);
        tk_buf_free(&b);
    }
    tk_arena_free(&a);
    return out;
}

static const char *body(const char *src) {
    static char out[8192];
    tk_arena a;
    tk_arena_init(&a);
    tk_err err;
    hcl_file f;
    if (!hcl_parse_file(&a, src, strlen(src), 0, 0, &f, &err)) {
        snprintf(out, sizeof out, "ERROR: %s@%zu", err.msg, err.offset);
    } else {
        tk_buf b;
        tk_buf_init(&b);
        sexpr_body(&b, f.body);
        snprintf(out, sizeof out, "%.*s", (int)b.len, b.data);
        tk_buf_free(&b);
    }
    tk_arena_free(&a);
    return out;
}

static void literals_and_operators(void **state) {
    (void)state;
    assert_string_equal(expr("1"), "1");
    assert_string_equal(expr("1.5e3"), "1500");
    assert_string_equal(expr("true"), "true");
    assert_string_equal(expr("null"), "null");
    assert_string_equal(expr("1 + 2 * 3"), "(+ 1 (* 2 3))");
    assert_string_equal(expr("(1 + 2) * 3"), "(* (paren (+ 1 2)) 3)");
    assert_string_equal(expr("a || b && c == d"), "(|| a (&& b (== c d)))");
    assert_string_equal(expr("a < b == c >= d"), "(== (< a b) (>= c d))");
    assert_string_equal(expr("10 - 4 - 3"), "(- (- 10 4) 3)");
    assert_string_equal(expr("x / y * z % 2"), "(% (* (/ x y) z) 2)");
    assert_string_equal(expr("-a.b + !c"), "(+ (- (. a b)) (! c))");
    assert_string_equal(expr("a ? b : c ? d : e"), "(? a b (? c d e))");
    assert_string_equal(expr("a == 1 ? \"x\" : \"y\""), "(? (== a 1) (tpl 'x') (tpl 'y'))");
}

static void traversals_and_splats(void **state) {
    (void)state;
    assert_string_equal(expr("aws_s3_bucket.b.id"), "(. (. aws_s3_bucket b) id)");
    assert_string_equal(expr("var.list[0].name"), "(. (idx (. var list) 0) name)");
    assert_string_equal(expr("a.0.b"), "(. (idx a 0) b)"); /* legacy index */
    assert_string_equal(expr("a[*].b[0]"), "(splat a (idx (. @ b) 0))");
    assert_string_equal(expr("a.*.b[0]"), "(idx (asplat a (. @ b)) 0)");
    assert_string_equal(expr("a[*].b[*].c"), "(splat a (splat (. @ b) (. @ c)))");
    assert_string_equal(expr("a[\"k\"]"), "(idx a (tpl 'k'))");
    assert_string_equal(expr("a[\n 1\n]"), "(idx a 1)");
    assert_string_equal(expr("data.x.y.z"), "(. (. (. data x) y) z)");
}

static void collections(void **state) {
    (void)state;
    assert_string_equal(expr("[]"), "(tuple)");
    assert_string_equal(expr("[1, 2,\n 3,\n]"), "(tuple 1 2 3)");
    assert_string_equal(expr("{}"), "(obj)");
    assert_string_equal(expr("{a = 1, \"b\" = 2, (k) = 3, c: 4}"),
                        "(obj 'a' 1 (tpl 'b') 2 (paren k) 3 'c' 4)");
    assert_string_equal(expr("{\n  a = 1\n  b = [\n 2,\n 3]\n}"), "(obj 'a' 1 'b' (tuple 2 3))");
    assert_string_equal(expr("[for s in var.list : upper(s) if s != \"\"]"),
                        "(for[ s (. var list) (call upper s) if (!= s (tpl)))");
    assert_string_equal(expr("{for k, v in m : k => v...}"), "(for{ k,v m k => v ...)");
    assert_string_equal(expr("{\n for k, v in m :\n k => v\n}"), "(for{ k,v m k => v)");
    assert_string_equal(expr("[(for), 1]"), "(tuple (paren for) 1)");
}

static void calls(void **state) {
    (void)state;
    assert_string_equal(expr("f()"), "(call f)");
    assert_string_equal(expr("merge(a, {x = 1},\n)"), "(call merge a (obj 'x' 1))");
    assert_string_equal(expr("max(list...)"), "(call max list ...)");
    assert_string_equal(expr("provider::aws::arn_parse(x)"), "(call provider::aws::arn_parse x)");
    assert_string_equal(expr("f (1)"), "(call f 1)");
}

static void templates(void **state) {
    (void)state;
    assert_string_equal(expr("\"a${b}c\""), "(tpl 'a' b 'c')");
    assert_string_equal(expr("\"${b}\""), "(tpl b)");
    assert_string_equal(expr("\"\""), "(tpl)");
    assert_string_equal(expr("\"q\\\"\\n\\t\\\\ \\u00e9\\U0001F600\""),
                        "(tpl 'q\"\n\t\\ \xc3\xa9\xf0\x9f\x98\x80')");
    assert_string_equal(expr("\"$${x} %%{y} $ %\""), "(tpl '${x} %{y} $ %')");
    assert_string_equal(expr("\"a ${~ b ~} c\""), "(tpl 'a' b 'c')");
    assert_string_equal(expr("\"%{ if x }yes%{ else }no%{ endif }\""),
                        "(tpl (%if x (tpl 'yes') (tpl 'no')))");
    assert_string_equal(expr("\"%{for i, v in l}${i}=${v};%{endfor}\""),
                        "(tpl (%for i,v l (tpl i '=' v ';')))");
    assert_string_equal(expr("\"x ${ {a = 1}[\"a\"] } y\""),
                        "(tpl 'x ' (idx (obj 'a' 1) (tpl 'a')) ' y')");
    assert_string_equal(expr("\"${\"in${\"ner\"}\"}\""), "(tpl (tpl 'in' (tpl 'ner')))");
}

static void heredocs(void **state) {
    (void)state;
    assert_string_equal(body("a = <<EOT\nline ${x}\n  two\nEOT\n"),
                        "{a=(tpl 'line ' x '\n  two\n')}");
    assert_string_equal(body("a = <<-EOT\n    one\n      two\n    EOT\n"),
                        "{a=(tpl 'one\n  two\n')}");
    assert_string_equal(body("a = <<EOT\nEOT\nb = 1\n"), "{a=(tpl) b=1}");
    assert_string_equal(body("a = <<EOT\n%{ if c ~}\n  yes\n%{ endif ~}\nEOT\n"),
                        "{a=(tpl (%if c (tpl 'yes\n') nil))}");
    assert_string_equal(body("p = <<POLICY\n{\"a\": \"${v}\"}\nPOLICY\n"),
                        "{p=(tpl '{\"a\": \"' v '\"}\n')}");
}

static void structure(void **state) {
    (void)state;
    assert_string_equal(body(""), "{}");
    assert_string_equal(body("# only a comment\n"), "{}");
    assert_string_equal(
        body("resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"x\" # trailing\n  versioning {\n    "
             "enabled = true\n  }\n}\n"),
        "{ resource \"aws_s3_bucket\" \"b\" {bucket=(tpl 'x') versioning {enabled=true}}}");
    assert_string_equal(body("a = 1 // c1\n/* c2\n */ b = 2\nblk x { c = 3 }\nempty {}"),
                        "{a=1 b=2 blk \"x\" {c=3} empty {}}");
    assert_string_equal(body("a = 1\r\nb = [\r\n 2\r\n]\r\n"), "{a=1 b=(tuple 2)}");
    assert_string_equal(body("variable ami {\n  type = \"string\"\n}"),
                        "{ variable \"ami\" {type=(tpl 'string')}}");
}

static void comments_are_collected(void **state) {
    (void)state;
    const char *src = "# tenken:ignore:TK-AWS-S3-001 public website\nresource \"a\" \"b\" {\n  // "
                      "tenken:ignore:X\n  x = 1\n}\n# other\n";
    tk_arena a;
    tk_arena_init(&a);
    tk_err err;
    hcl_file f;
    assert_true(hcl_parse_file(&a, src, strlen(src), 100, 0, &f, &err));
    assert_int_equal(f.n_comments, 2);
    assert_int_equal(f.comments[0].pos, 100);
    assert_true(!strncmp(f.comments[0].text, " tenken:ignore:TK-AWS-S3-001 public website",
                         f.comments[0].len));
    assert_true(!strncmp(f.comments[1].text, " tenken:ignore:X", f.comments[1].len));
    tk_arena_free(&a);
}

static void positions(void **state) {
    (void)state;
    const char *src = "x = 1\nresource \"t\" \"n\" {\n  attr = var.v\n}\n";
    tk_arena a;
    tk_arena_init(&a);
    tk_err err;
    hcl_file f;
    assert_true(hcl_parse_file(&a, src, strlen(src), 1000, 0, &f, &err));
    const hcl_block *b = &f.body->blocks[0];
    assert_int_equal(b->pos, 1006);
    assert_int_equal(b->labels[0].pos, 1015);
    const hcl_attr *at = hcl_body_attr(b->body, "attr");
    assert_non_null(at);
    assert_int_equal(at->pos, 1000 + 27);
    assert_int_equal(at->expr->pos, 1000 + 34);
    assert_int_equal(at->expr->end, 1000 + 39);
    assert_int_equal(b->end, 1000 + strlen(src) - 1);
    tk_arena_free(&a);
}

static void errors(void **state) {
    (void)state;
    assert_string_equal(body("a = \n"), "ERROR: expected an expression, found a line break@4");
    assert_string_equal(body("a = 1 b = 2\n"),
                        "ERROR: expected a line break after the attribute or block, found 'b'@6");
    assert_string_equal(body("a = 1\na = 2\n"),
                        "ERROR: attribute \"a\" is defined twice in this block@6");
    assert_string_equal(body("r \"x\" {\n"),
                        "ERROR: expected '}' closing the block, found end of file@8");
    assert_string_equal(body("a = \"abc\n"),
                        "ERROR: unterminated string (a line break must be written \\n)@8");
    assert_string_equal(
        body("a = \"\\q\"\n"),
        "ERROR: invalid escape sequence (use \\n, \\r, \\t, \\\", \\\\, \\uNNNN or \\UNNNNNNNN)@5");
    assert_string_equal(body("a = <<EOT\nno end\n"),
                        "ERROR: heredoc has no closing \"EOT\" line@4");
    assert_string_equal(body("a = \"${x\"\n"),
                        "ERROR: expected '}' closing the template sequence, found a string@8");
    assert_string_equal(body("a = \"%{if x}y\"\n"), "ERROR: %{if} without a matching %{endif}@5");
    assert_string_equal(body("a = \"%{endif}\"\n"),
                        "ERROR: %{endif} without a matching opening directive@13");
    assert_string_equal(body("a = [1 2]\n"),
                        "ERROR: expected ',' or ']' in a list, found a number@7");
    assert_string_equal(
        body("a = {b = 1 c = 2}\n"),
        "ERROR: expected ',', a line break or '}' after an object element, found 'c'@11");
    assert_string_equal(body("a = f(1,,)\n"), "ERROR: expected an expression, found ','@8");
    assert_string_equal(body("/* open\n"), "ERROR: unterminated /* comment@0");
    assert_string_equal(body("a = 1\n}\n"),
                        "ERROR: expected an attribute name or a block type, found '}'@6");
    assert_string_equal(body("a = \"\xff\"\n"), "ERROR: invalid UTF-8@5");
    assert_string_equal(
        body("a = x.\n"),
        "ERROR: expected an attribute name, an index or '*' after '.', found a line break@6");
}

static void depth_is_limited(void **state) {
    (void)state;
    size_t n = 100000;
    char *s = malloc(2 * n + 8);
    memcpy(s, "a = ", 4);
    for (size_t i = 0; i < n; i++) s[4 + i] = '[';
    s[4 + n] = 0;
    const char *r = body(s);
    assert_true(strstr(r, "nesting deeper than 128 levels") != NULL);
    for (size_t i = 0; i < n; i++) s[4 + i] = i % 2 ? '(' : '-';
    r = body(s);
    assert_true(strstr(r, "nesting deeper than") != NULL);
    free(s);
}

static void bare_templates(void **state) {
    (void)state;
    tk_arena a;
    tk_arena_init(&a);
    tk_err err;
    hcl_expr *e;
    const char *src = "arn:${var.p}:s3 \\n %{ if x }y%{ endif }";
    assert_true(hcl_parse_template(&a, src, strlen(src), 0, 0, &e, &err));
    tk_buf b;
    tk_buf_init(&b);
    sexpr_expr(&b, e);
    assert_int_equal(b.len, strlen("(tpl 'arn:' (. var p) ':s3 \\n ' (%if x (tpl 'y') nil))"));
    assert_memory_equal(b.data, "(tpl 'arn:' (. var p) ':s3 \\n ' (%if x (tpl 'y') nil))", b.len);
    tk_buf_free(&b);
    tk_arena_free(&a);
}

int run_hcl_tests(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(literals_and_operators),
        cmocka_unit_test(traversals_and_splats),
        cmocka_unit_test(collections),
        cmocka_unit_test(calls),
        cmocka_unit_test(templates),
        cmocka_unit_test(heredocs),
        cmocka_unit_test(structure),
        cmocka_unit_test(comments_are_collected),
        cmocka_unit_test(positions),
        cmocka_unit_test(errors),
        cmocka_unit_test(depth_is_limited),
        cmocka_unit_test(bare_templates),
    };
    return cmocka_run_group_tests_name("hcl", tests, NULL, NULL);
}
