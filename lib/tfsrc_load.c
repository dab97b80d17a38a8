/* Loading Terraform source: module directories read through a tk_srcfs, parsed, and turned
 * into declarations (see tfsrc_model.h). */
#include "tfsrc_model.h"
#include "text.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void tf_source_init(tf_source *s, tk_arena *a, tk_doc *doc, const tk_srcfs *fs,
                    const tf_limits *lim) {
    memset(s, 0, sizeof *s);
    s->a = a;
    s->doc = doc;
    s->fs = fs;
    tk_buf_init(&s->text);
    if (lim) s->lim = *lim;
    if (!s->lim.max_files) s->lim.max_files = 10000;
    if (!s->lim.max_bytes) s->lim.max_bytes = 256u << 20;
    if (!s->lim.max_modules) s->lim.max_modules = 1000;
    if (!s->lim.max_depth) s->lim.max_depth = HCL_DEFAULT_DEPTH;
}

void tf_source_free(tf_source *s) {
    tk_buf_free(&s->text);
    free(s->mods);
    memset(s, 0, sizeof *s);
}

bool tf_source_finish(tf_source *s) {
    if (s->text.oom) return false;
    tk_text_free(&s->doc->text);
    s->doc->text.data = s->text.data ? s->text.data : "";
    s->doc->text.len = s->text.len;
    s->doc->text.owned = s->text.data;
    s->doc->text.encoding = TK_ENC_UTF8;
    tk_buf_init(&s->text); /* the document owns the text now */
    tk_locator_free(&s->doc->loc);
    return true;
}

static bool fail(tk_err *err, uint32_t at, const char *msg) {
    err->offset = at;
    size_t n = strlen(msg);
    if (n >= sizeof err->msg) n = sizeof err->msg - 1;
    memcpy(err->msg, msg, n);
    err->msg[n] = 0;
    return false;
}

static void diag(tf_source *s, uint32_t pos, const char *msg) {
    if (s->diag) s->diag(s->diag_self, pos, msg);
}

/* Appends a file's decoded text on a line of its own; returns its stable copy and offset. */
static bool add_text(tf_source *s, const char *path, const char *data, size_t len,
                     const char **copy, uint32_t *base, tk_err *err) {
    if (s->text.len && s->text.data[s->text.len - 1] != '\n') tk_buf_putc(&s->text, '\n');
    if (s->text.len + len + 1 > UINT32_MAX / 2)
        return fail(err, (uint32_t)s->text.len, "source too large");
    *base = (uint32_t)s->text.len;
    char shown[1200];
    const char *dd = s->display_dir ? s->display_dir : "";
    size_t dl = strlen(dd);
    snprintf(shown, sizeof shown, "%s%s%s", dd, dl && dd[dl - 1] != '/' ? "/" : "", path);
    if (!tk_doc_add_file(s->doc, shown, *base)) return fail(err, *base, "out of memory");
    tk_buf_append(&s->text, data, len);
    tk_buf_putc(&s->text, '\n');
    char *c = tk_arena_strndup(s->a, data, len);
    if (!c || s->text.oom) return fail(err, *base, "out of memory");
    *copy = c;
    return true;
}

/* Reads path through the fs and decodes it (BOM, UTF-16). */
static bool read_file(tf_source *s, const char *path, const char **copy, size_t *len,
                      uint32_t *base, tk_err *err) {
    const char *data;
    size_t n;
    char msg[200];
    uint32_t here = (uint32_t)s->text.len;
    if (++s->files_read > s->lim.max_files) {
        snprintf(msg, sizeof msg, "more than %zu source files", s->lim.max_files);
        return fail(err, here, msg);
    }
    if (!s->fs || !s->fs->read(s->fs->self, path, &data, &n, msg, sizeof msg)) {
        char m2[240];
        snprintf(m2, sizeof m2, "%s: %s", path, s->fs ? msg : "no file access");
        return fail(err, here, m2);
    }
    s->bytes_read += n;
    if (s->bytes_read > s->lim.max_bytes) {
        snprintf(msg, sizeof msg, "more than %zu bytes of source", s->lim.max_bytes);
        return fail(err, here, msg);
    }
    tk_text t;
    if (!tk_text_decode(&t, data, n, s->lim.max_bytes, err)) {
        /* Position the message at the file's start. */
        char m2[sizeof err->msg];
        snprintf(m2, sizeof m2, "%s", err->msg);
        bool ok = add_text(s, path, "", 0, copy, base, err);
        (void)ok;
        return fail(err, *base, m2);
    }
    bool ok = add_text(s, path, t.data, t.len, copy, base, err);
    *len = t.len;
    tk_text_free(&t);
    return ok;
}

/* ---- declarations ---- */

