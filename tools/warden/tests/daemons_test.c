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

#include "conf.h"
#include "escape.h"
#include "record.h"
#include "util.h"
#include "daemons_records.h"
#include "tools_test.h"

static int parse(const char *text, struct wd_record *rec, const char **why)
{
	return wd_record_parse(text, strlen(text), rec, why);
}

TEST(records_from_the_guide_parse_field_by_field)
{
	struct wd_record rec;
	const char *why;

	EXPECT_TRUE(!parse(REC_EXEC_CAT, &rec, &why))
		TH_LOG("exec record parses");
	EXPECT_TRUE(!rec.has_query) TH_LOG("audit record has no Q line");
	EXPECT_TEXT(rec.date, "2010/12/25 16:08:35") TH_LOG("date");
	EXPECT_TRUE(rec.profile == 3) TH_LOG("profile=3");
	EXPECT_TEXT(rec.mode, "enforcing") TH_LOG("mode=enforcing");
	EXPECT_TRUE(!rec.granted) TH_LOG("granted=no");
	EXPECT_TRUE(rec.global_pid == 3628) TH_LOG("global-pid");
	EXPECT_TRUE(rec.pid == 3628 && rec.ppid == 3627)
		TH_LOG("task pid and ppid");
	EXPECT_TRUE(rec.uid == 48 && rec.gid == 48 && rec.euid == 48 &&
		    rec.egid == 48 && rec.suid == 48 && rec.sgid == 48 &&
		    rec.fsuid == 48 && rec.fsgid == 48) TH_LOG("task ids");
	EXPECT_TRUE(rec.has_exec) TH_LOG("exec={ } seen");
	EXPECT_TEXT(rec.domain, "<kernel> /usr/sbin/httpd /bin/sh")
		TH_LOG("domain line");
	EXPECT_TEXT(rec.acl, "file execute /bin/cat") TH_LOG("ACL line");
	EXPECT_TEXT(rec.text, REC_EXEC_CAT)
		TH_LOG("text is the record as read");
	wd_record_free(&rec);

	EXPECT_TRUE(!parse(REC_READ_CAT, &rec, &why) && !rec.has_exec &&
		    !rec.quiet)
		TH_LOG("read record parses, without exec");
	wd_record_free(&rec);

	EXPECT_TRUE(!parse("#2026/12/03 10:00:00# profile=3 mode=enforcing granted=no quiet=yes (global-pid=1) task={ pid=1 ppid=0 uid=0 gid=0 euid=0 egid=0 suid=0 sgid=0 fsuid=0 fsgid=0 }\n<kernel> /usr/sbin/tor\nfile read /etc/selinux/config\n",
			   &rec, &why) && rec.quiet && !rec.granted)
		TH_LOG("a record quiet_log=yes wrote parses, marked quiet");
	wd_record_free(&rec);

	EXPECT_TRUE(!parse(REC_GRANTED_1, &rec, &why) && rec.granted &&
		    rec.profile == 1 && !strcmp(rec.mode, "learning"))
		TH_LOG("granted learning record");
	wd_record_free(&rec);

	EXPECT_TRUE(!parse(REC_PG_CREATE, &rec, &why) && rec.uid == 26 &&
		    !strcmp(rec.acl, "file create /var/lib/pgsql/data/pg_log/postgresql-Thu.log 0666"))
		TH_LOG("record without path1");
	wd_record_free(&rec);
}

TEST(query_lines_give_serial_and_retry)
{
	struct wd_record rec;
	const char *why;

	EXPECT_TRUE(!parse("Q0-0\n" REC_EXEC_CAT, &rec, &why))
		TH_LOG("query parses");
	EXPECT_TRUE(rec.has_query && rec.serial == 0 && rec.retry == 0)
		TH_LOG("Q0-0 serial and retry");
	EXPECT_TEXT(rec.text, REC_EXEC_CAT)
		TH_LOG("query text drops the Q line");
	wd_record_free(&rec);

	EXPECT_TRUE(!parse("Q4294967295-12\n" REC_SLEEP, &rec, &why) &&
		    rec.serial == 4294967295u && rec.retry == 12 &&
		    rec.global_pid == 11788) TH_LOG("largest serial, retry 12");
	wd_record_free(&rec);

	/* The NUL the kernel ends each record with is not part of it. */
	EXPECT_TRUE(!wd_record_parse("Q5-1\n" REC_SLEEP "\0", sizeof("Q5-1\n" REC_SLEEP),
			&rec, &why) && rec.serial == 5)
				TH_LOG("trailing NUL accepted");
	wd_record_free(&rec);
}

