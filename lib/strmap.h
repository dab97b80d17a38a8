/* Hash map from borrowed byte strings to 32-bit values (open addressing, linear probing). */
#ifndef TK_STRMAP_H
#define TK_STRMAP_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct tk_strmap_slot {
    const char *key;
    uint32_t len_tag; /* length << 8 | 8 bits of the hash: most mismatches stop here */
    uint32_t value;
} tk_strmap_slot;

enum { TK_STRMAP_MAX_KEY = (1u << 24) - 1 };

typedef struct tk_strmap {
    tk_strmap_slot *slots;
    size_t cap, n;
} tk_strmap;

uint32_t tk_hash(const void *p, size_t len);
void tk_strmap_init(tk_strmap *m);
void tk_strmap_free(tk_strmap *m);
/* Finds key; returns a pointer to its value or NULL. */
uint32_t *tk_strmap_get(const tk_strmap *m, const char *key, size_t len);
/* Inserts key (the bytes must outlive the map) or finds it. *fresh tells which.
 * Returns NULL when out of memory or when the key is longer than TK_STRMAP_MAX_KEY. */
uint32_t *tk_strmap_put(tk_strmap *m, const char *key, size_t len, bool *fresh);

#endif
