/* Markdown summary for pull-request comments (GitHub-flavoured): the verdict, counts by
 * severity, level and guideline category, who is responsible for each category (when the
 * configuration says), the top findings as a table, every finding in a collapsed section,
 * and the waivers (findings set aside, waivers expired or matching nothing), within the
 * size a comment may have (see docs/formats.md). */
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
    WAIVERS_MAX_BYTES = 12000, /* the waivers section; the list of findings gets the rest */
    OWNER_LABEL_MAX = 256,
};

/* ASCII characters with a meaning in Markdown or HTML, and controls. */
static const unsigned char MD_SPECIAL[128] = {
    [0 ... 0x1F] = 1, ['\\'] = 1, ['`'] = 1, ['*'] = 1, ['_'] = 1, ['['] = 1, [']'] = 1,
    ['|'] = 1,        ['~'] = 1,  ['$'] = 1, ['<'] = 1, ['>'] = 1, ['&'] = 1, [0x7F] = 1};

/* Appends s[0..len) as literal text that is safe in a table cell and in HTML: Markdown
 * punctuation is escaped with a backslash, < > & become entities, line breaks and tabs
 * become spaces, bytes that are not UTF-8 and control or reordering characters become
 * U+FFFD. At most max_chars characters are written (then "…"); 0 means no limit. With
 * break_mentions, an invisible word joiner (U+2060) follows each '@', so that free text
 * (a reason, an approver) outside a code element does not notify anyone. */
