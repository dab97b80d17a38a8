"""Checks a Markdown report against the JSON report of the same scan: counts, tables, the
list of findings, and when the scan had them, owners (the responsibility table and an owner
column), findings whose waiver or suppression expired, and the waivers section.

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
               errors="### Input errors", sev=["CRITICAL", "HIGH", "MEDIUM", "LOW", "INFO"],
               owner_col=" Owner |", resp_heading="### Responsibility",
               resp_header="| Category | Title | Owner | Findings |", waivers_heading="### Waivers",
               waivers_counts=r"(\d+) waivers? · (\d+) findings? waived · (\d+) expired · (\d+) stale",
               waived_summary=r"<details><summary>(\d+) waived findings?</summary>",
               waived_header="| Severity | Rule | Resource | Reason | Approver | Until |",
               expired_mark=("⚠ waiver expired ", "⚠ suppression expired "),
               rows_left_out=r"_(\d+) more left out to keep this comment short"),
    "ja": dict(sev_header="| 重大 | 高 | 中 | 低 | 情報 | 計 | 基本 | 推奨 |",
               cat_header="| 類型 | 名称 | 件数 |", top_header="| 重大度 | ルール | 内容 | リソース | 場所 |",
               not_eval=f"未評価: {s['not_evaluated']} 件", suppressed=f"抑止: {s['suppressed']} 件",
               heading=(f"tenken: 入力エラー {len(rep['errors'])} 件" if rep["errors"]
                        else f"tenken: 設定不備 {nf} 件" if nf else "tenken: 設定不備なし"),
               summary=f"<details><summary>すべての指摘 {nf} 件",
               left_out=r"残りの指摘 (\d+) 件は省略しました", errors="### 入力エラー",
               sev=["重大", "高", "中", "低", "情報"],
               owner_col=" 担当 |", resp_heading="### 責任分界",
               resp_header="| 類型 | 名称 | 担当 | 指摘 |", waivers_heading="### 例外承認",
               waivers_counts=r"例外承認 (\d+) 件 · 例外承認された指摘 (\d+) 件 · 期限切れ (\d+) 件 · "
                              r"不要（該当なし） (\d+) 件",
               waived_summary=r"<details><summary>例外承認された指摘 (\d+) 件</summary>",
               waived_header="| 重大度 | ルール | リソース | 理由 | 承認者 | 期限 |",
               expired_mark=("⚠ 例外承認の期限切れ（", "⚠ 抑止の期限切れ（"),
               rows_left_out=r"残り (\d+) 件は省略しました"),
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

# Owners: when the configuration says who is responsible, a responsibility table with every
# category and an owner column in the findings tables; otherwise no owner anywhere.
resp = rep.get("responsibility")
owners = bool(resp)
check((L["resp_heading"] in text) == owners, "responsibility section if and only if owners")
top_header = L["top_header"] + (L["owner_col"] if owners else "")
if owners:
    rt = [t for t in tables if t[0] == L["resp_header"]]
    check(len(rt) == 1, "responsibility table")
    if rt:
        cats = [r.split("|")[1].strip() for r in rt[0][1]]
        check(cats == list(resp["categories"]), f"responsibility rows {cats}")
        for r in rt[0][1]:
            cells = [c.strip() for c in r.strip("|").split("|")]
            o = resp["categories"].get(cells[0]) or {}
            if o.get("name") and re.fullmatch(r"[\w .-]+", o["name"]):
                check(o["name"] in cells[2], f"owner of category {cells[0]}: {cells[2]!r}")
            n = s["by_category"].get(cells[0], 0)
            check(cells[3] == str(n) or (resp.get("owner_filter") and cells[3].startswith("—")),
                  f"findings of category {cells[0]}: {cells[3]!r}")
else:
    check(L["owner_col"] not in text, "an owner column without owners")

# Top findings: at most 10, highest severity first.
top = [t for t in tables if t[0] == top_header]
check(bool(top) == bool(nf), "findings table if and only if findings")
if top:
    rows = top[0][1]
    check(len(rows) == min(10, nf), f"{len(rows)} top findings")
    ranks = [L["sev"].index(r.split("|")[1].strip()) for r in rows]
    check(ranks == sorted(ranks), f"top findings not by severity: {ranks}")
    rank = {"critical": 0, "high": 1, "medium": 2, "low": 3, "info": 4}
    best = sorted(rank[f["severity"]] for f in rep["findings"])
    check(ranks == best[: len(ranks)], "top findings are not the most severe")
    if owners:
        check(all(r.rstrip(" |").split("|")[-1].strip() for r in rows), "an owner in every top row")

# Every finding in the collapsed list, or a line saying how many were left out; a finding
# whose waiver or suppression expired is marked.
waived = rep.get("waived") or []
check(text.count("<details>") == text.count("</details>") == bool(nf) + bool(waived),
      "details sections")
if nf:
    check(L["summary"] in text, "details section")
    start = text.index(L["summary"])
    details = text[start:text.index("</details>", start)]
    listed = len(re.findall(r"^- <code>", details, re.M))
    m = re.search(L["left_out"], details)
    left_out = int(m.group(1)) if m else 0
    check(listed + left_out == nf, f"{listed} listed + {left_out} left out != {nf} findings")
    expired = sum(1 for f in rep["findings"] if f.get("expired_exemption"))
    marked = len(re.findall(r"^- <code>.*(?:%s)" % "|".join(map(re.escape, L["expired_mark"])),
                            details, re.M))
    check(marked == expired or (left_out and marked <= expired),
          f"{marked} findings marked expired, {expired} expired")
else:
    check(L["summary"] not in text, "details without findings")

# Waivers: counts as the JSON report has them, the waived findings in a collapsed table.
items = (rep.get("waivers") or {}).get("items") or []
has_waivers = bool((rep.get("waivers") or {}).get("file") or items or waived)
check((L["waivers_heading"] in text) == has_waivers, "waivers section if and only if waivers")
if has_waivers:
    m = re.search(L["waivers_counts"], text)
    want = (len(items), len(waived), sum(w.get("status") == "expired" for w in items),
            sum(w.get("status") == "stale" for w in items))
    check(m and tuple(map(int, m.groups())) == want, f"waiver counts {m and m.groups()} vs {want}")
if waived:
    m = re.search(L["waived_summary"], text)
    check(m and int(m.group(1)) == len(waived), "waived findings summary")
    wt = [t for t in tables if t[0].startswith(L["waived_header"])]
    check(len(wt) == 1, "waived findings table")
    if wt:
        block = text[text.index(wt[0][0]):]
        m = re.search(L["rows_left_out"], block[:block.index("</details>")])
        check(len(wt[0][1]) + (int(m.group(1)) if m else 0) == len(waived),
              f"{len(wt[0][1])} waived rows for {len(waived)} waived findings")
        check(wt[0][0].endswith(L["owner_col"]) == owners, "owner column of waived findings")

if problems:
    for p in problems[:20]:
        print(p)
    sys.exit(1)
