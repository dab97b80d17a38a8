/* HCL native syntax (Terraform's .tf files): the syntax tree and its parser.
 *
 * The parser turns one file's text into a body of attributes and blocks whose attribute
 * values are expression trees. Nothing is evaluated here (see tfsrc_eval.c). Every node
 * carries the byte offsets where it starts and ends; offsets are "global": the caller
 * passes the offset of the file's first byte within a larger text (several files are laid
 * end to end in one document), so one number says both which file and where in it.
 * Everything is allocated in the caller's arena. */
#ifndef TK_HCL_H
#define TK_HCL_H
#include "arena.h"
#include "text.h"
#include <stdbool.h>
#include <stdint.h>

typedef enum hcl_kind {
    HX_LIT,      /* literal: lit */
    HX_TEMPLATE, /* string template: items are literal strings (HX_LIT), interpolations and
                    directives (HX_TPL_IF, HX_TPL_FOR); one lone interpolation yields its value */
    HX_TUPLE,    /* [items...] */
    HX_OBJECT,   /* {key = value, ...}: items[2i] key, items[2i+1] value; an identifier key is
                    an HX_LIT string */
    HX_VAR,      /* a variable: name */
    HX_GETATTR,  /* a.name */
    HX_INDEX,    /* a[b] (also the legacy a.0) */
    HX_SPLAT,    /* a[*]... or a.*...: a is the source, b the traversal applied to each
                    element (rooted at an HX_ITEM); op is 1 for the full [*] form */
    HX_ITEM,     /* the element a splat's traversal applies to */
    HX_CALL,     /* name(items...); flags & HCL_EXPAND_LAST: the last argument ends in "..." */
    HX_FOR,      /* for name, name2 in a : b [=> c] [...] [if d]; op is '[' or '{';
                    flags & HCL_FOR_GROUP: "..." grouping; name2 NULL when there is one name */
    HX_COND,     /* a ? b : c */
    HX_UNARY,    /* op a: '-' or '!' */
    HX_BINARY,   /* a op b: op is an hcl_op */
    HX_PAREN,    /* (a) */
    HX_TPL_IF,   /* %{if a} b %{else} c %{endif}: b and c are HX_TEMPLATE (c may be NULL) */
    HX_TPL_FOR,  /* %{for name, name2 in a} b %{endfor}: b is an HX_TEMPLATE */
} hcl_kind;

typedef enum hcl_op {
    HOP_OR = 1,
    HOP_AND,
    HOP_EQ,
    HOP_NE,
    HOP_LT,
    HOP_LE,
    HOP_GT,
    HOP_GE,
    HOP_ADD,
    HOP_SUB,
    HOP_MUL,
    HOP_DIV,
    HOP_MOD,
} hcl_op;

enum { HCL_EXPAND_LAST = 1, HCL_FOR_GROUP = 2 };

typedef enum hcl_lit_kind { HL_NULL, HL_BOOL, HL_NUMBER, HL_STRING } hcl_lit_kind;

typedef struct hcl_lit {
    uint8_t kind; /* hcl_lit_kind */
    bool b;
    double num;    /* HL_NUMBER */
    const char *s; /* HL_STRING: the (unescaped) text; HL_NUMBER: the numeral as written */
    uint32_t len;
} hcl_lit;

typedef struct hcl_expr hcl_expr;
struct hcl_expr {
    uint8_t kind; /* hcl_kind */
    uint8_t op;
    uint8_t flags;
    uint32_t pos, end; /* global offsets of the first byte and one past the last */
    const char *name, *name2;
    uint32_t nlen, n2len;
    hcl_expr *a, *b, *c, *d;
    hcl_expr **items;
    uint32_t n;
    hcl_lit lit;
};

typedef struct hcl_body hcl_body;

typedef struct hcl_attr {
    const char *name;
    uint32_t nlen;
    uint32_t pos; /* of the name */
    hcl_expr *expr;
} hcl_attr;

typedef struct hcl_label {
    const char *s; /* unescaped */
    uint32_t len, pos;
} hcl_label;

typedef struct hcl_block {
    const char *type;
    uint32_t tlen;
    uint32_t pos, end; /* from the type name to one past the closing brace */
    hcl_label *labels;
    uint32_t n_labels;
    hcl_body *body;
} hcl_block;

struct hcl_body {
    hcl_attr *attrs;
    uint32_t n_attrs;
    hcl_block *blocks;
    uint32_t n_blocks;
    uint32_t pos, end;
};

/* A line comment that mentions "tenken:" (inline suppressions are read from these). */
typedef struct hcl_comment {
    const char *text; /* after the comment marker */
    uint32_t len, pos; /* pos: of the marker (# or //) */
} hcl_comment;

typedef struct hcl_file {
    hcl_body *body;
    hcl_comment *comments;
    uint32_t n_comments;
} hcl_file;

enum { HCL_DEFAULT_DEPTH = 128 };

/* Parses a configuration file: text[0..len) is the file's (decoded) text, which starts at
 * global offset base. max_depth bounds nesting (0: default). On error returns false with
 * err->offset global. */
bool hcl_parse_file(tk_arena *a, const char *text, size_t len, uint32_t base, unsigned max_depth,
                    hcl_file *out, tk_err *err);
/* Parses a lone expression (a --var value, an index into tfvars). */
bool hcl_parse_expr(tk_arena *a, const char *text, size_t len, uint32_t base, unsigned max_depth,
                    hcl_expr **out, tk_err *err);
/* Parses text as a bare template (the JSON syntax's strings): literal text with
 * interpolations and directives, no quotes and no escapes besides $${ and %%{. */
bool hcl_parse_template(tk_arena *a, const char *text, size_t len, uint32_t base,
                        unsigned max_depth, hcl_expr **out, tk_err *err);

/* Finds an attribute of a body by name, or NULL. */
const hcl_attr *hcl_body_attr(const hcl_body *b, const char *name);

#endif
