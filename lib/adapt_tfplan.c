/* Terraform plan and state JSON (`terraform show -json`) -> resource table.
 *
 * Values come from planned_values (or values, for state), overlaid with the after_unknown
 * mask of the matching resource_changes entry, so attributes known only after apply are
 * unknown rather than missing. Resources that only appear in resource_changes are taken
 * from their "after" value, deleted ones are left out, and data sources read earlier come
 * from prior_state. The configuration section answers "what does this attribute refer
 * to", following module inputs and outputs. */
#include "adapt_tfplan.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* How a plan is read (see tk_json_opts): what rules never look at is left out, null
 * attribute values are dropped (absent and null mean the same to rules), unknown-masks keep
 * only what is unknown, and a change's "after" is skipped when planned_values came first
 * (real plans list every planned resource there; trimmed ones are read again in full). */
#define META(prefix) prefix "/provider_name", prefix "/schema_version", prefix "/name"
#define PV_RES(prefix) prefix "/sensitive_values", "~" prefix "/values"
#define CFG_META(prefix) prefix "/provider_config_key", prefix "/schema_version", prefix "/name", \
    prefix "/type", prefix "/mode"
#define COMMON_PATTERNS \
    "resource_changes/*/change/before", "resource_changes/*/change/before_sensitive", \
    "resource_changes/*/change/after_sensitive", "resource_changes/*/change/replace_paths", \
    "resource_changes/*/provider_name", "resource_changes/*/name", "resource_drift", \
    "relevant_attributes", "output_changes", "planned_values/outputs", \
    "prior_state/**/sensitive_values", "values/**/sensitive_values", \
    "configuration/**/constant_value", "configuration/provider_config", \
    "~resource_changes/*/change/after", "!resource_changes/*/change/after_unknown", \
    "~prior_state/**/values", "~values/**/values", \
    /* planned_values paths are spelled out (three module levels) so that no pattern stays \
     * alive inside attribute values, where matching would only cost time */ \
    PV_RES("planned_values/root_module/resources/*"), \
    PV_RES("planned_values/root_module/child_modules/*/resources/*"), \
    PV_RES("planned_values/root_module/child_modules/*/child_modules/*/resources/*"), \
    META("planned_values/root_module/resources/*"), \
    META("planned_values/root_module/child_modules/*/resources/*"), \
    META("planned_values/root_module/child_modules/*/child_modules/*/resources/*"), \
    CFG_META("configuration/root_module/resources/*"), \
    CFG_META("configuration/root_module/module_calls/*/module/resources/*")

/* A change then only contributes its address, actions and unknown-mask; the rest repeats
 * what planned_values says. */
const char *const tk_tfplan_skip[] = {
    "?planned_values:resource_changes/*/change/after",  "?planned_values:resource_changes/*/type",
    "?planned_values:resource_changes/*/mode",          "?planned_values:resource_changes/*/index",
    "?planned_values:resource_changes/*/module_address", "?planned_values:resource_changes/*/action_reason",
    COMMON_PATTERNS};
const size_t tk_tfplan_n_skip = sizeof tk_tfplan_skip / sizeof *tk_tfplan_skip;
const char *const tk_tfplan_skip_keep_after[] = {COMMON_PATTERNS};
const size_t tk_tfplan_n_skip_keep_after = sizeof tk_tfplan_skip_keep_after / sizeof *tk_tfplan_skip_keep_after;

struct tk_tfplan {
    const tk_doc *d;
    tk_strmap config;      /* "module.a.module.b\x1ftype.name" -> config resource node index */
    tk_strmap calls;       /* "module.a.module.b" -> module_call node index */
    /* resource_changes entries in document order, matched to planned resources by walking
     * both in step (Terraform writes them in the same order); a map over the changes is
     * built only when an entry turns up out of step. */
    const tk_node **changes;
    tk_str *change_addr;
    uint8_t *change_used;
    size_t n_changes, cursor;
    tk_strmap change_map; /* address -> index in changes, built on demand */
    bool change_map_built;
    bool changes_sorted; /* by address (as Terraform writes them): misses use binary search */
    tk_strmap seen; /* addresses added without a change of their own, and data sources */
    const tk_rtable *t;      /* the table being filled */
    uint32_t *config_cache;  /* per resource: 0 not looked up, 1 none, else node index + 2 */
    tk_arena arena;
    tk_err *err;
    bool failed;
    bool needs_after; /* a change's "after" was skipped but is the only source of values */
    bool is_state;    /* state JSON: no configuration, no unknown values */
};

