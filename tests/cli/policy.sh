#!/usr/bin/env bash
# Policy controls from the command line: waivers (valid, expired, stale, refused), inline
# suppressions and their expiry, baselines (stable under moved lines, reordered files and
# added resources), --owner and the responsibility matrix, tenken config check of waivers.
# Usage: tests/cli/policy.sh path/to/tenken      Ends with "N passed, N failed".
set -u
TK=$(realpath "$1")
cd "$(dirname "$0")/../.."
ROOT=$PWD
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
. tests/assert.sh

P=$T/proj
mkdir -p "$P/infra" "$P/k8s"
cat >"$P/.tenken.yaml" <<'YAML'
profile: basic
service-model: iaas
responsibility:
  default: {role: user, name: Platform team}
  "4.2": {role: sier, name: Example SI}
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
TF
cat >"$P/tenken-waivers.yaml" <<'YAML'
waivers:
  - rule: TK-AWS-SG-001
    resource: aws_security_group.web
    reason: bastion migration by the maintenance vendor
    approver: Security committee
    created: 2026-11-01
    expires: 2027-01-31
  - rule: TK-AWS-S3-004
    resource: aws_s3_bucket.*
    reason: TLS enforcement comes with the new proxy
    approver: CISO
    created: 2026-05-01
    expires: 2026-10-31
  - rule: TK-AWS-S3-001
    resource: aws_s3_bucket.old_public_site
    reason: public website, removed in Q3
    approver: CISO
    created: 2026-06-01
    expires: 2027-06-30
YAML
cd "$P"

# ---- waivers ----
run "$TK" scan --today 2026-11-22 --no-scope-rules --lang en infra
expect_code 1 "findings remain besides the waived one"
expect_in out "Waivers (tenken-waivers.yaml): 3 read; 1 finding waived, 1 expired, 1 stale" "waiver counts"
expect_in out "bastion migration by the maintenance vendor — approved by Security committee, until 2027-01-31" "the waived finding is listed with reason, approver, expiry"
expect_in out "! Waiver expired on 2026-10-31 (tenken-waivers.yaml:8:5): TLS enforcement comes with the new proxy — approved by CISO" "an expired waiver marks its finding"
expect_in out "STALE  TK-AWS-S3-001  aws_s3_bucket.old_public_site  tenken-waivers.yaml:14:5" "a waiver matching nothing is reported as stale"
expect_in err "tenken-waivers.yaml:14:5: warning: the waiver of TK-AWS-S3-001" "stale waiver warned with its place"
expect_in err "tenken-waivers.yaml:8:5: warning: the waiver of TK-AWS-S3-004 for aws_s3_bucket.* expired on 2026-10-31" "expired waiver warned"
run "$TK" scan --today 2026-11-22 --no-scope-rules --rule TK-AWS-SG-001 -q infra
expect_code 0 "a waived finding does not count for the exit status"
expect_not_in out "TK-AWS-SG-001" "the waived finding is not among the findings"
run "$TK" scan --today 2027-02-01 --no-scope-rules --rule TK-AWS-SG-001 infra
expect_code 1 "after its expiry the finding counts again"
run "$TK" scan --today 2027-01-31 --no-scope-rules --rule TK-AWS-SG-001 infra
expect_code 0 "the expiry date itself is still covered"
run "$TK" scan --today 2026-11-22 --no-scope-rules --no-waivers --rule TK-AWS-SG-001 infra
expect_code 1 "--no-waivers applies none"
run "$TK" scan --today 2026-11-22 --no-scope-rules -f json infra
python3 - "$T/out" <<'PY' && ok || bad "JSON: waived, waivers with status, owners, expired exemption"
import json, sys
d = json.load(open(sys.argv[1]))
assert [w["rule_id"] for w in d["waived"]] == ["TK-AWS-SG-001"], d["waived"]
w = d["waived"][0]
assert w["waiver"]["approver"] == "Security committee" and w["waiver"]["written_at"]["line"] == 2
assert w["owner"] == {"role": "sier", "name": "Example SI"}, w["owner"]
st = {x["rule_id"]: x["status"] for x in d["waivers"]["items"]}
assert st == {"TK-AWS-SG-001": "active", "TK-AWS-S3-004": "expired", "TK-AWS-S3-001": "stale"}, st
assert d["waivers"]["file"] == "tenken-waivers.yaml"
f = {x["rule_id"]: x for x in d["findings"]}
assert f["TK-AWS-S3-004"]["expired_exemption"]["kind"] == "waiver"
assert f["TK-AWS-S3-004"]["expired_exemption"]["expires"] == "2026-10-31"
assert "expired_exemption" not in f["TK-AWS-S3-001"]
assert all(x["owner"] == {"role": "user", "name": "Platform team"} for x in d["findings"])
assert d["responsibility"]["categories"]["4.2"]["name"] == "Example SI"
assert d["summary"]["waived"] == 1 and d["summary"]["exemptions_expired"] == 1
assert "TK-AWS-SG-001" not in f
PY
run "$TK" scan --today 2026-11-22 --no-scope-rules --waivers /nonexistent infra
expect_code 2 "a missing --waivers file"
expect_in err "/nonexistent:1:1:" "named with a position"

