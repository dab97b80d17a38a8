/* Built-in functions of the Terraform language (see tf_funcs.h).
 *
 * Every function computes what Terraform 1.11 computes, or says it cannot: a result that
 * depends on something unknown is unknown (deriving from the arguments, so the refs of
 * resource instances survive), and so is a result that depends on something an hv value
 * does not carry (the static type Terraform would have given a null or an unknown value)
 * or on Unicode data this file does not have (case mapping outside the common scripts,
 * grapheme clusters with combining marks, NFC normalisation). Nothing is guessed.
 *
 * Layout: call plumbing and builders; text helpers (UTF-8, case, graphemes, numbers);
 * Terraform's type unification and conversions; then the functions by family (numbers,
 * strings, regular expressions, format, collections, conversions, encodings, JSON, CSV,
 * YAML, hashes, time, networks, files); then the table tf_call dispatches through.
 * Regular expressions use PCRE2 after checking the pattern is valid RE2 syntax; YAML uses
 * libyaml's event parser and emitter. Limits: c->max_items and c->max_string bound what a
 * function may build; file functions stay inside the scanned tree. */
#include "tf_funcs.h"
#include "cidr.h"
#include "text.h"
#define PCRE2_CODE_UNIT_WIDTH 8
#include <limits.h>
#include <math.h>
#include <pcre2.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

enum {
    DEFAULT_MAX_ITEMS = 1000000,
    DEFAULT_MAX_STRING = 16 << 20,
    MAX_DEPTH = 64,   /* nesting of values walked recursively */
    RANGE_MAX = 1024, /* Terraform's own limit on range() */
    YAML_ALIAS_BUDGET = 100000,
    FILESET_MAX_DEPTH = 32,
    FILESET_MAX_VISITS = 100000,
    PATH_CAP = 4096,
};

/* One call in progress. */
typedef struct fn_def fn_def;
typedef struct fcall {
    tf_call_ctx *c;
    const fn_def *def;
    const hv *args;
    uint32_t n;
    bool amb; /* the result rests on something this file cannot be sure of: answer unknown */
} fcall;

struct fn_def {
    const char *name;
    const char *params; /* comma-separated names; the last one repeats for variadic calls */
    uint8_t min, max;   /* argument count; max VARIADIC for any number */
    uint8_t flags;      /* F_* */
    uint32_t nullable;  /* bit i: argument i may be null (bit 31: every variadic argument) */
    int (*impl)(fcall *f, hv *out);
};

enum { VARIADIC = 255 };
enum {
    F_UNKNOWN_OK = 1, /* the function deals with unknown arguments itself */
    F_FILE = 2,       /* reads through c->fs */
};

static size_t max_items(const tf_call_ctx *c) {
    return c->max_items ? c->max_items : DEFAULT_MAX_ITEMS;
}
static size_t max_string(const tf_call_ctx *c) {
    size_t m = c->max_string ? c->max_string : DEFAULT_MAX_STRING;
    return m < UINT32_MAX - 1 ? m : UINT32_MAX - 2;
}

/* ---- errors ---- */

static void vset_err(fcall *f, const char *prefix, const char *fmt, va_list ap) {
    size_t cap = sizeof f->c->err, k = 0;
    if (prefix) {
        int w = snprintf(f->c->err, cap, "%s", prefix);
        k = w < 0 ? 0 : (size_t)w < cap ? (size_t)w : cap - 1;
    }
    vsnprintf(f->c->err + k, cap - k, fmt, ap);
}

/* Sets the message and returns false, for helpers. */
static bool err_set(fcall *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static bool err_set(fcall *f, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vset_err(f, NULL, fmt, ap);
    va_end(ap);
    return false;
}

/* Deeper than tenken follows (Terraform has no such limit): the answer is unknown. */
static bool too_deep(fcall *f) {
    f->amb = true;
    return err_set(f, "value nested more than %d levels deep", MAX_DEPTH);
}

/* Sets the message and returns TF_CALL_ERROR, for function bodies. */
static int fail(fcall *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int fail(fcall *f, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vset_err(f, NULL, fmt, ap);
    va_end(ap);
    return TF_CALL_ERROR;
}

/* The name of parameter i, for messages. */
static void param_name(const fcall *f, uint32_t i, char *out, size_t cap) {
    const char *p = f->def->params;
    for (uint32_t k = 0; k < i; k++) {
        const char *comma = strchr(p, ',');
        if (!comma) break; /* variadic: the last name repeats */
        p = comma + 1;
    }
    size_t len = strcspn(p, ",");
    snprintf(out, cap, "%.*s", (int)(len < cap ? len : cap - 1), p);
}

/* An error about argument i, worded like Terraform's. */
static bool arg_err(fcall *f, uint32_t i, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static bool arg_err(fcall *f, uint32_t i, const char *fmt, ...) {
    char name[40], prefix[80];
    param_name(f, i, name, sizeof name);
    snprintf(prefix, sizeof prefix, "invalid value for \"%s\" parameter: ", name);
    va_list ap;
    va_start(ap, fmt);
    vset_err(f, prefix, fmt, ap);
    va_end(ap);
    return false;
}

static int out_of_memory(fcall *f) {
    return fail(f, "out of memory");
}

/* Text quoted into a message, shortened. */
#define SHOW(s, n) (int)((n) > 60 ? 60 : (n)), (s)

/* ---- results ---- */

/* The unknown standing for a result that depends on the arguments. */
static int unknown_result(fcall *f, hv *out) {
    *out = hv_unknown_from(f->c->a, f->args, f->n);
    return TF_CALL_OK;
}

static bool new_str(fcall *f, const char *s, size_t n, hv *out) {
    if (n > max_string(f->c))
        return err_set(f, "result is longer than the limit of %zu bytes", max_string(f->c));
    *out = hv_str(f->c->a, s, n);
    if (out->kind != HV_STRING) return err_set(f, "out of memory");
    return true;
}

static bool check_items(fcall *f, size_t n) {
    if (n > max_items(f->c) || n >= UINT32_MAX)
        return err_set(f, "result has more than the limit of %zu elements", max_items(f->c));
    return true;
}

static bool new_tuple(fcall *f, size_t n, hv **items, hv *out) {
    if (!check_items(f, n)) return false;
    *out = hv_tuple(f->c->a, (uint32_t)n, items);
    if (out->kind != HV_TUPLE) return err_set(f, "out of memory");
    return true;
}

static bool new_set(fcall *f, const hv *items, size_t n, hv *out) {
    if (!check_items(f, n)) return false;
    *out = hv_set(f->c->a, items, (uint32_t)n);
    if (out->kind != HV_SET) return err_set(f, "out of memory");
    return true;
}

static bool new_object(fcall *f, const hv_pair *pairs, size_t n, hv *out) {
    if (!check_items(f, n)) return false;
    *out = hv_object(f->c->a, pairs, (uint32_t)n);
    if (out->kind != HV_OBJECT) return err_set(f, "out of memory");
    return true;
}

static void *scratch(fcall *f, size_t n, size_t size) {
    void *p = tk_arena_array(f->c->a, n ? n : 1, size);
    if (!p) err_set(f, "out of memory");
    return p;
}

/* ---- string builder (heap, bounded by max_string) ---- */

typedef struct sbuf {
    char *p;
    size_t len, cap, limit;
    bool over, oom;
} sbuf;

static void sb_init(sbuf *b, const fcall *f) {
    memset(b, 0, sizeof *b);
    b->limit = max_string(f->c);
}

static bool sb_add(sbuf *b, const void *s, size_t n) {
    if (b->over || b->oom) return false;
    if (n > b->limit - b->len) {
        b->over = true;
        return false;
    }
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 64;
        while (cap < b->len + n + 1) cap = cap / 2 * 3 + 16;
        char *p = realloc(b->p, cap);
        if (!p) {
            b->oom = true;
            return false;
        }
        b->p = p;
        b->cap = cap;
    }
    if (n) memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = 0;
    return true;
}
static bool sb_addc(sbuf *b, char ch) {
    return sb_add(b, &ch, 1);
}
static bool sb_adds(sbuf *b, const char *s) {
    return sb_add(b, s, strlen(s));
}
static bool sb_repeat(sbuf *b, char ch, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (!sb_addc(b, ch)) return false;
    return true;
}
static void sb_free(sbuf *b) {
    free(b->p);
    b->p = NULL;
    b->len = b->cap = 0;
}
/* The builder's failure as a message (false), for helpers. */
static bool sb_error(fcall *f, const sbuf *b) {
    if (b->oom) return err_set(f, "out of memory");
    return err_set(f, "result is longer than the limit of %zu bytes", b->limit);
}
/* Moves the text into the arena as a string value and frees the builder. */
static bool sb_take(fcall *f, sbuf *b, hv *out) {
    bool ok = !b->over && !b->oom ? new_str(f, b->p ? b->p : "", b->len, out) : sb_error(f, b);
    sb_free(b);
    return ok;
}
static int sb_finish(fcall *f, sbuf *b, hv *out) {
    return sb_take(f, b, out) ? TF_CALL_OK : TF_CALL_ERROR;
}

/* ---- what is known ---- */

/* Known all the way down; a resource instance is never complete (its attributes set after
 * apply are missing from the object). */
static bool wholly_known(const hv *v) {
    switch (v->kind) {
    case HV_UNKNOWN: return false;
    case HV_TUPLE:
    case HV_SET:
        for (uint32_t i = 0; i < v->n; i++)
            if (!wholly_known(&v->u.items[i])) return false;
        return true;
    case HV_OBJECT:
        if (v->flags & HVF_RESOURCE) return false;
        for (uint32_t i = 0; i < v->n; i++)
            if (!wholly_known(&v->u.pairs[i].val)) return false;
        return true;
    default: return true;
    }
}

/* Known at the top: a value whose shape (length, keys) is known. */
static bool shape_known(const hv *v) {
    return v->kind != HV_UNKNOWN && !(v->kind == HV_OBJECT && (v->flags & HVF_RESOURCE));
}

static bool is_seq(const hv *v) {
    return v->kind == HV_TUPLE || v->kind == HV_SET;
}

static hv str_val(const char *s) {
    return hv_str_ref(s, strlen(s));
}

/* ---- UTF-8 and the little Unicode this file knows ---- */

/* Decodes the code point at s[i] (the text is valid UTF-8); returns its length. */
static size_t utf8_at(const char *s, size_t n, size_t i, uint32_t *cp) {
    const unsigned char *u = (const unsigned char *)s + i;
    size_t avail = n - i;
    if (u[0] < 0x80) {
        *cp = u[0];
        return 1;
    }
    size_t l = tk_utf8_seq(u, avail);
    if (!l) {
        *cp = 0xFFFD;
        return 1;
    }
    if (l == 2)
        *cp = (uint32_t)(u[0] & 0x1F) << 6 | (u[1] & 0x3F);
    else if (l == 3)
        *cp = (uint32_t)(u[0] & 0x0F) << 12 | (uint32_t)(u[1] & 0x3F) << 6 | (u[2] & 0x3F);
    else
        *cp = (uint32_t)(u[0] & 0x07) << 18 | (uint32_t)(u[1] & 0x3F) << 12 |
              (uint32_t)(u[2] & 0x3F) << 6 | (u[3] & 0x3F);
    return l;
}

static bool valid_utf8(const char *s, size_t n) {
    size_t bad;
    return tk_utf8_validate(s, n, &bad);
}

/* A code point that is its own grapheme cluster wherever it stands (no combining marks,
 * joiners, variation selectors, emoji modifiers, regional indicators or conjoining jamo)
 * and that NFC leaves alone. Text made only of these has one cluster per code point
 * (CR LF excepted) and is already normalised; outside them this file does not guess. */
static bool cp_simple(uint32_t c) {
    static const uint32_t ranges[][2] = {
        {0x0000, 0x02FF},   {0x0370, 0x0373},   {0x0375, 0x037D},   {0x037F, 0x0386},
        {0x0388, 0x03FF},   {0x0400, 0x0482},   {0x048A, 0x058F},   {0x10A0, 0x10FF},
        {0x1D00, 0x1DBF},   {0x1E00, 0x1EFF},   {0x2002, 0x200B},   {0x200E, 0x20CF},
        {0x2100, 0x2125},   {0x2127, 0x2129},   {0x212C, 0x2328},   {0x232B, 0x2CEE},
        {0x2CF2, 0x2D7E},   {0x2D80, 0x2DDF},   {0x2E00, 0x3029},   {0x3030, 0x3098},
        {0x309B, 0x3130},   {0x3190, 0x9FFF},   {0xA000, 0xA66E},   {0xA67E, 0xA69D},
        {0xA6A0, 0xA6EF},   {0xA6F2, 0xA801},   {0xAC00, 0xD7A3},   {0xE000, 0xF8FF},
        {0xFB00, 0xFB1C},   {0xFE10, 0xFE1F},   {0xFE30, 0xFF9D},   {0xFFA0, 0xFFFD},
        {0x1F000, 0x1F1E5}, {0x1F200, 0x1F3FA}, {0x1F400, 0x1FAFF}, {0x20000, 0x2EBEF},
        {0x30000, 0x3134F},
    };
    if (c < 0x80) return true;
    if (c == 0x0374 || c == 0x037E || c == 0x0387) return false; /* NFC singletons */
    for (size_t i = 0; i < sizeof ranges / sizeof *ranges; i++)
        if (c >= ranges[i][0] && c <= ranges[i][1]) return true;
    return false;
}

/* Bytes of the grapheme cluster at s[i], for simple text. */
static size_t cluster_at(const char *s, size_t n, size_t i) {
    if (s[i] == '\r' && i + 1 < n && s[i + 1] == '\n') return 2;
    uint32_t cp;
    return utf8_at(s, n, i, &cp);
}

/* Whether every code point of s is simple (see cp_simple). */
static bool text_simple(const char *s, size_t n) {
    for (size_t i = 0; i < n;) {
        if ((unsigned char)s[i] < 0x80) {
            i++;
            continue;
        }
        uint32_t cp;
        i += utf8_at(s, n, i, &cp);
        if (!cp_simple(cp)) return false;
    }
    return true;
}

static size_t count_clusters(const char *s, size_t n) {
    size_t k = 0;
    for (size_t i = 0; i < n; k++) i += cluster_at(s, n, i);
    return k;
}

/* unicode.IsSpace */
static bool is_space(uint32_t c) {
    switch (c) {
    case '\t':
    case '\n':
    case '\v':
    case '\f':
    case '\r':
    case ' ':
    case 0x85:
    case 0xA0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000: return true;
    default: return c >= 0x2000 && c <= 0x200A;
    }
}

/* Simple case mapping (what Go's unicode.ToUpper / ToLower do) for the scripts this file
 * knows. Returns false when c may have a case mapping it does not know. */
static bool case_map(uint32_t c, bool upper, uint32_t *out) {
    *out = c;
    /* Blocks of capitals [lo, hi] whose small letters are delta further on (step 1), and
     * alternating ranges [lo, hi] of capital, small, capital, ... (step 2). */
    static const struct {
        uint32_t lo, hi;
        int32_t delta;
        uint8_t step;
    } pairs[] = {
        {'A', 'Z', 32, 1},       {0xC0, 0xD6, 32, 1},     {0xD8, 0xDE, 32, 1},
        {0x100, 0x12F, 1, 2},    {0x132, 0x137, 1, 2},    {0x139, 0x148, 1, 2},
        {0x14A, 0x177, 1, 2},    {0x179, 0x17E, 1, 2},    {0x386, 0x386, 38, 1},
        {0x388, 0x38A, 37, 1},   {0x38C, 0x38C, 64, 1},   {0x38E, 0x38F, 63, 1},
        {0x391, 0x3A1, 32, 1},   {0x3A3, 0x3AB, 32, 1},   {0x400, 0x40F, 80, 1},
        {0x410, 0x42F, 32, 1},   {0x460, 0x481, 1, 2},    {0x48A, 0x4BF, 1, 2},
        {0x4C0, 0x4C0, 15, 1},   {0x4C1, 0x4CE, 1, 2},    {0x4D0, 0x52F, 1, 2},
        {0x531, 0x556, 48, 1},   {0x1E00, 0x1E95, 1, 2},  {0x1EA0, 0x1EFF, 1, 2},
        {0x24B6, 0x24CF, 26, 1}, {0xFF21, 0xFF3A, 32, 1},
    };
    for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++) {
        uint32_t lo = pairs[i].lo, hi = pairs[i].hi, d = (uint32_t)pairs[i].delta;
        if (pairs[i].step == 2) { /* upper at lo, lo+2, ...; its lower follows it */
            if (c < lo || c > hi) continue;
            bool is_upper = (c - lo) % 2 == 0;
            *out = is_upper == upper ? c : upper ? c - 1 : c + 1;
            return true;
        }
        if (c >= lo && c <= hi) {
            *out = upper ? c : c + d;
            return true;
        }
        if (c >= lo + d && c <= hi + d) {
            *out = upper ? c - d : c;
            return true;
        }
    }
    switch (c) {
    case 0xB5: *out = upper ? 0x39C : c; return true;
    case 0xFF: *out = upper ? 0x178 : c; return true;
    case 0x178: *out = upper ? c : 0xFF; return true;
    case 0x130: *out = upper ? c : 'i'; return true;
    case 0x131: *out = upper ? 'I' : c; return true;
    case 0x17F: *out = upper ? 'S' : c; return true;
    case 0x3C2: *out = upper ? 0x3A3 : c; return true;
    case 0xDF:
    case 0x138:
    case 0x149:
    case 0x390:
    case 0x3B0:
    case 0x587: return true;
    default: break;
    }
    if (c >= 0x1E96 && c <= 0x1E9A) return true;
    /* Ranges without case: everything this file has no table for must be one of these. */
    static const uint32_t caseless[][2] = {
        {0x00, 0x7F},        {0x80, 0xBF},       {0xD7, 0xD7},       {0xF7, 0xF7},
        {0x2B0, 0x2FF},      {0x482, 0x489},     {0x557, 0x560},     {0x588, 0x58F},
        {0x2000, 0x20FF},    {0x2150, 0x215F},   {0x2189, 0x24B5},   {0x24EA, 0x2BFF},
        {0x2E00, 0xA63F},    {0xA800, 0xAB2F},   {0xABC0, 0xFF20},   {0xFF3B, 0xFF40},
        {0xFF5B, 0xFFFF},    {0x10000, 0x103FF}, {0x10450, 0x104AF}, {0x10500, 0x1056F},
        {0x105C0, 0x10C7F},  {0x10D00, 0x1189F}, {0x11900, 0x16E3F}, {0x16EA0, 0x1E8FF},
        {0x1E960, 0x10FFFF},
    };
    for (size_t i = 0; i < sizeof caseless / sizeof *caseless; i++)
        if (c >= caseless[i][0] && c <= caseless[i][1]) return !(c >= 'A' && c <= 'Z');
    return false;
}

static bool sb_add_cp(sbuf *b, uint32_t cp) {
    char tmp[4];
    return sb_add(b, tmp, tk_utf8_encode(cp, tmp));
}

/* ---- numbers ---- */

/* Shortest decimal digits that read back as d (d finite, not zero): digits[0..*nd) and
 * the decimal exponent e such that d = 0.digits * 10^(e+1). */
static void shortest_digits(double d, char *digits, int *nd, int *e) {
    char buf[40];
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(buf, sizeof buf, "%.*e", prec - 1, fabs(d));
        if (strtod(buf, NULL) == fabs(d)) break;
    }
    int k = 0;
    const char *p = buf;
    for (; *p && *p != 'e'; p++)
        if (*p >= '0' && *p <= '9') digits[k++] = *p;
    while (k > 1 && digits[k - 1] == '0') k--;
    *nd = k;
    *e = *p == 'e' ? atoi(p + 1) : 0;
}

/* A number as Terraform writes it (tostring, jsonencode, templates): the shortest
 * decimal, never with an exponent. buf needs 400 bytes. */
static size_t num_text(double d, char *buf, size_t cap) {
    enum { NEED = 400 }; /* "0." and 323 zeros before 17 digits, or 309 digits */
    if (cap < NEED) return (size_t)snprintf(buf, cap, "%s", "");
    if (isnan(d)) return (size_t)snprintf(buf, cap, "NaN");
    if (isinf(d)) return (size_t)snprintf(buf, cap, "%s", d < 0 ? "-Inf" : "+Inf");
    if (d == 0) return (size_t)snprintf(buf, cap, "%s", signbit(d) ? "-0" : "0");
    char digits[24];
    int nd, e;
    shortest_digits(d, digits, &nd, &e);
    size_t k = 0;
    if (d < 0) buf[k++] = '-';
    if (e < 0) {
        buf[k++] = '0';
        buf[k++] = '.';
        for (int i = 0; i < -e - 1; i++) buf[k++] = '0';
        for (int i = 0; i < nd; i++) buf[k++] = digits[i];
    } else {
        for (int i = 0; i <= e; i++) buf[k++] = i < nd ? digits[i] : '0';
        if (nd > e + 1) {
            buf[k++] = '.';
            for (int i = e + 1; i < nd; i++) buf[k++] = digits[i];
        }
    }
    buf[k] = 0;
    return k;
}

/* Go's %g with the shortest precision (format's %v of a number). */
static size_t num_g(double d, char *buf, size_t cap) {
    if (!isfinite(d) || d == 0) return num_text(d, buf, cap);
    char digits[24];
    int nd, e;
    shortest_digits(d, digits, &nd, &e);
    if (e >= -4 && e < 6) return num_text(d, buf, cap);
    size_t k = 0;
    if (d < 0) buf[k++] = '-';
    buf[k++] = digits[0];
    if (nd > 1) {
        buf[k++] = '.';
        for (int i = 1; i < nd; i++) buf[k++] = digits[i];
    }
    k += (size_t)snprintf(buf + k, cap - k, "e%c%02d", e < 0 ? '-' : '+', abs(e));
    return k;
}

/* Marks the call's result as not to be trusted: tf_call then answers unknown. */
static void ambiguous(fcall *f) {
    f->amb = true;
}

/* Terraform keeps numbers with 512 bits of precision, tenken with 53. A double stands for
 * Terraform's number when it is an integer it holds exactly, or when its shortest decimal
 * form has at most 15 digits (then it is what the source wrote, or a value computed
 * exactly). Otherwise the text Terraform would write is not known. */
static bool num_reliable(double d) {
    if (!isfinite(d)) return false;
    if (d == floor(d) && fabs(d) <= 9007199254740992.0) return true;
    char digits[24];
    int nd, e;
    shortest_digits(d, digits, &nd, &e);
    return nd <= 15;
}

static size_t num_text_checked(fcall *f, double d, char *buf, size_t cap) {
    if (!num_reliable(d)) ambiguous(f);
    return num_text(d, buf, cap);
}

static bool hv_num_text(fcall *f, double d, hv *out) {
    char buf[400];
    size_t n = num_text_checked(f, d, buf, sizeof buf);
    return new_str(f, buf, n, out);
}

/* d as an integer of int64 range, like gocty's conversion to int. */
static bool whole_number(double d, int64_t *out) {
    if (!isfinite(d) || d != floor(d) || d < -9223372036854775808.0 || d >= 9223372036854775808.0)
        return false;
    *out = (int64_t)d;
    return true;
}

/* ---- Terraform's types, as far as values show them ----
 *
 * Terraform converts a tuple to a list (or an object to a map) by finding one type every
 * element converts to: strings win over numbers and bools; objects with the same attributes
 * unify attribute by attribute, others become maps; tuples of one length unify position
 * by position, others become lists. The type of a null is open (it fits anything), except
 * beside objects and tuples, where Terraform gives up. An unknown value's type is not known
 * here: beside strings it can only end up a string, anywhere else the answer is ambiguous. */

typedef enum {
    TY_DYN,
    TY_STR,
    TY_NUM,
    TY_BOOL,
    TY_UNK,
    TY_TUPLE,
    TY_LIST,
    TY_SET,
    TY_OBJ,
    TY_MAP
} ty_kind;

typedef struct ty ty;
struct ty {
    uint8_t k;
    uint32_t n;           /* TY_TUPLE, TY_OBJ: elements or attributes */
    const ty **el;        /* TY_TUPLE, TY_OBJ: n types; TY_LIST, TY_SET, TY_MAP: el[0] */
    const hv_pair *names; /* TY_OBJ: attribute names (a value's sorted pairs) */
};

static const ty ty_dyn = {TY_DYN, 0, NULL, NULL}, ty_str = {TY_STR, 0, NULL, NULL},
                ty_num = {TY_NUM, 0, NULL, NULL}, ty_bool = {TY_BOOL, 0, NULL, NULL},
                ty_unk = {TY_UNK, 0, NULL, NULL};

enum { U_OK, U_FAIL, U_AMBIG, U_ERROR };

static const ty *ty_new(fcall *f, ty_kind k, uint32_t n, int *st) {
    ty *t = tk_arena_alloc(f->c->a, sizeof *t);
    const ty **el = t ? tk_arena_array(f->c->a, n ? n : 1, sizeof *el) : NULL;
    if (!t || !el) {
        err_set(f, "out of memory");
        *st = U_ERROR;
        return NULL;
    }
    t->k = (uint8_t)k;
    t->n = n;
    t->el = el;
    return t;
}

static const ty *unify(fcall *f, const ty *const *ts, size_t n, int depth, int *st);

static const ty *type_of(fcall *f, const hv *v, int depth, int *st) {
    if (depth > MAX_DEPTH) {
        too_deep(f);
        *st = U_ERROR;
        return NULL;
    }
    switch (v->kind) {
    case HV_NULL: return &ty_dyn;
    case HV_STRING: return &ty_str;
    case HV_NUMBER: return &ty_num;
    case HV_BOOL: return &ty_bool;
    case HV_UNKNOWN: return &ty_unk;
    case HV_OBJECT:
    case HV_TUPLE: {
        if (v->kind == HV_OBJECT && (v->flags & HVF_RESOURCE)) return &ty_unk;
        const ty *t = ty_new(f, v->kind == HV_OBJECT ? TY_OBJ : TY_TUPLE, v->n, st);
        if (!t) return NULL;
        ty *w = (ty *)t;
        if (v->kind == HV_OBJECT) w->names = v->u.pairs;
        for (uint32_t i = 0; i < v->n; i++) {
            const hv *e = v->kind == HV_OBJECT ? &v->u.pairs[i].val : &v->u.items[i];
            if (!(w->el[i] = type_of(f, e, depth + 1, st))) return NULL;
        }
        return t;
    }
    case HV_SET: {
        const ty **ets = scratch(f, v->n, sizeof *ets);
        if (!ets) {
            *st = U_ERROR;
            return NULL;
        }
        for (uint32_t i = 0; i < v->n; i++)
            if (!(ets[i] = type_of(f, &v->u.items[i], depth + 1, st))) return NULL;
        const ty *et = unify(f, ets, v->n, depth + 1, st);
        if (!et) return NULL;
        const ty *t = ty_new(f, TY_SET, 1, st);
        if (t) ((ty *)t)->el[0] = et;
        return t;
    }
    default: *st = U_AMBIG; return NULL;
    }
}

static bool same_names(const ty *a, const ty *b) {
    if (a->n != b->n) return false;
    for (uint32_t i = 0; i < a->n; i++)
        if (a->names[i].klen != b->names[i].klen ||
            memcmp(a->names[i].key, b->names[i].key, a->names[i].klen) != 0)
            return false;
    return true;
}

/* Unifies the element types of collections ts (each TY_TUPLE/TY_LIST/TY_SET/TY_OBJ/TY_MAP):
 * every element of every one. */
static const ty *unify_elements(fcall *f, const ty *const *ts, size_t n, int depth, int *st) {
    size_t total = 0;
    for (size_t i = 0; i < n; i++) {
        bool many = ts[i]->k == TY_TUPLE || ts[i]->k == TY_OBJ;
        total += many ? ts[i]->n : 1;
    }
    const ty **all = scratch(f, total, sizeof *all);
    if (!all) {
        *st = U_ERROR;
        return NULL;
    }
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        bool many = ts[i]->k == TY_TUPLE || ts[i]->k == TY_OBJ;
        for (uint32_t j = 0; j < (many ? ts[i]->n : 1); j++) all[k++] = ts[i]->el[j];
    }
    return unify(f, all, k, depth + 1, st);
}

/* Unifies position by position (same-length tuples) or attribute by attribute (objects
 * with the same attributes). */
static const ty *unify_members(fcall *f, const ty *const *ts, size_t n, int depth, int *st) {
    const ty *t = ty_new(f, (ty_kind)ts[0]->k, ts[0]->n, st);
    const ty **col = scratch(f, n, sizeof *col);
    if (!t || !col) {
        *st = U_ERROR;
        return NULL;
    }
    ((ty *)t)->names = ts[0]->names;
    for (uint32_t j = 0; j < ts[0]->n; j++) {
        for (size_t i = 0; i < n; i++) col[i] = ts[i]->el[j];
        if (!(((ty *)t)->el[j] = unify(f, col, n, depth + 1, st))) return NULL;
    }
    return t;
}

static const ty *collection_of(fcall *f, ty_kind k, const ty *et, int *st) {
    if (!et) return NULL;
    const ty *t = ty_new(f, k, 1, st);
    if (t) ((ty *)t)->el[0] = et;
    return t;
}

static const ty *unify(fcall *f, const ty *const *ts, size_t n, int depth, int *st) {
    *st = U_OK;
    if (depth > MAX_DEPTH) {
        too_deep(f);
        *st = U_ERROR;
        return NULL;
    }
    size_t cnt[TY_MAP + 1] = {0};
    for (size_t i = 0; i < n; i++) cnt[ts[i]->k]++;
    size_t dyn = cnt[TY_DYN], prim = cnt[TY_STR] + cnt[TY_NUM] + cnt[TY_BOOL];
    if (n == 0 || dyn == n) return &ty_dyn;
    if (cnt[TY_UNK]) {
        if (cnt[TY_UNK] + dyn == n) return &ty_unk;
        if (cnt[TY_STR] && cnt[TY_STR] + cnt[TY_UNK] + dyn == n) return &ty_str;
        *st = U_AMBIG;
        return NULL;
    }
    if (prim + dyn == n) {
        if (cnt[TY_STR]) return &ty_str;
        if (cnt[TY_NUM] && cnt[TY_BOOL]) {
            *st = U_FAIL;
            return NULL;
        }
        return cnt[TY_NUM] ? &ty_num : &ty_bool;
    }
    if (prim) {
        *st = U_FAIL;
        return NULL;
    }
    /* Only collections and nulls from here. */
    size_t objs = cnt[TY_OBJ], tups = cnt[TY_TUPLE];
    if (objs + tups + cnt[TY_SET] + cnt[TY_LIST] + cnt[TY_MAP] != n) {
        /* collections beside nulls */
        *st = (objs || tups) ? U_FAIL : U_AMBIG;
        return NULL;
    }
    if (objs == n) {
        bool same = true;
        for (size_t i = 1; i < n && same; i++) same = same_names(ts[0], ts[i]);
        if (same) return unify_members(f, ts, n, depth, st);
        return collection_of(f, TY_MAP, unify_elements(f, ts, n, depth, st), st);
    }
    if (tups == n) {
        bool same = true;
        for (size_t i = 1; i < n && same; i++) same = ts[i]->n == ts[0]->n;
        if (same) return unify_members(f, ts, n, depth, st);
        return collection_of(f, TY_LIST, unify_elements(f, ts, n, depth, st), st);
    }
    if (objs || cnt[TY_MAP]) {
        *st = (objs && tups) ? U_FAIL : U_AMBIG;
        return NULL;
    }
    if (cnt[TY_SET] && cnt[TY_SET] + tups == n)
        return collection_of(f, TY_SET, unify_elements(f, ts, n, depth, st), st);
    if (cnt[TY_LIST] + tups == n)
        return collection_of(f, TY_LIST, unify_elements(f, ts, n, depth, st), st);
    *st = U_AMBIG;
    return NULL;
}

static const char *ty_kind_name(const hv *v) {
    switch (v->kind) {
    case HV_TUPLE: return "tuple";
    case HV_OBJECT: return "object";
    case HV_SET: return "set";
    default: return hv_kind_name(v);
    }
}

/* A string as a number the way Terraform reads one (decimal, optional sign, fraction and
 * exponent; "Inf" too). */
static bool parse_decimal(fcall *f, const char *s, size_t n, double *out) {
    hv tmp = hv_str_ref(s, n), num;
    if (n >= 3 && n <= 4) {
        size_t k = (s[0] == '+' || s[0] == '-') ? 1 : 0;
        if (n - k == 3 && (!memcmp(s + k, "Inf", 3) || !memcmp(s + k, "inf", 3))) {
            *out = s[0] == '-' ? -INFINITY : INFINITY;
            return true;
        }
    }
    if (!hv_to_number(&tmp, &num)) return false;
    if (!isfinite(num.u.num)) ambiguous(f); /* beyond a double's range */
    *out = num.u.num;
    return true;
}

/* cty's string to bool: "true", "false", "1", "0". */
static int parse_bool_text(const char *s, size_t n) {
    if ((n == 4 && !memcmp(s, "true", 4)) || (n == 1 && s[0] == '1')) return 1;
    if ((n == 5 && !memcmp(s, "false", 5)) || (n == 1 && s[0] == '0')) return 0;
    return -1;
}

/* Converts v to primitive type k. False with a message (Terraform's wording) if it cannot. */
static bool to_primitive(fcall *f, const hv *v, ty_kind k, hv *out) {
    if (v->kind == HV_NULL || v->kind == HV_UNKNOWN) {
        *out = *v;
        return true;
    }
    switch (k) {
    case TY_STR:
        if (v->kind == HV_STRING)
            *out = *v;
        else if (v->kind == HV_NUMBER)
            return hv_num_text(f, v->u.num, out);
        else if (v->kind == HV_BOOL)
            *out = str_val(v->u.b ? "true" : "false");
        else
            return err_set(f, "string required");
        return true;
    case TY_NUM:
        if (v->kind == HV_NUMBER)
            *out = *v;
        else if (v->kind == HV_STRING) {
            double d;
            if (!parse_decimal(f, v->u.s, v->n, &d))
                return err_set(f,
                               "cannot convert \"%.*s\" to number; given string must be a "
                               "decimal representation of a number",
                               SHOW(v->u.s, v->n));
            *out = hv_num(d);
        } else
            return err_set(f, "number required");
        return true;
    case TY_BOOL:
        if (v->kind == HV_BOOL)
            *out = *v;
        else if (v->kind == HV_STRING) {
            int b = parse_bool_text(v->u.s, v->n);
            if (b < 0)
                return err_set(f,
                               "cannot convert \"%.*s\" to bool; only the strings \"true\" or "
                               "\"false\" are allowed",
                               SHOW(v->u.s, v->n));
            *out = hv_bool(b == 1);
        } else
            return err_set(f, "bool required");
        return true;
    default: *out = *v; return true;
    }
}

