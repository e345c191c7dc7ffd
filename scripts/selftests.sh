#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Run the kselftests in the VM: once with Warden enabled by lsm= and once
# without it, where Warden's tests must skip and its securityfs directory
# must be absent; then the loader test in two fresh boots, with the policy
# loader and with a loader that does not exist; then Debian's tomoyo-tools
# against the TOMOYO-compatible directory in a fresh boot of their own,
# the same cases on TOMOYO itself, Warden stacked with TOMOYO (whose directory stays its own), and a policy
# saved on TOMOYO loaded on Warden and back, one boot each.
# Writes out/results/selftests.counts.

set -uo pipefail
. "$(dirname "$0")/lib.sh"

results=$repo/out/results
mkdir -p "$results"
passed=0
failed=0
skipped=0
rc=0

{ "$repo/scripts/build-tools.sh" && "$repo/scripts/build-selftests.sh"; } || { echo "0 1 0" >"$results/selftests.counts"; exit 1; }

# The policy files a round-trip boot printed, for the next boot's
# /opt/warden/roundtrip/.
save_roundtrip() {
	local dir=$repo/out/roundtrip/opt/warden/roundtrip

	rm -rf "$repo/out/roundtrip"
	mkdir -p "$dir"
	awk -v dir="$dir" '
		/^# roundtrip-file / { file = dir "/" $3 ".conf"; printf "" >file; next }
		/^# roundtrip-end / { close(file); file = ""; next }
		file != "" && /^# \| / { print substr($0, 5) >>file }
		file != "" && $0 == "# |" { print "" >>file }' "$1"
}

rm -rf "$repo/out/roundtrip"
# name:script:kernel command line
for boot in "enabled:selftests:lsm=warden" "disabled:selftests:lsm=tomoyo" \
	"loader:loader:lsm=warden warden.loader=/sbin/warden-init" \
	"noloader:loader:lsm=warden warden.loader=/nonexistent" \
	"tomoyo:tomoyo:lsm=warden TOMOYO_trigger=/sbin/compat-init TOMOYO_loader=/usr/local/sbin/tomoyo-init" \
	"tomoyo-itself:tomoyo:lsm=tomoyo TOMOYO_trigger=/sbin/compat-init TOMOYO_loader=/usr/local/sbin/tomoyo-init" \
	"stacked:stacked:lsm=warden,tomoyo" \
	"roundtrip-tomoyo:roundtrip:lsm=tomoyo" \
	"roundtrip-warden:roundtrip:lsm=warden" \
	"roundtrip-back:roundtrip:lsm=tomoyo"; do
	name=${boot%%:*}
	script=${boot#*:}
	script=${script%%:*}
	append=${boot#*:*:}
	tap=$repo/out/selftests-$name.tap
	echo "selftests: boot '$name' ($append)"
	# Each round-trip boot loads what the one before saved.
	overlay=
	[ "$script" = roundtrip ] && [ -d "$repo/out/roundtrip" ] &&
		overlay=$repo/out/roundtrip
	WARDEN_VM_OVERLAY=$overlay \
	APPEND="$append" VM_LOG="$repo/out/vm-selftests-$name.log" \
		"$repo/scripts/vm-run.sh" "$repo/scripts/vm/$script.sh" |
		tee "$tap"
	[ "${PIPESTATUS[0]}" -eq 0 ] || rc=1
	[ "$script" = roundtrip ] && save_roundtrip "$tap"
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
