/* Evaluation of Terraform language expressions (see tfsrc_eval.h). */
#include "tfsrc_eval.h"
#include "buf.h"
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

enum { DEFAULT_MAX_DEPTH = 200 };
#define DEFAULT_MAX_STEPS 2000000ull

void tf_eval_init(tf_eval *ev, tk_arena *a, const tf_eval_host *host) {
    memset(ev, 0, sizeof *ev);
    ev->a = a;
    ev->host = *host;
    ev->fn.a = a;
    ev->max_depth = DEFAULT_MAX_DEPTH;
    ev->max_steps = DEFAULT_MAX_STEPS;
}

hv tf_eval_fail(tf_eval *ev, uint32_t pos, const char *fmt, ...) {
    if (!ev->failed) {
        ev->failed = true;
        ev->fail_pos = pos;
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(ev->fail_msg, sizeof ev->fail_msg, fmt, ap);
        va_end(ap);
    }
    return hv_unknown();
}

static hv oom(tf_eval *ev, uint32_t pos) {
    return tf_eval_fail(ev, pos, "out of memory");
}

/* An unknown that keeps the origins of the values it was computed from. */
static hv unknown_of(tf_eval *ev, const hv *vals, size_t n) {
    return hv_unknown_from(ev->a, vals, n);
}

static const tf_scope *find_binding(const tf_scope *sc, const char *name, uint32_t len) {
    for (; sc; sc = sc->parent)
        if (sc->nlen == len && (len == 0 || memcmp(sc->name, name, len) == 0)) return sc;
    return NULL;
}

/* ---- traversal ---- */

static bool index_number(tf_eval *ev, const hv *key, uint32_t pos, uint32_t n, uint32_t *out) {
    hv num;
    if (!hv_to_number(key, &num) || num.kind != HV_NUMBER) {
        tf_eval_fail(ev, pos, "a list index must be a number, not %s", hv_kind_name(key));
        return false;
    }
    double d = num.u.num;
    if (d != floor(d) || d < 0) {
        tf_eval_fail(ev, pos, "a list index must be a whole number of zero or more");
        return false;
    }
    if (d >= n) {
        tf_eval_fail(ev, pos, "index %.0f is out of range for a list of %u elements", d, n);
        return false;
    }
    *out = (uint32_t)d;
    return true;
}

static hv get_attr(tf_eval *ev, hv v, const char *name, size_t len, uint32_t pos) {
    switch (v.kind) {
    case HV_UNKNOWN: return v;
    case HV_OBJECT: {
        const hv *m = hv_get(&v, name, len);
        if (m) {
            hv r = *m;
            if (v.flags & HVF_INHERIT_POS) {
                r.pos = v.pos;
                r.flags |= HVF_INHERIT_POS;
            }
            return r;
        }
        if ((v.flags & HVF_RESOURCE) && ev->host.missing) {
            hv r = ev->host.missing(ev->host.self, ev, &v, name, len);
            if (r.pos == HV_NOPOS) r.pos = pos;
            return r;
        }
        return tf_eval_fail(ev, pos, "this object has no attribute \"%.*s\"",
                            (int)(len > 80 ? 80 : len), name);
    }
    case HV_NULL:
        return tf_eval_fail(ev, pos, "cannot read attribute \"%.*s\" of a null value",
                            (int)(len > 80 ? 80 : len), name);
    default:
        return tf_eval_fail(ev, pos, "cannot read attribute \"%.*s\" of a %s",
                            (int)(len > 80 ? 80 : len), name, hv_kind_name(&v));
    }
}

