#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Prove the series in out/patches/ is what it claims: extract a pristine
# linux-source-6.12, 'git am' the series onto it, and build that tree with
# CONFIG_SECURITY_WARDEN=y using the VM configuration.

set -euo pipefail
. "$(dirname "$0")/lib.sh"

dir=$cache/patch-test
rm -rf "$dir"
mkdir -p "$dir/linux"
echo "patch-test: extracting $tarball"
tar -xJf "$tarball" -C "$dir/linux" --strip-components=1
cd "$dir/linux"
git init -q
# Debian's tarball ignores everything at its top level in .gitignore.
git add -A -f
git -c user.name=patch-test -c user.email=patch-test@localhost \
	commit -q -m "Linux $(make -s kernelversion) as extracted"
git -c user.name=patch-test -c user.email=patch-test@localhost \
	am -q "$repo"/out/patches/*.patch
git log --oneline | head -n 4
KSRC=$dir/linux WARDEN_CACHE=$cache \
	"$repo/scripts/build-kernel.sh" "$dir/build"
grep -x 'CONFIG_SECURITY_WARDEN=y' "$dir/build/.config"
echo "patch-test: the series applies with git am and builds"
