/* JUnit XML report, for the test-report views of CI systems: one test suite per input, one
 * test case per rule x resource checked (classname = rule ID, name = resource address), so
 * findings show as failures, checks not evaluated, suppressed findings, findings a waiver set
 * aside and findings the baseline holds as skipped tests, input errors as errors and passed
 * checks as passed tests (see docs/formats.md). A failure names the owner of its category
 * when the configuration declares who is responsible, and the waiver or suppression that
 * expired when the finding is reported again because of it. */
#include "cli.h"
#include "config.h"
#include "report_escape.h"
#include "rule_frags.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ---- XML text ---- */

/* ASCII bytes that cannot be copied as they are: markup characters and controls. */
static const unsigned char XML_SPECIAL[128] = {
    [0 ... 0x1F] = 1, ['&'] = 1, ['<'] = 1, ['>'] = 1, ['"'] = 1, ['\''] = 1, [0x7F] = 1};

/* Appends s[0..len) escaped for XML 1.0 character data (in_attribute false) or a quoted
 * attribute value. Markup characters become references (quotes only in attributes); tab,
 * line feed and carriage return become character references in attributes (where a parser
 * would turn them into spaces), and carriage return does in text; bytes that are not UTF-8
 * and characters XML does not allow (or that would reorder what is shown) become U+FFFD. */
static void xml_escape(tk_buf *b, const char *s, size_t len, bool in_attribute) {
    size_t run = 0, i = 0;
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80 && !XML_SPECIAL[c]) {
            i++;
            continue;
        }
        tk_buf_append(b, s + run, i - run);
        size_t n = 1;
        switch (c) {
        case '&': tk_buf_append(b, "&amp;", 5); break;
        case '<': tk_buf_append(b, "&lt;", 4); break;
        case '>': tk_buf_append(b, "&gt;", 4); break;
        case '"':
            if (in_attribute)
                tk_buf_append(b, "&quot;", 6);
            else
                tk_buf_putc(b, '"');
            break;
        case '\'':
            if (in_attribute)
                tk_buf_append(b, "&apos;", 6);
            else
                tk_buf_putc(b, '\'');
            break;
        case '\t':
        case '\n':
            if (in_attribute)
                tk_buf_puts(b, c == '\t' ? "&#9;" : "&#10;");
            else
                tk_buf_putc(b, (char)c);
            break;
        case '\r': tk_buf_append(b, "&#13;", 5); break;
        default: {
            uint32_t cp;
            n = report_utf8_next(s + i, len - i, &cp);
            if (report_unsafe_char(cp) || cp == REPORT_REPLACEMENT_CHAR)
                report_put_utf8(b, REPORT_REPLACEMENT_CHAR);
            else
                tk_buf_append(b, s + i, n);
        }
        }
        i += n;
        run = i;
    }
    tk_buf_append(b, s + run, len - run);
}

static void xml_cstr(tk_buf *b, const char *s, bool in_attribute) {
    if (s) xml_escape(b, s, strlen(s), in_attribute);
}

/* ` name="value"` with the value escaped. */
static void xml_attr(tk_buf *b, const char *name, const char *value) {
    tk_buf_printf(b, " %s=\"", name);
    xml_cstr(b, value, true);
    tk_buf_putc(b, '"');
}

/* Escaped text of a location, "file:line:column". */
static void xml_location(tk_buf *b, const tk_location *l) {
    xml_cstr(b, l->file, false);
    tk_buf_printf(b, ":%u:%u", l->line, l->column);
}

/* ---- test cases ---- */

typedef enum {
    CASE_FAILED,
    CASE_NOT_EVALUATED,
    CASE_SUPPRESSED,
    CASE_PASSED,
    CASE_WAIVED,
    CASE_BASELINED,
} case_kind;

/* One rule x resource check, whatever its outcome. */
typedef struct junit_case {
    const tk_rule *rule;
    const tk_resource_ref *resource;
    const tk_location *location;
    uint32_t input;
    case_kind kind;
    size_t index; /* in the scan's list of that kind */
} junit_case;

