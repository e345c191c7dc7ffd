#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Install the Debian packages that Warden's build, tests and demo need.
# Quiet and quick when everything is already installed.

set -euo pipefail

packages=(
	bc bison build-essential cpio flex git kmod libelf-dev libssl-dev
	python3 xz-utils patch perl rsync
	linux-source-6.12
	qemu-system-x86
	busybox-static
	sparse
	tomoyo-tools tmux
	libncurses-dev
	gnuplot-nox
)

missing=()
for pkg in "${packages[@]}"; do
	status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
	[ "$status" = "install ok installed" ] || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "deps: installing ${missing[*]}"
sudo=
[ "$(id -u)" -eq 0 ] || sudo=sudo
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "deps: done"
