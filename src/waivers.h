/* The waivers file (tenken-waivers.yaml): findings an organisation has accepted for a time,
 * each with the rule, a pattern on resource addresses, the reason, who approved it, and
 * when it was agreed and ends. A waiver without reason, approver, creation or expiry date is
 * an error at its place in the file. */
#ifndef TK_WAIVERS_H
#define TK_WAIVERS_H
#include "../include/tenken.h"
#include "../lib/buf.h"
#include <stdbool.h>
#include <stddef.h>

typedef struct waiver_file {
    char *path;
    tk_waiver *items; /* strings owned by the list */
    size_t n;
} waiver_file;

/* Finds tenken-waivers.yaml in start (a directory, or a file's directory) or its parents;
 * returns a malloc'ed path or NULL. */
char *waivers_find(const char *start);
/* Reads and checks a waivers file; rule IDs are checked against e (when not NULL). On error
 * prints "file:line:col: message" and returns false. */
bool waivers_load(waiver_file *w, const char *path, const tk_engine *e);
void waivers_free(waiver_file *w);

/* What to tell of a waiver that needs attention (expired, or stale), one sentence without
 * its place; writes nothing for a waiver that is in order. Shared by the warnings on stderr
 * and the reports' notifications. */
void waiver_attention(tk_buf *b, const tk_waiver_status *st, bool ja);

#endif
