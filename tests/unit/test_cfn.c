/* CloudFormation templates: intrinsic functions in both forms, parameters, conditions,
 * references between resources, suppressions in Metadata and malformed templates. */
#include "unit.h"
#include "doc_dump.h"
#include "../../lib/adapt_cfn.h"
#include "../../lib/json.h"
#include "../../lib/yaml.h"
#include "../../include/tenken.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct cfn_loaded {
    tk_doc doc;
    tk_rtable t;
    tk_cfn *c;
    tk_err err;
    char warnings[4096];
} cfn_loaded;

static void collect_warning(void *self, const tk_doc *d, uint32_t pos, const char *msg) {
    cfn_loaded *l = self;
    unsigned line, col;
    tk_doc_locate((tk_doc *)d, pos, &line, &col);
    size_t n = strlen(l->warnings);
    snprintf(l->warnings + n, sizeof l->warnings - n, "%u:%u %s\n", line, col, msg);
}

static bool never_a_rule(void *self, const char *id) {
    (void)self;
    return strncmp(id, "TK-NONE", 7) != 0;
}

static cfn_loaded *load_with(const char *text, const char *const *params, size_t n_params) {
    cfn_loaded *l = calloc(1, sizeof *l);
    tk_doc_init(&l->doc, "t.yaml");
    tk_rtable_init(&l->t, "cloudformation");
    assert_true(tk_text_decode(&l->doc.text, text, strlen(text), 1 << 20, &l->err));
    bool json = text[0] == '{';
    tk_yaml_opts yo = {0};
    tk_json_opts jo = {0};
    assert_true(json ? tk_json_parse(&l->doc, &jo, &l->err) : tk_yaml_parse(&l->doc, &yo, &l->err));
    assert_true(tk_cfn_detect(&l->doc));
    tk_adapt_opts ao = {.today = "2026-06-01",
                        .rule_exists = never_a_rule,
                        .warn = collect_warning,
                        .warn_self = l,
                        .params = params,
                        .n_params = n_params};
    l->c = tk_cfn_adapt(&l->doc, &l->t, &ao, &l->err);
    return l;
}

static cfn_loaded *load(const char *text) {
    return load_with(text, NULL, 0);
}

static void done(cfn_loaded *l) {
    tk_rtable_free(&l->t);
    tk_cfn_free(l->c);
    tk_doc_free(&l->doc);
    free(l);
}

static const char *attr(cfn_loaded *l, const char *address, const char *path) {
    return dump_attr(&l->doc, &l->t, address, path);
}

static const char *const TEMPLATE =
    "AWSTemplateFormatVersion: '2010-09-09'\n"
    "Parameters:\n"
    "  Env: {Type: String, Default: dev}\n"
    "  Size: {Type: Number, Default: '20'}\n"
    "  Ports: {Type: CommaDelimitedList, Default: '22, 443'}\n"
    "  Secret: {Type: String}\n"
    "  Ssm: {Type: 'AWS::SSM::Parameter::Value<String>', Default: /x/y}\n"
    "Mappings:\n"
    "  Regions:\n"
    "    dev: {Cidr: 10.0.0.0/16}\n"
    "Conditions:\n"
    "  IsProd: !Equals [!Ref Env, prod]\n"
    "  IsDev: {'Fn::Not': [{Condition: IsProd}]}\n"
    "  HasSecret: !Not [!Equals [!Ref Secret, '']]\n"
    "  Either: !Or [!Condition IsDev, !Condition HasSecret]\n"
    "  Both: !And [!Condition IsProd, !Condition HasSecret]\n"
    "Resources:\n"
    "  B:\n"
    "    Type: AWS::S3::Bucket\n"
    "    Properties:\n"
    "      BucketName: !Sub '${Env}-logs'\n"
    "      Long: {'Fn::Sub': ['${A}-${B}', {A: x, B: !Ref Size}]}\n"
    "      Stack: !Sub '${AWS::StackName}-x'\n"
    "      Literal: !Sub '${!NotAVar}'\n"
    "      Joined: !Join ['-', [a, !Ref Env, 3]]\n"
    "      Second: !Select [1, !Ref Ports]\n"
    "      Parts: !Split [',', 'a,b,,c']\n"
    "      Cidr: !FindInMap [Regions, !Ref Env, Cidr]\n"
    "      IfDev: !If [IsDev, dev-value, prod-value]\n"
    "      IfProd: !If [IsProd, {Status: Enabled}, !Ref AWS::NoValue]\n"
    "      IfUnknown: !If [HasSecret, a, b]\n"
    "      IfSame: !If [HasSecret, same, same]\n"
    "      Either: !If [Either, yes, no]\n"
    "      Both: !If [Both, yes, no]\n"
    "      Size: !Ref Size\n"
    "      Ssm: !Ref Ssm\n"
    "      Zones: !GetAZs ''\n"
    "      Data: !Base64 hello\n"
    "      Data2: {'Fn::Base64': !Sub '${Env}'}\n"
    "      List: [a, !Ref AWS::NoValue, b]\n"
    "      Region: !Ref AWS::Region\n"
    "  P:\n"
    "    Type: AWS::S3::BucketPolicy\n"
    "    Properties:\n"
    "      Bucket: !Ref B\n"
    "      Arn: !GetAtt B.Arn\n"
    "      Long: {'Fn::GetAtt': [B, Arn]}\n"
    "      Sub: !Sub 'arn:aws:s3:::${B}/*'\n"
    "  OnlyProd:\n"
    "    Type: AWS::S3::Bucket\n"
    "    Condition: IsProd\n"
    "  MaybeSecret:\n"
    "    Type: AWS::S3::Bucket\n"
    "    Condition: HasSecret\n";

