#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# The demo, played inside the VM as a transcript a newcomer can follow.
# vm-needs: tomoyo-tools

say() {
	echo
	echo "### $*"
}

run() {
	echo "# $*"
	"$@"
}

say "Warden demo on Linux $(uname -r)"
echo "The kernel was booted with: $(cat /proc/cmdline)"

say "1. The LSMs the kernel started, in order; warden is among them."
run cat /sys/kernel/security/lsm
echo
grep -q '\(^\|,\)warden\(,\|$\)' /sys/kernel/security/lsm || {
	echo "warden is NOT active"
	exit 1
}

say "2. Warden's securityfs directory."
run ls -l /sys/kernel/security/warden/

say "3. The interface version: the TOMOYO 2.6 language Warden speaks."
run cat /sys/kernel/security/warden/version
echo

say "4. Statistics, in TOMOYO's layout: only the root domain exists yet."
run cat /sys/kernel/security/warden/stat

say "5. Quotas are set by writing the stat file; bad input is refused."
echo '# echo "Memory used by policy: 1048576" > /sys/kernel/security/warden/stat'
echo "Memory used by policy: 1048576" >/sys/kernel/security/warden/stat
echo '# echo "Memory used by nothing: 1" > /sys/kernel/security/warden/stat'
echo "Memory used by nothing: 1" >/sys/kernel/security/warden/stat ||
	echo "(refused, as it should be; the kernel log says why:)"
dmesg | grep 'Warden: stat' | tail -n 1
run grep 'Memory used by policy' /sys/kernel/security/warden/stat

W=/sys/kernel/security/warden

say "6. Profiles, as TOMOYO's tools write them: 1 learns, 3 enforces."
cat >$W/profile <<'PROFILES'
PROFILE_VERSION=20150505
0-COMMENT=-----Disabled Mode-----
0-CONFIG={ mode=disabled grant_log=no reject_log=yes }
1-COMMENT=-----Learning Mode-----
1-CONFIG={ mode=learning grant_log=no reject_log=yes }
3-COMMENT=-----Enforcing Mode-----
3-CONFIG={ mode=enforcing grant_log=no reject_log=yes }
PROFILES
run cat $W/profile

say "7. A domain and its policy, from the guide's postgresql example."
cat >$W/domain_policy <<'DOMAIN'
<kernel> /etc/rc.d/init.d/postgresql /sbin/runuser /bin/bash /usr/bin/postmaster
use_profile 3
file read /var/lib/pgsql/data/global/pg_control
file write /var/lib/pgsql/data/global/pg_control
file read /usr/share/zoneinfo/\{\*\}/\*
file create /var/lib/pgsql/data/postmaster.pid 0600
network inet stream bind 127.0.0.1 5432
network inet stream listen 127.0.0.1 5432
network unix stream bind /tmp/.s.PGSQL.5432
network inet dgram send 127.0.0.1 1024-65535
DOMAIN
echo "(read and write of one file merge into one line, as in TOMOYO)"
run cat $W/domain_policy

say "8. A bad line is refused whole, with the reason in the kernel log."
echo '# echo "file raed /etc/passwd" >> domain_policy'
printf '%s\nfile raed /etc/passwd\n' \
	"<kernel> /etc/rc.d/init.d/postgresql /sbin/runuser /bin/bash /usr/bin/postmaster" \
	>$W/domain_policy || echo "(refused)"
dmesg | grep 'Warden: domain_policy' | tail -n 1

say "9. The whole policy is one document; loading one replaces it atomically."
run sh -c "cat $W/policy | wc -l"
cp $W/policy /tmp/saved.policy
echo "# a document with one bad line in the middle:"
sed 's|^use_profile 3$|use_profile 3\nfile read /etc/\\q|' /tmp/saved.policy >/tmp/bad.policy
echo "# cat /tmp/bad.policy > $W/policy"
cat /tmp/bad.policy >$W/policy
dmesg | grep 'Warden: policy' | tail -n 1
cmp -s /tmp/saved.policy $W/policy && echo "the policy in force is byte-for-byte the one saved before"
run grep 'Policy update' $W/stat

say "10. warden-auditd saves the audit log (the guide's section 4.6): one"
echo "    file per profile, reject_NNN.log and grant_NNN.log in /var/log/warden."
run warden-auditd
sleep 1

