/* HCL native syntax parser: recursive descent over an on-demand lexer.
 *
 * Newlines end attributes and object elements but mean nothing inside parentheses, tuple
 * brackets, function arguments, index brackets and interpolations; the parser keeps a flag
 * saying which applies, and the lexer skips newlines when told to. Templates (quoted
 * strings and heredocs) are read character by character, switching back to the expression
 * parser inside ${...} and %{...}. Recursion is bounded by max_depth, so hostile nesting
 * is an error, not a stack overflow. */
#include "hcl.h"
#include "buf.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef enum {
    T_EOF,
    T_NL,
    T_IDENT,
    T_NUM,
    T_QUOTE,   /* an opening '"' */
    T_HEREDOC, /* "<<" or "<<-" and a marker */
    T_PUNCT,
} tok_type;

/* Multi-character punctuation; single characters are their own code. */
enum { P_AND = 256, P_OR, P_EQ, P_NE, P_LE, P_GE, P_ARROW, P_ELLIPSIS };

typedef struct tok {
    tok_type t;
    int punct;
    size_t pos, end; /* local offsets */
} tok;

typedef struct hp {
    tk_arena *a;
    const char *s;
    size_t len;
    uint32_t base;
    size_t p;
    bool skip_nl; /* newlines are whitespace here */
    unsigned depth, max_depth;
    tk_err *err;
    bool failed;
    tok la; /* lookahead cache */
    size_t la_p;
    bool la_valid, la_skip_nl;
    hcl_comment *comments;
    uint32_t n_comments, cap_comments;
    size_t last_comment;
} hp;

/* ---- errors ---- */

static void describe(const hp *ps, const tok *t, char *out, size_t n) {
    switch (t->t) {
    case T_EOF: snprintf(out, n, "end of file"); break;
    case T_NL: snprintf(out, n, "a line break"); break;
    case T_IDENT:
        snprintf(out, n, "'%.*s'", (int)(t->end - t->pos > 40 ? 40 : t->end - t->pos),
                 ps->s + t->pos);
        break;
    case T_NUM: snprintf(out, n, "a number"); break;
    case T_QUOTE: snprintf(out, n, "a string"); break;
    case T_HEREDOC: snprintf(out, n, "a heredoc"); break;
    default: {
        unsigned char c = (unsigned char)ps->s[t->pos];
        if (t->end - t->pos > 1)
            snprintf(out, n, "'%.*s'", (int)(t->end - t->pos), ps->s + t->pos);
        else if (c >= 0x20 && c < 0x7F)
            snprintf(out, n, "'%c'", c);
        else
            snprintf(out, n, "byte 0x%02X", c);
    }
    }
}

static bool fail_at(hp *ps, size_t local, const char *fmt, const char *arg) {
    if (!ps->failed) {
        ps->failed = true;
        ps->err->offset = ps->base + local;
        snprintf(ps->err->msg, sizeof ps->err->msg, fmt, arg);
    }
    return false;
}

static void *fail_null(hp *ps, size_t local, const char *fmt, const char *arg) {
    fail_at(ps, local, fmt, arg);
    return NULL;
}

static bool expected(hp *ps, const tok *t, const char *what) {
    char got[64], msg[160];
    describe(ps, t, got, sizeof got);
    snprintf(msg, sizeof msg, "expected %s, found %s", what, got);
    return fail_at(ps, t->pos, "%s", msg);
}

static bool oom(hp *ps) {
    return fail_at(ps, ps->p, "%s", "out of memory");
}

/* ---- lexer ---- */

static bool is_id_start(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
}
static bool is_id_char(unsigned char c) {
    return is_id_start(c) || (c >= '0' && c <= '9') || c == '-';
}
static bool is_digit(unsigned char c) {
    return c >= '0' && c <= '9';
}

static void note_comment(hp *ps, size_t marker, size_t from, size_t to) {
    if (from < ps->last_comment) return; /* seen already (lexed again after a peek) */
    ps->last_comment = to;
    static const char mark[] = "tenken:";
    const char *t = ps->s + from;
    size_t n = to - from;
    bool mentions = false;
    for (size_t i = 0; i + sizeof mark - 1 <= n && !mentions; i++)
        mentions = memcmp(t + i, mark, sizeof mark - 1) == 0;
    if (!mentions) return;
    if (ps->n_comments == ps->cap_comments) {
        uint32_t cap = ps->cap_comments ? ps->cap_comments * 2 : 8;
        hcl_comment *c = tk_arena_array(ps->a, cap, sizeof *c);
        if (!c) return;
        if (ps->n_comments) memcpy(c, ps->comments, ps->n_comments * sizeof *c);
        ps->comments = c;
        ps->cap_comments = cap;
    }
    ps->comments[ps->n_comments++] = (hcl_comment){t, (uint32_t)n, ps->base + (uint32_t)marker};
}

/* Skips blanks and comments (and newlines when skip_nl). Returns false on an unterminated
 * comment. */
static bool skip_space(hp *ps, size_t *pp, bool skip_nl) {
    const char *s = ps->s;
    size_t p = *pp, n = ps->len;
    for (;;) {
        while (p < n &&
               (s[p] == ' ' || s[p] == '\t' || (s[p] == '\r' && p + 1 < n && s[p + 1] == '\n')))
            p++;
        if (p < n && s[p] == '\n' && skip_nl) {
            p++;
            continue;
        }
        if (p < n && (s[p] == '#' || (s[p] == '/' && p + 1 < n && s[p + 1] == '/'))) {
            size_t p0 = p, from = p + (s[p] == '#' ? 1 : 2);
            while (p < n && s[p] != '\n') p++;
            size_t to = p > from && s[p - 1] == '\r' ? p - 1 : p;
            note_comment(ps, p0, from, to);
            continue; /* the newline stays: a line comment ends a line */
        }
        if (p + 1 < n && s[p] == '/' && s[p + 1] == '*') {
            size_t start = p;
            p += 2;
            while (p + 1 < n && !(s[p] == '*' && s[p + 1] == '/')) p++;
            if (p + 1 >= n) {
                *pp = start;
                return fail_at(ps, start, "%s", "unterminated /* comment");
            }
            p += 2;
            continue;
        }
        break;
    }
    *pp = p;
    return true;
}

