#!/usr/bin/env python3
"""Line and branch coverage of clickup.h over every test binary of build/cov/.

usage: tests/coverage_report.py BUILD_COV_DIR HEADER

Every test translation unit compiles its own copy of clickup.h (CLICKUP_STATIC), so gcov
reports the header once per test. A line counts as covered when any test ran it; a branch
when any test took it. Prints the totals, then the same per implementation section
([arena], [json], ... [endpoints]), and writes every line no test ran to
BUILD_COV_DIR/uncovered.txt (with its section and text) for reading.
"""
import glob
import json
import os
import re
import subprocess
import sys


def gcov_json(gcda):
    """gcov's JSON intermediate format for one .gcda, as a dict."""
    out = subprocess.run(["gcov", "--json-format", "--stdout", "--branch-probabilities",
                          "--object-directory", os.path.dirname(gcda), gcda],
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, check=False).stdout
    docs = []
    for chunk in out.decode("utf-8", "replace").splitlines():
        chunk = chunk.strip()
        if chunk.startswith("{"):
            docs.append(json.loads(chunk))
    return docs


def sections(header):
    """[(first_line, name)] from the '/* ==== [name]' markers, plus the public part."""
    marks = [(1, "api (declarations)")]
    with open(header, encoding="utf-8", errors="replace") as f:
        text = f.read().splitlines()
    for i, line in enumerate(text, 1):
        m = re.match(r"/\* ==== \[([^\]]+)\]", line)
        if m:
            marks.append((i, m.group(1)))
    return marks, text


def section_of(marks, line):
    name = marks[0][1]
    for first, n in marks:
        if first <= line:
            name = n
        else:
            break
    return name


def main():
    covdir, header = sys.argv[1], sys.argv[2]
    target = os.path.normpath(os.path.abspath(header))
    lines = {}        # line -> max count over TUs
    branches = {}     # line -> [taken in any TU] per branch index
    tus = 0
    for gcda in sorted(glob.glob(os.path.join(covdir, "*.gcda"))):
        if gcda.endswith("-sandbox.gcda"):
            continue
        for doc in gcov_json(gcda):
            for f in doc.get("files", []):
                path = os.path.normpath(os.path.abspath(f.get("file", "")))
                if path != target:
                    continue
                tus += 1
                for ln in f.get("lines", []):
                    n = ln["line_number"]
                    lines[n] = max(lines.get(n, 0), ln["count"])
                    br = ln.get("branches", [])
                    have = branches.setdefault(n, [])
                    while len(have) < len(br):
                        have.append(False)
                    for i, b in enumerate(br):
                        if b["count"] > 0:
                            have[i] = True
    if not tus:
        print("coverage: no gcov data for %s under %s (did the tests run?)" % (header, covdir))
        return 1
    newest_gcno = max((os.path.getmtime(g) for g in glob.glob(os.path.join(covdir, "*.gcno"))), default=0)
    if os.path.getmtime(header) > newest_gcno:
        print("coverage: warning: %s changed after the suites were built; line texts may not match" % header)
    marks, text = sections(header)
    per = {}
    for n, c in lines.items():
        s = per.setdefault(section_of(marks, n), [0, 0, 0, 0])
        s[0] += 1
        s[1] += c > 0
    for n, br in branches.items():
        s = per.setdefault(section_of(marks, n), [0, 0, 0, 0])
        s[2] += len(br)
        s[3] += sum(br)
    tl = sum(s[0] for s in per.values())
    cl = sum(s[1] for s in per.values())
    tb = sum(s[2] for s in per.values())
    cb = sum(s[3] for s in per.values())
    pct = lambda a, b: 100.0 * a / b if b else 100.0
    print("coverage of %s over %d test translation units:" % (header, tus))
    print("  lines:    %5.1f%%  (%d of %d)" % (pct(cl, tl), cl, tl))
    print("  branches: %5.1f%%  (%d of %d)" % (pct(cb, tb), cb, tb))
    print("  %-22s %8s %14s %9s %14s" % ("section", "lines", "", "branches", ""))
    order = [name for _, name in marks]
    for name in order:
        if name not in per:
            continue
        s = per[name]
        print("  %-22s %7.1f%% %6d of %-5d %7.1f%% %6d of %-5d" % (name, pct(s[1], s[0]), s[1], s[0],
                                                                    pct(s[3], s[2]), s[3], s[2]))
    out = os.path.join(covdir, "uncovered.txt")
    with open(out, "w", encoding="utf-8") as f:
        f.write("Lines of %s no test ran (line: section: text)\n" % header)
        for n in sorted(lines):
            if lines[n] == 0:
                f.write("%5d: %-16s %s\n" % (n, section_of(marks, n), text[n - 1].strip() if n <= len(text) else ""))
        f.write("\nLines with a branch no test took (line: taken/total: text)\n")
        for n in sorted(branches):
            br = branches[n]
            if br and not all(br) and lines.get(n, 0) > 0:
                f.write("%5d: %d/%d  %s\n" % (n, sum(br), len(br), text[n - 1].strip() if n <= len(text) else ""))
    print("  every uncovered line and untaken branch: %s" % out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
