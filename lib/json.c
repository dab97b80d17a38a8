/* JSON parser producing a tk_doc with positions.
 *
 * Iterative, so nesting depth costs heap, not C stack, and is bounded by max_depth.
 * Strings are scanned eight bytes at a time; strings without escapes are not copied. */
#include "json.h"
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_PATTERNS = 64, MAX_COMPS = 12 };
enum { ACT_SKIP = 1, ACT_DROP_NULL = 2, ACT_PRUNE = 4 };

typedef struct pattern {
    const char *comp[MAX_COMPS];
    uint8_t clen[MAX_COMPS];
    uint8_t n;
    int8_t deep;    /* index of a "**" component (then followed by one last key), or -1 */
    uint8_t action; /* ACT_* */
    const char *cond; /* "?key:" prefix: applies only if the root object has key before here */
    uint8_t cond_len;
    int8_t cond_state; /* -1 not yet known, 0 false, 1 true */
} pattern;

/* What the children of a container get, for one (parent mask, depth, kind): the patterns
 * still matching and the actions ending at a child, for each key some pattern names there
 * and for every other key (and array elements). Made once and shared by every container
 * with the same mask at that depth: all resources of a plan share a few plans. */
enum { PLAN_NAMES = 16, PLAN_CACHE = 128 };
typedef struct child_plan {
    uint64_t mask;      /* the parent's patterns (0: slot unused) */
    uint32_t depth;     /* UINT32_MAX when every pattern is below its "**" (depth-free) */
    uint8_t is_obj;
    uint8_t other_acts; /* for an element, or a member whose key no pattern names */
    uint8_t n_names;
    bool overflow;      /* more names than fit: named keys go through child_mask */
    uint64_t other_mask;
    /* Quick filter: bits of (length & 63) and (first byte & 63) of the names. */
    uint64_t name_lens, name_firsts;
    struct {
        const char *name;
        uint8_t len, acts;
        uint64_t mask;
    } names[PLAN_NAMES];
} child_plan;

typedef struct frame {
    uint32_t node;  /* index of the container node, or UINT32_MAX when suppressed */
    uint64_t mask;  /* patterns whose components matched the path so far */
    uint8_t is_obj;
    uint8_t ends_suppress;
    uint8_t mode;     /* ACT_DROP_NULL / ACT_PRUNE in force for this subtree */
    uint8_t has_true; /* a true leaf was kept below (for pruning) */
    const struct child_plan *plan; /* what its children get (NULL: nothing, mask is 0) */
} frame;

typedef struct parser {
    tk_doc *d;
    const unsigned char *base, *p, *end;
    tk_err *err;
    frame *stack;
    size_t depth, max_depth;
    pattern pat[MAX_PATTERNS];
    size_t n_pat;
    unsigned suppress;
    bool failed;
    unsigned line_breaks;   /* any line break seen */
    uint32_t continuation;  /* UTF-8 continuation bytes seen in strings so far */
    child_plan *plans;      /* PLAN_CACHE slots, open addressing (see plan_for) */
    size_t n_plans;
} parser;

/* 1: blank, 2: line break (the only place a raw line break may appear in JSON). */
static const unsigned char WS[256] = {[' '] = 1, ['\t'] = 1, ['\n'] = 2, ['\r'] = 2};

static void describe(char *out, size_t n, const unsigned char *p, const unsigned char *end) {
    if (p >= end) {
        snprintf(out, n, "end of input");
    } else if (*p >= 0x20 && *p < 0x7F) {
        snprintf(out, n, "'%c'", *p);
    } else if (*p >= 0x80) {
        size_t l = tk_utf8_seq(p, (size_t)(end - p));
        if (!l) snprintf(out, n, "invalid UTF-8 byte 0x%02X", *p);
        else snprintf(out, n, "non-ASCII character");
    } else {
        snprintf(out, n, "byte 0x%02X", *p);
    }
}

static bool fail_at(parser *ps, const unsigned char *at, const char *what) {
    if (!ps->failed) {
        char got[48];
        describe(got, sizeof got, at, ps->end);
        if (at >= ps->end)
            tk_err_set(ps->err, (size_t)(at - ps->base), "unexpected end of input: %s (truncated?)",
                       what);
        else
            tk_err_set(ps->err, (size_t)(at - ps->base), "%s, found %s", what, got);
        ps->failed = true;
    }
    return false;
}

