/* Input text: encoding detection (UTF-8, UTF-8 BOM, UTF-16 with BOM), UTF-8 validation,
 * and conversion of byte offsets to 1-based line and column numbers.
 *
 * Columns count Unicode characters (code points), not bytes, so a position means the same
 * thing whether the file was UTF-8 or UTF-16. Lines end at LF, CRLF or a lone CR. */
#ifndef TK_TEXT_H
#define TK_TEXT_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct tk_err {
    size_t offset; /* byte offset in the decoded text where the problem is */
    char msg[240];
} tk_err;

void tk_err_set(tk_err *e, size_t offset, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

typedef enum { TK_ENC_UTF8, TK_ENC_UTF8_BOM, TK_ENC_UTF16LE, TK_ENC_UTF16BE } tk_encoding;

typedef struct tk_text {
    const char *data; /* UTF-8 text without BOM; borrowed or owned (see owned) */
    size_t len;
    char *owned; /* non-NULL when data was converted and must be freed */
    tk_encoding encoding;
} tk_text;

/* Detects the encoding of raw bytes. UTF-16 input is converted to UTF-8 (allocated);
 * UTF-8 input is borrowed without copying. Returns false with *err on malformed UTF-16,
 * on UTF-16 without a byte-order mark, or when the size exceeds max_bytes. UTF-8
 * validity is checked by the parsers while they read. */
bool tk_text_decode(tk_text *t, const void *bytes, size_t len, size_t max_bytes, tk_err *err);
void tk_text_free(tk_text *t);

/* Validates one UTF-8 sequence starting at s (s[0] >= 0x80); returns its length or 0. */
size_t tk_utf8_seq(const unsigned char *s, size_t avail);
/* Validates a whole buffer; on failure returns false and the offset of the bad byte. */
bool tk_utf8_validate(const char *s, size_t len, size_t *bad);
/* Appends the UTF-8 encoding of code point cp to out (capacity >= 4); returns its length. */
size_t tk_utf8_encode(uint32_t cp, char *out);

/* Offset -> line/column. Built lazily in one pass; lookups are O(log n + 4 KiB). */
typedef struct tk_locator {
    const char *text;
    size_t len;
    uint32_t *cp_line; /* pairs (line, column-1) at every 4 KiB boundary */
    size_t n_cp;
    bool failed;
} tk_locator;

void tk_locator_init(tk_locator *l, const char *text, size_t len);
void tk_locator_free(tk_locator *l);
void tk_locate(tk_locator *l, size_t offset, unsigned *line, unsigned *col);

#endif
