/* The engine: loaded rules, their per-type index, and the guideline's vocabulary. */
#include "engine.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void tk_limits_default(tk_limits *l) {
    l->max_input_bytes = (size_t)1 << 30;
    l->max_depth = 256;
    l->max_alias_nodes = 100000;
    l->max_json_string = (size_t)8 << 20;
}

tk_engine *tk_engine_new(void) {
    tk_engine *e = calloc(1, sizeof *e);
    if (!e) return NULL;
    tk_arena_init(&e->arena);
    tk_strmap_init(&e->by_type);
    snprintf(e->version, sizeof e->version, "%016llx", 0ULL);
    return e;
}

void tk_engine_free(tk_engine *e) {
    if (!e) return;
    for (size_t i = 0; i < e->n_progs; i++) tk_prog_free(e->progs[i]);
    free(e->progs);
    free(e->rules);
    free(e->entries);
    tk_strmap_free(&e->by_type);
    free(e->facts);
    tk_arena_free(&e->arena);
    free(e);
}

bool tk_engine_keep_prog(tk_engine *e, tk_prog *p) {
    if (e->n_progs == e->cap_progs) {
        size_t cap = e->cap_progs ? e->cap_progs * 2 : 64;
        tk_prog **a = realloc(e->progs, cap * sizeof *a);
        if (!a) return false;
        e->progs = a;
        e->cap_progs = cap;
    }
    e->progs[e->n_progs++] = p;
    return true;
}

static bool add_entry(tk_engine *e, const tk_rule *r, const tk_rule_match *m, const char *type) {
    if (e->n_entries == e->cap_entries) {
        size_t cap = e->cap_entries ? e->cap_entries * 2 : 128;
        tk_rule_entry *a = realloc(e->entries, cap * sizeof *a);
        if (!a) return false;
        e->entries = a;
        e->cap_entries = cap;
    }
    size_t fl = strlen(m->family), tl = strlen(type);
    char *key = tk_arena_alloc(&e->arena, fl + tl + 2);
    if (!key) return false;
    memcpy(key, m->family, fl);
    key[fl] = 0x1f;
    memcpy(key + fl + 1, type, tl);
    bool fresh;
    uint32_t *head = tk_strmap_put(&e->by_type, key, fl + tl + 1, &fresh);
    if (!head) return false;
    uint32_t idx = (uint32_t)e->n_entries++;
    e->entries[idx] = (tk_rule_entry){r, m, UINT32_MAX};
    if (fresh) {
        *head = idx;
    } else {
        /* Keep rule order within a type: append at the end of the chain. */
        uint32_t i = *head;
        while (e->entries[i].next != UINT32_MAX) i = e->entries[i].next;
        e->entries[i].next = idx;
    }
    return true;
}

bool tk_engine_add_rule(tk_engine *e, tk_rule *r, const char *text, size_t len) {
    if (e->n_rules == e->cap_rules) {
        size_t cap = e->cap_rules ? e->cap_rules * 2 : 64;
        tk_rule **a = realloc(e->rules, cap * sizeof *a);
        if (!a) return false;
        e->rules = a;
        e->cap_rules = cap;
    }
    size_t pos = e->n_rules;
    while (pos > 0 && strcmp(e->rules[pos - 1]->id, r->id) > 0) pos--;
    memmove(&e->rules[pos + 1], &e->rules[pos], (e->n_rules - pos) * sizeof *e->rules);
    e->rules[pos] = r;
    e->n_rules++;
    if (!r->scope)
        for (size_t i = 0; i < r->n_matches; i++)
            for (size_t t = 0; t < r->matches[i].n_types; t++)
                if (!add_entry(e, r, &r->matches[i], r->matches[i].types[t])) return false;
    /* The rules version is a digest of every loaded text, independent of load order. */
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < len; i++) h = (h ^ (unsigned char)text[i]) * 1099511628211ULL;
    e->texts_hash += h;
    snprintf(e->version, sizeof e->version, "%016llx", (unsigned long long)e->texts_hash);
    return true;
}

uint32_t tk_engine_entries_for(const tk_engine *e, const char *family, tk_str type) {
    char stack[256];
    size_t fl = strlen(family), n = fl + 1 + type.len;
    if (n > sizeof stack) return UINT32_MAX;
    memcpy(stack, family, fl);
    stack[fl] = 0x1f;
    memcpy(stack + fl + 1, type.p, type.len);
    uint32_t *v = tk_strmap_get(&e->by_type, stack, n);
    return v ? *v : UINT32_MAX;
}

bool tk_engine_facts(const tk_engine *e, tk_facts *out, tk_err *err) {
    tk_facts_init(out);
    for (size_t i = 0; i < e->n_facts; i++)
        if (!tk_facts_add(out, e->facts[i].path, e->facts[i].text, e->facts[i].len, err))
            return false;
    return true;
}

static bool keep_facts(tk_engine *e, const char *path, const char *text, size_t len) {
    if (e->n_facts == e->cap_facts) {
        size_t cap = e->cap_facts ? e->cap_facts * 2 : 4;
        struct tk_fact_text *f = realloc(e->facts, cap * sizeof *f);
        if (!f) return false;
        e->facts = f;
        e->cap_facts = cap;
    }
    e->facts[e->n_facts++] = (struct tk_fact_text){path, text, len};
    return true;
}

