/* Markdown summary for pull-request comments (GitHub-flavoured): the verdict, counts by
 * severity, level and guideline category, the top findings as a table and every finding in
 * a collapsed section, within the size a comment may have (see docs/formats.md). */
#include "cli.h"
#include "report_escape.h"
#include "report_summary.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum {
    MARKDOWN_MAX_BYTES = 60000, /* GitHub refuses comments over 65,536 characters; the
                                   messages below say "60,000" */
    TRAILER_RESERVE = 1024,     /* room kept for what follows the list of findings */
    TOP_FINDINGS = 10,
    ERRORS_SHOWN = 5,
    TEXT_MAX_CHARS = 120, /* input-derived texts (addresses, paths, messages) are cut here */
};

/* ASCII characters with a meaning in Markdown or HTML, and controls. */
static const unsigned char MD_SPECIAL[128] = {
    [0 ... 0x1F] = 1, ['\\'] = 1, ['`'] = 1, ['*'] = 1, ['_'] = 1, ['['] = 1, [']'] = 1,
    ['|'] = 1,        ['~'] = 1,  ['$'] = 1, ['<'] = 1, ['>'] = 1, ['&'] = 1, [0x7F] = 1};

/* Appends s[0..len) as literal text that is safe in a table cell and in HTML: Markdown
 * punctuation is escaped with a backslash, < > & become entities, line breaks and tabs
 * become spaces, bytes that are not UTF-8 and control or reordering characters become
 * U+FFFD. At most max_chars characters are written (then "…"); 0 means no limit. */
static void md_text(tk_buf *b, const char *s, size_t len, size_t max_chars) {
    size_t run = 0, i = 0, chars = 0;
    while (i < len) {
        if (max_chars && chars == max_chars) {
            tk_buf_append(b, s + run, i - run);
            tk_buf_puts(b, "…");
            return;
        }
        chars++;
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80 && !MD_SPECIAL[c]) {
            i++;
            continue;
        }
        tk_buf_append(b, s + run, i - run);
        size_t n = 1;
        if (c == '<')
            tk_buf_append(b, "&lt;", 4);
        else if (c == '>')
            tk_buf_append(b, "&gt;", 4);
        else if (c == '&')
            tk_buf_append(b, "&amp;", 5);
        else if (c == '\n' || c == '\r' || c == '\t')
            tk_buf_putc(b, ' ');
        else if (c < 0x80 && c >= 0x20 && c != 0x7F) {
            char e[2] = {'\\', (char)c};
            tk_buf_append(b, e, 2);
        } else {
            uint32_t cp;
            n = report_utf8_next(s + i, len - i, &cp);
            if (report_unsafe_char(cp) || cp == REPORT_REPLACEMENT_CHAR)
                report_put_utf8(b, REPORT_REPLACEMENT_CHAR);
            else
                tk_buf_append(b, s + i, n);
        }
        i += n;
        run = i;
    }
    tk_buf_append(b, s + run, len - run);
}

static void md_cstr(tk_buf *b, const char *s, size_t max_chars) {
    if (s) md_text(b, s, strlen(s), max_chars);
}

/* A name from the input in a code element: monospaced, and not turned into mentions. */
static void md_code(tk_buf *b, const char *s) {
    tk_buf_puts(b, "<code>");
    md_cstr(b, s, TEXT_MAX_CHARS);
    tk_buf_puts(b, "</code>");
}

/* The resource a finding concerns; a CloudFormation logical ID says nothing of its type (the
 * checks of a whole input, "scope:aws", have none). */
static void md_resource(tk_buf *b, const tk_resource_ref *res) {
    md_code(b, res->address);
    if (res->family && !strcmp(res->family, "cloudformation") && strcmp(res->type, "scope") != 0) {
        tk_buf_puts(b, " (");
        md_code(b, res->type);
        tk_buf_putc(b, ')');
    }
}

static void md_location(tk_buf *b, const tk_location *l, bool with_column) {
    tk_buf_puts(b, "<code>");
    md_cstr(b, l->file, TEXT_MAX_CHARS);
    tk_buf_printf(b, ":%u", l->line);
    if (with_column) tk_buf_printf(b, ":%u", l->column);
    tk_buf_puts(b, "</code>");
}

