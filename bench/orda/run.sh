#!/bin/sh
# ORDA next to the classic commands on the same data (bench/orda/README.md).
# N entities (default 1,000,000): bench/orda/run.sh [N]
set -e
cd "$(dirname "$0")"
BIN=${FOURD:-../../target/release/fourd}
N=${1:-1000000}
for b in orda_bench classic_bench; do
	echo "$b($N)" > zz_run.4dm
	"$BIN" run zz_run.4dm
done
rm -f zz_run.4dm