static int compare_cases(const void *x, const void *y) {
    const junit_case *a = x, *b = y;
    if (a->input != b->input) return a->input < b->input ? -1 : 1;
    int c = strcmp(a->location->file, b->location->file);
    if (c) return c;
    if (a->location->line != b->location->line)
        return a->location->line < b->location->line ? -1 : 1;
    if (a->location->column != b->location->column)
        return a->location->column < b->location->column ? -1 : 1;
    if ((c = strcmp(a->resource->address, b->resource->address))) return c;
    if ((c = strcmp(a->rule->id, b->rule->id))) return c;
    if (a->kind != b->kind) return a->kind < b->kind ? -1 : 1;
    return a->index < b->index ? -1 : a->index > b->index;
}

/* Counts of one <testsuite>. */
typedef struct suite_counts {
    size_t tests, failures, errors, skipped;
} suite_counts;

/* ---- where input errors go ---- */

/* An input as errors are matched to it: by path, unreadable inputs first among equals. */
typedef struct input_key {
    const char *path;
    bool readable;
    size_t index;
} input_key;

static int compare_input_keys(const void *x, const void *y) {
    const input_key *a = x, *b = y;
    int c = strcmp(a->path, b->path);
    if (c) return c;
    if (a->readable != b->readable) return a->readable ? 1 : -1;
    return a->index < b->index ? -1 : a->index > b->index;
}

typedef struct input_order {
    input_key *keys; /* sorted */
    size_t n;
} input_order;

/* Position in o->keys of the first input whose path is path[0..len), or SIZE_MAX. */
static size_t find_key(const input_order *o, const char *path, size_t len) {
    size_t lo = 0, hi = o->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const char *p = o->keys[mid].path;
        int c = strncmp(p, path, len);
        if (c == 0 && p[len] != 0) c = 1;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < o->n && !strncmp(o->keys[lo].path, path, len) && o->keys[lo].path[len] == 0) return lo;
    return SIZE_MAX;
}

/* The input an error belongs to: of the inputs with the error's file as their path, the
 * first unreadable one without an error yet (a file given twice is two inputs), else the
 * first of them; else the input whose directory holds the file (Terraform source); else
 * SIZE_MAX. */
static size_t input_of_error(const input_order *o, const char *file, const suite_counts *counts) {
    size_t len = strlen(file);
    size_t k = find_key(o, file, len);
    if (k != SIZE_MAX) {
        for (size_t j = k; j < o->n && !strcmp(o->keys[j].path, file) && !o->keys[j].readable; j++)
            if (counts[o->keys[j].index].errors == 0) return o->keys[j].index;
        return o->keys[k].index;
    }
    while (len > 0) {
        while (len > 0 && file[len - 1] != '/') len--;
        if (len == 0) break;
        len--; /* drop the '/' */
        if (len > 0 && (k = find_key(o, file, len)) != SIZE_MAX) return o->keys[k].index;
    }
    return SIZE_MAX;
}

/* An input error and the suite it is written in. */
typedef struct error_place {
    size_t suite, index;
} error_place;

static int compare_error_places(const void *x, const void *y) {
    const error_place *a = x, *b = y;
    if (a->suite != b->suite) return a->suite < b->suite ? -1 : 1;
    return a->index < b->index ? -1 : a->index > b->index;
}

/* ---- rendering ---- */

/* "Category 3 (title) · Ⅲ.3.1.1 · basic · CIS ..." */
static void classification(tk_buf *b, const tk_rule *rule, bool ja) {
    tk_buf_printf(b, "%s %s", TR(ja, "Category", "類型"), rule->category);
    const char *title = tk_category_title(rule->category, ja);
    if (title) tk_buf_printf(b, TR(ja, " (%s)", "（%s）"), title);
    for (size_t i = 0; i < rule->n_guideline; i++) tk_buf_printf(b, " · %s", rule->guideline[i]);
    tk_buf_printf(b, " · %s", level_label(rule->level, ja));
    for (size_t i = 0; i < rule->n_cis; i++) {
        tk_buf_puts(b, " · ");
        cis_label(b, &rule->cis[i]);
    }
    for (size_t i = 0; i < rule->n_references; i++) {
        tk_buf_puts(b, " · ");
        reference_label(b, &rule->references[i]);
    }
}

/* Part 0: the failure's attributes (message and type); part 1: the lines of its text that
 * come from the rule (classification, risk, fix), escaped. */
