// SPDX-License-Identifier: GPL-2.0-only
/*
 * warden-queryd: lets an administrator answer enforcing-mode violations
 * as they happen: grant, reject, retry, look at the domain's policy, or
 * add an (edited) entry to it and retry.  Answers may come from a
 * terminal or, for scripts, from a pipe.
 */

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "daemon.h"
#include "iface.h"
#include "io.h"
#include "util.h"
#include "record.h"

#define PROG "warden-queryd"
#define PROMPT "Allow? ('Y'es/'N'o/'R'etry/'S'how policy/'A'dd to policy and retry):"
#define ENTRY_PROMPT "Enter new entry> "
#define ENTRY_MAX 8192

/* Set while the terminal is raw, so that Ctrl-C can put it back. */
static struct termios saved_tty;
static volatile sig_atomic_t tty_raw;

static void usage(FILE *out)
{
	fprintf(out,
		"Usage: " PROG " [--once] [--answer-file FILE]\n"
		"Show each enforcing-mode violation Warden queries and answer it.\n\n"
		"      --once            stop when no query is waiting\n"
		"      --answer-file FILE  append answers to FILE, not to the\n"
		"                        query file (when it cannot take them)\n"
		"  -h, --help            show this help and exit\n\n"
		"At the prompt: Y grants, N rejects, R retries, S shows the\n"
		"domain's policy, A adds an entry to the domain and retries.\n"
		"It stops at the end of a file read in place of the kernel's.\n"
		"WARDEN_DIR overrides /sys/kernel/security/warden.\n"
		"Exit status: 0 done, 1 a file could not be opened, 2 bad usage.\n");
}

static void tty_restore(void)
{
	if (tty_raw) {
		tcsetattr(STDIN_FILENO, TCSADRAIN, &saved_tty);
		tty_raw = 0;
	}
}

/* Single keys without echo; ISIG stays so Ctrl-C still interrupts. */
static int tty_make_raw(void)
{
	struct termios raw;

	if (tcgetattr(STDIN_FILENO, &saved_tty))
		return -1;
	raw = saved_tty;
	raw.c_lflag &= ~(ICANON | ECHO);
	raw.c_cc[VMIN] = 1;
	raw.c_cc[VTIME] = 0;
	/* TCSADRAIN, not TCSAFLUSH: keys typed ahead must not be lost. */
	if (tcsetattr(STDIN_FILENO, TCSADRAIN, &raw))
		return -1;
	tty_raw = 1;
	return 0;
}

static void on_interrupt(int sig)
{
	/* Pending queries are rejected by the kernel when we close. */
	tty_restore();
	if (write(STDOUT_FILENO, "\n", 1) < 0)
		_exit(0);
	_exit(0);
}

/* One byte from a raw terminal; -1 at end of input. */
static int tty_key(void)
{
	unsigned char c;
	ssize_t n;

	do {
		n = read(STDIN_FILENO, &c, 1);
	} while (n < 0 && errno == EINTR);
	return n == 1 ? c : -1;
}

/**
 * struct editor - the "Enter new entry>" line being edited
 * @buf: the text, NUL-terminated.
 * @len: its length.
 * @cur: the cursor, 0..@len.
 */
struct editor {
	char buf[ENTRY_MAX];
	size_t len;
	size_t cur;
};

static void editor_redraw(const struct editor *ed)
{
	printf("\r" ENTRY_PROMPT "%s\033[K", ed->buf);
	if (ed->cur < ed->len)
		printf("\033[%zuD", ed->len - ed->cur);
	fflush(stdout);
}

static void editor_insert(struct editor *ed, char c)
{
	if (ed->len + 1 >= sizeof(ed->buf))
		return;
	memmove(ed->buf + ed->cur + 1, ed->buf + ed->cur, ed->len - ed->cur + 1);
	ed->buf[ed->cur++] = c;
	ed->len++;
}

static void editor_backspace(struct editor *ed)
{
	if (!ed->cur)
		return;
	memmove(ed->buf + ed->cur - 1, ed->buf + ed->cur, ed->len - ed->cur + 1);
	ed->cur--;
	ed->len--;
}

