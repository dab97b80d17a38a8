/* Evaluation of Terraform language expressions (HCL syntax trees) to values.
 *
 * The evaluator knows the language — operators, templates, for expressions, splats,
 * conditionals, function calls, try() and can() — but not Terraform's namespaces: a
 * reference such as var.x, local.y, aws_s3_bucket.b.id or module.m.out is handed to the
 * caller's resolver, which consumes the part of the traversal it understands. Errors
 * (a wrong type, a missing attribute, a failing function) make the value unknown and are
 * reported once through the diagnostic callback; inside try() and can() they are caught. */
#ifndef TK_TFSRC_EVAL_H
#define TK_TFSRC_EVAL_H
#include "hcl.h"
#include "hval.h"
#include "tf_funcs.h"

/* Names bound while evaluating: for-expression variables, a dynamic block's iterator, a
 * splat's current element (empty name). A chain, innermost first. */
typedef struct tf_scope {
    const struct tf_scope *parent;
    const char *name;
    uint32_t nlen;
    hv val;
} tf_scope;

typedef struct tf_eval tf_eval;

typedef struct tf_eval_host {
    void *self;
    /* Resolves a reference rooted at variable `root` (not bound in the scope chain), given the
     * traversal after it: steps[i] is an HX_GETATTR or HX_INDEX node, outermost last. Returns
     * how many steps it used (the evaluator applies the rest to *out), or -1 when root names
     * nothing (an error). It may call tf_eval_expr recursively. */
    int (*resolve)(void *self, tf_eval *ev, const tf_scope *sc, const hcl_expr *root,
                   const hcl_expr *const *steps, uint32_t nsteps, hv *out);
    /* An attribute missing from a resource object (HVF_RESOURCE): its provider default, or
     * unknown. */
    hv (*missing)(void *self, tf_eval *ev, const hv *resource, const char *name, size_t len);
    /* A problem worth telling the user (pos is a global offset). */
    void (*diag)(void *self, uint32_t pos, const char *msg);
} tf_eval_host;

struct tf_eval {
    tk_arena *a;
    tf_eval_host host;
    tf_call_ctx fn;
    /* Error state of the expression being evaluated (first error wins). */
    bool failed;
    uint32_t fail_pos;
    char fail_msg[256];
    unsigned catching; /* inside try()/can(): errors are not reported */
    unsigned depth, max_depth;
    uint64_t steps, max_steps;
    bool exhausted; /* max_steps reached: everything further is unknown */
};

void tf_eval_init(tf_eval *ev, tk_arena *a, const tf_eval_host *host);
/* Evaluates e; on an error reports it (unless inside try/can) and returns unknown. */
hv tf_eval_expr(tf_eval *ev, const tf_scope *sc, const hcl_expr *e);
/* Evaluates e as a statement: errors are reported and cleared afterwards. */
hv tf_eval_top(tf_eval *ev, const tf_scope *sc, const hcl_expr *e);
/* Records an error at pos (the first one of an evaluation wins) and returns unknown. */
hv tf_eval_fail(tf_eval *ev, uint32_t pos, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Applies one traversal step (HX_GETATTR or HX_INDEX, whose index is evaluated in sc). */
hv tf_eval_step(tf_eval *ev, const tf_scope *sc, hv v, const hcl_expr *step);
/* Renders a template text (templatefile) with the members of vars bound as variables. */
bool tf_eval_render(tf_eval *ev, const char *text, size_t len, const hv *vars, hv *out, char *err,
                    size_t errcap);

#endif
