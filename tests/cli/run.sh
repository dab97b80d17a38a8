#!/usr/bin/env bash
# Command-line behaviour of the tenken binary: exit statuses, bad inputs, atomic output,
# languages, colour, standard input and the rules listing.
# Usage: tests/cli/run.sh path/to/tenken      Ends with "N passed, N failed".
set -u
TK=$(realpath "$1")
cd "$(dirname "$0")/../.."
ROOT=$PWD
CORPUS=$ROOT/tests/corpus/tfplan
FIX=$ROOT/rules/aws/tests/TK-AWS-S3-001
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
. tests/assert.sh

# ---- basics ----
run "$TK" --version; expect_code 0 "--version"; expect_in out "tenken " "--version prints the name"
run "$TK"; expect_code 2 "no command"
run "$TK" frobnicate; expect_code 2 "unknown command"; expect_in err "unknown command" "unknown command message"
run "$TK" help; expect_code 0 "help"; expect_in out "scan" "help lists scan"
run "$TK" scan; expect_code 2 "scan without input"
run "$TK" scan --format xml "$FIX/fail.plan.json"; expect_code 2 "bad --format"
run "$TK" scan --bogus "$FIX/fail.plan.json"; expect_code 2 "unknown option"
run "$TK" scan --rule TK-NOPE-X-001 "$FIX/fail.plan.json"; expect_code 2 "unknown --rule id"
run "$TK" scan --help; expect_code 0 "scan --help"; expect_in out "--fail-on" "scan --help documents --fail-on"

# ---- exit status and --fail-on ----
run "$TK" scan "$FIX/fail.plan.json"; expect_code 1 "findings give exit 1"
expect_in out "TK-AWS-S3-001" "finding listed"
expect_in out "aws_s3_bucket.no_block" "finding address"
run "$TK" scan --rule TK-AWS-S3-001 "$FIX/pass.plan.json"; expect_code 0 "clean input gives exit 0"
run "$TK" scan --rule TK-AWS-S3-001 --fail-on critical "$FIX/fail.plan.json"; expect_code 0 "high findings under --fail-on critical"
run "$TK" scan --rule TK-AWS-S3-001 --fail-on high "$FIX/fail.plan.json"; expect_code 1 "high findings at --fail-on high"
run "$TK" scan --fail-on none "$FIX/fail.plan.json"; expect_code 0 "--fail-on none"
run "$TK" scan --skip-rule TK-AWS-S3-001 -f json "$FIX/fail.plan.json"
expect_not_in out '"rule_id": "TK-AWS-S3-001"' "--skip-rule removes the rule"

run "$TK" scan -f json --no-scope-rules "$FIX/fail.plan.json"
expect_not_in out '"address": "scope:aws"' "--no-scope-rules"
run "$TK" scan -f json "$FIX/fail.plan.json"
expect_in out '"address": "scope:aws"' "scope rules run by default"

# ---- quiet, stdin ----
run "$TK" scan -q --rule TK-AWS-S3-001 "$FIX/fail.plan.json"
if grep -qE '^[^:]+\.plan\.json:[0-9]+:[0-9]+: HIGH TK-AWS-S3-001 aws_s3_bucket\.' <<<"$out"; then ok; else bad "quiet line format: $out"; fi
run bash -c "\"$TK\" scan -q --rule TK-AWS-S3-001 - < \"$FIX/fail.plan.json\""
expect_code 1 "stdin scan"; expect_in out "-:1:" "stdin findings are reported against '-'"

# ---- JSON contract ----
run "$TK" scan -f json "$FIX/fail.plan.json"
expect_code 1 "json exit"
if python3 - "$T/out" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
for k in ["tool", "inputs", "findings", "not_evaluated", "errors", "summary"]:
    assert k in d, k
f = [x for x in d["findings"] if x["rule_id"] == "TK-AWS-S3-001"]
assert len(f) == 2, f
x = f[0]
for k in ["rule_id", "category", "guideline", "cis", "severity", "level", "resource", "location", "message", "fingerprint"]:
    assert k in x, k
