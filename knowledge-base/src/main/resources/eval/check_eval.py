#!/usr/bin/env python3
"""Validate an evaluation set (eval/holdout.jsonl, eval/dev2.jsonl, eval/dev3.jsonl, eval/blind.jsonl)
against the format and conventions in eval/README.md.

Checks: one JSON object per line; ids unique and consecutive with the set's letter (H0001.. for
holdout.jsonl, D0001.. for dev2.jsonl, or the first line's letter: T0001.. for dev3.jsonl,
B0001.. for blind.jsonl); fields and types;
every ICD-10 code is a 3-character category in reference/icd10-categories-zh.tsv or a
category3 of reference/icd10-diagnoses-zh.csv; every procedure is an NN.N prefix of a code in
reference/icd9cm3-procedures-zh.csv; tags come from the README's list; tag consistency
(surgery <-> a procedure item, a negated item -> negation, family -> expected []).
Prints counts per tag. Exit status 1 on any error.

Usage: python3 check_eval.py [path/to/set.jsonl]   (default: holdout.jsonl)
       e.g. python3 check_eval.py blind.jsonl
"""
import csv
import json
import os
import re
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
REF = os.path.join(HERE, "..", "reference")
TAGS = {"colloquial", "negation", "surgery", "mixed", "typo", "time",
        "status", "attributes", "checkup", "family"}


def load_reference():
    cats = set()
    with open(os.path.join(REF, "icd10-categories-zh.tsv"), encoding="utf-8") as f:
        next(f)
        for line in f:
            code = line.split("\t", 1)[0].strip()
            if code:
                cats.add(code)
    with open(os.path.join(REF, "icd10-diagnoses-zh.csv"), encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["category3"]:
                cats.add(row["category3"])
    procs = set()
    with open(os.path.join(REF, "icd9cm3-procedures-zh.csv"), encoding="utf-8") as f:
        for row in csv.DictReader(f):
            procs.add(row["code"][:4])
    return cats, procs


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "holdout.jsonl")
    cats, procs = load_reference()
    errors = []
    tag_counts = Counter()
    texts = set()
    n = 0
    prefix = None
    items = Counter()
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            where = f"line {lineno}"
            if not line.strip():
                errors.append(f"{where}: empty line")
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                errors.append(f"{where}: invalid JSON ({e})")
                continue
            n += 1
            if set(obj) != {"id", "text", "expected", "tags"}:
                errors.append(f"{where}: fields {sorted(obj)}")
                continue
            if prefix is None:
                prefix = "D" if os.path.basename(path).startswith("dev2") else (
                    "H" if os.path.basename(path).startswith("holdout") else str(obj["id"])[:1])
            if obj["id"] != "%s%04d" % (prefix, n):
                errors.append(f"{where}: id {obj['id']} (expected {prefix}{n:04d})")
            text = obj["text"]
            if not isinstance(text, str) or not text.strip():
                errors.append(f"{where}: empty text")
            elif text in texts:
                errors.append(f"{where}: duplicate text")
            texts.add(text)
            exp = obj["expected"]
            tags = obj["tags"]
            if not isinstance(exp, list) or not isinstance(tags, list):
                errors.append(f"{where}: expected/tags must be lists")
                continue
            bad_tags = set(tags) - TAGS
            if bad_tags:
                errors.append(f"{where}: unknown tags {sorted(bad_tags)}")
            if len(set(tags)) != len(tags):
                errors.append(f"{where}: repeated tag")
            has_proc = has_neg = False
            concepts = set()
            for it in exp:
                if not isinstance(it, dict) or not isinstance(it.get("negated"), bool):
                    errors.append(f"{where}: bad item {it}")
                    continue
                has_neg |= it["negated"]
                if "procedure" in it:
                    has_proc = True
                    extra = set(it) - {"procedure", "icd10", "negated"}
                    p = it["procedure"]
                    if extra:
                        errors.append(f"{where}: surgery item fields {sorted(extra)}")
                    if not re.fullmatch(r"\d\d\.\d", p) or p not in procs:
                        errors.append(f"{where}: procedure {p} not an NN.N prefix in the reference list")
                    concepts.add(("p", p))
                    items["surgery"] += 1
                else:
                    if set(it) != {"icd10", "negated"}:
                        errors.append(f"{where}: condition item fields {sorted(it)}")
                    concepts.add(("c", it.get("icd10")))
                    items["condition"] += 1
                if "icd10" in it:
                    c = it["icd10"]
                    if not re.fullmatch(r"[A-Z]\d\d", str(c)) or c not in cats:
                        errors.append(f"{where}: ICD-10 {c} not a 3-character category in the reference lists")
            if has_proc != ("surgery" in tags):
                errors.append(f"{where}: surgery tag / procedure item mismatch")
            if has_neg and "negation" not in tags:
                errors.append(f"{where}: negated item without negation tag")
            if ("mixed" in tags) != (len(concepts) >= 2):
                errors.append(f"{where}: mixed tag needs >= 2 distinct concepts (and vice versa)")
            tag_counts.update(tags)
            if not exp:
                tag_counts["(expected [])"] += 1
    for e in errors:
        print("ERROR", e)
    print(f"{n} lines, {items['condition']} condition items, {items['surgery']} surgery items")
    for t, c in sorted(tag_counts.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  {t:14s} {c}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
