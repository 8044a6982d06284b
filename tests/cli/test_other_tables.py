"""The acr tool built for other operation tables: the second, invented schema
(tests/second_schema/widgets.json, ACR_WIDGETS_BIN) and a hand-written operation
without a request body (tests/cli/no_body_ops.c, ACR_NO_BODY_BIN). Its
subcommands, options and modes come from the tables alone (issue 10 item 3).
ctest sets both variables."""
import os
import re
import subprocess
import unittest

from support import EXIT_INVALID, EXIT_USAGE, EXIT_VALID, TIMEOUT

WIDGETS_BIN = os.environ.get("ACR_WIDGETS_BIN")
CREDENTIALS = {"AGORA_CUSTOMER_ID": "id", "AGORA_CUSTOMER_SECRET": "secret"}


@unittest.skipUnless(WIDGETS_BIN, "ACR_WIDGETS_BIN is not set (built with ACR_PYTHON only)")
class WidgetsCliTest(unittest.TestCase):
    def run_cli(self, args, stdin="", **env):
        full_env = {k: v for k, v in os.environ.items() if not k.startswith("AGORA_")}
        full_env.update(env)
        proc = subprocess.run([WIDGETS_BIN] + args, input=stdin.encode(), stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, env=full_env, timeout=TIMEOUT)
        return proc.returncode, proc.stdout.decode(), proc.stderr.decode()

    def test_help_lists_the_schema_operations_in_kebab_case(self):
        code, out, _ = self.run_cli(["--help"])
        self.assertEqual(code, EXIT_VALID)
        commands = {line.split()[0]: line for line in out.splitlines() if re.match(r"  \S", line)}
        self.assertEqual(sorted(commands), ["create-widget", "finish-widget", "get-widget", "health-check", "paint-widget",
                                            "ping", "polish-widget", "recall-all", "validate"])
        self.assertIn("--factory FACTORY --widget-id WIDGET_ID --mode draft|review|final", commands["paint-widget"])
        self.assertIn("[--mode final]", commands["finish-widget"])
        self.assertNotIn("--mode", commands["ping"])
        self.assertNotIn("update", out)

    def test_a_mode_restricted_to_one_value_is_its_default(self):
        # An invalid body shows the tool got as far as validating it (exit 1).
        for extra in ([], ["--mode", "final"], ["--mode=final"]):
            with self.subTest(extra=extra):
                code, out, err = self.run_cli(["finish-widget", "--factory", "f", "--widget-id", "w"] + extra,
                                              '{"echo": 5}', **CREDENTIALS)
                self.assertEqual(code, EXIT_INVALID, err)
                self.assertIn("/echo: ", err)
                self.assertEqual(out, "")

    def test_a_mode_the_operation_does_not_take_is_a_usage_error(self):
        for mode in ("draft", "review", "bogus"):
            with self.subTest(mode=mode):
                code, _, err = self.run_cli(["finish-widget", "--factory", "f", "--widget-id", "w", "--mode", mode],
                                            "{}", **CREDENTIALS)
                self.assertEqual(code, EXIT_USAGE)
                self.assertIn("accepts final", err)
                code, _, err = self.run_cli(["validate", "finish-widget", "--mode", mode], "{}")
                self.assertEqual(code, EXIT_USAGE, err)
        code, _, _ = self.run_cli(["validate", "finish-widget", "--mode", "final"], "{}")
        self.assertEqual(code, EXIT_VALID)
        # Without --mode, validate takes the only mode too: no rule was skipped.
        code, _, err = self.run_cli(["validate", "finish-widget"], "{}")
        self.assertEqual(code, EXIT_VALID)
        self.assertNotIn("no --mode given", err)
        code, _, err = self.run_cli(["validate", "paint-widget"], "{}")
        self.assertIn("no --mode given", err)

    def test_every_path_parameter_is_a_required_option(self):
        code, _, err = self.run_cli(["paint-widget", "--factory", "f", "--mode", "draft"], "{}", **CREDENTIALS)
        self.assertEqual(code, EXIT_USAGE)
        self.assertIn("--widget-id is required", err)
        code, _, err = self.run_cli(["create-widget", "--factory", "f"], "{}", **CREDENTIALS)
        self.assertEqual(code, EXIT_USAGE)
        self.assertIn("--mode is required (draft, review, final)", err)

    def test_an_operation_without_parameters_or_mode(self):
        code, _, err = self.run_cli(["ping", "--mode", "draft"], "{}", **CREDENTIALS)
        self.assertEqual(code, EXIT_USAGE)
        self.assertIn("unknown option", err)
        code, _, err = self.run_cli(["ping"], '{"echo": 5}', **CREDENTIALS)
        self.assertEqual(code, EXIT_INVALID, err)
        code, _, err = self.run_cli(["validate", "ping"], '{"echo": "hi"}')
        self.assertEqual(code, EXIT_VALID, err)
        self.assertNotIn("--mode", err)  # no note: ping has no mode rules to skip
        code, _, err = self.run_cli(["validate", "ping", "--mode", "draft"], "{}")
        self.assertEqual(code, EXIT_USAGE, err)


if __name__ == "__main__":
    unittest.main()


NO_BODY_BIN = os.environ.get("ACR_NO_BODY_BIN")


@unittest.skipUnless(NO_BODY_BIN, "ACR_NO_BODY_BIN is not set")
class NoBodyOperationTest(unittest.TestCase):
    """An operation without a request body (tests/cli/no_body_ops.c): no FILE."""

    def run_cli(self, args, stdin=""):
        env = {k: v for k, v in os.environ.items() if not k.startswith("AGORA_")}
        env.update(CREDENTIALS)
        proc = subprocess.run([NO_BODY_BIN] + args, input=stdin.encode(), stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, env=env, timeout=TIMEOUT)
        return proc.returncode, proc.stdout.decode(), proc.stderr.decode()

    def test_usage_shows_no_file(self):
        code, out, _ = self.run_cli(["--help"])
        self.assertEqual(code, EXIT_VALID)
        line = next(line for line in out.splitlines() if line.startswith("  describe-thing"))
        self.assertTrue(line.endswith("--appid APPID --resource-id RESOURCE_ID [options]"), line)
        code, out, _ = self.run_cli(["describe-thing", "--help"])
        self.assertEqual(code, EXIT_VALID)
        self.assertIn("takes no request body", out)

    def test_a_file_argument_is_a_usage_error(self):
        for arg in ("body.json", "-"):
            with self.subTest(arg=arg):
                code, out, err = self.run_cli(["describe-thing", "--appid", "a", "--resource-id", "r", arg])
                self.assertEqual(code, EXIT_USAGE)
                self.assertIn("takes no request body", err)
                self.assertEqual(out, "")

    def test_validate_refuses_it(self):
        code, _, err = self.run_cli(["validate", "describe-thing"], "{}")
        self.assertEqual(code, EXIT_USAGE)
        self.assertIn("takes no request body", err)
