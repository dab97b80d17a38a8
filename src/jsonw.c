/* Writing JSON text: escaped strings and a small pretty-printing writer. */
#include "jsonw.h"
#include <stdio.h>
#include <string.h>

void jw_string(tk_buf *b, const char *s, size_t len) {
    static const char hex[] = "0123456789abcdef";
    tk_buf_putc(b, '"');
    size_t run = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        const char *esc = NULL;
        char u[7];
        if (c == '"') esc = "\\\"";
        else if (c == '\\') esc = "\\\\";
        else if (c == '\n') esc = "\\n";
        else if (c == '\r') esc = "\\r";
        else if (c == '\t') esc = "\\t";
        else if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == 0x7F) {
            u[0] = '\\', u[1] = 'u', u[2] = '0', u[3] = '0', u[4] = hex[c >> 4], u[5] = hex[c & 15], u[6] = 0;
            esc = u;
        } else if (c == 0xE2 && i + 2 < len && (unsigned char)s[i + 1] == 0x80 &&
                   ((unsigned char)s[i + 2] == 0xA8 || (unsigned char)s[i + 2] == 0xA9)) {
            /* U+2028/U+2029 end lines in JavaScript. */
            esc = (unsigned char)s[i + 2] == 0xA8 ? "\\u2028" : "\\u2029";
            tk_buf_append(b, s + i - run, run);
            run = 0;
            tk_buf_puts(b, esc);
            i += 2;
            continue;
        }
        if (esc) {
            tk_buf_append(b, s + i - run, run);
            run = 0;
            tk_buf_puts(b, esc);
        } else {
            run++;
        }
    }
    tk_buf_append(b, s + len - run, run);
    tk_buf_putc(b, '"');
}

void jw_cstr(tk_buf *b, const char *s) {
    if (!s) tk_buf_puts(b, "null");
    else jw_string(b, s, strlen(s));
}

void jw_init(jw *w, tk_buf *b, bool pretty) {
    memset(w, 0, sizeof *w);
    w->b = b;
    w->pretty = pretty;
    w->first[0] = true;
}

static void newline(jw *w) {
    if (!w->pretty) return;
    tk_buf_putc(w->b, '\n');
    for (int i = 0; i < w->depth; i++) tk_buf_puts(w->b, "  ");
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

void jw_obj(jw *w) { open_(w, '{'); }
void jw_arr(jw *w) { open_(w, '['); }
void jw_end_obj(jw *w) { close_(w, '}'); }
void jw_end_arr(jw *w) { close_(w, ']'); }

void jw_key(jw *w, const char *k) {
    if (!w->first[w->depth]) tk_buf_putc(w->b, ',');
    w->first[w->depth] = false;
    newline(w);
    jw_cstr(w->b, k);
    tk_buf_puts(w->b, w->pretty ? ": " : ":");
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
    tk_buf_printf(w->b, "%llu", v);
}
void jw_bool(jw *w, bool v) {
    scalar_prefix(w);
    tk_buf_puts(w->b, v ? "true" : "false");
}
void jw_null(jw *w) {
    scalar_prefix(w);
    tk_buf_puts(w->b, "null");
}
