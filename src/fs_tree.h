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
} fs_tree;

bool fs_tree_open(fs_tree *t, const char *dir, size_t max_file, char *err, size_t errlen);
void fs_tree_close(fs_tree *t);

#endif
