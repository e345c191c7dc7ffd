/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What the tools' host tests share: the kernel's kselftest harness (it
 * runs on the host as it does in the VM) and a string check that takes a
 * NULL from a read that failed as a failure, not a crash.
 */

#ifndef WARDEN_TOOLS_TEST_H
#define WARDEN_TOOLS_TEST_H

#include <dirent.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "io.h"
#include "kselftest_harness.h"

/* The built tools: the Makefile puts tests in $(O)/tests, tools in $(O). */
static inline bool wd_test_tools_dir(char *dir, size_t size)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);

	if (n <= 0)
		return false;
	exe[n] = '\0';
	return snprintf(dir, size, "%s", dirname(dirname(exe))) < (int)size;
}

static inline const char *wd_test_text(const char *text)
{
	return text ? text : "(null)";
}

/* What one run of a tool did. */
struct run {
	int status;		/* exit status, or -1 if it did not exit */
	char *out, *err;
};

/*
 * Run @tools/@tool with @args (NULL-terminated, at most 30) in @dir and
 * the environment @envp, feeding it @input on stdin; stdout and stderr
 * go through files in @dir, so a chatty tool cannot block on a full pipe.
 */
static inline struct run wd_test_run(const char *dir, const char *tools,
				     char *const envp[], const char *tool,
				     const char *input,
				     const char *const *args)
{
	struct run r = { -1, NULL, NULL };
	const char *argv[32];
	char *files[3];
	int i, status;
	pid_t pid;

	files[0] = wd_path(dir, "stdin");
	files[1] = wd_path(dir, "stdout");
	files[2] = wd_path(dir, "stderr");
	wd_save_file(files[0], input ? input : "", input ? strlen(input) : 0);
	argv[0] = wd_path(tools, tool);
	for (i = 0; args[i] && i < 30; i++)
		argv[i + 1] = args[i];
	argv[i + 1] = NULL;
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		for (i = 0; i < 3; i++) {
			int fd = open(files[i], i ? O_WRONLY | O_CREAT | O_TRUNC
					       : O_RDONLY, 0600);

			if (fd < 0 || dup2(fd, i) < 0)
				_exit(126);
			close(fd);
		}
		if (chdir(dir))
			_exit(126);
		execve(argv[0], (char **)argv, envp);
		_exit(127);
	}
	if (pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status))
		r.status = WEXITSTATUS(status);
	r.out = wd_read_file(files[1], 0, NULL);
	r.err = wd_read_file(files[2], 0, NULL);
	for (i = 0; i < 3; i++)
		free(files[i]);
	free((char *)argv[0]);
	return r;
}

static inline void run_free(struct run *r)
{
	free(r->out);
	free(r->err);
}

/* Write @len bytes of @text to @dir/@name, or end the test program. */
static inline void put_len(const char *dir, const char *name,
			   const char *text, size_t len)
{
	char *path = wd_path(dir, name);

	if (wd_save_file(path, text, len)) {
		perror(path);
		exit(1);
	}
	free(path);
}

/* Write the string @text to @dir/@name, or end the test program. */
static inline void put(const char *dir, const char *name, const char *text)
{
	put_len(dir, name, text, strlen(text));
}

/* What @dir/@name holds, malloc'd; NULL when it cannot be read. */
static inline char *get(const char *dir, const char *name)
{
	char *path = wd_path(dir, name), *text;

	text = wd_read_file(path, 0, NULL);
	free(path);
	return text;
}

/* Entries of a directory besides "." and "..", or -1. */
static inline int count_entries(const char *dir)
{
	struct dirent *de;
	int n = 0;
	DIR *d = opendir(dir);

	if (!d)
		return -1;
	while ((de = readdir(d)))
		n += strcmp(de->d_name, ".") && strcmp(de->d_name, "..");
	closedir(d);
	return n;
}

/* Whether @text (NULL from a failed read: no) holds @part. */
static inline bool contains(const char *text, const char *part)
{
	return text && strstr(text, part);
}

/* EXPECT_STREQ, with the arguments in the order they read: got, want. */
#define EXPECT_TEXT(got, want) EXPECT_STREQ((want), wd_test_text(got))

#endif /* WARDEN_TOOLS_TEST_H */
