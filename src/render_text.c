/* Human-readable report, in Japanese or English, coloured only on a terminal. */
#include "cli.h"
#include "report_summary.h"
#include "rule_frags.h"
#include "term_text.h"
#include <string.h>

static const char *sev_color(tk_severity s) {
    switch (s) {
    case TK_SEV_CRITICAL: return "\033[1;35m";
    case TK_SEV_HIGH: return "\033[1;31m";
    case TK_SEV_MEDIUM: return "\033[33m";
    case TK_SEV_LOW: return "\033[34m";
    default: return "\033[2m";
    }
}

static void colored(const report *r, tk_buf *b, const char *color, const char *text) {
    if (r->color)
        tk_buf_printf(b, "%s%s\033[0m", color, text);
    else
        tk_buf_puts(b, text);
}

/* Severity label padded to a fixed display width (Japanese labels are two columns wide per
 * character). */
static void sev_cell(const report *r, tk_buf *b, tk_severity s) {
    const char *label = severity_label(s, r->ja);
    colored(r, b, sev_color(s), label);
    size_t width = 0;
    for (const unsigned char *p = (const unsigned char *)label; *p; p++)
        if ((*p & 0xC0) != 0x80) width += *p >= 0x80 ? 2 : 1;
    for (size_t i = width; i < 9; i++) tk_buf_putc(b, ' ');
}

static void classification(const report *r, tk_buf *b, const tk_rule *rule) {
    tk_buf_printf(b, "%s %s %s", TR(r->ja, "Category", "類型"), rule->category,
                  tk_category_title(rule->category, r->ja));
    for (size_t i = 0; i < rule->n_guideline; i++) tk_buf_printf(b, " · %s", rule->guideline[i]);
    tk_buf_printf(b, " · %s", level_label(rule->level, r->ja));
    for (size_t i = 0; i < rule->n_cis; i++) {
        tk_buf_puts(b, " · ");
        cis_label(b, &rule->cis[i]);
    }
    for (size_t i = 0; i < rule->n_references; i++) {
        tk_buf_puts(b, " · ");
        reference_label(b, &rule->references[i]);
    }
}

/* Writes a multi-line text indented under a label; continuation lines line up two columns
 * in. A label ending in a newline puts the whole text below it. */
static void block(tk_buf *b, const char *indent, const char *label, const char *text) {
    tk_buf_printf(b, "%s%s", indent, label);
    size_t ll = strlen(label);
    if (ll && label[ll - 1] == '\n') tk_buf_printf(b, "%s  ", indent);
    for (const char *p = text; *p; p++) {
        if (*p == '\n') {
            if (p[1] == 0) break;
            tk_buf_printf(b, "\n%s  ", indent);
            continue;
        }
        tk_buf_putc(b, *p);
    }
    tk_buf_putc(b, '\n');
}

static void put_uint(tk_buf *b, unsigned v) {
    char d[12];
    size_t n = sizeof d;
    do d[--n] = (char)('0' + v % 10);
    while ((v /= 10) != 0);
    tk_buf_append(b, d + n, sizeof d - n);
}

/* "file:line:col" of a finding, as the input names it. */
static void put_location(tk_buf *b, const tk_location *l) {
    term_cstr(b, l->file);
    tk_buf_putc(b, ':');
    put_uint(b, l->line);
    tk_buf_putc(b, ':');
    put_uint(b, l->column);
}

/* Part 0: severity and rule ID, before the address; part 1: the lines under it. */
static void finding_frags(void *ctx, const tk_rule *rule, tk_buf parts[RULE_FRAG_PARTS]) {
    const report *r = ctx;
    const char *ind = "           ";
    tk_buf *b = &parts[0];
    tk_buf_puts(b, "  ");
    sev_cell(r, b, rule->severity);
    colored(r, b, "\033[1m", rule->id);
    tk_buf_puts(b, "  ");
    b = &parts[1];
    tk_buf_puts(b, ind);
    colored(r, b, "\033[1m", i18n(&rule->title, r->ja));
    tk_buf_printf(b, "\n%s", ind);
    classification(r, b, rule);
    tk_buf_putc(b, '\n');
    if (r->verbose) block(b, ind, TR(r->ja, "Why:  ", "背景: "), i18n(&rule->rationale, r->ja));
    block(b, ind, TR(r->ja, "Risk: ", "リスク: "), i18n(&rule->risk, r->ja));
    block(b, ind, TR(r->ja, "Fix:  ", "対処: "), i18n(&rule->remediation, r->ja));
}

