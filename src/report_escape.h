/* Input-derived text in report formats that must stay well-formed (XML, CSV, Markdown):
 * UTF-8 decoding that turns invalid bytes into U+FFFD, and the code points no report should
 * pass through as they are. */
#ifndef TK_REPORT_ESCAPE_H
#define TK_REPORT_ESCAPE_H
#include "../lib/buf.h"
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define REPORT_REPLACEMENT_CHAR 0xFFFDu

/* Decodes the character at s[0..len) (len > 0) into *cp and returns the bytes it takes.
 * Anything that is not well-formed UTF-8 (a stray continuation byte, a truncated or overlong
 * sequence, a surrogate, a value above U+10FFFF) takes one byte and decodes as U+FFFD. */
size_t report_utf8_next(const char *s, size_t len, uint32_t *cp);

/* Appends cp (at most U+10FFFF) encoded as UTF-8. */
void report_put_utf8(tk_buf *b, uint32_t cp);

/* Whether cp must be replaced by U+FFFD in every report: C0 controls other than tab, line
 * feed and carriage return, DEL, C1 controls, the bidirectional formatting characters that
 * reorder what is shown (U+202A..U+202E, U+2066..U+2069), and U+FFFE / U+FFFF, which XML
 * does not allow. Tab, line feed and carriage return are left to each format. */
bool report_unsafe_char(uint32_t cp);

#endif