static void failure_frags(void *ctx, const tk_rule *rule, tk_buf parts[RULE_FRAG_PARTS]) {
    bool ja = *(const bool *)ctx;
    xml_attr(&parts[0], "message", i18n(&rule->title, ja));
    xml_attr(&parts[0], "type", tk_severity_name(rule->severity));
    tk_buf text;
    tk_buf_init(&text);
    classification(&text, rule, ja);
    tk_buf_printf(&text, "\n%s%s\n%s%s\n", TR(ja, "Risk: ", "リスク: "), i18n(&rule->risk, ja),
                  TR(ja, "Fix: ", "対処: "), i18n(&rule->remediation, ja));
    if (text.oom)
        parts[1].oom = true;
    else
        xml_escape(&parts[1], text.data, text.len, false);
    tk_buf_free(&text);
}

static void testcase_open(tk_buf *b, const junit_case *c) {
    tk_buf_puts(b, "    <testcase");
    xml_attr(b, "classname", c->rule->id);
    tk_buf_puts(b, " name=\"");
    xml_cstr(b, c->resource->address, true);
    /* A CloudFormation logical ID says nothing of its type (the checks of a whole input,
     * "scope:aws", have none). */
    if (c->resource->family && !strcmp(c->resource->family, "cloudformation") &&
        strcmp(c->resource->type, "scope") != 0) {
        tk_buf_puts(b, " (");
        xml_cstr(b, c->resource->type, true);
        tk_buf_putc(b, ')');
    }
    tk_buf_putc(b, '"');
    xml_attr(b, "file", c->location->file);
    tk_buf_printf(b, " line=\"%u\"", c->location->line);
}

/* "Owner: Example SI (SIer)" and a line break, when the configuration declares who is
 * responsible for the rule's category. */
static void owner_line(const report *r, tk_buf *b, const tk_rule *rule) {
    if (!report_has_owners(r)) return;
    const category_owner *o = report_owner(r, rule->category);
    if (!o) return;
    /* room for the whole name: a long one is not cut in the middle of a character */
    size_t cap = (o->name ? strlen(o->name) : 0) + 64;
    char *label = malloc(cap);
    if (!label) {
        b->oom = true;
        return;
    }
    config_owner_label(o, r->ja, label, cap);
    tk_buf_puts(b, TR(r->ja, "Owner: ", "担当: "));
    xml_cstr(b, label, false);
    tk_buf_putc(b, '\n');
    free(label);
}

/* The line saying that the waiver or suppression that covered a finding has expired: when,
 * why it was granted, who approved it and where it is written. */
static void expired_line(const report *r, tk_buf *b, const tk_waiver *x) {
    bool ja = r->ja;
    tk_buf_puts(b, x->in_source ? TR(ja, "Suppression expired on ", "抑止の期限切れ（")
                                : TR(ja, "Waiver expired on ", "例外承認の期限切れ（"));
    xml_cstr(b, x->expires, false);
    tk_buf_puts(b, TR(ja, ": ", "）: "));
    xml_cstr(b, x->reason, false);
    tk_buf_puts(b, TR(ja, " (", "（"));
    if (!x->in_source) {
        tk_buf_puts(b, TR(ja, "approved by ", "承認者: "));
        xml_cstr(b, x->approver, false);
        tk_buf_puts(b, TR(ja, ", ", "、"));
    }
    tk_buf_puts(b, TR(ja, "written at ", "記載: "));
    xml_location(b, &x->at);
    tk_buf_puts(b, TR(ja, ")\n", "）\n"));
}

static void failure(const report *r, tk_buf *b, const tk_finding *f, rule_frags *frags) {
    tk_buf tmp[RULE_FRAG_PARTS];
    bool ja = r->ja;
    const tk_buf *parts = rule_frags_get(frags, f->rule);
    if (!parts) {
        for (int p = 0; p < RULE_FRAG_PARTS; p++) tk_buf_init(&tmp[p]);
        failure_frags(&ja, f->rule, tmp);
        parts = tmp;
    }
    tk_buf_puts(b, "      <failure");
    tk_buf_append(b, parts[0].data, parts[0].len);
    tk_buf_printf(b, ">%s %s ", severity_label(f->rule->severity, ja), f->rule->id);
    xml_cstr(b, f->resource.address, false);
    tk_buf_printf(b, "\n%s", TR(ja, "Location: ", "場所: "));
    xml_location(b, &f->location);
    tk_buf_putc(b, '\n');
    for (size_t i = 0; i < f->n_module_calls; i++) {
        tk_buf_puts(b, TR(ja, "Via module call at ", "モジュール呼び出し: "));
        xml_location(b, &f->module_calls[i]);
        tk_buf_putc(b, '\n');
    }
    owner_line(r, b, f->rule);
    if (f->expired) expired_line(r, b, f->expired);
    tk_buf_append(b, parts[1].data, parts[1].len);
    tk_buf_printf(b, "%s%s</failure>\n", TR(ja, "Fingerprint: ", "フィンガープリント: "),
                  f->fingerprint);
    if (parts == tmp)
        for (int p = 0; p < RULE_FRAG_PARTS; p++) tk_buf_free(&tmp[p]);
}

