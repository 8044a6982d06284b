"""Shared helpers for the end-to-end tests of the `acr` command-line tool.

The binary comes from ACR_BIN (default /work/main/build/bin/acr) and the source
tree from ACR_SOURCE_DIR (default /work/main); ctest sets both. Standard library
only, so the tests run with any python3.
"""
import json
import os
import re
import shutil
import subprocess
import tempfile
import unittest

ACR_BIN = os.environ.get("ACR_BIN", "/work/main/build/bin/acr")
SOURCE_DIR = os.environ.get("ACR_SOURCE_DIR", "/work/main")
SCHEMA_PATH = os.path.join(SOURCE_DIR, "schema", "cloud_recording.json")

MODES = ("individual", "mix", "web")

# A guard against a hang, not a timing test (timing belongs in benchmarks).
TIMEOUT = 120

EXIT_VALID, EXIT_INVALID, EXIT_USAGE = 0, 1, 2

POSITION_RE = re.compile(r"line (\d+), column (\d+)")


# ACR_CAPTURE_DIR (ctest sets it): every validate/update/stop call's argv and body
# are recorded there for conformance.ajv, which compares ajv's verdicts with acr's
# on them (tests/conformance/README.md). Emptied once per test process.
CAPTURE_DIR = os.environ.get("ACR_CAPTURE_DIR")
if CAPTURE_DIR:
    shutil.rmtree(CAPTURE_DIR, ignore_errors=True)
    os.makedirs(CAPTURE_DIR)
_VALUE_OPTIONS = {"--mode", "--format", "--appid", "--resource-id", "--sid", "--base-url",
                  "--timeout", "--retries"}


def record_call(argv, stdin):
    """Records one call in CAPTURE_DIR as N.args (NUL-separated argv) and N.body:
    the FILE operand's content, or standard input."""
    if not CAPTURE_DIR or not argv or argv[0] not in ["validate"] + body_commands():
        return
    body, skip = stdin, False
    for i, arg in enumerate(argv[1:], start=1):
        if skip:
            skip = False
        elif arg in _VALUE_OPTIONS:
            skip = True
        elif arg == "-":
            body = stdin
        elif not arg.startswith("-") and not (argv[0] == "validate" and i == 1):
            try:
                with open(arg, "rb") as f:
                    body = f.read()
            except OSError:
                return
    fd, path = tempfile.mkstemp(dir=CAPTURE_DIR, prefix="call.")
    os.close(fd)
    with open(path + ".args", "wb") as f:
        f.write(b"".join(a.encode("utf-8", "surrogateescape") + b"\0" for a in argv))
    with open(path + ".body", "wb") as f:
        f.write(body)
    os.remove(path)


class Result(object):
    """What one run of acr gave: exit code, raw and decoded output."""

    def __init__(self, argv, proc):
        self.argv = argv
        self.code = proc.returncode
        self.out_bytes = proc.stdout
        self.err_bytes = proc.stderr
        self.out = proc.stdout.decode("utf-8", "replace")
        self.err = proc.stderr.decode("utf-8", "replace")

    def describe(self):
        return "acr {} -> exit {}\n--- stdout:\n{}\n--- stderr:\n{}".format(
            " ".join(self.argv), self.code, self.out[:2000], self.err[:2000])


def run_acr(args, stdin=b""):
    """Runs acr with `args`; `stdin` is bytes or str (str is UTF-8 encoded)."""
    if isinstance(stdin, str):
        stdin = stdin.encode("utf-8")
    argv = [str(a) for a in args]
    record_call(argv, stdin)
    proc = subprocess.run([ACR_BIN] + argv, input=stdin, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, timeout=TIMEOUT)
    return Result(argv, proc)


def to_json(body):
    """A request body as JSON text; str bodies are taken as already written."""
    return body if isinstance(body, (str, bytes)) else json.dumps(body)


def load_schema():
    with open(SCHEMA_PATH, encoding="utf-8") as f:
        return json.load(f)


HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def kebab(name):
    """operationId -> subcommand: updateLayout -> update-layout (as the generator does)."""
    s = re.sub(r"([a-z0-9])([A-Z])", r"\1-\2", name)
    s = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1-\2", s)
    return re.sub(r"[^A-Za-z0-9]+", "-", s).strip("-").lower()


def schema_operations(schema=None):
    """Every operation of the schema, in schema order: (subcommand, operation object)."""
    schema = load_schema() if schema is None else schema
    return [(kebab(op["operationId"]), op)
            for item in schema["paths"].values()
            for method, op in item.items() if method in HTTP_METHODS]


def body_commands():
    """The subcommands that take a request body (and acr validate takes)."""
    return [name for name, op in schema_operations() if "requestBody" in op]


def request_examples():
    """Every request example of the schema: (document, name, mode, value), where
    document is the subcommand of its operation ("update", "update-layout")."""
    found = []
    for document, op in schema_operations():
        if "requestBody" not in op:
            continue
        examples = op["requestBody"]["content"]["application/json"].get("examples", {})
        for name, example in sorted(examples.items()):
            found.append((document, name, example.get("x-acr-mode"), example["value"]))
    return found


# --- request bodies -------------------------------------------------------

def update_body(client_request=None, **top):
    body = {"cname": "httpClient463224", "uid": "527841",
            "clientRequest": {} if client_request is None else client_request}
    body.update(top)
    return body


def stop_body(async_stop=True):
    return {"cname": "httpClient463224", "uid": "527841",
            "clientRequest": {"async_stop": async_stop}}


