/* Path arithmetic for the scanned tree (see srcfs.h). */
#include "srcfs.h"
#include <string.h>

bool tk_path_join(const char *base, const char *rel, char *out, size_t cap) {
    if (!cap || !rel || rel[0] == '/' || rel[0] == '\\' || strchr(rel, '\\')) return false;
    /* Components of base then rel, with "." dropped and ".." popping one. */
    size_t len = 0;
    out[0] = 0;
    const char *parts[2] = {base ? base : "", rel};
    for (int k = 0; k < 2; k++) {
        const char *p = parts[k];
        while (*p) {
            const char *slash = strchr(p, '/');
            size_t l = slash ? (size_t)(slash - p) : strlen(p);
            if (l == 0 || (l == 1 && p[0] == '.')) {
                /* empty or "." */
            } else if (l == 2 && p[0] == '.' && p[1] == '.') {
                if (len == 0) return false; /* would leave the root */
                while (len > 0 && out[len - 1] != '/') len--;
                if (len > 0) len--; /* the separator */
                out[len] = 0;
            } else {
                if (len + (len ? 1 : 0) + l + 1 > cap) return false;
                if (len) out[len++] = '/';
                memcpy(out + len, p, l);
                len += l;
                out[len] = 0;
            }
            p += l;
            if (*p == '/') p++;
        }
    }
    return true;
}