static bool fail_msg(parser *ps, const unsigned char *at, const char *msg) {
    if (!ps->failed) {
        tk_err_set(ps->err, (size_t)(at - ps->base), "%s", msg);
        ps->failed = true;
    }
    return false;
}

static inline void skip_ws(parser *ps) {
    const unsigned char *p = ps->p, *e = ps->end;
    unsigned seen = 0;
    while (p < e && WS[*p]) seen |= WS[*p++];
    ps->line_breaks |= seen >> 1;
    ps->p = p;
}

static bool oom(parser *ps) {
    return fail_msg(ps, ps->p, "out of memory (or more than 134 million values in one document)");
}

/* ---- strings ---- */

#define ONES 0x0101010101010101ULL
#define HIGHS 0x8080808080808080ULL

static inline uint64_t load64(const unsigned char *p) {
    uint64_t v;
    memcpy(&v, p, 8);
    return v;
}

/* Nonzero if any byte of v is '"', '\\', < 0x20 or >= 0x80. */
static inline uint64_t special8(uint64_t v) {
    uint64_t q = v ^ (ONES * '"');
    uint64_t b = v ^ (ONES * '\\');
    uint64_t hq = (q - ONES) & ~q;
    uint64_t hb = (b - ONES) & ~b;
    uint64_t hc = (v - ONES * 0x20) & ~v;
    return (hq | hb | hc | v) & HIGHS;
}

static int hexval(unsigned c) {
    if (c >= '0' && c <= '9') return (int)(c - '0');
    c |= 0x20;
    if (c >= 'a' && c <= 'f') return (int)(c - 'a' + 10);
    return -1;
}

static bool read_u4(parser *ps, const unsigned char *q, uint32_t *out) {
    if (ps->end - q < 4) return fail_at(ps, ps->end, "expected four hex digits after \\u");
    uint32_t v = 0;
    for (int i = 0; i < 4; i++) {
        int h = hexval(q[i]);
        if (h < 0) return fail_at(ps, q + i, "expected a hex digit in \\u escape");
        v = v << 4 | (uint32_t)h;
    }
    *out = v;
    return true;
}

/* Decodes an escaped string [s, close) into the side buffer. */
static bool unescape(parser *ps, const unsigned char *s, const unsigned char *close,
                     uint32_t *side_off, size_t *out_len) {
    uint32_t off;
    char *dst = tk_doc_side_reserve(ps->d, (size_t)(close - s), &off);
    if (!dst) return oom(ps);
    size_t o = 0;
    const unsigned char *p = s;
    while (p < close) {
        unsigned c = *p;
        if (c != '\\') {
            if (c < 0x20) return fail_msg(ps, p, "control character in string (must be escaped)");
            if (c < 0x80) {
                dst[o++] = (char)c;
                p++;
                continue;
            }
            size_t l = tk_utf8_seq(p, (size_t)(close - p));
            if (!l) return fail_msg(ps, p, "invalid UTF-8 in string");
            memcpy(dst + o, p, l);
            o += l;
            p += l;
            continue;
        }
        unsigned e = p[1];
        switch (e) {
        case '"': dst[o++] = '"'; break;
        case '\\': dst[o++] = '\\'; break;
        case '/': dst[o++] = '/'; break;
        case 'b': dst[o++] = '\b'; break;
        case 'f': dst[o++] = '\f'; break;
        case 'n': dst[o++] = '\n'; break;
        case 'r': dst[o++] = '\r'; break;
        case 't': dst[o++] = '\t'; break;
        case 'u': {
            uint32_t cp;
            if (!read_u4(ps, p + 2, &cp)) return false;
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                uint32_t lo;
                if (close - p < 12 || p[6] != '\\' || p[7] != 'u')
                    return fail_msg(ps, p, "unpaired UTF-16 surrogate in \\u escape");
                if (!read_u4(ps, p + 8, &lo)) return false;
                if (lo < 0xDC00 || lo > 0xDFFF)
                    return fail_msg(ps, p, "unpaired UTF-16 surrogate in \\u escape");
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                p += 6;
            } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                return fail_msg(ps, p, "unpaired UTF-16 surrogate in \\u escape");
            }
            /* The encoding is never longer than the escape it replaces. */
            o += tk_utf8_encode(cp, dst + o);
            p += 4;
            break;
        }
        default: return fail_at(ps, p + 1, "invalid escape sequence in string");
        }
        p += 2;
    }
    tk_doc_side_commit(ps->d, off, o);
    *side_off = off;
    *out_len = o;
    return true;
}

