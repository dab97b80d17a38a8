/* Built-in functions of the Terraform language.
 *
 * The tables hold calls whose results were checked against Terraform 1.11 (terraform
 * console): arguments are JSON (decoded with jsondecode, so objects and tuples), the
 * expected result is JSON, or 'text for a string result, or !text for an error whose
 * message contains text, or ? for unknown. A string argument "(unknown)" stands for a value
 * known only after apply (deriving from resource instance 7). Then: unknown propagation,
 * errors, limits, the file sandbox (an in-memory tree) and templatefile. */
#include "unit.h"
#include "../../lib/tf_funcs.h"
#include <stdio.h>
#include <string.h>

enum { UNKNOWN_REF = 7 };

typedef struct fcase {
    const char *fn, *args, *want;
} fcase;

/* ---- an in-memory tree ---- */

typedef struct mem_file {
    const char *path, *data;
} mem_file;

static const mem_file TREE[] = {
    {"secret.txt", "top secret"},  {"mod/main.tf", "# module"},      {"mod/data.txt", "hello"},
    {"mod/bin.dat", "\xff\xfe"},   {"mod/tpl.tftpl", "Hi ${name}!"}, {"mod/sub/a.json", "{}"},
    {"mod/sub/deep/b.json", "[]"}, {"mod/sub/deep/c.yaml", "x: 1"},  {"mod/.hidden/d.json", "1"},
};

static bool mem_read(void *self, const char *rel, const char **data, size_t *len, char *err,
                     size_t errcap) {
    (void)self;
    for (size_t i = 0; i < sizeof TREE / sizeof *TREE; i++)
        if (!strcmp(TREE[i].path, rel)) {
            *data = TREE[i].data;
            *len = strlen(TREE[i].data);
            return true;
        }
    snprintf(err, errcap, "not found");
    return false;
}

/* Lists the names directly below rel (directories once each). */
static bool mem_list(void *self, const char *rel,
                     void (*each)(void *ctx, const char *name, bool is_dir), void *ctx, char *err,
                     size_t errcap) {
    (void)self;
    size_t rl = strlen(rel);
    const char *seen[16];
    size_t nseen = 0;
    bool any = rl == 0;
    for (size_t i = 0; i < sizeof TREE / sizeof *TREE; i++) {
        const char *p = TREE[i].path;
        if (rl && (strncmp(p, rel, rl) != 0 || p[rl] != '/')) continue;
        any = true;
        const char *name = rl ? p + rl + 1 : p;
        const char *slash = strchr(name, '/');
        char buf[64];
        size_t nl = slash ? (size_t)(slash - name) : strlen(name);
        snprintf(buf, sizeof buf, "%.*s", (int)nl, name);
        bool dup = false;
        for (size_t k = 0; k < nseen; k++)
            dup |= strlen(seen[k]) == nl && !strncmp(seen[k], name, nl);
        if (dup) continue;
        if (nseen < 16) seen[nseen++] = name;
        each(ctx, buf, slash != NULL);
    }
    if (!any) snprintf(err, errcap, "not a directory");
    return any;
}

static const tk_srcfs MEM_FS = {NULL, mem_read, mem_list};

/* ---- templatefile's renderer: replaces ${name} by vars.name (enough for the tests) ---- */

typedef struct renderer {
    tk_arena *a;
    int calls;
} renderer;

static bool fake_render(void *self, const char *text, size_t len, const hv *vars, hv *out,
                        char *err, size_t errcap) {
    renderer *r = self;
    r->calls++;
    if (len >= 4 && !memcmp(text, "FAIL", 4)) {
        snprintf(err, errcap, "template failed");
        return false;
    }
    char buf[256];
    size_t k = 0;
    for (size_t i = 0; i < len && k < sizeof buf - 1;) {
        if (i + 1 < len && text[i] == '$' && text[i + 1] == '{') {
            const char *end = memchr(text + i, '}', len - i);
            const hv *v = hv_get(vars, text + i + 2, (size_t)(end - text - i - 2));
            if (v && v->kind == HV_STRING && k + v->n < sizeof buf) {
                memcpy(buf + k, v->u.s, v->n);
                k += v->n;
            }
            i = (size_t)(end - text) + 1;
        } else {
            buf[k++] = text[i++];
        }
    }
    *out = hv_str(r->a, buf, k);
    return true;
}

/* ---- calling ---- */

typedef struct fixture {
    tk_arena a;
    tf_call_ctx c;
    renderer r;
} fixture;

static void fixture_init(fixture *t) {
    tk_arena_init(&t->a);
    memset(&t->c, 0, sizeof t->c);
    t->c.a = &t->a;
    t->c.fs = &MEM_FS;
    t->c.module_dir = "mod";
    t->r = (renderer){&t->a, 0};
    t->c.render = fake_render;
    t->c.render_self = &t->r;
}

/* Replaces every string "(unknown)" inside v by an unknown value. */
static void mark_unknowns(fixture *t, hv *v) {
    if (v->kind == HV_STRING && v->n == 9 && !memcmp(v->u.s, "(unknown)", 9)) {
        *v = hv_unknown_ref(&t->a, UNKNOWN_REF);
    } else if (v->kind == HV_TUPLE || v->kind == HV_SET) {
        for (uint32_t i = 0; i < v->n; i++) mark_unknowns(t, &v->u.items[i]);
    } else if (v->kind == HV_OBJECT) {
        for (uint32_t i = 0; i < v->n; i++) mark_unknowns(t, &v->u.pairs[i].val);
    }
}

static hv json_value(fixture *t, const char *json) {
    hv src = hv_str(&t->a, json, strlen(json)), out;
    int rc = tf_call(&t->c, "jsondecode", 10, &src, 1, &out);
    if (rc != TF_CALL_OK) fail_msg("bad test JSON %s: %s", json, t->c.err);
    mark_unknowns(t, &out);
    return out;
}

/* Calls fn with the JSON array args; returns the call's status. */
static int call(fixture *t, const char *fn, const char *args, hv *out) {
    hv list = json_value(t, args);
    assert_int_equal(list.kind, HV_TUPLE);
    return tf_call(&t->c, fn, strlen(fn), list.u.items, list.n, out);
}

static hv str_value(const char *s) {
    return hv_str_ref(s, strlen(s));
}

static bool has_ref(const hv *v, uint32_t ref) {
    for (uint32_t i = 0; v->kind == HV_UNKNOWN && i < v->n; i++)
        if (v->u.refs[i] == ref) return true;
    return false;
}

/* Checks one case; prints what went wrong and returns false on a mismatch. */
static bool check_case(fixture *t, const fcase *k) {
    hv out;
    int rc = call(t, k->fn, k->args, &out);
    char got[2048];
    if (rc == TF_CALL_ERROR) {
        snprintf(got, sizeof got, "!%s", t->c.err);
        if (k->want[0] == '!' && strstr(t->c.err, k->want + 1)) return true;
    } else if (rc == TF_CALL_UNSUPPORTED) {
        snprintf(got, sizeof got, "(unsupported)");
    } else if (out.kind == HV_UNKNOWN) {
        snprintf(got, sizeof got, "?");
        if (!strcmp(k->want, "?")) return true;
    } else if (out.kind == HV_STRING) {
        snprintf(got, sizeof got, "'%.*s", (int)out.n, out.u.s);
        if (k->want[0] == '\'' && strlen(k->want + 1) == out.n &&
            !memcmp(k->want + 1, out.u.s, out.n))
            return true;
    } else {
        hv js;
        if (tf_call(&t->c, "jsonencode", 10, &out, 1, &js) == TF_CALL_OK && js.kind == HV_STRING) {
            snprintf(got, sizeof got, "%.*s", (int)js.n, js.u.s);
            if (!strcmp(got, k->want)) return true;
        } else {
            snprintf(got, sizeof got, "(not encodable)");
        }
    }
    print_message("%s(%s)\n  want %s\n  got  %s\n", k->fn, k->args, k->want, got);
    return false;
}

static void run_cases(const fcase *cases, size_t n) {
    fixture t;
    fixture_init(&t);
    int failed = 0;
    for (size_t i = 0; i < n; i++) failed += !check_case(&t, &cases[i]);
    tk_arena_free(&t.a);
    assert_int_equal(failed, 0);
}

#define RUN(table) run_cases(table, sizeof table / sizeof *table)

static const fcase NUMBERS_CASES[] = {
    {"abs", "[5]", "5"},
    {"abs", "[-3.5]", "3.5"},
    {"abs", "[0]", "0"},
    {"abs", "[1e+21]", "1000000000000000000000"},
    {"ceil", "[1.2]", "2"},
    {"ceil", "[-1.2]", "-1"},
    {"floor", "[\"3.7\"]", "3"},
    {"log", "[8, 2]", "3"},
    {"log", "[100, 10]", "2"},
    {"max", "[1, \"5\", 3]", "5"},
    {"min", "[-1, 2]", "-1"},
    {"max", "[]", "!must pass at least one number"},
    {"parseint", "[\"ff\", 16]", "255"},
    {"parseint", "[\"-1010\", 2]", "-10"},
    {"parseint", "[\"Zz\", 62]", "3817"},
    {"parseint", "[\"12\", 1]", "!base must be a whole number between 2 and 62 inclu"},
    {"pow", "[3, 2]", "9"},
    {"pow", "[2, -2]", "0.25"},
    {"signum", "[-7]", "-1"},
    {"signum", "[0]", "0"},
    {"signum", "[0.5]", "!value must be a whole number, between -92233720368"},
    {"abs", "[\"(unknown)\"]", "?"},
    {"max", "[1, \"(unknown)\"]", "?"},
    {"abs", "[\"x\"]", "!cannot convert \"x\" to number"},
    {"abs", "[null]", "!argument must not be null"},
    {"abs", "[]", "!not enough arguments"},
    {"abs", "[1, 2]", "!too many arguments"},
    {"parseint", "[12, 10]", "!first argument must be a string"},
    {"parseint", "[\"1_000\", 10]", "!cannot parse \"1_000\" as a base 10 integer"},
    {"parseint", "[\"+7\", 10]", "7"},
    {"parseint", "[\"FFFFFFFFFFFFFFFFFF\", 16]", "?"},
    {"log", "[-1, 10]", "!not a number"},
    {"max", "[\"a\"]", "!cannot convert \"a\" to number"},
    {"parseint", "[\"0\", 2]", "0"},
    {"parseint", "[\"-0\", 10]", "0"},
    {"parseint", "[\"10\", 36]", "36"},
    {"parseint", "[\"ZZ\", 36]", "1295"},
    {"parseint", "[\"z\", 36]", "35"},
    {"parseint", "[\"A\", 11]", "10"},
    {"parseint", "[\"a\", 10]", "!cannot parse \"a\" as a base 10 integer"},
    {"log", "[1, 1]", "!the result of log(1, 1) is not a number"},
    {"log", "[10, 0]", "-0"},
    {"pow", "[0, 0]", "1"},
    {"max", "[0, 0]", "0"},
    {"min", "[1, 1.0]", "1"},
    {"ceil", "[-0.5]", "0"},
    {"floor", "[1e+300]",
     "100000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
     "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
     "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
     "0000000000000000000000"},
    {"abs", "[\"-1e2\"]", "100"},
    {"signum", "[\"-3\"]", "-1"},
};

static const fcase STRINGS_CASES[] = {
    {"chomp", "[\"x\\r\\n\"]", "'x"},
    {"chomp", "[\"a\\nb\\n\"]", "'a\nb"},
    {"endswith", "[\"hello\", \"lo\"]", "true"},
    {"startswith", "[\"hello\", \"he\"]", "true"},
    {"strcontains", "[\"hello\", \"ll\"]", "true"},
    {"indent", "[2, \"a\\nb\\n  c\"]", "'a\n  b\n    c"},
    {"join", "[\"-\", [\"a\", \"b\"], [\"c\"]]", "'a-b-c"},
    {"join", "[\",\", []]", "'"},
    {"join", "[\",\", [\"a\", null]]", "!element 1 is null; cannot concatenate null values"},
    {"join", "[\",\", [1, true, \"x\"]]", "'1,true,x"},
    {"lower", "[\"HÉLLO Straße ÀÖ\"]", "'héllo straße àö"},
    {"upper", "[\"héllo straße ÿ µ\"]", "'HÉLLO STRAßE Ÿ Μ"},
    {"title", "[\"hello world-foo_bar élan x.y ñu\"]", "'Hello World-Foo_bar Élan X.Y Ñu"},
    {"split", "[\",\", \"a,,b\"]", "[\"a\",\"\",\"b\"]"},
    {"split", "[\",\", \"\"]", "[\"\"]"},
    {"split", "[\"\", \"abc\"]", "[\"a\",\"b\",\"c\"]"},
    {"split", "[\"ab\", \"xabyabz\"]", "[\"x\",\"y\",\"z\"]"},
    {"strrev", "[\"abc\"]", "'cba"},
    {"strrev", "[\"héllo\\r\\n\"]", "'\r\nolléh"},
    {"substr", "[\"hello\", 1, 3]", "'ell"},
    {"substr", "[\"hello\", -3, -1]", "'llo"},
    {"substr", "[\"hello\", 10, 1]", "'"},
    {"substr", "[\"hello\", -10, 2]", "'he"},
    {"substr", "[\"abc\", -1, 0]", "'c"},
    {"substr", "[\"hello\", 0, 0]", "'"},
    {"substr", "[\"\", 0, 1]", "'"},
    {"substr", "[\"hello\", 2, -5]", "'llo"},
    {"trim", "[\"?!hello?!\", \"!?\"]", "'hello"},
    {"trim", "[\"aaa\", \"\"]", "'aaa"},
    {"trim", "[\"ééxé\", \"é\"]", "'x"},
    {"trimprefix", "[\"helloworld\", \"hello\"]", "'world"},
    {"trimsuffix", "[\"helloworld\", \"world\"]", "'hello"},
    {"trimspace", "[\"   x\\t\\n　\"]", "'x"},
    {"trimprefix", "[\"a\", \"ab\"]", "'a"},
    {"upper", "[\"(unknown)\"]", "?"},
    {"upper", "[\"e\u0301\"]", "?"},
    {"upper", "[\"\u01c6\"]", "?"},
    {"upper", "[1]", "'1"},
    {"upper", "[true]", "'TRUE"},
    {"lower", "[\"ÀÉ İ\"]", "'àé i"},
    {"title", "[\"hello wORLD-foo_bar x.y\"]", "'Hello WORLD-Foo_bar X.Y"},
    {"indent", "[-1, \"x\"]", "!must not be negative"},
    {"join", "[\",\"]", "!at least one list is required"},
    {"join", "[\",\", [\"a\", \"(unknown)\"]]", "?"},
    {"join", "[\",\", \"a\"]", "!list of string required"},
    {"split", "[\",\", null]", "!argument must not be null"},
    {"strrev", "[\"e\u0301x\"]", "?"},
    {"substr", "[\"e\u0301x\", 0, 1]", "?"},
    {"chomp", "[[1]]", "!string required"},
    {"split", "[\"é\", \"aébéc\"]", "[\"a\",\"b\",\"c\"]"},
    {"split", "[\"--\", \"a----b\"]", "[\"a\",\"\",\"b\"]"},
    {"trim", "[\"xyxxhixy\", \"xy\"]", "'hi"},
    {"trim", "[\"  x  \", \" \"]", "'x"},
    {"trimspace", "[\"\"]", "'"},
    {"trimspace", "[\"x \"]", "'x"},
    {"trimprefix", "[\"\", \"\"]", "'"},
    {"trimsuffix", "[\"abc\", \"\"]", "'abc"},
    {"title", "[\"ελληνικά кириллица\"]", "'Ελληνικά Кириллица"},
    {"upper", "[\"ελληνικά кириллица ς\"]", "'ΕΛΛΗΝΙΚΆ КИРИЛЛИЦА Σ"},
    {"lower", "[\"ΑΒΓ АБВ ΣΑΣ\"]", "'αβγ абв σασ"},
    {"title", "[\"o'neil mc-donald 3rd\"]", "'O'Neil Mc-Donald 3rd"},
    {"title", "[\"  leading\"]", "'  Leading"},
    {"upper", "[\"ﬁ\"]", "'ﬁ"},
    {"upper", "[\"ⓐ\"]", "'Ⓐ"},
    {"substr", "[\"héllo wörld\", 2, 5]", "'llo w"},
    {"substr", "[\"abc\", 1, -1]", "'bc"},
    {"substr", "[\"abc\", 3, 1]", "'"},
    {"substr", "[\"abc\", 2, 10]", "'c"},
    {"substr", "[\"abc\", -5, -1]", "'abc"},
    {"substr", "[\"日本語\", 1, 1]", "'本"},
    {"strrev", "[\"日本語\"]", "'語本日"},
    {"strrev", "[\"a👍b\"]", "'b👍a"},
    {"join", "[\"\", [\"a\", \"b\"]]", "'ab"},
    {"join", "[\", \", [\"a\"]]", "'a"},
    {"split", "[\" \", \"a b  c\"]", "[\"a\",\"b\",\"\",\"c\"]"},
};

