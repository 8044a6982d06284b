"""Tests of the loopback mock (mock/agora_mock.py). Standard library only.

Run: python3 -m unittest discover -s tests/mock -v
"""

import base64
import http.client
import json
import os
import pathlib
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import unittest
from urllib.parse import quote

# ACR_MOCK_DIR lets the tests run against another copy of the mock (mutation checks).
MOCK_DIR = pathlib.Path(os.environ.get("ACR_MOCK_DIR")
                        or pathlib.Path(__file__).resolve().parents[2] / "mock")
sys.path.insert(0, str(MOCK_DIR))

import agora_mock  # noqa: E402
from agora_mock import MockServer  # noqa: E402

CID, SECRET = "demo-customer", "demo-secret"
AUTH = "Basic " + base64.b64encode(f"{CID}:{SECRET}".encode()).decode()
APP = "app1"
CNAME, UID = "httpClient463224", "527841"
RECORDINGS = [
    f"individual,{APP},rid-ind,sid-ind,{CNAME},{UID}",
    f"mix,{APP},rid-mix,sid-mix,{CNAME},{UID}",
    f"mix,{APP},rid-mixs,sid-mixs,{CNAME},{UID},string",
    f"individual,{APP},rid-inds,sid-inds,{CNAME},{UID},string",
    f"web,{APP},rid-web,sid-web,{CNAME},{UID}",
]
REQUEST_ID = re.compile(r"^[0-9a-f]{32}$")


def rec_path(rid, sid, mode, action, appid=APP):
    parts = [quote(p, safe="") for p in (appid, rid, sid, mode)]
    return (f"/v1/apps/{parts[0]}/cloud_recording/resourceid/{parts[1]}/sid/{parts[2]}"
            f"/mode/{parts[3]}/{action}")


def body(cname=CNAME, uid=UID, client_request=None, **extra):
    out = {"cname": cname, "uid": uid, "clientRequest": client_request or {}}
    out.update(extra)
    return out


class Response:
    def __init__(self, resp, data):
        self.status = resp.status
        self.headers = resp.headers
        self.data = data

    def json(self):
        return json.loads(self.data)


class MockTestCase(unittest.TestCase):
    """One mock per class; every test starts from the initial recordings and no stats."""

    server_kwargs = {}

    @classmethod
    def setUpClass(cls):
        kwargs = {"recordings": RECORDINGS}
        kwargs.update(cls.server_kwargs)
        cls.mock = MockServer(**kwargs).start()

    @classmethod
    def tearDownClass(cls):
        cls.mock.stop()

    def setUp(self):
        self.mock.reset(recordings="initial")
        self.mock.update_delay_ms = self.server_kwargs.get("update_delay_ms", 0)

    def conn(self, timeout=5):
        c = http.client.HTTPConnection("127.0.0.1", self.mock.port, timeout=timeout)
        self.addCleanup(c.close)
        return c

    def request(self, method, path, payload=None, auth=AUTH, conn=None, headers=None,
                raw=None):
        c = conn or self.conn()
        hdrs = {"Content-Type": "application/json"}
        if auth is not None:
            hdrs["Authorization"] = auth
        hdrs.update(headers or {})
        data = raw if raw is not None else (None if payload is None else json.dumps(payload))
        c.request(method, path, body=data, headers=hdrs)
        resp = c.getresponse()
        return Response(resp, resp.read())

    def post(self, path, payload=None, **kw):
        return self.request("POST", path, payload, **kw)

    def update(self, rid, sid, mode, payload=None, **kw):
        return self.post(rec_path(rid, sid, mode, "update"), payload or body(), **kw)

    def stop(self, rid, sid, mode, payload=None, **kw):
        return self.post(rec_path(rid, sid, mode, "stop"), payload or body(), **kw)

    def faults(self, rules):
        r = self.post("/__mock/faults", rules, auth=None)
        self.assertEqual(r.status, 200, r.data)
        return r.json()

    def recording(self, rid):
        for rec in self.mock.state()["recordings"]:
            if rec["resourceId"] == rid:
                return rec
        self.fail(f"no recording {rid}")