static void intrinsic_functions(void **state) {
    (void)state;
    cfn_loaded *l = load(TEMPLATE);
    assert_non_null(l->c);
    assert_string_equal(attr(l, "B", "BucketName"), "\"dev-logs\"");
    assert_string_equal(attr(l, "B", "Long"), "\"x-20\"");
    assert_string_equal(attr(l, "B", "Stack"), "?");
    assert_string_equal(attr(l, "B", "Literal"), "\"${NotAVar}\"");
    assert_string_equal(attr(l, "B", "Joined"), "\"a-dev-3\"");
    assert_string_equal(attr(l, "B", "Second"), "\"443\"");
    assert_string_equal(attr(l, "B", "Parts"), "[\"a\",\"b\",\"\",\"c\"]");
    assert_string_equal(attr(l, "B", "Cidr"), "\"10.0.0.0/16\"");
    assert_string_equal(attr(l, "B", "Size"), "20");
    assert_string_equal(attr(l, "B", "Ssm"), "?");
    assert_string_equal(attr(l, "B", "Zones"), "?");
    assert_string_equal(attr(l, "B", "Data"), "\"aGVsbG8=\"");
    assert_string_equal(attr(l, "B", "Data2"), "\"ZGV2\"");
    assert_string_equal(attr(l, "B", "List"), "[\"a\",\"b\"]");
    assert_string_equal(attr(l, "B", "Region"), "?");
    done(l);
}

static void conditions(void **state) {
    (void)state;
    cfn_loaded *l = load(TEMPLATE);
    assert_non_null(l->c);
    assert_string_equal(attr(l, "B", "IfDev"), "\"dev-value\"");
    assert_string_equal(attr(l, "B", "IfProd"), "ABSENT"); /* AWS::NoValue */
    assert_string_equal(attr(l, "B", "IfUnknown"), "?");
    assert_string_equal(attr(l, "B", "IfSame"), "\"same\"");
    /* Or with a true operand is true, And with a false one is false, whatever the rest. */
    assert_string_equal(attr(l, "B", "Either"), "\"yes\"");
    assert_string_equal(attr(l, "B", "Both"), "\"no\"");
    /* A false Condition: not created, not scanned; an unknown one: may not exist. */
    assert_null(dump_find(&l->t, "OnlyProd"));
    const tk_resource *m = dump_find(&l->t, "MaybeSecret");
    assert_non_null(m);
    assert_true(m->uncertain);
    assert_false(dump_find(&l->t, "B")->uncertain);
    done(l);
}