assert x["category"] == "3" and x["level"] == "basic" and x["severity"] == "high"
assert set(x["resource"]) == {"family", "type", "address"} and x["resource"]["family"] == "terraform"
assert x["location"]["line"] >= 1 and x["location"]["column"] >= 1
assert x["message"]["ja"] and x["message"]["en"]
assert len(x["fingerprint"]) == 16
s = d["summary"]
assert s["findings"] == len(d["findings"])
assert sum(s["by_severity"].values()) == s["findings"] and sum(s["by_category"].values()) == s["findings"]
assert s["resources"] >= 3
PY
then ok; else bad "JSON report does not follow the contract"; fi

# ---- languages ----
run "$TK" scan --lang ja "$FIX/fail.plan.json"; expect_in out "類型 3 オブジェクトストレージ" "--lang ja"
run env LC_ALL= LC_MESSAGES= LANG=ja_JP.UTF-8 "$TK" scan "$FIX/fail.plan.json"; expect_in out "設定不備" "LANG=ja_JP"
run env LC_ALL=C LANG=ja_JP.UTF-8 "$TK" scan "$FIX/fail.plan.json"; expect_in out "Result:" "LC_ALL overrides LANG"
run env LC_ALL= LANG=ja_JP.UTF-8 "$TK" scan --lang en "$FIX/fail.plan.json"; expect_in out "Result:" "--lang overrides the environment"
run "$TK" scan --lang fr "$FIX/fail.plan.json"; expect_code 2 "unknown --lang"
run env LANG=ja_JP.UTF-8 "$TK" scan --help; expect_in out "使い方" "Japanese help"

# ---- colour ----
run "$TK" scan "$FIX/fail.plan.json"; expect_not_in out $'\033[' "no colour when not a terminal"
run "$TK" scan --color always "$FIX/fail.plan.json"; expect_in out $'\033[' "--color always"
if command -v script >/dev/null; then
    script -qec "\"$TK\" scan \"$FIX/fail.plan.json\"" /dev/null >"$T/tty" 2>&1
    if grep -q $'\033\[' "$T/tty"; then ok; else bad "colour on a terminal"; fi
    NO_COLOR=1 script -qec "\"$TK\" scan \"$FIX/fail.plan.json\"" /dev/null >"$T/tty" 2>&1
    if grep -q $'\033\[' "$T/tty"; then bad "NO_COLOR ignored on a terminal"; else ok; fi
fi

# Input-derived text cannot drive the terminal: control characters and bidirectional
# overrides in an address are shown escaped, in every text form.
sed 's/aws_s3_bucket\.no_block/aws_s3_bucket.no_block[\\"\\u001b]0;pwned\\u0007\\u202e\\u009b\\"]/g' \
    "$FIX/fail.plan.json" >"$T/ctl.json"
for mode in "" -q --show-not-evaluated; do
    run "$TK" scan $mode --rule TK-AWS-S3-001 "$T/ctl.json"
    expect_in out 'no_block["\x1b]0;pwned\x07\u{202e}\x9b"]' "control characters escaped ($mode)"
    if grep -q $'[\x01-\x08\x0b-\x1f\x7f]' "$T/out"; then bad "raw control byte in text output ($mode)"; else ok; fi
done
run "$TK" scan -f json --rule TK-AWS-S3-001 "$T/ctl.json"
expect_in out 'no_block[\"\u001b]0;pwned\u0007' "JSON escapes control characters"

# Bytes that are not UTF-8 (here in a file name) become U+FFFD: the JSON stays UTF-8.
BADNAME="$T/bad$(printf '\377')name.json"
cp "$FIX/fail.plan.json" "$BADNAME"
run "$TK" scan -f json "$BADNAME"
if "$TK" scan -f json "$BADNAME" | python3 -c 'import sys,json; d=json.loads(sys.stdin.buffer.read().decode("utf-8")); assert "\ufffd" in d["inputs"][0]["path"]'; then ok; else bad "JSON report is valid UTF-8 when a path is not"; fi

