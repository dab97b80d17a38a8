/* YAML reader: libyaml's event stream turned into a tk_doc with positions. */
#include "yaml.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

typedef struct yframe {
    uint32_t node;
    bool is_map;
    bool want_key; /* mappings alternate key, value */
    uint32_t key, key_flags;
} yframe;

typedef struct anchor {
    char *name;
    uint32_t first, span; /* node range of the anchored subtree */
} anchor;

typedef struct yparser {
    tk_doc *d;
    tk_err *err;
    size_t *line_start; /* byte offset of each line, for libyaml's character marks */
    size_t n_lines;
    size_t last_line, last_column, last_offset; /* the last mark located */
    yframe *stack;
    size_t depth, max_depth;
    anchor *anchors;
    size_t n_anchors, cap_anchors;
    size_t alias_budget;
    bool failed;
} yparser;

static size_t mark_offset(yparser *y, yaml_mark_t m) {
    if (m.line >= y->n_lines) return y->d->text.len;
    size_t off = y->line_start[m.line], c = 0;
    /* Events come in order: on the line of the last mark, continue from it. */
    if (m.line == y->last_line && m.column >= y->last_column) {
        off = y->last_offset;
        c = y->last_column;
    }
    const unsigned char *t = (const unsigned char *)y->d->text.data;
    size_t len = y->d->text.len;
    for (; c < m.column && off < len; c++) {
        size_t l = t[off] < 0x80 ? 1 : tk_utf8_seq(t + off, len - off);
        off += l ? l : 1;
    }
    y->last_line = m.line;
    y->last_column = c;
    y->last_offset = off;
    return off;
}

static bool yfail(yparser *y, size_t off, const char *fmt, const char *arg) {
    if (!y->failed) {
        tk_err_set(y->err, off, fmt, arg);
        y->failed = true;
    }
    return false;
}

static bool is_plain_null(const char *s, size_t n) {
    return n == 0 || (n == 1 && s[0] == '~') ||
           (n == 4 && (!memcmp(s, "null", 4) || !memcmp(s, "Null", 4) || !memcmp(s, "NULL", 4)));
}

static int plain_bool(const char *s, size_t n) {
    if (n == 4 && (!memcmp(s, "true", 4) || !memcmp(s, "True", 4) || !memcmp(s, "TRUE", 4)))
        return 1;
    if (n == 5 && (!memcmp(s, "false", 5) || !memcmp(s, "False", 5) || !memcmp(s, "FALSE", 5)))
        return 0;
    return -1;
}

static bool plain_number(const char *s, size_t n) {
    size_t i = 0;
    if (i < n && (s[i] == '-' || s[i] == '+')) i++;
    size_t digits = 0;
    while (i < n && s[i] >= '0' && s[i] <= '9') i++, digits++;
    if (i < n && s[i] == '.') {
        i++;
        while (i < n && s[i] >= '0' && s[i] <= '9') i++, digits++;
    }
    if (!digits) return false;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        if (i < n && (s[i] == '-' || s[i] == '+')) i++;
        size_t ed = 0;
        while (i < n && s[i] >= '0' && s[i] <= '9') i++, ed++;
        if (!ed) return false;
    }
    return i == n;
}

static bool push_node(yparser *y, tk_kind k, size_t off, uint32_t *idx) {
    yframe *f = y->depth ? &y->stack[y->depth - 1] : NULL;
    uint32_t key = TK_NO_KEY, kflags = 0;
    if (f && f->is_map) {
        key = f->key;
        kflags = f->key_flags;
    }
    uint32_t i = tk_doc_push(y->d, k, (uint32_t)off, key);
    if (i == UINT32_MAX) return yfail(y, off, "%s", "out of memory");
    y->d->nodes[i].tag |= kflags;
    if (f && f->is_map) f->want_key = true;
    *idx = i;
    return true;
}

static bool add_anchor(yparser *y, const unsigned char *name, uint32_t first) {
    if (!name) return true;
    if (y->n_anchors == y->cap_anchors) {
        size_t cap = y->cap_anchors ? y->cap_anchors * 2 : 16;
        anchor *a = realloc(y->anchors, cap * sizeof *a);
        if (!a) return yfail(y, 0, "%s", "out of memory");
        y->anchors = a;
        y->cap_anchors = cap;
    }
    char *n = strdup((const char *)name);
    if (!n) return yfail(y, 0, "%s", "out of memory");
    y->anchors[y->n_anchors++] = (anchor){n, first, 0};
    return true;
}

static void close_anchor(yparser *y, uint32_t first) {
    for (size_t i = y->n_anchors; i-- > 0;)
        if (y->anchors[i].first == first && y->anchors[i].span == 0) {
            y->anchors[i].span = tk_node_span(&y->d->nodes[first]);
            return;
        }
}

