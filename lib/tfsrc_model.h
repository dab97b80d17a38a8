/* Terraform source as declarations: the modules of a configuration, each a directory of
 * .tf and .tf.json files, with their variables, locals, outputs, resources, data sources
 * and module calls. Loading reads and parses files (through a tk_srcfs) and lays their
 * text end to end in one document, so every position in every file is one offset into it.
 * Nothing is evaluated here (adapt_tfsrc.c does that). */
#ifndef TK_TFSRC_MODEL_H
#define TK_TFSRC_MODEL_H
#include "buf.h"
#include "doc.h"
#include "hcl.h"
#include "srcfs.h"

typedef struct tf_decl {
    const char *name;
    uint32_t nlen;
    uint32_t pos;
    const hcl_block *block; /* variable, output, resource, data, module (NULL for a local) */
    const hcl_expr *expr;   /* local: its value; variable: default; output: value */
} tf_decl;

typedef struct tf_res_decl {
    bool data;
    const char *type, *name;
    uint32_t tlen, nlen;
    const hcl_block *block;
    const hcl_expr *count, *for_each;
} tf_res_decl;

typedef struct tf_module tf_module;

typedef struct tf_call_decl {
    const char *name;
    uint32_t nlen;
    const hcl_block *block;
    const hcl_expr *count, *for_each;
    const char *source; /* the source argument when it is a plain string, else NULL */
    tf_module *target;  /* the loaded module for a local source, NULL otherwise */
    bool resolved;      /* target looked up already */
} tf_call_decl;

struct tf_module {
    const char *dir; /* relative to the scan root, "" for the root itself */
    tf_decl *vars, *locals, *outputs;
    uint32_t n_vars, n_locals, n_outputs;
    tf_res_decl *res;
    uint32_t n_res;
    tf_call_decl *calls;
    uint32_t n_calls;
    hcl_comment *comments;
    uint32_t n_comments;
    uint32_t n_files;
};

typedef struct tf_limits {
    size_t max_files;     /* .tf files read in all, default 10,000 */
    size_t max_bytes;     /* source bytes read in all, default 256 MiB */
    unsigned max_modules; /* distinct module directories, default 1,000 */
    unsigned max_depth;   /* HCL nesting, default 128 */
} tf_limits;

/* Block types whose JSON form holds nested blocks rather than an attribute, for one
 * resource type (from the provider facts); NULL: none known. */
typedef bool (*tf_is_block_fn)(void *self, const char *type, size_t tlen, const char *path);

typedef struct tf_source {
    tk_arena *a;
    tk_doc *doc;
    tk_buf text; /* the document's text, growing as files are read */
    const tk_srcfs *fs;
    tf_limits lim;
    const char *display_dir; /* prefix of file names in results ("" for none) */
    tf_is_block_fn is_block;
    void *is_block_self;
    void (*diag)(void *self, uint32_t pos, const char *msg); /* non-fatal problems */
    void *diag_self;
    tf_module **mods;
    uint32_t n_mods, cap_mods;
    size_t files_read, bytes_read;
} tf_source;

void tf_source_init(tf_source *s, tk_arena *a, tk_doc *doc, const tk_srcfs *fs,
                    const tf_limits *lim);
void tf_source_free(tf_source *s);
/* Loads (once) the module in directory dir: false with *err (global offset) on a read or
 * syntax error, or when dir holds no configuration file (err->msg says so). */
bool tf_source_module(tf_source *s, const char *dir, tf_module **out, tk_err *err);
/* Loads one file as a module of its own (scanning a single .tf file). */
bool tf_source_file_module(tf_source *s, const char *path, tf_module **out, tk_err *err);
/* Hands the collected text to the document (call once, after the last file was read). */
bool tf_source_finish(tf_source *s);
/* Reads a variables file (.tfvars in native syntax, or .tfvars.json) into attributes: from
 * the tree (text NULL) or from text the caller read. */
bool tf_source_tfvars(tf_source *s, const char *path, const char *text, size_t len, hcl_body **out, tk_err *err);
/* Adds text that is not a file (a --var value) to the document, parsed as an expression. */
bool tf_source_expr(tf_source *s, const char *label, const char *text, size_t len, hcl_expr **out,
                    tk_err *err);

/* .tf.json: the JSON syntax as a syntax tree (tfsrc_json.c). text is the file's text at
 * global offset base. */
bool tf_json_file(tf_source *s, const char *text, size_t len, uint32_t base, hcl_file *out,
                  tk_err *err);

#endif
