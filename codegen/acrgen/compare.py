"""`acrgen compare OTHER.json`: where another OpenAPI document (the vendor's) and ours differ.

Both documents are read as plain JSON (no generator model), so this works on any
OpenAPI 3.0 or 3.1 document. Operations are matched by method and path, with path
parameter names ignored (`{rid}` matches `{resourceid}`) and a path parameter that
allows one value only (`"enum": ["mix"]`) matching that literal segment. For each
pair the path parameters (by position), other parameters (by `in` and name), the
request body and the 200 answer's JSON body are walked together: `$ref`s resolved,
`allOf` merged, `nullable: true` read as a `"null"` type. Each difference is one line:

    METHOD PATH PART POINTER: ASPECT: ours A, theirs B

PART is `request`, `response` or `parameter {name}`; POINTER is an RFC 6901 pointer
into the body, with `[]` standing for "each item" of an array. Compared: operations,
properties, type, enum values, const, format, default, the bounds (minimum, maximum
and their exclusive forms, multipleOf, minLength, maxLength, pattern, minItems,
maxItems, uniqueItems, minProperties, maxProperties) and required-ness
(`--ignore-nullable`: no line for a "null" type on one side only). Not compared:
descriptions, examples, operationIds, parameter names, answers other than 200, and the
cross-field rules (if/then, not, dependentRequired, x-acr-* extensions), which a
vendor's document does not carry.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
BOUNDS = ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
          "minLength", "maxLength", "pattern", "minItems", "maxItems", "uniqueItems",
          "minProperties", "maxProperties")
# The keywords an allOf merge carries over; every other keyword is a rule or a note.
_MERGED = frozenset(("type", "nullable", "properties", "required", "items", "enum", "const",
                     "format", "default", "oneOf", "anyOf") + BOUNDS)
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
_ABSENT = object()

DEFAULT_SCHEMA = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__)))), "schema", "cloud_recording.json")


class CompareError(Exception):
    """An input cannot be read or resolved (exit status 2)."""


# --------------------------------------------------------------------------- reading

def load(path: str) -> dict:
    try:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
    except OSError as e:
        raise CompareError(f"{path}: cannot read: {e.strerror or e}") from None
    except UnicodeDecodeError as e:
        raise CompareError(f"{path}: not UTF-8: {e.reason}") from None
    except json.JSONDecodeError as e:
        raise CompareError(f"{path}:{e.lineno}:{e.colno}: not valid JSON: {e.msg}") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("paths"), dict):
        raise CompareError(f"{path}: not an OpenAPI document (no \"paths\" object)")
    return doc


class _Doc:
    """One document and its local $ref resolution."""

    def __init__(self, doc: dict, label: str):
        self.doc, self.label = doc, label

    def resolve(self, ref):
        if not isinstance(ref, str) or not ref.startswith("#"):
            raise CompareError(f"{self.label}: $ref {ref!r}: only local references are supported")
        node = self.doc
        for raw in ref[1:].split("/")[1:] if ref != "#" else []:
            key = raw.replace("~1", "/").replace("~0", "~")
            if isinstance(node, dict) and key in node:
                node = node[key]
            elif isinstance(node, list) and key.isdigit() and int(key) < len(node):
                node = node[int(key)]
            else:
                raise CompareError(f"{self.label}: $ref {ref!r} points to nothing")
        return node

    def deref(self, node, seen=()):
        """NODE with a $ref replaced by its target (siblings of the $ref kept)."""
        while isinstance(node, dict) and "$ref" in node:
            ref = node["$ref"]
            if ref in seen:
                raise CompareError(f"{self.label}: $ref {ref!r} refers to itself")
            seen = seen + (ref,)
            target = self.resolve(ref)
            siblings = {k: v for k, v in node.items() if k != "$ref"}
            node = {"allOf": [target, siblings]} if siblings else target
        return node

    def flatten(self, schema, depth=0) -> dict:
        """SCHEMA with $refs resolved and allOf merged into one object schema."""
        if depth > 64:
            raise CompareError(f"{self.label}: allOf/$ref nested too deeply")
        schema = self.deref(schema)
        if not isinstance(schema, dict):
            return {}
        out = {k: v for k, v in schema.items() if k in _MERGED and _well_formed(k, v)}
        parts = schema.get("allOf")
        for part in parts if isinstance(parts, list) else []:
            _merge(out, self.flatten(part, depth + 1))
        return _normalize(out)


def _well_formed(key, value) -> bool:
    """A keyword this tool can read (a malformed one is left out, not fatal)."""
    if key == "properties":
        return isinstance(value, dict)
    if key in ("required", "enum", "oneOf", "anyOf"):
        return isinstance(value, list)
    if key == "type":
        return isinstance(value, str) or (isinstance(value, list)
                                          and all(isinstance(t, str) for t in value))
    return True


def _merge(into: dict, part: dict) -> None:
    for key, value in part.items():
        if key == "properties":
            props = into.setdefault("properties", {})
            for name, sub in value.items():
                props[name] = {"allOf": [props[name], sub]} if name in props else sub
        elif key == "required":
            into["required"] = list(dict.fromkeys(list(into.get("required", [])) + list(value)))
        elif key == "type" and "type" in into:
            both = _types(into) & _types(part)  # allOf: the value must satisfy each
            into["type"] = sorted(both)
        else:
            into.setdefault(key, value)


def _types(schema: dict) -> set:
    t = schema.get("type")
    out = set([t] if isinstance(t, str) else t or [])
    if schema.get("nullable") is True and out:
        out.add("null")
    return out


def _normalize(schema: dict) -> dict:
    """One spelling for what OpenAPI 3.0 and 3.1 say differently."""
    out = dict(schema)
    if "type" in out or out.get("nullable") is True:
        out["type"] = sorted(_types(out))
    out.pop("nullable", None)
    for exclusive, bound in (("exclusiveMinimum", "minimum"), ("exclusiveMaximum", "maximum")):
        if out.get(exclusive) is True and bound in out:
            out[exclusive] = out.pop(bound)
        elif isinstance(out.get(exclusive), bool):
            del out[exclusive]
    if isinstance(out.get("enum"), list):
        out["enum"] = [v for v in out["enum"] if v is not None]  # null-ness is in type
    return out


# --------------------------------------------------------------------------- operations

def _operations(d: _Doc) -> dict:
    """{(METHOD, normalized path): (path, operation, parameters)}."""
    out = {}
    for path, item in d.doc["paths"].items():
        item = d.deref(item)
        if not isinstance(item, dict):
            continue
        for method in METHODS:
            op = item.get(method)
            if not isinstance(op, dict):
                continue
            params = _parameters(d, item, op)
            key = (method.upper(), _normal_path(d, path, params))
            out[key] = (path, op, params)
    return out


def _parameters(d: _Doc, item: dict, op: dict) -> dict:
    """{(in, name): parameter} of an operation, its own over its path item's."""
    out = {}
    for source in (item.get("parameters"), op.get("parameters")):
        for p in source if isinstance(source, list) else []:
            p = d.deref(p)
            if isinstance(p, dict) and isinstance(p.get("name"), str):
                out[(p.get("in"), p["name"])] = p
    return out