enum { MAX_MODULE_DEPTH = 64, MAX_REF_DEPTH = 16 };

static bool afail(tk_tfplan *p, const tk_node *at, const char *fmt, const char *arg) {
    if (!p->failed) {
        tk_err_set(p->err, at ? at->pos : 0, fmt, arg);
        p->failed = true;
    }
    return false;
}

static uint32_t idx_of(const tk_doc *d, const tk_node *n) {
    return (uint32_t)(n - d->nodes);
}

bool tk_tfplan_detect(const tk_doc *d) {
    const tk_node *r = tk_doc_root(d);
    if (!r || tk_node_kind(r) != TK_OBJECT) return false;
    return tk_doc_get(d, r, "planned_values") || tk_doc_get(d, r, "resource_changes") ||
           (tk_doc_get(d, r, "values") && tk_doc_get(d, r, "format_version"));
}

/* Member that must be of a kind when present. */
static const tk_node *member(tk_tfplan *p, const tk_node *obj, const char *key, tk_kind kind,
                             const char *what) {
    const tk_node *n = tk_doc_get(p->d, obj, key);
    if (!n || tk_node_kind(n) == TK_NULL) return NULL;
    if (tk_node_kind(n) != kind) {
        afail(p, n, "%s", what);
        return NULL;
    }
    return n;
}

/* "module.a[0].module.b" -> "module.a.module.b" (arena). */
static tk_str strip_keys(tk_tfplan *p, tk_str m) {
    char *o = tk_arena_alloc(&p->arena, m.len + 1);
    if (!o) return (tk_str){NULL, 0};
    size_t n = 0;
    for (size_t i = 0; i < m.len; i++) {
        if (m.p[i] == '[') {
            bool q = false;
            for (i++; i < m.len; i++) {
                if (m.p[i] == '\\' && q) {
                    i++;
                    continue;
                }
                if (m.p[i] == '"') q = !q;
                else if (m.p[i] == ']' && !q) break;
            }
            continue;
        }
        o[n++] = m.p[i];
    }
    o[n] = 0;
    return (tk_str){o, n};
}

static tk_str join3(tk_tfplan *p, tk_str a, const char *sep, tk_str b) {
    size_t sl = strlen(sep);
    char *o = tk_arena_alloc(&p->arena, a.len + sl + b.len + 1);
    if (!o) return (tk_str){NULL, 0};
    memcpy(o, a.p, a.len);
    memcpy(o + a.len, sep, sl);
    memcpy(o + a.len + sl, b.p, b.len);
    return (tk_str){o, a.len + sl + b.len};
}

/* ---- configuration index ---- */

static bool index_config_module(tk_tfplan *p, const tk_node *mod, tk_str path, int depth) {
    if (depth > MAX_MODULE_DEPTH) return afail(p, mod, "%s", "modules nested too deeply");
    const tk_node *res = member(p, mod, "resources", TK_ARRAY, "configuration resources: expected an array");
    if (p->failed) return false;
    if (res) {
        for (TK_EACH_CHILD(r, res)) {
            if (tk_node_kind(r) != TK_OBJECT) return afail(p, r, "%s", "configuration resource: expected an object");
            const tk_node *a = tk_doc_get(p->d, r, "address");
            if (!a || tk_node_kind(a) != TK_STRING) continue;
            tk_str as = tk_doc_str(p->d, a);
            /* Root-module resources are keyed by their address as it stands in the document;
             * module resources by "module path \x1f address". */
            tk_str key = path.len ? join3(p, path, "\x1f", as) : as;
            if (!key.p) return afail(p, r, "%s", "out of memory");
            uint32_t *v = tk_strmap_put(&p->config, key.p, key.len, NULL);
            if (!v) return afail(p, r, "%s", "out of memory");
            *v = idx_of(p->d, r);
        }
    }
    const tk_node *calls = member(p, mod, "module_calls", TK_OBJECT, "module_calls: expected an object");
    if (p->failed) return false;
    if (!calls) return true;
    for (TK_EACH_CHILD(c, calls)) {
        if (tk_node_kind(c) != TK_OBJECT) return afail(p, c, "%s", "module call: expected an object");
        tk_str name = tk_doc_key(p->d, c);
        tk_str child = path.len ? join3(p, path, ".module.", name)
                                : join3(p, (tk_str){"module", 6}, ".", name);
        if (!child.p) return afail(p, c, "%s", "out of memory");
        uint32_t *v = tk_strmap_put(&p->calls, child.p, child.len, NULL);
        if (!v) return afail(p, c, "%s", "out of memory");
        *v = idx_of(p->d, c);
        const tk_node *m = member(p, c, "module", TK_OBJECT, "module call body: expected an object");
        if (p->failed) return false;
        if (m && !index_config_module(p, m, child, depth + 1)) return false;
    }
    return true;
}

