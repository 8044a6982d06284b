"""The generated acr_<op>_async wrappers (issue 11): one per operation, the
blocking wrapper's arguments minus the client plus loop/done/ctx/transfer, the
same body over acr_call_start(), and a doc comment that says what the contract
of acr/loop.h says (thread, callbacks, ownership, exactly once, FIFO)."""
import re
import unittest

from acrgen import emit
from codegen_support import model, widgets_schema


def squeeze(text):
    return " ".join(text.split())


def declarations(header):
    """{name: (doc comment, prototype)} of every acr_*_async in a header."""
    found = {}
    for m in re.finditer(r"/\*\*((?:(?!\*/).)*)\*/\s*ACR_API acr_status (acr_\w+_async)\(([^;]*)\);", header, re.S):
        found[m[2]] = (squeeze(m[1].replace("\n *", " ")), squeeze(m[3]))
    return found


def body(source, name):
    m = re.search(r"^acr_status " + name + r"\(.*?^}", source, re.S | re.M)
    return m[0] if m else None


class ShippedSchemaTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.module = model()
        files = emit.render(cls.module)
        cls.header, cls.source = files["acr_api.h"], files["acr_api.c"]
        cls.decls = declarations(cls.header)

    def test_one_per_operation(self):
        self.assertEqual(sorted(self.decls), sorted("acr_%s_async" % op.c_name for op in self.module.operations))

    def test_arguments(self):
        self.assertEqual(self.decls["acr_update_async"][1],
                         "acr_loop *loop, const acr_update_params *params, const acr_update_request *request, "
                         "acr_update_response *response, acr_done_fn done, void *ctx, acr_transfer **transfer, "
                         "acr_error *err")
        # No body: no request; no path parameter for the caller: no params.
        self.assertEqual(self.decls["acr_query_async"][1],
                         "acr_loop *loop, const acr_query_params *params, acr_query_response *response, "
                         "acr_done_fn done, void *ctx, acr_transfer **transfer, acr_error *err")
        self.assertEqual(self.decls["acr_acquire_async"][1],
                         "acr_loop *loop, const acr_acquire_request *request, acr_acquire_response *response, "
                         "acr_done_fn done, void *ctx, acr_transfer **transfer, acr_error *err")
        self.assertEqual(self.decls["acr_ncs_ip_async"][1],
                         "acr_loop *loop, acr_ncs_ip_response *response, acr_done_fn done, void *ctx, "
                         "acr_transfer **transfer, acr_error *err")

    def test_the_header_includes_the_loop_api(self):
        self.assertIn('#include "acr/loop.h"', self.header)

    def test_body_matches_the_blocking_one(self):
        for op in self.module.operations:
            with self.subTest(op=op.c_name):
                blocking = body(self.source, "acr_" + op.c_name)
                nonblocking = body(self.source, "acr_%s_async" % op.c_name)
                self.assertIsNotNone(nonblocking)
                # The same array of path parameters, then the same engine call
                # with the loop's extra arguments.
                call = blocking.partition("{")[2]
                call_async = nonblocking.partition("{")[2]
                expected = call.replace("return acr_call(client,", "return acr_call_start(loop,").replace(
                    "response, err);", "response, done, ctx, transfer, err);")
                self.assertEqual(call_async, expected)

    def test_doc_comments(self):
        fifo = {op.c_name for op in self.module.operations if op.one_at_a_time}
        self.assertEqual(fifo, {"update", "update_layout"})
        for op in self.module.operations:
            doc = self.decls["acr_%s_async" % op.c_name][0]
            with self.subTest(op=op.c_name):
                self.assertIn("Thread: the loop's; may be called from a done callback.", doc)
                self.assertIn("`done` is never called", doc)
                self.assertIn("On ACR_OK the call is in flight", doc)
                self.assertIn("`done` runs exactly once, on the loop's thread", doc)
                self.assertIn("*response, which must be %s_INIT, is borrowed until `done` returns"
                              % op.response.upper, doc)
                copied = {(True, True): "*params and *request are copied", (True, False): "*params is copied",
                          (False, True): "*request is copied", (False, False): None}[
                    (bool(op.call_parameters), bool(op.request))]
                if copied:
                    self.assertIn(copied, doc)
                else:
                    self.assertNotIn("copied", doc)
                if op.c_name in fifo:
                    self.assertIn("run in FIFO order", doc)
                else:
                    self.assertNotIn("FIFO", doc)


class SecondSchemaTest(unittest.TestCase):
    def test_one_per_operation_with_its_shape(self):
        module = model(widgets_schema())
        decls = declarations(emit.render(module)["acr_api.h"])
        self.assertEqual(sorted(decls), sorted("acr_%s_async" % op.c_name for op in module.operations))
        self.assertEqual(decls["acr_health_check_async"][1],
                         "acr_loop *loop, acr_health_response *response, acr_done_fn done, void *ctx, "
                         "acr_transfer **transfer, acr_error *err")
        self.assertEqual(decls["acr_get_widget_async"][1],
                         "acr_loop *loop, const acr_get_widget_params *params, acr_widget_status *response, "
                         "acr_done_fn done, void *ctx, acr_transfer **transfer, acr_error *err")


if __name__ == "__main__":
    unittest.main()
