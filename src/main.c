/* tenken command-line tool: dispatches to the commands. */
#include "cli.h"
#include <string.h>

static const char HELP_EN[] =
    "tenken " TENKEN_VERSION " — cloud configuration checks mapped to the MIC settings guideline\n"
    "\n"
    "Usage: tenken COMMAND [options]\n"
    "\n"
    "Commands:\n"
    "  scan PATH...     check Terraform (source, plan, state), CloudFormation templates and\n"
    "                   Kubernetes manifests, and report misconfigurations\n"
    "  rules            list the rules (filter by --category, --level, --provider)\n"
    "  config check     check .tenken.yaml and print what is in force\n"
    "  version          print the version\n"
    "  help             show this help\n"
    "\n"
    "Run 'tenken COMMAND --help' for the options of a command.\n"
    "Set LANG=ja_JP.UTF-8 or pass --lang ja for Japanese output.\n";

static const char HELP_JA[] =
    "tenken " TENKEN_VERSION " — 総務省 設定ガイドラインに対応したクラウド設定の点検ツール\n"
    "\n"
    "使い方: tenken コマンド [オプション]\n"
    "\n"
    "コマンド:\n"
    "  scan パス...     Terraform（ソース・プラン・ステート）、CloudFormation テンプレート、\n"
    "                   Kubernetes マニフェストを点検し、設定不備を報告する\n"
    "  rules            ルールの一覧（--category, --level, --provider で絞り込み）\n"
    "  config check     .tenken.yaml を検査し、有効な設定を表示する\n"
    "  version          バージョンを表示\n"
    "  help             このヘルプを表示\n"
    "\n"
    "各コマンドのオプションは 'tenken コマンド --help' で表示します。\n"
    "英語で表示するには --lang en を指定します。\n";

int main(int argc, char **argv) {
    bool ja = lang_from_env();
    if (argc < 2 || !strcmp(argv[1], "help") || !strcmp(argv[1], "--help") ||
        !strcmp(argv[1], "-h")) {
        fputs(ja ? HELP_JA : HELP_EN, argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    if (!strcmp(argv[1], "version") || !strcmp(argv[1], "--version")) {
        printf("tenken %s\n", TENKEN_VERSION);
        return 0;
    }
    if (!strcmp(argv[1], "scan")) return cmd_scan(argc - 1, argv + 1);
    if (!strcmp(argv[1], "rules")) return cmd_rules(argc - 1, argv + 1);
    if (!strcmp(argv[1], "config")) return cmd_config(argc - 1, argv + 1);
    cli_error("unknown command '%s' (tenken help lists the commands)", argv[1]);
    return 2;
}
