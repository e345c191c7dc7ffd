#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# The demo, played inside the VM as a transcript a newcomer can follow.

say() {
	echo
	echo "### $*"
}

run() {
	echo "# $*"
	"$@"
}

say "Warden demo on Linux $(uname -r)"
echo "The kernel was booted with: $(cat /proc/cmdline)"

say "1. The LSMs the kernel started, in order; warden is among them."
run cat /sys/kernel/security/lsm
echo
grep -q '\(^\|,\)warden\(,\|$\)' /sys/kernel/security/lsm || {
	echo "warden is NOT active"
	exit 1
}

say "2. Warden's securityfs directory."
run ls -l /sys/kernel/security/warden/

say "3. The interface version: the TOMOYO 2.6 language Warden speaks."
run cat /sys/kernel/security/warden/version
echo

say "4. Statistics, in TOMOYO's layout: no policy is loaded yet."
run cat /sys/kernel/security/warden/stat

say "5. Quotas are set by writing the stat file; bad input is refused."
echo '# echo "Memory used by policy: 1048576" > /sys/kernel/security/warden/stat'
echo "Memory used by policy: 1048576" >/sys/kernel/security/warden/stat
echo '# echo "Memory used by nothing: 1" > /sys/kernel/security/warden/stat'
echo "Memory used by nothing: 1" >/sys/kernel/security/warden/stat ||
	echo "(refused, as it should be; the kernel log says why:)"
dmesg | grep 'Warden: stat' | tail -n 1
run grep 'Memory used by policy' /sys/kernel/security/warden/stat
