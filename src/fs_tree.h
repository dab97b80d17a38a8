/* A directory on disk as the library's tree of source files (tk_srcfs): reads and listings
 * confined to the directory, following no symbolic link that leads outside it. */
#ifndef TK_FS_TREE_H
#define TK_FS_TREE_H
#include "../include/tenken.h"

typedef struct fs_tree {
    tk_srcfs fs;
    char *root; /* resolved (realpath) */
    size_t root_len;
    size_t max_file; /* bytes; larger files are refused */
    struct {
        char *data;
        size_t len;
    } * files; /* everything read, kept until fs_tree_close */
    size_t n_files, cap_files;
    /* Paths left out of listings: globs relative to exclude_base (an absolute, resolved
     * directory); see fs_tree_excluded. */
    char *const *exclude;
    size_t n_exclude;
    const char *exclude_base;
} fs_tree;

/* Whether the absolute path is left out: a pattern matches its path relative to base
 * (fnmatch, '*' also crossing '/'), or one of its parent directories. */
bool fs_tree_excluded(char *const *patterns, size_t n, const char *base, const char *path);

bool fs_tree_open(fs_tree *t, const char *dir, size_t max_file, char *err, size_t errlen);
void fs_tree_close(fs_tree *t);

#endif
