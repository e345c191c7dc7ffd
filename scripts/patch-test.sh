#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Prove the series in out/patches/ is what it claims: on a pristine
# linux-source-6.12, 'git am' the patches one at a time and build the
# tree after each one with the VM configuration and
# CONFIG_SECURITY_WARDEN=y; the files of security/warden the patch adds
# or changes must also compile W=1 clean, and its objects may use only
# their own commit and earlier ones
# (scripts/layers.py).  Prints one line per patch and stops at the first
# that does not apply or build.  The extracted tree and its build stay in
# the cache, so a later run rebuilds only what the series changes.

set -euo pipefail
. "$(dirname "$0")/lib.sh"

dir=$cache/patch-test
src=$dir/linux
build=$dir/build
logs=$dir/logs
jobs=${JOBS:-$(nproc)}

patches=("$repo"/out/patches/*.patch)
[ -f "${patches[0]}" ] || die "no patches in $repo/out/patches: run 'make patch'"

in_src() {
	git -C "$src" -c user.name=patch-test -c user.email=patch-test@localhost \
		"$@"
}

stamp=$(stat -c '%s %Y' "$tarball")
if [ ! -d "$src/.git" ] || [ "$(cat "$dir/tarball" 2>/dev/null)" != "$stamp" ]; then
	echo "patch-test: extracting $tarball"
	rm -rf "$dir"
	mkdir -p "$src"
	tar -xJf "$tarball" -C "$src" --strip-components=1
	in_src init -q
	# Debian's tarball ignores everything at its top level in .gitignore.
	in_src add -A -f
	in_src commit -q -m "Linux $(make -s -C "$src" kernelversion) as extracted"
	in_src tag pristine
	echo "$stamp" >"$dir/tarball"
else
	in_src am --abort >/dev/null 2>&1 || true
	in_src reset -q --hard pristine
	in_src clean -q -ffdx
	# Objects of a previous run's later patches would be checked too.
	rm -rf "$build/security/warden"
fi
rm -rf "$logs"
mkdir -p "$logs"

# The VM configuration, without the Warden options the tree does not have
# yet: they arrive with the patch that first uses them.
step_config() {
	local line sym kconfig=$src/security/warden/Kconfig

	while IFS= read -r line; do
		case $line in
		CONFIG_SECURITY_WARDEN_*=*)
			sym=${line%%=*}
			grep -qx "config ${sym#CONFIG_}" "$kconfig" 2>/dev/null ||
				continue
			;;
		esac
		echo "$line"
	done <"$repo/configs/qemu.config" >"$dir/qemu.config"
}

fail() {
	echo "patch-test: $name: $1 (log: $log)"
	tail -n 40 "$log" | sed 's/^/    /'
	exit 1
}

for p in "${patches[@]}"; do
	name=$(basename "$p")
	log=$logs/${name%.patch}.log
	start=$SECONDS
	in_src am -q "$p" >"$log" 2>&1 || fail "does not apply"
	step_config
	KSRC=$src WARDEN_CACHE=$cache WARDEN_CONFIGS=$dir/qemu.config \
		JOBS=$jobs "$repo/scripts/build-kernel.sh" "$build" >>"$log" 2>&1 ||
		fail "FAILED to build"
	grep -qx 'CONFIG_SECURITY_WARDEN=y' "$build/.config" ||
		fail "the build does not have CONFIG_SECURITY_WARDEN=y"
	# W=1 on the files of security/warden this patch adds or changes: a
	# file never changes after its patch, nor do the headers it includes.
	# Only real objects: tests/*_kunit.c, not built without the KUnit
	# tests, have none.
	w1=$(in_src diff --name-only HEAD~1 HEAD -- 'security/warden/*.c' |
		sed 's/\.c$/.o/' | while read -r o; do
			[ ! -f "$build/$o" ] || echo "$o"
		done)
	if [ -n "$w1" ]; then
		# shellcheck disable=SC2086
		make -s -C "$src" O="$build" -j"$jobs" W=1 $w1 \
			>"$logs/w1.log" 2>&1 || true
		grep -v '^  [A-Z]\+ ' "$logs/w1.log" >>"$log" &&
			fail "security/warden is not W=1 clean"
	fi
	"$repo/scripts/layers.py" deps "$build" --quiet >"$logs/layers.log" 2>&1 ||
		{ cat "$logs/layers.log" >>"$log"; fail "layering broken"; }
	w1_done="no file of security/warden changed"
	[ -z "$w1" ] || w1_done="W=1 clean: $(echo "$w1" |
		sed 's|security/warden/||' | tr '\n' ' ')"
	echo "patch-test: $name: builds; ${w1_done% }; $(sed -n \
		's/^layers: \([0-9]*\) objects[^;]*\(; .*\)\{0,1\}$/\1 objects in layer order\2/p' \
		"$logs/layers.log") ($((SECONDS - start)) s)"
done
# The warnings of the last step (cycles inside one commit) cover them all.
sed -n 's/^warning: /patch-test: warning: /p' "$logs/layers.log"
echo "patch-test: all ${#patches[@]} patches apply with git am and build after each one"
