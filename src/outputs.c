/* Report outputs of a scan: the formats, where each one goes, and writing them. */
#include "outputs.h"
#include "io.h"
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static const output_format FORMATS[] = {
    {"text", render_text, false, false},
    {"json", render_json, true, false},
    {"sarif", render_sarif, true, false},
    {"junit", render_junit, true, true},
    {"csv", render_csv, true, false},
    {"markdown", render_markdown, true, false},
    {"html", render_html, true, false},
};

const output_format *output_format_find(const char *name) {
    if (!strcmp(name, "md")) name = "markdown";
    for (size_t i = 0; i < sizeof FORMATS / sizeof *FORMATS; i++)
        if (!strcmp(FORMATS[i].name, name)) return &FORMATS[i];
    return NULL;
}


bool output_plan_add(output_plan *p, const char *spec) {
    const char *eq = strchr(spec, '=');
    size_t nl = eq ? (size_t)(eq - spec) : strlen(spec);
    char name[32];
    if (nl >= sizeof name) nl = sizeof name - 1;
    memcpy(name, spec, nl);
    name[nl] = 0;
    const output_format *f = output_format_find(name);
    if (!f) {
        char names[128] = "";
        size_t used = 0;
        for (size_t i = 0; i < sizeof FORMATS / sizeof *FORMATS && used < sizeof names; i++)
            used += (size_t)snprintf(names + used, sizeof names - used, "%s%s", i ? ", " : "",
                                     FORMATS[i].name);
        cli_error("--format must be one of %s (md for markdown; optionally FORMAT=FILE), not '%s'",
                  names, spec);
        return false;
    }
    if (eq && !eq[1]) {
        cli_error("--format %s: the file name after '=' is missing", spec);
        return false;
    }
    if (p->n == MAX_OUTPUTS) {
        cli_error("--format: at most %d outputs", MAX_OUTPUTS);
        return false;
    }
    p->items[p->n].fmt = f;
    p->items[p->n].path = eq ? eq + 1 : NULL;
    p->n++;
    return true;
}

bool output_plan_finish(output_plan *p, const char *output) {
    if (p->n == 0) {
        p->items[0].fmt = output_format_find("text");
        p->items[0].path = NULL;
        p->n = 1;
    }
    size_t unnamed = 0;
    for (size_t i = 0; i < p->n; i++) unnamed += p->items[i].path == NULL;
    if (output) {
        if (unnamed == 0) {
            cli_error("--output is not needed when every format names its file (FORMAT=FILE)");
            return false;
        }
        if (unnamed > 1) {
            cli_error("--output names one file, but %zu formats have no file of their own; "
                      "write them as FORMAT=FILE",
                      unnamed);
            return false;
        }
        for (size_t i = 0; i < p->n; i++)
            if (!p->items[i].path) p->items[i].path = output;
    } else if (unnamed > 1) {
        cli_error("only one format can go to standard output; give the others a file "
                  "(FORMAT=FILE)");
        return false;
    }
    for (size_t i = 0; i < p->n; i++)
        for (size_t j = i + 1; j < p->n; j++)
            if (p->items[i].path && p->items[j].path &&
                !strcmp(p->items[i].path, p->items[j].path)) {
                cli_error("two formats would be written to %s", p->items[i].path);
                return false;
            }
    return true;
}

bool output_plan_needs_passes(const output_plan *p) {
    for (size_t i = 0; i < p->n; i++)
        if (p->items[i].fmt->needs_passes) return true;
    return false;
}

const output_format *output_plan_stdout(const output_plan *p) {
    for (size_t i = 0; i < p->n; i++)
        if (!p->items[i].path) return p->items[i].fmt;
    return NULL;
}

static bool flush_to_stdout(tk_buf *b, void *ctx) {
    (void)ctx;
    return io_write_all(STDOUT_FILENO, b->data, b->len);
}

static bool flush_to_file(tk_buf *b, void *ctx) {
    return io_atomic_write(ctx, b->data, b->len);
}

/* Renders one format into a file (atomically) or onto standard output; the report streams
 * in 64 KiB chunks. */
static bool write_one(const output_format *f, const char *path, const report *r) {
    tk_buf out;
    tk_buf_init(&out);
    atomic_file af;
    char err[300];
    if (path && !io_atomic_open(&af, path, err, sizeof err)) {
        fprintf(stderr, "%s:1:1: %s\n", path, err);
        return false;
    }
    out.flush = path ? flush_to_file : flush_to_stdout;
    out.flush_ctx = path ? (void *)&af : NULL;
    out.flush_at = 1 << 16;
    report local = *r;
    if (path) local.color = false;
    f->render(&local, &out);
    bool ok = !out.oom && tk_buf_flush(&out);
    if (path) {
        if (ok && !io_atomic_commit(&af, err, sizeof err)) {
            fprintf(stderr, "%s:1:1: %s\n", path, err);
            tk_buf_free(&out);
            return false;
        }
        if (!ok) io_atomic_abort(&af);
    }
    if (!ok) {
        if (out.oom)
            cli_error("out of memory while writing the %s report", f->name);
        else if (!path)
            cli_error("cannot write the report to standard output");
        else
            fprintf(stderr, "%s:1:1: cannot write the report\n", path);
    }
    tk_buf_free(&out);
    return ok;
}

bool output_plan_write(const output_plan *p, const report *r, bool scanned_any) {
    bool ok = true;
    /* Files first: standard output may be a pipe that closes early. */
    for (size_t i = 0; i < p->n; i++)
        if (p->items[i].path && scanned_any) ok &= write_one(p->items[i].fmt, p->items[i].path, r);
    const output_format *so = output_plan_stdout(p);
    if (so && (scanned_any || so->machine)) ok &= write_one(so, NULL, r);
    return ok;
}
