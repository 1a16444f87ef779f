#!/usr/bin/env bash
# Runs each workload with fourd, python3 and lua5.4 (when installed), alternately,
# RUNS times (default 3); prints each median (seconds), the ratios fourd/python and
# fourd/lua, and checks that the three print the same checksum.
# Usage: bench/run.sh [WORKLOAD...]   (RUNS=5 bench/run.sh fib loop)
set -u
cd "$(dirname "$0")"
RUNS=${RUNS:-3}
FOURD=${FOURD:-../target/release/fourd}
[ -x "$FOURD" ] || (cd .. && cargo build --release -q) || exit 1
LUA=$(command -v lua5.4 || true)
WORKLOADS=("$@")
[ ${#WORKLOADS[@]} -gt 0 ] || WORKLOADS=(fib loop text_append objects sort_reals sort_words json_bench)

# timed COMMAND... : prints "SECONDS|STDOUT" for one run (stdout blanks squeezed).
timed() {
  local start end out
  start=$(date +%s.%N)
  out=$("$@" 2>/dev/null | tr -s ' \t\n' '   ')
  end=$(date +%s.%N)
  echo "$(echo "$end - $start" | bc -l)|${out% }"
}
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

printf '%-12s %9s %9s %9s %8s %8s  %s\n' workload fourd python lua 4d/py 4d/lua checksum
for w in "${WORKLOADS[@]}"; do
  f=(); p=(); l=(); sums=()
  for ((r = 0; r < RUNS; r++)); do
    t=$(timed "$FOURD" run "$w.4dm"); f+=("${t%%|*}"); sums+=("fourd=${t#*|}")
    t=$(timed python3 "py/$w.py"); p+=("${t%%|*}"); sums+=("python=${t#*|}")
    if [ -n "$LUA" ]; then t=$(timed "$LUA" "lua/$w.lua"); l+=("${t%%|*}"); sums+=("lua=${t#*|}"); fi
  done
  fm=$(median "${f[@]}"); pm=$(median "${p[@]}")
  lm=-; rl=-
  if [ -n "$LUA" ]; then lm=$(printf "%.3f" "$(median "${l[@]}")"); rl=$(printf '%.2f' "$(echo "$fm / $lm" | bc -l)"); fi
  rp=$(printf '%.2f' "$(echo "$fm / $pm" | bc -l)")
  distinct=$(printf '%s\n' "${sums[@]}" | sed 's/^[a-z]*=//' | sort -u | wc -l)
  check=$([ "$distinct" = 1 ] && echo "ok: ${sums[0]#*=}" || echo "MISMATCH: ${sums[*]:0:3}")
  printf '%-12s %9.3f %9.3f %9s %8s %8s  %s\n' "$w" "$fm" "$pm" "$lm" "$rp" "$rl" "$check"
done
