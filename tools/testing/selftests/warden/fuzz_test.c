// SPDX-License-Identifier: GPL-2.0
/*
 * Warden selftests - fuzzing the securityfs files from several threads.
 *
 * Writer threads feed random and mutated lines to every writable file
 * under /sys/kernel/security/warden/, with write(), pwritev2() and lines
 * split across writes, while reader threads read every file.  One writer,
 * the oracle, keeps a domain of its own: it writes valid lines whose
 * printed form it knows, deletes some, and writes lines that must be
 * refused; afterwards the domain must hold exactly what the accepted
 * writes imply, every answer must have been the expected one, and after
 * everything is deleted "Memory used by policy" must be back where it
 * started.  Huge newline-free writes and lines with NUL bytes must be
 * refused cleanly.
 *
 * The run lasts WARDEN_FUZZ_SECONDS (12 by default) and is seeded with
 * WARDEN_FUZZ_SEED (printed), so that a failure can be replayed.
 */

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

#include "../kselftest_harness.h"
#include "enforce_common.h"

#define ORACLE_DOMAIN "<kernel> /fuzz/oracle"
#define LINE_MAX_FUZZ 4096
#define NR_WRITERS 3
#define NR_READERS 2
#define READ_BUF_SIZE (1024 * 1024)

/* Only profile 0 exists in the root namespace: no live domain can be confined. */
#define BASE_PROFILES \
	"[profile]\n" \
	"PROFILE_VERSION=20150505\n" \
	"0-CONFIG={ mode=disabled grant_log=no reject_log=no }\n"

struct rng {
	uint64_t state;
};

static uint64_t rng_next(struct rng *r)
{
	/* xorshift64*: enough for choosing mutations, and reproducible. */
	r->state ^= r->state >> 12;
	r->state ^= r->state << 25;
	r->state ^= r->state >> 27;
	return r->state * 0x2545F4914F6CDD1DULL;
}

static unsigned int rng_below(struct rng *r, unsigned int n)
{
	return n ? (rng_next(r) >> 33) % n : 0;
}

static const char *const domain_seeds[] = {
	"<kernel> /fuzz/a", "<kernel> /fuzz/b /bin/sh", "<fuzz> /usr/sbin/x",
	"delete <kernel> /fuzz/a", "use_profile 0", "use_profile 1",
	"use_group 0", "use_group web", "use_group term", "delete use_group web",
	"quota_exceeded", "transition_failed",
	"file read /etc/passwd", "file read/write /tmp/\\*",
	"file create /tmp/x 0600", "file ioctl /dev/tty 0x5401-0x5402",
	"file mkchar /dev/null 0666 1 3", "file rename /a /b",
	"file mount none /proc/ proc 0", "file execute /bin/sh keep",
	"file read /etc/shadow task.uid=0 grant_log=no",
	"file execute /bin/cat exec.argv[1]=\"/etc/passwd\"",
	"file read /usr/share/zoneinfo/\\{\\*\\}/\\*",
	"network inet stream connect 10.0.0.1-10.0.0.255 80",
	"network inet dgram send @LOCAL 53", "network unix stream connect /tmp/s",
	"misc env PATH", "task manual_domain_transition <kernel> /fuzz/a",
	"delete file read /etc/passwd",
};

static const char *const exception_seeds[] = {
	"initialize_domain /usr/sbin/httpd from any",
	"no_initialize_domain /usr/sbin/httpd from <kernel> /etc/rc",
	"keep_domain any from <kernel> /usr/sbin/sshd /bin/bash",
	"reset_domain /usr/sbin/x from any", "aggregator /usr/bin/vi /usr/bin/editor",
	"path_group WEB /var/www/\\*", "number_group PORTS 1024-65535",
	"address_group LOCAL 127.0.0.1", "address_group LOCAL ::1-::ff",
	"acl_group 0 file read /etc/ld.so.cache",
	"acl_group term file read/write /dev/console",
	"acl_group 1 network inet stream bind/listen 127.0.0.1 80",
	"acl_group web file ioctl /dev/tty @PORTS task.uid=0",
	"acl_group web network unix stream connect /tmp/s",
	"acl_group web misc env LC_\\*",
	"acl_group web task manual_domain_transition <kernel> /fuzz/a",
	"delete acl_group term file read/write /dev/console",
	"delete path_group WEB /var/www/\\*",
};

