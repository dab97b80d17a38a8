/* HTML report: one self-contained page (inline style, script and SVG; nothing loaded from
 * anywhere), Japanese by default with an English switch. Tabs: a summary (verdict, counts
 * by severity, a category x severity chart, the responsibility matrix when the
 * configuration says who is responsible, 基本/推奨 coverage, baseline and waiver counts),
 * the findings with filters (owner among them), a guideline view (measure -> category ->
 * rules) for internal checks and for agreeing on settings with whoever configures them,
 * checks not evaluated or suppressed, the waivers (findings set aside, waivers expired or
 * matching nothing) when a waivers file was read, and the inputs. Every text from a
 * scanned input or the configuration is escaped; a Content-Security-Policy allows only the
 * page's own style and script, by hash. */
#include "html_assets.h"
#include "report_summary.h"
#include "sha256.h"
#include "term_text.h"
#include "../lib/strmap.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { OWNER_LABEL_MAX = 256 };

/* The distinct owners of the guideline categories, numbered for the owner filter. */
typedef struct owner_index {
    char ja[SUMMARY_MAX_CATEGORIES][OWNER_LABEL_MAX], en[SUMMARY_MAX_CATEGORIES][OWNER_LABEL_MAX];
    size_t findings[SUMMARY_MAX_CATEGORIES];
    size_t n;
    int of_category[SUMMARY_MAX_CATEGORIES]; /* summary category -> owner, or -1 */
} owner_index;

typedef struct html {
    tk_buf *b;
    tk_buf tmp; /* input text with control characters made visible, before escaping */
    const report *r;
    report_summary sum;
    bool owners;  /* the configuration says who is responsible: owners are shown */
    bool waivers; /* a waivers file was read: the waivers tab is shown */
    owner_index own;
    size_t waived_by_category[SUMMARY_MAX_CATEGORIES];
} html;

static void lit(html *h, const char *s) {
    tk_buf_puts(h->b, s);
}

/* Text or attribute value: & < > " ' escaped; control and bidi characters shown as \xNN. */
static void esc_n(html *h, const char *s, size_t len) {
    tk_buf_clear(&h->tmp);
    term_text(&h->tmp, s, len);
    const char *p = h->tmp.data;
    size_t n = h->tmp.len, start = 0;
    for (size_t i = 0; i < n; i++) {
        const char *rep = NULL;
        switch (p[i]) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&#39;"; break;
        default: continue;
        }
        tk_buf_append(h->b, p + start, i - start);
        tk_buf_puts(h->b, rep);
        start = i + 1;
    }
    tk_buf_append(h->b, p + start, n - start);
}

static void esc(html *h, const char *s) {
    if (s) esc_n(h, s, strlen(s));
}

/* A text of several lines (an example fix): each line escaped, the line breaks kept. */
static void esc_lines(html *h, const char *s) {
    while (s) {
        const char *nl = strchr(s, '\n');
        esc_n(h, s, nl ? (size_t)(nl - s) : strlen(s));
        if (!nl) break;
        tk_buf_putc(h->b, '\n');
        s = nl + 1;
    }
}

/* Both languages; the page shows the one chosen. */
static void bi(html *h, const char *ja, const char *en) {
    lit(h, "<span class=\"ja\">");
    esc(h, ja);
    lit(h, "</span><span class=\"en\">");
    esc(h, en);
    lit(h, "</span>");
}

static void bi_text(html *h, const tk_i18n *t) {
    bi(h, t->ja, t->en);
}

/* A table's heading row. A column without a Japanese name is an empty cell; num right-aligns
 * it (numbers); off leaves it out (e.g. the owner column when nobody is named). */
typedef struct column {
    const char *ja, *en;
    bool num, off;
} column;

static void head_row(html *h, const column *cols, size_t n) {
    lit(h, "<thead><tr>");
    for (size_t i = 0; i < n; i++) {
        if (cols[i].off) continue;
        lit(h, cols[i].num ? "<th class=\"n\">" : "<th>");
        if (cols[i].ja) bi(h, cols[i].ja, cols[i].en);
        lit(h, "</th>");
    }
    lit(h, "</tr></thead>");
}
#define HEAD_ROW(h, ...)                                                                           \
    do {                                                                                           \
        const column cols_[] = {__VA_ARGS__};                                                      \
        head_row((h), cols_, sizeof cols_ / sizeof *cols_);                                        \
    } while (0)

static void severity_badge(html *h, tk_severity s) {
    tk_buf_printf(h->b, "<span class=\"badge s-%s\">", tk_severity_name(s));
    bi(h, severity_label(s, true), severity_label(s, false));
    lit(h, "</span>");
}

static void level_badge(html *h, tk_level l) {
    tk_buf_printf(h->b, "<span class=\"lv %s\">", tk_level_name(l));
    bi(h, level_label(l, true), level_label(l, false));
    lit(h, "</span>");
}

static void category_name(html *h, const char *cat) {
    const char *ja = tk_category_title(cat, true), *en = tk_category_title(cat, false);
    esc(h, cat);
    lit(h, " ");
    bi(h, ja ? ja : "", en ? en : "");
}

static void num(html *h, size_t n) {
    tk_buf_printf(h->b, "%zu", n);
}

static void location_text(html *h, const tk_location *l) {
    esc(h, l->file);
    tk_buf_printf(h->b, ":%u:%u", l->line, l->column);
}

/* ---- owners and waivers ---- */

/* Numbers the distinct owners (by their labels), counts their findings, and counts the
 * waived findings by category. */
static void index_owners(html *h) {
    owner_index *o = &h->own;
    o->n = 0;
    for (size_t c = 0; c < h->sum.n_categories; c++) {
        o->of_category[c] = -1;
        const category_owner *co = report_owner(h->r, h->sum.categories[c]);
        if (!h->owners || !co) continue;
        char ja[OWNER_LABEL_MAX], en[OWNER_LABEL_MAX];
        config_owner_label(co, true, ja, sizeof ja);
        config_owner_label(co, false, en, sizeof en);
        size_t k = 0;
        while (k < o->n && (strcmp(o->en[k], en) != 0 || strcmp(o->ja[k], ja) != 0)) k++;
        if (k == o->n) {
            memcpy(o->ja[k], ja, sizeof ja);
            memcpy(o->en[k], en, sizeof en);
            o->findings[k] = 0;
            o->n++;
        }
        o->of_category[c] = (int)k;
        o->findings[k] += h->sum.by_category[c];
    }
    size_t nw;
    const tk_waived *wd = tk_scan_waived(h->r->scan, &nw);
    for (size_t i = 0; i < nw; i++) {
        size_t c = summary_category_index(&h->sum, wd[i].finding.rule->category);
        if (c != SIZE_MAX) h->waived_by_category[c]++;
    }
}

/* The owner of a category as a number, or -1 (no owner, or owners not shown). */
static int owner_of(const html *h, const char *category) {
    size_t c = summary_category_index(&h->sum, category);
    return c == SIZE_MAX ? -1 : h->own.of_category[c];
}

static void owner_name(html *h, int k) {
    if (k < 0)
        lit(h, "—");
    else
        bi(h, h->own.ja[k], h->own.en[k]);
}

/* Whether --owner left a category out. */
static bool category_skipped(const html *h, const char *category) {
    return h->r->owner_filter &&
           !config_owner_is(report_owner(h->r, category), h->r->owner_filter);
}

/* A date from a waiver, or "—". */
static void date_text(html *h, const char *ymd) {
    if (ymd)
        esc(h, ymd);
    else
        lit(h, "—");
}

/* A table cell holding a date. */
static void date_cell(html *h, const char *ymd) {
    lit(h, "<td class=\"d\">");
    date_text(h, ymd);
    lit(h, "</td>");
}

/* The badge of a finding whose waiver or inline suppression has expired. */
static void expired_badge(html *h, const tk_waiver *w) {
    lit(h, "<span class=\"badge exp\">⚠ ");
    if (w->in_source)
        bi(h, "抑止の期限切れ", "suppression expired");
    else
        bi(h, "例外承認の期限切れ", "waiver expired");
    if (w->expires) {
        lit(h, " ");
        esc(h, w->expires);
    }
    lit(h, "</span>");
}

