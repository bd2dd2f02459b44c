#!/usr/bin/env bash
# Throughput benchmark of the 热线百科 search over HTTP (GET /api/kb/search?q=…&limit=10).
#
#   load-tests/run-search-benchmark.sh
#
# 1. builds the service jar when target/quarkus-app/quarkus-run.jar is missing,
# 2. generates a 10,000-entry knowledge base (load-tests/target/kb-10k) and a queries file,
# 3. starts the service on 127.0.0.1:$BENCH_PORT with a fresh, empty data dir (embedded PostgreSQL),
#    and reports how long start-up took until /q/health/ready,
# 4. warms up, then runs the measured load (Gatling: $BENCH_USERS concurrent users looping for
#    $BENCH_DURATION s) and prints searches/s, p50, p99 and the Gatling report path,
# 5. stops the service and its PostgreSQL and removes the data dir, also on failure or Ctrl-C.
#
# Settings (environment): BENCH_PORT=18080 BENCH_USERS=16 BENCH_DURATION=60 BENCH_WARMUP=30
# BENCH_ENTRIES=10000 BENCH_START_TIMEOUT=600 SERVICE_JAVA_OPTS="" (extra JVM options for the service)
# BENCH_PROFILE=1: record JFR during the measured run and print the hot spots (adds a little overhead).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
MAIN="$(cd "$HERE/.." && pwd)"
PORT="${BENCH_PORT:-18080}"
USERS="${BENCH_USERS:-16}"
DURATION="${BENCH_DURATION:-60}"
WARMUP="${BENCH_WARMUP:-30}"
ENTRIES="${BENCH_ENTRIES:-10000}"
START_TIMEOUT="${BENCH_START_TIMEOUT:-600}"
PROFILE="${BENCH_PROFILE:-0}"
KB_DIR="$HERE/target/kb-10k"
QUERIES="$HERE/target/queries.txt"
SERVICE_LOG="$HERE/target/service.log"
BASE_URL="http://127.0.0.1:$PORT"

log() { printf '[bench %(%H:%M:%S)T] %s\n' -1 "$*"; }
die() { log "FAILED: $*"; exit 1; }

case "$PORT" in 8080|8081) die "port $PORT is reserved for other work here; choose another BENCH_PORT" ;; esac
if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
  die "port $PORT is already in use; set BENCH_PORT to a free port"
fi

