#!/usr/bin/env bash
# SARIF report: each scan's SARIF is validated against the published SARIF 2.1.0 schema
# (python3-jsonschema) and with Microsoft's SARIF validator (both from the npm package
# @microsoft/sarif-multitool-linux 5.7.0, fetched by tools/fetch-sarif-validator.sh), then
# compared with the JSON report of the same scan (tests/formats/sarif_check.py).
# Usage: tests/formats/sarif.sh path/to/tenken      Ends with "sarif tests: N passed, N failed".
set -u
TK=$(realpath "$1")
cd "$(dirname "$0")/../.."
ROOT=$PWD
CHECK=$ROOT/tests/formats/sarif_check.py
FIX=$ROOT/rules/aws/tests/TK-AWS-S3-001
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
# The validator is a self-contained .NET program; it needs no ICU in invariant mode.
export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1
PY=/usr/bin/python3 # Debian's, with python3-jsonschema (make deps)
. tests/assert.sh

# ---- the validator: fetched once; failing to get it fails the test ----
VALIDATOR=
SCHEMA=
if fetched=$("$ROOT/tools/fetch-sarif-validator.sh" 2>"$T/fetch.err"); then
    VALIDATOR=$fetched/Sarif.Multitool
    SCHEMA=$fetched/sarif-2.1.0.json
    ok
else
    bad "cannot obtain the SARIF validator: $(tail -n 3 "$T/fetch.err")"
fi
if "$PY" -c 'import jsonschema' 2>/dev/null; then ok; else bad "python3 has no jsonschema module"; fi

# ---- fixtures ----
# Terraform source: a root module calling a local module (with an inline suppression that
# expires) and a module outside the directory the scan runs in (a warning).
W=$T/work
mkdir -p "$W/src/app" "$W/src/modules/bucket" "$T/outside"
cat >"$W/src/app/main.tf" <<'TF'
variable "env" {
  default = "prod"
}
module "logs" {
  source = "../modules/bucket"
  name   = "logs-${var.env}"
}
module "outside" {
  source = "../../../outside"
}
resource "aws_s3_bucket" "app" {
  bucket = "app-${var.env}"
}
TF
cat >"$W/src/modules/bucket/main.tf" <<'TF'
variable "name" {}
# tenken:ignore:TK-AWS-S3-006 logs are written once & never <changed> exp:2999-12-31
resource "aws_s3_bucket" "this" {
  bucket = var.name
}
TF
printf 'resource "aws_s3_bucket" "far" {\n  bucket = "far"\n}\n' >"$T/outside/main.tf"
# A path with a space, '#', '%' and Japanese characters.
ODD_DIR="$W/dir with space"
ODD_NAME="計画 #1%.json"
mkdir -p "$ODD_DIR"
cp "$FIX/fail.plan.json" "$ODD_DIR/$ODD_NAME"
ODD_URI="dir%20with%20space/%E8%A8%88%E7%94%BB%20%231%25.json"
# An input that cannot be read (truncated JSON), next to a good one.
printf '{"format_version":"1.0","planned_values":{"root_module":{"resources":[' >"$W/truncated.json"
cp "$FIX/fail.plan.json" "$W/good.plan.json"

# Policy controls: a configuration declaring who is responsible (category 4.2 the SIer's,
# the rest the user's); a waivers file with a waiver in force, an expired one and one that
# matches nothing; an inline suppression that expired; and a baseline holding the findings
# of a bucket still there and of one removed since.
P=$T/policy
mkdir -p "$P/infra"
cat >"$P/.tenken.yaml" <<'YAML'
service-model: iaas
responsibility:
  default: {role: user, name: Platform team}
  "4.2": {role: sier, name: Example SI}
