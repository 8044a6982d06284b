#!/usr/bin/env python3
"""A loopback mock of the Agora Cloud Recording REST API.

Python 3 standard library only. It keeps resource IDs and recordings through their
life (acquire, start, query, update, updateLayout, stop; and ncs/ip) like the service,
including its error answers, injects faults on request, and exposes a small control
API under /__mock/. See mock/README.md for the CLI, the state machine and the control
API.

Use it from the command line::

    python3 mock/agora_mock.py --port 0 --port-file /tmp/port \\
        --recording web,myapp,RID,SID,chan,527841

or from Python::

    with MockServer(recordings=["mix,app,rid,sid,chan,42"]) as mock:
        ... http://127.0.0.1:<mock.port>/ ...
        mock.state()
"""

from __future__ import annotations

import argparse
import base64
import binascii
import collections
import copy
import hmac
import ipaddress
import json
import os
import secrets
import select
import signal
import socket
import socketserver
import sys
import tempfile
import threading
import time
import traceback
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote, urlsplit

__all__ = [
    "MockServer",
    "FaultError",
    "MODES",
    "PRESETS",
    "parse_recording_spec",
    "loopback_host",
    "main",
]

MODES = ("individual", "mix", "web")
FILE_LIST_MODES = ("json", "string")
DEFAULT_CUSTOMER_ID = "demo-customer"
DEFAULT_CUSTOMER_SECRET = "demo-secret"

MAX_BODY = 1 << 20            # larger request bodies get 413
DRAIN_LIMIT = 4 << 20         # up to this, an oversized body is read and dropped first
STALL_LIMIT_MS = 60_000       # a stall never lasts longer than this
MAX_DELAY_MS = 120_000        # largest delay a fault or --update-delay-ms may ask for
IDLE_TIMEOUT_S = 60           # idle keep-alive connections are closed after this
MAX_REQUEST_HISTORY = 1000    # requests kept in /__mock/state
MAX_STORED_BODY = 64 * 1024   # larger bodies are not kept in the request history
MAX_WINDOWS = 200             # update windows kept per recording
REDACT_DEPTH = 64             # nesting kept in stored (redacted) bodies
SECRET_BODY_KEYS = frozenset(("accesskey", "secretkey", "ststoken", "secret", "token"))
REDACTED = "[REDACTED]"

DEFAULT_RESOURCE_VALIDITY_S = 300.0   # a resource ID must be started within 5 minutes
MAX_RESOURCE_VALIDITY_S = 86_400.0
DEFAULT_NCS_HOSTS = ("198.51.100.10", "198.51.100.11", "203.0.113.20")  # documentation nets

MSG_AUTH = {"message": "Invalid authentication credentials"}
MSG_NO_AUTH = {"message": "Unauthorized"}
MSG_NO_ROUTE = {"message": "no Route matched with those values"}
MSG_APPID = {"message": "appid is invalid"}
ERR_WORKER = {"code": 404, "reason": "failed to find worker"}
ERR_PARAMS = {"code": 2, "reason": "invalid parameters"}
ERR_MODE = {"code": 2, "reason": "invalid mode"}
ERR_RUNNING = {"code": 7, "reason": "recording is already running"}
ERR_CONFLICT = {"code": 53, "reason": "task conflict"}
ERR_CHANNEL = {"code": 401, "reason": "invalid_channel_name"}
# An RTC channel name: under 64 bytes of these characters (scene 0; web's is free text).
_CHANNEL_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
                           " !#$%&()+-:;<=.>?@[]^_{|}~,")
# Not in LIFECYCLE.md's table; the vendor's list of common codes has 433 for it.
ERR_EXPIRED = {"code": 433, "reason": "resource expired"}

# Each route's one method. Another method gets the gateway's "no Route matched" 404.
ROUTE_METHODS = {"acquire": "POST", "start": "POST", "query": "GET", "update": "POST",
                 "updateLayout": "POST", "stop": "POST", "ncsIp": "GET"}

HTML_500 = (
    b"<html>\r\n<head><title>500 Internal Server Error</title></head>\r\n<body>\r\n"
    b"<center><h1>500 Internal Server Error</h1></center>\r\n<hr><center>nginx</center>\r\n"
    b"</body>\r\n</html>\r\n"
)

# Presets whose answer is a fixed status and JSON body.
_FIXED_PRESETS = {
    "jitter": (206, {"code": 65, "reason": "request not completed"}),
    "no_data": (206, {"code": 435, "reason": "no recorded data"}),
    "rate_limit": (429, {"message": "API rate limit exceeded"}),
    "timeout": (504, {"code": 62, "reason": "request timeout"}),
    "bad_params": (400, {"code": 2, "reason": "invalid parameters"}),
}
PRESETS = tuple(_FIXED_PRESETS) + (
    "html_500", "not_json_200", "wrong_types_200", "empty_200", "truncated_200", "redirect",
)

_FAULT_MATCHES = ("update", "stop", "acquire", "start", "query", "updateLayout", "ncsIp",
                  "any")
_FAULT_KEYS = frozenset((
    "match", "count", "status", "body", "content_type", "preset", "delay_ms", "chunk_size",
    "chunk_delay_ms", "stall", "close", "extra_fields", "unknown_enums", "headers",
    "process", "location",
))
_FRAMING_HEADERS = frozenset(("content-length", "transfer-encoding", "connection"))
_TOKEN_CHARS = frozenset("!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyz"
                         "ABCDEFGHIJKLMNOPQRSTUVWXYZ")


class FaultError(ValueError):
    """A fault rule or a recording given to the control API is malformed."""


class _Invalid:
    """Marker: the request body is not JSON."""


INVALID = _Invalid()


# --------------------------------------------------------------------------- helpers

def loopback_host(host: str) -> str:
    """Return the address to bind for HOST, or raise ValueError if it is not loopback."""
    text = (host or "").strip()
    if text.lower() == "localhost":
        return "127.0.0.1"
    if text.startswith("[") and text.endswith("]"):
        text = text[1:-1]
    problem = f"host {host!r} is not a loopback address (use 127.0.0.1 or ::1)"
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        raise ValueError(problem) from None
    if not address.is_loopback:
        raise ValueError(problem)
    return str(address)


def parse_recording_spec(spec: str) -> dict:
    """Parse MODE,APPID,RESOURCE_ID,SID,CNAME,UID[,FILELISTMODE] into a recording dict."""
    parts = spec.split(",")
    if len(parts) not in (6, 7):
        raise FaultError("expected MODE,APPID,RESOURCE_ID,SID,CNAME,UID[,FILELISTMODE]")
    out = dict(zip(("mode", "appid", "resourceId", "sid", "cname", "uid"), parts[:6]))
    if len(parts) == 7:
        out["fileListMode"] = parts[6]
    return out


def _parse_json(raw: bytes):
    def reject_constant(name):
        raise ValueError(f"{name} is not JSON")
    try:
        return json.loads(raw.decode("utf-8"), parse_constant=reject_constant)
    except (UnicodeDecodeError, ValueError, RecursionError):
        return INVALID


def _dumps(obj) -> bytes:
    return json.dumps(obj, separators=(",", ":")).encode("utf-8")


def _now_iso() -> str:
    now = time.time()
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(now)) + ".%03dZ" % int((now % 1) * 1000)


def _new_resource_id() -> str:
    return secrets.token_urlsafe(96)


def _new_sid() -> str:
    return uuid.uuid4().hex


