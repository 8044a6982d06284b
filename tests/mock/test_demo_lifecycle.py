"""scripts/demo-lifecycle.sh (what scripts/demo.sh, the README's first command, runs
after building) with the acr that was built, against the mock: each mode goes from
acquire to stop, ids are taken from the answers, and the error section gets the
answers and exit statuses it shows. Every request body the demo sends passes
`acr validate`. The acr binary comes from ACR_BIN (ctest sets it: the test
demo.lifecycle); without it these tests are skipped.
Run: ACR_BIN=build/bin/acr python3 -m unittest tests/mock/test_demo_lifecycle.py -v
"""
import os
import pathlib
import re
import shutil
import subprocess
import tempfile
import unittest

ROOT = pathlib.Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "demo-lifecycle.sh"
ACR = os.environ.get("ACR_BIN")
BODIES = ROOT / "examples" / "bodies"

# Every body the demo and examples/lifecycle send: (operation, mode or None, file).
VALID_BODIES = (
    [("acquire", None, "lifecycle/acquire.json"), ("acquire", None, "lifecycle/acquire-web.json")]
    + [("start", m, f"lifecycle/start-{m}.json") for m in ("individual", "mix", "web")]
    + [("stop", m, "stop-individual.json") for m in ("individual", "mix", "web")]
    + [("update", "individual", "update-individual-subscribe.json"),
       ("update", "mix", "update-mix-storage.json"),
       ("update", "web", "update-web-pause.json"),
       ("update-layout", "mix", "lifecycle/update-layout-mix.json")])


def run_demo(acr):
    env = dict(os.environ, ACR=str(acr))
    return subprocess.run(["bash", str(SCRIPT)], capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=300, check=False)


@unittest.skipIf(shutil.which("bash") is None, "needs bash")
class DemoLifecycleTest(unittest.TestCase):
    def steps(self, stdout):
        """[(command, exit status)] in the order the demo ran them."""
        commands = re.findall(r"^\$ acr (\S+)", stdout, re.M)
        statuses = [int(s) for s in re.findall(r"^\(exit status (\d+)\)$", stdout, re.M)]
        self.assertEqual(len(commands), len(statuses), stdout)
        return list(zip(commands, statuses))

    @unittest.skipUnless(ACR, "ACR_BIN (the acr binary) is not set")
    def test_each_mode_from_acquire_to_stop(self):
        result = run_demo(ACR)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        life = ["acquire", "start", "query", "update"]
        expected = ([("ncs-ip", 0)]
                    + [(c, 0) for c in life + ["stop"]]
                    + [(c, 0) for c in life + ["update-layout", "stop"]]
                    + [(c, 0) for c in life + ["stop"]]
                    + [("start", 3), ("query", 3), ("stop", 3), ("acquire", 0), ("start", 3),
                       ("update-layout", 2), ("update", 1)])
        self.assertEqual(self.steps(result.stdout), expected)
        out, err = result.stdout, result.stderr
        self.assertIn("every recording went from acquire to stop", out)
        # the ids of one answer are the arguments of the next command
        rids = set(re.findall(r'"resourceId":"([^"]+)"', out))
        self.assertEqual(len(rids), 4)  # three recordings and the one left to expire
        for rid in rids:
            self.assertIn(f"--resource-id {rid}", out)
        sids = set(re.findall(r'"sid":"([^"]+)"', out))
        self.assertEqual(len(sids), 3)
        for sid in sids:
            self.assertIn(f"--sid {sid}", out)
        # what came back, per mode
        self.assertIn('"primaryIP"', out)
        self.assertIn('"extensionServiceState"', out)
        self.assertIn('"fileListMode":"json"', out)
        self.assertIn('"uploadingStatus":"uploaded"', out)
        # what the error section shows: status, code, reason and X-Request-ID
        self.assertRegex(err, r"acr start: .*HTTP 201, code 7: .*X-Request-ID \S+")
        self.assertRegex(err, r"acr query: .*HTTP 404, code 404")
        self.assertRegex(err, r"acr stop: .*HTTP 400, code 49")
        self.assertRegex(err, r"acr start: .*HTTP 400, code 433")
        self.assertIn("acr update-layout: unknown mode 'web'", err)
        # the broken body: its violations, with JSON pointers
        self.assertIn("/uid: must be a string", err)
        self.assertIn("/clientRequest/storageConfig/region:", err)
        # no credential reaches the output
        for secret in ("demo-secret", "exampleSecretKey0123456789", "AKIAEXAMPLEACCESSKEY"):
            self.assertNotIn(secret, out + err)

    @unittest.skipUnless(ACR, "ACR_BIN (the acr binary) is not set")
    def test_every_body_is_valid(self):
        for operation, mode, name in VALID_BODIES:
            with self.subTest(operation=operation, mode=mode, body=name):
                argv = [ACR, "validate", operation] + (["--mode", mode] if mode else []) + [str(BODIES / name)]
                result = subprocess.run(argv, capture_output=True, text=True, timeout=60, check=False)
                self.assertEqual(result.returncode, 0, result.stdout + result.stderr)

    def test_a_failing_step_fails_the_demo(self):
        # An acr that can only answer --version and fails every call.
        tmp = tempfile.mkdtemp(prefix="acr-broken-")
        self.addCleanup(shutil.rmtree, tmp)
        path = pathlib.Path(tmp) / "acr"
        path.write_text("#!/bin/sh\n[ \"$1\" = --version ] && echo broken && exit 0\nexit 3\n")
        path.chmod(0o755)
        result = run_demo(path)
        self.assertEqual(result.returncode, 1, result.stdout + result.stderr)
        self.assertIn("a step of a recording's life failed", result.stderr)


if __name__ == "__main__":
    unittest.main()
