"""The generator's model (IR): what the templates see, built from the schema.

Building the model is also the lint: every construct is checked as it is read, and
every problem is collected with the JSON pointer of the offending schema location.
Anything the generator does not implement is an error, never ignored.
"""
from __future__ import annotations

import functools
import json
import math
import re
from dataclasses import dataclass, field
from typing import Any

from .regex_dfa import Dfa, PatternError, compile_pattern

# Compiling a pattern dominates building the model; a process that builds several
# models (the lint tests build hundreds) compiles each pattern once. Dfa tables
# are only read afterwards, so sharing them is safe; errors are not cached.
_compile_pattern = functools.lru_cache(maxsize=256)(compile_pattern)

INT64_MIN = -(2**63)
INT64_MAX = 2**63 - 1
UINT64_MAX = 2**64 - 1
MAX_FIELDS = 64  # the parser's duplicate-key bitmap is 64 bits wide
MAX_PATH_PARAMS = 16  # acr_call's array of parameter values
MAX_MODES = 32  # mode sets are uint32_t bit masks

C_KEYWORDS = {
    "auto", "break", "case", "char", "const", "continue", "default", "do", "double",
    "else", "enum", "extern", "float", "for", "goto", "if", "inline", "int", "long",
    "register", "restrict", "return", "short", "signed", "sizeof", "static", "struct",
    "switch", "typedef", "union", "unsigned", "void", "volatile", "while", "bool",
    "true", "false",
    # C11/C23 keywords that are not macros yet, C++ keywords (the header is
    # usable from C++), and lower-case names that common headers or compilers
    # define as macros (gcc -std=gnu11 defines linux and unix; errno, stdin,
    # assert, major/minor come from system headers). A member named like one of
    # these gets a trailing underscore: `class` -> `class_`.
    "alignas", "alignof", "constexpr", "nullptr", "static_assert", "thread_local", "typeof",
    "typeof_unqual", "asm", "and", "and_eq", "bitand", "bitor", "catch", "char8_t", "char16_t",
    "char32_t", "class", "co_await", "co_return", "co_yield", "compl", "concept", "const_cast",
    "consteval", "constinit", "decltype", "delete", "dynamic_cast", "explicit", "export", "friend",
    "mutable", "namespace", "new", "noexcept", "not", "not_eq", "operator", "or", "or_eq", "private",
    "protected", "public", "reinterpret_cast", "requires", "static_cast", "template", "this", "throw",
    "try", "typeid", "typename", "using", "virtual", "wchar_t", "xor", "xor_eq",
    "linux", "unix", "i386", "i686", "sun", "errno", "stdin", "stdout", "stderr", "assert", "major",
    "minor", "makedev", "offsetof", "setjmp", "va_arg", "va_start", "va_end", "va_copy", "alloca",
    "complex", "imaginary", "noreturn",
}

ANNOTATIONS = {"description", "title", "default", "examples", "deprecated", "$comment"}

# Every identifier the runtime headers (runtime/include/acr/*.h) declare. Generated
# files include them, so a generated name equal to one of these would not compile
# (a property "status" with a string enum would make a second `acr_status`).
# tests/codegen/test_names.py keeps this list in step with the headers.
RUNTIME_NAMES = frozenset("""
    ACR_ALLOC_H ACR_API ACR_CLIENT_H ACR_DEFAULT_BASE_URL ACR_DEFAULT_CONNECT_TIMEOUT_MS ACR_DEFAULT_MAX_DEPTH
    ACR_DEFAULT_MAX_IDLE_CONNECTIONS ACR_DEFAULT_MAX_RESPONSE_BYTES ACR_EFFECT_FORBIDDEN ACR_EFFECT_ONE_OF ACR_EFFECT_REQUIRED ACR_ENGINE_H
    ACR_ERROR_H ACR_ERROR_INIT ACR_EXPORT_H ACR_ERROR_MESSAGE_MAX ACR_ERR_HTTP ACR_ERR_INVALID_REQUEST
    ACR_ERR_INVALID_RESPONSE ACR_ERR_MALFORMED_JSON ACR_ERR_MAY_HAVE_SUCCEEDED ACR_ERR_NOMEM
    ACR_ERR_TRANSPORT ACR_ERR_USAGE ACR_MAX_REQUEST_BYTES
    ACR_MAX_ATTEMPTS ACR_MAX_BACKOFF_MS ACR_MAX_TIME_MS
    ACR_KIND_ARRAY ACR_KIND_BOOL ACR_KIND_ENUM ACR_KIND_INT ACR_KIND_OBJECT ACR_KIND_STRING
    ACR_KIND_STRING_OR_ARRAY ACR_KIND_UINT64 ACR_KIND_NUMBER ACR_OK ACR_IF_VALUE ACR_IF_PRESENT ACR_IF_MODE
    ACR_IF_CONTAINS ACR_RULE_DEPENDENT ACR_RULE_MAX_PRODUCT ACR_EFFECT_STRING ACR_EFFECT_CONTAINS ACR_EFFECT_DEPENDENT
    acr_number_rules
    acr_condition_kind ACR_RULE_CONDITIONAL ACR_RULE_EXCLUSIVE ACR_TABLES_H
    ACR_TABLES_VERSION ACR_ALWAYS_PRESENT ACR_VERSION_H ACR_VERSION_MAJOR ACR_VERSION_MINOR ACR_VERSION_PATCH
    ACR_VERSION_STRING
    ACR_CLIENT_OPTIONS_INIT ACR_ZERO_INIT
    acr_allocator acr_array_rules acr_call acr_client acr_client_free acr_client_new acr_client_options
    acr_dfa acr_effect acr_effect_kind acr_enum_desc acr_error acr_error_clear acr_field_desc acr_free
    acr_free_value acr_int_rules acr_kind acr_log_fn acr_malloc acr_object_desc acr_operation_desc
    acr_parse acr_parse_options acr_parser acr_parser_feed acr_parser_finish acr_parser_free
    acr_parser_new acr_realloc acr_retry_policy acr_rule acr_rule_kind acr_serialize acr_set_allocator acr_status
    acr_status_name acr_string_rules acr_to_json acr_type_desc acr_validate acr_value_desc
    acr_version acr_violation acr_write_fn
    ACR_FILES_H ACR_FILE_KIND_AAC ACR_FILE_KIND_JPG ACR_FILE_KIND_M3U8 ACR_FILE_KIND_MP4 ACR_FILE_KIND_OTHER
    ACR_FILE_KIND_TS ACR_FILE_KIND_WEBM ACR_FILE_SOURCE_ENTRY ACR_FILE_SOURCE_NAME ACR_FILE_SOURCE_WEB
    acr_file acr_file_iter acr_file_kind acr_file_kind_name acr_file_kind_of acr_file_source acr_files_next
    acr_files_of_query acr_files_of_stop
    ACR_ERR_CANCELLED acr_error_move
    ACR_LOOP_H ACR_LOOP_OPTIONS_INIT ACR_POLL_IN ACR_POLL_OUT ACR_POLL_REMOVE ACR_SOCKET_TIMEOUT
    acr_call_start acr_done_fn acr_loop acr_loop_active acr_loop_cancel_all acr_loop_fds acr_loop_free
    acr_loop_new acr_loop_options acr_loop_perform acr_loop_run acr_loop_socket_action acr_socket_fn
    acr_timer_fn acr_transfer acr_transfer_cancel
""".split())


class SchemaError(Exception):
    """One or more lint problems, each `(pointer, message)`."""

    def __init__(self, problems: list[tuple[str, str]]):
        self.problems = problems
        super().__init__("\n".join(f"{p or '/'}: {m}" for p, m in problems))


def pointer_join(pointer: str, *parts: Any) -> str:
    for part in parts:
        pointer += "/" + str(part).replace("~", "~0").replace("/", "~1")
    return pointer


def snake_case(name: str) -> str:
    s = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name)
    s = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", s)
    s = re.sub(r"[^A-Za-z0-9]+", "_", s).strip("_").lower()
    return s


def c_identifier(name: str) -> str:
    s = snake_case(name)
    if not s or s[0].isdigit():
        s = "v_" + s
    return s + "_" if s in C_KEYWORDS else s


def finite_double(x: Any) -> float | None:
    """x as a finite C double, or None (a bool, a non-number, inf, or too big)."""
    if isinstance(x, bool) or not isinstance(x, (int, float)):
        return None
    try:
        d = float(x)
    except OverflowError:
        return None
    return d if math.isfinite(d) else None


def json_text(value: Any) -> str:
    return json.dumps(value)


def join_words(items: list[str], last: str = "or") -> str:
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + f" {last} " + items[-1]


def int_ranges_text(values: list[int]) -> str:
    """[0..16, 18..22, 24, 25] -> '0 to 16, 18 to 22, 24 or 25'."""
    values = sorted(values)
    runs: list[list[int]] = []
    for v in values:
        if runs and v == runs[-1][-1] + 1:
            runs[-1].append(v)
        else:
            runs.append([v])
    parts: list[str] = []
    for run in runs:
        if len(run) >= 3:
            parts.append(f"{run[0]} to {run[-1]}")
        else:
            parts.extend(str(v) for v in run)
    return join_words(parts)


def c_string(text: str) -> str:
    """A C string literal for arbitrary text (ASCII-safe, trigraph-safe)."""
    out = []
    for ch in text:
        code = ord(ch)
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == "?":
            out.append("\\?")
        elif 0x20 <= code < 0x7F:
            out.append(ch)
        else:
            for byte in ch.encode("utf-8"):
                out.append(f"\\{byte:03o}")
    return '"' + "".join(out) + '"'


def c_comment(text: Any) -> str:
    """Text safe inside a /* */ comment: neither ends it nor opens a nested one
    (gcc -Wcomment), whatever the schema's texts hold."""
    text = str(text)
    while "*/" in text or "/*" in text:
        text = text.replace("*/", "* /").replace("/*", "/ *")
    return " ".join(text.split())


def kebab_case(name: str) -> str:
    return snake_case(name).replace("_", "-")


def pascal_case(name: str) -> str:
    words = snake_case(name).split("_")
    return "".join(w[:1].upper() + w[1:] for w in words if w)


# --- the model ---------------------------------------------------------------


@dataclass
class Pattern:
    index: int
    text: str
    dfa: Dfa


