/* The project configuration file (.tenken.yaml): finding it, reading it with positions,
 * and checking every key and type — a mistake is `file:line:col: message`, never ignored. */
#include "config.h"
#include "cli.h"
#include "yaml_file.h"
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

char *config_find(const char *start) {
    return config_find_named(start, ".tenken.yaml");
}

char *config_find_named(const char *start, const char *name) {
    char dir[PATH_MAX];
    if (!realpath(start, dir)) return NULL;
    struct stat st;
    if (stat(dir, &st) == 0 && !S_ISDIR(st.st_mode)) {
        char *slash = strrchr(dir, '/');
        if (slash && slash != dir)
            *slash = 0;
        else if (slash)
            slash[1] = 0;
    }
    for (;;) {
        char cand[PATH_MAX + 64];
        snprintf(cand, sizeof cand, "%s%s%s", dir, strcmp(dir, "/") ? "/" : "", name);
        if (stat(cand, &st) == 0 && S_ISREG(st.st_mode)) {
            /* Named relative to the current directory when it lies inside, as inputs are. */
            char cwd[PATH_MAX];
            size_t cl = getcwd(cwd, sizeof cwd) ? strlen(cwd) : 0;
            if (cl > 1 && !strncmp(cand, cwd, cl) && cand[cl] == '/') return strdup(cand + cl + 1);
            return strdup(cand);
        }
        char *slash = strrchr(dir, '/');
        if (!slash || !strcmp(dir, "/")) return NULL;
        if (slash == dir)
            slash[1] = 0;
        else
            *slash = 0;
    }
}

static bool add_item_at(yaml_file *r, string_list *l, char *s, const tk_node *at) {
    char **p = s ? realloc(l->items, (l->n + 1) * sizeof *p) : NULL;
    if (p) l->items = p;
    unsigned(*w)[2] = p ? realloc(l->where, (l->n + 1) * sizeof *w) : NULL;
    if (!p || !w) {
        free(s);
        return false;
    }
    l->where = w;
    w[l->n][0] = w[l->n][1] = 1;
    if (r && at) tk_doc_locate(&r->doc, at->pos, &w[l->n][0], &w[l->n][1]);
    l->items[l->n++] = s;
    return true;
}
#define add_item(l, s) add_item_at(NULL, (l), (s), NULL)

/* A list of strings (a single string is taken as a list of one). */
static bool want_list(yaml_file *r, const tk_node *n, const char *key, string_list *out) {
    if (tk_node_kind(n) == TK_STRING)
        return add_item_at(r, out, yaml_dup(r, n), n) || yaml_fail(r, n, "out of memory");
    if (tk_node_kind(n) != TK_ARRAY) return yaml_fail(r, n, "%s must be a list of strings", key);
    for (const tk_node *c = tk_node_first(n); c != tk_node_end(n); c = tk_node_next(c)) {
        if (tk_node_kind(c) != TK_STRING) return yaml_fail(r, c, "%s must be a list of strings", key);
        if (!add_item_at(r, out, yaml_dup(r, c), c)) return yaml_fail(r, c, "out of memory");
    }
    return true;
}

static bool is_category(const char *s) {
    return tk_category_title(s, false) != NULL;
}

/* A category key or value: YAML may have read 3 or 4.1 as a number; its text is what
 * counts. */
static char *category_text(yaml_file *r, const tk_node *n, bool key) {
    tk_str s = key ? tk_doc_key(&r->doc, n) : tk_doc_str(&r->doc, n);
    char *p = malloc(s.len + 1);
    if (!p) return NULL;
    memcpy(p, s.p, s.len);
    p[s.len] = 0;
    return p;
}

static bool category_list(yaml_file *r, const tk_node *n, const char *key, string_list *out) {
    if (tk_node_kind(n) != TK_ARRAY) return yaml_fail(r, n, "%s must be a list of categories", key);
    for (const tk_node *c = tk_node_first(n); c != tk_node_end(n); c = tk_node_next(c)) {
        if (tk_node_kind(c) != TK_STRING && tk_node_kind(c) != TK_NUMBER)
            return yaml_fail(r, c, "%s must be a list of categories such as \"4.1\"", key);
        char *cat = category_text(r, c, false);
        if (!cat) return yaml_fail(r, c, "out of memory");
        if (!is_category(cat)) {
            yaml_fail(r, c, "'%s' is not a category of the guideline (1, 2, 3, 4.1, 4.2, 5, 6.1, "
                          "6.2, 6.3, 6.4, 7)",
                    cat);
            free(cat);
            return false;
        }
        if (!add_item_at(r, out, cat, c)) return yaml_fail(r, c, "out of memory");
    }
    return true;
}