typedef struct decl_lists {
    tf_decl *vars, *locals, *outputs;
    uint32_t n_vars, n_locals, n_outputs, c_vars, c_locals, c_outputs;
    tf_res_decl *res;
    uint32_t n_res, c_res;
    tf_call_decl *calls;
    uint32_t n_calls, c_calls;
    hcl_comment *comments;
    uint32_t n_comments, c_comments;
} decl_lists;

static bool grow(void **v, uint32_t *cap, uint32_t n, size_t elem) {
    if (n < *cap) return true;
    uint32_t c = *cap ? *cap * 2 : 8;
    if (c > (1u << 24)) return false;
    void *nv = realloc(*v, c * elem);
    if (!nv) return false;
    *v = nv;
    *cap = c;
    return true;
}

static const char *attr_string(const hcl_body *b, const char *name) {
    const hcl_attr *at = hcl_body_attr(b, name);
    if (!at || at->expr->kind != HX_TEMPLATE) return NULL;
    if (at->expr->n == 0) return "";
    if (at->expr->n == 1 && at->expr->items[0]->kind == HX_LIT) return at->expr->items[0]->lit.s;
    return NULL;
}

static const hcl_expr *attr_expr(const hcl_body *b, const char *name) {
    const hcl_attr *at = hcl_body_attr(b, name);
    return at ? at->expr : NULL;
}

static bool same_name(const char *a, uint32_t al, const char *b, uint32_t bl) {
    return al == bl && !memcmp(a, b, al);
}

static bool labels_are(tf_source *s, const hcl_block *b, uint32_t n) {
    if (b->n_labels == n) return true;
    char m[120];
    snprintf(m, sizeof m, "a %.*s block needs %u label%s; ignored",
             (int)(b->tlen > 20 ? 20 : b->tlen), b->type, n, n == 1 ? "" : "s");
    diag(s, b->pos, m);
    return false;
}

static bool duplicate(tf_source *s, const hcl_block *b, const char *what) {
    char m[160];
    snprintf(m, sizeof m, "%s declared twice; the first declaration stands", what);
    diag(s, b->pos, m);
    return true;
}

static bool collect(tf_source *s, decl_lists *d, const hcl_file *f) {
    const hcl_body *body = f->body;
    for (uint32_t i = 0; i < body->n_blocks; i++) {
        const hcl_block *b = &body->blocks[i];
#define IS(t) (b->tlen == sizeof(t) - 1 && !memcmp(b->type, t, sizeof(t) - 1))
        if (IS("variable") || IS("output")) {
            if (!labels_are(s, b, 1)) continue;
            bool var = IS("variable");
            tf_decl **v = var ? &d->vars : &d->outputs;
            uint32_t *n = var ? &d->n_vars : &d->n_outputs, *c = var ? &d->c_vars : &d->c_outputs;
            bool dup = false;
            for (uint32_t k = 0; k < *n && !dup; k++)
                dup = same_name((*v)[k].name, (*v)[k].nlen, b->labels[0].s, b->labels[0].len);
            if (dup) {
                duplicate(s, b, var ? "variable" : "output");
                continue;
            }
            if (!grow((void **)v, c, *n, sizeof **v)) return false;
            (*v)[(*n)++] = (tf_decl){b->labels[0].s, b->labels[0].len, b->pos, b,
                                     attr_expr(b->body, var ? "default" : "value")};
        } else if (IS("locals")) {
            for (uint32_t k = 0; k < b->body->n_attrs; k++) {
                const hcl_attr *at = &b->body->attrs[k];
                bool dup = false;
                for (uint32_t j = 0; j < d->n_locals && !dup; j++)
                    dup = same_name(d->locals[j].name, d->locals[j].nlen, at->name, at->nlen);
                if (dup) {
                    diag(s, at->pos, "local value declared twice; the first declaration stands");
                    continue;
                }
                if (!grow((void **)&d->locals, &d->c_locals, d->n_locals, sizeof *d->locals))
                    return false;
                d->locals[d->n_locals++] = (tf_decl){at->name, at->nlen, at->pos, NULL, at->expr};
            }
        } else if (IS("resource") || IS("data")) {
            if (!labels_are(s, b, 2)) continue;
            bool data = IS("data"), dup = false;
            for (uint32_t k = 0; k < d->n_res && !dup; k++)
                dup = d->res[k].data == data &&
                      same_name(d->res[k].type, d->res[k].tlen, b->labels[0].s, b->labels[0].len) &&
                      same_name(d->res[k].name, d->res[k].nlen, b->labels[1].s, b->labels[1].len);
            if (dup) {
                duplicate(s, b, data ? "data source" : "resource");
                continue;
            }
            if (!grow((void **)&d->res, &d->c_res, d->n_res, sizeof *d->res)) return false;
            d->res[d->n_res++] = (tf_res_decl){data,
                                               b->labels[0].s,
                                               b->labels[1].s,
                                               b->labels[0].len,
                                               b->labels[1].len,
                                               b,
                                               attr_expr(b->body, "count"),
                                               attr_expr(b->body, "for_each")};
        } else if (IS("module")) {
            if (!labels_are(s, b, 1)) continue;
            bool dup = false;
            for (uint32_t k = 0; k < d->n_calls && !dup; k++)
                dup =
                    same_name(d->calls[k].name, d->calls[k].nlen, b->labels[0].s, b->labels[0].len);
            if (dup) {
                duplicate(s, b, "module call");
                continue;
            }
            if (!grow((void **)&d->calls, &d->c_calls, d->n_calls, sizeof *d->calls)) return false;
            d->calls[d->n_calls++] = (tf_call_decl){b->labels[0].s,
                                                    b->labels[0].len,
                                                    b,
                                                    attr_expr(b->body, "count"),
                                                    attr_expr(b->body, "for_each"),
                                                    attr_string(b->body, "source"),
                                                    NULL,
                                                    false};
        }
#undef IS
    }
    for (uint32_t i = 0; i < f->n_comments; i++) {
        if (!grow((void **)&d->comments, &d->c_comments, d->n_comments, sizeof *d->comments))
            return false;
        d->comments[d->n_comments++] = f->comments[i];
    }
    return true;
}