# Waivers that are refused, each at its place.
bad_waiver() { # description, expected message, YAML of the waiver list
    printf 'waivers:\n%s\n' "$3" >"$T/w.yaml"
    run "$TK" scan --no-scope-rules --waivers "$T/w.yaml" infra
    expect_code 2 "$1"
    expect_in err "$2" "$1: message"
}
bad_waiver "waiver without a reason" "w.yaml:2:5: this waiver has no reason" \
    '  - {rule: TK-AWS-SG-001, resource: "*", approver: A, created: 2026-01-01, expires: 2027-01-01}'
bad_waiver "waiver without an approver" "w.yaml:2:5: this waiver has no approver" \
    '  - {rule: TK-AWS-SG-001, resource: "*", reason: R, created: 2026-01-01, expires: 2027-01-01}'
bad_waiver "waiver without an expiry" "w.yaml:2:5: this waiver has no expires" \
    '  - {rule: TK-AWS-SG-001, resource: "*", reason: R, approver: A, created: 2026-01-01}'
bad_waiver "waiver with an empty reason" "w.yaml:2:5: this waiver has no reason" \
    '  - {rule: TK-AWS-SG-001, resource: "*", reason: " ", approver: A, created: 2026-01-01, expires: 2027-01-01}'
bad_waiver "waiver with an impossible date" "w.yaml:2:96: expires must be a date written YYYY-MM-DD, not '2027-02-30'" \
    '  - {rule: TK-AWS-SG-001, resource: "*", reason: R, approver: A, created: 2026-01-01, expires: 2027-02-30}'
bad_waiver "waiver of an unknown rule" "w.yaml:2:12: no rule with id 'TK-NOPE-001'" \
    '  - {rule: TK-NOPE-001, resource: "*", reason: R, approver: A, created: 2026-01-01, expires: 2027-01-01}'
bad_waiver "waiver with an unknown key" "w.yaml:3:13: unknown key 'expiry' in a waiver" \
    $'  - rule: TK-AWS-SG-001\n    expiry: 2027-01-01'
bad_waiver "waiver created after it expires" "created (2027-05-01) is after expires (2027-01-01)" \
    '  - {rule: TK-AWS-SG-001, resource: "*", reason: R, approver: A, created: 2027-05-01, expires: 2027-01-01}'
printf 'waiver:\n  - {}\n' >"$T/w.yaml"
run "$TK" scan --no-scope-rules --waivers "$T/w.yaml" infra; expect_code 2 "misspelt top-level key"
expect_in err "w.yaml:2:3: unknown key 'waiver' in the waivers file (waivers)" "misspelt top-level key message"

# ---- inline suppressions follow the same rules of reason and expiry ----
mkdir -p "$T/sup"
cat >"$T/sup/main.tf" <<'TF'
# tenken:ignore:TK-AWS-S3-001 a public website
resource "aws_s3_bucket" "no_expiry" {
  bucket = "a"
}

# tenken:ignore:TK-AWS-S3-001 a public website exp:2026-01-31
resource "aws_s3_bucket" "expired" {
  bucket = "b"
}

# tenken:ignore:TK-AWS-S3-001 a public website exp:2099-12-31
resource "aws_s3_bucket" "in_force" {
  bucket = "c"
}
TF
run "$TK" scan --no-config --today 2026-11-22 --no-scope-rules --rule TK-AWS-S3-001 --lang en "$T/sup"
expect_code 1 "suppressions without expiry or expired do not hide findings"
expect_in out "aws_s3_bucket.no_expiry" "a suppression without an expiry date is not applied"
expect_in err "main.tf:1:1: warning: the suppression of TK-AWS-S3-001 has no expiry date" "and says so"
expect_in out "! Suppression expired on 2026-01-31 (" "an expired suppression marks its finding"
expect_not_in out "aws_s3_bucket.in_force" "a suppression in force applies"
printf 'suppressions:\n  require-expiry: false\n' >"$T/sup/.tenken.yaml"
run "$TK" scan --today 2026-11-22 --no-scope-rules --rule TK-AWS-S3-001 -q "$T/sup"
expect_not_in out "aws_s3_bucket.no_expiry" "require-expiry: false applies open-ended suppressions"
expect_in out "aws_s3_bucket.expired" "an expired one still does not"
printf 'suppressions:\n  require-expiry: "no"\n' >"$T/sup/.tenken.yaml"
run "$TK" scan --no-scope-rules "$T/sup"; expect_code 2 "require-expiry must be a boolean"
expect_in err ".tenken.yaml:2:19: require-expiry must be true or false" "with its position"
rm "$T/sup/.tenken.yaml"

