"""The schema lint: everything the generator cannot honour is reported, with the
JSON pointer of the offending location, and every problem in one run.

Each test breaks a copy of the shipped schema in one known way and checks the
exact pointer, so a lint that reports the wrong place (or nothing) fails.
"""
import unittest

from codegen_support import lint, real_schema, widgets_schema

SCHEMAS = "/components/schemas"
UPDATE_PATH = next(p for p in real_schema()["paths"] if p.endswith("/update"))


def schemas(doc):
    return doc["components"]["schemas"]


class RealSchemaTest(unittest.TestCase):
    def test_shipped_schema_has_no_problems(self):
        self.assertEqual(lint(real_schema()), [])

    def test_second_schema_has_no_problems(self):
        self.assertEqual(lint(widgets_schema()), [])


class DanglingRefTest(unittest.TestCase):
    def test_property_ref_reports_the_ref_pointer(self):
        doc = real_schema()
        schemas(doc)["UpdateRequest"]["properties"]["uid"]["$ref"] = "#/components/schemas/NoSuchUid"
        problems = lint(doc)
        self.assertEqual([p for p, _ in problems], [f"{SCHEMAS}/UpdateRequest/properties/uid/$ref"])
        self.assertIn("NoSuchUid", problems[0][1])
        self.assertIn("dangling", problems[0][1])

    def test_array_items_ref(self):
        doc = real_schema()
        schemas(doc)["AudioUidList"]["properties"]["subscribeAudioUids"]["items"]["$ref"] = \
            "#/components/schemas/Gone"
        self.assertIn(f"{SCHEMAS}/AudioUidList/properties/subscribeAudioUids/items/$ref",
                      [p for p, _ in lint(doc)])

    def test_request_body_ref(self):
        doc = real_schema()
        path = next(p for p in doc["paths"] if p.endswith("/stop"))
        doc["paths"][path]["post"]["requestBody"]["content"]["application/json"]["schema"]["$ref"] = \
            "#/components/schemas/Missing"
        pointer = "/paths/" + path.replace("/", "~1") + "/post/requestBody/content/application~1json/schema/$ref"
        self.assertIn(pointer, [p for p, _ in lint(doc)])

    def test_parameter_ref(self):
        doc = real_schema()
        path = next(iter(doc["paths"]))
        doc["paths"][path]["post"]["parameters"][3]["$ref"] = "#/components/parameters/Nope"
        pointer = "/paths/" + path.replace("/", "~1") + "/post/parameters/3/$ref"
        self.assertIn(pointer, [p for p, _ in lint(doc)])

    def test_non_local_ref(self):
        doc = real_schema()
        schemas(doc)["UpdateRequest"]["properties"]["uid"]["$ref"] = "other.json#/Uid"
        self.assertIn((f"{SCHEMAS}/UpdateRequest/properties/uid/$ref",
                       "$ref must be a local reference of the form #/components/schemas/Name"), lint(doc))


