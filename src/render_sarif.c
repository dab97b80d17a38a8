/* SARIF 2.1.0 report (OASIS Static Analysis Results Interchange Format), the format code
 * scanning services such as GitHub code scanning read; see docs/formats.md. One run: the
 * rules the scan evaluated, a result per finding (suppressed findings carry an in-source
 * suppression), input errors and warnings as tool notifications, and the checks not
 * evaluated with the summary counts in the run's property bag. Nothing in it depends on the
 * time or on the directory the tool ran in.
 * With the policy controls: every result names the owner of its guideline category (when the
 * configuration declares who is responsible), findings set aside by a waiver are results with
 * an external suppression, a finding whose waiver or suppression expired is marked, expired
 * and stale waivers are tool notifications, and a scan compared with a baseline marks its
 * results new and counts what the baseline held. */
#include "cli.h"
#include "waivers.h"
#include "jsonw.h"
#include "report_summary.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define SARIF_SCHEMA "https://json.schemastore.org/sarif-2.1.0.json"
/* The base relative paths are resolved against: the directory the scan ran in. */
#define SRCROOT "%SRCROOT%"
#define FINGERPRINT_KEY "tenkenFingerprint/v1"

/* SARIF result level (3.27.10) of a severity. */
static const char *sarif_level(tk_severity s) {
    switch (s) {
    case TK_SEV_CRITICAL:
    case TK_SEV_HIGH: return "error";
    case TK_SEV_MEDIUM: return "warning";
    default: return "note";
    }
}

/* The CVSS-like score GitHub code scanning reads from a rule's "security-severity". */
static const char *security_severity(tk_severity s) {
    switch (s) {
    case TK_SEV_CRITICAL: return "9.5";
    case TK_SEV_HIGH: return "8.0";
    case TK_SEV_MEDIUM: return "5.5";
    case TK_SEV_LOW: return "3.0";
    default: return "0.0";
    }
}

static const char *family_display_name(const char *family) {
    if (!strcmp(family, "terraform")) return "Terraform";
    if (!strcmp(family, "cloudformation")) return "CloudFormation";
    if (!strcmp(family, "kubernetes")) return "Kubernetes";
    return family;
}

/* Info string of a fenced code block holding a remediation example of a family. */
static const char *family_code_language(const char *family) {
    if (!strcmp(family, "terraform")) return "hcl";
    if (!strcmp(family, "cloudformation") || !strcmp(family, "kubernetes")) return "yaml";
    return "";
}

/* ---- URIs ---- */

typedef enum { URI_NONE, URI_RELATIVE, URI_ABSOLUTE, URI_STDIN } uri_kind;

/* Appends path percent-encoded (RFC 3986): unreserved characters and '/' stay, every other
 * byte (including each byte of a non-ASCII character's UTF-8 form) becomes %XX. */
static void percent_encode(tk_buf *b, const char *path) {
    static const char hex[] = "0123456789ABCDEF";
    const char *run = path;
    for (const char *p = path; *p; p++) {
        unsigned char c = (unsigned char)*p;
        bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
        if (keep) continue;
        tk_buf_append(b, run, (size_t)(p - run));
        char esc[3] = {'%', hex[c >> 4], hex[c & 15]};
        tk_buf_append(b, esc, sizeof esc);
        run = p + 1;
    }
    tk_buf_puts(b, run);
}

/* Writes the URI naming a file into b (cleared first): "stdin" for standard input, a
 * file:// URI for an absolute path, otherwise a relative reference (without a leading
 * "./") to be resolved against %SRCROOT%. */
static uri_kind file_uri(tk_buf *b, const char *path) {
    tk_buf_clear(b);
    if (!path || !*path) return URI_NONE;
    if (!strcmp(path, "-")) {
        tk_buf_puts(b, "stdin");
        return URI_STDIN;
    }
    if (path[0] == '/') {
        tk_buf_puts(b, "file://");
        percent_encode(b, path);
        return URI_ABSOLUTE;
    }
    const char *rel = path;
    while (rel[0] == '.' && rel[1] == '/') {
        rel += 2;
        while (*rel == '/') rel++;
    }
    if (!*rel) rel = ".";
    percent_encode(b, rel);
    return URI_RELATIVE;
}

