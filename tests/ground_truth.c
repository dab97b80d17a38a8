/* Ground truth for Terraform source evaluation: for every fixture X.tf with the plan
 * X.plan.json that Terraform itself made from it, tenken's evaluation of X.tf must give
 * the same resources (addresses) and, for every attribute tenken claims to know, the value
 * Terraform planned. tenken may leave something unknown that Terraform knew (it never
 * guesses), but it must never claim a value Terraform did not plan: an attribute Terraform
 * knew only after apply must be unknown to tenken too.
 *
 * Strings holding JSON documents (policies) are compared as documents, since the provider
 * normalizes them; sets are compared without regard to order.
 *
 * Usage: test-ground-truth FILE.tf...   Ends with "N passed, N failed". */
#include "../lib/adapt_tfsrc.h"
#include "../lib/engine.h"
#include "../lib/json.h"
#include "../src/fs_tree.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int passed, failed, quiet_fail_limit = 200;

static char *slurp(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 16, n = 0;
    char *b = malloc(cap);
    while (b) {
        size_t r = fread(b + n, 1, cap - n, f);
        n += r;
        if (n < cap) break;
        char *nb = realloc(b, cap *= 2);
        if (!nb) free(b);
        b = nb;
    }
    fclose(f);
    if (b) *len = n;
    return b;
}

/* While matching set elements, differences are counted, not reported. */
static int dry_depth, dry_diffs;

static void fail(const char *fixture, const char *addr, const char *path, const char *what) {
    if (dry_depth) {
        dry_diffs++;
        return;
    }
    failed++;
    if (failed <= quiet_fail_limit)
        fprintf(stderr, "FAIL: %s: %s%s%s: %s\n", fixture, addr, *path ? "." : "", path, what);
}

/* ---- the two documents ---- */

typedef struct side {
    const tk_doc *d;
    const tk_node *n;
} side;

static bool is_empty(side s) {
    if (!s.n || tk_node_kind(s.n) == TK_NULL) return true;
    return (tk_node_kind(s.n) == TK_ARRAY || tk_node_kind(s.n) == TK_OBJECT) &&
           tk_node_count(s.n) == 0;
}

static void text_of(side s, tk_buf *b) {
    if (!s.n) {
        tk_buf_puts(b, "(absent)");
        return;
    }
    switch (tk_node_kind(s.n)) {
    case TK_NULL: tk_buf_puts(b, "null"); break;
    case TK_BOOL: tk_buf_puts(b, tk_node_bool(s.n) ? "true" : "false"); break;
    case TK_UNKNOWN: tk_buf_puts(b, "(unknown)"); break;
    case TK_NUMBER:
    case TK_STRING: {
        tk_str t = tk_doc_str(s.d, s.n);
        tk_buf_printf(b, tk_node_kind(s.n) == TK_STRING ? "\"%.*s\"" : "%.*s",
                      (int)(t.len > 120 ? 120 : t.len), t.p);
        break;
    }
    default:
        tk_buf_printf(b, "(%s of %u)", tk_node_kind(s.n) == TK_ARRAY ? "list" : "object",
                      tk_node_count(s.n));
    }
}

static bool same(side a, side b, bool *unknown_b);

/* Both strings hold JSON documents: compare them as documents. */
static bool same_json_text(tk_str x, tk_str y) {
    tk_doc dx, dy;
    tk_doc_init(&dx, "");
    tk_doc_init(&dy, "");
    dx.text.data = x.p;
    dx.text.len = x.len;
    dy.text.data = y.p;
    dy.text.len = y.len;
    tk_err e;
    bool r = false;
    if (x.len && (x.p[0] == '{' || x.p[0] == '[') && tk_json_parse(&dx, NULL, &e) &&
        tk_json_parse(&dy, NULL, &e)) {
        bool u = false;
        r = same((side){&dx, tk_doc_root(&dx)}, (side){&dy, tk_doc_root(&dy)}, &u);
    }
    dx.text.data = dy.text.data = NULL;
    tk_doc_free(&dx);
    tk_doc_free(&dy);
    return r;
}

static bool same_number(side a, side b) {
    double x, y;
    return tk_doc_number(a.d, a.n, &x) && tk_doc_number(b.d, b.n, &y) && x == y;
}

