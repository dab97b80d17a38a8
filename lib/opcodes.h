/* Bytecode of the condition language, shared by the compiler (expr.c) and the VM (vm.c). */
#ifndef TK_OPCODES_H
#define TK_OPCODES_H

enum tk_op {
    OP_CONST,    /* push consts[c] */
    OP_CTX,      /* push @ */
    OP_ROOT,     /* push $ */
    OP_GET,      /* pop v; push v[consts[c]] (member by key); maps over computed lists */
    OP_INDEX,    /* pop i, pop v; push v[i] */
    OP_WILD,     /* pop v; push list of its elements (flattening computed lists) */
    OP_DEFAULT,  /* if top is null, or unknown but not set in the configuration (path consts[b]):
                    replace it with consts[c] */
    OP_NOTE,     /* if top is unknown or a partial list: remember texts[c] as the reason */
    OP_NOT,
    OP_CMP,      /* a = comparison kind; pop r, pop l; push result */
    OP_MATCH,    /* pop s; push matches(s, regexes[c]); a = 1 negates */
    OP_AND_JMP,  /* if top is false: jump to c (keeping it) */
    OP_OR_JMP,   /* if top is true: jump to c (keeping it) */
    OP_AND,      /* pop r, pop l; push l && r */
    OP_OR,       /* pop r, pop l; push l || r */
    OP_COALESCE_JMP, /* if top is not null: jump to c; else pop */
    OP_LIST,     /* pop c values; push a computed list */
    OP_CALL,     /* call builtin a with c arguments */
    OP_ITER,     /* a = any/all/count; pop list; run body at c for each element */
    OP_JMP,
    OP_RET,
};

enum tk_cmp { CMP_EQ, CMP_NE, CMP_LT, CMP_LE, CMP_GT, CMP_GE, CMP_IN };
enum tk_iter { ITER_ANY, ITER_ALL, ITER_COUNT };

enum tk_builtin {
    BI_EXISTS,
    BI_EMPTY,
    BI_LEN,
    BI_LOWER,
    BI_UPPER,
    BI_STARTS_WITH,
    BI_ENDS_WITH,
    BI_CONTAINS,
    BI_AS_LIST,
    BI_JSON,
    BI_OPEN_TO_WORLD,
    BI_PRIVATE_CIDR,
    BI_PORTS_INCLUDE,
    BI_RELATED,
    BI_RESOURCES,
    BI_NUMBER,
    BI_STRING,
    BI_KEYS,
    BI_VALUES,
    BI_CONFIGURED,
    BI_KNOWN,
    BI_SAME,
    BI_UNKNOWN,
    BI__COUNT
};

#endif
