/* Built-in functions of the Terraform language, for evaluating .tf source.
 *
 * Arguments arrive evaluated (a call's "..." expansion already done). A function whose
 * arguments are not known returns an unknown value deriving from them (hv_unknown_from),
 * except where Terraform's own function can still answer (length() of a tuple with unknown
 * elements, lookup() of a known key in an object with unknown values, ...). try() and can()
 * are not here: they need their arguments unevaluated, so the evaluator implements them.
 * Functions whose result cannot be known before apply (timestamp, uuid, bcrypt, ...) return
 * unknown. File functions read through a tk_srcfs, never outside the scanned tree. */
#ifndef TK_TF_FUNCS_H
#define TK_TF_FUNCS_H
#include "hval.h"
#include "srcfs.h"

typedef struct tf_call_ctx {
    tk_arena *a;            /* results are allocated here */
    const tk_srcfs *fs;     /* NULL: file functions return unknown */
    const char *module_dir; /* directory of the calling module, relative to the scan root */
    /* templatefile(): renders template text with the variables in vars (an object); given
     * by the evaluator. NULL: templatefile returns unknown. */
    bool (*render)(void *self, const char *text, size_t len, const hv *vars, hv *out, char *err,
                   size_t errcap);
    void *render_self;
    size_t max_items;  /* largest collection a function may build (range, setproduct, ...) */
    size_t max_string; /* longest string a function may build */
    char err[256];     /* why the last call failed */
} tf_call_ctx;

enum { TF_CALL_UNSUPPORTED = -1, TF_CALL_ERROR = 0, TF_CALL_OK = 1 };

/* Calls the function named name[0..nlen): TF_CALL_OK with *out set, TF_CALL_ERROR with the
 * reason in c->err (wrong argument count or types, a value out of range, ...), or
 * TF_CALL_UNSUPPORTED when tenken does not know the function (the caller then uses
 * unknown). */
int tf_call(tf_call_ctx *c, const char *name, size_t nlen, const hv *args, uint32_t n, hv *out);

/* The functions tenken evaluates, NULL-terminated, sorted (for documentation and tests). */
const char *const *tf_function_names(void);

#endif
