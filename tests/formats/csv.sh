#!/usr/bin/env bash
# CSV report (-f csv): UTF-8 with a byte order mark, CRLF records, RFC 4180 quoting, a header
# in the report language, one row per finding, suppressed finding, check not evaluated and
# input error, and no cell that a spreadsheet would run as a formula.
# Usage: tests/formats/csv.sh path/to/tenken      Ends with "csv tests: N passed, N failed".
set -u
TK=$(realpath "$1")
cd "$(dirname "$0")/../.."
ROOT=$PWD
HERE=$ROOT/tests/formats
FIX=$ROOT/rules/aws/tests/TK-AWS-S3-001
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*" >&2; }

# run CMD...: sets $code; stdout in $T/out, stderr in $T/err (a sanitizer report fails the test)
run() {
    "$@" >"$T/out" 2>"$T/err"
    code=$?
    if grep -qE 'Sanitizer|runtime error' "$T/err"; then bad "$*: $(head -c 600 "$T/err")"; fi
}
expect_code() { # expected, description
    if [ "$code" = "$1" ]; then ok; else bad "$2: exit $code, expected $1; stderr: $(head -c 300 "$T/err")"; fi
}
# check_csv CSV JSON LANG DESCRIPTION: the CSV report agrees with the JSON one
check_csv() {
    local msg
    if msg=$(python3 "$HERE/csv_check.py" "$1" "$2" "$3" 2>&1); then ok; else bad "$4: $msg"; fi
}
# has_row CSV TEXT: some row, printed as a Python list, contains TEXT
has_row() {
    python3 -c 'import csv, sys; [print(r) for r in csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline=""))]' "$1" >"$T/rows"
    grep -qF -- "$2" "$T/rows"
}

# Hostile input: markup, a comma, quotes, a line break and control characters in a name; a
# suppression whose reason is a formula; a CloudFormation logical ID that is a formula; a
# file whose name starts a formula.
cat >"$T/hostile.yaml" <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: "ctl\x01\x1b[31mred\u202Eevil,\"q\"\nline"
  annotations:
    tenken.io/ignore: "TK-K8S-POD-001: =HYPERLINK(\"http://evil.example/\",\"click\") exp:2999-12-31"
spec:
  containers:
    - name: app
      image: nginx:1.25
      securityContext: {privileged: true}
YAML
cat >"$T/formula.yaml" <<'YAML'
AWSTemplateFormatVersion: "2010-09-09"
Resources:
  "=HYPERLINK(\"http://evil.example/\")":
    Type: AWS::S3::Bucket
    Properties:
      BucketName: formula
  "@SUM(1+1)":
    Type: AWS::S3::Bucket
YAML
mkdir "$T/d"
cp "$ROOT/tests/cli/manifests/app.yaml" "$T/d/+cmd.yaml"
cp "$ROOT/tests/cli/manifests/app.yaml" "$T/d/=1+2.yaml"
head -c 700 "$FIX/fail.plan.json" >"$T/truncated.json"

INPUTS=("$FIX/fail.plan.json" "$ROOT/examples/cloudformation/webapp.yaml" "$ROOT/examples/kubernetes/shop.yaml"
    "$T/hostile.yaml" "$T/formula.yaml" "$T/truncated.json")

# ---- the report agrees with the JSON report of the same scan ----
run "$TK" scan -f csv="$T/r.csv" -f json="$T/r.json" "${INPUTS[@]}"
expect_code 2 "an input error gives exit 2"
check_csv "$T/r.csv" "$T/r.json" en "mixed inputs (English)"
run "$TK" scan --lang ja -f csv="$T/ja.csv" -f json="$T/ja.json" "${INPUTS[@]}"
check_csv "$T/ja.csv" "$T/ja.json" ja "mixed inputs (Japanese)"
python3 - "$T/r.json" <<'PY' && ok || bad "the scan exercises findings, not evaluated, suppressed and errors"
import json, sys
d = json.load(open(sys.argv[1], errors="replace"))
assert d["findings"] and d["not_evaluated"] and d["suppressed"] and d["errors"], d["summary"]
PY