/* What an expired waiver or suppression said, for a finding's details. */
static void expired_facts(html *h, const tk_waiver *w) {
    lit(h, "<dt>");
    if (w->in_source)
        bi(h, "期限切れの抑止", "Expired suppression");
    else
        bi(h, "期限切れの例外承認", "Expired waiver");
    lit(h, "</dt><dd class=\"expired\">");
    bi(h, "理由: ", "Reason: ");
    esc(h, w->reason);
    if (w->approver) {
        lit(h, "<br>");
        bi(h, "承認者: ", "Approved by: ");
        esc(h, w->approver);
    }
    if (w->created) {
        lit(h, "<br>");
        bi(h, "作成日: ", "Created: ");
        esc(h, w->created);
    }
    lit(h, "<br>");
    bi(h, "期限: ", "Expired on: ");
    date_text(h, w->expires);
    lit(h, "<br>");
    bi(h, "記述場所: ", "Written at: ");
    lit(h, "<code>");
    location_text(h, &w->at);
    lit(h, "</code><br><span class=\"note\">");
    bi(h, "期限を過ぎたため、この指摘は再び報告されています。",
       "Its date has passed, so the finding is reported again.");
    lit(h, "</span></dd>");
}

/* ---- head ---- */

static void head(html *h) {
    char style_hash[45], script_hash[45];
    sha256_base64(HTML_STYLE, strlen(HTML_STYLE), style_hash);
    sha256_base64(HTML_SCRIPT, strlen(HTML_SCRIPT), script_hash);
    tk_buf_printf(h->b,
                  "<!DOCTYPE html>\n<html lang=\"%s\" data-title-ja=\"tenken 点検レポート\" "
                  "data-title-en=\"tenken check report\">\n<head>\n<meta charset=\"utf-8\">\n"
                  "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                  "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                  "style-src 'sha256-%s'; script-src 'sha256-%s'; img-src data:; "
                  "base-uri 'none'; form-action 'none'\">\n"
                  "<meta name=\"referrer\" content=\"no-referrer\">\n"
                  "<meta name=\"generator\" content=\"tenken %s\">\n<title>%s</title>\n<style>",
                  h->r->ja ? "ja" : "en", style_hash, script_hash, TENKEN_VERSION,
                  h->r->ja ? "tenken 点検レポート" : "tenken check report");
    lit(h, HTML_STYLE);
    lit(h, "</style>\n</head>\n<body>\n");
}

static void top_bar(html *h) {
    char when[32] = "";
    time_t t = (time_t)h->r->generated_at;
    struct tm tm;
    if (gmtime_r(&t, &tm)) strftime(when, sizeof when, "%Y-%m-%d %H:%M UTC", &tm);
    lit(h, "<header class=\"top\"><div class=\"brand\">点検 tenken</div><h1>");
    bi(h, "クラウド設定 点検レポート", "Cloud configuration check report");
    lit(h, "</h1><div class=\"meta\">");
    bi(h, "作成日時 ", "Generated ");
    esc(h, when);
    tk_buf_printf(h->b, " · tenken %s · ", TENKEN_VERSION);
    bi(h, "ルール版 ", "rules ");
    esc(h, tk_engine_rules_version(h->r->engine));
    if (h->r->owner_filter) {
        lit(h, " · <span class=\"owner-filter\">");
        bi(h, "点検対象: 担当「", "checked: only the categories of ");
        esc(h, h->r->owner_filter);
        bi(h, "」の類型のみ", "");
        lit(h, "</span>");
    }
    lit(h, "</div><div class=\"lang\" role=\"group\" aria-label=\"Language\">"
           "<button type=\"button\" data-setlang=\"ja\" aria-pressed=\"true\">日本語</button>"
           "<button type=\"button\" data-setlang=\"en\" aria-pressed=\"false\">English</button>"
           "</div></header>\n");
}

static void tab_button(html *h, const char *id, const char *ja, const char *en, bool count,
                       size_t n, bool selected) {
    tk_buf_printf(h->b, "<button type=\"button\" data-tab=\"%s\" aria-selected=\"%s\">", id,
                  selected ? "true" : "false");
    bi(h, ja, en);
    if (count) tk_buf_printf(h->b, " (%zu)", n);
    lit(h, "</button>");
}

static void tabs(html *h) {
    size_t nin;
    tk_scan_inputs(h->r->scan, &nin);
    lit(h, "<nav class=\"tabs\">");
    tab_button(h, "summary", "概要", "Summary", false, 0, true);
    tab_button(h, "findings", "指摘一覧", "Findings", true, h->sum.findings, false);
    tab_button(h, "guideline", "ガイドライン対応表", "Guideline view", false, 0, false);
    tab_button(h, "other", "未評価・抑止", "Not evaluated / suppressed", true,
               h->sum.not_evaluated + h->sum.suppressed, false);
    if (h->waivers) tab_button(h, "waivers", "例外承認", "Waivers", true, h->sum.waived, false);
    tab_button(h, "inputs", "入力とエラー", "Inputs and errors", true, nin, false);
    lit(h, "</nav>\n<main>\n");
}

/* ---- summary ---- */

static void verdict(html *h) {
    const size_t *s = h->sum.by_severity;
    size_t severe = s[TK_SEV_CRITICAL] + s[TK_SEV_HIGH];
    const char *cls = severe ? "verdict bad" : h->sum.findings ? "verdict warn" : "verdict";
    tk_buf_printf(h->b, "<p class=\"%s\">", cls);
    tk_buf *b = h->b;
    if (h->sum.errors) {
        tk_buf_printf(b, "<span class=\"ja\">%zu 件の入力を読めませんでした。結果は不完全です。</span>"
                         "<span class=\"en\">%zu input error(s): the results are incomplete.</span> ",
                      h->sum.errors, h->sum.errors);
    }
    if (severe)
        tk_buf_printf(b,
                      "<span class=\"ja\">直ちに対応すべき設定不備があります: 重大 %zu 件、高 %zu "
                      "件（指摘は全 %zu 件）</span><span class=\"en\">Settings need attention now: "
                      "%zu critical and %zu high (%zu findings in all)</span>",
                      s[TK_SEV_CRITICAL], s[TK_SEV_HIGH], h->sum.findings, s[TK_SEV_CRITICAL],
                      s[TK_SEV_HIGH], h->sum.findings);
    else if (h->sum.findings)
        tk_buf_printf(b,
                      "<span class=\"ja\">設定不備の指摘が %zu 件あります（重大・高はありません）"
                      "</span><span class=\"en\">%zu findings (none critical or high)</span>",
                      h->sum.findings, h->sum.findings);
    else
        tk_buf_printf(b,
                      "<span class=\"ja\">設定不備の指摘はありません（%zu 件を点検）</span>"
                      "<span class=\"en\">No findings (%zu checks)</span>",
                      h->sum.checks, h->sum.checks);
    lit(h, "</p>\n");
}

static void severity_cards(html *h) {
    lit(h, "<div class=\"cards\">");
    for (int s = TK_SEV_CRITICAL; s >= TK_SEV_INFO; s--) {
        tk_buf_printf(h->b,
                      "<div class=\"card sev-%s\"><b><a class=\"jump\" data-filter-sev=\"%s\" "
                      "href=\"#\">%zu</a></b>",
                      tk_severity_name((tk_severity)s), tk_severity_name((tk_severity)s),
                      h->sum.by_severity[s]);
        bi(h, severity_label((tk_severity)s, true), severity_label((tk_severity)s, false));
        lit(h, "</div>");
    }
    tk_buf_printf(h->b, "<div class=\"card\"><b>%zu</b>", h->sum.resources);
    bi(h, "点検したリソース", "resources checked");
    tk_buf_printf(h->b, "</div><div class=\"card\"><b>%zu</b>", h->sum.checks);
    bi(h, "点検数（ルール×リソース）", "checks (rule × resource)");
    tk_buf_printf(h->b, "</div><div class=\"card\"><b>%zu</b>", h->sum.not_evaluated);
    bi(h, "未評価（デプロイ前は不明）", "not evaluated (unknown before deployment)");
    lit(h, "</div></div>\n");
}

