/* IPv4/IPv6 addresses and CIDR blocks, for network rules. */
#include "cidr.h"
#include <string.h>

static bool parse_v4(const char *s, size_t len, uint8_t out[4]) {
    size_t i = 0;
    for (int part = 0; part < 4; part++) {
        if (i >= len || s[i] < '0' || s[i] > '9') return false;
        unsigned v = 0, digits = 0;
        while (i < len && s[i] >= '0' && s[i] <= '9') {
            v = v * 10 + (unsigned)(s[i] - '0');
            if (++digits > 3 || v > 255) return false;
            i++;
        }
        out[part] = (uint8_t)v;
        if (part < 3) {
            if (i >= len || s[i] != '.') return false;
            i++;
        }
    }
    return i == len;
}

static int hexd(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static bool parse_v6(const char *s, size_t len, uint8_t out[16]) {
    uint16_t words[8];
    int n = 0, gap = -1;
    size_t i = 0;
    if (len >= 2 && s[0] == ':' && s[1] == ':') {
        gap = 0;
        i = 2;
    } else if (len && s[0] == ':') {
        return false;
    }
    while (i < len) {
        if (n == 8) return false;
        /* An embedded IPv4 tail, as in ::ffff:10.0.0.1 */
        size_t j = i;
        while (j < len && s[j] != ':') j++;
        if (memchr(s + i, '.', j - i)) {
            if (j != len || n > 6) return false;
            uint8_t v4[4];
            if (!parse_v4(s + i, j - i, v4)) return false;
            words[n++] = (uint16_t)(v4[0] << 8 | v4[1]);
            words[n++] = (uint16_t)(v4[2] << 8 | v4[3]);
            i = j;
            break;
        }
        unsigned v = 0, digits = 0;
        while (i < len && hexd(s[i]) >= 0) {
            v = v << 4 | (unsigned)hexd(s[i]);
            if (++digits > 4) return false;
            i++;
        }
        if (!digits) return false;
        words[n++] = (uint16_t)v;
        if (i < len) {
            if (s[i] != ':') return false;
            i++;
            if (i < len && s[i] == ':') {
                if (gap >= 0) return false;
                gap = n;
                i++;
            } else if (i == len) {
                return false;
            }
        }
    }
    if (gap < 0 && n != 8) return false;
    if (gap >= 0 && n > 7) return false;
    uint16_t full[8] = {0};
    if (gap < 0) {
        memcpy(full, words, sizeof full);
    } else {
        int tail = n - gap;
        for (int k = 0; k < gap; k++) full[k] = words[k];
        for (int k = 0; k < tail; k++) full[8 - tail + k] = words[gap + k];
    }
    for (int k = 0; k < 8; k++) {
        out[2 * k] = (uint8_t)(full[k] >> 8);
        out[2 * k + 1] = (uint8_t)full[k];
    }
    return true;
}

bool tk_cidr_parse(const char *s, size_t len, tk_cidr *out) {
    memset(out, 0, sizeof *out);
    const char *slash = memchr(s, '/', len);
    size_t alen = slash ? (size_t)(slash - s) : len;
    if (memchr(s, ':', alen)) {
        out->v6 = true;
        if (!parse_v6(s, alen, out->addr)) return false;
    } else if (!parse_v4(s, alen, out->addr)) {
        return false;
    }
    unsigned max = out->v6 ? 128 : 32;
    if (!slash) {
        out->prefix = (uint8_t)max;
        return true;
    }
    size_t i = alen + 1;
    if (i >= len) return false;
    unsigned p = 0, digits = 0;
    while (i < len && s[i] >= '0' && s[i] <= '9') {
        p = p * 10 + (unsigned)(s[i] - '0');
        if (++digits > 3) return false;
        i++;
    }
    if (i != len || !digits || p > max) return false;
    out->prefix = (uint8_t)p;
    return true;
}

/* Is c inside the range net/bits? */
static bool inside(const tk_cidr *c, const uint8_t *net, unsigned bits) {
    if (c->prefix < bits) return false;
    for (unsigned b = 0; b < bits; b++) {
        unsigned byte = b / 8, mask = 0x80u >> (b % 8);
        if ((c->addr[byte] & mask) != (net[byte] & mask)) return false;
    }
    return true;
}

bool tk_cidr_is_private(const tk_cidr *c) {
    if (!c->v6) {
        static const struct {
            uint8_t net[4];
            unsigned bits;
        } r4[] = {{{10, 0, 0, 0}, 8},      {{172, 16, 0, 0}, 12}, {{192, 168, 0, 0}, 16},
                  {{127, 0, 0, 0}, 8},     {{169, 254, 0, 0}, 16}, {{100, 64, 0, 0}, 10}};
        for (size_t i = 0; i < sizeof r4 / sizeof *r4; i++)
            if (inside(c, r4[i].net, r4[i].bits)) return true;
        return false;
    }
    static const uint8_t ula[16] = {0xfc}, ll[16] = {0xfe, 0x80}, lo[16] = {[15] = 1};
    return inside(c, ula, 7) || inside(c, ll, 10) || inside(c, lo, 128);
}
