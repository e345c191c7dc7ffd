/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Warden selftests - running Warden's tools from the image, and policy
 * modules: the reference library, and a store that the test may load
 * again after loading it.
 */

#ifndef _SELFTESTS_WARDEN_MODULE_COMMON_H
#define _SELFTESTS_WARDEN_MODULE_COMMON_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "enforce_common.h"

#define TOOLS_DIR "/opt/warden/bin"
#define LIBRARY "/usr/share/warden/modules"
#define TOOL_ARGS_MAX 16

/* The child's stderr goes where its stdout goes: both are collected. */
static inline int stderr_to_stdout(void *arg)
{
	return dup2(STDOUT_FILENO, STDERR_FILENO) < 0;
}

/*
 * Run TOOLS_DIR/@tool with the arguments that follow, up to a NULL (at
 * most TOOL_ARGS_MAX); what it prints, stdout and stderr, lands in @out.
 * Returns its exit status, or -errno.
 */
static inline int run_tool(char *out, size_t size, const char *tool, ...)
{
	const char *argv[TOOL_ARGS_MAX + 2] = { tool };
	char path[256];
	va_list ap;
	int i = 1;

	va_start(ap, tool);
	while (i <= TOOL_ARGS_MAX && (argv[i] = va_arg(ap, const char *)))
		i++;
	va_end(ap);
	argv[i] = NULL;
	snprintf(path, sizeof(path), TOOLS_DIR "/%s", tool);
	return run_program(path, (char *const *)argv, stderr_to_stdout, NULL,
			   out, size);
}

/*
 * The library's base module lists the managers of a real system, which
 * the test program is not: install the same base without them into
 * @store, at a higher priority (through @dir), so that the test may load
 * the next policy; @profiles (or NULL) are profile lines to add.
 * Returns 0, or nonzero.
 */
static inline int install_test_base(const char *store, const char *dir,
				    const char *profiles)
{
	size_t size = 65536, len = 0;
	char *base = malloc(size), *text = malloc(size), out[4096], path[256];
	char *cur, *line;
	bool managers = false;
	int err;

	if (!base || !text || read_whole_file(LIBRARY "/base.pol", base, size) < 0) {
		free(base);
		free(text);
		return -1;
	}
	cur = base;
	while ((line = strsep(&cur, "\n")) && len + 4096 < size) {
		if (line[0] == '[')
			managers = !strcmp(line, "[manager]");
		if (managers && !strcmp(line, "[manager]") && profiles)
			len += snprintf(text + len, size - len, "%s", profiles);
		if (!managers)
			len += snprintf(text + len, size - len, "%s\n", line);
	}
	snprintf(path, sizeof(path), "%s/base.pol", dir);
	err = line ? -E2BIG : write_text(path, text, 0644);
	free(base);
	free(text);
	if (!err)
		err = run_tool(out, sizeof(out), "warden-module", "--store",
			       store, "install", "-p", "500", path, NULL);
	return err;
}

#endif /* _SELFTESTS_WARDEN_MODULE_COMMON_H */
