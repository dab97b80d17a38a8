/* Language, terminal and rule-loading helpers shared by the tool's commands. */
#include "cli.h"
#include "io.h"
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void cli_error(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    fputs("tenken: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

bool size_parse(const char *s, size_t *out) {
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || end == s) return false;
    unsigned long long mul = 1;
    if (*end == 'K' || *end == 'k')
        mul = 1ULL << 10, end++;
    else if (*end == 'M' || *end == 'm')
        mul = 1ULL << 20, end++;
    else if (*end == 'G' || *end == 'g')
        mul = 1ULL << 30, end++;
    if (*end || v == 0 || v > (2ULL << 30) / mul) return false;
    *out = (size_t)(v * mul);
    return true;
}

bool fail_on_parse(const char *s, tk_severity *sev, bool *never) {
    *never = !strcmp(s, "none");
    return *never || tk_severity_parse(s, sev);
}

bool lang_from_env(void) {
    static const char *const vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
    for (size_t i = 0; i < 3; i++) {
        const char *v = getenv(vars[i]);
        if (v && *v) return strncmp(v, "ja", 2) == 0;
    }
    return false;
}

bool lang_parse(const char *s, bool *ja) {
    if (!strcmp(s, "ja"))
        *ja = true;
    else if (!strcmp(s, "en"))
        *ja = false;
    else
        return false;
    return true;
}

const char *severity_label(tk_severity s, bool ja) {
    static const char *const en[] = {"INFO", "LOW", "MEDIUM", "HIGH", "CRITICAL"};
    static const char *const jp[] = {"情報", "低", "中", "高", "重大"};
    return (unsigned)s < 5 ? (ja ? jp[s] : en[s]) : "?";
}

const char *level_label(tk_level l, bool ja) {
    if (ja) return l == TK_LEVEL_BASIC ? "基本" : "推奨";
    return l == TK_LEVEL_BASIC ? "basic" : "recommended";
}

const char *i18n(const tk_i18n *t, bool ja) {
    return ja ? t->ja : t->en;
}

void cis_label(tk_buf *b, const tk_cis_ref *c) {
    tk_buf_printf(b, "%s %s %s", c->benchmark, c->version, c->control);
}

void reference_label(tk_buf *b, const tk_std_ref *r) {
    tk_buf_printf(b, "%s: %s", r->standard, r->control);
}

bool color_parse(const char *s, color_mode *m) {
    if (!strcmp(s, "auto"))
        *m = COLOR_AUTO;
    else if (!strcmp(s, "always"))
        *m = COLOR_ALWAYS;
    else if (!strcmp(s, "never"))
        *m = COLOR_NEVER;
    else
        return false;
    return true;
}

bool color_enabled(color_mode m, int fd) {
    if (m == COLOR_ALWAYS) return true;
    if (m == COLOR_NEVER) return false;
    const char *nc = getenv("NO_COLOR");
    if (nc && *nc) return false;
    const char *term = getenv("TERM");
    if (term && !strcmp(term, "dumb")) return false;
    return isatty(fd);
}

tk_engine *load_engine(const rule_source_opts *o) {
    tk_engine *e = tk_engine_new();
    if (!e) {
        cli_error("out of memory");
        return NULL;
    }
    tk_diag d;
    if (!o->no_builtin && !tk_engine_load_builtin(e, &d)) {
        fprintf(stderr, "%s:%u:%u: %s\n", d.file, d.line, d.column, d.message);
        tk_engine_free(e);
        return NULL;
    }
    for (size_t i = 0; i < o->n_dirs; i++) {
        char **files;
        size_t n;
        char err[256];
        if (!io_list_files(o->dirs[i], ".rule", &files, &n, err, sizeof err)) {
            fprintf(stderr, "%s:1:1: %s\n", o->dirs[i], err);
            tk_engine_free(e);
            return NULL;
        }
        bool ok = true;
        /* Provider facts beside the rules (rules/<provider>/provider-facts.json). */
        char **facts;
        size_t nf;
        if (io_list_files(o->dirs[i], "provider-facts.json", &facts, &nf, err, sizeof err)) {
            for (size_t j = 0; j < nf; j++) {
                input_bytes in;
                if (ok && !io_read_input(facts[j], 64u << 20, &in, err, sizeof err)) {
                    fprintf(stderr, "%s:1:1: %s\n", facts[j], err);
                    ok = false;
                } else if (ok) {
                    if (!tk_engine_load_facts(e, facts[j], in.data, in.len, &d)) {
                        fprintf(stderr, "%s:%u:%u: %s\n", d.file, d.line, d.column, d.message);
                        ok = false;
                    }
                    io_release(&in);
                }
                free(facts[j]);
            }
            free(facts);
        }
        for (size_t j = 0; j < n; j++) {
            input_bytes in;
            if (ok && !io_read_input(files[j], 1u << 20, &in, err, sizeof err)) {
                fprintf(stderr, "%s:1:1: %s\n", files[j], err);
                ok = false;
            } else if (ok) {
                if (!tk_engine_load_rule(e, files[j], in.data, in.len, &d)) {
                    fprintf(stderr, "%s:%u:%u: %s\n", d.file, d.line, d.column, d.message);
                    ok = false;
                }
                io_release(&in);
            }
            free(files[j]);
        }
        free(files);
        if (!ok) {
            tk_engine_free(e);
            return NULL;
        }
    }
    return e;
}
