#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Print Warden's module-level include graph and its cycles.

A module X is X.c plus X.h; X -> Y when X.c or X.h includes "Y.h".
Includes inside a production file's CONFIG_SECURITY_WARDEN_KUNIT_TEST
section are left out unless -t is given; -a FROM:TO drops an allowed
back edge before the cycles are looked for.  Edges into setup, which
the glue takes for the blob sizes and the registration state, are the
allowed back edge: they are listed and left out of the cycles.
With -o DIR, print the object-level graph instead: A -> B when A.o
uses a symbol that B.o defines (read with nm).
"""
import argparse
import os
import re
import subprocess
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s+"(?:\.\./)?([^"/]+)\.h"', re.M)
TESTS = re.compile(r'^#ifdef CONFIG_SECURITY_WARDEN_KUNIT_TEST\n.*?'
                   r'^#endif /\* CONFIG_SECURITY_WARDEN_KUNIT_TEST \*/',
                   re.M | re.S)


# The layers, lowest first; a module may include its own layer and those
# below.  setup registers everything and is included back by the glue for
# the blob sizes, the one allowed back edge.
LAYERS = [
    ('common', ['common']),
    ('value', ['value', 'pattern', 'stat', 'realpath']),
    ('groups', ['group']),
    ('typed rules', ['cond_elem', 'cond', 'cond_eval', 'acl', 'netacl',
                     'profile', 'manager', 'transition', 'acl_group',
                     'exception']),
    ('store', ['policy', 'domain_policy']),
    ('text', ['policy_fuzz']),
    ('runtime', ['domain', 'check', 'audit', 'query']),
    ('glue', ['cred', 'hooks', 'net', 'exec', 'loader']),
    ('securityfs', ['fs']),
    ('registration', ['setup']),
]


def upward_edges(graph):
    rank = {m: i for i, (_, mods) in enumerate(LAYERS) for m in mods}
    return sorted((a, b) for a, deps in graph.items() for b in deps
                  if a in rank and b in rank and rank[b] > rank[a])


def include_graph(src, tests):
    """The include graph; KUnit sections of production files count only
    with @tests (the suites under tests/ are not modules)."""
    graph = {}
    for name in sorted(os.listdir(src)):
        base, ext = os.path.splitext(name)
        if ext not in ('.c', '.h'):
            continue
        with open(os.path.join(src, name), encoding='utf-8') as f:
            text = f.read()
        if not tests:
            text = TESTS.sub('', text)
        deps = set(INCLUDE.findall(text))
        graph.setdefault(base, set()).update(deps)
    for deps in list(graph.values()):
        for dep in deps:
            graph.setdefault(dep, set())
    for mod, deps in graph.items():
        deps.discard(mod)
    return graph


def object_graph(objdir):
    defined, used = {}, {}
    for name in sorted(os.listdir(objdir)):
        if not name.endswith('.o') or name in ('warden.o', 'built-in.o'):
            continue
        mod = name[:-2]
        out = subprocess.run(['nm', os.path.join(objdir, name)],
                             capture_output=True, text=True,
                             check=True).stdout
        defined[mod], used[mod] = set(), set()
        for line in out.splitlines():
            parts = line.split()
            if len(parts) == 2 and parts[0] == 'U':
                used[mod].add(parts[1])
            elif len(parts) == 3 and parts[1] in 'TDBR':
                defined[mod].add(parts[2])
    owner = {}
    for mod, syms in defined.items():
        for sym in syms:
            owner[sym] = mod
    return {mod: {owner[s] for s in syms if s in owner} - {mod}
            for mod, syms in used.items()}


def sccs(graph):
    """Tarjan's algorithm; returns the components of more than one node."""
    index, low, stack, on, out = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
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
                out.append(sorted(comp))

    sys.setrecursionlimit(10000)
    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument('src', nargs='?', default='security/warden')
    ap.add_argument('-o', '--objects', metavar='DIR')
    ap.add_argument('-t', '--tests', action='store_true',
                    help='count the KUnit sections of production files')
    ap.add_argument('-a', '--allow', action='append', default=[],
                    metavar='FROM:TO', help='an allowed back edge')
    args = ap.parse_args()
    graph = object_graph(args.objects) if args.objects \
        else include_graph(args.src, args.tests)
    for mod, deps in graph.items():
        if 'setup' in deps and mod != 'setup':
            print(f'registration back edge: {mod} -> setup')
            deps.discard('setup')
    for edge in args.allow:
        a, b = edge.split(':')
        graph.get(a, set()).discard(b)
    for mod in sorted(graph):
        print(f"{mod} -> {' '.join(sorted(graph[mod])) or '-'}")
    if not args.objects:
        for a, b in upward_edges(graph):
            print(f'upward: {a} -> {b}')
    cycles = sccs(graph)
    for comp in cycles:
        print('cycle:', ' '.join(comp))
    if not cycles:
        print('no cycle')
    return 1 if cycles else 0


if __name__ == '__main__':
    sys.exit(main())
