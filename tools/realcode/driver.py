#!/usr/bin/env python3
"""Real-code driver: runs `fourd check` and the pure-logic project methods of a corpus
of public 4D projects, and reports what parses and what runs to completion.

The corpus is NOT part of the repository: bring it outside the repo, one folder per
repository (e.g. `/tmp/rc/OWNER+NAME/`, from `../shared/real-code/REPOS.txt`), then

    python3 tools/realcode/driver.py CORPUS_DIR [--fourd target/debug/fourd]
        [--out OUT_DIR] [--jobs 2] [--only SUBSTRING] [--check-only]

What it does, per repository:
1. `fourd check --quiet REPO`: every `.4dm` file must parse (failures listed).
2. For each project (a folder holding `Project/Sources/Methods`), each method of
   `Methods/` that is *pure logic* (no UI, database, network, printing or plug-in
   command; see EXCLUDED below) is called from a generated entry method placed in
   `Project/Sources/fourd_driver/` (inside the corpus copy, never in the repo) with
   sample arguments of its declared parameter types, inside `Try`:
   it *completes* when the call returns without a 4D error.
Results: OUT_DIR/results.jsonl (one line per method), a table by repository and the
most frequent causes of failure on stdout. The table counts the methods that reach
no impure project method (`reaches_impure`: a pure method calling a UI one is not
pure logic) and do not stop on code their project lacks (status `needs-code`: a
component the repository does not ship); a first line gives the figure over all.
"""
import argparse
import collections
import concurrent.futures as cf
import json
import os
import re
import subprocess
import sys

