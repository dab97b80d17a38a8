/* The resource table of one input, its type index, and joins between resources. */
#include "resource.h"
#include <stdlib.h>
#include <string.h>

/* One (type, attr) join: which resources of `type` point, through `attr`, where. */
struct tk_join {
    char *type, *attr;
    tk_strmap by_value;             /* attribute value -> chain */
    tk_strmap by_target;            /* "module\x1fbase\x1findex" (index "*" = any) -> chain */
    uint32_t *link_res, *link_next; /* chains: resource index and next link */
    size_t n_links, cap_links;
    tk_arena keys;
    bool undetermined; /* some candidate's reference could not be resolved */
    bool any_instance; /* some reference points at every instance of a resource ("*") */
    struct tk_join *next;
};

void tk_rtable_init(tk_rtable *t, const char *family) {
    memset(t, 0, sizeof *t);
    tk_strmap_init(&t->by_type);
    t->family = family;
}

static void join_free(tk_join *j) {
    while (j) {
        tk_join *n = j->next;
        free(j->type);
        free(j->attr);
        tk_strmap_free(&j->by_value);
        tk_strmap_free(&j->by_target);
        free(j->link_res);
        free(j->link_next);
        tk_arena_free(&j->keys);
        free(j);
        j = n;
    }
}

void tk_rtable_free(tk_rtable *t) {
    for (size_t i = 0; i < t->n_cached; i++) free(t->cached[i].items);
    free(t->cached);
    tk_strmap_free(&t->lists);
    free(t->items);
    free(t->type_last);
    tk_strmap_free(&t->by_type);
    join_free(t->joins);
    memset(t, 0, sizeof *t);
}

tk_resource *tk_rtable_add(tk_rtable *t, const tk_resource *r) {
    if (t->n == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 64;
        tk_resource *p = realloc(t->items, cap * sizeof *p);
        if (!p) {
            t->failed = true;
            return NULL;
        }
        t->items = p;
        t->cap = cap;
    }
    t->items[t->n] = *r;
    t->items[t->n].next_of_type = UINT32_MAX;
    return &t->items[t->n++];
}

bool tk_rtable_finish(tk_rtable *t) {
    /* Chains keep input order: remember the tail of each type's chain. */
    uint32_t *tail = calloc(t->n ? t->n : 1, sizeof *tail);
    if (!tail) return t->failed = true, false;
    uint32_t *v = NULL;
    for (size_t i = 0; i < t->n; i++) {
        tk_resource *r = &t->items[i];
        bool fresh = false;
        /* Resources come grouped by address, so mostly the type is the previous one's. */
        const tk_resource *prev = i ? &t->items[i - 1] : NULL;
        if (!(v && prev && prev->type.len == r->type.len &&
              !memcmp(prev->type.p, r->type.p, r->type.len)))
            v = tk_strmap_put(&t->by_type, r->type.p, r->type.len, &fresh);
        if (!v) {
            free(tail);
            return t->failed = true, false;
        }
        if (fresh) {
            *v = (uint32_t)i;
            tail[i] = (uint32_t)i;
        } else {
            r->type = t->items[*v].type; /* one name per type: it can be compared by address */
            uint32_t last = tail[*v];
            t->items[last].next_of_type = (uint32_t)i;
            tail[*v] = (uint32_t)i;
        }
    }
    free(tail);
    return true;
}

const tk_resource *tk_rtable_first(const tk_rtable *t, const char *type, size_t len) {
    uint32_t *v = tk_strmap_get(&t->by_type, type, len);
    return v ? &t->items[*v] : NULL;
}

const tk_resource *tk_rtable_next(const tk_rtable *t, const tk_resource *r) {
    return r->next_of_type == UINT32_MAX ? NULL : &t->items[r->next_of_type];
}

/* Skips a bracketed key starting at s[i] == '['; returns the index after ']'. */
static size_t skip_key(const char *s, size_t len, size_t i) {
    i++;
    if (i < len && s[i] == '"') {
        i++;
        while (i < len && s[i] != '"') i += (s[i] == '\\') ? 2 : 1;
        i++;
    } else {
        while (i < len && s[i] != ']') i++;
    }
    return i < len && s[i] == ']' ? i + 1 : len + 1;
}