def _match_route(path: str):
    """Map a request path to (kind, params) or None. Segments are percent-decoded."""
    raw = path.split("/")
    if len(raw) < 2 or raw[0] != "":
        return None
    seg = [unquote(s) for s in raw[1:]]
    if seg == ["v1", "ncs", "ip"]:
        return "ncsIp", {}
    if len(seg) < 5 or seg[0] != "v1" or seg[1] != "apps" or seg[3] != "cloud_recording":
        return None
    appid, rest = seg[2], seg[4:]
    if not appid:
        return None
    if rest == ["acquire"]:
        return "acquire", {"appid": appid}
    if len(rest) == 5 and rest[0] == "resourceid" and rest[2] == "mode" and rest[4] == "start":
        if rest[1] and rest[3]:
            return "start", {"appid": appid, "resourceId": rest[1], "mode": rest[3]}
        return None
    if (len(rest) == 7 and rest[0] == "resourceid" and rest[2] == "sid" and rest[4] == "mode"
            and rest[6] in ("update", "stop", "query", "updateLayout")):
        # The service's updateLayout path has "mix" written in: another mode is no route.
        if rest[6] == "updateLayout" and rest[5] != "mix":
            return None
        if rest[1] and rest[3] and rest[5]:
            return rest[6], {"appid": appid, "resourceId": rest[1], "sid": rest[3], "mode": rest[5]}
    return None


def _valid_request(req, need_client_request: bool) -> bool:
    if not isinstance(req, dict):
        return False
    for key in ("cname", "uid"):
        if not isinstance(req.get(key), str) or not req[key]:
            return False
    if "clientRequest" in req or need_client_request:
        if not isinstance(req.get("clientRequest"), dict):
            return False
    return True


def _int_in(rule, key, low, high, index):
    value = rule[key]
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise FaultError(f"rule {index}: {key} must be an integer from {low} to {high}")
    return value


def _bool(rule, key, index):
    value = rule[key]
    if not isinstance(value, bool):
        raise FaultError(f"rule {index}: {key} must be true or false")
    return value


def _plain_header_text(text) -> bool:
    return isinstance(text, str) and not any(c in text for c in "\r\n\0")


def normalize_fault(rule, index: int = 0) -> dict:
    """Check one fault rule and return its normalized form (raises FaultError)."""
    if not isinstance(rule, dict):
        raise FaultError(f"rule {index}: expected an object")
    unknown = sorted(set(rule) - _FAULT_KEYS)
    if unknown:
        raise FaultError(f"rule {index}: unknown key(s): {', '.join(unknown)}")
    out = {"match": rule.get("match", "any"), "count": 1}
    if out["match"] not in _FAULT_MATCHES:
        raise FaultError(f"rule {index}: match must be one of {', '.join(_FAULT_MATCHES)}")
    if "count" in rule:
        out["count"] = _int_in(rule, "count", 1, 1_000_000, index)
    actions = []
    if "status" in rule:
        out["status"] = _int_in(rule, "status", 200, 599, index)
        body = rule.get("body", "")
        out["body"] = body if isinstance(body, str) else json.dumps(body)
        actions.append("status")
    elif "body" in rule:
        raise FaultError(f"rule {index}: body needs status")
    if "content_type" in rule:
        if "status" not in rule or not _plain_header_text(rule["content_type"]):
            raise FaultError(f"rule {index}: content_type must be a string and needs status")
        out["content_type"] = rule["content_type"]
    if "preset" in rule:
        if rule["preset"] not in PRESETS:
            raise FaultError(f"rule {index}: preset must be one of {', '.join(PRESETS)}")
        out["preset"] = rule["preset"]
        actions.append("preset")
    if "stall" in rule:
        stall = rule["stall"]
        if stall is True:
            out["stall"] = STALL_LIMIT_MS
        elif stall is False:
            pass
        else:
            out["stall"] = _int_in(rule, "stall", 1, STALL_LIMIT_MS, index)
        if "stall" in out:
            actions.append("stall")
    if "close" in rule and _bool(rule, "close", index):
        out["close"] = True
        actions.append("close")
    if len(actions) > 1:
        raise FaultError(f"rule {index}: only one of status, preset, stall, close")
    if "location" in rule:
        if out.get("preset") != "redirect" or not _plain_header_text(rule["location"]):
            raise FaultError(f"rule {index}: location must be a string and needs preset redirect")
        out["location"] = rule["location"]
    for key, high in (("delay_ms", MAX_DELAY_MS), ("chunk_delay_ms", 10_000)):
        if key in rule:
            out[key] = _int_in(rule, key, 0, high, index)
    if "chunk_size" in rule:
        out["chunk_size"] = _int_in(rule, "chunk_size", 1, MAX_BODY, index)
    for key in ("extra_fields", "unknown_enums", "process"):
        if key in rule:
            out[key] = _bool(rule, key, index)
    if "headers" in rule:
        headers = rule["headers"]
        if not isinstance(headers, dict):
            raise FaultError(f"rule {index}: headers must be an object of strings")
        for name, value in headers.items():
            if (not name or not set(name) <= _TOKEN_CHARS or name.lower() in _FRAMING_HEADERS
                    or not _plain_header_text(value)):
                raise FaultError(f"rule {index}: header {name!r} is not allowed")
        out["headers"] = dict(headers)
    out["remaining"] = out["count"]
    return out


def _fault_label(fault: dict) -> str:
    if "preset" in fault:
        return fault["preset"]
    if "status" in fault:
        return f"status:{fault['status']}"
    for key in ("stall", "close"):
        if key in fault:
            return key
    return "modifiers"


def _with_extra_fields(obj: dict) -> dict:
    """Add unknown fields of every JSON type at several depths of a 200 body."""
    obj = copy.deepcopy(obj)
    obj["mockExtraTop"] = {"nested": {"deeper": [1, 2.5, None, True, {"deepest": "x"}]},
                           "flag": False}
    obj["mockExtraNumbers"] = [12345678901234567890, -1.5e-7, 0, -0.0, 1e300]
    obj["mockExtraString"] = "caf\u00e9 \u4e2d \U0001F600 \"quoted\" \\ /"
    obj["mockExtraNull"] = None
    obj["mockExtraArray"] = [[], {}, [[["deep"]]], {"a": {"b": {"c": None}}}]
    server = obj.get("serverResponse")
    if isinstance(server, dict):
        server["mockExtraServer"] = {"k": [1, 2, 3], "o": {"p": "q"}}
        files = server.get("fileList")
        if isinstance(files, list):
            for entry in files:
                entry["mockExtraEntry"] = {"x": [True, None]}
        for service in server.get("extensionServiceState") or []:
            service["mockExtraService"] = 1
            payload = service.get("payload")
            if isinstance(payload, dict):
                payload["mockExtraPayload"] = {"y": None, "z": [{}]}
                for entry in payload.get("fileList") or []:
                    entry["mockExtraFile"] = "z"
    return obj


def _with_unknown_enums(obj: dict) -> dict:
    """Replace enum strings of a stop body with values the schema does not list."""
    obj = copy.deepcopy(obj)
    server = obj.get("serverResponse")
    if not isinstance(server, dict):
        return obj
    if "uploadingStatus" in server:
        server["uploadingStatus"] = "future_status"
    if isinstance(server.get("status"), int):
        server["status"] = 42  # query: a status code the schema does not list
    if isinstance(server.get("fileList"), list):
        for entry in server["fileList"]:
            entry["trackType"] = "subtitle"
    services = server.get("extensionServiceState")
    if isinstance(services, list):
        for service in services:
            payload = service.get("payload") or {}
            if "uploadingStatus" in payload:
                payload["uploadingStatus"] = "future_status"
            if "state" in payload:
                payload["state"] = "paused"
            for output in payload.get("outputs") or []:
                output["status"] = "buffering"
        services.append({"serviceName": "future_service", "payload": {}})
    return obj