static const tk_node *config_of(tk_tfplan *p, const tk_resource *res);

/* ---- references ---- */

typedef struct ref_ctx {
    tk_tfplan *p;
    const tk_resource *src;
    tk_ref_target *out;
    size_t cap, n;
    bool resolved;
    bool hint_same;
    bool via_each; /* the expression reads each.value: the targets come from for_each */
} ref_ctx;

static void add_target(ref_ctx *rc, tk_str module, tk_str base, tk_str index, tk_idx_mode mode) {
    for (size_t i = 0; i < rc->n; i++) {
        tk_ref_target *t = &rc->out[i];
        if (t->module.len == module.len && t->base.len == base.len &&
            !memcmp(t->module.p, module.p, module.len) && !memcmp(t->base.p, base.p, base.len)) {
            if (mode == TK_IDX_EXACT && t->mode != TK_IDX_EXACT) {
                t->index = index; /* the more specific form of the same reference wins */
                t->mode = mode;
            }
            return;
        }
    }
    if (rc->n == rc->cap) {
        rc->resolved = false;
        return;
    }
    rc->out[rc->n++] = (tk_ref_target){module, base, index, mode};
}

static void resolve_refs(ref_ctx *rc, const tk_node *refs, tk_str module, int depth);

/* Parent module instance of "module.a[0].module.b" is "module.a[0]". */
static tk_str parent_module(tk_str m) {
    for (size_t i = m.len; i >= 8; i--)
        if (!memcmp(m.p + i - 8, ".module.", 8)) return (tk_str){m.p, i - 8};
    return (tk_str){m.p, 0};
}

static void resolve_one(ref_ctx *rc, tk_str ref, tk_str module, int depth) {
    tk_tfplan *p = rc->p;
    const char *s = ref.p;
    size_t n = ref.len;
#define STARTS(lit) (n >= sizeof(lit) - 1 && !memcmp(s, lit, sizeof(lit) - 1))
    if (STARTS("count.") || STARTS("each.")) {
        rc->hint_same = true;
        if (STARTS("each.value")) rc->via_each = true;
        return;
    }
    if (STARTS("path.") || STARTS("terraform.") || STARTS("self.")) return;
    if (STARTS("local.")) {
        rc->resolved = false;
        return;
    }
    if (STARTS("var.")) {
        if (!module.len) return; /* root variables have known values */
        tk_str name = {s + 4, 0};
        while (name.len < n - 4 && name.p[name.len] != '.' && name.p[name.len] != '[') name.len++;
        tk_str key = strip_keys(p, module);
        uint32_t *ci = key.p ? tk_strmap_get(&p->calls, key.p, key.len) : NULL;
        const tk_node *call = ci ? &p->d->nodes[*ci] : NULL;
        const tk_node *ex = call ? tk_doc_get(p->d, call, "expressions") : NULL;
        const tk_node *e = ex ? tk_doc_getn(p->d, ex, name.p, name.len) : NULL;
        const tk_node *r = e ? tk_doc_get(p->d, e, "references") : NULL;
        /* Without references the input is a constant (or left to its default): it points
         * at no resource. */
        if (!call) rc->resolved = false;
        else if (r) resolve_refs(rc, r, parent_module(module), depth + 1);
        return;
    }
    if (STARTS("module.")) {
        /* module.NAME.OUTPUT: follow the output's expression into the child module. */
        size_t i = 7;
        while (i < n && s[i] != '.' && s[i] != '[') i++;
        tk_str name = {s + 7, i - 7};
        if (i >= n || s[i] != '.') return; /* the bare "module.NAME" form adds nothing */
        tk_str out = {s + i + 1, 0};
        while (out.len < n - i - 1 && out.p[out.len] != '.' && out.p[out.len] != '[') out.len++;
        tk_str child = module.len ? join3(p, module, ".module.", name)
                                  : join3(p, (tk_str){"module", 6}, ".", name);
        tk_str key = child.p ? strip_keys(p, child) : child;
        uint32_t *ci = key.p ? tk_strmap_get(&p->calls, key.p, key.len) : NULL;
        const tk_node *call = ci ? &p->d->nodes[*ci] : NULL;
        if (!call || tk_doc_get(p->d, call, "count_expression") ||
            tk_doc_get(p->d, call, "for_each_expression")) {
            rc->resolved = false; /* an instance of a counted module: not knowable here */
            return;
        }
        const tk_node *m = tk_doc_get(p->d, call, "module");
        const tk_node *outs = m ? tk_doc_get(p->d, m, "outputs") : NULL;
        const tk_node *o = outs ? tk_doc_getn(p->d, outs, out.p, out.len) : NULL;
        const tk_node *ex = o ? tk_doc_get(p->d, o, "expression") : NULL;
        const tk_node *r = ex ? tk_doc_get(p->d, ex, "references") : NULL;
        if (!ex) rc->resolved = false;
        else if (r) resolve_refs(rc, r, child, depth + 1);
        return;
    }
    /* A resource: [data.]type.name[index][.attr...] */
    size_t i = STARTS("data.") ? 5 : 0;
    while (i < n && s[i] != '.') i++;
    if (i >= n) return;
    i++;
    while (i < n && s[i] != '.' && s[i] != '[') i++;
    tk_str base = {s, i};
    if (i < n && s[i] == '[') {
        size_t j = i + 1;
        bool q = false;
        for (; j < n; j++) {
            if (s[j] == '\\' && q) {
                j++;
                continue;
            }
            if (s[j] == '"') q = !q;
            else if (s[j] == ']' && !q) break;
        }
        if (j < n) {
            tk_str idx = {s + i, j - i + 1};
            bool literal = (idx.p[1] >= '0' && idx.p[1] <= '9') || idx.p[1] == '"';
            add_target(rc, module, base, idx, literal ? TK_IDX_EXACT : TK_IDX_ANY);
            return;
        }
    }
#undef STARTS
    add_target(rc, module, base, (tk_str){"", 0}, TK_IDX_ANY);
}

