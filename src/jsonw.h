/* Writing JSON text: escaped strings and a small pretty-printing writer. */
#ifndef TK_JSONW_H
#define TK_JSONW_H
#include "../lib/buf.h"
#include <stdbool.h>
#include <stddef.h>

/* Appends s as a JSON string literal. '<', '>' and '&' are escaped too, so the text is safe
 * to embed in HTML and XML. */
void jw_string(tk_buf *b, const char *s, size_t len);
void jw_cstr(tk_buf *b, const char *s); /* NULL writes null */

typedef struct jw {
    tk_buf *b;
    int depth;
    bool first[64];
    bool pretty;
    bool pending_key; /* a key was written; the value follows without a separator */
} jw;

void jw_init(jw *w, tk_buf *b, bool pretty);
void jw_obj(jw *w);     /* { */
void jw_arr(jw *w);     /* [ */
void jw_end_obj(jw *w); /* } */
void jw_end_arr(jw *w); /* ] */
void jw_key(jw *w, const char *k);
/* A key known to need no escaping (a literal of ours). */
void jw_key_safe(jw *w, const char *k, size_t len);
#define JW_KEY(w, lit) jw_key_safe((w), lit, sizeof(lit) - 1)
void jw_str(jw *w, const char *s); /* NULL writes null */
void jw_strn(jw *w, const char *s, size_t n);
void jw_num(jw *w, double v);
void jw_uint(jw *w, unsigned long long v);
void jw_bool(jw *w, bool v);
void jw_null(jw *w);

#endif
