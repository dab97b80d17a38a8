/* Data sources tenken computes from their configuration alone.
 *
 * Most data sources read the cloud, so their results are unknown to a static scan. A few
 * are pure functions of what they are given; the important one is aws_iam_policy_document,
 * which builds the JSON of an IAM policy: computing it lets the policy rules judge policies
 * written that way. The JSON is rendered the way the provider renders it (statement members
 * in a fixed order, single values as strings, set members in descending order, `json`
 * indented by two spaces and `minified_json` compact). */
#include "tfsrc_data.h"
#include "buf.h"
#include <stdlib.h>
#include <string.h>

typedef struct jout {
    tk_buf b;
    bool pretty;
    int depth;
} jout;

static void newline(jout *o) {
    if (!o->pretty) return;
    tk_buf_putc(&o->b, '\n');
    for (int i = 0; i < o->depth; i++) tk_buf_puts(&o->b, "  ");
}

static void put_string(jout *o, const char *s, size_t len) {
    static const char hex[] = "0123456789abcdef";
    tk_buf_putc(&o->b, '"');
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\') {
            tk_buf_putc(&o->b, '\\');
            tk_buf_putc(&o->b, (char)c);
        } else if (c == '\n') {
            tk_buf_puts(&o->b, "\\n");
        } else if (c == '\r') {
            tk_buf_puts(&o->b, "\\r");
        } else if (c == '\t') {
            tk_buf_puts(&o->b, "\\t");
        } else if (c < 0x20 || c == '<' || c == '>' || c == '&') {
            char e[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            tk_buf_append(&o->b, e, 6);
        } else if (c == 0xE2 && i + 2 < len && (unsigned char)s[i + 1] == 0x80 &&
                   ((unsigned char)s[i + 2] == 0xA8 || (unsigned char)s[i + 2] == 0xA9)) {
            tk_buf_puts(&o->b, (unsigned char)s[i + 2] == 0xA8 ? "\\u2028" : "\\u2029");
            i += 2;
        } else {
            tk_buf_putc(&o->b, (char)c);
        }
    }
    tk_buf_putc(&o->b, '"');
}

static void put_key(jout *o, bool *first, const char *key) {
    if (!*first) tk_buf_putc(&o->b, ',');
    *first = false;
    newline(o);
    put_string(o, key, strlen(key));
    tk_buf_puts(&o->b, o->pretty ? ": " : ":");
}

static int desc(const void *a, const void *b) {
    const hv *x = a, *y = b;
    size_t n = x->n < y->n ? x->n : y->n;
    int c = memcmp(y->u.s, x->u.s, n);
    return c ? c : (x->n < y->n) - (x->n > y->n);
}

/* A set of strings: one as a string, several as a list in descending order. */
static bool put_strings(jout *o, const hv *v, tk_arena *a) {
    if (v->kind != HV_TUPLE && v->kind != HV_SET) return false;
    hv *items = v->n ? tk_arena_array(a, v->n, sizeof *items) : NULL;
    if (v->n && !items) return false;
    uint32_t n = 0;
    for (uint32_t i = 0; i < v->n; i++) {
        hv s;
        if (!hv_to_string(a, &v->u.items[i], &s) || s.kind != HV_STRING) return false;
        bool dup = false;
        for (uint32_t k = 0; k < n && !dup; k++)
            dup = items[k].n == s.n && !memcmp(items[k].u.s, s.u.s, s.n);
        if (!dup) items[n++] = s;
    }
    if (n) qsort(items, n, sizeof *items, desc);
    if (n == 1) {
        put_string(o, items[0].u.s, items[0].n);
        return true;
    }
    tk_buf_putc(&o->b, '[');
    o->depth++;
    for (uint32_t i = 0; i < n; i++) {
        if (i) tk_buf_putc(&o->b, ',');
        newline(o);
        put_string(o, items[i].u.s, items[i].n);
    }
    o->depth--;
    if (n) newline(o);
    tk_buf_putc(&o->b, ']');
    return true;
}

static const hv *member(const hv *obj, const char *name) {
    const hv *v = hv_get(obj, name, strlen(name));
    return v && v->kind != HV_NULL ? v : NULL;
}

static bool nonempty(const hv *v) {
    return v && (v->kind == HV_TUPLE || v->kind == HV_SET) && v->n > 0;
}

