#!/usr/bin/env bash
# Intake latency against a large history: does the cost of POST /api/tickets grow with the tickets already stored?
#
#   load-tests/run-history-benchmark.sh                      # 10,000 and 1,000,000 historical tickets, ~10 min
#   BENCH_HISTORY="10000 100000 1000000" load-tests/run-history-benchmark.sh
#
# For each history size N in $BENCH_HISTORY:
# 1. starts the built service on a fresh data dir (embedded PostgreSQL, demo accounts; routing sync paused so that
#    the idle service does not learn the history while it is being written),
# 2. seeds N historical tickets straight into PostgreSQL (history/SeedHistory.java: COPY of ticket, repeat_place_key,
#    routing_example over the last 730 days, sequences advanced past them, VACUUM ANALYZE) and prints how long it took,
# 3. restarts the service on that database, so routing learns the newest 50,000 examples at start-up as in
#    production, and prints the start-up time,
# 4. warms up, then measures intake with Gatling TicketIntakeSimulation ($BENCH_USERS agents for $BENCH_DURATION s,
#    bodies from IntakeGenerator.forHistory: the same generated roads, estates and repeat callers as the history, so
#    repeat detection finds real candidates) and prints tickets/s, p50/p95/p99, CPU per ticket, and how many stored
#    tickets shared a place key with each measured intake,
# 5. stops the service and removes the data dir (also on failure or Ctrl-C, through bench-lib.sh).
# At the end: one table over all sizes and the ratios last/first of p50 and p99 (requirement: within 1.5x).
#
# Settings (environment): BENCH_HISTORY="10000 1000000" BENCH_PORT=18096 BENCH_USERS=8 BENCH_DURATION=60
# BENCH_WARMUP=30 BENCH_DAYS=730 BENCH_START_TIMEOUT=900 BENCH_QUIET_WAIT=30 BENCH_QUIET_CORES=0.3
# SERVICE_JAVA_OPTS="".
# BENCH_PROFILE=1: after each measured run, JFR (settings=default) during another BENCH_PROFILE_SECONDS=30 s of the
# same load, and its hot spots (JfrHotspots); the figures above it are unaffected.
# BENCH_TX_TIMEOUT="": the JTA transaction timeout of the restarts on the history. Empty (the service default) since
# routing learns its history in one short transaction per batch; older jars needed 1800s here.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
MAIN="$(cd "$HERE/.." && pwd)"
HISTORY_LIST="${BENCH_HISTORY:-10000 1000000}"
PORT="${BENCH_PORT:-18096}"
USERS="${BENCH_USERS:-8}"
DURATION="${BENCH_DURATION:-60}"
WARMUP="${BENCH_WARMUP:-30}"
DAYS="${BENCH_DAYS:-730}"
START_TIMEOUT="${BENCH_START_TIMEOUT:-900}"
QUIET_WAIT="${BENCH_QUIET_WAIT:-30}"
QUIET_CORES="${BENCH_QUIET_CORES:-0.3}"
TX_TIMEOUT="${BENCH_TX_TIMEOUT-}"
PROFILE="${BENCH_PROFILE:-0}"
PROFILE_SECONDS="${BENCH_PROFILE_SECONDS:-30}"
SERVICE_LOG="$HERE/target/history-service.log"
BASE_URL="http://127.0.0.1:$PORT"
SIMULATION=cn.nantong.hotline.loadtest.TicketIntakeSimulation

exec 3>&1
log() { printf '[history %(%H:%M:%S)T] %s\n' -1 "$*" >&3; }
die() { log "FAILED: $*"; exit 1; }

case "$PORT" in 8080|8081) die "port $PORT is reserved for other work here; choose another BENCH_PORT" ;; esac
if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
  die "port $PORT is already in use; set BENCH_PORT to a free port"
fi
for v in $HISTORY_LIST "$USERS" "$DURATION" "$WARMUP" "$DAYS"; do
  [[ "$v" =~ ^[1-9][0-9]*$ ]] || die "BENCH_HISTORY, BENCH_USERS, BENCH_DURATION, BENCH_WARMUP and BENCH_DAYS must be positive numbers, got '$v'"
done
mkdir -p "$HERE/target"

