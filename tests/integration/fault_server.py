#!/usr/bin/env python3
"""A loopback HTTP server that misbehaves on purpose, byte by byte.

Python 3 standard library only. tests/integration/test_faults.c starts it
(through mock_process.c) and scripts, per request, exactly which bytes go back
and how: a reset in the middle of the headers, a body sent one byte a second, a
chunked body that never ends, ten megabytes, a nesting bomb, invalid UTF-8...
Where agora_mock.py answers like the service, this one answers like a broken
network or a broken server, with full control of the wire.

    python3 fault_server.py --port 0 --port-file F [--quiet]
        [--tls-cert CERT.pem --tls-key KEY.pem] [--host 127.0.0.1]

Three listeners, all on loopback:
- "main" (--port): service requests, and the control API under /__fault/;
- "tls" (when --tls-cert/--tls-key are given): the same service handler behind
  TLS (Python's ssl module). A failed handshake is counted, and the handler
  never sees a request;
- "other": a second host (127.0.0.2 when it can be bound, else 127.0.0.1 on
  another port) that only records what reaches it (connections, bytes). A
  redirect points there: it must see nothing.

Control API (main listener only, no auth, JSON):
- GET  /__fault/ports  -> {"main", "tls" (0: none), "other", "other_host"}
- POST /__fault/script -> appends one script (an object) or several (a list) to
  the queue; each service request (on main or tls) takes the first queued
  script that fits it (a script with "match": TEXT fits only the requests
  whose path contains TEXT; one without fits any), or the default one (200
  with a valid answer for the path) when none fits.
- POST /__fault/default -> replaces the default script (until the next reset).
- POST /__fault/reset  -> empties the queue, restores the default script and
  clears the records below.
- GET  /__fault/state  -> {"requests": [{"seq", "listener", "connection",
  "method", "path", "authorization", "body_bytes", "script", "bytes_sent",
  "outcome", "done"}], "connections": {"main", "tls", "other"},
  "open_connections": {"main", "tls", "other"} (open now, not reset),
  "tls_handshake_failures", "other_bytes", "in_flight", "pending",
  "max_in_flight" (the most service requests running at once), "overlaps"
  (one-at-a-time requests that arrived while another for the same recording
  was running: see below)}.
  "in_flight" counts scripts still running and TLS handshakes not yet
  finished (a script outlives the client's
  call when it is sending into a connection the client has left).

A script is {"name": "...", "steps": [STEP, ...]}; the steps run in order:
  {"send": TEXT}                       TEXT's code points 0-255 as bytes
  {"repeat": TEXT, "count": N}         TEXT N times (streamed, not built whole)
  {"respond": {"status": N, "reason": "...", "headers": {...}, "body": TEXT or
               any JSON value, "chunked": bool}}  a well-formed response
                                       (Content-Length unless chunked)
  {"default": true}                    the default 200 answer for the request
  {"drip": TEXT, "interval_ms": N}     one byte every N ms
  {"forever": TEXT, "interval_ms": N}  TEXT every N ms until the client leaves
                                       (at most 60 s)
  {"wait_peer": true}                  no answer until the client leaves (60 s)
  {"reset": true}                      close with RST (SO_LINGER 0); ends the script
  {"close": true}                      close (FIN); ends the script
  {"gather": NAME, "count": N}         waits until N requests have reached a
                                       gather of that NAME (at most 60 s), so
                                       N calls are in flight at once
  {"delay_ms": N}                      waits N ms (less when the client leaves)
Without reset/close the connection stays open for the next request. Every
step stops as soon as the client has left; the outcome says what happened.

One at a time: an update or updateLayout request (path ending in /update or
/updateLayout) holds its recording (the path up to /mode/) from its arrival
until its answer starts ("respond" or "default") or its script ends; another
one for the same recording arriving meanwhile is recorded in "overlaps" (the
client sent it before it had the previous answer).
"""

from __future__ import annotations

import argparse
import json
import os
import select
import signal
import socket
import ssl
import struct
import sys
import tempfile
import threading
import time
from urllib.parse import unquote

MAX_HEADER_BYTES = 64 * 1024
MAX_BODY_BYTES = 1 << 20
PEER_WAIT_LIMIT_S = 60.0
IDLE_TIMEOUT_S = 60.0
SEND_BLOCK = 64 * 1024
DEFAULT_SCRIPT = {"name": "default", "steps": [{"default": True}]}
ONE_AT_A_TIME = ("/update", "/updateLayout")


