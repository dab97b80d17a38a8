#!/usr/bin/env bash
# JUnit XML report (-f junit): well-formed XML whatever the input holds, one suite per input,
# one test case per check, and the same counts as the JSON report of the same scan.
# Usage: tests/formats/junit.sh path/to/tenken      Ends with "junit tests: N passed, N failed".
set -u
TK=$(realpath "$1")
cd "$(dirname "$0")/../.."
ROOT=$PWD
HERE=$ROOT/tests/formats
FIX=$ROOT/rules/aws/tests/TK-AWS-S3-001
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
. tests/assert.sh

# check_junit XML JSON LANG DESCRIPTION: the JUnit report agrees with the JSON one
check_junit() {
    local msg
    if msg=$(python3 "$HERE/junit_check.py" "$1" "$2" "$3" 2>&1); then ok; else bad "$4: $msg"; fi
}
count() { # xpath-ish tag, file: how many elements
    python3 -c 'import sys, xml.etree.ElementTree as E; print(len(list(E.parse(sys.argv[2]).getroot().iter(sys.argv[1]))))' "$1" "$2"
}

# Hostile names: markup, a table cell, control characters, a bidirectional override, a
# comma, quotes and a line break; a suppression whose reason starts a formula.
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
  name: "ctl\x01\x1b[31mred\u202Eevil,\"q\"\r\nline\x7f\u0085"
  annotations:
    tenken.io/ignore: "TK-K8S-POD-001: =HYPERLINK(\"http://evil.example/\",\"click\") exp:2999-12-31"
spec:
  containers:
    - name: app
      image: nginx:1.25
      securityContext: {privileged: true}
YAML
head -c 700 "$FIX/fail.plan.json" >"$T/truncated.json"
# A file name that is not UTF-8 and holds a control character.
BADNAME=$T/$'bad\xff\x01name.yaml'
cp "$ROOT/examples/kubernetes/shop.yaml" "$BADNAME"

INPUTS=("$FIX/fail.plan.json" "$ROOT/examples/cloudformation/webapp.yaml" "$ROOT/examples/kubernetes/shop.yaml"
    "$ROOT/tests/cli/manifests/app.yaml" "$T/hostile.yaml" "$T/truncated.json" "$BADNAME")

# ---- the report agrees with the JSON report of the same scan ----
run "$TK" scan -f junit="$T/r.xml" -f json="$T/r.json" "${INPUTS[@]}"
expect_code 2 "an input error gives exit 2"
check_junit "$T/r.xml" "$T/r.json" en "mixed inputs (English)"
python3 - "$T/r.json" <<'PY' && ok || bad "the scan exercises findings, not evaluated, suppressed and errors"
import json, sys
d = json.load(open(sys.argv[1], errors="replace"))
assert d["findings"] and d["not_evaluated"] and d["suppressed"] and d["errors"], d["summary"]
PY
run "$TK" scan --lang ja -f junit="$T/ja.xml" -f json="$T/ja.json" "${INPUTS[@]}"
check_junit "$T/ja.xml" "$T/ja.json" ja "mixed inputs (Japanese)"
if grep -q '<failure message="S3 バケットのパブリックアクセスブロックが全項目で有効になっていない" type="high">高 TK-AWS-S3-001 ' "$T/ja.xml"; then ok; else bad "Japanese titles with --lang ja"; fi
if grep -q '類型 3（オブジェクトストレージ）' "$T/ja.xml" && grep -q 'リスク: ' "$T/ja.xml"; then ok; else bad "Japanese classification and risk"; fi

# ---- one scan, one report: byte for byte the same again ----
run "$TK" scan -f junit="$T/r2.xml" "${INPUTS[@]}"
cmp -s "$T/r.xml" "$T/r2.xml" && ok || bad "two runs give different reports"
run "$TK" scan -f junit "${INPUTS[@]}"
cmp -s "$T/r.xml" "$T/out" && ok || bad "standard output and FORMAT=FILE differ"