static const fcase FORMAT_CASES[] = {
    {"format", "[\"%s-%d-%.2f-%5s|%-5s|%05d\", \"a\", 42, 3.14159, \"x\", \"y\", -7]",
     "'a-42-3.14-    x|y    |-0007"},
    {"format", "[\"%v %v %v %v\", 1.5, \"s\", true, [1, {\"a\": null}]]",
     "'1.5 s true [1,{\"a\":null}]"},
    {"format", "[\"%q %#v %t\", \"a\\\"\\n<\", {\"b\": [1, 2]}, \"true\"]",
     "'\"a\\\"\\n\\u003c\" {\"b\":[1,2]} true"},
    {"format", "[\"%x %X %o %b %e %E %g %G\", 255, 255, 8, 5, 1234.5678, 1.2e-05, 1e+20, 1e-07]",
     "'ff FF 10 101 1.234568e+03 1.200000E-05 1e+20 1E-07"},
    {"format", "[\"%3$s\"]", "!unrecognized format character '$' at offset 2"},
    {"format", "[\"%[2]s %[1]s %s\", \"a\", \"b\"]", "'b a b"},
    {"format", "[\"%d\", 1.5]", "!unsupported value for \"%d\" at 0: an integer is req"},
    {"format", "[\"%s\", [1]]", "!unsupported value for \"%s\" at 0: string required"},
    {"format", "[\"%z\", 1]", "!unsupported format verb 'z' in \"%z\" at offset 0"},
    {"format", "[\"abc%\"]", "!invalid format string starting at offset 4"},
    {"format", "[\"%10.4v|%-10v|%010.3f\", 3.14159, \"ab\", -3.14159]",
     "'   3.14159|ab        |-00003.142"},
    {"format", "[\"%d %d\", 1000000000000000.0, 123456789012]", "'1000000000000000 123456789012"},
    {"format", "[\"%.3s|%.10s|%5.1s\", \"abcdef\", \"ab\", \"xyz\"]", "'abc|ab|    x"},
    {"format", "[\"%g %g %g %g\", 100000, 1000000, 0.0001, 1e-05]", "'100000 1e+06 0.0001 1e-05"},
    {"format", "[\"%.3g %.10g %.1g %.0g\", 1234567, 1.5, 0.05, 7]", "'1.23e+06 1.5 0.05 7"},
    {"format", "[\"%#o %#b %#X %x\", 8, 5, 255, -255]", "'010 0b101 0XFF -ff"},
    {"format", "[\"%6.2f%%\", 12.3456]", "' 12.35%"},
    {"formatlist", "[\"%s=%s\", [\"a\", \"b\"], [\"1\", \"2\"]]", "[\"a=1\",\"b=2\"]"},
    {"formatlist", "[\"%s-%s\", \"x\", [\"a\", \"b\"]]", "[\"x-a\",\"x-b\"]"},
    {"formatlist", "[\"%s\", []]", "[]"},
    {"formatlist", "[\"%s %s\", [\"a\"], [\"b\", \"c\"]]",
     "!argument 2 has length 2, which is inconsistent wit"},
    {"formatlist", "[\"[%d]\", [1, 2, 3]]", "[\"[1]\",\"[2]\",\"[3]\"]"},
    {"format", "[\"%s\", null]", "?"},
    {"format", "[\"%s\", \"(unknown)\"]", "?"},
    {"format", "[\"%v\", [\"(unknown)\"]]", "?"},
    {"format", "[\"%5t|%-6v|%06s|%6.2v\", true, \"ab\", \"x\", \"abcdef\"]",
     "'true|ab    |00000x|abcdef"},
    {"format",
     "[\"%+.2f|% f|%08.3f|%-8.2f|%+08d|%-5d|%x|%#x|%.3d|%.0d|%05.1f\", 1.5, 2, -3.14159, 1.5, 42, "
     "7, -255, 255, 5, 0, -2.25]",
     "'+1.50| 2.000000|-003.142|1.50    |+0000042|7    |-ff|0xff|005||-02.2"},
    {"format", "[\"%v %v\", 1234567, 123456]", "'1.234567e+06 123456"},
    {"format", "[\"%.1f\", 0.05]", "?"},
    {"format", "[\"%.0f %.1f\", 2.5, 0.25]", "'2 0.2"},
    {"format", "[\"%[0]s\", \"a\"]", "!unrecognized format character '0' at offset 2"},
    {"format", "[\"%\", 1]", "!invalid format string starting at offset 1"},
    {"format", "[\"%c\", 65]", "!unsupported format verb 'c'"},
    {"format", "[\"%*d\", 5, 1]", "!unrecognized format character '*' at offset 1"},
    {"format", "[\"%d\", \"0x10\"]", "!a number is required"},
    {"format", "[\"%d\", true]", "!number required"},
    {"format", "[\"%[4]s\", \"a\"]", "!need index 4 but have 1 total"},
    {"format", "[\"%[3]s %s\", \"a\", \"b\", \"c\"]", "!need index 4 but have 3 total"},
    {"formatlist", "[\"%s\", [\"a\"], [\"b\"]]", "!only 1 used by format string"},
    {"format", "[\"%e|%d|%x|%f\", 0, 1e20, -1e20, 1e20]",
     "'0.000000e+00|100000000000000000000|-56bc75e2d63100000|100000000000000000000.000000"},
    {"format", "[\"%.2q|%-5q|\", \"é\\n\", \"a\"]", "'\"é\\n\"|\"a\"  |"},
    {"formatlist", "[\"%s\", \"a\"]", "[\"a\"]"},
    {"formatlist", "[\"%s\", \"(unknown)\"]", "?"},
    {"format", "[\"%q\", 1]", "'\"1\""},
    {"format", "[\"%q\", true]", "'\"true\""},
    {"format", "[\"%5.2s|\", \"héllo\"]", "'   hé|"},
    {"format", "[\"%-08d|\", 42]", "'42      |"},
    {"format", "[\"%08.3d|\", 42]", "'     042|"},
    {"format", "[\"%+s\", \"x\"]", "'x"},
    {"format", "[\"% x\", 255]", "' ff"},
    {"format", "[\"%#v\", 1.5]", "'1.5"},
    {"format", "[\"%10v|\", [1, 2]]", "'     [1,2]|"},
    {"format", "[\"%.2v\", \"abc\"]", "'abc"},
    {"format", "[\"%t\", 1]", "!unsupported value for \"%t\" at 0: bool required"},
    {"format", "[\"%t\", \"x\"]", "!unsupported value for \"%t\" at 0: cannot convert \"x"},
    {"format", "[\"%b\", -5]", "'-101"},
    {"format", "[\"%o\", -8]", "'-10"},
    {"format", "[\"%X\", 3735928559]", "'DEADBEEF"},
    {"format", "[\"%e\", -1234.5]", "'-1.234500e+03"},
    {"format", "[\"%E\", 1e+100]", "'1.000000E+100"},
    {"format", "[\"%.0e\", 5.5]", "'6e+00"},
    {"format", "[\"%.2g\", 0.000123456]", "'0.00012"},
    {"format", "[\"%g\", 1e+21]", "'1e+21"},
    {"format", "[\"%G\", 1e-05]", "'1E-05"},
    {"format", "[\"%.20f\", 0.1]", "'0.10000000000000000000"},
    {"format", "[\"%g\", 123456789]", "'1.23456789e+08"},
    {"format", "[\"%s %s\", \"a\", \"b\", \"c\"]",
     "!too many arguments; only 2 used by format string"},
    {"format", "[\"%%d\", \"x\"]", "!too many arguments; no verbs in format string"},
    {"format", "[\"%-5%\"]", "!unrecognized format character '%' at offset 3"},
    {"format", "[\"%5%\"]", "!unrecognized format character '%' at offset 2"},
    {"format", "[\"% 5d|%+5d|%-+5d|\", 3, 3, 3]", "'    3|   +3|+3   |"},
    {"format", "[\"%f|%e|%g|%v\", -0.0, -0.0, -0.0, -0.0]", "'-0.000000|-0.000000e+00|-0|-0"},
};

static const fcase REGEX_CASES[] = {
    {"regex", "[\"[a-z]+\", \"53453453.345345aaabbbccc23454\"]", "'aaabbbccc"},
    {"regex", "[\"(\\\\d{4})-(\\\\d{2})\", \"2019-02-01\"]", "[\"2019\",\"02\"]"},
    {"regex", "[\"(?P<y>\\\\d{4})-(?P<m>\\\\d{2})\", \"2019-02\"]",
     "{\"m\":\"02\",\"y\":\"2019\"}"},
    {"regex", "[\"(a)|(b)\", \"b\"]", "[null,\"b\"]"},
    {"regex", "[\"x\", \"abc\"]", "!pattern did not match any part of the given string"},
    {"regex", "[\"(?i)HELLO\", \"say hello\"]", "'hello"},
    {"regex", "[\"^\\\\s+x$\", \" \\t\\nx\"]", "' \t\nx"},
    {"regex", "[\"\\\\v\", \"a\\u000bb\"]",
     "'\x0b"
     ""},
    {"regex", "[\"a{2,3}\", \"aaaa\"]", "'aaa"},
    {"regex", "[\"[^\\\\s]+\", \"  ab \"]", "'ab"},
    {"regex", "[\"\\\\Qa.b\\\\E\", \"xa.by\"]", "'a.b"},
    {"regex", "[\"\\\\141\", \"a\"]", "'a"},
    {"regex", "[\"[[:upper:]]+\", \"abCDe\"]", "'CD"},
    {"regex", "[\"\\\\pL+\", \"12éa3\"]", "'éa"},
    {"regex", "[\"(?s)a.b\", \"a\\nb\"]", "'a\nb"},
    {"regex", "[\"a.b\", \"a\\nb\"]", "!pattern did not match any part of the given string"},
    {"regex", "[\"(?m)^b$\", \"a\\nb\\nc\"]", "'b"},
    {"regex", "[\"a$\", \"a\\n\"]", "!pattern did not match any part of the given string"},
    {"regex", "[\"a(?=b)\", \"ab\"]", "!invalid regexp pattern: invalid or unsupported Per"},
    {"regex", "[\"(a)\\\\1\", \"aa\"]", "!invalid regexp pattern: invalid escape sequence in"},
    {"regex", "[\"a**\", \"a\"]", "!invalid regexp pattern: invalid nested repetition "},
    {"regex", "[\"a*+\", \"a\"]", "!invalid regexp pattern: invalid nested repetition "},
    {"regex", "[\"a{1001}\", \"a\"]", "!invalid regexp pattern: invalid repeat count in {1"},
    {"regex", "[\"\\\\Z\", \"a\"]", "!invalid regexp pattern: invalid escape sequence in"},
    {"regex", "[\"(?P<x>a)(b)\", \"ab\"]", "!invalid regexp pattern: cannot mix both named and "},
    {"regex", "[\"a{,2}\", \"a{,2}\"]", "'a{,2}"},
    {"regex", "[\"a{2\", \"a{2\"]", "'a{2"},
    {"regex", "[\"x*?\", \"xx\"]", "'"},
    {"regexall", "[\"[a-z]+\", \"1234abcd5678efgh9\"]", "[\"abcd\",\"efgh\"]"},
    {"regexall", "[\"a*\", \"baaac\"]", "[\"\",\"aaa\",\"\"]"},
    {"regexall", "[\"\", \"abc\"]", "[\"\",\"\",\"\",\"\"]"},
    {"regexall", "[\"(\\\\w)(\\\\d)?\", \"a1b\"]", "[[\"a\",\"1\"],[\"b\",null]]"},
    {"regexall", "[\"x\", \"abc\"]", "[]"},
    {"regexall", "[\"é|\", \"aéb\"]", "[\"\",\"é\",\"\"]"},
    {"replace", "[\"aaa\", \"/a*/\", \"-\"]", "'-"},
    {"replace", "[\"baaac\", \"/a*/\", \"-\"]", "'-b-c-"},
    {"replace", "[\"abc\", \"\", \"-\"]", "'-a-b-c-"},
    {"replace", "[\"aXbXc\", \"X\", \"YY\"]", "'aYYbYYc"},
    {"replace", "[\"abc\", \"/b/\", \"$1x\"]", "'ac"},
    {"replace", "[\"abc\", \"/\", \"x\"]", "'abc"},
    {"replace", "[\"a/b\", \"/\", \"|\"]", "'a|b"},
    {"replace", "[\"xyz\", \"//\", \"-\"]", "'-x-y-z-"},
    {"regexall", "[\"(?P<k>\\\\w)=(?P<v>\\\\d)\", \"a=1 b=2\"]",
     "[{\"k\":\"a\",\"v\":\"1\"},{\"k\":\"b\",\"v\":\"2\"}]"},
    {"regex", "[\"(unknown)\", \"x\"]", "?"},
    {"regex", "[\"[a-\", \"x\"]", "!invalid regexp pattern"},
    {"regex", "[\"(?<n>a)\", \"a\"]", "{\"n\":\"a\"}"},
    {"regex", "[\"(?x) a\", \"a\"]", "!invalid or unsupported Perl syntax"},
    {"regex", "[\"\\\\8\", \"8\"]", "!invalid escape sequence"},
    {"regex", "[\"\\\\s+\", \"a\\u000b \\tb\"]", "' \t"},
    {"replace", "[\"hello world\", \"/w(or)ld/\", \"$1 $0 $$ ${1}x $9 ${x\"]",
     "'hello or world $ orx  ${x"},
    {"replace", "[\"x\", \"/(/\", \"y\"]", "!invalid regexp pattern"},
    {"regexall", "[\"\", \"é日\"]", "[\"\",\"\",\"\"]"},
    {"regexall", "[\"(?i)é\", \"ÉéE\"]", "[\"É\",\"é\"]"},
    {"regexall", "[\"a|\", \"baa\"]", "[\"\",\"a\",\"a\"]"},
    {"regexall", "[\"\\\\b\", \"ab cd\"]", "[\"\",\"\",\"\",\"\"]"},
    {"regexall", "[\"^\", \"a\\nb\"]", "[\"\"]"},
    {"regexall", "[\"(?m)^\", \"a\\nb\"]", "[\"\",\"\"]"},
    {"regexall", "[\"$\", \"a\\nb\"]", "[\"\"]"},
    {"regexall", "[\"(?m)$\", \"a\\nb\\n\"]", "[\"\",\"\",\"\"]"},
    {"replace", "[\"abc\", \"/x*/\", \"-\"]", "'-a-b-c-"},
    {"replace", "[\"héllo\", \"/l*/\", \".\"]", "'.h.é.o."},
    {"replace", "[\"aaa\", \"/a/\", \"$0$0\"]", "'aaaaaa"},
    {"replace", "[\"abc\", \"/(a)(b)(c)/\", \"$3$2$1\"]", "'cba"},
    {"replace", "[\"abc\", \"/(?P<first>a)/\", \"${first}_\"]", "'a_bc"},
    {"replace", "[\"abc\", \"/b/\", \"$\"]", "'a$c"},
    {"replace", "[\"abc\", \"/b/\", \"$1a\"]", "'ac"},
    {"replace", "[\"abc\", \"/b/\", \"${1}a\"]", "'aac"},
    {"replace", "[\"abab\", \"ab\", \"x\"]", "'xx"},
    {"replace", "[\"aaa\", \"aa\", \"b\"]", "'ba"},
    {"regex", "[\"^*a\", \"a\"]", "'a"},
    {"regex", "[\"\\\\b+a\", \"a\"]", "'a"},
    {"regex", "[\"(?i)*\", \"a\"]", "!invalid regexp pattern: missing argument to repeti"},
    {"regex", "[\"a{0}b\", \"b\"]", "'b"},
    {"regex", "[\"(?P<1a>x)\", \"x\"]", "{\"1a\":\"x\"}"},
    {"regex", "[\"x{2}{3}\", \"xxxxxx\"]", "!invalid regexp pattern: invalid nested repetition "},
    {"regex", "[\"(?:)\", \"x\"]", "'"},
    {"regex", "[\"()\", \"x\"]", "[\"\"]"},
    {"regex", "[\"[a-]+\", \"a-\"]", "'a-"},
    {"regex", "[\"[]a]+\", \"]a\"]", "']a"},
    {"regex", "[\"[^]a]+\", \"b]\"]", "'b"},
    {"regex", "[\"\\\\x{41}\", \"A\"]", "'A"},
    {"regex", "[\"\\\\x4\", \"A\"]", "!invalid regexp pattern: invalid escape sequence in"},
    {"regex", "[\"[\\\\d-z]+\", \"1-z\"]", "'1-z"},
    {"regex", "[\"\\\\pZ\", \"a b\"]", "' "},
    {"regex", "[\"\\\\p{Greek}+\", \"αβγ\"]", "'αβγ"},
    {"regex", "[\"[[:^alpha:]]+\", \"ab12\"]", "'12"},
    {"regex", "[\"(?U)a+\", \"aaa\"]", "'a"},
    {"regex", "[\"a++\", \"aa\"]", "!invalid regexp pattern: invalid nested repetition "},
    {"regex", "[\"$a\", \"a\"]", "!pattern did not match any part of the given string"},
    {"regex", "[\"\\\\C\", \"a\"]", "!invalid regexp pattern: invalid escape sequence in"},
    {"regex", "[\"\\\\e\", \"a\"]", "!invalid regexp pattern: invalid escape sequence in"},
    {"regex", "[\"(?-s).\", \"a\"]", "'a"},
    {"regex", "[\"[[:word:]]+\", \"a_b-c\"]", "'a_b"},
    {"regex", "[\"\\\\Aa\\\\z\", \"a\"]", "'a"},
    {"regex", "[\"(a)(?P<n>b)\", \"ab\"]", "!invalid regexp pattern: cannot mix both named and "},
    {"regex", "[\"[\\\\s]+\", \"a \\t\\u000bb\"]", "' \t"},
    {"regex", "[\"[\\\\S]+\", \" ab\\u000b \"]",
     "'ab\x0b"
     ""},
    {"regex", "[\"[^\\\\s]+\", \" a\\u000b\"]",
     "'a\x0b"
     ""},
    {"regex", "[\"\\\\W+\", \"a-+b\"]", "'-+"},
    {"regex", "[\"(?i)straße\", \"STRASSE\"]",
     "!pattern did not match any part of the given string"},
    {"regex", "[\"(?i)ǅ\", \"ǆ\"]", "'ǆ"},
    {"regex", "[\"\\\\d+\", \"١٢3\"]", "'3"},
    {"regex", "[\"\\\\w+\", \"éa_1\"]", "'a_1"},
    {"regex", "[\"\\\\bé\", \"a é\"]", "!pattern did not match any part of the given string"},
    {"regex", "[\".\", \" \"]", "' "},
    {"regex", "[\"\\\\17\", \"\\u000f\"]",
     "'\x0f"
     ""},
    {"regex", "[\"[\\\\0-\\\\7]\", \"\\u0003\"]",
     "!invalid regexp pattern: invalid escape sequence in"},
    {"regex", "[\"a|b|\", \"c\"]", "'"},
    {"regex", "[\"(|a)+\", \"aa\"]", "?"},
    {"regex", "[\"(a*)*\", \"aaa\"]", "?"},
    {"regex", "[\"(a|b)*?c\", \"abc\"]", "[\"b\"]"},
    {"regex", "[\"\\\\Q*\\\\E+\", \"**\"]", "'**"},
    {"regex", "[\"[\\\\Q]\\\\E]\", \"]\"]", "!invalid regexp pattern: invalid escape sequence in"},
    {"regex", "[\"x{1000}\", \"x\"]", "!pattern did not match any part of the given string"},
    {"regex", "[\"x{1,1000}\", \"xx\"]", "'xx"},
    {"regex", "[\"x{2,1}\", \"x\"]", "!invalid regexp pattern: invalid repeat count in {2"},
    {"regex", "[\"(?i:A)b\", \"ab\"]", "'ab"},
    {"regex", "[\"(?im)^A$\", \"x\\na\"]", "'a"},
    {"regex", "[\"\\\\pN+\", \"a12\"]", "'12"},
    {"regex", "[\"\\\\PL+\", \"ab12\"]", "'12"},
    {"regex", "[\"\\\\p{^Greek}+\", \"αab\"]", "'ab"},
    {"regex", "[\"[\\\\p{Lu}]+\", \"aBCd\"]", "'BC"},
    {"regex", "[\"\\\\z\", \"a\"]", "'"},
    {"regex", "[\"(?s:.)\", \"\\n\"]", "'\n"},
    {"regexall", "[\"a*?\", \"aa\"]", "[\"\",\"\",\"\"]"},
    {"regexall", "[\"\", \"é\"]", "[\"\",\"\"]"},
    {"regexall", "[\"\\\\b\", \"é a\"]", "[\"\",\"\"]"},
    {"regexall", "[\"(a)|(b)\", \"ab\"]", "[[\"a\",null],[null,\"b\"]]"},
    {"regexall", "[\"x*\", \"xax\"]", "[\"x\",\"x\"]"},
    {"replace", "[\"aaa\", \"/a*?/\", \"-\"]", "'-a-a-a-"},
    {"replace", "[\"abc\", \"/$/\", \"!\"]", "'abc!"},
    {"replace", "[\"abc\", \"/^/\", \"!\"]", "'!abc"},
    {"replace", "[\"a.b\", \"/\\\\./\", \"$$\"]", "'a$b"},
    {"replace", "[\"ab\", \"/(a)(b)/\", \"$2$1$2\"]", "'bab"},
    {"replace", "[\"x\", \"/x/\", \"${0}${00}$00\"]", "'x"},
    {"replace", "[\"日本\", \"/(.)/\", \"[$1]\"]", "'[日][本]"},
};