static void expect_bad(struct __test_metadata *_metadata,
		       const char *text, const char *want, const char *name)
{
	struct wd_record rec;
	const char *why = NULL;
	int ret = parse(text, &rec, &why);

	EXPECT_TRUE(ret == -1 && why && !strcmp(why, want) && !rec.buf)
		TH_LOG("%s", name);
	if (ret == -1 && why && strcmp(why, want))
		printf("#   reason \"%s\"\n", why);
}

#define TASK "task={ pid=1 ppid=0 uid=0 gid=0 euid=0 egid=0 suid=0 sgid=0 fsuid=0 fsgid=0 }"

TEST(malformed_records_are_refused_with_a_reason)
{
	const char *header = "bad header line";

	expect_bad(_metadata, "", "empty record", "empty record refused");
	expect_bad(_metadata, "#2010/12/25 16:08:35# profile=3\n<kernel>\n",
		   "record has fewer than three lines", "two lines refused");
	expect_bad(_metadata, REC_READ_CAT "extra\n", "text after the ACL line",
		   "four lines refused");
	expect_bad(_metadata, "Qx-0\n" REC_READ_CAT, "bad Q<serial>-<retry> line",
		   "bad Q line refused");
	expect_bad(_metadata, "Q1\n" REC_READ_CAT, "bad Q<serial>-<retry> line",
		   "Q line without retry refused");
	expect_bad(_metadata, "Q99999999999-0\n" REC_READ_CAT, "bad Q<serial>-<retry> line",
		   "serial overflow refused");
	expect_bad(_metadata, "#2010/12/25 16:08# profile=3 mode=enforcing granted=no (global-pid=1) " TASK "\n<kernel>\nfile read /x\n",
		   header, "short date refused");
	expect_bad(_metadata, "#2010/12/25 16:08:35# profile=256 mode=enforcing granted=no (global-pid=1) " TASK "\n<kernel>\nfile read /x\n",
		   header, "profile 256 refused");
	expect_bad(_metadata, "#2010/12/25 16:08:35# profile=3 mode=sleepy granted=no (global-pid=1) " TASK "\n<kernel>\nfile read /x\n",
		   header, "unknown mode refused");
	expect_bad(_metadata, "#2010/12/25 16:08:35# profile=3 mode=enforcing granted=maybe (global-pid=1) " TASK "\n<kernel>\nfile read /x\n",
		   header, "granted=maybe refused");
	expect_bad(_metadata, "#2010/12/25 16:08:35# profile=3 mode=enforcing granted=no " TASK "\n<kernel>\nfile read /x\n",
		   header, "missing global-pid refused");
	expect_bad(_metadata, "#2010/12/25 16:08:35# profile=3 mode=enforcing granted=no (global-pid=1) task={ pid=1 ppid=0 uid=0 gid=0 euid=0 egid=0 suid=0 sgid=0 fsuid=0 }\n<kernel>\nfile read /x\n",
		   header, "task without fsgid refused");
	expect_bad(_metadata, "#2010/12/25 16:08:35# profile=3 mode=enforcing granted=no (global-pid=-1) " TASK "\n<kernel>\nfile read /x\n",
		   header, "negative pid refused");
	expect_bad(_metadata, "#2010/12/25 16:08:35# profile=3 mode=enforcing granted=no (global-pid=1) " TASK "\nkernel\nfile read /x\n",
		   "domainname line does not start with '<'", "domain without < refused");
	expect_bad(_metadata, "#2010/12/25 16:08:35# profile=3 mode=enforcing granted=no (global-pid=1) " TASK "\n<kernel>\n\n",
		   "empty ACL line", "empty ACL line refused");
	expect_bad(_metadata, "#2010/12/25 16:08:35# profile=3 mode=enforcing granted=no (global-pid=1) " TASK "\n<kernel>\nfile read /x",
		   "record has fewer than three lines", "ACL line without newline refused");
	{
		struct wd_record rec;
		const char *why;
		static const char nul[] = "#2010/12/25\0 16:08:35#\n<kernel>\nfile read /x\n";

		EXPECT_TRUE(wd_record_parse(nul, sizeof(nul) - 1, &rec, &why) == -1 &&
			    !strcmp(why, "NUL byte inside the record"))
			TH_LOG("NUL inside refused");
	}
}