static void references(void **state) {
    (void)state;
    cfn_loaded *l = load(TEMPLATE);
    assert_non_null(l->c);
    const tk_resource *p = dump_find(&l->t, "P");
    assert_non_null(p);
    assert_string_equal(attr(l, "P", "Bucket"), "?");
    const char *attrs[] = {"Bucket", "Arn", "Long", "Sub"};
    for (int i = 0; i < 4; i++) {
        tk_ref_target tg[4];
        size_t n = 0;
        bool resolved = false;
        assert_true(l->t.refs.targets(l->t.refs.self, p, attrs[i], tg, 4, &n, &resolved));
        assert_true(resolved);
        assert_int_equal(n, 1);
        assert_int_equal(tg[0].base.len, 1);
        assert_memory_equal(tg[0].base.p, "B", 1);
    }
    assert_int_equal(l->t.refs.configured(l->t.refs.self, p, "Bucket"), TK_TRUE);
    assert_int_equal(l->t.refs.configured(l->t.refs.self, p, "Missing"), TK_FALSE);
    assert_string_equal(dump_find(&l->t, "B")->type.p, "AWS::S3::Bucket");
    done(l);
}

static void long_forms_in_json(void **state) {
    (void)state;
    cfn_loaded *l =
        load("{\"Parameters\": {\"Env\": {\"Type\": \"String\", \"Default\": \"prod\"}},\n"
             " \"Conditions\": {\"IsProd\": {\"Fn::Equals\": [{\"Ref\": \"Env\"}, \"prod\"]}},\n"
             " \"Resources\": {\"K\": {\"Type\": \"AWS::KMS::Key\", \"Properties\": {\n"
             "   \"EnableKeyRotation\": {\"Fn::If\": [\"IsProd\", true, false]},\n"
             "   \"Description\": {\"Fn::Join\": [\"\", [\"key-\", {\"Ref\": \"Env\"}]]}}}}}\n");
    assert_non_null(l->c);
    assert_string_equal(attr(l, "K", "EnableKeyRotation"), "true");
    assert_string_equal(attr(l, "K", "Description"), "\"key-prod\"");
    /* A finding points at the property: the value's node keeps its place in the text. */
    const tk_resource *k = dump_find(&l->t, "K");
    const tk_node *v = tk_doc_get(&l->doc, k->values, "EnableKeyRotation");
    unsigned line, col;
    tk_doc_locate(&l->doc, v->pos, &line, &col);
    assert_int_equal(line, 4);
    done(l);
}

static void property_positions(void **state) {
    (void)state;
    cfn_loaded *l = load(TEMPLATE);
    const tk_resource *b = dump_find(&l->t, "B");
    unsigned line, col;
    tk_doc_locate(&l->doc, tk_doc_get(&l->doc, b->values, "Joined")->pos, &line, &col);
    assert_int_equal(line, 25);
    tk_doc_locate(&l->doc, tk_doc_get(&l->doc, b->values, "Size")->pos, &line, &col);
    assert_int_equal(line, 35); /* where !Ref uses the parameter, not its Default */
    done(l);
}

static void problems_are_warnings(void **state) {
    (void)state;
    cfn_loaded *l = load("Conditions:\n"
                         "  A: !Condition B\n"
                         "  B: !Condition A\n"
                         "Resources:\n"
                         "  R:\n"
                         "    Type: AWS::S3::Bucket\n"
                         "    Condition: A\n"
                         "    Properties:\n"
                         "      X: !Ref Nowhere\n"
                         "      Y: !Frobnicate 1\n"
                         "      Z: !Select [5, [a]]\n");
    assert_non_null(l->c);
    assert_non_null(strstr(l->warnings, "depends on itself"));
    assert_non_null(strstr(l->warnings, "9:10 Nowhere is not a parameter or resource"));
    assert_non_null(strstr(l->warnings, "unsupported intrinsic function Frobnicate"));
    assert_non_null(strstr(l->warnings, "index out of range"));
    assert_true(dump_find(&l->t, "R")->uncertain);
    done(l);
}

static void malformed_templates(void **state) {
    (void)state;
    cfn_loaded *l =
        load("AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  R:\n    Properties: {}\n");
    assert_null(l->c);
    unsigned line, col;
    tk_doc_locate(&l->doc, l->err.offset, &line, &col);
    assert_int_equal(line, 4);
    assert_non_null(strstr(l->err.msg, "needs a Type"));
    done(l);
    l = load("AWSTemplateFormatVersion: '2010-09-09'\n");
    assert_null(l->c);
    assert_non_null(strstr(l->err.msg, "needs Resources"));
    done(l);
    l = load("AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  R:\n    Type: "
             "AWS::S3::Bucket\n    Properties: [1]\n");
    assert_null(l->c);
    assert_non_null(strstr(l->err.msg, "Properties must be a mapping"));
    done(l);
}