static tok lex_at(hp *ps, size_t p, bool skip_nl) {
    tok t = {T_EOF, 0, p, p};
    if (!skip_space(ps, &p, skip_nl)) {
        t.pos = t.end = p;
        return t;
    }
    const char *s = ps->s;
    size_t n = ps->len;
    t.pos = p;
    if (p >= n) {
        t.end = p;
        return t;
    }
    unsigned char c = (unsigned char)s[p];
    if (c == '\n' || c == '\r') {
        t.t = T_NL;
        t.end = p + (c == '\r' ? 2 : 1);
        return t;
    }
    if (is_id_start(c)) {
        p++;
        while (p < n && is_id_char((unsigned char)s[p])) p++;
        t.t = T_IDENT;
        t.end = p;
        return t;
    }
    if (is_digit(c)) {
        while (p < n && is_digit((unsigned char)s[p])) p++;
        if (p + 1 < n && s[p] == '.' && is_digit((unsigned char)s[p + 1])) {
            p++;
            while (p < n && is_digit((unsigned char)s[p])) p++;
        }
        if (p < n && (s[p] == 'e' || s[p] == 'E')) {
            size_t q = p + 1;
            if (q < n && (s[q] == '+' || s[q] == '-')) q++;
            if (q < n && is_digit((unsigned char)s[q])) {
                p = q;
                while (p < n && is_digit((unsigned char)s[p])) p++;
            }
        }
        t.t = T_NUM;
        t.end = p;
        return t;
    }
    if (c == '"') {
        t.t = T_QUOTE;
        t.end = p + 1;
        return t;
    }
    if (c == '<' && p + 1 < n && s[p + 1] == '<') {
        size_t q = p + 2;
        if (q < n && s[q] == '-') q++;
        if (q < n && is_id_start((unsigned char)s[q])) {
            while (q < n && is_id_char((unsigned char)s[q])) q++;
            t.t = T_HEREDOC;
            t.end = q;
            return t;
        }
    }
    t.t = T_PUNCT;
    t.punct = c;
    t.end = p + 1;
    char d = p + 1 < n ? s[p + 1] : 0;
    switch (c) {
    case '&':
        if (d == '&') t.punct = P_AND, t.end = p + 2;
        break;
    case '|':
        if (d == '|') t.punct = P_OR, t.end = p + 2;
        break;
    case '=':
        if (d == '=')
            t.punct = P_EQ, t.end = p + 2;
        else if (d == '>')
            t.punct = P_ARROW, t.end = p + 2;
        break;
    case '!':
        if (d == '=') t.punct = P_NE, t.end = p + 2;
        break;
    case '<':
        if (d == '=') t.punct = P_LE, t.end = p + 2;
        break;
    case '>':
        if (d == '=') t.punct = P_GE, t.end = p + 2;
        break;
    case '.':
        if (d == '.' && p + 2 < n && s[p + 2] == '.') t.punct = P_ELLIPSIS, t.end = p + 3;
        break;
    default: break;
    }
    return t;
}

static const tok *peek(hp *ps) {
    if (!ps->la_valid || ps->la_p != ps->p || ps->la_skip_nl != ps->skip_nl) {
        ps->la = lex_at(ps, ps->p, ps->skip_nl);
        ps->la_p = ps->p;
        ps->la_skip_nl = ps->skip_nl;
        ps->la_valid = true;
    }
    return &ps->la;
}

static tok next(hp *ps) {
    tok t = *peek(ps);
    ps->p = t.end;
    return t;
}

static bool is_punct(const tok *t, int c) {
    return t->t == T_PUNCT && t->punct == c;
}
static bool is_word(const hp *ps, const tok *t, const char *w) {
    size_t l = strlen(w);
    return t->t == T_IDENT && t->end - t->pos == l && memcmp(ps->s + t->pos, w, l) == 0;
}

static bool expect_punct(hp *ps, int c, const char *what) {
    const tok *t = peek(ps);
    if (!is_punct(t, c)) return expected(ps, t, what);
    next(ps);
    return true;
}

/* ---- building ---- */

static hcl_expr *mk(hp *ps, hcl_kind k, size_t pos) {
    hcl_expr *e = tk_arena_alloc(ps->a, sizeof *e);
    if (!e) return oom(ps), NULL;
    e->kind = (uint8_t)k;
    e->pos = ps->base + (uint32_t)pos;
    e->end = e->pos;
    return e;
}

static void finish(hp *ps, hcl_expr *e) {
    e->end = ps->base + (uint32_t)ps->p;
}

/* A growable list of expressions, copied into the arena when done. */
typedef struct elist {
    hcl_expr **v;
    uint32_t n, cap;
} elist;

static bool elist_push(hp *ps, elist *l, hcl_expr *e) {
    if (l->n == l->cap) {
        uint32_t cap = l->cap ? l->cap * 2 : 4;
        if (cap > (1u << 24)) return oom(ps);
        hcl_expr **v = realloc(l->v, cap * sizeof *v);
        if (!v) return oom(ps);
        l->v = v;
        l->cap = cap;
    }
    l->v[l->n++] = e;
    return true;
}

static bool elist_done(hp *ps, elist *l, hcl_expr *into) {
    into->n = l->n;
    into->items = tk_arena_array(ps->a, l->n ? l->n : 1, sizeof *into->items);
    if (!into->items) {
        free(l->v);
        return oom(ps);
    }
    if (l->n) memcpy(into->items, l->v, l->n * sizeof *l->v);
    free(l->v);
    l->v = NULL;
    return true;
}

static bool enter(hp *ps, size_t at) {
    if (++ps->depth > ps->max_depth) {
        char m[64];
        snprintf(m, sizeof m, "nesting deeper than %u levels", ps->max_depth);
        return fail_at(ps, at, "%s", m);
    }
    return true;
}

/* ---- expressions ---- */

static hcl_expr *parse_expr(hp *ps);
static hcl_expr *parse_quoted(hp *ps, size_t open);
static hcl_expr *parse_heredoc(hp *ps, const tok *t);

static hcl_expr *lit_string(hp *ps, size_t pos, const char *s, size_t len) {
    hcl_expr *e = mk(ps, HX_LIT, pos);
    if (!e) return NULL;
    e->lit.kind = HL_STRING;
    e->lit.s = tk_arena_strndup(ps->a, s, len);
    e->lit.len = (uint32_t)len;
    if (!e->lit.s) return oom(ps), NULL;
    return e;
}

static hcl_expr *parse_number(hp *ps, const tok *t) {
    hcl_expr *e = mk(ps, HX_LIT, t->pos);
    if (!e) return NULL;
    e->lit.kind = HL_NUMBER;
    e->lit.s = ps->s + t->pos;
    e->lit.len = (uint32_t)(t->end - t->pos);
    char tmp[64];
    size_t l = e->lit.len < sizeof tmp - 1 ? e->lit.len : sizeof tmp - 1;
    memcpy(tmp, e->lit.s, l);
    tmp[l] = 0;
    e->lit.num = strtod(tmp, NULL);
    finish(ps, e);
    return e;
}