/* Findings per category as horizontal bars stacked by severity. */
static void chart(html *h) {
    const report_summary *s = &h->sum;
    size_t max = 1;
    for (size_t c = 0; c < s->n_categories; c++)
        if (s->by_category[c] > max) max = s->by_category[c];
    const int label_w = 250, bar_w = 420, row_h = 26, top = 6;
    int height = top + (int)s->n_categories * row_h + 6;
    lit(h, "<div class=\"panel\"><h2>");
    bi(h, "類型別・重大度別の指摘数", "Findings by category and severity");
    tk_buf_printf(h->b,
                  "</h2><svg class=\"chart\" viewBox=\"0 0 %d %d\" role=\"img\" "
                  "aria-label=\"findings by category and severity\">",
                  label_w + bar_w + 50, height);
    for (size_t c = 0; c < s->n_categories; c++) {
        int y = top + (int)c * row_h;
        const char *cat = s->categories[c];
        tk_buf_printf(h->b, "<text class=\"ja\" x=\"0\" y=\"%d\">", y + 16);
        esc(h, cat);
        lit(h, " ");
        esc(h, tk_category_title(cat, true));
        tk_buf_printf(h->b, "</text><text class=\"en\" x=\"0\" y=\"%d\">", y + 16);
        esc(h, cat);
        lit(h, " ");
        esc(h, tk_category_title(cat, false));
        lit(h, "</text>");
        double x = label_w;
        for (int sev = TK_SEV_CRITICAL; sev >= TK_SEV_INFO; sev--) {
            size_t n = s->by_category_severity[c][sev];
            if (!n) continue;
            double w = (double)n * bar_w / (double)max;
            tk_buf_printf(h->b,
                          "<rect class=\"s-%s\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\">"
                          "<title>%s: %zu</title></rect>",
                          tk_severity_name((tk_severity)sev), x, y + 4, w, row_h - 8,
                          tk_severity_name((tk_severity)sev), n);
            x += w;
        }
        tk_buf_printf(h->b, "<text class=\"num\" x=\"%.1f\" y=\"%d\">%zu</text>", x + 6, y + 16,
                      s->by_category[c]);
    }
    lit(h, "</svg><div class=\"legend\">");
    for (int sev = TK_SEV_CRITICAL; sev >= TK_SEV_INFO; sev--) {
        tk_buf_printf(h->b, "<span><i class=\"s-%s\"></i>", tk_severity_name((tk_severity)sev));
        bi(h, severity_label((tk_severity)sev, true), severity_label((tk_severity)sev, false));
        lit(h, "</span>");
    }
    lit(h, "</div></div>\n");
}

/* 基本/推奨 coverage: per level, the rules evaluated and how their checks came out. */
static void coverage(html *h) {
    size_t rules[2] = {0}, evaluated[2] = {0}, checks[2] = {0}, found[2] = {0}, ne[2] = {0},
           sup[2] = {0}, clean[2] = {0}, set_aside[2] = {0};
    /* Findings waived or held by the baseline were checked too, but did not pass. */
    bool show_set_aside = h->waivers || h->r->baseline_path;
    for (size_t i = 0; i < h->sum.n_rules && h->sum.rules; i++) {
        const tk_rule *rule = tk_engine_rule(h->r->engine, i);
        const tk_rule_stats *st = &h->sum.rules[i];
        int l = rule->level == TK_LEVEL_RECOMMENDED;
        rules[l]++;
        if (!st->checks) continue;
        evaluated[l]++;
        checks[l] += st->checks;
        found[l] += st->findings;
        ne[l] += st->not_evaluated;
        sup[l] += st->suppressed;
        set_aside[l] += st->waived + st->baselined;
        if (!st->findings && !st->not_evaluated && !st->waived && !st->baselined) clean[l]++;
    }
    lit(h, "<div class=\"panel\"><h2>");
    bi(h, "基本・推奨の点検状況", "Coverage of basic and recommended measures");
    lit(h, "</h2><table>");
    HEAD_ROW(h, {NULL, NULL, false, false}, {"点検したルール", "rules evaluated", true, false},
             {"適合ルール", "rules passed", true, false}, {"点検数", "checks", true, false},
             {"指摘", "findings", true, false}, {"未評価", "not evaluated", true, false},
             {"抑止", "suppressed", true, false},
             {"例外承認・ベースライン", "waived / baseline", true, !show_set_aside},
             {"適合率", "checks passed", false, false});
    lit(h, "<tbody>");
    for (int l = 0; l < 2; l++) {
        size_t not_passed = found[l] + ne[l] + sup[l] + set_aside[l];
        size_t passed = checks[l] > not_passed ? checks[l] - not_passed : 0;
        lit(h, "<tr><th>");
        level_badge(h, (tk_level)l);
        tk_buf_printf(h->b,
                      "</th><td class=\"n\">%zu / %zu</td><td class=\"n\">%zu</td>"
                      "<td class=\"n\">%zu</td><td class=\"n\">%zu</td><td class=\"n\">%zu</td>"
                      "<td class=\"n\">%zu</td>",
                      evaluated[l], rules[l], clean[l], checks[l], found[l], ne[l], sup[l]);
        if (show_set_aside) tk_buf_printf(h->b, "<td class=\"n\">%zu</td>", set_aside[l]);
        lit(h, "<td class=\"bar\">");
        if (checks[l])
            tk_buf_printf(h->b, "<meter min=\"0\" max=\"%zu\" value=\"%zu\"></meter> %.0f%%",
                          checks[l], passed, 100.0 * (double)passed / (double)checks[l]);
        else
            lit(h, "—");
        lit(h, "</td></tr>");
    }
    lit(h, "</tbody></table><p class=\"note\">");
    bi(h,
       "点検したルール = 対象リソースがあり評価したルール数 / 読み込んだルール数。"
       "適合ルール = 指摘も未評価もなかったルール。未評価は、デプロイ前には値が決まらない設定"
       "（発見的措置として稼働中の環境で確認してください）。",
       "Rules evaluated = rules that had something to check / rules loaded. Rules passed = "
       "rules with no finding and nothing left unevaluated. Not evaluated = settings whose value "
       "is only known after deployment (check them on the live environment).");
    if (show_set_aside) {
        lit(h, " ");
        bi(h, "例外承認・ベースライン = 例外承認またはベースラインにより一覧から除いた指摘（適合には"
              "数えません）。",
           "Waived / baseline = findings left out of the list by a waiver or the baseline (not "
           "counted as passed).");
    }
    lit(h, "</p></div>\n");
}

/* What was scanned: inputs counted by family and kind. */
static void scanned_line(html *h) {
    static const struct {
        const char *family, *kind, *ja, *en;
    } KINDS[] = {
        {"terraform", "source", "Terraform ソース（ルートモジュール）", "Terraform source (root modules)"},
        {"terraform", "plan", "Terraform プラン", "Terraform plans"},
        {"terraform", "state", "Terraform ステート", "Terraform states"},
        {"cloudformation", "template", "CloudFormation テンプレート", "CloudFormation templates"},
        {"kubernetes", "manifest", "Kubernetes マニフェスト", "Kubernetes manifests"},
    };
    size_t ni;
    const tk_input_info *in = tk_scan_inputs(h->r->scan, &ni);
    lit(h, "<p class=\"note\">");
    bi(h, "点検対象: ", "Scanned: ");
    bool any = false;
    for (size_t k = 0; k < sizeof KINDS / sizeof *KINDS; k++) {
        size_t n = 0;
        for (size_t i = 0; i < ni; i++)
            n += in[i].family && !strcmp(in[i].family, KINDS[k].family) &&
                 !strcmp(in[i].kind, KINDS[k].kind);
        if (!n) continue;
        if (any) lit(h, ", ");
        bi(h, KINDS[k].ja, KINDS[k].en);
        tk_buf_printf(h->b, " %zu", n);
        any = true;
    }
    if (!any) bi(h, "なし", "nothing");
    lit(h, " · ");
    bi(h, "ルール ", "rules ");
    tk_buf_printf(h->b, "%zu", h->r->rules_active);
    lit(h, "</p>\n");
}