def _single_value(d: _Doc, param) -> str | None:
    if param is None:
        return None
    schema = d.flatten(param.get("schema") or {})
    if "const" in schema and isinstance(schema["const"], str):
        return schema["const"]
    values = schema.get("enum")
    if isinstance(values, list) and len(values) == 1 and isinstance(values[0], str):
        return values[0]
    return None


def _normal_path(d: _Doc, path: str, params: dict) -> str:
    def one(m):
        value = _single_value(d, params.get(("path", m.group(1))))
        return value if value is not None else "{}"
    return _PLACEHOLDER.sub(one, path)


def _path_params(d: _Doc, path: str, params: dict) -> list:
    """Path parameters in the order of the path, [(name, parameter or None)], without
    those that matched a literal segment."""
    out = []
    for m in _PLACEHOLDER.finditer(path):
        param = params.get(("path", m.group(1)))
        if _single_value(d, param) is None:
            out.append((m.group(1), param))
    return out


def _json_body(d: _Doc, holder):
    """The schema of a requestBody or response's JSON content, or _ABSENT."""
    holder = d.deref(holder)
    if not isinstance(holder, dict):
        return _ABSENT
    content = _dict(holder.get("content"))
    for media in ("application/json",) + tuple(sorted(content)):
        if media in content and isinstance(content[media], dict):
            return content[media].get("schema", {})
    return _ABSENT


# --------------------------------------------------------------------------- comparing

def _show(value) -> str:
    if value is _ABSENT:
        return "absent"
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _show_type(schema: dict) -> str:
    t = schema.get("type")
    if not t:
        return "present (any type)" if not schema.get("properties") else "present (object)"
    return "present (" + "|".join(t) + ")"


def _escape(name: str) -> str:
    return name.replace("~", "~0").replace("/", "~1")


