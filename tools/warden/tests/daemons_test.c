// SPDX-License-Identifier: GPL-2.0-only
/*
 * Host tests of the daemons' parsers: audit/query records (the guide's
 * records verbatim, with and without a Q line, and malformed ones), the
 * record stream reader, config words and escapes, notifyd.conf and
 * auditd.conf, and auditd's rule matching.
 */

#include <errno.h>
#include <stdlib.h>
#include <unistd.h>

#include "harness.h"
#include "conf.h"
#include "record.h"
#include "daemons_records.h"

static int parse(const char *text, struct wr_record *rec, const char **why)
{
	return wr_parse(text, strlen(text), rec, why);
}

static void test_guide_records(void)
{
	struct wr_record rec;
	const char *why;

	CHECK(!parse(REC_EXEC_CAT, &rec, &why), "exec record parses");
	CHECK(!rec.has_query, "audit record has no Q line");
	CHECK_STR(rec.date, "2010/12/25 16:08:35", "date");
	CHECK(rec.profile == 3, "profile=3");
	CHECK_STR(rec.mode, "enforcing", "mode=enforcing");
	CHECK(!rec.granted, "granted=no");
	CHECK(rec.global_pid == 3628, "global-pid");
	CHECK(rec.pid == 3628 && rec.ppid == 3627, "task pid and ppid");
	CHECK(rec.uid == 48 && rec.gid == 48 && rec.euid == 48 &&
	      rec.egid == 48 && rec.suid == 48 && rec.sgid == 48 &&
	      rec.fsuid == 48 && rec.fsgid == 48, "task ids");
	CHECK(rec.has_exec, "exec={ } seen");
	CHECK_STR(rec.domain, "<kernel> /usr/sbin/httpd /bin/sh", "domain line");
	CHECK_STR(rec.acl, "file execute /bin/cat", "ACL line");
	CHECK_STR(rec.text, REC_EXEC_CAT, "text is the record as read");
	wr_free(&rec);

	CHECK(!parse(REC_READ_CAT, &rec, &why) && !rec.has_exec,
	      "read record parses, without exec");
	wr_free(&rec);

	CHECK(!parse(REC_GRANTED_1, &rec, &why) && rec.granted &&
	      rec.profile == 1 && !strcmp(rec.mode, "learning"),
	      "granted learning record");
	wr_free(&rec);

	CHECK(!parse(REC_PG_CREATE, &rec, &why) && rec.uid == 26 &&
	      !strcmp(rec.acl, "file create /var/lib/pgsql/data/pg_log/postgresql-Thu.log 0666"),
	      "record without path1");
	wr_free(&rec);
}

static void test_query_records(void)
{
	struct wr_record rec;
	const char *why;

	CHECK(!parse("Q0-0\n" REC_EXEC_CAT, &rec, &why), "query parses");
	CHECK(rec.has_query && rec.serial == 0 && rec.retry == 0,
	      "Q0-0 serial and retry");
	CHECK_STR(rec.text, REC_EXEC_CAT, "query text drops the Q line");
	wr_free(&rec);

	CHECK(!parse("Q4294967295-12\n" REC_SLEEP, &rec, &why) &&
	      rec.serial == 4294967295u && rec.retry == 12 &&
	      rec.global_pid == 11788, "largest serial, retry 12");
	wr_free(&rec);

	/* The NUL the kernel ends each record with is not part of it. */
	CHECK(!wr_parse("Q5-1\n" REC_SLEEP "\0", sizeof("Q5-1\n" REC_SLEEP),
			&rec, &why) && rec.serial == 5,
	      "trailing NUL accepted");
	wr_free(&rec);
}

static void expect_bad(const char *text, const char *want, const char *name)
{
	struct wr_record rec;
	const char *why = NULL;
	int ret = parse(text, &rec, &why);

	CHECK(ret == -1 && why && !strcmp(why, want) && !rec.buf, name);
	if (ret == -1 && why && strcmp(why, want))
		printf("#   reason \"%s\"\n", why);
}

#define TASK "task={ pid=1 ppid=0 uid=0 gid=0 euid=0 egid=0 suid=0 sgid=0 fsuid=0 fsgid=0 }"

