/* The Terraform plan/state adapter and joins, through the public scanning API. */
#include "unit.h"
#include "../../include/tenken.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A rule: every bucket has a public access block with block_public_acls = true. */
static const char RULE[] =
    "id: TK-TEST-S3-001\nprovider: aws\ncategory: \"3\"\nguideline: [Ⅲ.3.1.1]\nseverity: high\n"
    "level: basic\ntitle: {ja: テスト, en: test}\nrationale: {ja: テスト, en: test}\n"
    "risk: {ja: テスト, en: test}\nremediation: {ja: テスト, en: test}\n"
    "match:\n  - family: terraform\n    resource: aws_s3_bucket\n"
    "    assert: any(related(\"aws_s3_bucket_public_access_block\", \"bucket\"), block_public_acls == true)\n";

/* A scope rule: some trail is multi-region. */
static const char SCOPE_RULE[] =
    "id: TK-TEST-CT-001\nprovider: aws\ncategory: \"2\"\nguideline: [Ⅲ.3.1.1]\nseverity: high\n"
    "level: basic\nscope: true\ntitle: {ja: テスト, en: test}\nrationale: {ja: テスト, en: test}\n"
    "risk: {ja: テスト, en: test}\nremediation: {ja: テスト, en: test}\n"
    "match:\n  - family: terraform\n    assert: any(resources(\"aws_cloudtrail\"), is_multi_region_trail == true)\n";

typedef struct result {
    tk_engine *e;
    tk_scan *s;
    bool ok;
} result;

static result scan_text(const char *json) {
    result r;
    r.e = tk_engine_new();
    tk_diag d;
    assert_true(tk_engine_load_rule(r.e, "t1.rule", RULE, strlen(RULE), &d));
    assert_true(tk_engine_load_rule(r.e, "t2.rule", SCOPE_RULE, strlen(SCOPE_RULE), &d));
    r.s = tk_scan_new(r.e, NULL);
    r.ok = tk_scan_input(r.s, "plan.json", json, strlen(json));
    tk_scan_finish(r.s);
    return r;
}

static void done(result r) {
    tk_scan_free(r.s);
    tk_engine_free(r.e);
}

static size_t findings_of(result r, const char *rule, const char *address) {
    size_t n, k = 0;
    const tk_finding *f = tk_scan_findings(r.s, &n);
    for (size_t i = 0; i < n; i++)
        if (!strcmp(f[i].rule->id, rule) && (!address || !strcmp(f[i].resource.address, address))) k++;
    return k;
}

static size_t not_evaluated_of(result r, const char *address) {
    size_t n, k = 0;
    const tk_not_evaluated *f = tk_scan_not_evaluated(r.s, &n);
    for (size_t i = 0; i < n; i++)
        if (!address || !strcmp(f[i].resource.address, address)) k++;
    return k;
}

#define BUCKET(addr, name) \
    "{\"address\":\"" addr "\",\"mode\":\"managed\",\"type\":\"aws_s3_bucket\",\"name\":\"" name "\",\"values\":{\"bucket\":\"" name "\"}}"

static void values_and_unknowns(void **state) {
    (void)state;
    /* b1 has a block by value, b2 none, b3 a block whose bucket is known only after apply
     * (and there is no configuration section to follow the reference). */
    const char *plan =
        "{\"format_version\":\"1.2\",\"planned_values\":{\"root_module\":{\"resources\":["
        BUCKET("aws_s3_bucket.b1", "b1") "," BUCKET("aws_s3_bucket.b2", "b2") ","
        "{\"address\":\"aws_s3_bucket_public_access_block.p1\",\"mode\":\"managed\",\"type\":\"aws_s3_bucket_public_access_block\",\"name\":\"p1\",\"values\":{\"bucket\":\"b1\",\"block_public_acls\":true}},"
        "{\"address\":\"aws_s3_bucket_public_access_block.p3\",\"mode\":\"managed\",\"type\":\"aws_s3_bucket_public_access_block\",\"name\":\"p3\",\"values\":{\"block_public_acls\":true}}"
        "]}},\"resource_changes\":[{\"address\":\"aws_s3_bucket_public_access_block.p3\",\"change\":{\"actions\":[\"create\"],\"after\":{},\"after_unknown\":{\"bucket\":true}}}]}";
    result r = scan_text(plan);
    assert_true(r.ok);
    /* p3 might belong to any bucket, so neither b2 nor anything else is judged. */
    assert_int_equal(findings_of(r, "TK-TEST-S3-001", NULL), 0);
    assert_int_equal(not_evaluated_of(r, "aws_s3_bucket.b2"), 1);
    assert_int_equal(not_evaluated_of(r, "aws_s3_bucket.b1"), 0); /* b1's block is definite */
    assert_int_equal(findings_of(r, "TK-TEST-CT-001", "scope:aws"), 1);
    done(r);
}

