#!/usr/bin/env bash
# Boot storm (issue 6): N simulated devices of mixed vendors on loopback through DHCP (relayed) ->
# bootstrap -> config -> report against `ztpd serve` started with -Xmx512m.
# Target: all provisioned in <= 60 s, none lost. Prints devices/s and p99 power-on -> provisioned,
# checks the server's own view (every device Conf Min Loaded, one address per device) and appends
# the figures to bench/RESULTS.md.
#
#   bench/storm.sh                          # 10,000 devices, the default mix
#   COUNT=2000 RATE=400 bench/storm.sh
#   MIX=juniper,cumulus bench/storm.sh
#
# Env: COUNT (10000), MIX (the flows ztpd serves), RATE power-ons per second (0 = all at once),
# SEED, NOTE (a remark for RESULTS.md, e.g. "machine shared with other jobs"),
# ZTPD_HEAP (512m), SIM_HEAP (1g), NO_RESULTS=1 to skip RESULTS.md, KEEP=1 to keep the work
# directory, ZTPD_EXTRA_OPTS / SIM_EXTRA_OPTS for more JVM options (e.g. a JFR recording).
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${COUNT:-10000}
MIX=${MIX:-all}
RATE=${RATE:-500}
SEED=${SEED:-1}
ZTPD_HEAP=${ZTPD_HEAP:-512m}
SIM_HEAP=${SIM_HEAP:-1g}
HTTP_PORT=19080
TFTP_PORT=19069
DHCP_PORT=19067
RELAY_PORT=19068
RELAY=127.32.0.1
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export JAVA_HOME

# shellcheck source=bench/storm-lib.sh
source bench/storm-lib.sh
refuse_busy_ports

./ztpd build >/dev/null
WORK=$(mktemp -d /tmp/ztpd-storm.XXXXXX)
ZTPD_PID=""
SIM_PID=""
trap on_exit EXIT

storm_files "$WORK" "$COUNT" "$MIX" "$SEED"

start_ztpd "$ZTPD_HEAP" "${ZTPD_EXTRA_OPTS:-}"
import_fleet "$WORK"

# CPU seconds a process has used (user + system), from /proc
cpu_secs() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / hz }' "/proc/$1/stat"; }

echo "# storm: $COUNT devices ($MIX), $RATE power-ons/s, ztpd -Xmx$ZTPD_HEAP"
ZTPD_CPU0=$(cpu_secs "$ZTPD_PID")
set +e
TIMEFORMAT="%U %S"
{ time ZTPD_JAVA_OPTS="-Xmx$SIM_HEAP ${SIM_EXTRA_OPTS:-}" ./ztpd simulate --count "$COUNT" --mix "$MIX" --seed "$SEED" \
  --rate "$RATE" --max-active 6000 --dhcp-port $DHCP_PORT --relay $RELAY --relay-port $RELAY_PORT \
  --http-port $HTTP_PORT --tftp-port $TFTP_PORT --attempts 5 --retry-delay 1000 \
  --progress-every 5000 --ack-log "$WORK/acks.log" > >(tee "$WORK/sim.out") ; } 2> "$WORK/sim.time"
SIM_RC=$?
set -e
ZTPD_CPU=$(awk -v a="$ZTPD_CPU0" -v b="$(cpu_secs "$ZTPD_PID")" 'BEGIN { printf "%.1f", b - a }')
SIM_CPU=$(awk '{ printf "%.1f", $1 + $2 }' "$WORK/sim.time")

check_server "$WORK" "$COUNT"
read -r DONE TOTAL SECS RATE_DONE < <(awk '/ provisioned in / { print $1, $3, $6, $8 }' "$WORK/sim.out")
P99=$(awk '$1 == "all" { print $7 }' "$WORK/sim.out")
RSS=$(ps -o rss= -p "$ZTPD_PID" | awk '{ printf "%.0f", $1 / 1024 }')
echo
echo "devices/s: $RATE_DONE   p99 power-on -> provisioned: ${P99} ms   provisioned: $DONE/$TOTAL in ${SECS}s"
echo "server: $SERVER_LOADED Conf Min Loaded, $SERVER_LEASES leases, $SERVER_DUP_IPS addresses given twice; ztpd RSS ${RSS} MiB"
PER_DEVICE=$(awk -v z="$ZTPD_CPU" -v s="$SIM_CPU" -v n="$COUNT" 'BEGIN { printf "ztpd %.1f ms, simulator %.1f ms", z * 1000 / n, s * 1000 / n }')
echo "CPU: ztpd ${ZTPD_CPU} s, simulator ${SIM_CPU} s (per device: $PER_DEVICE); load average $(cut -d' ' -f1-3 /proc/loadavg)"
VERDICT="met"
if [[ "$DONE" != "$COUNT" || "$SERVER_LOADED" != "$COUNT" || "$SERVER_DUP_IPS" != 0 ]]; then VERDICT="NOT met (lost devices)"; fi
if awk -v s="$SECS" 'BEGIN { exit !(s > 60) }'; then VERDICT="NOT met (over 60 s)"; fi
echo "target (all provisioned in <= 60 s, none lost): $VERDICT"

if [[ -z "${NO_RESULTS:-}" ]]; then
  {
    echo
    echo "### Storm — $(date '+%Y-%m-%d %H:%M'), $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)${NOTE:+ — $NOTE}"
    echo
    echo "\`COUNT=$COUNT MIX=$MIX RATE=$RATE bench/storm.sh\` (ztpd serve -Xmx$ZTPD_HEAP, simulator in its own JVM, loopback):"
    echo
    echo "| devices | provisioned | wall s | devices/s | p99 ms | server Conf Min Loaded | duplicate addresses | ztpd RSS MiB | CPU s ztpd / sim | target |"
    echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
    echo "| $COUNT | $DONE | $SECS | $RATE_DONE | $P99 | $SERVER_LOADED | $SERVER_DUP_IPS | $RSS | $ZTPD_CPU / $SIM_CPU | $VERDICT |"
    echo
    echo '```'
    sed -n '/^persona/,/provisioned in/p' "$WORK/sim.out"
    echo '```'
  } >> bench/RESULTS.md
  echo "(appended to bench/RESULTS.md)"
fi
[[ "$VERDICT" == "met" && $SIM_RC == 0 ]]