bool tk_tf_address_split(tk_resource *r) {
    const char *s = r->address.p;
    size_t len = r->address.len, i = 0, module_end = 0;
    while (len - i > 7 && memcmp(s + i, "module.", 7) == 0) {
        i += 7;
        while (i < len && s[i] != '.' && s[i] != '[') i++;
        if (i < len && s[i] == '[') {
            i = skip_key(s, len, i);
            if (i > len) return false;
        }
        if (i >= len || s[i] != '.') return false;
        module_end = i;
        i++;
    }
    size_t base = i;
    if (len - i > 5 && memcmp(s + i, "data.", 5) == 0) i += 5;
    while (i < len && s[i] != '.') i++; /* type */
    if (i >= len) return false;
    i++;
    while (i < len && s[i] != '[') i++; /* name */
    size_t idx = i;
    if (i < len && skip_key(s, len, i) != len) return false;
    (void)idx;
    r->module_len = (uint32_t)module_end;
    r->base_off = (uint32_t)base;
    return true;
}

tk_val tk_res_value(const tk_rtable *t, const tk_resource *r) {
    tk_val v = tk_v_from_node(t->doc, r->values, r->unknown);
    if (v.kind == V_NODE) v.u.n.res = r;
    return v;
}

/* ---- joins ---- */

static bool link_add(tk_join *j, tk_strmap *m, const char *key, size_t klen, uint32_t res) {
    if (j->n_links == j->cap_links) {
        size_t cap = j->cap_links ? j->cap_links * 2 : 64;
        uint32_t *a = realloc(j->link_res, cap * sizeof *a);
        if (!a) return false;
        j->link_res = a;
        uint32_t *b = realloc(j->link_next, cap * sizeof *b);
        if (!b) return false;
        j->link_next = b;
        j->cap_links = cap;
    }
    bool fresh;
    uint32_t *head = tk_strmap_put(m, key, klen, &fresh);
    if (!head) return false;
    uint32_t l = (uint32_t)j->n_links++;
    j->link_res[l] = res;
    j->link_next[l] = fresh ? UINT32_MAX : *head;
    *head = l;
    return true;
}

/* Writes "module \x1f base \x1f index" into buf (cap bytes); returns its length or 0. */
static size_t make_key(char *buf, size_t cap, tk_str module, tk_str base, tk_str index) {
    size_t n = module.len + base.len + index.len + 2;
    if (n > cap) return 0;
    memcpy(buf, module.p, module.len);
    buf[module.len] = 0x1f;
    memcpy(buf + module.len + 1, base.p, base.len);
    buf[module.len + 1 + base.len] = 0x1f;
    memcpy(buf + module.len + base.len + 2, index.p, index.len);
    return n;
}

/* The same key, kept in the join's arena for the map. */
static const char *target_key(tk_join *j, tk_str module, tk_str base, tk_str index, size_t *len) {
    size_t n = module.len + base.len + index.len + 2;
    char *k = tk_arena_alloc(&j->keys, n + 1);
    if (!k) return NULL;
    *len = make_key(k, n, module, base, index);
    return k;
}

/* Looks a key up without keeping it. */
static uint32_t *find_target(tk_join *j, tk_str module, tk_str base, tk_str index, bool *oom) {
    char stack[512];
    size_t n = module.len + base.len + index.len + 2;
    char *buf = n <= sizeof stack ? stack : malloc(n);
    if (!buf) {
        *oom = true;
        return NULL;
    }
    make_key(buf, n, module, base, index);
    uint32_t *r = tk_strmap_get(&j->by_target, buf, n);
    if (buf != stack) free(buf);
    return r;
}

