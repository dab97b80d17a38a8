/* Kubernetes manifests: streams and lists, identities and namespaces, the members derived
 * for rules (pod, containers), implied namespaces and annotation suppressions. */
#include "unit.h"
#include "doc_dump.h"
#include "../../lib/adapt_k8s.h"
#include "../../lib/json.h"
#include "../../lib/yaml.h"
#include "../../include/tenken.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct k8s_loaded {
    tk_doc doc;
    tk_rtable t;
    tk_k8s *k;
    tk_err err;
    char warnings[4096];
} k8s_loaded;

static void collect_warning(void *self, const tk_doc *d, uint32_t pos, const char *msg) {
    k8s_loaded *l = self;
    unsigned line, col;
    tk_doc_locate((tk_doc *)d, pos, &line, &col);
    size_t n = strlen(l->warnings);
    snprintf(l->warnings + n, sizeof l->warnings - n, "%u:%u %s\n", line, col, msg);
}

static k8s_loaded *load(const char *text) {
    k8s_loaded *l = calloc(1, sizeof *l);
    tk_doc_init(&l->doc, "m.yaml");
    tk_rtable_init(&l->t, "kubernetes");
    assert_true(tk_text_decode(&l->doc.text, text, strlen(text), 1 << 20, &l->err));
    tk_yaml_opts yo = {0};
    tk_json_opts jo = {0};
    assert_true(text[0] == '{' ? tk_json_parse(&l->doc, &jo, &l->err)
                               : tk_yaml_parse(&l->doc, &yo, &l->err));
    assert_true(tk_k8s_detect(&l->doc));
    tk_adapt_opts ao = {.today = "2026-06-01", .warn = collect_warning, .warn_self = l};
    l->k = tk_k8s_adapt(&l->doc, &l->t, &ao, &l->err);
    assert_non_null(l->k);
    return l;
}

static void done(k8s_loaded *l) {
    tk_rtable_free(&l->t);
    tk_k8s_free(l->k);
    tk_doc_free(&l->doc);
    free(l);
}

static const char *attr(k8s_loaded *l, const char *address, const char *path) {
    return dump_attr(&l->doc, &l->t, address, path);
}

static const char *const STREAM = "apiVersion: v1\n"
                                  "kind: Namespace\n"
                                  "metadata:\n"
                                  "  name: shop\n"
                                  "---\n"
                                  "apiVersion: apps/v1\n"
                                  "kind: Deployment\n"
                                  "metadata:\n"
                                  "  name: web\n"
                                  "  namespace: shop\n"
                                  "spec:\n"
                                  "  template:\n"
                                  "    spec:\n"
                                  "      hostNetwork: true\n"
                                  "      initContainers:\n"
                                  "        - name: init\n"
                                  "      containers:\n"
                                  "        - name: app\n"
                                  "          securityContext: {privileged: true}\n"
                                  "---\n"
                                  "# only a comment\n"
                                  "---\n"
                                  "apiVersion: batch/v1\n"
                                  "kind: CronJob\n"
                                  "metadata: {name: nightly}\n"
                                  "spec:\n"
                                  "  jobTemplate:\n"
                                  "    spec:\n"
                                  "      template:\n"
                                  "        spec:\n"
                                  "          containers: [{name: job}]\n"
                                  "---\n"
                                  "apiVersion: rbac.authorization.k8s.io/v1\n"
                                  "kind: ClusterRole\n"
                                  "metadata: {name: reader, namespace: ignored}\n"
                                  "rules: []\n";

static void identities_and_derived_members(void **state) {
    (void)state;
    k8s_loaded *l = load(STREAM);
    assert_int_equal(l->t.n, 5); /* four objects and the implied namespace "default" */
    assert_string_equal(attr(l, "Deployment/shop/web", "namespace"), "\"shop\"");
    assert_string_equal(attr(l, "Deployment/shop/web", "name"), "\"web\"");
    assert_string_equal(attr(l, "Deployment/shop/web", "pod.hostNetwork"), "true");
    assert_string_equal(attr(l, "Deployment/shop/web", "containers"),
                        "[{name:\"init\"},{name:\"app\",securityContext:{privileged:true}}]");
    assert_string_equal(attr(l, "Deployment/shop/web", "spec.template.spec.hostNetwork"), "true");
    assert_string_equal(attr(l, "CronJob/default/nightly", "containers"), "[{name:\"job\"}]");
    assert_string_equal(attr(l, "ClusterRole/reader", "namespace"), "ABSENT");
    assert_string_equal(attr(l, "Namespace/shop", "declared"), "true");
    assert_string_equal(attr(l, "Namespace/default", "declared"), "false");
    assert_string_equal(attr(l, "Namespace/default", "metadata.labels"), "?");
    const tk_resource *d = dump_find(&l->t, "Deployment/shop/web");
    assert_memory_equal(d->type.p, "Deployment", 10);
    /* Derived members keep the manifest's positions. */
    unsigned line, col;
    const tk_node *c = tk_doc_at(tk_doc_get(&l->doc, d->values, "containers"), 1);
    tk_doc_locate(&l->doc, tk_doc_get(&l->doc, c, "securityContext")->pos, &line, &col);
    assert_int_equal(line, 19);
    done(l);
}

static void lists_from_kubectl(void **state) {
    (void)state;
    k8s_loaded *l = load(
        "{\"apiVersion\": \"v1\", \"kind\": \"List\", \"items\": [\n"
        " {\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"metadata\": {\"name\": \"p\","
        " \"namespace\": \"a\"}, \"spec\": {\"containers\": [{\"name\": \"c\"}]}},\n"
        " {\"apiVersion\": \"v1\", \"kind\": \"ServiceList\", \"items\": [\n"
        "  {\"apiVersion\": \"v1\", \"kind\": \"Service\", \"metadata\": {\"name\": \"s\"}}]}]}\n");
    assert_string_equal(attr(l, "Pod/a/p", "containers"), "[{name:\"c\"}]");
    assert_string_equal(attr(l, "Service/default/s", "name"), "\"s\"");
    assert_non_null(dump_find(&l->t, "Namespace/a"));
    done(l);
}