/* ESC [ C / ESC [ D move the cursor; other sequences are swallowed. */
static void editor_escape(struct editor *ed)
{
	int c = tty_key();

	if (c != '[' && c != 'O')
		return;
	c = tty_key();
	if (c == 'C' && ed->cur < ed->len)
		ed->cur++;
	else if (c == 'D' && ed->cur)
		ed->cur--;
	else if (c == 'H')
		ed->cur = 0;
	else if (c == 'F')
		ed->cur = ed->len;
	/* "ESC [ 3 ~" and the like: eat up to the final byte. */
	while (c >= '0' && c <= '9')
		c = tty_key();
}

/**
 * edit_line - edit @ed on a raw terminal until Enter
 *
 * Return: 0 when accepted, -1 at end of input (Ctrl-D on an empty line).
 */
static int edit_line(struct editor *ed)
{
	for (;;) {
		int c;

		editor_redraw(ed);
		c = tty_key();
		if (c < 0 || (c == 4 && !ed->len))
			return -1;
		if (c == '\r' || c == '\n')
			break;
		if (c == 0x7f || c == '\b')
			editor_backspace(ed);
		else if (c == 0x15)	/* Ctrl-U */
			ed->len = ed->cur = ed->buf[0] = 0;
		else if (c == 0x01)	/* Ctrl-A */
			ed->cur = 0;
		else if (c == 0x05)	/* Ctrl-E */
			ed->cur = ed->len;
		else if (c == 0x1b)
			editor_escape(ed);
		else if (c >= ' ')
			editor_insert(ed, c);
	}
	printf("\n");
	return 0;
}

/* One line from a pipe, without its '\n'; NULL at end of input. */
static char *pipe_line(void)
{
	static char *line;
	static size_t cap;
	ssize_t n = getline(&line, &cap, stdin);

	if (n < 0)
		return NULL;
	if (n && line[n - 1] == '\n')
		line[--n] = '\0';
	return line;
}

/*
 * The answer key.  Output is flushed first so a script driving us through
 * pipes sees the prompt before we block on its answer.  The key is echoed
 * so the transcript reads like a terminal session.
 */
static int read_choice(bool tty)
{
	char *line;
	int c;

	fflush(stdout);
	if (tty) {
		if (tty_make_raw())
			return -1;
		c = tty_key();
		tty_restore();
	} else {
		line = pipe_line();
		if (!line)
			return -1;
		while (isspace((unsigned char)*line))
			line++;
		c = *line;
	}
	if (c < 0 || c == 4)
		return -1;
	printf("%c\n", isprint(c) ? c : ' ');
	return tolower(c);
}

/* The entry to add: the ACL line, edited on a terminal; -1 at EOF. */
static int read_entry(bool tty, const char *offered, struct editor *ed)
{
	char *line;
	int ret;

	snprintf(ed->buf, sizeof(ed->buf), "%s", offered);
	ed->len = ed->cur = strlen(ed->buf);
	if (tty) {
		if (tty_make_raw())
			return -1;
		ret = edit_line(ed);
		tty_restore();
		return ret;
	}
	printf(ENTRY_PROMPT);
	fflush(stdout);
	line = pipe_line();
	if (!line)
		return -1;
	/* An empty answer takes the offered entry as it is. */
	if (*line)
		snprintf(ed->buf, sizeof(ed->buf), "%s", line);
	printf("%s\n", ed->buf);
	return 0;
}

static void print_text(const char *text, size_t len)
{
	fwrite(text, 1, len, stdout);
	if (len && text[len - 1] != '\n')
		putchar('\n');
}

/* "S": the task's domain policy, selected by its global pid. */
static void show_policy(const struct wd_record *rec)
{
	char *path = wd_iface_path("domain_policy"), cmd[64], buf[4096];
	int fd, n;

	printf("# select global-pid=%u\n", rec->global_pid);
	fflush(stdout);
	fd = path ? open(path, O_RDWR | O_CLOEXEC) : -1;
	n = snprintf(cmd, sizeof(cmd), "select global-pid=%u\n",
		     rec->global_pid);
	if (fd < 0 || wd_write_all(fd, cmd, n))
		goto fail;
	while ((n = read(fd, buf, sizeof(buf))) > 0)
		fwrite(buf, 1, n, stdout);
	if (n < 0)
		goto fail;
	close(fd);
	free(path);
	printf("\n");
	return;
fail:
	wd_error("%s: %s", path ? path : "domain_policy",
		 strerror(errno));
	if (fd >= 0)
		close(fd);
	free(path);
}

