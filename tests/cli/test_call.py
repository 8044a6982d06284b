"""`acr update` and `acr stop`, end to end, against the loopback mock of the
service (mock/agora_mock.py, run in this process) and the tool's contract in
docs/DESIGN.md: exit codes, the one line of JSON on success, --base-url and
AGORA_BASE_URL, the loopback-only rule for http://, --verbose, --help, secrets.

Every test runs the real binary (ACR_BIN). Standard library only.
"""
import base64
import json
import os
import re
import resource
import socket
import subprocess
import sys
import time
import unittest

from support import (ACR_BIN, SOURCE_DIR, TIMEOUT, AcrTestCase, load_schema, record_call, run_acr,
                     schema_operations)

sys.path.insert(0, os.path.join(SOURCE_DIR, "mock"))
from agora_mock import MockServer  # noqa: E402

EXIT_OK, EXIT_INVALID, EXIT_USAGE, EXIT_HTTP, EXIT_TRANSPORT, EXIT_RESPONSE = range(6)
EXIT_MAY_HAVE_SUCCEEDED = 6

APP = "cli-test-app"
CNAME, UID = "httpClient463224", "527841"
CUSTOMER_ID, CUSTOMER_SECRET = "cli-customer-4Hq", "cli-secret-8Rw2"
ACCESS_KEY, SECRET_KEY, STS_TOKEN = "cliAccessKey7301", "cliSecretKey5520", "cliStsToken9914"
TOKEN = base64.b64encode("{}:{}".format(CUSTOMER_ID, CUSTOMER_SECRET).encode()).decode()
SECRETS = (CUSTOMER_ID, CUSTOMER_SECRET, TOKEN, ACCESS_KEY, SECRET_KEY, STS_TOKEN)

RECORDINGS = [
    "individual,{},rid-ind,sid-ind,{},{}".format(APP, CNAME, UID),
    "mix,{},rid-mix,sid-mix,{},{}".format(APP, CNAME, UID),
    "mix,{},rid-mixs,sid-mixs,{},{},string".format(APP, CNAME, UID),
    "web,{},rid-web,sid-web,{},{}".format(APP, CNAME, UID),
]
TARGETS = {  # mode -> (resource ID, sid) of a running recording
    "individual": ("rid-ind", "sid-ind"),
    "mix": ("rid-mix", "sid-mix"),
    "web": ("rid-web", "sid-web"),
}


def update_body(mode):
    if mode == "web":
        client_request = {"webRecordingConfig": {"onhold": True}}
    else:
        client_request = {"streamSubscribe": {"audioUidList": {"subscribeAudioUids": ["#allstream#"]}}}
    return {"cname": CNAME, "uid": UID, "clientRequest": client_request}


def storage_body():
    return {"cname": CNAME, "uid": UID, "clientRequest": {"storageConfig": {
        "vendor": 1, "region": 0, "bucket": "my-recordings", "accessKey": ACCESS_KEY,
        "secretKey": SECRET_KEY, "stsToken": STS_TOKEN, "stsExpiration": 1735689600}}}


STOP_BODY = {"cname": CNAME, "uid": UID, "clientRequest": {"async_stop": False}}


def expected_stop(mode, rid, sid, start, file_list_mode="json", onhold=False):
    """The mock's stop answer for a recording (its documented shapes)."""
    body = {"cname": CNAME, "uid": UID, "resourceId": rid, "sid": sid}
    if mode == "web":
        server = {"extensionServiceState": [
            {"serviceName": "upload_service", "payload": {"uploadingStatus": "uploaded"}},
            {"serviceName": "web_recorder_service", "payload": {
                "fileList": [{"filename": "{}_{}_0.mp4".format(sid, CNAME), "sliceStartTime": start}],
                "onhold": onhold, "state": "exit"}}]}
    elif file_list_mode == "string":
        server = {"fileListMode": "string", "fileList": "{}_{}.m3u8".format(sid, CNAME),
                  "uploadingStatus": "uploaded"}
    elif mode == "individual":
        server = {"fileListMode": "json", "uploadingStatus": "uploaded", "fileList": [
            {"fileName": "{}_{}__uid_s_123__uid_e_{}.m3u8".format(sid, CNAME, track),
             "trackType": track, "uid": "123", "mixedAllUser": False, "isPlayable": True,
             "sliceStartTime": start} for track in ("audio", "video")]}
    else:
        server = {"fileListMode": "json", "uploadingStatus": "uploaded", "fileList": [
            {"fileName": name, "trackType": "audio_and_video", "uid": "0", "mixedAllUser": True,
             "isPlayable": True, "sliceStartTime": start}
            for name in ("{}_{}.m3u8".format(sid, CNAME), "{}_{}_0.mp4".format(sid, CNAME))]}
    body["serverResponse"] = server
    return body


