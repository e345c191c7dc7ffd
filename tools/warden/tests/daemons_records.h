/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Records for the daemons' tests, copied verbatim from the TOMOYO
 * enforcing-mode guide (sections 7.1 to 7.3) that Warden's formats follow.
 */

#ifndef WARDEN_TOOLS_DAEMONS_RECORDS_H
#define WARDEN_TOOLS_DAEMONS_RECORDS_H

/* reject_003.log, first record: an execute, with exec={ ... }. */
#define REC_EXEC_CAT \
	"#2010/12/25 16:08:35# profile=3 mode=enforcing granted=no (global-pid=3628) task={ pid=3628 ppid=3627 uid=48 gid=48 euid=48 egid=48 suid=48 sgid=48 fsuid=48 fsgid=48 } path1={ uid=0 gid=0 ino=688153 major=8 minor=1 perm=0755 type=file } path1.parent={ uid=0 gid=0 ino=688129 perm=0755 } exec={ realpath=\"/bin/cat\" argc=2 envc=7 argv[]={ \"cat\" \"/etc/passwd\" } envp[]={ \"TERM=vt100\" \"PATH=/sbin:/usr/sbin:/bin:/usr/bin\" \"_=/bin/cat\" \"PWD=/usr/share/horde/admin\" \"LANG=en_US.UTF-8\" \"SHLVL=3\" \"LANGUAGE=en_US.UTF-8\" } }\n" \
	"<kernel> /usr/sbin/httpd /bin/sh\n" \
	"file execute /bin/cat\n"

/* reject_003.log, second record: a read, no exec. */
#define REC_READ_CAT \
	"#2010/12/25 16:08:35# profile=3 mode=enforcing granted=no (global-pid=3628) task={ pid=3628 ppid=3627 uid=48 gid=48 euid=48 egid=48 suid=48 sgid=48 fsuid=48 fsgid=48 } path1={ uid=0 gid=0 ino=688153 major=8 minor=1 perm=0755 type=file } path1.parent={ uid=0 gid=0 ino=688129 perm=0755 }\n" \
	"<kernel> /usr/sbin/httpd /bin/sh\n" \
	"file read /bin/cat\n"

/* The queryd example's first query. */
#define REC_SLEEP \
	"#2010/12/30 00:21:11# profile=3 mode=enforcing granted=no (global-pid=11788) task={ pid=11788 ppid=11779 uid=0 gid=0 euid=0 egid=0 suid=0 sgid=0 fsuid=0 fsgid=0 } path1={ uid=0 gid=0 ino=753729 major=253 minor=0 perm=0755 type=file } path1.parent={ uid=0 gid=0 ino=753665 perm=0755 } exec={ realpath=\"/bin/sleep\" argc=2 envc=6 argv[]={ \"sleep\" \"1\" } envp[]={ \"TERM=xterm\" \"PATH=/sbin:/usr/sbin:/bin:/usr/bin\" \"PWD=/\" \"LANG=en_US.UTF-8\" \"SHLVL=1\" \"_=/bin/sleep\" } }\n" \
	"<kernel> /etc/rc.d/init.d/sshd\n" \
	"file execute /bin/sleep\n"

/* The queryd example's postmaster query (no path1: file did not exist). */
#define REC_PG_CREATE \
	"#2010/12/30 00:22:53# profile=3 mode=enforcing granted=no (global-pid=11937) task={ pid=11937 ppid=1 uid=26 gid=26 euid=26 egid=26 suid=26 sgid=26 fsuid=26 fsgid=26 } path1.parent={ uid=26 gid=26 ino=426399 perm=0700 }\n" \
	"<kernel> /etc/rc.d/init.d/postgresql /sbin/runuser /bin/bash /usr/bin/postmaster\n" \
	"file create /var/lib/pgsql/data/pg_log/postgresql-Thu.log 0666\n"

/* Not from the guide: a granted learning-mode record of profile 1. */
#define REC_GRANTED_1 \
	"#2024/01/02 03:04:05# profile=1 mode=learning granted=yes (global-pid=42) task={ pid=42 ppid=1 uid=0 gid=0 euid=0 egid=0 suid=0 sgid=0 fsuid=0 fsgid=0 } path1={ uid=0 gid=0 ino=12 major=8 minor=1 perm=0644 type=file } path1.parent={ uid=0 gid=0 ino=2 perm=0755 }\n" \
	"<kernel> /sbin/init\n" \
	"file read /etc/inittab\n"

#endif /* WARDEN_TOOLS_DAEMONS_RECORDS_H */
