#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# The hook benchmark, inside the VM: the cost of stat() on one file with
# Warden not loaded yet, with the caller's domain in profile 0 (every
# operation disabled: the hook must return before it builds a pathname),
# and in enforcing mode with 10 and with 100,000 exact-path entries (the
# lookup must cost the same).

W=/sys/kernel/security/warden
BENCH=/opt/warden/bin/warden-bench
N=${BENCH_COUNT:-50000}
FILE=/tmp/bench/target

mkdir -p /tmp/bench
echo data >$FILE
if ! grep -q warden /sys/kernel/security/lsm; then
	"$BENCH" "warden not enabled (lsm=$(cat /sys/kernel/security/lsm))" $FILE $N
	exit $?
fi

"$BENCH" "policy not loaded" $FILE $N || exit 1

# A policy whose domain for the benchmark has ENTRIES exact entries and
# the one the benchmark uses, in profile PROFILE.
load() {
	profile=$1
	entries=$2
	{
		echo "[profile]"
		echo "PROFILE_VERSION=20150505"
		echo "0-CONFIG={ mode=disabled grant_log=no reject_log=yes }"
		echo "3-CONFIG={ mode=enforcing grant_log=no reject_log=yes }"
		echo "[exception_policy]"
		echo "initialize_domain $BENCH from any"
		echo "[domain_policy]"
		echo "<kernel> $BENCH"
		echo "use_profile $profile"
		awk -v n="$entries" 'BEGIN { for (i = 0; i < n; i++) printf "file getattr /data/f%d\n", i }'
		echo "file getattr $FILE"
	} >/tmp/bench/policy
	cat /tmp/bench/policy >$W/policy || exit 1
}

load 0 0
"$BENCH" "profile 0 (disabled)" $FILE $N || exit 1
load 3 10
"$BENCH" "enforcing, 10 entries" $FILE $N || exit 1
load 3 100000
"$BENCH" "enforcing, 100000 entries" $FILE $N || exit 1
grep -q "enforcing mode:  *0$" $W/stat || {
	echo "the benchmark was refused something:"
	grep "enforcing mode" $W/stat
	exit 1
}