# shellcheck source=bench-lib.sh
source "$HERE/bench-lib.sh"
HZ="$(getconf CLK_TCK)"
# Every size must measure the same build, while target/ may be rebuilt meanwhile: run a private copy of it.
SERVICE_APP="$HERE/target/history-app"
rm -rf -- "$SERVICE_APP"
cp -a "$MAIN/target/quarkus-app" "$SERVICE_APP"
log "measuring a copy of the build in $SERVICE_APP (built $(date -r "$SERVICE_APP/app" '+%F %T'))"
# The seeder uses the service's own parser and phone cipher (app jar), its JDBC driver (lib/main) and
# IntakeGenerator (load tests).
SEED_CP="$SERVICE_APP/app/*:$SERVICE_APP/lib/main/*:$HERE/target/classes"
seeder() { # $1 = log file, then SeedHistory arguments
  local out="$1"; shift
  java -cp "$SEED_CP" "$HERE/history/SeedHistory.java" "$@" >"$out" 2>&1 || { tail -30 "$out" >&3; return 1; }
  grep -vE 'LogManager|JBossLoggerFinder' "$out" | sed 's/^/    /' >&3
}
pg_port() {
  local p
  p="$(sed -n 's/.*Embedded PostgreSQL on port \([0-9]*\).*/\1/p' "$SERVICE_LOG" | tail -1)"
  [[ -n "$p" ]] || die "cannot find the embedded PostgreSQL port in $SERVICE_LOG"
  echo "$p"
}
# The service's temp files (the routing index) go into the data dir, so they are removed with it; the PostgreSQL
# binaries stay where every other start finds them.
service_opts() { echo "-Djava.io.tmpdir=$DATA_DIR/tmp -Dot.epg.working-dir=${TMPDIR:-/tmp}/embedded-pg"; }
RUN_ID="$(date +%s%N)"
gatling() { # $1 = request name, $2 = seconds, $3 = history size
  (cd "$HERE" && mvn -q -B gatling:test -Dbench.simulation="$SIMULATION" -Dbench.baseUrl="$BASE_URL" \
    -Dbench.users="$USERS" -Dbench.duration="$2" -Dbench.requestName="$1" -Dbench.assert=false \
    -Dbench.historyPlaces=true -Dbench.runId="$RUN_ID-$3-$1" \
    -Dbench.description="$1: $USERS users x $2 s, POST /api/tickets, $3 historical tickets")
}
# "requests ok ko rps p50 p95 p99 max" of the last run in a Gatling console log.
gatling_figures() {
  python3 - "$1" <<'PY'
import re, sys
t = open(sys.argv[1], encoding="utf-8").read()
b = t[t.rindex("---- Global Information"):]
def v(label, col=1):
    m = re.search(r"> " + re.escape(label) + r"\s*\|\s*([-\d,.]+)\s*\|\s*([-\d,.]+)\s*\|\s*([-\d,.]+)", b)
    x = m.group(col).replace(",", "") if m else "-"
    return "0" if x == "-" else x
print(v("request count"), v("request count", 2), v("request count", 3), v("mean throughput (rps)"),
      v("response time 50th percentile (ms)"), v("response time 95th percentile (ms)"),
      v("response time 99th percentile (ms)"), v("max response time (ms)"))
PY
}

