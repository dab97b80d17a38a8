/* Terraform source (.tf and .tf.json) -> resource table.
 *
 * The root module and every local module it calls are evaluated the way Terraform plans
 * them: variables from defaults, variables files, the command line and the environment;
 * locals; count and for_each expanded into instances with Terraform's addresses; dynamic
 * blocks; references between resources; module inputs and outputs. Provider facts fill in
 * defaults and mark what only apply can know. Whatever cannot be known statically — remote
 * modules, data sources, apply-time attributes, unsupported functions, variables nobody
 * set — is unknown, never guessed. */
#ifndef TK_ADAPT_TFSRC_H
#define TK_ADAPT_TFSRC_H
#include "facts.h"
#include "resource.h"
#include "srcfs.h"
#include "tfsrc_model.h"

typedef struct tk_tfsrc_opts {
    const tk_srcfs *fs;
    const char *path; /* the root module's directory, or one .tf/.tf.json file (relative) */
    bool single_file;
    const char *display_dir; /* shown before file names in results (the scanned directory) */
    const tk_source_text *var_files; /* --var-file, in order */
    size_t n_var_files;
    const char *const *vars; /* --var "name=value", in order */
    size_t n_vars;
    const char *const *env; /* "TF_VAR_name=value" from the environment */
    size_t n_env;
    size_t max_instances;      /* per count/for_each; default 10,000 */
    unsigned max_module_depth; /* default 32 */
    uint64_t max_steps;        /* evaluation steps; default 2 million */
    tf_limits lim;
    const tk_facts *facts;
    const char *today; /* "YYYY-MM-DD": suppressions that expired before it are ignored */
    bool open_suppressions; /* suppressions without an expiry date are applied too */
    bool (*rule_exists)(void *self, const char *id); /* for checking suppressions */
    void *rule_exists_self;
    /* Problems that do not stop the scan (an unknown variable, a failing function, ...). */
    void (*warn)(void *self, const tk_doc *doc, uint32_t pos, const char *msg);
    void *warn_self;
} tk_tfsrc_opts;

typedef struct tk_tfsrc tk_tfsrc;

/* Reads and evaluates the configuration into doc (the files' text, and the values of
 * every resource instance) and t. Returns NULL with err (an offset into doc's text when
 * the problem has a place) when the configuration cannot be read or parsed. */
tk_tfsrc *tk_tfsrc_load(tk_doc *doc, tk_rtable *t, const tk_tfsrc_opts *o, tk_err *err);
void tk_tfsrc_free(tk_tfsrc *ts);

#endif
