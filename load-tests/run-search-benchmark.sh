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
# Settings (environment): BENCH_PORT=18080 BENCH_USERS=16 BENCH_DURATION=60 BENCH_WARMUP=60
# BENCH_ENTRIES=10000 BENCH_START_TIMEOUT=600 SERVICE_JAVA_OPTS="" (extra JVM options for the service)
# BENCH_SINGLE=15 (seconds of a 1-user run, to show the un-queued cost of one search)
# BENCH_QUIET_WAIT=300 BENCH_QUIET_CORES=0.3 (wait up to 300 s for other work on the machine to calm down)
# BENCH_PROFILE=1: afterwards, record JFR during another BENCH_PROFILE_SECONDS=30 s of load and print hot spots.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
MAIN="$(cd "$HERE/.." && pwd)"
PORT="${BENCH_PORT:-18080}"
USERS="${BENCH_USERS:-16}"
DURATION="${BENCH_DURATION:-60}"
WARMUP="${BENCH_WARMUP:-60}"
ENTRIES="${BENCH_ENTRIES:-10000}"
START_TIMEOUT="${BENCH_START_TIMEOUT:-600}"
PROFILE="${BENCH_PROFILE:-0}"
SINGLE="${BENCH_SINGLE:-15}"
PROFILE_SECONDS="${BENCH_PROFILE_SECONDS:-30}"
QUIET_WAIT="${BENCH_QUIET_WAIT:-300}"
QUIET_CORES="${BENCH_QUIET_CORES:-0.3}"
KB_DIR="$HERE/target/kb-10k"
QUERIES="$HERE/target/queries.txt"
SERVICE_LOG="$HERE/target/service.log"
BASE_URL="http://127.0.0.1:$PORT"

# Progress goes to fd 3 (the terminal / the caller's stdout) so it is seen even when the trap runs while a
# step's output is redirected to its log file.
exec 3>&1
log() { printf '[bench %(%H:%M:%S)T] %s\n' -1 "$*" >&3; }
die() { log "FAILED: $*"; exit 1; }

case "$PORT" in 8080|8081) die "port $PORT is reserved for other work here; choose another BENCH_PORT" ;; esac
if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
  die "port $PORT is already in use; set BENCH_PORT to a free port"
fi

# shellcheck source=bench-lib.sh
source "$HERE/bench-lib.sh"

# ------------------------------------------------------------------ knowledge base
log "generating $ENTRIES entries into $KB_DIR"
java -cp "$HERE/target/classes" cn.nantong.hotline.loadtest.KbGenerator \
  "$MAIN/knowledge-base" "$KB_DIR" "$ENTRIES" "$QUERIES" 400

# ------------------------------------------------------------------ service
start_service -Dhotline.kb.dir="$KB_DIR"
INDEXED="$(sed -n 's/.*Knowledge-base index holds \([0-9]*\) entries.*/\1/p' "$SERVICE_LOG" | tail -1)"
log "ready after ${STARTUP} s with ${INDEXED:-?} entries indexed (from launch to /q/health/ready, incl. a fresh embedded PostgreSQL)"
grep -E 'Embedded PostgreSQL on port|Knowledge base .* synced|Knowledge-base index holds|started in' "$SERVICE_LOG" \
  | sed 's/^/    service: /' || true
[[ "$INDEXED" == "$ENTRIES" ]] || die "expected $ENTRIES entries in the index, the log says '${INDEXED:-nothing}'"

SAMPLE="$(curl -sf -G "$BASE_URL/api/kb/search" --data-urlencode "q=请问身份证丢了怎么补办" --data-urlencode "limit=10")" \
  || die "sample search failed"
log "sample search: $(printf '%s' "$SAMPLE" | python3 -c 'import sys; print(sys.stdin.read()[:160])')…"

gatling() { # $1 = request name, $2 = seconds, $3 = check the target, $4 = users
  local users="${4:-$USERS}"
  (cd "$HERE" && mvn -q -B gatling:test -Dbench.baseUrl="$BASE_URL" -Dbench.queries="$QUERIES" \
    -Dbench.users="$users" -Dbench.duration="$2" -Dbench.requestName="$1" -Dbench.assert="$3" \
    -Dbench.description="$1: $users users x $2 s, $ENTRIES entries")
}


# ------------------------------------------------------------------ warm-up
log "warm-up: $USERS users for $WARMUP s (JIT, caches; not measured)"
gatling warmup "$WARMUP" false >"$HERE/target/gatling-warmup.log" 2>&1 || { tail -30 "$HERE/target/gatling-warmup.log"; die "warm-up failed"; }

