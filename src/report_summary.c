/* Counts every report format shows, computed once from a finished scan. */
#include "report_summary.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

size_t summary_category_index(const report_summary *s, const char *category) {
    for (size_t i = 0; i < s->n_categories; i++)
        if (!strcmp(s->categories[i], category)) return i;
    return SIZE_MAX;
}

void report_summarize(const report *r, report_summary *s) {
    memset(s, 0, sizeof *s);
    for (const char *const *c = tk_categories(); *c && s->n_categories < SUMMARY_MAX_CATEGORIES;
         c++)
        s->categories[s->n_categories++] = *c;
    size_t nf;
    const tk_finding *fs = tk_scan_findings(r->scan, &nf);
    s->findings = nf;
    for (size_t i = 0; i < nf; i++) {
        const tk_rule *rule = fs[i].rule;
        unsigned sev = (unsigned)rule->severity < 5 ? (unsigned)rule->severity : 0;
        s->by_severity[sev]++;
        s->by_level[rule->level == TK_LEVEL_RECOMMENDED]++;
        size_t c = summary_category_index(s, rule->category);
        if (c != SIZE_MAX) {
            s->by_category[c]++;
            s->by_category_severity[c][sev]++;
        }
    }
    for (size_t i = 0; i < nf; i++) s->expired += fs[i].expired != NULL;
    tk_scan_waived(r->scan, &s->waived);
    size_t nw;
    const tk_waiver_status *ws = tk_scan_waivers(r->scan, &nw);
    s->waivers = nw;
    for (size_t i = 0; i < nw; i++) {
        s->waivers_expired += ws[i].expired;
        s->waivers_stale += ws[i].stale;
    }
    tk_scan_baselined(r->scan, &s->baselined);
    s->baseline_gone = tk_scan_baseline_gone(r->scan);
    tk_scan_not_evaluated(r->scan, &s->not_evaluated);
    tk_scan_suppressed(r->scan, &s->suppressed);
    tk_scan_errors(r->scan, &s->errors);
    tk_scan_warnings(r->scan, &s->warnings);
    s->resources = tk_scan_resource_count(r->scan);
    s->checks = tk_scan_evaluation_count(r->scan);
    s->n_rules = tk_engine_rule_count(r->engine);
    s->rules = calloc(s->n_rules + 1, sizeof *s->rules);
    if (s->rules) tk_scan_rule_stats(r->scan, s->rules);
}

void report_summary_free(report_summary *s) {
    free(s->rules);
    s->rules = NULL;
}
