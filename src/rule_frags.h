/* Per-rule pieces of a report, rendered on first use and copied for every later finding of
 * the rule: most of a report's bytes repeat what its rule says. */
#ifndef TK_RULE_FRAGS_H
#define TK_RULE_FRAGS_H
#include "../include/tenken.h"
#include "../lib/buf.h"

enum { RULE_FRAG_PARTS = 2 };
typedef struct rule_frags rule_frags;
/* Fills parts[0..RULE_FRAG_PARTS) for rule; ctx is what rule_frags_new was given. */
typedef void (*rule_frag_fn)(void *ctx, const tk_rule *rule, tk_buf parts[RULE_FRAG_PARTS]);

rule_frags *rule_frags_new(rule_frag_fn fn, void *ctx); /* NULL when out of memory */
void rule_frags_free(rule_frags *f);
/* The parts for rule, or NULL (out of memory, or the table is full): then the caller
 * renders directly. */
const tk_buf *rule_frags_get(rule_frags *f, const tk_rule *rule);

#endif