# ---- hostile text stays inside the markup ----
if grep -q '&lt;script&gt;alert(1)&lt;/script&gt;' "$T/r.xml"; then ok; else bad "<script> escaped"; fi
if LC_ALL=C grep -q $'[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]' "$T/r.xml"; then bad "raw control character in XML"; else ok; fi
if grep -q 'name="Pod/default/ctl' "$T/r.xml" && grep -q 'evil,&quot;q&quot;&#13;&#10;line' "$T/r.xml"; then ok; else bad "quotes and line breaks in an attribute are references"; fi
if grep -q $'bad\xef\xbf\xbd\xef\xbf\xbdname.yaml' "$T/r.xml"; then ok; else bad "a file name that is not UTF-8 is shown with U+FFFD"; fi
if grep -q '<skipped message="suppressed: =HYPERLINK(&quot;http://evil.example/&quot;,&quot;click&quot;) (until 2999-12-31)"' "$T/r.xml"; then ok; else bad "suppression reason in the skipped message"; fi
if grep -q '<skipped message="not evaluated: depends on a value not known before deployment: ' "$T/r.xml"; then ok; else bad "not-evaluated reason in the skipped message"; fi

# ---- suites ----
python3 - "$T/r.xml" "$T/truncated.json" <<'PY' && ok || bad "the unreadable input's suite holds only its error"
import sys, xml.etree.ElementTree as E
root = E.parse(sys.argv[1]).getroot()
s = [x for x in root.findall("testsuite") if x.get("name") == sys.argv[2]]
assert len(s) == 1 and s[0].get("tests") == "1" and s[0].get("errors") == "1", s
c = s[0].findall("testcase")
assert c[0].get("classname") == "input" and c[0].find("error") is not None
assert "truncated.json:1:" in c[0].find("error").text
PY
python3 - "$T/r.xml" <<'PY' && ok || bad "suite properties name the family and kind"
import sys, xml.etree.ElementTree as E
root = E.parse(sys.argv[1]).getroot()
props = {p.get("name"): p.get("value") for p in root.find("testsuite").iter("property")}
assert props == {"family": "terraform", "kind": "plan", "resources": "3"}, props
PY
# A file that cannot be opened is no input: its error gets a suite named after it.
run "$TK" scan -f junit="$T/m.xml" -f json="$T/m.json" "$FIX/fail.plan.json" "$T/missing.json"
expect_code 2 "missing file"
check_junit "$T/m.xml" "$T/m.json" en "missing file"
python3 - "$T/m.xml" "$T/missing.json" <<'PY' && ok || bad "suite for a missing file"
import sys, xml.etree.ElementTree as E
root = E.parse(sys.argv[1]).getroot()
s = root.findall("testsuite")
assert len(s) == 2 and s[1].get("name") == sys.argv[2] and s[1].get("errors") == "1", [x.attrib for x in s]
PY

# ---- passed checks are test cases without a result element ----
run "$TK" scan --rule TK-AWS-S3-001 -f junit="$T/p.xml" -f json="$T/p.json" "$FIX/pass.plan.json"
expect_code 0 "clean input"
check_junit "$T/p.xml" "$T/p.json" en "clean input"
n=$(count testcase "$T/p.xml")
if [ "$n" -gt 0 ] && [ "$(count failure "$T/p.xml")" = 0 ] && grep -q '<testcase classname="TK-AWS-S3-001" name="aws_s3_bucket\.[a-z_]*" file="[^"]*pass.plan.json" line="[0-9]*"/>' "$T/p.xml"; then ok; else bad "passed checks listed ($n test cases)"; fi