def _with_wrong_types(kind: str, obj: dict) -> dict:
    obj = copy.deepcopy(obj)
    if kind == "acquire":
        obj["resourceId"] = 12345
    elif kind == "ncsIp":
        obj["data"]["service"]["hosts"][0]["primaryIP"] = 3325256714
    elif "uid" in obj:
        uid = obj["uid"]
        numeric = isinstance(uid, str) and uid.isascii() and uid.isdigit() and len(uid) < 20
        obj["uid"] = int(uid) if numeric else 527841
    return obj


def _ncs_body(hosts) -> dict:
    return {"data": {"service": {"hosts": [{"primaryIP": h} for h in hosts]}}}


class _Recording:
    __slots__ = ("mode", "appid", "resource_id", "sid", "cname", "uid", "file_list_mode",
                 "status", "onhold", "created", "updates", "stops", "queries",
                 "layout_updates", "layout", "services", "outputs")

    def __init__(self, mode, appid, resource_id, sid, cname, uid, file_list_mode="json",
                 status="running"):
        self.mode, self.appid, self.resource_id, self.sid = mode, appid, resource_id, sid
        self.cname, self.uid, self.file_list_mode = cname, uid, file_list_mode
        self.status = status
        self.onhold = False
        self.created = int(time.time())
        self.updates = 0
        self.stops = 0
        self.queries = 0
        self.layout_updates = 0
        self.layout = None          # the clientRequest of the last updateLayout
        self.services = ("web_recorder_service",)  # web mode: the extension services started
        self.outputs = []           # web mode: CDN push targets (rtmpUrl strings)

    @property
    def key(self):
        return (self.appid, self.resource_id, self.sid)

    def ids(self) -> dict:
        return {"cname": self.cname, "uid": self.uid, "resourceId": self.resource_id,
                "sid": self.sid}

    def _file_list(self) -> dict:
        """fileListMode and fileList of an individual or mix recording."""
        sid, cname, start = self.sid, self.cname, self.created
        if self.file_list_mode == "string":
            return {"fileListMode": "string", "fileList": f"{sid}_{cname}.m3u8"}
        if self.mode == "individual":
            files = [{"fileName": f"{sid}_{cname}__uid_s_123__uid_e_{track}.m3u8",
                      "trackType": track, "uid": "123", "mixedAllUser": False,
                      "isPlayable": True, "sliceStartTime": start}
                     for track in ("audio", "video")]
        else:
            files = [{"fileName": name, "trackType": "audio_and_video", "uid": "0",
                      "mixedAllUser": True, "isPlayable": True, "sliceStartTime": start}
                     for name in (f"{sid}_{cname}.m3u8", f"{sid}_{cname}_0.mp4")]
        return {"fileListMode": "json", "fileList": files}

    def query_body(self) -> dict:
        """The 200 body of query while the recording runs (status 5: recording)."""
        server = {"status": 5}
        if self.mode == "web":
            states = []
            for name in self.services:
                if name == "web_recorder_service":
                    payload = {"fileList": [{"filename": f"{self.sid}_{self.cname}_0.mp4",
                                             "sliceStartTime": self.created}],
                               "onhold": self.onhold, "state": "inProgress"}
                else:
                    payload = {"outputs": [{"rtmpUrl": url,
                                            "status": "onhold" if self.onhold else "publishing"}
                                           for url in self.outputs],
                               "state": "inProgress"}
                states.append({"serviceName": name, "payload": payload})
            server["extensionServiceState"] = states
        else:
            if self.mode == "individual":
                server["sliceStartTime"] = self.created * 1000  # milliseconds, unlike files
            server.update(self._file_list())
        body = self.ids()
        body["serverResponse"] = server
        return body

    def stop_body(self) -> dict:
        sid, cname, start = self.sid, self.cname, self.created
        if self.mode == "web":
            server = {"extensionServiceState": [
                {"serviceName": "upload_service", "payload": {"uploadingStatus": "uploaded"}},
                {"serviceName": "web_recorder_service", "payload": {
                    "fileList": [{"filename": f"{sid}_{cname}_0.mp4", "sliceStartTime": start}],
                    "onhold": self.onhold,
                    "state": "exit",
                }},
            ]}
        else:
            server = self._file_list()
            server["uploadingStatus"] = "uploaded"
        body = self.ids()
        body["serverResponse"] = server
        return body

    def to_json(self, stats) -> dict:
        return {
            "mode": self.mode, "appid": self.appid, "resourceId": self.resource_id,
            "sid": self.sid, "cname": self.cname, "uid": self.uid,
            "fileListMode": self.file_list_mode, "status": self.status, "onhold": self.onhold,
            "createdAt": self.created, "updates": self.updates, "stops": self.stops,
            "queries": self.queries, "layout_updates": self.layout_updates,
            "layout": self.layout, "outputs": list(self.outputs),
            "max_concurrent_updates": stats["max"] if stats else 0,
            "update_windows": [list(w) for w in stats["windows"]] if stats else [],
        }


def _recording_from_dict(spec) -> _Recording:
    if not isinstance(spec, dict):
        raise FaultError("a recording must be an object")
    unknown = sorted(set(spec) - {"mode", "appid", "resourceId", "sid", "cname", "uid",
                                  "fileListMode", "status"})
    if unknown:
        raise FaultError(f"unknown key(s): {', '.join(unknown)}")
    mode = spec.get("mode")
    if mode not in MODES:
        raise FaultError(f"mode must be one of {', '.join(MODES)}")
    values = {}
    for key in ("appid", "cname", "uid"):
        if not isinstance(spec.get(key), str) or not spec[key]:
            raise FaultError(f"{key} must be a non-empty string")
        values[key] = spec[key]
    for key, make in (("resourceId", _new_resource_id), ("sid", _new_sid)):
        value = spec.get(key)
        if value is None:
            value = make()
        if not isinstance(value, str) or not value:
            raise FaultError(f"{key} must be a non-empty string")
        values[key] = value
    flm = spec.get("fileListMode", "json")
    if flm not in FILE_LIST_MODES:
        raise FaultError("fileListMode must be json or string")
    status = spec.get("status", "running")
    if status not in ("running", "stopped"):
        raise FaultError("status must be running or stopped")
    return _Recording(mode, values["appid"], values["resourceId"], values["sid"],
                      values["cname"], values["uid"], flm, status)


# --------------------------------------------------------------------------- HTTP side

