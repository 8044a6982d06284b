"""`acr validate`, end to end, against its contract (docs/DESIGN.md, "The `acr` tool:
contract") and the schema's rules (schema/README.md).

Every test runs the real binary. The C unit tests cover each constraint at its
boundary; here we check what a user of the command line sees: exit codes, the
output formats, pointers, modes, input handling, usage and secrets.
"""
import json
import os
import unittest

from support import (EXIT_INVALID, EXIT_USAGE, EXIT_VALID, MODES, REMOVE, AcrTestCase, body_commands,
                     request_examples, run_acr, stop_body, storage_config, to_json,
                     uids, update_body, with_storage)

SC = "/clientRequest/storageConfig"
AUDIO = "/clientRequest/streamSubscribe/audioUidList"
VIDEO = "/clientRequest/streamSubscribe/videoUidList"


def many_problems_body(access_key="exampleAccessKey", secret_key="exampleSecretKey",
                       sts_token="exampleStsToken"):
    """One update body with eight different problems, each at a known pointer."""
    return {
        "cname": "httpClient463224",
        "uid": 527841,                                   # a number, not a string
        "bogus": True,                                   # unknown property
        "clientRequest": {
            "streamSubscribe": {
                "audioUidList": {
                    "subscribeAudioUids": uids(33),      # 33 > 32 entries
                    "unsubscribeAudioUids": ["444"],     # together with subscribe
                },
            },
            "storageConfig": {
                "vendor": 5,                             # Microsoft Azure
                "region": 3,                             # only 0 for vendor 5
                # "bucket" is missing
                "accessKey": access_key,
                "secretKey": secret_key,
                "stsToken": sts_token,                   # not allowed for vendor 5
                "fileNamePrefix": ["abc" * 43],          # 129 + 1 = 130 > 128
            },
        },
    }


MANY_PROBLEMS_POINTERS = [
    "/uid",
    "/bogus",
    AUDIO + "/subscribeAudioUids",
    AUDIO,
    SC + "/bucket",
    SC + "/region",
    SC + "/stsToken",
    SC + "/fileNamePrefix",
]


class RequestExamplesTest(AcrTestCase):
    """Every request example in the schema is valid in its x-acr-mode."""

    def setUp(self):
        self.examples = request_examples()

    def test_schema_has_request_examples_with_a_mode(self):
        # Every operation that takes a body shows one (schema/README.md lists them).
        documents = sorted({document for document, _, _, _ in self.examples})
        self.assertEqual(documents, sorted(body_commands()))
        for document, name, mode, _ in self.examples:
            self.assertIn(mode, MODES, "{} example {!r}: x-acr-mode".format(document, name))

    def test_every_example_is_valid_in_its_mode(self):
        for document, name, mode, value in self.examples:
            with self.subTest(document=document, example=name, mode=mode):
                self.assertValid(self.validate(document, value, "--mode", mode))
                self.assertValid(self.validate(document, value, "--mode", mode,
                                               "--format", "json"))

    def test_json_format_prints_an_empty_array_when_valid(self):
        for document, name, mode, value in self.examples:
            with self.subTest(document=document, example=name):
                result = self.validate(document, value, "--mode", mode, "--format", "json")
                self.assertExit(result, EXIT_VALID)
                self.assertEqual(result.out.strip(), "[]")

    def test_every_example_is_valid_without_mode(self):
        for document, name, _, value in self.examples:
            with self.subTest(document=document, example=name):
                self.assertValid(self.validate(document, value))

    def test_stop_examples_are_valid_in_every_mode(self):
        for document, name, _, value in self.examples:
            if document != "stop":
                continue
            for mode in MODES:
                with self.subTest(example=name, mode=mode):
                    self.assertValid(self.validate("stop", value, "--mode", mode))

    def test_web_example_is_rejected_in_the_other_modes(self):
        web = [v for d, n, m, v in self.examples if d == "update" and m == "web"]
        self.assertTrue(web, "the schema has no web-mode update example")
        for mode in ("individual", "mix"):
            with self.subTest(mode=mode):
                self.assertPointers("update", web[0], [
                    "/clientRequest/rtmpPublishConfig",
                    "/clientRequest/webRecordingConfig"], "--mode", mode)


