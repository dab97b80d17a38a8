/* Evaluation of Terraform source: variables and their precedence, locals, count and
 * for_each addresses, dynamic blocks, local modules, references, the JSON syntax, limits,
 * the sandbox and inline suppressions. Configurations live in an in-memory tree; values are
 * compared as compact JSON (unknown is written ?). */
#include "unit.h"
#include "doc_dump.h"
#include "../../lib/adapt_tfsrc.h"
#include "../../lib/engine.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- an in-memory tree ---- */

typedef struct mem_file {
    const char *path, *text;
} mem_file;

typedef struct mem_fs {
    tk_srcfs fs;
    const mem_file *files;
} mem_fs;

static bool mem_read(void *self, const char *rel, const char **data, size_t *len, char *err,
                     size_t cap) {
    const mem_fs *m = self;
    for (const mem_file *f = m->files; f->path; f++)
        if (!strcmp(f->path, rel)) {
            *data = f->text;
            *len = strlen(f->text);
            return true;
        }
    snprintf(err, cap, "no such file");
    return false;
}

static bool mem_list(void *self, const char *rel, void (*each)(void *, const char *, bool),
                     void *ctx, char *err, size_t cap) {
    const mem_fs *m = self;
    size_t rl = strlen(rel);
    bool any = false;
    char seen[64][128];
    int n_seen = 0;
    for (const mem_file *f = m->files; f->path; f++) {
        const char *p = f->path;
        if (rl && (strncmp(p, rel, rl) != 0 || p[rl] != '/')) continue;
        p += rl ? rl + 1 : 0;
        const char *slash = strchr(p, '/');
        char name[128];
        snprintf(name, sizeof name, "%.*s", slash ? (int)(slash - p) : (int)strlen(p), p);
        bool dup = false;
        for (int i = 0; i < n_seen && !dup; i++) dup = !strcmp(seen[i], name);
        if (dup) continue;
        if (n_seen < 64) snprintf(seen[n_seen++], sizeof seen[0], "%s", name);
        each(ctx, name, slash != NULL);
        any = true;
    }
    if (!any && rl) {
        snprintf(err, cap, "no such directory");
        return false;
    }
    return true;
}

/* ---- loading and looking ---- */

typedef struct loaded {
    tk_doc doc;
    tk_rtable t;
    tk_tfsrc *ts;
    tk_engine *e;
    tk_facts facts;
    tk_err err;
    char warnings[4096];
} loaded;

static void collect_warning(void *self, const tk_doc *d, uint32_t pos, const char *msg) {
    loaded *l = self;
    unsigned line, col;
    tk_doc_locate_file((tk_doc *)d, pos, &line, &col);
    size_t n = strlen(l->warnings);
    snprintf(l->warnings + n, sizeof l->warnings - n, "%u:%u %s\n", line, col, msg);
}

static loaded *load_opts(const mem_file *files, const char *root, tk_tfsrc_opts *o) {
    static mem_fs fs;
    fs = (mem_fs){{&fs, mem_read, mem_list}, files};
    loaded *l = calloc(1, sizeof *l);
    l->e = tk_engine_new();
    tk_diag d;
    assert_true(tk_engine_load_builtin(l->e, &d));
    tk_doc_init(&l->doc, root);
    tk_rtable_init(&l->t, "terraform");
    o->fs = &fs.fs;
    o->path = root;
    tk_err ferr;
    assert_true(tk_engine_facts(l->e, &l->facts, &ferr));
    o->facts = &l->facts;
    o->warn = collect_warning;
    o->warn_self = l;
    l->ts = tk_tfsrc_load(&l->doc, &l->t, o, &l->err);
    return l;
}

static loaded *load(const mem_file *files) {
    tk_tfsrc_opts o = {0};
    return load_opts(files, "", &o);
}

static void done(loaded *l) {
    tk_rtable_free(&l->t);
    tk_tfsrc_free(l->ts);
    tk_doc_free(&l->doc);
    tk_facts_free(&l->facts);
    tk_engine_free(l->e);
    free(l);
}

static const tk_resource *res(loaded *l, const char *address) {
    return dump_find(&l->t, address);
}