ROWS=()
for N in $HISTORY_LIST; do
  log "================ history: $N tickets ================"
  # ---------------------------------------------------------------- 1. empty database
  new_data_dir
  mkdir -p "$DATA_DIR/tmp"
  # shellcheck disable=SC2046
  start_service $(service_opts) -Dhotline.routing.sync-interval=24h
  log "ready after ${STARTUP} s on an empty database"
  # ---------------------------------------------------------------- 2. history
  log "seeding $N historical tickets over the last $DAYS days into PostgreSQL (port $(pg_port))"
  S0="$(now)"
  SEED_LOG="$HERE/target/history-seed-$N.log"
  seeder "$SEED_LOG" "$(pg_port)" "$N" "$DAYS" || die "seeding failed (see $SEED_LOG)"
  SEED_S="$(secs "$S0" "$(now)")"
  read -r T_ROWS K_ROWS E_ROWS < <(sed -n 's/^ROWS ticket=\([0-9]*\) repeat_place_key=\([0-9]*\) routing_example=\([0-9]*\).*/\1 \2 \3/p' "$SEED_LOG")
  [[ -n "${E_ROWS:-}" ]] || die "no ROWS line in $SEED_LOG"
  log "seeded in ${SEED_S} s (incl. compiling the seeder): $T_ROWS tickets, $K_ROWS place keys, $E_ROWS routing examples"
  # ---------------------------------------------------------------- 3. restart on the history
  stop_service keep
  if [[ -n "$TX_TIMEOUT" ]]; then
    log "transaction timeout $TX_TIMEOUT for this start (BENCH_TX_TIMEOUT)"
    start_service $(service_opts) -Dquarkus.transaction-manager.default-transaction-timeout="$TX_TIMEOUT"
  else
    start_service $(service_opts)
  fi
  RESTART_S="$STARTUP"
  log "restarted on $N historical tickets: ready after ${RESTART_S} s ($(grep -o 'started in [0-9.]*s' "$SERVICE_LOG" | tail -1) by Quarkus' own count)"
  # ---------------------------------------------------------------- 4. load
  WARM_LOG="$HERE/target/gatling-history-$N-warmup.log"
  log "warm-up: $USERS users for $WARMUP s (not measured)"
  gatling warmup "$WARMUP" "$N" >"$WARM_LOG" 2>&1 || { tail -30 "$WARM_LOG" >&3; die "warm-up failed"; }
  read -r _ _ WKO _ < <(gatling_figures "$WARM_LOG")
  (( WKO == 0 )) || die "warm-up: $WKO failed requests (see $WARM_LOG)"
  wait_quiet
  RUN_LOG="$HERE/target/gatling-history-$N.log"
  LOAD_BEFORE="$(cut -d' ' -f1 /proc/loadavg)"
  MEASURE_FROM="$(date +%s%3N)"
  C0="$(cpu_ticks)"; P0="$(pg_ticks)"; B0="$(busy_ticks)"; W0="$(now)"
  log "measured run: $USERS users for $DURATION s (Gatling output: $RUN_LOG)"
  gatling intake "$DURATION" "$N" >"$RUN_LOG" 2>&1 || { tail -30 "$RUN_LOG" >&3; die "measured run failed"; }
  C1="$(cpu_ticks)"; P1="$(pg_ticks)"; B1="$(busy_ticks)"; W1="$(now)"
  LOAD_AFTER="$(cut -d' ' -f1 /proc/loadavg)"
  read -r REQ OK KO RPS P50 P95 P99 MAX < <(gatling_figures "$RUN_LOG")
  read -r SVC_MS PG_MS OTHER < <(awk -v c0="$C0" -v c1="$C1" -v p0="$P0" -v p1="$P1" -v b0="$B0" -v b1="$B1" \
    -v hz="$HZ" -v n="$REQ" 'BEGIN { s = (c1 - c0) / hz; p = (p1 - p0) / hz; b = (b1 - b0) / hz;
      printf "%.1f %.1f %.0f\n", 1000 * s / (n ? n : 1), 1000 * p / (n ? n : 1), b - s - p }')
  log "history $N: $RPS tickets/s, p50 $P50 ms, p95 $P95 ms, p99 $P99 ms, max $MAX ms ($OK created, $KO failed)"
  log "  CPU per ticket: service $SVC_MS ms + PostgreSQL $PG_MS ms; other work (incl. Gatling): $OTHER core-s over $(secs "$W0" "$W1") s; load average $LOAD_BEFORE -> $LOAD_AFTER"
  seeder "$HERE/target/history-stats-$N.log" stats "$(pg_port)" "$MEASURE_FROM" || log "WARNING: could not read the run's repeat statistics"
  ROWS+=("$N $T_ROWS $K_ROWS $E_ROWS $SEED_S $RESTART_S $RPS $P50 $P95 $P99 $MAX $KO $SVC_MS $PG_MS $LOAD_BEFORE/$LOAD_AFTER")
  (( KO == 0 )) || die "$KO failed requests in the measured run (see $RUN_LOG)"
  if [[ "$PROFILE" == 1 ]]; then
    JFR_FILE="$HERE/target/history-$N-$(date +%Y%m%d-%H%M%S).jfr"
    log "profiling: JFR (settings=default) during another $PROFILE_SECONDS s at $USERS users"
    jcmd "$SVC_PID" JFR.start name=history settings=default filename="$JFR_FILE" >/dev/null
    gatling profiled "$PROFILE_SECONDS" "$N" >"$HERE/target/gatling-history-$N-profiled.log" 2>&1 || true
    jcmd "$SVC_PID" JFR.stop name=history >/dev/null
    log "JFR recording: $JFR_FILE"
    java -cp "$HERE/target/classes" cn.nantong.hotline.loadtest.JfrHotspots "$JFR_FILE" 25 >&3 || true
  fi
  stop_service
done

# -------------------------------------------------------------------- summary
log "summary ($USERS users, $DURATION s measured after $WARMUP s warm-up; app jar $JAR_ID; $(nproc) cores):"
python3 - "${ROWS[@]}" <<'PY' >&3
import sys
rows = [r.split() for r in sys.argv[1:]]
print("| history | rows ticket / repeat_place_key / routing_example | seeding | start-up | tickets/s | p50 | p95 | p99 | max | CPU/ticket service + PostgreSQL | load avg |")
print("|---|---|---|---|---|---|---|---|---|---|---|")
for n, t, k, e, seed, start, rps, p50, p95, p99, mx, ko, svc, pg, load in rows:
    print(f"| {int(n):,} | {int(t):,} / {int(k):,} / {int(e):,} | {seed} s | {start} s | {float(rps):.1f} | {p50} ms | {p95} ms "
          f"| {p99} ms | {mx} ms | {svc} + {pg} ms | {load} |")
if len(rows) > 1:
    a, b = rows[0], rows[-1]
    for name, i in (("p50", 7), ("p99", 9)):
        r = float(b[i]) / max(float(a[i]), 1e-9)
        print(f"{name}({int(b[0]):,}) / {name}({int(a[0]):,}) = {b[i]} / {a[i]} = {r:.2f}  ->  "
              + ("within 1.5x" if r <= 1.5 else "NOT within 1.5x"))
PY
