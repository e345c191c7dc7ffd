/* SPDX-License-Identifier: GPL-2.0-only */
/* <linux/rcupdate.h> for the tools: see ../shim.h. */
#include "../shim.h"
