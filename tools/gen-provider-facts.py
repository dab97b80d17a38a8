#!/usr/bin/env python3
"""Generates rules/aws/provider-facts.json: what the hashicorp/aws provider fills in for a
Terraform configuration, for every resource type the rules or the plan fixtures use.

For each resource type the file gives every attribute's type (as the provider schema states
it), whether it is required, every nested block with its nesting mode, and what an attribute
or block that the configuration leaves out becomes in a plan ("omitted"): known only after
apply ("unknown"), a default value, or nothing (key absent).

The omitted values come first from the real plan fixtures (rules/aws/tests/*/*.plan.json and
examples/*/plan.json): an attribute or block the configuration does not set is "unknown" when
after_unknown marks it, otherwise its planned value unless that is null or empty. Inside
configured nested blocks the same is done recursively. Where no fixture shows an attribute,
the schema decides: computed attributes are "unknown", others have no omitted value.

Usage:
    python3 tools/gen-provider-facts.py                   # runs terraform init offline
    python3 tools/gen-provider-facts.py --schema schema.json --provider-version 5.100.0

Running Terraform needs the CLI and the provider in a filesystem mirror
(TF_PROVIDER_MIRROR, default /opt/tf-plugins). Standard library only.
"""

import argparse
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

PROVIDER = "registry.terraform.io/hashicorp/aws"
GENERATED_BY = "tools/gen-provider-facts.py"
UNKNOWN = "unknown"

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def die(msg):
    print("gen-provider-facts: " + msg, file=sys.stderr)
    sys.exit(2)


# ---------------------------------------------------------------------------------------------
# Schema


def run_terraform(mirror):
    """Returns (schema JSON object, provider version) from `terraform providers schema -json`
    run offline in a temporary directory."""
    if shutil.which("terraform") is None:
        die("terraform is not installed (or pass --schema FILE --provider-version V)")
    work = tempfile.mkdtemp(prefix="tenken-provider-facts-")
    try:
        with open(os.path.join(work, "terraformrc"), "w") as f:
            f.write(
                "provider_installation {\n"
                "  filesystem_mirror {\n"
                "    path    = %s\n"
                '    include = ["registry.terraform.io/hashicorp/*"]\n'
                "  }\n"
                '  direct { exclude = ["registry.terraform.io/hashicorp/*"] }\n'
                "}\n" % json.dumps(mirror)
            )
        with open(os.path.join(work, "main.tf"), "w") as f:
            f.write('terraform {\n  required_providers {\n    aws = { source = "hashicorp/aws" }\n  }\n}\n')
        env = dict(os.environ)
        env.update(
            TF_CLI_CONFIG_FILE=os.path.join(work, "terraformrc"),
            TF_IN_AUTOMATION="1",
            CHECKPOINT_DISABLE="1",
        )
        env.pop("TF_DATA_DIR", None)

        def tf(*args, stdout=subprocess.PIPE):
            r = subprocess.run(("terraform",) + args, cwd=work, env=env, stdout=stdout,
                               stderr=subprocess.PIPE)
            if r.returncode != 0:
                die("terraform %s failed:\n%s" % (" ".join(args), r.stderr.decode(errors="replace")))
            return r

        tf("init", "-input=false", "-no-color")
        schema_path = os.path.join(work, "schema.json")
        with open(schema_path, "wb") as out:
            tf("providers", "schema", "-json", stdout=out)
        with open(schema_path, encoding="utf-8") as f:
            schema = json.load(f)
        version = json.loads(tf("version", "-json").stdout).get("provider_selections", {}).get(PROVIDER)
        if not version:
            die("terraform version -json names no version for " + PROVIDER)
        return schema, version
    finally:
        shutil.rmtree(work, ignore_errors=True)


def nested_type_to_type(nt):
    """Implied type of an attribute with a nested_type (protocol 6), as Terraform builds it."""
    attrs = {}
    optional = []
    for name, a in nt.get("attributes", {}).items():
        attrs[name] = attr_type(a)
        if a.get("optional"):
            optional.append(name)
    obj = ["object", attrs] + ([sorted(optional)] if optional else [])
    mode = nt.get("nesting_mode", "single")
    return obj if mode == "single" else [mode, obj]


def attr_type(a):
    if "type" in a:
        return a["type"]
    if "nested_type" in a:
        return nested_type_to_type(a["nested_type"])
    return "dynamic"


def is_computed(a):
    return bool(a.get("computed"))


# ---------------------------------------------------------------------------------------------
# Resource types the rules name


