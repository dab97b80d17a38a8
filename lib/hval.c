/* Values of the Terraform language (see hval.h): construction, comparison, conversion. */
#include "hval.h"
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

hv hv_str(tk_arena *a, const char *s, size_t len) {
    char *c = len < UINT32_MAX ? tk_arena_strndup(a, s, len) : NULL;
    if (!c) return hv_unknown();
    return hv_str_ref(c, len);
}

hv hv_strf(tk_arena *a, const char *fmt, ...) {
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n < 0) return hv_unknown();
    if ((size_t)n < sizeof buf) return hv_str(a, buf, (size_t)n);
    char *big = tk_arena_alloc(a, (size_t)n + 1);
    if (!big) return hv_unknown();
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return hv_str_ref(big, (size_t)n);
}

hv hv_tuple(tk_arena *a, uint32_t n, hv **items) {
    hv v = hv_null();
    v.kind = HV_TUPLE;
    *items = NULL;
    if (n) {
        v.u.items = tk_arena_array(a, n, sizeof(hv));
        if (!v.u.items) return hv_unknown();
        for (uint32_t i = 0; i < n; i++) v.u.items[i] = hv_null();
        *items = v.u.items;
    }
    v.n = n;
    return v;
}

const char *hv_key(tk_arena *a, const char *s, size_t len) {
    return tk_arena_strndup(a, s, len);
}

static int key_cmp(const char *a, uint32_t al, const char *b, uint32_t bl) {
    int c = memcmp(a, b, al < bl ? al : bl);
    if (c) return c;
    return al < bl ? -1 : al > bl;
}

/* Stable merge sort of pairs by key (qsort is not stable, and the last duplicate wins). */
static void sort_pairs(hv_pair *p, hv_pair *tmp, uint32_t n) {
    if (n < 2) return;
    uint32_t h = n / 2;
    sort_pairs(p, tmp, h);
    sort_pairs(p + h, tmp, n - h);
    uint32_t i = 0, j = h, k = 0;
    while (i < h && j < n)
        tmp[k++] = key_cmp(p[j].key, p[j].klen, p[i].key, p[i].klen) < 0 ? p[j++] : p[i++];
    while (i < h) tmp[k++] = p[i++];
    while (j < n) tmp[k++] = p[j++];
    memcpy(p, tmp, n * sizeof *p);
}

hv hv_object(tk_arena *a, const hv_pair *pairs, uint32_t n) {
    hv v = hv_null();
    v.kind = HV_OBJECT;
    if (!n) return v;
    hv_pair *p = tk_arena_array(a, n, sizeof *p);
    hv_pair *tmp = malloc(n * sizeof *tmp);
    if (!p || !tmp) {
        free(tmp);
        return hv_unknown();
    }
    memcpy(p, pairs, n * sizeof *p);
    sort_pairs(p, tmp, n);
    free(tmp);
    /* Keep the last of equal keys (the sort is stable). */
    uint32_t k = 0;
    for (uint32_t i = 0; i < n; i++) {
        if (k && key_cmp(p[k - 1].key, p[k - 1].klen, p[i].key, p[i].klen) == 0)
            p[k - 1] = p[i];
        else
            p[k++] = p[i];
    }
    v.u.pairs = p;
    v.n = k;
    return v;
}

static int cmp_for_qsort(const void *x, const void *y) {
    return hv_compare(x, y);
}

hv hv_set(tk_arena *a, const hv *items, uint32_t n) {
    hv v = hv_null();
    v.kind = HV_SET;
    if (!n) return v;
    hv *c = tk_arena_array(a, n, sizeof *c);
    if (!c) return hv_unknown();
    memcpy(c, items, n * sizeof *c);
    qsort(c, n, sizeof *c, cmp_for_qsort);
    /* Duplicates go; unknown elements stay, each may be anything. */
    uint32_t k = 0;
    for (uint32_t i = 0; i < n; i++)
        if (!k || !hv_is_known(&c[i]) || hv_compare(&c[k - 1], &c[i]) != 0) c[k++] = c[i];
    v.u.items = c;
    v.n = k;
    return v;
}