/* Records how many continuation bytes precede the end of a string with multi-byte
 * characters, so positions on a single-line text need no rescanning. */
static bool note_wide(parser *ps, const unsigned char *end) {
    tk_doc *d = ps->d;
    if (d->n_wide == d->cap_wide) {
        size_t cap = d->cap_wide ? d->cap_wide * 2 : 64;
        uint32_t(*w)[2] = realloc(d->wide, cap * sizeof *w);
        if (!w) return oom(ps);
        d->wide = w;
        d->cap_wide = cap;
    }
    d->wide[d->n_wide][0] = (uint32_t)(end - ps->base);
    d->wide[d->n_wide][1] = ps->continuation;
    d->n_wide++;
    return true;
}

/* Scans a string whose opening quote is at ps->p. On return ps->p is past the closing
 * quote. *side is UINT32_MAX when the content is the raw text [open+1, open+1+len). */
static bool scan_string(parser *ps, uint32_t *side, size_t *len) {
    const unsigned char *s = ps->p + 1, *p = s, *e = ps->end;
    bool wide = false;
    for (;;) {
        /* Jump to the next byte that needs a look: 16 bytes at a time with SSE2 (every
         * x86-64 has it), 8 at a time otherwise. */
#ifdef __SSE2__
        const __m128i quote = _mm_set1_epi8('"'), bslash = _mm_set1_epi8('\\'),
                      ctl = _mm_set1_epi8(0x1F);
        while (e - p >= 16) {
            __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
            __m128i m = _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, bslash));
            m = _mm_or_si128(m, _mm_cmpeq_epi8(_mm_max_epu8(v, ctl), ctl)); /* v <= 0x1F */
            unsigned bits = (unsigned)(_mm_movemask_epi8(m) | _mm_movemask_epi8(v)); /* or >= 0x80 */
            if (bits) {
                p += __builtin_ctz(bits);
                goto found;
            }
            p += 16;
        }
#endif
        while (e - p >= 8) {
            uint64_t sp = special8(load64(p));
            if (sp) {
                p += __builtin_ctzll(sp) / 8;
                goto found;
            }
            p += 8;
        }
        while (p < e && *p != '"' && *p != '\\' && *p >= 0x20 && *p < 0x80) p++;
    found:
        if (p >= e) return fail_at(ps, e, "unterminated string");
        unsigned c = *p;
        if (c == '"') break;
        if (c == '\\') {
            /* Find the real end first, then decode into the side buffer. */
            const unsigned char *q = p;
            while (q < e && *q != '"') {
                if (*q == '\\') {
                    if (q + 1 >= e) break;
                    q += 2;
                } else {
                    q++;
                }
            }
            if (q >= e) return fail_at(ps, e, "unterminated string");
            if ((size_t)(q - s) > TK_NODE_MAX_SIZE)
                return fail_msg(ps, ps->p, "string longer than 128 MiB");
            if (!unescape(ps, s, q, side, len)) return false;
            uint32_t cont = 0;
            for (const unsigned char *r = s; r < q; r++) cont += (*r & 0xC0) == 0x80;
            if (cont) {
                ps->continuation += cont;
                if (!note_wide(ps, q)) return false;
            }
            ps->p = q + 1;
            return true;
        }
        if (c < 0x20) return fail_msg(ps, p, "control character in string (must be escaped)");
        if (c >= 0x80) {
            size_t l = tk_utf8_seq(p, (size_t)(e - p));
            if (!l) return fail_msg(ps, p, "invalid UTF-8 in string");
            p += l;
            ps->continuation += (uint32_t)(l - 1);
            wide = true;
        } else {
            p++;
        }
    }
    if (wide && !note_wide(ps, p)) return false;
    if ((size_t)(p - s) > TK_NODE_MAX_SIZE) return fail_msg(ps, ps->p, "string longer than 128 MiB");
    *side = UINT32_MAX;
    *len = (size_t)(p - s);
    ps->p = p + 1;
    return true;
}

