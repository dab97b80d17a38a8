/* CloudFormation templates -> resource table (see adapt_cfn.h).
 *
 * The template is evaluated into values first (nothing is written to the document while
 * its nodes are read), then each resource's Properties are written after the parsed input,
 * with the positions of the template's own nodes: a finding points at the property's line,
 * or at the intrinsic function that produced the value. */
#include "adapt_cfn.h"
#include "hv_doc.h"
#include "suppress.h"
#include "tf_funcs.h"
#include <stdio.h>
#include <stdlib.h>

enum { MAX_EVAL_DEPTH = 200 };

typedef struct cfn_res {
    const char *id, *type; /* arena */
    size_t id_len, type_len;
    uint32_t node;   /* the resource's mapping */
    hv props;        /* evaluated Properties (an object) */
    uint32_t values; /* written values */
    bool uncertain;  /* its Condition is not known */
} cfn_res;

struct tk_cfn {
    tk_arena arena;
    tk_warnlist warnings;
    tk_sups sups;
    cfn_res *res;
    uint32_t n_res;
    const tk_rtable *t;
    uint32_t *res_of_item; /* table item -> index in res */
};

typedef struct cond_state {
    uint8_t state; /* 0 not yet, 1 being evaluated, 2 done */
    tk_tri value;
} cond_state;

typedef struct cfn_eval {
    tk_cfn *c;
    const tk_doc *d;
    tk_arena *a;
    const tk_node *params, *mappings, *conditions;
    hv *param_vals; /* by member index of Parameters */
    uint8_t *param_done;
    cond_state *conds;   /* by member index of Conditions */
    tk_strmap res_index; /* logical ID -> index in c->res */
    const tk_adapt_opts *o;
    const hv *sub_vars; /* the variables of the Fn::Sub being evaluated */
    unsigned depth;
    bool oom;
} cfn_eval;