/* The value of an attribute (dotted path through objects) as compact JSON. */
static const char *attr(loaded *l, const char *address, const char *path) {
    return dump_attr(&l->doc, &l->t, address, path);
}

/* ---- tests ---- */

static void variables_and_precedence(void **state) {
    (void)state;
    const mem_file files[] = {
        {"main.tf", "variable \"a\" { default = \"def\" }\n"
                    "variable \"b\" { default = \"def\" }\n"
                    "variable \"c\" { default = \"def\" }\n"
                    "variable \"d\" {\n  type = number\n}\n"
                    "variable \"e\" {\n  type = list(string)\n}\n"
                    "variable \"unset\" {}\n"
                    "resource \"t_r\" \"x\" {\n  a = var.a\n  b = var.b\n  c = var.c\n  d = "
                    "var.d\n  e = var.e\n  u = var.unset\n}\n"},
        {"terraform.tfvars", "b = \"tfvars\"\nc = \"tfvars\"\n"},
        {"x.auto.tfvars", "c = \"auto\"\n"},
        {NULL, NULL},
    };
    const char *vars[] = {"d=42"};
    const char *env[] = {"TF_VAR_a=env", "TF_VAR_c=env", "TF_VAR_e=[\"p\", 1]", "OTHER=x"};
    tk_tfsrc_opts o = {.vars = vars, .n_vars = 1, .env = env, .n_env = 4};
    loaded *l = load_opts(files, "", &o);
    assert_non_null(l->ts);
    assert_string_equal(attr(l, "t_r.x", "a"), "\"env\"");
    assert_string_equal(attr(l, "t_r.x", "b"), "\"tfvars\"");
    assert_string_equal(attr(l, "t_r.x", "c"),
                        "\"auto\""); /* auto.tfvars over terraform.tfvars and env */
    assert_string_equal(attr(l, "t_r.x", "d"), "42"); /* converted to the declared number */
    assert_string_equal(attr(l, "t_r.x", "e"), "[\"p\",\"1\"]");
    assert_string_equal(attr(l, "t_r.x", "u"), "?"); /* nobody set it: unknown, not null */
    done(l);
}

static void locals_any_order_and_cycles(void **state) {
    (void)state;
    const mem_file files[] = {
        {"a.tf", "locals {\n  full = \"${local.prefix}-${local.env}\"\n  loop1 = local.loop2\n}\n"},
        {"b.tf", "locals {\n  prefix = \"acme\"\n  env = upper(\"dev\")\n  loop2 = local.loop1\n}\n"
                 "resource \"t_r\" \"x\" {\n  name = local.full\n  bad = local.loop1\n}\n"},
        {NULL, NULL},
    };
    loaded *l = load(files);
    assert_non_null(l->ts);
    assert_string_equal(attr(l, "t_r.x", "name"), "\"acme-DEV\"");
    assert_string_equal(attr(l, "t_r.x", "bad"), "?");
    assert_non_null(strstr(l->warnings, "depends on itself"));
    done(l);
}

static void count_and_for_each_addresses(void **state) {
    (void)state;
    const mem_file files[] = {
        {"main.tf",
         "resource \"t_r\" \"c\" {\n  count = 2\n  n = \"i${count.index}\"\n}\n"
         "resource \"t_r\" \"m\" {\n  for_each = { logs = \"L\", \"data x\" = \"D\" }\n  k = "
         "each.key\n  v = each.value\n}\n"
         "resource \"t_r\" \"s\" {\n  for_each = toset([\"a\", \"b\"])\n  k = each.key\n}\n"
         "resource \"t_r\" \"u\" {\n  count = var.n\n  x = 1\n}\n"
         "resource \"t_r\" \"zero\" {\n  count = 0\n}\n"
         "variable \"n\" {}\n"
         "resource \"t_r\" \"ref\" {\n  first = t_r.c[0].n\n  all = t_r.c[*].n\n  logs = "
         "t_r.m[\"logs\"].v\n}\n"},
        {NULL, NULL},
    };
    loaded *l = load(files);
    assert_non_null(l->ts);
    assert_string_equal(attr(l, "t_r.c[0]", "n"), "\"i0\"");
    assert_string_equal(attr(l, "t_r.c[1]", "n"), "\"i1\"");
    assert_string_equal(attr(l, "t_r.m[\"logs\"]", "v"), "\"L\"");
    assert_string_equal(attr(l, "t_r.m[\"data x\"]", "k"), "\"data x\"");
    assert_null(res(l, "t_r.zero"));
    assert_null(res(l, "t_r.zero[0]"));
    const tk_resource *u = res(l, "t_r.u[*]");
    assert_non_null(u);
    assert_true(u->uncertain);
    assert_string_equal(attr(l, "t_r.ref", "first"), "\"i0\"");
    assert_string_equal(attr(l, "t_r.ref", "all"), "[\"i0\",\"i1\"]");
    assert_string_equal(attr(l, "t_r.ref", "logs"), "\"L\"");
    assert_string_equal(attr(l, "t_r.s[\"a\"]", "k"), "\"a\"");
    assert_string_equal(attr(l, "t_r.s[\"b\"]", "k"), "\"b\"");
    done(l);
}

