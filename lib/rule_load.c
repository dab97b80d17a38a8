/* Rule files: YAML text -> validated tk_rule with compiled conditions.
 *
 * Every problem is reported as file:line:col, including errors inside a condition, whose
 * offset is mapped back through the YAML scalar to the line and column in the file. */
#include "engine.h"
#include "yaml.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct loader {
    tk_engine *e;
    tk_doc doc;
    const char *path;
    tk_diag *diag;
    bool failed;
} loader;

static bool lfail(loader *l, size_t offset, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static bool lfail(loader *l, size_t offset, const char *fmt, ...) {
    if (l->failed) return false;
    l->failed = true;
    tk_diag *d = l->diag;
    if (!d) return false;
    snprintf(d->file, sizeof d->file, "%s", l->path);
    tk_doc_locate(&l->doc, offset, &d->line, &d->column);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(d->message, sizeof d->message, fmt, ap);
    va_end(ap);
    return false;
}

static const char *dup_str(loader *l, const tk_node *n, const char *what) {
    if (!n || tk_node_kind(n) != TK_STRING) {
        if (n && (tk_node_kind(n) == TK_NUMBER || tk_node_kind(n) == TK_BOOL)) {
            /* category: 3 or 4.1 written without quotes */
            tk_str s = tk_doc_str(&l->doc, n);
            if (tk_node_kind(n) == TK_NUMBER) return tk_arena_strndup(&l->e->arena, s.p, s.len);
        }
        lfail(l, n ? n->pos : 0, "%s must be a string", what);
        return NULL;
    }
    tk_str s = tk_doc_str(&l->doc, n);
    if (s.len == 0) {
        lfail(l, n->pos, "%s must not be empty", what);
        return NULL;
    }
    char *c = tk_arena_strndup(&l->e->arena, s.p, s.len);
    if (!c) lfail(l, n->pos, "out of memory");
    return c;
}

/* Japanese prose has no spaces between words: a space that YAML folding put between two
 * wide characters (kana, kanji, full-width punctuation) is removed. */
static void unfold_japanese(char *s) {
    size_t o = 0, n = strlen(s);
    for (size_t i = 0; i < n; i++) {
        if (s[i] == ' ' && o > 0 && i + 1 < n) {
            /* previous character: walk back over continuation bytes in the output */
            size_t b = o;
            while (b > 0 && ((unsigned char)s[b - 1] & 0xC0) == 0x80) b--;
            bool prev_wide = b > 0 && (unsigned char)s[b - 1] >= 0xE3;
            bool next_wide = (unsigned char)s[i + 1] >= 0xE3;
            /* Nobody writes a space after 、 。 「 」 （ ） or full-width punctuation either. */
            bool prev_punct = b > 0 && o - (b - 1) == 3 &&
                              (((unsigned char)s[b - 1] == 0xE3 && (unsigned char)s[b] == 0x80) ||
                               ((unsigned char)s[b - 1] == 0xEF && (unsigned char)s[b] == 0xBC));
            if ((prev_wide && next_wide) || prev_punct) continue;
        }
        s[o++] = s[i];
    }
    s[o] = 0;
}

/* A mapping {ja: ..., en: ...} with both languages present. */
static const char *const FAMILIES[] = {"terraform", "cloudformation", "kubernetes", NULL};

static bool is_family(const char *p, size_t n) {
    for (const char *const *f = FAMILIES; *f; f++)
        if (strlen(*f) == n && !memcmp(*f, p, n)) return true;
    return false;
}

/* A {ja, en} text; for the remediation also one example per input family. */
static bool read_i18n(loader *l, const tk_node *n, const char *what, tk_i18n *out,
                      tk_rule *examples_of) {
    if (!n || tk_node_kind(n) != TK_OBJECT)
        return lfail(l, n ? n->pos : 0, "%s must be a mapping with ja and en texts", what);
    struct tk_rule_example *ex = NULL;
    if (examples_of) {
        ex = tk_arena_array(&l->e->arena, tk_node_count(n) ? tk_node_count(n) : 1, sizeof *ex);
        if (!ex) return lfail(l, n->pos, "out of memory");
        examples_of->examples = ex;
    }
    for (TK_EACH_CHILD(c, n)) {
        tk_str k = tk_doc_key(&l->doc, c);
        if (k.len == 2 && !memcmp(k.p, "ja", 2)) {
            char *ja = (char *)dup_str(l, c, what);
            if (ja) unfold_japanese(ja);
            out->ja = ja;
        } else if (k.len == 2 && !memcmp(k.p, "en", 2)) {
            out->en = dup_str(l, c, what);
        } else if (examples_of && is_family(k.p, k.len)) {
            struct tk_rule_example *e = &ex[examples_of->n_examples++];
            e->family = tk_arena_strndup(&l->e->arena, k.p, k.len);
            e->text = dup_str(l, c, what);
            if (!e->family) return lfail(l, c->pos, "out of memory");
        } else {
            return lfail(l, c->pos, "unknown key '%.*s' in %s (expected ja, en%s)", (int)k.len, k.p,
                         what, examples_of ? ", terraform, cloudformation, kubernetes" : "");
        }
        if (l->failed) return false;
    }
    if (!out->ja) return lfail(l, n->pos, "%s has no Japanese text (ja)", what);
    if (!out->en) return lfail(l, n->pos, "%s has no English text (en)", what);
    return true;
}

/* Strings or a single string -> NULL-terminated array in the engine arena. */
static const char *const *read_str_list(loader *l, const tk_node *n, const char *what,
                                        size_t *count) {
    *count = 0;
    if (!n) return NULL;
    uint32_t cnt = tk_node_kind(n) == TK_ARRAY ? tk_node_count(n) : 1;
    const char **arr = tk_arena_array(&l->e->arena, cnt + 1, sizeof *arr);
    if (!arr) return lfail(l, n->pos, "out of memory"), NULL;
    if (tk_node_kind(n) != TK_ARRAY) {
        if (!(arr[0] = dup_str(l, n, what))) return NULL;
        *count = 1;
        return arr;
    }
    const tk_node *c = tk_node_first(n);
    for (uint32_t i = 0; i < cnt; i++, c = tk_node_next(c))
        if (!(arr[i] = dup_str(l, c, what))) return NULL;
    *count = cnt;
    return arr;
}

/* Maps an offset in a scalar's value back into the file: walks the value and the raw text
 * side by side, treating any run of whitespace (folding, indentation) as equal. */
static size_t scalar_offset(const tk_doc *d, const tk_node *n, const char *val, size_t vlen,
                            size_t off) {
    const char *t = d->text.data;
    size_t tl = d->text.len, j = n->pos, i = 0;
    if (j < tl && (t[j] == '|' || t[j] == '>')) {
        while (j < tl && t[j] != '\n') j++;
    } else if (j < tl && (t[j] == '"' || t[j] == '\'')) {
        j++;
    }
    while (i < off && i < vlen && j < tl) {
        bool vs = val[i] == ' ' || val[i] == '\n' || val[i] == '\t' || val[i] == '\r';
        bool ts = t[j] == ' ' || t[j] == '\n' || t[j] == '\t' || t[j] == '\r';
        if (vs) {
            while (i < vlen && i < off &&
                   (val[i] == ' ' || val[i] == '\n' || val[i] == '\t' || val[i] == '\r'))
                i++;
            while (j < tl && (t[j] == ' ' || t[j] == '\n' || t[j] == '\t' || t[j] == '\r')) j++;
            continue;
        }
        if (ts) {
            while (j < tl && (t[j] == ' ' || t[j] == '\n' || t[j] == '\t' || t[j] == '\r')) j++;
            continue;
        }
        if (val[i] != t[j]) return n->pos; /* escapes in a quoted scalar: give the start */
        i++;
        j++;
    }
    while (j < tl && (t[j] == ' ' || t[j] == '\n' || t[j] == '\t' || t[j] == '\r')) j++;
    return j;
}

static struct tk_prog *compile_cond(loader *l, const tk_node *n, const char *what,
                                    const tk_compile_env *env) {
    tk_str s;
    if (n && tk_node_kind(n) == TK_BOOL) {
        /* `assert: true` reads as YAML's boolean: take it as the condition text. */
        s = tk_node_bool(n) ? (tk_str){"true", 4} : (tk_str){"false", 5};
    } else if (n && tk_node_kind(n) == TK_STRING) {
        s = tk_doc_str(&l->doc, n);
    } else {
        lfail(l, n ? n->pos : 0, "%s must be a string holding a condition", what);
        return NULL;
    }
    tk_err err;
    tk_prog *p = tk_expr_compile(&l->e->arena, s.p, s.len, env, &err);
    if (!p) {
        lfail(l, scalar_offset(&l->doc, n, s.p, s.len, err.offset), "in %s: %s", what, err.msg);
        return NULL;
    }
    if (!tk_engine_keep_prog(l->e, p)) {
        tk_prog_free(p);
        lfail(l, n->pos, "out of memory");
        return NULL;
    }
    return p;
}

static bool read_defaults(loader *l, const tk_node *n, tk_compile_env *env) {
    if (!n) return true;
    if (tk_node_kind(n) != TK_OBJECT)
        return lfail(l, n->pos, "defaults must be a mapping of attribute path to value");
    tk_default *d =
        tk_arena_array(&l->e->arena, tk_node_count(n) ? tk_node_count(n) : 1, sizeof *d);
    if (!d) return lfail(l, n->pos, "out of memory");
    uint32_t i = 0;
    for (TK_EACH_CHILD(c, n), i++) {
        tk_str k = tk_doc_key(&l->doc, c);
        d[i].path = tk_arena_strndup(&l->e->arena, k.p, k.len);
        switch (tk_node_kind(c)) {
        case TK_BOOL: d[i].value = tk_v_bool(tk_node_bool(c)); break;
        case TK_NULL: d[i].value = tk_v_null(); break;
        case TK_NUMBER: {
            double v;
            tk_doc_number(&l->doc, c, &v);
            d[i].value = tk_v_num(v);
            break;
        }
        case TK_STRING: {
            tk_str s = tk_doc_str(&l->doc, c);
            const char *cp = tk_arena_strndup(&l->e->arena, s.p, s.len);
            d[i].value = tk_v_str(cp, s.len);
            break;
        }
        default: return lfail(l, c->pos, "a default must be a string, number, boolean or null");
        }
    }
    env->defaults = d;
    env->n_defaults = tk_node_count(n);
    return true;
}

/* In Kubernetes matches, "Workload" stands for every kind that runs pods. */
static const char *const WORKLOAD_KINDS[] = {"Pod",       "Deployment", "StatefulSet",
                                             "DaemonSet", "ReplicaSet", "ReplicationController",
                                             "Job",       "CronJob",    NULL};

static bool expand_workloads(loader *l, tk_rule_match *m, const tk_node *at) {
    size_t alias = m->n_types;
    for (size_t t = 0; t < m->n_types; t++)
        if (!strcmp(m->types[t], "Workload")) alias = t;
    if (alias == m->n_types) return true;
    size_t nk = sizeof WORKLOAD_KINDS / sizeof *WORKLOAD_KINDS - 1;
    const char **a = tk_arena_array(&l->e->arena, m->n_types + nk + 1, sizeof *a);
    if (!a) return lfail(l, at->pos, "out of memory");
    size_t n = 0;
    for (size_t t = 0; t < m->n_types; t++)
        if (t != alias) a[n++] = m->types[t];
    for (size_t k = 0; k < nk; k++) {
        bool dup = false;
        for (size_t j = 0; j < n; j++) dup |= !strcmp(a[j], WORKLOAD_KINDS[k]);
        if (!dup) a[n++] = WORKLOAD_KINDS[k];
    }
    a[n] = NULL;
    m->types = a;
    m->n_types = n;
    return true;
}

static bool read_matches(loader *l, tk_rule *r, const tk_node *n, const tk_compile_env *env_in) {
    if (!n || tk_node_kind(n) != TK_ARRAY || tk_node_count(n) == 0)
        return lfail(l, n ? n->pos : 0,
                     "match must be a non-empty list of {family, resource, assert}");
    tk_rule_match *m = tk_arena_array(&l->e->arena, tk_node_count(n), sizeof *m);
    if (!m) return lfail(l, n->pos, "out of memory");
    uint32_t i = 0;
    for (TK_EACH_CHILD(c, n), i++) {
        if (tk_node_kind(c) != TK_OBJECT) return lfail(l, c->pos, "each match must be a mapping");
        const tk_node *fam = NULL, *res = NULL, *where = NULL, *as = NULL;
        for (TK_EACH_CHILD(k, c)) {
            tk_str key = tk_doc_key(&l->doc, k);
#define IS(lit) (key.len == sizeof(lit) - 1 && !memcmp(key.p, lit, key.len))
            if (IS("family"))
                fam = k;
            else if (IS("resource"))
                res = k;
            else if (IS("where"))
                where = k;
            else if (IS("assert"))
                as = k;
            else
                return lfail(
                    l, k->pos,
                    "unknown key '%.*s' in match (expected family, resource, where, assert)",
                    (int)key.len, key.p);
#undef IS
        }
        if (!fam) return lfail(l, c->pos, "match without a family");
        if (!(m[i].family = dup_str(l, fam, "family"))) return false;
        if (!is_family(m[i].family, strlen(m[i].family)))
            return lfail(l, fam->pos,
                         "unknown input family '%s' (expected terraform, cloudformation or "
                         "kubernetes)",
                         m[i].family);
        if (r->scope && res) return lfail(l, res->pos, "a scope-level rule has no resource types");
        if (!r->scope && !res) return lfail(l, c->pos, "match without resource types");
        if (res && !(m[i].types = read_str_list(l, res, "resource", &m[i].n_types))) return false;
        if (res && !strcmp(m[i].family, "kubernetes") && !expand_workloads(l, &m[i], res))
            return false;
        for (size_t t = 0; t < m[i].n_types && !strcmp(m[i].family, "cloudformation"); t++)
            if (!strstr(m[i].types[t], "::"))
                return lfail(l, res->pos,
                             "'%s' is not a CloudFormation resource type (e.g. AWS::S3::Bucket)",
                             m[i].types[t]);
        if (!as) return lfail(l, c->pos, "match without an assert condition");
        if (!(m[i].assert_cond = compile_cond(l, as, "assert", env_in))) return false;
        m[i].assert_src = m[i].assert_cond->src;
        if (where) {
            if (!(m[i].where = compile_cond(l, where, "where", env_in))) return false;
            m[i].where_src = m[i].where->src;
        }
    }
    r->matches = m;
    r->n_matches = tk_node_count(n);
    return true;
}

static bool valid_id(const char *s) {
    if (strncmp(s, "TK-", 3) != 0) return false;
    size_t parts = 0;
    for (const char *p = s + 3; *p;) {
        size_t n = 0;
        while ((p[n] >= 'A' && p[n] <= 'Z') || (p[n] >= '0' && p[n] <= '9')) n++;
        if (!n) return false;
        parts++;
        p += n;
        if (*p == '-')
            p++;
        else if (*p)
            return false;
    }
    return parts >= 2;
}

/* Ⅰ.. Ⅳ followed by .digits groups, e.g. Ⅲ.3.1.1 */
static bool valid_measure(const char *s) {
    static const char *const roman[] = {"Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ"};
    for (size_t i = 0; i < 4; i++) {
        size_t n = strlen(roman[i]);
        if (strncmp(s, roman[i], n) != 0) continue;
        const char *p = s + n;
        if (!*p) return true;
        while (*p == '.') {
            p++;
            if (*p < '0' || *p > '9') return false;
            while (*p >= '0' && *p <= '9') p++;
        }
        return *p == 0;
    }
    return false;
}

static bool read_cis(loader *l, tk_rule *r, const tk_node *n) {
    if (!n) return true;
    if (tk_node_kind(n) != TK_ARRAY)
        return lfail(l, n->pos, "cis must be a list of {benchmark, version, control}");
    tk_cis_ref *c =
        tk_arena_array(&l->e->arena, tk_node_count(n) ? tk_node_count(n) : 1, sizeof *c);
    if (!c) return lfail(l, n->pos, "out of memory");
    uint32_t i = 0;
    for (TK_EACH_CHILD(e, n), i++) {
        if (tk_node_kind(e) != TK_OBJECT)
            return lfail(l, e->pos, "each cis reference must be a mapping");
        for (TK_EACH_CHILD(k, e)) {
            tk_str key = tk_doc_key(&l->doc, k);
            if (key.len == 9 && !memcmp(key.p, "benchmark", 9))
                c[i].benchmark = dup_str(l, k, "benchmark");
            else if (key.len == 7 && !memcmp(key.p, "version", 7))
                c[i].version = dup_str(l, k, "version");
            else if (key.len == 7 && !memcmp(key.p, "control", 7))
                c[i].control = dup_str(l, k, "control");
            else
                return lfail(l, k->pos,
                             "unknown key '%.*s' in cis (expected benchmark, version, control)",
                             (int)key.len, key.p);
            if (l->failed) return false;
        }
        if (!c[i].benchmark || !c[i].version || !c[i].control)
            return lfail(l, e->pos, "a cis reference needs benchmark, version and control");
    }
    r->cis = c;
    r->n_cis = tk_node_count(n);
    return true;
}

/* Other standards a rule corresponds to: [{standard, control}]. */
static bool read_references(loader *l, tk_rule *r, const tk_node *n) {
    if (!n) return true;
    if (tk_node_kind(n) != TK_ARRAY)
        return lfail(l, n->pos, "references must be a list of {standard, control}");
    tk_std_ref *v = tk_arena_array(&l->e->arena, tk_node_count(n) ? tk_node_count(n) : 1, sizeof *v);
    if (!v) return lfail(l, n->pos, "out of memory");
    uint32_t i = 0;
    for (TK_EACH_CHILD(e, n), i++) {
        if (tk_node_kind(e) != TK_OBJECT) return lfail(l, e->pos, "each reference must be a mapping");
        for (TK_EACH_CHILD(k, e)) {
            tk_str key = tk_doc_key(&l->doc, k);
            if (key.len == 8 && !memcmp(key.p, "standard", 8)) v[i].standard = dup_str(l, k, "standard");
            else if (key.len == 7 && !memcmp(key.p, "control", 7)) v[i].control = dup_str(l, k, "control");
            else
                return lfail(l, k->pos, "unknown key '%.*s' in references (expected standard, control)",
                             (int)key.len, key.p);
            if (l->failed) return false;
        }
        if (!v[i].standard || !v[i].control)
            return lfail(l, e->pos, "a reference needs standard and control");
    }
    r->references = v;
    r->n_references = tk_node_count(n);
    return true;
}

static bool build_rule(loader *l, const tk_node *root, tk_rule *r) {
    if (!root || tk_node_kind(root) != TK_OBJECT)
        return lfail(l, root ? root->pos : 0, "a rule file must be a mapping");
    const tk_node *f[20] = {0};
    static const char *const keys[] = {
        "id",    "provider",  "category", "guideline",   "cis",      "severity", "level", "scope",
        "title", "rationale", "risk",     "remediation", "defaults", "match",    "references", NULL};
    for (TK_EACH_CHILD(c, root)) {
        tk_str k = tk_doc_key(&l->doc, c);
        size_t j = 0;
        while (keys[j] && !(strlen(keys[j]) == k.len && !memcmp(keys[j], k.p, k.len))) j++;
        if (!keys[j]) return lfail(l, c->pos, "unknown key '%.*s' in rule", (int)k.len, k.p);
        f[j] = c;
    }
    enum {
        ID,
        PROVIDER,
        CATEGORY,
        GUIDELINE,
        CIS,
        SEVERITY,
        LEVEL,
        SCOPE,
        TITLE,
        RATIONALE,
        RISK,
        REMEDIATION,
        DEFAULTS,
        MATCH,
        REFERENCES
    };
    static const int required[] = {ID,    PROVIDER,  CATEGORY, GUIDELINE,   SEVERITY, LEVEL,
                                   TITLE, RATIONALE, RISK,     REMEDIATION, MATCH};
    for (size_t i = 0; i < sizeof required / sizeof *required; i++)
        if (!f[required[i]]) return lfail(l, root->pos, "rule has no '%s'", keys[required[i]]);
    if (!(r->id = dup_str(l, f[ID], "id"))) return false;
    if (!valid_id(r->id))
        return lfail(l, f[ID]->pos, "rule id '%s' must look like TK-AWS-S3-001", r->id);
    if (tk_engine_find_rule(l->e, r->id))
        return lfail(l, f[ID]->pos, "rule id '%s' is already loaded", r->id);
    if (!(r->provider = dup_str(l, f[PROVIDER], "provider"))) return false;
    if (!(r->category = dup_str(l, f[CATEGORY], "category"))) return false;
    if (!tk_category_title(r->category, false))
        return lfail(
            l, f[CATEGORY]->pos,
            "unknown category '%s' (expected one of 1, 2, 3, 4.1, 4.2, 5, 6.1, 6.2, 6.3, 6.4, 7)",
            r->category);
    if (!(r->guideline = read_str_list(l, f[GUIDELINE], "guideline", &r->n_guideline)))
        return false;
    for (size_t i = 0; i < r->n_guideline; i++)
        if (!valid_measure(r->guideline[i]))
            return lfail(l, f[GUIDELINE]->pos, "guideline '%s' is not a measure ID such as Ⅲ.3.1.1",
                         r->guideline[i]);
    if (!read_cis(l, r, f[CIS])) return false;
    if (!read_references(l, r, f[REFERENCES])) return false;
    const char *sev = dup_str(l, f[SEVERITY], "severity");
    if (!sev) return false;
    if (!tk_severity_parse(sev, &r->severity))
        return lfail(l, f[SEVERITY]->pos,
                     "severity '%s' must be critical, high, medium, low or info", sev);
    const char *lev = dup_str(l, f[LEVEL], "level");
    if (!lev) return false;
    if (!strcmp(lev, "basic"))
        r->level = TK_LEVEL_BASIC;
    else if (!strcmp(lev, "recommended"))
        r->level = TK_LEVEL_RECOMMENDED;
    else
        return lfail(l, f[LEVEL]->pos, "level '%s' must be basic (基本) or recommended (推奨)",
                     lev);
    if (f[SCOPE]) {
        if (tk_node_kind(f[SCOPE]) != TK_BOOL)
            return lfail(l, f[SCOPE]->pos, "scope must be true or false");
        r->scope = tk_node_bool(f[SCOPE]);
    }
    if (!read_i18n(l, f[TITLE], "title", &r->title, NULL) ||
        !read_i18n(l, f[RATIONALE], "rationale", &r->rationale, NULL) ||
        !read_i18n(l, f[RISK], "risk", &r->risk, NULL) ||
        !read_i18n(l, f[REMEDIATION], "remediation", &r->remediation, r))
        return false;
    tk_compile_env env = {.scope = r->scope};
    if (!read_defaults(l, f[DEFAULTS], &env)) return false;
    if (!read_matches(l, r, f[MATCH], &env)) return false;
    return true;
}

bool tk_engine_load_rule(tk_engine *e, const char *path, const char *text, size_t len,
                         tk_diag *diag) {
    loader l = {.e = e, .path = path ? path : "(rule)", .diag = diag};
    tk_doc_init(&l.doc, l.path);
    tk_err err;
    bool ok = false;
    if (diag) memset(diag, 0, sizeof *diag);
    if (!tk_text_decode(&l.doc.text, text, len, 1u << 20, &err)) {
        lfail(&l, err.offset, "%s", err.msg);
        goto out;
    }
    tk_yaml_opts yo = {.max_depth = 32, .max_alias_nodes = 1000};
    if (!tk_yaml_parse(&l.doc, &yo, &err)) {
        lfail(&l, err.offset, "%s", err.msg);
        goto out;
    }
    const tk_node *stream = tk_doc_root(&l.doc);
    if (!stream || tk_node_count(stream) != 1) {
        lfail(&l, 0, "a rule file must hold exactly one YAML document");
        goto out;
    }
    tk_rule *r = tk_arena_alloc(&e->arena, sizeof *r);
    if (!r) {
        lfail(&l, 0, "out of memory");
        goto out;
    }
    r->source = tk_arena_strdup(&e->arena, l.path);
    if (!build_rule(&l, stream + 1, r)) goto out;
    if (!tk_engine_add_rule(e, r, text, len)) {
        lfail(&l, 0, "out of memory");
        goto out;
    }
    ok = true;
out:
    tk_doc_free(&l.doc);
    return ok;
}
