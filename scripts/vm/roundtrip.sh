#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Run, inside the VM, the round-trip case of the TOMOYO compatibility
# kselftest: tomoyo-init loads at the trigger what the boot before saved
# (or init_policy's policy in the first boot), and tomoyo-savepolicy must
# print it back unchanged.  The saved files go to the console.
# vm-needs: tomoyo-tools
exec /opt/warden/selftests/warden/tomoyo_compat_test \
	-t policy_saved_on_one_kernel_reads_back_identical_on_another
