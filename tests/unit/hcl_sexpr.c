/* Test helper: HCL syntax trees as S-expressions (see hcl_sexpr.h). Literal strings are in
 * single quotes, templates are (tpl parts...), a splat's element is @. */
#include "hcl_sexpr.h"

static const char *opname(int op) {
    static const char *n[] = {
        "?", "||", "&&", "==", "!=", "<", "<=", ">", ">=", "+", "-", "*", "/", "%"};
    return op >= 1 && op <= 13 ? n[op] : "?";
}
static void dump_items(tk_buf *b, const hcl_expr *e) {
    for (uint32_t i = 0; i < e->n; i++) {
        tk_buf_putc(b, ' ');
        sexpr_expr(b, e->items[i]);
    }
}
void sexpr_expr(tk_buf *b, const hcl_expr *e) {
    if (!e) {
        tk_buf_puts(b, "nil");
        return;
    }
    switch (e->kind) {
    case HX_LIT:
        if (e->lit.kind == HL_NULL)
            tk_buf_puts(b, "null");
        else if (e->lit.kind == HL_BOOL)
            tk_buf_puts(b, e->lit.b ? "true" : "false");
        else if (e->lit.kind == HL_NUMBER)
            tk_buf_printf(b, "%g", e->lit.num);
        else {
            tk_buf_putc(b, '\'');
            tk_buf_append(b, e->lit.s, e->lit.len);
            tk_buf_putc(b, '\'');
        }
        break;
    case HX_TEMPLATE:
        tk_buf_puts(b, "(tpl");
        dump_items(b, e);
        tk_buf_putc(b, ')');
        break;
    case HX_TUPLE:
        tk_buf_puts(b, "(tuple");
        dump_items(b, e);
        tk_buf_putc(b, ')');
        break;
    case HX_OBJECT:
        tk_buf_puts(b, "(obj");
        dump_items(b, e);
        tk_buf_putc(b, ')');
        break;
    case HX_VAR: tk_buf_append(b, e->name, e->nlen); break;
    case HX_GETATTR:
        tk_buf_puts(b, "(. ");
        sexpr_expr(b, e->a);
        tk_buf_printf(b, " %.*s)", (int)e->nlen, e->name);
        break;
    case HX_INDEX:
        tk_buf_puts(b, "(idx ");
        sexpr_expr(b, e->a);
        tk_buf_putc(b, ' ');
        sexpr_expr(b, e->b);
        tk_buf_putc(b, ')');
        break;
    case HX_SPLAT:
        tk_buf_puts(b, e->op ? "(splat " : "(asplat ");
        sexpr_expr(b, e->a);
        tk_buf_putc(b, ' ');
        sexpr_expr(b, e->b);
        tk_buf_putc(b, ')');
        break;
    case HX_ITEM: tk_buf_puts(b, "@"); break;
    case HX_CALL:
        tk_buf_printf(b, "(call %.*s", (int)e->nlen, e->name);
        dump_items(b, e);
        if (e->flags & HCL_EXPAND_LAST) tk_buf_puts(b, " ...");
        tk_buf_putc(b, ')');
        break;
    case HX_FOR:
        tk_buf_printf(b, "(for%c %.*s", e->op, (int)e->nlen, e->name);
        if (e->name2) tk_buf_printf(b, ",%.*s", (int)e->n2len, e->name2);
        tk_buf_putc(b, ' ');
        sexpr_expr(b, e->a);
        tk_buf_putc(b, ' ');
        sexpr_expr(b, e->b);
        if (e->c) {
            tk_buf_puts(b, " => ");
            sexpr_expr(b, e->c);
        }
        if (e->flags & HCL_FOR_GROUP) tk_buf_puts(b, " ...");
        if (e->d) {
            tk_buf_puts(b, " if ");
            sexpr_expr(b, e->d);
        }
        tk_buf_putc(b, ')');
        break;
    case HX_COND:
        tk_buf_puts(b, "(? ");
        sexpr_expr(b, e->a);
        tk_buf_putc(b, ' ');
        sexpr_expr(b, e->b);
        tk_buf_putc(b, ' ');
        sexpr_expr(b, e->c);
        tk_buf_putc(b, ')');
        break;
    case HX_UNARY:
        tk_buf_printf(b, "(%c ", e->op);
        sexpr_expr(b, e->a);
        tk_buf_putc(b, ')');
        break;
    case HX_BINARY:
        tk_buf_printf(b, "(%s ", opname(e->op));
        sexpr_expr(b, e->a);
        tk_buf_putc(b, ' ');
        sexpr_expr(b, e->b);
        tk_buf_putc(b, ')');
        break;
    case HX_PAREN:
        tk_buf_puts(b, "(paren ");
        sexpr_expr(b, e->a);
        tk_buf_putc(b, ')');
        break;
    case HX_TPL_IF:
        tk_buf_puts(b, "(%if ");
        sexpr_expr(b, e->a);
        tk_buf_putc(b, ' ');
        sexpr_expr(b, e->b);
        tk_buf_putc(b, ' ');
        sexpr_expr(b, e->c);
        tk_buf_putc(b, ')');
        break;
    case HX_TPL_FOR:
        tk_buf_printf(b, "(%%for %.*s", (int)e->nlen, e->name);
        if (e->name2) tk_buf_printf(b, ",%.*s", (int)e->n2len, e->name2);
        tk_buf_putc(b, ' ');
        sexpr_expr(b, e->a);
        tk_buf_putc(b, ' ');
        sexpr_expr(b, e->b);
        tk_buf_putc(b, ')');
        break;
    }
}
void sexpr_body(tk_buf *b, const hcl_body *body) {
    tk_buf_putc(b, '{');
    for (uint32_t i = 0; i < body->n_attrs; i++) {
        tk_buf_printf(b, "%s%.*s=", i ? " " : "", (int)body->attrs[i].nlen, body->attrs[i].name);
        sexpr_expr(b, body->attrs[i].expr);
    }
    for (uint32_t i = 0; i < body->n_blocks; i++) {
        const hcl_block *k = &body->blocks[i];
        tk_buf_printf(b, " %.*s", (int)k->tlen, k->type);
        for (uint32_t l = 0; l < k->n_labels; l++)
            tk_buf_printf(b, " \"%.*s\"", (int)k->labels[l].len, k->labels[l].s);
        tk_buf_putc(b, ' ');
        sexpr_body(b, k->body);
    }
    tk_buf_putc(b, '}');
}
