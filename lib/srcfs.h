/* The tree of source files being scanned, as the library sees it.
 *
 * Terraform source is a directory of files, with modules in other directories and files
 * read by functions such as file(). The library never opens files itself: the caller hands
 * it a tk_srcfs whose paths are relative to the scan root. Paths given to it are always
 * normalized by tk_path_join (no "." or ".." components, no leading '/', '/' separators), so
 * nothing can name a file outside the root; an implementation on a real file system must
 * still refuse symbolic links that lead outside. */
#ifndef TK_SRCFS_H
#define TK_SRCFS_H
#include "../include/tenken.h"
#include <stdbool.h>
#include <stddef.h>

/* tk_srcfs itself is declared in the public header. */

/* Joins directory base (relative to the root, "" for the root) and path rel, resolving "."
 * and "..". Returns false when rel is absolute, the result would leave the root, or it
 * does not fit in cap bytes. */
bool tk_path_join(const char *base, const char *rel, char *out, size_t cap);

#endif
