/* Baseline files: the fingerprints of the findings a project has already seen, written by
 * `--write-baseline FILE` and read by `--baseline FILE`, so that a scan reports only what is
 * new. The file is JSON, one entry per finding with its rule, address and file for people
 * who review it; only the fingerprints count. */
#ifndef TK_BASELINE_H
#define TK_BASELINE_H
#include "cli.h"

/* Reads the fingerprints of a baseline file into *fps (malloc'ed array of malloc'ed
 * strings), leaving out those whose rule_id names a rule keep() says no to (a rule this scan
 * does not run: its findings cannot be there, so they must not count as fixed). On error
 * prints "file:line:col: message" and returns false. */
bool baseline_read(const char *path, size_t max_bytes, bool (*keep)(void *, const char *rule_id),
                   void *keep_self, char ***fps, size_t *n);
void baseline_free(char **fps, size_t n);
/* Writes the scan's findings (those reported and those the baseline held) to path,
 * atomically. Prints the reason and returns false when it cannot. */
bool baseline_write(const char *path, const report *r);

#endif