/* Restores the newline mode on scope exit. */
#define WITH_NL(ps, mode, body)                                                                    \
    do {                                                                                           \
        bool saved_nl_ = (ps)->skip_nl;                                                            \
        (ps)->skip_nl = (mode);                                                                    \
        body;                                                                                      \
        (ps)->skip_nl = saved_nl_;                                                                 \
    } while (0)

/* "for" starting a for expression: the word and then an identifier. */
static bool at_for(hp *ps) {
    const tok *t = peek(ps);
    if (!is_word(ps, t, "for")) return false;
    tok u = lex_at(ps, t->end, true);
    return u.t == T_IDENT;
}

static hcl_expr *parse_for(hp *ps, size_t open, char kind) {
    hcl_expr *e = mk(ps, HX_FOR, open);
    if (!e) return NULL;
    e->op = (uint8_t)kind;
    next(ps); /* for */
    tok id = next(ps);
    e->name = ps->s + id.pos;
    e->nlen = (uint32_t)(id.end - id.pos);
    if (is_punct(peek(ps), ',')) {
        next(ps);
        tok id2 = next(ps);
        if (id2.t != T_IDENT) return expected(ps, &id2, "a variable name after ','"), NULL;
        e->name2 = ps->s + id2.pos;
        e->n2len = (uint32_t)(id2.end - id2.pos);
    }
    tok in = next(ps);
    if (!is_word(ps, &in, "in")) return expected(ps, &in, "'in'"), NULL;
    if (!(e->a = parse_expr(ps))) return NULL;
    if (!expect_punct(ps, ':', "':' after the collection of a for expression")) return NULL;
    if (!(e->b = parse_expr(ps))) return NULL;
    if (kind == '{') {
        if (!expect_punct(ps, P_ARROW, "'=>' in a for expression that builds an object"))
            return NULL;
        if (!(e->c = parse_expr(ps))) return NULL;
        if (is_punct(peek(ps), P_ELLIPSIS)) {
            next(ps);
            e->flags |= HCL_FOR_GROUP;
        }
    }
    if (is_word(ps, peek(ps), "if")) {
        next(ps);
        if (!(e->d = parse_expr(ps))) return NULL;
    }
    if (!expect_punct(ps, kind == '[' ? ']' : '}',
                      kind == '[' ? "']' ending the for expression"
                                  : "'}' ending the for expression"))
        return NULL;
    finish(ps, e);
    return e;
}

static hcl_expr *parse_tuple(hp *ps, size_t open) {
    hcl_expr *e = NULL;
    WITH_NL(ps, true, {
        if (at_for(ps)) {
            e = parse_for(ps, open, '[');
        } else {
            e = mk(ps, HX_TUPLE, open);
            elist l = {0};
            while (e && !is_punct(peek(ps), ']')) {
                hcl_expr *x = parse_expr(ps);
                if (!x || !elist_push(ps, &l, x)) {
                    e = NULL;
                    break;
                }
                if (is_punct(peek(ps), ','))
                    next(ps);
                else if (!is_punct(peek(ps), ']')) {
                    expected(ps, peek(ps), "',' or ']' in a list");
                    e = NULL;
                }
            }
            if (e) {
                next(ps);
                if (!elist_done(ps, &l, e))
                    e = NULL;
                else
                    finish(ps, e);
            } else {
                free(l.v);
            }
        }
    });
    return e;
}

static void skip_newlines(hp *ps) {
    while (peek(ps)->t == T_NL) next(ps);
}

static hcl_expr *parse_object(hp *ps, size_t open) {
    /* A for expression may start after line breaks too. */
    bool is_for = false;
    WITH_NL(ps, true, { is_for = at_for(ps); });
    if (is_for) {
        hcl_expr *e = NULL;
        WITH_NL(ps, true, { e = parse_for(ps, open, '{'); });
        return e;
    }
    hcl_expr *e = mk(ps, HX_OBJECT, open);
    if (!e) return NULL;
    elist l = {0};
    bool ok = true;
    WITH_NL(ps, false, {
        for (;;) {
            skip_newlines(ps);
            const tok *t = peek(ps);
            if (is_punct(t, '}')) break;
            hcl_expr *key = NULL;
            /* A bare identifier before '=' or ':' names the key literally. */
            if (t->t == T_IDENT) {
                tok after = lex_at(ps, t->end, false);
                if (is_punct(&after, '=') || is_punct(&after, ':')) {
                    tok id = next(ps);
                    key = lit_string(ps, id.pos, ps->s + id.pos, id.end - id.pos);
                }
            }
            if (!key) key = parse_expr(ps);
            if (!key) {
                ok = false;
                break;
            }
            t = peek(ps);
            if (!is_punct(t, '=') && !is_punct(t, ':')) {
                ok = expected(ps, t, "'=' or ':' after an object key");
                break;
            }
            next(ps);
            hcl_expr *val = parse_expr(ps);
            if (!val || !elist_push(ps, &l, key) || !elist_push(ps, &l, val)) {
                ok = false;
                break;
            }
            t = peek(ps);
            if (is_punct(t, ',')) {
                next(ps);
            } else if (t->t == T_NL) {
                skip_newlines(ps);
            } else if (!is_punct(t, '}')) {
                ok = expected(ps, t, "',', a line break or '}' after an object element");
                break;
            }
        }
    });
    if (!ok) {
        free(l.v);
        return NULL;
    }
    next(ps); /* } */
    if (!elist_done(ps, &l, e)) return NULL;
    finish(ps, e);
    return e;
}

static hcl_expr *parse_call(hp *ps, size_t pos, const char *name, size_t nlen) {
    hcl_expr *e = mk(ps, HX_CALL, pos);
    if (!e) return NULL;
    e->name = name;
    e->nlen = (uint32_t)nlen;
    next(ps); /* ( */
    elist l = {0};
    bool ok = true;
    WITH_NL(ps, true, {
        while (!is_punct(peek(ps), ')')) {
            hcl_expr *x = parse_expr(ps);
            if (!x || !elist_push(ps, &l, x)) {
                ok = false;
                break;
            }
            const tok *t = peek(ps);
            if (is_punct(t, P_ELLIPSIS)) {
                next(ps);
                e->flags |= HCL_EXPAND_LAST;
                if (!is_punct(peek(ps), ')')) {
                    ok = expected(ps, peek(ps), "')' after '...'");
                    break;
                }
            } else if (is_punct(t, ',')) {
                next(ps);
            } else if (!is_punct(t, ')')) {
                ok = expected(ps, t, "',' or ')' in the arguments of a function call");
                break;
            }
        }
        if (ok) next(ps);
    });
    if (!ok) {
        free(l.v);
        return NULL;
    }
    if (!elist_done(ps, &l, e)) return NULL;
    finish(ps, e);
    return e;
}

