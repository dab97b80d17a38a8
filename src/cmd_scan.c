/* `tenken scan`: read inputs, run the rules, write the report, set the exit status. */
#include "baseline.h"
#include "cli.h"
#include "config.h"
#include "fs_tree.h"
#include "io.h"
#include "outputs.h"
#include "waivers.h"
#include "../lib/waiver.h"
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static const char SCAN_HELP_EN[] =
    "Usage: tenken scan [options] PATH...\n"
    "\n"
    "Checks cloud configurations against the rules and reports each misconfiguration with\n"
    "its MIC settings guideline category, measure ID, basic/recommended level and CIS\n"
    "Benchmark reference. PATH is one of:\n"
    "  - a directory: every Terraform root module under it (with the local modules they\n"
    "    call), and every CloudFormation template and Kubernetes manifest file in it;\n"
    "  - a .tf or .tf.json file;\n"
    "  - a Terraform plan or state (terraform show -json), a CloudFormation template (YAML\n"
    "    or JSON), or Kubernetes manifests (a YAML stream, or kubectl get -o json output),\n"
    "    recognised by content;\n"
    "  - '-': any of those from standard input (helm template . | tenken scan -).\n"
    "\n"
    "Options:\n"
    "  -f, --format FORMAT[=FILE]\n"
    "                           text (default), json, sarif, junit, csv, markdown (md)\n"
    "                           or html; repeatable: each FORMAT=FILE is written to its\n"
    "                           FILE, at most one format to stdout\n"
    "  -o, --output FILE        write the format given without a file to FILE instead of\n"
    "                           stdout; every file is written atomically\n"
    "      --lang ja|en         report language (default: from LC_ALL/LC_MESSAGES/LANG)\n"
    "      --fail-on SEVERITY   exit 1 when a finding is at or above SEVERITY:\n"
    "                           critical, high, medium, low (default), info, or none\n"
    "      --config FILE        read the configuration from FILE (default: .tenken.yaml in\n"
    "                           the first input's directory or one of its parents)\n"
    "      --no-config          read no configuration file\n"
    "      --profile LEVEL      basic: only 基本 rules; recommended: 基本 and 推奨 (default)\n"
    "      --owner NAME         check only the categories NAME is responsible for (a role:\n"
    "                           user, sier or provider, or a name from the configuration)\n"
    "      --waivers FILE       read waivers from FILE (default: the configuration's\n"
    "                           waivers, else tenken-waivers.yaml in the first input's\n"
    "                           directory or one of its parents)\n"
    "      --no-waivers         apply no waivers\n"
    "      --baseline FILE      report only findings whose fingerprints FILE does not hold\n"
    "      --write-baseline FILE\n"
    "                           write the fingerprints of this scan's findings to FILE\n"
    "      --today DATE         judge waiver and suppression expiry as of DATE (YYYY-MM-DD),\n"
    "                           e.g. to see what comes back next month (default: today, UTC)\n"
    "      --rules DIR          also load the *.rule files under DIR (repeatable)\n"
    "      --no-builtin-rules   use only rules from --rules\n"
    "      --rule ID            run only this rule (repeatable)\n"
    "      --skip-rule ID       do not run this rule (repeatable)\n"
    "      --no-scope-rules     skip account-wide checks (no CloudTrail, GuardDuty off, ...)\n"
    "                           for inputs that do not own account settings\n"
    "      --show-not-evaluated list checks that depend on values not known before deployment\n"
    "      --var NAME=VALUE     set a Terraform root module variable or a CloudFormation\n"
    "                           template parameter (repeatable)\n"
    "      --var-file FILE      Terraform source: read variables from FILE (repeatable);\n"
    "                           terraform.tfvars, *.auto.tfvars and TF_VAR_* are read too\n"
    "      --root DIR           Terraform source: read nothing outside DIR (default: the\n"
    "                           current directory when the input is inside it, else the input)\n"
    "  -q, --quiet              text: one line per finding (file:line:col: ...)\n"
    "  -v, --verbose            text: also explain why each setting matters\n"
    "      --color WHEN         auto (default), always or never; NO_COLOR is honoured\n"
    "      --max-input-size N   refuse inputs larger than N bytes (K, M, G suffixes; default 1G)\n"
    "      --max-depth N        refuse nesting deeper than N levels (default 256)\n"
    "      --max-alias-nodes N  YAML: nodes that aliases may add to a document (default\n"
    "                           100000); a file that expands further is refused\n"
    "  -h, --help               show this help\n"
    "\n"
    "Exit status: 0 no finding at or above --fail-on, 1 findings, 2 usage or input error.\n";

