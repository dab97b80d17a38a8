/* `tenken config check`: reads the configuration file (as `tenken scan` would find it, or
 * --config FILE), checks it, and prints what is in force. */
#include "cli.h"
#include "config.h"
#include "waivers.h"
#include "../lib/waiver.h"
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char CONFIG_HELP[] =
    "Usage: tenken config check [--config FILE] [--waivers FILE] [--today DATE] [--lang ja|en]\n"
    "                           [PATH]\n"
    "\n"
    "Checks the configuration file — FILE, or .tenken.yaml in PATH (default: the current\n"
    "directory) or one of its parents, as `tenken scan PATH` would find it — and the\n"
    "waivers file (--waivers, the configuration's waivers, or tenken-waivers.yaml found\n"
    "the same way), and prints what is in force: profile, failing severity, rules and\n"
    "categories, exclusions, rule directories, limits, service model, who is responsible\n"
    "for each guideline category, and every waiver with its state (in force until a\n"
    "date, or expired; --today YYYY-MM-DD judges expiry as of that date). Exit status 0\n"
    "when the files are valid (or there are none), 2 otherwise.\n";

static void show_config(const tenken_config *c, bool ja);
static void show_waivers(const waiver_file *wf, bool ja, const char *today);

static void list_line(const char *label, const string_list *l) {
    if (!l->n) return;
    printf("%-22s", label);
    for (size_t i = 0; i < l->n; i++) printf("%s%s", i ? ", " : "", l->items[i]);
    putchar('\n');
}

int cmd_config(int argc, char **argv) {
    static const struct option longopts[] = {
        {"config", required_argument, NULL, 'c'},
        {"waivers", required_argument, NULL, 'w'},
        {"today", required_argument, NULL, 't'},
        {"lang", required_argument, NULL, 'l'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    bool ja = lang_from_env();
    const char *file = NULL, *waivers_opt = NULL, *today_opt = NULL;
    if (argc < 2 || strcmp(argv[1], "check") != 0) {
        if (argc >= 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
            fputs(CONFIG_HELP, stdout);
            return 0;
        }
        cli_error("usage: tenken config check [--config FILE] [PATH]");
        return 2;
    }
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc - 1, argv + 1, ":h", longopts, NULL)) != -1) {
        switch (c) {
        case 'c': file = optarg; break;
        case 'w': waivers_opt = optarg; break;
        case 't':
            if (!tk_date_valid(optarg, strlen(optarg))) {
                cli_error("--today must be a date written YYYY-MM-DD, not '%s'", optarg);
                return 2;
            }
            today_opt = optarg;
            break;
        case 'l':
            if (!lang_parse(optarg, &ja)) {
                cli_error("--lang must be ja or en, not '%s'", optarg);
                return 2;
            }
            break;
        case 'h': fputs(CONFIG_HELP, stdout); return 0;
        default:
            cli_error("unknown option %s (see tenken config --help)", argv[optind]);
            return 2;
        }
    }
    const char *start = optind < argc - 1 ? argv[optind + 1] : ".";
    struct stat st;
    if (stat(start, &st) != 0) {
        fprintf(stderr, "%s:1:1: no such file or directory\n", start);
        return 2;
    }
    char *found = file ? NULL : config_find(start);
    tenken_config cfg = {0};
    if (!file && !found)
        printf(ja ? "設定ファイルはありません（%s とその親に .tenken.yaml なし）。既定の設定で点検します。\n"
                  : "No configuration file (no .tenken.yaml in %s or its parents): defaults apply.\n",
               start);
    bool ok = (!file && !found) || config_load(&cfg, file ? file : found);
    free(found);
    if (!ok) {
        config_free(&cfg);
        return 2;
    }
    /* Rule IDs are checked against the built-in rules and the configuration's rule-dirs. */
    rule_source_opts rs = {.dirs = (const char **)cfg.rule_dirs.items, .n_dirs = cfg.rule_dirs.n};
    tk_engine *engine = load_engine(&rs);
    ok = engine && config_rules_exist(&cfg, engine);
    char *waivers_found = waivers_opt || cfg.waivers ? NULL : waivers_find(start);
    const char *waivers_path = waivers_opt ? waivers_opt : cfg.waivers ? cfg.waivers : waivers_found;
    waiver_file wf = {0};
    if (ok && waivers_path) ok = waivers_load(&wf, waivers_path, engine);
    free(waivers_found);
    tk_engine_free(engine);
    if (!ok) {
        waivers_free(&wf);
        config_free(&cfg);
        return 2;
    }
    if (cfg.path) show_config(&cfg, ja);
    char today[11];
    if (today_opt)
        snprintf(today, sizeof today, "%s", today_opt);
    else
        tk_date_today(today);
    if (wf.path) show_waivers(&wf, ja, today);
    waivers_free(&wf);
    config_free(&cfg);
    return 0;
}