static void md_text_opts(tk_buf *b, const char *s, size_t len, size_t max_chars,
                         bool break_mentions) {
    size_t run = 0, i = 0, chars = 0;
    while (i < len) {
        if (max_chars && chars == max_chars) {
            tk_buf_append(b, s + run, i - run);
            tk_buf_puts(b, "…");
            return;
        }
        chars++;
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80 && !MD_SPECIAL[c] && !(c == '@' && break_mentions)) {
            i++;
            continue;
        }
        tk_buf_append(b, s + run, i - run);
        size_t n = 1;
        if (c == '@')
            tk_buf_puts(b, "@\xe2\x81\xa0"); /* U+2060 WORD JOINER */
        else if (c == '<')
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

static void md_text(tk_buf *b, const char *s, size_t len, size_t max_chars) {
    md_text_opts(b, s, len, max_chars, false);
}

static void md_cstr(tk_buf *b, const char *s, size_t max_chars) {
    if (s) md_text(b, s, strlen(s), max_chars);
}

/* Free text from the input or the configuration (a reason, an approver, an owner's name):
 * escaped, cut at TEXT_MAX_CHARS, mentions broken; "—" when there is none. */
static void md_prose(tk_buf *b, const char *s) {
    if (s && *s)
        md_text_opts(b, s, strlen(s), TEXT_MAX_CHARS, true);
    else
        tk_buf_puts(b, "—");
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

/* Who is responsible for a category, as shown in the report: the owner's label, escaped;
 * "—" when the configuration names nobody for it. */
static void md_owner(tk_buf *b, const report *r, const char *category) {
    const category_owner *o = report_owner(r, category);
    char label[OWNER_LABEL_MAX] = "";
    if (o) config_owner_label(o, r->ja, label, sizeof label);
    md_prose(b, label);
}

/* A waiver's expiry date, or "none" when it has no end. */
static void md_expiry(tk_buf *b, const tk_waiver *w, bool ja) {
    if (w->expires)
        md_cstr(b, w->expires, 16);
    else
        tk_buf_puts(b, TR(ja, "none", "なし"));
}

/* The mark of a finding whose waiver or inline suppression has expired (short, for a table
 * cell): "⚠ waiver expired 2026-10-31". */
static void expired_mark(tk_buf *b, const tk_waiver *w, bool ja) {
    if (w->in_source)
        tk_buf_puts(b, TR(ja, "⚠ suppression expired ", "⚠ 抑止の期限切れ（"));
    else
        tk_buf_puts(b, TR(ja, "⚠ waiver expired ", "⚠ 例外承認の期限切れ（"));
    md_expiry(b, w, ja);
    if (ja) tk_buf_puts(b, "）");
}

/* The same with what the exemption said: reason, approver and where it is written. */
static void expired_note(tk_buf *b, const tk_waiver *w, bool ja) {
    expired_mark(b, w, ja);
    tk_buf_puts(b, ": ");
    md_prose(b, w->reason);
    if (w->approver) {
        tk_buf_puts(b, TR(ja, " (approved by ", "（承認者: "));
        md_prose(b, w->approver);
        tk_buf_puts(b, TR(ja, ", ", "、"));
    } else {
        tk_buf_puts(b, TR(ja, " (", "（"));
    }
    md_location(b, &w->at, false);
    tk_buf_puts(b, TR(ja, ")", "）"));
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
    if (r->owner_filter) {
        tk_buf_puts(b, TR(ja, "Only categories owned by <code>", "担当 <code>"));
        md_cstr(b, r->owner_filter, TEXT_MAX_CHARS);
        tk_buf_puts(b, TR(ja, "</code> were checked (`--owner`).\n\n",
                          "</code> の類型だけを点検しました（`--owner`）。\n\n"));
    }
    if (r->baseline_path) {
        if (ja) {
            tk_buf_puts(b, "ベースライン（<code>");
            md_cstr(b, r->baseline_path, TEXT_MAX_CHARS);
            tk_buf_printf(b,
                          "</code>）にある指摘 %zu 件は表示していません。ベースラインのうち %zu "
                          "件は解消済みです。\n\n",
                          s->baselined, s->baseline_gone);
        } else {
            tk_buf_printf(b, "%zu finding%s already in the baseline (<code>", s->baselined,
                          s->baselined == 1 ? "" : "s");
            md_cstr(b, r->baseline_path, TEXT_MAX_CHARS);
            tk_buf_printf(b, "</code>) %s not shown; %zu from the baseline %s fixed.\n\n",
                          s->baselined == 1 ? "is" : "are", s->baseline_gone,
                          s->baseline_gone == 1 ? "is" : "are");
        }
    }
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
    if (s->expired)
        tk_buf_printf(b,
                      TR(ja, " · Reported again, waiver or suppression expired: %zu",
                         " · 例外承認・抑止の期限切れで再報告: %zu 件"),
                      s->expired);
    if (s->warnings) tk_buf_printf(b, TR(ja, " · Warnings: %zu", " · 警告: %zu 件"), s->warnings);
    tk_buf_puts(b, "\n\n");
}

/* Who is responsible for each guideline category, and its findings; only when the
 * configuration says. With --owner, the categories of others were not checked. */
static void responsibility_table(const report *r, tk_buf *b, const report_summary *s) {
    bool ja = r->ja;
    if (!report_has_owners(r)) return;
    tk_buf_puts(b, TR(ja, "### Responsibility\n\n", "### 責任分界\n\n"));
    tk_buf_puts(b, TR(ja, "| Category | Title | Owner | Findings |\n",
                      "| 類型 | 名称 | 担当 | 指摘 |\n"));
    tk_buf_puts(b, "|---|---|---|---:|\n");
    for (size_t c = 0; c < s->n_categories; c++) {
        const char *cat = s->categories[c], *title = tk_category_title(cat, ja);
        tk_buf_printf(b, "| %s | %s | ", cat, title ? title : "");
        md_owner(b, r, cat);
        if (r->owner_filter && !config_owner_is(report_owner(r, cat), r->owner_filter))
            tk_buf_puts(b, TR(ja, " | — (not checked) |\n", " | —（点検対象外） |\n"));
        else
            tk_buf_printf(b, " | %zu |\n", s->by_category[c]);
    }
    tk_buf_putc(b, '\n');
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
    bool owners = report_has_owners(r);
    tk_buf_puts(b, TR(ja, "| Severity | Rule | Title | Resource | Location |",
                      "| 重大度 | ルール | 内容 | リソース | 場所 |"));
    tk_buf_puts(b, owners ? TR(ja, " Owner |\n", " 担当 |\n") : "\n");
    tk_buf_puts(b, owners ? "|---|---|---|---|---|---|\n" : "|---|---|---|---|---|\n");
    size_t shown = 0;
    for (int sev = 4; sev >= 0 && shown < TOP_FINDINGS; sev--)
        for (size_t i = 0; i < nf && shown < TOP_FINDINGS; i++) {
            const tk_finding *f = &fs[i];
            if ((int)f->rule->severity != sev) continue;
            tk_buf_printf(b, "| %s | ", severity_label(f->rule->severity, ja));
            md_cstr(b, f->rule->id, TEXT_MAX_CHARS);
            tk_buf_puts(b, " | ");
            md_cstr(b, i18n(&f->rule->title, ja), TEXT_MAX_CHARS);
            if (f->expired) {
                tk_buf_puts(b, "<br>");
                expired_mark(b, f->expired, ja);
            }
            tk_buf_puts(b, " | ");
            md_resource(b, &f->resource);
            tk_buf_puts(b, " | ");
            md_location(b, &f->location, false);
            if (owners) {
                tk_buf_puts(b, " | ");
                md_owner(b, r, f->rule->category);
            }
            tk_buf_puts(b, " |\n");
            shown++;
        }
    tk_buf_putc(b, '\n');
}

/* The header of a rule's group in the collapsed list: ID, title, classification, risk, fix. */
static void rule_block(const report *r, tk_buf *b, const tk_rule *rule) {
    bool ja = r->ja;
    tk_buf_printf(b, "**%s** ", severity_label(rule->severity, ja));
    md_cstr(b, rule->id, 0);
    tk_buf_puts(b, ": ");
    md_cstr(b, i18n(&rule->title, ja), 0);
    tk_buf_puts(b, "<br>\n");
    classification(b, rule, ja);
    if (report_has_owners(r)) {
        tk_buf_printf(b, "<br>\n**%s** ", TR(ja, "Owner:", "担当:"));
        md_owner(b, r, rule->category);
    }
    tk_buf_printf(b, "<br>\n**%s** ", TR(ja, "Risk:", "リスク:"));
    md_cstr(b, i18n(&rule->risk, ja), 0);
    tk_buf_printf(b, "<br>\n**%s** ", TR(ja, "Fix:", "対処:"));
    md_cstr(b, i18n(&rule->remediation, ja), 0);
    tk_buf_puts(b, "\n\n");
}

/* Every finding, grouped by severity and rule, as long as the comment has room (reserve:
 * bytes kept for the sections that follow); returns how many were left out. */
static size_t details(const report *r, tk_buf *md, const tk_finding *fs, size_t nf,
                      size_t reserve) {
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
            rule_block(r, &piece, f->rule);
        }
        tk_buf_puts(&piece, "- ");
        md_resource(&piece, &f->resource);
        tk_buf_puts(&piece, TR(ja, " at ", " — "));
        md_location(&piece, &f->location, true);
        if (f->expired) {
            tk_buf_puts(&piece, " — ");
            expired_note(&piece, f->expired, ja);
        }
        tk_buf_putc(&piece, '\n');
        if (piece.oom) md->oom = true;
        if (piece.oom || md->len + piece.len + TRAILER_RESERVE + reserve > MARKDOWN_MAX_BYTES)
            break;
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

/* Appends piece to b if b stays within limit bytes; returns whether it did. */
static bool append_within(tk_buf *b, const tk_buf *piece, size_t limit) {
    if (piece->oom) b->oom = true;
    if (piece->oom || b->len + piece->len > limit) return false;
    tk_buf_append(b, piece->data, piece->len);
    return true;
}

static void rows_left_out(tk_buf *b, size_t n, bool ja) {
    if (!n) return;
    tk_buf_printf(b,
                  TR(ja, "\n_%zu more left out to keep this comment short; see the full report "
                         "(`--format json` or `text`)._\n",
                     "\n_コメントを短く保つため、残り %zu 件は省略しました。完全なレポート"
                     "（`--format json` または `text`）で確認してください。_\n"),
                  n);
}

/* One waiver that needs attention: expired (its findings are reported again) or stale (it
 * matches nothing and should be removed). */
static void attention_row(tk_buf *b, const tk_waiver_status *st, bool ja) {
    const tk_waiver *w = &st->waiver;
    if (st->expired)
        tk_buf_puts(b, TR(ja, "| ⚠ expired | ", "| ⚠ 期限切れ | "));
    else
        tk_buf_puts(b, TR(ja, "| stale (matches nothing) | ", "| 不要（該当なし） | "));
    md_cstr(b, w->rule, TEXT_MAX_CHARS);
    tk_buf_puts(b, " | ");
    md_code(b, w->resource);
    if (w->path) {
        tk_buf_puts(b, TR(ja, " in ", " · "));
        md_code(b, w->path);
    }
    tk_buf_puts(b, " | ");
    md_prose(b, w->approver);
    tk_buf_puts(b, " | ");
    md_expiry(b, w, ja);
    tk_buf_puts(b, " | ");
    md_location(b, &w->at, false);
    tk_buf_puts(b, " |\n");
}

static void waived_row(const report *r, tk_buf *b, const tk_waived *x) {
    bool ja = r->ja;
    tk_buf_printf(b, "| %s | ", severity_label(x->finding.rule->severity, ja));
    md_cstr(b, x->finding.rule->id, TEXT_MAX_CHARS);
    tk_buf_puts(b, " | ");
    md_resource(b, &x->finding.resource);
    tk_buf_puts(b, " | ");
    md_prose(b, x->waiver->reason);
    tk_buf_puts(b, " | ");
    md_prose(b, x->waiver->approver);
    tk_buf_puts(b, " | ");
    md_expiry(b, x->waiver, ja);
    if (report_has_owners(r)) {
        tk_buf_puts(b, " | ");
        md_owner(b, r, x->finding.rule->category);
    }
    tk_buf_puts(b, " |\n");
}

/* The waivers, when a waivers file was read: counts, the waivers that need attention
 * (expired, stale) and, collapsed, the findings set aside. Written into its own buffer,
 * at most WAIVERS_MAX_BYTES, so that the list of findings knows the room left. */
static void waivers_section(const report *r, tk_buf *b, const report_summary *s) {
    bool ja = r->ja;
    if (!r->waivers_path && !s->waivers && !s->waived) return;
    /* Room for the endings; the waivers needing attention get at most half of the rest, so
     * that some waived findings are listed too. */
    const size_t rows_limit = WAIVERS_MAX_BYTES - TRAILER_RESERVE;
    const size_t attention_limit = rows_limit / 2;
    tk_buf_puts(b, TR(ja, "### Waivers\n\n", "### 例外承認\n\n"));
    if (r->waivers_path) {
        tk_buf_puts(b, "<code>");
        md_cstr(b, r->waivers_path, TEXT_MAX_CHARS);
        tk_buf_puts(b, "</code>: ");
    }
    if (ja)
        tk_buf_printf(b,
                      "例外承認 %zu 件 · 例外承認された指摘 %zu 件 · 期限切れ %zu 件 · "
                      "不要（該当なし） %zu 件\n\n",
                      s->waivers, s->waived, s->waivers_expired, s->waivers_stale);
    else
        tk_buf_printf(b,
                      "%zu waiver%s · %zu finding%s waived · %zu expired · %zu stale (matching "
                      "nothing)\n\n",
                      s->waivers, s->waivers == 1 ? "" : "s", s->waived,
                      s->waived == 1 ? "" : "s", s->waivers_expired, s->waivers_stale);
    tk_buf piece;
    tk_buf_init(&piece);
    size_t nw, left_out = 0;
    const tk_waiver_status *ws = tk_scan_waivers(r->scan, &nw);
    if (s->waivers_expired || s->waivers_stale) {
        tk_buf_puts(b, TR(ja, "Waivers that need attention: expired ones no longer set their "
                              "findings aside; stale ones match nothing and should be "
                              "removed.\n\n",
                          "対応が必要な例外承認: 期限切れの例外承認の指摘は再び報告されます。"
                          "該当する指摘のない例外承認は削除してください。\n\n"));
        tk_buf_puts(b, TR(ja, "| Status | Rule | Resource | Approver | Expires | Written at |\n",
                          "| 状態 | ルール | リソース | 承認者 | 期限 | 記述場所 |\n"));
        tk_buf_puts(b, "|---|---|---|---|---|---|\n");
        for (size_t i = 0; i < nw; i++) {
            if (!ws[i].expired && !ws[i].stale) continue;
            tk_buf_clear(&piece);
            attention_row(&piece, &ws[i], ja);
            if (left_out || !append_within(b, &piece, attention_limit)) left_out++;
        }
        rows_left_out(b, left_out, ja);
        tk_buf_putc(b, '\n');
    }
    size_t nwd;
    const tk_waived *wd = tk_scan_waived(r->scan, &nwd);
    if (nwd) {
        tk_buf_printf(b,
                      TR(ja, "<details><summary>%zu waived finding%s</summary>\n\n",
                         "<details><summary>例外承認された指摘 %zu 件%s</summary>\n\n"),
                      nwd, ja || nwd == 1 ? "" : "s");
        tk_buf_puts(b, TR(ja, "| Severity | Rule | Resource | Reason | Approver | Until |",
                          "| 重大度 | ルール | リソース | 理由 | 承認者 | 期限 |"));
        bool owners = report_has_owners(r);
        tk_buf_puts(b, owners ? TR(ja, " Owner |\n", " 担当 |\n") : "\n");
        tk_buf_puts(b, owners ? "|---|---|---|---|---|---|---|\n" : "|---|---|---|---|---|---|\n");
        left_out = 0;
        for (size_t i = 0; i < nwd; i++) {
            tk_buf_clear(&piece);
            waived_row(r, &piece, &wd[i]);
            if (left_out || !append_within(b, &piece, rows_limit)) left_out++;
        }
        rows_left_out(b, left_out, ja);
        tk_buf_puts(b, "\n</details>\n\n");
    }
    tk_buf_free(&piece);
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
    responsibility_table(r, &md, &s);
    error_list(r, &md);
    top_findings(r, &md, fs, nf);
    tk_buf waivers;
    tk_buf_init(&waivers);
    waivers_section(r, &waivers, &s);
    if (nf) details(r, &md, fs, nf, waivers.len);
    if (waivers.oom) md.oom = true;
    if (waivers.len) tk_buf_append(&md, waivers.data, waivers.len);
    tk_buf_free(&waivers);
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