/* Converts v to type t (a unification result). */
static bool convert(fcall *f, const hv *v, const ty *t, int depth, hv *out) {
    if (depth > MAX_DEPTH) return too_deep(f);
    if (t->k == TY_DYN || t->k == TY_UNK || v->kind == HV_NULL || v->kind == HV_UNKNOWN) {
        *out = *v;
        return true;
    }
    switch (t->k) {
    case TY_STR:
    case TY_NUM:
    case TY_BOOL: return to_primitive(f, v, (ty_kind)t->k, out);
    case TY_LIST:
    case TY_SET:
    case TY_TUPLE: {
        if (!is_seq(v) || (t->k == TY_TUPLE && v->n != t->n))
            return err_set(f, "cannot convert %s to %s", ty_kind_name(v),
                           t->k == TY_SET    ? "set"
                           : t->k == TY_LIST ? "list"
                                             : "tuple");
        hv *items, res;
        if (!new_tuple(f, v->n, &items, &res)) return false;
        for (uint32_t i = 0; i < v->n; i++)
            if (!convert(f, &v->u.items[i], t->k == TY_TUPLE ? t->el[i] : t->el[0], depth + 1,
                         &items[i]))
                return false;
        if (t->k == TY_SET) {
            if (!wholly_known(&res)) ambiguous(f);
            return new_set(f, items, v->n, out);
        }
        *out = res;
        return true;
    }
    case TY_MAP:
    case TY_OBJ: {
        if (v->kind != HV_OBJECT || (t->k == TY_OBJ && v->n != t->n))
            return err_set(f, "cannot convert %s to %s", ty_kind_name(v),
                           t->k == TY_MAP ? "map" : "object");
        hv_pair *pairs = scratch(f, v->n, sizeof *pairs);
        if (!pairs) return false;
        for (uint32_t i = 0; i < v->n; i++) {
            pairs[i] = v->u.pairs[i];
            if (!convert(f, &v->u.pairs[i].val, t->k == TY_OBJ ? t->el[i] : t->el[0], depth + 1,
                         &pairs[i].val))
                return false;
        }
        *out = *v;
        out->u.pairs = pairs;
        out->flags = v->flags & HVF_INHERIT_POS;
        return true;
    }
    default: *out = *v; return true;
    }
}

/* The elements of a tuple or set as a list (or set) of one type, like Terraform's
 * conversion to list(any) / set(any). items[0..n) receive the converted elements. Returns
 * U_OK, U_FAIL (no single type; no message set), U_AMBIG or U_ERROR. */
static int unify_items(fcall *f, const hv *const *src, size_t n, hv *items) {
    const ty **ts = scratch(f, n, sizeof *ts);
    if (!ts) return U_ERROR;
    int st = U_OK;
    for (size_t i = 0; i < n; i++)
        if (!(ts[i] = type_of(f, src[i], 0, &st))) return st;
    const ty *et = unify(f, ts, n, 0, &st);
    if (!et) return st;
    for (size_t i = 0; i < n; i++)
        if (!convert(f, src[i], et, 0, &items[i])) return U_ERROR;
    return U_OK;
}

/* Pointers to the elements of a sequence. */
static const hv **elements_of(fcall *f, const hv *v) {
    const hv **p = scratch(f, v->n, sizeof *p);
    if (p)
        for (uint32_t i = 0; i < v->n; i++) p[i] = &v->u.items[i];
    return p;
}

/* ---- arguments ---- */

/* Re-words the message a helper left as an error about argument i. */
static bool arg_err_from_last(fcall *f, uint32_t i) {
    char msg[sizeof f->c->err];
    snprintf(msg, sizeof msg, "%s", f->c->err);
    return arg_err(f, i, "%s", msg);
}

static bool arg_string(fcall *f, uint32_t i, const char **s, size_t *n) {
    hv v;
    *s = "";
    *n = 0;
    if (!to_primitive(f, &f->args[i], TY_STR, &v)) return arg_err_from_last(f, i);
    if (v.kind != HV_STRING) return arg_err(f, i, "argument must not be null");
    *s = v.u.s;
    *n = v.n;
    return true;
}

static bool arg_number(fcall *f, uint32_t i, double *d) {
    hv v;
    *d = 0;
    if (!to_primitive(f, &f->args[i], TY_NUM, &v)) return arg_err_from_last(f, i);
    if (v.kind != HV_NUMBER) return arg_err(f, i, "argument must not be null");
    *d = v.u.num;
    return true;
}

/* A whole number; what says it is not one follows Terraform's wording for the function. */
static bool arg_int(fcall *f, uint32_t i, int64_t *out, const char *not_whole) {
    double d;
    if (!arg_number(f, i, &d)) return false;
    if (!whole_number(d, out)) return err_set(f, "%s", not_whole);
    return true;
}

static const char WHOLE_RANGE[] =
    "value must be a whole number, between -9223372036854775808 and 9223372036854775807";

/* A list(string) argument: the elements converted to strings (null elements stay null). */
static bool arg_string_list(fcall *f, uint32_t i, hv **items, uint32_t *n) {
    const hv *v = &f->args[i];
    if (!is_seq(v)) return arg_err(f, i, "list of string required");
    hv *out = scratch(f, v->n, sizeof *out);
    if (!out) return false;
    for (uint32_t k = 0; k < v->n; k++)
        if (!to_primitive(f, &v->u.items[k], TY_STR, &out[k])) {
            char msg[sizeof f->c->err];
            snprintf(msg, sizeof msg, "%s", f->c->err);
            return arg_err(f, i, "element %u: %s", k, msg);
        }
    *items = out;
    *n = v->n;
    return true;
}

/* ---- numbers ---- */

static int fn_abs(fcall *f, hv *out) {
    double d;
    if (!arg_number(f, 0, &d)) return TF_CALL_ERROR;
    *out = hv_num(fabs(d));
    return TF_CALL_OK;
}

static int fn_ceil(fcall *f, hv *out) {
    double d;
    if (!arg_number(f, 0, &d)) return TF_CALL_ERROR;
    double r = d == floor(d) ? d : ceil(d); /* an integer (even -0) stays; others give +0 */
    *out = hv_num(r == 0 && d != r ? 0.0 : r);
    return TF_CALL_OK;
}

static int fn_floor(fcall *f, hv *out) {
    double d;
    if (!arg_number(f, 0, &d)) return TF_CALL_ERROR;
    double r = d == floor(d) ? d : floor(d);
    *out = hv_num(r == 0 && d != r ? 0.0 : r);
    return TF_CALL_OK;
}

static int fn_log(fcall *f, hv *out) {
    double num, base;
    if (!arg_number(f, 0, &num) || !arg_number(f, 1, &base)) return TF_CALL_ERROR;
    double r = log(num) / log(base);
    if (isnan(r)) return fail(f, "the result of log(%g, %g) is not a number", num, base);
    *out = hv_num(r);
    return TF_CALL_OK;
}

static int fn_pow(fcall *f, hv *out) {
    double num, power;
    if (!arg_number(f, 0, &num) || !arg_number(f, 1, &power)) return TF_CALL_ERROR;
    double r = pow(num, power);
    if (isnan(r)) return fail(f, "the result of pow(%g, %g) is not a number", num, power);
    *out = hv_num(r);
    return TF_CALL_OK;
}

static int fn_signum(fcall *f, hv *out) {
    int64_t i;
    if (!arg_int(f, 0, &i, WHOLE_RANGE)) return TF_CALL_ERROR;
    *out = hv_num(i > 0 ? 1 : i < 0 ? -1 : 0);
    return TF_CALL_OK;
}

static int min_max(fcall *f, hv *out, bool want_max) {
    if (f->n == 0) return fail(f, "must pass at least one number");
    double best = 0;
    for (uint32_t i = 0; i < f->n; i++) {
        double d;
        if (!arg_number(f, i, &d)) return TF_CALL_ERROR;
        if (i == 0 || (want_max ? d > best : d < best)) best = d;
    }
    *out = hv_num(best);
    return TF_CALL_OK;
}
static int fn_max(fcall *f, hv *out) {
    return min_max(f, out, true);
}
static int fn_min(fcall *f, hv *out) {
    return min_max(f, out, false);
}

/* Value of digit ch in base (Go's big.Int: letters are case-insensitive up to base 36,
 * then 'a'..'z' are 10..35 and 'A'..'Z' 36..61). */
static int digit_value(char ch, int base) {
    int v = -1;
    if (ch >= '0' && ch <= '9')
        v = ch - '0';
    else if (ch >= 'a' && ch <= 'z')
        v = ch - 'a' + 10;
    else if (ch >= 'A' && ch <= 'Z')
        v = base <= 36 ? ch - 'A' + 10 : ch - 'A' + 36;
    return v < base ? v : -1;
}

static int fn_parseint(fcall *f, hv *out) {
    const hv *a = &f->args[0];
    if (a->kind != HV_STRING)
        return arg_err(f, 0, "first argument must be a string, not %s", hv_kind_name(a)),
               TF_CALL_ERROR;
    int64_t base;
    if (!arg_int(f, 1, &base, "base must be a whole number between 2 and 62 inclusive") ||
        base < 2 || base > 62)
        return arg_err(f, 1, "base must be a whole number between 2 and 62 inclusive"),
               TF_CALL_ERROR;
    const char *s = a->u.s;
    size_t n = a->n, i = 0;
    bool neg = false;
    if (i < n && (s[i] == '+' || s[i] == '-')) neg = s[i++] == '-';
    if (i == n) goto bad;
    double v = 0;
    bool exact = true;
    for (; i < n; i++) {
        int dv = digit_value(s[i], (int)base);
        if (dv < 0) goto bad;
        v = v * (double)base + dv;
        if (v > 9007199254740992.0) exact = false;
    }
    if (!exact) ambiguous(f);         /* Terraform keeps the digits a double cannot */
    *out = hv_num(neg && v ? -v : v); /* integers have no negative zero */
    return TF_CALL_OK;
bad:
    return arg_err(f, 0, "cannot parse \"%.*s\" as a base %d integer", SHOW(s, n), (int)base),
           TF_CALL_ERROR;
}

/* ---- strings ---- */

static int fn_chomp(fcall *f, hv *out) {
    const char *s;
    size_t n;
    if (!arg_string(f, 0, &s, &n)) return TF_CALL_ERROR;
    while (n && (s[n - 1] == '\n' || s[n - 1] == '\r')) n--;
    return new_str(f, s, n, out) ? TF_CALL_OK : TF_CALL_ERROR;
}

static int fn_startswith(fcall *f, hv *out) {
    const char *s, *p;
    size_t n, pn;
    if (!arg_string(f, 0, &s, &n) || !arg_string(f, 1, &p, &pn)) return TF_CALL_ERROR;
    *out = hv_bool(pn <= n && memcmp(s, p, pn) == 0);
    return TF_CALL_OK;
}

static int fn_endswith(fcall *f, hv *out) {
    const char *s, *p;
    size_t n, pn;
    if (!arg_string(f, 0, &s, &n) || !arg_string(f, 1, &p, &pn)) return TF_CALL_ERROR;
    *out = hv_bool(pn <= n && memcmp(s + n - pn, p, pn) == 0);
    return TF_CALL_OK;
}

static const char *find_bytes(const char *s, size_t n, const char *p, size_t pn) {
    if (pn == 0) return s;
    for (size_t i = 0; i + pn <= n; i++) {
        const char *hit = memchr(s + i, p[0], n - pn + 1 - i);
        if (!hit) return NULL;
        i = (size_t)(hit - s);
        if (memcmp(hit, p, pn) == 0) return hit;
    }
    return NULL;
}

static int fn_strcontains(fcall *f, hv *out) {
    const char *s, *p;
    size_t n, pn;
    if (!arg_string(f, 0, &s, &n) || !arg_string(f, 1, &p, &pn)) return TF_CALL_ERROR;
    *out = hv_bool(find_bytes(s, n, p, pn) != NULL);
    return TF_CALL_OK;
}

static int fn_indent(fcall *f, hv *out) {
    int64_t spaces;
    const char *s;
    size_t n;
    if (!arg_int(f, 0, &spaces, WHOLE_RANGE) || !arg_string(f, 1, &s, &n)) return TF_CALL_ERROR;
    if (spaces < 0) return fail(f, "the number of spaces must not be negative");
    sbuf b;
    sb_init(&b, f);
    for (size_t i = 0; i < n; i++) {
        sb_addc(&b, s[i]);
        if (s[i] == '\n' && !sb_repeat(&b, ' ', (size_t)spaces)) break;
    }
    return sb_finish(f, &b, out);
}

static int fn_join(fcall *f, hv *out) {
    const char *sep;
    size_t sn;
    if (!arg_string(f, 0, &sep, &sn)) return TF_CALL_ERROR;
    if (f->n < 2) return fail(f, "at least one list is required");
    sbuf b;
    sb_init(&b, f);
    bool first = true;
    for (uint32_t a = 1; a < f->n; a++) {
        hv *items;
        uint32_t n;
        if (!arg_string_list(f, a, &items, &n)) return sb_free(&b), TF_CALL_ERROR;
        for (uint32_t i = 0; i < n; i++) {
            if (items[i].kind == HV_NULL) {
                sb_free(&b);
                if (f->n > 2)
                    return arg_err(f, a,
                                   "element %u of list %u is null; cannot concatenate null "
                                   "values",
                                   i, a),
                           TF_CALL_ERROR;
                return arg_err(f, a, "element %u is null; cannot concatenate null values", i),
                       TF_CALL_ERROR;
            }
            if (!first) sb_add(&b, sep, sn);
            sb_add(&b, items[i].u.s, items[i].n);
            first = false;
        }
    }
    return sb_finish(f, &b, out);
}

/* upper(), lower(): every character must be simple and of known case. */
static int change_case(fcall *f, hv *out, bool upper) {
    const char *s;
    size_t n;
    if (!arg_string(f, 0, &s, &n)) return TF_CALL_ERROR;
    sbuf b;
    sb_init(&b, f);
    for (size_t i = 0; i < n;) {
        uint32_t cp, m = 0;
        i += utf8_at(s, n, i, &cp);
        if (!case_map(cp, upper, &m) || !cp_simple(cp)) ambiguous(f);
        sb_add_cp(&b, m);
    }
    return sb_finish(f, &b, out);
}
static int fn_upper(fcall *f, hv *out) {
    return change_case(f, out, true);
}
static int fn_lower(fcall *f, hv *out) {
    return change_case(f, out, false);
}

/* Go's strings.Title: the first letter of each word in title case; words are separated
 * by ASCII characters other than letters, digits and '_', and by spaces. */
