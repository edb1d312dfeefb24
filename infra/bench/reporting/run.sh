#!/usr/bin/env bash
# Benchmark of reporting-service (not a test): apply rate of the live consumer, rebuild from the
# topics, report JSON / DOCX / PDF response times for a year with EVENTS/2 payments.
# Runs against the module's test infrastructure (local PostgreSQL, in-JVM Kafka broker) in one JVM.
#   infra/bench/reporting/run.sh [EVENTS] [REBUILD=true|false]
# Result: reporting-service/target/bench/reporting.json (also printed as "BENCH result ...").
set -euo pipefail
cd "$(dirname "$0")/../../.."
events="${1:-1000000}"
rebuild="${2:-true}"
./mvnw -q -f reporting-service/pom.xml test-compile
./mvnw -q -f reporting-service/pom.xml surefire:test -Dtest=ReportingBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.events="$events" -Dbench.rebuild="$rebuild" -DargLine="-Xmx6g" \
  -Dsurefire.timeout=0 || { echo "benchmark failed; see reporting-service/target/surefire-reports"; exit 1; }
grep -h "BENCH" reporting-service/target/surefire-reports/*ReportingBenchmark-output.txt || true
cat reporting-service/target/bench/reporting.json
