#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""The layers of the patch series, as patches/series names them.

  layers.py check        every file of a "split" directory is named by
                         exactly one overlay line, every file below a
                         "tree" directory by some overlay line, every
                         overlay and patch line names a file that exists,
                         every patch of patches/ is used and every commit
                         has its message
  layers.py grow DIR     rewrite the "grow" files present in the tree DIR
                         to what the files present there need
  layers.py table        the file table: file, layer (its commit), lines,
                         job
  layers.py maintained PATCH...
                         every file the patches add or delete is covered
                         by an F: entry of MAINTAINERS that they or an
                         earlier one of them add (checkpatch only asks)
  layers.py deps BUILD [--also BUILD2]... [--quiet]
                         read the objects of the split directories in the
                         kernel build tree BUILD with nm, print the object
                         graph and its cycles, the include graph and its
                         cycles, and fail when an object or a file uses
                         one of a later commit; the objects of each BUILD2
                         (another configuration, such as the KUnit build)
                         join the graphs, and their uses of a later commit
                         are warnings; a cycle inside one commit is a
                         warning
  layers.py report       the file table, then deps on the VM build of the
                         cache ($WARDEN_CACHE/build/x86_64) with the KUnit
                         build (build/kunit) as --also: the text for a
                         closing note

A "grow" file enters the series in the commit that names it and is shown
in every commit as the final file trimmed to what the tree has so far: a
Makefile keeps the objects whose sources are present, a Kconfig the
options that present files (or kept options) refer to, and a C file drops
its includes of headers not present yet and its calls "name();" of
functions defined only in files not present yet.  With every file
present, each is the repository's file unchanged.