static void deleted_resources_are_not_scanned(void **state) {
    (void)state;
    const char *plan =
        "{\"format_version\":\"1.2\",\"planned_values\":{\"root_module\":{}},"
        "\"resource_changes\":[{\"address\":\"aws_s3_bucket.gone\",\"mode\":\"managed\",\"type\":\"aws_s3_bucket\",\"name\":\"gone\","
        "\"change\":{\"actions\":[\"delete\"],\"before\":{\"bucket\":\"gone\"},\"after\":null}},"
        "{\"address\":\"aws_s3_bucket.replaced\",\"mode\":\"managed\",\"type\":\"aws_s3_bucket\",\"name\":\"replaced\","
        "\"change\":{\"actions\":[\"delete\",\"create\"],\"after\":{\"bucket\":\"r\"},\"after_unknown\":{}}}]}";
    result r = scan_text(plan);
    assert_true(r.ok);
    assert_int_equal(findings_of(r, "TK-TEST-S3-001", "aws_s3_bucket.gone"), 0);
    assert_int_equal(findings_of(r, "TK-TEST-S3-001", "aws_s3_bucket.replaced"), 1);
    done(r);
}

static void state_files_and_modules(void **state) {
    (void)state;
    const char *st =
        "{\"format_version\":\"1.0\",\"values\":{\"root_module\":{\"child_modules\":[{\"address\":\"module.m[\\\"a\\\"]\","
        "\"resources\":[{\"address\":\"module.m[\\\"a\\\"].aws_s3_bucket.x[0]\",\"mode\":\"managed\",\"type\":\"aws_s3_bucket\",\"name\":\"x\",\"index\":0,\"values\":{\"bucket\":\"x\"}}]}]}}}";
    result r = scan_text(st);
    assert_true(r.ok);
    size_t n;
    const tk_input_info *in = tk_scan_inputs(r.s, &n);
    assert_string_equal(in[0].kind, "state");
    assert_int_equal(findings_of(r, "TK-TEST-S3-001", "module.m[\"a\"].aws_s3_bucket.x[0]"), 1);
    done(r);
}

static void references_through_module_inputs(void **state) {
    (void)state;
    /* The block lives in a module and gets the bucket id through a variable; the id is
     * known only after apply, so only the configuration's references can join them. */
    const char *plan =
        "{\"format_version\":\"1.2\",\"planned_values\":{\"root_module\":{\"resources\":[" BUCKET("aws_s3_bucket.b", "b") "],"
        "\"child_modules\":[{\"address\":\"module.pab\",\"resources\":[{\"address\":\"module.pab.aws_s3_bucket_public_access_block.this\","
        "\"mode\":\"managed\",\"type\":\"aws_s3_bucket_public_access_block\",\"name\":\"this\",\"values\":{\"block_public_acls\":true}}]}]}},"
        "\"resource_changes\":[{\"address\":\"module.pab.aws_s3_bucket_public_access_block.this\",\"change\":{\"actions\":[\"create\"],\"after\":{\"block_public_acls\":true},\"after_unknown\":{\"bucket\":true}}}],"
        "\"configuration\":{\"root_module\":{\"resources\":[{\"address\":\"aws_s3_bucket.b\",\"mode\":\"managed\",\"type\":\"aws_s3_bucket\",\"name\":\"b\",\"expressions\":{}}],"
        "\"module_calls\":{\"pab\":{\"source\":\"./pab\",\"expressions\":{\"bucket_id\":{\"references\":[\"aws_s3_bucket.b.id\",\"aws_s3_bucket.b\"]}},"
        "\"module\":{\"resources\":[{\"address\":\"aws_s3_bucket_public_access_block.this\",\"mode\":\"managed\",\"type\":\"aws_s3_bucket_public_access_block\",\"name\":\"this\","
        "\"expressions\":{\"bucket\":{\"references\":[\"var.bucket_id\"]},\"block_public_acls\":{\"constant_value\":true}}}]}}}}}}";
    result r = scan_text(plan);
    assert_true(r.ok);
    assert_int_equal(findings_of(r, "TK-TEST-S3-001", NULL), 0);
    assert_int_equal(not_evaluated_of(r, NULL), 0);
    done(r);
}

