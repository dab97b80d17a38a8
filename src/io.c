/* Files for the tool: reading inputs and writing outputs atomically. */
#include "io.h"
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

static bool read_stream(int fd, size_t max, input_bytes *out, char *err, size_t errlen) {
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap);
    if (!buf) {
        snprintf(err, errlen, "out of memory");
        return false;
    }
    for (;;) {
        if (len == cap) {
            if (cap > max) break;
            size_t nc = cap * 2;
            char *nb = realloc(buf, nc);
            if (!nb) {
                free(buf);
                snprintf(err, errlen, "out of memory");
                return false;
            }
            buf = nb;
            cap = nc;
        }
        ssize_t r = read(fd, buf + len, cap - len);
        if (r < 0) {
            if (errno == EINTR) continue;
            snprintf(err, errlen, "cannot read: %s", strerror(errno));
            free(buf);
            return false;
        }
        if (r == 0) break;
        len += (size_t)r;
        if (len > max) break;
    }
    if (len > max) {
        free(buf);
        snprintf(err, errlen, "input is larger than the limit of %zu bytes (see --max-input-size)",
                 max);
        return false;
    }
    out->data = buf;
    out->len = len;
    out->heap = buf;
    return true;
}

bool io_read_input(const char *path, size_t max, input_bytes *out, char *err, size_t errlen) {
    memset(out, 0, sizeof *out);
    if (strcmp(path, "-") == 0) return read_stream(STDIN_FILENO, max, out, err, errlen);
    /* O_NONBLOCK: opening a FIFO must not wait for a writer. */
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd < 0) {
        snprintf(err, errlen, "cannot open: %s", strerror(errno));
        return false;
    }
    struct stat st;
    if (fstat(fd, &st) != 0) {
        snprintf(err, errlen, "cannot stat: %s", strerror(errno));
        close(fd);
        return false;
    }
    if (S_ISDIR(st.st_mode)) {
        snprintf(err, errlen,
                 "is a directory (give plan or state JSON files; Terraform source "
                 "directories are not supported yet)");
        close(fd);
        return false;
    }
    bool ok;
    if (S_ISREG(st.st_mode)) {
        if ((unsigned long long)st.st_size > max) {
            snprintf(
                err, errlen,
                "input is %lld bytes, larger than the limit of %zu bytes (see --max-input-size)",
                (long long)st.st_size, max);
            close(fd);
            return false;
        }
        if (st.st_size == 0) {
            out->data = "";
            out->len = 0;
            close(fd);
            return true;
        }
        /* MAP_POPULATE maps the whole file up front: one batch instead of a fault per page. */
        void *m = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
        if (m != MAP_FAILED) {
            madvise(m, (size_t)st.st_size, MADV_SEQUENTIAL);
            out->map = m;
            out->data = m;
            out->len = (size_t)st.st_size;
            close(fd);
            return true;
        }
    }
    int fl = fcntl(fd, F_GETFL);
    if (fl >= 0) fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
    ok = read_stream(fd, max, out, err, errlen);
    close(fd);
    return ok;
}

void io_release(input_bytes *in) {
    if (in->map) munmap(in->map, in->len);
    free(in->heap);
    memset(in, 0, sizeof *in);
}

