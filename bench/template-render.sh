#!/usr/bin/env bash
# Template render throughput (TemplateEngine, 40-line config, 15 variables). Usage: bench/template-render.sh [threads] [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
./mvnw -B -q -o -pl ztpd-core compile dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt -Dmdep.includeScope=runtime >/dev/null
"$JAVA_HOME/bin/java" -cp "ztpd-core/target/classes:$(cat ztpd-core/target/bench-cp.txt)" bench/TemplateRenderBench.java "$@"
