"""`acrgen compare OTHER.json`: the differences between two OpenAPI documents, on small
invented documents (never the vendor's), through compare() and the command line."""
import copy
import json
import os
import shutil
import tempfile
import unittest

from codegen_support import SCHEMA, run_acrgen

from acrgen.compare import compare

OP = "POST /v1/apps/{appid}/things/{thingId}/make"


def base() -> dict:
    """A small OpenAPI 3.1 document: one POST with path parameters, a body and a 200."""
    return {
        "openapi": "3.1.0",
        "info": {"title": "things", "version": "1"},
        "paths": {
            "/v1/apps/{appid}/things/{thingId}/make": {
                "post": {
                    "operationId": "make",
                    "parameters": [
                        {"$ref": "#/components/parameters/AppId"},
                        {"name": "thingId", "in": "path", "required": True,
                         "schema": {"type": "string", "minLength": 1}},
                    ],
                    "requestBody": {"required": True, "content": {"application/json": {
                        "schema": {"$ref": "#/components/schemas/MakeRequest"}}}},
                    "responses": {
                        "200": {"description": "ok", "content": {"application/json": {
                            "schema": {"$ref": "#/components/schemas/MakeResponse"}}}},
                        "400": {"description": "bad"},
                    },
                },
            },
        },
        "components": {
            "parameters": {
                "AppId": {"name": "appid", "in": "path", "required": True,
                          "schema": {"type": "string"}},
            },
            "schemas": {
                "MakeRequest": {
                    "type": "object",
                    "required": ["name", "config"],
                    "properties": {
                        "name": {"type": "string", "maxLength": 64, "pattern": "^[a-z]+$"},
                        "config": {"$ref": "#/components/schemas/Config"},
                    },
                },
                "Config": {
                    "type": "object",
                    "properties": {
                        "size": {"type": "integer", "minimum": 1, "maximum": 720, "default": 72},
                        "color": {"type": "string", "enum": ["red", "green"]},
                        "ratio": {"type": ["number", "null"], "minimum": 0, "maximum": 1},
                        "tags": {"type": "array", "maxItems": 4,
                                 "items": {"type": "string", "enum": ["a", "b"]}},
                    },
                },
                "MakeResponse": {
                    "type": "object",
                    "properties": {"id": {"type": "string"},
                                   "status": {"type": "integer", "enum": [0, 1, 2]}},
                },
            },
        },
    }


def schemas(doc):
    return doc["components"]["schemas"]


