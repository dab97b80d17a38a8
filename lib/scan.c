/* A scan: inputs -> documents -> resources -> rule evaluation -> findings.
 *
 * Each input is parsed, adapted and evaluated on its own, and its document is freed before
 * the next one: results copy the few strings they keep. */
#include "adapt_cfn.h"
#include "adapt_k8s.h"
#include "adapt_tfplan.h"
#include "adapt_tfsrc.h"
#include "engine.h"
#include "json.h"
#include "waiver.h"
#include "yaml.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct tk_scan {
    const tk_engine *e;
    tk_limits lim;
    tk_arena arena; /* strings of results */
    tk_finding *findings;
    size_t n_findings, cap_findings;
    tk_not_evaluated *ne;
    size_t n_ne, cap_ne;
    tk_diag *errors;
    size_t n_errors, cap_errors;
    tk_diag *warnings;
    size_t n_warnings, cap_warnings;
    tk_suppressed *suppressed;
    size_t n_suppressed, cap_suppressed;
    tk_passed *passes;
    size_t n_passes, cap_passes;
    bool keep_passes;
    size_t *entry_checks; /* per engine rule entry (stable once the rules are loaded) */
    size_t *scope_checks; /* per engine rule, for scope-level rules */
    tk_facts *facts; /* parsed from the engine's texts on the first source scan */
    tk_input_info *inputs;
    size_t n_inputs, cap_inputs;
    size_t resources, evaluations;
    tk_strmap types; /* resource type -> index in type_names: each kept once */
    const char **type_names;
    size_t n_types, cap_types;
    char today[11]; /* for suppression expiry; "" means the current date */
    char **params;  /* CloudFormation parameter values, "NAME=VALUE" (copies) */
    size_t n_params;
    const tk_rule **disabled; /* sorted by address for bsearch */
    size_t n_disabled;
    bool open_suppressions; /* inline suppressions without an expiry date are applied */
    tk_waiver_status *waivers;
    size_t n_waivers, cap_waivers;
    tk_waived *waived;
    size_t n_waived;
    uint64_t *baseline; /* sorted fingerprints */
    size_t n_baseline;
    tk_finding *baselined;
    size_t n_baselined, baseline_gone;
    bool oom;
};

#define GROW(arr, n, cap) (((n) < (cap)) || grow_array((void **)&(arr), &(cap), sizeof *(arr)))

static bool grow_array(void **arr, size_t *cap, size_t elem) {
    size_t nc = *cap ? *cap * 2 : 16;
    void *p = realloc(*arr, nc * elem);
    if (!p) return false;
    *arr = p;
    *cap = nc;
    return true;
}

tk_scan *tk_scan_new(const tk_engine *e, const tk_limits *limits) {
    tk_scan *s = calloc(1, sizeof *s);
    if (!s) return NULL;
    s->e = e;
    if (limits)
        s->lim = *limits;
    else
        tk_limits_default(&s->lim);
    tk_arena_init(&s->arena);
    s->entry_checks = calloc(e->n_entries + 1, sizeof *s->entry_checks);
    s->scope_checks = calloc(e->n_rules + 1, sizeof *s->scope_checks);
    if (!s->entry_checks || !s->scope_checks) {
        tk_scan_free(s);
        return NULL;
    }
    return s;
}

void tk_scan_keep_passes(tk_scan *s, bool keep) {
    s->keep_passes = keep;
}

void tk_scan_free(tk_scan *s) {
    if (!s) return;
    free(s->findings);
    free(s->ne);
    free(s->errors);
    free(s->warnings);
    free(s->suppressed);
    free(s->passes);
    free(s->entry_checks);
    free(s->scope_checks);
    if (s->facts) tk_facts_free(s->facts);
    free(s->facts);
    free(s->inputs);
    free(s->disabled);
    free(s->params);
    free(s->waivers);
    free(s->waived);
    free(s->baseline);
    free(s->baselined);
    tk_strmap_free(&s->types);
    free(s->type_names);
    tk_arena_free(&s->arena);
    free(s);
}

static int cmp_ptr(const void *a, const void *b) {
    uintptr_t x = (uintptr_t) * (const tk_rule *const *)a,
              y = (uintptr_t) * (const tk_rule *const *)b;
    return x < y ? -1 : x > y;
}

bool tk_scan_disable_rule(tk_scan *s, const tk_rule *r) {
    const tk_rule **a = realloc(s->disabled, (s->n_disabled + 1) * sizeof *a);
    if (!a) return false;
    s->disabled = a;
    for (size_t i = 0; i < s->n_disabled; i++)
        if (a[i] == r) return true;
    a[s->n_disabled++] = r;
    qsort(a, s->n_disabled, sizeof *a, cmp_ptr);
    return true;
}

static bool rule_enabled(const tk_scan *s, const tk_rule *r) {
    return !s->n_disabled || !bsearch(&r, s->disabled, s->n_disabled, sizeof *s->disabled, cmp_ptr);
}

bool tk_scan_rule_enabled(const tk_scan *s, const tk_rule *r) {
    return rule_enabled(s, r);
}

const tk_engine *tk_scan_engine(const tk_scan *s) {
    return s->e;
}

size_t tk_scan_active_rule_count(const tk_scan *s) {
    return tk_engine_rule_count(s->e) - s->n_disabled;
}

static const char *keep(tk_scan *s, const char *p, size_t len) {
    char *c = tk_arena_strndup(&s->arena, p, len);
    if (!c) s->oom = true;
    return c ? c : "";
}