class EndpointTests(MockTestCase):
    def test_update_each_mode(self):
        for rid, sid, mode in (("rid-ind", "sid-ind", "individual"),
                               ("rid-mix", "sid-mix", "mix"), ("rid-web", "sid-web", "web")):
            with self.subTest(mode=mode):
                r = self.update(rid, sid, mode)
                self.assertEqual(r.status, 200, r.data)
                self.assertEqual(r.headers["Content-Type"], "application/json")
                self.assertEqual(int(r.headers["Content-Length"]), len(r.data))
                self.assertEqual(r.json(), {"cname": CNAME, "uid": UID, "resourceId": rid,
                                            "sid": sid})
                self.assertEqual(self.recording(rid)["updates"], 1)

    def test_stop_web_shape(self):
        r = self.stop("rid-web", "sid-web", "web")
        self.assertEqual(r.status, 200, r.data)
        doc = r.json()
        self.assertEqual({k: doc[k] for k in ("cname", "uid", "resourceId", "sid")},
                         {"cname": CNAME, "uid": UID, "resourceId": "rid-web", "sid": "sid-web"})
        services = doc["serverResponse"]["extensionServiceState"]
        self.assertEqual([s["serviceName"] for s in services],
                         ["upload_service", "web_recorder_service"])
        self.assertEqual(services[0]["payload"], {"uploadingStatus": "uploaded"})
        payload = services[1]["payload"]
        self.assertEqual(set(payload), {"fileList", "onhold", "state"})
        self.assertIs(payload["onhold"], False)
        self.assertEqual(payload["state"], "exit")
        self.assertEqual(set(payload["fileList"][0]), {"filename", "sliceStartTime"})
        self.assertIsInstance(payload["fileList"][0]["sliceStartTime"], int)
        self.assertNotIn("fileListMode", doc["serverResponse"])
        self.assertEqual(self.recording("rid-web")["status"], "stopped")

    def test_stop_json_file_list(self):
        for rid, sid, mode, uid, mixed in (("rid-ind", "sid-ind", "individual", "123", False),
                                           ("rid-mix", "sid-mix", "mix", "0", True)):
            with self.subTest(mode=mode):
                r = self.stop(rid, sid, mode)
                self.assertEqual(r.status, 200, r.data)
                server = r.json()["serverResponse"]
                self.assertEqual(server["fileListMode"], "json")
                self.assertEqual(server["uploadingStatus"], "uploaded")
                self.assertEqual(len(server["fileList"]), 2)
                for entry in server["fileList"]:
                    self.assertEqual(set(entry), {"fileName", "trackType", "uid", "mixedAllUser",
                                                  "isPlayable", "sliceStartTime"})
                    self.assertEqual(entry["uid"], uid)
                    self.assertIs(entry["mixedAllUser"], mixed)
                    self.assertTrue(entry["fileName"].startswith(f"{sid}_{CNAME}"))

    def test_stop_string_file_list(self):
        for rid, sid, mode in (("rid-mixs", "sid-mixs", "mix"),
                               ("rid-inds", "sid-inds", "individual")):
            with self.subTest(mode=mode):
                r = self.stop(rid, sid, mode)
                self.assertEqual(r.status, 200, r.data)
                self.assertEqual(r.json()["serverResponse"],
                                 {"fileListMode": "string", "fileList": f"{sid}_{CNAME}.m3u8",
                                  "uploadingStatus": "uploaded"})

    def test_second_stop_is_400_49(self):
        self.assertEqual(self.stop("rid-mix", "sid-mix", "mix").status, 200)
        r = self.stop("rid-mix", "sid-mix", "mix")
        self.assertEqual(r.status, 400)
        self.assertEqual(r.json(), {"code": 49, "reason": "invalid operation",
                                    "resourceId": "rid-mix", "sid": "sid-mix"})

    def test_update_after_stop_is_404(self):
        self.assertEqual(self.stop("rid-ind", "sid-ind", "individual").status, 200)
        r = self.update("rid-ind", "sid-ind", "individual")
        self.assertEqual((r.status, r.json()), (404, {"code": 404, "reason": "failed to find worker"}))

    def test_unknown_recording_is_404(self):
        for action in ("update", "stop"):
            for rid, sid, mode in (("nope", "sid-ind", "individual"),
                                   ("rid-ind", "nope", "individual"),
                                   ("rid-ind", "sid-ind", "mix")):  # exists, other mode
                with self.subTest(action=action, rid=rid, sid=sid, mode=mode):
                    r = self.post(rec_path(rid, sid, mode, action), body())
                    self.assertEqual(r.status, 404)
                    self.assertEqual(r.json(), {"code": 404, "reason": "failed to find worker"})
        self.assertEqual(self.recording("rid-ind")["status"], "running")

    def test_auth_missing_or_wrong_is_401(self):
        bad = [None, "Basic " + base64.b64encode(b"demo-customer:wrong").decode(),
               "Basic " + base64.b64encode(b"other:demo-secret").decode(),
               "Basic not*base64", "Bearer " + AUTH.split()[1], "Basic"]
        paths = [rec_path("rid-ind", "sid-ind", "individual", "update"),
                 rec_path("rid-ind", "sid-ind", "individual", "stop"),
                 f"/v1/apps/{APP}/cloud_recording/acquire"]
        for auth in bad:
            for path in paths:
                with self.subTest(auth=auth, path=path):
                    r = self.post(path, body(), auth=auth)
                    self.assertEqual(r.status, 401)
                    # The gateway tells a missing header from wrong credentials.
                    message = "Unauthorized" if auth is None else "Invalid authentication credentials"
                    self.assertEqual(r.json(), {"message": message})
        rec = self.recording("rid-ind")
        self.assertEqual((rec["status"], rec["updates"]), ("running", 0))
        flags = [e["authorization_present"] for e in self.mock.state()["requests"]]
        self.assertEqual(flags.count(False), len(paths))
        self.assertEqual(flags.count(True), (len(bad) - 1) * len(paths))
        # scheme is case-insensitive
        r = self.update("rid-ind", "sid-ind", "individual", auth="basic " + AUTH.split()[1])
        self.assertEqual(r.status, 200)

    def test_invalid_mode_is_400(self):
        for mode in ("Individual", "composite", "mixx"):
            with self.subTest(mode=mode):
                r = self.update("rid-ind", "sid-ind", mode)
                self.assertEqual((r.status, r.json()), (400, {"code": 2, "reason": "invalid mode"}))

    def test_invalid_body_is_400_2(self):
        cases = {
            "not json": b"{not json",
            "array": b"[]",
            "missing uid": json.dumps({"cname": CNAME, "clientRequest": {}}).encode(),
            "missing cname": json.dumps({"uid": UID, "clientRequest": {}}).encode(),
            "uid number": json.dumps({"cname": CNAME, "uid": 527841, "clientRequest": {}}).encode(),
            "no clientRequest": json.dumps({"cname": CNAME, "uid": UID}).encode(),
            "wrong cname": json.dumps(body(cname="other")).encode(),
            "wrong uid": json.dumps(body(uid="1")).encode(),
            "NaN": b'{"cname":"a","uid":"1","clientRequest":{"x":NaN}}',
            "bad utf-8": b'{"cname":"\xff","uid":"1","clientRequest":{}}',
            "deep": b"[" * 100000,
            "empty": b"",
        }
        for action in ("update", "stop"):
            for name, raw in cases.items():
                with self.subTest(action=action, case=name):
                    r = self.post(rec_path("rid-ind", "sid-ind", "individual", action), raw=raw)
                    self.assertEqual((r.status, r.json()),
                                     (400, {"code": 2, "reason": "invalid parameters"}))
        self.assertEqual(self.recording("rid-ind")["status"], "running")

    def test_path_segments_are_percent_decoded(self):
        rid, sid, appid = "res/1 +%é", "s?d#1", "app id"
        self.mock.add_recording({"mode": "mix", "appid": appid, "resourceId": rid, "sid": sid,
                                 "cname": CNAME, "uid": UID})
        r = self.post(rec_path(rid, sid, "mix", "update", appid=appid), body())
        self.assertEqual(r.status, 200, r.data)
        self.assertEqual(r.json()["resourceId"], rid)
        entry = self.mock.state()["requests"][-1]
        self.assertEqual(entry["params"], {"appid": appid, "resourceId": rid, "sid": sid,
                                           "mode": "mix"})
        self.assertIn("%2F", entry["path"])

    def test_unknown_route_and_method(self):
        r = self.post("/v1/apps/app1/cloud_recording/resourceid/rid-ind/sid/sid-ind/mode/individual/query", body())
        self.assertEqual((r.status, r.json()), (404, {"message": "no Route matched with those values"}))
        # The gateway matches method and path together: a wrong method is no route.
        for method, path in (("GET", rec_path("rid-ind", "sid-ind", "individual", "update")),
                             ("PUT", rec_path("rid-ind", "sid-ind", "individual", "stop")),
                             ("GET", f"/v1/apps/{APP}/cloud_recording/acquire"),
                             ("POST", "/v1/ncs/ip")):
            with self.subTest(method=method, path=path):
                r = self.request(method, path, body())
                self.assertEqual((r.status, r.json()), (404, {"message": "no Route matched with those values"}))
        self.assertEqual(self.recording("rid-ind")["status"], "running")
        r = self.request("HEAD", "/")
        self.assertEqual(r.status, 501)

    def test_acquire_start_update_stop_each_mode(self):
        for mode, config, flm in (("individual", {}, "json"), ("mix", {}, "json"),
                                  ("mix", {"recordingFileConfig": {"avFileType": ["hls"]}}, "string"),
                                  ("web", {}, None)):
            with self.subTest(mode=mode, fileListMode=flm):
                r = self.post(f"/v1/apps/{APP}/cloud_recording/acquire",
                              {"cname": "chan", "uid": "42", "clientRequest": {}})
                self.assertEqual(r.status, 200, r.data)
                rid = r.json()["resourceId"]
                self.assertIsInstance(rid, str)
                self.assertEqual(r.json(), {"cname": "chan", "uid": "42", "resourceId": rid})
                start = f"/v1/apps/{APP}/cloud_recording/resourceid/{quote(rid, safe='')}/mode/{mode}/start"
                r = self.post(start, {"cname": "chan", "uid": "41", "clientRequest": config})
                self.assertEqual((r.status, r.json()["code"]), (400, 2))  # uid differs from acquire
                r = self.post(start, {"cname": "chan", "uid": "42", "clientRequest": config})
                self.assertEqual(r.status, 200, r.data)
                doc = r.json()
                self.assertEqual((doc["cname"], doc["uid"], doc["resourceId"]), ("chan", "42", rid))
                sid = doc["sid"]
                r = self.post(start, {"cname": "chan", "uid": "42", "clientRequest": config})
                self.assertEqual((r.status, r.json()["code"]), (201, 7))  # not success
                bodyx = body("chan", "42")
                self.assertEqual(self.update(rid, sid, mode, bodyx).status, 200)
                r = self.stop(rid, sid, mode, bodyx)
                self.assertEqual(r.status, 200)
                server = r.json()["serverResponse"]
                if flm is None:
                    self.assertIn("extensionServiceState", server)
                else:
                    self.assertEqual(server["fileListMode"], flm)
        r = self.post(f"/v1/apps/{APP}/cloud_recording/resourceid/unknown/mode/mix/start",
                      body())
        self.assertEqual(r.status, 400)

    def test_web_onhold_is_kept_for_stop(self):
        r = self.update("rid-web", "sid-web", "web",
                        body(client_request={"webRecordingConfig": {"onhold": True}}))
        self.assertEqual(r.status, 200)
        doc = self.stop("rid-web", "sid-web", "web").json()
        self.assertIs(doc["serverResponse"]["extensionServiceState"][1]["payload"]["onhold"], True)

    def test_every_response_has_unique_request_id(self):
        seen = []
        for r in (self.update("rid-ind", "sid-ind", "individual"),
                  self.update("rid-ind", "sid-ind", "individual", auth=None),
                  self.update("nope", "nope", "individual"),
                  self.post("/nowhere", body()),
                  self.request("GET", "/__mock/state", auth=None),
                  self.post("/__mock/faults", [{"bogus": 1}], auth=None)):
            rid = r.headers.get("X-Request-ID")
            self.assertIsNotNone(rid)
            self.assertRegex(rid, REQUEST_ID)
            seen.append(rid)
        self.assertEqual(len(set(seen)), len(seen))
        logged = [e["request_id"] for e in self.mock.state()["requests"]]
        self.assertEqual(logged, seen[:4])

    def test_chunked_request_body_is_accepted(self):
        c = self.conn()
        payload = json.dumps(body()).encode()
        c.request("POST", rec_path("rid-ind", "sid-ind", "individual", "update"),
                  body=iter([payload[:5], payload[5:]]), encode_chunked=True,
                  headers={"Authorization": AUTH, "Content-Type": "application/json"})
        resp = c.getresponse()
        self.assertEqual(resp.status, 200, resp.read())

    def test_oversized_body_is_413(self):
        raw = b'{"cname":"' + b"a" * agora_mock.MAX_BODY + b'"}'
        r = self.post(rec_path("rid-ind", "sid-ind", "individual", "update"), raw=raw)
        self.assertEqual(r.status, 413)
        self.assertEqual(r.headers["Connection"], "close")
        # exactly the limit is read and judged normally
        raw = b" " * (agora_mock.MAX_BODY - 2) + b"{}"
        r = self.post(rec_path("rid-ind", "sid-ind", "individual", "update"), raw=raw)
        self.assertEqual(r.status, 400)

    def test_bad_requests_do_not_kill_the_server(self):
        for raw in (b"GARBAGE\r\n\r\n", b"POST / HTTP/1.1\r\nContent-Length: x\r\n\r\n",
                    b"POST / HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n",
                    b"POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n",
                    b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
                    b"\xff\xfe\r\n\r\n", b"GET /" + b"a" * 70000 + b" HTTP/1.1\r\n\r\n"):
            with self.subTest(raw=raw[:40]):
                with socket.create_connection(("127.0.0.1", self.mock.port), timeout=5) as s:
                    s.sendall(raw)
                    data = b""
                    while True:
                        chunk = s.recv(65536)
                        if not chunk:
                            break
                        data += chunk
                self.assertRegex(data, rb"^HTTP/1\.[01] (400|414|501) ")
                self.assertIn(b"X-Request-ID: ", data)
        self.assertEqual(self.update("rid-ind", "sid-ind", "individual").status, 200)