/* Written after "<fuzz> ", so that no profile a live domain uses changes. */
static const char *const profile_seeds[] = {
	"PROFILE_VERSION=20150505", "1-COMMENT=fuzz",
	"1-PREFERENCE={ max_audit_log=1024 max_learning_entry=2048 }",
	"1-CONFIG={ mode=learning grant_log=no reject_log=yes }",
	"2-CONFIG::file={ mode=permissive }",
	"3-CONFIG::file::open={ mode=enforcing grant_log=yes }",
	"255-CONFIG::network={ mode=disabled }",
};

static const char *const stat_seeds[] = {
	"Memory used by policy: 0", "Memory used by policy: 4194304",
	"Memory used by audit log: 16777216", "Memory used by query message: 1048576",
};

static const char *const tokens[] = {
	"\\", "\\\\", "\\040", "\\377", "\\*", "\\@", "\\$", "\\{", "\\}", " ",
	"delete ", "<kernel> ", "@", "/", "=", "\"", "-", "0x", "4294967296",
	"18446744073709551616", "task.uid=", "{", "}", "::", "\t", "\r", "<",
	">", "..", "select ", "reset", "pid=1", "domain=<kernel>", "Q=1",
};

/* The oracle's lines: distinct paths, so that no two merge. */
static const struct {
	const char *line;
	const char *printed;
} oracle_lines[] = {
	{ "file read /fuzz/o/0", "file read /fuzz/o/0" },
	{ "file write/read  /fuzz/o/1", "file read/write /fuzz/o/1" },
	{ "file create /fuzz/o/2 0600", "file create /fuzz/o/2 0600" },
	{ "file ioctl /fuzz/o/3 0xabcd", "file ioctl /fuzz/o/3 0xABCD" },
	{ "file chown /fuzz/o/4 5-5", "file chown /fuzz/o/4 5" },
	{ "file read /fuzz/o/5\\*", "file read /fuzz/o/5\\*" },
	{ "file rename /fuzz/o/6 /fuzz/o/6b", "file rename /fuzz/o/6 /fuzz/o/6b" },
	{ "file mkchar /fuzz/o/7 0666 1 3", "file mkchar /fuzz/o/7 0666 1 3" },
	{ "file read /fuzz/o/8 task.uid=0", "file read /fuzz/o/8 task.uid=0" },
	{ "file append\t/fuzz/o/9", "file append /fuzz/o/9" },
	{ "file read /fuzz/o/\\{\\*\\}/10", "file read /fuzz/o/\\{\\*\\}/10" },
	{ "file unlink /fuzz/o/11\\040x", "file unlink /fuzz/o/11\\040x" },
	{ "network inet stream connect 10.0.0.1 1001",
	  "network inet stream connect 10.0.0.1 1001" },
	{ "network unix dgram send /fuzz/o/13", "network unix dgram send /fuzz/o/13" },
	{ "misc env FUZZ_ORACLE_14", "misc env FUZZ_ORACLE_14" },
};

#define NR_ORACLE ARRAY_SIZE(oracle_lines)

struct fuzz_run {
	pthread_mutex_t lock;	/* protects the failure message */
	int stop;	/* read and written with __atomic builtins */
	uint64_t seed;
	char failure[512];
	unsigned long writes[NR_WRITERS + 1];
	unsigned long accepted[NR_WRITERS + 1];
	unsigned long reads[NR_READERS];
	bool present[NR_ORACLE];
};

static bool stopped(struct fuzz_run *run)
{
	return __atomic_load_n(&run->stop, __ATOMIC_SEQ_CST);
}

static void run_fail(struct fuzz_run *run, const char *fmt, ...)
{
	va_list ap;

	pthread_mutex_lock(&run->lock);
	if (!run->failure[0]) {
		va_start(ap, fmt);
		vsnprintf(run->failure, sizeof(run->failure), fmt, ap);
		va_end(ap);
	}
	__atomic_store_n(&run->stop, 1, __ATOMIC_SEQ_CST);
	pthread_mutex_unlock(&run->lock);
}

/* Insert @text at @pos of @line (of length *@len), as far as room allows. */
static void insert_text(char *line, size_t *len, size_t pos, const char *text)
{
	size_t n = strlen(text);

	if (*len + n >= LINE_MAX_FUZZ)
		n = LINE_MAX_FUZZ - 1 - *len;
	memmove(line + pos + n, line + pos, *len - pos + 1);
	memcpy(line + pos, text, n);
	*len += n;
}

