/* JSON report (the stable contract other formats derive from; see docs/formats.md). */
#include "cli.h"
#include "jsonw.h"
#include <stdlib.h>
#include <string.h>

static void i18n_obj(jw *w, const tk_i18n *t) {
    jw_obj(w);
    jw_key(w, "ja");
    jw_str(w, t->ja);
    jw_key(w, "en");
    jw_str(w, t->en);
    jw_end_obj(w);
}

static void resource_obj(jw *w, const tk_resource_ref *r) {
    jw_obj(w);
    jw_key(w, "family");
    jw_str(w, r->family);
    jw_key(w, "type");
    jw_str(w, r->type);
    jw_key(w, "address");
    jw_str(w, r->address);
    jw_end_obj(w);
}

static void location_obj(jw *w, const tk_location *l) {
    jw_obj(w);
    jw_key(w, "file");
    jw_str(w, l->file);
    jw_key(w, "line");
    jw_uint(w, l->line);
    jw_key(w, "column");
    jw_uint(w, l->column);
    jw_end_obj(w);
}

static void cis_list(jw *w, const tk_rule *r) {
    jw_arr(w);
    tk_buf tmp;
    tk_buf_init(&tmp);
    for (size_t i = 0; i < r->n_cis; i++) {
        tk_buf_clear(&tmp);
        cis_label(&tmp, &r->cis[i]);
        jw_strn(w, tmp.data, tmp.len);
    }
    tk_buf_free(&tmp);
    jw_end_arr(w);
}

static void guideline_list(jw *w, const tk_rule *r) {
    jw_arr(w);
    for (size_t i = 0; i < r->n_guideline; i++) jw_str(w, r->guideline[i]);
    jw_end_arr(w);
}

/* Full metadata of a rule, shared with `tenken rules --format json`. */
void render_rule_json(jw *w, const tk_rule *r) {
    jw_obj(w);
    jw_key(w, "id");
    jw_str(w, r->id);
    jw_key(w, "provider");
    jw_str(w, r->provider);
    jw_key(w, "category");
    jw_str(w, r->category);
    jw_key(w, "category_title");
    tk_i18n ct = {tk_category_title(r->category, true), tk_category_title(r->category, false)};
    i18n_obj(w, &ct);
    jw_key(w, "guideline");
    guideline_list(w, r);
    jw_key(w, "cis");
    cis_list(w, r);
    jw_key(w, "severity");
    jw_str(w, tk_severity_name(r->severity));
    jw_key(w, "level");
    jw_str(w, tk_level_name(r->level));
    jw_key(w, "scope");
    jw_bool(w, r->scope);
    jw_key(w, "title");
    i18n_obj(w, &r->title);
    jw_key(w, "rationale");
    i18n_obj(w, &r->rationale);
    jw_key(w, "risk");
    i18n_obj(w, &r->risk);
    jw_key(w, "remediation");
    i18n_obj(w, &r->remediation);
    if (r->remediation_example) {
        jw_key(w, "remediation_example");
        jw_str(w, r->remediation_example);
    }
    jw_key(w, "applies_to");
    jw_arr(w);
    for (size_t i = 0; i < r->n_matches; i++) {
        jw_obj(w);
        jw_key(w, "family");
        jw_str(w, r->matches[i].family);
        jw_key(w, "resource_types");
        jw_arr(w);
        for (size_t t = 0; t < r->matches[i].n_types; t++) jw_str(w, r->matches[i].types[t]);
        jw_end_arr(w);
        jw_end_obj(w);
    }
    jw_end_arr(w);
    jw_end_obj(w);
}