static bool index_value(tk_join *j, tk_val v, uint32_t res) {
    if (v.kind == V_STR) return link_add(j, &j->by_value, v.u.str, v.slen, res);
    if (v.kind == V_NODE && tk_node_kind(v.u.n.node) == TK_ARRAY) {
        for (TK_EACH_CHILD(e, v.u.n.node))
            if (tk_node_kind(e) == TK_STRING) {
                tk_str s = tk_doc_str(v.u.n.doc, e);
                if (!link_add(j, &j->by_value, s.p, s.len, res)) return false;
            }
    }
    return true;
}

static tk_join *join_build(tk_rtable *t, const char *type, const char *attr) {
    tk_join *j = calloc(1, sizeof *j);
    if (!j) return NULL;
    j->type = strdup(type);
    j->attr = strdup(attr);
    tk_arena_init(&j->keys);
    if (!j->type || !j->attr) goto fail;
    for (const tk_resource *s = tk_rtable_first(t, type, strlen(type)); s;
         s = tk_rtable_next(t, s)) {
        uint32_t si = (uint32_t)(s - t->items);
        const tk_node *vn = s->values ? tk_doc_get(t->doc, s->values, attr) : NULL;
        const tk_node *vm = s->unknown ? tk_doc_get(t->doc, s->unknown, attr) : NULL;
        tk_val v = tk_v_from_node(t->doc, vn, vm);
        bool known = v.kind != V_UNKNOWN;
        if (known && !index_value(j, v, si)) goto fail;
        if (!t->refs.targets) {
            if (!known) j->undetermined = true;
            continue;
        }
        tk_ref_target tg[32];
        size_t n = 0;
        bool resolved = true;
        if (!t->refs.targets(t->refs.self, s, attr, tg, 32, &n, &resolved)) goto fail;
        if (!known && (!resolved || n == 0)) j->undetermined = true;
        for (size_t i = 0; i < n; i++) {
            tk_str idx = tg[i].index;
            if (tg[i].mode == TK_IDX_ANY)
                idx = (tk_str){"*", 1}, j->any_instance = true;
            else if (tg[i].mode == TK_IDX_SAME)
                idx = tk_res_index(s);
            size_t kl;
            const char *k = target_key(j, tg[i].module, tg[i].base, idx, &kl);
            if (!k || !link_add(j, &j->by_target, k, kl, si)) goto fail;
        }
    }
    j->next = t->joins;
    t->joins = j;
    return j;
fail:
    j->next = NULL;
    join_free(j);
    return NULL;
}

static tk_join *join_get(tk_rtable *t, const char *type, const char *attr) {
    size_t slot = (((uintptr_t)type >> 3) ^ ((uintptr_t)attr >> 5)) %
                  (sizeof t->join_seen / sizeof *t->join_seen);
    if (t->join_seen[slot].type == type && t->join_seen[slot].attr == attr)
        return t->join_seen[slot].join;
    tk_join *found = NULL;
    for (tk_join *j = t->joins; j && !found; j = j->next)
        if (!strcmp(j->type, type) && !strcmp(j->attr, attr)) found = j;
    if (!found) found = join_build(t, type, attr);
    if (found) {
        t->join_seen[slot].type = type;
        t->join_seen[slot].attr = attr;
        t->join_seen[slot].join = found;
    }
    return found;
}

typedef struct rel_out {
    tk_eval_ctx *ctx;
    tk_rtable *t;
    tk_val *items;
    uint32_t n, cap;
    bool partial;
} rel_out;

static bool rel_add(rel_out *o, uint32_t si) {
    const tk_resource *s = &o->t->items[si];
    if (s->uncertain) { /* it may not exist: the list is no longer complete, nor certain */
        o->partial = true;
        return true;
    }
    if (o->n == o->cap) {
        uint32_t cap = o->cap ? o->cap * 2 : 8;
        tk_val *a = tk_arena_array(o->ctx->scratch, cap, sizeof *a);
        if (!a) return false;
        if (o->n) memcpy(a, o->items, o->n * sizeof *a);
        o->items = a;
        o->cap = cap;
    }
    tk_val v = tk_res_value(o->t, s);
    if (v.kind != V_NODE) { /* a resource without values still counts as related */
        o->partial = true;
        return true;
    }
    o->items[o->n++] = v;
    return true;
}