/* Copies a growable list into the arena. */
static bool settle(tk_arena *a, void **v, uint32_t n, size_t elem) {
    void *c = tk_arena_array(a, n ? n : 1, elem);
    if (c && n) memcpy(c, *v, n * elem);
    free(*v);
    *v = c;
    return c != NULL;
}

static bool ends_with(const char *s, const char *suffix) {
    size_t l = strlen(s), k = strlen(suffix);
    return l >= k && !strcmp(s + l - k, suffix);
}

typedef struct name_list {
    char **v;
    uint32_t n, cap;
    bool oom;
} name_list;

static void add_name(void *ctx, const char *name, bool is_dir) {
    name_list *l = ctx;
    if (is_dir || !(ends_with(name, ".tf") || ends_with(name, ".tf.json"))) return;
    if (!grow((void **)&l->v, &l->cap, l->n, sizeof *l->v)) {
        l->oom = true;
        return;
    }
    size_t len = strlen(name);
    char *c = malloc(len + 1);
    if (!c) {
        l->oom = true;
        return;
    }
    memcpy(c, name, len + 1);
    l->v[l->n++] = c;
}

static int cmp_names(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool is_override(const char *name) {
    return !strcmp(name, "override.tf") || !strcmp(name, "override.tf.json") ||
           ends_with(name, "_override.tf") || ends_with(name, "_override.tf.json");
}

static bool parse_one(tf_source *s, const char *path, decl_lists *d, tk_err *err) {
    const char *text;
    size_t len;
    uint32_t base;
    if (!read_file(s, path, &text, &len, &base, err)) return false;
    hcl_file f;
    bool ok = ends_with(path, ".json")
                  ? tf_json_file(s, text, len, base, &f, err)
                  : hcl_parse_file(s->a, text, len, base, s->lim.max_depth, &f, err);
    if (!ok) return false;
    if (!collect(s, d, &f)) return fail(err, base, "out of memory");
    return true;
}

static bool finish_module(tf_source *s, tf_module *m, decl_lists *d, tk_err *err) {
    bool ok = settle(s->a, (void **)&d->vars, d->n_vars, sizeof *d->vars) &&
              settle(s->a, (void **)&d->locals, d->n_locals, sizeof *d->locals) &&
              settle(s->a, (void **)&d->outputs, d->n_outputs, sizeof *d->outputs) &&
              settle(s->a, (void **)&d->res, d->n_res, sizeof *d->res) &&
              settle(s->a, (void **)&d->calls, d->n_calls, sizeof *d->calls) &&
              settle(s->a, (void **)&d->comments, d->n_comments, sizeof *d->comments);
    if (!ok) return fail(err, (uint32_t)s->text.len, "out of memory");
    m->vars = d->vars, m->n_vars = d->n_vars;
    m->locals = d->locals, m->n_locals = d->n_locals;
    m->outputs = d->outputs, m->n_outputs = d->n_outputs;
    m->res = d->res, m->n_res = d->n_res;
    m->calls = d->calls, m->n_calls = d->n_calls;
    m->comments = d->comments, m->n_comments = d->n_comments;
    return true;
}

static void free_lists(decl_lists *d) {
    free(d->vars);
    free(d->locals);
    free(d->outputs);
    free(d->res);
    free(d->calls);
    free(d->comments);
}

static tf_module *new_module(tf_source *s, const char *dir, tk_err *err) {
    if (s->n_mods >= s->lim.max_modules) {
        char m[80];
        snprintf(m, sizeof m, "more than %u module directories", s->lim.max_modules);
        fail(err, (uint32_t)s->text.len, m);
        return NULL;
    }
    tf_module *m = tk_arena_alloc(s->a, sizeof *m);
    if (!m || !(m->dir = tk_arena_strdup(s->a, dir)) ||
        !grow((void **)&s->mods, &s->cap_mods, s->n_mods, sizeof *s->mods)) {
        fail(err, (uint32_t)s->text.len, "out of memory");
        return NULL;
    }
    s->mods[s->n_mods++] = m;
    return m;
}

bool tf_source_module(tf_source *s, const char *dir, tf_module **out, tk_err *err) {
    for (uint32_t i = 0; i < s->n_mods; i++)
        if (!strcmp(s->mods[i]->dir, dir)) {
            *out = s->mods[i];
            return true;
        }
    name_list names = {0};
    char msg[200];
    if (!s->fs || !s->fs->list(s->fs->self, dir, add_name, &names, msg, sizeof msg)) {
        char m2[260];
        snprintf(m2, sizeof m2, "%s: %s", *dir ? dir : ".", s->fs ? msg : "no file access");
        for (uint32_t i = 0; i < names.n; i++) free(names.v[i]);
        free(names.v);
        return fail(err, (uint32_t)s->text.len, m2);
    }
    if (names.oom) {
        for (uint32_t i = 0; i < names.n; i++) free(names.v[i]);
        free(names.v);
        return fail(err, (uint32_t)s->text.len, "out of memory");
    }
    if (names.n) qsort(names.v, names.n, sizeof *names.v, cmp_names);
    tf_module *m = new_module(s, dir, err);
    decl_lists d = {0};
    bool ok = m != NULL;
    /* Override files come last: their declarations of something already declared are
     * reported and set aside (merging is not done). */
    for (int pass = 0; pass < 2 && ok; pass++)
        for (uint32_t i = 0; i < names.n && ok; i++) {
            if (is_override(names.v[i]) != (pass == 1)) continue;
            char path[1024];
            if (!tk_path_join(dir, names.v[i], path, sizeof path)) {
                ok = fail(err, (uint32_t)s->text.len, "path too long");
                break;
            }
            ok = parse_one(s, path, &d, err);
            if (ok) m->n_files++;
        }
    for (uint32_t i = 0; i < names.n; i++) free(names.v[i]);
    free(names.v);
    if (ok && m->n_files == 0) {
        snprintf(msg, sizeof msg, "%s: no .tf or .tf.json files", *dir ? dir : ".");
        ok = fail(err, (uint32_t)s->text.len, msg);
    }
    if (ok)
        ok = finish_module(s, m, &d, err);
    else
        free_lists(&d);
    if (ok) *out = m;
    return ok;
}

bool tf_source_file_module(tf_source *s, const char *path, tf_module **out, tk_err *err) {
    tf_module *m = new_module(s, path, err);
    if (!m) return false;
    /* The module's directory is the file's. */
    const char *slash = strrchr(path, '/');
    m->dir = slash ? tk_arena_strndup(s->a, path, (size_t)(slash - path)) : "";
    if (!m->dir) return fail(err, 0, "out of memory");
    decl_lists d = {0};
    if (!parse_one(s, path, &d, err)) {
        free_lists(&d);
        return false;
    }
    m->n_files = 1;
    if (!finish_module(s, m, &d, err)) return false;
    *out = m;
    return true;
}

bool tf_source_tfvars(tf_source *s, const char *path, const char *given, size_t given_len, hcl_body **out,
                      tk_err *err) {
    const char *text;
    size_t len = given_len;
    uint32_t base;
    if (given) {
        const char *saved = s->display_dir;
        s->display_dir = ""; /* the caller's own name for it */
        bool ok = add_text(s, path, given, given_len, &text, &base, err);
        s->display_dir = saved;
        if (!ok) return false;
    } else if (!read_file(s, path, &text, &len, &base, err)) {
        return false;
    }
    hcl_file f;
    bool ok = ends_with(path, ".json")
                  ? tf_json_file(s, text, len, base, &f, err)
                  : hcl_parse_file(s->a, text, len, base, s->lim.max_depth, &f, err);
    if (!ok) return false;
    if (f.body->n_blocks)
        return fail(err, f.body->blocks[0].pos, "a variables file holds only name = value lines");
    *out = f.body;
    return true;
}

bool tf_source_expr(tf_source *s, const char *label, const char *text, size_t len, hcl_expr **out,
                    tk_err *err) {
    const char *copy;
    uint32_t base;
    if (!add_text(s, label, text, len, &copy, &base, err)) return false;
    return hcl_parse_expr(s->a, copy, len, base, s->lim.max_depth, out, err);
}