The object that holds DEFINE_LSM is the registration (setup.c): the uses
of its symbols are Landlock's one allowed back edge, listed apart from
the graph.
"""

import collections
import fnmatch
import os
import re
import subprocess
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class SeriesError(Exception):
    pass


class Series:
    """The commits of patches/series and the files each one adds."""

    def __init__(self, repo=REPO):
        self.repo = repo
        self.commits = []       # [(name, [overlay paths])]
        self.split = []         # directories split file by file
        self.grow = []          # files shown trimmed until complete
        self.trees = []         # directories every file of which is overlaid
        self.patches = []       # (series line number, patches/ file)
        self.lines = {}         # overlay path -> series line number
        current = None
        with open(os.path.join(repo, 'patches', 'series'),
                  encoding='utf-8') as f:
            for lineno, line in enumerate(f, 1):
                words = line.split()
                if not words or words[0].startswith('#'):
                    continue
                if len(words) != 2:
                    raise SeriesError('patches/series:%d: expected "<kind> '
                                      '<argument>"' % lineno)
                kind, arg = words
                if kind == 'commit':
                    current = (arg, [])
                    self.commits.append(current)
                elif kind == 'overlay':
                    if current is None:
                        raise SeriesError('patches/series:%d: overlay '
                                          'before any commit' % lineno)
                    current[1].append(arg)
                    self.lines[arg] = lineno
                elif kind == 'split':
                    self.split.append(arg)
                elif kind == 'grow':
                    self.grow.append(arg)
                elif kind == 'tree':
                    self.trees.append(arg)
                elif kind == 'patch':
                    if current is None:
                        raise SeriesError('patches/series:%d: patch before '
                                          'any commit' % lineno)
                    self.patches.append((lineno, arg))
                else:
                    raise SeriesError('patches/series:%d: unknown kind "%s"'
                                      % (lineno, kind))

    def files_below(self, path):
        """Every regular file at or below path, relative to the repo."""
        full = os.path.join(self.repo, path)
        if os.path.isfile(full):
            return [path]
        found = []
        for root, dirs, files in os.walk(full):
            dirs.sort()
            for name in sorted(files):
                found.append(os.path.relpath(os.path.join(root, name),
                                             self.repo))
        return found

    def in_split(self, path):
        return any(path.startswith(d.rstrip('/') + '/') for d in self.split)

    def check(self):
        """Return the list of problems of the series; empty when sound."""
        problems = []
        owner = {}
        for name, paths in self.commits:
            for path in paths:
                if not os.path.exists(os.path.join(self.repo, path)):
                    problems.append('patches/series:%d: overlay %s does not '
                                    'exist' % (self.lines[path], path))
                    continue
                for f in self.files_below(path):
                    if f in owner:
                        problems.append('%s: in commit "%s" and again in '
                                        'commit "%s"' % (f, owner[f], name))
                    else:
                        owner[f] = name
        for lineno, patch in self.patches:
            if not os.path.isfile(os.path.join(self.repo, 'patches', patch)):
                problems.append('patches/series:%d: patch patches/%s does '
                                'not exist' % (lineno, patch))
        used = {p for _, p in self.patches}
        for f in sorted(os.listdir(os.path.join(self.repo, 'patches'))):
            if f.endswith('.patch') and f not in used:
                problems.append('patches/%s: in no commit of patches/series: '
                                'add "patch %s" to a commit, or delete it'
                                % (f, f))
        names = [c[0] for c in self.commits]
        for name in sorted(set(n for n in names if names.count(n) > 1)):
            problems.append('patches/series: two commits named "%s"' % name)
        msgdir = os.path.join(self.repo, 'patches', 'commits')
        for name in names:
            if not os.path.isfile(os.path.join(msgdir, name + '.txt')):
                problems.append('patches/commits/%s.txt: missing: the '
                                'message of commit "%s"' % (name, name))
        for f in sorted(os.listdir(msgdir)):
            if f.endswith('.txt') and f[:-4] not in names:
                problems.append('patches/commits/%s: no commit "%s" in '
                                'patches/series' % (f, f[:-4]))
        for d in self.trees:
            if not os.path.isdir(os.path.join(self.repo, d)):
                problems.append('patches/series: tree %s does not exist' % d)
            for f in self.files_below(d):
                if f not in owner and not self.in_split(f):
                    problems.append(
                        '%s: in no commit of patches/series: add an '
                        '"overlay" line naming it (or its directory) to '
                        'the commit it belongs to' % f)
        for d in self.split:
            for f in self.files_below(d):
                if f not in owner:
                    problems.append(
                        '%s: in no commit of patches/series: add the line '
                        '"overlay %s" to the commit of its layer' % (f, f))
        for g in self.grow:
            if g not in owner or not self.in_split(g):
                problems.append('patches/series: grow %s: not a file of a '
                                'split directory named by an overlay line'
                                % g)
        return problems

    def commit_of(self):
        """Map every overlay file to the index of its commit."""
        index = {}
        for i, (_, paths) in enumerate(self.commits):
            for path in paths:
                for f in self.files_below(path):
                    index[f] = i
        return index

    def short(self, path):
        """path relative to its split directory."""
        for d in self.split:
            if path.startswith(d.rstrip('/') + '/'):
                return os.path.relpath(path, d)
        return path

    def split_files(self):
        files = []
        for d in self.split:
            files.extend(self.files_below(d))
        return files


# Trimming the grow files.

DEFINITION = re.compile(r'^(?!static\b)[A-Za-z_][\w \*]*?\b(\w+)\(')
CALL = re.compile(r'^\t+(\w+)\(\);$')
INCLUDE = re.compile(r'^#\s*include\s+"([^"]+)"')
CONFIG = re.compile(r'^(?:menu)?config\s+(\w+)\s*$')
KCONFIG_STRUCTURE = re.compile(r'^(if|endif|menu|endmenu|choice|endchoice|'
                               r'source|comment)\b')


def read(path):
    with open(path, encoding='utf-8') as f:
        return f.read()


def defined_functions(repo, files):
    """Map each non-static function defined in the C files to its file."""
    where = {}
    for f in files:
        if not f.endswith('.c'):
            continue
        for line in read(os.path.join(repo, f)).split('\n'):
            m = DEFINITION.match(line)
            if m and not line.rstrip().endswith(';'):
                where.setdefault(m.group(1), f)
    return where


def include_target(path, name):
    return os.path.normpath(os.path.join(os.path.dirname(path), name))


def trim_c(path, text, present, all_files, definitions):
    out = []
    for line in text.split('\n'):
        m = INCLUDE.match(line)
        if m:
            target = include_target(path, m.group(1))
            if target in all_files and target not in present:
                continue
        m = CALL.match(line)
        if m and definitions.get(m.group(1), path) not in present:
            continue
        out.append(line)
    return '\n'.join(out)


def squeeze_blank_lines(text):
    out = []
    for line in text.split('\n'):
        if line == '' and out and out[-1] == '':
            continue
        out.append(line)
    while len(out) > 1 and out[-1] == '' and out[-2] == '':
        out.pop()
    return '\n'.join(out)


def statements(text):
    """Split a Makefile into statements, each a list of physical lines."""
    stmts, cur = [], []
    for line in text.split('\n'):
        cur.append(line)
        if not line.endswith('\\'):
            stmts.append(cur)
            cur = []
    if cur:
        stmts.append(cur)
    return stmts


def wrap(head, words, indent):
    """Lay out "head word word ..." in lines of at most 80 columns."""
    lines, line = [], head
    for w in words:
        width = len((line + ' ' + w).expandtabs())
        if line.strip() and width > 78 and line != head:
            lines.append(line + ' \\')
            line = indent + w
        else:
            line = line + ' ' + w
    lines.append(line)
    return lines


def trim_makefile(path, text, present, all_files):
    base = os.path.dirname(path)
    changed = False
    out = []
    for stmt in statements(text):
        joined = ' '.join(l.rstrip('\\').strip() for l in stmt)
        m = re.match(r'^([\w$().-]+)\s*(:=|\+=|=)\s*(.*)$', joined)
        if not m:
            out.extend(stmt)
            continue
        words = m.group(3).split()
        kept = []
        for w in words:
            stem = os.path.normpath(os.path.join(base, w[:-2])) \
                if w.endswith('.o') else None
            sources = [stem + ext for ext in ('.c', '.S')] if stem else []
            if any(s in all_files for s in sources) and \
                    not any(s in present for s in sources):
                continue
            kept.append(w)
        if kept == words:
            out.extend(stmt)
            continue
        changed = True
        if not kept:
            continue
        indent = re.match(r'^\s*', stmt[1]).group(0) if len(stmt) > 1 \
            else '\t'
        out.extend(wrap('%s %s' % (m.group(1), m.group(2)), kept, indent))
    result = '\n'.join(out)
    return squeeze_blank_lines(result) if changed else text


def trim_kconfig(path, text, present_texts):
    lines = text.split('\n')
    for line in lines:
        if KCONFIG_STRUCTURE.match(line):
            raise SeriesError('%s: layers.py trims only a Kconfig of plain '
                              '"config" entries, not "%s"'
                              % (path, line.strip()))
    preamble, blocks = [], []
    for line in lines:
        m = CONFIG.match(line)
        if m:
            blocks.append((m.group(1), [line]))
        elif blocks:
            blocks[-1][1].append(line)
        else:
            preamble.append(line)
    if not blocks:
        return text
    keep = {blocks[0][0]}
    refs = '\n'.join(present_texts)
    for sym, _ in blocks:
        if re.search(r'\bCONFIG_%s\b' % sym, refs):
            keep.add(sym)
    grown = True
    while grown:
        grown = False
        for sym, body in blocks:
            if sym not in keep:
                continue
            for other, _ in blocks:
                if other not in keep and \
                        re.search(r'\b%s\b' % other, '\n'.join(body[1:])):
                    keep.add(other)
                    grown = True
    if len(keep) == len(blocks):
        return text
    out = list(preamble)
    for sym, body in blocks:
        if sym in keep:
            out.extend(body)
    return squeeze_blank_lines('\n'.join(out).rstrip('\n') + '\n')


def trimmed(series, path, present, definitions=None):
    """The content of grow file path in a tree holding the files present."""
    all_files = set(series.split_files())
    text = read(os.path.join(series.repo, path))
    name = os.path.basename(path)
    if name == 'Makefile':
        return trim_makefile(path, text, present, all_files)
    if name == 'Kconfig':
        texts = [trimmed(series, f, present, definitions)
                 if f in series.grow else read(os.path.join(series.repo, f))
                 for f in sorted(present)
                 if f != path and os.path.basename(f) != 'Kconfig']
        return trim_kconfig(path, text, texts)
    if name.endswith(('.c', '.h')):
        if definitions is None:
            definitions = defined_functions(series.repo, all_files)
        return trim_c(path, text, present, all_files, definitions)
    raise SeriesError('grow %s: no rule trims this kind of file' % path)


def cmd_check(series):
    problems = series.check()
    for p in problems:
        print('error: %s' % p, file=sys.stderr)
    return 1 if problems else 0


def cmd_grow(series, tree):
    present = {f for f in series.split_files()
               if os.path.isfile(os.path.join(tree, f))}
    definitions = defined_functions(series.repo, series.split_files())
    for g in series.grow:
        if g not in present:
            continue
        with open(os.path.join(tree, g), 'w', encoding='utf-8') as f:
            f.write(trimmed(series, g, present, definitions))
    return 0


# The file table.

JOBS = {'Makefile': 'the objects kbuild links into the LSM',
        'Kconfig': 'the configuration options',
        '.kunitconfig': 'the configuration of kunit.py runs'}


def job_of(path):
    name = os.path.basename(path)
    if name in JOBS:
        return JOBS[name]
    text = read(path)
    m = re.search(r'/\*\n((?: \*.*\n)+?) \*(?:/|\s*\n)', text)
    if not m:
        return '-'
    first = ' '.join(l[2:].strip() for l in m.group(1).split('\n'))
    first = re.sub(r'^Warden LSM - ', '', first.strip())
    end = re.search(r'\.(\s|$)', first)
    return first[:end.start()] if end else first


def cmd_table(series):
    commit = series.commit_of()
    names = [c[0] for c in series.commits]
    rows = []
    for f in series.split_files():
        n = sum(1 for _ in open(os.path.join(series.repo, f),
                                encoding='utf-8'))
        rows.append((commit[f], f, n, job_of(os.path.join(series.repo, f))))
    width = max(len(series.short(r[1])) for r in rows)
    total = collections.Counter()
    print('%-*s  %-12s %5s  %s' % (width, 'file', 'layer', 'lines', 'job'))
    for i, f, n, job in sorted(rows):
        total[i] += n
        print('%-*s  %-12s %5d  %s' % (width, series.short(f), names[i], n,
                                       job))
    print('%-*s  %-12s %5d' % (width, 'total', '', sum(total.values())))
    return 0


# The dependency check.

def nm(path):
    out = subprocess.run(['nm', path], capture_output=True, text=True,
                         check=True).stdout
    defs, uses = set(), set()
    for line in out.split('\n'):
        parts = line.split()
        if len(parts) == 2 and parts[0] == 'U':
            uses.add(parts[1])
        elif len(parts) == 3 and parts[1] in 'TDBRGSVW':
            defs.add(parts[2])
    return defs, uses


def sccs(nodes, graph):
    """Tarjan's strongly connected components with more than one node."""
    index, low, stack, on, found = {}, {}, [], set(), []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(graph.get(v, ())):
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
                found.append(sorted(comp))

    sys.setrecursionlimit(10000)
    for v in sorted(nodes):
        if v not in index:
            visit(v)
    return sorted(found)


