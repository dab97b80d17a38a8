/* CSV report: a list of setting items to check, one row per finding, suppressed finding,
 * finding a waiver set aside, check not evaluated and input error, that spreadsheet programs
 * open as it is in Japanese (UTF-8 with a byte order mark, CRLF line ends, RFC 4180 quoting)
 * and that cannot run formulas (see docs/formats.md). The last two columns, added with the
 * policy controls, name the owner of the rule's category (when the configuration declares
 * who is responsible) and who approved the waiver; a finding reported again because its
 * waiver or suppression expired says so in its status and shows that exemption. */
#include "cli.h"
#include "config.h"
#include "report_escape.h"
#include <stdlib.h>
#include <string.h>

/* Whether the first character of s[0..len) would make a spreadsheet read the cell as a
 * formula: = + - @, tab or carriage return, or their full-width forms. */
static bool starts_like_formula(const char *s, size_t len) {
    if (len == 0) return false;
    switch (s[0]) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r': return true;
    default: break;
    }
    uint32_t cp;
    report_utf8_next(s, len, &cp);
    return cp == 0xFF1D || cp == 0xFF0B || cp == 0xFF0D || cp == 0xFF20; /* ＝ ＋ － ＠ */
}

/* Appends one cell, after a comma unless it starts the row. The text is quoted when it holds
 * a comma, a quote, a carriage return or a line feed (quotes are doubled); a cell that would
 * start a formula gets a leading apostrophe; bytes that are not UTF-8 and control or
 * reordering characters become U+FFFD. */
static void csv_cell(tk_buf *b, const char *s, size_t len, bool first) {
    if (!first) tk_buf_putc(b, ',');
    if (len == 0) return;
    bool quote = false;
    bool plain = true; /* ASCII without controls: copied as it is */
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == ',' || c == '"' || c == '\r' || c == '\n') quote = true;
        if (c >= 0x80 || (c < 0x20 && c != '\t' && c != '\r' && c != '\n') || c == 0x7F)
            plain = false;
    }
    if (quote) tk_buf_putc(b, '"');
    if (starts_like_formula(s, len)) tk_buf_putc(b, '\'');
    if (plain && !quote) {
        tk_buf_append(b, s, len);
        return;
    }
    size_t run = 0, i = 0;
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"') {
            tk_buf_append(b, s + run, i + 1 - run);
            tk_buf_putc(b, '"');
            run = ++i;
            continue;
        }
        if (c < 0x80 && !(c < 0x20 || c == 0x7F)) {
            i++;
            continue;
        }
        uint32_t cp;
        size_t n = report_utf8_next(s + i, len - i, &cp);
        if (report_unsafe_char(cp) || cp == REPORT_REPLACEMENT_CHAR) {
            tk_buf_append(b, s + run, i - run);
            report_put_utf8(b, REPORT_REPLACEMENT_CHAR);
            run = i + n;
        }
        i += n;
    }
    tk_buf_append(b, s + run, len - run);
    if (quote) tk_buf_putc(b, '"');
}

static void csv_str(tk_buf *b, const char *s) {
    if (!s) s = "";
    size_t len = strlen(s);
    while (len > 0 && (s[len - 1] == '\n' || s[len - 1] == '\r')) len--; /* folded texts */
    csv_cell(b, s, len, false);
}

static void csv_uint(tk_buf *b, unsigned v) {
    tk_buf_printf(b, ",%u", v);
}

static void end_row(tk_buf *b) {
    tk_buf_append(b, "\r\n", 2);
}

enum { N_COLUMNS = 22 };
/* The header: one cell per column, in the report language. */
static const struct {
    const char *en, *ja;
} COLUMNS[N_COLUMNS] = {
    {"status", "状態"},
    {"severity", "重大度"},
    {"level", "レベル"},
    {"category", "類型"},
    {"category title", "類型名"},
    {"guideline", "ガイドライン項番"},
    {"rule ID", "ルールID"},
    {"title", "内容"},
    {"resource type", "リソース種別"},
    {"resource address", "リソース"},
    {"file", "ファイル"},
    {"line", "行"},
    {"column", "列"},
    {"CIS", "CIS"},
    {"other references", "その他の基準"},
    {"risk", "リスク"},
    {"remediation", "対処"},
    {"reason", "理由"},
    {"expires", "期限"},
    {"fingerprint", "フィンガープリント"},
    {"owner", "担当"},
    {"approver", "承認者"},
};

/* Columns status..title, from the rule: the same for every row of the rule but the status. */
static void rule_cells(const report *r, tk_buf *b, const char *status, const tk_rule *rule,
                       tk_buf *scratch) {
    bool ja = r->ja;
    csv_cell(b, status, strlen(status), true);
    csv_str(b, severity_label(rule->severity, ja));
    csv_str(b, level_label(rule->level, ja));
    csv_str(b, rule->category);
    csv_str(b, tk_category_title(rule->category, ja));
    tk_buf_clear(scratch);
    for (size_t i = 0; i < rule->n_guideline; i++)
        tk_buf_printf(scratch, "%s%s", i ? "; " : "", rule->guideline[i]);
    csv_cell(b, scratch->data, scratch->len, false);
    csv_str(b, rule->id);
    csv_str(b, i18n(&rule->title, ja));
}

/* Columns resource type..column. */
static void place_cells(tk_buf *b, const tk_resource_ref *res, const tk_location *l) {
    csv_str(b, res->type);
    csv_str(b, res->address);
    csv_str(b, l->file);
    csv_uint(b, l->line);
    csv_uint(b, l->column);
}