class Run(object):
    def __init__(self, argv, proc, elapsed):
        self.argv = argv
        self.code = proc.returncode
        self.out = proc.stdout.decode("utf-8", "replace")
        self.err = proc.stderr.decode("utf-8", "replace")
        self.elapsed = elapsed

    def describe(self):
        return "acr {} -> exit {} ({:.2f} s)\n--- stdout:\n{}\n--- stderr:\n{}".format(
            " ".join(self.argv), self.code, self.elapsed, self.out[:2000], self.err[:2000])


def refusing_socket():
    """A bound loopback socket that does not listen: its port refuses connections."""
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.bind(("127.0.0.1", 0))
    return s, "http://127.0.0.1:{}".format(s.getsockname()[1])


class CallTest(AcrTestCase):
    """acr update / acr stop against the mock."""

    @classmethod
    def setUpClass(cls):
        super(CallTest, cls).setUpClass()
        cls.mock = MockServer(customer_id=CUSTOMER_ID, customer_secret=CUSTOMER_SECRET,
                              recordings=RECORDINGS).start()

    @classmethod
    def tearDownClass(cls):
        cls.mock.stop()

    def setUp(self):
        self.mock.reset(recordings="initial")
        self.mock.update_delay_ms = 0

    # --- running acr

    def env(self, **changes):
        env = {k: v for k, v in os.environ.items() if not k.startswith("AGORA_")}
        env.update(AGORA_CUSTOMER_ID=CUSTOMER_ID, AGORA_CUSTOMER_SECRET=CUSTOMER_SECRET,
                   NO_PROXY="127.0.0.1,localhost", no_proxy="127.0.0.1,localhost")
        for key, value in changes.items():
            if value is None:
                env.pop(key, None)
            else:
                env[key] = value
        return env

    def acr(self, args, body=None, env=None):
        stdin = b"" if body is None else (body if isinstance(body, bytes) else
                                          json.dumps(body).encode("utf-8"))
        argv = [str(a) for a in args]
        record_call(argv, stdin)
        start = time.monotonic()
        proc = subprocess.run([ACR_BIN] + argv, input=stdin, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, env=env or self.env(), timeout=TIMEOUT)
        return Run(argv, proc, time.monotonic() - start)

    def call(self, command, mode, body, *options, rid=None, sid=None, base_url="mock", env=None):
        """acr COMMAND for the running recording of MODE (or rid/sid), at the mock."""
        target_rid, target_sid = TARGETS[mode]
        args = [command, "--appid", APP, "--resource-id", rid or target_rid,
                "--sid", sid or target_sid, "--mode", mode]
        if base_url:
            args += ["--base-url", self.mock.base_url if base_url == "mock" else base_url]
        return self.acr(args + list(options), body, env)

    # --- checks

    def assertExit(self, run, code):
        self.assertEqual(run.code, code, run.describe())

    def assertOneJsonLine(self, run):
        """Exit 0 and exactly one line of JSON on stdout; returns it decoded."""
        self.assertExit(run, EXIT_OK)
        self.assertTrue(run.out.endswith("\n"), run.describe())
        self.assertEqual(run.out.count("\n"), 1, run.describe())
        return json.loads(run.out)

    def assertFailure(self, run, code):
        """Exit `code`, nothing on stdout, one or more lines on stderr."""
        self.assertExit(run, code)
        self.assertEqual(run.out, "", run.describe())
        self.assertNotEqual(run.err.strip(), "", run.describe())

    def assertNoSecrets(self, run):
        for secret in SECRETS:
            self.assertNotIn(secret, run.out, run.describe())
            self.assertNotIn(secret, run.err, run.describe())

    def assertNothingSent(self):
        state = self.mock.state()
        self.assertEqual(state["connections"], 0)
        self.assertEqual(state["requests_total"], 0)

    def recording(self, rid, sid):
        for r in self.mock.state()["recordings"]:
            if r["resourceId"] == rid and r["sid"] == sid:
                return r
        self.fail("no recording {}/{}".format(rid, sid))

    def wait_for_requests(self, count, limit=30.0):
        """Polls (bounded) until the mock has recorded `count` requests."""
        deadline = time.monotonic() + limit
        while self.mock.state()["requests_total"] < count:
            self.assertLess(time.monotonic(), deadline, "the mock did not record the requests")
            time.sleep(0.01)

    def last_request(self):
        requests = self.mock.state()["requests"]
        self.assertTrue(requests, "the mock received nothing")
        return requests[-1]

    # --- exit 0: success, one line of JSON

    def test_update_in_each_mode(self):
        for mode, (rid, sid) in sorted(TARGETS.items()):
            with self.subTest(mode=mode):
                run = self.call("update", mode, update_body(mode))
                answer = self.assertOneJsonLine(run)
                self.assertEqual(answer, {"cname": CNAME, "uid": UID, "resourceId": rid, "sid": sid})
                self.assertEqual(run.err, "")
                request = self.last_request()
                self.assertEqual(request["path"], "/v1/apps/{}/cloud_recording/resourceid/{}/sid/{}"
                                 "/mode/{}/update".format(APP, rid, sid, mode))
                self.assertEqual(request["body"], update_body(mode))
                self.assertEqual(self.recording(rid, sid)["updates"], 1)
        self.assertTrue(self.recording("rid-web", "sid-web")["onhold"])

    def test_stop_each_answer_shape(self):
        cases = [("individual", "rid-ind", "sid-ind", "json"), ("mix", "rid-mix", "sid-mix", "json"),
                 ("mix", "rid-mixs", "sid-mixs", "string"), ("web", "rid-web", "sid-web", None)]
        for mode, rid, sid, file_list_mode in cases:
            with self.subTest(mode=mode, fileListMode=file_list_mode):
                start = self.recording(rid, sid)["createdAt"]
                run = self.call("stop", mode, STOP_BODY, rid=rid, sid=sid)
                answer = self.assertOneJsonLine(run)
                self.assertEqual(answer, expected_stop(mode, rid, sid, start, file_list_mode))
                self.assertEqual(self.recording(rid, sid)["status"], "stopped")

    def test_unknown_fields_are_not_printed(self):
        start = self.recording("rid-web", "sid-web")["createdAt"]
        self.mock.add_faults({"match": "stop", "extra_fields": True})
        answer = self.assertOneJsonLine(self.call("stop", "web", STOP_BODY))
        self.assertEqual(answer, expected_stop("web", "rid-web", "sid-web", start))
        self.mock.add_faults({"match": "update", "extra_fields": True, "chunk_size": 1})
        run = self.call("update", "individual", update_body("individual"))
        self.assertEqual(self.assertOneJsonLine(run),
                         {"cname": CNAME, "uid": UID, "resourceId": "rid-ind", "sid": "sid-ind"})
        self.assertNotIn("mockExtra", run.out)

    # --- exit 1: invalid body, nothing sent

    def test_invalid_body_is_not_sent(self):
        body = update_body("individual")
        body["clientRequest"]["streamSubscribe"]["audioUidList"]["unsubscribeAudioUids"] = ["1"]
        run = self.call("update", "individual", body)
        self.assertFailure(run, EXIT_INVALID)
        self.assertIn("/clientRequest/streamSubscribe/audioUidList", run.err)
        # A rule of the mode: streamSubscribe is not for web.
        run = self.call("update", "web", update_body("individual"))
        self.assertFailure(run, EXIT_INVALID)
        self.assertIn("/clientRequest/streamSubscribe", run.err)
        run = self.call("stop", "mix", {"cname": CNAME, "uid": 42, "clientRequest": {}})
        self.assertFailure(run, EXIT_INVALID)
        self.assertIn("/uid", run.err)
        self.assertNothingSent()

    # --- exit 2: usage

    def test_usage_errors(self):
        body = update_body("individual")
        base = ["--appid", APP, "--resource-id", "rid-ind", "--base-url", self.mock.base_url]
        cases = {
            "missing --sid": (["update"] + base + ["--mode", "individual"], None),
            "missing --mode": (["stop"] + base + ["--sid", "sid-ind"], None),
            "unknown mode": (["update"] + base + ["--sid", "sid-ind", "--mode", "Individual"], None),
            "bad timeout": (["update"] + base + ["--sid", "sid-ind", "--mode", "individual",
                                                  "--timeout", "soon"], None),
            "unknown option": (["update"] + base + ["--sid", "sid-ind", "--mode", "individual",
                                                     "--colour"], None),
            "no customer ID": (["update"] + base + ["--sid", "sid-ind", "--mode", "individual"],
                               self.env(AGORA_CUSTOMER_ID=None)),
            "no customer secret": (["update"] + base + ["--sid", "sid-ind", "--mode", "individual"],
                                   self.env(AGORA_CUSTOMER_SECRET="")),
            "unreadable file": (["update"] + base + ["--sid", "sid-ind", "--mode", "individual",
                                                     "/nonexistent/body.json"], None),
        }
        for name, (args, env) in sorted(cases.items()):
            with self.subTest(name):
                run = self.acr(args, body, env)
                self.assertFailure(run, EXIT_USAGE)
                self.assertNoSecrets(run)
        # Malformed JSON: line and column.
        run = self.call("update", "individual", b'{"cname": "x",\n  "uid": }')
        self.assertFailure(run, EXIT_USAGE)
        self.assertIn("line 2, column 10", run.err)
        self.assertNothingSent()

    def test_help(self):
        for command in ("update", "stop"):
            with self.subTest(command):
                run = self.acr([command, "--help"], env=self.env(AGORA_CUSTOMER_ID=None,
                                                                  AGORA_CUSTOMER_SECRET=None))
                self.assertExit(run, EXIT_OK)
                self.assertEqual(run.err, "")
                self.assertTrue(run.out.startswith("usage: acr {} ".format(command)), run.out)
                for word in ("--appid", "--resource-id", "--sid", "--mode", "--base-url", "--timeout",
                             "--verbose", "AGORA_CUSTOMER_ID", "AGORA_CUSTOMER_SECRET", "AGORA_BASE_URL",
                             "Exit status"):
                    self.assertIn(word, run.out)
        self.assertNothingSent()

    # --- the base URL

    def test_base_url_from_environment_and_flag(self):
        refusing, refused_url = refusing_socket()
        self.addCleanup(refusing.close)
        body = update_body("mix")
        # AGORA_BASE_URL alone.
        run = self.call("update", "mix", body, base_url=None,
                        env=self.env(AGORA_BASE_URL=self.mock.base_url))
        self.assertOneJsonLine(run)
        # The flag wins over the environment, both ways.
        run = self.call("update", "mix", body, "--retries", "0",
                        env=self.env(AGORA_BASE_URL=refused_url))
        self.assertOneJsonLine(run)
        run = self.call("update", "mix", body, "--retries", "0", base_url=refused_url,
                        env=self.env(AGORA_BASE_URL=self.mock.base_url))
        self.assertFailure(run, EXIT_TRANSPORT)
        self.assertEqual(self.recording("rid-mix", "sid-mix")["updates"], 2)

    def test_plain_http_to_another_host_is_refused(self):
        for url in ("http://example.com", "http://example.com:80/prefix", "http://10.1.2.3:8080"):
            with self.subTest(url=url, via="flag"):
                run = self.call("update", "individual", update_body("individual"), base_url=url)
                self.assertFailure(run, EXIT_USAGE)
                self.assertIn("refusing plain http://", run.err)
                self.assertNoSecrets(run)
            with self.subTest(url=url, via="environment"):
                run = self.call("update", "individual", update_body("individual"), base_url=None,
                                env=self.env(AGORA_BASE_URL=url))
                self.assertFailure(run, EXIT_USAGE)
                self.assertIn("refusing plain http://", run.err)
        # With --verbose: the refusal comes before any request (no log line).
        run = self.call("stop", "individual", STOP_BODY, "--verbose", base_url="http://example.com")
        self.assertFailure(run, EXIT_USAGE)
        self.assertNotIn("POST", run.err)
        self.assertNothingSent()

    # --- exit 3: the service said no

    def assertHttpFailure(self, run, status, code=None, reason=None):
        self.assertFailure(run, EXIT_HTTP)
        self.assertIn("HTTP {}".format(status), run.err)
        if code is not None:
            self.assertIn("code {}".format(code), run.err)
        else:
            self.assertNotIn("code ", run.err)
        if reason:
            self.assertIn(reason, run.err)
        self.assertIn("X-Request-ID " + self.last_request()["request_id"], run.err)
        self.assertNoSecrets(run)

    def test_http_errors(self):
        body = update_body("individual")
        run = self.call("update", "individual", body, rid="rid-none", sid="sid-none")
        self.assertHttpFailure(run, 404, 404, "failed to find worker")
        run = self.call("update", "individual", body, env=self.env(AGORA_CUSTOMER_SECRET="wrong-secret-1"))
        self.assertHttpFailure(run, 401, None, "Invalid authentication credentials")
        self.assertOneJsonLine(self.call("stop", "web", STOP_BODY))
        run = self.call("stop", "web", STOP_BODY)
        self.assertHttpFailure(run, 400, 49, "invalid operation")
        run = self.call("update", "web", update_body("web"))
        self.assertHttpFailure(run, 404, 404, "failed to find worker")
        presets = [("jitter", 206, 65, "request not completed"), ("rate_limit", 429, None, "API rate limit"),
                   ("timeout", 504, 62, "request timeout"), ("html_500", 500, None, None)]
        for preset, status, code, reason in presets:
            with self.subTest(preset=preset):
                self.mock.add_faults({"match": "update", "preset": preset})
                run = self.call("update", "individual", body, "--retries", "0")
                self.assertHttpFailure(run, status, code, reason)
        self.mock.add_faults({"match": "stop", "preset": "no_data"})
        run = self.call("stop", "individual", STOP_BODY)
        self.assertHttpFailure(run, 206, 435, "no recorded data")

    def test_retried_then_success(self):
        # One retry after 206/65 (the tool backs off 1 s, +/- 20%).
        self.mock.add_faults({"match": "update", "preset": "jitter"})
        run = self.call("update", "individual", update_body("individual"), "--retries", "1", "--verbose")
        self.assertOneJsonLine(run)
        self.assertIn("retrying in", run.err)
        self.assertEqual(self.mock.state()["requests_total"], 2)

    def test_retried_stop_that_already_worked(self):
        # The first stop works but its answer is lost in 206/65; the retry gets 400/49.
        self.mock.add_faults({"match": "stop", "preset": "jitter", "process": True})
        run = self.call("stop", "mix", STOP_BODY, "--retries", "1")
        self.assertFailure(run, EXIT_MAY_HAVE_SUCCEEDED)
        self.assertIn("HTTP 400, code 49", run.err)
        self.assertEqual(self.recording("rid-mix", "sid-mix")["status"], "stopped")

    # --- exit 4: transport

    def test_connection_refused(self):
        refusing, url = refusing_socket()
        self.addCleanup(refusing.close)
        run = self.call("update", "individual", update_body("individual"), "--retries", "0", base_url=url)
        self.assertFailure(run, EXIT_TRANSPORT)
        self.assertNoSecrets(run)

    def test_timeout(self):
        self.mock.add_faults({"match": "update", "stall": True})
        run = self.call("update", "individual", update_body("individual"), "--timeout", "0.3")
        self.assertFailure(run, EXIT_TRANSPORT)
        # The timeout ended it (the stall lasts 60 s): the error names the timeout.
        # How long it took is in run.describe(), never asserted (no timing checks).
        self.assertIn("300 ms", run.err)
        # The mock records a stalled request when the stall ends (the client left).
        self.wait_for_requests(1)
        self.assertEqual(self.mock.state()["requests_total"], 1)  # sent, so never retried

    def test_closed_without_answer(self):
        self.mock.add_faults({"match": "stop", "close": True})
        run = self.call("stop", "individual", STOP_BODY)
        self.assertFailure(run, EXIT_TRANSPORT)
        self.mock.add_faults({"match": "stop", "preset": "truncated_200"})
        run = self.call("stop", "individual", STOP_BODY)
        self.assertFailure(run, EXIT_TRANSPORT)

    # --- exit 5: invalid response

    def test_invalid_responses(self):
        for preset in ("not_json_200", "wrong_types_200", "empty_200"):
            with self.subTest(preset=preset):
                self.mock.add_faults({"match": "update", "preset": preset})
                run = self.call("update", "individual", update_body("individual"))
                self.assertFailure(run, EXIT_RESPONSE)
                self.assertNoSecrets(run)
        self.mock.add_faults({"match": "stop", "status": 200, "body": {"cname": ["not", "a", "string"]}})
        self.assertFailure(self.call("stop", "web", STOP_BODY), EXIT_RESPONSE)

    # --- --verbose, and secrets

    def test_verbose_logs_the_call_and_no_secret(self):
        run = self.call("update", "individual", storage_body(), "--verbose")
        self.assertOneJsonLine(run)
        url = "{}/v1/apps/{}/cloud_recording/resourceid/rid-ind/sid/sid-ind/mode/individual/update".format(
            self.mock.base_url, APP)
        lines = [line for line in run.err.splitlines() if line]
        self.assertEqual(len(lines), 1, run.describe())
        self.assertRegex(lines[0], r"^acr update: POST {} -> 200 \(\d+(\.\d+)? ms\)$".format(
            url.replace(".", r"\.")))
        self.assertNoSecrets(run)
        # The secrets did go to the service (which stores them redacted).
        self.assertEqual(self.last_request()["body"]["clientRequest"]["storageConfig"]["accessKey"],
                         "[REDACTED]")
        self.assertTrue(self.last_request()["authorization_present"])

        # Failures, verbose: status or failure and timing, still no secret.
        run = self.call("update", "individual", storage_body(), "--verbose", rid="rid-none")
        self.assertExit(run, EXIT_HTTP)
        self.assertRegex(run.err, r"POST http://\S+/resourceid/rid-none/\S+ -> 404 \(\d+(\.\d+)? ms\)")
        self.assertNoSecrets(run)
        refusing, refused_url = refusing_socket()
        self.addCleanup(refusing.close)
        run = self.call("stop", "individual", STOP_BODY, "--verbose", "--retries", "0", base_url=refused_url)
        self.assertExit(run, EXIT_TRANSPORT)
        self.assertRegex(run.err, r"POST {}/\S+/stop -> failed: .* \(\d+(\.\d+)? ms\)".format(
            refused_url.replace(".", r"\.")))
        self.assertNoSecrets(run)
        run = self.call("update", "individual", storage_body(), "--verbose",
                        env=self.env(AGORA_CUSTOMER_SECRET="wrong-" + CUSTOMER_SECRET))
        self.assertExit(run, EXIT_HTTP)
        self.assertIn("-> 401 (", run.err)
        self.assertNoSecrets(run)

    def test_without_verbose_stderr_is_empty_on_success(self):
        run = self.call("stop", "individual", STOP_BODY)
        self.assertOneJsonLine(run)
        self.assertEqual(run.err, "")

    # --- issue 9: what the tool prints, and what it keeps

    def test_base_url_credentials_query_and_fragment_are_never_printed(self):
        # Issue 9 item 3: even a URL that does not parse (port 999999) is not echoed.
        urls = ["https://ID:PRIVATEpw1@api.example.com:999999",
                "https://PRIVATEuser2@api.example.com/prefix",
                "https://api.example.com:999999/?token=PRIVATEq3",
                "https://api.example.com/#PRIVATEf4",
                "http://u:PRIVATEpw5@127.0.0.1:1/",
                "not a url ID:PRIVATEpw6@ ?x=PRIVATEq7"]
        for url in urls:
            for how in ("flag", "environment"):
                with self.subTest(url=url, how=how):
                    if how == "flag":
                        run = self.call("update", "individual", update_body("individual"), base_url=url)
                    else:
                        run = self.call("update", "individual", update_body("individual"), base_url=None,
                                        env=self.env(AGORA_BASE_URL=url))
                    self.assertFailure(run, EXIT_USAGE)
                    self.assertNotIn("PRIVATE", run.err + run.out, run.describe())
                    self.assertNoSecrets(run)
        self.assertNothingSent()

    def test_customer_id_with_a_colon_or_control_character_is_refused(self):
        # Issue 9 item 4: "id:secret" splits at the first colon (RFC 7617).
        for changes in ({"AGORA_CUSTOMER_ID": "cust:omer"}, {"AGORA_CUSTOMER_ID": "cust\x01omer"},
                        {"AGORA_CUSTOMER_ID": "cust\x7fomer"}, {"AGORA_CUSTOMER_ID": "cust\nomer"},
                        {"AGORA_CUSTOMER_SECRET": "sec\x1bret"}, {"AGORA_CUSTOMER_SECRET": "sec\tret"}):
            with self.subTest(changes=changes):
                run = self.call("stop", "individual", STOP_BODY, env=self.env(**changes))
                self.assertFailure(run, EXIT_USAGE)
                for value in changes.values():
                    self.assertNotIn(value, run.err)
        self.assertNothingSent()
        # A colon in the secret is fine: only the first one splits.
        run = self.call("update", "individual", update_body("individual"),
                        env=self.env(AGORA_CUSTOMER_SECRET="a:b"))
        self.assertExit(run, EXIT_HTTP)  # the mock does not know that secret

    def test_failed_write_of_the_output_is_exit_2(self):
        # Issue 9 item 26: `acr stop ... >/dev/full` lost the file list and exited 0.
        if not os.path.exists("/dev/full"):
            self.skipTest("no /dev/full here")
        args = ["stop", "--appid", APP, "--resource-id", "rid-ind", "--sid", "sid-ind",
                "--mode", "individual", "--base-url", self.mock.base_url]
        with open("/dev/full", "wb") as full:
            proc = subprocess.run([ACR_BIN] + args, input=json.dumps(STOP_BODY).encode(), stdout=full,
                                  stderr=subprocess.PIPE, env=self.env(), timeout=TIMEOUT)
            err = proc.stderr.decode("utf-8", "replace")
            self.assertEqual(proc.returncode, EXIT_USAGE, err)
            self.assertIn("cannot write the output", err)
            self.assertEqual(self.recording("rid-ind", "sid-ind")["status"], "stopped")
            for args in (["--help"], ["update", "--help"], ["--version"]):
                with self.subTest(args=args):
                    proc = subprocess.run([ACR_BIN] + args, stdout=full, stderr=subprocess.PIPE,
                                          env=self.env(), timeout=TIMEOUT)
                    self.assertEqual(proc.returncode, EXIT_USAGE, proc.stderr)
                    self.assertIn(b"cannot write the output", proc.stderr)

    def test_text_from_the_network_is_escaped(self):
        # Issue 9 item 6: a reason with escape sequences and newlines must not forge
        # lines or drive the terminal.
        hostile = "bad\x1b[2J\x1b]0;owned\x07\r\nacr update: forged line\x7f"
        faults = [{"match": "update", "status": 400, "body": {"code": 2, "reason": hostile}},
                  {"match": "update", "status": 401, "body": {"message": hostile}}]
        for fault in faults:
            with self.subTest(status=fault["status"]):
                self.mock.add_faults(fault)
                run = self.call("update", "individual", update_body("individual"), "--verbose")
                self.assertFailure(run, EXIT_HTTP)
                for c in ("\x1b", "\x07", "\r", "\x7f"):
                    self.assertNotIn(c, run.err, run.describe())
                self.assertNotIn("\nacr update: forged", run.err, run.describe())
                self.assertIn("\\u001b[2J", run.err, run.describe())

    def test_core_dumps_are_disabled(self):
        # Issue 9 item 7: the process holds the customer secret.
        soft, hard = resource.getrlimit(resource.RLIMIT_CORE)
        if hard == 0:
            self.skipTest("core dumps are already off for this user")

        def allow_core_dumps():
            resource.setrlimit(resource.RLIMIT_CORE, (hard, hard))

        self.mock.add_faults({"match": "update", "stall": 20000})
        args = ["update", "--appid", APP, "--resource-id", "rid-ind", "--sid", "sid-ind",
                "--mode", "individual", "--base-url", self.mock.base_url, "--timeout", "30", "--retries", "0"]
        proc = subprocess.Popen([ACR_BIN] + args, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, env=self.env(), preexec_fn=allow_core_dumps)
        self.addCleanup(proc.wait)
        self.addCleanup(proc.kill)
        proc.stdin.write(json.dumps(update_body("individual")).encode())
        proc.stdin.close()
        # Poll (bounded) while acr waits for the stalled answer.
        limit = None
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and proc.poll() is None:
            with open("/proc/{}/limits".format(proc.pid)) as f:
                line = next(line for line in f if line.startswith("Max core file size"))
            limit = line.split()[4]
            if limit == "0":
                break
            time.sleep(0.01)
        self.assertEqual(limit, "0", "acr runs with core dumps allowed")
        if os.geteuid() != 0:  # a process that is not dumpable has its /proc files owned by root
            self.assertEqual(os.stat("/proc/{}/environ".format(proc.pid)).st_uid, 0)
        # The limit can be read before acr has sent anything: let its request reach
        # the mock now (a bounded wait), or a busy mock counts it after the next
        # test's reset and that test sees a request it did not send.
        deadline = time.monotonic() + 30
        while proc.poll() is None and self.mock.state()["requests_total"] == 0 and time.monotonic() < deadline:
            time.sleep(0.01)