bool io_write_all(int fd, const void *data, size_t len) {
    const char *p = data;
    while (len) {
        ssize_t w = write(fd, p, len);
        if (w < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        p += w;
        len -= (size_t)w;
    }
    return true;
}

/* The temporary file being written, removed if the process is interrupted. */
static char pending_tmp[4096];
static struct sigaction old_int, old_term;

static void on_signal(int sig) {
    if (pending_tmp[0]) unlink(pending_tmp);
    signal(sig, SIG_DFL);
    raise(sig);
}

static void restore_signals(void) {
    pending_tmp[0] = 0;
    sigaction(SIGINT, &old_int, NULL);
    sigaction(SIGTERM, &old_term, NULL);
}

bool io_atomic_open(atomic_file *f, const char *path, char *err, size_t errlen) {
    f->fd = -1;
    f->path = path;
    f->failed = false;
    const char *slash = strrchr(path, '/');
    int n;
    if (slash)
        n = snprintf(pending_tmp, sizeof pending_tmp, "%.*s/.%s.tmp-XXXXXX", (int)(slash - path),
                     path, slash + 1);
    else
        n = snprintf(pending_tmp, sizeof pending_tmp, ".%s.tmp-XXXXXX", path);
    if (n < 0 || (size_t)n >= sizeof pending_tmp) {
        pending_tmp[0] = 0;
        snprintf(err, errlen, "output path too long");
        return false;
    }
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigaction(SIGINT, &sa, &old_int);
    sigaction(SIGTERM, &sa, &old_term);
    f->fd = mkstemp(pending_tmp);
    if (f->fd < 0) {
        snprintf(err, errlen, "cannot create a temporary file next to it: %s", strerror(errno));
        restore_signals();
        return false;
    }
    fchmod(f->fd, 0644);
    return true;
}

bool io_atomic_write(atomic_file *f, const void *data, size_t len) {
    if (f->failed || !io_write_all(f->fd, data, len)) f->failed = true;
    return !f->failed;
}

void io_atomic_abort(atomic_file *f) {
    if (f->fd >= 0) close(f->fd);
    f->fd = -1;
    if (pending_tmp[0]) unlink(pending_tmp);
    restore_signals();
}

bool io_atomic_commit(atomic_file *f, char *err, size_t errlen) {
    if (f->failed || fsync(f->fd) != 0) {
        snprintf(err, errlen, "cannot write: %s", strerror(errno));
        io_atomic_abort(f);
        return false;
    }
    int fd = f->fd;
    f->fd = -1;
    if (close(fd) != 0 || rename(pending_tmp, f->path) != 0) {
        snprintf(err, errlen, "cannot write: %s", strerror(errno));
        io_atomic_abort(f);
        return false;
    }
    restore_signals();
    return true;
}

static int cmp_str(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool walk(const char *dir, const char *suffix, char ***out, size_t *n, size_t *cap,
                 int depth, char *err, size_t errlen) {
    if (depth > 16) return true;
    DIR *d = opendir(dir);
    if (!d) {
        snprintf(err, errlen, "cannot open directory: %s", strerror(errno));
        return false;
    }
    struct dirent *e;
    bool ok = true;
    size_t sl = strlen(suffix);
    while (ok && (e = readdir(d))) {
        if (e->d_name[0] == '.') continue;
        size_t need = strlen(dir) + strlen(e->d_name) + 2;
        char *p = malloc(need);
        if (!p) {
            ok = false;
            break;
        }
        snprintf(p, need, "%s/%s", dir, e->d_name);
        struct stat st;
        if (lstat(p, &st) != 0 || S_ISLNK(st.st_mode)) {
            free(p);
            continue;
        }
        size_t nl = strlen(e->d_name);
        if (S_ISDIR(st.st_mode)) {
            ok = walk(p, suffix, out, n, cap, depth + 1, err, errlen);
            free(p);
        } else if (S_ISREG(st.st_mode) && nl > sl && strcmp(e->d_name + nl - sl, suffix) == 0) {
            if (*n == *cap) {
                size_t nc = *cap ? *cap * 2 : 32;
                char **a = realloc(*out, nc * sizeof *a);
                if (!a) {
                    free(p);
                    ok = false;
                    break;
                }
                *out = a;
                *cap = nc;
            }
            (*out)[(*n)++] = p;
        } else {
            free(p);
        }
    }
    closedir(d);
    return ok;
}

bool io_list_files(const char *dir, const char *suffix, char ***out, size_t *n, char *err,
                   size_t errlen) {
    size_t cap = 0;
    *out = NULL;
    *n = 0;
    if (!walk(dir, suffix, out, n, &cap, 0, err, errlen)) return false;
    if (*n) qsort(*out, *n, sizeof **out, cmp_str);
    return true;
}
