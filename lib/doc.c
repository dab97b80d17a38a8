/* The document model shared by every input format (see doc.h for the layout). */
#include "doc.h"
#include <stdlib.h>
#include <string.h>

void tk_doc_init(tk_doc *d, const char *path) {
    memset(d, 0, sizeof *d);
    d->path = path;
    tk_arena_init(&d->arena);
}

void tk_doc_free(tk_doc *d) {
    free(d->nodes);
    free(d->side);
    free(d->side_index);
    free(d->wide);
    free(d->files);
    free(d->tags);
    tk_text_free(&d->text);
    tk_locator_free(&d->loc);
    tk_arena_free(&d->arena);
    memset(d, 0, sizeof *d);
}

uint32_t tk_doc_push_grow(tk_doc *d, tk_kind kind, uint32_t pos, uint32_t key) {
    if (d->n_nodes == d->cap_nodes) {
        if (d->cap_nodes >= TK_NODE_MAX_SIZE) return UINT32_MAX;
        size_t cap = d->cap_nodes ? d->cap_nodes + d->cap_nodes / 2 : 256;
        if (cap > TK_NODE_MAX_SIZE) cap = TK_NODE_MAX_SIZE;
        tk_node *p = realloc(d->nodes, cap * sizeof *p);
        if (!p) return UINT32_MAX;
        d->nodes = p;
        d->cap_nodes = cap;
    }
    tk_node *n = &d->nodes[d->n_nodes];
    n->tag = (uint32_t)kind;
    n->pos = pos;
    n->key = key;
    return (uint32_t)d->n_nodes++;
}

char *tk_doc_side_reserve(tk_doc *d, size_t len, uint32_t *off) {
    size_t need = 4 + len + 1;
    if (len > TK_NODE_MAX_SIZE || d->side_len + need > UINT32_MAX / 2) return NULL;
    if (d->side_len + need > d->side_cap) {
        size_t cap = d->side_cap ? d->side_cap * 2 : 4096;
        while (cap < d->side_len + need) cap *= 2;
        char *p = realloc(d->side, cap);
        if (!p) return NULL;
        d->side = p;
        d->side_cap = cap;
    }
    *off = (uint32_t)d->side_len;
    return d->side + d->side_len + 4;
}

void tk_doc_side_commit(tk_doc *d, uint32_t off, size_t len) {
    uint32_t l32 = (uint32_t)len;
    memcpy(d->side + off, &l32, 4);
    d->side[off + 4 + len] = 0;
    d->side_len = off + 4 + len + 1;
}

uint32_t tk_doc_side_add(tk_doc *d, const char *p, size_t len) {
    uint32_t off;
    char *dst = tk_doc_side_reserve(d, len, &off);
    if (!dst) return UINT32_MAX;
    if (len) memcpy(dst, p, len);
    tk_doc_side_commit(d, off, len);
    return off;
}

bool tk_doc_side_link(tk_doc *d, uint32_t idx, uint32_t off) {
    if (d->n_side_index == d->cap_side_index) {
        size_t cap = d->cap_side_index ? d->cap_side_index * 2 : 256;
        tk_side_ref *p = realloc(d->side_index, cap * sizeof *p);
        if (!p) return false;
        d->side_index = p;
        d->cap_side_index = cap;
    }
    d->side_index[d->n_side_index++] = (tk_side_ref){idx, off};
    return true;
}

