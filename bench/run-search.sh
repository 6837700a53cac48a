#!/usr/bin/env bash
# Builds the platform jar and the benchmark (reactor build in this work tree, no install), then
# runs SearchBenchmark. Pass -D options to java through BENCH_OPTS, e.g.
#   BENCH_OPTS="-Dbench.search.docs=100000 -Dbench.n=400" bench/run-search.sh
# Skip the build with BENCH_SKIP_BUILD=1 when the jars are fresh.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${BENCH_SKIP_BUILD:-0}" != "1" ]]; then
  mvn -B -q -DskipTests package -pl platform/app,bench -am
fi
# shellcheck disable=SC2086 # BENCH_OPTS is a list of options on purpose
exec java ${BENCH_OPTS:-} -cp "bench/target/blackstart-bench-0.1.0-SNAPSHOT.jar:$(cat bench/target/classpath.txt)" \
  org.blackstart.bench.SearchBenchmark "$@"
