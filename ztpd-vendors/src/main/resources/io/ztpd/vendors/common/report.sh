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
