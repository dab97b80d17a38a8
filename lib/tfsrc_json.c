/* Terraform's JSON syntax (.tf.json, .tfvars.json) turned into the same syntax tree as the
 * native syntax. In a configuration, JSON strings are templates ("${var.x}-logs"); whether
 * a JSON object under a resource is a nested block or an attribute holding a map is not
 * written in JSON, so the provider facts decide (unknown types: an attribute). */
#include "tfsrc_model.h"
#include "json.h"
#include <stdio.h>
#include <string.h>

typedef struct conv {
    tf_source *s;
    tk_doc *d;
    uint32_t base;
    tk_err *err;
    bool failed;
} conv;

static bool cfail(conv *c, uint32_t at, const char *msg) {
    if (!c->failed) {
        c->failed = true;
        c->err->offset = at;
        snprintf(c->err->msg, sizeof c->err->msg, "%s", msg);
    }
    return false;
}

static uint32_t at(conv *c, const tk_node *n) {
    return c->base + n->pos;
}

static hcl_expr *new_expr(conv *c, hcl_kind k, const tk_node *n) {
    hcl_expr *e = tk_arena_alloc(c->s->a, sizeof *e);
    if (!e) return cfail(c, at(c, n), "out of memory"), NULL;
    e->kind = (uint8_t)k;
    e->pos = e->end = at(c, n);
    return e;
}

static hcl_expr *lit_string(conv *c, const tk_node *n, const char *s, size_t len) {
    hcl_expr *e = new_expr(c, HX_LIT, n);
    if (!e) return NULL;
    e->lit.kind = HL_STRING;
    e->lit.s = tk_arena_strndup(c->s->a, s, len);
    e->lit.len = (uint32_t)len;
    if (!e->lit.s) return cfail(c, at(c, n), "out of memory"), NULL;
    return e;
}

typedef enum { STR_TEMPLATE, STR_LITERAL, STR_EXPRESSION } str_mode;

static hcl_expr *expr_of(conv *c, const tk_node *n, str_mode mode) {
    switch (tk_node_kind(n)) {
    case TK_NULL:
    case TK_BOOL: {
        hcl_expr *e = new_expr(c, HX_LIT, n);
        if (!e) return NULL;
        e->lit.kind = tk_node_kind(n) == TK_NULL ? HL_NULL : HL_BOOL;
        e->lit.b = tk_node_bool(n);
        return e;
    }
    case TK_NUMBER: {
        hcl_expr *e = new_expr(c, HX_LIT, n);
        if (!e) return NULL;
        tk_str t = tk_doc_str(c->d, n);
        e->lit.kind = HL_NUMBER;
        e->lit.s = t.p;
        e->lit.len = (uint32_t)t.len;
        tk_doc_number(c->d, n, &e->lit.num);
        return e;
    }
    case TK_STRING: {
        tk_str t = tk_doc_str(c->d, n);
        if (mode == STR_LITERAL) return lit_string(c, n, t.p, t.len);
        const char *copy = tk_arena_strndup(c->s->a, t.p, t.len);
        if (!copy) return cfail(c, at(c, n), "out of memory"), NULL;
        hcl_expr *e;
        tk_err perr;
        bool ok = mode == STR_EXPRESSION ? hcl_parse_expr(c->s->a, copy, t.len, at(c, n) + 1,
                                                          c->s->lim.max_depth, &e, &perr)
                                         : hcl_parse_template(c->s->a, copy, t.len, at(c, n) + 1,
                                                              c->s->lim.max_depth, &e, &perr);
        if (!ok) return cfail(c, perr.offset, perr.msg), NULL;
        return e;
    }
    case TK_ARRAY: {
        hcl_expr *e = new_expr(c, HX_TUPLE, n);
        if (!e) return NULL;
        e->n = tk_node_count(n);
        e->items = tk_arena_array(c->s->a, e->n ? e->n : 1, sizeof *e->items);
        if (!e->items) return cfail(c, at(c, n), "out of memory"), NULL;
        uint32_t i = 0;
        for (TK_EACH_CHILD(x, n))
            if (!(e->items[i++] = expr_of(c, x, mode))) return NULL;
        return e;
    }
    case TK_OBJECT: {
        hcl_expr *e = new_expr(c, HX_OBJECT, n);
        if (!e) return NULL;
        e->n = 2 * tk_node_count(n);
        e->items = tk_arena_array(c->s->a, e->n ? e->n : 1, sizeof *e->items);
        if (!e->items) return cfail(c, at(c, n), "out of memory"), NULL;
        uint32_t i = 0;
        for (TK_EACH_CHILD(x, n)) {
            tk_str k = tk_doc_key(c->d, x);
            if (!(e->items[i++] = lit_string(c, x, k.p, k.len))) return NULL;
            if (!(e->items[i++] = expr_of(c, x, mode))) return NULL;
        }
        return e;
    }
    default: return cfail(c, at(c, n), "unexpected JSON value"), NULL;
    }
}

