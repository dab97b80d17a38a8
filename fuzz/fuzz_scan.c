/* libFuzzer target: a whole scan with the built-in rules (parser, plan adapter, joins, rules)
 * and the policy applied after it (waivers with patterns, a baseline). */
#include "include/tenken.h"
#include <stdint.h>
#include <stdlib.h>

static tk_engine *engine;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (!engine) {
        engine = tk_engine_new();
        tk_diag d;
        if (!tk_engine_load_builtin(engine, &d)) abort();
    }
    tk_scan *s = tk_scan_new(engine, NULL);
    tk_scan_set_today(s, "2026-11-22");
    static const char *const patterns[] = {"*", "aws_s3_bucket.*", "*?*.*[*]*", "Pod/*/\\*"};
    static const char *const rules[] = {"TK-AWS-S3-001", "TK-K8S-POD-001", "TK-AWS-SG-001",
                                        "TK-AWS-IAM-001"};
    for (int i = 0; i < 4; i++) {
        tk_waiver w = {.rule = rules[i], .resource = patterns[i], .path = i == 2 ? "*.json" : NULL,
                       .reason = "r", .approver = "a", .created = "2026-01-01",
                       .expires = i % 2 ? "2026-01-31" : "2027-01-31"};
        tk_scan_add_waiver(s, &w);
    }
    static const char *const baseline[] = {"0000000000000000", "ffffffffffffffff", "not-hex"};
    tk_scan_set_baseline(s, baseline, 3);
    tk_scan_input(s, "fuzz.json", data, size);
    tk_scan_finish(s);
    size_t n;
    const tk_finding *f = tk_scan_findings(s, &n);
    for (size_t i = 0; i < n; i++)
        if (f[i].expired && !f[i].expired->expires) abort();
    tk_scan_free(s);
    return 0;
}