def rule_types(rule_files):
    types = set()
    for path in rule_files:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        for m in re.finditer(r"^\s*-?\s*resource:\s*(.*?)\s*$", text, re.M):
            v = m.group(1)
            if v.startswith("["):
                names = v.strip("[]").split(",")
            elif v:
                names = [v]
            else:
                # block-style list on the following lines
                names = []
                rest = text[m.end():].splitlines()[1:]
                for line in rest:
                    lm = re.match(r"^\s*-\s*(\S+)\s*$", line)
                    if not lm:
                        break
                    names.append(lm.group(1))
            for n in names:
                n = n.strip().strip("'\"")
                if n:
                    types.add(n)
        for m in re.finditer(r"\b(?:related|same|resources)\(\s*[\"']([^\"']+)[\"']", text):
            types.add(m.group(1))
    return {t for t in types if not t.startswith("data.")}


# ---------------------------------------------------------------------------------------------
# Fixtures


def strip_index(addr):
    return re.sub(r"\[[^\]]*\]", "", addr)


def module_config(root, module_address):
    """Configuration module for a module address such as module.a[0].module.b."""
    mod = root
    if not module_address:
        return mod
    parts = strip_index(module_address).split(".")
    for i in range(0, len(parts) - 1, 2):
        if parts[i] != "module" or mod is None:
            return None
        mod = mod.get("module_calls", {}).get(parts[i + 1], {}).get("module")
    return mod


def planned_resources(module, out):
    for r in module.get("resources", []):
        out[r["address"]] = r
    for c in module.get("child_modules", []):
        planned_resources(c, out)


def plan_types(plan):
    types = set()

    def walk(m):
        for r in m.get("resources", []):
            if r.get("mode") == "managed":
                types.add(r["type"])
        for c in m.get("child_modules", []):
            walk(c)

    walk(plan.get("planned_values", {}).get("root_module", {}))
    for rc in plan.get("resource_changes", []):
        if rc.get("mode") == "managed":
            types.add(rc["type"])
    return types


def contains_true(u):
    if u is True:
        return True
    if isinstance(u, list):
        return any(contains_true(x) for x in u)
    if isinstance(u, dict):
        return any(contains_true(x) for x in u.values())
    return False


def is_empty(v):
    return v is None or v == [] or v == {}