/* Every waiver with its state today: in force until its date, or expired. */
static void show_waivers(const waiver_file *wf, bool ja, const char *today) {
    printf("%s: %s\n", wf->path,
           ja ? "有効な例外承認ファイルです" : "valid waivers file");
    size_t expired = 0;
    for (size_t i = 0; i < wf->n; i++) expired += strcmp(wf->items[i].expires, today) < 0;
    printf(ja ? "例外承認 %zu 件（うち期限切れ %zu 件）:\n" : "%zu waivers (%zu expired):\n", wf->n,
           expired);
    for (size_t i = 0; i < wf->n; i++) {
        const tk_waiver *w = &wf->items[i];
        bool past = strcmp(w->expires, today) < 0;
        printf("  %s:%u:%u  %s  %s%s%s\n", w->at.file, w->at.line, w->at.column, w->rule,
               w->resource, w->path ? "  path " : "", w->path ? w->path : "");
        printf(ja ? "      %s %s（承認者: %s、%s 作成）\n" : "      %s %s (approved by %s, created %s)\n",
               past ? (ja ? "期限切れ" : "EXPIRED on") : (ja ? "有効期限" : "in force until"),
               w->expires, w->approver, w->created);
        printf(ja ? "      理由: %s\n" : "      reason: %s\n", w->reason);
    }
}

/* What the configuration puts in force. */
static void show_config(const tenken_config *c, bool ja) {
    printf("%s: %s\n", c->path, ja ? "有効な設定です" : "valid");
    printf("%-22s%s\n", "profile",
           c->has_profile ? (c->profile == TK_LEVEL_BASIC ? (ja ? "basic（基本のみ）" : "basic")
                                                            : (ja ? "recommended（基本と推奨）"
                                                                  : "recommended"))
                           : (ja ? "recommended（既定）" : "recommended (default)"));
    printf("%-22s%s\n", "fail-on",
           c->has_fail_on ? (c->fail_never ? "none" : tk_severity_name(c->fail_on))
                           : (ja ? "low（既定）" : "low (default)"));
    list_line("rules.enable", &c->enable_rules);
    list_line("rules.disable", &c->disable_rules);
    list_line("categories.enable", &c->enable_categories);
    list_line("categories.disable", &c->disable_categories);
    list_line("exclude", &c->exclude);
    list_line("rule-dirs", &c->rule_dirs);
    if (c->max_input_size) printf("%-22s%zu\n", "limits.max-input-size", c->max_input_size);
    if (c->max_depth) printf("%-22s%zu\n", "limits.max-depth", c->max_depth);
    if (c->max_alias_nodes) printf("%-22s%zu\n", "limits.max-alias-nodes", c->max_alias_nodes);
    if (c->service_model) printf("%-22s%s\n", "service-model", c->service_model);
    printf("%s\n", ja ? "責任分界（類型ごとの担当）:" : "Responsibility by guideline category:");
    for (const char *const *cat = tk_categories(); *cat; cat++) {
        const category_owner *o = config_owner(c, *cat);
        char label[256] = "";
        if (o) config_owner_label(o, ja, label, sizeof label);
        bool off = !config_rule_on(c, &(tk_rule){.id = "", .category = *cat}, true);
        printf("  %-4s %-34s %s%s\n", *cat, tk_category_title(*cat, ja),
               o ? label : (ja ? "（未設定）" : "(not set)"),
               off ? (ja ? "  ※点検しない" : "  (not checked)") : "");
    }
    if (c->waivers) printf("%-22s%s\n", "waivers", c->waivers);
    if (c->baseline) printf("%-22s%s\n", "baseline", c->baseline);
    if (c->open_suppressions)
        printf("%-22s%s\n", "suppressions", ja ? "期限なしの抑止も適用" : "applied without an expiry date too");
}