static void dynamic_blocks_and_nesting(void **state) {
    (void)state;
    const mem_file files[] = {
        {"main.tf", "variable \"ports\" { default = [22, 443] }\n"
                    "resource \"t_r\" \"sg\" {\n"
                    "  ingress {\n    from = 1\n  }\n"
                    "  dynamic \"ingress\" {\n    for_each = var.ports\n    iterator = p\n"
                    "    content {\n      from = p.value\n      idx = p.key\n    }\n  }\n"
                    "  dynamic \"egress\" {\n    for_each = var.missing_list\n    content {\n      "
                    "x = 1\n    }\n  }\n"
                    "  lifecycle {\n    ignore_changes = [tags]\n  }\n}\n"
                    "variable \"missing_list\" {}\n"},
        {NULL, NULL},
    };
    loaded *l = load(files);
    assert_non_null(l->ts);
    assert_string_equal(attr(l, "t_r.sg", "ingress"),
                        "[{from:1},{from:22,idx:0},{from:443,idx:1}]");
    assert_string_equal(attr(l, "t_r.sg", "egress"), "?");
    assert_string_equal(attr(l, "t_r.sg", "lifecycle"), "ABSENT");
    done(l);
}

static void local_modules(void **state) {
    (void)state;
    const mem_file files[] = {
        {"main.tf", "module \"logs\" {\n  source = \"./modules/bucket\"\n  name = \"logs\"\n}\n"
                    "module \"many\" {\n  source = \"./modules/bucket\"\n  count = 2\n  name = "
                    "\"m${count.index}\"\n}\n"
                    "module \"remote\" {\n  source = \"terraform-aws-modules/s3-bucket/aws\"\n}\n"
                    "resource \"t_r\" \"use\" {\n  b = module.logs.bucket_name\n  r = "
                    "module.remote.anything\n}\n"},
        {"modules/bucket/main.tf",
         "variable \"name\" {}\n"
         "resource \"aws_s3_bucket\" \"this\" {\n  bucket = \"acme-${var.name}\"\n}\n"
         "module \"inner\" {\n  source = \"../inner\"\n  tag = var.name\n}\n"
         "output \"bucket_name\" {\n  value = aws_s3_bucket.this.bucket\n}\n"},
        {"modules/inner/main.tf",
         "variable \"tag\" {}\nresource \"t_r\" \"i\" {\n  tag = var.tag\n}\n"},
        {NULL, NULL},
    };
    loaded *l = load(files);
    assert_non_null(l->ts);
    assert_string_equal(attr(l, "module.logs.aws_s3_bucket.this", "bucket"), "\"acme-logs\"");
    assert_string_equal(attr(l, "module.many[1].aws_s3_bucket.this", "bucket"), "\"acme-m1\"");
    assert_string_equal(attr(l, "module.logs.module.inner.t_r.i", "tag"), "\"logs\"");
    assert_string_equal(attr(l, "t_r.use", "b"), "\"acme-logs\"");
    assert_string_equal(attr(l, "t_r.use", "r"), "?");
    assert_non_null(strstr(l->warnings, "outside this tree"));
    const tk_resource *inner = res(l, "module.logs.module.inner.t_r.i");
    assert_int_equal(inner->n_via, 2); /* both module calls lead to it */
    done(l);
}