static hv get_index(tf_eval *ev, hv v, hv key, uint32_t pos) {
    if (v.kind == HV_UNKNOWN || key.kind == HV_UNKNOWN) {
        hv both[2] = {v, key};
        return unknown_of(ev, both, 2);
    }
    switch (v.kind) {
    case HV_TUPLE: {
        uint32_t i;
        if (!index_number(ev, &key, pos, v.n, &i)) return hv_unknown();
        hv r = v.u.items[i];
        if (v.flags & HVF_INHERIT_POS) {
            r.pos = v.pos;
            r.flags |= HVF_INHERIT_POS;
        }
        return r;
    }
    case HV_OBJECT: {
        hv k;
        if (!hv_to_string(ev->a, &key, &k) || k.kind != HV_STRING)
            return tf_eval_fail(ev, pos, "an object key must be a string, not %s",
                                hv_kind_name(&key));
        return get_attr(ev, v, k.u.s, k.n, pos);
    }
    case HV_SET:
        return tf_eval_fail(ev, pos, "a set cannot be indexed (its elements have no order)");
    case HV_NULL: return tf_eval_fail(ev, pos, "cannot index a null value");
    default: return tf_eval_fail(ev, pos, "cannot index a %s", hv_kind_name(&v));
    }
}

hv tf_eval_step(tf_eval *ev, const tf_scope *sc, hv v, const hcl_expr *step) {
    if (step->kind == HX_GETATTR) return get_attr(ev, v, step->name, step->nlen, step->pos);
    hv key = tf_eval_expr(ev, sc, step->b);
    return get_index(ev, v, key, step->b->pos);
}

/* var.x.y[0]: the root and the steps after it (outermost last). */
static hv eval_reference(tf_eval *ev, const tf_scope *sc, const hcl_expr *e) {
    enum { MAX_STEPS = 64 };
    const hcl_expr *steps[MAX_STEPS];
    uint32_t n = 0;
    const hcl_expr *root = e;
    while ((root->kind == HX_GETATTR || root->kind == HX_INDEX) && n < MAX_STEPS) {
        steps[n++] = root;
        root = root->a;
    }
    if (root->kind == HX_GETATTR || root->kind == HX_INDEX)
        return tf_eval_fail(ev, e->pos, "traversal longer than %d steps", MAX_STEPS);
    /* Outermost last: reverse. */
    for (uint32_t i = 0; i < n / 2; i++) {
        const hcl_expr *t = steps[i];
        steps[i] = steps[n - 1 - i];
        steps[n - 1 - i] = t;
    }
    hv v;
    uint32_t used = 0;
    const tf_scope *b = root->kind == HX_VAR ? find_binding(sc, root->name, root->nlen) : NULL;
    if (root->kind != HX_VAR) {
        v = tf_eval_expr(ev, sc, root);
    } else if (b) {
        v = b->val;
    } else {
        int r = ev->host.resolve ? ev->host.resolve(ev->host.self, ev, sc, root, steps, n, &v) : -1;
        if (r < 0) {
            if (ev->failed) return hv_unknown();
            return tf_eval_fail(ev, root->pos, "unknown name \"%.*s\"",
                                (int)(root->nlen > 80 ? 80 : root->nlen), root->name);
        }
        used = (uint32_t)r;
    }
    for (uint32_t i = used; i < n && !ev->failed; i++) v = tf_eval_step(ev, sc, v, steps[i]);
    return v;
}

/* ---- templates ---- */

static bool append_part(tf_eval *ev, tk_buf *b, const hv *v, uint32_t pos, bool *unknown) {
    if (v->kind == HV_UNKNOWN) {
        *unknown = true;
        return true;
    }
    hv s;
    if (v->kind == HV_NULL) {
        tf_eval_fail(ev, pos, "a null value cannot be inserted into a string");
        return false;
    }
    if (!hv_to_string(ev->a, v, &s) || s.kind != HV_STRING) {
        tf_eval_fail(ev, pos, "a %s cannot be inserted into a string", hv_kind_name(v));
        return false;
    }
    tk_buf_append(b, s.u.s, s.n);
    if (ev->fn.max_string && b->len > ev->fn.max_string) {
        tf_eval_fail(ev, pos, "string longer than %zu bytes", ev->fn.max_string);
        return false;
    }
    return true;
}

static void collect_unknown(tf_eval *ev, hv *acc, const hv *v) {
    if (v->kind != HV_UNKNOWN) return;
    hv both[2] = {*acc, *v};
    *acc = unknown_of(ev, both, 2);
}

static void render_parts(tf_eval *ev, const tf_scope *sc, const hcl_expr *tpl, tk_buf *b,
                         bool *unknown, hv *origins);