/* Every prefix and random bytes: the parser must answer, never crash. */
TEST(truncated_and_random_records_never_parse)
{
	static const char full[] = "Q3-0\n" REC_EXEC_CAT;
	struct wd_record rec;
	const char *why;
	unsigned int ok = 0, i, j;
	char junk[300];

	for (i = 0; i < sizeof(full) - 1; i++) {
		if (!wd_record_parse(full, i, &rec, &why))
			ok++;
		wd_record_free(&rec);
	}
	EXPECT_TRUE(ok == 0) TH_LOG("no truncated record parses");

	srand(1);
	ok = 0;
	for (i = 0; i < 2000; i++) {
		for (j = 0; j < sizeof(junk); j++)
			junk[j] = rand() % 4 ? "#Q<>\n -=0123456789{}()"[rand() % 22]
					     : rand();
		if (!wd_record_parse(junk, rand() % sizeof(junk), &rec, &why))
			ok++;
		wd_record_free(&rec);
	}
	EXPECT_TRUE(ok == 0)
		TH_LOG("2000 random records refused without a crash");
}

TEST(reader_cuts_the_stream_at_nuls)
{
	static const char stream[] = "one\0two\0\0three";
	struct wd_reader rd;
	char *rec;
	size_t len;
	int fds[2];

	if (pipe(fds))
		return;
	if (write(fds[1], stream, sizeof(stream) - 1) < 0)
		return;
	close(fds[1]);
	wd_reader_init(&rd, fds[0]);
	EXPECT_TRUE(wd_reader_next(&rd, &rec, &len) == 1 && len == 3 &&
		    !strcmp(rec, "one")) TH_LOG("reader: first record");
	EXPECT_TRUE(wd_reader_next(&rd, &rec, &len) == 1 && !strcmp(rec, "two"))
		TH_LOG("reader: second record from the same read");
	EXPECT_TRUE(wd_reader_next(&rd, &rec, &len) == 1 && len == 0)
		TH_LOG("reader: empty record between two NULs");
	EXPECT_TRUE(wd_reader_next(&rd, &rec, &len) == 1 && !strcmp(rec, "three"))
		TH_LOG("reader: unterminated last record at end of file");
	EXPECT_TRUE(wd_reader_next(&rd, &rec, &len) == 0)
		TH_LOG("reader: end of file");
	wd_reader_free(&rd);
	close(fds[0]);
}

TEST(config_words_split_then_decode)
{
	char w1[] = "Notification\\040from\\040warden-notifyd";
	char w2[] = "a\\\\b\\011c";
	char bad1[] = "a\\x", bad2[] = "\\400", bad3[] = "\\000", bad4[] = "\\04";
	const char *why;
	char **words;
	unsigned int u;
	int n = 0;

	EXPECT_TRUE(!wd_decode_word(w1) && !strcmp(w1, "Notification from warden-notifyd"))
		TH_LOG("\\040 decodes to a space");
	EXPECT_TRUE(!wd_decode_word(w2) && !strcmp(w2, "a\\b\tc"))
		TH_LOG("\\\\ and \\011 decode");
	EXPECT_TRUE(wd_decode_word(bad1) && wd_decode_word(bad2) &&
		    wd_decode_word(bad3) && wd_decode_word(bad4))
		TH_LOG("\\x, \\400, \\000 and \\04 are refused");

	words = wd_conf_split_words("mail -s Notification\\040from\\040warden-notifyd root@localhost",
			       &n, &why);
	EXPECT_TRUE(words && n == 4 && !strcmp(words[0], "mail") &&
		    !strcmp(words[1], "-s") &&
		    !strcmp(words[2], "Notification from warden-notifyd") &&
		    !strcmp(words[3], "root@localhost") && !words[4])
		TH_LOG("action line splits, then decodes, into four words");
	wd_conf_free_words(words);
	EXPECT_TRUE(!wd_conf_split_words("ok bad\\q", &n, &why))
		TH_LOG("bad escape fails the split");

	EXPECT_TRUE(!wd_parse_uint("86400", 86400, &u) && u == 86400)
		TH_LOG("uint at max");
	EXPECT_TRUE(wd_parse_uint("86401", 86400, &u) && wd_parse_uint("-1", 86400, &u) &&
		    wd_parse_uint("", 86400, &u) && wd_parse_uint("1s", 86400, &u))
		TH_LOG("uint refuses over max, sign, empty, junk");
}

