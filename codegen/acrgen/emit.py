"""Renders the model into C sources with Jinja2. Templates see only the model."""
from __future__ import annotations

import os
import shlex

import jinja2

from .model import Module, c_comment, c_string

TEMPLATE_DIR = os.path.join(os.path.dirname(__file__), "templates")


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATE_DIR),
        undefined=jinja2.StrictUndefined,  # a typo in a template fails loudly
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )
    env.filters["c_string"] = c_string
    env.filters["c_comment"] = c_comment
    env.filters["c_int"] = _c_int
    env.filters["byte_length"] = lambda text: len(text.encode("utf-8"))
    env.filters["roff"] = roff
    env.filters["roff_option"] = lambda text: roff(text).replace("-", "\\-")
    env.filters["roff_path"] = lambda text: roff(text).replace("/", "/\\:")  # may break after a slash
    env.filters["metavar"] = lambda flag: flag.lstrip("-").replace("-", "_").upper()
    env.filters["shell_word"] = _shell_word
    env.filters["c_arguments"] = c_arguments
    return env


def roff(text: object) -> str:
    """Text for a roff line: one line, backslashes escaped, no control line."""
    out = " ".join(str(text).split()).replace("\\", "\\e")
    return "\\&" + out if out[:1] in (".", "'") else out


def c_arguments(arguments: list[str], column: int, width: int = 110) -> str:
    """A parameter list joined with ", ", wrapped before `width` with each
    continuation line aligned under the first argument (at `column`)."""
    lines = [""]
    for i, arg in enumerate(arguments):
        piece = arg + ("," if i + 1 < len(arguments) else "")
        if lines[-1] and column + len(lines[-1]) + 1 + len(piece) > width:
            lines.append("")
        lines[-1] += (" " if lines[-1] else "") + piece
    return ("\n" + " " * column).join(lines)


def _shell_word(text: str) -> str:
    """One shell word, quoted when it needs to be (a case pattern or an argument)."""
    return shlex.quote(str(text))


def _c_int(value: int) -> str:
    """An int64_t literal valid for the whole range (INT64_MIN has no literal)."""
    if value == -(2**63):
        return "INT64_MIN"
    return f"INT64_C({value})"


def render(module: Module) -> dict[str, str]:
    """Returns {file name: text} for the module's header and source."""
    env = _environment()
    files = {}
    for template, suffix in (("header.h.j2", ".h"), ("source.c.j2", ".c")):
        text = env.get_template(template).render(m=module)
        files[module.name + suffix] = text
    # The acr tool's man page and bash completion, from the same operations.
    for template, name in (("acr.1.j2", "acr.1"), ("acr.bash.j2", "acr.bash")):
        files[name] = env.get_template(template).render(m=module)
    return files