static const fcase COLLECTIONS_CASES[] = {
    {"alltrue", "[[true, \"true\"]]", "true"},
    {"alltrue", "[[]]", "true"},
    {"alltrue", "[[true, null]]", "false"},
    {"anytrue", "[[false, null]]", "false"},
    {"anytrue", "[[\"1\"]]", "true"},
    {"alltrue", "[[1]]", "!element 0: bool required"},
    {"chunklist", "[[1, 2, 3, 4, 5], 2]", "[[1,2],[3,4],[5]]"},
    {"chunklist", "[[1, 2, 3], 0]", "[[1,2,3]]"},
    {"chunklist", "[[\"a\", 1], 1]", "[[\"a\"],[\"1\"]]"},
    {"chunklist", "[[], 3]", "[]"},
    {"chunklist", "[[1], -1]", "!the size argument must be positive"},
    {"coalesce", "[\"\", \"b\"]", "'b"},
    {"coalesce", "[1, \"a\"]", "'1"},
    {"coalesce", "[null, \"\"]", "!no non-null, non-empty-string arguments"},
    {"coalesce", "[\"a\", [1]]", "!all arguments must have the same type"},
    {"coalesce", "[null, 2]", "2"},
    {"coalesce", "[[], [1]]", "[]"},
    {"coalesce", "[1, true]", "!all arguments must have the same type"},
    {"coalescelist", "[[], [1, 2]]", "[1,2]"},
    {"coalescelist", "[[], []]", "!no non-null arguments"},
    {"coalescelist", "[\"a\"]", "!coalescelist arguments must be lists or tuples"},
    {"compact", "[[\"a\", \"\", null, \"b\"]]", "[\"a\",\"b\"]"},
    {"compact", "[[\"a\", 1]]", "[\"a\",\"1\"]"},
    {"concat", "[[1], [\"a\"], []]", "[1,\"a\"]"},
    {"concat", "[[1], \"a\"]", "!all arguments must be lists or tuples; got string"},
    {"contains", "[[\"1\"], 1]", "false"},
    {"contains", "[[1, \"a\"], 1]", "true"},
    {"contains", "[[[1]], [1]]", "true"},
    {"contains", "[[{\"a\": 1}], {\"a\": 1}]", "true"},
    {"contains", "[\"a\", \"a\"]", "!argument must be list, tuple, or set"},
    {"distinct", "[[\"a\", 1, \"1\", \"a\"]]", "[\"a\",\"1\"]"},
    {"distinct", "[[[1], [1], [2]]]", "[[1],[2]]"},
    {"distinct", "[[1, true]]", "!all elements must have the same type"},
    {"element", "[[\"a\", \"b\", \"c\"], 4]", "'b"},
    {"element", "[[\"a\", \"b\", \"c\"], -1]",
     "!cannot use element function with a negative index"},
    {"element", "[[], 0]", "!cannot use element function with an empty list"},
    {"element", "[[\"a\"], \"0\"]", "'a"},
    {"flatten", "[[[1, [2, 3]], 4, [], [[]]]]", "[1,2,3,4]"},
    {"flatten", "[[{\"a\": [1]}, [2]]]", "[{\"a\":[1]},2]"},
    {"flatten", "[\"a\"]", "!can only flatten lists, sets and tuples"},
    {"index", "[[\"a\", \"b\"], \"b\"]", "1"},
    {"index", "[[\"a\", \"b\"], \"z\"]", "!item not found"},
    {"index", "[[], \"z\"]", "!cannot search an empty list"},
    {"index", "[[\"1\"], 1]", "!item not found"},
    {"keys", "[{\"b\": 1, \"a\": 2}]", "[\"a\",\"b\"]"},
    {"keys", "[[1]]", "!must have map or object type"},
    {"keys", "[{}]", "[]"},
    {"length", "[\"héllo\"]", "5"},
    {"length", "[{\"a\": 1}]", "1"},
    {"length", "[[1, 2]]", "2"},
    {"length", "[5]", "!argument must be a string, a collection type, or a"},
    {"length", "[\"\\r\\n\"]", "1"},
    {"length", "[\"日本語\"]", "3"},
    {"lookup", "[{\"a\": \"x\"}, \"b\"]", "!the given object has no attribute \"b\""},
    {"lookup", "[{\"a\": \"x\"}, \"a\"]", "'x"},
    {"lookup", "[{\"a\": 1, \"b\": \"x\"}, \"a\", \"d\"]", "1"},
    {"lookup", "[{\"a\": 1}, \"a\", null]", "1"},
    {"matchkeys", "[[\"a\", \"b\", \"c\"], [\"x\", \"y\", \"z\"], [\"y\", \"z\", \"q\"]]",
     "[\"b\",\"c\"]"},
    {"matchkeys", "[[\"a\", \"b\"], [\"x\"], [\"x\"]]",
     "!length of keys and values should be equal"},
    {"matchkeys", "[[\"a\", \"b\"], [1, 2], [\"2\"]]", "[\"b\"]"},
    {"matchkeys", "[[\"a\"], [\"x\"], []]", "[]"},
    {"merge", "[{\"a\": 1}, null, {\"b\": 2, \"a\": 3}]", "{\"a\":3,\"b\":2}"},
    {"merge", "[{\"a\": 1}, [1]]", "!arguments must be maps or objects, got \"tuple\""},
    {"merge", "[]", "{}"},
    {"merge", "[{\"a\": {\"x\": 1}}, {\"a\": {\"y\": 2}}]", "{\"a\":{\"y\":2}}"},
    {"one", "[[]]", "null"},
    {"one", "[[1]]", "1"},
    {"one", "[[1, 2]]", "!must be a list, set, or tuple value with either ze"},
    {"one", "[\"a\"]", "!must be a list, set, or tuple value with either ze"},
    {"range", "[3]", "[0,1,2]"},
    {"range", "[1, 4]", "[1,2,3]"},
    {"range", "[10, 0, -3]", "[10,7,4,1]"},
    {"range", "[0, 1, 0.25]", "[0,0.25,0.5,0.75]"},
    {"range", "[1025]", "!more than 1024 values were generated; either decre"},
    {"range", "[-3]", "[0,-1,-2]"},
    {"range", "[1, 2, 0]", "!more than 1024 values were generated; either decre"},
    {"range", "[2, 1, 1]", "!end must be greater than start when step is positi"},
    {"range", "[1, 1]", "[]"},
    {"range", "[5, 1]", "[5,4,3,2]"},
    {"reverse", "[[1, 2, 3]]", "[3,2,1]"},
    {"reverse", "[\"abc\"]", "!can only reverse list or tuple values, not string"},
    {"setintersection", "[[\"a\", \"b\"], [\"b\", \"c\"]]", "[\"b\"]"},
    {"setintersection", "[[1], [\"1\"]]", "[\"1\"]"},
    {"setproduct", "[[\"a\", \"b\"], [1, 2]]", "[[\"a\",1],[\"a\",2],[\"b\",1],[\"b\",2]]"},
    {"setproduct", "[[], [1]]", "[]"},
    {"setproduct", "[[\"a\"]]", "!at least two arguments are required"},
    {"setproduct", "[[[\"a\"], [\"b\"]], [1]]", "[[[\"a\"],1],[[\"b\"],1]]"},
    {"setsubtract", "[[\"a\", \"b\"], [\"b\"]]", "[\"a\"]"},
    {"setunion", "[[\"a\"], [1]]", "[\"1\",\"a\"]"},
    {"setunion", "[[\"b\", \"a\"], [\"a\", \"c\"]]", "[\"a\",\"b\",\"c\"]"},
    {"setunion", "[[1, 10, 2]]", "[1,2,10]"},
    {"slice", "[[\"a\", \"b\", \"c\"], 1, 3]", "[\"b\",\"c\"]"},
    {"slice", "[[\"a\", \"b\", \"c\"], 2, 1]", "!start index must not be greater than end index"},
    {"slice", "[[\"a\", \"b\", \"c\"], 0, 4]",
     "!end index must not be greater than the length of t"},
    {"slice", "[[1, 2, 3], -1, 2]", "!start index must not be less than zero"},
    {"slice", "[[1, 2, 3], 1.5, 2]", "!invalid start index: value must be a whole number,"},
    {"sort", "[[\"b\", \"a\", 10, 9]]", "[\"10\",\"9\",\"a\",\"b\"]"},
    {"sort", "[[]]", "[]"},
    {"sort", "[[\"b\", null]]", "!given list element 1 is null; a null string cannot"},
    {"sort", "[[\"é\", \"z\", \"E\", \"a\"]]", "[\"E\",\"a\",\"z\",\"é\"]"},
    {"sum", "[[1, 2.5, \"3\"]]", "6.5"},
    {"sum", "[[]]", "!cannot sum an empty list"},
    {"sum", "[[\"a\"]]", "!argument must be list, set, or tuple of number val"},
    {"sum", "[[1, null]]", "!argument must be list, set, or tuple of number val"},
    {"transpose", "[{\"a\": [\"1\", \"2\"], \"b\": [\"2\", \"3\"]}]",
     "{\"1\":[\"a\"],\"2\":[\"a\",\"b\"],\"3\":[\"b\"]}"},
    {"transpose", "[{\"a\": [\"1\", \"1\"]}]", "{\"1\":[\"a\",\"a\"]}"},
    {"transpose", "[{\"a\": [1]}]", "{\"1\":[\"a\"]}"},
    {"transpose", "[{\"b\": [\"x\"], \"a\": [\"x\"]}]", "{\"x\":[\"a\",\"b\"]}"},
    {"values", "[{\"b\": 1, \"a\": 2}]", "[2,1]"},
    {"zipmap", "[[\"a\", \"b\"], [1, 2]]", "{\"a\":1,\"b\":2}"},
    {"zipmap", "[[\"a\", \"b\"], [1]]", "!number of keys (2) does not match number of values"},
    {"zipmap", "[[\"a\", \"a\"], [1, 2]]", "{\"a\":2}"},
    {"zipmap", "[[\"a\", null], [1, 2]]", "!keys list has null value at index 1"},
    {"zipmap", "[[1, 2], [\"x\", \"y\"]]", "{\"1\":\"x\",\"2\":\"y\"}"},
    {"length", "[[\"(unknown)\", 1]]", "2"},
    {"length", "[\"(unknown)\"]", "?"},
    {"length", "[\"e\u0301\"]", "?"},
    {"length", "[{\"a\": \"(unknown)\"}]", "1"},
    {"lookup", "[{\"a\": \"(unknown)\"}, \"b\", \"d\"]", "'d"},
    {"lookup", "[{\"a\": \"(unknown)\"}, \"a\"]", "?"},
    {"lookup", "[{\"a\": 1}, \"(unknown)\"]", "?"},
    {"keys", "[{\"b\": \"(unknown)\", \"a\": 1}]", "[\"a\",\"b\"]"},
    {"keys", "[\"(unknown)\"]", "?"},
    {"coalesce", "[\"a\", \"(unknown)\"]", "'a"},
    {"coalesce", "[\"(unknown)\", \"a\"]", "?"},
    {"coalesce", "[null, \"\", \"b\"]", "'b"},
    {"coalesce", "[]", "!all arguments must have the same type"},
    {"coalescelist", "[\"(unknown)\", [1]]", "?"},
    {"coalescelist", "[[1], \"(unknown)\"]", "[1]"},
    {"alltrue", "[[false, \"(unknown)\"]]", "false"},
    {"alltrue", "[[\"(unknown)\", false]]", "?"},
    {"anytrue", "[[\"(unknown)\", true]]", "true"},
    {"anytrue", "[[\"(unknown)\", false]]", "?"},
    {"contains", "[[\"a\", \"(unknown)\"], \"a\"]", "true"},
    {"contains", "[[\"(unknown)\"], \"a\"]", "?"},
    {"contains", "[[], \"(unknown)\"]", "false"},
    {"element", "[[\"(unknown)\", \"x\"], 1]", "'x"},
    {"element", "[[\"(unknown)\", \"x\"], 0]", "?"},
    {"element", "[[\"a\"], 1.5]", "!invalid index: value must be a whole number"},
    {"index", "[[\"a\", \"(unknown)\"], \"a\"]", "0"},
    {"index", "[[\"(unknown)\", \"a\"], \"a\"]", "?"},
    {"one", "[[\"(unknown)\"]]", "?"},
    {"slice", "[[\"(unknown)\", 1, 2], 1, 3]", "[1,2]"},
    {"flatten", "[[[1], \"(unknown)\"]]", "?"},
    {"distinct", "[[\"a\", \"(unknown)\"]]", "?"},
    {"sort", "[[\"(unknown)\"]]", "?"},
    {"zipmap", "[[\"(unknown)\"], [1]]", "?"},
    {"sum", "[[1, \"(unknown)\"]]", "?"},
    {"range", "[1000000000]", "!more than 1024 values"},
    {"range", "[0, 1, 0.1]", "?"},
    {"sum", "[[0.1, 0.2]]", "?"},
    {"merge", "[\"(unknown)\"]", "?"},
    {"concat", "[[1], \"(unknown)\"]", "?"},
    {"lookup", "[{\"a\": \"x\"}, \"b\", 1]", "?"},
    {"length", "[\"日本語\"]", "3"},
    {"length", "[\"👍\"]", "1"},
    {"setproduct", "[[\"a\"], [\"b\"], [\"c\", \"d\"]]",
     "[[\"a\",\"b\",\"c\"],[\"a\",\"b\",\"d\"]]"},
    {"setproduct", "[[1, \"a\"], [true]]", "[[\"1\",true],[\"a\",true]]"},
    {"setproduct", "[[[1], [2]], [\"x\"]]", "[[[1],\"x\"],[[2],\"x\"]]"},
    {"setunion", "[[], []]", "[]"},
    {"setintersection", "[[\"a\"]]", "[\"a\"]"},
    {"setsubtract", "[[], [\"a\"]]", "[]"},
    {"setunion", "[[{\"a\": 1}], [{\"a\": 1}]]", "[{\"a\":1}]"},
    {"setintersection", "[[1, 2], [2.0]]", "[2]"},
    {"flatten", "[[[[[[\"deep\"]]]]]]", "[\"deep\"]"},
    {"flatten", "[[]]", "[]"},
    {"flatten", "[[null, [null]]]", "[null,null]"},
    {"coalesce", "[[1], []]", "[1]"},
    {"coalesce", "[{\"a\": 1}, null]", "{\"a\":1}"},
    {"coalesce", "[\"\", null, \"\"]", "!no non-null, non-empty-string arguments"},
    {"coalesce", "[0, 1]", "0"},
    {"coalesce", "[false, true]", "false"},
    {"coalesce", "[\"\", 0]", "'0"},
    {"chunklist", "[[1, 2, 3], 5]", "[[1,2,3]]"},
    {"element", "[[1, 2, 3], 1000000000000000.0]", "2"},
    {"matchkeys", "[[1, 2, 3], [\"a\", \"b\", \"c\"], [\"b\"]]", "[2]"},
    {"matchkeys", "[[1, 2], [1, 2], [\"1\"]]", "[1]"},
    {"matchkeys", "[[[1], [2]], [\"a\", \"b\"], [\"a\"]]", "[[1]]"},
    {"concat", "[[[1]], [[2]]]", "[[1],[2]]"},
    {"reverse", "[[]]", "[]"},
    {"one", "[[[1, 2]]]", "[1,2]"},
    {"keys", "[{\"b\": null, \"a\": {}}]", "[\"a\",\"b\"]"},
    {"lookup", "[{\"a\": {\"b\": 1}}, \"a\", {}]", "{\"b\":1}"},
    {"lookup", "[{}, \"a\", \"x\"]", "'x"},
    {"zipmap", "[[], []]", "{}"},
    {"transpose", "[{}]", "{}"},
    {"transpose", "[{\"a\": []}]", "{}"},
    {"distinct", "[[null, null, \"a\"]]", "[null,\"a\"]"},
    {"sort", "[[\"10\", \"9\", \"1\"]]", "[\"1\",\"10\",\"9\"]"},
    {"sum", "[[-1, 1]]", "0"},
    {"sum", "[[\"1e2\", 1]]", "101"},
    {"sum", "[[true]]", "!argument must be list, set, or tuple of number val"},
    {"index", "[[[1], [2]], [2]]", "1"},
    {"contains", "[[null], null]", "!argument must not be null"},
    {"contains", "[[\"a\"], null]", "!argument must not be null"},
    {"length", "[[]]", "0"},
    {"length", "[{\"\": 1}]", "1"},
    {"length", "[\"\"]", "0"},
    {"compact", "[[]]", "[]"},
    {"compact", "[[null]]", "[]"},
};