# ------------------------------------------------------------------ service time without queueing
log "single user for $SINGLE s: what one search costs when nothing queues (not the target figure)"
gatling single "$SINGLE" false 1 >"$HERE/target/gatling-single.log" 2>&1 || { tail -30 "$HERE/target/gatling-single.log"; die "single-user run failed"; }
SINGLE_REPORT="$(sed -n 's|.*please open the following file: file://\(.*\)/index.html.*|\1|p' "$HERE/target/gatling-single.log" | tail -1)"

# ------------------------------------------------------------------ measured run
wait_quiet
JFR_FILE="$HERE/target/search-$(date +%Y%m%d-%H%M%S).jfr"
RUN_LOG="$HERE/target/gatling-search.log"
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$SVC_PID/stat"; }
HZ="$(getconf CLK_TCK)"
C0="$(cpu_ticks)"; B0="$(busy_ticks)"; W0="$(now)"
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
log "measured run: $USERS concurrent users for $DURATION s (Gatling output: $RUN_LOG)"
set +e
TIMEFORMAT='%U %S'
{ time gatling search "$DURATION" true >"$RUN_LOG" 2>&1 ; } 2>"$HERE/target/loadgen-cpu.txt"
GATLING_RC=$?
LOADGEN_CPU="$(awk '{ print $1 + $2 }' "$HERE/target/loadgen-cpu.txt")"
set -e
C1="$(cpu_ticks)"; B1="$(busy_ticks)"; W1="$(now)"
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"
REPORT_DIR="$(sed -n 's|.*please open the following file: file://\(.*\)/index.html.*|\1|p' "$RUN_LOG" | tail -1)"
[[ -n "$REPORT_DIR" && -d "$REPORT_DIR" ]] || { tail -40 "$RUN_LOG"; die "no Gatling report (exit code $GATLING_RC)"; }
# Gatling's own end-of-run summary and its assertion verdicts, as printed on its console.
sed -n '/---- Global Information/,/^====/p' "$RUN_LOG"
grep -E '^Global: ' "$RUN_LOG" || true

# ------------------------------------------------------------------ figures
python3 - "$RUN_LOG" "$C0" "$C1" "$B0" "$B1" "$W0" "$W1" "$HZ" "$(nproc)" "$USERS" "$DURATION" "$ENTRIES" "$STARTUP" "$LOADGEN_CPU" "$REPORT_DIR" "$SINGLE_REPORT" <<'PY'
import html, re, sys
path, c0, c1, b0, b1, w0, w1, hz, cores, users, duration, entries, startup, loadgen, report, single = sys.argv[1:]

def rows(report_dir):
    """Per-request-name rows of a Gatling report's statistics table: name, count, rps, p50, p95, p99, max."""
    try:
        t = open(report_dir + "/index.html", encoding="utf-8").read()
    except OSError:
        return []
    out = []
    for m in re.finditer(r'class="ellipsed-name">(.*?)</span>(.*?)</tr>', t, re.S):
        cols = dict(re.findall(r'col-(\d+)">([^<]*)</td>', m.group(2)))
        if "2" in cols:
            out.append((html.unescape(m.group(1)), *(cols.get(c, "-") for c in ("2", "6", "8", "10", "11", "12"))))
    return out
loadgen = float(loadgen or 0)
text = open(path, encoding="utf-8").read()
block = text[text.rindex("---- Global Information"):]
def v(label):
    m = re.search(r"> " + re.escape(label) + r"\s*\|\s*([-\d,.]+)\s*\|\s*([-\d,.]+)\s*\|\s*([-\d,.]+)", block)
    if not m:
        return 0.0
    x = m.group(1).replace(",", "")
    return float(x) if x != "-" else 0.0
def ko():
    m = re.search(r"> request count\s*\|\s*[\d,]+\s*\|\s*[\d,]+\s*\|\s*([-\d,]+)", block)
    return 0 if not m or m.group(1) == "-" else int(m.group(1).replace(",", ""))