bool tk_engine_load_builtin(tk_engine *e, tk_diag *diag) {
    for (size_t i = 0; i < tk_builtin_rule_count; i++)
        if (!tk_engine_load_rule(e, tk_builtin_rules[i].path, tk_builtin_rules[i].text,
                                 tk_builtin_rules[i].len, diag))
            return false;
    for (size_t i = 0; i < tk_builtin_facts_count; i++)
        if (!keep_facts(e, tk_builtin_facts[i].path, tk_builtin_facts[i].text,
                        tk_builtin_facts[i].len)) {
            snprintf(diag->file, sizeof diag->file, "%s", tk_builtin_facts[i].path);
            diag->line = diag->column = 1;
            snprintf(diag->message, sizeof diag->message, "out of memory");
            return false;
        }
    return true;
}

bool tk_engine_load_facts(tk_engine *e, const char *path, const char *text, size_t len,
                          tk_diag *diag) {
    /* Checked now, so a bad file is reported at start-up; kept as text (a copy). */
    tk_facts check;
    tk_facts_init(&check);
    tk_err err;
    char *copy = tk_arena_strndup(&e->arena, text, len);
    const char *kept_path = tk_arena_strdup(&e->arena, path);
    bool ok = copy && kept_path && tk_facts_add(&check, path, copy, len, &err);
    if (!copy || !kept_path) tk_err_set(&err, 0, "out of memory");
    tk_facts_free(&check);
    if (ok && keep_facts(e, kept_path, copy, len)) return true;
    snprintf(diag->file, sizeof diag->file, "%s", path);
    diag->line = 1;
    diag->column = (unsigned)err.offset + 1;
    snprintf(diag->message, sizeof diag->message, "provider facts: %s",
             ok ? "out of memory" : err.msg);
    return false;
}

size_t tk_engine_rule_count(const tk_engine *e) {
    return e->n_rules;
}

const tk_rule *tk_engine_rule(const tk_engine *e, size_t i) {
    return i < e->n_rules ? e->rules[i] : NULL;
}

size_t tk_engine_rule_index(const tk_engine *e, const char *id) {
    size_t lo = 0, hi = e->n_rules;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(e->rules[mid]->id, id);
        if (c == 0) return mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return SIZE_MAX;
}

const tk_rule *tk_engine_find_rule(const tk_engine *e, const char *id) {
    size_t i = tk_engine_rule_index(e, id);
    return i == SIZE_MAX ? NULL : e->rules[i];
}

const char *tk_engine_rules_version(const tk_engine *e) {
    return e->version;
}

/* ---- vocabulary ---- */

static const char *const SEVERITIES[] = {"info", "low", "medium", "high", "critical"};

const char *tk_severity_name(tk_severity s) {
    return (unsigned)s < 5 ? SEVERITIES[s] : "unknown";
}

bool tk_severity_parse(const char *s, tk_severity *out) {
    for (int i = 0; i < 5; i++)
        if (!strcmp(s, SEVERITIES[i])) {
            *out = (tk_severity)i;
            return true;
        }
    return false;
}

const char *tk_level_name(tk_level l) {
    return l == TK_LEVEL_BASIC ? "basic" : "recommended";
}

static const struct {
    const char *id, *ja, *en;
} CATEGORIES[] = {
    {"1", "IDとアクセス管理（IAM）", "Identity and access management (IAM)"},
    {"2", "ロギングとモニタリング", "Logging and monitoring"},
    {"3", "オブジェクトストレージ", "Object storage"},
    {"4.1", "仮想マシン", "Virtual machines"},
    {"4.2", "ネットワーク", "Network"},
    {"5", "セキュリティ等の集中管理", "Centralised security management"},
    {"6.1", "鍵管理", "Key management"},
    {"6.2", "PaaSが提供するアプリケーション", "Applications provided by PaaS"},
    {"6.3", "データベース", "Databases"},
    {"6.4", "コンテナ", "Containers"},
    {"7", "その他（バックアップ等）", "Other (backup etc.)"},
};

const char *tk_category_title(const char *category, bool ja) {
    for (size_t i = 0; i < sizeof CATEGORIES / sizeof *CATEGORIES; i++)
        if (!strcmp(CATEGORIES[i].id, category)) return ja ? CATEGORIES[i].ja : CATEGORIES[i].en;
    return NULL;
}

/* Titles of the guideline's measures that rules cite (section names of chapter Ⅲ). */
static const struct {
    const char *id, *ja, *en;
} MEASURES[] = {
    {"Ⅲ.3.1.1", "設定項目の把握と設定", "Knowing and configuring the setting items"},
    {"Ⅲ.3.1.2", "設定項目の管理", "Managing the setting items"},
    {"Ⅲ.3.2.1", "変化への適応及び体制整備", "Adapting to change and organising for it"},
    {"Ⅲ.3.3.1", "システム動作環境の設定に関連するその他のリスク対応",
     "Other risks of configuring the operating environment"},
};

const char *tk_measure_title(const char *measure, bool ja) {
    for (size_t i = 0; i < sizeof MEASURES / sizeof *MEASURES; i++)
        if (!strcmp(MEASURES[i].id, measure)) return ja ? MEASURES[i].ja : MEASURES[i].en;
    return NULL;
}

const char *const *tk_categories(void) {
    static const char *const ids[] = {"1",   "2",   "3",   "4.1", "4.2", "5",
                                      "6.1", "6.2", "6.3", "6.4", "7",   NULL};
    return ids;
}

const char *tk_rule_example_for(const tk_rule *r, const char *family) {
    for (size_t i = 0; i < r->n_examples; i++)
        if (family && !strcmp(r->examples[i].family, family)) return r->examples[i].text;
    return NULL;
}