static const fcase CONVERSIONS_CASES[] = {
    {"tolist", "[[\"a\", 1]]", "[\"a\",\"1\"]"},
    {"tolist", "[[1, true]]", "!cannot convert tuple to list of any single type"},
    {"tolist", "[[{\"a\": 1}, {\"a\": \"x\"}]]", "[{\"a\":\"1\"},{\"a\":\"x\"}]"},
    {"tolist", "[[{\"a\": 1}, {\"b\": 2}]]", "[{\"a\":1},{\"b\":2}]"},
    {"tolist", "[[[1], [\"a\"]]]", "[[\"1\"],[\"a\"]]"},
    {"tolist", "[[null, 1]]", "[null,1]"},
    {"tolist", "[[[], [1]]]", "[[],[1]]"},
    {"tolist", "[[{\"a\": 1}, null]]", "!cannot convert tuple to list of any single type"},
    {"tolist", "[{\"a\": 1}]", "!cannot convert object to list of any single type"},
    {"tolist", "[\"a\"]", "!cannot convert string to list of any single type"},
    {"toset", "[[\"b\", 1, \"a\", 1]]", "[\"1\",\"a\",\"b\"]"},
    {"toset", "[[1, true]]", "!cannot convert tuple to set of any single type"},
    {"tomap", "[{\"a\": 1, \"b\": \"x\"}]", "{\"a\":\"1\",\"b\":\"x\"}"},
    {"tomap", "[{\"a\": 1, \"b\": true}]", "!cannot convert object to map of any single type"},
    {"tomap", "[{\"a\": [1], \"b\": [\"x\"]}]", "{\"a\":[\"1\"],\"b\":[\"x\"]}"},
    {"tomap", "[{\"a\": {\"x\": 1}, \"b\": {\"y\": 2}}]", "{\"a\":{\"x\":1},\"b\":{\"y\":2}}"},
    {"tomap", "[[]]", "!cannot convert tuple to map of any single type"},
    {"tostring", "[1e+21]", "'1000000000000000000000"},
    {"tostring", "[1e-07]", "'0.0000001"},
    {"tostring", "[true]", "'true"},
    {"tostring", "[[1]]", "!cannot convert tuple to string"},
    {"tonumber", "[\"0x10\"]", "!cannot convert \"0x10\" to number; given string must"},
    {"tonumber", "[\"1e3\"]", "1000"},
    {"tonumber", "[true]", "!cannot convert bool to number"},
    {"tonumber", "[\" 1\"]", "!cannot convert \" 1\" to number; given string must b"},
    {"tobool", "[\"1\"]", "true"},
    {"tobool", "[\"yes\"]", "!cannot convert \"yes\" to bool; only the strings \"tr"},
    {"tobool", "[1]", "!cannot convert number to bool"},
    {"tobool", "[\"1\"]", "true"},
    {"tobool", "[\"0\"]", "false"},
    {"tostring", "[null]", "null"},
    {"tolist", "[null]", "null"},
    {"tonumber", "[\"1e400\"]", "?"},
    {"tolist", "[[1, \"(unknown)\"]]", "?"},
    {"toset", "[[\"a\", \"(unknown)\"]]", "?"},
    {"tostring", "[\"(unknown)\"]", "?"},
    {"tolist", "[[[1], null]]", "!cannot convert tuple to list of any single type"},
    {"tolist", "[[[\"a\"], [\"b\", \"c\"], []]]", "[[\"a\"],[\"b\",\"c\"],[]]"},
    {"tolist", "[[{\"a\": [1]}, {\"a\": [\"x\", \"y\"]}]]",
     "[{\"a\":[\"1\"]},{\"a\":[\"x\",\"y\"]}]"},
    {"tomap", "[{\"a\": null, \"b\": null}]", "{\"a\":null,\"b\":null}"},
    {"tomap", "[{\"a\": {\"x\": 1}, \"b\": {\"x\": \"s\", \"y\": 2}}]",
     "{\"a\":{\"x\":\"1\"},\"b\":{\"x\":\"s\",\"y\":\"2\"}}"},
    {"tolist", "[[[1, \"a\"], [true, \"b\"]]]", "!cannot convert tuple to list of any single type"},
    {"tolist", "[[1, null, \"x\"]]", "[\"1\",null,\"x\"]"},
    {"toset", "[[null, \"a\"]]", "[\"a\",null]"},
    {"toset", "[[[1, 2], [1, 2]]]", "[[1,2]]"},
};

static const fcase ENCODINGS_CASES[] = {
    {"base64decode", "[\"SGVsbG8=\"]", "'Hello"},
    {"base64decode", "[\"SGVsbG8\"]", "!failed to decode base64 data \"SGVsbG8\""},
    {"base64decode", "[\"SGVs\\nbG8=\"]", "'Hello"},
    {"base64decode", "[\"/w==\"]", "!the result of decoding the provided string is not "},
    {"base64decode", "[\"SGVsbG9=\"]", "'Hello"},
    {"base64encode", "[\"Hello ✓\"]", "'SGVsbG8g4pyT"},
    {"textencodebase64", "[\"Hello\", \"UTF-8\"]", "'SGVsbG8="},
    {"textdecodebase64", "[\"SGVsbG8=\", \"utf-8\"]", "'Hello"},
    {"textdecodebase64", "[\"/w==\", \"UTF-8\"]",
     "!the given string contains symbols that are not def"},
    {"textdecodebase64", "[\"S=GV\", \"UTF-8\"]",
     "!the given value is has an invalid base64 symbol at"},
    {"urlencode", "[\"a b&c=d/é~_.-!*()'\"]", "'a+b%26c%3Dd%2F%C3%A9~_.-%21%2A%28%29%27"},
    {"jsondecode",
     "[\"{\\\"a\\\":1,\\\"b\\\":[true,null,\\\"x\\\"],\\\"c\\\":{\\\"d\\\":1.5e3}}\"]",
     "{\"a\":1,\"b\":[true,null,\"x\"],\"c\":{\"d\":1500}}"},
    {"jsondecode", "[\"{\\\"a\\\":1,\\\"a\\\":2}\"]", "{\"a\":2}"},
    {"jsondecode", "[\"[1,\"]", "!unexpected end of JSON input"},
    {"jsondecode", "[\"  1  \"]", "1"},
    {"jsondecode", "[\"\\\"\\\\u00e9\\\\ud83d\\\\ude00\\\\ud800\\\"\"]", "'é😀�"},
    {"jsondecode", "[\"\"]", "!unexpected end of JSON input"},
    {"jsondecode", "[\"1 2\"]", "!extraneous data after JSON object"},
    {"jsondecode", "[\"01\"]", "!extraneous data after JSON object"},
    {"jsondecode", "[\"-0\"]", "-0"},
    {"jsondecode", "[\"[1,]\"]", "!invalid character ']' looking for beginning of val"},
    {"jsondecode", "[\"{\\\"a\\\" 1}\"]", "!invalid character '1' after object key (at offset "},
    {"jsonencode", "[{\"b\": [1, 2.5, null, true], \"a\": \"x\"}]",
     "'{\"a\":\"x\",\"b\":[1,2.5,null,true]}"},
    {"jsonencode", "[0.1]", "'0.1"},
    {"jsonencode", "[1e+300]",
     "'10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
     "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
     "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
     "00000000000000000000000"},
    {"csvdecode", "[\"a,b\\n1,2\\n3,4\"]", "[{\"a\":\"1\",\"b\":\"2\"},{\"a\":\"3\",\"b\":\"4\"}]"},
    {"csvdecode", "[\"a,b\\n1,2,3\"]", "!CSV parse error on line 2: wrong number of fields"},
    {"csvdecode", "[\"\"]", "!missing header line"},
    {"csvdecode", "[\"a,b\"]", "[]"},
    {"csvdecode", "[\"a,\\\"b\\nc\\\"\\r\\n\\\"x\\\"\\\"y\\\",2\\r\\n\\n\"]",
     "[{\"a\":\"x\\\"y\",\"b\\nc\":\"2\"}]"},
    {"csvdecode", "[\"a\\n\\\"x\"]", "!CSV parse error on line 2: extraneous or missing \""},
    {"csvdecode", "[\"a\\nx\\\"y\"]", "!CSV parse error on line 2: bare \" in non-quoted-fi"},
    {"csvdecode", "[\"a,a\\n1,2\"]", "!duplicate column name \"a\""},
    {"csvdecode", "[\" a , b \\n 1 , 2 \"]", "[{\" a \":\" 1 \",\" b \":\" 2 \"}]"},
    {"csvdecode", "[\"a\\n\\\"x\\\"y\"]", "!CSV parse error on line 2: extraneous or missing \""},
    {"csvdecode", "[\"a,b\\r\\n1,2\\r\\n\"]", "[{\"a\":\"1\",\"b\":\"2\"}]"},
    {"csvdecode", "[\"a\\n\\n\\nb\\n\"]", "[{\"a\":\"b\"}]"},
    {"jsonencode", "[[\"(unknown)\"]]", "?"},
    {"jsondecode", "[\"12345678901234567890\"]", "?"},
    {"textencodebase64", "[\"Hello\", \"UTF-16LE\"]", "?"},
    {"textdecodebase64", "[\"SGVsbG8=\", \"csUTF8\"]", "'Hello"},
    {"jsonencode", "[{\"a\": [1, {\"b\": null}], \"c\": -0.5}]",
     "'{\"a\":[1,{\"b\":null}],\"c\":-0.5}"},
    {"base64decode", "[\"\"]", "'"},
    {"base64decode", "[\"YQ==YQ==\"]", "!failed to decode base64 data"},
    {"csvdecode", "[\"a\\n\\\"x\\\"y\"]", "!extraneous or missing \" in quoted-field"},
    {"csvdecode", "[\"a,b\\n\\\"1\\\"\\\"\\\",2\"]", "[{\"a\":\"1\\\"\",\"b\":\"2\"}]"},
    {"csvdecode", "[\"a\\n\\\"x\\\"\\n\\\"y\\\"\\\"\\\"\\n\"]",
     "[{\"a\":\"x\"},{\"a\":\"y\\\"\"}]"},
    {"csvdecode", "[\"a,b\\r\\n1,\\r\\n\"]", "[{\"a\":\"1\",\"b\":\"\"}]"},
    {"csvdecode", "[\"a;b\\n1;2\"]", "[{\"a;b\":\"1;2\"}]"},
    {"csvdecode", "[\"﻿a\\n1\"]", "[{\"﻿a\":\"1\"}]"},
    {"csvdecode", "[\"a\\n1\\r2\"]", "[{\"a\":\"1\\r2\"}]"},
    {"csvdecode", "[\"a,b\\n\\\"x\\ny\\\",2\"]", "[{\"a\":\"x\\ny\",\"b\":\"2\"}]"},
    {"csvdecode", "[\"\\\"a\\nb\\\",c\\n1,2\\n3\"]",
     "!CSV parse error on line 4: wrong number of fields"},
    {"csvdecode", "[\"a\\n \"]", "[{\"a\":\" \"}]"},
    {"csvdecode", "[\"a,b\\n,\\n\"]", "[{\"a\":\"\",\"b\":\"\"}]"},
    {"jsondecode", "[\"[1e3, -1.5E-2, 0.0, 1E+2]\"]", "[1000,-0.015,0,100]"},
    {"jsondecode", "[\"{\\\"\\\":1}\"]", "{\"\":1}"},

    {"jsondecode", "[\"[\\\"\\\\/\\\\b\\\\f\\\\n\\\\r\\\\t\\\"]\"]", "[\"/\\b\\f\\n\\r\\t\"]"},
    {"jsondecode", "[\"{\\\"a\\\":{\\\"a\\\":{\\\"a\\\":[]}}}\"]", "{\"a\":{\"a\":{\"a\":[]}}}"},
    {"jsondecode", "[\"tru\"]", "!unexpected end of JSON input"},
    {"jsondecode", "[\"[1 2]\"]", "!invalid character '2' after array element (at offs"},
    {"jsondecode", "[\"\\t\\n 1 \\r\"]", "1"},
    {"jsondecode", "[\"{\\\"b\\\":1,\\\"a\\\":{\\\"d\\\":2,\\\"c\\\":3}}\"]",
     "{\"a\":{\"c\":3,\"d\":2},\"b\":1}"},
    {"jsonencode", "[{\"z\": 1, \"a\": {\"y\": [], \"b\": {}}}]",
     "'{\"a\":{\"b\":{},\"y\":[]},\"z\":1}"},
    {"jsonencode", "[\"é 😀\"]", "'\"é 😀\""},
    {"jsonencode", "[[1.5e-10, 123456789, -0.0001]]", "'[0.00000000015,123456789,-0.0001]"},
    {"jsonencode", "[true]", "'true"},
};