/* Columns CIS..remediation. */
static void reference_cells(const report *r, tk_buf *b, const tk_rule *rule, tk_buf *scratch) {
    tk_buf_clear(scratch);
    for (size_t i = 0; i < rule->n_cis; i++) {
        if (i) tk_buf_puts(scratch, "; ");
        cis_label(scratch, &rule->cis[i]);
    }
    csv_cell(b, scratch->data, scratch->len, false);
    tk_buf_clear(scratch);
    for (size_t i = 0; i < rule->n_references; i++) {
        if (i) tk_buf_puts(scratch, "; ");
        reference_label(scratch, &rule->references[i]);
    }
    csv_cell(b, scratch->data, scratch->len, false);
    csv_str(b, i18n(&rule->risk, r->ja));
    csv_str(b, i18n(&rule->remediation, r->ja));
}

/* Column owner: who is responsible for the rule's category, when the configuration says. */
static void owner_cell(const report *r, tk_buf *b, const tk_rule *rule) {
    const category_owner *o = report_has_owners(r) ? report_owner(r, rule->category) : NULL;
    if (!o) {
        csv_str(b, "");
        return;
    }
    /* room for the whole name: a long one is not cut in the middle of a character */
    size_t cap = (o->name ? strlen(o->name) : 0) + 64;
    char *label = malloc(cap);
    if (!label) {
        b->oom = true;
        csv_str(b, "");
        return;
    }
    config_owner_label(o, r->ja, label, cap);
    csv_str(b, label);
    free(label);
}

void render_csv(const report *r, tk_buf *b) {
    bool ja = r->ja;
    size_t nf, nn, nsup, ne;
    const tk_finding *fs = tk_scan_findings(r->scan, &nf);
    const tk_suppressed *sups = tk_scan_suppressed(r->scan, &nsup);
    const tk_not_evaluated *ns = tk_scan_not_evaluated(r->scan, &nn);
    const tk_diag *es = tk_scan_errors(r->scan, &ne);
    size_t nw;
    const tk_waived *ws = tk_scan_waived(r->scan, &nw);
    tk_buf scratch;
    tk_buf_init(&scratch);

    tk_buf_append(b, "\xEF\xBB\xBF", 3); /* byte order mark: spreadsheets then read UTF-8 */
    for (size_t i = 0; i < N_COLUMNS; i++) {
        const char *name = ja ? COLUMNS[i].ja : COLUMNS[i].en;
        csv_cell(b, name, strlen(name), i == 0);
    }
    end_row(b);

    const char *status_finding = TR(ja, "finding", "指摘");
    const char *status_expired = TR(ja, "finding (exemption expired)", "指摘（例外の期限切れ）");
    for (size_t i = 0; i < nf; i++) {
        const tk_finding *f = &fs[i];
        const tk_waiver *x = f->expired; /* the lapsed waiver or suppression, shown */
        rule_cells(r, b, x ? status_expired : status_finding, f->rule, &scratch);
        place_cells(b, &f->resource, &f->location);
        reference_cells(r, b, f->rule, &scratch);
        csv_str(b, x ? x->reason : "");
        csv_str(b, x ? x->expires : "");
        csv_str(b, f->fingerprint);
        owner_cell(r, b, f->rule);
        csv_str(b, x ? x->approver : "");
        end_row(b);
    }
    const char *status_suppressed = TR(ja, "suppressed", "抑止");
    for (size_t i = 0; i < nsup; i++) {
        const tk_finding *f = &sups[i].finding;
        rule_cells(r, b, status_suppressed, f->rule, &scratch);
        place_cells(b, &f->resource, &f->location);
        reference_cells(r, b, f->rule, &scratch);
        csv_str(b, sups[i].reason);
        csv_str(b, sups[i].expires);
        csv_str(b, f->fingerprint);
        owner_cell(r, b, f->rule);
        csv_str(b, ""); /* an inline suppression has no approver */
        end_row(b);
    }
    const char *status_waived = TR(ja, "waived", "例外承認");
    for (size_t i = 0; i < nw; i++) {
        const tk_finding *f = &ws[i].finding;
        const tk_waiver *x = ws[i].waiver;
        rule_cells(r, b, status_waived, f->rule, &scratch);
        place_cells(b, &f->resource, &f->location);
        reference_cells(r, b, f->rule, &scratch);
        csv_str(b, x->reason);
        csv_str(b, x->expires);
        csv_str(b, f->fingerprint);
        owner_cell(r, b, f->rule);
        csv_str(b, x->approver);
        end_row(b);
    }
    const char *status_not_evaluated = TR(ja, "not evaluated", "未評価");
    for (size_t i = 0; i < nn; i++) {
        const tk_not_evaluated *n = &ns[i];
        rule_cells(r, b, status_not_evaluated, n->rule, &scratch);
        place_cells(b, &n->resource, &n->location);
        reference_cells(r, b, n->rule, &scratch);
        csv_str(b, n->reason);
        csv_str(b, "");
        csv_str(b, "");
        owner_cell(r, b, n->rule);
        csv_str(b, "");
        end_row(b);
    }
    /* Inputs that could not be read: the list is incomplete without them. */
    const char *status_error = TR(ja, "input error", "入力エラー");
    for (size_t i = 0; i < ne; i++) {
        csv_cell(b, status_error, strlen(status_error), true);
        for (int c = 0; c < 9; c++) csv_str(b, ""); /* severity .. resource address */
        csv_str(b, es[i].file);
        csv_uint(b, es[i].line);
        csv_uint(b, es[i].column);
        for (int c = 0; c < 4; c++) csv_str(b, ""); /* CIS .. remediation */
        csv_str(b, es[i].message);
        for (int c = 0; c < 4; c++) csv_str(b, ""); /* expires .. approver */
        end_row(b);
    }
    if (scratch.oom) b->oom = true;
    tk_buf_free(&scratch);
}
