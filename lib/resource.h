/* The resource table of one input: what adapters produce and rules evaluate.
 *
 * A resource borrows everything from its document: type, address and values point into
 * it, so building the table allocates only the table itself. Joins between resources
 * ("the public access block whose bucket is this bucket") go through a reference
 * interface that each input family implements (see tk_ref_source). */
#ifndef TK_RESOURCE_H
#define TK_RESOURCE_H
#include "doc.h"
#include "expr.h"
#include "strmap.h"

typedef struct tk_resource {
    tk_str type;            /* e.g. aws_s3_bucket */
    tk_str address;         /* full address, e.g. module.logs.aws_s3_bucket.b["x"] */
    const tk_node *values;  /* object of attribute values, or NULL */
    const tk_node *unknown; /* parallel mask of values known only after apply, or NULL */
    const tk_node *block;   /* node whose position a finding reports */
    uint32_t module_len;    /* address[0, module_len) is the module path ("" at the root) */
    uint32_t base_off;      /* address[base_off, ...) is "type.name[index]" / "data.type.name" */
    uint32_t next_of_type;  /* next resource with the same type, UINT32_MAX at the end */
    bool data;              /* a data source rather than a managed resource */
    bool uncertain;         /* may not exist (count or for_each not known): no findings */
    const uint32_t *via;    /* module calls leading to it (text offsets, outermost first) */
    uint32_t n_via;
} tk_resource;

/* A place a reference points at: the resource base in a module instance, with an index. */
typedef enum { TK_IDX_ANY, TK_IDX_EXACT, TK_IDX_SAME } tk_idx_mode;
typedef struct tk_ref_target {
    tk_str module; /* module instance path; a segment without [key] matches every key */
    tk_str base;   /* "type.name" */
    tk_str index;  /* TK_IDX_EXACT: "[0]" or ["k"] */
    tk_idx_mode mode;
} tk_ref_target;

/* Reference information of one family. targets() lists where res.attr points to; it sets
 * *resolved false when the references could not be followed (e.g. through a local value). */
typedef struct tk_ref_source {
    void *self;
    bool (*targets)(void *self, const tk_resource *res, const char *attr, tk_ref_target *out,
                    size_t cap, size_t *n, bool *resolved);
    /* Whether the source configuration sets a (dotted) attribute path: TK_TRUE, TK_FALSE,
     * or TK_UNKNOWN_TRI when there is no configuration to tell. May be NULL. */
    tk_tri (*configured)(void *self, const tk_resource *res, const char *path);
    /* An inline suppression of rule_id covering text offset `at` of res (the place a
     * finding points to), or NULL. May be NULL. */
    const struct tk_suppression *(*suppressed)(void *self, const tk_resource *res,
                                               const char *rule_id, uint32_t at);
    /* The values other resources may name res by (up to cap); NULL: its id, arn, bucket and
     * name attributes. */
    uint32_t (*ids)(void *self, const tk_resource *res, tk_str *out, uint32_t cap);
} tk_ref_source;

/* An inline suppression written in the source (# tenken:ignore:RULE reason exp:DATE). */
typedef struct tk_suppression {
    const char *rule_id;
    const char *reason;
    const char *expires; /* "YYYY-MM-DD" or NULL */
    uint32_t pos;        /* of the comment */
    bool expired;        /* its date has passed: the findings it names are reported again */
} tk_suppression;

typedef struct tk_join tk_join;

/* Identifying values of one resource (id, arn, bucket, name), as strings. */
typedef struct tk_ids {
    const struct tk_resource *of;
    tk_str v[4];
    uint32_t n;
} tk_ids;

typedef struct tk_rtable {
    tk_resource *items;
    size_t n, cap;
    tk_strmap by_type; /* type -> first resource index (chained by next_of_type) */
    uint32_t *type_last;
    tk_ref_source refs;
    tk_join *joins; /* built lazily, one per (type, attr) asked for */
    /* Joins by the addresses of the (type, attr) strings a rule passes: rules ask with the
     * same constant strings for every resource (the condition compiler requires literals,
     * which live as long as the engine), so this skips comparing names. */
    struct {
        const char *type, *attr;
        tk_join *join;
    } join_seen[64];
    tk_strmap lists; /* type -> index in cached: resources() lists, built once */
    tk_vlist *cached;
    size_t n_cached, cap_cached;
    const char *family;
    const tk_doc *doc; /* the document every resource of the table points into */
    tk_ids ids;        /* of the last resource related() was asked about */
    bool failed;
} tk_rtable;

void tk_rtable_init(tk_rtable *t, const char *family);
void tk_rtable_free(tk_rtable *t);
/* Adds a resource (copied); returns it, or NULL when out of memory. */
tk_resource *tk_rtable_add(tk_rtable *t, const tk_resource *r);
/* Indexes types; call once after the last add. Afterwards resources of one type share one
 * type string, so types can be compared by address. */
bool tk_rtable_finish(tk_rtable *t);
/* First resource of a type, or NULL; continue with tk_rtable_next. */
const tk_resource *tk_rtable_first(const tk_rtable *t, const char *type, size_t len);
const tk_resource *tk_rtable_next(const tk_rtable *t, const tk_resource *r);

/* Fills address offsets from a Terraform-style address; false when malformed. */
bool tk_tf_address_split(tk_resource *r);
static inline tk_str tk_res_module(const tk_resource *r) {
    return (tk_str){r->address.p, r->module_len};
}
/* Offset of the "[index]" part of the address (its length when there is none). */
static inline uint32_t tk_res_index_off(const tk_resource *r) {
    uint32_t i = r->base_off;
    while (i < r->address.len && r->address.p[i] != '[') i++;
    return i;
}
static inline tk_str tk_res_base(const tk_resource *r) {
    return (tk_str){r->address.p + r->base_off, tk_res_index_off(r) - r->base_off};
}
static inline tk_str tk_res_index(const tk_resource *r) {
    uint32_t i = tk_res_index_off(r);
    return (tk_str){r->address.p + i, r->address.len - i};
}
/* The resource as a value of the condition language. */
tk_val tk_res_value(const tk_rtable *t, const tk_resource *r);

/* The evaluation host for conditions over this table (related() and resources()). */
void tk_rtable_host(tk_rtable *t, tk_eval_host *host);

#endif
