/* Data sources whose results follow from their configuration alone (see tfsrc_data.c). */
#ifndef TK_TFSRC_DATA_H
#define TK_TFSRC_DATA_H
#include "hval.h"

/* When type is such a data source, adds its computed attributes to obj (the evaluated
 * configuration) and returns true; otherwise leaves obj as it is. */
bool tf_data_compute(tk_arena *a, const char *type, size_t tlen, hv *obj);

#endif
