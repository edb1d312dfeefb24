#!/usr/bin/env bash
# Event-pipeline benchmark (not a test): sustained events/s from population-service's outbox to
# reporting-service's read models, and write-to-report lag p50/p99, against Kafka's own producer, consumer and
# end-to-end latency tools on the same broker in the same run.
#
#   infra/bench/pipeline/run.sh [ROWS=200000]
#
# 1. population-service and reporting-service from their exec jars (fresh databases bench_pipeline_*), a Kafka
#    broker of their own (the runner, empty data folder, stopped at the end).
# 2. Idle lag: the probe (Probe.java) registers one migrant through HTTP every PROBE_INTERVAL_MS and polls
#    reporting's rm_migrant every POLL_MS until it shows: commit (201 response) → visible in the read model.
# 3. Loaded: a roster CSV of ROWS rows imported as one job (≈ 1.25 events per row: HouseholdRegistered +
#    MigrantRegistered) while the probe keeps writing; waits until reporting has applied every event of the
#    outbox. Throughput end to end = the import's events / (last of them applied − upload start); the relay's
#    and the apply's own rates from the outbox's published_at and the inbox's processed_at; per-event lag of
#    the import's events (outbox created_at → inbox processed_at, the same PostgreSQL clock) and the probe's.
# 4. Backlog: population-service restarted with its relay off (RESETTLEMENT_OUTBOX_ENABLED=false), a second roster
#    of BACKLOG_ROWS rows imported (its events wait in the outbox), population-service restarted with the relay on:
#    the relay and reporting drain the backlog with nothing else writing (relay rate, drain rate to applied).
# 5. Anchor, services stopped: kafka-tools ProducerPerformance (records of the average size of the import's
#    events, acks=all, idempotent, 12 partitions), ConsumerPerformance of the same records, EndToEndLatency
#    (one record at a time, acks=all).
#
# Needs: the built exec jars and infra/token-cli (./mvnw -B -q install -DskipTests), PostgreSQL on 127.0.0.1:5432
# (trust auth, user postgres), curl, python3; kafka-tools of the broker's version is fetched into
# $KAFKA_HOME/kafka-tools with ./mvnw dependency:copy when missing.
# environment: POPULATION_PORT (28081), REPORTING_PORT (28086), KAFKA_PORT (29092), KAFKA_HOME
#   (/tmp/bench-pipeline-kafka), SERVICE_JAVA_OPTS (-Xmx1g), PROBE_INTERVAL_MS (100), POLL_MS (20),
#   IDLE_SECONDS (20), BACKLOG_ROWS (ROWS; 0 skips step 4), PERF_RECORDS (1000000), LATENCY_RECORDS (2000), OUT_DIR (target/bench/pipeline)
#   KEEP_DATABASES (false: the two databases are dropped at the end)
# Result: $OUT_DIR/result.json (also printed); logs and raw files beside it.
set -euo pipefail
cd "$(dirname "$0")/../../.."
ROOT=$(pwd)
ROWS=${1:-200000}
OUT=${OUT_DIR:-$ROOT/target/bench/pipeline}
POPULATION_PORT=${POPULATION_PORT:-28081}
REPORTING_PORT=${REPORTING_PORT:-28086}
KAFKA_PORT=${KAFKA_PORT:-29092}
KAFKA_HOME=${KAFKA_HOME:-/tmp/bench-pipeline-kafka}
PROBE_INTERVAL_MS=${PROBE_INTERVAL_MS:-100}
POLL_MS=${POLL_MS:-20}
IDLE_SECONDS=${IDLE_SECONDS:-20}
BACKLOG_ROWS=${BACKLOG_ROWS:-$ROWS}
PERF_RECORDS=${PERF_RECORDS:-1000000}
LATENCY_RECORDS=${LATENCY_RECORDS:-2000}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
export PGOPTIONS='-c client_min_messages=warning'
POP_DB=bench_pipeline_population
REP_DB=bench_pipeline_reporting
POPULATION_JAR=$ROOT/population-service/target/population-service-1.0.0-SNAPSHOT-exec.jar
REPORTING_JAR=$ROOT/reporting-service/target/reporting-service-1.0.0-SNAPSHOT-exec.jar
TOKEN_JAR=$ROOT/infra/token-cli/target/token-cli-1.0.0-SNAPSHOT.jar
for jar in "$POPULATION_JAR" "$REPORTING_JAR" "$TOKEN_JAR"; do
  [[ -f $jar ]] || { echo "missing $jar: ./mvnw -B -q install -DskipTests" >&2; exit 1; }
