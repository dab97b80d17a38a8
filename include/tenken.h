/* tenken — cloud configuration checks mapped to the MIC settings guideline.
 *
 * The library's public interface. An engine holds compiled rules; a scan feeds inputs
 * (bytes, not files: the caller owns I/O) through the adapters and the rules, and keeps
 * findings, "not evaluated" results and input errors. Nothing here touches the network,
 * the terminal or the file system, and there is no global state: engines and scans may be
 * used from different threads as long as each object is used by one thread at a time
 * (an engine may be shared by scans once its rules are loaded). */
#ifndef TENKEN_H
#define TENKEN_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define TENKEN_VERSION "0.1.0"

typedef enum {
    TK_SEV_INFO = 0,
    TK_SEV_LOW = 1,
    TK_SEV_MEDIUM = 2,
    TK_SEV_HIGH = 3,
    TK_SEV_CRITICAL = 4,
} tk_severity;

typedef enum { TK_LEVEL_BASIC = 0, TK_LEVEL_RECOMMENDED = 1 } tk_level;

/* A text in both languages. */
typedef struct tk_i18n {
    const char *ja, *en;
} tk_i18n;

typedef struct tk_cis_ref {
    const char *benchmark, *version, *control;
} tk_cis_ref;

/* A control of another standard (e.g. the Pod Security Standards). */
typedef struct tk_std_ref {
    const char *standard, *control;
} tk_std_ref;

/* Where a diagnostic points. Columns count characters (code points), from 1. */
typedef struct tk_diag {
    char file[512];
    unsigned line, column;
    char message[256];
} tk_diag;

/* One family/resource-type condition of a rule. */
typedef struct tk_rule_match {
    const char *family;       /* "terraform", "cloudformation" or "kubernetes" */
    const char *const *types; /* resource types; none for scope-level rules */
    size_t n_types;
    const char *where_src;               /* optional applicability condition (source text) */
    const char *assert_src;              /* what a compliant resource satisfies (source text) */
    struct tk_prog *where, *assert_cond; /* compiled */
} tk_rule_match;

typedef struct tk_rule {
    const char *id;       /* stable, e.g. TK-AWS-S3-001 */
    const char *provider; /* aws, ... */
    const char *category; /* 図表Ⅲ.3.1-1: "1" "2" "3" "4.1" "4.2" "5" "6.1" "6.2" "6.3" "6.4" "7" */
    const char *const *guideline; /* measure IDs, e.g. "Ⅲ.3.1.1" */
    size_t n_guideline;
    const tk_cis_ref *cis;
    size_t n_cis;
    const tk_std_ref *references; /* other standards */
    size_t n_references;
    tk_severity severity;
    tk_level level;
    bool scope; /* evaluated once per input (absence checks) */
    tk_i18n title, rationale, risk, remediation;
    const struct tk_rule_example {
        const char *family; /* input family the example is written for */
        const char *text;
    } * examples; /* optional remediation examples, one per family at most */
    size_t n_examples;
    const tk_rule_match *matches;
    size_t n_matches;
    const char *source; /* file it was loaded from */
} tk_rule;

typedef struct tk_limits {
    size_t max_input_bytes; /* default 1 GiB; inputs larger than this are refused */
    size_t max_depth;       /* nesting of JSON/YAML values, default 256 */
    size_t max_alias_nodes; /* YAML alias expansion budget, default 100000 nodes */
    size_t max_json_string; /* json() on attribute strings, default 8 MiB */
} tk_limits;

void tk_limits_default(tk_limits *l);

/* ---- engine ---- */

typedef struct tk_engine tk_engine;

tk_engine *tk_engine_new(void);
void tk_engine_free(tk_engine *e);
/* Loads one rule file's text. On error returns false and fills *diag. */
bool tk_engine_load_rule(tk_engine *e, const char *path, const char *text, size_t len,
                         tk_diag *diag);
/* Loads the rules (and provider facts) compiled into the library. */
bool tk_engine_load_builtin(tk_engine *e, tk_diag *diag);
/* Loads a provider facts file (JSON, see docs/rules.md) used when evaluating Terraform
 * source. */