static int fn_title(fcall *f, hv *out) {
    const char *s;
    size_t n;
    if (!arg_string(f, 0, &s, &n)) return TF_CALL_ERROR;
    sbuf b;
    sb_init(&b, f);
    bool after_sep = true;
    for (size_t i = 0; i < n;) {
        uint32_t cp, m = 0;
        i += utf8_at(s, n, i, &cp);
        if (!cp_simple(cp)) ambiguous(f);
        if (after_sep) {
            if (!case_map(cp, true, &m)) ambiguous(f);
        } else {
            m = cp;
        }
        sb_add_cp(&b, m);
        if (cp < 0x80)
            after_sep = !((cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') ||
                          (cp >= 'A' && cp <= 'Z') || cp == '_');
        else
            after_sep = is_space(cp);
    }
    return sb_finish(f, &b, out);
}

static int fn_split(fcall *f, hv *out) {
    const char *sep, *s;
    size_t sn, n;
    if (!arg_string(f, 0, &sep, &sn) || !arg_string(f, 1, &s, &n)) return TF_CALL_ERROR;
    /* Count the pieces first. */
    size_t count = 0;
    if (sn == 0) {
        for (size_t i = 0; i < n; count++) {
            uint32_t cp;
            i += utf8_at(s, n, i, &cp);
        }
    } else {
        count = 1;
        for (const char *p = s, *hit; (hit = find_bytes(p, n - (size_t)(p - s), sep, sn));
             p = hit + sn)
            count++;
    }
    hv *items;
    if (!new_tuple(f, count, &items, out)) return TF_CALL_ERROR;
    size_t k = 0, start = 0;
    if (sn == 0) {
        for (size_t i = 0; i < n; k++) {
            uint32_t cp;
            size_t l = utf8_at(s, n, i, &cp);
            if (!new_str(f, s + i, l, &items[k])) return TF_CALL_ERROR;
            i += l;
        }
        return TF_CALL_OK;
    }
    for (const char *hit; (hit = find_bytes(s + start, n - start, sep, sn)); k++) {
        size_t at = (size_t)(hit - s);
        if (!new_str(f, s + start, at - start, &items[k])) return TF_CALL_ERROR;
        start = at + sn;
    }
    return new_str(f, s + start, n - start, &items[k]) ? TF_CALL_OK : TF_CALL_ERROR;
}

static int fn_strrev(fcall *f, hv *out) {
    const char *s;
    size_t n;
    if (!arg_string(f, 0, &s, &n)) return TF_CALL_ERROR;
    if (!text_simple(s, n)) return ambiguous(f), TF_CALL_OK;
    char *r = scratch(f, n + 1, 1);
    if (!r) return TF_CALL_ERROR;
    for (size_t i = 0; i < n;) {
        size_t l = cluster_at(s, n, i);
        memcpy(r + n - i - l, s + i, l);
        i += l;
    }
    return new_str(f, r, n, out) ? TF_CALL_OK : TF_CALL_ERROR;
}

/* substr(): offsets count grapheme clusters; a negative offset counts from the end, a
 * negative length takes the rest (cty's quirks kept: see the tests). */
static int fn_substr(fcall *f, hv *out) {
    const char *s;
    size_t n;
    int64_t offset, length;
    if (!arg_string(f, 0, &s, &n) || !arg_int(f, 1, &offset, WHOLE_RANGE) ||
        !arg_int(f, 2, &length, WHOLE_RANGE))
        return TF_CALL_ERROR;
    if (!text_simple(s, n)) return ambiguous(f), TF_CALL_OK;
    if (n == 0) return *out = str_val(""), TF_CALL_OK;
    if (offset < 0) {
        offset += (int64_t)count_clusters(s, n);
    } else if (length == 0) {
        return *out = str_val(""), TF_CALL_OK;
    }
    size_t i = 0;
    if (offset > 0) {
        int64_t pos = 0;
        while (i < n) {
            i += cluster_at(s, n, i);
            if (++pos == offset) break;
            if (i >= n) return *out = str_val(""), TF_CALL_OK;
        }
    }
    if (length < 0) return new_str(f, s + i, n - i, out) ? TF_CALL_OK : TF_CALL_ERROR;
    size_t j = i;
    int64_t pos = 0;
    while (j < n) {
        j += cluster_at(s, n, j);
        if (++pos == length) break;
    }
    return new_str(f, s + i, j - i, out) ? TF_CALL_OK : TF_CALL_ERROR;
}

static bool in_cutset(uint32_t cp, const char *set, size_t sn) {
    for (size_t i = 0; i < sn;) {
        uint32_t c;
        i += utf8_at(set, sn, i, &c);
        if (c == cp) return true;
    }
    return false;
}

/* Length of the UTF-8 sequence that ends at s[end-1]. */
static size_t last_cp(const char *s, size_t end, uint32_t *cp) {
    size_t start = end - 1;
    while (start > 0 && end - start < 4 && ((unsigned char)s[start] & 0xC0) == 0x80) start--;
    size_t l = utf8_at(s, end, start, cp);
    if (start + l != end) { /* not a whole sequence: one byte */
        *cp = 0xFFFD;
        return 1;
    }
    return l;
}

static int fn_trim(fcall *f, hv *out) {
    const char *s, *set;
    size_t n, sn;
    if (!arg_string(f, 0, &s, &n) || !arg_string(f, 1, &set, &sn)) return TF_CALL_ERROR;
    size_t a = 0, z = n;
    while (a < z) {
        uint32_t cp;
        size_t l = utf8_at(s, z, a, &cp);
        if (!in_cutset(cp, set, sn)) break;
        a += l;
    }
    while (z > a) {
        uint32_t cp;
        size_t l = last_cp(s, z, &cp);
        if (!in_cutset(cp, set, sn)) break;
        z -= l;
    }
    return new_str(f, s + a, z - a, out) ? TF_CALL_OK : TF_CALL_ERROR;
}

static int fn_trimspace(fcall *f, hv *out) {
    const char *s;
    size_t n;
    if (!arg_string(f, 0, &s, &n)) return TF_CALL_ERROR;
    size_t a = 0, z = n;
    while (a < z) {
        uint32_t cp;
        size_t l = utf8_at(s, z, a, &cp);
        if (!is_space(cp)) break;
        a += l;
    }
    while (z > a) {
        uint32_t cp;
        size_t l = last_cp(s, z, &cp);
        if (!is_space(cp)) break;
        z -= l;
    }
    return new_str(f, s + a, z - a, out) ? TF_CALL_OK : TF_CALL_ERROR;
}

static int fn_trimprefix(fcall *f, hv *out) {
    const char *s, *p;
    size_t n, pn;
    if (!arg_string(f, 0, &s, &n) || !arg_string(f, 1, &p, &pn)) return TF_CALL_ERROR;
    if (pn <= n && memcmp(s, p, pn) == 0) s += pn, n -= pn;
    return new_str(f, s, n, out) ? TF_CALL_OK : TF_CALL_ERROR;
}

static int fn_trimsuffix(fcall *f, hv *out) {
    const char *s, *p;
    size_t n, pn;
    if (!arg_string(f, 0, &s, &n) || !arg_string(f, 1, &p, &pn)) return TF_CALL_ERROR;
    if (pn <= n && memcmp(s + n - pn, p, pn) == 0) n -= pn;
    return new_str(f, s, n, out) ? TF_CALL_OK : TF_CALL_ERROR;
}

/* ---- regular expressions ----
 *
 * Terraform uses Go's regexp (RE2 syntax). PCRE2 reads nearly all of it the same way; the
 * pattern is first checked for what RE2 refuses (look-around, back-references, possessive
 * and nested repetition, repeat counts over 1000, unknown escapes) and the few escapes
 * PCRE2 reads differently (\v, \s, octal) are rewritten. Matching runs under a match
 * limit; a pattern that hits it gets an unknown answer (RE2 would not backtrack). */

typedef struct rx {
    pcre2_code *re;
    pcre2_match_data *md;
    pcre2_match_context *mc;
    uint32_t ncap;      /* capture groups */
    const char **names; /* names[1..ncap]: group name or NULL */
    uint32_t nnamed;
    bool risky; /* captures of repeated groups that may match empty differ from Go's */
} rx;

static void rx_free(rx *r) {
    if (r->md) pcre2_match_data_free(r->md);
    if (r->mc) pcre2_match_context_free(r->mc);
    if (r->re) pcre2_code_free(r->re);
    memset(r, 0, sizeof *r);
}

static bool is_alnum_ascii(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool rx_bad(fcall *f, uint32_t argi, const char *what, const char *at, size_t len) {
    return arg_err(f, argi, "invalid regexp pattern: %s in %.*s", what, SHOW(at, len));
}

/* One escape sequence at p[i] (a backslash); appends its PCRE2 form. */
static bool rx_escape(fcall *f, uint32_t argi, const char *p, size_t n, size_t *i, bool in_class,
                      sbuf *out) {
    size_t at = *i;
    if (at + 1 >= n) return rx_bad(f, argi, "trailing backslash at end of expression", "", 0);
    char c = p[at + 1];
    if ((unsigned char)c >= 0x80 || (!is_alnum_ascii(c) && c != '_')) {
        sb_add(out, p + at, 2); /* escaped punctuation */
        *i = at + 2;
        return true;
    }
    size_t j = at + 2;
    switch (c) {
    case '0':
    case '1':
    case '2':
    case '3':
    case '4':
    case '5':
    case '6':
    case '7': {
        /* Octal; a lone non-zero digit would be a back-reference, which RE2 refuses. */
        if (c != '0' && (j >= n || p[j] < '0' || p[j] > '7'))
            return rx_bad(f, argi, "invalid escape sequence", p + at, 2);
        unsigned v = (unsigned)(c - '0');
        for (int k = 0; k < 2 && j < n && p[j] >= '0' && p[j] <= '7'; k++, j++)
            v = v * 8 + (unsigned)(p[j] - '0');
        char tmp[16];
        snprintf(tmp, sizeof tmp, "\\x{%x}", v);
        sb_adds(out, tmp);
        break;
    }
    case 'x':
        if (j < n && p[j] == '{') {
            size_t e = j + 1;
            while (e < n && p[e] != '}') e++;
            if (e >= n) return rx_bad(f, argi, "invalid escape sequence", p + at, n - at);
            j = e + 1;
        } else {
            for (int k = 0; k < 2; k++, j++)
                if (j >= n || digit_value(p[j], 16) < 0)
                    return rx_bad(f, argi, "invalid escape sequence", p + at, j - at);
        }
        sb_add(out, p + at, j - at);
        break;
    case 'v': sb_adds(out, "\\x{b}"); break;
    case 's': sb_adds(out, in_class ? "\\t\\n\\f\\r\\x{20}" : "[\\t\\n\\f\\r\\x{20}]"); break;
    case 'S':
        sb_adds(out, in_class ? "\\x{0}-\\x{8}\\x{b}\\x{e}-\\x{1f}\\x{21}-\\x{10ffff}"
                              : "[^\\t\\n\\f\\r\\x{20}]");
        break;
    case 'a':
    case 'f':
    case 't':
    case 'n':
    case 'r':
    case 'd':
    case 'D':
    case 'w':
    case 'W': sb_add(out, p + at, 2); break;
    case 'A':
    case 'z':
    case 'b':
    case 'B':
        if (in_class) return rx_bad(f, argi, "invalid escape sequence", p + at, 2);
        sb_add(out, p + at, 2);
        break;
    case 'p':
    case 'P':
        if (j < n && p[j] == '{') {
            size_t e = j + 1;
            while (e < n && p[e] != '}') e++;
            if (e >= n) return rx_bad(f, argi, "invalid character class range", p + at, n - at);
            j = e + 1;
        } else if (j < n) {
            j++;
        } else {
            return rx_bad(f, argi, "invalid character class range", p + at, 2);
        }
        sb_add(out, p + at, j - at);
        break;
    case 'Q': {
        if (in_class) return rx_bad(f, argi, "invalid escape sequence", p + at, 2);
        size_t e = j;
        while (e + 1 < n && !(p[e] == '\\' && p[e + 1] == 'E')) e++;
        if (e + 1 >= n) e = n;
        /* Each literal character escaped, so the text needs no \E handling by PCRE2. */
        for (size_t k = j; k < e;) {
            uint32_t cp;
            size_t l = utf8_at(p, n, k, &cp);
            if (l == 1 && !is_alnum_ascii(p[k]) && (unsigned char)p[k] < 0x80) sb_addc(out, '\\');
            sb_add(out, p + k, l);
            k += l;
        }
        j = e < n ? e + 2 : n;
        break;
    }
    default: return rx_bad(f, argi, "invalid escape sequence", p + at, 2);
    }
    *i = j;
    return true;
}

/* A repeat count {n}, {n,} or {n,m} at p[i]; returns its length, 0 if the brace is a
 * literal, or -1 for a count over 1000. */
static int rx_repeat(const char *p, size_t n, size_t i) {
    size_t j = i + 1;
    long a = 0, b = -2;
    size_t d = 0;
    while (j < n && p[j] >= '0' && p[j] <= '9' && d < 8) a = a * 10 + (p[j++] - '0'), d++;
    if (!d) return 0;
    if (j < n && p[j] == ',') {
        j++;
        b = -1;
        size_t e = 0;
        long v = 0;
        while (j < n && p[j] >= '0' && p[j] <= '9' && e < 8) v = v * 10 + (p[j++] - '0'), e++;
        if (e) b = v;
    }
    if (j >= n || p[j] != '}') return 0;
    if (a > 1000 || b > 1000 || (b >= 0 && b < a)) return -1;
    return (int)(j + 1 - i);
}

/* Translation state: the groups open, and what Go reads differently. */
typedef struct rx_nest {
    bool capture;  /* a capturing group is this one or inside it */
    bool nullable; /* its body may match the empty string (approximately: more often) */
    bool atom;     /* the current alternative has something in it */
} rx_nest;

enum { RX_MAX_NESTING = 1000 };

typedef struct rx_tr {
    fcall *f;
    uint32_t argi;
    const char *p;
    size_t n;
    sbuf *out;
    rx_nest *groups; /* groups[0] is the whole pattern */
    size_t depth;
    const char **names; /* named groups, in order, renamed _0, _1, ... for PCRE2 */
    size_t nnames;
    bool risky; /* a repeated group that may match empty holds a capture: PCRE2 and Go
                   report different text for it */
} rx_tr;

static bool rx_is_quantifier(const rx_tr *t, size_t i) {
    if (i >= t->n) return false;
    char c = t->p[i];
    return c == '*' || c == '+' || c == '?' || (c == '{' && rx_repeat(t->p, t->n, i) > 0);
}

/* An empty-width assertion that Go lets a quantifier repeat: PCRE2 needs it in a group. */
static void rx_assertion(rx_tr *t, const char *text, size_t len, size_t next) {
    bool wrap = rx_is_quantifier(t, next);
    if (wrap) sb_adds(t->out, "(?:");
    sb_add(t->out, text, len);
    if (wrap) sb_addc(t->out, ')');
}

static bool rx_open_group(rx_tr *t, bool capture) {
    if (t->depth + 1 >= RX_MAX_NESTING)
        return rx_bad(t->f, t->argi, "expression nests too deeply", "", 0);
    t->groups[++t->depth] = (rx_nest){capture, false, false};
    return true;
}

static bool rx_named_group(rx_tr *t, const char *name, size_t len) {
    for (size_t k = 0; k < t->nnames; k++)
        if (strlen(t->names[k]) == len && !memcmp(t->names[k], name, len))
            return rx_bad(t->f, t->argi, "duplicate capture group name", name, len);
    if (t->nnames >= 10000) return rx_bad(t->f, t->argi, "too many capture groups", "", 0);
    const char **grown = tk_arena_array(t->f->c->a, t->nnames + 1, sizeof *grown);
    const char *copy = hv_key(t->f->c->a, name, len);
    if (!grown || !copy) return err_set(t->f, "out of memory");
    if (t->nnames) memcpy(grown, t->names, t->nnames * sizeof *grown);
    grown[t->nnames++] = copy;
    t->names = grown;
    char tmp[32];
    snprintf(tmp, sizeof tmp, "(?<_%zu>", t->nnames - 1);
    sb_adds(t->out, tmp);
    return rx_open_group(t, true);
}

/* A character class [...] at p[*i]. */
static bool rx_class(rx_tr *t, size_t *pi) {
    const char *p = t->p;
    size_t n = t->n, i = *pi, start = i;
    sb_addc(t->out, '[');
    i++;
    if (i < n && p[i] == '^') sb_addc(t->out, '^'), i++;
    if (i < n && p[i] == ']') sb_adds(t->out, "\\]"), i++;
    while (i < n && p[i] != ']') {
        if (p[i] == '\\') {
            char e = i + 1 < n ? p[i + 1] : 0;
            if (!rx_escape(t->f, t->argi, p, n, &i, true, t->out)) return false;
            /* after a class like \d, Go reads '-' as itself */
            if (e && strchr("dDsSwWpP", e) && i + 1 < n && p[i] == '-' && p[i + 1] != ']')
                sb_adds(t->out, "\\-"), i++;
        } else if (p[i] == '[' && i + 1 < n && p[i + 1] == ':') {
            size_t e = i + 2;
            while (e + 1 < n && !(p[e] == ':' && p[e + 1] == ']')) e++;
            if (e + 1 >= n) return rx_bad(t->f, t->argi, "missing closing ]", p + start, n - start);
            sb_add(t->out, p + i, e + 2 - i);
            i = e + 2;
        } else {
            if (p[i] == '[') sb_addc(t->out, '\\');
            sb_addc(t->out, p[i++]);
        }
    }
    if (i >= n) return rx_bad(t->f, t->argi, "missing closing ]", p + start, n - start);
    sb_addc(t->out, ']');
    *pi = i + 1;
    return true;
}

/* A group opening "(" at p[*i]: capturing, named, non-capturing or flags. */
static bool rx_open_paren(rx_tr *t, size_t *pi) {
    const char *p = t->p;
    size_t n = t->n, i = *pi;
    if (i + 1 < n && p[i + 1] == '*')
        return rx_bad(t->f, t->argi, "missing argument to repetition operator", p + i, 2);
    if (i + 1 >= n || p[i + 1] != '?') {
        sb_addc(t->out, '(');
        *pi = i + 1;
        return rx_open_group(t, true);
    }
    size_t j = i + 2;
    if (j < n && p[j] == 'P' && j + 1 < n && p[j + 1] == '<') j++;
    if (j < n && p[j] == '<' && j + 1 < n && p[j + 1] != '=' && p[j + 1] != '!') {
        size_t e = j + 1;
        while (e < n && (is_alnum_ascii(p[e]) || p[e] == '_')) e++;
        if (e >= n || p[e] != '>' || e == j + 1)
            return rx_bad(t->f, t->argi, "invalid named capture", p + i, e - i);
        *pi = e + 1;
        return rx_named_group(t, p + j + 1, e - j - 1);
    }
    size_t e = j;
    while (e < n && p[e] && strchr("imsU-", p[e])) e++;
    if (e >= n || (p[e] != ')' && p[e] != ':') || (e == j && p[e] == ')'))
        return rx_bad(t->f, t->argi, "invalid or unsupported Perl syntax", p + i,
                      e < n ? e + 1 - i : n - i);
    sb_add(t->out, p + i, e + 1 - i);
    *pi = e + 1;
    return p[e] == ':' ? rx_open_group(t, false) : true; /* "(?i)" opens nothing */
}

/* Ends the current alternative: an empty one makes the group nullable. */
static void rx_end_alternative(rx_tr *t) {
    rx_nest *g = &t->groups[t->depth];
    if (!g->atom) g->nullable = true;
    g->atom = false;
}

static bool rx_translate(fcall *f, uint32_t argi, const char *p, size_t n, sbuf *out, rx_tr *t) {
    memset(t, 0, sizeof *t);
    *t = (rx_tr){f, argi, p, n, out, NULL, 0, NULL, 0, false};
    t->groups = scratch(f, RX_MAX_NESTING, sizeof *t->groups);
    if (!t->groups) return false;
    enum { NONE, ATOM, QUANT, LAZY } state = NONE;
    for (size_t i = 0; i < n;) {
        char c = p[i];
        rx_nest *g = &t->groups[t->depth];
        if (c == '\\') {
            char e = i + 1 < n ? p[i + 1] : 0;
            size_t at = i;
            if (e && strchr("bBAz", e)) {
                i += 2;
                rx_assertion(t, p + at, 2, i);
                state = ATOM;
                g->atom = true;
                continue;
            }
            if (!rx_escape(f, argi, p, n, &i, false, out)) return false;
            bool empty_quote = e == 'Q' && (i == at + 2 || (i == at + 4 && p[at + 2] == '\\'));
            if (!empty_quote) state = ATOM, g->atom = true;
            continue;
        }
        if (c == '[') {
            if (!rx_class(t, &i)) return false;
            state = ATOM;
            g->atom = true;
            continue;
        }
        if (c == '(') {
            if (!rx_open_paren(t, &i)) return false;
            state = NONE;
            continue;
        }
        if (c == ')' && t->depth > 0) {
            rx_end_alternative(t);
            rx_nest closed = t->groups[t->depth--];
            rx_nest *parent = &t->groups[t->depth];
            if (closed.nullable && closed.capture && rx_is_quantifier(t, i + 1)) t->risky = true;
            parent->capture |= closed.capture;
            parent->nullable |= closed.nullable;
            parent->atom = true;
            sb_addc(out, ')');
            i++;
            state = ATOM;
            continue;
        }
        if (c == '*' || c == '+' || c == '?' || c == '{') {
            int rl = 1;
            if (c == '{') {
                rl = rx_repeat(p, n, i);
                if (rl < 0) return rx_bad(f, argi, "invalid repeat count", p + i, n - i);
                if (rl == 0) { /* a literal brace */
                    sb_adds(out, "\\{");
                    i++;
                    state = ATOM;
                    g->atom = true;
                    continue;
                }
            }
            if (c == '?' && state == QUANT) {
                sb_addc(out, '?');
                i++;
                state = LAZY;
                continue;
            }
            if (state == QUANT || state == LAZY)
                return rx_bad(f, argi, "invalid nested repetition operator", p + i - 1, 2);
            if (state == NONE)
                return rx_bad(f, argi, "missing argument to repetition operator", p + i,
                              (size_t)rl);
            if (c == '*' || c == '?' || (c == '{' && p[i + 1] == '0')) g->nullable = true;
            sb_add(out, p + i, (size_t)rl);
            i += (size_t)rl;
            state = QUANT;
            continue;
        }
        if (c == '|') {
            rx_end_alternative(t);
            sb_addc(out, '|');
            i++;
            state = NONE;
            continue;
        }
        if (c == '}') {
            sb_adds(out, "\\}");
            i++;
            state = ATOM;
            g->atom = true;
            continue;
        }
        if (c == '^' || c == '$') {
            rx_assertion(t, p + i, 1, i + 1);
            i++;
            state = ATOM;
            g->atom = true;
            continue;
        }
        /* A literal character (a whole UTF-8 sequence), '.' or an unmatched ')'. */
        uint32_t cp;
        size_t l = utf8_at(p, n, i, &cp);
        sb_add(out, p + i, l);
        i += l;
        state = ATOM;
        g->atom = true;
    }
    return true;
}

static bool rx_compile(fcall *f, uint32_t argi, const char *pat, size_t n, rx *r) {
    memset(r, 0, sizeof *r);
    if (!valid_utf8(pat, n)) return arg_err(f, argi, "invalid regexp pattern: invalid UTF-8");
    sbuf t;
    sb_init(&t, f);
    rx_tr tr;
    if (!rx_translate(f, argi, pat, n, &t, &tr)) return sb_free(&t), false;
    if (t.over || t.oom) {
        bool ok = sb_error(f, &t);
        sb_free(&t);
        return ok;
    }
    pcre2_compile_context *cc = pcre2_compile_context_create(NULL);
    if (!cc) return sb_free(&t), err_set(f, "out of memory");
    pcre2_set_newline(cc, PCRE2_NEWLINE_LF);
    pcre2_set_bsr(cc, PCRE2_BSR_UNICODE);
    int ec;
    PCRE2_SIZE eo;
    r->re = pcre2_compile((PCRE2_SPTR)(t.p ? t.p : ""), t.len,
                          PCRE2_UTF | PCRE2_DOLLAR_ENDONLY | PCRE2_NEVER_BACKSLASH_C, &ec, &eo, cc);
    pcre2_compile_context_free(cc);
    sb_free(&t);
    if (!r->re) {
        PCRE2_UCHAR msg[120];
        pcre2_get_error_message(ec, msg, sizeof msg);
        return arg_err(f, argi, "invalid regexp pattern: %s", (const char *)msg);
    }
    r->md = pcre2_match_data_create_from_pattern(r->re, NULL);
    r->mc = pcre2_match_context_create(NULL);
    if (!r->md || !r->mc) return rx_free(r), err_set(f, "out of memory");
    pcre2_set_match_limit(r->mc, 5000000);
    pcre2_set_depth_limit(r->mc, 10000);
    pcre2_pattern_info(r->re, PCRE2_INFO_CAPTURECOUNT, &r->ncap);
    r->names = scratch(f, (size_t)r->ncap + 1, sizeof *r->names);
    if (!r->names) return rx_free(r), false;
    uint32_t count = 0, entry = 0;
    PCRE2_SPTR table = NULL;
    pcre2_pattern_info(r->re, PCRE2_INFO_NAMECOUNT, &count);
    pcre2_pattern_info(r->re, PCRE2_INFO_NAMEENTRYSIZE, &entry);
    pcre2_pattern_info(r->re, PCRE2_INFO_NAMETABLE, &table);
    for (uint32_t k = 0; k < count; k++) {
        const unsigned char *e = (const unsigned char *)table + (size_t)k * entry;
        uint32_t g = (uint32_t)e[0] << 8 | e[1];
        /* the PCRE2 name "_k" stands for the k-th named group of the pattern */
        size_t idx = (size_t)strtoul((const char *)e + 3, NULL, 10);
        if (g <= r->ncap && idx < tr.nnames) r->names[g] = tr.names[idx];
    }
    r->nnamed = count;
    r->risky = tr.risky;
    return true;
}

/* Matches from byte offset start: 1 with the offsets in r->md, 0 no match, -1 when PCRE2
 * gave up (the call is then ambiguous). */
static int rx_exec(fcall *f, rx *r, const char *s, size_t n, size_t start) {
    int rc = pcre2_match(r->re, (PCRE2_SPTR)s, n, start, PCRE2_NO_UTF_CHECK, r->md, r->mc);
    if (rc >= 0) return 1;
    if (rc == PCRE2_ERROR_NOMATCH) return 0;
    ambiguous(f);
    return -1;
}

static size_t rune_width_at(const char *s, size_t n, size_t i) {
    if (i >= n) return 0;
    uint32_t cp;
    return utf8_at(s, n, i, &cp);
}

/* Group g of the last match as a string value, or null when it did not take part. */
static bool rx_capture(fcall *f, const rx *r, const char *s, uint32_t g, hv *out) {
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(r->md);
    if (g && r->risky) ambiguous(f);
    if (ov[2 * g] == PCRE2_UNSET) {
        *out = hv_null();
        return true;
    }
    return new_str(f, s + ov[2 * g], ov[2 * g + 1] - ov[2 * g], out);
}

/* regex()'s result for the last match: the match, a list of groups or an object of named
 * groups. */
static bool rx_result(fcall *f, const rx *r, const char *s, hv *out) {
    if (r->ncap == 0) return rx_capture(f, r, s, 0, out);
    if (r->nnamed == 0) {
        hv *items;
        if (!new_tuple(f, r->ncap, &items, out)) return false;
        for (uint32_t g = 1; g <= r->ncap; g++)
            if (!rx_capture(f, r, s, g, &items[g - 1])) return false;
        return true;
    }
    hv_pair *pairs = scratch(f, r->ncap, sizeof *pairs);
    if (!pairs) return false;
    for (uint32_t g = 1; g <= r->ncap; g++) {
        pairs[g - 1].key = r->names[g];
        pairs[g - 1].klen = (uint32_t)strlen(r->names[g]);
        if (!rx_capture(f, r, s, g, &pairs[g - 1].val)) return false;
    }
    return new_object(f, pairs, r->ncap, out);
}

static bool rx_prepare(fcall *f, rx *r, const char **s, size_t *n) {
    const char *pat;
    size_t pn;
    if (!arg_string(f, 0, &pat, &pn) || !arg_string(f, 1, s, n)) return false;
    if (!rx_compile(f, 0, pat, pn, r)) return false;
    if (r->nnamed && r->nnamed != r->ncap) {
        rx_free(r);
        return arg_err(f, 0,
                       "invalid regexp pattern: cannot mix both named and unnamed capture "
                       "groups");
    }
    if (!valid_utf8(*s, *n)) ambiguous(f);
    return true;
}

static int fn_regex(fcall *f, hv *out) {
    rx r;
    const char *s;
    size_t n;
    if (!rx_prepare(f, &r, &s, &n)) return TF_CALL_ERROR;
    int m = rx_exec(f, &r, s, n, 0);
    bool ok = m == 1 ? rx_result(f, &r, s, out) : m < 0;
    rx_free(&r);
    if (m == 0) return fail(f, "pattern did not match any part of the given string");
    return ok ? TF_CALL_OK : TF_CALL_ERROR;
}

/* Calls each(match) for every match the way Go's FindAll does: an empty match right after
 * the previous match is skipped, and the search moves on by one character after an empty
 * match. Returns false on error (message set) or when PCRE2 gave up (ambiguous). */
typedef bool (*rx_each_fn)(fcall *f, const rx *r, const char *s, void *ctx);
static bool rx_all(fcall *f, rx *r, const char *s, size_t n, rx_each_fn each, void *ctx) {
    size_t pos = 0;
    long prev_end = -1;
    while (pos <= n) {
        int m = rx_exec(f, r, s, n, pos);
        if (m < 0) return false;
        if (m == 0) break;
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(r->md);
        bool accept = true;
        if (ov[1] == pos) {
            if ((long)ov[0] == prev_end) accept = false;
            size_t w = rune_width_at(s, n, pos);
            pos += w ? w : 1;
        } else {
            pos = ov[1];
        }
        prev_end = (long)ov[1];
        if (accept && !each(f, r, s, ctx)) return false;
    }
    return true;
}

typedef struct rx_list {
    hv *items;
    size_t n, cap;
} rx_list;

static bool collect_match(fcall *f, const rx *r, const char *s, void *ctx) {
    rx_list *l = ctx;
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 8;
        if (!check_items(f, cap / 2 + 1)) return false;
        hv *items = tk_arena_array(f->c->a, cap, sizeof *items);
        if (!items) return err_set(f, "out of memory");
        if (l->n) memcpy(items, l->items, l->n * sizeof *items);
        l->items = items;
        l->cap = cap;
    }
    return rx_result(f, r, s, &l->items[l->n++]);
}

static int fn_regexall(fcall *f, hv *out) {
    rx r;
    const char *s;
    size_t n;
    if (!rx_prepare(f, &r, &s, &n)) return TF_CALL_ERROR;
    rx_list l = {0};
    bool ok = rx_all(f, &r, s, n, collect_match, &l);
    rx_free(&r);
    if (!ok) return f->amb ? TF_CALL_OK : TF_CALL_ERROR;
    hv *items;
    if (!new_tuple(f, l.n, &items, out)) return TF_CALL_ERROR;
    if (l.n) memcpy(items, l.items, l.n * sizeof *items);
    return TF_CALL_OK;
}

/* replace() with a pattern: Go's ReplaceAllString, with $1, ${1}, $name, ${name}, $$. */
static void expand_template(fcall *f, const rx *r, const char *s, const char *t, size_t tn,
                            sbuf *b) {
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(r->md);
    for (size_t i = 0; i < tn;) {
        if (t[i] != '$') {
            sb_addc(b, t[i++]);
            continue;
        }
        i++;
        if (i < tn && t[i] == '$') {
            sb_addc(b, '$');
            i++;
            continue;
        }
        bool brace = i < tn && t[i] == '{';
        size_t j = brace ? i + 1 : i, start = j;
        while (j < tn && (is_alnum_ascii(t[j]) || t[j] == '_')) j++;
        if (j < tn && (unsigned char)t[j] >= 0x80) ambiguous(f); /* Unicode letters count too */
        if (j == start || (brace && (j >= tn || t[j] != '}'))) {
            sb_addc(b, '$'); /* malformed: the dollar stays */
            continue;
        }
        const char *name = t + start;
        size_t nl = j - start;
        i = brace ? j + 1 : j;
        long num = 0;
        for (size_t k = 0; k < nl && num >= 0; k++)
            num = (name[k] >= '0' && name[k] <= '9' && num < 100000000) ? num * 10 + (name[k] - '0')
                                                                        : -1;
        if (nl > 1 && name[0] == '0') num = -1;
        uint32_t g = UINT32_MAX;
        if (num >= 0) {
            if ((uint32_t)num <= r->ncap) g = (uint32_t)num;
        } else {
            for (uint32_t k = 1; k <= r->ncap; k++)
                if (r->names[k] && strlen(r->names[k]) == nl && !memcmp(r->names[k], name, nl)) {
                    g = k;
                    break;
                }
        }
        if (g && g != UINT32_MAX && r->risky) ambiguous(f);
        if (g != UINT32_MAX && ov[2 * g] != PCRE2_UNSET)
            sb_add(b, s + ov[2 * g], ov[2 * g + 1] - ov[2 * g]);
    }
}

static int replace_regex(fcall *f, const char *s, size_t n, const char *pat, size_t pn,
                         const char *tmpl, size_t tn, hv *out) {
    rx r;
    if (!rx_compile(f, 1, pat, pn, &r)) return TF_CALL_ERROR;
    if (!valid_utf8(s, n)) ambiguous(f);
    sbuf b;
    sb_init(&b, f);
    size_t last_end = 0, search = 0;
    while (search <= n) {
        int m = rx_exec(f, &r, s, n, search);
        if (m < 0) {
            rx_free(&r);
            sb_free(&b);
            return TF_CALL_OK; /* ambiguous */
        }
        if (m == 0) break;
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(r.md);
        size_t a0 = ov[0], a1 = ov[1];
        sb_add(&b, s + last_end, a0 - last_end);
        if (a1 > last_end || a0 == 0) expand_template(f, &r, s, tmpl, tn, &b);
        last_end = a1;
        size_t w = rune_width_at(s, n, search);
        if (search + w > a1)
            search += w;
        else if (search + 1 > a1)
            search++;
        else
            search = a1;
    }
    sb_add(&b, s + last_end, n - last_end);
    rx_free(&r);
    return sb_finish(f, &b, out);
}

static int fn_replace(fcall *f, hv *out) {
    const char *s, *sub, *rep;
    size_t n, sn, rn;
    if (!arg_string(f, 0, &s, &n) || !arg_string(f, 1, &sub, &sn) || !arg_string(f, 2, &rep, &rn))
        return TF_CALL_ERROR;
    if (sn > 1 && sub[0] == '/' && sub[sn - 1] == '/')
        return replace_regex(f, s, n, sub + 1, sn - 2, rep, rn, out);
    sbuf b;
    sb_init(&b, f);
    if (sn == 0) { /* Go inserts the replacement around every character */
        sb_add(&b, rep, rn);
        for (size_t i = 0; i < n;) {
            size_t w = rune_width_at(s, n, i);
            sb_add(&b, s + i, w);
            sb_add(&b, rep, rn);
            i += w;
        }
        return sb_finish(f, &b, out);
    }
    size_t i = 0;
    for (const char *hit; (hit = find_bytes(s + i, n - i, sub, sn));) {
        size_t at = (size_t)(hit - s);
        sb_add(&b, s + i, at - i);
        sb_add(&b, rep, rn);
        i = at + sn;
    }
    sb_add(&b, s + i, n - i);
    return sb_finish(f, &b, out);
}

/* ---- format() and formatlist() ----
 *
 * The format string is parsed as cty does: %[flags][[n]][width][.precision]verb. Numbers
 * are written from their shortest decimal digits (what the source wrote), rounding half to
 * even on exact ties; a tie Terraform would round with more precision than a double has is
 * ambiguous. Integers beyond 2^53 are written only when the double is that exact integer. */

static bool json_write(fcall *f, const hv *v, sbuf *b, int depth);

/* Decimal digits of a finite number: d[0].d[1]... x 10^e. */
typedef struct decnum {
    char d[24];
    int nd, e;
    bool neg;
    double v;
} decnum;

static void dec_of(double v, decnum *x) {
    x->v = v;
    x->neg = v < 0;
    if (v == 0) {
        x->nd = 0;
        x->e = 0;
        return;
    }
    shortest_digits(v, x->d, &x->nd, &x->e);
}

/* Whether the double is exactly its shortest decimal digits. */
static bool dec_exact(const decnum *x) {
    char buf[800];
    snprintf(buf, sizeof buf, "%.*e", 700, fabs(x->v));
    int k = 0;
    for (const char *p = buf; *p && *p != 'e'; p++) {
        if (*p < '0' || *p > '9') continue;
        if (k < x->nd ? *p != x->d[k] : *p != '0') return false;
        k++;
    }
    return true;
}

/* Keeps `keep` significant digits, rounding half to even. False when the rounding of an
 * exact decimal tie depends on digits a double does not have. */
static bool dec_round(decnum *x, int keep) {
    if (keep >= x->nd) return true;
    if (keep < 0) {
        x->nd = 0;
        return true;
    }
    bool up;
    char dropped = x->d[keep];
    if (dropped != '5' || keep + 1 < x->nd) {
        up = dropped >= '5';
    } else {
        if (!dec_exact(x)) return false;
        up = keep > 0 && (x->d[keep - 1] - '0') % 2 == 1;
    }
    x->nd = keep;
    if (!up) {
        while (x->nd > 0 && x->d[x->nd - 1] == '0') x->nd--;
        return true;
    }
    int i = keep - 1;
    while (i >= 0 && x->d[i] == '9') i--;
    if (i < 0) {
        x->d[0] = '1';
        x->nd = 1;
        x->e++;
        return true;
    }
    x->d[i]++;
    x->nd = i + 1;
    return true;
}

static char dec_digit(const decnum *x, int i) {
    return i >= 0 && i < x->nd ? x->d[i] : '0';
}

static void dec_fixed(const decnum *x, int frac, sbuf *b) {
    if (x->nd == 0 || x->e < 0)
        sb_addc(b, '0');
    else
        for (int i = 0; i <= x->e; i++) sb_addc(b, dec_digit(x, i));
    if (frac > 0) {
        sb_addc(b, '.');
        for (int k = 1; k <= frac; k++) sb_addc(b, x->nd ? dec_digit(x, x->e + k) : '0');
    }
}

static void dec_sci(const decnum *x, int frac, char e_char, sbuf *b) {
    sb_addc(b, x->nd ? x->d[0] : '0');
    if (frac > 0) {
        sb_addc(b, '.');
        for (int k = 1; k <= frac; k++) sb_addc(b, dec_digit(x, k));
    }
    char tmp[16];
    int e = x->nd ? x->e : 0;
    snprintf(tmp, sizeof tmp, "%c%c%02d", e_char, e < 0 ? '-' : '+', abs(e));
    sb_adds(b, tmp);
}

typedef struct fverb {
    const char *raw;
    size_t raw_len, offset;
    uint32_t argnum;
    char mode;
    bool zero, sharp, plus, minus, space, has_prec, has_width;
    size_t prec, width;
} fverb;

/* Pads text to the verb's width (counted in grapheme clusters). */
static void pad_width(fcall *f, const fverb *v, const char *s, size_t n, sbuf *b) {
    if (!v->has_width) {
        sb_add(b, s, n);
        return;
    }
    if (!text_simple(s, n)) ambiguous(f);
    size_t have = count_clusters(s, n);
    size_t pad = have < v->width ? v->width - have : 0;
    if (v->minus) {
        sb_add(b, s, n);
        sb_repeat(b, v->zero ? '0' : ' ', pad);
    } else {
        sb_repeat(b, v->zero ? '0' : ' ', pad);
        sb_add(b, s, n);
    }
}

/* A float verb (e E f g G), like Go's big.Float formatting. */
static bool format_float(fcall *f, const fverb *v, double d, sbuf *b) {
    sbuf t;
    sb_init(&t, f);
    const char *sign = signbit(d) ? "-" : v->plus ? "+" : v->space ? " " : "";
    if (isinf(d)) {
        sign = d < 0 ? "-" : v->space ? " " : "+";
        sb_adds(&t, "Inf");
    } else {
        decnum x;
        dec_of(d, &x);
        char mode = v->mode;
        bool ok = true;
        if (mode == 'e' || mode == 'E') {
            int p = v->has_prec ? (int)v->prec : 6;
            ok = dec_round(&x, p + 1);
            dec_sci(&x, p, mode, &t);
        } else if (mode == 'f') {
            int p = v->has_prec ? (int)v->prec : 6;
            ok = dec_round(&x, x.nd ? x.e + 1 + p : 0);
            dec_fixed(&x, p, &t);
        } else {
            int eprec = 6;
            if (v->has_prec) {
                int p = v->prec ? (int)v->prec : 1;
                ok = dec_round(&x, p);
                eprec = p;
            }
            int e = x.nd ? x.e : 0;
            if (x.nd && (e < -4 || e >= eprec))
                dec_sci(&x, x.nd - 1, mode == 'G' ? 'E' : 'e', &t);
            else
                dec_fixed(&x, x.nd - (e + 1) > 0 ? x.nd - (e + 1) : 0, &t);
        }
        if (!ok) ambiguous(f);
    }
    if (t.over || t.oom) {
        bool r = sb_error(f, &t);
        sb_free(&t);
        return r;
    }
    size_t len = strlen(sign) + t.len, pad = v->has_width && v->width > len ? v->width - len : 0;
    if (v->zero && !isinf(d)) {
        sb_adds(b, sign);
        sb_repeat(b, '0', pad);
        sb_add(b, t.p, t.len);
    } else if (v->minus) {
        sb_adds(b, sign);
        sb_add(b, t.p, t.len);
        sb_repeat(b, ' ', pad);
    } else {
        sb_repeat(b, ' ', pad);
        sb_adds(b, sign);
        sb_add(b, t.p, t.len);
    }
    sb_free(&t);
    return true;
}

/* Digits of the integer |d| in base (2, 8, 10 or 16), most significant first. */
static size_t int_digits(double d, int base, bool upper, char *out, size_t cap) {
    const char *set = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    d = fabs(d);
    uint32_t limb[40] = {0};
    int nl = 0;
    if (d < 18446744073709551616.0) {
        uint64_t u = (uint64_t)d;
        limb[0] = (uint32_t)u;
        limb[1] = (uint32_t)(u >> 32);
        nl = 2;
    } else { /* d = m * 2^k with m < 2^53 */
        int k;
        double m = frexp(d, &k);
        uint64_t mi = (uint64_t)ldexp(m, 53);
        k -= 53;
        limb[0] = (uint32_t)mi;
        limb[1] = (uint32_t)(mi >> 32);
        nl = 2;
        for (; k > 0; k--) { /* shift left one bit at a time: at most ~1000 */
            uint32_t carry = 0;
            for (int i = 0; i < nl; i++) {
                uint32_t nc = limb[i] >> 31;
                limb[i] = limb[i] << 1 | carry;
                carry = nc;
            }
            if (carry && nl < 40) limb[nl++] = carry;
        }
    }
    char tmp[1100];
    size_t k = 0;
    for (;;) {
        bool zero = true;
        uint64_t rem = 0;
        for (int i = nl - 1; i >= 0; i--) {
            uint64_t cur = rem << 32 | limb[i];
            limb[i] = (uint32_t)(cur / (uint64_t)base);
            rem = cur % (uint64_t)base;
            if (limb[i]) zero = false;
        }
        if (k < sizeof tmp) tmp[k++] = set[rem];
        if (zero) break;
    }
    size_t n = k < cap ? k : cap;
    for (size_t i = 0; i < n; i++) out[i] = tmp[k - 1 - i];
    return n;
}

/* An integer verb (b d o x X), like Go's big.Int formatting. */
static bool format_int(fcall *f, const fverb *v, double d, sbuf *b) {
    if (fabs(d) > 9007199254740992.0) { /* Terraform's digits may not be the double's */
        decnum x;
        dec_of(d, &x);
        if (x.e + 1 < x.nd || !dec_exact(&x)) ambiguous(f);
    }
    int base = v->mode == 'b' ? 2 : v->mode == 'o' ? 8 : v->mode == 'd' ? 10 : 16;
    char digits[1100];
    size_t nd = int_digits(d, base, v->mode == 'X', digits, sizeof digits);
    const char *sign = d < 0 ? "-" : v->plus ? "+" : v->space ? " " : "";
    const char *prefix = "";
    if (v->sharp)
        prefix = v->mode == 'b'   ? "0b"
                 : v->mode == 'o' ? "0"
                 : v->mode == 'x' ? "0x"
                 : v->mode == 'X' ? "0X"
                                  : "";
    size_t zeros = 0, left = 0, right = 0;
    if (v->has_prec) {
        if (nd < v->prec)
            zeros = v->prec - nd;
        else if (nd == 1 && digits[0] == '0' && v->prec == 0)
            return true;
    }
    size_t len = strlen(sign) + strlen(prefix) + zeros + nd;
    if (v->has_width && len < v->width) {
        size_t pad = v->width - len;
        if (v->minus)
            right = pad;
        else if (v->zero && !v->has_prec)
            zeros += pad;
        else
            left = pad;
    }
    sb_repeat(b, ' ', left);
    sb_adds(b, sign);
    sb_adds(b, prefix);
    sb_repeat(b, '0', zeros);
    sb_add(b, digits, nd);
    sb_repeat(b, ' ', right);
    return true;
}

static bool verb_err(fcall *f, const fverb *v, const char *what) {
    char msg[sizeof f->c->err];
    snprintf(msg, sizeof msg, "%s", what); /* what may be the message buffer itself */
    return err_set(f, "unsupported value for \"%.*s\" at %zu: %s", (int)v->raw_len, v->raw,
                   v->offset, msg);
}

/* Writes one verb's text for argument a. */
static bool format_verb(fcall *f, const fverb *v, const hv *a, sbuf *b) {
    if (a->kind == HV_NULL) {
        ambiguous(f); /* a typed null errors (or prints null), an untyped one gives unknown */
        return true;
    }
    switch (v->mode) {
    case 'v': {
        char buf[400];
        if (!v->sharp && a->kind == HV_STRING) {
            pad_width(f, v, a->u.s, a->n, b);
        } else if (!v->sharp && a->kind == HV_NUMBER) {
            if (!num_reliable(a->u.num)) ambiguous(f);
            size_t n = num_g(a->u.num, buf, sizeof buf);
            pad_width(f, v, buf, n, b);
        } else {
            sbuf t;
            sb_init(&t, f);
            bool ok = json_write(f, a, &t, 0);
            if (ok && (t.over || t.oom)) ok = sb_error(f, &t);
            if (ok) pad_width(f, v, t.p ? t.p : "", t.len, b);
            sb_free(&t);
            if (!ok) return false;
        }
        return true;
    }
    case 't': {
        hv r;
        if (!to_primitive(f, a, TY_BOOL, &r)) return verb_err(f, v, f->c->err);
        sb_adds(b, r.u.b ? "true" : "false");
        return true;
    }
    case 'b':
    case 'd':
    case 'o':
    case 'x':
    case 'X':
    case 'e':
    case 'E':
    case 'f':
    case 'g':
    case 'G': {
        double d;
        if (a->kind == HV_STRING) {
            if (!parse_decimal(f, a->u.s, a->n, &d)) return verb_err(f, v, "a number is required");
        } else if (a->kind == HV_NUMBER) {
            d = a->u.num;
        } else {
            return verb_err(f, v, "number required");
        }
        if (strchr("bdoxX", v->mode)) {
            if (!isfinite(d) || d != floor(d)) return verb_err(f, v, "an integer is required");
            return format_int(f, v, d, b);
        }
        return format_float(f, v, d, b);
    }
    case 's':
    case 'q': {
        hv r;
        if (!to_primitive(f, a, TY_STR, &r)) return verb_err(f, v, f->c->err);
        const char *s = r.u.s;
        size_t n = r.n;
        if (v->has_prec && v->prec > 0) {
            if (!text_simple(s, n)) ambiguous(f);
            size_t i = 0;
            for (size_t k = 0; k < v->prec && i < n; k++) i += cluster_at(s, n, i);
            n = i;
        }
        if (v->mode == 's') {
            pad_width(f, v, s, n, b);
            return true;
        }
        sbuf t;
        sb_init(&t, f);
        hv str = hv_str_ref(s, n);
        json_write(f, &str, &t, 0);
        bool ok = !(t.over || t.oom) || sb_error(f, &t);
        if (ok) pad_width(f, v, t.p, t.len, b);
        sb_free(&t);
        return ok;
    }
    default:
        return err_set(f, "unsupported format verb '%c' in \"%.*s\" at offset %zu", v->mode,
                       (int)v->raw_len, v->raw, v->offset);
    }
}

static void char_text(char c, char *out, size_t cap) {
    if ((unsigned char)c >= 0x20 && (unsigned char)c < 0x7F && c != '\'' && c != '\\')
        snprintf(out, cap, "'%c'", c);
    else
        snprintf(out, cap, "'\\x%02x'", (unsigned char)c);
}

/* Formats fmt with args[0..na) into b. */
static bool format_text(fcall *f, const char *fmt, size_t n, const hv *args, uint32_t na, sbuf *b) {
    uint32_t next = 1, highest = 0;
    for (size_t i = 0; i < n;) {
        if (fmt[i] != '%') {
            sb_addc(b, fmt[i++]);
            continue;
        }
        if (i + 1 < n && fmt[i + 1] == '%') {
            sb_addc(b, '%');
            i += 2;
            continue;
        }
        fverb v;
        memset(&v, 0, sizeof v);
        v.offset = i;
        v.argnum = next;
        size_t j = i + 1;
        for (; j < n && strchr("0#-+ ", fmt[j]) && fmt[j]; j++) {
            switch (fmt[j]) {
            case '0': v.zero = !v.minus; break;
            case '#': v.sharp = true; break;
            case '-':
                v.minus = true;
                v.zero = false;
                break;
            case '+': v.plus = true; break;
            default: v.space = true; break;
            }
        }
        if (j < n && fmt[j] == '[') {
            j++;
            if (j >= n || fmt[j] < '1' || fmt[j] > '9') goto bad_char;
            uint32_t a = 0;
            while (j < n && fmt[j] >= '0' && fmt[j] <= '9') {
                a = a > 100000000 ? a : a * 10 + (uint32_t)(fmt[j] - '0');
                j++;
            }
            if (j >= n || fmt[j] != ']') goto bad_char;
            j++;
            v.argnum = a;
        }
        if (j < n && fmt[j] >= '1' && fmt[j] <= '9') {
            v.has_width = true;
            while (j < n && fmt[j] >= '0' && fmt[j] <= '9') {
                v.width = v.width > 100000000 ? v.width : v.width * 10 + (size_t)(fmt[j] - '0');
                j++;
            }
        }
        if (j < n && fmt[j] == '.') {
            v.has_prec = true;
            j++;
            while (j < n && fmt[j] >= '0' && fmt[j] <= '9') {
                v.prec = v.prec > 100000000 ? v.prec : v.prec * 10 + (size_t)(fmt[j] - '0');
                j++;
            }
        }
        if (j >= n) return err_set(f, "invalid format string starting at offset %zu", n);
        if (!((fmt[j] >= 'a' && fmt[j] <= 'z') || (fmt[j] >= 'A' && fmt[j] <= 'Z'))) goto bad_char;
        v.mode = fmt[j];
        v.raw = fmt + i;
        v.raw_len = j + 1 - i;
        if (v.width > max_string(f->c) || v.prec > max_string(f->c))
            return err_set(f, "width or precision in \"%.*s\" is too large", (int)v.raw_len, v.raw);
        if (v.argnum > na)
            return err_set(f,
                           "not enough arguments for \"%.*s\" at %zu: need index %u but have %u "
                           "total",
                           (int)v.raw_len, v.raw, v.offset, v.argnum, na);
        if (v.argnum > highest) highest = v.argnum;
        if (!format_verb(f, &v, &args[v.argnum - 1], b)) return false;
        next = v.argnum + 1;
        i = j + 1;
        continue;
    bad_char : {
        if (j >= n) return err_set(f, "invalid format string starting at offset %zu", n);
        char ct[16];
        char_text(fmt[j], ct, sizeof ct);
        return err_set(f, "unrecognized format character %s at offset %zu", ct, j);
    }
    }
    /* Terraform refuses arguments the format does not use */
    if (highest < na && !highest)
        return err_set(f, "too many arguments; no verbs in format string");
    if (highest < na)
        return err_set(f, "too many arguments; only %u used by format string", highest);
    return true;
}

static int fn_format(fcall *f, hv *out) {
    const char *fmt;
    size_t n;
    if (!arg_string(f, 0, &fmt, &n)) return TF_CALL_ERROR;
    sbuf b;
    sb_init(&b, f);
    if (!format_text(f, fmt, n, f->args + 1, f->n - 1, &b)) return sb_free(&b), TF_CALL_ERROR;
    return sb_finish(f, &b, out);
}

static int fn_formatlist(fcall *f, hv *out) {
    const char *fmt;
    size_t n;
    if (f->args[0].kind == HV_UNKNOWN) return unknown_result(f, out);
    if (!arg_string(f, 0, &fmt, &n)) return TF_CALL_ERROR;
    uint32_t na = f->n - 1;
    const hv *args = f->args + 1;
    long len = -1;
    uint32_t chooser = 0;
    for (uint32_t i = 0; i < na; i++) {
        if (args[i].kind == HV_UNKNOWN) return unknown_result(f, out); /* might be a list */
        if (!is_seq(&args[i])) continue;
        if (len < 0) {
            len = args[i].n;
            chooser = i;
        } else if ((long)args[i].n != len) {
            return arg_err(f, i + 1,
                           "argument %u has length %u, which is inconsistent with "
                           "argument %u of length %ld",
                           i + 1, args[i].n, chooser + 1, len),
                   TF_CALL_ERROR;
        }
    }
    if (len < 0) len = 1;
    hv *items, *cur = scratch(f, na, sizeof *cur);
    if (!cur || !new_tuple(f, (size_t)len, &items, out)) return TF_CALL_ERROR;
    for (long k = 0; k < len; k++) {
        bool known = true;
        for (uint32_t i = 0; i < na; i++) {
            cur[i] = is_seq(&args[i]) ? args[i].u.items[k] : args[i];
            if (!wholly_known(&cur[i])) known = false;
        }
        if (!known) {
            items[k] = hv_unknown_from(f->c->a, cur, na);
            continue;
        }
        sbuf b;
        sb_init(&b, f);
        if (!format_text(f, fmt, n, cur, na, &b)) {
            char msg[sizeof f->c->err];
            snprintf(msg, sizeof msg, "%s", f->c->err);
            sb_free(&b);
            return fail(f, "error on format iteration %ld: %s", k, msg);
        }
        if (!sb_take(f, &b, &items[k])) return TF_CALL_ERROR;
    }
    return TF_CALL_OK;
}

/* ---- collections ---- */

static bool unknown_in(const hv *v) {
    return !wholly_known(v);
}

/* The elements of argument i as bools (alltrue, anytrue): unknown elements stay unknown. */
static bool arg_bool_list(fcall *f, uint32_t i, hv **items, uint32_t *n) {
    const hv *v = &f->args[i];
    if (!is_seq(v)) return arg_err(f, i, "list of bool required");
    hv *out = scratch(f, v->n, sizeof *out);
    if (!out) return false;
    for (uint32_t k = 0; k < v->n; k++)
        if (!to_primitive(f, &v->u.items[k], TY_BOOL, &out[k])) {
            char msg[sizeof f->c->err];
            snprintf(msg, sizeof msg, "%s", f->c->err);
            return arg_err(f, i, "element %u: %s", k, msg);
        }
    *items = out;
    *n = v->n;
    return true;
}

static int fn_alltrue(fcall *f, hv *out) {
    if (!shape_known(&f->args[0])) return unknown_result(f, out);
    hv *items;
    uint32_t n;
    if (!arg_bool_list(f, 0, &items, &n)) return TF_CALL_ERROR;
    if (f->args[0].kind == HV_SET && unknown_in(&f->args[0])) return unknown_result(f, out);
    for (uint32_t i = 0; i < n; i++) {
        if (items[i].kind == HV_UNKNOWN) return unknown_result(f, out);
        if (items[i].kind == HV_NULL || !items[i].u.b) return *out = hv_bool(false), TF_CALL_OK;
    }
    *out = hv_bool(true);
    return TF_CALL_OK;
}

static int fn_anytrue(fcall *f, hv *out) {
    if (!shape_known(&f->args[0])) return unknown_result(f, out);
    hv *items;
    uint32_t n;
    if (!arg_bool_list(f, 0, &items, &n)) return TF_CALL_ERROR;
    bool unknown = false;
    for (uint32_t i = 0; i < n; i++) {
        if (items[i].kind == HV_UNKNOWN)
            unknown = true;
        else if (items[i].kind == HV_BOOL && items[i].u.b)
            return *out = hv_bool(true), TF_CALL_OK;
    }
    if (unknown) return unknown_result(f, out);
    *out = hv_bool(false);
    return TF_CALL_OK;
}

/* Argument i as list(any): its elements converted to one type. Returns TF_CALL_OK with
 * *items, TF_CALL_ERROR, or -2 when the conversion is ambiguous (answer unknown). */
static int arg_any_list(fcall *f, uint32_t i, const char *what, hv **items, uint32_t *n) {
    const hv *v = &f->args[i];
    if (!is_seq(v)) {
        arg_err(f, i, "%s required", what);
        return TF_CALL_ERROR;
    }
    const hv **src = elements_of(f, v);
    hv *out = scratch(f, v->n, sizeof *out);
    if (!src || !out) return TF_CALL_ERROR;
    int st = unify_items(f, src, v->n, out);
    if (st == U_AMBIG) return -2;
    if (st == U_FAIL) {
        arg_err(f, i, "all elements must have the same type");
        return TF_CALL_ERROR;
    }
    if (st == U_ERROR) return TF_CALL_ERROR;
    *items = out;
    *n = v->n;
    return TF_CALL_OK;
}

static int fn_chunklist(fcall *f, hv *out) {
    if (!shape_known(&f->args[0]) || f->args[1].kind == HV_UNKNOWN) return unknown_result(f, out);
    int64_t size;
    if (!arg_int(f, 1, &size, WHOLE_RANGE)) return TF_CALL_ERROR;
    if (size < 0) return fail(f, "the size argument must be positive");
    hv *items;
    uint32_t n;
    int rc = arg_any_list(f, 0, "list", &items, &n);
    if (rc == -2) return unknown_result(f, out);
    if (rc != TF_CALL_OK) return rc;
    if (n == 0) return new_tuple(f, 0, &items, out) ? TF_CALL_OK : TF_CALL_ERROR;
    size_t chunk = size == 0 || (uint64_t)size > n ? n : (size_t)size;
    size_t count = (n + chunk - 1) / chunk;
    hv *chunks;
    if (!new_tuple(f, count, &chunks, out)) return TF_CALL_ERROR;
    for (size_t c = 0; c < count; c++) {
        size_t from = c * chunk, len = n - from < chunk ? n - from : chunk;
        hv *part;
        if (!new_tuple(f, len, &part, &chunks[c])) return TF_CALL_ERROR;
        memcpy(part, items + from, len * sizeof *part);
    }
    return TF_CALL_OK;
}

/* coalesce(): the arguments unify to one type (nulls, which it skips, fit any). */
static int fn_coalesce(fcall *f, hv *out) {
    if (f->n == 0) return fail(f, "all arguments must have the same type");
    hv *conv = scratch(f, f->n, sizeof *conv);
    const hv **src = scratch(f, f->n, sizeof *src);
    if (!conv || !src) return TF_CALL_ERROR;
    uint32_t k = 0;
    for (uint32_t i = 0; i < f->n; i++)
        if (f->args[i].kind != HV_NULL) src[k++] = &f->args[i];
    int st = unify_items(f, src, k, conv);
    if (st == U_AMBIG) return unknown_result(f, out);
    if (st == U_FAIL) return fail(f, "all arguments must have the same type");
    if (st == U_ERROR) return TF_CALL_ERROR;
    bool strings = false;
    for (uint32_t i = 0; i < k; i++) strings |= conv[i].kind == HV_STRING;
    for (uint32_t i = 0; i < k; i++) {
        if (!shape_known(&conv[i])) return unknown_result(f, out);
        if (strings && conv[i].kind == HV_STRING && conv[i].n == 0) continue;
        *out = conv[i];
        return TF_CALL_OK;
    }
    return fail(f, "no non-null, non-empty-string arguments");
}

static int fn_coalescelist(fcall *f, hv *out) {
    if (f->n == 0) return fail(f, "at least one argument is required");
    for (uint32_t i = 0; i < f->n; i++) {
        const hv *a = &f->args[i];
        if (a->kind == HV_UNKNOWN) continue;
        if (a->kind != HV_TUPLE) return fail(f, "coalescelist arguments must be lists or tuples");
    }
    for (uint32_t i = 0; i < f->n; i++) {
        if (f->args[i].kind == HV_UNKNOWN) return unknown_result(f, out);
        if (f->args[i].n > 0) return *out = f->args[i], TF_CALL_OK;
    }
    return fail(f, "no non-null arguments");
}

static int fn_compact(fcall *f, hv *out) {
    hv *items;
    uint32_t n, k = 0;
    if (!arg_string_list(f, 0, &items, &n)) return TF_CALL_ERROR;
    for (uint32_t i = 0; i < n; i++)
        if (items[i].kind == HV_STRING && items[i].n > 0) items[k++] = items[i];
    hv *res;
    if (!new_tuple(f, k, &res, out)) return TF_CALL_ERROR;
    if (k) memcpy(res, items, k * sizeof *res);
    return TF_CALL_OK;
}

static int fn_concat(fcall *f, hv *out) {
    if (f->n == 0) return fail(f, "at least one argument is required");
    size_t total = 0;
    bool unknown = false;
    for (uint32_t i = 0; i < f->n; i++) {
        const hv *a = &f->args[i];
        if (a->kind == HV_UNKNOWN) {
            unknown = true;
            continue;
        }
        if (a->kind != HV_TUPLE)
            return arg_err(f, i, "all arguments must be lists or tuples; got %s", ty_kind_name(a)),
                   TF_CALL_ERROR;
        total += a->n;
    }
    if (unknown) return unknown_result(f, out);
    hv *items;
    if (!new_tuple(f, total, &items, out)) return TF_CALL_ERROR;
    size_t k = 0;
    for (uint32_t i = 0; i < f->n; i++)
        for (uint32_t j = 0; j < f->args[i].n; j++) items[k++] = f->args[i].u.items[j];
    return TF_CALL_OK;
}

static int fn_contains(fcall *f, hv *out) {
    const hv *list = &f->args[0], *val = &f->args[1];
    if (list->kind == HV_UNKNOWN) return unknown_result(f, out);
    if (!is_seq(list)) return fail(f, "argument must be list, tuple, or set");
    if (list->n == 0) return *out = hv_bool(false), TF_CALL_OK;
    if (val->kind == HV_UNKNOWN) return unknown_result(f, out);
    bool unknown = false;
    for (uint32_t i = 0; i < list->n; i++) {
        int eq = hv_equal(val, &list->u.items[i]);
        if (eq == 1) return *out = hv_bool(true), TF_CALL_OK;
        if (eq < 0) unknown = true;
    }
    if (unknown || (list->kind == HV_SET && unknown_in(list))) return unknown_result(f, out);
    *out = hv_bool(false);
    return TF_CALL_OK;
}

typedef struct indexed {
    const hv *v;
    uint32_t i;
} indexed;

static int cmp_indexed(const void *a, const void *b) {
    const indexed *x = a, *y = b;
    int c = hv_compare(x->v, y->v);
    return c ? c : (x->i > y->i) - (x->i < y->i);
}

/* items[0..n) in order (equal values keep their original order): values compare equal
 * exactly when they are equal, for known values. */
static indexed *sorted_index(fcall *f, const hv *items, uint32_t n) {
    indexed *ix = scratch(f, n, sizeof *ix);
    if (!ix) return NULL;
    for (uint32_t i = 0; i < n; i++) ix[i] = (indexed){&items[i], i};
    qsort(ix, n, sizeof *ix, cmp_indexed);
    return ix;
}

/* Marks keep[i] for the first of each group of equal values among items[0..n). */
static bool first_of_each(fcall *f, const hv *items, uint32_t n, bool *keep) {
    indexed *ix = sorted_index(f, items, n);
    if (!ix) return false;
    for (uint32_t i = 0; i < n; i++) keep[ix[i].i] = i == 0 || hv_equal(ix[i - 1].v, ix[i].v) != 1;
    return true;
}

/* Whether v is among the values that ix (from sorted_index) orders. */
static bool sorted_has(const indexed *ix, uint32_t n, const hv *v) {
    uint32_t lo = 0, hi = n;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        int c = hv_compare(ix[mid].v, v);
        if (c == 0) return hv_equal(ix[mid].v, v) == 1;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return false;
}

static int fn_distinct(fcall *f, hv *out) {
    hv *items;
    uint32_t n;
    int rc = arg_any_list(f, 0, "list", &items, &n);
    if (rc == -2) return unknown_result(f, out);
    if (rc != TF_CALL_OK) return rc;
    bool *keep = scratch(f, n, sizeof *keep);
    if (!keep || !first_of_each(f, items, n, keep)) return TF_CALL_ERROR;
    uint32_t k = 0;
    for (uint32_t i = 0; i < n; i++)
        if (keep[i]) items[k++] = items[i];
    hv *res;
    if (!new_tuple(f, k, &res, out)) return TF_CALL_ERROR;
    if (k) memcpy(res, items, k * sizeof *res);
    return TF_CALL_OK;
}

static int fn_element(fcall *f, hv *out) {
    const hv *list = &f->args[0];
    if (list->kind == HV_UNKNOWN || f->args[1].kind == HV_UNKNOWN) return unknown_result(f, out);
    if (list->kind != HV_TUPLE) return fail(f, "cannot read elements from %s", ty_kind_name(list));
    int64_t idx;
    if (!arg_int(f, 1, &idx,
                 "invalid index: value must be a whole number, between "
                 "-9223372036854775808 and 9223372036854775807"))
        return TF_CALL_ERROR;
    if (list->n == 0) return fail(f, "cannot use element function with an empty list");
    if (idx < 0) return fail(f, "cannot use element function with a negative index");
    *out = list->u.items[(uint64_t)idx % list->n];
    return TF_CALL_OK;
}

/* Appends the leaves of v (a sequence) to *items; false on error, *unknown when a nested
 * element is unknown (it might be a list). */
static bool flatten_into(fcall *f, const hv *v, hv **items, size_t *n, size_t *cap, int depth,
                         bool *unknown) {
    if (depth > MAX_DEPTH) return too_deep(f);
    for (uint32_t i = 0; i < v->n; i++) {
        const hv *e = &v->u.items[i];
        if (e->kind == HV_UNKNOWN) {
            *unknown = true;
            continue;
        }
        if (is_seq(e)) {
            if (e->kind == HV_SET && unknown_in(e)) *unknown = true;
            if (!flatten_into(f, e, items, n, cap, depth + 1, unknown)) return false;
            continue;
        }
        if (*n == *cap) {
            size_t nc = *cap ? *cap * 2 : 16;
            if (!check_items(f, *n + 1)) return false;
            hv *grown = tk_arena_array(f->c->a, nc, sizeof *grown);
            if (!grown) return err_set(f, "out of memory");
            if (*n) memcpy(grown, *items, *n * sizeof *grown);
            *items = grown;
            *cap = nc;
        }
        (*items)[(*n)++] = *e;
    }
    return true;
}

static int fn_flatten(fcall *f, hv *out) {
    const hv *list = &f->args[0];
    if (list->kind == HV_UNKNOWN) return unknown_result(f, out);
    if (!is_seq(list)) return fail(f, "can only flatten lists, sets and tuples");
    hv *items = NULL;
    size_t n = 0, cap = 0;
    bool unknown = false;
    if (!flatten_into(f, list, &items, &n, &cap, 0, &unknown)) return TF_CALL_ERROR;
    if (unknown || (list->kind == HV_SET && unknown_in(list))) return unknown_result(f, out);
    hv *res;
    if (!new_tuple(f, n, &res, out)) return TF_CALL_ERROR;
    if (n) memcpy(res, items, n * sizeof *res);
    return TF_CALL_OK;
}

static int fn_index(fcall *f, hv *out) {
    const hv *list = &f->args[0], *val = &f->args[1];
    if (list->kind == HV_UNKNOWN) return unknown_result(f, out);
    if (list->kind != HV_TUPLE) return fail(f, "argument must be a list or tuple");
    if (list->n == 0) return fail(f, "cannot search an empty list");
    if (val->kind == HV_UNKNOWN) return unknown_result(f, out);
    for (uint32_t i = 0; i < list->n; i++) {
        int eq = hv_equal(&list->u.items[i], val);
        if (eq < 0) return unknown_result(f, out);
        if (eq == 1) return *out = hv_num(i), TF_CALL_OK;
    }
    return fail(f, "item not found");
}

static int fn_keys(fcall *f, hv *out) {
    const hv *m = &f->args[0];
    if (!shape_known(m)) return unknown_result(f, out);
    if (m->kind != HV_OBJECT) return arg_err(f, 0, "must have map or object type"), TF_CALL_ERROR;
    hv *items;
    if (!new_tuple(f, m->n, &items, out)) return TF_CALL_ERROR;
    for (uint32_t i = 0; i < m->n; i++)
        items[i] = hv_str_ref(m->u.pairs[i].key, m->u.pairs[i].klen);
    return TF_CALL_OK;
}

static int fn_values(fcall *f, hv *out) {
    const hv *m = &f->args[0];
    if (!shape_known(m)) return unknown_result(f, out);
    if (m->kind != HV_OBJECT) return fail(f, "values() requires a map as the first argument");
    hv *items;
    if (!new_tuple(f, m->n, &items, out)) return TF_CALL_ERROR;
    for (uint32_t i = 0; i < m->n; i++) items[i] = m->u.pairs[i].val;
    return TF_CALL_OK;
}

static int fn_length(fcall *f, hv *out) {
    const hv *v = &f->args[0];
    if (!shape_known(v) || (v->kind == HV_SET && unknown_in(v))) return unknown_result(f, out);
    switch (v->kind) {
    case HV_STRING:
        if (!text_simple(v->u.s, v->n)) ambiguous(f);
        *out = hv_num((double)count_clusters(v->u.s, v->n));
        return TF_CALL_OK;
    case HV_TUPLE:
    case HV_SET:
    case HV_OBJECT: *out = hv_num(v->n); return TF_CALL_OK;
    default: return fail(f, "argument must be a string, a collection type, or a structural type");
    }
}

static int fn_lookup(fcall *f, hv *out) {
    const hv *m = &f->args[0], *key = &f->args[1];
    if (m->kind == HV_UNKNOWN || key->kind == HV_UNKNOWN) return unknown_result(f, out);
    if (m->kind != HV_OBJECT)
        return arg_err(f, 0, "the first argument must be a map or object"), TF_CALL_ERROR;
    const char *k;
    size_t kn;
    if (!arg_string(f, 1, &k, &kn)) return TF_CALL_ERROR;
    const hv *v = hv_get(m, k, kn);
    if (v) return *out = *v, TF_CALL_OK;
    if (m->flags & HVF_RESOURCE) return unknown_result(f, out); /* set after apply, perhaps */
    if (f->n < 3)
        return arg_err(f, 0, "the given object has no attribute \"%.*s\"", SHOW(k, kn)),
               TF_CALL_ERROR;
    const hv *def = &f->args[2];
    /* A map would convert the default to its element type, an object would not. */
    for (uint32_t i = 0; i < m->n && def->kind != HV_NULL; i++) {
        uint8_t vk = m->u.pairs[i].val.kind;
        if (vk != def->kind && vk != HV_NULL && vk != HV_UNKNOWN) ambiguous(f);
    }
    *out = *def;
    return TF_CALL_OK;
}

static int fn_matchkeys(fcall *f, hv *out) {
    hv *values, *keys, *search;
    uint32_t nv, nk, ns;
    int rc = arg_any_list(f, 0, "list", &values, &nv);
    if (rc == TF_CALL_OK) rc = arg_any_list(f, 1, "list", &keys, &nk);
    if (rc == TF_CALL_OK) rc = arg_any_list(f, 2, "list", &search, &ns);
    if (rc == -2) return unknown_result(f, out);
    if (rc != TF_CALL_OK) return rc;
    /* keys and searchset unify with each other */
    const hv **src = scratch(f, (size_t)nk + ns, sizeof *src);
    hv *conv = scratch(f, (size_t)nk + ns, sizeof *conv);
    if (!src || !conv) return TF_CALL_ERROR;
    for (uint32_t i = 0; i < nk; i++) src[i] = &keys[i];
    for (uint32_t i = 0; i < ns; i++) src[nk + i] = &search[i];
    int st = unify_items(f, src, (size_t)nk + ns, conv);
    if (st == U_AMBIG) return unknown_result(f, out);
    if (st == U_FAIL) return fail(f, "keys and searchset must be of the same type");
    if (st == U_ERROR) return TF_CALL_ERROR;
    if (nv != nk) return fail(f, "length of keys and values should be equal");
    hv *res = scratch(f, nv, sizeof *res);
    indexed *found = sorted_index(f, conv + nk, ns);
    if (!res || !found) return TF_CALL_ERROR;
    uint32_t k = 0;
    for (uint32_t i = 0; i < nk; i++)
        if (sorted_has(found, ns, &conv[i])) res[k++] = values[i];
    hv *items;
    if (!new_tuple(f, k, &items, out)) return TF_CALL_ERROR;
    if (k) memcpy(items, res, k * sizeof *items);
    return TF_CALL_OK;
}

static int fn_merge(fcall *f, hv *out) {
    size_t total = 0;
    for (uint32_t i = 0; i < f->n; i++) {
        const hv *a = &f->args[i];
        if (a->kind == HV_NULL) continue;
        if (!shape_known(a)) return unknown_result(f, out);
        if (a->kind != HV_OBJECT)
            return fail(f, "arguments must be maps or objects, got \"%s\"", ty_kind_name(a));
        total += a->n;
    }
    hv_pair *pairs = scratch(f, total, sizeof *pairs);
    if (!pairs) return TF_CALL_ERROR;
    size_t k = 0;
    for (uint32_t i = 0; i < f->n; i++)
        for (uint32_t j = 0; f->args[i].kind == HV_OBJECT && j < f->args[i].n; j++)
            pairs[k++] = f->args[i].u.pairs[j];
    return new_object(f, pairs, k, out) ? TF_CALL_OK : TF_CALL_ERROR;
}

static int fn_one(fcall *f, hv *out) {
    const hv *v = &f->args[0];
    if (v->kind == HV_UNKNOWN || (v->kind == HV_SET && unknown_in(v)))
        return unknown_result(f, out);
    if (!is_seq(v) || v->n > 1)
        return arg_err(f, 0,
                       "must be a list, set, or tuple value with either zero or one "
                       "elements"),
               TF_CALL_ERROR;
    *out = v->n ? v->u.items[0] : hv_null();
    return TF_CALL_OK;
}

/* a + b, and whether the double sum is exact (Terraform adds with more precision). */
static double exact_add(double a, double b, bool *exact) {
    double s = a + b, bb = s - a, err = (a - (s - bb)) + (b - bb);
    if (err != 0 || !isfinite(s)) *exact = false;
    return s;
}

static int fn_range(fcall *f, hv *out) {
    double a[3] = {0, 0, 0};
    for (uint32_t i = 0; i < f->n; i++)
        if (!arg_number(f, i, &a[i])) return TF_CALL_ERROR;
    double start = 0, end, step;
    if (f->n == 1) {
        end = a[0];
        step = end < 0 ? -1 : 1;
    } else {
        start = a[0];
        end = a[1];
        step = f->n == 3 ? a[2] : end < start ? -1 : 1;
    }
    bool down = step < 0;
    if (down && end > start)
        return arg_err(f, 1, "end must be less than start when step is negative"), TF_CALL_ERROR;
    if (!down && end < start)
        return arg_err(f, 1, "end must be greater than start when step is positive"), TF_CALL_ERROR;
    decnum xs, xe, xt;
    dec_of(start, &xs);
    dec_of(end, &xe);
    dec_of(step, &xt);
    bool exact = dec_exact(&xs) && dec_exact(&xt);
    bool end_exact = dec_exact(&xe);
    hv vals[RANGE_MAX];
    size_t n = 0;
    for (double num = start;;) {
        if (num == end && !end_exact) ambiguous(f);
        if (down ? num <= end : num >= end) break;
        if (n >= RANGE_MAX)
            return fail(f, "more than 1024 values were generated; either decrease the difference "
                           "between start and end or use a smaller step");
        vals[n++] = hv_num(num);
        num = exact_add(num, step, &exact);
    }
    if (!exact) ambiguous(f);
    hv *items;
    if (!new_tuple(f, n, &items, out)) return TF_CALL_ERROR;
    if (n) memcpy(items, vals, n * sizeof *items);
    return TF_CALL_OK;
}

static int fn_reverse(fcall *f, hv *out) {
    const hv *v = &f->args[0];
    if (v->kind == HV_UNKNOWN || (v->kind == HV_SET && unknown_in(v)))
        return unknown_result(f, out);
    if (!is_seq(v))
        return arg_err(f, 0, "can only reverse list or tuple values, not %s", ty_kind_name(v)),
               TF_CALL_ERROR;
    hv *items;
    if (!new_tuple(f, v->n, &items, out)) return TF_CALL_ERROR;
    for (uint32_t i = 0; i < v->n; i++) items[i] = v->u.items[v->n - 1 - i];
    return TF_CALL_OK;
}

/* All elements of every argument (sets, or tuples read as sets) converted to one type:
 * elems[k] for argument k. Returns TF_CALL_OK, TF_CALL_ERROR or -2 (ambiguous). */
static int set_args(fcall *f, hv **elems) {
    size_t total = 0;
    for (uint32_t i = 0; i < f->n; i++) {
        if (!is_seq(&f->args[i])) return arg_err(f, i, "set required"), TF_CALL_ERROR;
        total += f->args[i].n;
    }
    const hv **src = scratch(f, total, sizeof *src);
    hv *conv = scratch(f, total, sizeof *conv);
    if (!src || !conv) return TF_CALL_ERROR;
    size_t k = 0;
    for (uint32_t i = 0; i < f->n; i++)
        for (uint32_t j = 0; j < f->args[i].n; j++) src[k++] = &f->args[i].u.items[j];
    int st = unify_items(f, src, total, conv);
    if (st == U_AMBIG) return -2;
    if (st == U_FAIL) return fail(f, "given sets must all have compatible element types");
    if (st == U_ERROR) return TF_CALL_ERROR;
    k = 0;
    for (uint32_t i = 0; i < f->n; i++) {
        elems[i] = conv + k;
        k += f->args[i].n;
    }
    return TF_CALL_OK;
}

/* setintersection (mode 'i'), setsubtract ('s'), setunion ('u'). */
static int set_op(fcall *f, hv *out, char mode) {
    hv **elems = scratch(f, f->n, sizeof *elems);
    if (!elems) return TF_CALL_ERROR;
    int rc = set_args(f, elems);
    if (rc == -2) return unknown_result(f, out);
    if (rc != TF_CALL_OK) return rc;
    size_t total = 0;
    for (uint32_t i = 0; i < f->n; i++) total += f->args[i].n;
    hv *res = scratch(f, total, sizeof *res);
    if (!res) return TF_CALL_ERROR;
    size_t k = 0;
    if (mode == 'u') {
        for (uint32_t i = 0; i < f->n; i++)
            for (uint32_t j = 0; j < f->args[i].n; j++) res[k++] = elems[i][j];
    } else {
        indexed **others = scratch(f, f->n, sizeof *others);
        if (!others) return TF_CALL_ERROR;
        for (uint32_t i = 1; i < f->n; i++)
            if (!(others[i] = sorted_index(f, elems[i], f->args[i].n))) return TF_CALL_ERROR;
        for (uint32_t j = 0; j < f->args[0].n; j++) {
            bool keep = true;
            for (uint32_t i = 1; i < f->n && keep; i++) {
                bool has = sorted_has(others[i], f->args[i].n, &elems[0][j]);
                keep = mode == 'i' ? has : !has;
            }
            if (keep) res[k++] = elems[0][j];
        }
    }
    return new_set(f, res, k, out) ? TF_CALL_OK : TF_CALL_ERROR;
}
static int fn_setintersection(fcall *f, hv *out) {
    return set_op(f, out, 'i');
}
static int fn_setsubtract(fcall *f, hv *out) {
    return set_op(f, out, 's');
}
static int fn_setunion(fcall *f, hv *out) {
    return set_op(f, out, 'u');
}

static int fn_setproduct(fcall *f, hv *out) {
    if (f->n < 2) return fail(f, "at least two arguments are required");
    hv **elems = scratch(f, f->n, sizeof *elems);
    if (!elems) return TF_CALL_ERROR;
    bool all_lists = true;
    size_t total = 1;
    for (uint32_t i = 0; i < f->n; i++) {
        const hv *a = &f->args[i];
        if (!is_seq(a)) return arg_err(f, i, "a set or a list is required"), TF_CALL_ERROR;
        if (a->kind == HV_SET) all_lists = false;
        const hv **src = elements_of(f, a);
        elems[i] = scratch(f, a->n, sizeof **elems);
        if (!src || !elems[i]) return TF_CALL_ERROR;
        int st = unify_items(f, src, a->n, elems[i]);
        if (st == U_AMBIG) return unknown_result(f, out);
        if (st == U_FAIL)
            return arg_err(f, i, "all elements must be of the same type"), TF_CALL_ERROR;
        if (st == U_ERROR) return TF_CALL_ERROR;
        if (a->n == 0)
            total = 0;
        else if (total && total > max_items(f->c) / a->n)
            return check_items(f, SIZE_MAX), TF_CALL_ERROR;
        else
            total *= a->n;
    }
    hv *rows = scratch(f, total, sizeof *rows);
    uint32_t *idx = scratch(f, f->n, sizeof *idx);
    if (!rows || !idx || !check_items(f, total)) return TF_CALL_ERROR;
    for (size_t r = 0; r < total; r++) {
        hv *cells;
        if (!new_tuple(f, f->n, &cells, &rows[r])) return TF_CALL_ERROR;
        for (uint32_t j = 0; j < f->n; j++) cells[j] = elems[j][idx[j]];
        for (uint32_t j = f->n; j-- > 0;) {
            if (++idx[j] < f->args[j].n) break;
            idx[j] = 0;
        }
    }
    if (all_lists) {
        hv *items;
        if (!new_tuple(f, total, &items, out)) return TF_CALL_ERROR;
        if (total) memcpy(items, rows, total * sizeof *items);
        return TF_CALL_OK;
    }
    return new_set(f, rows, total, out) ? TF_CALL_OK : TF_CALL_ERROR;
}

static int fn_slice(fcall *f, hv *out) {
    const hv *list = &f->args[0];
    if (list->kind == HV_UNKNOWN || f->args[1].kind == HV_UNKNOWN || f->args[2].kind == HV_UNKNOWN)
        return unknown_result(f, out);
    if (list->kind == HV_SET)
        return arg_err(f, 0,
                       "cannot slice a set, because its elements do not have indices; "
                       "explicitly convert to a list if needed"),
               TF_CALL_ERROR;
    if (list->kind != HV_TUPLE)
        return arg_err(f, 0, "must be a list or tuple value"), TF_CALL_ERROR;
    int64_t start, end;
    if (!arg_int(f, 1, &start,
                 "invalid start index: "
                 "value must be a whole number, between "
                 "-9223372036854775808 and 9223372036854775807") ||
        !arg_int(f, 2, &end,
                 "invalid end index: value must be a whole number, between "
                 "-9223372036854775808 and 9223372036854775807"))
        return TF_CALL_ERROR;
    if (start < 0) return arg_err(f, 1, "start index must not be less than zero"), TF_CALL_ERROR;
    if (end > (int64_t)list->n)
        return arg_err(f, 2, "end index must not be greater than the length of the list"),
               TF_CALL_ERROR;
    if (start > end)
        return arg_err(f, 1, "start index must not be greater than end index"), TF_CALL_ERROR;
    hv *items;
    if (!new_tuple(f, (size_t)(end - start), &items, out)) return TF_CALL_ERROR;
    for (int64_t i = start; i < end; i++) items[i - start] = list->u.items[i];
    return TF_CALL_OK;
}

static int cmp_strings(const void *a, const void *b) {
    return hv_compare(a, b);
}

static int fn_sort(fcall *f, hv *out) {
    hv *items;
    uint32_t n;
    if (!arg_string_list(f, 0, &items, &n)) return TF_CALL_ERROR;
    for (uint32_t i = 0; i < n; i++)
        if (items[i].kind == HV_NULL)
            return fail(f, "given list element %u is null; a null string cannot be sorted", i);
    qsort(items, n, sizeof *items, cmp_strings);
    hv *res;
    if (!new_tuple(f, n, &res, out)) return TF_CALL_ERROR;
    if (n) memcpy(res, items, n * sizeof *res);
    return TF_CALL_OK;
}

static int fn_sum(fcall *f, hv *out) {
    const hv *list = &f->args[0];
    if (!is_seq(list))
        return arg_err(f, 0, "argument must be list, set, or tuple. Received %s",
                       ty_kind_name(list)),
               TF_CALL_ERROR;
    if (list->n == 0) return arg_err(f, 0, "cannot sum an empty list"), TF_CALL_ERROR;
    double total = 0;
    bool exact = true;
    for (uint32_t i = 0; i < list->n; i++) {
        hv num;
        const hv *e = &list->u.items[i];
        if (e->kind == HV_NULL || !to_primitive(f, e, TY_NUM, &num))
            return arg_err(f, 0, "argument must be list, set, or tuple of number values"),
                   TF_CALL_ERROR;
        decnum x;
        dec_of(num.u.num, &x);
        if (list->n > 1 && !dec_exact(&x)) exact = false; /* Terraform adds 512-bit values */
        total = i ? exact_add(total, num.u.num, &exact) : num.u.num;
    }
    if (!exact) ambiguous(f);
    *out = hv_num(total);
    return TF_CALL_OK;
}

static int fn_transpose(fcall *f, hv *out) {
    const hv *m = &f->args[0];
    if (m->kind != HV_OBJECT) return arg_err(f, 0, "map of list of string required"), TF_CALL_ERROR;
    /* Collect (value, key) pairs; group by value keeping the keys' order. */
    size_t total = 0;
    for (uint32_t i = 0; i < m->n; i++) {
        const hv *l = &m->u.pairs[i].val;
        if (!is_seq(l)) return arg_err(f, 0, "map of list of string required"), TF_CALL_ERROR;
        total += l->n;
    }
    hv *vals = scratch(f, total, sizeof *vals);
    uint32_t *owner = scratch(f, total, sizeof *owner);
    if (!vals || !owner) return TF_CALL_ERROR;
    size_t k = 0;
    for (uint32_t i = 0; i < m->n; i++) {
        const hv *l = &m->u.pairs[i].val;
        for (uint32_t j = 0; j < l->n; j++) {
            if (!to_primitive(f, &l->u.items[j], TY_STR, &vals[k]) || vals[k].kind != HV_STRING)
                return arg_err(f, 0, "map of list of string required"), TF_CALL_ERROR;
            owner[k++] = i;
        }
    }
    /* equal values sit together in sorted order, each group in the keys' order */
    hv_pair *pairs = scratch(f, total, sizeof *pairs);
    indexed *ix = sorted_index(f, vals, (uint32_t)total);
    if (!pairs || !ix) return TF_CALL_ERROR;
    size_t np = 0;
    for (size_t a = 0; a < total;) {
        size_t b = a + 1;
        while (b < total && hv_equal(ix[a].v, ix[b].v) == 1) b++;
        hv *keys;
        if (!new_tuple(f, b - a, &keys, &pairs[np].val)) return TF_CALL_ERROR;
        for (size_t c = a; c < b; c++) {
            const hv_pair *src = &m->u.pairs[owner[ix[c].i]];
            keys[c - a] = hv_str_ref(src->key, src->klen);
        }
        pairs[np].key = ix[a].v->u.s;
        pairs[np].klen = ix[a].v->n;
        np++;
        a = b;
    }
    return new_object(f, pairs, np, out) ? TF_CALL_OK : TF_CALL_ERROR;
}

static int fn_zipmap(fcall *f, hv *out) {
    const hv *keys = &f->args[0], *vals = &f->args[1];
    if (!wholly_known(keys) || vals->kind == HV_UNKNOWN) return unknown_result(f, out);
    hv *ks;
    uint32_t nk;
    if (!arg_string_list(f, 0, &ks, &nk)) return TF_CALL_ERROR;
    if (vals->kind != HV_TUPLE)
        return arg_err(f, 1, "values must be a list or tuple"), TF_CALL_ERROR;
    for (uint32_t i = 0; i < nk; i++)
        if (ks[i].kind == HV_NULL) return fail(f, "keys list has null value at index %u", i);
    if (nk != vals->n)
        return fail(f, "number of keys (%u) does not match number of values (%u)", nk, vals->n);
    hv_pair *pairs = scratch(f, nk, sizeof *pairs);
    if (!pairs) return TF_CALL_ERROR;
    for (uint32_t i = 0; i < nk; i++) pairs[i] = (hv_pair){ks[i].u.s, ks[i].n, vals->u.items[i]};
    return new_object(f, pairs, nk, out) ? TF_CALL_OK : TF_CALL_ERROR;
}

/* ---- conversions ---- */

static int fn_tostring(fcall *f, hv *out) {
    const hv *v = &f->args[0];
    if (v->kind == HV_NULL) return *out = *v, TF_CALL_OK;
    if (!to_primitive(f, v, TY_STR, out))
        return arg_err(f, 0, "cannot convert %s to string", ty_kind_name(v)), TF_CALL_ERROR;
    return TF_CALL_OK;
}

static int fn_tonumber(fcall *f, hv *out) {
    const hv *v = &f->args[0];
    if (v->kind == HV_BOOL || is_seq(v) || v->kind == HV_OBJECT)
        return arg_err(f, 0, "cannot convert %s to number", ty_kind_name(v)), TF_CALL_ERROR;
    if (!to_primitive(f, v, TY_NUM, out)) return arg_err_from_last(f, 0), TF_CALL_ERROR;
    return TF_CALL_OK;
}

static int fn_tobool(fcall *f, hv *out) {
    const hv *v = &f->args[0];
    if (v->kind == HV_NUMBER || is_seq(v) || v->kind == HV_OBJECT)
        return arg_err(f, 0, "cannot convert %s to bool", ty_kind_name(v)), TF_CALL_ERROR;
    if (!to_primitive(f, v, TY_BOOL, out)) return arg_err_from_last(f, 0), TF_CALL_ERROR;
    return TF_CALL_OK;
}

static int fn_tolist(fcall *f, hv *out) {
    const hv *v = &f->args[0];
    if (v->kind == HV_NULL) return *out = *v, TF_CALL_OK;
    if (v->kind == HV_UNKNOWN || (v->kind == HV_SET && unknown_in(v)))
        return unknown_result(f, out);
    if (!is_seq(v))
        return arg_err(f, 0, "cannot convert %s to list of any single type", ty_kind_name(v)),
               TF_CALL_ERROR;
    hv *items;
    uint32_t n;
    int rc = arg_any_list(f, 0, "list", &items, &n);
    if (rc == -2) return unknown_result(f, out);
    if (rc != TF_CALL_OK)
        return arg_err(f, 0, "cannot convert %s to list of any single type", ty_kind_name(v)),
               TF_CALL_ERROR;
    hv *res;
    if (!new_tuple(f, n, &res, out)) return TF_CALL_ERROR;
    if (n) memcpy(res, items, n * sizeof *res);
    return TF_CALL_OK;
}

static int fn_toset(fcall *f, hv *out) {
    const hv *v = &f->args[0];
    if (v->kind == HV_NULL) return *out = *v, TF_CALL_OK;
    if (!is_seq(v))
        return arg_err(f, 0, "cannot convert %s to set of any single type", ty_kind_name(v)),
               TF_CALL_ERROR;
    hv *items;
    uint32_t n;
    int rc = arg_any_list(f, 0, "list", &items, &n);
    if (rc == -2) return unknown_result(f, out);
    if (rc != TF_CALL_OK)
        return arg_err(f, 0, "cannot convert %s to set of any single type", ty_kind_name(v)),
               TF_CALL_ERROR;
    return new_set(f, items, n, out) ? TF_CALL_OK : TF_CALL_ERROR;
}

static int fn_tomap(fcall *f, hv *out) {
    const hv *v = &f->args[0];
    if (v->kind == HV_NULL) return *out = *v, TF_CALL_OK;
    if (!shape_known(v)) return unknown_result(f, out);
    if (v->kind != HV_OBJECT)
        return arg_err(f, 0, "cannot convert %s to map of any single type", ty_kind_name(v)),
               TF_CALL_ERROR;
    const hv **src = scratch(f, v->n, sizeof *src);
    hv *conv = scratch(f, v->n, sizeof *conv);
    if (!src || !conv) return TF_CALL_ERROR;
    for (uint32_t i = 0; i < v->n; i++) src[i] = &v->u.pairs[i].val;
    int st = unify_items(f, src, v->n, conv);
    if (st == U_AMBIG) return unknown_result(f, out);
    if (st == U_FAIL)
        return arg_err(f, 0, "cannot convert object to map of any single type"), TF_CALL_ERROR;
    if (st == U_ERROR) return TF_CALL_ERROR;
    hv_pair *pairs = scratch(f, v->n, sizeof *pairs);
    if (!pairs) return TF_CALL_ERROR;
    for (uint32_t i = 0; i < v->n; i++)
        pairs[i] = (hv_pair){v->u.pairs[i].key, v->u.pairs[i].klen, conv[i]};
    return new_object(f, pairs, v->n, out) ? TF_CALL_OK : TF_CALL_ERROR;
}

static int fn_sensitive(fcall *f, hv *out) {
    *out = f->args[0]; /* tenken does not track sensitivity */
    return TF_CALL_OK;
}

static int fn_always_unknown(fcall *f, hv *out) {
    return unknown_result(f, out);
}

/* ---- base64 and URL encoding ---- */

static const char B64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static void b64_encode(const unsigned char *s, size_t n, sbuf *b) {
    for (size_t i = 0; i < n; i += 3) {
        uint32_t v = (uint32_t)s[i] << 16;
        if (i + 1 < n) v |= (uint32_t)s[i + 1] << 8;
        if (i + 2 < n) v |= s[i + 2];
        char q[4] = {B64[v >> 18 & 63], B64[v >> 12 & 63], i + 1 < n ? B64[v >> 6 & 63] : '=',
                     i + 2 < n ? B64[v & 63] : '='};
        sb_add(b, q, 4);
    }
}

static int b64_value(char c) {
    const char *p = c ? strchr(B64, c) : NULL;
    return p ? (int)(p - B64) : -1;
}

/* Go's base64.StdEncoding: padding required, CR and LF ignored. Returns false with the
 * offset of the first bad character. */
static bool b64_decode(const char *s, size_t n, sbuf *out, size_t *bad) {
    int quad[4], k = 0, pad = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '\r' || c == '\n') continue;
        if (pad) { /* only padding may follow padding, up to the end of the quantum */
            if (c != '=' || k == 0) return *bad = i, false;
        }
        if (c == '=') {
            if (k < 2) return *bad = i, false;
            pad++;
            quad[k++] = 0;
        } else {
            int v = b64_value(c);
            if (v < 0) return *bad = i, false;
            quad[k++] = v;
        }
        if (k == 4) {
            unsigned char o[3] = {(unsigned char)(quad[0] << 2 | quad[1] >> 4),
                                  (unsigned char)(quad[1] << 4 | quad[2] >> 2),
                                  (unsigned char)(quad[2] << 6 | quad[3])};
            sb_add(out, o, (size_t)(3 - pad));
            k = 0;
            if (pad) {
                /* nothing but line breaks may follow */
                for (size_t j = i + 1; j < n; j++)
                    if (s[j] != '\r' && s[j] != '\n') return *bad = j, false;
                return true;
            }
        }
    }
    if (k) return *bad = n, false;
    return true;
}