static void expect_notify_err(struct __test_metadata *_metadata,
			      const char *text, const char *want,
			      const char *name)
{
	struct wd_notify_conf conf;
	char err[WD_CONF_ERR_MAX] = "";

	EXPECT_TRUE(wd_notify_parse(&conf, "n.conf", text, err, sizeof(err)) == -1 &&
		    !conf.argv) TH_LOG("%s", name);
	EXPECT_TEXT(err, want) TH_LOG("%s", name);
}

TEST(notifyd_conf_parses_and_names_bad_lines)
{
	static const char text[] =
		"# a comment\n"
		"\n"
		"   # an indented comment\n"
		"time_to_wait 30\n"
		"action_to_take\tmail -s Notification\\040from\\040warden-notifyd root@localhost  \n"
		"minimal_interval 60\r\n";
	struct wd_notify_conf conf;
	char err[WD_CONF_ERR_MAX];

	EXPECT_TRUE(!wd_notify_parse(&conf, "n.conf", text, err, sizeof(err)))
		TH_LOG("notifyd.conf parses");
	EXPECT_TRUE(conf.time_to_wait == 30 && conf.minimal_interval == 60)
		TH_LOG("notifyd.conf numbers");
	EXPECT_TRUE(conf.argc == 4 && !strcmp(conf.argv[2], "Notification from warden-notifyd") &&
		    !strcmp(conf.argv[3], "root@localhost") && !conf.argv[4])
		TH_LOG("notifyd.conf action argv");
	wd_notify_free(&conf);

	expect_notify_err(_metadata, "time_to_wait 0\n\naction_to_tak mail\n",
			  "n.conf:3: unknown keyword", "unknown keyword with line");
	expect_notify_err(_metadata, "action_to_take mail\ntime_to_wait -1\n",
			  "n.conf:2: bad value (want seconds, 0 to 86400)",
			  "negative time_to_wait");
	expect_notify_err(_metadata, "action_to_take mail\nminimal_interval 1\nminimal_interval 2\n",
			  "n.conf:3: keyword given twice", "duplicate keyword");
	expect_notify_err(_metadata, "time_to_wait 0\n", "n.conf: no action_to_take line",
			  "missing action_to_take");
	expect_notify_err(_metadata, "action_to_take mail\\ x\n",
			  "n.conf:1: bad escape in word (use \\\\ or \\ooo octal)",
			  "'\\ ' is not an escape");
	expect_notify_err(_metadata, "# ok\naction_to_take mail\x01\n",
			  "n.conf:2: control character in line", "control character");
}

static void expect_rules_err(struct __test_metadata *_metadata,
			     const char *text, const char *want,
			     const char *name)
{
	struct wd_rules rules;
	char err[WD_CONF_ERR_MAX] = "";

	EXPECT_TRUE(wd_rules_parse(&rules, "a.conf", text, err, sizeof(err)) == -1 &&
		    !rules.rules && !rules.open) TH_LOG("%s", name);
	EXPECT_TEXT(err, want) TH_LOG("%s", name);
}

TEST(auditd_rules_name_the_bad_line)
{
	expect_rules_err(_metadata, "header.match x\ndestination /x\n",
			 "a.conf:1: unknown operator (want .contains, .equals or .starts)",
			 "unknown operator");
	expect_rules_err(_metadata, "\nbody.contains x\ndestination /x\n",
			 "a.conf:2: unknown keyword", "unknown line part");
	expect_rules_err(_metadata, "header[x].equals a\ndestination /x\n",
			 "a.conf:1: bad word index (want [0] to [65535])", "bad index");
	expect_rules_err(_metadata, "acl.equals a b\ndestination /x\n",
			 "a.conf:1: more than one word (write a space as \\040)",
			 "two words");
	expect_rules_err(_metadata, "acl.equals\ndestination /x\n",
			 "a.conf:1: missing value", "missing value");
	expect_rules_err(_metadata, "destination log/x\n",
			 "a.conf:1: destination must be an absolute pathname",
			 "relative destination");
	expect_rules_err(_metadata, "destination /x/%d.log\n",
			 "a.conf:1: '%' in destination must be %p or %%", "bad %");
	expect_rules_err(_metadata, "destination /x\n# c\nheader.contains a\n\n",
			 "a.conf:3: condition without a destination line",
			 "dangling condition");
}