static void test_bad_records(void)
{
	const char *header = "bad header line";

	expect_bad("", "empty record", "empty record refused");
	expect_bad("#2010/12/25 16:08:35# profile=3\n<kernel>\n",
		   "record has fewer than three lines", "two lines refused");
	expect_bad(REC_READ_CAT "extra\n", "text after the ACL line",
		   "four lines refused");
	expect_bad("Qx-0\n" REC_READ_CAT, "bad Q<serial>-<retry> line",
		   "bad Q line refused");
	expect_bad("Q1\n" REC_READ_CAT, "bad Q<serial>-<retry> line",
		   "Q line without retry refused");
	expect_bad("Q99999999999-0\n" REC_READ_CAT, "bad Q<serial>-<retry> line",
		   "serial overflow refused");
	expect_bad("#2010/12/25 16:08# profile=3 mode=enforcing granted=no (global-pid=1) " TASK "\n<kernel>\nfile read /x\n",
		   header, "short date refused");
	expect_bad("#2010/12/25 16:08:35# profile=256 mode=enforcing granted=no (global-pid=1) " TASK "\n<kernel>\nfile read /x\n",
		   header, "profile 256 refused");
	expect_bad("#2010/12/25 16:08:35# profile=3 mode=sleepy granted=no (global-pid=1) " TASK "\n<kernel>\nfile read /x\n",
		   header, "unknown mode refused");
	expect_bad("#2010/12/25 16:08:35# profile=3 mode=enforcing granted=maybe (global-pid=1) " TASK "\n<kernel>\nfile read /x\n",
		   header, "granted=maybe refused");
	expect_bad("#2010/12/25 16:08:35# profile=3 mode=enforcing granted=no " TASK "\n<kernel>\nfile read /x\n",
		   header, "missing global-pid refused");
	expect_bad("#2010/12/25 16:08:35# profile=3 mode=enforcing granted=no (global-pid=1) task={ pid=1 ppid=0 uid=0 gid=0 euid=0 egid=0 suid=0 sgid=0 fsuid=0 }\n<kernel>\nfile read /x\n",
		   header, "task without fsgid refused");
	expect_bad("#2010/12/25 16:08:35# profile=3 mode=enforcing granted=no (global-pid=-1) " TASK "\n<kernel>\nfile read /x\n",
		   header, "negative pid refused");
	expect_bad("#2010/12/25 16:08:35# profile=3 mode=enforcing granted=no (global-pid=1) " TASK "\nkernel\nfile read /x\n",
		   "domainname line does not start with '<'", "domain without < refused");
	expect_bad("#2010/12/25 16:08:35# profile=3 mode=enforcing granted=no (global-pid=1) " TASK "\n<kernel>\n\n",
		   "empty ACL line", "empty ACL line refused");
	expect_bad("#2010/12/25 16:08:35# profile=3 mode=enforcing granted=no (global-pid=1) " TASK "\n<kernel>\nfile read /x",
		   "record has fewer than three lines", "ACL line without newline refused");
	{
		struct wr_record rec;
		const char *why;
		static const char nul[] = "#2010/12/25\0 16:08:35#\n<kernel>\nfile read /x\n";

		CHECK(wr_parse(nul, sizeof(nul) - 1, &rec, &why) == -1 &&
		      !strcmp(why, "NUL byte inside the record"),
		      "NUL inside refused");
	}
}

/* Every prefix and random bytes: the parser must answer, never crash. */
static void test_parser_robust(void)
{
	static const char full[] = "Q3-0\n" REC_EXEC_CAT;
	struct wr_record rec;
	const char *why;
	unsigned int ok = 0, i, j;
	char junk[300];

	for (i = 0; i < sizeof(full) - 1; i++) {
		if (!wr_parse(full, i, &rec, &why))
			ok++;
		wr_free(&rec);
	}
	CHECK(ok == 0, "no truncated record parses");

	srand(1);
	ok = 0;
	for (i = 0; i < 2000; i++) {
		for (j = 0; j < sizeof(junk); j++)
			junk[j] = rand() % 4 ? "#Q<>\n -=0123456789{}()"[rand() % 22]
					     : rand();
		if (!wr_parse(junk, rand() % sizeof(junk), &rec, &why))
			ok++;
		wr_free(&rec);
	}
	CHECK(ok == 0, "2000 random records refused without a crash");
}

static void test_reader(void)
{
	static const char stream[] = "one\0two\0\0three";
	struct wr_reader rd;
	char *rec;
	size_t len;
	int fds[2];

	if (pipe(fds))
		return;
	if (write(fds[1], stream, sizeof(stream) - 1) < 0)
		return;
	close(fds[1]);
	wr_reader_init(&rd, fds[0]);
	CHECK(wr_reader_next(&rd, &rec, &len) == 1 && len == 3 &&
	      !strcmp(rec, "one"), "reader: first record");
	CHECK(wr_reader_next(&rd, &rec, &len) == 1 && !strcmp(rec, "two"),
	      "reader: second record from the same read");
	CHECK(wr_reader_next(&rd, &rec, &len) == 1 && len == 0,
	      "reader: empty record between two NULs");
	CHECK(wr_reader_next(&rd, &rec, &len) == 1 && !strcmp(rec, "three"),
	      "reader: unterminated last record at end of file");
	CHECK(wr_reader_next(&rd, &rec, &len) == 0, "reader: end of file");
	wr_reader_free(&rd);
	close(fds[0]);
}

