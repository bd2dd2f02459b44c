#!/usr/bin/env bash
# Scores repeat detection and department suggestions on a labelled complaints file (eval-dev format):
#
#   load-tests/run-complaints-eval.sh /path/to/complaints.jsonl
#
# Starts the built service on a fresh, empty embedded database (port $BENCH_PORT, default 18095), imports the
# file's first 60 % with their department and the rest without through POST /api/tickets/import, prints
# precision/recall/F1 of repeat detection beside the naive "same phone within 30 days" rule and top-1/top-3
# routing accuracy on the last 40 % (load-tests/eval/ComplaintsEval.java), then stops and removes everything.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
MAIN="$(cd "$HERE/.." && pwd)"
FILE="${1:?usage: $0 complaints.jsonl}"
[[ -f "$FILE" ]] || { echo "no such file: $FILE" >&2; exit 2; }
FILE="$(cd "$(dirname "$FILE")" && pwd)/$(basename "$FILE")"
PORT="${BENCH_PORT:-18095}"
START_TIMEOUT="${BENCH_START_TIMEOUT:-600}"
QUIET_WAIT=0
QUIET_CORES=2
SERVICE_LOG="$HERE/target/complaints-eval-service.log"
BASE_URL="http://127.0.0.1:$PORT"

exec 3>&1
log() { printf '[eval %(%H:%M:%S)T] %s\n' -1 "$*" >&3; }
die() { log "FAILED: $*"; exit 1; }
if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
  die "port $PORT is already in use; set BENCH_PORT to a free port"
fi
mkdir -p "$HERE/target"

# shellcheck source=bench-lib.sh
source "$HERE/bench-lib.sh"
start_service
log "ready after ${STARTUP} s"
java -cp "$MAIN/target/quarkus-app/lib/main/*" "$HERE/eval/ComplaintsEval.java" "$FILE" "$BASE_URL" 2>&1 \
  | grep -vE 'LogManager|JBossLoggerFinder'
