#!/usr/bin/python3
"""Checks every rules/<code>/rules.json against rules/schema/rules.schema.json.

Uses Debian's python3-jsonschema (run with /usr/bin/python3)."""
import glob
import json
import os
import sys

import jsonschema

root = sys.argv[1]
schema = json.load(open(os.path.join(root, "rules/schema/rules.schema.json"), encoding="utf-8"))
validator = jsonschema.Draft202012Validator(schema)
files = sorted(glob.glob(os.path.join(root, "rules/*/rules.json")))
bad = 0
for f in files:
    for e in validator.iter_errors(json.load(open(f, encoding="utf-8"))):
        bad += 1
        path = "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in e.absolute_path)
        print(f"{os.path.relpath(f, root)}: {path}: {e.message}")
print(f"{len(files)} rules file(s) checked against the schema, {bad} problem(s)")
sys.exit(1 if bad or not files else 0)