# ---- responsibility and --owner ----
run "$TK" scan --today 2026-11-22 --no-scope-rules --lang en infra
expect_in out "Owner: Platform team (user)" "each finding names its owner"
expect_in out "Responsibility (service model IaaS):" "the text report shows the responsibility matrix"
expect_in out "4.2  Network                               Example SI (SIer)  (findings 0, waived 1)" "matrix row of the SIer"
run "$TK" scan --today 2026-11-22 --no-scope-rules --lang en --owner "example si" --no-waivers -q infra
expect_code 1 "--owner by name (any case)"
expect_in out "TK-AWS-SG-001" "the SIer's network finding"
expect_not_in out "TK-AWS-S3-" "not the user's storage findings"
run "$TK" scan --today 2026-11-22 --no-scope-rules --owner user --no-waivers -q infra
expect_in out "TK-AWS-S3-001" "--owner by role: the user's findings"
expect_not_in out "TK-AWS-SG-001" "and not the SIer's"
run "$TK" scan --no-scope-rules --owner user -q --owner user --no-waivers infra --lang en
run "$TK" scan --no-scope-rules --owner nobody infra
expect_code 2 "--owner nobody knows"
expect_in err "--owner nobody: no guideline category has that owner (owners: user, Platform team, sier, Example SI)" "lists the owners"
run "$TK" scan --no-config --no-scope-rules --owner user infra
expect_code 2 "--owner without a configuration"
expect_in err "--owner needs a configuration" "--owner without a configuration message"
run "$TK" scan --today 2026-11-22 --no-scope-rules --lang en --owner sier infra
expect_in out "Only the categories of sier were checked (--owner)." "the report says it is one owner's"
expect_in out "[not checked]" "other owners' categories are marked not checked"

