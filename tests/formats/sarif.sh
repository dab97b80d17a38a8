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
pass=0
fail=0

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*" >&2; }

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
scan plan-en "$ROOT" --lang en --expect-uri rules/aws/tests/TK-AWS-S3-001/fail.plan.json "${NO_ABS[@]}" \
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
