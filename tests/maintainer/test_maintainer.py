"""A maintainer's proof (issue 10 item 6): a new operation is a schema edit and a
regeneration, not hand-written C.

In a temporary directory: copy schema/cloud_recording.json, add a GET and a POST
with add_operations.py (the edit a maintainer makes by hand), regenerate, compile
the generated code with the tools/acr sources into `acr` and with caller.c (what
a user writes) into `caller`, linking the engine already built (ACR_RUNTIME_LIB),
then call both operations through each against a stand-in server.

ctest writes the build settings to the JSON file named by ACR_MAINTAINER_CONFIG:
source_dir, cc, cflags, runtime_lib, link_libs."""
import concurrent.futures
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import add_operations  # noqa: E402

CONFIG = os.environ.get("ACR_MAINTAINER_CONFIG")
TIMEOUT = 120  # a hang, not a measure: nothing here asserts a duration
PREFIX = "/v1/apps/app1/cloud_recording/resourceid/"
CREDENTIALS = {"AGORA_CUSTOMER_ID": "customer", "AGORA_CUSTOMER_SECRET": "secret"}


class StandIn(http.server.BaseHTTPRequestHandler):
    """Answers the two new paths as the vendor would; records every request."""
    seen = []
    lock = threading.Lock()

    def log_message(self, *args):
        pass

    def handle_one(self, method):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        with self.lock:
            self.seen.append({"method": method, "path": self.path, "headers": dict(self.headers), "body": body})
        match = re.fullmatch(re.escape(PREFIX) + r"([^/]+)/sid/([^/]+)/mode/([a-z]+)/(status|pause)", self.path)
        if match and method == "GET" and match[4] == "status":
            answer = {"state": "paused", "progress": 0.7, "unknownMember": [1, 2]}
        elif match and method == "POST" and match[4] == "pause":
            ratio = json.loads(body)["clientRequest"]["ratio"]
            answer = {"resourceId": match[1], "sid": match[2], "ratio": ratio}
        else:
            answer = None
        data = json.dumps(answer if answer else {"code": 404, "reason": "no such call"}).encode()
        self.send_response(200 if answer else 404)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        self.handle_one("GET")

    def do_POST(self):
        self.handle_one("POST")


def run(args, **kwargs):
    return subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=TIMEOUT, **kwargs)