# ---- output file ----
mkdir "$T/o"
run "$TK" scan -f json -o "$T/o/report.json" "$FIX/fail.plan.json"
expect_code 1 "--output exit"
if [ -s "$T/o/report.json" ] && python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$T/o/report.json"; then ok; else bad "--output writes a complete JSON file"; fi
if [ "$(ls -A "$T/o")" = "report.json" ]; then ok; else bad "temporary files left: $(ls -A "$T/o")"; fi
[ -z "$out" ] && ok || bad "--output still wrote to stdout"
# Several formats from one scan: FORMAT=FILE, at most one on standard output.
mkdir "$T/multi"
run "$TK" scan -f json="$T/multi/r.json" -f text --color never "$FIX/fail.plan.json"
expect_code 1 "two formats, exit status as for one"
expect_in out "TK-AWS-S3-001" "the format without a file goes to stdout"
if python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["summary"]["findings"] > 0' "$T/multi/r.json"; then ok; else bad "FORMAT=FILE writes a complete report"; fi
run "$TK" scan -f text -o "$T/multi/r.txt" -f json="$T/multi/r2.json" "$FIX/fail.plan.json"
if [ -s "$T/multi/r.txt" ] && [ -s "$T/multi/r2.json" ] && [ -z "$out" ]; then ok; else bad "-o takes the format without a file"; fi
if [ "$(ls -A "$T/multi" | tr '\n' ' ')" = "r.json r.txt r2.json " ]; then ok; else bad "only the reports are left: $(ls -A "$T/multi")"; fi
run "$TK" scan -f json -f text "$FIX/fail.plan.json"; expect_code 2 "two formats on stdout"
expect_in err "only one format can go to standard output" "and why"
run "$TK" scan -f json="$T/multi/x" -f text="$T/multi/x" "$FIX/fail.plan.json"; expect_code 2 "two formats, one file"
expect_in err "two formats would be written to" "and why"
run "$TK" scan -f json -f text -o "$T/multi/y" "$FIX/fail.plan.json"; expect_code 2 "-o with two formats without a file"
run "$TK" scan -f yaml "$FIX/fail.plan.json"; expect_code 2 "unknown format"
expect_in err "--format must be one of" "unknown format message"
run "$TK" scan -f json= "$FIX/fail.plan.json"; expect_code 2 "empty file name"
[ ! -e "$T/multi/x" ] && [ ! -e "$T/multi/y" ] && ok || bad "a usage error writes no report"

# ---- bad inputs: one line file:line:col, exit 2, no output file ----
printf '{"format_version":"1.0","planned_values":{"root_module":{"resources":[' >"$T/truncated.json"
printf '{"format_version":"1.0","values":{"x":"\xff\xfe"}}' >"$T/badutf8.json"
printf '{"format_version":"1.0","planned_values":{"root_module":{"resources":{"a":1}}}}' >"$T/wrongtype.json"
python3 -c 'import sys; sys.stdout.write("["*100000 + "]"*100000)' >"$T/deep.json"
: >"$T/empty.json"
head -c 4096 "$TK" >"$T/binary.json"
printf 'resource "aws_s3_bucket" "b" {}\n' >"$T/notjson.json"
for f in truncated badutf8 wrongtype deep empty binary notjson; do
    rm -f "$T/o/bad.json"
    run "$TK" scan -f json -o "$T/o/bad.json" "$T/$f.json"
    expect_code 2 "bad input $f"
    lines=$(printf '%s\n' "$err" | grep -c .)
    if [ "$lines" = 1 ] && grep -qE "^$T/$f\.json:[0-9]+:[0-9]+: .{10,}" <<<"$err"; then ok; else bad "bad input $f: stderr is not one file:line:col line: $err"; fi
    [ -e "$T/o/bad.json" ] && bad "bad input $f left an output file" || ok
done
run "$TK" scan "$T/deep.json"; expect_in err "nesting deeper than 256" "depth limit named"
run "$TK" scan --max-depth 200000 "$T/deep.json"; expect_code 2 "depth limit is bounded"
run "$TK" scan "$T/truncated.json"; expect_in err "truncated.json:1:" "truncation position"
run "$TK" scan "$T/nonexistent.json"; expect_code 2 "missing file"
run "$TK" scan "$T/o"; expect_code 2 "directory without Terraform files"; expect_in err "no Terraform files" "directory message"
run "$TK" scan --max-input-size 100 "$FIX/fail.plan.json"; expect_code 2 "size limit"
expect_in err "limit" "size limit message"
run timeout 10 "$TK" scan /dev/zero; expect_code 2 "endless device input is cut at the size limit"