static void test_words(void)
{
	char w1[] = "Notification\\040from\\040warden-notifyd";
	char w2[] = "a\\\\b\\011c";
	char bad1[] = "a\\x", bad2[] = "\\400", bad3[] = "\\000", bad4[] = "\\04";
	const char *why;
	char **words;
	unsigned int u;
	int n = 0;

	CHECK(!wc_decode_word(w1) && !strcmp(w1, "Notification from warden-notifyd"),
	      "\\040 decodes to a space");
	CHECK(!wc_decode_word(w2) && !strcmp(w2, "a\\b\tc"),
	      "\\\\ and \\011 decode");
	CHECK(wc_decode_word(bad1) && wc_decode_word(bad2) &&
	      wc_decode_word(bad3) && wc_decode_word(bad4),
	      "\\x, \\400, \\000 and \\04 are refused");

	words = wc_split_words("mail -s Notification\\040from\\040warden-notifyd root@localhost",
			       &n, &why);
	CHECK(words && n == 4 && !strcmp(words[0], "mail") &&
	      !strcmp(words[1], "-s") &&
	      !strcmp(words[2], "Notification from warden-notifyd") &&
	      !strcmp(words[3], "root@localhost") && !words[4],
	      "action line splits, then decodes, into four words");
	wc_free_words(words);
	CHECK(!wc_split_words("ok bad\\q", &n, &why), "bad escape fails the split");

	CHECK(!wc_parse_uint("86400", 86400, &u) && u == 86400, "uint at max");
	CHECK(wc_parse_uint("86401", 86400, &u) && wc_parse_uint("-1", 86400, &u) &&
	      wc_parse_uint("", 86400, &u) && wc_parse_uint("1s", 86400, &u),
	      "uint refuses over max, sign, empty, junk");
}

static void expect_notify_err(const char *text, const char *want,
			      const char *name)
{
	struct wc_notify conf;
	char err[WC_ERR_MAX] = "";

	CHECK(wc_notify_parse(&conf, "n.conf", text, err, sizeof(err)) == -1 &&
	      !conf.argv, name);
	CHECK_STR(err, want, name);
}

static void test_notify_conf(void)
{
	static const char text[] =
		"# a comment\n"
		"\n"
		"   # an indented comment\n"
		"time_to_wait 30\n"
		"action_to_take\tmail -s Notification\\040from\\040warden-notifyd root@localhost  \n"
		"minimal_interval 60\r\n";
	struct wc_notify conf;
	char err[WC_ERR_MAX];

	CHECK(!wc_notify_parse(&conf, "n.conf", text, err, sizeof(err)),
	      "notifyd.conf parses");
	CHECK(conf.time_to_wait == 30 && conf.minimal_interval == 60,
	      "notifyd.conf numbers");
	CHECK(conf.argc == 4 && !strcmp(conf.argv[2], "Notification from warden-notifyd") &&
	      !strcmp(conf.argv[3], "root@localhost") && !conf.argv[4],
	      "notifyd.conf action argv");
	wc_notify_free(&conf);

	expect_notify_err("time_to_wait 0\n\naction_to_tak mail\n",
			  "n.conf:3: unknown keyword", "unknown keyword with line");
	expect_notify_err("action_to_take mail\ntime_to_wait -1\n",
			  "n.conf:2: bad value (want seconds, 0 to 86400)",
			  "negative time_to_wait");
	expect_notify_err("action_to_take mail\nminimal_interval 1\nminimal_interval 2\n",
			  "n.conf:3: keyword given twice", "duplicate keyword");
	expect_notify_err("time_to_wait 0\n", "n.conf: no action_to_take line",
			  "missing action_to_take");
	expect_notify_err("action_to_take mail\\ x\n",
			  "n.conf:1: bad escape in word (use \\\\ or \\ooo octal)",
			  "'\\ ' is not an escape");
	expect_notify_err("# ok\naction_to_take mail\x01\n",
			  "n.conf:2: control character in line", "control character");
}

static void expect_rules_err(const char *text, const char *want,
			     const char *name)
{
	struct wc_rules rules;
	char err[WC_ERR_MAX] = "";

	CHECK(wc_rules_parse(&rules, "a.conf", text, err, sizeof(err)) == -1 &&
	      !rules.rules && !rules.open, name);
	CHECK_STR(err, want, name);
}

