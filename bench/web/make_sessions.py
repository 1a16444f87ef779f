#!/usr/bin/env python3
"""Opens N legacy sessions on a fourd server (one request each, keep-alive) and
writes their cookies ("NAME=ID"), one a line, to OUT."""
import http.client, sys

host, port, n, out = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
conn = http.client.HTTPConnection(host, port)
cookies = []
for _ in range(n):
    conn.request("GET", "/4DACTION/hello")
    r = conn.getresponse()
    r.read()
    c = r.getheader("Set-Cookie")
    cookies.append(c.split(";")[0])
with open(out, "w") as f:
    f.write("\n".join(cookies) + "\n")
