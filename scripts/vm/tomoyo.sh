#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Run, inside the VM, the TOMOYO compatibility kselftest: Debian's
# tomoyo-tools against /sys/kernel/security/tomoyo/, in a boot where no
# policy was loaded yet, so that /sbin/tomoyo-init loads /etc/tomoyo.
# vm-needs: tomoyo-tools
exec /opt/warden/selftests/warden/tomoyo_compat_test \
	-T policy_saved_on_one_kernel_reads_back_identical_on_another \
	-T tomoyo_keeps_its_directory_when_both_are_active