done
mkdir -p "$OUT"
echo "command: $0 $*"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo), $(java -version 2>&1 | head -n 1)"
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
echo "load average at start: $LOAD_START"
now() { date +%s.%N; }

# --- a broker of its own, empty
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2> /dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2> /dev/null || true; done
  RESETTLEMENT_HOME=$KAFKA_HOME KAFKA_PORT=$KAFKA_PORT SERVICES=none infra/local/platform down > /dev/null || true
}
trap cleanup EXIT
rm -rf "$KAFKA_HOME/kafka/data" "$KAFKA_HOME/kafka/server.properties"
RESETTLEMENT_HOME=$KAFKA_HOME KAFKA_PORT=$KAFKA_PORT SERVICES=none infra/local/platform up | grep -i kafka | head -n 1
BOOTSTRAP=127.0.0.1:$KAFKA_PORT
KAFKA_VERSION=$(tr ':' '\n' < "$KAFKA_HOME/kafka/classpath" | sed -n 's|.*/kafka-clients-\(.*\)\.jar$|\1|p' | head -n 1)
TOOLS_JAR=$KAFKA_HOME/kafka-tools/kafka-tools-$KAFKA_VERSION.jar
if [[ ! -f $TOOLS_JAR ]]; then # the broker's class path has every dependency of kafka-tools but itself
  ./mvnw -B -q dependency:copy -Dartifact="org.apache.kafka:kafka-tools:$KAFKA_VERSION" \
    -DoutputDirectory="$KAFKA_HOME/kafka-tools"
fi
KAFKA_CP="$(cat "$KAFKA_HOME/kafka/classpath"):$TOOLS_JAR"

# --- services, fresh databases
for db in $POP_DB $REP_DB; do psql -q -d postgres -c "drop database if exists $db with (force)" -c "create database $db"; done
read -r -a java_opts <<< "${SERVICE_JAVA_OPTS:--Xmx1g}"
start_population() { # relay-enabled log
  env PORT="$POPULATION_PORT" JWT_DEV_KEY=true DATABASE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$POP_DB" DATABASE_USER="$PGUSER" \
    KAFKA_BOOTSTRAP_SERVERS="$BOOTSTRAP" RESETTLEMENT_OUTBOX_ENABLED="$1" \
    java "${java_opts[@]}" -jar "$POPULATION_JAR" < /dev/null > "$2" 2>&1 &
  POPULATION_PID=$!
  pids+=("$POPULATION_PID")
}
await_ready() { # port
  local deadline=$((SECONDS + 240))
  until curl -fsS -m 2 -o /dev/null "http://127.0.0.1:$1/actuator/health/readiness" 2> /dev/null; do
    kill -0 "$POPULATION_PID" "$REPORTING_PID" 2> /dev/null || { echo "a service exited; see $OUT/*.log" >&2; exit 1; }
    [[ $SECONDS -lt $deadline ]] || { echo "not ready in 240 s: port $1" >&2; exit 1; }
    sleep 0.5
  done
}
start_population true "$OUT/population.log"
env PORT="$REPORTING_PORT" JWT_DEV_KEY=true DATABASE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$REP_DB" DATABASE_USER="$PGUSER" \
  KAFKA_BOOTSTRAP_SERVERS="$BOOTSTRAP" java "${java_opts[@]}" -jar "$REPORTING_JAR" < /dev/null > "$OUT/reporting.log" 2>&1 &
REPORTING_PID=$!
pids+=("$REPORTING_PID")
await_ready "$POPULATION_PORT"
await_ready "$REPORTING_PORT"
IMPORTER=$(java -jar "$TOKEN_JAR" --user bench-importer --roles STAFF --ttl 4h)
BACKLOGGER=$(java -jar "$TOKEN_JAR" --user bench-backlog --roles STAFF --ttl 4h)
PROBER=$(java -jar "$TOKEN_JAR" --user bench-probe --roles STAFF,ADMIN --ttl 4h)