static void render_for(tf_eval *ev, const tf_scope *sc, const hcl_expr *d, tk_buf *b, bool *unknown,
                       hv *origins) {
    hv coll = tf_eval_expr(ev, sc, d->a);
    if (coll.kind == HV_UNKNOWN) {
        *unknown = true;
        collect_unknown(ev, origins, &coll);
        return;
    }
    if (coll.kind != HV_TUPLE && coll.kind != HV_SET && coll.kind != HV_OBJECT) {
        tf_eval_fail(ev, d->a->pos, "%%{for} needs a collection, not %s", hv_kind_name(&coll));
        return;
    }
    for (uint32_t i = 0; i < coll.n && !ev->failed; i++) {
        hv key, val;
        if (coll.kind == HV_OBJECT) {
            key = hv_str_ref(coll.u.pairs[i].key, coll.u.pairs[i].klen);
            val = coll.u.pairs[i].val;
        } else {
            key = coll.kind == HV_SET ? coll.u.items[i] : hv_num(i);
            val = coll.u.items[i];
        }
        tf_scope k = {sc, d->name, d->nlen, d->name2 ? key : val};
        tf_scope v = {&k, d->name2, d->n2len, val};
        render_parts(ev, d->name2 ? &v : &k, d->b, b, unknown, origins);
    }
}

static void render_parts(tf_eval *ev, const tf_scope *sc, const hcl_expr *tpl, tk_buf *b,
                         bool *unknown, hv *origins) {
    for (uint32_t i = 0; i < tpl->n && !ev->failed; i++) {
        const hcl_expr *p = tpl->items[i];
        if (p->kind == HX_LIT && p->lit.kind == HL_STRING) {
            tk_buf_append(b, p->lit.s, p->lit.len);
        } else if (p->kind == HX_TPL_IF) {
            hv c = tf_eval_expr(ev, sc, p->a), cb;
            if (c.kind == HV_UNKNOWN) {
                *unknown = true;
                collect_unknown(ev, origins, &c);
                continue;
            }
            if (!hv_to_bool(&c, &cb)) {
                tf_eval_fail(ev, p->a->pos, "%%{if} needs a bool, not %s", hv_kind_name(&c));
                return;
            }
            if (cb.u.b)
                render_parts(ev, sc, p->b, b, unknown, origins);
            else if (p->c)
                render_parts(ev, sc, p->c, b, unknown, origins);
        } else if (p->kind == HX_TPL_FOR) {
            render_for(ev, sc, p, b, unknown, origins);
        } else {
            hv v = tf_eval_expr(ev, sc, p);
            collect_unknown(ev, origins, &v);
            if (!append_part(ev, b, &v, p->pos, unknown)) return;
        }
    }
}

static hv eval_template(tf_eval *ev, const tf_scope *sc, const hcl_expr *e) {
    /* A lone interpolation gives its value as it is. */
    if (e->n == 1 && e->items[0]->kind != HX_LIT && e->items[0]->kind != HX_TPL_IF &&
        e->items[0]->kind != HX_TPL_FOR)
        return tf_eval_expr(ev, sc, e->items[0]);
    if (e->n == 0) return hv_at(hv_str_ref("", 0), e->pos);
    if (e->n == 1 && e->items[0]->kind == HX_LIT)
        return hv_at(hv_str_ref(e->items[0]->lit.s, e->items[0]->lit.len), e->pos);
    tk_buf b;
    tk_buf_init(&b);
    bool unknown = false;
    hv origins = hv_unknown();
    render_parts(ev, sc, e, &b, &unknown, &origins);
    hv r;
    if (ev->failed)
        r = hv_unknown();
    else if (unknown)
        r = origins;
    else if (b.oom)
        r = oom(ev, e->pos);
    else
        r = hv_str(ev->a, b.len ? b.data : "", b.len);
    tk_buf_free(&b);
    return hv_at(r, e->pos);
}

/* ---- collections ---- */

static hv eval_tuple(tf_eval *ev, const tf_scope *sc, const hcl_expr *e) {
    hv *items;
    hv t = hv_tuple(ev->a, e->n, &items);
    if (e->n && !items) return oom(ev, e->pos);
    for (uint32_t i = 0; i < e->n; i++) items[i] = tf_eval_expr(ev, sc, e->items[i]);
    return hv_at(t, e->pos);
}

