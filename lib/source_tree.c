/* Scanning a tree: the root modules of its Terraform source (every directory with .tf or
 * .tf.json files, less those another directory calls as a local module: they are scanned
 * through their callers, with the callers' inputs), and every CloudFormation template and
 * Kubernetes manifest file (.yaml, .yml, .json, .template) in it. */
#include "engine.h"
#include "tfsrc_model.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_DIRS = 10000, MAX_TREE_DEPTH = 32 };

typedef struct dir_list {
    char **v;
    size_t n, cap;
    bool oom;
} dir_list;

static bool push_dir(dir_list *l, const char *d) {
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 32;
        char **nv = realloc(l->v, cap * sizeof *nv);
        if (!nv) return l->oom = true, false;
        l->v = nv;
        l->cap = cap;
    }
    char *c = strdup(d);
    if (!c) return l->oom = true, false;
    l->v[l->n++] = c;
    return true;
}

typedef struct walk_ctx {
    const char *dir;
    dir_list *subdirs, *docs;
    bool has_tf;
} walk_ctx;

static bool ends_with(const char *s, size_t l, const char *suffix) {
    size_t n = strlen(suffix);
    return l > n && !strcmp(s + l - n, suffix);
}

static void on_entry(void *ctx, const char *name, bool is_dir) {
    walk_ctx *w = ctx;
    size_t l = strlen(name);
    if (is_dir) {
        if (name[0] == '.') return; /* .terraform, .git, ... */
        char path[1024];
        if (tk_path_join(w->dir, name, path, sizeof path)) push_dir(w->subdirs, path);
        return;
    }
    if (ends_with(name, l, ".tf") || ends_with(name, l, ".tf.json")) {
        w->has_tf = true;
    } else if (ends_with(name, l, ".yaml") || ends_with(name, l, ".yml") ||
               ends_with(name, l, ".json") || ends_with(name, l, ".template")) {
        char path[1024];
        if (name[0] != '.' && tk_path_join(w->dir, name, path, sizeof path))
            push_dir(w->docs, path);
    }
}

static int depth_of(const char *d) {
    int n = *d ? 1 : 0;
    for (; *d; d++) n += *d == '/';
    return n;
}

static int cmp_str(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

size_t tk_scan_source_tree(tk_scan *s, const char *prefix, const tk_srcfs *fs, const char *dir,
                           const tk_source_opts *o) {
    dir_list queue = {0}, modules = {0}, docs = {0};
    push_dir(&queue, dir);
    const char *display = *prefix ? prefix : *dir ? dir : ".";
    char err[200];
    for (size_t i = 0; i < queue.n && queue.n < MAX_DIRS && !queue.oom; i++) {
        dir_list sub = {0};
        size_t first_doc = docs.n;
        walk_ctx w = {queue.v[i], &sub, &docs, false};
        if (depth_of(queue.v[i]) <= MAX_TREE_DEPTH &&
            fs->list(fs->self, queue.v[i], on_entry, &w, err, sizeof err)) {
            if (w.has_tf) push_dir(&modules, queue.v[i]);
            if (docs.n > first_doc)
                qsort(docs.v + first_doc, docs.n - first_doc, sizeof *docs.v, cmp_str);
            if (sub.n) qsort(sub.v, sub.n, sizeof *sub.v, cmp_str);
            for (size_t k = 0; k < sub.n; k++) push_dir(&queue, sub.v[k]);
        }
        for (size_t k = 0; k < sub.n; k++) free(sub.v[k]);
        free(sub.v);
    }
    /* Which modules are called by others (local sources only). */
    bool *called = calloc(modules.n + 1, sizeof *called);
    if (called && modules.n > 1) {
        tk_arena a;
        tk_arena_init(&a);
        tk_doc doc;
        tk_doc_init(&doc, display);
        tf_source src;
        tf_source_init(&src, &a, &doc, fs, NULL);
        for (size_t i = 0; i < modules.n; i++) {
            tf_module *m;
            tk_err e;
            if (!tf_source_module(&src, modules.v[i], &m, &e)) continue;
            for (uint32_t c = 0; c < m->n_calls; c++) {
                const char *so = m->calls[c].source;
                char target[1024];
                if (!so || (strncmp(so, "./", 2) && strncmp(so, "../", 3)) ||
                    !tk_path_join(m->dir, so, target, sizeof target))
                    continue;
                for (size_t k = 0; k < modules.n; k++)
                    if (k != i && !strcmp(modules.v[k], target)) called[k] = true;
            }
        }
        tf_source_free(&src);
        tk_doc_free(&doc);
        tk_arena_free(&a);
    }
    size_t scanned = 0, found = 0;
    size_t pl = strlen(prefix);
    char name[1200];
    for (size_t i = 0; i < modules.n && called; i++) {
        if (called[i]) continue;
        found++;
        if (*modules.v[i] && pl)
            snprintf(name, sizeof name, "%s%s%s", prefix, prefix[pl - 1] != '/' ? "/" : "",
                     modules.v[i]);
        else
            snprintf(name, sizeof name, "%s", *modules.v[i] ? modules.v[i] : display);
        if (tk_scan_source_in(s, name, prefix, fs, modules.v[i], false, o)) scanned++;
    }
    for (size_t i = 0; i < docs.n; i++) {
        const char *data;
        size_t len;
        if (pl)
            snprintf(name, sizeof name, "%s%s%s", prefix, prefix[pl - 1] != '/' ? "/" : "",
                     docs.v[i]);
        else
            snprintf(name, sizeof name, "%s", docs.v[i]);
        if (!fs->read(fs->self, docs.v[i], &data, &len, err, sizeof err)) {
            tk_scan_add_error(s, name, 1, 1, err);
            found++;
            continue;
        }
        int r = tk_scan_discovered(s, name, data, len);
        found += r >= 0;
        scanned += r == 1;
    }
    if (!called || queue.oom || modules.oom || docs.oom)
        tk_scan_add_error(s, display, 1, 1, "out of memory");
    else if (!found) {
        if (*dir && pl)
            snprintf(name, sizeof name, "%s%s%s", prefix, prefix[pl - 1] != '/' ? "/" : "", dir);
        else
            snprintf(name, sizeof name, "%s", *dir ? dir : display);
        tk_scan_add_error(s, name, 1, 1,
                          "nothing to scan here: no Terraform files (.tf, .tf.json), "
                          "CloudFormation templates or Kubernetes manifests");
    }
    free(called);
    for (size_t i = 0; i < queue.n; i++) free(queue.v[i]);
    for (size_t i = 0; i < modules.n; i++) free(modules.v[i]);
    for (size_t i = 0; i < docs.n; i++) free(docs.v[i]);
    free(queue.v);
    free(modules.v);
    free(docs.v);
    return scanned;
}
