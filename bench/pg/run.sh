#!/usr/bin/env bash
# The datastore on PostgreSQL next to SQLite, and fourd serve scaled out behind
# nginx (bench/pg/README.md). Not a test: it prints figures.
#
# Usage: bench/pg/run.sh [N]     N records for the bulk load and the queries
#                                (default 1000000)
#   AUTO=20000   records saved one by one (autocommit CREATE/SAVE)
#   Q=20000      indexed equality queries (and Q/10 queries of 1,000 hits,
#                Q/1000 non-indexed ones); on PostgreSQL with pushdown=off
#                (in memory) and pushdown=on (in SQL)
#   QO=50        ORDA .query() calls of each kind (bench_orda_query.4dm),
#                likewise off and on
#   WEB=5000     records behind the web page; DUR=10 seconds per web run
#   ONLY=datastore or ONLY=web  one half only
#   FOURD_BENCH_PG=postgres://...  an existing database (else a throwaway
#                cluster is started on loopback, as .ci/run does)
# Needs: a release build (built if missing), PostgreSQL, nginx, ab (apache2-utils).
set -euo pipefail
cd "$(dirname "$0")"
N=${1:-1000000}
AUTO=${AUTO:-20000}
Q=${Q:-20000}
QO=${QO:-50}
WEB=${WEB:-5000}
DUR=${DUR:-10}
FOURD=${FOURD:-$PWD/../../target/release/fourd}
[ -x "$FOURD" ] || (cd ../.. && nice -n 10 cargo build --release -q)
NICE="nice -n 10"
work=$(mktemp -d)
pids=()
pgdir=""
as_pg() { if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi; }
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  if [ -n "$pgdir" ]; then
    as_pg "$pgbin/pg_ctl" -D "$pgdir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$pgdir"
  fi
  rm -rf "$work"
}
trap cleanup EXIT

if [ -n "${FOURD_BENCH_PG:-}" ]; then
  PG=$FOURD_BENCH_PG