static int fn_base64encode(fcall *f, hv *out) {
    const char *s;
    size_t n;
    if (!arg_string(f, 0, &s, &n)) return TF_CALL_ERROR;
    sbuf b;
    sb_init(&b, f);
    b64_encode((const unsigned char *)s, n, &b);
    return sb_finish(f, &b, out);
}

static int fn_base64decode(fcall *f, hv *out) {
    const char *s;
    size_t n, bad;
    if (!arg_string(f, 0, &s, &n)) return TF_CALL_ERROR;
    sbuf b;
    sb_init(&b, f);
    if (!b64_decode(s, n, &b, &bad)) {
        sb_free(&b);
        return fail(f, "failed to decode base64 data \"%.*s\"", SHOW(s, n));
    }
    if (!valid_utf8(b.p ? b.p : "", b.len)) {
        sb_free(&b);
        return fail(f, "the result of decoding the provided string is not valid UTF-8");
    }
    return sb_finish(f, &b, out);
}

/* Whether name is an IANA name for UTF-8 (the only encoding tenken converts). */
static bool is_utf8_name(const char *s, size_t n) {
    return (n == 5 && !strncasecmp(s, "UTF-8", 5)) || (n == 6 && !strncasecmp(s, "csUTF8", 6));
}

static int fn_textencodebase64(fcall *f, hv *out) {
    const char *s, *enc;
    size_t n, en;
    if (!arg_string(f, 0, &s, &n) || !arg_string(f, 1, &enc, &en)) return TF_CALL_ERROR;
    if (!is_utf8_name(enc, en)) return unknown_result(f, out); /* other encodings: not here */
    sbuf b;
    sb_init(&b, f);
    b64_encode((const unsigned char *)s, n, &b);
    return sb_finish(f, &b, out);
}