/* A byte for a line: anything but NUL and newline. */
static char random_byte(struct rng *r)
{
	char c;

	do {
		c = 1 + rng_below(r, 255);
	} while (c == '\n');
	return c;
}

/* Mutate @line a few times; returns its new length. */
static size_t mutate(struct rng *r, char *line, size_t len)
{
	unsigned int i, n = rng_below(r, 4);
	char byte[2] = "";

	for (i = 0; i < n; i++) {
		size_t pos = rng_below(r, len + 1);

		switch (rng_below(r, 6)) {
		case 0:
			len = pos;
			line[len] = '\0';
			break;
		case 1:
			if (pos < len) {
				memmove(line + pos, line + pos + 1, len - pos);
				len--;
			}
			break;
		case 2:
			if (pos < len)
				line[pos] = random_byte(r);
			break;
		case 3:
			byte[0] = random_byte(r);
			insert_text(line, &len, pos, byte);
			break;
		default:
			insert_text(line, &len, pos,
				    tokens[rng_below(r, ARRAY_SIZE(tokens))]);
			break;
		}
	}
	return len;
}

/*
 * Write @len bytes of @text through @fd: in one write(), as a pwritev2()
 * of several pieces (unless @exact), or in several write()s.  Returns 0
 * or -errno of the last call, the one that completed the last line.  A
 * vector whose last piece is refused writes its first pieces, and the
 * call returns their length, not the error: that is -ECANCELED here.
 */
static int write_some_way(struct rng *r, int fd, const char *text, size_t len,
			  bool exact)
{
	struct iovec iov[4];
	size_t done = 0, cut[3];
	int i, nr = 0;
	ssize_t n;

	switch (exact ? 2 * rng_below(r, 2) : rng_below(r, 3)) {
	case 0:
		n = write(fd, text, len);
		return n < 0 ? -errno : 0;
	case 1:
		for (i = 0; i < 3; i++)
			cut[i] = rng_below(r, len + 1);
		for (i = 0; i < 3; i++) {
			size_t end = cut[i] > done ? cut[i] : done;

			if (end > done) {
				iov[nr].iov_base = (char *)text + done;
				iov[nr++].iov_len = end - done;
				done = end;
			}
		}
		iov[nr].iov_base = (char *)text + done;
		iov[nr++].iov_len = len - done;
		/*
		 * The policy files are seq_files, which cannot be written at
		 * an offset (ESPIPE): pwritev2() at offset -1 writes the
		 * vector at the file position, through the same vectored path.
		 */
		n = pwritev2(fd, iov, nr, -1, 0);
		if (n < 0)
			return -errno;
		return (size_t)n == len ? 0 : -ECANCELED;
	default:
		while (done < len) {
			size_t chunk = 1 + rng_below(r, len - done);

			n = write(fd, text + done, chunk);
			if (n < 0)
				return -errno;
			done += chunk;
		}
		return 0;
	}
}

static const char *const writable_files[] = {
	"domain_policy", "exception_policy", "profile", "manager", "stat",
	"policy", "self_domain", ".process_status", "query",
};

struct writer {
	struct fuzz_run *run;
	int index;
	char self[DOMAIN_NAME_MAX];
	char exe[512];
};

