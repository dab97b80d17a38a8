/* Test helpers: values as compact JSON (see doc_dump.h). */
#include "doc_dump.h"
#include <stdio.h>
#include <string.h>

void dump_json(const tk_doc *d, const tk_node *n, tk_buf *b) {
    switch (tk_node_kind(n)) {
    case TK_NULL: tk_buf_puts(b, "null"); break;
    case TK_BOOL: tk_buf_puts(b, tk_node_bool(n) ? "true" : "false"); break;
    case TK_UNKNOWN: tk_buf_putc(b, '?'); break;
    case TK_NUMBER: {
        tk_str s = tk_doc_str(d, n);
        tk_buf_append(b, s.p, s.len);
        break;
    }
    case TK_STRING: {
        tk_str s = tk_doc_str(d, n);
        tk_buf_putc(b, '"');
        tk_buf_append(b, s.p, s.len);
        tk_buf_putc(b, '"');
        break;
    }
    case TK_ARRAY:
    case TK_OBJECT: {
        bool obj = tk_node_kind(n) == TK_OBJECT, first = true;
        tk_buf_putc(b, obj ? '{' : '[');
        for (TK_EACH_CHILD(c, n)) {
            if (!first) tk_buf_putc(b, ',');
            first = false;
            if (obj) {
                tk_str k = tk_doc_key(d, c);
                tk_buf_append(b, k.p, k.len);
                tk_buf_putc(b, ':');
            }
            dump_json(d, c, b);
        }
        tk_buf_putc(b, obj ? '}' : ']');
        break;
    }
    default: tk_buf_puts(b, "??");
    }
}

const tk_resource *dump_find(const tk_rtable *t, const char *address) {
    for (size_t i = 0; i < t->n; i++)
        if (t->items[i].address.len == strlen(address) &&
            !memcmp(t->items[i].address.p, address, strlen(address)))
            return &t->items[i];
    return NULL;
}

const char *dump_attr(const tk_doc *d, const tk_rtable *t, const char *address, const char *path) {
    static char out[4096];
    const tk_resource *r = dump_find(t, address);
    if (!r) return "NO RESOURCE";
    const tk_node *n = r->values;
    while (n && *path) {
        const char *dot = strchr(path, '.');
        size_t len = dot ? (size_t)(dot - path) : strlen(path);
        if (tk_node_kind(n) == TK_ARRAY && len == 1 && path[0] >= '0' && path[0] <= '9')
            n = tk_doc_at(n, (uint32_t)(path[0] - '0'));
        else
            n = tk_doc_getn(d, n, path, len);
        path += len + (dot ? 1 : 0);
    }
    if (!n) return "ABSENT";
    tk_buf b;
    tk_buf_init(&b);
    dump_json(d, n, &b);
    snprintf(out, sizeof out, "%.*s", (int)b.len, b.data ? b.data : "");
    tk_buf_free(&b);
    return out;
}
