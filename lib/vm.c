/* The condition language's evaluator and built-in functions (three-valued). */
#include "cidr.h"
#include "expr.h"
#include "json.h"
#include "opcodes.h"
#define PCRE2_CODE_UNIT_WIDTH 8
#include <math.h>
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Documents parsed by json() during one resource's evaluation, keyed by the source string. */
typedef struct tk_json_cache {
    const char *src;
    size_t len;
    tk_doc *doc; /* NULL when the string was not valid JSON */
    struct tk_json_cache *next;
} tk_json_cache;

enum { MAX_JSON_CACHE = 64, MAX_LIST = 1u << 24 };

void tk_eval_ctx_init(tk_eval_ctx *c, tk_arena *scratch, const tk_eval_host *host) {
    memset(c, 0, sizeof *c);
    c->scratch = scratch;
    c->host = host;
    c->max_json_bytes = 8u << 20;
}

void tk_eval_ctx_reset(tk_eval_ctx *c) {
    tk_json_cache *j = c->json_cache;
    while (j) {
        tk_json_cache *n = j->next;
        if (j->doc) {
            tk_doc_free(j->doc);
            free(j->doc);
        }
        free(j);
        j = n;
    }
    c->json_cache = NULL;
    c->unknown_reason = NULL;
    c->failed = false;
}

void tk_eval_ctx_free(tk_eval_ctx *c) {
    tk_eval_ctx_reset(c);
    if (c->match_data) pcre2_match_data_free(c->match_data);
    c->match_data = NULL;
}

/* ---- values ---- */

static double parse_num(const char *s, size_t len, bool *ok) {
    /* Integers are the common case; strtod handles the rest. */
    size_t i = 0;
    bool neg = false;
    if (i < len && s[i] == '-') neg = true, i++;
    if (i < len && len - i <= 15) {
        uint64_t v = 0;
        size_t j = i;
        while (j < len && s[j] >= '0' && s[j] <= '9') v = v * 10 + (uint64_t)(s[j++] - '0');
        if (j == len && j > i) {
            *ok = true;
            return neg ? -(double)v : (double)v;
        }
    }
    char tmp[64];
    if (len == 0 || len >= sizeof tmp) {
        *ok = false;
        return 0;
    }
    memcpy(tmp, s, len);
    tmp[len] = 0;
    char *end;
    double d = strtod(tmp, &end);
    *ok = end == tmp + len;
    return d;
}

static bool is_unknown_mask(const tk_node *m) {
    return m && tk_node_kind(m) == TK_BOOL && (m->tag & TK_NODE_TRUE);
}

tk_val tk_v_from_node(const tk_doc *d, const tk_node *n, const tk_node *mask) {
    if (is_unknown_mask(mask)) return tk_v_unknown();
    if (!n) return tk_v_null();
    switch (tk_node_kind(n)) {
    case TK_NULL: return tk_v_null();
    case TK_BOOL: return tk_v_bool(tk_node_bool(n));
    case TK_NUMBER: {
        tk_str s = tk_doc_str(d, n);
        bool ok;
        double v = parse_num(s.p, s.len, &ok);
        return ok ? tk_v_num(v) : tk_v_null();
    }
    case TK_STRING: {
        tk_str s = tk_doc_str(d, n);
        return tk_v_str(s.p, s.len);
    }
    case TK_ARRAY:
    case TK_OBJECT: {
        tk_val v = {0};
        v.kind = V_NODE;
        v.u.n.doc = d;
        v.u.n.node = n;
        v.u.n.mask = mask && (tk_node_kind(mask) == TK_ARRAY || tk_node_kind(mask) == TK_OBJECT)
                         ? mask
                         : NULL;
        return v;
    }
    default: return tk_v_unknown();
    }
}