/* --owner, the baseline and the waivers: what was left out of the findings, and why. */
static void policy_notes(html *h) {
    const report *r = h->r;
    const report_summary *s = &h->sum;
    if (r->owner_filter) {
        lit(h, "<p class=\"note owner-filter\">");
        bi(h, "担当「", "Only the categories owned by ");
        esc(h, r->owner_filter);
        bi(h, "」の類型だけを点検しました（--owner）。他の担当の類型は点検していません。",
           " were checked (--owner); the categories of other owners were not.");
        lit(h, "</p>\n");
    }
    if (!r->baseline_path && !h->waivers && !s->expired) return;
    lit(h, "<div class=\"cards policy\">");
    if (r->baseline_path) {
        tk_buf_printf(h->b, "<div class=\"card\" id=\"baseline\"><b>%zu</b>", s->baselined);
        bi(h, "ベースラインにある指摘（表示しない）", "in the baseline (not shown)");
        tk_buf_printf(h->b, "</div><div class=\"card\"><b>%zu</b>", s->baseline_gone);
        bi(h, "ベースラインから解消", "from the baseline fixed");
        lit(h, "</div>");
    }
    if (h->waivers) {
        tk_buf_printf(h->b,
                      "<div class=\"card\"><b><a class=\"jump\" data-tab=\"waivers\" "
                      "href=\"#\">%zu</a></b>",
                      s->waived);
        bi(h, "例外承認で除外した指摘", "findings waived");
        tk_buf_printf(h->b, "</div><div class=\"card%s\"><b>%zu</b>",
                      s->waivers_expired ? " sev-high" : "", s->waivers_expired);
        bi(h, "期限切れの例外承認", "waivers expired");
        tk_buf_printf(h->b, "</div><div class=\"card%s\"><b>%zu</b>",
                      s->waivers_stale ? " sev-low" : "", s->waivers_stale);
        bi(h, "不要な例外承認（該当なし）", "stale waivers (match nothing)");
        lit(h, "</div>");
    }
    if (s->expired) {
        tk_buf_printf(h->b, "<div class=\"card sev-high\"><b>%zu</b>", s->expired);
        bi(h, "期限切れで再報告された指摘", "reported again (exemption expired)");
        lit(h, "</div>");
    }
    lit(h, "</div>\n");
    if (r->baseline_path) {
        lit(h, "<p class=\"note\">");
        bi(h, "ベースライン: ", "Baseline: ");
        lit(h, "<code>");
        esc(h, r->baseline_path);
        lit(h, "</code></p>\n");
    }
}

/* The rules of a category that checked something, summed. */
static size_t category_checks(const html *h, const char *category) {
    size_t n = 0;
    for (size_t i = 0; i < h->sum.n_rules && h->sum.rules; i++)
        if (!strcmp(tk_engine_rule(h->r->engine, i)->category, category))
            n += h->sum.rules[i].checks;
    return n;
}

/* 責任分界: every guideline category with who is responsible for it, its findings, the
 * findings waived and whether it was checked. */
static void responsibility(html *h) {
    if (!h->owners) return;
    lit(h, "<div class=\"panel\" id=\"responsibility\"><h2>");
    bi(h, "責任分界（類型ごとの担当）", "Responsibility by category");
    lit(h, "</h2><table class=\"matrix\">");
    HEAD_ROW(h, {"類型（図表Ⅲ.3.1-1）", "Category (図表Ⅲ.3.1-1)", false, false},
             {"担当", "Owner", false, false}, {"指摘", "Findings", true, false},
             {"例外承認", "Waived", true, false}, {"点検", "Checked", false, false});
    lit(h, "<tbody>\n");
    for (size_t c = 0; c < h->sum.n_categories; c++) {
        const char *cat = h->sum.categories[c];
        int k = h->own.of_category[c];
        tk_buf_printf(h->b, "<tr data-owner=\"%d\"><td>", k);
        category_name(h, cat);
        lit(h, "</td><td>");
        if (k >= 0) {
            tk_buf_printf(h->b, "<a class=\"jump\" href=\"#\" data-filter-owner=\"%d\">", k);
            owner_name(h, k);
            lit(h, "</a>");
        } else {
            owner_name(h, k);
        }
        lit(h, "</td><td class=\"n\">");
        if (h->sum.by_category[c]) {
            lit(h, "<a class=\"jump\" href=\"#\" data-filter-cat=\"");
            esc(h, cat);
            tk_buf_printf(h->b, "\">%zu</a>", h->sum.by_category[c]);
        } else {
            num(h, 0);
        }
        tk_buf_printf(h->b, "</td><td class=\"n\">%zu</td><td>", h->waived_by_category[c]);
        size_t checks = category_checks(h, cat);
        if (category_skipped(h, cat)) {
            lit(h, "<span class=\"st none\">");
            bi(h, "対象外（--owner）", "not checked (--owner)");
        } else if (checks) {
            lit(h, "<span class=\"st chk\">");
            tk_buf_printf(h->b,
                          "<span class=\"ja\">点検済み（%zu 回）</span><span class=\"en\">checked "
                          "(%zu checks)</span>",
                          checks, checks);
        } else {
            lit(h, "<span class=\"st none\">");
            bi(h, "点検対象なし", "nothing to check");
        }
        lit(h, "</span></td></tr>\n");
    }
    lit(h, "</tbody></table><p class=\"note\">");
    bi(h,
       "担当は設定ファイル（.tenken.yaml の responsibility と service-model）によります"
       "（ガイドライン Ⅱ.1.2–Ⅱ.1.3 の責任分界）。担当の名前を選ぶと、その担当の指摘だけを表示します。",
       "Owners come from the configuration (responsibility and service-model in .tenken.yaml; "
       "the shared responsibility of guideline Ⅱ.1.2–Ⅱ.1.3). Choose an owner to see only "
       "their findings.");
    if (h->r->config && h->r->config->path) {
        lit(h, " ");
        bi(h, "設定ファイル: ", "Configuration: ");
        lit(h, "<code>");
        esc(h, h->r->config->path);
        lit(h, "</code>");
    }
    lit(h, "</p></div>\n");
}

static void summary_tab(html *h) {
    lit(h, "<section id=\"tab-summary\">\n");
    verdict(h);
    scanned_line(h);
    severity_cards(h);
    policy_notes(h);
    lit(h, "<div class=\"grid\">");
    responsibility(h);
    chart(h);
    coverage(h);
    lit(h, "</div>\n</section>\n");
}

/* ---- findings ---- */

/* Distinct files of the findings, numbered for the file filter. */
typedef struct file_index {
    tk_strmap map;
    const char **names;
    size_t n, cap;
} file_index;

static uint32_t file_number(file_index *fi, const char *name) {
    bool fresh;
    uint32_t *v = tk_strmap_put(&fi->map, name, strlen(name), &fresh);
    if (!v) return UINT32_MAX;
    if (!fresh) return *v;
    if (fi->n == fi->cap) {
        size_t nc = fi->cap ? fi->cap * 2 : 16;
        const char **p = realloc(fi->names, nc * sizeof *p);
        if (!p) return UINT32_MAX;
        fi->names = p;
        fi->cap = nc;
    }
    fi->names[fi->n] = name;
    *v = (uint32_t)fi->n++;
    return *v;
}

static void option_bi(html *h, const char *value, const char *ja, const char *en) {
    lit(h, "<option value=\"");
    esc(h, value);
    lit(h, "\" data-ja=\"");
    esc(h, ja);
    lit(h, "\" data-en=\"");
    esc(h, en);
    lit(h, "\">");
    esc(h, h->r->ja ? ja : en);
    lit(h, "</option>");
}

