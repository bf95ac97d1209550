#!/bin/bash
# CUMULUS-AUTOPROVISIONING
# ztpd: Cumulus Linux ZTP script for @@LABEL@@. Generated per device; do not edit.
# DHCP option 239 pointed ZTP here; ZTP runs it only because of the marker line above. It installs
# the target image when the switch does not run it yet (ZTP runs again on the new image), then
# fetches the minimal configuration (itself a script, from the device's template), runs it, and
# reports every step to ztpd.
ZTPD_DEVICE=@@DEVICE@@
ZTPD_CONFIG_URL=@@CONFIG_URL@@
ZTPD_REPORT_URL=@@REPORT_URL@@
ZTPD_IMAGE_URL=@@IMAGE_URL@@
ZTPD_IMAGE_VERSION=@@IMAGE_VERSION@@

@@FUNCTIONS@@

report progress start "Cumulus ZTP script started"
if [ -n "$ZTPD_IMAGE_URL" ]; then
  running=$(. /etc/lsb-release 2>/dev/null; echo "$DISTRIB_RELEASE")
  if [ "$running" != "$ZTPD_IMAGE_VERSION" ]; then
    report progress image "installing $ZTPD_IMAGE_VERSION over $running"
    onie-install -f -a -i "$ZTPD_IMAGE_URL" || fail image "onie-install failed"
    report progress image "image staged; rebooting into $ZTPD_IMAGE_VERSION"
    reboot
    exit 0
  fi
  report progress image "already running $running"
fi
run_minimal_config
report done ztp "provisioning complete"
exit 0
