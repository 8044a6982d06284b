/** @file
 * acr: the HTTP client that calls the service's endpoints (over libcurl).
 *
 * Generated code wraps acr_call() in one typed function per operation of the
 * schema (acr_update, acr_stop, ...); call those.
 *
 * Threads: an acr_client may be shared by any number of threads once created;
 * every call is independent, connections are pooled and reused (keep-alive).
 * Operations the schema marks one-at-a-time (update: "wait for the previous
 * update response before sending the next") are serialized per recording: a
 * second call for the same resource ID and sid waits until the first has its
 * answer. Request and response structs, acr_error and acr_parser are not
 * thread-safe: each belongs to one thread at a time. acr_set_allocator() must be
 * called, if at all, before the first client is created.
 *
 * Secrets: the customer ID and secret, the Authorization header, and the
 * request's accessKey/secretKey/stsToken never appear in errors or in the log. */
#ifndef ACR_CLIENT_H
#define ACR_CLIENT_H

#include "acr/export.h"

#include <stddef.h>

#include "acr/engine.h"

#ifdef __cplusplus
extern "C" {
#endif

#define ACR_DEFAULT_BASE_URL "https://api.sd-rtn.com"
#define ACR_DEFAULT_CONNECT_TIMEOUT_MS 10000L
/** A 200 answer larger than this is refused (ACR_ERR_INVALID_RESPONSE). */
#define ACR_DEFAULT_MAX_RESPONSE_BYTES ((size_t)1 << 20)

/** One line of the client's log (for --verbose): method, URL, status, timing.
 * Never contains a secret. */
typedef void (*acr_log_fn)(void *ctx, const char *line);

/** When and how calls are retried. Zero members take the defaults, which follow
 * the vendor's guidance: 4 attempts, backing off 1 s, 3 s, 6 s with 20% jitter.
 * A call is retried when the connection failed before the request was sent,
 * and on 206 with code 65, 504 with code 62 and 429; never on any other 4xx. */
typedef struct acr_retry_policy {
    int disabled;                   /**< non-zero: one attempt only */
    unsigned max_attempts;          /**< 0: backoff_count + 1 */
    const long *backoff_ms;         /**< delays before retry 1, 2, ... (the last repeats) */
    size_t backoff_count;
    int jitter_percent;             /**< each delay varies by up to this much; 0: 20; < 0: none */
    long deadline_ms;               /**< 0: none; else no attempt starts after this long */
} acr_retry_policy;

typedef struct acr_client_options {
    const char *app_id;             /**< required: the {appid} path parameter */
    const char *customer_id;        /**< required: Basic auth user (secret) */
    const char *customer_secret;    /**< required: Basic auth password (secret) */
    /** Scheme, host, optional port and path prefix; NULL: ACR_DEFAULT_BASE_URL.
     * Plain http:// is refused except for loopback hosts (127.0.0.0/8, ::1,
     * localhost), so credentials never cross a network in clear text. */
    const char *base_url;
    /** The domains to fail over to, in order (each like base_url); when given,
     * base_url and area are ignored. Default: the reference host
     * (https://api.sd-rtn.com), then the other primary domain
     * (https://api.agora.io), then the regional domains of `area`; attempt 1 and
     * 2 go to the first domain, each later attempt to the next one. */
    const char *const *base_urls;
    size_t base_url_count;
    const char *area;               /**< "us", "eu", "ap" or "cn": regional domains; NULL: none */
    acr_retry_policy retry;
    long connect_timeout_ms;        /**< 0: ACR_DEFAULT_CONNECT_TIMEOUT_MS */
    /** Whole-call timeout for every operation; 0: each operation's default from
     * the schema (update 30 s; stop 120 s, since a synchronous stop waits for
     * uploads and may take more than 20 s). */
    long timeout_ms;
    const char *ca_file;            /**< CA bundle (PEM); NULL: the system's */
    size_t max_response_bytes;      /**< 0: ACR_DEFAULT_MAX_RESPONSE_BYTES */
    acr_log_fn log;                 /**< NULL: no log */
    void *log_ctx;
} acr_client_options;

/** Every option unset: the defaults. */
#define ACR_CLIENT_OPTIONS_INIT ACR_ZERO_INIT

typedef struct acr_client acr_client;

/** Creates a client; the options' strings are copied. Returns ACR_OK, or
 * ACR_ERR_USAGE (missing app ID or credentials, bad base URL, plain http to a
 * non-loopback host) or ACR_ERR_NOMEM / ACR_ERR_TRANSPORT (libcurl could not
 * start) with err filled; *client is NULL on failure. */
ACR_API acr_status acr_client_new(const acr_client_options *options, acr_client **client, acr_error *err);

/** Closes pooled connections and releases the client. No call may be running. */
ACR_API void acr_client_free(acr_client *client);

/** Calls `operation`, retrying as the client's policy says: validates `request`
 * first (nothing is sent when invalid:
 * ACR_ERR_INVALID_REQUEST), percent-encodes the path parameters (NULL or empty
 * values are ACR_ERR_USAGE), POSTs the JSON body, and streams a 200 answer into
 * the parser filling `response` (zeroed before; library-owned after, free it
 * whatever the result). Any other status is ACR_ERR_HTTP with err->http_status,
 * the service's code/reason or the gateway's message, and X-Request-ID.
 * `params` holds one value per operation->params entry; the entry the client
 * supplies (the app ID) is ignored. */
ACR_API acr_status acr_call(acr_client *client, const acr_operation_desc *operation, const char *const *params,
                            const void *request, void *response, acr_error *err);

#ifdef __cplusplus
}
#endif

#endif
