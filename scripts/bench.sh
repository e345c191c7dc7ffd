#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# make bench: Warden against TOMOYO and against no LSM at all, on the same
# bzImage with the same policy text, in one run.  Boots the VM kernel
# BENCH_BOOTS times (5) each way, alternating: lsm=capability (the floor),
# lsm=tomoyo, lsm=warden; scripts/vm/bench.sh does the measuring inside.
# Writes out/bench/: bench.md (the table), bench.csv (every sample),
# bench.png (cost against N), raw/ (the VMs' lines) and the console logs.
# Prints the table and, for each target of the design, the measured ratio
# and "meets" or "misses".  Nothing here asserts a time: a missed target
# never fails the run; a VM that fails does.
#
# Environment: BENCH_BOOTS, BENCH_ROUNDS (31), BENCH_ROUND_MS (2),
# BENCH_SIZES ("1 100 1000 10000 100000"), BENCH_TOMOYO_MAX (10000),
# BENCH_DOMAINS ("10 10000"), BENCH_NET_SIZES ("100 10000": network
# inet entries before the one an inet bind matches), BENCH_GROUPS ("50 5000":
# Warden only, a domain using 50 of 5,000 named acl groups of 2 entries,
# the matching entries in the last), BENCH_KUNIT (1: also print the KUnit
# lookup figures, the ACL lookup without the hook), TIMEOUT (per boot,
# 900 s).

set -euo pipefail
. "$(dirname "$0")/lib.sh"

boots=${BENCH_BOOTS:-5}
rounds=${BENCH_ROUNDS:-31}
round_ms=${BENCH_ROUND_MS:-2}
sizes=${BENCH_SIZES:-1 100 1000 10000 100000}
tomoyo_max=${BENCH_TOMOYO_MAX:-10000}
domains=${BENCH_DOMAINS:-10 10000}
net_sizes=${BENCH_NET_SIZES:-100 10000}
acl_groups=${BENCH_GROUPS:-50 5000}
out=$repo/out/bench
bin=$cache/vm/bin

command -v gnuplot >/dev/null || "$repo/scripts/deps.sh"
mkdir -p "$bin" "$out"
rm -rf "$out/raw"
mkdir -p "$out/raw"
cc -O2 -static -Wall -o "$bin/warden-bench" \
	"$repo/tools/warden/bench/warden-bench.c"
cc -O2 -static -nostdlib -fno-stack-protector -fno-pie -no-pie -Wall \
	-o "$bin/warden-bench-true" "$repo/tools/warden/bench/warden-bench-true.c"

# TCG hands the guest the host's TSC; the VM kernel has no HPET or PM timer
# to calibrate it against and its PIT calibration fails under emulation,
# which leaves it on jiffies (4 ms).  Tell it the rate.
tsc=
if khz=$("$bin/warden-bench" tsc-khz 2>/dev/null); then
	tsc=tsc_early_khz=$khz
fi

# The VM's settings reach its /init as environment variables; the kernel
# command line splits on spaces, so lists travel with commas.
settings="BENCH_ROUNDS=$rounds BENCH_ROUND_MS=$round_ms"
settings+=" BENCH_SIZES=${sizes// /,} BENCH_TOMOYO_MAX=$tomoyo_max"
settings+=" BENCH_DOMAINS=${domains// /,}"
settings+=" BENCH_NET_SIZES=${net_sizes// /,}"
settings+=" BENCH_GROUPS=${acl_groups// /,}"

echo "bench: $boots boots each of floor, tomoyo and warden, alternating;"
echo "bench: per operation: calibrated rounds of ${round_ms} ms (exec: $((round_ms * 5)) ms), best of $rounds rounds"
echo "bench: N = $sizes (TOMOYO up to $tomoyo_max); exec with $domains domains"
echo "bench: inet bind with $net_sizes network entries"
echo "bench: Warden: a domain using ${acl_groups% *} of ${acl_groups#* } named acl groups"
echo "bench: clock: ${tsc:-no TSC rate measured, the guest may fall back to jiffies}"
start=$(date +%s)
for i in $(seq 1 "$boots"); do
	for lsm in floor tomoyo warden; do
		case $lsm in
		floor) append="lsm=capability" ;;
		tomoyo) append="lsm=tomoyo TOMOYO_trigger=/tmp/bench/true" ;;
		warden) append="lsm=warden" ;;
		esac
		t0=$(date +%s)
		APPEND="$append $tsc $settings" TIMEOUT=${TIMEOUT:-900} \
			VM_LOG="$out/console-$lsm-$i.log" \
			"$repo/scripts/vm-run.sh" "$repo/scripts/vm/bench.sh" \
			>"$out/raw/$lsm-$i.txt" 2>"$out/raw/$lsm-$i.err" || {
			cat "$out/raw/$lsm-$i.txt" "$out/raw/$lsm-$i.err" >&2
			die "the $lsm VM failed (boot $i); console log in $out/console-$lsm-$i.log"
		}
		if grep -q BENCH-FAILED "$out/raw/$lsm-$i.txt"; then
			grep BENCH-FAILED "$out/raw/$lsm-$i.txt" >&2
			die "the benchmark failed in the $lsm VM (boot $i)"
		fi
		echo "bench: boot $i $lsm: $(($(date +%s) - t0)) s"
	done
done

# The ACL lookup alone, without the hook around it: KUnit under UML.
if [ "${BENCH_KUNIT:-1}" = 1 ]; then
	echo "bench: the KUnit lookup benchmark (UML)"
	"$repo/scripts/kunit.sh" >/dev/null 2>&1 || true
	grep -h 'lookup,' "$cache/build/kunit/test.log" 2>/dev/null |
		sed 's/^.*# *//' >"$out/kunit.txt" || true
fi

python3 "$repo/scripts/bench-report.py" "$out"
if command -v gnuplot >/dev/null; then
	gnuplot "$out/bench.gnuplot"
	echo "plot: $out/bench.png"
fi
echo "bench: took $(($(date +%s) - start)) s"