/* ---- locations ---- */

/* A physicalLocation: the file and, when known, the line and column (code points from 1). */
static void physical_location(jw *w, tk_buf *tmp, const char *file, unsigned line,
                              unsigned column) {
    JW_KEY(w, "physicalLocation");
    jw_obj(w);
    JW_KEY(w, "artifactLocation");
    jw_obj(w);
    uri_kind kind = file_uri(tmp, file);
    JW_KEY(w, "uri");
    jw_strn(w, tmp->data ? tmp->data : "", tmp->len);
    if (kind == URI_RELATIVE) {
        JW_KEY(w, "uriBaseId");
        jw_str(w, SRCROOT);
    }
    jw_end_obj(w);
    if (line > 0) {
        JW_KEY(w, "region");
        jw_obj(w);
        JW_KEY(w, "startLine");
        jw_uint(w, line);
        if (column > 0) {
            JW_KEY(w, "startColumn");
            jw_uint(w, column);
        }
        jw_end_obj(w);
    }
    jw_end_obj(w);
}

static bool has_file(const char *file) {
    return file && *file;
}

/* Strings the scan may leave unset, written as empty strings (SARIF wants strings). */
static const char *or_empty(const char *s) {
    return s ? s : "";
}

/* A location object holding only a physicalLocation; nothing when the file is unknown. */
static void location_obj(jw *w, tk_buf *tmp, const tk_location *l) {
    jw_obj(w);
    if (has_file(l->file)) physical_location(w, tmp, l->file, l->line, l->column);
    jw_end_obj(w);
}

/* ---- rules ---- */

/* Appends text with the characters Markdown gives a meaning to escaped, so rule texts show
 * as written; a line must not start a list, heading or quote either. */
static void markdown_text(tk_buf *b, const char *text) {
    bool line_start = true;
    for (const char *p = text; *p; p++) {
        char c = *p;
        if (c == '\n') {
            tk_buf_putc(b, c);
            line_start = true;
            continue;
        }
        bool escape = strchr("\\`*_[]<>#|~&$", c) != NULL;
        if (line_start && c != ' ') {
            if (c == '-' || c == '+' || c == '=') escape = true;
            /* "1." or "1)" at the start of a line begins an ordered list */
            const char *d = p;
            while (*d >= '0' && *d <= '9') d++;
            if (d > p && (*d == '.' || *d == ')')) {
                tk_buf_append(b, p, (size_t)(d - p));
                tk_buf_putc(b, '\\');
                p = d;
                c = *d;
                escape = false;
            }
            line_start = false;
        }
        if (escape) tk_buf_putc(b, '\\');
        tk_buf_putc(b, c);
    }
}

/* A fenced code block longer than any run of backticks inside the code. */
static void markdown_code_block(tk_buf *b, const char *language, const char *code) {
    size_t longest = 0, run = 0;
    for (const char *p = code; *p; p++) {
        run = *p == '`' ? run + 1 : 0;
        if (run > longest) longest = run;
    }
    size_t fence = longest >= 3 ? longest + 1 : 3;
    for (size_t i = 0; i < fence; i++) tk_buf_putc(b, '`');
    tk_buf_printf(b, "%s\n%s", language, code);
    size_t len = strlen(code);
    if (len == 0 || code[len - 1] != '\n') tk_buf_putc(b, '\n');
    for (size_t i = 0; i < fence; i++) tk_buf_putc(b, '`');
}

/* "Category 3 <title> · Ⅲ.3.1.1 · basic · CIS ..." */
static void classification(tk_buf *b, const tk_rule *rule, bool ja, bool markdown) {
    tk_buf tmp;
    tk_buf_init(&tmp);
    const char *title = tk_category_title(rule->category, ja);
    tk_buf_printf(&tmp, "%s %s %s", TR(ja, "Category", "類型"), rule->category, title ? title : "");
    for (size_t i = 0; i < rule->n_guideline; i++) tk_buf_printf(&tmp, " · %s", rule->guideline[i]);
    tk_buf_printf(&tmp, " · %s", level_label(rule->level, ja));
    for (size_t i = 0; i < rule->n_cis; i++) {
        tk_buf_puts(&tmp, " · ");
        cis_label(&tmp, &rule->cis[i]);
    }
    for (size_t i = 0; i < rule->n_references; i++) {
        tk_buf_puts(&tmp, " · ");
        reference_label(&tmp, &rule->references[i]);
    }
    if (tmp.oom) b->oom = true;
    if (markdown)
        markdown_text(b, tk_buf_cstr(&tmp));
    else
        tk_buf_puts(b, tk_buf_cstr(&tmp));
    tk_buf_free(&tmp);
}

