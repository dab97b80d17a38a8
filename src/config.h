/* The project configuration file, .tenken.yaml: which rules and categories run, the
 * 基本/推奨 profile, the failing severity, paths to leave out, extra rule directories,
 * limits, the service model and who is responsible for each guideline category. Found in
 * the scan root or one of its parents, or named with --config. Command-line options
 * override it. */
#ifndef TK_CONFIG_H
#define TK_CONFIG_H
#include "../include/tenken.h"
#include <stdbool.h>
#include <stddef.h>

typedef struct string_list {
    char **items;
    unsigned (*where)[2]; /* line and column of each item in the file */
    size_t n;
} string_list;

/* Who is responsible for a guideline category (Ⅱ.1.2–Ⅱ.1.3: user, SIer or provider). */
typedef struct category_owner {
    char *category;
    char *role; /* "user", "sier", "provider", or NULL when only a name is given */
    char *name; /* free text (a company, a team), or NULL */
} category_owner;

typedef struct tenken_config {
    char *path; /* the file read; NULL when there is none */
    char *dir;  /* its directory: relative paths in the file are relative to it */
    bool has_profile;
    tk_level profile; /* basic: only 基本 rules; recommended: 基本 and 推奨 */
    bool has_fail_on, fail_never;
    tk_severity fail_on;
    string_list enable_rules, disable_rules;
    string_list enable_categories, disable_categories;
    string_list exclude;   /* globs on paths, relative to the configuration's directory */
    string_list rule_dirs; /* resolved against dir */
    size_t max_input_size, max_depth, max_alias_nodes; /* 0: not set */
    char *service_model;                              /* "iaas", "paas", "saas" or NULL */
    category_owner *owners;
    size_t n_owners;
    char *waivers;          /* waivers file named by the configuration (resolved), or NULL */
    char *baseline;         /* baseline file named by the configuration (resolved), or NULL */
    bool open_suppressions; /* suppressions: {require-expiry: false} */
} tenken_config;

/* Finds .tenken.yaml in start (a directory, or the directory of a file) or its parents;
 * returns a malloc'ed path or NULL. */
char *config_find(const char *start);
/* The same for another file name (e.g. tenken-waivers.yaml). */
char *config_find_named(const char *start, const char *name);
/* Reads and checks a configuration file. On error prints "file:line:col: message" and
 * returns false. */
bool config_load(tenken_config *c, const char *path);
void config_free(tenken_config *c);

/* Whether every rule ID the configuration names exists; prints "file:line:col: ..." for the
 * first that does not. */
bool config_rules_exist(const tenken_config *c, const tk_engine *e);
/* Whether the configuration lets rule r run. With named (--rule given) its enable list
 * does not apply, but its disable list still does. */
bool config_rule_on(const tenken_config *c, const tk_rule *r, bool named);

/* The owner of a category under the configuration: the category's own entry, else the
 * default entry ("default"), else what the service model implies; NULL when nothing says. */
const category_owner *config_owner(const tenken_config *c, const char *category);
/* Whether owner o is the one named: its role or its name (ignoring case). */
bool config_owner_is(const category_owner *o, const char *name);
/* Whether some category has the owner named (--owner); prints why not otherwise. */
bool config_owner_known(const tenken_config *c, const char *name);
/* A label for an owner: "name (role)" or the one that is given; role words in ja or en. */
void config_owner_label(const category_owner *o, bool ja, char *out, size_t cap);

#endif