static hv eval_object(tf_eval *ev, const tf_scope *sc, const hcl_expr *e) {
    uint32_t n = e->n / 2;
    hv_pair *pairs = n ? tk_arena_array(ev->a, n, sizeof *pairs) : NULL;
    if (n && !pairs) return oom(ev, e->pos);
    hv unknown_key = hv_null();
    for (uint32_t i = 0; i < n; i++) {
        const hcl_expr *ke = e->items[2 * i];
        hv k;
        /* A parenthesized or bare-variable key is an expression; an identifier key is text. */
        if (ke->kind == HX_LIT && ke->lit.kind == HL_STRING)
            k = hv_str_ref(ke->lit.s, ke->lit.len);
        else
            k = tf_eval_expr(ev, sc, ke);
        hv ks;
        if (k.kind == HV_UNKNOWN) {
            unknown_key = k;
            ks = hv_str_ref("", 0);
        } else if (k.kind == HV_NULL || !hv_to_string(ev->a, &k, &ks) || ks.kind != HV_STRING) {
            return tf_eval_fail(ev, ke->pos, "an object key must be a string, not %s",
                                hv_kind_name(&k));
        }
        pairs[i].key = ks.u.s;
        pairs[i].klen = ks.n;
        pairs[i].val = tf_eval_expr(ev, sc, e->items[2 * i + 1]);
    }
    if (unknown_key.kind == HV_UNKNOWN) return unknown_key;
    return hv_at(hv_object(ev->a, pairs, n), e->pos);
}

static hv eval_for(tf_eval *ev, const tf_scope *sc, const hcl_expr *e) {
    hv coll = tf_eval_expr(ev, sc, e->a);
    if (coll.kind == HV_UNKNOWN) return coll;
    if (coll.kind != HV_TUPLE && coll.kind != HV_SET && coll.kind != HV_OBJECT)
        return tf_eval_fail(ev, e->a->pos, "a for expression needs a collection, not %s",
                            hv_kind_name(&coll));
    bool to_object = e->op == '{';
    hv *vals = coll.n ? tk_arena_array(ev->a, coll.n, sizeof *vals) : NULL;
    hv_pair *pairs = to_object && coll.n ? tk_arena_array(ev->a, coll.n, sizeof *pairs) : NULL;
    if (coll.n && (!vals || (to_object && !pairs))) return oom(ev, e->pos);
    uint32_t k = 0;
    hv unknown = hv_null();
    for (uint32_t i = 0; i < coll.n && !ev->failed; i++) {
        hv key, val;
        if (coll.kind == HV_OBJECT) {
            key = hv_str_ref(coll.u.pairs[i].key, coll.u.pairs[i].klen);
            val = coll.u.pairs[i].val;
        } else {
            key = coll.kind == HV_SET ? coll.u.items[i] : hv_num(i);
            val = coll.u.items[i];
        }
        tf_scope kb = {sc, e->name, e->nlen, e->name2 ? key : val};
        tf_scope vb = {&kb, e->name2, e->n2len, val};
        const tf_scope *inner = e->name2 ? &vb : &kb;
        if (e->d) {
            hv c = tf_eval_expr(ev, inner, e->d), cb;
            if (c.kind == HV_UNKNOWN) {
                unknown = unknown.kind == HV_UNKNOWN ? unknown : c;
                continue;
            }
            if (!hv_to_bool(&c, &cb))
                return tf_eval_fail(ev, e->d->pos, "a for expression's if needs a bool");
            if (!cb.u.b) continue;
        }
        if (to_object) {
            hv kv = tf_eval_expr(ev, inner, e->b), ks;
            if (kv.kind == HV_UNKNOWN) {
                unknown = kv;
                continue;
            }
            if (kv.kind == HV_NULL || !hv_to_string(ev->a, &kv, &ks) || ks.kind != HV_STRING)
                return tf_eval_fail(ev, e->b->pos, "a for expression's key must be a string");
            pairs[k].key = ks.u.s;
            pairs[k].klen = ks.n;
            pairs[k].val = tf_eval_expr(ev, inner, e->c);
        } else {
            vals[k] = tf_eval_expr(ev, inner, e->b);
        }
        k++;
    }
    if (ev->failed) return hv_unknown();
    if (unknown.kind == HV_UNKNOWN) return unknown;
    if (!to_object) {
        hv *items;
        hv t = hv_tuple(ev->a, k, &items);
        if (k) memcpy(items, vals, k * sizeof *vals);
        return hv_at(t, e->pos);
    }
    if (e->flags & HCL_FOR_GROUP) {
        /* Grouping: each key collects the tuple of its values, in visit order. */
        hv_pair *groups = k ? tk_arena_array(ev->a, k, sizeof *groups) : NULL;
        if (k && !groups) return oom(ev, e->pos);
        uint32_t ng = 0;
        for (uint32_t i = 0; i < k; i++) {
            uint32_t g = 0;
            while (g < ng && !(groups[g].klen == pairs[i].klen &&
                               !memcmp(groups[g].key, pairs[i].key, pairs[i].klen)))
                g++;
            if (g == ng) {
                uint32_t count = 0;
                for (uint32_t j = i; j < k; j++)
                    count += pairs[j].klen == pairs[i].klen &&
                             !memcmp(pairs[j].key, pairs[i].key, pairs[i].klen);
                hv *items;
                groups[ng].key = pairs[i].key;
                groups[ng].klen = pairs[i].klen;
                groups[ng].val = hv_tuple(ev->a, count, &items);
                groups[ng].val.n = 0;
                ng++;
            }
            groups[g].val.u.items[groups[g].val.n++] = pairs[i].val;
        }
        return hv_at(hv_object(ev->a, groups, ng), e->pos);
    }
    for (uint32_t i = 0; i < k; i++)
        for (uint32_t j = i + 1; j < k; j++)
            if (pairs[i].klen == pairs[j].klen &&
                !memcmp(pairs[i].key, pairs[j].key, pairs[i].klen))
                return tf_eval_fail(
                    ev, e->b->pos,
                    "the for expression produces the key \"%.*s\" twice (use ... to group)",
                    (int)(pairs[i].klen > 60 ? 60 : pairs[i].klen), pairs[i].key);
    return hv_at(hv_object(ev->a, pairs, k), e->pos);
}

