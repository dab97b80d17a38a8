/* Test helpers: a resource table's values as compact JSON (unknown is written ?), to compare
 * adapters' results with expected text. */
#ifndef TK_DOC_DUMP_H
#define TK_DOC_DUMP_H
#include "../../lib/buf.h"
#include "../../lib/resource.h"

void dump_json(const tk_doc *d, const tk_node *n, tk_buf *b);
const tk_resource *dump_find(const tk_rtable *t, const char *address);
/* The value at a dotted path (numbers index lists) of a resource, as compact JSON in a
 * static buffer; "NO RESOURCE" or "ABSENT" when there is none. */
const char *dump_attr(const tk_doc *d, const tk_rtable *t, const char *address, const char *path);

#endif
