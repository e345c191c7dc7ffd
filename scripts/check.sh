#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# make check: lint, KUnit and the VM selftests, each run even when an
# earlier one failed, then a last line "N passed, N failed" summing every
# lint step, KUnit case, tools host test and kselftest case.
#
# check.sh --debug (make check-debug): the VM suite on the debug kernel
# (configs/debug.config: KASAN, UBSAN, kmemleak, lockdep, RCU and list
# checking, hung tasks), where each boot free of detector reports counts
# as one more pass and each report as a failure; then the stress test on
# a KCSAN kernel (configs/kcsan.config).

set -uo pipefail
. "$(dirname "$0")/lib.sh"

results=$repo/out/results
rm -rf "$results"
mkdir -p "$results"
# What this run wrote is newer than this.
touch "$results/.start"
status=0

stage() {
	local name=$1 start=$SECONDS

	shift
	echo "==== $name"
	if ! "$@"; then
		status=1
		# A stage that died before counting anything still failed.
		[ -f "$results/$name.counts" ] || echo "0 1 0" >"$results/$name.counts"
	fi
	echo "==== $name: $((SECONDS - start))s"
}

if [ "${1:-}" = --debug ]; then
	stage kernel-debug env \
		WARDEN_CONFIGS="$repo/configs/qemu.config $repo/configs/debug.config" \
		"$repo/scripts/build-kernel.sh" "$cache/build/x86_64-debug"
	stage debug "$repo/scripts/selftests.sh" --debug
	stage kernel-kcsan env \
		WARDEN_CONFIGS="$repo/configs/qemu.config $repo/configs/kcsan.config" \
		"$repo/scripts/build-kernel.sh" "$cache/build/x86_64-kcsan"
	stage kcsan "$repo/scripts/selftests.sh" --kcsan
else
	stage kernel "$repo/scripts/build-kernel.sh"
	stage lint "$repo/scripts/lint.sh"
	stage kunit "$repo/scripts/kunit.sh"
	stage tools "$repo/scripts/tools.sh"
	stage selftests "$repo/scripts/selftests.sh"
fi

passed=0
failed=0
skipped=0
for f in "$results"/*.counts; do
	read -r p f_ s <"$f"
	printf '%-10s %4d passed, %d failed, %d skipped\n' \
		"$(basename "$f" .counts):" "$p" "$f_" "$s"
	passed=$((passed + p))
	failed=$((failed + f_))
	skipped=$((skipped + s))
done
[ "$status" -eq 0 ] || [ "$failed" -gt 0 ] || failed=1
# Name what failed just above the last line, where a log's tail shows it.
if [ "$failed" -gt 0 ]; then
	echo "failures:"
	find "$repo/out" -maxdepth 1 \( -name '*.tap' -o -name '*.log' \) \
		-newer "$results/.start" -print0 |
		xargs -0 -r grep -H -E '^(not ok|#[[:space:]]+FAIL[[:space:]])|^[[:space:]]+# .*[^a-z]FAIL|^# [a-z_/]+\.c:[0-9]+:[a-z_0-9]+:Expected|^tools: .*[1-9][0-9]* failed' \
		2>/dev/null | sed "s|^$repo/||" | head -n 40
fi
# Skips are Warden's tests on the boot where Warden is not enabled.
[ "$skipped" -eq 0 ] || echo "($skipped skipped)"
echo "$passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