SVC_PID=""
DATA_DIR=""
cleanup() {
  local rc=$?
  set +e
  if [[ -n "$SVC_PID" ]] && kill -0 "$SVC_PID" 2>/dev/null; then
    log "stopping the service (pid $SVC_PID)"
    kill -TERM "$SVC_PID"
    for _ in $(seq 1 60); do kill -0 "$SVC_PID" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$SVC_PID" 2>/dev/null; then
      log "service did not stop in 30 s; killing it"
      kill -KILL "$SVC_PID"
    fi
    wait "$SVC_PID" 2>/dev/null
  fi
  if [[ -n "$DATA_DIR" && -d "$DATA_DIR" ]]; then
    # The embedded PostgreSQL is a separate process tree; the service's shutdown hook stops it, but after
    # a crash or a KILL it would be left running: stop it through its own postmaster.pid, by pid.
    local pidfile="$DATA_DIR/postgres/postmaster.pid"
    if [[ -f "$pidfile" ]]; then
      local pgpid
      pgpid="$(head -1 "$pidfile")"
      if [[ "$pgpid" =~ ^[0-9]+$ ]] && kill -0 "$pgpid" 2>/dev/null; then
        log "stopping the leftover embedded PostgreSQL (pid $pgpid)"
        kill -INT "$pgpid"
        for _ in $(seq 1 40); do kill -0 "$pgpid" 2>/dev/null || break; sleep 0.5; done
        kill -0 "$pgpid" 2>/dev/null && kill -KILL "$pgpid"
      fi
    fi
    local left
    left="$(ps -eo pid=,args= | grep -F -- "$DATA_DIR" | grep -v grep || true)"
    if [[ -n "$left" ]]; then
      log "WARNING: processes still use $DATA_DIR:"; echo "$left"
    else
      log "no service or postgres process left (checked with ps)"
    fi
    rm -rf -- "$DATA_DIR"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

# ------------------------------------------------------------------ build
if [[ ! -f "$MAIN/target/quarkus-app/quarkus-run.jar" ]]; then
  log "building the service (mvn -q -DskipTests package in $MAIN)"
  (cd "$MAIN" && mvn -q -B -DskipTests package)
fi
log "compiling the load tests"
(cd "$HERE" && mvn -q -B test-compile)

# ------------------------------------------------------------------ knowledge base
log "generating $ENTRIES entries into $KB_DIR"
java -cp "$HERE/target/classes" cn.nantong.hotline.loadtest.KbGenerator \
  "$MAIN/knowledge-base" "$KB_DIR" "$ENTRIES" "$QUERIES" 400

# ------------------------------------------------------------------ service
DATA_DIR="$(mktemp -d "${TMPDIR:-/tmp}/hotline-bench-data.XXXXXX")"
log "starting the service on $BASE_URL (data dir $DATA_DIR, log $SERVICE_LOG)"
T0="$(now)"
# shellcheck disable=SC2086
(cd "$MAIN" && exec java ${SERVICE_JAVA_OPTS:-} \
  -Dhotline.kb.dir="$KB_DIR" -Dhotline.data-dir="$DATA_DIR" -Dquarkus.http.port="$PORT" \
  -jar target/quarkus-app/quarkus-run.jar) >"$SERVICE_LOG" 2>&1 &
SVC_PID=$!
until curl -sf -o /dev/null "$BASE_URL/q/health/ready"; do
  kill -0 "$SVC_PID" 2>/dev/null || { tail -40 "$SERVICE_LOG"; die "the service exited during start-up"; }
  if awk -v t0="$T0" -v now="$(now)" -v max="$START_TIMEOUT" 'BEGIN { exit !(now - t0 > max) }'; then
    tail -40 "$SERVICE_LOG"; die "not ready after $START_TIMEOUT s"
  fi
  sleep 0.2
done
STARTUP="$(secs "$T0" "$(now)")"
INDEXED="$(sed -n 's/.*Knowledge-base index holds \([0-9]*\) entries.*/\1/p' "$SERVICE_LOG" | tail -1)"
log "ready after ${STARTUP} s with ${INDEXED:-?} entries indexed (from launch to /q/health/ready, incl. a fresh embedded PostgreSQL)"
grep -E 'Embedded PostgreSQL on port|Knowledge base .* synced|Knowledge-base index holds|started in' "$SERVICE_LOG" \
  | sed 's/^/    service: /' || true
[[ "$INDEXED" == "$ENTRIES" ]] || die "expected $ENTRIES entries in the index, the log says '${INDEXED:-nothing}'"

SAMPLE="$(curl -sf -G "$BASE_URL/api/kb/search" --data-urlencode "q=请问身份证丢了怎么补办" --data-urlencode "limit=10")" \
  || die "sample search failed"
log "sample search: $(printf '%s' "$SAMPLE" | head -c 300)…"

gatling() { # $1 = request name, $2 = seconds, $3 = check the target
  (cd "$HERE" && mvn -q -B gatling:test -Dbench.baseUrl="$BASE_URL" -Dbench.queries="$QUERIES" \
    -Dbench.users="$USERS" -Dbench.duration="$2" -Dbench.requestName="$1" -Dbench.assert="$3" \
    -Dbench.description="$1: $USERS users x $2 s, $ENTRIES entries")
}

# ------------------------------------------------------------------ warm-up
log "warm-up: $USERS users for $WARMUP s (JIT, caches; not measured)"
gatling warmup "$WARMUP" false >"$HERE/target/gatling-warmup.log" 2>&1 || { tail -30 "$HERE/target/gatling-warmup.log"; die "warm-up failed"; }

# ------------------------------------------------------------------ measured run
JFR_FILE="$HERE/target/search-$(date +%Y%m%d-%H%M%S).jfr"
if [[ "$PROFILE" == 1 ]]; then
  jcmd "$SVC_PID" JFR.start name=bench settings=profile duration="$((DURATION + 5))s" filename="$JFR_FILE" >/dev/null
fi
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$SVC_PID/stat"; }
busy_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 }' /proc/stat; }
HZ="$(getconf CLK_TCK)"
C0="$(cpu_ticks)"; B0="$(busy_ticks)"; W0="$(now)"
log "measured run: $USERS concurrent users for $DURATION s (load average before: $(cut -d' ' -f1-3 /proc/loadavg))"
RUN_LOG="$HERE/target/gatling-search.log"
set +e
gatling search "$DURATION" true 2>&1 | tee "$RUN_LOG" | grep -E '^(Global|Please open|.*> (Global|Count|Mean|Std|Min|Max|percentile|Response Time|Requests|Failed))' || true
set -e
C1="$(cpu_ticks)"; B1="$(busy_ticks)"; W1="$(now)"
REPORT_DIR="$(ls -td "$HERE"/target/gatling/kbsearchsimulation-* 2>/dev/null | head -1)"
[[ -n "$REPORT_DIR" && -f "$REPORT_DIR/js/stats.js" ]] || { tail -40 "$RUN_LOG"; die "no Gatling report found"; }