@dataclass
class EnumType:
    c_name: str
    values: list[str]
    constants: list[str]  # full C constant names, same order as values
    unset: str
    other: str
    description: str
    allowed_text: str


@dataclass
class IntConstant:
    name: str
    value: int


@dataclass
class Value:
    kind: str  # string bool int uint64 number enum object array string_or_array
    nullable: bool = False
    object: "ObjectType | None" = None
    items: "Value | None" = None
    enum: EnumType | None = None
    # string rules
    min_length: int = 0
    max_length: int | None = None
    max_bytes: int | None = None
    pattern: Pattern | None = None
    expected: str | None = None
    # integer rules
    minimum: int | None = None
    maximum: int | None = None
    allowed: list[int] | None = None
    allowed_text: str = ""
    # number rules (floats; emitted as their shortest round-trip text)
    number_min: float | None = None
    number_max: float | None = None
    # array rules
    min_items: int = 0
    max_items: int | None = None
    max_prefix_length: int = 0
    # array content rules (the array schema's allOf), attached to the owning object
    contains_rules: list[tuple[str, str, str]] = field(default_factory=list)  # (if text, then text, pointer)

    @property
    def type_text(self) -> str:
        base = {
            "string": "a string", "enum": "a string", "bool": "a boolean",
            "int": "an integer", "uint64": "an integer", "number": "a number", "object": "an object",
            "array": "an array", "string_or_array": "a string or an array",
        }[self.kind]
        return base + (" or null" if self.nullable else "")

    @property
    def has_string_rules(self) -> bool:
        return self.min_length > 0 or self.max_length is not None or self.pattern is not None \
            or self.max_bytes is not None

    @property
    def has_number_rules(self) -> bool:
        return self.number_min is not None or self.number_max is not None

    @property
    def has_flag(self) -> bool:
        """Stored with a has_ flag (scalars where 0 is a real value)."""
        return self.kind in ("bool", "int", "uint64", "number")

    def c_type(self, is_request: bool) -> str:
        """The C type of one value of this kind (a member or an array item)."""
        const = "const " if is_request else ""
        if self.kind == "string":
            return "const char *" if is_request else "char *"
        return const + {"int": "int64_t", "uint64": "uint64_t", "number": "double", "bool": "bool",
                        "enum": self.enum.c_name if self.enum else "int",
                        "object": self.object.c_name if self.object else "void"}[self.kind]

    def item_c_type(self, is_request: bool) -> str:
        """The element type of the item pointer of an array member."""
        assert self.items is not None
        if self.items.kind == "string":
            return "const char *const" if is_request else "char *"
        return self.items.c_type(is_request)

    @property
    def item_sizeof(self) -> str:
        """What sizeof() takes for one stored item."""
        assert self.items is not None
        return "char *" if self.items.kind == "string" else self.items.c_type(False)

    @staticmethod
    def number_literal(x: float) -> str:
        """A C double literal that reads back as exactly x."""
        text = repr(float(x))
        return text if any(c in text for c in ".en") else text + ".0"

    @property
    def has_int_rules(self) -> bool:
        return self.minimum is not None or self.maximum is not None or self.allowed is not None

    @property
    def has_array_rules(self) -> bool:
        return self.min_items > 0 or self.max_items is not None or self.max_prefix_length > 0


@dataclass
class Field:
    json_name: str
    c_name: str
    value: Value
    required: bool
    modes: list[str]
    description: str
    default: Any = None
    index: int = 0
    secret: bool = False  # x-acr-secret: redacted from errors and logs
    required_in_modes: list[str] = field(default_factory=list)  # x-acr-required-in-modes


@dataclass
class Effect:
    kind: str  # required forbidden one_of string contains dependent (texts: the names it needs)
    path: list[int]
    allowed: list[int]
    message: str
    texts: list[str] = field(default_factory=list)
    string_rules: "Value | None" = None  # kind string: the rules the string must meet


@dataclass
class Rule:
    kind: str  # exclusive conditional dependent max_product
    fields: list[int]
    values: list[int] = field(default_factory=list)
    negate: bool = False
    effects: list[Effect] = field(default_factory=list)
    message: str = ""
    condition: str = "value"  # value present mode contains (conditional only)
    texts: list[str] = field(default_factory=list)
    default: Any = None  # x-acr-absent-means-default: the tested property's default
    modes: list[str] = field(default_factory=list)
    has_value: list[bool] = field(default_factory=list)  # max_product: values[i] is a default
    maximum: int = 0


@dataclass
class ObjectType:
    schema_name: str
    c_name: str
    pointer: str
    description: str
    is_request: bool
    strict: bool = False
    fields: list[Field] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    # Properties whose own problem is already reported: rules naming them say nothing more.
    unbuilt: set[str] = field(default_factory=set)

    @property
    def upper(self) -> str:
        return self.c_name.upper()


@dataclass
class Parameter:
    name: str
    c_name: str
    description: str
    enum: list[str] | None
    min_length: int
    from_client: bool  # x-acr-from-client: the client's configuration supplies it
    is_mode: bool      # the `mode` parameter: typed as acr_mode
    allowed_modes: list[str] = field(default_factory=list)  # a per-operation subset; [] = every mode


@dataclass
class Operation:
    operation_id: str
    c_name: str
    method: str
    path: str
    summary: str
    parameters: list[Parameter]
    request: ObjectType | None  # None: no request body
    response: ObjectType
    error: ObjectType | None
    timeout_ms: int
    one_at_a_time: list[int]  # indices into parameters
    done_when_retried: list[tuple[int, int]]  # (HTTP status, service code or -1)
    retry_on: list[tuple[int, int]] = field(default_factory=list)  # x-acr-retry-on
    cli_name: str = ""

    @property
    def mode_allowed(self) -> list[str]:
        i = self.mode_param
        return self.parameters[i].allowed_modes if i >= 0 else []

    @property
    def client_param(self) -> int:
        return next((i for i, p in enumerate(self.parameters) if p.from_client), -1)

    @property
    def mode_param(self) -> int:
        return next((i for i, p in enumerate(self.parameters) if p.is_mode), -1)

    @property
    def cli_flags(self) -> list[str]:
        """One option per path parameter, named after the C member it fills
        (resource_id -> --resource-id); the client's parameter has none, so after
        its path name (--appid)."""
        return ["--" + (snake_case(p.name) if p.from_client else p.c_name).replace("_", "-")
                for p in self.parameters]

    @property
    def one_at_a_time_names(self) -> list[str]:
        return [self.parameters[i].name for i in self.one_at_a_time]

    @property
    def call_parameters(self) -> list[Parameter]:
        return [p for p in self.parameters if not p.from_client]


@dataclass
class Module:
    name: str
    schema_path: str
    title: str
    version: str
    modes: list[str]
    mode_constants: list[str]
    objects: list[ObjectType]  # dependencies first
    documents: list[ObjectType]  # request and response bodies
    enums: list[EnumType]
    int_constants: list[IntConstant]
    patterns: list[Pattern]
    operations: list[Operation]
    servers: list[str]


# --- building (and linting) --------------------------------------------------

TOP_LEVEL_KEYS = {"openapi", "info", "servers", "paths", "components", "security", "tags", "externalDocs"}
OPERATION_KEYS = {"operationId", "summary", "description", "parameters", "requestBody", "responses",
                  "tags", "security", "externalDocs", "x-acr-timeout-ms", "x-acr-one-at-a-time",
                  "x-acr-done-when-retried", "x-acr-retry-on"}
DEFAULT_TIMEOUT_MS = 30000
# x-acr-retry-on when an operation does not say: what docs/SERVICE-NOTES.md recommends for
# every call (206 code 65 network jitter, 504 code 62 service timeout, 429).
DEFAULT_RETRY_ON = [(206, 65), (504, 62), (429, -1)]
METHODS = {"get": "GET", "post": "POST"}
SCALAR_TYPES = {"object", "array", "string", "integer", "number", "boolean"}
KEYWORDS_BY_TYPE = {
    "object": {"properties", "required", "additionalProperties", "unevaluatedProperties", "allOf", "not", "if",
               "then", "dependentRequired"},
    "string": {"minLength", "maxLength", "pattern", "enum", "x-acr-expected", "x-acr-max-bytes"},
    "integer": {"minimum", "maximum", "enum", "x-enum-varnames"},
    "number": {"minimum", "maximum"},
    "boolean": set(),
    "array": {"items", "minItems", "maxItems", "x-acr-max-prefix-length", "allOf"},
}
# Beside a property's schema (or its $ref).
PROPERTY_EXTENSIONS = {"x-acr-modes", "x-acr-required-in-modes", "x-acr-secret"}


def is_annotation_key(key: str) -> bool:
    """x- keys outside the generator's own vocabulary are left to other tools."""
    return key.startswith("x-") and not key.startswith("x-acr-") and key != "x-enum-varnames"


