#!/usr/bin/env bash
# Shared by the run-*.sh scripts here (sourced, not run): starting, restarting and stopping the service
# and its embedded PostgreSQL, clean-up on any exit, clock and CPU helpers, the service build.
# Expects log(), die(), MAIN, HERE and the SVC_PID / DATA_DIR variables of the calling script. SERVICE_APP is the
# Quarkus app that start_service runs (default: the build output, $MAIN/target/quarkus-app). SERVICE_JVM_OPTS is the
# JVM it runs on: by default the Helm chart's jvmOptions in a pod of the chart's default 2 GiB memory limit, so that
# figures are those of the service as deployed; SERVICE_JAVA_OPTS adds to it (system properties, diagnostics).

SVC_PID=""
DATA_DIR=""
CHART_JVM_OPTS="$(sed -n 's/^jvmOptions: "\(.*\)"$/\1/p' "$MAIN/helm/hotline12345/values.yaml")"
[[ -n "$CHART_JVM_OPTS" ]] || { echo "no jvmOptions in helm/hotline12345/values.yaml" >&2; exit 1; }
SERVICE_JVM_OPTS="${SERVICE_JVM_OPTS-"-XX:MaxRAM=2g $CHART_JVM_OPTS"}"
# Stops the service and its PostgreSQL and removes the data dir; "stop_service keep" keeps the data dir (and
# DATA_DIR) for a restart on the same database.
stop_service() {
  if [[ -n "$SVC_PID" ]] && kill -0 "$SVC_PID" 2>/dev/null; then
    log "stopping the service (pid $SVC_PID)"
    kill -TERM "$SVC_PID"
    for _ in $(seq 1 60); do kill -0 "$SVC_PID" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$SVC_PID" 2>/dev/null; then
      log "service did not stop in 30 s; killing it"
      kill -KILL "$SVC_PID"
    fi
    wait "$SVC_PID" 2>/dev/null || true
  fi
  SVC_PID=""
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
        if kill -0 "$pgpid" 2>/dev/null; then kill -KILL "$pgpid" || true; fi
      fi
    fi
    local left
    left="$(ps -eo pid=,args= | grep -F -- "$DATA_DIR" | grep -v grep || true)"
    if [[ -n "$left" ]]; then
      log "WARNING: processes still use $DATA_DIR:"; echo "$left" >&3
    else
      log "no service or postgres process left (checked with ps)"
    fi
    if [[ "${1:-}" == keep ]]; then
      return
    fi
    rm -rf -- "$DATA_DIR"
  fi
  DATA_DIR=""
}
cleanup() {
  local rc=$?
  set +e
  stop_service
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

now() { date +%s.%N; }
busy_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 }' /proc/stat; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

# ------------------------------------------------------------------ build
if [[ ! -f "$MAIN/target/quarkus-app/quarkus-run.jar" ]]; then
  log "building the service (mvn -q -DskipTests package in $MAIN)"
  (cd "$MAIN" && mvn -q -B -DskipTests package)
fi
log "compiling the load tests"
(cd "$HERE" && mvn -q -B test-compile)

# Other work on this machine takes CPU from both the service and Gatling; wait (bounded) for a quiet moment
# and say what was seen, so a figure taken on a busy machine is recognisable as such.
wait_quiet() {
  local deadline=$((SECONDS + QUIET_WAIT)) b0 b1 busy tries=0
  while :; do
    b0="$(busy_ticks)"; sleep 5; b1="$(busy_ticks)"
    busy="$(awk -v a="$b0" -v b="$b1" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f", (b - a) / hz / 5 }')"
    if awk -v b="$busy" -v max="$QUIET_CORES" 'BEGIN { exit !(b <= max) }'; then
      log "machine quiet enough: $busy cores busy while the service idles (threshold $QUIET_CORES)"
      return
    fi
    if (( SECONDS >= deadline )); then
      log "WARNING: machine still busy ($busy cores in use by other work) after waiting ${QUIET_WAIT} s; measuring anyway"
      return
    fi
    if (( tries++ % 6 == 0 )); then
      log "machine busy ($busy cores in use by other work); waiting up to ${QUIET_WAIT} s for a quiet moment"
    fi
  done
}

new_data_dir() { DATA_DIR="$(mktemp -d "${TMPDIR:-/tmp}/hotline-bench-data.XXXXXX")"; }

# CPU ticks of the service JVM, and of the embedded PostgreSQL: the postmaster (incl. exited children) and its
# live backends.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$SVC_PID/stat"; }
pg_ticks() {
  local pgpid t=0 p
  pgpid="$(head -1 "$DATA_DIR/postgres/postmaster.pid" 2>/dev/null || true)"
  [[ "$pgpid" =~ ^[0-9]+$ && -r "/proc/$pgpid/stat" ]] || { echo 0; return; }
  t="$(awk '{ print $14 + $15 + $16 + $17 }' "/proc/$pgpid/stat")"
  for p in $(ps -o pid= --ppid "$pgpid"); do
    t=$((t + $(awk '{ print $14 + $15 }' "/proc/$p/stat" 2>/dev/null || echo 0)))
  done
  echo "$t"
}

# Starts the built service on $PORT with a fresh data dir (embedded PostgreSQL, demo accounts) and waits for
# readiness; extra JVM options as arguments. Sets SVC_PID, DATA_DIR, STARTUP (seconds) and JAR_ID. A DATA_DIR
# that is already set (new_data_dir, or kept by "stop_service keep") is used as it is: a restart on that database.
start_service() {
  local app="${SERVICE_APP:-$MAIN/target/quarkus-app}"
  JAR_ID="$(cd "$app" && cat app/*.jar | sha256sum | cut -c1-12) built $(date -r "$app/app" '+%F %T')"
  log "service under test: $app (app jar sha256 $JAR_ID), JVM options: $SERVICE_JVM_OPTS ${SERVICE_JAVA_OPTS:-}"
  local newer
  newer="$(find "$MAIN/src/main" -type f -newer "$app/app" | wc -l)"
  (( newer == 0 )) || log "NOTE: $newer files under src/main are newer than this jar; rebuild (mvn -DskipTests package) to measure the latest code"
  [[ -n "$DATA_DIR" ]] || new_data_dir
  log "starting the service on $BASE_URL (data dir $DATA_DIR, log $SERVICE_LOG)"
  local t0
  t0="$(now)"
  # shellcheck disable=SC2086
  (cd "$MAIN" && exec java ${SERVICE_JVM_OPTS} ${SERVICE_JAVA_OPTS:-} "$@" -Dhotline.data-dir="$DATA_DIR" -Dquarkus.http.port="$PORT" \
    -jar "$app/quarkus-run.jar") >"$SERVICE_LOG" 2>&1 3>&- &
  SVC_PID=$!
  until curl -sf -o /dev/null "$BASE_URL/q/health/ready"; do
    kill -0 "$SVC_PID" 2>/dev/null || { tail -40 "$SERVICE_LOG"; die "the service exited during start-up"; }
    if awk -v t0="$t0" -v now="$(now)" -v max="$START_TIMEOUT" 'BEGIN { exit !(now - t0 > max) }'; then
      tail -40 "$SERVICE_LOG"; die "not ready after $START_TIMEOUT s"
    fi
    sleep 0.2
  done
  STARTUP="$(secs "$t0" "$(now)")"
}