static const char *route(const struct wd_rules *rules, const char *text,
			 char *out, size_t outlen)
{
	const struct wd_rule *rule;
	struct wd_record rec;
	const char *why;

	if (parse(text, &rec, &why))
		return "(unparsed)";
	rule = wd_rules_match(rules, &rec);
	if (!rule)
		snprintf(out, outlen, "(dropped)");
	else if (wd_rule_dest_expand(rule->dest, &rec, out, outlen))
		snprintf(out, outlen, "(too long)");
	wd_record_free(&rec);
	return out;
}

TEST(auditd_rules_route_by_first_match)
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
	struct wd_rules rules;
	char err[WD_CONF_ERR_MAX], out[256], *conf;

	EXPECT_TRUE(!wd_rules_parse(&rules, "built-in", wd_auditd_default_rules, err,
				    sizeof(err)) && rules.count == 2)
				TH_LOG("built-in rules parse into two rules");
	EXPECT_TEXT(route(&rules, REC_EXEC_CAT, out, sizeof(out)), "/var/log/warden/reject_003.log")
		TH_LOG("denial of profile 3");
	EXPECT_TEXT(route(&rules, REC_GRANTED_1, out, sizeof(out)), "/var/log/warden/grant_001.log")
		TH_LOG("grant of profile 1");
	wd_rules_free(&rules);

	/* The shipped file must route exactly like the built-in rules. */
	conf = wd_conf_read("../conf/auditd.conf", err, sizeof(err));
	EXPECT_TRUE(conf && !wd_rules_parse(&rules, "auditd.conf", conf, err, sizeof(err)) &&
		    rules.count == 2) TH_LOG("conf/auditd.conf parses");
	if (conf) {
		EXPECT_TEXT(route(&rules, REC_READ_CAT, out, sizeof(out)), "/var/log/warden/reject_003.log")
			TH_LOG("shipped: denial");
		EXPECT_TEXT(route(&rules, REC_GRANTED_1, out, sizeof(out)), "/var/log/warden/grant_001.log")
			TH_LOG("shipped: grant");
		wd_rules_free(&rules);
	}
	free(conf);

	EXPECT_TRUE(!wd_rules_parse(&rules, "t", text, err, sizeof(err)))
		TH_LOG("rules parse");
	EXPECT_TEXT(route(&rules, REC_EXEC_CAT, out, sizeof(out)), "/log/httpd_exec_003_%.log")
		TH_LOG("%s", "all conditions, %p and %%");
	EXPECT_TEXT(route(&rules, REC_READ_CAT, out, sizeof(out)), "(dropped)")
		TH_LOG("acl[2] differs: no rule takes it");
	EXPECT_TEXT(route(&rules, REC_GRANTED_1, out, sizeof(out)), "/log/granted")
		TH_LOG("second rule");
	wd_rules_free(&rules);
}

TEST(shipped_notifyd_conf_has_the_guides_settings)
{
	struct wd_notify_conf conf;
	char err[WD_CONF_ERR_MAX];
	char *text = wd_conf_read("../conf/notifyd.conf", err, sizeof(err));

	EXPECT_TRUE(text && !wd_notify_parse(&conf, "notifyd.conf", text, err, sizeof(err)) &&
		    conf.time_to_wait == 0 && conf.minimal_interval == 60 &&
		    conf.argc == 4 && !strcmp(conf.argv[2], "Notification from warden-notifyd"))
		TH_LOG("conf/notifyd.conf parses to the guide's settings");
	if (text)
		wd_notify_free(&conf);
	free(text);
	EXPECT_TRUE(!wd_conf_read("no/such.conf", err, sizeof(err)) && errno == ENOENT &&
		    !strcmp(err, "no/such.conf: No such file or directory"))
		TH_LOG("missing file names the path and the errno text");
}

TEST_HARNESS_MAIN
