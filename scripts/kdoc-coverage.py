#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Report non-static functions defined without a kernel-doc comment.

scripts/kernel-doc checks the comments that exist; this finds the ones
that are missing.  Prints one line per undocumented function and exits 1
if there is any.
"""

import re
import sys

DEFINITION = re.compile(r'^(?!static\b)[A-Za-z_][\w \*]*?\b(\w+)\(')


def undocumented(path):
    with open(path, encoding='utf-8') as f:
        lines = f.read().split('\n')
    for i, line in enumerate(lines):
        m = DEFINITION.match(line)
        if not m or line.rstrip().endswith(';'):
            continue
        # A definition: its parameter list closes before a line "{".
        j = i
        while j < len(lines) and not lines[j].rstrip().endswith(')'):
            j += 1
        if j + 1 >= len(lines) or lines[j + 1] != '{':
            continue
        name = m.group(1)
        k = i - 1
        while k >= 0 and lines[k].startswith(('__', '#')):
            k -= 1
        # Walk up over the comment to its opening line.
        if k >= 0 and lines[k].strip() == '*/':
            while k >= 0 and not lines[k].startswith('/*'):
                k -= 1
            if (k >= 0 and lines[k] == '/**' and
                    re.match(r' \* %s\b' % re.escape(name), lines[k + 1])):
                continue
        yield '%s:%d: %s() has no kernel-doc comment' % (path, i + 1, name)


def main():
    missing = [msg for path in sys.argv[1:] for msg in undocumented(path)]
    for msg in missing:
        print(msg)
    return 1 if missing else 0


if __name__ == '__main__':
    sys.exit(main())
