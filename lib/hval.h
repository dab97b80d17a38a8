/* Values of the Terraform language while .tf source is evaluated.
 *
 * A value is null, a bool, a number, a string, a tuple (also lists), a set, an object (also
 * maps) or unknown: known only after apply, or not knowable from the source (a data
 * source's result, an unsupported function, a variable nobody set). Unknown values remember
 * which resource instances they came from ("refs"), so a join can still tell that a bucket
 * policy's `bucket = aws_s3_bucket.b.id` points at aws_s3_bucket.b although the id itself
 * is unknown. Values are immutable once built and live in an arena; strings are always
 * NUL-terminated. */
#ifndef TK_HVAL_H
#define TK_HVAL_H
#include "arena.h"
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum hv_kind {
    HV_NULL,
    HV_BOOL,
    HV_NUMBER,
    HV_STRING,
    HV_TUPLE,   /* tuple or list: items[0..n) in order */
    HV_SET,     /* set: items[0..n), no duplicates, in a canonical order (see hv_set) */
    HV_OBJECT,  /* object or map: pairs[0..n), sorted by key bytes, keys unique */
    HV_UNKNOWN, /* refs[0..n): resource instances it derives from (may be none) */
} hv_kind;

enum {
    HVF_INHERIT_POS = 1,   /* nested values take this value's pos (it came through a reference) */
    HVF_NOVALUE = 4,       /* CloudFormation's AWS::NoValue: the member or element is left out */
    HVF_MAYBE_NOVALUE = 8, /* HV_UNKNOWN that may also be AWS::NoValue (an undecided Fn::If) */
    HVF_RESOURCE = 2,      /* HV_OBJECT standing for a resource instance: a missing attribute is
                              known only after apply, not null (extra = the instance's ref) */
};

typedef struct hv hv;
typedef struct hv_pair hv_pair;

struct hv {
    uint8_t kind;  /* hv_kind */
    uint8_t flags; /* HVF_* */
    uint32_t n;    /* string length, number of items, pairs or refs */
    uint32_t pos;  /* global source offset of the expression that wrote it; HV_NOPOS if none */
    uint32_t extra;
    union {
        bool b;
        double num;
        const char *s;
        hv *items;
        hv_pair *pairs;
        const uint32_t *refs;
    } u;
};

struct hv_pair {
    const char *key; /* NUL-terminated */
    uint32_t klen;
    hv val;
};

#define HV_NOPOS UINT32_MAX

static inline hv hv_null(void) {
    hv v = {0};
    v.kind = HV_NULL;
    v.pos = HV_NOPOS;
    return v;
}
static inline hv hv_bool(bool b) {
    hv v = hv_null();
    v.kind = HV_BOOL;
    v.u.b = b;
    return v;
}
static inline hv hv_num(double d) {
    hv v = hv_null();
    v.kind = HV_NUMBER;
    v.u.num = d;
    return v;
}
static inline hv hv_unknown(void) {
    hv v = hv_null();
    v.kind = HV_UNKNOWN;
    return v;
}
/* A string pointing at s (which must stay valid and be NUL-terminated at s[len]). */
static inline hv hv_str_ref(const char *s, size_t len) {
    hv v = hv_null();
    v.kind = HV_STRING;
    v.u.s = s;
    v.n = (uint32_t)len;
    return v;
}
static inline hv hv_at(hv v, uint32_t pos) {
    v.pos = pos;
    return v;
}
static inline bool hv_is_collection(const hv *v) {
    return v->kind == HV_TUPLE || v->kind == HV_SET || v->kind == HV_OBJECT;
}

/* Copies s[0..len) into the arena. On out-of-memory the result is unknown; every
 * constructor below behaves the same way. */
hv hv_str(tk_arena *a, const char *s, size_t len);
hv hv_strf(tk_arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A tuple of n items, to be filled by the caller through items (NULL when n == 0). */
hv hv_tuple(tk_arena *a, uint32_t n, hv **items);
/* A set from items (copied): duplicates removed (unknown elements are all kept), ordered
 * canonically (strings by bytes, numbers by value, then the other kinds). */
hv hv_set(tk_arena *a, const hv *items, uint32_t n);
/* An object from pairs (copied and sorted; for a repeated key the last one stands). Keys
 * must stay valid; use hv_key to copy a transient key. */
hv hv_object(tk_arena *a, const hv_pair *pairs, uint32_t n);
const char *hv_key(tk_arena *a, const char *s, size_t len);
/* Unknown deriving from every unknown among vals[0..n) (their refs merged). */
hv hv_unknown_from(tk_arena *a, const hv *vals, size_t n);
/* Unknown deriving from one resource instance. */
hv hv_unknown_ref(tk_arena *a, uint32_t ref);

/* Member of an object by key, or NULL. */
const hv *hv_get(const hv *obj, const char *key, size_t klen);
/* Whether v holds no unknown anywhere inside. */
bool hv_is_known(const hv *v);
/* Sets *out to the first unknown inside v (for refs), or leaves it. */
bool hv_find_unknown(const hv *v, hv *out);

/* Equality as the == operator sees it: 1 equal, 0 different, -1 unknown. Numbers compare
 * by value, collections element by element; a tuple never equals an object. */
int hv_equal(const hv *a, const hv *b);
/* Total order used for sets and sort(): -1, 0, 1. */
int hv_compare(const hv *a, const hv *b);

/* Conversions as Terraform applies them. Each returns false when the value cannot be
 * converted (the caller reports the error); an unknown input gives an unknown output and
 * true. */
bool hv_to_string(tk_arena *a, const hv *v, hv *out);
bool hv_to_number(const hv *v, hv *out);
bool hv_to_bool(const hv *v, hv *out);
/* The text of a number as Terraform writes it: integers in full, fractions with the fewest
 * digits that read back to the same value, never with an exponent. */
size_t hv_format_number(double d, char *buf, size_t cap);

/* The type name of a value for messages: "string", "number", "bool", "tuple", "set",
 * "object", "null", "unknown". */
const char *hv_kind_name(const hv *v);

#endif
