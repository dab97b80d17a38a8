/* JSON parser producing a tk_doc with positions. Strict RFC 8259; UTF-8 validated. */
#ifndef TK_JSON_H
#define TK_JSON_H
#include "doc.h"

typedef struct tk_json_opts {
    size_t max_depth; /* nesting limit; 0 means the default (256) */
    /* Subtrees to leave out of the document, as '/'-separated key paths where '*' matches
     * any key or array index, e.g. "resource_changes/ * /change/before" (without spaces),
     * and a "**" before the last key matches any depth ("configuration/ ** /constant_value").
     * Skipped values are still fully validated. At most 32 patterns of 8 components. */
    const char *const *skip;
    size_t n_skip;
} tk_json_opts;

enum { TK_JSON_DEFAULT_DEPTH = 256 };

/* Parses d->text (already decoded) into d's nodes. On failure returns false with err
 * (offset into the text); the document is then empty. */
bool tk_json_parse(tk_doc *d, const tk_json_opts *opts, tk_err *err);

#endif
