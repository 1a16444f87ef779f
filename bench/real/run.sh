#!/usr/bin/env bash
# Realistic 4D workloads side by side: each runs with fourd, python3 and lua5.4, alternately,
# RUNS times (default 3); prints each median wall time (seconds), the ratios fourd/python and
# fourd/lua, whether the three print the same checksum, and the geometric means of the ratios.
#
# Usage: bench/real/run.sh [--drag-race DIR] [WORKLOAD...]
#   --drag-race DIR  also runs the sieves of a local checkout of the public 4D Drag Race
#                    (github.com/4D-Open-Source/4D-Drag-Race), unchanged, from a temporary
#                    copy; their Python and Lua twins are py/dr_*.py and lua/dr_*.lua.
#                    Never copy that code into this repository.
#   RUNS=5 bench/real/run.sh csv_text classes
set -u
cd "$(dirname "$0")"
RUNS=${RUNS:-3}
FOURD=${FOURD:-../../target/release/fourd}
[ -x "$FOURD" ] || (cd ../.. && cargo build --release -q) || exit 1
FOURD=$(cd "$(dirname "$FOURD")" && pwd)/$(basename "$FOURD")
LUA=$(command -v lua5.4 || true)
DRAG=""
if [ "${1:-}" = "--drag-race" ]; then DRAG=${2:?--drag-race needs a folder}; shift 2; fi
WORKLOADS=("$@")
[ ${#WORKLOADS[@]} -gt 0 ] || WORKLOADS=(sieve_bool sieve_longint sieve_class csv_text arrays
  objects_coll classes untyped string_build recursion dates)

# The Drag Race sieves: NAME → the 4D line that runs it (1,000,000 numbers, as in the race).
declare -A DR_CALL=(
  [dr_jpr]='$r:=sieve_JPR(1000000)'
  [dr_kc]='$r:=sieve_KC(1000000)'
  [dr_kc_2]='$r:=sieve_KC_2(1000000)'
  [dr_jc_blob]='$r:=sieve_JC_blob(1000000)'
  [dr_kb]='$r:=cs.sieve_KB.new().runSieve(1000000)'
  [dr_kb_array]='$r:=cs.sieve_KB.new().runSieveArray(1000000)'
)
TMP=""
if [ -n "$DRAG" ]; then
  [ -d "$DRAG/Project/Sources" ] || { echo "no Project/Sources in $DRAG" >&2; exit 64; }
  TMP=$(mktemp -d)
  trap 'rm -rf "$TMP"' EXIT
  cp -r "$DRAG/Project" "$TMP/"
  for w in dr_jpr dr_kc dr_kc_2 dr_jc_blob dr_kb dr_kb_array; do
    printf '%s\n' '//%attributes = {}' "${DR_CALL[$w]}" 'ALERT(String($r.nPrimes))' \
      >"$TMP/Project/Sources/Methods/bench_$w.4dm"
    WORKLOADS+=("$w")
  done
fi

# fourd_cmd NAME: the command line that runs a workload with fourd.
fourd_cmd() {
  case $1 in
    dr_*) echo "$FOURD --project $TMP --startup-method bench_$1 --skip-onstartup --dataless" ;;
    *) echo "$FOURD run $1.4dm" ;;
  esac
}
# timed COMMAND... : prints "SECONDS|STDOUT" for one run (stdout blanks squeezed).
timed() {
  local start end out
  start=$(date +%s.%N)
  out=$("$@" 2>/dev/null | tr -s ' \t\n' '   ')
  end=$(date +%s.%N)
  echo "$(echo "$end - $start" | bc -l)|${out% }"
}
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

printf '%-14s %8s %8s %8s %7s %7s  %s\n' workload fourd python lua 4d/py 4d/lua checksum
logp=0; logl=0; np=0; nl=0
for w in "${WORKLOADS[@]}"; do
  f=(); p=(); l=(); sums=()
  read -r -a cmd <<<"$(fourd_cmd "$w")"
  for ((r = 0; r < RUNS; r++)); do
    t=$(timed "${cmd[@]}"); f+=("${t%%|*}"); sums+=("fourd=${t#*|}")
    t=$(timed python3 "py/$w.py"); p+=("${t%%|*}"); sums+=("python=${t#*|}")
    if [ -n "$LUA" ]; then t=$(timed "$LUA" "lua/$w.lua"); l+=("${t%%|*}"); sums+=("lua=${t#*|}"); fi
  done
  fm=$(median "${f[@]}"); pm=$(median "${p[@]}")
  lm=-; rl=-
  rp=$(printf '%.2f' "$(echo "$fm / $pm" | bc -l)")
  logp=$(echo "$logp + l($fm / $pm)" | bc -l); np=$((np + 1))
  if [ -n "$LUA" ]; then
    lm=$(printf "%.3f" "$(median "${l[@]}")")
    rl=$(printf '%.2f' "$(echo "$fm / $lm" | bc -l)")
    logl=$(echo "$logl + l($fm / $lm)" | bc -l); nl=$((nl + 1))
  fi
  distinct=$(printf '%s\n' "${sums[@]}" | sed 's/^[a-z]*=//' | sort -u | wc -l)
  check=$([ "$distinct" = 1 ] && echo "ok: ${sums[0]#*=}" || echo "MISMATCH: ${sums[*]:0:3}")
  printf '%-14s %8.3f %8.3f %8s %7s %7s  %s\n' "$w" "$fm" "$pm" "$lm" "$rp" "$rl" "$check"
done
gp=$(printf '%.2f' "$(echo "e($logp / $np)" | bc -l)")
gl=-; [ "$nl" -gt 0 ] && gl=$(printf '%.2f' "$(echo "e($logl / $nl)" | bc -l)")
printf '%-14s %8s %8s %8s %7s %7s\n' "geomean" "" "" "" "$gp" "$gl"
