#!/usr/bin/env python3
"""Hardening probes against a running server.
usage: harden.py PORT PID [tests...]
tests: header body ctclose http10 idle trickle bodystall pipeline conncap
"""
import socket, sys, time, threading, select, os

HOST = "127.0.0.1"
PORT = int(sys.argv[1]); PID = int(sys.argv[2])
TESTS = sys.argv[3:] or ["header", "body", "ctclose", "http10", "idle", "trickle", "bodystall", "pipeline"]

def rss():
    d = {}
    try:
        for l in open(f"/proc/{PID}/status"):
            if l.startswith(("VmRSS", "VmHWM", "Threads")):
                k, v = l.split(":"); d[k] = v.strip()
    except FileNotFoundError:
        return "PROCESS GONE"
    return d

def conn(timeout=5):
    s = socket.create_connection((HOST, PORT), timeout=timeout)
    return s

def read_response(s, timeout=3):
    """Read whatever comes until timeout or close; returns (data, closed)."""
    s.settimeout(timeout); buf = b""; closed = False
    t0 = time.time()
    try:
        while True:
            d = s.recv(65536)
            if not d: closed = True; break
            buf += d
            if b"\r\n\r\n" in buf:
                head, _, rest = buf.partition(b"\r\n\r\n")
                cl = [l for l in head.split(b"\r\n") if l.lower().startswith(b"content-length:")]
                if cl and len(rest) >= int(cl[0].split(b":")[1]): break
    except socket.timeout:
        pass
    except (ConnectionResetError, BrokenPipeError):
        closed = True
    return buf, closed

def status_line(buf):
    return buf.split(b"\r\n", 1)[0].decode(errors="replace") if buf else "(no response)"

def closed_within(s, secs):
    """Wait up to secs for the peer to close; return elapsed or None."""
    s.settimeout(secs); t0 = time.time()
    try:
        while True:
            d = s.recv(65536)
            if not d: return time.time() - t0
    except socket.timeout:
        return None
    except ConnectionResetError:
        return time.time() - t0

def t_header():
    for size in (16 * 1024, 64 * 1024, 1024 * 1024):
        s = conn()
        try:
            s.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * size + b"\r\n\r\n")
        except (BrokenPipeError, ConnectionResetError) as e:
            print(f"  header {size//1024} KiB: send failed ({e.__class__.__name__})", end="")
        buf, closed = read_response(s)
        print(f"  header {size//1024} KiB -> {status_line(buf)} closed={closed} rss={rss()}")
        s.close()
    # unterminated header stream: 20 MiB of header lines without the final CRLF
    s = conn(); sent = 0
    s.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\n")
    s.setblocking(False); t0 = time.time()
    line = b"X-Filler: " + b"b" * 1000 + b"\r\n"
    try:
        while sent < 20 * 1024 * 1024 and time.time() - t0 < 15:
            try: sent += s.send(line)
            except BlockingIOError: time.sleep(0.01)
    except (BrokenPipeError, ConnectionResetError) as e:
        print(f"  endless headers: server closed after {sent//1024} KiB ({e.__class__.__name__})")
    s.setblocking(True)
    buf, closed = read_response(s, 2)
    print(f"  endless headers: sent {sent//1024} KiB in {time.time()-t0:.1f}s -> {status_line(buf)} closed={closed} rss={rss()}")
    s.close()

