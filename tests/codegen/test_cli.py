"""The generator's command line (`python3 -m acrgen`), run in subprocesses as a
maintainer or the build runs it: lint output and exit codes, the staleness check,
and byte-for-byte determinism of `generate`."""
import json
import os
import re
import shutil
import tempfile
import unittest

from codegen_support import SCHEMA, WIDGETS_SCHEMA, real_schema, run_acrgen


class TempDirTestCase(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="acrgen-test-")
        self.addCleanup(shutil.rmtree, self.tmp)

    def write_schema(self, doc, name="broken.json"):
        path = os.path.join(self.tmp, name)
        with open(path, "w", encoding="utf-8") as f:
            json.dump(doc, f, indent=1)
        return path

    @staticmethod
    def read_dir(path):
        files = {}
        for name in sorted(os.listdir(path)):
            with open(os.path.join(path, name), "rb") as f:
                files[name] = f.read()
        return files


class LintCommandTest(TempDirTestCase):
    def test_clean_schema_exits_0(self):
        result = run_acrgen("lint", "--schema", SCHEMA)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("no problems", result.stdout)
        self.assertEqual(result.stderr, "")

    def test_problems_are_printed_as_file_pointer_message(self):
        doc = real_schema()
        s = doc["components"]["schemas"]
        s["StorageConfig"]["properties"]["bucket"]["format"] = "hostname"
        s["UpdateRequest"]["properties"]["uid"]["$ref"] = "#/components/schemas/Gone"
        s["StorageConfig"]["properties"]["bucket"]["pattern"] = "^a.b$"
        path = self.write_schema(doc)
        result = run_acrgen("lint", "--schema", path)
        self.assertEqual(result.returncode, 1)
        lines = result.stderr.splitlines()
        self.assertEqual(lines[-1], f"3 problems in {path}")
        pointers = []
        for line in lines[:-1]:
            match = re.fullmatch(re.escape(path) + r"#(/[^:]*): (.+)", line)
            self.assertIsNotNone(match, f"not FILE#POINTER: message: {line!r}")
            pointers.append(match.group(1))
        self.assertEqual(sorted(pointers), sorted([
            "/components/schemas/StorageConfig/properties/bucket/format",
            "/components/schemas/UpdateRequest/properties/uid/$ref",
            "/components/schemas/StorageConfig/properties/bucket/pattern",
        ]))

    def test_single_problem_summary_is_singular(self):
        doc = real_schema()
        doc["components"]["schemas"]["Uid"]["format"] = "uint32"
        path = self.write_schema(doc)
        result = run_acrgen("lint", "--schema", path)
        self.assertEqual(result.returncode, 1)
        self.assertEqual(result.stderr.splitlines(),
                         [f"{path}#/components/schemas/Uid/format: unsupported keyword 'format' in a string schema",
                          f"1 problem in {path}"])

    def test_malformed_json_gives_line_and_column(self):
        path = os.path.join(self.tmp, "bad.json")
        with open(path, "w", encoding="utf-8") as f:
            f.write('{\n  "openapi": "3.1.0",\n  "info": }\n')
        result = run_acrgen("lint", "--schema", path)
        self.assertEqual(result.returncode, 1)
        self.assertIn(f"{path}:3:11: not valid JSON", result.stderr)

    def test_missing_file_exits_2(self):
        result = run_acrgen("lint", "--schema", os.path.join(self.tmp, "absent.json"))
        self.assertEqual(result.returncode, 2)
        self.assertIn("absent.json", result.stderr)


