/* Reading the tool's own YAML files with positions (see yaml_file.h). */
#include "yaml_file.h"
#include "../lib/text.h"
#include "../lib/yaml.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { YAML_FILE_MAX = 1 << 20 };

bool yaml_file_open(yaml_file *f, const char *path, const tk_node **root) {
    memset(f, 0, sizeof *f);
    f->path = path;
    tk_doc_init(&f->doc, path);
    *root = NULL;
    input_bytes *in = &f->in;
    char err[300];
    if (!io_read_input(path, YAML_FILE_MAX, in, err, sizeof err)) {
        fprintf(stderr, "%s:1:1: %s\n", path, err);
        return false;
    }
    tk_err e;
    if (!tk_text_decode(&f->doc.text, in->data, in->len, YAML_FILE_MAX, &e) ||
        !tk_yaml_parse(&f->doc, &(tk_yaml_opts){.max_depth = 16, .max_alias_nodes = 1000}, &e)) {
        unsigned line = 1, col = 1;
        if (f->doc.text.data) tk_doc_locate(&f->doc, e.offset, &line, &col);
        fprintf(stderr, "%s:%u:%u: %s\n", path, line, col, e.msg);
        return false;
    }
    const tk_node *stream = tk_doc_root(&f->doc);
    if (!stream || tk_node_count(stream) == 0) return true;
    if (tk_node_count(stream) != 1)
        return yaml_fail(f, tk_doc_at(stream, 1), "the file must hold one YAML document");
    if (tk_node_kind(stream + 1) != TK_NULL) *root = stream + 1;
    return true;
}

void yaml_file_close(yaml_file *f) {
    tk_doc_free(&f->doc);
    io_release(&f->in);
}

bool yaml_fail(yaml_file *f, const tk_node *n, const char *fmt, ...) {
    unsigned line = 1, col = 1;
    if (n) tk_doc_locate(&f->doc, n->pos, &line, &col);
    fprintf(stderr, "%s:%u:%u: ", f->path, line, col);
    va_list ap;
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    f->failed = true;
    return false;
}

char *yaml_dup(yaml_file *f, const tk_node *n) {
    tk_str s = tk_doc_str(&f->doc, n);
    char *p = malloc(s.len + 1);
    if (!p) return NULL;
    memcpy(p, s.p, s.len);
    p[s.len] = 0;
    return p;
}

bool yaml_want_string(yaml_file *f, const tk_node *n, const char *key, char **out) {
    if (tk_node_kind(n) != TK_STRING) return yaml_fail(f, n, "%s must be a string", key);
    free(*out);
    *out = yaml_dup(f, n);
    return *out || yaml_fail(f, n, "out of memory");
}

bool yaml_unknown_key(yaml_file *f, const tk_node *n, const char *what, const char *known) {
    tk_str k = tk_doc_key(&f->doc, n);
    return yaml_fail(f, n, "unknown key '%.*s' in %s (%s)", (int)k.len, k.p, what, known);
}