static const char SCAN_HELP_JA[] =
    "使い方: tenken scan [オプション] パス...\n"
    "\n"
    "クラウドの設定をルールで点検し、設定不備ごとに総務省 設定ガイドラインの類型・対策ID・\n"
    "基本/推奨の別・CIS Benchmark の対応項目を示します。パスには次のいずれかを指定します:\n"
    "  - ディレクトリ: その下のすべての Terraform ルートモジュール（呼び出すローカル\n"
    "    モジュールを含む）と、CloudFormation テンプレート・Kubernetes マニフェストのファイル\n"
    "  - .tf / .tf.json ファイル\n"
    "  - Terraform のプラン・ステート（terraform show -json の出力）、CloudFormation\n"
    "    テンプレート（YAML / JSON）、Kubernetes マニフェスト（YAML ストリームまたは\n"
    "    kubectl get -o json の出力）。内容から判別します\n"
    "  - '-': 上記のいずれかを標準入力から読む（helm template . | tenken scan -）\n"
    "\n"
    "オプション:\n"
    "  -f, --format 形式[=ファイル]\n"
    "                           text（既定）, json, sarif, junit, csv, markdown (md),\n"
    "                           html。繰り返し指定可: 形式=ファイル は\n"
    "                           そのファイルへ、ファイルのない形式は 1 つだけ標準出力へ\n"
    "  -o, --output ファイル    ファイル指定のない形式を標準出力ではなくこのファイルへ。\n"
    "                           どのファイルも途中状態を残さずに書き出す\n"
    "      --lang ja|en         レポートの言語（既定は LC_ALL/LC_MESSAGES/LANG から判断）\n"
    "      --fail-on 重大度     この重大度以上の指摘があれば終了コード 1:\n"
    "                           critical, high, medium, low（既定）, info, none\n"
    "      --config ファイル    設定をこのファイルから読む（既定: 最初の入力のディレクトリ\n"
    "                           またはその親にある .tenken.yaml）\n"
    "      --no-config          設定ファイルを読まない\n"
    "      --profile レベル     basic: 基本のルールのみ / recommended: 基本と推奨（既定）\n"
    "      --owner 名前         この担当の類型だけを点検する（役割 user, sier, provider、\n"
    "                           または設定ファイルにある名前）\n"
    "      --waivers ファイル   例外承認（waiver）をこのファイルから読む（既定: 設定の\n"
    "                           waivers、なければ最初の入力のディレクトリまたはその親の\n"
    "                           tenken-waivers.yaml）\n"
    "      --no-waivers         例外承認を適用しない\n"
    "      --baseline ファイル  このファイルにないフィンガープリントの指摘だけを報告する\n"
    "      --write-baseline ファイル\n"
    "                           今回の指摘のフィンガープリントをファイルに書き出す\n"
    "      --today 日付         例外承認・抑止の期限をこの日付（YYYY-MM-DD）で判断する\n"
    "                           （来月に期限が切れるものの確認など。既定: 今日、UTC）\n"
    "      --rules ディレクトリ その下の *.rule も読み込む（複数指定可）\n"
    "      --no-builtin-rules   組み込みルールを使わず --rules のルールだけを使う\n"
    "      --rule ID            このルールだけを実行する（複数指定可）\n"
    "      --skip-rule ID       このルールを実行しない（複数指定可）\n"
    "      --no-scope-rules     アカウント全体の点検（CloudTrail の有無、GuardDuty など）を\n"
    "                           行わない（アカウント設定を持たない入力向け）\n"
    "      --show-not-evaluated デプロイ前には決まらない値に依存して未評価となった判定を一覧表示\n"
    "      --var 名前=値        Terraform のルートモジュール変数、または CloudFormation\n"
    "                           テンプレートのパラメータを設定（複数指定可）\n"
    "      --var-file ファイル  Terraform ソース: 変数ファイルを読む（複数指定可）。\n"
    "                           terraform.tfvars、*.auto.tfvars、TF_VAR_* も読みます\n"
    "      --root ディレクトリ  Terraform ソース: この外は読まない（既定: 入力がカレント\n"
    "                           ディレクトリ内ならそこ、そうでなければ入力そのもの）\n"
    "  -q, --quiet              テキスト: 1 件 1 行（ファイル:行:列: ...）\n"
    "  -v, --verbose            テキスト: 設定の意味と背景も表示\n"
    "      --color 指定         auto（既定）, always, never。NO_COLOR を尊重\n"
    "      --max-input-size N   N バイトを超える入力を拒否（K, M, G 可。既定 1G）\n"
    "      --max-depth N        N 段を超える入れ子を拒否（既定 256）\n"
    "      --max-alias-nodes N  YAML: エイリアスの展開で増やせるノード数（既定 100000）。\n"
    "                           超えるファイルは拒否\n"
    "  -h, --help               このヘルプを表示\n"
    "\n"
    "終了コード: 0 = --fail-on 以上の指摘なし、1 = 指摘あり、2 = 使い方または入力の誤り\n";