/* Build one line for @file into @line; returns its length. */
static size_t random_line(struct writer *w, struct rng *r, const char *file,
			  char *line)
{
	size_t len;

	if (!strcmp(file, "domain_policy") || !strcmp(file, "policy")) {
		len = snprintf(line, LINE_MAX_FUZZ, "%s",
			       domain_seeds[rng_below(r, ARRAY_SIZE(domain_seeds))]);
	} else if (!strcmp(file, "exception_policy")) {
		len = snprintf(line, LINE_MAX_FUZZ, "%s",
			       exception_seeds[rng_below(r, ARRAY_SIZE(exception_seeds))]);
	} else if (!strcmp(file, "profile")) {
		len = snprintf(line, LINE_MAX_FUZZ, "%s",
			       profile_seeds[rng_below(r, ARRAY_SIZE(profile_seeds))]);
	} else if (!strcmp(file, "stat")) {
		len = snprintf(line, LINE_MAX_FUZZ, "%s",
			       stat_seeds[rng_below(r, ARRAY_SIZE(stat_seeds))]);
	} else if (!strcmp(file, "manager")) {
		/* Only this program may be added, or the test locks itself out. */
		if (rng_below(r, 4))
			return snprintf(line, LINE_MAX_FUZZ, "%s%s\n",
					rng_below(r, 2) ? "delete " : "", w->exe);
		len = snprintf(line, LINE_MAX_FUZZ, "/usr/sbin/warden-%u",
			       rng_below(r, 100));
		len = mutate(r, line, len);
		/* "delete " first, whatever the mutation did. */
		memmove(line + 7, line, len + 1);
		memcpy(line, "delete ", 7);
		len += 7;
		line[len++] = '\n';
		line[len] = '\0';
		return len;
	} else if (!strcmp(file, "self_domain")) {
		/* Its own domain, or a name no domain can have. */
		if (rng_below(r, 2))
			return snprintf(line, LINE_MAX_FUZZ, "%s\n", w->self);
		len = snprintf(line, LINE_MAX_FUZZ, "fuzz ");
		len = mutate(r, line, len);
		if (line[0] == '<')
			line[0] = 'x';
		line[len++] = '\n';
		line[len] = '\0';
		return len;
	} else if (!strcmp(file, ".process_status")) {
		len = snprintf(line, LINE_MAX_FUZZ, "%s%u", rng_below(r, 2) ?
			       "global-pid " : "", rng_below(r, 70000));
	} else {
		len = snprintf(line, LINE_MAX_FUZZ, "A%u=%u", rng_below(r, 50),
			       rng_below(r, 5));
	}
	len = mutate(r, line, len);
	if (!strcmp(file, "profile")) {
		memmove(line + 7, line, len + 1);
		memcpy(line, "<fuzz> ", 7);
		len += 7;
	}
	line[len++] = '\n';
	line[len] = '\0';
	return len;
}

/* A document the policy file must refuse: its last line is always bad. */
static size_t refused_document(struct rng *r, char *doc, size_t size)
{
	static const char bad_tail[] = "[domain_policy]\n<kernel>\nfile read /etc/\\q\n";
	char line[LINE_MAX_FUZZ];
	size_t len = 0, n;
	int i;

	len += snprintf(doc + len, size - len, "%s[domain_policy]\n", BASE_PROFILES);
	for (i = rng_below(r, 8); i > 0; i--) {
		n = snprintf(line, sizeof(line), "%s",
			     domain_seeds[rng_below(r, ARRAY_SIZE(domain_seeds))]);
		mutate(r, line, n);
		if (len + strlen(line) + sizeof(bad_tail) + 2 >= size)
			break;
		len += snprintf(doc + len, size - len, "%s\n", line);
	}
	len += snprintf(doc + len, size - len, "%s", bad_tail);
	return len;
}

static void *random_writer(void *arg)
{
	struct writer *w = arg;
	struct fuzz_run *run = w->run;
	struct rng r = { run->seed * 31 + w->index + 1 };
	char *line = malloc(LINE_MAX_FUZZ * 2), path[256];

	if (!line) {
		run_fail(run, "writer %d: out of memory", w->index);
		return NULL;
	}
	while (!stopped(run)) {
		const char *file = writable_files[rng_below(&r, ARRAY_SIZE(writable_files))];
		unsigned int lines = 1 + rng_below(&r, 4);
		int fd, err = 0;
		size_t len;

		snprintf(path, sizeof(path), WARDEN_DIR "/%s", file);
		fd = open(path, O_RDWR | O_CLOEXEC);
		if (fd < 0) {
			run_fail(run, "writer %d: open %s: %s", w->index, file,
				 strerror(errno));
			break;
		}
		if (!strcmp(file, "policy")) {
			len = refused_document(&r, line, LINE_MAX_FUZZ * 2);
			/*
			 * Each write parses the lines it completes: the write
			 * of the bad last line fails, or one before it, as a
			 * delete of what is not there or over a quota another
			 * writer set (a vector cut short: ECANCELED).  The
			 * document is poisoned, so the close refuses it too.
			 */
			err = write_some_way(&r, fd, line, len, false);
			if (err != -EINVAL && err != -ENOENT && err != -ENOMEM &&
			    err != -ECANCELED)
				run_fail(run, "policy: a bad document's write did not fail: %s",
					 strerror(-err));
			if (!close(fd) ||
			    (errno != EINVAL && errno != ENOENT && errno != ENOMEM))
				run_fail(run, "policy: a bad document was not refused: %s",
					 strerror(errno));
			run->writes[w->index]++;
			continue;
		}
		while (lines-- && !err) {
			len = random_line(w, &r, file, line);
			err = write_some_way(&r, fd, line, len, false);
			run->writes[w->index]++;
			if (!err)
				run->accepted[w->index]++;
			else if (err != -EINVAL && err != -ENOENT &&
				 err != -ENOMEM && err != -ESRCH &&
				 err != -EPERM && err != -ECANCELED)
				run_fail(run, "%s: unexpected error %d for \"%.*s\"",
					 file, err, (int)(len - 1), line);
		}
		close(fd);
	}
	free(line);
	return NULL;
}

