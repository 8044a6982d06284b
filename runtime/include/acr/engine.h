/** @file
 * acr: the table-driven engine. Generated code wraps each of these in a typed
 * entry point (acr_update_request_validate, acr_stop_response_parse, ...); call
 * those. These generic forms are public for generated code and for tools that
 * work on any schema type. */
#ifndef ACR_ENGINE_H
#define ACR_ENGINE_H

#include "acr/export.h"

#include <stddef.h>

#include "acr/error.h"
#include "acr/tables.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Deepest nesting of arrays and objects a parser accepts by default. The
 * deepest legal document of the bundled schema nests 7 levels. */
#define ACR_DEFAULT_MAX_DEPTH 64

/** The most bytes of a request document a parser reads by default (1 MiB;
 * `acr validate`, `update` and `stop` read their body through it). The bundled
 * schema's largest legal request is a few kilobytes: anything near this is not
 * a request body. */
#define ACR_MAX_REQUEST_BYTES ((size_t)1 << 20)

typedef struct acr_parse_options {
    size_t max_depth;               /**< 0: ACR_DEFAULT_MAX_DEPTH */
    /** The most bytes of the document, white space included: a longer one
     * fails at the first byte beyond, with ACR_ERR_MALFORMED_JSON (request) or
     * ACR_ERR_INVALID_RESPONSE. 0: ACR_MAX_REQUEST_BYTES for a request type, no
     * limit for a response type (the client caps those with max_response_bytes);
     * SIZE_MAX: no limit. */
    size_t max_bytes;
} acr_parse_options;

/** Checks `value` (a struct of `type`) against every rule of the schema and
 * reports every violation, not only the first. `mode` is the 1-based index of
 * the `mode` path parameter's value, or 0 to skip mode-dependent rules.
 * Returns ACR_OK, ACR_ERR_INVALID_REQUEST (err->violations lists them) or
 * ACR_ERR_NOMEM. When `err` holds the violations of a parse
 * (err->parse_violation_count), they are kept and the validator's appended,
 * except one at or below a pointer the parse reported: the parser did not store
 * that value, so a property with a wrong JSON type is reported once, not again
 * as missing (a property given more than once is the exception: the parser kept
 * its first value, which is validated, and checked the repeated one itself).
 * Anything else err held is replaced, so validating twice with one error gives
 * the same answer. `err` may be NULL: the status alone. */
ACR_API acr_status acr_validate(const acr_type_desc *type, const void *value,
                                unsigned mode, acr_error *err);

/** Receives serialized JSON text in pieces, in order (blocks of up to 4 KiB; a
 * longer piece of text, such as a long string, as one piece); returns 0 to
 * continue, non-zero to abort (the serializer then fails with ACR_ERR_USAGE).
 * When serializing fails midway, what was delivered is a prefix of the text:
 * discard it. The pieces may hold secrets
 * (storage keys): the serializer wipes its own copy, the callback minds its own. */
typedef int (*acr_write_fn)(void *ctx, const char *data, size_t length);

/** Writes `value` as compact JSON: only present members, in schema order. Strings
 * must be valid UTF-8, and an array's pointer may be NULL only with a count of 0
 * (ACR_ERR_INVALID_REQUEST with the pointer otherwise).
 * Does not validate: call acr_validate first for requests. */
ACR_API acr_status acr_serialize(const acr_type_desc *type, const void *value,
                                 acr_write_fn write, void *ctx, acr_error *err);

/** Like acr_serialize, into a NUL-terminated buffer the caller releases with
 * acr_free(). On failure *json is NULL. `length` may be NULL. */
ACR_API acr_status acr_to_json(const acr_type_desc *type, const void *value,
                               char **json, size_t *length, acr_error *err);

/** A streaming parser filling one struct of `type`. The struct must be zeroed
 * (its _INIT value) before; it is library-owned afterwards and must be released
 * with acr_free_value() (or the typed _free) whatever the outcome: on failure it
 * holds what was parsed so far. Its strings and arrays live in a few blocks
 * the struct owns together (one release frees them all): read them, but never
 * free, reallocate or replace one of them on its own. */
typedef struct acr_parser acr_parser;

/** NULL when out of memory or when an argument is NULL. */
ACR_API acr_parser *acr_parser_new(const acr_type_desc *type, void *out,
                                   const acr_parse_options *options);

/** Feeds the next chunk; chunks may split the text anywhere, even inside a
 * UTF-8 sequence, and the time taken is linear in the input however it is cut.
 * After a failure, further calls return the same status. For a request type,
 * JSON that is well-formed but of the wrong shape (wrong types, unknown or
 * repeated properties, keys that are not UTF-8) is collected as violations and
 * parsing goes on. A \u escape that is not a whole character (a lone surrogate,
 * or a high one followed by anything but a low one) and a document longer than
 * the options' max_bytes fail like a syntax error, at their line and column. */
ACR_API acr_status acr_parser_feed(acr_parser *parser, const void *data, size_t length,
                                   acr_error *err);

/** Ends the input. Returns ACR_OK, ACR_ERR_MALFORMED_JSON (truncated, empty...)
 * for a request type or ACR_ERR_INVALID_RESPONSE for a response type, ACR_ERR_NOMEM,
 * or ACR_ERR_INVALID_REQUEST when violations were collected. */
ACR_API acr_status acr_parser_finish(acr_parser *parser, acr_error *err);

ACR_API void acr_parser_free(acr_parser *parser);

/** One-shot parse of a whole document: new + feed + finish + free. */
ACR_API acr_status acr_parse(const acr_type_desc *type, const void *json, size_t length,
                             void *out, acr_error *err);

/** Releases everything a parse allocated inside `value` (one call, whatever its
 * size) and zeroes it, so a second call is harmless. Only for structs filled by
 * a parser: a request struct the caller built points at caller-owned memory
 * and must not be passed here. */
ACR_API void acr_free_value(const acr_type_desc *type, void *value);

#ifdef __cplusplus
}
#endif

#endif
