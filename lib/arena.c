/* Bump allocator: many small allocations, freed all at once. */
#include "arena.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct tk_arena_block {
    tk_arena_block *next;
    size_t cap, used;
    _Alignas(16) unsigned char data[];
};

enum { ARENA_MIN_BLOCK = 64 * 1024 };

void tk_arena_init(tk_arena *a) {
    a->head = NULL;
    a->used_total = 0;
}

void tk_arena_free(tk_arena *a) {
    tk_arena_block *b = a->head;
    while (b) {
        tk_arena_block *n = b->next;
        free(b);
        b = n;
    }
    a->head = NULL;
    a->used_total = 0;
}

void tk_arena_reset(tk_arena *a) {
    if (!a->head) return;
    tk_arena_block *b = a->head->next;
    while (b) {
        tk_arena_block *n = b->next;
        free(b);
        b = n;
    }
    a->head->next = NULL;
    a->head->used = 0;
    a->used_total = 0;
}

void *tk_arena_alloc(tk_arena *a, size_t n) {
    if (n > SIZE_MAX / 2) return NULL;
    size_t need = (n + 15) & ~(size_t)15;
    if (need == 0) need = 16;
    tk_arena_block *b = a->head;
    if (!b || b->cap - b->used < need) {
        size_t cap = need > ARENA_MIN_BLOCK ? need : ARENA_MIN_BLOCK;
        /* Grow block sizes with the arena so huge arenas do not become long lists. */
        if (b && b->cap * 2 > cap && b->cap < (size_t)64 << 20) cap = b->cap * 2;
        tk_arena_block *nb = malloc(sizeof(*nb) + cap);
        if (!nb) return NULL;
        nb->cap = cap;
        nb->used = 0;
        /* A block too large for further use goes behind the current one. */
        if (b && need > ARENA_MIN_BLOCK && b->cap - b->used > need / 4) {
            nb->next = b->next;
            b->next = nb;
            nb->used = need;
            a->used_total += need;
            memset(nb->data, 0, need);
            return nb->data;
        }
        nb->next = b;
        a->head = nb;
        b = nb;
    }
    void *p = b->data + b->used;
    b->used += need;
    a->used_total += need;
    memset(p, 0, need);
    return p;
}

void *tk_arena_array(tk_arena *a, size_t n, size_t sz) {
    if (sz && n > SIZE_MAX / 2 / sz) return NULL;
    return tk_arena_alloc(a, n * sz);
}

char *tk_arena_strndup(tk_arena *a, const char *s, size_t len) {
    char *p = tk_arena_alloc(a, len + 1);
    if (!p) return NULL;
    if (len) memcpy(p, s, len);
    p[len] = 0;
    return p;
}

char *tk_arena_strdup(tk_arena *a, const char *s) {
    return tk_arena_strndup(a, s, strlen(s));
}