class CompareTest(unittest.TestCase):
    def assertDiff(self, theirs, expected, ours=None):
        self.assertEqual(compare(ours or base(), theirs), expected)

    def test_equal(self):
        self.assertEqual(compare(base(), base()), [])

    def test_added_operation(self):
        theirs = base()
        theirs["paths"]["/v1/apps/{appid}/things/{thingId}/query"] = {
            "get": {"parameters": [], "responses": {"200": {"description": "ok"}}}}
        self.assertDiff(theirs, [
            "GET /v1/apps/{appid}/things/{thingId}/query: operation: ours absent, theirs present"])
        self.assertDiff(base(), [
            "GET /v1/apps/{appid}/things/{thingId}/query: operation: ours present, theirs absent"],
            ours=theirs)

    def test_removed_property(self):
        theirs = base()
        del schemas(theirs)["Config"]["properties"]["color"]
        self.assertDiff(theirs, [
            f"{OP} request /config/color: property: ours present (string), theirs absent"])

    def test_added_property_in_the_response(self):
        theirs = base()
        schemas(theirs)["MakeResponse"]["properties"]["eta"] = {"type": "number"}
        self.assertDiff(theirs, [
            f"{OP} response /eta: property: ours absent, theirs present (number)"])

    def test_changed_type(self):
        theirs = base()
        schemas(theirs)["Config"]["properties"]["size"]["type"] = "number"
        self.assertDiff(theirs, [f"{OP} request /config/size: type: ours integer, theirs number"])

    def test_enum_value_added_and_removed(self):
        theirs = base()
        schemas(theirs)["Config"]["properties"]["color"]["enum"] = ["red", "blue"]
        schemas(theirs)["MakeResponse"]["properties"]["status"]["enum"] = [0, 1, 2, 20]
        self.assertDiff(theirs, [
            f'{OP} request /config/color: enum value "green": ours present, theirs absent',
            f'{OP} request /config/color: enum value "blue": ours absent, theirs present',
            f"{OP} response /status: enum value 20: ours absent, theirs present"])

    def test_enum_of_array_items(self):
        theirs = base()
        schemas(theirs)["Config"]["properties"]["tags"]["items"]["enum"].append("c")
        self.assertDiff(theirs, [
            f'{OP} request /config/tags/[]: enum value "c": ours absent, theirs present'])

    def test_bound_changed(self):
        theirs = base()
        props = schemas(theirs)["Config"]["properties"]
        props["size"]["maximum"] = 168
        props["tags"]["maxItems"] = 8
        del props["size"]["minimum"]
        schemas(theirs)["MakeRequest"]["properties"]["name"]["pattern"] = "^[a-z0-9]+$"
        schemas(theirs)["MakeRequest"]["properties"]["name"]["minLength"] = 1
        self.assertDiff(theirs, [
            f'{OP} request /config/size: minimum: ours 1, theirs absent',
            f"{OP} request /config/size: maximum: ours 720, theirs 168",
            f"{OP} request /config/tags: maxItems: ours 4, theirs 8",
            f"{OP} request /name: minLength: ours absent, theirs 1",
            f'{OP} request /name: pattern: ours "^[a-z]+$", theirs "^[a-z0-9]+$"'])

    def test_default_changed(self):
        theirs = base()
        schemas(theirs)["Config"]["properties"]["size"]["default"] = 24
        self.assertDiff(theirs, [f"{OP} request /config/size: default: ours 72, theirs 24"])

    def test_required_changed(self):
        theirs = base()
        schemas(theirs)["MakeRequest"]["required"] = ["name"]
        schemas(theirs)["Config"]["required"] = ["size"]
        theirs["paths"]["/v1/apps/{appid}/things/{thingId}/make"]["post"]["requestBody"][
            "required"] = False
        self.assertDiff(theirs, [
            f"{OP} request: required: ours yes, theirs no",
            f"{OP} request /config: required: ours yes, theirs no",
            f"{OP} request /config/size: required: ours no, theirs yes"])

    def test_renamed_path_parameter_matches(self):
        theirs = base()
        item = theirs["paths"].pop("/v1/apps/{appid}/things/{thingId}/make")
        item["post"]["parameters"][1]["name"] = "tid"
        theirs["paths"]["/v1/apps/{appId}/things/{tid}/make"] = item
        theirs["components"]["parameters"]["AppId"]["name"] = "appId"
        self.assertEqual(compare(base(), theirs), [])
        # what the renamed parameter allows is still compared
        item["post"]["parameters"][1]["schema"]["maxLength"] = 10
        self.assertDiff(theirs, [
            f"{OP} parameter {{thingId}}: maxLength: ours absent, theirs 10"])

    def test_single_value_parameter_matches_a_literal_segment(self):
        ours, theirs = base(), base()
        item = ours["paths"].pop("/v1/apps/{appid}/things/{thingId}/make")
        item["post"]["parameters"].append({"name": "mode", "in": "path", "required": True,
                                           "schema": {"type": "string", "enum": ["mix"]}})
        ours["paths"]["/v1/apps/{appid}/things/{thingId}/mode/{mode}/make"] = item
        theirs["paths"]["/v1/apps/{appid}/things/{thingId}/mode/mix/make"] = theirs["paths"].pop(
            "/v1/apps/{appid}/things/{thingId}/make")
        self.assertEqual(compare(ours, theirs), [])

    def test_path_parameter_enum_and_query_parameter(self):
        ours, theirs = base(), base()
        for doc, values in ((ours, ["individual", "mix"]), (theirs, ["individual", "mix", "web"])):
            doc["components"]["parameters"]["AppId"]["schema"]["enum"] = values
        theirs["paths"]["/v1/apps/{appid}/things/{thingId}/make"]["post"]["parameters"].append(
            {"name": "verbose", "in": "query", "schema": {"type": "boolean"}})
        self.assertDiff(theirs, [
            f'{OP} parameter {{appid}}: enum value "web": ours absent, theirs present',
            f"{OP} parameter query verbose: parameter: ours absent, theirs present"], ours=ours)

    def test_refs_allof_and_openapi_30_spellings_are_the_same_schema(self):
        theirs = base()
        theirs["openapi"] = "3.0.3"
        s = schemas(theirs)
        # inline instead of $ref, and allOf composing the request
        s["MakeRequest"] = {"allOf": [
            {"type": "object", "required": ["name"],
             "properties": {"name": {"type": "string", "maxLength": 64, "pattern": "^[a-z]+$"}}},
            {"required": ["config"], "properties": {"config": copy.deepcopy(s["Config"])}},
            {"if": {"required": ["name"]}, "then": {"required": ["config"]}},
        ]}
        s["Config"]["properties"]["ratio"] = {"type": "number", "nullable": True,
                                              "minimum": 0, "maximum": 1}
        s["MakeRequest"]["allOf"][1]["properties"]["config"]["properties"]["ratio"] = \
            s["Config"]["properties"]["ratio"]
        self.assertEqual(compare(base(), theirs), [])

    def test_exclusive_bounds_30_and_31(self):
        ours, theirs = base(), base()
        schemas(ours)["Config"]["properties"]["ratio"].update(exclusiveMinimum=0)
        del schemas(ours)["Config"]["properties"]["ratio"]["minimum"]
        schemas(theirs)["Config"]["properties"]["ratio"].update(exclusiveMinimum=True)
        self.assertEqual(compare(ours, theirs), [])

    def test_nullable_difference_is_a_type_difference(self):
        theirs = base()
        schemas(theirs)["Config"]["properties"]["ratio"]["type"] = "number"
        self.assertDiff(theirs, [
            f"{OP} request /config/ratio: type: ours null|number, theirs number"])

    def test_ignore_nullable(self):
        theirs = base()
        schemas(theirs)["Config"]["properties"]["ratio"]["type"] = "number"
        schemas(theirs)["Config"]["properties"]["size"]["type"] = ["number", "null"]
        self.assertEqual(compare(base(), theirs, ignore_nullable=True), [
            f"{OP} request /config/size: type: ours integer, theirs number"])
        result = run_acrgen("compare", "--ignore-nullable", "--schema", _write(self, base()),
                            _write(self, theirs))
        self.assertEqual(result.stdout.splitlines(), [
            f"{OP} request /config/size: type: ours integer, theirs number"])

    def test_one_of_alternatives(self):
        ours, theirs = base(), base()
        schemas(ours)["MakeResponse"]["properties"]["files"] = {"oneOf": [
            {"type": "string"},
            {"type": "array", "items": {"type": "object", "properties": {
                "fileName": {"type": "string"}}}}]}
        schemas(theirs)["MakeResponse"]["properties"]["files"] = {"type": "string"}
        self.assertDiff(theirs, [
            f"{OP} response /files/(array): alternative: ours present, theirs absent"], ours=ours)
        schemas(theirs)["MakeResponse"]["properties"]["files"] = copy.deepcopy(
            schemas(ours)["MakeResponse"]["properties"]["files"])
        schemas(theirs)["MakeResponse"]["properties"]["files"]["oneOf"][1]["items"][
            "properties"]["filename"] = {"type": "string"}
        self.assertDiff(theirs, [
            f"{OP} response /files/(array)/[]/filename: property: ours absent, theirs present (string)"],
            ours=ours)

    def test_request_body_only_on_one_side(self):
        theirs = base()
        del theirs["paths"]["/v1/apps/{appid}/things/{thingId}/make"]["post"]["requestBody"]
        self.assertDiff(theirs, [f"{OP} request: JSON body: ours present, theirs absent"])

    def test_recursive_schemas_end(self):
        ours, theirs = base(), base()
        for doc in (ours, theirs):
            schemas(doc)["Config"]["properties"]["child"] = {"$ref": "#/components/schemas/Config"}
        schemas(theirs)["Config"]["properties"]["size"]["maximum"] = 10
        lines = compare(ours, theirs)
        self.assertEqual(lines, [f"{OP} request /config/size: maximum: ours 720, theirs 10"])

    def test_pointer_escapes(self):
        theirs = base()
        schemas(theirs)["Config"]["properties"]["a/b~c"] = {"type": "string"}
        self.assertDiff(theirs, [
            f"{OP} request /config/a~1b~0c: property: ours absent, theirs present (string)"])


