/* `tenken rules`: list the loaded rules, filtered by category, level or provider. */
#include "cli.h"
#include "io.h"
#include "jsonw.h"
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char RULES_HELP_EN[] =
    "Usage: tenken rules [options]\n"
    "\n"
    "Lists the rules with their guideline category, level, severity and title.\n"
    "\n"
    "Options:\n"
    "      --category C         only category C (1, 2, 3, 4.1, 4.2, 5, 6.1, 6.2, 6.3, 6.4, 7)\n"
    "      --level L            only basic or recommended rules\n"
    "      --provider P         only rules for provider P (e.g. aws)\n"
    "  -f, --format FORMAT      text (default) or json (full rule texts in both languages)\n"
    "      --lang ja|en         language of the text listing\n"
    "      --rules DIR          also load the *.rule files under DIR (repeatable)\n"
    "      --no-builtin-rules   use only rules from --rules\n"
    "  -h, --help               show this help\n";

static const char RULES_HELP_JA[] =
    "使い方: tenken rules [オプション]\n"
    "\n"
    "ルールを、ガイドラインの類型・基本/推奨の別・重大度・タイトルとともに一覧表示します。\n"
    "\n"
    "オプション:\n"
    "      --category C         類型 C のみ（1, 2, 3, 4.1, 4.2, 5, 6.1, 6.2, 6.3, 6.4, 7）\n"
    "      --level L            basic（基本）または recommended（推奨）のみ\n"
    "      --provider P         プロバイダ P のルールのみ（例: aws）\n"
    "  -f, --format 形式        text（既定）または json（両言語の全文を含む）\n"
    "      --lang ja|en         一覧の言語\n"
    "      --rules ディレクトリ その下の *.rule も読み込む（複数指定可）\n"
    "      --no-builtin-rules   組み込みルールを使わない\n"
    "  -h, --help               このヘルプを表示\n";

enum { OPT_CATEGORY = 256, OPT_LEVEL, OPT_PROVIDER, OPT_LANG, OPT_RULES, OPT_NO_BUILTIN };

int cmd_rules(int argc, char **argv) {
    static const struct option longopts[] = {
        {"category", required_argument, NULL, OPT_CATEGORY},
        {"level", required_argument, NULL, OPT_LEVEL},
        {"provider", required_argument, NULL, OPT_PROVIDER},
        {"format", required_argument, NULL, 'f'},
        {"lang", required_argument, NULL, OPT_LANG},
        {"rules", required_argument, NULL, OPT_RULES},
        {"no-builtin-rules", no_argument, NULL, OPT_NO_BUILTIN},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *category = NULL, *level = NULL, *provider = NULL, *format = "text";
    bool ja = lang_from_env();
    rule_source_opts rs = {0};
    int status = 2;
    rs.dirs = calloc((size_t)argc + 1, sizeof *rs.dirs);
    if (!rs.dirs) return 2;
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, ":f:h", longopts, NULL)) != -1) {
        switch (c) {
        case OPT_CATEGORY:
            if (!tk_category_title(optarg, false)) {
                cli_error("unknown category '%s' (1, 2, 3, 4.1, 4.2, 5, 6.1, 6.2, 6.3, 6.4, 7)",
                          optarg);
                goto done;
            }
            category = optarg;
            break;
        case OPT_LEVEL:
            if (strcmp(optarg, "basic") && strcmp(optarg, "recommended")) {
                cli_error("--level must be basic or recommended, not '%s'", optarg);
                goto done;
            }
            level = optarg;
            break;
        case OPT_PROVIDER: provider = optarg; break;
        case 'f': format = optarg; break;
        case OPT_LANG:
            if (!lang_parse(optarg, &ja)) {
                cli_error("--lang must be ja or en, not '%s'", optarg);
                goto done;
            }
            break;
        case OPT_RULES: rs.dirs[rs.n_dirs++] = optarg; break;
        case OPT_NO_BUILTIN: rs.no_builtin = true; break;
        case 'h':
            fputs(ja ? RULES_HELP_JA : RULES_HELP_EN, stdout);
            status = 0;
            goto done;
        case ':':
            cli_error("option %s needs a value (see tenken rules --help)", argv[optind - 1]);
            goto done;
        default:
            cli_error("unknown option %s (see tenken rules --help)", argv[optind - 1]);
            goto done;
        }
    }
    if (optind < argc) {
        cli_error("unexpected argument '%s' (see tenken rules --help)", argv[optind]);
        goto done;
    }
    bool json = !strcmp(format, "json");
    if (!json && strcmp(format, "text")) {
        cli_error("--format must be text or json, not '%s'", format);
        goto done;
    }
    tk_engine *e = load_engine(&rs);
    if (!e) goto done;
    tk_buf b;
    tk_buf_init(&b);
    jw w;
    jw_init(&w, &b, true);
    if (json) jw_arr(&w);
    size_t shown = 0;
    for (size_t i = 0; i < tk_engine_rule_count(e); i++) {
        const tk_rule *r = tk_engine_rule(e, i);
        if (category && strcmp(r->category, category)) continue;
        if (level && strcmp(tk_level_name(r->level), level)) continue;
        if (provider && strcmp(r->provider, provider)) continue;
        shown++;
        if (json) {
            render_rule_json(&w, r);
            continue;
        }
        tk_buf_printf(&b, "%-18s %-4s %-9s %-5s %s\n", r->id, r->category,
                      tk_severity_name(r->severity), level_label(r->level, ja),
                      i18n(&r->title, ja));
    }
    if (json) {
        jw_end_arr(&w);
        tk_buf_putc(&b, '\n');
    } else {
        tk_buf_printf(&b, ja ? "%zu 件のルール\n" : "%zu rules\n", shown);
    }
    status = io_write_all(STDOUT_FILENO, b.data, b.len) && !b.oom ? 0 : 2;
    tk_buf_free(&b);
    tk_engine_free(e);
done:
    free(rs.dirs);
    return status;
}
