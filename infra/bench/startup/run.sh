#!/usr/bin/env bash
# Start-up time and memory benchmark (not a test): each of the seven JVMs (six services + gateway) started
# alone on an empty database with a reachable Kafka, then the whole platform started together; an anchor
# (a minimal JVM: `java -version` and a class that prints one line) measured in the same run.
#
#   infra/bench/startup/run.sh [RUNS=3]
#
# Per JVM and run: wall time from exec to /actuator/health/readiness UP (polled every 50 ms), the JVM's own
# "Started ... in X seconds (process running for Y)", CPU seconds the process used until ready
# (utime+stime from /proc/<pid>/stat, all threads), VmRSS and heap used (jvm_memory_used_bytes{area="heap"}
# from /actuator/prometheus) when ready and again after TRAFFIC requests of a typical read (a list, the
# year's report; the gateway's through the gateway to population-service, which then runs idle next to it).
# Medians of RUNS. Then the whole platform: all seven started back to back without waiting, as
# infra/local/platform up does (so in parallel), fresh databases: time until all are ready, RSS and CPU
# summed. Everything once per configuration of JVM options.
#
# Needs: the built exec jars and infra/token-cli (./mvnw -B -q install -DskipTests), PostgreSQL on
# 127.0.0.1:5432 (trust auth, user postgres; databases bench_startup_* are dropped and created), curl,
# python3. Kafka: a broker of its own started here with the runner (RESETTLEMENT_HOME=$KAFKA_HOME,
# KAFKA_PORT, empty data folder, stopped at the end) unless KAFKA_BOOTSTRAP_SERVERS names one to use (its
# topics should be empty: reporting-service reads them from the beginning at start-up).
#
# environment: CONFIGS JVM option sets separated by '|' (default "-Xmx512m|-Xmx512m -XX:TieredStopAtLevel=1
#              -XX:+UseSerialGC": the runner's default and the system test's), TRAFFIC (300), BASE_PORT (28080:
#              gateway 28080, population 28081 ... reporting 28086), KAFKA_PORT (29092), KAFKA_HOME
#              (/tmp/bench-startup-kafka), OUT_DIR (target/bench/startup), PLATFORM_MIN_IDLE (2, see below;
#              "default" for the services' own pool settings)
# PostgreSQL connections: with pools that open all 12 connections at start the whole platform took 72 of
# PostgreSQL's default max_connections=100, and a second platform on the same server (a system test) did not fit
# beside it. The platform's default is now a minimum idle of 2 (pools grow on demand up to the same 12); the
# platform starts here set SPRING_DATASOURCE_HIKARI_MINIMUM_IDLE=$PLATFORM_MIN_IDLE explicitly all the same.
# Result: $OUT_DIR/result.json (also printed); raw measurements in $OUT_DIR/measurements.tsv, logs beside.
set -euo pipefail
cd "$(dirname "$0")/../../.."
ROOT=$(pwd)
RUNS=${1:-3}
OUT=${OUT_DIR:-$ROOT/target/bench/startup}
BASE_PORT=${BASE_PORT:-28080}
TRAFFIC=${TRAFFIC:-300}
KAFKA_PORT=${KAFKA_PORT:-29092}
KAFKA_HOME=${KAFKA_HOME:-/tmp/bench-startup-kafka}
CONFIGS=${CONFIGS:-"-Xmx512m|-Xmx512m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC"}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
export PGOPTIONS='-c client_min_messages=warning'
PLATFORM_MIN_IDLE=${PLATFORM_MIN_IDLE:-2}
[[ $PLATFORM_MIN_IDLE == default ]] && PLATFORM_MIN_IDLE=
TOKEN_JAR=$ROOT/infra/token-cli/target/token-cli-1.0.0-SNAPSHOT.jar
YEAR=$(date +%Y)

# name port-offset database module read-path (the "typical read" of the traffic phase)
CATALOGUE="population-service 1 population population-service /api/v1/population/migrants
subsidy-service 2 subsidy subsidy-service /api/v1/subsidies/batches
project-service 3 project project-service /api/v1/projects
training-service 4 training training-service /api/v1/training/vocational-subsidies
petition-service 5 petition petition-service /api/v1/petitions
reporting-service 6 reporting reporting-service /api/v1/reports/$YEAR/performance
gateway 0 - gateway /api/v1/population/migrants"

