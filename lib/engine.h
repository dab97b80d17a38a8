/* Engine internals shared by the rule loader and the scanner. */
#ifndef TK_ENGINE_H
#define TK_ENGINE_H
#include "../include/tenken.h"
#include "arena.h"
#include "expr.h"
#include "facts.h"
#include "strmap.h"

/* A (rule, match) pair applying to one resource type, chained per type. */
typedef struct tk_rule_entry {
    const tk_rule *rule;
    const tk_rule_match *match;
    uint32_t next;
} tk_rule_entry;

struct tk_engine {
    tk_arena arena;
    tk_rule **rules; /* sorted by id */
    size_t n_rules, cap_rules;
    tk_prog **progs; /* to release their regular expressions */
    size_t n_progs, cap_progs;
    tk_strmap by_type; /* "family\x1ftype" -> first entry */
    tk_rule_entry *entries;
    size_t n_entries, cap_entries;
    /* Provider facts texts (JSON), for evaluating Terraform source; each scan parses them
     * when it first reads source, so plan scans never pay for them. */
    struct tk_fact_text {
        const char *path, *text;
        size_t len;
    } * facts;
    size_t n_facts, cap_facts;
    uint64_t texts_hash;
    char version[17];
};

bool tk_engine_keep_prog(tk_engine *e, tk_prog *p);
/* Parses the engine's provider facts into out (initialized here; free with tk_facts_free). */
bool tk_engine_facts(const tk_engine *e, tk_facts *out, tk_err *err);
/* tk_scan_source with file names shown under display_dir (NULL: the input's own). */
/* Scans a file found while walking a directory when it is a CloudFormation template or
 * Kubernetes manifests: 1 scanned, 0 failed (the error is kept), -1 not one of those. */
int tk_scan_discovered(tk_scan *s, const char *path, const void *bytes, size_t len);
bool tk_scan_source_in(tk_scan *s, const char *display, const char *display_dir, const tk_srcfs *fs,
                       const char *path, bool file, const tk_source_opts *o);
bool tk_engine_add_rule(tk_engine *e, tk_rule *r, const char *text, size_t len);
/* First (rule, match) entry for a family and resource type; UINT32_MAX if none. */
uint32_t tk_engine_entries_for(const tk_engine *e, const char *family, tk_str type);

/* Rules compiled into the binary (generated at build time). */
typedef struct tk_embedded_rule {
    const char *path;
    const char *text;
    size_t len;
} tk_embedded_rule;
extern const tk_embedded_rule tk_builtin_rules[];
extern const size_t tk_builtin_rule_count;
/* Provider facts compiled into the binary. */
extern const tk_embedded_rule tk_builtin_facts[];
extern const size_t tk_builtin_facts_count;

#endif