/* A growable body under construction. */
typedef struct body_build {
    hcl_attr attrs[256];
    uint32_t n_attrs;
    hcl_block *blocks;
    uint32_t n_blocks, cap_blocks;
} body_build;

static bool key_is(tk_str k, const char *s) {
    return k.len == strlen(s) && !memcmp(k.p, s, k.len);
}

static hcl_body *body_of(conv *c, const tk_node *obj, const char *res_type, const char *path);

static bool add_block(conv *c, body_build *bb, const tk_node *at_node, const char *type,
                      size_t tlen, const hcl_label *labels, uint32_t n_labels, hcl_body *body) {
    if (bb->n_blocks == bb->cap_blocks) {
        uint32_t cap = bb->cap_blocks ? bb->cap_blocks * 2 : 8;
        hcl_block *nb = tk_arena_array(c->s->a, cap, sizeof *nb);
        if (!nb) return cfail(c, at(c, at_node), "out of memory");
        if (bb->n_blocks) memcpy(nb, bb->blocks, bb->n_blocks * sizeof *nb);
        bb->blocks = nb;
        bb->cap_blocks = cap;
    }
    hcl_label *l = n_labels ? tk_arena_array(c->s->a, n_labels, sizeof *l) : NULL;
    if (n_labels && !l) return cfail(c, at(c, at_node), "out of memory");
    if (n_labels) memcpy(l, labels, n_labels * sizeof *l);
    bb->blocks[bb->n_blocks++] =
        (hcl_block){type, (uint32_t)tlen, at(c, at_node), at(c, at_node), l, n_labels, body};
    return true;
}

/* One or several bodies (an object, or an array of objects) as blocks of one type. */
static bool add_blocks(conv *c, body_build *bb, const tk_node *v, const char *type, size_t tlen,
                       const hcl_label *labels, uint32_t n_labels, const char *res_type,
                       const char *path) {
    if (tk_node_kind(v) == TK_ARRAY) {
        for (TK_EACH_CHILD(x, v))
            if (!add_blocks(c, bb, x, type, tlen, labels, n_labels, res_type, path)) return false;
        return true;
    }
    if (tk_node_kind(v) != TK_OBJECT)
        return cfail(c, at(c, v), "expected an object holding a block's body");
    hcl_body *body = body_of(c, v, res_type, path);
    return body && add_block(c, bb, v, type, tlen, labels, n_labels, body);
}

static hcl_label label_of(conv *c, const tk_node *member) {
    tk_str k = tk_doc_key(c->d, member);
    const char *copy = tk_arena_strndup(c->s->a, k.p, k.len);
    return (hcl_label){copy ? copy : "", (uint32_t)k.len, at(c, member)};
}

static bool is_nested_block(conv *c, const char *res_type, const char *path) {
    if (!res_type || !c->s->is_block) return false;
    return c->s->is_block(c->s->is_block_self, res_type, strlen(res_type), path);
}