static bool want_count(yaml_file *r, const tk_node *n, const char *key, size_t lo, size_t hi,
                       size_t *out) {
    double v;
    if (tk_node_kind(n) != TK_NUMBER || !tk_doc_number(&r->doc, n, &v) || v != (double)(size_t)v ||
        v < (double)lo || v > (double)hi)
        return yaml_fail(r, n, "%s must be a whole number from %zu to %zu", key, lo, hi);
    *out = (size_t)v;
    return true;
}

static bool read_limits(yaml_file *r, const tk_node *n, tenken_config *c) {
    if (tk_node_kind(n) != TK_OBJECT) return yaml_fail(r, n, "limits must be a mapping");
    for (const tk_node *m = tk_node_first(n); m != tk_node_end(n); m = tk_node_next(m)) {
        if (tk_doc_key_eq(&r->doc, m, "max-input-size", 14)) {
            char *s = NULL;
            if (tk_node_kind(m) == TK_NUMBER) {
                double v;
                tk_doc_number(&r->doc, m, &v);
                if (v < 1 || v > 2147483648.0 || v != (double)(size_t)v)
                    return yaml_fail(r, m, "max-input-size must be a size such as 500M (at most 2G)");
                c->max_input_size = (size_t)v;
                continue;
            }
            if (!yaml_want_string(r, m, "max-input-size", &s)) return false;
            bool ok = size_parse(s, &c->max_input_size);
            free(s);
            if (!ok) return yaml_fail(r, m, "max-input-size must be a size such as 500M (at most 2G)");
        } else if (tk_doc_key_eq(&r->doc, m, "max-depth", 9)) {
            if (!want_count(r, m, "max-depth", 2, 100000, &c->max_depth)) return false;
        } else if (tk_doc_key_eq(&r->doc, m, "max-alias-nodes", 15)) {
            if (!want_count(r, m, "max-alias-nodes", 1, 100000000, &c->max_alias_nodes))
                return false;
        } else {
            tk_str k = tk_doc_key(&r->doc, m);
            return yaml_fail(r, m, "unknown limit '%.*s' (max-input-size, max-depth, max-alias-nodes)",
                           (int)k.len, k.p);
        }
    }
    return true;
}

static bool read_rules(yaml_file *r, const tk_node *n, const char *what, string_list *enable,
                       string_list *disable, bool categories) {
    if (tk_node_kind(n) != TK_OBJECT) return yaml_fail(r, n, "%s must be a mapping with enable and/or disable", what);
    for (const tk_node *m = tk_node_first(n); m != tk_node_end(n); m = tk_node_next(m)) {
        bool en = tk_doc_key_eq(&r->doc, m, "enable", 6);
        if (!en && !tk_doc_key_eq(&r->doc, m, "disable", 7)) {
            tk_str k = tk_doc_key(&r->doc, m);
            return yaml_fail(r, m, "unknown key '%.*s' in %s (enable, disable)", (int)k.len, k.p, what);
        }
        char key[64];
        snprintf(key, sizeof key, "%s.%s", what, en ? "enable" : "disable");
        if (categories ? !category_list(r, m, key, en ? enable : disable)
                       : !want_list(r, m, key, en ? enable : disable))
            return false;
    }
    return true;
}

static const char *const ROLES[] = {"user", "sier", "provider"};

static bool valid_role(const char *s) {
    for (size_t i = 0; i < 3; i++)
        if (!strcmp(ROLES[i], s)) return true;
    return false;
}

