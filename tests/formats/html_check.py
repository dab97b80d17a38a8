#!/usr/bin/env python3
"""Opens an HTML report in headless Chromium over the DevTools protocol and checks it as a
person would see it: it loads with no console error, exception or dialog, hostile text from
the input is shown as text and never runs, the filters change what is shown, the language
switch works, and the guideline view links to the findings. Keeps screenshots.

Usage: html_check.py REPORT.html SCREENSHOT_DIR [--hostile TEXT]... [--expect-findings N]
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


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("report")
    ap.add_argument("shots")
    ap.add_argument("--hostile", action="append", default=[])
    ap.add_argument("--expect-findings", type=int)
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
        final_errors = [e for e in p.events if e["method"] in
                        ("Runtime.exceptionThrown", "Page.javascriptDialogOpening")]
        check(not final_errors, "no exception or dialog while using the page")
    finally:
        proc.kill()
        proc.wait()
        shutil.rmtree(profile, ignore_errors=True)
    print("%d passed, %d failed" % (passed, failed))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
