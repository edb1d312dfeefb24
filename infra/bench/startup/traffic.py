#!/usr/bin/env python3
"""A small amount of read traffic for the start-up benchmark: COUNT GETs of one URL over one
keep-alive connection, the bearer token taken in turn from TOKENS (one per line, so a per-user rate
limit is not what is met). Prints "<2xx responses> <other responses> <seconds>".

usage: traffic.py URL COUNT TOKENS
"""
import http.client
import sys
import time
import urllib.parse

url, count, tokens_file = sys.argv[1], int(sys.argv[2]), sys.argv[3]
with open(tokens_file, encoding="ascii") as f:
    tokens = [line.strip() for line in f if line.strip()]
parts = urllib.parse.urlsplit(url)
path = parts.path + ("?" + parts.query if parts.query else "")
ok = other = 0
connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
start = time.monotonic()
for i in range(count):
    try:
        connection.request("GET", path, headers={"Authorization": "Bearer " + tokens[i % len(tokens)]})
        response = connection.getresponse()
        response.read()
        if 200 <= response.status < 300:
            ok += 1
        else:
            other += 1
    except (OSError, http.client.HTTPException):
        other += 1
        connection.close()
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
print(ok, other, round(time.monotonic() - start, 3))
