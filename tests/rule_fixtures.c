/* Rule-fixture runner: proves that every rule fires on its fail fixtures and stays silent
 * on its pass fixtures, and that the Terraform source of each fixture (X.tf) gives exactly
 * the findings its plan (X.plan.json) gives.
 *
 * For each rules/<provider>/<ID>.rule it expects rules/<provider>/tests/<ID>/ with at least
 * fail.plan.json and pass.plan.json. The findings a fail fixture must produce are listed in
 * the .tf file it was generated from, one "# expect: <address>" line each; an optional
 * unknown.plan.json lists "# expect-not-evaluated: <address>" lines and proves that values
 * known only after apply give "not evaluated", never a finding. Each fixture is also
 * scanned with every rule to make sure nothing else breaks on it.
 *
 * A rule with a CloudFormation condition also has fail.cfn.yaml and pass.cfn.yaml (optional
 * unknown.cfn.yaml), a Kubernetes rule fail.k8s.yaml and pass.k8s.yaml (optional
 * unknown.k8s.yaml), each listing its own expectations in the same comment lines. Those
 * fixtures must be read as the family they are for, without errors or warnings.
 *
 * Usage: test-rules RULES-DIR [ID-PREFIX]. With a prefix, only rules whose ID starts with it
 * are checked (and only their files' load errors count). Ends with "N passed, N failed". */
#include "../include/tenken.h"
#include "../src/fs_tree.h"
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int passed, failed;

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
        if (!nb) {
            free(b);
            b = NULL;
        }
        b = nb;
    }
    fclose(f);
    if (b) *len = n;
    return b;
}

static bool exists(const char *p) {
    struct stat st;
    return stat(p, &st) == 0;
}

/* "# <tag> <address>" lines of the .tf source of a fixture. */
static size_t expectations(const char *tf_path, const char *tag, char out[][512], size_t cap) {
    size_t len, n = 0;
    char *src = slurp(tf_path, &len);
    if (!src) return 0;
    size_t tl = strlen(tag);
    char *line = src, *end = src + len;
    while (line < end) {
        char *nl = memchr(line, '\n', (size_t)(end - line));
        size_t ll = nl ? (size_t)(nl - line) : (size_t)(end - line);
        if (ll > tl + 2 && !strncmp(line, "# ", 2) && !strncmp(line + 2, tag, tl) &&
            line[2 + tl] == ' ' && n < cap) {
            size_t al = ll - tl - 3;
            while (al && (line[tl + 3 + al - 1] == ' ' || line[tl + 3 + al - 1] == '\r')) al--;
            snprintf(out[n++], 512, "%.*s", (int)al, line + tl + 3);
        }
        line = nl ? nl + 1 : end;
    }
    free(src);
    return n;
}

static void check(bool ok, const char *fmt, const char *a, const char *b) {
    if (ok) {
        passed++;
        return;
    }
    failed++;
    fprintf(stderr, "FAIL: ");
    fprintf(stderr, fmt, a, b);
    fputc('\n', stderr);
}

static tk_scan *scan_file(const tk_engine *e, const char *path, const tk_rule *only) {
    size_t len;
    char *data = slurp(path, &len);
    if (!data) return NULL;
    tk_scan *s = tk_scan_new(e, NULL);
    if (only)
        for (size_t i = 0; i < tk_engine_rule_count(e); i++)
            if (tk_engine_rule(e, i) != only) tk_scan_disable_rule(s, tk_engine_rule(e, i));
    tk_scan_input(s, path, data, len);
    tk_scan_finish(s);
    free(data);
    return s;
}

/* Scans the Terraform source file tf (alone, as its own module). */
static tk_scan *scan_source(const tk_engine *e, const char *tf, const tk_rule *only) {
    char dir[4096];
    const char *slash = strrchr(tf, '/');
    snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - tf) : 1, slash ? tf : ".");
    fs_tree t;
    char err[200];
    if (!fs_tree_open(&t, dir, 1 << 26, err, sizeof err)) return NULL;
    tk_scan *s = tk_scan_new(e, NULL);
    if (only)
        for (size_t i = 0; i < tk_engine_rule_count(e); i++)
            if (tk_engine_rule(e, i) != only) tk_scan_disable_rule(s, tk_engine_rule(e, i));
    tk_scan_source(s, dir, &t.fs, slash ? slash + 1 : tf, true, NULL);
    tk_scan_finish(s);
    fs_tree_close(&t);
    return s;
}

/* The same findings (rule, address) from the plan and from the source. */
static void same_findings(const char *tf, const tk_scan *from_plan, const tk_scan *from_source) {
    size_t np, ns;
    const tk_finding *fp = tk_scan_findings(from_plan, &np),
                     *fsrc = tk_scan_findings(from_source, &ns);
    char msg[600];
    for (int dir = 0; dir < 2; dir++) {
        const tk_finding *a = dir ? fsrc : fp, *b = dir ? fp : fsrc;
        size_t na = dir ? ns : np, nb = dir ? np : ns;
        for (size_t i = 0; i < na; i++) {
            bool found = false;
            for (size_t j = 0; j < nb && !found; j++)
                found =
                    a[i].rule == b[j].rule && !strcmp(a[i].resource.address, b[j].resource.address);
            snprintf(msg, sizeof msg, "%s: %s %%s on %%s only from the %s", tf, a[i].rule->id,
                     dir ? "source" : "plan");
            check(found, msg, "finding", a[i].resource.address);
        }
    }
    size_t ne;
    const tk_diag *errs = tk_scan_errors(from_source, &ne);
    if (ne) check(false, "%s: %s", tf, errs[0].message);
}