# ------------------------------------------------------------------ figures
python3 - "$REPORT_DIR/js/stats.js" "$C0" "$C1" "$B0" "$B1" "$W0" "$W1" "$HZ" "$(nproc)" "$USERS" "$DURATION" "$ENTRIES" "$STARTUP" <<'PY'
import json, re, sys
path, c0, c1, b0, b1, w0, w1, hz, cores, users, duration, entries, startup = sys.argv[1:]
text = open(path, encoding="utf-8").read()
# stats.js assigns a JS object literal; the request-level "stats" block of the whole run comes first.
m = re.search(r'var stats = (\{.*?\n\});?\s*$', text, re.S) or re.search(r'= (\{.*\})', text, re.S)
data = json.loads(re.sub(r'(\w+):', r'"\1":', m.group(1)) if '"name"' not in m.group(1) else m.group(1))
s = data["stats"]
def v(key, col="total"):
    x = s[key][col] if isinstance(s[key], dict) else s[key]
    return float(x) if x not in ("-", None) else 0.0
n = v("numberOfRequests"); ko = v("numberOfRequests", "ko")
rps = v("meanNumberOfRequestsPerSecond")
pcts = {k: v(k) for k in ("percentiles1", "percentiles2", "percentiles3", "percentiles4")}
svc_cpu = (float(c1) - float(c0)) / float(hz)
busy = (float(b1) - float(b0)) / float(hz)
wall = float(w1) - float(w0)
print()
print("================ 热线百科 search benchmark ================")
print(f"knowledge base        : {int(entries)} generated entries; start-up to ready: {startup} s")
print(f"load                  : {users} concurrent users (closed model), {duration} s, limit=10")
print(f"requests              : {int(n)} ({int(ko)} failed)")
print(f"searches/s            : {rps:.0f}")
print(f"latency (ms)          : p50 {v('percentiles1'):.0f}   p75 {v('percentiles2'):.0f}   p95 {v('percentiles3'):.0f}"
      f"   p99 {v('percentiles4'):.0f}   max {v('maxResponseTime'):.0f}   mean {v('meanResponseTime'):.0f}")
print(f"target                : >= 1000 searches/s and p99 <= 20 ms -> "
      f"{'MET' if rps >= 1000 and v('percentiles4') <= 20 and ko == 0 else 'NOT MET'}")
print(f"CPU (whole Gatling run, {wall:.0f} s wall, {cores} cores = {wall*int(cores):.0f} core-s):")
print(f"  service process     : {svc_cpu:.1f} core-s = {100*svc_cpu/(wall*int(cores)):.0f}% of the machine"
      + (f", {1000*svc_cpu/n:.2f} ms CPU per search" if n else ""))
print(f"  everything else     : {busy - svc_cpu:.1f} core-s (Gatling JVM + Maven + PostgreSQL + other work on the machine)")
if n and svc_cpu > 0:
    print(f"  service-only bound  : ~{n/svc_cpu*int(cores):.0f} searches/s if the service had all {cores} cores to itself"
          " (CPU-bound estimate)")
PY
log "Gatling report: $REPORT_DIR/index.html"

if [[ "$PROFILE" == 1 ]]; then
  for _ in $(seq 1 30); do [[ -s "$JFR_FILE" ]] && break; sleep 1; done
  jcmd "$SVC_PID" JFR.stop name=bench >/dev/null 2>&1 || true
  sleep 1
  log "JFR recording: $JFR_FILE"
  java -cp "$HERE/target/classes" cn.nantong.hotline.loadtest.JfrHotspots "$JFR_FILE" 25 || true
fi