static void provider_facts_fill_in(void **state) {
    (void)state;
    const mem_file files[] = {
        {"main.tf",
         "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"x\"\n}\n"
         "resource \"aws_s3_bucket_public_access_block\" \"p\" {\n  bucket = aws_s3_bucket.b.id\n"
         "  block_public_acls = \"true\"\n}\n"},
        {NULL, NULL},
    };
    loaded *l = load(files);
    assert_non_null(l->ts);
    assert_string_equal(attr(l, "aws_s3_bucket.b", "force_destroy"), "false"); /* a default */
    assert_string_equal(attr(l, "aws_s3_bucket.b", "versioning"), "?"); /* known after apply */
    assert_string_equal(attr(l, "aws_s3_bucket.b", "arn"), "?");
    assert_string_equal(attr(l, "aws_s3_bucket_public_access_block.p", "bucket"), "?");
    assert_string_equal(attr(l, "aws_s3_bucket_public_access_block.p", "block_public_acls"),
                        "true"); /* typed */
    /* The reference is kept for joins. */
    tk_ref_target tg[4];
    size_t n;
    bool resolved;
    assert_true(l->t.refs.targets(l->t.refs.self, res(l, "aws_s3_bucket_public_access_block.p"),
                                  "bucket", tg, 4, &n, &resolved));
    assert_int_equal(n, 1);
    assert_int_equal(tg[0].base.len, strlen("aws_s3_bucket.b"));
    assert_memory_equal(tg[0].base.p, "aws_s3_bucket.b", tg[0].base.len);
    done(l);
}

static void json_syntax(void **state) {
    (void)state;
    const mem_file files[] = {
        {"main.tf.json",
         "{\"variable\": {\"env\": {\"default\": \"dev\"}},\n"
         " \"resource\": {\"aws_s3_bucket\": {\"b\": {\"bucket\": \"acme-${var.env}\",\n"
         "   \"versioning\": {\"enabled\": true}, \"tags\": {\"Env\": \"${var.env}\"}}}}}\n"},
        {NULL, NULL},
    };
    loaded *l = load(files);
    assert_non_null(l->ts);
    assert_string_equal(attr(l, "aws_s3_bucket.b", "bucket"), "\"acme-dev\"");
    assert_string_equal(attr(l, "aws_s3_bucket.b", "versioning.0.enabled"),
                        "true");                                              /* a block: a list */
    assert_string_equal(attr(l, "aws_s3_bucket.b", "tags"), "{Env:\"dev\"}"); /* a map attribute */
    done(l);
}

static void errors_have_places(void **state) {
    (void)state;
    const mem_file files[] = {
        {"a.tf", "resource \"t_r\" \"ok\" {}\n"},
        {"b.tf", "resource \"t_r\" \"bad\" {\n  x = [1,\n}\n"},
        {NULL, NULL},
    };
    loaded *l = load(files);
    assert_null(l->ts);
    unsigned line, col;
    const char *file = tk_doc_locate_file(&l->doc, l->err.offset, &line, &col);
    assert_string_equal(file, "b.tf");
    assert_int_equal(line, 3);
    done(l);
}

static void limits_and_sandbox(void **state) {
    (void)state;
    const mem_file files[] = {
        {"main.tf", "resource \"t_r\" \"many\" {\n  count = 1000000\n}\n"
                    "module \"up\" {\n  source = \"../outside\"\n}\n"
                    "module \"self\" {\n  source = \"./\"\n}\n"},
        {NULL, NULL},
    };
    tk_tfsrc_opts o = {.max_instances = 100, .max_module_depth = 3};
    loaded *l = load_opts(files, "", &o);
    assert_non_null(l->ts);
    assert_non_null(strstr(l->warnings, "more than the limit of 100 instances"));
    assert_non_null(strstr(l->warnings, "outside the scanned directory"));
    assert_non_null(strstr(l->warnings, "nested more than 3 deep"));
    assert_non_null(res(l, "t_r.many[*]")); /* left unknown, not dropped */
    done(l);
}

