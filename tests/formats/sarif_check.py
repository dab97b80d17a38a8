#!/usr/bin/env python3
"""Checks one SARIF report of tenken against the published SARIF 2.1.0 schema and against
the JSON report of the same scan: the same findings, fingerprints, locations and counts.

Usage: sarif_check.py SCHEMA REPORT.sarif REPORT.json [options]
  SCHEMA                the published schema (sarif-2.1.0.json), or - to leave that check out
  --lang ja|en          language the reports were written in
  --forbid TEXT         TEXT must not occur in the SARIF text (repeatable), e.g. the
                        absolute path of the directory the scan ran in
  --expect-uri URI      some result, suppression or notification has this artifact URI
  --expect-suppressed   at least one result is suppressed
  --expect-module-calls at least one result has module calls
  --expect-errors       the scan had input errors
  --expect-warnings     the scan had warnings
  --expect-no-results   the scan found nothing
  --expect-rules IDS    the rules listed are exactly these (comma-separated)
  --expect-owner CAT=ROLE  every result names an owner; those of guideline category CAT
                        have role ROLE (repeatable; CAT * for the other categories)
  --expect-no-owner     no result names an owner (a scan without a configuration)
  --expect-waived N     N results carry an external, accepted suppression (a waiver)
  --expect-justification TEXT  some waived result has this justification
  --expect-expired KIND a reported result is marked with an expired exemption of KIND
                        (waiver or suppression; repeatable)
  --expect-waiver-notes a warning notification for an expired and for a stale waiver
  --expect-baseline     the scan was compared with a baseline: reported results are new
Prints "PASS name" or "FAIL name: detail" per check; exits 1 when any check failed.
"""
import argparse
import json
import re
import sys
import urllib.parse

JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
LEVEL_OF_SEVERITY = {"critical": "error", "high": "error", "medium": "warning",
                     "low": "note", "info": "note"}
SECURITY_SEVERITY = {"critical": "9.5", "high": "8.0", "medium": "5.5", "low": "3.0",
                     "info": "0.0"}
FINGERPRINT_KEY = "tenkenFingerprint/v1"

failures = 0


def check(name, ok, detail=""):
    global failures
    if ok:
        print(f"PASS {name}")
    else:
        failures += 1
        print(f"FAIL {name}: {detail}"[:2000])


def path_of_uri(art):
    """The file path an artifactLocation names, as the JSON report writes it."""
    uri = art.get("uri", "")
    if uri == "stdin":
        return "-"
    if uri.startswith("file://"):
        return urllib.parse.unquote(uri[len("file://"):], errors="strict")
    return urllib.parse.unquote(uri, errors="strict")


def uri_shape_ok(art):
    """Relative references carry %SRCROOT%; file:// URIs and stdin do not. Only unreserved
    characters, '/' and %XX escapes appear (file:// URIs also have the scheme's ':')."""
    uri = art.get("uri", "")
    body = uri[len("file://"):] if uri.startswith("file://") else uri
    if not re.fullmatch(r"(?:[A-Za-z0-9._~/-]|%[0-9A-F]{2})+", body):
        return False
    if uri.startswith("file://"):
        return body.startswith("/") and "uriBaseId" not in art
    if uri == "stdin":
        return "uriBaseId" not in art
    return art.get("uriBaseId") == "%SRCROOT%" and not body.startswith("/")


def without_dot_slash(path):
    while path.startswith("./"):
        path = path[2:].lstrip("/")
    return path


def same_place(loc, expected):
    """loc: a SARIF location; expected: a JSON report location {file, line, column}. A
    leading "./" is left out of URIs."""
    phys = loc.get("physicalLocation", {})
    region = phys.get("region", {})
    return (path_of_uri(phys.get("artifactLocation", {})) == without_dot_slash(expected["file"])
            and region.get("startLine") == expected["line"]
            and region.get("startColumn") == expected["column"])


