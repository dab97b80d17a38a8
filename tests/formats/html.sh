#!/usr/bin/env bash
# The HTML report: self-contained, escaped, and working in a real browser (headless
# Chromium over the DevTools protocol, tests/formats/html_check.py). Screenshots are kept in
# $ARTIFACTS (default build/test-artifacts/html). Ends with "html tests: N passed, N failed".
set -u
TK=$(realpath "$1")
cd "$(dirname "$0")/../.."
ARTIFACTS=${ARTIFACTS:-build/test-artifacts/html}
H=tests/formats/html
PY=/usr/bin/python3 # Debian's, with python3-websocket
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*" >&2; }

# A hostile input and an ordinary one together.
"$TK" scan -f html="$T/r.html" -f json="$T/r.json" --fail-on none "$H/hostile.yaml" \
    "$H/hostile-template.yaml" examples/kubernetes/shop.yaml 2>"$T/err"
[ $? = 0 ] && ok || bad "scan with html and json outputs: $(head -c 300 "$T/err")"
[ -s "$T/r.html" ] && ok || bad "the report file is written"

# Static checks: nothing from the input as markup, nothing loaded from elsewhere.
for raw in '<script>alert(1)' '<img src=x' '<iframe' '<svg onload' '<svg/onload' '</script><script>'; do
    if grep -qF -- "$raw" "$T/r.html"; then bad "raw input markup in the report: $raw"; else ok; fi
done
if [ "$(grep -o '<script' "$T/r.html" | wc -l)" = 1 ]; then ok; else bad "one script element"; fi
if grep -qE '(src|href)="(https?:)?//' "$T/r.html"; then bad "the report loads something from the network"; else ok; fi
grep -q "Content-Security-Policy\" content=\"default-src 'none'; style-src 'sha256-" "$T/r.html" && ok ||
    bad "CSP allows only the page's own style and script"
nf=$("$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["summary"]["findings"])' "$T/r.json")
n_rows=$(grep -o '<tr class="f"' "$T/r.html" | wc -l)
[ "$nf" = "$n_rows" ] && ok || bad "one row per finding: $n_rows rows, $nf findings"

# English unless --lang en? No: Japanese unless --lang en.
LANG=C "$TK" scan -f html="$T/en.html" --fail-on none --lang en "$H/hostile.yaml" 2>/dev/null
grep -q '<html lang="en"' "$T/en.html" && ok || bad "--lang en starts in English"
LANG=C "$TK" scan -f html="$T/ja.html" --fail-on none "$H/hostile.yaml" 2>/dev/null
grep -q '<html lang="ja"' "$T/ja.html" && ok || bad "Japanese by default, whatever the locale"

# In the browser.
mkdir -p "$ARTIFACTS"
if "$PY" tests/formats/html_check.py "$T/r.html" "$ARTIFACTS" --expect-findings "$nf" \
    --hostile '<script>alert(1)</script>' --hostile '"><img src=x onerror=alert(2)>' \
    --hostile '<svg/onload=alert(5)>' >"$T/browser" 2>&1; then
    ok
else
    bad "browser checks: $(grep -E 'FAIL|Error|error' "$T/browser" | head -5)"
fi
cat "$T/browser" | sed 's/^/  /'
# A report with no findings must work too.
"$TK" scan -f html="$T/none.html" --fail-on none tests/corpus/tfplan/plan_multiple_providers.json 2>/dev/null
if "$PY" tests/formats/html_check.py "$T/none.html" "$T/shots-none" --expect-findings 0 >"$T/b2" 2>&1; then
    ok
else
    bad "report without findings in the browser: $(grep FAIL "$T/b2" | head -3)"
fi

echo "html tests: $pass passed, $fail failed"
[ "$fail" = 0 ]