static void suppressions(void **state) {
    (void)state;
    const mem_file files[] = {
        {"main.tf", "# tenken:ignore:TK-AWS-S3-006 archive only exp:2999-12-31\n"
                    "resource \"aws_s3_bucket\" \"a\" {\n  bucket = \"a\"\n}\n\n"
                    "# tenken:ignore:TK-AWS-S3-006\n"
                    "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"b\"\n}\n\n"
                    "# tenken:ignore:TK-AWS-S3-006 temporary exp:2000-01-01\n"
                    "resource \"aws_s3_bucket\" \"c\" {\n  bucket = \"c\"\n}\n\n"
                    "# tenken:ignore:TK-NO-SUCH-RULE reason\n"
                    "resource \"aws_s3_bucket\" \"d\" {\n  bucket = \"d\"\n}\n\n"
                    "# tenken:ignore:TK-AWS-S3-006 floating\n\n"
                    "resource \"aws_s3_bucket\" \"e\" {\n  bucket = \"e\"\n}\n\n"
                    "# tenken:ignore:TK-AWS-S3-006 no end given\n"
                    "resource \"aws_s3_bucket\" \"f\" {\n  bucket = \"f\"\n}\n"},
        {NULL, NULL},
    };
    tk_tfsrc_opts o = {.today = "2026-11-22", .rule_exists = NULL};
    loaded *l = load_opts(files, "", &o);
    assert_non_null(l->ts);
    const tk_suppression *s =
        l->t.refs.suppressed(l->t.refs.self, res(l, "aws_s3_bucket.a"), "TK-AWS-S3-006", 0);
    assert_non_null(s);
    assert_string_equal(s->reason, "archive only");
    assert_string_equal(s->expires, "2999-12-31");
    assert_null(
        l->t.refs.suppressed(l->t.refs.self, res(l, "aws_s3_bucket.a"), "TK-AWS-S3-001", 0));
    assert_null(
        l->t.refs.suppressed(l->t.refs.self, res(l, "aws_s3_bucket.b"), "TK-AWS-S3-006", 0));
    /* An expired suppression is kept, marked, so that its finding says why it is back. */
    s = l->t.refs.suppressed(l->t.refs.self, res(l, "aws_s3_bucket.c"), "TK-AWS-S3-006", 0);
    assert_non_null(s);
    assert_true(s->expired);
    assert_false(l->t.refs.suppressed(l->t.refs.self, res(l, "aws_s3_bucket.a"), "TK-AWS-S3-006", 0)
                     ->expired);
    assert_null(
        l->t.refs.suppressed(l->t.refs.self, res(l, "aws_s3_bucket.e"), "TK-AWS-S3-006", 0));
    /* Without an expiry date it is refused, as a waiver without one is. */
    assert_null(
        l->t.refs.suppressed(l->t.refs.self, res(l, "aws_s3_bucket.f"), "TK-AWS-S3-006", 0));
    assert_non_null(strstr(l->warnings, "has no reason"));
    assert_non_null(strstr(l->warnings, "expired on 2000-01-01"));
    assert_non_null(strstr(l->warnings, "just above a block or an attribute"));
    assert_non_null(strstr(l->warnings, "TK-AWS-S3-006 has no expiry date"));
    done(l);
    /* ... unless suppressions without an end are allowed. */
    o.open_suppressions = true;
    l = load_opts(files, "", &o);
    s = l->t.refs.suppressed(l->t.refs.self, res(l, "aws_s3_bucket.f"), "TK-AWS-S3-006", 0);
    assert_non_null(s);
    assert_string_equal(s->reason, "no end given");
    assert_null(s->expires);
    assert_null(strstr(l->warnings, "has no expiry date"));
    done(l);
}

int run_tfsrc_tests(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(variables_and_precedence),
        cmocka_unit_test(locals_any_order_and_cycles),
        cmocka_unit_test(count_and_for_each_addresses),
        cmocka_unit_test(dynamic_blocks_and_nesting),
        cmocka_unit_test(local_modules),
        cmocka_unit_test(provider_facts_fill_in),
        cmocka_unit_test(json_syntax),
        cmocka_unit_test(errors_have_places),
        cmocka_unit_test(limits_and_sandbox),
        cmocka_unit_test(suppressions),
    };
    return cmocka_run_group_tests_name("tfsrc", tests, NULL, NULL);
}
