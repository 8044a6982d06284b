#!/usr/bin/env python3
"""Writes the seed corpus of the fuzz targets into tests/fuzz/corpus/<target>/.

The seeds are the request and response examples of schema/cloud_recording.json
plus hand-picked edge cases. Byte 0 of every JSON seed is the chunking selector
(tests/fuzz/fuzz_checks.c): '0' byte by byte, '1' two pieces, '2' pieces of 13
bytes, '3' pseudo-random pieces. Run it again after a schema change:

    python3 tests/fuzz/make_corpus.py

It replaces only the files named seed-*; other inputs stay (corpus/fuzz_struct
holds recipes, not JSON: its run-* files were picked from a fuzzing run).
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SELECTORS = b"0123"


METHODS = ("get", "put", "post", "delete", "patch")


def kebab(name):
    """operationId -> the acr subcommand (updateLayout -> update-layout)."""
    return re.sub(r"([a-z0-9])([A-Z])", r"\1-\2", name).lower()


def operations(schema):
    """Every operation of the schema, in schema order: (subcommand, operation object)."""
    return [(kebab(op["operationId"]), op) for item in schema["paths"].values()
            for method, op in item.items() if method in METHODS]


def examples(schema, where):
    """(name, value) of every operation's request body examples (where='request')
    or 200 response examples, each name prefixed with the operation's subcommand."""
    for operation, op in operations(schema):
        if where == "request":
            content = op.get("requestBody", {}).get("content", {}).get("application/json", {})
        else:
            content = op["responses"].get("200", {}).get("content", {}).get("application/json", {})
        for name, example in sorted(content.get("examples", {}).items()):
            yield operation + "-" + name, example["value"]


def compact(value):
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode()


def uids(n):
    return [str(1000 + i) for i in range(n)]


def request_edge_cases():
    base = {"cname": "c", "uid": "1"}
    storage = {"vendor": 1, "region": 0, "bucket": "b", "accessKey": "SECRET-access", "secretKey": "SECRET-secret"}
    cases = {
        "empty-object": b"{}",
        "empty-client-request": compact({**base, "clientRequest": {}}),
        "uid-limits": compact({"cname": "c", "uid": "4294967296", "clientRequest": {"streamSubscribe": {
            "audioUidList": {"subscribeAudioUids": ["4294967295", "0", "#allstream#", "01"]}}}}),
        "32-uids": compact({**base, "clientRequest": {"streamSubscribe": {
            "videoUidList": {"subscribeVideoUids": uids(32)}}}}),
        "33-uids-and-both": compact({**base, "clientRequest": {"streamSubscribe": {
            "audioUidList": {"subscribeAudioUids": uids(33), "unsubscribeAudioUids": ["7"]}}}}),
        "prefix-128": compact({**base, "clientRequest": {"storageConfig": {
            **storage, "fileNamePrefix": ["a" * 63, "b" * 63]}}}),
        "prefix-129-and-bad-chars": compact({**base, "clientRequest": {"storageConfig": {
            **storage, "fileNamePrefix": ["a" * 64, "b" * 63, "x/y", "", "\u00e9"]}}}),
        "sts-uint64-max": compact({**base, "clientRequest": {"storageConfig": {
            **storage, "stsToken": "SECRET-token", "stsExpiration": 18446744073709551615}}}),
        "sts-numbers": b'{"cname":"c","uid":"1","clientRequest":{"storageConfig":{"vendor":1.0,"region":1e1,'
                       b'"bucket":"b","accessKey":"a","secretKey":"s","stsExpiration":18446744073709551616}}}',
        "sts-wrong-vendor": compact({**base, "clientRequest": {"storageConfig": {
            **storage, "vendor": 5, "region": 99, "stsToken": "SECRET-token"}}}),
        "s3-compatible-no-endpoint": compact({**base, "clientRequest": {"storageConfig": {
            **storage, "vendor": 11, "extensionParams": {"sse": "aes128", "tag": "SECRET-tag"}}}}),
        "wrong-types": compact({"cname": 1, "uid": 527841, "clientRequest": {
            "streamSubscribe": [], "webRecordingConfig": {"onhold": "yes"},
            "rtmpPublishConfig": {"outputs": [{"rtmpUrl": "http://x"}, {"rtmpUrl": "SECRET"}, 3]},
            "storageConfig": {"vendor": "1", "region": -0.5, "fileNamePrefix": [1, None, "ok"]}}}),
        "typos-and-duplicates": b'{"cname":"a","cname":"b","uid":"1","clientRequest":{"streamSubscribe":'
                                b'{"audioUidList":{"unSubscribeAudioUids":["1"]}},"SECRET":{"a":[1,{"b":2}]}}}',
        "nulls": compact({"cname": None, "uid": "1", "clientRequest": {"webRecordingConfig": {"onhold": None},
                                                                      "storageConfig": None}}),
        "escapes": b'{"cname":"\\u00e9\\ud83d\\ude00\\/\\"\\\\\\b\\f\\n\\r\\t","uid":"\\ud800",'
                   b'"clientRequest":{"a~b/c":1,"":2}}',
        "nul-character": b'{"cname":"a\\u0000b","uid":"1","clientRequest":{"x\\u0000y":1}}',
        "raw-utf8": '{"cname":"caf\u00e9 \U0001F600","uid":"1","clientRequest":{}}'.encode(),
        "overlong-utf8": b'{"cname":"\xc0\x80","uid":"\xed\xa0\x80","clientRequest":{"\xf4\x90\x80\x80":1}}',
        "deep-nesting": b'{"cname":"c","uid":"1","clientRequest":{"x":' + b"[" * 70 + b"]" * 70 + b"}}",
        "trailing-garbage": b'{"cname":"c","uid":"1","clientRequest":{}} {}',
        "missing-comma": b'{"cname":"c"\n  "uid":"1"}',
        "truncated": b'{"cname":"c","uid":"1","clientRequest":{"storageConfig":{"vendor":1',
        "top-level-array": b'[{"cname":"c"}]',
        "stop-async": compact({**base, "clientRequest": {"async_stop": True, "asyncStop": False}}),
    }
    return cases