tk_tri tk_val_truth(tk_val v) {
    switch (v.kind) {
    case V_BOOL: return v.b ? TK_TRUE : TK_FALSE;
    case V_UNKNOWN: return TK_UNKNOWN_TRI;
    case V_NUM: return v.u.num != 0 ? TK_TRUE : TK_FALSE;
    case V_STR:
        /* Templates often carry booleans as strings ("true", "false"). */
        if (v.slen == 4 && strncasecmp(v.u.str, "true", 4) == 0) return TK_TRUE;
        return TK_FALSE;
    case V_NODE: return tk_node_count(v.u.n.node) ? TK_TRUE : TK_FALSE;
    case V_LIST:
        if (v.u.list->n) return TK_TRUE;
        return v.u.list->partial ? TK_UNKNOWN_TRI : TK_FALSE;
    default: return TK_FALSE;
    }
}

static tk_val tri_val(tk_tri t) {
    return t == TK_UNKNOWN_TRI ? tk_v_unknown() : tk_v_bool(t == TK_TRUE);
}

/* A list under construction in the scratch arena. */
typedef struct lbuild {
    tk_val *items;
    uint32_t n, cap;
    bool partial;
} lbuild;

static bool lpush(tk_eval_ctx *c, lbuild *b, tk_val v) {
    if (b->n == b->cap) {
        if (b->cap >= MAX_LIST) return c->failed = true, false;
        uint32_t cap = b->cap ? b->cap * 2 : 8;
        tk_val *n = tk_arena_array(c->scratch, cap, sizeof *n);
        if (!n) return c->failed = true, false;
        if (b->n) memcpy(n, b->items, b->n * sizeof *n);
        b->items = n;
        b->cap = cap;
    }
    b->items[b->n++] = v;
    return true;
}

static tk_val lfinish(tk_eval_ctx *c, lbuild *b) {
    tk_vlist *l = tk_arena_alloc(c->scratch, sizeof *l);
    if (!l) {
        c->failed = true;
        return tk_v_unknown();
    }
    l->items = b->items;
    l->n = b->n;
    l->partial = b->partial;
    tk_val v = {0};
    v.kind = V_LIST;
    v.u.list = l;
    return v;
}

/* Calls f for every element of a list-like value. Returns false when v is unknown. */
typedef bool (*elem_fn)(tk_eval_ctx *c, void *u, tk_val e);

static bool each(tk_eval_ctx *c, tk_val v, void *u, elem_fn f, bool *partial) {
    *partial = false;
    switch (v.kind) {
    case V_UNKNOWN: return false;
    case V_NULL: return true;
    case V_LIST:
        *partial = v.u.list->partial;
        for (uint32_t i = 0; i < v.u.list->n; i++)
            if (!f(c, u, v.u.list->items[i])) break;
        return true;
    case V_NODE: {
        const tk_node *n = v.u.n.node, *m = v.u.n.mask;
        bool obj = tk_node_kind(n) == TK_OBJECT;
        /* Array masks run in parallel with the array; object masks are looked up by key. */
        const tk_node *me = m && !obj ? tk_node_first(m) : NULL,
                      *me_end = me ? tk_node_end(m) : NULL;
        for (TK_EACH_CHILD(e, n)) {
            const tk_node *em = NULL;
            if (m && obj) {
                tk_str k = tk_doc_key(v.u.n.doc, e);
                em = tk_doc_getn(v.u.n.doc, m, k.p, k.len);
            } else if (me && me < me_end) {
                em = me;
                me = tk_node_next(me);
            }
            tk_val ev = tk_v_from_node(v.u.n.doc, e, em);
            if (!f(c, u, ev)) return true;
        }
        /* Members that exist only in the mask are known only after apply. */
        if (m && obj)
            for (TK_EACH_CHILD(me2, m)) {
                tk_str k = tk_doc_key(v.u.n.doc, me2);
                if (!tk_node_bool(me2) || tk_doc_getn(v.u.n.doc, n, k.p, k.len)) continue;
                if (!f(c, u, tk_v_unknown())) break;
            }
        return true;
    }
    default: return f(c, u, v), true;
    }
}

static tk_val get_member(tk_eval_ctx *c, tk_val v, const char *key, size_t klen);

typedef struct map_get {
    lbuild b;
    const char *key;
    size_t klen;
} map_get;

static bool map_get_fn(tk_eval_ctx *c, void *u, tk_val e) {
    map_get *m = u;
    tk_val r = get_member(c, e, m->key, m->klen);
    if (r.kind == V_NULL) return true;
    return lpush(c, &m->b, r);
}