# ---- bytes: BOM, CRLF, Japanese header ----
if [ "$(head -c 3 "$T/ja.csv" | od -An -tx1 | tr -d ' ')" = efbbbf ]; then ok; else bad "first bytes are not the BOM"; fi
if head -n 1 "$T/ja.csv" | grep -q $'^\xef\xbb\xbf状態,重大度,レベル,類型,類型名,ガイドライン項番,ルールID,内容,リソース種別,リソース,ファイル,行,列,CIS,その他の基準,リスク,対処,理由,期限,フィンガープリント\r$'; then ok; else bad "Japanese header: $(head -n 1 "$T/ja.csv")"; fi
if head -n 1 "$T/r.csv" | grep -q $'^\xef\xbb\xbfstatus,severity,level,category,'; then ok; else bad "English header"; fi
if has_row "$T/ja.csv" "['指摘', '高', '基本', '3', 'オブジェクトストレージ', 'Ⅲ.3.1.1', 'TK-AWS-S3-001', "; then ok; else bad "Japanese finding row"; fi
if has_row "$T/ja.csv" "['未評価', " && has_row "$T/ja.csv" "['抑止', " && has_row "$T/ja.csv" "['入力エラー', "; then ok; else bad "Japanese status names"; fi

# ---- quoting round-trips ----
python3 - "$T/r.csv" <<'PY' && ok || bad "a cell with a comma, quotes and a line break reads back whole"
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")))
want = 'Pod/default/ctl\ufffd\ufffd[31mred\ufffdevil,"q"\nline'
assert any(r[9] == want for r in rows), [r[9] for r in rows if "ctl" in r[9]]
PY
if grep -q '"Pod/default/ctl[^"]*evil,""q""' "$T/r.csv"; then ok; else bad "embedded quotes are doubled inside a quoted cell"; fi
if LC_ALL=C grep -q $'[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]' "$T/r.csv"; then bad "raw control character in the CSV"; else ok; fi

# ---- formulas are neutralised ----
run "$TK" scan -f csv="$T/f.csv" "$T/hostile.yaml" "$T/formula.yaml"
if has_row "$T/f.csv" "'\\'=HYPERLINK(\"http://evil.example/\",\"click\")', "; then ok; else bad "suppression reason neutralised: $(grep -F HYPERLINK "$T/rows" | head -2)"; fi
if has_row "$T/f.csv" "'AWS::S3::Bucket', '\\'=HYPERLINK(\"http://evil.example/\")', "; then ok; else bad "CloudFormation logical ID neutralised"; fi
if has_row "$T/f.csv" "'AWS::S3::Bucket', \"'@SUM(1+1)\", "; then ok; else bad "@ neutralised"; fi
if grep -q ',=HYPERLINK\|,"=HYPERLINK\|,@SUM\|,"@SUM' "$T/f.csv"; then bad "a raw formula is left"; else ok; fi
(cd "$T/d" && "$TK" scan -f csv="$T/p.csv" -f json="$T/p.json" "=1+2.yaml" "+cmd.yaml" >/dev/null 2>&1)
check_csv "$T/p.csv" "$T/p.json" en "file names that start formulas"
if has_row "$T/p.csv" "\"'=1+2.yaml\"" && has_row "$T/p.csv" "\"'+cmd.yaml\""; then ok; else bad "file names neutralised"; fi

# ---- rows for every kind of result, and nothing else ----
run "$TK" scan --rule TK-AWS-S3-001 -f csv="$T/c.csv" -f json="$T/c.json" "$FIX/pass.plan.json"
expect_code 0 "clean input"
check_csv "$T/c.csv" "$T/c.json" en "clean input"
if [ "$(grep -c $'\r$' "$T/c.csv")" = 1 ]; then ok; else bad "a clean scan writes the header only"; fi
run "$TK" scan --rule TK-AWS-S3-001 -f csv="$T/m.csv" -f json="$T/m.json" "$FIX/pass.plan.json" "$T/missing.json"
expect_code 2 "missing file"
check_csv "$T/m.csv" "$T/m.json" en "missing file"
if has_row "$T/m.csv" "['input error', '', '', '', '', '', '', '', '', '', '$T/missing.json', '1', '1', '', '', '', '', 'cannot open: No such file or directory', '', '']"; then ok; else bad "error row: $(tail -1 "$T/rows")"; fi

# ---- standard output, determinism, a larger scan ----
run "$TK" scan -f csv "${INPUTS[@]}"
cmp -s "$T/out" "$T/r.csv" && ok || bad "standard output and FORMAT=FILE differ (or two runs differ)"
python3 "$ROOT/bench/gen_manifests.py" k8s "$T/big.yaml" 300 >/dev/null 2>&1
run "$TK" scan -f csv="$T/b.csv" -f json="$T/b.json" "$T/big.yaml"
check_csv "$T/b.csv" "$T/b.json" en "300 generated manifests"

echo "csv tests: $pass passed, $fail failed"
[ "$fail" = 0 ]