# the PostgreSQL driver for the probe, from the service's own jar
if ! compgen -G "$OUT/lib/postgresql-*.jar" > /dev/null; then
  python3 - "$POPULATION_JAR" "$OUT/lib" << 'EOF'
import os, sys, zipfile
jar, out = sys.argv[1:3]
os.makedirs(out, exist_ok=True)
with zipfile.ZipFile(jar) as z:
    for name in z.namelist():
        if name.startswith("BOOT-INF/lib/postgresql-") and name.endswith(".jar"):
            with open(os.path.join(out, os.path.basename(name)), "wb") as f:
                f.write(z.read(name))
EOF
fi
PG_JAR=$(compgen -G "$OUT/lib/postgresql-*.jar" | head -n 1)
probe() { # seconds stop-file out id-offset
  java -cp "$PG_JAR" "$ROOT/infra/bench/pipeline/Probe.java" "http://127.0.0.1:$POPULATION_PORT" "$PROBER" \
    "jdbc:postgresql://$PGHOST:$PGPORT/$REP_DB" "$PROBE_INTERVAL_MS" "$POLL_MS" "$1" "$2" "$3" "$4"
}
pop() { psql -At -d $POP_DB -c "$1"; }
rep() { psql -At -d $REP_DB -c "$1"; }
outbox_total() { pop "select count(*) from outbox_event"; }
applied_total() { rep "select coalesce(sum(events), 0) from rm_partition_progress where topic = 'resettlement.population.v1'"; }
await_applied() { # until reporting has seen as many population events as the outbox holds (or 900 s)
  local deadline=$((SECONDS + 900)) target
  target=$(outbox_total)
  until (( $(applied_total) >= target )); do
    [[ $SECONDS -lt $deadline ]] || { echo "reporting did not catch up in 900 s: $(applied_total) of $target" >&2; exit 1; }
    sleep 0.2
  done
}

# --- 2. idle lag (after a warm-up whose samples are not kept: the first events after start-up wait for the
# consumers' partition assignment and the first connections)
probe 5 /nonexistent "$OUT/probe-warmup.tsv" 50000 > /dev/null
await_applied
echo "idle: one migrant every ${PROBE_INTERVAL_MS} ms for ${IDLE_SECONDS} s"
probe "$IDLE_SECONDS" /nonexistent "$OUT/probe-idle.tsv" 0
await_applied

# --- 3. the import while the probe writes
CSV=$OUT/roster-$ROWS.csv
[[ -s $CSV ]] || python3 infra/bench/population/generate_roster.py "$ROWS" "$CSV"
rm -f "$OUT/stop"
probe 0 "$OUT/stop" "$OUT/probe-loaded.tsv" 100000 &
PROBE_PID=$!
pids+=("$PROBE_PID")
sleep 2
LOAD_IMPORT=$(cut -d' ' -f1-3 /proc/loadavg)
echo "loaded: importing $ROWS rows (load $LOAD_IMPORT)"
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
pop_cpu0=$(cpu_ticks "$POPULATION_PID"); rep_cpu0=$(cpu_ticks "$REPORTING_PID")
import_csv() { # token csv: one import job, waits for its end
  local job id status
  job=$(curl -fsS -H "Authorization: Bearer $1" -F "file=@$2;type=text/csv" \
    "http://127.0.0.1:$POPULATION_PORT/api/v1/population/imports")
  id=$(printf '%s' "$job" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  while :; do
    status=$(curl -fsS -H "Authorization: Bearer $1" "http://127.0.0.1:$POPULATION_PORT/api/v1/population/jobs/$id" \
      | python3 -c 'import json,sys; print(json.load(sys.stdin)["status"])')
    case "$status" in SUCCEEDED | FAILED) break ;; esac
    sleep 0.5
  done
  [[ $status == SUCCEEDED ]] || { echo "import job $status" >&2; exit 1; }
}
upload_start=$(now)
import_csv "$IMPORTER" "$CSV"
import_done=$(now)
echo "import finished after $(awk -v a="$upload_start" -v b="$import_done" 'BEGIN { printf "%.1f", b - a }') s; waiting for reporting"
await_applied
drained=$(now)
pop_cpu=$(( $(cpu_ticks "$POPULATION_PID") - pop_cpu0 )); rep_cpu=$(( $(cpu_ticks "$REPORTING_PID") - rep_cpu0 ))
LOAD_LOADED_END=$(cut -d' ' -f1-3 /proc/loadavg)
touch "$OUT/stop"
wait "$PROBE_PID"

