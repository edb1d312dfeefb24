#!/usr/bin/env bash
# Benchmark of the bulk roster import (not a test): N generated rows (valid GB 11643 numbers, 3-5 persons per
# household) imported through population-service's real HTTP API as one CSV job, against its anchor, PostgreSQL
# COPY of the same file into a plain table of text columns on the same database.
#
#   infra/bench/population/run.sh [ROWS=1000000]
#
# Starts population-service from its exec jar on PORT (18081) with a fresh database bench_population_import.
# Kafka: KAFKA_BOOTSTRAP_SERVERS, a broker of its own (never a platform's that does real work: it would receive a
# million benchmark migrants), e.g. RESETTLEMENT_HOME=/tmp/benchkafka KAFKA_PORT=19092 SERVICES=none
# infra/local/platform up. Unset: an address nobody listens on — the events then wait in the outbox (the relay
# is the event pipeline's benchmark, not this one).
# Result: target/bench/population/result.json (also printed).
set -euo pipefail
cd "$(dirname "$0")/../../.."
ROWS="${1:-1000000}"
PORT="${PORT:-18081}"
DB=bench_population_import
OUT=target/bench/population
mkdir -p "$OUT"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"

first() { for f in "$@"; do [ -e "$f" ] && { printf '%s' "$f"; return; }; done; }
jars() {
  JAR="$(first population-service/target/population-service-*-exec.jar)"
  TOKEN_JAR="$(first infra/token-cli/target/token-cli-*-SNAPSHOT.jar)"
}
jars
if [ -z "$JAR" ] || [ -z "$TOKEN_JAR" ]; then
  ./mvnw -q -B -DskipTests package -pl population-service,infra/token-cli -am
  jars
fi

CSV="$OUT/roster-$ROWS.csv"
[ -s "$CSV" ] || python3 infra/bench/population/generate_roster.py "$ROWS" "$CSV"
bytes=$(stat -c %s "$CSV")

psql -q -d postgres -c "drop database if exists $DB" -c "create database $DB"

read -r -a java_opts <<< "${SERVICE_JAVA_OPTS:--Xmx1g}"
env PORT="$PORT" JWT_DEV_KEY=true DATABASE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" DATABASE_USER="$PGUSER" \
  KAFKA_BOOTSTRAP_SERVERS="${KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:1}" \
  java "${java_opts[@]}" -jar "$JAR" > "$OUT/population.log" 2>&1 &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null; wait $SERVICE 2>/dev/null || true' EXIT
deadline=$((SECONDS + 180))
until curl -fsS -m 2 "http://127.0.0.1:$PORT/actuator/health/readiness" > /dev/null 2>&1; do
  kill -0 $SERVICE 2>/dev/null || { echo "population-service exited; see $OUT/population.log"; exit 1; }
  [ $SECONDS -lt $deadline ] || { echo "population-service not ready in 180 s"; exit 1; }
  sleep 0.5
done
TOKEN="$(java -jar "$TOKEN_JAR" --user bench-importer --roles STAFF --ttl 2h)"

# --- the import, from the upload's first byte to the job's end
start=$(date +%s.%N)
job=$(curl -fsS -H "Authorization: Bearer $TOKEN" -F "file=@$CSV;type=text/csv" \
  "http://127.0.0.1:$PORT/api/v1/population/imports")
uploaded=$(date +%s.%N)
id=$(printf '%s' "$job" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
while :; do
  view=$(curl -fsS -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/v1/population/jobs/$id")
  status=$(printf '%s' "$view" | python3 -c 'import json,sys; print(json.load(sys.stdin)["status"])')
  case "$status" in SUCCEEDED|FAILED) break ;; esac
  sleep 1
done
finished=$(date +%s.%N)
[ "$status" = SUCCEEDED ] || { echo "import job failed: $view"; exit 1; }
registered=$(psql -At -d $DB -c "select count(*) from migrant")
outbox=$(psql -At -d $DB -c "select count(*) from outbox_event" 2>/dev/null || echo null)

# --- the anchor: COPY of the same file into text columns (no validation, no indexes, no events)
psql -q -d $DB -c "create unlogged table copy_anchor (household_no text, township_code text, village text,
  reservoir text, area_type text, relocated_on text, id_number text, name text, relation text, phone text,
  card_account text)"
copy_start=$(date +%s.%N)
psql -q -d $DB -c "\\copy copy_anchor from '$CSV' with (format csv, header true)"
copy_end=$(date +%s.%N)

python3 - "$ROWS" "$bytes" "$start" "$uploaded" "$finished" "$copy_start" "$copy_end" "$registered" "$outbox" \
  "$view" > "$OUT/result.json" <<'EOF'
import json, os, sys
rows, size = int(sys.argv[1]), int(sys.argv[2])
start, uploaded, finished, copy_start, copy_end = map(float, sys.argv[3:8])
imported, copied = finished - start, copy_end - copy_start
job = json.loads(sys.argv[10])
print(json.dumps({
    "benchmark": "population roster import (CSV job through HTTP) vs COPY",
    "rows": rows, "fileBytes": size,
    "importSeconds": round(imported, 1), "uploadSeconds": round(uploaded - start, 1),
    "importRowsPerSecond": round(rows / imported),
    "copySeconds": round(copied, 1), "copyRowsPerSecond": round(rows / copied),
    "importVsCopy": round(imported / copied, 1),
    "migrantsRegistered": int(sys.argv[8]), "outboxRows": None if sys.argv[9] == "null" else int(sys.argv[9]),
    "jobResult": job.get("result"),
    "machine": {"cores": os.cpu_count(), "loadAverage1m": os.getloadavg()[0],
                "memoryGiB": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1)},
}, indent=2, ensure_ascii=False))
EOF
cat "$OUT/result.json"
