/* Growable byte buffer with checked growth; the building block for text output. */
#ifndef TK_BUF_H
#define TK_BUF_H
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

typedef struct tk_buf {
    char *data; /* always NUL-terminated when len > 0 or after tk_buf_cstr */
    size_t len, cap;
    bool oom; /* set once an allocation failed; later appends are ignored */
} tk_buf;

void tk_buf_init(tk_buf *b);
void tk_buf_free(tk_buf *b);
void tk_buf_clear(tk_buf *b);
bool tk_buf_reserve(tk_buf *b, size_t extra);
void tk_buf_append(tk_buf *b, const void *p, size_t n);
void tk_buf_puts(tk_buf *b, const char *s);
void tk_buf_putc(tk_buf *b, char c);
void tk_buf_printf(tk_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void tk_buf_vprintf(tk_buf *b, const char *fmt, va_list ap);
/* Returns a NUL-terminated string ("" for an empty buffer). */
const char *tk_buf_cstr(tk_buf *b);
/* Hands the storage to the caller (must free()); the buffer becomes empty. */
char *tk_buf_take(tk_buf *b, size_t *len);

#endif
