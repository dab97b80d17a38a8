/* JSON parser producing a tk_doc with positions. Strict RFC 8259; UTF-8 validated. */
#ifndef TK_JSON_H
#define TK_JSON_H
#include "doc.h"

typedef struct tk_json_opts {
    size_t max_depth; /* nesting limit; 0 means the default (256) */
    /* Path patterns that shape the document: '/'-separated keys where '*' matches any key or
     * array index, and "**" before the last key matches any depth. By default a matching
     * value is left out (still fully validated). Prefixes change that: "~path" drops the
     * null-valued object members below path, "!path" keeps only members that are true or
     * hold a true (for unknown-masks; array elements always stay), and "?key:path" applies
     * only when the root object has a member `key` before the matching value. At most 64
     * patterns of 12 components. */
    const char *const *skip;
    size_t n_skip;
} tk_json_opts;

enum { TK_JSON_DEFAULT_DEPTH = 256 };

/* Parses d->text (already decoded) into d's nodes. On failure returns false with err
 * (offset into the text); the document is then empty. */
bool tk_json_parse(tk_doc *d, const tk_json_opts *opts, tk_err *err);

#endif