static tk_val get_member(tk_eval_ctx *c, tk_val v, const char *key, size_t klen) {
    switch (v.kind) {
    case V_UNKNOWN: return v;
    case V_NODE: {
        const tk_node *n = v.u.n.node;
        if (tk_node_kind(n) != TK_OBJECT) return tk_v_null();
        const tk_node *child = tk_doc_getn(v.u.n.doc, n, key, klen);
        const tk_node *cm = v.u.n.mask ? tk_doc_getn(v.u.n.doc, v.u.n.mask, key, klen) : NULL;
        if (child && child >= c->blame_lo && child < c->blame_hi) c->blame = child;
        return tk_v_from_node(v.u.n.doc, child, cm);
    }
    case V_LIST: {
        map_get m = {.key = key, .klen = klen};
        bool partial;
        each(c, v, &m, map_get_fn, &partial);
        m.b.partial = partial;
        return lfinish(c, &m.b);
    }
    default: return tk_v_null();
    }
}

static tk_val get_index(tk_eval_ctx *c, tk_val v, tk_val idx) {
    if (v.kind == V_UNKNOWN || idx.kind == V_UNKNOWN) return tk_v_unknown();
    if (idx.kind == V_STR) return get_member(c, v, idx.u.str, idx.slen);
    if (idx.kind != V_NUM || idx.u.num < 0 || idx.u.num != floor(idx.u.num)) return tk_v_null();
    uint32_t i = idx.u.num > 4e9 ? UINT32_MAX : (uint32_t)idx.u.num;
    if (v.kind == V_NODE) {
        const tk_node *n = v.u.n.node;
        if (tk_node_kind(n) != TK_ARRAY) return tk_v_null();
        const tk_node *e = tk_doc_at(n, i);
        const tk_node *em = v.u.n.mask ? tk_doc_at(v.u.n.mask, i) : NULL;
        if (!e && !is_unknown_mask(em)) return tk_v_null();
        return tk_v_from_node(v.u.n.doc, e, em);
    }
    if (v.kind == V_LIST) {
        if (i < v.u.list->n) return v.u.list->items[i];
        return v.u.list->partial ? tk_v_unknown() : tk_v_null();
    }
    return tk_v_null();
}

static bool push_fn(tk_eval_ctx *c, void *u, tk_val e) {
    return lpush(c, u, e);
}

static bool wild_fn(tk_eval_ctx *c, void *u, tk_val e) {
    lbuild *b = u;
    if (e.kind == V_NODE || e.kind == V_LIST) {
        bool partial;
        if (!each(c, e, b, push_fn, &partial)) return lpush(c, b, tk_v_unknown());
        if (partial) b->partial = true;
        return true;
    }
    if (e.kind == V_NULL) return true;
    return lpush(c, b, e);
}

static tk_val wild(tk_eval_ctx *c, tk_val v) {
    lbuild b = {0};
    bool partial;
    if (v.kind == V_LIST) {
        if (!each(c, v, &b, wild_fn, &partial)) return tk_v_unknown();
    } else if (!each(c, v, &b, push_fn, &partial)) {
        return tk_v_unknown();
    }
    if (partial) b.partial = true;
    return lfinish(c, &b);
}

/* ---- comparison ---- */

static bool as_number(tk_val v, double *out) {
    if (v.kind == V_NUM) {
        *out = v.u.num;
        return true;
    }
    if (v.kind == V_STR) {
        bool ok;
        *out = parse_num(v.u.str, v.slen, &ok);
        return ok;
    }
    return false;
}

