/* Report outputs of a scan: which formats are written where (`-f FORMAT[=PATH]`, `-o`),
 * and writing them — files atomically, at most one format on standard output. */
#ifndef TK_OUTPUTS_H
#define TK_OUTPUTS_H
#include "cli.h"

typedef void (*render_fn)(const report *r, tk_buf *out);

typedef struct output_format {
    const char *name;
    render_fn render;
    bool machine;     /* read by programs: warnings then stay out of stderr */
    bool needs_passes; /* lists the checks that passed too */
} output_format;

/* The format called name ("md" is markdown), or NULL. */
const output_format *output_format_find(const char *name);

enum { MAX_OUTPUTS = 16 };
typedef struct output_plan {
    struct {
        const output_format *fmt;
        const char *path; /* NULL: standard output */
    } items[MAX_OUTPUTS];
    size_t n;
} output_plan;

/* Adds one -f argument ("sarif" or "sarif=out.sarif"); prints a usage error and returns
 * false when it is not valid. */
bool output_plan_add(output_plan *p, const char *spec);
/* Settles the plan once all options are read: no -f means text; -o names the file of the
 * one format given without a path; at most one format goes to standard output and no file
 * is named twice. Prints a usage error and returns false otherwise. */
bool output_plan_finish(output_plan *p, const char *output);
/* Whether some output lists the checks that passed (tk_scan_keep_passes). */
bool output_plan_needs_passes(const output_plan *p);
/* The format written to standard output, or NULL. */
const output_format *output_plan_stdout(const output_plan *p);

/* Writes every output of the plan. Files are written only when scanned_any (a report of
 * nothing would replace a good one); standard output gets a machine format even then, so
 * a program reading it learns what failed. Returns false when an output could not be
 * written (the reason is on stderr). */
bool output_plan_write(const output_plan *p, const report *r, bool scanned_any);

#endif