/* "Category 3 (Object storage) · Ⅲ.3.1.1 · basic · CIS ..." */
static void classification(tk_buf *b, const tk_rule *rule, bool ja) {
    tk_buf_printf(b, "%s ", TR(ja, "Category", "類型"));
    md_cstr(b, rule->category, 0);
    const char *title = tk_category_title(rule->category, ja);
    if (title) tk_buf_printf(b, TR(ja, " (%s)", "（%s）"), title);
    for (size_t i = 0; i < rule->n_guideline; i++) {
        tk_buf_puts(b, " · ");
        md_cstr(b, rule->guideline[i], 0);
    }
    tk_buf_printf(b, " · %s", level_label(rule->level, ja));
    tk_buf label;
    tk_buf_init(&label);
    for (size_t i = 0; i < rule->n_cis + rule->n_references; i++) {
        tk_buf_clear(&label);
        if (i < rule->n_cis)
            cis_label(&label, &rule->cis[i]);
        else
            reference_label(&label, &rule->references[i - rule->n_cis]);
        tk_buf_puts(b, " · ");
        md_text(b, tk_buf_cstr(&label), label.len, 0);
    }
    if (label.oom) b->oom = true;
    tk_buf_free(&label);
}

/* Findings in the order the collapsed list shows them: highest severity first, then by rule,
 * then as the report lists them. */
static int compare_for_details(const void *x, const void *y) {
    const tk_finding *a = *(const tk_finding *const *)x, *b = *(const tk_finding *const *)y;
    if (a->rule->severity != b->rule->severity)
        return a->rule->severity > b->rule->severity ? -1 : 1;
    int c = strcmp(a->rule->id, b->rule->id);
    if (c) return c;
    return a < b ? -1 : a > b;
}

static void heading(const report *r, tk_buf *b, const report_summary *s) {
    bool ja = r->ja;
    int status = report_exit_status(r);
    size_t failing = 0;
    for (int sev = r->fail_on; sev < 5 && sev >= 0; sev++) failing += s->by_severity[sev];
    if (status == 2)
        tk_buf_printf(b,
                      TR(ja, "## ⚠️ tenken: input errors (%zu)\n\n",
                         "## ⚠️ tenken: 入力エラー %zu 件\n\n"),
                      s->errors);
    else if (status == 1)
        tk_buf_printf(b,
                      TR(ja, "## ❌ tenken: %zu finding%s\n\n", "## ❌ tenken: 設定不備 %zu 件\n\n"),
                      s->findings, ja || s->findings == 1 ? "" : "s");
    else if (s->findings)
        tk_buf_printf(b,
                      TR(ja, "## ✅ tenken: %zu finding%s\n\n", "## ✅ tenken: 設定不備 %zu 件\n\n"),
                      s->findings, ja || s->findings == 1 ? "" : "s");
    else
        tk_buf_puts(b, TR(ja, "## ✅ tenken: no findings\n\n", "## ✅ tenken: 設定不備なし\n\n"));

    const char *threshold = ja ? severity_label(r->fail_on, true) : tk_severity_name(r->fail_on);
    if (status == 2 && s->findings)
        tk_buf_printf(b,
                      TR(ja, "Some inputs could not be read; %zu finding%s in the rest.\n\n",
                         "読み取れない入力があります。残りの入力で設定不備 %zu 件。\n\n"),
                      s->findings, ja || s->findings == 1 ? "" : "s");
    else if (status == 2)
        tk_buf_puts(
            b, TR(ja, "Some inputs could not be read.\n\n", "読み取れない入力があります。\n\n"));
    else if (status == 1 && ja)
        tk_buf_printf(b, "**不合格:** %s以上の設定不備が %zu 件（`--fail-on %s`）。\n\n", threshold,
                      failing, tk_severity_name(r->fail_on));
    else if (status == 1)
        tk_buf_printf(b, "**Failed:** %zu finding%s at or above %s (`--fail-on %s`).\n\n", failing,
                      failing == 1 ? "" : "s", tk_severity_name(r->fail_on),
                      tk_severity_name(r->fail_on));
    else if (s->findings && r->fail_never)
        tk_buf_puts(b,
                    TR(ja, "Passed: findings do not fail the check (`--fail-on none`).\n\n",
                       "合格: 設定不備があっても不合格にしない設定です（`--fail-on none`）。\n\n"));
    else if (s->findings)
        tk_buf_printf(b,
                      TR(ja, "Passed: none at or above %s (`--fail-on %s`).\n\n",
                         "合格: %s以上の設定不備はありません（`--fail-on %s`）。\n\n"),
                      threshold, tk_severity_name(r->fail_on));
    size_t ni;
    tk_scan_inputs(r->scan, &ni);
    if (ja)
        tk_buf_printf(b, "対象: 入力 %zu 件・リソース %zu 件・ルール %zu 件・判定 %zu 回\n\n", ni,
                      s->resources, r->rules_active, s->checks);
    else
        tk_buf_printf(b, "Scanned %zu input%s, %zu resource%s, %zu rule%s, %zu check%s.\n\n", ni,
                      ni == 1 ? "" : "s", s->resources, s->resources == 1 ? "" : "s",
                      r->rules_active, r->rules_active == 1 ? "" : "s", s->checks,
                      s->checks == 1 ? "" : "s");
}