static hv eval_splat(tf_eval *ev, const tf_scope *sc, const hcl_expr *e) {
    hv src = tf_eval_expr(ev, sc, e->a);
    if (src.kind == HV_UNKNOWN) return src;
    if (src.kind == HV_NULL) {
        hv *items;
        return hv_at(hv_tuple(ev->a, 0, &items), e->pos);
    }
    const hv *elems = &src;
    uint32_t n = 1;
    if (src.kind == HV_TUPLE || src.kind == HV_SET) {
        elems = src.u.items;
        n = src.n;
    }
    hv *items;
    hv t = hv_tuple(ev->a, n, &items);
    if (n && !items) return oom(ev, e->pos);
    for (uint32_t i = 0; i < n && !ev->failed; i++) {
        tf_scope item = {sc, "", 0, elems[i]};
        items[i] = tf_eval_expr(ev, &item, e->b);
    }
    return hv_at(t, e->pos);
}

/* ---- operators ---- */

static hv eval_unary(tf_eval *ev, const tf_scope *sc, const hcl_expr *e) {
    hv v = tf_eval_expr(ev, sc, e->a), c;
    if (v.kind == HV_UNKNOWN) return v;
    if (e->op == '!') {
        if (!hv_to_bool(&v, &c))
            return tf_eval_fail(ev, e->pos, "! needs a bool, not %s", hv_kind_name(&v));
        return hv_at(hv_bool(!c.u.b), e->pos);
    }
    if (!hv_to_number(&v, &c))
        return tf_eval_fail(ev, e->pos, "- needs a number, not %s", hv_kind_name(&v));
    return hv_at(hv_num(-c.u.num), e->pos);
}

