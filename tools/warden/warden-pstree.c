// SPDX-License-Identifier: GPL-2.0-only
/*
 * warden-pstree - the process tree with each process's profile and domain.
 *
 * For every process in /proc it asks the kernel's .process_status file
 * ("global-pid <pid>" written, "<pid> <profile> <domainname>" read back on
 * the same open file) and prints one line per process, children below
 * their parent:
 *
 *     1 init (1) <kernel> /sbin/init
 *     1 +- sshd (300) <kernel> /sbin/init /usr/sbin/sshd
 *     1    +- sh (301) <kernel> /sbin/init /usr/sbin/sshd /bin/sh
 *
 * Processes that exit while the tree is read are left out silently.
 */

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "escape.h"
#include "iface.h"
#include "io.h"
#include "util.h"

struct process {
	int pid, ppid;
	unsigned int profile;
	char *comm;		/* escaped, as a policy word */
	char *domain;
	int parent;		/* index in the table, or -1 */
	int child, sibling;	/* first child and next sibling, or -1 */
};

static struct process *procs;
static size_t nprocs, procs_size;

static void usage(FILE *out)
{
	fprintf(out,
		"Usage: warden-pstree [--help]\n"
		"Print the process tree with each process's profile, name, pid\n"
		"and domain.  Processes are read from $PROC_DIR (default /proc),\n"
		"domains from $WARDEN_DIR/.process_status (default %s).\n"
		"  -h, --help  show this help and exit\n"
		"Exit status: 0 printed, 1 the kernel or /proc failed, 2 bad usage.\n",
		WD_DEFAULT_DIR);
}

/* The name and parent of a process from its stat file; -1 if gone. */
static int read_stat(const char *proc, int pid, char **comm, int *ppid)
{
	char name[64], *path, *text, *open, *close;
	int ret = -1;

	snprintf(name, sizeof(name), "%d/stat", pid);
	path = wd_path(proc, name);
	text = wd_read_file(path, 0, NULL);
	free(path);
	if (!text)
		return -1;
	/* The name may itself hold ')' or spaces: it ends at the last ')'. */
	open = strchr(text, '(');
	close = strrchr(text, ')');
	if (open && close && close > open &&
	    sscanf(close + 1, " %*c %d", ppid) == 1) {
		*comm = wd_encode(open + 1, close - open - 1);
		ret = 0;
	}
	free(text);
	return ret;
}

/*
 * Ask the kernel about one pid.  Returns 0, 1 if the process is gone, -1
 * on an error of the interface.  The answer is read from the start of the
 * file, and only a line naming this pid counts: an answer about another
 * process is no answer about this one.
 */
static int ask_kernel(int fd, const char *path, struct process *p)
{
	char request[32], prefix[16], *answer, *line;
	int len = snprintf(request, sizeof(request), "global-pid %d\n", p->pid);
	int plen = snprintf(prefix, sizeof(prefix), "%d ", p->pid);

	if (lseek(fd, 0, SEEK_SET) < 0 || write(fd, request, len) != len) {
		if (errno == ESRCH)
			return 1;
		wd_perror(path);
		return -1;
	}
	if (lseek(fd, 0, SEEK_SET) < 0 || !(answer = wd_read_fd(fd, 0, NULL))) {
		wd_perror(path);
		return -1;
	}
	for (line = answer; *line; line += strcspn(line, "\n") + 1) {
		char *end;

		if (strncmp(line, prefix, plen)) {
			if (!strchr(line, '\n'))
				break;
			continue;
		}
		p->profile = strtoul(line + plen, &end, 10);
		if (end == line + plen || *end != ' ')
			break;
		p->domain = wd_xstrndup(end + 1, strcspn(end + 1, "\n"));
		free(answer);
		return 0;
	}
	wd_error("%s: no answer for pid %d", path, p->pid);
	free(answer);
	return -1;
}

static struct process *new_proc(void)
{
	if (nprocs == procs_size) {
		procs_size = procs_size ? procs_size * 2 : 256;
		procs = wd_xrealloc(procs, procs_size * sizeof(*procs));
	}
	memset(&procs[nprocs], 0, sizeof(*procs));
	return &procs[nprocs];
}

static int is_pid(const char *name)
{
	if (!*name)
		return 0;
	for (; *name; name++)
		if (!isdigit((unsigned char)*name))
			return 0;
	return 1;
}

static int collect(const char *proc, int fd, const char *status)
{
	struct dirent *de;
	int ret = 0, r;
	DIR *dir;

	dir = opendir(proc);
	if (!dir) {
		wd_perror(proc);
		return -1;
	}
	while ((de = readdir(dir))) {
		struct process *p;

		if (!is_pid(de->d_name))
			continue;
		p = new_proc();
		p->pid = atoi(de->d_name);
		if (read_stat(proc, p->pid, &p->comm, &p->ppid))
			continue;
		r = ask_kernel(fd, status, p);
		if (r) {
			free(p->comm);
			if (r < 0) {
				ret = -1;
				break;
			}
			continue;
		}
		nprocs++;
	}
	closedir(dir);
	return ret;
}

static int by_pid(const void *a, const void *b)
{
	const struct process *x = a, *y = b;

	return (x->pid > y->pid) - (x->pid < y->pid);
}

/* Link each process under its parent, children in pid order. */
static void link_tree(void)
{
	struct process key;
	size_t i;

	qsort(procs, nprocs, sizeof(*procs), by_pid);
	for (i = 0; i < nprocs; i++)
		procs[i].child = procs[i].sibling = -1;
	for (i = nprocs; i-- > 0;) {
		struct process *parent;

		key.pid = procs[i].ppid;
		parent = procs[i].ppid == procs[i].pid ? NULL :
			bsearch(&key, procs, nprocs, sizeof(*procs),
				by_pid);
		procs[i].parent = parent ? parent - procs : -1;
		if (parent) {
			procs[i].sibling = parent->child;
			parent->child = i;
		}
	}
}

static void print_tree(int i, int depth)
{
	const struct process *p = &procs[i];
	int c;

	printf("%3u ", p->profile);
	if (depth)
		printf("%*s+- ", (depth - 1) * 3, "");
	printf("%s (%d) %s\n", p->comm, p->pid, p->domain);
	for (c = p->child; c >= 0; c = procs[c].sibling)
		print_tree(c, depth + 1);
}

int main(int argc, char **argv)
{
	const char *proc = getenv("PROC_DIR");
	char *status;
	size_t i;
	int fd, ret;

	wd_options_help_only(argc, argv, usage);
	if (!proc || !*proc)
		proc = "/proc";
	status = wd_iface_path(".process_status");
	fd = open(status, O_RDWR | O_CLOEXEC);
	if (fd < 0) {
		wd_perror(status);
		free(status);
		return 1;
	}
	ret = collect(proc, fd, status) ? 1 : 0;
	close(fd);
	if (!ret) {
		link_tree();
		for (i = 0; i < nprocs; i++)
			if (procs[i].parent < 0)
				print_tree(i, 0);
		if (fflush(stdout)) {
			wd_perror("stdout");
			ret = 1;
		}
	}
	for (i = 0; i < nprocs; i++) {
		free(procs[i].comm);
		free(procs[i].domain);
	}
	free(procs);
	free(status);
	return ret;
}