/* The common case inline: a string of plain ASCII whose closing quote lies in the next 32
 * bytes. Anything else goes to scan_string. */
static inline __attribute__((always_inline)) bool scan_string_quick(parser *ps, uint32_t *side, size_t *len) {
#ifdef __SSE2__
    const unsigned char *s = ps->p + 1;
    if (ps->end - s >= 32) {
        const __m128i quote = _mm_set1_epi8('"'), bslash = _mm_set1_epi8('\\'), ctl = _mm_set1_epi8(0x1F);
        for (int half = 0; half < 2; half++) {
            __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + 16 * half));
            unsigned q = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, quote));
            __m128i m = _mm_or_si128(_mm_cmpeq_epi8(v, bslash), _mm_cmpeq_epi8(_mm_max_epu8(v, ctl), ctl));
            unsigned other = (unsigned)(_mm_movemask_epi8(m) | _mm_movemask_epi8(v));
            if (q && (other == 0 || __builtin_ctz(q) < __builtin_ctz(other))) {
                size_t n = 16 * (size_t)half + (size_t)__builtin_ctz(q);
                *side = UINT32_MAX;
                *len = n;
                ps->p = s + n + 1;
                return true;
            }
            if (other) break;
        }
    }
#endif
    return scan_string(ps, side, len);
}

/* ---- numbers ---- */

static bool scan_number(parser *ps, size_t *len) {
    const unsigned char *s = ps->p, *p = s, *e = ps->end;
    if (p < e && *p == '-') p++;
    if (p >= e) return fail_at(ps, p, "expected a digit");
    if (*p == '0') {
        p++;
    } else if (*p >= '1' && *p <= '9') {
        while (p < e && *p >= '0' && *p <= '9') p++;
    } else {
        return fail_at(ps, p, "expected a digit");
    }
    if (p < e && *p == '.') {
        p++;
        if (p >= e || *p < '0' || *p > '9') return fail_at(ps, p, "expected a digit after '.'");
        while (p < e && *p >= '0' && *p <= '9') p++;
    }
    if (p < e && (*p == 'e' || *p == 'E')) {
        p++;
        if (p < e && (*p == '+' || *p == '-')) p++;
        if (p >= e || *p < '0' || *p > '9') return fail_at(ps, p, "expected a digit in exponent");
        while (p < e && *p >= '0' && *p <= '9') p++;
    }
    if ((size_t)(p - s) > TK_NODE_MAX_SIZE) return fail_msg(ps, s, "number too long");
    *len = (size_t)(p - s);
    ps->p = p;
    return true;
}

/* ---- skip patterns ---- */

static inline bool same_bytes(const char *a, const char *b, size_t n) {
    for (; n >= 8; a += 8, b += 8, n -= 8)
        if (load64((const unsigned char *)a) != load64((const unsigned char *)b)) return false;
    while (n--)
        if (*a++ != *b++) return false;
    return true;
}

static void compile_patterns(parser *ps, const tk_json_opts *o) {
    ps->n_pat = 0;
    if (!o) return;
    for (size_t i = 0; i < o->n_skip && ps->n_pat < MAX_PATTERNS; i++) {
        pattern *pt = &ps->pat[ps->n_pat];
        const char *s = o->skip[i];
        memset(pt, 0, sizeof *pt);
        pt->deep = -1;
        pt->cond_state = -1;
        pt->action = ACT_SKIP;
        if (*s == '~') pt->action = ACT_DROP_NULL, s++;
        else if (*s == '!') pt->action = ACT_PRUNE, s++;
        if (*s == '?') {
            const char *colon = strchr(s, ':');
            if (!colon) continue;
            pt->cond = s + 1;
            pt->cond_len = (uint8_t)(colon - s - 1);
            s = colon + 1;
        }
        while (*s && pt->n < MAX_COMPS) {
            const char *slash = strchr(s, '/');
            size_t l = slash ? (size_t)(slash - s) : strlen(s);
            pt->comp[pt->n] = s;
            pt->clen[pt->n] = (uint8_t)(l > 255 ? 255 : l);
            pt->n++;
            s += l;
            if (*s == '/') s++;
        }
        for (int c = 0; c < pt->n; c++)
            if (pt->clen[c] == 2 && !memcmp(pt->comp[c], "**", 2)) {
                /* "**" must be followed by exactly one key; otherwise the pattern is ignored. */
                pt->deep = (c == pt->n - 2) ? (int8_t)c : -2;
                break;
            }
        if (pt->n && pt->deep != -2) ps->n_pat++;
    }
}