# --- 4. backlog: events written with the relay off, then drained with nothing else writing
stop_population() { kill "$POPULATION_PID"; wait "$POPULATION_PID" 2> /dev/null || true; }
backlog_start=0
if (( BACKLOG_ROWS > 0 )); then
  BACKLOG_CSV=$OUT/roster-$BACKLOG_ROWS-seed1.csv
  [[ -s $BACKLOG_CSV ]] || python3 infra/bench/population/generate_roster.py "$BACKLOG_ROWS" "$BACKLOG_CSV" 1
  stop_population
  start_population false "$OUT/population-relay-off.log"
  await_ready "$POPULATION_PORT"
  import_csv "$BACKLOGGER" "$BACKLOG_CSV"
  stop_population
  echo "backlog: $(pop "select count(*) from outbox_event where published_at is null") events waiting; relay on (load $(cut -d' ' -f1-3 /proc/loadavg))"
  backlog_start=$(now)
  start_population true "$OUT/population-backlog.log"
  await_ready "$POPULATION_PORT"
  await_applied
fi

# per-event times: the outbox (population's database) joined with the inbox (reporting's) by event id
pop "\\copy (select id, event_type, actor, extract(epoch from created_at), extract(epoch from published_at), octet_length(payload), aggregate_id from outbox_event) to '$OUT/outbox.csv' csv" > /dev/null
rep "\\copy (select event_id, extract(epoch from processed_at) from inbox_event) to '$OUT/inbox.csv' csv" > /dev/null
MIGRANT_BYTES=$(pop "select round(avg(octet_length(payload))) from outbox_event where actor = 'bench-importer' and event_type like '%MigrantRegistered%'")
ALL_BYTES=$(pop "select round(avg(octet_length(payload))) from outbox_event where actor = 'bench-importer'")
kill "$POPULATION_PID" "$REPORTING_PID"; wait "$POPULATION_PID" "$REPORTING_PID" 2> /dev/null || true
pids=()

# --- 4. anchor: Kafka's own tools on the same broker, services stopped
RECORD_SIZE=${RECORD_SIZE:-$ALL_BYTES}
LOAD_ANCHOR=$(cut -d' ' -f1-3 /proc/loadavg)
echo "anchor: $PERF_RECORDS records of $RECORD_SIZE bytes (load $LOAD_ANCHOR)"
kafka_tool() { java -Xmx1g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$KAFKA_CP" "$@"; }
kafka_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "$BOOTSTRAP" --create --if-not-exists --topic bench.perf \
  --partitions 12 --replication-factor 1 > /dev/null
kafka_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "$BOOTSTRAP" --create --if-not-exists --topic bench.latency \
  --partitions 1 --replication-factor 1 > /dev/null
kafka_tool org.apache.kafka.tools.ProducerPerformance --topic bench.perf --num-records "$PERF_RECORDS" \
  --record-size "$RECORD_SIZE" --throughput -1 \
  --producer-props bootstrap.servers="$BOOTSTRAP" acks=all enable.idempotence=true 2> /dev/null | tee "$OUT/producer-perf.txt" | tail -n 1
kafka_tool org.apache.kafka.tools.ConsumerPerformance --bootstrap-server "$BOOTSTRAP" --topic bench.perf \
  --messages "$PERF_RECORDS" --timeout 60000 2> /dev/null | tee "$OUT/consumer-perf.txt"
kafka_tool org.apache.kafka.tools.EndToEndLatency "$BOOTSTRAP" bench.latency "$LATENCY_RECORDS" all "$RECORD_SIZE" \
  2> /dev/null | tee "$OUT/end-to-end-latency.txt" | tail -n 3
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)
if [[ ${KEEP_DATABASES:-false} != true ]]; then
  for db in $POP_DB $REP_DB; do psql -q -d postgres -c "drop database if exists $db with (force)"; done
