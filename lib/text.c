/* Input text: encoding detection, UTF-8 validation, offset -> line/column. */
#include "text.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void tk_err_set(tk_err *e, size_t offset, const char *fmt, ...) {
    if (!e) return;
    e->offset = offset;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->msg, sizeof e->msg, fmt, ap);
    va_end(ap);
}

size_t tk_utf8_encode(uint32_t cp, char *o) {
    if (cp < 0x80) {
        o[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (char)(0xC0 | (cp >> 6));
        o[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (char)(0xE0 | (cp >> 12));
        o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (char)(0xF0 | (cp >> 18));
    o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

size_t tk_utf8_seq(const unsigned char *s, size_t avail) {
    unsigned c = s[0];
    if (c < 0x80) return 1;
    if (c < 0xC2) return 0; /* continuation byte or overlong 2-byte lead */
    if (c < 0xE0) {
        if (avail < 2 || (s[1] & 0xC0) != 0x80) return 0;
        return 2;
    }
    if (c < 0xF0) {
        if (avail < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80) return 0;
        if (c == 0xE0 && s[1] < 0xA0) return 0; /* overlong */
        if (c == 0xED && s[1] >= 0xA0) return 0; /* UTF-16 surrogate */
        return 3;
    }
    if (c < 0xF5) {
        if (avail < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 ||
            (s[3] & 0xC0) != 0x80)
            return 0;
        if (c == 0xF0 && s[1] < 0x90) return 0; /* overlong */
        if (c == 0xF4 && s[1] >= 0x90) return 0; /* above U+10FFFF */
        return 4;
    }
    return 0;
}

bool tk_utf8_validate(const char *s, size_t len, size_t *bad) {
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        if (p[i] < 0x80) {
            i++;
            continue;
        }
        size_t n = tk_utf8_seq(p + i, len - i);
        if (!n) {
            if (bad) *bad = i;
            return false;
        }
        i += n;
    }
    return true;
}

static bool utf16_to_utf8(tk_text *t, const unsigned char *b, size_t len, bool be, tk_err *err) {
    if (len % 2) {
        tk_err_set(err, 0, "UTF-16 input has an odd number of bytes (truncated?)");
        return false;
    }
    size_t units = len / 2;
    if (units > (SIZE_MAX - 1) / 3) {
        tk_err_set(err, 0, "input too large");
        return false;
    }
    /* Each UTF-16 code unit becomes at most 3 UTF-8 bytes (a surrogate pair: 4 for 2). */
    char *out = malloc(units * 3 + 1);
    if (!out) {
        tk_err_set(err, 0, "out of memory decoding UTF-16 input");
        return false;
    }
    size_t o = 0;
    for (size_t i = 0; i < units; i++) {
        uint32_t u = be ? (uint32_t)(b[2 * i] << 8 | b[2 * i + 1])
                        : (uint32_t)(b[2 * i] | b[2 * i + 1] << 8);
        if (u >= 0xD800 && u <= 0xDBFF) {
            uint32_t lo = 0;
            if (i + 1 < units)
                lo = be ? (uint32_t)(b[2 * i + 2] << 8 | b[2 * i + 3])
                        : (uint32_t)(b[2 * i + 2] | b[2 * i + 3] << 8);
            if (lo < 0xDC00 || lo > 0xDFFF) {
                free(out);
                tk_err_set(err, o, "invalid UTF-16: unpaired high surrogate");
                return false;
            }
            u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
            i++;
        } else if (u >= 0xDC00 && u <= 0xDFFF) {
            free(out);
            tk_err_set(err, o, "invalid UTF-16: unpaired low surrogate");
            return false;
        }
        o += tk_utf8_encode(u, out + o);
    }
    out[o] = 0;
    t->owned = out;
    t->data = out;
    t->len = o;
    return true;
}

bool tk_text_decode(tk_text *t, const void *bytes, size_t len, size_t max_bytes, tk_err *err) {
    const unsigned char *b = bytes;
    memset(t, 0, sizeof *t);
    if (len > max_bytes) {
        tk_err_set(err, 0, "input is %zu bytes, more than the limit of %zu bytes", len, max_bytes);
        return false;
    }
    if (len >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) {
        t->encoding = TK_ENC_UTF8_BOM;
        t->data = (const char *)b + 3;
        t->len = len - 3;
        return true;
    }
    if (len >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF))) {
        bool be = b[0] == 0xFE;
        t->encoding = be ? TK_ENC_UTF16BE : TK_ENC_UTF16LE;
        return utf16_to_utf8(t, b + 2, len - 2, be, err);
    }
    if (len >= 2 && ((b[0] == 0 && b[1] != 0) || (b[0] != 0 && b[1] == 0)) && b[0] < 0x80 &&
        b[1] < 0x80) {
        tk_err_set(err, 0, "looks like UTF-16 without a byte-order mark; save it as UTF-8 "
                           "or UTF-16 with a BOM");
        return false;
    }
    t->encoding = TK_ENC_UTF8;
    t->data = (const char *)b;
    t->len = len;
    return true;
}

void tk_text_free(tk_text *t) {
    free(t->owned);
    memset(t, 0, sizeof *t);
}

/* ---- locator ---- */

enum { LOC_BLOCK = 1024 };

void tk_locator_init(tk_locator *l, const char *text, size_t len) {
    memset(l, 0, sizeof *l);
    l->text = text;
    l->len = len;
}

void tk_locator_free(tk_locator *l) {
    free(l->cp_line);
    l->cp_line = NULL;
    l->n_cp = 0;
}

#define ONES8 0x0101010101010101ULL
#define HIGH8 0x8080808080808080ULL

/* Advances (line, col0) over text[from, to). Eight bytes at a time where a word holds no
 * line break: the column grows by the number of bytes that start a character. */
static void advance(const char *t, size_t len, size_t from, size_t to, uint32_t *line,
                    uint32_t *col0) {
    const unsigned char *p = (const unsigned char *)t;
    size_t i = from;
    while (i < to) {
        if (to - i >= 8) {
            uint64_t w;
            memcpy(&w, p + i, 8);
            uint64_t lf = w ^ (ONES8 * '\n'), cr = w ^ (ONES8 * '\r');
            uint64_t breaks = (((lf - ONES8) & ~lf) | ((cr - ONES8) & ~cr)) & HIGH8;
            if (!breaks) {
                uint64_t cont = w & ~(w << 1) & HIGH8; /* 10xxxxxx bytes */
                /* Count the marked bytes without a popcount instruction. */
                uint32_t nc = (uint32_t)(((cont >> 7) * ONES8) >> 56);
                *col0 += 8 - nc;
                i += 8;
                continue;
            }
        }
        unsigned c = p[i];
        if (c == '\n' || (c == '\r' && (i + 1 >= len || p[i + 1] != '\n'))) {
            (*line)++;
            *col0 = 0;
        } else if ((c & 0xC0) != 0x80) {
            (*col0)++;
        }
        i++;
    }
}

static void build(tk_locator *l) {
    size_t n = l->len / LOC_BLOCK + 1;
    l->cp_line = malloc(n * 2 * sizeof(uint32_t));
    if (!l->cp_line) {
        l->failed = true;
        return;
    }
    uint32_t line = 1, col0 = 0;
    for (size_t k = 0; k < n; k++) {
        l->cp_line[2 * k] = line;
        l->cp_line[2 * k + 1] = col0;
        size_t from = k * LOC_BLOCK, to = from + LOC_BLOCK;
        if (to > l->len) to = l->len;
        if (from < to) advance(l->text, l->len, from, to, &line, &col0);
    }
    l->n_cp = n;
}

void tk_locate(tk_locator *l, size_t offset, unsigned *line, unsigned *col) {
    if (offset > l->len) offset = l->len;
    uint32_t ln = 1, c0 = 0;
    size_t from = 0;
    if (!l->cp_line && !l->failed) build(l);
    if (l->cp_line) {
        size_t k = offset / LOC_BLOCK;
        if (k >= l->n_cp) k = l->n_cp - 1;
        ln = l->cp_line[2 * k];
        c0 = l->cp_line[2 * k + 1];
        from = k * LOC_BLOCK;
    }
    advance(l->text, l->len, from, offset, &ln, &c0);
    *line = ln;
    *col = c0 + 1;
}
