#!/usr/bin/env bash
# Web benchmark (not a test): requests/s and latency of a WEB SEND TEXT handler on
# loopback, with 100 concurrent keep-alive clients over 100 sessions, then over
# 10,000 live sessions; then a page with 4D tags (a 50-row 4DLOOP, rows.shtml) with
# 100 sessions. Needs wrk (apt-get install -y wrk) and python3.
#   bash bench/web/run.sh [DURATION_SECONDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
DUR=${1:-10}
PORT=${PORT:-18099}
cargo build --release --quiet
./target/release/fourd serve bench/web/app --port "$PORT" --listen 127.0.0.1 >/tmp/fourd-bench.log 2>&1 &
PID=$!
trap 'kill -TERM $PID 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$PORT/4DACTION/hello" && break; sleep 0.1; done
for N in 100 10000; do
  python3 bench/web/make_sessions.py 127.0.0.1 "$PORT" "$N" /tmp/fourd-cookies.txt
  echo "== 100 keep-alive clients, $N live sessions, ${DUR}s"
  FOURD_COOKIES=/tmp/fourd-cookies.txt wrk -t2 -c100 -d"${DUR}s" --latency \
    -s bench/web/cookies.lua "http://127.0.0.1:$PORT/4DACTION/hello"
done
python3 bench/web/make_sessions.py 127.0.0.1 "$PORT" 100 /tmp/fourd-cookies.txt
echo "== tagged page (50-row 4DLOOP), 100 keep-alive clients, 100 sessions, ${DUR}s"
FOURD_COOKIES=/tmp/fourd-cookies.txt FOURD_PATH=/rows.shtml wrk -t2 -c100 -d"${DUR}s" --latency \
  -s bench/web/cookies.lua "http://127.0.0.1:$PORT/rows.shtml"