def print_graph(title, nodes, graph, extra=None):
    """Print graph and its cycles; return the cycles.

    extra, if given, holds the edges of graph that only another build
    has: they are marked with a '*' and left out of the cycles, which
    print_extra_cycles() adds.
    """
    extra = extra or {}
    print('%s:' % title)
    for a in sorted(nodes):
        if graph.get(a):
            print('  %s -> %s' % (a, ' '.join(
                b + ('*' if b in extra.get(a, ()) else '')
                for b in sorted(graph[a]))))
    base = {a: {b for b in graph[a] if b not in extra.get(a, ())}
            for a in graph}
    cycles = sccs(nodes, base)
    print('%s cycles (strongly connected components): %s' % (
        title.split()[0], 'none' if not cycles else ''))
    for c in cycles:
        print('  ' + ' '.join(c))
    return cycles, base


def cycle_path(cycle, graph):
    """The shortest closed walk from the first node of cycle back to it."""
    members = set(cycle)
    start = cycle[0]
    prev, queue = {start: None}, [start]
    while queue:
        cur = queue.pop(0)
        succ = sorted(w for w in graph.get(cur, ()) if w in members)
        if start in succ:
            walk = []
            while cur is not None:
                walk.append(cur)
                cur = prev[cur]
            return list(reversed(walk)) + [start]
        for w in succ:
            if w not in prev:
                prev[w] = cur
                queue.append(w)
    return [start]


