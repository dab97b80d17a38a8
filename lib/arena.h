/* Bump allocator: many small allocations, freed all at once. */
#ifndef TK_ARENA_H
#define TK_ARENA_H
#include <stddef.h>

typedef struct tk_arena_block tk_arena_block;
typedef struct tk_arena {
    tk_arena_block *head;
    size_t used_total; /* bytes handed out, for statistics */
} tk_arena;

void tk_arena_init(tk_arena *a);
void tk_arena_free(tk_arena *a);
/* Frees every block but the first and rewinds it: cheap reuse for scratch work. */
void tk_arena_reset(tk_arena *a);
/* Returns zeroed memory aligned to 16 bytes, or NULL when out of memory or n is absurd. */
void *tk_arena_alloc(tk_arena *a, size_t n);
/* Allocates n elements of size sz, checking the multiplication. */
void *tk_arena_array(tk_arena *a, size_t n, size_t sz);
/* Copies len bytes and adds a NUL terminator. */
char *tk_arena_strndup(tk_arena *a, const char *s, size_t len);
char *tk_arena_strdup(tk_arena *a, const char *s);

#endif
