// SPDX-License-Identifier: GPL-2.0
/*
 * warden-bench - time a file operation the way the VM benchmark needs it.
 *
 * Usage: warden-bench LABEL PATH COUNT
 *
 * Calls stat(PATH) COUNT times in each of five rounds and prints one line
 * with the best round, the least disturbed by the emulator:
 *   "<LABEL> stat() <ns> ns/op over <COUNT> calls"
 * It writes with write(2) only, so that it asks nothing of the policy
 * besides the stat() calls it measures.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static unsigned long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (unsigned long long)ts.tv_sec * 1000000000ULL + ts.tv_nsec;
}

int main(int argc, char **argv)
{
	unsigned long long start, elapsed, best = ~0ULL;
	unsigned long count, i, failed = 0;
	int round;
	struct stat st;
	char line[256];
	int len;

	if (argc != 4 || !strcmp(argv[1], "--help")) {
		len = snprintf(line, sizeof(line),
			       "usage: %s LABEL PATH COUNT\n", argv[0]);
		write(argc == 4 ? 1 : 2, line, len);
		return argc == 4 ? 0 : 2;
	}
	count = strtoul(argv[3], NULL, 10);
	if (!count)
		return 2;
	/* Warm the caches the first calls would otherwise pay for. */
	for (i = 0; i < count / 10; i++)
		stat(argv[2], &st);
	for (round = 0; round < 5; round++) {
		start = now_ns();
		for (i = 0; i < count; i++)
			failed += stat(argv[2], &st) != 0;
		elapsed = now_ns() - start;
		if (elapsed < best)
			best = elapsed;
	}
	len = snprintf(line, sizeof(line),
		       "%-34s stat() %6llu ns/op over %lu calls%s\n", argv[1],
		       best / count, count,
		       failed ? " (some calls FAILED)" : "");
	write(1, line, len);
	return failed ? 1 : 0;
}
