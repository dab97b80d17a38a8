/* Suppressions written in inputs (see suppress.h). */
#include "suppress.h"
#include "waiver.h"
#include <stdlib.h>

void tk_sups_init(tk_sups *l, tk_warnlist *warn, const char *today,
                  bool (*rule_exists)(void *, const char *), void *rule_exists_self) {
    memset(l, 0, sizeof *l);
    tk_arena_init(&l->arena);
    l->warn = warn;
    l->rule_exists = rule_exists;
    l->rule_exists_self = rule_exists_self;
    if (today && strlen(today) >= 10) {
        memcpy(l->today, today, 10);
        l->today[10] = 0;
    } else {
        tk_date_today(l->today);
    }
}

void tk_sups_free(tk_sups *l) {
    free(l->items);
    tk_arena_free(&l->arena);
    memset(l, 0, sizeof *l);
}

static bool blank(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

void tk_sups_split_reason(const char *text, size_t len, tk_buf *reason, const char **exp,
                          size_t *exp_len) {
    const char *p = text, *end = text + len;
    *exp = NULL;
    *exp_len = 0;
    while (p < end) {
        while (p < end && blank(*p)) p++;
        const char *w = p;
        while (p < end && !blank(*p)) p++;
        if (p == w) break;
        if ((size_t)(p - w) > 4 && !memcmp(w, "exp:", 4)) {
            *exp = w + 4;
            *exp_len = (size_t)(p - w) - 4;
            continue;
        }
        if (reason->len) tk_buf_putc(reason, ' ');
        tk_buf_append(reason, w, (size_t)(p - w));
    }
}

void tk_sups_add(tk_sups *l, const char *ids, size_t ids_len, const char *reason, size_t reason_len,
                 const char *exp, size_t exp_len, uint32_t pos, uint32_t start, uint32_t end) {
    while (ids_len && blank(*ids)) ids++, ids_len--;
    while (ids_len && blank(ids[ids_len - 1])) ids_len--;
    int shown = (int)(ids_len > 60 ? 60 : ids_len);
    if (!ids_len) {
        tk_warnlist_add(l->warn, pos, "a suppression needs a rule ID (e.g. TK-AWS-S3-001)");
        return;
    }
    if (!reason_len) {
        tk_warnlist_add(l->warn, pos,
                        "the suppression of %.*s has no reason; it is not applied (write why "
                        "after the rule ID)",
                        shown, ids);
        return;
    }
    if (exp && !tk_date_valid(exp, exp_len)) {
        tk_warnlist_add(l->warn, pos,
                        "an expiry date must be written YYYY-MM-DD; the suppression of %.*s is "
                        "not applied",
                        shown, ids);
        return;
    }
    if (!exp && !l->open) {
        tk_warnlist_add(l->warn, pos,
                        "the suppression of %.*s has no expiry date; it is not applied (write "
                        "exp:YYYY-MM-DD after the reason)",
                        shown, ids);
        return;
    }
    bool expired = exp && memcmp(exp, l->today, 10) < 0;
    if (expired)
        tk_warnlist_add(l->warn, pos,
                        "the suppression of %.*s expired on %.10s; its findings are reported again",
                        shown, ids, exp);
    const char *rs = tk_arena_strndup(&l->arena, reason, reason_len);
    const char *es = exp ? tk_arena_strndup(&l->arena, exp, exp_len) : NULL;
    if (!rs || (exp && !es)) return;
    /* Several rules may be named, separated by commas. */
    for (const char *q = ids; q < ids + ids_len;) {
        const char *comma = memchr(q, ',', (size_t)(ids + ids_len - q));
        size_t n = comma ? (size_t)(comma - q) : (size_t)(ids + ids_len - q);
        const char *w = q;
        q += n + (comma ? 1 : 0);
        while (n && blank(*w)) w++, n--;
        while (n && blank(w[n - 1])) n--;
        const char *id = n ? tk_arena_strndup(&l->arena, w, n) : NULL;
        if (!id) continue;
        if (l->rule_exists && !l->rule_exists(l->rule_exists_self, id)) {
            tk_warnlist_add(l->warn, pos,
                            "a suppression names %s, which is not a rule (tenken rules lists them)",
                            id);
            continue;
        }
        if (l->n == l->cap) {
            uint32_t cap = l->cap ? l->cap * 2 : 8;
            void *p = realloc(l->items, cap * sizeof *l->items);
            if (!p) return;
            l->items = p;
            l->cap = cap;
        }
        l->items[l->n++] = (tk_sup_entry){{id, rs, es, pos, expired}, start, end};
    }
}

void tk_sups_add_text(tk_sups *l, const char *text, size_t len, uint32_t pos, uint32_t start,
                      uint32_t end) {
    const char *colon = memchr(text, ':', len);
    size_t ids_len = colon ? (size_t)(colon - text) : len;
    const char *rest = colon ? colon + 1 : text + len;
    tk_buf reason;
    tk_buf_init(&reason);
    const char *exp;
    size_t exp_len;
    tk_sups_split_reason(rest, (size_t)(text + len - rest), &reason, &exp, &exp_len);
    if (!reason.oom)
        tk_sups_add(l, text, ids_len, reason.data, reason.len, exp, exp_len, pos, start, end);
    tk_buf_free(&reason);
}

const tk_suppression *tk_sups_find(const tk_sups *l, const tk_resource *res, const char *rule_id,
                                   uint32_t at) {
    const tk_suppression *expired = NULL; /* only when no suppression in force covers it */
    for (uint32_t i = 0; i < l->n; i++) {
        const tk_sup_entry *sp = &l->items[i];
        if (strcmp(sp->s.rule_id, rule_id) != 0) continue;
        bool hit = (at >= sp->start && at < sp->end) ||
                   (res->block && res->block->pos >= sp->start && res->block->pos < sp->end);
        for (uint32_t v = 0; v < res->n_via && !hit; v++) hit = res->via[v] == sp->start;
        if (hit && !sp->s.expired) return &sp->s;
        if (hit && !expired) expired = &sp->s;
    }
    return expired;
}
