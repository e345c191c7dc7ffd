/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * <linux/string.h> for the tools: the system's own header (libc includes it
 * too), then ../shim.h.
 */
#include_next <linux/string.h>
#include "../shim.h"
