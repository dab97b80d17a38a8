/* Files for the tool: reading inputs (mapped or streamed, with a size limit) and writing
 * outputs atomically (a temporary file renamed into place). */
#ifndef TK_IO_H
#define TK_IO_H
#include <stdbool.h>
#include <stddef.h>

typedef struct input_bytes {
    const void *data;
    size_t len;
    void *map;  /* mmap'ed region, or NULL */
    void *heap; /* malloc'ed buffer, or NULL */
} input_bytes;

/* Reads path ("-" is standard input). On failure returns false with a message. */
bool io_read_input(const char *path, size_t max_bytes, input_bytes *out, char *err, size_t errlen);
void io_release(input_bytes *in);

/* An output file written through a temporary file in the same directory and renamed into
 * place on commit, so readers never see half a report. Nothing is left behind on failure or
 * when the process is interrupted (SIGINT, SIGTERM). One at a time per process. */
typedef struct atomic_file {
    int fd;
    const char *path;
    bool failed;
} atomic_file;
bool io_atomic_open(atomic_file *f, const char *path, char *err, size_t errlen);
bool io_atomic_write(atomic_file *f, const void *data, size_t len);
bool io_atomic_commit(atomic_file *f, char *err, size_t errlen);
void io_atomic_abort(atomic_file *f);
/* Writes all of data to a file descriptor. */
bool io_write_all(int fd, const void *data, size_t len);

/* Lists regular files ending in suffix under dir (recursively, sorted); the caller frees
 * each string and the array. */
bool io_list_files(const char *dir, const char *suffix, char ***out, size_t *n, char *err, size_t errlen);

#endif
