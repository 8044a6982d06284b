/** @file
 * acr: status codes and the one error structure every entry point fills.
 *
 * Ownership: an acr_error is caller-owned storage (usually on the stack). The
 * library fills it on failure and may allocate the violation list and strings in
 * it; release them with acr_error_clear(). A zeroed acr_error (ACR_ERROR_INIT) is
 * valid input everywhere, and acr_error_clear() may be called any number of times.
 * Messages never contain credentials or other secrets, nor string values taken
 * from a request body. */
#ifndef ACR_ERROR_H
#define ACR_ERROR_H

#include "acr/export.h"

#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/** The category of a failure. ACR_OK is 0, so `if (status)` tests for failure. */
typedef enum acr_status {
    ACR_OK = 0,
    /** The request breaks the schema's rules: see violations. Nothing was sent. */
    ACR_ERR_INVALID_REQUEST,
    /** A JSON document given to a parse function is not well-formed JSON, or is
     * beyond the parser's limits (nesting depth): see line and column. */
    ACR_ERR_MALFORMED_JSON,
    /** Connect, TLS, timeout, reset: the exchange did not complete. */
    ACR_ERR_TRANSPORT,
    /** The service answered with a status other than 200. */
    ACR_ERR_HTTP,
    /** The service's 200 answer is malformed, of the wrong shape, or too large. */
    ACR_ERR_INVALID_RESPONSE,
    /** An allocation failed. The output structure holds what was built so far and
     * must still be freed. */
    ACR_ERR_NOMEM,
    /** The caller broke an API precondition (NULL argument, unknown mode, ...). */
    ACR_ERR_USAGE,
    /** The call was retried after an attempt that may have reached the service
     * (by the retry policy, or by libcurl itself, which sends a request again on
     * a fresh connection when a reused one closed without a byte of answer),
     * and the service now answers that the work is already done (for stop: 400
     * code 49, or 404). The first attempt has most likely succeeded; the details
     * of the last answer are in the error as for ACR_ERR_HTTP. */
    ACR_ERR_MAY_HAVE_SUCCEEDED,
    /** An asynchronous call was cancelled (acr_transfer_cancel(),
     * acr_loop_cancel_all()) before it ended. A request already sent may still
     * have reached the service: err->attempts says how many were sent. */
    ACR_ERR_CANCELLED
} acr_status;

/** One broken rule: where (an RFC 6901 JSON pointer into the request body; the
 * root is "") and why. Both strings are owned by the acr_error holding them and
 * NUL-terminated; a key holding U+0000 makes the pointer hold it too, so
 * pointer_length is its true length. */
typedef struct acr_violation {
    char *pointer;
    char *message;
    size_t pointer_length;
} acr_violation;

#define ACR_ERROR_MESSAGE_MAX 512

typedef struct acr_error {
    acr_status status;
    /** A one-line human explanation; "" when status is ACR_OK. */
    char message[ACR_ERROR_MESSAGE_MAX];
    /** For ACR_ERR_INVALID_RESPONSE and ACR_ERR_MALFORMED_JSON: the JSON pointer of
     * the value being read when the problem was found (NULL when unknown). */
    char *pointer;
    /** For parse failures: 1-based line and column (columns count characters, not
     * bytes) and the 0-based byte offset of the problem; 0/0/0 when not known. */
    unsigned long line;
    unsigned long column;
    size_t offset;
    /** For ACR_ERR_INVALID_REQUEST: every violation found. A parse's come first,
     * in document order; then the validator's, in schema order (an object's
     * properties, then the rules between them). */
    acr_violation *violations;
    size_t violation_count;
    /** For ACR_ERR_HTTP: the status the service answered (0 when it did not),
     * its body's "code" (when has_service_code), its "reason" or the gateway's
     * "message" (NULL when the body had neither), and the X-Request-ID header
     * (NULL when absent), for the vendor's support. */
    int http_status;
    bool has_service_code;
    long long service_code;
    char *reason;
    char *request_id;
    /** How many times the request was sent or tried: the client's retries,
     * and libcurl's own re-sends on a fresh connection, included. */
    unsigned attempts;
    /** How many of the violations (the first ones) a parse reported: validating
     * the parsed struct with this error keeps those and replaces the rest. */
    size_t parse_violation_count;
} acr_error;

#define ACR_ERROR_INIT {ACR_OK, {0}, NULL, 0, 0, 0, NULL, 0, 0, 0, 0, NULL, NULL, 0, 0}

/** Releases what the library allocated inside `err` and resets it to
 * ACR_ERROR_INIT. NULL is accepted. */
ACR_API void acr_error_clear(acr_error *err);

/** Moves what `src` holds into `dst` (whose previous contents are released
 * first) and resets `src` to ACR_ERROR_INIT: how a done callback keeps the
 * error it was given. Either may be NULL (then `src` is cleared). */
ACR_API void acr_error_move(acr_error *dst, acr_error *src);

/** A short constant name for a status ("invalid request", ...). Never NULL. */
ACR_API const char *acr_status_name(acr_status status);

#ifdef __cplusplus
}
#endif

#endif
