#!/usr/bin/env bash
# CSV report (-f csv): UTF-8 with a byte order mark, CRLF records, RFC 4180 quoting, a header
# in the report language, one row per finding, suppressed finding, waived finding, check not
# evaluated and input error, the owner and approver columns, and no cell that a spreadsheet
# would run as a formula.
# Usage: tests/formats/csv.sh path/to/tenken      Ends with "csv tests: N passed, N failed".
set -u
TK=$(realpath "$1")
cd "$(dirname "$0")/../.."
ROOT=$PWD
HERE=$ROOT/tests/formats
FIX=$ROOT/rules/aws/tests/TK-AWS-S3-001
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
. tests/assert.sh

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
if head -n 1 "$T/ja.csv" | grep -q $'^\xef\xbb\xbf状態,重大度,レベル,類型,類型名,ガイドライン項番,ルールID,内容,リソース種別,リソース,ファイル,行,列,CIS,その他の基準,リスク,対処,理由,期限,フィンガープリント,担当,承認者\r$'; then ok; else bad "Japanese header: $(head -n 1 "$T/ja.csv")"; fi
if head -n 1 "$T/r.csv" | grep -q $'^\xef\xbb\xbfstatus,severity,level,category,.*,reason,expires,fingerprint,owner,approver\r$'; then ok; else bad "English header: $(head -n 1 "$T/r.csv")"; fi
python3 - "$T/r.csv" <<'PY' && ok || bad "without a configuration the owner and approver cells are empty"
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")))
assert len(rows) > 1 and all(r[20] == "" and r[21] == "" for r in rows[1:]), [r[20:] for r in rows[1:] if any(r[20:])]
PY
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
if has_row "$T/m.csv" "['input error', '', '', '', '', '', '', '', '', '', '$T/missing.json', '1', '1', '', '', '', '', 'cannot open: No such file or directory', '', '', '', '']"; then ok; else bad "error row: $(tail -1 "$T/rows")"; fi

# ---- policy controls: owners, waivers, expired exemptions ----
# Category 4.2 belongs to an owner whose name starts a formula; the waiver in force was
# approved by a formula; an expired waiver, a stale one and an expired inline suppression.
P=$T/policy
mkdir -p "$P/infra"
cat >"$P/.tenken.yaml" <<'YAML'
service-model: iaas
responsibility:
  default: {role: user, name: Platform team}
  "4.2": {role: sier, name: "@evil"}
YAML
cat >"$P/tenken-waivers.yaml" <<'YAML'
waivers:
  - rule: TK-AWS-SG-001
    resource: aws_security_group.web
    reason: bastion migration, "quoted"
    approver: "=cmd|' /C calc'!A0"
    created: 2026-01-01
    expires: 2099-12-31
  - rule: TK-AWS-S3-004
    resource: aws_s3_bucket.logs
    reason: TLS enforced by the proxy
    approver: CISO
    created: 2019-01-01
    expires: 2020-01-31
  - rule: TK-AWS-S3-001
    resource: aws_s3_bucket.removed
    reason: removed last year
    approver: CISO
    created: 2019-01-01
    expires: 2099-12-31