class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # stop() unblocks handlers itself; never wait on a slow client
    allow_reuse_address = True
    request_queue_size = 128

    def __init__(self, address, handler, mock, family):
        self.address_family = family
        self.mock = mock
        super().__init__(address, handler)

    def server_bind(self):
        # HTTPServer.server_bind does a reverse DNS lookup; not needed on loopback.
        socketserver.TCPServer.server_bind(self)
        host, port = self.server_address[:2]
        self.server_name, self.server_port = host, port

    def handle_error(self, request, client_address):
        if isinstance(sys.exc_info()[1], OSError):
            return
        super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "agora-mock/1.0"
    sys_version = ""
    default_request_version = "HTTP/1.0"  # never answer in HTTP/0.9 style (no status line)
    timeout = IDLE_TIMEOUT_S
    disable_nagle_algorithm = True

    # ---- connection and request bookkeeping

    def setup(self):
        super().setup()
        self.mock = self.server.mock
        self._reset_request_state()
        self.conn_id = self.mock._connection_opened(self)

    def finish(self):
        try:
            super().finish()
        finally:
            self.mock._connection_closed(self)

    def _reset_request_state(self):
        self.request_id = uuid.uuid4().hex
        self._t0 = time.monotonic()
        self._kind = "protocol"
        self._status = None
        self._route = None
        self._params = None
        self._fault = None
        self._waited_ms = 0          # delays served in full (update_delay_ms, delay_ms)
        self._stall_ended = None     # "limit", "client left" or "server stopping"
        self._stored_body = None
        self._body_json = None
        self._body_len = 0
        self._update_token = None
        self._recorded = False
        self._headers_sent = False

    def handle_one_request(self):
        self._reset_request_state()
        super().handle_one_request()

    def parse_request(self):
        self._t0 = time.monotonic()
        return super().parse_request()

    def version_string(self):
        return self.server_version

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass  # our own JSON log is written by MockServer._record_request

    def send_response(self, code, message=None):
        super().send_response(code, message)
        self.send_header("X-Request-ID", self.request_id)
        self._status = code

    def send_error(self, code, message=None, explain=None):
        """Protocol errors found by http.server (bad request line, 501, 431...)."""
        self.close_connection = True
        body = _dumps({"message": self.responses.get(code, ("Error",))[0]})
        try:
            self.send_response(code)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Connection", "close")
            self._record()
            self.end_headers()
            self._headers_sent = True
            if self.command != "HEAD" and code >= 200 and code not in (204, 304):
                self.wfile.write(body)
        except OSError:
            pass
        self._record()

    def handle_expect_100(self):
        length = self._declared_length()
        if isinstance(length, int) and length > MAX_BODY:
            try:
                self._respond_json(413, {"message": "Request body too large"}, close=True)
            except OSError:
                self.close_connection = True
            self._record()
            return False
        return super().handle_expect_100()

    def _record(self):
        if self._recorded:
            return
        self._recorded = True
        path = getattr(self, "path", "") or ""
        entry = {
            "seq": 0,
            "time": _now_iso(),
            "request_id": self.request_id,
            "connection": self.conn_id,
            "method": getattr(self, "command", None) or "",
            "path": path,
            "route": self._route,
            "params": self._params,
            "authorization_present": bool(getattr(self, "headers", None)
                                          and "Authorization" in self.headers),
            "status": self._status,
            "fault": _fault_label(self._fault) if self._fault else None,
            "waited_ms": self._waited_ms,
            "stall_ended": self._stall_ended,
            "duration_ms": round((time.monotonic() - self._t0) * 1000.0, 3),
            "body_bytes": self._body_len,
            "body_json": self._body_json,
            "body": self._stored_body,
        }
        self.mock._record_request(entry, self._kind)

    # ---- methods

    def do_GET(self):
        self._dispatch()

    do_POST = do_PUT = do_DELETE = do_PATCH = do_GET

    def _dispatch(self):
        try:
            path = self._target_path()
            if path == "/__mock" or path.startswith("/__mock/"):
                self._kind = "control"
                body = self._read_body()
                if body is not None:
                    self._control(path, body)
            else:
                self._kind = "api"
                self._api(path)
        except OSError:
            self.close_connection = True
        except Exception:  # never let a bug take the server down
            self.close_connection = True
            traceback.print_exc(file=sys.stderr)
            if not self._headers_sent:
                try:
                    self._respond_json(500, {"message": "mock internal error"}, close=True)
                except OSError:
                    pass
        finally:
            self._end_update()
            self._record()

    def _target_path(self) -> str:
        target = self.path
        if not target.startswith("/"):
            try:
                target = urlsplit(target).path or "/"
            except ValueError:
                target = "/"
        return target.split("?", 1)[0].split("#", 1)[0]

    # ---- request bodies

    def _declared_length(self):
        """Content-Length as an int, None when absent, or "bad"."""
        values = self.headers.get_all("Content-Length") or []
        if not values:
            return None
        try:
            lengths = {int(v.strip()) for v in values}
        except ValueError:
            return "bad"
        if len(lengths) != 1:
            return "bad"
        length = lengths.pop()
        return length if length >= 0 else "bad"

    def _read_body(self):
        """Read the whole body (bounded). None: an answer was already sent or the peer left."""
        encoding = self.headers.get("Transfer-Encoding")
        if encoding is not None:
            if encoding.strip().lower() != "chunked":
                self._respond_json(501, {"message": "unsupported transfer encoding"}, close=True)
                return None
            return self._read_chunked()
        length = self._declared_length()
        if length is None:
            return b""
        if length == "bad":
            self._respond_json(400, {"message": "invalid Content-Length"}, close=True)
            return None
        if length > MAX_BODY:
            if length <= DRAIN_LIMIT:
                remaining = length
                while remaining > 0:
                    chunk = self.rfile.read(min(remaining, 65536))
                    if not chunk:
                        break
                    remaining -= len(chunk)
            self._respond_json(413, {"message": "Request body too large"}, close=True)
            return None
        data = self.rfile.read(length)
        if len(data) < length:
            self.close_connection = True
            return None
        self._body_len = len(data)
        return data

    def _read_chunked(self):
        parts, total = [], 0
        while True:
            line = self.rfile.readline(1026)
            if not line:
                self.close_connection = True
                return None
            try:
                size = int(line.split(b";", 1)[0].strip(), 16)
                if size < 0:
                    raise ValueError
            except ValueError:
                self._respond_json(400, {"message": "invalid chunked body"}, close=True)
                return None
            if size == 0:
                for _ in range(100):  # trailers, then the empty line
                    trailer = self.rfile.readline(65537)
                    if trailer in (b"\r\n", b"\n", b""):
                        break
                break
            total += size
            if total > MAX_BODY:
                self._respond_json(413, {"message": "Request body too large"}, close=True)
                return None
            chunk = self.rfile.read(size)
            if len(chunk) < size:
                self.close_connection = True
                return None
            parts.append(chunk)
            self.rfile.readline(3)
        data = b"".join(parts)
        self._body_len = len(data)
        return data

    # ---- responses

    def _respond_json(self, status, obj, **kwargs):
        self._respond(status, _dumps(obj), "application/json", **kwargs)

    def _respond(self, status, body: bytes, content_type="application/json", headers=None,
                 close=False, fault=None, truncate=False):
        self._end_update()
        extra = {}
        if fault and fault.get("headers"):
            extra.update(fault["headers"])
        if headers:
            extra.update(headers)
        chunk_size = fault.get("chunk_size") if fault else None
        chunk_delay = fault.get("chunk_delay_ms", 0) if fault else 0
        if close or truncate:
            self.close_connection = True
        self.send_response(status)
        if content_type and not any(k.lower() == "content-type" for k in extra):
            self.send_header("Content-Type", content_type)
        for name, value in extra.items():
            self.send_header(name, value)
        if self.close_connection:
            self.send_header("Connection", "close")
        elif self.request_version == "HTTP/1.0":
            self.send_header("Connection", "keep-alive")
        data = body[: len(body) // 2] if truncate else body
        # Record the request before any byte of the answer leaves: a client that reads
        # /__mock/state right after its response must find the request there.
        if chunk_size:
            self.send_header("Transfer-Encoding", "chunked")
            self._record()
            self.end_headers()
            self._headers_sent = True
            for offset in range(0, len(data), chunk_size):
                piece = data[offset:offset + chunk_size]
                self.wfile.write(b"%X\r\n%s\r\n" % (len(piece), piece))
                self.wfile.flush()
                if chunk_delay and offset + chunk_size < len(data) and not self._wait(chunk_delay):
                    return
            if not truncate:
                self.wfile.write(b"0\r\n\r\n")
        else:
            self.send_header("Content-Length", str(len(body)))
            self._record()
            self.end_headers()
            self._headers_sent = True
            self.wfile.write(data)
        self.wfile.flush()

    def _wait(self, ms) -> bool:
        """Sleep MS milliseconds; False (and close) if the server is stopping."""
        if self.mock._stopping.wait(ms / 1000.0):
            self.close_connection = True
            return False
        self._waited_ms += ms
        return True

    def _stall(self, ms):
        """Answer nothing until the client disconnects, MS elapse or the server stops."""
        self._end_update()
        self.close_connection = True
        deadline = time.monotonic() + min(ms, STALL_LIMIT_MS) / 1000.0
        sock = self.connection
        self._stall_ended = "server stopping"
        while not self.mock._stopping.is_set():
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                self._stall_ended = "limit"
                break
            try:
                readable, _, _ = select.select([sock], [], [], min(0.05, remaining))
                if readable and not sock.recv(65536):
                    self._stall_ended = "client left"
                    break
            except (OSError, ValueError):
                self._stall_ended = "client left"
                break

    def _end_update(self):
        token, self._update_token = self._update_token, None
        if token is not None:
            self.mock._update_end(token)

    # ---- the service

    def _api(self, path):
        route = _match_route(path)
        body = self._read_body()
        if body is None:
            return
        if route is None:
            self._respond_json(404, MSG_NO_ROUTE)
            return
        kind, params = route
        req = _parse_json(body)
        self._body_json = req is not INVALID
        if len(body) <= MAX_STORED_BODY and req is not INVALID:
            self._stored_body = self.mock._redact(req)
        if self.command != ROUTE_METHODS[kind]:
            # The service's gateway matches method and path together.
            self._respond_json(404, MSG_NO_ROUTE)
            return
        self._route, self._params = kind, params
        if kind in ("update", "updateLayout"):
            self._update_token = self.mock._update_begin(params)
        authorization = self.headers.get("Authorization")
        if not self.mock._auth_ok(authorization):
            self._respond_json(401, MSG_AUTH if authorization else MSG_NO_AUTH,
                               headers={"WWW-Authenticate": 'Basic realm="agora-mock"'})
            return
        if kind in ("update", "updateLayout"):
            delay = self.mock.update_delay_ms
            if delay and not self._wait(delay):
                return
        fault = self.mock._take_fault(kind)
        if fault is None:
            status, obj = self.mock._handle_api(kind, params, req)
            self._respond_json(status, obj)
            return
        self._fault = fault
        if fault.get("delay_ms") and not self._wait(fault["delay_ms"]):
            return
        if not any(k in fault for k in ("status", "preset", "stall", "close")):
            status, obj = self.mock._handle_api(kind, params, req)
            if status == 200 and isinstance(obj, dict):
                if fault.get("extra_fields"):
                    obj = _with_extra_fields(obj)
                if fault.get("unknown_enums"):
                    obj = _with_unknown_enums(obj)
            self._respond_json(status, obj, fault=fault)
            return
        if fault.get("process"):
            self.mock._handle_api(kind, params, req)
        if "close" in fault:
            self._end_update()
            self.close_connection = True
        elif "stall" in fault:
            self._stall(fault["stall"])
        elif "status" in fault:
            self._respond(fault["status"], fault["body"].encode("utf-8"),
                          fault.get("content_type", "application/json"), fault=fault)
        else:
            self._preset(kind, params, req, fault)

    def _preset(self, kind, params, req, fault):
        name = fault["preset"]
        if name in _FIXED_PRESETS:
            status, obj = _FIXED_PRESETS[name]
            obj = dict(obj)
            if name == "no_data" and "sid" in params:
                obj.update(resourceId=params["resourceId"], sid=params["sid"])
            self._respond_json(status, obj, fault=fault)
        elif name == "html_500":
            self._respond(500, HTML_500, "text/html", fault=fault)
        elif name == "not_json_200":
            self._respond(200, b"hello", "application/json", fault=fault)
        elif name == "empty_200":
            self._respond(200, b"", "application/json", fault=fault)
        elif name == "wrong_types_200":
            obj = _with_wrong_types(kind, self.mock._synth_ok(kind, params, req))
            self._respond_json(200, obj, fault=fault)
        elif name == "truncated_200":
            self._respond_json(200, self.mock._synth_ok(kind, params, req), fault=fault,
                               truncate=True)
        elif name == "redirect":
            location = fault.get("location") or self.mock._redirect_location(self.path)
            self._respond_json(302, {"message": "Found"}, fault=fault,
                               headers={"Location": location})
        else:  # normalize_fault admits only known presets
            raise AssertionError(name)

    # ---- control API

    def _control(self, path, body):
        mock = self.mock
        method = self.command
        if path in ("/__mock/state", "/__mock/faults") and method == "GET":
            if path == "/__mock/state":
                self._respond_json(200, mock.state())
            else:
                self._respond_json(200, {"pending": mock.pending_faults()})
            return
        if path not in ("/__mock/faults", "/__mock/recordings", "/__mock/reset",
                        "/__mock/config", "/__mock/expire"):
            self._respond_json(404, {"error": "unknown control endpoint"})
            return
        if method != "POST":
            self._respond_json(405, {"error": "use POST"}, headers={"Allow": "POST"})
            return
        req = _parse_json(body) if body.strip() else {}
        if req is INVALID:
            self._respond_json(400, {"error": "body is not JSON"})
            return
        try:
            if path == "/__mock/faults":
                self._respond_json(200, {"pending": mock.add_faults(req)})
            elif path == "/__mock/recordings":
                self._respond_json(201, mock.add_recording(req))
            elif path == "/__mock/reset":
                if not isinstance(req, dict):
                    raise FaultError("expected an object")
                mock.reset(recordings=req.get("recordings", "keep"))
                self._respond_json(200, {"ok": True})
            elif path == "/__mock/expire":
                if (not isinstance(req, dict) or set(req) - {"appid", "resourceId"}
                        or not all(isinstance(v, str) for v in req.values())):
                    raise FaultError("expected {\"appid\"?: str, \"resourceId\"?: str}")
                count = mock.expire_resources(req.get("appid"), req.get("resourceId"))
                self._respond_json(200, {"expired": count})
            else:
                self._respond_json(200, mock.configure(req))
        except FaultError as exc:
            self._respond_json(400, {"error": str(exc)})


# --------------------------------------------------------------------------- the mock

class MockServer:
    """The mock service. start() serves from a daemon thread; stop() ends it.

    recordings: dicts {mode, appid, resourceId, sid, cname, uid, fileListMode?} or
    "MODE,APPID,RESOURCE_ID,SID,CNAME,UID[,FILELISTMODE]" strings.
    resource_validity_s: how long an acquired resource ID can be started (seconds).
    disabled_appids: App IDs without cloud recording (400 "appid is invalid").
    ncs_hosts: the addresses ncs/ip answers.
    """

    def __init__(self, host="127.0.0.1", port=0, customer_id=DEFAULT_CUSTOMER_ID,
                 customer_secret=DEFAULT_CUSTOMER_SECRET, recordings=(), update_delay_ms=0,
                 log_path=None, port_file=None, resource_validity_s=DEFAULT_RESOURCE_VALIDITY_S,
                 disabled_appids=(), ncs_hosts=DEFAULT_NCS_HOSTS):
        self.host = loopback_host(host)
        if isinstance(port, bool) or not isinstance(port, int) or not 0 <= port <= 65535:
            raise ValueError("port must be an integer from 0 to 65535")
        if (isinstance(update_delay_ms, bool) or not isinstance(update_delay_ms, int)
                or not 0 <= update_delay_ms <= MAX_DELAY_MS):
            raise ValueError(f"update_delay_ms must be an integer from 0 to {MAX_DELAY_MS}")
        self.resource_validity_s = _check_validity(resource_validity_s)
        self.disabled_appids = _check_strings(disabled_appids, "disabled_appids")
        self.ncs_hosts = _check_strings(ncs_hosts, "ncs_hosts")
        self._want_port = port
        self.port = None
        self.customer_id = customer_id
        self._expected_auth = f"{customer_id}:{customer_secret}".encode("utf-8")
        token = base64.b64encode(self._expected_auth).decode("ascii")
        self._scrub_values = [v for v in (customer_secret, token) if len(v) >= 4]
        self.update_delay_ms = update_delay_ms
        self.log_path = log_path
        self.port_file = port_file
        self._lock = threading.RLock()
        self._log_lock = threading.Lock()
        self._log_file = None
        self._stopping = threading.Event()
        self._httpd = None
        self._thread = None
        self._initial = [self._to_recording(r) for r in recordings]
        self._recordings = {}
        self._resources = {}
        self._faults = []
        self._active = set()
        self._conn_seq = 0
        self._generation = 0
        self._reset_stats_locked()
        self._restore_initial_locked()

    @staticmethod
    def _to_recording(spec) -> _Recording:
        if isinstance(spec, str):
            spec = parse_recording_spec(spec)
        return _recording_from_dict(spec)

    # ---- lifecycle

    def start(self) -> "MockServer":
        if self._httpd is not None:
            raise RuntimeError("already started")
        family = socket.AF_INET6 if ":" in self.host else socket.AF_INET
        if self.log_path:
            self._log_file = open(self.log_path, "a", encoding="utf-8")
        self._httpd = _HTTPServer((self.host, self._want_port), _Handler, self, family)
        self.port = self._httpd.server_address[1]
        self._thread = threading.Thread(target=self._httpd.serve_forever,
                                        kwargs={"poll_interval": 0.05},
                                        name=f"agora-mock-{self.port}", daemon=True)
        self._thread.start()
        if self.port_file:
            _write_atomically(self.port_file, f"{self.port}\n")
        return self

    def stop(self):
        if self._httpd is None or self._stopping.is_set():
            return
        self._stopping.set()
        self._httpd.shutdown()
        with self._lock:
            handlers = list(self._active)
        for handler in handlers:
            try:
                handler.connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        self._httpd.server_close()
        self._thread.join(5)
        with self._log_lock:
            if self._log_file is not None:
                self._log_file.close()
                self._log_file = None

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()

    @property
    def base_url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    # ---- public Python API (same data as the control API)

    def state(self) -> dict:
        with self._lock:
            stats = self._update_stats
            out = {
                "connections": self._connections,
                "api_connections": len(self._api_connections),
                "open_connections": len(self._active),
                "requests_total": self._requests_total,
                "update_delay_ms": self.update_delay_ms,
                "resource_validity_s": self.resource_validity_s,
                "disabled_appids": list(self.disabled_appids),
                "ncs_hosts": list(self.ncs_hosts),
                # Ids come from request paths: scrubbed like the request history.
                "resources": self._redact([self._resource_json(k, r)
                                           for k, r in self._resources.items()]),
                "recordings": self._redact([r.to_json(stats.get(r.key))
                                            for r in self._recordings.values()]),
                "update_concurrency": [
                    {"appid": k[0], "resourceId": k[1], "sid": k[2], "requests": s["count"],
                     "in_flight": s["current"], "max_concurrent": s["max"]}
                    for k, s in stats.items()],
                "faults_pending": self.pending_faults(),
                "requests": list(self._requests),
            }
            return json.loads(json.dumps(out))  # a deep copy

    def pending_faults(self) -> list:
        with self._lock:
            return copy.deepcopy(self._faults)

    def add_faults(self, rules) -> list:
        """Queue fault rules (a list or one object); returns the pending queue."""
        if isinstance(rules, dict):
            rules = [rules]
        if not isinstance(rules, list):
            raise FaultError("expected a list of fault rules")
        normalized = [normalize_fault(rule, i) for i, rule in enumerate(rules)]
        with self._lock:
            self._faults.extend(normalized)
            return copy.deepcopy(self._faults)

    def add_recording(self, spec) -> dict:
        """Create (or replace) a running recording; returns it as in state()."""
        recording = self._to_recording(spec)
        with self._lock:
            self._recordings[recording.key] = recording
            return recording.to_json(self._update_stats.get(recording.key))

    def reset(self, recordings="keep"):
        """Clear faults and statistics. recordings: keep | clear | initial."""
        if recordings not in ("keep", "clear", "initial"):
            raise FaultError("recordings must be keep, clear or initial")
        with self._lock:
            self._faults = []
            self._reset_stats_locked()
            if recordings != "keep":
                self._recordings = {}
                self._resources = {}
                if recordings == "initial":
                    self._restore_initial_locked()
            for recording in self._recordings.values():
                recording.updates = recording.stops = 0
                recording.queries = recording.layout_updates = 0

    def configure(self, changes) -> dict:
        """Change update_delay_ms, resource_validity_s, disabled_appids or ncs_hosts;
        returns the whole configuration."""
        if not isinstance(changes, dict) or set(changes) - set(_CONFIG_KEYS):
            raise FaultError("expected an object with some of: " + ", ".join(_CONFIG_KEYS))
        values = {}
        if "update_delay_ms" in changes:
            values["update_delay_ms"] = _int_in(changes, "update_delay_ms", 0, MAX_DELAY_MS, 0)
        if "resource_validity_s" in changes:
            values["resource_validity_s"] = _check_validity(changes["resource_validity_s"])
        for key in ("disabled_appids", "ncs_hosts"):
            if key in changes:
                values[key] = _check_strings(changes[key], key)
        with self._lock:
            for key, value in values.items():
                setattr(self, key, value)
            return {key: copy.copy(getattr(self, key)) for key in _CONFIG_KEYS}

    def expire_resources(self, appid=None, resource_id=None) -> int:
        """Make acquired, not yet started resource IDs expired now (all of them, or those
        of APPID and/or RESOURCE_ID). Returns how many changed."""
        now = time.time()
        count = 0
        with self._lock:
            for (app, rid), resource in self._resources.items():
                if (appid is not None and app != appid) or (
                        resource_id is not None and rid != resource_id):
                    continue
                if resource["sid"] is None and resource["expiresAt"] > now:
                    resource["expiresAt"] = now
                    count += 1
        return count

    # ---- internals

    @staticmethod
    def _resource_json(key, resource) -> dict:
        if resource["sid"] is not None:
            state = "started"
        elif time.time() >= resource["expiresAt"]:
            state = "expired"
        else:
            state = "acquired"
        return {"appid": key[0], "resourceId": key[1], "cname": resource["cname"],
                "uid": resource["uid"], "acquiredAt": round(resource["acquiredAt"], 3),
                "expiresAt": round(resource["expiresAt"], 3), "state": state,
                "sid": resource["sid"]}

    def _restore_initial_locked(self):
        for recording in self._initial:
            fresh = copy.copy(recording)
            fresh.created = int(time.time())
            self._recordings[fresh.key] = fresh

    def _reset_stats_locked(self):
        self._generation += 1
        self._connections = 0
        self._api_connections = set()
        self._requests_total = 0
        self._seq = 0
        self._requests = collections.deque(maxlen=MAX_REQUEST_HISTORY)
        self._update_stats = {}

    def _connection_opened(self, handler) -> int:
        with self._lock:
            self._conn_seq += 1
            self._connections += 1
            self._active.add(handler)
            return self._conn_seq

    def _connection_closed(self, handler):
        with self._lock:
            self._active.discard(handler)

    def _auth_ok(self, header) -> bool:
        if not header:
            return False
        parts = header.split(None, 1)
        if len(parts) != 2 or parts[0].lower() != "basic":
            return False
        try:
            decoded = base64.b64decode(parts[1].strip(), validate=True)
        except (binascii.Error, ValueError):
            return False
        return hmac.compare_digest(decoded, self._expected_auth)

    def _scrub(self, text: str) -> str:
        for value in self._scrub_values:
            if value in text:
                text = text.replace(value, REDACTED)
        return text

    def _redact(self, value, depth=0):
        if depth >= REDACT_DEPTH:
            return "[TRUNCATED]"
        if isinstance(value, dict):
            return {self._scrub(k): (REDACTED if k.lower() in SECRET_BODY_KEYS
                                     else self._redact(v, depth + 1))
                    for k, v in value.items()}
        if isinstance(value, list):
            return [self._redact(v, depth + 1) for v in value]
        if isinstance(value, str):
            return self._scrub(value)
        return value

    def _take_fault(self, kind):
        with self._lock:
            for index, rule in enumerate(self._faults):
                if rule["match"] in ("any", kind):
                    rule["remaining"] -= 1
                    if rule["remaining"] <= 0:
                        del self._faults[index]
                    return copy.deepcopy(rule)
        return None

    def _update_begin(self, params):
        key = (params["appid"], params["resourceId"], params["sid"])
        with self._lock:
            stats = self._update_stats.setdefault(
                key, {"count": 0, "current": 0, "max": 0,
                      "windows": collections.deque(maxlen=MAX_WINDOWS)})
            stats["count"] += 1
            stats["current"] += 1
            stats["max"] = max(stats["max"], stats["current"])
            return (self._generation, key, round(time.time(), 6))

    def _update_end(self, token):
        generation, key, started = token
        with self._lock:
            if generation != self._generation or key not in self._update_stats:
                return
            stats = self._update_stats[key]
            stats["current"] = max(0, stats["current"] - 1)
            stats["windows"].append((started, round(time.time(), 6)))

    def _record_request(self, entry, kind):
        entry["path"] = self._scrub(entry["path"])
        if entry["params"]:
            entry["params"] = self._redact(entry["params"])
        with self._lock:
            if kind == "api":
                self._seq += 1
                entry["seq"] = self._seq
                self._requests_total += 1
                self._api_connections.add(entry["connection"])
                self._requests.append(entry)
        line = {key: entry[key] for key in ("time", "request_id", "connection", "method",
                                            "path", "status", "duration_ms", "route", "fault")}
        line["kind"] = kind
        with self._log_lock:
            if self._log_file is not None:
                try:
                    self._log_file.write(json.dumps(line) + "\n")
                    self._log_file.flush()
                except (OSError, ValueError):
                    pass

    def _redirect_location(self, raw_path: str) -> str:
        other = self.port + 1 if self.port < 65535 else self.port - 1
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{other}{raw_path}"

    def _lookup(self, params):
        recording = self._recordings.get((params["appid"], params["resourceId"], params["sid"]))
        if recording is None or recording.mode != params["mode"]:
            return None
        return recording

    def _handle_api(self, kind, params, req):
        """The service's own answer: (status, JSON body). Changes state."""
        if kind == "ncsIp":
            with self._lock:
                return 200, _ncs_body(self.ncs_hosts)
        with self._lock:
            if params["appid"] in self.disabled_appids:
                return 400, MSG_APPID
        mode = params.get("mode")
        if kind != "acquire" and mode not in MODES:
            return 400, ERR_MODE
        if kind == "query":
            return self._query(params)
        if not _valid_request(req, need_client_request=True):
            return 400, ERR_PARAMS
        with self._lock:
            if kind == "acquire":
                return self._acquire(params, req)
            if kind == "start":
                return self._start(params, req)
            recording = self._lookup(params)
            if recording is None:
                return 404, ERR_WORKER
            if req["cname"] != recording.cname or req["uid"] != recording.uid:
                return 400, ERR_PARAMS
            if kind in ("update", "updateLayout"):
                if recording.status != "running":
                    return 404, ERR_WORKER
                client = req["clientRequest"]
                if kind == "updateLayout":
                    layout = client.get("mixedVideoLayout", 0)
                    if isinstance(layout, bool) or layout not in (0, 1, 2, 3):
                        return 400, ERR_PARAMS
                    recording.layout_updates += 1
                    recording.layout = copy.deepcopy(client)
                    return 200, recording.ids()
                recording.updates += 1
                web = client.get("webRecordingConfig")
                if mode == "web" and isinstance(web, dict) and isinstance(web.get("onhold"), bool):
                    recording.onhold = web["onhold"]
                rtmp = client.get("rtmpPublishConfig")
                if mode == "web" and isinstance(rtmp, dict) and isinstance(rtmp.get("outputs"), list):
                    recording.outputs = _rtmp_urls(rtmp["outputs"])
                return 200, recording.ids()
            if recording.status != "running":
                return 400, {"code": 49, "reason": "invalid operation",
                             "resourceId": recording.resource_id, "sid": recording.sid}
            recording.status = "stopped"
            recording.stops += 1
            return 200, recording.stop_body()

    def _query(self, params):
        with self._lock:
            recording = self._lookup(params)
            if recording is None or recording.status != "running":
                return 404, ERR_WORKER
            recording.queries += 1
            return 200, recording.query_body()

    def _acquire(self, params, req):
        """Hands out a resource ID that start must use within resource_validity_s."""
        cname = req["cname"]
        if req["clientRequest"].get("scene", 0) != 1 and (
                len(cname.encode("utf-8")) >= 64 or not set(cname) <= _CHANNEL_CHARS):
            return 400, ERR_CHANNEL
        resource_id = _new_resource_id()
        now = time.time()
        self._resources[(params["appid"], resource_id)] = {
            "cname": req["cname"], "uid": req["uid"], "acquiredAt": now,
            "expiresAt": now + self.resource_validity_s, "sid": None}
        return 200, {"cname": req["cname"], "uid": req["uid"], "resourceId": resource_id}

    def _start(self, params, req):
        """Turns a fresh resource ID into a running recording (a sid)."""
        mode = params["mode"]
        resource = self._resources.get((params["appid"], params["resourceId"]))
        if (resource is None or resource["cname"] != req["cname"]
                or resource["uid"] != req["uid"]):
            return 400, ERR_PARAMS
        if resource["sid"] is not None:
            # A resource ID serves one recording: a repeated start (a retry whose first
            # attempt worked, most likely) hears 201 "already started".
            body = dict(ERR_RUNNING)
            body.update(resourceId=params["resourceId"], sid=resource["sid"])
            return 201, body
        if time.time() >= resource["expiresAt"]:
            return 400, ERR_EXPIRED
        for other in self._recordings.values():
            if (other.status == "running" and other.appid == params["appid"]
                    and other.cname == req["cname"] and other.uid == req["uid"]):
                return 400, ERR_CONFLICT
        client = req.get("clientRequest") or {}
        file_list_mode = "json"
        config = client.get("recordingFileConfig")
        if mode == "mix" and isinstance(config, dict) and config.get("avFileType") == ["hls"]:
            file_list_mode = "string"
        recording = _Recording(mode, params["appid"], params["resourceId"], _new_sid(),
                               req["cname"], req["uid"], file_list_mode)
        if mode == "web":
            _apply_extension_services(recording, client.get("extensionServiceConfig"))
        resource["sid"] = recording.sid
        self._recordings[recording.key] = recording
        return 200, recording.ids()

    def _synth_ok(self, kind, params, req) -> dict:
        """A well-formed 200 body for KIND, without changing state (for faults)."""
        req = req if isinstance(req, dict) else {}
        cname = req.get("cname") if isinstance(req.get("cname"), str) else "channel"
        uid = req.get("uid") if isinstance(req.get("uid"), str) else "527841"
        if kind == "acquire":
            return {"cname": cname, "uid": uid, "resourceId": _new_resource_id()}
        if kind == "start":
            return {"cname": cname, "uid": uid, "resourceId": params["resourceId"],
                    "sid": _new_sid()}
        if kind == "ncsIp":
            with self._lock:
                return _ncs_body(self.ncs_hosts)
        with self._lock:
            recording = self._lookup(params)
            if recording is not None:
                recording = copy.copy(recording)
        if recording is None:
            mode = params["mode"] if params["mode"] in MODES else "individual"
            recording = _Recording(mode, params["appid"], params["resourceId"], params["sid"],
                                   cname, uid)
        if kind == "query":
            return recording.query_body()
        return recording.stop_body() if kind == "stop" else recording.ids()


def _rtmp_urls(outputs) -> list:
    return [o["rtmpUrl"] for o in outputs
            if isinstance(o, dict) and isinstance(o.get("rtmpUrl"), str)]


def _apply_extension_services(recording, config):
    """Web mode: which services run, the initial onhold and the CDN push targets."""
    if not isinstance(config, dict) or not isinstance(config.get("extensionServices"), list):
        return
    names = []
    for service in config["extensionServices"]:
        if not isinstance(service, dict):
            continue
        name = service.get("serviceName")
        param = service.get("serviceParam") if isinstance(service.get("serviceParam"), dict) else {}
        if name == "web_recorder_service":
            if isinstance(param.get("onhold"), bool):
                recording.onhold = param["onhold"]
        elif name == "rtmp_publish_service":
            if isinstance(param.get("outputs"), list):
                recording.outputs = _rtmp_urls(param["outputs"])
        else:
            continue
        if name not in names:
            names.append(name)
    if names:
        recording.services = tuple(names)


_CONFIG_KEYS = ("update_delay_ms", "resource_validity_s", "disabled_appids", "ncs_hosts")


def _check_validity(value) -> float:
    if (isinstance(value, bool) or not isinstance(value, (int, float))
            or not 0 <= value <= MAX_RESOURCE_VALIDITY_S):
        raise FaultError(f"resource_validity_s must be a number from 0 to {MAX_RESOURCE_VALIDITY_S:g}")
    return float(value)


def _check_strings(values, name) -> tuple:
    if not isinstance(values, (list, tuple)) or not all(isinstance(v, str) and v for v in values):
        raise FaultError(f"{name} must be a list of non-empty strings")
    return tuple(values)


def _write_atomically(path, text):
    directory = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".agora_mock.", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


# --------------------------------------------------------------------------- CLI

def _port_arg(text):
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError("not an integer") from None
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError("must be 0 to 65535")
    return value


def _delay_arg(text):
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError("not an integer") from None
    if not 0 <= value <= MAX_DELAY_MS:
        raise argparse.ArgumentTypeError(f"must be 0 to {MAX_DELAY_MS}")
    return value


def _validity_arg(text):
    try:
        return _check_validity(float(text))
    except (ValueError, FaultError):
        raise argparse.ArgumentTypeError(
            f"must be a number of seconds from 0 to {MAX_RESOURCE_VALIDITY_S:g}") from None


def _nonempty_arg(text):
    if not text:
        raise argparse.ArgumentTypeError("must not be empty")
    return text


def _recording_arg(text):
    try:
        spec = parse_recording_spec(text)
        _recording_from_dict(spec)
    except FaultError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return spec


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        prog="agora_mock.py",
        description="Loopback mock of the Agora Cloud Recording REST API (see mock/README.md).")
    parser.add_argument("--host", default="127.0.0.1",
                        help="loopback address to bind (127.0.0.1, ::1, localhost)")
    parser.add_argument("--port", type=_port_arg, default=0, help="port; 0 picks a free one")
    parser.add_argument("--port-file", help="write the chosen port here once listening")
    parser.add_argument("--customer-id", default=DEFAULT_CUSTOMER_ID)
    parser.add_argument("--customer-secret", default=DEFAULT_CUSTOMER_SECRET)
    parser.add_argument("--recording", action="append", default=[], type=_recording_arg,
                        metavar="MODE,APPID,RESOURCE_ID,SID,CNAME,UID[,FILELISTMODE]",
                        help="a recording that exists at start (repeatable)")
    parser.add_argument("--update-delay-ms", type=_delay_arg, default=0,
                        help="time each update and updateLayout takes to answer")
    parser.add_argument("--resource-validity-s", type=_validity_arg,
                        default=DEFAULT_RESOURCE_VALIDITY_S, metavar="SECONDS",
                        help="how long an acquired resource ID can be started (default 300)")
    parser.add_argument("--disabled-appid", action="append", default=[], metavar="APPID",
                        help="an App ID without cloud recording: 400 appid is invalid (repeatable)")
    parser.add_argument("--ncs-host", action="append", default=None, metavar="IP",
                        type=_nonempty_arg,
                        help="an address ncs/ip lists (repeatable; default: three examples)")
    parser.add_argument("--log", help="append one JSON line per request to this file")
    parser.add_argument("--quiet", action="store_true", help="no startup line on stderr")
    args = parser.parse_args(argv)
    try:
        loopback_host(args.host)
    except ValueError as exc:
        parser.error(f"--host: {exc}")

    stop = threading.Event()

    def on_signal(signum, frame):
        stop.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    server = MockServer(host=args.host, port=args.port, customer_id=args.customer_id,
                        customer_secret=args.customer_secret, recordings=args.recording,
                        update_delay_ms=args.update_delay_ms, log_path=args.log,
                        resource_validity_s=args.resource_validity_s,
                        disabled_appids=[a for a in args.disabled_appid if a],
                        ncs_hosts=args.ncs_host or DEFAULT_NCS_HOSTS,
                        port_file=args.port_file)
    try:
        server.start()
    except OSError as exc:
        print(f"agora_mock: cannot listen on {args.host}:{args.port}: {exc.strerror or exc}",
              file=sys.stderr)
        return 1
    if not args.quiet:
        print(f"agora_mock: listening on {server.base_url}", file=sys.stderr, flush=True)
    try:
        while not stop.wait(0.2):
            pass
    finally:
        server.stop()
        if args.port_file:
            try:
                os.unlink(args.port_file)
            except OSError:
                pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