static tk_tri equal(tk_val l, tk_val r) {
    if (l.kind == V_UNKNOWN || r.kind == V_UNKNOWN) return TK_UNKNOWN_TRI;
    if (l.kind == V_NULL || r.kind == V_NULL) return l.kind == r.kind ? TK_TRUE : TK_FALSE;
    if (l.kind == V_STR && r.kind == V_STR)
        return l.slen == r.slen && memcmp(l.u.str, r.u.str, l.slen) == 0 ? TK_TRUE : TK_FALSE;
    if (l.kind == V_BOOL || r.kind == V_BOOL) {
        tk_val o = l.kind == V_BOOL ? r : l;
        bool b = l.kind == V_BOOL ? l.b : r.b;
        if (o.kind == V_BOOL) return o.b == b ? TK_TRUE : TK_FALSE;
        if (o.kind == V_STR) { /* "true"/"false" strings as written in templates */
            if (o.slen == 4 && strncasecmp(o.u.str, "true", 4) == 0) return b ? TK_TRUE : TK_FALSE;
            if (o.slen == 5 && strncasecmp(o.u.str, "false", 5) == 0) return b ? TK_FALSE : TK_TRUE;
        }
        return TK_FALSE;
    }
    double a, b;
    if ((l.kind == V_NUM || r.kind == V_NUM) && as_number(l, &a) && as_number(r, &b))
        return a == b ? TK_TRUE : TK_FALSE;
    if (l.kind == V_NODE && r.kind == V_NODE) return l.u.n.node == r.u.n.node ? TK_TRUE : TK_FALSE;
    return TK_FALSE;
}

typedef struct in_state {
    tk_val needle;
    tk_tri result;
} in_state;

static bool in_fn(tk_eval_ctx *c, void *u, tk_val e) {
    (void)c;
    in_state *s = u;
    tk_tri t = equal(s->needle, e);
    if (t == TK_TRUE) {
        s->result = TK_TRUE;
        return false;
    }
    if (t == TK_UNKNOWN_TRI) s->result = TK_UNKNOWN_TRI;
    return true;
}

static tk_tri contains(tk_eval_ctx *c, tk_val hay, tk_val needle) {
    if (hay.kind == V_UNKNOWN || needle.kind == V_UNKNOWN) return TK_UNKNOWN_TRI;
    if (hay.kind == V_STR) {
        if (needle.kind != V_STR) return TK_FALSE;
        if (needle.slen == 0) return TK_TRUE;
        if (needle.slen > hay.slen) return TK_FALSE;
        return memmem(hay.u.str, hay.slen, needle.u.str, needle.slen) ? TK_TRUE : TK_FALSE;
    }
    in_state s = {needle, TK_FALSE};
    bool partial;
    if (!each(c, hay, &s, in_fn, &partial)) return TK_UNKNOWN_TRI;
    if (s.result == TK_FALSE && partial) return TK_UNKNOWN_TRI;
    return s.result;
}

static tk_val compare(tk_eval_ctx *c, int op, tk_val l, tk_val r) {
    if (op == CMP_IN) return tri_val(contains(c, r, l));
    if (l.kind == V_UNKNOWN || r.kind == V_UNKNOWN) return tk_v_unknown();
    if (op == CMP_EQ || op == CMP_NE) {
        tk_tri t = equal(l, r);
        if (op == CMP_NE && t != TK_UNKNOWN_TRI) t = t == TK_TRUE ? TK_FALSE : TK_TRUE;
        return tri_val(t);
    }
    double a, b;
    if (!as_number(l, &a) || !as_number(r, &b)) return tk_v_bool(false);
    switch (op) {
    case CMP_LT: return tk_v_bool(a < b);
    case CMP_LE: return tk_v_bool(a <= b);
    case CMP_GT: return tk_v_bool(a > b);
    default: return tk_v_bool(a >= b);
    }
}

/* ---- built-in functions ---- */

static tk_val length_of(tk_val v) {
    switch (v.kind) {
    case V_UNKNOWN: return v;
    case V_NULL: return tk_v_num(0);
    case V_STR: {
        size_t n = 0;
        for (uint32_t i = 0; i < v.slen; i++)
            if (((unsigned char)v.u.str[i] & 0xC0) != 0x80) n++;
        return tk_v_num((double)n);
    }
    case V_NODE: return tk_v_num(tk_node_count(v.u.n.node));
    case V_LIST: return v.u.list->partial ? tk_v_unknown() : tk_v_num(v.u.list->n);
    default: return tk_v_num(1);
    }
}

