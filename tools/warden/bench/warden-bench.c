// SPDX-License-Identifier: GPL-2.0
/*
 * warden-bench - the VM half of `make bench`.
 *
 * Usage:
 *   warden-bench run LABEL DIR MODE ROUNDS ROUND_MS PORT
 *   warden-bench load LABEL FILE DEST
 *   warden-bench tsc-khz
 *
 * "run" times five operations in the caller's domain, in ns per operation:
 *   open    open(DIR/target, O_RDONLY) and close()
 *   stat    stat(DIR/target)
 *   exec    vfork(), execve(DIR/true) of a static program that only exits,
 *           and waitpid()
 *   unix    socket(AF_UNIX, SOCK_STREAM), connect() to a listener bound at
 *           DIR/sock, accept() on the listener, close() of both ends
 *   inet    socket(AF_INET, SOCK_STREAM), bind() to 127.0.0.1:PORT, close()
 * Each operation is calibrated until one round lasts about ROUND_MS (five
 * times that for exec, which is slow and noisy under emulation), then timed
 * over ROUNDS rounds (at most 31); the best and the median round are
 * printed.  The best round is the one the host disturbed least.
 * The settings are arguments, not environment variables: the caller runs
 * it with an empty environment, whose names the LSMs would check at exec.
 * MODE is "enforcing" (opening DIR/denied must be refused, proof that the
 * domain enforces its policy) or "open" (it must succeed).
 * The program itself needs nothing from the policy besides the operations
 * it measures, the unix listener's bind and listen, and the socket's mksock
 * with mode 0777 (the umask is cleared).
 *
 * "load" reads FILE and writes it to DEST (a policy file of the LSM) with
 * as few write() calls as it can, closes DEST and prints the time taken,
 * the close included: Warden applies a whole-policy write at close.
 *
 * "tsc-khz", on the x86 host, prints the TSC's rate in kHz measured against
 * CLOCK_MONOTONIC_RAW over 200 ms.  QEMU's TCG gives the guest the host's
 * TSC, and a guest that cannot calibrate it (no HPET or PM timer in the
 * VM kernel, a PIT too slow under emulation) falls back to jiffies; the
 * rate passed as tsc_early_khz= spares it the calibration.
 *
 * Output lines, for scripts/bench.sh:
 *   BENCH op LABEL OP BEST_NS_PER_OP MEDIAN_NS_PER_OP ITERATIONS ROUNDS
 *   BENCH load LABEL NS BYTES
 * Everything is written with write(2) to standard output.
 */

#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#if defined(__x86_64__) || defined(__i386__)
#include <x86intrin.h>
#endif

#define MAX_ROUNDS 31
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

static char target_path[256], true_path[256], sock_path[108];
static char denied_path[256];
static int unix_listener = -1;
static unsigned short inet_port = 4321;

static void say(int fd, const char *fmt, ...)
{
	char line[512];
	va_list ap;
	int len;

	va_start(ap, fmt);
	len = vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	if (len > 0 && write(fd, line, len) < 0)
		_exit(3);
}

static unsigned long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (unsigned long long)ts.tv_sec * 1000000000ULL + ts.tv_nsec;
}

static int op_open(void)
{
	int fd = open(target_path, O_RDONLY);

	if (fd < 0)
		return -1;
	return close(fd);
}

static int op_stat(void)
{
	struct stat st;

	return stat(target_path, &st);
}

static int op_exec(void)
{
	static char *const argv[] = { true_path, NULL };
	static char *const envp[] = { NULL };
	int status;
	pid_t pid;

	pid = vfork();
	if (pid < 0)
		return -1;
	if (!pid) {
		execve(true_path, argv, envp);
		_exit(127);
	}
	if (waitpid(pid, &status, 0) != pid)
		return -1;
	if (!WIFEXITED(status) || WEXITSTATUS(status)) {
		errno = EACCES;
		return -1;
	}
	return 0;
}