class CheckCommandTest(TempDirTestCase):
    def setUp(self):
        # A fresh output of its own, so these tests do not depend on whether
        # generated/ is up to date (codegen.generated_is_fresh checks that).
        super().setUp()
        self.out = os.path.join(self.tmp, "generated")
        result = run_acrgen("generate", "--schema", SCHEMA, "--out", self.out, "--name", "acr_api")
        self.assertEqual(result.returncode, 0, result.stderr)

    def check(self):
        return run_acrgen("check", "--schema", SCHEMA, "--out", self.out, "--name", "acr_api")

    def test_fresh_copy_passes(self):
        result = self.check()
        self.assertEqual(result.returncode, 0, result.stderr)

    def test_one_changed_byte_fails(self):
        path = os.path.join(self.out, "acr_api.c")
        with open(path, "rb") as f:
            data = bytearray(f.read())
        middle = len(data) // 2
        data[middle] = ord("x") if data[middle] != ord("x") else ord("y")
        with open(path, "wb") as f:
            f.write(data)
        result = self.check()
        self.assertEqual(result.returncode, 1)
        self.assertIn("acr_api.c", result.stderr)
        self.assertNotIn("acr_api.h", result.stderr)
        # check only reads: the stale file is left as it was.
        with open(path, "rb") as f:
            self.assertEqual(f.read(), bytes(data))

    def test_missing_file_fails(self):
        os.remove(os.path.join(self.out, "acr_api.h"))
        result = self.check()
        self.assertEqual(result.returncode, 1)
        self.assertIn("acr_api.h", result.stderr)

    def test_check_with_a_broken_schema_fails(self):
        doc = real_schema()
        doc["components"]["schemas"]["Uid"]["format"] = "uint32"
        result = run_acrgen("check", "--schema", self.write_schema(doc), "--out", self.out, "--name", "acr_api")
        self.assertEqual(result.returncode, 1)
        self.assertIn("#/components/schemas/Uid/format: ", result.stderr)


class GenerateCommandTest(TempDirTestCase):
    def generate(self, out, schema=SCHEMA, seed="0"):
        return run_acrgen("generate", "--schema", schema, "--out", out, "--name", "acr_api",
                          env={"PYTHONHASHSEED": seed})

    def test_deterministic_across_runs_and_hash_seeds(self):
        # Set iteration order depends on the hash seed: output must not.
        for schema in (SCHEMA, WIDGETS_SCHEMA):
            outputs = []
            for seed in ("1", "2", "12345"):
                out = os.path.join(self.tmp, os.path.basename(schema) + "-" + seed)
                result = self.generate(out, schema=schema, seed=seed)
                self.assertEqual(result.returncode, 0, result.stderr)
                outputs.append(self.read_dir(out))
            self.assertEqual(sorted(outputs[0]), ["acr.1", "acr.bash", "acr_api.c", "acr_api.h"])
            self.assertEqual(outputs[0], outputs[1], schema)
            self.assertEqual(outputs[0], outputs[2], schema)

    def test_unchanged_files_are_not_rewritten(self):
        # Builds depending on the files stay quiet after a no-op regeneration.
        out = os.path.join(self.tmp, "out")
        self.assertEqual(self.generate(out).returncode, 0)
        header = os.path.join(out, "acr_api.h")
        os.utime(header, (1_000_000_000, 1_000_000_000))
        self.assertEqual(self.generate(out).returncode, 0)
        self.assertEqual(os.stat(header).st_mtime, 1_000_000_000)

    def test_broken_schema_writes_nothing(self):
        doc = real_schema()
        doc["components"]["schemas"]["UpdateRequest"]["anyOf"] = []
        out = os.path.join(self.tmp, "out")
        result = self.generate(out, schema=self.write_schema(doc))
        self.assertEqual(result.returncode, 1)
        self.assertIn("#/components/schemas/UpdateRequest/anyOf: ", result.stderr)
        self.assertFalse(os.path.exists(out))

    def test_files_name_their_schema_without_machine_paths(self):
        out = os.path.join(self.tmp, "out")
        self.assertEqual(self.generate(out).returncode, 0)
        for name, data in self.read_dir(out).items():
            text = data.decode("utf-8")
            self.assertIn("Generated from schema/cloud_recording.json", text, name)
            self.assertNotIn(self.tmp, text, name)


if __name__ == "__main__":
    unittest.main()