class UnsupportedKeywordTest(unittest.TestCase):
    """Each unsupported keyword is reported at its own pointer, never ignored."""

    CASES = [
        # (where to add it, keyword, value)
        ("StorageConfig/properties/bucket", "format", "hostname"),
        ("StorageConfig", "anyOf", [{"required": ["bucket"]}]),
        ("AudioUidList", "patternProperties", {"^x": {"type": "string"}}),
        ("StorageConfig/allOf/0", "else", {"required": ["bucket"]}),
        ("StorageConfig", "minProperties", 1),
        ("StorageConfig", "dependentRequired", {"stsToken": ["stsExpiration"]}),
        ("StorageConfig/properties/region", "const", 3),
        ("StorageConfig/properties/region", "exclusiveMaximum", 30),
        ("StorageConfig/properties/fileNamePrefix", "uniqueItems", True),
        ("Uid", "x-acr-unknown", 1),
    ]

    def test_keyword_pointer(self):
        for where, keyword, value in self.CASES:
            with self.subTest(keyword=keyword, where=where):
                doc = real_schema()
                node = schemas(doc)
                for part in where.split("/"):
                    node = node[int(part)] if part.isdigit() else node[part]
                node[keyword] = value
                problems = lint(doc)
                pointer = f"{SCHEMAS}/{where}/{keyword}"
                self.assertIn(pointer, [p for p, _ in problems])
                message = dict(problems)[pointer]
                self.assertIn(keyword, message)

    def test_unsupported_type(self):
        doc = real_schema()
        schemas(doc)["StorageConfig"]["properties"]["region"]["type"] = "number"
        self.assertIn(f"{SCHEMAS}/StorageConfig/properties/region/type", [p for p, _ in lint(doc)])

    def test_unsupported_one_of(self):
        doc = real_schema()
        schemas(doc)["ServerResponse"]["properties"]["fileList"]["oneOf"][0] = {"type": "integer"}
        self.assertIn(f"{SCHEMAS}/ServerResponse/properties/fileList/oneOf", [p for p, _ in lint(doc)])

    def test_inline_object_must_be_a_component(self):
        doc = real_schema()
        schemas(doc)["RtmpPublishConfig"]["properties"]["outputs"]["items"] = {"type": "object"}
        self.assertIn(f"{SCHEMAS}/RtmpPublishConfig/properties/outputs/items", [p for p, _ in lint(doc)])


class PatternTest(unittest.TestCase):
    def test_dot_is_rejected_at_the_pattern_pointer(self):
        doc = real_schema()
        schemas(doc)["StorageConfig"]["properties"]["bucket"]["pattern"] = "^a.b$"
        problems = lint(doc)
        pointer = f"{SCHEMAS}/StorageConfig/properties/bucket/pattern"
        self.assertEqual([p for p, _ in problems], [pointer])
        self.assertIn("cannot compile the pattern", problems[0][1])
        self.assertIn("'.'", problems[0][1])

    def test_unsupported_syntax_in_a_shared_component(self):
        doc = real_schema()
        schemas(doc)["Uid"]["pattern"] = "^(?=1)[0-9]+$"
        self.assertEqual([p for p, _ in lint(doc)], [f"{SCHEMAS}/Uid/pattern"])

    def test_expected_needs_a_pattern(self):
        doc = real_schema()
        schemas(doc)["StorageConfig"]["properties"]["bucket"]["x-acr-expected"] = "a bucket"
        self.assertEqual([p for p, _ in lint(doc)], [f"{SCHEMAS}/StorageConfig/properties/bucket/x-acr-expected"])


class RecursionTest(unittest.TestCase):
    def test_object_cycle_reports_the_closing_ref(self):
        doc = real_schema()
        schemas(doc)["AudioUidList"]["properties"]["again"] = {"$ref": "#/components/schemas/StreamSubscribe"}
        problems = lint(doc)
        self.assertEqual([p for p, _ in problems], [f"{SCHEMAS}/AudioUidList/properties/again/$ref"])
        self.assertIn("recursive", problems[0][1])

    def test_direct_self_reference(self):
        doc = real_schema()
        schemas(doc)["RtmpOutput"]["properties"]["next"] = {"$ref": "#/components/schemas/RtmpOutput"}
        self.assertEqual([p for p, _ in lint(doc)], [f"{SCHEMAS}/RtmpOutput/properties/next/$ref"])

    def test_non_object_cycle_is_reported_not_a_crash(self):
        # Regression: an array component whose items refer to itself made the
        # lint recurse until Python's RecursionError.
        doc = real_schema()
        schemas(doc)["Uid"] = {"type": "array", "items": {"$ref": "#/components/schemas/Uid"}}
        problems = lint(doc)
        # Uid is used twice (update and stop); the problem is reported once.
        self.assertEqual(problems, [(f"{SCHEMAS}/Uid/items/$ref", problems[0][1])])
        self.assertIn("recursive", problems[0][1])


