/* What every adapter of a one-document input (Kubernetes manifests, CloudFormation
 * templates) is given besides the document: how to check the rule IDs a suppression
 * names, the date suppressions expire against, and where warnings go. */
#ifndef TK_ADAPT_H
#define TK_ADAPT_H
#include "doc.h"

typedef struct tk_adapt_opts {
    const char *today; /* "YYYY-MM-DD"; NULL: the current date (UTC) */
    bool open_suppressions; /* suppressions without an expiry date are applied too */
    bool (*rule_exists)(void *self, const char *id);
    void *rule_exists_self;
    void (*warn)(void *self, const tk_doc *doc, uint32_t pos, const char *msg);
    void *warn_self;
    const char *const *params; /* "NAME=VALUE": CloudFormation parameter values (last wins) */
    size_t n_params;
} tk_adapt_opts;

#endif
