/* Writing values into a document's node tape (see hv_doc.h). */
#include "hv_doc.h"

uint32_t hvw_push(hv_writer *w, tk_kind k, uint32_t pos, const char *key, size_t klen) {
    if (w->failed) return UINT32_MAX;
    uint32_t ko = TK_NO_KEY, kf = 0;
    if (key) {
        ko = tk_doc_side_add(w->d, key, klen);
        if (ko == UINT32_MAX) {
            w->failed = true;
            return UINT32_MAX;
        }
        kf = TK_NODE_KEY_SIDE;
    }
    uint32_t i = tk_doc_push(w->d, k, pos, ko);
    if (i == UINT32_MAX) {
        w->failed = true;
        return i;
    }
    w->d->nodes[i].tag |= kf;
    return i;
}

void hvw_close(hv_writer *w, uint32_t idx) {
    if (idx == UINT32_MAX || w->failed) return;
    size_t span = w->d->n_nodes - idx;
    if (span > TK_NODE_MAX_SIZE) {
        w->failed = true;
        return;
    }
    w->d->nodes[idx].tag |= (uint32_t)span << TK_NODE_SIZE_SHIFT;
}

void hvw_text(hv_writer *w, tk_kind k, uint32_t pos, const char *key, size_t klen, const char *s,
              size_t len) {
    uint32_t i = hvw_push(w, k, pos, key, klen);
    if (i == UINT32_MAX) return;
    uint32_t side = tk_doc_side_add(w->d, s, len);
    if (side == UINT32_MAX || len > TK_NODE_MAX_SIZE || !tk_doc_side_link(w->d, i, side)) {
        w->failed = true;
        return;
    }
    w->d->nodes[i].tag |= TK_NODE_STR_SIDE | (uint32_t)len << TK_NODE_SIZE_SHIFT;
}

void hvw_number(hv_writer *w, double num, uint32_t pos, const char *key, size_t klen) {
    char b[400];
    size_t n = hv_format_number(num, b, sizeof b);
    hvw_text(w, TK_NUMBER, pos, key, klen, b, n);
}

void hvw_bool(hv_writer *w, bool b, uint32_t pos, const char *key, size_t klen) {
    uint32_t i = hvw_push(w, TK_BOOL, pos, key, klen);
    if (i != UINT32_MAX && b) w->d->nodes[i].tag |= TK_NODE_TRUE;
}

void hvw_value(hv_writer *w, const hv *v, const char *key, size_t klen, uint32_t parent_pos,
               bool inherit) {
    if (w->failed) return;
    uint32_t pos = inherit || v->pos == HV_NOPOS ? parent_pos : v->pos;
    bool inh = inherit || (v->flags & HVF_INHERIT_POS);
    switch (v->kind) {
    case HV_NULL: hvw_push(w, TK_NULL, pos, key, klen); break;
    case HV_BOOL: hvw_bool(w, v->u.b, pos, key, klen); break;
    case HV_NUMBER: hvw_number(w, v->u.num, pos, key, klen); break;
    case HV_STRING: hvw_text(w, TK_STRING, pos, key, klen, v->u.s, v->n); break;
    case HV_UNKNOWN: hvw_push(w, TK_UNKNOWN, pos, key, klen); break;
    case HV_TUPLE:
    case HV_SET: {
        uint32_t i = hvw_push(w, TK_ARRAY, pos, key, klen);
        for (uint32_t k = 0; k < v->n; k++) hvw_value(w, &v->u.items[k], NULL, 0, pos, inh);
        hvw_close(w, i);
        break;
    }
    case HV_OBJECT: {
        uint32_t i = hvw_push(w, TK_OBJECT, pos, key, klen);
        for (uint32_t k = 0; k < v->n; k++)
            hvw_value(w, &v->u.pairs[k].val, v->u.pairs[k].key, v->u.pairs[k].klen, pos, inh);
        hvw_close(w, i);
        break;
    }
    }
}