jar_of() { local jars=("$ROOT/$1"/target/*-exec.jar); [[ -e ${jars[0]} ]] && printf '%s' "${jars[0]}"; }
while read -r _ _ _ dir _; do
  [[ -n $(jar_of "$dir") ]] || { echo "missing $dir/target/*-exec.jar: ./mvnw -B -q install -DskipTests" >&2; exit 1; }
done <<< "$CATALOGUE"
[[ -f $TOKEN_JAR ]] || { echo "missing $TOKEN_JAR: ./mvnw -B -q install -DskipTests" >&2; exit 1; }
mkdir -p "$OUT/logs"
echo "command: $0 $*  (CONFIGS='$CONFIGS' TRAFFIC=$TRAFFIC)"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo), $(java -version 2>&1 | head -n 1)"
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)

# --- Kafka of its own (empty), unless one is given
pids=()
own_kafka=false
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2> /dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2> /dev/null || true; done
  if $own_kafka; then RESETTLEMENT_HOME=$KAFKA_HOME KAFKA_PORT=$KAFKA_PORT SERVICES=none infra/local/platform down > /dev/null || true; fi
}
trap cleanup EXIT
if [[ -z ${KAFKA_BOOTSTRAP_SERVERS:-} ]]; then
  rm -rf "$KAFKA_HOME/kafka/data" "$KAFKA_HOME/kafka/server.properties"
  own_kafka=true
  RESETTLEMENT_HOME=$KAFKA_HOME KAFKA_PORT=$KAFKA_PORT SERVICES=none infra/local/platform up | grep -i kafka | head -n 1
  KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$KAFKA_PORT
fi

java -jar "$TOKEN_JAR" --user bench-startup --roles STAFF,ADMIN --ttl 4h --count 300 > "$OUT/tokens.txt"

ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
TICK=$(getconf CLK_TCK)
rss_kib() { awk '/^VmRSS/ { print $2 }' "/proc/$1/status"; }
heap_bytes() { # port → heap used in bytes (sum over the heap pools), or null
  curl -fsS -m 5 "http://127.0.0.1:$1/actuator/prometheus" 2> /dev/null \
    | awk '/^jvm_memory_used_bytes\{/ && /area="heap"/ { s += $NF; n++ } END { if (n) printf "%.0f", s; else print "null" }'
}
ready() { curl -fsS -m 1 -o /dev/null "http://127.0.0.1:$1/actuator/health/readiness" 2> /dev/null; }
now() { date +%s.%N; }
port_of() { echo $((BASE_PORT + $1)); }

fresh_database() {
  psql -q -d postgres -c "drop database if exists bench_startup_$1 with (force)" -c "create database bench_startup_$1"
}

start_jvm() { # name offset db dir opts log min-idle → pid in STARTED_PID (a child of this shell)
  local offset=$2 db=$3 dir=$4 opts=$5 log=$6 min_idle=$7 envs=()
  envs=(PORT="$(port_of "$offset")" JWT_DEV_KEY=true KAFKA_BOOTSTRAP_SERVERS="$KAFKA_BOOTSTRAP_SERVERS"
    POPULATION_URL="http://127.0.0.1:$(port_of 1)" SUBSIDY_URL="http://127.0.0.1:$(port_of 2)"
    PROJECT_URL="http://127.0.0.1:$(port_of 3)" TRAINING_URL="http://127.0.0.1:$(port_of 4)"
    PETITION_URL="http://127.0.0.1:$(port_of 5)" REPORTING_URL="http://127.0.0.1:$(port_of 6)"
    GATEWAY_URL="http://127.0.0.1:$(port_of 0)")
  [[ $db != - ]] && envs+=(DATABASE_URL="jdbc:postgresql://$PGHOST:$PGPORT/bench_startup_$db" DATABASE_USER="$PGUSER")
  [[ -n $min_idle ]] && envs+=(SPRING_DATASOURCE_HIKARI_MINIMUM_IDLE="$min_idle")
  read -r -a java_opts <<< "$opts"
  env "${envs[@]}" java "${java_opts[@]}" -jar "$(jar_of "$dir")" < /dev/null > "$log" 2>&1 &
  STARTED_PID=$!
  pids+=("$STARTED_PID")
}

stop_jvm() { kill "$1" 2> /dev/null || true; wait "$1" 2> /dev/null || true; }

started_line() { # log → "startedSeconds processSeconds" from Spring Boot's "Started X in A seconds (process running for B)"
  sed -n 's/.*Started .* in \([0-9.]*\) seconds (process running for \([0-9.]*\)).*/\1 \2/p' "$1" | tail -n 1
}

traffic() { # offset path → "ok other seconds"
  python3 "$ROOT/infra/bench/startup/traffic.py" "http://127.0.0.1:$(port_of "$1")$2" "$TRAFFIC" "$OUT/tokens.txt"
}

# measure one started JVM: wait until ready, then figures at ready and after traffic → one TSV line
measure() { # config run scope name offset path pid t0 log → TSV line
  local config=$1 run=$2 scope=$3 name=$4 offset=$5 path=$6 pid=$7 t0=$8 log=$9 port t_ready cpu rss heap s_in s_proc
  port=$(port_of "$offset")
  until ready "$port"; do
    kill -0 "$pid" 2> /dev/null || { echo "$name exited during start-up; see $log" >&2; exit 1; }
    sleep 0.05
  done
  t_ready=$(now)
  cpu=$(ticks "$pid"); rss=$(rss_kib "$pid"); heap=$(heap_bytes "$port")
  read -r s_in s_proc <<< "$(started_line "$log")"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s' "$config" "$run" "$scope" "$name" \
    "$(awk -v a="$t0" -v b="$t_ready" 'BEGIN { printf "%.3f", b - a }')" "${s_in:-null}" "${s_proc:-null}" \
    "$(awk -v t="$cpu" -v k="$TICK" 'BEGIN { printf "%.2f", t / k }')" "$rss" "$heap"
}

after_traffic() { # offset path pid → TSV tail "rssAfter heapAfter ok other seconds cpuAfter"
  local result
  result=$(traffic "$1" "$2")
  printf '\t%s\t%s\t%s\t%s\n' "$(rss_kib "$3")" "$(heap_bytes "$(port_of "$1")")" "$(tr ' ' '\t' <<< "$result")" \
    "$(awk -v t="$(ticks "$3")" -v k="$TICK" 'BEGIN { printf "%.2f", t / k }')"
}

platform_start() { # config run config-number → 0 when all seven got ready; appends to the TSV
  local config=$1 run=$2 c=$3 free min_idle=$PLATFORM_MIN_IDLE name offset db dir path t0 line i lines=() failed=false
  for db in population subsidy project training petition reporting; do fresh_database "$db"; done
  free=$(psql -At -d postgres -c "select current_setting('max_connections')::int - count(*) from pg_stat_activity")
  printf '%s\t%s\t%s\t%s\n' "$config" "$run" "${min_idle:-default}" "$free" >> "$OUT/platform-pool.tsv"
  declare -A platform_pid=()
  t0=$(now)
  while read -r name offset db dir path; do
    start_jvm "$name" "$offset" "$db" "$dir" "$config" "$OUT/logs/c$c-r$run-platform-$name.log" "$min_idle"
    platform_pid[$name]=$STARTED_PID
  done <<< "$CATALOGUE"
  while read -r name offset db dir path; do
    # measured in catalogue order; readiness of each is polled until it answers, so the ready time of
    # one measured after a slower one is when it was first seen ready (an upper bound)
    line=$(measure "$config" "$run" platform "$name" "$offset" "$path" "${platform_pid[$name]}" "$t0" \
      "$OUT/logs/c$c-r$run-platform-$name.log") || { failed=true; break; }
    lines+=("$line")
  done <<< "$CATALOGUE"
  if ! $failed; then
    i=0
    while read -r name offset db dir path; do
      printf '%s%s\n' "${lines[$i]}" "$(after_traffic "$offset" "$path" "${platform_pid[$name]}")" >> "$TSV"
      i=$((i + 1))
    done <<< "$CATALOGUE"
    tail -n 7 "$TSV" | awk -F'\t' '{ if ($5 > t) t = $5; r += $9; a += $11; c += $8 }
      END { printf "  run %s platform: all ready %.2f s, cpu %.1f s, rss %d MiB -> after traffic %d MiB\n", $2, t, c, r / 1024, a / 1024 }'
  fi
  for pid in "${pids[@]}"; do kill "$pid" 2> /dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2> /dev/null || true; done
  pids=()
  ! $failed
}

TSV=$OUT/measurements.tsv
printf 'config\trun\tscope\tname\treadySeconds\tstartedSeconds\tprocessSeconds\tcpuSecondsAtReady\trssKiBAtReady\theapBytesAtReady\trssKiBAfterTraffic\theapBytesAfterTraffic\ttrafficOk\ttrafficOther\ttrafficSeconds\tcpuSecondsAfterTraffic\n' > "$TSV"

# --- anchor: a minimal JVM on this machine, same runs
mkdir -p "$OUT/anchor"
cat > "$OUT/anchor/Hello.java" << 'EOF'
public class Hello { public static void main(String[] args) { System.out.println("hello"); } }
EOF
javac -d "$OUT/anchor" "$OUT/anchor/Hello.java"
ANCHOR=$OUT/anchor.tsv
: > "$ANCHOR"
for run in $(seq "$RUNS"); do
  /usr/bin/time -f "java-version\t$run\t%e\t%U\t%S\t%M" -a -o "$ANCHOR" java -Xmx512m -version 2> /dev/null
  /usr/bin/time -f "hello\t$run\t%e\t%U\t%S\t%M" -a -o "$ANCHOR" java -Xmx512m -cp "$OUT/anchor" Hello > /dev/null
done

IFS='|' read -r -a configs <<< "$CONFIGS"
declare -a loads=()
printf 'config\trun\tpoolMinimumIdle\tfreeConnections\n' > "$OUT/platform-pool.tsv"
c=0
for config in "${configs[@]}"; do
  c=$((c + 1))
  loads+=("$(cut -d' ' -f1-3 /proc/loadavg)")
  echo "== JVM options: $config (load $(cut -d' ' -f1-3 /proc/loadavg))"
  for run in $(seq "$RUNS"); do
    # each JVM alone; population-service stays up (idle) while the gateway is measured, as its backend
    population_pid=
    for name in subsidy-service project-service training-service petition-service reporting-service population-service gateway; do
      read -r _ offset db dir path <<< "$(grep "^$name " <<< "$CATALOGUE")"
      [[ $db != - ]] && fresh_database "$db"
      t0=$(now)
      log=$OUT/logs/c$c-r$run-alone-$name.log
      start_jvm "$name" "$offset" "$db" "$dir" "$config" "$log" ""
      pid=$STARTED_PID
      line=$(measure "$config" "$run" alone "$name" "$offset" "$path" "$pid" "$t0" "$log") || exit 1
      line+=$(after_traffic "$offset" "$path" "$pid")
      printf '%s\n' "$line" >> "$TSV"
      printf '%s\n' "$line" | awk -F'\t' '{ printf "  run %s %-18s ready %6.2f s  started in %s s  cpu %6.2f s  rss %4d MiB  -> after %d+%d requests %4d MiB\n",
        $2, $4, $5, $6, $8, $9 / 1024, $13, $14, $11 / 1024 }'
      if [[ $name == population-service ]]; then population_pid=$pid; continue; fi
      stop_jvm "$pid"
      [[ $name == gateway ]] && stop_jvm "$population_pid"
    done
    pids=()

    # the whole platform, started back to back like infra/local/platform up (one retry when a JVM exits
    # during start-up: another platform on the same PostgreSQL can take the connections it needs)
    for attempt in 1 2; do
      platform_start "$config" "$run" "$c" && break
      echo "  run $run platform: a JVM exited during start-up (attempt $attempt; see $OUT/logs)"
      (( attempt == 2 )) && exit 1
      sleep 10
    done
  done