static void add_diag(tk_scan *s, tk_diag **list, size_t *n, size_t *cap, const char *path,
                     unsigned line, unsigned column, const char *msg);

void tk_scan_add_error(tk_scan *s, const char *path, unsigned line, unsigned column,
                       const char *msg) {
    add_diag(s, &s->errors, &s->n_errors, &s->cap_errors, path, line, column, msg);
}

static void add_diag(tk_scan *s, tk_diag **list, size_t *n, size_t *cap, const char *path,
                     unsigned line, unsigned column, const char *msg) {
    if (!(*n < *cap || grow_array((void **)list, cap, sizeof **list))) {
        s->oom = true;
        return;
    }
    tk_diag *d = &(*list)[(*n)++];
    snprintf(d->file, sizeof d->file, "%s", path ? path : "-");
    d->line = line;
    d->column = column;
    snprintf(d->message, sizeof d->message, "%s", msg);
}

static void doc_error(tk_scan *s, tk_doc *d, const tk_err *err) {
    unsigned line = 1, col = 1;
    const char *file = d->path;
    if (d->text.data) file = tk_doc_locate_file(d, err->offset, &line, &col);
    tk_scan_add_error(s, file, line, col, err->msg);
}

static void doc_warning(void *self, const tk_doc *d, uint32_t pos, const char *msg) {
    tk_scan *s = self;
    unsigned line = 1, col = 1;
    const char *file = d->path;
    if (d->text.data) file = tk_doc_locate_file((tk_doc *)d, pos, &line, &col);
    add_diag(s, &s->warnings, &s->n_warnings, &s->cap_warnings, file, line, col, msg);
}

/* ---- evaluation of one input ---- */

typedef struct input_run {
    tk_scan *s;
    tk_doc *doc;
    tk_rtable *t;
    uint32_t input;
    const char *path; /* kept copy */
    const char *unit; /* what fingerprints count by (fingerprint_unit) */
    tk_eval_ctx ctx;
    tk_arena scratch;
} input_run;

static const char *intern_type(tk_scan *s, tk_str type) {
    uint32_t *i = tk_strmap_get(&s->types, type.p, type.len);
    if (i) return s->type_names[*i];
    const char *t = keep(s, type.p, type.len);
    if (!GROW(s->type_names, s->n_types, s->cap_types)) return t;
    uint32_t *v = tk_strmap_put(&s->types, t, type.len, NULL);
    if (!v) return t;
    *v = (uint32_t)s->n_types;
    s->type_names[s->n_types++] = t;
    return t;
}

static void fingerprint(char out[17], const char *rule, const char *family, tk_str address,
                        const char *unit) {
    uint64_t h = 1469598103934665603ULL;
    const char *parts[] = {"tkfp1", rule, family, unit};
    for (int i = 0; i < 4; i++) {
        for (const char *p = parts[i]; *p; p++) h = (h ^ (unsigned char)*p) * 1099511628211ULL;
        h = (h ^ 0x1f) * 1099511628211ULL;
        if (i == 2)
            for (size_t j = 0; j < address.len; j++)
                h = (h ^ (unsigned char)address.p[j]) * 1099511628211ULL;
    }
    /* One extra mixing round spreads the low bits of FNV over the whole word. */
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    snprintf(out, 17, "%016llx", (unsigned long long)h);
}

/* What a finding's fingerprint ties its address to. An address is unique within a plan, a
 * root module or a template, so those count by their path. A Kubernetes object is unique by
 * kind, namespace and name in a cluster, and manifests are often split or merged between
 * files of one directory: it counts by the directory, so moving it between files keeps its
 * fingerprint, while the same object in another directory (an overlay for another
 * environment) is told apart. */
static const char *fingerprint_unit(input_run *r) {
    if (strcmp(r->t->family, "kubernetes") != 0) return r->path;
    const char *slash = strrchr(r->path, '/');
    if (!slash) return ".";
    if (!r->unit) r->unit = keep(r->s, r->path, (size_t)(slash - r->path));
    return r->unit;
}

static void locate(input_run *r, uint32_t pos, tk_location *loc) {
    loc->file = keep(r->s, "", 0);
    const char *file = tk_doc_locate_file(r->doc, pos, &loc->line, &loc->column);
    loc->file = file == r->doc->path ? r->path : keep(r->s, file, strlen(file));
}

static void set_resource(input_run *r, const tk_resource *res, tk_resource_ref *ref,
                         tk_location *loc, const tk_location **calls, size_t *n_calls) {
    tk_scan *s = r->s;
    ref->family = r->t->family;
    *calls = NULL;
    *n_calls = 0;
    if (res) {
        ref->type = intern_type(s, res->type);
        ref->address = keep(s, res->address.p, res->address.len);
        /* The attribute the condition read last, or the resource itself. */
        const tk_node *at = r->ctx.blame ? r->ctx.blame : res->block;
        locate(r, at ? at->pos : 0, loc);
        if (res->n_via) {
            tk_location *v = tk_arena_array(&s->arena, res->n_via, sizeof *v);
            if (!v) {
                s->oom = true;
                return;
            }
            for (uint32_t i = 0; i < res->n_via; i++) locate(r, res->via[i], &v[i]);
            *calls = v;
            *n_calls = res->n_via;
        }
    } else {
        ref->type = "scope";
        loc->line = loc->column = 1;
        loc->file = r->path;
    }
}