/* Index of the first side-buffer entry for a node at or after idx. */
static size_t side_lower_bound(const tk_doc *d, uint32_t idx) {
    size_t lo = 0, hi = d->n_side_index;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (d->side_index[mid].node < idx)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

uint32_t tk_doc_side_of(const tk_doc *d, const tk_node *n) {
    /* present by construction */
    return d->side_index[side_lower_bound(d, (uint32_t)(n - d->nodes))].off;
}

static tk_str side_str(const tk_doc *d, uint32_t off) {
    uint32_t len;
    memcpy(&len, d->side + off, 4);
    return (tk_str){d->side + off + 4, len};
}

tk_str tk_doc_str(const tk_doc *d, const tk_node *n) {
    tk_kind k = tk_node_kind(n);
    if (k == TK_STRING) {
        if (n->tag & TK_NODE_STR_SIDE) return side_str(d, tk_doc_side_of(d, n));
        return (tk_str){d->text.data + n->pos + 1, tk_node_size(n)};
    }
    if (k == TK_NUMBER) {
        if (n->tag & TK_NODE_STR_SIDE) return side_str(d, tk_doc_side_of(d, n));
        return (tk_str){d->text.data + n->pos, tk_node_size(n)};
    }
    return (tk_str){"", 0};
}

tk_str tk_doc_key(const tk_doc *d, const tk_node *n) {
    if (n->key == TK_NO_KEY) return (tk_str){"", 0};
    if (n->tag & TK_NODE_KEY_SIDE) return side_str(d, n->key);
    /* An unescaped key ends at the first quote after the opening one. */
    const char *s = d->text.data + n->key + 1;
    const char *e = memchr(s, '"', d->text.len - n->key - 1);
    return (tk_str){s, e ? (size_t)(e - s) : 0};
}

bool tk_doc_key_eq(const tk_doc *d, const tk_node *n, const char *k, size_t klen) {
    if (n->key == TK_NO_KEY) return false;
    if (n->tag & TK_NODE_KEY_SIDE) {
        tk_str s = side_str(d, n->key);
        return s.len == klen && memcmp(s.p, k, klen) == 0;
    }
    const char *s = d->text.data + n->key + 1;
    size_t avail = d->text.len - n->key - 1;
    /* The closing quote must follow exactly klen bytes: most mismatches stop here, before
     * comparing any bytes. */
    if (avail <= klen || s[klen] != '"') return false;
    for (size_t i = 0; i < klen; i++)
        if (s[i] != k[i]) return false;
    return true;
}

const tk_node *tk_doc_getn(const tk_doc *d, const tk_node *obj, const char *key, size_t klen) {
    if (!obj || tk_node_kind(obj) != TK_OBJECT || klen == 0) {
        if (obj && tk_node_kind(obj) == TK_OBJECT)
            for (TK_EACH_CHILD(c, obj))
                if (tk_doc_key_eq(d, c, key, klen)) return c;
        return NULL;
    }
    const char *text = d->text.data;
    size_t tlen = d->text.len;
    char k0 = key[0];
    for (TK_EACH_CHILD(c, obj)) {
        if ((c->tag & TK_NODE_KEY_SIDE) || c->key == TK_NO_KEY) {
            if (tk_doc_key_eq(d, c, key, klen)) return c;
            continue;
        }
        /* Keys in the text: first byte, then the closing quote right after klen bytes. */
        const char *s = text + c->key + 1;
        if (s[0] != k0 || c->key + 1 + klen >= tlen || s[klen] != '"') continue;
        if (memcmp(s, key, klen) == 0) return c;
    }
    return NULL;
}

const tk_node *tk_doc_at(const tk_node *arr, uint32_t i) {
    if (!arr) return NULL;
    tk_kind k = tk_node_kind(arr);
    if (k != TK_ARRAY && k != TK_OBJECT) return NULL;
    for (TK_EACH_CHILD(c, arr))
        if (i-- == 0) return c;
    return NULL;
}

bool tk_doc_number(const tk_doc *d, const tk_node *n, double *out) {
    if (tk_node_kind(n) != TK_NUMBER) return false;
    tk_str s = tk_doc_str(d, n);
    char tmp[64];
    if (s.len == 0 || s.len >= sizeof tmp) {
        /* Very long numerals: parse from a heap copy. */
        char *h = malloc(s.len + 1);
        if (!h) return false;
        memcpy(h, s.p, s.len);
        h[s.len] = 0;
        char *end;
        *out = strtod(h, &end);
        bool ok = end != h;
        free(h);
        return ok;
    }
    memcpy(tmp, s.p, s.len);
    tmp[s.len] = 0;
    char *end;
    *out = strtod(tmp, &end);
    return end != tmp;
}

bool tk_doc_str_eq(const tk_doc *d, const tk_node *n, const char *s) {
    if (tk_node_kind(n) != TK_STRING) return false;
    tk_str v = tk_doc_str(d, n);
    size_t l = strlen(s);
    return v.len == l && memcmp(v.p, s, l) == 0;
}

void tk_doc_locate(tk_doc *d, size_t offset, unsigned *line, unsigned *col) {
    if (d->one_line && offset <= d->text.len) {
        /* Column = characters before offset = bytes - continuation bytes, and continuation
         * bytes only occur inside strings, whose totals the parser recorded. */
        size_t lo = 0, hi = d->n_wide;
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (d->wide[mid][0] <= offset)
                lo = mid + 1;
            else
                hi = mid;
        }
        uint32_t cont = lo ? d->wide[lo - 1][1] : 0;
        *line = 1;
        *col = (unsigned)(offset - cont + 1);
        return;
    }
    if (!d->loc.text) tk_locator_init(&d->loc, d->text.data, d->text.len);
    tk_locate(&d->loc, offset, line, col);
}

