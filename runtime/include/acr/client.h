/** @file
 * acr: the HTTP client that calls the service's endpoints (over libcurl).
 *
 * Generated code wraps acr_call() in one typed function per operation of the
 * schema (acr_update, acr_stop, ...); call those.
 *
 * Threads: an acr_client may be shared by any number of threads once created;
 * every call is independent, connections are pooled and reused (keep-alive):
 * a blocking call runs on a private loop (acr/loop.h) that keeps one
 * connection and belongs to the calling thread for the call; loops share only
 * DNS answers and TLS sessions.
 * Operations the schema marks one-at-a-time (update: "wait for the previous
 * update response before sending the next") are serialized per recording: a
 * second call for the same resource ID and sid waits until the first has its
 * answer, or its own time limit passes (see "Time"). Request and response
 * structs, acr_error and acr_parser are not thread-safe: each belongs to one
 * thread at a time. acr_set_allocator() must be called, if at all, before the
 * first client is created.
 *
 * Time: each call has one clock (monotonic), started when the call begins,
 * that bounds everything it does: waiting for its turn on the recording, every
 * attempt, every back-off between attempts. The limit is timeout_ms (or the
 * operation's default), or retry.deadline_ms when that is set and shorter.
 * Each attempt gets what is left as its libcurl timeout, and a retry whose
 * back-off would end past the limit is not made: the call returns the last
 * attempt's error. When the limit passes while the call waits for its turn, or
 * during an attempt, the result is ACR_ERR_TRANSPORT ("no complete answer
 * within N ms"); attempts counts the requests sent (0 when it never had its
 * turn).
 *
 * Secrets: the customer ID and secret, the Authorization header, and the
 * request's accessKey/secretKey/stsToken (every field the schema marks
 * x-acr-secret) never appear in errors or in the log: a service that echoes
 * one back has each exact occurrence replaced by "[redacted]". Text from the
 * network (reason, message, X-Request-ID) has its control characters escaped
 * (\u00XX). The library's own copies of secrets are wiped before being freed.
 *
 * libcurl: each client takes a reference on libcurl's global state with
 * curl_global_init() and gives it back in acr_client_free(), which is
 * thread-safe when libcurl reports CURL_VERSION_THREADSAFE (7.84 and later);
 * with an older libcurl the application must call curl_global_init() itself
 * before starting threads. libcurl keeps its own allocator: the hooks of
 * acr_set_allocator() do not cover libcurl's allocations. */
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
/** Idle connections a client keeps open for reuse; after a burst of more
 * concurrent calls, the rest are closed as their calls end. */
#define ACR_DEFAULT_MAX_IDLE_CONNECTIONS 16

/** Limits on the options: acr_client_new refuses a value beyond them, or a
 * negative time, with ACR_ERR_USAGE naming the member. Every time
 * (timeout_ms, connect_timeout_ms, retry.deadline_ms) is at most 7 days. */
#define ACR_MAX_TIME_MS 604800000L
/** Each retry.backoff_ms entry is at most an hour. */
#define ACR_MAX_BACKOFF_MS 3600000L
/** retry.max_attempts and retry.backoff_count are at most this. */
#define ACR_MAX_ATTEMPTS 100u

/** One line of the client's log (for --verbose): method, URL, outcome, timing;
 * written once the attempt's outcome is known ("POST URL -> 200 (T ms)", "->
 * 404 (...)", "-> failed: WHY (...)", "-> failed after 200: WHY (...)"), and
 * before each retry. Never contains a secret. Called on the calling thread
 * (for a call started on an acr_loop: the loop's thread),
 * while the call holds its recording's turn (one-at-a-time operations): a
 * call the callback makes for the same recording returns ACR_ERR_USAGE at
 * once (it could never have its turn); calls for other recordings work. The
 * callback must not wait for another thread's call on the same recording.
 * For a call on an acr_loop the callback may start calls (acr_call_start) but
 * not cancel, drive or free that loop: the logging call is mid-step, so
 * acr_transfer_cancel, acr_loop_cancel_all, acr_loop_free and the driving
 * functions return ACR_ERR_USAGE there. */
typedef void (*acr_log_fn)(void *ctx, const char *line);

/** When and how calls are retried. Zero members take the defaults, which follow
 * the vendor's guidance: 4 attempts, backing off 1 s, 3 s, 6 s with 20% jitter.
 * A call is retried when the connection failed before the request was sent,
 * and on the answers its operation lists (acr_operation_desc.retry_*, from the
 * schema's x-acr-retry-on; by default 206 with code 65, 504 with code 62 and
 * 429); never on any other answer. */
