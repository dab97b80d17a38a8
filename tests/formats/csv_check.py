"""Checks a CSV report against the JSON report of the same scan.

Usage: csv_check.py REPORT.csv REPORT.json LANG
Prints what is wrong and exits 1, or exits 0."""
import collections
import csv
import io
import json
import sys

csv_path, json_path, lang = sys.argv[1:4]
raw = open(csv_path, "rb").read()
# The JSON report passes bytes that are not UTF-8 through; one U+FFFD each, as in the CSV.
rep = json.load(open(json_path, encoding="utf-8", errors="replace"))
problems = []


def check(cond, what):
    if not cond:
        problems.append(what)


def unsafe(ch):
    """Characters the report replaces by U+FFFD (the JSON report escapes them instead)."""
    c = ord(ch)
    if c < 0x20:
        return ch not in "\t\n\r"
    return (0x7F <= c <= 0x9F or 0x202A <= c <= 0x202E or 0x2066 <= c <= 0x2069
            or c in (0xFFFE, 0xFFFF))


def clean(s):
    return "".join("\ufffd" if unsafe(ch) else ch for ch in s)


FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def cell(s):
    """What the CSV holds for an input-derived text: unsafe characters replaced, a formula
    neutralised with an apostrophe."""
    s = clean(s or "").rstrip("\r\n")
    return "'" + s if s.startswith(FORMULA_START) else s


check(raw.startswith(b"\xef\xbb\xbf"), "no byte order mark")
text = raw.decode("utf-8")[1:]  # strict: the report is UTF-8 whatever the input was

# Every record ends with CRLF; line breaks inside quoted cells are data.
quoted = False
for i, ch in enumerate(text):
    if ch == '"':
        quoted = not quoted
    elif not quoted and ch == "\n" and (i == 0 or text[i - 1] != "\r"):
        problems.append(f"bare LF ending a record at {i}")
        break
    elif not quoted and ch == "\r" and text[i + 1: i + 2] != "\n":
        problems.append(f"bare CR at {i}")
        break
check(not quoted, "unbalanced quotes")
check(text.endswith("\r\n"), "the last record does not end with CRLF")

rows = list(csv.reader(io.StringIO(text, newline="")))
COLUMNS = ["status", "severity", "level", "category", "category title", "guideline", "rule ID",
           "title", "resource type", "resource address", "file", "line", "column", "CIS",
           "other references", "risk", "remediation", "reason", "expires", "fingerprint", "owner",
           "approver"]
HEADER = {
    "en": ["status", "severity", "level", "category", "category title", "guideline", "rule ID",
           "title", "resource type", "resource address", "file", "line", "column", "CIS",
           "other references", "risk", "remediation", "reason", "expires", "fingerprint", "owner",
           "approver"],
    "ja": ["状態", "重大度", "レベル", "類型", "類型名", "ガイドライン項番", "ルールID", "内容",
           "リソース種別", "リソース", "ファイル", "行", "列", "CIS", "その他の基準", "リスク",
           "対処", "理由", "期限", "フィンガープリント", "担当", "承認者"],
}[lang]
check(rows and rows[0] == HEADER, f"header {rows[0] if rows else None}")
body = rows[1:]
for r in body:
    check(len(r) == len(HEADER), f"row with {len(r)} cells: {r[:8]}")
col = {name: i for i, name in enumerate(COLUMNS)}  # by the English names
STATUS = {"en": ("finding", "suppressed", "not evaluated", "input error", "waived",
                 "finding (exemption expired)"),
          "ja": ("指摘", "抑止", "未評価", "入力エラー", "例外承認", "指摘（例外の期限切れ）")}[lang]
waived = rep.get("waived", [])
expected_rows = (len(rep["findings"]) + len(rep["suppressed"]) + len(waived) + len(rep["not_evaluated"])
                 + len(rep["errors"]))
check(len(body) == expected_rows, f"{len(body)} rows, JSON has {expected_rows} results")
counts = collections.Counter(r[0] for r in body)
lapsed = [f for f in rep["findings"] if f.get("expired_exemption")]
check(counts[STATUS[0]] + counts[STATUS[5]] == len(rep["findings"]) and counts[STATUS[5]] == len(lapsed),
      f"{counts[STATUS[0]]} + {counts[STATUS[5]]} finding rows, JSON has {len(rep['findings'])} findings, "
      f"{len(lapsed)} with an expired exemption")
