/* What waivers and suppressions share: calendar dates (YYYY-MM-DD) and the patterns a
 * waiver names resources and files with. */
#ifndef TK_WAIVER_H
#define TK_WAIVER_H
#include <stdbool.h>
#include <stddef.h>

/* Whether s[0..len) is a real calendar date written YYYY-MM-DD. */
bool tk_date_valid(const char *s, size_t len);
/* Today's date (UTC), YYYY-MM-DD. */
void tk_date_today(char out[11]);
/* Whether text matches pattern: '*' stands for any run of characters (dots, slashes and
 * brackets included), '?' for one character, '\' makes the next character literal. */
bool tk_pattern_match(const char *pattern, const char *text);

#endif
