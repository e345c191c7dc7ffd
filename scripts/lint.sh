#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# The style bar: checkpatch --strict over the patch series, sparse (C=2)
# and W=1 over security/warden, and kernel-doc -Wall over its files.  Any
# diagnostic fails.  Writes the results to out/results/lint.counts.

set -uo pipefail
. "$(dirname "$0")/lib.sh"

build=$cache/build/x86_64
results=$repo/out/results
log=$repo/out/lint
mkdir -p "$results" "$log"
passed=0
failed=0

# Run one lint step: name, then the command; its output is the list of
# diagnostics, so any output at all is a failure.
step() {
	local name=$1

	shift
	"$@" >"$log/$name.log" 2>&1
	local rc=$?
	if [ $rc -eq 0 ] && [ ! -s "$log/$name.log" ]; then
		echo "lint: $name: ok"
		passed=$((passed + 1))
	else
		echo "lint: $name: FAILED"
		sed 's/^/    /' "$log/$name.log"
		failed=$((failed + 1))
	fi
}

checkpatch() {
	local p out

	"$repo/scripts/mkpatch.sh" "$repo/out/patches" >/dev/null || return 1
	# checkpatch asks "does MAINTAINERS need updating?" of every patch
	# that adds a file without touching MAINTAINERS, as the layers after
	# the first do; layers.py answers it: each file the series adds must
	# be under an F: entry that patch or an earlier one adds.
	"$repo/scripts/layers.py" maintained "$repo"/out/patches/*.patch ||
		return 1
	for p in "$repo"/out/patches/*.patch; do
		out=$("$tree/scripts/checkpatch.pl" --strict --no-tree \
			--show-types -q --ignore FILE_PATH_CHANGES "$p") ||
			{ echo "$out"; return 1; }
		[ -z "$out" ] || echo "$out"
	done
}

# The two builds whose security/warden is checked: the VM kernel (the
# hooks as they ship) and the UML KUnit kernel (the same code with the
# KUnit tests compiled in).
kunit_build=$cache/build/kunit

prepare_kunit_build() {
	if [ -f "$kunit_build/.config" ]; then
		# Kconfig may have grown since: take the defaults of new options.
		make -s -C "$tree" O="$kunit_build" ARCH=um olddefconfig >/dev/null
		return
	fi
	(cd "$tree" && python3 tools/testing/kunit/kunit.py config \
		--kunitconfig=security/warden --build_dir="$kunit_build") \
		>/dev/null
}

# Compile security/warden in both builds with the given extra make
# arguments and print only the diagnostics, not the progress lines.
compile_warden() {
	[ -f "$build/.config" ] || { echo "no $build/.config: run 'make kernel'"; return 1; }
	prepare_kunit_build || { echo "cannot configure $kunit_build"; return 1; }
	for args in "O=$build" "O=$kunit_build ARCH=um"; do
		# shellcheck disable=SC2086
		make -s -C "$tree" $args -j"$(nproc)" "$@" security/warden/ 2>&1 |
			grep -v '^  [A-Z]\+ ' || true
	done
}

sparse_check() {
	command -v sparse >/dev/null || { echo "sparse is not installed"; return 1; }
	compile_warden C=2
}

w1_check() {
	# Force a rebuild so that W=1 sees every file, then return the
	# objects to the normal flags.
	touch "$tree"/security/warden/*.c
	compile_warden W=1
	touch "$tree"/security/warden/*.c
}

kernel_doc() {
	"$tree/scripts/kernel-doc" -none -Wall "$tree"/security/warden/*.[ch]
	# kernel-doc checks the comments there are; this finds missing ones.
	"$repo/scripts/kdoc-coverage.py" "$tree"/security/warden/*.c
}

step checkpatch checkpatch
step sparse sparse_check
step W=1 w1_check
step kernel-doc kernel_doc

echo "$passed $failed 0" >"$results/lint.counts"
[ "$failed" -eq 0 ]
