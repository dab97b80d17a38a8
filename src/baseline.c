/* Baseline files (see baseline.h). */
#include "baseline.h"
#include "io.h"
#include "jsonw.h"
#include "../lib/doc.h"
#include "../lib/json.h"
#include "../lib/text.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool fail(tk_doc *d, const char *path, const tk_node *n, const char *msg) {
    unsigned line = 1, col = 1;
    if (n) tk_doc_locate(d, n->pos, &line, &col);
    fprintf(stderr, "%s:%u:%u: %s\n", path, line, col, msg);
    return false;
}

static bool is_fingerprint(tk_str s) {
    if (s.len != 16) return false;
    for (size_t i = 0; i < 16; i++)
        if (!((s.p[i] >= '0' && s.p[i] <= '9') || (s.p[i] >= 'a' && s.p[i] <= 'f'))) return false;
    return true;
}

void baseline_free(char **fps, size_t n) {
    for (size_t i = 0; i < n; i++) free(fps[i]);
    free(fps);
}

bool baseline_read(const char *path, size_t max_bytes, bool (*keep)(void *, const char *rule_id),
                   void *keep_self, char ***out, size_t *n_out) {
    *out = NULL;
    *n_out = 0;
    input_bytes in;
    char err[300];
    if (!io_read_input(path, max_bytes, &in, err, sizeof err)) {
        fprintf(stderr, "%s:1:1: %s\n", path, err);
        return false;
    }
    tk_doc d;
    tk_doc_init(&d, path);
    tk_err e;
    bool ok = false;
    char **fps = NULL;
    size_t n = 0;
    if (!tk_text_decode(&d.text, in.data, in.len, max_bytes, &e) ||
        !tk_json_parse(&d, &(tk_json_opts){.max_depth = 16}, &e)) {
        unsigned line = 1, col = 1;
        if (d.text.data) tk_doc_locate(&d, e.offset, &line, &col);
        fprintf(stderr, "%s:%u:%u: %s\n", path, line, col, e.msg);
        goto out;
    }
    const tk_node *root = tk_doc_root(&d);
    const tk_node *version = root ? tk_doc_get(&d, root, "tenken_baseline") : NULL;
    const tk_node *list = root ? tk_doc_get(&d, root, "findings") : NULL;
    if (!root || tk_node_kind(root) != TK_OBJECT || !version) {
        fail(&d, path, root, "not a tenken baseline (written by tenken scan --write-baseline)");
        goto out;
    }
    double v;
    if (tk_node_kind(version) != TK_NUMBER || !tk_doc_number(&d, version, &v) || v != 1) {
        fail(&d, path, version, "baseline version must be 1");
        goto out;
    }
    if (!list || tk_node_kind(list) != TK_ARRAY) {
        fail(&d, path, list ? list : root, "findings must be a list");
        goto out;
    }
    fps = calloc(tk_node_count(list) + 1, sizeof *fps);
    if (!fps) {
        fail(&d, path, list, "out of memory");
        goto out;
    }
    for (const tk_node *it = tk_node_first(list); it != tk_node_end(list); it = tk_node_next(it)) {
        const tk_node *fp = tk_node_kind(it) == TK_OBJECT ? tk_doc_get(&d, it, "fingerprint") : NULL;
        if (!fp) {
            fail(&d, path, it, "each finding needs a fingerprint");
            goto out;
        }
        tk_str s = tk_doc_str(&d, fp);
        if (tk_node_kind(fp) != TK_STRING || !is_fingerprint(s)) {
            fail(&d, path, fp, "a fingerprint is 16 lowercase hexadecimal digits");
            goto out;
        }
        const tk_node *rule = tk_doc_get(&d, it, "rule_id");
        if (keep && rule && tk_node_kind(rule) == TK_STRING) {
            tk_str id = tk_doc_str(&d, rule);
            char name[128];
            snprintf(name, sizeof name, "%.*s", (int)(id.len < 127 ? id.len : 127), id.p);
            if (!keep(keep_self, name)) continue;
        }
        if (!(fps[n] = strndup(s.p, s.len))) {
            fail(&d, path, fp, "out of memory");
            goto out;
        }
        n++;
    }
    ok = true;
out:
    tk_doc_free(&d);
    io_release(&in);
    if (!ok) {
        baseline_free(fps, n);
        return false;
    }
    *out = fps;
    *n_out = n;
    return true;
}

static int cmp_entry(const void *x, const void *y) {
    const tk_finding *a = *(const tk_finding *const *)x, *b = *(const tk_finding *const *)y;
    int c = strcmp(a->rule->id, b->rule->id);
    if (!c) c = strcmp(a->resource.address, b->resource.address);
    if (!c) c = strcmp(a->fingerprint, b->fingerprint);
    return c;
}

bool baseline_write(const char *path, const report *r) {
    size_t nf, nb;
    const tk_finding *fs = tk_scan_findings(r->scan, &nf);
    const tk_finding *bs = tk_scan_baselined(r->scan, &nb);
    /* Sorted by rule and address rather than by place: moving code does not reorder it. */
    const tk_finding **all = malloc((nf + nb + 1) * sizeof *all);
    if (!all) {
        cli_error("%s: out of memory", path);
        return false;
    }
    for (size_t i = 0; i < nf; i++) all[i] = &fs[i];
    for (size_t i = 0; i < nb; i++) all[nf + i] = &bs[i];
    qsort(all, nf + nb, sizeof *all, cmp_entry);
    tk_buf b;
    tk_buf_init(&b);
    jw w;
    jw_init(&w, &b, true);
    jw_obj(&w);
    jw_key(&w, "tenken_baseline");
    jw_uint(&w, 1);
    jw_key(&w, "findings");
    jw_arr(&w);
    const char *prev = NULL;
    for (size_t i = 0; i < nf + nb; i++) {
        if (prev && !strcmp(prev, all[i]->fingerprint)) continue; /* once is enough */
        prev = all[i]->fingerprint;
        jw_obj(&w);
        jw_key(&w, "fingerprint");
        jw_str(&w, all[i]->fingerprint);
        jw_key(&w, "rule_id");
        jw_str(&w, all[i]->rule->id);
        jw_key(&w, "address");
        jw_str(&w, all[i]->resource.address);
        jw_key(&w, "file");
        jw_str(&w, all[i]->location.file);
        jw_end_obj(&w);
    }
    jw_end_arr(&w);
    jw_end_obj(&w);
    tk_buf_putc(&b, '\n');
    free(all);
    bool ok = !b.oom;
    char err[300] = "out of memory";
    atomic_file f;
    if (ok && (ok = io_atomic_open(&f, path, err, sizeof err))) {
        io_atomic_write(&f, b.data, b.len);
        ok = io_atomic_commit(&f, err, sizeof err);
    }
    if (!ok) cli_error("%s: %s", path, err);
    tk_buf_free(&b);
    return ok;
}