static void resolve_refs(ref_ctx *rc, const tk_node *refs, tk_str module, int depth) {
    if (depth > MAX_REF_DEPTH || tk_node_kind(refs) != TK_ARRAY) {
        rc->resolved = false;
        return;
    }
    for (TK_EACH_CHILD(e, refs))
        if (tk_node_kind(e) == TK_STRING) resolve_one(rc, tk_doc_str(rc->p->d, e), module, depth);
}

static bool plan_targets(void *self, const tk_resource *res, const char *attr, tk_ref_target *out,
                         size_t cap, size_t *n, bool *resolved) {
    tk_tfplan *p = self;
    *n = 0;
    *resolved = true;
    const tk_node *cfg = config_of(p, res);
    if (!cfg) {
        *resolved = false;
        return true;
    }
    const tk_node *ex = tk_doc_get(p->d, cfg, "expressions");
    const tk_node *e = ex ? tk_doc_get(p->d, ex, attr) : NULL;
    const tk_node *refs = e && tk_node_kind(e) == TK_OBJECT ? tk_doc_get(p->d, e, "references") : NULL;
    if (!refs) return true; /* not set, or a constant: the value itself is known */
    ref_ctx rc = {p, res, out, cap, 0, true, false, false};
    resolve_refs(&rc, refs, tk_res_module(res), 0);
    if (rc.via_each && rc.n == 0) {
        /* `x = each.value.id` with `for_each = aws_vpc.per_env`: the instance with the same
         * key of the resource that for_each iterates over. */
        const tk_node *fe = tk_doc_get(p->d, cfg, "for_each_expression");
        const tk_node *fr = fe && tk_node_kind(fe) == TK_OBJECT ? tk_doc_get(p->d, fe, "references") : NULL;
        if (fr) resolve_refs(&rc, fr, tk_res_module(res), 0);
        else rc.resolved = false;
    }
    if (rc.hint_same && tk_res_index(res).len)
        for (size_t i = 0; i < rc.n; i++)
            if (out[i].mode == TK_IDX_ANY) out[i].mode = TK_IDX_SAME;
    *n = rc.n;
    *resolved = rc.resolved;
    return true;
}

/* Does the configuration set this attribute path? Nested blocks appear in `expressions` as
 * lists of objects; the first block stands for all (blocks of one kind share their shape). */
