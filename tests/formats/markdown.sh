#!/usr/bin/env bash
# Markdown report (-f markdown, -f md): the pull-request summary. Tables that hostile names
# cannot break, no HTML from the input, counts equal to the JSON report's, and a size cap; owners,
# waivers (in force, expired, stale), expired suppressions, --owner and the baseline.
# Usage: tests/formats/markdown.sh path/to/tenken      Ends with "markdown tests: N passed, N failed".
set -u
TK=$(realpath "$1")
cd "$(dirname "$0")/../.."
ROOT=$PWD
HERE=$ROOT/tests/formats
FIX=$ROOT/rules/aws/tests/TK-AWS-S3-001
PY=python3
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
. tests/assert.sh

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

# ---- owners, waivers, expired exemptions, baseline (a configuration of its own) ----
P=$T/policy
mkdir -p "$P/infra"
cat >"$P/.tenken.yaml" <<'YAML'
service-model: iaas
responsibility:
  default: {role: user, name: Platform team}
  "4.2": {role: sier, name: Example SI}
YAML
# One waiver in force (hostile reason and approver), one expired, one matching nothing.
cat >"$P/tenken-waivers.yaml" <<'YAML'
waivers:
  - rule: TK-AWS-SG-001
    resource: aws_security_group.web
    reason: "bastion | migration <script>alert(1)</script> [x](http://evil.example/)"
    approver: "@security-team <img src=x>"
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
POLICY=(scan --no-scope-rules --today 2026-06-01)
(cd "$P" && run "$TK" "${POLICY[@]}" -f md="$T/p.md" -f json="$T/p.json" infra)
expect_code 1 "policy scan"
check_md "$T/p.md" "$T/p.json" en "owners and waivers (English)"
(cd "$P" && run "$TK" "${POLICY[@]}" --lang ja -f md="$T/pj.md" -f json="$T/pj.json" infra)
check_md "$T/pj.md" "$T/pj.json" ja "owners and waivers (Japanese)"
has "$T/p.md" "| 4.2 | Network | Example SI (SIer) | 1 |" "the responsibility table names the SIer"
has "$T/p.md" "| 3 | Object storage | Platform team (user) | 12 |" "the responsibility table names the user"
has "$T/p.md" "| Severity | Rule | Title | Resource | Location | Owner |" "owner column"
has "$T/p.md" "**Owner:** Example SI (SIer)<br>" "owner in the rule's block"
has "$T/pj.md" "### 責任分界" "Japanese responsibility heading"
has "$T/pj.md" "| 重大度 | ルール | 内容 | リソース | 場所 | 担当 |" "Japanese owner column"
has "$T/p.md" "<br>⚠ waiver expired 2026-01-31 |" "expired waiver marked in the top findings"
has "$T/p.md" "<br>⚠ suppression expired 2026-03-01 |" "expired suppression marked in the top findings"
has "$T/p.md" "— ⚠ waiver expired 2026-01-31: TLS enforced by the proxy (approved by CISO, <code>tenken-waivers.yaml:8</code>)" "expired waiver explained in the details"
has "$T/p.md" "— ⚠ suppression expired 2026-03-01: legacy bucket, replaced in spring (<code>infra/main.tf:4</code>)" "expired suppression explained"
has "$T/pj.md" "⚠ 例外承認の期限切れ（2026-01-31）" "Japanese expired waiver"
has "$T/pj.md" "⚠ 抑止の期限切れ（2026-03-01）" "Japanese expired suppression"
has "$T/p.md" "<code>tenken-waivers.yaml</code>: 3 waivers · 1 finding waived · 1 expired · 1 stale (matching nothing)" "waiver counts"
has "$T/pj.md" "例外承認 3 件 · 例外承認された指摘 1 件 · 期限切れ 1 件 · 不要（該当なし） 1 件" "Japanese waiver counts"
has "$T/p.md" '| ⚠ expired | TK-AWS-S3-004 | <code>aws\_s3\_bucket.\*</code> | CISO | 2026-01-31 | <code>tenken-waivers.yaml:8</code> |' "expired waiver listed"
has "$T/p.md" '| stale (matches nothing) | TK-AWS-S3-001 | <code>aws\_s3\_bucket.old\_public\_site</code> | CISO | 2099-06-30 | <code>tenken-waivers.yaml:14</code> |' "stale waiver listed"
has "$T/pj.md" "| 不要（該当なし） | TK-AWS-S3-001 |" "Japanese stale waiver"
has "$T/p.md" "<details><summary>1 waived finding</summary>" "waived findings collapsed"
has "$T/p.md" '| CRITICAL | TK-AWS-SG-001 | <code>aws\_security\_group.web</code> | bastion \| migration &lt;script&gt;alert(1)&lt;/script&gt; \[x\](http://evil.example/) | @'$'\u2060''security-team &lt;img src=x&gt; | 2099-12-31 | Example SI (SIer) |' "waived finding listed, hostile text escaped, mention broken"
if grep -F '| TK-AWS-SG-001 |' "$T/p.md" | grep -vqF '<code>aws\_security\_group.web</code> | bastion'; then bad "the waived finding among the findings"; else ok; fi
lacks "$T/p.md" "<script>" "no raw <script> from a waiver"
lacks "$T/p.md" "<img" "no raw <img> from a waiver"
lacks "$T/p.md" " @security-team" "no mention from a waiver"
# No configuration, no waivers: no owner and no waivers section.
for md in "$T/r.md" "$T/ja.md"; do
    for none in "### Responsibility" "### 責任分界" "### Waivers" "### 例外承認" " Owner |" " 担当 |" \
        "**Owner:**" "**担当:**" "⚠"; do
        lacks "$md" "$none" "$(basename "$md") without configuration"
    done