enum {
    OPT_LANG = 256,
    OPT_FAIL_ON,
    OPT_RULES,
    OPT_NO_BUILTIN,
    OPT_RULE,
    OPT_SKIP_RULE,
    OPT_SHOW_NE,
    OPT_NO_SCOPE,
    OPT_COLOR,
    OPT_MAX_SIZE,
    OPT_MAX_DEPTH,
    OPT_MAX_ALIAS,
    OPT_VAR,
    OPT_VAR_FILE,
    OPT_ROOT,
    OPT_CONFIG,
    OPT_NO_CONFIG,
    OPT_PROFILE,
    OPT_OWNER,
    OPT_WAIVERS,
    OPT_NO_WAIVERS,
    OPT_BASELINE,
    OPT_WRITE_BASELINE,
    OPT_TODAY,
};

/* When the report was made: SOURCE_DATE_EPOCH when it is set (reproducible reports), else
 * now. */
static long long report_time(void) {
    const char *e = getenv("SOURCE_DATE_EPOCH");
    if (e && *e) {
        char *end;
        errno = 0;
        long long v = strtoll(e, &end, 10);
        if (!errno && !*end && v >= 0 && v < 253402300800LL) return v;
    }
    return (long long)time(NULL);
}

/* Waivers that need attention: expired ones (their findings are back) and stale ones (they
 * match nothing any more and should be removed). */
static void print_waiver_warnings(const tk_scan *scan, bool ja) {
    size_t n;
    const tk_waiver_status *ws = tk_scan_waivers(scan, &n);
    tk_buf msg;
    tk_buf_init(&msg);
    for (size_t i = 0; i < n; i++) {
        tk_buf_clear(&msg);
        waiver_attention(&msg, &ws[i], ja);
        if (msg.len)
            fprintf(stderr, "%s:%u:%u: %s: %.*s\n", ws[i].waiver.at.file, ws[i].waiver.at.line,
                    ws[i].waiver.at.column, ja ? "警告" : "warning", (int)msg.len, msg.data);
    }
    tk_buf_free(&msg);
}

/* Whether the scan runs the rule with this ID. */
static bool rule_runs(void *scan, const char *id) {
    const tk_rule *r = tk_engine_find_rule(tk_scan_engine(scan), id);
    return r && tk_scan_rule_enabled(scan, r);
}

/* Whether an input is Terraform source: a directory, or a .tf / .tf.json file. */
static bool is_source(const char *path) {
    if (!strcmp(path, "-")) return false;
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) return true;
    size_t l = strlen(path);
    return (l > 3 && !strcmp(path + l - 3, ".tf")) || (l > 8 && !strcmp(path + l - 8, ".tf.json"));
}

typedef struct source_inputs {
    tk_source_text *files;
    input_bytes *bytes;
    size_t n_files;
    const char **env;
    size_t n_env;
    tk_source_opts opts;
} source_inputs;

extern char **environ;