static void filters(html *h, const file_index *fi) {
    tk_buf t1, t2;
    tk_buf_init(&t1);
    tk_buf_init(&t2);
    lit(h, "<div class=\"filters\"><label>");
    bi(h, "類型", "Category");
    lit(h, "<select id=\"f-cat\">");
    option_bi(h, "", "すべて", "all");
    for (size_t c = 0; c < h->sum.n_categories; c++) {
        const char *cat = h->sum.categories[c];
        tk_buf_clear(&t1);
        tk_buf_clear(&t2);
        tk_buf_printf(&t1, "%s %s (%zu)", cat, tk_category_title(cat, true), h->sum.by_category[c]);
        tk_buf_printf(&t2, "%s %s (%zu)", cat, tk_category_title(cat, false),
                      h->sum.by_category[c]);
        tk_buf_putc(&t1, 0);
        tk_buf_putc(&t2, 0);
        if (!t1.oom && !t2.oom) option_bi(h, cat, t1.data, t2.data);
    }
    lit(h, "</select></label><label>");
    bi(h, "重大度", "Severity");
    lit(h, "<select id=\"f-sev\">");
    option_bi(h, "", "すべて", "all");
    for (int s = TK_SEV_CRITICAL; s >= TK_SEV_INFO; s--)
        option_bi(h, tk_severity_name((tk_severity)s), severity_label((tk_severity)s, true),
                  severity_label((tk_severity)s, false));
    lit(h, "</select></label><label>");
    bi(h, "基本/推奨", "Level");
    lit(h, "<select id=\"f-level\">");
    option_bi(h, "", "すべて", "all");
    for (int l = 0; l < 2; l++)
        option_bi(h, tk_level_name((tk_level)l), level_label((tk_level)l, true),
                  level_label((tk_level)l, false));
    if (h->owners) {
        lit(h, "</select></label><label>");
        bi(h, "担当", "Owner");
        lit(h, "<select id=\"f-owner\">");
        option_bi(h, "", "すべて", "all");
        for (size_t k = 0; k < h->own.n; k++) {
            char v[24];
            snprintf(v, sizeof v, "%zu", k);
            tk_buf_clear(&t1);
            tk_buf_clear(&t2);
            tk_buf_printf(&t1, "%s (%zu)", h->own.ja[k], h->own.findings[k]);
            tk_buf_printf(&t2, "%s (%zu)", h->own.en[k], h->own.findings[k]);
            tk_buf_putc(&t1, 0);
            tk_buf_putc(&t2, 0);
            if (!t1.oom && !t2.oom) option_bi(h, v, t1.data, t2.data);
        }
    }
    lit(h, "</select></label><label>");
    bi(h, "ファイル", "File");
    lit(h, "<select id=\"f-file\">");
    option_bi(h, "", "すべて", "all");
    for (size_t i = 0; i < fi->n; i++) {
        char v[24];
        snprintf(v, sizeof v, "%zu", i);
        lit(h, "<option value=\"");
        lit(h, v);
        lit(h, "\">");
        esc(h, fi->names[i]);
        lit(h, "</option>");
    }
    lit(h, "</select></label><label>");
    bi(h, "キーワード", "Search");
    lit(h, "<input id=\"f-q\" type=\"search\"></label><button type=\"button\" id=\"f-reset\">");
    bi(h, "条件をクリア", "Clear");
    lit(h, "</button><output id=\"shown\"></output></div>\n");
    tk_buf_free(&t1);
    tk_buf_free(&t2);
}

static void finding_row(html *h, const tk_finding *f, size_t rule_index, uint32_t file_no) {
    const tk_rule *rule = f->rule;
    int owner = owner_of(h, rule->category);
    lit(h, "<tr class=\"f\" data-cat=\"");
    esc(h, rule->category);
    tk_buf_printf(h->b, "\" data-sev=\"%s\" data-level=\"%s\" data-file=\"%u\"",
                  tk_severity_name(rule->severity), tk_level_name(rule->level), file_no);
    if (h->owners) tk_buf_printf(h->b, " data-owner=\"%d\"", owner);
    if (f->expired) lit(h, " data-expired=\"1\"");
    lit(h, "><td>");
    severity_badge(h, rule->severity);
    lit(h, "</td><td>");
    bi_text(h, &rule->title);
    lit(h, "<br><code>");
    esc(h, rule->id);
    lit(h, "</code>");
    if (f->expired) {
        lit(h, " ");
        expired_badge(h, f->expired);
    }
    lit(h, "</td><td><code>");
    esc(h, f->resource.address);
    lit(h, "</code><br><span class=\"note\">");
    if (!strcmp(f->resource.type, "scope"))
        bi(h, "アカウント全体の設定", "account-wide setting");
    else
        esc(h, f->resource.type);
    lit(h, "</span></td><td><code>");
    location_text(h, &f->location);
    lit(h, "</code></td><td>");
    category_name(h, rule->category);
    lit(h, "</td><td>");
    if (h->owners) {
        owner_name(h, owner);
        lit(h, "</td><td>");
    }
    level_badge(h, rule->level);
    lit(h, "</td><td><button type=\"button\" class=\"more\" aria-expanded=\"false\">");
    bi(h, "詳細", "Details");
    tk_buf_printf(h->b,
                  "</button></td></tr>\n<tr class=\"detail\" hidden><td colspan=\"%d\">"
                  "<dl class=\"facts\"><dt>",
                  h->owners ? 8 : 7);
    bi(h, "リソース", "Resource");
    lit(h, "</dt><dd><code>");
    esc(h, f->resource.address);
    lit(h, "</code> (");
    esc(h, f->resource.family);
    lit(h, ", ");
    esc(h, f->resource.type);
    lit(h, ")</dd><dt>");
    bi(h, "場所", "Location");
    lit(h, "</dt><dd><code>");
    location_text(h, &f->location);
    lit(h, "</code>");
    for (size_t i = 0; i < f->n_module_calls; i++) {
        lit(h, "<br>");
        bi(h, "モジュール呼び出し ", "via module call at ");
        lit(h, "<code>");
        location_text(h, &f->module_calls[i]);
        lit(h, "</code>");
    }
    lit(h, "</dd>");
    if (f->expired) expired_facts(h, f->expired);
    lit(h, "<dt>");
    bi(h, "フィンガープリント", "Fingerprint");
    lit(h, "</dt><dd><code>");
    esc(h, f->fingerprint);
    tk_buf_printf(h->b, "</code></dd></dl><div class=\"rt\" data-rule=\"%zu\"></div>", rule_index);
    const char *example = tk_rule_example_for(rule, f->resource.family);
    if (example) {
        lit(h, "<h4>");
        bi(h, "修正例", "Example fix");
        lit(h, "</h4><pre>");
        esc_lines(h, example);
        lit(h, "</pre>");
    }
    lit(h, "</td></tr>\n");
}

/* Rows are shown most severe first; within a severity, in report order (input, position). */
typedef struct row_order {
    int severity;
    size_t index;
} row_order;

static int cmp_row(const void *x, const void *y) {
    const row_order *a = x, *b = y;
    if (a->severity != b->severity) return a->severity > b->severity ? -1 : 1;
    return a->index < b->index ? -1 : a->index > b->index;
}

static void findings_tab(html *h, const size_t *rule_of_finding) {

    size_t nf;
    const tk_finding *fs = tk_scan_findings(h->r->scan, &nf);
    file_index fi = {0};
    tk_strmap_init(&fi.map);
    uint32_t *file_no = calloc(nf + 1, sizeof *file_no);
    for (size_t i = 0; file_no && i < nf; i++) file_no[i] = file_number(&fi, fs[i].location.file);
    lit(h, "<section id=\"tab-findings\" hidden>\n");
    filters(h, &fi);
    if (!nf) {
        lit(h, "<p>");
        bi(h, "指摘はありません。", "No findings.");
        lit(h, "</p>");
    } else {
        lit(h, h->owners ? "<table class=\"findings owners\">" : "<table class=\"findings\">");
        lit(h, "<colgroup><col class=\"c-sev\"><col class=\"c-title\"><col class=\"c-res\">"
               "<col class=\"c-loc\"><col class=\"c-cat\">");
        if (h->owners) lit(h, "<col class=\"c-owner\">");
        lit(h, "<col class=\"c-lv\"><col class=\"c-more\"></colgroup>");
        HEAD_ROW(h, {"重大度", "Severity", false, false}, {"指摘内容", "Finding", false, false},
                 {"リソース", "Resource", false, false}, {"場所", "Location", false, false},
                 {"類型", "Category", false, false}, {"担当", "Owner", false, !h->owners},
                 {"基本/推奨", "Level", false, false}, {NULL, NULL, false, false});
        lit(h, "<tbody>\n");
        row_order *order = malloc(nf * sizeof *order);
        if (!order) {
            h->b->oom = true;
        } else {
            for (size_t i = 0; i < nf; i++) order[i] = (row_order){(int)fs[i].rule->severity, i};
            qsort(order, nf, sizeof *order, cmp_row);
            for (size_t k = 0; k < nf; k++) {
                size_t i = order[k].index;
                finding_row(h, &fs[i], rule_of_finding[i], file_no ? file_no[i] : 0);
            }
            free(order);
        }
        lit(h, "</tbody></table>\n");
    }
    lit(h, "</section>\n");
    free(file_no);
    free(fi.names);
    tk_strmap_free(&fi.map);
}

