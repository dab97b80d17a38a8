/* Policy applied after the rules: waivers (patterns, expiry, stale ones), baselines (which
 * findings a fingerprint keeps recognising) and suppressions that have expired. */
#include "unit.h"
#include "../../lib/waiver.h"
#include "../../include/tenken.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void patterns_and_dates(void **state) {
    (void)state;
    assert_true(tk_pattern_match("aws_s3_bucket.*", "aws_s3_bucket.logs"));
    assert_true(tk_pattern_match("*", ""));
    assert_true(tk_pattern_match("module.*.aws_s3_bucket.b[\"k\"]", "module.a.b.aws_s3_bucket.b[\"k\"]"));
    assert_true(tk_pattern_match("Pod/*/debug-?", "Pod/default/debug-1"));
    assert_false(tk_pattern_match("Pod/*/debug-?", "Pod/default/debug-12"));
    assert_false(tk_pattern_match("aws_s3_bucket.a", "aws_s3_bucket.ab"));
    assert_true(tk_pattern_match("a\\*b", "a*b"));
    assert_false(tk_pattern_match("a\\*b", "axb"));
    assert_true(tk_pattern_match("*.*.*x", "a.b.c.x"));
    /* Many stars over a long text that does not match: stays quick (no backtracking blow-up). */
    char text[4001];
    memset(text, 'a', 4000);
    text[4000] = 0;
    assert_false(tk_pattern_match("*a*a*a*a*a*a*a*a*a*a*b", text));
    assert_true(tk_date_valid("2028-02-29", 10));
    assert_false(tk_date_valid("2027-02-29", 10));
    assert_false(tk_date_valid("2100-02-29", 10));
    assert_true(tk_date_valid("2000-02-29", 10));
    assert_false(tk_date_valid("2027-04-31", 10));
    assert_false(tk_date_valid("2027-13-01", 10));
    assert_false(tk_date_valid("2027-1-01", 9));
    assert_false(tk_date_valid("2027/01/01", 10));
}

static const char PODS[] = "apiVersion: v1\n"
                           "kind: Pod\n"
                           "metadata: {name: web, namespace: shop}\n"
                           "spec:\n"
                           "  hostNetwork: true\n"
                           "  containers: [{name: c, image: nginx}]\n"
                           "---\n"
                           "apiVersion: v1\n"
                           "kind: Pod\n"
                           "metadata: {name: debug-1, namespace: shop}\n"
                           "spec:\n"
                           "  hostPID: true\n"
                           "  containers: [{name: c, image: busybox}]\n";

typedef struct run {
    tk_engine *e;
    tk_scan *s;
} run;

static run *scan_with(const char *const *paths, const char *const *texts, size_t n,
                      const tk_waiver *w, size_t nw, const char *const *base, size_t nb) {
    run *r = calloc(1, sizeof *r);
    r->e = tk_engine_new();
    tk_diag d;
    assert_true(tk_engine_load_builtin(r->e, &d));
    r->s = tk_scan_new(r->e, NULL);
    tk_scan_set_today(r->s, "2026-11-22");
    for (size_t i = 0; i < nw; i++) assert_true(tk_scan_add_waiver(r->s, &w[i]));
    if (nb) assert_true(tk_scan_set_baseline(r->s, base, nb));
    for (size_t i = 0; i < n; i++)
        assert_true(tk_scan_input(r->s, paths[i], texts[i], strlen(texts[i])));
    tk_scan_finish(r->s);
    return r;
}

static void run_free(run *r) {
    tk_scan_free(r->s);
    tk_engine_free(r->e);
    free(r);
}

static size_t count_for(const tk_finding *f, size_t n, const char *address) {
    size_t k = 0;
    for (size_t i = 0; i < n; i++) k += !strcmp(f[i].resource.address, address);
    return k;
}