say "11. A service learns its policy (the guide's section 7.1, with busybox httpd)."
mkdir -p /tmp/www/cgi-bin
echo "<h1>It works</h1>" >/tmp/www/index.html
echo "message of the day" >/tmp/www/motd
echo "root:secret" >/tmp/www/secret
cat >/tmp/www/cgi-bin/show <<'CGI'
#!/bin/sh
echo "Content-Type: text/plain"
echo
/bin/cat "/tmp/www/$QUERY_STRING" 2>&1
CGI
chmod 755 /tmp/www/cgi-bin/show
echo "# the service gets a domain of its own, which starts in profile 1:"
run sh -c "echo 'initialize_domain /usr/sbin/httpd from any' > $W/exception_policy"
printf '<kernel> /usr/sbin/httpd\nuse_profile 1\n' >$W/domain_policy
run /usr/sbin/httpd -p 127.0.0.1:8080 -h /tmp/www
sleep 1
echo "# normal use while it learns: a page and the CGI showing the motd"
run wget -q -O - http://127.0.0.1:8080/
run wget -q -O - "http://127.0.0.1:8080/cgi-bin/show?motd"
echo "# the domains the service's exec chain created, and what they learned:"
awk '/^<kernel>/ { show = index($0, "<kernel> /usr/sbin/httpd") == 1 } show' \
	$W/domain_policy

say "12. Enforcing: the service's domains move to profile 3, in the editor."
echo "# warden-editpolicy in a terminal (tmux, 80x24): '/' finds httpd's domain,"
echo "# Space selects it and each domain below it, 's' '3' sets profile 3."
grep -c '^<kernel> /usr/sbin/httpd' $W/domain_policy >/tmp/httpd.count
export TERM=vt100 LC_ALL=C.UTF-8
tmux -u new-session -d -s edit -x 80 -y 24 warden-editpolicy
screen() {
	sleep 1
	echo "----------------------------------------------------------------- screen"
	tmux capture-pane -p -t edit | sed -e :a -e '/^\n*$/{$d;N;ba' -e '}'
	echo "-------------------------------------------------------------------------"
}
sleep 1
tmux send-keys -t edit /
sleep 0.3
tmux send-keys -t edit -l /usr/sbin/httpd
tmux send-keys -t edit Enter
for i in $(seq "$(cat /tmp/httpd.count)"); do
	tmux send-keys -t edit Space
done
tmux send-keys -t edit s
sleep 0.3
tmux send-keys -t edit 3 Enter
screen
echo "# '@': the process list, httpd in profile 3 (the guide's check):"
tmux send-keys -t edit @
screen
tmux send-keys -t edit @ q
sleep 0.5
tmux kill-server 2>/dev/null
run sh -c "grep -A1 '^<kernel> /usr/sbin/httpd' $W/domain_policy | grep -v '^--'"
echo "# what it learned still works:"
run wget -q -O - http://127.0.0.1:8080/
run wget -q -O - "http://127.0.0.1:8080/cgi-bin/show?motd"
echo "# what it never did is refused: the CGI cannot read the secret"
run wget -q -O - "http://127.0.0.1:8080/cgi-bin/show?secret"
echo "# the process tree, with each process's profile and domain:"
echo "# warden-pstree (kernel threads left out)"
warden-pstree | sed "/kthreadd/,\$d"

say "13. stat counts the rejection and says when it happened."
run grep 'enforcing mode' $W/stat
sleep 1

say "14. warden-auditd saved the record of the rejection (the guide's 7.1)."
run cat /var/log/warden/reject_003.log

say "15. warden-notifyd reports each violation (the guide's 7.2)."
mkdir -p /etc/warden/tools
cat >/etc/warden/tools/notifyd.conf <<'CONF'
# Reject at once; hand the notice to a command on its standard input.
time_to_wait 0
action_to_take /bin/sh -c cat\040>/tmp/notice.txt
minimal_interval 0
CONF
run cat /etc/warden/tools/notifyd.conf
run warden-notifyd
sleep 1
echo "# the CGI tries again while warden-notifyd watches:"
run wget -q -O - "http://127.0.0.1:8080/cgi-bin/show?secret"
sleep 1
echo "# what the action received: the query header Q<serial>-<retry>, then the record"
run cat /tmp/notice.txt
killall warden-notifyd
sleep 1

say "16. warden-queryd answers violations live (the guide's 7.3)."
echo "# The administrator answers 'A' (add to policy and retry) and accepts"
echo "# the entry offered; here the answers come from a pipe."
(printf 'a\n\n' | warden-queryd >/tmp/queryd.out 2>&1) &
sleep 1
echo "# the CGI asks for the secret again; the request waits for the answer:"
run wget -q -O - "http://127.0.0.1:8080/cgi-bin/show?secret"
sleep 1
killall warden-queryd
echo "# what warden-queryd showed:"
cat /tmp/queryd.out
echo
echo "# the entry is now in the domain's policy:"
grep -B0 '/tmp/www/secret' $W/domain_policy

