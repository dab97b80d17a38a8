/* Kubernetes manifests -> resource table (see adapt_k8s.h).
 *
 * Each object's values are written after the parsed input, as a copy of the manifest with
 * the derived members added; copies keep the original positions, so findings point at the
 * manifest's own lines. */
#include "adapt_k8s.h"
#include "hv_doc.h"
#include "suppress.h"
#include <stdio.h>
#include <stdlib.h>

struct tk_k8s {
    tk_arena arena; /* types and addresses */
    tk_warnlist warnings;
    tk_sups sups;
};

typedef struct k8s_obj {
    uint32_t node;   /* the manifest */
    uint32_t values; /* its values object, once written */
    const char *type, *address;
    size_t type_len, address_len;
} k8s_obj;

typedef struct builder {
    tk_k8s *k;
    tk_doc *d;
    k8s_obj *objs;
    size_t n, cap;
    hv_writer w;
    bool oom;
} builder;

/* Kinds that live outside namespaces (core and the common API groups). */
static const char *const CLUSTER_KINDS[] = {
    "APIService",
    "CSIDriver",
    "CSINode",
    "CertificateSigningRequest",
    "ClusterIssuer",
    "ClusterRole",
    "ClusterRoleBinding",
    "ComponentStatus",
    "CustomResourceDefinition",
    "FlowSchema",
    "IngressClass",
    "MutatingWebhookConfiguration",
    "Namespace",
    "Node",
    "PersistentVolume",
    "PodSecurityPolicy",
    "PriorityClass",
    "PriorityLevelConfiguration",
    "RuntimeClass",
    "StorageClass",
    "ValidatingAdmissionPolicy",
    "ValidatingAdmissionPolicyBinding",
    "ValidatingWebhookConfiguration",
    "VolumeAttachment",
    NULL,
};

static bool str_is(tk_str s, const char *lit) {
    return s.len == strlen(lit) && !memcmp(s.p, lit, s.len);
}

static bool cluster_scoped(tk_str kind) {
    for (const char *const *k = CLUSTER_KINDS; *k; k++)
        if (str_is(kind, *k)) return true;
    return false;
}

static const tk_node *str_member(const tk_doc *d, const tk_node *obj, const char *key) {
    const tk_node *n = obj && tk_node_kind(obj) == TK_OBJECT ? tk_doc_get(d, obj, key) : NULL;
    return n && tk_node_kind(n) == TK_STRING ? n : NULL;
}

static bool is_object(const tk_doc *d, const tk_node *n) {
    return tk_node_kind(n) == TK_OBJECT && str_member(d, n, "apiVersion") &&
           str_member(d, n, "kind");
}

static bool is_list(const tk_doc *d, const tk_node *n) {
    const tk_node *kind = str_member(d, n, "kind");
    const tk_node *items = tk_node_kind(n) == TK_OBJECT ? tk_doc_get(d, n, "items") : NULL;
    if (!kind || !items || tk_node_kind(items) != TK_ARRAY) return false;
    tk_str k = tk_doc_str(d, kind);
    return k.len >= 4 && !memcmp(k.p + k.len - 4, "List", 4);
}

bool tk_k8s_detect(const tk_doc *d) {
    const tk_node *r = tk_doc_root(d);
    if (!r) return false;
    if (tk_node_kind(r) == TK_OBJECT) return is_object(d, r);
    if (tk_node_kind(r) != TK_ARRAY) return false;
    for (TK_EACH_CHILD(c, r))
        if (tk_node_kind(c) == TK_OBJECT && is_object(d, c)) return true;
    return false;
}

static k8s_obj *add_obj(builder *b) {
    if (b->n == b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 64;
        k8s_obj *p = realloc(b->objs, cap * sizeof *p);
        if (!p) return b->oom = true, NULL;
        b->objs = p;
        b->cap = cap;
    }
    memset(&b->objs[b->n], 0, sizeof *b->objs);
    return &b->objs[b->n++];
}

static void collect(builder *b, uint32_t idx, unsigned depth) {
    const tk_doc *d = b->d;
    const tk_node *n = &d->nodes[idx];
    if (tk_node_kind(n) == TK_NULL) return; /* an empty document of the stream */
    if (is_list(d, n) && depth < 4) {
        const tk_node *items = tk_doc_get(d, n, "items");
        for (TK_EACH_CHILD(c, items)) collect(b, (uint32_t)(c - d->nodes), depth + 1);
        return;
    }
    if (tk_node_kind(n) != TK_OBJECT || !is_object(d, n)) {
        tk_warnlist_add(&b->k->warnings, n->pos,
                        "not a Kubernetes object (it has no apiVersion and kind); skipped");
        return;
    }
    k8s_obj *o = add_obj(b);
    if (o) o->node = idx;
}