static hcl_expr *parse_primary(hp *ps) {
    tok t = *peek(ps);
    switch (t.t) {
    case T_NUM: next(ps); return parse_number(ps, &t);
    case T_QUOTE: next(ps); return parse_quoted(ps, t.pos);
    case T_HEREDOC: next(ps); return parse_heredoc(ps, &t);
    case T_IDENT: {
        next(ps);
        const char *w = ps->s + t.pos;
        size_t wl = t.end - t.pos;
        if ((wl == 4 && !memcmp(w, "true", 4)) || (wl == 5 && !memcmp(w, "false", 5)) ||
            (wl == 4 && !memcmp(w, "null", 4))) {
            hcl_expr *e = mk(ps, HX_LIT, t.pos);
            if (!e) return NULL;
            e->lit.kind = w[0] == 'n' ? HL_NULL : HL_BOOL;
            e->lit.b = w[0] == 't';
            finish(ps, e);
            return e;
        }
        /* Namespaced function names: provider::aws::arn_parse. */
        size_t end = t.end;
        while (end + 2 < ps->len && ps->s[end] == ':' && ps->s[end + 1] == ':' &&
               is_id_start((unsigned char)ps->s[end + 2])) {
            end += 2;
            while (end < ps->len && is_id_char((unsigned char)ps->s[end])) end++;
        }
        if (end != t.end) {
            ps->p = end;
            if (!is_punct(peek(ps), '('))
                return expected(ps, peek(ps), "'(' after a function name"), NULL;
        }
        if (is_punct(peek(ps), '(')) return parse_call(ps, t.pos, w, end - t.pos);
        hcl_expr *e = mk(ps, HX_VAR, t.pos);
        if (!e) return NULL;
        e->name = w;
        e->nlen = (uint32_t)wl;
        finish(ps, e);
        return e;
    }
    case T_PUNCT:
        if (t.punct == '(') {
            next(ps);
            hcl_expr *e = mk(ps, HX_PAREN, t.pos);
            if (!e) return NULL;
            WITH_NL(ps, true, {
                e->a = parse_expr(ps);
                if (e->a && !expect_punct(ps, ')', "')'")) e->a = NULL;
            });
            if (!e->a) return NULL;
            finish(ps, e);
            return e;
        }
        if (t.punct == '[') {
            next(ps);
            return parse_tuple(ps, t.pos);
        }
        if (t.punct == '{') {
            next(ps);
            return parse_object(ps, t.pos);
        }
        break;
    default: break;
    }
    return expected(ps, &t, "an expression"), NULL;
}

/* An integer after '.' (the legacy index form a.0). */
static hcl_expr *legacy_index(hp *ps, hcl_expr *on, const tok *num) {
    for (size_t i = num->pos; i < num->end; i++)
        if (!is_digit((unsigned char)ps->s[i]))
            return expected(ps, num, "an attribute name or index after '.'"), NULL;
    hcl_expr *e = mk(ps, HX_INDEX, on->pos - ps->base);
    if (!e) return NULL;
    e->a = on;
    e->b = parse_number(ps, num);
    if (!e->b) return NULL;
    finish(ps, e);
    return e;
}

static hcl_expr *parse_traversal(hp *ps, hcl_expr *e, int splat);

/* [*] (full = true) or .* after `src`: the traversal after it applies to each element. */
static hcl_expr *parse_splat(hp *ps, hcl_expr *src, bool full) {
    hcl_expr *s = mk(ps, HX_SPLAT, src->pos - ps->base);
    hcl_expr *item = mk(ps, HX_ITEM, ps->p);
    if (!s || !item) return NULL;
    s->op = full;
    s->a = src;
    s->b = parse_traversal(ps, item, full ? 2 : 1);
    if (!s->b) return NULL;
    finish(ps, s);
    return s;
}

/* Applies .name, [index], .0, [*] and .* to e. splat: 0 outside a splat, 1 inside an
 * attribute-only splat (only .name continues it), 2 inside a full splat. */
static hcl_expr *parse_traversal(hp *ps, hcl_expr *e, int splat) {
    for (;;) {
        const tok *t = peek(ps);
        if (is_punct(t, '.')) {
            tok after = lex_at(ps, t->end, false);
            if (after.pos != t->end)
                return expected(ps, &after, "an attribute name right after '.'"), NULL;
            if (after.t == T_IDENT) {
                next(ps);
                next(ps);
                hcl_expr *g = mk(ps, HX_GETATTR, e->pos - ps->base);
                if (!g) return NULL;
                g->a = e;
                g->name = ps->s + after.pos;
                g->nlen = (uint32_t)(after.end - after.pos);
                finish(ps, g);
                e = g;
                continue;
            }
            if (splat == 1) return e;
            if (after.t == T_NUM) {
                next(ps);
                next(ps);
                if (!(e = legacy_index(ps, e, &after))) return NULL;
                continue;
            }
            if (is_punct(&after, '*')) {
                next(ps);
                next(ps);
                hcl_expr *s = parse_splat(ps, e, false);
                if (!s) return NULL;
                if (splat) return s;
                e = s;
                continue;
            }
            return expected(ps, &after, "an attribute name, an index or '*' after '.'"), NULL;
        }
        if (is_punct(t, '[')) {
            if (splat == 1) return e;
            size_t open = t->pos;
            next(ps);
            bool star = false;
            hcl_expr *idx = NULL;
            WITH_NL(ps, true, {
                const tok *u = peek(ps);
                if (is_punct(u, '*')) {
                    tok v = lex_at(ps, u->end, true);
                    if (is_punct(&v, ']')) {
                        next(ps);
                        next(ps);
                        star = true;
                    }
                }
                if (!star) {
                    idx = parse_expr(ps);
                    if (idx && !expect_punct(ps, ']', "']' after an index")) idx = NULL;
                }
            });
            if (star) {
                hcl_expr *s = parse_splat(ps, e, true);
                if (!s) return NULL;
                if (splat) return s;
                e = s;
                continue;
            }
            if (!idx) return NULL;
            hcl_expr *x = mk(ps, HX_INDEX, e->pos - ps->base);
            if (!x) return NULL;
            (void)open;
            x->a = e;
            x->b = idx;
            finish(ps, x);
            e = x;
            continue;
        }
        return e;
    }
}

