"""Shared helpers for the generator tests (not a test module itself).

The tests run with PYTHONPATH=codegen; ACR_SOURCE_DIR names the source tree
(ctest sets it), and without it the tree is found from this file's location.
"""
from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
from functools import lru_cache

SOURCE_DIR = os.environ.get("ACR_SOURCE_DIR") or os.path.dirname(
    os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CODEGEN_DIR = os.path.join(SOURCE_DIR, "codegen")
SCHEMA = os.path.join(SOURCE_DIR, "schema", "cloud_recording.json")
# The invented widget factory schema of tests/second_schema.
WIDGETS_SCHEMA = os.path.join(SOURCE_DIR, "tests", "second_schema", "widgets.json")
GENERATED_DIR = os.path.join(SOURCE_DIR, "generated")

if CODEGEN_DIR not in sys.path:
    sys.path.insert(0, CODEGEN_DIR)

from acrgen.model import Module, SchemaError, build_model  # noqa: E402


@lru_cache(maxsize=None)
def _schema_text() -> str:
    with open(SCHEMA, encoding="utf-8") as f:
        return f.read()


def real_schema() -> dict:
    """A fresh copy of the shipped schema, free to mutate."""
    return copy.deepcopy(json.loads(_schema_text()))


def widgets_schema() -> dict:
    with open(WIDGETS_SCHEMA, encoding="utf-8") as f:
        return json.load(f)


def lint(doc: dict) -> list[tuple[str, str]]:
    """Every (pointer, message) the generator's lint reports; [] when clean."""
    try:
        build_model(doc, "acr_api", "schema/test.json")
    except SchemaError as e:
        return list(e.problems)
    return []


def model(doc: dict | None = None) -> Module:
    return build_model(real_schema() if doc is None else doc, "acr_api", "schema/cloud_recording.json")


def run_acrgen(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Runs `python -m acrgen ARGS` in a subprocess, as a maintainer would."""
    full_env = dict(os.environ)
    full_env["PYTHONPATH"] = CODEGEN_DIR
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-m", "acrgen", *args], capture_output=True, text=True,
                          env=full_env, cwd=SOURCE_DIR, timeout=120, check=False)
