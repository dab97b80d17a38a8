/* JSON report (the stable contract other formats derive from; see docs/formats.md). */
#include "cli.h"
#include "jsonw.h"
#include "report_summary.h"
#include "rule_frags.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static void i18n_obj(jw *w, const tk_i18n *t) {
    jw_obj(w);
    JW_KEY(w, "ja");
    jw_str(w, t->ja);
    JW_KEY(w, "en");
    jw_str(w, t->en);
    jw_end_obj(w);
}

static void resource_obj(jw *w, const tk_resource_ref *r) {
    jw_obj(w);
    JW_KEY(w, "family");
    jw_str(w, r->family);
    JW_KEY(w, "type");
    jw_str(w, r->type);
    JW_KEY(w, "address");
    jw_str(w, r->address);
    jw_end_obj(w);
}

static void location_members(jw *w, const tk_location *l) {
    JW_KEY(w, "file");
    jw_str(w, l->file);
    JW_KEY(w, "line");
    jw_uint(w, l->line);
    JW_KEY(w, "column");
    jw_uint(w, l->column);
}

/* A location; for a resource in a module, also the module calls that lead to it. */
static void location_obj(jw *w, const tk_location *l, const tk_location *calls, size_t n_calls) {
    jw_obj(w);
    location_members(w, l);
    if (n_calls) {
        JW_KEY(w, "module_calls");
        jw_arr(w);
        for (size_t i = 0; i < n_calls; i++) {
            jw_obj(w);
            location_members(w, &calls[i]);
            jw_end_obj(w);
        }
        jw_end_arr(w);
    }
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

static void reference_list(jw *w, const tk_rule *r) {
    jw_arr(w);
    tk_buf tmp;
    tk_buf_init(&tmp);
    for (size_t i = 0; i < r->n_references; i++) {
        tk_buf_clear(&tmp);
        reference_label(&tmp, &r->references[i]);
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
    JW_KEY(w, "id");
    jw_str(w, r->id);
    JW_KEY(w, "provider");
    jw_str(w, r->provider);
    JW_KEY(w, "category");
    jw_str(w, r->category);
    JW_KEY(w, "category_title");
    tk_i18n ct = {tk_category_title(r->category, true), tk_category_title(r->category, false)};
    i18n_obj(w, &ct);
    JW_KEY(w, "guideline");
    guideline_list(w, r);
    JW_KEY(w, "cis");
    cis_list(w, r);
    if (r->n_references) {
        JW_KEY(w, "references");
        reference_list(w, r);
    }
    JW_KEY(w, "severity");
    jw_str(w, tk_severity_name(r->severity));
    JW_KEY(w, "level");
    jw_str(w, tk_level_name(r->level));
    JW_KEY(w, "scope");
    jw_bool(w, r->scope);
    JW_KEY(w, "title");
    i18n_obj(w, &r->title);
    JW_KEY(w, "rationale");
    i18n_obj(w, &r->rationale);
    JW_KEY(w, "risk");
    i18n_obj(w, &r->risk);
    JW_KEY(w, "remediation");
    i18n_obj(w, &r->remediation);
    if (r->n_examples) {
        JW_KEY(w, "remediation_examples");
        jw_obj(w);
        for (size_t i = 0; i < r->n_examples; i++) {
            jw_key(w, r->examples[i].family);
            jw_str(w, r->examples[i].text);
        }
        jw_end_obj(w);
    }
    JW_KEY(w, "applies_to");
    jw_arr(w);
    for (size_t i = 0; i < r->n_matches; i++) {
        jw_obj(w);
        JW_KEY(w, "family");
        jw_str(w, r->matches[i].family);
        JW_KEY(w, "resource_types");
        jw_arr(w);
        for (size_t t = 0; t < r->matches[i].n_types; t++) jw_str(w, r->matches[i].types[t]);
        jw_end_arr(w);
        jw_end_obj(w);
    }
    jw_end_arr(w);
    jw_end_obj(w);
}

/* The members of a finding that come from its rule, before "resource". */
static void finding_head(jw *w, const tk_rule *rule) {
    JW_KEY(w, "rule_id");
    jw_str(w, rule->id);
    JW_KEY(w, "category");
    jw_str(w, rule->category);
    JW_KEY(w, "guideline");
    guideline_list(w, rule);
    JW_KEY(w, "cis");
    cis_list(w, rule);
    if (rule->n_references) {
        JW_KEY(w, "references");
        reference_list(w, rule);
    }
    JW_KEY(w, "severity");
    jw_str(w, tk_severity_name(rule->severity));
    JW_KEY(w, "level");
    jw_str(w, tk_level_name(rule->level));
}

/* Who is responsible for the category: {"role", "name"} with the members known, or null when
 * the configuration does not say. */
static void owner_value(jw *w, const report *r, const char *category) {
    const category_owner *o = report_has_owners(r) ? report_owner(r, category) : NULL;
    if (!o) {
        jw_null(w);
        return;
    }
    jw_obj(w);
    JW_KEY(w, "role");
    jw_str(w, o->role);
    JW_KEY(w, "name");
    jw_str(w, o->name);
    jw_end_obj(w);
}

/* A waiver, or an inline suppression described as one. */
static void waiver_members(jw *w, const tk_waiver *x) {
    JW_KEY(w, "kind");
    jw_str(w, x->in_source ? "suppression" : "waiver");
    JW_KEY(w, "rule_id");
    jw_str(w, x->rule);
    JW_KEY(w, "resource");
    jw_str(w, x->resource);
    if (x->path) {
        JW_KEY(w, "path");
        jw_str(w, x->path);
    }
    JW_KEY(w, "reason");
    jw_str(w, x->reason);
    JW_KEY(w, "approver");
    jw_str(w, x->approver);
    JW_KEY(w, "created");
    jw_str(w, x->created);
    JW_KEY(w, "expires");
    jw_str(w, x->expires);
    JW_KEY(w, "written_at");
    location_obj(w, &x->at, NULL, 0);
}

typedef struct frag_ctx {
    int depth;
    const report *r;
} frag_ctx;

/* Parts 0 and 1 of a finding that come from its rule: the members before "resource", and
 * "message" and "owner"; rendered at the depth findings are written at. */
static void finding_frags(void *ctx, const tk_rule *rule, tk_buf parts[RULE_FRAG_PARTS]) {
    const frag_ctx *fc = ctx;
    int depth = fc->depth;
    jw t;
    jw_init(&t, &parts[0], true);
    t.depth = depth;
    t.first[depth] = true;
    finding_head(&t, rule);
    jw_init(&t, &parts[1], true);
    t.depth = depth;
    t.first[depth] = false;
    JW_KEY(&t, "message");
    i18n_obj(&t, &rule->title);
    JW_KEY(&t, "owner");
    owner_value(&t, fc->r, rule->category);
}

void render_summary_json(jw *w, const report *r, const report_summary *sum) {
    jw_obj(w);
    JW_KEY(w, "findings");
    jw_uint(w, sum->findings);
    JW_KEY(w, "by_category");
    jw_obj(w);
    for (size_t c = 0; c < sum->n_categories; c++) {
        jw_key(w, sum->categories[c]);
        jw_uint(w, sum->by_category[c]);
    }
    jw_end_obj(w);
    JW_KEY(w, "by_severity");
    jw_obj(w);
    for (int s = TK_SEV_CRITICAL; s >= TK_SEV_INFO; s--) {
        jw_key(w, tk_severity_name((tk_severity)s));
        jw_uint(w, sum->by_severity[s]);
    }
    jw_end_obj(w);
    JW_KEY(w, "by_level");
    jw_obj(w);
    for (int l = TK_LEVEL_BASIC; l <= TK_LEVEL_RECOMMENDED; l++) {
        jw_key(w, tk_level_name((tk_level)l));
        jw_uint(w, sum->by_level[l]);
    }
    jw_end_obj(w);
    const struct {
        const char *key;
        size_t value;
    } counts[] = {{"not_evaluated", sum->not_evaluated},
                  {"suppressed", sum->suppressed},
                  {"waived", sum->waived},
                  {"exemptions_expired", sum->expired},
                  {"baselined", sum->baselined},
                  {"errors", sum->errors},
                  {"warnings", sum->warnings},
                  {"resources", sum->resources},
                  {"rules", r->rules_active},
                  {"checks", sum->checks}};
    for (size_t i = 0; i < sizeof counts / sizeof *counts; i++) {
        jw_key(w, counts[i].key);
        jw_uint(w, counts[i].value);
    }
    jw_end_obj(w);
}

void render_baseline_json(jw *w, const report *r, const report_summary *sum) {
    jw_obj(w);
    JW_KEY(w, "file");
    jw_str(w, r->baseline_path);
    JW_KEY(w, "known");
    jw_uint(w, sum->baselined);
    JW_KEY(w, "gone");
    jw_uint(w, sum->baseline_gone);
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
    JW_KEY(&w, "tool");
    jw_obj(&w);
    JW_KEY(&w, "name");
    jw_str(&w, "tenken");
    JW_KEY(&w, "version");
    jw_str(&w, TENKEN_VERSION);
    JW_KEY(&w, "rules_version");
    jw_str(&w, tk_engine_rules_version(r->engine));
    jw_end_obj(&w);

    JW_KEY(&w, "inputs");
    jw_arr(&w);
    for (size_t i = 0; i < ni; i++) {
        jw_obj(&w);
        JW_KEY(&w, "path");
        jw_str(&w, ins[i].path);
        JW_KEY(&w, "family");
        jw_str(&w, ins[i].family);
        JW_KEY(&w, "kind");
        jw_str(&w, ins[i].kind);
        JW_KEY(&w, "resources");
        jw_uint(&w, ins[i].resources);
        jw_end_obj(&w);
    }
    jw_end_arr(&w);

    JW_KEY(&w, "findings");
    jw_arr(&w);
    /* What a finding repeats from its rule is rendered once per rule and copied. */
    frag_ctx fc = {w.depth + 1, r};
    rule_frags *frags = rule_frags_new(finding_frags, &fc);
    for (size_t i = 0; i < nf; i++) {
        const tk_finding *f = &fs[i];
        jw_obj(&w);
        const tk_buf *parts = rule_frags_get(frags, f->rule);
        if (parts) {
            tk_buf_append(b, parts[0].data, parts[0].len);
            w.first[w.depth] = false;
        } else {
            finding_head(&w, f->rule);
        }
        JW_KEY(&w, "resource");
        resource_obj(&w, &f->resource);
        JW_KEY(&w, "location");
        location_obj(&w, &f->location, f->module_calls, f->n_module_calls);
        if (parts) {
            tk_buf_append(b, parts[1].data, parts[1].len);
        } else {
            JW_KEY(&w, "message");
            i18n_obj(&w, &f->rule->title);
            JW_KEY(&w, "owner");
            owner_value(&w, r, f->rule->category);
        }
        JW_KEY(&w, "fingerprint");
        jw_str(&w, f->fingerprint);
        if (f->expired) {
            JW_KEY(&w, "expired_exemption");
            jw_obj(&w);
            waiver_members(&w, f->expired);
            jw_end_obj(&w);
        }
        jw_end_obj(&w);
    }
    rule_frags_free(frags);
    jw_end_arr(&w);

    size_t nwd, nws;
    const tk_waived *wd = tk_scan_waived(r->scan, &nwd);
    JW_KEY(&w, "waived");
    jw_arr(&w);
    for (size_t i = 0; i < nwd; i++) {
        const tk_finding *f = &wd[i].finding;
        jw_obj(&w);
        JW_KEY(&w, "rule_id");
        jw_str(&w, f->rule->id);
        JW_KEY(&w, "category");
        jw_str(&w, f->rule->category);
        JW_KEY(&w, "severity");
        jw_str(&w, tk_severity_name(f->rule->severity));
        JW_KEY(&w, "level");
        jw_str(&w, tk_level_name(f->rule->level));
        JW_KEY(&w, "resource");
        resource_obj(&w, &f->resource);
        JW_KEY(&w, "location");
        location_obj(&w, &f->location, f->module_calls, f->n_module_calls);
        JW_KEY(&w, "message");
        i18n_obj(&w, &f->rule->title);
        JW_KEY(&w, "owner");
        owner_value(&w, r, f->rule->category);
        JW_KEY(&w, "fingerprint");
        jw_str(&w, f->fingerprint);
        JW_KEY(&w, "waiver");
        jw_obj(&w);
        waiver_members(&w, wd[i].waiver);
        jw_end_obj(&w);
        jw_end_obj(&w);
    }
    jw_end_arr(&w);

    const tk_waiver_status *ws = tk_scan_waivers(r->scan, &nws);
    JW_KEY(&w, "waivers");
    jw_obj(&w);
    JW_KEY(&w, "file");
    jw_str(&w, r->waivers_path);
    JW_KEY(&w, "items");
    jw_arr(&w);
    for (size_t i = 0; i < nws; i++) {
        jw_obj(&w);
        waiver_members(&w, &ws[i].waiver);
        JW_KEY(&w, "status");
        jw_str(&w, ws[i].expired   ? "expired"
                   : ws[i].stale   ? "stale"
                   : !ws[i].checked ? "not_checked"
                                    : "active");
        JW_KEY(&w, "matched");
        jw_uint(&w, ws[i].matched);
        jw_end_obj(&w);
    }
    jw_end_arr(&w);
    jw_end_obj(&w);

    JW_KEY(&w, "responsibility");
    if (!report_has_owners(r)) {
        jw_null(&w);
    } else {
        jw_obj(&w);
        JW_KEY(&w, "service_model");
        jw_str(&w, r->config->service_model);
        JW_KEY(&w, "owner_filter");
        jw_str(&w, r->owner_filter);
        JW_KEY(&w, "categories");
        jw_obj(&w);
        for (const char *const *cat = tk_categories(); *cat; cat++) {
            jw_key(&w, *cat);
            owner_value(&w, r, *cat);
        }
        jw_end_obj(&w);
        jw_end_obj(&w);
    }

    report_summary sum;
    report_summarize(r, &sum);
    JW_KEY(&w, "baseline");
    if (r->baseline_path)
        render_baseline_json(&w, r, &sum);
    else
        jw_null(&w);

    size_t nsup;
    const tk_suppressed *sups = tk_scan_suppressed(r->scan, &nsup);
    JW_KEY(&w, "suppressed");
    jw_arr(&w);
    for (size_t i = 0; i < nsup; i++) {
        const tk_suppressed *x = &sups[i];
        jw_obj(&w);
        JW_KEY(&w, "rule_id");
        jw_str(&w, x->finding.rule->id);
        JW_KEY(&w, "severity");
        jw_str(&w, tk_severity_name(x->finding.rule->severity));
        JW_KEY(&w, "resource");
        resource_obj(&w, &x->finding.resource);
        JW_KEY(&w, "location");
        location_obj(&w, &x->finding.location, x->finding.module_calls, x->finding.n_module_calls);
        JW_KEY(&w, "reason");
        jw_str(&w, x->reason);
        JW_KEY(&w, "expires");
        if (x->expires)
            jw_str(&w, x->expires);
        else
            jw_null(&w);
        JW_KEY(&w, "suppressed_at");
        location_obj(&w, &x->suppressed_at, NULL, 0);
        JW_KEY(&w, "fingerprint");
        jw_str(&w, x->finding.fingerprint);
        jw_end_obj(&w);
    }
    jw_end_arr(&w);

    JW_KEY(&w, "not_evaluated");
    jw_arr(&w);
    for (size_t i = 0; i < nn; i++) {
        jw_obj(&w);
        JW_KEY(&w, "rule_id");
        jw_str(&w, ns[i].rule->id);
        JW_KEY(&w, "resource");
        resource_obj(&w, &ns[i].resource);
        JW_KEY(&w, "location");
        location_obj(&w, &ns[i].location, ns[i].module_calls, ns[i].n_module_calls);
        JW_KEY(&w, "reason");
        jw_str(&w, ns[i].reason);
        jw_end_obj(&w);
    }
    jw_end_arr(&w);

    for (int list = 0; list < 2; list++) {
        size_t nd = ne;
        const tk_diag *ds = list ? tk_scan_warnings(r->scan, &nd) : es;
        if (list)
            JW_KEY(&w, "warnings");
        else
            JW_KEY(&w, "errors");
        jw_arr(&w);
        for (size_t i = 0; i < nd; i++) {
            jw_obj(&w);
            JW_KEY(&w, "file");
            jw_str(&w, ds[i].file);
            JW_KEY(&w, "line");
            jw_uint(&w, ds[i].line);
            JW_KEY(&w, "column");
            jw_uint(&w, ds[i].column);
            JW_KEY(&w, "message");
            jw_str(&w, ds[i].message);
            jw_end_obj(&w);
        }
        jw_end_arr(&w);
    }
    /* Texts of the rules that produced findings, so a report reader needs nothing else. */
    JW_KEY(&w, "rules");
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

    JW_KEY(&w, "summary");
    render_summary_json(&w, r, &sum);
    report_summary_free(&sum);
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
