// SPDX-License-Identifier: GPL-2.0
/*
 * Warden selftests - a small daemon that does one thing, for the tests
 * and the demo that turn its denials into policy.
 *
 * Copied to a path of its own, it runs in the domain of that path and:
 *   console  opens /dev/console for reading and writing and writes a line
 *            (when refused, it tries to open it for writing only)
 *   read F   reads the file F
 * It prints what it did or why it could not, and exits 0 when it could,
 * 1 when it was refused.
 */

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/*
 * Print with write(): stdio would fstat() stdout first, a request of its
 * own that the tests do not want in the daemon's records.
 */
static void say(const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n > 0 && write(STDOUT_FILENO, buf, n < (int)sizeof(buf) ? n :
			   (int)sizeof(buf) - 1) < 0)
		return;
}

/*
 * Like many daemons, it wants the console read and write, and falls back
 * to writing only; so an enforcing denial of both leaves two records.
 */
static int use_console(void)
{
	static const char line[] = "daemon: hello\n";
	int fd = open("/dev/console", O_RDWR | O_NOCTTY | O_CLOEXEC);

	if (fd < 0) {
		say("console read/write: %s\n", strerror(errno));
		fd = open("/dev/console", O_WRONLY | O_NOCTTY | O_CLOEXEC);
		if (fd < 0)
			say("console write: %s\n", strerror(errno));
		else
			close(fd);
		return 1;
	}
	if (write(fd, line, strlen(line)) < 0) {
		say("console: %s\n", strerror(errno));
		close(fd);
		return 1;
	}
	close(fd);
	say("console: written\n");
	return 0;
}

static int read_file(const char *path)
{
	char buf[256];
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	ssize_t n;

	if (fd < 0) {
		say("read %s: %s\n", path, strerror(errno));
		return 1;
	}
	n = read(fd, buf, sizeof(buf));
	close(fd);
	if (n < 0) {
		say("read %s: %s\n", path, strerror(errno));
		return 1;
	}
	say("read %s: %zd bytes\n", path, n);
	return 0;
}

int main(int argc, char *argv[])
{
	if (argc == 2 && !strcmp(argv[1], "console"))
		return use_console();
	if (argc == 3 && !strcmp(argv[1], "read"))
		return read_file(argv[2]);
	say("usage: %s console | read FILE\n", argv[0]);
	return 2;
}
