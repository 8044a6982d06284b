#!/usr/bin/env python3
"""Writes the benchmark's input documents into a folder (standard library only).

  stop_page.json        the stop page's example response, from the schema's examples
  stop_individual.json  a stop response of an individual-mode recording, 1000 fileList entries
  stop_web.json         a large web-mode stop response: many extensionServiceState
                        entries, each with a long fileList (kept under the client's 1 MiB cap)
  update_response.json  the update page's example response (what nginx answers)

Documents are compact JSON, as the service sends them, and deterministic: the same
schema gives the same bytes.

usage: make_inputs.py SCHEMA OUTDIR
"""
import json
import os
import sys

COMPACT = {"separators": (",", ":"), "ensure_ascii": False}


def example(schema, suffix, name):
    for path, item in schema["paths"].items():
        if path.endswith(suffix):
            content = item["post"]["responses"]["200"]["content"]["application/json"]
            return content["examples"][name]["value"]
    raise SystemExit(f"no example {name} for {suffix} in the schema")


def individual(base, entries):
    doc = json.loads(json.dumps(base))
    sid = doc["sid"]
    files = []
    tracks = ["audio", "video", "audio_and_video"]
    for i in range(entries):
        uid = str(100000 + i // 2)
        track = tracks[i % 2]
        files.append({
            "fileName": f"{sid}_{doc['cname']}__uid_s_{uid}__uid_e_{track}.m3u8",
            "trackType": track,
            "uid": uid,
            "mixedAllUser": False,
            "isPlayable": True,
            "sliceStartTime": 1562724971 + i,
        })
    doc["serverResponse"] = {"uploadingStatus": "uploaded", "fileListMode": "json", "fileList": files}
    return doc


def web(base, services, files_each):
    doc = json.loads(json.dumps(base))
    sid = doc["sid"]
    states = [{"serviceName": "upload_service", "payload": {"uploadingStatus": "uploaded"}}]
    for s in range(services):
        files = [{"filename": f"{sid}_{doc['cname']}_{s}_{k}.mp4", "sliceStartTime": 1623123456 + 60 * k}
                 for k in range(files_each)]
        states.append({"serviceName": "web_recorder_service",
                       "payload": {"fileList": files, "onhold": False, "state": "exit"}})
    doc["serverResponse"] = {"extensionServiceState": states}
    return doc


def main():
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    with open(sys.argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    out = sys.argv[2]
    os.makedirs(out, exist_ok=True)
    docs = {
        "stop_page.json": example(schema, "/stop", "page"),
        "stop_individual.json": individual(example(schema, "/stop", "individualJson"), 1000),
        "stop_web.json": web(example(schema, "/stop", "web"), 40, 240),
        "update_response.json": example(schema, "/update", "page"),
    }
    for name, doc in docs.items():
        text = json.dumps(doc, **COMPACT)
        with open(os.path.join(out, name), "w", encoding="utf-8") as f:
            f.write(text)
        print(f"{name}: {len(text.encode())} bytes")


if __name__ == "__main__":
    main()
