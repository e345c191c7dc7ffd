// SPDX-License-Identifier: GPL-2.0-only
/*
 * The kernel's interface directory and the saved policy's directory; see
 * iface.h.
 */

#include <fcntl.h>
#include <stdlib.h>

#include "iface.h"
#include "io.h"
#include "util.h"

static const char *wd_env_or(const char *name, const char *fallback)
{
	const char *value = getenv(name);

	return value && *value ? value : fallback;
}

const char *wd_iface_dir(void)
{
	return wd_env_or("WARDEN_DIR", WD_DEFAULT_DIR);
}

const char *wd_policy_dir(void)
{
	return wd_env_or("WARDEN_POLICY_DIR", WD_DEFAULT_POLICY_DIR);
}

char *wd_iface_path(const char *name)
{
	return wd_path(wd_iface_dir(), name);
}

int wd_iface_open(const char *name, int flags)
{
	char *path = wd_iface_path(name);
	int fd = open(path, flags | O_CLOEXEC);

	if (fd < 0)
		wd_perror(path);
	free(path);
	return fd;
}
