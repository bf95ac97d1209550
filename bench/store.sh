#!/usr/bin/env bash
# Store event-append throughput (EventLog.append), SQLite (synchronous NORMAL and FULL) and
# PostgreSQL in the same run. Not a test. Usage: bench/store.sh [seconds-per-cell]
# PostgreSQL: $ZTPD_TEST_PG_URL, else the one .ci/postgres.sh provides (it is started if needed).
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_CELL=${1:-3}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}

./mvnw -B -q -pl ztpd-store -am test-compile -Dspotless.check.skip=true
./mvnw -B -q -pl ztpd-store dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$PWD/ztpd-store/target/bench.classpath" >/dev/null
CP="ztpd-store/target/test-classes:ztpd-store/target/classes:ztpd-core/target/classes:$(cat ztpd-store/target/bench.classpath)"

PG_URL=${ZTPD_TEST_PG_URL:-$(bash .ci/postgres.sh | tail -1)}
SCHEMA="bench_$$"
psql "$PG_URL" -qc "CREATE SCHEMA $SCHEMA"
TMP=$(mktemp -d)
trap 'psql "$PG_URL" -qc "DROP SCHEMA IF EXISTS $SCHEMA CASCADE" >/dev/null 2>&1; rm -rf "$TMP"' EXIT

echo "# $(date -u +%F) $(nproc) cores / $(free -g | awk '/Mem/{print $2}') GiB, $(uname -sr)"
"$JAVA_HOME/bin/java" -cp "$CP" io.ztpd.store.bench.EventAppendBench --seconds "$SECONDS_PER_CELL" \
  "sqlite-normal=sqlite:$TMP/normal/ztpd.db" \
  "sqlite-full=sqlite:$TMP/full/ztpd.db?synchronous=full" \
  "postgresql=${PG_URL}?currentSchema=$SCHEMA"