static void finding_long(const report *r, tk_buf *b, const tk_finding *f, rule_frags *frags) {
    tk_buf tmp[RULE_FRAG_PARTS];
    const tk_buf *parts = rule_frags_get(frags, f->rule);
    if (!parts) {
        for (int p = 0; p < RULE_FRAG_PARTS; p++) tk_buf_init(&tmp[p]);
        finding_frags((void *)r, f->rule, tmp);
        parts = tmp;
    }
    tk_buf_append(b, parts[0].data, parts[0].len);
    term_cstr(b, f->resource.address);
    if (!strcmp(f->resource.family, "cloudformation")) { /* a logical ID says nothing of its type */
        tk_buf_puts(b, " (");
        term_cstr(b, f->resource.type);
        tk_buf_putc(b, ')');
    }
    tk_buf_puts(b, "  ");
    if (r->color) tk_buf_puts(b, "\033[2m");
    put_location(b, &f->location);
    if (r->color) tk_buf_puts(b, "\033[0m");
    tk_buf_putc(b, '\n');
    for (size_t i = 0; i < f->n_module_calls; i++) {
        tk_buf_puts(b,
                    TR(r->ja, "           via module call at ", "           モジュール呼び出し: "));
        put_location(b, &f->module_calls[i]);
        tk_buf_putc(b, '\n');
    }
    tk_buf_append(b, parts[1].data, parts[1].len);
    const char *example = r->verbose ? tk_rule_example_for(f->rule, f->resource.family) : NULL;
    if (example) block(b, "           ", TR(r->ja, "Example:\n", "設定例:\n"), example);
    if (parts == tmp)
        for (int p = 0; p < RULE_FRAG_PARTS; p++) tk_buf_free(&tmp[p]);
}

static void finding_short(const report *r, tk_buf *b, const tk_finding *f) {
    put_location(b, &f->location);
    tk_buf_puts(b, ": ");
    colored(r, b, sev_color(f->rule->severity), severity_label(f->rule->severity, r->ja));
    tk_buf_printf(b, " %s ", f->rule->id);
    term_cstr(b, f->resource.address);
    tk_buf_printf(b, ": %s\n", i18n(&f->rule->title, r->ja));
}