static hv eval_logic(tf_eval *ev, const tf_scope *sc, const hcl_expr *e) {
    bool is_and = e->op == HOP_AND;
    hv l = tf_eval_expr(ev, sc, e->a), lb;
    if (l.kind != HV_UNKNOWN) {
        if (!hv_to_bool(&l, &lb))
            return tf_eval_fail(ev, e->a->pos, "%s needs bools, not %s", is_and ? "&&" : "||",
                                hv_kind_name(&l));
        if (lb.u.b != is_and) return hv_at(hv_bool(lb.u.b), e->pos); /* decided by the left side */
    }
    hv r = tf_eval_expr(ev, sc, e->b), rb;
    if (r.kind != HV_UNKNOWN) {
        if (!hv_to_bool(&r, &rb))
            return tf_eval_fail(ev, e->b->pos, "%s needs bools, not %s", is_and ? "&&" : "||",
                                hv_kind_name(&r));
        if (rb.u.b != is_and) return hv_at(hv_bool(rb.u.b), e->pos);
        if (l.kind != HV_UNKNOWN) return hv_at(hv_bool(is_and), e->pos);
    }
    hv both[2] = {l, r};
    return unknown_of(ev, both, 2);
}

static hv eval_binary(tf_eval *ev, const tf_scope *sc, const hcl_expr *e) {
    if (e->op == HOP_AND || e->op == HOP_OR) return eval_logic(ev, sc, e);
    hv l = tf_eval_expr(ev, sc, e->a), r = tf_eval_expr(ev, sc, e->b);
    if (e->op == HOP_EQ || e->op == HOP_NE) {
        int eq = hv_equal(&l, &r);
        if (eq < 0) {
            hv both[2] = {l, r};
            return unknown_of(ev, both, 2);
        }
        return hv_at(hv_bool((eq == 1) == (e->op == HOP_EQ)), e->pos);
    }
    if (l.kind == HV_UNKNOWN || r.kind == HV_UNKNOWN) {
        hv both[2] = {l, r};
        return unknown_of(ev, both, 2);
    }
    hv a, b;
    if (!hv_to_number(&l, &a))
        return tf_eval_fail(ev, e->a->pos,
                            "an arithmetic or comparison operator needs numbers, not %s",
                            hv_kind_name(&l));
    if (!hv_to_number(&r, &b))
        return tf_eval_fail(ev, e->b->pos,
                            "an arithmetic or comparison operator needs numbers, not %s",
                            hv_kind_name(&r));
    double x = a.u.num, y = b.u.num;
    switch (e->op) {
    case HOP_LT: return hv_at(hv_bool(x < y), e->pos);
    case HOP_LE: return hv_at(hv_bool(x <= y), e->pos);
    case HOP_GT: return hv_at(hv_bool(x > y), e->pos);
    case HOP_GE: return hv_at(hv_bool(x >= y), e->pos);
    case HOP_ADD: return hv_at(hv_num(x + y), e->pos);
    case HOP_SUB: return hv_at(hv_num(x - y), e->pos);
    case HOP_MUL: return hv_at(hv_num(x * y), e->pos);
    case HOP_DIV:
        if (y == 0) return tf_eval_fail(ev, e->pos, "division by zero");
        return hv_at(hv_num(x / y), e->pos);
    case HOP_MOD:
        if (y == 0) return tf_eval_fail(ev, e->pos, "modulo by zero");
        return hv_at(hv_num(fmod(x, y)), e->pos);
    default: return tf_eval_fail(ev, e->pos, "unsupported operator");
    }
}

static hv eval_cond(tf_eval *ev, const tf_scope *sc, const hcl_expr *e) {
    hv c = tf_eval_expr(ev, sc, e->a), cb;
    if (c.kind == HV_UNKNOWN) {
        /* Either branch may be taken: the result is unknown, deriving from both. */
        bool before = ev->failed;
        hv parts[3] = {c, tf_eval_expr(ev, sc, e->b), tf_eval_expr(ev, sc, e->c)};
        ev->failed = before; /* an error in a branch that may not run is not an error */
        return unknown_of(ev, parts, 3);
    }
    if (!hv_to_bool(&c, &cb))
        return tf_eval_fail(ev, e->a->pos, "a condition must be a bool, not %s", hv_kind_name(&c));
    return tf_eval_expr(ev, sc, cb.u.b ? e->b : e->c);
}

/* ---- functions ---- */