static tk_val json_value(tk_eval_ctx *c, tk_val s) {
    if (s.kind == V_UNKNOWN) return s;
    if (s.kind == V_NODE) return s; /* already structured (e.g. from YAML) */
    if (s.kind != V_STR || s.slen > c->max_json_bytes) return tk_v_null();
    tk_json_cache *e;
    unsigned n = 0;
    for (e = c->json_cache; e; e = e->next, n++)
        if (e->src == s.u.str && e->len == s.slen) break;
    if (!e) {
        if (n >= MAX_JSON_CACHE) return tk_v_unknown();
        e = calloc(1, sizeof *e);
        if (!e) return c->failed = true, tk_v_unknown();
        e->src = s.u.str;
        e->len = s.slen;
        e->next = c->json_cache;
        c->json_cache = e;
        tk_doc *d = calloc(1, sizeof *d);
        if (!d) return c->failed = true, tk_v_unknown();
        tk_doc_init(d, "(json)");
        d->text.data = s.u.str;
        d->text.len = s.slen;
        tk_err err;
        tk_json_opts o = {.max_depth = 64};
        if (tk_json_parse(d, &o, &err)) {
            e->doc = d;
        } else {
            tk_doc_free(d);
            free(d);
        }
    }
    if (!e->doc) return tk_v_null();
    return tk_v_from_node(e->doc, tk_doc_root(e->doc), NULL);
}

static tk_val case_map(tk_eval_ctx *c, tk_val v, bool upper) {
    if (v.kind != V_STR) return v.kind == V_UNKNOWN ? v : tk_v_null();
    char *o = tk_arena_alloc(c->scratch, v.slen + 1);
    if (!o) return c->failed = true, tk_v_unknown();
    for (uint32_t i = 0; i < v.slen; i++) {
        char ch = v.u.str[i];
        if (upper && ch >= 'a' && ch <= 'z') ch = (char)(ch - 32);
        if (!upper && ch >= 'A' && ch <= 'Z') ch = (char)(ch + 32);
        o[i] = ch;
    }
    return tk_v_str(o, v.slen);
}

static tk_val affix(tk_val s, tk_val a, bool start) {
    if (s.kind == V_UNKNOWN || a.kind == V_UNKNOWN) return tk_v_unknown();
    if (s.kind != V_STR || a.kind != V_STR || a.slen > s.slen) return tk_v_bool(false);
    const char *p = start ? s.u.str : s.u.str + s.slen - a.slen;
    return tk_v_bool(memcmp(p, a.u.str, a.slen) == 0);
}

static tk_val open_to_world(tk_val v) {
    if (v.kind == V_UNKNOWN) return v;
    if (v.kind != V_STR) return tk_v_bool(false);
    if ((v.slen == 1 && v.u.str[0] == '*') ||
        (v.slen == 8 && strncasecmp(v.u.str, "internet", 8) == 0) ||
        (v.slen == 3 && strncasecmp(v.u.str, "any", 3) == 0))
        return tk_v_bool(true);
    tk_cidr cidr;
    if (!tk_cidr_parse(v.u.str, v.slen, &cidr)) return tk_v_bool(false);
    return tk_v_bool(cidr.prefix == 0);
}

static tk_val private_cidr(tk_val v) {
    if (v.kind == V_UNKNOWN) return v;
    tk_cidr cidr;
    if (v.kind != V_STR || !tk_cidr_parse(v.u.str, v.slen, &cidr)) return tk_v_bool(false);
    return tk_v_bool(tk_cidr_is_private(&cidr));
}

static tk_val ports_include(tk_val from, tk_val to, tk_val port) {
    if (from.kind == V_UNKNOWN || to.kind == V_UNKNOWN || port.kind == V_UNKNOWN)
        return tk_v_unknown();
    double f, t, p;
    if (!as_number(from, &f) || !as_number(to, &t) || !as_number(port, &p)) return tk_v_bool(false);
    return tk_v_bool(f <= p && p <= t);
}

static tk_val to_number(tk_val v) {
    double d;
    if (v.kind == V_UNKNOWN) return v;
    if (v.kind == V_BOOL) return tk_v_num(v.b);
    return as_number(v, &d) ? tk_v_num(d) : tk_v_null();
}