for status, key in zip(STATUS[1:5], ("suppressed", "not_evaluated", "errors", "waived")):
    n = len(rep.get(key, []))
    check(counts[status] == n, f"{counts[status]} rows '{status}', JSON has {n} {key}")

# The owner's label: "name (role)", or the one given; role words in the report language.
ROLE = {"en": {"user": "user", "sier": "SIer", "provider": "provider"},
        "ja": {"user": "利用者", "sier": "SIer", "provider": "クラウド事業者"}}[lang]


def owner_label(o):
    if not o:
        return ""
    role = ROLE.get(o.get("role")) if o.get("role") else None
    if o.get("name") and role:
        return f"{o['name']}（{role}）" if lang == "ja" else f"{o['name']} ({role})"
    return o.get("name") or role or ""


# Who is responsible for a result's category: the JSON report names it on findings, and for
# every category under "responsibility"; None when neither says (the cell is not checked).
responsibility = (rep.get("responsibility") or {}).get("categories") or {}


def expected_owner(x):
    if "owner" in x:
        return owner_label(x["owner"])
    category = x.get("category") or rep["rules"].get(x["rule_id"], {}).get("category")
    if category is None:
        return None if responsibility else ""
    return owner_label(responsibility.get(category))


# The rows in order: findings, suppressed findings, waived findings, checks not evaluated,
# input errors; each cell as the JSON report has it (after the round trip through the CSV
# reader). A finding reported again because its exemption expired shows that exemption.
results = ([(STATUS[5] if f.get("expired_exemption") else STATUS[0], f) for f in rep["findings"]]
           + [(STATUS[1], f) for f in rep["suppressed"]] + [(STATUS[4], f) for f in waived]
           + [(STATUS[2], f) for f in rep["not_evaluated"]])
SEVERITY = {"en": {"critical": "CRITICAL", "high": "HIGH", "medium": "MEDIUM", "low": "LOW", "info": "INFO"},
            "ja": {"critical": "重大", "high": "高", "medium": "中", "low": "低", "info": "情報"}}[lang]
rules = rep["rules"]
for r, (status, x) in zip(body, results):
    want = {"status": status, "rule ID": x["rule_id"], "resource type": cell(x["resource"]["type"]),
            "resource address": cell(x["resource"]["address"]), "file": cell(x["location"]["file"]),
            "line": str(x["location"]["line"]), "column": str(x["location"]["column"]),
            "fingerprint": x.get("fingerprint", ""), "reason": cell(x.get("reason", "")),
            "expires": x.get("expires") or "", "approver": ""}
    owner = expected_owner(x)
    if owner is not None:
        want["owner"] = cell(owner)
    exemption = x.get("waiver") or x.get("expired_exemption")
    if exemption:
        want["reason"] = cell(exemption.get("reason"))
        want["expires"] = exemption.get("expires") or ""
        want["approver"] = cell(exemption.get("approver"))
    if "severity" in x:
        want["severity"] = SEVERITY[x["severity"]]
    if x["rule_id"] in rules:
        rule = rules[x["rule_id"]]
        want["title"] = cell(rule["title"][lang])
        want["category"] = rule["category"]
        want["category title"] = rule["category_title"][lang]
        want["guideline"] = "; ".join(rule["guideline"])
        want["CIS"] = "; ".join(rule["cis"])
        want["risk"] = cell(rule["risk"][lang])
    for name, value in want.items():
        got = r[col[name]]
        check(got == value, f"{x['rule_id']} {name}: {got!r}, expected {value!r}")
for r, e in zip(body[len(results):], rep["errors"]):
    check(r[col["file"]] == cell(e["file"]) and r[col["reason"]] == cell(e["message"]),
          f"error row {r}")

# No cell can start a formula, and nothing unsafe is left.
for r in rows:
    for c in r:
        check(not c.startswith(FORMULA_START), f"cell starts a formula: {c[:40]!r}")
        check(not any(unsafe(ch) for ch in c), f"unsafe character in {c[:40]!r}")

if problems:
    for p in problems[:20]:
        print(p)
    sys.exit(1)