def build_name(build):
    return os.path.basename(os.path.normpath(build))


def present_before(commit, index):
    return {f for f, i in commit.items() if i < index}


def object_uses(series, build):
    """The objects of the split directories in build and their uses.

    Return a map of object (path below its split directory, without .o)
    to source file, and the set of (user, symbol, definer) where one of
    those objects uses a symbol another defines.
    """
    objects = {}
    for f in series.split_files():
        if f.endswith(('.c', '.S')) and os.path.isfile(
                os.path.join(build, os.path.splitext(f)[0] + '.o')):
            objects[os.path.splitext(series.short(f))[0]] = f
    defs, uses, owner = {}, {}, {}
    for key, f in objects.items():
        defs[key], uses[key] = nm(os.path.join(
            build, os.path.splitext(f)[0] + '.o'))
        for s in defs[key]:
            owner[s] = key
    edges = set()
    for key in objects:
        for s in uses[key]:
            if owner.get(s, key) != key:
                edges.add((key, s, owner[s]))
    return objects, edges


def cmd_deps(series, build, also, quiet):
    commit = series.commit_of()
    names = [c[0] for c in series.commits]
    objects, edges = {}, set()     # edges: (user, symbol, definer, build)
    for b in [build] + also:
        found, used = object_uses(series, b)
        if not found:
            print('error: no object of %s in %s: build the kernel first'
                  % (' '.join(series.split), b), file=sys.stderr)
            return 1
        objects.update(found)
        edges |= {(u, s, d, b) for u, s, d in used}
    setup = [k for k, f in objects.items()
             if 'DEFINE_LSM(' in read(os.path.join(series.repo, f))]
    definitions = defined_functions(series.repo, series.split_files())
    graph, registration = collections.defaultdict(set), set()
    primary = collections.defaultdict(set)
    violations, warnings = [], []
    for key, s, to, b in sorted(edges):
        if to in setup:
            registration.add(key)
        else:
            graph[key].add(to)
            if b == build:
                primary[key].add(to)
        user, used = commit[objects[key]], commit[objects[to]]
        if used <= user:
            continue
        # A grow file may use a later commit's symbol if, until that
        # commit, its trimmed text does not name it.
        if objects[key] in series.grow:
            before = trimmed(series, objects[key],
                             present_before(commit, used), definitions)
            if not re.search(r'\b%s\b' % re.escape(s), before):
                continue
        v = '%s (commit %s) uses %s of %s (commit %s, later)' % (
            objects[key], names[user], s, objects[to], names[used])
        if b == build:
            violations.append(v)
        elif (key, s, to, build) not in edges:
            warnings.append('%s, only in build %s: the series does not '
                            'link there from commit %s until commit %s'
                            % (v, build_name(b), names[user], names[used]))

    includes = collections.defaultdict(set)
    for f in sorted(commit):
        if not f.endswith(('.c', '.h')) or not series.in_split(f):
            continue
        for line in read(os.path.join(series.repo, f)).split('\n'):
            m = INCLUDE.match(line)
            if not m:
                continue
            target = include_target(f, m.group(1))
            if target not in commit:
                continue
            includes[series.short(f)].add(series.short(target))
            if commit[target] <= commit[f]:
                continue
            if f in series.grow and line not in trimmed(
                    series, f, present_before(commit, commit[target]),
                    definitions).split('\n'):
                continue
            violations.append('%s (commit %s) includes %s (commit %s, '
                              'later)' % (f, names[commit[f]], target,
                                          names[commit[target]]))

    files = {series.short(f) for f in commit
             if f.endswith(('.c', '.h')) and series.in_split(f)}
    out = open(os.devnull, 'w', encoding='utf-8') if quiet else sys.stdout
    saved, sys.stdout = sys.stdout, out
    try:
        print('builds: %s%s' % (build, ''.join(' + ' + b for b in also)))
        extra = {a: graph[a] - primary[a] for a in graph}
        object_cycles, base = print_graph(
            'object graph (A -> B: A uses a symbol B defines%s)' % (
                '; B*: only in %s' % ', '.join(map(build_name, also))
                if also else ''),
            objects, graph, extra)
        all_cycles = [c for c in sccs(objects, graph)
                      if c not in object_cycles]
        for c in all_cycles:
            print('  with the edges marked *: %s' % ' '.join(c))
        print('registration: %s defines what %s use (the allowed back edge)'
              % (' '.join(setup), ' '.join(sorted(registration))))
        include_cycles, _ = print_graph(
            'include graph (A -> B: A includes B)', files, includes)
        print('commits, in series order:')
        for i, name in enumerate(names):
            objs = sorted(k for k, f in objects.items() if commit[f] == i)
            if objs:
                print('  %d %s: %s' % (i + 1, name, ' '.join(objs)))
    finally:
        sys.stdout = saved
        if quiet:
            out.close()
    # A cycle inside one commit builds; across commits it is a violation
    # reported above.  Either way it is a layering defect to name.
    for kind, cycles, g, where_built in (
            ('object', object_cycles, base, build_name(build)),
            ('object', all_cycles, graph,
             ' + '.join(map(build_name, [build] + also))),
            ('include', include_cycles, includes, None)):
        for c in cycles:
            where = sorted({names[commit[objects[k]]] if kind == 'object'
                            else names[commit[os.path.join(
                                series.split[0], k)]] for k in c},
                           key=names.index)
            warnings.append('%s cycle%s among %s (commit%s %s), e.g. %s' % (
                kind, ' in ' + where_built if where_built else '',
                ' '.join(c), 's' if len(where) > 1 else '',
                ', '.join(where), ' -> '.join(cycle_path(c, g))))
    for w in warnings:
        print('warning: %s' % w, file=sys.stderr)
    for v in violations:
        print('error: %s' % v, file=sys.stderr)
    if violations:
        return 1
    print('layers: %d objects, every one uses only its own commit and '
          'earlier ones%s' % (len(objects), '; %d warning%s' % (
              len(warnings), '' if len(warnings) == 1 else 's')
              if warnings else ''))
    return 0


