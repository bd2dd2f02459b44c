#!/usr/bin/env bash
# Console page latency with a large database: does every page render server-side in under 100 ms at p95 with
# 100,000 tickets stored (issue 5)?
#
#   mvn -DskipTests package                       # first, in the repository root: this script builds nothing
#   load-tests/run-pages-benchmark.sh             # 100,000 tickets, 2,000 open ones; 23 min at load average 25-30
#
# 1. starts a private copy of the build (target/quarkus-app) on a fresh data dir (embedded PostgreSQL, demo
#    accounts; routing sync paused while the history is written),
# 2. seeds BENCH_TICKETS historical tickets with history/SeedHistory.java --assignments (tickets, place keys, routing
#    examples and the LEAD assignment, REPLIED, of every closed ticket), then restarts the service on that database,
# 3. creates BENCH_OPEN live tickets through the API (OpenWork: agent1 records and dispatches them, the departments'
#    demo accounts accept, reply, return, ask for an extension or for the caller), so every inbox tab has rows,
# 4. signs in through the login form as each role and times BENCH_REQUESTS sequential requests of every console
#    page, tab and filter and of the public pages, after BENCH_WARMUP requests each (PageTimer); a page that answers
#    404 is reported as missing, any other answer than the page itself fails it,
# 5. prints the table (rows, p50/p95/p99/max, PASS/FAIL against 100 ms at p95), CPU and load average of the run,
#    then stops the service and removes the data dir (also on failure or Ctrl-C, through bench-lib.sh).
#
# Settings (environment): BENCH_TICKETS=100000 BENCH_OPEN=2000 BENCH_REQUESTS=200 BENCH_WARMUP=20 BENCH_PORT=18097
# BENCH_DEPARTMENT=urban-management (whose inbox is timed) BENCH_DAYS=730 BENCH_THREADS=4 (API clients creating the
# open work) BENCH_START_TIMEOUT=900 BENCH_QUIET_WAIT=30 BENCH_QUIET_CORES=0.3 SERVICE_JAVA_OPTS="".
# BENCH_HOLD=0: seconds to keep the service and its database up after the table, to look into a slow page (psql on the
# embedded PostgreSQL port printed then, EXPLAIN ANALYZE); the clean-up follows as usual.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
MAIN="$(cd "$HERE/.." && pwd)"
TICKETS="${BENCH_TICKETS:-100000}"
OPEN="${BENCH_OPEN:-2000}"
REQUESTS="${BENCH_REQUESTS:-200}"
WARMUP="${BENCH_WARMUP:-20}"
PORT="${BENCH_PORT:-18097}"
DEPARTMENT="${BENCH_DEPARTMENT:-urban-management}"
DAYS="${BENCH_DAYS:-730}"
THREADS="${BENCH_THREADS:-4}"
START_TIMEOUT="${BENCH_START_TIMEOUT:-900}"
QUIET_WAIT="${BENCH_QUIET_WAIT:-30}"
QUIET_CORES="${BENCH_QUIET_CORES:-0.3}"
HOLD="${BENCH_HOLD:-0}"
SERVICE_LOG="$HERE/target/pages-service.log"
BASE_URL="http://127.0.0.1:$PORT"

exec 3>&1
log() { printf '[pages %(%H:%M:%S)T] %s\n' -1 "$*" >&3; }
die() { log "FAILED: $*"; exit 1; }

case "$PORT" in 8080|8081) die "port $PORT is reserved for other work here; choose another BENCH_PORT" ;; esac
if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
  die "port $PORT is already in use; set BENCH_PORT to a free port"
fi
for v in "$TICKETS" "$OPEN" "$REQUESTS" "$DAYS" "$THREADS"; do
  [[ "$v" =~ ^[1-9][0-9]*$ ]] || die "BENCH_TICKETS, BENCH_OPEN, BENCH_REQUESTS, BENCH_DAYS and BENCH_THREADS must be positive numbers, got '$v'"
done
[[ "$WARMUP" =~ ^[0-9]+$ && "$HOLD" =~ ^[0-9]+$ ]] || die "BENCH_WARMUP and BENCH_HOLD must be numbers, got '$WARMUP' and '$HOLD'"
[[ "$DEPARTMENT" =~ ^[a-z-]+$ ]] || die "BENCH_DEPARTMENT must be a department code, got '$DEPARTMENT'"
[[ -f "$MAIN/target/quarkus-app/quarkus-run.jar" ]] || die "no build to measure: run 'mvn -DskipTests package' in $MAIN first"
mkdir -p "$HERE/target"