static void count_index_joins_instances(void **state) {
    (void)state;
    /* Two counted buckets and two counted blocks joined by count.index; block [1] is weak. */
    const char *plan =
        "{\"format_version\":\"1.2\",\"planned_values\":{\"root_module\":{\"resources\":["
        "{\"address\":\"aws_s3_bucket.b[0]\",\"mode\":\"managed\",\"type\":\"aws_s3_bucket\",\"name\":\"b\",\"index\":0,\"values\":{}},"
        "{\"address\":\"aws_s3_bucket.b[1]\",\"mode\":\"managed\",\"type\":\"aws_s3_bucket\",\"name\":\"b\",\"index\":1,\"values\":{}},"
        "{\"address\":\"aws_s3_bucket_public_access_block.p[0]\",\"mode\":\"managed\",\"type\":\"aws_s3_bucket_public_access_block\",\"name\":\"p\",\"index\":0,\"values\":{\"block_public_acls\":true}},"
        "{\"address\":\"aws_s3_bucket_public_access_block.p[1]\",\"mode\":\"managed\",\"type\":\"aws_s3_bucket_public_access_block\",\"name\":\"p\",\"index\":1,\"values\":{\"block_public_acls\":false}}]}},"
        "\"resource_changes\":["
        "{\"address\":\"aws_s3_bucket_public_access_block.p[0]\",\"change\":{\"actions\":[\"create\"],\"after_unknown\":{\"bucket\":true}}},"
        "{\"address\":\"aws_s3_bucket_public_access_block.p[1]\",\"change\":{\"actions\":[\"create\"],\"after_unknown\":{\"bucket\":true}}}],"
        "\"configuration\":{\"root_module\":{\"resources\":["
        "{\"address\":\"aws_s3_bucket_public_access_block.p\",\"mode\":\"managed\",\"type\":\"aws_s3_bucket_public_access_block\",\"name\":\"p\","
        "\"expressions\":{\"bucket\":{\"references\":[\"aws_s3_bucket.b\",\"count.index\"]}}}]}}}";
    result r = scan_text(plan);
    assert_true(r.ok);
    assert_int_equal(findings_of(r, "TK-TEST-S3-001", "aws_s3_bucket.b[0]"), 0);
    assert_int_equal(findings_of(r, "TK-TEST-S3-001", "aws_s3_bucket.b[1]"), 1);
    done(r);
}

static void malformed_plans(void **state) {
    (void)state;
    const char *bad[] = {
        "{\"format_version\":\"1.0\",\"planned_values\":{\"root_module\":{\"resources\":{}}}}",
        "{\"format_version\":\"1.0\",\"planned_values\":[]}",
        "{\"format_version\":\"1.0\",\"planned_values\":{\"root_module\":{\"resources\":[7]}}}",
        "{\"format_version\":\"1.0\",\"planned_values\":{\"root_module\":{\"resources\":[{\"type\":\"x\"}]}}}",
        "{\"format_version\":\"1.0\",\"resource_changes\":[{\"address\":\"a.b\",\"change\":5}]}",
        "[1,2,3]",
        "{\"not\":\"a plan\"}",
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        result r = scan_text(bad[i]);
        assert_false(r.ok);
        size_t n;
        const tk_diag *d = tk_scan_errors(r.s, &n);
        assert_int_equal(n, 1);
        assert_string_equal(d[0].file, "plan.json");
        assert_true(d[0].line >= 1 && d[0].column >= 1);
        assert_true(strlen(d[0].message) > 10);
        done(r);
    }
}

