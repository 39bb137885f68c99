#!/usr/bin/env python3
"""Relative links in the repository's Markdown point somewhere.

For every `*.md` file git tracks (plus new, not yet ignored ones), every inline
link or image `[text](target)` whose target is relative (not `http:`, `https:`,
`mailto:` or another scheme) must name an existing file or directory, relative
to the Markdown file (or to the repository root for a target starting with `/`).
A `#anchor` on a link to a Markdown file (or alone, for the same file) must match
one of its headings, slugged the way GitHub does. Links inside code blocks and
code spans are ignored.

Prints each broken link as `file:line: target` and exits 1 if there is any.
Usage: scripts/check-links.sh [file.md ...]   (default: every tracked *.md)
"""

import os
import re
import subprocess
import sys
from urllib.parse import unquote

ROOT = subprocess.run(
    ["git", "rev-parse", "--show-toplevel"],
    capture_output=True,
    text=True,
    check=True,
    cwd=os.path.dirname(os.path.abspath(__file__)),
).stdout.strip()

SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
HTML_ANCHOR = re.compile(r"""<a\s[^>]*(?:name|id)\s*=\s*["']([^"']+)["']""", re.I)


def markdown_files(args):
    if args:
        return args
    out = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "*.md"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    ).stdout
    return [f for f in out.splitlines() if f and os.path.isfile(os.path.join(ROOT, f))]


def prose_lines(text):
    """(line number, line) outside fenced code blocks, with code spans blanked."""
    fence = None
    for n, line in enumerate(text.splitlines(), 1):
        m = FENCE.match(line)
        if fence:
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence):
                fence = None
            continue
        if m:
            fence = m.group(1)
            continue
        yield n, blank_code_spans(line)


def blank_code_spans(line):
    """Replaces `code` spans by spaces (same length), so their brackets are not links."""
    out, i = [], 0
    while i < len(line):
        if line[i] == "`":
            j = i
            while j < len(line) and line[j] == "`":
                j += 1
            ticks = line[i:j]
            end = line.find(ticks, j)
            if end == -1:
                out.append(line[i:j])
                i = j
                continue
            out.append(" " * (end + len(ticks) - i))
            i = end + len(ticks)
        else:
            out.append(line[i])
            i += 1
    return "".join(out)


def links(line):
    """Targets of inline links and images `[text](target "title")` on one line."""
    i = 0
    while True:
        start = line.find("](", i)
        if start == -1:
            return
        j = start + 2
        if j < len(line) and line[j] == "<":
            end = line.find(">", j)
            if end == -1:
                return
            yield line[j + 1 : end]
            i = end
            continue
        depth, k = 0, j
        while k < len(line):
            c = line[k]
            if c == "\\":
                k += 2
                continue
            if c == "(":
                depth += 1
            elif c == ")":
                if depth == 0:
                    break
                depth -= 1
            elif c.isspace():
                break
            k += 1
        yield line[j:k]
        i = k


def slug(heading):
    """GitHub's anchor for a heading's text."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", heading)  # links: their text
    text = re.sub(r"<[^>]+>", "", text)  # inline HTML
    text = text.replace("`", "").lower()
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


_anchors = {}


def anchors(path):
    if path not in _anchors:
        found, seen = set(), {}
        try:
            text = open(path, encoding="utf-8").read()
        except OSError:
            text = ""
        fence = None
        for line in text.splitlines():
            m = FENCE.match(line)
            if fence:
                if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence):
                    fence = None
                continue
            if m:
                fence = m.group(1)
                continue
            found.update(HTML_ANCHOR.findall(line))
            h = HEADING.match(line)
            if h:
                base = slug(h.group(2))
                n = seen.get(base, 0)
                seen[base] = n + 1
                found.add(base if n == 0 else f"{base}-{n}")
        _anchors[path] = found
    return _anchors[path]


def check(md):
    broken = []
    path = os.path.join(ROOT, md)
    text = open(path, encoding="utf-8").read()
    here = os.path.dirname(path)
    for n, line in prose_lines(text):
        for target in links(line):
            if not target or SCHEME.match(target):
                continue
            file_part, _, anchor = target.partition("#")
            file_part = unquote(file_part.split("?", 1)[0])
            if file_part:
                base = ROOT if file_part.startswith("/") else here
                dest = os.path.normpath(os.path.join(base, file_part.lstrip("/")))
                if not os.path.exists(dest):
                    broken.append((n, target))
                    continue
            else:
                dest = path
            if anchor and dest.endswith(".md") and os.path.isfile(dest):
                if unquote(anchor).lower() not in anchors(dest):
                    broken.append((n, target))
    return broken


def main():
    files = markdown_files(sys.argv[1:])
    bad = 0
    for md in files:
        for n, target in check(md):
            print(f"{md}:{n}: {target}")
            bad += 1
    if bad:
        print(f"check-links: {bad} broken relative link(s) in {len(files)} Markdown file(s)", file=sys.stderr)
        return 1
    print(f"check-links: every relative link in {len(files)} Markdown file(s) points somewhere")
    return 0


if __name__ == "__main__":
    sys.exit(main())