# shellcheck source=bench-lib.sh
source "$HERE/bench-lib.sh"
HZ="$(getconf CLK_TCK)"
# The whole run must measure one build, while target/ may be rebuilt meanwhile: run a private copy of it.
SERVICE_APP="$HERE/target/pages-app"
rm -rf -- "$SERVICE_APP"
cp -a "$MAIN/target/quarkus-app" "$SERVICE_APP"
SEED_CP="$SERVICE_APP/app/*:$SERVICE_APP/lib/main/*:$HERE/target/classes"
pg_port() {
  local p
  p="$(sed -n 's/.*Embedded PostgreSQL on port \([0-9]*\).*/\1/p' "$SERVICE_LOG" | tail -1)"
  [[ -n "$p" ]] || die "cannot find the embedded PostgreSQL port in $SERVICE_LOG"
  echo "$p"
}
service_opts() { echo "-Djava.io.tmpdir=$DATA_DIR/tmp -Dot.epg.working-dir=${TMPDIR:-/tmp}/embedded-pg"; }

# ------------------------------------------------------------------ 1. empty database
new_data_dir
mkdir -p "$DATA_DIR/tmp"
# shellcheck disable=SC2046
start_service $(service_opts) -Dhotline.routing.sync-interval=24h
log "ready after ${STARTUP} s on an empty database"

# ------------------------------------------------------------------ 2. history
log "seeding $TICKETS historical tickets with their assignments over the last $DAYS days (PostgreSQL port $(pg_port))"
SEED_LOG="$HERE/target/pages-seed.log"
S0="$(now)"
java -cp "$SEED_CP" "$HERE/history/SeedHistory.java" "$(pg_port)" "$TICKETS" "$DAYS" --assignments >"$SEED_LOG" 2>&1 \
  || { tail -30 "$SEED_LOG" >&3; die "seeding failed (see $SEED_LOG)"; }
grep -vE 'LogManager|JBossLoggerFinder' "$SEED_LOG" | sed 's/^/    /' >&3
log "seeded in $(secs "$S0" "$(now)") s (incl. compiling the seeder)"
stop_service keep
# shellcheck disable=SC2046
start_service $(service_opts)
log "restarted on $TICKETS historical tickets: ready after ${STARTUP} s"

# ------------------------------------------------------------------ 3. open work through the API
log "creating $OPEN open tickets through the API ($THREADS clients: intake and dispatch as agent1, department actions as dept-<code>)"
OPEN_LOG="$HERE/target/pages-open.log"
java -cp "$HERE/target/classes" cn.nantong.hotline.loadtest.OpenWork "$BASE_URL" "$OPEN" "$THREADS" >"$OPEN_LOG" 2>&1 \
  || { tail -30 "$OPEN_LOG" >&3; die "creating the open work failed (see $OPEN_LOG)"; }
sed 's/^/    /' "$OPEN_LOG" >&3

# ------------------------------------------------------------------ 4. pages
wait_quiet
PAGES_LOG="$HERE/target/pages-latency.log"
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
C0="$(cpu_ticks)"; P0="$(pg_ticks)"; B0="$(busy_ticks)"; W0="$(now)"
log "timing every page: $WARMUP warm-up + $REQUESTS measured requests each, one after another (output: $PAGES_LOG)"
PAGES_RC=0
java -cp "$HERE/target/classes" cn.nantong.hotline.loadtest.PageTimer "$BASE_URL" "$REQUESTS" "$WARMUP" "$DEPARTMENT" \
  >"$PAGES_LOG" 2>&1 || PAGES_RC=$?
C1="$(cpu_ticks)"; P1="$(pg_ticks)"; B1="$(busy_ticks)"; W1="$(now)"
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"
grep -q '^PAGES ' "$PAGES_LOG" || { tail -30 "$PAGES_LOG" >&3; die "the page timer did not finish (see $PAGES_LOG)"; }

# ------------------------------------------------------------------ 5. report
log "console pages with $TICKETS historical + $OPEN open tickets; app jar $JAR_ID; $(nproc) cores:"
cat "$PAGES_LOG" >&3
awk -v c0="$C0" -v c1="$C1" -v p0="$P0" -v p1="$P1" -v b0="$B0" -v b1="$B1" -v hz="$HZ" -v w="$(secs "$W0" "$W1")" -v cores="$(nproc)" \
  'BEGIN { s = (c1 - c0) / hz; p = (p1 - p0) / hz; b = (b1 - b0) / hz;
    printf "CPU over the %s s of page requests: service %.1f core-s, PostgreSQL %.1f core-s, everything else (incl. the page timer) %.1f core-s of %.0f\n", w, s, p, b - s - p, w * cores }' >&3
log "load average (1/5/15 min): $LOAD_BEFORE before, $LOAD_AFTER after"
(( PAGES_RC == 0 )) || log "RESULT: at least one page failed or missed 100 ms at p95"
if (( HOLD > 0 )); then
  log "holding the service for $HOLD s: psql -h 127.0.0.1 -p $(pg_port) -U postgres postgres (password postgres)"
  sleep "$HOLD" || log "hold ended early"
fi
stop_service
exit "$PAGES_RC"