static void other_inputs_still_scanned(void **state) {
    (void)state;
    tk_engine *e = tk_engine_new();
    tk_diag d;
    assert_true(tk_engine_load_rule(e, "t1.rule", RULE, strlen(RULE), &d));
    tk_scan *s = tk_scan_new(e, NULL);
    const char *good = "{\"format_version\":\"1.0\",\"values\":{\"root_module\":{\"resources\":[" BUCKET("aws_s3_bucket.a", "a") "]}}}";
    assert_false(tk_scan_input(s, "bad.json", "{\"a\":", 5));
    assert_true(tk_scan_input(s, "good.json", good, strlen(good)));
    tk_scan_finish(s);
    size_t n;
    tk_scan_findings(s, &n);
    assert_int_equal(n, 1);
    tk_scan_errors(s, &n);
    assert_int_equal(n, 1);
    tk_scan_free(s);
    tk_engine_free(e);
}

static void fingerprints_are_stable(void **state) {
    (void)state;
    /* Same resource, different position and neighbours: same fingerprint. */
    const char *a = "{\"format_version\":\"1.0\",\"values\":{\"root_module\":{\"resources\":[" BUCKET("aws_s3_bucket.a", "a") "]}}}";
    const char *b = "{\"format_version\":\"1.0\",\n\n\"values\":{\"root_module\":{\"resources\":[" BUCKET("aws_s3_bucket.z", "z") ",\n" BUCKET("aws_s3_bucket.a", "a") "]}}}";
    result ra = scan_text(a), rb = scan_text(b);
    size_t na, nb;
    const tk_finding *fa = tk_scan_findings(ra.s, &na), *fb = tk_scan_findings(rb.s, &nb);
    const tk_finding *x = NULL, *y = NULL;
    for (size_t i = 0; i < na; i++) if (!strcmp(fa[i].resource.address, "aws_s3_bucket.a")) x = &fa[i];
    for (size_t i = 0; i < nb; i++) if (!strcmp(fb[i].resource.address, "aws_s3_bucket.a")) y = &fb[i];
    assert_non_null(x);
    assert_non_null(y);
    assert_true(x->location.line != y->location.line);
    assert_string_equal(x->fingerprint, y->fingerprint);
    assert_int_equal(strlen(x->fingerprint), 16);
    done(ra);
    done(rb);
}

/* Rules for the configuration-aware defaults and the where/assert combination. */
static const char DEFAULT_RULE[] =
    "id: TK-TEST-KMS-001\nprovider: aws\ncategory: \"6.1\"\nguideline: [Ⅲ.3.1.1]\nseverity: high\n"
    "level: basic\ntitle: {ja: テスト, en: test}\nrationale: {ja: テスト, en: test}\n"
    "risk: {ja: テスト, en: test}\nremediation: {ja: テスト, en: test}\n"
    "defaults: {rotate: false}\n"
    "match:\n  - family: terraform\n    resource: aws_kms_key\n"
    "    where: usage == 'ENCRYPT_DECRYPT'\n    assert: rotate == true || configured(\"alias\")\n";

