/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Warden selftests - busybox httpd serving a directory and a CGI script,
 * as the TOMOYO guide's section 7.1 runs it: starting it on the loopback
 * interface, and GET requests to it.
 */

#ifndef _SELFTESTS_WARDEN_HTTPD_COMMON_H
#define _SELFTESTS_WARDEN_HTTPD_COMMON_H

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <signal.h>
#include <netinet/in.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#define HTTPD "/usr/sbin/httpd"
#define HTTPD_DOMAIN "<kernel> " HTTPD
#define PORT 18080
#define PORT_ARG "127.0.0.1:18080"

/*
 * The CGI script of the directory @www: "uname" runs /bin/uname, any
 * other query cats the file of that name under @www/data.
 */
#define CGI_SCRIPT(www) \
	"#!/bin/sh\n" \
	"echo \"Content-Type: text/plain\"\n" \
	"echo\n" \
	"case \"$QUERY_STRING\" in\n" \
	"uname) /bin/uname -s ;;\n" \
	"*) /bin/cat \"" www "/data/$QUERY_STRING\" ;;\n" \
	"esac\n"

/* The test VM starts with the loopback interface down. */
static inline int loopback_up(void)
{
	struct ifreq ifr = { .ifr_name = "lo" };
	int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0), err = 0;

	if (fd < 0)
		return -errno;
	if (ioctl(fd, SIOCGIFFLAGS, &ifr))
		err = -errno;
	ifr.ifr_flags |= IFF_UP;
	if (!err && ioctl(fd, SIOCSIFFLAGS, &ifr))
		err = -errno;
	close(fd);
	return err;
}

/* httpd in the foreground on 127.0.0.1:PORT, serving @www. */
static inline pid_t start_httpd(const char *www)
{
	char *const argv[] = {
		"httpd", "-f", "-p", PORT_ARG, "-h", (char *)www, NULL,
	};
	static char *const env[] = { "PATH=/sbin:/usr/sbin:/bin:/usr/bin", NULL };
	pid_t pid = fork();

	if (!pid) {
		execve(HTTPD, argv, env);
		_exit(127);
	}
	return pid;
}

/*
 * The process list's line of @pid ("pid profile domain"), as the policy
 * editor's '@' screen shows it.  Returns 0 or -errno.
 */
static inline int process_list_line(pid_t pid, char *buf, size_t size)
{
	int fd = open("/sys/kernel/security/warden/.process_status",
		      O_RDWR | O_CLOEXEC), err = 0;
	char ask[32];
	ssize_t n;

	if (fd < 0)
		return -errno;
	snprintf(ask, sizeof(ask), "%d\n", pid);
	if (write(fd, ask, strlen(ask)) != (ssize_t)strlen(ask))
		err = -EIO;
	n = err ? -1 : read(fd, buf, size - 1);
	if (!err && n < 0)
		err = -errno;
	buf[n > 0 ? n : 0] = '\0';
	close(fd);
	return err;
}

/* Stop the httpd of *@pid, if one was started. */
static inline void stop_httpd(pid_t *pid)
{
	if (*pid > 0) {
		kill(*pid, SIGTERM);
		waitpid(*pid, NULL, 0);
	}
	*pid = 0;
}

static inline int connect_httpd(void)
{
	struct sockaddr_in addr = {
		.sin_family = AF_INET,
		.sin_port = htons(PORT),
		.sin_addr.s_addr = htonl(INADDR_LOOPBACK),
	};
	struct timeval timeout = { .tv_sec = 20 };
	int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);

	if (fd < 0)
		return -1;
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof(timeout));
	if (connect(fd, (struct sockaddr *)&addr, sizeof(addr))) {
		close(fd);
		return -1;
	}
	return fd;
}

static inline bool wait_for_httpd(void)
{
	int i, fd;

	for (i = 0; i < 200; i++) {
		fd = connect_httpd();
		if (fd >= 0) {
			close(fd);
			return true;
		}
		usleep(50000);
	}
	return false;
}

/*
 * GET @uri over HTTP/1.0; the whole response in @buf.  Returns the status
 * code, or -1.
 */
static inline int http_get(const char *uri, char *buf, size_t size)
{
	char request[256];
	size_t done = 0;
	int fd, len, status = -1;
	ssize_t n;

	fd = connect_httpd();
	if (fd < 0)
		return -1;
	len = snprintf(request, sizeof(request),
		       "GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n", uri);
	if (write(fd, request, len) != len) {
		close(fd);
		return -1;
	}
	while (done + 1 < size && (n = read(fd, buf + done, size - 1 - done)) > 0)
		done += n;
	buf[done] = '\0';
	close(fd);
	if (sscanf(buf, "HTTP/1.%*d %d", &status) != 1)
		return -1;
	return status;
}

#endif /* _SELFTESTS_WARDEN_HTTPD_COMMON_H */
