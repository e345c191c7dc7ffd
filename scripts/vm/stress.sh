#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Run, inside the VM, the tests that make Warden's code race with itself:
# the stress test and the policy interface fuzzer (the KCSAN boot of
# make check-debug).

rc=0
for test in stress_test fuzz_test; do
	echo "# selftest: warden/$test"
	/opt/warden/selftests/warden/$test || rc=1
done
exit $rc
