"""Structural facts about schema/cloud_recording.json (standard library only).

The generator's lint checks what it can generate; ajv (tests/conformance,
schema_examples.mjs) checks the examples against the rules. This test checks what
neither says: that every operation of the recording's life is there with the right
method, path, parameters, bodies and per-operation extensions, that every $ref
resolves, that every example names a valid mode, that update and stop keep their
component and property names (their generated C API), and that every extension used
has a row in schema/README.md.
"""

import json
import os
import re
import unittest

ROOT = os.environ.get("ACR_SOURCE_DIR") or os.path.join(os.path.dirname(__file__), "..", "..")
SCHEMA = os.path.join(ROOT, "schema", "cloud_recording.json")
README = os.path.join(ROOT, "schema", "README.md")
APP = "/v1/apps/{appid}/cloud_recording"
REC = APP + "/resourceid/{resourceid}/sid/{sid}/mode/{mode}"
RETRY = [{"status": 206, "code": 65}, {"status": 504, "code": 62}, {"status": 429}]

# operationId: (method, path, path parameter names, request component, 200 component)
OPERATIONS = {
    "update": ("post", REC + "/update", ["appid", "resourceid", "sid", "mode"], "UpdateRequest", "UpdateResponse"),
    "stop": ("post", REC + "/stop", ["appid", "resourceid", "sid", "mode"], "StopRequest", "StopResponse"),
    "acquire": ("post", APP + "/acquire", ["appid"], "AcquireRequest", "AcquireResponse"),
    "start": ("post", APP + "/resourceid/{resourceid}/mode/{mode}/start", ["appid", "resourceid", "mode"],
              "StartRequest", "StartResponse"),
    "query": ("get", REC + "/query", ["appid", "resourceid", "sid", "mode"], None, "QueryResponse"),
    "updateLayout": ("post", REC + "/updateLayout", ["appid", "resourceid", "sid", "mode"], "UpdateLayoutRequest",
                     "UpdateLayoutResponse"),
    "ncsIp": ("get", "/v1/ncs/ip", [], None, "NcsIpResponse"),
}
# The contract's per-operation extensions (CONTRACT-10, issue 10).
EXTENSIONS = {
    "update": {"x-acr-timeout-ms": 30000, "x-acr-one-at-a-time": ["resourceid", "sid"], "x-acr-retry-on": RETRY},
    "stop": {"x-acr-timeout-ms": 120000, "x-acr-retry-on": RETRY,
             "x-acr-done-when-retried": [{"status": 400, "code": 49}, {"status": 404}]},
    "acquire": {"x-acr-retry-on": RETRY + [{"status": 500, "code": 500}, {"status": 500, "code": 501},
                                           {"status": 500, "code": 504}]},
    "start": {"x-acr-retry-on": RETRY + [{"status": 500, "code": 62}],
              "x-acr-done-when-retried": [{"status": 201, "code": 7}]},
    "query": {"x-acr-retry-on": RETRY},
    "updateLayout": {"x-acr-one-at-a-time": ["resourceid", "sid"], "x-acr-retry-on": RETRY},
    "ncsIp": {"x-acr-retry-on": [{"status": 429}, {"status": 504}]},
}
# update's and stop's components and their properties before issue 10: their C API.
FROZEN = {
    "UpdateRequest": ["cname", "uid", "clientRequest"],
    "UpdateClientRequest": ["streamSubscribe", "webRecordingConfig", "rtmpPublishConfig", "storageConfig"],
    "StreamSubscribe": ["audioUidList", "videoUidList"],
    "AudioUidList": ["subscribeAudioUids", "unsubscribeAudioUids"],
    "VideoUidList": ["subscribeVideoUids", "unsubscribeVideoUids"],
    "WebRecordingConfig": ["onhold"],
    "RtmpPublishConfig": ["outputs"],
    "RtmpOutput": ["rtmpUrl"],
    "StorageConfig": ["vendor", "region", "bucket", "accessKey", "secretKey", "stsToken", "stsExpiration",
                      "fileNamePrefix", "extensionParams"],
    "ExtensionParams": ["sse", "tag", "endpoint"],
    "StopRequest": ["cname", "uid", "clientRequest"],
    "StopClientRequest": ["async_stop"],
    "UpdateResponse": ["cname", "uid", "resourceId", "sid"],
    "StopResponse": ["cname", "uid", "resourceId", "sid", "serverResponse"],
    "ServerResponse": ["extensionServiceState", "uploadingStatus", "fileListMode", "fileList"],
    "ExtensionServiceState": ["serviceName", "payload"],
    "ExtensionPayload": ["uploadingStatus", "fileList", "onhold", "state"],
    "WebFileEntry": ["filename", "sliceStartTime"],
    "FileEntry": ["fileName", "trackType", "uid", "mixedAllUser", "isPlayable", "sliceStartTime"],
    "ErrorResponse": ["code", "reason", "message", "resourceId", "sid"],
}
SECRETS = {("StartClientRequest", "token"), ("RecordingConfig", "secret")}