# ---- good and bad inputs together ----
run "$TK" scan "$T/truncated.json" "$FIX/fail.plan.json"
expect_code 2 "mixed inputs exit 2"
expect_in out "aws_s3_bucket.no_block" "the good input is still reported"
expect_in err "truncated.json:1:" "the bad input is reported"
run "$TK" scan -f json -o "$T/o/mixed.json" "$T/truncated.json" "$FIX/fail.plan.json"
if python3 - "$T/o/mixed.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert len(d["errors"]) == 1 and d["errors"][0]["line"] == 1
assert any(f["resource"]["address"] == "aws_s3_bucket.no_block" for f in d["findings"])
PY
then ok; else bad "mixed report keeps findings and errors"; fi

# ---- the whole plan corpus ----
for f in "$CORPUS"/*.json; do
    run "$TK" scan -f json "$f"
    if [ "$code" = 0 ] || [ "$code" = 1 ]; then ok; else bad "corpus $(basename "$f"): exit $code: $err"; fi
done
run "$TK" scan -f json "$CORPUS/plan_corrupted-tfplan.json"
expect_in out '"kind": "state"' "state-shaped file read as state"
run "$TK" scan -q "$CORPUS/plan_encodings_tfplan_win_utf16.json"
expect_in out "plan_encodings_tfplan_win_utf16.json:7:9:" "UTF-16 input positions"

# ---- rules listing ----
run "$TK" rules; expect_code 0 "rules"; expect_in out "TK-AWS-S3-001" "rules lists S3-001"
run "$TK" rules --category 3 --format json
if python3 -c 'import json,sys; d=json.load(sys.stdin); assert d and all(r["category"]=="3" for r in d); assert all(r["title"]["ja"] and r["title"]["en"] for r in d)' <<<"$out"; then ok; else bad "rules --category --format json"; fi
run "$TK" rules --level recommended --format json
if python3 -c 'import json,sys; d=json.load(sys.stdin); assert all(r["level"]=="recommended" for r in d)' <<<"$out"; then ok; else bad "rules --level"; fi
run "$TK" rules --provider nosuch; expect_in out "0 rules" "rules --provider filter"
run "$TK" rules --category 9; expect_code 2 "unknown category"
run "$TK" rules --lang ja; expect_in out "件のルール" "Japanese rules listing"

# ---- extra rule directories ----
mkdir -p "$T/r"
cat >"$T/r/bad.rule" <<'EOF'
id: TK-TEST-X-001
provider: aws
category: "3"
guideline: [Ⅲ.3.1.1]
severity: high
level: basic
title: {ja: テスト, en: test}
rationale: {ja: テスト, en: test}
risk: {ja: テスト, en: test}
remediation: {ja: テスト, en: test}
match:
  - family: terraform
    resource: aws_s3_bucket
    assert: bucket == == 1
EOF
run "$TK" scan --rules "$T/r" "$FIX/fail.plan.json"; expect_code 2 "malformed extra rule"
if grep -qE "bad\.rule:14:[0-9]+: in assert" <<<"$err"; then ok; else bad "malformed rule position: $err"; fi
sed -i 's/bucket == == 1/bucket != "tenken-fixture-no-block"/' "$T/r/bad.rule"
run "$TK" scan --no-builtin-rules --rules "$T/r" -q "$FIX/fail.plan.json"
expect_code 1 "custom rule from --rules"; expect_in out "TK-TEST-X-001 aws_s3_bucket.no_block" "custom rule finding"
expect_not_in out "HIGH TK-AWS-S3-001" "--no-builtin-rules"

# ---- Terraform source ----
S="$T/src"
mkdir -p "$S/app" "$S/modules/bucket" "$S/other" "$T/outside"
cat > "$S/app/main.tf" <<'TF'
variable "env" {}
module "logs" {
  source = "../modules/bucket"
  name   = "logs-${var.env}"
}
module "escape" {
  source = "./link"
}
resource "aws_s3_bucket" "app" {
  bucket = "app-${var.env}"
}
TF
cat > "$S/modules/bucket/main.tf" <<'TF'
variable "name" {}
# tenken:ignore:TK-AWS-S3-006 logs are written once and never changed exp:2999-12-31
resource "aws_s3_bucket" "this" {
  bucket = var.name
}
TF
cat > "$S/other/main.tf" <<'TF'
resource "aws_ebs_volume" "v" {
  availability_zone = "ap-northeast-1a"
  size              = 10
  encrypted         = false
}
TF
printf 'resource "aws_s3_bucket" "secret" {\n  bucket = "s"\n}\n' > "$T/outside/main.tf"
ln -s "$T/outside" "$S/app/link"
run "$TK" scan -q --no-scope-rules "$S"
expect_code 1 "source tree findings"
expect_in out "$S/app/main.tf:9:1: " "root module finding with file:line:col"
expect_in out "TK-AWS-S3-001 module.logs.aws_s3_bucket.this" "module resource address"
expect_in out "$S/other/main.tf:4:3: " "finding points at the attribute"
expect_in out "TK-AWS-EC2-002 aws_ebs_volume.v" "second root module"
expect_not_in out "aws_s3_bucket.secret" "module behind a symbolic link outside the tree is not read"
expect_in err "leads outside the scanned directory" "symbolic link escape reported"
expect_not_in out "TK-AWS-S3-006 module.logs" "suppressed finding left out"
run "$TK" scan -f json --no-scope-rules "$S"
expect_in out '"suppressed": [' "suppressed findings listed"
expect_in out '"reason": "logs are written once and never changed"' "suppression reason kept"
expect_in out '"module_calls": [' "module call sites in locations"
expect_in out '"kind": "source"' "input kind source"
run "$TK" scan -f json --no-scope-rules --rule TK-AWS-S3-001 --var env=prod "$S/app"
expect_not_in out '"address": "module.logs.aws_s3_bucket.this"' "a module outside the scanned directory is not read"
expect_in out "leads outside the scanned directory" "module outside reported in the JSON warnings"
run "$TK" scan -f json --no-scope-rules --rule TK-AWS-S3-001 --var env=prod --root "$S" "$S/app"
expect_in out '"address": "module.logs.aws_s3_bucket.this"' "--root lets modules beside the input be read"
expect_in out '"file": "'"$S"'/modules/bucket/main.tf"' "module file named under --root"
run bash -c "cd '$S' && '$TK' scan -q --no-scope-rules --rule TK-AWS-S3-001 app"
expect_in out "modules/bucket/main.tf:3:1: " "inside the current directory, modules beside the input are read"
run "$TK" scan --root "$S/other" "$S/app"; expect_code 2 "input outside --root"
printf 'env = "stage"\n' > "$T/vars.tfvars"
run "$TK" scan -f json --no-scope-rules --var-file "$T/vars.tfvars" "$S/app/main.tf"
expect_code 1 "single .tf file"
expect_in out "\"path\": \"$S/app/main.tf\"" "single file input named as given"
printf 'resource "aws_s3_bucket" "b" {\n  bucket = [1,\n}\n' > "$S/other/broken.tf"
run "$TK" scan "$S/other"
expect_code 2 "syntax error in source"
expect_in err "$S/other/broken.tf:3:1: " "syntax error has file:line:col"
rm -f "$S/other/broken.tf"
run "$TK" scan --no-scope-rules "$S/modules/bucket"
expect_code 1 "a module scanned on its own"

# ---- Kubernetes manifests and CloudFormation templates ----
M=$ROOT/tests/cli/manifests
MR=(--rules "$M/rules" --no-builtin-rules)
run "$TK" scan -q "${MR[@]}" "$M/app.yaml"
expect_code 1 "manifest stream with findings"
expect_in out "app.yaml:19:25: HIGH TK-TEST-K8S-001 Deployment/shop/web" "privileged container found at its line"
expect_in out "TK-TEST-K8S-002 Namespace/default" "implied default namespace without a NetworkPolicy"
expect_not_in out "Namespace/shop" "namespace with a NetworkPolicy passes"
expect_not_in out "CronJob/default/report" "annotation suppresses the init container finding"
run bash -c "cat '$M/app.yaml' | '$TK' scan -q --rules '$M/rules' --no-builtin-rules -"
expect_code 1 "manifests from standard input"
expect_in out "-:19:25: HIGH TK-TEST-K8S-001 Deployment/shop/web" "stdin stream findings"
run "$TK" scan -f json "${MR[@]}" "$M/app.yaml"
expect_in out '"family": "kubernetes"' "JSON names the family"
expect_in out '"kind": "manifest"' "JSON names the input kind"
expect_in out '"reason": "the report needs raw devices"' "JSON lists the suppressed finding"
expect_in out '"expires": "2999-12-31"' "suppression expiry in JSON"
run "$TK" scan -q "${MR[@]}" "$M/list.json"
expect_in out "TK-TEST-K8S-001 Pod/ops/debug" "kubectl List items are scanned"
run "$TK" scan -q --show-not-evaluated "${MR[@]}" "$M/template.yaml"
expect_code 1 "template with findings"
expect_in out "template.yaml:13:5: MEDIUM TK-TEST-CFN-001 Logs" "CloudFormation finding at the resource"
expect_not_in out "Versioned" "compliant bucket passes"
expect_not_in out " Website" "Metadata suppression applies"
expect_in out "Archive" "resource with an unknown Condition is listed as not evaluated"
expect_in out "Condition (not known" "the reason names the Condition"
run "$TK" scan -q --show-not-evaluated --var Env=prod --var Retention=30 "${MR[@]}" "$M/template.yaml"
expect_code 1 "--var gives CloudFormation parameters"
expect_in out "MEDIUM TK-TEST-CFN-001 Archive" "a known Condition turns not evaluated into a finding"
expect_not_in out "Not evaluated" "nothing left unevaluated"
expect_not_in out " Logs:" "Env=prod enables versioning through !If"
run "$TK" scan -v "${MR[@]}" "$M/template.yaml"
expect_in out "Status: Enabled" "verbose report shows the example for the finding's family"
expect_not_in out 'status = "Enabled"' "and not the example of another family"
# A directory: manifests and templates are found, other YAML and JSON passed over.
mkdir -p "$T/repo/chart/templates" "$T/repo/ci"
cp "$M/app.yaml" "$M/template.yaml" "$T/repo/"
printf '{"name": "web", "version": "1.0.0"}\n' > "$T/repo/package.json"
printf 'on: push\njobs: {build: {runs-on: x}}\n' > "$T/repo/ci/workflow.yml"
printf 'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Release.Name }}\n  labels: {{- include "x" . | nindent 4 }}\n' > "$T/repo/chart/templates/svc.yaml"
run "$TK" scan -q "${MR[@]}" "$T/repo"
expect_code 1 "directory with manifests and a template"
expect_in out "repo/app.yaml:19:25" "manifest found in the directory"
expect_in out "repo/template.yaml:13:5" "template found in the directory"
expect_in err "svc.yaml" "unrendered chart template is named"
expect_in err "render the chart" "and skipped with a warning"
expect_not_in err "package.json" "other JSON is passed over quietly"
run "$TK" scan -f json "${MR[@]}" "$T/repo"
expect_not_in out "workflow.yml" "other YAML is not an input"
mkdir -p "$T/empty/sub" && printf 'a: 1\n' > "$T/empty/sub/x.yaml"
run "$TK" scan "$T/empty"; expect_code 2 "directory with nothing to scan"
expect_in err "nothing to scan here" "and says so"
# Bad YAML: one line file:line:col, exit 2.
printf 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  name: b\n' > "$T/dup.yaml"
run "$TK" scan "$T/dup.yaml"; expect_code 2 "duplicate key"
expect_in err "$T/dup.yaml:5:3: " "duplicate key position"
printf 'apiVersion: v1\nkind: Pod\nmetadata:\n\tname: a\n' > "$T/tab.yaml"
run "$TK" scan "$T/tab.yaml"; expect_code 2 "tab indentation"
expect_in err "$T/tab.yaml:4:" "tab position"; expect_in err "tab" "tab named"
{ printf 'a: &a ["x","x","x","x","x","x","x","x","x","x"]\n'
  for i in b c d e f g h i j; do p=$(printf '%s' a b c d e f g h i j | sed "s/$i.*//" | tail -c 1); printf '%s: &%s [*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s]\n' $i $i $p $p $p $p $p $p $p $p $p $p; done; } > "$T/laughs.yaml"