# Commands (plain names, case-insensitive prefixes) that make a method not pure logic:
# user interface, forms, windows, menus, lists, printing, pictures/drawing areas,
# pasteboard, records and selections, SQL, network and web, plug-ins.
EXCLUDED = [
    # UI, forms, objects, windows, menus, lists, events
    "OBJECT ", "OBJECT Get", "FORM ", "Form", "DIALOG", "Open window", "Open form window",
    "CLOSE WINDOW", "WINDOW", "Window", "Current window", "Frontmost", "Next window",
    "LISTBOX", "LIST TO", "Load list", "New list", "Copy list", "CLEAR LIST", "APPEND TO LIST",
    "INSERT IN LIST", "SET LIST", "GET LIST", "Count list", "Selected list", "List item",
    "DELETE FROM LIST", "SELECT LIST", "SORT LIST", "Find in list", "Is a list",
    "CONFIRM", "Request", "DISPLAY", "MESSAGE", "ERASE WINDOW", "GOTO XY", "GOTO OBJECT",
    "Get edited text", "HIGHLIGHT TEXT", "GET HIGHLIGHT", "POST ", "Pop up menu",
    "Dynamic pop up menu", "MENU", "Menu", "SET MENU", "APPEND MENU", "INSERT MENU",
    "Get menu", "Count menu", "Create menu", "RELEASE MENU", "CALL FORM", "CALL SUBFORM",
    "REDRAW", "SET TIMER", "CANCEL", "ACCEPT", "BRING TO FRONT", "SHOW ", "HIDE ",
    "Current form", "Focus object", "Keystroke", "FILTER KEYSTROKE", "FILTER EVENT",
    "Mouse", "GET MOUSE", "Screen", "SCREEN", "SET CURSOR", "Macintosh", "Windows Alt",
    "Shift down", "Caps lock", "Right click", "Contextual click", "Form event",
    "Outside call", "Modified", "Old", "Before", "After", "During", "In header",
    "In footer", "In break", "Level", "SET WINDOW", "DRAG", "Drag", "Drop",
    "Get window", "GET WINDOW", "DRAG WINDOW", "MAXIMIZE", "MINIMIZE", "REDUCE",
    "RESIZE FORM", "FORM GET", "FORM SET", "FORM LOAD", "FORM UNLOAD", "FORM SCREENSHOT",
    "INVOKE ACTION", "Action info", "EDIT ACCESS", "PLAY", "BEEP", "SET ABOUT",
    "SHOW ON DISK", "OPEN URL", "OPEN ADMINISTRATION", "OPEN SETTINGS", "OPEN SECURITY",
    "Select document", "Select folder", "Select RGB color", "SET PICTURE", "GET PICTURE",
    "Picture", "PICTURE", "CONVERT PICTURE", "TRANSFORM PICTURE", "CREATE THUMBNAIL",
    "COMBINE PICTURES", "READ PICTURE", "WRITE PICTURE", "Is picture",
    "GET PASTEBOARD", "SET TEXT TO PASTEBOARD", "Get text from pasteboard",
    "CLEAR PASTEBOARD", "APPEND DATA TO PASTEBOARD", "Pasteboard", "SET PICTURE TO PASTEBOARD",
    "PRINT", "Print", "PAGE", "OPEN PRINTING", "CLOSE PRINTING", "Printing page",
    "SET PRINT", "GET PRINT", "ACCUMULATE", "BREAK LEVEL", "Subtotal",
    "ST ", "WA ", "WP ", "VP ", "QR ", "SVG ", "SPELL", "GRAPH", "PHP ",
    "Is window", "SET FIELD TITLES", "SET TABLE TITLES", "Get 4D folder",
    "MODIFY ", "ADD RECORD", "DISPLAY ", "DIALOG", "Is editing text", "EXPORT ", "IMPORT ",
    "SET FORMAT", "Get format", "GET STYLE SHEET", "LIST OF STYLE", "Get style",
    # records, selections, SQL, ORDA
    "QUERY", "ORDER BY", "ALL RECORDS", "SAVE RECORD", "CREATE RECORD", "DELETE",
    "Records in", "Selected record", "GOTO ", "FIRST RECORD", "NEXT RECORD",
    "PREVIOUS RECORD", "LAST RECORD", "LOAD RECORD", "UNLOAD RECORD", "READ ONLY",
    "READ WRITE", "Locked", "LOCKED BY", "SELECTION", "SELECTION TO ARRAY",
    "ARRAY TO SELECTION", "RELATE", "START TRANSACTION", "VALIDATE", "CANCEL TRANSACTION",
    "In transaction", "Begin SQL", "SQL ", "Table", "Field", "Get pointer", "Record number",
    "Is new record", "Is record loaded", "End selection", "Before selection", "REDUCE SELECTION",
    "SCAN INDEX", "DISTINCT VALUES", "COPY NAMED SELECTION", "USE NAMED SELECTION",
    "CUT NAMED", "CLEAR NAMED", "CREATE SET", "USE SET", "CLEAR SET", "ADD TO SET",
    "Is in set", "CREATE EMPTY SET", "UNION", "INTERSECTION", "DIFFERENCE", "Records in set",
    "SET QUERY", "ONE RECORD", "MULTIPLE RECORDS", "PUSH RECORD", "POP RECORD",
    "COPY SET", "SAVE SET", "LOAD SET", "REMOVE FROM SET", "Sequence number",
    "TRUNCATE TABLE", "SET AUTOMATIC", "Last table", "Last field", "GET FIELD",
    "Get relation", "SET FIELD", "Is field", "Is table", "Count fields", "Get last table",
    "ds", "Open datastore", "Sum", "Average", "Max", "Min", "Std deviation", "Variance",
    "APPLY TO SELECTION", "Modified record", "DUPLICATE RECORD", "Trigger",
    # network, web, mail
    "HTTP", "WEB ", "Web ", "SMTP", "POP3", "IMAP", "TCP", "LDAP", "SOAP", "SET WEB",
    "WEB SERVICE", "4D.HTTP", "Open web", "GET HTTP", "MAIL", "SEND ", "RECEIVE ",
    "Get HTTP", "Is Web", "4D.SMTP", "4D.POP3", "4D.IMAP", "4D.WebSocket", "Execute on server",
    "REGISTER CLIENT", "GET REGISTERED", "EXECUTE ON CLIENT", "Current client",
    # XML (a separate family: counted by the command coverage, not here)
    "DOM ", "SAX ", "XML ", "XSLT",
    # processes that wait for the outside
    "DELAY PROCESS", "PAUSE PROCESS", "IDLE", "LAUNCH EXTERNAL", "Application file",
]

EXCLUDED_RE = re.compile(
    r"(?<![\w$<>.])(" + "|".join(re.escape(x) for x in sorted(set(EXCLUDED), key=len, reverse=True)) + r")(?=[\s(:;\]]|$|\w)",
)

TOKEN_CMD = re.compile(r"([^\s(;:=+*/\\\-<>#{}\[\]\"']+(?: [^\s(;:=+*/\\\-<>#{}\[\]\"']+)*):C(\d+)")


def strip_code(text):
    """Text without comments and string literals."""
    text = re.sub(r'"(?:[^"\\\n]|\\.)*"', '""', text)
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    text = re.sub(r"//[^\n]*", " ", text)
    return text