static void severity_table(const report *r, tk_buf *b, const report_summary *s) {
    bool ja = r->ja;
    tk_buf_puts(b,
                TR(ja, "| Critical | High | Medium | Low | Info | Total | Basic | Recommended |\n",
                   "| 重大 | 高 | 中 | 低 | 情報 | 計 | 基本 | 推奨 |\n"));
    tk_buf_puts(b, "|---:|---:|---:|---:|---:|---:|---:|---:|\n|");
    for (int sev = 4; sev >= 0; sev--) tk_buf_printf(b, " %zu |", s->by_severity[sev]);
    tk_buf_printf(b, " **%zu** | %zu | %zu |\n\n", s->findings, s->by_level[TK_LEVEL_BASIC],
                  s->by_level[TK_LEVEL_RECOMMENDED]);
    if (ja)
        tk_buf_printf(b, "未評価: %zu 件（デプロイ前には決まらない値に依存） · 抑止: %zu 件",
                      s->not_evaluated, s->suppressed);
    else
        tk_buf_printf(b,
                      "Not evaluated: %zu (they depend on values not known before deployment) · "
                      "Suppressed: %zu",
                      s->not_evaluated, s->suppressed);
    if (s->warnings) tk_buf_printf(b, TR(ja, " · Warnings: %zu", " · 警告: %zu 件"), s->warnings);
    tk_buf_puts(b, "\n\n");
}

/* Only the categories with findings: the others would say nothing about compliance. */
static void category_table(const report *r, tk_buf *b, const report_summary *s) {
    bool ja = r->ja;
    if (!s->findings) return;
    tk_buf_puts(b,
                TR(ja, "### By guideline category (MIC settings guideline, figure III.3.1-1)\n\n",
                   "### 類型別（総務省 設定ガイドライン 図表Ⅲ.3.1-1）\n\n"));
    tk_buf_puts(b,
                TR(ja, "| Category | Title | Findings | Critical | High | Medium | Low | Info |\n",
                   "| 類型 | 名称 | 件数 | 重大 | 高 | 中 | 低 | 情報 |\n"));
    tk_buf_puts(b, "|---|---|---:|---:|---:|---:|---:|---:|\n");
    for (size_t c = 0; c < s->n_categories; c++) {
        if (!s->by_category[c]) continue;
        const char *title = tk_category_title(s->categories[c], ja);
        tk_buf_printf(b, "| %s | %s | %zu |", s->categories[c], title ? title : "",
                      s->by_category[c]);
        for (int sev = 4; sev >= 0; sev--)
            tk_buf_printf(b, " %zu |", s->by_category_severity[c][sev]);
        tk_buf_putc(b, '\n');
    }
    tk_buf_putc(b, '\n');
}

static void error_list(const report *r, tk_buf *b) {
    size_t ne;
    const tk_diag *es = tk_scan_errors(r->scan, &ne);
    if (!ne) return;
    tk_buf_puts(b, TR(r->ja, "### Input errors\n\n", "### 入力エラー\n\n"));
    for (size_t i = 0; i < ne && i < ERRORS_SHOWN; i++) {
        tk_buf_puts(b, "- <code>");
        md_cstr(b, es[i].file, TEXT_MAX_CHARS);
        tk_buf_printf(b, ":%u:%u</code> ", es[i].line, es[i].column);
        md_cstr(b, es[i].message, TEXT_MAX_CHARS);
        tk_buf_putc(b, '\n');
    }
    if (ne > ERRORS_SHOWN)
        tk_buf_printf(b, TR(r->ja, "- … and %zu more\n", "- …ほか %zu 件\n"), ne - ERRORS_SHOWN);
    tk_buf_putc(b, '\n');
}

static void top_findings(const report *r, tk_buf *b, const tk_finding *fs, size_t nf) {
    bool ja = r->ja;
    if (!nf) return;
    if (nf > TOP_FINDINGS)
        tk_buf_printf(b,
                      TR(ja, "### Top %d findings (highest severity first)\n\n",
                         "### 主な指摘（重大度の高い順に %d 件）\n\n"),
                      TOP_FINDINGS);
    else
        tk_buf_puts(b, TR(ja, "### Findings\n\n", "### 指摘\n\n"));
    tk_buf_puts(b, TR(ja, "| Severity | Rule | Title | Resource | Location |\n",
                      "| 重大度 | ルール | 内容 | リソース | 場所 |\n"));
    tk_buf_puts(b, "|---|---|---|---|---|\n");
    size_t shown = 0;
    for (int sev = 4; sev >= 0 && shown < TOP_FINDINGS; sev--)
        for (size_t i = 0; i < nf && shown < TOP_FINDINGS; i++) {
            const tk_finding *f = &fs[i];
            if ((int)f->rule->severity != sev) continue;
            tk_buf_printf(b, "| %s | ", severity_label(f->rule->severity, ja));
            md_cstr(b, f->rule->id, TEXT_MAX_CHARS);
            tk_buf_puts(b, " | ");
            md_cstr(b, i18n(&f->rule->title, ja), TEXT_MAX_CHARS);
            tk_buf_puts(b, " | ");
            md_resource(b, &f->resource);
            tk_buf_puts(b, " | ");
            md_location(b, &f->location, false);
            tk_buf_puts(b, " |\n");
            shown++;
        }
    tk_buf_putc(b, '\n');
}