/* a: tenken's (known); b: Terraform's. *unknown_b when Terraform did not know b. */
static bool same(side a, side b, bool *unknown_b) {
    if (b.n && tk_node_kind(b.n) == TK_UNKNOWN) {
        *unknown_b = true;
        return false;
    }
    if (is_empty(a) && is_empty(b)) return true;
    if (!a.n || !b.n) return false;
    tk_kind ka = tk_node_kind(a.n), kb = tk_node_kind(b.n);
    if (ka == TK_NUMBER && kb == TK_NUMBER) return same_number(a, b);
    if (ka != kb) return false;
    switch (ka) {
    case TK_BOOL: return tk_node_bool(a.n) == tk_node_bool(b.n);
    case TK_STRING: {
        tk_str x = tk_doc_str(a.d, a.n), y = tk_doc_str(b.d, b.n);
        return (x.len == y.len && !memcmp(x.p, y.p, x.len)) || same_json_text(x, y);
    }
    case TK_ARRAY: {
        if (tk_node_count(a.n) != tk_node_count(b.n)) return false;
        /* In order first, then as a set. */
        bool in_order = true;
        const tk_node *y = b.n + 1;
        for (TK_EACH_CHILD(x, a.n)) {
            bool u = false;
            if (tk_node_kind(x) != TK_UNKNOWN && !same((side){a.d, x}, (side){b.d, y}, &u))
                in_order = false;
            y = tk_node_next(y);
        }
        if (in_order) return true;
        for (TK_EACH_CHILD(x, a.n)) {
            bool found = false;
            for (TK_EACH_CHILD(z, b.n)) {
                bool u = false;
                if (same((side){a.d, x}, (side){b.d, z}, &u)) found = true;
            }
            if (!found) return false;
        }
        return true;
    }
    case TK_OBJECT:
        for (TK_EACH_CHILD(x, a.n)) {
            if (tk_node_kind(x) == TK_UNKNOWN) continue;
            tk_str k = tk_doc_key(a.d, x);
            const tk_node *z = tk_doc_getn(b.d, b.n, k.p, k.len);
            bool u = false;
            if (!same((side){a.d, x}, (side){b.d, z}, &u) && !u) return false;
        }
        return true;
    default: return true;
    }
}

static void compare_object(const char *fixture, const char *addr, const char *path, side a, side b,
                           side m);

/* Differences between elements xe and ye (with mask element um), counted only. */
static int element_diffs(const char *fixture, const char *addr, const char *path, side xe, side ye,
                         side um) {
    dry_depth++;
    int before = dry_diffs;
    if (tk_node_kind(xe.n) == TK_OBJECT && tk_node_kind(ye.n) == TK_OBJECT) {
        compare_object(fixture, addr, path, xe, ye, um);
    } else if (tk_node_kind(xe.n) != TK_UNKNOWN && !(um.n && tk_node_bool(um.n))) {
        bool unk = false;
        if (!same(xe, ye, &unk)) dry_diffs++;
    }
    dry_depth--;
    return dry_diffs - before;
}

static bool in_order_matches(const char *fixture, const char *addr, const char *path, side a,
                             side b, side m) {
    const tk_node *ye = b.n + 1, *ue = m.n + 1, *uend = tk_node_end(m.n);
    for (TK_EACH_CHILD(xe, a.n)) {
        const tk_node *um = ue < uend ? ue : NULL;
        if (element_diffs(fixture, addr, path, (side){a.d, xe}, (side){b.d, ye}, (side){m.d, um}))
            return false;
        ye = tk_node_next(ye);
        if (um) ue = tk_node_next(ue);
    }
    return true;
}

/* Every element of a matches a different element of b (a set). */
static bool set_matches(const char *fixture, const char *addr, const char *path, side a, side b,
                        side m) {
    uint32_t n = tk_node_count(b.n), k = 0;
    bool *used = calloc(n + 1, sizeof *used);
    bool ok = used != NULL;
    for (const tk_node *xe = tk_node_first(a.n); ok && xe && xe < tk_node_end(a.n);
         xe = tk_node_next(xe)) {
        bool found = false;
        uint32_t j = 0;
        const tk_node *ue = m.n + 1, *uend = tk_node_end(m.n);
        for (TK_EACH_CHILD(ye, b.n)) {
            const tk_node *um = ue < uend ? ue : NULL;
            if (!found && !used[j] &&
                !element_diffs(fixture, addr, path, (side){a.d, xe}, (side){b.d, ye},
                               (side){m.d, um})) {
                used[j] = found = true;
            }
            j++;
            if (um) ue = tk_node_next(ue);
        }
        ok = found;
        k++;
    }
    free(used);
    return ok;
}

/* Compares tenken's object a with Terraform's values b (and unknown mask m), attribute by
 * attribute, reporting each difference with its path. */
