#!/bin/bash
# ztpd: SONiC provisioning-script plugin for @@LABEL@@. Generated per device; do not edit.
# ztp.json's provisioning-script section runs this: it fetches the minimal configuration (itself a
# script, from the device's template), runs it, and reports every step to ztpd. Exit code 0 tells
# SONiC ZTP the section succeeded.
ZTPD_DEVICE=@@DEVICE@@
ZTPD_CONFIG_URL=@@CONFIG_URL@@
ZTPD_REPORT_URL=@@REPORT_URL@@
CONFIG=/tmp/ztpd-minimal.sh

@@REPORT_FUNCTIONS@@

report progress start "provisioning-script started"
curl -s -f -m 120 -o "$CONFIG" "$ZTPD_CONFIG_URL" || fail config "cannot fetch $ZTPD_CONFIG_URL"
report progress config "fetched the minimal configuration"
bash "$CONFIG" >/tmp/ztpd-minimal.log 2>&1 || fail conf_min "minimal configuration failed: $(tail -n 3 /tmp/ztpd-minimal.log)"
report applied conf_min "minimal configuration applied"
report done ztp "provisioning complete"
exit 0
