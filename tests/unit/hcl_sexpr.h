/* Test helper: HCL syntax trees written as compact S-expressions, so tests can state the
 * expected shape of a parse in one line. */
#ifndef TK_HCL_SEXPR_H
#define TK_HCL_SEXPR_H
#include "../../lib/buf.h"
#include "../../lib/hcl.h"

void sexpr_expr(tk_buf *b, const hcl_expr *e);
void sexpr_body(tk_buf *b, const hcl_body *body);

#endif