def walk(node, pointer=""):
    """Yields (pointer, node) for every dict in the document."""
    if isinstance(node, dict):
        yield pointer, node
        for key, value in node.items():
            yield from walk(value, pointer + "/" + key.replace("~", "~0").replace("/", "~1"))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from walk(value, f"{pointer}/{i}")


def resolve(doc, ref):
    assert ref.startswith("#/"), ref
    node = doc
    for token in ref[2:].split("/"):
        node = node[token.replace("~1", "/").replace("~0", "~")]
    return node


def satisfies(value, condition):
    """The `if` value tests the schema uses: const, enum, not (const or enum)."""
    if "not" in condition:
        return not satisfies(value, condition["not"])
    if "const" in condition:
        return value == condition["const"]
    return value in condition["enum"]


class SchemaDocumentTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        with open(SCHEMA, encoding="utf-8") as f:
            cls.doc = json.load(f)
        cls.schemas = cls.doc["components"]["schemas"]
        cls.modes = cls.doc["components"]["parameters"]["Mode"]["schema"]["enum"]
        cls.ops = {}
        for path, item in cls.doc["paths"].items():
            for method, op in item.items():
                cls.ops[op["operationId"]] = (method, path, op)

    def param(self, p):
        return resolve(self.doc, p["$ref"]) if "$ref" in p else p

    def test_operations(self):
        self.assertEqual(sorted(self.ops), sorted(OPERATIONS))
        for op_id, (method, path, params, request, response) in OPERATIONS.items():
            with self.subTest(op_id):
                got_method, got_path, op = self.ops[op_id]
                self.assertEqual((got_method, got_path), (method, path))
                got_params = [self.param(p) for p in op.get("parameters", [])]
                self.assertEqual([p["name"] for p in got_params], params)
                self.assertEqual(sorted(params), sorted(re.findall(r"\{(\w+)\}", path)))
                for p in got_params:
                    self.assertEqual((p["in"], p["required"]), ("path", True))
                if request is None:
                    self.assertNotIn("requestBody", op)
                else:
                    self.assertTrue(op["requestBody"]["required"])
                    media = op["requestBody"]["content"]["application/json"]
                    self.assertEqual(media["schema"], {"$ref": f"#/components/schemas/{request}"})
                ok = op["responses"]["200"]["content"]["application/json"]
                self.assertEqual(ok["schema"], {"$ref": f"#/components/schemas/{response}"})
                self.assertEqual(op["responses"]["default"]["content"]["application/json"]["schema"],
                                 {"$ref": "#/components/schemas/ErrorResponse"})
                self.assertEqual(sorted(op["responses"]), ["200", "default"])

    def test_update_layout_mode_is_mix_only(self):
        params = [self.param(p) for p in self.ops["updateLayout"][2]["parameters"]]
        mode = next(p for p in params if p["name"] == "mode")
        self.assertNotIn("$ref", self.ops["updateLayout"][2]["parameters"][-1])
        self.assertEqual(mode["schema"], {"type": "string", "enum": ["mix"]})
        self.assertTrue(set(mode["schema"]["enum"]) <= set(self.modes))

    def test_operation_extensions(self):
        for op_id, expected in EXTENSIONS.items():
            op = self.ops[op_id][2]
            with self.subTest(op_id):
                for key, value in expected.items():
                    self.assertEqual(op.get(key), value, key)
                self.assertIsInstance(op.get("x-acr-timeout-ms"), int)
                for key in ("x-acr-one-at-a-time", "x-acr-done-when-retried"):
                    if key not in expected:
                        self.assertNotIn(key, op)

    def test_update_and_stop_first(self):
        # The generator names enums first come, first served: update and stop are
        # read first so that their C names (acr_service_name, acr_state) stay.
        self.assertEqual([op["operationId"] for item in list(self.doc["paths"].values())[:2]
                          for op in item.values()], ["update", "stop"])

    def test_every_ref_resolves(self):
        refs = [(p, n["$ref"]) for p, n in walk(self.doc) if isinstance(n.get("$ref"), str)]
        self.assertGreater(len(refs), 100)
        for pointer, ref in refs:
            with self.subTest(pointer):
                self.assertIsInstance(resolve(self.doc, ref), dict)

    def test_every_component_is_used(self):
        used = {n["$ref"].split("/")[-1] for _, n in walk(self.doc) if isinstance(n.get("$ref"), str)}
        self.assertEqual(sorted(set(self.schemas) - used), [])

    def test_examples(self):
        for op_id, (method, path, op) in self.ops.items():
            with self.subTest(op_id):
                if "requestBody" in op:
                    examples = op["requestBody"]["content"]["application/json"]["examples"]
                    self.assertTrue(examples)
                    for name, example in examples.items():
                        self.assertIn(example.get("x-acr-mode"), self.modes, name)
                        self.assertIn("cname", example["value"])
                        if op_id == "updateLayout":
                            self.assertEqual(example["x-acr-mode"], "mix")
                self.assertTrue(op["responses"]["200"]["content"]["application/json"]["examples"])
        query = self.ops["query"][2]["responses"]["200"]["content"]["application/json"]["examples"]
        self.assertEqual(sorted(query), sorted(self.modes))
        self.assertIn("extensionServiceState", query["web"]["value"]["serverResponse"])

    def test_mode_lists(self):
        for pointer, node in walk(self.doc["components"]):
            for key in ("x-acr-modes", "x-acr-if-modes", "x-acr-required-in-modes"):
                if key in node:
                    with self.subTest(pointer + "/" + key):
                        self.assertTrue(node[key])
                        self.assertTrue(set(node[key]) <= set(self.modes))

    def test_absent_means_default_agrees_with_required(self):
        # ajv reaches the C verdict only if `required` lists the tested property
        # exactly when its default does not satisfy the condition (CONTRACT-10).
        found = 0
        for name, schema in self.schemas.items():
            for i, rule in enumerate(schema.get("allOf", [])):
                cond = rule.get("if", {})
                if not cond.get("x-acr-absent-means-default"):
                    continue
                found += 1
                (prop, test), = cond["properties"].items()
                default = schema["properties"][prop]["default"]
                with self.subTest(f"{name}/allOf/{i}"):
                    self.assertEqual(prop in cond.get("required", []), not satisfies(default, test))
        self.assertEqual(found, 2)  # layoutConfig only with layout 3, in both layout objects

    def test_max_product_names_integers(self):
        found = 0
        for pointer, node in walk(self.schemas):
            rule = node.get("x-acr-max-product")
            if rule is None:
                continue
            found += 1
            owner = resolve({"s": self.schemas}, "#/s" + pointer.rsplit("/allOf/", 1)[0])
            for prop in rule["properties"]:
                self.assertEqual(owner["properties"][prop]["type"], "integer", pointer)
            self.assertEqual(rule["maximum"], 1920 * 1080)
        self.assertEqual(found, 2)

    def test_secrets(self):
        marked = {(n, p) for n, s in self.schemas.items() for p, v in s.get("properties", {}).items()
                  if v.get("x-acr-secret") is True}
        self.assertTrue(SECRETS <= marked, SECRETS - marked)

    def test_update_and_stop_keep_their_names(self):
        for name, props in FROZEN.items():
            with self.subTest(name):
                self.assertEqual(list(self.schemas[name]["properties"]), props)

    def test_shared_pieces(self):
        for name in ("UpdateRequest", "StopRequest", "AcquireRequest", "StartRequest", "UpdateLayoutRequest"):
            props = self.schemas[name]["properties"]
            self.assertEqual(props["cname"]["$ref"], "#/components/schemas/Cname", name)
            self.assertEqual(props["uid"]["$ref"], "#/components/schemas/Uid", name)
            self.assertIn("x-acr-if-modes", json.dumps(self.schemas[name].get("allOf", [])), name)
        self.assertEqual(self.schemas["StartStorageConfig"]["allOf"], [{"$ref": "#/components/schemas/StorageConfig"}])
        self.assertEqual(self.schemas["AcquireClientRequest"]["properties"]["startParameter"]["$ref"],
                         "#/components/schemas/StartClientRequest")

    def reachable(self, names):
        seen, todo = set(), list(names)
        while todo:
            name = todo.pop()
            if name in seen:
                continue
            seen.add(name)
            todo += [n["$ref"].split("/")[-1] for _, n in walk(self.schemas[name]) if isinstance(n.get("$ref"), str)]
        return seen

    def test_requests_strict_responses_lenient(self):
        requests = self.reachable(OPERATIONS[o][3] for o in OPERATIONS if OPERATIONS[o][3])
        responses = self.reachable(OPERATIONS[o][4] for o in OPERATIONS) | {"ErrorResponse"}
        self.assertEqual(sorted(requests & responses), ["Cname", "Uid"])
        for name in requests:
            schema = self.schemas[name]
            if "object" not in schema["type"]:
                continue
            with self.subTest(name):
                if "properties" in schema:
                    self.assertIs(schema.get("additionalProperties"), False)
                else:  # a composition: strict through what it composes
                    for part in schema["allOf"]:
                        self.assertIs(resolve(self.doc, part["$ref"]).get("additionalProperties"), False)
        for name in responses:
            for pointer, node in walk(self.schemas[name]):
                if isinstance(node.get("type"), str) and node["type"] == "object":
                    with self.subTest(name + pointer):
                        self.assertNotIn("required", node)
                        self.assertNotIn("additionalProperties", node)

    def test_layout_members_are_the_same_in_both_places(self):
        layout = self.schemas["UpdateLayoutClientRequest"]
        transcoding = self.schemas["TranscodingConfig"]
        self.assertEqual(len(layout["properties"]), 7)
        for name, schema in layout["properties"].items():
            self.assertEqual(transcoding["properties"][name], schema, name)
        self.assertEqual([r for r in transcoding["allOf"] if "x-acr-max-product" not in r], layout["allOf"])

    def test_every_extension_is_documented(self):
        with open(README, encoding="utf-8") as f:
            readme = f.read()
        first_cells = re.findall(r"^\| (`x-[^|]*)\|", readme, re.M)
        rows = {name for cell in first_cells for name in re.findall(r"`(x-[a-z-]+)`", cell)}
        used = {k for _, n in walk(self.doc) for k in n if k.startswith("x-")}
        self.assertEqual(sorted(used - rows), [])


if __name__ == "__main__":
    unittest.main()
