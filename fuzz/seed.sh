#!/usr/bin/env bash
# Fills fuzz/corpus/<target>/ with seeds from the project's own files.
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p corpus/parse corpus/run corpus/http
find ../tests/golden ../tests/parser ../scripts -name '*.4dm' -print0 |
while IFS= read -r -d '' f; do
  n=$(echo "$f" | tr '/. ' '___')
  cp "$f" "corpus/parse/$n"
  # small files only, for the run target (it skips risky ones itself)
  if [ "$(wc -c <"$f")" -lt 4096 ]; then cp "$f" "corpus/run/$n"; fi
done
i=0
for r in 'GET / HTTP/1.1\r\nHost: x\r\n\r\n' \
         'GET /4DACTION/count HTTP/1.1\r\nHost: x\r\nCookie: 4DSID_app=ABC\r\n\r\n' \
         'POST /4DACTION/echo?a=1 HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 7\r\n\r\nb=2&c=3' \
         'POST /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n' \
         'GET /sub/../index.html HTTP/1.0\r\n\r\n' \
         'GET /%2e%2e/secret.txt HTTP/1.1\r\n\r\n'; do
  printf '\x00'"$r" > "corpus/http/raw$i"
  printf '\x01'"$r" > "corpus/http/pure$i"
  i=$((i+1))
done
