#!/usr/bin/env bash
# Markdown report (-f markdown, -f md): the pull-request summary. Tables that hostile names
# cannot break, no HTML from the input, counts equal to the JSON report's, and a size cap.
# Usage: tests/formats/markdown.sh path/to/tenken      Ends with "markdown tests: N passed, N failed".
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
# check_md MD JSON LANG DESCRIPTION: the Markdown report agrees with the JSON one
check_md() {
    local msg
    if msg=$(python3 "$HERE/markdown_check.py" "$1" "$2" "$3" 2>&1); then ok; else bad "$4: $msg"; fi
}
has() { # file, text, description
    if grep -qF -- "$2" "$1"; then ok; else bad "$3: '$2' not in $(basename "$1")"; fi
}
lacks() {
    if grep -qF -- "$2" "$1"; then bad "$3: '$2' in $(basename "$1")"; else ok; fi
}

cat >"$T/hostile.yaml" <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: "<script>alert(1)</script>"
  namespace: "| x |"
spec:
  containers:
    - name: app
      image: nginx:1.25
      securityContext: {privileged: true}
---
apiVersion: v1
kind: Pod
metadata:
  name: "[click](http://evil.example/) **bold** `code` _u_ ~s~ $x$ \\ & <img src=x>\x1b[31m\u202E\nline"
  annotations:
    tenken.io/ignore: "TK-K8S-POD-001: <b>not bold</b> | pipe exp:2999-12-31"
spec:
  containers:
    - name: app
      image: nginx:1.25
      securityContext: {privileged: true}
YAML
head -c 700 "$FIX/fail.plan.json" >"$T/truncated.json"
# Paths of the repository's files are relative, so the report's size (about 55 KB, under
# the 60,000-byte cap) does not depend on where the repository lies.
INPUTS=(rules/aws/tests/TK-AWS-S3-001/fail.plan.json examples/cloudformation/webapp.yaml examples/kubernetes/shop.yaml "$T/hostile.yaml")

# ---- the report agrees with the JSON report of the same scan ----
run "$TK" scan -f markdown="$T/r.md" -f json="$T/r.json" "${INPUTS[@]}"
expect_code 1 "findings give exit 1"
check_md "$T/r.md" "$T/r.json" en "mixed inputs (English)"
has "$T/r.md" "## ❌ tenken: " "failing verdict"
has "$T/r.md" "| Critical | High | Medium | Low | Info | Total | Basic | Recommended |" "severity table"
has "$T/r.md" "### By guideline category (MIC settings guideline, figure III.3.1-1)" "category heading"
has "$T/r.md" "| 3 | Object storage | " "category title in English"
has "$T/r.md" "**Risk:** " "risk in the details"
has "$T/r.md" "**Fix:** " "fix in the details"
run "$TK" scan --lang ja -f md="$T/ja.md" -f json="$T/ja.json" "${INPUTS[@]}"
check_md "$T/ja.md" "$T/ja.json" ja "mixed inputs (Japanese)"
has "$T/ja.md" "| 重大 | 高 | 中 | 低 | 情報 | 計 | 基本 | 推奨 |" "Japanese severity table"
has "$T/ja.md" "### 類型別（総務省 設定ガイドライン 図表Ⅲ.3.1-1）" "Japanese category heading"
has "$T/ja.md" "| 3 | オブジェクトストレージ | " "category title in Japanese"
has "$T/ja.md" "<details><summary>すべての指摘 " "Japanese details"
has "$T/ja.md" "類型 3（オブジェクトストレージ） · Ⅲ.3.1.1 · 基本" "Japanese classification"

# ---- hostile names are text ----
lacks "$T/r.md" "<script>" "no raw <script>"
has "$T/r.md" "&lt;script&gt;alert(1)&lt;/script&gt;" "<script> as entities"
has "$T/r.md" '<code>Pod/\| x \|/&lt;script&gt;' "pipes escaped in a table cell"
lacks "$T/r.md" "<img" "no raw <img>"
if grep -q '[^\\]](http' "$T/r.md"; then bad "a link from the input"; else ok; fi
has "$T/r.md" '\[click\](http://evil.example/) \*\*bold\*\* \`code\` \_u\_ \~s\~ \$x\$ \\ &amp; &lt;img src=x&gt;' "Markdown punctuation escaped"
if grep -qF $'src=x&gt;\xef\xbf\xbd\\[31m\xef\xbf\xbd line' "$T/r.md"; then ok; else bad "controls replaced, line break made a space"; fi

