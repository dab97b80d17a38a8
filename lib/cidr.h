/* IPv4/IPv6 addresses and CIDR blocks, for network rules. */
#ifndef TK_CIDR_H
#define TK_CIDR_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct tk_cidr {
    uint8_t addr[16]; /* IPv4 in the first four bytes */
    uint8_t prefix;   /* a bare address has the full prefix (32 or 128) */
    bool v6;
} tk_cidr;

/* Parses "10.0.0.0/8", "::/0", "192.168.1.1" (strict, no whitespace). */
bool tk_cidr_parse(const char *s, size_t len, tk_cidr *out);
/* True when every address of c is in a private, loopback, link-local or shared range. */
bool tk_cidr_is_private(const tk_cidr *c);

#endif