static void waivers(void **state) {
    (void)state;
    const char *paths[] = {"k/pods.yaml"}, *texts[] = {PODS};
    run *plain = scan_with(paths, texts, 1, NULL, 0, NULL, 0);
    size_t nf;
    const tk_finding *f = tk_scan_findings(plain->s, &nf);
    size_t web = count_for(f, nf, "Pod/shop/web");
    assert_true(web > 0 && count_for(f, nf, "Pod/shop/debug-1") > 0);
    const char *web_rule = NULL; /* a rule the web pod breaks and debug-1 does not */
    for (size_t i = 0; i < nf && !web_rule; i++) {
        if (strcmp(f[i].resource.address, "Pod/shop/web")) continue;
        bool also = false;
        for (size_t j = 0; j < nf; j++)
            also |= f[j].rule == f[i].rule && !strcmp(f[j].resource.address, "Pod/shop/debug-1");
        if (!also) web_rule = f[i].rule->id;
    }
    assert_non_null(web_rule);
    /* Refused without a reason, an approver or an expiry date, or with a bad date. */
    tk_waiver bad = {.rule = web_rule, .resource = "*", .reason = "r", .approver = "a"};
    assert_false(tk_scan_add_waiver(plain->s, &bad));
    bad.expires = "2027-02-30";
    assert_false(tk_scan_add_waiver(plain->s, &bad));
    bad.expires = "2027-02-28";
    bad.approver = NULL;
    assert_false(tk_scan_add_waiver(plain->s, &bad));
    bad.approver = "a";
    bad.reason = "";
    assert_false(tk_scan_add_waiver(plain->s, &bad));

    char all_debug_rules[8][64];
    size_t n_debug = 0;
    for (size_t i = 0; i < nf && n_debug < 8; i++)
        if (!strcmp(f[i].resource.address, "Pod/shop/debug-1"))
            snprintf(all_debug_rules[n_debug++], 64, "%s", f[i].rule->id);
    tk_waiver w[3] = {
        {.rule = web_rule, .resource = "Pod/shop/w*", .reason = "migrating", .approver = "CISO",
         .created = "2026-11-01", .expires = "2026-11-22", .at = {"w.yaml", 3, 5}},
        {.rule = all_debug_rules[0], .resource = "Pod/*/debug-?", .reason = "old", .approver = "CISO",
         .created = "2026-01-01", .expires = "2026-11-21", .at = {"w.yaml", 10, 5}},
        {.rule = web_rule, .resource = "Pod/shop/gone", .reason = "stale", .approver = "CISO",
         .created = "2026-01-01", .expires = "2027-01-01", .at = {"w.yaml", 17, 5}},
    };
    run *r = scan_with(paths, texts, 1, w, 3, NULL, 0);
    size_t nf2, nwd, nws;
    const tk_finding *f2 = tk_scan_findings(r->s, &nf2);
    const tk_waived *wd = tk_scan_waived(r->s, &nwd);
    const tk_waiver_status *ws = tk_scan_waivers(r->s, &nws);
    /* The web pod's finding is waived (the last day still counts), the rest stays. */
    assert_int_equal(nwd, 1);
    assert_int_equal(nf2, nf - 1);
    assert_string_equal(wd[0].finding.resource.address, "Pod/shop/web");
    assert_string_equal(wd[0].waiver->reason, "migrating");
    assert_int_equal(nws, 3);
    assert_false(ws[0].expired);
    assert_int_equal(ws[0].matched, 1);
    /* The expired waiver lets its finding through, marked. */
    assert_true(ws[1].expired);
    assert_int_equal(ws[1].matched, 1);
    size_t marked = 0;
    for (size_t i = 0; i < nf2; i++)
        if (f2[i].expired) {
            marked++;
            assert_string_equal(f2[i].rule->id, all_debug_rules[0]);
            assert_string_equal(f2[i].expired->approver, "CISO");
            assert_false(f2[i].expired->in_source);
        }
    assert_int_equal(marked, 1);
    /* The one that matches nothing is stale. */
    assert_false(ws[2].expired);
    assert_int_equal(ws[2].matched, 0);
    assert_true(ws[2].stale);
    assert_false(ws[0].stale || ws[1].stale);
    /* Per-rule counts include what was waived. */
    size_t nr = tk_engine_rule_count(r->e);
    tk_rule_stats *st = calloc(nr, sizeof *st);
    tk_scan_rule_stats(r->s, st);
    assert_int_equal(st[tk_engine_rule_index(r->e, web_rule)].waived, 1);
    free(st);
    run_free(r);
    /* A waiver of a rule the scan did not run matched nothing, but is not stale. */
    r = calloc(1, sizeof *r);
    r->e = tk_engine_new();
    tk_diag d;
    assert_true(tk_engine_load_builtin(r->e, &d));
    r->s = tk_scan_new(r->e, NULL);
    tk_scan_set_today(r->s, "2026-11-22");
    assert_true(tk_scan_add_waiver(r->s, &w[2]));
    assert_true(tk_scan_disable_rule(r->s, tk_engine_find_rule(r->e, web_rule)));
    assert_true(tk_scan_input(r->s, paths[0], texts[0], strlen(texts[0])));
    tk_scan_finish(r->s);
    ws = tk_scan_waivers(r->s, &nws);
    assert_false(ws[0].checked);
    assert_false(ws[0].stale);
    run_free(r);
    run_free(plain);
}

