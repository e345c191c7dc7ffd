#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Boot the VM kernel in QEMU with an initramfs that runs SCRIPT as root,
# print what the script prints, and exit with its exit status.  A VM that
# does not finish within $TIMEOUT seconds is killed and the run fails.
#
# Usage: vm-run.sh SCRIPT|--interactive
# Environment: APPEND (kernel command line additions; the default enables
# Warden with lsm=warden), TIMEOUT, ACCEL (tcg or kvm), KERNEL, VM_LOG.

set -euo pipefail
. "$(dirname "$0")/lib.sh"

script=${1:?usage: vm-run.sh SCRIPT|--interactive}
kernel=${KERNEL:-$cache/build/x86_64/arch/x86/boot/bzImage}
append=${APPEND-lsm=warden}
timeout=${TIMEOUT:-300}
accel=${ACCEL:-tcg}
log=${VM_LOG:-$repo/out/vm-console.log}

[ -f "$kernel" ] || die "no kernel at $kernel: run 'make kernel'"
mkdir -p "$(dirname "$log")"
initrd=$(mktemp --suffix=.cpio)
trap 'rm -f "$initrd"' EXIT
"$repo/scripts/mkinitramfs.sh" "$initrd" "$script"

# TCG gives the guest a jiffy-resolution clock unless it may trust the
# TSC of an emulated modern CPU.
cmdline="console=ttyS0 panic=-1 quiet tsc=reliable clocksource=tsc $append"
qemu=(qemu-system-x86_64 -machine pc -accel "$accel" -cpu max -smp 2
      -m 1G -nographic -no-reboot -kernel "$kernel" -initrd "$initrd"
      -append "$cmdline")

if [ "$script" = --interactive ]; then
	exec "${qemu[@]}"
fi

start=$(date +%s.%N)
set +e
timeout -k 5 "$timeout" "${qemu[@]}" </dev/null 2>&1 | tr -d '\r' |
	tee "$log" | awk '
		/WARDEN-VM-EXIT [0-9]+$/ { inside = 0 }
		inside { print; fflush() }
		/WARDEN-VM-BEGIN uptime=/ { inside = 1 }'
status=${PIPESTATUS[0]}
set -e
end=$(date +%s.%N)

if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
	echo "vm-run: timed out after ${timeout}s; console log in $log" >&2
	exit 124
fi
rc=$(sed -n 's/.*WARDEN-VM-EXIT \([0-9]*\)$/\1/p' "$log" | tail -n 1)
boot=$(sed -n 's/.*WARDEN-VM-BEGIN uptime=\([0-9.]*\)$/\1/p' "$log")
if [ -z "$rc" ]; then
	echo "vm-run: the VM stopped before the script finished (qemu exit $status); console log in $log" >&2
	grep -E 'Kernel panic|BUG:|Oops' "$log" >&2 || true
	exit 125
fi
printf 'vm-run: init reached at %ss of guest uptime; %.1fs wall; exit %s\n' \
	"${boot:-?}" "$(echo "$end - $start" | bc)" "$rc" >&2
exit "$rc"