static void record_pass(input_run *r, const tk_rule *rule, const tk_resource *res,
                        const char *scope_address) {
    tk_scan *s = r->s;
    if (!GROW(s->passes, s->n_passes, s->cap_passes)) {
        s->oom = true;
        return;
    }
    tk_passed *p = &s->passes[s->n_passes++];
    memset(p, 0, sizeof *p);
    p->rule = rule;
    p->input = r->input;
    const tk_location *calls;
    size_t n_calls;
    r->ctx.blame = NULL; /* a pass points at the resource, not at what was read last */
    set_resource(r, res, &p->resource, &p->location, &calls, &n_calls);
    if (!res) p->resource.address = scope_address;
}

/* The expired suppression a finding is reported again through, described as a waiver. */
static const tk_waiver *lapsed_suppression(input_run *r, const tk_finding *f,
                                           const tk_suppression *sup) {
    tk_scan *s = r->s;
    tk_waiver *w = tk_arena_alloc(&s->arena, sizeof *w);
    if (!w) {
        s->oom = true;
        return NULL;
    }
    memset(w, 0, sizeof *w);
    w->rule = f->rule->id;
    w->resource = f->resource.address;
    w->reason = keep(s, sup->reason, strlen(sup->reason));
    w->expires = sup->expires ? keep(s, sup->expires, strlen(sup->expires)) : NULL;
    w->in_source = true;
    locate(r, sup->pos, &w->at);
    return w;
}

static void record(input_run *r, const tk_rule *rule, const tk_resource *res, tk_tri result,
                   const char *scope_address) {
    tk_scan *s = r->s;
    if (result == TK_FALSE && res && res->uncertain) {
        /* The resource may not exist: its count or for_each is not known. */
        result = TK_UNKNOWN_TRI;
        r->ctx.unknown_reason =
            r->t->family[0] == 'c' ? "Condition (not known, so the resource may not exist)"
                                   : "count or for_each (not known, so the resource may not exist)";
    }
    const tk_suppression *sup = NULL;
    if (result == TK_FALSE && res && r->t->refs.suppressed) {
        const tk_node *at = r->ctx.blame ? r->ctx.blame : res->block;
        sup = r->t->refs.suppressed(r->t->refs.self, res, rule->id, at ? at->pos : 0);
    }
    const tk_suppression *lapsed = sup && sup->expired ? sup : NULL;
    if (lapsed) sup = NULL;
    if (sup) {
        if (!GROW(s->suppressed, s->n_suppressed, s->cap_suppressed)) {
            s->oom = true;
            return;
        }
        tk_suppressed *x = &s->suppressed[s->n_suppressed++];
        memset(x, 0, sizeof *x);
        x->finding.rule = rule;
        x->finding.input = r->input;
        set_resource(r, res, &x->finding.resource, &x->finding.location, &x->finding.module_calls,
                     &x->finding.n_module_calls);
        tk_str addr = {x->finding.resource.address, strlen(x->finding.resource.address)};
        fingerprint(x->finding.fingerprint, rule->id, x->finding.resource.family, addr,
                    fingerprint_unit(r));
        x->reason = keep(s, sup->reason, strlen(sup->reason));
        x->expires = sup->expires ? keep(s, sup->expires, strlen(sup->expires)) : NULL;
        locate(r, sup->pos, &x->suppressed_at);
        return;
    }
    if (result == TK_FALSE) {
        if (!GROW(s->findings, s->n_findings, s->cap_findings)) {
            s->oom = true;
            return;
        }
        tk_finding *f = &s->findings[s->n_findings++];
        memset(f, 0, sizeof *f);
        f->rule = rule;
        f->input = r->input;
        set_resource(r, res, &f->resource, &f->location, &f->module_calls, &f->n_module_calls);
        if (!res) f->resource.address = scope_address;
        tk_str addr = {f->resource.address, strlen(f->resource.address)};
        fingerprint(f->fingerprint, rule->id, f->resource.family, addr, fingerprint_unit(r));
        if (lapsed) f->expired = lapsed_suppression(r, f, lapsed);
    } else if (result == TK_UNKNOWN_TRI) {
        if (!GROW(s->ne, s->n_ne, s->cap_ne)) {
            s->oom = true;
            return;
        }
        tk_not_evaluated *n = &s->ne[s->n_ne++];
        memset(n, 0, sizeof *n);
        n->rule = rule;
        n->input = r->input;
        set_resource(r, res, &n->resource, &n->location, &n->module_calls, &n->n_module_calls);
        if (!res) n->resource.address = scope_address;
        /* Reasons are source texts of the rule's program, which the engine keeps. */
        n->reason = r->ctx.unknown_reason
                        ? r->ctx.unknown_reason
                        : (r->ctx.failed ? "evaluation limit reached" : "unknown value");
    }
}

/* A finding needs the rule to apply (where) and the condition to fail (assert), both
 * definitely: the result is "where implies assert" in three-valued logic. */
static tk_tri check(input_run *r, const tk_rule_match *m) {
    r->ctx.unknown_reason = NULL;
    r->ctx.failed = false;
    tk_tri w = TK_TRUE;
    const char *where_reason = NULL;
    if (m->where) {
        w = tk_prog_eval(m->where, &r->ctx);
        if (w == TK_FALSE) return TK_TRUE; /* not applicable */
        where_reason = r->ctx.unknown_reason;
    }
    r->ctx.blame = NULL;
    tk_tri a = tk_prog_eval(m->assert_cond, &r->ctx);
    if (a == TK_TRUE) return TK_TRUE;
    if (w == TK_TRUE) return a;
    if (where_reason) r->ctx.unknown_reason = where_reason;
    return TK_UNKNOWN_TRI;
}

