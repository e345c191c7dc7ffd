/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * <linux/types.h> for the tools: the system's own header (libc includes it
 * too), then ../shim.h.
 */
#include_next <linux/types.h>
#include "../shim.h"
