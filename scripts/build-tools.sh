#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Build Warden's userspace tools, statically linked, and install them where
# the VM image picks up its programs ($cache/vm/bin).

set -euo pipefail
. "$(dirname "$0")/lib.sh"

make -s -C "$repo/tools/warden" O="$repo/out/tools" all
mkdir -p "$cache/vm/bin"
for tool in "$repo"/out/tools/warden-*; do
	[ -x "$tool" ] && cp "$tool" "$cache/vm/bin/"
done
true