static tk_tri plan_configured(void *self, const tk_resource *res, const char *path) {
    tk_tfplan *p = self;
    const tk_node *cfg = p->is_state ? NULL : config_of(p, res);
    if (!cfg && p->is_state) {
        /* A state has no configuration, but nothing in it is unknown either: an attribute
         * the configuration set has a value. */
        const tk_node *n = res->values;
        while (n && *path) {
            const char *dot = strchr(path, '.');
            size_t l = dot ? (size_t)(dot - path) : strlen(path);
            if (tk_node_kind(n) == TK_ARRAY) n = tk_doc_at(n, 0);
            n = n && tk_node_kind(n) == TK_OBJECT ? tk_doc_getn(p->d, n, path, l) : NULL;
            path += l;
            if (*path == '.') path++;
        }
        return n && tk_node_kind(n) != TK_NULL ? TK_TRUE : TK_FALSE;
    }
    if (!cfg) return TK_UNKNOWN_TRI;
    const tk_node *n = tk_doc_get(p->d, cfg, "expressions");
    if (!n) return TK_FALSE;
    while (*path) {
        const char *dot = strchr(path, '.');
        size_t l = dot ? (size_t)(dot - path) : strlen(path);
        if (tk_node_kind(n) == TK_ARRAY) n = tk_doc_at(n, 0);
        if (!n || tk_node_kind(n) != TK_OBJECT) return TK_FALSE;
        n = tk_doc_getn(p->d, n, path, l);
        if (!n) return TK_FALSE;
        path += l;
        if (*path == '.') path++;
    }
    return TK_TRUE;
}

/* ---- resources ---- */

/* The members of a resource entry or a change the adapter reads, found in one pass. */
typedef struct entry_fields {
    const tk_node *address, *type, *mode, *values, *change, *actions, *after, *after_unknown;
} entry_fields;

static void read_fields(const tk_doc *d, const tk_node *obj, entry_fields *f) {
    memset(f, 0, sizeof *f);
    if (!obj || tk_node_kind(obj) != TK_OBJECT) return;
    for (TK_EACH_CHILD(c, obj)) {
        char first = (c->tag & TK_NODE_KEY_SIDE) || c->key == TK_NO_KEY ? tk_doc_key(d, c).p[0]
                                                                         : d->text.data[c->key + 1];
#define F(name, field)                                                                             \
    if (tk_doc_key_eq(d, c, name, sizeof(name) - 1)) {                                             \
        if (!f->field) f->field = c;                                                               \
        continue;                                                                                  \
    }
        switch (first) {
        case 'a':
            F("address", address);
            F("actions", actions);
            F("after", after);
            F("after_unknown", after_unknown);
            break;
        case 't': F("type", type); break;
        case 'm': F("mode", mode); break;
        case 'v': F("values", values); break;
        case 'c': F("change", change); break;
        default: break;
        }
#undef F
    }
}

static int str_cmp(tk_str a, tk_str b) {
    int c = memcmp(a.p, b.p, a.len < b.len ? a.len : b.len);
    if (c) return c;
    return a.len < b.len ? -1 : a.len > b.len;
}

/* The configuration block of a resource, looked up the first time a rule needs it (most
 * resources are never asked about their configuration) and remembered. */
static const tk_node *config_of(tk_tfplan *p, const tk_resource *res) {
    if (!p->config.n || !p->t) return NULL;
    size_t ri = (size_t)(res - p->t->items);
    if (ri >= p->t->n) return NULL;
    if (!p->config_cache) {
        p->config_cache = calloc(p->t->n ? p->t->n : 1, sizeof *p->config_cache);
        if (!p->config_cache) return NULL;
    }
    if (p->config_cache[ri]) return p->config_cache[ri] == 1 ? NULL : &p->d->nodes[p->config_cache[ri] - 2];
    const tk_doc *d = p->d;
    const tk_resource r = *res;
    const tk_node *found = NULL;
    {
        /* Key "module path without instance keys \x1f type.name", built on the stack. */
        char stack[512];
        tk_str mod = tk_res_module(&r), base = tk_res_base(&r);
        size_t cap = mod.len + base.len + 2;
        char *key = cap <= sizeof stack ? stack : malloc(cap);
        if (!key) return NULL;
        size_t n = 0;
        if (!mod.len) {
            uint32_t *ci = tk_strmap_get(&p->config, base.p, base.len);
            if (ci) found = &d->nodes[*ci];
        } else {
            for (size_t i = 0; i < mod.len; i++) {
                if (mod.p[i] == '[') { /* skip an instance key, quoted or not */
                    bool q = false;
                    for (i++; i < mod.len; i++) {
                        if (mod.p[i] == '\\' && q) {
                            i++;
                            continue;
                        }
                        if (mod.p[i] == '"') q = !q;
                        else if (mod.p[i] == ']' && !q) break;
                    }
                    continue;
                }
                key[n++] = mod.p[i];
            }
            key[n++] = 0x1f;
            memcpy(key + n, base.p, base.len);
            n += base.len;
            uint32_t *ci = tk_strmap_get(&p->config, key, n);
            if (ci) found = &d->nodes[*ci];
        }
        if (key != stack) free(key);
    }
    p->config_cache[ri] = found ? (uint32_t)(found - d->nodes) + 2 : 1;
    return found;
}

