#!/usr/bin/env python3
"""A stand-in for `acr` with the command line of docs/DESIGN.md of the seven calls, no
validation: it lets tests run scripts/demo-lifecycle.sh against the mock before the
generated CLI has every operation. Exit codes as acr's: 0 HTTP 200 (the body printed
as one line of JSON), 2 usage error, 3 another status (on stderr)."""
import argparse
import base64
import http.client
import json
import os
import sys
from urllib.parse import quote, urlsplit

# operation -> (method, path after /v1, path parameters, has a body)
OPS = {
    "acquire": ("POST", "/apps/{appid}/cloud_recording/acquire", ("appid",), True),
    "start": ("POST", "/apps/{appid}/cloud_recording/resourceid/{resource_id}/mode/{mode}/start",
              ("appid", "resource_id", "mode"), True),
    "query": ("GET", "/apps/{appid}/cloud_recording/resourceid/{resource_id}/sid/{sid}"
                     "/mode/{mode}/query", ("appid", "resource_id", "sid", "mode"), False),
    "update": ("POST", "/apps/{appid}/cloud_recording/resourceid/{resource_id}/sid/{sid}"
                       "/mode/{mode}/update", ("appid", "resource_id", "sid", "mode"), True),
    "update-layout": ("POST", "/apps/{appid}/cloud_recording/resourceid/{resource_id}/sid/{sid}"
                              "/mode/{mode}/updateLayout", ("appid", "resource_id", "sid", "mode"),
                      True),
    "stop": ("POST", "/apps/{appid}/cloud_recording/resourceid/{resource_id}/sid/{sid}"
                     "/mode/{mode}/stop", ("appid", "resource_id", "sid", "mode"), True),
    "ncs-ip": ("GET", "/ncs/ip", (), False),
}


def main(argv) -> int:
    if argv == ["--version"]:
        print("acr-stand-in 0")
        return 0
    parser = argparse.ArgumentParser(prog="acr")
    parser.add_argument("operation", choices=sorted(OPS))
    for name in ("appid", "resource-id", "sid", "mode"):
        parser.add_argument("--" + name)
    parser.add_argument("--base-url", default=os.environ.get("AGORA_BASE_URL"))
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("file", nargs="?", default="-")
    # Like getopt_long, an option's value may start with "-" (resource IDs can).
    joined, i = [], 0
    while i < len(argv):
        if argv[i] in ("--appid", "--resource-id", "--sid", "--mode", "--base-url") \
                and i + 1 < len(argv):
            joined.append(f"{argv[i]}={argv[i + 1]}")
            i += 2
        else:
            joined.append(argv[i])
            i += 1
    args = parser.parse_intermixed_args(joined)
    method, template, params, has_body = OPS[args.operation]
    if args.operation == "update-layout":
        args.mode = args.mode or "mix"
        if args.mode != "mix":
            print("acr: update-layout: --mode must be mix", file=sys.stderr)
            return 2
    values = {}
    for name in params:
        value = getattr(args, name)
        if not value:
            print(f"acr: {args.operation}: --{name.replace('_', '-')} is required", file=sys.stderr)
            return 2
        values[name] = quote(value, safe="")
    body = None
    if has_body:
        if args.file == "-":
            body = sys.stdin.buffer.read()
        else:
            with open(args.file, "rb") as f:
                body = f.read()
    url = urlsplit(args.base_url)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    token = base64.b64encode(f"{os.environ['AGORA_CUSTOMER_ID']}:"
                             f"{os.environ['AGORA_CUSTOMER_SECRET']}".encode()).decode()
    headers = {"Authorization": "Basic " + token}
    if body is not None:
        headers["Content-Type"] = "application/json"
    conn.request(method, "/v1" + template.format(**values), body=body, headers=headers)
    resp = conn.getresponse()
    data = resp.read()
    if resp.status != 200:
        print(f"acr: HTTP {resp.status}: {data.decode('utf-8', 'replace')}", file=sys.stderr)
        return 3
    print(json.dumps(json.loads(data), separators=(",", ":")))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