class Comparison:
    def __init__(self, ours: dict, theirs: dict, ours_label="ours", theirs_label="theirs",
                 ignore_nullable=False):
        self.ignore_nullable = ignore_nullable
        self.ours = _Doc(ours, ours_label)
        self.theirs = _Doc(theirs, theirs_label)
        self.lines: list[str] = []

    def diff(self, where: str, aspect: str, a, b) -> None:
        self.lines.append(f"{where}: {aspect}: ours {a}, theirs {b}")

    def run(self) -> list[str]:
        ours, theirs = _operations(self.ours), _operations(self.theirs)
        for key in sorted(set(ours) | set(theirs), key=lambda k: (k[1], k[0])):
            a, b = ours.get(key), theirs.get(key)
            where = f"{key[0]} {(a or b)[0]}"
            if a is None or b is None:
                self.diff(where, "operation", "present" if a else "absent",
                          "present" if b else "absent")
                continue
            self.operation(where, a, b)
        return self.lines

    def operation(self, where, a, b) -> None:
        a_path, a_op, a_params = a
        b_path, b_op, b_params = b
        a_pos = _path_params(self.ours, a_path, a_params)
        b_pos = _path_params(self.theirs, b_path, b_params)
        for (a_name, a_p), (_, b_p) in zip(a_pos, b_pos):
            self.parameter(f"{where} parameter {{{a_name}}}", a_p, b_p)
        a_other = {k: v for k, v in a_params.items() if k[0] != "path"}
        b_other = {k: v for k, v in b_params.items() if k[0] != "path"}
        for key in sorted(set(a_other) | set(b_other), key=lambda k: (str(k[0]), k[1])):
            self.parameter(f"{where} parameter {key[0]} {key[1]}", a_other.get(key),
                           b_other.get(key))
        a_body = _dict(self.ours.deref(a_op.get("requestBody", {})))
        b_body = _dict(self.theirs.deref(b_op.get("requestBody", {})))
        a_schema = _json_body(self.ours, a_body) if "requestBody" in a_op else _ABSENT
        b_schema = _json_body(self.theirs, b_body) if "requestBody" in b_op else _ABSENT
        if a_schema is not _ABSENT and b_schema is not _ABSENT:
            a_req, b_req = bool(a_body.get("required")), bool(b_body.get("required"))
            if a_req != b_req:
                self.diff(f"{where} request", "required", _yes(a_req), _yes(b_req))
        self.body(f"{where} request", a_schema, b_schema)
        a_ok = _dict(a_op.get("responses")).get("200", _ABSENT)
        b_ok = _dict(b_op.get("responses")).get("200", _ABSENT)
        a_schema = _ABSENT if a_ok is _ABSENT else _json_body(self.ours, a_ok)
        b_schema = _ABSENT if b_ok is _ABSENT else _json_body(self.theirs, b_ok)
        self.body(f"{where} response", a_schema, b_schema)

    def parameter(self, where, a, b) -> None:
        if a is None or b is None:
            self.diff(where, "parameter", "present" if a else "absent",
                      "present" if b else "absent")
            return
        if bool(a.get("required")) != bool(b.get("required")):
            self.diff(where, "required", _yes(a.get("required")), _yes(b.get("required")))
        self.schema(where, "", _dict(a.get("schema")), _dict(b.get("schema")), ())

    def body(self, where, a, b) -> None:
        if a is _ABSENT and b is _ABSENT:
            return
        if a is _ABSENT or b is _ABSENT:
            self.diff(where, "JSON body", "present" if a is not _ABSENT else "absent",
                      "present" if b is not _ABSENT else "absent")
            return
        self.schema(where, "", a, b, ())

    def schema(self, where, pointer, a, b, stack) -> None:
        # A recursive schema (a tree) is walked once per pair of nodes on the path.
        pair = (_identity(a), _identity(b))
        if pair in stack or len(stack) > 64:
            return
        stack = stack + (pair,)
        fa, fb = self.ours.flatten(a), self.theirs.flatten(b)
        if _alternatives(fa) or _alternatives(fb):
            self.alternatives(where, pointer, a, fa, b, fb, stack)
            return
        a, b = fa, fb
        at = f"{where} {pointer}" if pointer else where
        ta, tb = a.get("type"), b.get("type")
        if self.ignore_nullable:
            ta = [t for t in ta or [] if t != "null"] or None
            tb = [t for t in tb or [] if t != "null"] or None
        if ta != tb:
            self.diff(at, "type", "|".join(ta) if ta else "(any)", "|".join(tb) if tb else "(any)")
        ea, eb = a.get("enum"), b.get("enum")
        if ea is not None or eb is not None:
            if ea is None or eb is None:
                self.diff(at, "enum", _show(ea) if ea is not None else "(any value)",
                          _show(eb) if eb is not None else "(any value)")
            else:
                for value in [v for v in ea if v not in eb]:
                    self.diff(at, f"enum value {_show(value)}", "present", "absent")
                for value in [v for v in eb if v not in ea]:
                    self.diff(at, f"enum value {_show(value)}", "absent", "present")
        for key in ("const", "format", "default") + BOUNDS:
            va, vb = a.get(key, _ABSENT), b.get(key, _ABSENT)
            if not _same(va, vb):
                self.diff(at, key, _show(va), _show(vb))
        pa, pb = a.get("properties") or {}, b.get("properties") or {}
        ra, rb = set(a.get("required") or []), set(b.get("required") or [])
        for name in sorted(set(pa) | set(pb)):
            sub = f"{pointer}/{_escape(name)}"
            here = f"{where} {sub}"
            if name not in pa or name not in pb:
                self.diff(here, "property",
                          _show_type(self.ours.flatten(pa[name])) if name in pa else "absent",
                          _show_type(self.theirs.flatten(pb[name])) if name in pb else "absent")
                continue
            if (name in ra) != (name in rb):
                self.diff(here, "required", _yes(name in ra), _yes(name in rb))
            self.schema(where, sub, pa[name], pb[name], stack)
        # Required names that are not properties of either side (e.g. in a rule entry).
        for name in sorted((ra ^ rb) - set(pa) - set(pb)):
            self.diff(f"{where} {pointer}/{_escape(name)}", "required", _yes(name in ra),
                      _yes(name in rb))
        self.items(where, pointer, a, b, stack)

    def alternatives(self, where, pointer, a, fa, b, fb, stack) -> None:
        """oneOf/anyOf: alternatives paired by their type ("string", "array"); a side
        without alternatives is one alternative."""
        la = [(x, self.ours.flatten(x)) for x in _alternatives(fa)] or [(a, fa)]
        lb = [(x, self.theirs.flatten(x)) for x in _alternatives(fb)] or [(b, fb)]
        keys = list(dict.fromkeys([_type_key(f) for _, f in la] + [_type_key(f) for _, f in lb]))
        for key in keys:
            xa = [x for x, f in la if _type_key(f) == key]
            xb = [x for x, f in lb if _type_key(f) == key]
            for i in range(max(len(xa), len(xb))):
                sub = f"{pointer}/({key})" + (f"[{i}]" if i else "")
                if i < len(xa) and i < len(xb):
                    self.schema(where, sub, xa[i], xb[i], stack)
                else:
                    self.diff(f"{where} {sub}", "alternative", _yes_present(i < len(xa)),
                              _yes_present(i < len(xb)))

    def items(self, where, pointer, a, b, stack) -> None:
        ia, ib = a.get("items", _ABSENT), b.get("items", _ABSENT)
        if ia is not _ABSENT and ib is not _ABSENT:
            self.schema(where, f"{pointer}/[]", ia, ib, stack)
        elif ia is not _ABSENT or ib is not _ABSENT:
            self.diff(f"{where} {pointer}/[]", "items",
                      "present" if ia is not _ABSENT else "absent",
                      "present" if ib is not _ABSENT else "absent")


