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

/* Columns a text takes on a terminal: Japanese characters are two wide. */
static size_t display_width(const char *s) {
    size_t width = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if ((*p & 0xC0) != 0x80) width += *p >= 0x80 ? 2 : 1;
    return width;
}

/* Severity label padded to a fixed display width. */
static void sev_cell(const report *r, tk_buf *b, tk_severity s) {
    const char *label = severity_label(s, r->ja);
    colored(r, b, sev_color(s), label);
    for (size_t i = display_width(label); i < 9; i++) tk_buf_putc(b, ' ');
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
    const category_owner *o = report_has_owners(r) ? report_owner(r, rule->category) : NULL;
    if (o) {
        char label[300];
        config_owner_label(o, r->ja, label, sizeof label);
        tk_buf_printf(b, "%s%s", ind, TR(r->ja, "Owner: ", "担当: "));
        term_cstr(b, label);
        tk_buf_putc(b, '\n');
    }
    if (r->verbose) block(b, ind, TR(r->ja, "Why:  ", "背景: "), i18n(&rule->rationale, r->ja));
    block(b, ind, TR(r->ja, "Risk: ", "リスク: "), i18n(&rule->risk, r->ja));
    block(b, ind, TR(r->ja, "Fix:  ", "対処: "), i18n(&rule->remediation, r->ja));
}

/* A waiver or suppression that no longer covers a finding: when it ended, why it was
 * granted, who approved it, where it is written. */
static void expired_line(const report *r, tk_buf *b, const tk_waiver *w, bool short_form) {
    if (short_form) {
        tk_buf_printf(b,
                      w->in_source ? TR(r->ja, " [suppression expired %s]", "［抑止の期限切れ %s］")
                                   : TR(r->ja, " [waiver expired %s]", "［例外承認の期限切れ %s］"),
                      w->expires ? w->expires : "");
        return;
    }
    if (r->color) tk_buf_puts(b, "\033[1;33m");
    tk_buf_printf(b,
                  w->in_source
                      ? TR(r->ja, "           ! Suppression expired on %s (", "           ! 抑止の期限切れ（%s、")
                      : TR(r->ja, "           ! Waiver expired on %s (", "           ! 例外承認の期限切れ（%s、"),
                  w->expires ? w->expires : "");
    put_location(b, &w->at);
    tk_buf_puts(b, TR(r->ja, "): ", "）: "));
    term_cstr(b, w->reason ? w->reason : "");
    if (w->approver) {
        tk_buf_puts(b, TR(r->ja, " — approved by ", "（承認者: "));
        term_cstr(b, w->approver);
        if (r->ja) tk_buf_puts(b, "）");
    }
    if (r->color) tk_buf_puts(b, "\033[0m");
    tk_buf_putc(b, '\n');
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
    if (f->expired) expired_line(r, b, f->expired, false);
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
    tk_buf_printf(b, ": %s", i18n(&f->rule->title, r->ja));
    if (f->expired) expired_line(r, b, f->expired, true);
    tk_buf_putc(b, '\n');
}

/* Who is responsible for each guideline category (責任分界), with what this scan found in
 * it. */
static void responsibility(const report *r, tk_buf *b, const report_summary *sum) {
    const tenken_config *c = r->config;
    if (c->service_model)
        tk_buf_printf(b, TR(r->ja, "Responsibility (service model %s):\n", "責任分界（サービス形態 %s）:\n"),
                      !strcmp(c->service_model, "iaas")   ? "IaaS"
                      : !strcmp(c->service_model, "paas") ? "PaaS"
                                                          : "SaaS");
    else
        tk_buf_puts(b, TR(r->ja, "Responsibility:\n", "責任分界:\n"));
    size_t nwd;
    const tk_waived *wd = tk_scan_waived(r->scan, &nwd);
    size_t pad = 0;
    for (size_t i = 0; i < sum->n_categories; i++) {
        size_t w = display_width(tk_category_title(sum->categories[i], r->ja));
        if (w > pad) pad = w;
    }
    for (size_t i = 0; i < sum->n_categories; i++) {
        const char *cat = sum->categories[i];
        const category_owner *o = report_owner(r, cat);
        char label[300];
        if (o)
            config_owner_label(o, r->ja, label, sizeof label);
        else
            snprintf(label, sizeof label, "%s", TR(r->ja, "(not set)", "（未設定）"));
        size_t waived = 0;
        for (size_t k = 0; k < nwd; k++) waived += !strcmp(wd[k].finding.rule->category, cat);
        tk_buf_printf(b, "  %-4s ", cat);
        const char *title = tk_category_title(cat, r->ja);
        tk_buf_puts(b, title);
        for (size_t k = display_width(title); k < pad + 2; k++) tk_buf_putc(b, ' ');
        term_cstr(b, label);
        if (sum->by_category[i] || waived)
            tk_buf_printf(b, TR(r->ja, "  (findings %zu, waived %zu)", "（指摘 %zu 件・例外承認 %zu 件）"),
                          sum->by_category[i], waived);
        if ((r->owner_filter && !config_owner_is(o, r->owner_filter)) ||
            !config_rule_on(c, &(tk_rule){.id = "", .category = cat}, true))
            tk_buf_puts(b, TR(r->ja, "  [not checked]", "［点検対象外］"));
        tk_buf_putc(b, '\n');
    }
    if (r->owner_filter) {
        tk_buf_puts(b, TR(r->ja, "Only the categories of ", "--owner により "));
        term_cstr(b, r->owner_filter);
        tk_buf_puts(b, TR(r->ja, " were checked (--owner).\n", " の担当類型だけを点検しました。\n"));
    }
}