def storage_config(**changes):
    """A valid Amazon S3 storageConfig; keyword arguments replace or add keys
    (a value of REMOVE drops the key)."""
    config = {"vendor": 1, "region": 0, "bucket": "my-recordings",
              "accessKey": "exampleAccessKey", "secretKey": "exampleSecretKey"}
    for key, value in changes.items():
        if value is REMOVE:
            config.pop(key, None)
        else:
            config[key] = value
    return config


REMOVE = object()


def with_storage(**changes):
    return update_body({"storageConfig": storage_config(**changes)})


def uids(count, first=1):
    return [str(first + i) for i in range(count)]


# --- the test case base -----------------------------------------------------

class AcrTestCase(unittest.TestCase):
    maxDiff = None

    @classmethod
    def setUpClass(cls):
        if not (os.path.isfile(ACR_BIN) and os.access(ACR_BIN, os.X_OK)):
            raise RuntimeError("acr binary not found at {} (set ACR_BIN)".format(ACR_BIN))

    def tmpdir(self):
        path = tempfile.mkdtemp(prefix="acr-cli-test-")
        self.addCleanup(shutil.rmtree, path, True)
        return path

    def write_file(self, name, content):
        """Writes `content` (bytes or str) to a fresh temporary file; returns its path."""
        path = os.path.join(self.tmpdir(), name)
        with open(path, "wb") as f:
            f.write(content.encode("utf-8") if isinstance(content, str) else content)
        return path

    def validate(self, document, body, *options):
        """Runs `acr validate DOCUMENT OPTIONS...` with `body` on standard input."""
        return run_acr(["validate", document] + list(options), stdin=to_json(body))

    def assertExit(self, result, code):
        self.assertEqual(result.code, code, result.describe())

    def assertValid(self, result):
        """Exit 0 and nothing on stdout (text), or exactly [] (json)."""
        self.assertExit(result, EXIT_VALID)
        if "--format" in result.argv or "--format=json" in result.argv:
            self.assertEqual(json.loads(result.out), [], result.describe())
        else:
            self.assertEqual(result.out, "", result.describe())

    def assertUsageError(self, result):
        """Exit 2, a message on stderr, nothing on stdout."""
        self.assertExit(result, EXIT_USAGE)
        self.assertEqual(result.out, "", result.describe())
        self.assertNotEqual(result.err.strip(), "", result.describe())

    def assertNotChecked(self, result, kind=None):
        """Exit 2 for input that could not be checked (unreadable, malformed): a
        message on stderr; stdout empty in text format, and in json format one
        document whose entries all say why (kind: "malformed" or "unreadable")."""
        self.assertExit(result, EXIT_USAGE)
        self.assertNotEqual(result.err.strip(), "", result.describe())
        if "json" not in result.argv and "--format=json" not in result.argv:
            self.assertEqual(result.out, "", result.describe())
            return None
        report = json.loads(result.out)
        self.assertIsInstance(report, list, result.describe())
        self.assertTrue(report, result.describe())
        for entry in report:
            self.assertIn(entry.get("error"), ("malformed", "unreadable"), result.describe())
            if kind:
                self.assertEqual(entry["error"], kind, result.describe())
        return report

    def text_violations(self, result):
        """The (pointer, message) pairs of a text report; checks the line shape."""
        self.assertTrue(result.out.endswith("\n"), result.describe())
        pairs = []
        for line in result.out[:-1].split("\n"):
            self.assertIn(": ", line, "not 'POINTER: message': {!r}\n{}".format(
                line, result.describe()))
            pointer, message = line.split(": ", 1)
            self.assertTrue(pointer == "" or pointer.startswith("/"),
                            "not a JSON pointer: {!r}".format(line))
            self.assertNotEqual(message.strip(), "", "empty message: {!r}".format(line))
            pairs.append((pointer, message))
        return pairs

    def json_violations(self, result):
        """The (pointer, message) pairs of a --format json report; checks the shape."""
        try:
            report = json.loads(result.out_bytes.decode("utf-8"))
        except ValueError as e:
            self.fail("--format json printed something that is not JSON ({}):\n{}".format(
                e, result.describe()))
        self.assertIsInstance(report, list, result.describe())
        pairs = []
        for item in report:
            self.assertIsInstance(item, dict, result.describe())
            self.assertEqual(sorted(item), ["message", "pointer"], result.describe())
            self.assertIsInstance(item["pointer"], str)
            self.assertIsInstance(item["message"], str)
            self.assertNotEqual(item["message"].strip(), "")
            pairs.append((item["pointer"], item["message"]))
        return pairs

    def report(self, document, body, *options):
        """Validates in text and json format; checks both are invalid (exit 1) and
        agree; returns the sorted list of pointers."""
        text = self.validate(document, body, *options)
        self.assertExit(text, EXIT_INVALID)
        js = self.validate(document, body, "--format", "json", *options)
        self.assertExit(js, EXIT_INVALID)
        text_pairs = self.text_violations(text)
        json_pairs = self.json_violations(js)
        self.assertEqual(sorted(p for p, _ in text_pairs), sorted(p for p, _ in json_pairs),
                         "text and json reports name different pointers")
        self.assertEqual(sorted(text_pairs), sorted(json_pairs),
                         "text and json reports differ")
        return sorted(p for p, _ in json_pairs)

    def assertPointers(self, document, body, expected, *options):
        self.assertEqual(self.report(document, body, *options), sorted(expected))

    def position(self, result):
        """(line, column) from a malformed-JSON message on stderr."""
        found = POSITION_RE.findall(result.err)
        self.assertEqual(len(found), 1, "expected one 'line L, column C':\n" + result.describe())
        return int(found[0][0]), int(found[0][1])