void render_json(const report *r, tk_buf *b) {
    size_t nf, nn, ni, ne;
    const tk_finding *fs = tk_scan_findings(r->scan, &nf);
    const tk_not_evaluated *ns = tk_scan_not_evaluated(r->scan, &nn);
    const tk_input_info *ins = tk_scan_inputs(r->scan, &ni);
    const tk_diag *es = tk_scan_errors(r->scan, &ne);
    jw w;
    jw_init(&w, b, true);
    jw_obj(&w);
    jw_key(&w, "tool");
    jw_obj(&w);
    jw_key(&w, "name");
    jw_str(&w, "tenken");
    jw_key(&w, "version");
    jw_str(&w, TENKEN_VERSION);
    jw_key(&w, "rules_version");
    jw_str(&w, tk_engine_rules_version(r->engine));
    jw_end_obj(&w);

    jw_key(&w, "inputs");
    jw_arr(&w);
    for (size_t i = 0; i < ni; i++) {
        jw_obj(&w);
        jw_key(&w, "path");
        jw_str(&w, ins[i].path);
        jw_key(&w, "family");
        jw_str(&w, ins[i].family);
        jw_key(&w, "kind");
        jw_str(&w, ins[i].kind);
        jw_key(&w, "resources");
        jw_uint(&w, ins[i].resources);
        jw_end_obj(&w);
    }
    jw_end_arr(&w);

    jw_key(&w, "findings");
    jw_arr(&w);
    for (size_t i = 0; i < nf; i++) {
        const tk_finding *f = &fs[i];
        const tk_rule *rule = f->rule;
        jw_obj(&w);
        jw_key(&w, "rule_id");
        jw_str(&w, rule->id);
        jw_key(&w, "category");
        jw_str(&w, rule->category);
        jw_key(&w, "guideline");
        guideline_list(&w, rule);
        jw_key(&w, "cis");
        cis_list(&w, rule);
        jw_key(&w, "severity");
        jw_str(&w, tk_severity_name(rule->severity));
        jw_key(&w, "level");
        jw_str(&w, tk_level_name(rule->level));
        jw_key(&w, "resource");
        resource_obj(&w, &f->resource);
        jw_key(&w, "location");
        location_obj(&w, &f->location);
        jw_key(&w, "message");
        i18n_obj(&w, &rule->title);
        jw_key(&w, "fingerprint");
        jw_str(&w, f->fingerprint);
        jw_end_obj(&w);
    }
    jw_end_arr(&w);

    jw_key(&w, "not_evaluated");
    jw_arr(&w);
    for (size_t i = 0; i < nn; i++) {
        jw_obj(&w);
        jw_key(&w, "rule_id");
        jw_str(&w, ns[i].rule->id);
        jw_key(&w, "resource");
        resource_obj(&w, &ns[i].resource);
        jw_key(&w, "location");
        location_obj(&w, &ns[i].location);
        jw_key(&w, "reason");
        jw_str(&w, ns[i].reason);
        jw_end_obj(&w);
    }
    jw_end_arr(&w);

    jw_key(&w, "errors");
    jw_arr(&w);
    for (size_t i = 0; i < ne; i++) {
        jw_obj(&w);
        jw_key(&w, "file");
        jw_str(&w, es[i].file);
        jw_key(&w, "line");
        jw_uint(&w, es[i].line);
        jw_key(&w, "column");
        jw_uint(&w, es[i].column);
        jw_key(&w, "message");
        jw_str(&w, es[i].message);
        jw_end_obj(&w);
    }
    jw_end_arr(&w);

    /* Texts of the rules that produced findings, so a report reader needs nothing else. */
    jw_key(&w, "rules");
    jw_obj(&w);
    size_t nr = tk_engine_rule_count(r->engine);
    const tk_rule **used = calloc(nf + 1, sizeof *used);
    size_t nu = 0;
    for (size_t j = 0; used && j < nf; j++) {
        size_t k = 0;
        while (k < nu && used[k] != fs[j].rule) k++;
        if (k == nu) used[nu++] = fs[j].rule;
    }
    for (size_t i = 0; used && i < nr; i++) {
        const tk_rule *rule = tk_engine_rule(r->engine, i);
        for (size_t k = 0; k < nu; k++)
            if (used[k] == rule) {
                jw_key(&w, rule->id);
                render_rule_json(&w, rule);
                break;
            }
    }
    free(used);
    jw_end_obj(&w);

    jw_key(&w, "summary");
    jw_obj(&w);
    jw_key(&w, "findings");
    jw_uint(&w, nf);
    jw_key(&w, "by_category");
    jw_obj(&w);
    for (const char *const *c = tk_categories(); *c; c++) {
        size_t n = 0;
        for (size_t i = 0; i < nf; i++)
            if (!strcmp(fs[i].rule->category, *c)) n++;
        jw_key(&w, *c);
        jw_uint(&w, n);
    }
    jw_end_obj(&w);
    jw_key(&w, "by_severity");
    jw_obj(&w);
    for (int s = 4; s >= 0; s--) {
        size_t n = 0;
        for (size_t i = 0; i < nf; i++)
            if ((int)fs[i].rule->severity == s) n++;
        jw_key(&w, tk_severity_name((tk_severity)s));
        jw_uint(&w, n);
    }
    jw_end_obj(&w);
    jw_key(&w, "by_level");
    jw_obj(&w);
    for (int l = 0; l < 2; l++) {
        size_t n = 0;
        for (size_t i = 0; i < nf; i++)
            if ((int)fs[i].rule->level == l) n++;
        jw_key(&w, tk_level_name((tk_level)l));
        jw_uint(&w, n);
    }
    jw_end_obj(&w);
    jw_key(&w, "not_evaluated");
    jw_uint(&w, nn);
    jw_key(&w, "errors");
    jw_uint(&w, ne);
    jw_key(&w, "resources");
    jw_uint(&w, tk_scan_resource_count(r->scan));
    jw_key(&w, "rules");
    jw_uint(&w, r->rules_active);
    jw_key(&w, "checks");
    jw_uint(&w, tk_scan_evaluation_count(r->scan));
    jw_end_obj(&w);
    jw_end_obj(&w);
    tk_buf_putc(b, '\n');
}

int report_exit_status(const report *r) {
    size_t ne, nf;
    tk_scan_errors(r->scan, &ne);
    if (ne) return 2;
    if (r->fail_never) return 0;
    const tk_finding *fs = tk_scan_findings(r->scan, &nf);
    for (size_t i = 0; i < nf; i++)
        if (fs[i].rule->severity >= r->fail_on) return 1;
    return 0;
}
