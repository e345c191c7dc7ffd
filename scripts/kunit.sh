#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Run Warden's KUnit suites under UML with kunit.py, in a build tree of
# the cache.  Writes the results to out/results/kunit.counts.

set -uo pipefail
. "$(dirname "$0")/lib.sh"

results=$repo/out/results
mkdir -p "$results"
log=$repo/out/kunit.log

cd "$tree" || die "no kernel tree: run 'make ksrc'"
echo "kunit: Linux $(make -s kernelversion) under UML"
python3 tools/testing/kunit/kunit.py run --kunitconfig=security/warden \
	--build_dir="$cache/build/kunit" --jobs="${JOBS:-$(nproc)}" \
	2>&1 | tee "$log"
rc=${PIPESTATUS[0]}

summary=$(grep -E 'Testing complete\. Ran [0-9]+ tests' "$log" | tail -n 1)
count() {
	echo "$summary" | grep -oE "$1: [0-9]+" | grep -oE '[0-9]+' || echo 0
}
if [ -z "$summary" ]; then
	echo "kunit: no test summary (build or boot failed)"
	echo "0 1 0" >"$results/kunit.counts"
	exit 1
fi
passed=$(count passed)
failed=$(($(count failed) + $(count crashed) + $(count errors)))
skipped=$(count skipped)
echo "$passed $failed $skipped" >"$results/kunit.counts"
[ "$rc" -eq 0 ] && [ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
