#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Run, inside a VM booted with lsm=tomoyo, the cases of Warden's
# mount_api_test against TOMOYO 2.6: each case in a domain of its own,
# first enforcing with no mount entry (the result, whether it mounted and
# TOMOYO's audit records), then learning (the entries TOMOYO learned).
# For the record, not a test: it exits 0 whatever TOMOYO does.
# Run: make vm-run SCRIPT=scripts/vm/mount-api-tomoyo.sh \
#      APPEND="lsm=tomoyo TOMOYO_trigger=/tmp/ma/trigger TOMOYO_loader=/tmp/ma/loader"

T=/sys/kernel/security/tomoyo
PROG=/opt/warden/selftests/warden/mount_api_test
CASES="mount fsmount open_tree move fspick"

mkdir -p /tmp/wm/src /tmp/wm/dst /tmp/ma
for c in $CASES; do
	cp "$PROG" "/tmp/ma/$c"
done
cat >/tmp/ma/loader <<'LOADER'
#!/bin/sh
T=/sys/kernel/security/tomoyo
printf '%s\n' 'PROFILE_VERSION=20150505' \
	'0-CONFIG={ mode=disabled grant_log=no reject_log=no }' \
	'1-CONFIG={ mode=learning grant_log=no reject_log=no }' \
	'3-CONFIG={ mode=enforcing grant_log=no reject_log=yes }' >$T/profile
for c in mount fsmount open_tree move fspick; do
	echo "initialize_domain /tmp/ma/$c from any"
done >$T/exception_policy
# The shell of this script writes the domains once the policy is active.
echo /bin/busybox >$T/manager
LOADER
chmod +x /tmp/ma/loader
cp /bin/busybox /tmp/ma/trigger
/tmp/ma/trigger true 2>/dev/null
echo "tomoyo: $(cat $T/version 2>/dev/null) lsm=$(cat /sys/kernel/security/lsm)"

for c in $CASES; do
	printf '<kernel> /tmp/ma/%s\nuse_profile 3\nfile read proc:/self/mountinfo\n' \
		"$c" >$T/domain_policy
	before=$(grep 'enforcing mode' $T/stat)
	echo "== $c, enforcing, no mount entry"
	"$PROG" --prepare "/tmp/ma/$c" "$c"
	echo "stat before: $before"
	echo "stat after:  $(grep 'enforcing mode' $T/stat)"
	timeout 2 cat $T/audit | tr '\0' '\n' | grep -A2 "^#" | sed 's/^/audit: /'
	printf '<kernel> /tmp/ma/%s\nuse_profile 1\n' "$c" >$T/domain_policy
	echo "== $c, learning"
	"$PROG" --prepare "/tmp/ma/$c" "$c"
	echo "learned:"
	awk -v d="<kernel> /tmp/ma/$c" '/^<kernel>/ { on = ($0 == d); next }
		on && NF { print "  " $0 }' $T/domain_policy
done
exit 0
