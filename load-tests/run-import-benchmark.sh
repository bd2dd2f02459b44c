#!/usr/bin/env bash
# Times one history import of $BENCH_RECORDS (default 10,000) generated records in a single
# POST /api/tickets/import call, on a fresh embedded database, and checks that every record was answered
# and stored (GET /api/tickets total as coord1). Records get ascending receivedAt over the last 60 days.
#
#   load-tests/run-import-benchmark.sh
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
MAIN="$(cd "$HERE/.." && pwd)"
RECORDS="${BENCH_RECORDS:-10000}"
PORT="${BENCH_PORT:-18097}"
START_TIMEOUT="${BENCH_START_TIMEOUT:-600}"
QUIET_WAIT=0
QUIET_CORES=2
SERVICE_LOG="$HERE/target/import-service.log"
BASE_URL="http://127.0.0.1:$PORT"

exec 3>&1
log() { printf '[import %(%H:%M:%S)T] %s\n' -1 "$*" >&3; }
die() { log "FAILED: $*"; exit 1; }
if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
  die "port $PORT is already in use; set BENCH_PORT to a free port"
fi
mkdir -p "$HERE/target"

# shellcheck source=bench-lib.sh
source "$HERE/bench-lib.sh"
BODY="$HERE/target/import-$RECORDS.json"
java -cp "$HERE/target/classes" cn.nantong.hotline.loadtest.IntakeGenerator "$RECORDS" | head -n "$RECORDS" \
  | python3 -c '
import json, sys, datetime
lines = [json.loads(l) for l in sys.stdin]
start = datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=8))) - datetime.timedelta(days=60)
step = datetime.timedelta(days=60) / max(1, len(lines))
for i, r in enumerate(lines):
    r["receivedAt"] = (start + step * i).isoformat(timespec="seconds")
json.dump(lines, sys.stdout, ensure_ascii=False)' >"$BODY"
log "generated $RECORDS records ($(du -h "$BODY" | cut -f1))"
start_service
log "ready after ${STARTUP} s"
T0="$(now)"
CODE="$(curl -s -o "$HERE/target/import-answer.json" -w '%{http_code}' -u admin:demo12345 \
  -H 'Content-Type: application/json' --data-binary "@$BODY" --max-time 3600 "$BASE_URL/api/tickets/import")"
T1="$(now)"
[[ "$CODE" == 200 ]] || { head -c 2000 "$HERE/target/import-answer.json" >&3; die "import answered $CODE"; }
python3 - "$HERE/target/import-answer.json" "$(secs "$T0" "$T1")" <<'PY'
import json, sys
answers = json.load(open(sys.argv[1], encoding="utf-8"))
seconds = float(sys.argv[2])
ok = [a for a in answers if "id" in a]
repeats = sum(1 for a in ok if a.get("repeat"))
print(f"    {len(answers)} answers in {seconds:.1f} s: {len(ok)} tickets, {len(answers) - len(ok)} refused records, "
      f"{repeats} recognised as repeats; {seconds * 1000 / max(1, len(answers)):.1f} ms per record, "
      f"{len(answers) / seconds:.0f} records/s")
PY
TOTAL="$(curl -sf -u coord1:demo12345 "$BASE_URL/api/tickets?size=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')"
log "tickets in the database afterwards: $TOTAL"