static int fn_textdecodebase64(fcall *f, hv *out) {
    const char *s, *enc;
    size_t n, en, bad;
    if (!arg_string(f, 0, &s, &n) || !arg_string(f, 1, &enc, &en)) return TF_CALL_ERROR;
    if (!is_utf8_name(enc, en)) return unknown_result(f, out);
    sbuf b;
    sb_init(&b, f);
    if (!b64_decode(s, n, &b, &bad)) {
        sb_free(&b);
        return arg_err(f, 0, "the given value is has an invalid base64 symbol at offset %zu", bad),
               TF_CALL_ERROR;
    }
    /* Invalid sequences (and U+FFFD itself) are symbols UTF-8 does not define. */
    if (!valid_utf8(b.p ? b.p : "", b.len) ||
        find_bytes(b.p ? b.p : "", b.len, "\xEF\xBF\xBD", 3)) {
        sb_free(&b);
        return arg_err(f, 0, "the given string contains symbols that are not defined for UTF-8"),
               TF_CALL_ERROR;
    }
    return sb_finish(f, &b, out);
}

static int fn_urlencode(fcall *f, hv *out) {
    const char *s;
    size_t n;
    if (!arg_string(f, 0, &s, &n)) return TF_CALL_ERROR;
    sbuf b;
    sb_init(&b, f);
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (is_alnum_ascii(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            sb_addc(&b, c);
        } else if (c == ' ') {
            sb_addc(&b, '+');
        } else {
            char tmp[4];
            snprintf(tmp, sizeof tmp, "%%%02X", (unsigned char)c);
            sb_add(&b, tmp, 3);
        }
    }
    return sb_finish(f, &b, out);
}

/* ---- JSON ---- */

/* A string the way Go's encoding/json writes it (HTML-safe). */
static void json_string(const char *s, size_t n, sbuf *b) {
    static const char hex[] = "0123456789abcdef";
    sb_addc(b, '"');
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80) {
            uint32_t cp;
            size_t l = utf8_at(s, n, i, &cp);
            if (cp == 0x2028 || cp == 0x2029)
                sb_adds(b, cp == 0x2028 ? "\\u2028" : "\\u2029");
            else if (cp == 0xFFFD && l == 1)
                sb_adds(b, "\\ufffd");
            else
                sb_add(b, s + i, l);
            i += l;
            continue;
        }
        i++;
        switch (c) {
        case '"': sb_adds(b, "\\\""); break;
        case '\\': sb_adds(b, "\\\\"); break;
        case '\n': sb_adds(b, "\\n"); break;
        case '\r': sb_adds(b, "\\r"); break;
        case '\t': sb_adds(b, "\\t"); break;
        case '\b': sb_adds(b, "\\b"); break;
        case '\f': sb_adds(b, "\\f"); break;
        default:
            if (c < 0x20 || c == '<' || c == '>' || c == '&') {
                char e[7] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15], 0};
                sb_adds(b, e);
            } else {
                sb_addc(b, (char)c);
            }
        }
    }
    sb_addc(b, '"');
}

/* Whether Terraform would order this set's elements the way hv does (strings, numbers and
 * bools: yes; other element types follow cty's internal hashing). */
static bool set_order_known(const hv *v) {
    if (v->n < 2) return true;
    for (uint32_t i = 0; i < v->n; i++) {
        uint8_t k = v->u.items[i].kind;
        if (k != HV_STRING && k != HV_NUMBER && k != HV_BOOL && k != HV_NULL) return false;
    }
    return true;
}

static bool json_write(fcall *f, const hv *v, sbuf *b, int depth) {
    if (depth > MAX_DEPTH * 4) return too_deep(f);
    switch (v->kind) {
    case HV_NULL: sb_adds(b, "null"); return true;
    case HV_BOOL: sb_adds(b, v->u.b ? "true" : "false"); return true;
    case HV_NUMBER: {
        if (isinf(v->u.num)) return err_set(f, "cannot serialize infinity as JSON");
        char buf[400];
        sb_add(b, buf, num_text_checked(f, v->u.num, buf, sizeof buf));
        return true;
    }
    case HV_STRING: json_string(v->u.s, v->n, b); return true;
    case HV_TUPLE:
    case HV_SET:
        if (v->kind == HV_SET && !set_order_known(v)) ambiguous(f);
        sb_addc(b, '[');
        for (uint32_t i = 0; i < v->n; i++) {
            if (i) sb_addc(b, ',');
            if (!json_write(f, &v->u.items[i], b, depth + 1)) return false;
        }
        sb_addc(b, ']');
        return true;
    case HV_OBJECT:
        if (v->flags & HVF_RESOURCE) ambiguous(f);
        sb_addc(b, '{');
        for (uint32_t i = 0; i < v->n; i++) {
            if (i) sb_addc(b, ',');
            json_string(v->u.pairs[i].key, v->u.pairs[i].klen, b);
            sb_addc(b, ':');
            if (!json_write(f, &v->u.pairs[i].val, b, depth + 1)) return false;
        }
        sb_addc(b, '}');
        return true;
    default: ambiguous(f); return true;
    }
}

static int fn_jsonencode(fcall *f, hv *out) {
    sbuf b;
    sb_init(&b, f);
    if (!json_write(f, &f->args[0], &b, 0)) return sb_free(&b), TF_CALL_ERROR;
    return sb_finish(f, &b, out);
}

typedef struct jparser {
    fcall *f;
    const char *s;
    size_t n, i, nodes;
} jparser;

static void json_ws(jparser *p) {
    while (p->i < p->n && strchr(" \t\n\r", p->s[p->i]) && p->s[p->i]) p->i++;
}

static bool json_fail(jparser *p, const char *what) {
    if (p->i >= p->n) return err_set(p->f, "unexpected end of JSON input");
    char ct[16];
    char_text(p->s[p->i], ct, sizeof ct);
    return err_set(p->f, "invalid character %s %s (at offset %zu)", ct, what, p->i);
}

static int hex4(const char *s) {
    int v = 0;
    for (int k = 0; k < 4; k++) {
        int d = digit_value(s[k], 16);
        if (d < 0 || (s[k] >= 'G' && s[k] <= 'Z')) return -1;
        v = v * 16 + d;
    }
    return v;
}

static bool json_parse_string(jparser *p, hv *out) {
    sbuf b;
    sb_init(&b, p->f);
    p->i++; /* the quote */
    for (;;) {
        if (p->i >= p->n) return sb_free(&b), json_fail(p, "");
        unsigned char c = (unsigned char)p->s[p->i];
        if (c == '"') break;
        if (c < 0x20) return sb_free(&b), json_fail(p, "in string literal");
        if (c != '\\') {
            size_t l = c < 0x80 ? 1 : tk_utf8_seq((const unsigned char *)p->s + p->i, p->n - p->i);
            if (!l) {
                sb_adds(&b, "\xEF\xBF\xBD");
                p->i++;
            } else {
                sb_add(&b, p->s + p->i, l);
                p->i += l;
            }
            continue;
        }
        if (++p->i >= p->n) return sb_free(&b), json_fail(p, "");
        char e = p->s[p->i++];
        switch (e) {
        case '"': sb_addc(&b, '"'); break;
        case '\\': sb_addc(&b, '\\'); break;
        case '/': sb_addc(&b, '/'); break;
        case 'b': sb_addc(&b, '\b'); break;
        case 'f': sb_addc(&b, '\f'); break;
        case 'n': sb_addc(&b, '\n'); break;
        case 'r': sb_addc(&b, '\r'); break;
        case 't': sb_addc(&b, '\t'); break;
        case 'u': {
            int u = p->i + 4 <= p->n ? hex4(p->s + p->i) : -1;
            if (u < 0) return sb_free(&b), json_fail(p, "in \\u hexadecimal character escape");
            p->i += 4;
            uint32_t cp = (uint32_t)u;
            if (cp >= 0xD800 && cp < 0xDC00 && p->i + 6 <= p->n && p->s[p->i] == '\\' &&
                p->s[p->i + 1] == 'u') {
                int lo = hex4(p->s + p->i + 2);
                if (lo >= 0xDC00 && lo < 0xE000) {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + ((uint32_t)lo - 0xDC00);
                    p->i += 6;
                }
            }
            if (cp >= 0xD800 && cp < 0xE000) cp = 0xFFFD;
            sb_add_cp(&b, cp);
            break;
        }
        default: p->i--; return sb_free(&b), json_fail(p, "in string escape code");
        }
    }
    p->i++;
    return sb_take(p->f, &b, out);
}

/* A decimal number (syntax already checked) as a double; more than 15 significant digits,
 * or beyond a double's range, is more than tenken holds exactly: the call is ambiguous. */
static bool decimal_value(fcall *f, const char *s, size_t n, hv *out) {
    char tmp[64];
    char *buf = n < sizeof tmp ? tmp : scratch(f, n + 1, 1);
    if (!buf) return false;
    memcpy(buf, s, n);
    buf[n] = 0;
    double d = strtod(buf, NULL);
    size_t digits = 0, zeros = 0;
    bool seen = false;
    for (size_t k = 0; k < n && s[k] != 'e' && s[k] != 'E'; k++) {
        if (s[k] < '0' || s[k] > '9') continue;
        if (s[k] == '0') {
            if (seen) zeros++;
            continue;
        }
        digits += seen ? zeros + 1 : 1;
        zeros = 0;
        seen = true;
    }
    if (digits > 15 || !isfinite(d)) ambiguous(f);
    *out = hv_num(d);
    return true;
}

static bool json_parse_number(jparser *p, hv *out) {
    size_t start = p->i, i = p->i;
    const char *s = p->s;
    if (i < p->n && s[i] == '-') i++;
    if (i >= p->n || s[i] < '0' || s[i] > '9') return p->i = i, json_fail(p, "in numeric literal");
    if (s[i] == '0')
        i++;
    else
        while (i < p->n && s[i] >= '0' && s[i] <= '9') i++;
    if (i < p->n && s[i] == '.') {
        i++;
        if (i >= p->n || s[i] < '0' || s[i] > '9')
            return p->i = i, json_fail(p, "after decimal point in numeric literal");
        while (i < p->n && s[i] >= '0' && s[i] <= '9') i++;
    }
    if (i < p->n && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        if (i < p->n && (s[i] == '+' || s[i] == '-')) i++;
        if (i >= p->n || s[i] < '0' || s[i] > '9')
            return p->i = i, json_fail(p, "in exponent of numeric literal");
        while (i < p->n && s[i] >= '0' && s[i] <= '9') i++;
    }
    p->i = i;
    return decimal_value(p->f, s + start, i - start, out);
}

static bool json_parse_value(jparser *p, hv *out, int depth);

static bool json_grow(fcall *f, void **items, size_t *cap, size_t n, size_t size) {
    if (n < *cap) return true;
    size_t nc = *cap ? *cap * 2 : 8;
    void *g = realloc(*items, nc * size);
    if (!g) return err_set(f, "out of memory");
    *items = g;
    *cap = nc;
    return true;
}

static bool json_parse_array(jparser *p, hv *out, int depth) {
    hv *items = NULL;
    size_t n = 0, cap = 0;
    p->i++;
    json_ws(p);
    bool ok = true;
    if (p->i < p->n && p->s[p->i] == ']') {
        p->i++;
    } else {
        for (;;) {
            if (!(ok = json_grow(p->f, (void **)&items, &cap, n, sizeof *items))) break;
            if (!(ok = json_parse_value(p, &items[n], depth + 1))) break;
            n++;
            json_ws(p);
            if (p->i < p->n && p->s[p->i] == ',') {
                p->i++;
                continue;
            }
            if (p->i < p->n && p->s[p->i] == ']') {
                p->i++;
                break;
            }
            ok = json_fail(p, "after array element");
            break;
        }
    }
    hv *dst;
    if (ok) ok = new_tuple(p->f, n, &dst, out);
    if (ok && n) memcpy(dst, items, n * sizeof *dst);
    free(items);
    return ok;
}

static bool json_parse_object(jparser *p, hv *out, int depth) {
    hv_pair *pairs = NULL;
    size_t n = 0, cap = 0;
    p->i++;
    json_ws(p);
    bool ok = true;
    if (p->i < p->n && p->s[p->i] == '}') {
        p->i++;
    } else {
        for (;;) {
            json_ws(p);
            if (p->i >= p->n || p->s[p->i] != '"') {
                ok = json_fail(p, "looking for beginning of object key string");
                break;
            }
            hv key;
            if (!(ok = json_parse_string(p, &key))) break;
            json_ws(p);
            if (p->i >= p->n || p->s[p->i] != ':') {
                ok = json_fail(p, "after object key");
                break;
            }
            p->i++;
            if (!(ok = json_grow(p->f, (void **)&pairs, &cap, n, sizeof *pairs))) break;
            pairs[n].key = key.u.s;
            pairs[n].klen = key.n;
            if (!(ok = json_parse_value(p, &pairs[n].val, depth + 1))) break;
            n++;
            json_ws(p);
            if (p->i < p->n && p->s[p->i] == ',') {
                p->i++;
                continue;
            }
            if (p->i < p->n && p->s[p->i] == '}') {
                p->i++;
                break;
            }
            ok = json_fail(p, "after object key:value pair");
            break;
        }
    }
    if (ok) ok = new_object(p->f, pairs, n, out);
    free(pairs);
    return ok;
}

static bool json_literal(jparser *p, const char *word, hv v, hv *out) {
    size_t l = strlen(word);
    for (size_t k = 0; k < l; k++, p->i++)
        if (p->i >= p->n || p->s[p->i] != word[k]) return json_fail(p, "in literal");
    *out = v;
    return true;
}

static bool json_parse_value(jparser *p, hv *out, int depth) {
    if (depth > 1000) { /* Terraform goes deeper; tenken does not follow */
        ambiguous(p->f);
        return err_set(p->f, "JSON nested too deeply");
    }
    if (++p->nodes > max_items(p->f->c)) return check_items(p->f, SIZE_MAX);
    json_ws(p);
    if (p->i >= p->n) return json_fail(p, "");
    switch (p->s[p->i]) {
    case '{': return json_parse_object(p, out, depth);
    case '[': return json_parse_array(p, out, depth);
    case '"': return json_parse_string(p, out);
    case 't': return json_literal(p, "true", hv_bool(true), out);
    case 'f': return json_literal(p, "false", hv_bool(false), out);
    case 'n': return json_literal(p, "null", hv_null(), out);
    default:
        if (p->s[p->i] == '-' || (p->s[p->i] >= '0' && p->s[p->i] <= '9'))
            return json_parse_number(p, out);
        return json_fail(p, "looking for beginning of value");
    }
}

static int fn_jsondecode(fcall *f, hv *out) {
    const char *s;
    size_t n;
    if (!arg_string(f, 0, &s, &n)) return TF_CALL_ERROR;
    jparser p = {f, s, n, 0, 0};
    if (!json_parse_value(&p, out, 0)) return TF_CALL_ERROR;
    json_ws(&p);
    if (p.i < n) return fail(f, "extraneous data after JSON object");
    return TF_CALL_OK;
}

/* ---- CSV (Go's encoding/csv with its defaults) ---- */

typedef struct csvr {
    fcall *f;
    const char *s;
    size_t n, i;
    size_t line;
} csvr;

/* Reads one record into fields (strings); false at the end of input (*err false) or on a
 * parse error (*err true, message set). */
static bool csv_record(csvr *r, hv **fields, size_t *nf, bool *err) {
    *err = false;
    /* skip empty lines */
    while (r->i < r->n && (r->s[r->i] == '\n' ||
                           (r->s[r->i] == '\r' && r->i + 1 < r->n && r->s[r->i + 1] == '\n'))) {
        r->i += r->s[r->i] == '\r' ? 2 : 1;
        r->line++;
    }
    if (r->i >= r->n) return false;
    size_t cap = 0;
    *nf = 0;
    *fields = NULL;
    for (;;) {
        sbuf b;
        sb_init(&b, r->f);
        if (r->i < r->n && r->s[r->i] == '"') {
            r->i++;
            for (;;) {
                if (r->i >= r->n) {
                    sb_free(&b);
                    *err = true;
                    return err_set(r->f,
                                   "CSV parse error on line %zu: extraneous or missing \" in "
                                   "quoted-field",
                                   r->line);
                }
                char c = r->s[r->i];
                if (c == '"') {
                    if (r->i + 1 < r->n && r->s[r->i + 1] == '"') {
                        sb_addc(&b, '"');
                        r->i += 2;
                        continue;
                    }
                    r->i++;
                    if (r->i < r->n && r->s[r->i] != ',' && r->s[r->i] != '\n' &&
                        !(r->s[r->i] == '\r' && r->i + 1 < r->n && r->s[r->i + 1] == '\n') &&
                        !(r->s[r->i] == '\r' && r->i + 1 == r->n)) {
                        sb_free(&b);
                        *err = true;
                        return err_set(r->f,
                                       "CSV parse error on line %zu: extraneous or missing "
                                       "\" in quoted-field",
                                       r->line);
                    }
                    break;
                }
                if (c == '\r' && r->i + 1 < r->n && r->s[r->i + 1] == '\n') {
                    sb_addc(&b, '\n');
                    r->i += 2;
                    r->line++;
                    continue;
                }
                if (c == '\n') r->line++;
                sb_addc(&b, c);
                r->i++;
            }
        } else {
            while (r->i < r->n && r->s[r->i] != ',' && r->s[r->i] != '\n' &&
                   !(r->s[r->i] == '\r' && (r->i + 1 == r->n || r->s[r->i + 1] == '\n'))) {
                if (r->s[r->i] == '"') {
                    sb_free(&b);
                    *err = true;
                    return err_set(r->f, "CSV parse error on line %zu: bare \" in non-quoted-field",
                                   r->line);
                }
                sb_addc(&b, r->s[r->i++]);
            }
        }
        if (!json_grow(r->f, (void **)fields, &cap, *nf, sizeof **fields)) {
            sb_free(&b);
            *err = true;
            return false;
        }
        if (!sb_take(r->f, &b, &(*fields)[(*nf)++])) {
            *err = true;
            return false;
        }
        if (r->i < r->n && r->s[r->i] == ',') {
            r->i++;
            continue;
        }
        /* end of record */
        if (r->i < r->n && r->s[r->i] == '\r') r->i++;
        if (r->i < r->n && r->s[r->i] == '\n') r->i++;
        r->line++;
        return true;
    }
}

static int fn_csvdecode(fcall *f, hv *out) {
    const char *s;
    size_t n;
    if (!arg_string(f, 0, &s, &n)) return TF_CALL_ERROR;
    csvr r = {f, s, n, 0, 1};
    hv *head = NULL, *row = NULL;
    size_t nh = 0, nr = 0, nrows = 0, cap = 0;
    hv *rows = NULL;
    bool err;
    int rc = TF_CALL_ERROR;
    if (!csv_record(&r, &head, &nh, &err)) {
        if (!err) fail(f, "missing header line");
        goto done;
    }
    for (size_t a = 0; a < nh; a++)
        for (size_t b = a + 1; b < nh; b++)
            if (hv_equal(&head[a], &head[b]) == 1) {
                fail(f, "duplicate column name \"%.*s\"", SHOW(head[a].u.s, head[a].n));
                goto done;
            }
    for (;;) {
        size_t line = r.line;
        free(row);
        row = NULL;
        if (!csv_record(&r, &row, &nr, &err)) {
            if (err) goto done;
            break;
        }
        if (nr != nh) {
            fail(f, "CSV parse error on line %zu: wrong number of fields", line);
            goto done;
        }
        hv_pair *pairs = scratch(f, nh, sizeof *pairs);
        if (!pairs || !json_grow(f, (void **)&rows, &cap, nrows, sizeof *rows) ||
            !check_items(f, (nrows + 1) * (nh + 1)))
            goto done;
        for (size_t k = 0; k < nh; k++) pairs[k] = (hv_pair){head[k].u.s, head[k].n, row[k]};
        if (!new_object(f, pairs, nh, &rows[nrows++])) goto done;
    }
    hv *items;
    if (new_tuple(f, nrows, &items, out)) {
        if (nrows) memcpy(items, rows, nrows * sizeof *items);
        rc = TF_CALL_OK;
    }
done:
    free(head);
    free(row);
    free(rows);
    return rc;
}

/* ---- YAML ----
 *
 * yamldecode reads one document with libyaml's event parser and resolves plain scalars
 * the way Terraform's YAML library does (YAML 1.1 booleans such as yes/no/on/off, decimal,
 * 0x and 0o numbers, timestamps as RFC 3339 strings, merge keys). Aliases share the
 * anchored value; their total expanded size is bounded. yamlencode drives libyaml's
 * emitter with the settings Terraform's library uses, so the text is the same. */

typedef struct yanchor {
    char *name;
    hv val;
    size_t size; /* nodes in val */
    bool done;
} yanchor;

typedef struct ydec {
    fcall *f;
    yaml_parser_t p;
    yanchor *anchors;
    size_t n_anchors, cap_anchors;
    size_t budget, nodes;
} ydec;

static bool ydec_fail_parser(ydec *y) {
    return err_set(y->f, "on line %zu, column %zu: %s", y->p.problem_mark.line + 1,
                   y->p.problem_mark.column + 1, y->p.problem ? y->p.problem : "syntax error");
}

static bool ydec_fail(ydec *y, const yaml_event_t *ev, const char *msg) {
    return err_set(y->f, "on line %zu, column %zu: %s", ev->start_mark.line + 1,
                   ev->start_mark.column + 1, msg);
}

static size_t hv_size(const hv *v) {
    size_t n = 1;
    if (is_seq(v))
        for (uint32_t i = 0; i < v->n; i++) n += hv_size(&v->u.items[i]);
    else if (v->kind == HV_OBJECT)
        for (uint32_t i = 0; i < v->n; i++) n += hv_size(&v->u.pairs[i].val);
    return n;
}

static bool ydec_begin_anchor(ydec *y, const unsigned char *name) {
    if (!name) return true;
    if (!json_grow(y->f, (void **)&y->anchors, &y->cap_anchors, y->n_anchors, sizeof *y->anchors))
        return false;
    char *copy = strdup((const char *)name);
    if (!copy) return err_set(y->f, "out of memory");
    y->anchors[y->n_anchors++] = (yanchor){copy, hv_null(), 0, false};
    return true;
}

static void ydec_end_anchor(ydec *y, const unsigned char *name, const hv *v) {
    if (!name) return;
    for (size_t i = y->n_anchors; i-- > 0;)
        if (!y->anchors[i].done && !strcmp(y->anchors[i].name, (const char *)name)) {
            y->anchors[i].val = *v;
            y->anchors[i].size = hv_size(v);
            y->anchors[i].done = true;
            return;
        }
}

static bool is_digits(const char *s, size_t n, int base) {
    if (!n) return false;
    for (size_t i = 0; i < n; i++)
        if (digit_value(s[i], base) < 0 || (base <= 16 && s[i] >= 'G' && s[i] <= 'Z') ||
            (base <= 16 && s[i] >= 'g' && s[i] <= 'z'))
            return false;
    return true;
}

/* Go's time.Parse for the YAML timestamp forms: 2006-1-2, 2006-1-2T15:4:5.999999999Z07:00
 * (T or t), 2006-1-2 15:4:5.999999999. On success writes the RFC 3339 text. */
static bool yaml_timestamp(const char *s, size_t n, char *out, size_t cap);

/* Decimal number in YAML's float syntax: [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)? */
static bool yaml_float_syntax(const char *s, size_t n) {
    size_t i = 0, d = 0;
    if (i < n && (s[i] == '-' || s[i] == '+')) i++;
    if (i < n && s[i] == '.') {
        i++;
        while (i < n && s[i] >= '0' && s[i] <= '9') i++, d++;
        if (!d) return false;
    } else {
        while (i < n && s[i] >= '0' && s[i] <= '9') i++, d++;
        if (!d) return false;
        if (i < n && s[i] == '.') {
            i++;
            while (i < n && s[i] >= '0' && s[i] <= '9') i++;
        }
    }
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        if (i < n && (s[i] == '-' || s[i] == '+')) i++;
        size_t e = 0;
        while (i < n && s[i] >= '0' && s[i] <= '9') i++, e++;
        if (!e) return false;
    }
    return i == n;
}