class Builder:
    def __init__(self, doc: dict, name: str, schema_path: str):
        self.doc = doc
        self.name = name
        self.schema_path = schema_path
        self.problems: list[tuple[str, str]] = []
        self.objects: dict[str, ObjectType] = {}
        self.object_order: list[ObjectType] = []
        self.building: set[str] = set()
        self.enums: dict[tuple, EnumType] = {}
        self.c_names: dict[str, str] = {}  # generated C identifier -> what it names
        self.int_constants: list[IntConstant] = []
        self.patterns: dict[str, Pattern] = {}
        self.modes: list[str] = []
        self.modes_pointer = ""
        self.usage: dict[str, str] = {}  # component -> "request" | "response"

    def problem(self, pointer: str, message: str) -> None:
        # A component reached twice would otherwise report its problem twice.
        if (pointer, message) not in self.problems:
            self.problems.append((pointer, message))

    # -- C names: one flat namespace shared with the runtime headers --
    def name_taken(self, names: list[str], owner: str) -> str | None:
        """What already uses one of `names` (None when all are free for `owner`)."""
        for n in names:
            if n in RUNTIME_NAMES:
                return f"{n}, which the runtime (acr/*.h) declares"
            if self.c_names.get(n, owner) != owner:
                return f"{n}, which is already {self.c_names[n]}"
        return None

    def claim(self, names: list[str], owner: str, pointer: str) -> bool:
        """Reserves generated identifiers for `owner`; reports a clash at pointer."""
        repeated = sorted({n for n in names if names.count(n) > 1})
        if repeated:
            self.problem(pointer, f"two of its generated C names are the same: {', '.join(repeated)}")
            return False
        clash = self.name_taken(names, owner)
        if clash:
            self.problem(pointer, f"its generated C names would include {clash}; rename one of them")
            return False
        for n in names:
            self.c_names[n] = owner
        return True

    @staticmethod
    def object_c_names(c_name: str) -> list[str]:
        # The struct, its _INIT macro and the static tables of the source template.
        return [c_name, c_name.upper() + "_INIT", c_name + "_fields", c_name + "_rules", c_name + "_object"]

    @staticmethod
    def document_c_names(c_name: str) -> list[str]:
        return [c_name + suffix for suffix in
                ("_type", "_validate", "_to_json", "_write", "_parse", "_parser_new", "_free")]

    def claim_component_names(self) -> None:
        """Object components are named first, so an enum named after a property
        steps aside for them rather than the other way round."""
        for name, schema in self.section("schemas").items():
            if isinstance(schema, dict) and self.is_object_schema(schema):
                self.claim(self.object_c_names("acr_" + c_identifier(name)), f"the type of component '{name}'",
                           pointer_join("/components/schemas", name))

    # -- helpers --
    def check_keys(self, node: dict, allowed: set[str], pointer: str, what: str) -> None:
        for key in node:
            if key not in allowed and not is_annotation_key(key):
                self.problem(pointer_join(pointer, key), f"unsupported keyword '{key}' in {what}")

    def section(self, name: str) -> dict:
        """A components section ({} when absent or malformed; build() reports that)."""
        components = self.doc.get("components")
        found = components.get(name) if isinstance(components, dict) else None
        return found if isinstance(found, dict) else {}

    def resolve(self, ref: Any, pointer: str, section: str) -> tuple[str, dict] | None:
        prefix = f"#/components/{section}/"
        if not isinstance(ref, str) or not ref.startswith(prefix):
            self.problem(pointer, f"$ref must be a local reference of the form {prefix}Name")
            return None
        name = ref[len(prefix):]
        target = self.section(section).get(name)
        if not isinstance(target, dict):
            self.problem(pointer, f"$ref '{ref}' points at nothing (dangling reference)")
            return None
        return name, target

    # -- top level --
    def build(self) -> Module:
        doc = self.doc
        if not isinstance(doc, dict):
            raise SchemaError([("", "the document must be a JSON object")])
        for key in doc:
            if key not in TOP_LEVEL_KEYS and not is_annotation_key(key):
                self.problem(pointer_join("", key), f"unsupported top-level key '{key}'")
        if doc.get("openapi") != "3.1.0":
            self.problem("/openapi", "must be \"3.1.0\"")
        info = doc.get("info") if isinstance(doc.get("info"), dict) else {}
        if not info:
            self.problem("/info", "is required (title and version)")
        components = doc.get("components", {})
        if not isinstance(components, dict):
            self.problem("/components", "must be an object")
            components = {}
        for key, value in components.items():
            if key not in {"schemas", "parameters", "securitySchemes"} and not is_annotation_key(key):
                self.problem(pointer_join("/components", key), f"unsupported components section '{key}'")
            elif not isinstance(value, dict):
                self.problem(pointer_join("/components", key), "must be an object")
        servers = doc.get("servers", [])
        if not isinstance(servers, list) or not all(isinstance(s, dict) and isinstance(s.get("url"), str)
                                                    for s in servers):
            self.problem("/servers", "must be a list of {\"url\": \"...\"} objects")
            servers = []
        self.modes = self.find_modes()
        self.claim([self.name.upper() + "_H"], "the header guard", "")
        self.claim(["acr_operations", "acr_operation_count"], "the list of operations", "/paths")
        if self.modes:
            self.claim(["acr_mode", "acr_mode_parse", "acr_mode_name", "mode_names", "ACR_MODE_ANY"]
                       + ["ACR_MODE_" + c_identifier(m).upper() for m in self.modes],
                       "a name of the mode parameter", self.modes_pointer)
        self.claim(["acr_operations", "ACR_OPERATION_COUNT"], "the list of operations", "/paths")
        self.claim_component_names()
        operations = self.build_operations()
        # An unreferenced component would be neither generated nor checked.
        for name in self.section("schemas"):
            if name not in self.usage:
                self.problem(pointer_join("/components/schemas", name),
                             "is not used by any operation: reference it or remove it")
        if self.problems:
            raise SchemaError(self.problems)
        documents: list[ObjectType] = []
        for op in operations:
            for t in (op.request, op.response, op.error):
                if t is not None and t not in documents:
                    documents.append(t)
        return Module(
            name=self.name,
            schema_path=self.schema_path,
            title=str(info.get("title", "")),
            version=str(info.get("version", "")),
            modes=self.modes,
            mode_constants=["ACR_MODE_" + c_identifier(m).upper() for m in self.modes],
            objects=self.object_order,
            documents=documents,
            enums=list(self.enums.values()),
            int_constants=self.int_constants,
            patterns=list(self.patterns.values()),
            operations=operations,
            servers=[s["url"] for s in servers],
        )

    def find_modes(self) -> list[str]:
        for key, param in self.section("parameters").items():
            if isinstance(param, dict) and param.get("name") == "mode" and isinstance(param.get("schema"), dict):
                enum = param["schema"].get("enum")
                if isinstance(enum, list) and all(isinstance(v, str) for v in enum):
                    self.modes_pointer = pointer_join("/components/parameters", key, "schema", "enum")
                    if len(enum) > MAX_MODES:
                        self.problem(self.modes_pointer, f"at most {MAX_MODES} modes are supported")
                    return list(enum)
        return []

    # -- operations --
    def build_operations(self) -> list[Operation]:
        operations: list[Operation] = []
        paths = self.doc.get("paths")
        if not isinstance(paths, dict) or not paths:
            self.problem("/paths", "must be an object with at least one path")
            return operations
        seen_ids: set[str] = set()
        for path, item in paths.items():
            pp = pointer_join("/paths", path)
            if not isinstance(item, dict):
                self.problem(pp, "must be an object")
                continue
            for method, op in item.items():
                mp = pointer_join(pp, method)
                if method in ("summary", "description") or is_annotation_key(method):
                    continue
                if method not in METHODS:
                    self.problem(mp, f"only 'get' and 'post' operations are supported, not '{method}'")
                    continue
                built = self.build_operation(path, METHODS[method], op, mp)
                if built is None:
                    continue
                if built.operation_id in seen_ids:
                    self.problem(pointer_join(mp, "operationId"), "operationId is not unique")
                seen_ids.add(built.operation_id)
                operations.append(built)
        return operations

    def build_operation(self, path: str, method: str, op: Any, pointer: str) -> Operation | None:
        if not isinstance(op, dict):
            self.problem(pointer, "must be an object")
            return None
        self.check_keys(op, OPERATION_KEYS, pointer, "an operation")
        op_id = op.get("operationId")
        if not isinstance(op_id, str) or not re.fullmatch(r"[A-Za-z][A-Za-z0-9_-]*", op_id):
            self.problem(pointer_join(pointer, "operationId"),
                         "is required: an identifier like 'update', 'updateLayout' or 'ncs-ip'")
            return None
        if snake_case(op_id) in ("validate", "help"):
            self.problem(pointer_join(pointer, "operationId"), f"'{op_id}' is a command of the acr tool; rename it")
        op_c = "acr_" + c_identifier(op_id)
        self.claim([op_c, op_c + "_async", op_c + "_params", op_c.upper() + "_PARAMS_INIT", op_c + "_operation",
                    op_c + "_param_names", op_c + "_param_flags", op_c + "_exclusive", op_c + "_done_statuses", op_c + "_done_codes",
                    op_c + "_retry_statuses", op_c + "_retry_codes"], f"the C API of operation '{op_id}'",
                   pointer_join(pointer, "operationId"))
        params = self.build_parameters(path, op.get("parameters", []), pointer_join(pointer, "parameters"))
        request = None
        if "requestBody" in op:
            if method == "GET":
                self.problem(pointer_join(pointer, "requestBody"), "a GET operation cannot have a request body")
            request = self.body_type(op.get("requestBody"), pointer_join(pointer, "requestBody"), True)
            if request is None:
                return None
        responses = op.get("responses")
        rp = pointer_join(pointer, "responses")
        response = error = None
        if not isinstance(responses, dict) or "200" not in responses:
            self.problem(rp, "must describe the 200 response")
        else:
            for status, resp in responses.items():
                sp = pointer_join(rp, status)
                if status == "200":
                    response = self.body_type(resp, sp, False)
                elif status == "default":
                    error = self.body_type(resp, sp, False)
                else:
                    self.problem(sp, "only the '200' and 'default' responses are supported")
        timeout = op.get("x-acr-timeout-ms", DEFAULT_TIMEOUT_MS)
        if not isinstance(timeout, int) or isinstance(timeout, bool) or not 1 <= timeout <= 86_400_000:
            self.problem(pointer_join(pointer, "x-acr-timeout-ms"), "must be a whole number of milliseconds")
            timeout = DEFAULT_TIMEOUT_MS
        exclusive: list[int] = []
        names = [p.name for p in params]
        one_at_a_time = op.get("x-acr-one-at-a-time", [])
        if not isinstance(one_at_a_time, list):
            self.problem(pointer_join(pointer, "x-acr-one-at-a-time"), "must be a list of parameter names")
            one_at_a_time = []
        for i, name in enumerate(one_at_a_time):
            if name not in names:
                self.problem(pointer_join(pointer, "x-acr-one-at-a-time", i), f"'{name}' is not a parameter")
            else:
                exclusive.append(names.index(name))
        done = self.answers(op, "x-acr-done-when-retried", pointer) or []
        retry_on = self.answers(op, "x-acr-retry-on", pointer)
        if len([p for p in params if p.from_client]) > 1:
            self.problem(pointer_join(pointer, "parameters"), "at most one parameter can be x-acr-from-client")
        # The service code of an answer is read from the `default` body's "code".
        for key, answers in (("x-acr-done-when-retried", done), ("x-acr-retry-on", retry_on or [])):
            if any(code != -1 for _, code in answers) and not (
                    error is not None and any(f.json_name == "code" and f.value.kind == "int" for f in error.fields)):
                self.problem(pointer_join(pointer, key), "a service code needs a 'default' response whose body has "
                                                          "an integer 'code' property (where the code is read)")
        if response is None:
            return None
        return Operation(op_id, c_identifier(op_id), method, path, str(op.get("summary", "")),
                         params, request, response, error, timeout, exclusive, done,
                         DEFAULT_RETRY_ON if retry_on is None else retry_on, kebab_case(op_id))

    def answers(self, op: dict, key: str, pointer: str) -> list[tuple[int, int]] | None:
        """A list of {"status": N, "code": N} answers (None when the key is absent)."""
        if key not in op:
            return None
        result: list[tuple[int, int]] = []
        dp = pointer_join(pointer, key)
        answers = op[key]
        if not isinstance(answers, list):
            self.problem(dp, "must be a list of {\"status\": N, \"code\": N} answers")
            return result
        for i, answer in enumerate(answers):
            ok = isinstance(answer, dict) and set(answer) <= {"status", "code"} and "status" in answer and all(
                isinstance(answer[k], int) and not isinstance(answer[k], bool) for k in answer)
            if not ok or not 100 <= answer["status"] <= 599 or not INT64_MIN < answer.get("code", -1) <= INT64_MAX:
                self.problem(pointer_join(dp, i), "must be {\"status\": an HTTP status, \"code\": optional integer}")
            elif answer["status"] == 200:
                self.problem(pointer_join(dp, i, "status"), "200 is success, never an answer to retry or accept")
            else:
                result.append((answer["status"], answer.get("code", -1)))
        return result

    def build_parameters(self, path: str, params: Any, pointer: str) -> list[Parameter]:
        result: list[Parameter] = []
        if not isinstance(params, list):
            self.problem(pointer, "must be an array")
            return result
        for i, entry in enumerate(params):
            ep = pointer_join(pointer, i)
            label = None  # names the C member: the component's name when there is one
            if isinstance(entry, dict) and "$ref" in entry:
                resolved = self.resolve(entry["$ref"], pointer_join(ep, "$ref"), "parameters")
                if resolved is None:
                    continue
                ep = pointer_join("/components/parameters", resolved[0])
                label, entry = resolved
            if not isinstance(entry, dict):
                self.problem(ep, "must be an object")
                continue
            self.check_keys(entry, {"name", "in", "required", "description", "schema", "x-acr-from-client"}, ep,
                            "a parameter")
            from_client = entry.get("x-acr-from-client", False)
            if not isinstance(from_client, bool):
                self.problem(pointer_join(ep, "x-acr-from-client"), "must be true or false")
                from_client = False
            name = entry.get("name")
            if entry.get("in") != "path":
                self.problem(pointer_join(ep, "in"), "only path parameters are supported")
                continue
            if entry.get("required") is not True:
                self.problem(pointer_join(ep, "required"), "path parameters must be required: true")
            schema = entry.get("schema", {})
            sp = pointer_join(ep, "schema")
            if not isinstance(schema, dict) or schema.get("type") != "string":
                self.problem(sp, "a path parameter's schema must be {\"type\": \"string\", ...}")
                continue
            self.check_keys(schema, {"type", "enum", "minLength", "description"}, sp, "a parameter schema")
            enum = schema.get("enum")
            if enum is not None and not (isinstance(enum, list) and enum and all(isinstance(v, str) for v in enum)):
                self.problem(pointer_join(sp, "enum"), "must be a non-empty list of strings")
                enum = None
            # An inline `mode` whose enum is a subset of the shared one restricts
            # this operation to those modes (updateLayout: mix only).
            is_mode = name == "mode" and bool(self.modes) and enum is not None and set(enum) <= set(self.modes)
            allowed_modes = [m for m in self.modes if m in enum] if is_mode and set(enum) != set(self.modes) else []
            if enum is not None and not is_mode:
                self.problem(pointer_join(sp, "enum"),
                             f"must be a subset of the mode parameter's values {self.modes}" if name == "mode"
                             else "only the 'mode' parameter may have an enum")
            result.append(Parameter(str(name), c_identifier(label or str(name)), str(entry.get("description", "")),
                                    enum, self.non_negative_int(schema, "minLength", sp) or 0, from_client, is_mode,
                                    allowed_modes))
        if len(result) > MAX_PATH_PARAMS:
            self.problem(pointer, f"at most {MAX_PATH_PARAMS} path parameters are supported")
        template_names = re.findall(r"\{([^}]+)\}", path)
        given = [p.name for p in result]
        for missing in sorted(set(template_names) - set(given)):
            self.problem(pointer, f"path parameter '{missing}' of the path has no description")
        for extra in sorted(set(given) - set(template_names)):
            self.problem(pointer, f"parameter '{extra}' does not appear in the path")
        return result

    def body_type(self, body: Any, pointer: str, is_request: bool) -> ObjectType | None:
        if not isinstance(body, dict):
            self.problem(pointer, "must be an object with application/json content")
            return None
        allowed = {"description", "content"} | ({"required"} if is_request else set())
        self.check_keys(body, allowed, pointer, "a request body" if is_request else "a response")
        content = body.get("content")
        if not isinstance(content, dict) or set(content) != {"application/json"}:
            self.problem(pointer_join(pointer, "content"), "must have exactly one media type, application/json")
            return None
        media = content["application/json"]
        mp = pointer_join(pointer, "content", "application/json")
        if not isinstance(media, dict):
            self.problem(mp, "must be an object")
            return None
        self.check_keys(media, {"schema", "examples", "example"}, mp, "a media type")
        schema = media.get("schema")
        if not isinstance(schema, dict) or set(schema) != {"$ref"}:
            self.problem(pointer_join(mp, "schema"), "must be a $ref to an object component")
            return None
        ref_pointer = pointer_join(mp, "schema", "$ref")
        resolved = self.resolve(schema["$ref"], ref_pointer, "schemas")
        if resolved is None:
            return None
        name, target = resolved
        obj = self.build_object(name, target, pointer_join("/components/schemas", name), is_request, ref_pointer)
        if obj is not None:
            self.claim(self.document_c_names(obj.c_name), f"the C API of component '{name}'", obj.pointer)
        return obj

    # -- schemas --
    @staticmethod
    def split_type(schema: dict) -> tuple[Any, bool]:
        t = schema.get("type")
        if isinstance(t, list) and len(t) == 2 and "null" in t and t[0] != t[1]:
            other = t[1] if t[0] == "null" else t[0]
            return other, True
        return t, False

    def is_object_schema(self, schema: dict) -> bool:
        return self.split_type(schema)[0] == "object"

    def note_usage(self, name: str, is_request: bool, pointer: str, shareable: bool = False) -> None:
        """Records where a component is used. A non-object component (a string
        with a pattern, like Uid) may serve requests and responses alike: the
        response parser does not enforce string rules."""
        use = "request" if is_request else "response"
        previous = self.usage.setdefault(name, use)
        if previous != use and not shareable:
            self.problem(pointer, f"component '{name}' is used by both a request and a response; "
                                  "requests are strict and responses lenient, so give each its own component")

    def cycle(self, name: str, ref_pointer: str) -> None:
        self.problem(ref_pointer, f"component '{name}' refers to itself (directly or through other components); "
                                  "recursive types are not supported")

    def compose(self, schema: dict, pointer: str, is_request: bool, parts: dict, root: bool = False) -> None:
        """Collects the properties, required names and rules of an object schema
        and of the object components its allOf composes ($ref entries)."""
        properties = schema.get("properties", {})
        if not isinstance(properties, dict):
            self.problem(pointer_join(pointer, "properties"), "must be an object")
            properties = {}
        for json_name, prop in properties.items():
            pp = pointer_join(pointer, "properties", json_name)
            if "\0" in json_name or not json_name:
                self.problem(pp, "a property name must be non-empty and cannot hold U+0000")
                continue
            if json_name in parts["properties"]:
                self.problem(pp, f"property '{json_name}' is also defined at {parts['properties'][json_name][1]}")
                continue
            parts["properties"][json_name] = (prop, pp)
        required = schema.get("required", [])
        if not isinstance(required, list) or not all(isinstance(r, str) for r in required):
            self.problem(pointer_join(pointer, "required"), "must be a list of property names")
            required = []
        for r in required:
            parts["required"].append((r, pointer_join(pointer, "required")))
        if "not" in schema or "if" in schema:
            parts["rules"].append(({k: schema[k] for k in ("not", "if", "then") if k in schema}, pointer))
        if "dependentRequired" in schema:
            parts["rules"].append(({"dependentRequired": schema["dependentRequired"]}, pointer))
        all_of = schema.get("allOf", [])
        if not isinstance(all_of, list):
            self.problem(pointer_join(pointer, "allOf"), "must be a list of rules or $refs to object components")
            all_of = []
        for i, entry in enumerate(all_of):
            ep = pointer_join(pointer, "allOf", i)
            if isinstance(entry, dict) and "$ref" in entry:
                self.check_keys(entry, {"$ref", "description"}, ep, "an allOf $ref")
                resolved = self.resolve(entry["$ref"], pointer_join(ep, "$ref"), "schemas")
                if resolved is None:
                    continue
                name, target = resolved
                tp = pointer_join("/components/schemas", name)
                if not self.is_object_schema(target):
                    self.problem(pointer_join(ep, "$ref"), "an allOf $ref must name an object component")
                    continue
                if name in self.building:
                    self.cycle(name, pointer_join(ep, "$ref"))
                    continue
                self.note_usage(name, is_request, pointer_join(ep, "$ref"))
                self.check_keys(target, ANNOTATIONS | {"type"} | KEYWORDS_BY_TYPE["object"], tp, "an object schema")
                closed = target.get("additionalProperties", True) is not True or "unevaluatedProperties" in target
                # An alias (nothing but this one $ref, e.g. a required, non-null
                # copy of a nullable component) may compose a closed component:
                # ajv then closes it exactly as the component does.
                # Only the object being built may be such an alias: composed into
                # another object, the closed component would close that one too.
                alias = root and not schema.get("properties") and sum(
                    isinstance(e, dict) and "$ref" in e for e in all_of) == 1
                if closed and not alias:
                    self.problem(tp, "a component composed with allOf cannot close itself (additionalProperties "
                                     "or unevaluatedProperties): close the composing object instead")
                parts["closed"] = parts.get("closed", False) or closed
                self.building.add(name)
                self.compose(target, tp, is_request, parts)
                self.building.discard(name)
                parts["composed"] = True
            else:
                parts["rules"].append((entry, ep))

    def build_object(self, name: str, schema: dict, pointer: str, is_request: bool,
                     ref_pointer: str, inline: bool = False) -> ObjectType | None:
        """Builds the component `name` at `pointer`, reached through the $ref at
        `ref_pointer` (where a conflicting use or a cycle is reported). An inline
        object schema is named after its place (`inline`)."""
        if not inline:
            self.note_usage(name, is_request, ref_pointer)
        if name in self.objects:
            return self.objects[name]
        if name in self.building:
            self.cycle(name, ref_pointer)
            return None
        self.building.add(name)
        obj = ObjectType(name, "acr_" + c_identifier(name), pointer, str(schema.get("description", "")),
                         is_request)
        if inline:
            self.claim(self.object_c_names(obj.c_name), f"the type of the inline object at {pointer}", pointer)
        allowed = ANNOTATIONS | {"type"} | KEYWORDS_BY_TYPE["object"]
        self.check_keys(schema, allowed, pointer, "an object schema")
        parts: dict = {"properties": {}, "required": [], "rules": [], "composed": False}
        self.compose(schema, pointer, is_request, parts, root=True)
        additional = schema.get("additionalProperties", True)
        unevaluated = schema.get("unevaluatedProperties", True)
        if additional is not True and additional is not False:
            self.problem(pointer_join(pointer, "additionalProperties"), "only false is supported")
        if unevaluated is not True and unevaluated is not False:
            self.problem(pointer_join(pointer, "unevaluatedProperties"), "only false is supported")
        if additional is False and parts["composed"]:
            # ajv would apply it to this schema's own properties only.
            self.problem(pointer_join(pointer, "additionalProperties"),
                         "with allOf composition, close the object with unevaluatedProperties: false")
        obj.strict = additional is False or unevaluated is False or parts.get("closed", False)
        if obj.strict and not is_request:
            key = "additionalProperties" if additional is False else "unevaluatedProperties"
            self.problem(pointer_join(pointer, key),
                         f"responses are lenient: {key}: false is only for requests")
        properties = parts["properties"]
        if len(properties) > MAX_FIELDS:
            self.problem(pointer_join(pointer, "properties"), f"at most {MAX_FIELDS} properties are supported")
        if not properties:
            self.problem(pointer, "an object without properties cannot be generated (an empty C struct does "
                                  "not compile): give it at least one property")
        required = {r for r, _ in parts["required"]}
        for r, rp in parts["required"]:
            if r not in properties:
                self.problem(rp, f"'{r}' is required but not in properties")
        c_names: set[str] = set()
        mode_rules: list[Rule] = []
        for json_name, (prop, pp) in properties.items():
            built = self.build_field(obj, json_name, prop, pp, json_name in required, is_request)
            if built is None:
                obj.unbuilt.add(json_name)
                continue
            for member in self.member_names(built):
                if member in c_names:
                    self.problem(pp, f"C member name '{member}' collides with another property's")
                c_names.add(member)
            built.index = len(obj.fields)
            obj.fields.append(built)
            if built.required_in_modes:
                mode_rules.append(Rule("conditional", [], condition="mode", modes=built.required_in_modes,
                                       effects=[Effect("required", [built.index], [],
                                                       f"is required in mode {join_words(built.required_in_modes)}")]))
            for if_text, then_text, _ in built.value.contains_rules:
                obj.rules.append(Rule("conditional", [built.index], condition="contains", texts=[if_text],
                                      effects=[Effect("contains", [built.index], [],
                                                      f"must contain \"{then_text}\" when it contains \"{if_text}\"",
                                                      texts=[then_text])]))
        for rule, rp in parts["rules"]:
            obj.rules.extend(self.build_rule(obj, rule, rp))
        obj.rules.extend(mode_rules)
        self.building.discard(name)
        self.objects[name] = obj
        self.object_order.append(obj)
        return obj

    @staticmethod
    def member_names(f: Field) -> list[str]:
        names = [f.c_name]
        kind = f.value.kind
        if f.value.has_flag or (kind == "object" and not f.required):
            names.append("has_" + f.c_name)
        elif kind == "enum":
            names.append(f.c_name + "_other")
        elif kind == "array":
            names.append(f.c_name + "_count")
        elif kind == "string_or_array":
            names += [f.c_name + "_items", f.c_name + "_count"]
        return names

    def mode_list(self, value: Any, pointer: str, key: str) -> list[str]:
        if not self.modes:
            self.problem(pointer, f"{key} needs a 'mode' path parameter with an enum")
            return []
        if not (isinstance(value, list) and value and all(m in self.modes for m in value)):
            self.problem(pointer, f"must be a non-empty list of values of the mode parameter: {self.modes}")
            return []
        return list(value)

    def build_field(self, obj: ObjectType, json_name: str, prop: Any, pointer: str,
                    required: bool, is_request: bool) -> Field | None:
        if not isinstance(prop, dict):
            self.problem(pointer, "must be a schema object")
            return None
        modes: list[str] = []
        if "x-acr-modes" in prop:
            mp = pointer_join(pointer, "x-acr-modes")
            modes = self.mode_list(prop["x-acr-modes"], mp, "x-acr-modes")
            if modes and not is_request:
                self.problem(mp, "x-acr-modes is only meaningful in requests")
        required_in_modes: list[str] = []
        if "x-acr-required-in-modes" in prop:
            mp = pointer_join(pointer, "x-acr-required-in-modes")
            required_in_modes = self.mode_list(prop["x-acr-required-in-modes"], mp, "x-acr-required-in-modes")
            if required_in_modes and not is_request:
                self.problem(mp, "x-acr-required-in-modes is only meaningful in requests")
            elif required_in_modes and required:
                self.problem(mp, "the property is already required in every mode")
        value = self.build_value(prop, pointer, is_request, context=(obj, json_name), allow_modes=True,
                                 inline_name=obj.schema_name + pascal_case(json_name))
        if value is None:
            return None
        if required and value.nullable:
            self.problem(pointer, "a required property cannot be nullable (null means absent)")
        secret = prop.get("x-acr-secret", False)
        if secret is not False and (secret is not True or value.kind != "string" or not is_request):
            self.problem(pointer_join(pointer, "x-acr-secret"), "must be true, on a string property of a request")
            secret = False
        default = prop.get("default")
        if default is None and "$ref" in prop:
            resolved = self.resolve(prop["$ref"], pointer_join(pointer, "$ref"), "schemas")
            default = resolved[1].get("default") if resolved else None
        f = Field(json_name, c_identifier(json_name), value, required, list(modes),
                  str(prop.get("description", "")), default, secret=secret)
        f.required_in_modes = required_in_modes
        return f

    def build_value(self, schema: dict, pointer: str, is_request: bool,
                    context: tuple[ObjectType, str], allow_modes: bool = False,
                    inline_name: str | None = None) -> Value | None:
        extra = PROPERTY_EXTENSIONS if allow_modes else set()
        if "$ref" in schema:
            self.check_keys(schema, {"$ref", "description", "default"} | extra, pointer, "a $ref")
            ref_pointer = pointer_join(pointer, "$ref")
            resolved = self.resolve(schema["$ref"], ref_pointer, "schemas")
            if resolved is None:
                return None
            name, target = resolved
            tp = pointer_join("/components/schemas", name)
            if self.is_object_schema(target):
                obj = self.build_object(name, target, tp, is_request, ref_pointer)
                if obj is None:
                    return None
                return Value("object", nullable=self.split_type(target)[1], object=obj)
            self.note_usage(name, is_request, ref_pointer, shareable=True)
            if name in self.building:
                self.cycle(name, ref_pointer)
                return None
            self.building.add(name)
            value = self.build_value(target, tp, is_request, context=(context[0], name), allow_modes=False,
                                     inline_name=name)
            self.building.discard(name)
            if value is not None and "default" in schema:
                self.check_default(schema, value, pointer)
            return value
        if "oneOf" in schema:
            return self.build_one_of(schema, pointer, is_request, context, extra, inline_name)
        t, nullable = self.split_type(schema)
        if not isinstance(t, str) or t not in SCALAR_TYPES:
            self.problem(pointer_join(pointer, "type"),
                         'must be one of object, array, string, integer, number, boolean, or [T, "null"]')
            return None
        if t == "object":
            if inline_name is None:
                self.problem(pointer, "object schemas must be named components referenced with $ref")
                return None
            # An inline object: named after its place, parent + property (+ Item).
            self.check_keys(schema, ANNOTATIONS | {"type"} | KEYWORDS_BY_TYPE["object"] | extra, pointer,
                            "an object schema")
            obj = self.build_object(inline_name, {k: v for k, v in schema.items() if k not in extra}, pointer,
                                    is_request, pointer, inline=True)
            if obj is None:
                return None
            return Value("object", nullable=nullable, object=obj)
        self.check_keys(schema, ANNOTATIONS | {"type"} | KEYWORDS_BY_TYPE[t] | extra, pointer, f"a {t} schema")
        if t == "string":
            value = self.build_string(schema, pointer, context)
        elif t == "integer":
            value = self.build_integer(schema, pointer, context)
        elif t == "number":
            value = self.build_number(schema, pointer)
        elif t == "boolean":
            value = Value("bool")
        else:
            value = self.build_array(schema, pointer, is_request, context, inline_name)
        if value is not None:
            value.nullable = nullable
            self.check_default(schema, value, pointer)
        return value

    def default_ok(self, value: Value, d: Any) -> bool:
        is_int = isinstance(d, int) and not isinstance(d, bool)
        if value.kind == "bool":
            return isinstance(d, bool)
        if value.kind == "string":
            return isinstance(d, str)
        if value.kind == "enum":
            return isinstance(d, str) and value.enum is not None and d in value.enum.values
        if value.kind == "int":
            return is_int and INT64_MIN <= d <= INT64_MAX
        if value.kind == "uint64":
            return is_int and 0 <= d <= UINT64_MAX
        if value.kind == "number":
            return (is_int or isinstance(d, float)) and finite_double(d) is not None
        if value.kind == "array" and value.items is not None:
            return isinstance(d, list) and all(self.default_ok(value.items, x) for x in d)
        return False

    def check_default(self, schema: dict, value: Value, pointer: str) -> None:
        if "default" not in schema:
            return
        if not self.default_ok(value, schema["default"]):
            self.problem(pointer_join(pointer, "default"), "must be a value of the property's type")

    def non_negative_int(self, schema: dict, key: str, pointer: str) -> int | None:
        v = schema.get(key)
        if v is None:
            return None
        if not isinstance(v, int) or isinstance(v, bool) or v < 0 or v > INT64_MAX:
            self.problem(pointer_join(pointer, key), "must be a non-negative integer")
            return None
        return v

    def build_string(self, schema: dict, pointer: str, context: tuple[ObjectType, str] | None) -> Value | None:
        value = Value("string")
        value.min_length = self.non_negative_int(schema, "minLength", pointer) or 0
        value.max_length = self.non_negative_int(schema, "maxLength", pointer)
        if "x-acr-max-bytes" in schema:
            value.max_bytes = self.non_negative_int(schema, "x-acr-max-bytes", pointer)
        if "pattern" in schema:
            pattern = schema["pattern"]
            pp = pointer_join(pointer, "pattern")
            if not isinstance(pattern, str):
                self.problem(pp, "must be a string")
            else:
                try:
                    if pattern not in self.patterns:
                        self.patterns[pattern] = Pattern(len(self.patterns), pattern, _compile_pattern(pattern))
                    value.pattern = self.patterns[pattern]
                except PatternError as e:
                    self.problem(pp, f"cannot compile the pattern: {e}")
        if "x-acr-expected" in schema:
            expected = schema["x-acr-expected"]
            if not isinstance(expected, str) or "pattern" not in schema:
                self.problem(pointer_join(pointer, "x-acr-expected"), "must be a string, beside a pattern")
            else:
                value.expected = expected
        if "enum" in schema and context is not None:
            enum = schema["enum"]
            ep = pointer_join(pointer, "enum")
            if not (isinstance(enum, list) and enum and all(isinstance(v, str) for v in enum)
                    and len(set(enum)) == len(enum)):
                self.problem(ep, "must be a non-empty list of distinct strings")
                return None
            if value.has_string_rules:
                self.problem(ep, "a string enum cannot also have length or pattern rules")
            value.kind = "enum"
            value.enum = self.enum_type(enum, context, str(schema.get("description", "")), ep)
        return value

    def enum_type(self, values: list[str], context: tuple[ObjectType, str], description: str,
                  pointer: str) -> EnumType:
        owner, prop_name = context
        key = tuple(values)
        if key in self.enums:
            return self.enums[key]
        # Named after the component (a $ref'd enum) or the property; qualified by
        # the owning type when the name is taken (by another enum, a type, or the
        # runtime).
        def constants_of(c: str) -> list[str]:
            # After the prefix a value is never a C keyword: no trailing "_" ("default").
            return [c.upper() + "_" + c_identifier(v).rstrip("_").upper() for v in values]

        def names(c: str) -> list[str]:
            # A value "other" would clash with the _OTHER sentinel: claim reports it.
            return [c, c.upper() + "_UNSET", c.upper() + "_OTHER", c + "_values", c + "_enum"] + constants_of(c)

        owner_text = f"the enum of {owner.schema_name}.{prop_name}"
        c_name = "acr_" + c_identifier(prop_name)
        if self.name_taken(names(c_name), owner_text):
            c_name = "acr_" + c_identifier(owner.schema_name) + "_" + c_identifier(prop_name)
        self.claim(names(c_name), owner_text, pointer)
        upper = c_name.upper()
        constants = constants_of(c_name)
        quoted = [f'"{v}"' for v in values]
        allowed = join_words(quoted) if len(values) <= 2 else "one of " + join_words(quoted)
        e = EnumType(c_name, list(values), constants, upper + "_UNSET", upper + "_OTHER", description, allowed)
        self.enums[key] = e
        return e

    def build_integer(self, schema: dict, pointer: str, context: tuple[ObjectType, str]) -> Value | None:
        value = Value("int")
        for key in ("minimum", "maximum"):
            v = schema.get(key)
            if v is not None and (not isinstance(v, int) or isinstance(v, bool)):
                self.problem(pointer_join(pointer, key), "must be an integer")
        minimum, maximum = schema.get("minimum"), schema.get("maximum")
        minimum = minimum if isinstance(minimum, int) and not isinstance(minimum, bool) else None
        maximum = maximum if isinstance(maximum, int) and not isinstance(maximum, bool) else None
        if maximum is not None and maximum > INT64_MAX:
            if minimum is None or minimum < 0:
                self.problem(pointer, "an integer above INT64_MAX needs minimum >= 0 (it becomes uint64_t)")
            value.kind = "uint64"
        # Every bound must be exact in the C type, or the constant would be wrong.
        low, high, ctype = (0, UINT64_MAX, "uint64_t") if value.kind == "uint64" else (INT64_MIN, INT64_MAX,
                                                                                      "int64_t")
        for key, bound in (("minimum", minimum), ("maximum", maximum)):
            if bound is not None and not low <= bound <= high:
                self.problem(pointer_join(pointer, key), f"must fit in 64 bits ({ctype}: {low} to {high})")
        value.minimum = minimum if minimum is not None and low <= minimum <= high else None
        value.maximum = maximum if maximum is not None and low <= maximum <= high else None
        if "enum" in schema:
            enum = schema["enum"]
            ep = pointer_join(pointer, "enum")
            if not (isinstance(enum, list) and enum and all(isinstance(v, int) and not isinstance(v, bool)
                                                             and INT64_MIN <= v <= INT64_MAX for v in enum)):
                self.problem(ep, "must be a non-empty list of 64-bit integers")
                return None
            if value.kind == "uint64":
                self.problem(ep, "an integer enum must fit in int64_t")
            value.allowed = list(enum)
            value.allowed_text = ("one of " + join_words([str(v) for v in enum])) if len(enum) > 1 else str(enum[0])
            names = schema.get("x-enum-varnames")
            if names is not None:
                np = pointer_join(pointer, "x-enum-varnames")
                if not (isinstance(names, list) and len(names) == len(enum)
                        and all(isinstance(n, str) and re.fullmatch(r"[A-Za-z][A-Za-z0-9_]*", n) for n in names)):
                    self.problem(np, "must list one C identifier per enum value")
                else:
                    prefix = "ACR_" + c_identifier(context[1]).upper() + "_"
                    known = {c.name: c.value for c in self.int_constants}
                    for n, v in zip(names, enum):
                        cname = prefix + n.upper()
                        if known.get(cname, v) != v:
                            self.problem(np, f"constant {cname} is defined twice with different values")
                        elif cname not in known and self.claim([cname], f"the constant {cname} = {v}", np):
                            self.int_constants.append(IntConstant(cname, v))
        elif "x-enum-varnames" in schema:
            self.problem(pointer_join(pointer, "x-enum-varnames"), "needs an enum beside it")
        return value

    def build_number(self, schema: dict, pointer: str) -> Value:
        value = Value("number")
        for key in ("minimum", "maximum"):
            if key not in schema:
                continue
            bound = finite_double(schema[key])
            if bound is None:
                self.problem(pointer_join(pointer, key), "must be a finite number that fits a C double")
            elif key == "minimum":
                value.number_min = bound
            else:
                value.number_max = bound
        return value

    def build_array(self, schema: dict, pointer: str, is_request: bool,
                    context: tuple[ObjectType, str], inline_name: str | None = None) -> Value | None:
        value = Value("array")
        value.min_items = self.non_negative_int(schema, "minItems", pointer) or 0
        value.max_items = self.non_negative_int(schema, "maxItems", pointer)
        items = schema.get("items")
        ip = pointer_join(pointer, "items")
        if not isinstance(items, dict):
            self.problem(ip, "is required: the schema of the array's items")
            return None
        item = self.build_value(items, ip, is_request, context,
                                inline_name=(inline_name + "Item") if inline_name else None)
        if item is None:
            return None
        if item.kind not in ("string", "int", "number", "bool", "object", "enum"):
            self.problem(ip, "array items must be strings, integers, numbers, booleans, enums or objects")
            return None
        if item.nullable:
            self.problem(ip, "array items cannot be nullable")
        if item.kind == "enum" and not is_request:
            # A response keeps what the service sends: an item has no room for
            # an unknown value's text, so a response's enum items are strings.
            item = Value("string")
        value.items = item
        if "x-acr-max-prefix-length" in schema:
            n = self.non_negative_int(schema, "x-acr-max-prefix-length", pointer)
            if item.kind != "string":
                self.problem(pointer_join(pointer, "x-acr-max-prefix-length"), "applies to arrays of strings only")
            elif n:
                value.max_prefix_length = n
        all_of = schema.get("allOf", [])
        ap = pointer_join(pointer, "allOf")
        if not isinstance(all_of, list):
            self.problem(ap, "must be a list of contains rules")
            all_of = []
        for i, rule in enumerate(all_of):
            rp = pointer_join(ap, i)
            shape = "must be {\"if\": {\"contains\": {\"const\": A}}, \"then\": {\"contains\": {\"const\": B}}}"
            consts = []
            for key in ("if", "then"):
                part = rule.get(key) if isinstance(rule, dict) else None
                inner = part.get("contains") if isinstance(part, dict) and set(part) == {"contains"} else None
                if isinstance(inner, dict) and set(inner) == {"const"} and isinstance(inner["const"], str):
                    consts.append(inner["const"])
            if not isinstance(rule, dict) or set(rule) - {"if", "then", "description"} or len(consts) != 2:
                self.problem(rp, shape)
                continue
            if item.kind not in ("string", "enum"):
                self.problem(rp, "contains rules apply to arrays of strings only")
                continue
            if item.kind == "enum" and item.enum and any(c not in item.enum.values for c in consts):
                self.problem(rp, f"the values must be items of the enum {item.enum.values}")
                continue
            value.contains_rules.append((consts[0], consts[1], rp))
        return value

    def build_one_of(self, schema: dict, pointer: str, is_request: bool,
                     context: tuple[ObjectType, str], extra: set[str], inline_name: str | None = None) -> Value | None:
        self.check_keys(schema, ANNOTATIONS | {"oneOf"} | extra, pointer, "a oneOf schema")
        alternatives = schema["oneOf"]
        op = pointer_join(pointer, "oneOf")
        if not isinstance(alternatives, list) or len(alternatives) != 2:
            self.problem(op, "only a oneOf of a string and an array is supported")
            return None
        built = [self.build_value(a, pointer_join(op, i), is_request, context, inline_name=inline_name)
                 if isinstance(a, dict) else None for i, a in enumerate(alternatives)]
        kinds = sorted(b.kind for b in built if b is not None)
        if kinds != ["array", "string"]:
            self.problem(op, "only a oneOf of a string and an array is supported")
            return None
        string = next(b for b in built if b and b.kind == "string")
        array = next(b for b in built if b and b.kind == "array")
        if string.nullable or array.nullable:
            self.problem(op, "oneOf alternatives cannot be nullable")
        if array.items is not None and array.items.kind not in ("string", "object", "int", "bool"):
            self.problem(op, "the array alternative's items must be strings, integers, booleans or objects")
            return None
        value = Value("string_or_array", items=array.items, min_items=array.min_items,
                      max_items=array.max_items, min_length=string.min_length,
                      max_length=string.max_length, pattern=string.pattern, expected=string.expected)
        value.max_bytes = string.max_bytes
        return value

    # -- rules --
    def field_index(self, obj: ObjectType, name: Any, pointer: str) -> int | None:
        for f in obj.fields:
            if f.json_name == name:
                return f.index
        if not isinstance(name, str) or name not in obj.unbuilt:
            self.problem(pointer, f"'{name}' is not a property of {obj.schema_name}")
        return None

    def build_rule(self, obj: ObjectType, rule: Any, pointer: str) -> list[Rule]:
        if not isinstance(rule, dict):
            self.problem(pointer, "must be a rule schema")
            return []
        built: Rule | None
        if "dependentRequired" in rule:
            self.check_keys(rule, {"dependentRequired", "description"}, pointer, "a rule")
            return self.build_dependent(obj, rule["dependentRequired"], pointer_join(pointer, "dependentRequired"))
        if "not" in rule:
            self.check_keys(rule, {"not", "description"}, pointer, "a rule")
            built = self.build_exclusive(obj, rule["not"], pointer_join(pointer, "not"))
        elif "if" in rule:
            self.check_keys(rule, {"if", "then", "description"}, pointer, "a rule")
            built = self.build_conditional(obj, rule, pointer)
        elif "x-acr-max-product" in rule:
            self.check_keys(rule, {"x-acr-max-product", "description"}, pointer, "a rule")
            built = self.build_product(obj, rule["x-acr-max-product"], pointer_join(pointer, "x-acr-max-product"))
        elif "x-acr-if-modes" in rule:
            self.check_keys(rule, {"x-acr-if-modes", "x-acr-then", "description"}, pointer, "a rule")
            built = self.build_mode_rule(obj, rule, pointer)
        else:
            self.problem(pointer, "a rule must be {\"not\": {\"required\": [...]}}, {\"if\": ..., \"then\": ...}, "
                                  "{\"dependentRequired\": ...}, {\"x-acr-max-product\": ...} or "
                                  "{\"x-acr-if-modes\": ..., \"x-acr-then\": ...}")
            return []
        return [built] if built is not None else []

    def build_dependent(self, obj: ObjectType, spec: Any, pointer: str) -> list[Rule]:
        if not isinstance(spec, dict) or not all(isinstance(v, list) and v for v in spec.values()):
            self.problem(pointer, "must map a property to the non-empty list of properties it needs")
            return []
        rules = []
        for name, needed in spec.items():
            p = pointer_join(pointer, name)
            first = self.field_index(obj, name, p)
            others = [self.field_index(obj, n, pointer_join(p, i)) for i, n in enumerate(needed)]
            if first is not None and None not in others:
                rules.append(Rule("dependent", [first] + [i for i in others if i is not None]))
        return rules

    def build_product(self, obj: ObjectType, spec: Any, pointer: str) -> Rule | None:
        shape = "must be {\"properties\": [integer property names], \"maximum\": N}"
        if not isinstance(spec, dict) or set(spec) != {"properties", "maximum"} \
                or not isinstance(spec["properties"], list) or len(spec["properties"]) < 2:
            self.problem(pointer, shape)
            return None
        maximum = spec["maximum"]
        if not isinstance(maximum, int) or isinstance(maximum, bool) or not INT64_MIN <= maximum <= INT64_MAX:
            self.problem(pointer_join(pointer, "maximum"), "must be a 64-bit integer")
            return None
        indices, defaults, has = [], [], []
        for i, name in enumerate(spec["properties"]):
            idx = self.field_index(obj, name, pointer_join(pointer, "properties", i))
            if idx is None:
                return None
            f = obj.fields[idx]
            if f.value.kind != "int":
                self.problem(pointer_join(pointer, "properties", i), f"'{name}' is not an integer property")
                return None
            indices.append(idx)
            d = f.default
            has.append(isinstance(d, int) and not isinstance(d, bool))
            defaults.append(d if has[-1] else 0)
        names = [obj.fields[i].json_name for i in indices]
        return Rule("max_product", indices, values=defaults, has_value=has, maximum=maximum,
                    message=f"{' x '.join(names)} must be at most {maximum}")

    def build_mode_rule(self, obj: ObjectType, rule: dict, pointer: str) -> Rule | None:
        modes = self.mode_list(rule.get("x-acr-if-modes"), pointer_join(pointer, "x-acr-if-modes"),
                               "x-acr-if-modes")
        then = rule.get("x-acr-then")
        if not isinstance(then, dict):
            self.problem(pointer_join(pointer, "x-acr-then"), "is required beside x-acr-if-modes")
            return None
        if not modes:
            return None
        condition = f"the mode is {join_words(modes)}"
        effects: list[Effect] = []
        self.build_effects(obj, then, [], pointer_join(pointer, "x-acr-then"), condition, None, effects)
        return Rule("conditional", [], condition="mode", modes=modes, effects=effects)

    def build_exclusive(self, obj: ObjectType, inner: Any, pointer: str) -> Rule | None:
        if not isinstance(inner, dict) or not isinstance(inner.get("required"), list) or len(inner["required"]) < 2:
            self.problem(pointer, "must be {\"required\": [a, b, ...]} naming at least two properties")
            return None
        self.check_keys(inner, {"type", "required", "properties"}, pointer, "a mutual exclusion")
        # "type": "object" keeps a null object (which means absent) from matching
        # the inner schema: for a non-object, required and properties pass
        # vacuously, so without it the "not" would reject null.
        if inner.get("type", "object") != "object":
            self.problem(pointer_join(pointer, "type"), "must be \"object\"")
        indices = [self.field_index(obj, n, pointer_join(pointer, "required", i))
                   for i, n in enumerate(inner["required"])]
        if None in indices:
            return None
        # The optional "properties" part only says "null does not count", which
        # is how the C side sees null anyway; it must say exactly that.
        refinements = inner.get("properties", {})
        if not isinstance(refinements, dict):
            self.problem(pointer_join(pointer, "properties"), "must be an object")
            refinements = {}
        for name, refinement in refinements.items():
            rp = pointer_join(pointer, "properties", name)
            idx = self.field_index(obj, name, rp)
            if idx is None:
                continue
            expected_type = self.json_type(obj.fields[idx].value)
            if refinement != {"type": expected_type}:
                self.problem(rp, f"must be {{\"type\": \"{expected_type}\"}}: the property's non-null type")
        names = [obj.fields[i].json_name for i in indices]
        verb = "both" if len(names) == 2 else "all"
        return Rule("exclusive", indices, message=f"{join_words(names, 'and')} cannot {verb} be set")

    @staticmethod
    def json_type(value: Value) -> str:
        return {"string": "string", "enum": "string", "bool": "boolean", "int": "integer", "uint64": "integer",
                "number": "number", "object": "object", "array": "array"}.get(value.kind, "?")

    def tested_values(self, f: Field, values: Any, pointer: str) -> tuple[list[int], list[str]] | None:
        """The values a condition or effect compares a property with: integers
        for an integer property, strings for a string or enum property."""
        if not isinstance(values, list) or not values:
            self.problem(pointer, "must list at least one value")
            return None
        if f.value.kind == "int":
            if all(isinstance(v, int) and not isinstance(v, bool) and INT64_MIN <= v <= INT64_MAX for v in values):
                return list(values), []
            self.problem(pointer, f"'{f.json_name}' is an integer: the values must be integers")
            return None
        if f.value.kind in ("string", "enum"):
            if not all(isinstance(v, str) for v in values):
                self.problem(pointer, f"'{f.json_name}' is a string: the values must be strings")
                return None
            if f.value.kind == "enum" and f.value.enum and any(v not in f.value.enum.values for v in values):
                self.problem(pointer, f"the values must be among '{f.json_name}''s enum {f.value.enum.values}")
                return None
            return [], list(values)
        self.problem(pointer, "conditions can only test an integer or string property")
        return None

    def build_conditional(self, obj: ObjectType, rule: dict, pointer: str) -> Rule | None:
        cond = rule.get("if")
        cp = pointer_join(pointer, "if")
        shape = "must be {\"properties\": {P: {\"const\": v} | {\"enum\": [...]} | {\"not\": {\"const\" or " \
                "\"enum\": ...}}}, \"required\": [P]} or {\"required\": [P]}"
        if not isinstance(cond, dict):
            self.problem(cp, shape)
            return None
        self.check_keys(cond, {"properties", "required", "x-acr-absent-means-default"}, cp, "a condition")
        then = rule.get("then")
        if not isinstance(then, dict):
            self.problem(pointer_join(pointer, "then"), "is required beside if")
            return None
        # A nested condition ({"properties": {"a": {"type": "object", "properties":
        # {"b": TEST}, "required": ["b"]}}, "required": ["a"]}) holds only when
        # every object on the way is present; each step is checked here and the
        # innermost condition is read below against the innermost object.
        outer = obj
        prefix: list[int] = []
        names: list[str] = []
        while True:
            props = cond.get("properties")
            if not (isinstance(props, dict) and len(props) == 1):
                break
            (name, test), = props.items()
            if not (isinstance(test, dict) and "properties" in test):
                break
            tp = pointer_join(cp, "properties", name)
            idx = self.field_index(obj, name, tp)
            if idx is None:
                return None
            f = obj.fields[idx]
            if f.value.kind != "object" or f.value.object is None:
                self.problem(tp, f"'{name}' is not an object: a nested condition goes through object properties only")
                return None
            if cond.get("required") != [name]:
                self.problem(pointer_join(cp, "required") if "required" in cond else cp,
                             f"must be [\"{name}\"]: a nested condition holds only when every object on the way "
                             "is present")
                return None
            if "x-acr-absent-means-default" in cond:
                self.problem(pointer_join(cp, "x-acr-absent-means-default"),
                             "is not allowed in a condition on a nested property")
                return None
            if test.get("type") != "object":
                self.problem(pointer_join(tp, "type") if "type" in test else tp,
                             "must be \"object\": a nested condition step needs it, so that a null object "
                             "does not satisfy the condition under standard validators (null means absent)")
                return None
            self.check_keys(test, {"type", "properties", "required"}, tp, "a nested condition")
            prefix.append(idx)
            names.append(name)
            obj, cond, cp = f.value.object, test, tp
        props = cond.get("properties", {})
        required = cond.get("required")
        absent_default = cond.get("x-acr-absent-means-default", False)
        if absent_default is not False and absent_default is not True:
            self.problem(pointer_join(cp, "x-acr-absent-means-default"), "must be true or false")
            return None
        if not isinstance(props, dict):
            self.problem(pointer_join(cp, "properties"), shape)
            return None
        # Presence: {"required": [P]} (with {"type": T} beside for a nullable P).
        tests = {k: v for k, v in props.items() if not (isinstance(v, dict) and set(v) == {"type"})}
        if not tests:
            if not (isinstance(required, list) and len(required) == 1) or absent_default:
                self.problem(cp, shape)
                return None
            name = required[0]
            idx = self.field_index(obj, name, pointer_join(cp, "required", 0))
            if idx is None:
                return None
            f = obj.fields[idx]
            refinement = props.get(name)
            if f.value.nullable and refinement != {"type": self.json_type(f.value)}:
                self.problem(cp, f"'{name}' is nullable: testing its presence needs \"properties\": "
                                 f"{{\"{name}\": {{\"type\": \"{self.json_type(f.value)}\"}}}} beside "
                                 "\"required\", so that null does not count")
            for other in props:
                if other != name:
                    self.problem(pointer_join(cp, "properties", other), shape)
            condition = f"{'.'.join(names + [name])} is set"
            effects: list[Effect] = []
            self.build_effects(outer, then, [], pointer_join(pointer, "then"), condition, None, effects)
            return Rule("conditional", prefix + [idx], condition="present", effects=effects)
        if len(props) != 1:
            self.problem(cp, shape)
            return None
        (name, test), = props.items()
        tp = pointer_join(cp, "properties", name)
        idx = self.field_index(obj, name, tp)
        if idx is None:
            return None
        tested = obj.fields[idx]
        negate = False
        if isinstance(test, dict) and set(test) == {"const"}:
            raw = [test["const"]]
        elif isinstance(test, dict) and set(test) == {"enum"}:
            raw = test["enum"]
        elif isinstance(test, dict) and set(test) == {"not"} and isinstance(test["not"], dict) \
                and set(test["not"]) in ({"enum"}, {"const"}):
            inner = test["not"]
            raw, negate = (inner["enum"] if "enum" in inner else [inner["const"]]), True
        else:
            self.problem(tp, shape)
            return None
        tested_values = self.tested_values(tested, raw, tp)
        if tested_values is None:
            return None
        ints, texts = tested_values
        shown = [str(v) for v in ints] if ints else [f'"{v}"' for v in texts]
        dotted = ".".join(names + [name])
        condition = f"{dotted} is {'not ' if negate else ''}{join_words(shown)}"
        positive = f"{dotted} is {join_words(shown)}"
        default = None
        if absent_default:
            # An absent property is tested as its default; for ajv to agree, the
            # `if` requires the property exactly when the default fails the test.
            default = tested.default
            if default is None:
                self.problem(pointer_join(cp, "x-acr-absent-means-default"),
                             f"'{name}' has no default to stand for its absence")
                return None
            holds = (default in (ints or texts)) != negate
            expected = None if holds else [name]
            if required != expected:
                self.problem(pointer_join(cp, "required") if required is not None else cp,
                             f"the default {json_text(default)} {'satisfies' if holds else 'fails'} the condition, "
                             f"so the if must {'not list' if holds else 'list'} \"{name}\" in required "
                             "(for standard validators to agree)")
        elif required != [name]:
            self.problem(pointer_join(cp, "required"), f"must be [\"{name}\"]")
        effects = []
        self.build_effects(outer, then, [], pointer_join(pointer, "then"), condition, positive if negate else None,
                           effects)
        return Rule("conditional", prefix + [idx], values=ints, texts=texts, negate=negate, effects=effects,
                    default=default)

    def build_effects(self, obj: ObjectType, then: dict, path: list[int], pointer: str, condition: str,
                      only_when: str | None, effects: list[Effect]) -> None:
        # A nested clause arrives without its "type": "object" (checked by the caller).
        self.check_keys(then, {"required", "properties", "dependentRequired"}, pointer, "a then clause")
        required = then.get("required", [])
        props = then.get("properties", {})
        if not isinstance(required, list) or not isinstance(props, dict):
            self.problem(pointer, "required must be a list and properties an object")
            return
        if "dependentRequired" in then:
            self.build_dependent_effects(obj, then["dependentRequired"], path, pointer_join(pointer, "dependentRequired"),
                                         condition, effects)
        for i, name in enumerate(required):
            idx = self.field_index(obj, name, pointer_join(pointer, "required", i))
            if idx is None:
                continue
            f = obj.fields[idx]
            refinement = props.get(name)
            if f.value.nullable and (not isinstance(refinement, dict)
                                     or refinement.get("type") != self.json_type(f.value)):
                # Point at the refinement when there is one, else at the required entry.
                where = pointer_join(pointer, "properties", name) if name in props \
                    else pointer_join(pointer, "required", i)
                self.problem(where, f"'{name}' is nullable: making it required here needs \"properties\": "
                                    f"{{\"{name}\": {{\"type\": \"{self.json_type(f.value)}\"}}}} beside it, "
                                    "so that null does not satisfy the rule")
            effects.append(Effect("required", path + [idx], [], f"is required when {condition}"))
        string_keys = {"minLength", "maxLength", "pattern", "x-acr-expected", "x-acr-max-bytes"}
        for name, refinement in props.items():
            rp = pointer_join(pointer, "properties", name)
            idx = self.field_index(obj, name, rp)
            if idx is None:
                continue
            f = obj.fields[idx]
            if not isinstance(refinement, dict):
                self.problem(rp, "must be a schema object")
            elif refinement == {"type": "null"}:
                message = f"is only allowed when {only_when}" if only_when else f"is not allowed when {condition}"
                effects.append(Effect("forbidden", path + [idx], [], message))
            elif set(refinement) in ({"enum"}, {"const"}):
                values = refinement["enum"] if "enum" in refinement else [refinement["const"]]
                tested = self.tested_values(f, values, rp)
                if tested is None:
                    continue
                ints, texts = tested
                allowed = int_ranges_text(ints) if ints else join_words([f'"{t}"' for t in texts])
                effects.append(Effect("one_of", path + [idx], ints, f"must be {allowed} when {condition}",
                                      texts=texts))
            elif refinement and set(refinement) <= string_keys | {"type"} and set(refinement) & string_keys:
                if f.value.kind != "string" or refinement.get("type", "string") not in ("string", ["string", "null"],
                                                                                     ["null", "string"]):
                    self.problem(rp, "string rules apply to a string property only")
                    continue
                rules = self.build_string(refinement, rp, None)
                if rules is not None:
                    effects.append(Effect("string", path + [idx], [], f"when {condition}", string_rules=rules))
            elif refinement.get("type") == self.json_type(f.value) and set(refinement) == {"type"}:
                if name not in required:
                    self.problem(rp, "a non-null type refinement only goes with required")
            elif f.value.kind == "object" and set(refinement) <= {"type", "required", "properties", "dependentRequired"} \
                    and refinement.get("type", "object") in ("object", ["object", "null"], ["null", "object"]):
                # ["object", "null"] lets a null (absent) object pass under ajv, as in C.
                nested = {k: v for k, v in refinement.items() if k != "type"}
                self.build_effects(f.value.object, nested, path + [idx], rp, condition, only_when, effects)
            else:
                self.problem(rp, "must be {\"enum\": [...]}, {\"const\": v}, {\"type\": \"null\"}, the non-null "
                                 "type, string rules (maxLength, pattern, x-acr-max-bytes...), or a nested "
                                 "{\"type\": \"object\", \"required\": ..., \"properties\": ..., "
                                 "\"dependentRequired\": ...}")

    def build_dependent_effects(self, obj: ObjectType, spec: Any, path: list[int], pointer: str, condition: str,
                                effects: list[Effect]) -> None:
        """dependentRequired in a then clause: when the condition holds (and the
        objects of `path` are present), each property present needs its list."""
        if not isinstance(spec, dict) or not spec or not all(isinstance(v, list) and v for v in spec.values()):
            self.problem(pointer, "must map a property to the non-empty list of properties it needs")
            return
        for name, needed in spec.items():
            p = pointer_join(pointer, name)
            idx = self.field_index(obj, name, p)
            others = [self.field_index(obj, n, pointer_join(p, i)) for i, n in enumerate(needed)]
            if idx is None or None in others:
                continue
            if name in needed:
                self.problem(pointer_join(p, needed.index(name)), f"'{name}' cannot need itself")
                continue
            effects.append(Effect("dependent", path + [idx], [], f"is required when {name} is set and {condition}",
                                  texts=list(dict.fromkeys(needed))))


def build_model(doc: dict, name: str, schema_path: str) -> Module:
    """Builds the model, or raises SchemaError listing every problem."""
    return Builder(doc, name, schema_path).build()