void render_text(const report *r, tk_buf *b) {
    size_t nf, nn, ni, ne;
    const tk_finding *fs = tk_scan_findings(r->scan, &nf);
    const tk_not_evaluated *ns = tk_scan_not_evaluated(r->scan, &nn);
    const tk_input_info *ins = tk_scan_inputs(r->scan, &ni);
    tk_scan_errors(r->scan, &ne);

    if (r->quiet) {
        for (size_t i = 0; i < nf; i++) finding_short(r, b, &fs[i]);
    } else {
        uint32_t cur = UINT32_MAX;
        rule_frags *frags = rule_frags_new(finding_frags, (void *)r);
        for (size_t i = 0; i < nf; i++) {
            if (fs[i].input != cur) {
                cur = fs[i].input;
                if (i) tk_buf_putc(b, '\n');
                if (r->color) tk_buf_puts(b, "\033[1;4m");
                term_cstr(b, ins[cur].path);
                if (r->color) tk_buf_puts(b, "\033[0m");
                tk_buf_putc(b, '\n');
            } else {
                tk_buf_putc(b, '\n');
            }
            finding_long(r, b, &fs[i], frags);
        }
        rule_frags_free(frags);
        if (nf) tk_buf_putc(b, '\n');
    }
    if (r->show_not_evaluated && nn) {
        tk_buf_puts(b,
                    TR(r->ja,
                       "Not evaluated (the rule depends on a value not known before deployment):\n",
                       "未評価（デプロイ前には決まらない値に依存するため判定していないもの）:\n"));
        for (size_t i = 0; i < nn; i++) {
            tk_buf_printf(b, "  %s  ", ns[i].rule->id);
            term_cstr(b, ns[i].resource.address);
            tk_buf_puts(b, "  ");
            put_location(b, &ns[i].location);
            tk_buf_printf(b, "  %s `", TR(r->ja, "unknown:", "不明な値:"));
            term_cstr(b, ns[i].reason);
            tk_buf_puts(b, "`\n");
        }
        tk_buf_putc(b, '\n');
    }
    if (r->quiet) return;

    report_summary sum;
    report_summarize(r, &sum);
    const size_t *by_sev = sum.by_severity, basic = sum.by_level[TK_LEVEL_BASIC],
                 rec = sum.by_level[TK_LEVEL_RECOMMENDED];
    if (r->ja) {
        tk_buf_printf(b, "結果: 設定不備 %zu 件（", nf);
        for (int s = 4; s >= 0; s--)
            tk_buf_printf(b, "%s%s %zu", s == 4 ? "" : "・", severity_label((tk_severity)s, true),
                          by_sev[s]);
        tk_buf_printf(b, "）／ 基本 %zu 件・推奨 %zu 件\n", basic, rec);
        tk_buf_printf(b, "対象: 入力 %zu 件・リソース %zu 件・ルール %zu 件・判定 %zu 回\n", ni,
                      tk_scan_resource_count(r->scan), r->rules_active,
                      tk_scan_evaluation_count(r->scan));
    } else {
        tk_buf_printf(b, "Result: %zu finding%s (", nf, nf == 1 ? "" : "s");
        for (int s = 4; s >= 0; s--)
            tk_buf_printf(b, "%s%s %zu", s == 4 ? "" : ", ", tk_severity_name((tk_severity)s),
                          by_sev[s]);
        tk_buf_printf(b, "); basic %zu, recommended %zu\n", basic, rec);
        tk_buf_printf(b, "Scanned: %zu input%s, %zu resources, %zu rules, %zu checks\n", ni,
                      ni == 1 ? "" : "s", tk_scan_resource_count(r->scan), r->rules_active,
                      tk_scan_evaluation_count(r->scan));
    }
    if (nf) {
        tk_buf_puts(b,
                    TR(r->ja, "By guideline category (MIC settings guideline, figure III.3.1-1):\n",
                       "類型別（総務省 設定ガイドライン 図表Ⅲ.3.1-1）:\n"));
        for (size_t c = 0; c < sum.n_categories; c++)
            if (sum.by_category[c])
                tk_buf_printf(b, "  %4zu  %-4s %s\n", sum.by_category[c], sum.categories[c],
                              tk_category_title(sum.categories[c], r->ja));
    }
    report_summary_free(&sum);
    size_t nsup;
    const tk_suppressed *sups = tk_scan_suppressed(r->scan, &nsup);
    if (nsup && r->verbose) {
        tk_buf_puts(b, TR(r->ja, "Suppressed in the source:\n", "ソース内の指定により除外:\n"));
        for (size_t i = 0; i < nsup; i++) {
            tk_buf_printf(b, "  %s  ", sups[i].finding.rule->id);
            term_cstr(b, sups[i].finding.resource.address);
            tk_buf_puts(b, "  ");
            put_location(b, &sups[i].finding.location);
            tk_buf_puts(b, "  ");
            term_cstr(b, sups[i].reason);
            if (sups[i].expires)
                tk_buf_printf(b, TR(r->ja, " (until %s)", "（%s まで）"), sups[i].expires);
            tk_buf_putc(b, '\n');
        }
    } else if (nsup) {
        tk_buf_printf(b,
                      TR(r->ja, "Suppressed in the source: %zu (-v lists them)\n",
                         "ソース内の指定により除外: %zu 件（-v で一覧表示）\n"),
                      nsup);
    }
    if (nn && !r->show_not_evaluated)
        tk_buf_printf(b,
                      TR(r->ja,
                         "Not evaluated: %zu (they depend on values not known before deployment; "
                         "--show-not-evaluated lists them)\n",
                         "未評価: %zu 件（デプロイ前には決まらない値に依存。--show-not-evaluated "
                         "で一覧表示）\n"),
                      nn);
    if (ne)
        tk_buf_printf(b,
                      TR(r->ja, "Input errors: %zu (see the messages above)\n",
                         "入力エラー: %zu 件（上のメッセージを参照）\n"),
                      ne);
}