/* The texts of a rule, once per rule, cloned into a finding's details when it is opened. */
static void rule_template(html *h, const tk_rule *rule, size_t index) {
    tk_buf_printf(h->b, "<template id=\"rule-%zu\"><div class=\"texts\"><div><h4>", index);
    bi(h, "この設定の意味", "What the setting means");
    lit(h, "</h4><p>");
    bi_text(h, &rule->rationale);
    lit(h, "</p></div><div><h4>");
    bi(h, "起こりうること", "What can happen");
    lit(h, "</h4><p>");
    bi_text(h, &rule->risk);
    lit(h, "</p></div><div><h4>");
    bi(h, "対処", "How to fix it");
    lit(h, "</h4><p>");
    bi_text(h, &rule->remediation);
    lit(h, "</p></div><div><h4>");
    bi(h, "対応する基準", "References");
    lit(h, "</h4><p>");
    bi(h, "ガイドライン ", "Guideline ");
    for (size_t i = 0; i < rule->n_guideline; i++) {
        if (i) lit(h, ", ");
        esc(h, rule->guideline[i]);
    }
    lit(h, " · ");
    bi(h, "類型 ", "category ");
    category_name(h, rule->category);
    tk_buf tmp;
    tk_buf_init(&tmp);
    for (size_t i = 0; i < rule->n_cis; i++) {
        tk_buf_clear(&tmp);
        cis_label(&tmp, &rule->cis[i]);
        tk_buf_putc(&tmp, 0);
        lit(h, "<br>");
        if (!tmp.oom) esc(h, tmp.data);
    }
    for (size_t i = 0; i < rule->n_references; i++) {
        tk_buf_clear(&tmp);
        reference_label(&tmp, &rule->references[i]);
        tk_buf_putc(&tmp, 0);
        lit(h, "<br>");
        if (!tmp.oom) esc(h, tmp.data);
    }
    tk_buf_free(&tmp);
    lit(h, "</p></div></div></template>\n");
}

/* ---- guideline view ---- */

static const char *status_class(const tk_rule_stats *st) {
    if (!st->checks) return "none";
    if (st->findings) return "ng";
    if (st->not_evaluated) return "ne";
    return "ok";
}

static void status_text(html *h, const char *cls) {
    lit(h, "<span class=\"st ");
    lit(h, cls);
    lit(h, "\">");
    if (!strcmp(cls, "ng"))
        bi(h, "要対応", "Action needed");
    else if (!strcmp(cls, "ne"))
        bi(h, "一部未評価", "Partly not evaluated");
    else if (!strcmp(cls, "ok"))
        bi(h, "適合", "Passed");
    else
        bi(h, "対象なし", "Nothing to check");
    lit(h, "</span>");
}

static bool rule_cites(const tk_rule *r, const char *measure) {
    for (size_t i = 0; i < r->n_guideline; i++)
        if (!strcmp(r->guideline[i], measure)) return true;
    return false;
}

static void stats_header(html *h, const char *ja, const char *en) {
    HEAD_ROW(h, {ja, en, false, false}, {"点検数", "Checks", true, false},
             {"指摘", "Findings", true, false}, {"未評価", "Not evaluated", true, false},
             {"状態", "Status", false, false});
}

/* One measure: a line per category with the totals of the rules citing the measure, then
 * per category the rules themselves (open where something needs attention). */
static void guideline_measure(html *h, const char *measure) {
    const tk_engine *e = h->r->engine;
    const char *tja = tk_measure_title(measure, true), *ten = tk_measure_title(measure, false);
    lit(h, "<h2>");
    esc(h, measure);
    lit(h, " ");
    bi(h, tja ? tja : "", ten ? ten : "");
    lit(h, "</h2><table>");
    stats_header(h, "類型（図表Ⅲ.3.1-1）", "Category (図表Ⅲ.3.1-1)");
    lit(h, "<tbody>\n");
    tk_rule_stats tot[SUMMARY_MAX_CATEGORIES] = {{0}};
    size_t n_rules[SUMMARY_MAX_CATEGORIES] = {0};
    for (size_t c = 0; c < h->sum.n_categories; c++) {
        const char *cat = h->sum.categories[c];
        for (size_t i = 0; i < h->sum.n_rules && h->sum.rules; i++) {
            const tk_rule *rule = tk_engine_rule(e, i);
            if (strcmp(rule->category, cat) != 0 || !rule_cites(rule, measure)) continue;
            n_rules[c]++;
            tot[c].checks += h->sum.rules[i].checks;
            tot[c].findings += h->sum.rules[i].findings;
            tot[c].not_evaluated += h->sum.rules[i].not_evaluated;
        }
        lit(h, "<tr><td>");
        category_name(h, cat);
        tk_buf_printf(h->b, "</td><td class=\"n\">%zu</td><td class=\"n\">", tot[c].checks);
        if (tot[c].findings) {
            lit(h, "<a class=\"jump\" href=\"#\" data-filter-cat=\"");
            esc(h, cat);
            tk_buf_printf(h->b, "\">%zu</a>", tot[c].findings);
        } else {
            num(h, 0);
        }
        tk_buf_printf(h->b, "</td><td class=\"n\">%zu</td><td>", tot[c].not_evaluated);
        if (!n_rules[c]) {
            lit(h, "<span class=\"st none\">");
            bi(h, "この項目のルールなし", "No rule for this measure");
            lit(h, "</span>");
        } else {
            status_text(h, status_class(&tot[c]));
        }
        lit(h, "</td></tr>\n");
    }
    lit(h, "</tbody></table>\n");
    for (size_t c = 0; c < h->sum.n_categories; c++) {
        if (!n_rules[c]) continue;
        const char *cat = h->sum.categories[c];
        bool open = tot[c].findings || tot[c].not_evaluated;
        tk_buf_printf(h->b, "<details class=\"rules\"%s><summary>", open ? " open" : "");
        category_name(h, cat);
        tk_buf_printf(h->b, " — <span class=\"ja\">ルール %zu 件</span><span class=\"en\">%zu "
                            "rules</span> ",
                      n_rules[c], n_rules[c]);
        status_text(h, status_class(&tot[c]));
        lit(h, "</summary><table>");
        stats_header(h, "ルール", "Rule");
        lit(h, "<tbody>\n");
        for (size_t i = 0; i < h->sum.n_rules && h->sum.rules; i++) {
            const tk_rule *rule = tk_engine_rule(e, i);
            if (strcmp(rule->category, cat) != 0 || !rule_cites(rule, measure)) continue;
            const tk_rule_stats *st = &h->sum.rules[i];
            lit(h, "<tr><td>");
            level_badge(h, rule->level);
            lit(h, " <code>");
            esc(h, rule->id);
            lit(h, "</code> ");
            bi_text(h, &rule->title);
            tk_buf_printf(h->b,
                          "</td><td class=\"n\">%zu</td><td class=\"n\">%zu</td>"
                          "<td class=\"n\">%zu</td><td>",
                          st->checks, st->findings, st->not_evaluated);
            status_text(h, status_class(st));
            lit(h, "</td></tr>\n");
        }
        lit(h, "</tbody></table></details>\n");
    }
}

static void guideline_tab(html *h) {
    const tk_engine *e = h->r->engine;
    lit(h, "<section id=\"tab-guideline\" hidden>\n<p class=\"note\">");
    bi(h,
       "ガイドライン（クラウドサービス利用・提供における適切な設定のためのガイドライン）の対策項目"
       "ごとに、図表Ⅲ.3.1-1 の類型と、それを点検したルールの結果を並べています。"
       "社内での確認や、設定を担当する事業者（SIer 等）との役割分担・確認事項のすり合わせに"
       "使えます。状態:「要対応」は指摘あり、「一部未評価」はデプロイ前に値が決まらず判断できない"
       "点検を含む、「適合」はすべて問題なし、「対象なし」は点検対象のリソースがなかったことを"
       "示します。",
       "For each measure of the MIC settings guideline, the categories of 図表Ⅲ.3.1-1 and the "
       "rules that checked them. Use it for internal reviews and to agree with whoever does "
       "the configuration (an SIer, for example) on who checks what. Status: \"Action needed\" "
       "— there are findings; \"Partly not evaluated\" — some checks depend on values known "
       "only after deployment; \"Passed\" — no problem found; \"Nothing to check\" — no "
       "resource the rules apply to.");
    lit(h, "</p>\n");
    /* Measures in the order rules first cite them, over the rules sorted by ID: collect. */
    const char *measures[32];
    size_t nm = 0;
    for (size_t i = 0; i < tk_engine_rule_count(e); i++) {
        const tk_rule *rule = tk_engine_rule(e, i);
        for (size_t g = 0; g < rule->n_guideline; g++) {
            size_t k = 0;
            while (k < nm && strcmp(measures[k], rule->guideline[g]) != 0) k++;
            if (k == nm && nm < sizeof measures / sizeof *measures)
                measures[nm++] = rule->guideline[g];
        }
    }
    /* In guideline order (the IDs compare as strings within chapter Ⅲ). */
    for (size_t i = 1; i < nm; i++)
        for (size_t j = i; j > 0 && strcmp(measures[j - 1], measures[j]) > 0; j--) {
            const char *t = measures[j];
            measures[j] = measures[j - 1];
            measures[j - 1] = t;
        }
    for (size_t i = 0; i < nm; i++) guideline_measure(h, measures[i]);
    lit(h, "</section>\n");
}