YAML
cat >"$P/tenken-waivers.yaml" <<'YAML'
waivers:
  - rule: TK-AWS-SG-001
    resource: aws_security_group.web
    reason: bastion migration, "quoted" & <marked>
    approver: Security committee
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
printf 'resource "aws_s3_bucket" "kept" {\n  bucket = "kept"\n}\n' >"$P/infra/kept.tf"
printf 'resource "aws_s3_bucket" "old" {\n  bucket = "old"\n}\n' >"$P/infra/old.tf"
(cd "$P" && "$TK" scan --no-scope-rules --write-baseline base.json infra) >/dev/null 2>"$T/baseline.err"
if [ -s "$P/base.json" ]; then ok; else bad "cannot write the baseline: $(head -c 300 "$T/baseline.err")"; fi
rm "$P/infra/old.tf"
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
resource "aws_security_group" "bastion" {
  name = "bastion"
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
TF
POLICY=(--expect-owner '*=user' --expect-owner 4.2=sier --expect-waived 1
    --expect-justification 'bastion migration, "quoted" & <marked>' --expect-expired waiver
    --expect-expired suppression --expect-waiver-notes --expect-uri tenken-waivers.yaml)

# ---- scans: NAME DIR CHECK-OPTIONS -- TENKEN-ARGS ----
# Each scan writes NAME.sarif and NAME.json (the same scan) from directory DIR.
SCANS=()
scan() {
    local name=$1 dir=$2
    shift 2
    local opts=()
    while [ "$1" != "--" ]; do opts+=("$1"); shift; done
    shift
    (cd "$dir" && "$TK" scan -f sarif="$T/$name.sarif" -f json="$T/$name.json" "$@") \
        >"$T/$name.out" 2>"$T/$name.err"
    local code=$?
    if [ "$code" -le 2 ] && [ -s "$T/$name.sarif" ] && [ -s "$T/$name.json" ]; then
        ok
    else
        bad "$name: scan failed (exit $code): $(head -c 300 "$T/$name.err")"
        return
    fi
    SCANS+=("$name")
    printf '%s\n' "${opts[@]}" >"$T/$name.opts"
}

NO_ABS=(--forbid "$ROOT" --forbid "$T" --forbid "file://")
scan plan-en "$ROOT" --lang en --expect-no-owner --expect-uri rules/aws/tests/TK-AWS-S3-001/fail.plan.json "${NO_ABS[@]}" \
    -- --lang en rules/aws/tests/TK-AWS-S3-001/fail.plan.json
scan plan-ja "$ROOT" --lang ja "${NO_ABS[@]}" \
    -- --lang ja rules/aws/tests/TK-AWS-S3-001/fail.plan.json
scan source "$W" --lang en --expect-suppressed --expect-module-calls --expect-warnings \
    --expect-uri src/app/main.tf \
    --expect-uri src/modules/bucket/main.tf "${NO_ABS[@]}" -- --lang en src
scan source-ja-abs "$W" --lang ja --expect-suppressed --expect-module-calls \
    --expect-uri "file://$W/src/modules/bucket/main.tf" -- --lang ja "$W/src"
scan kubernetes "$ROOT" --lang en --expect-suppressed "${NO_ABS[@]}" \
    --expect-uri tests/cli/manifests/app.yaml --expect-uri examples/kubernetes/shop.yaml \
    -- --lang en --rules tests/cli/manifests/rules tests/cli/manifests/app.yaml \
    examples/kubernetes/shop.yaml
scan cloudformation "$ROOT" --lang en --expect-suppressed "${NO_ABS[@]}" \
    --expect-uri examples/cloudformation/webapp.yaml \
    -- --lang en --rules tests/cli/manifests/rules tests/cli/manifests/template.yaml \
    examples/cloudformation/webapp.yaml
scan cloudformation-ja "$ROOT" --lang ja "${NO_ABS[@]}" \
    -- --lang ja examples/cloudformation/webapp.yaml examples/kubernetes/shop.yaml
scan input-error "$W" --lang en --expect-errors --expect-uri truncated.json "${NO_ABS[@]}" \
    -- --lang en truncated.json good.plan.json
scan no-findings "$ROOT" --lang en --expect-no-results --expect-rules TK-AWS-S3-001 "${NO_ABS[@]}" \
    -- --lang en --rule TK-AWS-S3-001 rules/aws/tests/TK-AWS-S3-001/pass.plan.json
scan odd-path "$W" --lang ja --expect-uri "$ODD_URI" "${NO_ABS[@]}" \
    -- --lang ja "./dir with space/$ODD_NAME"
scan insecure "$ROOT" --lang en "${NO_ABS[@]}" -- --lang en examples/insecure/plan.json examples/insecure/main.tf
scan terragoat "$ROOT" --lang en "${NO_ABS[@]}" -- --lang en tests/corpus/terragoat
scan policy "$P" --lang en "${POLICY[@]}" --expect-baseline "${NO_ABS[@]}" \
    -- --lang en --no-scope-rules --baseline base.json infra
scan policy-ja "$P" --lang ja "${POLICY[@]}" --expect-baseline "${NO_ABS[@]}" \
    -- --lang ja --no-scope-rules --baseline base.json infra
scan policy-no-baseline "$P" --lang en "${POLICY[@]}" "${NO_ABS[@]}" -- --lang en --no-scope-rules infra
scan no-config "$W" --lang en --expect-no-owner "${NO_ABS[@]}" -- --lang en good.plan.json

# Standard input is named "stdin".
(cd "$W" && "$TK" scan -f sarif="$T/stdin.sarif" -f json="$T/stdin.json" --lang en - <good.plan.json) \
    >/dev/null 2>"$T/stdin.err"
if [ -s "$T/stdin.sarif" ]; then
    ok
    SCANS+=(stdin)
    printf '%s\n' --lang en --expect-uri stdin "${NO_ABS[@]}" >"$T/stdin.opts"
else
    bad "stdin scan: $(head -c 300 "$T/stdin.err")"
fi

# ---- schema and behaviour, per scan ----
# (Without the schema, which failed above, the comparisons still run.)
for name in "${SCANS[@]}"; do
    mapfile -t opts <"$T/$name.opts"
    "$PY" "$CHECK" "${SCHEMA:--}" "$T/$name.sarif" "$T/$name.json" "${opts[@]}" >"$T/$name.check" 2>&1
    code=$?
    n_pass=$(grep -c '^PASS ' "$T/$name.check")
    n_fail=$(grep -c '^FAIL ' "$T/$name.check")
    pass=$((pass + n_pass))
    fail=$((fail + n_fail))
    grep '^FAIL ' "$T/$name.check" | sed "s/^FAIL /FAIL: $name: /" >&2
    if [ "$code" != 0 ] && [ "$n_fail" = 0 ]; then
        bad "$name: the checker failed: $(tail -n 5 "$T/$name.check")"
    fi
done

# ---- the checker notices what is missing: expectations that do not hold must fail ----
if [ -s "$T/policy.sarif" ] && [ -s "$T/no-config.sarif" ]; then
    for wrong in "policy --expect-no-owner" "policy --expect-owner *=sier" "policy --expect-waived 2" \
        "policy-no-baseline --expect-baseline" "no-config --expect-owner *=user" \
        "no-config --expect-expired waiver" "no-config --expect-waiver-notes"; do
        read -r name opt arg <<<"$wrong"
        # shellcheck disable=SC2086
        if "$PY" "$CHECK" - "$T/$name.sarif" "$T/$name.json" $opt $arg >"$T/wrong.check" 2>&1; then
            bad "the checker accepts $name with $opt $arg"
        elif grep -q '^FAIL ' "$T/wrong.check"; then ok; else
            bad "the checker failed on $name with $opt $arg: $(tail -n 3 "$T/wrong.check")"
        fi
    done
    # The waived finding points at its waiver; expired exemptions are spelled out.
    python3 - "$T/policy.sarif" "$T/policy-ja.sarif" <<'EOF' && ok || bad "waiver details in the policy scan"
import json, sys
run = json.load(open(sys.argv[1]))["runs"][0]
waived = [r for r in run["results"] if r.get("suppressions")]
assert len(waived) == 1 and waived[0]["ruleId"] == "TK-AWS-SG-001", waived
sup = waived[0]["suppressions"][0]
assert sup["kind"] == "external" and sup["status"] == "accepted", sup
loc = sup["location"]["physicalLocation"]
assert loc["artifactLocation"] == {"uri": "tenken-waivers.yaml", "uriBaseId": "%SRCROOT%"}, loc
assert loc["region"] == {"startLine": 2, "startColumn": 5}, loc
assert sup["properties"] == {"approver": "Security committee", "created": "2026-01-01",
                             "expires": "2099-12-31"}, sup
assert waived[0]["properties"]["owner"] == {"role": "sier", "name": "Example SI"}
bastion = [r for r in run["results"] if r["ruleId"] == "TK-AWS-SG-001" and not r.get("suppressions")]
assert len(bastion) == 1 and bastion[0]["properties"]["owner"]["role"] == "sier", bastion
expired = [r for r in run["results"] if "expiredExemption" in r["properties"]]
texts = sorted(r["message"]["text"] for r in expired)
assert any(t.endswith("(waiver expired on 2020-01-31: TLS enforced by the proxy, approved by CISO)")
           for t in texts), texts
assert any(t.endswith("(suppression expired on 2020-01-01: public website bucket)") for t in texts), texts
notes = run["invocations"][0]["toolExecutionNotifications"]
assert any("TK-AWS-S3-004" in n["message"]["text"] and "expired on 2020-01-31" in n["message"]["text"]
           for n in notes), notes
assert any("aws_s3_bucket.removed" in n["message"]["text"] and "matches no finding" in n["message"]["text"]
           for n in notes), notes
b = run["properties"]["baseline"]
assert b["file"] == "base.json" and b["known"] == 6 and b["gone"] == 6, b
w = run["properties"]["waivers"]
assert w == {"file": "tenken-waivers.yaml", "count": 3, "expired": 1, "stale": 1, "waivedFindings": 1}, w
ja = json.load(open(sys.argv[2]))["runs"][0]
texts = [r["message"]["text"] for r in ja["results"]]
assert any("（例外承認の期限切れ（2020-01-31）: TLS enforced by the proxy、承認者: CISO）" in t for t in texts), texts
assert any("（抑止の期限切れ（2020-01-01）: public website bucket）" in t for t in texts), texts
notes = [n["message"]["text"] for n in ja["invocations"][0]["toolExecutionNotifications"]]
assert any("期限切れ" in t and "TK-AWS-S3-004" in t for t in notes), notes
assert any("不要になった例外承認" in t for t in notes), notes
EOF
fi

# ---- Microsoft's validator: no errors; warnings are shown ----
if [ -n "$VALIDATOR" ]; then
    # First prove it reports errors: a result with a member the schema does not allow.
    python3 - "$T/plan-en.sarif" "$T/broken.sarif" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
d["runs"][0]["results"][0]["notInTheSchema"] = 1
json.dump(d, open(sys.argv[2], "w"), indent=2)
EOF
    "$VALIDATOR" validate "$T/broken.sarif" -o "$T/broken.val.sarif" --log ForceOverwrite \
        >"$T/broken.selftest" 2>&1
    if grep -q ': error JSON[0-9]*: .*notInTheSchema' "$T/broken.selftest"; then ok; else
        bad "the validator did not report a member outside the schema: $(tail -n 5 "$T/broken.selftest")"
    fi
    # All reports in one run; each line of its output starts with the file it is about.
    files=()
    for name in "${SCANS[@]}"; do files+=("$T/$name.sarif"); done
    "$VALIDATOR" validate "${files[@]}" -o "$T/all.val.sarif" --log ForceOverwrite \
        >"$T/all.val.out" 2>&1
    code=$?
    if [ "$code" = 0 ] && grep -q "Done. ${#files[@]} files scanned" "$T/all.val.out"; then ok; else
        bad "SARIF validator (exit $code): $(tail -n 5 "$T/all.val.out")"
    fi
    validated=0
    for name in "${SCANS[@]}"; do
        if grep -F "$T/$name.sarif(" "$T/all.val.out" | grep -q ': error '; then
            bad "$name: SARIF validator: $(grep -F "$T/$name.sarif(" "$T/all.val.out" | grep ': error ' | head -n 5)"
        else
            ok
            validated=$((validated + 1))
        fi
    done
    # Warnings are allowed; show each kind once.
    cat "$T"/*.val.out | grep ': warning ' |
        sed -E 's/^.*: warning (SARIF[0-9]+): [^:]*: (.{0,90}).*$/\1: \2/' | sort | uniq -c |
        sed 's/^ */  validator warning (×/; s/ SARIF/) SARIF/' >&2
    echo "validated $validated SARIF reports with the schema and the SARIF validator"
fi

# ---- standard output and FORMAT=FILE give the same bytes; the output is deterministic ----
for args in "rules/aws/tests/TK-AWS-S3-001/fail.plan.json" "--lang ja examples/cloudformation/webapp.yaml"; do
    # shellcheck disable=SC2086
    "$TK" scan -f sarif $args >"$T/stdout.sarif" 2>/dev/null
    # shellcheck disable=SC2086
    "$TK" scan -f sarif="$T/file.sarif" $args >/dev/null 2>&1
    if cmp -s "$T/stdout.sarif" "$T/file.sarif"; then ok; else bad "-f sarif=FILE differs from -f sarif ($args)"; fi
    # shellcheck disable=SC2086
    "$TK" scan -f sarif $args >"$T/again.sarif" 2>/dev/null
    if cmp -s "$T/stdout.sarif" "$T/again.sarif"; then ok; else bad "two runs differ ($args)"; fi
done
SOURCE_DATE_EPOCH=1 "$TK" scan -f sarif "$FIX/fail.plan.json" >"$T/epoch1.sarif" 2>/dev/null
SOURCE_DATE_EPOCH=2000000000 "$TK" scan -f sarif "$FIX/fail.plan.json" >"$T/epoch2.sarif" 2>/dev/null
if cmp -s "$T/epoch1.sarif" "$T/epoch2.sarif"; then ok; else bad "the report depends on the time"; fi

# ---- exit status as with other formats ----
"$TK" scan -f sarif "$FIX/fail.plan.json" >/dev/null 2>&1
code=$?
if [ "$code" = 1 ]; then ok; else bad "findings give exit 1 with -f sarif (got $code)"; fi
"$TK" scan -f sarif "$W/truncated.json" >"$T/err-only.sarif" 2>/dev/null
code=$?
if [ "$code" = 2 ] && python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
inv = d["runs"][0]["invocations"][0]
sys.exit(0 if inv["executionSuccessful"] is False and inv["exitCode"] == 2 and d["runs"][0]["results"] == [] else 1)
' "$T/err-only.sarif"; then ok; else bad "an unreadable input alone still gives a SARIF report (exit $code)"; fi

echo "sarif tests: $pass passed, $fail failed"
[ "$fail" = 0 ]
