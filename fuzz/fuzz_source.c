/* libFuzzer target: Terraform source through the whole scan — parsing, evaluation
 * (variables, locals, count/for_each, modules, functions), provider facts and every rule.
 * The input is the root module's main.tf and also a local module's (m/main.tf), so module
 * calls, recursion and their limits are reached too. */
#include "include/tenken.h"
#include <stdint.h>
#include <stdio.h>
#include <string.h>

typedef struct mem {
    const char *text;
    size_t len;
} mem;

static bool mem_read(void *self, const char *rel, const char **data, size_t *len, char *err,
                     size_t cap) {
    const mem *m = self;
    if (!strcmp(rel, "main.tf") || !strcmp(rel, "m/main.tf")) {
        *data = m->text;
        *len = m->len;
        return true;
    }
    snprintf(err, cap, "no such file");
    return false;
}

static bool mem_list(void *self, const char *rel, void (*each)(void *, const char *, bool),
                     void *ctx, char *err, size_t cap) {
    (void)self;
    if (!strcmp(rel, "")) {
        each(ctx, "main.tf", false);
        each(ctx, "m", true);
        return true;
    }
    if (!strcmp(rel, "m")) {
        each(ctx, "main.tf", false);
        return true;
    }
    snprintf(err, cap, "no such directory");
    return false;
}

static tk_engine *engine;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (!engine) {
        engine = tk_engine_new();
        tk_diag d;
        if (!engine || !tk_engine_load_builtin(engine, &d)) return 0;
    }
    mem m = {(const char *)data, size};
    tk_srcfs fs = {&m, mem_read, mem_list};
    tk_source_opts o = {.max_instances = 50, .max_module_depth = 4, .today = "2026-01-01"};
    tk_scan *s = tk_scan_new(engine, NULL);
    if (!s) return 0;
    tk_scan_source_tree(s, "", &fs, "", &o);
    tk_scan_finish(s);
    tk_scan_free(s);
    return 0;
}