static void metadata_suppressions(void **state) {
    (void)state;
    cfn_loaded *l =
        load("Resources:\n"
             "  R:\n"
             "    Type: AWS::S3::Bucket\n"
             "    Metadata:\n"
             "      tenken:\n"
             "        ignore:\n"
             "          - id: TK-AWS-S3-001\n"
             "            reason: a public website\n"
             "            expires: '2027-01-01'\n"
             "          - 'TK-AWS-S3-002, TK-AWS-S3-003: logs elsewhere exp:2099-12-31'\n"
             "          - id: TK-AWS-S3-004\n"
             "          - id: TK-AWS-S3-005\n"
             "            reason: old\n"
             "            expires: '2020-01-01'\n"
             "          - 'TK-NONE-1: typo exp:2099-01-01'\n"
             "    Properties:\n"
             "      BucketName: x\n"
             "  Other:\n"
             "    Type: AWS::S3::Bucket\n");
    assert_non_null(l->c);
    const tk_resource *r = dump_find(&l->t, "R"), *o = dump_find(&l->t, "Other");
    uint32_t at = tk_doc_get(&l->doc, r->values, "BucketName")->pos;
    const tk_suppression *s = l->t.refs.suppressed(l->t.refs.self, r, "TK-AWS-S3-001", at);
    assert_non_null(s);
    assert_string_equal(s->reason, "a public website");
    assert_string_equal(s->expires, "2027-01-01");
    s = l->t.refs.suppressed(l->t.refs.self, r, "TK-AWS-S3-003", at);
    assert_non_null(s);
    assert_string_equal(s->reason, "logs elsewhere");
    assert_null(l->t.refs.suppressed(l->t.refs.self, o, "TK-AWS-S3-001", o->block->pos));
    assert_null(l->t.refs.suppressed(l->t.refs.self, r, "TK-AWS-S3-004", at));
    assert_true(l->t.refs.suppressed(l->t.refs.self, r, "TK-AWS-S3-005", at)->expired);
    assert_non_null(strstr(l->warnings, "TK-AWS-S3-004 has no reason"));
    assert_non_null(strstr(l->warnings, "expired on 2020-01-01"));
    assert_non_null(strstr(l->warnings, "names TK-NONE-1, which is not a rule"));
    done(l);
}

static void given_parameter_values(void **state) {
    (void)state;
    const char *const params[] = {"Env=prod",      "Secret=s3cr3t", "Size=64",
                                  "Ports=80,8080", "Size=128",      "Unused=1"};
    cfn_loaded *l = load_with(TEMPLATE, params, 6);
    assert_non_null(l->c);
    assert_string_equal(attr(l, "B", "BucketName"), "\"prod-logs\"");
    assert_string_equal(attr(l, "B", "Size"), "128"); /* the last value given wins */
    assert_string_equal(attr(l, "B", "Second"), "\"8080\"");
    assert_string_equal(attr(l, "B", "IfProd"), "{Status:\"Enabled\"}");
    assert_string_equal(attr(l, "B", "IfUnknown"), "\"a\"");
    assert_string_equal(attr(l, "B", "Ssm"), "?"); /* resolved at deployment, whatever is given */
    assert_non_null(dump_find(&l->t, "OnlyProd"));
    assert_false(dump_find(&l->t, "MaybeSecret")->uncertain);
    done(l);
}