fi

python3 - "$OUT" "$ROWS" "$upload_start" "$import_done" "$drained" "$pop_cpu" "$rep_cpu" "$(getconf CLK_TCK)" \
  "$MIGRANT_BYTES" "$RECORD_SIZE" "$PERF_RECORDS" "$LOAD_START|$LOAD_IMPORT|$LOAD_LOADED_END|$LOAD_ANCHOR|$LOAD_END" \
  "$0 $*" "$PROBE_INTERVAL_MS" "$POLL_MS" "$BACKLOG_ROWS" "$backlog_start" > "$OUT/result.json" << 'EOF'
import csv, json, os, re, statistics, sys
(out, rows, upload_start, import_done, drained, pop_cpu, rep_cpu, tick, migrant_bytes, record_size, perf_records,
 loads, command, interval, poll, backlog_rows, backlog_start) = sys.argv[1:18]
rows, upload_start, import_done, drained = int(rows), float(upload_start), float(import_done), float(drained)
def ts(v):
    return float(v) if v else None
def pct(values, p):
    values = sorted(values)
    if not values:
        return None
    return round(values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))], 1)
def dist(values):
    return {"n": len(values), "p50ms": pct(values, 50), "p90ms": pct(values, 90), "p99ms": pct(values, 99),
            "maxms": round(max(values), 1) if values else None}
inbox = {r[0]: ts(r[1]) for r in csv.reader(open(f"{out}/inbox.csv"))}
outbox = [(r[0], r[1], r[2], ts(r[3]), ts(r[4]), int(r[5]), r[6]) for r in csv.reader(open(f"{out}/outbox.csv"))]
by_migrant = {o[6]: o for o in outbox if "MigrantRegistered" in o[1] and o[0] in inbox}
imported = [o for o in outbox if o[2] == "bench-importer"]
migrants = [o for o in imported if "MigrantRegistered" in o[1] and o[0] in inbox]
last_applied = max(inbox[o[0]] for o in migrants)
created = [o[3] for o in imported]; published = [o[4] for o in imported if o[4]]
applied = [inbox[o[0]] for o in migrants]
def db_lag(events):
    return {"outboxToApplied": dist([(inbox[o[0]] - o[3]) * 1000 for o in events]),
            "outboxToPublished": dist([(o[4] - o[3]) * 1000 for o in events if o[4]]),
            "publishedToApplied": dist([(inbox[o[0]] - o[4]) * 1000 for o in events if o[4]])}
def probe(file):
    lines = [line.split("\t") for line in open(file) if line.strip()]
    samples = [list(map(int, f[2:5])) for f in lines]
    seen = [s for s in samples if s[2] > 0]
    return {"written": len(samples), "notSeen": len(samples) - len(seen),
            "commitToVisible": dist([s[2] - s[1] for s in seen]), "requestToVisible": dist([s[2] - s[0] for s in seen]),
            "request": dist([s[1] - s[0] for s in samples]),
            "fromDatabases": db_lag([by_migrant[f[1]] for f in lines if f[1] in by_migrant])}