class SharedComponentTest(unittest.TestCase):
    def test_non_object_component_in_request_and_response(self):
        doc = real_schema()
        schemas(doc)["ErrorResponse"]["properties"]["sid"] = {"$ref": "#/components/schemas/Uid"}
        problems = lint(doc)
        self.assertEqual([p for p, _ in problems], [f"{SCHEMAS}/ErrorResponse/properties/sid/$ref"])
        self.assertIn("both a request and a response", problems[0][1])

    def test_object_component_in_request_and_response(self):
        doc = real_schema()
        schemas(doc)["StopResponse"]["properties"]["storage"] = {"$ref": "#/components/schemas/ExtensionParams"}
        problems = lint(doc)
        self.assertEqual([p for p, _ in problems], [f"{SCHEMAS}/StopResponse/properties/storage/$ref"])
        self.assertIn("'ExtensionParams'", problems[0][1])


class ModesTest(unittest.TestCase):
    def test_unknown_mode(self):
        doc = real_schema()
        schemas(doc)["UpdateClientRequest"]["properties"]["streamSubscribe"]["x-acr-modes"] = ["individual", "audio"]
        problems = lint(doc)
        self.assertEqual([p for p, _ in problems],
                         [f"{SCHEMAS}/UpdateClientRequest/properties/streamSubscribe/x-acr-modes"])
        self.assertIn("individual", problems[0][1])

    def test_empty_modes(self):
        doc = real_schema()
        schemas(doc)["UpdateClientRequest"]["properties"]["webRecordingConfig"]["x-acr-modes"] = []
        self.assertEqual([p for p, _ in lint(doc)],
                         [f"{SCHEMAS}/UpdateClientRequest/properties/webRecordingConfig/x-acr-modes"])

    def test_modes_in_a_response(self):
        doc = real_schema()
        schemas(doc)["StopResponse"]["properties"]["serverResponse"]["x-acr-modes"] = ["web"]
        self.assertEqual([p for p, _ in lint(doc)],
                         [f"{SCHEMAS}/StopResponse/properties/serverResponse/x-acr-modes"])

    def test_modes_without_a_mode_parameter(self):
        doc = real_schema()
        doc["components"]["parameters"]["Mode"]["name"] = "kind"
        for path in list(doc["paths"]):
            doc["paths"][path.replace("{mode}", "{kind}")] = doc["paths"].pop(path)
        pointers = [p for p, _ in lint(doc)]
        self.assertIn(f"{SCHEMAS}/UpdateClientRequest/properties/streamSubscribe/x-acr-modes", pointers)


class ConditionalRuleTest(unittest.TestCase):
    def test_nullable_required_without_non_null_type(self):
        # stsToken is [string, null]: "required" alone would accept a null.
        doc = real_schema()
        schemas(doc)["StorageConfig"]["allOf"][0]["then"]["required"] = ["stsToken"]
        problems = lint(doc)
        self.assertEqual([p for p, _ in problems], [f"{SCHEMAS}/StorageConfig/allOf/0/then/required/0"])
        self.assertIn("nullable", problems[0][1])
        self.assertIn('"type": "string"', problems[0][1])

    def test_nullable_object_required_without_its_type(self):
        doc = real_schema()
        then = schemas(doc)["StorageConfig"]["allOf"][9]["then"]
        then["properties"]["extensionParams"] = {"type": ["object", "null"]}
        problems = lint(doc)
        pointer = f"{SCHEMAS}/StorageConfig/allOf/9/then/properties/extensionParams"
        self.assertIn(pointer, [p for p, _ in problems])
        self.assertTrue(any("nullable" in m for p, m in problems if p == pointer))

    def test_condition_on_a_string_property(self):
        doc = real_schema()
        schemas(doc)["StorageConfig"]["allOf"][0]["if"] = {"properties": {"bucket": {"const": 1}},
                                                           "required": ["bucket"]}
        self.assertEqual([p for p, _ in lint(doc)], [f"{SCHEMAS}/StorageConfig/allOf/0/if/properties/bucket"])

    def test_then_naming_an_unknown_property(self):
        doc = real_schema()
        schemas(doc)["StorageConfig"]["allOf"][8]["then"]["properties"]["stsTokn"] = {"type": "null"}
        self.assertEqual([p for p, _ in lint(doc)],
                         [f"{SCHEMAS}/StorageConfig/allOf/8/then/properties/stsTokn"])

    def test_then_type_is_not_silently_ignored(self):
        # Regression: a top-level "type" in a then clause was accepted and ignored.
        doc = real_schema()
        schemas(doc)["StorageConfig"]["allOf"][8]["then"]["type"] = "null"
        self.assertEqual([p for p, _ in lint(doc)], [f"{SCHEMAS}/StorageConfig/allOf/8/then/type"])

    def test_then_refinement_that_is_not_an_object(self):
        # Regression: a non-object refinement was skipped without a word.
        doc = real_schema()
        schemas(doc)["StorageConfig"]["allOf"][0]["then"]["properties"]["region"] = True
        self.assertEqual([p for p, _ in lint(doc)], [f"{SCHEMAS}/StorageConfig/allOf/0/then/properties/region"])

    def test_exclusion_refinement_must_be_the_non_null_type(self):
        doc = real_schema()
        rule = schemas(doc)["AudioUidList"]["allOf"][0]["not"]
        rule["properties"]["subscribeAudioUids"] = {"type": ["array", "null"]}
        self.assertEqual([p for p, _ in lint(doc)],
                         [f"{SCHEMAS}/AudioUidList/allOf/0/not/properties/subscribeAudioUids"])

    def test_exclusion_of_a_single_property(self):
        doc = real_schema()
        schemas(doc)["AudioUidList"]["allOf"][0]["not"]["required"] = ["subscribeAudioUids"]
        self.assertIn(f"{SCHEMAS}/AudioUidList/allOf/0/not", [p for p, _ in lint(doc)])