static hcl_expr *parse_unary(hp *ps) {
    const tok *t = peek(ps);
    if (is_punct(t, '-') || is_punct(t, '!')) {
        tok op = next(ps);
        if (!enter(ps, op.pos)) return NULL;
        hcl_expr *e = mk(ps, HX_UNARY, op.pos);
        if (!e) return NULL;
        e->op = (uint8_t)op.punct;
        e->a = parse_unary(ps);
        ps->depth--;
        if (!e->a) return NULL;
        finish(ps, e);
        return e;
    }
    hcl_expr *p = parse_primary(ps);
    return p ? parse_traversal(ps, p, 0) : NULL;
}

static int binary_op(const tok *t, int *prec) {
    if (t->t != T_PUNCT) return 0;
    switch (t->punct) {
    case P_OR: *prec = 1; return HOP_OR;
    case P_AND: *prec = 2; return HOP_AND;
    case P_EQ: *prec = 3; return HOP_EQ;
    case P_NE: *prec = 3; return HOP_NE;
    case '<': *prec = 4; return HOP_LT;
    case P_LE: *prec = 4; return HOP_LE;
    case '>': *prec = 4; return HOP_GT;
    case P_GE: *prec = 4; return HOP_GE;
    case '+': *prec = 5; return HOP_ADD;
    case '-': *prec = 5; return HOP_SUB;
    case '*': *prec = 6; return HOP_MUL;
    case '/': *prec = 6; return HOP_DIV;
    case '%': *prec = 6; return HOP_MOD;
    default: return 0;
    }
}

static hcl_expr *parse_binary(hp *ps, int min_prec) {
    hcl_expr *left = parse_unary(ps);
    while (left) {
        int prec = 0, op = binary_op(peek(ps), &prec);
        if (!op || prec < min_prec) break;
        next(ps);
        hcl_expr *right = parse_binary(ps, prec + 1);
        if (!right) return NULL;
        hcl_expr *b = mk(ps, HX_BINARY, left->pos - ps->base);
        if (!b) return NULL;
        b->op = (uint8_t)op;
        b->a = left;
        b->b = right;
        finish(ps, b);
        left = b;
    }
    return left;
}

static hcl_expr *parse_expr(hp *ps) {
    if (!enter(ps, ps->p)) return NULL;
    hcl_expr *c = parse_binary(ps, 1);
    if (c && is_punct(peek(ps), '?')) {
        next(ps);
        hcl_expr *e = mk(ps, HX_COND, c->pos - ps->base);
        if (!e) return NULL;
        e->a = c;
        if (!(e->b = parse_expr(ps))) return NULL;
        if (!expect_punct(ps, ':', "':' in a conditional expression")) return NULL;
        if (!(e->c = parse_expr(ps))) return NULL;
        finish(ps, e);
        c = e;
    }
    ps->depth--;
    return c;
}

/* ---- templates ---- */

typedef enum { TPL_QUOTED, TPL_HEREDOC, TPL_BARE } tpl_mode;

typedef struct tpl {
    tpl_mode mode;
    size_t end;     /* where the template's text ends (heredoc and bare) */
    unsigned flush; /* heredoc <<-: leading spaces removed from each literal line */
    tk_buf lit;     /* literal being collected */
    size_t lit_pos;
    bool strip_next; /* a "~}" asked to strip the blanks starting the next literal */
    bool at_line_start;
} tpl;

