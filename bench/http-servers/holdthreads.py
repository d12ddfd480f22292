#!/usr/bin/env python3
"""Open N client connections that either (idle) send one request, read it and stay idle on keep-alive,
or (trickle) send a request header 1 byte per second. Then time fresh GET /health requests
from a new connection every second for SECS seconds.
usage: holdthreads.py PORT N idle|trickle [SECS]"""
import socket, sys, time, threading
PORT, N, MODE = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
SECS = float(sys.argv[4]) if len(sys.argv) > 4 else 20
stop = False
def idle_client():
    s = socket.create_connection(("127.0.0.1", PORT))
    s.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\n\r\n"); s.settimeout(30)
    try: s.recv(65536)
    except OSError: pass
    while not stop: time.sleep(0.2)
    s.close()
def trickle_client():
    s = socket.create_connection(("127.0.0.1", PORT))
    req = b"GET /health HTTP/1.1\r\nHost: x\r\nX-Slow: " + b"z" * 10000
    i = 0
    while not stop and i < len(req):
        try: s.send(req[i:i+1])
        except OSError: break
        i += 1; time.sleep(1)
    s.close()
ths = [threading.Thread(target=idle_client if MODE == "idle" else trickle_client, daemon=True) for _ in range(N)]
for t in ths: t.start()
time.sleep(0.5)
lat = []
t0 = time.time()
while time.time() - t0 < SECS:
    a = time.time()
    try:
        s = socket.create_connection(("127.0.0.1", PORT), timeout=SECS)
        s.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        d = s.recv(65536); s.close()
        lat.append((time.time() - a) * 1000 if d.startswith(b"HTTP/1.1 200") else float("inf"))
    except OSError:
        lat.append(float("inf"))
    time.sleep(max(0, 1 - (time.time() - a)))
stop = True
ok = [x for x in lat if x != float("inf")]
print(f"{N} {MODE} clients: {len(lat)} fresh requests over {SECS:.0f}s, latency ms: "
      + ", ".join("%.0f" % x for x in lat) + f"  (max {max(lat):.0f} ms)")