/* The oracle: writes to its own domain and knows what it must hold. */
static void *oracle_writer(void *arg)
{
	struct writer *w = arg;
	struct fuzz_run *run = w->run;
	struct rng r = { run->seed * 31 };
	char line[LINE_MAX_FUZZ];
	int fd = open(DOMAIN_POLICY_FILE, O_WRONLY | O_CLOEXEC);

	if (fd < 0 || write(fd, ORACLE_DOMAIN "\n", strlen(ORACLE_DOMAIN) + 1) < 0) {
		run_fail(run, "oracle: cannot select its domain: %s", strerror(errno));
		if (fd >= 0)
			close(fd);
		return NULL;
	}
	while (!stopped(run)) {
		unsigned int i = rng_below(&r, NR_ORACLE);
		bool is_delete = rng_below(&r, 3) == 0;
		bool garbage = rng_below(&r, 3) == 0;
		size_t len;
		int err;

		len = snprintf(line, sizeof(line), "%s%s", is_delete ? "delete " : "",
			       oracle_lines[i].line);
		if (garbage) {
			/* A bare backslash is never a valid word. */
			len = mutate(&r, line, len);
			/* A line starting with '#' is a comment, not a bad line. */
			if (line[0] == '#')
				line[0] = 'x';
			len += snprintf(line + len, sizeof(line) - len, " \\");
		}
		line[len++] = '\n';
		line[len] = '\0';
		/* Not as a vector, so that every refusal has its errno. */
		err = write_some_way(&r, fd, line, len, true);
		run->writes[NR_WRITERS]++;
		if (garbage) {
			if (err != -EINVAL && err != -ENOENT)
				run_fail(run, "oracle: \"%.*s\" gave %d, not EINVAL",
					 (int)(len - 1), line, err);
			continue;
		}
		if (!err)
			run->accepted[NR_WRITERS]++;
		if (is_delete) {
			if (err != (run->present[i] ? 0 : -ENOENT))
				run_fail(run, "oracle: \"%.*s\" gave %d with the entry %s",
					 (int)(len - 1), line, err,
					 run->present[i] ? "present" : "absent");
			run->present[i] = false;
		} else if (!err) {
			run->present[i] = true;
		} else if (err != -ENOMEM) {
			/* Another writer may have set a policy quota. */
			run_fail(run, "oracle: \"%.*s\" gave %d", (int)(len - 1),
				 line, err);
		}
	}
	close(fd);
	return NULL;
}

/* Read every file again and again; audit and query without blocking. */
static void *reader(void *arg)
{
	static const char *const files[] = {
		"audit", "query", "domain_policy", "exception_policy",
		"manager", "policy", "profile", "self_domain", "stat",
		"version", ".process_status", "domain_stat",
	};
	struct fuzz_run *run = ((struct writer *)arg)->run;
	int index = ((struct writer *)arg)->index;
	char *buf = malloc(READ_BUF_SIZE), path[256];
	size_t i = 0;

	while (buf && !stopped(run)) {
		int fd;

		snprintf(path, sizeof(path), WARDEN_DIR "/%s", files[i++ % ARRAY_SIZE(files)]);
		fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
		if (fd < 0) {
			run_fail(run, "open %s for reading: %s", path, strerror(errno));
			break;
		}
		while (read(fd, buf, READ_BUF_SIZE) > 0)
			;
		close(fd);
		run->reads[index]++;
	}
	free(buf);
	return NULL;
}

