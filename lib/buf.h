/* Growable byte buffer with checked growth; the building block for text output. */
#ifndef TK_BUF_H
#define TK_BUF_H
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

typedef struct tk_buf tk_buf;
struct tk_buf {
    char *data; /* always NUL-terminated when len > 0 or after tk_buf_cstr */
    size_t len, cap;
    bool oom; /* set once an allocation failed; later appends are ignored */
    /* Optional sink: once len reaches flush_at, flush() consumes the contents (e.g. writes
     * them to a file) and the buffer starts again empty, so large outputs stream. */
    bool (*flush)(tk_buf *b, void *ctx);
    void *flush_ctx;
    size_t flush_at;
    bool flush_failed;
};

void tk_buf_init(tk_buf *b);
void tk_buf_free(tk_buf *b);
void tk_buf_clear(tk_buf *b);
bool tk_buf_reserve(tk_buf *b, size_t extra);
void tk_buf_append_slow(tk_buf *b, const void *p, size_t n);
void tk_buf_puts(tk_buf *b, const char *s);
/* Appends n bytes; the common case (room left, no flush due) is a copy. */
static inline void tk_buf_append(tk_buf *b, const void *p, size_t n) {
    if (b->len + n < b->cap && !(b->flush && b->len >= b->flush_at) && !b->oom) {
        memcpy(b->data + b->len, p, n);
        b->len += n;
        b->data[b->len] = 0;
        return;
    }
    tk_buf_append_slow(b, p, n);
}
static inline void tk_buf_putc(tk_buf *b, char c) {
    tk_buf_append(b, &c, 1);
}
void tk_buf_printf(tk_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void tk_buf_vprintf(tk_buf *b, const char *fmt, va_list ap);
/* Returns a NUL-terminated string ("" for an empty buffer). */
const char *tk_buf_cstr(tk_buf *b);
/* Sends what is buffered to the sink now (no-op without one). Returns false on a sink error. */
bool tk_buf_flush(tk_buf *b);
/* Hands the storage to the caller (must free()); the buffer becomes empty. */
char *tk_buf_take(tk_buf *b, size_t *len);

#endif
