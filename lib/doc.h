/* The document model shared by every input format: a tree of nodes with source positions.
 *
 * Nodes live in one contiguous array in document order (a "tape"): a container is followed
 * by its children, and its size field says how many nodes its subtree holds, so skipping a
 * subtree is one addition and the children of a container are the nodes up to its end. A
 * node is 12 bytes. Strings and object keys are not copied: they point into the decoded
 * input text; only strings that contained escape sequences (and every YAML scalar) live in a
 * side buffer, found through a small index sorted by node. The node stores the byte offset of
 * its first character; line and column are computed on demand (tk_doc_locate), which costs
 * nothing while parsing.
 */
#ifndef TK_DOC_H
#define TK_DOC_H
#include "arena.h"
#include "text.h"
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef enum {
    TK_NULL = 0,
    TK_BOOL = 1,
    TK_NUMBER = 2,
    TK_STRING = 3,
    TK_ARRAY = 4,
    TK_OBJECT = 5,
    TK_UNKNOWN = 6, /* a value known only after apply, or not resolvable statically */
} tk_kind;

enum {
    TK_NODE_KIND_MASK = 7,
    TK_NODE_TRUE = 8,       /* TK_BOOL: the value is true */
    TK_NODE_STR_SIDE = 8,   /* TK_STRING: content is in the side buffer (was escaped) */
    TK_NODE_KEY_SIDE = 16,  /* the member key is in the side buffer */
    TK_NODE_SIZE_SHIFT = 5, /* upper 27 bits: subtree size (containers) or byte length */
    TK_NODE_MAX_SIZE = (1u << 27) - 1,
    TK_NO_KEY = 0xFFFFFFFFu,
};

typedef struct tk_node {
    uint32_t tag; /* kind | flags | size << 5 */
    uint32_t pos; /* byte offset of the value's first character in the text */
    uint32_t key; /* member key: text offset of its opening quote, or side offset; TK_NO_KEY */
} tk_node;

/* Where the content of a side-buffer string lives (entries sorted by node index). */
typedef struct tk_side_ref {
    uint32_t node, off;
} tk_side_ref;

/* One file of a document made of several (Terraform source: every .tf file of the
 * modules involved, laid end to end, each starting on a new line). */
typedef struct tk_doc_file {
    uint32_t start;      /* offset of its first byte in the document's text */
    unsigned first_line; /* line of that byte in the whole text (0 until computed) */
    const char *path;
} tk_doc_file;

typedef struct tk_doc {
    const char *path; /* name used in messages */
    tk_text text;
    tk_node *nodes;
    size_t n_nodes, cap_nodes;
    char *side; /* unescaped strings: [u32 length][bytes][NUL] records */
    size_t side_len, side_cap;
    tk_side_ref *side_index; /* node -> side offset, for strings kept in the side buffer */
    size_t n_side_index, cap_side_index;
    tk_locator loc;
    tk_arena arena; /* for owned extras (tags, YAML scalars) */
    /* Filled by the JSON parser: a text on one line (the usual `terraform show -json`)
     * locates in O(log n) from where its multi-byte characters are. */
    bool one_line;
    uint32_t (*wide)[2]; /* (end offset of a string, continuation bytes up to there) */
    size_t n_wide, cap_wide;
    tk_doc_file *files; /* sorted by start; none for a document of one file */
    size_t n_files, cap_files;
    /* YAML tags (!Ref, !!str, ...) of the nodes that have one, sorted by node index. */
    struct tk_node_tag {
        uint32_t node;
        const char *tag;
    } * tags;
    size_t n_tags, cap_tags;
} tk_doc;

typedef struct tk_str {
    const char *p;
    size_t len;
} tk_str;

static inline tk_kind tk_node_kind(const tk_node *n) {
    return (tk_kind)(n->tag & TK_NODE_KIND_MASK);
}
static inline uint32_t tk_node_size(const tk_node *n) {
    return n->tag >> TK_NODE_SIZE_SHIFT;
}
/* Number of nodes in the subtree rooted at n (1 for scalars). */
static inline uint32_t tk_node_span(const tk_node *n) {
    tk_kind k = tk_node_kind(n);
    return (k == TK_ARRAY || k == TK_OBJECT) ? tk_node_size(n) : 1;
}
static inline const tk_node *tk_node_next(const tk_node *n) {
    return n + tk_node_span(n);
}
static inline bool tk_node_bool(const tk_node *n) {
    return tk_node_kind(n) == TK_BOOL && (n->tag & TK_NODE_TRUE);
}
/* Number of children of a container (walks them; 0 for scalars). */
static inline uint32_t tk_node_count(const tk_node *n) {
    tk_kind k = tk_node_kind(n);
    if (k != TK_ARRAY && k != TK_OBJECT) return 0;
    uint32_t c = 0;
    const tk_node *end = n + tk_node_size(n);
    for (const tk_node *e = n + 1; e < end; e = tk_node_next(e)) c++;
    return c;
}
static inline const tk_node *tk_node_first(const tk_node *n) {
    tk_kind k = tk_node_kind(n);
    return (k == TK_ARRAY || k == TK_OBJECT) && tk_node_size(n) > 1 ? n + 1 : NULL;
}
/* One past the last node of n's subtree. */
static inline const tk_node *tk_node_end(const tk_node *n) {
    return n + tk_node_span(n);
}
/* The largest text offset in n's subtree (where its last value starts). */
static inline uint32_t tk_node_last_pos(const tk_node *n) {
    uint32_t end = n->pos;
    for (const tk_node *e = tk_node_end(n); n < e; n++)
        if (n->pos > end) end = n->pos;
    return end;
}
/* Iterates over the children of container n: for (TK_EACH_CHILD(c, n)) ... */
#define TK_EACH_CHILD(c, n)                                                                        \
    const tk_node *c = (n) + 1, *c##_end_ = tk_node_end(n);                                        \
    c < c##_end_;                                                                                  \
    c = tk_node_next(c)