/* "A": add @entry to the domain of the task waiting in the query. */
static int add_entry(const struct wd_record *rec, const char *entry)
{
	char *path = wd_iface_path("domain_policy"), *text = NULL;
	int fd = -1, n, ret = -1;

	n = asprintf(&text, "select Q=%u\n%s\n", rec->serial, entry);
	if (!path || n < 0)
		goto out;
	fd = open(path, O_WRONLY | O_CLOEXEC);
	/* The kernel refuses a bad line at write() or at close(). */
	if (fd >= 0 && !wd_write_all(fd, text, n)) {
		ret = close(fd);
		fd = -1;
	}
out:
	if (ret) {
		fflush(stdout);
		wd_error("cannot add '%s' to %s: %s", entry,
			 path ? path : "domain_policy", strerror(errno));
	}
	if (fd >= 0)
		close(fd);
	free(text);
	free(path);
	return ret;
}

static void answer(int fd, unsigned int serial, enum wd_verdict a)
{
	if (wd_answer_query(fd, serial, a)) {
		fflush(stdout);
		wd_error("answering query %u: %s", serial,
			 strerror(errno));
	}
}

/*
 * Asks until the administrator answers query @rec.
 * Return: 0 once answered, -1 at end of input (nothing is answered then).
 */
static int ask(const struct wd_record *rec, int answer_fd, bool tty)
{
	static struct editor ed;
	bool show = true;

	for (;;) {
		int c;

		if (show)
			print_text(rec->text, strlen(rec->text));
		show = false;
		printf(PROMPT);
		c = read_choice(tty);
		switch (c) {
		case -1:
			return -1;
		case 'y':
			answer(answer_fd, rec->serial, WD_GRANT);
			return 0;
		case 'n':
			answer(answer_fd, rec->serial, WD_REJECT);
			return 0;
		case 'r':
			answer(answer_fd, rec->serial, WD_RETRY);
			return 0;
		case 's':
			show_policy(rec);
			show = true;
			break;
		case 'a':
			if (read_entry(tty, rec->acl, &ed))
				return -1;
			if (add_entry(rec, ed.buf))
				break;
			printf("Added '%s'.\n", ed.buf);
			answer(answer_fd, rec->serial, WD_RETRY);
			return 0;
		}
	}
}

static int run(int query_fd, int answer_fd)
{
	bool tty = isatty(STDIN_FILENO), first = true;
	struct wd_reader rd;
	struct wd_record rec;
	const char *why;
	char *data;
	size_t len;
	int n;

	printf("Monitoring %s/query . Press Ctrl-C to terminate.\n", wd_iface_dir());
	wd_reader_init(&rd, query_fd);
	for (;;) {
		fflush(stdout);
		n = wd_reader_next(&rd, &data, &len);
		if (n < 0 && errno == EINTR)
			continue;
		/*
		 * The kernel's stream never ends: end of file is a file read
		 * in its place; EAGAIN is --once with nothing waiting.
		 */
		if (n == 0 || (n < 0 && errno == EAGAIN))
			break;
		if (n < 0) {
			wd_error("%s/query: %s", wd_iface_dir(),
				 strerror(errno));
			return 1;
		}
		if (wd_record_parse(data, len, &rec, &why) || !rec.has_query) {
			wd_error("skipping malformed query: %s",
				 why ? why : "no Q line");
			wd_record_free(&rec);
			continue;
		}
		if (!first)
			printf("----------------------------------------\n");
		first = false;
		n = ask(&rec, answer_fd, tty);
		wd_record_free(&rec);
		if (n)
			break;
		printf("\n");
	}
	wd_reader_free(&rd);
	fflush(stdout);
	return 0;
}

int main(int argc, char *argv[])
{
	struct wd_daemon_opts o;
	int query_fd, answer_fd;

	wd_daemon_options(argc, argv, WD_OPT_ONCE | WD_OPT_ANSWER_FILE, usage,
			  &o);
	if (wd_query_open(o.once, o.answers, &query_fd, &answer_fd))
		return WD_EXIT_FAIL;
	signal(SIGINT, on_interrupt);
	signal(SIGTERM, on_interrupt);
	signal(SIGPIPE, SIG_IGN);
	return run(query_fd, answer_fd);
}
