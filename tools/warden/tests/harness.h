/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A small host test harness for Warden's tools: CHECK() records one
 * result, TEST_DONE() prints the totals line the Makefile counts and
 * returns the exit status.
 */

#ifndef WARDEN_TOOLS_HARNESS_H
#define WARDEN_TOOLS_HARNESS_H

#include <stdio.h>
#include <string.h>

static int harness_pass, harness_fail;

#define CHECK(cond, name) do {						\
	if (cond) {							\
		harness_pass++;						\
		printf("ok %d %s\n", harness_pass + harness_fail, name);	\
	} else {							\
		harness_fail++;						\
		printf("not ok %d %s (%s:%d: %s)\n",			\
		       harness_pass + harness_fail, name, __FILE__,	\
		       __LINE__, #cond);				\
	}								\
} while (0)

#define CHECK_STR(got, want, name) do {					\
	const char *harness_g = (got), *harness_w = (want);		\
	int harness_ok = harness_g && harness_w ?			\
		!strcmp(harness_g, harness_w) : harness_g == harness_w;	\
	CHECK(harness_ok, name);					\
	if (!harness_ok)						\
		printf("#   got  \"%s\"\n#   want \"%s\"\n",		\
		       harness_g ? harness_g : "(null)",		\
		       harness_w ? harness_w : "(null)");		\
} while (0)

#define TEST_DONE() ({							\
	printf("# Totals: pass:%d fail:%d\n", harness_pass, harness_fail); \
	harness_fail ? 1 : 0;						\
})

#endif /* WARDEN_TOOLS_HARNESS_H */
