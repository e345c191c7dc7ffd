# SPDX-License-Identifier: GPL-2.0-only
#
# Prologue of a `make check-debug` boot, run before the suite's script:
# forget what kmemleak saw while booting, so that a report is about an
# object the tests allocated.

# A kernel without debugfs (the KCSAN one) has no kmemleak either.
[ -d /sys/kernel/debug ] && mount -t debugfs debugfs /sys/kernel/debug
if [ -w /sys/kernel/debug/kmemleak ]; then
	echo scan >/sys/kernel/debug/kmemleak
	echo clear >/sys/kernel/debug/kmemleak
fi