static void baseline_survives_moves(void **state) {
    (void)state;
    const char *paths[] = {"k/pods.yaml"}, *texts[] = {PODS};
    run *first = scan_with(paths, texts, 1, NULL, 0, NULL, 0);
    size_t nf;
    const tk_finding *f = tk_scan_findings(first->s, &nf);
    const char **fps = calloc(nf, sizeof *fps);
    for (size_t i = 0; i < nf; i++) fps[i] = f[i].fingerprint;

    /* Lines moved, documents reordered, an unrelated pod added: only the new pod shows. */
    const char *moved =
        "# the shop's pods\n\n\n"
        "apiVersion: v1\nkind: Pod\nmetadata: {name: debug-1, namespace: shop}\n"
        "spec:\n  hostPID: true\n  containers: [{name: c, image: busybox}]\n"
        "---\napiVersion: v1\nkind: Pod\nmetadata: {name: added, namespace: shop}\n"
        "spec:\n  hostIPC: true\n  containers: [{name: c, image: redis}]\n"
        "---\n\napiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: shop}\n"
        "spec:\n  containers: [{name: c, image: nginx}]\n  hostNetwork: true\n";
    const char *t2[] = {moved};
    run *second = scan_with(paths, t2, 1, NULL, 0, fps, nf);
    size_t n2, nb;
    const tk_finding *f2 = tk_scan_findings(second->s, &n2);
    tk_scan_baselined(second->s, &nb);
    assert_int_equal(nb, nf);
    assert_true(n2 > 0);
    for (size_t i = 0; i < n2; i++) assert_string_equal(f2[i].resource.address, "Pod/shop/added");
    assert_int_equal(tk_scan_baseline_gone(second->s), 0);

    /* The same objects split between two files of the directory keep their fingerprints. */
    const char *split_paths[] = {"k/web.yaml", "k/debug.yaml"};
    const char *split[] = {"apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: shop}\n"
                           "spec:\n  hostNetwork: true\n  containers: [{name: c, image: nginx}]\n",
                           "apiVersion: v1\nkind: Pod\nmetadata: {name: debug-1, namespace: shop}\n"
                           "spec:\n  hostPID: true\n  containers: [{name: c, image: busybox}]\n"};
    run *third = scan_with(split_paths, split, 2, NULL, 0, fps, nf);
    tk_scan_findings(third->s, &n2);
    tk_scan_baselined(third->s, &nb);
    assert_int_equal(n2, 0);
    assert_true(nb >= nf); /* each file reports the namespace's missing NetworkPolicy */
    assert_int_equal(tk_scan_baseline_gone(third->s), 0);

    /* In another directory (another environment's overlay) they are other findings; a fixed
     * pod's fingerprints count as gone. */
    const char *other_paths[] = {"prod/pods.yaml"};
    run *fourth = scan_with(other_paths, texts, 1, NULL, 0, fps, nf);
    tk_scan_findings(fourth->s, &n2);
    tk_scan_baselined(fourth->s, &nb);
    assert_int_equal(n2, nf);
    assert_int_equal(nb, 0);
    assert_int_equal(tk_scan_baseline_gone(fourth->s), nf);
    free(fps);
    run_free(first);
    run_free(second);
    run_free(third);
    run_free(fourth);
}

static void expired_suppression_is_marked(void **state) {
    (void)state;
    const char *text = "apiVersion: v1\nkind: Pod\n"
                       "metadata:\n  name: p\n  annotations:\n"
                       "    tenken.io/ignore: 'TK-K8S-POD-002: host network for the agent "
                       "exp:2026-11-01'\n"
                       "spec:\n  hostNetwork: true\n  containers: [{name: c, image: x}]\n";
    const char *paths[] = {"p.yaml"}, *texts[] = {text};
    run *r = scan_with(paths, texts, 1, NULL, 0, NULL, 0);
    size_t nf, marked = 0;
    const tk_finding *f = tk_scan_findings(r->s, &nf);
    for (size_t i = 0; i < nf; i++) {
        if (!f[i].expired) continue;
        marked++;
        assert_string_equal(f[i].rule->id, "TK-K8S-POD-002");
        assert_true(f[i].expired->in_source);
        assert_string_equal(f[i].expired->expires, "2026-11-01");
        assert_string_equal(f[i].expired->reason, "host network for the agent");
        assert_int_equal(f[i].expired->at.line, 6);
    }
    assert_int_equal(marked, 1);
    run_free(r);
}

int run_policy_tests(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(patterns_and_dates),
        cmocka_unit_test(waivers),
        cmocka_unit_test(baseline_survives_moves),
        cmocka_unit_test(expired_suppression_is_marked),
    };
    return cmocka_run_group_tests_name("policy", tests, NULL, NULL);
}