def is_pure(text):
    code = strip_code(text)
    if re.search(r":P\d+:\d+", code):  # plug-in command
        return False
    if re.search(r"\[[A-Za-z_\u00c0-\uffff][^\]\n;\"]*(?::\d+)?\][A-Za-z_\u00c0-\uffff]", code):
        return False  # [Table]Field
    if re.search(r"\bds\.|\bds\b", code):
        return False
    # names of commands: plain text, or the names of tokenized `Name:Cn`
    for m in EXCLUDED_RE.finditer(code):
        return False
    return True


TYPE_OF_DIRECTIVE = {
    "C_TEXT": "Text", "C_STRING": "Text", "C_LONGINT": "Integer", "C_INTEGER": "Integer",
    "C_REAL": "Real", "C_BOOLEAN": "Boolean", "C_DATE": "Date", "C_TIME": "Time",
    "C_OBJECT": "Object", "C_COLLECTION": "Collection", "C_POINTER": "Pointer",
    "C_BLOB": "Blob", "C_PICTURE": "Picture", "C_VARIANT": "Variant",
}


def signature(text):
    """([param types], has_result) from `#DECLARE` or `C_XXX($n)` declarations."""
    code = strip_code(text)
    m = re.search(r"#DECLARE\s*\(([^)]*)\)\s*(->|:)?\s*([^\n]*)", code)
    if m:
        params = []
        for p in [x for x in m.group(1).split(";") if x.strip()]:
            if p.strip().startswith("${") or p.strip() == "...":
                continue
            t = p.split(":", 1)[1].strip() if ":" in p else "Variant"
            params.append(t.split()[0] if t else "Variant")
        return params, bool(m.group(2) and m.group(3).strip())
    params = {}
    result = False
    for dm in re.finditer(r"\b(C_[A-Z]+)(?::C\d+)?\s*\(([^)]*)\)", code):
        ty = TYPE_OF_DIRECTIVE.get(dm.group(1))
        if not ty:
            continue
        for a in dm.group(2).split(";"):
            a = a.strip()
            if a == "$0":
                result = True
            elif re.fullmatch(r"\$\d+", a):
                params[int(a[1:])] = ty
    for vm in re.finditer(r"\bvar\s+([^:\n]+):\s*([A-Za-z.]+)", code):
        ty = {"Longint": "Integer", "Number": "Real"}.get(vm.group(2), vm.group(2))
        for a in vm.group(1).split(";"):
            a = a.strip()
            if a == "$0":
                result = True
            elif re.fullmatch(r"\$\d+", a):
                params[int(a[1:])] = ty
    if re.search(r"\$0\s*:=", code):
        result = True
    n = max(params) if params else 0
    used = [int(x) for x in re.findall(r"\$(\d+)\b", code) if x != "0"]
    n = max([n] + [u for u in used if u < 10])
    types = [params.get(k, "Text") for k in range(1, n + 1)]
    # what a pointer parameter points to, from its use: an array (`Size of
    # array($1->)`, `$1->{$i}`), or the type the method checks or uses it as
    for k, t in enumerate(types, 1):
        if t == "Pointer":
            types[k - 1] = pointer_kind(code, k)
    return types, result


POINTEE = {
    "blob": "BlobPointer", "text": "TextPointer", "alpha": "TextPointer", "string var": "TextPointer",
    "longint": "LongintPointer", "integer": "LongintPointer", "real": "NumberPointer",
    "date": "DatePointer", "boolean": "BoolPointer", "object": "ObjectPointer",
    "collection": "CollectionPointer",
}


