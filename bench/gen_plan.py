#!/usr/bin/env python3
"""Generates a large Terraform plan (terraform show -json format) for benchmarks.

The resources are copies of real plans made by the Terraform CLI: every rule fixture plan
under rules/*/tests/ and the example plan. Each copy of a source plan gets a suffix on its
resource names and on its name-like values (bucket names, identifiers), so references and
value joins stay inside the copy as in a real configuration, and every 8th copy is placed in a
child module. Output is compact JSON, as `terraform show -json` writes it.

Usage: gen_plan.py OUT.json [RESOURCES]   (default 100000)
"""
import glob
import json
import os
import re
import sys

# Settings that exist once per account (and region): a real configuration has one of each,
# however many resources it holds, so only the first copy keeps them.
ACCOUNT_SINGLETONS = {
    "aws_ecr_registry_scanning_configuration", "aws_ebs_encryption_by_default",
    "aws_s3_account_public_access_block", "aws_iam_account_password_policy",
    "aws_securityhub_account", "aws_guardduty_detector", "aws_config_configuration_recorder",
    "aws_config_configuration_recorder_status", "aws_accessanalyzer_analyzer",
    "aws_ec2_instance_metadata_defaults",
}

NAME_KEYS = {"bucket", "name", "identifier", "function_name", "cluster_identifier",
             "repository", "secret_id", "backup_vault_name", "user", "role", "alias"}


def load_templates(root):
    files = sorted(glob.glob(os.path.join(root, "rules/*/tests/*/*.plan.json")))
    files.append(os.path.join(root, "examples/insecure/plan.json"))
    templates = []
    for f in files:
        with open(f, encoding="utf-8") as fh:
            plan = json.load(fh)
        pv = plan.get("planned_values", {}).get("root_module", {}).get("resources", [])
        rc = {c["address"]: c for c in plan.get("resource_changes", [])}
        cfg = {r["address"]: r for r in
               plan.get("configuration", {}).get("root_module", {}).get("resources", [])}
        group = []
        for r in pv:
            if r.get("mode") != "managed":
                continue
            base = r["address"].split("[")[0]
            group.append((r, rc.get(r["address"]), cfg.get(base)))
        if group:
            templates.append(group)
    return templates


AWS_ID = re.compile(r"^(acl|vpc|sg|subnet|igw|rtb|eni|vol|i|ami|snap)-[0-9a-f]{6,}$")


def suffix_values(obj, sfx):
    """Appends sfx to name-like values and AWS-ID-like values, recursively."""
    if isinstance(obj, dict):
        return {k: (v + sfx if isinstance(v, str) and v and (k in NAME_KEYS or AWS_ID.match(v))
                    else suffix_values(v, sfx))
                for k, v in obj.items()}
    if isinstance(obj, list):
        return [suffix_values(v, sfx) for v in obj]
    return obj


def rename_address(addr, names, sfx, module):
    # "type.name[idx]" -> "type.name_sfx[idx]" for names defined in the same template
    head, _, idx = addr.partition("[")
    parts = head.split(".")
    if len(parts) >= 2 and parts[-1] in names:
        parts[-1] = parts[-1] + sfx
    out = ".".join(parts) + (("[" + idx) if idx else "")
    return (module + "." + out) if module else out


def rename_refs(expressions, names, sfx):
    text = json.dumps(expressions)
    for n in sorted(names, key=len, reverse=True):
        text = text.replace("." + n + ".", "." + n + sfx + ".").replace("." + n + "\"", "." + n + sfx + "\"")
        text = text.replace("." + n + "[", "." + n + sfx + "[")
    return json.loads(text)


def main():
    out = sys.argv[1]
    want = int(sys.argv[2]) if len(sys.argv) > 2 else 100000
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    templates = load_templates(root)
    if not templates:
        sys.exit("gen_plan: no template plans found")
    pv_root, pv_modules, changes, cfg_root, cfg_modules = [], {}, [], [], {}
    count, copy = 0, 0
    while count < want:
        for group in templates:
            if count >= want:
                break
            sfx = "_%d" % copy
            module = "module.m%d" % copy if copy % 8 == 7 else ""
            names = {r["name"] for r, _, _ in group}
            for r, c, cf in group:
                if copy >= len(templates) and r["type"] in ACCOUNT_SINGLETONS:
                    continue
                r2 = dict(r)
                r2["address"] = rename_address(r["address"], names, sfx, module)
                r2["name"] = r["name"] + sfx
                r2["values"] = suffix_values(r.get("values", {}), sfx)
                (pv_modules.setdefault(module, []) if module else pv_root).append(r2)
                if c:
                    c2 = dict(c)
                    c2["address"] = r2["address"]
                    c2["name"] = r2["name"]
                    if module:
                        c2["module_address"] = module
                    ch = dict(c["change"])
                    if isinstance(ch.get("after"), dict):
                        ch["after"] = suffix_values(ch["after"], sfx)
                    c2["change"] = ch
                    changes.append(c2)
                if cf and (r.get("index") in (None, 0)):
                    cf2 = dict(cf)
                    cf2["address"] = rename_address(cf["address"], names, sfx, "")
                    cf2["name"] = cf["name"] + sfx
                    cf2["expressions"] = rename_refs(cf.get("expressions", {}), names, sfx)
                    (cfg_modules.setdefault(module, []) if module else cfg_root).append(cf2)
                count += 1
            copy += 1
    # Terraform writes planned resources sorted by address within each module, child modules
    # sorted by address, and resource_changes sorted by address.
    pv_root.sort(key=lambda r: r["address"])
    for rs in pv_modules.values():
        rs.sort(key=lambda r: r["address"])
    pv_modules = dict(sorted(pv_modules.items()))
    changes.sort(key=lambda c: c["address"])
    plan = {
        "format_version": "1.2",
        "terraform_version": "1.11.4",
        "planned_values": {"root_module": {
            "resources": pv_root,
            "child_modules": [{"address": m, "resources": rs} for m, rs in pv_modules.items()]}},
        "resource_changes": changes,
        "configuration": {
            "provider_config": {"aws": {"name": "aws", "full_name": "registry.terraform.io/hashicorp/aws"}},
            "root_module": {
                "resources": cfg_root,
                "module_calls": {m.split(".", 1)[1]: {"source": "./modules/copy", "module": {"resources": rs}}
                                 for m, rs in cfg_modules.items()}}},
        "timestamp": "2026-11-22T00:00:00Z",
        "applyable": True,
        "complete": True,
        "errored": False,
    }
    with open(out, "w", encoding="utf-8") as fh:
        json.dump(plan, fh, separators=(",", ":"), ensure_ascii=False)
    print("gen_plan: %d resources from %d template plans, %d bytes" % (count, len(templates), os.path.getsize(out)))


if __name__ == "__main__":
    main()
