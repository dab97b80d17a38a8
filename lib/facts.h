/* Provider facts: what Terraform's plan fills in that a configuration does not say, per
 * resource type — each attribute's type, the value an omitted attribute or block takes
 * (a default, or "known only after apply"), and which names are nested blocks. Generated
 * from the provider itself (rules/<provider>/provider-facts.json, see docs/rules.md) and
 * used when Terraform source is evaluated. */
#ifndef TK_FACTS_H
#define TK_FACTS_H
#include "doc.h"
#include "strmap.h"
#include "text.h"

typedef struct tk_facts {
    tk_doc *docs;
    size_t n_docs, cap_docs;
    tk_strmap types; /* resource type -> index of (doc, node) in refs */
    struct {
        uint32_t doc, node;
    } * refs;
    size_t n_refs, cap_refs;
} tk_facts;

void tk_facts_init(tk_facts *f);
void tk_facts_free(tk_facts *f);
/* Adds a facts file (JSON). text must stay valid as long as f. */
bool tk_facts_add(tk_facts *f, const char *path, const char *text, size_t len, tk_err *err);

/* The facts of one resource type: a schema block ({"attributes": ..., "blocks": ...}). */
typedef struct tk_fact_block {
    const tk_doc *doc;
    const tk_node *node;
} tk_fact_block;

bool tk_facts_resource(const tk_facts *f, const char *type, size_t len, tk_fact_block *out);
/* A nested block type of a block ({"nesting", "omitted", "attributes", "blocks"}). */
bool tk_facts_block(const tk_fact_block *b, const char *name, size_t len, tk_fact_block *out);
/* An attribute of a block ({"type", "omitted", "required"}), or NULL. */
const tk_node *tk_facts_attr(const tk_fact_block *b, const char *name, size_t len);

#endif
