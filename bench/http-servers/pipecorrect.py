#!/usr/bin/env python3
"""Pipelining correctness: send 5 GET /health + 1 POST /v1/route in one write, count responses.
usage: pipecorrect.py PORT"""
import socket, sys, time, re
PORT = int(sys.argv[1])
body = b'{"features":[0.81,0.81,0.41,0.04,0.14,0.57,0.81,0.85,0.65,0.75],"trajectory_id":"t-42"}'
req = b"GET /health HTTP/1.1\r\nHost: x\r\n\r\n" * 5 + \
      b"POST /v1/route HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n" % len(body) + body
s = socket.create_connection(("127.0.0.1", PORT)); s.sendall(req); s.settimeout(1.5); buf = b""
try:
    while True:
        d = s.recv(65536)
        if not d: break
        buf += d
except socket.timeout: pass
print("status lines:", re.findall(rb"HTTP/1\.[01] (\d{3})", buf))
