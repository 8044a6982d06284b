"""Generated C names share one namespace with the runtime headers and with each
other: a clash would not compile, so the lint reports it (or, for enums named
after a property, the generator qualifies the name with the owning type)."""
import glob
import os
import re
import unittest

from acrgen.model import RUNTIME_NAMES
from codegen_support import SOURCE_DIR, lint, model, real_schema

SCHEMAS = "/components/schemas"


def declared_runtime_names():
    """Every acr_/ACR_ identifier in the code (not the comments) of the public headers."""
    names = set()
    for path in glob.glob(os.path.join(SOURCE_DIR, "runtime", "include", "acr", "*.h")):
        with open(path, encoding="utf-8") as f:
            code = re.sub(r"/\*.*?\*/|//[^\n]*", " ", f.read(), flags=re.S)
        found = set(re.findall(r"\b(?:acr|ACR)_[A-Za-z0-9_]+\b", code))
        if os.path.basename(path) == "files.h":
            # It reads the shipped schema's response types (acr_stop_response, ...):
            # those are the generated API's names; its own all start with acr_file.
            found = {n for n in found if re.match(r"(acr|ACR)_FILES?(_|$)", n, re.I)}
        names.update(found)
    return names


class RuntimeNamesTest(unittest.TestCase):
    def test_list_covers_every_runtime_header_name(self):
        missing = sorted(declared_runtime_names() - RUNTIME_NAMES)
        self.assertEqual(missing, [], "add these to RUNTIME_NAMES in codegen/acrgen/model.py")

    def test_names_of_the_shipped_schema_are_unchanged(self):
        # Avoiding clashes must not rename anything the shipped API already has.
        m = model()
        self.assertEqual([e.c_name for e in m.enums], ["acr_sse", "acr_service_name", "acr_uploading_status",
                                                       "acr_state", "acr_file_list_mode", "acr_track_type"])


class EnumNamingTest(unittest.TestCase):
    def add_response_enum(self, doc, prop, values):
        doc["components"]["schemas"]["StopResponse"]["properties"][prop] = {"type": "string", "enum": values}

    def test_enum_named_like_a_runtime_type_is_qualified(self):
        # A property "status" would otherwise redefine acr_status (acr/error.h).
        doc = real_schema()
        self.add_response_enum(doc, "status", ["ok", "failed"])
        self.add_response_enum(doc, "kind", ["a", "b"])
        names = {e.values[0]: e for e in model(doc).enums}
        self.assertEqual(names["ok"].c_name, "acr_stop_response_status")
        self.assertEqual(names["ok"].constants, ["ACR_STOP_RESPONSE_STATUS_OK", "ACR_STOP_RESPONSE_STATUS_FAILED"])
        self.assertEqual(names["a"].c_name, "acr_stop_response_kind")

    def test_enum_named_like_a_component_is_qualified(self):
        doc = real_schema()
        self.add_response_enum(doc, "fileEntry", ["x", "y"])  # acr_file_entry is a struct
        names = {e.values[0]: e.c_name for e in model(doc).enums}
        self.assertEqual(names["x"], "acr_stop_response_file_entry")

    def test_value_other_clashes_with_the_sentinel(self):
        doc = real_schema()
        self.add_response_enum(doc, "flavor", ["plain", "other"])
        problems = lint(doc)
        self.assertEqual([p for p, _ in problems], [f"{SCHEMAS}/StopResponse/properties/flavor/enum"])
        self.assertIn("ACR_FLAVOR_OTHER", problems[0][1])

    def test_values_mapping_to_one_constant(self):
        doc = real_schema()
        self.add_response_enum(doc, "flavor", ["a-b", "a_b"])
        problems = lint(doc)
        self.assertEqual([p for p, _ in problems], [f"{SCHEMAS}/StopResponse/properties/flavor/enum"])
        self.assertIn("ACR_FLAVOR_A_B", problems[0][1])


class NameClashTest(unittest.TestCase):
    def test_component_named_like_a_runtime_type(self):
        doc = real_schema()
        s = doc["components"]["schemas"]
        s["StopResponse"]["properties"]["detail"] = {"$ref": "#/components/schemas/Error"}
        s["Error"] = {"type": "object", "properties": {"text": {"type": "string"}}}
        problems = lint(doc)
        self.assertEqual([p for p, _ in problems], [f"{SCHEMAS}/Error"])
        self.assertIn("acr_error, which the runtime (acr/*.h) declares", problems[0][1])

    def test_two_components_with_one_c_name(self):
        doc = real_schema()
        s = doc["components"]["schemas"]
        s["File_Entry"] = {"type": "object", "properties": {"x": {"type": "string"}}}
        s["StopResponse"]["properties"]["other"] = {"$ref": "#/components/schemas/File_Entry"}
        problems = lint(doc)
        self.assertEqual([p for p, _ in problems], [f"{SCHEMAS}/File_Entry"])
        self.assertIn("component 'FileEntry'", problems[0][1])

    def test_operation_named_like_a_runtime_function(self):
        doc = real_schema()
        path = next(p for p in doc["paths"] if p.endswith("/stop"))
        doc["paths"][path]["post"]["operationId"] = "call"
        pointer = "/paths/" + path.replace("/", "~1") + "/post/operationId"
        self.assertEqual([p for p, _ in lint(doc)], [pointer])

    def test_operation_named_like_a_component(self):
        # operationId stopRequest would make a function acr_stop_request, the
        # name of the StopRequest struct.
        doc = real_schema()
        path = next(p for p in doc["paths"] if p.endswith("/stop"))
        doc["paths"][path]["post"]["operationId"] = "stopRequest"
        pointer = "/paths/" + path.replace("/", "~1") + "/post/operationId"
        problems = lint(doc)
        self.assertEqual([p for p, _ in problems], [pointer])
        self.assertIn("component 'StopRequest'", problems[0][1])

    def test_integer_constant_named_like_a_runtime_constant(self):
        doc = real_schema()
        doc["components"]["schemas"]["StorageConfig"]["properties"]["kind"] = {
            "type": "integer", "enum": [1], "x-enum-varnames": ["STRING"]}
        problems = lint(doc)
        self.assertEqual([p for p, _ in problems],
                         [f"{SCHEMAS}/StorageConfig/properties/kind/x-enum-varnames"])
        self.assertIn("ACR_KIND_STRING", problems[0][1])

    def test_modes_mapping_to_one_constant(self):
        doc = real_schema()
        doc["components"]["parameters"]["Mode"]["schema"]["enum"] = ["individual", "mix", "web", "MIX"]
        self.assertIn("/components/parameters/Mode/schema/enum", [p for p, _ in lint(doc)])


if __name__ == "__main__":
    unittest.main()
