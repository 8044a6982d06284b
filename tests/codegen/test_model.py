"""Facts about the model (IR) built from the shipped schema: C names, rules,
integer kinds, constants and messages. The templates see only this model, so a
wrong fact here is wrong C code."""
import unittest

from acrgen import emit
from acrgen.model import c_identifier, c_string, int_ranges_text, snake_case
from codegen_support import model, real_schema, widgets_schema


class ModelTestCase(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.module = model()
        cls.objects = {o.schema_name: o for o in cls.module.objects}

    def obj(self, name):
        return self.objects[name]

    def field(self, object_name, json_name):
        return next(f for f in self.obj(object_name).fields if f.json_name == json_name)


class NamingTest(ModelTestCase):
    def test_component_and_member_names(self):
        audio = self.obj("AudioUidList")
        self.assertEqual(audio.c_name, "acr_audio_uid_list")
        self.assertEqual([f.c_name for f in audio.fields], ["subscribe_audio_uids", "unsubscribe_audio_uids"])
        self.assertEqual(self.obj("StorageConfig").c_name, "acr_storage_config")
        self.assertEqual(self.field("StorageConfig", "fileNamePrefix").c_name, "file_name_prefix")
        self.assertEqual(self.field("StorageConfig", "stsExpiration").c_name, "sts_expiration")
        self.assertEqual(self.field("StopClientRequest", "async_stop").c_name, "async_stop")

    def test_every_object_is_prefixed_and_dependencies_come_first(self):
        seen = set()
        for o in self.module.objects:
            self.assertTrue(o.c_name.startswith("acr_"), o.c_name)
            for f in o.fields:
                nested = f.value.object or (f.value.items.object if f.value.items else None)
                if nested is not None:
                    self.assertIn(nested.schema_name, seen, f"{o.schema_name} is emitted before its member type")
            seen.add(o.schema_name)

    def test_documents_are_the_bodies_in_operation_order(self):
        # Read from the schema, not listed here: each operation's request, 200 and
        # default bodies, in path order, each once.
        doc = real_schema()
        ids, bodies = [], []
        for item in doc["paths"].values():
            for method, op in item.items():
                if method == "parameters":
                    continue
                ids.append(op["operationId"])
                refs = [op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")]
                refs += [op["responses"][code]["content"]["application/json"]["schema"]
                         for code in ("200", "default") if code in op["responses"]]
                for ref in refs:
                    name = ref["$ref"].rsplit("/", 1)[1] if ref else None
                    if name and name not in bodies:
                        bodies.append(name)
        self.assertEqual([op.operation_id for op in self.module.operations], ids)
        self.assertEqual([d.schema_name for d in self.module.documents], bodies)

    def test_name_helpers(self):
        self.assertEqual(snake_case("subscribeAudioUids"), "subscribe_audio_uids")
        self.assertEqual(snake_case("async_stop"), "async_stop")
        self.assertEqual(snake_case("HTTPStatusCode"), "http_status_code")
        self.assertEqual(snake_case("inProgress"), "in_progress")
        self.assertEqual(c_identifier("default"), "default_")   # a C keyword
        self.assertEqual(c_identifier("3d"), "v_3d")            # not a valid C start
        self.assertEqual(c_identifier("audio_and_video"), "audio_and_video")


class StorageConfigRulesTest(ModelTestCase):
    def test_rule_count_and_order(self):
        rules = self.obj("StorageConfig").rules
        # 8 region rules, then stsToken, then vendor 11's extensionParams.endpoint.
        self.assertEqual(len(rules), 10)
        self.assertEqual([r.kind for r in rules], ["conditional"] * 10)
        self.assertEqual([r.values for r in rules[:8]], [[1], [2], [3], [5], [6], [7], [8], [11]])

    def test_region_rules(self):
        config = self.obj("StorageConfig")
        vendor = self.field("StorageConfig", "vendor").index
        region = self.field("StorageConfig", "region").index
        for rule in config.rules[:8]:
            self.assertEqual(rule.fields, [vendor])
            self.assertFalse(rule.negate)
            self.assertEqual(len(rule.effects), 1)
            self.assertEqual(rule.effects[0].kind, "one_of")
            self.assertEqual(rule.effects[0].path, [region])
        amazon = config.rules[0].effects[0]
        self.assertEqual(amazon.allowed, list(range(0, 17)) + list(range(18, 23)) + [24, 25])
        self.assertEqual(amazon.message, "must be 0 to 16, 18 to 22, 24 or 25 when vendor is 1")
        self.assertEqual(config.rules[6].effects[0].message, "must be 1 to 7 when vendor is 8")
        self.assertEqual(config.rules[7].effects[0].message, "must be 0 when vendor is 11")

    def test_sts_token_rule(self):
        rule = self.obj("StorageConfig").rules[8]
        self.assertTrue(rule.negate)
        self.assertEqual(rule.values, [1, 2, 3])
        self.assertEqual(len(rule.effects), 1)
        effect = rule.effects[0]
        self.assertEqual(effect.kind, "forbidden")
        self.assertEqual(effect.path, [self.field("StorageConfig", "stsToken").index])
        self.assertEqual(effect.message, "is only allowed when vendor is 1, 2 or 3")

    def test_vendor_11_rule_reaches_into_extension_params(self):
        rule = self.obj("StorageConfig").rules[9]
        ext = self.field("StorageConfig", "extensionParams").index
        endpoint = self.field("ExtensionParams", "endpoint").index
        self.assertEqual(rule.values, [11])
        self.assertEqual([(e.kind, e.path, e.message) for e in rule.effects], [
            ("required", [ext], "is required when vendor is 11"),
            ("required", [ext, endpoint], "is required when vendor is 11"),
        ])

    def test_mutual_exclusion(self):
        (rule,) = self.obj("AudioUidList").rules
        self.assertEqual(rule.kind, "exclusive")
        self.assertEqual(rule.fields, [0, 1])
        self.assertEqual(rule.message, "subscribeAudioUids and unsubscribeAudioUids cannot both be set")


class ValuesTest(ModelTestCase):
    def test_sts_expiration_is_uint64_with_full_range(self):
        v = self.field("StorageConfig", "stsExpiration").value
        self.assertEqual(v.kind, "uint64")
        self.assertEqual((v.minimum, v.maximum), (0, 2**64 - 1))
        self.assertTrue(v.nullable)

    def test_other_integers_are_int64(self):
        self.assertEqual(self.field("StorageConfig", "region").value.kind, "int")
        self.assertEqual(self.field("FileEntry", "sliceStartTime").value.kind, "int")

    def test_vendor_constants(self):
        constants = {c.name: c.value for c in self.module.int_constants}
        self.assertEqual(constants["ACR_VENDOR_AMAZON_S3"], 1)
        self.assertEqual(constants["ACR_VENDOR_S3_COMPATIBLE"], 11)
        self.assertEqual(sorted(v for k, v in constants.items() if k.startswith("ACR_VENDOR_")),
                         [1, 2, 3, 5, 6, 7, 8, 11])
        v = self.field("StorageConfig", "vendor").value
        self.assertEqual(v.allowed_text, "one of 1, 2, 3, 5, 6, 7, 8 or 11")

    def test_string_enums_keep_an_other_value(self):
        enums = {e.c_name: e for e in self.module.enums}
        status = enums["acr_uploading_status"]
        self.assertEqual(status.constants, ["ACR_UPLOADING_STATUS_UPLOADED", "ACR_UPLOADING_STATUS_BACKUPED",
                                            "ACR_UPLOADING_STATUS_UNKNOWN"])
        self.assertEqual((status.unset, status.other), ("ACR_UPLOADING_STATUS_UNSET", "ACR_UPLOADING_STATUS_OTHER"))
        # UploadingStatus is used twice but is one C enum.
        self.assertEqual(len([e for e in self.module.enums if e.values == status.values]), 1)
        self.assertEqual(enums["acr_state"].constants[1], "ACR_STATE_IN_PROGRESS")

    def test_modes(self):
        self.assertEqual(self.module.modes, ["individual", "mix", "web"])
        self.assertEqual(self.module.mode_constants, ["ACR_MODE_INDIVIDUAL", "ACR_MODE_MIX", "ACR_MODE_WEB"])
        self.assertEqual(self.field("UpdateClientRequest", "streamSubscribe").modes, ["individual", "mix"])
        self.assertEqual(self.field("UpdateClientRequest", "rtmpPublishConfig").modes, ["web"])
        self.assertEqual(self.field("UpdateClientRequest", "storageConfig").modes, [])

    def test_prefix_length_and_pattern(self):
        v = self.field("StorageConfig", "fileNamePrefix").value
        self.assertEqual(v.max_prefix_length, 128)
        self.assertEqual(v.items.pattern.text, "^[A-Za-z0-9]+$")
        self.assertEqual(v.items.expected, "letters and digits only")

    def test_response_is_lenient_and_request_strict(self):
        self.assertTrue(self.obj("StorageConfig").strict)
        self.assertFalse(self.obj("StopResponse").strict)
        self.assertEqual(self.field("ServerResponse", "fileList").value.kind, "string_or_array")


class TextHelpersTest(unittest.TestCase):
    def test_int_ranges_text(self):
        self.assertEqual(int_ranges_text([25, 24] + list(range(0, 17)) + list(range(18, 23))),
                         "0 to 16, 18 to 22, 24 or 25")
        self.assertEqual(int_ranges_text([0]), "0")
        self.assertEqual(int_ranges_text([1, 2]), "1 or 2")
        self.assertEqual(int_ranges_text([-3, -2, -1, 5]), "-3 to -1 or 5")

    def test_c_string_escapes(self):
        self.assertEqual(c_string('a"b\\c'), '"a\\"b\\\\c"')
        self.assertEqual(c_string("??="), '"\\?\\?="')      # no trigraph
        self.assertEqual(c_string("é\n"), '"\\303\\251\\012"')


class RenderedOutputTest(ModelTestCase):
    def test_rendered_c_carries_the_facts(self):
        files = emit.render(self.module)
        header, source = files["acr_api.h"], files["acr_api.c"]
        self.assertIn("#define ACR_VENDOR_AMAZON_S3 1\n", header)
        self.assertIn("typedef struct acr_audio_uid_list {", header)
        self.assertIn("    uint64_t sts_expiration;\n", header)
        self.assertIn('"must be 0 to 16, 18 to 22, 24 or 25 when vendor is 1"', source)
        self.assertIn("UINT64_C(18446744073709551615)", source)


if __name__ == "__main__":
    unittest.main()


class OperationNamesTest(unittest.TestCase):
    """camelCase and hyphenated operationIds: snake_case C names, kebab-case CLI names."""

    def test_names(self):
        doc = widgets_schema()
        ops = {op.operation_id: op for op in model(doc).operations}
        self.assertEqual((ops["get-widget"].c_name, ops["get-widget"].cli_name), ("get_widget", "get-widget"))
        self.assertEqual((ops["healthCheck"].c_name, ops["healthCheck"].cli_name), ("health_check", "health-check"))
        self.assertEqual(ops["polishWidget"].cli_name, "polish-widget")
        for op_id, c_name, cli in (("updateLayout", "update_layout", "update-layout"), ("ncsIp", "ncs_ip", "ncs-ip"),
                                   ("ncs-ip", "ncs_ip", "ncs-ip")):
            doc = widgets_schema()
            doc["paths"]["/v2/health"]["get"]["operationId"] = op_id
            op = next(o for o in model(doc).operations if o.operation_id == op_id)
            self.assertEqual((op.c_name, op.cli_name), (c_name, cli))

    def test_body_less_and_param_less(self):
        ops = {op.operation_id: op for op in model(widgets_schema()).operations}
        self.assertIsNone(ops["get-widget"].request)
        self.assertEqual(ops["get-widget"].method, "GET")
        self.assertEqual(ops["healthCheck"].call_parameters, [])
        self.assertEqual(ops["polishWidget"].mode_allowed, ["review", "final"])
        self.assertEqual(ops["createWidget"].mode_allowed, [])


class InlineObjectNamesTest(unittest.TestCase):
    def test_parent_plus_property_and_item(self):
        names = [o.schema_name for o in model(widgets_schema()).objects]
        for expected in ("WidgetStatusLocation", "WidgetStatusLocationPosition", "WidgetStatusHistoryItem",
                         "PolishRequestWax", "PolishRequestWaxSpec"):
            self.assertIn(expected, names)
        obj = next(o for o in model(widgets_schema()).objects if o.schema_name == "WidgetStatusHistoryItem")
        self.assertEqual(obj.c_name, "acr_widget_status_history_item")


class ArrayDefaultDocTest(unittest.TestCase):
    def test_array_default_in_the_header(self):
        header = emit.render(model(widgets_schema()))["acr_api.h"]
        self.assertIn('/** finishes [default: ["matte"]]', header)
        self.assertIn("/** gloss [default: 0.5]", header)


class DoxygenPlacementTest(unittest.TestCase):
    def test_property_text_on_the_value_member(self):
        """Each has_ flag gets a short line; the property's text documents the value member."""
        lines = emit.render(model(widgets_schema()))["acr_api.h"].splitlines()
        flags = [i for i, line in enumerate(lines) if line.strip().startswith("bool has_")]
        self.assertTrue(flags)
        for i in flags:
            self.assertRegex(lines[i - 1].strip(), r"^/\*\* whether `[^`]+` is set \*/$")
            self.assertRegex(lines[i + 1].strip(), r"^/\*\* \S+.*\*/$")
        self.assertIn("/** gloss [default: 0.5]", "\n".join(lines))


class CliNamesTest(ModelTestCase):
    def test_subcommands_and_options(self):
        ops = {op.operation_id: op for op in self.module.operations}
        self.assertEqual(ops["update"].cli_name, "update")
        self.assertEqual(ops["update"].cli_flags, ["--appid", "--resource-id", "--sid", "--mode"])
        self.assertEqual(ops["stop"].mode_allowed, [])

    def test_kebab_case_and_restricted_modes(self):
        # The shipped updateLayout: kebab-case, and its mode parameter allows mix only.
        op = next(o for o in self.module.operations if o.operation_id == "updateLayout")
        self.assertEqual(op.cli_name, "update-layout")
        self.assertEqual(op.mode_allowed, ["mix"])
        self.assertEqual(op.mode_param, 3)
        # The same made of update: the names and the restriction come from the schema.
        doc = real_schema()
        path = next(p for p in doc["paths"] if p.endswith("/update"))
        doc["paths"][path]["post"]["operationId"] = "updateLayoutTwice"
        doc["paths"][path]["post"]["parameters"][-1] = {
            "name": "mode", "in": "path", "required": True, "schema": {"type": "string", "enum": ["web"]}}
        op = next(o for o in model(doc).operations if o.operation_id == "updateLayoutTwice")
        self.assertEqual(op.cli_name, "update-layout-twice")
        self.assertEqual(op.mode_allowed, ["web"])
        self.assertEqual(op.mode_param, 3)
