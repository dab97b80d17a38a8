/* Hash map from borrowed byte strings to 32-bit values (open addressing, linear probing). */
#include "strmap.h"
#include <stdlib.h>
#include <string.h>

uint32_t tk_hash(const void *p, size_t len) {
    /* Multiply-xorshift over 8-byte words: keys here are identifiers and addresses. */
    const unsigned char *s = p;
    uint64_t h = 0x9E3779B97F4A7C15ULL ^ (len * 0xFF51AFD7ED558CCDULL);
    while (len >= 8) {
        uint64_t w;
        memcpy(&w, s, 8);
        h = (h ^ w) * 0xBF58476D1CE4E5B9ULL;
        h ^= h >> 31;
        s += 8;
        len -= 8;
    }
    uint64_t w = 0;
    memcpy(&w, s, len);
    h = (h ^ w) * 0x94D049BB133111EBULL;
    h ^= h >> 29;
    return (uint32_t)(h ^ (h >> 32));
}

void tk_strmap_init(tk_strmap *m) {
    m->slots = NULL;
    m->cap = m->n = 0;
}

void tk_strmap_free(tk_strmap *m) {
    free(m->slots);
    tk_strmap_init(m);
}

static inline uint32_t len_tag(size_t len, uint32_t h) {
    return (uint32_t)len << 8 | (h >> 24);
}

uint32_t *tk_strmap_get(const tk_strmap *m, const char *key, size_t len) {
    if (!m->cap || len > TK_STRMAP_MAX_KEY) return NULL;
    uint32_t h = tk_hash(key, len), lt = len_tag(len, h);
    size_t i = h & (m->cap - 1);
    for (;;) {
        tk_strmap_slot *s = &m->slots[i];
        if (!s->key) return NULL;
        if (s->len_tag == lt && memcmp(s->key, key, len) == 0) return &s->value;
        i = (i + 1) & (m->cap - 1);
    }
}

static bool rehash(tk_strmap *m, size_t cap) {
    tk_strmap_slot *ns = calloc(cap, sizeof *ns);
    if (!ns) return false;
    for (size_t i = 0; i < m->cap; i++) {
        tk_strmap_slot *s = &m->slots[i];
        if (!s->key) continue;
        size_t j = tk_hash(s->key, s->len_tag >> 8) & (cap - 1);
        while (ns[j].key) j = (j + 1) & (cap - 1);
        ns[j] = *s;
    }
    free(m->slots);
    m->slots = ns;
    m->cap = cap;
    return true;
}

uint32_t *tk_strmap_put(tk_strmap *m, const char *key, size_t len, bool *fresh) {
    if (len > TK_STRMAP_MAX_KEY) return NULL;
    /* Grow at 7/8 full: linear probing stays short at that load with a good hash, and
     * the big maps (one entry per resource) stay small. */
    if ((m->n + 1) * 8 > m->cap * 7 && !rehash(m, m->cap ? m->cap * 2 : 64)) return NULL;
    uint32_t h = tk_hash(key, len), lt = len_tag(len, h);
    size_t i = h & (m->cap - 1);
    for (;;) {
        tk_strmap_slot *s = &m->slots[i];
        if (!s->key) {
            s->key = key ? key : "";
            s->len_tag = lt;
            s->value = 0;
            m->n++;
            if (fresh) *fresh = true;
            return &s->value;
        }
        if (s->len_tag == lt && memcmp(s->key, key, len) == 0) {
            if (fresh) *fresh = false;
            return &s->value;
        }
        i = (i + 1) & (m->cap - 1);
    }
}
