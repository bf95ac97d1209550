#!/bin/bash
# ztpd: SONiC provisioning-script plugin for @@LABEL@@. Generated per device; do not edit.
# ztp.json's provisioning-script section runs this: it fetches the minimal configuration (itself a
# script, from the device's template), runs it, and reports every step to ztpd. Exit code 0 tells
# SONiC ZTP the section succeeded.
ZTPD_DEVICE=@@DEVICE@@
ZTPD_CONFIG_URL=@@CONFIG_URL@@
ZTPD_REPORT_URL=@@REPORT_URL@@

@@FUNCTIONS@@

report progress start "provisioning-script started"
run_minimal_config
report done ztp "provisioning complete"
exit 0
