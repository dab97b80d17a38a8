/* Reading and checking the waivers file (see waivers.h). */
#include "waivers.h"
#include "config.h"
#include "yaml_file.h"
#include "../lib/waiver.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *waivers_find(const char *start) {
    return config_find_named(start, "tenken-waivers.yaml");
}

static const char KNOWN[] = "rule, resource, path, reason, approver, created, expires";

/* A date field: YAML 1.2 reads 2027-03-31 as a string; it must be a real date. */
static bool want_date(yaml_file *f, const tk_node *n, const char *key, char **out) {
    if (!yaml_want_string(f, n, key, out)) return false;
    if (!tk_date_valid(*out, strlen(*out)))
        return yaml_fail(f, n, "%s must be a date written YYYY-MM-DD, not '%s'", key, *out);
    return true;
}

static bool read_waiver(yaml_file *f, const tk_node *item, tk_waiver *w, const tk_engine *e) {
    if (tk_node_kind(item) != TK_OBJECT)
        return yaml_fail(f, item, "a waiver must be a mapping (%s)", KNOWN);
    const tk_node *rule_at = NULL, *created_at = NULL;
    for (const tk_node *m = tk_node_first(item); m != tk_node_end(item); m = tk_node_next(m)) {
        tk_doc *d = &f->doc;
        bool ok;
        if (tk_doc_key_eq(d, m, "rule", 4)) {
            ok = yaml_want_string(f, m, "rule", (char **)&w->rule);
            rule_at = m;
        } else if (tk_doc_key_eq(d, m, "resource", 8)) {
            ok = yaml_want_string(f, m, "resource", (char **)&w->resource);
        } else if (tk_doc_key_eq(d, m, "path", 4)) {
            ok = yaml_want_string(f, m, "path", (char **)&w->path);
        } else if (tk_doc_key_eq(d, m, "reason", 6)) {
            ok = yaml_want_string(f, m, "reason", (char **)&w->reason);
        } else if (tk_doc_key_eq(d, m, "approver", 8)) {
            ok = yaml_want_string(f, m, "approver", (char **)&w->approver);
        } else if (tk_doc_key_eq(d, m, "created", 7)) {
            ok = want_date(f, m, "created", (char **)&w->created);
            created_at = m;
        } else if (tk_doc_key_eq(d, m, "expires", 7)) {
            ok = want_date(f, m, "expires", (char **)&w->expires);
        } else {
            return yaml_unknown_key(f, m, "a waiver", KNOWN);
        }
        if (!ok) return false;
    }
    /* Every waiver says what, why, who and until when: one that does not is refused. */
    static const char *const REQUIRED[] = {"rule", "resource", "reason", "approver", "created",
                                           "expires"};
    const char *const values[] = {w->rule, w->resource, w->reason, w->approver, w->created,
                                  w->expires};
    for (size_t i = 0; i < 6; i++) {
        const char *v = values[i];
        while (v && (*v == ' ' || *v == '\t')) v++;
        if (!v || !*v)
            return yaml_fail(f, item, "this waiver has no %s; every waiver needs rule, resource, "
                                      "reason, approver, created and expires",
                             REQUIRED[i]);
    }
    if (e && !tk_engine_find_rule(e, w->rule))
        return yaml_fail(f, rule_at, "no rule with id '%s' (tenken rules lists them)", w->rule);
    if (strcmp(w->created, w->expires) > 0)
        return yaml_fail(f, created_at, "created (%s) is after expires (%s)", w->created,
                         w->expires);
    unsigned line = 1, col = 1;
    tk_doc_locate(&f->doc, item->pos, &line, &col);
    w->at = (tk_location){f->path, line, col};
    return true;
}

bool waivers_load(waiver_file *w, const char *path, const tk_engine *e) {
    memset(w, 0, sizeof *w);
    w->path = strdup(path);
    if (!w->path) {
        fprintf(stderr, "%s:1:1: out of memory\n", path);
        return false;
    }
    yaml_file f;
    const tk_node *root;
    bool ok = yaml_file_open(&f, w->path, &root);
    if (ok && root && tk_node_kind(root) != TK_OBJECT)
        ok = yaml_fail(&f, root, "the waivers file must be a mapping with a waivers list");
    for (const tk_node *m = ok && root ? tk_node_first(root) : NULL; ok && m != tk_node_end(root);
         m = tk_node_next(m)) {
        if (!tk_doc_key_eq(&f.doc, m, "waivers", 7)) {
            ok = yaml_unknown_key(&f, m, "the waivers file", "waivers");
            break;
        }
        if (tk_node_kind(m) == TK_NULL) continue;
        if (tk_node_kind(m) != TK_ARRAY) {
            ok = yaml_fail(&f, m, "waivers must be a list");
            break;
        }
        size_t n = tk_node_count(m);
        tk_waiver *items = realloc(w->items, (w->n + n + 1) * sizeof *items);
        if (!items) {
            ok = yaml_fail(&f, m, "out of memory");
            break;
        }
        w->items = items;
        for (const tk_node *it = tk_node_first(m); ok && it != tk_node_end(m);
             it = tk_node_next(it)) {
            memset(&w->items[w->n], 0, sizeof *w->items);
            ok = read_waiver(&f, it, &w->items[w->n], e);
            w->n++; /* counted even when it failed, so that waivers_free frees its strings */
        }
    }
    yaml_file_close(&f);
    return ok;
}

void waivers_free(waiver_file *w) {
    for (size_t i = 0; i < w->n; i++) {
        tk_waiver *x = &w->items[i];
        free((char *)x->rule);
        free((char *)x->resource);
        free((char *)x->path);
        free((char *)x->reason);
        free((char *)x->approver);
        free((char *)x->created);
        free((char *)x->expires);
    }
    free(w->items);
    free(w->path);
    memset(w, 0, sizeof *w);
}

void waiver_attention(tk_buf *b, const tk_waiver_status *st, bool ja) {
    const tk_waiver *w = &st->waiver;
    if (st->expired)
        tk_buf_printf(b,
                      ja ? "%s（%s）の例外承認は %s に期限切れです（承認者: %s）。該当する指摘は再び報告されます"
                         : "the waiver of %s for %s expired on %s (approved by %s); its findings are "
                           "reported again",
                      w->rule, w->resource, w->expires ? w->expires : "",
                      w->approver ? w->approver : "");
    else if (st->stale)
        tk_buf_printf(b,
                      ja ? "%s（%s）の例外承認に該当する指摘がありません（不要になった例外承認は削除してください）"
                         : "the waiver of %s for %s matches no finding (stale: remove it)",
                      w->rule, w->resource);
}