static tk_val to_string(tk_eval_ctx *c, tk_val v) {
    if (v.kind == V_STR || v.kind == V_UNKNOWN) return v;
    if (v.kind == V_BOOL) return v.b ? tk_v_str("true", 4) : tk_v_str("false", 5);
    if (v.kind == V_NUM) {
        char *o = tk_arena_alloc(c->scratch, 32);
        if (!o) return c->failed = true, tk_v_unknown();
        int n = snprintf(o, 32, "%.17g", v.u.num);
        return tk_v_str(o, n > 0 ? (size_t)n : 0);
    }
    return tk_v_null();
}

static tk_val keys_or_values(tk_eval_ctx *c, tk_val v, bool keys) {
    if (v.kind == V_UNKNOWN) return v;
    lbuild b = {0};
    if (v.kind == V_NODE && tk_node_kind(v.u.n.node) == TK_OBJECT) {
        if (!keys) {
            bool partial;
            each(c, v, &b, push_fn, &partial);
        } else {
            for (TK_EACH_CHILD(e, v.u.n.node)) {
                tk_str k = tk_doc_key(v.u.n.doc, e);
                if (!lpush(c, &b, tk_v_str(k.p, k.len))) break;
            }
            /* Members known only after apply still have known names. */
            if (v.u.n.mask)
                for (TK_EACH_CHILD(e, v.u.n.mask)) {
                    tk_str k = tk_doc_key(v.u.n.doc, e);
                    if (!tk_node_bool(e) || tk_doc_getn(v.u.n.doc, v.u.n.node, k.p, k.len))
                        continue;
                    if (!lpush(c, &b, tk_v_str(k.p, k.len))) break;
                }
        }
    }
    return lfinish(c, &b);
}

static tk_val as_list(tk_eval_ctx *c, tk_val v) {
    if (v.kind == V_UNKNOWN || v.kind == V_LIST) return v;
    if (v.kind == V_NODE && tk_node_kind(v.u.n.node) == TK_ARRAY) return v;
    lbuild b = {0};
    if (v.kind != V_NULL) lpush(c, &b, v);
    return lfinish(c, &b);
}

static tk_val call_builtin(tk_eval_ctx *c, int id, tk_val *a, uint32_t n) {
    (void)n;
    switch (id) {
    case BI_EXISTS:
        if (a[0].kind == V_UNKNOWN) return a[0];
        return tk_v_bool(a[0].kind != V_NULL);
    case BI_KNOWN: /* the one function that looks at unknown-ness itself: never unknown */
        return tk_v_bool(a[0].kind != V_UNKNOWN);
    case BI_UNKNOWN: /* the rule cannot tell from the input; the literal says why */
        if (!c->unknown_reason && a[0].kind == V_STR) c->unknown_reason = a[0].u.str;
        return tk_v_unknown();
    case BI_EMPTY: {
        tk_val l = length_of(a[0]);
        if (l.kind == V_UNKNOWN) return l;
        return tk_v_bool(l.u.num == 0);
    }
    case BI_LEN: return length_of(a[0]);
    case BI_LOWER: return case_map(c, a[0], false);
    case BI_UPPER: return case_map(c, a[0], true);
    case BI_STARTS_WITH: return affix(a[0], a[1], true);
    case BI_ENDS_WITH: return affix(a[0], a[1], false);
    case BI_CONTAINS: return tri_val(contains(c, a[0], a[1]));
    case BI_AS_LIST: return as_list(c, a[0]);
    case BI_JSON: return json_value(c, a[0]);
    case BI_OPEN_TO_WORLD: return open_to_world(a[0]);
    case BI_PRIVATE_CIDR: return private_cidr(a[0]);
    case BI_PORTS_INCLUDE: return ports_include(a[0], a[1], a[2]);
    case BI_NUMBER: return to_number(a[0]);
    case BI_STRING: return to_string(c, a[0]);
    case BI_KEYS: return keys_or_values(c, a[0], true);
    case BI_VALUES: return keys_or_values(c, a[0], false);
    case BI_CONFIGURED:
        if (!c->res || !c->host || !c->host->configured) return tk_v_unknown();
        return tri_val(c->host->configured(c->host->self, c->res, a[0].u.str));
    case BI_RELATED:
    case BI_SAME:
    case BI_RESOURCES: {
        tk_vlist l = {0};
        bool ok;
        if (id == BI_RELATED)
            ok = c->host && c->host->related && c->res &&
                 c->host->related(c->host->self, c, c->res, a[0].u.str, a[1].u.str, &l);
        else if (id == BI_SAME)
            ok = c->host && c->host->same && c->res &&
                 c->host->same(c->host->self, c, c->res, a[0].u.str, a[1].u.str, &l);
        else
            ok = c->host && c->host->resources &&
                 c->host->resources(c->host->self, c, a[0].u.str, &l);
        if (!ok) return tk_v_unknown();
        tk_vlist *p = tk_arena_alloc(c->scratch, sizeof *p);
        if (!p) return c->failed = true, tk_v_unknown();
        *p = l;
        tk_val v = {0};
        v.kind = V_LIST;
        v.u.list = p;
        return v;
    }
    default: return tk_v_unknown();
    }
}

