#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Write the patch series to out/patches/: a git format-patch series that
# applies with 'git am' to a pristine 6.12 tree.  Each "commit" block of
# patches/series becomes one commit, built in a scratch repository that
# holds only the kernel files the series touches, at their pristine
# content (so the blob ids in the patches are those of the real tree).
# In every commit the "grow" files of the series are trimmed to the files
# present so far (scripts/layers.py grow); after the last one every
# overlay file must be the repository's, byte for byte.

set -euo pipefail
. "$(dirname "$0")/lib.sh"

out=${1:-$repo/out/patches}
pristine=$tree/.warden-pristine
[ -d "$pristine" ] || die "no pristine files in $tree: run 'make ksrc'"
"$repo/scripts/layers.py" check || die "patches/series: see above"

author="Warden Developers <warden-dev@lists.example.org>"
export GIT_AUTHOR_NAME="Warden Developers"
export GIT_AUTHOR_EMAIL="warden-dev@lists.example.org"
export GIT_COMMITTER_NAME=$GIT_AUTHOR_NAME
export GIT_COMMITTER_EMAIL=$GIT_AUTHOR_EMAIL
export GIT_AUTHOR_DATE="$(git -C "$repo" log -1 --format=%aI 2>/dev/null ||
			  date -R)"
export GIT_COMMITTER_DATE=$GIT_AUTHOR_DATE

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git -C "$work" init -q
while read -r kind arg; do
	[ "$kind" = patch ] || continue
	for f in $(patch_files "$repo/patches/$arg"); do
		[ -f "$pristine/$f" ] || die "$f has no pristine copy: run 'make ksrc'"
		mkdir -p "$work/$(dirname "$f")"
		cp "$pristine/$f" "$work/$f"
	done
done < <(series_lines)
git -C "$work" add -A
git -C "$work" commit -q -m "pristine files touched by the series"
base=$(git -C "$work" rev-parse HEAD)

commit_block() {
	local name=$1 msg=$repo/patches/commits/$1.txt

	[ -f "$msg" ] || die "no commit message $msg"
	"$repo/scripts/layers.py" grow "$work" ||
		die "commit $name: cannot trim the grow files"
	git -C "$work" add -A
	! git -C "$work" diff --cached --quiet ||
		die "commit $name changes nothing"
	{ cat "$msg"; echo; echo "Signed-off-by: $author"; } |
		git -C "$work" commit -q -F -
}

current=
while read -r kind arg; do
	case $kind in
	commit)
		[ -z "$current" ] || commit_block "$current"
		current=$arg
		;;
	patch)
		patch -p1 -s -f --no-backup-if-mismatch -d "$work" \
			<"$repo/patches/$arg" || die "patches/$arg does not apply"
		;;
	overlay)
		for f in $(overlay_files "$arg"); do
			mkdir -p "$work/$(dirname "$f")"
			cp "$repo/$f" "$work/$f"
		done
		;;
	split | tree | grow)
		;;
	*)
		die "patches/series: unknown line '$kind $arg'"
		;;
	esac
done < <(series_lines)
[ -z "$current" ] || commit_block "$current"

while read -r kind arg; do
	[ "$kind" = overlay ] || continue
	for f in $(overlay_files "$arg"); do
		cmp -s "$repo/$f" "$work/$f" ||
			die "$f after the last commit is not the repository's"
	done
done < <(series_lines)

rm -rf "$out"
mkdir -p "$out"
git -C "$work" format-patch -q --no-signature -o "$out" "$base..HEAD"
echo "patch: $(ls "$out" | wc -l) patches in $out"
# One line per patch: its name, the files it touches, the lines it adds.
for c in $(git -C "$work" rev-list --reverse "$base..HEAD"); do
	git -C "$work" show --format= --numstat "$c" |
		awk -v p="$(git -C "$work" show -s --format=%s "$c")" \
		'{ n++; a += $1 } END { printf "  %-62s %2d files %+6d\n", p, n, a }'
done