static void test_rules_errors(void)
{
	expect_rules_err("header.match x\ndestination /x\n",
			 "a.conf:1: unknown operator (want .contains, .equals or .starts)",
			 "unknown operator");
	expect_rules_err("\nbody.contains x\ndestination /x\n",
			 "a.conf:2: unknown keyword", "unknown line part");
	expect_rules_err("header[x].equals a\ndestination /x\n",
			 "a.conf:1: bad word index (want [0] to [65535])", "bad index");
	expect_rules_err("acl.equals a b\ndestination /x\n",
			 "a.conf:1: more than one word (write a space as \\040)",
			 "two words");
	expect_rules_err("acl.equals\ndestination /x\n",
			 "a.conf:1: missing value", "missing value");
	expect_rules_err("destination log/x\n",
			 "a.conf:1: destination must be an absolute pathname",
			 "relative destination");
	expect_rules_err("destination /x/%d.log\n",
			 "a.conf:1: '%' in destination must be %p or %%", "bad %");
	expect_rules_err("destination /x\n# c\nheader.contains a\n\n",
			 "a.conf:3: condition without a destination line",
			 "dangling condition");
}

static const char *route(const struct wc_rules *rules, const char *text,
			 char *out, size_t outlen)
{
	const struct wc_rule *rule;
	struct wr_record rec;
	const char *why;

	if (parse(text, &rec, &why))
		return "(unparsed)";
	rule = wc_rules_match(rules, &rec);
	if (!rule)
		snprintf(out, outlen, "(dropped)");
	else if (wc_dest_expand(rule->dest, &rec, out, outlen))
		snprintf(out, outlen, "(too long)");
	wr_free(&rec);
	return out;
}

static void test_rules_match(void)
{
	static const char text[] =
		"header[3].equals profile=3\n"
		"domain.starts <kernel>\\040/usr/sbin/httpd\n"
		"acl[2].equals execute\n"
		"destination /log/httpd_exec_%p_%%.log\n"
		"header.contains granted=yes\n"
		"destination /log/granted\n"
		"acl[9].equals x\n"
		"destination /log/never\n";
	struct wc_rules rules;
	char err[WC_ERR_MAX], out[256], *conf;

	CHECK(!wc_rules_parse(&rules, "built-in", wc_auditd_default, err,
			      sizeof(err)) && rules.count == 2,
	      "built-in rules parse into two rules");
	CHECK_STR(route(&rules, REC_EXEC_CAT, out, sizeof(out)),
		  "/var/log/warden/reject_003.log", "denial of profile 3");
	CHECK_STR(route(&rules, REC_GRANTED_1, out, sizeof(out)),
		  "/var/log/warden/grant_001.log", "grant of profile 1");
	wc_rules_free(&rules);

	/* The shipped file must route exactly like the built-in rules. */
	conf = wc_read_file("../conf/auditd.conf", err, sizeof(err));
	CHECK(conf && !wc_rules_parse(&rules, "auditd.conf", conf, err, sizeof(err)) &&
	      rules.count == 2, "conf/auditd.conf parses");
	if (conf) {
		CHECK_STR(route(&rules, REC_READ_CAT, out, sizeof(out)),
			  "/var/log/warden/reject_003.log", "shipped: denial");
		CHECK_STR(route(&rules, REC_GRANTED_1, out, sizeof(out)),
			  "/var/log/warden/grant_001.log", "shipped: grant");
		wc_rules_free(&rules);
	}
	free(conf);

	CHECK(!wc_rules_parse(&rules, "t", text, err, sizeof(err)), "rules parse");
	CHECK_STR(route(&rules, REC_EXEC_CAT, out, sizeof(out)),
		  "/log/httpd_exec_003_%.log", "all conditions, %p and %%");
	CHECK_STR(route(&rules, REC_READ_CAT, out, sizeof(out)),
		  "(dropped)", "acl[2] differs: no rule takes it");
	CHECK_STR(route(&rules, REC_GRANTED_1, out, sizeof(out)),
		  "/log/granted", "second rule");
	wc_rules_free(&rules);
}

static void test_shipped_notifyd_conf(void)
{
	struct wc_notify conf;
	char err[WC_ERR_MAX];
	char *text = wc_read_file("../conf/notifyd.conf", err, sizeof(err));

	CHECK(text && !wc_notify_parse(&conf, "notifyd.conf", text, err, sizeof(err)) &&
	      conf.time_to_wait == 0 && conf.minimal_interval == 60 &&
	      conf.argc == 4 && !strcmp(conf.argv[2], "Notification from warden-notifyd"),
	      "conf/notifyd.conf parses to the guide's settings");
	if (text)
		wc_notify_free(&conf);
	free(text);
	CHECK(!wc_read_file("no/such.conf", err, sizeof(err)) && errno == ENOENT &&
	      !strcmp(err, "no/such.conf: No such file or directory"),
	      "missing file names the path and the errno text");
}

int main(void)
{
	test_guide_records();
	test_query_records();
	test_bad_records();
	test_parser_robust();
	test_reader();
	test_words();
	test_notify_conf();
	test_rules_errors();
	test_rules_match();
	test_shipped_notifyd_conf();
	return TEST_DONE();
}
