#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# The VM half of `make bench`: one boot, with Warden, TOMOYO or neither
# (the floor) chosen by lsm=.  Loads the same policy text into the LSM for
# each stage, times the load and reads "Memory used by policy" around it,
# then runs warden-bench in the stage's domain.  Prints "BENCH ..." lines
# that scripts/bench.sh collects; prints nothing it does not measure.
#
# Stages (LABEL: the domain <kernel> /tmp/bench/LABEL/warden-bench):
#   nN     enforcing, N filler entries "file read/getattr /data/nN/fI" then
#          the entries the benchmark needs, so each matching entry comes
#          after N others; N from BENCH_SIZES (TOMOYO stops at
#          BENCH_TOMOYO_MAX: its load is quadratic)
#   iN     enforcing, N filler entries "network inet stream bind/connect
#          10.A.B.C 80" (distinct addresses) before the entries the
#          benchmark needs, so the inet bind is checked against N network
#          entries; N from BENCH_NET_SIZES
#   gU     Warden only (TOMOYO has no named groups): enforcing, the
#          domain has no entries of its own and uses U of G named acl
#          groups (BENCH_GROUPS "U G", "50 5000"), each holding 2 filler
#          entries "file read /data/gU/gI/a" and ".../b"; the entries the
#          benchmark needs are in the last group it uses, which is the
#          last defined, so they come after the 2 * U filler entries of
#          the groups it uses: the row beside n100
#   none   the LSM enabled, no policy loaded yet (TOMOYO not activated)
#   p0     profile 0, 100 filler entries; the first stage after activation
#   xD     the exec transition with D domains in the policy (BENCH_DOMAINS),
#          the target domain defined last
#   floor  no LSM policy at all (the boot without Warden and TOMOYO)
# Settings come from the kernel command line (unknown NAME=value
# parameters reach /init's environment).

B=/tmp/bench
BIN=/opt/warden/bin
SIZES=$(echo "${BENCH_SIZES:-1 100 1000 10000 100000}" | tr , " ")
TOMOYO_MAX=${BENCH_TOMOYO_MAX:-10000}
DOMAINS=$(echo "${BENCH_DOMAINS:-10 10000}" | tr , " ")
NET_SIZES=$(echo "${BENCH_NET_SIZES:-100 10000}" | tr , " ")
GROUPS_USED=$(echo "${BENCH_GROUPS:-50 5000}" | tr , " " | cut -d " " -f 1)
GROUPS_DEFINED=$(echo "${BENCH_GROUPS:-50 5000}" | tr , " " | cut -d " " -f 2)
PORT=${BENCH_PORT:-4321}
ROUNDS=${BENCH_ROUNDS:-31}
ROUND_MS=${BENCH_ROUND_MS:-2}

case ",$(cat /sys/kernel/security/lsm)," in
*,warden,*) lsm=warden ;;
*,tomoyo,*) lsm=tomoyo ;;
*) lsm=floor ;;
esac
echo "BENCH lsm $lsm $(cat /sys/kernel/security/lsm)"
echo "BENCH settings rounds=$ROUNDS round_ms=$ROUND_MS groups=$GROUPS_USED,$GROUPS_DEFINED"

labels=p0
for n in $SIZES; do
	labels="$labels n$n"
done
for d in $DOMAINS; do
	labels="$labels x$d"
done
for n in $NET_SIZES; do
	labels="$labels i$n"
done
labels="$labels g$GROUPS_USED"

mkdir -p $B
echo data >$B/target
echo data >$B/denied
cp $BIN/warden-bench-true $B/true
for label in floor none $labels; do
	mkdir -p $B/$label
	cp $BIN/warden-bench $B/$label/warden-bench
done

# run LABEL MODE: the benchmark in LABEL's domain, with an empty
# environment (both LSMs check the names of the variables passed at exec).
run() {
	rm -f $B/sock
	env -i $B/$1/warden-bench run "$1" $B "$2" $ROUNDS $ROUND_MS $PORT ||
		exit 1
}

# The floor boot has no policy and so no stages: three runs give it more
# samples.
if [ $lsm = floor ]; then
	run floor open
	run floor open
	run floor open
	exit 0
fi

# The policy text, in TOMOYO 2.6's language, identical for both LSMs.
profile() {
	echo "PROFILE_VERSION=20150505"
	echo "0-CONFIG={ mode=disabled grant_log=no reject_log=no }"
	echo "3-CONFIG={ mode=enforcing grant_log=no reject_log=no }"
}

exceptions() {
	for label in $labels; do
		echo "initialize_domain $B/$label/warden-bench from any"
	done
}

