/* Dates and patterns of waivers and suppressions (see waiver.h). */
#include "waiver.h"
#include <time.h>

bool tk_date_valid(const char *s, size_t len) {
    if (len != 10 || s[4] != '-' || s[7] != '-') return false;
    for (size_t i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) return false;
    int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    int mo = (s[5] - '0') * 10 + (s[6] - '0'), dd = (s[8] - '0') * 10 + (s[9] - '0');
    static const int DAYS[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (mo < 1 || mo > 12 || dd < 1) return false;
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return dd <= DAYS[mo - 1] + (mo == 2 && leap);
}

void tk_date_today(char out[11]) {
    time_t now = time(NULL);
    struct tm tmv;
    if (!gmtime_r(&now, &tmv) || strftime(out, 11, "%Y-%m-%d", &tmv) != 10) {
        out[0] = 0;
    }
}

/* Iterative matching: on a mismatch after a '*', the star takes one more character. Each
 * star only moves forward, so the work is at most pattern length x text length. */
bool tk_pattern_match(const char *p, const char *t) {
    const char *star = NULL, *resume = NULL;
    while (*t) {
        if (*p == '*') {
            star = ++p;
            resume = t;
            continue;
        }
        if (*p == '?' || (*p == '\\' && p[1] ? p[1] == *t : *p == *t)) {
            p += (*p == '\\' && p[1]) ? 2 : 1;
            t++;
            continue;
        }
        if (!star) return false;
        p = star;
        t = ++resume;
    }
    while (*p == '*') p++;
    return !*p;
}
