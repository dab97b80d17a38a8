/* Per-rule pieces of a report (see rule_frags.h): an open-addressing table keyed by the
 * rule's address. */
#include "rule_frags.h"
#include <stdint.h>
#include <stdlib.h>

enum { SLOTS = 512 };
typedef struct slot {
    const tk_rule *rule;
    tk_buf parts[RULE_FRAG_PARTS];
} slot;

struct rule_frags {
    rule_frag_fn fn;
    void *ctx;
    slot slots[SLOTS];
};

rule_frags *rule_frags_new(rule_frag_fn fn, void *ctx) {
    rule_frags *f = calloc(1, sizeof *f);
    if (!f) return NULL;
    f->fn = fn;
    f->ctx = ctx;
    return f;
}

void rule_frags_free(rule_frags *f) {
    if (!f) return;
    for (size_t i = 0; i < SLOTS; i++)
        for (int p = 0; p < RULE_FRAG_PARTS; p++) tk_buf_free(&f->slots[i].parts[p]);
    free(f);
}

const tk_buf *rule_frags_get(rule_frags *f, const tk_rule *rule) {
    if (!f) return NULL;
    size_t i = ((uintptr_t)rule >> 4) % SLOTS;
    for (size_t n = 0; n < SLOTS; n++, i = (i + 1) % SLOTS) {
        slot *s = &f->slots[i];
        if (s->rule == rule) {
            for (int p = 0; p < RULE_FRAG_PARTS; p++)
                if (s->parts[p].oom) return NULL;
            return s->parts;
        }
        if (s->rule) continue;
        s->rule = rule;
        for (int p = 0; p < RULE_FRAG_PARTS; p++) tk_buf_init(&s->parts[p]);
        f->fn(f->ctx, rule, s->parts);
        for (int p = 0; p < RULE_FRAG_PARTS; p++)
            if (s->parts[p].oom) return NULL;
        return s->parts;
    }
    return NULL;
}