void tk_doc_init(tk_doc *d, const char *path);
void tk_doc_free(tk_doc *d);
static inline const tk_node *tk_doc_root(const tk_doc *d) {
    return d->n_nodes ? &d->nodes[0] : NULL;
}

/* String content of a TK_STRING node, or the source text of a TK_NUMBER node. */
tk_str tk_doc_str(const tk_doc *d, const tk_node *n);
/* Member key of a node inside an object (len 0 and p "" if none). */
tk_str tk_doc_key(const tk_doc *d, const tk_node *n);
/* True when n is an object member whose key equals k[0..klen). */
bool tk_doc_key_eq(const tk_doc *d, const tk_node *n, const char *k, size_t klen);
/* Member of an object by key, or NULL. Linear in the number of members. */
const tk_node *tk_doc_getn(const tk_doc *d, const tk_node *obj, const char *key, size_t klen);
static inline const tk_node *tk_doc_get(const tk_doc *d, const tk_node *obj, const char *key) {
    return tk_doc_getn(d, obj, key, strlen(key)); /* strlen of a literal folds away */
}
/* i-th element of an array (or member of an object), or NULL. */
const tk_node *tk_doc_at(const tk_node *arr, uint32_t i);
bool tk_doc_number(const tk_doc *d, const tk_node *n, double *out);
/* Compares a string node with s. */
bool tk_doc_str_eq(const tk_doc *d, const tk_node *n, const char *s);
void tk_doc_locate(tk_doc *d, size_t offset, unsigned *line, unsigned *col);
/* The YAML tag of a node ("!Ref", "tag:yaml.org,2002:str"), or NULL. */
const char *tk_doc_tag(const tk_doc *d, const tk_node *n);
/* Gives node idx (pushed after every node tagged so far) a tag; the string is copied. */
bool tk_doc_set_tag(tk_doc *d, uint32_t idx, const char *tag);
/* Records that a file named path starts at offset start (files are added in order). */
bool tk_doc_add_file(tk_doc *d, const char *path, uint32_t start);
/* Like tk_doc_locate, with the line counted within the file the offset falls in; returns
 * that file's path (d->path for a one-file document). */
const char *tk_doc_locate_file(tk_doc *d, size_t offset, unsigned *line, unsigned *col);

/* ---- building (used by the parsers) ---- */
/* Appends a node; returns its index or UINT32_MAX when out of memory or too large. */
uint32_t tk_doc_push_grow(tk_doc *d, tk_kind kind, uint32_t pos, uint32_t key); /* when full */
static inline uint32_t tk_doc_push(tk_doc *d, tk_kind kind, uint32_t pos, uint32_t key) {
    if (d->n_nodes == d->cap_nodes) return tk_doc_push_grow(d, kind, pos, key);
    tk_node *n = &d->nodes[d->n_nodes];
    n->tag = (uint32_t)kind;
    n->pos = pos;
    n->key = key;
    return (uint32_t)d->n_nodes++;
}
/* Copies bytes into the side buffer; returns the record offset or UINT32_MAX. */
uint32_t tk_doc_side_add(tk_doc *d, const char *p, size_t len);
/* Reserves len bytes for a side string to be filled by the caller. */
char *tk_doc_side_reserve(tk_doc *d, size_t len, uint32_t *off);
void tk_doc_side_commit(tk_doc *d, uint32_t off, size_t len);
/* Records that node idx (pushed last, or later than any recorded one) is a side string. */
bool tk_doc_side_link(tk_doc *d, uint32_t idx, uint32_t off);
/* Appends a copy of the subtree rooted at node src (strings, keys, positions and tags
 * shared with the original). The copy keeps src's member key when keep_key is true and has
 * none otherwise. Returns the copy's index, or UINT32_MAX when out of memory. Node pointers
 * taken before the call may be invalid after it. */
uint32_t tk_doc_copy(tk_doc *d, uint32_t src, bool keep_key);
/* Gives node idx the member key key[0..klen) (copied to the side buffer). */
bool tk_doc_set_key(tk_doc *d, uint32_t idx, const char *key, size_t klen);
/* Side-buffer offset of a node flagged TK_NODE_STR_SIDE. */
uint32_t tk_doc_side_of(const tk_doc *d, const tk_node *n);

#endif