static bool source_inputs_read(source_inputs *si, const char **files, size_t n_files,
                               const char **vars, size_t n_vars, size_t max_bytes) {
    memset(si, 0, sizeof *si);
    si->files = calloc(n_files + 1, sizeof *si->files);
    si->bytes = calloc(n_files + 1, sizeof *si->bytes);
    size_t n_env = 0;
    for (char **e = environ; e && *e; e++) n_env += !strncmp(*e, "TF_VAR_", 7);
    si->env = calloc(n_env + 1, sizeof *si->env);
    if (!si->files || !si->bytes || !si->env) {
        cli_error("out of memory");
        return false;
    }
    for (char **e = environ; e && *e; e++)
        if (!strncmp(*e, "TF_VAR_", 7)) si->env[si->n_env++] = *e;
    for (size_t i = 0; i < n_files; i++) {
        char err[300];
        if (!io_read_input(files[i], max_bytes, &si->bytes[i], err, sizeof err)) {
            fprintf(stderr, "%s:1:1: %s\n", files[i], err);
            return false;
        }
        si->files[i] = (tk_source_text){files[i], si->bytes[i].data, si->bytes[i].len};
        si->n_files++;
    }
    si->opts.var_files = si->files;
    si->opts.n_var_files = si->n_files;
    si->opts.vars = vars;
    si->opts.n_vars = n_vars;
    si->opts.env = si->env;
    si->opts.n_env = si->n_env;
    return true;
}

static void source_inputs_free(source_inputs *si) {
    for (size_t i = 0; i < si->n_files; i++) io_release(&si->bytes[i]);
    free(si->files);
    free(si->bytes);
    free(si->env);
}

/* Whether path (resolved) lies inside dir (resolved); *rel receives the part below it. */
static bool inside(const char *path, const char *dir, const char **rel) {
    size_t dl = strlen(dir);
    if (!strcmp(dir, "/")) dl = 0;
    if (strncmp(path, dir, dl) != 0 || (path[dl] != '/' && path[dl] != 0)) return false;
    *rel = path[dl] == '/' ? path + dl + 1 : path + dl;
    return true;
}

/* Scans a directory (every root module under it) or one .tf file; returns how many inputs
 * could be scanned. What tenken may read is the tree under --root, or else under the current
 * directory when the input lies in it (so modules elsewhere in the repository are found),
 * or else under the input itself. */
static size_t scan_source(tk_scan *scan, const char *arg, const char *root_opt,
                          const source_inputs *si, size_t max_bytes, const tenken_config *cfg) {
    struct stat st;
    bool dir = stat(arg, &st) == 0 && S_ISDIR(st.st_mode);
    char abs_arg[PATH_MAX], abs_root[PATH_MAX], own[PATH_MAX];
    if (!realpath(arg, abs_arg)) {
        tk_scan_add_error(scan, arg, 1, 1, strerror(errno));
        return 0;
    }
    /* The input's own directory, resolved and as the user wrote it. */
    snprintf(own, sizeof own, "%s", abs_arg);
    if (!dir) *strrchr(own, '/') = 0;
    if (!*own) snprintf(own, sizeof own, "/");
    char shown_own[PATH_MAX];
    const char *slash = strrchr(arg, '/');
    if (dir)
        snprintf(shown_own, sizeof shown_own, "%s", arg);
    else
        snprintf(shown_own, sizeof shown_own, "%.*s", slash ? (int)(slash - arg) : 0, arg);
    const char *rel = NULL, *prefix = NULL;
    if (root_opt) {
        if (!realpath(root_opt, abs_root) || !inside(abs_arg, abs_root, &rel)) {
            tk_scan_add_error(scan, arg, 1, 1, "not inside the --root directory");
            return 0;
        }
        prefix = root_opt;
    } else if (getcwd(abs_root, sizeof abs_root) && arg[0] != '/' &&
               inside(abs_arg, abs_root, &rel)) {
        prefix = "";
    } else {
        snprintf(abs_root, sizeof abs_root, "%s", own);
        inside(abs_arg, abs_root, &rel);
        prefix = shown_own;
    }
    fs_tree t;
    char err[300];
    if (!fs_tree_open(&t, abs_root, max_bytes, err, sizeof err)) {
        tk_scan_add_error(scan, arg, 1, 1, err);
        return 0;
    }
    char base[PATH_MAX];
    if (cfg->exclude.n && cfg->dir && realpath(cfg->dir, base)) {
        t.exclude = cfg->exclude.items;
        t.n_exclude = cfg->exclude.n;
        t.exclude_base = base;
    }
    size_t ok = dir ? tk_scan_source_tree(scan, prefix, &t.fs, rel, &si->opts)
                    : tk_scan_source(scan, prefix, &t.fs, rel, true, &si->opts);
    fs_tree_close(&t);
    return ok;
}