done
# --owner: said, and the categories of others are not checked.
(cd "$P" && run "$TK" "${POLICY[@]}" --owner sier -f md="$T/o.md" -f json="$T/o.json" infra)
check_md "$T/o.md" "$T/o.json" en "--owner sier"
has "$T/o.md" "Only categories owned by <code>sier</code> were checked (\`--owner\`)." "--owner said"
has "$T/o.md" "| 3 | Object storage | Platform team (user) | — (not checked) |" "others' categories not checked"
(cd "$P" && run "$TK" "${POLICY[@]}" --lang ja --owner sier -f md infra)
has "$T/out" "担当 <code>sier</code> の類型だけを点検しました" "--owner said in Japanese"
# Baseline: the findings it holds are counted, not shown; those gone are counted as fixed.
(cd "$P" && run "$TK" "${POLICY[@]}" --write-baseline "$T/base.json" -f json="$T/b0.json" infra)
sed -i 's/"legacy"/"renamed"/' "$P/infra/main.tf"
(cd "$P" && run "$TK" "${POLICY[@]}" --baseline "$T/base.json" -f md="$T/bl.md" -f json="$T/bl.json" infra)
check_md "$T/bl.md" "$T/bl.json" en "baseline"
# The renamed bucket's 6 findings are new; the 6 of the old name are gone from the baseline.
line=$("$PY" -c 'import json,sys; s=json.load(open(sys.argv[1]))["summary"]; print(s["baselined"], s["findings"])' "$T/bl.json" 2>/dev/null)
read -r held shown <<<"$line"
gone=6
if [ "$shown" = 6 ] && [ "$held" = 7 ] && grep -qF "$held findings already in the baseline (<code>$T/base.json</code>) are not shown; $gone from the baseline are fixed." "$T/bl.md"; then ok; else bad "baseline line ($line): $(grep -F baseline "$T/bl.md")"; fi
(cd "$P" && run "$TK" "${POLICY[@]}" --lang ja --baseline "$T/base.json" -f md infra)
has "$T/out" "ベースライン（<code>$T/base.json</code>）にある指摘 $held 件は表示していません。" "Japanese baseline line"
lacks "$T/p.md" "baseline" "no baseline line without a baseline"
# Many waivers: the section is cut to its share and the comment stays under the cap.
"$PY" - "$T/many-waivers.yaml" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("waivers:\n")
    f.write("  - {rule: TK-K8S-POD-008, resource: '*', reason: accepted for the benchmark, "
            "approver: CISO, created: 2026-01-01, expires: 2099-12-31}\n")
    for i in range(1500):
        f.write("  - {rule: TK-K8S-POD-009, resource: 'Pod/nowhere-%d-%s', reason: x, "
                "approver: '@team|%d', created: 2026-01-01, expires: 2099-12-31}\n" % (i, "y" * 80, i))
PY
run "$TK" scan --today 2026-06-01 --waivers "$T/many-waivers.yaml" -f md="$T/w.md" -f json="$T/w.json" "$T/big.yaml"
check_md "$T/w.md" "$T/w.json" en "many waivers and waived findings"
size=$(wc -c <"$T/w.md")
if [ "$size" -le 60000 ]; then ok; else bad "report with many waivers is $size bytes"; fi
if [ "$(grep -c 'more left out to keep this comment short' "$T/w.md")" = 2 ]; then ok; else bad "both waiver tables say what they left out"; fi
if grep -q '^| stale (matches nothing) | TK-K8S-POD-009 |' "$T/w.md" && grep -q '^| [A-Z]* | TK-K8S-POD-008 | <code>' "$T/w.md"; then ok; else bad "both waiver tables list some rows"; fi
if tail -n 1 "$T/w.md" | grep -q '^<sub>tenken '; then ok; else bad "the report with many waivers ends with its footer"; fi

# ---- aliases, standard output, determinism ----
run "$TK" scan -f md "${INPUTS[@]}"
cmp -s "$T/out" "$T/r.md" && ok || bad "-f md on standard output differs from -f markdown=FILE"

echo "markdown tests: $pass passed, $fail failed"
[ "$fail" = 0 ]