class EveryProblemInOneRunTest(unittest.TestCase):
    def test_all_problems_are_reported_together(self):
        doc = real_schema()
        s = schemas(doc)
        s["UpdateRequest"]["properties"]["cname"]["format"] = "hostname"
        s["StorageConfig"]["properties"]["bucket"]["pattern"] = "^a.b$"
        s["StorageConfig"]["allOf"][2]["else"] = {}
        s["AudioUidList"]["patternProperties"] = {}
        s["UpdateClientRequest"]["properties"]["rtmpPublishConfig"]["x-acr-modes"] = ["cdn"]
        s["ErrorResponse"]["properties"]["sid"] = {"$ref": "#/components/schemas/Uid"}
        s["FileEntry"]["properties"]["next"] = {"$ref": "#/components/schemas/FileEntry"}
        s["StopRequest"]["properties"]["uid"]["$ref"] = "#/components/schemas/Nobody"
        expected = [
            f"{SCHEMAS}/UpdateRequest/properties/cname/format",
            f"{SCHEMAS}/StorageConfig/properties/bucket/pattern",
            f"{SCHEMAS}/StorageConfig/allOf/2/else",
            f"{SCHEMAS}/AudioUidList/patternProperties",
            f"{SCHEMAS}/UpdateClientRequest/properties/rtmpPublishConfig/x-acr-modes",
            f"{SCHEMAS}/ErrorResponse/properties/sid/$ref",
            f"{SCHEMAS}/FileEntry/properties/next/$ref",
            f"{SCHEMAS}/StopRequest/properties/uid/$ref",
        ]
        self.assertEqual(sorted(p for p, _ in lint(doc)), sorted(expected))

    def test_unused_component(self):
        doc = real_schema()
        schemas(doc)["Orphan"] = {"type": "object", "properties": {}}
        self.assertEqual([p for p, _ in lint(doc)], [f"{SCHEMAS}/Orphan"])