class Observer:
    def __init__(self):
        # (type, path tuple) -> list of (kind, value, source); kind: unknown | value | null
        self.obs = {}
        self.notes = []
        self.skipped = []

    def add(self, rtype, path, kind, value, src):
        self.obs.setdefault((rtype, path), []).append((kind, value, src))

    def classify(self, rtype, path, value, unknown, src):
        if unknown is True:
            self.add(rtype, path, UNKNOWN, None, src)
        elif contains_true(unknown):
            self.notes.append("%s.%s partly unknown when omitted (%s): counted as unknown"
                              % (rtype, ".".join(path), src))
            self.add(rtype, path, UNKNOWN, None, src)
        elif is_empty(value):
            self.add(rtype, path, "null", None, src)
        else:
            self.add(rtype, path, "value", value, src)

    def block(self, rtype, schema, expr, value, unknown, path, src, recurse=True):
        """Observes one configured block (or the resource body): expr is its expressions
        object, value its planned value, unknown its after_unknown mask."""
        if not isinstance(expr, dict):
            return
        if value is None:
            value = {}
        if not isinstance(value, dict):
            return
        if not isinstance(unknown, dict):
            unknown = {}
        for name in schema.get("attributes", {}):
            if not path and name == "id":
                continue
            if name in expr:
                continue
            self.classify(rtype, path + (name,), value.get(name), unknown.get(name), src)
        for name, bt in schema.get("block_types", {}).items():
            sub = path + (name,)
            if name not in expr:
                self.classify(rtype, sub, value.get(name), unknown.get(name), src)
                continue
            if not recurse:
                continue
            e, v, u = expr[name], value.get(name), unknown.get(name)
            if u is True:
                continue  # the whole configured block is known only after apply
            inner = bt["block"]
            mode = bt["nesting_mode"]
            if mode in ("single", "group"):
                if isinstance(e, list):
                    e = e[0] if len(e) == 1 else None
                self.block(rtype, inner, e, v, u, sub, src)
            elif mode == "list":
                if not isinstance(e, list) or not isinstance(v, list) or len(e) != len(v):
                    self.skipped.append("%s.%s (%s): %d blocks configured, %s planned"
                                        % (rtype, ".".join(sub), src, len(e) if isinstance(e, list) else -1,
                                           len(v) if isinstance(v, list) else "none"))
                    continue
                for i in range(len(e)):
                    ui = u[i] if isinstance(u, list) and i < len(u) else None
                    self.block(rtype, inner, e[i], v[i], ui, sub, src)
            elif mode == "set":
                if not isinstance(e, list) or not isinstance(v, list) or len(e) != len(v):
                    self.skipped.append("%s.%s (%s): %d blocks configured, %s planned"
                                        % (rtype, ".".join(sub), src, len(e) if isinstance(e, list) else -1,
                                           len(v) if isinstance(v, list) else "none"))
                    continue
                if len(e) == 1:
                    self.block(rtype, inner, e[0], v[0], u[0] if isinstance(u, list) and u else None, sub, src)
                    continue
                # Set elements are not in configuration order: only what no element
                # configures can be observed, and nested blocks are not matched.
                union = {k for x in e if isinstance(x, dict) for k in x}
                for i in range(len(v)):
                    ui = u[i] if isinstance(u, list) and i < len(u) else None
                    self.block(rtype, inner, dict.fromkeys(union), v[i], ui, sub, src, recurse=False)
            elif mode == "map":
                if not isinstance(e, dict) or not isinstance(v, dict):
                    continue
                for label, eo in e.items():
                    if label in v:
                        um = u.get(label) if isinstance(u, dict) else None
                        if um is True:
                            continue
                        self.block(rtype, inner, eo, v[label], um, sub, src)

    def plan(self, path, plan, schemas):
        rel = os.path.relpath(path, ROOT)
        planned = {}
        planned_resources(plan.get("planned_values", {}).get("root_module", {}), planned)
        root_cfg = plan.get("configuration", {}).get("root_module", {})
        for rc in plan.get("resource_changes", []):
            if rc.get("mode") != "managed" or rc.get("provider_name") != PROVIDER:
                continue
            if "create" not in rc.get("change", {}).get("actions", []):
                continue
            rtype = rc["type"]
            schema = schemas.get(rtype)
            if schema is None:
                continue
            addr = rc["address"]
            pr = planned.get(addr)
            values = pr.get("values") if pr else rc["change"].get("after")
            mod = module_config(root_cfg, rc.get("module_address"))
            cfg = None
            for r in (mod or {}).get("resources", []):
                if r.get("mode") == "managed" and r.get("type") == rtype and r.get("name") == rc["name"]:
                    cfg = r
                    break
            if cfg is None:
                self.skipped.append("%s (%s): no configuration found" % (addr, rel))
                continue
            self.block(rtype, schema["block"], cfg.get("expressions", {}), values,
                       rc["change"].get("after_unknown", {}), (), "%s %s" % (rel, addr))


# ---------------------------------------------------------------------------------------------
# Facts


def canon(v):
    return json.dumps(v, sort_keys=True, separators=(",", ":"))


class Facts:
    def __init__(self, observer):
        self.obs = observer.obs
        self.from_fixtures = {"unknown": 0, "default": 0, "null": 0}
        self.from_schema = 0
        self.conflicts = []

    def decide(self, rtype, path):
        """Returns (has_observation, omitted or None)."""
        seen = self.obs.get((rtype, path))
        if not seen:
            return False, None
        kinds = {}
        for kind, value, src in seen:
            key = kind if kind != "value" else "value " + canon(value)
            kinds.setdefault(key, []).append(src)
        if len(kinds) > 1:
            self.conflicts.append((rtype, ".".join(path), kinds))
            self.from_fixtures["unknown"] += 1
            return True, UNKNOWN
        kind, value, _ = seen[0]
        if kind == UNKNOWN:
            self.from_fixtures["unknown"] += 1
            return True, UNKNOWN
        if kind == "null":
            self.from_fixtures["null"] += 1
            return True, None
        self.from_fixtures["default"] += 1
        return True, value

    def block(self, rtype, schema, path):
        attrs = {}
        for name, a in sorted(schema.get("attributes", {}).items()):
            fact = {"type": attr_type(a)}
            if a.get("required"):
                fact["required"] = True
            if not path and name == "id":
                fact["omitted"] = UNKNOWN
                attrs[name] = fact
                continue
            observed, omitted = self.decide(rtype, path + (name,))
            if not observed and is_computed(a):
                omitted = UNKNOWN
                self.from_schema += 1
            if omitted is not None:
                fact["omitted"] = omitted
            attrs[name] = fact
        blocks = {}
        for name, bt in sorted(schema.get("block_types", {}).items()):
            sub = path + (name,)
            fact = {"nesting": bt["nesting_mode"]}
            _, omitted = self.decide(rtype, sub)
            if omitted is not None:
                fact["omitted"] = omitted
            inner = self.block(rtype, bt["block"], sub)
            fact["attributes"] = inner["attributes"]
            fact["blocks"] = inner["blocks"]
            blocks[name] = fact
        return {"attributes": attrs, "blocks": blocks}


