#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Build the VM's initramfs: busybox-static, /init, the statically linked
# selftests and tools found in the cache, and the script to run.
# Usage: mkinitramfs.sh OUTPUT SCRIPT|--interactive

set -euo pipefail
. "$(dirname "$0")/lib.sh"

output=$1
script=$2
busybox=/bin/busybox
[ -x "$busybox" ] || die "$busybox is missing: run 'make deps'"

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
# mktemp makes the directory 0700; "/" of a real system lets everyone in.
chmod 755 "$root"
mkdir -p "$root/bin" "$root/opt/warden/bin" "$root/opt/warden/selftests"
cp "$busybox" "$root/bin/busybox"
cp "$repo/scripts/vm/init" "$root/init"
chmod 755 "$root/init"

# Programs built for the VM, all statically linked.
for dir in selftests bin; do
	src=$cache/vm/$dir
	[ -d "$src" ] && cp -a "$src/." "$root/opt/warden/$dir/"
done

# Warden's reference library of policy modules, where the tools' install
# puts it.
if [ -d "$repo/tools/warden/modules" ]; then
	mkdir -p "$root/usr/share/warden/modules"
	cp -a "$repo/tools/warden/modules/." "$root/usr/share/warden/modules/"
fi

# Debian's tomoyo-tools, dynamically linked, only for the scripts that
# ask for them.
if [ "$script" != --interactive ] &&
	grep -qx '# vm-needs: tomoyo-tools' "$script"; then
	"$repo/scripts/tomoyo-tools-root.sh" "$root"
fi

# Files a boot hands to the next (the policy round trip between kernels).
if [ -n "${WARDEN_VM_OVERLAY:-}" ]; then
	cp -a "$WARDEN_VM_OVERLAY/." "$root/"
fi

if [ "$script" = --interactive ]; then
	touch "$root/opt/warden/interactive"
	chmod 755 "$root/opt/warden/interactive"
else
	[ -f "$script" ] || die "no such script: $script"
	cp "$script" "$root/opt/warden/script.sh"
fi

(cd "$root" && find . | LC_ALL=C sort |
	cpio --quiet -o -H newc --owner=0:0) >"$output.tmp"
mv "$output.tmp" "$output"