class ViolationReportTest(AcrTestCase):
    """Output formats, completeness of the report, and where pointers point."""

    def test_text_reports_every_violation_one_line_each(self):
        result = self.validate("update", many_problems_body())
        self.assertExit(result, EXIT_INVALID)
        pairs = self.text_violations(result)
        self.assertEqual(len(result.out.splitlines()), len(pairs))
        self.assertEqual(sorted(p for p, _ in pairs), sorted(MANY_PROBLEMS_POINTERS))

    def test_json_reports_every_violation(self):
        result = self.validate("update", many_problems_body(), "--format", "json")
        self.assertExit(result, EXIT_INVALID)
        pairs = self.json_violations(result)
        self.assertEqual(sorted(p for p, _ in pairs), sorted(MANY_PROBLEMS_POINTERS))

    def test_format_option_forms(self):
        body = many_problems_body()
        spaced = self.validate("update", body, "--format", "json")
        joined = self.validate("update", body, "--format=json")
        text = self.validate("update", body, "--format", "text")
        default = self.validate("update", body)
        self.assertEqual(spaced.out, joined.out)
        self.assertEqual(text.out, default.out)
        self.assertEqual(self.json_violations(spaced), self.text_violations(text))

    def test_text_and_json_agree(self):
        bodies = [
            ("update", many_problems_body()),
            ("update", {}),
            ("update", update_body({"storageConfig": {"vendor": 11}})),
            ("stop", {"cname": "", "uid": "0", "clientRequest": {"async_stop": 1, "x": None}}),
        ]
        for document, body in bodies:
            for options in ([], ["--mode", "web"]):
                with self.subTest(document=document, body=to_json(body)[:60], options=options):
                    self.report(document, body, *options)

    def test_same_report_in_every_mode_when_no_mode_rule_applies(self):
        for mode in ("individual", "mix"):
            with self.subTest(mode=mode):
                self.assertPointers("update", many_problems_body(), MANY_PROBLEMS_POINTERS,
                                    "--mode", mode)
        self.assertPointers("update", many_problems_body(),
                            MANY_PROBLEMS_POINTERS + ["/clientRequest/streamSubscribe"],
                            "--mode", "web")

    def test_one_violation_does_not_hide_another(self):
        # "Every violation is reported": adding an unrelated problem (uid as a
        # number) adds exactly one violation and removes none.
        cases = [
            ("contents of a property forbidden in the mode", ["--mode", "web"],
             {"streamSubscribe": {"audioUidList": {"subscribeAudioUids": ["0"]}}}),
            ("contents of a property forbidden in the mode", ["--mode", "individual"],
             {"rtmpPublishConfig": {"outputs": [{"rtmpUrl": "http://cdn.example/a"}]}}),
            ("two rules broken by one value", [],
             {"storageConfig": storage_config(fileNamePrefix=[""])}),
        ]
        for what, options, client_request in cases:
            with self.subTest(what, options=options):
                alone = self.report("update", update_body(client_request), *options)
                self.assertNotIn("/uid", alone)
                with_uid = self.report("update", update_body(client_request, uid=527841),
                                       *options)
                self.assertEqual(with_uid, sorted(alone + ["/uid"]))

    def test_missing_property_is_named_itself(self):
        self.assertPointers("stop", {}, ["/cname", "/uid", "/clientRequest"])
        self.assertPointers("update", {"cname": "c", "uid": "1"}, ["/clientRequest"])
        self.assertPointers("update", update_body({"storageConfig": {}}),
                            [SC + "/vendor", SC + "/region", SC + "/bucket",
                             SC + "/accessKey", SC + "/secretKey"])
        self.assertPointers("update", with_storage(
            extensionParams={"sse": "kms", "tag": "t", "endpoint": "e.example.com"},
            secretKey=REMOVE), [SC + "/secretKey"])
        self.assertPointers("update", with_storage(extensionParams={"endpoint": "e.example.com"}),
                            [SC + "/extensionParams/sse", SC + "/extensionParams/tag"])

    def test_conditionally_required_property_is_named_itself(self):
        # vendor 11 (S3-compatible) needs extensionParams with an endpoint.
        self.assertPointers("update", with_storage(vendor=11),
                            [SC + "/extensionParams"])
        self.assertPointers("update", with_storage(vendor=11, extensionParams=None),
                            [SC + "/extensionParams"])
        self.assertPointers("update", with_storage(
            vendor=11, extensionParams={"sse": "aes256", "tag": "t"}),
            [SC + "/extensionParams/endpoint"])

    def test_mutual_exclusion_names_the_object(self):
        body = update_body({"streamSubscribe": {
            "audioUidList": {"subscribeAudioUids": ["1"], "unsubscribeAudioUids": ["2"]},
            "videoUidList": {"subscribeVideoUids": ["#allstream#"],
                             "unsubscribeVideoUids": ["2"]}}})
        self.assertPointers("update", body, [AUDIO, VIDEO])

    def test_null_is_absent_for_mutual_exclusion(self):
        body = update_body({"streamSubscribe": {
            "audioUidList": {"subscribeAudioUids": ["1"], "unsubscribeAudioUids": None},
            "videoUidList": {"subscribeVideoUids": None, "unsubscribeVideoUids": ["2"]}}})
        self.assertValid(self.validate("update", body, "--mode", "individual"))

    def test_forbidden_property_is_named_itself(self):
        for vendor, region in ((5, 0), (6, 0), (7, 3), (8, 1), (11, 0)):
            with self.subTest(vendor=vendor):
                extra = {}
                if vendor == 11:
                    extra["extensionParams"] = {"sse": "kms", "tag": "t", "endpoint": "e.example"}
                body = with_storage(vendor=vendor, region=region, stsToken="tok", **extra)
                self.assertPointers("update", body, [SC + "/stsToken"])
        for vendor in (1, 2, 3):
            with self.subTest(vendor=vendor):
                self.assertValid(self.validate("update", with_storage(vendor=vendor,
                                                                      stsToken="tok")))
        # null means absent: a null stsToken is fine for any vendor
        self.assertValid(self.validate("update", with_storage(vendor=5, stsToken=None)))

    def test_wrong_json_type_is_reported_at_the_value(self):
        self.assertPointers("update", update_body(uid=527841), ["/uid"])
        self.assertPointers("update", with_storage(region="0", bucket=7),
                            [SC + "/region", SC + "/bucket"])
        self.assertPointers("stop", stop_body(async_stop="false"),
                            ["/clientRequest/async_stop"])

    def test_array_items_are_pointed_to_by_index(self):
        body = update_body({"streamSubscribe": {"audioUidList": {
            "subscribeAudioUids": ["1", "0", "#allstream#", "4294967296"]}}})
        self.assertPointers("update", body, [AUDIO + "/subscribeAudioUids/1",
                                             AUDIO + "/subscribeAudioUids/3"])

    def test_root_that_is_not_an_object(self):
        for text in ('[]', '[{"cname": "c"}]', '"update"', '42', 'null', 'true'):
            with self.subTest(root=text):
                result = self.validate("update", text)
                self.assertExit(result, EXIT_INVALID)
                self.assertTrue(result.out.startswith(": "), result.describe())
                self.assertEqual(self.report("update", text), [""])

    def test_pointer_escapes_tilde_and_slash(self):
        body = update_body()
        body["a/b~c"] = 1
        self.assertPointers("update", body, ["/a~1b~0c"])

    def test_text_output_is_one_line_per_violation_even_for_odd_keys(self):
        # docs/DESIGN.md: "Text output is one line per violation". A key holding a
        # newline must not split its violation over two lines.
        body = update_body()
        body["evil\nkey"] = 1
        body["other"] = 2
        text = self.validate("update", body)
        js = self.validate("update", body, "--format", "json")
        self.assertExit(text, EXIT_INVALID)
        self.assertEqual(len(self.json_violations(js)), 2)
        self.assertEqual(len(text.out.splitlines()), 2, text.describe())

    def test_pointer_to_a_key_with_a_nul_character(self):
        # RFC 6901 pointers are exact: the unknown key "cname\u0000x" is at
        # "/cname\u0000x", not at "/cname" (a known property); and "cname" itself
        # is missing, which is a violation too.
        body = '{"cname\\u0000x": "c", "uid": "1", "clientRequest": {}}'
        result = self.validate("update", body, "--format", "json")
        self.assertExit(result, EXIT_INVALID)
        self.assertEqual(sorted(p for p, _ in self.json_violations(result)),
                         ["/cname", "/cname\u0000x"], result.describe())


