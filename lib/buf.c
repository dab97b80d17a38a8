/* Growable byte buffer with checked growth; the building block for text output. */
#include "buf.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void tk_buf_init(tk_buf *b) {
    memset(b, 0, sizeof *b);
}

bool tk_buf_flush(tk_buf *b) {
    if (!b->flush || b->len == 0) return !b->flush_failed;
    if (!b->flush(b, b->flush_ctx)) b->flush_failed = true;
    b->len = 0;
    if (b->data) b->data[0] = 0;
    return !b->flush_failed;
}

void tk_buf_free(tk_buf *b) {
    free(b->data);
    tk_buf_init(b);
}

void tk_buf_clear(tk_buf *b) {
    b->len = 0;
    if (b->data) b->data[0] = 0;
}

bool tk_buf_reserve(tk_buf *b, size_t extra) {
    if (b->oom) return false;
    if (b->flush && b->len >= b->flush_at) tk_buf_flush(b);
    if (extra > SIZE_MAX / 2 - b->len) {
        b->oom = true;
        return false;
    }
    size_t need = b->len + extra + 1;
    if (need <= b->cap) return true;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < need) cap = cap / 2 * 3 + 16;
    char *p = realloc(b->data, cap);
    if (!p) {
        b->oom = true;
        return false;
    }
    b->data = p;
    b->cap = cap;
    return true;
}

void tk_buf_append_slow(tk_buf *b, const void *p, size_t n) {
    if (!tk_buf_reserve(b, n)) return;
    if (n) memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = 0;
}

void tk_buf_puts(tk_buf *b, const char *s) {
    tk_buf_append(b, s, strlen(s));
}

void tk_buf_vprintf(tk_buf *b, const char *fmt, va_list ap) {
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0 || !tk_buf_reserve(b, (size_t)n)) {
        if (n < 0) b->oom = true;
        return;
    }
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
}

void tk_buf_printf(tk_buf *b, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    tk_buf_vprintf(b, fmt, ap);
    va_end(ap);
}

const char *tk_buf_cstr(tk_buf *b) {
    return b->data && !b->oom ? b->data : "";
}

char *tk_buf_take(tk_buf *b, size_t *len) {
    char *p = b->data;
    if (len) *len = b->len;
    if (!p) p = calloc(1, 1);
    tk_buf_init(b);
    return p;
}
