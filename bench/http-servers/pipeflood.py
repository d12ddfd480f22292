#!/usr/bin/env python3
"""Send MB megabytes of pipelined 'GET /health' on one connection and never read the
responses (client SO_RCVBUF=4 KiB). Sample the server's RSS for SECS seconds.
usage: pipeflood.py PORT PID MB [SECS]"""
import socket, sys, time
PORT, PID, MB = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
SECS = float(sys.argv[4]) if len(sys.argv) > 4 else 30
def rss_kb():
    try:
        for l in open(f"/proc/{PID}/status"):
            if l.startswith("VmRSS"): return int(l.split()[1])
    except FileNotFoundError: return -1
req = b"GET /health HTTP/1.1\r\nHost: x\r\n\r\n"
payload = req * int(MB * 1024 * 1024 // len(req))
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
s.connect(("127.0.0.1", PORT)); s.setblocking(False)
base = rss_kb(); sent = 0; t0 = time.time(); peak = base; err = ""; t_sent = None
while time.time() - t0 < SECS:
    if sent < len(payload) and not err:
        try:
            while sent < len(payload): sent += s.send(payload[sent:sent + 262144])
            t_sent = time.time() - t0
        except BlockingIOError: pass
        except (BrokenPipeError, ConnectionResetError) as e: err = e.__class__.__name__
    r = rss_kb(); peak = max(peak, r)
    time.sleep(0.05)
end = rss_kb(); s.close(); time.sleep(2)
print(f"flood {len(payload)/1048576:.1f} MiB ({len(payload)//len(req)} requests): client sent {sent/1048576:.2f} MiB"
      f"{' (all in %.1fs)' % t_sent if t_sent else ''} {err}; server RSS base {base/1024:.1f} MiB, peak {peak/1024:.1f} MiB,"
      f" at {SECS:.0f}s {end/1024:.1f} MiB, after close {rss_kb()/1024:.1f} MiB")