static hv eval_try(tf_eval *ev, const tf_scope *sc, const hcl_expr *e, bool is_can) {
    if (is_can && e->n != 1) return tf_eval_fail(ev, e->pos, "can() takes one argument");
    if (!is_can && e->n == 0) return tf_eval_fail(ev, e->pos, "try() needs at least one argument");
    for (uint32_t i = 0; i < e->n; i++) {
        bool was_failed = ev->failed;
        ev->catching++;
        hv v = tf_eval_expr(ev, sc, e->items[i]);
        ev->catching--;
        if (ev->exhausted) return hv_unknown();
        bool err = ev->failed && !was_failed;
        ev->failed = was_failed;
        if (!err) {
            if (is_can)
                return v.kind == HV_UNKNOWN || !hv_is_known(&v) ? hv_unknown_from(ev->a, &v, 1)
                                                                : hv_at(hv_bool(true), e->pos);
            /* An argument that is not known yet may still fail once it is: unknown. */
            if (!hv_is_known(&v)) return unknown_of(ev, &v, 1);
            return v;
        }
        if (is_can) return hv_at(hv_bool(false), e->pos);
    }
    return tf_eval_fail(ev, e->pos, "no argument of try() could be evaluated");
}

static hv eval_call(tf_eval *ev, const tf_scope *sc, const hcl_expr *e) {
    if (e->nlen == 3 && !memcmp(e->name, "try", 3)) return eval_try(ev, sc, e, false);
    if (e->nlen == 3 && !memcmp(e->name, "can", 3)) return eval_try(ev, sc, e, true);
    uint32_t n = e->n;
    hv *args = n ? tk_arena_array(ev->a, n, sizeof *args) : NULL;
    if (n && !args) return oom(ev, e->pos);
    for (uint32_t i = 0; i < n; i++) args[i] = tf_eval_expr(ev, sc, e->items[i]);
    if (ev->failed) return hv_unknown();
    if ((e->flags & HCL_EXPAND_LAST) && n) {
        hv last = args[n - 1];
        if (last.kind == HV_UNKNOWN) return unknown_of(ev, args, n);
        if (last.kind != HV_TUPLE && last.kind != HV_SET)
            return tf_eval_fail(ev, e->items[n - 1]->pos, "... needs a list, not %s",
                                hv_kind_name(&last));
        uint32_t total = n - 1 + last.n;
        hv *all = total ? tk_arena_array(ev->a, total, sizeof *all) : NULL;
        if (total && !all) return oom(ev, e->pos);
        if (n > 1) memcpy(all, args, (n - 1) * sizeof *all);
        if (last.n) memcpy(all + n - 1, last.u.items, last.n * sizeof *all);
        args = all;
        n = total;
    }
    ev->fn.err[0] = 0;
    hv out;
    int r = tf_call(&ev->fn, e->name, e->nlen, args, n, &out);
    if (r == TF_CALL_UNSUPPORTED) {
        if (ev->host.diag && !ev->catching) {
            char m[160];
            snprintf(
                m, sizeof m,
                "function %.*s() is not evaluated by tenken: values depending on it are unknown",
                (int)(e->nlen > 60 ? 60 : e->nlen), e->name);
            ev->host.diag(ev->host.self, e->pos, m);
        }
        return unknown_of(ev, args, n);
    }
    if (r == TF_CALL_ERROR)
        return tf_eval_fail(ev, e->pos, "%.*s(): %s", (int)(e->nlen > 60 ? 60 : e->nlen), e->name,
                            ev->fn.err[0] ? ev->fn.err : "invalid arguments");
    if (out.pos == HV_NOPOS) out.pos = e->pos;
    return out;
}

/* ---- the dispatcher ---- */

