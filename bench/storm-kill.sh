#!/usr/bin/env bash
# kill -9 in the middle of a boot storm (issue 6): COUNT simulated devices power on, ztpd is
# killed with SIGKILL once KILL_AT of them are provisioned (a quarter by default: the rest are in
# every stage of their flows) and restarted on the same data directory; the devices retry as real
# ones do (DHCP retransmissions, ZTP started over).
# Checks, from the devices' log of what the server acknowledged and the server's own view:
#   - every device ends provisioned (simulator exit 0, server: every device Conf Min Loaded)
#   - no address given twice (every DHCPACK of the run and the final leases: one MAC per address)
#   - no device's address changed across the restart (its acknowledged lease survived)
#   - no acknowledged event lost (every report the server answered with a seq is in its events)
#
#   bench/storm-kill.sh                  # 2,000 devices, kill when 25 % are provisioned
#   COUNT=500 KILL_AT=0.5 bench/storm-kill.sh
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${COUNT:-2000}
MIX=${MIX:-all}
RATE=${RATE:-150}
KILL_AT=${KILL_AT:-0.25}
SEED=${SEED:-3}
HTTP_PORT=19180
TFTP_PORT=19169
DHCP_PORT=19167
RELAY_PORT=19168
RELAY=127.32.0.1
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export JAVA_HOME

# shellcheck source=bench/storm-lib.sh
source bench/storm-lib.sh
refuse_busy_ports

./ztpd build >/dev/null
WORK=$(mktemp -d /tmp/ztpd-storm-kill.XXXXXX)
ZTPD_PID=""
SIM_PID=""
trap on_exit EXIT

storm_files "$WORK" "$COUNT" "$MIX" "$SEED"

start_ztpd 512m
import_fleet "$WORK"

echo "# $COUNT devices ($MIX) at $RATE/s; kill -9 of ztpd once ${KILL_AT} of them are provisioned"
# devices outlive the outage: DHCP retransmits 1, 2, 4, 8 s, and ZTP starts over up to 12 times
ZTPD_JAVA_OPTS="-Xmx1g" ./ztpd simulate --count "$COUNT" --mix "$MIX" --seed "$SEED" --rate "$RATE" \
  --dhcp-port $DHCP_PORT --relay $RELAY --relay-port $RELAY_PORT --http-port $HTTP_PORT \
  --tftp-port $TFTP_PORT --attempts 12 --retry-delay 1000 --dhcp-wait 1000 --timeout 10000 \
  --progress-every 2000 --ack-log "$WORK/acks.log" > "$WORK/sim.out" 2>&1 &
SIM_PID=$!
WANT=$(awk -v c="$COUNT" -v f="$KILL_AT" 'BEGIN { printf "%d", c * f }')
for _ in $(seq 3000); do
  BEFORE=$(grep -c '^done ' "$WORK/acks.log" 2>/dev/null) || BEFORE=0
  [[ $BEFORE -ge $WANT ]] && break
  kill -0 "$SIM_PID" 2>/dev/null || break
  sleep 0.1
done
kill -9 "$ZTPD_PID"
wait "$ZTPD_PID" 2>/dev/null || true
echo "killed ztpd (pid $ZTPD_PID) with $BEFORE of $COUNT devices provisioned; restarting"
T0=$(date +%s.%N)
start_ztpd 512m
echo "ztpd back after $(awk -v t="$T0" -v n="$(date +%s.%N)" 'BEGIN { printf "%.1f", n - t }') s"
set +e
wait "$SIM_PID"
SIM_RC=$?
SIM_PID=""
set -e
sed -n '/^relay:/,$p' "$WORK/sim.out"

check_server "$WORK" "$COUNT"
read -r LOST_EVENTS MOVED < <(python3 - "$WORK" "$HTTP_PORT" <<'PY'
import json, sys, urllib.request, collections
w, port = sys.argv[1], sys.argv[2]
seqs, after = set(), 0
while True:
    page = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/events?after={after}&limit=10000"))
    if not page:
        break
    seqs.update(e["seq"] for e in page)
    after = page[-1]["seq"]
lost = 0
ips = collections.defaultdict(list)
for line in open(w + "/acks.log"):
    f = line.split()
    if f[0] == "report" and int(f[3]) >= 0 and int(f[3]) not in seqs:
        lost += 1
    if f[0] == "ack":
        ips[f[1]].append(f[2])
moved = sum(1 for l in ips.values() if len(set(l)) > 1)
print(lost, moved)
PY
)
REPORTS=$(grep -c '^report ' "$WORK/acks.log" || true)
echo "server: $SERVER_LOADED of $COUNT Conf Min Loaded; $SERVER_DUP_IPS addresses given twice;" \
  "$MOVED devices whose address changed; $LOST_EVENTS of $REPORTS acknowledged reports missing"
OK=1
[[ $SIM_RC == 0 ]] || { echo "FAIL: the simulator reports devices that did not end provisioned"; OK=0; }
if [[ "$SERVER_LOADED" != "$COUNT" ]]; then
  echo "FAIL: not every device is Conf Min Loaded; the first ones, with their last events:"
  python3 - "$HTTP_PORT" <<'PY'
import json, sys, urllib.request
port = sys.argv[1]
base = f"http://127.0.0.1:{port}/api/v1"
page = json.load(urllib.request.urlopen(f"{base}/devices?conf_min=not_loaded&limit=10"))
for d in page["items"]:
    print(" ", d["id"], d["status"]["phase"])
    for e in json.load(urllib.request.urlopen(f"{base}/devices/{d['id']}/events"))[-8:]:
        print("     ", e["seq"], e["kind"], e.get("source"), (e.get("detail") or "")[:90])
PY
  OK=0
fi
[[ "$SERVER_DUP_IPS" == 0 ]] || { echo "FAIL: an address was given to two devices"; OK=0; }
[[ "$MOVED" == 0 ]] || { echo "FAIL: acknowledged leases did not survive the restart"; OK=0; }
[[ "$LOST_EVENTS" == 0 ]] || { echo "FAIL: acknowledged events were lost"; OK=0; }
[[ $OK == 1 ]] && echo "kill -9 check: passed"
[[ $OK == 1 ]]