def cmd_report(series):
    cache = os.environ.get('WARDEN_CACHE',
                           os.path.expanduser('~/.cache/warden'))
    build = os.path.join(cache, 'build', 'x86_64')
    kunit = os.path.join(cache, 'build', 'kunit')
    rc = cmd_table(series)
    print()
    sys.stdout.flush()
    also = [kunit] if os.path.isdir(os.path.join(
        kunit, series.split[0])) else []
    return cmd_deps(series, build, also, False) or rc


# MAINTAINERS coverage of the files a series adds.

def covered(path, patterns):
    for pat in patterns:
        if pat.endswith('/') and path.startswith(pat):
            return True
        if fnmatch.fnmatchcase(path, pat) and \
                path.count('/') == pat.count('/'):
            return True
    return False


def cmd_maintained(patches):
    patterns, missing = [], []
    for patch in patches:
        current, changed = None, []
        for line in read(patch).split('\n'):
            m = re.match(r'^diff --git a/(\S+) b/(\S+)$', line)
            if m:
                current = m.group(2)
            elif re.match(r'^(new|deleted) file mode ', line):
                changed.append(current)
            elif re.match(r'^(rename|copy) (from|to) \S+$', line):
                changed.append(line.split()[2])
            elif current == 'MAINTAINERS' and line.startswith('+F:'):
                patterns.append(line[3:].strip())
        for f in changed:
            if not covered(f, patterns):
                missing.append('%s: %s is in no F: entry of MAINTAINERS'
                               % (os.path.basename(patch), f))
    for m in missing:
        print(m)
    return 1 if missing else 0


