/* Writing values of the Terraform language (hv) into a document's node tape, so that rules
 * read evaluated configurations (Terraform source, CloudFormation) exactly as they read
 * parsed JSON. Every node gets a position: the value's own, or, when it has none or came
 * through a reference (HVF_INHERIT_POS), its parent's. Keys and strings go to the side
 * buffer. Containers are closed with their subtree sizes. */
#ifndef TK_HV_DOC_H
#define TK_HV_DOC_H
#include "doc.h"
#include "hval.h"

typedef struct hv_writer {
    tk_doc *d;
    bool failed; /* out of memory, or the document grew too large */
} hv_writer;

/* Appends a node (a member named key when key is not NULL); returns its index or UINT32_MAX. */
uint32_t hvw_push(hv_writer *w, tk_kind k, uint32_t pos, const char *key, size_t klen);
/* Sets the subtree size of container idx once its last child is written. */
void hvw_close(hv_writer *w, uint32_t idx);
/* A string or number node with its text. */
void hvw_text(hv_writer *w, tk_kind k, uint32_t pos, const char *key, size_t klen, const char *s,
              size_t len);
void hvw_number(hv_writer *w, double num, uint32_t pos, const char *key, size_t klen);
void hvw_bool(hv_writer *w, bool b, uint32_t pos, const char *key, size_t klen);
/* A whole value, as it is (no conversion). */
void hvw_value(hv_writer *w, const hv *v, const char *key, size_t klen, uint32_t parent_pos,
               bool inherit);

#endif
