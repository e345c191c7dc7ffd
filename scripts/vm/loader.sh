#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Run, inside the VM, the one case of the loader kselftest this boot is
# for: each needs a boot where no policy has been loaded yet.

case " $(cat /proc/cmdline) " in
*" warden.loader=/nonexistent "*)
	test=missing_loader_is_reported_once_and_nothing_is_activated ;;
*)
	test=loader_runs_at_the_trigger_and_policy_is_active_before_init_runs ;;
esac
exec /opt/warden/selftests/warden/loader_test -t "$test"