def recording_key(path):
    """The recording a one-at-a-time request holds, or None."""
    path = path.split("?")[0]
    if not path.endswith(ONE_AT_A_TIME) or "/mode/" not in path:
        return None
    return path.split("/mode/")[0]


class PeerLeft(Exception):
    """The client closed or reset the connection."""


class State:
    def __init__(self):
        self.lock = threading.Lock()
        self.queue = []
        self.requests = []
        self.connections = {"main": 0, "tls": 0, "other": 0}
        self.tls_handshake_failures = 0
        self.other_bytes = 0
        self.in_flight = 0
        self.seq = 0
        self.connection_ids = 0
        self.open = {"main": 0, "tls": 0, "other": 0}
        self.gathered = {}
        self.gathering = threading.Condition(self.lock)
        self.default_script = DEFAULT_SCRIPT
        self.running = 0
        self.max_running = 0
        self.holding = {}
        self.overlaps = []

    def reset(self):
        with self.lock:
            self.queue = []
            self.requests = []
            self.connections = {"main": 0, "tls": 0, "other": 0}
            self.tls_handshake_failures = 0
            self.other_bytes = 0
            self.gathered = {}
            self.default_script = DEFAULT_SCRIPT
            self.max_running = self.running
            self.overlaps = []

    def snapshot(self):
        with self.lock:
            return {
                "requests": [dict(r) for r in self.requests],
                "connections": dict(self.connections),
                "open_connections": dict(self.open),
                "tls_handshake_failures": self.tls_handshake_failures,
                "other_bytes": self.other_bytes,
                "in_flight": self.in_flight,
                "pending": len(self.queue),
                "max_in_flight": self.max_running,
                "overlaps": list(self.overlaps),
            }

    def take_script(self, path):
        """The first queued script that fits the path (lock held), or the default."""
        for i, script in enumerate(self.queue):
            match = script.get("match")
            if match is None or str(match) in path:
                return self.queue.pop(i)
        return self.default_script


def text_bytes(value) -> bytes:
    if isinstance(value, str):
        return value.encode("latin-1")
    return json.dumps(value, separators=(",", ":")).encode("utf-8")


def peer_gone(sock) -> bool:
    """True when the client has closed its side (plain sockets only)."""
    if isinstance(sock, ssl.SSLSocket):
        return False
    try:
        readable, _, _ = select.select([sock], [], [], 0)
        if not readable:
            return False
        return sock.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT) == b""
    except BlockingIOError:
        return False
    except OSError:
        return True


class Connection:
    def __init__(self, server, sock, listener, conn_id):
        self.server = server
        self.sock = sock
        self.listener = listener
        self.id = conn_id
        self.buffer = b""
        self.sent = 0
        self.holds = None

    # --- reading requests ---

    def read_request(self):
        """(method, path, headers, body) or None at the end of the connection."""
        self.sock.settimeout(IDLE_TIMEOUT_S)
        while b"\r\n\r\n" not in self.buffer:
            if len(self.buffer) > MAX_HEADER_BYTES:
                return None
            try:
                data = self.sock.recv(65536)
            except (OSError, ssl.SSLError):
                return None
            if not data:
                return None
            self.buffer += data
        head, self.buffer = self.buffer.split(b"\r\n\r\n", 1)
        lines = head.decode("latin-1").split("\r\n")
        parts = lines[0].split(" ")
        if len(parts) != 3:
            return None
        headers = {}
        for line in lines[1:]:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        try:
            length = int(headers.get("content-length", "0"))
        except ValueError:
            return None
        if length < 0 or length > MAX_BODY_BYTES:
            return None
        while len(self.buffer) < length:
            try:
                data = self.sock.recv(65536)
            except (OSError, ssl.SSLError):
                return None
            if not data:
                return None
            self.buffer += data
        body, self.buffer = self.buffer[:length], self.buffer[length:]
        return parts[0], parts[1], headers, body

    # --- writing ---

    def send(self, data: bytes):
        self.sock.settimeout(PEER_WAIT_LIMIT_S)
        try:
            self.sock.sendall(data)
        except (OSError, ssl.SSLError) as exc:
            raise PeerLeft(type(exc).__name__) from None
        self.sent += len(data)

    def wait(self, seconds: float):
        """Waits, returning early (PeerLeft) when the client leaves."""
        end = time.monotonic() + seconds
        while True:
            if peer_gone(self.sock):
                raise PeerLeft("closed by the client")
            left = end - time.monotonic()
            if left <= 0:
                return
            time.sleep(min(left, 0.01))

    def reset(self):
        try:
            self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        except OSError:
            pass
        self.sock.close()

    def close(self):
        try:
            if isinstance(self.sock, ssl.SSLSocket):
                self.sock = self.sock.unwrap()
        except (OSError, ssl.SSLError, ValueError):
            pass
        try:
            self.sock.shutdown(socket.SHUT_WR)
        except OSError:
            pass
        self.sock.close()


