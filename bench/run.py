#!/usr/bin/env python3
"""Benchmarks for `make bench`: end-to-end scans on one core, timed and measured.

For each case it runs the scan several times pinned to CPU 0 and reports the best wall time,
throughput in MB/s and resources/s, and the peak resident set size of the scanner process
(getrusage of the child, so it includes the mapped input file).

Usage: run.py path/to/tenken [--runs N] [--resources N]
"""
import argparse
import json
import os
import resource
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "out")


def measure(cmd):
    """Runs cmd; returns (seconds, peak RSS bytes, exit code)."""
    pin = ["taskset", "-c", "0"] if shutil.which("taskset") else []
    # A fresh Python child per run keeps RUSAGE_CHILDREN to this one scan; it also does the
    # timing, so interpreter start-up is not counted.
    # The report goes to /dev/null: what is measured is the scanner, not a reader of its pipe.
    wrapper = [sys.executable, "-c",
               "import resource,subprocess,sys,time;"
               "t=time.perf_counter();"
               "p=subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL);"
               "t=time.perf_counter()-t;"
               "sys.stderr.write('%f %d %d\\n'%(t,resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,"
               "p.returncode))"] + pin + cmd
    p = subprocess.run(wrapper, stderr=subprocess.PIPE, check=False)
    f = p.stderr.decode().split()[-3:]
    return float(f[0]), int(f[1]) * 1024, int(f[2])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("tenken")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--resources", type=int, default=100000)
    args = ap.parse_args()
    os.makedirs(OUT, exist_ok=True)
    plan = os.path.join(OUT, "plan-%d.json" % args.resources)
    if not os.path.exists(plan):
        subprocess.run([sys.executable, os.path.join(HERE, "gen_plan.py"), plan, str(args.resources)], check=True)
    size = os.path.getsize(plan)
    tk = os.path.abspath(args.tenken)

    # Resource count and findings, from one JSON run.
    rep = subprocess.run([tk, "scan", "-f", "json", "--fail-on", "none", plan], stdout=subprocess.PIPE, check=True)
    d = json.loads(rep.stdout)
    resources, findings = d["summary"]["resources"], d["summary"]["findings"]
    rules, checks = d["summary"]["rules"], d["summary"]["checks"]

    cases = [
        ("plan %dk resources, all rules, JSON report" % (args.resources // 1000),
         [tk, "scan", "-f", "json", "--fail-on", "none", plan]),
        ("plan %dk resources, all rules, text report" % (args.resources // 1000),
         [tk, "scan", "--fail-on", "none", "--color", "never", plan]),
    ]
    print("input: %s, %.1f MB, %d resources, %d rules, %d checks, %d findings"
          % (os.path.relpath(plan), size / 1e6, resources, rules, checks, findings))
    for name, cmd in cases:
        out_len = len(subprocess.run(cmd, stdout=subprocess.PIPE, check=False).stdout)
        best = None
        for _ in range(args.runs):
            secs, rss, code = measure(cmd)
            if code not in (0, 1):
                sys.exit("bench: %s exited %d" % (name, code))
            if best is None or secs < best[0]:
                best = (secs, rss)
        secs, rss = best
        print("%-48s %7.3f s  %7.1f MB/s  %9.0f resources/s  peak RSS %6.1f MB (%.2fx input)  report %.1f MB"
              % (name, secs, size / 1e6 / secs, resources / secs, rss / 1e6, rss / size, out_len / 1e6))


if __name__ == "__main__":
    main()