/* Records whether a map key was given; keys must be scalars here. */
static bool take_key(yparser *y, yaml_event_t *ev, size_t off) {
    yframe *f = &y->stack[y->depth - 1];
    if (ev->type != YAML_SCALAR_EVENT)
        return yfail(y, off, "%s", "complex mapping keys are not supported");
    uint32_t side =
        tk_doc_side_add(y->d, (const char *)ev->data.scalar.value, ev->data.scalar.length);
    if (side == UINT32_MAX) return yfail(y, off, "%s", "out of memory");
    f->key = side;
    f->key_flags = TK_NODE_KEY_SIDE;
    f->want_key = false;
    return true;
}

/* Where the key of member c is written: the last occurrence of its text between the end of
 * the previous member (lo) and the value; the value itself when the key is written
 * differently (escaped, or a block scalar). */
static uint32_t key_offset(const tk_doc *d, const tk_node *c, tk_str k, uint32_t lo) {
    const char *t = d->text.data;
    if (!k.len || c->pos > d->text.len) return c->pos;
    for (uint32_t at = c->pos; at-- > lo;)
        if (at + k.len <= c->pos && !memcmp(t + at, k.p, k.len)) return at;
    return c->pos;
}

static bool check_duplicates(yparser *y, uint32_t map) {
    tk_doc *d = y->d;
    const tk_node *m = &d->nodes[map];
    uint32_t n = tk_node_count(m);
    if (n < 2) return true;
    /* Small open-addressing set of member indices keyed by key hash. */
    size_t cap = 16;
    while (cap < (size_t)n * 2) cap *= 2;
    uint32_t stack[64];
    uint32_t *slots = cap <= 64 ? stack : malloc(cap * sizeof *slots);
    if (!slots) return yfail(y, m->pos, "%s", "out of memory");
    memset(slots, 0xFF, cap * sizeof *slots);
    bool ok = true;
    uint32_t lo = m->pos;
    for (TK_EACH_CHILD(c, m)) {
        tk_str k = tk_doc_key(d, c);
        uint64_t h = 1469598103934665603ULL;
        for (size_t j = 0; j < k.len; j++) h = (h ^ (unsigned char)k.p[j]) * 1099511628211ULL;
        size_t s = (size_t)h & (cap - 1);
        while (slots[s] != UINT32_MAX) {
            tk_str o = tk_doc_key(d, &d->nodes[slots[s]]);
            if (o.len == k.len && memcmp(o.p, k.p, k.len) == 0) {
                char name[80];
                snprintf(name, sizeof name, "%.*s", (int)(k.len > 60 ? 60 : k.len), k.p);
                ok = yfail(y, key_offset(d, c, k, lo), "duplicate key '%s' in mapping", name);
                break;
            }
            s = (s + 1) & (cap - 1);
        }
        if (!ok) break;
        slots[s] = (uint32_t)(c - d->nodes);
        lo = tk_node_last_pos(c) + 1;
    }
    if (slots != stack) free(slots);
    return ok;
}

static bool expand_alias(yparser *y, yaml_event_t *ev, size_t off) {
    const char *name = (const char *)ev->data.alias.anchor;
    anchor *a = NULL;
    for (size_t i = y->n_anchors; i-- > 0;)
        if (strcmp(y->anchors[i].name, name) == 0) {
            a = &y->anchors[i];
            break;
        }
    if (!a) return yfail(y, off, "unknown alias '*%s'", name);
    if (a->span == 0) return yfail(y, off, "alias '*%s' refers to an enclosing node", name);
    if (a->span > y->alias_budget)
        return yfail(y, off, "alias '*%s' expands beyond the alias expansion limit", name);
    y->alias_budget -= a->span;
    uint32_t first = a->first, span = a->span, idx;
    tk_node root = y->d->nodes[first];
    if (!push_node(y, tk_node_kind(&root), off, &idx)) return false;
    tk_node *dst = &y->d->nodes[idx];
    uint32_t keep_key = dst->key, keep_flags = dst->tag & TK_NODE_KEY_SIDE;
    *dst = root;
    dst->key = keep_key;
    dst->tag = (dst->tag & ~(uint32_t)TK_NODE_KEY_SIDE) | keep_flags;
    dst->pos = (uint32_t)off;
    /* The root copy may itself be a side string: link it too. */
    /* Side strings are immutable: a copy links to the same text. */
    if ((root.tag & TK_NODE_STR_SIDE) &&
        (tk_node_kind(&root) == TK_STRING || tk_node_kind(&root) == TK_NUMBER) &&
        !tk_doc_side_link(y->d, idx, tk_doc_side_of(y->d, &y->d->nodes[first])))
        return yfail(y, off, "%s", "out of memory");
    const char *rt = tk_doc_tag(y->d, &y->d->nodes[first]);
    if (rt && !tk_doc_set_tag(y->d, idx, rt)) return yfail(y, off, "%s", "out of memory");
    for (uint32_t i = 1; i < span; i++) {
        uint32_t j = tk_doc_push(y->d, TK_NULL, 0, 0);
        if (j == UINT32_MAX) return yfail(y, off, "%s", "out of memory");
        y->d->nodes[j] = y->d->nodes[first + i];
        const tk_node *src = &y->d->nodes[first + i];
        if ((src->tag & TK_NODE_STR_SIDE) &&
            (tk_node_kind(src) == TK_STRING || tk_node_kind(src) == TK_NUMBER) &&
            !tk_doc_side_link(y->d, j, tk_doc_side_of(y->d, src)))
            return yfail(y, off, "%s", "out of memory");
        const char *st = tk_doc_tag(y->d, src);
        if (st && !tk_doc_set_tag(y->d, j, st)) return yfail(y, off, "%s", "out of memory");
    }
    return true;
}

