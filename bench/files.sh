#!/usr/bin/env bash
# File delivery benchmark: ztpd's TFTP against tftpd-hpa and atftpd, in one run, same machine,
# inside a private network namespace (loopback only). Prints MiB/s and the ratio ztpd / peer.
#
#   sudo bench/files.sh            # needs root (netns), Debian packages: tftpd-hpa curl atftp
#   REPS=5 SIZE_MIB=64 bench/files.sh
#
# Each figure is the best of REPS runs, ztpd and peer alternating, so a noisy neighbour on a
# shared machine hurts both the same way. Not a test: run by hand, record in bench/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/host.sh
REPS=${REPS:-3}
SIZE_MIB=${SIZE_MIB:-64}
CLIENTS=${CLIENTS:-20}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}

need() { command -v "$1" >/dev/null || { echo "missing $1: apt-get install $2" >&2; exit 2; }; }
need curl curl; need atftp atftp; need in.tftpd tftpd-hpa; need ip iproute2
[ "$(id -u)" = 0 ] || { echo "run as root (network namespace)" >&2; exit 2; }

WORK=$(mktemp -d /tmp/ztpd-bench.XXXXXX)
NS=ztpdbench$$
cleanup() {
  # every process left in the benchmark's own namespace is one of ours
  if ip netns list | grep -qw "$NS"; then
    for p in $(ip netns pids "$NS"); do kill "$p" 2>/dev/null || true; done
    sleep 1
    grep -h "stats at exit" "$WORK/ztpd.log" 2>/dev/null || true
    for p in $(ip netns pids "$NS"); do kill -9 "$p" 2>/dev/null || true; done
    ip netns del "$NS" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# atftpd conflicts with tftpd-hpa as a package: unpack it instead of installing it.
ATFTPD=$(command -v atftpd || true)
if [ -z "$ATFTPD" ]; then
  (cd "$WORK" && apt-get download atftpd >/dev/null && dpkg -x atftpd_*.deb atftpd-x)
  ATFTPD=$WORK/atftpd-x/usr/sbin/atftpd
fi

echo "== building ztpd-files"
./mvnw -B -q -o -pl ztpd-core,ztpd-files compile dependency:build-classpath \
  -Dmdep.outputFile="$WORK/cp.txt" >/dev/null 2>&1 \
  || ./mvnw -B -q -pl ztpd-core,ztpd-files compile dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
CP="$PWD/ztpd-files/target/classes:$PWD/ztpd-core/target/classes:$(tr ':' '\n' <"$WORK/cp.txt" | grep -v '/ztpd-core' | paste -sd:)"

ROOT=$WORK/root
mkdir -p "$ROOT"; chmod 755 "$WORK" "$ROOT"
head -c $((SIZE_MIB << 20)) /dev/urandom >"$ROOT/big.bin"; chmod 644 "$ROOT/big.bin"
SHA=$(sha256sum "$ROOT/big.bin" | cut -d' ' -f1)

ip netns add "$NS"; ip -n "$NS" link set lo up
nsx() { ip netns exec "$NS" "$@"; }
ZTPD=10069 HPA=10070 ATFTPD_PORT=10071
ip netns exec "$NS" "$JAVA_HOME/bin/java" -cp "$CP" io.ztpd.files.bench.StandaloneTftpMain "$ROOT" $ZTPD 127.0.0.1 \
  >"$WORK/ztpd.log" 2>&1 &
ip netns exec "$NS" in.tftpd --listen --foreground -4 --address :$HPA --secure "$ROOT" >"$WORK/hpa.log" 2>&1 &
ip netns exec "$NS" "$ATFTPD" --daemon --no-fork --port $ATFTPD_PORT --bind-address 127.0.0.1 --user nobody --group nogroup \
  --logfile /dev/null --maxthread 100 "$ROOT" &
for _ in $(seq 50); do grep -q "tftp ready" "$WORK/ztpd.log" && break; sleep 0.2; done
grep -q "tftp ready" "$WORK/ztpd.log" || { cat "$WORK/ztpd.log"; exit 1; }

now() { date +%s.%N; }
mibs() { awk -v s="$1" -v e="$2" -v m="$3" 'BEGIN { printf "%.1f", m / (e - s) }'; }
check() { local got; got=$(sha256sum "$1" | cut -d' ' -f1); [ "$got" = "$SHA" ] || { echo "WRONG BYTES from $2" >&2; exit 1; }; }

# one client; prints MiB/s
curl_get() { # port blksize
  local out=$WORK/out.$1 s e; s=$(now)
  nsx curl -sS --tftp-blksize "$2" -o "$out" "tftp://127.0.0.1:$1/big.bin"; e=$(now)
  check "$out" "curl :$1"; mibs "$s" "$e" "$SIZE_MIB"
}
atftp_get() { # port windowsize blksize
  local out=$WORK/out.$1 s e; s=$(now)
  nsx atftp --get -r big.bin -l "$out" --option "blksize $3" --option "windowsize $2" 127.0.0.1 "$1" >/dev/null 2>&1; e=$(now)
  check "$out" "atftp :$1"; mibs "$s" "$e" "$SIZE_MIB"
}
# CLIENTS at once; prints aggregate MiB/s
many() { # kind port arg
  local s e i; CLIENT_PIDS=(); s=$(now)
  for i in $(seq "$CLIENTS"); do
    if [ "$1" = curl ]; then nsx curl -sS --tftp-blksize "$3" -o "$WORK/m.$i" "tftp://127.0.0.1:$2/big.bin" &
    else nsx atftp --get -r big.bin -l "$WORK/m.$i" --option "blksize 1468" --option "windowsize $3" 127.0.0.1 "$2" >/dev/null 2>&1 &
    fi
    CLIENT_PIDS+=($!)
  done
  wait_clients; e=$(now)
  for i in $(seq "$CLIENTS"); do check "$WORK/m.$i" "$1 :$2 client $i"; done
  rm -f "$WORK"/m.*
  mibs "$s" "$e" $((SIZE_MIB * CLIENTS))
}
wait_clients() { local j; for j in "${CLIENT_PIDS[@]}"; do wait "$j"; done; CLIENT_PIDS=(); }
best() { sort -g | tail -1; }

# warm the JIT and the page cache once, unmeasured
curl_get $ZTPD 1468 >/dev/null; curl_get $HPA 1468 >/dev/null

steal0=$(steal_mark)
printf '%-34s %10s %10s %7s\n' "case (${SIZE_MIB} MiB, best of $REPS)" ztpd peer ratio
row() { # label ztpd peer
  printf '%-34s %10s %10s %7s\n' "$1" "$2" "$3" "$(awk -v a="$2" -v b="$3" 'BEGIN { printf "%.2f", a / b }')"
}
for bs in 512 1468 8192 65464; do
  z=(); p=()
  for _ in $(seq "$REPS"); do z+=("$(curl_get $ZTPD "$bs")"); p+=("$(curl_get $HPA "$bs")"); done
  row "curl blksize $bs vs tftpd-hpa" "$(printf '%s\n' "${z[@]}" | best)" "$(printf '%s\n' "${p[@]}" | best)"
done
for ws in 1 16 64; do
  z=(); p=()
  for _ in $(seq "$REPS"); do z+=("$(atftp_get $ZTPD "$ws" 1468)"); p+=("$(atftp_get $ATFTPD_PORT "$ws" 1468)"); done
  row "atftp ws $ws blk 1468 vs atftpd" "$(printf '%s\n' "${z[@]}" | best)" "$(printf '%s\n' "${p[@]}" | best)"
done
row "$CLIENTS x curl blk 8192 vs tftpd-hpa" "$(many curl $ZTPD 8192)" "$(many curl $HPA 8192)"
row "$CLIENTS x atftp ws 16 vs atftpd" "$(many atftp $ZTPD 16)" "$(many atftp $ATFTPD_PORT 16)"
echo "CPU stolen by the host during the runs: $(steal_since "$steal0") %"

# ---- HTTP hook (owned by the web module): a 256 MiB image over HTTP, ztpd vs nginx. ----
# When ztpd's HTTP file serving can run standalone, start it in "$NS" here serving "$ROOT", start
# nginx beside it, fetch with curl/wrk, and print: row "http 256 MiB vs nginx" <ztpd> <nginx>
# ------------------------------------------------------------------------------------------
