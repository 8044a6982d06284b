"""scripts/demo-lifecycle.sh against the mock, with tests/mock/acr_stand_in.py in place
of acr (the generated CLI does not have every operation yet): each mode goes from
acquire to stop, ids are taken from the answers, and the error section gets the
answers it shows. Run: python3 -m unittest discover -s tests/mock -v
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
STAND_IN = ROOT / "tests" / "mock" / "acr_stand_in.py"


@unittest.skipIf(shutil.which("bash") is None, "needs bash")
class DemoLifecycleTest(unittest.TestCase):
    def run_demo(self, acr):
        env = dict(os.environ, ACR=str(acr))
        return subprocess.run(["bash", str(SCRIPT)], capture_output=True, text=True,
                              env=env, cwd=ROOT, timeout=120, check=False)

    def steps(self, stdout):
        """[(command, exit status)] in the order the demo ran them."""
        commands = re.findall(r"^\$ acr (\S+)", stdout, re.M)
        statuses = [int(s) for s in re.findall(r"^\(exit status (\d+)\)$", stdout, re.M)]
        self.assertEqual(len(commands), len(statuses), stdout)
        return list(zip(commands, statuses))

    def test_each_mode_from_acquire_to_stop(self):
        result = self.run_demo(STAND_IN)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        life = ["acquire", "start", "query", "update"]
        expected = ([("ncs-ip", 0)]
                    + [(c, 0) for c in life + ["stop"]]
                    + [(c, 0) for c in life + ["update-layout", "stop"]]
                    + [(c, 0) for c in life + ["stop"]]
                    + [("start", 3), ("query", 3), ("stop", 3), ("acquire", 0), ("start", 3),
                       ("update-layout", 2)])
        self.assertEqual(self.steps(result.stdout), expected)
        out = result.stdout
        self.assertIn("every recording went from acquire to stop", out)
        # the ids of one answer are the arguments of the next command
        for rid in re.findall(r'"resourceId":"([^"]+)"', out):
            self.assertIn(f"--resource-id {rid}", out)
        sids = set(re.findall(r'"sid":"([^"]+)"', out))
        self.assertEqual(len(sids), 3)
        for sid in sids:
            self.assertIn(f"--sid {sid}", out)
        # what the error section shows
        self.assertIn('HTTP 201: {"code":7', result.stderr)
        self.assertIn('HTTP 400: {"code":49', result.stderr)
        self.assertIn('HTTP 400: {"code":433', result.stderr)
        self.assertIn('"extensionServiceState"', out)
        self.assertIn('"fileListMode":"json"', out)

    def test_a_failing_step_fails_the_demo(self):
        # An acr that can only answer --version and fails every call.
        tmp = tempfile.mkdtemp(prefix="acr-broken-")
        self.addCleanup(shutil.rmtree, tmp)
        path = pathlib.Path(tmp) / "acr"
        path.write_text("#!/bin/sh\n[ \"$1\" = --version ] && echo broken && exit 0\nexit 3\n")
        path.chmod(0o755)
        result = self.run_demo(path)
        self.assertEqual(result.returncode, 1, result.stdout + result.stderr)
        self.assertIn("a step of a recording's life failed", result.stderr)


if __name__ == "__main__":
    unittest.main()
