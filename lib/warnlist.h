/* Warnings an adapter collects while it reads an input, each at a text offset. They are
 * handed on once the document holds its whole text (so they can be located), the same
 * message at the same place only once, and at most 10,000 of them. */
#ifndef TK_WARNLIST_H
#define TK_WARNLIST_H
#include "doc.h"
#include <stdarg.h>

typedef struct tk_warnlist {
    struct tk_warning {
        uint32_t pos;
        const char *msg;
    } * items;
    uint32_t n, cap;
    tk_arena arena; /* message texts */
    /* Where warnings go; NULL drops them. */
    void (*sink)(void *self, const tk_doc *doc, uint32_t pos, const char *msg);
    void *sink_self;
} tk_warnlist;

void tk_warnlist_init(tk_warnlist *w, void (*sink)(void *, const tk_doc *, uint32_t, const char *),
                      void *sink_self);
void tk_warnlist_free(tk_warnlist *w);
void tk_warnlist_add(tk_warnlist *w, uint32_t pos, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void tk_warnlist_vadd(tk_warnlist *w, uint32_t pos, const char *fmt, va_list ap);
/* Hands every collected warning to the sink, located in doc, and forgets them. */
void tk_warnlist_flush(tk_warnlist *w, const tk_doc *doc);

#endif