def _write(test, doc) -> str:
    """DOC in a temporary file that lives as long as TEST."""
    handle = tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8")
    with handle:
        json.dump(doc, handle)
    test.addCleanup(os.unlink, handle.name)
    return handle.name


class CompareCommandTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="acrgen-compare-")
        self.addCleanup(shutil.rmtree, self.tmp)

    def write(self, name, doc=None, text=None):
        path = os.path.join(self.tmp, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text if text is not None else json.dumps(doc))
        return path

    def test_equal_exits_0(self):
        ours = self.write("ours.json", base())
        result = run_acrgen("compare", "--schema", ours, self.write("theirs.json", base()))
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("no differences", result.stdout)
        self.assertEqual(result.stderr, "")

    def test_different_exits_1_with_one_line_each(self):
        theirs = base()
        schemas(theirs)["Config"]["properties"]["size"]["maximum"] = 168
        del schemas(theirs)["Config"]["properties"]["color"]
        result = run_acrgen("compare", "--schema", self.write("ours.json", base()),
                            self.write("theirs.json", theirs))
        self.assertEqual(result.returncode, 1, result.stderr)
        self.assertEqual(result.stdout.splitlines(), [
            f"{OP} request /config/color: property: ours present (string), theirs absent",
            f"{OP} request /config/size: maximum: ours 720, theirs 168"])
        self.assertIn("2 differences", result.stderr)

    def test_unreadable_input_exits_2(self):
        ours = self.write("ours.json", base())
        dangling = base()
        schemas(dangling)["MakeRequest"]["properties"]["config"]["$ref"] = "#/components/schemas/Nope"
        cases = {
            "missing": os.path.join(self.tmp, "missing.json"),
            "not json": self.write("bad.json", text="{\"openapi\": "),
            "no paths": self.write("nopaths.json", {"openapi": "3.1.0"}),
            "array": self.write("array.json", []),
            "dangling ref": self.write("dangling.json", dangling),
            "remote ref": self.write("remote.json", {"paths": {"/x": {"$ref": "other.json#/x"}}}),
        }
        for name, path in cases.items():
            with self.subTest(case=name):
                result = run_acrgen("compare", "--schema", ours, path)
                self.assertEqual(result.returncode, 2, result.stdout + result.stderr)
                self.assertIn("acrgen compare: ", result.stderr)
                self.assertEqual(result.stdout, "")
        result = run_acrgen("compare", "--schema", cases["not json"], ours)
        self.assertEqual(result.returncode, 2)
        self.assertIn("bad.json:1:", result.stderr)

    def test_the_shipped_schema_equals_itself(self):
        result = run_acrgen("compare", SCHEMA)  # --schema defaults to it
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)


if __name__ == "__main__":
    unittest.main()