else
  pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  pgdir=$(mktemp -d)
  [ "$(id -u)" = 0 ] && chown postgres "$pgdir"
  as_pg "$pgbin/initdb" -D "$pgdir/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
  port=55533
  while (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  as_pg "$pgbin/pg_ctl" -D "$pgdir/data" -l "$pgdir/log" -w \
    -o "-p $port -k $pgdir -c listen_addresses=127.0.0.1 -c shared_buffers=512MB" start >/dev/null
  PG="postgres://postgres@127.0.0.1:$port/postgres"
fi
sep=$([[ $PG == *\?* ]] && echo '&' || echo '?')
pgurl() { echo "$PG${sep}schema=bench_$1_$$"; }

here=$PWD
cp catalog.4DCatalog bench_create.4dm bench_query.4dm bench_orda_query.4dm bench_fill.4dm "$work/"
cd "$work"
run() { $NICE "$FOURD" run "$@" 2>&1; }
ONLY=${ONLY:-}
if [ "$ONLY" != web ]; then
echo "== datastore ($(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg))"
for backend in sqlite postgres async; do
  if [ $backend = sqlite ]; then
    auto="$work/auto.sqlite"; bulk="$work/bulk.sqlite"
  elif [ $backend = async ]; then
    echo "-- postgres, synchronous_commit off"
    run bench_create.4dm "$AUTO" 0 --data "$PG${sep}options=-c%20synchronous_commit%3Doff&schema=bench_async_$$"
    continue
  else
    auto=$(pgurl auto); bulk=$(pgurl bulk)
  fi
  echo "-- $backend"
  run bench_create.4dm "$AUTO" 0 --data "$auto"
  run bench_create.4dm "$N" 1000 --data "$bulk"
  modes=default
  # PostgreSQL: queries in memory (pushdown=off), then pushed down to SQL
  [ $backend = postgres ] && modes="off on"
  for mode in $modes; do
    data=$bulk
    [ "$mode" != default ] && data="$bulk&pushdown=$mode" && echo "- pushdown=$mode"
    start=$(date +%s.%N)
    run bench_query.4dm "$N" "$Q" --data "$data"
    echo "open + queries: $(echo "$(date +%s.%N) - $start" | bc -l | cut -c1-6) s (opening reads every record)"
    run bench_orda_query.4dm "$N" "$QO" --data "$data"
  done
done
fi
[ "$ONLY" = datastore ] && exit 0

echo "== web: a page reading one record by an indexed query, $WEB records, ${DUR}s per run"
url=$(pgurl web)
run bench_fill.4dm "$WEB" --data "$url"
run bench_fill.4dm "$WEB" --data "$work/web.sqlite"
app=$here/../../tests/web/scaleapp
ports=()
for name in A B S; do
  cp -r "$app" "$work/$name"
  printf '%s' "$name" >"$work/$name/instance.txt"
  p=$((18500 + ${#ports[@]}))
  while (echo >"/dev/tcp/127.0.0.1/$p") 2>/dev/null; do p=$((p + 10)); done
  data=$url
  [ $name = S ] && data=$work/web.sqlite
  $NICE "$FOURD" serve "$work/$name" --port "$p" --listen 127.0.0.1 --data "$data" >/dev/null 2>&1 &
  pids+=($!)
  ports+=("$p")
done
nginx_conf() { # LISTEN PORT...
  local listen=$1; shift
  mkdir -p "$work/ng$listen"
  {
    [ "$(id -u)" = 0 ] && echo "user root;"
    echo "worker_processes 1; error_log $work/ng$listen/error.log; pid $work/ng$listen/nginx.pid;"
    echo "events { worker_connections 1024; }"
    echo "http { access_log off; client_body_temp_path $work/ng$listen/b; proxy_temp_path $work/ng$listen/p;"
    echo "fastcgi_temp_path $work/ng$listen/f; uwsgi_temp_path $work/ng$listen/u; scgi_temp_path $work/ng$listen/s;"
    echo "upstream fourd {"; for p in "$@"; do echo "server 127.0.0.1:$p;"; done; echo "keepalive 32; }"
    echo "map \$cookie_4DROUTE_scaleapp \$fourd_pinned {"
    for p in "$@"; do echo "\"127.0.0.1:$p\" 127.0.0.1:$p;"; done
    echo "default fourd; }"
    echo "map \$upstream_addr \$fourd_last { ~(?<last>[0-9.]+:[0-9]+)\$ \$last; default \"\"; }"
    echo "map \$upstream_cookie_4DSID_scaleapp \$fourd_route { \"\" \"\"; default \"4DROUTE_scaleapp=\$fourd_last; Path=/\"; }"
    echo "server { listen 127.0.0.1:$listen; location / { proxy_pass http://\$fourd_pinned;"
    echo "proxy_http_version 1.1; proxy_set_header Connection \"\"; add_header Set-Cookie \$fourd_route; } } }"
  } >"$work/ng$listen/nginx.conf"
  nginx -p "$work/ng$listen" -c "$work/ng$listen/nginx.conf" -g "daemon off;" &
  pids+=($!)
}
for p in "${ports[@]}"; do
  for _ in $(seq 100); do (echo >"/dev/tcp/127.0.0.1/$p") 2>/dev/null && break; sleep 0.1; done
done
one=$((ports[1] + 100)); two=$((ports[1] + 101))
nginx_conf "$one" "${ports[0]}"
nginx_conf "$two" "${ports[0]}" "${ports[1]}"
sleep 1
# webrun PORT SESSIONS: SESSIONS browsers (a session each), ab -k -c 2 each, summed
webrun() {
  local port=$1 sessions=$2 total=0 i abp=()
  for ((i = 0; i < sessions; i++)); do
    curl -s -c "$work/jar$port.$i" "http://127.0.0.1:$port/4DACTION/hello" >/dev/null
    cookie=$(awk '!/^#/ && NF >= 7 { printf "%s%s=%s", sep, $6, $7; sep="; " }' "$work/jar$port.$i")
    $NICE ab -q -k -c 2 -t "$DUR" -n 10000000 -H "Cookie: $cookie" \
      "http://127.0.0.1:$port/4DACTION/page" >"$work/ab$port.$i" 2>&1 &
    abp+=($!)
  done
  wait "${abp[@]}" 2>/dev/null || true
  for ((i = 0; i < sessions; i++)); do
    r=$(awk '/Requests per second/ { print $4 }' "$work/ab$port.$i")
    total=$(echo "$total + ${r:-0}" | bc -l)
  done
  printf '%.0f' "$total"
}
check=$(curl -s "http://127.0.0.1:${ports[0]}/4DACTION/page")
echo "page answers: $check"
echo "one instance on SQLite, direct: $(webrun "${ports[2]}" 8) req/s"
echo "one instance, direct:          $(webrun "${ports[0]}" 8) req/s"
echo "one instance behind nginx:     $(webrun "$one" 8) req/s"
echo "two instances behind nginx:    $(webrun "$two" 8) req/s"