def render(doc):
    """Sorted keys, one resource type a line (compact within it): deterministic, small, and a
    change to one type is a one-line difference. Floats print as Python's shortest repr."""

    def compact(v):
        return json.dumps(v, sort_keys=True, separators=(",", ":"), ensure_ascii=False)

    lines = ["{"]
    keys = sorted(doc)
    for i, key in enumerate(keys):
        comma = "," if i + 1 < len(keys) else ""
        if key != "resources":
            lines.append(" %s: %s%s" % (compact(key), compact(doc[key]), comma))
            continue
        lines.append(" %s: {" % compact(key))
        types = sorted(doc[key])
        for j, t in enumerate(types):
            lines.append("  %s: %s%s" % (compact(t), compact(doc[key][t]), "," if j + 1 < len(types) else ""))
        lines.append(" }" + comma)
    lines.append("}")
    text = "\n".join(lines) + "\n"
    assert json.loads(text) == doc
    return text


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--schema", help="output of `terraform providers schema -json` (default: run terraform)")
    ap.add_argument("--provider-version", help="provider version (required with --schema)")
    ap.add_argument("--mirror", default=os.environ.get("TF_PROVIDER_MIRROR", "/opt/tf-plugins"),
                    help="filesystem mirror holding the provider (default $TF_PROVIDER_MIRROR or /opt/tf-plugins)")
    ap.add_argument("-o", "--output", default=os.path.join(ROOT, "rules", "aws", "provider-facts.json"))
    args = ap.parse_args()

    if args.schema:
        if not args.provider_version:
            die("--schema needs --provider-version")
        with open(args.schema, encoding="utf-8") as f:
            schema = json.load(f)
        version = args.provider_version
    else:
        schema, version = run_terraform(args.mirror)
    try:
        schemas = schema["provider_schemas"][PROVIDER]["resource_schemas"]
    except KeyError:
        die("the schema has no resource schemas for " + PROVIDER)

    rule_files = sorted(glob.glob(os.path.join(ROOT, "rules", "aws", "*.rule")))
    fixtures = sorted(glob.glob(os.path.join(ROOT, "rules", "aws", "tests", "*", "*.plan.json"))
                      + glob.glob(os.path.join(ROOT, "examples", "*", "plan.json")))
    plans = []
    for path in fixtures:
        with open(path, encoding="utf-8") as f:
            plans.append((path, json.load(f)))

    wanted = rule_types(rule_files)
    for _, plan in plans:
        wanted |= plan_types(plan)
    missing = sorted(t for t in wanted if t not in schemas)
    selected = sorted(t for t in wanted if t in schemas)

    observer = Observer()
    for path, plan in plans:
        observer.plan(path, plan, schemas)

    facts = Facts(observer)
    resources = {t: facts.block(t, schemas[t]["block"], ()) for t in selected}
    doc = {
        "provider": PROVIDER,
        "provider_version": version,
        "generated_by": GENERATED_BY,
        "resources": resources,
    }
    text = render(doc)
    tmp = args.output + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, args.output)

    err = sys.stderr
    print("gen-provider-facts: %s %s, %d rule files, %d fixture plans"
          % (PROVIDER, version, len(rule_files), len(fixtures)), file=err)
    print("  resource types: %d written%s" % (len(selected), (", not in the schema (skipped): " + ", ".join(missing)) if missing else ""), file=err)
    ff = facts.from_fixtures
    print("  omitted facts from fixtures: %d unknown, %d defaults (%d observed as null/empty)"
          % (ff["unknown"], ff["default"], ff["null"]), file=err)
    print("  omitted facts from the schema (computed, not observed): %d unknown" % facts.from_schema, file=err)
    print("  conflicts (written as unknown): %d" % len(facts.conflicts), file=err)
    for rtype, name, kinds in facts.conflicts:
        print("    %s.%s:" % (rtype, name), file=err)
        for kind, srcs in sorted(kinds.items()):
            print("      %s  (%d: %s%s)" % (kind, len(srcs), srcs[0], ", ..." if len(srcs) > 1 else ""), file=err)
    for line in observer.notes:
        print("  note: " + line, file=err)
    for line in observer.skipped:
        print("  not observed: " + line, file=err)
    print("  wrote %s (%d bytes)" % (os.path.relpath(args.output, ROOT), len(text.encode("utf-8"))), file=err)


if __name__ == "__main__":
    main()