done
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)
for db in population subsidy project training petition reporting; do
  psql -q -d postgres -c "drop database if exists bench_startup_$db with (force)"
done

python3 - "$TSV" "$ANCHOR" "$LOAD_START" "$LOAD_END" "$RUNS" "$TRAFFIC" "$0 $*" "$(IFS='|'; echo "${loads[*]}")" \
  "$OUT/platform-pool.tsv" > "$OUT/result.json" << 'EOF'
import csv, json, os, statistics, sys
tsv, anchor_file, load_start, load_end, runs, traffic, command, loads, pool_file = sys.argv[1:10]
pool = list(csv.DictReader(open(pool_file), delimiter="\t"))
rows = list(csv.DictReader(open(tsv), delimiter="\t"))
def num(v):
    return None if v in ("null", "", None) else float(v)
def med(values):
    values = [v for v in values if v is not None]
    return round(statistics.median(values), 3) if values else None
order = ["population-service", "subsidy-service", "project-service", "training-service", "petition-service",
         "reporting-service", "gateway"]
configs = list(dict.fromkeys(r["config"] for r in rows))
result = {
    "benchmark": "start-up time and memory per JVM and of the whole platform",
    "command": command, "runs": int(runs), "trafficRequestsPerJvm": int(traffic),
    "machine": {"cores": os.cpu_count(), "memoryGiB": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1),
                "loadAverageStart": load_start, "loadAverageEnd": load_end},
    "anchor": {}, "configurations": [],
}
anchor = list(csv.reader(open(anchor_file), delimiter="\t"))
for kind in ("java-version", "hello"):
    sel = [a for a in anchor if a[0] == kind]
    result["anchor"][kind] = {"wallSeconds": med([float(a[2]) for a in sel]),
                              "cpuSeconds": med([float(a[3]) + float(a[4]) for a in sel]),
                              "maxRssMiB": med([int(a[5]) / 1024 for a in sel])}