run timeout 10 "$TK" scan "$T/laughs.yaml"; expect_code 2 "billion laughs is an error"
expect_in err "alias" "alias expansion limit named"
printf 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: &d {a: "1", b: "2", c: "3"}\nx: [*d, *d, *d]\n' > "$T/alias.yaml"
run "$TK" scan --max-alias-nodes 6 "$T/alias.yaml"; expect_code 2 "alias limit from the command line"
expect_in err "$T/alias.yaml:5:" "alias limit error points at the alias"
run "$TK" scan --fail-on none --max-alias-nodes 100 "$T/alias.yaml"; expect_code 0 "a higher alias limit lets it through"
run "$TK" scan --max-alias-nodes x "$T/alias.yaml"; expect_code 2 "bad alias limit is a usage error"
printf 'services:\n  web: {image: nginx}\n' > "$T/compose.yaml"
run "$TK" scan "$T/compose.yaml"; expect_code 2 "YAML that is no known input"
expect_in err "$T/compose.yaml:1:1: not an input tenken reads" "unknown YAML message"
printf 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  B:\n    Properties: {}\n' > "$T/notype.yaml"
run "$TK" scan "$T/notype.yaml"; expect_code 2 "resource without a Type"
expect_in err "$T/notype.yaml:4:5: a resource needs a Type" "template error position"