def pointer_kind(code, k):
    """The sample a pointer parameter `$k` needs, from the method's code."""
    # the parameter and the locals it is copied into (`$paValue:=$1`)
    aliases = [r"\$%d" % k] + [re.escape(a) for a in
                                re.findall(r"(\$[\w]+)\s*:=\s*\$%d\s*(?:$|[\n/])" % k, code, re.M)]
    p = r"(?:%s)->" % "|".join(aliases)
    m = re.search(r"Type(?::C295)?\(" + p + r"\)\s*=\s*Is ([A-Za-z ]+?)(?::K\d+:\d+|\)|\s*$)", code, re.M)
    if m and m.group(1).strip().lower() in POINTEE:
        return POINTEE[m.group(1).strip().lower()]
    if m and "array" in m.group(1).lower():
        return "ArrayPointer"
    array_cmds = (r"(Size of array|APPEND TO ARRAY|INSERT IN ARRAY|DELETE FROM ARRAY|SORT ARRAY|"
                  r"Find in array|COPY ARRAY|ARRAY [A-Z]+|MULTI SORT ARRAY|Count in array)(:C\d+)?\(")
    if re.search(p + r"\{", code) or re.search(array_cmds + p, code):
        return "ArrayPointer"
    if re.search(r"(BLOB size|BLOB to text|BLOB TO VARIABLE|TEXT TO BLOB|BASE64 (EN|DE)CODE)(:C\d+)?\([^)\n]*" + p, code):
        return "BlobPointer"
    if re.search(p + r"\.", code) or re.search(r"OB (Get|SET|Is defined)(:C\d+)?\(" + p, code):
        return "ObjectPointer"
    return "Pointer"  # to a Variant holding a text: whatever the method assigns fits


SAMPLE = {
    "Text": '"abc"', "String": '"abc"', "Integer": "3", "Longint": "3", "Real": "2.5",
    "Number": "2.5", "Boolean": "True", "Date": "!2024-01-15!", "Time": "?01:02:03?",
    "Object": "New object(\"name\"; \"abc\"; \"value\"; 1)", "Collection": "New collection(1; 2; 3)",
    "Variant": '"abc"', "Blob": "$blob", "Picture": "$pic", "Pointer": "->$targetVar", "TextPointer": "->$target",
    "ArrayPointer": "->$targetArray", "BlobPointer": "->$blob", "NumberPointer": "->$targetNum",
    "LongintPointer": "->$targetLong",
    "DatePointer": "->$targetDate", "BoolPointer": "->$targetBool",
    "ObjectPointer": "->$targetObj", "CollectionPointer": "->$targetCol",
}


def entry_source(method, params, result):
    args = "; ".join(SAMPLE.get(p, SAMPLE["Text"]) if not p.startswith("cs.") else "Null" for p in params)
    call = f"{method}({args})" if params else f"{method}"
    if result:
        call = "$r:=" + call
    return (
        "var $r : Variant\nvar $blob : Blob\nvar $pic : Picture\nvar $target : Text\n"
        "var $ok : Boolean\nvar $targetVar : Variant\n$targetVar:=\"abc\"\nvar $targetNum : Real\nvar $targetLong : Integer\nvar $targetDate : Date\nvar $targetBool : Boolean\n"
        "var $targetObj : Object\nvar $targetCol : Collection\n$targetNum:=3\n$targetDate:=!2024-01-15!\n"
        "$targetObj:=New object(\"name\"; \"abc\")\n$targetCol:=New collection(1; 2)\n"
        "$target:=\"abc\"\nARRAY TEXT($targetArray; 2)\n"
        "$targetArray{1}:=\"abc\"\n$targetArray{2}:=\"def\"\n"
        "Try\n\t" + call + "\n\t$ok:=True\nCatch\nEnd try\n"
        "If ($ok)\n\tLOG EVENT(Into system standard outputs; \"\\n@@FOURD-DRIVER OK\\n\")\n"
        "Else\n\tLOG EVENT(Into system standard outputs; \"\\n@@FOURD-DRIVER ERR \"+"
        "String(Last errors[0].errCode)+\" \"+Last errors[0].message+\"\\n\")\nEnd if\n"
    )


def projects(repo):
    for root, dirs, _files in os.walk(repo):
        if os.path.basename(root) == "Sources" and os.path.basename(os.path.dirname(root)) == "Project":
            if os.path.isdir(os.path.join(root, "Methods")):
                yield root
            dirs[:] = []


def run_method(fourd, sources, name, params, result, timeout):
    d = os.path.join(sources, "fourd_driver")
    os.makedirs(d, exist_ok=True)
    safe = re.sub(r"[^A-Za-z0-9]", "_", name)
    f = os.path.join(d, f"fourd_driver_{safe}.4dm")
    with open(f, "w", encoding="utf-8") as fh:
        fh.write(entry_source(name, params, result))
    try:
        # an empty in-memory datastore per run: parallel runs of one project never
        # share (nor lock, nor write) its data file
        p = subprocess.run([fourd, "run", "--data", ":memory:", "--max-time", str(timeout), f],
                           capture_output=True,
                           timeout=timeout + 10)
        out = p.stdout.decode("utf-8", "replace")
        err = p.stderr.decode("utf-8", "replace")
        code = p.returncode
    except subprocess.TimeoutExpired:
        return {"status": "timeout", "cause": "timeout"}
    finally:
        try:
            os.remove(f)
        except OSError:
            pass
    m = re.findall(r"@@FOURD-DRIVER (OK|ERR ([^\n]*))", out)
    if m and m[-1][0] == "OK":
        return {"status": "ok"}
    if m:
        return {"status": "error", "cause": m[-1][1]}
    lines = err.splitlines()
    first = next((l for l in lines if l.startswith("fourd:")),
                 next((l for l in lines if "error" in l), lines[0] if lines else ""))
    return {"status": "error", "cause": f"exit {code}: " + re.sub(r"^\S+:\d+:\d+: ", "", first)}


