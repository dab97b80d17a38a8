/* The rule condition language: compiled once to bytecode, evaluated three-valued.
 *
 *   paths       bucket, versioning[0].enabled, ingress[*].cidr_blocks[*], tags["Name"]
 *               @ is the current element (the resource at top level), $ the resource
 *   literals    "text" 'text' 42 1.5 true false null [a, b]
 *   operators   ! && || (also not/and/or), == != < <= > >= in =~ !~, x ?? default
 *   functions   see builtins in vm.c (any, all, count, exists, matches, related, ...)
 *
 * A condition is true, false or unknown; unknown propagates (Kleene logic) so a value
 * that is not known before apply can never produce a finding. */
#ifndef TK_EXPR_H
#define TK_EXPR_H
#include "arena.h"
#include "text.h"
#include "value.h"

typedef struct tk_insn {
    uint8_t op;
    uint8_t a;
    uint16_t b;
    uint32_t c;
} tk_insn;

typedef struct tk_prog {
    tk_insn *code;
    uint32_t n_code;
    tk_val *consts;
    uint32_t n_consts;
    void **regexes; /* pcre2_code*, owned; freed by tk_prog_free */
    uint32_t n_regexes;
    const char **texts; /* source text of each path load, for "not evaluated" reasons */
    uint32_t n_texts;
    const char *src;
    uint32_t max_stack;
} tk_prog;

/* A named default for an attribute path left out of the input ("provider default"). */
typedef struct tk_default {
    const char *path; /* dotted path from the resource root, e.g. "metadata_options.http_tokens" */
    tk_val value;
} tk_default;

typedef struct tk_compile_env {
    const tk_default *defaults;
    size_t n_defaults;
    bool scope; /* scope-level condition: no current resource */
} tk_compile_env;

/* Compiles src[0..len). Allocations come from arena (regexes from PCRE2's allocator).
 * On error returns NULL and err->offset is an offset into src. */
tk_prog *tk_expr_compile(tk_arena *arena, const char *src, size_t len, const tk_compile_env *env,
                         tk_err *err);
void tk_prog_free(tk_prog *p);

/* ---- evaluation ---- */

typedef enum { TK_FALSE = 0, TK_TRUE = 1, TK_UNKNOWN_TRI = 2 } tk_tri;

struct tk_resource;
typedef struct tk_eval_ctx tk_eval_ctx;

/* What the evaluator needs from the resource table, so it stays independent of it. */
typedef struct tk_eval_host {
    void *self;
    /* Resources of `type` whose attribute `attr` refers to `res`. */
    bool (*related)(void *self, tk_eval_ctx *ctx, const struct tk_resource *res, const char *type,
                    const char *attr, tk_vlist *out);
    /* Every resource of `type` in the same input. */
    bool (*resources)(void *self, tk_eval_ctx *ctx, const char *type, tk_vlist *out);
    /* Resources of `type` whose `attr` refers to what `res`'s own `attr` refers to. */
    bool (*same)(void *self, tk_eval_ctx *ctx, const struct tk_resource *res, const char *type,
                 const char *attr, tk_vlist *out);
    /* Whether the configuration sets the attribute at a dotted path of `res` (true/false),
     * or unknown when the input carries no configuration. */
    tk_tri (*configured)(void *self, const struct tk_resource *res, const char *path);
} tk_eval_host;

struct tk_eval_ctx {
    tk_arena *scratch; /* temporary values; reset by the caller between resources */
    const tk_eval_host *host;
    const struct tk_resource *res; /* the resource being checked (NULL for scope rules) */
    tk_val root;
    void *match_data; /* pcre2_match_data*, created lazily */
    const char *unknown_reason; /* source text of the first path that was unknown */
    struct tk_json_cache *json_cache;
    size_t max_json_bytes;
    bool failed; /* out of memory or internal limit; the result is then unknown */
    /* The last attribute of the resource itself that a condition read (for the finding's
     * location): nodes in [blame_lo, blame_hi) count. */
    const struct tk_node *blame, *blame_lo, *blame_hi;
};

void tk_eval_ctx_init(tk_eval_ctx *c, tk_arena *scratch, const tk_eval_host *host);
void tk_eval_ctx_reset(tk_eval_ctx *c); /* drops per-resource caches (json documents) */
void tk_eval_ctx_free(tk_eval_ctx *c);

tk_tri tk_prog_eval(const tk_prog *p, tk_eval_ctx *ctx);
/* Truthiness of a value in three-valued logic (null and false are false). */
tk_tri tk_val_truth(tk_val v);

#endif