def p_owner(res):
    return res.get("properties", {}).get("owner")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("schema")
    ap.add_argument("sarif")
    ap.add_argument("json")
    ap.add_argument("--lang", choices=["ja", "en"], default="en")
    ap.add_argument("--forbid", action="append", default=[])
    ap.add_argument("--expect-uri", action="append", default=[])
    ap.add_argument("--expect-suppressed", action="store_true")
    ap.add_argument("--expect-module-calls", action="store_true")
    ap.add_argument("--expect-errors", action="store_true")
    ap.add_argument("--expect-warnings", action="store_true")
    ap.add_argument("--expect-no-results", action="store_true")
    ap.add_argument("--expect-rules")
    ap.add_argument("--expect-owner", action="append", default=[])
    ap.add_argument("--expect-no-owner", action="store_true")
    ap.add_argument("--expect-waived", type=int)
    ap.add_argument("--expect-justification")
    ap.add_argument("--expect-expired", action="append", default=[],
                    choices=["waiver", "suppression"])
    ap.add_argument("--expect-waiver-notes", action="store_true")
    ap.add_argument("--expect-baseline", action="store_true")
    a = ap.parse_args()

    raw = open(a.sarif, encoding="utf-8").read()
    sarif = json.loads(raw)
    rep = json.load(open(a.json, encoding="utf-8"))

    # ---- the published schema ----
    if a.schema != "-":
        import jsonschema
        schema = json.load(open(a.schema, encoding="utf-8"))
        check("schema is draft 2020-12",
              schema.get("$schema") == "https://json-schema.org/draft/2020-12/schema",
              schema.get("$schema"))
        validator = jsonschema.Draft202012Validator(schema)
        errors = sorted(validator.iter_errors(sarif), key=lambda e: list(e.absolute_path))
        check("valid against the SARIF 2.1.0 schema", not errors,
              "; ".join(f"{'/'.join(map(str, e.absolute_path))}: {e.message[:200]}"
                        for e in errors[:5]))

    # ---- document ----
    check("$schema", sarif.get("$schema") == "https://json.schemastore.org/sarif-2.1.0.json")
    check("version 2.1.0", sarif.get("version") == "2.1.0")
    runs = sarif.get("runs", [])
    check("exactly one run", len(runs) == 1, len(runs))
    run = runs[0]
    driver = run["tool"]["driver"]
    version = rep["tool"]["version"]
    check("driver name, version, semanticVersion",
          driver.get("name") == "tenken" and driver.get("version") == version
          and driver.get("semanticVersion") == version, driver.get("version"))
    check("columnKind", run.get("columnKind") == "unicodeCodePoints")
    for text in a.forbid:
        check(f"no '{text}' in the report", text not in raw)
    check("no time in the report",
          not re.search(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}", raw) and "TimeUtc" not in raw)

    # ---- rules ----
    rules = driver.get("rules", [])
    ids = [r["id"] for r in rules]
    check("rule ids unique", len(ids) == len(set(ids)))
    check("rules in engine order (sorted by id)", ids == sorted(ids), ids[:10])
    if a.expect_rules is not None:
        want = [x for x in a.expect_rules.split(",") if x]
        check("rules are the evaluated ones", ids == want, f"{ids} != {want}")
    rep_rules = rep.get("rules", {})
    bad_rules = []
    for r in rules:
        props = r.get("properties", {})
        meta = rep_rules.get(r["id"])
        sev = props.get("severity")
        problems = []
        if r.get("defaultConfiguration", {}).get("level") != LEVEL_OF_SEVERITY.get(sev):
            problems.append("defaultConfiguration.level")
        if props.get("security-severity") != SECURITY_SEVERITY.get(sev):
            problems.append("security-severity")
        if props.get("precision") != "high" or "security" not in props.get("tags", []):
            problems.append("precision/tags")
        if f"guideline-category-{props.get('category')}" not in props.get("tags", []):
            problems.append("category tag")
        if not r.get("help", {}).get("markdown") or not r.get("help", {}).get("text"):
            problems.append("help")
        if meta:  # the JSON report has the texts of rules with findings
            if r["shortDescription"]["text"] != meta["title"][a.lang]:
                problems.append("shortDescription")
            if r["fullDescription"]["text"] != meta["rationale"][a.lang]:
                problems.append("fullDescription")
            if sev != meta["severity"] or props.get("level") != meta["level"]:
                problems.append("severity/level")
            if props.get("guideline") != meta["guideline"] or props.get("cis") != meta["cis"]:
                problems.append("guideline/cis")
            if props.get("references", []) != meta.get("references", []):
                problems.append("references")
            for example in meta.get("remediation_examples", {}).values():
                if example.strip() not in r["help"]["text"] or \
                        example.strip() not in r["help"]["markdown"]:
                    problems.append("remediation example")
        if problems:
            bad_rules.append(f"{r['id']}: {', '.join(problems)}")
    check("rule metadata", not bad_rules, "; ".join(bad_rules[:5]))
    if rules:
        texts = [r["shortDescription"]["text"] for r in rules]
        if a.lang == "ja":
            check("Japanese rule texts", all(JAPANESE.search(t) for t in texts), texts[:3])
        else:
            check("English rule texts", not any(JAPANESE.search(t) for t in texts), texts[:3])

    # ---- results ----
    results = run.get("results", [])
    findings = rep["findings"]
    suppressed = rep["suppressed"]
    plain = [r for r in results if not r.get("suppressions")]
    dismissed = [r for r in results if r.get("suppressions") and
                 r["suppressions"][0].get("kind") == "inSource"]
    waived = [r for r in results if r.get("suppressions") and
              r["suppressions"][0].get("kind") == "external"]
    check("a result per finding", len(plain) == len(findings), f"{len(plain)} != {len(findings)}")
    check("a result per suppressed finding", len(dismissed) == len(suppressed),
          f"{len(dismissed)} != {len(suppressed)}")
    check("findings first, then suppressed, then waived", results == plain + dismissed + waived)
    if "waived" in rep:
        check("a result per waived finding", len(waived) == len(rep["waived"]),
              f"{len(waived)} != {len(rep['waived'])}")
    if a.expect_no_results:
        check("no results", not results, len(results))

    def rule_ok(res):
        i = res.get("ruleIndex")
        return isinstance(i, int) and 0 <= i < len(rules) and rules[i]["id"] == res["ruleId"]
    check("ruleIndex points at the rule with ruleId", all(rule_ok(r) for r in results),
          [r["ruleId"] for r in results if not rule_ok(r)][:5])
    check("every result has a location", all(
        r.get("locations") and r["locations"][0].get("physicalLocation", {})
        .get("artifactLocation", {}).get("uri") and
        r["locations"][0]["physicalLocation"].get("region", {}).get("startLine", 0) >= 1
        for r in results))

    title = {rid: meta["title"][a.lang] for rid, meta in rep_rules.items()}
    mismatches = []
    for res, f in zip(plain, findings):
        what = f"{f['rule_id']} {f['resource']['address']}"
        if res["ruleId"] != f["rule_id"]:
            mismatches.append(f"{what}: ruleId {res['ruleId']}")
        if res.get("partialFingerprints", {}).get(FINGERPRINT_KEY) != f["fingerprint"]:
            mismatches.append(f"{what}: fingerprint")
        if not same_place(res["locations"][0], f["location"]):
            mismatches.append(f"{what}: location {res['locations'][0]} vs {f['location']}")
        if res.get("level") != LEVEL_OF_SEVERITY[f["severity"]] or res.get("kind") != "fail":
            mismatches.append(f"{what}: level {res.get('level')} for {f['severity']}")
        message = f"{title.get(f['rule_id'])}: {f['resource']['address']}"
        gone = res.get("properties", {}).get("expiredExemption")
        if gone:  # the message goes on to say that the exemption expired, and when
            if not res["message"]["text"].startswith(message) or \
                    gone.get("expires", "?") not in res["message"]["text"][len(message):]:
                mismatches.append(f"{what}: message {res['message']['text']}")
        elif res["message"]["text"] != message:
            mismatches.append(f"{what}: message {res['message']['text']}")
        if "expired_exemption" in f or gone:
            x = f.get("expired_exemption") or {}
            if not gone or (gone.get("kind"), gone.get("reason"), gone.get("expires")) != (
                    x.get("kind"), x.get("reason"), x.get("expires")):
                mismatches.append(f"{what}: expiredExemption {gone} vs {x}")
        if "owner" in f and p_owner(res) != f["owner"]:
            mismatches.append(f"{what}: owner {p_owner(res)} vs {f['owner']}")
        logical = res["locations"][0].get("logicalLocations", [{}])[0]
        if logical.get("fullyQualifiedName") != f["resource"]["address"] or \
                logical.get("kind") != "resource":
            mismatches.append(f"{what}: logicalLocations")
        p = res.get("properties", {})
        if (p.get("category"), p.get("guideline"), p.get("severity"), p.get("level"),
                p.get("resourceType"), p.get("family")) != (
                f["category"], f["guideline"], f["severity"], f["level"],
                f["resource"]["type"], f["resource"]["family"]):
            mismatches.append(f"{what}: properties {p}")
        calls = f["location"].get("module_calls", [])
        related = res.get("relatedLocations", [])
        if len(related) != len(calls) or any(
                rl.get("id") != i + 1 or not same_place(rl, c) or not rl["message"]["text"]
                for i, (rl, c) in enumerate(zip(related, calls))):
            mismatches.append(f"{what}: relatedLocations {related} vs {calls}")
    check("results match the JSON findings (rule, fingerprint, location, level, message)",
          not mismatches, "; ".join(mismatches[:5]))

    mismatches = []
    for res, s in zip(dismissed, suppressed):
        what = f"{s['rule_id']} {s['resource']['address']}"
        sup = res["suppressions"]
        if len(sup) != 1 or sup[0].get("kind") != "inSource" or \
                sup[0].get("justification") != s["reason"]:
            mismatches.append(f"{what}: suppressions {sup}")
            continue
        if not same_place(sup[0].get("location", {}), s["suppressed_at"]):
            mismatches.append(f"{what}: suppression location")
        if sup[0].get("properties", {}).get("expires") != s["expires"]:
            mismatches.append(f"{what}: expires")
        if res["ruleId"] != s["rule_id"] or \
                res.get("partialFingerprints", {}).get(FINGERPRINT_KEY) != s["fingerprint"]:
            mismatches.append(f"{what}: rule or fingerprint")
        if not same_place(res["locations"][0], s["location"]):
            mismatches.append(f"{what}: location")
        if res.get("level") != LEVEL_OF_SEVERITY[s["severity"]]:
            mismatches.append(f"{what}: level")
    check("suppressed results carry the suppression (justification, place, expiry)",
          not mismatches, "; ".join(mismatches[:5]))
    if a.expect_suppressed:
        check("a suppressed result", bool(dismissed))

    # ---- waivers: waived results, expired exemptions, waiver notifications ----
    mismatches = []
    rep_waived = rep.get("waived")
    for i, res in enumerate(waived):
        sup = res["suppressions"]
        props = sup[0].get("properties", {})
        what = f"{res['ruleId']} {res['locations'][0]['logicalLocations'][0]['fullyQualifiedName']}"
        if len(sup) != 1 or sup[0].get("status") != "accepted" or not sup[0].get("justification"):
            mismatches.append(f"{what}: suppressions {sup}")
        if not all(isinstance(props.get(k), str) and props[k] for k in ("approver", "created", "expires")):
            mismatches.append(f"{what}: approver, created, expires {props}")
        region = sup[0].get("location", {}).get("physicalLocation", {}).get("region", {})
        if region.get("startLine", 0) < 1:
            mismatches.append(f"{what}: the suppression does not point at the waiver")
        if "baselineState" in res:
            mismatches.append(f"{what}: a waived result has a baselineState")
        if rep_waived is not None and i < len(rep_waived):
            x = rep_waived[i]
            wv = x.get("waiver", {})
            if res["ruleId"] != x["rule_id"] or \
                    res.get("partialFingerprints", {}).get(FINGERPRINT_KEY) != x["fingerprint"]:
                mismatches.append(f"{what}: rule or fingerprint vs JSON {x['rule_id']}")
            if wv and (sup[0].get("justification"), props.get("approver"), props.get("expires")) != (
                    wv.get("reason"), wv.get("approver"), wv.get("expires")):
                mismatches.append(f"{what}: waiver differs from the JSON report's {wv}")
            if wv.get("written_at") and not same_place(sup[0].get("location", {}), wv["written_at"]):
                mismatches.append(f"{what}: waiver location")
            if "owner" in x and p_owner(res) != x["owner"]:
                mismatches.append(f"{what}: owner {p_owner(res)} vs {x['owner']}")
    check("waived results carry an external accepted suppression (reason, approver, dates, place)",
          not mismatches, "; ".join(mismatches[:5]))
    if a.expect_waived is not None:
        check(f"{a.expect_waived} waived results", len(waived) == a.expect_waived, len(waived))
    if a.expect_justification is not None:
        check("the waiver's reason is the justification",
              any(r["suppressions"][0].get("justification") == a.expect_justification
                  for r in waived), [r["suppressions"][0].get("justification") for r in waived])
    marked = [r for r in results if r.get("properties", {}).get("expiredExemption")]
    check("only reported findings are marked with an expired exemption",
          all(r in plain for r in marked))
    for kind in a.expect_expired:
        found = [r for r in marked if r["properties"]["expiredExemption"].get("kind") == kind]
        ok = bool(found)
        for r in found:
            x = r["properties"]["expiredExemption"]
            ok &= bool(x.get("reason")) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", x.get("expires", "")) is not None
            ok &= x["expires"] in r["message"]["text"]
            ok &= x.get("location", {}).get("physicalLocation", {}).get("region", {}).get("startLine", 0) >= 1
            ok &= ("approver" in x and "created" in x) == (kind == "waiver")
        check(f"a result marked with an expired {kind}", ok, [r["properties"] for r in found][:2])

    # ---- owners ----
    owners = [p_owner(r) for r in results]
    check("owners have only role and name, both strings",
          all(o is None or (o and set(o) <= {"role", "name"} and all(isinstance(v, str) for v in o.values()))
              for o in owners), owners[:3])
    if a.expect_no_owner:
        check("no owner without a configuration", not any(owners), owners[:3])
    if a.expect_owner:
        roles = dict(x.split("=", 1) for x in a.expect_owner)
        wrong = [(r["ruleId"], r["properties"]["category"], p_owner(r)) for r in results
                 if (p_owner(r) or {}).get("role") !=
                 roles.get(r["properties"]["category"], roles.get("*"))]
        check("every result names the owner of its category", not wrong, wrong[:5])
        for cat in roles:
            if cat != "*":
                check(f"a result of category {cat}",
                      any(r["properties"]["category"] == cat for r in results))

    # ---- baseline ----
    props_run = run.get("properties", {})
    states = [r.get("baselineState") for r in results]
    if a.expect_baseline:
        check("reported results are new against the baseline",
              all(r.get("baselineState") == "new" for r in plain) and
              not any(r.get("baselineState") for r in dismissed + waived), states)
        b = props_run.get("baseline", {})
        check("baseline counts in the run's properties",
              isinstance(b.get("file"), str) and b.get("known", 0) > 0 and b.get("gone", 0) > 0
              and b["known"] == rep["summary"].get("baselined", b["known"]), b)
    else:
        check("no baselineState without a baseline", not any(states) and "baseline" not in props_run)
    if a.expect_module_calls:
        check("a result with module calls", any(r.get("relatedLocations") for r in results))

    # ---- URIs ----
    arts = []
    for r in results:
        arts.append(r["locations"][0]["physicalLocation"]["artifactLocation"])
        arts += [rl["physicalLocation"]["artifactLocation"] for rl in r.get("relatedLocations", [])]
        for s in r.get("suppressions", []):
            if "location" in s:
                arts.append(s["location"]["physicalLocation"]["artifactLocation"])
    inv = run["invocations"][0]
    for n in inv.get("toolExecutionNotifications", []):
        for loc in n.get("locations", []):
            arts.append(loc["physicalLocation"]["artifactLocation"])
    for r in results:
        x = r.get("properties", {}).get("expiredExemption", {})
        if "location" in x:
            arts.append(x["location"]["physicalLocation"]["artifactLocation"])
    check("URIs percent-encoded, relative ones on %SRCROOT%", all(uri_shape_ok(x) for x in arts),
          [x for x in arts if not uri_shape_ok(x)][:3])
    uris = {x.get("uri") for x in arts}
    for u in a.expect_uri:
        check(f"URI {u}", u in uris, sorted(uris)[:10])

    # ---- invocation, not evaluated, summary ----
    all_notes = inv.get("toolExecutionNotifications", [])
    notes = [n for n in all_notes if "waiverStatus" not in n.get("properties", {})]
    waiver_notes = [n for n in all_notes if "waiverStatus" in n.get("properties", {})]
    check("errors and warnings first, then waiver notifications", all_notes == notes + waiver_notes)
    check("waiver notifications are warnings at the waiver",
          all(n.get("level") == "warning" and n["message"]["text"] and
              n["properties"]["waiverStatus"] in ("expired", "stale") and
              n.get("locations", [{}])[0].get("physicalLocation", {}).get("region", {}).get("startLine", 0) >= 1
              for n in waiver_notes), waiver_notes[:2])
    items = (rep.get("waivers") or {}).get("items") if isinstance(rep.get("waivers"), dict) else None
    if items is not None:
        want_notes = [x for x in items if x.get("status") in ("expired", "stale")]
        check("a waiver notification per expired or stale waiver",
              [n["properties"]["waiverStatus"] for n in waiver_notes] ==
              [x["status"] for x in want_notes] and
              all(same_place(n["locations"][0], x["written_at"]) for n, x in zip(waiver_notes, want_notes)),
              f"{[n['properties'] for n in waiver_notes]} vs {want_notes}")
    if a.expect_waiver_notes:
        for status, word in (("expired", "expired"), ("stale", "stale")):
            check(f"a notification for a {status} waiver", any(
                n["properties"]["waiverStatus"] == status and
                n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("tenken-waivers.yaml")
                and (word in n["message"]["text"] or a.lang == "ja") for n in waiver_notes), waiver_notes)
    check("executionSuccessful means no input errors",
          inv.get("executionSuccessful") == (not rep["errors"]))
    want = [("error", e) for e in rep["errors"]] + [("warning", w) for w in rep["warnings"]]
    check("a notification per error and warning", len(notes) == len(want) and all(
        n.get("level") == level and n["message"]["text"] == d["message"] and
        (not d["file"] or same_place(n["locations"][0], d))
        for n, (level, d) in zip(notes, want)), f"{notes[:2]} vs {want[:2]}")
    if a.expect_errors:
        check("input errors reported", inv.get("executionSuccessful") is False and
              any(n.get("level") == "error" for n in notes))
    if a.expect_warnings:
        check("warnings reported", inv.get("executionSuccessful") is True and
              any(n.get("level") == "warning" and n.get("locations") for n in notes))

    props = run.get("properties", {})
    nev = props.get("notEvaluated", [])
    check("notEvaluated lists the checks not evaluated", len(nev) == len(rep["not_evaluated"]) and
          all(x["ruleId"] == y["rule_id"] and x["address"] == y["resource"]["address"] and
              x["reason"] == y["reason"] and same_place(x["location"], y["location"])
              for x, y in zip(nev, rep["not_evaluated"])))
    summary = props.get("summary", {})
    keys = ["findings", "by_category", "by_severity", "by_level", "not_evaluated", "suppressed",
            "resources", "checks", "errors", "warnings", "rules"]
    keys += [k for k in ("waived", "exemptions_expired", "baselined") if k in rep["summary"]]
    check("summary equals the JSON summary",
          all(summary.get(k) == rep["summary"][k] for k in keys),
          {k: (summary.get(k), rep["summary"][k]) for k in keys
           if summary.get(k) != rep["summary"][k]})

    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
