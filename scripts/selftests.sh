#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Run the kselftests in the VM: once with Warden enabled by lsm= and once
# without it, where Warden's tests must skip and its securityfs directory
# must be absent; then the loader test in two fresh boots, with the policy
# loader and with a loader that does not exist; then Debian's tomoyo-tools
# against the TOMOYO-compatible directory in a fresh boot of their own.  Writes out/results/selftests.counts.

set -uo pipefail
. "$(dirname "$0")/lib.sh"

results=$repo/out/results
mkdir -p "$results"
passed=0
failed=0
skipped=0
rc=0

{ "$repo/scripts/build-tools.sh" && "$repo/scripts/build-selftests.sh"; } || { echo "0 1 0" >"$results/selftests.counts"; exit 1; }

# name:script:kernel command line
for boot in "enabled:selftests:lsm=warden" "disabled:selftests:lsm=tomoyo" \
	"loader:loader:lsm=warden warden.loader=/sbin/warden-init" \
	"noloader:loader:lsm=warden warden.loader=/nonexistent" \
	"tomoyo:tomoyo:lsm=warden"; do
	name=${boot%%:*}
	script=${boot#*:}
	script=${script%%:*}
	append=${boot#*:*:}
	tap=$repo/out/selftests-$name.tap
	echo "selftests: boot '$name' ($append)"
	APPEND="$append" VM_LOG="$repo/out/vm-selftests-$name.log" \
		"$repo/scripts/vm-run.sh" "$repo/scripts/vm/$script.sh" |
		tee "$tap"
	[ "${PIPESTATUS[0]}" -eq 0 ] || rc=1
	totals=$(grep -c '^# Totals:' "$tap")
	[ "$totals" -gt 0 ] || { failed=$((failed + 1)); rc=1; }
	while read -r line; do
		get() { echo "$line" | grep -oE " $1:[0-9]+" | cut -d: -f2; }
		passed=$((passed + $(get pass)))
		failed=$((failed + $(get fail) + $(get error)))
		skipped=$((skipped + $(get skip)))
	done < <(grep '^# Totals:' "$tap")
done

echo "$passed $failed $skipped" >"$results/selftests.counts"
exit $rc
