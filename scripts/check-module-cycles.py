#!/usr/bin/env python3
"""Fails when a module of a crate imports another module that imports it back
(directly or through others).

Usage: scripts/check-module-cycles.py crates/hub/src [more src dirs...]

Every source file is a module (`a/b.rs` and `a/b/mod.rs` are `a::b`; `lib.rs`,
`main.rs` are the root). An edge A -> B is a path in A's code (outside its
`#[cfg(test)]` module) that names B: `crate::b::…`, `super::…`, `self::…`, or
a `use` of them. A path names the deepest module it reaches
(`crate::storage::sqlite::X` names `storage::sqlite`). Declaring a child
module (`mod x;`) is not an import. Prints each cycle found; exits 1 if any.
"""

import os
import re
import sys

PATH = re.compile(r"\b(crate|super|self)((?:::[A-Za-z_][A-Za-z0-9_]*)+)")
# `use crate::{a, b::c}` groups: expanded below.
USE_GROUP = re.compile(r"\buse\s+(crate|super|self)((?:::[A-Za-z_][A-Za-z0-9_]*)*)::\{([^;]*)\};", re.S)


def modules(src):
    mods = {}
    for root, _, files in os.walk(src):
        for f in files:
            if not f.endswith(".rs"):
                continue
            full = os.path.join(root, f)
            rel = os.path.relpath(full, src)[:-3].split(os.sep)
            if rel[0] == "bin":
                continue  # binaries are their own crates
            if rel[-1] in ("mod", "lib", "main"):
                rel = rel[:-1]
            mods[tuple(rel)] = full
    return mods


def strip(text):
    # Drop the test module (by convention at the end of a file) and comments.
    m = re.search(r"^\s*#\[cfg\(test\)\]\s*\n\s*(pub\s+)?mod\s+\w+\s*\{", text, re.M)
    if m:
        text = text[: m.start()]
    text = re.sub(r"//[^\n]*", "", text)
    return text


def resolve(base, kind, segs, mods):
    if kind == "crate":
        path = []
    elif kind == "super":
        path = list(base[:-1])
        while segs and segs[0] == "super":
            path = path[:-1]
            segs = segs[1:]
    else:
        path = list(base)
    best = tuple(path)
    for s in segs:
        path.append(s)
        if tuple(path) in mods:
            best = tuple(path)
        else:
            break
    return best


def edges(mods):
    out = {m: set() for m in mods}
    for m, file in mods.items():
        text = strip(open(file, encoding="utf-8").read())
        refs = []
        for g in USE_GROUP.finditer(text):
            kind, prefix, inner = g.group(1), g.group(2), g.group(3)
            for item in re.split(r"[,{}]", inner):
                item = item.strip().split(" as ")[0].strip()
                if item and item != "self":
                    refs.append((kind, (prefix + "::" + item).split("::")[1:]))
                elif item == "self":
                    refs.append((kind, prefix.split("::")[1:]))
        for p in PATH.finditer(text):
            refs.append((p.group(1), p.group(2).split("::")[1:]))
        for kind, segs in refs:
            target = resolve(m, kind, [s for s in segs if s], mods)
            # A module reaching into its own children is not an import back.
            if target != m and target[: len(m)] != m and target != ():
                out[m].add(target)
            elif target == () and m != ():
                out[m].add(())
    return out


def cycles(graph):
    found = []
    index, low, stack, on = {}, {}, [], set()
    counter = [0]

    def strong(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                found.append(comp)

    sys.setrecursionlimit(10000)
    for v in graph:
        if v not in index:
            strong(v)
    return found


def name(m):
    return "::".join(m) or "crate"


def main():
    bad = False
    for src in sys.argv[1:] or ["crates/hub/src"]:
        mods = modules(src)
        graph = edges(mods)
        for comp in cycles(graph):
            bad = True
            members = sorted(comp)
            print(f"{src}: import cycle between {', '.join(name(m) for m in members)}")
            for a in members:
                for b in sorted(graph[a]):
                    if b in comp:
                        print(f"    {name(a)} -> {name(b)}")
        if not bad:
            print(f"{src}: {len(mods)} modules, no import cycle")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