/* The rule's help: why it matters, the risk, the fix and the remediation examples, as
 * plain text or as Markdown. */
static void rule_help(tk_buf *b, const tk_rule *rule, bool ja, bool markdown) {
    const struct {
        const char *label;
        const tk_i18n *text;
    } parts[] = {
        {TR(ja, "Why it matters", "背景"), &rule->rationale},
        {TR(ja, "Risk", "リスク"), &rule->risk},
        {TR(ja, "How to fix", "対処"), &rule->remediation},
    };
    for (size_t i = 0; i < sizeof parts / sizeof *parts; i++) {
        if (i) tk_buf_puts(b, "\n\n");
        if (markdown) {
            tk_buf_printf(b, "**%s**\n\n", parts[i].label);
            markdown_text(b, i18n(parts[i].text, ja));
        } else {
            tk_buf_printf(b, "%s: %s", parts[i].label, i18n(parts[i].text, ja));
        }
    }
    for (size_t i = 0; i < rule->n_examples; i++) {
        const char *family = family_display_name(rule->examples[i].family);
        const char *label = TR(ja, "Example", "対処例");
        if (markdown) {
            tk_buf_printf(b, "\n\n**%s (%s)**\n\n", label, family);
            markdown_code_block(b, family_code_language(rule->examples[i].family),
                                rule->examples[i].text);
        } else {
            const char *code = rule->examples[i].text;
            size_t len = strlen(code);
            while (len && code[len - 1] == '\n') len--;
            tk_buf_printf(b, "\n\n%s (%s):\n", label, family);
            tk_buf_append(b, code, len);
        }
    }
    tk_buf_puts(b, "\n\n");
    classification(b, rule, ja, markdown);
    tk_buf_putc(b, '\n');
}

static void json_string_array(jw *w, const char *const *items, size_t n) {
    jw_arr(w);
    for (size_t i = 0; i < n; i++) jw_str(w, items[i]);
    jw_end_arr(w);
}

static void cis_list(jw *w, tk_buf *tmp, const tk_rule *rule) {
    jw_arr(w);
    for (size_t i = 0; i < rule->n_cis; i++) {
        tk_buf_clear(tmp);
        cis_label(tmp, &rule->cis[i]);
        jw_strn(w, tmp->data ? tmp->data : "", tmp->len);
    }
    jw_end_arr(w);
}

static void reference_list(jw *w, tk_buf *tmp, const tk_rule *rule) {
    jw_arr(w);
    for (size_t i = 0; i < rule->n_references; i++) {
        tk_buf_clear(tmp);
        reference_label(tmp, &rule->references[i]);
        jw_strn(w, tmp->data ? tmp->data : "", tmp->len);
    }
    jw_end_arr(w);
}

static void text_obj(jw *w, const char *text) {
    jw_obj(w);
    JW_KEY(w, "text");
    jw_str(w, text);
    jw_end_obj(w);
}

