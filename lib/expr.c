/* The rule condition language: lexer, parser and bytecode compiler (see expr.h). */
#include "expr.h"
#include "opcodes.h"
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- lexer ---- */

typedef enum {
    T_EOF,
    T_IDENT,
    T_NUM,
    T_STR,
    T_AT,
    T_DOLLAR,
    T_DOT,
    T_COMMA,
    T_LPAREN,
    T_RPAREN,
    T_LBRACK,
    T_RBRACK,
    T_STAR,
    T_NOT,
    T_AND,
    T_OR,
    T_EQ,
    T_NE,
    T_LT,
    T_LE,
    T_GT,
    T_GE,
    T_MATCH,
    T_NMATCH,
    T_COALESCE,
    T_MINUS,
} tok_kind;

typedef struct token {
    tok_kind k;
    uint32_t pos, len;
    const char *text; /* identifiers: src; strings: decoded (arena) */
    size_t tlen;
    double num;
} token;

typedef enum {
    A_LIT,
    A_LIST,
    A_CTX,
    A_ROOT,
    A_GET,
    A_INDEX,
    A_WILD,
    A_NOT,
    A_BIN,
    A_CALL
} ast_kind;

typedef struct ast {
    ast_kind k;
    int op; /* A_BIN: token kind */
    uint32_t pos, end;
    tk_val lit;
    const char *name; /* A_GET key / A_CALL name */
    size_t nlen;
    struct ast *a, *b; /* A_GET/A_INDEX/A_WILD: a = object; A_INDEX: b = index */
    struct ast **args;
    uint32_t nargs;
} ast;

typedef struct cparser {
    tk_arena *arena;
    const char *src;
    size_t len, i;
    token t; /* current token */
    tk_err *err;
    bool failed;
    unsigned depth;
} cparser;

enum { MAX_AST_DEPTH = 64 };

static bool cfail(cparser *p, uint32_t pos, const char *fmt, const char *arg) {
    if (!p->failed) {
        tk_err_set(p->err, pos, fmt, arg);
        p->failed = true;
    }
    return false;
}

