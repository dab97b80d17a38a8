/* Terraform plan and state JSON (`terraform show -json`) -> resource table. */
#ifndef TK_ADAPT_TFPLAN_H
#define TK_ADAPT_TFPLAN_H
#include "resource.h"

/* Subtrees of a plan that no rule reads; the JSON parser leaves them out. */
extern const char *const tk_tfplan_skip[];
extern const size_t tk_tfplan_n_skip;

typedef struct tk_tfplan tk_tfplan;

/* True when the document looks like plan or state JSON (has planned_values,
 * resource_changes or values at the top level). */
bool tk_tfplan_detect(const tk_doc *d);

/* Fills t from the document. The returned adapter state answers reference questions for
 * joins (t->refs) and must outlive t. On malformed input returns NULL with err. */
tk_tfplan *tk_tfplan_adapt(const tk_doc *d, tk_rtable *t, bool *is_state, tk_err *err);
void tk_tfplan_free(tk_tfplan *p);

#endif