/* A reportingDescriptor (3.49) for a rule. */
static void rule_descriptor(jw *w, tk_buf *tmp, const tk_rule *rule, bool ja) {
    jw_obj(w);
    JW_KEY(w, "id");
    jw_str(w, rule->id);
    /* No "name": SARIF wants it to differ from the id, and a rule has no other short name. */
    JW_KEY(w, "shortDescription");
    text_obj(w, i18n(&rule->title, ja));
    JW_KEY(w, "fullDescription");
    text_obj(w, i18n(&rule->rationale, ja));
    JW_KEY(w, "help");
    jw_obj(w);
    JW_KEY(w, "text");
    tk_buf_clear(tmp);
    rule_help(tmp, rule, ja, false);
    jw_strn(w, tmp->data ? tmp->data : "", tmp->len);
    JW_KEY(w, "markdown");
    tk_buf_clear(tmp);
    rule_help(tmp, rule, ja, true);
    jw_strn(w, tmp->data ? tmp->data : "", tmp->len);
    jw_end_obj(w);
    JW_KEY(w, "defaultConfiguration");
    jw_obj(w);
    JW_KEY(w, "level");
    jw_str(w, sarif_level(rule->severity));
    jw_end_obj(w);
    JW_KEY(w, "properties");
    jw_obj(w);
    JW_KEY(w, "tags");
    jw_arr(w);
    jw_str(w, "security");
    tk_buf_clear(tmp);
    tk_buf_printf(tmp, "guideline-category-%s", rule->category);
    jw_strn(w, tmp->data ? tmp->data : "", tmp->len);
    jw_str(w, tk_level_name(rule->level));
    if (rule->provider && *rule->provider) jw_str(w, rule->provider);
    jw_end_arr(w);
    JW_KEY(w, "security-severity");
    jw_str(w, security_severity(rule->severity));
    JW_KEY(w, "precision");
    jw_str(w, "high");
    JW_KEY(w, "severity");
    jw_str(w, tk_severity_name(rule->severity));
    JW_KEY(w, "category");
    jw_str(w, rule->category);
    const char *category_title = tk_category_title(rule->category, ja);
    if (category_title) {
        JW_KEY(w, "categoryTitle");
        jw_str(w, category_title);
    }
    JW_KEY(w, "guideline");
    json_string_array(w, rule->guideline, rule->n_guideline);
    JW_KEY(w, "level");
    jw_str(w, tk_level_name(rule->level));
    JW_KEY(w, "cis");
    cis_list(w, tmp, rule);
    if (rule->n_references) {
        JW_KEY(w, "references");
        reference_list(w, tmp, rule);
    }
    jw_end_obj(w);
    jw_end_obj(w);
}

/* ---- rule indices ---- */

/* Maps a rule to its index in runs[0].tool.driver.rules. */
/* Where each engine rule stands in tool.driver.rules (SIZE_MAX: not listed). */
typedef struct rule_index {
    size_t *sarif_of; /* per engine rule */
    const tk_engine *engine;
} rule_index;

/* The rules the scan evaluated: checked at least once, or with a finding, a suppressed or
 * waived finding or a check not evaluated. */
static bool rule_was_evaluated(const tk_rule_stats *st) {
    return st->checks > 0 || st->findings > 0 || st->suppressed > 0 || st->waived > 0 ||
           st->not_evaluated > 0;
}

static bool rule_index_build(rule_index *ix, const report *r, const report_summary *sum) {
    ix->engine = r->engine;
    ix->sarif_of = malloc((sum->n_rules + 1) * sizeof *ix->sarif_of);
    if (!ix->sarif_of) return false;
    size_t n = 0;
    for (size_t i = 0; i < sum->n_rules; i++)
        ix->sarif_of[i] = rule_was_evaluated(&sum->rules[i]) ? n++ : SIZE_MAX;
    return true;
}

/* The rule's index, or SIZE_MAX when the rule is not listed. */
static size_t rule_index_of(const rule_index *ix, const tk_rule *rule) {
    size_t i = tk_engine_rule_index(ix->engine, rule->id);
    return i == SIZE_MAX ? SIZE_MAX : ix->sarif_of[i];
}

/* ---- results ---- */

typedef struct sarif_ctx {
    const report *r;
    jw *w;
    tk_buf *tmp;
    rule_index ix;
} sarif_ctx;

/* {"role": ..., "name": ...} with the fields the owner has. */
static void owner_obj(jw *w, const category_owner *o) {
    jw_obj(w);
    if (o->role) {
        JW_KEY(w, "role");
        jw_str(w, o->role);
    }
    if (o->name) {
        JW_KEY(w, "name");
        jw_str(w, o->name);
    }
    jw_end_obj(w);
}

/* The owner of a finding's category, when the configuration declares who is responsible. */
static const category_owner *finding_owner(const report *r, const tk_finding *f) {
    return report_has_owners(r) ? report_owner(r, f->rule->category) : NULL;
}

/* The waiver or suppression that covered a finding until it expired: kind, reason, who
 * approved it, its dates and where it is written. */