/* The pod spec of a workload, by the path its kind keeps it under. */
static const tk_node *pod_spec(const tk_doc *d, const tk_node *obj, tk_str kind) {
    static const struct {
        const char *kind;
        const char *path[6];
    } paths[] = {
        {"Pod", {"spec"}},
        {"PodTemplate", {"template", "spec"}},
        {"Deployment", {"spec", "template", "spec"}},
        {"StatefulSet", {"spec", "template", "spec"}},
        {"DaemonSet", {"spec", "template", "spec"}},
        {"ReplicaSet", {"spec", "template", "spec"}},
        {"ReplicationController", {"spec", "template", "spec"}},
        {"Job", {"spec", "template", "spec"}},
        {"CronJob", {"spec", "jobTemplate", "spec", "template", "spec"}},
    };
    for (size_t i = 0; i < sizeof paths / sizeof *paths; i++) {
        if (!str_is(kind, paths[i].kind)) continue;
        const tk_node *n = obj;
        for (size_t j = 0; j < 6 && paths[i].path[j] && n; j++)
            n = tk_node_kind(n) == TK_OBJECT ? tk_doc_get(d, n, paths[i].path[j]) : NULL;
        return n && tk_node_kind(n) == TK_OBJECT ? n : NULL;
    }
    return NULL;
}

static char *keep_str(builder *b, tk_str s) {
    char *c = tk_arena_strndup(&b->k->arena, s.p, s.len);
    if (!c) b->oom = true;
    return c;
}

static void read_suppressions(builder *b, const tk_node *obj) {
    const tk_doc *d = b->d;
    const tk_node *meta = tk_doc_get(d, obj, "metadata");
    const tk_node *ann =
        meta && tk_node_kind(meta) == TK_OBJECT ? tk_doc_get(d, meta, "annotations") : NULL;
    const tk_node *ig =
        ann && tk_node_kind(ann) == TK_OBJECT ? tk_doc_get(d, ann, "tenken.io/ignore") : NULL;
    if (!ig) return;
    if (tk_node_kind(ig) != TK_STRING) {
        tk_warnlist_add(&b->k->warnings, ig->pos,
                        "tenken.io/ignore must be a string: \"RULE-ID: reason [exp:YYYY-MM-DD]\"");
        return;
    }
    tk_str s = tk_doc_str(d, ig);
    uint32_t end = tk_node_last_pos(obj) + 1;
    for (size_t i = 0; i < s.len;) {
        const char *nl = memchr(s.p + i, '\n', s.len - i);
        size_t n = nl ? (size_t)(nl - (s.p + i)) : s.len - i;
        bool blank = true;
        for (size_t j = 0; j < n; j++)
            blank &= s.p[i + j] == ' ' || s.p[i + j] == '\t' || s.p[i + j] == '\r';
        if (!blank) tk_sups_add_text(&b->k->sups, s.p + i, n, ig->pos, obj->pos, end);
        i += n + 1;
    }
}

/* Writes obj's values: the manifest's members, then the derived ones. */
static void write_values(builder *b, k8s_obj *o, const char *name, size_t name_len,
                         uint32_t name_pos, const char *ns, uint32_t ns_pos) {
    tk_doc *d = b->d;
    tk_str kind = {o->type, o->type_len}; /* a copy: writing may move the document's strings */
    hv_writer *w = &b->w;
    uint32_t obj = o->node;
    uint32_t v = hvw_push(w, TK_OBJECT, d->nodes[obj].pos, NULL, 0);
    uint32_t end = obj + tk_node_span(&d->nodes[obj]);
    for (uint32_t c = obj + 1; c < end && !w->failed; c += tk_node_span(&d->nodes[c]))
        if (tk_doc_copy(d, c, true) == UINT32_MAX) w->failed = true;
    hvw_text(w, TK_STRING, name_pos, "name", 4, name, name_len);
    if (ns) hvw_text(w, TK_STRING, ns_pos, "namespace", 9, ns, strlen(ns));
    if (str_is(kind, "Namespace")) hvw_bool(w, true, d->nodes[obj].pos, "declared", 8);
    const tk_node *pod = pod_spec(d, &d->nodes[obj], kind);
    if (pod && !w->failed) {
        uint32_t pi = (uint32_t)(pod - d->nodes);
        uint32_t copy = tk_doc_copy(d, pi, false);
        if (copy == UINT32_MAX || !tk_doc_set_key(d, copy, "pod", 3)) w->failed = true;
        uint32_t arr = hvw_push(w, TK_ARRAY, d->nodes[pi].pos, "containers", 10);
        static const char *const lists[] = {"initContainers", "containers", "ephemeralContainers"};
        for (size_t l = 0; l < 3 && !w->failed; l++) {
            const tk_node *cl = tk_doc_get(d, &d->nodes[pi], lists[l]);
            if (!cl || tk_node_kind(cl) != TK_ARRAY) continue;
            uint32_t ci = (uint32_t)(cl - d->nodes), cend = ci + tk_node_span(cl);
            for (uint32_t c = ci + 1; c < cend && !w->failed; c += tk_node_span(&d->nodes[c]))
                if (tk_doc_copy(d, c, false) == UINT32_MAX) w->failed = true;
        }
        hvw_close(w, arr);
    }
    hvw_close(w, v);
    o->values = v;
}