/* Compares the addresses a rule reported with the expected ones. */
static void compare(const char *what, const char *fixture, char exp[][512], size_t n_exp,
                    const char *const *got, size_t n_got) {
    char msg[1024];
    for (size_t i = 0; i < n_exp; i++) {
        bool found = false;
        for (size_t j = 0; j < n_got; j++) found |= !strcmp(exp[i], got[j]);
        snprintf(msg, sizeof msg, "%s: expected %s on %%s", fixture, what);
        check(found, msg, exp[i], "");
    }
    for (size_t j = 0; j < n_got; j++) {
        bool wanted = false;
        for (size_t i = 0; i < n_exp; i++) wanted |= !strcmp(exp[i], got[j]);
        snprintf(msg, sizeof msg, "%s: unexpected %s on %%s", fixture, what);
        check(wanted, msg, got[j], "");
    }
}

/* Checks the findings and "not evaluated" results of a fixture scan against the comment
 * lines of expect_src. */
static void check_expectations(const tk_rule *r, const char *kind, const char *fixture,
                               const char *expect_src, const tk_scan *s) {
    size_t nf, nn;
    const tk_finding *fs = tk_scan_findings(s, &nf);
    const tk_not_evaluated *ns = tk_scan_not_evaluated(s, &nn);
    const char **got_f = calloc(nf + 1, sizeof *got_f), **got_n = calloc(nn + 1, sizeof *got_n);
    for (size_t i = 0; i < nf; i++) got_f[i] = fs[i].resource.address;
    for (size_t i = 0; i < nn; i++) got_n[i] = ns[i].resource.address;
    static char exp[256][512];
    if (!strcmp(kind, "fail")) {
        size_t n = expectations(expect_src, "expect:", exp, 256);
        check(n > 0, "%s: %s lists no '# expect: <address>' line", r->id, expect_src);
        compare("finding", fixture, exp, n, got_f, nf);
        compare("not-evaluated", fixture, exp, 0, got_n, nn);
    } else if (!strcmp(kind, "pass")) {
        compare("finding", fixture, exp, 0, got_f, nf);
        compare("not-evaluated", fixture, exp, 0, got_n, nn);
    } else {
        size_t n = expectations(expect_src, "expect-not-evaluated:", exp, 256);
        check(n > 0, "%s: %s lists no '# expect-not-evaluated: <address>' line", r->id, expect_src);
        compare("not-evaluated", fixture, exp, n, got_n, nn);
        compare("finding", fixture, exp, 0, got_f, nf);
    }
    free(got_f);
    free(got_n);
}

static void run_fixture(const tk_engine *e, const tk_rule *r, const char *dir, const char *kind) {
    char plan[4608], tf[4608];
    snprintf(plan, sizeof plan, "%s/%s.plan.json", dir, kind);
    snprintf(tf, sizeof tf, "%s/%s.tf", dir, kind);
    bool required = strcmp(kind, "unknown") != 0;
    if (!exists(plan)) {
        if (required) check(false, "%s: missing %s fixture", r->id, plan);
        return;
    }
    tk_scan *s = scan_file(e, plan, r);
    if (!s) {
        check(false, "%s: cannot read %s", r->id, plan);
        return;
    }
    size_t ne;
    const tk_diag *errs = tk_scan_errors(s, &ne);
    if (ne) check(false, "%s: %s", plan, errs[0].message);
    check_expectations(r, kind, plan, tf, s);
    /* The source gives the plan's findings, with this rule and with every rule. */
    if (exists(tf)) {
        tk_scan *src = scan_source(e, tf, r);
        if (src)
            same_findings(tf, s, src);
        else
            check(false, "%s: cannot read %s", r->id, tf);
        tk_scan_free(src);
    }
    tk_scan_free(s);
    /* The fixture must also scan cleanly with every rule enabled. */
    s = scan_file(e, plan, NULL);
    tk_scan_errors(s, &ne);
    check(ne == 0, "%s: errors when scanned with all rules%s", plan, "");
    if (exists(tf)) {
        tk_scan *src = scan_source(e, tf, NULL);
        if (src) same_findings(tf, s, src);
        tk_scan_free(src);
    }
    tk_scan_free(s);
}