static bool read_owner(yaml_file *r, const tk_node *m, category_owner *o) {
    if (tk_node_kind(m) == TK_STRING) {
        char *s = yaml_dup(r, m);
        if (!s) return yaml_fail(r, m, "out of memory");
        if (valid_role(s))
            o->role = s;
        else
            o->name = s; /* free text: a company or a team */
        return true;
    }
    if (tk_node_kind(m) != TK_OBJECT)
        return yaml_fail(r, m, "an owner is a role (user, sier, provider), a name, or {role, name}");
    for (const tk_node *f = tk_node_first(m); f != tk_node_end(m); f = tk_node_next(f)) {
        if (tk_doc_key_eq(&r->doc, f, "role", 4)) {
            if (!yaml_want_string(r, f, "role", &o->role)) return false;
            if (!valid_role(o->role)) return yaml_fail(r, f, "role must be user, sier or provider");
        } else if (tk_doc_key_eq(&r->doc, f, "name", 4)) {
            if (!yaml_want_string(r, f, "name", &o->name)) return false;
        } else {
            tk_str k = tk_doc_key(&r->doc, f);
            return yaml_fail(r, f, "unknown key '%.*s' in an owner (role, name)", (int)k.len, k.p);
        }
    }
    if (!o->role && !o->name) return yaml_fail(r, m, "an owner needs a role or a name");
    return true;
}

static bool read_responsibility(yaml_file *r, const tk_node *n, tenken_config *c) {
    if (tk_node_kind(n) != TK_OBJECT)
        return yaml_fail(r, n, "responsibility must map categories (or default) to owners");
    for (const tk_node *m = tk_node_first(n); m != tk_node_end(n); m = tk_node_next(m)) {
        char *cat = category_text(r, m, true);
        if (!cat) return yaml_fail(r, m, "out of memory");
        if (strcmp(cat, "default") != 0 && !is_category(cat)) {
            yaml_fail(r, m, "'%s' is not a category of the guideline (1, 2, 3, 4.1, 4.2, 5, 6.1, 6.2, "
                          "6.3, 6.4, 7) or default",
                    cat);
            free(cat);
            return false;
        }
        category_owner *p = realloc(c->owners, (c->n_owners + 1) * sizeof *p);
        if (!p) {
            free(cat);
            return yaml_fail(r, m, "out of memory");
        }
        c->owners = p;
        category_owner *o = &c->owners[c->n_owners++];
        memset(o, 0, sizeof *o);
        o->category = cat;
        if (!read_owner(r, m, o)) return false;
    }
    return true;
}

/* A path from the file, relative to the file's directory. */
static char *resolve(const tenken_config *c, const char *p) {
    if (p[0] == '/') return strdup(p);
    size_t n = strlen(c->dir) + strlen(p) + 2;
    char *out = malloc(n);
    if (out) snprintf(out, n, "%s/%s", c->dir, p);
    return out;
}

static bool read_suppressions(yaml_file *r, const tk_node *n, tenken_config *c) {
    if (tk_node_kind(n) != TK_OBJECT) return yaml_fail(r, n, "suppressions must be a mapping");
    for (const tk_node *m = tk_node_first(n); m != tk_node_end(n); m = tk_node_next(m)) {
        if (!tk_doc_key_eq(&r->doc, m, "require-expiry", 14))
            return yaml_unknown_key(r, m, "suppressions", "require-expiry");
        if (tk_node_kind(m) != TK_BOOL)
            return yaml_fail(r, m, "require-expiry must be true or false");
        c->open_suppressions = !tk_node_bool(m);
    }
    return true;
}

