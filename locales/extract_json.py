#!/usr/bin/env python3
"""Writes a gettext template (.pot) of the English texts in rules/ and forms/.

Relief's rules and court-paper templates are data: their survivor-facing
texts are msgids like any _("...") in the C++ code. This extractor finds
them in the known fields; update-pot.sh merges its output with xgettext's.
Usage: extract_json.py <source root> > texts.pot
"""
import json
import os
import sys

RULE_TEXT_FIELDS = {"title", "because", "unmet", "would_change", "file_with", "serve", "route"}
RULE_LIST_FIELDS = {"notes", "documents_needed"}
FACT_TEXT_FIELDS = {"question", "help", "text", "label"}
# Template block fields that hold text (court papers are English and are
# not extracted; only survivor-language templates and filing texts are).
BLOCK_TEXT_FIELDS = {"text", "header", "caption", "title", "note", "label", "value"}


def po_escape(s):
    return s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")


class Pot:
    def __init__(self):
        self.entries = {}  # msgid -> list of references

    def add(self, msgid, ref):
        if not isinstance(msgid, str) or not msgid.strip():
            return
        if not any(ch.isalpha() for ch in strip_tags(msgid)):
            return
        self.entries.setdefault(msgid, [])
        if ref not in self.entries[msgid]:
            self.entries[msgid].append(ref)

    def write(self, out):
        for msgid, refs in self.entries.items():
            out.write("#: " + " ".join(refs) + "\n")
            if "%" in msgid:
                out.write("#, c-format\n")
            out.write('msgid "' + po_escape(msgid) + '"\nmsgstr ""\n\n')


def strip_tags(s):
    """The text of a template string without Mustache tags and markup."""
    out, i = [], 0
    while i < len(s):
        if s.startswith("{{", i):
            j = s.find("}}", i)
            i = len(s) if j < 0 else j + 2
            continue
        if s[i] == "<":
            j = s.find(">", i)
            if 0 <= j - i <= 3:
                i = j + 1
                continue
        out.append(s[i])
        i += 1
    return "".join(out)


def walk_rules(node, path, pot):
    if isinstance(node, dict):
        for k, v in node.items():
            if k in RULE_TEXT_FIELDS and isinstance(v, str):
                pot.add(v, path)
            elif k in RULE_LIST_FIELDS and isinstance(v, list):
                for item in v:
                    pot.add(item, path)
            elif k in ("sources", "test"):
                continue
            else:
                walk_rules(v, path, pot)
    elif isinstance(node, list):
        for v in node:
            walk_rules(v, path, pot)


def walk_facts(node, path, pot):
    if isinstance(node, dict):
        for k, v in node.items():
            if k in FACT_TEXT_FIELDS and isinstance(v, str):
                pot.add(v, path)
            else:
                walk_facts(v, path, pot)
    elif isinstance(node, list):
        for v in node:
            walk_facts(v, path, pot)


def walk_blocks(node, path, pot):
    if isinstance(node, dict):
        for k, v in node.items():
            if k in BLOCK_TEXT_FIELDS and isinstance(v, str):
                pot.add(v, path)
            else:
                walk_blocks(v, path, pot)
    elif isinstance(node, list):
        for v in node:
            walk_blocks(v, path, pot)


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "."
    pot = Pot()
    rules_dir = os.path.join(root, "rules")
    facts = os.path.join(rules_dir, "facts.json")
    if os.path.exists(facts):
        with open(facts, encoding="utf-8") as f:
            walk_facts(json.load(f), "rules/facts.json", pot)
    for code in sorted(os.listdir(rules_dir)):
        p = os.path.join(rules_dir, code, "rules.json")
        if os.path.isfile(p):
            with open(p, encoding="utf-8") as f:
                data = json.load(f)
            rel = "rules/%s/rules.json" % code
            walk_rules(data.get("remedies", []), rel, pot)
            walk_rules(data.get("out_of_scope", {}), rel, pot)
            walk_facts(data.get("facts", []), rel, pot)
    forms_dir = os.path.join(root, "forms")
    for dirpath, _, files in sorted(os.walk(forms_dir)):
        for name in sorted(files):
            if not name.endswith(".json"):
                continue
            p = os.path.join(dirpath, name)
            rel = os.path.relpath(p, root)
            with open(p, encoding="utf-8") as f:
                data = json.load(f)
            schema = data.get("schema")
            if schema == "relief.form/1":
                walk_blocks(data.get("filing", {}), rel, pot)
                for k in ("file_how", "serve_how", "fees", "fee_waiver", "official_form", "hearing"):
                    pot.add(data.get("filing", {}).get(k), rel)
                for k in ("privacy", "next_steps"):
                    for t in data.get("filing", {}).get(k, []):
                        pot.add(t, rel)
            elif schema in ("relief.template/1", "relief.part/1") and data.get("language", "court") == "survivor":
                for k in ("title", "subject", "footer_title"):
                    pot.add(data.get(k), rel)
                walk_blocks(data.get("blocks", []), rel, pot)
    pot.write(sys.stdout)


if __name__ == "__main__":
    main()
