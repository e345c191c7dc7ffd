#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Copy Debian's tomoyo-tools, tmux and what they need at run time (their
# shared libraries, the dynamic loader, a few terminfo entries and a
# passwd file) into the initramfs tree ROOT, for the boots that test the
# TOMOYO-compatible interface with the real binaries.  Only the scripts
# that ask for it with a "# vm-needs: tomoyo-tools" line get it.
# Usage: tomoyo-tools-root.sh ROOT

set -euo pipefail
. "$(dirname "$0")/lib.sh"

root=${1:?usage: tomoyo-tools-root.sh ROOT}
command -v tmux >/dev/null && [ -x /sbin/tomoyo-init ] ||
	die "tomoyo-tools or tmux is missing: run 'make deps'"

# Every program of the package, at its own path.
mapfile -t programs < <(dpkg -L tomoyo-tools |
	grep -E '^(/usr)?/(s?bin|lib/tomoyo)/.' | while read -r f; do
		[ -f "$f" ] && [ -x "$f" ] && echo "$f"
	done)
programs+=("$(command -v tmux)")

copy() {
	mkdir -p "$root$(dirname "$1")"
	cp -L "$1" "$root$1"
}

for prog in "${programs[@]}"; do
	copy "$prog"
	# ldd lists "name => /path (addr)" and the loader as "/path (addr)".
	ldd "$prog" | grep -oE '/[^ ]+' | while read -r lib; do
		[ -e "$root$lib" ] || copy "$lib"
	done
done

for entry in s/screen s/screen-256color t/tmux t/tmux-256color v/vt100 \
	x/xterm l/linux; do
	for dir in /lib/terminfo /usr/share/terminfo; do
		[ -f "$dir/$entry" ] && { copy "$dir/$entry"; break; }
	done
done
# tmux wants a UTF-8 locale; glibc's C.utf8 is enough.
[ -d /usr/lib/locale/C.utf8 ] && { mkdir -p "$root/usr/lib/locale"; cp -a /usr/lib/locale/C.utf8 "$root/usr/lib/locale/"; }
mkdir -p "$root/etc" "$root/var/log/tomoyo"
echo 'root:x:0:0:root:/root:/bin/sh' >"$root/etc/passwd"
echo 'root:x:0:' >"$root/etc/group"