static hcl_body *body_of(conv *c, const tk_node *obj, const char *res_type, const char *path) {
    body_build *bb = tk_arena_alloc(c->s->a, sizeof *bb);
    if (!bb) return cfail(c, at(c, obj), "out of memory"), NULL;
    for (TK_EACH_CHILD(m, obj)) {
        tk_str k = tk_doc_key(c->d, m);
        if (key_is(k, "//")) continue;
        char sub[256];
        snprintf(sub, sizeof sub, "%s%s%.*s", path && *path ? path : "", path && *path ? "." : "",
                 (int)(k.len > 100 ? 100 : k.len), k.p);
        if (key_is(k, "lifecycle") || key_is(k, "provisioner") || key_is(k, "connection")) continue;
        if (res_type && key_is(k, "dynamic") && tk_node_kind(m) == TK_OBJECT) {
            for (TK_EACH_CHILD(dn, m)) {
                hcl_label l = label_of(c, dn);
                char dpath[256];
                snprintf(dpath, sizeof dpath, "%s%s%s", path && *path ? path : "",
                         path && *path ? "." : "", l.s);
                body_build *db = tk_arena_alloc(c->s->a, sizeof *db);
                if (!db || tk_node_kind(dn) != TK_OBJECT)
                    return cfail(c, at(c, dn), "expected an object for a dynamic block"), NULL;
                for (TK_EACH_CHILD(dm, dn)) {
                    tk_str dk = tk_doc_key(c->d, dm);
                    if (key_is(dk, "content")) {
                        if (!add_blocks(c, db, dm, "content", 7, NULL, 0, res_type, dpath))
                            return NULL;
                    } else if (!key_is(dk, "//")) {
                        if (db->n_attrs == 256)
                            return cfail(c, at(c, dm), "too many attributes"), NULL;
                        hcl_label an = label_of(c, dm);
                        hcl_expr *e = expr_of(c, dm, STR_TEMPLATE);
                        if (!e) return NULL;
                        db->attrs[db->n_attrs++] = (hcl_attr){an.s, an.len, an.pos, e};
                    }
                }
                hcl_body *body = tk_arena_alloc(c->s->a, sizeof *body);
                if (!body) return cfail(c, at(c, dn), "out of memory"), NULL;
                *body = (hcl_body){db->attrs,    db->n_attrs, db->blocks,
                                   db->n_blocks, at(c, dn),   at(c, dn)};
                if (!add_block(c, bb, dn, "dynamic", 7, &l, 1, body)) return NULL;
            }
            continue;
        }
        if ((tk_node_kind(m) == TK_OBJECT || tk_node_kind(m) == TK_ARRAY) &&
            is_nested_block(c, res_type, sub)) {
            hcl_label tl = label_of(c, m);
            if (!add_blocks(c, bb, m, tl.s, tl.len, NULL, 0, res_type, sub)) return NULL;
            continue;
        }
        if (bb->n_attrs == 256)
            return cfail(c, at(c, m), "more than 256 attributes in one JSON body"), NULL;
        hcl_label an = label_of(c, m);
        hcl_expr *e = expr_of(c, m, STR_TEMPLATE);
        if (!e) return NULL;
        bb->attrs[bb->n_attrs++] = (hcl_attr){an.s, an.len, an.pos, e};
    }
    hcl_body *b = tk_arena_alloc(c->s->a, sizeof *b);
    if (!b) return cfail(c, at(c, obj), "out of memory"), NULL;
    *b = (hcl_body){bb->attrs, bb->n_attrs, bb->blocks, bb->n_blocks, at(c, obj), at(c, obj)};
    return b;
}

/* variable "x": its default is a value (strings are not templates) and its type an
 * expression written as a string. */
static hcl_body *variable_body(conv *c, const tk_node *obj) {
    if (tk_node_kind(obj) != TK_OBJECT)
        return cfail(c, at(c, obj), "expected an object for a variable"), NULL;
    body_build *bb = tk_arena_alloc(c->s->a, sizeof *bb);
    if (!bb) return cfail(c, at(c, obj), "out of memory"), NULL;
    for (TK_EACH_CHILD(m, obj)) {
        tk_str k = tk_doc_key(c->d, m);
        if (bb->n_attrs == 256 || key_is(k, "//") || key_is(k, "validation")) continue;
        hcl_label an = label_of(c, m);
        hcl_expr *e = expr_of(c, m, key_is(k, "type") ? STR_EXPRESSION : STR_LITERAL);
        if (!e) return NULL;
        bb->attrs[bb->n_attrs++] = (hcl_attr){an.s, an.len, an.pos, e};
    }
    hcl_body *b = tk_arena_alloc(c->s->a, sizeof *b);
    if (!b) return cfail(c, at(c, obj), "out of memory"), NULL;
    *b = (hcl_body){bb->attrs, bb->n_attrs, NULL, 0, at(c, obj), at(c, obj)};
    return b;
}