say "17. warden-savepolicy saves the policy in force (the guide's 7.3.1)."
run warden-savepolicy
run ls -l /etc/warden/policy/
run grep -c . /etc/warden/policy/current/domain_policy.conf
run grep /tmp/www/secret /etc/warden/policy/current/domain_policy.conf
run grep 'enforcing mode' $W/stat

say "18. Policy modules: the reference library in /usr/share/warden/modules."
echo "# A module is NAME.pol (its own policy), NAME.if (documented interfaces)"
echo "# and NAME.paths (what it owns).  The console belongs to module term:"
run grep -B6 -A4 '^interface term_use_console$' /usr/share/warden/modules/term.if
run grep term_console /usr/share/warden/modules/term.paths
echo "# The lint, then the build into one policy document with its map:"
run warden-module check /usr/share/warden/modules
run warden-module build -o /tmp/library.policy --map /tmp/library.map \
	/usr/share/warden/modules
run sh -c "grep -c . /tmp/library.policy"
echo "# An interface without parameters is an acl group; tor calls it:"
run grep '^acl_group term_use_console ' /tmp/library.policy
awk '/^<kernel> \/usr\/sbin\/tor$/ { show = 1; print; next }
	/^$/ { show = 0 } show && /term_use_console/' /tmp/library.policy
echo "# and the map says where that line came from (module:file:line, calls):"
run grep 'tor.*use_group term_use_console' /tmp/library.map
echo "# A module may not write raw lines on what another module owns:"
printf '[domain_policy]\n<kernel> /usr/sbin/mine\nuse_profile 3\nfile read /dev/console\n' \
	>/tmp/mine.pol
run cat /tmp/mine.pol
run warden-module check /usr/share/warden/modules /tmp/mine.pol ||
	echo "(refused: call term_use_console() instead)"

say "19. Second act: two small daemons, each in an enforcing domain."
echo "# consoled wants the console; configd reads Warden's configuration."
cp /opt/warden/selftests/warden/daemon_helper /usr/sbin/consoled
cp /opt/warden/selftests/warden/daemon_helper /usr/sbin/configd
mkdir -p /etc/warden && echo 'interval=60' >/etc/warden/configd.conf
cat >/tmp/daemons.pol <<'POL'
## <summary>The demo's two daemons, confined from the start.</summary>
[exception_policy]
initialize_domain /usr/sbin/consoled from any
initialize_domain /usr/sbin/configd from any
[domain_policy]
<kernel> /usr/sbin/consoled
use_profile 3
kernel_receive_any_env()
<kernel> /usr/sbin/configd
use_profile 3
kernel_receive_any_env()
POL
run cat /tmp/daemons.pol
echo "# The library's base names the managers in /usr/sbin: the tools go there."
cp /opt/warden/bin/warden-* /usr/sbin/
echo "# /usr/sbin/warden-module install /usr/share/warden/modules /tmp/daemons.pol"
/usr/sbin/warden-module install /usr/share/warden/modules /tmp/daemons.pol |
	tail -n 2
run /usr/sbin/warden-module list
run /usr/sbin/warden-module load
run /usr/sbin/consoled console
run /usr/sbin/configd read /etc/warden/configd.conf
sleep 1

say "20. warden-audit2allow turns the denials warden-auditd logged into policy."
echo "# -l: only what was logged since the last policy load."
run warden-audit2allow -l -a
echo "# -R: the owner's interface instead of raw lines:"
run warden-audit2allow -l -a -R
echo "# -w: why each one was refused:"
run warden-audit2allow -l -a -w
echo "# configd has no need of that file: -D -R gives the quiet interface."
run warden-audit2allow -l -a -D -R

say "21. The module, chosen interactively: (A)llow the console, (Q)uiet the"
echo "    configuration; it is installed and loaded, and the daemons run clean."
cd /tmp
printf 'a\nq\n' | warden-audit2allow -l -a --interactive -M localdaemons
cd /
run cat /tmp/localdaemons.pol
run /usr/sbin/warden-module install /tmp/localdaemons.pol
run /usr/sbin/warden-module load
before=$(grep 'enforcing mode' $W/stat)
run /usr/sbin/consoled console
run /usr/sbin/configd read /etc/warden/configd.conf ||
	echo "(refused, as chosen, and not logged: a known denial)"
echo "# no new violation, one more quieted:"
echo "before: $before"
run grep -E 'enforcing mode|quieted' $W/stat
run sh -c "grep configd $W/domain_stat"
