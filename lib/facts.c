/* Provider facts (see facts.h): JSON documents indexed by resource type. */
#include "facts.h"
#include "json.h"
#include <stdlib.h>
#include <string.h>

void tk_facts_init(tk_facts *f) {
    memset(f, 0, sizeof *f);
    tk_strmap_init(&f->types);
}

void tk_facts_free(tk_facts *f) {
    for (size_t i = 0; i < f->n_docs; i++) {
        f->docs[i].text.data = NULL; /* borrowed */
        tk_doc_free(&f->docs[i]);
    }
    free(f->docs);
    free(f->refs);
    tk_strmap_free(&f->types);
    memset(f, 0, sizeof *f);
}

bool tk_facts_add(tk_facts *f, const char *path, const char *text, size_t len, tk_err *err) {
    if (f->n_docs == f->cap_docs) {
        size_t cap = f->cap_docs ? f->cap_docs * 2 : 4;
        tk_doc *d = realloc(f->docs, cap * sizeof *d);
        if (!d) return tk_err_set(err, 0, "out of memory"), false;
        f->docs = d;
        f->cap_docs = cap;
    }
    tk_doc *d = &f->docs[f->n_docs];
    tk_doc_init(d, path);
    d->text.data = text;
    d->text.len = len;
    if (!tk_json_parse(d, NULL, err)) {
        d->text.data = NULL;
        tk_doc_free(d);
        return false;
    }
    f->n_docs++;
    const tk_node *res = tk_doc_get(d, tk_doc_root(d), "resources");
    if (!res || tk_node_kind(res) != TK_OBJECT)
        return tk_err_set(err, 0, "no \"resources\" object"), false;
    for (TK_EACH_CHILD(t, res)) {
        if (tk_node_kind(t) != TK_OBJECT) continue;
        tk_str k = tk_doc_key(d, t);
        bool fresh;
        uint32_t *slot = tk_strmap_put(&f->types, k.p, k.len, &fresh);
        if (!slot) return tk_err_set(err, t->pos, "out of memory"), false;
        if (!fresh) continue; /* the first file that describes a type stands */
        if (f->n_refs == f->cap_refs) {
            size_t cap = f->cap_refs ? f->cap_refs * 2 : 128;
            void *r = realloc(f->refs, cap * sizeof *f->refs);
            if (!r) return tk_err_set(err, t->pos, "out of memory"), false;
            f->refs = r;
            f->cap_refs = cap;
        }
        f->refs[f->n_refs].doc = (uint32_t)(f->n_docs - 1);
        f->refs[f->n_refs].node = (uint32_t)(t - d->nodes);
        *slot = (uint32_t)f->n_refs++;
    }
    return true;
}

bool tk_facts_resource(const tk_facts *f, const char *type, size_t len, tk_fact_block *out) {
    if (!f) return false;
    uint32_t *slot = tk_strmap_get(&f->types, type, len);
    if (!slot) return false;
    const tk_doc *d = &f->docs[f->refs[*slot].doc];
    *out = (tk_fact_block){d, &d->nodes[f->refs[*slot].node]};
    return true;
}

bool tk_facts_block(const tk_fact_block *b, const char *name, size_t len, tk_fact_block *out) {
    const tk_node *blocks = tk_doc_get(b->doc, b->node, "blocks");
    const tk_node *n = blocks ? tk_doc_getn(b->doc, blocks, name, len) : NULL;
    if (!n || tk_node_kind(n) != TK_OBJECT) return false;
    *out = (tk_fact_block){b->doc, n};
    return true;
}

const tk_node *tk_facts_attr(const tk_fact_block *b, const char *name, size_t len) {
    const tk_node *attrs = tk_doc_get(b->doc, b->node, "attributes");
    const tk_node *n = attrs ? tk_doc_getn(b->doc, attrs, name, len) : NULL;
    return n && tk_node_kind(n) == TK_OBJECT ? n : NULL;
}