static bool is_ident_start(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
static bool is_ident_char(int c) {
    return is_ident_start(c) || (c >= '0' && c <= '9');
}

static bool lex_string(cparser *p, char quote) {
    size_t start = p->i;
    p->i++;
    char *out = tk_arena_alloc(p->arena, p->len - start + 1);
    if (!out) return cfail(p, (uint32_t)start, "%s", "out of memory");
    size_t o = 0;
    while (p->i < p->len && p->src[p->i] != quote) {
        char c = p->src[p->i];
        if (c == '\\' && p->i + 1 < p->len) {
            char e = p->src[p->i + 1];
            switch (e) {
            case 'n': out[o++] = '\n'; break;
            case 't': out[o++] = '\t'; break;
            case '\\': out[o++] = '\\'; break;
            case '"': out[o++] = '"'; break;
            case '\'': out[o++] = '\''; break;
            default:
                /* Other backslashes are kept, so regular expressions read naturally. */
                out[o++] = '\\';
                out[o++] = e;
            }
            p->i += 2;
            continue;
        }
        out[o++] = c;
        p->i++;
    }
    if (p->i >= p->len) return cfail(p, (uint32_t)start, "%s", "unterminated string");
    p->i++;
    out[o] = 0;
    p->t.k = T_STR;
    p->t.text = out;
    p->t.tlen = o;
    return true;
}

static bool next(cparser *p) {
    while (p->i < p->len) {
        char c = p->src[p->i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            p->i++;
        } else if (c == '#') { /* comment to end of line */
            while (p->i < p->len && p->src[p->i] != '\n') p->i++;
        } else {
            break;
        }
    }
    token *t = &p->t;
    memset(t, 0, sizeof *t);
    t->pos = (uint32_t)p->i;
    if (p->i >= p->len) {
        t->k = T_EOF;
        return true;
    }
    const char *s = p->src + p->i;
    size_t rest = p->len - p->i;
    char c = s[0];
    char d = rest > 1 ? s[1] : 0;
#define TWO(ch, kind)                                                                              \
    if (d == ch) {                                                                                 \
        t->k = kind;                                                                               \
        p->i += 2;                                                                                 \
        goto done;                                                                                 \
    }
    switch (c) {
    case '@':
        t->k = T_AT;
        p->i++;
        goto done;
    case '$':
        t->k = T_DOLLAR;
        p->i++;
        goto done;
    case '.':
        t->k = T_DOT;
        p->i++;
        goto done;
    case ',':
        t->k = T_COMMA;
        p->i++;
        goto done;
    case '(':
        t->k = T_LPAREN;
        p->i++;
        goto done;
    case ')':
        t->k = T_RPAREN;
        p->i++;
        goto done;
    case '[':
        t->k = T_LBRACK;
        p->i++;
        goto done;
    case ']':
        t->k = T_RBRACK;
        p->i++;
        goto done;
    case '*':
        t->k = T_STAR;
        p->i++;
        goto done;
    case '-':
        t->k = T_MINUS;
        p->i++;
        goto done;
    case '!':
        TWO('=', T_NE);
        TWO('~', T_NMATCH);
        t->k = T_NOT;
        p->i++;
        goto done;
    case '&': TWO('&', T_AND); break;
    case '|': TWO('|', T_OR); break;
    case '?': TWO('?', T_COALESCE); break;
    case '=':
        TWO('=', T_EQ);
        TWO('~', T_MATCH);
        return cfail(p, t->pos, "%s", "'=' is not an operator; use '==' to compare");
    case '<':
        TWO('=', T_LE);
        t->k = T_LT;
        p->i++;
        goto done;
    case '>':
        TWO('=', T_GE);
        t->k = T_GT;
        p->i++;
        goto done;
    case '"':
    case '\'':
        if (!lex_string(p, c)) return false;
        goto done;
    default: break;
    }
#undef TWO
    if (c >= '0' && c <= '9') {
        char *end;
        char tmp[64];
        size_t n = 0;
        while (n < rest && n < sizeof tmp - 1 &&
               ((s[n] >= '0' && s[n] <= '9') || s[n] == '.' || s[n] == 'e' || s[n] == 'E'))
            n++;
        memcpy(tmp, s, n);
        tmp[n] = 0;
        t->num = strtod(tmp, &end);
        if (end != tmp + n) return cfail(p, t->pos, "%s", "malformed number");
        t->k = T_NUM;
        p->i += n;
        goto done;
    }
    if (is_ident_start((unsigned char)c)) {
        size_t n = 1;
        while (n < rest && is_ident_char((unsigned char)s[n])) n++;
        t->k = T_IDENT;
        t->text = s;
        t->tlen = n;
        p->i += n;
        /* Word operators. */
        if (n == 3 && !memcmp(s, "and", 3))
            t->k = T_AND;
        else if (n == 2 && !memcmp(s, "or", 2))
            t->k = T_OR;
        else if (n == 3 && !memcmp(s, "not", 3))
            t->k = T_NOT;
        goto done;
    }
    {
        char what[16];
        if ((unsigned char)c >= 0x20 && (unsigned char)c < 0x7F)
            snprintf(what, sizeof what, "'%c'", c);
        else
            snprintf(what, sizeof what, "byte 0x%02X", (unsigned char)c);
        return cfail(p, t->pos, "unexpected character %s", what);
    }
done:
    t->len = (uint32_t)(p->i - t->pos);
    return true;
}

/* ---- parser ---- */

static ast *mk(cparser *p, ast_kind k, uint32_t pos) {
    ast *a = tk_arena_alloc(p->arena, sizeof *a);
    if (!a) {
        cfail(p, pos, "%s", "out of memory");
        return NULL;
    }
    a->k = k;
    a->pos = pos;
    a->end = pos;
    return a;
}

static ast *parse_expr(cparser *p);

static bool expect(cparser *p, tok_kind k, const char *what) {
    if (p->t.k != k) return cfail(p, p->t.pos, "expected %s", what);
    return next(p);
}

static ast *parse_primary(cparser *p) {
    token t = p->t;
    ast *a = NULL;
    switch (t.k) {
    case T_NUM:
        if (!(a = mk(p, A_LIT, t.pos))) return NULL;
        a->lit = tk_v_num(t.num);
        if (!next(p)) return NULL;
        break;
    case T_MINUS:
        if (!next(p)) return NULL;
        if (p->t.k != T_NUM) {
            cfail(p, p->t.pos, "%s", "expected a number after '-'");
            return NULL;
        }
        if (!(a = mk(p, A_LIT, t.pos))) return NULL;
        a->lit = tk_v_num(-p->t.num);
        if (!next(p)) return NULL;
        break;
    case T_STR:
        if (!(a = mk(p, A_LIT, t.pos))) return NULL;
        a->lit = tk_v_str(t.text, t.tlen);
        if (!next(p)) return NULL;
        break;
    case T_AT:
    case T_DOLLAR:
        if (!(a = mk(p, t.k == T_AT ? A_CTX : A_ROOT, t.pos))) return NULL;
        if (!next(p)) return NULL;
        break;
    case T_LPAREN:
        if (!next(p)) return NULL;
        a = parse_expr(p);
        if (!a || !expect(p, T_RPAREN, "')'")) return NULL;
        return a;
    case T_LBRACK: {
        if (!(a = mk(p, A_LIST, t.pos))) return NULL;
        if (!next(p)) return NULL;
        ast *items[256];
        uint32_t n = 0;
        while (p->t.k != T_RBRACK) {
            if (n == 256) {
                cfail(p, p->t.pos, "%s", "list literal with more than 256 elements");
                return NULL;
            }
            if (!(items[n++] = parse_expr(p))) return NULL;
            if (p->t.k == T_COMMA) {
                if (!next(p)) return NULL;
            } else if (p->t.k != T_RBRACK) {
                cfail(p, p->t.pos, "%s", "expected ',' or ']' in list");
                return NULL;
            }
        }
        if (!next(p)) return NULL;
        a->args = tk_arena_array(p->arena, n ? n : 1, sizeof(ast *));
        if (!a->args) return NULL;
        memcpy(a->args, items, n * sizeof(ast *));
        a->nargs = n;
        break;
    }
    case T_IDENT: {
        if (t.tlen == 4 && !memcmp(t.text, "true", 4)) {
            if (!(a = mk(p, A_LIT, t.pos))) return NULL;
            a->lit = tk_v_bool(true);
            if (!next(p)) return NULL;
            break;
        }
        if (t.tlen == 5 && !memcmp(t.text, "false", 5)) {
            if (!(a = mk(p, A_LIT, t.pos))) return NULL;
            a->lit = tk_v_bool(false);
            if (!next(p)) return NULL;
            break;
        }
        if (t.tlen == 4 && !memcmp(t.text, "null", 4)) {
            if (!(a = mk(p, A_LIT, t.pos))) return NULL;
            a->lit = tk_v_null();
            if (!next(p)) return NULL;
            break;
        }
        if (!next(p)) return NULL;
        if (p->t.k == T_LPAREN) {
            if (!(a = mk(p, A_CALL, t.pos))) return NULL;
            a->name = t.text;
            a->nlen = t.tlen;
            if (!next(p)) return NULL;
            ast *args[8];
            uint32_t n = 0;
            while (p->t.k != T_RPAREN) {
                if (n == 8) {
                    cfail(p, p->t.pos, "%s", "too many arguments");
                    return NULL;
                }
                if (!(args[n++] = parse_expr(p))) return NULL;
                if (p->t.k == T_COMMA) {
                    if (!next(p)) return NULL;
                } else if (p->t.k != T_RPAREN) {
                    cfail(p, p->t.pos, "%s", "expected ',' or ')' in argument list");
                    return NULL;
                }
            }
            a->end = p->t.pos + 1;
            if (!next(p)) return NULL;
            a->args = tk_arena_array(p->arena, n ? n : 1, sizeof(ast *));
            if (!a->args) return NULL;
            memcpy(a->args, args, n * sizeof(ast *));
            a->nargs = n;
            break;
        }
        /* A bare name is an attribute of the current element. */
        ast *ctx = mk(p, A_CTX, t.pos);
        if (!ctx || !(a = mk(p, A_GET, t.pos))) return NULL;
        ctx->end = t.pos;
        a->a = ctx;
        a->name = t.text;
        a->nlen = t.tlen;
        a->end = t.pos + (uint32_t)t.tlen;
        return a;
    }
    case T_EOF: cfail(p, t.pos, "%s", "unexpected end of condition"); return NULL;
    default: cfail(p, t.pos, "%s", "expected a value, a path or a function call"); return NULL;
    }
    return a;
}

static ast *parse_postfix(cparser *p) {
    ast *a = parse_primary(p);
    while (a) {
        if (p->t.k == T_DOT) {
            if (!next(p)) return NULL;
            if (p->t.k == T_STAR) {
                ast *w = mk(p, A_WILD, a->pos);
                if (!w) return NULL;
                w->a = a;
                w->end = p->t.pos + 1;
                if (!next(p)) return NULL;
                a = w;
                continue;
            }
            if (p->t.k != T_IDENT) {
                cfail(p, p->t.pos, "%s", "expected an attribute name after '.'");
                return NULL;
            }
            ast *g = mk(p, A_GET, a->pos);
            if (!g) return NULL;
            g->a = a;
            g->name = p->t.text;
            g->nlen = p->t.tlen;
            g->end = p->t.pos + p->t.len;
            if (!next(p)) return NULL;
            a = g;
        } else if (p->t.k == T_LBRACK) {
            if (!next(p)) return NULL;
            if (p->t.k == T_STAR) {
                ast *w = mk(p, A_WILD, a->pos);
                if (!w) return NULL;
                w->a = a;
                if (!next(p)) return NULL;
                w->end = p->t.pos + 1;
                if (!expect(p, T_RBRACK, "']'")) return NULL;
                a = w;
                continue;
            }
            ast *idx = parse_expr(p);
            if (!idx) return NULL;
            uint32_t end = p->t.pos + 1;
            if (!expect(p, T_RBRACK, "']'")) return NULL;
            if (idx->k == A_LIT && idx->lit.kind == V_STR) {
                ast *g = mk(p, A_GET, a->pos);
                if (!g) return NULL;
                g->a = a;
                g->name = idx->lit.u.str;
                g->nlen = idx->lit.slen;
                g->end = end;
                a = g;
            } else {
                ast *g = mk(p, A_INDEX, a->pos);
                if (!g) return NULL;
                g->a = a;
                g->b = idx;
                g->end = end;
                a = g;
            }
        } else {
            break;
        }
    }
    return a;
}

static ast *parse_unary(cparser *p) {
    if (++p->depth > MAX_AST_DEPTH) {
        cfail(p, p->t.pos, "%s", "condition nested too deeply");
        return NULL;
    }
    ast *r;
    if (p->t.k == T_NOT) {
        uint32_t pos = p->t.pos;
        if (!next(p)) return NULL;
        ast *o = parse_unary(p);
        if (!o) return NULL;
        if (!(r = mk(p, A_NOT, pos))) return NULL;
        r->a = o;
        r->end = o->end;
    } else {
        r = parse_postfix(p);
    }
    p->depth--;
    return r;
}

static ast *bin(cparser *p, int op, ast *l, ast *r) {
    ast *b = mk(p, A_BIN, l->pos);
    if (!b) return NULL;
    b->op = op;
    b->a = l;
    b->b = r;
    b->end = r->end;
    return b;
}

static ast *parse_coalesce(cparser *p) {
    ast *l = parse_unary(p);
    while (l && p->t.k == T_COALESCE) {
        if (!next(p)) return NULL;
        ast *r = parse_unary(p);
        if (!r) return NULL;
        l = bin(p, T_COALESCE, l, r);
    }
    return l;
}

static bool is_cmp(tok_kind k) {
    return k == T_EQ || k == T_NE || k == T_LT || k == T_LE || k == T_GT || k == T_GE ||
           k == T_MATCH || k == T_NMATCH || (k == T_IDENT);
}

static ast *parse_cmp(cparser *p) {
    ast *l = parse_coalesce(p);
    if (!l) return NULL;
    tok_kind k = p->t.k;
    if (!is_cmp(k)) return l;
    if (k == T_IDENT) {
        if (!(p->t.tlen == 2 && !memcmp(p->t.text, "in", 2))) {
            cfail(p, p->t.pos, "%s", "expected an operator");
            return NULL;
        }
    }
    int op = k == T_IDENT ? -1 /* in */ : (int)k;
    if (!next(p)) return NULL;
    ast *r = parse_coalesce(p);
    if (!r) return NULL;
    if (is_cmp(p->t.k) && p->t.k != T_IDENT) {
        cfail(p, p->t.pos, "%s", "comparisons cannot be chained; use && between them");
        return NULL;
    }
    return bin(p, op, l, r);
}

static ast *parse_and(cparser *p) {
    ast *l = parse_cmp(p);
    while (l && p->t.k == T_AND) {
        if (!next(p)) return NULL;
        ast *r = parse_cmp(p);
        if (!r) return NULL;
        l = bin(p, T_AND, l, r);
    }
    return l;
}

static ast *parse_expr(cparser *p) {
    if (++p->depth > MAX_AST_DEPTH) {
        cfail(p, p->t.pos, "%s", "condition nested too deeply");
        return NULL;
    }
    ast *l = parse_and(p);
    while (l && p->t.k == T_OR) {
        if (!next(p)) return NULL;
        ast *r = parse_and(p);
        if (!r) return NULL;
        l = bin(p, T_OR, l, r);
    }
    p->depth--;
    return l;
}

/* ---- compiler ---- */

typedef struct compiler {
    cparser *p;
    const tk_compile_env *env;
    tk_insn *code;
    uint32_t n, cap;
    tk_val *consts;
    uint32_t nc, capc;
    void **regexes;
    uint32_t nr, capr;
    const char **texts;
    uint32_t nt, capt;
    unsigned lambda_depth;
    int sp, max_sp;
} compiler;

static bool grow(compiler *c, void **arr, uint32_t *cap, uint32_t n, size_t elem) {
    if (n < *cap) return true;
    uint32_t nc = *cap ? *cap * 2 : 16;
    void *na = tk_arena_array(c->p->arena, nc, elem);
    if (!na) return cfail(c->p, 0, "%s", "out of memory");
    if (*arr) memcpy(na, *arr, (size_t)n * elem);
    *arr = na;
    *cap = nc;
    return true;
}

static uint32_t emit(compiler *c, uint8_t op, uint8_t a, uint32_t arg, int stack_delta) {
    if (!grow(c, (void **)&c->code, &c->cap, c->n, sizeof(tk_insn))) return UINT32_MAX;
    c->code[c->n] = (tk_insn){op, a, 0, arg};
    c->sp += stack_delta;
    if (c->sp > c->max_sp) c->max_sp = c->sp;
    return c->n++;
}

static uint32_t add_const(compiler *c, tk_val v) {
    if (!grow(c, (void **)&c->consts, &c->capc, c->nc, sizeof(tk_val))) return UINT32_MAX;
    c->consts[c->nc] = v;
    return c->nc++;
}

static uint32_t add_text(compiler *c, uint32_t from, uint32_t to) {
    if (!grow(c, (void **)&c->texts, &c->capt, c->nt, sizeof(char *))) return UINT32_MAX;
    if (to > c->p->len) to = (uint32_t)c->p->len;
    if (to < from) to = from;
    const char *s = tk_arena_strndup(c->p->arena, c->p->src + from, to - from);
    if (!s) return UINT32_MAX;
    c->texts[c->nt] = s;
    return c->nt++;
}

static uint32_t add_regex(compiler *c, const char *pat, size_t len, uint32_t pos) {
    int ec;
    PCRE2_SIZE eo;
    pcre2_code *re =
        pcre2_compile((PCRE2_SPTR)pat, len, PCRE2_UTF | PCRE2_MATCH_INVALID_UTF, &ec, &eo, NULL);
    if (!re) {
        PCRE2_UCHAR msg[120];
        pcre2_get_error_message(ec, msg, sizeof msg);
        cfail(c->p, pos, "invalid regular expression: %s", (const char *)msg);
        return UINT32_MAX;
    }
    pcre2_jit_compile(re, PCRE2_JIT_COMPLETE); /* best effort; the interpreter is the fallback */
    if (!grow(c, (void **)&c->regexes, &c->capr, c->nr, sizeof(void *))) {
        pcre2_code_free(re);
        return UINT32_MAX;
    }
    c->regexes[c->nr] = re;
    return c->nr++;
}

typedef struct builtin_def {
    const char *name;
    int id; /* enum tk_builtin, or -1 - iter kind */
    uint8_t min, max;
    uint8_t literal_args; /* bitmask of arguments that must be string literals */
} builtin_def;

static const builtin_def BUILTINS[] = {
    {"any", -1 - ITER_ANY, 2, 2, 0},
    {"all", -1 - ITER_ALL, 2, 2, 0},
    {"count", -1 - ITER_COUNT, 1, 2, 0},
    {"exists", BI_EXISTS, 1, 1, 0},
    {"known", BI_KNOWN, 1, 1, 0},
    {"empty", BI_EMPTY, 1, 1, 0},
    {"len", BI_LEN, 1, 1, 0},
    {"lower", BI_LOWER, 1, 1, 0},
    {"upper", BI_UPPER, 1, 1, 0},
    {"starts_with", BI_STARTS_WITH, 2, 2, 0},
    {"ends_with", BI_ENDS_WITH, 2, 2, 0},
    {"contains", BI_CONTAINS, 2, 2, 0},
    {"as_list", BI_AS_LIST, 1, 1, 0},
    {"json", BI_JSON, 1, 1, 0},
    {"open_to_world", BI_OPEN_TO_WORLD, 1, 1, 0},
    {"private_cidr", BI_PRIVATE_CIDR, 1, 1, 0},
    {"ports_include", BI_PORTS_INCLUDE, 3, 3, 0},
    {"related", BI_RELATED, 2, 2, 3},
    {"resources", BI_RESOURCES, 1, 1, 1},
    {"same", BI_SAME, 2, 2, 3},
    {"number", BI_NUMBER, 1, 1, 0},
    {"string", BI_STRING, 1, 1, 0},
    {"keys", BI_KEYS, 1, 1, 0},
    {"values", BI_VALUES, 1, 1, 0},
    {"configured", BI_CONFIGURED, 1, 1, 1},
    {"unknown", BI_UNKNOWN, 1, 1, 1},
    {"matches", -100, 2, 2, 2},
};

static bool compile(compiler *c, const ast *a);

/* A path made only of names from the resource root, as "a.b.c"; NULL otherwise. */
static bool root_path_name(compiler *c, const ast *a, char *out, size_t cap) {
    const ast *chain[16];
    size_t n = 0;
    while (a->k == A_GET) {
        if (n == 16) return false;
        chain[n++] = a;
        a = a->a;
    }
    if (!(a->k == A_ROOT || (a->k == A_CTX && c->lambda_depth == 0))) return false;
    size_t o = 0;
    for (size_t i = n; i-- > 0;) {
        if (o + chain[i]->nlen + 2 > cap) return false;
        if (o) out[o++] = '.';
        memcpy(out + o, chain[i]->name, chain[i]->nlen);
        o += chain[i]->nlen;
    }
    out[o] = 0;
    return n > 0;
}

static bool compile_path(compiler *c, const ast *a) {
    switch (a->k) {
    case A_CTX: return emit(c, OP_CTX, 0, 0, 1) != UINT32_MAX;
    case A_ROOT:
        if (c->env && c->env->scope)
            return cfail(c->p, a->pos, "%s", "'$' has no meaning in a scope-level condition");
        return emit(c, OP_ROOT, 0, 0, 1) != UINT32_MAX;
    case A_GET: {
        if (!compile_path(c, a->a)) return false;
        /* Names from the source are not NUL-terminated: copy them. */
        tk_val key = tk_v_str(a->name, a->nlen);
        char *k = tk_arena_strndup(c->p->arena, a->name, a->nlen);
        if (!k) return cfail(c->p, a->pos, "%s", "out of memory");
        key.u.str = k;
        uint32_t ki = add_const(c, key);
        return ki != UINT32_MAX && emit(c, OP_GET, 0, ki, 0) != UINT32_MAX;
    }
    case A_INDEX:
        if (!compile_path(c, a->a) || !compile(c, a->b)) return false;
        return emit(c, OP_INDEX, 0, 0, -1) != UINT32_MAX;
    case A_WILD:
        if (!compile_path(c, a->a)) return false;
        return emit(c, OP_WILD, 0, 0, 0) != UINT32_MAX;
    default: return compile(c, a);
    }
}

static bool compile_call(compiler *c, const ast *a) {
    const builtin_def *bd = NULL;
    for (size_t i = 0; i < sizeof BUILTINS / sizeof *BUILTINS; i++)
        if (strlen(BUILTINS[i].name) == a->nlen && !memcmp(BUILTINS[i].name, a->name, a->nlen))
            bd = &BUILTINS[i];
    if (!bd) {
        char name[64];
        snprintf(name, sizeof name, "%.*s", (int)(a->nlen > 60 ? 60 : a->nlen), a->name);
        return cfail(c->p, a->pos, "unknown function '%s'", name);
    }
    if (a->nargs < bd->min || a->nargs > bd->max) {
        char m[96];
        if (bd->min == bd->max)
            snprintf(m, sizeof m, "%s takes %u argument%s", bd->name, bd->min,
                     bd->min == 1 ? "" : "s");
        else
            snprintf(m, sizeof m, "%s takes %u to %u arguments", bd->name, bd->min, bd->max);
        return cfail(c->p, a->pos, "%s", m);
    }
    for (uint32_t i = 0; i < a->nargs; i++)
        if ((bd->literal_args >> i & 1) &&
            !(a->args[i]->k == A_LIT && a->args[i]->lit.kind == V_STR))
            return cfail(c->p, a->args[i]->pos, "argument %s must be a string literal",
                         i == 0 ? "1" : "2");
    if (bd->id == -100) { /* matches(s, "re") */
        if (!compile(c, a->args[0])) return false;
        uint32_t r = add_regex(c, a->args[1]->lit.u.str, a->args[1]->lit.slen, a->args[1]->pos);
        return r != UINT32_MAX && emit(c, OP_MATCH, 0, r, 0) != UINT32_MAX;
    }
    if (bd->id < 0) { /* any / all / count */
        int kind = -1 - bd->id;
        if (!compile(c, a->args[0])) return false;
        if (a->nargs == 1) { /* count(list): number of elements */
            uint32_t k = add_const(c, tk_v_bool(true));
            if (k == UINT32_MAX) return false;
            uint32_t it = emit(c, OP_ITER, (uint8_t)kind, 0, 0);
            uint32_t j = emit(c, OP_JMP, 0, 0, 0);
            if (it == UINT32_MAX || j == UINT32_MAX) return false;
            c->code[it].c = c->n;
            if (emit(c, OP_CONST, 0, k, 0) == UINT32_MAX || emit(c, OP_RET, 0, 0, 0) == UINT32_MAX)
                return false;
            c->code[j].c = c->n;
            return true;
        }
        uint32_t it = emit(c, OP_ITER, (uint8_t)kind, 0, 0);
        uint32_t j = emit(c, OP_JMP, 0, 0, 0);
        if (it == UINT32_MAX || j == UINT32_MAX) return false;
        c->code[it].c = c->n;
        int saved = c->sp;
        c->lambda_depth++;
        if (!compile(c, a->args[1])) return false;
        c->lambda_depth--;
        c->sp = saved;
        if (emit(c, OP_RET, 0, 0, 0) == UINT32_MAX) return false;
        c->code[j].c = c->n;
        return true;
    }
    if ((bd->id == BI_RELATED || bd->id == BI_CONFIGURED || bd->id == BI_SAME) && c->env &&
        c->env->scope)
        return cfail(c->p, a->pos, "%s",
                     "this function needs a resource; it cannot be used in a "
                     "scope-level condition");
    for (uint32_t i = 0; i < a->nargs; i++)
        if (!compile(c, a->args[i])) return false;
    return emit(c, OP_CALL, (uint8_t)bd->id, a->nargs, 1 - (int)a->nargs) != UINT32_MAX;
}

/* [a, b, ...]; a list of literals only is made once, here, rather than at every evaluation. */
static bool compile_list(compiler *c, const ast *a) {
    bool literal = true;
    for (uint32_t i = 0; i < a->nargs && literal; i++) literal = a->args[i]->k == A_LIT;
    if (!literal) {
        for (uint32_t i = 0; i < a->nargs; i++)
            if (!compile(c, a->args[i])) return false;
        return emit(c, OP_LIST, 0, a->nargs, 1 - (int)a->nargs) != UINT32_MAX;
    }
    tk_vlist *l = tk_arena_alloc(c->p->arena, sizeof *l);
    tk_val *items = tk_arena_array(c->p->arena, a->nargs ? a->nargs : 1, sizeof *items);
    if (!l || !items) return cfail(c->p, a->pos, "%s", "out of memory");
    for (uint32_t i = 0; i < a->nargs; i++) items[i] = a->args[i]->lit;
    *l = (tk_vlist){items, a->nargs, false};
    tk_val v = {0};
    v.kind = V_LIST;
    v.u.list = l;
    uint32_t k = add_const(c, v);
    return k != UINT32_MAX && emit(c, OP_CONST, 0, k, 1) != UINT32_MAX;
}

static bool compile(compiler *c, const ast *a) {
    switch (a->k) {
    case A_LIT: {
        uint32_t k = add_const(c, a->lit);
        return k != UINT32_MAX && emit(c, OP_CONST, 0, k, 1) != UINT32_MAX;
    }
    case A_LIST: return compile_list(c, a);
    case A_CTX:
    case A_ROOT:
    case A_GET:
    case A_INDEX:
    case A_WILD: {
        if (!compile_path(c, a)) return false;
        char name[256];
        if (c->env && c->env->n_defaults && root_path_name(c, a, name, sizeof name)) {
            for (size_t i = 0; i < c->env->n_defaults; i++)
                if (strcmp(c->env->defaults[i].path, name) == 0) {
                    /* consts[c] is the default, consts[b] the path (to ask whether the
                     * configuration sets it when the plan says "unknown"). */
                    uint32_t k = add_const(c, c->env->defaults[i].value);
                    const char *pc = tk_arena_strdup(c->p->arena, name);
                    uint32_t kp = pc ? add_const(c, tk_v_str(pc, strlen(pc))) : UINT32_MAX;
                    if (k == UINT32_MAX || kp == UINT32_MAX || kp > UINT16_MAX) return false;
                    uint32_t at = emit(c, OP_DEFAULT, 0, k, 0);
                    if (at == UINT32_MAX) return false;
                    c->code[at].b = (uint16_t)kp;
                }
        }
        uint32_t t = add_text(c, a->pos, a->end);
        return t != UINT32_MAX && emit(c, OP_NOTE, 0, t, 0) != UINT32_MAX;
    }
    case A_NOT: return compile(c, a->a) && emit(c, OP_NOT, 0, 0, 0) != UINT32_MAX;
    case A_CALL: {
        if (!compile_call(c, a)) return false;
        /* Name the call when its result is unknown: "related(...)" explains a lot. */
        uint32_t t = add_text(c, a->pos, a->end);
        return t != UINT32_MAX && emit(c, OP_NOTE, 0, t, 0) != UINT32_MAX;
    }
    case A_BIN: {
        if (a->op == T_AND || a->op == T_OR || a->op == T_COALESCE) {
            if (!compile(c, a->a)) return false;
            uint8_t jop = a->op == T_AND ? OP_AND_JMP : a->op == T_OR ? OP_OR_JMP : OP_COALESCE_JMP;
            uint32_t j = emit(c, jop, 0, 0, 0);
            if (j == UINT32_MAX || !compile(c, a->b)) return false;
            if (a->op != T_COALESCE) {
                if (emit(c, a->op == T_AND ? OP_AND : OP_OR, 0, 0, -1) == UINT32_MAX) return false;
            } else {
                c->sp--; /* the left value was popped before the right one was pushed */
            }
            c->code[j].c = c->n;
            return true;
        }
        if (a->op == T_MATCH || a->op == T_NMATCH) {
            if (!(a->b->k == A_LIT && a->b->lit.kind == V_STR))
                return cfail(c->p, a->b->pos, "%s",
                             "the right side of =~ must be a string literal");
            if (!compile(c, a->a)) return false;
            uint32_t r = add_regex(c, a->b->lit.u.str, a->b->lit.slen, a->b->pos);
            return r != UINT32_MAX && emit(c, OP_MATCH, a->op == T_NMATCH, r, 0) != UINT32_MAX;
        }
        int cmp;
        switch (a->op) {
        case T_EQ: cmp = CMP_EQ; break;
        case T_NE: cmp = CMP_NE; break;
        case T_LT: cmp = CMP_LT; break;
        case T_LE: cmp = CMP_LE; break;
        case T_GT: cmp = CMP_GT; break;
        case T_GE: cmp = CMP_GE; break;
        default: cmp = CMP_IN; break;
        }
        return compile(c, a->a) && compile(c, a->b) &&
               emit(c, OP_CMP, (uint8_t)cmp, 0, -1) != UINT32_MAX;
    }
    }
    return cfail(c->p, a->pos, "%s", "internal error: unknown expression");
}

static void free_regexes(void **r, uint32_t n) {
    for (uint32_t i = 0; i < n; i++) pcre2_code_free(r[i]);
}

tk_prog *tk_expr_compile(tk_arena *arena, const char *src, size_t len, const tk_compile_env *env,
                         tk_err *err) {
    cparser p = {.arena = arena, .src = src, .len = len, .err = err};
    if (len > 65536) {
        tk_err_set(err, 0, "condition longer than 64 KiB");
        return NULL;
    }
    if (!next(&p)) return NULL;
    if (p.t.k == T_EOF) {
        tk_err_set(err, 0, "empty condition");
        return NULL;
    }
    ast *root = parse_expr(&p);
    if (root && p.t.k != T_EOF) {
        cfail(&p, p.t.pos, "%s", "unexpected text after the condition (missing && or ||?)");
        root = NULL;
    }
    if (!root) return NULL;
    compiler c = {.p = &p, .env = env};
    if (!compile(&c, root) || emit(&c, OP_RET, 0, 0, 0) == UINT32_MAX) {
        free_regexes(c.regexes, c.nr);
        return NULL;
    }
    tk_prog *prog = tk_arena_alloc(arena, sizeof *prog);
    if (!prog) {
        free_regexes(c.regexes, c.nr);
        tk_err_set(err, 0, "out of memory");
        return NULL;
    }
    prog->code = c.code;
    prog->n_code = c.n;
    prog->consts = c.consts;
    prog->n_consts = c.nc;
    prog->regexes = c.regexes;
    prog->n_regexes = c.nr;
    prog->texts = c.texts;
    prog->n_texts = c.nt;
    prog->src = tk_arena_strndup(arena, src, len);
    prog->max_stack = (uint32_t)c.max_sp + 4;
    return prog;
}

void tk_prog_free(tk_prog *p) {
    if (p) free_regexes(p->regexes, p->n_regexes);
}