bool tk_engine_load_facts(tk_engine *e, const char *path, const char *text, size_t len,
                          tk_diag *diag);
size_t tk_engine_rule_count(const tk_engine *e);
const tk_rule *tk_engine_rule(const tk_engine *e, size_t i); /* sorted by ID */
const tk_rule *tk_engine_find_rule(const tk_engine *e, const char *id);
/* The position of the rule with this ID in tk_engine_rule order, or SIZE_MAX. */
size_t tk_engine_rule_index(const tk_engine *e, const char *id);
const char *tk_engine_rules_version(const tk_engine *e); /* digest of the loaded rule texts */
/* The rule's remediation example for an input family, or NULL. */
const char *tk_rule_example_for(const tk_rule *r, const char *family);

/* ---- results ---- */

typedef struct tk_resource_ref {
    const char *family, *type, *address;
} tk_resource_ref;

typedef struct tk_location {
    const char *file;
    unsigned line, column;
} tk_location;

/* An accepted finding, for a time. A waiver comes from a waivers file (every field set); a
 * suppression written in the input is described the same way, with in_source set, the
 * resource's address as the pattern and no approver or creation date. */
typedef struct tk_waiver {
    const char *rule;     /* rule ID */
    const char *resource; /* pattern on the resource address: '*' any characters, '?' one */
    const char *path;     /* pattern on the input's path (same syntax), or NULL for any */
    const char *reason;
    const char *approver;
    const char *created; /* "YYYY-MM-DD" */
    const char *expires; /* "YYYY-MM-DD": the last day it applies; NULL: no end */
    tk_location at;      /* where it is written */
    bool in_source;
} tk_waiver;

typedef struct tk_finding {
    const tk_rule *rule;
    tk_resource_ref resource;
    tk_location location;
    const tk_location *module_calls; /* Terraform source: the module calls leading to the
                                        resource, outermost first */
    size_t n_module_calls;
    char fingerprint[17]; /* 16 hex digits; stable when lines move or files are reordered */
    uint32_t input;
    /* A waiver or suppression that covered this finding until its expiry date passed, so
     * the finding is reported again; NULL otherwise. */
    const tk_waiver *expired;
} tk_finding;

typedef struct tk_not_evaluated {
    const tk_rule *rule;
    tk_resource_ref resource;
    tk_location location;
    const tk_location *module_calls;
    size_t n_module_calls;
    const char *reason; /* the unknown value the rule depended on */
    uint32_t input;
} tk_not_evaluated;

/* A finding an inline suppression in the source set aside; kept so reports can list it. */
typedef struct tk_suppressed {
    tk_finding finding;
    const char *reason;
    const char *expires;       /* "YYYY-MM-DD", or NULL when it does not expire */
    tk_location suppressed_at; /* the comment */
} tk_suppressed;

/* A finding a waiver set aside. */
typedef struct tk_waived {
    tk_finding finding;
    const tk_waiver *waiver;
} tk_waived;

/* What became of a waiver in a scan. */
typedef struct tk_waiver_status {
    tk_waiver waiver;
    bool expired;   /* its expiry date has passed: its findings are reported again */
    bool checked;   /* its rule ran in this scan (else nothing could match it) */
    size_t matched; /* findings it matched (set aside, or let through when expired) */
    bool stale;     /* in force and its rule ran, but it matched nothing: remove it */
} tk_waiver_status;

/* A check that found the setting in order: kept only when asked (tk_scan_keep_passes), for
 * reports that list every rule x resource pair, such as JUnit. */
typedef struct tk_passed {
    const tk_rule *rule;
    tk_resource_ref resource;
    tk_location location; /* the resource's block (the input, for scope-level rules) */
    uint32_t input;
} tk_passed;

/* What a scan did with one rule. */
typedef struct tk_rule_stats {
    size_t checks;        /* resources (or inputs, for scope-level rules) evaluated */
    size_t findings;      /* reported */
    size_t not_evaluated; /* decided by values not known before deployment */
    size_t suppressed;    /* set aside by inline suppressions */
    size_t waived;        /* set aside by waivers */
    size_t baselined;     /* left out because the baseline holds them */
} tk_rule_stats;