class GeneratedCommandsTest(AcrTestCase):
    """Issue 10 item 3: one subcommand per operation of the schema, with one option
    per path parameter, and nothing else."""

    def operations(self):
        """(subcommand, path parameter names, takes a body, parameters with one allowed value)."""
        schema = load_schema()
        found = []
        for name, op in schema_operations(schema):
            names, single = [], set()
            for p in op.get("parameters", []):
                if "$ref" in p:
                    p = schema["components"]["parameters"][p["$ref"].rsplit("/", 1)[1]]
                names.append(p["name"])
                if len(p.get("schema", {}).get("enum", [])) == 1:
                    single.add(p["name"])
            found.append((name, names, "requestBody" in op, single))
        return found

    FLAGS = {"appid": "--appid", "resourceid": "--resource-id", "sid": "--sid", "mode": "--mode"}

    def test_help_lists_every_operation_with_its_options(self):
        result = run_acr(["--help"])
        self.assertEqual(result.code, EXIT_OK, result.describe())
        operations = self.operations()
        self.assertTrue(operations)
        listed = [line.split()[0] for line in result.out.splitlines() if re.match(r"  \S", line)]
        self.assertEqual(sorted(listed), sorted(["validate"] + [name for name, _, _, _ in operations]))
        for name, params, has_body, _ in operations:
            with self.subTest(operation=name):
                line = next(line for line in result.out.splitlines() if line.split()[:1] == [name])
                for param in params:
                    self.assertIn(self.FLAGS.get(param, "--" + param), line)
                self.assertEqual("[FILE|-]" in line, has_body, line)
                own = run_acr([name, "--help"])
                self.assertEqual(own.code, EXIT_OK, own.describe())
                self.assertTrue(own.out.startswith("usage: acr " + name + " "), own.describe())

    def test_each_operation_requires_its_path_parameters(self):
        # With credentials, so that only the option decides; the body is invalid
        # for every operation that takes one, so a call that gets past its options
        # stops at validation (exit 1) and sends nothing.
        env = dict(os.environ, AGORA_CUSTOMER_ID="id", AGORA_CUSTOMER_SECRET="secret",
                   AGORA_BASE_URL="http://127.0.0.1:9")
        for name, params, has_body, single in self.operations():
            for missing in params:
                with self.subTest(operation=name, missing=missing):
                    args = [name]
                    for p in params:
                        if p != missing:
                            args += [self.FLAGS.get(p, "--" + p), "mix" if p == "mode" else "x"]
                    proc = subprocess.run([ACR_BIN] + args, input=b'{"cname": 5}', stdout=subprocess.PIPE,
                                          stderr=subprocess.PIPE, env=env, timeout=TIMEOUT)
                    err = proc.stderr.decode("utf-8", "replace")
                    flag = self.FLAGS.get(missing, "--" + missing)
                    if missing in single:
                        # A parameter with one allowed value defaults to it (update-layout: mix):
                        # the call goes on to validate the body, or to send (nothing listens).
                        self.assertEqual(proc.returncode, EXIT_INVALID if has_body else EXIT_TRANSPORT, err)
                        self.assertNotIn(flag + " is required", err)
                        if has_body:
                            self.assertIn("/cname: ", err)
                    else:
                        self.assertEqual(proc.returncode, EXIT_USAGE, err)
                        self.assertIn(flag + " is required", err)

    def test_unknown_command_lists_the_operations(self):
        result = run_acr(["frobnicate"])
        self.assertEqual(result.code, EXIT_USAGE)
        for name, _, _, _ in self.operations():
            self.assertIn(name, result.err)

if __name__ == "__main__":
    unittest.main()
