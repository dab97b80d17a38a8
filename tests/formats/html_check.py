#!/usr/bin/env python3
"""Opens an HTML report in headless Chromium over the DevTools protocol and checks it as a
person would see it: it loads with no console error, exception or dialog, hostile text from
the input is shown as text and never runs, the filters change what is shown, the language
switch works, and the guideline view links to the findings. Keeps screenshots.

With --owner (a report of a configuration that says who is responsible, with waivers) it
also checks the responsibility matrix, the owner filter, the badges of findings whose
waiver or suppression expired, and the waivers tab: waived findings listed there and not
among the findings, waivers needing attention listed, hostile waiver text shown as text.

Usage: html_check.py REPORT.html SCREENSHOT_DIR [--hostile TEXT]... [--expect-findings N]
         [--owner NAME]... [--waived RULE@ADDRESS]... [--stale RULE@PATTERN]...
         [--expired-waiver RULE@PATTERN]... [--expired-findings N] [--hostile-waiver TEXT]...
Prints one line per check ("ok: ..." / "FAIL: ...") and a last line "N passed, N failed".
"""
import argparse
import base64
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

import websocket  # Debian: python3-websocket

BROWSERS = ["chromium", "chromium-browser", "google-chrome"]


class Page:
    def __init__(self, ws_url):
        self.ws = websocket.create_connection(ws_url, timeout=30, suppress_origin=True)
        self.next_id = 0
        self.events = []

    def call(self, method, **params):
        self.next_id += 1
        my = self.next_id
        self.ws.send(json.dumps({"id": my, "method": method, "params": params}))
        while True:
            msg = json.loads(self.ws.recv())
            if msg.get("id") == my:
                if "error" in msg:
                    raise RuntimeError("%s: %s" % (method, msg["error"]))
                return msg.get("result", {})
            if "method" in msg:
                self.events.append(msg)

    def wait_event(self, name, seconds=30):
        end = time.time() + seconds
        for e in self.events:
            if e["method"] == name:
                return e
        while time.time() < end:
            self.ws.settimeout(max(0.1, end - time.time()))
            try:
                msg = json.loads(self.ws.recv())
            except websocket.WebSocketTimeoutException:
                break
            if "method" in msg:
                self.events.append(msg)
                if msg["method"] == name:
                    return msg
        raise RuntimeError("no %s within %ds" % (name, seconds))

    def js(self, expr):
        r = self.call("Runtime.evaluate", expression=expr, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in r:
            raise RuntimeError("script failed: %s" % r["exceptionDetails"].get("text"))
        return r["result"].get("value")

    def screenshot(self, path, full=True):
        params = {"format": "png"}
        if full:
            m = self.call("Page.getLayoutMetrics")
            size = m.get("cssContentSize") or m["contentSize"]
            params["clip"] = {"x": 0, "y": 0, "width": size["width"],
                              "height": min(size["height"], 6000), "scale": 1}
            params["captureBeyondViewport"] = True
        data = self.call("Page.captureScreenshot", **params)["data"]
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))

    def screenshot_of(self, selector, path):
        """A screenshot of one element (with a margin), wherever it is on the page."""
        r = self.js("(function(){var e=document.querySelector(%s);if(!e)return null;"
                    "var b=e.getBoundingClientRect();return {x:b.left+window.scrollX,"
                    "y:b.top+window.scrollY,w:b.width,h:b.height};})()" % json.dumps(selector))
        if not r:
            return False
        clip = {"x": max(0, r["x"] - 8), "y": max(0, r["y"] - 8), "width": r["w"] + 16,
                "height": min(r["h"] + 16, 6000), "scale": 1}
        data = self.call("Page.captureScreenshot", format="png", clip=clip,
                         captureBeyondViewport=True)["data"]
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))
        return True


