/* SHA-256 (FIPS 180-4), for the Content-Security-Policy hashes of the HTML report's inline
 * style and script. */
#ifndef TK_SHA256_H
#define TK_SHA256_H
#include <stddef.h>
#include <stdint.h>

void sha256(const void *data, size_t len, uint8_t digest[32]);
/* The digest in base64 (44 characters and a NUL), as CSP source expressions want it. */
void sha256_base64(const void *data, size_t len, char out[45]);

#endif