static void collect_refs(const hv *v, uint32_t *out, uint32_t *n, uint32_t cap) {
    if (v->kind == HV_UNKNOWN) {
        for (uint32_t i = 0; i < v->n && *n < cap; i++) {
            uint32_t r = v->u.refs[i], k = 0;
            while (k < *n && out[k] != r) k++;
            if (k == *n) out[(*n)++] = r;
        }
    } else if (v->kind == HV_TUPLE || v->kind == HV_SET) {
        for (uint32_t i = 0; i < v->n; i++) collect_refs(&v->u.items[i], out, n, cap);
    } else if (v->kind == HV_OBJECT) {
        for (uint32_t i = 0; i < v->n; i++) collect_refs(&v->u.pairs[i].val, out, n, cap);
        if ((v->flags & HVF_RESOURCE) && *n < cap) {
            uint32_t k = 0;
            while (k < *n && out[k] != v->extra) k++;
            if (k == *n) out[(*n)++] = v->extra;
        }
    }
}

hv hv_unknown_from(tk_arena *a, const hv *vals, size_t n) {
    enum { CAP = 64 };
    uint32_t refs[CAP], nr = 0;
    for (size_t i = 0; i < n; i++) collect_refs(&vals[i], refs, &nr, CAP);
    hv u = hv_unknown();
    if (!nr) return u;
    uint32_t *r = tk_arena_array(a, nr, sizeof *r);
    if (!r) return u;
    memcpy(r, refs, nr * sizeof *r);
    u.u.refs = r;
    u.n = nr;
    return u;
}

hv hv_unknown_ref(tk_arena *a, uint32_t ref) {
    hv u = hv_unknown();
    uint32_t *r = tk_arena_alloc(a, sizeof *r);
    if (!r) return u;
    *r = ref;
    u.u.refs = r;
    u.n = 1;
    return u;
}