static void odd_documents_warn(void **state) {
    (void)state;
    k8s_loaded *l = load("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\n"
                         "just: a mapping\n---\n"
                         "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\n"
                         "apiVersion: v1\nkind: Secret\nmetadata: {generateName: tok-}\n");
    assert_non_null(strstr(l->warnings, "5:1 not a Kubernetes object"));
    assert_non_null(strstr(l->warnings, "ConfigMap/default/a appears more than once"));
    assert_non_null(dump_find(&l->t, "Secret/default/tok-"));
    done(l);
}

static void annotation_suppressions(void **state) {
    (void)state;
    k8s_loaded *l = load("apiVersion: v1\n"
                         "kind: Pod\n"
                         "metadata:\n"
                         "  name: p\n"
                         "  annotations:\n"
                         "    tenken.io/ignore: |\n"
                         "      TK-K8S-POD-001: needs the host network exp:2030-01-01\n"
                         "      TK-K8S-POD-002,TK-K8S-POD-003: debugging image exp:2030-01-01\n"
                         "      TK-K8S-POD-006: no end\n"
                         "      TK-K8S-POD-004: old exp:2001-01-01\n"
                         "      TK-K8S-POD-005\n"
                         "spec:\n"
                         "  hostNetwork: true\n"
                         "---\n"
                         "apiVersion: v1\n"
                         "kind: Pod\n"
                         "metadata: {name: q}\n");
    const tk_resource *p = dump_find(&l->t, "Pod/default/p"),
                      *q = dump_find(&l->t, "Pod/default/q");
    uint32_t at = tk_doc_get(&l->doc, tk_doc_get(&l->doc, p->values, "pod"), "hostNetwork")->pos;
    const tk_suppression *s = l->t.refs.suppressed(l->t.refs.self, p, "TK-K8S-POD-001", at);
    assert_non_null(s);
    assert_string_equal(s->reason, "needs the host network");
    assert_string_equal(s->expires, "2030-01-01");
    assert_non_null(l->t.refs.suppressed(l->t.refs.self, p, "TK-K8S-POD-003", at));
    assert_true(l->t.refs.suppressed(l->t.refs.self, p, "TK-K8S-POD-004", at)->expired);
    assert_null(l->t.refs.suppressed(l->t.refs.self, p, "TK-K8S-POD-005", at));
    assert_null(l->t.refs.suppressed(l->t.refs.self, p, "TK-K8S-POD-006", at));
    assert_non_null(strstr(l->warnings, "TK-K8S-POD-006 has no expiry date"));
    assert_null(l->t.refs.suppressed(l->t.refs.self, q, "TK-K8S-POD-001", q->block->pos));
    assert_non_null(strstr(l->warnings, "expired on 2001-01-01"));
    assert_non_null(strstr(l->warnings, "TK-K8S-POD-005 has no reason"));
    done(l);
}

/* Every check ends in exactly one of: finding, not evaluated, suppressed or pass; the
 * per-rule counts add up to the scan's total. */
static void passes_and_rule_stats(void **state) {
    (void)state;
    tk_engine *e = tk_engine_new();
    tk_diag d;
    assert_true(tk_engine_load_builtin(e, &d));
    tk_scan *s = tk_scan_new(e, NULL);
    tk_scan_keep_passes(s, true);
    assert_true(tk_scan_input(s, "m.yaml", STREAM, strlen(STREAM)));
    tk_scan_finish(s);
    size_t nr = tk_engine_rule_count(e), np, nf;
    tk_rule_stats *st = calloc(nr, sizeof *st);
    tk_scan_rule_stats(s, st);
    const tk_passed *ps = tk_scan_passes(s, &np);
    tk_scan_findings(s, &nf);
    assert_true(np > 0 && nf > 0);
    size_t checks = 0, findings = 0;
    for (size_t i = 0; i < nr; i++) {
        const tk_rule *r = tk_engine_rule(e, i);
        size_t passed = 0;
        for (size_t j = 0; j < np; j++) passed += ps[j].rule == r;
        assert_int_equal(st[i].checks,
                         st[i].findings + st[i].not_evaluated + st[i].suppressed + passed);
        checks += st[i].checks;
        findings += st[i].findings;
    }
    assert_int_equal(checks, tk_scan_evaluation_count(s));
    assert_int_equal(findings, nf);
    /* Passes point at the resource, and are sorted like findings. */
    for (size_t j = 0; j < np; j++) {
        assert_string_equal(ps[j].resource.family, "kubernetes");
        assert_true(ps[j].location.line >= 1);
        if (j) assert_true(ps[j - 1].location.line <= ps[j].location.line);
    }
    free(st);
    tk_scan_free(s);
    /* Without asking, nothing is kept. */
    s = tk_scan_new(e, NULL);
    assert_true(tk_scan_input(s, "m.yaml", STREAM, strlen(STREAM)));
    tk_scan_passes(s, &np);
    assert_int_equal(np, 0);
    tk_scan_free(s);
    tk_engine_free(e);
}

int run_k8s_tests(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(identities_and_derived_members),
        cmocka_unit_test(lists_from_kubectl),
        cmocka_unit_test(odd_documents_warn),
        cmocka_unit_test(annotation_suppressions),
        cmocka_unit_test(passes_and_rule_stats),
    };
    return cmocka_run_group_tests_name("kubernetes", tests, NULL, NULL);
}