static const fcase YAML_CASES[] = {
    {"yamldecode", "[\"a: 1\\nb: [true, null, x]\\nc: {d: 1.5e3}\"]",
     "{\"a\":1,\"b\":[true,null,\"x\"],\"c\":{\"d\":1500}}"},
    {"yamldecode", "[\"yes\"]", "true"},
    {"yamldecode", "[\"on\"]", "true"},
    {"yamldecode", "[\"~\"]", "null"},
    {"yamldecode", "[\"0x1F\"]", "31"},
    {"yamldecode", "[\"0o17\"]", "15"},
    {"yamldecode", "[\"017\"]", "17"},
    {"yamldecode", "[\"1_000\"]", "'1_000"},
    {"yamldecode", "[\".nan\"]", "!on line 1, column 1: floating point NaN is not sup"},
    {"yamldecode", "[\"1e3\"]", "1000"},
    {"yamldecode", "[\"1.\"]", "1"},
    {"yamldecode", "[\"+1\"]", "1"},
    {"yamldecode", "[\"2001-12-14t21:59:43.10-05:00\"]", "'2001-12-14T21:59:43-05:00"},
    {"yamldecode", "[\"2002-12-14\"]", "'2002-12-14T00:00:00Z"},
    {"yamldecode", "[\"!!str 1\"]", "'1"},
    {"yamldecode", "[\"!!binary aGVsbG8=\"]", "'aGVsbG8="},
    {"yamldecode", "[\"a: &x [1]\\nb: *x\"]", "{\"a\":[1],\"b\":[1]}"},
    {"yamldecode", "[\"<<: {a: 1}\\nb: 2\"]", "{\"a\":1,\"b\":2}"},
    {"yamldecode", "[\"a: 1\\na: 2\"]", "{\"a\":2}"},
    {"yamldecode", "[\"\"]", "!on line 2, column 1: missing start of document"},
    {"yamldecode", "[\"---\\na: 1\\n---\\nb: 2\"]",
     "!on line 3, column 1: only a single document is all"},
    {"yamldecode", "[\"? [1]\\n: x\"]", "!on line 1, column 3: only strings are allowed as m"},
    {"yamldecode", "[\"1: a\\ntrue: b\\nnull: c\"]",
     "!on line 3, column 1: mapping key cannot be null"},
    {"yamldecode", "[\"a: |\\n  x\\n  y\\n\"]", "{\"a\":\"x\\ny\\n\"}"},
    {"yamldecode", "[\"[\"]", "!on line 2, column 1: did not find expected node co"},
    {"yamldecode", "[\"True\"]", "true"},
    {"yamldecode", "[\"- 1\\n- -2.5\\n- '3'\"]", "[1,-2.5,\"3\"]"},
    {"yamldecode", "[\"a: 2\\n<<: {a: 1, c: 3}\"]", "{\"a\":1,\"c\":3}"},
    {"yamldecode", "[\"<<: [{a: 1}]\\nc: 3\"]",
     "!on line 1, column 5: cannot merge tuple into mappi"},
    {"yamldecode", "[\"0b101\"]", "'0b101"},
    {"yamldecode", "[\"-0x1F\"]", "'-0x1F"},
    {"yamldecode", "[\"+.5\"]", "0.5"},
    {"yamldecode", "[\"1e\"]", "'1e"},
    {"yamldecode", "[\"2001-12-14 21:59:43.10\"]", "'2001-12-14T21:59:43Z"},
    {"yamldecode", "[\"2001-1-4\"]", "'2001-01-04T00:00:00Z"},
    {"yamldecode", "[\"2001-13-4\"]", "'2001-13-4"},
    {"yamldecode", "[\"!!float 1\"]", "1"},
    {"yamldecode", "[\"!foo x\"]", "!on line 1, column 1: unsupported tag \"!foo\""},
    {"yamldecode", "[\"!!bool yes\"]", "true"},
    {"yamldecode", "[\"!!null x\"]", "null"},
    {"yamldecode", "[\"'yes'\"]", "'yes"},
    {"yamldecode", "[\"yes: no\"]", "{\"true\":false}"},
    {"yamldecode", "[\"1.50: x\"]", "{\"1.5\":\"x\"}"},
    {"yamldecode", "[\"a: &x [*x]\"]", "!on line 1, column 8: cannot refer to anchor \"x\" fr"},
    {"yamldecode", "[\"a: *y\"]", "!on line 1, column 4: reference to undefined anchor"},
    {"yamldecode", "[\"%YAML 1.2\\n---\\na\"]", "!found incompatible YAML document"},
    {"yamldecode", "[\"a\\n...\"]", "'a"},
    {"yamldecode", "[\"--- a\"]", "'a"},
    {"yamldecode", "[\"# c\"]", "!on line 2, column 1: missing start of document"},
    {"yamldecode", "[\"inf\"]", "'inf"},
    {"yamldecode", "[\"+inf\"]", "'+inf"},
    {"yamldecode", "[\"00\"]", "0"},
    {"yamldecode", "[\"-\"]", "[null]"},
    {"yamldecode", "[\"1:2\"]", "'1:2"},
    {"yamldecode", "[\"2001-12-14T21:59:43Z\"]", "'2001-12-14T21:59:43Z"},
    {"yamldecode", "[\"2001-12-14 21:59:43 +5\"]", "'2001-12-14 21:59:43 +5"},
    {"yamldecode", "[\"!!timestamp 2001-12-14\"]", "'2001-12-14T00:00:00Z"},
    {"yamldecode", "[\"!!int 0x1F\"]", "31"},
    {"yamldecode", "[\"a: !!str 1.0\"]", "{\"a\":\"1.0\"}"},
    {"yamldecode", "[\"key with spaces: value\"]", "{\"key with spaces\":\"value\"}"},
    {"yamldecode", "[\"a:\\n  - b\\n  - c: d\\n    e: f\"]",
     "{\"a\":[\"b\",{\"c\":\"d\",\"e\":\"f\"}]}"},
    {"yamldecode", "[\"\\\"\\\\u00e9\\\\t\\\"\"]", "'é\t"},
    {"yamldecode", "[\"'it''s'\"]", "'it's"},
    {"yamldecode", "[\">\\n  folded\\n  text\\n\"]", "'folded text\n"},
    {"yamldecode", "[\"|+\\n  keep\\n\\n\"]", "'keep\n\n"},
    {"yamldecode", "[\"0.1\"]", "0.1"},
    {"yamldecode", "[\"-0\"]", "-0"},
    {"yamldecode", "[\".5e1\"]", "5"},
    {"yamldecode", "[\"0x\"]", "'0x"},
    {"yamldecode", "[\"0o8\"]", "'0o8"},
    {"yamlencode", "[{\"a\": 1, \"b\": \"x\", \"c\": [true, null], \"d\": {}, \"e\": []}]",
     "'\"a\": 1\n\"b\": \"x\"\n\"c\":\n- true\n- null\n\"d\": {}\n\"e\": []\n"},
    {"yamlencode", "[\"hello\"]", "'\"hello\"\n"},
    {"yamlencode",
     "[[\"a\", \"b: c\", \"yes\", \"1\", \"\", \"multi\\nline\", \"true\", \"null\", \"~\", \" "
     "x\", \"#x\", \"x: y\"]]",
     "'- \"a\"\n- \"b: c\"\n- \"yes\"\n- \"1\"\n- \"\"\n- |-\n  multi\n  line\n- \"true\"\n- "
     "\"null\"\n- \"~\"\n- \" x\"\n- \"#x\"\n- \"x: y\"\n"},
    {"yamlencode", "[1.5]", "'1.5\n...\n"},
    {"yamlencode", "[null]", "'null\n...\n"},
    {"yamlencode", "[{\"a\": {\"b\": {\"c\": 1}}, \"l\": [[1, 2], {\"x\": 1}]}]",
     "'\"a\":\n  \"b\":\n    \"c\": 1\n\"l\":\n- - 1\n  - 2\n- \"x\": 1\n"},
    {"yamlencode", "[\"é😀\"]", "'\"é\\U0001F600\"\n"},
    {"yamlencode",
     "[\"aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm nnnn oooo pppp qqqq rrrr "
     "ssss\"]",
     "'\"aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm nnnn oooo pppp qqqq\n  "
     "rrrr ssss\"\n"},
    {"yamlencode", "[{\"multi\\nkey\": 1, \"\": 2}]", "'\"\": 2\n? |-\n  multi\n  key\n: 1\n"},
    {"yamlencode", "[1e+21]", "'1000000000000000000000\n...\n"},
    {"yamlencode", "[-1e-06]", "'-0.000001\n...\n"},
    {"yamlencode", "[true]", "'true\n...\n"},
    {"yamlencode", "[[]]", "'[]\n"},
    {"yamlencode", "[{}]", "'{}\n"},
    {"yamldecode", "[\"(unknown)\"]", "?"},
    {"yamlencode", "[[\"(unknown)\"]]", "?"},
    {"yamlencode", "[\"a\\n\\n\"]", "'|+\n  a\n\n"},
    {"yamldecode",
     "[\"a: &a [x, x, x, x, x, x, x, x, x, x]\\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, "
     "*a]\\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\\nd: &d [*c, *c, *c, *c, *c, *c, *c, "
     "*c, *c, *c]\\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\\nf: [*e, *e, *e, *e, *e, *e, "
     "*e, *e, *e, *e]\"]",
     "?"},
    {"yamldecode", "[\"a: b: c\"]", "!on line 1, column 5: mapping values are not allowe"},
    {"yamldecode", "[\"[1, 2, [3, {a: b}]]\"]", "[1,2,[3,{\"a\":\"b\"}]]"},
    {"yamldecode", "[\"{a: 1, b: [x, y]}\"]", "{\"a\":1,\"b\":[\"x\",true]}"},
    {"yamldecode", "[\"- a\\n-\\n- c\"]", "[\"a\",null,\"c\"]"},
    {"yamldecode", "[\"a:\"]", "{\"a\":null}"},
    {"yamldecode", "[\"? a\\n: b\"]", "{\"a\":\"b\"}"},
    {"yamldecode", "[\"!!map {a: 1}\"]", "{\"a\":1}"},
    {"yamldecode", "[\"!!seq [1]\"]", "[1]"},
    {"yamldecode", "[\"!!str [1]\"]", "!on line 1, column 1: unsupported tag on a sequence"},
    {"yamldecode", "[\"&x a\"]", "'a"},
    {"yamldecode", "[\"*x\"]", "!on line 1, column 1: reference to undefined anchor"},
    {"yamldecode", "[\"a: &x 1\\nb: &x 2\\nc: *x\"]", "{\"a\":1,\"b\":2,\"c\":2}"},
    {"yamldecode", "[\"x: !!float 1e3\"]", "{\"x\":1000}"},
    {"yamldecode", "[\"x: !!int 1.5\"]", "{\"x\":1.5}"},
    {"yamldecode", "[\"x: !!bool maybe\"]",
     "!on line 1, column 4: cannot parse \"maybe\" as !!boo"},
    {"yamldecode", "[\"x: !!timestamp bad\"]",
     "!on line 1, column 4: cannot parse \"bad\" as !!times"},
    {"yamldecode", "[\"- 1e-3\\n- -1e3\\n- 0.000001\"]", "[0.001,-1000,0.000001]"},
    {"yamldecode", "[\"- 1E+2\"]", "[100]"},
    {"yamldecode", "[\"- 12e\"]", "[\"12e\"]"},
    {"yamldecode", "[\"- '0x10'\\n- 0x10\\n- 0X10\"]", "[\"0x10\",16,\"0X10\"]"},
    {"yamldecode", "[\"- .1\\n- -.1\\n- +.1\"]", "[0.1,-0.1,0.1]"},
    {"yamldecode", "[\"- 1__0\"]", "[\"1__0\"]"},
    {"yamldecode", "[\"- 2020-01-01T00:00:00Z\\n- 2020-01-01t10:00:00+09:00\\n- 2020-1-1 1:2:3\"]",
     "[\"2020-01-01T00:00:00Z\",\"2020-01-01T10:00:00+09:00\",\"2020-01-01T01:02:03Z\"]"},
    {"yamldecode", "[\"- 2020-01-01 10:00:00 +09:00\"]", "[\"2020-01-01 10:00:00 +09:00\"]"},
    {"yamldecode", "[\"- 0o777\\n- 0O7\"]", "[511,\"0O7\"]"},
    {"yamldecode", "[\"x: \\\"\\\\u00e9\\\\x41\\\\t\\\"\"]", "{\"x\":\"éA\\t\"}"},
    {"yamldecode", "[\"x: 'a''b'\"]", "{\"x\":\"a'b\"}"},
    {"yamldecode", "[\"x: >-\\n  a\\n  b\\n\\n  c\\n\"]", "{\"x\":\"a b\\nc\"}"},
    {"yamldecode", "[\"x: |2\\n    indented\\n\"]", "{\"x\":\"  indented\\n\"}"},
    {"yamldecode", "[\"a\\tb\"]", "'a\tb"},
    {"yamldecode", "[\"key: [a, b]: c\"]", "!on line 1, column 12: mapping values are not allow"},
    {"yamldecode", "[\"a: 1 # comment\\n# c\\nb: 2\"]", "{\"a\":1,\"b\":2}"},
    {"yamldecode", "[\"- ~\\n- null\\n- Null\\n- NULL\\n- nUll\"]",
     "[null,null,null,null,\"nUll\"]"},
    {"yamldecode", "[\"- Y\\n- y\\n- n\\n- N\\n- Off\\n- oN\"]",
     "[true,true,false,false,false,\"oN\"]"},
    {"yamldecode", "[\"x: 1\\n...\\n\"]", "{\"x\":1}"},
    {"yamldecode", "[\"--- !!str\\nx\"]", "'x"},
    {"yamldecode", "[\"%TAG ! tag:example.com,2000:\\n---\\n!x 1\"]",
     "!on line 3, column 1: unsupported tag \"tag:example."},
    {"yamldecode", "[\"x: !<tag:yaml.org,2002:str> 1\"]", "{\"x\":\"1\"}"},
    {"yamlencode", "[[\"a\", \"\\u0007\", \"é\", \"\\t\"]]",
     "'- \"a\"\n- \"\\a\"\n- \"é\"\n- \"\\t\"\n"},
    {"yamlencode", "[{\"b\": {\"c\": []}, \"a\": [{}]}]", "'\"a\":\n- {}\n\"b\":\n  \"c\": []\n"},
    {"yamlencode", "[[[[]]]]", "'- - []\n"},
    {"yamlencode", "[[null, true, false, 0, -1.5, 1e-07]]",
     "'- null\n- true\n- false\n- 0\n- -1.5\n- 0.0000001\n"},
    {"yamlencode", "[\"line1\\nline2\"]", "'|-\n  line1\n  line2\n"},
    {"yamlencode", "[\"ends with newline\\n\"]", "'|\n  ends with newline\n"},
    {"yamlencode", "[\"  leading\"]", "'\"  leading\"\n"},
    {"yamlencode", "[\"trailing  \"]", "'\"trailing  \"\n"},
    {"yamlencode", "[\"#\"]", "'\"#\"\n"},
    {"yamlencode", "[\"- x\"]", "'\"- x\"\n"},
    {"yamlencode", "[\"[x]\"]", "'\"[x]\"\n"},
    {"yamlencode", "[\"{x}\"]", "'\"{x}\"\n"},
    {"yamlencode", "[\"x:y\"]", "'\"x:y\"\n"},
    {"yamlencode", "[\"a'b\"]", "'\"a'b\"\n"},
    {"yamlencode", "[\"a\\\"b\"]", "'\"a\\\"b\"\n"},
    {"yamlencode", "[\"\\\\\"]", "'\"\\\\\"\n"},
    {"yamlencode", "[\"😀\"]", "'\"\\U0001F600\"\n"},
    {"yamlencode", "[\"a b\"]", "'\"a b\"\n"},
    {"yamlencode", "[\"﻿\"]", "'\"\\uFEFF\"\n"},
    {"yamlencode", "[\"null\"]", "'\"null\"\n"},
    {"yamlencode", "[\"~\"]", "'\"~\"\n"},
    {"yamlencode", "[\"1.0\"]", "'\"1.0\"\n"},
    {"yamlencode", "[\"0x1\"]", "'\"0x1\"\n"},
    {"yamlencode", "[\"1e5\"]", "'\"1e5\"\n"},
    {"yamlencode", "[\".5\"]", "'\".5\"\n"},
    {"yamlencode", "[\"Y\"]", "'\"Y\"\n"},
    {"yamlencode", "[\"on\"]", "'\"on\"\n"},
    {"yamlencode", "[\"=\"]", "'\"=\"\n"},
    {"yamlencode", "[\"<<\"]", "'\"<<\"\n"},
    {"yamlencode", "[\"2020-01-01\"]", "'\"2020-01-01\"\n"},
};

