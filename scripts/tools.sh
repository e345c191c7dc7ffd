#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Run the host tests of Warden's userspace tools, then build and install
# the static binaries for the VM image.
# Writes out/results/tools.counts.

set -uo pipefail
. "$(dirname "$0")/lib.sh"

results=$repo/out/results
mkdir -p "$results"
log=$repo/out/tools-check.log
# The host tests use the kernel's kselftest_harness.h.
[ -f "$tree/tools/testing/selftests/kselftest_harness.h" ] ||
	"$repo/scripts/ksrc.sh" >/dev/null
make -s -C "$repo/tools/warden" O="$repo/out/tools" \
	KSELFTEST="$tree/tools/testing/selftests" check 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
line=$(grep '^tools: ' "$log" | tail -n 1)
passed=$(echo "$line" | sed -n 's/^tools: \([0-9]*\) passed.*/\1/p')
failed=$(echo "$line" | sed -n 's/.* \([0-9]*\) failed$/\1/p')
[ -n "$passed" ] || { passed=0; failed=1; }
[ "$rc" -eq 0 ] || [ "$failed" -gt 0 ] || failed=1
echo "$passed $failed 0" >"$results/tools.counts"

"$repo/scripts/build-tools.sh" || rc=1
exit "$rc"