/* principals { type, identifiers } blocks: {"AWS": ..., "Service": ...}, or "*". */
static bool put_principals(jout *o, bool *first, const char *key, const hv *blocks, tk_arena *a) {
    if (!nonempty(blocks)) return true;
    put_key(o, first, key);
    if (blocks->n == 1) {
        const hv *p = &blocks->u.items[0];
        const hv *t = member(p, "type"), *ids = member(p, "identifiers");
        if (t && t->kind == HV_STRING && t->n == 1 && t->u.s[0] == '*' && ids && ids->n == 1 &&
            ids->u.items[0].kind == HV_STRING && ids->u.items[0].n == 1 &&
            ids->u.items[0].u.s[0] == '*') {
            put_string(o, "*", 1);
            return true;
        }
    }
    /* Types in sorted order; identifiers of one type from every block together. */
    const hv **types = tk_arena_array(a, blocks->n, sizeof *types);
    if (!types) return false;
    uint32_t nt = 0;
    for (uint32_t i = 0; i < blocks->n; i++) {
        const hv *t = member(&blocks->u.items[i], "type");
        if (!t || t->kind != HV_STRING) return false;
        bool seen = false;
        for (uint32_t k = 0; k < nt && !seen; k++)
            seen = types[k]->n == t->n && !memcmp(types[k]->u.s, t->u.s, t->n);
        if (!seen) types[nt++] = t;
    }
    for (uint32_t i = 1; i < nt; i++)
        for (uint32_t j = i; j > 0 && hv_compare(types[j - 1], types[j]) > 0; j--) {
            const hv *x = types[j];
            types[j] = types[j - 1];
            types[j - 1] = x;
        }
    tk_buf_putc(&o->b, '{');
    o->depth++;
    bool f2 = true;
    for (uint32_t k = 0; k < nt; k++) {
        uint32_t total = 0;
        for (uint32_t i = 0; i < blocks->n; i++) {
            const hv *p = &blocks->u.items[i], *ids = member(p, "identifiers");
            if (hv_equal(member(p, "type"), types[k]) == 1 && ids) total += ids->n;
        }
        hv *all = total ? tk_arena_array(a, total, sizeof *all) : NULL;
        if (total && !all) return false;
        uint32_t n = 0;
        for (uint32_t i = 0; i < blocks->n; i++) {
            const hv *p = &blocks->u.items[i], *ids = member(p, "identifiers");
            if (hv_equal(member(p, "type"), types[k]) == 1 && ids)
                for (uint32_t j = 0; j < ids->n; j++) all[n++] = ids->u.items[j];
        }
        char name[128];
        size_t l = types[k]->n < sizeof name - 1 ? types[k]->n : sizeof name - 1;
        memcpy(name, types[k]->u.s, l);
        name[l] = 0;
        put_key(o, &f2, name);
        hv list = hv_null();
        list.kind = HV_TUPLE;
        list.u.items = all;
        list.n = n;
        if (!put_strings(o, &list, a)) return false;
    }
    o->depth--;
    newline(o);
    tk_buf_putc(&o->b, '}');
    return true;
}

/* condition { test, variable, values } blocks: {test: {variable: values}} sorted by keys. */
static bool put_conditions(jout *o, bool *first, const hv *blocks, tk_arena *a) {
    if (!nonempty(blocks)) return true;
    /* Build {test: {variable: [values...]}} as values, sorted by hv_object. */
    hv_pair *tests = tk_arena_array(a, blocks->n, sizeof *tests);
    if (!tests) return false;
    uint32_t nt = 0;
    for (uint32_t i = 0; i < blocks->n; i++) {
        const hv *c = &blocks->u.items[i];
        const hv *t = member(c, "test"), *var = member(c, "variable"), *vals = member(c, "values");
        if (!t || t->kind != HV_STRING || !var || var->kind != HV_STRING || !vals) return false;
        uint32_t k = 0;
        while (k < nt && !(tests[k].klen == t->n && !memcmp(tests[k].key, t->u.s, t->n))) k++;
        if (k == nt) tests[nt++] = (hv_pair){t->u.s, t->n, hv_object(a, NULL, 0)};
        hv_pair *vs = tk_arena_array(a, tests[k].val.n + 1, sizeof *vs);
        if (!vs) return false;
        if (tests[k].val.n) memcpy(vs, tests[k].val.u.pairs, tests[k].val.n * sizeof *vs);
        vs[tests[k].val.n] = (hv_pair){var->u.s, var->n, *vals};
        tests[k].val = hv_object(a, vs, tests[k].val.n + 1);
    }
    hv all = hv_object(a, tests, nt);
    put_key(o, first, "Condition");
    tk_buf_putc(&o->b, '{');
    o->depth++;
    bool f2 = true;
    for (uint32_t k = 0; k < all.n; k++) {
        put_key(o, &f2, all.u.pairs[k].key);
        tk_buf_putc(&o->b, '{');
        o->depth++;
        bool f3 = true;
        const hv *vars = &all.u.pairs[k].val;
        for (uint32_t j = 0; j < vars->n; j++) {
            put_key(o, &f3, vars->u.pairs[j].key);
            if (!put_strings(o, &vars->u.pairs[j].val, a)) return false;
        }
        o->depth--;
        newline(o);
        tk_buf_putc(&o->b, '}');
    }
    o->depth--;
    newline(o);
    tk_buf_putc(&o->b, '}');
    return true;
}

