/* Terraform source -> resource table (see adapt_tfsrc.h).
 *
 * Evaluation is lazy and memoized: a module instance's variables, locals and outputs, its
 * resources' expansions and every resource instance's configuration are computed when first
 * needed and kept; something asked for while it is being computed is a cycle (reported,
 * unknown). Every resource instance gets an index ("ref") that unknown values derived from
 * it carry, which is how joins still see that `bucket = aws_s3_bucket.b.id` points at b.
 * At the end every instance's configuration is written into the document as nodes, with
 * the provider facts' defaults and unknowns for what the configuration leaves out. */
#include "adapt_tfsrc.h"
#include "hv_doc.h"
#include "suppress.h"
#include "tfsrc_data.h"
#include "tfsrc_eval.h"
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

typedef struct inst inst;

/* One resource instance (or data source instance). */
typedef struct rinst {
    inst *mi;
    const tf_res_decl *decl;
    hv key;        /* null: no count/for_each; number: count.index; string: for_each key */
    hv each_value; /* for_each */
    bool uncertain;
    const char *address; /* full address */
    const char *index;   /* "[0]", "[\"k\"]" or "" */
    uint8_t state;       /* 0 not evaluated, 1 being evaluated, 2 done */
    hv value;            /* the configuration, evaluated: an HVF_RESOURCE object */
    uint32_t node;       /* materialized values node */
} rinst;

typedef struct res_state {
    uint8_t state; /* 0, 1 expanding, 2 expanded */
    uint32_t first, n;
    bool counted, keyed, uncertain;
    hv value; /* what a reference to the resource gives */
} res_state;

typedef struct call_state {
    uint8_t state;
    inst **kids;
    uint32_t n;
    bool counted, keyed, uncertain;
    hv value;
} call_state;

struct inst {
    const tf_module *m;
    inst *parent;
    const tf_call_decl *call; /* in the parent; NULL for the root */
    hv key, each_value;
    const char *path; /* "module.a[\"x\"].module.b", "" for the root */
    uint32_t *via;    /* module call positions from the root */
    uint32_t n_via;
    unsigned depth;
    uint8_t *var_state, *local_state, *out_state;
    hv *vars, *locals, *outputs;
    res_state *rs;
    call_state *cs;
};

struct tk_tfsrc {
    tk_arena arena;
    tf_source src;
    tf_eval ev;
    tk_tfsrc_opts o;
    tk_doc *doc;
    tk_rtable *t;
    inst *root;
    inst *cur;
    rinst *ri;
    uint32_t n_ri, cap_ri;
    uint32_t *rt_of; /* rtable item -> rinst */
    hv root_inputs;  /* object: root variable name -> value */
    bool oom;
    tk_sups sups; /* inline suppressions and the source range each covers */
    /* Warnings wait until the document has its text (they are reported with positions). */
    tk_warnlist warnings;
};

/* ---- helpers ---- */

static bool oom_err(tk_err *err) {
    tk_err_set(err, 0, "out of memory");
    return false;
}