/* Does the root object already hold `key` (among the members before the open one)? */
static bool root_has(parser *ps, const char *key, size_t klen) {
    if (ps->depth < 2 || ps->stack[0].node != 0 || !ps->stack[0].is_obj) return false;
    const tk_node *n = ps->d->nodes, *open = &n[ps->stack[1].node];
    if (ps->stack[1].node == UINT32_MAX) return false;
    for (const tk_node *c = n + 1; c < open; c = tk_node_next(c))
        if (tk_doc_key_eq(ps->d, c, key, klen)) return true;
    return false;
}

/* Patterns of parent_mask whose component at this depth matches the child's key
 * (key NULL for an array element). *acts collects the actions of patterns that end here. */
static uint64_t child_mask(parser *ps, uint64_t parent_mask, size_t depth, const char *key,
                           size_t klen, uint8_t *acts) {
    uint64_t m = 0;
    *acts = 0;
    for (uint64_t bits = parent_mask; bits; bits &= bits - 1) {
        unsigned i = (unsigned)__builtin_ctzll(bits);
        pattern *pt = &ps->pat[i];
        bool ends;
        if (pt->deep >= 0 && depth >= (size_t)pt->deep) {
            /* Below "**": any depth; the pattern ends where the key is the last component. */
            size_t last = (size_t)pt->n - 1;
            ends = key && pt->clen[last] == klen && klen && pt->comp[last][0] == key[0] &&
                   same_bytes(pt->comp[last], key, klen);
            if (!ends) {
                m |= 1ull << i;
                continue;
            }
        } else {
            if (depth >= pt->n) continue;
            bool star = pt->clen[depth] == 1 && pt->comp[depth][0] == '*';
            bool ok = star || (key && pt->clen[depth] == klen && klen && pt->comp[depth][0] == key[0] &&
                               same_bytes(pt->comp[depth], key, klen));
            if (!ok) continue;
            ends = depth + 1 == pt->n;
            if (!ends) {
                m |= 1ull << i;
                continue;
            }
        }
        if (pt->cond) {
            if (pt->cond_state < 0) pt->cond_state = root_has(ps, pt->cond, pt->cond_len);
            if (!pt->cond_state) continue;
        }
        *acts |= pt->action;
    }
    return m;
}

/* The plan for the children of a container at `depth` with patterns `mask` and kind
 * is_obj; NULL when mask is 0, or when the cache is full (then every key is matched). */