def default_answer(path: str, body: bytes) -> bytes:
    """200 with a valid update or stop answer for the path and request."""
    try:
        request = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        request = {}
    if not isinstance(request, dict):
        request = {}
    segments = [unquote(s) for s in path.split("?")[0].split("/")]

    def after(name):
        return segments[segments.index(name) + 1] if name in segments[:-1] else ""

    answer = {
        "cname": request.get("cname", "c"),
        "uid": request.get("uid", "1"),
        "resourceId": after("resourceid"),
        "sid": after("sid"),
    }
    if path.endswith("/stop"):
        answer["serverResponse"] = {"fileListMode": "string", "fileList": "x.m3u8",
                                    "uploadingStatus": "uploaded"}
    return response_bytes(200, "OK", {"Content-Type": "application/json"}, text_bytes(answer), False)


def response_bytes(status, reason, headers, body: bytes, chunked: bool) -> bytes:
    lines = [f"HTTP/1.1 {status} {reason}"]
    for name, value in headers.items():
        lines.append(f"{name}: {value}")
    if chunked:
        lines.append("Transfer-Encoding: chunked")
        payload = (f"{len(body):x}\r\n".encode() + body + b"\r\n" if body else b"") + b"0\r\n\r\n"
    else:
        lines.append(f"Content-Length: {len(body)}")
        payload = body
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + payload