static const fcase HASHES_CASES[] = {
    {"md5", "[\"\"]", "'d41d8cd98f00b204e9800998ecf8427e"},
    {"md5", "[\"hello world\"]", "'5eb63bbbe01eeed093cb22bb8f5acdc3"},
    {"md5", "[\"éééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé\"]",
     "'1f2ed9663699c7e50c359ca883ea4d06"},
    {"sha1", "[\"\"]", "'da39a3ee5e6b4b0d3255bfef95601890afd80709"},
    {"sha1", "[\"hello world\"]", "'2aae6c35c94fcfb415dbe95f408b9ce91ee846ed"},
    {"sha1", "[\"éééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé\"]",
     "'ca8c50669c9466c8abfc852c0e92e3e10d1abe59"},
    {"sha256", "[\"\"]", "'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
    {"sha256", "[\"hello world\"]",
     "'b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9"},
    {"sha256", "[\"éééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé\"]",
     "'845836d7e680de9961df321148f8cb5e8a7da92aba65f5b05b817c3b58256bd5"},
    {"sha512", "[\"\"]",
     "'cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877e"
     "ec2f63b931bd47417a81a538327af927da3e"},
    {"sha512", "[\"hello world\"]",
     "'309ecc489c12d6eb4cc40f50c902f2b4d0ed77ee511a7c7a9bcd3ca86d4cd86f989dd35bc5ff499670da34255b45"
     "b0cfd830e81f605dcf7dc5542e93ae9cd76f"},
    {"sha512", "[\"éééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé\"]",
     "'9ab65919e9337ad6bf52afe909df9559b85069ec1d9e41188607b2f9b515bd4e7ccd343db362b9f946cb4eb0bff3"
     "caccd491dbf01dc6ddf3782bc871fcde2644"},
    {"base64sha256", "[\"\"]", "'47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="},
    {"base64sha256", "[\"hello world\"]", "'uU0nuZNNPgilLlLX2n2r+sSE7+N6U4DukIj3rOLvzek="},
    {"base64sha256", "[\"éééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé\"]",
     "'hFg21+aA3plh3zIRSPjLXop9qSq6ZfWwW4F8O1gla9U="},
    {"base64sha512", "[\"\"]",
     "'z4PhNX7vuL3xVChQ1m2AB9Yg5AULVxXcg/SpIdNs6c5H0NE8XYXysP+DGNKHfuwvY7kxvUdBeoGlODJ6+SfaPg=="},
    {"base64sha512", "[\"hello world\"]",
     "'MJ7MSJwS1utMxA9QyQLytNDtd+5RGnx6m808qG1M2G+YndNbxf9JlnDaNCVbRbDP2DDoH2Bdz33FVC6TrpzXbw=="},
    {"base64sha512", "[\"éééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé\"]",
     "'mrZZGekzeta/Uq/pCd+VWbhQaewdnkEYhgey+bUVvU58zTQ9s2K5+UbLTrC/88rM1JHb8B3G3fN4K8hx/N4mRA=="},
    {"uuidv5", "[\"dns\", \"www.terraform.io\"]", "'a5008fae-b28c-5ba5-96cd-82b4c53552d6"},
    {"uuidv5", "[\"url\", \"https://terraform.io\"]", "'5140c503-ddc4-55fc-899d-445947e3ac1d"},
    {"uuidv5", "[\"oid\", \"1.2.3\"]", "'42d5e23b-3a02-5135-85c6-52d1102f1f00"},
    {"uuidv5", "[\"x500\", \"CN=x\"]", "'955bb643-faf8-5f69-a3de-891b89fea215"},
    {"uuidv5", "[\"6ba7b810-9dad-11d1-80b4-00c04fd430c8\", \"x\"]",
     "'05b16a01-46c6-56dd-bd6e-c6dfb4a1427a"},
    {"uuidv5", "[\"{6BA7B810-9DAD-11D1-80B4-00C04FD430C8}\", \"x\"]",
     "'05b16a01-46c6-56dd-bd6e-c6dfb4a1427a"},
    {"uuidv5", "[\"6ba7b8109dad11d180b400c04fd430c8\", \"x\"]",
     "'05b16a01-46c6-56dd-bd6e-c6dfb4a1427a"},
    {"uuidv5", "[\"bad\", \"x\"]", "!uuidv5() doesn't support namespace bad (invalid UU"},
    {"md5", "[\"(unknown)\"]", "?"},
    {"sha256", "[\"abc\"]", "'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
    {"sha512", "[\"abc\"]",
     "'ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3fe"
     "ebbd454d4423643ce80e2a9ac94fa54ca49f"},
    {"sha1", "[\"abc\"]", "'a9993e364706816aba3e25717850c26c9cd0d89d"},
    {"md5", "[\"The quick brown fox jumps over the lazy dog\"]",
     "'9e107d9d372bb6826bd81d3542a419d6"},
    {"sha256", "[\"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq\"]",
     "'248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},

};

static const fcase TIME_CASES[] = {
    {"formatdate", "[\"YYYY-MM-DD'T'hh:mm:ssZ\", \"2018-01-02T23:12:01-08:00\"]",
     "'2018-01-02T23:12:01-08:00"},
    {"formatdate", "[\"EEEE, DD-MMM-YY hh:mm:ss ZZZ ZZZZ ZZZZZ Z\", \"2018-01-02T23:12:01Z\"]",
     "'Tuesday, 02-Jan-18 23:12:01 UTC +0000 +00:00 Z"},
    {"formatdate", "[\"H HH AA aa h m s M D\", \"2018-01-02T00:02:01+05:30\"]",
     "'12 12 AM am 0 2 1 1 2"},
    {"formatdate", "[\"'it''s' DD MMMM\", \"2020-01-01T00:00:00Z\"]", "'it's 01 January"},
    {"formatdate", "[\"x\", \"2018-01-02\"]",
     "!not a valid RFC3339 timestamp: missing required ti"},
    {"formatdate", "[\"Q\", \"2018-01-02T00:00:00Z\"]", "!invalid date format verb \"Q\""},
    {"formatdate", "[\"YYY\", \"2018-01-02T00:00:00Z\"]",
     "!invalid date format verb \"YYY\": year must either b"},
    {"formatdate", "[\"'abc\", \"2018-01-02T00:00:00Z\"]", "!unterminated literal '"},
    {"formatdate", "[\"DD\", \"2018-02-30T00:00:00Z\"]",
     "!not a valid RFC3339 timestamp: day out of range"},
    {"formatdate", "[\"DD\", \"2020-02-29T00:00:00Z\"]", "'29"},
    {"formatdate", "[\"hh\", \"2018-01-02T1:02:03Z\"]",
     "!not a valid RFC3339 timestamp: hour must have exac"},
    {"formatdate", "[\"ss\", \"2018-01-02T01:02:03.123456Z\"]", "'03"},
    {"formatdate", "[\"ZZZZ\", \"2018-01-02T01:02:03+24:00\"]",
     "!not a valid RFC3339 timestamp: cannot use the text"},
    {"formatdate", "[\"ZZZZ\", \"2018-01-02T01:02:03-00:00\"]", "'+0000"},
    {"formatdate", "[\"EEE\", \"1999-12-31T23:59:59Z\"]", "'Fri"},
    {"formatdate", "[\"EEEE\", \"1600-03-01T00:00:00Z\"]", "'Wednesday"},
    {"formatdate", "[\"HH:mm aa\", \"2018-01-02T12:00:00Z\"]", "'12:00 pm"},
    {"formatdate", "[\"h:m:s\", \"2018-01-02T23:59:60Z\"]",
     "!not a valid RFC3339 timestamp: second out of range"},
    {"formatdate", "[\"DD.MM.YYYY\", \"0001-01-01T00:00:00Z\"]", "'01.01.0001"},
    {"timeadd", "[\"2017-11-22T00:00:00Z\", \"10m\"]", "'2017-11-22T00:10:00Z"},
    {"timeadd", "[\"2017-11-22T00:00:00.9Z\", \"1.5s\"]", "'2017-11-22T00:00:02Z"},
    {"timeadd", "[\"2017-11-22T00:00:00+09:00\", \"-1h30m\"]", "'2017-11-21T22:30:00+09:00"},
    {"timeadd", "[\"2017-11-22T00:00:00Z\", \"1d\"]",
     "!time: unknown unit \"d\" in duration \"1d\""},
    {"timeadd", "[\"2017-11-22T00:00:00Z\", \"\"]", "!time: invalid duration \"\""},
    {"timeadd", "[\"2017-11-22T00:00:00Z\", \"0\"]", "'2017-11-22T00:00:00Z"},
    {"timeadd", "[\"2017-11-22T00:00:00Z\", \"1µs\"]", "'2017-11-22T00:00:00Z"},
    {"timeadd", "[\"2017-11-22T00:00:00Z\", \".5h\"]", "'2017-11-22T00:30:00Z"},
    {"timeadd", "[\"2017-11-22T00:00:00Z\", \"5.h\"]", "'2017-11-22T05:00:00Z"},
    {"timeadd", "[\"2017-11-22T00:00:00Z\", \"+1h\"]", "'2017-11-22T01:00:00Z"},
    {"timeadd", "[\"2017-11-22T00:00:00Z\", \"9999999h\"]", "!time: invalid duration \"9999999h\""},
    {"timeadd", "[\"2024-02-28T23:00:00Z\", \"2h\"]", "'2024-02-29T01:00:00Z"},
    {"timeadd", "[\"2017-11-22T00:00:00Z\", \"-8760h\"]", "'2016-11-22T00:00:00Z"},
    {"timeadd", "[\"2017-11-22T00:00:00Z\", \"1.0000000001s\"]", "'2017-11-22T00:00:01Z"},
    {"timeadd", "[\"2017-11-22T00:00:00Z\", \"1h1m1s1ms1us1ns\"]", "'2017-11-22T01:01:01Z"},
    {"timeadd", "[\"2017-11-22T00:00:00Z\", \".\"]", "!time: invalid duration \".\""},
    {"timeadd", "[\"2017-11-22T00:00:00Z\", \"1\"]", "!time: missing unit in duration \"1\""},
    {"timeadd", "[\"2017-11-22T00:00:00Z\", \"-.5m\"]", "'2017-11-21T23:59:30Z"},
    {"timecmp", "[\"2017-11-22T00:00:00Z\", \"2017-11-22T01:00:00+01:00\"]", "0"},
    {"timecmp", "[\"2017-11-22T00:00:00Z\", \"2017-11-22T00:00:01Z\"]", "-1"},
    {"timecmp", "[\"2017-11-22T00:00:00.5Z\", \"2017-11-22T00:00:00Z\"]", "1"},
    {"timecmp", "[\"2017-11-22T00:00:00Z\", \"bad\"]",
     "!not a valid RFC3339 timestamp: cannot use the text"},
    {"timeadd", "[\"(unknown)\", \"1h\"]", "?"},
    {"timeadd", "[\"2017-11-22T00:00:00Z\", \"(unknown)\"]", "?"},
    {"formatdate", "[\"YYYY 'abc'\", \"2020-01-01T00:00:00Z\"]", "'2020 abc"},
    {"timestamp", "[]", "?"},
    {"plantimestamp", "[]", "?"},
    {"formatdate", "[\"DD MMM YYYY hh:mm ZZZ\", \"2006-01-02T15:04:05+07:00\"]",
     "'02 Jan 2006 15:04 +0700"},
    {"formatdate", "[\"h:mm aa\", \"2006-01-02T12:34:00Z\"]", "'12:34 pm"},
    {"formatdate", "[\"H:mm AA\", \"2006-01-02T00:00:00Z\"]", "'12:00 AM"},
    {"formatdate", "[\"EEE\", \"2000-02-29T00:00:00Z\"]", "'Tue"},
    {"formatdate", "[\"YY\", \"2005-01-01T00:00:00Z\"]", "'05"},
    {"formatdate", "[\"MMMM\", \"2006-09-01T00:00:00Z\"]", "'September"},
    {"formatdate", "[\"'''\", \"2006-09-01T00:00:00Z\"]", "!unterminated literal '"},
    {"formatdate", "[\"''''\", \"2006-09-01T00:00:00Z\"]", "'''"},
    {"formatdate", "[\"a\", \"2006-09-01T00:00:00Z\"]",
     "!invalid date format verb \"a\": must be \"aa\""},
    {"formatdate", "[\"ZZZZZZ\", \"2006-09-01T00:00:00Z\"]",
     "!invalid date format verb \"ZZZZZZ\": timezone must b"},
    {"formatdate", "[\"ZZ\", \"2006-09-01T00:00:00Z\"]",
     "!invalid date format verb \"ZZ\": timezone must be Z,"},
    {"formatdate", "[\"DD\", \"2006-09-01T00:00:00.Z\"]",
     "!not a valid RFC3339 timestamp: missing UTC offset"},
    {"formatdate", "[\"DD\", \"2006-09-01T00:00:00+05\"]",
     "!not a valid RFC3339 timestamp: cannot use the text"},
    {"formatdate", "[\"DD\", \"2006-09-01T00:00:00+0500\"]",
     "!not a valid RFC3339 timestamp: cannot use the text"},
    {"formatdate", "[\"DD\", \"2006-9-01T00:00:00Z\"]",
     "!not a valid RFC3339 timestamp: month must have two"},
    {"formatdate", "[\"DD\", \"2006-09-01T24:00:00Z\"]",
     "!not a valid RFC3339 timestamp: hour out of range"},
    {"formatdate", "[\"DD\", \"2006-09-01T00:00:00z\"]",
     "!not a valid RFC3339 timestamp: missing UTC offset"},
    {"formatdate", "[\"DD\", \"  2006-09-01T00:00:00Z\"]",
     "!not a valid RFC3339 timestamp: cannot use the text"},
    {"timeadd", "[\"2000-01-01T00:00:00Z\", \"2562047h\"]", "'2292-04-10T23:00:00Z"},
    {"timeadd", "[\"2000-01-01T00:00:00Z\", \"-2562047h\"]", "'1707-09-22T01:00:00Z"},
    {"timeadd", "[\"2000-01-01T00:00:00Z\", \"1.5m30s\"]", "'2000-01-01T00:02:00Z"},
    {"timeadd", "[\"2000-01-01T00:00:00Z\", \"1h-1m\"]",
     "!time: unknown unit \"h-\" in duration \"1h-1m\""},
    {"timeadd", "[\"2000-01-01T00:00:00Z\", \"1e3s\"]",
     "!time: unknown unit \"e\" in duration \"1e3s\""},
    {"timeadd", "[\"2000-01-01T00:00:00Z\", \"1 h\"]",
     "!time: unknown unit \" h\" in duration \"1 h\""},
    {"timeadd", "[\"2000-01-01T00:00:00Z\", \"1H\"]",
     "!time: unknown unit \"H\" in duration \"1H\""},
    {"timeadd", "[\"2000-01-01T00:00:00.123456789Z\", \"0.000000001s\"]", "'2000-01-01T00:00:00Z"},
    {"timeadd", "[\"2000-12-31T23:59:59-12:00\", \"1s\"]", "'2001-01-01T00:00:00-12:00"},
};

static const fcase NETWORKS_CASES[] = {
    {"cidrsubnet", "[\"10.0.0.0/16\", 8, 2]", "'10.0.2.0/24"},
    {"cidrsubnet", "[\"10.1.2.3/16\", 8, 255]", "'10.1.255.0/24"},
    {"cidrsubnet", "[\"10.0.0.0/16\", 8, 256]",
     "!prefix extension of 8 does not accommodate a subne"},
    {"cidrsubnet", "[\"10.0.0.0/16\", 17, 0]",
     "!insufficient address space to extend prefix of 16 "},
    {"cidrsubnet", "[\"fd00::/56\", 8, 3]", "'fd00:0:0:3::/64"},
    {"cidrsubnet", "[\"2001:db8::/32\", 96, 1]", "'2001:db8::1/128"},
    {"cidrsubnet", "[\"2001:db8::/32\", 97, 1]",
     "!insufficient address space to extend prefix of 32 "},
    {"cidrsubnet", "[\"10.0.0.0\", 8, 1]", "!invalid CIDR expression: invalid CIDR address: 10."},
    {"cidrsubnet", "[\"010.0.0.0/8\", 8, 1]", "'10.1.0.0/16"},
    {"cidrsubnet", "[\"10.0.0.0/8\", 0, 0]", "'10.0.0.0/8"},
    {"cidrsubnet", "[\"::/0\", 1, 1]", "'8000::/1"},
    {"cidrsubnet", "[\"10.0.0.0/16\", 8, 1.5]", "!value must be a whole number"},
    {"cidrsubnet", "[\"2001:db8::/32\", 64, 123456789]", "'2001:db8::75b:cd15:0:0/96"},
    {"cidrhost", "[\"10.12.112.0/20\", 16]", "'10.12.112.16"},
    {"cidrhost", "[\"10.12.112.0/20\", 268]", "'10.12.113.12"},
    {"cidrhost", "[\"10.12.112.0/20\", -1]", "'10.12.127.255"},
    {"cidrhost", "[\"10.12.112.0/20\", 4096]",
     "!prefix of 20 does not accommodate a host numbered "},
    {"cidrhost", "[\"10.12.112.0/20\", -4096]", "'10.12.112.0"},
    {"cidrhost", "[\"10.12.112.0/20\", -4097]",
     "!prefix of 20 does not accommodate a host numbered "},
    {"cidrhost", "[\"fd00:fd12:3456:7890:00a2::/72\", 34]", "'fd00:fd12:3456:7890::22"},
    {"cidrhost", "[\"2001:db8::/120\", 255]", "'2001:db8::ff"},
    {"cidrhost", "[\"::/0\", 1]", "'::1"},
    {"cidrhost", "[\"::/0\", -1]", "'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"},
    {"cidrhost", "[\"2001:db8::/64\", -1]", "'2001:db8::ffff:ffff:ffff:ffff"},
    {"cidrhost", "[\"10.0.0.0/32\", 0]", "'10.0.0.0"},
    {"cidrhost", "[\"1:0:0:1:0:0:0:0/128\", 0]", "'1:0:0:1::"},
    {"cidrhost", "[\"0:0:1:0:0:1:0:0/128\", 0]", "'::1:0:0:1:0:0"},
    {"cidrhost", "[\"1:2:3:4:5:6:7:8/128\", 0]", "'1:2:3:4:5:6:7:8"},
    {"cidrnetmask", "[\"172.16.0.0/12\"]", "'255.240.0.0"},
    {"cidrnetmask", "[\"fd00::/8\"]", "!IPv6 addresses cannot have a netmask: fd00::/8"},
    {"cidrnetmask", "[\"10.0.0.0/0\"]", "'0.0.0.0"},
    {"cidrnetmask", "[\"10.0.0.0/32\"]", "'255.255.255.255"},
    {"cidrsubnets", "[\"10.1.0.0/16\", 4, 4, 8, 4]",
     "[\"10.1.0.0/20\",\"10.1.16.0/20\",\"10.1.32.0/24\",\"10.1.48.0/20\"]"},
    {"cidrsubnets", "[\"fd00:fd12:3456:7890::/56\", 16, 16, 16, 32]",
     "[\"fd00:fd12:3456:7800::/72\",\"fd00:fd12:3456:7800:100::/72\",\"fd00:fd12:3456:7800:200::/"
     "72\",\"fd00:fd12:3456:7800:300::/88\"]"},
    {"cidrsubnets", "[\"10.1.0.0/16\", 0]", "!must extend prefix by at least one bit"},
    {"cidrsubnets", "[\"10.1.0.0/16\", 33]", "!may not extend prefix by more than 32 bits"},
    {"cidrsubnets", "[\"10.1.0.0/16\", 17]", "!would extend prefix to 33 bits, which is too long "},
    {"cidrsubnets", "[\"10.1.0.0/16\", 1, 1, 1]",
     "!not enough remaining address space for a subnet wi"},
    {"cidrsubnets", "[\"10.1.0.0/16\"]", "[]"},
    {"cidrsubnets", "[\"0.0.0.0/0\", 1, 1]", "!not enough remaining address space for a subnet wi"},
    {"cidrsubnets", "[\"10.0.0.0/8\", 8, 4, 8]",
     "[\"10.0.0.0/16\",\"10.16.0.0/12\",\"10.32.0.0/16\"]"},
    {"cidrsubnet", "[\"::ffff:10.0.0.0/120\", 4, 1]", "?"},
    {"cidrsubnet", "[\"10.0.0.0/16\", -1, 0]", "?"},
    {"cidrhost", "[\"(unknown)\", 1]", "?"},
    {"cidrsubnet", "[\"10.0.0.0/33\", 8, 1]", "!invalid CIDR address"},
    {"cidrhost", "[\"2001:db8::/32\", 65536]", "'2001:db8::1:0"},
    {"cidrhost", "[\"2001:db8:0:0:1::/80\", 1]", "'2001:db8::1:0:0:1"},
    {"cidrsubnet", "[\"2001:db8::/32\", 16, 65535]", "'2001:db8:ffff::/48"},
    {"cidrsubnet", "[\"fe80::/10\", 54, 1]", "'fe80:0:0:1::/64"},
    {"cidrsubnets", "[\"2001:db8::/32\", 32, 32]", "[\"2001:db8::/64\",\"2001:db8:0:1::/64\"]"},
    {"cidrhost", "[\"0.0.0.0/0\", 4294967295]", "'255.255.255.255"},
    {"cidrhost", "[\"0.0.0.0/0\", -1]", "'255.255.255.255"},
    {"cidrhost", "[\"10.0.0.0/8\", 16777216]",
     "!prefix of 8 does not accommodate a host numbered 1"},
    {"cidrnetmask", "[\"10.0.0.0/1\"]", "'128.0.0.0"},
    {"cidrsubnet", "[\"192.168.0.0/24\", 2, 3]", "'192.168.0.192/26"},
    {"cidrhost", "[\"::/96\", 1]", "'::1"},
    {"cidrhost", "[\"1::/64\", 65535]", "'1::ffff"},
    {"cidrhost", "[\"2001:db8::1/128\", 0]", "'2001:db8::1"},
    {"cidrsubnets", "[\"10.0.0.0/24\", 1, 2, 3, 3]",
     "[\"10.0.0.0/25\",\"10.0.0.128/26\",\"10.0.0.192/27\",\"10.0.0.224/27\"]"},
    {"cidrsubnets", "[\"10.0.0.0/24\", 2, 1]", "[\"10.0.0.0/26\",\"10.0.0.128/25\"]"},
};

static const fcase PATHS_CASES[] = {
    {"basename", "[\"\"]", "'."},
    {"dirname", "[\"\"]", "'."},
    {"basename", "[\"/\"]", "'/"},
    {"dirname", "[\"/\"]", "'/"},
    {"basename", "[\"a/b/c\"]", "'c"},
    {"dirname", "[\"a/b/c\"]", "'a/b"},
    {"basename", "[\"a/b/\"]", "'b"},
    {"dirname", "[\"a/b/\"]", "'a/b"},
    {"basename", "[\"//a//b//\"]", "'b"},
    {"dirname", "[\"//a//b//\"]", "'/a/b"},
    {"basename", "[\"a\"]", "'a"},
    {"dirname", "[\"a\"]", "'."},
    {"basename", "[\"/a\"]", "'a"},
    {"dirname", "[\"/a\"]", "'/"},
    {"basename", "[\"./a/../b\"]", "'b"},
    {"dirname", "[\"./a/../b\"]", "'."},
    {"basename", "[\"a/..\"]", "'.."},
    {"dirname", "[\"a/..\"]", "'a"},
    {"basename", "[\"../x\"]", "'x"},
    {"dirname", "[\"../x\"]", "'.."},
    {"basename", "[\"~\"]", "'~"},
    {"dirname", "[\"~\"]", "'."},
    {"basename", "[\"~/x\"]", "'x"},
    {"dirname", "[\"~/x\"]", "'~"},
    {"pathexpand", "[\"a/b\"]", "'a/b"},
    {"pathexpand", "[\"~user/x\"]", "!cannot expand user-specific home dir"},
    {"abspath", "[\"/a/./b/../c/\"]", "'/a/c"},
    {"abspath", "[\"rel/x\"]", "?"},
    {"pathexpand", "[\"~/x\"]", "?"},
    {"pathexpand", "[\"a/b\"]", "'a/b"},

};

/* ---- unknown values ---- */

/* An unknown result derives from the unknown arguments it depends on. */
static void unknown_keeps_origins(void **state) {
    (void)state;
    fixture t;
    fixture_init(&t);
    hv out;
    assert_int_equal(call(&t, "upper", "[\"(unknown)\"]", &out), TF_CALL_OK);
    assert_int_equal(out.kind, HV_UNKNOWN);
    assert_true(has_ref(&out, UNKNOWN_REF));
    assert_int_equal(call(&t, "join", "[\",\", [\"a\", \"(unknown)\"]]", &out), TF_CALL_OK);
    assert_true(has_ref(&out, UNKNOWN_REF));
    assert_int_equal(call(&t, "jsonencode", "[{\"a\": [\"(unknown)\"]}]", &out), TF_CALL_OK);
    assert_true(has_ref(&out, UNKNOWN_REF));
    assert_int_equal(call(&t, "cidrsubnet", "[\"(unknown)\", 8, 1]", &out), TF_CALL_OK);
    assert_true(has_ref(&out, UNKNOWN_REF));
    tk_arena_free(&t.a);
}

/* Known structure with unknown elements: Terraform still answers, and so does tenken. */
static void unknown_elements_in_known_collections(void **state) {
    (void)state;
    fixture t;
    fixture_init(&t);
    hv out;
    assert_int_equal(call(&t, "merge", "[{\"a\": \"(unknown)\"}, {\"b\": 1}]", &out), TF_CALL_OK);
    assert_int_equal(out.kind, HV_OBJECT);
    assert_int_equal(out.n, 2);
    assert_int_equal(hv_get(&out, "a", 1)->kind, HV_UNKNOWN);
    assert_true(hv_get(&out, "b", 1)->u.num == 1);

    assert_int_equal(call(&t, "concat", "[[\"(unknown)\"], [1, 2]]", &out), TF_CALL_OK);
    assert_int_equal(out.kind, HV_TUPLE);
    assert_int_equal(out.n, 3);
    assert_int_equal(out.u.items[0].kind, HV_UNKNOWN);

    assert_int_equal(call(&t, "tolist", "[[\"a\", \"(unknown)\"]]", &out), TF_CALL_OK);
    assert_int_equal(out.n, 2);
    assert_string_equal(out.u.items[0].u.s, "a");
    assert_int_equal(out.u.items[1].kind, HV_UNKNOWN);

    assert_int_equal(call(&t, "values", "[{\"b\": \"x\", \"a\": \"(unknown)\"}]", &out),
                     TF_CALL_OK);
    assert_int_equal(out.n, 2);
    assert_int_equal(out.u.items[0].kind, HV_UNKNOWN);
    assert_string_equal(out.u.items[1].u.s, "x");

    assert_int_equal(call(&t, "zipmap", "[[\"k\"], [\"(unknown)\"]]", &out), TF_CALL_OK);
    assert_int_equal(hv_get(&out, "k", 1)->kind, HV_UNKNOWN);

    assert_int_equal(call(&t, "reverse", "[[1, \"(unknown)\"]]", &out), TF_CALL_OK);
    assert_int_equal(out.u.items[0].kind, HV_UNKNOWN);
    assert_true(out.u.items[1].u.num == 1);

    assert_int_equal(call(&t, "chunklist", "[[\"a\", \"(unknown)\", \"c\"], 2]", &out), TF_CALL_OK);
    assert_int_equal(out.n, 2);
    assert_int_equal(out.u.items[0].u.items[1].kind, HV_UNKNOWN);

    assert_int_equal(call(&t, "tomap", "[{\"a\": \"x\", \"b\": \"(unknown)\"}]", &out), TF_CALL_OK);
    assert_int_equal(hv_get(&out, "b", 1)->kind, HV_UNKNOWN);

    /* formatlist: only the element that depends on the unknown is unknown */
    assert_int_equal(call(&t, "formatlist", "[\"<%s>\", [\"a\", \"(unknown)\"]]", &out),
                     TF_CALL_OK);
    assert_int_equal(out.n, 2);
    assert_string_equal(out.u.items[0].u.s, "<a>");
    assert_int_equal(out.u.items[1].kind, HV_UNKNOWN);
    assert_true(has_ref(&out.u.items[1], UNKNOWN_REF));

    /* sensitive() and nonsensitive() pass the value through; issensitive() is not known */
    assert_int_equal(call(&t, "sensitive", "[\"(unknown)\"]", &out), TF_CALL_OK);
    assert_true(has_ref(&out, UNKNOWN_REF));
    assert_int_equal(call(&t, "issensitive", "[\"x\"]", &out), TF_CALL_OK);
    assert_int_equal(out.kind, HV_UNKNOWN);
    tk_arena_free(&t.a);
}

/* A resource instance's object lacks the attributes set after apply. */
static void resource_objects_are_incomplete(void **state) {
    (void)state;
    fixture t;
    fixture_init(&t);
    hv args[3], out;
    args[0] = json_value(&t, "{\"bucket\": \"b\"}");
    args[0].flags |= HVF_RESOURCE;
    args[0].extra = UNKNOWN_REF;
    args[1] = str_value("bucket");
    assert_int_equal(tf_call(&t.c, "lookup", 6, args, 2, &out), TF_CALL_OK);
    assert_string_equal(out.u.s, "b");
    args[1] = str_value("arn");
    args[2] = str_value("none");
    assert_int_equal(tf_call(&t.c, "lookup", 6, args, 3, &out), TF_CALL_OK);
    assert_int_equal(out.kind, HV_UNKNOWN);
    assert_true(has_ref(&out, UNKNOWN_REF));
    assert_int_equal(tf_call(&t.c, "keys", 4, args, 1, &out), TF_CALL_OK);
    assert_int_equal(out.kind, HV_UNKNOWN);
    assert_int_equal(tf_call(&t.c, "length", 6, args, 1, &out), TF_CALL_OK);
    assert_int_equal(out.kind, HV_UNKNOWN);
    assert_int_equal(tf_call(&t.c, "jsonencode", 10, args, 1, &out), TF_CALL_OK);
    assert_int_equal(out.kind, HV_UNKNOWN);
    tk_arena_free(&t.a);
}

static void sets(void **state) {
    (void)state;
    fixture t;
    fixture_init(&t);
    hv set, out;
    assert_int_equal(call(&t, "toset", "[[\"b\", \"a\", \"b\", \"c\"]]", &set), TF_CALL_OK);
    assert_int_equal(set.kind, HV_SET);
    assert_int_equal(set.n, 3);
    assert_int_equal(tf_call(&t.c, "length", 6, &set, 1, &out), TF_CALL_OK);
    assert_true(out.u.num == 3);
    assert_int_equal(tf_call(&t.c, "tolist", 6, &set, 1, &out), TF_CALL_OK);
    assert_string_equal(out.u.items[0].u.s, "a");
    assert_int_equal(tf_call(&t.c, "slice", 5, (hv[]){set, hv_num(0), hv_num(1)}, 3, &out),
                     TF_CALL_ERROR);
    assert_non_null(strstr(t.c.err, "cannot slice a set"));
    /* setproduct with a set gives a set, with lists a list */
    hv two[2] = {set, json_value(&t, "[1]")};
    assert_int_equal(tf_call(&t.c, "setproduct", 10, two, 2, &out), TF_CALL_OK);
    assert_int_equal(out.kind, HV_SET);
    assert_int_equal(out.n, 3);
    tk_arena_free(&t.a);
}

/* ---- limits ---- */

/* Calls fn with the JSON array args under the given limits (the arguments are decoded
 * before the limits apply). */
static int call_limited(fixture *t, size_t max_items, size_t max_string, const char *fn,
                        const char *args) {
    hv list = json_value(t, args), out;
    t->c.max_items = max_items;
    t->c.max_string = max_string;
    int rc = tf_call(&t->c, fn, strlen(fn), list.u.items, list.n, &out);
    t->c.max_items = t->c.max_string = 0;
    return rc;
}

static void limits(void **state) {
    (void)state;
    fixture t;
    fixture_init(&t);
    hv out;
    /* Terraform's own limit on range() */
    assert_int_equal(call(&t, "range", "[1e9]", &out), TF_CALL_ERROR);
    assert_non_null(strstr(t.c.err, "more than 1024 values"));
    /* c->max_items */
    assert_int_equal(call_limited(&t, 10, 0, "range", "[20]"), TF_CALL_ERROR);
    assert_non_null(strstr(t.c.err, "limit of 10 elements"));
    assert_int_equal(call_limited(&t, 10, 0, "range", "[5]"), TF_CALL_OK);
    assert_int_equal(call_limited(&t, 10, 0, "split", "[\",\", \"a,b,c,d,e,f,g,h,i,j,k,l\"]"),
                     TF_CALL_ERROR);
    assert_int_equal(call_limited(&t, 10, 0, "setproduct", "[[1, 2, 3, 4], [1, 2, 3, 4]]"),
                     TF_CALL_ERROR);
    assert_int_equal(call_limited(&t, 10, 0, "jsondecode", "[\"[1,2,3,4,5,6,7,8,9,10,11,12]\"]"),
                     TF_CALL_ERROR);
    assert_int_equal(call_limited(&t, 10, 0, "yamldecode", "[\"[1,2,3,4,5,6,7,8,9,10,11,12]\"]"),
                     TF_CALL_ERROR);
    assert_int_equal(call_limited(&t, 10, 0, "concat", "[[1, 2, 3, 4, 5, 6], [1, 2, 3, 4, 5, 6]]"),
                     TF_CALL_ERROR);
    assert_int_equal(call_limited(&t, 10, 0, "regexall", "[\"a\", \"aaaaaaaaaaaaaaaaaaaa\"]"),
                     TF_CALL_ERROR);
    /* c->max_string */
    assert_int_equal(call_limited(&t, 0, 16, "indent", "[40, \"a\\nb\"]"), TF_CALL_ERROR);
    assert_non_null(strstr(t.c.err, "limit of 16 bytes"));
    assert_int_equal(call_limited(&t, 0, 16, "format", "[\"%100s\", \"x\"]"), TF_CALL_ERROR);
    assert_int_equal(call_limited(&t, 0, 16, "join", "[\",\", [\"aaaaaaaaaa\", \"bbbbbbbbbb\"]]"),
                     TF_CALL_ERROR);
    assert_int_equal(call_limited(&t, 0, 16, "replace", "[\"aaaa\", \"a\", \"bbbbbbbb\"]"),
                     TF_CALL_ERROR);
    assert_int_equal(call_limited(&t, 0, 16, "base64encode", "[\"aaaaaaaaaaaaaaaa\"]"),
                     TF_CALL_ERROR);
    assert_int_equal(call_limited(&t, 0, 16, "jsonencode", "[[\"aaaaaaaaaa\", \"bbbbbbbbbb\"]]"),
                     TF_CALL_ERROR);
    assert_int_equal(call_limited(&t, 0, 16, "yamlencode", "[[\"aaaaaaaaaa\", \"bbbbbbbbbb\"]]"),
                     TF_CALL_ERROR);
    assert_int_equal(call_limited(&t, 0, 16, "file", "[\"tpl.tftpl\"]"), TF_CALL_OK);
    assert_int_equal(call_limited(&t, 0, 4, "file", "[\"tpl.tftpl\"]"), TF_CALL_ERROR);
    assert_int_equal(call_limited(&t, 0, 16, "upper", "[\"short\"]"), TF_CALL_OK);
    tk_arena_free(&t.a);
}

/* ---- files ---- */

static void want_string(fixture *t, const char *fn, const char *args, const char *want) {
    hv out;
    int rc = call(t, fn, args, &out);
    if (rc != TF_CALL_OK) fail_msg("%s(%s): %s", fn, args, t->c.err);
    assert_int_equal(out.kind, HV_STRING);
    assert_string_equal(out.u.s, want);
}

static void want_error(fixture *t, const char *fn, const char *args, const char *part) {
    hv out;
    assert_int_equal(call(t, fn, args, &out), TF_CALL_ERROR);
    if (!strstr(t->c.err, part)) fail_msg("%s(%s): \"%s\" lacks \"%s\"", fn, args, t->c.err, part);
}

static void want_json(fixture *t, const char *fn, const char *args, const char *want) {
    hv out, js;
    int rc = call(t, fn, args, &out);
    if (rc != TF_CALL_OK) fail_msg("%s(%s): %s", fn, args, t->c.err);
    assert_int_equal(tf_call(&t->c, "jsonencode", 10, &out, 1, &js), TF_CALL_OK);
    assert_string_equal(js.u.s, want);
}

static void file_functions(void **state) {
    (void)state;
    fixture t;
    fixture_init(&t);
    want_string(&t, "file", "[\"data.txt\"]", "hello");
    want_string(&t, "file", "[\"./sub/../data.txt\"]", "hello");
    want_string(&t, "file", "[\"../secret.txt\"]", "top secret"); /* inside the tree */
    want_error(&t, "file", "[\"bin.dat\"]", "not valid UTF-8");
    want_error(&t, "file", "[\"missing.txt\"]", "no file exists at \"mod/missing.txt\"");
    want_string(&t, "filebase64", "[\"bin.dat\"]", "//4=");
    want_string(&t, "filemd5", "[\"data.txt\"]", "5d41402abc4b2a76b9719d911017c592");
    want_string(&t, "filesha1", "[\"data.txt\"]", "aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d");
    want_string(&t, "filesha256", "[\"data.txt\"]",
                "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
    want_string(&t, "filesha512", "[\"data.txt\"]",
                "9b71d224bd62f3785d96d46ad3ea3d73319bfbc2890caadae2dff72519673ca72323c3d99ba5c1"
                "1d7c7acc6e14b8c5da0c4663475c2e5c3adef46f73bcdec043");
    want_string(&t, "filebase64sha256", "[\"data.txt\"]",
                "LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ=");
    want_string(&t, "filebase64sha512", "[\"data.txt\"]",
                "m3HSJL1i83hdltRq0+o9czGb+8KJDKra4t/3JRlnPKcjI8PZm6XBHXx6zG4UuMXaDEZjR1wuXDre9G9z"
                "vN7AQw==");
    want_json(&t, "fileexists", "[\"data.txt\"]", "true");
    want_json(&t, "fileexists", "[\"nope.txt\"]", "false");
    want_json(&t, "fileexists", "[\"nodir/nope.txt\"]", "false");
    want_error(&t, "fileexists", "[\"sub\"]", "not a regular file");
    /* fileset: results checked against Terraform on the same tree */
    want_json(&t, "fileset", "[\".\", \"*.txt\"]", "[\"data.txt\"]");
    want_json(&t, "fileset", "[\"sub\", \"**/*.json\"]", "[\"a.json\",\"deep/b.json\"]");
    want_json(&t, "fileset", "[\".\", \"**\"]",
              "[\".hidden/d.json\",\"bin.dat\",\"data.txt\",\"main.tf\",\"sub/a.json\","
              "\"sub/deep/b.json\",\"sub/deep/c.yaml\",\"tpl.tftpl\"]");
    want_json(&t, "fileset", "[\".\", \"{data,bin}.*\"]", "[\"bin.dat\",\"data.txt\"]");
    want_json(&t, "fileset", "[\".\", \"sub/*/?.json\"]", "[\"sub/deep/b.json\"]");
    want_json(&t, "fileset", "[\".\", \"**/deep/*\"]", "[\"sub/deep/b.json\",\"sub/deep/c.yaml\"]");
    want_json(&t, "fileset", "[\".\", \"[^m]*.t?t\"]", "[\"data.txt\"]");
    want_json(&t, "fileset", "[\".\", \"[!a-c]*\"]", "[\"bin.dat\"]");
    want_json(&t, "fileset", "[\".\", \"sub\"]", "[]");
    want_json(&t, "fileset", "[\"..\", \"*.txt\"]", "[\"secret.txt\"]");
    want_json(&t, "fileset", "[\".\", \"../*.txt\"]", "[\"../secret.txt\"]");
    want_error(&t, "fileset", "[\".\", \"[\"]", "syntax error in pattern");
    want_error(&t, "fileset", "[\".\", \"{*.txt,sub/a.*}\"]", "syntax error in pattern");
    tk_arena_free(&t.a);
}

/* tenken never reads outside the scanned tree. */
static void file_sandbox(void **state) {
    (void)state;
    fixture t;
    fixture_init(&t);
    t.c.module_dir = "";
    want_error(&t, "file", "[\"../x\"]", "outside the scanned tree");
    want_error(&t, "file", "[\"/etc/passwd\"]", "absolute path");
    want_error(&t, "file", "[\"mod/../../secret.txt\"]", "outside the scanned tree");
    want_error(&t, "filemd5", "[\"/etc/passwd\"]", "absolute path");
    want_error(&t, "fileexists", "[\"../x\"]", "outside the scanned tree");
    want_error(&t, "fileset", "[\"/etc\", \"*\"]", "absolute path");
    want_error(&t, "fileset", "[\".\", \"../*\"]", "outside the scanned tree");
    want_error(&t, "fileset", "[\".\", \"/etc/*\"]", "absolute pattern");
    want_error(&t, "templatefile", "[\"../x\", {}]", "outside the scanned tree");
    want_string(&t, "file", "[\"secret.txt\"]", "top secret");
    /* no tree: file functions are unknown */
    hv out;
    t.c.fs = NULL;
    assert_int_equal(call(&t, "file", "[\"secret.txt\"]", &out), TF_CALL_OK);
    assert_int_equal(out.kind, HV_UNKNOWN);
    assert_int_equal(call(&t, "fileset", "[\".\", \"*\"]", &out), TF_CALL_OK);
    assert_int_equal(out.kind, HV_UNKNOWN);
    /* the home directory is not known */
    t.c.fs = &MEM_FS;
    assert_int_equal(call(&t, "file", "[\"~/.ssh/id_rsa\"]", &out), TF_CALL_OK);
    assert_int_equal(out.kind, HV_UNKNOWN);
    tk_arena_free(&t.a);
}

static void templates(void **state) {
    (void)state;
    fixture t;
    fixture_init(&t);
    hv out;
    want_string(&t, "templatefile", "[\"tpl.tftpl\", {\"name\": \"x\"}]", "Hi x!");
    assert_int_equal(t.r.calls, 1);
    want_string(&t, "templatestring", "[\"Hi ${name}\", {\"name\": \"y\"}]", "Hi y");
    want_error(&t, "templatefile", "[\"tpl.tftpl\", {\"bad name\": 1}]",
               "invalid template variable name");
    want_error(&t, "templatefile", "[\"tpl.tftpl\", [1]]", "must be a map");
    want_error(&t, "templatefile", "[\"missing.tftpl\", {}]", "no file exists");
    want_error(&t, "templatestring", "[\"FAIL\", {}]", "template failed");
    /* unknown values go to the renderer; an unknown vars object or path does not */
    assert_int_equal(call(&t, "templatefile", "[\"tpl.tftpl\", {\"name\": \"(unknown)\"}]", &out),
                     TF_CALL_OK);
    assert_int_equal(t.r.calls, 4);
    assert_int_equal(call(&t, "templatefile", "[\"tpl.tftpl\", \"(unknown)\"]", &out), TF_CALL_OK);
    assert_int_equal(out.kind, HV_UNKNOWN);
    assert_int_equal(call(&t, "templatefile", "[\"(unknown)\", {}]", &out), TF_CALL_OK);
    assert_int_equal(out.kind, HV_UNKNOWN);
    assert_int_equal(t.r.calls, 4);
    /* without a renderer the result is unknown */
    t.c.render = NULL;
    assert_int_equal(call(&t, "templatefile", "[\"tpl.tftpl\", {\"name\": \"x\"}]", &out),
                     TF_CALL_OK);
    assert_int_equal(out.kind, HV_UNKNOWN);
    tk_arena_free(&t.a);
}

/* ---- the table of functions ---- */

static void function_names(void **state) {
    (void)state;
    fixture t;
    fixture_init(&t);
    const char *const *names = tf_function_names();
    size_t n = 0;
    for (; names[n]; n++) {
        if (n) assert_true(strcmp(names[n - 1], names[n]) < 0);
        hv out;
        /* every listed function is known (whatever it says about no arguments) */
        assert_int_not_equal(tf_call(&t.c, names[n], strlen(names[n]), NULL, 0, &out),
                             TF_CALL_UNSUPPORTED);
    }
    assert_true(n >= 110);
    hv out;
    assert_int_equal(tf_call(&t.c, "no_such_function", 16, NULL, 0, &out), TF_CALL_UNSUPPORTED);
    assert_int_equal(tf_call(&t.c, "upperx", 6, NULL, 0, &out), TF_CALL_UNSUPPORTED);
    assert_int_equal(tf_call(&t.c, "uppe", 4, NULL, 0, &out), TF_CALL_UNSUPPORTED);
    assert_int_equal(tf_call(&t.c, "can", 3, NULL, 0, &out), TF_CALL_UNSUPPORTED);
    /* names compare by length too (the name need not be NUL-terminated) */
    assert_int_equal(tf_call(&t.c, "upper(", 5, (hv[]){str_value("a")}, 1, &out), TF_CALL_OK);
    assert_string_equal(out.u.s, "A");
    tk_arena_free(&t.a);
}

static void number_cases(void **state) {
    (void)state;
    RUN(NUMBERS_CASES);
}
static void string_cases(void **state) {
    (void)state;
    RUN(STRINGS_CASES);
}
static void format_cases(void **state) {
    (void)state;
    RUN(FORMAT_CASES);
}
static void regex_cases(void **state) {
    (void)state;
    RUN(REGEX_CASES);
}
static void collection_cases(void **state) {
    (void)state;
    RUN(COLLECTIONS_CASES);
}
static void conversion_cases(void **state) {
    (void)state;
    RUN(CONVERSIONS_CASES);
}
static void encoding_cases(void **state) {
    (void)state;
    RUN(ENCODINGS_CASES);
}
static void yaml_cases(void **state) {
    (void)state;
    RUN(YAML_CASES);
}
static void hash_cases(void **state) {
    (void)state;
    RUN(HASHES_CASES);
}
static void time_cases(void **state) {
    (void)state;
    RUN(TIME_CASES);
}
static void network_cases(void **state) {
    (void)state;
    RUN(NETWORKS_CASES);
}
static void path_cases(void **state) {
    (void)state;
    RUN(PATHS_CASES);
}

int run_tf_funcs_tests(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(number_cases),
        cmocka_unit_test(string_cases),
        cmocka_unit_test(format_cases),
        cmocka_unit_test(regex_cases),
        cmocka_unit_test(collection_cases),
        cmocka_unit_test(conversion_cases),
        cmocka_unit_test(encoding_cases),
        cmocka_unit_test(yaml_cases),
        cmocka_unit_test(hash_cases),
        cmocka_unit_test(time_cases),
        cmocka_unit_test(network_cases),
        cmocka_unit_test(path_cases),
        cmocka_unit_test(unknown_keeps_origins),
        cmocka_unit_test(unknown_elements_in_known_collections),
        cmocka_unit_test(resource_objects_are_incomplete),
        cmocka_unit_test(sets),
        cmocka_unit_test(limits),
        cmocka_unit_test(file_functions),
        cmocka_unit_test(file_sandbox),
        cmocka_unit_test(templates),
        cmocka_unit_test(function_names),
    };
    return cmocka_run_group_tests_name("tf_funcs", tests, NULL, NULL);
}