static void expired_exemption_obj(sarif_ctx *c, const tk_waiver *x) {
    jw *w = c->w;
    jw_obj(w);
    JW_KEY(w, "kind");
    jw_str(w, x->in_source ? "suppression" : "waiver");
    JW_KEY(w, "reason");
    jw_str(w, or_empty(x->reason));
    if (x->approver) {
        JW_KEY(w, "approver");
        jw_str(w, x->approver);
    }
    if (x->created) {
        JW_KEY(w, "created");
        jw_str(w, x->created);
    }
    JW_KEY(w, "expires");
    jw_str(w, or_empty(x->expires));
    if (has_file(x->at.file)) {
        JW_KEY(w, "location");
        location_obj(w, c->tmp, &x->at);
    }
    jw_end_obj(w);
}

/* Appends to a result's message that the exemption covering the finding has expired. */
static void expired_note(tk_buf *b, const tk_waiver *x, bool ja) {
    const char *expires = or_empty(x->expires), *reason = or_empty(x->reason);
    if (x->in_source)
        tk_buf_printf(b, TR(ja, " (suppression expired on %s: %s)", "（抑止の期限切れ（%s）: %s）"),
                      expires, reason);
    else
        tk_buf_printf(b,
                      TR(ja, " (waiver expired on %s: %s, approved by %s)",
                         "（例外承認の期限切れ（%s）: %s、承認者: %s）"),
                      expires, reason, or_empty(x->approver));
}

/* An external suppression (3.35) for a finding a waiver in the waivers file set aside. */
static void waiver_suppression(sarif_ctx *c, const tk_waiver *x) {
    jw *w = c->w;
    jw_obj(w);
    JW_KEY(w, "kind");
    jw_str(w, "external");
    JW_KEY(w, "status");
    jw_str(w, "accepted");
    JW_KEY(w, "justification");
    jw_str(w, or_empty(x->reason));
    if (has_file(x->at.file)) {
        JW_KEY(w, "location");
        location_obj(w, c->tmp, &x->at);
    }
    JW_KEY(w, "properties");
    jw_obj(w);
    JW_KEY(w, "approver");
    jw_str(w, or_empty(x->approver));
    JW_KEY(w, "created");
    jw_str(w, or_empty(x->created));
    JW_KEY(w, "expires");
    jw_str(w, or_empty(x->expires));
    jw_end_obj(w);
    jw_end_obj(w);
}

/* A result (3.27) for a finding; suppression is NULL unless it was suppressed in the input,
 * waiver NULL unless a waiver set it aside. */
