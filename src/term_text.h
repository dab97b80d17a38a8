/* Text for a terminal: input-derived strings with control characters made visible. */
#ifndef TK_TERM_TEXT_H
#define TK_TERM_TEXT_H
#include "../lib/buf.h"
#include <stddef.h>

/* Appends s[0..len) so that it cannot act on a terminal: C0 and C1 control characters, DEL,
 * and the bidirectional overrides that reorder what is shown are written as \xNN or \u{NNNN}. */
void term_text(tk_buf *b, const char *s, size_t len);
/* The same for a NUL-terminated string. */
void term_cstr(tk_buf *b, const char *s);

#endif