def _alternatives(schema: dict) -> list:
    alts = schema.get("oneOf") or schema.get("anyOf")
    return alts if isinstance(alts, list) else []


def _dict(value) -> dict:
    return value if isinstance(value, dict) else {}


def _identity(node):
    if isinstance(node, dict) and isinstance(node.get("$ref"), str):
        return node["$ref"]
    return id(node)


def _type_key(schema: dict) -> str:
    return "|".join(t for t in schema.get("type") or [] if t != "null") or "any"


def _same(a, b) -> bool:
    if a is _ABSENT or b is _ABSENT:
        return a is b
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    return a == b


def _yes_present(flag) -> str:
    return "present" if flag else "absent"


def _yes(flag) -> str:
    return "yes" if flag else "no"


def compare(ours: dict, theirs: dict, ignore_nullable: bool = False) -> list[str]:
    """Every difference between two OpenAPI documents, one line each ([] when equal).
    ignore_nullable: a "null" type (or nullable: true) on one side only is no difference."""
    return Comparison(ours, theirs, ignore_nullable=ignore_nullable).run()


# --------------------------------------------------------------------------- command line

def cmd_compare(args: argparse.Namespace) -> int:
    try:
        ours, theirs = load(args.schema), load(args.other)
        lines = compare(ours, theirs, ignore_nullable=args.ignore_nullable)
    except CompareError as e:
        print(f"acrgen compare: {e}", file=sys.stderr)
        return 2
    for line in lines:
        print(line)
    if not lines:
        print(f"{args.schema} and {args.other}: no differences")
        return 0
    print(f"{len(lines)} difference{'s' if len(lines) != 1 else ''} between {args.schema} "
          f"(ours) and {args.other} (theirs)", file=sys.stderr)
    return 1


def add_subcommand(sub) -> None:
    p = sub.add_parser("compare", help="list where another OpenAPI document (the vendor's) "
                                       "and our schema differ; exit 1 when they do")
    p.add_argument("other", metavar="OTHER.json", help="the other OpenAPI document (JSON)")
    p.add_argument("--schema", default=DEFAULT_SCHEMA,
                   help="our schema (default: schema/cloud_recording.json)")
    p.add_argument("--ignore-nullable", action="store_true",
                   help="do not report a \"null\" type (nullable) present on one side only")
    p.set_defaults(func=cmd_compare)