static int unix_setup(void)
{
	struct sockaddr_un sun = { .sun_family = AF_UNIX };

	memcpy(sun.sun_path, sock_path, sizeof(sun.sun_path));
	unix_listener = socket(AF_UNIX, SOCK_STREAM, 0);
	if (unix_listener < 0)
		return -1;
	if (bind(unix_listener, (struct sockaddr *)&sun, sizeof(sun)) ||
	    listen(unix_listener, 16))
		return -1;
	return 0;
}

static int op_unix(void)
{
	struct sockaddr_un sun = { .sun_family = AF_UNIX };
	int fd, peer;

	memcpy(sun.sun_path, sock_path, sizeof(sun.sun_path));
	fd = socket(AF_UNIX, SOCK_STREAM, 0);
	if (fd < 0)
		return -1;
	if (connect(fd, (struct sockaddr *)&sun, sizeof(sun))) {
		close(fd);
		return -1;
	}
	peer = accept(unix_listener, NULL, NULL);
	close(fd);
	if (peer < 0)
		return -1;
	return close(peer);
}

static int op_inet(void)
{
	struct sockaddr_in sin = {
		.sin_family = AF_INET,
		.sin_port = htons(inet_port),
		.sin_addr.s_addr = htonl(INADDR_LOOPBACK),
	};
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	int err;

	if (fd < 0)
		return -1;
	err = bind(fd, (struct sockaddr *)&sin, sizeof(sin));
	close(fd);
	return err;
}

static const struct bench_op {
	const char *name;
	int (*fn)(void);
	unsigned int round_scale;
} ops[] = {
	{ "open", op_open, 1 },
	{ "stat", op_stat, 1 },
	{ "exec", op_exec, 5 },
	{ "unix", op_unix, 1 },
	{ "inet", op_inet, 1 },
};

/* Nanoseconds that COUNT calls of FN take, or 0 if one of them failed. */
static unsigned long long time_calls(int (*fn)(void), unsigned long count)
{
	unsigned long long start = now_ns();
	unsigned long i;

	for (i = 0; i < count; i++)
		if (fn())
			return 0;
	return now_ns() - start ?: 1;
}

static int cmp_ull(const void *a, const void *b)
{
	const unsigned long long *x = a, *y = b;

	return *x < *y ? -1 : *x > *y;
}

static unsigned long rounds = 5;
static unsigned long long want = 20000000;

static int measure(const char *label, const struct bench_op *op)
{
	unsigned long long took, best, per, times[MAX_ROUNDS];
	unsigned long long round = want * op->round_scale;
	unsigned long count = 1, r;

	/* One call outside the clock: the first pays for cold caches. */
	if (!time_calls(op->fn, 1))
		goto failed;
	/*
	 * Calibrate: double the count until a run lasts a quarter round,
	 * and size the rounds by the fastest call rate seen on the way, the
	 * least disturbed by whatever else the host runs.
	 */
	for (per = ~0ULL;; count *= 2) {
		took = time_calls(op->fn, count);
		if (!took)
			goto failed;
		if (took * 16 / count < per)
			per = took * 16 / count;
		if (took >= round / 4 || count >= 1UL << 30)
			break;
	}
	count = round * 16 / (per ?: 1) ?: 1;
	for (r = 0; r < rounds; r++) {
		times[r] = time_calls(op->fn, count);
		if (!times[r])
			goto failed;
	}
	qsort(times, rounds, sizeof(times[0]), cmp_ull);
	best = times[0];
	took = times[rounds / 2];
	say(1, "BENCH op %s %s %llu.%llu %llu.%llu %lu %lu\n", label, op->name,
	    best / count, best * 10 / count % 10,
	    took / count, took * 10 / count % 10, count, rounds);
	return 0;
failed:
	say(1, "BENCH-FAILED %s %s: %s\n", label, op->name, strerror(errno));
	return 1;
}

