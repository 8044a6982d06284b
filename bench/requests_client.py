#!/usr/bin/env python3
"""The Python peer of the end-to-end benchmark: N update calls over one
requests.Session (keep-alive), each posting the same body and parsing the JSON
answer. Prints "CALLS WALL_SECONDS CPU_SECONDS" for the timed loop only (after
one warm-up call that opens the connection; interpreter start-up not counted).

usage: requests_client.py URL BODY_FILE N USER PASSWORD
"""
import sys
import time

import requests


def main():
    url, body_file, n, user, password = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]
    with open(body_file, "rb") as f:
        body = f.read()
    session = requests.Session()
    session.auth = (user, password)
    headers = {"Content-Type": "application/json", "Accept": "application/json"}

    def call():
        r = session.post(url, data=body, headers=headers, timeout=30)
        if r.status_code != 200:
            raise SystemExit(f"requests_client: HTTP {r.status_code}")
        r.json()

    call()
    cpu0, wall0 = time.process_time(), time.perf_counter()
    for _ in range(n):
        call()
    print(n, time.perf_counter() - wall0, time.process_time() - cpu0)


if __name__ == "__main__":
    main()