static tk_val regex_match(tk_eval_ctx *c, const tk_prog *p, uint32_t ri, tk_val s, bool negate) {
    if (s.kind == V_UNKNOWN) return s;
    if (s.kind != V_STR) return tk_v_bool(negate);
    if (!c->match_data) {
        c->match_data = pcre2_match_data_create(4, NULL);
        if (!c->match_data) return c->failed = true, tk_v_unknown();
    }
    int rc = pcre2_match(p->regexes[ri], (PCRE2_SPTR)s.u.str, s.slen, 0, 0, c->match_data, NULL);
    if (rc < 0 && rc != PCRE2_ERROR_NOMATCH) return tk_v_unknown(); /* match limit etc. */
    return tk_v_bool((rc >= 0) != negate);
}

/* ---- the interpreter ---- */

enum { MAX_STACK = 256, MAX_NESTING = 64 };

typedef struct iter_state {
    const tk_prog *p;
    uint32_t body;
    int kind;
    uint32_t trues;
    bool any_unknown, stop;
    unsigned nesting;
} iter_state;

static tk_val run(const tk_prog *p, uint32_t pc, tk_eval_ctx *c, tk_val ctx, unsigned nesting);

static bool iter_fn(tk_eval_ctx *c, void *u, tk_val e) {
    iter_state *s = u;
    tk_tri t = tk_val_truth(run(s->p, s->body, c, e, s->nesting + 1));
    if (t == TK_TRUE) {
        s->trues++;
        if (s->kind == ITER_ANY) return false;
    } else if (t == TK_UNKNOWN_TRI) {
        s->any_unknown = true;
    } else if (s->kind == ITER_ALL) {
        s->stop = true;
        return false;
    }
    return !c->failed;
}

static tk_val iterate(tk_eval_ctx *c, const tk_prog *p, int kind, uint32_t body, tk_val list,
                      unsigned nesting) {
    iter_state s = {p, body, kind, 0, false, false, nesting};
    bool partial;
    if (!each(c, list, &s, iter_fn, &partial)) return tk_v_unknown();
    bool uncertain = s.any_unknown || partial;
    switch (kind) {
    case ITER_ANY:
        if (s.trues) return tk_v_bool(true);
        return uncertain ? tk_v_unknown() : tk_v_bool(false);
    case ITER_ALL:
        if (s.stop) return tk_v_bool(false);
        return uncertain ? tk_v_unknown() : tk_v_bool(true);
    default: return uncertain ? tk_v_unknown() : tk_v_num(s.trues);
    }
}