/* Scans a template with one rule; the findings and "not evaluated" addresses, space-separated. */
static void scan_with(const char *match, const char *tmpl, char *found, char *ne, size_t cap) {
    char rule[2048];
    snprintf(rule, sizeof rule,
             "id: TK-TEST-X-001\nprovider: aws\ncategory: \"3\"\nguideline: [Ⅲ.3.1.1]\n"
             "severity: low\nlevel: basic\ntitle: {ja: あ, en: a}\nrationale: {ja: あ, en: a}\n"
             "risk: {ja: あ, en: a}\nremediation: {ja: あ, en: a}\nmatch:\n%s",
             match);
    tk_engine *e = tk_engine_new();
    tk_diag d;
    if (!tk_engine_load_rule(e, "t.rule", rule, strlen(rule), &d))
        fprintf(stderr, "%u:%u %s\n", d.line, d.column, d.message);
    tk_scan *s = tk_scan_new(e, NULL);
    tk_scan_input(s, "t.yaml", tmpl, strlen(tmpl));
    tk_scan_finish(s);
    size_t nf, nn;
    const tk_finding *f = tk_scan_findings(s, &nf);
    const tk_not_evaluated *n = tk_scan_not_evaluated(s, &nn);
    found[0] = ne[0] = 0;
    for (size_t i = 0; i < nf; i++)
        snprintf(found + strlen(found), cap - strlen(found), "%s ", f[i].resource.address);
    for (size_t i = 0; i < nn; i++)
        snprintf(ne + strlen(ne), cap - strlen(ne), "%s ", n[i].resource.address);
    tk_scan_free(s);
    tk_engine_free(e);
}

static const char *const JOINS =
    "AWSTemplateFormatVersion: '2010-09-09'\n"
    "Parameters:\n  Make: {Type: String}\n"
    "Conditions:\n  Maybe: !Equals [!Ref Make, yes]\n"
    "Resources:\n"
    "  Named:\n    Type: AWS::S3::Bucket\n    Properties: {BucketName: named-bucket}\n"
    "  ByName:\n    Type: AWS::S3::BucketPolicy\n    Properties: {Bucket: named-bucket, X: 1}\n"
    "  Lonely:\n    Type: AWS::S3::Bucket\n"
    "  MaybePolicy:\n    Type: AWS::S3::BucketPolicy\n    Condition: Maybe\n"
    "    Properties: {Bucket: !Ref Lonely, X: 1}\n"
    "  Fn:\n    Type: AWS::Lambda::Url\n"
    "    Properties: {AuthType: !If [Maybe, AWS_IAM, !Ref AWS::NoValue]}\n";

static void joins_and_uncertain_resources(void **state) {
    (void)state;
    char found[512], ne[512];
    /* related() by a physical name known before deployment. */
    scan_with("  - family: cloudformation\n    resource: AWS::S3::Bucket\n"
              "    where: BucketName == 'named-bucket'\n"
              "    assert: count(related('AWS::S3::BucketPolicy', 'Bucket')) == 0\n",
              JOINS, found, ne, sizeof found);
    assert_string_equal(found, "Named ");
    /* A policy under an unknown Condition may not exist: neither a match nor a miss. */
    scan_with("  - family: cloudformation\n    resource: AWS::S3::Bucket\n"
              "    assert: any(related('AWS::S3::BucketPolicy', 'Bucket'), X == 1)\n",
              JOINS, found, ne, sizeof found);
    assert_string_equal(found, "");
    assert_string_equal(ne, "Lonely ");
    /* resources() leaves it out too, and says the list is not complete. */
    scan_with("  - family: cloudformation\n    resource: AWS::S3::Bucket\n"
              "    where: BucketName == 'named-bucket'\n"
              "    assert: count(resources('AWS::S3::BucketPolicy')) == 1\n",
              JOINS, found, ne, sizeof found);
    assert_string_equal(found, "");
    assert_string_equal(ne, "Named ");
    /* A property under an undecided !If with AWS::NoValue may be left out. */
    scan_with("  - family: cloudformation\n    resource: AWS::Lambda::Url\n"
              "    assert: configured('AuthType')\n",
              JOINS, found, ne, sizeof found);
    assert_string_equal(found, "");
    assert_string_equal(ne, "Fn ");
}

int run_cfn_tests(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(intrinsic_functions),
        cmocka_unit_test(conditions),
        cmocka_unit_test(references),
        cmocka_unit_test(long_forms_in_json),
        cmocka_unit_test(property_positions),
        cmocka_unit_test(problems_are_warnings),
        cmocka_unit_test(malformed_templates),
        cmocka_unit_test(metadata_suppressions),
        cmocka_unit_test(given_parameter_values),
        cmocka_unit_test(joins_and_uncertain_resources),
    };
    return cmocka_run_group_tests_name("cloudformation", tests, NULL, NULL);
}
