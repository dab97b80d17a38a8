/* Decoding input-derived text for the XML, CSV and Markdown reports (see report_escape.h):
 * whatever the bytes, what reaches a report is well-formed UTF-8 without control or
 * reordering characters. */
#include "report_escape.h"
#include "../lib/text.h"

size_t report_utf8_next(const char *s, size_t len, uint32_t *cp) {
    const unsigned char *u = (const unsigned char *)s;
    size_t n = tk_utf8_seq(u, len);
    if (n == 0) {
        *cp = REPORT_REPLACEMENT_CHAR; /* not UTF-8: one byte becomes U+FFFD */
        return 1;
    }
    static const unsigned char LEAD_BITS[] = {0, 0x7F, 0x1F, 0x0F, 0x07};
    uint32_t v = u[0] & LEAD_BITS[n];
    for (size_t k = 1; k < n; k++) v = v << 6 | (u[k] & 0x3Fu);
    *cp = v;
    return n;
}

void report_put_utf8(tk_buf *b, uint32_t cp) {
    char e[4];
    tk_buf_append(b, e, tk_utf8_encode(cp, e));
}

bool report_unsafe_char(uint32_t cp) {
    if (cp < 0x20) return cp != '\t' && cp != '\n' && cp != '\r';
    if (cp >= 0x7F && cp <= 0x9F) return true;
    if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)) return true;
    return cp == 0xFFFE || cp == 0xFFFF;
}
