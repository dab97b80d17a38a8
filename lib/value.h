/* Values of the rule condition language. Three-valued: any value may be unknown. */
#ifndef TK_VALUE_H
#define TK_VALUE_H
#include "doc.h"
#include <stdbool.h>
#include <stdint.h>

struct tk_resource;

typedef enum {
    V_NULL,    /* absent or null */
    V_BOOL,
    V_NUM,
    V_STR,
    V_NODE,    /* an array or object inside a document (possibly with an unknown-mask) */
    V_LIST,    /* a list computed by the language (wildcards, literals, joins) */
    V_UNKNOWN, /* not known before apply, or not resolvable */
} tk_vkind;

typedef struct tk_val tk_val;

typedef struct tk_vlist {
    tk_val *items;
    uint32_t n;
    bool partial; /* more elements may exist that could not be determined */
} tk_vlist;

struct tk_val {
    uint8_t kind;
    bool b;
    uint32_t slen;
    union {
        double num;
        const char *str;
        struct {
            const tk_doc *doc;
            const tk_node *node;
            const tk_node *mask; /* parallel "after_unknown" tree, or NULL */
            const struct tk_resource *res; /* set when the value is a whole resource */
        } n;
        tk_vlist *list;
    } u;
};

static inline tk_val tk_v_null(void) {
    tk_val v = {0};
    v.kind = V_NULL;
    return v;
}
static inline tk_val tk_v_unknown(void) {
    tk_val v = {0};
    v.kind = V_UNKNOWN;
    return v;
}
static inline tk_val tk_v_bool(bool b) {
    tk_val v = {0};
    v.kind = V_BOOL;
    v.b = b;
    return v;
}
static inline tk_val tk_v_num(double d) {
    tk_val v = {0};
    v.kind = V_NUM;
    v.u.num = d;
    return v;
}
static inline tk_val tk_v_str(const char *s, size_t len) {
    tk_val v = {0};
    v.kind = V_STR;
    v.u.str = s;
    v.slen = (uint32_t)len;
    return v;
}

/* Turns a document node (with its unknown-mask) into a value: scalars are unpacked,
 * containers stay references. */
tk_val tk_v_from_node(const tk_doc *d, const tk_node *n, const tk_node *mask);

#endif