typedef struct tk_input_info {
    const char *path;
    const char *family; /* "terraform", "cloudformation", "kubernetes"; NULL when the input
                           could not be read */
    const char *kind;   /* "plan", "state", "source", "template" or "manifest" */
    size_t resources;   /* managed resources scanned */
} tk_input_info;

/* ---- scan ---- */

typedef struct tk_scan tk_scan;

tk_scan *tk_scan_new(const tk_engine *e, const tk_limits *limits);
void tk_scan_free(tk_scan *s);
/* Scans one input: a Terraform plan or state (`terraform show -json`), a CloudFormation
 * template (JSON or YAML) or Kubernetes manifests (a YAML stream, one object or a List in
 * JSON or YAML), recognised by content. The bytes are only read during the call. Returns false when
 * the input could not be parsed or adapted; the error is kept (tk_scan_errors) and later inputs are
 * still scanned. */
bool tk_scan_input(tk_scan *s, const char *path, const void *bytes, size_t len);
/* Values for CloudFormation template parameters, "NAME=VALUE" each (copied; the last one
 * given for a name wins). A parameter without a given value takes its Default. */
bool tk_scan_set_parameters(tk_scan *s, const char *const *params, size_t n);
/* The date ("YYYY-MM-DD") suppressions expire against; by default the current date (UTC). */
void tk_scan_set_today(tk_scan *s, const char *ymd);
/* ---- Terraform source ---- */

/* The tree of files a source scan reads, provided by the caller. Paths handed to it are
 * relative to the tree's root and already normalized (no "." or ".." components, no
 * leading '/'), so they cannot name anything outside it; an implementation on a real file
 * system must also refuse symbolic links that lead outside the root. */
typedef struct tk_srcfs {
    void *self;
    /* Reads the file at rel; *data and *len stay valid as long as the tree does. */
    bool (*read)(void *self, const char *rel, const char **data, size_t *len, char *err,
                 size_t errcap);
    /* Calls each(ctx, name, is_dir) for every entry of directory rel ("" is the root). */
    bool (*list)(void *self, const char *rel,
                 void (*each)(void *ctx, const char *name, bool is_dir), void *ctx, char *err,
                 size_t errcap);
} tk_srcfs;

/* A variables file the caller read (--var-file): its name for messages, and its text. */
typedef struct tk_source_text {
    const char *name;
    const char *text;
    size_t len;
} tk_source_text;

typedef struct tk_source_opts {
    const tk_source_text *var_files; /* in order (later ones win) */
    size_t n_var_files;
    const char *const *vars; /* "name=value", in order (later ones win) */
    size_t n_vars;
    const char *const *env; /* environment entries; those starting TF_VAR_ set variables */
    size_t n_env;
    size_t max_instances;      /* per count or for_each; 0: 10,000 */
    unsigned max_module_depth; /* 0: 32 */
    size_t max_files;          /* 0: 10,000 */
    size_t max_bytes;          /* of source read; 0: 256 MiB */
    uint64_t max_steps;        /* expression evaluation steps per root module; 0: 2 million */
    const char *today;         /* "YYYY-MM-DD" for suppression expiry; NULL: today (UTC) */
} tk_source_opts;

/* Scans Terraform source: the module in directory path of fs (or the single .tf / .tf.json
 * file path, when file is true) with every local module it calls. In results, the input
 * and its files are named by their paths in fs, after prefix when it is not empty. Problems
 * that do not stop the scan become warnings. */
bool tk_scan_source(tk_scan *s, const char *prefix, const tk_srcfs *fs, const char *path, bool file,
                    const tk_source_opts *o);

/* Scans every root module under directory dir of fs: each directory holding .tf or .tf.json
 * files that no other directory calls as a local module (hidden directories such as
 * .terraform are skipped). Modules they call may lie anywhere in fs. In results, file and
 * input names are their paths in fs, after prefix when it is not empty. Returns how many
 * modules were scanned; none found is an error. */
size_t tk_scan_source_tree(tk_scan *s, const char *prefix, const tk_srcfs *fs, const char *dir,
                           const tk_source_opts *o);

