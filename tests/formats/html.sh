#!/usr/bin/env bash
# The HTML report: self-contained, escaped, and working in a real browser (headless
# Chromium over the DevTools protocol, tests/formats/html_check.py), also with owners, waivers
# and expired exemptions (responsibility matrix, owner filter, waivers tab). Screenshots are kept in
# $ARTIFACTS (default build/test-artifacts/html). Ends with "html tests: N passed, N failed".
set -u
TK=$(realpath "$1")
cd "$(dirname "$0")/../.."
ARTIFACTS=${ARTIFACTS:-build/test-artifacts/html}
H=tests/formats/html
PY=/usr/bin/python3 # Debian's, with python3-websocket
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
. tests/assert.sh

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

# ---- owners, waivers, expired exemptions (a configuration in a directory of its own) ----
P=$T/policy
mkdir -p "$P/infra"
cat >"$P/.tenken.yaml" <<'YAML'
service-model: iaas
responsibility:
  default: {role: user, name: Platform team}
  "4.2": {role: sier, name: "Example SI <img src=x onerror=alert(3)>"}
YAML
# One waiver in force (hostile reason and approver), one expired, one matching nothing.
cat >"$P/tenken-waivers.yaml" <<'YAML'
waivers:
  - rule: TK-AWS-SG-001
    resource: aws_security_group.web
    reason: "bastion migration <img src=x onerror=alert(1)>"
    approver: "<script>alert(2)</script> 情報セキュリティ委員会"
    created: 2026-01-15
    expires: 2099-12-31
  - rule: TK-AWS-S3-004
    resource: aws_s3_bucket.*
    reason: TLS enforced by the proxy
    approver: CISO
    created: 2025-05-01
    expires: 2026-01-31
  - rule: TK-AWS-S3-001
    resource: aws_s3_bucket.old_public_site
    reason: public website, removed in Q3
    approver: CISO
    created: 2026-01-15
    expires: 2099-06-30
YAML
cat >"$P/infra/main.tf" <<'TF'
resource "aws_s3_bucket" "logs" {
  bucket = "acme-logs"
}
# tenken:ignore:TK-AWS-S3-001 legacy bucket, replaced in spring exp:2026-03-01
resource "aws_s3_bucket" "legacy" {
  bucket = "acme-legacy"
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
resource "aws_security_group" "db" {
  name = "db"
  ingress {
    from_port   = 3389
    to_port     = 3389
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
TF
(cd "$P" && "$TK" scan --no-scope-rules --today 2026-06-01 -f html="$T/p.html" -f json="$T/p.json" \
    infra 2>"$T/err")
[ -s "$T/p.html" ] && ok || bad "policy report written: $(head -c 300 "$T/err")"
for raw in '<img src=x' '<script>alert(2)'; do
    if grep -qF -- "$raw" "$T/p.html"; then bad "raw waiver or owner markup in the report: $raw"; else ok; fi
done
grep -q 'id="responsibility"' "$T/p.html" && ok || bad "the responsibility matrix is in the report"
grep -q 'id="f-owner"' "$T/p.html" && ok || bad "the owner filter is in the report"
grep -q 'id="tab-waivers"' "$T/p.html" && ok || bad "the waivers tab is in the report"
# Reports without a configuration show no owner and no waivers.
for none in 'id="responsibility"' 'id="f-owner"' 'id="tab-waivers"' 'data-owner=' 'badge exp'; do
    if grep -qF -- "$none" "$T/r.html"; then bad "a report without configuration has $none"; else ok; fi
done
nfp=$("$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["summary"]["findings"])' "$T/p.json")
if "$PY" tests/formats/html_check.py "$T/p.html" "$T/shots-policy" --expect-findings "$nfp" \
    --owner "Platform team" --owner "Example SI <img src=x onerror=alert(3)>" \
    --waived TK-AWS-SG-001@aws_security_group.web \
    --stale TK-AWS-S3-001@aws_s3_bucket.old_public_site \
    --expired-waiver 'TK-AWS-S3-004@aws_s3_bucket.*' --expired-findings 3 \
    --hostile-waiver 'bastion migration <img src=x onerror=alert(1)>' \
    --hostile-waiver '<script>alert(2)</script> 情報セキュリティ委員会' >"$T/b3" 2>&1; then
    ok
else
    bad "owners and waivers in the browser: $(grep -E 'FAIL|Error|error' "$T/b3" | head -5)"
fi
sed 's/^/  /' "$T/b3"
for shot in responsibility-ja responsibility-en waivers-ja waivers-en findings-owner findings-expired-ja; do
    cp "$T/shots-policy/$shot.png" "$ARTIFACTS/" 2>/dev/null && ok || bad "screenshot $shot.png"
done
# --owner and --baseline: said in the header and the summary.
(cd "$P" && "$TK" scan --no-scope-rules --today 2026-06-01 --write-baseline "$T/base.json" \
    -f json="$T/p1.json" infra 2>/dev/null)
cat >>"$P/infra/main.tf" <<'TF'
resource "aws_s3_bucket" "added" {
  bucket = "acme-added"
}
TF
(cd "$P" && "$TK" scan --no-scope-rules --today 2026-06-01 --baseline "$T/base.json" --owner user \
    -f html="$T/o.html" -f json="$T/o.json" infra 2>/dev/null)
"$PY" - "$T/o.html" "$T/o.json" <<'PY' && ok || bad "--owner and --baseline in the HTML report"
import json, re, sys
html = open(sys.argv[1], encoding="utf-8").read()
s = json.load(open(sys.argv[2]))["summary"]
assert s["baselined"] > 0, s
assert 'class="owner-filter"' in html and "担当「</span><span class=\"en\">" in html
assert html.count("対象外（--owner）") == 1, "only category 4.2 is not checked"
m = re.search(r'<div class="card" id="baseline"><b>(\d+)</b>', html)
assert m and int(m.group(1)) == s["baselined"], (m and m.group(1), s["baselined"])
assert len(re.findall(r'<tr class="f"', html)) == s["findings"]
PY
if "$PY" tests/formats/html_check.py "$T/o.html" "$T/shots-owner" >"$T/b4" 2>&1; then
    ok
else
    bad "--owner and --baseline report in the browser: $(grep FAIL "$T/b4" | head -3)"
fi

echo "html tests: $pass passed, $fail failed"
[ "$fail" = 0 ]