static void skipped_not_evaluated(const report *r, tk_buf *b, const tk_not_evaluated *n) {
    bool ja = r->ja;
    tk_buf_printf(b, "      <skipped message=\"%s",
                  TR(ja, "not evaluated: depends on a value not known before deployment: ",
                     "未評価: デプロイ前には決まらない値に依存: "));
    xml_cstr(b, n->reason, true);
    tk_buf_puts(b, "\">");
    xml_cstr(b, i18n(&n->rule->title, ja), false);
    tk_buf_printf(b, "\n%s", TR(ja, "Location: ", "場所: "));
    xml_location(b, &n->location);
    tk_buf_puts(b, "</skipped>\n");
}

static void skipped_suppressed(const report *r, tk_buf *b, const tk_suppressed *x) {
    bool ja = r->ja;
    tk_buf_printf(b, "      <skipped message=\"%s", TR(ja, "suppressed: ", "抑止: "));
    xml_cstr(b, x->reason, true);
    if (x->expires) {
        tk_buf_puts(b, TR(ja, " (until ", "（"));
        xml_cstr(b, x->expires, true);
        tk_buf_puts(b, TR(ja, ")", " まで）"));
    }
    tk_buf_puts(b, "\">");
    xml_cstr(b, i18n(&x->finding.rule->title, ja), false);
    tk_buf_printf(b, "\n%s", TR(ja, "Location: ", "場所: "));
    xml_location(b, &x->finding.location);
    tk_buf_printf(b, "\n%s", TR(ja, "Suppressed at ", "抑止の指定: "));
    xml_location(b, &x->suppressed_at);
    tk_buf_puts(b, "</skipped>\n");
}

static void skipped_waived(const report *r, tk_buf *b, const tk_waived *x) {
    bool ja = r->ja;
    const tk_waiver *w = x->waiver;
    tk_buf_printf(b, "      <skipped message=\"%s", TR(ja, "waived: ", "例外承認: "));
    xml_cstr(b, w->reason, true);
    tk_buf_puts(b, TR(ja, " (approved by ", "（承認者: "));
    xml_cstr(b, w->approver, true);
    tk_buf_puts(b, TR(ja, ", until ", "、"));
    xml_cstr(b, w->expires, true);
    tk_buf_puts(b, TR(ja, ")", " まで）"));
    tk_buf_puts(b, "\">");
    xml_cstr(b, i18n(&x->finding.rule->title, ja), false);
    tk_buf_printf(b, "\n%s", TR(ja, "Location: ", "場所: "));
    xml_location(b, &x->finding.location);
    tk_buf_printf(b, "\n%s", TR(ja, "Waiver at ", "例外承認の記載: "));
    xml_location(b, &w->at);
    tk_buf_putc(b, '\n');
    owner_line(r, b, x->finding.rule);
    tk_buf_printf(b, "%s%s</skipped>\n", TR(ja, "Fingerprint: ", "フィンガープリント: "),
                  x->finding.fingerprint);
}

/* A finding the baseline holds: known before, so not a failure now. */
static void skipped_baselined(const report *r, tk_buf *b, const tk_finding *f) {
    bool ja = r->ja;
    tk_buf_printf(b, "      <skipped message=\"%s\">",
                  TR(ja, "in the baseline: known before", "ベースラインに記録済みの指摘"));
    xml_cstr(b, i18n(&f->rule->title, ja), false);
    tk_buf_printf(b, "\n%s", TR(ja, "Location: ", "場所: "));
    xml_location(b, &f->location);
    tk_buf_printf(b, "\n%s%s</skipped>\n", TR(ja, "Fingerprint: ", "フィンガープリント: "),
                  f->fingerprint);
}