YAML
cat >"$P/infra/main.tf" <<'TF'
resource "aws_s3_bucket" "logs" {
  bucket = "acme-logs"
}
resource "aws_security_group" "web" {
  name = "web"
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
# tenken:ignore:TK-AWS-S3-001 public website bucket exp:2020-01-01
resource "aws_s3_bucket" "site" {
  bucket = "acme-site"
}
resource "aws_ebs_volume" "data" {
  availability_zone = "ap-northeast-1a"
  size              = 10
}
TF
pushd "$P" >/dev/null || exit 2
run "$TK" scan --no-scope-rules -f csv="$T/pol.csv" -f json="$T/pol.json" infra
expect_code 1 "policy scan"
check_csv "$T/pol.csv" "$T/pol.json" en "policy controls (English)"
run "$TK" scan --lang ja --no-scope-rules -f csv="$T/polja.csv" -f json="$T/polja.json" infra
check_csv "$T/polja.csv" "$T/polja.json" ja "policy controls (Japanese)"
run "$TK" scan --no-scope-rules --write-baseline base.json infra
run "$TK" scan --no-scope-rules --baseline base.json -f csv="$T/polb.csv" -f json="$T/polb.json" infra
check_csv "$T/polb.csv" "$T/polb.json" en "policy controls with a baseline"
popd >/dev/null || exit 2
python3 - "$T/polja.json" "$T/polb.csv" <<'PY' && ok || bad "the policy scan exercises waived, expired and not evaluated; the baseline leaves findings out"
import csv, json, sys
d = json.load(open(sys.argv[1]))
assert d["summary"]["waived"] == 1 and d["summary"]["exemptions_expired"] == 2 and d["not_evaluated"], d["summary"]
rows = list(csv.reader(open(sys.argv[2], encoding="utf-8-sig", newline="")))
assert sorted(r[0] for r in rows[1:]) == ["not evaluated", "waived"], [r[0] for r in rows]
PY
# columns: 0 status, 6 rule ID, 9 resource address, 17 reason, 18 expires, 20 owner, 21 approver
pick() { # CSV: prints status, rule, address, reason, expires, owner, approver of each row
    python3 -c 'import csv, sys
for r in list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")))[1:]:
    print([r[i] for i in (0, 6, 9, 17, 18, 20, 21)])' "$1" >"$T/picked"
}
pick "$T/pol.csv"
# (each expected row as Python prints it; the owner and approver cells start with an apostrophe)
WAIVED_ROW=$(cat <<'ROW'
['waived', 'TK-AWS-SG-001', 'aws_security_group.web', 'bastion migration, "quoted"', '2099-12-31', "'@evil (SIer)", "'=cmd|' /C calc'!A0"]
ROW
)
WAIVED_ROW_JA=$(cat <<'ROW'
['例外承認', 'TK-AWS-SG-001', 'aws_security_group.web', 'bastion migration, "quoted"', '2099-12-31', "'@evil（SIer）", "'=cmd|' /C calc'!A0"]
ROW
)
if grep -qxF -- "$WAIVED_ROW" "$T/picked"; then ok; else bad "waived row with reason, expiry, neutralised owner and approver: $(grep waived "$T/picked")"; fi
if grep -qxF "['finding (exemption expired)', 'TK-AWS-S3-004', 'aws_s3_bucket.logs', 'TLS enforced by the proxy', '2020-01-31', 'Platform team (user)', 'CISO']" "$T/picked"; then ok; else bad "expired waiver row: $(grep expired "$T/picked")"; fi
if grep -qxF "['finding (exemption expired)', 'TK-AWS-S3-001', 'aws_s3_bucket.site', 'public website bucket', '2020-01-01', 'Platform team (user)', '']" "$T/picked"; then ok; else bad "expired suppression row: $(grep expired "$T/picked")"; fi
if grep -qxF "['finding', 'TK-AWS-S3-001', 'aws_s3_bucket.logs', '', '', 'Platform team (user)', '']" "$T/picked"; then ok; else bad "plain finding row with its owner: $(grep "'finding'" "$T/picked" | head -2)"; fi
if grep -qxF "['not evaluated', 'TK-AWS-EC2-002', 'aws_ebs_volume.data', 'encrypted', '', 'Platform team (user)', '']" "$T/picked"; then ok; else bad "not evaluated row with its owner: $(grep 'not evaluated' "$T/picked")"; fi
if [ "$(grep -c "^\['finding (exemption expired)'" "$T/picked")" = 2 ]; then ok; else bad "exactly the two findings with lapsed exemptions are marked"; fi
pick "$T/polja.csv"
if grep -qxF -- "$WAIVED_ROW_JA" "$T/picked" &&
    grep -qxF "['指摘（例外の期限切れ）', 'TK-AWS-S3-004', 'aws_s3_bucket.logs', 'TLS enforced by the proxy', '2020-01-31', 'Platform team（利用者）', 'CISO']" "$T/picked"; then ok; else bad "Japanese status and owner words: $(head -3 "$T/picked")"; fi
if grep -q ',=cmd\|,"=cmd\|,@evil\|,"@evil' "$T/pol.csv" "$T/polja.csv"; then bad "a raw formula in the owner or approver"; else ok; fi

# ---- standard output, determinism, a larger scan ----
run "$TK" scan -f csv "${INPUTS[@]}"
cmp -s "$T/out" "$T/r.csv" && ok || bad "standard output and FORMAT=FILE differ (or two runs differ)"
python3 "$ROOT/bench/gen_manifests.py" k8s "$T/big.yaml" 300 >/dev/null 2>&1
run "$TK" scan -f csv="$T/b.csv" -f json="$T/b.json" "$T/big.yaml"
check_csv "$T/b.csv" "$T/b.json" en "300 generated manifests"

echo "csv tests: $pass passed, $fail failed"
[ "$fail" = 0 ]