/* ---- not evaluated, suppressed, inputs ---- */

static void other_tab(html *h) {
    size_t nn, ns;
    const tk_not_evaluated *ne = tk_scan_not_evaluated(h->r->scan, &nn);
    const tk_suppressed *sup = tk_scan_suppressed(h->r->scan, &ns);
    lit(h, "<section id=\"tab-other\" hidden>\n<h2>");
    bi(h, "未評価の点検", "Checks not evaluated");
    lit(h, "</h2><p class=\"note\">");
    bi(h,
       "デプロイ前には値が決まらない設定（適用時に決まる属性、外部モジュール、未設定の変数など）"
       "に依存するため判断していない点検です。稼働中の環境で確認してください（発見的措置）。",
       "These checks depend on values that are not known before deployment (attributes set "
       "at apply time, remote modules, unset variables ...). Check them on the live "
       "environment.");
    lit(h, "</p>");
    if (nn) {
        lit(h, "<table>");
        HEAD_ROW(h, {"ルール", "Rule", false, false}, {"リソース", "Resource", false, false},
                 {"場所", "Location", false, false}, {"判断できない理由", "Depends on", false, false});
        lit(h, "<tbody>\n");
        for (size_t i = 0; i < nn; i++) {
            lit(h, "<tr><td><code>");
            esc(h, ne[i].rule->id);
            lit(h, "</code> ");
            bi_text(h, &ne[i].rule->title);
            lit(h, "</td><td><code>");
            esc(h, ne[i].resource.address);
            lit(h, "</code></td><td><code>");
            location_text(h, &ne[i].location);
            lit(h, "</code></td><td><code>");
            esc(h, ne[i].reason);
            lit(h, "</code></td></tr>\n");
        }
        lit(h, "</tbody></table>\n");
    }
    lit(h, "<h2>");
    bi(h, "抑止された指摘", "Suppressed findings");
    lit(h, "</h2>");
    if (ns) {
        lit(h, "<table>");
        HEAD_ROW(h, {"ルール", "Rule", false, false}, {"リソース", "Resource", false, false},
                 {"理由", "Reason", false, false}, {"期限", "Expires", false, false},
                 {"抑止の記述", "Suppressed at", false, false});
        lit(h, "<tbody>\n");
        for (size_t i = 0; i < ns; i++) {
            const tk_suppressed *x = &sup[i];
            lit(h, "<tr><td>");
            severity_badge(h, x->finding.rule->severity);
            lit(h, " <code>");
            esc(h, x->finding.rule->id);
            lit(h, "</code> ");
            bi_text(h, &x->finding.rule->title);
            lit(h, "</td><td><code>");
            esc(h, x->finding.resource.address);
            lit(h, "</code></td><td>");
            esc(h, x->reason);
            lit(h, "</td><td>");
            if (x->expires)
                esc(h, x->expires);
            else
                bi(h, "なし", "none");
            lit(h, "</td><td><code>");
            location_text(h, &x->suppressed_at);
            lit(h, "</code></td></tr>\n");
        }
        lit(h, "</tbody></table>\n");
    } else {
        lit(h, "<p>");
        bi(h, "ありません。", "None.");
        lit(h, "</p>");
    }
    lit(h, "</section>\n");
}

/* ---- waivers ---- */

static void waiver_target(html *h, const tk_waiver *w) {
    lit(h, "<code>");
    esc(h, w->resource);
    lit(h, "</code>");
    if (w->path) {
        lit(h, "<br><span class=\"note\">");
        bi(h, "パス: ", "path: ");
        lit(h, "</span><code>");
        esc(h, w->path);
        lit(h, "</code>");
    }
}

static void waiver_status(html *h, const tk_waiver_status *st) {
    if (st->expired) {
        lit(h, "<span class=\"st ng\">");
        bi(h, "期限切れ（指摘は再び報告）", "expired (findings reported again)");
    } else if (st->stale) {
        lit(h, "<span class=\"st ne\">");
        bi(h, "不要（該当なし）", "stale (matches nothing)");
    } else if (!st->checked) {
        lit(h, "<span class=\"st none\">");
        bi(h, "ルール未実行", "rule not run");
    } else {
        lit(h, "<span class=\"st ok\">");
        tk_buf_printf(h->b,
                      "<span class=\"ja\">有効（%zu 件に適用）</span><span class=\"en\">in force "
                      "(%zu finding%s)</span>",
                      st->matched, st->matched, st->matched == 1 ? "" : "s");
    }
    lit(h, "</span>");
}

/* A table of waivers: status, rule, resource pattern, reason, approver, dates, where. */
static void waiver_table(html *h, const tk_waiver_status *ws, size_t n, bool attention_only,
                         const char *id) {
    tk_buf_printf(h->b, "<table class=\"wv\" id=\"%s\">", id);
    HEAD_ROW(h, {"状態", "Status", false, false}, {"ルール", "Rule", false, false},
             {"対象リソース", "Resource pattern", false, false}, {"理由", "Reason", false, false},
             {"承認者", "Approver", false, false}, {"作成日", "Created", false, false},
             {"期限", "Expires", false, false}, {"記述場所", "Written at", false, false});
    lit(h, "<tbody>\n");
    for (size_t i = 0; i < n; i++) {
        const tk_waiver *w = &ws[i].waiver;
        if (attention_only && !ws[i].expired && !ws[i].stale) continue;
        lit(h, ws[i].expired ? "<tr class=\"w expired\"><td>"
                             : ws[i].stale ? "<tr class=\"w stale\"><td>" : "<tr class=\"w\"><td>");
        waiver_status(h, &ws[i]);
        lit(h, "</td><td><code>");
        esc(h, w->rule);
        lit(h, "</code></td><td>");
        waiver_target(h, w);
        lit(h, "</td><td>");
        esc(h, w->reason);
        lit(h, "</td><td>");
        esc(h, w->approver);
        lit(h, "</td>");
        date_cell(h, w->created);
        date_cell(h, w->expires);
        lit(h, "<td><code>");
        location_text(h, &w->at);
        lit(h, "</code></td></tr>\n");
    }
    lit(h, "</tbody></table>\n");
}

/* The waivers file: the findings it set aside (listed, though they do not count), the
 * waivers that need attention, and every waiver with what became of it. */
