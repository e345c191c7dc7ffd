# SPDX-License-Identifier: GPL-2.0-only
#
# Epilogue of a `make check-debug` boot, run after the suite's script:
# an explicit kmemleak scan once every object the tests allocated is old
# enough to be reported, then the whole kernel log, which the host scans
# for reports that a quiet console does not show (warnings, lockdep).

if [ -w /sys/kernel/debug/kmemleak ]; then
	# kmemleak reports objects older than 5 s, and an object seen on
	# the stack of a running task is not reported on the first scan.
	sleep 6
	echo scan >/sys/kernel/debug/kmemleak
	echo scan >/sys/kernel/debug/kmemleak
	echo "WARDEN-KMEMLEAK-BEGIN"
	cat /sys/kernel/debug/kmemleak
	echo "WARDEN-KMEMLEAK-END"
else
	echo "WARDEN-KMEMLEAK-MISSING"
fi
echo "WARDEN-DMESG-BEGIN"
dmesg
echo "WARDEN-DMESG-END"