/* The index of the change for an address, or -1. */
static long find_change(tk_tfplan *p, tk_str a) {
    if (p->cursor < p->n_changes) {
        tk_str c = p->change_addr[p->cursor];
        if (c.len == a.len && memcmp(c.p, a.p, a.len) == 0) return (long)p->cursor++;
    }
    if (!p->n_changes) return -1;
    if (p->changes_sorted) {
        size_t lo = 0, hi = p->n_changes;
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (str_cmp(p->change_addr[mid], a) < 0) lo = mid + 1;
            else hi = mid;
        }
        if (lo == p->n_changes || str_cmp(p->change_addr[lo], a) != 0) return -1;
        if (lo >= p->cursor) p->cursor = lo + 1;
        return (long)lo;
    }
    if (!p->change_map_built) {
        for (size_t i = 0; i < p->n_changes; i++) {
            bool fresh;
            uint32_t *v = tk_strmap_put(&p->change_map, p->change_addr[i].p, p->change_addr[i].len, &fresh);
            if (!v) return afail(p, p->changes[i], "%s", "out of memory"), -1;
            if (fresh) *v = (uint32_t)i; /* the first of duplicate addresses stands */
        }
        p->change_map_built = true;
    }
    uint32_t *v = tk_strmap_get(&p->change_map, a.p, a.len);
    if (!v) return -1;
    if (*v >= p->cursor) p->cursor = *v + 1; /* back in step after a block out of order */
    return (long)*v;
}

/* Some attributes the provider plans as a digest of what the configuration says (user_data
 * of instances becomes its SHA-1 in hex). A rule reading one would judge the digest, not the
 * text: it is marked unknown instead (Terraform source gives the text). The document is
 * the adapter's to shape, like the parser's path patterns. */
static void hide_digests(tk_tfplan *p, const tk_resource *r) {
    static const char *const types[] = {"aws_instance", "aws_launch_configuration", "aws_spot_instance_request"};
    bool hashed_type = false;
    for (size_t i = 0; i < sizeof types / sizeof *types && !hashed_type; i++)
        hashed_type = r->type.len == strlen(types[i]) && !memcmp(r->type.p, types[i], r->type.len);
    if (!hashed_type) return;
    tk_node *n = (tk_node *)tk_doc_get(p->d, r->values, "user_data");
    if (!n || tk_node_kind(n) != TK_STRING) return;
    tk_str v = tk_doc_str(p->d, n);
    if (v.len != 40) return;
    for (size_t i = 0; i < v.len; i++)
        if (!((v.p[i] >= '0' && v.p[i] <= '9') || (v.p[i] >= 'a' && v.p[i] <= 'f'))) return;
    n->tag = (n->tag & ~(uint32_t)TK_NODE_KIND_MASK) | TK_UNKNOWN;
}

/* change: the index of the resource's change, or -1. */
static bool add_resource(tk_tfplan *p, tk_rtable *t, const tk_node *entry, const entry_fields *ef,
                         const tk_node *values, const tk_node *unknown, long change) {
    const tk_doc *d = p->d;
    const tk_node *a = ef->address, *ty = ef->type, *mode = ef->mode;
    if (!a || tk_node_kind(a) != TK_STRING) return afail(p, entry, "%s", "resource without an \"address\" string");
    if (!ty || tk_node_kind(ty) != TK_STRING) return afail(p, entry, "%s", "resource without a \"type\" string");
    tk_resource r = {0};
    r.address = tk_doc_str(d, a);
    r.type = tk_doc_str(d, ty);
    r.data = mode && tk_doc_str_eq(d, mode, "data");
    r.values = values && tk_node_kind(values) == TK_OBJECT ? values : NULL;
    r.unknown = unknown && tk_node_kind(unknown) == TK_OBJECT ? unknown : NULL;
    r.block = entry;
    if (r.values) hide_digests(p, &r);
    if (!tk_tf_address_split(&r)) {
        char a80[96];
        snprintf(a80, sizeof a80, "%.*s", (int)(r.address.len > 80 ? 80 : r.address.len), r.address.p);
        return afail(p, a, "malformed resource address '%s'", a80);
    }
    /* The same address twice: the first one stands. */
    if (change >= 0) {
        if (p->change_used[change]) return true;
        p->change_used[change] = 1;
    }
    if (change < 0 || r.data) {
        bool fresh;
        if (!tk_strmap_put(&p->seen, r.address.p, r.address.len, &fresh))
            return afail(p, entry, "%s", "out of memory");
        if (!fresh && change < 0) return true;
    }
    if (!tk_rtable_add(t, &r)) return afail(p, entry, "%s", "out of memory");
    return true;
}