static long memory_used_by_policy(void)
{
	return stat_counter("Memory used by policy:");
}

static int load_base_policy(void)
{
	char self[DOMAIN_NAME_MAX], doc[DOMAIN_NAME_MAX + 256];
	int len;

	if (read_current_domain(self, sizeof(self)))
		return -EIO;
	len = snprintf(doc, sizeof(doc),
		       "%s[exception_policy]\n[domain_policy]\n<kernel>\nuse_profile 0\n\n%s%s",
		       BASE_PROFILES, strcmp(self, "<kernel>") ? self : "",
		       strcmp(self, "<kernel>") ? "\nuse_profile 0\n\n" : "");
	return write_in_chunks(POLICY_FILE, doc, len, 4096);
}

static void restore_quotas(void)
{
	write_file_once(STAT_FILE, "Memory used by policy: 0\n"
			"Memory used by audit log: 16777216\n"
			"Memory used by query message: 1048576\n");
}

FIXTURE(fuzz) {
	uint64_t seed;
	unsigned int seconds;
};

FIXTURE_SETUP(fuzz)
{
	const char *env;

	if (!warden_is_enabled())
		SKIP(return, "warden is not in " LSM_LIST_FILE);
	env = getenv("WARDEN_FUZZ_SEED");
	self->seed = env ? strtoull(env, NULL, 0) : (uint64_t)time(NULL);
	if (!self->seed)
		self->seed = 1;
	env = getenv("WARDEN_FUZZ_SECONDS");
	self->seconds = env ? strtoul(env, NULL, 0) : 12;
	if (self->seconds < 1 || self->seconds > 500)
		self->seconds = 12;
	ASSERT_EQ(0, load_base_policy());
}

FIXTURE_TEARDOWN(fuzz)
{
	if (!warden_is_enabled())
		return;
	restore_quotas();
	EXPECT_EQ(0, load_neutral_policy());
}