static void compare_object(const char *fixture, const char *addr, const char *path, side a, side b,
                           side m) {
    for (TK_EACH_CHILD(x, a.n)) {
        tk_str k = tk_doc_key(a.d, x);
        char sub[512];
        snprintf(sub, sizeof sub, "%s%s%.*s", path, *path ? "." : "", (int)k.len, k.p);
        if (tk_node_kind(x) == TK_UNKNOWN) continue; /* tenken does not claim a value */
        const tk_node *y = b.n ? tk_doc_getn(b.d, b.n, k.p, k.len) : NULL;
        const tk_node *u =
            m.n && tk_node_kind(m.n) == TK_OBJECT ? tk_doc_getn(m.d, m.n, k.p, k.len) : NULL;
        if (u && tk_node_kind(u) == TK_BOOL && tk_node_bool(u)) {
            char msg[600];
            tk_buf t;
            tk_buf_init(&t);
            text_of((side){a.d, x}, &t);
            snprintf(msg, sizeof msg, "Terraform knows it only after apply, tenken claims %.*s",
                     (int)t.len, t.data);
            tk_buf_free(&t);
            fail(fixture, addr, sub, msg);
            continue;
        }
        if (tk_node_kind(x) == TK_OBJECT && y && tk_node_kind(y) == TK_OBJECT) {
            compare_object(fixture, addr, sub, (side){a.d, x}, (side){b.d, y}, (side){m.d, u});
            continue;
        }
        if (tk_node_kind(x) == TK_ARRAY && y && tk_node_kind(y) == TK_ARRAY &&
            tk_node_count(x) == tk_node_count(y) && u && tk_node_kind(u) == TK_ARRAY) {
            /* Element by element, with the mask's elements (blocks with unknown members);
             * when that does not match, as a set: each element against some other. */
            if (!in_order_matches(fixture, addr, sub, (side){a.d, x}, (side){b.d, y},
                                  (side){m.d, u}) &&
                set_matches(fixture, addr, sub, (side){a.d, x}, (side){b.d, y}, (side){m.d, u})) {
                passed++;
                continue;
            }
            const tk_node *ye = y + 1, *ue = u + 1, *uend = tk_node_end(u);
            uint32_t i = 0;
            for (TK_EACH_CHILD(xe, x)) {
                char el[560];
                snprintf(el, sizeof el, "%s[%u]", sub, i++);
                const tk_node *um = ue < uend ? ue : NULL;
                if (tk_node_kind(xe) == TK_OBJECT && tk_node_kind(ye) == TK_OBJECT)
                    compare_object(fixture, addr, el, (side){a.d, xe}, (side){b.d, ye},
                                   (side){m.d, um});
                else if (tk_node_kind(xe) != TK_UNKNOWN && !(um && tk_node_bool(um))) {
                    bool unk = false;
                    if (same((side){a.d, xe}, (side){b.d, ye}, &unk))
                        passed++;
                    else
                        fail(fixture, addr, el, "differs from the plan");
                }
                ye = tk_node_next(ye);
                if (um) ue = tk_node_next(ue);
            }
            continue;
        }
        bool unk = false;
        if (same((side){a.d, x}, (side){b.d, y}, &unk)) {
            passed++;
        } else if (!unk) {
            char msg[600];
            tk_buf t1, t2;
            tk_buf_init(&t1);
            tk_buf_init(&t2);
            text_of((side){a.d, x}, &t1);
            text_of((side){b.d, y}, &t2);
            snprintf(msg, sizeof msg, "tenken %.*s, Terraform %.*s",
                     (int)(t1.len > 250 ? 250 : t1.len), t1.data,
                     (int)(t2.len > 250 ? 250 : t2.len), t2.data);
            tk_buf_free(&t1);
            tk_buf_free(&t2);
            fail(fixture, addr, sub, msg);
        }
    }
}

/* ---- walking the plan ---- */

typedef struct planned {
    char address[512];
    const tk_node *values, *unknown;
} planned;

static void collect_planned(const tk_doc *d, const tk_node *mod, planned *out, size_t *n,
                            size_t cap) {
    const tk_node *res = tk_doc_get(d, mod, "resources");
    for (const tk_node *r = res ? tk_node_first(res) : NULL; r && r < tk_node_end(res);
         r = tk_node_next(r)) {
        const tk_node *a = tk_doc_get(d, r, "address"), *mode = tk_doc_get(d, r, "mode");
        if (!a || *n >= cap || (mode && tk_doc_str_eq(d, mode, "data"))) continue;
        tk_str s = tk_doc_str(d, a);
        snprintf(out[*n].address, sizeof out[*n].address, "%.*s", (int)s.len, s.p);
        out[*n].values = tk_doc_get(d, r, "values");
        out[*n].unknown = NULL;
        (*n)++;
    }
    const tk_node *kids = tk_doc_get(d, mod, "child_modules");
    for (const tk_node *k = kids ? tk_node_first(kids) : NULL; k && k < tk_node_end(kids);
         k = tk_node_next(k))
        collect_planned(d, k, out, n, cap);
}