/* A CloudFormation template or Kubernetes manifest fixture: <kind><suffix>. */
static void run_doc_fixture(const tk_engine *e, const tk_rule *r, const char *dir, const char *kind,
                            const char *suffix, const char *family) {
    char path[4608];
    snprintf(path, sizeof path, "%s/%s%s", dir, kind, suffix);
    if (!exists(path)) {
        if (strcmp(kind, "unknown") != 0) check(false, "%s: missing %s fixture", r->id, path);
        return;
    }
    for (int all = 0; all < 2; all++) {
        tk_scan *s = scan_file(e, path, all ? NULL : r);
        if (!s) {
            check(false, "%s: cannot read %s", r->id, path);
            return;
        }
        size_t ne, nw, ni;
        const tk_diag *errs = tk_scan_errors(s, &ne), *warns = tk_scan_warnings(s, &nw);
        const tk_input_info *in = tk_scan_inputs(s, &ni);
        if (ne) check(false, "%s: %s", path, errs[0].message);
        if (nw) check(false, "%s: warning: %s", path, warns[0].message);
        check(ni == 1 && in[0].family && !strcmp(in[0].family, family), "%s: not read as %s", path,
              family);
        if (!all) check_expectations(r, kind, path, path, s);
        tk_scan_free(s);
    }
}

static bool has_family(const tk_rule *r, const char *family) {
    for (size_t i = 0; i < r->n_matches; i++)
        if (!strcmp(r->matches[i].family, family)) return true;
    return false;
}

static const char *prefix = "";

static int load_dir(tk_engine *e, const char *dir) {
    DIR *d = opendir(dir);
    if (!d) return 0;
    struct dirent *ent;
    int n = 0;
    char **names = NULL;
    size_t cnt = 0;
    while ((ent = readdir(d))) {
        size_t l = strlen(ent->d_name);
        if (l > 5 && !strcmp(ent->d_name + l - 5, ".rule")) {
            names = realloc(names, (cnt + 1) * sizeof *names);
            names[cnt++] = strdup(ent->d_name);
        }
    }
    closedir(d);
    /* The provider facts beside the rules (used for Terraform source). */
    char facts[4200];
    size_t flen;
    snprintf(facts, sizeof facts, "%.4096s/provider-facts.json", dir);
    char *ftext = slurp(facts, &flen);
    tk_diag fd;
    if (ftext && !tk_engine_load_facts(e, facts, ftext, flen, &fd)) {
        fprintf(stderr, "%s:%u:%u: %s\n", fd.file, fd.line, fd.column, fd.message);
        failed++;
    }
    free(ftext);
    for (size_t i = 0; i < cnt; i++) {
        char path[4096];
        if (snprintf(path, sizeof path, "%s/%s", dir, names[i]) >= (int)sizeof path) continue;
        size_t len;
        char *text = slurp(path, &len);
        tk_diag diag;
        if (!text || !tk_engine_load_rule(e, path, text, len, &diag)) {
            if (!strncmp(names[i], prefix, strlen(prefix))) {
                fprintf(stderr, "%s:%u:%u: %s\n", diag.file, diag.line, diag.column, diag.message);
                failed++;
            }
        } else {
            n++;
        }
        free(text);
        free(names[i]);
    }
    free(names);
    return n;
}

int main(int argc, char **argv) {
    if (argc != 2 && argc != 3) {
        fprintf(stderr, "usage: test-rules RULES-DIR [ID-PREFIX]\n");
        return 2;
    }
    if (argc == 3) prefix = argv[2];
    tk_engine *e = tk_engine_new();
    DIR *d = opendir(argv[1]);
    if (!d) {
        perror(argv[1]);
        return 2;
    }
    struct dirent *ent;
    char providers[32][256];
    size_t np = 0;
    while ((ent = readdir(d)) && np < 32)
        if (ent->d_name[0] != '.' && strlen(ent->d_name) < 256)
            memcpy(providers[np++], ent->d_name, strlen(ent->d_name) + 1);
    closedir(d);
    for (size_t i = 0; i < np; i++) {
        char dir[4096];
        if (snprintf(dir, sizeof dir, "%s/%s", argv[1], providers[i]) >= (int)sizeof dir) continue;
        load_dir(e, dir);
    }
    size_t with_fixtures = 0;
    for (size_t i = 0; i < tk_engine_rule_count(e); i++) {
        const tk_rule *r = tk_engine_rule(e, i);
        if (strncmp(r->id, prefix, strlen(prefix))) continue;
        char dir[4096];
        snprintf(dir, sizeof dir, "%s/%s/tests/%s", argv[1], r->provider, r->id);
        static const char *const kinds[] = {"fail", "pass", "unknown"};
        for (int k = 0; k < 3; k++) {
            if (has_family(r, "terraform")) run_fixture(e, r, dir, kinds[k]);
            if (has_family(r, "cloudformation"))
                run_doc_fixture(e, r, dir, kinds[k], ".cfn.yaml", "cloudformation");
            if (has_family(r, "kubernetes"))
                run_doc_fixture(e, r, dir, kinds[k], ".k8s.yaml", "kubernetes");
        }
        with_fixtures++;
    }
    printf("rule fixtures: %zu rules checked\n", with_fixtures);
    printf("%d passed, %d failed\n", passed, failed);
    tk_engine_free(e);
    return failed ? 1 : 0;
}