# ---- verdicts ----
run "$TK" scan -f md --fail-on none "$FIX/fail.plan.json"
expect_code 0 "--fail-on none"
if head -n 1 "$T/out" | grep -q '^## ✅ tenken: 18 findings$' && grep -q -- '`--fail-on none`' "$T/out"; then ok; else bad "passing verdict with findings: $(head -n 3 "$T/out")"; fi
run "$TK" scan -f md --fail-on critical "$FIX/fail.plan.json"
if grep -q '^Passed: none at or above critical (`--fail-on critical`).$' "$T/out"; then ok; else bad "passing under --fail-on critical"; fi
run "$TK" scan -f md --fail-on high "$FIX/fail.plan.json"
if grep -q '^\*\*Failed:\*\* 3 findings at or above high (`--fail-on high`).$' "$T/out"; then ok; else bad "failing under --fail-on high: $(sed -n 3p "$T/out")"; fi
run "$TK" scan -f md="$T/c.md" -f json="$T/c.json" --rule TK-AWS-S3-001 "$FIX/pass.plan.json"
expect_code 0 "clean input"
check_md "$T/c.md" "$T/c.json" en "clean input"
if head -n 1 "$T/c.md" | grep -q '^## ✅ tenken: no findings$'; then ok; else bad "no findings verdict"; fi
lacks "$T/c.md" "<details>" "no details without findings"
run "$TK" scan --lang ja -f md --rule TK-AWS-S3-001 "$FIX/pass.plan.json"
if head -n 1 "$T/out" | grep -q '^## ✅ tenken: 設定不備なし$'; then ok; else bad "Japanese no findings verdict"; fi

# ---- input errors, suppressed and not evaluated ----
run "$TK" scan -f md="$T/e.md" -f json="$T/e.json" "$T/truncated.json" "$T/hostile.yaml" "$ROOT/examples/cloudformation/webapp.yaml"
expect_code 2 "input error"
check_md "$T/e.md" "$T/e.json" en "input errors"
if head -n 1 "$T/e.md" | grep -q '^## ⚠️ tenken: input errors (1)$'; then ok; else bad "error verdict: $(head -n 1 "$T/e.md")"; fi
has "$T/e.md" "- <code>$T/truncated.json:1:" "the error is listed"
python3 - "$T/e.json" <<'PY' && ok || bad "the scan has suppressed and not-evaluated results"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["suppressed"] and d["not_evaluated"], d["summary"]
PY

# ---- the size cap ----
python3 "$ROOT/bench/gen_manifests.py" k8s "$T/big.yaml" 3000 >/dev/null 2>&1
run "$TK" scan -f md="$T/b.md" -f json="$T/b.json" "$T/big.yaml"
check_md "$T/b.md" "$T/b.json" en "3000 generated manifests"
size=$(wc -c <"$T/b.md")
if [ "$size" -le 60000 ] && [ "$size" -gt 50000 ]; then ok; else bad "capped report is $size bytes"; fi
if grep -qE '^_[0-9]+ more findings left out to keep this comment under 60,000 bytes; see the full report' "$T/b.md"; then ok; else bad "the cut is explained"; fi
if tail -n 3 "$T/b.md" | grep -q '^</details>$' && tail -n 1 "$T/b.md" | grep -q '^<sub>tenken '; then ok; else bad "the capped report still closes its details"; fi
run "$TK" scan --lang ja -f md="$T/bj.md" -f json="$T/bj.json" "$T/big.yaml"
check_md "$T/bj.md" "$T/bj.json" ja "3000 generated manifests (Japanese)"
has "$T/bj.md" "件は省略しました" "the cut is explained in Japanese"
lacks "$T/r.md" "more findings left out" "a small report is not cut"

# ---- aliases, standard output, determinism ----
run "$TK" scan -f md "${INPUTS[@]}"
cmp -s "$T/out" "$T/r.md" && ok || bad "-f md on standard output differs from -f markdown=FILE"

echo "markdown tests: $pass passed, $fail failed"
[ "$fail" = 0 ]