static const child_plan *plan_for(parser *ps, uint64_t mask, size_t depth, bool is_obj) {
    if (!mask || !ps->plans) return NULL;
    /* Below "**" the outcome no longer depends on the depth. */
    bool all_deep = true;
    for (uint64_t bits = mask; bits && all_deep; bits &= bits - 1) {
        const pattern *pt = &ps->pat[__builtin_ctzll(bits)];
        all_deep = pt->deep >= 0 && depth >= (size_t)pt->deep;
    }
    uint32_t dkey = all_deep ? UINT32_MAX : (uint32_t)depth;
    uint64_t h = (mask ^ (uint64_t)dkey * 0x9E3779B97F4A7C15ull ^ (uint64_t)is_obj) * 0xFF51AFD7ED558CCDull;
    size_t slot = (size_t)(h >> 57) % PLAN_CACHE;
    for (size_t probe = 0; probe < PLAN_CACHE; probe++, slot = (slot + 1) % PLAN_CACHE) {
        child_plan *pl = &ps->plans[slot];
        if (pl->mask == mask && pl->depth == dkey && pl->is_obj == is_obj) return pl;
        if (pl->mask) continue;
        if (ps->n_plans + 1 >= PLAN_CACHE) return NULL; /* keep one slot free to end probes */
        ps->n_plans++;
        memset(pl, 0, sizeof *pl);
        pl->mask = mask;
        pl->depth = dkey;
        pl->is_obj = is_obj;
        pl->other_mask = child_mask(ps, mask, depth, NULL, 0, &pl->other_acts);
        for (uint64_t bits = is_obj ? mask : 0; bits; bits &= bits - 1) {
            const pattern *pt = &ps->pat[__builtin_ctzll(bits)];
            int c;
            if (pt->deep >= 0 && depth >= (size_t)pt->deep) c = pt->n - 1;
            else if (depth < pt->n && !(pt->clen[depth] == 1 && pt->comp[depth][0] == '*')) c = (int)depth;
            else continue;
            const char *name = pt->comp[c];
            uint8_t len = pt->clen[c];
            if (!len) continue;
            pl->name_lens |= 1ull << (len & 63);
            pl->name_firsts |= 1ull << ((unsigned char)name[0] & 63);
            bool seen = false;
            for (int k = 0; k < pl->n_names && !seen; k++)
                seen = pl->names[k].len == len && !memcmp(pl->names[k].name, name, len);
            if (seen) continue;
            if (pl->n_names == PLAN_NAMES) {
                pl->overflow = true;
                continue;
            }
            pl->names[pl->n_names].name = name;
            pl->names[pl->n_names].len = len;
            pl->names[pl->n_names].mask = child_mask(ps, mask, depth, name, len, &pl->names[pl->n_names].acts);
            pl->n_names++;
        }
        return pl;
    }
    return NULL;
}

/* ---- the parser ---- */

/* Emits a scalar unless it is suppressed, or dropped by the subtree's mode: null members
 * under ACT_DROP_NULL, members other than true under ACT_PRUNE (array elements always stay,
 * so indices keep matching). */
static inline __attribute__((always_inline)) bool emit_scalar(parser *ps, tk_kind k, uint32_t pos, uint32_t key, uint32_t key_flags,
                        uint32_t size, uint32_t side, uint32_t flags, uint8_t mode) {
    if (ps->suppress) return true;
    bool is_true = k == TK_BOOL && (flags & TK_NODE_TRUE);
    if (key != TK_NO_KEY) {
        if ((mode & ACT_DROP_NULL) && k == TK_NULL) return true;
        if ((mode & ACT_PRUNE) && !is_true) return true;
    }
    uint32_t i = tk_doc_push(ps->d, k, pos, key);
    if (i == UINT32_MAX) return oom(ps);
    tk_node *n = &ps->d->nodes[i];
    n->tag |= key_flags | flags | size << TK_NODE_SIZE_SHIFT;
    if (k == TK_STRING && (flags & TK_NODE_STR_SIDE) && !tk_doc_side_link(ps->d, i, side)) return oom(ps);
    if (is_true && ps->depth) ps->stack[ps->depth - 1].has_true = 1;
    return true;
}