static void result_obj(sarif_ctx *c, const tk_finding *f, const tk_suppressed *suppression,
                       const tk_waiver *waiver) {
    jw *w = c->w;
    bool ja = c->r->ja;
    const tk_rule *rule = f->rule;
    jw_obj(w);
    JW_KEY(w, "ruleId");
    jw_str(w, rule->id);
    size_t index = rule_index_of(&c->ix, rule);
    if (index != SIZE_MAX) {
        JW_KEY(w, "ruleIndex");
        jw_uint(w, index);
    }
    JW_KEY(w, "level");
    jw_str(w, sarif_level(rule->severity));
    JW_KEY(w, "kind");
    jw_str(w, "fail");
    JW_KEY(w, "message");
    tk_buf_clear(c->tmp);
    tk_buf_printf(c->tmp, "%s: %s", i18n(&rule->title, ja), or_empty(f->resource.address));
    if (f->expired) expired_note(c->tmp, f->expired, ja);
    jw_obj(w);
    JW_KEY(w, "text");
    jw_strn(w, c->tmp->data ? c->tmp->data : "", c->tmp->len);
    jw_end_obj(w);

    JW_KEY(w, "locations");
    jw_arr(w);
    jw_obj(w);
    if (has_file(f->location.file)) {
        physical_location(w, c->tmp, f->location.file, f->location.line, f->location.column);
    } else { /* every result points somewhere: at least at its input */
        size_t n_inputs;
        const tk_input_info *inputs = tk_scan_inputs(c->r->scan, &n_inputs);
        if (f->input < n_inputs && has_file(inputs[f->input].path))
            physical_location(w, c->tmp, inputs[f->input].path, 1, 1);
    }
    JW_KEY(w, "logicalLocations");
    jw_arr(w);
    jw_obj(w);
    JW_KEY(w, "fullyQualifiedName");
    jw_str(w, or_empty(f->resource.address));
    JW_KEY(w, "kind");
    jw_str(w, "resource");
    jw_end_obj(w);
    jw_end_arr(w);
    jw_end_obj(w);
    jw_end_arr(w);

    if (f->n_module_calls) {
        JW_KEY(w, "relatedLocations");
        jw_arr(w);
        for (size_t i = 0; i < f->n_module_calls; i++) {
            const tk_location *call = &f->module_calls[i];
            jw_obj(w);
            JW_KEY(w, "id");
            jw_uint(w, i + 1);
            if (has_file(call->file))
                physical_location(w, c->tmp, call->file, call->line, call->column);
            JW_KEY(w, "message");
            text_obj(w, TR(ja, "module call", "モジュール呼び出し"));
            jw_end_obj(w);
        }
        jw_end_arr(w);
    }

    JW_KEY(w, "partialFingerprints");
    jw_obj(w);
    JW_KEY(w, FINGERPRINT_KEY);
    jw_str(w, f->fingerprint);
    jw_end_obj(w);

    if (suppression) {
        JW_KEY(w, "suppressions");
        jw_arr(w);
        jw_obj(w);
        JW_KEY(w, "kind");
        jw_str(w, "inSource");
        JW_KEY(w, "status");
        jw_str(w, "accepted");
        JW_KEY(w, "justification");
        jw_str(w, or_empty(suppression->reason));
        if (has_file(suppression->suppressed_at.file)) {
            JW_KEY(w, "location");
            location_obj(w, c->tmp, &suppression->suppressed_at);
        }
        if (suppression->expires) {
            JW_KEY(w, "properties");
            jw_obj(w);
            JW_KEY(w, "expires");
            jw_str(w, suppression->expires);
            jw_end_obj(w);
        }
        jw_end_obj(w);
        jw_end_arr(w);
    } else if (waiver) {
        JW_KEY(w, "suppressions");
        jw_arr(w);
        waiver_suppression(c, waiver);
        jw_end_arr(w);
    } else if (c->r->baseline_path) {
        /* Only reported findings are compared with the baseline: what it holds is left out,
         * so every one of them is new. */
        JW_KEY(w, "baselineState");
        jw_str(w, "new");
    }

    JW_KEY(w, "properties");
    jw_obj(w);
    JW_KEY(w, "category");
    jw_str(w, rule->category);
    JW_KEY(w, "guideline");
    json_string_array(w, rule->guideline, rule->n_guideline);
    JW_KEY(w, "severity");
    jw_str(w, tk_severity_name(rule->severity));
    JW_KEY(w, "level");
    jw_str(w, tk_level_name(rule->level));
    JW_KEY(w, "resourceType");
    jw_str(w, or_empty(f->resource.type));
    JW_KEY(w, "family");
    jw_str(w, or_empty(f->resource.family));
    const category_owner *owner = finding_owner(c->r, f);
    if (owner) {
        JW_KEY(w, "owner");
        owner_obj(w, owner);
    }
    if (f->expired) {
        JW_KEY(w, "expiredExemption");
        expired_exemption_obj(c, f->expired);
    }
    jw_end_obj(w);
    jw_end_obj(w);
}

/* ---- the run ---- */

static void driver_obj(sarif_ctx *c, const report_summary *sum) {
    jw *w = c->w;
    const report *r = c->r;
    JW_KEY(w, "driver");
    jw_obj(w);
    JW_KEY(w, "name");
    jw_str(w, "tenken");
    JW_KEY(w, "version");
    jw_str(w, TENKEN_VERSION);
    JW_KEY(w, "semanticVersion");
    jw_str(w, TENKEN_VERSION);
    JW_KEY(w, "language");
    jw_str(w, r->ja ? "ja-JP" : "en-US");
    JW_KEY(w, "rules");
    jw_arr(w);
    for (size_t i = 0; i < sum->n_rules; i++)
        if (rule_was_evaluated(&sum->rules[i]))
            rule_descriptor(w, c->tmp, tk_engine_rule(r->engine, i), r->ja);
    jw_end_arr(w);
    JW_KEY(w, "properties");
    jw_obj(w);
    JW_KEY(w, "rulesVersion");
    jw_str(w, tk_engine_rules_version(r->engine));
    jw_end_obj(w);
    jw_end_obj(w);
}