const hv *hv_get(const hv *obj, const char *key, size_t klen) {
    if (obj->kind != HV_OBJECT) return NULL;
    uint32_t lo = 0, hi = obj->n;
    while (lo < hi) {
        uint32_t mid = (lo + hi) / 2;
        int c = key_cmp(obj->u.pairs[mid].key, obj->u.pairs[mid].klen, key, (uint32_t)klen);
        if (c == 0) return &obj->u.pairs[mid].val;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

bool hv_is_known(const hv *v) {
    switch (v->kind) {
    case HV_UNKNOWN: return false;
    case HV_TUPLE:
    case HV_SET:
        for (uint32_t i = 0; i < v->n; i++)
            if (!hv_is_known(&v->u.items[i])) return false;
        return true;
    case HV_OBJECT:
        for (uint32_t i = 0; i < v->n; i++)
            if (!hv_is_known(&v->u.pairs[i].val)) return false;
        return true;
    default: return true;
    }
}

bool hv_find_unknown(const hv *v, hv *out) {
    switch (v->kind) {
    case HV_UNKNOWN: *out = *v; return true;
    case HV_TUPLE:
    case HV_SET:
        for (uint32_t i = 0; i < v->n; i++)
            if (hv_find_unknown(&v->u.items[i], out)) return true;
        return false;
    case HV_OBJECT:
        for (uint32_t i = 0; i < v->n; i++)
            if (hv_find_unknown(&v->u.pairs[i].val, out)) return true;
        return false;
    default: return false;
    }
}

int hv_equal(const hv *a, const hv *b) {
    if (a->kind == HV_UNKNOWN || b->kind == HV_UNKNOWN) return -1;
    bool a_seq = a->kind == HV_TUPLE || a->kind == HV_SET,
         b_seq = b->kind == HV_TUPLE || b->kind == HV_SET;
    if (a_seq && b_seq) {
        if (a->kind != b->kind || a->n != b->n) return 0;
        int r = 1;
        for (uint32_t i = 0; i < a->n && r != 0; i++) {
            int e = hv_equal(&a->u.items[i], &b->u.items[i]);
            if (e == 0) return 0;
            if (e < 0) r = -1;
        }
        return r;
    }
    if (a->kind != b->kind) return 0;
    switch (a->kind) {
    case HV_NULL: return 1;
    case HV_BOOL: return a->u.b == b->u.b;
    case HV_NUMBER: return a->u.num == b->u.num;
    case HV_STRING: return a->n == b->n && memcmp(a->u.s, b->u.s, a->n) == 0;
    case HV_OBJECT: {
        if (a->n != b->n) return 0;
        int r = 1;
        for (uint32_t i = 0; i < a->n; i++) {
            const hv_pair *x = &a->u.pairs[i], *y = &b->u.pairs[i];
            if (key_cmp(x->key, x->klen, y->key, y->klen) != 0) return 0;
            int e = hv_equal(&x->val, &y->val);
            if (e == 0) return 0;
            if (e < 0) r = -1;
        }
        return r;
    }
    default: return 0;
    }
}

int hv_compare(const hv *a, const hv *b) {
    if (a->kind != b->kind) {
        /* Strings first, then numbers, bools, null, collections, unknown. */
        static const int rank[] = {
            [HV_STRING] = 0, [HV_NUMBER] = 1, [HV_BOOL] = 2,   [HV_NULL] = 3,
            [HV_TUPLE] = 4,  [HV_SET] = 5,    [HV_OBJECT] = 6, [HV_UNKNOWN] = 7};
        return rank[a->kind] < rank[b->kind] ? -1 : 1;
    }
    switch (a->kind) {
    case HV_STRING: {
        int c = key_cmp(a->u.s, a->n, b->u.s, b->n);
        return c < 0 ? -1 : c > 0;
    }
    case HV_NUMBER: return a->u.num < b->u.num ? -1 : a->u.num > b->u.num;
    case HV_BOOL: return (int)a->u.b - (int)b->u.b;
    case HV_TUPLE:
    case HV_SET: {
        for (uint32_t i = 0; i < a->n && i < b->n; i++) {
            int c = hv_compare(&a->u.items[i], &b->u.items[i]);
            if (c) return c;
        }
        return a->n < b->n ? -1 : a->n > b->n;
    }
    case HV_OBJECT: {
        for (uint32_t i = 0; i < a->n && i < b->n; i++) {
            const hv_pair *x = &a->u.pairs[i], *y = &b->u.pairs[i];
            int c = key_cmp(x->key, x->klen, y->key, y->klen);
            if (c) return c < 0 ? -1 : 1;
            c = hv_compare(&x->val, &y->val);
            if (c) return c;
        }
        return a->n < b->n ? -1 : a->n > b->n;
    }
    default: return 0;
    }
}

/* Numbers as Terraform writes them: integers in full, fractions with the fewest digits that
 * read back to the same value, never an exponent ("1000000000000000000000", "0.0000001"). */
size_t hv_format_number(double d, char *buf, size_t cap) {
    int n;
    if (isnan(d) || isinf(d)) {
        n = snprintf(buf, cap, "%s", isnan(d) ? "NaN" : d < 0 ? "-Inf" : "Inf");
    } else if (d == floor(d)) {
        n = d == 0 ? snprintf(buf, cap, "%s", signbit(d) ? "-0" : "0")
                   : snprintf(buf, cap, "%.0f", d);
    } else {
        /* Shortest round-trip digits, then placed around the decimal point by hand. */
        char e[40];
        int prec = 0;
        for (; prec < 17; prec++) {
            snprintf(e, sizeof e, "%.*e", prec, d);
            if (strtod(e, NULL) == d) break;
        }
        if (prec == 17) snprintf(e, sizeof e, "%.*e", prec, d);
        const char *p = e;
        bool neg = *p == '-';
        if (neg) p++;
        char digits[24];
        size_t nd = 0;
        for (; *p && *p != 'e' && nd < sizeof digits - 1; p++)
            if (*p >= '0' && *p <= '9') digits[nd++] = *p;
        while (nd > 1 && digits[nd - 1] == '0') nd--;
        int exp = *p == 'e' ? atoi(p + 1) : 0;
        char out[400];
        size_t o = 0;
        if (neg) out[o++] = '-';
        if (exp < 0) {
            out[o++] = '0';
            out[o++] = '.';
            for (int z = -1; z > exp && o < sizeof out - 30; z--) out[o++] = '0';
            for (size_t i = 0; i < nd; i++) out[o++] = digits[i];
        } else {
            for (int i = 0; i <= exp && o < sizeof out - 30; i++)
                out[o++] = (size_t)i < nd ? digits[i] : '0';
            if ((size_t)exp + 1 < nd) {
                out[o++] = '.';
                for (size_t i = (size_t)exp + 1; i < nd; i++) out[o++] = digits[i];
            }
        }
        out[o] = 0;
        n = snprintf(buf, cap, "%s", out);
    }
    return n < 0 ? 0 : (size_t)n < cap ? (size_t)n : cap - 1;
}

bool hv_to_string(tk_arena *a, const hv *v, hv *out) {
    switch (v->kind) {
    case HV_STRING: *out = *v; return true;
    case HV_UNKNOWN: *out = *v; return true;
    case HV_BOOL:
        *out = hv_at(hv_str_ref(v->u.b ? "true" : "false", v->u.b ? 4 : 5), v->pos);
        return true;
    case HV_NUMBER: {
        char buf[64];
        size_t n = hv_format_number(v->u.num, buf, sizeof buf);
        *out = hv_at(hv_str(a, buf, n), v->pos);
        return true;
    }
    default: return false;
    }
}

static bool parse_number(const char *s, size_t len, double *out) {
    if (!len || len > 300) return false;
    char tmp[320];
    memcpy(tmp, s, len);
    tmp[len] = 0;
    /* Terraform's syntax: optional sign, digits, optional fraction and exponent. */
    size_t i = 0;
    if (tmp[i] == '-' || tmp[i] == '+') i++;
    size_t digits = 0;
    while (tmp[i] >= '0' && tmp[i] <= '9') i++, digits++;
    if (tmp[i] == '.') {
        i++;
        while (tmp[i] >= '0' && tmp[i] <= '9') i++, digits++;
    }
    if (!digits) return false;
    if (tmp[i] == 'e' || tmp[i] == 'E') {
        i++;
        if (tmp[i] == '-' || tmp[i] == '+') i++;
        if (!(tmp[i] >= '0' && tmp[i] <= '9')) return false;
        while (tmp[i] >= '0' && tmp[i] <= '9') i++;
    }
    if (i != len) return false;
    *out = strtod(tmp, NULL);
    return true;
}

bool hv_to_number(const hv *v, hv *out) {
    switch (v->kind) {
    case HV_NUMBER:
    case HV_UNKNOWN: *out = *v; return true;
    case HV_STRING: {
        double d;
        if (!parse_number(v->u.s, v->n, &d)) return false;
        *out = hv_at(hv_num(d), v->pos);
        return true;
    }
    default: return false;
    }
}

bool hv_to_bool(const hv *v, hv *out) {
    switch (v->kind) {
    case HV_BOOL:
    case HV_UNKNOWN: *out = *v; return true;
    case HV_STRING:
        /* Terraform also takes "1" and "0". */
        if ((v->n == 4 && !memcmp(v->u.s, "true", 4)) || (v->n == 1 && v->u.s[0] == '1'))
            *out = hv_at(hv_bool(true), v->pos);
        else if ((v->n == 5 && !memcmp(v->u.s, "false", 5)) || (v->n == 1 && v->u.s[0] == '0'))
            *out = hv_at(hv_bool(false), v->pos);
        else
            return false;
        return true;
    default: return false;
    }
}

const char *hv_kind_name(const hv *v) {
    switch (v->kind) {
    case HV_NULL: return "null";
    case HV_BOOL: return "bool";
    case HV_NUMBER: return "number";
    case HV_STRING: return "string";
    case HV_TUPLE: return "tuple";
    case HV_SET: return "set";
    case HV_OBJECT: return "object";
    default: return "unknown";
    }
}
