"""Checks a JUnit report against the JSON report of the same scan.

Usage: junit_check.py REPORT.xml REPORT.json LANG
Prints what is wrong and exits 1, or exits 0."""
import collections
import json
import sys
import xml.etree.ElementTree as ET


def unsafe(ch):
    """Characters the report replaces by U+FFFD (the JSON report escapes them instead)."""
    c = ord(ch)
    if c < 0x20:
        return ch not in "\t\n\r"
    return (0x7F <= c <= 0x9F or 0x202A <= c <= 0x202E or 0x2066 <= c <= 0x2069
            or c in (0xFFFE, 0xFFFF))


def clean(s):
    return "".join("\ufffd" if unsafe(ch) else ch for ch in s)


def has_unsafe(s):
    return any(unsafe(ch) for ch in s)


xml_path, json_path, lang = sys.argv[1:4]
raw = open(xml_path, "rb").read()
# The JSON report passes bytes that are not UTF-8 through; one U+FFFD each, as here.
rep = json.load(open(json_path, encoding="utf-8", errors="replace"))
problems = []


def check(cond, what):
    if not cond:
        problems.append(what)


text = raw.decode("utf-8")  # strict: the report is UTF-8 whatever the input was
check(raw.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n'), "XML declaration")
check(b"<script>" not in raw, "raw <script> in the XML")
root = ET.fromstring(raw)
check(root.tag == "testsuites" and root.get("name") == "tenken", "root element")

# Counts: each suite's attributes match its test cases, the root's the sum of the suites.
total = collections.Counter()
for suite in root.findall("testsuite"):
    cases = suite.findall("testcase")
    got = collections.Counter(tests=len(cases))
    for c in cases:
        for kind, attr in (("failure", "failures"), ("error", "errors"), ("skipped", "skipped")):
            got[attr] += len(c.findall(kind))
    for attr in ("tests", "failures", "errors", "skipped"):
        check(int(suite.get(attr)) == got[attr],
              f"suite {suite.get('name')!r}: {attr}={suite.get(attr)} but {got[attr]} cases")
        total[attr] += got[attr]
for attr in ("tests", "failures", "errors", "skipped"):
    check(int(root.get(attr)) == total[attr], f"testsuites {attr}={root.get(attr)}, suites {total[attr]}")

# The same numbers as the JSON report of the scan.
s = rep["summary"]
n_errors = len(rep["errors"])
check(total["failures"] == len(rep["findings"]) == s["findings"],
      f"failures {total['failures']} vs findings {s['findings']}")
# Skipped: checks not evaluated, suppressed and waived findings, and findings the baseline holds.
waived = rep.get("waived", [])
n_baselined = s.get("baselined", 0)
check(total["skipped"] == len(rep["not_evaluated"]) + len(rep["suppressed"]) + len(waived) + n_baselined,
      f"skipped {total['skipped']} vs not evaluated {len(rep['not_evaluated'])} + suppressed "
      f"{len(rep['suppressed'])} + waived {len(waived)} + baselined {n_baselined}")
check(total["errors"] == n_errors, f"errors {total['errors']} vs {n_errors}")
check(total["tests"] == s["checks"] + n_errors, f"tests {total['tests']} vs checks {s['checks']} + errors {n_errors}")

# One suite per input, named by its path, in order (then suites for files that are no input).
suite_names = [x.get("name") for x in root.findall("testsuite")]
inputs = [clean(i["path"]) for i in rep["inputs"]]
check(suite_names[: len(inputs)] == inputs, f"suites {suite_names} vs inputs {inputs}")


def case_name(res):
    name = clean(res["address"])
    typed = res["family"] == "cloudformation" and res["type"] != "scope"
    return name + f" ({clean(res['type'])})" if typed else name


# Failures are the findings: rule ID, resource, file; message the title, type the severity.
titles = {rid: r["title"][lang] for rid, r in rep["rules"].items()}
failed = collections.Counter()
for c in root.iter("testcase"):
    for f in c.findall("failure"):
        failed[(c.get("classname"), c.get("name"), c.get("file"))] += 1
        check(f.get("message") == titles.get(c.get("classname")), f"failure message {f.get('message')!r}")
        check(f.text and c.get("classname") in f.text, "failure text names the rule")
expected = collections.Counter((f["rule_id"], case_name(f["resource"]), clean(f["location"]["file"]))
                               for f in rep["findings"])
check(failed == expected, f"failures differ from findings: {(failed - expected) + (expected - failed)}")
sev = {(f["rule_id"], case_name(f["resource"])): f["severity"] for f in rep["findings"]}
for c in root.iter("testcase"):
    for f in c.findall("failure"):
        check(f.get("type") == sev.get((c.get("classname"), c.get("name"))), "failure type is the severity")

# Skipped: checks not evaluated, suppressed and waived findings, with the reason; findings
# the baseline holds, with the same message each.
BASELINED = {"en": "in the baseline: known before", "ja": "ベースラインに記録済みの指摘"}[lang]
skipped = collections.Counter()
reasons = []
baselined = 0
for c in root.iter("testcase"):
    for x in c.findall("skipped"):
        if x.get("message") == BASELINED:
            baselined += 1
            continue
        skipped[(c.get("classname"), c.get("name"))] += 1
        reasons.append(x.get("message"))
check(baselined == n_baselined, f"{baselined} skipped as baselined, JSON has {n_baselined}")
expected = collections.Counter((x["rule_id"], case_name(x["resource"]))
                               for x in rep["not_evaluated"] + rep["suppressed"] + waived)
check(skipped == expected, f"skipped differ: {(skipped - expected) + (expected - skipped)}")
for x in rep["suppressed"] + rep["not_evaluated"]:
    check(any(clean(x["reason"]) in m for m in reasons), f"reason {x['reason']!r} not in a skipped message")

for x in waived:
    wv = x.get("waiver", {})
    if lang == "en":
        want = f"waived: {clean(wv.get('reason', ''))} (approved by {clean(wv.get('approver', ''))}, until {wv.get('expires')})"
    else:
        want = f"例外承認: {clean(wv.get('reason', ''))}（承認者: {clean(wv.get('approver', ''))}、{wv.get('expires')} まで）"
    check(want in reasons, f"no skipped message {want!r}")

# Failures name the owner of their category when the configuration says who it is, and the
# exemption that expired when there is one.
ROLE = {"en": {"user": "user", "sier": "SIer", "provider": "provider"},
        "ja": {"user": "利用者", "sier": "SIer", "provider": "クラウド事業者"}}[lang]
OWNER = {"en": "Owner: ", "ja": "担当: "}[lang]


def owner_label(o):
    role = ROLE.get(o.get("role")) if o.get("role") else None
    if o.get("name") and role:
        return f"{o['name']}（{role}）" if lang == "ja" else f"{o['name']} ({role})"
    return o.get("name") or role or ""


failure_text = {}
for c in root.iter("testcase"):
    for f in c.findall("failure"):
        failure_text[(c.get("classname"), c.get("name"), c.get("file"))] = f.text or ""
for f in rep["findings"]:
    text = failure_text.get((f["rule_id"], case_name(f["resource"]), clean(f["location"]["file"])), "")
    lines = text.split("\n")
    if f.get("owner"):
        check(OWNER + clean(owner_label(f["owner"])) in lines, f"no owner line for {f['rule_id']}: {lines[:4]}")
    else:
        check(not any(l.startswith(OWNER) for l in lines), f"owner line without an owner: {f['rule_id']}")
    x = f.get("expired_exemption")
    if x:
        suppression = x.get("kind") == "suppression"
        if lang == "en":
            start = f"{'Suppression' if suppression else 'Waiver'} expired on {x['expires']}: {clean(x['reason'])} ("
        else:
            start = f"{'抑止' if suppression else '例外承認'}の期限切れ（{x['expires']}）: {clean(x['reason'])}（"
        check(any(l.startswith(start) for l in lines), f"no line {start!r} for {f['rule_id']}")
    else:
        check(not any(l.startswith(("Waiver expired on", "Suppression expired on", "例外承認の期限切れ",
                                    "抑止の期限切れ")) for l in lines),
              f"expiry line without one: {f['rule_id']}")

# Input errors: an error test case in the suite of the input (or one named after the file):
# the input's path is the file's or, for Terraform source, a directory holding it.
for e in rep["errors"]:
    found = False
    for suite in root.findall("testsuite"):
        name, file = suite.get("name"), clean(e["file"])
        if name != file and not file.startswith(name + "/"):
            continue
        for c in suite.findall("testcase"):
            for x in c.findall("error"):
                found |= x.get("message") == clean(e["message"])
    check(found, f"no error test case for {e['file']}")

# Every test case says where it is; nothing unsafe survives in names or texts.
for c in root.iter("testcase"):
    check(c.get("classname") and c.get("name") is not None, "classname and name")
    check(c.get("file") and int(c.get("line")) >= 1, "file and line")
for el in root.iter():
    for v in list(el.attrib.values()) + [el.text or ""]:
        if has_unsafe(v):
            problems.append(f"unsafe character in {el.tag}: {v!r}")
            break

if problems:
    for p in problems[:20]:
        print(p)
    sys.exit(1)