static int cmp_res(const void *a, const void *b) {
    uintptr_t x = (uintptr_t)((const tk_val *)a)->u.n.res,
              y = (uintptr_t)((const tk_val *)b)->u.n.res;
    return x < y ? -1 : x > y;
}

/* One chain never repeats a resource; several (by value and by reference) may. */
static void rel_unique(rel_out *o) {
    if (o->n < 2) return;
    qsort(o->items, o->n, sizeof *o->items, cmp_res);
    uint32_t k = 1;
    for (uint32_t i = 1; i < o->n; i++)
        if (o->items[i].u.n.res != o->items[k - 1].u.n.res) o->items[k++] = o->items[i];
    o->n = k;
}

static bool rel_chain(rel_out *o, tk_join *j, uint32_t *head) {
    for (uint32_t l = head ? *head : UINT32_MAX; l != UINT32_MAX; l = j->link_next[l])
        if (!rel_add(o, j->link_res[l])) return false;
    return true;
}

/* The values other resources may name this one by, remembered for the resource being
 * evaluated (its rules ask again and again). */
static const tk_ids *ids_of(tk_rtable *t, const tk_resource *r) {
    if (t->ids.of == r) return &t->ids;
    static const char *const names[] = {"id", "arn", "bucket", "name"};
    t->ids.of = r;
    t->ids.n = 0;
    if (t->refs.ids) {
        t->ids.n = t->refs.ids(t->refs.self, r, t->ids.v, 4);
        return &t->ids;
    }
    for (size_t i = 0; i < sizeof names / sizeof *names && r->values; i++) {
        const tk_node *n = tk_doc_get(t->doc, r->values, names[i]);
        if (!n || tk_node_kind(n) != TK_STRING) continue;
        tk_str s = tk_doc_str(t->doc, n);
        if (s.len) t->ids.v[t->ids.n++] = s;
    }
    return &t->ids;
}

static bool host_related(void *self, tk_eval_ctx *ctx, const tk_resource *r, const char *type,
                         const char *attr, tk_vlist *out) {
    tk_rtable *t = self;
    tk_join *j = join_get(t, type, attr);
    if (!j) return ctx->failed = true, false;
    rel_out o = {ctx, t, NULL, 0, 0, j->undetermined};
    if (j->by_value.n) {
        const tk_ids *ids = ids_of(t, r);
        for (uint32_t i = 0; i < ids->n; i++)
            if (!rel_chain(&o, j, tk_strmap_get(&j->by_value, ids->v[i].p, ids->v[i].len)))
                return ctx->failed = true, false;
    }
    if (j->by_target.n) {
        tk_str idx = tk_res_index(r);
        bool oom = false;
        uint32_t *head = find_target(j, tk_res_module(r), tk_res_base(r), idx, &oom);
        if (oom || !rel_chain(&o, j, head)) return ctx->failed = true, false;
        /* A reference to "some instance" of a counted resource may or may not be this one;
         * for a resource without instances it is this one. */
        head = j->any_instance
                   ? find_target(j, tk_res_module(r), tk_res_base(r), (tk_str){"*", 1}, &oom)
                   : NULL;
        if (oom) return ctx->failed = true, false;
        if (head && idx.len)
            o.partial = true;
        else if (head && !rel_chain(&o, j, head))
            return ctx->failed = true, false;
    }
    rel_unique(&o);
    out->items = o.items;
    out->n = o.n;
    out->partial = o.partial;
    return true;
}

/* resources(type): the list is the same for every resource of the input, so it is made
 * once and kept with the table (outside the per-resource scratch arena). */