/* Only-deleted (or forgotten) resources no longer exist after apply. */
static bool change_removes(tk_tfplan *p, const tk_node *acts) {
    if (!acts || tk_node_kind(acts) != TK_ARRAY || tk_node_count(acts) == 0) return false;
    for (TK_EACH_CHILD(e, acts))
        if (!tk_doc_str_eq(p->d, e, "delete") && !tk_doc_str_eq(p->d, e, "forget")) return false;
    return true;
}

static bool walk_module(tk_tfplan *p, tk_rtable *t, const tk_node *mod, int depth, bool data_only) {
    if (depth > MAX_MODULE_DEPTH) return afail(p, mod, "%s", "modules nested too deeply");
    if (tk_node_kind(mod) != TK_OBJECT) return afail(p, mod, "%s", "module: expected an object");
    const tk_node *res = member(p, mod, "resources", TK_ARRAY, "\"resources\": expected an array");
    if (p->failed) return false;
    if (res) {
        for (TK_EACH_CHILD(r, res)) {
            if (tk_node_kind(r) != TK_OBJECT) return afail(p, r, "%s", "resource: expected an object");
            entry_fields ef;
            read_fields(p->d, r, &ef);
            if (data_only && !(ef.mode && tk_doc_str_eq(p->d, ef.mode, "data"))) continue;
            const tk_node *values = ef.values;
            if (values && tk_node_kind(values) != TK_OBJECT && tk_node_kind(values) != TK_NULL)
                return afail(p, values, "%s", "resource \"values\": expected an object");
            const tk_node *unknown = NULL;
            long ci = -1;
            if (ef.address && tk_node_kind(ef.address) == TK_STRING) {
                tk_str as = tk_doc_str(p->d, ef.address);
                if (data_only && tk_strmap_get(&p->seen, as.p, as.len)) continue;
                ci = find_change(p, as);
                if (p->failed) return false;
                if (ci >= 0) {
                    const tk_node *ch = tk_doc_get(p->d, p->changes[ci], "change");
                    entry_fields cf;
                    read_fields(p->d, ch, &cf);
                    if (ch && change_removes(p, cf.actions)) continue;
                    unknown = cf.after_unknown;
                    if (!values || tk_node_kind(values) != TK_OBJECT) {
                        if (cf.after && tk_node_kind(cf.after) == TK_OBJECT) values = cf.after;
                        else if (ch && !cf.after) p->needs_after = true;
                    }
                }
            }
            if (!add_resource(p, t, r, &ef, values, unknown, ci)) return false;
        }
    }
    const tk_node *kids = member(p, mod, "child_modules", TK_ARRAY, "\"child_modules\": expected an array");
    if (p->failed) return false;
    if (kids) {
        for (TK_EACH_CHILD(k, kids))
            if (!walk_module(p, t, k, depth + 1, data_only)) return false;
    }
    return true;
}