/* Adds a waiver (copied): findings of its rule whose address (and input path, when it
 * gives one) match its patterns are set aside until it expires, then reported again marked
 * with it. Needs rule, resource, reason, approver and expires; returns false when one is
 * missing or a date is not YYYY-MM-DD. Call before tk_scan_finish. */
bool tk_scan_add_waiver(tk_scan *s, const tk_waiver *w);
/* Findings whose fingerprints are listed (16 hex digits each; copied) are left out of the
 * findings (tk_scan_baselined keeps them). Call before tk_scan_finish. */
bool tk_scan_set_baseline(tk_scan *s, const char *const *fingerprints, size_t n);

/* Whether inline suppressions without an expiry date are applied (by default they are
 * refused with a warning, as a waiver without one is); call before the first input. */
void tk_scan_allow_open_suppressions(tk_scan *s, bool allow);
/* Keeps the checks that passed (tk_scan_passes); call before the first input. */
void tk_scan_keep_passes(tk_scan *s, bool keep);
/* Leaves a rule out of this scan (e.g. --skip-rule). */
bool tk_scan_disable_rule(tk_scan *s, const tk_rule *r);
size_t tk_scan_active_rule_count(const tk_scan *s);
/* Whether the scan runs rule r (it is not disabled), and the engine it was made with. */
bool tk_scan_rule_enabled(const tk_scan *s, const tk_rule *r);
const tk_engine *tk_scan_engine(const tk_scan *s);
/* Records an error found by the caller (e.g. a file that could not be opened). */
void tk_scan_add_error(tk_scan *s, const char *path, unsigned line, unsigned column,
                       const char *msg);
/* Sorts results into a stable order; call once after the last input. */
void tk_scan_finish(tk_scan *s);

const tk_finding *tk_scan_findings(const tk_scan *s, size_t *n);
const tk_not_evaluated *tk_scan_not_evaluated(const tk_scan *s, size_t *n);
const tk_diag *tk_scan_errors(const tk_scan *s, size_t *n);
/* Problems that did not stop the scan (e.g. a module outside the tree, a failing function). */
const tk_diag *tk_scan_warnings(const tk_scan *s, size_t *n);
/* Findings set aside by inline suppressions (# tenken:ignore:RULE reason). */
const tk_suppressed *tk_scan_suppressed(const tk_scan *s, size_t *n);
const tk_input_info *tk_scan_inputs(const tk_scan *s, size_t *n);
/* Findings waivers set aside, and what became of each waiver (in the order added). */
const tk_waived *tk_scan_waived(const tk_scan *s, size_t *n);
const tk_waiver_status *tk_scan_waivers(const tk_scan *s, size_t *n);
/* Findings the baseline holds, and how many of its fingerprints no finding has any more. */
const tk_finding *tk_scan_baselined(const tk_scan *s, size_t *n);
size_t tk_scan_baseline_gone(const tk_scan *s);
/* Checks that passed, in the order of findings; empty unless tk_scan_keep_passes. */
const tk_passed *tk_scan_passes(const tk_scan *s, size_t *n);
/* Fills out[i] for every engine rule i (tk_engine_rule order; out has
 * tk_engine_rule_count entries). */
void tk_scan_rule_stats(const tk_scan *s, tk_rule_stats *out);
size_t tk_scan_resource_count(const tk_scan *s);
size_t tk_scan_evaluation_count(const tk_scan *s); /* rule x resource checks performed */

/* Names used in reports. */
const char *tk_severity_name(tk_severity s); /* "critical", ... */
bool tk_severity_parse(const char *s, tk_severity *out);
const char *tk_level_name(tk_level l); /* "basic" / "recommended" */
/* 図表Ⅲ.3.1-1 category titles; NULL for an unknown category. */
const char *tk_category_title(const char *category, bool ja);
/* Title of a guideline measure ("Ⅲ.3.1.1"); NULL when the library does not know it. */
const char *tk_measure_title(const char *measure, bool ja);
/* The categories in guideline order, NULL-terminated. */
const char *const *tk_categories(void);

#endif