static void warn(tk_tfsrc *ts, uint32_t pos, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void warn(tk_tfsrc *ts, uint32_t pos, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    tk_warnlist_vadd(&ts->warnings, pos, fmt, ap);
    va_end(ap);
}

/* Makes mi the module instance whose names expressions see. */
static void use_inst(tk_tfsrc *ts, inst *mi) {
    ts->cur = mi;
    ts->ev.fn.module_dir = mi ? mi->m->dir : "";
}

static void eval_diag(void *self, uint32_t pos, const char *msg) {
    warn(self, pos, "%s", msg);
}

static bool name_is(const char *a, uint32_t al, const char *b) {
    size_t bl = strlen(b);
    return al == bl && !memcmp(a, b, bl);
}

static bool same(const char *a, uint32_t al, const char *b, uint32_t bl) {
    return al == bl && !memcmp(a, b, al);
}

static const char *fmt_key(tk_tfsrc *ts, const hv *key) {
    if (key->kind == HV_NUMBER) {
        char b[40];
        hv_format_number(key->u.num, b, sizeof b);
        hv s = hv_strf(&ts->arena, "[%s]", b);
        return s.kind == HV_STRING ? s.u.s : "";
    }
    if (key->kind == HV_STRING) {
        tk_buf b;
        tk_buf_init(&b);
        tk_buf_puts(&b, "[\"");
        for (uint32_t i = 0; i < key->n; i++) {
            char c = key->u.s[i];
            if (c == '"' || c == '\\') tk_buf_putc(&b, '\\');
            tk_buf_putc(&b, c);
        }
        tk_buf_puts(&b, "\"]");
        const char *r = b.oom ? "" : tk_arena_strndup(&ts->arena, b.data, b.len);
        tk_buf_free(&b);
        return r ? r : "";
    }
    if (key->kind == HV_UNKNOWN) return "[*]";
    return "";
}

/* Binds count.index / each.key and each.value for an instance's body. */
static const tf_scope *instance_scope(tk_tfsrc *ts, const hv *key, const hv *each_value, bool keyed,
                                      tf_scope *slot) {
    if (key->kind == HV_NULL) return NULL;
    hv_pair p[2];
    uint32_t n;
    if (keyed) {
        p[0] = (hv_pair){"key", 3, *key};
        p[1] = (hv_pair){"value", 5, *each_value};
        n = 2;
    } else {
        p[0] = (hv_pair){"index", 5, *key};
        n = 1;
    }
    *slot = (tf_scope){NULL, keyed ? "each" : "count", keyed ? 4 : 5, hv_object(&ts->arena, p, n)};
    return slot;
}

/* ---- variables ---- */

static hv convert(tk_tfsrc *ts, const hcl_expr *type, hv v, uint32_t pos, bool *ok);

/* `type = list(string)` and friends, also the old quoted forms ("string", "list", "map"). */
static bool type_word(const hcl_expr *t, const char **w, uint32_t *wl) {
    if (t->kind == HX_VAR) {
        *w = t->name;
        *wl = t->nlen;
        return true;
    }
    if (t->kind == HX_TEMPLATE && t->n == 1 && t->items[0]->kind == HX_LIT) {
        *w = t->items[0]->lit.s;
        *wl = t->items[0]->lit.len;
        return true;
    }
    return false;
}

static hv convert(tk_tfsrc *ts, const hcl_expr *type, hv v, uint32_t pos, bool *ok) {
    if (!type || v.kind == HV_UNKNOWN || v.kind == HV_NULL) return v;
    const char *w;
    uint32_t wl;
    hv out;
    if (type_word(type, &w, &wl)) {
        if (name_is(w, wl, "string")) {
            if (hv_to_string(&ts->arena, &v, &out)) return out;
        } else if (name_is(w, wl, "number")) {
            if (hv_to_number(&v, &out)) return out;
        } else if (name_is(w, wl, "bool")) {
            if (hv_to_bool(&v, &out)) return out;
        } else {
            return v; /* any, list, map (old forms) */
        }
        *ok = false;
        return v;
    }
    if (type->kind == HX_CALL && type->n == 1) {
        bool list = name_is(type->name, type->nlen, "list"),
             set = name_is(type->name, type->nlen, "set");
        bool map = name_is(type->name, type->nlen, "map");
        const hcl_expr *el = type->items[0];
        if ((list || set) && (v.kind == HV_TUPLE || v.kind == HV_SET)) {
            hv *items;
            hv t = hv_tuple(&ts->arena, v.n, &items);
            for (uint32_t i = 0; i < v.n; i++) items[i] = convert(ts, el, v.u.items[i], pos, ok);
            if (set) t = hv_set(&ts->arena, items, v.n);
            t.pos = v.pos;
            return t;
        }
        if (map && v.kind == HV_OBJECT) {
            hv_pair *p = v.n ? tk_arena_array(&ts->arena, v.n, sizeof *p) : NULL;
            if (v.n && !p) return hv_unknown();
            for (uint32_t i = 0; i < v.n; i++) {
                p[i] = v.u.pairs[i];
                p[i].val = convert(ts, el, v.u.pairs[i].val, pos, ok);
            }
            hv o = hv_object(&ts->arena, p, v.n);
            o.pos = v.pos;
            return o;
        }
        if (name_is(type->name, type->nlen, "object") && el->kind == HX_OBJECT &&
            v.kind == HV_OBJECT) {
            /* Attributes the type names take their types; optional ones may be missing. */
            uint32_t n = el->n / 2;
            hv_pair *p = tk_arena_array(&ts->arena, v.n + n + 1, sizeof *p);
            if (!p) return hv_unknown();
            uint32_t k = 0;
            for (uint32_t i = 0; i < v.n; i++) p[k++] = v.u.pairs[i];
            for (uint32_t i = 0; i < n; i++) {
                const hcl_expr *ke = el->items[2 * i], *te = el->items[2 * i + 1];
                if (ke->kind != HX_LIT || ke->lit.kind != HL_STRING) continue;
                const hv *have = hv_get(&v, ke->lit.s, ke->lit.len);
                bool optional = te->kind == HX_CALL && name_is(te->name, te->nlen, "optional");
                const hcl_expr *inner = optional && te->n ? te->items[0] : te;
                if (have) {
                    for (uint32_t j = 0; j < k; j++)
                        if (same(p[j].key, p[j].klen, ke->lit.s, ke->lit.len))
                            p[j].val = convert(ts, inner, *have, pos, ok);
                } else if (optional) {
                    hv d = hv_null();
                    if (te->n > 1) d = tf_eval_top(&ts->ev, NULL, te->items[1]);
                    p[k++] = (hv_pair){ke->lit.s, ke->lit.len, convert(ts, inner, d, pos, ok)};
                }
            }
            hv o = hv_object(&ts->arena, p, k);
            o.pos = v.pos;
            return o;
        }
    }
    return v;
}

static const hcl_expr *var_type(const tf_decl *d) {
    const hcl_attr *t = d->block ? hcl_body_attr(d->block->body, "type") : NULL;
    return t ? t->expr : NULL;
}

/* A root variable given as text (environment, --var): complex types are expressions. */
static hv raw_input(tk_tfsrc *ts, const tf_decl *d, const char *label, const char *text,
                    size_t len) {
    const hcl_expr *t = var_type(d);
    const char *w;
    uint32_t wl;
    bool primitive =
        !t || (type_word(t, &w, &wl) && (name_is(w, wl, "string") || name_is(w, wl, "number") ||
                                         name_is(w, wl, "bool") || name_is(w, wl, "any")));
    if (primitive) return hv_str(&ts->arena, text, len);
    hcl_expr *e;
    tk_err err;
    if (!tf_source_expr(&ts->src, label, text, len, &e, &err)) {
        warn(ts, err.offset, "%s: %s", label, err.msg);
        return hv_unknown();
    }
    return tf_eval_top(&ts->ev, NULL, e);
}

static hv var_value(tk_tfsrc *ts, inst *mi, uint32_t vi) {
    if (mi->var_state[vi] == 2) return mi->vars[vi];
    const tf_decl *d = &mi->m->vars[vi];
    if (mi->var_state[vi] == 1) {
        warn(ts, d->pos, "variable \"%.*s\" depends on itself", (int)d->nlen, d->name);
        return hv_unknown();
    }
    mi->var_state[vi] = 1;
    hv v;
    bool set = false;
    inst *saved = ts->cur;
    if (!mi->parent) {
        const hv *in = hv_get(&ts->root_inputs, d->name, d->nlen);
        if (in) {
            v = *in;
            set = true;
        }
    } else {
        const hcl_attr *arg =
            hcl_body_attr(mi->call->block->body, tk_arena_strndup(&ts->arena, d->name, d->nlen));
        if (arg) {
            use_inst(ts, mi->parent);
            tf_scope slot;
            const tf_scope *sc =
                instance_scope(ts, &mi->key, &mi->each_value,
                               mi->parent->cs[mi->call - mi->parent->m->calls].keyed, &slot);
            v = tf_eval_top(&ts->ev, sc, arg->expr);
            use_inst(ts, saved);
            set = true;
        }
    }
    if (!set || (v.kind == HV_NULL && d->expr)) {
        if (d->expr) {
            use_inst(ts, mi);
            v = tf_eval_top(&ts->ev, NULL, d->expr);
            use_inst(ts, saved);
        } else {
            v = hv_unknown(); /* nobody set it: Terraform would ask */
        }
    }
    bool ok = true;
    v = convert(ts, var_type(d), v, d->pos, &ok);
    if (!ok) {
        warn(ts, d->pos, "the value of variable \"%.*s\" does not match its type", (int)d->nlen,
             d->name);
        v = hv_unknown();
    }
    mi->vars[vi] = v;
    mi->var_state[vi] = 2;
    return v;
}

static hv local_value(tk_tfsrc *ts, inst *mi, uint32_t li) {
    if (mi->local_state[li] == 2) return mi->locals[li];
    const tf_decl *d = &mi->m->locals[li];
    if (mi->local_state[li] == 1) {
        warn(ts, d->pos, "local value \"%.*s\" depends on itself", (int)d->nlen, d->name);
        return hv_unknown();
    }
    mi->local_state[li] = 1;
    inst *saved = ts->cur;
    use_inst(ts, mi);
    hv v = tf_eval_top(&ts->ev, NULL, d->expr);
    use_inst(ts, saved);
    mi->locals[li] = v;
    mi->local_state[li] = 2;
    return v;
}

static hv output_value(tk_tfsrc *ts, inst *mi, uint32_t oi) {
    if (mi->out_state[oi] == 2) return mi->outputs[oi];
    const tf_decl *d = &mi->m->outputs[oi];
    if (mi->out_state[oi] == 1) {
        warn(ts, d->pos, "output \"%.*s\" depends on itself", (int)d->nlen, d->name);
        return hv_unknown();
    }
    mi->out_state[oi] = 1;
    inst *saved = ts->cur;
    use_inst(ts, mi);
    hv v = d->expr ? tf_eval_top(&ts->ev, NULL, d->expr) : hv_null();
    use_inst(ts, saved);
    mi->outputs[oi] = v;
    mi->out_state[oi] = 2;
    return v;
}

/* ---- module instances ---- */

static inst *new_inst(tk_tfsrc *ts, const tf_module *m, inst *parent, const tf_call_decl *call,
                      hv key, hv each_value) {
    inst *mi = tk_arena_alloc(&ts->arena, sizeof *mi);
    if (!mi) return NULL;
    mi->m = m;
    mi->parent = parent;
    mi->call = call;
    mi->key = key;
    mi->each_value = each_value;
    mi->depth = parent ? parent->depth + 1 : 0;
    mi->var_state = tk_arena_alloc(&ts->arena, m->n_vars + 1);
    mi->local_state = tk_arena_alloc(&ts->arena, m->n_locals + 1);
    mi->out_state = tk_arena_alloc(&ts->arena, m->n_outputs + 1);
    mi->vars = tk_arena_array(&ts->arena, m->n_vars + 1, sizeof(hv));
    mi->locals = tk_arena_array(&ts->arena, m->n_locals + 1, sizeof(hv));
    mi->outputs = tk_arena_array(&ts->arena, m->n_outputs + 1, sizeof(hv));
    mi->rs = tk_arena_array(&ts->arena, m->n_res + 1, sizeof(res_state));
    mi->cs = tk_arena_array(&ts->arena, m->n_calls + 1, sizeof(call_state));
    if (!mi->var_state || !mi->local_state || !mi->out_state || !mi->vars || !mi->locals ||
        !mi->outputs || !mi->rs || !mi->cs)
        return NULL;
    if (!parent) {
        mi->path = "";
    } else {
        hv p = hv_strf(&ts->arena, "%s%smodule.%.*s%s", parent->path, *parent->path ? "." : "",
                       (int)call->nlen, call->name, fmt_key(ts, &key));
        mi->path = p.kind == HV_STRING ? p.u.s : "";
        mi->n_via = parent->n_via + 1;
        mi->via = tk_arena_array(&ts->arena, mi->n_via, sizeof *mi->via);
        if (!mi->via) return NULL;
        if (parent->n_via) memcpy(mi->via, parent->via, parent->n_via * sizeof *mi->via);
        mi->via[parent->n_via] = call->block->pos;
    }
    return mi;
}

/* Keys of count (numbers) or for_each (strings with values); false when not known. */
typedef struct expansion {
    hv *keys, *values;
    uint32_t n;
    bool counted, keyed, uncertain;
} expansion;

static void expand(tk_tfsrc *ts, const hcl_expr *count, const hcl_expr *for_each, expansion *x) {
    memset(x, 0, sizeof *x);
    if (count) {
        x->counted = true;
        hv c = tf_eval_top(&ts->ev, NULL, count), cn;
        if (c.kind == HV_UNKNOWN) {
            x->uncertain = true;
            return;
        }
        if (!hv_to_number(&c, &cn) || !(cn.u.num >= 0) || cn.u.num != floor(cn.u.num)) {
            warn(ts, count->pos, "count must be a whole number of zero or more");
            x->uncertain = true;
            return;
        }
        if (cn.u.num > (double)ts->o.max_instances) {
            warn(ts, count->pos,
                 "count is %.0f, more than the limit of %zu instances; instances are left unknown",
                 cn.u.num, ts->o.max_instances);
            x->uncertain = true;
            return;
        }
        x->n = (uint32_t)cn.u.num;
        x->keys = x->n ? tk_arena_array(&ts->arena, x->n, sizeof(hv)) : NULL;
        for (uint32_t i = 0; i < x->n && x->keys; i++) x->keys[i] = hv_num(i);
        return;
    }
    if (!for_each) return;
    x->keyed = true;
    hv f = tf_eval_top(&ts->ev, NULL, for_each);
    if (!hv_is_known(&f) && (f.kind == HV_UNKNOWN || f.kind == HV_SET || f.kind == HV_TUPLE)) {
        x->uncertain = true;
        return;
    }
    if (f.kind == HV_OBJECT) {
        x->n = f.n;
    } else if (f.kind == HV_SET) {
        x->n = f.n;
    } else {
        warn(ts, for_each->pos, "for_each needs a map or a set of strings, not %s",
             hv_kind_name(&f));
        x->uncertain = true;
        return;
    }
    if (x->n > ts->o.max_instances) {
        warn(ts, for_each->pos,
             "for_each has %u elements, more than the limit of %zu instances; instances are left "
             "unknown",
             x->n, ts->o.max_instances);
        x->uncertain = true;
        x->n = 0;
        return;
    }
    x->keys = x->n ? tk_arena_array(&ts->arena, x->n, sizeof(hv)) : NULL;
    x->values = x->n ? tk_arena_array(&ts->arena, x->n, sizeof(hv)) : NULL;
    for (uint32_t i = 0; i < x->n && x->keys && x->values; i++) {
        if (f.kind == HV_OBJECT) {
            x->keys[i] = hv_str_ref(f.u.pairs[i].key, f.u.pairs[i].klen);
            x->values[i] = f.u.pairs[i].val;
        } else {
            hv s;
            if (!hv_to_string(&ts->arena, &f.u.items[i], &s) || s.kind != HV_STRING) {
                warn(ts, for_each->pos, "for_each over a set needs strings");
                x->uncertain = true;
                x->n = 0;
                return;
            }
            x->keys[i] = x->values[i] = s;
        }
    }
}

static hv call_value(tk_tfsrc *ts, inst *mi, uint32_t ci);

static void expand_call(tk_tfsrc *ts, inst *mi, uint32_t ci) {
    call_state *cs = &mi->cs[ci];
    tf_call_decl *call = &((tf_module *)mi->m)->calls[ci];
    cs->state = 1;
    cs->value = hv_unknown();
    if (!call->resolved) {
        call->resolved = true;
        const char *src = call->source;
        if (!src) {
            warn(ts, call->block->pos,
                 "module \"%.*s\": source is not a plain string; its resources are not scanned",
                 (int)call->nlen, call->name);
        } else if (strncmp(src, "./", 2) != 0 && strncmp(src, "../", 3) != 0) {
            warn(ts, call->block->pos,
                 "module \"%.*s\" comes from \"%s\", outside this tree: its resources are not "
                 "scanned and its outputs are unknown",
                 (int)call->nlen, call->name, src);
        } else {
            char dir[1024];
            tk_err err;
            if (!tk_path_join(mi->m->dir, src, dir, sizeof dir)) {
                warn(ts, call->block->pos,
                     "module source \"%s\" leads outside the scanned directory; not scanned", src);
            } else if (!tf_source_module(&ts->src, dir, &call->target, &err)) {
                warn(ts, call->block->pos, "module \"%.*s\": %s", (int)call->nlen, call->name,
                     err.msg);
                call->target = NULL;
            }
        }
    }
    if (!call->target) {
        cs->state = 2;
        return;
    }
    if (mi->depth + 1 > ts->o.max_module_depth) {
        warn(ts, call->block->pos, "modules nested more than %u deep; not scanned further",
             ts->o.max_module_depth);
        cs->state = 2;
        return;
    }
    inst *saved = ts->cur;
    use_inst(ts, mi);
    expansion x;
    expand(ts, call->count, call->for_each, &x);
    use_inst(ts, saved);
    cs->counted = x.counted;
    cs->keyed = x.keyed;
    cs->uncertain = x.uncertain;
    uint32_t n = x.uncertain ? 1 : (x.counted || x.keyed) ? x.n : 1;
    cs->kids = tk_arena_array(&ts->arena, n ? n : 1, sizeof *cs->kids);
    if (!cs->kids) {
        ts->oom = true;
        cs->state = 2;
        return;
    }
    for (uint32_t i = 0; i < n; i++) {
        hv key = x.uncertain ? hv_unknown() : (x.counted || x.keyed) ? x.keys[i] : hv_null();
        hv val = x.keyed && !x.uncertain ? x.values[i] : hv_null();
        if (!(cs->kids[i] = new_inst(ts, call->target, mi, call, key, val))) {
            ts->oom = true;
            break;
        }
        cs->n++;
    }
    cs->state = 2;
}

/* The object of a module instance's outputs. */
static hv outputs_object(tk_tfsrc *ts, inst *kid) {
    uint32_t n = kid->m->n_outputs;
    hv_pair *p = n ? tk_arena_array(&ts->arena, n, sizeof *p) : NULL;
    for (uint32_t i = 0; i < n && p; i++)
        p[i] =
            (hv_pair){kid->m->outputs[i].name, kid->m->outputs[i].nlen, output_value(ts, kid, i)};
    return hv_object(&ts->arena, p, p ? n : 0);
}

static hv call_value(tk_tfsrc *ts, inst *mi, uint32_t ci) {
    call_state *cs = &mi->cs[ci];
    if (cs->state == 1) return hv_unknown();
    if (cs->state == 0) expand_call(ts, mi, ci);
    if (!mi->m->calls[ci].target || cs->uncertain) return hv_unknown();
    if (!cs->counted && !cs->keyed) return cs->n ? outputs_object(ts, cs->kids[0]) : hv_unknown();
    if (cs->counted) {
        hv *items;
        hv t = hv_tuple(&ts->arena, cs->n, &items);
        for (uint32_t i = 0; i < cs->n && items; i++) items[i] = outputs_object(ts, cs->kids[i]);
        return t;
    }
    hv_pair *p = cs->n ? tk_arena_array(&ts->arena, cs->n, sizeof *p) : NULL;
    for (uint32_t i = 0; i < cs->n && p; i++)
        p[i] = (hv_pair){cs->kids[i]->key.u.s, cs->kids[i]->key.n, outputs_object(ts, cs->kids[i])};
    return hv_object(&ts->arena, p, p ? cs->n : 0);
}

/* ---- resources ---- */

static hv eval_body(tk_tfsrc *ts, const hcl_body *b, const tf_scope *sc, bool top);

static bool is_meta_attr(const char *n, uint32_t l) {
    return name_is(n, l, "count") || name_is(n, l, "for_each") || name_is(n, l, "depends_on") ||
           name_is(n, l, "provider");
}
static bool is_meta_block(const char *n, uint32_t l) {
    return name_is(n, l, "lifecycle") || name_is(n, l, "provisioner") ||
           name_is(n, l, "connection");
}

/* Evaluates dynamic "label" { for_each, iterator, content } into block objects. */
static bool eval_dynamic(tk_tfsrc *ts, const hcl_block *d, const tf_scope *sc, hv **out,
                         uint32_t *n, uint32_t *cap, bool *unknown) {
    const hcl_attr *fe = hcl_body_attr(d->body, "for_each");
    const hcl_attr *it = hcl_body_attr(d->body, "iterator");
    const hcl_block *content = NULL;
    for (uint32_t i = 0; i < d->body->n_blocks; i++)
        if (name_is(d->body->blocks[i].type, d->body->blocks[i].tlen, "content"))
            content = &d->body->blocks[i];
    if (!fe || !content || d->n_labels != 1) {
        warn(ts, d->pos, "a dynamic block needs one label, for_each and a content block");
        return true;
    }
    const char *iname = d->labels[0].s;
    uint32_t ilen = d->labels[0].len;
    if (it && it->expr->kind == HX_VAR) {
        iname = it->expr->name;
        ilen = it->expr->nlen;
    }
    hv coll = tf_eval_top(&ts->ev, sc, fe->expr);
    if (!hv_is_known(&coll) && (coll.kind == HV_UNKNOWN || coll.kind == HV_SET)) {
        *unknown = true;
        return true;
    }
    if (coll.kind == HV_NULL) return true;
    if (coll.kind != HV_TUPLE && coll.kind != HV_SET && coll.kind != HV_OBJECT) {
        warn(ts, fe->expr->pos, "dynamic block for_each needs a collection, not %s",
             hv_kind_name(&coll));
        *unknown = true;
        return true;
    }
    for (uint32_t i = 0; i < coll.n; i++) {
        hv key, val;
        if (coll.kind == HV_OBJECT) {
            key = hv_str_ref(coll.u.pairs[i].key, coll.u.pairs[i].klen);
            val = coll.u.pairs[i].val;
        } else {
            key = coll.kind == HV_SET ? coll.u.items[i] : hv_num(i);
            val = coll.u.items[i];
        }
        hv_pair p[2] = {{"key", 3, key}, {"value", 5, val}};
        tf_scope b = {sc, iname, ilen, hv_object(&ts->arena, p, 2)};
        if (*n == *cap) {
            uint32_t c = *cap ? *cap * 2 : 8;
            hv *nv = tk_arena_array(&ts->arena, c, sizeof *nv);
            if (!nv) return false;
            if (*n) memcpy(nv, *out, *n * sizeof *nv);
            *out = nv;
            *cap = c;
        }
        hv obj = eval_body(ts, content->body, &b, false);
        obj.pos = d->pos;
        (*out)[(*n)++] = obj;
    }
    return true;
}

/* The attributes and nested blocks of a body as an object; nested blocks become tuples of
 * objects, in the order they are written. */
static hv eval_body(tk_tfsrc *ts, const hcl_body *b, const tf_scope *sc, bool top) {
    uint32_t cap = b->n_attrs + b->n_blocks + 1;
    hv_pair *p = tk_arena_array(&ts->arena, cap, sizeof *p);
    if (!p) return hv_unknown();
    uint32_t n = 0;
    for (uint32_t i = 0; i < b->n_attrs; i++) {
        const hcl_attr *at = &b->attrs[i];
        if (top && is_meta_attr(at->name, at->nlen)) continue;
        hv v = tf_eval_top(&ts->ev, sc, at->expr);
        v.pos = at->pos;
        p[n++] = (hv_pair){at->name, at->nlen, v};
    }
    /* Blocks, grouped by type (a dynamic block counts as its label's type). */
    for (uint32_t i = 0; i < b->n_blocks; i++) {
        const hcl_block *bi = &b->blocks[i];
        bool dyn = name_is(bi->type, bi->tlen, "dynamic") && bi->n_labels == 1;
        const char *ty = dyn ? bi->labels[0].s : bi->type;
        uint32_t tl = dyn ? bi->labels[0].len : bi->tlen;
        if (top && is_meta_block(ty, tl)) continue;
        bool seen = false;
        for (uint32_t k = 0; k < n && !seen; k++) seen = same(p[k].key, p[k].klen, ty, tl);
        if (seen) continue;
        hv *objs = NULL;
        uint32_t no = 0, co = 0;
        bool unknown = false;
        for (uint32_t j = i; j < b->n_blocks; j++) {
            const hcl_block *bj = &b->blocks[j];
            bool dj = name_is(bj->type, bj->tlen, "dynamic") && bj->n_labels == 1;
            if (!same(dj ? bj->labels[0].s : bj->type, dj ? bj->labels[0].len : bj->tlen, ty, tl))
                continue;
            if (dj) {
                if (!eval_dynamic(ts, bj, sc, &objs, &no, &co, &unknown)) return hv_unknown();
                continue;
            }
            if (no == co) {
                uint32_t c = co ? co * 2 : 4;
                hv *nv = tk_arena_array(&ts->arena, c, sizeof *nv);
                if (!nv) return hv_unknown();
                if (no) memcpy(nv, objs, no * sizeof *nv);
                objs = nv;
                co = c;
            }
            hv o = eval_body(ts, bj->body, sc, false);
            o.pos = bj->pos;
            objs[no++] = o;
        }
        hv list;
        if (unknown) {
            list = hv_unknown();
        } else {
            hv *items;
            list = hv_tuple(&ts->arena, no, &items);
            if (no && items) memcpy(items, objs, no * sizeof *items);
        }
        list.pos = bi->pos;
        p[n++] = (hv_pair){ty, tl, list};
    }
    return hv_object(&ts->arena, p, n);
}

static hv rinst_value(tk_tfsrc *ts, uint32_t ri) {
    rinst *r = &ts->ri[ri];
    if (r->state == 2) return r->value;
    if (r->state == 1) {
        warn(ts, r->decl->block->pos, "%s refers to itself", r->address);
        return hv_unknown_ref(&ts->arena, ri);
    }
    r->state = 1;
    inst *saved = ts->cur;
    use_inst(ts, r->mi);
    tf_scope slot;
    const tf_scope *sc =
        instance_scope(ts, &r->key, &r->each_value, r->decl->for_each != NULL, &slot);
    hv v = eval_body(ts, r->decl->block->body, sc, true);
    use_inst(ts, saved);
    r = &ts->ri[ri]; /* the table may have grown meanwhile */
    if (v.kind == HV_OBJECT) {
        v.flags |= HVF_RESOURCE;
        v.extra = ri;
        if (r->decl->data) tf_data_compute(&ts->arena, r->decl->type, r->decl->tlen, &v);
    } else {
        v = hv_unknown_ref(&ts->arena, ri);
    }
    v.pos = r->decl->block->pos;
    r->value = v;
    r->state = 2;
    return v;
}

static bool add_rinst(tk_tfsrc *ts, inst *mi, const tf_res_decl *d, hv key, hv each_value,
                      bool uncertain) {
    if (ts->n_ri == ts->cap_ri) {
        uint32_t cap = ts->cap_ri ? ts->cap_ri * 2 : 64;
        rinst *n = realloc(ts->ri, cap * sizeof *n);
        if (!n) return false;
        ts->ri = n;
        ts->cap_ri = cap;
    }
    rinst *r = &ts->ri[ts->n_ri];
    memset(r, 0, sizeof *r);
    r->mi = mi;
    r->decl = d;
    r->key = key;
    r->each_value = each_value;
    r->uncertain = uncertain;
    r->index = fmt_key(ts, &key);
    hv a = hv_strf(&ts->arena, "%s%s%s%.*s.%.*s%s", mi->path, *mi->path ? "." : "",
                   d->data ? "data." : "", (int)d->tlen, d->type, (int)d->nlen, d->name, r->index);
    if (a.kind != HV_STRING) return false;
    r->address = a.u.s;
    ts->n_ri++;
    return true;
}

static void expand_resource(tk_tfsrc *ts, inst *mi, uint32_t di) {
    res_state *rs = &mi->rs[di];
    const tf_res_decl *d = &mi->m->res[di];
    rs->state = 1;
    inst *saved = ts->cur;
    use_inst(ts, mi);
    expansion x;
    expand(ts, d->count, d->for_each, &x);
    use_inst(ts, saved);
    rs->counted = x.counted;
    rs->keyed = x.keyed;
    rs->uncertain = x.uncertain;
    rs->first = ts->n_ri;
    if (x.uncertain) {
        if (!add_rinst(ts, mi, d, hv_unknown(), hv_unknown(), true)) ts->oom = true;
    } else if (!x.counted && !x.keyed) {
        if (!add_rinst(ts, mi, d, hv_null(), hv_null(), false)) ts->oom = true;
    } else {
        for (uint32_t i = 0; i < x.n && !ts->oom; i++)
            if (!add_rinst(ts, mi, d, x.keys[i], x.keyed ? x.values[i] : hv_null(), false))
                ts->oom = true;
    }
    rs->n = ts->n_ri - rs->first;
    rs->state = 2;
}

static hv resource_value(tk_tfsrc *ts, inst *mi, uint32_t di) {
    res_state *rs = &mi->rs[di];
    if (rs->state == 1) {
        warn(ts, mi->m->res[di].block->pos,
             "count or for_each of this resource refers to the resource itself");
        return hv_unknown();
    }
    if (rs->state == 0) expand_resource(ts, mi, di);
    rs = &mi->rs[di];
    if (rs->uncertain) return rs->n ? hv_unknown_ref(&ts->arena, rs->first) : hv_unknown();
    if (!rs->counted && !rs->keyed) return rs->n ? rinst_value(ts, rs->first) : hv_unknown();
    uint32_t first = rs->first, n = rs->n;
    if (rs->counted) {
        hv *items;
        hv t = hv_tuple(&ts->arena, n, &items);
        for (uint32_t i = 0; i < n && items; i++) items[i] = rinst_value(ts, first + i);
        return t;
    }
    hv_pair *p = n ? tk_arena_array(&ts->arena, n, sizeof *p) : NULL;
    for (uint32_t i = 0; i < n && p; i++) {
        hv v = rinst_value(ts, first + i);
        const rinst *r = &ts->ri[first + i];
        p[i] = (hv_pair){r->key.u.s, r->key.n, v};
    }
    return hv_object(&ts->arena, p, p ? n : 0);
}

/* ---- references ---- */

static bool step_name(const hcl_expr *const *steps, uint32_t n, uint32_t i, const char **name,
                      uint32_t *len) {
    if (i >= n) return false;
    const hcl_expr *s = steps[i];
    if (s->kind == HX_GETATTR) {
        *name = s->name;
        *len = s->nlen;
        return true;
    }
    /* x["name"] with a literal key */
    if (s->kind == HX_INDEX && s->b->kind == HX_TEMPLATE && s->b->n == 1 &&
        s->b->items[0]->kind == HX_LIT) {
        *name = s->b->items[0]->lit.s;
        *len = s->b->items[0]->lit.len;
        return true;
    }
    return false;
}

static hv via_reference(hv v, uint32_t pos) {
    v.pos = pos;
    v.flags |= HVF_INHERIT_POS;
    return v;
}

static int resolve(void *self, tf_eval *ev, const tf_scope *sc, const hcl_expr *root,
                   const hcl_expr *const *steps, uint32_t nsteps, hv *out) {
    (void)sc;
    tk_tfsrc *ts = self;
    inst *mi = ts->cur;
    const char *n1, *n2;
    uint32_t l1, l2;
    const char *r = root->name;
    uint32_t rl = root->nlen;
    if (!mi) return -1;
    if (name_is(r, rl, "var") || name_is(r, rl, "local") || name_is(r, rl, "module")) {
        if (!step_name(steps, nsteps, 0, &n1, &l1)) {
            tf_eval_fail(ev, root->pos, "%.*s needs a name after it", (int)rl, r);
            return 0;
        }
        if (r[0] == 'v') {
            for (uint32_t i = 0; i < mi->m->n_vars; i++)
                if (same(mi->m->vars[i].name, mi->m->vars[i].nlen, n1, l1)) {
                    *out = via_reference(var_value(ts, mi, i), root->pos);
                    return 1;
                }
            tf_eval_fail(ev, root->pos, "no variable named \"%.*s\" is declared", (int)l1, n1);
        } else if (r[0] == 'l') {
            for (uint32_t i = 0; i < mi->m->n_locals; i++)
                if (same(mi->m->locals[i].name, mi->m->locals[i].nlen, n1, l1)) {
                    *out = via_reference(local_value(ts, mi, i), root->pos);
                    return 1;
                }
            tf_eval_fail(ev, root->pos, "no local value named \"%.*s\"", (int)l1, n1);
        } else {
            for (uint32_t i = 0; i < mi->m->n_calls; i++)
                if (same(mi->m->calls[i].name, mi->m->calls[i].nlen, n1, l1)) {
                    *out = via_reference(call_value(ts, mi, i), root->pos);
                    return 1;
                }
            tf_eval_fail(ev, root->pos, "no module call named \"%.*s\"", (int)l1, n1);
        }
        return 0;
    }
    if (name_is(r, rl, "path")) {
        if (!step_name(steps, nsteps, 0, &n1, &l1)) return -1;
        if (name_is(n1, l1, "module"))
            *out = hv_str(&ts->arena, *mi->m->dir ? mi->m->dir : ".",
                          *mi->m->dir ? strlen(mi->m->dir) : 1);
        else if (name_is(n1, l1, "root") || name_is(n1, l1, "cwd")) {
            const char *rd = ts->root->m->dir;
            *out = hv_str(&ts->arena, *rd ? rd : ".", *rd ? strlen(rd) : 1);
        } else {
            tf_eval_fail(ev, root->pos, "path.%.*s is not defined", (int)l1, n1);
            return 0;
        }
        out->pos = root->pos;
        return 1;
    }
    if (name_is(r, rl, "terraform")) {
        if (!step_name(steps, nsteps, 0, &n1, &l1) || !name_is(n1, l1, "workspace")) {
            *out = hv_unknown();
            return step_name(steps, nsteps, 0, &n1, &l1) ? 1 : 0;
        }
        *out = hv_at(hv_str_ref("default", 7), root->pos);
        return 1;
    }
    if (name_is(r, rl, "self")) {
        *out = hv_unknown();
        return 0;
    }
    if (name_is(r, rl, "count") || name_is(r, rl, "each")) {
        tf_eval_fail(ev, root->pos, "%.*s is only available in a block that sets %s", (int)rl, r,
                     r[0] == 'c' ? "count" : "for_each");
        return 0;
    }
    bool data = name_is(r, rl, "data");
    uint32_t at = 0;
    const char *type = r;
    uint32_t tl = rl;
    if (data) {
        if (!step_name(steps, nsteps, 0, &n2, &l2)) {
            tf_eval_fail(ev, root->pos, "data needs a type and a name after it");
            return 0;
        }
        type = n2;
        tl = l2;
        at = 1;
    }
    if (!step_name(steps, nsteps, at, &n1, &l1)) {
        tf_eval_fail(ev, root->pos, "a reference to %.*s needs a resource name after it", (int)tl,
                     type);
        return 0;
    }
    for (uint32_t i = 0; i < mi->m->n_res; i++) {
        const tf_res_decl *d = &mi->m->res[i];
        if (d->data == data && same(d->type, d->tlen, type, tl) && same(d->name, d->nlen, n1, l1)) {
            *out = via_reference(resource_value(ts, mi, i), root->pos);
            return (int)at + 1;
        }
    }
    if (data) {
        tf_eval_fail(ev, root->pos, "no data source \"%.*s\" \"%.*s\" is declared", (int)tl, type,
                     (int)l1, n1);
        return 0;
    }
    return -1;
}

/* An attribute a resource's configuration does not set: the provider's default when the
 * facts know it, else known only after apply. */
static hv missing_attr(void *self, tf_eval *ev, const hv *res, const char *name, size_t len) {
    (void)ev;
    tk_tfsrc *ts = self;
    uint32_t ri = res->extra;
    hv u = hv_unknown_ref(&ts->arena, ri);
    if (ri >= ts->n_ri || ts->ri[ri].decl->data) return u;
    tk_fact_block fb;
    const rinst *r = &ts->ri[ri];
    if (!tk_facts_resource(ts->o.facts, r->decl->type, r->decl->tlen, &fb)) return u;
    const tk_node *a = tk_facts_attr(&fb, name, len);
    const tk_node *om = a ? tk_doc_get(fb.doc, a, "omitted") : NULL;
    tk_fact_block bb;
    if (!a && tk_facts_block(&fb, name, len, &bb)) {
        om = tk_doc_get(bb.doc, bb.node, "omitted");
        if (!om) {
            hv *items;
            return hv_tuple(&ts->arena, 0, &items); /* an omitted block: none */
        }
    }
    if (!om) return a ? hv_null() : u;
    if (tk_node_kind(om) == TK_STRING && tk_doc_str_eq(fb.doc, om, "unknown")) return u;
    switch (tk_node_kind(om)) {
    case TK_BOOL: return hv_bool(tk_node_bool(om));
    case TK_NUMBER: {
        double d = 0;
        tk_doc_number(fb.doc, om, &d);
        return hv_num(d);
    }
    case TK_STRING: {
        tk_str s = tk_doc_str(fb.doc, om);
        return hv_str(&ts->arena, s.p, s.len);
    }
    default: return u; /* structured defaults: not needed through references */
    }
}

/* ---- materialization ---- */

typedef struct writer {
    hv_writer hw;
    tk_tfsrc *ts;
    const char *type; /* of the resource being written */
    char path[256];   /* dotted path of the block being written ("" at the top) */
    bool failed;
} writer;

/* Values the provider rewrites when it plans, so that tenken shows what the plan shows:
 * security group protocols are kept as names ("6" becomes "tcp", "all" becomes "-1"). */
static const struct {
    const char *type, *path;
} PROTOCOL_NAMES[] = {
    {"aws_security_group_rule", "protocol"},
    {"aws_security_group", "ingress.protocol"},
    {"aws_security_group", "egress.protocol"},
    {"aws_default_security_group", "ingress.protocol"},
    {"aws_default_security_group", "egress.protocol"},
};

static hv normalize(writer *w, const char *key, size_t klen, const hv *v) {
    if (v->kind != HV_STRING || !w->type) return *v;
    char path[300];
    snprintf(path, sizeof path, "%s%s%.*s", w->path, *w->path ? "." : "",
             (int)(klen > 100 ? 100 : klen), key);
    bool protocol = false;
    for (size_t i = 0; i < sizeof PROTOCOL_NAMES / sizeof *PROTOCOL_NAMES && !protocol; i++)
        protocol =
            !strcmp(PROTOCOL_NAMES[i].type, w->type) && !strcmp(PROTOCOL_NAMES[i].path, path);
    if (!protocol) return *v;
    static const char *const names[][2] = {
        {"all", "-1"}, {"1", "icmp"}, {"6", "tcp"}, {"17", "udp"}, {"58", "icmpv6"}};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (v->n == strlen(names[i][0]) && !strncasecmp(v->u.s, names[i][0], v->n)) {
            hv r = hv_str_ref(names[i][1], strlen(names[i][1]));
            r.pos = v->pos;
            r.flags = v->flags;
            return r;
        }
    return *v;
}

/* The element type of a facts type: ["list", T] -> T. */
static const tk_node *elem_type(const tk_node *type) {
    if (!type || tk_node_kind(type) != TK_ARRAY || tk_node_count(type) != 2) return NULL;
    return tk_doc_at(type, 1);
}

static bool type_is(const tk_doc *fd, const tk_node *type, const char *name) {
    if (!type) return false;
    if (tk_node_kind(type) == TK_STRING) return tk_doc_str_eq(fd, type, name);
    if (tk_node_kind(type) == TK_ARRAY) {
        const tk_node *k = tk_doc_at(type, 0);
        return k && tk_node_kind(k) == TK_STRING && tk_doc_str_eq(fd, k, name);
    }
    return false;
}

static void write_value(writer *w, const hv *v, const char *key, size_t klen, uint32_t ppos,
                        bool inherit, const tk_doc *fd, const tk_node *type);

static void write_value(writer *w, const hv *v, const char *key, size_t klen, uint32_t ppos,
                        bool inherit, const tk_doc *fd, const tk_node *type) {
    if (w->hw.failed) return;
    uint32_t pos = inherit || v->pos == HV_NOPOS ? ppos : v->pos;
    bool inh = inherit || (v->flags & HVF_INHERIT_POS);
    /* Convert primitives to the schema's type, as Terraform does when it plans. */
    hv c = *v;
    if (type && tk_node_kind(type) == TK_STRING) {
        hv t;
        if (tk_doc_str_eq(fd, type, "string") && (v->kind == HV_NUMBER || v->kind == HV_BOOL) &&
            hv_to_string(&w->ts->arena, v, &t))
            c = t;
        else if (tk_doc_str_eq(fd, type, "number") && v->kind == HV_STRING && hv_to_number(v, &t))
            c = t;
        else if (tk_doc_str_eq(fd, type, "bool") && v->kind == HV_STRING && hv_to_bool(v, &t))
            c = t;
    }
    /* A list, set or map of primitives with anything unknown inside is unknown as a whole
     * (its length is not known either), which is how the provider plans it. */
    if ((type_is(fd, type, "list") || type_is(fd, type, "set") || type_is(fd, type, "map")) &&
        elem_type(type) && tk_node_kind(elem_type(type)) == TK_STRING && !hv_is_known(&c)) {
        hvw_push(&w->hw, TK_UNKNOWN, pos, key, klen);
        return;
    }
    switch (c.kind) {
    case HV_NULL: hvw_push(&w->hw, TK_NULL, pos, key, klen); break;
    case HV_BOOL: {
        uint32_t i = hvw_push(&w->hw, TK_BOOL, pos, key, klen);
        if (i != UINT32_MAX && c.u.b) w->hw.d->nodes[i].tag |= TK_NODE_TRUE;
        break;
    }
    case HV_NUMBER: hvw_number(&w->hw, c.u.num, pos, key, klen); break;
    case HV_STRING: hvw_text(&w->hw, TK_STRING, pos, key, klen, c.u.s, c.n); break;
    case HV_UNKNOWN: hvw_push(&w->hw, TK_UNKNOWN, pos, key, klen); break;
    case HV_TUPLE:
    case HV_SET: {
        uint32_t i = hvw_push(&w->hw, TK_ARRAY, pos, key, klen);
        const tk_node *et =
            type_is(fd, type, "list") || type_is(fd, type, "set") ? elem_type(type) : NULL;
        for (uint32_t k = 0; k < c.n; k++) write_value(w, &c.u.items[k], NULL, 0, pos, inh, fd, et);
        hvw_close(&w->hw, i);
        break;
    }
    case HV_OBJECT: {
        uint32_t i = hvw_push(&w->hw, TK_OBJECT, pos, key, klen);
        const tk_node *et = type_is(fd, type, "map") ? elem_type(type) : NULL;
        const tk_node *ot = type_is(fd, type, "object") ? elem_type(type) : NULL;
        for (uint32_t k = 0; k < c.n; k++) {
            const hv_pair *p = &c.u.pairs[k];
            const tk_node *mt = et;
            if (ot && tk_node_kind(ot) == TK_OBJECT) mt = tk_doc_getn(fd, ot, p->key, p->klen);
            write_value(w, &p->val, p->key, p->klen, pos, inh, fd, mt);
        }
        hvw_close(&w->hw, i);
        break;
    }
    }
}

/* A JSON value from the facts (a default) copied into the document. */
static void write_fact_value(writer *w, const tk_doc *fd, const tk_node *n, const char *key,
                             size_t klen, uint32_t pos) {
    switch (tk_node_kind(n)) {
    case TK_NULL: hvw_push(&w->hw, TK_NULL, pos, key, klen); break;
    case TK_BOOL: {
        uint32_t i = hvw_push(&w->hw, TK_BOOL, pos, key, klen);
        if (i != UINT32_MAX && tk_node_bool(n)) w->hw.d->nodes[i].tag |= TK_NODE_TRUE;
        break;
    }
    case TK_NUMBER: {
        tk_str s = tk_doc_str(fd, n);
        hvw_text(&w->hw, TK_NUMBER, pos, key, klen, s.p, s.len);
        break;
    }
    case TK_STRING: {
        tk_str s = tk_doc_str(fd, n);
        hvw_text(&w->hw, TK_STRING, pos, key, klen, s.p, s.len);
        break;
    }
    case TK_ARRAY:
    case TK_OBJECT: {
        uint32_t i = hvw_push(&w->hw, tk_node_kind(n), pos, key, klen);
        for (TK_EACH_CHILD(c, n)) {
            tk_str k = tk_doc_key(fd, c);
            write_fact_value(w, fd, c, tk_node_kind(n) == TK_OBJECT ? k.p : NULL, k.len, pos);
        }
        hvw_close(&w->hw, i);
        break;
    }
    default: hvw_push(&w->hw, TK_UNKNOWN, pos, key, klen); break;
    }
}

static void write_block_object(writer *w, const hv *obj, const char *key, size_t klen, uint32_t pos,
                               const tk_fact_block *fb);

/* What an omitted attribute or block becomes: its default, unknown, or nothing. */
static void write_omitted(writer *w, const tk_doc *fd, const tk_node *fact, const char *name,
                          size_t len, uint32_t pos, bool is_block) {
    const tk_node *om = tk_doc_get(fd, fact, "omitted");
    if (!om) {
        /* An omitted block is an empty list; an omitted attribute is null (left out). */
        if (is_block) {
            const tk_node *nest = tk_doc_get(fd, fact, "nesting");
            bool single =
                nest && (tk_doc_str_eq(fd, nest, "single") || tk_doc_str_eq(fd, nest, "group"));
            uint32_t i = hvw_push(&w->hw, single ? TK_NULL : TK_ARRAY, pos, name, len);
            if (!single) hvw_close(&w->hw, i);
        }
        return;
    }
    if (tk_node_kind(om) == TK_STRING && tk_doc_str_eq(fd, om, "unknown")) {
        hvw_push(&w->hw, TK_UNKNOWN, pos, name, len);
        return;
    }
    write_fact_value(w, fd, om, name, len, pos);
}

/* An attribute holding objects (blocks written as an attribute): its objects' members
 * normalized with the attribute's name in the path. */
static hv normalize_elements(writer *w, const char *key, size_t klen, const hv *list) {
    hv out = *list;
    size_t saved = strlen(w->path);
    snprintf(w->path + saved, sizeof w->path - saved, "%s%.*s", saved ? "." : "",
             (int)(klen > 80 ? 80 : klen), key);
    for (uint32_t i = 0; i < list->n; i++) {
        const hv *o = &list->u.items[i];
        if (o->kind != HV_OBJECT) continue;
        for (uint32_t k = 0; k < o->n; k++) {
            hv nv = normalize(w, o->u.pairs[k].key, o->u.pairs[k].klen, &o->u.pairs[k].val);
            if (nv.u.s == o->u.pairs[k].val.u.s) continue;
            /* Copy on write: the evaluated value may be shared through references. */
            if (out.u.items == list->u.items) {
                hv *items;
                out = hv_tuple(&w->ts->arena, list->n, &items);
                if (!items) break;
                memcpy(items, list->u.items, list->n * sizeof *items);
                out.pos = list->pos;
                out.flags = list->flags;
            }
            hv_pair *pairs = tk_arena_array(&w->ts->arena, o->n, sizeof *pairs);
            if (!pairs) break;
            memcpy(pairs, o->u.pairs, o->n * sizeof *pairs);
            pairs[k].val = nv;
            out.u.items[i].u.pairs = pairs;
            o = &out.u.items[i];
        }
    }
    w->path[saved] = 0;
    return out;
}

/* A nested block's object, with the writer's path extended by its name while it is written. */
static void write_nested(writer *w, const hv *obj, const char *key, size_t klen, const char *name,
                         size_t nlen, uint32_t pos, const tk_fact_block *fb) {
    size_t saved = strlen(w->path);
    snprintf(w->path + saved, sizeof w->path - saved, "%s%.*s", saved ? "." : "",
             (int)(nlen > 80 ? 80 : nlen), name);
    write_block_object(w, obj, key, klen, pos, fb);
    w->path[saved] = 0;
}

/* A block's object: its attributes (typed by the facts), its nested blocks, and what the
 * facts say of everything it leaves out. */
static void write_block_object(writer *w, const hv *obj, const char *key, size_t klen, uint32_t pos,
                               const tk_fact_block *fb) {
    uint32_t bpos = obj->pos == HV_NOPOS ? pos : obj->pos;
    uint32_t i = hvw_push(&w->hw, TK_OBJECT, bpos, key, klen);
    for (uint32_t k = 0; k < obj->n && !w->hw.failed; k++) {
        const hv_pair *p = &obj->u.pairs[k];
        tk_fact_block nb;
        if (fb && tk_facts_block(fb, p->key, p->klen, &nb)) {
            const tk_node *nest = tk_doc_get(nb.doc, nb.node, "nesting");
            bool single = nest && (tk_doc_str_eq(nb.doc, nest, "single") ||
                                   tk_doc_str_eq(nb.doc, nest, "group"));
            const hv *v = &p->val;
            uint32_t vpos = v->pos == HV_NOPOS ? bpos : v->pos;
            if (v->kind == HV_TUPLE && single) {
                if (v->n)
                    write_nested(w, &v->u.items[0], p->key, p->klen, p->key, p->klen, vpos, &nb);
                else
                    hvw_push(&w->hw, TK_NULL, vpos, p->key, p->klen);
            } else if (v->kind == HV_TUPLE) {
                uint32_t a = hvw_push(&w->hw, TK_ARRAY, vpos, p->key, p->klen);
                for (uint32_t j = 0; j < v->n; j++)
                    if (v->u.items[j].kind == HV_OBJECT)
                        write_nested(w, &v->u.items[j], NULL, 0, p->key, p->klen, vpos, &nb);
                    else
                        write_value(w, &v->u.items[j], NULL, 0, vpos, false, nb.doc, NULL);
                hvw_close(&w->hw, a);
            } else {
                write_value(w, v, p->key, p->klen, bpos, false, nb.doc, NULL);
            }
            continue;
        }
        const tk_node *fa = fb ? tk_facts_attr(fb, p->key, p->klen) : NULL;
        const tk_node *type = fa ? tk_doc_get(fb->doc, fa, "type") : NULL;
        if (!fa && p->val.kind == HV_TUPLE) {
            /* A block the facts do not know: write its objects with what is known. */
            uint32_t a = hvw_push(&w->hw, TK_ARRAY, p->val.pos == HV_NOPOS ? bpos : p->val.pos,
                                  p->key, p->klen);
            for (uint32_t j = 0; j < p->val.n; j++) {
                const hv *e = &p->val.u.items[j];
                if (e->kind == HV_OBJECT && !(e->flags & HVF_INHERIT_POS))
                    write_block_object(w, e, NULL, 0, bpos, NULL);
                else
                    write_value(w, e, NULL, 0, bpos, false, NULL, NULL);
            }
            hvw_close(&w->hw, a);
            continue;
        }
        hv nv = normalize(w, p->key, p->klen, &p->val);
        if (nv.kind == HV_TUPLE) nv = normalize_elements(w, p->key, p->klen, &nv);
        write_value(w, &nv, p->key, p->klen, bpos, false, fb ? fb->doc : NULL, type);
    }
    if (fb) {
        /* What the configuration leaves out. */
        const tk_node *attrs = tk_doc_get(fb->doc, fb->node, "attributes");
        const tk_node *blocks = tk_doc_get(fb->doc, fb->node, "blocks");
        for (int pass = 0; pass < 2; pass++) {
            const tk_node *set = pass ? blocks : attrs;
            if (!set || tk_node_kind(set) != TK_OBJECT) continue;
            for (TK_EACH_CHILD(f, set)) {
                tk_str name = tk_doc_key(fb->doc, f);
                if (hv_get(obj, name.p, name.len)) continue;
                write_omitted(w, fb->doc, f, name.p, name.len, bpos, pass == 1);
            }
        }
    }
    hvw_close(&w->hw, i);
}

/* ---- host callbacks for the rules ---- */

static const rinst *rinst_of(const tk_tfsrc *ts, const tk_resource *res) {
    size_t i = (size_t)(res - ts->t->items);
    if (i >= ts->t->n) return NULL;
    return &ts->ri[ts->rt_of[i]];
}

static void collect_ref_ids(const hv *v, uint32_t *out, size_t *n, size_t cap) {
    if (v->kind == HV_UNKNOWN) {
        for (uint32_t i = 0; i < v->n && *n < cap; i++) {
            size_t k = 0;
            while (k < *n && out[k] != v->u.refs[i]) k++;
            if (k == *n) out[(*n)++] = v->u.refs[i];
        }
    } else if (v->kind == HV_TUPLE || v->kind == HV_SET) {
        for (uint32_t i = 0; i < v->n; i++) collect_ref_ids(&v->u.items[i], out, n, cap);
    } else if (v->kind == HV_OBJECT) {
        if ((v->flags & HVF_RESOURCE) && *n < cap) {
            size_t k = 0;
            while (k < *n && out[k] != v->extra) k++;
            if (k == *n) out[(*n)++] = v->extra;
            return;
        }
        for (uint32_t i = 0; i < v->n; i++) collect_ref_ids(&v->u.pairs[i].val, out, n, cap);
    }
}

static bool src_targets(void *self, const tk_resource *res, const char *attr, tk_ref_target *out,
                        size_t cap, size_t *n, bool *resolved) {
    tk_tfsrc *ts = self;
    *n = 0;
    *resolved = true;
    const rinst *r = rinst_of(ts, res);
    if (!r || r->value.kind != HV_OBJECT) return true;
    const hv *v = hv_get(&r->value, attr, strlen(attr));
    if (!v) return true;
    uint32_t ids[32];
    size_t k = 0;
    collect_ref_ids(v, ids, &k, 32);
    for (size_t i = 0; i < k && *n < cap; i++) {
        if (ids[i] >= ts->n_ri) continue;
        const rinst *t = &ts->ri[ids[i]];
        const char *base = t->address + strlen(t->mi->path) + (*t->mi->path ? 1 : 0);
        size_t blen = strlen(base) - strlen(t->index);
        out[(*n)++] = (tk_ref_target){{t->mi->path, strlen(t->mi->path)},
                                      {base, blen},
                                      {t->index, strlen(t->index)},
                                      t->uncertain ? TK_IDX_ANY : TK_IDX_EXACT};
    }
    return true;
}

static tk_tri src_configured(void *self, const tk_resource *res, const char *path) {
    tk_tfsrc *ts = self;
    const rinst *r = rinst_of(ts, res);
    if (!r) return TK_UNKNOWN_TRI;
    const hcl_body *b = r->decl->block->body;
    while (b && *path) {
        const char *dot = strchr(path, '.');
        size_t l = dot ? (size_t)(dot - path) : strlen(path);
        const hcl_body *next = NULL;
        bool found = false;
        for (uint32_t i = 0; i < b->n_attrs && !found; i++)
            found = same(b->attrs[i].name, b->attrs[i].nlen, path, (uint32_t)l);
        for (uint32_t i = 0; i < b->n_blocks && !found; i++) {
            const hcl_block *bl = &b->blocks[i];
            if (same(bl->type, bl->tlen, path, (uint32_t)l)) {
                found = true;
                next = bl->body;
            } else if (name_is(bl->type, bl->tlen, "dynamic") && bl->n_labels == 1 &&
                       same(bl->labels[0].s, bl->labels[0].len, path, (uint32_t)l)) {
                found = true;
                for (uint32_t j = 0; j < bl->body->n_blocks; j++)
                    if (name_is(bl->body->blocks[j].type, bl->body->blocks[j].tlen, "content"))
                        next = bl->body->blocks[j].body;
            }
        }
        if (!found) return TK_FALSE;
        path += l;
        if (*path == '.') {
            path++;
            if (!next) return TK_TRUE; /* an attribute holding an object: its members are set */
        }
        b = next;
    }
    return TK_TRUE;
}

/* ---- inline suppressions ---- */

/* The block or attribute of module m starting exactly at offset at: its range. */
static bool find_target_in(const hcl_body *b, uint32_t at, uint32_t *start, uint32_t *end) {
    for (uint32_t i = 0; b && i < b->n_attrs; i++)
        if (b->attrs[i].pos == at) {
            *start = at;
            *end = b->attrs[i].expr->end;
            return true;
        }
    for (uint32_t i = 0; b && i < b->n_blocks; i++) {
        const hcl_block *bl = &b->blocks[i];
        if (bl->pos == at) {
            *start = at;
            *end = bl->end;
            return true;
        }
        if (at > bl->pos && at < bl->end && find_target_in(bl->body, at, start, end)) return true;
    }
    return false;
}

static bool find_target(const tf_module *m, uint32_t at, uint32_t *start, uint32_t *end) {
    for (uint32_t i = 0; i < m->n_res; i++) {
        const hcl_block *b = m->res[i].block;
        if (b->pos == at) {
            *start = at;
            *end = b->end;
            return true;
        }
        if (at > b->pos && at < b->end) return find_target_in(b->body, at, start, end);
    }
    for (uint32_t i = 0; i < m->n_calls; i++)
        if (m->calls[i].block->pos == at) {
            *start = at;
            *end = m->calls[i].block->end;
            return true;
        }
    return false;
}

/* The first character of the next line after pos that is not only a comment. */
static uint32_t next_code_line(const tk_doc *d, uint32_t pos) {
    const char *t = d->text.data;
    size_t n = d->text.len, p = pos;
    for (;;) {
        while (p < n && t[p] != '\n') p++;
        if (p >= n) return UINT32_MAX;
        p++;
        size_t q = p;
        while (q < n && (t[q] == ' ' || t[q] == '\t')) q++;
        if (q < n && (t[q] == '#' || (t[q] == '/' && q + 1 < n && t[q + 1] == '/'))) {
            p = q;
            continue;
        }
        if (q >= n || t[q] == '\n' || t[q] == '\r') return UINT32_MAX; /* a blank line ends it */
        return (uint32_t)q;
    }
}

/* A "# tenken:ignore:RULE reason exp:DATE" comment covers the block or attribute that
 * starts on the next line of code. */
static void add_suppression(tk_tfsrc *ts, const hcl_comment *c, const tf_module *m) {
    static const char mark[] = "tenken:ignore:";
    const char *t = c->text, *end = c->text + c->len;
    const char *at = NULL;
    for (const char *p = t; p + sizeof mark - 1 <= end && !at; p++)
        if (!memcmp(p, mark, sizeof mark - 1)) at = p;
    if (!at) {
        warn(ts, c->pos,
             "unrecognised tenken comment (the form is # tenken:ignore:RULE-ID reason "
             "[exp:YYYY-MM-DD])");
        return;
    }
    const char *ids = at + sizeof mark - 1, *p = ids;
    while (p < end && *p != ' ' && *p != '\t') p++;
    uint32_t target = next_code_line(ts->doc, c->pos), start = 0, tend = 0;
    if (target == UINT32_MAX || !find_target(m, target, &start, &tend)) {
        warn(ts, c->pos,
             "a tenken:ignore comment must be on the line just above a block or an attribute");
        return;
    }
    tk_buf reason;
    tk_buf_init(&reason);
    const char *exp;
    size_t exp_len;
    tk_sups_split_reason(p, (size_t)(end - p), &reason, &exp, &exp_len);
    if (!reason.oom)
        tk_sups_add(&ts->sups, ids, (size_t)(p - ids), reason.data, reason.len, exp, exp_len,
                    c->pos, start, tend);
    tk_buf_free(&reason);
}

static void build_suppressions(tk_tfsrc *ts) {
    tk_sups_init(&ts->sups, &ts->warnings, ts->o.today, ts->o.rule_exists, ts->o.rule_exists_self);
    ts->sups.open = ts->o.open_suppressions;
    for (uint32_t i = 0; i < ts->src.n_mods; i++) {
        const tf_module *m = ts->src.mods[i];
        for (uint32_t k = 0; k < m->n_comments; k++) add_suppression(ts, &m->comments[k], m);
    }
}

static const tk_suppression *src_suppressed(void *self, const tk_resource *res, const char *rule_id,
                                            uint32_t at) {
    tk_tfsrc *ts = self;
    return tk_sups_find(&ts->sups, res, rule_id, at);
}

/* ---- inputs of the root module ---- */

typedef struct input_list {
    hv_pair *p;
    uint32_t n, cap;
} input_list;

static void set_input(tk_tfsrc *ts, input_list *in, const char *name, size_t len, hv v) {
    for (uint32_t i = 0; i < in->n; i++)
        if (same(in->p[i].key, in->p[i].klen, name, (uint32_t)len)) {
            in->p[i].val = v;
            return;
        }
    if (in->n == in->cap) {
        uint32_t cap = in->cap ? in->cap * 2 : 16;
        hv_pair *np = tk_arena_array(&ts->arena, cap, sizeof *np);
        if (!np) return;
        if (in->n) memcpy(np, in->p, in->n * sizeof *np);
        in->p = np;
        in->cap = cap;
    }
    in->p[in->n++] = (hv_pair){hv_key(&ts->arena, name, len), (uint32_t)len, v};
}

static const tf_decl *root_var(tk_tfsrc *ts, const char *name, size_t len) {
    for (uint32_t i = 0; i < ts->root->m->n_vars; i++)
        if (same(ts->root->m->vars[i].name, ts->root->m->vars[i].nlen, name, (uint32_t)len))
            return &ts->root->m->vars[i];
    return NULL;
}

static bool read_var_file(tk_tfsrc *ts, input_list *in, const char *path, const char *text,
                          size_t len, tk_err *err) {
    hcl_body *b;
    if (!tf_source_tfvars(&ts->src, path, text, len, &b, err)) return false;
    for (uint32_t i = 0; i < b->n_attrs; i++) {
        const hcl_attr *a = &b->attrs[i];
        if (!root_var(ts, a->name, a->nlen)) {
            warn(ts, a->pos, "a value for undeclared variable \"%.*s\"", (int)a->nlen, a->name);
            continue;
        }
        use_inst(ts, ts->root);
        hv v = tf_eval_top(&ts->ev, NULL, a->expr);
        set_input(ts, in, a->name, a->nlen, v);
    }
    return true;
}

typedef struct auto_files {
    char **v;
    uint32_t n, cap;
} auto_files;

static void add_auto(void *ctx, const char *name, bool is_dir) {
    auto_files *l = ctx;
    size_t n = strlen(name);
    bool ok =
        !is_dir && (!strcmp(name, "terraform.tfvars") || !strcmp(name, "terraform.tfvars.json") ||
                    (n > 12 && !strcmp(name + n - 12, ".auto.tfvars")) ||
                    (n > 17 && !strcmp(name + n - 17, ".auto.tfvars.json")));
    if (!ok || l->n == l->cap) {
        if (!ok) return;
        uint32_t cap = l->cap ? l->cap * 2 : 8;
        char **nv = realloc(l->v, cap * sizeof *nv);
        if (!nv) return;
        l->v = nv;
        l->cap = cap;
    }
    char *c = malloc(n + 1);
    if (!c) return;
    memcpy(c, name, n + 1);
    l->v[l->n++] = c;
}

/* Terraform's order: terraform.tfvars, terraform.tfvars.json, then *.auto.tfvars(.json)
 * by name. */
static int auto_rank(const char *s) {
    return !strcmp(s, "terraform.tfvars") ? 0 : !strcmp(s, "terraform.tfvars.json") ? 1 : 2;
}
static int cmp_auto(const void *a, const void *b) {
    const char *x = *(char *const *)a, *y = *(char *const *)b;
    int rx = auto_rank(x), ry = auto_rank(y);
    return rx != ry ? rx - ry : strcmp(x, y);
}

static bool gather_inputs(tk_tfsrc *ts, tk_err *err) {
    input_list in = {0};
    /* Lowest precedence first: the environment, variables files, then the command line. */
    for (size_t i = 0; i < ts->o.n_env; i++) {
        const char *e = ts->o.env[i];
        if (strncmp(e, "TF_VAR_", 7) != 0) continue;
        const char *eq = strchr(e, '=');
        if (!eq) continue;
        const tf_decl *d = root_var(ts, e + 7, (size_t)(eq - e - 7));
        if (!d) continue;
        char label[128];
        snprintf(label, sizeof label, "environment TF_VAR_%.*s", (int)d->nlen, d->name);
        use_inst(ts, ts->root);
        set_input(ts, &in, d->name, d->nlen, raw_input(ts, d, label, eq + 1, strlen(eq + 1)));
    }
    if (!ts->o.single_file) {
        auto_files af = {0};
        char msg[200];
        if (ts->o.fs->list(ts->o.fs->self, ts->root->m->dir, add_auto, &af, msg, sizeof msg)) {
            if (af.n) qsort(af.v, af.n, sizeof *af.v, cmp_auto);
            bool ok = true;
            for (uint32_t i = 0; i < af.n; i++) {
                char path[1024];
                if (ok && tk_path_join(ts->root->m->dir, af.v[i], path, sizeof path))
                    ok = read_var_file(ts, &in, path, NULL, 0, err);
                free(af.v[i]);
            }
            free(af.v);
            if (!ok) return false;
        }
    }
    for (size_t i = 0; i < ts->o.n_var_files; i++) {
        const tk_source_text *vf = &ts->o.var_files[i];
        if (!read_var_file(ts, &in, vf->name, vf->text, vf->len, err)) return false;
    }
    for (size_t i = 0; i < ts->o.n_vars; i++) {
        const char *v = ts->o.vars[i], *eq = strchr(v, '=');
        if (!eq) continue;
        const tf_decl *d = root_var(ts, v, (size_t)(eq - v));
        if (!d) {
            warn(ts, 0, "--var: no variable named \"%.*s\" is declared", (int)(eq - v), v);
            continue;
        }
        char label[128];
        snprintf(label, sizeof label, "--var %.*s", (int)d->nlen, d->name);
        use_inst(ts, ts->root);
        set_input(ts, &in, d->name, d->nlen, raw_input(ts, d, label, eq + 1, strlen(eq + 1)));
    }
    ts->root_inputs = hv_object(&ts->arena, in.p, in.n);
    return true;
}

/* ---- the whole configuration ---- */

static void evaluate_instance(tk_tfsrc *ts, inst *mi) {
    for (uint32_t i = 0; i < mi->m->n_res; i++) {
        if (mi->rs[i].state == 0) expand_resource(ts, mi, i);
        for (uint32_t k = 0; k < mi->rs[i].n; k++) rinst_value(ts, mi->rs[i].first + k);
    }
    for (uint32_t i = 0; i < mi->m->n_calls; i++) {
        if (mi->cs[i].state == 0) expand_call(ts, mi, i);
        for (uint32_t k = 0; k < mi->cs[i].n; k++) evaluate_instance(ts, mi->cs[i].kids[k]);
    }
}

static bool is_block_fact(void *self, const char *type, size_t tlen, const char *path) {
    tk_tfsrc *ts = self;
    tk_fact_block fb;
    if (!tk_facts_resource(ts->o.facts, type, tlen, &fb)) return false;
    while (*path) {
        const char *dot = strchr(path, '.');
        size_t l = dot ? (size_t)(dot - path) : strlen(path);
        tk_fact_block nb;
        if (!tk_facts_block(&fb, path, l, &nb)) return false;
        fb = nb;
        path += l;
        if (*path == '.') path++;
    }
    return true;
}

static bool materialize(tk_tfsrc *ts, tk_err *err) {
    writer w = {.hw = {ts->doc, false}, .ts = ts};
    uint32_t *nodes = malloc((ts->n_ri ? ts->n_ri : 1) * sizeof *nodes);
    ts->rt_of = malloc((ts->n_ri ? ts->n_ri : 1) * sizeof *ts->rt_of);
    if (!nodes || !ts->rt_of) {
        free(nodes);
        return oom_err(err);
    }
    uint32_t added = 0;
    for (uint32_t i = 0; i < ts->n_ri && !w.hw.failed; i++) {
        rinst *r = &ts->ri[i];
        tk_fact_block fb;
        bool facts =
            !r->decl->data && tk_facts_resource(ts->o.facts, r->decl->type, r->decl->tlen, &fb);
        nodes[i] = (uint32_t)ts->doc->n_nodes;
        w.type = tk_arena_strndup(&ts->arena, r->decl->type, r->decl->tlen);
        w.path[0] = 0;
        if (r->value.kind == HV_OBJECT)
            write_block_object(&w, &r->value, NULL, 0, r->decl->block->pos, facts ? &fb : NULL);
        else
            hvw_push(&w.hw, TK_UNKNOWN, r->decl->block->pos, NULL, 0);
    }
    if (w.hw.failed) {
        free(nodes);
        tk_err_set(err, 0, "out of memory (or more than 134 million values)");
        return false;
    }
    for (uint32_t i = 0; i < ts->n_ri; i++) {
        rinst *r = &ts->ri[i];
        tk_resource res = {0};
        res.type = (tk_str){r->decl->type, r->decl->tlen};
        res.address = (tk_str){r->address, strlen(r->address)};
        const tk_node *n = &ts->doc->nodes[nodes[i]];
        res.values = tk_node_kind(n) == TK_OBJECT ? n : NULL;
        res.block = n;
        res.data = r->decl->data;
        res.uncertain = r->uncertain;
        res.via = r->mi->via;
        res.n_via = r->mi->n_via;
        if (!tk_tf_address_split(&res)) continue;
        if (!tk_rtable_add(ts->t, &res)) {
            free(nodes);
            return oom_err(err);
        }
        ts->rt_of[added++] = i;
    }
    free(nodes);
    return tk_rtable_finish(ts->t);
}

static bool render_template(void *self, const char *text, size_t len, const hv *vars, hv *out,
                            char *err, size_t errcap) {
    return tf_eval_render(self, text, len, vars, out, err, errcap);
}

tk_tfsrc *tk_tfsrc_load(tk_doc *doc, tk_rtable *t, const tk_tfsrc_opts *o, tk_err *err) {
    tk_tfsrc *ts = calloc(1, sizeof *ts);
    if (!ts) {
        tk_err_set(err, 0, "out of memory");
        return NULL;
    }
    tk_arena_init(&ts->arena);
    tk_warnlist_init(&ts->warnings, o->warn, o->warn_self);
    ts->o = *o;
    if (!ts->o.max_instances) ts->o.max_instances = 10000;
    if (!ts->o.max_module_depth) ts->o.max_module_depth = 32;
    ts->doc = doc;
    ts->t = t;
    t->doc = doc;
    tf_source_init(&ts->src, &ts->arena, doc, o->fs, &o->lim);
    ts->src.display_dir = o->display_dir;
    ts->src.diag = eval_diag;
    ts->src.diag_self = ts;
    ts->src.is_block = is_block_fact;
    ts->src.is_block_self = ts;
    tf_eval_host host = {ts, resolve, missing_attr, eval_diag};
    tf_eval_init(&ts->ev, &ts->arena, &host);
    if (o->max_steps) ts->ev.max_steps = o->max_steps;
    ts->ev.fn.fs = o->fs;
    ts->ev.fn.render = render_template;
    ts->ev.fn.render_self = &ts->ev;
    tf_module *root;
    bool ok = o->single_file ? tf_source_file_module(&ts->src, o->path, &root, err)
                             : tf_source_module(&ts->src, o->path, &root, err);
    if (ok && !(ts->root = new_inst(ts, root, NULL, NULL, hv_null(), hv_null()))) ok = oom_err(err);
    if (ok) ok = gather_inputs(ts, err);
    if (ok) {
        use_inst(ts, ts->root);
        evaluate_instance(ts, ts->root);
        if (ts->oom) ok = oom_err(err);
    }
    /* The text goes to the document even after an error, so the error has a place. */
    if (!tf_source_finish(&ts->src) && ok) ok = oom_err(err);
    if (ok) build_suppressions(ts);
    if (ok) ok = materialize(ts, err);
    tk_warnlist_flush(&ts->warnings, ts->doc);
    if (!ok) {
        tk_tfsrc_free(ts);
        return NULL;
    }
    t->refs.self = ts;
    t->refs.targets = src_targets;
    t->refs.configured = src_configured;
    t->refs.suppressed = src_suppressed;
    return ts;
}

void tk_tfsrc_free(tk_tfsrc *ts) {
    if (!ts) return;
    tk_warnlist_free(&ts->warnings);
    tk_sups_free(&ts->sups);
    tf_source_free(&ts->src);
    free(ts->ri);
    free(ts->rt_of);
    tk_arena_free(&ts->arena);
    free(ts);
}