/* Whether the input holds resources of a provider: Terraform types start "aws_",
 * CloudFormation types "AWS::"; every Kubernetes object belongs to "kubernetes". */
static bool has_provider(const tk_rtable *t, const char *provider) {
    size_t pl = strlen(provider);
    bool cfn = !strcmp(t->family, "cloudformation");
    if (!strcmp(t->family, "kubernetes")) return !strcmp(provider, "kubernetes") && t->n;
    for (size_t i = 0; i < t->n; i++) {
        const tk_resource *res = &t->items[i];
        if (res->data || res->type.len <= pl + (cfn ? 1 : 0)) continue;
        if (cfn ? !strncasecmp(res->type.p, provider, pl) && !memcmp(res->type.p + pl, "::", 2)
                : res->type.p[pl] == '_' && !memcmp(res->type.p, provider, pl))
            return true;
    }
    return false;
}

static void evaluate(input_run *r) {
    tk_scan *s = r->s;
    const tk_engine *e = s->e;
    tk_eval_host host;
    tk_rtable_host(r->t, &host);
    tk_arena_init(&r->scratch);
    tk_eval_ctx_init(&r->ctx, &r->scratch, &host);
    r->ctx.max_json_bytes = s->lim.max_json_string;
    size_t managed = 0;
    for (size_t i = 0; i < r->t->n; i++) managed += !r->t->items[i].data;
    /* Resources in document order, so that what a rule reads is near what the previous
     * resource's rules read; results are sorted at the end. Types are interned by the
     * table, so the rules of a type are remembered by the address of its name. */
    struct {
        const char *type;
        uint32_t first;
    } seen[256];
    memset(seen, 0, sizeof seen);
    for (size_t ri = 0; ri < r->t->n; ri++) {
        const tk_resource *res = &r->t->items[ri];
        if (res->data) continue;
        size_t slot = ((uintptr_t)res->type.p >> 4) % (sizeof seen / sizeof *seen);
        if (seen[slot].type != res->type.p) {
            seen[slot].type = res->type.p;
            seen[slot].first = tk_engine_entries_for(e, r->t->family, res->type);
        }
        uint32_t first = seen[slot].first;
        if (first == UINT32_MAX) continue;
        r->ctx.res = res;
        r->ctx.root = tk_res_value(r->t, res);
        r->ctx.blame_lo = res->values;
        r->ctx.blame_hi = res->values ? tk_node_end(res->values) : NULL;
        for (uint32_t ei = first; ei != UINT32_MAX; ei = e->entries[ei].next) {
            const tk_rule_entry *en = &e->entries[ei];
            if (!rule_enabled(s, en->rule)) continue;
            s->evaluations++;
            s->entry_checks[ei]++;
            tk_tri t = check(r, en->match);
            if (t != TK_TRUE)
                record(r, en->rule, res, t, NULL);
            else if (s->keep_passes)
                record_pass(r, en->rule, res, NULL);
        }
        tk_eval_ctx_reset(&r->ctx);
        tk_arena_reset(&r->scratch);
    }
    /* Scope-level rules: once per input that uses the rule's provider. */
    for (size_t i = 0; i < e->n_rules; i++) {
        const tk_rule *rule = e->rules[i];
        if (!rule->scope || !rule_enabled(s, rule) || !has_provider(r->t, rule->provider)) continue;
        for (size_t m = 0; m < rule->n_matches; m++) {
            if (strcmp(rule->matches[m].family, r->t->family) != 0) continue;
            r->ctx.res = NULL;
            r->ctx.root = tk_v_null();
            r->ctx.blame = r->ctx.blame_lo = r->ctx.blame_hi = NULL;
            s->evaluations++;
            s->scope_checks[i]++;
            tk_tri t = check(r, &rule->matches[m]);
            char addr[64];
            snprintf(addr, sizeof addr, "scope:%s", rule->provider);
            if (t != TK_TRUE)
                record(r, rule, NULL, t, keep(s, addr, strlen(addr)));
            else if (s->keep_passes)
                record_pass(r, rule, NULL, keep(s, addr, strlen(addr)));
            tk_eval_ctx_reset(&r->ctx);
            tk_arena_reset(&r->scratch);
        }
    }
    s->inputs[r->input].resources = managed;
    s->resources += managed;
    tk_eval_ctx_free(&r->ctx);
    tk_arena_free(&r->scratch);
}