static void waivers_tab(html *h) {
    if (!h->waivers) return;
    const report_summary *s = &h->sum;
    size_t nwd, nw;
    const tk_waived *wd = tk_scan_waived(h->r->scan, &nwd);
    const tk_waiver_status *ws = tk_scan_waivers(h->r->scan, &nw);
    lit(h, "<section id=\"tab-waivers\" hidden>\n<p class=\"note\">");
    bi(h,
       "例外承認は、承認を得て期限付きで受け入れた指摘です。例外承認された指摘は指摘一覧に含めず、"
       "合否（終了コード）にも数えませんが、ここに記録として残します。期限を過ぎた例外承認の"
       "指摘は再び報告されます。",
       "A waiver accepts a finding for a time, with an approval. Waived findings are left out "
       "of the findings list and of the pass/fail result, but are recorded here. Once a "
       "waiver's date has passed, its findings are reported again.");
    if (h->r->waivers_path) {
        lit(h, " ");
        bi(h, "例外承認ファイル: ", "Waivers file: ");
        lit(h, "<code>");
        esc(h, h->r->waivers_path);
        lit(h, "</code>");
    }
    tk_buf_printf(h->b,
                  "</p>\n<div class=\"cards\"><div class=\"card\"><b>%zu</b>", s->waivers);
    bi(h, "例外承認", "waivers");
    tk_buf_printf(h->b, "</div><div class=\"card\"><b>%zu</b>", s->waived);
    bi(h, "例外承認された指摘", "findings waived");
    tk_buf_printf(h->b, "</div><div class=\"card%s\"><b>%zu</b>",
                  s->waivers_expired ? " sev-high" : "", s->waivers_expired);
    bi(h, "期限切れ", "expired");
    tk_buf_printf(h->b, "</div><div class=\"card%s\"><b>%zu</b>",
                  s->waivers_stale ? " sev-low" : "", s->waivers_stale);
    bi(h, "不要（該当なし）", "stale (match nothing)");
    lit(h, "</div></div>\n<h2>");
    bi(h, "例外承認された指摘", "Waived findings");
    tk_buf_printf(h->b, " (%zu)</h2>", nwd);
    if (nwd) {
        lit(h, "<table class=\"wv\" id=\"waived\">");
        HEAD_ROW(h, {"ルール", "Rule", false, false}, {"リソース", "Resource", false, false},
                 {"担当", "Owner", false, !h->owners}, {"理由", "Reason", false, false},
                 {"承認者", "Approver", false, false}, {"作成日", "Created", false, false},
                 {"期限", "Expires", false, false}, {"例外承認の記述", "Waiver at", false, false});
        lit(h, "<tbody>\n");
        for (size_t i = 0; i < nwd; i++) {
            const tk_finding *f = &wd[i].finding;
            const tk_waiver *w = wd[i].waiver;
            lit(h, "<tr class=\"waived\"><td>");
            severity_badge(h, f->rule->severity);
            lit(h, " <code>");
            esc(h, f->rule->id);
            lit(h, "</code> ");
            bi_text(h, &f->rule->title);
            lit(h, "</td><td><code>");
            esc(h, f->resource.address);
            lit(h, "</code><br><span class=\"note\">");
            location_text(h, &f->location);
            lit(h, "</span></td><td>");
            if (h->owners) {
                owner_name(h, owner_of(h, f->rule->category));
                lit(h, "</td><td>");
            }
            esc(h, w->reason);
            lit(h, "</td><td>");
            esc(h, w->approver);
            lit(h, "</td>");
            date_cell(h, w->created);
            date_cell(h, w->expires);
            lit(h, "<td><code>");
            location_text(h, &w->at);
            lit(h, "</code></td></tr>\n");
        }
        lit(h, "</tbody></table>\n");
    } else {
        lit(h, "<p>");
        bi(h, "ありません。", "None.");
        lit(h, "</p>");
    }
    lit(h, "<h2>");
    bi(h, "対応が必要な例外承認", "Waivers needing attention");
    tk_buf_printf(h->b, " (%zu)</h2><p class=\"note\">", s->waivers_expired + s->waivers_stale);
    bi(h,
       "期限切れ: 期限を過ぎたため、該当する指摘は再び報告されています（更新するか設定を直して"
       "ください）。不要（該当なし）: ルールは実行されたが該当する指摘がない例外承認です"
       "（削除してください）。",
       "Expired: the date has passed and the findings are reported again (renew the waiver or "
       "fix the setting). Stale: the rule ran but the waiver matches no finding (remove it).");
    lit(h, "</p>");
    if (s->waivers_expired + s->waivers_stale)
        waiver_table(h, ws, nw, true, "attention");
    else {
        lit(h, "<p>");
        bi(h, "ありません。", "None.");
        lit(h, "</p>");
    }
    if (nw) {
        tk_buf_printf(h->b,
                      "<details class=\"rules\"><summary><span class=\"ja\">すべての例外承認（%zu "
                      "件）</span><span class=\"en\">All waivers (%zu)</span></summary>",
                      nw, nw);
        waiver_table(h, ws, nw, false, "all-waivers");
        lit(h, "</details>\n");
    }
    lit(h, "</section>\n");
}

static void diag_table(html *h, const tk_diag *ds, size_t n) {
    lit(h, "<table><tbody>");
    for (size_t i = 0; i < n; i++) {
        lit(h, "<tr><td><code>");
        esc(h, ds[i].file);
        tk_buf_printf(h->b, ":%u:%u</code></td><td>", ds[i].line, ds[i].column);
        esc(h, ds[i].message);
        lit(h, "</td></tr>\n");
    }
    lit(h, "</tbody></table>\n");
}

static void inputs_tab(html *h) {
    size_t ni, ne, nw;
    const tk_input_info *in = tk_scan_inputs(h->r->scan, &ni);
    const tk_diag *errs = tk_scan_errors(h->r->scan, &ne);
    const tk_diag *warns = tk_scan_warnings(h->r->scan, &nw);
    lit(h, "<section id=\"tab-inputs\" hidden>\n<h2>");
    bi(h, "入力", "Inputs");
    lit(h, "</h2><table>");
    HEAD_ROW(h, {"パス", "Path", false, false}, {"種類", "Kind", false, false},
             {"リソース数", "Resources", true, false});
    lit(h, "<tbody>\n");
    for (size_t i = 0; i < ni; i++) {
        lit(h, "<tr><td><code>");
        esc(h, in[i].path);
        lit(h, "</code></td><td>");
        if (in[i].family) {
            esc(h, in[i].family);
            lit(h, " ");
            esc(h, in[i].kind);
        } else {
            bi(h, "読めませんでした", "could not be read");
        }
        tk_buf_printf(h->b, "</td><td class=\"n\">%zu</td></tr>\n", in[i].resources);
    }
    lit(h, "</tbody></table>\n<h2>");
    bi(h, "エラー", "Errors");
    tk_buf_printf(h->b, " (%zu)</h2>", ne);
    if (ne) diag_table(h, errs, ne);
    lit(h, "<h2>");
    bi(h, "警告", "Warnings");
    tk_buf_printf(h->b, " (%zu)</h2>", nw);
    if (nw) diag_table(h, warns, nw);
    lit(h, "</section>\n");
}

void render_html(const report *rep, tk_buf *out) {
    report local = *rep;
    if (!rep->lang_given) local.ja = true; /* Japanese unless --lang en */
    const report *r = &local;
    html h = {.b = out, .r = r};
    tk_buf_init(&h.tmp);
    report_summarize(r, &h.sum);
    h.owners = report_has_owners(r);
    h.waivers = r->waivers_path || h.sum.waivers || h.sum.waived;
    index_owners(&h);
    const tk_engine *e = r->engine;
    size_t nf, nr = tk_engine_rule_count(e);
    const tk_finding *fs = tk_scan_findings(r->scan, &nf);
    /* Each finding's rule as an engine index (rules are sorted by ID). */
    size_t *rule_of = calloc(nf + 1, sizeof *rule_of);
    bool *used = calloc(nr + 1, sizeof *used);
    if (!rule_of || !used) {
        out->oom = true;
        goto done;
    }
    for (size_t i = 0; i < nf; i++) {
        rule_of[i] = tk_engine_rule_index(e, fs[i].rule->id);
        if (rule_of[i] < nr) used[rule_of[i]] = true;
    }
    head(&h);
    top_bar(&h);
    tabs(&h);
    summary_tab(&h);
    findings_tab(&h, rule_of);
    guideline_tab(&h);
    other_tab(&h);
    waivers_tab(&h);
    inputs_tab(&h);
    lit(&h, "</main>\n");
    for (size_t i = 0; i < nr; i++)
        if (used[i]) rule_template(&h, tk_engine_rule(e, i), i);
    lit(&h, "<footer>");
    bi(&h,
       "tenken は設定ファイル・プラン・マニフェストを読み、総務省「クラウドサービス利用・提供における"
       "適切な設定のためのガイドライン」の類型と対策項目に沿って設定不備を示します"
       "（予防的措置）。",
       "tenken reads configuration, plans and manifests and reports misconfigurations by the "
       "categories and measures of the MIC cloud settings guideline (preventive checks).");
    lit(&h, "</footer>\n<script>");
    lit(&h, HTML_SCRIPT);
    lit(&h, "</script>\n</body>\n</html>\n");
done:
    free(rule_of);
    free(used);
    report_summary_free(&h.sum);
    tk_buf_free(&h.tmp);
}