/* The oracle domain's entries as printed, sorted, one per line. */
static int compare_lines(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool oracle_domain_matches(struct __test_metadata *_metadata,
				  const struct fuzz_run *run)
{
	char *block = domain_policy_block(ORACLE_DOMAIN), *cursor, *line;
	const char *expected[NR_ORACLE], *seen[64];
	size_t nr_expected = 0, nr_seen = 0, i;
	bool same;

	if (!block) {
		TH_LOG("%s is not in domain_policy", ORACLE_DOMAIN);
		return false;
	}
	for (i = 0; i < NR_ORACLE; i++)
		if (run->present[i])
			expected[nr_expected++] = oracle_lines[i].printed;
	cursor = block;
	while ((line = strsep(&cursor, "\n"))) {
		if (!*line || line[0] == '<' || !strcmp(line, "use_profile 0"))
			continue;
		if (nr_seen == ARRAY_SIZE(seen))
			break;
		seen[nr_seen++] = line;
	}
	qsort(expected, nr_expected, sizeof(expected[0]), compare_lines);
	qsort(seen, nr_seen, sizeof(seen[0]), compare_lines);
	same = nr_seen == nr_expected;
	for (i = 0; same && i < nr_seen; i++)
		same = !strcmp(seen[i], expected[i]);
	if (!same) {
		TH_LOG("%zu entries expected, %zu in the domain:", nr_expected, nr_seen);
		for (i = 0; i < nr_expected; i++)
			TH_LOG("  expected: %s", expected[i]);
		for (i = 0; i < nr_seen; i++)
			TH_LOG("  found:    %s", seen[i]);
	}
	free(block);
	return same;
}

TEST_F_TIMEOUT(fuzz, concurrent_writers_and_readers, 600)
{
	struct writer writers[NR_WRITERS + 1], readers[NR_READERS];
	pthread_t threads[NR_WRITERS + 1 + NR_READERS];
	struct fuzz_run *run;
	unsigned long writes = 0, accepted = 0, reads = 0;
	long start_memory, end_memory;
	char domain[DOMAIN_NAME_MAX], exe[512];
	ssize_t len;
	size_t i;
	int fd;

	run = calloc(1, sizeof(*run));
	ASSERT_NE(NULL, run);
	pthread_mutex_init(&run->lock, NULL);
	run->seed = self->seed;
	TH_LOG("seed %llu (WARDEN_FUZZ_SEED replays it), %u s",
	       (unsigned long long)self->seed, self->seconds);
	ASSERT_EQ(0, read_current_domain(domain, sizeof(domain)));
	len = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	ASSERT_LT(0, len);
	exe[len] = '\0';
	start_memory = memory_used_by_policy();
	ASSERT_LT(0, start_memory);

	for (i = 0; i <= NR_WRITERS; i++) {
		writers[i] = (struct writer){ .run = run, .index = i };
		snprintf(writers[i].self, sizeof(writers[i].self), "%s", domain);
		snprintf(writers[i].exe, sizeof(writers[i].exe), "%s", exe);
		ASSERT_EQ(0, pthread_create(&threads[i], NULL,
					    i < NR_WRITERS ? random_writer : oracle_writer,
					    &writers[i]));
	}
	for (i = 0; i < NR_READERS; i++) {
		readers[i] = (struct writer){ .run = run, .index = i };
		ASSERT_EQ(0, pthread_create(&threads[NR_WRITERS + 1 + i], NULL,
					    reader, &readers[i]));
	}
	for (i = 0; i < self->seconds * 10 && !stopped(run); i++)
		usleep(100000);
	__atomic_store_n(&run->stop, 1, __ATOMIC_SEQ_CST);
	for (i = 0; i < ARRAY_SIZE(threads); i++)
		pthread_join(threads[i], NULL);
	for (i = 0; i <= NR_WRITERS; i++) {
		writes += run->writes[i];
		accepted += run->accepted[i];
	}
	for (i = 0; i < NR_READERS; i++)
		reads += run->reads[i];
	TH_LOG("%lu writes (%lu accepted; oracle %lu, %lu accepted), %lu file reads",
	       writes, accepted, run->writes[NR_WRITERS],
	       run->accepted[NR_WRITERS], reads);
	restore_quotas();
	EXPECT_STREQ("", run->failure);
	EXPECT_TRUE(oracle_domain_matches(_metadata, run));

	/* Delete the oracle's entries one by one, then its domain. */
	fd = open(DOMAIN_POLICY_FILE, O_WRONLY | O_CLOEXEC);
	ASSERT_LE(0, fd);
	ASSERT_LT(0, write(fd, ORACLE_DOMAIN "\n", strlen(ORACLE_DOMAIN) + 1));
	for (i = 0; i < NR_ORACLE; i++) {
		char line[256];

		if (!run->present[i])
			continue;
		snprintf(line, sizeof(line), "delete %s\n", oracle_lines[i].line);
		EXPECT_LT(0, write(fd, line, strlen(line))) TH_LOG("%s", line);
		run->present[i] = false;
	}
	EXPECT_TRUE(oracle_domain_matches(_metadata, run));
	ASSERT_LT(0, write(fd, "delete " ORACLE_DOMAIN "\n",
			   strlen("delete " ORACLE_DOMAIN) + 1));
	close(fd);
	EXPECT_EQ(NULL, domain_policy_block(ORACLE_DOMAIN));

	/* Everything else the fuzz made goes with a reload of the base policy. */
	ASSERT_EQ(0, load_base_policy());
	end_memory = memory_used_by_policy();
	EXPECT_EQ(start_memory, end_memory);
	free(run);
}

/* Map @size bytes whose first @filled are @c and the rest zero pages. */
static char *huge_buffer(size_t size, size_t filled, char c)
{
	char *buf = mmap(NULL, size, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);

	if (buf == MAP_FAILED)
		return NULL;
	memset(buf, c, filled);
	return buf;
}

TEST_F(fuzz, huge_newline_free_writes_are_refused)
{
	static const char *const line_files[] = {
		DOMAIN_POLICY_FILE, WARDEN_DIR "/exception_policy",
		WARDEN_DIR "/profile", WARDEN_DIR "/manager",
	};
	const size_t huge = 2UL << 30;
	char *buf = huge_buffer(huge, 1 << 20, 'a');
	long before = memory_used_by_policy();
	size_t i;
	int fd;

	ASSERT_NE(NULL, buf);
	for (i = 0; i < ARRAY_SIZE(line_files); i++) {
		fd = open(line_files[i], O_WRONLY | O_CLOEXEC);
		ASSERT_LE(0, fd);
		/* 2 GiB without a newline: the line is refused as too long. */
		errno = 0;
		EXPECT_EQ(-1, write(fd, buf, huge)) TH_LOG("%s", line_files[i]);
		EXPECT_EQ(EINVAL, errno);
		close(fd);
	}
	/* The policy file refuses a document over its limit at once. */
	fd = open(POLICY_FILE, O_WRONLY | O_CLOEXEC);
	ASSERT_LE(0, fd);
	errno = 0;
	EXPECT_EQ(-1, write(fd, buf, huge));
	EXPECT_EQ(EFBIG, errno);
	/* Nothing was kept, so closing loads nothing. */
	EXPECT_EQ(0, close(fd));
	munmap(buf, huge);
	EXPECT_EQ(before, memory_used_by_policy());
}

TEST_F(fuzz, writer_recovers_after_an_overlong_line)
{
	char *buf = huge_buffer(1 << 20, 1 << 20, 'a');
	int fd;

	ASSERT_NE(NULL, buf);
	fd = open(DOMAIN_POLICY_FILE, O_WRONLY | O_CLOEXEC);
	ASSERT_LE(0, fd);
	ASSERT_LT(0, write(fd, "<kernel> /fuzz/long\n", 20));
	errno = 0;
	EXPECT_EQ(-1, write(fd, buf, 1 << 20));
	EXPECT_EQ(EINVAL, errno);
	/* The rest of the overlong line is dropped up to its newline. */
	EXPECT_EQ(1 << 20, write(fd, buf, 1 << 20));
	EXPECT_EQ(25, write(fd, "xyz\nfile read /fuzz/long\n", 25));
	close(fd);
	munmap(buf, 1 << 20);
	EXPECT_TRUE(domain_has_line("<kernel> /fuzz/long", "file read /fuzz/long"));
}

TEST_F(fuzz, line_with_a_nul_byte_is_refused)
{
	static const char line[] = "<kernel> /fuzz/nul\nfile read /fuzz/nul\0/more\n";
	int fd;

	fd = open(DOMAIN_POLICY_FILE, O_WRONLY | O_CLOEXEC);
	ASSERT_LE(0, fd);
	errno = 0;
	EXPECT_EQ(-1, write(fd, line, sizeof(line) - 1));
	EXPECT_EQ(EINVAL, errno);
	close(fd);
	/* Not even the part before the NUL byte was applied. */
	EXPECT_FALSE(domain_has_line("<kernel> /fuzz/nul", "file read /fuzz/nul"));
}

TEST_F(fuzz, empty_first_line_is_ignored)
{
	static const char *const line_files[] = {
		DOMAIN_POLICY_FILE, WARDEN_DIR "/exception_policy",
		WARDEN_DIR "/profile", WARDEN_DIR "/manager",
	};
	size_t i;

	/* "echo > file": a newline before any byte once oopsed the kernel. */
	for (i = 0; i < ARRAY_SIZE(line_files); i++)
		EXPECT_EQ(0, write_file_once(line_files[i], "\n"))
			TH_LOG("file %zu", i);
}

TEST_F(fuzz, document_with_a_nul_byte_is_refused)
{
	static const char doc[] = BASE_PROFILES "[domain_policy]\n<kernel>\n"
		"use_profile 0\n\0<kernel> /fuzz/nul\nuse_profile 0\n";
	char *before = malloc(READ_BUF_SIZE), *after = malloc(READ_BUF_SIZE);
	int fd;

	ASSERT_NE(NULL, before);
	ASSERT_NE(NULL, after);
	ASSERT_LE(0, read_whole_file(POLICY_FILE, before, READ_BUF_SIZE));
	fd = open(POLICY_FILE, O_WRONLY | O_CLOEXEC);
	ASSERT_LE(0, fd);
	/* The write holding the NUL byte fails, and so does the close. */
	errno = 0;
	EXPECT_EQ(-1, write(fd, doc, sizeof(doc) - 1));
	EXPECT_EQ(EINVAL, errno);
	/* Loading the part before the NUL byte would drop this program's domain. */
	errno = 0;
	EXPECT_EQ(-1, close(fd));
	EXPECT_EQ(EINVAL, errno);
	ASSERT_LE(0, read_whole_file(POLICY_FILE, after, READ_BUF_SIZE));
	EXPECT_STREQ(before, after);
	free(before);
	free(after);
}

TEST_HARNESS_MAIN