/* A warning notification about a waiver in the waivers file: expired or matching nothing. */
static void waiver_notification(sarif_ctx *c, const tk_waiver_status *st) {
    jw *w = c->w;
    const tk_waiver *x = &st->waiver;
    tk_buf_clear(c->tmp);
    waiver_attention(c->tmp, st, c->r->ja);
    jw_obj(w);
    JW_KEY(w, "level");
    jw_str(w, "warning");
    JW_KEY(w, "message");
    jw_obj(w);
    JW_KEY(w, "text");
    jw_strn(w, c->tmp->data ? c->tmp->data : "", c->tmp->len);
    jw_end_obj(w);
    if (has_file(x->at.file)) {
        JW_KEY(w, "locations");
        jw_arr(w);
        location_obj(w, c->tmp, &x->at);
        jw_end_arr(w);
    }
    JW_KEY(w, "properties");
    jw_obj(w);
    JW_KEY(w, "waiverStatus");
    jw_str(w, st->expired ? "expired" : "stale");
    JW_KEY(w, "ruleId");
    jw_str(w, x->rule);
    JW_KEY(w, "resource");
    jw_str(w, x->resource);
    JW_KEY(w, "reason");
    jw_str(w, or_empty(x->reason));
    JW_KEY(w, "approver");
    jw_str(w, or_empty(x->approver));
    JW_KEY(w, "expires");
    jw_str(w, or_empty(x->expires));
    jw_end_obj(w);
    jw_end_obj(w);
}

/* Input errors and warnings as toolExecutionNotifications (3.58), then a warning per waiver
 * that expired or matches nothing. */
static void notifications(sarif_ctx *c) {
    jw *w = c->w;
    size_t n_errors, n_warnings;
    const tk_diag *errors = tk_scan_errors(c->r->scan, &n_errors);
    const tk_diag *warnings = tk_scan_warnings(c->r->scan, &n_warnings);
    JW_KEY(w, "toolExecutionNotifications");
    jw_arr(w);
    for (int list = 0; list < 2; list++) {
        const tk_diag *ds = list ? warnings : errors;
        size_t n = list ? n_warnings : n_errors;
        for (size_t i = 0; i < n; i++) {
            jw_obj(w);
            JW_KEY(w, "level");
            jw_str(w, list ? "warning" : "error");
            JW_KEY(w, "message");
            text_obj(w, ds[i].message);
            if (ds[i].file[0]) {
                JW_KEY(w, "locations");
                jw_arr(w);
                jw_obj(w);
                physical_location(w, c->tmp, ds[i].file, ds[i].line, ds[i].column);
                jw_end_obj(w);
                jw_end_arr(w);
            }
            jw_end_obj(w);
        }
    }
    size_t n_waivers;
    const tk_waiver_status *ws = tk_scan_waivers(c->r->scan, &n_waivers);
    for (size_t i = 0; i < n_waivers; i++)
        if (ws[i].expired || ws[i].stale) waiver_notification(c, &ws[i]);
    jw_end_arr(w);
}

static void invocation(sarif_ctx *c) {
    jw *w = c->w;
    size_t n_errors;
    tk_scan_errors(c->r->scan, &n_errors);
    JW_KEY(w, "invocations");
    jw_arr(w);
    jw_obj(w);
    JW_KEY(w, "executionSuccessful");
    jw_bool(w, n_errors == 0);
    JW_KEY(w, "exitCode");
    jw_uint(w, (unsigned long long)report_exit_status(c->r));
    notifications(c);
    jw_end_obj(w);
    jw_end_arr(w);
}

static void not_evaluated_list(sarif_ctx *c) {
    jw *w = c->w;
    size_t n;
    const tk_not_evaluated *ns = tk_scan_not_evaluated(c->r->scan, &n);
    JW_KEY(w, "notEvaluated");
    jw_arr(w);
    for (size_t i = 0; i < n; i++) {
        jw_obj(w);
        JW_KEY(w, "ruleId");
        jw_str(w, ns[i].rule->id);
        JW_KEY(w, "address");
        jw_str(w, or_empty(ns[i].resource.address));
        JW_KEY(w, "resourceType");
        jw_str(w, or_empty(ns[i].resource.type));
        JW_KEY(w, "family");
        jw_str(w, or_empty(ns[i].resource.family));
        JW_KEY(w, "reason");
        jw_str(w, or_empty(ns[i].reason));
        JW_KEY(w, "location");
        location_obj(w, c->tmp, &ns[i].location);
        jw_end_obj(w);
    }
    jw_end_arr(w);
}