@unittest.skipUnless(CONFIG, "ACR_MAINTAINER_CONFIG is not set (ctest sets it)")
class MaintainerProof(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        with open(CONFIG, encoding="utf-8") as f:
            cfg = json.load(f)
        cls.source = cfg["source_dir"]
        cls.tmp = tempfile.mkdtemp(prefix="acr-maintainer-")
        try:
            cls.build(cfg)
            cls.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), StandIn)
        except BaseException:
            shutil.rmtree(cls.tmp, ignore_errors=True)
            raise
        cls.thread = threading.Thread(target=cls.server.serve_forever, daemon=True)
        cls.thread.start()
        cls.base_url = "http://127.0.0.1:%d" % cls.server.server_address[1]

    @classmethod
    def tearDownClass(cls):
        cls.server.shutdown()
        cls.server.server_close()
        shutil.rmtree(cls.tmp, ignore_errors=True)

    @classmethod
    def build(cls, cfg):
        schema = os.path.join(cls.tmp, "cloud_recording.json")
        gen = os.path.join(cls.tmp, "generated")
        # The maintainer's two steps: edit the schema, run the generator.
        proc = run([sys.executable, os.path.join(HERE, "add_operations.py"),
                    os.path.join(cls.source, "schema", "cloud_recording.json"), schema])
        if proc.returncode != 0:
            raise AssertionError("schema edit failed:\n" + proc.stderr.decode())
        env = dict(os.environ, PYTHONPATH=os.path.join(cls.source, "codegen"))
        proc = run([sys.executable, "-m", "acrgen", "generate", "--schema", schema, "--out", gen,
                    "--name", "acr_api"], env=env)
        if proc.returncode != 0:
            raise AssertionError("acrgen generate failed:\n" + proc.stderr.decode())
        # Compile only what the edit changed (the generated API) plus the two
        # programs; the engine is the one the build made. -O0: speed of the test.
        tool = os.path.join(cls.source, "tools", "acr")
        units = {"acr_api": os.path.join(gen, "acr_api.c"), "caller": os.path.join(HERE, "caller.c")}
        for name in ("main", "validate_cmd", "call_cmd", "input", "output"):
            units[name] = os.path.join(tool, name + ".c")
        flags = cfg["cflags"] + ["-O0", "-I" + os.path.join(cls.source, "runtime", "include"), "-I" + gen,
                                 "-I" + tool]

        def compile_one(item):
            name, path = item
            obj = os.path.join(cls.tmp, name + ".o")
            proc = run([cfg["cc"]] + flags + ["-c", path, "-o", obj])
            return name, proc

        with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
            for name, proc in pool.map(compile_one, units.items()):
                if proc.returncode != 0:
                    raise AssertionError("compiling %s failed:\n%s" % (name, proc.stderr.decode()))
        objects = {name: os.path.join(cls.tmp, name + ".o") for name in units}
        tail = [objects["acr_api"], cfg["runtime_lib"]] + cfg["link_libs"]
        cls.acr = os.path.join(cls.tmp, "acr")
        cls.caller = os.path.join(cls.tmp, "caller")
        for out, objs in ((cls.acr, ["main", "validate_cmd", "call_cmd", "input", "output"]),
                          (cls.caller, ["caller"])):
            proc = run([cfg["cc"]] + cfg["cflags"] + ["-o", out] + [objects[o] for o in objs] + tail)
            if proc.returncode != 0:
                raise AssertionError("linking %s failed:\n%s" % (out, proc.stderr.decode()))

    def requests_for(self, resource_id):
        with StandIn.lock:
            return [r for r in StandIn.seen if r["path"].startswith(PREFIX + resource_id + "/")]

    def run_acr(self, args, stdin=b""):
        env = {k: v for k, v in os.environ.items() if not k.startswith("AGORA_")}
        env.update(CREDENTIALS)
        proc = run([self.acr] + args, input=stdin, env=env)
        return proc.returncode, proc.stdout.decode(), proc.stderr.decode()

    def assert_get_without_body(self, request, path):
        self.assertEqual(request["method"], "GET")
        self.assertEqual(request["path"], path)
        self.assertEqual(request["body"], b"")
        headers = {k.lower() for k in request["headers"]}
        self.assertNotIn("content-type", headers)
        self.assertNotIn("transfer-encoding", headers)
        self.assertIn(request["headers"].get("Content-Length"), (None, "0"))

    def assert_post(self, request, path, body):
        self.assertEqual(request["method"], "POST")
        self.assertEqual(request["path"], path)
        self.assertEqual(request["headers"].get("Content-Type"), "application/json")
        # Byte for byte: 0.1 is sent as "0.1", never as yajl's %.20g digits.
        self.assertEqual(request["body"].decode(), body)

    def test_the_library_calls_both_new_operations(self):
        proc = run([self.caller, self.base_url])
        self.assertEqual(proc.returncode, 0, proc.stderr.decode())
        self.assertEqual(proc.stdout.decode().splitlines(), [
            # Re-serialized from the typed struct: schema order, the unknown member skipped.
            'recording_status ok {"progress":0.7,"state":"paused"}',
            'pause_recording ok {"resourceId":"rid1","sid":"sid1","ratio":0.1}',
            # Out of range: refused before anything is sent.
            "pause_recording invalid request /clientRequest/ratio: must be at most 1 (it is 1.5)",
            # Both again, at once, through their async wrappers on one loop.
            'recording_status_async ok {"progress":0.7,"state":"paused"}',
            'pause_recording_async ok {"resourceId":"rid5","sid":"sid5","ratio":0.5}',
        ])
        seen = self.requests_for("rid1")
        self.assertEqual(len(seen), 2, seen)
        self.assert_get_without_body(seen[0], PREFIX + "rid1/sid/sid1/mode/mix/status")
        self.assert_post(seen[1], PREFIX + "rid1/sid/sid1/mode/mix/pause",
                         '{"cname":"channel1","uid":"527841","clientRequest":{"ratio":0.1}}')
        self.assertIn("Authorization", seen[1]["headers"])
        seen = sorted(self.requests_for("rid5"), key=lambda r: r["method"])  # in flight at once: any order
        self.assertEqual(len(seen), 2, seen)
        self.assert_get_without_body(seen[0], PREFIX + "rid5/sid/sid5/mode/web/status")
        self.assert_post(seen[1], PREFIX + "rid5/sid/sid5/mode/web/pause",
                         '{"cname":"channel5","uid":"5","clientRequest":{"ratio":0.5}}')

    def test_both_new_operations_get_async_wrappers(self):
        # Issue 11: the event-loop entry point comes with the regeneration too,
        # declared (GET: no request argument) and defined over acr_call_start.
        gen = os.path.join(self.tmp, "generated")
        with open(os.path.join(gen, "acr_api.h"), encoding="utf-8") as f:
            header = " ".join(f.read().split())
        with open(os.path.join(gen, "acr_api.c"), encoding="utf-8") as f:
            source = " ".join(f.read().split())
        self.assertIn("ACR_API acr_status acr_recording_status_async(acr_loop *loop, "
                      "const acr_recording_status_params *params, acr_recording_status_response *response, "
                      "acr_done_fn done, void *ctx, acr_transfer **transfer, acr_error *err);", header)
        self.assertIn("ACR_API acr_status acr_pause_recording_async(acr_loop *loop, "
                      "const acr_pause_recording_params *params, const acr_pause_recording_request *request, "
                      "acr_pause_recording_response *response, acr_done_fn done, void *ctx, "
                      "acr_transfer **transfer, acr_error *err);", header)
        for op in ("recording_status", "pause_recording"):
            self.assertIn("return acr_call_start(loop, &acr_%s_operation, values, " % op, source)
        # And the library exports them: the object that the programs linked.
        proc = run(["nm", "-g", "--defined-only", os.path.join(self.tmp, "acr_api.o")])
        symbols = {line.split()[-1] for line in proc.stdout.decode().splitlines() if line.strip()}
        self.assertLessEqual({"acr_recording_status_async", "acr_pause_recording_async"}, symbols)

    def test_help_lists_both_subcommands_in_kebab_case(self):
        code, out, _ = self.run_acr(["--help"])
        self.assertEqual(code, 0)
        commands = [line for line in out.splitlines() if re.match(r"  \S", line)]
        names = [line.split()[0] for line in commands]
        self.assertEqual(names[-2:], ["recording-status", "pause-recording"])
        self.assertIn("update-layout", names)
        synopsis = dict(zip(names, commands))
        self.assertIn("--appid APPID --resource-id RESOURCE_ID --sid SID --mode individual|mix|web [options]",
                      synopsis["recording-status"])
        self.assertFalse(synopsis["recording-status"].endswith("[FILE|-]"))  # a GET takes no body
        self.assertTrue(synopsis["pause-recording"].endswith("[options] [FILE|-]"))
        # The synopses start in one column, however long the new names are.
        starts = {re.match(r"  \S+ +", line).end() for line in commands}
        self.assertEqual(len(starts), 1, "\n".join(commands))

    def test_the_cli_calls_both_new_operations(self):
        path_args = ["--appid", "app1", "--resource-id", "rid2", "--sid", "sid2", "--mode", "web",
                     "--base-url", self.base_url]
        code, out, err = self.run_acr(["recording-status"] + path_args)
        self.assertEqual((code, err), (0, ""))
        self.assertEqual(out, '{"progress":0.7,"state":"paused"}\n')
        body = b'{"cname": "channel2", "uid": "42", "clientRequest": {"ratio": 0.1}}'
        code, out, err = self.run_acr(["pause-recording"] + path_args, body)
        self.assertEqual((code, err), (0, ""))
        self.assertEqual(out, '{"resourceId":"rid2","sid":"sid2","ratio":0.1}\n')
        seen = self.requests_for("rid2")
        self.assertEqual(len(seen), 2, seen)
        self.assert_get_without_body(seen[0], PREFIX + "rid2/sid/sid2/mode/web/status")
        self.assert_post(seen[1], PREFIX + "rid2/sid/sid2/mode/web/pause",
                         '{"cname":"channel2","uid":"42","clientRequest":{"ratio":0.1}}')

    def test_the_cli_refuses_an_out_of_range_number(self):
        for ratio, message in (("1.5", "must be at most 1 (it is 1.5)"),
                               ("-0.25", "must be at least 0 (it is -0.25)")):
            with self.subTest(ratio=ratio):
                body = ('{"cname": "c", "uid": "1", "clientRequest": {"ratio": %s}}' % ratio).encode()
                code, out, err = self.run_acr(["validate", "pause-recording", "--mode", "mix"], body)
                self.assertEqual(code, 1, err)
                self.assertEqual(out, "/clientRequest/ratio: " + message + "\n")
                # The call refuses it too, and sends nothing.
                code, _, err = self.run_acr(["pause-recording", "--appid", "app1", "--resource-id", "rid3",
                                             "--sid", "s", "--mode", "mix", "--base-url", self.base_url], body)
                self.assertEqual(code, 1)
                self.assertIn("/clientRequest/ratio: " + message, err)
        self.assertEqual(self.requests_for("rid3"), [])
        code, out, _ = self.run_acr(["validate", "pause-recording", "--mode", "mix"],
                                    b'{"cname": "c", "uid": "1", "clientRequest": {"ratio": 1}}')
        self.assertEqual((code, out), (0, ""))

    def test_no_hand_written_c_names_the_new_operations(self):
        for folder in ("runtime", "tools", "generated"):
            for root, _, files in os.walk(os.path.join(self.source, folder)):
                for name in files:
                    if name.endswith((".c", ".h")):
                        with open(os.path.join(root, name), encoding="utf-8", errors="replace") as f:
                            text = f.read()
                        for word in ("pause_recording", "recording_status", "pauseRecording", "recordingStatus"):
                            self.assertNotIn(word, text, os.path.join(folder, name))


if __name__ == "__main__":
    unittest.main()
