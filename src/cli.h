/* What the tool's commands share: language and terminal choices, the report handed to
 * renderers, and rule loading. */
#ifndef TK_CLI_H
#define TK_CLI_H
#include "../include/tenken.h"
#include "../lib/buf.h"
#include "config.h"
#include <stdbool.h>
#include <stdio.h>

/* A size such as 500M: a positive number with an optional K, M or G suffix, at most 2 GiB. */
bool size_parse(const char *s, size_t *out);

/* A --fail-on value: a severity, or "none" (*never set). */
bool fail_on_parse(const char *s, tk_severity *sev, bool *never);

/* ---- language ---- */
/* Japanese when LC_ALL, LC_MESSAGES or LANG (the first one set) starts with "ja". */
bool lang_from_env(void);
/* --lang value: "ja" or "en"; returns false for anything else. */
bool lang_parse(const char *s, bool *ja);
#define TR(ja, en_text, ja_text) ((ja) ? (ja_text) : (en_text))
const char *severity_label(tk_severity s, bool ja); /* HIGH / 高 */
const char *level_label(tk_level l, bool ja);       /* basic / 基本 */
const char *i18n(const tk_i18n *t, bool ja);
/* "CIS Amazon Web Services Foundations Benchmark 3.0.0 2.1.4" */
void cis_label(tk_buf *b, const tk_cis_ref *c);
void reference_label(tk_buf *b, const tk_std_ref *r);

/* ---- terminal ---- */
typedef enum { COLOR_AUTO, COLOR_ALWAYS, COLOR_NEVER } color_mode;
bool color_parse(const char *s, color_mode *m);
/* Whether to colour output written to fd. */
bool color_enabled(color_mode m, int fd);

/* ---- rules ---- */
typedef struct rule_source_opts {
    const char **dirs;
    size_t n_dirs;
    bool no_builtin;
} rule_source_opts;
/* Builds an engine from built-in rules and --rules directories; prints errors. */
tk_engine *load_engine(const rule_source_opts *o);

/* ---- reports ---- */
typedef struct report {
    const tk_engine *engine;
    const tk_scan *scan;
    bool ja;
    bool lang_given; /* --lang was given (the HTML report is Japanese unless it says en) */
    bool color;
    bool verbose;
    bool quiet;
    bool show_not_evaluated;
    tk_severity fail_on;
    bool fail_never;
    size_t rules_active;
    long long generated_at; /* seconds since 1970 (UTC): SOURCE_DATE_EPOCH when set, else now */
    const tenken_config *config; /* responsibility; never NULL in a scan (may be empty) */
    const char *owner_filter;    /* --owner: only that owner's categories were checked */
    const char *waivers_path;    /* the waivers file read, or NULL */
    const char *baseline_path;   /* the baseline compared against, or NULL */
} report;

/* Who is responsible for a guideline category under the configuration, or NULL when it
 * declares neither responsibility nor a service model. */
const category_owner *report_owner(const report *r, const char *category);
/* Whether the configuration declares who is responsible (the reports then show owners). */
bool report_has_owners(const report *r);

/* One renderer per format (render_<format>.c); each writes the whole report to out. */
void render_text(const report *r, tk_buf *out);
struct jw;
struct report_summary;
void render_rule_json(struct jw *w, const tk_rule *r);
/* The "summary" counts of the JSON report, also SARIF's run properties. */
void render_summary_json(struct jw *w, const report *r, const struct report_summary *sum);
/* "baseline": the file, findings it held ("known") and fingerprints gone since. */
void render_baseline_json(struct jw *w, const report *r, const struct report_summary *sum);
void render_json(const report *r, tk_buf *out);
void render_sarif(const report *r, tk_buf *out);
void render_junit(const report *r, tk_buf *out); /* needs the passes (tk_scan_keep_passes) */
void render_csv(const report *r, tk_buf *out);
void render_markdown(const report *r, tk_buf *out);
void render_html(const report *r, tk_buf *out);
/* Exit status for a finished scan: 0, 1 (findings at or above fail_on) or 2 (errors). */
int report_exit_status(const report *r);

int cmd_scan(int argc, char **argv);
int cmd_rules(int argc, char **argv);
int cmd_config(int argc, char **argv);

/* Prints "tenken: message" to stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