/* The waivers file read and what became of its waivers. */
static void waivers_obj(sarif_ctx *c, const report_summary *sum) {
    jw *w = c->w;
    JW_KEY(w, "waivers");
    jw_obj(w);
    JW_KEY(w, "file");
    jw_str(w, c->r->waivers_path);
    JW_KEY(w, "count");
    jw_uint(w, sum->waivers);
    JW_KEY(w, "expired");
    jw_uint(w, sum->waivers_expired);
    JW_KEY(w, "stale");
    jw_uint(w, sum->waivers_stale);
    JW_KEY(w, "waivedFindings");
    jw_uint(w, sum->waived);
    jw_end_obj(w);
}

void render_sarif(const report *r, tk_buf *out) {
    report_summary sum;
    report_summarize(r, &sum);
    tk_buf tmp;
    tk_buf_init(&tmp);
    sarif_ctx c = {.r = r, .tmp = &tmp};
    if (!sum.rules || !rule_index_build(&c.ix, r, &sum)) {
        out->oom = true; /* reported by the caller */
        report_summary_free(&sum);
        return;
    }
    jw w;
    jw_init(&w, out, true);
    c.w = &w;

    jw_obj(&w);
    JW_KEY(&w, "$schema");
    jw_str(&w, SARIF_SCHEMA);
    JW_KEY(&w, "version");
    jw_str(&w, "2.1.0");
    JW_KEY(&w, "runs");
    jw_arr(&w);
    jw_obj(&w);

    JW_KEY(&w, "tool");
    jw_obj(&w);
    driver_obj(&c, &sum);
    jw_end_obj(&w);

    invocation(&c);

    JW_KEY(&w, "originalUriBaseIds");
    jw_obj(&w);
    JW_KEY(&w, SRCROOT);
    jw_obj(&w);
    JW_KEY(&w, "description");
    text_obj(&w, TR(r->ja,
                    "The directory the scan was run from; relative paths are resolved "
                    "against it.",
                    "スキャンを実行したディレクトリ。相対パスはここを基準にします。"));
    jw_end_obj(&w);
    jw_end_obj(&w);

    JW_KEY(&w, "results");
    jw_arr(&w);
    size_t nf, nsup;
    const tk_finding *fs = tk_scan_findings(r->scan, &nf);
    for (size_t i = 0; i < nf; i++) result_obj(&c, &fs[i], NULL, NULL);
    const tk_suppressed *sups = tk_scan_suppressed(r->scan, &nsup);
    for (size_t i = 0; i < nsup; i++) result_obj(&c, &sups[i].finding, &sups[i], NULL);
    size_t nwaived;
    const tk_waived *waived = tk_scan_waived(r->scan, &nwaived);
    for (size_t i = 0; i < nwaived; i++) result_obj(&c, &waived[i].finding, NULL, waived[i].waiver);
    jw_end_arr(&w);

    JW_KEY(&w, "columnKind");
    jw_str(&w, "unicodeCodePoints");

    JW_KEY(&w, "properties");
    jw_obj(&w);
    not_evaluated_list(&c);
    JW_KEY(c.w, "summary");
    render_summary_json(c.w, r, &sum);
    if (r->owner_filter) {
        JW_KEY(&w, "ownerFilter");
        jw_str(&w, r->owner_filter);
    }
    if (r->waivers_path) waivers_obj(&c, &sum);
    if (r->baseline_path) {
        JW_KEY(c.w, "baseline");
        render_baseline_json(c.w, r, &sum);
    }
    jw_end_obj(&w);

    jw_end_obj(&w);
    jw_end_arr(&w);
    jw_end_obj(&w);
    tk_buf_putc(out, '\n');
    if (tmp.oom) out->oom = true;

    tk_buf_free(&tmp);
    free(c.ix.sarif_of);
    report_summary_free(&sum);
}
