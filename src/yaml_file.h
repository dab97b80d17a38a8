/* A small YAML file the tool reads for itself (the configuration, the waivers): read with
 * positions, so that every mistake is reported as "file:line:col: message". */
#ifndef TK_YAML_FILE_H
#define TK_YAML_FILE_H
#include "io.h"
#include "../lib/doc.h"
#include <stdbool.h>

typedef struct yaml_file {
    tk_doc doc;
    input_bytes in; /* the document's text may point into it */
    const char *path;
    bool failed;
} yaml_file;

/* Reads path (at most 1 MiB) as one YAML document. *root is NULL for an empty file (or a
 * document that is only null). On error prints "file:line:col: message" and returns false;
 * yaml_file_close is needed either way. */
bool yaml_file_open(yaml_file *f, const char *path, const tk_node **root);
void yaml_file_close(yaml_file *f);

/* Prints "file:line:col: message" for node n (the start of the file when NULL); returns
 * false so callers can `return yaml_fail(...)`. */
bool yaml_fail(yaml_file *f, const tk_node *n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* A malloc'ed copy of a scalar's text, or NULL when out of memory. */
char *yaml_dup(yaml_file *f, const tk_node *n);
/* A string value for key: replaces *out; fails (with the position) for other kinds. */
bool yaml_want_string(yaml_file *f, const tk_node *n, const char *key, char **out);
/* An unknown key: "unknown key 'k' in what (known)". */
bool yaml_unknown_key(yaml_file *f, const tk_node *n, const char *what, const char *known);

#endif