/* A namespace that objects use but no Namespace object declares. */
static void write_implied_namespace(builder *b, k8s_obj *o, const char *ns, uint32_t pos) {
    hv_writer *w = &b->w;
    uint32_t v = hvw_push(w, TK_OBJECT, pos, NULL, 0);
    hvw_text(w, TK_STRING, pos, "apiVersion", 10, "v1", 2);
    hvw_text(w, TK_STRING, pos, "kind", 4, "Namespace", 9);
    uint32_t meta = hvw_push(w, TK_OBJECT, pos, "metadata", 8);
    hvw_text(w, TK_STRING, pos, "name", 4, ns, strlen(ns));
    hvw_push(w, TK_UNKNOWN, pos, "labels", 6);
    hvw_push(w, TK_UNKNOWN, pos, "annotations", 11);
    hvw_close(w, meta);
    hvw_text(w, TK_STRING, pos, "name", 4, ns, strlen(ns));
    hvw_bool(w, false, pos, "declared", 8);
    hvw_close(w, v);
    o->values = v;
    o->node = UINT32_MAX;
}

static bool set_identity(builder *b, k8s_obj *o, tk_str kind, const char *ns, tk_str name) {
    char *type = keep_str(b, kind);
    size_t len = kind.len + 1 + (ns ? strlen(ns) + 1 : 0) + name.len;
    char *addr = tk_arena_alloc(&b->k->arena, len + 1);
    if (!type || !addr) return b->oom = true, false;
    snprintf(addr, len + 1, "%.*s/%s%s%.*s", (int)kind.len, kind.p, ns ? ns : "", ns ? "/" : "",
             (int)name.len, name.p);
    o->type = type;
    o->type_len = kind.len;
    o->address = addr;
    o->address_len = len;
    return true;
}

static const tk_suppression *k8s_suppressed(void *self, const tk_resource *res, const char *rule_id,
                                            uint32_t at) {
    tk_k8s *k = self;
    return tk_sups_find(&k->sups, res, rule_id, at);
}

