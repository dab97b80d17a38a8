#!/usr/bin/env python3
"""Benchmarks for `make bench`: end-to-end scans on one core, timed and measured.

For each case it runs the scan several times pinned to CPU 0 and reports the best wall time,
throughput, and the peak resident set size of the scanner process (getrusage of the child,
so it includes the mapped input file). Inputs: a generated Terraform plan of about 100,000
resources; the TerraGoat Terraform source from the test corpus copied until it is about
60,000 lines (every copy a set of root modules); a generated stream of about 50,000
Kubernetes objects; a generated CloudFormation template of about 20,000 resources
(bench/gen_manifests.py).

Usage: run.py path/to/tenken [--runs N] [--resources N] [--source-lines N] [--objects N]
              [--cfn-resources N]
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
    ap.add_argument("--source-lines", type=int, default=60000)
    ap.add_argument("--objects", type=int, default=50000)
    ap.add_argument("--cfn-resources", type=int, default=20000)
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
        bench_case(name, cmd, size, resources, args.runs)
    policy_bench(tk, args, plan, size, resources)
    source_bench(tk, args)
    document_bench(tk, args, "k8s", args.objects, "Kubernetes manifests")
    document_bench(tk, args, "cfn", args.cfn_resources, "CloudFormation template")


def policy_bench(tk, args, plan, size, resources):
    """The plan again with a baseline holding every finding, and with 100 waivers (patterns on
    addresses, half of them expired): what policy applied after the rules costs."""
    base = os.path.join(OUT, "baseline-plan.json")
    waivers = os.path.join(OUT, "waivers-100.yaml")
    subprocess.run([tk, "scan", "--no-config", "-f", "json", "--fail-on", "none",
                    "--write-baseline", base, plan], stdout=subprocess.DEVNULL, check=True)
    rules = sorted({f["rule_id"] for f in json.load(open(base))["findings"]})
    with open(waivers, "w") as w:
        w.write("waivers:\n")
        for i in range(100):
            w.write("  - rule: %s\n    resource: \"*_%d?*\"\n    reason: bench\n    approver: bench\n"
                    "    created: 2026-01-01\n    expires: %s\n"
                    % (rules[i % len(rules)], i % 10, "2099-01-01" if i % 2 else "2026-01-01"))
    common = [tk, "scan", "--no-config", "-f", "json", "--fail-on", "none"]
    for name, cmd in [("plan, --write-baseline, JSON report", common + ["--write-baseline", base + ".new", plan]),
                      ("plan, --baseline holding every finding", common + ["--baseline", base, plan]),
                      ("plan, 100 waivers, JSON report", common + ["--waivers", waivers, plan])]:
        bench_case(name, cmd, size, resources, args.runs)


def document_bench(tk, args, what, n, label):
    path = os.path.join(OUT, "%s-%d.yaml" % (what, n))
    if not os.path.exists(path):
        subprocess.run([sys.executable, os.path.join(HERE, "gen_manifests.py"), what, path, str(n)], check=True)
    size = os.path.getsize(path)
    cmd = [tk, "scan", "-f", "json", "--fail-on", "none", path]
    d = json.loads(subprocess.run(cmd, stdout=subprocess.PIPE, check=False).stdout)
    s = d["summary"]
    print("input: %s, %.1f MB, %d resources, %d checks, %d findings, %d not evaluated"
          % (os.path.relpath(path), size / 1e6, s["resources"], s["checks"], s["findings"], s["not_evaluated"]))
    for name, c in [("%s, all rules, JSON report" % label, cmd),
                    ("%s, all rules, text report" % label,
                     [tk, "scan", "--fail-on", "none", "--color", "never", path])]:
        bench_case(name, c, size, s["resources"], args.runs)


def best_of(cmd, runs, name):
    """The fastest of runs runs: (seconds, peak RSS bytes)."""
    best = None
    for _ in range(runs):
        secs, rss, code = measure(cmd)
        if code not in (0, 1):
            sys.exit("bench: %s exited %d" % (name, code))
        if best is None or secs < best[0]:
            best = (secs, rss)
    return best


def bench_case(name, cmd, size, resources, runs):
    out_len = len(subprocess.run(cmd, stdout=subprocess.PIPE, check=False).stdout)
    secs, rss = best_of(cmd, runs, name)
    print("%-48s %7.3f s  %7.1f MB/s  %9.0f resources/s  peak RSS %6.1f MB (%.2fx input)  report %.1f MB"
          % (name, secs, size / 1e6 / secs, resources / secs, rss / 1e6, rss / size, out_len / 1e6))


def make_source_tree(lines_wanted):
    """TerraGoat's .tf files copied into bench/out/terragoat-N/copy-K/ until about
    lines_wanted lines; returns (directory, lines, bytes, files)."""
    src = os.path.normpath(os.path.join(HERE, "..", "..", "shared", "corpus", "terragoat"))
    if not os.path.isdir(src):
        src = os.path.normpath(os.path.join(HERE, "..", "tests", "corpus", "terragoat"))
    tfs = []
    for root, _, files in os.walk(src):
        tfs += [os.path.join(root, f) for f in files if f.endswith(".tf")]
    tfs.sort()
    per_copy = sum(sum(1 for _ in open(f, encoding="utf-8")) for f in tfs)
    copies = max(1, round(lines_wanted / per_copy))
    dest = os.path.join(OUT, "terragoat-x%d" % copies)
    if not os.path.isdir(dest):
        tmp = dest + ".tmp"
        shutil.rmtree(tmp, ignore_errors=True)
        for k in range(copies):
            for f in tfs:
                target = os.path.join(tmp, "copy-%02d" % k, os.path.relpath(f, src))
                os.makedirs(os.path.dirname(target), exist_ok=True)
                shutil.copyfile(f, target)
        os.rename(tmp, dest)
    size = sum(os.path.getsize(f) for f in tfs) * copies
    return dest, per_copy * copies, size, len(tfs) * copies


def source_bench(tk, args):
    tree, lines, size, files = make_source_tree(args.source_lines)
    cmd = [tk, "scan", "-f", "json", "--fail-on", "none", tree]
    rep = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, check=False)
    d = json.loads(rep.stdout)
    s = d["summary"]
    print("input: %s, %d .tf files, %d lines, %.1f MB, %d root modules, %d resources, %d findings"
          % (os.path.relpath(tree), files, lines, size / 1e6, len(d["inputs"]), s["resources"], s["findings"]))
    for name, c in [("Terraform source, all rules, JSON report", cmd),
                    ("Terraform source, all rules, text report",
                     [tk, "scan", "--fail-on", "none", "--color", "never", tree])]:
        secs, rss = best_of(c, args.runs, name)
        print("%-48s %7.3f s  %9.0f lines/s  %9.0f resources/s  peak RSS %6.1f MB"
              % (name, secs, lines / secs, s["resources"] / secs, rss / 1e6))


if __name__ == "__main__":
    main()