# ---- baselines ----
run "$TK" scan --no-waivers --no-scope-rules --write-baseline "$T/base.json" infra
expect_code 1 "writing a baseline still reports"
python3 - "$T/base.json" <<'PY' && ok || bad "baseline file: version and fingerprints"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["tenken_baseline"] == 1
fps = [x["fingerprint"] for x in d["findings"]]
assert len(fps) == 3 and all(len(x) == 16 for x in fps), fps
assert {x["rule_id"] for x in d["findings"]} == {"TK-AWS-S3-001", "TK-AWS-S3-004", "TK-AWS-SG-001"}
PY
run "$TK" scan --no-waivers --no-scope-rules --baseline "$T/base.json" infra
expect_code 0 "nothing new against the baseline"
# Lines move, resources move to another file, an unrelated resource is added.
mkdir -p "$T/moved"
cp -r "$P/.tenken.yaml" "$T/moved/"
mkdir -p "$T/moved/infra"
{ printf '# moved down\n\n\n'; sed -n '5,13p' "$P/infra/main.tf"; } >"$T/moved/infra/network.tf"
{ printf 'locals {\n  x = 1\n}\n\n'; sed -n '1,3p' "$P/infra/main.tf"; } >"$T/moved/infra/storage.tf"
cat >"$T/moved/infra/added.tf" <<'TF'
resource "aws_s3_bucket" "added" {
  bucket = "new"
}
TF
cd "$T/moved"
run "$TK" scan --no-scope-rules --baseline "$T/base.json" -f json infra
cd "$P"
python3 - "$T/out" <<'PY' && ok || bad "baseline: moved lines, files and added resources"
import json, sys
d = json.load(open(sys.argv[1]))
addrs = {x["resource"]["address"] for x in d["findings"]}
assert addrs == {"aws_s3_bucket.added"}, addrs
assert d["baseline"]["known"] == 3 and d["baseline"]["gone"] == 0, d["baseline"]
assert d["summary"]["baselined"] == 3
PY
# Inputs given in another order keep their fingerprints too.
PLAN_A=$ROOT/rules/aws/tests/TK-AWS-S3-001/fail.plan.json
PLAN_B=$(ls "$ROOT"/tests/corpus/tfplan/*.json | head -1)
run "$TK" scan --no-config --write-baseline "$T/plans.json" "$PLAN_A" "$PLAN_B"
run "$TK" scan --no-config --baseline "$T/plans.json" -f json "$PLAN_B" "$PLAN_A"
python3 - "$T/out" <<'PY' && ok || bad "baseline: inputs in another order"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["findings"] == [] and d["baseline"]["known"] > 0 and d["baseline"]["gone"] == 0, d["baseline"]
PY
# Kubernetes objects split into several files of the directory keep theirs.
mkdir -p "$T/k1/app" "$T/k2/app"
cat >"$T/k1/app/all.yaml" <<'YAML'
apiVersion: v1
kind: Pod
metadata: {name: web, namespace: shop}
spec:
  hostNetwork: true
  containers: [{name: c, image: nginx}]
---
apiVersion: v1
kind: Pod
metadata: {name: worker, namespace: shop}
spec:
  hostPID: true
  containers: [{name: c, image: busybox}]
YAML
sed -n '1,6p' "$T/k1/app/all.yaml" >"$T/k2/app/web.yaml"
sed -n '8,13p' "$T/k1/app/all.yaml" >"$T/k2/app/worker.yaml"
(cd "$T/k1" && "$TK" scan --no-config --write-baseline "$T/k.json" app >/dev/null 2>&1)
cd "$T/k2"
run "$TK" scan --no-config --baseline "$T/k.json" -q app
expect_code 0 "Kubernetes objects moved between files of a directory are still known"
cd "$P"
# Fixed findings are counted as gone; a new one shows.
run "$TK" scan --no-config --no-scope-rules --baseline "$T/base.json" --lang en --rule TK-AWS-SG-001 "$T/sup"
expect_in out "Baseline (" "the text report names the baseline"
expect_in out "0 known findings not shown; 1 fixed since" "fixed findings of the rules that ran are counted"
# Entries of rules the scan does not run (another owner's) are not counted as fixed.
run "$TK" scan --no-waivers --no-scope-rules --owner sier --baseline "$T/base.json" -f json infra
python3 - "$T/out" <<'PY' && ok || bad "baseline with --owner: other owners' entries are not fixed"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["baseline"] == {"file": d["baseline"]["file"], "known": 1, "gone": 0}, d["baseline"]
PY
# A baseline that is not one.
printf '{"tenken_baseline": 1, "findings": [{"fingerprint": "xyz"}]}\n' >"$T/bad.json"
run "$TK" scan --no-scope-rules --baseline "$T/bad.json" infra; expect_code 2 "bad fingerprint in a baseline"
expect_in err "bad.json:1:53: a fingerprint is 16 lowercase hexadecimal digits" "with its position"
printf '{"findings": []}\n' >"$T/bad.json"
run "$TK" scan --no-scope-rules --baseline "$T/bad.json" infra; expect_code 2 "not a baseline"
expect_in err "bad.json:1:1: not a tenken baseline" "not a baseline message"
run "$TK" scan --no-scope-rules --baseline "$T/none.json" infra; expect_code 2 "missing baseline"
# Nothing scanned: no baseline is written (it would forget every known finding).
run "$TK" scan --write-baseline "$T/empty.json" "$T/missing-input"
expect_code 2 "unreadable input"
[ ! -e "$T/empty.json" ] && ok || bad "no baseline written when nothing was scanned"
# Named in the configuration.
printf 'baseline: base.json\n' >"$T/k2/.tenken.yaml"
cp "$T/k.json" "$T/k2/base.json"
cd "$T/k2"
run "$TK" scan -q app; expect_code 0 "baseline named in .tenken.yaml"
cd "$P"

# ---- tenken config check ----
run "$TK" config check --lang en --today 2026-11-22
expect_code 0 "config check with a waivers file"
expect_in out "tenken-waivers.yaml: valid waivers file" "names the waivers file"
expect_in out "3 waivers (1 expired):" "counts them"
expect_in out "EXPIRED on 2026-10-31 (approved by CISO, created 2026-05-01)" "shows an expired one"
expect_in out "in force until 2027-01-31 (approved by Security committee, created 2026-11-01)" "and one in force"
printf 'waivers:\n  - {rule: TK-AWS-SG-001, resource: "*", reason: R, created: 2026-01-01, expires: 2027-01-01}\n' >"$T/w.yaml"
run "$TK" config check --waivers "$T/w.yaml"
expect_code 2 "config check rejects a waiver without an approver"
expect_in err "w.yaml:2:5: this waiver has no approver" "at its place"
run "$TK" config check --today 2026-13-01; expect_code 2 "bad --today"

echo "policy tests: $pass passed, $fail failed"
[ "$fail" = 0 ]