static void check_fixture(const tk_facts *facts, const char *tf) {
    char plan_path[4096];
    snprintf(plan_path, sizeof plan_path, "%.*s.plan.json", (int)(strlen(tf) - 3), tf);
    size_t plen;
    char *ptext = slurp(plan_path, &plen);
    if (!ptext) return;
    tk_doc pd;
    tk_doc_init(&pd, plan_path);
    pd.text.data = ptext;
    pd.text.len = plen;
    tk_err err;
    if (!tk_json_parse(&pd, NULL, &err)) {
        fail(plan_path, "", "", "cannot parse the plan");
        pd.text.data = NULL;
        tk_doc_free(&pd);
        free(ptext);
        return;
    }
    static planned pv[4096];
    size_t npv = 0;
    const tk_node *pvn = tk_doc_get(&pd, tk_doc_root(&pd), "planned_values");
    if (pvn) collect_planned(&pd, tk_doc_get(&pd, pvn, "root_module"), pv, &npv, 4096);
    /* Unknown masks from resource_changes. */
    const tk_node *rc = tk_doc_get(&pd, tk_doc_root(&pd), "resource_changes");
    for (const tk_node *c = rc ? tk_node_first(rc) : NULL; c && c < tk_node_end(rc);
         c = tk_node_next(c)) {
        const tk_node *a = tk_doc_get(&pd, c, "address"), *ch = tk_doc_get(&pd, c, "change");
        if (!a || !ch) continue;
        tk_str s = tk_doc_str(&pd, a);
        for (size_t i = 0; i < npv; i++)
            if (strlen(pv[i].address) == s.len && !memcmp(pv[i].address, s.p, s.len))
                pv[i].unknown = tk_doc_get(&pd, ch, "after_unknown");
    }

    /* tenken's evaluation of the .tf file. */
    char dir[4096];
    const char *slash = strrchr(tf, '/');
    snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - tf) : 1, slash ? tf : ".");
    fs_tree t;
    char ferr[200];
    if (!fs_tree_open(&t, dir, 1 << 26, ferr, sizeof ferr)) {
        fail(tf, "", "", ferr);
        return;
    }
    tk_doc sd;
    tk_doc_init(&sd, tf);
    tk_rtable rt;
    tk_rtable_init(&rt, "terraform");
    tk_tfsrc_opts o = {
        .fs = &t.fs, .path = slash ? slash + 1 : tf, .single_file = true, .facts = facts};
    tk_tfsrc *ts = tk_tfsrc_load(&sd, &rt, &o, &err);
    if (!ts) {
        fail(tf, "", "", err.msg);
    } else {
        for (size_t i = 0; i < rt.n; i++) {
            const tk_resource *r = &rt.items[i];
            if (r->data || !r->values) continue;
            char addr[512];
            snprintf(addr, sizeof addr, "%.*s", (int)r->address.len, r->address.p);
            size_t k = 0;
            while (k < npv && strcmp(pv[k].address, addr) != 0) k++;
            if (k == npv) {
                fail(tf, addr, "", "tenken has this resource, the plan does not");
                continue;
            }
            passed++;
            compare_object(tf, addr, "", (side){&sd, r->values}, (side){&pd, pv[k].values},
                           (side){&pd, pv[k].unknown});
        }
        for (size_t k = 0; k < npv; k++) {
            bool found = false;
            for (size_t i = 0; i < rt.n && !found; i++)
                found = !rt.items[i].data && rt.items[i].address.len == strlen(pv[k].address) &&
                        !memcmp(rt.items[i].address.p, pv[k].address, rt.items[i].address.len);
            if (!found) fail(tf, pv[k].address, "", "the plan has this resource, tenken does not");
        }
    }
    tk_rtable_free(&rt);
    tk_tfsrc_free(ts);
    tk_doc_free(&sd);
    fs_tree_close(&t);
    pd.text.data = NULL;
    tk_doc_free(&pd);
    free(ptext);
}

int main(int argc, char **argv) {
    tk_engine *e = tk_engine_new();
    tk_diag d;
    if (!tk_engine_load_builtin(e, &d)) {
        fprintf(stderr, "%s:%u:%u: %s\n", d.file, d.line, d.column, d.message);
        return 2;
    }
    tk_facts facts;
    tk_err ferr;
    if (!tk_engine_facts(e, &facts, &ferr)) {
        fprintf(stderr, "provider facts: %s\n", ferr.msg);
        return 2;
    }
    int files = 0;
    for (int i = 1; i < argc; i++) {
        check_fixture(&facts, argv[i]);
        files++;
    }
    tk_facts_free(&facts);
    if (failed > quiet_fail_limit)
        fprintf(stderr, "... %d more differences\n", failed - quiet_fail_limit);
    printf("ground truth: %d fixtures compared with Terraform's plans\n", files);
    printf("%d passed, %d failed\n", passed, failed);
    tk_engine_free(e);
    return failed ? 1 : 0;
}
