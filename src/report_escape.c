/* Decoding input-derived text for the XML, CSV and Markdown reports (see report_escape.h):
 * whatever the bytes, what reaches a report is well-formed UTF-8 without control or
 * reordering characters. */
#include "report_escape.h"

size_t report_utf8_next(const char *s, size_t len, uint32_t *cp) {
    const unsigned char *u = (const unsigned char *)s;
    unsigned char c = u[0];
    *cp = REPORT_REPLACEMENT_CHAR;
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    size_t need;
    uint32_t v, min;
    if (c >= 0xC2 && c <= 0xDF) {
        need = 1;
        v = c & 0x1Fu;
        min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        v = c & 0x0Fu;
        min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        v = c & 0x07u;
        min = 0x10000;
    } else {
        return 1; /* a continuation byte, an overlong lead (C0, C1) or F5..FF */
    }
    if (len < need + 1) return 1;
    for (size_t k = 1; k <= need; k++) {
        if ((u[k] & 0xC0) != 0x80) return 1;
        v = v << 6 | (u[k] & 0x3Fu);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 1;
    *cp = v;
    return need + 1;
}

void report_put_utf8(tk_buf *b, uint32_t cp) {
    char e[4];
    size_t n;
    if (cp < 0x80) {
        e[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        e[0] = (char)(0xC0 | cp >> 6);
        e[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        e[0] = (char)(0xE0 | cp >> 12);
        e[1] = (char)(0x80 | (cp >> 6 & 0x3F));
        e[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        e[0] = (char)(0xF0 | cp >> 18);
        e[1] = (char)(0x80 | (cp >> 12 & 0x3F));
        e[2] = (char)(0x80 | (cp >> 6 & 0x3F));
        e[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    tk_buf_append(b, e, n);
}

bool report_unsafe_char(uint32_t cp) {
    if (cp < 0x20) return cp != '\t' && cp != '\n' && cp != '\r';
    if (cp >= 0x7F && cp <= 0x9F) return true;
    if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)) return true;
    return cp == 0xFFFE || cp == 0xFFFF;
}