bool tk_doc_add_file(tk_doc *d, const char *path, uint32_t start) {
    if (d->n_files == d->cap_files) {
        size_t cap = d->cap_files ? d->cap_files * 2 : 8;
        tk_doc_file *f = realloc(d->files, cap * sizeof *f);
        if (!f) return false;
        d->files = f;
        d->cap_files = cap;
    }
    const char *p = tk_arena_strdup(&d->arena, path);
    if (!p) return false;
    d->files[d->n_files++] = (tk_doc_file){start, 0, p};
    return true;
}

const char *tk_doc_locate_file(tk_doc *d, size_t offset, unsigned *line, unsigned *col) {
    tk_doc_locate(d, offset, line, col);
    if (!d->n_files) return d->path;
    size_t lo = 0, hi = d->n_files;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (d->files[mid].start <= offset)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (!lo) return d->path;
    tk_doc_file *f = &d->files[lo - 1];
    if (!f->first_line) {
        unsigned c;
        tk_doc_locate(d, f->start, &f->first_line, &c);
    }
    *line = *line - f->first_line + 1;
    return f->path;
}

const char *tk_doc_tag(const tk_doc *d, const tk_node *n) {
    if (!d->n_tags) return NULL;
    uint32_t idx = (uint32_t)(n - d->nodes);
    size_t lo = 0, hi = d->n_tags;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (d->tags[mid].node < idx)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < d->n_tags && d->tags[lo].node == idx ? d->tags[lo].tag : NULL;
}

bool tk_doc_set_tag(tk_doc *d, uint32_t idx, const char *tag) {
    if (d->n_tags && d->tags[d->n_tags - 1].node >= idx) return false;
    if (d->n_tags == d->cap_tags) {
        size_t cap = d->cap_tags ? d->cap_tags * 2 : 16;
        struct tk_node_tag *t = realloc(d->tags, cap * sizeof *t);
        if (!t) return false;
        d->tags = t;
        d->cap_tags = cap;
    }
    const char *copy = tk_arena_strdup(&d->arena, tag);
    if (!copy) return false;
    d->tags[d->n_tags++] = (struct tk_node_tag){idx, copy};
    return true;
}

uint32_t tk_doc_copy(tk_doc *d, uint32_t src, bool keep_key) {
    uint32_t span = tk_node_span(&d->nodes[src]);
    uint32_t first = UINT32_MAX;
    /* The subtree's side strings are consecutive entries of the index, in node order. */
    size_t side = side_lower_bound(d, src);
    for (uint32_t i = 0; i < span; i++) {
        tk_node n = d->nodes[src + i]; /* by value: pushing may move the array */
        if (i == 0 && !keep_key) {
            n.key = TK_NO_KEY;
            n.tag &= ~(uint32_t)TK_NODE_KEY_SIDE;
        }
        uint32_t at = tk_doc_push(d, TK_NULL, n.pos, n.key);
        if (at == UINT32_MAX) return UINT32_MAX;
        d->nodes[at].tag = n.tag;
        if (i == 0) first = at;
        tk_kind k = (tk_kind)(n.tag & TK_NODE_KIND_MASK);
        if ((k == TK_STRING || k == TK_NUMBER) && (n.tag & TK_NODE_STR_SIDE)) {
            while (side < d->n_side_index && d->side_index[side].node < src + i) side++;
            if (side >= d->n_side_index || !tk_doc_side_link(d, at, d->side_index[side].off))
                return UINT32_MAX;
        }
        const char *tag = d->n_tags ? tk_doc_tag(d, &d->nodes[src + i]) : NULL;
        if (tag && !tk_doc_set_tag(d, at, tag)) return UINT32_MAX;
    }
    return first;
}

bool tk_doc_set_key(tk_doc *d, uint32_t idx, const char *key, size_t klen) {
    uint32_t off = tk_doc_side_add(d, key, klen);
    if (off == UINT32_MAX) return false;
    d->nodes[idx].key = off;
    d->nodes[idx].tag |= TK_NODE_KEY_SIDE;
    return true;
}
