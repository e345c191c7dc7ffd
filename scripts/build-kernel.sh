#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Build the x86_64 VM kernel: allnoconfig plus the tiny fragments and
# configs/*.config (or the fragments named in $WARDEN_CONFIGS), in a build
# tree of the cache.  The configuration is rewritten only when it changes,
# so the build stays incremental.  Every requested option is checked to
# have survived Kconfig's dependency resolution.

set -euo pipefail
. "$(dirname "$0")/lib.sh"

build=${1:-$cache/build/x86_64}
fragments=${WARDEN_CONFIGS:-$repo/configs/qemu.config}
jobs=${JOBS:-$(nproc)}
cfg=$build.config

mkdir -p "$build" "$cfg"
cat "$tree/arch/x86/configs/tiny.config" "$tree/kernel/configs/tiny.config" \
	$fragments >"$cfg/allconfig"
make -s -C "$tree" O="$cfg" KCONFIG_ALLCONFIG="$cfg/allconfig" \
	allnoconfig >"$cfg/kconfig.log" 2>&1 ||
	die "kconfig failed: $(cat "$cfg/kconfig.log")"

missing=$(grep -h '^CONFIG_' $fragments | while read -r want; do
		grep -qxF "$want" "$cfg/.config" || echo "$want"
	done)
[ -z "$missing" ] || die "options dropped by Kconfig dependencies: $missing"

install_if_changed "$cfg/.config" "$build/.config" || true

echo "kernel: building Linux $(make -s -C "$tree" kernelversion) in $build"
make -s -C "$tree" O="$build" -j"$jobs" olddefconfig
make -s -C "$tree" O="$build" -j"$jobs" bzImage
make -s -C "$tree" O="$build" headers_install >/dev/null
echo "kernel: $build/arch/x86/boot/bzImage"