tk_tfplan *tk_tfplan_adapt(const tk_doc *d, tk_rtable *t, bool *is_state, bool *reparse, tk_err *err) {
    *reparse = false;
    tk_tfplan *p = calloc(1, sizeof *p);
    if (!p) {
        tk_err_set(err, 0, "out of memory");
        return NULL;
    }
    p->d = d;
    p->err = err;
    t->doc = d;
    p->t = t;
    tk_arena_init(&p->arena);
    const tk_node *root = tk_doc_root(d);
    if (!root || tk_node_kind(root) != TK_OBJECT) {
        afail(p, root, "%s", "not a Terraform plan or state: the top level must be an object");
        goto fail;
    }
    const tk_node *pv = member(p, root, "planned_values", TK_OBJECT, "\"planned_values\": expected an object");
    const tk_node *rc = member(p, root, "resource_changes", TK_ARRAY, "\"resource_changes\": expected an array");
    const tk_node *vals = member(p, root, "values", TK_OBJECT, "\"values\": expected an object");
    const tk_node *prior = member(p, root, "prior_state", TK_OBJECT, "\"prior_state\": expected an object");
    const tk_node *cfg = member(p, root, "configuration", TK_OBJECT, "\"configuration\": expected an object");
    if (p->failed) goto fail;
    if (!pv && !rc && !vals) {
        afail(p, root, "%s", "not a Terraform plan or state: no planned_values, resource_changes or values");
        goto fail;
    }
    *is_state = !pv && !rc;
    p->is_state = *is_state;
    if (cfg) {
        const tk_node *rm = member(p, cfg, "root_module", TK_OBJECT, "configuration root_module: expected an object");
        if (p->failed) goto fail;
        if (rm && !index_config_module(p, rm, (tk_str){"", 0}, 0)) goto fail;
    }
    if (rc) {
        size_t n = tk_node_count(rc);
        p->changes = malloc((n ? n : 1) * sizeof *p->changes);
        p->change_addr = malloc((n ? n : 1) * sizeof *p->change_addr);
        p->change_used = calloc(n ? n : 1, 1);
        if (!p->changes || !p->change_addr || !p->change_used) {
            afail(p, rc, "%s", "out of memory");
            goto fail;
        }
        for (TK_EACH_CHILD(e, rc)) {
            if (tk_node_kind(e) != TK_OBJECT) {
                afail(p, e, "%s", "resource change: expected an object");
                goto fail;
            }
            const tk_node *a = tk_doc_get(d, e, "address");
            if (!a || tk_node_kind(a) != TK_STRING) {
                afail(p, e, "%s", "resource change without an \"address\" string");
                goto fail;
            }
            const tk_node *ch = tk_doc_get(d, e, "change");
            if (ch && tk_node_kind(ch) != TK_OBJECT) {
                afail(p, ch, "%s", "\"change\": expected an object");
                goto fail;
            }
            p->changes[p->n_changes] = e;
            p->change_addr[p->n_changes++] = tk_doc_str(d, a);
        }
        /* Strictly increasing addresses allow binary search (and rule out duplicates). */
        p->changes_sorted = true;
        for (size_t i = 1; i < p->n_changes && p->changes_sorted; i++)
            p->changes_sorted = str_cmp(p->change_addr[i - 1], p->change_addr[i]) < 0;
    }
    const tk_node *top = pv ? pv : vals;
    if (top) {
        const tk_node *rm = member(p, top, "root_module", TK_OBJECT, "\"root_module\": expected an object");
        if (p->failed) goto fail;
        if (rm && !walk_module(p, t, rm, 0, false)) goto fail;
    }
    /* Changes whose resource is missing from planned_values (trimmed plans). */
    if (rc) {
        for (size_t i = 0; i < p->n_changes; i++) {
            if (p->change_used[i]) continue;
            const tk_node *e = p->changes[i];
            entry_fields ef, cf;
            read_fields(d, e, &ef);
            if (!ef.change) continue;
            read_fields(d, ef.change, &cf);
            if (change_removes(p, cf.actions)) continue;
            if (!cf.after || !ef.type) p->needs_after = true;
            if (p->needs_after) continue;
            if (!add_resource(p, t, e, &ef, cf.after, cf.after_unknown, (long)i)) goto fail;
        }
    }
    /* Data sources read during an earlier refresh. */
    if (prior) {
        const tk_node *pvals = member(p, prior, "values", TK_OBJECT, "prior_state values: expected an object");
        const tk_node *rm = pvals ? member(p, pvals, "root_module", TK_OBJECT, "\"root_module\": expected an object") : NULL;
        if (p->failed) goto fail;
        if (rm && !walk_module(p, t, rm, 0, true)) goto fail;
    }
    if (p->needs_after) {
        *reparse = true;
        goto fail;
    }
    if (!tk_rtable_finish(t)) {
        afail(p, root, "%s", "out of memory");
        goto fail;
    }
    t->refs.self = p;
    t->refs.targets = cfg ? plan_targets : NULL;
    t->refs.configured = cfg || p->is_state ? plan_configured : NULL;
    return p;
fail:
    tk_tfplan_free(p);
    return NULL;
}

void tk_tfplan_free(tk_tfplan *p) {
    if (!p) return;
    tk_strmap_free(&p->config);
    tk_strmap_free(&p->calls);
    free(p->config_cache);
    free(p->changes);
    free(p->change_addr);
    free(p->change_used);
    tk_strmap_free(&p->change_map);
    tk_strmap_free(&p->seen);
    tk_arena_free(&p->arena);
    free(p);
}
