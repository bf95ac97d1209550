# report STATUS STEP MESSAGE: POSTs {"device","status","step","message"} to ztpd; best effort,
# a lost report never fails provisioning
report() {
  msg=$(printf '%s' "$3" | tr -d '"\\' | tr '\n\r\t' '   ')
  body=$(printf '{"device":"%s","status":"%s","step":"%s","message":"%s"}' "$ZTPD_DEVICE" "$1" "$2" "$msg")
  curl -s -m 10 -H 'Content-Type: application/json' -d "$body" "$ZTPD_REPORT_URL" >/dev/null 2>&1 || true
}

# fail STEP MESSAGE: reports the failure and stops with a non-zero status
fail() {
  report failed "$1" "$2"
  exit 1
}

# run_minimal_config: fetches the minimal configuration (a script made from the device's template),
# runs it and reports each step (SONiC and Cumulus; Junos loads its configuration instead)
run_minimal_config() {
  curl -s -f -m 120 -o /tmp/ztpd-minimal.sh "$ZTPD_CONFIG_URL" || fail config "cannot fetch $ZTPD_CONFIG_URL"
  report progress config "fetched the minimal configuration"
  bash /tmp/ztpd-minimal.sh >/tmp/ztpd-minimal.log 2>&1 ||
    fail conf_min "minimal configuration failed: $(tail -n 3 /tmp/ztpd-minimal.log)"
  report applied conf_min "minimal configuration applied"
}