static bool read_top(yaml_file *r, const tk_node *root, tenken_config *c) {
    if (tk_node_kind(root) != TK_OBJECT) return yaml_fail(r, root, "the configuration must be a mapping");
    for (const tk_node *m = tk_node_first(root); m != tk_node_end(root); m = tk_node_next(m)) {
        tk_doc *d = &r->doc;
        if (tk_doc_key_eq(d, m, "profile", 7)) {
            if (tk_doc_str_eq(d, m, "basic"))
                c->profile = TK_LEVEL_BASIC;
            else if (tk_doc_str_eq(d, m, "recommended"))
                c->profile = TK_LEVEL_RECOMMENDED;
            else
                return yaml_fail(r, m, "profile must be basic or recommended");
            c->has_profile = true;
        } else if (tk_doc_key_eq(d, m, "fail-on", 7)) {
            char *s = NULL;
            if (!yaml_want_string(r, m, "fail-on", &s)) return false;
            bool ok = fail_on_parse(s, &c->fail_on, &c->fail_never);
            free(s);
            if (!ok) return yaml_fail(r, m, "fail-on must be critical, high, medium, low, info or none");
            c->has_fail_on = true;
        } else if (tk_doc_key_eq(d, m, "rules", 5)) {
            if (!read_rules(r, m, "rules", &c->enable_rules, &c->disable_rules, false)) return false;
        } else if (tk_doc_key_eq(d, m, "categories", 10)) {
            if (!read_rules(r, m, "categories", &c->enable_categories, &c->disable_categories, true))
                return false;
        } else if (tk_doc_key_eq(d, m, "exclude", 7)) {
            if (!want_list(r, m, "exclude", &c->exclude)) return false;
        } else if (tk_doc_key_eq(d, m, "rule-dirs", 9)) {
            string_list raw = {0};
            if (!want_list(r, m, "rule-dirs", &raw)) return false;
            for (size_t i = 0; i < raw.n; i++) {
                if (!add_item(&c->rule_dirs, resolve(c, raw.items[i]))) return yaml_fail(r, m, "out of memory");
                free(raw.items[i]);
            }
            free(raw.items);
            free(raw.where);
        } else if (tk_doc_key_eq(d, m, "limits", 6)) {
            if (!read_limits(r, m, c)) return false;
        } else if (tk_doc_key_eq(d, m, "service-model", 13)) {
            if (!yaml_want_string(r, m, "service-model", &c->service_model)) return false;
            if (strcmp(c->service_model, "iaas") && strcmp(c->service_model, "paas") &&
                strcmp(c->service_model, "saas"))
                return yaml_fail(r, m, "service-model must be iaas, paas or saas");
        } else if (tk_doc_key_eq(d, m, "responsibility", 14)) {
            if (!read_responsibility(r, m, c)) return false;
        } else if (tk_doc_key_eq(d, m, "waivers", 7) || tk_doc_key_eq(d, m, "baseline", 8)) {
            bool w = tk_doc_key_eq(d, m, "waivers", 7);
            char *s = NULL;
            if (!yaml_want_string(r, m, w ? "waivers" : "baseline", &s)) return false;
            char **out = w ? &c->waivers : &c->baseline;
            free(*out);
            *out = resolve(c, s);
            free(s);
            if (!*out) return yaml_fail(r, m, "out of memory");
        } else if (tk_doc_key_eq(d, m, "suppressions", 12)) {
            if (!read_suppressions(r, m, c)) return false;
        } else {
            tk_str k = tk_doc_key(d, m);
            return yaml_fail(r, m,
                           "unknown key '%.*s' (profile, fail-on, rules, categories, exclude, "
                           "rule-dirs, limits, service-model, responsibility, waivers, baseline, "
                           "suppressions)",
                           (int)k.len, k.p);
        }
    }
    return true;
}

bool config_load(tenken_config *c, const char *path) {
    memset(c, 0, sizeof *c);
    c->path = strdup(path);
    char *slash = c->path ? strrchr(c->path, '/') : NULL;
    c->dir = slash ? strndup(c->path, (size_t)(slash - c->path)) : strdup(".");
    if (!c->path || !c->dir) {
        fprintf(stderr, "%s:1:1: out of memory\n", path);
        return false;
    }
    if (!c->dir[0]) {
        free(c->dir);
        c->dir = strdup("/");
    }
    yaml_file f;
    const tk_node *root;
    bool ok = yaml_file_open(&f, path, &root) && (!root || read_top(&f, root, c));
    yaml_file_close(&f);
    return ok;
}

static void free_list(string_list *l) {
    for (size_t i = 0; i < l->n; i++) free(l->items[i]);
    free(l->items);
    free(l->where);
}

void config_free(tenken_config *c) {
    free(c->path);
    free(c->dir);
    free_list(&c->enable_rules);
    free_list(&c->disable_rules);
    free_list(&c->enable_categories);
    free_list(&c->disable_categories);
    free_list(&c->exclude);
    free_list(&c->rule_dirs);
    free(c->service_model);
    free(c->waivers);
    free(c->baseline);
    for (size_t i = 0; i < c->n_owners; i++) {
        free(c->owners[i].category);
        free(c->owners[i].role);
        free(c->owners[i].name);
    }
    free(c->owners);
    memset(c, 0, sizeof *c);
}

static bool listed(const string_list *l, const char *s) {
    for (size_t i = 0; i < l->n; i++)
        if (!strcmp(l->items[i], s)) return true;
    return false;
}