def check_repo(fourd, repo):
    p = subprocess.run([fourd, "check", "--quiet", repo], capture_output=True)
    lines = p.stderr.decode("utf-8", "replace").splitlines() + p.stdout.decode("utf-8", "replace").splitlines()
    summary = next((l for l in reversed(lines) if " files, " in l), "")
    failures = [l for l in lines if re.match(r"^.+\.4dm:\d+:\d+: ", l)]
    return summary, failures


def normalize(cause):
    c = re.sub(r"\d+(\.\d+)?", "N", cause)
    c = re.sub(r'"[^"]*"', '"…"', c)
    return c[:110]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("--fourd", default="target/debug/fourd")
    ap.add_argument("--out", default="/tmp/fourd-realcode")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--timeout", type=int, default=5)
    ap.add_argument("--only", default="", help="only the repositories whose name contains this")
    ap.add_argument("--skip", default="", help="leave out the repositories whose name contains this")
    ap.add_argument("--check-only", action="store_true")
    ap.add_argument("--retry", metavar="RESULTS_JSONL",
                    help="run again only the methods that did not complete in an earlier "
                         "run's results.jsonl; the others keep their earlier result")
    ap.add_argument("--all", action="store_true",
                    help="also run the pure methods that call impure project methods (slower)")
    ap.add_argument("--report", metavar="RESULTS_JSONL",
                    help="only print the tables of an earlier run's results.jsonl")
    a = ap.parse_args()
    if a.report:
        report([json.loads(l) for l in open(a.report, encoding="utf-8") if l.strip()])
        return
    fourd = os.path.abspath(a.fourd)
    os.makedirs(a.out, exist_ok=True)
    repos = sorted(d for d in os.listdir(a.corpus) if os.path.isdir(os.path.join(a.corpus, d)) and a.only in d
                   and not (a.skip and a.skip in d))
    results = []
    checks = {}
    for r in repos:
        rp = os.path.join(a.corpus, r)
        checks[r] = check_repo(fourd, rp)
    with open(os.path.join(a.out, "check.txt"), "w") as fh:
        for r in repos:
            fh.write(f"{r}: {checks[r][0]}\n")
            for l in checks[r][1]:
                fh.write(f"  {l}\n")
    print("## fourd check")
    for r in repos:
        print(f"{r}: {checks[r][0]}")
        for l in checks[r][1]:
            print("   ", l.replace(a.corpus, ""))
    if a.check_only:
        return
    jobs = []
    reach = {}
    for r in repos:
        for sources in projects(os.path.join(a.corpus, r)):
            mdir = os.path.join(sources, "Methods")
            texts = {}
            for fn in sorted(os.listdir(mdir)):
                if fn.endswith(".4dm"):
                    texts[fn[:-4]] = open(os.path.join(mdir, fn), encoding="utf-8", errors="replace").read()
            impure = reaches_impure(texts)
            for name, text in texts.items():
                if not is_pure(text) or (name in impure and not a.all):
                    continue
                params, result = signature(text)
                reach[(r, name)] = name in impure
                jobs.append((r, sources, name, params, result))
    if a.retry:
        earlier = [json.loads(l) for l in open(a.retry, encoding="utf-8") if l.strip()]
        keep = {(x["project"], x["method"]): x for x in earlier
                if x["status"] in ("ok", "needs-code")}
        jobs = [j for j in jobs if (os.path.relpath(j[1], a.corpus), j[2]) not in keep]
        results.extend(x for x in keep.values() if x["repo"] in repos)
    # results are written as they come (OUT_DIR/partial.jsonl), then sorted
    partial = open(os.path.join(a.out, "partial.jsonl"), "w")
    with cf.ThreadPoolExecutor(a.jobs) as ex:
        futs = {ex.submit(run_method, fourd, s, n, p, res, a.timeout): (r, s, n) for (r, s, n, p, res) in jobs}
        for f in cf.as_completed(futs):
            r, s, n = futs[f]
            res = f.result()
            res.update({"repo": r, "method": n, "project": os.path.relpath(s, a.corpus),
                        "reaches_impure": reach[(r, n)]})
            if res["status"] == "error" and needs_missing_code(s, res.get("cause", "")):
                res["status"] = "needs-code"
            results.append(res)
            partial.write(json.dumps(res, ensure_ascii=False) + "\n")
            partial.flush()
    partial.close()
    with open(os.path.join(a.out, "results.jsonl"), "w") as fh:
        for res in sorted(results, key=lambda x: (x["repo"], x["method"])):
            fh.write(json.dumps(res, ensure_ascii=False) + "\n")
    report(results, repos)