static tk_val run(const tk_prog *p, uint32_t pc, tk_eval_ctx *c, tk_val ctx, unsigned nesting) {
    tk_val st[MAX_STACK];
    int sp = 0;
    if (nesting > MAX_NESTING || p->max_stack > MAX_STACK) {
        c->failed = true;
        return tk_v_unknown();
    }
    for (;;) {
        const tk_insn *in = &p->code[pc++];
        switch (in->op) {
        case OP_CONST: st[sp++] = p->consts[in->c]; break;
        case OP_CTX: st[sp++] = ctx; break;
        case OP_ROOT: st[sp++] = c->root; break;
        case OP_GET: {
            const tk_val *k = &p->consts[in->c];
            st[sp - 1] = get_member(c, st[sp - 1], k->u.str, k->slen);
            break;
        }
        case OP_INDEX:
            st[sp - 2] = get_index(c, st[sp - 2], st[sp - 1]);
            sp--;
            break;
        case OP_WILD: st[sp - 1] = wild(c, st[sp - 1]); break;
        case OP_DEFAULT:
            if (st[sp - 1].kind == V_NULL) {
                st[sp - 1] = p->consts[in->c];
            } else if (st[sp - 1].kind == V_UNKNOWN && c->res && c->host && c->host->configured &&
                       c->host->configured(c->host->self, c->res, p->consts[in->b].u.str) ==
                           TK_FALSE) {
                /* Left out of the configuration: the provider fills in its default. */
                st[sp - 1] = p->consts[in->c];
            }
            break;
        case OP_NOTE:
            if (!c->unknown_reason && (st[sp - 1].kind == V_UNKNOWN ||
                                       (st[sp - 1].kind == V_LIST && st[sp - 1].u.list->partial)))
                c->unknown_reason = p->texts[in->c];
            break;
        case OP_NOT: {
            tk_tri t = tk_val_truth(st[sp - 1]);
            st[sp - 1] = t == TK_UNKNOWN_TRI ? tk_v_unknown() : tk_v_bool(t == TK_FALSE);
            break;
        }
        case OP_CMP:
            st[sp - 2] = compare(c, in->a, st[sp - 2], st[sp - 1]);
            sp--;
            break;
        case OP_MATCH: st[sp - 1] = regex_match(c, p, in->c, st[sp - 1], in->a); break;
        case OP_AND_JMP:
            if (tk_val_truth(st[sp - 1]) == TK_FALSE) {
                st[sp - 1] = tk_v_bool(false);
                pc = in->c;
            }
            break;
        case OP_OR_JMP:
            if (tk_val_truth(st[sp - 1]) == TK_TRUE) {
                st[sp - 1] = tk_v_bool(true);
                pc = in->c;
            }
            break;
        case OP_AND:
        case OP_OR: {
            tk_tri l = tk_val_truth(st[sp - 2]), r = tk_val_truth(st[sp - 1]);
            tk_tri res;
            if (in->op == OP_AND)
                res = (l == TK_FALSE || r == TK_FALSE) ? TK_FALSE
                      : (l == TK_TRUE && r == TK_TRUE) ? TK_TRUE
                                                       : TK_UNKNOWN_TRI;
            else
                res = (l == TK_TRUE || r == TK_TRUE)     ? TK_TRUE
                      : (l == TK_FALSE && r == TK_FALSE) ? TK_FALSE
                                                         : TK_UNKNOWN_TRI;
            st[sp - 2] = tri_val(res);
            sp--;
            break;
        }
        case OP_COALESCE_JMP:
            if (st[sp - 1].kind != V_NULL)
                pc = in->c;
            else
                sp--;
            break;
        case OP_LIST: {
            lbuild b = {0};
            for (uint32_t i = 0; i < in->c; i++) lpush(c, &b, st[sp - (int)in->c + (int)i]);
            sp -= (int)in->c;
            st[sp++] = lfinish(c, &b);
            break;
        }
        case OP_CALL: {
            int n = (int)in->c;
            tk_val r = call_builtin(c, in->a, &st[sp - n], (uint32_t)n);
            sp -= n;
            st[sp++] = r;
            break;
        }
        case OP_ITER: st[sp - 1] = iterate(c, p, in->a, in->c, st[sp - 1], nesting); break;
        case OP_JMP: pc = in->c; break;
        case OP_RET: return sp ? st[sp - 1] : tk_v_unknown();
        default: c->failed = true; return tk_v_unknown();
        }
        if (c->failed) return tk_v_unknown();
    }
}

tk_tri tk_prog_eval(const tk_prog *p, tk_eval_ctx *ctx) {
    tk_val r = run(p, 0, ctx, ctx->root, 0);
    if (ctx->failed) return TK_UNKNOWN_TRI;
    return tk_val_truth(r);
}
