/* The properties the fuzz targets check, shared by the libFuzzer targets
 * (tests/fuzz/fuzz_target.c) and the regression test that replays the inputs
 * the fuzzers found (tests/unit/test_fuzz_regressions.c).
 *
 * Every function takes one fuzz input and returns NULL when every property
 * holds, or a description of the first one broken (static storage, overwritten
 * by the next call). Memory errors and undefined behaviour are left to the
 * sanitizers (or valgrind) the caller runs under.
 *
 * Input format, the same for every target but fuzz_struct, fuzz_pattern and
 * fuzz_number:
 * byte 0 chooses how the document is cut into chunks for the streaming parser
 * (see fuzz_chunk_plan in fuzz_checks.c); bytes 1.. are the JSON document. */
#ifndef ACR_FUZZ_CHECKS_H
#define ACR_FUZZ_CHECKS_H

#include <stddef.h>
#include <stdint.h>

#include "acr_api.h"

/* Every request type of the operation tables (acr_operations), each on the
 * same input: one-piece and chunked parses agree
 * (status, error, violations, re-serialized JSON); validation in every mode
 * (ACR_MODE_ANY's violations are a subset of each mode's; violations appended
 * to a parse's never repeat one it reported); serialization of whatever the
 * parser built succeeds; no message quotes a string value from the body. */
const char *fuzz_check_request(const uint8_t *data, size_t size);

/* One response type: one-piece and chunked parses agree; a response never
 * fails with anything but ACR_ERR_INVALID_RESPONSE; on success, serialize to A,
 * parse A (must succeed), serialize to B: A and B are byte-identical. */
const char *fuzz_check_response(const acr_type_desc *type, const uint8_t *data, size_t size);
/* fuzz_check_response for every response type of the operation tables (each
 * operation's 200 body and its error body), each on the same input. */
const char *fuzz_check_responses(const uint8_t *data, size_t size);

/* serialize -> parse -> serialize is exact, for every type of the operation
 * tables: the response types (when the input parses), and the request types (when the input parses
 * without a fatal error; the re-parse then has the same violations from
 * validation in every mode, and no parse violation when the first had none). */
const char *fuzz_check_roundtrip(const uint8_t *data, size_t size);

/* Requests as a caller builds them (byte 0: bits 0-2 the request type of the
 * tables, modulo their number; the rest the
 * chunking; then a recipe, see fuzz_checks.c): any bytes in strings, NULL
 * items, enum values out of range. What validates (without a mode) serializes;
 * what the serializer refuses, validation reports at the same pointer; what
 * serializes parses back to the same JSON and the same violations in every
 * mode, and without a violation when it validated. */
const char *fuzz_check_struct(const uint8_t *data, size_t size);

/* The whole input is one string: acr_utf8_length against an independent
 * decoder (Unicode's table of well-formed byte sequences), and every pattern
 * automaton of the schema against a hand-written matcher of its pattern. */
const char *fuzz_check_pattern(const uint8_t *data, size_t size);

/* The whole input is a number's text: acr_number_to_int64/uint64 against an
 * independent decimal-string conversion, on JSON number syntax. */
const char *fuzz_check_number(const uint8_t *data, size_t size);

/* Every check above, in turn: any input must pass all of them. */
const char *fuzz_check_all(const uint8_t *data, size_t size);

#endif
