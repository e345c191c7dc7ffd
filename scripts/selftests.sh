#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Run the kselftests in the VM: once with Warden enabled by lsm= and once
# without it, where Warden's tests must skip and its securityfs directory
# must be absent; then the loader test in two fresh boots, with the policy
# loader and with a loader that does not exist; then Debian's tomoyo-tools
# against the TOMOYO-compatible directory in a fresh boot of their own,
# the same cases on TOMOYO itself, Warden stacked with TOMOYO (whose
# directory stays its own), and a policy saved on TOMOYO loaded on Warden
# and back, one boot each; then the semantics tests (scripts/vm/semantics.sh)
# with their own TOMOYO loader, on Warden and on TOMOYO itself, which must
# give the same answers.  Writes out/results/selftests.counts.
#
# With --debug (make check-debug), the same boots except the one without
# Warden run on the debug kernel (configs/debug.config), each followed by
# an explicit kmemleak scan and a dump of the kernel log; every report of
# a detector in the console (KASAN, UBSAN, lockdep, RCU, a warning, a hung
# task, a leak, ...) counts as a failure.  Writes out/results/debug.counts.
# With --kcsan, one boot of the KCSAN kernel (configs/kcsan.config) runs
# scripts/vm/stress.sh, scanned the same way; out/results/kcsan.counts.

set -uo pipefail
. "$(dirname "$0")/lib.sh"

debug=0
case ${1:-} in
--debug) debug=1 ;;
--kcsan) debug=2 ;;
esac
results=$repo/out/results
mkdir -p "$results"
passed=0
failed=0
skipped=0
rc=0

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
compat="TOMOYO_trigger=/sbin/compat-init TOMOYO_loader=/usr/local/sbin/tomoyo-init"
semantics="TOMOYO_trigger=/tmp/sem/trigger TOMOYO_loader=/tmp/sem/loader"
boots=("enabled:selftests:lsm=warden" "disabled:selftests:lsm=tomoyo"
       "loader:loader:lsm=warden warden.loader=/sbin/warden-init"
       "noloader:loader:lsm=warden warden.loader=/nonexistent"
       "tomoyo:tomoyo:lsm=warden $compat"
       "tomoyo-itself:tomoyo:lsm=tomoyo $compat"
       "stacked:stacked:lsm=warden,tomoyo"
       "roundtrip-tomoyo:roundtrip:lsm=tomoyo"
       "roundtrip-warden:roundtrip:lsm=warden"
       "roundtrip-back:roundtrip:lsm=tomoyo"
       "semantics:semantics:lsm=warden $semantics"
       "semantics-tomoyo:semantics:lsm=tomoyo $semantics")
counts=$results/selftests.counts
prefix=selftests
debug_boots=()
if [ "$debug" -eq 1 ]; then
	export KERNEL=$cache/build/x86_64-debug/arch/x86/boot/bzImage
	# KASAN and lockdep make the guest several times slower.
	export TIMEOUT=${DEBUG_TIMEOUT:-2400}
	# Every boot where Warden runs, but the round trip.
	wanted=" enabled loader noloader tomoyo stacked semantics "
	for boot in "${boots[@]}"; do
		[[ $wanted == *" ${boot%%:*} "* ]] && debug_boots+=("$boot")
	done
	boots=("${debug_boots[@]}")
	counts=$results/debug.counts
	prefix=debug
elif [ "$debug" -eq 2 ]; then
	export KERNEL=$cache/build/x86_64-kcsan/arch/x86/boot/bzImage
	export TIMEOUT=${DEBUG_TIMEOUT:-1200}
	boots=("stress:stress:lsm=warden")
	counts=$results/kcsan.counts
	prefix=kcsan
fi

{ "$repo/scripts/build-tools.sh" && "$repo/scripts/build-selftests.sh"; } || { echo "0 1 0" >"$counts"; exit 1; }

# What a detector prints when it finds something, in the console or in
# the kernel log dumped at the end of a debug boot.
reports='BUG:|WARNING:|KASAN:|UBSAN:|Oops|general protection fault|'
reports+='suspicious RCU usage|possible circular locking|'
reports+='possible recursive locking|inconsistent lock state|'
reports+='lock held when returning|bad unlock balance|'
reports+='blocked for more than|soft lockup|hard LOCKUP|'
reports+='unreferenced object|list_add corruption|list_del corruption|'
reports+='ODEBUG:|Kernel panic'
# The debug kernel has kmemleak; a boot where it did not scan failed.
[ "$debug" -eq 1 ] && reports+='|WARDEN-KMEMLEAK-MISSING'
# The scan must see what the detectors print: lines of their real reports.
if [ "$debug" -ne 0 ]; then
	for sample in \
		'[    8.628484] WARNING: inconsistent lock state' \
		'[    3.1] BUG: KASAN: slab-out-of-bounds in warden_cond_canonical+0x1/0x2' \
		'[    3.1] BUG: KCSAN: data-race in warden_check / warden_policy_replace' \
		'[    3.1] UBSAN: array-index-out-of-bounds in security/warden/acl.c:1:2' \
		'[    3.1] unreferenced object 0xffff888003a1c000 (size 64):' \
		'[    3.1] INFO: task x:1 blocked for more than 60 seconds.'; do
		grep -qE "$reports" <<<"$sample" ||
			{ echo "$prefix: the report scan misses '$sample'"; echo "0 1 0" >"$counts"; exit 1; }
	done
fi

script_for() {
	local script=$repo/scripts/vm/$1.sh out

	if [ "$debug" -eq 0 ]; then
		echo "$script"
		return
	fi
	out=$repo/out/vm-debug-$1.sh
	{
		cat "$repo/scripts/vm/debug-begin.sh"
		echo "("
		cat "$script"
		echo ")"
		echo "rc=\$?"
		cat "$repo/scripts/vm/debug-end.sh"
		echo "exit \$rc"
	} >"$out"
	echo "$out"
}

for boot in "${boots[@]}"; do
	name=${boot%%:*}
	script=${boot#*:}
	script=${script%%:*}
	append=${boot#*:*:}
	tap=$repo/out/$prefix-$name.tap
	log=$repo/out/vm-$prefix-$name.log
	echo "$prefix: boot '$name' ($append)"
	# Each round-trip boot loads what the one before saved.
	overlay=
	[ "$script" = roundtrip ] && [ -d "$repo/out/roundtrip" ] &&
		overlay=$repo/out/roundtrip
	WARDEN_VM_OVERLAY=$overlay APPEND="$append" VM_LOG="$log" \
		"$repo/scripts/vm-run.sh" "$(script_for "$script")" |
		sed '/^WARDEN-DMESG-BEGIN$/,/^WARDEN-DMESG-END$/d' | tee "$tap"
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
	if [ "$debug" -ne 0 ]; then
		found=$(grep -aEc "$reports" "$log")
		if grep -q '^WARDEN-DMESG-END' "$log" && [ "$found" -eq 0 ]; then
			echo "$prefix: boot '$name': no detector reports"
			passed=$((passed + 1))
		else
			echo "$prefix: boot '$name': $found detector report line(s), or no kernel log; see $log"
			grep -aE -B2 -A20 "$reports" "$log" | head -n 200
			failed=$((failed + 1))
			rc=1
		fi
	fi
done

echo "$passed $failed $skipped" >"$counts"
exit $rc