int cmd_scan(int argc, char **argv) {
    static const struct option longopts[] = {
        {"format", required_argument, NULL, 'f'},
        {"output", required_argument, NULL, 'o'},
        {"lang", required_argument, NULL, OPT_LANG},
        {"fail-on", required_argument, NULL, OPT_FAIL_ON},
        {"rules", required_argument, NULL, OPT_RULES},
        {"no-builtin-rules", no_argument, NULL, OPT_NO_BUILTIN},
        {"rule", required_argument, NULL, OPT_RULE},
        {"skip-rule", required_argument, NULL, OPT_SKIP_RULE},
        {"show-not-evaluated", no_argument, NULL, OPT_SHOW_NE},
        {"no-scope-rules", no_argument, NULL, OPT_NO_SCOPE},
        {"quiet", no_argument, NULL, 'q'},
        {"verbose", no_argument, NULL, 'v'},
        {"color", required_argument, NULL, OPT_COLOR},
        {"colour", required_argument, NULL, OPT_COLOR},
        {"max-input-size", required_argument, NULL, OPT_MAX_SIZE},
        {"max-depth", required_argument, NULL, OPT_MAX_DEPTH},
        {"max-alias-nodes", required_argument, NULL, OPT_MAX_ALIAS},
        {"var", required_argument, NULL, OPT_VAR},
        {"var-file", required_argument, NULL, OPT_VAR_FILE},
        {"root", required_argument, NULL, OPT_ROOT},
        {"config", required_argument, NULL, OPT_CONFIG},
        {"no-config", no_argument, NULL, OPT_NO_CONFIG},
        {"profile", required_argument, NULL, OPT_PROFILE},
        {"owner", required_argument, NULL, OPT_OWNER},
        {"waivers", required_argument, NULL, OPT_WAIVERS},
        {"no-waivers", no_argument, NULL, OPT_NO_WAIVERS},
        {"baseline", required_argument, NULL, OPT_BASELINE},
        {"write-baseline", required_argument, NULL, OPT_WRITE_BASELINE},
        {"today", required_argument, NULL, OPT_TODAY},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *output = NULL, *root_opt = NULL, *config_opt = NULL, *owner = NULL,
               *waivers_opt = NULL, *baseline_opt = NULL, *write_baseline = NULL;
    bool no_waivers = false;
    const char *today = NULL; /* --today: the date expiry is judged against */
    waiver_file wf = {0};
    char **baseline = NULL;
    size_t n_baseline = 0;
    bool no_config = false, fail_on_given = false, size_given = false, depth_given = false,
         alias_given = false;
    int profile = -1; /* --profile: TK_LEVEL_BASIC or TK_LEVEL_RECOMMENDED */
    tenken_config cfg = {0};
    const char **rule_dirs = NULL;
    output_plan outputs = {0};
    bool ja = lang_from_env();
    report rep = {.ja = ja, .fail_on = TK_SEV_LOW};
    color_mode cm = COLOR_AUTO;
    rule_source_opts rs = {0};
    const char **only = NULL, **skip = NULL, **vars = NULL, **var_files = NULL;
    size_t n_only = 0, n_skip = 0, n_vars = 0, n_var_files = 0;
    bool no_scope = false;
    tk_limits lim;
    tk_limits_default(&lim);
    int status = 2;

    rs.dirs = calloc((size_t)argc + 1, sizeof *rs.dirs);
    only = calloc((size_t)argc + 1, sizeof *only);
    skip = calloc((size_t)argc + 1, sizeof *skip);
    vars = calloc((size_t)argc + 1, sizeof *vars);
    var_files = calloc((size_t)argc + 1, sizeof *var_files);
    if (!rs.dirs || !only || !skip || !vars || !var_files) {
        cli_error("out of memory");
        goto done;
    }
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, ":f:o:qvh", longopts, NULL)) != -1) {
        switch (c) {
        case 'f':
            if (!output_plan_add(&outputs, optarg)) goto done;
            break;
        case 'o': output = optarg; break;
        case 'q': rep.quiet = true; break;
        case 'v': rep.verbose = true; break;
        case 'h':
            fputs(rep.ja ? SCAN_HELP_JA : SCAN_HELP_EN, stdout);
            status = 0;
            goto done;
        case OPT_LANG:
            if (!lang_parse(optarg, &rep.ja)) {
                cli_error("--lang must be ja or en, not '%s'", optarg);
                goto done;
            }
            rep.lang_given = true;
            break;
        case OPT_FAIL_ON:
            fail_on_given = true;
            if (!fail_on_parse(optarg, &rep.fail_on, &rep.fail_never)) {
                cli_error("--fail-on must be critical, high, medium, low, info or none, not '%s'",
                          optarg);
                goto done;
            }
            break;
        case OPT_RULES: rs.dirs[rs.n_dirs++] = optarg; break;
        case OPT_NO_BUILTIN: rs.no_builtin = true; break;
        case OPT_RULE: only[n_only++] = optarg; break;
        case OPT_SKIP_RULE: skip[n_skip++] = optarg; break;
        case OPT_SHOW_NE: rep.show_not_evaluated = true; break;
        case OPT_VAR:
            if (!strchr(optarg, '=') || optarg[0] == '=') {
                cli_error("--var must be NAME=VALUE, not '%s'", optarg);
                goto done;
            }
            vars[n_vars++] = optarg;
            break;
        case OPT_VAR_FILE: var_files[n_var_files++] = optarg; break;
        case OPT_ROOT: root_opt = optarg; break;
        case OPT_CONFIG: config_opt = optarg; break;
        case OPT_NO_CONFIG: no_config = true; break;
        case OPT_OWNER: owner = optarg; break;
        case OPT_WAIVERS: waivers_opt = optarg; break;
        case OPT_NO_WAIVERS: no_waivers = true; break;
        case OPT_BASELINE: baseline_opt = optarg; break;
        case OPT_WRITE_BASELINE: write_baseline = optarg; break;
        case OPT_TODAY:
            if (!tk_date_valid(optarg, strlen(optarg))) {
                cli_error("--today must be a date written YYYY-MM-DD, not '%s'", optarg);
                goto done;
            }
            today = optarg;
            break;
        case OPT_PROFILE:
            if (!strcmp(optarg, "basic"))
                profile = TK_LEVEL_BASIC;
            else if (!strcmp(optarg, "recommended"))
                profile = TK_LEVEL_RECOMMENDED;
            else {
                cli_error("--profile must be basic or recommended, not '%s'", optarg);
                goto done;
            }
            break;
        case OPT_NO_SCOPE: no_scope = true; break;
        case OPT_COLOR:
            if (!color_parse(optarg, &cm)) {
                cli_error("--color must be auto, always or never, not '%s'", optarg);
                goto done;
            }
            break;
        case OPT_MAX_SIZE:
            size_given = true;
            if (!size_parse(optarg, &lim.max_input_bytes)) {
                cli_error("--max-input-size must be a size such as 500M (at most 2G), not '%s'",
                          optarg);
                goto done;
            }
            break;
        case OPT_MAX_DEPTH: {
            char *end;
            unsigned long v = strtoul(optarg, &end, 10);
            if (*end || v < 2 || v > 100000) {
                cli_error("--max-depth must be a number from 2 to 100000, not '%s'", optarg);
                goto done;
            }
            lim.max_depth = v;
            depth_given = true;
            break;
        }
        case OPT_MAX_ALIAS: {
            char *end;
            unsigned long v = strtoul(optarg, &end, 10);
            if (!*optarg || *end || v < 1 || v > 100000000) {
                cli_error("--max-alias-nodes must be a number from 1 to 100000000, not '%s'",
                          optarg);
                goto done;
            }
            lim.max_alias_nodes = v;
            alias_given = true;
            break;
        }
        case ':':
            cli_error("option %s needs a value (see tenken scan --help)", argv[optind - 1]);
            goto done;
        default:
            cli_error("unknown option %s (see tenken scan --help)", argv[optind - 1]);
            goto done;
        }
    }
    if (!output_plan_finish(&outputs, output)) goto done;
    const output_format *to_stdout = output_plan_stdout(&outputs);
    if (optind >= argc) {
        cli_error("no input given (tenken scan FILE..., or - for standard input; see --help)");
        goto done;
    }

    /* The configuration file: --config, else .tenken.yaml in the first input's directory or
     * one of its parents. The command line overrides what it says. */
    char *found = NULL;
    if (!config_opt && !no_config)
        found = config_find(strcmp(argv[optind], "-") ? argv[optind] : ".");
    if (config_opt || found) {
        bool loaded = config_load(&cfg, config_opt ? config_opt : found);
        free(found);
        if (!loaded) goto done;
    }
    if (!fail_on_given && cfg.has_fail_on) {
        rep.fail_on = cfg.fail_on;
        rep.fail_never = cfg.fail_never;
    }
    if (!size_given && cfg.max_input_size) lim.max_input_bytes = cfg.max_input_size;
    if (!depth_given && cfg.max_depth) lim.max_depth = cfg.max_depth;
    if (!alias_given && cfg.max_alias_nodes) lim.max_alias_nodes = cfg.max_alias_nodes;
    if (profile < 0 && cfg.has_profile) profile = (int)cfg.profile;
    if (cfg.rule_dirs.n) {
        rule_dirs = calloc(rs.n_dirs + cfg.rule_dirs.n + 1, sizeof *rule_dirs);
        if (!rule_dirs) {
            cli_error("out of memory");
            goto done;
        }
        for (size_t i = 0; i < cfg.rule_dirs.n; i++) rule_dirs[i] = cfg.rule_dirs.items[i];
        for (size_t i = 0; i < rs.n_dirs; i++) rule_dirs[cfg.rule_dirs.n + i] = rs.dirs[i];
        free(rs.dirs);
        rs.dirs = rule_dirs;
        rs.n_dirs += cfg.rule_dirs.n;
        rule_dirs = NULL;
    }

    if (owner && !config_owner_known(&cfg, owner)) goto done;

    tk_engine *engine = load_engine(&rs);
    if (!engine) goto done;
    if (!config_rules_exist(&cfg, engine)) {
        tk_engine_free(engine);
        goto done;
    }
    /* Waivers: --waivers, else the configuration's, else tenken-waivers.yaml found like the
     * configuration. Baseline: --baseline, else the configuration's. */
    char *waivers_found = NULL;
    if (!waivers_opt && !no_waivers && !cfg.waivers)
        waivers_found = waivers_find(strcmp(argv[optind], "-") ? argv[optind] : ".");
    const char *waivers_path =
        waivers_opt ? waivers_opt : no_waivers ? NULL : cfg.waivers ? cfg.waivers : waivers_found;
    bool policy_ok = !waivers_path || waivers_load(&wf, waivers_path, engine);
    free(waivers_found);
    const char *baseline_path = baseline_opt ? baseline_opt : cfg.baseline;
    tk_scan *scan = policy_ok ? tk_scan_new(engine, &lim) : NULL;
    if (!scan) {
        if (policy_ok) cli_error("out of memory");
        tk_engine_free(engine);
        goto done;
    }
    bool added = true;
    for (size_t i = 0; added && i < wf.n; i++) added = tk_scan_add_waiver(scan, &wf.items[i]);
    if (!added) {
        cli_error("out of memory");
        tk_scan_free(scan);
        tk_engine_free(engine);
        goto done;
    }
    tk_scan_allow_open_suppressions(scan, cfg.open_suppressions);
    if (today) tk_scan_set_today(scan, today);
    for (size_t i = 0; i < n_only + n_skip; i++) {
        const char *id = i < n_only ? only[i] : skip[i - n_only];
        if (!tk_engine_find_rule(engine, id)) {
            cli_error("no rule with id '%s' (tenken rules lists them)", id);
            tk_scan_free(scan);
            tk_engine_free(engine);
            goto done;
        }
    }
    for (size_t i = 0; i < tk_engine_rule_count(engine); i++) {
        const tk_rule *r = tk_engine_rule(engine, i);
        bool on = n_only == 0;
        for (size_t j = 0; j < n_only; j++) on |= !strcmp(only[j], r->id);
        for (size_t j = 0; j < n_skip; j++) on &= strcmp(skip[j], r->id) != 0;
        if (no_scope && r->scope) on = false;
        if (!config_rule_on(&cfg, r, n_only > 0)) on = false;
        if (profile == TK_LEVEL_BASIC && r->level != TK_LEVEL_BASIC) on = false;
        if (owner && !config_owner_is(config_owner(&cfg, r->category), owner)) on = false;
        if (!on) tk_scan_disable_rule(scan, r);
    }
    /* The baseline's entries of rules this scan runs (the others cannot be found). */
    if (baseline_path &&
        (!baseline_read(baseline_path, lim.max_input_bytes, rule_runs, scan, &baseline,
                        &n_baseline) ||
         !tk_scan_set_baseline(scan, (const char *const *)baseline, n_baseline))) {
        tk_scan_free(scan);
        tk_engine_free(engine);
        goto done;
    }
    tk_scan_keep_passes(scan, output_plan_needs_passes(&outputs));
    if (!tk_scan_set_parameters(scan, vars, n_vars)) {
        cli_error("out of memory");
        tk_scan_free(scan);
        tk_engine_free(engine);
        goto done;
    }

    /* Variables for Terraform source: files the user named, --var, TF_VAR_* */
    source_inputs si;
    if (!source_inputs_read(&si, var_files, n_var_files, vars, n_vars, lim.max_input_bytes)) {
        tk_scan_free(scan);
        tk_engine_free(engine);
        goto done;
    }
    size_t scanned_ok = 0;
    for (int i = optind; i < argc; i++) {
        if (is_source(argv[i])) {
            scanned_ok += scan_source(scan, argv[i], root_opt, &si, lim.max_input_bytes, &cfg);
            continue;
        }
        input_bytes in;
        char err[300];
        if (!io_read_input(argv[i], lim.max_input_bytes, &in, err, sizeof err)) {
            tk_scan_add_error(scan, argv[i], 1, 1, err);
            continue;
        }
        if (tk_scan_input(scan, argv[i], in.data, in.len)) scanned_ok++;
        io_release(&in);
    }
    source_inputs_free(&si);
    tk_scan_finish(scan);

    size_t ne;
    const tk_diag *errs = tk_scan_errors(scan, &ne);
    for (size_t i = 0; i < ne; i++)
        fprintf(stderr, "%s:%u:%u: %s\n", errs[i].file, errs[i].line, errs[i].column,
                errs[i].message);
    size_t nw;
    const tk_diag *warns = tk_scan_warnings(scan, &nw);
    if (!to_stdout || !to_stdout->machine) {
        for (size_t i = 0; i < nw; i++)
            fprintf(stderr, "%s:%u:%u: %s: %s\n", warns[i].file, warns[i].line, warns[i].column,
                    rep.ja ? "警告" : "warning", warns[i].message);
        print_waiver_warnings(scan, rep.ja);
    }

    rep.engine = engine;
    rep.scan = scan;
    rep.config = &cfg;
    rep.owner_filter = owner;
    rep.waivers_path = wf.path;
    rep.baseline_path = baseline_path;
    rep.rules_active = tk_scan_active_rule_count(scan);
    rep.generated_at = report_time();
    rep.color = to_stdout && !to_stdout->machine && color_enabled(cm, STDOUT_FILENO);
    status = report_exit_status(&rep);
    if (!output_plan_write(&outputs, &rep, scanned_ok > 0)) status = 2;
    if (write_baseline && scanned_ok > 0 && !baseline_write(write_baseline, &rep)) status = 2;
    tk_scan_free(scan);
    tk_engine_free(engine);
done:
    waivers_free(&wf);
    baseline_free(baseline, n_baseline);
    config_free(&cfg);
    free(rs.dirs);
    free(only);
    free(skip);
    free(vars);
    free(var_files);
    return status;
}