static bool build_lines(yparser *y) {
    const char *t = y->d->text.data;
    size_t len = y->d->text.len, n = 1;
    for (size_t i = 0; i < len; i++)
        if (t[i] == '\n' || (t[i] == '\r' && (i + 1 >= len || t[i + 1] != '\n'))) n++;
    y->line_start = malloc(n * sizeof(size_t));
    if (!y->line_start) return yfail(y, 0, "%s", "out of memory");
    size_t k = 0;
    y->line_start[k++] = 0;
    for (size_t i = 0; i < len; i++)
        if (t[i] == '\n' || (t[i] == '\r' && (i + 1 >= len || t[i + 1] != '\n')))
            y->line_start[k++] = i + 1;
    y->n_lines = k;
    return true;
}

bool tk_yaml_parse(tk_doc *d, const tk_yaml_opts *opts, tk_err *err) {
    yparser y;
    memset(&y, 0, sizeof y);
    y.d = d;
    y.err = err;
    y.max_depth = opts && opts->max_depth ? opts->max_depth : 256;
    y.alias_budget = opts && opts->max_alias_nodes ? opts->max_alias_nodes : 100000;
    size_t bad;
    if (!tk_utf8_validate(d->text.data, d->text.len, &bad)) {
        tk_err_set(err, bad, "invalid UTF-8");
        return false;
    }
    if (!build_lines(&y)) return false;
    y.stack = malloc((y.max_depth + 2) * sizeof(yframe));
    yaml_parser_t p;
    if (!y.stack || !yaml_parser_initialize(&p)) {
        free(y.stack);
        free(y.line_start);
        tk_err_set(err, 0, "out of memory");
        return false;
    }
    yaml_parser_set_input_string(&p, (const unsigned char *)d->text.data, d->text.len);
    yaml_parser_set_encoding(&p, YAML_UTF8_ENCODING);

    bool done = false;
    while (!done && !y.failed) {
        yaml_event_t ev;
        if (!yaml_parser_parse(&p, &ev)) {
            size_t off = mark_offset(&y, p.problem_mark);
            char msg[200];
            /* libyaml's message for a tab is about tokens; say what is wrong. */
            size_t t = off;
            while (t > 0 && t < d->text.len && d->text.data[t] != '\t' &&
                   d->text.data[t - 1] == ' ')
                t--;
            if (off < d->text.len && (d->text.data[off] == '\t' || d->text.data[t] == '\t')) {
                yfail(&y, d->text.data[off] == '\t' ? off : t, "%s",
                      "a tab character cannot indent YAML (use spaces)");
                break;
            }
            if (p.context)
                snprintf(msg, sizeof msg, "%s %s", p.problem ? p.problem : "syntax error",
                         p.context);
            else
                snprintf(msg, sizeof msg, "%s", p.problem ? p.problem : "syntax error");
            yfail(&y, off, "%s", msg);
            break;
        }
        size_t off = mark_offset(&y, ev.start_mark);
        yframe *top = y.depth ? &y.stack[y.depth - 1] : NULL;
        switch (ev.type) {
        case YAML_STREAM_START_EVENT: {
            /* The stream is an array of documents. */
            uint32_t idx;
            if (push_node(&y, TK_ARRAY, 0, &idx)) {
                y.stack[y.depth++] = (yframe){idx, false, false, TK_NO_KEY, 0};
            }
            break;
        }
        case YAML_STREAM_END_EVENT: {
            yframe *f = &y.stack[--y.depth];
            tk_node *n = &d->nodes[f->node];
            n->tag |= (uint32_t)(d->n_nodes - f->node) << TK_NODE_SIZE_SHIFT;
            done = true;
            break;
        }
        case YAML_DOCUMENT_START_EVENT:
        case YAML_DOCUMENT_END_EVENT: break;
        case YAML_MAPPING_START_EVENT:
        case YAML_SEQUENCE_START_EVENT: {
            if (top && top->is_map && top->want_key) {
                yfail(&y, off, "%s", "complex mapping keys are not supported");
                break;
            }
            if (y.depth > y.max_depth) {
                char m[64];
                snprintf(m, sizeof m, "%zu", y.max_depth);
                yfail(&y, off, "nesting deeper than %s levels", m);
                break;
            }
            bool map = ev.type == YAML_MAPPING_START_EVENT;
            uint32_t idx;
            if (!push_node(&y, map ? TK_OBJECT : TK_ARRAY, off, &idx)) break;
            const unsigned char *tag = map ? ev.data.mapping_start.tag : ev.data.sequence_start.tag;
            if (tag && !tk_doc_set_tag(d, idx, (const char *)tag)) {
                yfail(&y, off, "%s", "out of memory");
                break;
            }
            const unsigned char *anc =
                map ? ev.data.mapping_start.anchor : ev.data.sequence_start.anchor;
            if (!add_anchor(&y, anc, idx)) break;
            y.stack[y.depth++] = (yframe){idx, map, map, TK_NO_KEY, 0};
            break;
        }
        case YAML_MAPPING_END_EVENT:
        case YAML_SEQUENCE_END_EVENT: {
            yframe *f = &y.stack[--y.depth];
            tk_node *n = &d->nodes[f->node];
            size_t span = d->n_nodes - f->node;
            if (span > TK_NODE_MAX_SIZE) {
                yfail(&y, off, "%s", "document too large");
                break;
            }
            n->tag |= (uint32_t)span << TK_NODE_SIZE_SHIFT;
            close_anchor(&y, f->node);
            if (f->is_map) check_duplicates(&y, f->node);
            break;
        }
        case YAML_SCALAR_EVENT: {
            if (top && top->is_map && top->want_key) {
                take_key(&y, &ev, off);
                break;
            }
            const char *s = (const char *)ev.data.scalar.value;
            size_t n = ev.data.scalar.length;
            bool plain = ev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE && !ev.data.scalar.tag;
            tk_kind k = TK_STRING;
            int b = -1;
            if (plain) {
                if (is_plain_null(s, n))
                    k = TK_NULL;
                else if ((b = plain_bool(s, n)) >= 0)
                    k = TK_BOOL;
                else if (plain_number(s, n))
                    k = TK_NUMBER;
            }
            uint32_t idx;
            if (!push_node(&y, k, off, &idx)) break;
            if (ev.data.scalar.tag && !tk_doc_set_tag(d, idx, (const char *)ev.data.scalar.tag)) {
                yfail(&y, off, "%s", "out of memory");
                break;
            }
            tk_node *nd = &d->nodes[idx];
            if (k == TK_BOOL && b == 1) nd->tag |= TK_NODE_TRUE;
            if (k == TK_STRING || k == TK_NUMBER) {
                if (n > TK_NODE_MAX_SIZE) {
                    yfail(&y, off, "%s", "scalar longer than 128 MiB");
                    break;
                }
                uint32_t side = tk_doc_side_add(d, s, n);
                if (side == UINT32_MAX) {
                    yfail(&y, off, "%s", "out of memory");
                    break;
                }
                nd = &d->nodes[idx];
                nd->tag |= TK_NODE_STR_SIDE | (uint32_t)n << TK_NODE_SIZE_SHIFT;
                if (!tk_doc_side_link(d, idx, side)) {
                    yfail(&y, off, "%s", "out of memory");
                    break;
                }
            }
            if (!add_anchor(&y, ev.data.scalar.anchor, idx)) break;
            close_anchor(&y, idx);
            break;
        }
        case YAML_ALIAS_EVENT:
            if (top && top->is_map && top->want_key) {
                yfail(&y, off, "%s", "aliases as mapping keys are not supported");
                break;
            }
            expand_alias(&y, &ev, off);
            break;
        default: break;
        }
        yaml_event_delete(&ev);
    }
    yaml_parser_delete(&p);
    for (size_t i = 0; i < y.n_anchors; i++) free(y.anchors[i].name);
    free(y.anchors);
    free(y.stack);
    free(y.line_start);
    if (y.failed) d->n_nodes = 0;
    return !y.failed;
}
