#!/usr/bin/env python3
"""N keep-alive clients each loop GET /health for SECS s on one connection; report per-client counts.
Shows whether some connections are starved (thread-per-connection with fewer workers than connections).
usage: fairness.py PORT N SECS"""
import socket, sys, time, threading
PORT, N, SECS = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
counts = [0] * N; reconnects = [0] * N
def client(i):
    end = time.time() + SECS
    s = None
    while time.time() < end:
        try:
            if s is None:
                s = socket.create_connection(("127.0.0.1", PORT)); s.settimeout(max(0.05, end - time.time()))
            s.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
            buf = b""
            while b"\r\n\r\n" not in buf or len(buf.split(b"\r\n\r\n", 1)[1]) < 217:
                d = s.recv(65536)
                if not d: raise ConnectionError
                buf += d
            counts[i] += 1
        except (socket.timeout, TimeoutError):
            break
        except OSError:
            s = None; reconnects[i] += 1
    if s: s.close()
ts = [threading.Thread(target=client, args=(i,)) for i in range(N)]
for t in ts: t.start()
for t in ts: t.join()
served = sum(1 for c in counts if c > 0)
print(f"{N} keep-alive clients, {SECS:.0f}s: {served} got >=1 response, {N-served} starved; per-client counts sorted: {sorted(counts, reverse=True)}; reconnects {sum(reconnects)}")
