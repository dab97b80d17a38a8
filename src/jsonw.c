/* Writing JSON text: escaped strings and a small pretty-printing writer. */
#include "jsonw.h"
#include "report_escape.h"
#include <stdio.h>
#include <string.h>

/* Bytes that need a look: controls, '"', '\\', '<', '>', '&', DEL, and every byte of a
 * multi-byte character (which may be U+2028 or U+2029, or not be UTF-8 at all). */
static const unsigned char NEEDS_ESCAPE[256] = {
    [0 ... 0x1F] = 1, ['"'] = 1, ['\\'] = 1, ['<'] = 1,   ['>'] = 1,
    ['&'] = 1,        [0x7F] = 1, [0x80 ... 0xFF] = 1,
};

void jw_string(tk_buf *b, const char *s, size_t len) {
    static const char hex[] = "0123456789abcdef";
    const unsigned char *u = (const unsigned char *)s;
    tk_buf_putc(b, '"');
    size_t start = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = u[i];
        if (!NEEDS_ESCAPE[c]) continue;
        char esc[7];
        size_t el = 2, skip = 0;
        if (c >= 0x80) {
            uint32_t cp;
            size_t n = report_utf8_next(s + i, len - i, &cp);
            bool replaced = cp == REPORT_REPLACEMENT_CHAR && n == 1;
            if (!replaced && cp != 0x2028 && cp != 0x2029) {
                i += n - 1;
                continue;
            }
            /* U+2028/U+2029 end lines in JavaScript; bytes that are not UTF-8 become U+FFFD. */
            memcpy(esc, replaced ? "\\ufffd" : cp == 0x2028 ? "\\u2028" : "\\u2029", 6);
            el = 6;
            skip = n - 1;
        } else if (c == '"' || c == '\\') {
            esc[0] = '\\', esc[1] = (char)c;
        } else if (c == '\n') {
            esc[0] = '\\', esc[1] = 'n';
        } else if (c == '\r') {
            esc[0] = '\\', esc[1] = 'r';
        } else if (c == '\t') {
            esc[0] = '\\', esc[1] = 't';
        } else {
            memcpy(esc, "\\u00", 4);
            esc[4] = hex[c >> 4];
            esc[5] = hex[c & 15];
            el = 6;
        }
        tk_buf_append(b, s + start, i - start);
        tk_buf_append(b, esc, el);
        i += skip;
        start = i + 1;
    }
    tk_buf_append(b, s + start, len - start);
    tk_buf_putc(b, '"');
}

void jw_cstr(tk_buf *b, const char *s) {
    if (!s)
        tk_buf_puts(b, "null");
    else
        jw_string(b, s, strlen(s));
}

void jw_init(jw *w, tk_buf *b, bool pretty) {
    memset(w, 0, sizeof *w);
    w->b = b;
    w->pretty = pretty;
    w->first[0] = true;
}

static void newline(jw *w) {
    if (!w->pretty) return;
    /* A line break and two spaces per level (depth is at most 63). */
    static const char indent[] =
        "\n                                                                "
        "                                                                ";
    tk_buf_append(w->b, indent, 1 + 2 * (size_t)w->depth);
}

/* Before a value in an array (keys handle their own separator). */
static void before_value(jw *w, bool after_key) {
    if (after_key || w->depth == 0) return;
    if (!w->first[w->depth]) tk_buf_putc(w->b, ',');
    w->first[w->depth] = false;
    newline(w);
}

static void open_(jw *w, char c) {
    before_value(w, w->pending_key);
    w->pending_key = false;
    tk_buf_putc(w->b, c);
    if (w->depth < 63) w->depth++;
    w->first[w->depth] = true;
}

static void close_(jw *w, char c) {
    bool empty = w->first[w->depth];
    if (w->depth > 0) w->depth--;
    if (!empty) newline(w);
    tk_buf_putc(w->b, c);
}

void jw_obj(jw *w) {
    open_(w, '{');
}
void jw_arr(jw *w) {
    open_(w, '[');
}
void jw_end_obj(jw *w) {
    close_(w, '}');
}
void jw_end_arr(jw *w) {
    close_(w, ']');
}

void jw_key(jw *w, const char *k) {
    if (!w->first[w->depth]) tk_buf_putc(w->b, ',');
    w->first[w->depth] = false;
    newline(w);
    jw_cstr(w->b, k);
    tk_buf_append(w->b, ": ", w->pretty ? 2 : 1);
    w->pending_key = true;
}

void jw_key_safe(jw *w, const char *k, size_t len) {
    if (!w->first[w->depth]) tk_buf_putc(w->b, ',');
    w->first[w->depth] = false;
    newline(w);
    tk_buf_putc(w->b, '"');
    tk_buf_append(w->b, k, len);
    tk_buf_append(w->b, "\": ", w->pretty ? 3 : 2);
    w->pending_key = true;
}

static void scalar_prefix(jw *w) {
    before_value(w, w->pending_key);
    w->pending_key = false;
}

void jw_str(jw *w, const char *s) {
    scalar_prefix(w);
    jw_cstr(w->b, s);
}
void jw_strn(jw *w, const char *s, size_t n) {
    scalar_prefix(w);
    jw_string(w->b, s, n);
}
void jw_num(jw *w, double v) {
    scalar_prefix(w);
    tk_buf_printf(w->b, "%.17g", v);
}
void jw_uint(jw *w, unsigned long long v) {
    scalar_prefix(w);
    char d[24];
    size_t n = sizeof d;
    do d[--n] = (char)('0' + v % 10);
    while ((v /= 10) != 0);
    tk_buf_append(w->b, d + n, sizeof d - n);
}
void jw_bool(jw *w, bool v) {
    scalar_prefix(w);
    tk_buf_puts(w->b, v ? "true" : "false");
}
void jw_null(jw *w) {
    scalar_prefix(w);
    tk_buf_puts(w->b, "null");
}