class MalformedDocumentTest(unittest.TestCase):
    """Malformed input gives lint problems, never a Python traceback."""

    # Regressions: each of these raised TypeError, AttributeError or ValueError.
    CASES = [
        (("components",), None, "/components"),
        (("servers",), None, "/servers"),
        (("components", "parameters"), None, "/components/parameters"),
        (("components", "parameters", "AppId", "schema", "minLength"), "x",
         "/components/parameters/AppId/schema/minLength"),
        (("components", "schemas", "UpdateRequest", "properties", "cname", "type"), [],
         f"{SCHEMAS}/UpdateRequest/properties/cname/type"),
        (("components", "schemas", "UpdateRequest", "properties", "cname", "type"), ["null", "null"],
         f"{SCHEMAS}/UpdateRequest/properties/cname/type"),
        (("components", "schemas", "AudioUidList", "allOf", 0, "not", "properties"), 1,
         f"{SCHEMAS}/AudioUidList/allOf/0/not/properties"),
        (("components", "schemas", "StorageConfig", "allOf", 9, "then", "properties", "extensionParams"), None,
         f"{SCHEMAS}/StorageConfig/allOf/9/then/properties/extensionParams"),
        (("paths", UPDATE_PATH, "post", "x-acr-one-at-a-time"), None,
         "/paths/" + UPDATE_PATH.replace("/", "~1") + "/post/x-acr-one-at-a-time"),
    ]

    def test_known_crashes(self):
        for path, junk, pointer in self.CASES:
            with self.subTest(path=path, junk=junk):
                doc = real_schema()
                node = doc
                for part in path[:-1]:
                    node = node[part]
                node[path[-1]] = junk
                self.assertIn(pointer, [p for p, _ in lint(doc)])

    def test_every_node_replaced_by_junk(self):
        for name, doc in (("cloud_recording.json", real_schema()), ("widgets.json", widgets_schema())):
            with self.subTest(schema=name):
                self.sweep(doc)

    def sweep(self, doc):
        # One junk value per node (cycling through the list), restored after
        # each run: a sweep over the whole document in a few seconds.
        junk_values = (None, 1, "x", [], {}, True, [1], {"a": 1}, ["null", "null"], -1, 2**70,
                       "#/components/schemas/Uid")
        locations = []

        def walk(node, path):
            if isinstance(node, dict):
                items = list(node.items())
            elif isinstance(node, list):
                items = list(enumerate(node))
            else:
                return
            for key, child in items:
                if key == "examples":
                    continue  # free-form data the generator does not read
                locations.append(path + [key])
                walk(child, path + [key])

        walk(doc, [])
        for i, path in enumerate(locations):
            parent = doc
            for part in path[:-1]:
                parent = parent[part]
            saved = parent[path[-1]]
            parent[path[-1]] = junk_values[i % len(junk_values)]
            try:
                lint(doc)  # raises on a crash; SchemaError is caught inside
            except Exception as e:  # noqa: BLE001 - the point is to name the location
                self.fail(f"lint crashed with {type(e).__name__}: {e} when {path} = "
                          f"{junk_values[i % len(junk_values)]!r}")
            finally:
                parent[path[-1]] = saved
        self.assertEqual(lint(doc), [])


if __name__ == "__main__":
    unittest.main()


class CliNamesTest(unittest.TestCase):
    """The acr tool's subcommands come from the operationIds (issue 10 item 3)."""

    def test_an_operation_named_like_a_command_of_the_tool(self):
        for name in ("validate", "help"):
            with self.subTest(name=name):
                doc = real_schema()
                doc["paths"][UPDATE_PATH]["post"]["operationId"] = name
                problems = lint(doc)
                self.assertEqual({p for p, _ in problems}, {f"/paths/{UPDATE_PATH.replace('/', '~1')}/post/operationId"})
                self.assertTrue(any("command of the acr tool" in m for _, m in problems), problems)

    def test_a_mode_parameter_may_allow_fewer_modes_but_no_others(self):
        doc = real_schema()
        params = doc["paths"][UPDATE_PATH]["post"]["parameters"]
        params[-1] = {"name": "mode", "in": "path", "required": True, "schema": {"type": "string", "enum": ["mix"]}}
        self.assertEqual(lint(doc), [])
        params[-1]["schema"]["enum"] = ["mix", "audio"]
        self.assertEqual([p for p, _ in lint(doc)],
                         [f"/paths/{UPDATE_PATH.replace('/', '~1')}/post/parameters/3/schema/enum"])
