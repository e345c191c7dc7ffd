#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Run, inside a VM booted with TOMOYO_trigger=/tmp/sem/trigger and
# TOMOYO_loader=/tmp/sem/loader, every semantics_*_test: the same
# programs on Warden (lsm=warden, its TOMOYO-compatible directory) and on
# TOMOYO itself (lsm=tomoyo), which is their oracle.  The loader, which
# the first exec of the trigger runs, writes the policy they share:
# profiles 0 to 3 (disabled, learning, permissive, enforcing) and the
# managers /bin/busybox and the test programs.  Exits nonzero if any
# test failed.
# Run: make vm-run SCRIPT=scripts/vm/semantics.sh \
#      APPEND="lsm=tomoyo TOMOYO_trigger=/tmp/sem/trigger TOMOYO_loader=/tmp/sem/loader"

T=/sys/kernel/security/tomoyo
TESTS=/opt/warden/selftests/warden

mkdir -p /tmp/sem
cat >/tmp/sem/loader <<'LOADER'
#!/bin/sh
T=/sys/kernel/security/tomoyo
printf '%s\n' 'PROFILE_VERSION=20150505' \
	'0-CONFIG={ mode=disabled grant_log=no reject_log=no }' \
	'1-CONFIG={ mode=learning grant_log=no reject_log=no }' \
	'2-CONFIG={ mode=permissive grant_log=no reject_log=yes }' \
	'3-CONFIG={ mode=enforcing grant_log=no reject_log=yes }' >$T/profile
{
	echo /bin/busybox
	for test in /opt/warden/selftests/warden/semantics_*_test; do
		[ -x "$test" ] && echo "$test"
	done
} >$T/manager
LOADER
chmod +x /tmp/sem/loader
cp /bin/busybox /tmp/sem/trigger
/tmp/sem/trigger true
echo "# semantics: lsm=$(cat /sys/kernel/security/lsm) version=$(cat $T/version 2>/dev/null)"

rc=0
for test in $TESTS/semantics_*_test; do
	[ -f "$test" ] && [ -x "$test" ] || continue
	echo "# selftest: ${test#/opt/warden/selftests/}"
	"$test" || rc=1
done
exit $rc