static int run(const char *label, const char *dir, const char *mode,
	       char **settings)
{
	int enforcing = !strcmp(mode, "enforcing");
	int fd, err = 0;
	size_t i;

	snprintf(target_path, sizeof(target_path), "%s/target", dir);
	snprintf(true_path, sizeof(true_path), "%s/true", dir);
	snprintf(sock_path, sizeof(sock_path), "%s/sock", dir);
	snprintf(denied_path, sizeof(denied_path), "%s/denied", dir);
	rounds = strtoul(settings[0], NULL, 10);
	want = strtoull(settings[1], NULL, 10) * 1000000ULL;
	inet_port = strtoul(settings[2], NULL, 10);
	if (!rounds || rounds > MAX_ROUNDS || !want || !inet_port) {
		say(2, "warden-bench: bad ROUNDS, ROUND_MS or PORT\n");
		return 2;
	}
	umask(0);

	fd = open(denied_path, O_RDONLY);
	if (fd >= 0)
		close(fd);
	if (enforcing != (fd < 0 && (errno == EPERM || errno == EACCES))) {
		say(1, "BENCH-FAILED %s: opening %s %s, so the domain is %s\n",
		    label, denied_path, fd < 0 ? strerror(errno) : "worked",
		    enforcing ? "not enforcing" : "not open");
		return 1;
	}
	if (unix_setup()) {
		say(1, "BENCH-FAILED %s unix listener: %s\n", label,
		    strerror(errno));
		return 1;
	}
	for (i = 0; i < ARRAY_SIZE(ops); i++)
		err |= measure(label, &ops[i]);
	close(unix_listener);
	return err;
}

static int load_policy(const char *label, const char *file,
		       const char *dest)
{
	unsigned long long start, took;
	size_t size = 0, room = 1 << 20, done;
	char *buf = malloc(room);
	ssize_t n;
	int fd;

	fd = open(file, O_RDONLY);
	if (fd < 0 || !buf)
		goto failed;
	while ((n = read(fd, buf + size, room - size)) > 0) {
		size += n;
		if (size == room) {
			room *= 2;
			buf = realloc(buf, room);
			if (!buf)
				goto failed;
		}
	}
	close(fd);
	if (n < 0)
		goto failed;
	start = now_ns();
	fd = open(dest, O_WRONLY);
	if (fd < 0)
		goto failed;
	for (done = 0; done < size; done += n) {
		n = write(fd, buf + done, size - done);
		if (n <= 0) {
			close(fd);
			goto failed;
		}
	}
	if (close(fd))
		goto failed;
	took = now_ns() - start;
	say(1, "BENCH load %s %llu %zu\n", label, took, size);
	free(buf);
	return 0;
failed:
	say(1, "BENCH-FAILED %s load of %s into %s: %s\n", label, file, dest,
	    strerror(errno));
	free(buf);
	return 1;
}

static unsigned long long raw_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC_RAW, &ts);
	return (unsigned long long)ts.tv_sec * 1000000000ULL + ts.tv_nsec;
}

static int tsc_khz(void)
{
#if defined(__x86_64__) || defined(__i386__)
	unsigned long long t0, t1, c0, c1;
	struct timespec pause = { 0, 200000000 };

	t0 = raw_ns();
	c0 = __rdtsc();
	nanosleep(&pause, NULL);
	t1 = raw_ns();
	c1 = __rdtsc();
	say(1, "%llu\n", (c1 - c0) * 1000000ULL / (t1 - t0));
	return 0;
#else
	return 1;
#endif
}

int main(int argc, char **argv)
{
	if (argc == 2 && !strcmp(argv[1], "tsc-khz"))
		return tsc_khz();
	if (argc == 8 && !strcmp(argv[1], "run"))
		return run(argv[2], argv[3], argv[4], argv + 5);
	if (argc == 5 && !strcmp(argv[1], "load"))
		return load_policy(argv[2], argv[3], argv[4]);
	say(argc == 2 && !strcmp(argv[1], "--help") ? 1 : 2,
	    "usage: %s run LABEL DIR enforcing|open ROUNDS ROUND_MS PORT\n"
	    "       %s load LABEL FILE DEST\n", argv[0], argv[0]);
	return argc == 2 && !strcmp(argv[1], "--help") ? 0 : 2;
}