typedef struct acr_retry_policy {
    int disabled;                   /**< non-zero: one attempt only */
    unsigned max_attempts;          /**< 0: backoff_count + 1 */
    const long *backoff_ms;         /**< delays before retry 1, 2, ... (the last repeats) */
    size_t backoff_count;
    int jitter_percent;             /**< each delay varies by up to this much; 0: 20; < 0: none; > 100: 100 */
    /** 0: none; else a limit on the whole call like timeout_ms (the shorter
     * of the two applies): see "Time" above. */
    long deadline_ms;
} acr_retry_policy;

typedef struct acr_client_options {
    /** The {appid} path parameter (copied). Optional: NULL (or "") makes a client for the
     * operations whose path has none (ncsIp); any other call on it is then
     * ACR_ERR_USAGE naming the parameter, and nothing is sent. */
    const char *app_id;
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
    long connect_timeout_ms;        /**< 0: ACR_DEFAULT_CONNECT_TIMEOUT_MS (bounded by the call's clock) */
    /** Whole-call timeout for every operation, retries and the wait for the
     * recording's turn included (see "Time" above); 0: each operation's
     * default from the schema (update 30 s; stop 120 s, since a synchronous
     * stop waits for uploads and may take more than 20 s). */
    long timeout_ms;
    const char *ca_file;            /**< CA bundle (PEM); NULL: the system's */
    /** 0: ACR_DEFAULT_MAX_RESPONSE_BYTES. SIZE_MAX (or anything above what
     * libcurl can count, INT64_MAX) means no cap. */
    size_t max_response_bytes;
    acr_log_fn log;                 /**< NULL: no log */
    void *log_ctx;
    /** The proxy for https calls, as libcurl takes it ("http://host:port",
     * "socks5h://host:port"; copied, and wiped when freed: it may hold the
     * proxy's credentials). NULL: libcurl's environment variables
     * (https_proxy, HTTPS_PROXY, all_proxy, ALL_PROXY, no_proxy); "": never a
     * proxy. Plain http (loopback only) never uses a proxy, so neither this
     * nor http_proxy/all_proxy can send it, or the credentials, elsewhere. */
    const char *proxy;
    /** Idle connections kept open for reuse (each belongs to one pooled
     * handle, never shared between threads); 0: ACR_DEFAULT_MAX_IDLE_CONNECTIONS. */
    size_t max_idle_connections;
} acr_client_options;

/** Every option unset: the defaults. */
#define ACR_CLIENT_OPTIONS_INIT ACR_ZERO_INIT

typedef struct acr_client acr_client;

/** Creates a client; the options' strings are copied. Returns ACR_OK, or
 * ACR_ERR_USAGE (missing app ID or credentials, bad base URL, plain http to a
 * non-loopback host, a time or retry setting beyond the limits above, an
 * option libcurl refuses) or ACR_ERR_NOMEM / ACR_ERR_TRANSPORT (libcurl could
 * not start) with err filled (err may be NULL); *client is NULL on failure. */
ACR_API acr_status acr_client_new(const acr_client_options *options, acr_client **client, acr_error *err);

/** Closes pooled connections and releases the client. No call may be running,
 * and the client's loops (acr_loop_new) must be freed first. */
ACR_API void acr_client_free(acr_client *client);

/** Calls `operation`, retrying as the client's policy says: validates `request`
 * first (nothing is sent when invalid:
 * ACR_ERR_INVALID_REQUEST), percent-encodes the path parameters (NULL or empty
 * values are ACR_ERR_USAGE), sends the JSON body with operation->method (an
 * operation without a request body, operation->request NULL, takes a NULL
 * `request` and sends no body and no Content-Type), and streams a 200 answer into
 * the parser filling `response` (zeroed before; library-owned after, free it
 * whatever the result). Any other status is ACR_ERR_HTTP with err->http_status,
 * the service's code/reason or the gateway's message, and X-Request-ID.
 * `params` holds one value per operation->params entry; the entry the client
 * supplies (the app ID) is ignored. A mode outside operation->mode_allowed is
 * ACR_ERR_USAGE before anything is sent. Retried answers: operation->retry_*.
 * `err` may be NULL (only the status is returned then). err->attempts counts
 * every request sent, libcurl's own re-sends on a fresh connection included. */
ACR_API acr_status acr_call(acr_client *client, const acr_operation_desc *operation, const char *const *params,
                            const void *request, void *response, acr_error *err);

#ifdef __cplusplus
}
#endif

#endif
