/* A directory on disk as a tree of source files (see fs_tree.h). Every path is resolved
 * (symbolic links included) and must stay inside the resolved root. */
#include "fs_tree.h"
#include <fnmatch.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* root + "/" + rel, resolved, and inside the root; false with a message otherwise. */
static bool resolve(const fs_tree *t, const char *rel, char *out, char *err, size_t errlen) {
    char joined[PATH_MAX];
    int n = snprintf(joined, sizeof joined, "%s%s%s", t->root, *rel ? "/" : "", rel);
    if (n < 0 || (size_t)n >= sizeof joined) {
        snprintf(err, errlen, "path too long");
        return false;
    }
    if (!realpath(joined, out)) {
        snprintf(err, errlen, "%s", strerror(errno));
        return false;
    }
    size_t l = strlen(out);
    bool inside = l == t->root_len ? !strcmp(out, t->root)
                                   : l > t->root_len && !strncmp(out, t->root, t->root_len) &&
                                         (out[t->root_len] == '/' || t->root_len == 1);
    if (!inside) {
        snprintf(err, errlen, "leads outside the scanned directory (symbolic link); not read");
        return false;
    }
    return true;
}

static bool tree_read(void *self, const char *rel, const char **data, size_t *len, char *err,
                      size_t errlen) {
    fs_tree *t = self;
    char path[PATH_MAX];
    if (!resolve(t, rel, path, err, errlen)) return false;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        snprintf(err, errlen, "%s", strerror(errno));
        return false;
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        snprintf(err, errlen, "not a regular file");
        close(fd);
        return false;
    }
    if ((size_t)st.st_size > t->max_file) {
        snprintf(err, errlen, "larger than the limit of %zu bytes", t->max_file);
        close(fd);
        return false;
    }
    if (t->n_files == t->cap_files) {
        size_t cap = t->cap_files ? t->cap_files * 2 : 16;
        void *nf = realloc(t->files, cap * sizeof *t->files);
        if (!nf) {
            close(fd);
            snprintf(err, errlen, "out of memory");
            return false;
        }
        t->files = nf;
        t->cap_files = cap;
    }
    size_t cap = (size_t)st.st_size + 1, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        if (n == cap) {
            if (cap > t->max_file) break;
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
            cap *= 2;
        }
        ssize_t r = read(fd, buf + n, cap - n);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) break;
        n += (size_t)r;
    }
    close(fd);
    if (!buf || n > t->max_file) {
        free(buf);
        snprintf(err, errlen, buf ? "larger than the limit" : "out of memory");
        return false;
    }
    t->files[t->n_files].data = buf;
    t->files[t->n_files++].len = n;
    *data = buf;
    *len = n;
    return true;
}

static bool tree_list(void *self, const char *rel,
                      void (*each)(void *ctx, const char *name, bool is_dir), void *ctx, char *err,
                      size_t errlen) {
    fs_tree *t = self;
    char path[PATH_MAX];
    if (!resolve(t, rel, path, err, errlen)) return false;
    DIR *d = opendir(path);
    if (!d) {
        snprintf(err, errlen, "%s", strerror(errno));
        return false;
    }
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
        bool is_dir = e->d_type == DT_DIR;
        if (e->d_type == DT_UNKNOWN || e->d_type == DT_LNK) {
            char full[PATH_MAX];
            struct stat st;
            int n = snprintf(full, sizeof full, "%s/%s", path, e->d_name);
            is_dir =
                n > 0 && (size_t)n < sizeof full && stat(full, &st) == 0 && S_ISDIR(st.st_mode);
        }
        if (t->n_exclude) {
            char full[PATH_MAX];
            int n = snprintf(full, sizeof full, "%s/%s", path, e->d_name);
            if (n > 0 && (size_t)n < sizeof full &&
                fs_tree_excluded(t->exclude, t->n_exclude, t->exclude_base, full))
                continue;
        }
        each(ctx, e->d_name, is_dir);
    }
    closedir(d);
    return true;
}

bool fs_tree_excluded(char *const *patterns, size_t n, const char *base, const char *path) {
    size_t bl = strlen(base);
    if (!strcmp(base, "/")) bl = 0;
    if (strncmp(path, base, bl) != 0 || path[bl] != '/') return false;
    const char *rel = path + bl + 1;
    for (size_t i = 0; i < n; i++) {
        char pat[PATH_MAX];
        snprintf(pat, sizeof pat, "%s", patterns[i]);
        size_t pl = strlen(pat);
        while (pl > 1 && pat[pl - 1] == '/') pat[--pl] = 0; /* "build/" is the directory */
        const char *p = pat[0] == '.' && pat[1] == '/' ? pat + 2 : pat;
        if (fnmatch(p, rel, 0) == 0) return true;
        /* A pattern naming a directory leaves out everything in it. */
        size_t l = strlen(p);
        if (!strchr(p, '*') && !strchr(p, '?') && !strchr(p, '[') && !strncmp(rel, p, l) &&
            rel[l] == '/')
            return true;
    }
    return false;
}

bool fs_tree_open(fs_tree *t, const char *dir, size_t max_file, char *err, size_t errlen) {
    memset(t, 0, sizeof *t);
    char path[PATH_MAX];
    if (!realpath(dir, path)) {
        snprintf(err, errlen, "%s", strerror(errno));
        return false;
    }
    t->root = strdup(path);
    if (!t->root) {
        snprintf(err, errlen, "out of memory");
        return false;
    }
    t->root_len = strlen(t->root);
    t->max_file = max_file;
    t->fs = (tk_srcfs){t, tree_read, tree_list};
    return true;
}

void fs_tree_close(fs_tree *t) {
    for (size_t i = 0; i < t->n_files; i++) free(t->files[i].data);
    free(t->files);
    free(t->root);
    memset(t, 0, sizeof *t);
}