static bool top_level(conv *c, const tk_node *root, body_build *top) {
    for (TK_EACH_CHILD(m, root)) {
        tk_str k = tk_doc_key(c->d, m);
        bool two = key_is(k, "resource") || key_is(k, "data");
        bool one = key_is(k, "module") || key_is(k, "output") || key_is(k, "variable");
        if (key_is(k, "locals")) {
            if (!add_blocks(c, top, m, "locals", 6, NULL, 0, NULL, "")) return false;
            continue;
        }
        if (!two && !one) continue; /* terraform, provider, moved, import, check, "//" */
        if (tk_node_kind(m) != TK_OBJECT) return cfail(c, at(c, m), "expected an object");
        const char *type = two                   ? (key_is(k, "resource") ? "resource" : "data")
                           : key_is(k, "module") ? "module"
                           : key_is(k, "output") ? "output"
                                                 : "variable";
        for (TK_EACH_CHILD(l1, m)) {
            hcl_label labels[2] = {label_of(c, l1), {0}};
            if (!two) {
                if (!strcmp(type, "variable")) {
                    hcl_body *vb = variable_body(c, l1);
                    if (!vb || !add_block(c, top, l1, type, strlen(type), labels, 1, vb))
                        return false;
                } else if (!add_blocks(c, top, l1, type, strlen(type), labels, 1, NULL, "")) {
                    return false;
                }
                continue;
            }
            if (tk_node_kind(l1) != TK_OBJECT) return cfail(c, at(c, l1), "expected an object");
            for (TK_EACH_CHILD(l2, l1)) {
                labels[1] = label_of(c, l2);
                if (!add_blocks(c, top, l2, type, strlen(type), labels, 2, labels[0].s, ""))
                    return false;
            }
        }
    }
    return true;
}

bool tf_json_file(tf_source *s, const char *text, size_t len, uint32_t base, hcl_file *out,
                  tk_err *err) {
    memset(out, 0, sizeof *out);
    tk_doc d;
    tk_doc_init(&d, "");
    d.text.data = text;
    d.text.len = len;
    tk_json_opts o = {.max_depth = s->lim.max_depth};
    if (!tk_json_parse(&d, &o, err)) {
        err->offset += base;
        d.text.data = NULL;
        tk_doc_free(&d);
        return false;
    }
    conv c = {s, &d, base, err, false};
    const tk_node *root = tk_doc_root(&d);
    bool ok = true;
    if (!root || tk_node_kind(root) != TK_OBJECT) {
        ok = cfail(&c, base, "a JSON configuration file must hold an object");
    } else {
        /* A variables file (no block keywords at the top) is a body of attributes. */
        bool blocks = false;
        for (TK_EACH_CHILD(m, root)) {
            tk_str k = tk_doc_key(&d, m);
            blocks |= key_is(k, "resource") || key_is(k, "data") || key_is(k, "module") ||
                      key_is(k, "variable") || key_is(k, "output") || key_is(k, "locals") ||
                      key_is(k, "terraform") || key_is(k, "provider");
        }
        hcl_body *body = NULL;
        if (blocks) {
            body_build *top = tk_arena_alloc(s->a, sizeof *top);
            body = tk_arena_alloc(s->a, sizeof *body);
            if (!top || !body)
                ok = cfail(&c, base, "out of memory");
            else if ((ok = top_level(&c, root, top)))
                *body = (hcl_body){NULL, 0, top->blocks, top->n_blocks, base, base + (uint32_t)len};
        } else {
            body_build *bb = tk_arena_alloc(s->a, sizeof *bb);
            body = tk_arena_alloc(s->a, sizeof *body);
            if (!bb || !body) ok = cfail(&c, base, "out of memory");
            for (TK_EACH_CHILD(m, root)) {
                if (!ok) break;
                tk_str k = tk_doc_key(&d, m);
                if (key_is(k, "//")) continue;
                if (bb->n_attrs == 256) {
                    ok = cfail(&c, at(&c, m), "more than 256 variables in one file");
                    break;
                }
                hcl_label an = label_of(&c, m);
                hcl_expr *e = expr_of(&c, m, STR_LITERAL);
                if (!e)
                    ok = false;
                else
                    bb->attrs[bb->n_attrs++] = (hcl_attr){an.s, an.len, an.pos, e};
            }
            if (ok) *body = (hcl_body){bb->attrs, bb->n_attrs, NULL, 0, base, base + (uint32_t)len};
        }
        if (ok && body && !body->attrs) {
            body->attrs = tk_arena_alloc(s->a, sizeof *body->attrs);
            if (!body->attrs) ok = cfail(&c, base, "out of memory");
        }
        if (ok && body && !body->blocks) {
            body->blocks = tk_arena_alloc(s->a, sizeof *body->blocks);
            if (!body->blocks) ok = cfail(&c, base, "out of memory");
        }
        out->body = body;
    }
    d.text.data = NULL; /* borrowed */
    tk_doc_free(&d);
    return ok && !c.failed;
}
