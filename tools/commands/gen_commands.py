#!/usr/bin/env python3
"""Regenerates src/syntax/data/commands.tsv (NUMBER<TAB>Name, current name first, then
former names as aliases) from the 4D command list.

Sources, merged in this order (a name is kept once per number, case-insensitively):
  --docs DIR     a checkout of the 4d/docs repository: each docs/commands/*.md page
                 gives the current name (its `title:`) and its `| Command number | N |`;
  the existing table (its names stay, as aliases when the docs give another name);
  --corpus DIR   tokenized 4D sources (`Name:Cn` as 4D writes them): the names real
                 code uses for each number (ASCII names only: 4D writes English names;
                 localized ones such as `Vrai:C214` are not commands of the English
                 language).

    python3 tools/commands/gen_commands.py [--docs DOCS] [--corpus DIR...] [--write]

Without --write it prints what it would add.
"""
import argparse
import collections
import os
import re
import sys

TSV = os.path.join(os.path.dirname(__file__), "..", "..", "src", "syntax", "data", "commands.tsv")


def read_table(path):
    rows = collections.OrderedDict()
    for line in open(path, encoding="utf-8"):
        if "\t" not in line:
            continue
        n, name = line.rstrip("\n").split("\t", 1)
        rows.setdefault(int(n), []).append(name.strip())
    return rows


def from_docs(docs):
    out = {}
    d = os.path.join(docs, "docs", "commands")
    for fn in os.listdir(d):
        if not fn.endswith(".md"):
            continue
        text = open(os.path.join(d, fn), encoding="utf-8", errors="replace").read()
        t = re.search(r"^title:\s*(.+)$", text, re.M)
        n = re.search(r"\|\s*Command number\s*\|\s*(\d+)\s*\|", text)
        if t and n:
            out[int(n.group(1))] = t.group(1).strip().strip("'\"")
    return out


NAME = re.compile(r"([A-Za-z_][A-Za-z0-9_ ]*?[A-Za-z0-9_]|[A-Za-z_]):C(\d+)(?![\d:])")


def from_corpus(dirs):
    seen = collections.defaultdict(collections.Counter)
    for d in dirs:
        for root, _dirs, files in os.walk(d):
            for fn in files:
                if not fn.endswith(".4dm"):
                    continue
                text = open(os.path.join(root, fn), encoding="utf-8", errors="replace").read()
                for m in NAME.finditer(text):
                    name = re.sub(r"\s+", " ", m.group(1)).strip()
                    # a run of words before the name is code, not part of the name:
                    # keep the words after the last keyword-like break
                    seen[int(m.group(2))][name] += 1
    return seen


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs")
    ap.add_argument("--corpus", nargs="*", default=[])
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--min-uses", type=int, default=2,
                    help="a corpus name must be seen this many times to become an alias")
    a = ap.parse_args()
    rows = read_table(TSV)
    added = []
    if a.docs:
        for n, name in from_docs(a.docs).items():
            names = rows.setdefault(n, [])
            low = [x.lower() for x in names]
            if name.lower() in low:
                names.remove(names[low.index(name.lower())])
            names.insert(0, name)
            added.append((n, name, "docs"))
    if a.corpus:
        for n, counts in from_corpus(a.corpus).items():
            if n not in rows:
                continue  # not a command of the list: a typo or a plug-in
            known = rows[n]
            for name, k in counts.most_common():
                if k < a.min_uses or not name.isascii():
                    continue
                low = [x.lower() for x in known]
                if name.lower() in low:
                    continue
                # the longest known name that ends the run: the rest is code before it
                if any(name.lower().endswith(" " + x.lower()) for x in known):
                    continue
                known.append(name)
                added.append((n, name, "corpus"))
    for n, name, src in sorted(added):
        print(f"{n}\t{name}\t({src})")
    if a.write:
        with open(TSV, "w", encoding="utf-8") as fh:
            for n in sorted(rows):
                for name in rows[n]:
                    fh.write(f"{n}\t{name}\n")


if __name__ == "__main__":
    main()