static bool put_string_member(jout *o, bool *first, const char *key, const hv *v, tk_arena *a) {
    if (!v) return true;
    hv s;
    if (!hv_to_string(a, v, &s) || s.kind != HV_STRING) return false;
    if (!s.n) return true;
    put_key(o, first, key);
    put_string(o, s.u.s, s.n);
    return true;
}

static bool render_policy(const hv *cfg, bool pretty, tk_arena *a, hv *out) {
    jout o = {.pretty = pretty};
    tk_buf_init(&o.b);
    bool ok = true, first = true;
    tk_buf_putc(&o.b, '{');
    o.depth++;
    const hv *version = member(cfg, "version");
    put_key(&o, &first, "Version");
    if (version && version->kind == HV_STRING)
        put_string(&o, version->u.s, version->n);
    else
        put_string(&o, "2012-10-17", 10);
    ok = put_string_member(&o, &first, "Id", member(cfg, "policy_id"), a);
    const hv *stmts = member(cfg, "statement");
    if (ok && nonempty(stmts)) {
        put_key(&o, &first, "Statement");
        tk_buf_putc(&o.b, '[');
        o.depth++;
        for (uint32_t i = 0; i < stmts->n && ok; i++) {
            const hv *s = &stmts->u.items[i];
            if (i) tk_buf_putc(&o.b, ',');
            newline(&o);
            tk_buf_putc(&o.b, '{');
            o.depth++;
            bool f = true;
            ok = put_string_member(&o, &f, "Sid", member(s, "sid"), a);
            const hv *effect = member(s, "effect");
            put_key(&o, &f, "Effect");
            if (effect && effect->kind == HV_STRING)
                put_string(&o, effect->u.s, effect->n);
            else
                put_string(&o, "Allow", 5);
            static const char *const lists[][2] = {{"actions", "Action"},
                                                   {"not_actions", "NotAction"},
                                                   {"resources", "Resource"},
                                                   {"not_resources", "NotResource"}};
            for (int k = 0; k < 4 && ok; k++) {
                const hv *v = member(s, lists[k][0]);
                if (!nonempty(v)) continue;
                put_key(&o, &f, lists[k][1]);
                ok = put_strings(&o, v, a);
            }
            if (ok) ok = put_principals(&o, &f, "Principal", member(s, "principals"), a);
            if (ok) ok = put_principals(&o, &f, "NotPrincipal", member(s, "not_principals"), a);
            if (ok) ok = put_conditions(&o, &f, member(s, "condition"), a);
            o.depth--;
            newline(&o);
            tk_buf_putc(&o.b, '}');
        }
        o.depth--;
        newline(&o);
        tk_buf_putc(&o.b, ']');
    }
    o.depth--;
    newline(&o);
    tk_buf_putc(&o.b, '}');
    if (ok && !o.b.oom) *out = hv_str(a, o.b.data, o.b.len);
    tk_buf_free(&o.b);
    return ok && !o.b.oom;
}

bool tf_data_compute(tk_arena *a, const char *type, size_t tlen, hv *obj) {
    if (!(tlen == 23 && !memcmp(type, "aws_iam_policy_document", 23)) || obj->kind != HV_OBJECT)
        return false;
    /* Merged documents need the other documents' JSON: not computed here. */
    if (member(obj, "source_policy_documents") || member(obj, "override_policy_documents") ||
        member(obj, "source_json") || member(obj, "override_json"))
        return false;
    hv json, minified;
    if (!hv_is_known(obj)) {
        json = minified = hv_unknown_from(a, obj, 1);
    } else if (!render_policy(obj, true, a, &json) || !render_policy(obj, false, a, &minified)) {
        return false;
    }
    hv_pair *p = tk_arena_array(a, obj->n + 2, sizeof *p);
    if (!p) return false;
    if (obj->n) memcpy(p, obj->u.pairs, obj->n * sizeof *p);
    p[obj->n] = (hv_pair){"json", 4, json};
    p[obj->n + 1] = (hv_pair){"minified_json", 13, minified};
    hv r = hv_object(a, p, obj->n + 2);
    r.flags = obj->flags;
    r.extra = obj->extra;
    r.pos = obj->pos;
    *obj = r;
    return true;
}
