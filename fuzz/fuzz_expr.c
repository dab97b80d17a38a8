/* libFuzzer target: compiling and evaluating conditions against a fixed resource. */
#include "lib/expr.h"
#include "lib/json.h"
#include <stdint.h>
#include <string.h>

static const char VALUES[] =
    "{\"a\": 1, \"s\": \"text\", \"b\": true, \"n\": null, \"l\": [{\"x\": [\"0.0.0.0/0\"]}, {\"x\": []}],"
    " \"m\": {\"k\": \"v\"}, \"p\": \"{\\\"Statement\\\": [{\\\"Action\\\": \\\"*\\\"}]}\"}";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    tk_arena a;
    tk_arena_init(&a);
    tk_err err;
    tk_default def = {"a", {0}};
    def.value = tk_v_num(3);
    tk_compile_env env = {.defaults = &def, .n_defaults = 1};
    tk_prog *p = tk_expr_compile(&a, (const char *)data, size, &env, &err);
    if (p) {
        tk_doc d;
        tk_doc_init(&d, "v");
        d.text.data = VALUES;
        d.text.len = sizeof VALUES - 1;
        if (tk_json_parse(&d, NULL, &err)) {
            tk_arena scratch;
            tk_arena_init(&scratch);
            tk_eval_ctx ctx;
            tk_eval_ctx_init(&ctx, &scratch, NULL);
            ctx.root = tk_v_from_node(&d, tk_doc_root(&d), NULL);
            tk_prog_eval(p, &ctx);
            tk_eval_ctx_free(&ctx);
            tk_arena_free(&scratch);
        }
        d.text.data = NULL;
        tk_doc_free(&d);
        tk_prog_free(p);
    }
    tk_arena_free(&a);
    return 0;
}
