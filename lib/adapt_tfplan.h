/* Terraform plan and state JSON (`terraform show -json`) -> resource table. */
#ifndef TK_ADAPT_TFPLAN_H
#define TK_ADAPT_TFPLAN_H
#include "resource.h"

/* Path patterns for the JSON parser (tk_json_opts.skip) that leave out what no rule reads.
 * The first set also skips each change's "after" when planned_values precede it; if the
 * adapter then finds a change whose values only "after" had, it asks for a second parse
 * with the second set. */
extern const char *const tk_tfplan_skip[];
extern const size_t tk_tfplan_n_skip;
extern const char *const tk_tfplan_skip_keep_after[];
extern const size_t tk_tfplan_n_skip_keep_after;

typedef struct tk_tfplan tk_tfplan;

/* True when the document looks like plan or state JSON (has planned_values,
 * resource_changes or values at the top level). */
bool tk_tfplan_detect(const tk_doc *d);

/* Fills t from the document. The returned adapter state answers reference questions for
 * joins (t->refs) and must outlive t. On malformed input returns NULL with err; returns NULL
 * with *reparse set when the document must be parsed again with tk_tfplan_skip_keep_after. */
tk_tfplan *tk_tfplan_adapt(const tk_doc *d, tk_rtable *t, bool *is_state, bool *reparse, tk_err *err);
void tk_tfplan_free(tk_tfplan *p);

#endif