/* Waivers: the findings they set aside, and the ones that need attention (expired: their
 * findings are back; stale: they match nothing any more). */
static void waivers(const report *r, tk_buf *b, const report_summary *sum) {
    size_t nwd, nws;
    const tk_waived *wd = tk_scan_waived(r->scan, &nwd);
    const tk_waiver_status *ws = tk_scan_waivers(r->scan, &nws);
    tk_buf_puts(b, TR(r->ja, "Waivers (", "例外承認（"));
    term_cstr(b, r->waivers_path ? r->waivers_path : "-");
    tk_buf_printf(b,
                  TR(r->ja, "): %zu read; %zu finding%s waived, %zu expired, %zu stale\n",
                     "）: %zu 件を読込み。例外扱いの指摘 %zu 件%s・期限切れ %zu 件・該当なし %zu 件\n"),
                  nws, nwd, r->ja ? "" : (nwd == 1 ? "" : "s"), sum->waivers_expired,
                  sum->waivers_stale);
    for (size_t i = 0; i < nwd; i++) {
        const tk_finding *f = &wd[i].finding;
        const tk_waiver *w = wd[i].waiver;
        tk_buf_puts(b, "  ");
        sev_cell(r, b, f->rule->severity);
        tk_buf_printf(b, "%s  ", f->rule->id);
        term_cstr(b, f->resource.address);
        tk_buf_puts(b, "  ");
        put_location(b, &f->location);
        tk_buf_puts(b, "\n             ");
        term_cstr(b, w->reason);
        tk_buf_puts(b, TR(r->ja, " — approved by ", "（承認者: "));
        term_cstr(b, w->approver);
        tk_buf_printf(b, TR(r->ja, ", until %s\n", "、%s まで）\n"), w->expires);
    }
    for (size_t i = 0; i < nws; i++) {
        const tk_waiver *w = &ws[i].waiver;
        if (!ws[i].expired && !ws[i].stale) continue;
        tk_buf_puts(b, "  ");
        if (ws[i].expired)
            tk_buf_printf(b, TR(r->ja, "EXPIRED %s  ", "期限切れ %s  "), w->expires);
        else
            tk_buf_puts(b, TR(r->ja, "STALE  ", "該当なし  "));
        tk_buf_printf(b, "%s  ", w->rule);
        term_cstr(b, w->resource);
        tk_buf_puts(b, "  ");
        put_location(b, &w->at);
        tk_buf_puts(b, ws[i].expired ? TR(r->ja, "  (its findings are reported again)",
                                          "（該当する指摘は再び報告されます）")
                                     : TR(r->ja, "  (matches nothing: remove it)",
                                          "（該当する指摘がありません。削除してください）"));
        tk_buf_putc(b, '\n');
    }
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
    if (report_has_owners(r)) responsibility(r, b, &sum);
    if (sum.waivers) waivers(r, b, &sum);
    if (r->baseline_path) {
        tk_buf_puts(b, TR(r->ja, "Baseline (", "ベースライン（"));
        term_cstr(b, r->baseline_path);
        tk_buf_printf(b,
                      TR(r->ja, "): %zu known finding%s not shown; %zu fixed since\n",
                         "）: 既知の指摘 %zu 件%sは表示していません。解消済み %zu 件\n"),
                      sum.baselined, r->ja ? "" : (sum.baselined == 1 ? "" : "s"), sum.baseline_gone);
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