bool config_rules_exist(const tenken_config *c, const tk_engine *e) {
    const string_list *lists[] = {&c->enable_rules, &c->disable_rules};
    for (size_t k = 0; k < 2; k++)
        for (size_t i = 0; i < lists[k]->n; i++)
            if (!tk_engine_find_rule(e, lists[k]->items[i])) {
                fprintf(stderr, "%s:%u:%u: no rule with id '%s' (tenken rules lists them)\n",
                        c->path, lists[k]->where[i][0], lists[k]->where[i][1],
                        lists[k]->items[i]);
                return false;
            }
    return true;
}

bool config_rule_on(const tenken_config *c, const tk_rule *r, bool named) {
    if (listed(&c->disable_rules, r->id)) return false;
    if (!named && c->enable_rules.n && !listed(&c->enable_rules, r->id)) return false;
    if (listed(&c->disable_categories, r->category)) return false;
    if (c->enable_categories.n && !listed(&c->enable_categories, r->category)) return false;
    return true;
}

/* Who is responsible by default under a service model (Ⅱ.1.2): with IaaS the user
 * configures everything above the virtual environment; with PaaS the provider runs the
 * virtual machines; with SaaS the user keeps accounts and access, the rest is the
 * provider's. */
static const category_owner MODEL_USER = {NULL, (char *)"user", NULL};
static const category_owner MODEL_PROVIDER = {NULL, (char *)"provider", NULL};

const category_owner *config_owner(const tenken_config *c, const char *category) {
    const category_owner *dflt = NULL;
    for (size_t i = 0; i < c->n_owners; i++) {
        if (!strcmp(c->owners[i].category, category)) return &c->owners[i];
        if (!strcmp(c->owners[i].category, "default")) dflt = &c->owners[i];
    }
    if (dflt) return dflt;
    if (!c->service_model) return NULL;
    if (!strcmp(c->service_model, "iaas")) return &MODEL_USER;
    if (!strcmp(c->service_model, "paas"))
        return !strcmp(category, "4.1") ? &MODEL_PROVIDER : &MODEL_USER;
    return !strcmp(category, "1") ? &MODEL_USER : &MODEL_PROVIDER;
}

void config_owner_label(const category_owner *o, bool ja, char *out, size_t cap) {
    static const char *const JA[] = {"利用者", "SIer", "クラウド事業者"};
    static const char *const EN[] = {"user", "SIer", "provider"};
    const char *role = NULL;
    for (size_t i = 0; o->role && i < 3; i++)
        if (!strcmp(o->role, ROLES[i])) role = ja ? JA[i] : EN[i];
    if (o->name && role)
        snprintf(out, cap, ja ? "%s（%s）" : "%s (%s)", o->name, role);
    else
        snprintf(out, cap, "%s", o->name ? o->name : role ? role : "");
}

const category_owner *report_owner(const report *r, const char *category) {
    return r->config ? config_owner(r->config, category) : NULL;
}

bool report_has_owners(const report *r) {
    return r->config && (r->config->n_owners || r->config->service_model);
}

bool config_owner_is(const category_owner *o, const char *name) {
    return o && ((o->role && !strcasecmp(o->role, name)) || (o->name && !strcasecmp(o->name, name)));
}

bool config_owner_known(const tenken_config *c, const char *name) {
    if (!c->n_owners && !c->service_model) {
        cli_error("--owner needs a configuration that says who is responsible (service-model or "
                  "responsibility in .tenken.yaml)");
        return false;
    }
    for (const char *const *cat = tk_categories(); *cat; cat++)
        if (config_owner_is(config_owner(c, *cat), name)) return true;
    char known[1024] = "";
    size_t len = 0;
    for (const char *const *cat = tk_categories(); *cat; cat++) {
        const category_owner *o = config_owner(c, *cat);
        const char *words[] = {o ? o->role : NULL, o ? o->name : NULL};
        for (size_t k = 0; k < 2; k++) {
            if (!words[k] || strstr(known, words[k])) continue;
            int w = snprintf(known + len, sizeof known - len, "%s%s", len ? ", " : "", words[k]);
            if (w > 0 && (size_t)w < sizeof known - len) len += (size_t)w;
        }
    }
    cli_error("--owner %s: no guideline category has that owner (owners: %s)", name, known);
    return false;
}
