/* Collected warnings of one input (see warnlist.h). */
#include "warnlist.h"
#include <stdio.h>
#include <stdlib.h>

enum { MAX_WARNINGS = 10000 };

void tk_warnlist_init(tk_warnlist *w, void (*sink)(void *, const tk_doc *, uint32_t, const char *),
                      void *sink_self) {
    memset(w, 0, sizeof *w);
    tk_arena_init(&w->arena);
    w->sink = sink;
    w->sink_self = sink_self;
}

void tk_warnlist_free(tk_warnlist *w) {
    free(w->items);
    tk_arena_free(&w->arena);
    memset(w, 0, sizeof *w);
}

void tk_warnlist_vadd(tk_warnlist *w, uint32_t pos, const char *fmt, va_list ap) {
    if (!w->sink || w->n >= MAX_WARNINGS) return;
    char m[300];
    vsnprintf(m, sizeof m, fmt, ap);
    for (uint32_t i = 0; i < w->n; i++) /* the same problem reached twice */
        if (w->items[i].pos == pos && !strcmp(w->items[i].msg, m)) return;
    if (w->n == w->cap) {
        uint32_t cap = w->cap ? w->cap * 2 : 16;
        void *p = realloc(w->items, cap * sizeof *w->items);
        if (!p) return;
        w->items = p;
        w->cap = cap;
    }
    const char *copy = tk_arena_strdup(&w->arena, m);
    if (!copy) return;
    w->items[w->n].pos = pos;
    w->items[w->n++].msg = copy;
}

void tk_warnlist_add(tk_warnlist *w, uint32_t pos, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    tk_warnlist_vadd(w, pos, fmt, ap);
    va_end(ap);
}

void tk_warnlist_flush(tk_warnlist *w, const tk_doc *doc) {
    for (uint32_t i = 0; i < w->n; i++)
        w->sink(w->sink_self, doc, w->items[i].pos, w->items[i].msg);
    w->n = 0;
}