def response_edge_cases():
    entry = {"fileName": "a.m3u8", "trackType": "audio", "uid": "1", "mixedAllUser": True, "isPlayable": False,
             "sliceStartTime": 9223372036854775807}
    return {
        "unknown-fields-and-enums": compact({"cname": "c", "uid": "1", "resourceId": "r", "sid": "s", "extra": [1, {}],
                                             "serverResponse": {"uploadingStatus": "halfway", "fileListMode": "xml",
                                                                "newField": None, "fileList": [
                                                                    {**entry, "trackType": "subtitles", "more": 1}]}}),
        "file-list-string": compact({"serverResponse": {"fileListMode": "string", "fileList": "x.m3u8"}}),
        "file-list-items": compact({"serverResponse": {"fileListMode": "json", "fileList": [entry, entry]}}),
        "web-states": compact({"serverResponse": {"extensionServiceState": [
            {"serviceName": "web_recorder_service", "payload": {"fileList": [{"filename": "a.mp4",
                                                                             "sliceStartTime": 0}],
                                                                "onhold": True, "state": "inProgress"}},
            {"serviceName": "translator", "payload": {"state": "paused", "uploadingStatus": "backuped"}}]}}),
        "wrong-type": compact({"cname": 1}),
        "duplicate": b'{"sid":"a","sid":"b"}',
        "int-limits": compact({"serverResponse": {"fileList": [{"sliceStartTime": -9223372036854775808},
                                                               {"sliceStartTime": 9223372036854775808}]}}),
        "nul-and-escapes": b'{"cname":"\\u0000","uid":"\\ud83d\\ude00","sid":"\\udc00"}',
        "error-service": compact({"code": 2, "reason": "invalid parameter", "resourceId": "r", "sid": "s"}),
        "error-gateway": compact({"message": "Invalid authentication credentials"}),
        "error-404": compact({"code": 404, "reason": "failed to find worker"}),
        "error-code-1e3": b'{"code":4.35e2,"reason":null}',
        "empty": b"",
        "not-json": b"<html>502 Bad Gateway</html>",
        "deep": b'{"x":' + b'{"y":' * 70 + b"1" + b"}" * 71,
    }