static void write_case(const report *r, tk_buf *b, const junit_case *c, rule_frags *frags) {
    size_t n;
    testcase_open(b, c);
    switch (c->kind) {
    case CASE_PASSED: tk_buf_puts(b, "/>\n"); return;
    case CASE_FAILED:
        tk_buf_puts(b, ">\n");
        failure(r, b, &tk_scan_findings(r->scan, &n)[c->index], frags);
        break;
    case CASE_NOT_EVALUATED:
        tk_buf_puts(b, ">\n");
        skipped_not_evaluated(r, b, &tk_scan_not_evaluated(r->scan, &n)[c->index]);
        break;
    case CASE_SUPPRESSED:
        tk_buf_puts(b, ">\n");
        skipped_suppressed(r, b, &tk_scan_suppressed(r->scan, &n)[c->index]);
        break;
    case CASE_WAIVED:
        tk_buf_puts(b, ">\n");
        skipped_waived(r, b, &tk_scan_waived(r->scan, &n)[c->index]);
        break;
    case CASE_BASELINED:
        tk_buf_puts(b, ">\n");
        skipped_baselined(r, b, &tk_scan_baselined(r->scan, &n)[c->index]);
        break;
    }
    tk_buf_puts(b, "    </testcase>\n");
}

static void write_error_case(const report *r, tk_buf *b, const tk_diag *d) {
    tk_buf_puts(b, "    <testcase classname=\"input\"");
    xml_attr(b, "name", d->file);
    xml_attr(b, "file", d->file);
    tk_buf_printf(b, " line=\"%u\">\n      <error", d->line);
    xml_attr(b, "message", d->message);
    tk_buf_puts(b, " type=\"input\">");
    tk_buf_puts(b, TR(r->ja, "Input error: ", "入力エラー: "));
    xml_cstr(b, d->file, false);
    tk_buf_printf(b, ":%u:%u: ", d->line, d->column);
    xml_cstr(b, d->message, false);
    tk_buf_puts(b, "</error>\n    </testcase>\n");
}

static void suite_open(tk_buf *b, const char *name, const suite_counts *k) {
    tk_buf_puts(b, "  <testsuite");
    xml_attr(b, "name", name);
    tk_buf_printf(b, " tests=\"%zu\" failures=\"%zu\" errors=\"%zu\" skipped=\"%zu\"", k->tests,
                  k->failures, k->errors, k->skipped);
}

