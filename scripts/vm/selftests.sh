#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Run, inside the VM, every selftest program of the image, printing their
# TAP output; exit nonzero if any failed.

rc=0
for test in /opt/warden/selftests/*/*; do
	[ -f "$test" ] && [ -x "$test" ] || continue
	# Not a test: the daemon that module_test and the demo confine.
	[ "${test##*/}" = daemon_helper ] && continue
	# The loader test needs a fresh boot of its own (scripts/vm/loader.sh).
	[ "${test##*/}" = loader_test ] && continue
	# So does the TOMOYO compat test, with tomoyo-tools (scripts/vm/tomoyo.sh).
	[ "${test##*/}" = tomoyo_compat_test ] && continue
	# And the semantics tests, with their own loader (scripts/vm/semantics.sh).
	case ${test##*/} in semantics_*) continue ;; esac
	echo "# selftest: ${test#/opt/warden/selftests/}"
	"$test" || rc=1
done
exit $rc