def write(directory, name, data):
    os.makedirs(directory, exist_ok=True)
    with open(os.path.join(directory, "seed-" + name), "wb") as f:
        f.write(data)


def main():
    with open(os.path.join(ROOT, "schema", "cloud_recording.json"), encoding="utf-8") as f:
        schema = json.load(f)
    corpus = os.path.join(HERE, "corpus")
    targets = ["fuzz_request", "fuzz_response", "fuzz_roundtrip", "fuzz_pattern", "fuzz_number"]
    for target in targets:
        d = os.path.join(corpus, target)
        if os.path.isdir(d):
            for name in os.listdir(d):
                if name.startswith("seed-"):
                    os.remove(os.path.join(d, name))

    def json_seeds(target, seeds):
        for i, (name, data) in enumerate(seeds):
            write(os.path.join(corpus, target), name, SELECTORS[i % 4:i % 4 + 1] + data)

    # Every operation's examples: fuzz_request and fuzz_response try each input
    # on every request or response type of the tables.
    requests = [(n, compact(v)) for n, v in examples(schema, "request")]
    requests += sorted(request_edge_cases().items())
    json_seeds("fuzz_request", requests)

    responses = [(n, compact(v)) for n, v in examples(schema, "response")]
    edge = sorted(response_edge_cases().items())
    json_seeds("fuzz_response", responses + edge)
    errors = [(n, d) for n, d in edge if n.startswith("error-")]
    # The first example of each operation's request and response, the error bodies
    # and the trickiest requests.
    names = sorted((name for name, _ in operations(schema)), key=len, reverse=True)
    firsts, seen = [], set()
    for kind, items in (("request", requests), ("response", responses)):
        for name, data in items:
            operation = next((o for o in names if name.startswith(o + "-")), None)
            if operation and (kind, operation) not in seen:
                seen.add((kind, operation))
                firsts.append((kind + "-" + name, data))
    json_seeds("fuzz_roundtrip", firsts + errors[:3] + [
        (n, d) for n, d in requests if n in ("wrong-types", "nulls", "escapes", "sts-uint64-max")])

    patterns = {
        "uid-max": b"4294967295", "uid-over": b"4294967296", "allstream": b"#allstream#",
        "uid-newline": b"42\n", "rtmp": b"rtmp://host/app", "rtmps": b"rtmps://h", "alnum": b"directory1",
        "https": b"https://example.com/a.jpg", "color": b"#0aF9c3", "color-short": b"#0aF9c",
        "rtc-channel": b"a Z 0 !#$%&()+-:;<=.>?@[]^_{|}~,", "rtc-slash": b"a/b",
        "salt": b"A" * 42 + b"Q=", "salt-bad-last": b"A" * 42 + b"B=",
        "utf8-4": "\U0001F600".encode(), "surrogate": b"\xed\xa0\x80", "overlong": b"\xe0\x80\xaf",
        "above-max": b"\xf4\x90\x80\x80",
    }
    for name, data in sorted(patterns.items()):
        write(os.path.join(corpus, "fuzz_pattern"), name, data)
    numbers = {
        "uint64-max": b"18446744073709551615", "uint64-over": b"18446744073709551616",
        "int64-min": b"-9223372036854775808", "one-point-zero": b"1.0",
        "exp": b"1e2", "not-integer": b"1e-1", "minus-zero": b"-0",
        "scaled": b"123456789012345678901234567890e-10", "huge-exp": b"1e99999999999999999999",
        "frac-zeros": b"100.000e-2",
    }
    for name, data in sorted(numbers.items()):
        write(os.path.join(corpus, "fuzz_number"), name, data)
    return 0


if __name__ == "__main__":
    sys.exit(main())