# ---- configuration file (.tenken.yaml) ----
mkdir -p "$T/proj/infra/deep"
cp examples/kubernetes/shop.yaml "$T/proj/infra/deep/"
cat >"$T/proj/.tenken.yaml" <<'CFG'
profile: basic
fail-on: critical
categories:
  disable: ["4.2"]
rules:
  disable: [TK-K8S-IMG-001]
CFG
count() { python3 -c 'import json,sys; d=json.load(sys.stdin); s=d["summary"]; ids={f["rule_id"] for f in d["findings"]}; print(s["by_level"]["recommended"], s["by_category"]["4.2"], int("TK-K8S-IMG-001" in ids), s["by_severity"]["critical"])'; }
run "$TK" scan -f json "$T/proj/infra/deep/shop.yaml"
[ "$(count <<<"$out")" = "0 0 0 2" ] && ok || bad "config in a parent directory: profile, categories, rules applied ($(count <<<"$out"))"
expect_code 1 "fail-on from the config (critical findings)"
run "$TK" scan -f json --no-config "$T/proj/infra/deep/shop.yaml"
[ "$(count <<<"$out" | cut -d' ' -f1)" != 0 ] && ok || bad "--no-config ignores the file"
run "$TK" scan -f json --profile recommended --fail-on none "$T/proj/infra/deep/shop.yaml"
[ "$(count <<<"$out" | cut -d' ' -f1)" != 0 ] && ok || bad "--profile overrides the config"
expect_code 0 "--fail-on overrides the config"
printf 'profil: basic\n' >"$T/proj/bad1.yaml"
run "$TK" scan --config "$T/proj/bad1.yaml" "$T/proj/infra"; expect_code 2 "unknown key in the config"
expect_in err "$T/proj/bad1.yaml:1:" "config error has file:line"; expect_in err "unknown key 'profil'" "and names the key"
printf 'rules:\n  disable: [TK-NOPE]\n' >"$T/proj/bad2.yaml"
run "$TK" scan --config "$T/proj/bad2.yaml" "$T/proj/infra"; expect_code 2 "unknown rule in the config"
expect_in err "$T/proj/bad2.yaml:2:13: no rule with id 'TK-NOPE'" "unknown rule position"
printf 'limits:\n  max-depth: many\n' >"$T/proj/bad3.yaml"
run "$TK" scan --config "$T/proj/bad3.yaml" "$T/proj/infra"; expect_code 2 "wrong type in the config"
expect_in err "$T/proj/bad3.yaml:2:14: max-depth must be a whole number" "wrong type position"
printf 'categories:\n  enable: ["4.3"]\n' >"$T/proj/bad4.yaml"
run "$TK" scan --config "$T/proj/bad4.yaml" "$T/proj/infra"; expect_code 2 "unknown category"
expect_in err "is not a category of the guideline" "unknown category message"
printf 'limits: {max-alias-nodes: 3}\n' >"$T/proj/lim.yaml"
run "$TK" scan --config "$T/proj/lim.yaml" "$T/alias.yaml"; expect_code 2 "limits from the config"
run "$TK" scan --config "$T/proj/nothere.yaml" "$T/proj/infra"; expect_code 2 "missing --config file"
printf 'responsibility:\n  "6.4": {role: vendor}\n' >"$T/proj/bad5.yaml"
run "$TK" scan --config "$T/proj/bad5.yaml" "$T/proj/infra"; expect_code 2 "unknown role"
expect_in err "$T/proj/bad5.yaml:2:" "unknown role position"; expect_in err "role must be user, sier or provider" "unknown role message"
printf 'responsibility:\n  "9": user\n' >"$T/proj/bad6.yaml"
run "$TK" scan --config "$T/proj/bad6.yaml" "$T/proj/infra"; expect_code 2 "responsibility for an unknown category"
expect_in err "'9' is not a category of the guideline" "unknown category in responsibility"
printf 'waivers: missing-waivers.yaml\n' >"$T/proj/bad7.yaml"
run "$TK" scan --config "$T/proj/bad7.yaml" "$T/proj/infra"; expect_code 2 "a waivers file the configuration names must exist"
expect_in err "$T/proj/missing-waivers.yaml:1:1: cannot open" "and the error names it"
run "$TK" scan --profile all "$T/proj/infra"; expect_code 2 "bad --profile"
expect_in err "--profile must be basic or recommended" "bad --profile message"
mkdir -p "$T/proj/infra/vendor"
cp examples/cloudformation/webapp.yaml "$T/proj/infra/vendor/"
printf 'exclude: ["infra/vendor/"]\n' >"$T/proj/ex1.yaml"
printf 'exclude: ["*/vendor/*.yaml"]\n' >"$T/proj/ex2.yaml"
run "$TK" scan -q --no-config --fail-on none "$T/proj/infra"
expect_in out "vendor/webapp.yaml" "without exclusions the vendored template is scanned"
for x in ex1 ex2; do
    run "$TK" scan -q --config "$T/proj/$x.yaml" --fail-on none "$T/proj/infra"
    expect_not_in out "vendor/webapp.yaml" "exclude ($x) leaves the path out"
    expect_in out "deep/shop.yaml" "and scans the rest ($x)"