events = len(imported)
end_to_end = last_applied - upload_start
producer = open(f"{out}/producer-perf.txt").read().strip().splitlines()[-1]
m = re.search(r"([\d.]+) records/sec.*?([\d.]+) ms avg latency.*?([\d.]+) ms max latency, (\d+) ms 50th, (\d+) ms 95th, (\d+) ms 99th", producer)
producer_rate = float(m.group(1)) if m else None
consumer_lines = [l for l in open(f"{out}/consumer-perf.txt").read().splitlines() if l and l[0].isdigit()]
consumer_rate = float(consumer_lines[-1].split(",")[5]) if consumer_lines else None
latency_text = open(f"{out}/end-to-end-latency.txt").read()
lat = re.search(r"Percentiles: 50th = (\d+), 99th = (\d+), 99.9th = (\d+)", latency_text)
avg = re.search(r"Avg latency: ([\d.]+) ms", latency_text)
load = loads.split("|")
result = {
    "benchmark": "event pipeline: population outbox -> Kafka -> reporting read models, vs Kafka's own perf tools",
    "command": command,
    "machine": {"cores": os.cpu_count(), "memoryGiB": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1),
                "loadAverage": {"start": load[0], "importStart": load[1], "importDrained": load[2], "anchorStart": load[3], "end": load[4]}},
    "rows": rows, "importEvents": events, "importMigrantEvents": len(migrants),
    "eventBytes": {"average": float(record_size), "migrantRegistered": float(migrant_bytes)},
    "throughput": {
        "endToEndEventsPerSecond": round(events / end_to_end),
        "endToEndSeconds": round(end_to_end, 1),
        "importJobSeconds": round(import_done - upload_start, 1),
        "writeEventsPerSecond": round(events / (max(created) - min(created))) if max(created) > min(created) else None,
        "relayEventsPerSecond": round(len(published) / (max(published) - min(published))),
        "applyMigrantEventsPerSecond": round(len(applied) / (max(applied) - min(applied))),
        "drainedAfterImportSeconds": round(last_applied - import_done, 1),
        "cpuSeconds": {"population": round(int(pop_cpu) / int(tick), 1), "reporting": round(int(rep_cpu) / int(tick), 1)},
        "cpuMsPerEvent": {"population": round(int(pop_cpu) / int(tick) * 1000 / events, 3), "reporting": round(int(rep_cpu) / int(tick) * 1000 / events, 3)},
    },
    "lag": {
        "probeIntervalMs": int(interval), "pollMs": int(poll),
        "idleProbe": probe(f"{out}/probe-idle.tsv"),
        "loadedProbe": probe(f"{out}/probe-loaded.tsv"),
        "importEventsFromDatabases": db_lag(migrants),
    },
    "anchor": {
        "producerPerformance": {"records": int(perf_records), "recordBytes": int(float(record_size)), "recordsPerSecond": producer_rate,
                                "avgLatencyMs": float(m.group(2)) if m else None, "p50ms": int(m.group(4)) if m else None,
                                "p99ms": int(m.group(6)) if m else None, "line": producer},
        "consumerPerformance": {"recordsPerSecond": consumer_rate, "line": consumer_lines[-1] if consumer_lines else None},
        "endToEndLatency": {"avgMs": float(avg.group(1)) if avg else None, "p50ms": int(lat.group(1)) if lat else None,
                            "p99ms": int(lat.group(2)) if lat else None, "p999ms": int(lat.group(3)) if lat else None},
    },
}
backlog = [o for o in outbox if o[2] == "bench-backlog"]
if backlog:
    b_pub = [o[4] for o in backlog if o[4]]
    b_migrants = [o for o in backlog if "MigrantRegistered" in o[1] and o[0] in inbox]
    b_applied = [inbox[o[0]] for o in b_migrants]
    result["backlog"] = {
        "rows": int(backlog_rows), "events": len(backlog),
        "relayEventsPerSecond": round(len(b_pub) / (max(b_pub) - min(b_pub))),
        "drainEventsPerSecond": round(len(backlog) / (max(b_applied) - min(b_pub))),
        "drainSeconds": round(max(b_applied) - min(b_pub), 1),
        "applyMigrantEventsPerSecond": round(len(b_applied) / (max(b_applied) - min(b_applied))),
        "publishedToApplied": dist([(inbox[o[0]] - o[4]) * 1000 for o in b_migrants if o[4]]),
        "relayStartedAfterServiceStartSeconds": round(min(b_pub) - float(backlog_start), 1),
    }
    if producer_rate:
        result["backlog"]["relayVsProducerPerf"] = round(result["backlog"]["relayEventsPerSecond"] / producer_rate, 3)
        result["backlog"]["drainVsProducerPerf"] = round(result["backlog"]["drainEventsPerSecond"] / producer_rate, 3)
if producer_rate:
    result["throughput"]["endToEndVsProducerPerf"] = round(result["throughput"]["endToEndEventsPerSecond"] / producer_rate, 3)
    result["throughput"]["relayVsProducerPerf"] = round(result["throughput"]["relayEventsPerSecond"] / producer_rate, 3)
print(json.dumps(result, indent=2))
EOF
cat "$OUT/result.json"
echo "load average: start $LOAD_START, end $LOAD_END"