/* A plain scalar without a tag, resolved like Terraform's YAML library. */
static bool yaml_resolve_plain(ydec *y, const yaml_event_t *ev, const char *s, size_t n, hv *out) {
    static const char *const trues[] = {"y",    "Y",    "yes", "Yes", "YES", "true",
                                        "True", "TRUE", "on",  "On",  "ON"};
    static const char *const falses[] = {"n",     "N",     "no",  "No",  "NO", "false",
                                         "False", "FALSE", "off", "Off", "OFF"};
    static const char *const nulls[] = {"", "~", "null", "Null", "NULL"};
    for (size_t i = 0; i < sizeof trues / sizeof *trues; i++)
        if (strlen(trues[i]) == n && !memcmp(trues[i], s, n)) return *out = hv_bool(true), true;
    for (size_t i = 0; i < sizeof falses / sizeof *falses; i++)
        if (strlen(falses[i]) == n && !memcmp(falses[i], s, n)) return *out = hv_bool(false), true;
    for (size_t i = 0; i < sizeof nulls / sizeof *nulls; i++)
        if (strlen(nulls[i]) == n && !memcmp(nulls[i], s, n)) return *out = hv_null(), true;
    static const char *const infs[] = {".inf",  ".Inf",  ".INF",  "+.inf", "+.Inf",
                                       "+.INF", "-.inf", "-.Inf", "-.INF"};
    for (size_t i = 0; i < sizeof infs / sizeof *infs; i++)
        if (strlen(infs[i]) == n && !memcmp(infs[i], s, n))
            return *out = hv_num(s[0] == '-' ? -INFINITY : INFINITY), true;
    if (n == 4 && (!memcmp(s, ".nan", 4) || !memcmp(s, ".NaN", 4) || !memcmp(s, ".NAN", 4)))
        return ydec_fail(y, ev, "floating point NaN is not supported");
    char ts[64];
    if (n >= 5 && yaml_timestamp(s, n, ts, sizeof ts)) return new_str(y->f, ts, strlen(ts), out);
    if (yaml_float_syntax(s, n)) return decimal_value(y->f, s, n, out);
    if (n > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'o') &&
        is_digits(s + 2, n - 2, s[1] == 'x' ? 16 : 8)) {
        double v = 0;
        for (size_t i = 2; i < n; i++) v = v * (s[1] == 'x' ? 16 : 8) + digit_value(s[i], 16);
        if (v > 9007199254740992.0) ambiguous(y->f);
        if (v >= 18446744073709551616.0) return new_str(y->f, s, n, out); /* not an int64 */
        return *out = hv_num(v), true;
    }
    return new_str(y->f, s, n, out);
}

static bool yaml_scalar(ydec *y, const yaml_event_t *ev, hv *out) {
    const char *s = (const char *)ev->data.scalar.value;
    size_t n = ev->data.scalar.length;
    const char *tag = (const char *)ev->data.scalar.tag;
    bool plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
    static const char P[] = "tag:yaml.org,2002:";
    const char *t = tag && !strncmp(tag, P, sizeof P - 1) ? tag + sizeof P - 1 : NULL;
    if (tag && !t) {
        char msg[200];
        snprintf(msg, sizeof msg, "unsupported tag \"%s\"", tag);
        return ydec_fail(y, ev, msg);
    }
    if (!tag) return plain ? yaml_resolve_plain(y, ev, s, n, out) : new_str(y->f, s, n, out);
    if (!strcmp(t, "str")) return new_str(y->f, s, n, out);
    if (!plain) ambiguous(y->f); /* a quoted scalar with an explicit type tag */
    if (!strcmp(t, "null")) return *out = hv_null(), true;
    if (!strcmp(t, "binary")) {
        sbuf b;
        sb_init(&b, y->f);
        size_t bad;
        bool ok = b64_decode(s, n, &b, &bad);
        sb_free(&b);
        if (!ok) return ydec_fail(y, ev, "cannot parse !!binary value: not valid base64");
        return new_str(y->f, s, n, out);
    }
    if (!strcmp(t, "bool") || !strcmp(t, "int") || !strcmp(t, "float") || !strcmp(t, "timestamp")) {
        if (!yaml_resolve_plain(y, ev, s, n, out)) return false;
        bool want_bool = !strcmp(t, "bool"), want_ts = !strcmp(t, "timestamp");
        bool fits =
            want_bool ? out->kind == HV_BOOL
            : want_ts ? out->kind == HV_STRING && n >= 5 && yaml_timestamp(s, n, (char[64]){0}, 64)
                      : out->kind == HV_NUMBER;
        if (!fits) {
            if (!want_bool && !want_ts) {
                ambiguous(y->f); /* Go accepts more integer forms under an explicit tag */
                return true;
            }
            char msg[200];
            snprintf(msg, sizeof msg, "cannot parse \"%.*s\" as !!%s", SHOW(s, n), t);
            return ydec_fail(y, ev, msg);
        }
        return true;
    }
    char msg[200];
    snprintf(msg, sizeof msg, "unsupported tag \"!!%s\"", t);
    return ydec_fail(y, ev, msg);
}

static bool yaml_value(ydec *y, yaml_event_t *ev, hv *out, int depth);

static bool yaml_next(ydec *y, yaml_event_t *ev) {
    if (!yaml_parser_parse(&y->p, ev)) return ydec_fail_parser(y);
    return true;
}

static bool yaml_mapping(ydec *y, yaml_event_t *start, hv *out, int depth) {
    const unsigned char *anchor = start->data.mapping_start.anchor;
    const char *tag = (const char *)start->data.mapping_start.tag;
    if (tag && strcmp(tag, "tag:yaml.org,2002:map"))
        return ydec_fail(y, start, "unsupported tag on a mapping");
    if (!ydec_begin_anchor(y, anchor)) return false;
    hv_pair *pairs = NULL;
    size_t n = 0, cap = 0;
    bool ok = true;
    for (;;) {
        yaml_event_t kev;
        if (!(ok = yaml_next(y, &kev))) break;
        if (kev.type == YAML_MAPPING_END_EVENT) {
            yaml_event_delete(&kev);
            break;
        }
        if (kev.type != YAML_SCALAR_EVENT) {
            ok = ydec_fail(y, &kev, "only strings are allowed as mapping keys");
            yaml_event_delete(&kev);
            break;
        }
        bool merge = kev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE && !kev.data.scalar.tag &&
                     kev.data.scalar.length == 2 && !memcmp(kev.data.scalar.value, "<<", 2);
        hv key = hv_null(), kstr = hv_null();
        if (!merge) {
            ok = yaml_scalar(y, &kev, &key) && to_primitive(y->f, &key, TY_STR, &kstr);
            if (ok && kstr.kind != HV_STRING)
                ok = ydec_fail(y, &kev,
                               kstr.kind == HV_NULL ? "mapping key cannot be null"
                                                    : "only strings are allowed as mapping keys");
        }
        yaml_event_delete(&kev);
        if (!ok) break;
        yaml_event_t vev;
        hv val;
        if (!(ok = yaml_next(y, &vev))) break;
        ok = yaml_value(y, &vev, &val, depth + 1);
        if (ok && merge && val.kind != HV_OBJECT) {
            char msg[80];
            snprintf(msg, sizeof msg, "cannot merge %s into mapping", ty_kind_name(&val));
            ok = ydec_fail(y, &vev, msg);
        }
        yaml_event_delete(&vev);
        if (!ok) break;
        size_t add = merge ? val.n : 1;
        for (size_t k = 0; k < add && ok; k++) {
            if (!(ok = json_grow(y->f, (void **)&pairs, &cap, n, sizeof *pairs))) break;
            pairs[n++] = merge ? val.u.pairs[k] : (hv_pair){kstr.u.s, kstr.n, val};
        }
    }
    if (ok) ok = new_object(y->f, pairs, n, out);
    free(pairs);
    if (ok) ydec_end_anchor(y, anchor, out);
    return ok;
}

static bool yaml_sequence(ydec *y, yaml_event_t *start, hv *out, int depth) {
    const unsigned char *anchor = start->data.sequence_start.anchor;
    const char *tag = (const char *)start->data.sequence_start.tag;
    if (tag && strcmp(tag, "tag:yaml.org,2002:seq"))
        return ydec_fail(y, start, "unsupported tag on a sequence");
    if (!ydec_begin_anchor(y, anchor)) return false;
    hv *items = NULL;
    size_t n = 0, cap = 0;
    bool ok = true;
    for (;;) {
        yaml_event_t ev;
        if (!(ok = yaml_next(y, &ev))) break;
        if (ev.type == YAML_SEQUENCE_END_EVENT) {
            yaml_event_delete(&ev);
            break;
        }
        if ((ok = json_grow(y->f, (void **)&items, &cap, n, sizeof *items)))
            ok = yaml_value(y, &ev, &items[n++], depth + 1);
        yaml_event_delete(&ev);
        if (!ok) break;
    }
    hv *dst;
    if (ok) ok = new_tuple(y->f, n, &dst, out);
    if (ok && n) memcpy(dst, items, n * sizeof *dst);
    free(items);
    if (ok) ydec_end_anchor(y, anchor, out);
    return ok;
}

static bool yaml_value(ydec *y, yaml_event_t *ev, hv *out, int depth) {
    if (depth > 1000) {
        ambiguous(y->f);
        return err_set(y->f, "YAML nested too deeply");
    }
    if (++y->nodes > max_items(y->f->c)) return check_items(y->f, SIZE_MAX);
    switch (ev->type) {
    case YAML_SCALAR_EVENT: {
        if (!ydec_begin_anchor(y, ev->data.scalar.anchor)) return false;
        if (!yaml_scalar(y, ev, out)) return false;
        ydec_end_anchor(y, ev->data.scalar.anchor, out);
        return true;
    }
    case YAML_MAPPING_START_EVENT: return yaml_mapping(y, ev, out, depth);
    case YAML_SEQUENCE_START_EVENT: return yaml_sequence(y, ev, out, depth);
    case YAML_ALIAS_EVENT: {
        const char *name = (const char *)ev->data.alias.anchor;
        for (size_t i = y->n_anchors; i-- > 0;) {
            yanchor *a = &y->anchors[i];
            if (strcmp(a->name, name)) continue;
            if (!a->done) {
                char msg[200];
                snprintf(msg, sizeof msg,
                         "cannot refer to anchor \"%.60s\" from inside its own "
                         "definition",
                         name);
                return ydec_fail(y, ev, msg);
            }
            if (a->size > y->budget) { /* Terraform's own limit differs: do not guess */
                ambiguous(y->f);
                return err_set(y->f, "YAML aliases expand beyond tenken's limit");
            }
            y->budget -= a->size;
            *out = a->val;
            return true;
        }
        char msg[200];
        snprintf(msg, sizeof msg, "reference to undefined anchor \"%.60s\"", name);
        return ydec_fail(y, ev, msg);
    }
    case YAML_DOCUMENT_START_EVENT: return ydec_fail(y, ev, "only a single document is allowed");
    default: return ydec_fail(y, ev, "unexpected parser event");
    }
}

static bool yaml_document(ydec *y, hv *out) {
    yaml_event_t ev;
    if (!yaml_next(y, &ev)) return false;
    yaml_event_delete(&ev); /* stream start */
    if (!yaml_next(y, &ev)) return false;
    if (ev.type != YAML_DOCUMENT_START_EVENT) {
        bool r = ydec_fail(y, &ev, "missing start of document");
        yaml_event_delete(&ev);
        return r;
    }
    yaml_version_directive_t *vd = ev.data.document_start.version_directive;
    if (vd && (vd->major != 1 || vd->minor != 1)) {
        yaml_event_delete(&ev);
        return err_set(y->f, "found incompatible YAML document");
    }
    yaml_event_delete(&ev);
    if (!yaml_next(y, &ev)) return false;
    bool ok = yaml_value(y, &ev, out, 0);
    yaml_event_delete(&ev);
    if (!ok || !yaml_next(y, &ev)) return false;
    if (ev.type != YAML_DOCUMENT_END_EVENT) {
        ok = ydec_fail(y, &ev, "unexpected extra content after value");
        yaml_event_delete(&ev);
        return ok;
    }
    yaml_event_delete(&ev);
    if (!yaml_next(y, &ev)) return false;
    if (ev.type != YAML_STREAM_END_EVENT)
        ok = ydec_fail(y, &ev,
                       ev.type == YAML_DOCUMENT_START_EVENT
                           ? "only a single document is allowed"
                           : "unexpected extra content after value");
    yaml_event_delete(&ev);
    return ok;
}

static int fn_yamldecode(fcall *f, hv *out) {
    const char *s;
    size_t n;
    if (!arg_string(f, 0, &s, &n)) return TF_CALL_ERROR;
    ydec y;
    memset(&y, 0, sizeof y);
    y.f = f;
    y.budget = YAML_ALIAS_BUDGET;
    if (!yaml_parser_initialize(&y.p)) return out_of_memory(f);
    yaml_parser_set_input_string(&y.p, (const unsigned char *)(n ? s : "\n"), n ? n : 1);
    yaml_parser_set_encoding(&y.p, YAML_UTF8_ENCODING);
    bool ok = yaml_document(&y, out);
    yaml_parser_delete(&y.p);
    for (size_t i = 0; i < y.n_anchors; i++) free(y.anchors[i].name);
    free(y.anchors);
    return ok ? TF_CALL_OK : TF_CALL_ERROR;
}

typedef struct yenc {
    fcall *f;
    yaml_emitter_t e;
    sbuf b;
    bool failed;
} yenc;

static int yenc_write(void *data, unsigned char *buffer, size_t size) {
    yenc *y = data;
    return sb_add(&y->b, buffer, size) ? 1 : 0;
}

static bool yenc_emit(yenc *y, yaml_event_t *ev) {
    if (!yaml_emitter_emit(&y->e, ev)) {
        if (!y->b.over && !y->b.oom)
            err_set(y->f, "YAML encoding failed: %s",
                    y->e.problem ? y->e.problem : "emitter error");
        y->failed = true;
        return false;
    }
    return true;
}

static bool yenc_scalar(yenc *y, const char *s, size_t n, yaml_scalar_style_t style) {
    yaml_event_t ev;
    if (!yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)s, (int)n, 1, 1, style))
        return err_set(y->f, "out of memory");
    return yenc_emit(y, &ev);
}

static bool yenc_string(yenc *y, const char *s, size_t n) {
    if (n > INT_MAX) return err_set(y->f, "string too long to encode");
    return yenc_scalar(
        y, s, n, memchr(s, '\n', n) ? YAML_LITERAL_SCALAR_STYLE : YAML_DOUBLE_QUOTED_SCALAR_STYLE);
}

static bool yenc_value(yenc *y, const hv *v, int depth) {
    if (depth > MAX_DEPTH * 4) return too_deep(y->f);
    yaml_event_t ev;
    switch (v->kind) {
    case HV_NULL: return yenc_scalar(y, "null", 4, YAML_PLAIN_SCALAR_STYLE);
    case HV_BOOL:
        return yenc_scalar(y, v->u.b ? "true" : "false", v->u.b ? 4 : 5, YAML_PLAIN_SCALAR_STYLE);
    case HV_NUMBER: {
        if (!isfinite(v->u.num)) ambiguous(y->f);
        char buf[400];
        size_t n = num_text_checked(y->f, v->u.num, buf, sizeof buf);
        return yenc_scalar(y, buf, n, YAML_PLAIN_SCALAR_STYLE);
    }
    case HV_STRING: return yenc_string(y, v->u.s, v->n);
    case HV_TUPLE:
    case HV_SET:
        if (v->kind == HV_SET && !set_order_known(v)) ambiguous(y->f);
        if (!yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1, YAML_BLOCK_SEQUENCE_STYLE) ||
            !yenc_emit(y, &ev))
            return false;
        for (uint32_t i = 0; i < v->n; i++)
            if (!yenc_value(y, &v->u.items[i], depth + 1)) return false;
        return yaml_sequence_end_event_initialize(&ev) && yenc_emit(y, &ev);
    case HV_OBJECT:
        if (v->flags & HVF_RESOURCE) ambiguous(y->f);
        if (!yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1, YAML_BLOCK_MAPPING_STYLE) ||
            !yenc_emit(y, &ev))
            return false;
        for (uint32_t i = 0; i < v->n; i++)
            if (!yenc_string(y, v->u.pairs[i].key, v->u.pairs[i].klen) ||
                !yenc_value(y, &v->u.pairs[i].val, depth + 1))
                return false;
        return yaml_mapping_end_event_initialize(&ev) && yenc_emit(y, &ev);
    default: ambiguous(y->f); return yenc_scalar(y, "null", 4, YAML_PLAIN_SCALAR_STYLE);
    }
}

static int fn_yamlencode(fcall *f, hv *out) {
    yenc y;
    memset(&y, 0, sizeof y);
    y.f = f;
    sb_init(&y.b, f);
    if (!yaml_emitter_initialize(&y.e)) return out_of_memory(f);
    yaml_emitter_set_output(&y.e, yenc_write, &y);
    yaml_emitter_set_unicode(&y.e, 1);
    yaml_event_t ev;
    bool ok = yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING) && yenc_emit(&y, &ev) &&
              yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1) &&
              yenc_emit(&y, &ev) && yenc_value(&y, &f->args[0], 0) &&
              yaml_document_end_event_initialize(&ev, 1) && yenc_emit(&y, &ev) &&
              yaml_stream_end_event_initialize(&ev) && yenc_emit(&y, &ev) &&
              yaml_emitter_flush(&y.e);
    yaml_emitter_delete(&y.e);
    const hv *root = &f->args[0];
    /* Terraform's emitter (a Go port of libyaml) ends a document with "..." when its root
     * is a plain scalar, and only then; libyaml 0.2.5 does so after a "|+" block scalar. */
    bool plain_root = root->kind == HV_NULL || root->kind == HV_BOOL || root->kind == HV_NUMBER;
    if (ok && !y.b.over && !y.b.oom) {
        bool has_end = y.b.len >= 4 && !memcmp(y.b.p + y.b.len - 4, "...\n", 4) &&
                       (y.b.len == 4 || y.b.p[y.b.len - 5] == '\n');
        if (has_end && !plain_root) y.b.len -= 4, y.b.p[y.b.len] = 0;
        if (!has_end && plain_root) sb_adds(&y.b, "...\n");
    }
    if (!ok) {
        if (y.b.over || y.b.oom)
            sb_error(f, &y.b);
        else if (!y.failed && !f->c->err[0])
            err_set(f, "YAML encoding failed");
        sb_free(&y.b);
        return TF_CALL_ERROR;
    }
    return sb_finish(f, &y.b, out);
}

/* ---- hashes (MD5, SHA-1, SHA-256, SHA-512; written from their specifications) ---- */

static uint32_t rotl32(uint32_t x, int n) {
    return x << n | x >> (32 - n);
}
static uint32_t rotr32(uint32_t x, int n) {
    return x >> n | x << (32 - n);
}
static uint64_t rotr64(uint64_t x, int n) {
    return x >> n | x << (64 - n);
}
static uint32_t be32(const unsigned char *p) {
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}
static uint64_t be64(const unsigned char *p) {
    return (uint64_t)be32(p) << 32 | be32(p + 4);
}

/* Feeds msg to block(state, 64- or 128-byte block) with the Merkle-Damgard padding: 0x80,
 * zeros, and the bit length (big-endian, or little-endian for MD5) in the last 8 bytes. */
static void md_blocks(const unsigned char *msg, size_t n, size_t bs, bool little, void *state,
                      void (*block)(void *state, const unsigned char *b)) {
    size_t full = n / bs * bs;
    for (size_t i = 0; i < full; i += bs) block(state, msg + i);
    unsigned char tail[256] = {0};
    size_t rest = n - full, len = rest + 1 + (bs == 128 ? 16 : 8) <= bs ? bs : 2 * bs;
    if (rest) memcpy(tail, msg + full, rest);
    tail[rest] = 0x80;
    uint64_t bits = (uint64_t)n * 8;
    for (int k = 0; k < 8; k++)
        tail[little ? len - 8 + k : len - 1 - k] = (unsigned char)(bits >> (8 * k));
    for (size_t i = 0; i < len; i += bs) block(state, tail + i);
}

/* MD5: K[i] = floor(|sin(i + 1)| * 2^32). */
static const uint32_t MD5_K[64] = {
    0xd76aa478u, 0xe8c7b756u, 0x242070dbu, 0xc1bdceeeu, 0xf57c0fafu, 0x4787c62au, 0xa8304613u,
    0xfd469501u, 0x698098d8u, 0x8b44f7afu, 0xffff5bb1u, 0x895cd7beu, 0x6b901122u, 0xfd987193u,
    0xa679438eu, 0x49b40821u, 0xf61e2562u, 0xc040b340u, 0x265e5a51u, 0xe9b6c7aau, 0xd62f105du,
    0x02441453u, 0xd8a1e681u, 0xe7d3fbc8u, 0x21e1cde6u, 0xc33707d6u, 0xf4d50d87u, 0x455a14edu,
    0xa9e3e905u, 0xfcefa3f8u, 0x676f02d9u, 0x8d2a4c8au, 0xfffa3942u, 0x8771f681u, 0x6d9d6122u,
    0xfde5380cu, 0xa4beea44u, 0x4bdecfa9u, 0xf6bb4b60u, 0xbebfbc70u, 0x289b7ec6u, 0xeaa127fau,
    0xd4ef3085u, 0x04881d05u, 0xd9d4d039u, 0xe6db99e5u, 0x1fa27cf8u, 0xc4ac5665u, 0xf4292244u,
    0x432aff97u, 0xab9423a7u, 0xfc93a039u, 0x655b59c3u, 0x8f0ccc92u, 0xffeff47du, 0x85845dd1u,
    0x6fa87e4fu, 0xfe2ce6e0u, 0xa3014314u, 0x4e0811a1u, 0xf7537e82u, 0xbd3af235u, 0x2ad7d2bbu,
    0xeb86d391u,
};

static void md5_block(void *state, const unsigned char *b) {
    static const int S[4][4] = {{7, 12, 17, 22}, {5, 9, 14, 20}, {4, 11, 16, 23}, {6, 10, 15, 21}};
    uint32_t *h = state, m[16], a = h[0], bb = h[1], c = h[2], d = h[3];
    for (int i = 0; i < 16; i++)
        m[i] = (uint32_t)b[4 * i] | (uint32_t)b[4 * i + 1] << 8 | (uint32_t)b[4 * i + 2] << 16 |
               (uint32_t)b[4 * i + 3] << 24;
    for (int i = 0; i < 64; i++) {
        uint32_t fv;
        int g;
        if (i < 16)
            fv = (bb & c) | (~bb & d), g = i;
        else if (i < 32)
            fv = (d & bb) | (~d & c), g = (5 * i + 1) % 16;
        else if (i < 48)
            fv = bb ^ c ^ d, g = (3 * i + 5) % 16;
        else
            fv = c ^ (bb | ~d), g = (7 * i) % 16;
        fv += a + MD5_K[i] + m[g];
        a = d;
        d = c;
        c = bb;
        bb += rotl32(fv, S[i / 16][i % 4]);
    }
    h[0] += a;
    h[1] += bb;
    h[2] += c;
    h[3] += d;
}

static size_t md5(const unsigned char *msg, size_t n, unsigned char *out) {
    uint32_t h[4] = {0x67452301u, 0xefcdab89u, 0x98badcfeu, 0x10325476u};
    md_blocks(msg, n, 64, true, h, md5_block);
    for (int i = 0; i < 16; i++) out[i] = (unsigned char)(h[i / 4] >> (8 * (i % 4)));
    return 16;
}