bool tk_json_parse(tk_doc *d, const tk_json_opts *opts, tk_err *err) {
    parser ps;
    memset(&ps, 0, sizeof ps);
    ps.d = d;
    ps.base = ps.p = (const unsigned char *)d->text.data;
    ps.end = ps.base + d->text.len;
    ps.err = err;
    ps.max_depth = opts && opts->max_depth ? opts->max_depth : TK_JSON_DEFAULT_DEPTH;
    compile_patterns(&ps, opts);
    if (d->text.len > 0x7FFFFFFFu) return fail_msg(&ps, ps.base, "input larger than 2 GiB");
    ps.stack = malloc((ps.max_depth + 1) * sizeof(frame));
    if (!ps.stack) return oom(&ps);
    if (ps.n_pat) ps.plans = calloc(PLAN_CACHE, sizeof(child_plan)); /* NULL: match every key */
    /* A compact document has about one value per 20 bytes; reserve to avoid regrowth
     * (pages not written to are never resident). */
    if (!d->nodes) {
        size_t guess = d->text.len / 20 + 16;
        if (guess > TK_NODE_MAX_SIZE) guess = TK_NODE_MAX_SIZE;
        d->nodes = malloc(guess * sizeof(tk_node));
        if (d->nodes) d->cap_nodes = guess;
    }

    /* The place of the next value: its key, the patterns still matching, the actions of
     * patterns ending at it, and the mode inherited from its container. */
    uint32_t key = TK_NO_KEY, key_flags = 0;
    uint64_t cur_mask = ps.n_pat == 64 ? ~0ull : ((1ull << ps.n_pat) - 1);
    uint8_t acts = 0, mode = 0;

    skip_ws(&ps);
    if (ps.p >= ps.end) {
        fail_msg(&ps, ps.p, "empty input: expected a JSON value");
        goto out;
    }

value:
    /* A value begins at ps.p (whitespace already skipped). */
    {
        if (ps.p >= ps.end) {
            fail_at(&ps, ps.p, "expected a value");
            goto out;
        }
        uint32_t pos = (uint32_t)(ps.p - ps.base);
        unsigned c = *ps.p;
        bool skip_this = acts & ACT_SKIP;
        uint8_t vmode = mode | (acts & (ACT_DROP_NULL | ACT_PRUNE));
        if (skip_this) ps.suppress++;
        switch (c) {
        case '{':
        case '[': {
            if (ps.depth >= ps.max_depth) {
                char m[96];
                snprintf(m, sizeof m, "nesting deeper than %zu levels", ps.max_depth);
                fail_msg(&ps, ps.p, m);
                goto out;
            }
            uint32_t idx = UINT32_MAX;
            if (!ps.suppress) {
                idx = tk_doc_push(d, c == '{' ? TK_OBJECT : TK_ARRAY, pos, key);
                if (idx == UINT32_MAX) {
                    oom(&ps);
                    goto out;
                }
                d->nodes[idx].tag |= key_flags;
            }
            frame *f = &ps.stack[ps.depth++];
            f->node = idx;
            f->mask = ps.suppress ? 0 : cur_mask;
            f->is_obj = c == '{';
            f->ends_suppress = skip_this;
            f->mode = vmode;
            f->has_true = 0;
            f->plan = plan_for(&ps, f->mask, ps.depth - 1, f->is_obj);
            mode = vmode;
            ps.p++;
            skip_ws(&ps);
            if (ps.p < ps.end && *ps.p == (c == '{' ? '}' : ']')) goto close;
            if (c == '{') goto member;
            if (f->plan) {
                cur_mask = f->plan->other_mask;
                acts = f->plan->other_acts;
            } else {
                cur_mask = f->mask ? child_mask(&ps, f->mask, ps.depth - 1, NULL, 0, &acts) : 0;
                if (!f->mask) acts = 0;
            }
            key = TK_NO_KEY;
            key_flags = 0;
            goto value;
        }
        case '"': {
            uint32_t side;
            size_t len;
            if (!scan_string_quick(&ps, &side, &len)) goto out;
            if (!emit_scalar(&ps, TK_STRING, pos, key, key_flags, (uint32_t)len,
                             side == UINT32_MAX ? 0 : side,
                             side == UINT32_MAX ? 0 : TK_NODE_STR_SIDE, vmode))
                goto out;
            break;
        }
        case 't':
        case 'f':
        case 'n': {
            const char *lit = c == 't' ? "true" : c == 'f' ? "false" : "null";
            size_t l = c == 'f' ? 5 : 4;
            if ((size_t)(ps.end - ps.p) < l || !same_bytes((const char *)ps.p, lit, l)) {
                fail_at(&ps, ps.p, "expected a value");
                goto out;
            }
            ps.p += l;
            if (!emit_scalar(&ps, c == 'n' ? TK_NULL : TK_BOOL, pos, key, key_flags, 0, 0,
                             c == 't' ? TK_NODE_TRUE : 0, vmode))
                goto out;
            break;
        }
        default:
            if (c == '-' || (c >= '0' && c <= '9')) {
                size_t len;
                if (!scan_number(&ps, &len)) goto out;
                if (!emit_scalar(&ps, TK_NUMBER, pos, key, key_flags, (uint32_t)len, 0, 0, vmode))
                    goto out;
                break;
            }
            fail_at(&ps, ps.p, "expected a value");
            goto out;
        }
        if (skip_this) ps.suppress--;
    }

after_value:
    if (ps.depth == 0) {
        skip_ws(&ps);
        if (ps.p < ps.end) fail_at(&ps, ps.p, "expected end of input after the JSON value");
        goto out;
    }
    skip_ws(&ps);
    {
        frame *f = &ps.stack[ps.depth - 1];
        mode = f->mode;
        if (ps.p >= ps.end) {
            fail_at(&ps, ps.p, f->is_obj ? "expected ',' or '}'" : "expected ',' or ']'");
            goto out;
        }
        unsigned c = *ps.p;
        if (c == ',') {
            ps.p++;
            skip_ws(&ps);
            if (f->is_obj) goto member;
            if (f->plan) {
                cur_mask = f->plan->other_mask;
                acts = f->plan->other_acts;
            } else {
                cur_mask = f->mask ? child_mask(&ps, f->mask, ps.depth - 1, NULL, 0, &acts) : 0;
                if (!f->mask) acts = 0;
            }
            key = TK_NO_KEY;
            key_flags = 0;
            goto value;
        }
        if (c == (f->is_obj ? '}' : ']')) goto close;
        fail_at(&ps, ps.p, f->is_obj ? "expected ',' or '}' after an object member"
                                     : "expected ',' or ']' after an array element");
        goto out;
    }

member: {
    /* ps.p at the key's opening quote (whitespace skipped). */
    if (ps.p >= ps.end || *ps.p != '"') {
        fail_at(&ps, ps.p, "expected a string key");
        goto out;
    }
    frame *f = &ps.stack[ps.depth - 1];
    mode = f->mode;
    uint32_t kpos = (uint32_t)(ps.p - ps.base);
    uint32_t side;
    size_t klen;
    if (!scan_string_quick(&ps, &side, &klen)) goto out;
    if (side == UINT32_MAX) {
        key = kpos;
        key_flags = 0;
    } else {
        key = side;
        key_flags = TK_NODE_KEY_SIDE;
    }
    const char *kp = side == UINT32_MAX ? (const char *)ps.base + kpos + 1 : d->side + side + 4;
    const child_plan *pl = f->plan;
    if (!pl) {
        cur_mask = f->mask ? child_mask(&ps, f->mask, ps.depth - 1, kp, klen, &acts) : 0;
        if (!f->mask) acts = 0;
    } else if (klen && (pl->name_lens >> (klen & 63) & 1) &&
               (pl->name_firsts >> ((unsigned char)kp[0] & 63) & 1)) {
        cur_mask = pl->other_mask;
        acts = pl->other_acts;
        int k = 0;
        while (k < pl->n_names && !(pl->names[k].len == klen && same_bytes(pl->names[k].name, kp, klen))) k++;
        if (k < pl->n_names) {
            cur_mask = pl->names[k].mask;
            acts = pl->names[k].acts;
        } else if (pl->overflow) {
            cur_mask = child_mask(&ps, f->mask, ps.depth - 1, kp, klen, &acts);
        }
    } else {
        cur_mask = pl->other_mask;
        acts = pl->other_acts;
    }
    skip_ws(&ps);
    if (ps.p >= ps.end || *ps.p != ':') {
        fail_at(&ps, ps.p, "expected ':' after object key");
        goto out;
    }
    ps.p++;
    skip_ws(&ps);
    goto value;
}

close: {
    frame *f = &ps.stack[--ps.depth];
    ps.p++;
    if (f->node != UINT32_MAX) {
        tk_node *n = &d->nodes[f->node];
        if ((f->mode & ACT_PRUNE) && !f->has_true && n->key != TK_NO_KEY) {
            /* An unknown-mask member with nothing unknown below says nothing: drop it. */
            d->n_nodes = f->node;
            while (d->n_side_index && d->side_index[d->n_side_index - 1].node >= f->node)
                d->n_side_index--;
        } else {
            size_t span = d->n_nodes - f->node;
            if (span > TK_NODE_MAX_SIZE) {
                oom(&ps);
                goto out;
            }
            n->tag |= (uint32_t)span << TK_NODE_SIZE_SHIFT;
            if (f->has_true && ps.depth) ps.stack[ps.depth - 1].has_true = 1;
        }
    }
    if (f->ends_suppress) ps.suppress--;
    if (ps.depth) mode = ps.stack[ps.depth - 1].mode;
    goto after_value;
}

out:
    free(ps.stack);
    free(ps.plans);
    if (ps.failed) {
        d->n_nodes = 0;
        return false;
    }
    d->one_line = !ps.line_breaks;
    return true;
}
