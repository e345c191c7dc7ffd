# SPDX-License-Identifier: GPL-2.0-only
#
# Shared settings of Warden's scripts: where the repository, the cache and
# the kernel tree are, and how the patch series is read.

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cache=${WARDEN_CACHE:-$HOME/.cache/warden}
tarball=${KSRC_TARBALL:-/usr/src/linux-source-6.12.tar.xz}
tree=${KSRC:-$cache/linux-source-6.12}

die() {
	echo "error: $*" >&2
	exit 1
}

# Print "<kind> <argument>" for every line of patches/series that is not
# blank or a comment.
series_lines() {
	grep -Ev '^[[:space:]]*(#|$)' "$repo/patches/series"
}

# The kernel files a patch modifies, one per line.
patch_files() {
	sed -n 's|^+++ b/\([^[:space:]]*\).*|\1|p' "$1"
}

# Every regular file below an overlay path of the repository, relative to
# the repository.
overlay_files() {
	(cd "$repo" && find "$1" -type f | LC_ALL=C sort)
}

# Copy $1 to $2 unless $2 already has the same content, so that the
# kernel build only sees files whose content changed.
install_if_changed() {
	if ! cmp -s "$1" "$2"; then
		mkdir -p "$(dirname "$2")"
		cp "$1" "$2"
		return 0
	fi
	return 1
}