static bool looks_like_json(const tk_text *t) {
    for (size_t i = 0; i < t->len; i++) {
        char c = t->data[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
        return c == '{' || c == '[';
    }
    return false;
}

static bool rule_exists(void *self, const char *id) {
    return tk_engine_find_rule(self, id) != NULL;
}

/* Adapts and evaluates a parsed CloudFormation template or Kubernetes manifests. */
static bool scan_document(tk_scan *s, tk_doc *doc, uint32_t input, tk_err *err) {
    tk_input_info *info = &s->inputs[input];
    bool cfn = tk_cfn_detect(doc);
    if (!cfn && !tk_k8s_detect(doc)) {
        const tk_node *root = tk_doc_root(doc);
        err->offset = root ? root->pos : 0;
        snprintf(err->msg, sizeof err->msg,
                 "not an input tenken reads: expected a Terraform plan or state (JSON), a "
                 "CloudFormation template or Kubernetes manifests");
        return false;
    }
    const char *family = cfn ? "cloudformation" : "kubernetes";
    tk_rtable t;
    tk_rtable_init(&t, family);
    tk_adapt_opts ao = {.today = s->today[0] ? s->today : NULL,
                        .open_suppressions = s->open_suppressions,
                        .rule_exists = rule_exists,
                        .rule_exists_self = (void *)s->e,
                        .warn = doc_warning,
                        .warn_self = s,
                        .params = (const char *const *)s->params,
                        .n_params = s->n_params};
    tk_cfn *c = NULL;
    tk_k8s *k = NULL;
    bool ok = cfn ? (c = tk_cfn_adapt(doc, &t, &ao, err)) != NULL
                  : (k = tk_k8s_adapt(doc, &t, &ao, err)) != NULL;
    if (ok) {
        info->family = family;
        info->kind = cfn ? "template" : "manifest";
        input_run r = {.s = s, .doc = doc, .t = &t, .input = input, .path = info->path};
        evaluate(&r);
    }
    tk_rtable_free(&t);
    tk_cfn_free(c);
    tk_k8s_free(k);
    return ok;
}

/* Whether a file found in a directory may be a template or manifest: cheap to tell, so that
 * other YAML and JSON files (CI settings, package manifests) are not even parsed. */
static bool worth_reading(const char *t, size_t n) {
    return memmem(t, n, "AWSTemplateFormatVersion", 24) ||
           (memmem(t, n, "Resources", 9) && memmem(t, n, "AWS::", 5)) ||
           (memmem(t, n, "apiVersion", 10) && memmem(t, n, "kind", 4));
}

/* Scans the bytes of one input. A file found in a directory (discovered) that is not a
 * template or manifest is skipped quietly (returns -1), as is one with {{ }} placeholders
 * that does not parse (a chart's template: a warning says to render it first). */
static int scan_bytes(tk_scan *s, const char *path, const void *bytes, size_t len,
                      bool discovered) {
    if (discovered && !worth_reading(bytes, len)) return -1;
    if (!GROW(s->inputs, s->n_inputs, s->cap_inputs)) {
        s->oom = true;
        return false;
    }
    uint32_t input = (uint32_t)s->n_inputs++;
    tk_input_info *info = &s->inputs[input];
    memset(info, 0, sizeof *info);
    info->path = keep(s, path ? path : "-", strlen(path ? path : "-"));

    tk_doc doc;
    tk_doc_init(&doc, info->path);
    tk_err err;
    bool ok = false;
    tk_rtable t;
    tk_rtable_init(&t, "terraform");
    tk_tfplan *plan = NULL;
    bool skipped = false;
    if (!tk_text_decode(&doc.text, bytes, len, s->lim.max_input_bytes, &err)) {
        doc_error(s, &doc, &err);
        goto out;
    }
    if (!looks_like_json(&doc.text)) {
        tk_yaml_opts yo = {.max_depth = s->lim.max_depth,
                           .max_alias_nodes = s->lim.max_alias_nodes};
        bool parsed = tk_yaml_parse(&doc, &yo, &err);
        if (discovered && (parsed ? !tk_cfn_detect(&doc) && !tk_k8s_detect(&doc)
                                  : memmem(doc.text.data, doc.text.len, "{{", 2) != NULL)) {
            if (!parsed)
                doc_warning(s, &doc, (uint32_t)err.offset,
                            "skipped: not YAML until its {{ }} placeholders are filled in (render "
                            "the chart or template and scan the result)");
            skipped = true;
            goto out;
        }
        if (!parsed || !scan_document(s, &doc, input, &err)) {
            doc_error(s, &doc, &err);
            goto out;
        }
        ok = true;
        goto out;
    }
    tk_json_opts jo = {
        .max_depth = s->lim.max_depth, .skip = tk_tfplan_skip, .n_skip = tk_tfplan_n_skip};
    bool is_state = false, reparse = false;
    for (int attempt = 0; attempt < 2; attempt++) {
        if (!tk_json_parse(&doc, &jo, &err)) {
            doc_error(s, &doc, &err);
            goto out;
        }
        if (discovered && tk_tfplan_detect(&doc)) { /* plans are scanned when named */
            skipped = true;
            goto out;
        }
        if (!tk_tfplan_detect(&doc)) {
            /* Not a plan: read it again whole (the plan's skipped paths do not apply). */
            doc.n_nodes = doc.side_len = doc.n_side_index = doc.n_wide = 0;
            tk_json_opts whole = {.max_depth = s->lim.max_depth};
            if (!tk_json_parse(&doc, &whole, &err)) {
                doc_error(s, &doc, &err);
                goto out;
            }
            if (discovered && !tk_cfn_detect(&doc) && !tk_k8s_detect(&doc)) {
                skipped = true;
                goto out;
            }
            if (!scan_document(s, &doc, input, &err)) {
                doc_error(s, &doc, &err);
                goto out;
            }
            ok = true;
            goto out;
        }
        plan = tk_tfplan_adapt(&doc, &t, &is_state, &reparse, &err);
        if (plan) break;
        if (!reparse || attempt) {
            doc_error(s, &doc, &err);
            goto out;
        }
        /* A trimmed plan: read it again, keeping every change's "after". */
        tk_rtable_free(&t);
        tk_rtable_init(&t, "terraform");
        doc.n_nodes = doc.side_len = doc.n_side_index = doc.n_wide = 0;
        jo.skip = tk_tfplan_skip_keep_after;
        jo.n_skip = tk_tfplan_n_skip_keep_after;
    }
    info->family = "terraform";
    info->kind = is_state ? "state" : "plan";
    input_run r = {.s = s, .doc = &doc, .t = &t, .input = input, .path = info->path};
    evaluate(&r);
    ok = true;
out:
    tk_rtable_free(&t);
    tk_tfplan_free(plan);
    tk_doc_free(&doc);
    if (s->oom) {
        tk_scan_add_error(s, info->path, 1, 1, "out of memory");
        return 0;
    }
    if (skipped) {
        s->n_inputs--; /* nothing refers to it yet */
        return -1;
    }
    return ok ? 1 : 0;
}

bool tk_scan_input(tk_scan *s, const char *path, const void *bytes, size_t len) {
    return scan_bytes(s, path, bytes, len, false) == 1;
}

int tk_scan_discovered(tk_scan *s, const char *path, const void *bytes, size_t len) {
    return scan_bytes(s, path, bytes, len, true);
}

bool tk_scan_set_parameters(tk_scan *s, const char *const *params, size_t n) {
    char **copy = calloc(n ? n : 1, sizeof *copy);
    if (!copy) return false;
    for (size_t i = 0; i < n; i++) {
        size_t len = strlen(params[i]);
        if (!(copy[i] = tk_arena_strndup(&s->arena, params[i], len))) {
            free(copy);
            return false;
        }
    }
    free(s->params);
    s->params = copy;
    s->n_params = n;
    return true;
}

void tk_scan_set_today(tk_scan *s, const char *ymd) {
    s->today[0] = 0;
    if (ymd && strlen(ymd) == 10) memcpy(s->today, ymd, 11);
}

bool tk_scan_source(tk_scan *s, const char *prefix, const tk_srcfs *fs, const char *path, bool file,
                    const tk_source_opts *o) {
    char name[1200];
    size_t pl = prefix ? strlen(prefix) : 0;
    if (pl && *path)
        snprintf(name, sizeof name, "%s%s%s", prefix, prefix[pl - 1] != '/' ? "/" : "", path);
    else
        snprintf(name, sizeof name, "%s", *path ? path : pl ? prefix : ".");
    return tk_scan_source_in(s, name, prefix ? prefix : "", fs, path, file, o);
}

bool tk_scan_source_in(tk_scan *s, const char *display, const char *display_dir_in,
                       const tk_srcfs *fs, const char *path, bool file, const tk_source_opts *o) {
    if (!GROW(s->inputs, s->n_inputs, s->cap_inputs)) {
        s->oom = true;
        return false;
    }
    uint32_t input = (uint32_t)s->n_inputs++;
    tk_input_info *info = &s->inputs[input];
    memset(info, 0, sizeof *info);
    info->path = keep(s, display ? display : path, strlen(display ? display : path));
    tk_doc doc;
    tk_doc_init(&doc, info->path);
    tk_rtable t;
    tk_rtable_init(&t, "terraform");
    /* File names in results: under the directory the input names. */
    const char *shown = info->path;
    const char *slash = file ? strrchr(shown, '/') : NULL;
    const char *display_dir = display_dir_in ? display_dir_in
                              : file ? (slash ? keep(s, shown, (size_t)(slash - shown)) : "")
                                     : shown;
    tk_err ferr;
    if (!s->facts && (s->facts = calloc(1, sizeof *s->facts)) &&
        !tk_engine_facts(s->e, s->facts, &ferr))
        tk_scan_add_error(s, "provider facts", 1, 1, ferr.msg);
    tk_tfsrc_opts to = {.fs = fs,
                        .path = path,
                        .single_file = file,
                        .display_dir = display_dir,
                        .facts = s->facts,
                        .warn = doc_warning,
                        .warn_self = s,
                        .rule_exists = rule_exists,
                        .rule_exists_self = (void *)s->e};
    if (o) {
        to.var_files = o->var_files;
        to.n_var_files = o->n_var_files;
        to.vars = o->vars;
        to.n_vars = o->n_vars;
        to.env = o->env;
        to.n_env = o->n_env;
        to.max_instances = o->max_instances;
        to.max_module_depth = o->max_module_depth;
        to.max_steps = o->max_steps;
        to.lim.max_files = o->max_files;
        to.lim.max_bytes = o->max_bytes;
        to.today = o->today;
    }
    if (!to.today && s->today[0]) to.today = s->today;
    to.open_suppressions = s->open_suppressions;
    to.lim.max_depth =
        s->lim.max_depth > 0 && s->lim.max_depth < 4096 ? (unsigned)s->lim.max_depth : 0;
    tk_err err;
    tk_tfsrc *ts = tk_tfsrc_load(&doc, &t, &to, &err);
    bool ok = ts != NULL;
    if (!ts) {
        doc_error(s, &doc, &err);
    } else {
        info->family = "terraform";
        info->kind = "source";
        input_run r = {.s = s, .doc = &doc, .t = &t, .input = input, .path = info->path};
        evaluate(&r);
    }
    tk_rtable_free(&t);
    tk_tfsrc_free(ts);
    tk_doc_free(&doc);
    if (s->oom) {
        tk_scan_add_error(s, info->path, 1, 1, "out of memory");
        return false;
    }
    return ok;
}

static int cmp_loc(const tk_location *a, const tk_location *b) {
    if (a->file != b->file) {
        int c = strcmp(a->file, b->file);
        if (c) return c;
    }
    if (a->line != b->line) return a->line < b->line ? -1 : 1;
    if (a->column != b->column) return a->column < b->column ? -1 : 1;
    return 0;
}

static int cmp_finding(const void *x, const void *y) {
    const tk_finding *a = x, *b = y;
    if (a->input != b->input) return a->input < b->input ? -1 : 1;
    int c = cmp_loc(&a->location, &b->location);
    if (c) return c;
    if ((c = strcmp(a->resource.address, b->resource.address))) return c;
    return strcmp(a->rule->id, b->rule->id);
}

static int cmp_ne(const void *x, const void *y) {
    const tk_not_evaluated *a = x, *b = y;
    if (a->input != b->input) return a->input < b->input ? -1 : 1;
    int c = cmp_loc(&a->location, &b->location);
    if (c) return c;
    if ((c = strcmp(a->resource.address, b->resource.address))) return c;
    return strcmp(a->rule->id, b->rule->id);
}

static int cmp_pass(const void *x, const void *y) {
    const tk_passed *a = x, *b = y;
    if (a->input != b->input) return a->input < b->input ? -1 : 1;
    int c = cmp_loc(&a->location, &b->location);
    if (c) return c;
    if ((c = strcmp(a->resource.address, b->resource.address))) return c;
    return strcmp(a->rule->id, b->rule->id);
}

void tk_scan_allow_open_suppressions(tk_scan *s, bool allow) {
    s->open_suppressions = allow;
}

/* A copy of a string of a waiver, or NULL when it has none. */
static const char *keep_opt(tk_scan *s, const char *p) {
    return p ? keep(s, p, strlen(p)) : NULL;
}

bool tk_scan_add_waiver(tk_scan *s, const tk_waiver *w) {
    if (!w->rule || !*w->rule || !w->resource || !*w->resource || !w->reason || !*w->reason ||
        !w->approver || !*w->approver || !w->expires || !tk_date_valid(w->expires, strlen(w->expires)) ||
        (w->created && !tk_date_valid(w->created, strlen(w->created))))
        return false;
    if (!GROW(s->waivers, s->n_waivers, s->cap_waivers)) return false;
    tk_waiver_status *st = &s->waivers[s->n_waivers];
    memset(st, 0, sizeof *st);
    tk_waiver *c = &st->waiver;
    c->rule = keep_opt(s, w->rule);
    c->resource = keep_opt(s, w->resource);
    c->path = keep_opt(s, w->path);
    c->reason = keep_opt(s, w->reason);
    c->approver = keep_opt(s, w->approver);
    c->created = keep_opt(s, w->created);
    c->expires = keep_opt(s, w->expires);
    c->at.file = keep_opt(s, w->at.file ? w->at.file : "-");
    c->at.line = w->at.line;
    c->at.column = w->at.column;
    if (s->oom) return false;
    s->n_waivers++;
    return true;
}

static bool parse_fingerprint(const char *p, uint64_t *out) {
    uint64_t v = 0;
    for (int i = 0; i < 16; i++) {
        char c = p[i];
        int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
                : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (d < 0) return false;
        v = v << 4 | (uint64_t)d;
    }
    *out = v;
    return p[16] == 0;
}

static int cmp_u64(const void *a, const void *b) {
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

bool tk_scan_set_baseline(tk_scan *s, const char *const *fps, size_t n) {
    uint64_t *v = malloc((n ? n : 1) * sizeof *v);
    if (!v) return false;
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (parse_fingerprint(fps[i], &v[k])) k++;
    qsort(v, k, sizeof *v, cmp_u64);
    size_t u = 0; /* without repeats, so that what is gone is counted once */
    for (size_t i = 0; i < k; i++)
        if (!u || v[u - 1] != v[i]) v[u++] = v[i];
    free(s->baseline);
    s->baseline = v;
    s->n_baseline = u;
    return true;
}

/* The waiver that covers a finding: one in force before an expired one. */
static tk_waiver_status *waiver_for(tk_scan *s, const tk_finding *f, const char *today) {
    tk_waiver_status *expired = NULL;
    for (size_t i = 0; i < s->n_waivers; i++) {
        tk_waiver_status *w = &s->waivers[i];
        if (strcmp(w->waiver.rule, f->rule->id) != 0 ||
            !tk_pattern_match(w->waiver.resource, f->resource.address) ||
            (w->waiver.path && !tk_pattern_match(w->waiver.path, f->location.file)))
            continue;
        bool lapsed = strcmp(w->waiver.expires, today) < 0;
        if (!lapsed) return w;
        if (!expired) expired = w;
    }
    return expired;
}

/* Sets aside what waivers cover and what the baseline holds; findings keep their order. */
static void apply_policy(tk_scan *s) {
    char today[11];
    if (s->today[0])
        memcpy(today, s->today, sizeof today);
    else
        tk_date_today(today);
    for (size_t i = 0; i < s->n_waivers; i++) {
        tk_waiver_status *w = &s->waivers[i];
        w->expired = strcmp(w->waiver.expires, today) < 0;
        const tk_rule *rule = tk_engine_find_rule(s->e, w->waiver.rule);
        w->checked = rule && rule_enabled(s, rule);
    }
    if (s->n_waivers) {
        s->waived = malloc(s->n_findings * sizeof *s->waived + 1);
        if (!s->waived) {
            s->oom = true;
            return;
        }
    }
    if (s->n_baseline) {
        s->baselined = malloc(s->n_findings * sizeof *s->baselined + 1);
        if (!s->baselined) {
            s->oom = true;
            return;
        }
    }
    bool *seen = s->n_baseline ? calloc(s->n_baseline, sizeof *seen) : NULL;
    if (s->n_baseline && !seen) {
        s->oom = true;
        return;
    }
    size_t kept = 0;
    for (size_t i = 0; i < s->n_findings; i++) {
        tk_finding f = s->findings[i];
        tk_waiver_status *w = s->n_waivers ? waiver_for(s, &f, today) : NULL;
        if (w) {
            w->matched++;
            if (!w->expired) {
                s->waived[s->n_waived++] = (tk_waived){f, &w->waiver};
                continue;
            }
            f.expired = &w->waiver;
        }
        uint64_t fp;
        const uint64_t *hit =
            s->n_baseline && parse_fingerprint(f.fingerprint, &fp)
                ? bsearch(&fp, s->baseline, s->n_baseline, sizeof fp, cmp_u64)
                : NULL;
        if (hit) {
            seen[hit - s->baseline] = true;
            s->baselined[s->n_baselined++] = f;
            continue;
        }
        s->findings[kept++] = f;
    }
    s->n_findings = kept;
    for (size_t i = 0; i < s->n_waivers; i++) {
        tk_waiver_status *w = &s->waivers[i];
        w->stale = w->checked && !w->expired && !w->matched;
    }
    for (size_t i = 0; i < s->n_baseline; i++) s->baseline_gone += !seen[i];
    free(seen);
}

void tk_scan_finish(tk_scan *s) {
    if (s->n_findings) qsort(s->findings, s->n_findings, sizeof *s->findings, cmp_finding);
    if (s->n_waivers || s->n_baseline) apply_policy(s);
    if (s->n_ne) qsort(s->ne, s->n_ne, sizeof *s->ne, cmp_ne);
    if (s->n_suppressed) qsort(s->suppressed, s->n_suppressed, sizeof *s->suppressed, cmp_finding);
    if (s->n_passes) qsort(s->passes, s->n_passes, sizeof *s->passes, cmp_pass);
}

const tk_passed *tk_scan_passes(const tk_scan *s, size_t *n) {
    *n = s->n_passes;
    return s->passes;
}

void tk_scan_rule_stats(const tk_scan *s, tk_rule_stats *out) {
    const tk_engine *e = s->e;
    memset(out, 0, e->n_rules * sizeof *out);
    for (size_t i = 0; i < e->n_rules; i++) out[i].checks = s->scope_checks[i];
    for (size_t i = 0; i < e->n_entries; i++) {
        size_t k = tk_engine_rule_index(e, e->entries[i].rule->id);
        if (k != SIZE_MAX) out[k].checks += s->entry_checks[i];
    }
    size_t k;
    for (size_t i = 0; i < s->n_findings; i++)
        if ((k = tk_engine_rule_index(e, s->findings[i].rule->id)) != SIZE_MAX) out[k].findings++;
    for (size_t i = 0; i < s->n_ne; i++)
        if ((k = tk_engine_rule_index(e, s->ne[i].rule->id)) != SIZE_MAX) out[k].not_evaluated++;
    for (size_t i = 0; i < s->n_suppressed; i++)
        if ((k = tk_engine_rule_index(e, s->suppressed[i].finding.rule->id)) != SIZE_MAX) out[k].suppressed++;
    for (size_t i = 0; i < s->n_waived; i++)
        if ((k = tk_engine_rule_index(e, s->waived[i].finding.rule->id)) != SIZE_MAX) out[k].waived++;
    for (size_t i = 0; i < s->n_baselined; i++)
        if ((k = tk_engine_rule_index(e, s->baselined[i].rule->id)) != SIZE_MAX) out[k].baselined++;
}

const tk_waived *tk_scan_waived(const tk_scan *s, size_t *n) {
    *n = s->n_waived;
    return s->waived;
}
const tk_waiver_status *tk_scan_waivers(const tk_scan *s, size_t *n) {
    *n = s->n_waivers;
    return s->waivers;
}
const tk_finding *tk_scan_baselined(const tk_scan *s, size_t *n) {
    *n = s->n_baselined;
    return s->baselined;
}
size_t tk_scan_baseline_gone(const tk_scan *s) {
    return s->baseline_gone;
}

const tk_finding *tk_scan_findings(const tk_scan *s, size_t *n) {
    *n = s->n_findings;
    return s->findings;
}
const tk_not_evaluated *tk_scan_not_evaluated(const tk_scan *s, size_t *n) {
    *n = s->n_ne;
    return s->ne;
}
const tk_diag *tk_scan_errors(const tk_scan *s, size_t *n) {
    *n = s->n_errors;
    return s->errors;
}
const tk_diag *tk_scan_warnings(const tk_scan *s, size_t *n) {
    *n = s->n_warnings;
    return s->warnings;
}
const tk_suppressed *tk_scan_suppressed(const tk_scan *s, size_t *n) {
    *n = s->n_suppressed;
    return s->suppressed;
}
const tk_input_info *tk_scan_inputs(const tk_scan *s, size_t *n) {
    *n = s->n_inputs;
    return s->inputs;
}
size_t tk_scan_resource_count(const tk_scan *s) {
    return s->resources;
}
size_t tk_scan_evaluation_count(const tk_scan *s) {
    return s->evaluations;
}