class ModeTest(AcrTestCase):
    """--mode: rules of x-acr-modes."""

    WEB = update_body({"webRecordingConfig": {"onhold": True}})
    RTMP = update_body({"rtmpPublishConfig": {"outputs": [{"rtmpUrl": "rtmp://cdn.example/a"}]}})
    SUBSCRIBE = update_body({"streamSubscribe": {"audioUidList": {"subscribeAudioUids": ["1"]}}})

    def test_without_mode_the_mode_rules_are_skipped(self):
        for body in (self.WEB, self.RTMP, self.SUBSCRIBE):
            with self.subTest(body=to_json(body)):
                self.assertValid(self.validate("update", body))
        both = update_body({"webRecordingConfig": {"onhold": False},
                            "streamSubscribe": {"videoUidList": {"subscribeVideoUids": ["2"]}}})
        self.assertValid(self.validate("update", both))

    def test_individual_and_mix_reject_web_only_properties(self):
        for mode in ("individual", "mix"):
            with self.subTest(mode=mode):
                self.assertPointers("update", self.WEB, ["/clientRequest/webRecordingConfig"],
                                    "--mode", mode)
                self.assertPointers("update", self.RTMP, ["/clientRequest/rtmpPublishConfig"],
                                    "--mode", mode)
                self.assertValid(self.validate("update", self.SUBSCRIBE, "--mode", mode))

    def test_web_rejects_stream_subscribe(self):
        self.assertPointers("update", self.SUBSCRIBE, ["/clientRequest/streamSubscribe"],
                            "--mode", "web")
        self.assertValid(self.validate("update", self.WEB, "--mode", "web"))
        self.assertValid(self.validate("update", self.RTMP, "--mode", "web"))

    def test_null_mode_dependent_property_is_absent(self):
        body = update_body({"streamSubscribe": None, "webRecordingConfig": None,
                            "rtmpPublishConfig": None})
        for mode in MODES:
            with self.subTest(mode=mode):
                self.assertValid(self.validate("update", body, "--mode", mode))

    def test_acquire_checks_its_mode_rules_with_mode(self):
        # acquire has no mode in its path, but its cname and startParameter follow
        # the later start's mode (schema/README.md): --mode checks them. It was
        # refused as "does not take the mode" (a usage error).
        long_name = update_body(cname="c" * 64)
        self.assertValid(self.validate("acquire", long_name))
        self.assertValid(self.validate("acquire", long_name, "--mode", "web"))
        for mode in ("individual", "mix"):
            with self.subTest(mode=mode):
                self.assertPointers("acquire", long_name, ["/cname"], "--mode", mode)
        self.assertUsageError(self.validate("acquire", long_name, "--mode", "composite"))
        # An operation whose mode allows one value still refuses the others.
        self.assertUsageError(self.validate("update-layout", update_body(), "--mode", "web"))

    def test_mode_option_forms(self):
        self.assertPointers("update", self.SUBSCRIBE, ["/clientRequest/streamSubscribe"],
                            "--mode=web")
        # options may come before the request name
        result = run_acr(["validate", "--mode", "web", "update"], stdin=to_json(self.SUBSCRIBE))
        self.assertExit(result, EXIT_INVALID)

    def test_unknown_mode_is_a_usage_error(self):
        for mode in ("Web", "composite", "INDIVIDUAL", "", " mix", "mix "):
            with self.subTest(mode=mode):
                self.assertUsageError(self.validate("update", self.WEB, "--mode", mode))
                self.assertUsageError(self.validate("stop", stop_body(), "--mode=" + mode))

    def test_mode_without_value_is_a_usage_error(self):
        self.assertUsageError(self.validate("update", self.WEB, "--mode"))