static void defaults_for_unconfigured_unknowns(void **state) {
    (void)state;
    /* k1: rotate unknown but left out of the configuration -> default false -> finding.
     * k2: rotate unknown and configured (from a reference) -> not evaluated.
     * k3: usage unknown (where) but the assert holds through configured("alias") -> pass.
     * k4: usage unknown and the assert fails -> not evaluated, never a finding. */
    const char *plan =
        "{\"format_version\":\"1.2\",\"planned_values\":{\"root_module\":{\"resources\":["
        "{\"address\":\"aws_kms_key.k1\",\"mode\":\"managed\",\"type\":\"aws_kms_key\",\"name\":\"k1\",\"values\":{\"usage\":\"ENCRYPT_DECRYPT\"}},"
        "{\"address\":\"aws_kms_key.k2\",\"mode\":\"managed\",\"type\":\"aws_kms_key\",\"name\":\"k2\",\"values\":{\"usage\":\"ENCRYPT_DECRYPT\"}},"
        "{\"address\":\"aws_kms_key.k3\",\"mode\":\"managed\",\"type\":\"aws_kms_key\",\"name\":\"k3\",\"values\":{\"alias\":\"x\"}},"
        "{\"address\":\"aws_kms_key.k4\",\"mode\":\"managed\",\"type\":\"aws_kms_key\",\"name\":\"k4\",\"values\":{\"rotate\":false}}]}},"
        "\"resource_changes\":["
        "{\"address\":\"aws_kms_key.k1\",\"change\":{\"actions\":[\"create\"],\"after_unknown\":{\"rotate\":true}}},"
        "{\"address\":\"aws_kms_key.k2\",\"change\":{\"actions\":[\"create\"],\"after_unknown\":{\"rotate\":true}}},"
        "{\"address\":\"aws_kms_key.k3\",\"change\":{\"actions\":[\"create\"],\"after_unknown\":{\"usage\":true}}},"
        "{\"address\":\"aws_kms_key.k4\",\"change\":{\"actions\":[\"create\"],\"after_unknown\":{\"usage\":true}}}],"
        "\"configuration\":{\"root_module\":{\"resources\":["
        "{\"address\":\"aws_kms_key.k1\",\"mode\":\"managed\",\"type\":\"aws_kms_key\",\"name\":\"k1\",\"expressions\":{\"usage\":{\"constant_value\":\"ENCRYPT_DECRYPT\"}}},"
        "{\"address\":\"aws_kms_key.k2\",\"mode\":\"managed\",\"type\":\"aws_kms_key\",\"name\":\"k2\",\"expressions\":{\"rotate\":{\"references\":[\"var.x\"]}}},"
        "{\"address\":\"aws_kms_key.k3\",\"mode\":\"managed\",\"type\":\"aws_kms_key\",\"name\":\"k3\",\"expressions\":{\"alias\":{\"constant_value\":\"x\"}}},"
        "{\"address\":\"aws_kms_key.k4\",\"mode\":\"managed\",\"type\":\"aws_kms_key\",\"name\":\"k4\",\"expressions\":{\"rotate\":{\"constant_value\":false}}}]}}}";
    tk_engine *e = tk_engine_new();
    tk_diag d;
    bool loaded = tk_engine_load_rule(e, "k.rule", DEFAULT_RULE, strlen(DEFAULT_RULE), &d);
    if (!loaded) fprintf(stderr, "%u:%u %s\n", d.line, d.column, d.message);
    assert_true(loaded);
    tk_scan *s = tk_scan_new(e, NULL);
    assert_true(tk_scan_input(s, "plan.json", plan, strlen(plan)));
    tk_scan_finish(s);
    result r = {e, s, true};
    assert_int_equal(findings_of(r, "TK-TEST-KMS-001", "aws_kms_key.k1"), 1);
    assert_int_equal(not_evaluated_of(r, "aws_kms_key.k2"), 1);
    assert_int_equal(findings_of(r, "TK-TEST-KMS-001", "aws_kms_key.k3") + not_evaluated_of(r, "aws_kms_key.k3"), 0);
    assert_int_equal(not_evaluated_of(r, "aws_kms_key.k4"), 1);
    assert_int_equal(findings_of(r, "TK-TEST-KMS-001", NULL), 1);
    done(r);
}

int run_plan_tests(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(values_and_unknowns),
        cmocka_unit_test(deleted_resources_are_not_scanned),
        cmocka_unit_test(state_files_and_modules),
        cmocka_unit_test(references_through_module_inputs),
        cmocka_unit_test(count_index_joins_instances),
        cmocka_unit_test(malformed_plans),
        cmocka_unit_test(other_inputs_still_scanned),
        cmocka_unit_test(fingerprints_are_stable),
        cmocka_unit_test(defaults_for_unconfigured_unknowns),
    };
    return cmocka_run_group_tests_name("plan", tests, NULL, NULL);
}
