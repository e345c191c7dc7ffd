#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Build the kselftests the VM runs (Warden's and the LSM syscall tests),
# statically linked against the VM kernel's UAPI headers, into the cache
# directory the initramfs is assembled from.

set -euo pipefail
. "$(dirname "$0")/lib.sh"

headers=$cache/build/x86_64/usr/include
[ -d "$headers/linux" ] || die "no UAPI headers in $headers: run 'make kernel'"

for suite in ${SELFTEST_SUITES:-warden lsm}; do
	out=$cache/vm/selftests/$suite
	mkdir -p "$out"
	make -s -C "$tree/tools/testing/selftests/$suite" OUTPUT="$out" \
		KHDR_INCLUDES="-isystem $headers" LDFLAGS=-static
done
echo "selftests: built in $cache/vm/selftests"