static void warn(cfn_eval *e, uint32_t pos, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void warn(cfn_eval *e, uint32_t pos, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    tk_warnlist_vadd(&e->c->warnings, pos, fmt, ap);
    va_end(ap);
}

static tk_str str_of(const cfn_eval *e, const tk_node *n) {
    return tk_doc_str(e->d, n);
}

static bool str_is(tk_str s, const char *lit) {
    return s.len == strlen(lit) && !memcmp(s.p, lit, s.len);
}

static const tk_node *obj_member(const tk_doc *d, const tk_node *obj, const char *key) {
    return obj && tk_node_kind(obj) == TK_OBJECT ? tk_doc_get(d, obj, key) : NULL;
}

/* Index of the member of obj named s, or -1. */
static int member_index(const cfn_eval *e, const tk_node *obj, tk_str s, const tk_node **out) {
    if (!obj || tk_node_kind(obj) != TK_OBJECT) return -1;
    int i = 0;
    for (TK_EACH_CHILD(c, obj), i++)
        if (tk_doc_key_eq(e->d, c, s.p, s.len)) {
            if (out) *out = c;
            return i;
        }
    return -1;
}

static hv novalue(uint32_t pos) {
    hv v = hv_at(hv_null(), pos);
    v.flags |= HVF_NOVALUE;
    return v;
}

static hv unknown_at(uint32_t pos) {
    return hv_at(hv_unknown(), pos);
}

static hv eval(cfn_eval *e, const tk_node *n);
static hv eval_arg(cfn_eval *e, const tk_node *n);
static tk_tri eval_condition(cfn_eval *e, const tk_node *n);

/* ---- parameters ---- */

static hv split_list(cfn_eval *e, tk_str s, uint32_t pos, bool numbers) {
    uint32_t n = 1;
    for (size_t i = 0; i < s.len; i++) n += s.p[i] == ',';
    if (!s.len) n = 0;
    hv *items;
    hv t = hv_tuple(e->a, n, &items);
    if (t.kind == HV_UNKNOWN) return unknown_at(pos);
    size_t start = 0;
    for (uint32_t k = 0; k < n; k++) {
        size_t end = start;
        while (end < s.len && s.p[end] != ',') end++;
        size_t a = start, b = end;
        while (a < b && (s.p[a] == ' ' || s.p[a] == '\t')) a++;
        while (b > a && (s.p[b - 1] == ' ' || s.p[b - 1] == '\t')) b--;
        hv item = hv_at(hv_str(e->a, s.p + a, b - a), pos);
        if (numbers && !hv_to_number(&item, &items[k]))
            items[k] = unknown_at(pos);
        else if (!numbers)
            items[k] = item;
        items[k].pos = pos;
        start = end + 1;
    }
    return hv_at(t, pos);
}

/* A value given for the parameter named by p's key (NAME=VALUE), or NULL. */
static const char *given_value(const cfn_eval *e, const tk_node *p) {
    tk_str name = tk_doc_key(e->d, p);
    const char *found = NULL;
    for (size_t i = 0; e->o && i < e->o->n_params; i++) { /* the last one given wins */
        const char *kv = e->o->params[i], *eq = strchr(kv, '=');
        if (eq && (size_t)(eq - kv) == name.len && !memcmp(kv, name.p, name.len)) found = eq + 1;
    }
    return found;
}

/* The value of parameter number i: the value given for it, or its Default, as its Type reads
 * it; unknown without either. */
static hv param_value(cfn_eval *e, int i, const tk_node *p) {
    if (e->param_done[i]) return e->param_vals[i];
    e->param_done[i] = 1;
    hv v = unknown_at(p->pos);
    const tk_node *type = obj_member(e->d, p, "Type");
    const tk_node *def = obj_member(e->d, p, "Default");
    tk_str ty = type && tk_node_kind(type) == TK_STRING ? str_of(e, type) : (tk_str){"String", 6};
    bool ssm = ty.len > 20 && !memcmp(ty.p, "AWS::SSM::Parameter", 19);
    const char *given = given_value(e, p);
    if (given && !ssm) def = p; /* the parameter's place stands for the given value */
    if (def && !ssm) {
        hv d = given ? hv_at(hv_str(e->a, given, strlen(given)), p->pos) : eval(e, def);
        hv s;
        bool is_list =
            str_is(ty, "CommaDelimitedList") || (ty.len > 5 && !memcmp(ty.p, "List<", 5));
        if (is_list && d.kind == HV_TUPLE) {
            v = d;
        } else if (!hv_to_string(e->a, &d, &s) || s.kind != HV_STRING) {
            warn(e, def->pos, "this Default is not a value of the parameter's Type");
        } else if (is_list) {
            v = split_list(e, (tk_str){s.u.s, s.n}, def->pos, str_is(ty, "List<Number>"));
        } else if (str_is(ty, "Number")) {
            if (!hv_to_number(&s, &v)) {
                warn(e, def->pos, "the Default of a Number parameter must be a number");
                v = unknown_at(def->pos);
            }
        } else {
            v = s;
        }
        v.pos = def->pos;
    }
    e->param_vals[i] = v;
    return v;
}

/* ---- references ---- */

static const uint32_t *res_lookup(cfn_eval *e, tk_str name) {
    return tk_strmap_get(&e->res_index, name.p, name.len);
}

/* Ref name: a parameter, a pseudo parameter or a resource. */
static hv ref_value(cfn_eval *e, tk_str name, uint32_t pos) {
    const tk_node *p = NULL;
    int pi = member_index(e, e->params, name, &p);
    if (pi >= 0) {
        hv v = param_value(e, pi, p);
        v.pos = pos;
        v.flags |= HVF_INHERIT_POS;
        return v;
    }
    if (str_is(name, "AWS::NoValue")) return novalue(pos);
    if (name.len > 5 && !memcmp(name.p, "AWS::", 5))
        return unknown_at(pos); /* Region, AccountId, ... */
    const uint32_t *r = res_lookup(e, name);
    if (r) return hv_at(hv_unknown_ref(e->a, *r), pos);
    warn(e, pos, "%.*s is not a parameter or resource of this template",
         (int)(name.len > 80 ? 80 : name.len), name.p);
    return unknown_at(pos);
}

static hv getatt_value(cfn_eval *e, tk_str res, uint32_t pos) {
    const uint32_t *r = res_lookup(e, res);
    if (r) return hv_at(hv_unknown_ref(e->a, *r), pos);
    warn(e, pos, "GetAtt names %.*s, which is not a resource of this template",
         (int)(res.len > 80 ? 80 : res.len), res.p);
    return unknown_at(pos);
}

/* ---- intrinsic functions ---- */

static bool arg_list(cfn_eval *e, const tk_node *arg, const char *fn, uint32_t min, uint32_t max,
                     const tk_node **out) {
    if (tk_node_kind(arg) != TK_ARRAY || tk_node_count(arg) < min || tk_node_count(arg) > max) {
        if (min == max)
            warn(e, arg->pos, "%s takes a list of %u values", fn, min);
        else
            warn(e, arg->pos, "%s takes a list of %u to %u values", fn, min, max);
        return false;
    }
    uint32_t i = 0;
    for (TK_EACH_CHILD(c, arg)) out[i++] = c;
    return true;
}

static hv to_str(cfn_eval *e, hv v) {
    hv s;
    if (!hv_to_string(e->a, &v, &s)) return unknown_at(v.pos);
    return s;
}

static hv fn_sub(cfn_eval *e, const tk_node *arg, uint32_t pos) {
    const tk_node *tmpl = arg, *vars_node = NULL;
    if (tk_node_kind(arg) == TK_ARRAY) {
        const tk_node *a[2];
        if (!arg_list(e, arg, "Fn::Sub", 2, 2, a)) return unknown_at(pos);
        tmpl = a[0];
        vars_node = a[1];
    }
    if (tk_node_kind(tmpl) != TK_STRING) {
        warn(e, tmpl->pos, "Fn::Sub needs a string");
        return unknown_at(pos);
    }
    hv vars = vars_node ? eval(e, vars_node) : hv_null();
    tk_str s = str_of(e, tmpl);
    tk_buf out;
    tk_buf_init(&out);
    hv unknowns[16];
    size_t n_unknown = 0;
    for (size_t i = 0; i < s.len;) {
        if (s.p[i] != '$' || i + 1 >= s.len || s.p[i + 1] != '{') {
            tk_buf_putc(&out, s.p[i++]);
            continue;
        }
        if (i + 2 < s.len && s.p[i + 2] == '!') { /* ${!Literal} is written as ${Literal} */
            tk_buf_append(&out, "${", 2);
            i += 3;
            continue;
        }
        const char *close = memchr(s.p + i, '}', s.len - i);
        if (!close) {
            tk_buf_append(&out, s.p + i, s.len - i);
            break;
        }
        tk_str name = {s.p + i + 2, (size_t)(close - (s.p + i + 2))};
        while (name.len && name.p[0] == ' ') name.p++, name.len--;
        while (name.len && name.p[name.len - 1] == ' ') name.len--;
        i = (size_t)(close - s.p) + 1;
        const hv *var = vars.kind == HV_OBJECT ? hv_get(&vars, name.p, name.len) : NULL;
        const char *dot = memchr(name.p, '.', name.len);
        hv v = var ? *var
               : dot && !(name.len > 5 && !memcmp(name.p, "AWS::", 5))
                   ? getatt_value(e, (tk_str){name.p, (size_t)(dot - name.p)}, pos)
                   : ref_value(e, name, pos);
        v = to_str(e, v);
        if (v.kind == HV_STRING) {
            tk_buf_append(&out, v.u.s, v.n);
        } else {
            if (n_unknown < 16) {
                unknowns[n_unknown++] = v;
            } else {
                hv pair[2] = {unknowns[15], v};
                unknowns[15] = hv_unknown_from(e->a, pair, 2);
            }
        }
    }
    hv r = n_unknown ? hv_unknown_from(e->a, unknowns, n_unknown)
           : out.oom ? hv_unknown()
                     : hv_str(e->a, out.data ? out.data : "", out.len);
    tk_buf_free(&out);
    return hv_at(r, pos);
}

static hv fn_join(cfn_eval *e, const tk_node *arg, uint32_t pos) {
    const tk_node *a[2];
    if (!arg_list(e, arg, "Fn::Join", 2, 2, a)) return unknown_at(pos);
    hv delim = to_str(e, eval(e, a[0])), list = eval(e, a[1]);
    if (delim.kind == HV_UNKNOWN || list.kind == HV_UNKNOWN) {
        hv both[2] = {delim, list};
        return hv_at(hv_unknown_from(e->a, both, 2), pos);
    }
    if (delim.kind != HV_STRING || list.kind != HV_TUPLE) {
        warn(e, arg->pos, "Fn::Join takes a delimiter and a list");
        return unknown_at(pos);
    }
    tk_buf out;
    tk_buf_init(&out);
    hv r = hv_null();
    for (uint32_t i = 0; i < list.n && r.kind == HV_NULL; i++) {
        hv s = to_str(e, list.u.items[i]);
        if (s.kind != HV_STRING)
            r = hv_unknown_from(e->a, list.u.items, list.n);
        else {
            if (i) tk_buf_append(&out, delim.u.s, delim.n);
            tk_buf_append(&out, s.u.s, s.n);
        }
    }
    if (r.kind == HV_NULL)
        r = out.oom ? hv_unknown() : hv_str(e->a, out.data ? out.data : "", out.len);
    tk_buf_free(&out);
    return hv_at(r, pos);
}

static hv fn_select(cfn_eval *e, const tk_node *arg, uint32_t pos) {
    const tk_node *a[2];
    if (!arg_list(e, arg, "Fn::Select", 2, 2, a)) return unknown_at(pos);
    hv idx = eval(e, a[0]), list = eval(e, a[1]), num;
    if (idx.kind == HV_UNKNOWN || list.kind == HV_UNKNOWN) {
        hv both[2] = {idx, list};
        return hv_at(hv_unknown_from(e->a, both, 2), pos);
    }
    if (!hv_to_number(&idx, &num) || num.kind != HV_NUMBER || list.kind != HV_TUPLE) {
        warn(e, arg->pos, "Fn::Select takes an index and a list");
        return unknown_at(pos);
    }
    if (num.u.num < 0 || num.u.num >= list.n || num.u.num != (double)(uint32_t)num.u.num) {
        warn(e, a[0]->pos, "Fn::Select: index out of range");
        return unknown_at(pos);
    }
    hv v = list.u.items[(uint32_t)num.u.num];
    if (v.pos == HV_NOPOS) v.pos = pos;
    return v;
}

static hv fn_split(cfn_eval *e, const tk_node *arg, uint32_t pos) {
    const tk_node *a[2];
    if (!arg_list(e, arg, "Fn::Split", 2, 2, a)) return unknown_at(pos);
    hv delim = to_str(e, eval(e, a[0])), s = to_str(e, eval(e, a[1]));
    if (delim.kind != HV_STRING || s.kind != HV_STRING || !delim.n) {
        hv both[2] = {delim, s};
        return hv_at(hv_unknown_from(e->a, both, 2), pos);
    }
    uint32_t n = 1;
    for (const char *p = s.u.s; (p = strstr(p, delim.u.s)) != NULL; p += delim.n) n++;
    hv *items;
    hv t = hv_tuple(e->a, n, &items);
    if (t.kind == HV_UNKNOWN) return unknown_at(pos);
    const char *p = s.u.s;
    for (uint32_t i = 0; i < n; i++) {
        const char *q = i + 1 < n ? strstr(p, delim.u.s) : s.u.s + s.n;
        items[i] = hv_at(hv_str(e->a, p, (size_t)(q - p)), pos);
        p = q + delim.n;
    }
    return hv_at(t, pos);
}

static hv fn_find_in_map(cfn_eval *e, const tk_node *arg, uint32_t pos) {
    const tk_node *a[4];
    if (!arg_list(e, arg, "Fn::FindInMap", 3, 4, a)) return unknown_at(pos);
    hv keys[3];
    for (int i = 0; i < 3; i++) keys[i] = to_str(e, eval(e, a[i]));
    for (int i = 0; i < 3; i++)
        if (keys[i].kind != HV_STRING) return hv_at(hv_unknown_from(e->a, keys, 3), pos);
    const tk_node *m = e->mappings, *found = NULL;
    for (int i = 0; i < 3 && m; i++) {
        found = NULL;
        member_index(e, m, (tk_str){keys[i].u.s, keys[i].n}, &found);
        m = found;
    }
    if (!m) {
        if (tk_node_count(arg) == 4) { /* the language extension's {DefaultValue: ...} */
            const tk_node *dv = obj_member(e->d, a[3], "DefaultValue");
            if (dv) return eval(e, dv);
        }
        warn(e, arg->pos, "Fn::FindInMap: no %s/%s/%s in Mappings", keys[0].u.s, keys[1].u.s,
             keys[2].u.s);
        return unknown_at(pos);
    }
    hv v = eval(e, m);
    v.pos = pos;
    v.flags |= HVF_INHERIT_POS;
    return v;
}

static hv fn_if(cfn_eval *e, const tk_node *arg, uint32_t pos) {
    const tk_node *a[3];
    if (!arg_list(e, arg, "Fn::If", 3, 3, a)) return unknown_at(pos);
    if (tk_node_kind(a[0]) != TK_STRING) {
        warn(e, a[0]->pos, "Fn::If names a condition by a string");
        return unknown_at(pos);
    }
    tk_tri c = eval_condition(e, a[0]);
    if (c == TK_TRUE) return eval(e, a[1]);
    if (c == TK_FALSE) return eval(e, a[2]);
    hv both[2] = {eval(e, a[1]), eval(e, a[2])};
    bool maybe_absent = ((both[0].flags | both[1].flags) & (HVF_NOVALUE | HVF_MAYBE_NOVALUE)) != 0;
    if (!maybe_absent && hv_equal(&both[0], &both[1]) == 1) return both[0];
    if ((both[0].flags & HVF_NOVALUE) && (both[1].flags & HVF_NOVALUE)) return novalue(pos);
    hv u = hv_at(hv_unknown_from(e->a, both, 2), pos);
    if (maybe_absent) u.flags |= HVF_MAYBE_NOVALUE;
    return u;
}

static hv tri_value(tk_tri t, uint32_t pos) {
    return t == TK_UNKNOWN_TRI ? unknown_at(pos) : hv_at(hv_bool(t == TK_TRUE), pos);
}

static tk_tri tri_of(const hv *v) {
    if (v->kind == HV_BOOL) return v->u.b ? TK_TRUE : TK_FALSE;
    if (v->kind == HV_STRING && !strcmp(v->u.s, "true")) return TK_TRUE;
    if (v->kind == HV_STRING && !strcmp(v->u.s, "false")) return TK_FALSE;
    return TK_UNKNOWN_TRI;
}

static hv fn_equals(cfn_eval *e, const tk_node *arg, uint32_t pos) {
    const tk_node *a[2];
    if (!arg_list(e, arg, "Fn::Equals", 2, 2, a)) return unknown_at(pos);
    hv x = eval(e, a[0]), y = eval(e, a[1]);
    /* CloudFormation compares scalars as strings ("80" equals 80). */
    hv xs = x, ys = y;
    if (x.kind != HV_TUPLE && x.kind != HV_OBJECT) xs = to_str(e, x);
    if (y.kind != HV_TUPLE && y.kind != HV_OBJECT) ys = to_str(e, y);
    int eq = hv_equal(&xs, &ys);
    return tri_value(eq < 0 ? TK_UNKNOWN_TRI : eq ? TK_TRUE : TK_FALSE, pos);
}

static hv fn_logic(cfn_eval *e, const tk_node *arg, uint32_t pos, int op /* 0 and, 1 or, 2 not */) {
    static const char *const names[] = {"Fn::And", "Fn::Or", "Fn::Not"};
    if (tk_node_kind(arg) != TK_ARRAY || !tk_node_count(arg) ||
        (op == 2 && tk_node_count(arg) != 1)) {
        warn(e, arg->pos, "%s takes a list of conditions", names[op]);
        return unknown_at(pos);
    }
    /* Three-valued: a definite false decides And, a definite true decides Or. */
    tk_tri r = op == 1 ? TK_FALSE : TK_TRUE;
    for (TK_EACH_CHILD(c, arg)) {
        tk_tri t = eval_condition(e, c);
        if (op == 2)
            r = t == TK_UNKNOWN_TRI ? t : t == TK_TRUE ? TK_FALSE : TK_TRUE;
        else if (op == 0 && r != TK_FALSE)
            r = t == TK_FALSE ? t : t == TK_UNKNOWN_TRI ? t : r;
        else if (op == 1 && r != TK_TRUE)
            r = t == TK_TRUE ? t : t == TK_UNKNOWN_TRI ? t : r;
    }
    return tri_value(r, pos);
}

static hv fn_base64(cfn_eval *e, const tk_node *arg, uint32_t pos, bool tagged) {
    hv v = to_str(e, tagged ? eval_arg(e, arg) : eval(e, arg));
    if (v.kind != HV_STRING) return hv_at(hv_unknown_from(e->a, &v, 1), pos);
    tf_call_ctx cc = {.a = e->a, .max_items = 100000, .max_string = 64u << 20};
    hv out;
    if (tf_call(&cc, "base64encode", 12, &v, 1, &out) != TF_CALL_OK) return unknown_at(pos);
    return hv_at(out, pos);
}

static hv fn_length(cfn_eval *e, const tk_node *arg, uint32_t pos, bool tagged) {
    hv v = tagged ? eval_arg(e, arg) : eval(e, arg);
    if (v.kind == HV_TUPLE) return hv_at(hv_num(v.n), pos);
    return hv_at(hv_unknown_from(e->a, &v, 1), pos);
}

/* Calls the intrinsic function name ("Ref", "Fn::Sub", "Sub" for the short form ...) with
 * its argument node; tagged: the short form, whose tag is on the argument node itself. */
static hv intrinsic(cfn_eval *e, tk_str name, const tk_node *arg, uint32_t pos, bool tagged) {
    if (name.len > 4 && !memcmp(name.p, "Fn::", 4)) name.p += 4, name.len -= 4;
    if (str_is(name, "Ref")) {
        if (tk_node_kind(arg) != TK_STRING) {
            warn(e, arg->pos, "Ref takes the name of a parameter or resource");
            return unknown_at(pos);
        }
        return ref_value(e, str_of(e, arg), pos);
    }
    if (str_is(name, "GetAtt")) {
        if (tk_node_kind(arg) == TK_STRING) { /* !GetAtt Resource.Attribute */
            tk_str s = str_of(e, arg);
            const char *dot = memchr(s.p, '.', s.len);
            return getatt_value(e, (tk_str){s.p, dot ? (size_t)(dot - s.p) : s.len}, pos);
        }
        const tk_node *a[2];
        if (!arg_list(e, arg, "Fn::GetAtt", 2, 2, a) || tk_node_kind(a[0]) != TK_STRING)
            return unknown_at(pos);
        return getatt_value(e, str_of(e, a[0]), pos);
    }
    if (str_is(name, "Sub")) return fn_sub(e, arg, pos);
    if (str_is(name, "Join")) return fn_join(e, arg, pos);
    if (str_is(name, "Select")) return fn_select(e, arg, pos);
    if (str_is(name, "Split")) return fn_split(e, arg, pos);
    if (str_is(name, "FindInMap")) return fn_find_in_map(e, arg, pos);
    if (str_is(name, "If")) return fn_if(e, arg, pos);
    if (str_is(name, "Equals")) return fn_equals(e, arg, pos);
    if (str_is(name, "And")) return fn_logic(e, arg, pos, 0);
    if (str_is(name, "Or")) return fn_logic(e, arg, pos, 1);
    if (str_is(name, "Not")) return fn_logic(e, arg, pos, 2);
    if (str_is(name, "Condition")) return tri_value(eval_condition(e, arg), pos);
    if (str_is(name, "Base64")) return fn_base64(e, arg, pos, tagged);
    if (str_is(name, "Length")) return fn_length(e, arg, pos, tagged);
    /* Known only when the stack is created: availability zones, other stacks' exports,
     * computed CIDR blocks, macros. */
    if (str_is(name, "GetAZs") || str_is(name, "ImportValue") || str_is(name, "Cidr") ||
        str_is(name, "Transform") || str_is(name, "ToJsonString") || str_is(name, "GetStackOutput"))
        return unknown_at(pos);
    warn(e, pos, "unsupported intrinsic function %.*s; its value is taken as unknown",
         (int)(name.len > 60 ? 60 : name.len), name.p);
    return unknown_at(pos);
}

/* The function a one-member mapping calls, if it is one ({"Ref": x}, {"Fn::Sub": x}). */
static bool long_form(const cfn_eval *e, const tk_node *n, tk_str *name) {
    if (tk_node_kind(n) != TK_OBJECT || tk_node_size(n) < 2) return false;
    const tk_node *only = n + 1;
    if (tk_node_next(only) != tk_node_end(n)) return false;
    tk_str k = tk_doc_key(e->d, only);
    if (!(str_is(k, "Ref") || (k.len > 4 && !memcmp(k.p, "Fn::", 4)))) return false;
    *name = k;
    return true;
}

/* use_tag is false for the argument of a short-form function: the tag on that node is
 * the function itself. */
static hv eval_inner(cfn_eval *e, const tk_node *n, bool use_tag) {
    const char *tag = use_tag && e->d->n_tags ? tk_doc_tag(e->d, n) : NULL;
    if (tag && tag[0] == '!' && tag[1] && tag[1] != '!') {
        /* The short form: the node is the argument. */
        return intrinsic(e, (tk_str){tag + 1, strlen(tag + 1)}, n, n->pos, true);
    }
    tk_str fname;
    switch (tk_node_kind(n)) {
    case TK_NULL: return hv_at(hv_null(), n->pos);
    case TK_BOOL: return hv_at(hv_bool(tk_node_bool(n)), n->pos);
    case TK_NUMBER: {
        double d;
        if (!tk_doc_number(e->d, n, &d)) {
            tk_str s = str_of(e, n);
            return hv_at(hv_str(e->a, s.p, s.len), n->pos);
        }
        return hv_at(hv_num(d), n->pos);
    }
    case TK_STRING: {
        tk_str s = str_of(e, n);
        return hv_at(hv_str(e->a, s.p, s.len), n->pos);
    }
    case TK_UNKNOWN: return unknown_at(n->pos);
    case TK_ARRAY: {
        uint32_t cnt = tk_node_count(n), k = 0;
        hv *items;
        hv t = hv_tuple(e->a, cnt, &items);
        if (t.kind == HV_UNKNOWN) return e->oom = true, unknown_at(n->pos);
        for (TK_EACH_CHILD(c, n)) {
            hv v = eval(e, c);
            if (!(v.flags & HVF_NOVALUE)) items[k++] = v;
        }
        t.n = k;
        return hv_at(t, n->pos);
    }
    case TK_OBJECT: {
        if (long_form(e, n, &fname)) return intrinsic(e, fname, n + 1, n->pos, false);
        uint32_t cnt = tk_node_count(n), k = 0;
        hv_pair *pairs = tk_arena_array(e->a, cnt ? cnt : 1, sizeof *pairs);
        if (!pairs) return e->oom = true, unknown_at(n->pos);
        for (TK_EACH_CHILD(c, n)) {
            hv v = eval(e, c);
            if (v.flags & HVF_NOVALUE) continue;
            tk_str key = tk_doc_key(e->d, c);
            pairs[k].key = hv_key(e->a, key.p, key.len);
            pairs[k].klen = (uint32_t)key.len;
            pairs[k++].val = v;
        }
        return hv_at(hv_object(e->a, pairs, k), n->pos);
    }
    }
    return unknown_at(n->pos);
}

static hv eval_node(cfn_eval *e, const tk_node *n, bool use_tag) {
    if (e->depth >= MAX_EVAL_DEPTH) {
        warn(e, n->pos, "values nest too deeply to evaluate; taken as unknown");
        return unknown_at(n->pos);
    }
    e->depth++;
    hv v = eval_inner(e, n, use_tag);
    e->depth--;
    return v;
}

static hv eval(cfn_eval *e, const tk_node *n) {
    return eval_node(e, n, true);
}

static hv eval_arg(cfn_eval *e, const tk_node *n) {
    return eval_node(e, n, false);
}

/* A condition: a name in Conditions, {"Condition": name}, or a condition function. */
static tk_tri eval_condition(cfn_eval *e, const tk_node *n) {
    tk_str fname;
    const char *tag = e->d->n_tags ? tk_doc_tag(e->d, n) : NULL;
    if (tag && !strcmp(tag, "!Condition")) {
        /* handled below as a name */
    } else if (tk_node_kind(n) == TK_OBJECT && tk_node_size(n) == 2 &&
               tk_doc_key_eq(e->d, n + 1, "Condition", 9)) {
        n = n + 1;
    } else if (tk_node_kind(n) != TK_STRING || (tag && tag[0] == '!') || long_form(e, n, &fname)) {
        hv v = eval(e, n);
        return tri_of(&v);
    }
    if (tk_node_kind(n) != TK_STRING) {
        warn(e, n->pos, "a condition is named by a string");
        return TK_UNKNOWN_TRI;
    }
    tk_str name = str_of(e, n);
    const tk_node *def = NULL;
    int i = member_index(e, e->conditions, name, &def);
    if (i < 0) {
        warn(e, n->pos, "there is no condition %.*s in Conditions",
             (int)(name.len > 80 ? 80 : name.len), name.p);
        return TK_UNKNOWN_TRI;
    }
    cond_state *cs = &e->conds[i];
    if (cs->state == 1) {
        warn(e, n->pos, "condition %.*s depends on itself", (int)(name.len > 80 ? 80 : name.len),
             name.p);
        return TK_UNKNOWN_TRI;
    }
    if (cs->state == 0) {
        cs->state = 1;
        hv v = eval(e, def);
        cs->value = tri_of(&v);
        cs->state = 2;
    }
    return cs->value;
}

/* ---- suppressions ---- */

static void read_suppressions(cfn_eval *e, const tk_node *res) {
    const tk_node *meta = obj_member(e->d, res, "Metadata");
    const tk_node *tk = obj_member(e->d, meta, "tenken");
    if (!tk) return;
    const tk_node *ig = obj_member(e->d, tk, "ignore");
    if (!ig) {
        warn(e, tk->pos, "Metadata tenken holds ignore: a list of {id, reason, expires}");
        return;
    }
    uint32_t start = res->pos, end = tk_node_last_pos(res) + 1;
    const tk_node *one[1] = {ig};
    const tk_node *end_node = tk_node_kind(ig) == TK_ARRAY ? tk_node_end(ig) : NULL;
    for (const tk_node *c = end_node ? ig + 1 : one[0]; c;) {
        if (tk_node_kind(c) == TK_STRING) {
            tk_str s = str_of(e, c);
            tk_sups_add_text(&e->c->sups, s.p, s.len, c->pos, start, end);
        } else if (tk_node_kind(c) == TK_OBJECT) {
            const tk_node *id = obj_member(e->d, c, "id");
            const tk_node *reason = obj_member(e->d, c, "reason");
            const tk_node *exp = obj_member(e->d, c, "expires");
            tk_str ids = id && tk_node_kind(id) == TK_STRING ? str_of(e, id) : (tk_str){"", 0};
            tk_str rs =
                reason && tk_node_kind(reason) == TK_STRING ? str_of(e, reason) : (tk_str){"", 0};
            tk_str es = exp && tk_node_kind(exp) == TK_STRING ? str_of(e, exp) : (tk_str){NULL, 0};
            if (exp && tk_node_kind(exp) != TK_STRING) es = (tk_str){"?", 1};
            tk_sups_add(&e->c->sups, ids.p, ids.len, rs.p, rs.len, es.p, es.len, c->pos, start,
                        end);
        } else {
            warn(e, c->pos, "a suppression is {id, reason, expires} or \"RULE-ID: reason\"");
        }
        if (!end_node) break;
        c = tk_node_next(c);
        if (c >= end_node) break;
    }
}

/* ---- the template ---- */

static const tk_node *template_root(const tk_doc *d) {
    const tk_node *r = tk_doc_root(d);
    if (r && tk_node_kind(r) == TK_ARRAY && tk_node_count(r) == 1) r = r + 1; /* a YAML stream */
    return r && tk_node_kind(r) == TK_OBJECT ? r : NULL;
}

bool tk_cfn_detect(const tk_doc *d) {
    const tk_node *t = template_root(d);
    if (!t) return false;
    if (tk_doc_get(d, t, "AWSTemplateFormatVersion")) return true;
    const tk_node *res = tk_doc_get(d, t, "Resources");
    if (!res || tk_node_kind(res) != TK_OBJECT) return false;
    for (TK_EACH_CHILD(r, res)) {
        const tk_node *ty = obj_member(d, r, "Type");
        if (!ty || tk_node_kind(ty) != TK_STRING) return false;
        tk_str s = tk_doc_str(d, ty);
        if (s.len < 4 || !memmem(s.p, s.len, "::", 2)) return false;
    }
    return tk_node_count(res) > 0;
}

static bool fail(tk_err *err, const tk_node *n, const char *msg) {
    tk_err_set(err, n ? n->pos : 0, "%s", msg);
    return false;
}

static bool collect_resources(cfn_eval *e, const tk_node *resources, tk_err *err) {
    tk_cfn *c = e->c;
    uint32_t n = tk_node_count(resources);
    c->res = calloc(n ? n : 1, sizeof *c->res);
    if (!c->res) return fail(err, NULL, "out of memory");
    for (TK_EACH_CHILD(r, resources)) {
        tk_str id = tk_doc_key(e->d, r);
        if (id.len > 14 && !memcmp(id.p, "Fn::ForEach::", 13)) {
            warn(e, r->pos, "Fn::ForEach is not expanded; the resources it makes are not scanned");
            continue;
        }
        if (tk_node_kind(r) != TK_OBJECT)
            return fail(err, r, "a resource must be a mapping with a Type");
        const tk_node *ty = tk_doc_get(e->d, r, "Type");
        if (!ty || tk_node_kind(ty) != TK_STRING)
            return fail(err, ty ? ty : r,
                        "a resource needs a Type (a string such as AWS::S3::Bucket)");
        const tk_node *props = tk_doc_get(e->d, r, "Properties");
        if (props && tk_node_kind(props) != TK_OBJECT && tk_node_kind(props) != TK_NULL)
            return fail(err, props, "Properties must be a mapping");
        tk_str ts = tk_doc_str(e->d, ty);
        cfn_res *x = &c->res[c->n_res];
        x->id = tk_arena_strndup(&c->arena, id.p, id.len);
        x->type = tk_arena_strndup(&c->arena, ts.p, ts.len);
        if (!x->id || !x->type) return fail(err, NULL, "out of memory");
        x->id_len = id.len;
        x->type_len = ts.len;
        x->node = (uint32_t)(r - e->d->nodes);
        uint32_t *slot = tk_strmap_put(&e->res_index, x->id, id.len, NULL);
        if (!slot) return fail(err, NULL, "out of memory");
        *slot = c->n_res++;
    }
    return true;
}

/* Every unknown inside v that refers to resources adds them to out. */
static void collect_refs(const tk_cfn *c, const hv *v, tk_ref_target *out, size_t cap, size_t *n) {
    if (v->kind == HV_UNKNOWN) {
        for (uint32_t i = 0; i < v->n && *n < cap; i++) {
            const cfn_res *r = &c->res[v->u.refs[i]];
            out[(*n)++] = (tk_ref_target){{"", 0}, {r->id, r->id_len}, {"", 0}, TK_IDX_EXACT};
        }
    } else if (v->kind == HV_TUPLE || v->kind == HV_SET) {
        for (uint32_t i = 0; i < v->n; i++) collect_refs(c, &v->u.items[i], out, cap, n);
    } else if (v->kind == HV_OBJECT) {
        for (uint32_t i = 0; i < v->n; i++) collect_refs(c, &v->u.pairs[i].val, out, cap, n);
    }
}

static const cfn_res *res_of(const tk_cfn *c, const tk_resource *res) {
    size_t i = (size_t)(res - c->t->items);
    return i < c->t->n ? &c->res[c->res_of_item[i]] : NULL;
}

static bool cfn_targets(void *self, const tk_resource *res, const char *attr, tk_ref_target *out,
                        size_t cap, size_t *n, bool *resolved) {
    const tk_cfn *c = self;
    *n = 0;
    *resolved = true;
    const cfn_res *r = res_of(c, res);
    const hv *v = r ? hv_get(&r->props, attr, strlen(attr)) : NULL;
    if (v) collect_refs(c, v, out, cap, n);
    return true;
}

static tk_tri cfn_configured(void *self, const tk_resource *res, const char *path) {
    const cfn_res *r = res_of(self, res);
    if (!r) return TK_UNKNOWN_TRI;
    const hv *v = &r->props;
    for (const char *p = path; v;) {
        const char *dot = strchr(p, '.');
        size_t len = dot ? (size_t)(dot - p) : strlen(p);
        if (v->kind == HV_UNKNOWN) return TK_UNKNOWN_TRI;
        if (v->kind == HV_TUPLE && v->n) v = &v->u.items[0];
        v = v->kind == HV_OBJECT ? hv_get(v, p, len) : NULL;
        if (!dot) break;
        p = dot + 1;
    }
    if (v && v->kind == HV_UNKNOWN && (v->flags & HVF_MAYBE_NOVALUE)) return TK_UNKNOWN_TRI;
    return v && v->kind != HV_NULL ? TK_TRUE : TK_FALSE;
}

/* A resource's physical names, known before deployment: BucketName, RoleName, Name, ... */
static uint32_t cfn_ids(void *self, const tk_resource *res, tk_str *out, uint32_t cap) {
    const cfn_res *r = res_of(self, res);
    uint32_t n = 0;
    for (uint32_t i = 0; r && r->props.kind == HV_OBJECT && i < r->props.n && n < cap; i++) {
        const hv_pair *p = &r->props.u.pairs[i];
        if (p->val.kind == HV_STRING && p->val.n && p->klen >= 4 &&
            !memcmp(p->key + p->klen - 4, "Name", 4))
            out[n++] = (tk_str){p->val.u.s, p->val.n};
    }
    return n;
}

static const tk_suppression *cfn_suppressed(void *self, const tk_resource *res, const char *rule_id,
                                            uint32_t at) {
    tk_cfn *c = self;
    return tk_sups_find(&c->sups, res, rule_id, at);
}

static bool evaluate_template(cfn_eval *e, const tk_node *tmpl, tk_err *err) {
    const tk_doc *d = e->d;
    e->params = obj_member(d, tmpl, "Parameters");
    e->mappings = obj_member(d, tmpl, "Mappings");
    e->conditions = obj_member(d, tmpl, "Conditions");
    const tk_node *resources = obj_member(d, tmpl, "Resources");
    if (!resources || tk_node_kind(resources) != TK_OBJECT)
        return fail(err, resources ? resources : tmpl,
                    "a template needs Resources: a mapping of logical IDs to resources");
    const tk_node *tr = obj_member(d, tmpl, "Transform");
    if (tr) {
        tk_str name =
            tk_node_kind(tr) == TK_STRING ? tk_doc_str(d, tr) : (tk_str){"(a list of macros)", 18};
        if (!str_is(name, "AWS::LanguageExtensions"))
            warn(e, tr->pos,
                 "Transform %.*s is not expanded: resources it would add or change are not scanned "
                 "as the stack gets them",
                 (int)(name.len > 60 ? 60 : name.len), name.p);
    }
    uint32_t np = e->params ? tk_node_count(e->params) : 0;
    uint32_t nc = e->conditions ? tk_node_count(e->conditions) : 0;
    e->param_vals = tk_arena_array(e->a, np ? np : 1, sizeof *e->param_vals);
    e->param_done = tk_arena_array(e->a, np ? np : 1, 1);
    e->conds = tk_arena_array(e->a, nc ? nc : 1, sizeof *e->conds);
    if (!e->param_vals || !e->param_done || !e->conds) return fail(err, NULL, "out of memory");
    memset(e->param_done, 0, np ? np : 1);
    memset(e->conds, 0, (nc ? nc : 1) * sizeof *e->conds);
    if (!collect_resources(e, resources, err)) return false;
    tk_cfn *c = e->c;
    for (uint32_t i = 0; i < c->n_res; i++) {
        cfn_res *x = &c->res[i];
        const tk_node *r = &d->nodes[x->node];
        const tk_node *cond = tk_doc_get(d, r, "Condition");
        if (cond) {
            tk_tri t = eval_condition(e, cond);
            if (t == TK_FALSE) {
                x->node = UINT32_MAX; /* not created: not scanned */
                continue;
            }
            x->uncertain = t == TK_UNKNOWN_TRI;
        }
        const tk_node *props = tk_doc_get(d, r, "Properties");
        x->props = props && tk_node_kind(props) == TK_OBJECT
                       ? eval(e, props)
                       : hv_at(hv_object(e->a, NULL, 0), r->pos);
        if (x->props.kind != HV_OBJECT) { /* e.g. Properties: !If [...] */
            hv u = x->props;
            x->props = hv_at(hv_object(e->a, NULL, 0), u.pos);
        }
        read_suppressions(e, r);
        if (e->oom) return fail(err, NULL, "out of memory");
    }
    return true;
}

tk_cfn *tk_cfn_adapt(tk_doc *d, tk_rtable *t, const tk_adapt_opts *o, tk_err *err) {
    tk_cfn *c = calloc(1, sizeof *c);
    if (!c) {
        tk_err_set(err, 0, "out of memory");
        return NULL;
    }
    tk_arena_init(&c->arena);
    tk_warnlist_init(&c->warnings, o ? o->warn : NULL, o ? o->warn_self : NULL);
    tk_sups_init(&c->sups, &c->warnings, o ? o->today : NULL, o ? o->rule_exists : NULL,
                 o ? o->rule_exists_self : NULL);
    c->sups.open = o && o->open_suppressions;
    cfn_eval e = {.c = c, .d = d, .a = &c->arena, .o = o};
    tk_strmap_init(&e.res_index);
    const tk_node *tmpl = template_root(d);
    bool ok = tmpl ? evaluate_template(&e, tmpl, err)
                   : fail(err, tk_doc_root(d), "a template must be a mapping");
    tk_strmap_free(&e.res_index);
    /* Values are written after the template: node pointers are taken once all are written. */
    hv_writer w = {.d = d};
    for (uint32_t i = 0; ok && i < c->n_res && !w.failed; i++) {
        cfn_res *x = &c->res[i];
        if (x->node == UINT32_MAX) continue;
        uint32_t pos = x->props.pos != HV_NOPOS ? x->props.pos : d->nodes[x->node].pos;
        x->values = (uint32_t)d->n_nodes;
        hvw_value(&w, &x->props, NULL, 0, pos, false);
    }
    if (ok && w.failed) ok = fail(err, NULL, "the template is too large to read");
    c->res_of_item = ok ? calloc(c->n_res ? c->n_res : 1, sizeof *c->res_of_item) : NULL;
    if (ok && !c->res_of_item) ok = fail(err, NULL, "out of memory");
    for (uint32_t i = 0; ok && i < c->n_res; i++) {
        const cfn_res *x = &c->res[i];
        if (x->node == UINT32_MAX) continue;
        c->res_of_item[t->n] = i;
        tk_resource r = {0};
        r.type = (tk_str){x->type, x->type_len};
        r.address = (tk_str){x->id, x->id_len};
        r.values = &d->nodes[x->values];
        r.block = &d->nodes[x->node];
        r.uncertain = x->uncertain;
        if (!tk_rtable_add(t, &r)) ok = fail(err, NULL, "out of memory");
    }
    tk_warnlist_flush(&c->warnings, d);
    if (ok && !tk_rtable_finish(t)) ok = fail(err, NULL, "out of memory");
    if (!ok) {
        tk_cfn_free(c);
        return NULL;
    }
    t->doc = d;
    c->t = t;
    t->refs.self = c;
    t->refs.targets = cfn_targets;
    t->refs.configured = cfn_configured;
    t->refs.suppressed = cfn_suppressed;
    t->refs.ids = cfn_ids;
    return c;
}

void tk_cfn_free(tk_cfn *c) {
    if (!c) return;
    free(c->res);
    free(c->res_of_item);
    tk_sups_free(&c->sups);
    tk_warnlist_free(&c->warnings);
    tk_arena_free(&c->arena);
    free(c);
}
