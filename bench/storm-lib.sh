# Shared by bench/storm.sh and bench/storm-kill.sh (sourced, not run).
# Expects HTTP_PORT TFTP_PORT DHCP_PORT RELAY_PORT RELAY to be set.

# refuse_busy_ports: exit when a port is taken (a stale ztpd or simulator)
refuse_busy_ports() {
  if ss -ltn "sport = :$HTTP_PORT" | grep -q LISTEN; then
    echo "TCP port $HTTP_PORT is in use (a stale ztpd?): stop it first" >&2; exit 1
  fi
  local p
  for p in $TFTP_PORT $DHCP_PORT $RELAY_PORT; do
    if ss -lun "sport = :$p" | grep -q ":$p"; then
      echo "UDP port $p is in use (a stale ztpd or simulator?): stop it first" >&2; exit 1
    fi
  done
}

# start_ztpd HEAP EXTRA_OPTS: ztpd serve on $WORK's configuration, appending to $WORK/ztpd.log;
# sets ZTPD_PID
start_ztpd() {
  ZTPD_JAVA_OPTS="-Xmx$1 -XX:+UseParallelGC ${2:-}" ./ztpd serve -c "$WORK/ztpd.yaml" >>"$WORK/ztpd.log" 2>&1 &
  ZTPD_PID=$!
  wait_up "$WORK/ztpd.log"
}

# on_exit: stops what the bench started ($SIM_PID, $ZTPD_PID), removes $WORK unless KEEP is set
on_exit() {
  [[ -n "${SIM_PID:-}" ]] && kill "$SIM_PID" 2>/dev/null || true
  [[ -n "${ZTPD_PID:-}" ]] && kill "$ZTPD_PID" 2>/dev/null || true
  wait 2>/dev/null || true
  if [[ -n "${KEEP:-}" ]]; then echo "work directory kept: $WORK"; else rm -rf "$WORK"; fi
}

# storm_files WORK COUNT MIX SEED: templates, the storm site, ztpd.yaml and the fleet's inventory CSV
storm_files() {
  local work=$1 count=$2 mix=$3 seed=$4
  mkdir -p "$work/templates" "$work/files" "$work/images"
  cp examples/templates/*.j2 "$work/templates/"
  cat > "$work/sites.yaml" <<YAML
sites:
  - name: storm
    subnet: 127.32.0.0/16
    relays: [$RELAY]
    pools: [127.32.1.1-127.32.255.254]
    router: $RELAY
    dns: [127.0.0.1]
    domain: storm.example.net
    ntp: [127.0.0.1]
    syslog: [127.0.0.1]
    lease_seconds: 3600
YAML
  cat > "$work/ztpd.yaml" <<YAML
data_dir: $work/data
server_ip: 127.0.0.1
http: { listen: 127.0.0.1:$HTTP_PORT }
tftp: { enabled: true, listen: 127.0.0.1:$TFTP_PORT, max_transfers: 5000 }
dhcp: { enabled: true, listen: 127.0.0.1:$DHCP_PORT, relay_reply_port: $RELAY_PORT, client_port: $RELAY_PORT }
unknown_devices: hold
inventory: $work/sites.yaml
templates: $work/templates
files: $work/files
images: $work/images
variables: { domain: example.net }
YAML
  ./ztpd simulate --count "$count" --mix "$mix" --seed "$seed" --site storm \
    --write-inventory "$work/fleet.csv" >/dev/null
}

# wait_up LOG: until ztpd logs "ztpd up" (60 s at most; counts the log's lines at the call so a
# restart appending to it waits for its own line)
wait_up() {
  local before; before=$(grep -c "ztpd up" "$1" 2>/dev/null) || before=0
  for _ in $(seq 300); do
    [[ $(grep -c "ztpd up" "$1" 2>/dev/null || true) -gt $before ]] && return 0
    sleep 0.2
  done
  echo "ztpd did not start:" >&2; tail -20 "$1" >&2; return 1
}

import_fleet() {
  ./ztpd inventory import "$1/fleet.csv" --server "http://127.0.0.1:$HTTP_PORT" >/dev/null
}

# check_server WORK COUNT: sets SERVER_LOADED, SERVER_LEASES, SERVER_DUP_IPS (the server's leases,
# and every DHCPACK the devices logged, each address to one MAC only)
check_server() {
  local work=$1
  curl -sf "http://127.0.0.1:$HTTP_PORT/api/v1/devices?limit=1" > "$work/devices.json"
  curl -sf "http://127.0.0.1:$HTTP_PORT/api/v1/leases" > "$work/leases.json"
  read -r SERVER_LOADED SERVER_LEASES SERVER_DUP_IPS < <(python3 - "$work" <<'PY'
import json, sys, collections
w = sys.argv[1]
counts = json.load(open(w + "/devices.json"))["counts"]
leases = json.load(open(w + "/leases.json"))
by_ip = collections.defaultdict(set)
for l in leases:
    if l.get("state", "active") in ("active", "ACTIVE", "bound"):
        by_ip[l["ip"]].add(l.get("mac") or l.get("clientId") or l.get("deviceId"))
for line in open(w + "/acks.log"):
    f = line.split()
    if f and f[0] == "ack":
        by_ip[f[2]].add(f[1])
dups = sum(1 for s in by_ip.values() if len(s) > 1)
print(counts.get("conf_min.LOADED", 0), len(leases), dups)
PY
)
}