done

# tenken config check: validates and prints what is in force.
printf 'service-model: saas\nresponsibility:\n  "4.2": {role: sier, name: Example Systems}\n' >>"$T/proj/.tenken.yaml"
run "$TK" config check --lang en "$T/proj/infra/deep"
expect_code 0 "config check of a valid file"
expect_in out "$T/proj/.tenken.yaml: valid" "names the file found"
expect_in out "profile               basic" "shows the profile"
expect_in out "Example Systems (SIer)" "shows a named owner"
expect_in out "Identity and access management (IAM) user" "SaaS: accounts stay with the user"
expect_in out "Databases                          provider" "SaaS: the rest is the provider's"
expect_in out "(not checked)" "disabled categories are marked"
run "$TK" config check --config "$T/proj/bad2.yaml"; expect_code 2 "config check finds an unknown rule"
expect_in err "bad2.yaml:2:13: no rule with id" "with its position"
run "$TK" config check "$T/nonexistent"; expect_code 2 "config check of a missing path"
mkdir -p "$T/noconf"
run "$TK" config check "$T/noconf"; expect_code 0 "no configuration file is fine"

# ---- the TerraGoat corpus (deliberately insecure Terraform source) ----
run "$TK" scan -q "$CORPUS/../terragoat"
expect_code 1 "TerraGoat scans with findings"
expect_not_in err "syntax" "TerraGoat parses"
run "$TK" scan -q --no-scope-rules "$CORPUS/../terragoat/terraform/aws"
expect_in out "TK-AWS-EC2-006 aws_instance.web_host" "plain-text AWS key in user_data found in source"
expect_in out "TK-AWS-SG-001 aws_security_group.web-node" "SSH open to the world"
expect_in out "TK-AWS-S3-001 aws_s3_bucket.data" "bucket without a public access block"
expect_in out "TK-AWS-KMS-001 aws_kms_key.logs_key" "KMS key without rotation"
expect_in out "TK-AWS-LMB-003 aws_lambda_function.analysis_lambda" "secrets in Lambda environment"

echo "cli tests: $pass passed, $fail failed"
[ "$fail" = 0 ]
