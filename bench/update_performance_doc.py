#!/usr/bin/env python3
"""Puts one run of scripts/bench.sh into docs/PERFORMANCE.md.

    python3 bench/update_performance_doc.py build-bench/bench-results.md docs/PERFORMANCE.md

The document marks three regions with HTML comments; each is replaced whole, so a
figure the bench no longer prints leaves the document with the run that dropped it:

    <!-- bench:run -->      the run's head (command, date, commit, machine, tools)
    <!-- bench:issue13 -->  the "Issue 13 table" and the notes printed under it
    <!-- bench:results -->  sections 1 to 6, their headings one level down

each closed by <!-- /bench -->. Everything outside them is prose kept by hand.
"""
import re
import sys


def sections(text):
    """The run's head (before the first "## ") and its "## " sections by title."""
    parts = re.split(r"^## ", text, flags=re.M)
    head = parts[0].split("\n", 1)[1] if "\n" in parts[0] else ""  # without "# acr benchmarks"
    found = []
    for part in parts[1:]:
        title, _, body = part.partition("\n")
        found.append((title.strip(), body))
    return head.strip("\n"), found


def demote(title, body):
    body = re.sub(r"^(#+) ", lambda m: "#" + m.group(1) + " ", body, flags=re.M)
    return "### " + title + "\n" + body.rstrip("\n")


def replace(doc, name, content):
    pattern = re.compile(r"(<!-- bench:%s -->).*?(<!-- /bench -->)" % re.escape(name), re.S)
    if not pattern.search(doc):
        sys.exit("update_performance_doc: no <!-- bench:%s --> ... <!-- /bench --> region in the document" % name)
    return pattern.sub(lambda m: m.group(1) + "\n" + content.strip("\n") + "\n" + m.group(2), doc, count=1)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    results_path, doc_path = sys.argv[1], sys.argv[2]
    with open(results_path, encoding="utf-8") as f:
        head, found = sections(f.read())
    numbered = [(t, b) for t, b in found if re.match(r"\d+\. ", t)]
    issue13 = [b for t, b in found if t == "Issue 13 table"]
    if not numbered or not issue13:
        sys.exit("update_performance_doc: %s has no numbered sections or no Issue 13 table" % results_path)
    # The notes after the table end with the run's timings and the pointer to the
    # results file: the timings belong to the run's head.
    table, _, tail = issue13[0].partition("\n- load average at the end:")
    timing = "- load average at the end:" + tail.split("\n\n")[0] if tail else ""
    with open(doc_path, encoding="utf-8") as f:
        doc = f.read()
    doc = replace(doc, "run", head + ("\n" + timing if timing else ""))
    doc = replace(doc, "issue13", table)
    # Section 2 ends with the nginx set-up of sections 3 to 6: kept where it is.
    doc = replace(doc, "results", "\n\n".join(demote(t, b) for t, b in numbered))
    with open(doc_path, "w", encoding="utf-8") as f:
        f.write(doc)


if __name__ == "__main__":
    main()