def t_body():
    # Announce a 100 MB body but send none: does the server answer 413 before reading the body?
    s = conn()
    s.sendall(b"POST /v1/route HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 104857600\r\n\r\n")
    t0 = time.time(); buf, closed = read_response(s, 3)
    print(f"  CL=100MB, no body sent -> {status_line(buf)} after {time.time()-t0:.2f}s closed={closed}")
    s.close()
    # Actually stream 100 MB: how much does the server accept, and RSS
    s = conn(); s.sendall(b"POST /v1/route HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 104857600\r\n\r\n")
    s.setblocking(False); sent = 0; t0 = time.time(); chunk = b"x" * 65536; err = ""
    while sent < 104857600 and time.time() - t0 < 20:
        try: sent += s.send(chunk)
        except BlockingIOError: time.sleep(0.005)
        except (BrokenPipeError, ConnectionResetError) as e: err = e.__class__.__name__; break
    s.setblocking(True)
    buf, closed = read_response(s, 3)
    print(f"  CL=100MB streamed: server took {sent/1048576:.1f} MiB in {time.time()-t0:.1f}s {err} -> {status_line(buf)} rss={rss()}")
    s.close()
    # chunked body of up to 50 MiB (no Content-Length), complete chunks only
    s = conn(); s.sendall(b"POST /v1/route HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
    s.settimeout(5); sent = 0; t0 = time.time(); chunk = b"10000\r\n" + b"x" * 65536 + b"\r\n"; err = ""
    try:
        while sent < 50 * 1048576 and time.time() - t0 < 20:
            s.sendall(chunk); sent += 65536
        s.sendall(b"0\r\n\r\n")
    except socket.timeout: err = "send blocked 5s"
    except (BrokenPipeError, ConnectionResetError) as e: err = e.__class__.__name__
    buf, closed = read_response(s, 5)
    print(f"  chunked 50MiB: server took {sent/1048576:.1f} MiB {err} -> {status_line(buf)} rss={rss()}")
    s.close()

def t_ctclose():
    s = conn()
    s.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    buf, closed = read_response(s, 2)
    el = None if closed else closed_within(s, 3)
    print(f"  HTTP/1.1 Connection: close -> {status_line(buf)}; server closed={'yes' if closed or el is not None else 'NO (still open after 3s)'}")
    s.close()

def t_http10():
    s = conn()
    s.sendall(b"GET /health HTTP/1.0\r\n\r\n")
    buf, closed = read_response(s, 2)
    el = None if closed else closed_within(s, 3)
    print(f"  HTTP/1.0 (no keep-alive) -> {status_line(buf)}; server closed={'yes' if closed or el is not None else 'NO (still open after 3s)'}")
    s.close()
    s = conn()
    s.sendall(b"GET /health HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
    buf, closed = read_response(s, 2)
    hdrs = [l.decode() for l in buf.split(b"\r\n\r\n")[0].split(b"\r\n")[1:] if l.lower().startswith((b"connection", b"keep-alive"))]
    el = None if closed else closed_within(s, 3)
    print(f"  HTTP/1.0 + Connection: keep-alive -> {status_line(buf)}; hdrs={hdrs}; server closed={'yes' if closed or el is not None else 'no (kept alive)'}")
    s.close()

def t_idle():
    # connect, send nothing
    s = conn(); el = closed_within(s, 40)
    print(f"  idle connection (no bytes): closed by server after {('%.1fs' % el) if el is not None else 'NEVER within 40s'}")
    s.close()
    # keep-alive idle after one request
    s = conn(); s.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\n\r\n"); read_response(s, 2)
    el = closed_within(s, 40)
    print(f"  idle keep-alive after 1 request: closed after {('%.1fs' % el) if el is not None else 'NEVER within 40s'}")
    s.close()

def t_trickle():
    # slowloris: one header byte every 1s for up to 40s
    s = conn(); t0 = time.time()
    req = b"GET /health HTTP/1.1\r\nHost: x\r\n" + b"X-Slow: " + b"z" * 100
    i = 0; outcome = "still open after 40s (no header timeout)"
    while time.time() - t0 < 40:
        try:
            s.send(req[i:i+1] if i < len(req) else b"z"); i += 1
        except (BrokenPipeError, ConnectionResetError):
            outcome = f"closed after {time.time()-t0:.1f}s"; break
        r, _, _ = select.select([s], [], [], 1.0)
        if r:
            try: d = s.recv(4096)
            except ConnectionResetError: d = b""
            outcome = f"{'closed' if not d else status_line(d)} after {time.time()-t0:.1f}s"; break
    print(f"  slowloris header (1 byte/s): {outcome}")
    s.close()

def t_bodystall():
    s = conn(); s.sendall(b"POST /v1/route HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"feat")
    t0 = time.time(); el = closed_within(s, 40)
    print(f"  body stalls after 6 of 100 bytes: closed after {('%.1fs' % el) if el is not None else 'NEVER within 40s'}")
    s.close()

def t_pipeline():
    req = b"GET /health HTTP/1.1\r\nHost: x\r\n\r\n"
    n = (3 * 1024 * 1024) // len(req)
    payload = req * n
    s = conn(); s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    s.setblocking(False)
    before = rss(); sent = 0; t0 = time.time(); samples = []; err = ""
    while time.time() - t0 < 25:
        if sent < len(payload):
            try: sent += s.send(payload[sent:sent + 65536])
            except BlockingIOError: pass
            except (BrokenPipeError, ConnectionResetError) as e: err = e.__class__.__name__; break
        r = rss()
        if isinstance(r, dict): samples.append(int(r["VmRSS"].split()[0]))
        time.sleep(0.05)
    peak = max(samples) if samples else 0
    print(f"  pipelined {n} x GET /health ({len(payload)//1024} KiB), never read: client sent {sent//1024} KiB in 25s {err}; "
          f"RSS before {before.get('VmRSS') if isinstance(before, dict) else before}, peak during {peak} kB, after {rss()}")
    # is connection still alive?
    el = closed_within(s, 0.1) if False else None
    s.close()
    time.sleep(2)
    print(f"  after client close: {rss()}")

def t_conncap():
    socks = []; fails = 0
    for i in range(3000):
        try: socks.append(socket.create_connection((HOST, PORT), timeout=2))
        except OSError: fails += 1
    time.sleep(1)
    # does a fresh request still get served?
    t0 = time.time()
    try:
        s = conn(5); s.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\n\r\n"); buf, _ = read_response(s, 5)
        res = f"{status_line(buf)} in {time.time()-t0:.2f}s"
    except OSError as e:
        res = f"failed: {e}"
    alive = 0
    for x in socks:
        x.setblocking(False)
        try:
            d = x.recv(1)
            if d == b"": pass
            else: alive += 1
        except BlockingIOError: alive += 1
        except OSError: pass
    print(f"  3000 idle connections: {len(socks)} connected ({fails} failed), {alive} still open after 1s; fresh request: {res}; rss={rss()}")
    for x in socks: x.close()

for t in TESTS:
    print(f"[{t}]"); sys.stdout.flush()
    globals()["t_" + t]()
    sys.stdout.flush()
