"""Generated C compiles whatever the schema's texts and names are (issue 9
items 23 and 24): schema text that lands in a comment cannot end or open one,
and members named like C++ keywords or predefined macros are renamed, so the
header builds as C (gnu11, which defines `linux` and `unix`) and as C++."""
import os
import shutil
import subprocess
import tempfile
import unittest

from acrgen import emit
from acrgen.model import build_model
from codegen_support import SOURCE_DIR, widgets_schema

CC = shutil.which("cc")
CXX = shutil.which("c++")
INCLUDE = os.path.join(SOURCE_DIR, "runtime", "include")
NASTY = "a*/b/*c"  # ends a comment, then opens one


def hostile_schema(names=True):
    doc = widgets_schema()
    s = doc["components"]["schemas"]
    props = s["CreateWidgetRequest"]["properties"]
    props["shape"]["enum"].append(NASTY)
    props["shape"]["default"] = NASTY
    props["shape"]["description"] = f"text {NASTY} /* more"
    props[f"odd{NASTY}"] = {"type": "string", "description": NASTY}
    for name in ("class", "new", "delete", "template", "linux", "unix", "errno", "stdin", "major", "assert"):
        if names:
            props[name] = {"type": "integer"}
    s["CreateWidgetResponse"]["description"] = NASTY
    doc["components"]["parameters"]["Mode"]["schema"]["enum"].append("gold*/")
    doc["paths"]["/v2/ping"]["post"]["summary"] = NASTY
    return doc


@unittest.skipUnless(CC and CXX, "needs cc and c++")
class HostileTextsCompileTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="acrgen-compile-")
        self.addCleanup(shutil.rmtree, self.tmp)
        files = emit.render(build_model(hostile_schema(), "hostile_api", "tests/hostile.json"))
        for name, text in files.items():
            with open(os.path.join(self.tmp, name), "w", encoding="utf-8") as f:
                f.write(text)

    def test_comment_texts_alone(self):
        # Item 23 on its own: only texts holding */ and /*, no reserved names.
        files = emit.render(build_model(hostile_schema(names=False), "texts_api", "tests/texts.json"))
        for name, text in files.items():
            with open(os.path.join(self.tmp, name), "w", encoding="utf-8") as f:
                f.write(text)
        self.compile(CC, "-std=c11", "-D_DEFAULT_SOURCE", os.path.join(self.tmp, "texts_api.c"))

    def compile(self, *args):
        result = subprocess.run(list(args) + ["-I", INCLUDE, "-I", self.tmp, "-fsyntax-only", "-Wall", "-Wextra",
                                              "-Werror"], capture_output=True, text=True, timeout=120, check=False)
        self.assertEqual(result.returncode, 0, result.stderr[-3000:])

    def test_source_compiles_as_gnu11(self):
        self.compile(CC, "-std=gnu11", "-D_DEFAULT_SOURCE", os.path.join(self.tmp, "hostile_api.c"))

    def test_header_compiles_as_cxx(self):
        main = os.path.join(self.tmp, "use.cpp")
        with open(main, "w", encoding="utf-8") as f:
            f.write('#include <cerrno>\n#include <cstdio>\n#include <cassert>\n#include <sys/types.h>\n'
                    '#include "hostile_api.h"\nint main() { acr_create_widget_request r = {}; r.class_ = 1; r.new_ = 2;'
                    ' r.errno_ = 3; r.linux_ = 4; return (int)r.class_; }\n')
        self.compile(CXX, "-std=c++17", main)

    def test_renamed_members(self):
        m = build_model(hostile_schema(), "hostile_api", "tests/hostile.json")
        polish = next(o for o in m.objects if o.schema_name == "CreateWidgetRequest")
        names = {f.json_name: f.c_name for f in polish.fields}
        self.assertEqual(names["class"], "class_")
        self.assertEqual(names["linux"], "linux_")
        self.assertEqual(names["errno"], "errno_")
        self.assertEqual(names[f"odd{NASTY}"], "odda_b_c")


if __name__ == "__main__":
    unittest.main()
