#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Bring the kernel tree to the state of this repository: extract Debian's
# linux-source-6.12 into the cache (again only when the package changed),
# apply patches/ and copy the overlay.  Only files whose content differs
# are written, so a rerun leaves the build incremental.

set -euo pipefail
. "$(dirname "$0")/lib.sh"

# A file of security/warden that no commit of the series names would be
# left out of the kernel tree: refuse it by name.
"$repo/scripts/layers.py" check || die "patches/series: see above"

if [ -z "${KSRC:-}" ]; then
	[ -f "$tarball" ] || die "$tarball is missing: run 'make deps'"
	stamp=$(stat -c '%s %Y' "$tarball")
	if [ ! -f "$tree/.warden-tarball" ] ||
	   [ "$(cat "$tree/.warden-tarball")" != "$stamp" ]; then
		echo "ksrc: extracting $tarball"
		rm -rf "$tree" "$tree.tmp"
		mkdir -p "$tree.tmp"
		tar -xJf "$tarball" -C "$tree.tmp" --strip-components=1
		echo "$stamp" >"$tree.tmp/.warden-tarball"
		mv "$tree.tmp" "$tree"
	fi
fi
[ -f "$tree/Makefile" ] && [ -d "$tree/security" ] ||
	die "$tree is not a kernel tree"

# Keep the original of every file a patch touches, the first time one
# does: patches are always applied to these, never to a patched file.
pristine=$tree/.warden-pristine
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT

touched=()
while read -r kind arg; do
	[ "$kind" = patch ] || continue
	for f in $(patch_files "$repo/patches/$arg"); do
		if [ ! -f "$pristine/$f" ]; then
			mkdir -p "$(dirname "$pristine/$f")"
			cp "$tree/$f" "$pristine/$f"
		fi
		if [ ! -f "$stage/$f" ]; then
			mkdir -p "$(dirname "$stage/$f")"
			cp "$pristine/$f" "$stage/$f"
			touched+=("$f")
		fi
	done
	patch -p1 -s -f --no-backup-if-mismatch -d "$stage" \
		<"$repo/patches/$arg" >"$stage/.patch.log" 2>&1 ||
		die "patches/$arg does not apply to $tree: $(cat "$stage/.patch.log")"
done < <(series_lines)

changed=0
for f in "${touched[@]}"; do
	install_if_changed "$stage/$f" "$tree/$f" && changed=$((changed + 1))
done

# Overlay: copy the repository's own files; remove those it no longer has.
manifest=$tree/.warden-overlay
: >"$stage/.manifest"
while read -r kind arg; do
	[ "$kind" = overlay ] || continue
	[ -e "$repo/$arg" ] || die "overlay path $arg is missing"
	for f in $(overlay_files "$arg"); do
		echo "$f" >>"$stage/.manifest"
		install_if_changed "$repo/$f" "$tree/$f" &&
			changed=$((changed + 1))
	done
done < <(series_lines)
if [ -f "$manifest" ]; then
	for f in $(comm -23 <(LC_ALL=C sort "$manifest") \
			    <(LC_ALL=C sort "$stage/.manifest")); do
		rm -f "$tree/$f"
		changed=$((changed + 1))
	done
fi
cp "$stage/.manifest" "$manifest"

version=$(make -s -C "$tree" kernelversion)
echo "ksrc: $tree (Linux $version), $changed file(s) updated"