class FaultServer:
    def __init__(self, host, port, tls_cert=None, tls_key=None):
        self.state = State()
        self.stopping = threading.Event()
        self.host = host
        self.main = self._listen(host, port)
        self.tls = None
        self.tls_context = None
        if tls_cert:
            self.tls_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            self.tls_context.load_cert_chain(tls_cert, tls_key)
            self.tls = self._listen(host, 0)
        self.other_host = "127.0.0.2"
        try:
            self.other = self._listen(self.other_host, 0)
        except OSError:
            self.other_host = host
            self.other = self._listen(host, 0)

    @staticmethod
    def _listen(host, port):
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(1024)  # hundreds of calls may connect at once
        return sock

    def ports(self):
        return {
            "main": self.main.getsockname()[1],
            "tls": self.tls.getsockname()[1] if self.tls else 0,
            "other": self.other.getsockname()[1],
            "other_host": self.other_host,
        }

    def start(self):
        for sock, handler in ((self.main, self._serve), (self.tls, self._serve), (self.other, self._other)):
            if sock is not None:
                threading.Thread(target=self._accept, args=(sock, handler), daemon=True).start()

    def _accept(self, listening, handler):
        name = "main" if listening is self.main else "tls" if listening is self.tls else "other"
        while not self.stopping.is_set():
            try:
                sock, _ = listening.accept()
            except OSError:
                return
            # Each step goes out when it is run, not held back by Nagle's
            # algorithm waiting for the client's (delayed) ACK.
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            with self.state.lock:
                self.state.connections[name] += 1
                self.state.open[name] += 1
                self.state.connection_ids += 1
                conn_id = self.state.connection_ids
                # A TLS handshake is in flight from the accept on: a client
                # that gave up on the certificate returns before the server
                # has counted the failed handshake.
                if name == "tls":
                    self.state.in_flight += 1
            threading.Thread(target=self._counted, args=(handler, sock, name, conn_id), daemon=True).start()

    def _counted(self, handler, sock, name, conn_id):
        try:
            handler(sock, name, conn_id)
        finally:
            with self.state.lock:
                self.state.open[name] -= 1

    # --- the second host: records, never answers ---

    def _other(self, sock, name, conn_id):
        sock.settimeout(10.0)
        try:
            while True:
                data = sock.recv(65536)
                if not data:
                    break
                with self.state.lock:
                    self.state.other_bytes += len(data)
        except OSError:
            pass
        sock.close()

    # --- main and tls ---

    def _serve(self, sock, name, conn_id):
        if name == "tls":
            sock.settimeout(10.0)
            try:
                sock = self.tls_context.wrap_socket(sock, server_side=True)
            except (OSError, ssl.SSLError):
                with self.state.lock:
                    self.state.tls_handshake_failures += 1
                    self.state.in_flight -= 1
                sock.close()
                return
            with self.state.lock:
                self.state.in_flight -= 1
        conn = Connection(self, sock, name, conn_id)
        try:
            while True:
                request = conn.read_request()
                if request is None:
                    break
                method, path, headers, body = request
                if path.startswith("/__fault/"):
                    if name != "main":
                        break
                    self._control(conn, method, path, body)
                    break
                if not self._service(conn, method, path, headers, body):
                    return
        finally:
            try:
                conn.sock.close()
            except OSError:
                pass

    def _control(self, conn, method, path, body):
        status, answer = 200, None
        if method == "GET" and path == "/__fault/ports":
            answer = self.ports()
        elif method == "GET" and path == "/__fault/state":
            answer = self.state.snapshot()
        elif method == "POST" and path == "/__fault/reset":
            self.state.reset()
            answer = {"ok": True}
        elif method == "POST" and path == "/__fault/default":
            try:
                script = json.loads(body.decode("utf-8"))
                if not isinstance(script, dict) or not isinstance(script.get("steps"), list):
                    raise ValueError("a script is {\"name\": ..., \"steps\": [...]}")
            except ValueError as exc:
                status, answer = 400, {"error": str(exc)}
            else:
                with self.state.lock:
                    self.state.default_script = script
                answer = {"ok": True}
        elif method == "POST" and path == "/__fault/script":
            try:
                scripts = json.loads(body.decode("utf-8"))
                if isinstance(scripts, dict):
                    scripts = [scripts]
                for s in scripts:
                    if not isinstance(s, dict) or not isinstance(s.get("steps"), list):
                        raise ValueError("a script is {\"name\": ..., \"steps\": [...]}")
            except ValueError as exc:
                status, answer = 400, {"error": str(exc)}
            else:
                with self.state.lock:
                    self.state.queue.extend(scripts)
                    answer = {"pending": len(self.state.queue)}
        else:
            status, answer = 404, {"error": "unknown control path"}
        try:
            conn.send(response_bytes(status, "OK" if status == 200 else "Error",
                                     {"Content-Type": "application/json", "Connection": "close"},
                                     text_bytes(answer), False))
        except PeerLeft:
            pass
        conn.close()

    def _service(self, conn, method, path, headers, body):
        """Runs the next script; False when it closed the connection."""
        with self.state.lock:
            script = self.state.take_script(path)
            self.state.seq += 1
            record = {
                "seq": self.state.seq,
                "listener": conn.listener,
                "connection": conn.id,
                "method": method,
                "path": path,
                "authorization": "authorization" in headers,
                "body_bytes": len(body),
                "script": script.get("name", ""),
                "bytes_sent": 0,
                "outcome": "running",
                "done": False,
            }
            self.state.requests.append(record)
            self.state.in_flight += 1
            self.state.running += 1
            self.state.max_running = max(self.state.max_running, self.state.running)
            key = recording_key(path)
            if key is not None:
                if self.state.holding.get(key, 0) > 0:
                    self.state.overlaps.append(path)
                self.state.holding[key] = self.state.holding.get(key, 0) + 1
        conn.sent = 0
        conn.holds = key
        keep = True
        outcome = "completed"
        try:
            for step in script["steps"]:
                keep = self._step(conn, step, path, body)
                if not keep:
                    break
        except PeerLeft as exc:
            outcome = f"client left ({exc})"
            keep = False
        except Exception as exc:  # a broken script: report it, do not hang
            outcome = f"script error: {exc!r}"
            keep = False
        if outcome == "completed" and not keep:
            outcome = "completed, connection closed"
        self._release(conn)
        with self.state.lock:
            self.state.running -= 1
            record["bytes_sent"] = conn.sent
            record["outcome"] = outcome
            record["done"] = True
        if not keep:
            try:
                conn.sock.close()
            except OSError:
                pass
        with self.state.lock:
            self.state.in_flight -= 1
        return keep

    def _release(self, conn):
        """Ends the request's hold on its recording (once)."""
        key, conn.holds = conn.holds, None
        if key is not None:
            with self.state.lock:
                self.state.holding[key] -= 1

    def _step(self, conn, step, path, body):
        if "respond" in step or "default" in step:
            self._release(conn)  # the answer starts: the client may send the next one
        if "send" in step:
            conn.send(text_bytes(step["send"]))
        elif "repeat" in step:
            unit = text_bytes(step["repeat"])
            count = int(step["count"])
            per_block = max(1, SEND_BLOCK // max(1, len(unit)))
            while count > 0:
                n = min(count, per_block)
                conn.send(unit * n)
                count -= n
        elif "respond" in step:
            r = step["respond"]
            conn.send(response_bytes(int(r.get("status", 200)), r.get("reason", "OK"),
                                     r.get("headers", {}), text_bytes(r.get("body", "")),
                                     bool(r.get("chunked", False))))
        elif "default" in step:
            conn.send(default_answer(path, body))
        elif "drip" in step:
            interval = int(step.get("interval_ms", 1000)) / 1000.0
            for i, byte in enumerate(text_bytes(step["drip"])):
                if i:
                    conn.wait(interval)
                conn.send(bytes([byte]))
        elif "forever" in step:
            unit = text_bytes(step["forever"])
            interval = int(step.get("interval_ms", 100)) / 1000.0
            end = time.monotonic() + PEER_WAIT_LIMIT_S
            while time.monotonic() < end:
                conn.send(unit)
                conn.wait(interval)
            raise PeerLeft("still there after 60 s")
        elif "wait_peer" in step:
            conn.wait(PEER_WAIT_LIMIT_S)
            raise PeerLeft("still there after 60 s")
        elif "reset" in step:
            conn.reset()
            return False
        elif "close" in step:
            conn.close()
            return False
        elif "delay_ms" in step:
            conn.wait(int(step["delay_ms"]) / 1000.0)
        elif "gather" in step:
            name, count = str(step["gather"]), int(step["count"])
            with self.state.gathering:
                self.state.gathered[name] = self.state.gathered.get(name, 0) + 1
                self.state.gathering.notify_all()
                if not self.state.gathering.wait_for(lambda: self.state.gathered.get(name, 0) >= count,
                                                     timeout=PEER_WAIT_LIMIT_S):
                    raise ValueError(f"gather {name!r}: {self.state.gathered.get(name, 0)} of {count} came")
        else:
            raise ValueError(f"unknown step {step!r}")
        return True

    def close(self):
        self.stopping.set()
        for sock in (self.main, self.tls, self.other):
            if sock is not None:
                try:
                    sock.close()
                except OSError:
                    pass


def write_atomically(path, text):
    directory = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=".port-")
    with os.fdopen(fd, "w") as f:
        f.write(text)
    os.replace(tmp, path)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--port-file")
    parser.add_argument("--tls-cert")
    parser.add_argument("--tls-key")
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)
    if not args.host.startswith("127.") and args.host not in ("localhost",):
        print("fault_server: --host must be a loopback address", file=sys.stderr)
        return 2
    if bool(args.tls_cert) != bool(args.tls_key):
        print("fault_server: --tls-cert and --tls-key go together", file=sys.stderr)
        return 2
    server = FaultServer(args.host, args.port, args.tls_cert, args.tls_key)
    server.start()

    def on_signal(signum, frame):
        raise SystemExit(0)

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    if args.port_file:
        write_atomically(args.port_file, f"{server.ports()['main']}\n")
    if not args.quiet:
        print(f"fault_server: {json.dumps(server.ports())}", file=sys.stderr)
    try:
        while True:
            time.sleep(3600)
    except SystemExit:
        pass
    finally:
        server.close()
        if args.port_file:
            try:
                os.unlink(args.port_file)
            except OSError:
                pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
