#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Run, inside the VM, the case of the TOMOYO compatibility kselftest for
# a boot where Warden and TOMOYO are both active: the tomoyo directory
# stays TOMOYO's.
exec /opt/warden/selftests/warden/tomoyo_compat_test \
	-t tomoyo_keeps_its_directory_when_both_are_active