def main(argv):
    usage = ('usage: layers.py check | grow DIR | table | report | '
             'maintained PATCH... | deps BUILD [--also BUILD2]... [--quiet]')
    if len(argv) < 2:
        print(usage, file=sys.stderr)
        return 2
    try:
        series = Series()
        if argv[1] != 'check':
            problems = series.check()
            if problems:
                return cmd_check(series)
        if argv[1] == 'maintained' and len(argv) > 2:
            return cmd_maintained(argv[2:])
        if argv[1] == 'check' and len(argv) == 2:
            return cmd_check(series)
        if argv[1] == 'grow' and len(argv) == 3:
            return cmd_grow(series, argv[2])
        if argv[1] == 'table' and len(argv) == 2:
            return cmd_table(series)
        if argv[1] == 'report' and len(argv) == 2:
            return cmd_report(series)
        if argv[1] == 'deps' and len(argv) > 2:
            args, builds, also = argv[2:], [], []
            quiet = '--quiet' in args
            args = [a for a in args if a != '--quiet']
            while args:
                if args[0] == '--also' and len(args) > 1:
                    also.append(args[1])
                    args = args[2:]
                elif not args[0].startswith('-'):
                    builds.append(args.pop(0))
                else:
                    break
            if len(builds) == 1 and not args:
                return cmd_deps(series, builds[0], also, quiet)
    except (SeriesError, OSError, subprocess.CalledProcessError) as e:
        print('error: %s' % e, file=sys.stderr)
        return 1
    print(usage, file=sys.stderr)
    return 2


if __name__ == '__main__':
    sys.exit(main(sys.argv))
