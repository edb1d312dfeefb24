#!/usr/bin/env bash
# Gateway overhead benchmark (not a test): the same GET of one migrant, through the gateway and
# directly against population-service, alternating in the same run. Writes result.json.
#
# Needs: the built jars (./mvnw -q -DskipTests package for population-service, gateway, infra/token-cli),
# wrk (apt-get install -y wrk), curl, PostgreSQL on 127.0.0.1:5432 (trust auth, user postgres).
# Kafka: KAFKA_BOOTSTRAP_SERVERS (default 127.0.0.1:9092). Give it a broker of its own, not a platform's that
# does real work (the benchmark registers a migrant); an unreachable address (127.0.0.1:1) works too: the
# event then waits in the outbox.
# A broker of its own: RESETTLEMENT_HOME=/tmp/benchkafka KAFKA_PORT=19092 SERVICES=none infra/local/platform up
#
# usage: infra/bench/gateway/run.sh [duration=20s] [connections=16] [rounds=3]
# environment: WARMUP_REQUESTS=30000 requests through the gateway before measuring (it warms both JVMs: a
#              method reaches the optimising compiler after ~15,000 calls, so warm up by count, not time);
#              GATEWAY_JAVA_OPTS (default -Xmx256m), SERVICE_JAVA_OPTS (default -Xmx512m);
#              PIN=true places the processes on cores as they are deployed (the gateway does not share the
#              service's CPU): population-service alone on core 0, the gateway and wrk on core 1 — wrk stays
#              on core 1 for the direct runs too, so both ways give the service the same one core
set -euo pipefail

DURATION=${1:-20s}
CONNECTIONS=${2:-16}
ROUNDS=${3:-3}
ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
OUT=${OUT_DIR:-/tmp/gateway-bench}
GATEWAY_PORT=${GATEWAY_PORT:-18080}
POPULATION_PORT=${POPULATION_PORT:-18081}
DATABASE=${BENCH_DATABASE:-bench_population}
GATEWAY_JAR=$ROOT/gateway/target/gateway-1.0.0-SNAPSHOT-exec.jar
POPULATION_JAR=$ROOT/population-service/target/population-service-1.0.0-SNAPSHOT-exec.jar
TOKEN_JAR=$ROOT/infra/token-cli/target/token-cli-1.0.0-SNAPSHOT.jar
# a valid ID number (check character included) of the benchmark's one migrant
ID_NUMBER=430582198001017778

for jar in "$GATEWAY_JAR" "$POPULATION_JAR" "$TOKEN_JAR"; do
  [[ -f $jar ]] || { echo "missing $jar: build it first (./mvnw -q -DskipTests package)" >&2; exit 1; }
done
command -v wrk > /dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
mkdir -p "$OUT"
SERVICE_CPU=(); GATEWAY_CPU=(); WRK_CPU=()
if [[ ${PIN:-false} == true ]]; then
  (( $(nproc) >= 2 )) || { echo "PIN=true needs two cores" >&2; exit 1; }
  SERVICE_CPU=(taskset -c 0); GATEWAY_CPU=(taskset -c 1); WRK_CPU=(taskset -c 1)
fi

psql "postgresql://postgres@127.0.0.1:5432/postgres" -tAc "select 1 from pg_database where datname = '$DATABASE'" \
  | grep -q 1 || psql "postgresql://postgres@127.0.0.1:5432/postgres" -qc "create database $DATABASE"

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2> /dev/null || true; done; }
trap cleanup EXIT

# the JAVA_OPTS variables hold several options: split on purpose
# shellcheck disable=SC2086
PORT=$POPULATION_PORT JWT_DEV_KEY=true DATABASE_URL=jdbc:postgresql://127.0.0.1:5432/$DATABASE \
  KAFKA_BOOTSTRAP_SERVERS=${KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:9092} \
  "${SERVICE_CPU[@]}" java ${SERVICE_JAVA_OPTS:--Xmx512m} -jar "$POPULATION_JAR" > "$OUT/population.log" 2>&1 &
pids+=($!)
POPULATION_PID=$!
# shellcheck disable=SC2086
PORT=$GATEWAY_PORT JWT_DEV_KEY=true POPULATION_URL=http://127.0.0.1:$POPULATION_PORT \
  "${GATEWAY_CPU[@]}" java ${GATEWAY_JAVA_OPTS:--Xmx256m} -jar "$GATEWAY_JAR" > "$OUT/gateway.log" 2>&1 &
pids+=($!)
GATEWAY_PID=$!

ready() { curl -sf --retry 180 --retry-delay 1 --retry-connrefused --retry-all-errors -o /dev/null "$1/actuator/health/readiness"; }
ready "http://127.0.0.1:$POPULATION_PORT"
ready "http://127.0.0.1:$GATEWAY_PORT"

# 500 users: the default per-user limit (20/s) is not what is measured here
java -jar "$TOKEN_JAR" --user bench --roles STAFF --count 500 > "$OUT/tokens.txt"
ADMIN=$(java -jar "$TOKEN_JAR" --user bench-admin --roles ADMIN)
DIRECT=http://127.0.0.1:$POPULATION_PORT
GATEWAY=http://127.0.0.1:$GATEWAY_PORT

json() { sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p"; }
# ID numbers travel in bodies, never in URLs: find the migrant with the lookup
MIGRANT=$(curl -sf -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
  -d "{\"idNumbers\":[\"$ID_NUMBER\"]}" "$GATEWAY/api/v1/population/migrants/lookup" | json migrantId)
if [[ -z $MIGRANT ]]; then
  HOUSEHOLD=$(curl -sf -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
    -d "{\"householdNo\":\"BENCH-$(date +%s)\",\"townshipCode\":\"430582101\",\"village\":\"三合村\",\"areaType\":\"RESERVOIR_AREA\",\"relocatedOn\":\"2010-05-01\"}" \
    "$GATEWAY/api/v1/population/households" | json id)
  MIGRANT=$(curl -sf -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
    -d "{\"idNumber\":\"$ID_NUMBER\",\"name\":\"李明\",\"householdId\":\"$HOUSEHOLD\",\"cardAccount\":\"6217000012345678\"}" \
    "$GATEWAY/api/v1/population/migrants" | json id)
fi
PATH_UNDER_TEST=/api/v1/population/migrants/$MIGRANT
echo "GET $PATH_UNDER_TEST, $CONNECTIONS connections, $ROUNDS rounds of $DURATION each way"

# CPU time (clock ticks) a process has used: the machine is shared, so besides latency and throughput
# the benchmark reports CPU per request, which other load hardly changes
ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
TICK=$(getconf CLK_TCK)

bench() { # target connections threads duration → "rps p50 p90 p99 errors serviceCpuMs gatewayCpuMs" (per request)
  local pop_before gw_before output
  pop_before=$(ticks "$POPULATION_PID"); gw_before=$(ticks "$GATEWAY_PID")
  output=$("${WRK_CPU[@]}" wrk --latency -t"$3" -c"$2" -d"$4" -s "$(dirname "$0")/get.lua" "$1" -- "$PATH_UNDER_TEST" "$OUT/tokens.txt")
  printf '%s\n' "$output" >> "$OUT/wrk.txt"
  printf '%s\n' "$output" | awk -v pop=$(( $(ticks "$POPULATION_PID") - pop_before )) \
    -v gw=$(( $(ticks "$GATEWAY_PID") - gw_before )) -v tick="$TICK" '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /requests in/ { requests = $1 }
    /Requests\/sec/ { rps = $2 }
    /^ +50%/ { p50 = ms($2) } /^ +90%/ { p90 = ms($2) } /^ +99%/ { p99 = ms($2) }
    /Non-2xx/ { errors += $5 } /Socket errors/ { errors += 1 }
    END { printf "%.0f %.3f %.3f %.3f %d %.3f %.3f\n", rps, p50, p90, p99, errors,
            pop * 1000 / tick / requests, gw * 1000 / tick / requests }'
}

: > "$OUT/wrk.txt"
warmed=0
for _ in $(seq 60); do
  (( warmed < ${WARMUP_REQUESTS:-30000} )) || break
  warmed=$(( warmed + $(bench "$GATEWAY" "$CONNECTIONS" 2 15s | awk '{ printf "%d", $1 * 15 }') ))
done
bench "$DIRECT" "$CONNECTIONS" 2 10s > /dev/null
echo "warmed up with $warmed requests through the gateway"

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
declare -A results
for scenario in "single:1:1" "loaded:$CONNECTIONS:2"; do
  IFS=: read -r name connections threads <<< "$scenario"
  for round in $(seq "$ROUNDS"); do
    for target in direct gateway; do
      url=$DIRECT; [[ $target == gateway ]] && url=$GATEWAY
      line=$(bench "$url" "$connections" "$threads" "$DURATION")
      echo "$name round $round $target: rps p50 p90 p99 errors serviceCpuMs/req gatewayCpuMs/req = $line"
      results[$name.$target]+="$line"$'\n'
    done
  done
done

field() { printf '%s' "${results[$1]}" | awk -v f="$2" 'NF { print $f }' | median; }
{
  echo "{"
  echo "  \"path\": \"GET /api/v1/population/migrants/{id}\", \"duration\": \"$DURATION\", \"rounds\": $ROUNDS,"
  echo "  \"cpus\": $(nproc), \"pinned\": ${PIN:-false}, \"loadAverageBefore\": \"$(cut -d' ' -f1-3 /proc/loadavg)\","
  for name in single loaded; do
    connections=1; [[ $name == loaded ]] && connections=$CONNECTIONS
    d_rps=$(field "$name.direct" 1); g_rps=$(field "$name.gateway" 1)
    d_p50=$(field "$name.direct" 2); g_p50=$(field "$name.gateway" 2)
    echo "  \"$name\": { \"connections\": $connections,"
    echo "    \"cpuMsPerRequest\": { \"serviceDirect\": $(field "$name.direct" 6), \"serviceBehindGateway\": $(field "$name.gateway" 6), \"gateway\": $(field "$name.gateway" 7) },"
    echo "    \"direct\":  { \"rps\": $d_rps, \"p50ms\": $d_p50, \"p90ms\": $(field "$name.direct" 3), \"p99ms\": $(field "$name.direct" 4), \"errors\": $(field "$name.direct" 5) },"
    echo "    \"gateway\": { \"rps\": $g_rps, \"p50ms\": $g_p50, \"p90ms\": $(field "$name.gateway" 3), \"p99ms\": $(field "$name.gateway" 4), \"errors\": $(field "$name.gateway" 5) },"
    echo "    \"addedP50ms\": $(awk -v g="$g_p50" -v d="$d_p50" 'BEGIN { printf "%.3f", g - d }'),"
    echo "    \"throughputRatio\": $(awk -v g="$g_rps" -v d="$d_rps" 'BEGIN { printf "%.3f", g / d }') }$([[ $name == single ]] && echo ,)"
  done
  echo "}"
} > "$OUT/result.json"
cat "$OUT/result.json"