# ---- CloudFormation: the name carries the type; Terraform source: module calls ----
if grep -q 'name="[A-Za-z0-9]* (AWS::[A-Za-z0-9:]*)"' "$T/r.xml"; then ok; else bad "CloudFormation test case names carry the type"; fi
run "$TK" scan -f junit="$T/s.xml" -f json="$T/s.json" "$ROOT/examples/insecure"
check_junit "$T/s.xml" "$T/s.json" en "Terraform source"
mkdir -p "$T/src/mod" "$T/src/broken"
printf 'module "m" {\n  source = "./mod"\n}\n' >"$T/src/main.tf"
printf 'resource "aws_s3_bucket" "x" {}\n' >"$T/src/mod/main.tf"
printf 'resource "aws_s3_bucket" "b" {\n  bucket =\n' >"$T/src/broken/main.tf"
run "$TK" scan -f junit="$T/src.xml" -f json="$T/src.json" "$T/src"
expect_code 2 "Terraform source with a syntax error"
check_junit "$T/src.xml" "$T/src.json" en "Terraform source: modules and an error in a root module"
if grep -q "^Via module call at $T/src/main.tf:1:1$" "$T/src.xml"; then ok; else bad "module calls in the failure text"; fi

# ---- a scan with nothing to report is still a valid report ----
run "$TK" scan -f junit="$T/e.xml" -f json="$T/e.json" --rule TK-AWS-S3-001 "$ROOT/examples/kubernetes/shop.yaml"
check_junit "$T/e.xml" "$T/e.json" en "no checks"
if grep -q '<testsuite name="[^"]*shop.yaml" tests="0" failures="0" errors="0" skipped="0">' "$T/e.xml"; then ok; else bad "empty suite: $(head -c 400 "$T/e.xml")"; fi

# ---- policy controls: owners, waivers, expired exemptions, a baseline ----
# Category 4.2 is the SIer's, the rest the user's; a waiver in force (its reason full of
# markup), an expired one and one matching nothing; an inline suppression that expired; a
# baseline holding the findings of a bucket that is still there and of one removed since.
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
in_dir "$P" run "$TK" scan --no-scope-rules --write-baseline base.json infra
if [ -s "$P/base.json" ]; then ok; else bad "cannot write the baseline: $(head -c 300 "$T/err")"; fi
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
in_dir "$P" run "$TK" scan --no-scope-rules --baseline base.json -f junit="$T/pol.xml" -f json="$T/pol.json" infra
expect_code 1 "policy scan: the findings still fail"
check_junit "$T/pol.xml" "$T/pol.json" en "policy controls (English)"
in_dir "$P" run "$TK" scan --lang ja --no-scope-rules --baseline base.json -f junit="$T/polja.xml" -f json="$T/polja.json" infra
check_junit "$T/polja.xml" "$T/polja.json" ja "policy controls (Japanese)"
in_dir "$P" run "$TK" scan --no-scope-rules -f junit="$T/polnb.xml" -f json="$T/polnb.json" infra
check_junit "$T/polnb.xml" "$T/polnb.json" en "policy controls without the baseline"
python3 - "$T/pol.json" "$T/polnb.json" <<'PY' && ok || bad "the policy scans exercise waived, expired and baselined findings"
import json, sys
d = json.load(open(sys.argv[1]))["summary"]
assert d["waived"] == 1 and d["exemptions_expired"] == 2 and d["baselined"] == 6, d
assert json.load(open(sys.argv[2]))["summary"]["baselined"] == 0
PY
if grep -qF '<skipped message="waived: bastion migration, &quot;quoted&quot; &amp; &lt;marked&gt; (approved by Security committee, until 2099-12-31)">Security group allows SSH (port 22) from the whole internet' "$T/pol.xml"; then ok; else bad "waived finding skipped with reason, approver and expiry: $(grep -F 'waived:' "$T/pol.xml" | head -2)"; fi
if grep -qF '<skipped message="例外承認: bastion migration, &quot;quoted&quot; &amp; &lt;marked&gt;（承認者: Security committee、2099-12-31 まで）">' "$T/polja.xml"; then ok; else bad "Japanese waived message: $(grep -F '例外承認:' "$T/polja.xml" | head -2)"; fi
if grep -qx 'Waiver at tenken-waivers.yaml:2:5' "$T/pol.xml"; then ok; else bad "a waived case names the waiver's place"; fi
python3 - "$T/pol.xml" <<'PY' && ok || bad "owners in failure texts by category"
import sys, xml.etree.ElementTree as E
root = E.parse(sys.argv[1]).getroot()
fails = {(c.get("classname"), c.get("name")): c.find("failure").text
         for c in root.iter("testcase") if c.find("failure") is not None}
