/* Text for a terminal: resource addresses and paths come from the scanned input, which may
 * be hostile, so nothing in them may reach the terminal as a control sequence. */
#include "term_text.h"
#include <stdbool.h>
#include <string.h>

/* 1: a byte that is a control character; 2: a byte that may start one (0xC2: C1 controls
 * U+0080..U+009F; 0xE2: bidirectional formatting characters). */
static const unsigned char LOOK[256] = {[0 ... 0x1F] = 1, [0x7F] = 1, [0xC2] = 2, [0xE2] = 2};

/* Length of the character at s that must be shown escaped, its code point in *cp; 0 if it
 * can be written as it is. */
static size_t control_at(const unsigned char *s, size_t avail, unsigned *cp) {
    if (LOOK[s[0]] == 1) {
        *cp = s[0];
        return 1;
    }
    if (s[0] == 0xC2 && avail >= 2 && s[1] >= 0x80 && s[1] <= 0x9F) {
        *cp = s[1];
        return 2;
    }
    if (s[0] == 0xE2 && avail >= 3) {
        unsigned c = 0x2000u | (unsigned)(s[1] & 0x3F) << 6 | (unsigned)(s[2] & 0x3F);
        bool bidi = (s[1] == 0x80 && s[2] >= 0xAA && s[2] <= 0xAE) || /* U+202A..U+202E */
                    (s[1] == 0x81 && s[2] >= 0xA6 && s[2] <= 0xA9);   /* U+2066..U+2069 */
        if (bidi) {
            *cp = c;
            return 3;
        }
    }
    return 0;
}

void term_text(tk_buf *b, const char *s, size_t len) {
    static const char hex[] = "0123456789abcdef";
    const unsigned char *u = (const unsigned char *)s;
    size_t start = 0;
    for (size_t i = 0; i < len; i++) {
        if (!LOOK[u[i]]) continue;
        unsigned cp;
        size_t n = control_at(u + i, len - i, &cp);
        if (!n) continue;
        tk_buf_append(b, s + start, i - start);
        if (cp < 0x100) {
            char e[4] = {'\\', 'x', hex[cp >> 4], hex[cp & 15]};
            tk_buf_append(b, e, 4);
        } else {
            char e[9] = {
                '\\',         'u', '{', hex[cp >> 12], hex[cp >> 8 & 15], hex[cp >> 4 & 15],
                hex[cp & 15], '}'};
            tk_buf_append(b, e, 8);
        }
        i += n - 1;
        start = i + 1;
    }
    tk_buf_append(b, s + start, len - start);
}

void term_cstr(tk_buf *b, const char *s) {
    term_text(b, s, strlen(s));
}