hv tf_eval_expr(tf_eval *ev, const tf_scope *sc, const hcl_expr *e) {
    if (ev->exhausted) return hv_unknown();
    if (++ev->steps > ev->max_steps) {
        ev->exhausted = true;
        return tf_eval_fail(ev, e->pos,
                            "evaluation took more than %llu steps; the rest is left unknown",
                            (unsigned long long)ev->max_steps);
    }
    if (ev->depth >= ev->max_depth)
        return tf_eval_fail(ev, e->pos, "expressions nested too deeply (through references)");
    ev->depth++;
    hv r;
    switch (e->kind) {
    case HX_LIT:
        switch (e->lit.kind) {
        case HL_NULL: r = hv_null(); break;
        case HL_BOOL: r = hv_bool(e->lit.b); break;
        case HL_NUMBER: r = hv_num(e->lit.num); break;
        default: r = hv_str_ref(e->lit.s, e->lit.len); break;
        }
        r.pos = e->pos;
        break;
    case HX_TEMPLATE: r = eval_template(ev, sc, e); break;
    case HX_TUPLE: r = eval_tuple(ev, sc, e); break;
    case HX_OBJECT: r = eval_object(ev, sc, e); break;
    case HX_VAR:
    case HX_GETATTR:
    case HX_INDEX: r = eval_reference(ev, sc, e); break;
    case HX_ITEM: {
        const tf_scope *it = find_binding(sc, "", 0);
        r = it ? it->val : tf_eval_fail(ev, e->pos, "splat element outside a splat");
        break;
    }
    case HX_SPLAT: r = eval_splat(ev, sc, e); break;
    case HX_CALL: r = eval_call(ev, sc, e); break;
    case HX_FOR: r = eval_for(ev, sc, e); break;
    case HX_COND: r = eval_cond(ev, sc, e); break;
    case HX_UNARY: r = eval_unary(ev, sc, e); break;
    case HX_BINARY: r = eval_binary(ev, sc, e); break;
    case HX_PAREN: r = tf_eval_expr(ev, sc, e->a); break;
    default: r = tf_eval_fail(ev, e->pos, "a template directive outside a template"); break;
    }
    ev->depth--;
    if (ev->failed && !ev->catching) return hv_unknown();
    return r;
}

hv tf_eval_top(tf_eval *ev, const tf_scope *sc, const hcl_expr *e) {
    bool outer_failed = ev->failed;
    uint32_t outer_pos = ev->fail_pos;
    char outer_msg[sizeof ev->fail_msg];
    if (outer_failed) memcpy(outer_msg, ev->fail_msg, sizeof outer_msg);
    ev->failed = false;
    hv v = tf_eval_expr(ev, sc, e);
    if (ev->failed) {
        if (ev->host.diag && !ev->catching)
            ev->host.diag(ev->host.self, ev->fail_pos, ev->fail_msg);
        v = hv_unknown();
    }
    ev->failed = outer_failed;
    if (outer_failed) {
        ev->fail_pos = outer_pos;
        memcpy(ev->fail_msg, outer_msg, sizeof outer_msg);
    }
    return v;
}

bool tf_eval_render(tf_eval *ev, const char *text, size_t len, const hv *vars, hv *out, char *err,
                    size_t errcap) {
    hcl_expr *tpl;
    tk_err perr;
    if (!hcl_parse_template(ev->a, text, len, 0, 0, &tpl, &perr)) {
        snprintf(err, errcap, "template: %s", perr.msg);
        return false;
    }
    /* The template sees only the variables it is given. */
    tf_scope *sc = NULL;
    for (uint32_t i = 0; vars && vars->kind == HV_OBJECT && i < vars->n; i++) {
        tf_scope *b = tk_arena_alloc(ev->a, sizeof *b);
        if (!b) {
            snprintf(err, errcap, "out of memory");
            return false;
        }
        *b = (tf_scope){sc, vars->u.pairs[i].key, vars->u.pairs[i].klen, vars->u.pairs[i].val};
        sc = b;
    }
    bool outer = ev->failed;
    ev->failed = false;
    ev->catching++;
    hv v = tf_eval_expr(ev, sc, tpl);
    ev->catching--;
    bool failed = ev->failed;
    if (failed) snprintf(err, errcap, "template: %s", ev->fail_msg);
    ev->failed = outer;
    if (failed) return false;
    hv s;
    if (v.kind == HV_UNKNOWN)
        *out = v;
    else if (hv_to_string(ev->a, &v, &s))
        *out = s;
    else {
        snprintf(err, errcap, "template result is a %s, not a string", hv_kind_name(&v));
        return false;
    }
    return true;
}
