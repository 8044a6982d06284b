"""Command line of the generator: generate, check, lint."""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile

from . import compare, emit
from .model import SchemaError, build_model


def _load(path: str) -> dict:
    with open(path, encoding="utf-8") as f:
        try:
            return json.load(f)
        except json.JSONDecodeError as e:
            raise SchemaError([("", f"{path}:{e.lineno}:{e.colno}: not valid JSON: {e.msg}")]) from None


def _label(schema_path: str) -> str:
    """How generated files name their schema: stable on every machine."""
    parent = os.path.basename(os.path.dirname(os.path.abspath(schema_path)))
    return f"{parent}/{os.path.basename(schema_path)}"


def _render(args: argparse.Namespace) -> dict[str, str]:
    module = build_model(_load(args.schema), args.name, _label(args.schema))
    return emit.render(module)


def _write(files: dict[str, str], out: str) -> None:
    os.makedirs(out, exist_ok=True)
    for name, text in files.items():
        path = os.path.join(out, name)
        # Rewrite only what changed, so builds depending on the files stay quiet.
        try:
            with open(path, encoding="utf-8") as f:
                if f.read() == text:
                    continue
        except FileNotFoundError:
            pass
        tmp = path + ".tmp"
        with open(tmp, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        os.replace(tmp, path)


def cmd_generate(args: argparse.Namespace) -> int:
    _write(_render(args), args.out)
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    files = _render(args)
    stale = []
    with tempfile.TemporaryDirectory() as tmp:
        _write(files, tmp)
        for name, text in files.items():
            try:
                with open(os.path.join(args.out, name), encoding="utf-8") as f:
                    if f.read() != text:
                        stale.append(name)
            except FileNotFoundError:
                stale.append(name)
    if stale:
        print(f"{args.out} is stale: {', '.join(stale)} differ from what {args.schema} generates; "
              "run the regen target (cmake --build build --target regen)", file=sys.stderr)
        return 1
    print(f"{args.out} is up to date with {args.schema}")
    return 0


def cmd_lint(args: argparse.Namespace) -> int:
    build_model(_load(args.schema), args.name, _label(args.schema))
    print(f"{args.schema}: no problems")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="acrgen", description="Generate the acr C client from an OpenAPI schema.")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, func, helptext in (
        ("generate", cmd_generate, "write the C header and source"),
        ("check", cmd_check, "exit 1 when the generated files are stale"),
        ("lint", cmd_lint, "report every problem in the schema with its JSON pointer"),
    ):
        p = sub.add_parser(name, help=helptext)
        p.add_argument("--schema", required=True, help="the OpenAPI document (JSON)")
        p.add_argument("--name", default="acr_api", help="base name of the generated files")
        if name != "lint":
            p.add_argument("--out", required=True, help="the folder of the generated files")
        p.set_defaults(func=func)
    compare.add_subcommand(sub)
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except SchemaError as e:
        for pointer, message in e.problems:
            print(f"{args.schema}#{pointer}: {message}", file=sys.stderr)
        print(f"{len(e.problems)} problem{'s' if len(e.problems) != 1 else ''} in {args.schema}", file=sys.stderr)
        return 1
    except OSError as e:
        print(f"acrgen: {e}", file=sys.stderr)
        return 2