class ConnectionTests(MockTestCase):
    def test_keep_alive_counts_one_connection(self):
        c = self.conn()
        for _ in range(2):
            self.assertEqual(self.update("rid-ind", "sid-ind", "individual", conn=c).status, 200)
        state = self.mock.state()
        self.assertEqual((state["connections"], state["api_connections"]), (1, 1))
        self.assertEqual(len({e["connection"] for e in state["requests"]}), 1)
        self.assertEqual(self.update("rid-ind", "sid-ind", "individual").status, 200)  # new conn
        state = self.mock.state()
        self.assertEqual((state["connections"], state["api_connections"]), (2, 2))
        self.assertEqual(state["requests_total"], 3)

    def test_overlapping_updates_are_counted(self):
        self.mock.update_delay_ms = 300
        barrier = threading.Barrier(2)
        statuses = []

        def one():
            c = http.client.HTTPConnection("127.0.0.1", self.mock.port, timeout=5)
            barrier.wait()
            c.request("POST", rec_path("rid-mix", "sid-mix", "mix", "update"),
                      body=json.dumps(body()), headers={"Authorization": AUTH})
            statuses.append(c.getresponse().status)
            c.close()

        threads = [threading.Thread(target=one) for _ in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(5)
        self.assertEqual(statuses, [200, 200])
        rec = self.recording("rid-mix")
        self.assertEqual(rec["max_concurrent_updates"], 2)
        self.assertEqual(len(rec["update_windows"]), 2)
        (s1, e1), (s2, e2) = sorted(rec["update_windows"])
        self.assertLess(s2, e1)

    def test_sequential_updates_do_not_overlap(self):
        self.mock.update_delay_ms = 50
        c = self.conn()
        for _ in range(3):
            self.assertEqual(self.update("rid-mix", "sid-mix", "mix", conn=c).status, 200)
        rec = self.recording("rid-mix")
        self.assertEqual((rec["max_concurrent_updates"], rec["updates"]), (1, 3))
        conc = self.mock.state()["update_concurrency"]
        self.assertEqual(conc, [{"appid": APP, "resourceId": "rid-mix", "sid": "sid-mix",
                                 "requests": 3, "in_flight": 0, "max_concurrent": 1}])


class FaultTests(MockTestCase):
    UPDATE = ("rid-ind", "sid-ind", "individual")
    STOP = ("rid-mix", "sid-mix", "mix")

    def test_fixed_presets(self):
        table = {
            "jitter": (206, {"code": 65, "reason": "request not completed"}),
            "no_data": (206, {"code": 435, "reason": "no recorded data",
                              "resourceId": "rid-mix", "sid": "sid-mix"}),
            "rate_limit": (429, {"message": "API rate limit exceeded"}),
            "timeout": (504, {"code": 62, "reason": "request timeout"}),
            "bad_params": (400, {"code": 2, "reason": "invalid parameters"}),
        }
        for preset, (status, doc) in table.items():
            with self.subTest(preset=preset):
                self.faults([{"match": "stop", "preset": preset}])
                r = self.stop(*self.STOP)
                self.assertEqual((r.status, r.json()), (status, doc))
                self.assertEqual(self.recording("rid-mix")["status"], "running")
        self.assertEqual(self.stop(*self.STOP).status, 200)  # rules were used up

    def test_html_500(self):
        self.faults([{"match": "update", "preset": "html_500"}])
        r = self.update(*self.UPDATE)
        self.assertEqual(r.status, 500)
        self.assertEqual(r.headers["Content-Type"], "text/html")
        self.assertTrue(r.data.startswith(b"<html>"))

    def test_not_json_and_empty_200(self):
        self.faults([{"match": "update", "preset": "not_json_200"},
                     {"match": "update", "preset": "empty_200"}])
        r = self.update(*self.UPDATE)
        self.assertEqual((r.status, r.data), (200, b"hello"))
        r = self.update(*self.UPDATE)
        self.assertEqual((r.status, r.data, r.headers["Content-Length"]), (200, b"", "0"))
        self.assertEqual(self.recording("rid-ind")["updates"], 0)

    def test_wrong_types_200(self):
        self.faults([{"match": "update", "preset": "wrong_types_200"},
                     {"match": "stop", "preset": "wrong_types_200"}])
        r = self.update(*self.UPDATE)
        self.assertEqual(r.status, 200)
        self.assertEqual(r.json()["uid"], int(UID))
        r = self.stop(*self.STOP)
        self.assertEqual(r.json()["uid"], int(UID))
        self.assertEqual(r.json()["serverResponse"]["fileListMode"], "json")
        self.assertEqual(self.recording("rid-mix")["status"], "running")

    def test_truncated_200(self):
        for extra in ({}, {"chunk_size": 7}):
            with self.subTest(**extra):
                self.faults([dict(match="stop", preset="truncated_200", **extra)])
                c = self.conn()
                c.request("POST", rec_path(*self.STOP, "stop"), body=json.dumps(body()),
                          headers={"Authorization": AUTH})
                resp = c.getresponse()
                self.assertEqual(resp.status, 200)
                with self.assertRaises(http.client.IncompleteRead):
                    resp.read()

    def test_redirect(self):
        self.faults([{"match": "update", "preset": "redirect"},
                     {"match": "update", "preset": "redirect", "location": "http://127.0.0.1:9/x"}])
        path = rec_path(*self.UPDATE, "update")
        r = self.update(*self.UPDATE)
        self.assertEqual(r.status, 302)
        m = re.fullmatch(r"http://127\.0\.0\.1:(\d+)(/.*)", r.headers["Location"])
        self.assertIsNotNone(m)
        self.assertNotEqual(int(m.group(1)), self.mock.port)
        self.assertEqual(m.group(2), path)
        self.assertEqual(self.update(*self.UPDATE).headers["Location"], "http://127.0.0.1:9/x")

    def test_custom_status_and_body(self):
        raw = '{"code":65,"reason":"request not completed"}'
        self.faults([{"match": "stop", "status": 206, "body": raw, "count": 2},
                     {"match": "stop", "status": 503, "body": {"message": "busy"},
                      "content_type": "text/plain"}])
        for _ in range(2):
            r = self.stop(*self.STOP)
            self.assertEqual((r.status, r.data), (206, raw.encode()))
        r = self.stop(*self.STOP)
        self.assertEqual((r.status, r.json(), r.headers["Content-Type"]),
                         (503, {"message": "busy"}, "text/plain"))
        self.assertEqual(self.stop(*self.STOP).status, 200)

    def test_rules_match_their_endpoint_in_order(self):
        self.faults([{"match": "stop", "preset": "jitter"},
                     {"match": "any", "preset": "rate_limit"}])
        self.assertEqual(self.update(*self.UPDATE).status, 429)  # stop rule skipped
        self.assertEqual(self.stop(*self.STOP).status, 206)
        self.assertEqual(self.mock.state()["faults_pending"], [])
        self.assertEqual(self.update(*self.UPDATE).status, 200)
        labels = [e["fault"] for e in self.mock.state()["requests"]]
        self.assertEqual(labels, ["rate_limit", "jitter", None])

    def test_faults_do_not_consume_on_auth_failure(self):
        self.faults([{"match": "update", "preset": "jitter"}])
        self.assertEqual(self.update(*self.UPDATE, auth=None).status, 401)
        self.assertEqual(self.update(*self.UPDATE).status, 206)

    def test_chunked_delivery(self):
        self.faults([{"match": "stop", "chunk_size": 5}])
        path = rec_path(*self.STOP, "stop")
        payload = json.dumps(body()).encode()
        with socket.create_connection(("127.0.0.1", self.mock.port), timeout=5) as s:
            s.sendall(b"POST " + path.encode() + b" HTTP/1.1\r\nHost: x\r\nAuthorization: "
                      + AUTH.encode() + b"\r\nContent-Length: " + str(len(payload)).encode()
                      + b"\r\nConnection: close\r\n\r\n" + payload)
            data = b""
            while True:
                chunk = s.recv(65536)
                if not chunk:
                    break
                data += chunk
        head, _, rest = data.partition(b"\r\n\r\n")
        self.assertIn(b"Transfer-Encoding: chunked", head)
        self.assertNotIn(b"Content-Length", head)
        sizes, pieces = [], []
        while True:
            line, _, rest = rest.partition(b"\r\n")
            size = int(line, 16)
            sizes.append(size)
            if size == 0:
                break
            pieces.append(rest[:size])
            self.assertEqual(rest[size:size + 2], b"\r\n")
            rest = rest[size + 2:]
        self.assertEqual(rest, b"\r\n")
        self.assertTrue(all(n == 5 for n in sizes[:-2]))
        self.assertTrue(0 < sizes[-2] <= 5)
        doc = json.loads(b"".join(pieces))
        self.assertEqual(doc["serverResponse"]["fileListMode"], "json")
        self.assertEqual(self.recording("rid-mix")["status"], "stopped")

    def test_chunked_preset_reads_with_http_client(self):
        self.faults([{"match": "stop", "preset": "jitter", "chunk_size": 1, "chunk_delay_ms": 1}])
        r = self.stop(*self.STOP)
        self.assertEqual(r.headers["Transfer-Encoding"], "chunked")
        self.assertEqual((r.status, r.json()["code"]), (206, 65))

    def test_delay_and_headers(self):
        self.faults([{"match": "update", "delay_ms": 150, "headers": {"X-Test": "yes"}}])
        r = self.update(*self.UPDATE)
        self.assertEqual((r.status, r.headers["X-Test"]), (200, "yes"))
        # The delay was served in full (the mock's own account, not a clock here).
        self.assertEqual(self.mock.state()["requests"][-1]["waited_ms"], 150)
        self.assertEqual(self.recording("rid-ind")["updates"], 1)

    def test_close_without_response(self):
        self.faults([{"match": "stop", "close": True}])
        with self.assertRaises(http.client.RemoteDisconnected):
            self.stop(*self.STOP)
        self.assertEqual(self.recording("rid-mix")["status"], "running")
        self.assertEqual(self.stop(*self.STOP).status, 200)

    def test_processed_then_closed_gives_49_on_retry(self):
        self.faults([{"match": "stop", "close": True, "process": True}])
        with self.assertRaises(http.client.RemoteDisconnected):
            self.stop(*self.STOP)
        r = self.stop(*self.STOP)
        self.assertEqual((r.status, r.json()["code"]), (400, 49))

    def test_stall_until_client_leaves(self):
        self.faults([{"match": "update", "stall": True}])
        c = self.conn(timeout=0.3)
        with self.assertRaises(socket.timeout):
            self.update(*self.UPDATE, conn=c)
        c.close()
        deadline = time.monotonic() + 3
        while time.monotonic() < deadline:
            entries = self.mock.state()["requests"]
            if entries:
                break
            time.sleep(0.02)
        self.assertEqual(len(entries), 1)
        self.assertEqual((entries[0]["fault"], entries[0]["status"]), ("stall", None))
        self.assertEqual(self.update(*self.UPDATE).status, 200)

    def test_stall_is_bounded(self):
        self.faults([{"match": "update", "stall": 200}])
        with self.assertRaises(http.client.RemoteDisconnected):
            self.update(*self.UPDATE)
        # The stall held the answer back until its limit, not until the client left.
        entry = self.mock.state()["requests"][-1]
        self.assertEqual((entry["fault"], entry["stall_ended"]), ("stall", "limit"))

    def test_extra_fields(self):
        self.faults([{"match": "update", "extra_fields": True},
                     {"match": "stop", "extra_fields": True, "count": 2}])
        doc = self.update(*self.UPDATE).json()
        self.assertEqual(doc["uid"], UID)
        self.assertIn("mockExtraTop", doc)
        server = self.stop(*self.STOP).json()["serverResponse"]
        self.assertIn("mockExtraServer", server)
        self.assertTrue(all("mockExtraEntry" in e for e in server["fileList"]))
        server = self.stop("rid-web", "sid-web", "web").json()["serverResponse"]
        services = server["extensionServiceState"]
        self.assertTrue(all("mockExtraService" in s and "mockExtraPayload" in s["payload"]
                            for s in services))
        self.assertIn("mockExtraFile", services[1]["payload"]["fileList"][0])

    def test_unknown_enums(self):
        self.faults([{"match": "stop", "unknown_enums": True}])
        services = self.stop("rid-web", "sid-web", "web").json()["serverResponse"][
            "extensionServiceState"]
        self.assertEqual(services[-1]["serviceName"], "future_service")
        self.assertEqual(services[1]["payload"]["state"], "paused")

    def test_invalid_rules_are_rejected(self):
        for rules in ({"bogus": 1}, [{"match": "upd"}], [{"preset": "nope"}],
                      [{"preset": "jitter", "close": True}], [{"count": 0}],
                      [{"status": 99}], [{"body": "x"}], [{"headers": {"Content-Length": "1"}}],
                      [{"headers": {"X": "a\r\nb"}}], [{"delay_ms": -1}], [{"stall": 60001}],
                      [{"location": "http://x/"}], "text", [{"chunk_size": True}]):
            with self.subTest(rules=rules):
                r = self.post("/__mock/faults", rules, auth=None)
                self.assertEqual(r.status, 400, r.data)
                self.assertIn("error", r.json())
        self.assertEqual(self.mock.state()["faults_pending"], [])
        self.assertEqual(self.post("/__mock/faults", raw=b"{", auth=None).status, 400)


class ControlTests(MockTestCase):
    def test_create_recording(self):
        r = self.post("/__mock/recordings", {"mode": "web", "appid": "a2", "resourceId": "r2",
                                             "sid": "s2", "cname": "c", "uid": "9"}, auth=None)
        self.assertEqual(r.status, 201, r.data)
        self.assertEqual(r.json()["status"], "running")
        self.assertEqual(self.post(rec_path("r2", "s2", "web", "update", appid="a2"),
                                   body("c", "9")).status, 200)
        r = self.post("/__mock/recordings", {"mode": "mix", "appid": "a2", "cname": "c",
                                             "uid": "9", "fileListMode": "string"}, auth=None)
        doc = r.json()
        self.assertEqual((r.status, doc["fileListMode"]), (201, "string"))
        r = self.post(rec_path(doc["resourceId"], doc["sid"], "mix", "stop", appid="a2"),
                      body("c", "9"))
        self.assertEqual(r.json()["serverResponse"]["fileList"], f"{doc['sid']}_c.m3u8")
        for bad in ({"mode": "x", "appid": "a", "cname": "c", "uid": "1"},
                    {"mode": "mix", "appid": "a", "cname": "c"},
                    {"mode": "mix", "appid": "a", "cname": "c", "uid": "1", "fileListMode": "x"},
                    {"mode": "mix", "appid": "a", "cname": "c", "uid": 1}, []):
            with self.subTest(bad=bad):
                self.assertEqual(self.post("/__mock/recordings", bad, auth=None).status, 400)

    def test_state_shape(self):
        self.faults([{"match": "stop", "preset": "jitter", "count": 3}])
        self.update("rid-ind", "sid-ind", "individual")
        r = self.request("GET", "/__mock/state", auth=None)
        self.assertEqual(r.status, 200)
        state = r.json()
        self.assertEqual(set(state), {"connections", "api_connections", "open_connections",
                                      "requests_total", "update_delay_ms", "recordings",
                                      "update_concurrency", "faults_pending", "requests",
                                      "resource_validity_s", "disabled_appids", "ncs_hosts",
                                      "resources"})
        self.assertEqual(state["faults_pending"],
                         [{"match": "stop", "count": 3, "preset": "jitter", "remaining": 3}])
        self.assertEqual(len(state["recordings"]), len(RECORDINGS))
        entry = state["requests"][0]
        self.assertEqual(set(entry), {"seq", "time", "request_id", "connection", "method", "path",
                                      "route", "params", "authorization_present", "status",
                                      "fault", "waited_ms", "stall_ended", "duration_ms", "body_bytes",
                                      "body_json", "body"})
        self.assertEqual((entry["method"], entry["route"], entry["status"]), ("POST", "update", 200))
        self.assertEqual(entry["body"], body())
        r = self.request("GET", "/__mock/faults", auth=None)
        self.assertEqual(r.json()["pending"][0]["remaining"], 3)
        self.assertEqual(self.request("GET", "/__mock/nope", auth=None).status, 404)

    def test_reset_and_config(self):
        c = self.conn()
        self.faults([{"preset": "jitter"}])
        self.stop("rid-ind", "sid-ind", "individual")  # consumes the fault
        self.faults([{"preset": "jitter"}])
        self.stop("rid-mix", "sid-mix", "mix")
        self.assertEqual(self.post("/__mock/reset", {}, auth=None, conn=c).status, 200)
        state = self.request("GET", "/__mock/state", auth=None, conn=c).json()
        self.assertEqual((state["connections"], state["requests_total"], state["requests"],
                          state["faults_pending"]), (0, 0, [], []))
        self.assertEqual(self.recording("rid-mix")["status"], "running")
        self.assertEqual(self.stop("rid-mix", "sid-mix", "mix").status, 200)
        self.post("/__mock/reset", {"recordings": "initial"}, auth=None)
        self.assertEqual(self.recording("rid-mix")["status"], "running")
        self.post("/__mock/reset", {"recordings": "clear"}, auth=None)
        self.assertEqual(self.mock.state()["recordings"], [])
        self.assertEqual(self.post("/__mock/reset", {"recordings": "x"}, auth=None).status, 400)
        r = self.post("/__mock/config", {"update_delay_ms": 25}, auth=None)
        self.assertEqual((r.status, r.json()["update_delay_ms"]), (200, 25))
        self.assertEqual(self.post("/__mock/config", {"update_delay_ms": -5}, auth=None).status, 400)


class SecretTests(unittest.TestCase):
    def test_log_and_state_never_hold_secrets(self):
        secret = "Cust0merS3cretValue"
        with tempfile.TemporaryDirectory() as tmp:
            log = os.path.join(tmp, "mock.log")
            mock = MockServer(customer_id="cid-1", customer_secret=secret, log_path=log,
                              recordings=[f"mix,{APP},rid,sid,{CNAME},{UID}"]).start()
            try:
                auth = "Basic " + base64.b64encode(f"cid-1:{secret}".encode()).decode()
                wrong = "Basic " + base64.b64encode(b"cid-1:WrongPassw0rdXYZ").decode()
                storage = {"vendor": 1, "region": 0, "bucket": "b", "accessKey": "AKIAACCESSKEY999",
                           "secretKey": "SECRETKEYVALUE777", "stsToken": "STSTOKENVALUE555",
                           "nested": {"SecretKey": "SECRETKEYVALUE777"}}
                payload = json.dumps(body(client_request={"storageConfig": storage}))
                c = http.client.HTTPConnection("127.0.0.1", mock.port, timeout=5)
                for a in (auth, wrong, auth):
                    c.request("POST", rec_path("rid", "sid", "mix", "update"), body=payload,
                              headers={"Authorization": a})
                    c.getresponse().read()
                c.request("POST", f"/v1/apps/{quote(secret)}/cloud_recording/acquire",
                          body=payload, headers={"Authorization": auth})
                c.getresponse().read()
                c.request("GET", "/__mock/state")
                state_text = c.getresponse().read().decode()
                c.close()
            finally:
                mock.stop()
            with open(log, encoding="utf-8") as handle:
                log_text = handle.read()
        lines = [json.loads(line) for line in log_text.splitlines()]
        self.assertEqual(len(lines), 5)
        for line in lines:
            self.assertTrue({"method", "path", "status", "duration_ms", "request_id"} <= set(line))
        self.assertEqual([l["status"] for l in lines], [200, 401, 200, 200, 200])
        for text in (log_text, state_text, json.dumps(mock.state())):
            for needle in (secret, auth, auth.split()[1], wrong.split()[1], "WrongPassw0rdXYZ",
                           "AKIAACCESSKEY999", "SECRETKEYVALUE777", "STSTOKENVALUE555",
                           "Authorization\": \"Basic"):
                self.assertNotIn(needle, text)
        state = json.loads(state_text)
        stored = state["requests"][0]["body"]["clientRequest"]["storageConfig"]
        self.assertEqual((stored["accessKey"], stored["secretKey"], stored["stsToken"],
                          stored["bucket"], stored["nested"]["SecretKey"]),
                         ("[REDACTED]",) * 3 + ("b", "[REDACTED]"))
        self.assertEqual([e["authorization_present"] for e in state["requests"]], [True] * 4)


class HostAndCliTests(unittest.TestCase):
    SCRIPT = str(MOCK_DIR / "agora_mock.py")

    def test_non_loopback_host_refused(self):
        for host in ("0.0.0.0", "::", "192.168.1.10", "10.0.0.1", "example.com", "", "127.1"):
            with self.subTest(host=host):
                with self.assertRaises(ValueError):
                    MockServer(host=host)
        for host in ("127.0.0.1", "127.0.0.2", "localhost", "::1", "[::1]"):
            MockServer(host=host)  # accepted (not started)

    def test_cli_refuses_non_loopback_host(self):
        proc = subprocess.run([sys.executable, self.SCRIPT, "--host", "0.0.0.0"],
                              capture_output=True, text=True, timeout=10)
        self.assertEqual(proc.returncode, 2)
        self.assertIn("loopback", proc.stderr)

    def test_cli_rejects_bad_recording(self):
        proc = subprocess.run([sys.executable, self.SCRIPT, "--recording", "tv,a,r,s,c,1"],
                              capture_output=True, text=True, timeout=10)
        self.assertEqual(proc.returncode, 2)

    def test_cli_serves_and_stops_on_signals(self):
        for sig in (signal.SIGTERM, signal.SIGINT):
            with self.subTest(signal=sig.name), tempfile.TemporaryDirectory() as tmp:
                port_file, log = os.path.join(tmp, "port"), os.path.join(tmp, "log")
                proc = subprocess.Popen(
                    [sys.executable, self.SCRIPT, "--port", "0", "--port-file", port_file,
                     "--log", log, "--update-delay-ms", "1", "--customer-secret", "cli-secret-1",
                     "--recording", f"web,{APP},r1,s1,{CNAME},{UID}",
                     "--recording", f"mix,{APP},r2,s2,{CNAME},{UID},string"],
                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                try:
                    deadline = time.monotonic() + 5
                    while not os.path.exists(port_file) and time.monotonic() < deadline:
                        time.sleep(0.02)
                    with open(port_file, encoding="utf-8") as handle:
                        port = int(handle.read())
                    c = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                    auth = "Basic " + base64.b64encode(b"demo-customer:cli-secret-1").decode()
                    c.request("POST", rec_path("r2", "s2", "mix", "stop"),
                              body=json.dumps(body()), headers={"Authorization": auth})
                    resp = c.getresponse()
                    doc = json.loads(resp.read())
                    self.assertEqual((resp.status, doc["serverResponse"]["fileListMode"]),
                                     (200, "string"))
                    c.close()
                    proc.send_signal(sig)
                    _, err = proc.communicate(timeout=5)
                finally:
                    if proc.poll() is None:
                        proc.kill()
                        proc.communicate()
                self.assertEqual(proc.returncode, 0, err)
                self.assertIn(f"listening on http://127.0.0.1:{port}", err)
                self.assertFalse(os.path.exists(port_file))
                with open(log, encoding="utf-8") as handle:
                    entries = [json.loads(line) for line in handle]
                self.assertEqual([(e["route"], e["status"]) for e in entries], [("stop", 200)])


# --------------------------------------------------------------------------- the lifecycle

ACQUIRE = f"/v1/apps/{APP}/cloud_recording/acquire"
CHAN, RUID = "lifeChan", "4242"  # no initial recording uses these
WEB_START = {"extensionServiceConfig": {"extensionServices": [
    {"serviceName": "web_recorder_service",
     "serviceParam": {"url": "https://example.com/page", "audioProfile": 0, "videoWidth": 1280,
                      "videoHeight": 720, "maxRecordingHour": 1, "onhold": True}},
    {"serviceName": "rtmp_publish_service",
     "serviceParam": {"outputs": [{"rtmpUrl": "rtmp://cdn.example.com/live/k"}]}}]}}


def start_path(rid, mode, appid=APP):
    return (f"/v1/apps/{quote(appid, safe='')}/cloud_recording/resourceid/{quote(rid, safe='')}"
            f"/mode/{mode}/start")


class LifecycleTestCase(MockTestCase):
    def setUp(self):
        super().setUp()
        self.mock.configure({"resource_validity_s": agora_mock.DEFAULT_RESOURCE_VALIDITY_S,
                             "disabled_appids": [], "ncs_hosts": list(agora_mock.DEFAULT_NCS_HOSTS)})

    def acquire(self, cname=CHAN, uid=RUID, appid=APP):
        r = self.post(f"/v1/apps/{appid}/cloud_recording/acquire",
                      {"cname": cname, "uid": uid, "clientRequest": {"resourceExpiredHour": 24}})
        self.assertEqual(r.status, 200, r.data)
        return r.json()["resourceId"]

    def start(self, rid, mode, client_request=None, cname=CHAN, uid=RUID, appid=APP):
        return self.post(start_path(rid, mode, appid),
                         {"cname": cname, "uid": uid, "clientRequest": client_request or {}})

    def started(self, mode, client_request=None):
        """A recording started through acquire + start: (rid, sid)."""
        rid = self.acquire()
        r = self.start(rid, mode, client_request)
        self.assertEqual(r.status, 200, r.data)
        return rid, r.json()["sid"]

    def query(self, rid, sid, mode, **kw):
        return self.request("GET", rec_path(rid, sid, mode, "query"), **kw)

    def layout(self, rid, sid, mode="mix", client_request=None, **kw):
        return self.post(rec_path(rid, sid, mode, "updateLayout"),
                         body(CHAN, RUID, client_request or {"mixedVideoLayout": 1}), **kw)

    def resource(self, rid):
        for res in self.mock.state()["resources"]:
            if res["resourceId"] == rid:
                return res
        self.fail(f"no resource {rid}")


class AcquireStartTests(LifecycleTestCase):
    def test_acquire_hands_out_a_resource_valid_five_minutes(self):
        r = self.post(ACQUIRE, {"cname": CHAN, "uid": RUID, "clientRequest": {}})
        self.assertEqual(r.status, 200, r.data)
        doc = r.json()
        self.assertEqual((doc["cname"], doc["uid"]), (CHAN, RUID))
        res = self.resource(doc["resourceId"])
        self.assertEqual((res["state"], res["sid"], res["cname"], res["uid"]),
                         ("acquired", None, CHAN, RUID))
        self.assertAlmostEqual(res["expiresAt"] - res["acquiredAt"], 300, delta=0.01)
        self.assertNotEqual(self.acquire(), doc["resourceId"])  # one ID per acquire

    def test_acquire_needs_cname_uid_and_client_request(self):
        for bad in ({"cname": CHAN, "uid": RUID}, {"cname": CHAN, "clientRequest": {}},
                    {"cname": CHAN, "uid": 4242, "clientRequest": {}},
                    {"cname": CHAN, "uid": RUID, "clientRequest": []}):
            with self.subTest(body=bad):
                r = self.post(ACQUIRE, bad)
                self.assertEqual((r.status, r.json()), (400, agora_mock.ERR_PARAMS))
        self.assertEqual(self.mock.state()["resources"], [])

    def test_acquire_checks_the_channel_name_unless_web(self):
        for cname, scene, status in (("a" * 63, 0, 200), ("a" * 64, 0, 400),
                                     ("x/y", 0, 400), ("caf\u00e9", 0, 400),
                                     ("ok !#$%&()+-:;<=.>?@[]^_{|}~,", 0, 200),
                                     ("x/y \u00e9" + "a" * 100, 1, 200)):
            with self.subTest(cname=cname, scene=scene):
                r = self.post(ACQUIRE, {"cname": cname, "uid": RUID,
                                        "clientRequest": {"scene": scene}})
                self.assertEqual(r.status, status, r.data)
                if status == 400:
                    self.assertEqual(r.json(), {"code": 401, "reason": "invalid_channel_name"})

    def test_start_turns_the_resource_into_a_sid(self):
        rid = self.acquire()
        r = self.start(rid, "individual")
        self.assertEqual(r.status, 200, r.data)
        doc = r.json()
        self.assertEqual(set(doc), {"cname", "uid", "resourceId", "sid"})
        self.assertEqual((doc["cname"], doc["uid"], doc["resourceId"]), (CHAN, RUID, rid))
        res = self.resource(rid)
        self.assertEqual((res["state"], res["sid"]), ("started", doc["sid"]))
        self.assertEqual(self.recording(rid)["status"], "running")

    def test_second_start_is_201_code_7_even_after_stop(self):
        rid, sid = self.started("mix")
        for _ in range(2):
            r = self.start(rid, "mix")
            self.assertEqual((r.status, r.json()), (201, {
                "code": 7, "reason": "recording is already running", "resourceId": rid,
                "sid": sid}))
        self.assertEqual(len([x for x in self.mock.state()["recordings"]
                              if x["resourceId"] == rid]), 1)
        self.assertEqual(self.stop(rid, sid, "mix", body(CHAN, RUID)).status, 200)
        self.assertEqual(self.start(rid, "mix").status, 201)  # a new recording needs acquire

    def test_start_with_an_expired_resource(self):
        rid = self.acquire()
        other = self.acquire(uid="4243")
        r = self.post("/__mock/expire", {"resourceId": rid}, auth=None)
        self.assertEqual((r.status, r.json()), (200, {"expired": 1}))
        self.assertEqual(self.resource(rid)["state"], "expired")
        self.assertEqual(self.resource(other)["state"], "acquired")
        r = self.start(rid, "individual")
        self.assertEqual((r.status, r.json()), (400, {"code": 433, "reason": "resource expired"}))
        self.assertEqual(self.start(other, "individual", uid="4243").status, 200)

    def test_zero_validity_expires_at_once_and_is_configurable(self):
        r = self.post("/__mock/config", {"resource_validity_s": 0}, auth=None)
        self.assertEqual((r.status, r.json()["resource_validity_s"]), (200, 0))
        rid = self.acquire()
        self.assertEqual(self.resource(rid)["state"], "expired")
        self.assertEqual(self.start(rid, "web").json()["code"], 433)
        self.post("/__mock/config", {"resource_validity_s": 600}, auth=None)
        res = self.resource(self.acquire())
        self.assertAlmostEqual(res["expiresAt"] - res["acquiredAt"], 600, delta=0.01)

    def test_expire_all_or_per_appid(self):
        rids = [self.acquire(uid=str(n)) for n in (1, 2)]
        self.acquire(appid="app2")
        self.assertEqual(self.post("/__mock/expire", {"appid": APP}, auth=None).json(),
                         {"expired": 2})
        self.assertEqual([self.resource(r)["state"] for r in rids], ["expired", "expired"])
        self.assertEqual(self.post("/__mock/expire", {}, auth=None).json(), {"expired": 1})
        self.assertEqual(self.post("/__mock/expire", {}, auth=None).json(), {"expired": 0})
        for bad in ([], {"sid": "x"}, {"appid": 1}):
            with self.subTest(bad=bad):
                self.assertEqual(self.post("/__mock/expire", bad, auth=None).status, 400)

    def test_start_with_an_unknown_or_foreign_resource_is_400_2(self):
        rid = self.acquire()
        for path, payload in (
                (start_path("unknown", "mix"), body(CHAN, RUID)),
                (start_path(rid, "mix", appid="app2"), body(CHAN, RUID)),  # another App ID
                (start_path(rid, "mix"), body("otherChan", RUID)),
                (start_path(rid, "mix"), body(CHAN, "1")),
                (start_path(rid, "mix"), {"cname": CHAN, "uid": RUID})):  # no clientRequest
            with self.subTest(path=path, payload=payload):
                r = self.post(path, payload)
                self.assertEqual((r.status, r.json()), (400, agora_mock.ERR_PARAMS))
        self.assertEqual(self.resource(rid)["state"], "acquired")
        r = self.start(rid, "mixx")
        self.assertEqual((r.status, r.json()), (400, agora_mock.ERR_MODE))

    def test_task_conflict_for_the_same_cname_and_uid(self):
        first, second = self.acquire(), self.acquire()
        self.assertEqual(self.start(first, "individual").status, 200)
        r = self.start(second, "web")  # any mode: appid + cname + uid is one recording
        self.assertEqual((r.status, r.json()), (400, {"code": 53, "reason": "task conflict"}))
        self.assertEqual(self.resource(second)["state"], "acquired")
        sid = self.resource(first)["sid"]
        self.assertEqual(self.stop(first, sid, "individual", body(CHAN, RUID)).status, 200)
        self.assertEqual(self.start(second, "web").status, 200)
        # another uid (or App ID) in the same channel is another recording
        self.assertEqual(self.start(self.acquire(uid="4243"), "web", uid="4243").status, 200)

    def test_start_in_mix_with_hls_only_lists_a_string(self):
        rid, sid = self.started("mix", {"recordingFileConfig": {"avFileType": ["hls"]}})
        self.assertEqual(self.recording(rid)["fileListMode"], "string")


class QueryTests(LifecycleTestCase):
    def test_query_individual_json_and_string(self):
        for rid, sid, flm in (("rid-ind", "sid-ind", "json"), ("rid-inds", "sid-inds", "string")):
            with self.subTest(fileListMode=flm):
                r = self.query(rid, sid, "individual")
                self.assertEqual(r.status, 200, r.data)
                doc = r.json()
                self.assertEqual({k: doc[k] for k in ("cname", "uid", "resourceId", "sid")},
                                 {"cname": CNAME, "uid": UID, "resourceId": rid, "sid": sid})
                server = doc["serverResponse"]
                self.assertEqual(set(server), {"status", "sliceStartTime", "fileListMode",
                                               "fileList"})
                self.assertEqual((server["status"], server["fileListMode"]), (5, flm))
                created = self.recording(rid)["createdAt"]
                self.assertEqual(server["sliceStartTime"], created * 1000)  # milliseconds
                if flm == "string":
                    self.assertEqual(server["fileList"], f"{sid}_{CNAME}.m3u8")
                else:
                    self.assertEqual([e["trackType"] for e in server["fileList"]],
                                     ["audio", "video"])
                    for entry in server["fileList"]:
                        self.assertEqual(entry["sliceStartTime"], created)  # seconds
                        self.assertEqual(set(entry), {"fileName", "trackType", "uid",
                                                      "mixedAllUser", "isPlayable",
                                                      "sliceStartTime"})
                self.assertEqual(self.recording(rid)["queries"], 1)

    def test_query_mix_json_and_string(self):
        for rid, sid, flm in (("rid-mix", "sid-mix", "json"), ("rid-mixs", "sid-mixs", "string")):
            with self.subTest(fileListMode=flm):
                server = self.query(rid, sid, "mix").json()["serverResponse"]
                self.assertEqual(set(server), {"status", "fileListMode", "fileList"})
                self.assertEqual(server["fileListMode"], flm)
                if flm == "json":
                    self.assertTrue(all(e["mixedAllUser"] for e in server["fileList"]))
                    self.assertEqual(len(server["fileList"]), 2)

    def test_query_web_reports_services_onhold_and_outputs(self):
        rid, sid = self.started("web", WEB_START)
        server = self.query(rid, sid, "web").json()["serverResponse"]
        self.assertEqual(set(server), {"status", "extensionServiceState"})
        services = server["extensionServiceState"]
        self.assertEqual([s["serviceName"] for s in services],
                         ["web_recorder_service", "rtmp_publish_service"])
        recorder = services[0]["payload"]
        self.assertEqual(set(recorder), {"fileList", "onhold", "state"})
        self.assertEqual((recorder["onhold"], recorder["state"]), (True, "inProgress"))
        self.assertEqual(set(recorder["fileList"][0]), {"filename", "sliceStartTime"})
        self.assertEqual(services[1]["payload"], {
            "outputs": [{"rtmpUrl": "rtmp://cdn.example.com/live/k", "status": "onhold"}],
            "state": "inProgress"})
        # an update resumes the page and moves the CDN push
        upd = body(CHAN, RUID, {"webRecordingConfig": {"onhold": False}, "rtmpPublishConfig": {
            "outputs": [{"rtmpUrl": "rtmps://cdn.example.com/live/k2"}]}})
        self.assertEqual(self.update(rid, sid, "web", upd).status, 200)
        services = self.query(rid, sid, "web").json()["serverResponse"]["extensionServiceState"]
        self.assertIs(services[0]["payload"]["onhold"], False)
        self.assertEqual(services[1]["payload"]["outputs"],
                         [{"rtmpUrl": "rtmps://cdn.example.com/live/k2", "status": "publishing"}])

    def test_query_web_default_service(self):
        server = self.query("rid-web", "sid-web", "web").json()["serverResponse"]
        self.assertEqual([s["serviceName"] for s in server["extensionServiceState"]],
                         ["web_recorder_service"])

    def test_query_errors(self):
        self.assertEqual(self.stop("rid-mix", "sid-mix", "mix").status, 200)
        for rid, sid, mode, status, doc in (
                ("rid-ind", "nope", "individual", 404, agora_mock.ERR_WORKER),
                ("nope", "sid-ind", "individual", 404, agora_mock.ERR_WORKER),
                ("rid-ind", "sid-ind", "web", 404, agora_mock.ERR_WORKER),  # other mode
                ("rid-mix", "sid-mix", "mix", 404, agora_mock.ERR_WORKER),  # stopped
                ("rid-ind", "sid-ind", "Individual", 400, agora_mock.ERR_MODE)):
            with self.subTest(rid=rid, sid=sid, mode=mode):
                r = self.query(rid, sid, mode)
                self.assertEqual((r.status, r.json()), (status, doc))
        r = self.post(rec_path("rid-ind", "sid-ind", "individual", "query"), body())
        self.assertEqual((r.status, r.json()), (404, agora_mock.MSG_NO_ROUTE))
        r = self.query("rid-ind", "sid-ind", "individual", auth=None)
        self.assertEqual((r.status, r.json()), (401, {"message": "Unauthorized"}))

    def test_query_sends_and_needs_no_body(self):
        c = self.conn()
        c.request("GET", rec_path("rid-ind", "sid-ind", "individual", "query"),
                  headers={"Authorization": AUTH})
        resp = c.getresponse()
        self.assertEqual(resp.status, 200)
        resp.read()
        entry = self.mock.state()["requests"][-1]
        self.assertEqual((entry["method"], entry["route"], entry["body_bytes"], entry["body"]),
                         ("GET", "query", 0, None))


class UpdateLayoutTests(LifecycleTestCase):
    def test_update_layout_in_mix(self):
        rid, sid = self.started("mix")
        client = {"mixedVideoLayout": 3, "backgroundColor": "#FF0000", "layoutConfig": [
            {"x_axis": 0.0, "y_axis": 0.0, "width": 0.5, "height": 0.5}]}
        r = self.layout(rid, sid, client_request=client)
        self.assertEqual((r.status, r.json()), (200, {"cname": CHAN, "uid": RUID,
                                                      "resourceId": rid, "sid": sid}))
        rec = self.recording(rid)
        self.assertEqual((rec["layout_updates"], rec["updates"], rec["layout"]), (1, 0, client))
        self.assertEqual(self.mock.state()["requests"][-1]["route"], "updateLayout")

    def test_update_layout_only_in_mix(self):
        for rid, sid, mode in (("rid-ind", "sid-ind", "individual"), ("rid-web", "sid-web", "web"),
                               ("rid-mix", "sid-mix", "composite")):
            with self.subTest(mode=mode):
                r = self.layout(rid, sid, mode)
                self.assertEqual((r.status, r.json()), (404, agora_mock.MSG_NO_ROUTE))
        r = self.request("GET", rec_path("rid-mix", "sid-mix", "mix", "updateLayout"))
        self.assertEqual(r.status, 404)
        self.assertEqual(self.recording("rid-mix")["layout_updates"], 0)

    def test_update_layout_errors(self):
        for rid, sid, payload, status, doc in (
                ("rid-mix", "nope", body(CNAME, UID, {}), 404, agora_mock.ERR_WORKER),
                ("rid-ind", "sid-ind", body(CNAME, UID, {}), 404, agora_mock.ERR_WORKER),
                ("rid-mix", "sid-mix", body("other", UID, {}), 400, agora_mock.ERR_PARAMS),
                ("rid-mix", "sid-mix", {"cname": CNAME, "uid": UID}, 400, agora_mock.ERR_PARAMS),
                ("rid-mix", "sid-mix", body(CNAME, UID, {"mixedVideoLayout": 4}), 400,
                 agora_mock.ERR_PARAMS),
                ("rid-mix", "sid-mix", body(CNAME, UID, {"mixedVideoLayout": "1"}), 400,
                 agora_mock.ERR_PARAMS)):
            with self.subTest(rid=rid, sid=sid, payload=payload):
                r = self.post(rec_path(rid, sid, "mix", "updateLayout"), payload)
                self.assertEqual((r.status, r.json()), (status, doc))
        self.assertEqual(self.stop("rid-mix", "sid-mix", "mix").status, 200)
        r = self.post(rec_path("rid-mix", "sid-mix", "mix", "updateLayout"), body())
        self.assertEqual((r.status, r.json()), (404, agora_mock.ERR_WORKER))

    def test_update_and_update_layout_share_the_one_at_a_time_statistics(self):
        self.mock.update_delay_ms = 300
        barrier = threading.Barrier(2)
        statuses = []

        def one(action):
            c = http.client.HTTPConnection("127.0.0.1", self.mock.port, timeout=5)
            barrier.wait()
            c.request("POST", rec_path("rid-mix", "sid-mix", "mix", action),
                      body=json.dumps(body()), headers={"Authorization": AUTH})
            statuses.append(c.getresponse().status)
            c.close()

        threads = [threading.Thread(target=one, args=(a,)) for a in ("update", "updateLayout")]
        for t in threads:
            t.start()
        for t in threads:
            t.join(5)
        self.assertEqual(statuses, [200, 200])
        rec = self.recording("rid-mix")
        self.assertEqual((rec["max_concurrent_updates"], rec["updates"], rec["layout_updates"]),
                         (2, 1, 1))


class NcsIpAndAppIdTests(LifecycleTestCase):
    def test_ncs_ip_lists_hosts(self):
        r = self.request("GET", "/v1/ncs/ip")
        self.assertEqual(r.status, 200, r.data)
        self.assertEqual(r.json(), {"data": {"service": {"hosts": [
            {"primaryIP": h} for h in agora_mock.DEFAULT_NCS_HOSTS]}}})
        r = self.post("/__mock/config", {"ncs_hosts": ["192.0.2.7"]}, auth=None)
        self.assertEqual(r.json()["ncs_hosts"], ["192.0.2.7"])
        self.assertEqual(self.request("GET", "/v1/ncs/ip").json(),
                         {"data": {"service": {"hosts": [{"primaryIP": "192.0.2.7"}]}}})
        self.assertEqual(self.request("GET", "/v1/ncs/ip", auth=None).status, 401)
        self.assertEqual(self.mock.state()["requests"][0]["route"], "ncsIp")

    def test_appid_without_recording_is_400_on_every_call(self):
        r = self.post("/__mock/config", {"disabled_appids": [APP]}, auth=None)
        self.assertEqual((r.status, r.json()["disabled_appids"]), (200, [APP]))
        calls = [("POST", ACQUIRE, body(CHAN, RUID)),
                 ("POST", start_path("rid-x", "mix"), body()),
                 ("GET", rec_path("rid-mix", "sid-mix", "mix", "query"), None),
                 ("POST", rec_path("rid-mix", "sid-mix", "mix", "update"), body()),
                 ("POST", rec_path("rid-mix", "sid-mix", "mix", "updateLayout"), body()),
                 ("POST", rec_path("rid-mix", "sid-mix", "mix", "stop"), body())]
        for method, path, payload in calls:
            with self.subTest(path=path):
                r = self.request(method, path, payload)
                self.assertEqual((r.status, r.json()), (400, {"message": "appid is invalid"}))
        self.assertEqual(self.recording("rid-mix")["status"], "running")
        self.assertEqual(self.request("GET", "/v1/ncs/ip").status, 200)  # no App ID there
        self.assertEqual(self.post(start_path("r", "mix", appid="app2"), body()).status, 400)
        self.post("/__mock/config", {"disabled_appids": []}, auth=None)
        self.assertEqual(self.update("rid-mix", "sid-mix", "mix").status, 200)

    def test_config_is_checked(self):
        for bad in ({"resource_validity_s": -1}, {"resource_validity_s": "5"},
                    {"resource_validity_s": True}, {"disabled_appids": "app1"},
                    {"disabled_appids": [""]}, {"ncs_hosts": [1]}, {"bogus": 1}, []):
            with self.subTest(bad=bad):
                self.assertEqual(self.post("/__mock/config", bad, auth=None).status, 400)
        state = self.mock.state()
        self.assertEqual((state["resource_validity_s"], state["disabled_appids"]), (300, []))


class LifecycleFaultTests(LifecycleTestCase):
    def test_faults_match_the_new_calls(self):
        rid, sid = self.started("web", WEB_START)
        mix_rid, mix_sid = "rid-mix", "sid-mix"
        self.faults([{"match": "query", "preset": "jitter"},
                     {"match": "updateLayout", "preset": "timeout"},
                     {"match": "ncsIp", "preset": "rate_limit"},
                     {"match": "start", "status": 500,
                      "body": {"code": 502, "reason": "Failed to allocate worker"}}])
        self.assertEqual(self.layout(mix_rid, mix_sid, client_request={}).status, 504)
        self.assertEqual(self.query(rid, sid, "web").status, 206)
        self.assertEqual(self.request("GET", "/v1/ncs/ip").status, 429)
        r = self.start(self.acquire(uid="7"), "mix", uid="7")
        self.assertEqual((r.status, r.json()["code"]), (500, 502))
        self.assertEqual(self.mock.state()["faults_pending"], [])
        labels = [(e["route"], e["fault"]) for e in self.mock.state()["requests"][-5:]]
        self.assertEqual(labels, [("updateLayout", "timeout"), ("query", "jitter"),
                                  ("ncsIp", "rate_limit"), ("acquire", None),
                                  ("start", "status:500")])

    def test_processed_start_then_lost_answer_gives_201_on_retry(self):
        rid = self.acquire()
        self.faults([{"match": "start", "preset": "timeout", "process": True}])
        self.assertEqual(self.start(rid, "mix").status, 504)
        r = self.start(rid, "mix")
        self.assertEqual((r.status, r.json()["code"]), (201, 7))

    def test_wrong_types_and_unknown_enums(self):
        rid, sid = self.started("web", WEB_START)
        self.faults([{"match": "acquire", "preset": "wrong_types_200"},
                     {"match": "ncsIp", "preset": "wrong_types_200"},
                     {"match": "query", "preset": "wrong_types_200"},
                     {"match": "query", "unknown_enums": True},
                     {"match": "query", "extra_fields": True}])
        self.assertEqual(self.post(ACQUIRE, body(CHAN, RUID)).json()["resourceId"], 12345)
        host = self.request("GET", "/v1/ncs/ip").json()["data"]["service"]["hosts"][0]
        self.assertIsInstance(host["primaryIP"], int)
        self.assertEqual(self.query(rid, sid, "web").json()["uid"], int(RUID))
        server = self.query(rid, sid, "web").json()["serverResponse"]
        self.assertEqual(server["status"], 42)
        self.assertEqual(server["extensionServiceState"][1]["payload"]["outputs"][0]["status"],
                         "buffering")
        self.assertEqual(server["extensionServiceState"][-1]["serviceName"], "future_service")
        self.assertIn("mockExtraServer", self.query(rid, sid, "web").json()["serverResponse"])

    def test_start_secrets_are_redacted(self):
        rid = self.acquire()
        client = {"token": "RTCTOKENVALUE123", "recordingConfig": {
            "channelType": 0, "decryptionMode": 1, "secret": "DECRYPTSECRET456"}}
        self.assertEqual(self.start(rid, "mix", client).status, 200)
        text = json.dumps(self.mock.state())
        self.assertNotIn("RTCTOKENVALUE123", text)
        self.assertNotIn("DECRYPTSECRET456", text)
        stored = self.mock.state()["requests"][-1]["body"]["clientRequest"]
        self.assertEqual((stored["token"], stored["recordingConfig"]["secret"]),
                         ("[REDACTED]", "[REDACTED]"))


class WholeLifeTests(LifecycleTestCase):
    def test_each_mode_from_acquire_to_stop(self):
        start_bodies = {"individual": {"recordingConfig": {"channelType": 0, "subscribeUidGroup": 0}},
                        "mix": {"recordingFileConfig": {"avFileType": ["hls", "mp4"]}},
                        "web": WEB_START}
        for mode in MODES_ALL:
            with self.subTest(mode=mode):
                rid, sid = self.started(mode, start_bodies[mode])
                self.assertEqual(self.query(rid, sid, mode).json()["serverResponse"]["status"], 5)
                self.assertEqual(self.update(rid, sid, mode, body(CHAN, RUID)).status, 200)
                if mode == "mix":
                    self.assertEqual(self.layout(rid, sid).status, 200)
                r = self.stop(rid, sid, mode, body(CHAN, RUID))
                self.assertEqual(r.status, 200, r.data)
                # stopped: nothing but a 49 for stop, 404 for the rest
                self.assertEqual(self.query(rid, sid, mode).status, 404)
                self.assertEqual(self.update(rid, sid, mode, body(CHAN, RUID)).status, 404)
                if mode == "mix":
                    self.assertEqual(self.layout(rid, sid).status, 404)
                self.assertEqual(self.stop(rid, sid, mode, body(CHAN, RUID)).json()["code"], 49)
                self.assertEqual(self.start(rid, mode).status, 201)
                rec = self.recording(rid)
                self.assertEqual((rec["status"], rec["queries"], rec["updates"], rec["stops"]),
                                 ("stopped", 1, 1, 1))


MODES_ALL = ("individual", "mix", "web")


class LifecycleCliTests(unittest.TestCase):
    SCRIPT = str(MOCK_DIR / "agora_mock.py")

    def test_cli_flags_for_the_lifecycle(self):
        with tempfile.TemporaryDirectory() as tmp:
            port_file = os.path.join(tmp, "port")
            proc = subprocess.Popen(
                [sys.executable, self.SCRIPT, "--port", "0", "--port-file", port_file, "--quiet",
                 "--resource-validity-s", "0.5", "--disabled-appid", "offApp",
                 "--ncs-host", "192.0.2.1", "--ncs-host", "192.0.2.2"],
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            try:
                deadline = time.monotonic() + 5
                while not os.path.exists(port_file) and time.monotonic() < deadline:
                    time.sleep(0.02)
                with open(port_file, encoding="utf-8") as handle:
                    port = int(handle.read())
                c = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                c.request("GET", "/__mock/state")
                state = json.loads(c.getresponse().read())
                self.assertEqual((state["resource_validity_s"], state["disabled_appids"],
                                  state["ncs_hosts"]), (0.5, ["offApp"], ["192.0.2.1", "192.0.2.2"]))
                c.request("POST", "/v1/apps/offApp/cloud_recording/acquire",
                          body=json.dumps(body()), headers={"Authorization": AUTH})
                resp = c.getresponse()
                self.assertEqual((resp.status, json.loads(resp.read())),
                                 (400, {"message": "appid is invalid"}))
                c.close()
            finally:
                proc.terminate()
                proc.communicate(timeout=5)
        for bad in (["--resource-validity-s", "-1"], ["--resource-validity-s", "x"],
                    ["--ncs-host", ""]):
            with self.subTest(args=bad):
                proc = subprocess.run([sys.executable, self.SCRIPT] + bad,
                                      capture_output=True, text=True, timeout=10)
                self.assertEqual(proc.returncode, 2)


if __name__ == "__main__":
    unittest.main()
