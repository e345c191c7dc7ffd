/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * <linux/errno.h> for the tools: the system's own header (libc includes it
 * too), then ../shim.h.
 */
#include_next <linux/errno.h>
#include "../shim.h"