hello_wall = result["anchor"]["hello"]["wallSeconds"]
for config, load in zip(configs, loads.split("|")):
    entry = {"javaOptions": config, "loadAverageAtStart": load, "alone": {}, "platform": {}}
    for name in order:
        sel = [r for r in rows if r["config"] == config and r["scope"] == "alone" and r["name"] == name]
        entry["alone"][name] = {
            "readySeconds": med([num(r["readySeconds"]) for r in sel]),
            "readyVsMinimalJvm": round(med([num(r["readySeconds"]) for r in sel]) / hello_wall, 1) if hello_wall else None,
            "startedInSeconds": med([num(r["startedSeconds"]) for r in sel]),
            "processRunningForSeconds": med([num(r["processSeconds"]) for r in sel]),
            "cpuSecondsToReady": med([num(r["cpuSecondsAtReady"]) for r in sel]),
            "rssMiBAtReady": med([num(r["rssKiBAtReady"]) / 1024 for r in sel]),
            "heapUsedMiBAtReady": med([num(r["heapBytesAtReady"]) / 2**20 if num(r["heapBytesAtReady"]) else None for r in sel]),
            "rssMiBAfterTraffic": med([num(r["rssKiBAfterTraffic"]) / 1024 for r in sel]),
            "heapUsedMiBAfterTraffic": med([num(r["heapBytesAfterTraffic"]) / 2**20 if num(r["heapBytesAfterTraffic"]) else None for r in sel]),
            "trafficOk": med([num(r["trafficOk"]) for r in sel]), "trafficOther": med([num(r["trafficOther"]) for r in sel]),
            "runs": [num(r["readySeconds"]) for r in sel],
        }
    per_run = {}
    for r in rows:
        if r["config"] == config and r["scope"] == "platform":
            per_run.setdefault(r["run"], []).append(r)
    totals = [{"allReadySeconds": max(num(r["readySeconds"]) for r in rs),
               "cpuSecondsToReady": sum(num(r["cpuSecondsAtReady"]) for r in rs),
               "rssMiBAtReady": sum(num(r["rssKiBAtReady"]) for r in rs) / 1024,
               "rssMiBAfterTraffic": sum(num(r["rssKiBAfterTraffic"]) for r in rs) / 1024} for rs in per_run.values()]
    entry["platform"] = {"start": "all seven started back to back without waiting (like infra/local/platform up), so in parallel",
                         **{k: med([t[k] for t in totals]) for k in ("allReadySeconds", "cpuSecondsToReady", "rssMiBAtReady", "rssMiBAfterTraffic")},
                         "runs": [round(t["allReadySeconds"], 2) for t in totals],
                         "poolMinimumIdle": [p["poolMinimumIdle"] for p in pool if p["config"] == config],
                         "freePostgresConnectionsAtStart": [int(p["freeConnections"]) for p in pool if p["config"] == config],
                         "readySecondsPerJvm": {name: med([num(r["readySeconds"]) for rs in per_run.values() for r in rs if r["name"] == name]) for name in order}}
    alone = entry["alone"].values()
    entry["sumOfAlone"] = {"readySeconds": round(sum(a["readySeconds"] for a in alone), 2),
                           "cpuSecondsToReady": round(sum(a["cpuSecondsToReady"] for a in alone), 2),
                           "rssMiBAfterTraffic": round(sum(a["rssMiBAfterTraffic"] for a in alone), 1)}
    result["configurations"].append(entry)
print(json.dumps(result, indent=2))
EOF
cat "$OUT/result.json"
echo "load average: start $LOAD_START, end $LOAD_END"