void render_junit(const report *r, tk_buf *b) {
    size_t nf, nn, nsup, np, ni, ne, nw, nb;
    const tk_not_evaluated *ns = tk_scan_not_evaluated(r->scan, &nn);
    const tk_finding *fs = tk_scan_findings(r->scan, &nf);
    const tk_suppressed *sups = tk_scan_suppressed(r->scan, &nsup);
    const tk_passed *ps = tk_scan_passes(r->scan, &np);
    const tk_input_info *ins = tk_scan_inputs(r->scan, &ni);
    const tk_diag *es = tk_scan_errors(r->scan, &ne);
    const tk_waived *ws = tk_scan_waived(r->scan, &nw);
    const tk_finding *bs = tk_scan_baselined(r->scan, &nb);

    size_t n_cases = nf + nn + nsup + np + nw + nb;
    junit_case *cases = malloc((n_cases + 1) * sizeof *cases);
    error_place *errors = malloc((ne + 1) * sizeof *errors);
    input_key *keys = malloc((ni + 1) * sizeof *keys);
    /* Suites: one per input, then one per file with errors that is no input. */
    suite_counts *counts = calloc(ni + ne + 1, sizeof *counts);
    const char **suite_names = calloc(ni + ne + 1, sizeof *suite_names);
    rule_frags *frags = NULL;
    bool ja = r->ja;
    if (!cases || !errors || !keys || !counts || !suite_names) {
        b->oom = true;
        goto done;
    }
    size_t k = 0;
    for (size_t i = 0; i < nf; i++)
        cases[k++] =
            (junit_case){fs[i].rule, &fs[i].resource, &fs[i].location, fs[i].input, CASE_FAILED, i};
    for (size_t i = 0; i < nn; i++)
        cases[k++] = (junit_case){ns[i].rule,  &ns[i].resource,    &ns[i].location,
                                  ns[i].input, CASE_NOT_EVALUATED, i};
    for (size_t i = 0; i < nsup; i++) {
        const tk_finding *f = &sups[i].finding;
        cases[k++] =
            (junit_case){f->rule, &f->resource, &f->location, f->input, CASE_SUPPRESSED, i};
    }
    for (size_t i = 0; i < np; i++)
        cases[k++] =
            (junit_case){ps[i].rule, &ps[i].resource, &ps[i].location, ps[i].input, CASE_PASSED, i};
    for (size_t i = 0; i < nw; i++) {
        const tk_finding *f = &ws[i].finding;
        cases[k++] = (junit_case){f->rule, &f->resource, &f->location, f->input, CASE_WAIVED, i};
    }
    for (size_t i = 0; i < nb; i++)
        cases[k++] =
            (junit_case){bs[i].rule, &bs[i].resource, &bs[i].location, bs[i].input, CASE_BASELINED, i};
    if (n_cases > 1) qsort(cases, n_cases, sizeof *cases, compare_cases);

    size_t n_suites = ni;
    for (size_t i = 0; i < ni; i++) {
        keys[i] = (input_key){ins[i].path, ins[i].family != NULL, i};
        suite_names[i] = ins[i].path;
    }
    if (ni > 1) qsort(keys, ni, sizeof *keys, compare_input_keys);
    input_order order = {keys, ni};
    for (size_t i = 0; i < ne; i++) {
        size_t s = input_of_error(&order, es[i].file, counts);
        if (s == SIZE_MAX) { /* errors of one file come together: they share a suite */
            if (n_suites > ni && !strcmp(suite_names[n_suites - 1], es[i].file))
                s = n_suites - 1;
            else {
                s = n_suites++;
                suite_names[s] = es[i].file;
            }
        }
        errors[i] = (error_place){s, i};
        counts[s].tests++;
        counts[s].errors++;
    }
    if (ne > 1) qsort(errors, ne, sizeof *errors, compare_error_places);
    for (size_t i = 0; i < n_cases; i++) {
        if (cases[i].input >= ni) continue; /* cannot happen: every result has its input */
        suite_counts *c = &counts[cases[i].input];
        c->tests++;
        if (cases[i].kind == CASE_FAILED) c->failures++;
        if (cases[i].kind != CASE_FAILED && cases[i].kind != CASE_PASSED) c->skipped++;
    }
    suite_counts total = {0};
    for (size_t s = 0; s < n_suites; s++) {
        total.tests += counts[s].tests;
        total.failures += counts[s].failures;
        total.errors += counts[s].errors;
        total.skipped += counts[s].skipped;
    }

    tk_buf_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    tk_buf_printf(b,
                  "<testsuites name=\"tenken\" tests=\"%zu\" failures=\"%zu\" errors=\"%zu\" "
                  "skipped=\"%zu\">\n",
                  total.tests, total.failures, total.errors, total.skipped);
    frags = rule_frags_new(failure_frags, &ja);
    size_t next_case = 0, next_error = 0;
    for (size_t s = 0; s < n_suites; s++) {
        suite_open(b, suite_names[s], &counts[s]);
        bool is_input = s < ni;
        bool empty = counts[s].tests == 0 && !(is_input && ins[s].family);
        if (empty) {
            tk_buf_puts(b, "/>\n");
            continue;
        }
        tk_buf_puts(b, ">\n");
        if (is_input && ins[s].family) {
            tk_buf_puts(b, "    <properties>\n      <property name=\"family\"");
            xml_attr(b, "value", ins[s].family);
            tk_buf_puts(b, "/>\n      <property name=\"kind\"");
            xml_attr(b, "value", ins[s].kind);
            tk_buf_printf(b, "/>\n      <property name=\"resources\" value=\"%zu\"/>\n",
                          ins[s].resources);
            if (r->owner_filter) { /* --owner: only that owner's categories were checked */
                tk_buf_puts(b, "      <property name=\"owner\"");
                xml_attr(b, "value", r->owner_filter);
                tk_buf_puts(b, "/>\n");
            }
            tk_buf_puts(b, "    </properties>\n");
        }
        while (next_error < ne && errors[next_error].suite == s)
            write_error_case(r, b, &es[errors[next_error++].index]);
        while (next_case < n_cases && cases[next_case].input < s) next_case++;
        while (is_input && next_case < n_cases && cases[next_case].input == s)
            write_case(r, b, &cases[next_case++], frags);
        tk_buf_puts(b, "  </testsuite>\n");
    }
    tk_buf_puts(b, "</testsuites>\n");

done:
    rule_frags_free(frags);
    free(cases);
    free(errors);
    free(keys);
    free(counts);
    free(suite_names);
}