class InputTest(AcrTestCase):
    """FILE, `-`, standard input, unreadable input, malformed JSON."""

    def test_file_dash_and_stdin_agree(self):
        bodies = [update_body(), many_problems_body(), "[]"]
        for body in bodies:
            data = to_json(body)
            path = self.write_file("body.json", data)
            for fmt in ("text", "json"):
                with self.subTest(body=data[:50], format=fmt):
                    from_file = run_acr(["validate", "update", "--format", fmt, path])
                    from_dash = run_acr(["validate", "update", "--format", fmt, "-"], stdin=data)
                    from_stdin = run_acr(["validate", "update", "--format", fmt], stdin=data)
                    for other in (from_dash, from_stdin):
                        self.assertEqual((other.code, other.out), (from_file.code, from_file.out))

    def test_file_with_an_odd_name(self):
        path = self.write_file("my body é.json", to_json(update_body()))
        self.assertValid(run_acr(["validate", "update", path]))

    def test_missing_file(self):
        path = os.path.join(self.tmpdir(), "no such body.json")
        for fmt in ("text", "json"):
            with self.subTest(format=fmt):
                result = run_acr(["validate", "update", "--format", fmt, path])
                self.assertNotChecked(result, "unreadable")
                self.assertIn(path, result.err)

    def test_directory_instead_of_file(self):
        path = self.tmpdir()
        result = run_acr(["validate", "update", path])
        self.assertUsageError(result)
        self.assertIn(path, result.err)

    @unittest.skipIf(hasattr(os, "geteuid") and os.geteuid() == 0,
                     "root can read a file without read permission")
    def test_file_without_read_permission(self):
        path = self.write_file("secret.json", to_json(update_body()))
        os.chmod(path, 0)
        result = run_acr(["validate", "update", path])
        self.assertUsageError(result)
        self.assertIn(path, result.err)

    # (input, line, column of the offending character). Each offender is one
    # character long, so "the position of the problem" is unambiguous.
    SYNTAX_ERRORS = [
        ("stray ] where a key is expected, line 3",
         '{\n  "cname": "c",\n  ]\n}', 3, 3),
        ("value missing after colon",
         '{\n  "cname": :\n}', 2, 12),
        ("no colon after key",
         '{\n\n  "cname" 7\n}', 3, 11),
        ("missing comma between array items",
         '{\n  "clientRequest": [\n    1,\n    2 3\n  ]\n}', 4, 7),
        ("wrong closer in an array",
         '{"a": [\n  1,\n  2\n}', 4, 1),
        ("double comma",
         '{"cname": "c",, "uid": "1"}', 1, 15),
        ("content after the object",
         '{"cname": "c"}\n\n  ]', 3, 3),
        ("columns count characters, not bytes",
         '{\n"cname": "\u00e9\u20ac", "x": ]}', 2, 21),
        ("invalid UTF-8 byte in a string",
         b'{\n  "cname": "\xff"\n}', 2, 13),
        ("error on a line far down",
         "\n" * 100000 + '{"cname": "c",\n   ]}', 100002, 4),
        ("error as the last byte of the first 64 KiB",
         " " * 65535 + "]", 1, 65536),
        ("error as the first byte after 64 KiB",
         "{" + " " * 65535 + "]", 1, 65537),
    ]

    def test_syntax_error_positions(self):
        for what, text, line, column in self.SYNTAX_ERRORS:
            with self.subTest(what):
                result = self.validate("update", text)
                self.assertUsageError(result)
                self.assertEqual(self.position(result), (line, column), result.describe())

    def test_syntax_error_position_after_an_object_member(self):
        # The commonest JSON mistake: a missing comma between two members. The
        # position must be that of the token found instead of ',' or '}'.
        cases = [
            ("] instead of , or }", '{\n  "cname": "c"\n  ]\n}', 3, 3),
            ("number after a member", '{\n  "uid": "1",\n  "cname": "c" 7\n}', 3, 16),
            ("at the 64 KiB boundary", '{"cname":"c"' + " " * 65524 + "]", 1, 65537),
        ]
        for what, text, line, column in cases:
            with self.subTest(what):
                result = self.validate("update", text)
                self.assertUsageError(result)
                self.assertEqual(self.position(result), (line, column), result.describe())
        # A missing comma before the next key: the first or last character of
        # the offending "uid" token (columns 3 to 7), not one inside it.
        result = self.validate("update", '{\n  "cname": "c"\n  "uid": "1"\n}')
        self.assertUsageError(result)
        self.assertIn(self.position(result), [(3, 3), (3, 7)], result.describe())

    def test_syntax_error_names_the_input(self):
        path = self.write_file("broken.json", '{"cname": ]}')
        result = run_acr(["validate", "update", path])
        self.assertUsageError(result)
        self.assertIn(path, result.err)

    def test_truncated_json(self):
        for text in ('{"cname": "c", "uid": "1"', '{\n  "cname": "c",\n', '{"cname": "ab',
                     '{"clientRequest": {"storageConfig": {"fileNamePrefix": ["a"', '{', '['):
            for fmt in ("text", "json"):
                with self.subTest(text=text, format=fmt):
                    result = self.validate("update", text, "--format", fmt)
                    self.assertNotChecked(result, "malformed")
                    self.position(result)

    def test_truncated_valid_document_at_every_length(self):
        # Every proper prefix of a valid body is malformed (exit 2), never valid
        # and never a crash.
        text = to_json(update_body({"storageConfig": storage_config(
            fileNamePrefix=["a", "b"], stsExpiration=1735707600)}))
        for n in range(len(text) - 1, 0, -7):
            with self.subTest(length=n):
                result = self.validate("update", text[:n])
                if text[:n].strip():
                    self.assertUsageError(result)

    def test_empty_input(self):
        for text in ("", " ", "\n\n\t \r\n"):
            for fmt in ("text", "json"):
                with self.subTest(text=text, format=fmt):
                    self.assertNotChecked(self.validate("update", text, "--format", fmt), "malformed")
        path = self.write_file("empty.json", "")
        self.assertUsageError(run_acr(["validate", "stop", path]))

    def test_more_than_one_document(self):
        valid = to_json(update_body())
        for text in (valid + " {}", valid + valid, "[] []", '"a" "b"'):
            with self.subTest(text=text[-20:]):
                self.assertUsageError(self.validate("update", text))

    def test_malformed_json_prints_no_violations(self):
        # Violations found before the syntax error are not printed: the exit
        # code is 2, stdout stays empty in text and holds only the syntax error in json.
        text = '{"uid": 5, "bogus": 1, "cname": ]'
        for fmt in ("text", "json"):
            with self.subTest(format=fmt):
                self.assertNotChecked(self.validate("update", text, "--format", fmt), "malformed")

    def test_deep_nesting_is_refused_cleanly(self):
        for text in ("[" * 100000 + "]" * 100000,
                     '{"cname": ' + "[" * 100000 + "]" * 100000 + "}",
                     '{"a":' * 50000 + "1" + "}" * 50000):
            with self.subTest(text=text[:12]):
                self.assertUsageError(self.validate("update", text))

    def test_large_body_of_white_space(self):
        # White space around a valid body, up to the 1 MiB limit on a request
        # body (ACR_MAX_REQUEST_BYTES): read; one byte more is refused (exit 2).
        body = to_json(update_body({"storageConfig": storage_config()}))
        limit = 1 << 20
        lead = " \n" * 250000
        text = lead + body + "\t\r\n" * ((limit - len(lead) - len(body)) // 3)
        text += " " * (limit - len(text.encode("utf-8")))
        self.assertEqual(len(text.encode("utf-8")), limit)
        path = self.write_file("big.json", text)
        self.assertValid(run_acr(["validate", "update", path]))
        self.assertValid(run_acr(["validate", "update", "--format", "json", "-"], stdin=text))
        over = run_acr(["validate", "update", "-"], stdin=text + " ")
        self.assertUsageError(over)
        self.assertIn("longer than 1048576 bytes", over.err)

    def test_key_that_is_not_utf8_is_reported_at_its_object(self):
        # Its bytes never reach a pointer: the JSON report stays UTF-8.
        body = b'{"cname":"c","uid":"1","clientRequest":{"b\xed\xa0\x80d":1}}'
        result = run_acr(["validate", "update", "--format", "json", "-"], stdin=body)
        self.assertExit(result, EXIT_INVALID)
        self.assertEqual([p for p, _ in self.json_violations(result)], ["/clientRequest"])

    def test_lone_surrogate_escape_is_malformed(self):
        # yajl alone would turn it into "?" and the body would be sent as that.
        result = run_acr(["validate", "update", "-"], stdin='{"cname":"\\ud800","uid":"1","clientRequest":{}}')
        self.assertUsageError(result)
        self.assertEqual(self.position(result), (1, 17))

    def test_long_cname(self):
        # cname is at most 1024 bytes in every mode, and an RTC channel name (at most
        # 63 bytes) in individual and mix; a long one is one violation, not a crash.
        self.assertValid(self.validate("update", update_body(cname="c" * 1024)))
        self.assertValid(self.validate("update", update_body(cname="c" * 1024), "--mode", "web"))
        self.assertValid(self.validate("update", update_body(cname="c" * 63), "--mode", "mix"))
        self.assertPointers("update", update_body(cname="c" * 64), ["/cname"], "--mode", "individual")
        self.assertPointers("update", update_body(cname="c" * 1025), ["/cname"])
        self.assertPointers("update", update_body(cname="c" * 1000000), ["/cname"])
        bad = update_body(cname="c" * 1000000, uid="0")
        self.assertPointers("update", bad, ["/cname", "/uid"])
        # Past the size limit: refused before any rule is checked.
        self.assertUsageError(self.validate("update", update_body(cname="c" * 5000000)))


class UsageTest(AcrTestCase):
    """The command line itself."""

    def test_no_command(self):
        result = run_acr([])
        self.assertUsageError(result)
        self.assertIn("usage", result.err.lower())

    def test_unknown_command(self):
        self.assertUsageError(run_acr(["frobnicate"]))

    def test_validate_without_request_name(self):
        self.assertUsageError(run_acr(["validate"], stdin=to_json(update_body())))
        self.assertUsageError(run_acr(["validate", "--format", "json"], stdin="{}"))

    def test_validate_unknown_request_name(self):
        for name in ("Update", "update_layout", "frobnicate", "-"):
            with self.subTest(name=name):
                self.assertUsageError(run_acr(["validate", name], stdin=to_json(update_body())))

    def test_unknown_option(self):
        for option in ("--bogus", "--mode-x", "--formats=json", "--verbose-all"):
            with self.subTest(option=option):
                self.assertUsageError(run_acr(["validate", "update", option],
                                              stdin=to_json(update_body())))

    def test_unknown_format(self):
        for fmt in ("xml", "JSON", ""):
            with self.subTest(format=fmt):
                self.assertUsageError(run_acr(["validate", "update", "--format=" + fmt],
                                              stdin=to_json(update_body())))
        self.assertUsageError(run_acr(["validate", "update", "--format"], stdin="{}"))

    def test_options_after_the_files(self):
        path = self.write_file("body.json", to_json(update_body()))
        self.assertValid(run_acr(["validate", "update", path, path, "--format", "json"]))
        self.assertUsageError(run_acr(["validate", "update", path, "--bogus", path]))

    def test_validate_help(self):
        for args in (["validate", "--help"], ["validate", "update", "--help"],
                     ["validate", "stop", "--mode", "web", "--help"]):
            with self.subTest(args=args):
                result = run_acr(args)
                self.assertExit(result, EXIT_VALID)
                self.assertTrue(result.out.lower().startswith("usage"), result.describe())
                self.assertIn("validate", result.out)
                self.assertIn("--mode", result.out)
                self.assertIn("--format", result.out)

    def test_top_level_help(self):
        result = run_acr(["--help"])
        self.assertExit(result, EXIT_VALID)
        self.assertIn("usage", result.out.lower())
        self.assertIn("validate", result.out)

    def test_version(self):
        result = run_acr(["--version"])
        self.assertExit(result, EXIT_VALID)
        self.assertRegex(result.out, r"\d+\.\d+")


class BoundaryTest(AcrTestCase):
    """A few constraints at their boundary, through the command line."""

    def test_thirty_two_uids_per_list(self):
        for key, list_name in (("subscribeAudioUids", "audioUidList"),
                               ("unsubscribeAudioUids", "audioUidList"),
                               ("subscribeVideoUids", "videoUidList"),
                               ("unsubscribeVideoUids", "videoUidList")):
            with self.subTest(key=key):
                def body(n):
                    return update_body({"streamSubscribe": {list_name: {key: uids(n)}}})
                self.assertValid(self.validate("update", body(32), "--mode", "individual"))
                self.assertPointers("update", body(33), [
                    "/clientRequest/streamSubscribe/{}/{}".format(list_name, key)])

    def test_file_name_prefix_total_length(self):
        # the total counts one "/" after each element
        for at_limit, over in ((["a" * 63, "b" * 63], ["a" * 63, "b" * 64]),
                               (["x" * 127], ["x" * 128]),
                               (["ab"] * 42 + ["c"], ["ab"] * 43)):
            with self.subTest(elements=len(at_limit)):
                self.assertEqual(sum(len(e) + 1 for e in at_limit), 128)
                self.assertEqual(sum(len(e) + 1 for e in over), 129)
                self.assertValid(self.validate("update", with_storage(fileNamePrefix=at_limit)))
                self.assertPointers("update", with_storage(fileNamePrefix=over),
                                    [SC + "/fileNamePrefix"])

    def test_sts_expiration_is_uint64(self):
        def body(literal):
            text = to_json(with_storage(stsExpiration=0))
            return text.replace('"stsExpiration": 0', '"stsExpiration": ' + literal)
        for literal in ("0", "18446744073709551615"):
            with self.subTest(literal=literal):
                self.assertValid(self.validate("update", body(literal)))
        for literal in ("18446744073709551616", "-1", "99999999999999999999999"):
            with self.subTest(literal=literal):
                self.assertPointers("update", body(literal), [SC + "/stsExpiration"])

    def test_baidu_regions(self):
        for region in (1, 7):
            with self.subTest(region=region):
                self.assertValid(self.validate("update", with_storage(vendor=8, region=region)))
        for region in (0, 8):
            with self.subTest(region=region):
                self.assertPointers("update", with_storage(vendor=8, region=region),
                                    [SC + "/region"])

    def test_uid_range(self):
        for uid in ("1", "4294967295"):
            with self.subTest(uid=uid):
                self.assertValid(self.validate("stop", dict(stop_body(), uid=uid)))
        for uid in ("0", "4294967296", "01", "", "-1", " 1"):
            with self.subTest(uid=uid):
                self.assertPointers("stop", dict(stop_body(), uid=uid), ["/uid"])


SECRETS = ("SECRET-AK-123", "SECRET-SK-456", "SECRET-STS-789")


class SecretTest(AcrTestCase):
    """accessKey, secretKey and stsToken never reach stdout or stderr."""

    def assertNoSecrets(self, document, body, secrets=SECRETS, expect=None):
        data = to_json(body)
        for secret in secrets:
            self.assertIn(secret, data if isinstance(data, str) else data.decode())
        for options in ([], ["--format", "json"], ["--mode", "web"],
                        ["--mode", "individual", "--format", "json"]):
            with self.subTest(body=data[:70], options=options):
                result = self.validate(document, data, *options)
                if expect is not None:
                    self.assertExit(result, expect)
                for secret in secrets:
                    self.assertNotIn(secret.encode(), result.out_bytes, result.describe())
                    self.assertNotIn(secret.encode(), result.err_bytes, result.describe())

    def test_valid_secrets_in_an_invalid_body(self):
        self.assertNoSecrets("update", many_problems_body(*SECRETS), expect=EXIT_INVALID)
        body = with_storage(accessKey=SECRETS[0], secretKey=SECRETS[1], stsToken=SECRETS[2],
                            bucket=REMOVE, region=99)
        body["uid"] = 7
        self.assertNoSecrets("update", body, expect=EXIT_INVALID)

    def test_sts_token_with_a_vendor_that_forbids_it(self):
        for vendor in (5, 6, 7, 11):
            with self.subTest(vendor=vendor):
                body = with_storage(vendor=vendor, region=1, accessKey=SECRETS[0],
                                    secretKey=SECRETS[1], stsToken=SECRETS[2])
                self.assertNoSecrets("update", body, expect=EXIT_INVALID)

    def test_secret_fields_of_the_wrong_type(self):
        body = with_storage(accessKey=[SECRETS[0]], secretKey={"value": SECRETS[1]},
                            stsToken=[[SECRETS[2]]])
        self.assertNoSecrets("update", body, expect=EXIT_INVALID)
        # a secret written as a JSON number
        numeric = to_json(with_storage(secretKey=0, accessKey=SECRETS[0])).replace(
            '"secretKey": 0', '"secretKey": 918273645')
        self.assertNoSecrets("update", numeric, secrets=("918273645", SECRETS[0]),
                             expect=EXIT_INVALID)

    def test_secret_values_that_break_string_rules(self):
        body = with_storage(accessKey=SECRETS[0] + "\u0000", secretKey=SECRETS[1] + "\u0000",
                            stsToken=SECRETS[2] + "\u0000", vendor=6)
        self.assertNoSecrets("update", body, expect=EXIT_INVALID)

    def test_secret_under_a_misspelled_key(self):
        body = update_body({"storageConfig": {
            "vendor": 1, "region": 0, "bucket": "b", "accesskey": SECRETS[0],
            "secret_key": SECRETS[1], "ststoken": SECRETS[2]}})
        self.assertNoSecrets("update", body, expect=EXIT_INVALID)

    def test_secret_next_to_a_syntax_error(self):
        text = ('{"cname": "c", "uid": "1", "clientRequest": {"storageConfig": '
                '{"accessKey": "SECRET-AK-123" "secretKey": "SECRET-SK-456", '
                '"stsToken": "SECRET-STS-789"}}}')
        self.assertNoSecrets("update", text, expect=EXIT_USAGE)
        truncated = text[:text.index("SECRET-STS-789") + len("SECRET-STS-789")]
        self.assertNoSecrets("update", truncated, expect=EXIT_USAGE)
        bad_escape = text.replace("SECRET-SK-456", "SECRET-SK-456\\q")
        self.assertNoSecrets("update", bad_escape, expect=EXIT_USAGE)

    def test_secrets_in_a_stop_body(self):
        # stop takes no storage settings: reported as unknown, values not shown
        body = stop_body()
        body["clientRequest"]["storageConfig"] = {"accessKey": SECRETS[0],
                                                  "secretKey": SECRETS[1],
                                                  "stsToken": SECRETS[2]}
        self.assertNoSecrets("stop", body, expect=EXIT_INVALID)


if __name__ == "__main__":
    unittest.main()


def many_unknown_properties(count):
    """An update body with `count` unknown properties: `count` violations."""
    body = update_body()
    for i in range(count):
        body["extra{:04d}".format(i)] = i
    return body


class ManyFilesTest(AcrTestCase):
    """acr validate for CI and scripts (issue 12 item 2): many files, one summary,
    one JSON document whatever happens, a cap per file."""

    SUMMARY_RE = r"(?m)^acr validate: (\d+) files?: (\d+) valid, (\d+) invalid \((\d+) violations?\), (\d+) not checked$"

    def files(self, *contents):
        """Writes each content to its own file in one directory; returns the paths."""
        folder = self.tmpdir()
        paths = []
        for i, content in enumerate(contents):
            path = os.path.join(folder, "body{}.json".format(i))
            with open(path, "wb") as f:
                f.write(content if isinstance(content, bytes) else to_json(content).encode("utf-8"))
            paths.append(path)
        return paths

    def summary(self, result):
        import re
        found = re.findall(self.SUMMARY_RE, result.err)
        self.assertEqual(len(found), 1, "expected one summary line:\n" + result.describe())
        return tuple(int(n) for n in found[0])

    def test_several_files_each_line_starts_with_the_file_name(self):
        valid, invalid, other = self.files(update_body(), many_problems_body(), {"cname": "c", "uid": 1,
                                                                                 "clientRequest": {}})
        result = run_acr(["validate", "update", valid, invalid, other])
        self.assertExit(result, EXIT_INVALID)
        lines = result.out.splitlines()
        self.assertEqual(len(lines), len(MANY_PROBLEMS_POINTERS) + 1, result.describe())
        for line in lines[:-1]:
            self.assertTrue(line.startswith(invalid + ": /"), line)
        self.assertEqual(lines[-1], other + ": /uid: must be a string")
        pointers = sorted(line[len(invalid) + 2:].split(": ", 1)[0] for line in lines[:-1])
        self.assertEqual(pointers, sorted(MANY_PROBLEMS_POINTERS))
        self.assertEqual(self.summary(result), (3, 1, 2, len(MANY_PROBLEMS_POINTERS) + 1, 0))

    def test_one_file_keeps_the_plain_format_and_has_a_summary(self):
        result = self.validate("update", many_problems_body(), "--mode", "mix")
        self.assertEqual(sorted(p for p, _ in self.text_violations(result)), sorted(MANY_PROBLEMS_POINTERS))
        self.assertEqual(self.summary(result), (1, 0, 1, len(MANY_PROBLEMS_POINTERS), 0))
        self.assertEqual(self.summary(self.validate("stop", stop_body(), "--mode", "web")), (1, 1, 0, 0, 0))

    def test_dash_is_standard_input_among_files(self):
        (path,) = self.files(update_body())
        result = run_acr(["validate", "update", path, "-"], stdin='{"uid": "1"}')
        self.assertExit(result, EXIT_INVALID)
        self.assertTrue(result.out.startswith("<stdin>: "), result.describe())
        self.assertNotIn(path, result.out)

    def test_the_worst_outcome_sets_the_exit_code(self):
        valid, invalid, broken = self.files(update_body(), {"uid": 1}, '{"cname": ]')
        missing = os.path.join(self.tmpdir(), "missing.json")
        self.assertExit(run_acr(["validate", "update", valid, valid]), EXIT_VALID)
        self.assertExit(run_acr(["validate", "update", valid, invalid]), EXIT_INVALID)
        for bad in (broken, missing):
            with self.subTest(bad=bad):
                result = run_acr(["validate", "update", invalid, bad, valid])
                self.assertExit(result, EXIT_USAGE)
                self.assertIn(bad, result.err)
                self.assertEqual(self.summary(result), (3, 1, 1, 3, 1))
                # The files after the bad one were checked too.
                self.assertIn(invalid + ": /uid", result.out)

    def test_json_is_one_document_for_every_outcome(self):
        valid, invalid, broken = self.files(update_body(), {"cname": "c", "uid": 1, "clientRequest": {}},
                                            '{\n  "cname": ]\n}')
        missing = os.path.join(self.tmpdir(), "missing.json")
        result = run_acr(["validate", "update", "--format", "json", valid, invalid, broken, missing])
        self.assertExit(result, EXIT_USAGE)
        report = json.loads(result.out)
        self.assertEqual(report, [
            {"file": invalid, "pointer": "/uid", "message": "must be a string"},
            {"file": broken, "error": "malformed", "line": 2, "column": 12,
             "message": report[1]["message"]},
            {"file": missing, "error": "unreadable", "message": report[2]["message"]},
        ])
        self.assertIn("line 2, column 12", report[1]["message"])
        # One file: the same entries, without "file".
        for content, kind in (('{"cname": ]', "malformed"), (None, "unreadable")):
            with self.subTest(kind=kind):
                path = missing if content is None else self.files(content)[0]
                result = run_acr(["validate", "update", "--format=json", path])
                report = self.assertNotChecked(result, kind)
                self.assertEqual(len(report), 1)
                self.assertNotIn("file", report[0])
        self.assertValid(run_acr(["validate", "update", "--format", "json", valid, valid]))

    def test_violations_are_capped_per_file(self):
        (path,) = self.files(many_unknown_properties(150))
        result = run_acr(["validate", "update", path])
        self.assertExit(result, EXIT_INVALID)
        self.assertEqual(len(result.out.splitlines()), 100, result.describe())
        self.assertIn(": and 50 more violations", result.err)
        self.assertEqual(self.summary(result)[3], 150)  # the summary counts them all
        result = run_acr(["validate", "update", "--max-violations", "7", "--format", "json", path, path])
        report = json.loads(result.out)
        self.assertEqual(len(report), 16)
        self.assertEqual(report[7], {"file": path, "omitted": 143, "message": "and 143 more violations"})
        self.assertEqual(len(run_acr(["validate", "update", "--max-violations=0", path]).out.splitlines()), 150)
        (exactly,) = self.files(many_unknown_properties(100))
        result = run_acr(["validate", "update", exactly])
        self.assertEqual(len(result.out.splitlines()), 100)
        self.assertNotIn("more", result.err)
        for bad in ("-1", "x", "", "1.5"):
            with self.subTest(bad=bad):
                self.assertUsageError(run_acr(["validate", "update", "--max-violations", bad, path]))

    def test_a_note_when_mode_rules_were_skipped(self):
        note = "no --mode given"
        self.assertIn(note, self.validate("update", update_body()).err)
        self.assertIn(note, self.validate("update", many_problems_body()).err)
        self.assertNotIn(note, self.validate("update", update_body(), "--mode", "mix").err)
        self.assertNotIn(note, self.validate("update", "{").err)  # nothing was checked

    def test_byte_order_mark_is_named(self):
        body = b"\xef\xbb\xbf" + to_json(update_body()).encode("utf-8")
        for fmt in ("text", "json"):
            with self.subTest(format=fmt):
                result = run_acr(["validate", "update", "--format", fmt], stdin=body)
                self.assertNotChecked(result, "malformed")
                self.assertIn("byte order mark", result.err)
                self.assertEqual(self.position(result), (1, 1))

    def test_a_thousand_files_in_one_run(self):
        # Functional only: every file is read and reported (timing: README, not here).
        folder = self.tmpdir()
        paths = []
        for i in range(1000):
            path = os.path.join(folder, "b{:04d}.json".format(i))
            with open(path, "w") as f:
                f.write(to_json(update_body() if i % 10 else {"cname": "c", "uid": i, "clientRequest": {}}))
            paths.append(path)
        result = run_acr(["validate", "update", "--mode", "mix"] + paths)
        self.assertExit(result, EXIT_INVALID)
        self.assertEqual(self.summary(result), (1000, 900, 100, 100, 0))
        self.assertEqual(len(result.out.splitlines()), 100)

    def test_validate_lists_the_operations_with_a_body(self):
        result = run_acr(["validate", "--help"])
        for name in ("update", "stop"):
            self.assertIn(name, result.out)