static void sha1_block(void *state, const unsigned char *b) {
    uint32_t *h = state, w[80];
    for (int i = 0; i < 16; i++) w[i] = be32(b + 4 * i);
    for (int i = 16; i < 80; i++) w[i] = rotl32(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
    uint32_t a = h[0], bb = h[1], c = h[2], d = h[3], e = h[4];
    for (int i = 0; i < 80; i++) {
        uint32_t fv, k;
        if (i < 20)
            fv = (bb & c) | (~bb & d), k = 0x5a827999u;
        else if (i < 40)
            fv = bb ^ c ^ d, k = 0x6ed9eba1u;
        else if (i < 60)
            fv = (bb & c) | (bb & d) | (c & d), k = 0x8f1bbcdcu;
        else
            fv = bb ^ c ^ d, k = 0xca62c1d6u;
        uint32_t t = rotl32(a, 5) + fv + e + k + w[i];
        e = d;
        d = c;
        c = rotl32(bb, 30);
        bb = a;
        a = t;
    }
    h[0] += a;
    h[1] += bb;
    h[2] += c;
    h[3] += d;
    h[4] += e;
}

static size_t sha1(const unsigned char *msg, size_t n, unsigned char *out) {
    uint32_t h[5] = {0x67452301u, 0xefcdab89u, 0x98badcfeu, 0x10325476u, 0xc3d2e1f0u};
    md_blocks(msg, n, 64, false, h, sha1_block);
    for (int i = 0; i < 20; i++) out[i] = (unsigned char)(h[i / 4] >> (24 - 8 * (i % 4)));
    return 20;
}

/* SHA-256: the first 32 bits of the fractional parts of the cube roots of the first 64
 * primes (K) and of the square roots of the first 8 (initial hash). */
static const uint32_t SHA256_K[64] = {
    0x428a2f98u, 0x71374491u, 0xb5c0fbcfu, 0xe9b5dba5u, 0x3956c25bu, 0x59f111f1u, 0x923f82a4u,
    0xab1c5ed5u, 0xd807aa98u, 0x12835b01u, 0x243185beu, 0x550c7dc3u, 0x72be5d74u, 0x80deb1feu,
    0x9bdc06a7u, 0xc19bf174u, 0xe49b69c1u, 0xefbe4786u, 0x0fc19dc6u, 0x240ca1ccu, 0x2de92c6fu,
    0x4a7484aau, 0x5cb0a9dcu, 0x76f988dau, 0x983e5152u, 0xa831c66du, 0xb00327c8u, 0xbf597fc7u,
    0xc6e00bf3u, 0xd5a79147u, 0x06ca6351u, 0x14292967u, 0x27b70a85u, 0x2e1b2138u, 0x4d2c6dfcu,
    0x53380d13u, 0x650a7354u, 0x766a0abbu, 0x81c2c92eu, 0x92722c85u, 0xa2bfe8a1u, 0xa81a664bu,
    0xc24b8b70u, 0xc76c51a3u, 0xd192e819u, 0xd6990624u, 0xf40e3585u, 0x106aa070u, 0x19a4c116u,
    0x1e376c08u, 0x2748774cu, 0x34b0bcb5u, 0x391c0cb3u, 0x4ed8aa4au, 0x5b9cca4fu, 0x682e6ff3u,
    0x748f82eeu, 0x78a5636fu, 0x84c87814u, 0x8cc70208u, 0x90befffau, 0xa4506cebu, 0xbef9a3f7u,
    0xc67178f2u,
};

static void sha256_block(void *state, const unsigned char *b) {
    uint32_t *h = state, w[64];
    for (int i = 0; i < 16; i++) w[i] = be32(b + 4 * i);
    for (int i = 16; i < 64; i++) {
        uint32_t s0 = rotr32(w[i - 15], 7) ^ rotr32(w[i - 15], 18) ^ (w[i - 15] >> 3);
        uint32_t s1 = rotr32(w[i - 2], 17) ^ rotr32(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint32_t v[8];
    memcpy(v, h, sizeof v);
    for (int i = 0; i < 64; i++) {
        uint32_t s1 = rotr32(v[4], 6) ^ rotr32(v[4], 11) ^ rotr32(v[4], 25);
        uint32_t ch = (v[4] & v[5]) ^ (~v[4] & v[6]);
        uint32_t t1 = v[7] + s1 + ch + SHA256_K[i] + w[i];
        uint32_t s0 = rotr32(v[0], 2) ^ rotr32(v[0], 13) ^ rotr32(v[0], 22);
        uint32_t maj = (v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]);
        memmove(v + 1, v, 7 * sizeof *v);
        v[4] += t1;
        v[0] = t1 + s0 + maj;
    }
    for (int i = 0; i < 8; i++) h[i] += v[i];
}

static size_t sha256(const unsigned char *msg, size_t n, unsigned char *out) {
    uint32_t h[8] = {
        0x6a09e667u, 0xbb67ae85u, 0x3c6ef372u, 0xa54ff53au,
        0x510e527fu, 0x9b05688cu, 0x1f83d9abu, 0x5be0cd19u,
    };
    md_blocks(msg, n, 64, false, h, sha256_block);
    for (int i = 0; i < 32; i++) out[i] = (unsigned char)(h[i / 4] >> (24 - 8 * (i % 4)));
    return 32;
}

/* SHA-512: 64-bit fractional parts of the cube roots of the first 80 primes (K) and of
 * the square roots of the first 8 (initial hash). */
static const uint64_t SHA512_K[80] = {
    0x428a2f98d728ae22ULL, 0x7137449123ef65cdULL, 0xb5c0fbcfec4d3b2fULL, 0xe9b5dba58189dbbcULL,
    0x3956c25bf348b538ULL, 0x59f111f1b605d019ULL, 0x923f82a4af194f9bULL, 0xab1c5ed5da6d8118ULL,
    0xd807aa98a3030242ULL, 0x12835b0145706fbeULL, 0x243185be4ee4b28cULL, 0x550c7dc3d5ffb4e2ULL,
    0x72be5d74f27b896fULL, 0x80deb1fe3b1696b1ULL, 0x9bdc06a725c71235ULL, 0xc19bf174cf692694ULL,
    0xe49b69c19ef14ad2ULL, 0xefbe4786384f25e3ULL, 0x0fc19dc68b8cd5b5ULL, 0x240ca1cc77ac9c65ULL,
    0x2de92c6f592b0275ULL, 0x4a7484aa6ea6e483ULL, 0x5cb0a9dcbd41fbd4ULL, 0x76f988da831153b5ULL,
    0x983e5152ee66dfabULL, 0xa831c66d2db43210ULL, 0xb00327c898fb213fULL, 0xbf597fc7beef0ee4ULL,
    0xc6e00bf33da88fc2ULL, 0xd5a79147930aa725ULL, 0x06ca6351e003826fULL, 0x142929670a0e6e70ULL,
    0x27b70a8546d22ffcULL, 0x2e1b21385c26c926ULL, 0x4d2c6dfc5ac42aedULL, 0x53380d139d95b3dfULL,
    0x650a73548baf63deULL, 0x766a0abb3c77b2a8ULL, 0x81c2c92e47edaee6ULL, 0x92722c851482353bULL,
    0xa2bfe8a14cf10364ULL, 0xa81a664bbc423001ULL, 0xc24b8b70d0f89791ULL, 0xc76c51a30654be30ULL,
    0xd192e819d6ef5218ULL, 0xd69906245565a910ULL, 0xf40e35855771202aULL, 0x106aa07032bbd1b8ULL,
    0x19a4c116b8d2d0c8ULL, 0x1e376c085141ab53ULL, 0x2748774cdf8eeb99ULL, 0x34b0bcb5e19b48a8ULL,
    0x391c0cb3c5c95a63ULL, 0x4ed8aa4ae3418acbULL, 0x5b9cca4f7763e373ULL, 0x682e6ff3d6b2b8a3ULL,
    0x748f82ee5defb2fcULL, 0x78a5636f43172f60ULL, 0x84c87814a1f0ab72ULL, 0x8cc702081a6439ecULL,
    0x90befffa23631e28ULL, 0xa4506cebde82bde9ULL, 0xbef9a3f7b2c67915ULL, 0xc67178f2e372532bULL,
    0xca273eceea26619cULL, 0xd186b8c721c0c207ULL, 0xeada7dd6cde0eb1eULL, 0xf57d4f7fee6ed178ULL,
    0x06f067aa72176fbaULL, 0x0a637dc5a2c898a6ULL, 0x113f9804bef90daeULL, 0x1b710b35131c471bULL,
    0x28db77f523047d84ULL, 0x32caab7b40c72493ULL, 0x3c9ebe0a15c9bebcULL, 0x431d67c49c100d4cULL,
    0x4cc5d4becb3e42b6ULL, 0x597f299cfc657e2aULL, 0x5fcb6fab3ad6faecULL, 0x6c44198c4a475817ULL,
};

static void sha512_block(void *state, const unsigned char *b) {
    uint64_t *h = state, w[80];
    for (int i = 0; i < 16; i++) w[i] = be64(b + 8 * i);
    for (int i = 16; i < 80; i++) {
        uint64_t s0 = rotr64(w[i - 15], 1) ^ rotr64(w[i - 15], 8) ^ (w[i - 15] >> 7);
        uint64_t s1 = rotr64(w[i - 2], 19) ^ rotr64(w[i - 2], 61) ^ (w[i - 2] >> 6);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint64_t v[8];
    memcpy(v, h, sizeof v);
    for (int i = 0; i < 80; i++) {
        uint64_t s1 = rotr64(v[4], 14) ^ rotr64(v[4], 18) ^ rotr64(v[4], 41);
        uint64_t ch = (v[4] & v[5]) ^ (~v[4] & v[6]);
        uint64_t t1 = v[7] + s1 + ch + SHA512_K[i] + w[i];
        uint64_t s0 = rotr64(v[0], 28) ^ rotr64(v[0], 34) ^ rotr64(v[0], 39);
        uint64_t maj = (v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]);
        memmove(v + 1, v, 7 * sizeof *v);
        v[4] += t1;
        v[0] = t1 + s0 + maj;
    }
    for (int i = 0; i < 8; i++) h[i] += v[i];
}

static size_t sha512(const unsigned char *msg, size_t n, unsigned char *out) {
    uint64_t h[8] = {
        0x6a09e667f3bcc908ULL, 0xbb67ae8584caa73bULL, 0x3c6ef372fe94f82bULL, 0xa54ff53a5f1d36f1ULL,
        0x510e527fade682d1ULL, 0x9b05688c2b3e6c1fULL, 0x1f83d9abfb41bd6bULL, 0x5be0cd19137e2179ULL,
    };
    md_blocks(msg, n, 128, false, h, sha512_block);
    for (int i = 0; i < 64; i++) out[i] = (unsigned char)(h[i / 8] >> (56 - 8 * (i % 8)));
    return 64;
}

typedef size_t (*hash_fn)(const unsigned char *msg, size_t n, unsigned char *out);

/* The digest of data as lowercase hex, or as base64 when b64 is set. */
static int digest_result(fcall *f, hash_fn h, const char *data, size_t n, bool b64, hv *out) {
    unsigned char d[64];
    size_t dn = h((const unsigned char *)data, n, d);
    sbuf b;
    sb_init(&b, f);
    if (b64) {
        b64_encode(d, dn, &b);
    } else {
        static const char hex[] = "0123456789abcdef";
        for (size_t i = 0; i < dn; i++) {
            char two[2] = {hex[d[i] >> 4], hex[d[i] & 15]};
            sb_add(&b, two, 2);
        }
    }
    return sb_finish(f, &b, out);
}

static int hash_arg(fcall *f, hv *out, hash_fn h, bool b64) {
    const char *s;
    size_t n;
    if (!arg_string(f, 0, &s, &n)) return TF_CALL_ERROR;
    return digest_result(f, h, s, n, b64, out);
}
static int fn_md5(fcall *f, hv *out) {
    return hash_arg(f, out, md5, false);
}
static int fn_sha1(fcall *f, hv *out) {
    return hash_arg(f, out, sha1, false);
}
static int fn_sha256(fcall *f, hv *out) {
    return hash_arg(f, out, sha256, false);
}
static int fn_sha512(fcall *f, hv *out) {
    return hash_arg(f, out, sha512, false);
}
static int fn_base64sha256(fcall *f, hv *out) {
    return hash_arg(f, out, sha256, true);
}
static int fn_base64sha512(fcall *f, hv *out) {
    return hash_arg(f, out, sha512, true);
}

/* A UUID in any form Go's uuid.Parse accepts: 8-4-4-4-12 hex, in braces, with a
 * "urn:uuid:" prefix, or 32 hex digits. */
static bool parse_uuid(const char *s, size_t n, unsigned char out[16]) {
    if (n == 45 && !strncasecmp(s, "urn:uuid:", 9))
        s += 9, n -= 9;
    else if (n == 38 && s[0] == '{' && s[37] == '}')
        s += 1, n -= 2;
    bool dashed = n == 36;
    if (!dashed && n != 32) return false;
    if (dashed && (s[8] != '-' || s[13] != '-' || s[18] != '-' || s[23] != '-')) return false;
    size_t k = 0;
    for (size_t i = 0; i < n && k < 32; i++) {
        if (dashed && (i == 8 || i == 13 || i == 18 || i == 23)) continue;
        int v = digit_value(s[i], 16);
        if (v < 0 || (s[i] >= 'G' && s[i] <= 'Z') || (s[i] >= 'g' && s[i] <= 'z')) return false;
        if (k % 2 == 0)
            out[k / 2] = (unsigned char)(v << 4);
        else
            out[k / 2] |= (unsigned char)v;
        k++;
    }
    return k == 32;
}

static int fn_uuidv5(fcall *f, hv *out) {
    const char *ns, *name;
    size_t nn, len;
    if (!arg_string(f, 0, &ns, &nn) || !arg_string(f, 1, &name, &len)) return TF_CALL_ERROR;
    unsigned char space[16];
    static const char *const named[] = {"dns", "url", "oid", "x500"};
    static const char last[] = {0x10, 0x11, 0x12, 0x14};
    bool found = false;
    for (int i = 0; i < 4; i++)
        if (strlen(named[i]) == nn && !memcmp(named[i], ns, nn)) {
            parse_uuid("6ba7b810-9dad-11d1-80b4-00c04fd430c8", 36, space);
            space[3] = (unsigned char)last[i];
            found = true;
        }
    if (!found && !parse_uuid(ns, nn, space))
        return fail(f, "uuidv5() doesn't support namespace %.*s (invalid UUID)", SHOW(ns, nn));
    if (len > SIZE_MAX - 16) return out_of_memory(f);
    unsigned char *buf = scratch(f, 16 + len, 1);
    if (!buf) return TF_CALL_ERROR;
    memcpy(buf, space, 16);
    if (len) memcpy(buf + 16, name, len);
    unsigned char d[20];
    sha1(buf, 16 + len, d);
    d[6] = (unsigned char)((d[6] & 0x0f) | 0x50);
    d[8] = (unsigned char)((d[8] & 0x3f) | 0x80);
    char txt[37];
    size_t k = 0;
    static const char hex[] = "0123456789abcdef";
    for (int i = 0; i < 16; i++) {
        if (i == 4 || i == 6 || i == 8 || i == 10) txt[k++] = '-';
        txt[k++] = hex[d[i] >> 4];
        txt[k++] = hex[d[i] & 15];
    }
    return new_str(f, txt, k, out) ? TF_CALL_OK : TF_CALL_ERROR;
}

/* ---- time (RFC 3339 timestamps, Go durations, formatdate) ---- */

typedef struct tstamp {
    int64_t secs; /* UTC seconds since 1970-01-01 */
    int32_t nsec;
    int32_t offset; /* seconds east of UTC, as written */
} tstamp;

/* Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm). */
static int64_t days_from_civil(int64_t y, int m, int d) {
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(int64_t z, int64_t *y, int *m, int *d) {
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = yoe + era * 400 + (*m <= 2);
}

static int days_in_month(int64_t y, int m) {
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : days[m - 1];
}

/* Reads between min and max digits at s[*i]. */
static bool read_num(const char *s, size_t n, size_t *i, int min, int max, int *out) {
    int v = 0, k = 0;
    while (*i < n && k < max && s[*i] >= '0' && s[*i] <= '9') v = v * 10 + (s[(*i)++] - '0'), k++;
    *out = v;
    return k >= min;
}

static bool tfail(char *why, size_t cap, const char *msg) {
    snprintf(why, cap, "%s", msg);
    return false;
}

/* Date, time, fraction and zone in the forms Go's parser accepts for the layouts used here:
 * strict RFC 3339, or YAML's looser forms (short fields, 't' or ' ' separator, no zone). */
static bool parse_time(const char *s, size_t n, bool loose, tstamp *t, char *why, size_t cap) {
    size_t i = 0;
    int y, mo, d, h = 0, mi = 0, sec = 0;
    int w = loose ? 1 : 2;
    if (!read_num(s, n, &i, 4, 4, &y)) return tfail(why, cap, "cannot use the text as year");
    if (i >= n || s[i++] != '-') return tfail(why, cap, "expected \"-\" after the year");
    if (!read_num(s, n, &i, w, 2, &mo)) return tfail(why, cap, "month must have two digits");
    if (i >= n || s[i++] != '-') return tfail(why, cap, "expected \"-\" after the month");
    if (!read_num(s, n, &i, w, 2, &d)) return tfail(why, cap, "day must have two digits");
    if (mo < 1 || mo > 12) return tfail(why, cap, "month out of range");
    t->nsec = 0;
    t->offset = 0;
    if (loose && i == n) goto date_only;
    if (i >= n || !(s[i] == 'T' || (loose && (s[i] == 't' || s[i] == ' '))))
        return tfail(why, cap, "missing required time introducer 'T'");
    bool spaced = s[i++] == ' ';
    if (!read_num(s, n, &i, w, 2, &h)) return tfail(why, cap, "hour must have exactly two digits");
    if (i >= n || s[i++] != ':') return tfail(why, cap, "expected \":\" after the hour");
    if (!read_num(s, n, &i, w, 2, &mi)) return tfail(why, cap, "minute must have two digits");
    if (i >= n || s[i++] != ':') return tfail(why, cap, "expected \":\" after the minute");
    if (!read_num(s, n, &i, w, 2, &sec)) return tfail(why, cap, "second must have two digits");
    if (i < n && (s[i] == '.' || (loose && s[i] == ',')) && i + 1 < n && s[i + 1] >= '0' &&
        s[i + 1] <= '9') {
        i++;
        int32_t ns = 0, k = 0;
        while (i < n && s[i] >= '0' && s[i] <= '9') {
            if (k++ < 9) ns = ns * 10 + (s[i] - '0');
            i++;
        }
        while (k++ < 9) ns *= 10;
        t->nsec = ns;
    }
    if (loose && spaced) {
        if (i != n) return tfail(why, cap, "extra text after the time");
    } else if (i < n && s[i] == 'Z') {
        i++;
    } else if (i < n && (s[i] == '+' || s[i] == '-')) {
        int oh, om;
        bool neg = s[i++] == '-';
        if (!read_num(s, n, &i, 2, 2, &oh) || i >= n || s[i++] != ':' ||
            !read_num(s, n, &i, 2, 2, &om) || oh > 23 || om > 59)
            return tfail(why, cap, "cannot use the text as UTC offset");
        t->offset = (neg ? -1 : 1) * (oh * 3600 + om * 60);
    } else if (!loose) {
        return tfail(why, cap, "missing UTC offset");
    } else {
        return tfail(why, cap, "bad time zone");
    }
    if (i != n) return tfail(why, cap, "extra text after the timestamp");
    if (h > 23) return tfail(why, cap, "hour out of range");
    if (mi > 59) return tfail(why, cap, "minute out of range");
    if (sec > 59) return tfail(why, cap, "second out of range");
date_only:
    if (d < 1 || d > days_in_month(y, mo)) return tfail(why, cap, "day out of range");
    t->secs = days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec - t->offset;
    return true;
}

static bool arg_time(fcall *f, uint32_t i, tstamp *t) {
    const char *s;
    size_t n;
    char why[120];
    if (!arg_string(f, i, &s, &n)) return false;
    if (!parse_time(s, n, false, t, why, sizeof why))
        return arg_err(f, i, "not a valid RFC3339 timestamp: %s", why);
    return true;
}

/* The broken-down local time of t. */
typedef struct tparts {
    int64_t year;
    int month, day, hour, min, sec, wday;
} tparts;

static void time_parts(const tstamp *t, tparts *p) {
    int64_t local = t->secs + t->offset, days = local / 86400, rem = local % 86400;
    if (rem < 0) rem += 86400, days--;
    civil_from_days(days, &p->year, &p->month, &p->day);
    p->hour = (int)(rem / 3600);
    p->min = (int)(rem / 60 % 60);
    p->sec = (int)(rem % 60);
    p->wday = (int)(((days % 7) + 11) % 7); /* 1970-01-01 was a Thursday */
}

/* Go's "Z07:00" (colon) or "-0700" zone text. */
static void zone_text(int32_t offset, bool colon, bool z_for_utc, char *out, size_t cap) {
    if (offset == 0 && z_for_utc) {
        snprintf(out, cap, "Z");
        return;
    }
    int a = offset < 0 ? -offset : offset;
    snprintf(out, cap, colon ? "%c%02d:%02d" : "%c%02d%02d", offset < 0 ? '-' : '+', a / 3600,
             a / 60 % 60);
}

static bool rfc3339_text(fcall *f, const tstamp *t, char *out, size_t cap) {
    tparts p;
    time_parts(t, &p);
    if (p.year < 0 || p.year > 9999) ambiguous(f);
    char zone[16];
    zone_text(t->offset, true, true, zone, sizeof zone);
    snprintf(out, cap, "%04lld-%02d-%02dT%02d:%02d:%02d%s", (long long)p.year, p.month, p.day,
             p.hour, p.min, p.sec, zone);
    return true;
}

static bool yaml_timestamp(const char *s, size_t n, char *out, size_t cap) {
    if (n < 5 || !(s[0] >= '0' && s[0] <= '9') || s[4] != '-') return false;
    for (int k = 0; k < 4; k++)
        if (s[k] < '0' || s[k] > '9') return false;
    tstamp t;
    char why[80];
    if (!parse_time(s, n, true, &t, why, sizeof why)) return false;
    tparts p;
    time_parts(&t, &p);
    char zone[16];
    zone_text(t.offset, true, true, zone, sizeof zone);
    snprintf(out, cap, "%04lld-%02d-%02dT%02d:%02d:%02d%s", (long long)p.year, p.month, p.day,
             p.hour, p.min, p.sec, zone);
    return true;
}

/* Go's time.ParseDuration, in nanoseconds. */
static bool parse_duration(fcall *f, const char *s, size_t n, int64_t *out) {
    const char *orig = s;
    size_t on = n;
    bool neg = false;
    *out = 0;
    uint64_t total = 0;
    if (n && (s[0] == '-' || s[0] == '+')) neg = s[0] == '-', s++, n--;
    if (n == 1 && s[0] == '0') return *out = 0, true;
    if (n == 0) goto invalid;
    while (n) {
        if (!(s[0] == '.' || (s[0] >= '0' && s[0] <= '9'))) goto invalid;
        uint64_t v = 0, frac = 0;
        double scale = 1;
        size_t i = 0;
        while (i < n && s[i] >= '0' && s[i] <= '9') {
            if (v > (UINT64_C(1) << 63) / 10) goto invalid;
            v = v * 10 + (uint64_t)(s[i++] - '0');
            if (v > UINT64_C(1) << 63) goto invalid;
        }
        bool pre = i > 0, post = false;
        if (i < n && s[i] == '.') {
            i++;
            size_t fs = i;
            bool overflow = false;
            while (i < n && s[i] >= '0' && s[i] <= '9') {
                if (!overflow) {
                    if (frac > (UINT64_C(1) << 63) / 10)
                        overflow = true;
                    else {
                        frac = frac * 10 + (uint64_t)(s[i] - '0');
                        scale *= 10;
                    }
                }
                i++;
            }
            post = i > fs;
        }
        if (!pre && !post) goto invalid;
        size_t u = i;
        while (u < n && s[u] != '.' && !(s[u] >= '0' && s[u] <= '9')) u++;
        if (u == i) return err_set(f, "time: missing unit in duration \"%.*s\"", SHOW(orig, on));
        static const struct {
            const char *name;
            uint64_t ns;
        } units[] = {{"ns", 1},
                     {"us", 1000},
                     {"\xC2\xB5s", 1000},
                     {"\xCE\xBCs", 1000},
                     {"ms", 1000000},
                     {"s", 1000000000},
                     {"m", UINT64_C(60000000000)},
                     {"h", UINT64_C(3600000000000)}};
        uint64_t unit = 0;
        for (size_t k = 0; k < sizeof units / sizeof *units; k++)
            if (strlen(units[k].name) == u - i && !memcmp(units[k].name, s + i, u - i))
                unit = units[k].ns;
        if (!unit)
            return err_set(f, "time: unknown unit \"%.*s\" in duration \"%.*s\"", (int)(u - i),
                           s + i, SHOW(orig, on));
        if (v > (UINT64_C(1) << 63) / unit) goto invalid;
        v *= unit;
        if (frac > 0) {
            v += (uint64_t)((double)frac * ((double)unit / scale));
            if (v > UINT64_C(1) << 63) goto invalid;
        }
        total += v;
        if (total > UINT64_C(1) << 63) goto invalid;
        s += u;
        n -= u;
    }
    if (neg) return *out = (int64_t)(0 - total), true;
    if (total > (uint64_t)INT64_MAX) goto invalid;
    *out = (int64_t)total;
    return true;
invalid:
    return err_set(f, "time: invalid duration \"%.*s\"", SHOW(orig, on));
}

static int fn_timeadd(fcall *f, hv *out) {
    tstamp t;
    const char *ds;
    size_t dn;
    int64_t d;
    if (!arg_time(f, 0, &t) || !arg_string(f, 1, &ds, &dn)) return TF_CALL_ERROR;
    if (!parse_duration(f, ds, dn, &d)) return TF_CALL_ERROR;
    int64_t ns = t.nsec + d % 1000000000;
    t.secs += d / 1000000000 + (ns >= 1000000000 ? 1 : ns < 0 ? -1 : 0);
    t.nsec = (int32_t)(ns >= 1000000000 ? ns - 1000000000 : ns < 0 ? ns + 1000000000 : ns);
    char buf[64];
    rfc3339_text(f, &t, buf, sizeof buf);
    return new_str(f, buf, strlen(buf), out) ? TF_CALL_OK : TF_CALL_ERROR;
}

static int fn_timecmp(fcall *f, hv *out) {
    tstamp a, b;
    if (!arg_time(f, 0, &a) || !arg_time(f, 1, &b)) return TF_CALL_ERROR;
    int c = a.secs != b.secs   ? (a.secs < b.secs ? -1 : 1)
            : a.nsec != b.nsec ? (a.nsec < b.nsec ? -1 : 1)
                               : 0;
    *out = hv_num(c);
    return TF_CALL_OK;
}

static bool date_verb(fcall *f, const char *tok, size_t len, const tparts *p, int32_t offset,
                      sbuf *b) {
    static const char *const months[] = {"January",   "February", "March",    "April",
                                         "May",       "June",     "July",     "August",
                                         "September", "October",  "November", "December"};
    static const char *const days[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                       "Thursday", "Friday", "Saturday"};
    char buf[32];
    int num = -1;
    const char *bad = NULL;
    switch (tok[0]) {
    case 'Y':
        if (len == 2)
            snprintf(buf, sizeof buf, "%02d", (int)(p->year % 100));
        else if (len == 4)
            snprintf(buf, sizeof buf, "%04lld", (long long)p->year);
        else
            bad = "year must either be \"YY\" or \"YYYY\"";
        break;
    case 'M':
        if (len <= 2)
            num = p->month;
        else if (len == 3)
            snprintf(buf, sizeof buf, "%.3s", months[p->month - 1]);
        else if (len == 4)
            snprintf(buf, sizeof buf, "%s", months[p->month - 1]);
        else
            bad = "month must be \"M\", \"MM\", \"MMM\", or \"MMMM\"";
        break;
    case 'D':
        if (len <= 2)
            num = p->day;
        else
            bad = "day of month must either be \"D\" or \"DD\"";
        break;
    case 'E':
        if (len == 3)
            snprintf(buf, sizeof buf, "%.3s", days[p->wday]);
        else if (len == 4)
            snprintf(buf, sizeof buf, "%s", days[p->wday]);
        else
            bad = "day of week must either be \"EEE\" or \"EEEE\"";
        break;
    case 'h':
        if (len <= 2)
            num = p->hour;
        else
            bad = "24-hour must either be \"h\" or \"hh\"";
        break;
    case 'H':
        if (len <= 2)
            num = p->hour % 12 ? p->hour % 12 : 12;
        else
            bad = "12-hour must either be \"H\" or \"HH\"";
        break;
    case 'A':
    case 'a':
        if (len != 2) {
            return err_set(f, "invalid date format verb \"%.*s\": must be \"%c%c\"", (int)len, tok,
                           tok[0], tok[0]);
        }
        snprintf(buf, sizeof buf, "%s",
                 p->hour < 12 ? (tok[0] == 'A' ? "AM" : "am") : (tok[0] == 'A' ? "PM" : "pm"));
        break;
    case 'm':
        if (len <= 2)
            num = p->min;
        else
            bad = "minute must either be \"m\" or \"mm\"";
        break;
    case 's':
        if (len <= 2)
            num = p->sec;
        else
            bad = "second must either be \"s\" or \"ss\"";
        break;
    case 'Z':
        if (len == 1)
            zone_text(offset, true, true, buf, sizeof buf);
        else if (len == 3) {
            if (offset == 0)
                snprintf(buf, sizeof buf, "UTC");
            else
                zone_text(offset, false, false, buf, sizeof buf);
        } else if (len == 4)
            zone_text(offset, false, false, buf, sizeof buf);
        else if (len == 5)
            zone_text(offset, true, false, buf, sizeof buf);
        else
            bad = "timezone must be Z, ZZZZ, or ZZZZZ";
        break;
    default: return err_set(f, "invalid date format verb \"%.*s\"", (int)len, tok);
    }
    if (bad) return err_set(f, "invalid date format verb \"%.*s\": %s", (int)len, tok, bad);
    if (num >= 0) snprintf(buf, sizeof buf, len == 2 ? "%02d" : "%d", num);
    sb_adds(b, buf);
    return true;
}

static bool is_letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int fn_formatdate(fcall *f, hv *out) {
    const char *spec;
    size_t n;
    tstamp t;
    if (!arg_string(f, 0, &spec, &n) || !arg_time(f, 1, &t)) return TF_CALL_ERROR;
    tparts p;
    time_parts(&t, &p);
    if (p.year < 0 || p.year > 9999) ambiguous(f);
    sbuf b;
    sb_init(&b, f);
    for (size_t i = 0; i < n;) {
        if (spec[i] == '\'') {
            if (i + 1 < n && spec[i + 1] == '\'') {
                sb_addc(&b, '\'');
                i += 2;
                continue;
            }
            size_t j = i + 1;
            bool closed = false;
            while (j < n) {
                if (spec[j] == '\'') {
                    if (j + 1 < n && spec[j + 1] == '\'') {
                        sb_addc(&b, '\'');
                        j += 2;
                        continue;
                    }
                    closed = true;
                    break;
                }
                sb_addc(&b, spec[j++]);
            }
            if (!closed) {
                sb_free(&b);
                return arg_err(f, 0, "unterminated literal '"), TF_CALL_ERROR;
            }
            i = j + 1;
        } else if (is_letter(spec[i])) {
            size_t j = i;
            while (j < n && spec[j] == spec[i]) j++;
            if (!date_verb(f, spec + i, j - i, &p, t.offset, &b)) {
                char msg[sizeof f->c->err];
                snprintf(msg, sizeof msg, "%s", f->c->err);
                sb_free(&b);
                return arg_err(f, 0, "%s", msg), TF_CALL_ERROR;
            }
            i = j;
        } else {
            sb_addc(&b, spec[i++]);
        }
    }
    return sb_finish(f, &b, out);
}

/* ---- networks (Terraform's cidr functions, IPv4 and IPv6) ---- */

typedef struct u128 {
    uint64_t hi, lo;
} u128;

typedef struct net {
    u128 addr; /* IPv4 in the low 32 bits */
    int prefix, bits;
} net;

static u128 u128_mask(int prefix, int bits) { /* the top `prefix` of `bits` bits set */
    u128 m = {0, 0};
    for (int b = 0; b < prefix; b++) {
        int pos = bits - 1 - b;
        if (pos >= 64)
            m.hi |= UINT64_C(1) << (pos - 64);
        else
            m.lo |= UINT64_C(1) << pos;
    }
    return m;
}
static u128 u128_and(u128 a, u128 b) {
    return (u128){a.hi & b.hi, a.lo & b.lo};
}
static u128 u128_or(u128 a, u128 b) {
    return (u128){a.hi | b.hi, a.lo | b.lo};
}
static u128 u128_not(u128 a, int bits) {
    u128 all = u128_mask(bits, bits);
    return (u128){~a.hi & all.hi, ~a.lo & all.lo};
}
static bool u128_eq(u128 a, u128 b) {
    return a.hi == b.hi && a.lo == b.lo;
}
static u128 u128_add1(u128 a, int bits, bool *wrapped) {
    u128 r = {a.hi + (a.lo == UINT64_MAX), a.lo + 1};
    r = u128_and(r, u128_mask(bits, bits));
    *wrapped = r.hi == 0 && r.lo == 0;
    return r;
}
static u128 u128_sub1(u128 a, int bits) {
    u128 r = {a.hi - (a.lo == 0), a.lo - 1};
    return u128_and(r, u128_mask(bits, bits));
}
static u128 u128_shl(uint64_t v, int sh) {
    if (sh >= 128) return (u128){0, 0};
    if (sh >= 64) return (u128){v << (sh - 64), 0};
    if (sh == 0) return (u128){0, v};
    return (u128){v >> (64 - sh), v << sh};
}

/* Go's net.ParseCIDR (a prefix length is required). IPv4-mapped IPv6 prefixes are printed
 * by Go as IPv4, which tenken does not imitate: *mapped is set for them. */
static bool parse_net(fcall *f, uint32_t argi, net *out, bool *mapped) {
    const char *s;
    size_t n;
    if (!arg_string(f, argi, &s, &n)) return false;
    tk_cidr c;
    if (!memchr(s, '/', n) || !tk_cidr_parse(s, n, &c))
        return err_set(f, "invalid CIDR expression: invalid CIDR address: %.*s", SHOW(s, n));
    out->bits = c.v6 ? 128 : 32;
    out->prefix = c.prefix;
    out->addr = (u128){0, 0};
    if (c.v6) {
        for (int i = 0; i < 8; i++) out->addr.hi = out->addr.hi << 8 | c.addr[i];
        for (int i = 8; i < 16; i++) out->addr.lo = out->addr.lo << 8 | c.addr[i];
    } else {
        out->addr.lo = (uint64_t)c.addr[0] << 24 | (uint64_t)c.addr[1] << 16 |
                       (uint64_t)c.addr[2] << 8 | c.addr[3];
    }
    *mapped = c.v6 && out->addr.hi == 0 && (out->addr.lo >> 32) == 0xFFFF;
    out->addr = u128_and(out->addr, u128_mask(out->prefix, out->bits));
    return true;
}

/* An address the way Go prints it (IPv6: RFC 5952, the longest run of zero groups, the
 * first one on a tie, compressed when it is at least two groups). */
static void addr_text(u128 a, int bits, char *out, size_t cap) {
    if (bits == 32) {
        snprintf(out, cap, "%u.%u.%u.%u", (unsigned)(a.lo >> 24 & 255),
                 (unsigned)(a.lo >> 16 & 255), (unsigned)(a.lo >> 8 & 255), (unsigned)(a.lo & 255));
        return;
    }
    unsigned g[8];
    for (int i = 0; i < 4; i++) g[i] = (unsigned)(a.hi >> (48 - 16 * i) & 0xFFFF);
    for (int i = 0; i < 4; i++) g[4 + i] = (unsigned)(a.lo >> (48 - 16 * i) & 0xFFFF);
    int best = -1, best_len = 1;
    for (int i = 0; i < 8;) {
        if (g[i]) {
            i++;
            continue;
        }
        int j = i;
        while (j < 8 && !g[j]) j++;
        if (j - i > best_len) best = i, best_len = j - i;
        i = j;
    }
    size_t k = 0;
    out[0] = 0;
    for (int i = 0; i < 8; i++) {
        if (i == best) {
            k += (size_t)snprintf(out + k, cap - k, "::");
            i += best_len - 1;
            continue;
        }
        k += (size_t)snprintf(out + k, cap - k, "%s%x", k && out[k - 1] != ':' ? ":" : "", g[i]);
    }
}

static bool net_result(fcall *f, u128 a, int bits, int prefix, hv *out) {
    char buf[64];
    addr_text(a, bits, buf, sizeof buf);
    if (prefix >= 0) {
        size_t k = strlen(buf);
        snprintf(buf + k, sizeof buf - k, "/%d", prefix);
    }
    return new_str(f, buf, strlen(buf), out);
}

/* A whole number argument that fits in 64 bits of magnitude; beyond 2^53 a double may not
 * be the number Terraform saw. */
static bool arg_bignum(fcall *f, uint32_t i, int64_t *v) {
    double d;
    if (!arg_number(f, i, &d)) return false;
    if (!whole_number(d, v)) return err_set(f, "value must be a whole number");
    if (fabs(d) > 9007199254740992.0) ambiguous(f);
    return true;
}

static int fn_cidrhost(fcall *f, hv *out) {
    net nw;
    bool mapped;
    int64_t num;
    if (!arg_bignum(f, 1, &num) || !parse_net(f, 0, &nw, &mapped)) return TF_CALL_ERROR;
    if (mapped) return unknown_result(f, out);
    int host = nw.bits - nw.prefix;
    /* the largest host number is 2^host - 1; -1 counts back from it */
    bool big = host >= 63;
    uint64_t max = big ? UINT64_MAX : (UINT64_C(1) << host) - 1;
    if (num < 0) {
        if (big) {
            /* max + 1 + num, a number near 2^host: in the top bits */
            u128 top = u128_shl(1, host), hostnum = top;
            uint64_t neg = (uint64_t)(-(num + 1)) + 1;
            hostnum.hi -= hostnum.lo < neg;
            hostnum.lo -= neg;
            return net_result(f, u128_or(nw.addr, hostnum), nw.bits, -1, out) ? TF_CALL_OK
                                                                              : TF_CALL_ERROR;
        }
        num += (int64_t)max + 1;
        if (num < 0)
            return fail(f, "prefix of %d does not accommodate a host numbered %lld", nw.prefix,
                        (long long)num);
    }
    if (!big && (uint64_t)num > max)
        return fail(f, "prefix of %d does not accommodate a host numbered %lld", nw.prefix,
                    (long long)num);
    return net_result(f, u128_or(nw.addr, (u128){0, (uint64_t)num}), nw.bits, -1, out)
               ? TF_CALL_OK
               : TF_CALL_ERROR;
}

static int fn_cidrnetmask(fcall *f, hv *out) {
    net nw;
    bool mapped;
    if (!parse_net(f, 0, &nw, &mapped)) return TF_CALL_ERROR;
    if (mapped) return unknown_result(f, out);
    if (nw.bits != 32)
        return fail(f, "IPv6 addresses cannot have a netmask: %.*s",
                    SHOW(f->args[0].u.s, f->args[0].n));
    return net_result(f, u128_mask(nw.prefix, 32), 32, -1, out) ? TF_CALL_OK : TF_CALL_ERROR;
}

static int fn_cidrsubnet(fcall *f, hv *out) {
    net nw;
    bool mapped;
    int64_t newbits, netnum;
    if (!arg_bignum(f, 1, &newbits) || !arg_bignum(f, 2, &netnum) || !parse_net(f, 0, &nw, &mapped))
        return TF_CALL_ERROR;
    if (mapped || newbits < 0 || netnum < 0) return unknown_result(f, out); /* Go's odd answers */
    int64_t len = nw.prefix + newbits;
    if (len > nw.bits)
        return fail(f, "insufficient address space to extend prefix of %d by %lld", nw.prefix,
                    (long long)newbits);
    if (newbits < 64 && (uint64_t)netnum > (UINT64_C(1) << newbits) - 1)
        return fail(f, "prefix extension of %lld does not accommodate a subnet numbered %lld",
                    (long long)newbits, (long long)netnum);
    u128 a = u128_or(nw.addr, u128_shl((uint64_t)netnum, nw.bits - (int)len));
    return net_result(f, a, nw.bits, (int)len, out) ? TF_CALL_OK : TF_CALL_ERROR;
}

static void net_text(const net *x, char *out, size_t cap) {
    addr_text(x->addr, x->bits, out, cap);
    size_t k = strlen(out);
    snprintf(out + k, cap - k, "/%d", x->prefix);
}

static int fn_cidrsubnets(fcall *f, hv *out) {
    net nw;
    bool mapped;
    if (!parse_net(f, 0, &nw, &mapped)) return arg_err_from_last(f, 0), TF_CALL_ERROR;
    if (mapped) return unknown_result(f, out);
    uint32_t count = f->n - 1;
    hv *items;
    if (!new_tuple(f, count, &items, out)) return TF_CALL_ERROR;
    if (!count) return TF_CALL_OK;
    /* Start just before the base prefix, at the first length. */
    int64_t first;
    if (!arg_int(f, 1, &first, "value must be a whole number")) return TF_CALL_ERROR;
    net cur = nw;
    int flen = (int)(first + nw.prefix);
    if (first < 1 || first > 32 || flen > nw.bits) flen = nw.bits; /* reported below */
    cur.prefix = flen;
    cur.addr = u128_and(u128_sub1(nw.addr, nw.bits), u128_mask(flen, nw.bits));
    for (uint32_t i = 0; i < count; i++) {
        int64_t len;
        if (!arg_int(f, i + 1, &len, "value must be a whole number")) return TF_CALL_ERROR;
        if (len < 1)
            return arg_err(f, i + 1, "must extend prefix by at least one bit"), TF_CALL_ERROR;
        if (len > 32)
            return arg_err(f, i + 1, "may not extend prefix by more than 32 bits"), TF_CALL_ERROR;
        len += nw.prefix;
        if (len > nw.bits)
            return arg_err(f, i + 1,
                           "would extend prefix to %lld bits, which is too long for an %s "
                           "address",
                           (long long)len, nw.bits == 32 ? "IPv4" : "IPv6"),
                   TF_CALL_ERROR;
        /* NextSubnet: the subnet of this length after the last address of the current one */
        u128 last = u128_or(cur.addr, u128_not(u128_mask(cur.prefix, nw.bits), nw.bits));
        u128 sub = u128_and(last, u128_mask((int)len, nw.bits));
        u128 sub_last = u128_or(sub, u128_not(u128_mask((int)len, nw.bits), nw.bits));
        bool wrapped;
        u128 next = u128_and(u128_add1(sub_last, nw.bits, &wrapped), u128_mask((int)len, nw.bits));
        bool inside = u128_eq(u128_and(next, u128_mask(nw.prefix, nw.bits)), nw.addr);
        if (wrapped || !inside) {
            char after[64];
            net_text(&cur, after, sizeof after);
            return arg_err(f, i + 1,
                           "not enough remaining address space for a subnet with a prefix "
                           "of %lld bits after %s",
                           (long long)len, after),
                   TF_CALL_ERROR;
        }
        cur.addr = next;
        cur.prefix = (int)len;
        char buf[64];
        net_text(&cur, buf, sizeof buf);
        if (!new_str(f, buf, strlen(buf), &items[i])) return TF_CALL_ERROR;
    }
    return TF_CALL_OK;
}

/* ---- paths and files ----
 *
 * Paths are relative to the calling module's directory; the scanned tree is the sandbox:
 * an absolute path, or one whose ".." leads out of the tree, is an error, and nothing is
 * read except through c->fs. */

/* Go's path.Clean for slash-separated paths. */
static size_t path_clean(const char *p, size_t n, char *out, size_t cap) {
    if (n == 0 || cap < n + 2) return (size_t)snprintf(out, cap, ".");
    bool rooted = p[0] == '/';
    size_t w = 0, r = 0, dotdot = 0;
    if (rooted) out[w++] = '/', r = 1, dotdot = 1;
    while (r < n) {
        if (p[r] == '/')
            r++;
        else if (p[r] == '.' && (r + 1 == n || p[r + 1] == '/'))
            r++;
        else if (p[r] == '.' && p[r + 1] == '.' && (r + 2 == n || p[r + 2] == '/')) {
            r += 2;
            if (w > dotdot) {
                w--;
                while (w > dotdot && out[w] != '/') w--;
            } else if (!rooted) {
                if (w > 0) out[w++] = '/';
                out[w++] = '.';
                out[w++] = '.';
                dotdot = w;
            }
        } else {
            if ((rooted && w != 1) || (!rooted && w != 0)) out[w++] = '/';
            while (r < n && p[r] != '/') out[w++] = p[r++];
        }
    }
    if (w == 0) out[w++] = '.';
    out[w] = 0;
    return w;
}

static int fn_basename(fcall *f, hv *out) {
    const char *s;
    size_t n;
    if (!arg_string(f, 0, &s, &n)) return TF_CALL_ERROR;
    if (n == 0) return *out = str_val("."), TF_CALL_OK;
    while (n > 0 && s[n - 1] == '/') n--;
    if (n == 0) return *out = str_val("/"), TF_CALL_OK;
    const char *slash = NULL;
    for (size_t i = n; i-- > 0;)
        if (s[i] == '/') {
            slash = s + i;
            break;
        }
    const char *b = slash ? slash + 1 : s;
    return new_str(f, b, n - (size_t)(b - s), out) ? TF_CALL_OK : TF_CALL_ERROR;
}

static int fn_dirname(fcall *f, hv *out) {
    const char *s;
    size_t n;
    if (!arg_string(f, 0, &s, &n)) return TF_CALL_ERROR;
    size_t cut = 0;
    for (size_t i = n; i-- > 0;)
        if (s[i] == '/') {
            cut = i + 1;
            break;
        }
    char *buf = scratch(f, cut + 3, 1);
    if (!buf) return TF_CALL_ERROR;
    size_t len = path_clean(s, cut, buf, cut + 3);
    return new_str(f, buf, len, out) ? TF_CALL_OK : TF_CALL_ERROR;
}

static int fn_abspath(fcall *f, hv *out) {
    const char *s;
    size_t n;
    if (!arg_string(f, 0, &s, &n)) return TF_CALL_ERROR;
    if (n == 0 || s[0] != '/') return unknown_result(f, out); /* relative to where Terraform runs */
    char *buf = scratch(f, n + 3, 1);
    if (!buf) return TF_CALL_ERROR;
    size_t len = path_clean(s, n, buf, n + 3);
    return new_str(f, buf, len, out) ? TF_CALL_OK : TF_CALL_ERROR;
}

static int fn_pathexpand(fcall *f, hv *out) {
    const char *s;
    size_t n;
    if (!arg_string(f, 0, &s, &n)) return TF_CALL_ERROR;
    if (n == 0 || s[0] != '~') return *out = f->args[0], TF_CALL_OK;
    if (n > 1 && s[1] != '/' && s[1] != '\\')
        return fail(f, "cannot expand user-specific home dir");
    return unknown_result(f, out); /* the home directory of whoever runs Terraform */
}

/* The tree-relative path of argument i. Returns 1, 0 on error, -1 when it cannot be known
 * (a path in the home directory). */
static int file_path(fcall *f, uint32_t i, char *out, size_t cap) {
    const char *s;
    size_t n;
    if (!arg_string(f, i, &s, &n)) return 0;
    if (n && s[0] == '~') return -1;
    if (memchr(s, 0, n)) return err_set(f, "invalid path \"%.*s\"", SHOW(s, n)), 0;
    if (n && (s[0] == '/' || s[0] == '\\' || (n > 1 && s[1] == ':')))
        return err_set(f,
                       "\"%.*s\" is an absolute path; tenken reads only files inside the "
                       "scanned tree",
                       SHOW(s, n)),
               0;
    if (!tk_path_join(f->c->module_dir ? f->c->module_dir : "", s, out, cap))
        return err_set(f, "\"%.*s\" is outside the scanned tree; tenken reads only files inside it",
                       SHOW(s, n)),
               0;
    return 1;
}

static int read_arg_file(fcall *f, uint32_t i, const char **data, size_t *len, hv *out) {
    char rel[PATH_CAP], why[200] = "";
    int k = file_path(f, i, rel, sizeof rel);
    if (k <= 0) return k < 0 ? unknown_result(f, out) : TF_CALL_ERROR;
    if (!f->c->fs->read(f->c->fs->self, rel, data, len, why, sizeof why))
        return fail(f, "no file exists at \"%s\"%s%s", rel, why[0] ? ": " : "", why);
    if (*len > max_string(f->c))
        return fail(f, "\"%s\" is larger than the limit of %zu bytes", rel, max_string(f->c));
    return -1; /* read: the caller goes on */
}

static int fn_file(fcall *f, hv *out) {
    const char *data;
    size_t len;
    int rc = read_arg_file(f, 0, &data, &len, out);
    if (rc != -1) return rc;
    if (!valid_utf8(data, len))
        return fail(f,
                    "contents of \"%.*s\" are not valid UTF-8; use the filebase64 function to "
                    "obtain the Base64 encoded contents or the other file functions (e.g. "
                    "filemd5, filesha256) to obtain file hashing results instead",
                    SHOW(f->args[0].u.s, f->args[0].n));
    return new_str(f, data, len, out) ? TF_CALL_OK : TF_CALL_ERROR;
}

static int fn_filebase64(fcall *f, hv *out) {
    const char *data;
    size_t len;
    int rc = read_arg_file(f, 0, &data, &len, out);
    if (rc != -1) return rc;
    sbuf b;
    sb_init(&b, f);
    b64_encode((const unsigned char *)data, len, &b);
    return sb_finish(f, &b, out);
}

static int file_hash(fcall *f, hv *out, hash_fn h, bool b64) {
    const char *data;
    size_t len;
    int rc = read_arg_file(f, 0, &data, &len, out);
    if (rc != -1) return rc;
    return digest_result(f, h, data, len, b64, out);
}
static int fn_filemd5(fcall *f, hv *out) {
    return file_hash(f, out, md5, false);
}
static int fn_filesha1(fcall *f, hv *out) {
    return file_hash(f, out, sha1, false);
}
static int fn_filesha256(fcall *f, hv *out) {
    return file_hash(f, out, sha256, false);
}
static int fn_filesha512(fcall *f, hv *out) {
    return file_hash(f, out, sha512, false);
}
static int fn_filebase64sha256(fcall *f, hv *out) {
    return file_hash(f, out, sha256, true);
}
static int fn_filebase64sha512(fcall *f, hv *out) {
    return file_hash(f, out, sha512, true);
}

/* A directory listing. */
typedef struct dentry {
    char *name;
    bool is_dir;
} dentry;
typedef struct dlist {
    dentry *e;
    size_t n, cap;
    bool oom;
} dlist;

static void dlist_add(void *ctx, const char *name, bool is_dir) {
    dlist *l = ctx;
    if (l->oom) return;
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 16;
        dentry *e = realloc(l->e, cap * sizeof *e);
        if (!e) {
            l->oom = true;
            return;
        }
        l->e = e;
        l->cap = cap;
    }
    char *copy = strdup(name);
    if (!copy) {
        l->oom = true;
        return;
    }
    l->e[l->n++] = (dentry){copy, is_dir};
}

static void dlist_free(dlist *l) {
    for (size_t i = 0; i < l->n; i++) free(l->e[i].name);
    free(l->e);
    memset(l, 0, sizeof *l);
}

/* Lists directory rel; false when it cannot be listed (missing, not a directory). */
static bool list_dir(fcall *f, const char *rel, dlist *l) {
    char why[200];
    memset(l, 0, sizeof *l);
    if (!f->c->fs->list || !f->c->fs->list(f->c->fs->self, rel, dlist_add, l, why, sizeof why)) {
        dlist_free(l);
        return false;
    }
    if (l->oom) {
        dlist_free(l);
        return err_set(f, "out of memory");
    }
    return true;
}

/* Whether rel names a file (1), a directory (2) or nothing (0); -1 on error. */
static int path_kind(fcall *f, const char *rel) {
    if (!rel[0]) return 2;
    const char *slash = strrchr(rel, '/');
    char parent[PATH_CAP];
    size_t pl = slash ? (size_t)(slash - rel) : 0;
    memcpy(parent, rel, pl);
    parent[pl] = 0;
    const char *name = slash ? slash + 1 : rel;
    dlist l;
    if (!list_dir(f, parent, &l)) return f->c->err[0] ? -1 : 0;
    int kind = 0;
    for (size_t i = 0; i < l.n && !kind; i++)
        if (!strcmp(l.e[i].name, name)) kind = l.e[i].is_dir ? 2 : 1;
    dlist_free(&l);
    return kind;
}

static int fn_fileexists(fcall *f, hv *out) {
    char rel[PATH_CAP];
    int k = file_path(f, 0, rel, sizeof rel);
    if (k <= 0) return k < 0 ? unknown_result(f, out) : TF_CALL_ERROR;
    int kind = path_kind(f, rel);
    if (kind < 0) return TF_CALL_ERROR;
    if (kind == 2) return fail(f, "\"%s\" is not a regular file, but a directory", rel);
    *out = hv_bool(kind == 1);
    return TF_CALL_OK;
}

/* ---- fileset: doublestar glob over the scanned tree ---- */

typedef struct glob {
    fcall *f;
    char **comp; /* pattern components */
    size_t ncomp;
    char **found;
    size_t nfound, cap_found;
    size_t visits;
    bool bad, limited;
} glob;

/* One component against one name: *, ?, [class], {a,b}, \x. 1 match, 0 no, -1 bad pattern. */
static int glob_match(const char *p, size_t pn, const char *s, size_t sn, int budget) {
    if (budget <= 0) return -2;
    size_t pi = 0, si = 0;
    while (pi < pn) {
        char c = p[pi];
        if (c == '*') {
            while (pi < pn && p[pi] == '*') pi++;
            if (pi == pn) return 1;
            for (size_t k = si; k <= sn; k++) {
                int r = glob_match(p + pi, pn - pi, s + k, sn - k, budget - 1);
                if (r) return r;
            }
            return 0;
        }
        if (c == '{') {
            /* alternatives: find the closing brace */
            size_t depth = 0, end = pi;
            for (; end < pn; end++) {
                if (p[end] == '\\')
                    end++;
                else if (p[end] == '{')
                    depth++;
                else if (p[end] == '}' && --depth == 0)
                    break;
            }
            if (end >= pn) return -1;
            size_t start = pi + 1, d = 0;
            for (size_t k = start; k <= end; k++) {
                if (k < end && p[k] == '\\') {
                    k++;
                    continue;
                }
                if (k < end && p[k] == '{')
                    d++;
                else if (k < end && p[k] == '}')
                    d--;
                if (k == end || (p[k] == ',' && d == 0)) {
                    size_t al = k - start, rest = pn - end - 1;
                    char *alt = malloc(al + rest + 1);
                    if (!alt) return -2;
                    memcpy(alt, p + start, al);
                    memcpy(alt + al, p + end + 1, rest);
                    int r = glob_match(alt, al + rest, s + si, sn - si, budget - 1);
                    free(alt);
                    if (r) return r;
                    start = k + 1;
                }
            }
            return 0;
        }
        if (si >= sn) {
            if (c == '[') { /* still check the class is closed */
                size_t e = pi + 1;
                while (e < pn && p[e] != ']') e += p[e] == '\\' ? 2 : 1;
                if (e >= pn) return -1;
            }
            return 0;
        }
        uint32_t sc;
        size_t sl = utf8_at(s, sn, si, &sc);
        if (c == '?') {
            pi++;
            si += sl;
            continue;
        }
        if (c == '[') {
            size_t k = pi + 1;
            bool neg = k < pn && p[k] == '^'; /* '!' is an ordinary character here */
            if (neg) k++;
            bool hit = false, first = true;
            while (k < pn && (p[k] != ']' || first)) {
                first = false;
                uint32_t lo, hi;
                if (p[k] == '\\') k++;
                if (k >= pn) return -1;
                k += utf8_at(p, pn, k, &lo);
                hi = lo;
                if (k + 1 < pn && p[k] == '-' && p[k + 1] != ']') {
                    k++;
                    if (p[k] == '\\') k++;
                    if (k >= pn) return -1;
                    k += utf8_at(p, pn, k, &hi);
                }
                if (sc >= lo && sc <= hi) hit = true;
            }
            if (k >= pn) return -1;
            if (hit == neg) return 0;
            pi = k + 1;
            si += sl;
            continue;
        }
        if (c == '\\') {
            pi++;
            if (pi >= pn) return -1;
        }
        uint32_t pc;
        size_t pl = utf8_at(p, pn, pi, &pc);
        if (pc != sc) return 0;
        pi += pl;
        si += sl;
    }
    return si == sn;
}

static bool has_meta(const char *s) {
    return strpbrk(s, "*?[{\\") != NULL;
}

static bool glob_add(glob *g, const char *path) {
    if (g->nfound == g->cap_found) {
        size_t cap = g->cap_found ? g->cap_found * 2 : 16;
        char **nf = realloc(g->found, cap * sizeof *nf);
        if (!nf) return err_set(g->f, "out of memory");
        g->found = nf;
        g->cap_found = cap;
    }
    char *copy = strdup(path);
    if (!copy) return err_set(g->f, "out of memory");
    g->found[g->nfound++] = copy;
    return true;
}

static void join_name(char *out, size_t cap, const char *dir, const char *name) {
    snprintf(out, cap, "%s%s%s", dir, dir[0] ? "/" : "", name);
}

/* Matches components [ci..) below directory dir (a tree-relative path). */
static bool glob_walk(glob *g, const char *dir, size_t ci, int depth) {
    if (depth > FILESET_MAX_DEPTH || ++g->visits > FILESET_MAX_VISITS) {
        g->limited = true;
        return true;
    }
    char path[PATH_CAP];
    if (ci == g->ncomp) {
        if (path_kind(g->f, dir) == 1) return glob_add(g, dir);
        return !g->f->c->err[0];
    }
    const char *comp = g->comp[ci];
    bool last = ci + 1 == g->ncomp;
    if (!has_meta(comp)) {
        join_name(path, sizeof path, dir, comp);
        if (strlen(path) + 1 >= PATH_CAP) return g->limited = true;
        return glob_walk(g, path, ci + 1, depth);
    }
    dlist l;
    if (!list_dir(g->f, dir, &l)) return !g->f->c->err[0];
    bool ok = true;
    bool star2 = !strcmp(comp, "**");
    if (star2 && !last) ok = glob_walk(g, dir, ci + 1, depth + 1); /* zero directories */
    for (size_t i = 0; i < l.n && ok && !g->limited; i++) {
        join_name(path, sizeof path, dir, l.e[i].name);
        if (strlen(path) + 1 >= PATH_CAP) {
            g->limited = true;
            break;
        }
        if (star2) {
            if (l.e[i].is_dir)
                ok = glob_walk(g, path, ci, depth + 1);
            else if (last)
                ok = glob_add(g, path);
            continue;
        }
        int m = glob_match(comp, strlen(comp), l.e[i].name, strlen(l.e[i].name), 10000);
        if (m == -1) {
            g->bad = true;
            break;
        }
        if (m == -2) {
            g->limited = true;
            break;
        }
        if (!m) continue;
        if (last) {
            if (!l.e[i].is_dir) ok = glob_add(g, path);
        } else if (l.e[i].is_dir) {
            ok = glob_walk(g, path, ci + 1, depth + 1);
        }
    }
    dlist_free(&l);
    return ok;
}

/* Go's filepath.Rel(base, target) for clean tree-relative paths. */
static void rel_path(const char *base, const char *target, char *out, size_t cap) {
    const char *b = base, *t = target;
    while (*b && *t) {
        size_t bl = strcspn(b, "/"), tl = strcspn(t, "/");
        if (bl != tl || memcmp(b, t, bl) != 0) break;
        b += bl + (b[bl] == '/');
        t += tl + (t[tl] == '/');
    }
    size_t k = 0;
    out[0] = 0;
    while (*b && k + 4 < cap) {
        k += (size_t)snprintf(out + k, cap - k, "%s..", k ? "/" : "");
        b += strcspn(b, "/");
        if (*b == '/') b++;
    }
    if (*t)
        snprintf(out + k, cap - k, "%s%s", k ? "/" : "", t);
    else if (!k)
        snprintf(out, cap, ".");
}

static int fn_fileset(fcall *f, hv *out) {
    const char *pat;
    size_t pn;
    char base[PATH_CAP], full[PATH_CAP];
    int k = file_path(f, 0, base, sizeof base);
    if (k <= 0) return k < 0 ? unknown_result(f, out) : TF_CALL_ERROR;
    if (!arg_string(f, 1, &pat, &pn)) return TF_CALL_ERROR;
    if (memchr(pat, '\\', pn) || memchr(pat, 0, pn)) return unknown_result(f, out);
    if (pn == 0) return new_set(f, NULL, 0, out) ? TF_CALL_OK : TF_CALL_ERROR;
    if (pat[0] == '/')
        return fail(f,
                    "\"%.*s\" is an absolute pattern; tenken reads only files inside the "
                    "scanned tree",
                    SHOW(pat, pn));
    char *pz = scratch(f, pn + 1, 1);
    if (!pz) return TF_CALL_ERROR;
    memcpy(pz, pat, pn);
    if (!tk_path_join(base, pz, full, sizeof full))
        return fail(f, "\"%.*s\" leads outside the scanned tree; tenken reads only files inside it",
                    SHOW(pat, pn));
    /* alternatives may not hold a '/' */
    for (size_t i = 0, d = 0; full[i]; i++) {
        if (full[i] == '{')
            d++;
        else if (full[i] == '}' && d)
            d--;
        else if (full[i] == '/' && d)
            return fail(f, "failed to glob pattern \"%s\": syntax error in pattern", full);
    }
    glob g;
    memset(&g, 0, sizeof g);
    g.f = f;
    size_t nc = 1;
    for (const char *p = full; *p; p++) nc += *p == '/';
    g.comp = scratch(f, nc, sizeof *g.comp);
    if (!g.comp) return TF_CALL_ERROR;
    char *copy = scratch(f, strlen(full) + 1, 1);
    if (!copy) return TF_CALL_ERROR;
    memcpy(copy, full, strlen(full));
    for (char *p = copy, *slash; p; p = slash ? slash + 1 : NULL) {
        slash = strchr(p, '/');
        if (slash) *slash = 0;
        if (*p) g.comp[g.ncomp++] = p;
    }
    f->c->err[0] = 0;
    bool ok = glob_walk(&g, "", 0, 0);
    int rc = TF_CALL_OK;
    if (!ok)
        rc = TF_CALL_ERROR;
    else if (g.bad)
        rc = fail(f, "failed to glob pattern \"%s\": syntax error in pattern", full);
    else if (g.limited)
        rc = unknown_result(f, out);
    else {
        hv *items = scratch(f, g.nfound, sizeof *items);
        if (!items) rc = TF_CALL_ERROR;
        for (size_t i = 0; i < g.nfound && rc == TF_CALL_OK; i++) {
            char rel[PATH_CAP];
            rel_path(base, g.found[i], rel, sizeof rel);
            if (!new_str(f, rel, strlen(rel), &items[i])) rc = TF_CALL_ERROR;
        }
        if (rc == TF_CALL_OK && !new_set(f, items, g.nfound, out)) rc = TF_CALL_ERROR;
    }
    for (size_t i = 0; i < g.nfound; i++) free(g.found[i]);
    free(g.found);
    return rc;
}

/* ---- templates ---- */

/* Template variable names must be identifiers (letters, digits, '_' and '-', not starting
 * with a digit or '-'). */
static bool check_template_vars(fcall *f, const hv *vars) {
    if (vars->kind != HV_OBJECT) return arg_err(f, 1, "invalid vars value: must be a map");
    for (uint32_t i = 0; i < vars->n; i++) {
        const char *k = vars->u.pairs[i].key;
        uint32_t kl = vars->u.pairs[i].klen;
        bool ok = kl > 0 && (is_letter(k[0]) || k[0] == '_' || (unsigned char)k[0] >= 0x80);
        for (uint32_t j = 0; j < kl && ok; j++) {
            if ((unsigned char)k[j] >= 0x80) ambiguous(f); /* Unicode letters are identifiers */
            ok = is_alnum_ascii(k[j]) || k[j] == '_' || k[j] == '-' || (unsigned char)k[j] >= 0x80;
        }
        if (!ok)
            return arg_err(f, 1,
                           "invalid template variable name \"%.*s\": must start with a letter, "
                           "followed by zero or more letters, digits, and underscores",
                           SHOW(k, kl));
    }
    return true;
}

static int render(fcall *f, const char *text, size_t len, hv *out) {
    const hv *vars = &f->args[1];
    if (!shape_known(vars)) return unknown_result(f, out);
    if (!check_template_vars(f, vars)) return TF_CALL_ERROR;
    if (!f->c->render) return unknown_result(f, out);
    char why[sizeof f->c->err];
    why[0] = 0;
    if (!f->c->render(f->c->render_self, text, len, vars, out, why, sizeof why))
        return fail(f, "%s", why[0] ? why : "the template could not be rendered");
    return TF_CALL_OK;
}

static int fn_templatefile(fcall *f, hv *out) {
    if (!wholly_known(&f->args[0])) return unknown_result(f, out);
    const char *data;
    size_t len;
    int rc = read_arg_file(f, 0, &data, &len, out);
    if (rc != -1) return rc;
    if (!valid_utf8(data, len))
        return fail(f, "contents of \"%.*s\" are not valid UTF-8",
                    SHOW(f->args[0].u.s, f->args[0].n));
    return render(f, data, len, out);
}

static int fn_templatestring(fcall *f, hv *out) {
    if (!wholly_known(&f->args[0])) return unknown_result(f, out);
    const char *s;
    size_t n;
    if (!arg_string(f, 0, &s, &n)) return TF_CALL_ERROR;
    return render(f, s, n, out);
}

/* ---- the table ---- */

#define N0 1u
#define N1 2u
#define N2 4u
#define NALL 0xFFFFFFFFu
#define NVAR 0x80000000u
#define UNK F_UNKNOWN_OK

/* Sorted by name. */
static const fn_def FUNCS[] = {
    {"abs", "num", 1, 1, 0, 0, fn_abs},
    {"abspath", "path", 1, 1, 0, 0, fn_abspath},
    {"alltrue", "list", 1, 1, UNK, 0, fn_alltrue},
    {"anytrue", "list", 1, 1, UNK, 0, fn_anytrue},
    {"base64decode", "str", 1, 1, 0, 0, fn_base64decode},
    {"base64encode", "str", 1, 1, 0, 0, fn_base64encode},
    {"base64sha256", "str", 1, 1, 0, 0, fn_base64sha256},
    {"base64sha512", "str", 1, 1, 0, 0, fn_base64sha512},
    {"basename", "path", 1, 1, 0, 0, fn_basename},
    {"bcrypt", "str,cost", 1, 2, UNK, NALL, fn_always_unknown},
    {"ceil", "num", 1, 1, 0, 0, fn_ceil},
    {"chomp", "str", 1, 1, 0, 0, fn_chomp},
    {"chunklist", "list,size", 2, 2, UNK, 0, fn_chunklist},
    {"cidrhost", "prefix,hostnum", 2, 2, 0, 0, fn_cidrhost},
    {"cidrnetmask", "prefix", 1, 1, 0, 0, fn_cidrnetmask},
    {"cidrsubnet", "prefix,newbits,netnum", 3, 3, 0, 0, fn_cidrsubnet},
    {"cidrsubnets", "prefix,newbits", 1, VARIADIC, 0, 0, fn_cidrsubnets},
    {"coalesce", "vals", 0, VARIADIC, UNK, NALL, fn_coalesce},
    {"coalescelist", "vals", 0, VARIADIC, UNK, NALL, fn_coalescelist},
    {"compact", "list", 1, 1, 0, 0, fn_compact},
    {"concat", "seqs", 0, VARIADIC, UNK, 0, fn_concat},
    {"contains", "list,value", 2, 2, UNK, 0, fn_contains},
    {"csvdecode", "str", 1, 1, 0, 0, fn_csvdecode},
    {"dirname", "path", 1, 1, 0, 0, fn_dirname},
    {"distinct", "list", 1, 1, 0, 0, fn_distinct},
    {"element", "list,index", 2, 2, UNK, 0, fn_element},
    {"endswith", "str,suffix", 2, 2, 0, 0, fn_endswith},
    {"file", "path", 1, 1, F_FILE, 0, fn_file},
    {"filebase64", "path", 1, 1, F_FILE, 0, fn_filebase64},
    {"filebase64sha256", "path", 1, 1, F_FILE, 0, fn_filebase64sha256},
    {"filebase64sha512", "path", 1, 1, F_FILE, 0, fn_filebase64sha512},
    {"fileexists", "path", 1, 1, F_FILE, 0, fn_fileexists},
    {"filemd5", "path", 1, 1, F_FILE, 0, fn_filemd5},
    {"fileset", "path,pattern", 2, 2, F_FILE, 0, fn_fileset},
    {"filesha1", "path", 1, 1, F_FILE, 0, fn_filesha1},
    {"filesha256", "path", 1, 1, F_FILE, 0, fn_filesha256},
    {"filesha512", "path", 1, 1, F_FILE, 0, fn_filesha512},
    {"flatten", "list", 1, 1, UNK, 0, fn_flatten},
    {"floor", "num", 1, 1, 0, 0, fn_floor},
    {"format", "format,args", 1, VARIADIC, 0, NVAR, fn_format},
    {"formatdate", "format,time", 2, 2, 0, 0, fn_formatdate},
    {"formatlist", "format,args", 1, VARIADIC, UNK, NVAR, fn_formatlist},
    {"indent", "spaces,str", 2, 2, 0, 0, fn_indent},
    {"index", "list,value", 2, 2, UNK, 0, fn_index},
    {"issensitive", "value", 1, 1, UNK, NALL, fn_always_unknown},
    {"join", "separator,lists", 1, VARIADIC, 0, 0, fn_join},
    {"jsondecode", "str", 1, 1, 0, 0, fn_jsondecode},
    {"jsonencode", "val", 1, 1, 0, N0, fn_jsonencode},
    {"keys", "inputMap", 1, 1, UNK, 0, fn_keys},
    {"length", "value", 1, 1, UNK, 0, fn_length},
    {"log", "num,base", 2, 2, 0, 0, fn_log},
    {"lookup", "inputMap,key,default", 2, 3, UNK, N2, fn_lookup},
    {"lower", "str", 1, 1, 0, 0, fn_lower},
    {"matchkeys", "values,keys,searchset", 3, 3, 0, 0, fn_matchkeys},
    {"max", "numbers", 0, VARIADIC, 0, 0, fn_max},
    {"md5", "str", 1, 1, 0, 0, fn_md5},
    {"merge", "maps", 0, VARIADIC, UNK, NALL, fn_merge},
    {"min", "numbers", 0, VARIADIC, 0, 0, fn_min},
    {"nonsensitive", "value", 1, 1, UNK, NALL, fn_sensitive},
    {"one", "list", 1, 1, UNK, 0, fn_one},
    {"parseint", "number,base", 2, 2, 0, 0, fn_parseint},
    {"pathexpand", "path", 1, 1, 0, 0, fn_pathexpand},
    {"plantimestamp", "", 0, 0, UNK, 0, fn_always_unknown},
    {"pow", "num,power", 2, 2, 0, 0, fn_pow},
    {"range", "params", 1, 3, 0, 0, fn_range},
    {"regex", "pattern,string", 2, 2, 0, 0, fn_regex},
    {"regexall", "pattern,string", 2, 2, 0, 0, fn_regexall},
    {"replace", "str,substr,replace", 3, 3, 0, 0, fn_replace},
    {"reverse", "list", 1, 1, UNK, 0, fn_reverse},
    {"rsadecrypt", "ciphertext,privatekey", 2, 2, UNK, NALL, fn_always_unknown},
    {"sensitive", "value", 1, 1, UNK, NALL, fn_sensitive},
    {"setintersection", "first_set,other_sets", 1, VARIADIC, 0, 0, fn_setintersection},
    {"setproduct", "sets", 0, VARIADIC, 0, 0, fn_setproduct},
    {"setsubtract", "a,b", 2, 2, 0, 0, fn_setsubtract},
    {"setunion", "first_set,other_sets", 1, VARIADIC, 0, 0, fn_setunion},
    {"sha1", "str", 1, 1, 0, 0, fn_sha1},
    {"sha256", "str", 1, 1, 0, 0, fn_sha256},
    {"sha512", "str", 1, 1, 0, 0, fn_sha512},
    {"signum", "num", 1, 1, 0, 0, fn_signum},
    {"slice", "list,start_index,end_index", 3, 3, UNK, 0, fn_slice},
    {"sort", "list", 1, 1, 0, 0, fn_sort},
    {"split", "separator,str", 2, 2, 0, 0, fn_split},
    {"startswith", "str,prefix", 2, 2, 0, 0, fn_startswith},
    {"strcontains", "str,substr", 2, 2, 0, 0, fn_strcontains},
    {"strrev", "str", 1, 1, 0, 0, fn_strrev},
    {"substr", "str,offset,length", 3, 3, 0, 0, fn_substr},
    {"sum", "list", 1, 1, 0, 0, fn_sum},
    {"templatefile", "path,vars", 2, 2, F_FILE | UNK, 0, fn_templatefile},
    {"templatestring", "template,vars", 2, 2, UNK, 0, fn_templatestring},
    {"textdecodebase64", "source,encoding", 2, 2, 0, 0, fn_textdecodebase64},
    {"textencodebase64", "string,encoding", 2, 2, 0, 0, fn_textencodebase64},
    {"timeadd", "timestamp,duration", 2, 2, 0, 0, fn_timeadd},
    {"timecmp", "timestamp_a,timestamp_b", 2, 2, 0, 0, fn_timecmp},
    {"timestamp", "", 0, 0, UNK, 0, fn_always_unknown},
    {"title", "str", 1, 1, 0, 0, fn_title},
    {"tobool", "v", 1, 1, 0, N0, fn_tobool},
    {"tolist", "v", 1, 1, UNK, N0, fn_tolist},
    {"tomap", "v", 1, 1, UNK, N0, fn_tomap},
    {"tonumber", "v", 1, 1, 0, N0, fn_tonumber},
    {"toset", "v", 1, 1, 0, N0, fn_toset},
    {"tostring", "v", 1, 1, 0, N0, fn_tostring},
    {"transpose", "values", 1, 1, 0, 0, fn_transpose},
    {"trim", "str,cutset", 2, 2, 0, 0, fn_trim},
    {"trimprefix", "str,prefix", 2, 2, 0, 0, fn_trimprefix},
    {"trimspace", "str", 1, 1, 0, 0, fn_trimspace},
    {"trimsuffix", "str,suffix", 2, 2, 0, 0, fn_trimsuffix},
    {"upper", "str", 1, 1, 0, 0, fn_upper},
    {"urlencode", "str", 1, 1, 0, 0, fn_urlencode},
    {"uuid", "", 0, 0, UNK, 0, fn_always_unknown},
    {"uuidv5", "namespace,name", 2, 2, 0, 0, fn_uuidv5},
    {"values", "mapping", 1, 1, UNK, 0, fn_values},
    {"yamldecode", "src", 1, 1, 0, 0, fn_yamldecode},
    {"yamlencode", "value", 1, 1, 0, N0, fn_yamlencode},
    {"zipmap", "keys,values", 2, 2, UNK, 0, fn_zipmap},
};

enum { N_FUNCS = sizeof FUNCS / sizeof *FUNCS };

static const fn_def *find_function(const char *name, size_t nlen) {
    size_t lo = 0, hi = N_FUNCS;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const char *m = FUNCS[mid].name;
        size_t ml = strlen(m);
        int c = memcmp(m, name, ml < nlen ? ml : nlen);
        if (c == 0) c = ml < nlen ? -1 : ml > nlen;
        if (c == 0) return &FUNCS[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

static bool may_be_null(const fn_def *d, uint32_t i) {
    if (d->nullable == NALL) return true;
    if ((d->nullable & NVAR) && d->max == VARIADIC && i >= d->min) return true;
    return i < 31 && ((d->nullable >> i) & 1u);
}

int tf_call(tf_call_ctx *c, const char *name, size_t nlen, const hv *args, uint32_t n, hv *out) {
    *out = hv_unknown();
    c->err[0] = 0;
    const fn_def *d = find_function(name, nlen);
    if (!d) return TF_CALL_UNSUPPORTED;
    fcall f = {c, d, args, n, false};
    if (n < d->min)
        return fail(&f, "not enough arguments: %s() expects at least %u", d->name, d->min);
    if (d->max != VARIADIC && n > d->max)
        return fail(&f, "too many arguments: %s() expects at most %u", d->name, d->max);
    for (uint32_t i = 0; i < n; i++)
        if (args[i].kind == HV_NULL && !may_be_null(d, i))
            return arg_err(&f, i, "argument must not be null"), TF_CALL_ERROR;
    if (!(d->flags & F_UNKNOWN_OK))
        for (uint32_t i = 0; i < n; i++)
            if (!wholly_known(&args[i])) return unknown_result(&f, out);
    if ((d->flags & F_FILE) && !c->fs) return unknown_result(&f, out);
    int rc = d->impl(&f, out);
    if (f.amb) {
        c->err[0] = 0;
        return unknown_result(&f, out);
    }
    return rc;
}

const char *const *tf_function_names(void) {
    static const char *const names[] = {"abs",
                                        "abspath",
                                        "alltrue",
                                        "anytrue",
                                        "base64decode",
                                        "base64encode",
                                        "base64sha256",
                                        "base64sha512",
                                        "basename",
                                        "bcrypt",
                                        "ceil",
                                        "chomp",
                                        "chunklist",
                                        "cidrhost",
                                        "cidrnetmask",
                                        "cidrsubnet",
                                        "cidrsubnets",
                                        "coalesce",
                                        "coalescelist",
                                        "compact",
                                        "concat",
                                        "contains",
                                        "csvdecode",
                                        "dirname",
                                        "distinct",
                                        "element",
                                        "endswith",
                                        "file",
                                        "filebase64",
                                        "filebase64sha256",
                                        "filebase64sha512",
                                        "fileexists",
                                        "filemd5",
                                        "fileset",
                                        "filesha1",
                                        "filesha256",
                                        "filesha512",
                                        "flatten",
                                        "floor",
                                        "format",
                                        "formatdate",
                                        "formatlist",
                                        "indent",
                                        "index",
                                        "issensitive",
                                        "join",
                                        "jsondecode",
                                        "jsonencode",
                                        "keys",
                                        "length",
                                        "log",
                                        "lookup",
                                        "lower",
                                        "matchkeys",
                                        "max",
                                        "md5",
                                        "merge",
                                        "min",
                                        "nonsensitive",
                                        "one",
                                        "parseint",
                                        "pathexpand",
                                        "plantimestamp",
                                        "pow",
                                        "range",
                                        "regex",
                                        "regexall",
                                        "replace",
                                        "reverse",
                                        "rsadecrypt",
                                        "sensitive",
                                        "setintersection",
                                        "setproduct",
                                        "setsubtract",
                                        "setunion",
                                        "sha1",
                                        "sha256",
                                        "sha512",
                                        "signum",
                                        "slice",
                                        "sort",
                                        "split",
                                        "startswith",
                                        "strcontains",
                                        "strrev",
                                        "substr",
                                        "sum",
                                        "templatefile",
                                        "templatestring",
                                        "textdecodebase64",
                                        "textencodebase64",
                                        "timeadd",
                                        "timecmp",
                                        "timestamp",
                                        "title",
                                        "tobool",
                                        "tolist",
                                        "tomap",
                                        "tonumber",
                                        "toset",
                                        "tostring",
                                        "transpose",
                                        "trim",
                                        "trimprefix",
                                        "trimspace",
                                        "trimsuffix",
                                        "upper",
                                        "urlencode",
                                        "uuid",
                                        "uuidv5",
                                        "values",
                                        "yamldecode",
                                        "yamlencode",
                                        "zipmap",
                                        NULL};
    return names;
}
