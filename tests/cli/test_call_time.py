"""`acr update --timeout`: the limit of the whole call, retries and back-offs
included (issue 9, item 11: `--timeout 3` took 21 s, the limit being per
attempt). Outcomes only (exit code, requests the mock saw), never durations.
Standard library only.
"""
import json
import os
import subprocess
import sys
import unittest

from support import ACR_BIN, SOURCE_DIR, TIMEOUT

sys.path.insert(0, os.path.join(SOURCE_DIR, "mock"))
from agora_mock import MockServer  # noqa: E402

APP, CNAME, UID = "cli-time-app", "httpClient463224", "527841"
CUSTOMER_ID, CUSTOMER_SECRET = "cli-time-customer", "cli-time-secret"
EXIT_HTTP = 3


class TimeoutIsForTheWholeCall(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.mock = MockServer(customer_id=CUSTOMER_ID, customer_secret=CUSTOMER_SECRET,
                              recordings=["individual,{},rid-t,sid-t,{},{}".format(APP, CNAME, UID)]).start()

    @classmethod
    def tearDownClass(cls):
        cls.mock.stop()

    def test_no_retry_past_the_timeout(self):
        # Each 429 comes after 600 ms; the first back-off is 1 s +/- 20%: with
        # --timeout 1 the retry would start past the limit, so it is not made
        # and the 429 is the answer. Before: 4 attempts and 10 s of back-offs.
        self.mock.reset(recordings="initial")
        self.mock.add_faults([{"match": "update", "preset": "rate_limit", "delay_ms": 600, "count": 4}])
        body = {"cname": CNAME, "uid": UID, "clientRequest": {
            "streamSubscribe": {"audioUidList": {"subscribeAudioUids": ["#allstream#"]}}}}
        env = {k: v for k, v in os.environ.items() if not k.startswith("AGORA_")}
        env.update(AGORA_CUSTOMER_ID=CUSTOMER_ID, AGORA_CUSTOMER_SECRET=CUSTOMER_SECRET,
                   NO_PROXY="127.0.0.1,localhost", no_proxy="127.0.0.1,localhost")
        argv = ["update", "--appid", APP, "--resource-id", "rid-t", "--sid", "sid-t", "--mode", "individual",
                "--base-url", self.mock.base_url, "--timeout", "1", "--retries", "3", "-"]
        proc = subprocess.run([ACR_BIN] + argv, input=json.dumps(body).encode(), stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, env=env, timeout=TIMEOUT)
        err = proc.stderr.decode("utf-8", "replace")
        self.assertEqual(proc.returncode, EXIT_HTTP, err)
        self.assertIn("429", err)
        self.assertEqual(self.mock.state()["requests_total"], 1, err)


if __name__ == "__main__":
    unittest.main()
