#!/bin/sh
# ztpd: Junos ZTP script for @@LABEL@@. Generated per device; do not edit.
# DHCP option 43 sub-option 01 named this file; Junos runs it because its first line is "#!".
# It fetches the minimal configuration, commits it and reports every step to ztpd.
ZTPD_DEVICE=@@DEVICE@@
ZTPD_CONFIG_URL=@@CONFIG_URL@@
ZTPD_REPORT_URL=@@REPORT_URL@@
CONFIG=/var/tmp/ztpd.conf
LOG=/var/tmp/ztpd-commit.log

@@FUNCTIONS@@
report progress start "Junos ZTP script started"
curl -s -f -m 120 -o "$CONFIG" "$ZTPD_CONFIG_URL" || fail config "cannot fetch $ZTPD_CONFIG_URL"
report progress config "fetched the minimal configuration"
cli -c "configure private; load override $CONFIG; commit and-quit" >"$LOG" 2>&1
grep -q "commit complete" "$LOG" || fail conf_min "commit failed: $(tail -n 3 "$LOG")"
report applied conf_min "minimal configuration committed"
report done ztp "provisioning complete"
exit 0
