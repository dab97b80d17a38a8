/* Suppressions written in an input: "this finding is accepted, for this reason, until
 * this date". Every input family writes them its own way (a comment above a Terraform
 * block, a Kubernetes annotation, CloudFormation resource Metadata) but they mean the same:
 * rule IDs, a reason (required: an unexplained suppression is not applied), an optional
 * expiry date after which the findings are reported again, and the part of the text the
 * suppression covers. Problems become warnings at the place the suppression is written. */
#ifndef TK_SUPPRESS_H
#define TK_SUPPRESS_H
#include "buf.h"
#include "resource.h"
#include "warnlist.h"

typedef struct tk_sup_entry {
    tk_suppression s;
    uint32_t start, end; /* text range covered */
} tk_sup_entry;

typedef struct tk_sups {
    tk_sup_entry *items;
    uint32_t n, cap;
    tk_arena arena; /* rule IDs, reasons, dates */
    tk_warnlist *warn;
    char today[11];
    bool open; /* suppressions without an expiry date are applied (else they are refused) */
    bool (*rule_exists)(void *self, const char *id); /* NULL: every ID is accepted */
    void *rule_exists_self;
} tk_sups;

/* today: "YYYY-MM-DD", or NULL for the current date (UTC). */
void tk_sups_init(tk_sups *l, tk_warnlist *warn, const char *today,
                  bool (*rule_exists)(void *, const char *), void *rule_exists_self);
void tk_sups_free(tk_sups *l);

/* Splits the words of text[0..len) into a reason (words joined by one space) and an
 * "exp:DATE" word. */
void tk_sups_split_reason(const char *text, size_t len, tk_buf *reason, const char **exp,
                          size_t *exp_len);

/* Adds a suppression of the comma-separated rule IDs ids[0..ids_len) covering text
 * [start, end), written at pos. exp may be NULL. Refused (with a warning) when there is no
 * rule ID or no reason, no date (unless open), a malformed date, or an ID that names no
 * rule. One whose date has passed is kept, marked expired, with a warning. */
void tk_sups_add(tk_sups *l, const char *ids, size_t ids_len, const char *reason, size_t reason_len,
                 const char *exp, size_t exp_len, uint32_t pos, uint32_t start, uint32_t end);

/* Parses "RULE-ID[,RULE-ID]: reason [exp:YYYY-MM-DD]" (the annotation form) and adds it. */
void tk_sups_add_text(tk_sups *l, const char *text, size_t len, uint32_t pos, uint32_t start,
                      uint32_t end);

/* The suppression of rule_id that covers offset at, or res's block, or one of the module
 * calls that lead to res (one in force before an expired one); NULL if none. */
const tk_suppression *tk_sups_find(const tk_sups *l, const tk_resource *res, const char *rule_id,
                                   uint32_t at);

#endif