static bool host_resources(void *self, tk_eval_ctx *ctx, const char *type, tk_vlist *out) {
    tk_rtable *t = self;
    size_t tl = strlen(type);
    uint32_t *ci = tk_strmap_get(&t->lists, type, tl);
    if (ci) {
        *out = t->cached[*ci];
        return true;
    }
    bool data = strncmp(type, "data.", 5) == 0;
    const char *ty = data ? type + 5 : type;
    tk_val *items = NULL;
    uint32_t n = 0, cap = 0;
    bool partial = false;
    for (const tk_resource *r = tk_rtable_first(t, ty, strlen(ty)); r; r = tk_rtable_next(t, r)) {
        if (r->data != data) continue;
        if (r->uncertain) { /* may not exist (count, for_each or Condition not known) */
            partial = true;
            continue;
        }
        if (n == cap) {
            cap = cap ? cap * 2 : 8;
            tk_val *a = realloc(items, cap * sizeof *a);
            if (!a) {
                free(items);
                return ctx->failed = true, false;
            }
            items = a;
        }
        tk_val v = tk_res_value(t, r);
        if (v.kind == V_NODE) items[n++] = v;
    }
    if (t->n_cached == t->cap_cached) {
        size_t nc = t->cap_cached ? t->cap_cached * 2 : 8;
        tk_vlist *a = realloc(t->cached, nc * sizeof *a);
        if (!a) {
            free(items);
            return ctx->failed = true, false;
        }
        t->cached = a;
        t->cap_cached = nc;
    }
    /* The key must outlive the map: the engine's program constants do. */
    uint32_t *v = tk_strmap_put(&t->lists, type, tl, NULL);
    if (!v) {
        free(items);
        return ctx->failed = true, false;
    }
    *v = (uint32_t)t->n_cached;
    t->cached[t->n_cached++] = (tk_vlist){items, n, partial};
    *out = t->cached[*v];
    return true;
}

/* same(type, attr): resources of `type` whose `attr` points where this resource's `attr`
 * points — by equal known value, or by reference to the same resource instance. */
static bool host_same(void *self, tk_eval_ctx *ctx, const tk_resource *r, const char *type,
                      const char *attr, tk_vlist *out) {
    tk_rtable *t = self;
    tk_join *j = join_get(t, type, attr);
    if (!j) return ctx->failed = true, false;
    rel_out o = {ctx, t, NULL, 0, 0, j->undetermined};
    const tk_node *vn = r->values ? tk_doc_get(t->doc, r->values, attr) : NULL;
    const tk_node *vm = r->unknown ? tk_doc_get(t->doc, r->unknown, attr) : NULL;
    tk_val v = tk_v_from_node(t->doc, vn, vm);
    if (v.kind == V_STR) {
        if (!rel_chain(&o, j, tk_strmap_get(&j->by_value, v.u.str, v.slen)))
            return ctx->failed = true, false;
    } else if (v.kind == V_UNKNOWN) {
        tk_ref_target tg[32];
        size_t n = 0;
        bool resolved = true;
        if (!t->refs.targets || !t->refs.targets(t->refs.self, r, attr, tg, 32, &n, &resolved) ||
            !resolved || !n) {
            o.partial = true;
        }
        for (size_t i = 0; i < n; i++) {
            tk_str idx = tg[i].mode == TK_IDX_ANY    ? (tk_str){"*", 1}
                         : tg[i].mode == TK_IDX_SAME ? tk_res_index(r)
                                                     : tg[i].index;
            bool oom = false;
            uint32_t *head = find_target(j, tg[i].module, tg[i].base, idx, &oom);
            if (oom || !rel_chain(&o, j, head)) return ctx->failed = true, false;
        }
    }
    rel_unique(&o);
    out->items = o.items;
    out->n = o.n;
    out->partial = o.partial;
    return true;
}

static tk_tri host_configured(void *self, const tk_resource *r, const char *path) {
    tk_rtable *t = self;
    if (!r || !t->refs.configured) return TK_UNKNOWN_TRI;
    return t->refs.configured(t->refs.self, r, path);
}

void tk_rtable_host(tk_rtable *t, tk_eval_host *host) {
    host->self = t;
    host->related = host_related;
    host->resources = host_resources;
    host->same = host_same;
    host->configured = host_configured;
}
