"""Checks a Markdown report against the JSON report of the same scan.

Usage: markdown_check.py REPORT.md REPORT.json LANG
Prints what is wrong and exits 1, or exits 0."""
import json
import re
import sys

md_path, json_path, lang = sys.argv[1:4]
raw = open(md_path, "rb").read()
rep = json.load(open(json_path, encoding="utf-8", errors="replace"))
problems = []


def check(cond, what):
    if not cond:
        problems.append(what)


text = raw.decode("utf-8")  # strict
s = rep["summary"]
nf = s["findings"]
check(len(raw) <= 60000, f"{len(raw)} bytes, over the 60,000 limit")

# Nothing input-derived can open HTML or carry control characters: the only tags are ours.
for tag in re.findall(r"<(/?[A-Za-z][^ >]*)", text):
    check(tag in ("code", "/code", "details", "/details", "summary", "/summary", "br", "sub", "/sub"),
          f"unexpected tag <{tag}>")
check(not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", text), "control character")

# Tables: every row has as many cells as its header (escaped pipes are no separators).
lines = text.split("\n")
i = 0
tables = []
while i < len(lines):
    if lines[i].startswith("|") and i + 1 < len(lines) and re.match(r"^\|[-:|]+\|$", lines[i + 1]):
        width = len(re.findall(r"(?<!\\)\|", lines[i]))
        rows = []
        j = i + 2
        while j < len(lines) and lines[j].startswith("|"):
            check(len(re.findall(r"(?<!\\)\|", lines[j])) == width, f"row breaks its table: {lines[j][:120]}")
            rows.append(lines[j])
            j += 1
        tables.append((lines[i], rows))
        i = j
    else:
        i += 1

L = {
    "en": dict(sev_header="| Critical | High | Medium | Low | Info | Total | Basic | Recommended |",
               cat_header="| Category | Title | Findings |", top_header="| Severity | Rule | Title | Resource | Location |",
               not_eval=f"Not evaluated: {s['not_evaluated']} ", suppressed=f"Suppressed: {s['suppressed']}",
               heading=(f"tenken: input errors ({len(rep['errors'])})" if rep["errors"]
                        else f"tenken: {nf} finding" if nf else "tenken: no findings"),
               summary=f"<details><summary>All {nf} findings",
               left_out=r"_(\d+) more findings? left out to keep this comment under 60,000 bytes",
               errors="### Input errors", sev=["CRITICAL", "HIGH", "MEDIUM", "LOW", "INFO"]),
    "ja": dict(sev_header="| 重大 | 高 | 中 | 低 | 情報 | 計 | 基本 | 推奨 |",
               cat_header="| 類型 | 名称 | 件数 |", top_header="| 重大度 | ルール | 内容 | リソース | 場所 |",
               not_eval=f"未評価: {s['not_evaluated']} 件", suppressed=f"抑止: {s['suppressed']} 件",
               heading=(f"tenken: 入力エラー {len(rep['errors'])} 件" if rep["errors"]
                        else f"tenken: 設定不備 {nf} 件" if nf else "tenken: 設定不備なし"),
               summary=f"<details><summary>すべての指摘 {nf} 件",
               left_out=r"残りの指摘 (\d+) 件は省略しました", errors="### 入力エラー",
               sev=["重大", "高", "中", "低", "情報"]),
}[lang]

check(lines[0].startswith("## ") and L["heading"] in lines[0], f"heading {lines[0]!r}")
check(L["not_eval"] in text and L["suppressed"] in text, "not evaluated and suppressed counts")
check((L["errors"] in text) == bool(rep["errors"]), "input errors section if and only if errors")

# Counts by severity and level.
by = {t[0]: t[1] for t in tables}
check(L["sev_header"] in by, "severity table")
if L["sev_header"] in by:
    cells = [c.strip().strip("*") for c in by[L["sev_header"]][0].strip("|").split("|")]
    want = [s["by_severity"][k] for k in ("critical", "high", "medium", "low", "info")]
    want += [nf, s["by_level"]["basic"], s["by_level"]["recommended"]]
    check(cells == [str(n) for n in want], f"severity table {cells} vs {want}")

# Categories with findings, and their counts.
cat = [t for t in tables if t[0].startswith(L["cat_header"])]
check(bool(cat) == bool(nf), "category table if and only if findings")
if cat:
    got = {r.split("|")[1].strip(): int(r.split("|")[3]) for r in cat[0][1]}
    want = {k: v for k, v in s["by_category"].items() if v}
    check(got == want, f"categories {got} vs {want}")

# Top findings: at most 10, highest severity first.
top = [t for t in tables if t[0] == L["top_header"]]
check(bool(top) == bool(nf), "findings table if and only if findings")
if top:
    rows = top[0][1]
    check(len(rows) == min(10, nf), f"{len(rows)} top findings")
    ranks = [L["sev"].index(r.split("|")[1].strip()) for r in rows]
    check(ranks == sorted(ranks), f"top findings not by severity: {ranks}")
    rank = {"critical": 0, "high": 1, "medium": 2, "low": 3, "info": 4}
    best = sorted(rank[f["severity"]] for f in rep["findings"])
    check(ranks == best[: len(ranks)], "top findings are not the most severe")

# Every finding in the collapsed list, or a line saying how many were left out.
if nf:
    check(L["summary"] in text and text.count("</details>") == 1, "details section")
    details = text[text.index("<details>"):text.index("</details>")]
    listed = len(re.findall(r"^- <code>", details, re.M))
    m = re.search(L["left_out"], details)
    left_out = int(m.group(1)) if m else 0
    check(listed + left_out == nf, f"{listed} listed + {left_out} left out != {nf} findings")
else:
    check("<details>" not in text, "details without findings")

if problems:
    for p in problems[:20]:
        print(p)
    sys.exit(1)
