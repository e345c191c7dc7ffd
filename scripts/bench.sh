#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# make bench: print the figures that show Warden's performance
# requirements.  Nothing here asserts a time; the figures are for people.
#   - KUnit: the ACL lookup with 10, 1,000 and 100,000 exact entries.
#   - VM: stat() with Warden disabled by lsm=, before the policy is loaded,
#     in profile 0, and enforcing with 10 and 100,000 entries.

set -euo pipefail
. "$(dirname "$0")/lib.sh"

"$repo/scripts/kunit.sh" >/dev/null 2>&1 || true
log=$cache/build/kunit/test.log
echo "== ACL lookup (KUnit, UML), ns per lookup"
if [ -f "$log" ] && grep -q 'lookup,' "$log"; then
	grep 'lookup,' "$log" | sed 's/^.*# *//'
else
	echo "(no KUnit benchmark output found in $log)"
fi

bin=$cache/vm/bin
mkdir -p "$bin"
cc -O2 -static -Wall -o "$bin/warden-bench" "$repo/tools/warden/bench/warden-bench.c"
"$repo/scripts/build-selftests.sh" >/dev/null

echo
echo "== stat() in the VM (QEMU TCG: compare the lines, not the absolute figures)"
for append in "lsm=capability" "lsm=warden"; do
	APPEND=$append "$repo/scripts/vm-run.sh" "$repo/scripts/vm/bench.sh" |
		grep -E 'ns/op|refused|FAILED|enforcing mode'
done
