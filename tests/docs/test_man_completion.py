"""generated/acr.1 and generated/acr.bash against the acr tool they describe.

The subcommands and options are read from the built tool (`acr --help`,
`acr SUB --help`), so a page or a completion that drifts from the CLI fails.
Environment: ACR_SOURCE_DIR (the source tree), ACR_BIN (the built acr).
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
import unittest

SOURCE = os.environ.get("ACR_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
MAN = os.path.join(SOURCE, "generated", "acr.1")
COMPLETION = os.path.join(SOURCE, "generated", "acr.bash")
ACR = os.environ.get("ACR_BIN", "")


def run(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(args, capture_output=True, text=True, timeout=60, **kwargs)


def subcommands() -> dict[str, list[str]]:
    """{subcommand: its options} from the built tool's own usage texts."""
    if not ACR:
        raise unittest.SkipTest("ACR_BIN is not set")
    listing = run(ACR, "--help").stdout
    names = re.findall(r"^  ([a-z][a-z0-9-]*) ", listing.split("Commands:", 1)[1], re.M)
    result = {}
    for name in names:
        usage = run(ACR, name, "--help").stdout
        head = usage.split("\n\n", 1)[0]  # the usage line(s) and the options line
        result[name] = sorted(set(re.findall(r"--[a-z][a-z-]*", head)) - {"--help"})
    return result


class ManPageTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if not shutil.which("groff"):
            raise unittest.SkipTest("groff is not installed (Debian: groff-base)")

    def render(self, width: int | None = None) -> subprocess.CompletedProcess:
        args = ["groff", "-man", "-Tutf8", "-ww"] + ([f"-rLL={width}n"] if width else []) + [MAN]
        return run(*args, env={**os.environ, "LC_ALL": "C.UTF-8"})

    @staticmethod
    def plain(out: str) -> str:
        """Without overstrike bold and underline, with ASCII hyphens."""
        return re.sub(r".\x08", "", out).replace("\u2010", "-").replace("\u2212", "-")

    def text(self) -> str:
        return self.plain(self.render().stdout)

    def test_renders_without_warnings(self):
        for width in (None, 60, 100):
            with self.subTest(width=width):
                result = self.render(width)
                self.assertEqual(result.returncode, 0, result.stderr)
                self.assertEqual(result.stderr, "")
                self.assertIn("EXIT STATUS", self.plain(result.stdout))

    def test_man_reads_it(self):
        if not shutil.which("man"):
            self.skipTest("man is not installed")
        result = run("man", "-l", MAN, env={**os.environ, "MANPAGER": "cat", "PAGER": "cat", "LC_ALL": "C.UTF-8"})
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("EXIT STATUS", ManPageTest.plain(result.stdout))

    def test_every_subcommand_and_option(self):
        text = self.text()
        sections = re.split(r"^   (?=acr )", text, flags=re.M)
        for name, options in subcommands().items():
            with self.subTest(subcommand=name):
                section = next((s for s in sections if re.match(rf"acr {re.escape(name)}(?![\w-])", s)), None)
                self.assertIsNotNone(section, f"no section for acr {name}")
                if name == "validate":
                    for option in options:
                        self.assertIn(option, section)
                    continue
                common = {"--base-url", "--timeout", "--retries", "--verbose"}
                for option in options:
                    self.assertIn(option, section if option not in common else text)
                synopsis = text.split("SYNOPSIS", 1)[1].split("DESCRIPTION", 1)[0]
                self.assertRegex(synopsis, rf"acr {re.escape(name)}(?![\w-])")

    def test_exit_codes_environment_examples(self):
        text = self.text()
        status = text.split("EXIT STATUS", 1)[1].split("ENVIRONMENT", 1)[0]
        for code in range(7):
            self.assertRegex(status, rf"(?m)^\s+{code}\s+\S")
        environment = text.split("ENVIRONMENT", 1)[1]
        for variable in ("AGORA_CUSTOMER_ID", "AGORA_CUSTOMER_SECRET", "AGORA_BASE_URL"):
            self.assertIn(variable, environment)
        self.assertIn("EXAMPLES", text)

    def test_update_layout_takes_mix_only(self):
        section = re.split(r"^   (?=acr )", self.text(), flags=re.M)
        layout = next(s for s in section if s.startswith("acr update-layout"))
        self.assertIn("--mode mix", layout)
        self.assertNotRegex(layout, r"--mode \S*(individual|web)")


class CompletionTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if not shutil.which("bash"):
            raise unittest.SkipTest("bash is not installed")

    def complete(self, words: list[str], cwd: str | None = None) -> list[str]:
        """COMPREPLY for COMP_WORDS=words with the cursor on the last word."""
        script = ('source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _acr; '
                  'printf "%s\\n" "${COMPREPLY[@]}"')
        result = run("bash", "-c", script, "_", os.path.abspath(COMPLETION), *words, cwd=cwd)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stderr, "")
        return [w for w in result.stdout.split("\n") if w]

    def test_registered(self):
        result = run("bash", "-c", 'source "$1" && complete -p acr', "_", COMPLETION)
        self.assertIn("-F _acr", result.stdout)

    def test_subcommands(self):
        self.assertEqual(sorted(self.complete(["acr", ""])),
                         sorted(list(subcommands()) + ["--help", "--version"]))
        self.assertEqual(self.complete(["acr", "up"]), ["update", "update-layout"])

    def test_options_of_every_subcommand(self):
        for name, options in subcommands().items():
            with self.subTest(subcommand=name):
                offered = self.complete(["acr", name, "--"])
                for option in options:
                    self.assertIn(option, offered)
                self.assertIn("--help", offered)

    def test_mode_values_per_operation(self):
        self.assertEqual(self.complete(["acr", "update", "--mode", ""]), ["individual", "mix", "web"])
        self.assertEqual(self.complete(["acr", "update-layout", "--mode", ""]), ["mix"])
        self.assertEqual(self.complete(["acr", "update", "--mode", "m"]), ["mix"])
        # --mode=VALUE: bash splits the word at "=".
        self.assertEqual(self.complete(["acr", "update-layout", "--mode", "="]), ["mix"])
        self.assertEqual(self.complete(["acr", "stop", "--mode", "=", "w"]), ["web"])
        self.assertEqual(self.complete(["acr", "validate", "update-layout", "--mode", ""]), ["mix"])
        self.assertEqual(self.complete(["acr", "validate", "--mode", ""]), ["individual", "mix", "web"])

    def test_validate(self):
        self.assertEqual(self.complete(["acr", "validate", "--format", ""]), ["text", "json"])
        operations = self.complete(["acr", "validate", ""])
        self.assertIn("update", operations)
        self.assertIn("update-layout", operations)
        self.assertNotIn("query", operations)  # no request body
        self.assertNotIn("ncs-ip", operations)
        self.assertEqual(sorted(self.complete(["acr", "validate", "-"])),
                         ["--format", "--help", "--max-violations", "--mode"])
        self.assertEqual(self.complete(["acr", "validate", "--max-violations", ""]), [])

    def test_file_names(self):
        with tempfile.TemporaryDirectory() as tmp:
            for name in ("body.json", "bodies.txt", "other.json"):
                with open(os.path.join(tmp, name), "w", encoding="utf-8") as f:
                    f.write("{}")
            self.assertEqual(sorted(self.complete(["acr", "update", "--sid", "S", "bod"], cwd=tmp)),
                             ["bodies.txt", "body.json"])
            self.assertEqual(self.complete(["acr", "validate", "update", "oth"], cwd=tmp), ["other.json"])
            # Option values and bodiless operations offer no files.
            self.assertEqual(self.complete(["acr", "update", "--sid", "bod"], cwd=tmp), [])
            self.assertEqual(self.complete(["acr", "query", "bod"], cwd=tmp), [])


class HostileSchemaTest(unittest.TestCase):
    """Texts and mode names full of roff and shell syntax stay inert."""

    def test_hostile_texts(self):
        try:
            from acrgen import emit
            from acrgen.model import build_model
            from test_compile import hostile_schema
        except ImportError as e:  # needs PYTHONPATH=codegen:tests/codegen and jinja2
            self.skipTest(f"the generator cannot be imported: {e}")
        files = emit.render(build_model(hostile_schema(), "hostile_api", "tests/hostile.json"))
        with tempfile.TemporaryDirectory() as tmp:
            for name in ("acr.1", "acr.bash"):
                with open(os.path.join(tmp, name), "w", encoding="utf-8") as f:
                    f.write(files[name])
            if shutil.which("groff"):
                result = run("groff", "-man", "-Tutf8", "-ww", "-z", os.path.join(tmp, "acr.1"))
                self.assertEqual((result.returncode, result.stderr), (0, ""))
            script = ('source "$1"; COMP_WORDS=(acr create-widget --mode ""); COMP_CWORD=3; _acr; '
                      'printf "%s\\n" "${COMPREPLY[@]}"')
            result = run("bash", "-c", script, "_", os.path.join(tmp, "acr.bash"))
            self.assertEqual(result.stderr, "")
            self.assertIn("gold*/", result.stdout.split("\n"))


if __name__ == "__main__":
    unittest.main()