MISSING = re.compile(r"Unknown (?:class: cs\.([^\s.(]+)|method or command: ([^\n(]+))")


def needs_missing_code(sources, cause):
    """True when the method stopped on a class or method its project does not
    hold (a component the repository does not ship, or a misspelt name)."""
    m = MISSING.search(cause)
    if not m:
        return False
    if m.group(1):
        return not os.path.exists(os.path.join(sources, "Classes", m.group(1).strip() + ".4dm"))
    return not os.path.exists(os.path.join(sources, "Methods", m.group(2).strip() + ".4dm"))


WORD = re.compile(r"[A-Za-z_\u00c0-\uffff][\w\u00c0-\uffff]*")


def reaches_impure(texts):
    """Names of the methods of one project (name -> source) that are pure logic
    themselves but call, directly or through other project methods, a method
    that is not (a UI, database, network... command: see `is_pure`)."""
    one_word = {n.lower(): n for n in texts if WORD.fullmatch(n)}
    spaced = [n for n in texts if not WORD.fullmatch(n)]
    calls = {}
    for name, text in texts.items():
        code = strip_code(text)
        called = {one_word[w.lower()] for w in WORD.findall(code) if w.lower() in one_word}
        called |= {n for n in spaced if n in code}
        called.discard(name)
        calls[name] = called
    bad = {n for n, t in texts.items() if not is_pure(t)}
    changed = True
    while changed:
        changed = False
        for name, called in calls.items():
            if name not in bad and called & bad:
                bad.add(name)
                changed = True
    return {n for n in bad if is_pure(texts[n])}


def report(results, repos=None):
    """The table by repository and the most frequent causes of failure, over the
    methods that reach no impure code (`reaches_impure`); a line for all."""
    every = results
    e_ok = sum(1 for r in every if r["status"] == "ok")
    print(f"\nall pure-logic methods (including those calling impure methods or code "
          f"the repository does not ship): {e_ok} of {len(every)} = "
          f"{100.0 * e_ok / max(len(every), 1):.1f}%")
    results = [r for r in results if not r.get("reaches_impure")]
    missing = [r for r in results if r["status"] == "needs-code"]
    print(f"left out: {sum(1 for r in every if r.get('reaches_impure'))} methods calling impure "
          f"project methods, {len(missing)} stopping on a class or method their project "
          f"does not hold (components not shipped)")
    results = [r for r in results if r["status"] != "needs-code"]
    if repos is None:
        repos = sorted({r["repo"] for r in results})
    by_repo = collections.defaultdict(lambda: [0, 0])
    causes = collections.Counter()
    for res in results:
        by_repo[res["repo"]][1] += 1
        if res["status"] == "ok":
            by_repo[res["repo"]][0] += 1
        else:
            causes[normalize(res.get("cause", ""))] += 1
    total_ok = sum(v[0] for v in by_repo.values())
    total = sum(v[1] for v in by_repo.values())
    print("\n## pure-logic methods (reaching no impure method) run to completion")
    print("| repository | ok | methods | % |\n|---|---:|---:|---:|")
    for r in repos:
        ok, n = by_repo.get(r, [0, 0])
        if n:
            print(f"| {r} | {ok} | {n} | {100.0 * ok / n:.1f} |")
    print(f"| **total** | **{total_ok}** | **{total}** | **{100.0 * total_ok / max(total, 1):.1f}** |")
    print("\n## top causes of failure")
    for c, n in causes.most_common(40):
        print(f"{n:5d}  {c}")


if __name__ == "__main__":
    main()