static bool is_blank(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static bool flush_lit(hp *ps, tpl *t, elist *parts) {
    if (!t->lit.len) return true;
    if (t->lit.oom) return oom(ps);
    hcl_expr *e = lit_string(ps, t->lit_pos, t->lit.data, t->lit.len);
    tk_buf_clear(&t->lit);
    return e && elist_push(ps, parts, e);
}

static void lit_add(tpl *t, size_t at, const char *s, size_t n) {
    if (t->strip_next) {
        while (n && is_blank(*s)) s++, n--, at++;
        if (!n) return;
        t->strip_next = false;
    }
    if (!t->lit.len) t->lit_pos = at;
    tk_buf_append(&t->lit, s, n);
}

/* "~" before "${" / "%{" content: strips the blanks ending the literal so far. */
static void strip_prev(tpl *t) {
    while (t->lit.len && is_blank(t->lit.data[t->lit.len - 1])) t->lit.len--;
}

static bool read_hex(hp *ps, size_t at, int n, uint32_t *out) {
    uint32_t v = 0;
    for (int i = 0; i < n; i++) {
        if (at + (size_t)i >= ps->len) return fail_at(ps, at, "%s", "incomplete \\u escape");
        char c = ps->s[at + (size_t)i];
        int h = c >= '0' && c <= '9'                     ? c - '0'
                : (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10
                                                         : -1;
        if (h < 0) return fail_at(ps, at + (size_t)i, "%s", "expected a hex digit in a \\u escape");
        v = v << 4 | (uint32_t)h;
    }
    *out = v;
    return true;
}

/* Closes "${...}" or "%{...}": an optional '~' then '}'. */
static bool close_seq(hp *ps, tpl *t) {
    bool strip = false;
    WITH_NL(ps, true, {
        if (is_punct(peek(ps), '~')) {
            next(ps);
            strip = true;
        }
    });
    const tok *c = peek(ps);
    if (!is_punct(c, '}')) {
        bool r = false;
        WITH_NL(ps, true, { r = expected(ps, peek(ps), "'}' closing the template sequence"); });
        return r;
    }
    ps->p = c->end;
    t->strip_next = strip;
    return true;
}

static hcl_expr *tpl_parts(hp *ps, tpl *t, size_t start, const char **stopped_by);

/* After "%{" [~]: a directive. *kw_out receives else/endif/endfor for the caller. */
static bool directive(hp *ps, tpl *t, elist *parts, size_t open, const char **kw_out) {
    bool ok = true;
    tok kw;
    WITH_NL(ps, true, {
        if (is_punct(peek(ps), '~')) {
            next(ps);
            strip_prev(t);
        }
        kw = next(ps);
    });
    if (!flush_lit(ps, t, parts)) return false;
    if (is_word(ps, &kw, "else") || is_word(ps, &kw, "endif") || is_word(ps, &kw, "endfor")) {
        *kw_out = is_word(ps, &kw, "else")    ? "else"
                  : is_word(ps, &kw, "endif") ? "endif"
                                              : "endfor";
        return close_seq(ps, t);
    }
    if (is_word(ps, &kw, "if")) {
        hcl_expr *e = mk(ps, HX_TPL_IF, open);
        if (!e) return false;
        WITH_NL(ps, true, { e->a = parse_expr(ps); });
        if (!e->a || !close_seq(ps, t)) return false;
        const char *stop = NULL;
        if (!(e->b = tpl_parts(ps, t, ps->p, &stop))) return false;
        if (stop && !strcmp(stop, "else")) {
            if (!(e->c = tpl_parts(ps, t, ps->p, &stop))) return false;
        }
        if (!stop || strcmp(stop, "endif") != 0)
            return fail_at(ps, open, "%s", "%{if} without a matching %{endif}");
        finish(ps, e);
        return elist_push(ps, parts, e);
    }
    if (is_word(ps, &kw, "for")) {
        hcl_expr *e = mk(ps, HX_TPL_FOR, open);
        if (!e) return false;
        WITH_NL(ps, true, {
            tok id = next(ps);
            if (id.t != T_IDENT)
                ok = expected(ps, &id, "a variable name after %{for");
            else {
                e->name = ps->s + id.pos;
                e->nlen = (uint32_t)(id.end - id.pos);
                if (is_punct(peek(ps), ',')) {
                    next(ps);
                    tok id2 = next(ps);
                    if (id2.t != T_IDENT) ok = expected(ps, &id2, "a variable name after ','");
                    e->name2 = ps->s + id2.pos;
                    e->n2len = (uint32_t)(id2.end - id2.pos);
                }
                tok in = next(ps);
                if (ok && !is_word(ps, &in, "in")) ok = expected(ps, &in, "'in'");
                if (ok && !(e->a = parse_expr(ps))) ok = false;
            }
        });
        if (!ok || !close_seq(ps, t)) return false;
        const char *stop = NULL;
        if (!(e->b = tpl_parts(ps, t, ps->p, &stop))) return false;
        if (!stop || strcmp(stop, "endfor") != 0)
            return fail_at(ps, open, "%s", "%{for} without a matching %{endfor}");
        finish(ps, e);
        return elist_push(ps, parts, e);
    }
    char got[64];
    describe(ps, &kw, got, sizeof got);
    return fail_at(ps, kw.pos,
                   "expected if, for, else, endif or endfor in a template directive, found %s",
                   got);
}

/* Reads template parts from `start` until the end of the template (closing quote, end of
 * heredoc or bare text) or an else/endif/endfor directive, which *stopped_by names (NULL at
 * the end). */
static hcl_expr *tpl_parts(hp *ps, tpl *t, size_t start, const char **stopped_by) {
    if (!enter(ps, start)) return NULL;
    hcl_expr *out = mk(ps, HX_TEMPLATE, start);
    if (!out) return NULL;
    elist parts = {0};
    const char *s = ps->s;
    size_t p = start, end = t->mode == TPL_QUOTED ? ps->len : t->end;
    *stopped_by = NULL;
    bool ok = true, closed = false;
    while (ok) {
        if (p >= end) {
            if (t->mode == TPL_QUOTED) ok = fail_at(ps, p, "%s", "unterminated string");
            break;
        }
        char c = s[p];
        if (t->at_line_start && t->flush) {
            unsigned k = 0;
            while (k < t->flush && p < end && s[p] == ' ') p++, k++;
            t->at_line_start = false;
            continue;
        }
        if (t->mode == TPL_QUOTED && c == '"') {
            p++;
            closed = true;
            break;
        }
        if (t->mode == TPL_QUOTED && (c == '\n' || c == '\r')) {
            ok = fail_at(ps, p, "%s", "unterminated string (a line break must be written \\n)");
            break;
        }
        if ((c == '$' || c == '%') && p + 2 < end && s[p + 1] == c && s[p + 2] == '{') {
            lit_add(t, p, s + p + 1, 2); /* $${ and %%{ are literal ${ and %{ */
            p += 3;
            continue;
        }
        if ((c == '$' || c == '%') && p + 1 < end && s[p + 1] == '{') {
            size_t open = p;
            ps->p = p + 2;
            ps->la_valid = false;
            if (c == '$') {
                hcl_expr *x = NULL;
                WITH_NL(ps, true, {
                    if (is_punct(peek(ps), '~')) {
                        next(ps);
                        strip_prev(t);
                    }
                });
                if (!flush_lit(ps, t, &parts)) {
                    ok = false;
                    break;
                }
                WITH_NL(ps, true, { x = parse_expr(ps); });
                if (!x || !close_seq(ps, t) || !elist_push(ps, &parts, x)) {
                    ok = false;
                    break;
                }
                if (ps->p > end) {
                    ok = fail_at(ps, open, "%s", "interpolation runs past the end of the template");
                    break;
                }
            } else {
                const char *kw = NULL;
                if (!directive(ps, t, &parts, open, &kw)) {
                    ok = false;
                    break;
                }
                if (kw) {
                    *stopped_by = kw;
                    p = ps->p;
                    break;
                }
            }
            p = ps->p;
            continue;
        }
        if (t->mode == TPL_QUOTED && c == '\\') {
            if (p + 1 >= end) {
                ok = fail_at(ps, p, "%s", "unterminated string");
                break;
            }
            char e = s[p + 1], buf[4];
            size_t bl = 1;
            switch (e) {
            case 'n': buf[0] = '\n'; break;
            case 'r': buf[0] = '\r'; break;
            case 't': buf[0] = '\t'; break;
            case '"': buf[0] = '"'; break;
            case '\\': buf[0] = '\\'; break;
            case 'u':
            case 'U': {
                uint32_t cp;
                int digits = e == 'u' ? 4 : 8;
                if (!read_hex(ps, p + 2, digits, &cp)) {
                    ok = false;
                    break;
                }
                if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                    ok = fail_at(ps, p, "%s", "\\u escape is not a valid Unicode character");
                    break;
                }
                bl = tk_utf8_encode(cp, buf);
                lit_add(t, p, buf, bl);
                p += 2 + (size_t)digits;
                continue;
            }
            default:
                ok = fail_at(ps, p, "%s",
                             "invalid escape sequence (use \\n, \\r, \\t, \\\", \\\\, \\uNNNN or "
                             "\\UNNNNNNNN)");
                break;
            }
            if (!ok) break;
            lit_add(t, p, buf, bl);
            p += 2;
            continue;
        }
        /* Plain text up to the next character that needs a look. */
        size_t q = p;
        while (q < end && s[q] != '$' && s[q] != '%' && s[q] != '\n' &&
               !(t->mode == TPL_QUOTED && (s[q] == '"' || s[q] == '\\' || s[q] == '\r')))
            q++;
        if (q == p) q++; /* a lone '$' or '%', or a newline */
        lit_add(t, p, s + p, q - p);
        if (s[q - 1] == '\n') t->at_line_start = true;
        p = q;
    }
    if (ok) ok = flush_lit(ps, t, &parts);
    if (!ok) {
        free(parts.v);
        return NULL;
    }
    ps->p = p;
    ps->la_valid = false;
    if (!elist_done(ps, &parts, out)) return NULL;
    (void)closed;
    finish(ps, out);
    ps->depth--;
    return out;
}

static hcl_expr *run_template(hp *ps, tpl *t, size_t start) {
    tk_buf_init(&t->lit);
    const char *stop = NULL;
    hcl_expr *e = tpl_parts(ps, t, start, &stop);
    tk_buf_free(&t->lit);
    if (e && stop) return fail_null(ps, ps->p, "%%{%s} without a matching opening directive", stop);
    return e;
}

static hcl_expr *parse_quoted(hp *ps, size_t open) {
    tpl t = {.mode = TPL_QUOTED};
    hcl_expr *e = run_template(ps, &t, open + 1);
    if (e) e->pos = ps->base + (uint32_t)open;
    return e;
}

static hcl_expr *parse_heredoc(hp *ps, const tok *tk) {
    const char *s = ps->s;
    size_t n = ps->len;
    bool flush = s[tk->pos + 2] == '-';
    const char *marker = s + tk->pos + (flush ? 3 : 2);
    size_t mlen = tk->end - (tk->pos + (flush ? 3 : 2));
    size_t p = tk->end;
    while (p < n && (s[p] == ' ' || s[p] == '\t' || s[p] == '\r')) p++;
    if (p >= n || s[p] != '\n')
        return fail_null(ps, p, "%s", "expected a line break after the heredoc marker");
    size_t body = ++p;
    /* The closing marker: alone on a line, blanks before it allowed. */
    size_t close = SIZE_MAX, after = n;
    for (size_t line = body; line <= n;) {
        size_t q = line;
        while (q < n && (s[q] == ' ' || s[q] == '\t')) q++;
        if (q + mlen <= n && memcmp(s + q, marker, mlen) == 0) {
            size_t r = q + mlen;
            while (r < n && (s[r] == ' ' || s[r] == '\t' || s[r] == '\r')) r++;
            if (r >= n || s[r] == '\n') {
                close = line;
                after = r;
                break;
            }
        }
        const char *nl = memchr(s + line, '\n', n - line);
        if (!nl) break;
        line = (size_t)(nl - s) + 1;
    }
    if (close == SIZE_MAX) {
        char m[96];
        snprintf(m, sizeof m, "heredoc has no closing \"%.*s\" line", (int)(mlen > 40 ? 40 : mlen),
                 marker);
        return fail_null(ps, tk->pos, "%s", m);
    }
    tpl t = {.mode = TPL_HEREDOC, .end = close, .at_line_start = true};
    if (flush) {
        /* The fewest leading spaces of a line that starts with text. */
        unsigned min = UINT32_MAX;
        for (size_t line = body; line < close;) {
            size_t q = line;
            while (q < close && s[q] == ' ') q++;
            bool text = q < close && s[q] != '\n' && s[q] != '\r' &&
                        !((s[q] == '$' || s[q] == '%') && q + 1 < close && s[q + 1] == '{');
            if (text && q - line < min) min = (unsigned)(q - line);
            const char *nl = memchr(s + line, '\n', close - line);
            if (!nl) break;
            line = (size_t)(nl - s) + 1;
        }
        t.flush = min == UINT32_MAX ? 0 : min;
    }
    hcl_expr *e = run_template(ps, &t, body);
    if (!e) return NULL;
    e->pos = ps->base + (uint32_t)tk->pos;
    ps->p = after;
    ps->la_valid = false;
    finish(ps, e);
    return e;
}

/* ---- structure ---- */

static bool parse_body(hp *ps, hcl_body *b, bool nested);

/* After a block's labels and '{'. */
static bool parse_block(hp *ps, hcl_block *blk) {
    if (!enter(ps, blk->pos - ps->base)) return false;
    blk->body = tk_arena_alloc(ps->a, sizeof *blk->body);
    if (!blk->body) return oom(ps);
    blk->body->pos = ps->base + (uint32_t)ps->p;
    if (!parse_body(ps, blk->body, true)) return false;
    const tok *t = peek(ps);
    if (!is_punct(t, '}')) return expected(ps, t, "'}' closing the block");
    next(ps);
    blk->body->end = ps->base + (uint32_t)ps->p - 1;
    blk->end = ps->base + (uint32_t)ps->p;
    ps->depth--;
    return true;
}

typedef struct attr_list {
    hcl_attr *v;
    uint32_t n, cap;
} attr_list;
typedef struct block_list {
    hcl_block *v;
    uint32_t n, cap;
} block_list;

static bool grow_array(hp *ps, void **v, uint32_t *cap, uint32_t n, size_t elem) {
    if (n < *cap) return true;
    uint32_t c = *cap ? *cap * 2 : 4;
    if (c > (1u << 24)) return oom(ps);
    void *nv = realloc(*v, c * elem);
    if (!nv) return oom(ps);
    *v = nv;
    *cap = c;
    return true;
}

static bool end_of_item(hp *ps, bool nested) {
    const tok *t = peek(ps);
    if (t->t == T_NL || t->t == T_EOF) return true;
    if (nested && is_punct(t, '}')) return true; /* one-line block: a { b = 1 } */
    return expected(ps, t, "a line break after the attribute or block");
}

static bool parse_body(hp *ps, hcl_body *b, bool nested) {
    attr_list al = {0};
    block_list bl = {0};
    bool ok = true;
    bool saved = ps->skip_nl;
    ps->skip_nl = false;
    while (ok) {
        skip_newlines(ps);
        const tok *t = peek(ps);
        if (t->t == T_EOF) {
            if (nested) ok = expected(ps, t, "'}' closing the block");
            break;
        }
        if (nested && is_punct(t, '}')) break;
        if (t->t != T_IDENT) {
            ok = expected(ps, t, "an attribute name or a block type");
            break;
        }
        tok name = next(ps);
        const tok *u = peek(ps);
        if (is_punct(u, '=')) {
            next(ps);
            for (uint32_t i = 0; i < al.n; i++)
                if (al.v[i].nlen == name.end - name.pos &&
                    !memcmp(al.v[i].name, ps->s + name.pos, al.v[i].nlen)) {
                    char m[120];
                    snprintf(m, sizeof m, "attribute \"%.*s\" is defined twice in this block",
                             (int)(al.v[i].nlen > 60 ? 60 : al.v[i].nlen), al.v[i].name);
                    ok = fail_at(ps, name.pos, "%s", m);
                }
            if (!ok) break;
            hcl_expr *e = parse_expr(ps);
            if (!e || !end_of_item(ps, nested) ||
                !grow_array(ps, (void **)&al.v, &al.cap, al.n, sizeof *al.v)) {
                ok = false;
                break;
            }
            al.v[al.n++] = (hcl_attr){ps->s + name.pos, (uint32_t)(name.end - name.pos),
                                      ps->base + (uint32_t)name.pos, e};
            continue;
        }
        /* A block: labels, then '{'. */
        hcl_block blk = {ps->s + name.pos,
                         (uint32_t)(name.end - name.pos),
                         ps->base + (uint32_t)name.pos,
                         0,
                         NULL,
                         0,
                         NULL};
        hcl_label labels[16];
        uint32_t nl = 0;
        while (ok) {
            u = peek(ps);
            if (is_punct(u, '{')) break;
            if (nl == 16) {
                ok = fail_at(ps, u->pos, "%s", "more than 16 block labels");
                break;
            }
            if (u->t == T_IDENT) {
                tok l = next(ps);
                labels[nl++] = (hcl_label){ps->s + l.pos, (uint32_t)(l.end - l.pos),
                                           ps->base + (uint32_t)l.pos};
                continue;
            }
            if (u->t == T_QUOTE) {
                tok q = next(ps);
                hcl_expr *te = parse_quoted(ps, q.pos);
                if (!te) {
                    ok = false;
                    break;
                }
                if (te->n > 1 || (te->n == 1 && te->items[0]->kind != HX_LIT)) {
                    ok = fail_at(ps, q.pos, "%s",
                                 "a block label must be a plain string, without ${...} or %{...}");
                    break;
                }
                const char *ls = te->n ? te->items[0]->lit.s : "";
                uint32_t ll = te->n ? te->items[0]->lit.len : 0;
                labels[nl++] = (hcl_label){ls, ll, ps->base + (uint32_t)q.pos};
                continue;
            }
            ok = expected(ps, u, nl || !is_punct(u, '=') ? "'{' or a block label" : "'='");
        }
        if (!ok) break;
        next(ps); /* { */
        if (nl) {
            blk.labels = tk_arena_array(ps->a, nl, sizeof *blk.labels);
            if (!blk.labels) {
                ok = oom(ps);
                break;
            }
            memcpy(blk.labels, labels, nl * sizeof *labels);
            blk.n_labels = nl;
        }
        if (!parse_block(ps, &blk) || !end_of_item(ps, nested) ||
            !grow_array(ps, (void **)&bl.v, &bl.cap, bl.n, sizeof *bl.v)) {
            ok = false;
            break;
        }
        bl.v[bl.n++] = blk;
    }
    ps->skip_nl = saved;
    if (ok) {
        b->attrs = tk_arena_array(ps->a, al.n ? al.n : 1, sizeof *b->attrs);
        b->blocks = tk_arena_array(ps->a, bl.n ? bl.n : 1, sizeof *b->blocks);
        if (!b->attrs || !b->blocks)
            ok = oom(ps);
        else {
            if (al.n) memcpy(b->attrs, al.v, al.n * sizeof *al.v);
            if (bl.n) memcpy(b->blocks, bl.v, bl.n * sizeof *bl.v);
            b->n_attrs = al.n;
            b->n_blocks = bl.n;
            b->end = ps->base + (uint32_t)ps->p;
        }
    }
    free(al.v);
    free(bl.v);
    return ok;
}

/* ---- entry points ---- */

static bool start(hp *ps, tk_arena *a, const char *text, size_t len, uint32_t base,
                  unsigned max_depth, tk_err *err) {
    memset(ps, 0, sizeof *ps);
    ps->a = a;
    ps->s = text;
    ps->len = len;
    ps->base = base;
    ps->err = err;
    ps->max_depth = max_depth ? max_depth : HCL_DEFAULT_DEPTH;
    size_t bad;
    if (!tk_utf8_validate(text, len, &bad)) return fail_at(ps, bad, "%s", "invalid UTF-8");
    if (len > UINT32_MAX - base) return fail_at(ps, 0, "%s", "file too large");
    return true;
}

bool hcl_parse_file(tk_arena *a, const char *text, size_t len, uint32_t base, unsigned max_depth,
                    hcl_file *out, tk_err *err) {
    hp ps;
    memset(out, 0, sizeof *out);
    if (!start(&ps, a, text, len, base, max_depth, err)) return false;
    hcl_body *b = tk_arena_alloc(a, sizeof *b);
    if (!b) return oom(&ps);
    b->pos = base;
    if (!parse_body(&ps, b, false) || ps.failed) return false;
    out->body = b;
    out->comments = ps.comments;
    out->n_comments = ps.n_comments;
    return true;
}

bool hcl_parse_expr(tk_arena *a, const char *text, size_t len, uint32_t base, unsigned max_depth,
                    hcl_expr **out, tk_err *err) {
    hp ps;
    *out = NULL;
    if (!start(&ps, a, text, len, base, max_depth, err)) return false;
    ps.skip_nl = true;
    hcl_expr *e = parse_expr(&ps);
    if (!e) return false;
    const tok *t = peek(&ps);
    if (t->t != T_EOF) return expected(&ps, t, "the end of the expression");
    if (ps.failed) return false;
    *out = e;
    return true;
}

bool hcl_parse_template(tk_arena *a, const char *text, size_t len, uint32_t base,
                        unsigned max_depth, hcl_expr **out, tk_err *err) {
    hp ps;
    *out = NULL;
    if (!start(&ps, a, text, len, base, max_depth, err)) return false;
    tpl t = {.mode = TPL_BARE, .end = len};
    hcl_expr *e = run_template(&ps, &t, 0);
    if (!e || ps.failed) return false;
    *out = e;
    return true;
}

const hcl_attr *hcl_body_attr(const hcl_body *b, const char *name) {
    size_t l = strlen(name);
    for (uint32_t i = 0; b && i < b->n_attrs; i++)
        if (b->attrs[i].nlen == l && !memcmp(b->attrs[i].name, name, l)) return &b->attrs[i];
    return NULL;
}