tk_k8s *tk_k8s_adapt(tk_doc *d, tk_rtable *t, const tk_adapt_opts *o, tk_err *err) {
    tk_k8s *k = calloc(1, sizeof *k);
    if (!k) {
        tk_err_set(err, 0, "out of memory");
        return NULL;
    }
    tk_arena_init(&k->arena);
    tk_warnlist_init(&k->warnings, o ? o->warn : NULL, o ? o->warn_self : NULL);
    tk_sups_init(&k->sups, &k->warnings, o ? o->today : NULL, o ? o->rule_exists : NULL,
                 o ? o->rule_exists_self : NULL);
    k->sups.open = o && o->open_suppressions;
    builder b = {.k = k, .d = d, .w = {.d = d}};
    const tk_node *root = tk_doc_root(d);
    if (root && tk_node_kind(root) == TK_ARRAY && !is_list(d, root)) {
        for (TK_EACH_CHILD(c, root)) collect(&b, (uint32_t)(c - d->nodes), 0);
    } else if (root) {
        collect(&b, 0, 0);
    }
    tk_strmap seen, declared, used;
    tk_strmap_init(&seen);
    tk_strmap_init(&declared);
    tk_strmap_init(&used);
    /* Namespaces used, in order of first use: names and where they were first named. */
    struct {
        const char *name;
        uint32_t pos;
    } *uses = NULL;
    size_t n_uses = 0, cap_uses = 0;
    size_t n_manifests = b.n;
    for (size_t i = 0; i < n_manifests && !b.oom && !b.w.failed; i++) {
        k8s_obj *ob = &b.objs[i];
        const tk_node *obj = &d->nodes[ob->node];
        tk_str kind = tk_doc_str(d, str_member(d, obj, "kind"));
        const tk_node *meta = tk_doc_get(d, obj, "metadata");
        const tk_node *nm = str_member(d, meta, "name");
        const tk_node *gen = nm ? NULL : str_member(d, meta, "generateName");
        tk_str name = nm ? tk_doc_str(d, nm) : gen ? tk_doc_str(d, gen) : (tk_str){"", 0};
        uint32_t name_pos = nm ? nm->pos : gen ? gen->pos : obj->pos;
        if (!nm && !gen)
            tk_warnlist_add(&k->warnings, obj->pos, "this %.*s has no metadata.name",
                            (int)(kind.len > 60 ? 60 : kind.len), kind.p);
        char *name_c = keep_str(&b, name);
        const char *ns = NULL;
        uint32_t ns_pos = obj->pos;
        if (!cluster_scoped(kind)) {
            const tk_node *nsn = str_member(d, meta, "namespace");
            ns = nsn ? keep_str(&b, tk_doc_str(d, nsn)) : "default";
            if (nsn) ns_pos = nsn->pos;
            bool fresh = false;
            if (ns && !tk_strmap_put(&used, ns, strlen(ns), &fresh)) b.oom = true;
            if (fresh) {
                if (n_uses == cap_uses) {
                    cap_uses = cap_uses ? cap_uses * 2 : 16;
                    void *p = realloc(uses, cap_uses * sizeof *uses);
                    if (!p) {
                        b.oom = true;
                        break;
                    }
                    uses = p;
                }
                uses[n_uses].name = ns;
                uses[n_uses++].pos = ns_pos;
            }
        } else if (str_is(kind, "Namespace") && name_c) {
            if (!tk_strmap_put(&declared, name_c, name.len, NULL)) b.oom = true;
        }
        bool cluster = cluster_scoped(kind);
        if (!name_c || (!cluster && !ns) || !set_identity(&b, ob, kind, ns, name)) {
            b.oom = true;
            break;
        }
        bool fresh = false;
        if (!tk_strmap_put(&seen, ob->address, ob->address_len, &fresh))
            b.oom = true;
        else if (!fresh)
            tk_warnlist_add(&k->warnings, obj->pos,
                            "%s appears more than once; applying the input keeps only the last",
                            ob->address);
        read_suppressions(&b, obj);
        write_values(&b, ob, name_c, name.len, name_pos, cluster ? NULL : ns, ns_pos);
    }
    for (size_t i = 0; i < n_uses && !b.oom && !b.w.failed; i++) {
        if (tk_strmap_get(&declared, uses[i].name, strlen(uses[i].name))) continue;
        k8s_obj *ob = add_obj(&b);
        if (!ob) break;
        tk_str name = {uses[i].name, strlen(uses[i].name)};
        if (!set_identity(&b, ob, (tk_str){"Namespace", 9}, NULL, name)) break;
        write_implied_namespace(&b, ob, uses[i].name, uses[i].pos);
    }
    free(uses);
    tk_strmap_free(&seen);
    tk_strmap_free(&declared);
    tk_strmap_free(&used);
    /* Every node is written: pointers into the tape are stable from here on. */
    for (size_t i = 0; i < b.n && !b.oom && !b.w.failed; i++) {
        const k8s_obj *ob = &b.objs[i];
        tk_resource r = {0};
        r.type = (tk_str){ob->type, ob->type_len};
        r.address = (tk_str){ob->address, ob->address_len};
        r.values = &d->nodes[ob->values];
        r.block = ob->node == UINT32_MAX ? r.values : &d->nodes[ob->node];
        if (!tk_rtable_add(t, &r)) b.oom = true;
    }
    free(b.objs);
    tk_warnlist_flush(&k->warnings, d);
    if (b.oom || b.w.failed || !tk_rtable_finish(t)) {
        tk_err_set(err, 0, b.w.failed ? "the manifests are too large to read" : "out of memory");
        tk_k8s_free(k);
        return NULL;
    }
    t->doc = d;
    t->refs.self = k;
    t->refs.suppressed = k8s_suppressed;
    return k;
}

void tk_k8s_free(tk_k8s *k) {
    if (!k) return;
    tk_sups_free(&k->sups);
    tk_warnlist_free(&k->warnings);
    tk_arena_free(&k->arena);
    free(k);
}
