#!/usr/bin/env python3
"""The real-code driver (driver.py) for the XML DOM family: runs only the pure-logic
methods that call a `DOM ...` command (driver.py leaves XML methods out), and passes a
live DOM reference as the first argument when it is a Text, so that the methods work on
a real tree instead of failing on the sample text "abc":

    python3 tools/realcode/xml_dom_driver.py CORPUS_DIR [--fourd target/debug/fourd]
        [--out OUT_DIR] [--jobs 1] [--only SUBSTRING]

The reference is that of a small parsed SVG document (root `svg` with id "abc", a `g`,
a `rect` and a `text`). Same output as driver.py (table by repository, top causes).
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import driver  # noqa: E402

driver.EXCLUDED = [x for x in driver.EXCLUDED if x not in ("DOM ", "XML ")]
driver.EXCLUDED_RE = re.compile(
    r"(?<![\w$<>.])("
    + "|".join(re.escape(x) for x in sorted(set(driver.EXCLUDED), key=len, reverse=True))
    + r")(?=[\s(:;\]]|$|\w)",
)
DOM_CALL = re.compile(r"DOM [A-Za-z ]+:C\d+")
_is_pure = driver.is_pure


def is_pure(text):
    return bool(DOM_CALL.search(text)) and _is_pure(text)


SAMPLE_DOC = (
    '<svg xmlns="http://www.w3.org/2000/svg" id="abc"><g id="g1"><rect id="r1" x="1"/></g>'
    '<text id="t1">abc</text></svg>'
)
_entry_source = driver.entry_source


def entry_source(method, params, result):
    src = _entry_source(method, params, result)
    if params and params[0] in ("Text", "String", "Variant"):
        first = driver.SAMPLE.get(params[0], driver.SAMPLE["Text"])
        src = src.replace(f"{method}({first}", f"{method}($dom", 1)
    doc = SAMPLE_DOC.replace('"', '\\"')
    return f'var $dom : Text\n$dom:=DOM Parse XML variable("{doc}")\n' + src


driver.is_pure = is_pure
driver.entry_source = entry_source

if __name__ == "__main__":
    driver.main()