assert "\nOwner: Example SI (SIer)\n" in fails[("TK-AWS-SG-001", "aws_security_group.bastion")]
assert "\nOwner: Platform team (user)\n" in fails[("TK-AWS-S3-001", "aws_s3_bucket.logs")]
assert all("\nOwner: " in t for t in fails.values())
PY
if grep -qx '担当: Example SI（SIer）' "$T/polja.xml" && grep -qx '担当: Platform team（利用者）' "$T/polja.xml"; then ok; else bad "Japanese owner lines"; fi
if grep -qx 'Waiver expired on 2020-01-31: TLS enforced by the proxy (approved by CISO, written at tenken-waivers.yaml:8:5)' "$T/pol.xml"; then ok; else bad "expired waiver line: $(grep -F 'expired on' "$T/pol.xml" | head -3)"; fi
if grep -qx 'Suppression expired on 2020-01-01: public website bucket (written at infra/main.tf:22:1)' "$T/pol.xml"; then ok; else bad "expired suppression line: $(grep -F 'expired on' "$T/pol.xml" | head -3)"; fi
if grep -qx '例外承認の期限切れ（2020-01-31）: TLS enforced by the proxy（承認者: CISO、記載: tenken-waivers.yaml:8:5）' "$T/polja.xml" &&
    grep -qx '抑止の期限切れ（2020-01-01）: public website bucket（記載: infra/main.tf:22:1）' "$T/polja.xml"; then ok; else bad "Japanese expired lines: $(grep -F '期限切れ' "$T/polja.xml" | head -3)"; fi
if [ "$(grep -c '<skipped message="in the baseline: known before">' "$T/pol.xml")" = 6 ] &&
    ! grep -q 'in the baseline' "$T/polnb.xml"; then ok; else bad "findings the baseline holds are skipped cases"; fi
python3 - "$T/pol.xml" "$T/polnb.xml" <<'PY' && ok || bad "the baseline turns failures into skipped cases, the tests stay the same"
import sys, xml.etree.ElementTree as E
a, b = (E.parse(p).getroot() for p in sys.argv[1:3])
assert a.get("tests") == b.get("tests"), (a.attrib, b.attrib)
assert int(b.get("failures")) - int(a.get("failures")) == 6, (a.attrib, b.attrib)
assert int(a.get("skipped")) - int(b.get("skipped")) == 6, (a.attrib, b.attrib)
PY
if grep -q 'Owner: \|担当: \|expired on\|property name="owner"' "$T/r.xml" "$T/ja.xml"; then bad "a scan without a configuration names owners or exemptions"; else ok; fi
in_dir "$P" run "$TK" scan --no-scope-rules --owner sier -f junit="$T/own.xml" -f json="$T/own.json" infra
check_junit "$T/own.xml" "$T/own.json" en "--owner sier"
python3 - "$T/own.xml" <<'PY' && ok || bad "--owner: the suite says whose categories were checked"
import sys, xml.etree.ElementTree as E
root = E.parse(sys.argv[1]).getroot()
props = {p.get("name"): p.get("value") for p in root.find("testsuite").iter("property")}
assert props.get("owner") == "sier", props
cases = list(root.iter("testcase"))
assert cases and all(c.get("classname").startswith("TK-AWS-SG-") for c in cases), [c.get("classname") for c in cases]
PY

# ---- many results ----
python3 "$ROOT/bench/gen_manifests.py" k8s "$T/big.yaml" 300 >/dev/null 2>&1
run "$TK" scan -f junit="$T/b.xml" -f json="$T/b.json" "$T/big.yaml"
check_junit "$T/b.xml" "$T/b.json" en "300 generated manifests"

echo "junit tests: $pass passed, $fail failed"
[ "$fail" = 0 ]
