/* Counts every report format shows: findings by guideline category, severity and level,
 * and the per-rule results (checks, findings, not evaluated, suppressed). */
#ifndef TK_REPORT_SUMMARY_H
#define TK_REPORT_SUMMARY_H
#include "cli.h"

enum { SUMMARY_MAX_CATEGORIES = 16 };

typedef struct report_summary {
    const char *categories[SUMMARY_MAX_CATEGORIES]; /* tk_categories() order */
    size_t n_categories;
    size_t by_category[SUMMARY_MAX_CATEGORIES];
    size_t by_category_severity[SUMMARY_MAX_CATEGORIES][5]; /* [category][tk_severity] */
    size_t by_severity[5];                                  /* indexed by tk_severity */
    size_t by_level[2];                                     /* indexed by tk_level */
    size_t findings, not_evaluated, suppressed, errors, warnings, resources, checks;
    size_t waived;          /* findings set aside by waivers */
    size_t expired;         /* findings reported again because their waiver or suppression expired */
    size_t waivers, waivers_expired, waivers_stale; /* waivers read; expired; matching nothing */
    size_t baselined;       /* findings left out because the baseline holds them */
    size_t baseline_gone;   /* baseline fingerprints no finding has any more */
    tk_rule_stats *rules; /* per engine rule (tk_engine_rule order); NULL when out of memory */
    size_t n_rules;
} report_summary;

/* Fills s from the report's scan; release with report_summary_free. */
void report_summarize(const report *r, report_summary *s);
void report_summary_free(report_summary *s);
/* Index of a category in s->categories, or SIZE_MAX. */
size_t summary_category_index(const report_summary *s, const char *category);

#endif