# domains LABEL PROFILE FILLER EXTRA_DOMAINS [NET_FILLER]: the filler's
# pathnames are the label's own, so that TOMOYO, which shares a pathname
# between the entries of all domains, cannot reuse those of an earlier
# stage.  NET_FILLER network entries, none of which the benchmark
# matches, come after the file filler.
domains() {
	awk -v extra="$4" 'BEGIN {
		for (i = 0; i < extra; i++)
			printf "<kernel> /bench/domain/d%d\nuse_profile 0\n\n", i
	}'
	echo "<kernel> $B/$1/warden-bench"
	echo "use_profile $2"
	awk -v n="$3" -v label="$1" 'BEGIN {
		for (i = 0; i < n; i++)
			printf "file read/getattr /data/%s/f%d\n", label, i
	}'
	awk -v n="${5:-0}" 'BEGIN {
		for (i = 0; i < n; i++)
			printf "network inet stream bind/connect 10.%d.%d.%d 80\n",
				int(i / 65536), int(i / 256) % 256, i % 256
	}'
	needed
	cat <<EOF

<kernel> $B/$1/warden-bench $B/true
use_profile $2
EOF
}

# The entries the benchmark matches.
needed() {
	cat <<EOF
file read $B/target
file getattr $B/target
file execute $B/true
file mksock $B/sock 0777
network unix stream bind $B/sock
network unix stream listen $B/sock
network unix stream connect $B/sock
network inet stream bind 127.0.0.1 $PORT
EOF
}

# acl_groups LABEL DEFINED: DEFINED named groups of 2 file entries each,
# the entries the benchmark needs added to the last one.
acl_groups() {
	awk -v label="$1" -v defined="$2" 'BEGIN {
		for (i = 0; i < defined; i++) {
			printf "acl_group bench_%s_%d file read /data/%s/g%d/a\n",
				label, i, label, i
			printf "acl_group bench_%s_%d file read /data/%s/g%d/b\n",
				label, i, label, i
		}
	}'
	needed | sed "s|^|acl_group bench_$1_$(($2 - 1)) |"
}

# group_domains LABEL PROFILE USED DEFINED: the domain of the gU stage
# uses every (DEFINED / USED)th group, the last one defined last.
group_domains() {
	echo "<kernel> $B/$1/warden-bench"
	echo "use_profile $2"
	awk -v label="$1" -v used="$3" -v defined="$4" 'BEGIN {
		step = int(defined / used)
		for (i = 1; i <= used; i++)
			printf "use_group bench_%s_%d\n", label,
				defined - 1 - (used - i) * step
	}'
	cat <<EOF

<kernel> $B/$1/warden-bench $B/true
use_profile $2
EOF
}

memory() {
	sed -n 's/^Memory used by policy: *\([0-9]*\).*/\1/p' "$1/stat"
}

run none open

if [ $lsm = tomoyo ]; then
	T=/sys/kernel/security/tomoyo
	# TOMOYO activates when the trigger (TOMOYO_trigger= on the command
	# line) is executed and its loader exists; the policy is written
	# before, while anyone privileged may.
	profile >$T/profile
	echo $BIN/warden-bench >$T/manager
	exceptions >$T/exception_policy
	ln -sf /bin/true /sbin/tomoyo-init
	$B/true
	dmesg | grep -q 'TOMOYO: 2.6.0' || {
		echo "BENCH-FAILED TOMOYO did not activate"
		exit 1
	}
	dest=$T/domain_policy
else
	T=/sys/kernel/security/warden
	dest=$T/policy
fi

# stage LABEL PROFILE FILLER EXTRA_DOMAINS MODE [NET_FILLER]
stage() {
	if [ $lsm = tomoyo ]; then
		domains "$1" "$2" "$3" "$4" "$6" >$B/policy.txt
	else
		{
			echo "[profile]"
			profile
			echo "[exception_policy]"
			exceptions
			echo "[domain_policy]"
			domains "$1" "$2" "$3" "$4" "$6"
		} >$B/policy.txt
	fi
	before=$(memory $T)
	$BIN/warden-bench load "$1" $B/policy.txt $dest || exit 1
	echo "BENCH mem $1 $before $(memory $T)"
	run "$1" "$5"
}

# stage_groups LABEL USED DEFINED: the gU stage, Warden only.
stage_groups() {
	{
		echo "[profile]"
		profile
		echo "[exception_policy]"
		exceptions
		acl_groups "$1" "$3"
		echo "[domain_policy]"
		group_domains "$1" 3 "$2" "$3"
	} >$B/policy.txt
	before=$(memory $T)
	$BIN/warden-bench load "$1" $B/policy.txt $dest || exit 1
	echo "BENCH mem $1 $before $(memory $T)"
	run "$1" enforcing
}

# Profile 0 first, while the kernel is as fresh as the floor's; the
# 10-domain exec stage next: TOMOYO keeps every domain ever loaded.
stage p0 0 100 0 open
for d in $DOMAINS; do
	[ "$d" -le 100 ] && stage x$d 3 1 $((d - 2)) enforcing
done
for n in $SIZES; do
	[ $lsm = tomoyo ] && [ "$n" -gt "$TOMOYO_MAX" ] && continue
	stage n$n 3 "$n" 0 enforcing
done
for d in $DOMAINS; do
	[ "$d" -gt 100 ] && stage x$d 3 1 $((d - 2)) enforcing
done
for n in $NET_SIZES; do
	stage i$n 3 1 0 enforcing "$n"
done
if [ $lsm = warden ]; then
	stage_groups g$GROUPS_USED "$GROUPS_USED" "$GROUPS_DEFINED"
fi
exit 0