/* The header of a rule's group in the collapsed list: ID, title, classification, risk, fix. */
static void rule_block(tk_buf *b, const tk_rule *rule, bool ja) {
    tk_buf_printf(b, "**%s** ", severity_label(rule->severity, ja));
    md_cstr(b, rule->id, 0);
    tk_buf_puts(b, ": ");
    md_cstr(b, i18n(&rule->title, ja), 0);
    tk_buf_puts(b, "<br>\n");
    classification(b, rule, ja);
    tk_buf_printf(b, "<br>\n**%s** ", TR(ja, "Risk:", "リスク:"));
    md_cstr(b, i18n(&rule->risk, ja), 0);
    tk_buf_printf(b, "<br>\n**%s** ", TR(ja, "Fix:", "対処:"));
    md_cstr(b, i18n(&rule->remediation, ja), 0);
    tk_buf_puts(b, "\n\n");
}

/* Every finding, grouped by severity and rule, as long as the comment has room; returns how
 * many were left out. */
static size_t details(const report *r, tk_buf *md, const tk_finding *fs, size_t nf) {
    bool ja = r->ja;
    const tk_finding **order = malloc((nf + 1) * sizeof *order);
    if (!order) {
        md->oom = true;
        return nf;
    }
    for (size_t i = 0; i < nf; i++) order[i] = &fs[i];
    if (nf > 1) qsort(order, nf, sizeof *order, compare_for_details);
    tk_buf_printf(md,
                  TR(ja, "<details><summary>All %zu findings, by severity and rule</summary>\n\n",
                     "<details><summary>すべての指摘 %zu 件（重大度・ルール別）</summary>\n\n"),
                  nf);
    tk_buf piece;
    tk_buf_init(&piece);
    size_t written = 0;
    const tk_rule *current = NULL;
    for (size_t i = 0; i < nf; i++) {
        const tk_finding *f = order[i];
        tk_buf_clear(&piece);
        if (f->rule != current) {
            if (current) tk_buf_putc(&piece, '\n');
            rule_block(&piece, f->rule, ja);
        }
        tk_buf_puts(&piece, "- ");
        md_resource(&piece, &f->resource);
        tk_buf_puts(&piece, TR(ja, " at ", " — "));
        md_location(&piece, &f->location, true);
        tk_buf_putc(&piece, '\n');
        if (piece.oom) md->oom = true;
        if (piece.oom || md->len + piece.len + TRAILER_RESERVE > MARKDOWN_MAX_BYTES) break;
        tk_buf_append(md, piece.data, piece.len);
        current = f->rule;
        written++;
    }
    tk_buf_free(&piece);
    free(order);
    size_t left_out = nf - written;
    if (left_out && ja)
        tk_buf_printf(
            md,
            "\n_コメントを 60,000 バイト以内に収めるため、残りの指摘 %zu 件は省略しました。"
            "すべての指摘は完全なレポート（`--format json`、`csv` または `text`）で確認"
            "してください。_\n",
            left_out);
    else if (left_out)
        tk_buf_printf(md,
                      "\n_%zu more finding%s left out to keep this comment under 60,000 bytes; see "
                      "the full report (`--format json`, `csv` or `text`)._\n",
                      left_out, left_out == 1 ? "" : "s");
    tk_buf_puts(md, "\n</details>\n\n");
    return left_out;
}

void render_markdown(const report *r, tk_buf *out) {
    report_summary s;
    report_summarize(r, &s);
    size_t nf;
    const tk_finding *fs = tk_scan_findings(r->scan, &nf);
    /* The comment is built here first so that its size can be held to the limit. */
    tk_buf md;
    tk_buf_init(&md);
    heading(r, &md, &s);
    severity_table(r, &md, &s);
    category_table(r, &md, &s);
    error_list(r, &md);
    top_findings(r, &md, fs, nf);
    if (nf) details(r, &md, fs, nf);
    tk_buf_printf(&md, "<sub>tenken %s · %s ", TENKEN_VERSION, TR(r->ja, "rules", "ルール"));
    md_cstr(&md, tk_engine_rules_version(r->engine), 64);
    tk_buf_puts(&md, "</sub>\n");
    if (md.oom)
        out->oom = true;
    else
        tk_buf_append(out, md.data, md.len);
    tk_buf_free(&md);
    report_summary_free(&s);
}