n = v("request count"); failed = ko(); rps = v("mean throughput (rps)")
p50 = v("response time 50th percentile (ms)"); p75 = v("response time 75th percentile (ms)")
p95 = v("response time 95th percentile (ms)"); p99 = v("response time 99th percentile (ms)")
mx = v("max response time (ms)"); mean = v("mean response time (ms)")
svc_cpu = (float(c1) - float(c0)) / float(hz)
busy = (float(b1) - float(b0)) / float(hz)
wall = float(w1) - float(w0)
cores = int(cores)
print()
print("================ 热线百科 search benchmark ================")
print(f"knowledge base   : {int(entries)} generated entries; start-up (launch -> /q/health/ready): {startup} s")
print(f"load             : {users} concurrent users (closed model, no think time), {duration} s measured, limit=10")
print(f"requests         : {int(n)} ({failed} failed)")
print(f"searches/s       : {rps:.1f}")
print(f"latency (ms)     : p50 {p50:.0f} | p75 {p75:.0f} | p95 {p95:.0f} | p99 {p99:.0f} | max {mx:.0f} | mean {mean:.0f}")
ok = rps >= 1000 and p99 <= 20 and failed == 0
print(f"target           : >= 1000 searches/s with p99 <= 20 ms -> {'MET' if ok else 'NOT MET'}")
print(f"CPU during the Gatling run ({wall:.0f} s wall x {cores} cores = {wall*cores:.0f} core-s):")
print(f"  service        : {svc_cpu:.1f} core-s ({100*svc_cpu/(wall*cores):.0f}% of the machine)"
      + (f" = {1000*svc_cpu/n:.1f} ms of CPU per search" if n else ""))
print(f"  load generator : {loadgen:.1f} core-s (Maven + the Gatling JVM it forks, incl. their start-up)")
print(f"  everything else: {max(0.0, busy - svc_cpu - loadgen):.1f} core-s (PostgreSQL, the OS, and other work on this machine)")
if n and svc_cpu > 0:
    print(f"  => if the service had all {cores} cores to itself, CPU would cap it near {n/svc_cpu*cores:.0f} searches/s")
for title, d in ((f"by query length, {users} users (ms)", report), ("one user alone, no queueing (ms)", single)):
    r = rows(d)
    if r:
        print(title + ":")
        print(f"  {'request':24} {'count':>7} {'req/s':>7} {'p50':>6} {'p95':>6} {'p99':>6} {'max':>6}")
        for name, cnt, rate, q50, q95, q99, qmax in r:
            print(f"  {name:24} {cnt:>7} {rate:>7} {q50:>6} {q95:>6} {q99:>6} {qmax:>6}")
PY
log "load average before / after the measured run: $LOAD_BEFORE / $LOAD_AFTER"
log "Gatling report: $REPORT_DIR/index.html"
log "service under test: app jar sha256 $JAR_ID"

# ------------------------------------------------------------------ optional profile (separate, after the figures)
# JFR is never attached during the measured run: with settings=profile (old-object sampling with stack traces)
# this service ran up to 10x slower here, so profiled figures are not quoted. settings=default samples every 20 ms.
if [[ "$PROFILE" == 1 ]]; then
  log "profiling: JFR (settings=default) during another $PROFILE_SECONDS s of the same load; figures above are unaffected"
  jcmd "$SVC_PID" JFR.start name=bench settings=default filename="$JFR_FILE" >/dev/null
  gatling profiled "$PROFILE_SECONDS" false >"$HERE/target/gatling-profiled.log" 2>&1 || true
  jcmd "$SVC_PID" JFR.stop name=bench >/dev/null
  log "JFR recording: $JFR_FILE"
  java -cp "$HERE/target/classes" cn.nantong.hotline.loadtest.JfrHotspots "$JFR_FILE" 25 || true
  # How many Lucene segments a search walks (every per-term cost is paid once per segment).
  log "live Lucene segment readers in the service (jcmd GC.class_histogram):"
  jcmd "$SVC_PID" GC.class_histogram 2>/dev/null \
    | grep -E 'org\.apache\.lucene\.index\.(SegmentReader|StandardDirectoryReader)$' | sed 's/^/    /' || true
  stop_service
  # The same KbIndex class in-process, without HTTP: separates the search itself from the web stack.
  log "in-process probe (service stopped; the search class alone, no HTTP):"
  java -Xmx2g -cp "$MAIN/target/quarkus-app/app/*:$MAIN/target/quarkus-app/lib/main/*:$MAIN/target/quarkus-app/lib/boot/*" \
    "$HERE/diagnostics/InProcessSearchProbe.java" "$KB_DIR" "$QUERIES" 2>&1 \
    | grep -vE 'LogManager|JBossLoggerFinder|^WARN|^\s+at ' || true
fi