def start_browser(profile):
    exe = next((shutil.which(b) for b in BROWSERS if shutil.which(b)), None)
    if not exe:
        sys.exit("html_check: no Chromium found (Debian package chromium)")
    proc = subprocess.Popen(
        [exe, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-extensions", "--mute-audio",
         "--user-data-dir=" + profile, "--remote-debugging-port=0",
         "--window-size=1400,1000", "about:blank"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    end = time.time() + 60
    while time.time() < end:
        line = proc.stderr.readline()
        if not line:
            if proc.poll() is not None:
                break
            continue
        m = re.search(r"DevTools listening on (ws://\S+)", line)
        if m:
            return proc, m.group(1)
    proc.kill()
    sys.exit("html_check: Chromium did not start")


def page_target(browser_ws):
    """Opens a new page through the browser endpoint; returns its WebSocket URL."""
    host = re.match(r"ws://([^/]+)/", browser_ws).group(1)
    b = websocket.create_connection(browser_ws, timeout=30, suppress_origin=True)
    b.send(json.dumps({"id": 1, "method": "Target.createTarget", "params": {"url": "about:blank"}}))
    while True:
        msg = json.loads(b.recv())
        if msg.get("id") == 1:
            tid = msg["result"]["targetId"]
            break
    b.close()
    return "ws://%s/devtools/page/%s" % (host, tid)


def policy_checks(p, a, check, visible):
    """Owners, waivers and expired exemptions (see the module's docstring)."""
    p.js("document.querySelector('[data-setlang=ja]').click()")
    p.js("document.querySelector('[data-tab=summary]').click()")
    # The responsibility matrix: on the summary, every owner named.
    check(p.js("var m=document.getElementById('responsibility');m&&m.offsetParent!==null"),
          "the responsibility matrix is shown on the summary")
    matrix = p.js("document.getElementById('responsibility').innerText") or ""
    check("責任分界" in matrix and "担当" in matrix, "the matrix has its Japanese headings")
    for name in a.owner:
        check(name in matrix, "the matrix names the owner %r" % name)
    n_cats = p.js("document.querySelectorAll('#responsibility tbody tr').length")
    check(n_cats >= 10, "the matrix lists every guideline category (%s rows)" % n_cats)
    p.screenshot_of("#responsibility", os.path.join(a.shots, "responsibility-ja.png"))

    # The owner filter: each owner's findings only, and the count of shown rows follows.
    p.js("document.querySelector('[data-tab=findings]').click()")
    p.js("document.getElementById('f-reset').click()")
    total = p.js(visible + ".length")
    opts = p.js("Array.prototype.map.call(document.querySelectorAll('#f-owner option'),"
                "function(o){return [o.value,o.textContent];})") or []
    owners = [o for o in opts if o[0] != ""]
    check(len(owners) == len(a.owner), "the owner filter offers %d owners (%d)"
          % (len(a.owner), len(owners)))
    for name in a.owner:
        opt = next((o for o in owners if name in o[1]), None)
        if not opt:
            check(False, "the owner filter has %r" % name)
            continue
        want = p.js("document.querySelectorAll('tr.f[data-owner=\"%s\"]').length" % opt[0])
        p.js("var s=document.getElementById('f-owner');s.value=%s;"
             "s.dispatchEvent(new Event('change'))" % json.dumps(opt[0]))
        shown = p.js(visible + ".map(function(r){return [r.dataset.owner,r.innerText];})")
        check(len(shown) == want and 0 < want < total and
              all(o == opt[0] and name in t for o, t in shown),
              "owner filter %r shows only that owner's %d findings (shown %d of %d)"
              % (name, want, len(shown), total))
        check(("(%d)" % want) in opt[1], "the owner option counts its findings: %r" % opt[1])
        check(p.js("document.getElementById('shown').textContent").startswith(
              "%d / %d" % (want, total)), "the count of shown findings follows the owner filter")
    p.screenshot(os.path.join(a.shots, "findings-owner.png"), full=False)
    p.js("document.getElementById('f-reset').click()")
    check(p.js(visible + ".length") == total, "clearing the owner filter shows all again")
    # An owner link in the matrix filters the findings too.
    p.js("document.querySelector('[data-tab=summary]').click()")
    k = p.js("var a=document.querySelector('#responsibility a[data-filter-owner]');"
             "a.click();a.getAttribute('data-filter-owner')")
    shown = p.js(visible + ".map(function(r){return r.dataset.owner;})")
    check(p.js("document.getElementById('tab-findings').offsetParent!==null") and shown and
          all(o == k for o in shown), "an owner in the matrix shows that owner's findings")
    p.js("document.getElementById('f-reset').click()")

    # Findings whose waiver or suppression expired: a visible badge, the details say why.
    badges = p.js("Array.prototype.filter.call(document.querySelectorAll('tr.f .badge.exp'),"
                  "function(b){var r=b.getBoundingClientRect();return b.offsetParent!==null&&"
                  "r.width>0&&r.height>0;}).map(function(b){return b.innerText;})") or []
    if a.expired_findings is not None:
        check(len(badges) == a.expired_findings and
              p.js("document.querySelectorAll('tr.f[data-expired]').length") == a.expired_findings,
              "%d findings carry a visible expired badge (%d)" % (a.expired_findings, len(badges)))
    check(badges and all("期限切れ" in b for b in badges), "the expired badge says 期限切れ")
    check(any("抑止" in b for b in badges) and any("例外承認" in b for b in badges),
          "expired badges tell a waiver from an inline suppression")
    p.js("document.querySelector('tr.f[data-expired] button.more').click()")
    det = p.js("var d=document.querySelector('tr.f[data-expired]').nextElementSibling;"
               "d.hidden?null:d.innerText") or ""
    check(("期限切れの例外承認" in det or "期限切れの抑止" in det) and "理由" in det and
          "記述場所" in det, "the details of an expired finding show the lapsed exemption")
    p.screenshot(os.path.join(a.shots, "findings-expired-ja.png"), full=False)

    # The waivers tab: waived findings there and not among the findings.
    rows = p.js("Array.prototype.map.call(document.querySelectorAll('tr.f'),"
                "function(r){return r.textContent;})")
    p.js("document.querySelector('[data-tab=waivers]').click()")
    check(p.js("document.getElementById('tab-waivers').offsetParent!==null"),
          "the waivers tab opens")
    waived = p.js("Array.prototype.filter.call(document.querySelectorAll('#waived tr.waived'),"
                  "function(r){return r.offsetParent!==null;}).map(function(r){"
                  "return r.innerText;})") or []
    for spec in a.waived:
        rule, addr = spec.split("@", 1)
        check(any(rule in t and addr in t for t in waived),
              "the waived finding %s is listed in the waivers tab" % spec)
        check(not any(rule in t and addr in t for t in rows),
              "the waived finding %s is not among the findings" % spec)
    attention = p.js("Array.prototype.map.call(document.querySelectorAll('#attention tr.w'),"
                     "function(r){return [r.className,r.innerText];})") or []
    for spec in a.stale:
        rule, pattern = spec.split("@", 1)
        check(any("stale" in c and rule in t and pattern in t and "不要" in t
                  for c, t in attention), "the stale waiver %s needs attention" % spec)
    for spec in a.expired_waiver:
        rule, pattern = spec.split("@", 1)
        check(any("expired" in c and rule in t and pattern in t and "期限切れ" in t
                  for c, t in attention), "the expired waiver %s needs attention" % spec)
    tab_text = p.js("document.getElementById('tab-waivers').innerText") or ""
    for text in a.hostile_waiver:
        check(text in tab_text, "hostile waiver text is shown as text: %r" % text)
    check(p.js("document.querySelectorAll('img,iframe,object,embed').length") == 0 and
          p.js("window.__dialogs") == 0, "waiver text injected no element and ran nothing")
    p.screenshot(os.path.join(a.shots, "waivers-ja.png"))

    # The same in English.
    p.js("document.querySelector('[data-setlang=en]').click()")
    tab_text = p.js("document.getElementById('tab-waivers').innerText") or ""
    check("Waived findings" in tab_text and "Waivers needing attention" in tab_text and
          "例外承認された指摘" not in tab_text, "the waivers tab in English")
    p.screenshot(os.path.join(a.shots, "waivers-en.png"))
    p.js("document.querySelector('[data-tab=summary]').click()")
    matrix = p.js("document.getElementById('responsibility').innerText") or ""
    check("Responsibility by category" in matrix and "責任分界" not in matrix,
          "the matrix in English")
    p.screenshot_of("#responsibility", os.path.join(a.shots, "responsibility-en.png"))
    p.js("document.querySelector('[data-tab=findings]').click()")
    badge = p.js("var b=document.querySelector('tr.f .badge.exp');b?b.innerText:''")
    check("expired" in badge, "the expired badge in English: %r" % badge)
    p.js("document.querySelector('[data-setlang=ja]').click()")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("report")
    ap.add_argument("shots")
    ap.add_argument("--hostile", action="append", default=[])
    ap.add_argument("--expect-findings", type=int)
    ap.add_argument("--owner", action="append", default=[])
    ap.add_argument("--waived", action="append", default=[])
    ap.add_argument("--stale", action="append", default=[])
    ap.add_argument("--expired-waiver", action="append", default=[])
    ap.add_argument("--expired-findings", type=int)
    ap.add_argument("--hostile-waiver", action="append", default=[])
    a = ap.parse_args()
    passed = failed = 0

    def check(cond, what):
        nonlocal passed, failed
        if cond:
            passed += 1
            print("ok: " + what)
        else:
            failed += 1
            print("FAIL: " + what)

    os.makedirs(a.shots, exist_ok=True)
    profile = tempfile.mkdtemp(prefix="tenken-chromium-")
    proc, browser_ws = start_browser(profile)
    try:
        p = Page(page_target(browser_ws))
        p.call("Page.enable")
        p.call("Runtime.enable")
        p.call("Log.enable")
        # A dialog would mean input text ran as script: record it and dismiss it.
        p.call("Page.addScriptToEvaluateOnNewDocument",
               source="window.__dialogs=0;window.alert=window.confirm=window.prompt="
                      "function(){window.__dialogs++;};")
        p.call("Emulation.setDeviceMetricsOverride", width=1400, height=1000,
               deviceScaleFactor=1, mobile=False)
        url = "file://" + os.path.abspath(a.report)
        p.call("Page.navigate", url=url)
        p.wait_event("Page.loadEventFired")
        time.sleep(0.3)
        p.js("1")  # drain events

        errors = []
        for e in p.events:
            m, prm = e["method"], e.get("params", {})
            if m == "Runtime.exceptionThrown":
                errors.append("exception: " + json.dumps(prm.get("exceptionDetails", {}))[:300])
            elif m == "Runtime.consoleAPICalled" and prm.get("type") in ("error", "assert"):
                errors.append("console.%s: %s" % (prm["type"], json.dumps(prm.get("args"))[:300]))
            elif m == "Log.entryAdded" and prm.get("entry", {}).get("level") == "error":
                errors.append("log: " + prm["entry"].get("text", "")[:300])
            elif m == "Page.javascriptDialogOpening":
                errors.append("dialog: " + prm.get("message", ""))
        check(not errors, "loads with no console error, exception or dialog" +
              ("" if not errors else ": " + "; ".join(errors)))
        check(p.js("document.querySelectorAll('script').length") == 1,
              "exactly one script element (the report's own)")
        check(p.js("window.__dialogs") == 0, "no alert/confirm/prompt was called")
        check(p.js("document.documentElement.lang") == "ja", "Japanese by default")
        check("点検レポート" in p.js("document.title"), "Japanese title")
        check(p.js("getComputedStyle(document.querySelector('.verdict')).display") != "none",
              "the verdict is shown")
        for text in a.hostile:
            shown = p.js("document.body.innerText.indexOf(%s) >= 0 || "
                         "Array.prototype.some.call(document.querySelectorAll('code'),"
                         "function(c){return c.textContent.indexOf(%s)>=0;})"
                         % (json.dumps(text), json.dumps(text)))
            check(shown, "hostile text is shown as text: %r" % text)
        check(p.js("document.querySelectorAll('img,iframe,object,embed').length") == 0,
              "no element injected from input (img, iframe, object, embed)")
        p.screenshot(os.path.join(a.shots, "summary-ja.png"))

        # Findings tab and filters.
        p.js("document.querySelector('[data-tab=findings]').click()")
        visible = "Array.prototype.filter.call(document.querySelectorAll('tr.f'),function(r){" \
                  "return r.offsetParent!==null;})"
        total = p.js(visible + ".length")
        if a.expect_findings is not None:
            check(total == a.expect_findings, "findings tab shows every finding (%s, expected %d)"
                  % (total, a.expect_findings))
        cats = p.js("Array.prototype.map.call(document.querySelectorAll('tr.f'),"
                    "function(r){return r.dataset.cat;})")
        if cats:
            counts = {}
            for c in cats:
                counts[c] = counts.get(c, 0) + 1
            cat = min(counts, key=lambda k: (counts[k], k))
            p.js("var s=document.getElementById('f-cat');s.value=%s;"
                 "s.dispatchEvent(new Event('change'))" % json.dumps(cat))
            after = p.js(visible + ".map(function(r){return r.dataset.cat;})")
            check(len(after) == counts[cat] and all(c == cat for c in after),
                  "category filter %s shows only its %d findings (shown %d of %d)"
                  % (cat, counts[cat], len(after), total))
            check("/ %d" % total in p.js("document.getElementById('shown').textContent"),
                  "the count of shown findings is updated")
            p.screenshot(os.path.join(a.shots, "findings-filtered.png"), full=False)
            # Combine with a severity that the category has, and with one it lacks.
            sevs = p.js(visible + ".map(function(r){return r.dataset.sev;})")
            sev = sevs[0]
            p.js("var s=document.getElementById('f-sev');s.value=%s;"
                 "s.dispatchEvent(new Event('change'))" % json.dumps(sev))
            both = p.js(visible + ".map(function(r){return r.dataset.cat+'/'+r.dataset.sev;})")
            check(len(both) == sevs.count(sev) and all(x == cat + "/" + sev for x in both),
                  "filters combine (category and severity)")
            other = next((x for x in ("critical", "high", "medium", "low", "info")
                          if x not in sevs), None)
            if other:
                p.js("var s=document.getElementById('f-sev');s.value=%s;"
                     "s.dispatchEvent(new Event('change'))" % json.dumps(other))
                check(p.js(visible + ".length") == 0,
                      "a severity the category lacks shows nothing")
            p.js("document.getElementById('f-reset').click()")
            check(p.js(visible + ".length") == total, "clearing the filters shows all again")
            # Details open with the rule's texts.
            p.js("document.querySelector('tr.f button.more').click()")
            det = p.js("document.querySelector('tr.detail:not([hidden])').innerText")
            check(det is not None and "起こりうること" in det and "対処" in det,
                  "details show the risk and remediation")
        # English switch.
        p.js("document.querySelector('[data-setlang=en]').click()")
        check(p.js("document.documentElement.lang") == "en", "English switch sets lang=en")
        check("Findings" in p.js("document.querySelector('nav.tabs').innerText"),
              "English labels are shown")
        check("指摘一覧" not in p.js("document.querySelector('nav.tabs').innerText"),
              "Japanese labels are hidden in English")
        p.js("document.querySelector('[data-tab=summary]').click()")
        p.screenshot(os.path.join(a.shots, "summary-en.png"))
        p.js("document.querySelector('[data-setlang=ja]').click()")
        # Guideline view: its links filter the findings.
        p.js("document.querySelector('[data-tab=guideline]').click()")
        check(p.js("document.getElementById('tab-guideline').offsetParent!==null"),
              "guideline view opens")
        p.screenshot(os.path.join(a.shots, "guideline-ja.png"))
        link = p.js("var a=document.querySelector('#tab-guideline a[data-filter-cat]');"
                    "a?a.getAttribute('data-filter-cat'):null")
        if link:
            p.js("document.querySelector('#tab-guideline a[data-filter-cat]').click()")
            shown = p.js(visible + ".map(function(r){return r.dataset.cat;})")
            check(p.js("document.getElementById('tab-findings').offsetParent!==null") and shown
                  and all(c == link for c in shown),
                  "a category link in the guideline view shows that category's findings")
        if a.owner:
            policy_checks(p, a, check, visible)
        final_errors = [e for e in p.events if e["method"] in
                        ("Runtime.exceptionThrown", "Page.javascriptDialogOpening")
                        or (e["method"] == "Log.entryAdded"
                            and e["params"].get("entry", {}).get("level") == "error")
                        or (e["method"] == "Runtime.consoleAPICalled"
                            and e["params"].get("type") in ("error", "assert"))]
        check(not final_errors, "no exception, dialog, console error or CSP violation while "
              "using the page" + ("" if not final_errors else ": " +
                                  json.dumps(final_errors[0])[:300]))
    finally:
        proc.kill()
        proc.wait()
        shutil.rmtree(profile, ignore_errors=True)
    print("%d passed, %d failed" % (passed, failed))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
