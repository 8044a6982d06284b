/* acr runtime: calling the service over libcurl.
 *
 * One acr_client holds a pool of curl easy handles; each owns its connection
 * (never shared between threads), and the handles share only DNS answers and
 * TLS sessions. An idle handle keeps its connection open for the next call, up
 * to max_idle_connections of them. A 200 answer is streamed
 * from curl's write callback straight into the response parser; any other answer
 * is kept (up to a small cap) to read the service's code and reason. */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <time.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <sys/socket.h>

#include <curl/curl.h>

#include "acr/alloc.h"
#include "acr/client.h"
#include "acr/version.h"
#include "internal.h"
#include "retry.h"
#include "url.h"

/* An error body beyond this is not needed to read its code and reason. */
#define ERROR_BODY_CAP 65536
#define REQUEST_ID_MAX 128
/* Connections each pooled handle keeps: one, so the pool bound is the
 * connection bound (a failover to another domain replaces it). */
#define HANDLE_MAX_CONNECTIONS 1

struct acr_client {
    char *app_id;
    char *customer_id;
    char *customer_secret;
    char *basic_token;                  /* Base64 of "id:secret", only to redact it */
    char *proxy;                        /* for https: NULL the environment's, "" none */
    bool curl_held;                     /* holds a reference on libcurl's global state */
    char **domains;                     /* base URLs to fail over to, in order */
    size_t domain_count;
    acr_retry_policy retry;             /* with its own copy of the backoff list */
    char *ca_file;
    long connect_timeout_ms;
    long timeout_ms;
    size_t max_response_bytes;
    acr_log_fn log;
    void *log_ctx;
    struct curl_slist *headers;
    struct curl_slist *headers_no_body; /* the same without Content-Type */
    CURLSH *share;
    pthread_mutex_t share_locks[CURL_LOCK_DATA_LAST];
    /* Guards the pool and the resources being called one at a time. */
    pthread_mutex_t lock;
    pthread_cond_t released;
    CURL **idle;
    size_t idle_count;
    size_t idle_capacity;
    size_t max_idle;
    char **busy_keys;
    pthread_t *busy_owners;             /* the thread holding each key */
    size_t busy_count;
    size_t busy_capacity;
};

/* --- libcurl's global state, by libcurl's rules for libraries --- */

/* Since 7.84, curl_global_init is thread-safe and counted when libcurl says
 * CURL_VERSION_THREADSAFE: each client takes a reference and gives it back,
 * beside whatever the application does. An older libcurl is initialised once
 * and never cleaned up (the application must then init libcurl before
 * starting threads, as libcurl documents). The allocator stays libcurl's. */
static pthread_once_t features_once = PTHREAD_ONCE_INIT;
static bool init_thread_safe;
static pthread_once_t legacy_once = PTHREAD_ONCE_INIT;
static CURLcode legacy_status = CURLE_FAILED_INIT;

static void read_features(void)
{
#ifdef CURL_VERSION_THREADSAFE
    const curl_version_info_data *v = curl_version_info(CURLVERSION_NOW);
    init_thread_safe = v && (v->features & CURL_VERSION_THREADSAFE);
#endif
}

static void legacy_init(void)
{
    legacy_status = curl_global_init(CURL_GLOBAL_DEFAULT);
}

/* *held: the caller owes curl_global_cleanup(). */
static CURLcode curl_global_acquire(bool *held)
{
    *held = false;
    pthread_once(&features_once, read_features);
    if (init_thread_safe) {
        CURLcode code = curl_global_init(CURL_GLOBAL_DEFAULT);
        *held = code == CURLE_OK;
        return code;
    }
    pthread_once(&legacy_once, legacy_init);
    return legacy_status;
}

/* --- the share handle's locks --- */

static void share_lock(CURL *handle, curl_lock_data data, curl_lock_access access, void *ctx)
{
    (void)handle;
    (void)access;
    acr_client *c = ctx;
    pthread_mutex_lock(&c->share_locks[data]);
}

static void share_unlock(CURL *handle, curl_lock_data data, void *ctx)
{
    (void)handle;
    acr_client *c = ctx;
    pthread_mutex_unlock(&c->share_locks[data]);
}

/* --- creation --- */

/* RFC 4648 Base64 of "id:secret": the Authorization token, kept only to be
 * redacted (libcurl builds the header itself). */
static char *basic_token(const char *id, const char *secret)
{
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    size_t a = strlen(id), b = strlen(secret), n = a + 1 + b;
    char *pair = acr_malloc(n);
    char *out = acr_malloc((n + 2) / 3 * 4 + 1);
    if (!pair || !out) {
        acr_free(pair);
        acr_free(out);
        return NULL;
    }
    memcpy(pair, id, a);
    pair[a] = ':';
    memcpy(pair + a + 1, secret, b);
    const unsigned char *p = (const unsigned char *)pair;
    size_t k = 0;
    for (size_t i = 0; i < n; i += 3) {
        unsigned long v = (unsigned long)p[i] << 16;
        if (i + 1 < n)
            v |= (unsigned long)p[i + 1] << 8;
        if (i + 2 < n)
            v |= p[i + 2];
        out[k++] = alphabet[(v >> 18) & 63];
        out[k++] = alphabet[(v >> 12) & 63];
        out[k++] = i + 1 < n ? alphabet[(v >> 6) & 63] : '=';
        out[k++] = i + 2 < n ? alphabet[v & 63] : '=';
    }
    out[k] = '\0';
    acr_free_wiped(pair, n);
    return out;
}

/* Appends a checked, normalized base URL to the client's domains. */
static acr_status add_domain(acr_client *c, const char *base_url, acr_error *err)
{
    char *normalized = acr_url_normalize_base(base_url, err);
    if (!normalized)
        return err ? err->status : ACR_ERR_USAGE;
    char **grown = acr_realloc(c->domains, (c->domain_count + 1) * sizeof *grown);
    if (!grown) {
        acr_free(normalized);
        return acr_error_set(err, ACR_ERR_NOMEM, "out of memory");
    }
    c->domains = grown;
    c->domains[c->domain_count++] = normalized;
    return ACR_OK;
}

static acr_status set_domains(acr_client *c, const acr_client_options *o, acr_error *err)
{
    acr_status status = ACR_OK;
    if (o->base_urls && o->base_url_count) {
        for (size_t i = 0; status == ACR_OK && i < o->base_url_count; i++)
            status = add_domain(c, o->base_urls[i], err);
        return status;
    }
    if (o->base_url)
        return add_domain(c, o->base_url, err);
    /* The vendor's order: the reference host, the other primary, the area's. */
    status = add_domain(c, ACR_DEFAULT_BASE_URL, err);
    if (status == ACR_OK)
        status = add_domain(c, "https://api.agora.io", err);
    const char *const *hosts = acr_retry_area_hosts(o->area);
    if (o->area && !hosts)
        return acr_error_set(err, ACR_ERR_USAGE, "unknown area \"%s\": expected us, eu, ap or cn", o->area);
    for (size_t i = 0; status == ACR_OK && hosts && hosts[i]; i++) {
        char url[128];
        snprintf(url, sizeof url, "https://%s.sd-rtn.com", hosts[i]);
        status = add_domain(c, url, err);
    }
    return status;
}

static acr_status set_retry_policy(acr_client *c, const acr_retry_policy *given, acr_error *err)
{
    acr_status status = acr_retry_check(given, err);
    if (status != ACR_OK)
        return status;
    acr_retry_policy p = acr_retry_effective(given);
    long *copy = acr_malloc(p.backoff_count * sizeof *copy);
    if (!copy)
        return acr_error_set(err, ACR_ERR_NOMEM, "out of memory");
    memcpy(copy, p.backoff_ms, p.backoff_count * sizeof *copy);
    p.backoff_ms = copy;
    c->retry = p;
    return ACR_OK;
}

/* Times beyond ACR_MAX_TIME_MS are refused: the call's clock adds them to
 * the monotonic time and hands what is left to libcurl as a long. */
static acr_status check_time(const char *name, long ms, acr_error *err)
{
    if (ms < 0 || ms > ACR_MAX_TIME_MS)
        return acr_error_set(err, ACR_ERR_USAGE, "%s is %ld: from 0 (the default) to %ld ms", name, ms,
                             ACR_MAX_TIME_MS);
    return ACR_OK;
}

static CURLcode configure_handle(acr_client *c, CURL *h);
static void give_back_handle(acr_client *c, CURL *h);

acr_status acr_client_new(const acr_client_options *options, acr_client **out, acr_error *err)
{
    acr_error_clear(err);
    if (!out)
        return acr_error_set(err, ACR_ERR_USAGE, "acr_client_new: NULL output");
    *out = NULL;
    if (!options)
        return acr_error_set(err, ACR_ERR_USAGE, "acr_client_new: NULL options");
    if (!options->customer_id || !*options->customer_id || !options->customer_secret || !*options->customer_secret)
        return acr_error_set(err, ACR_ERR_USAGE, "the customer ID or customer secret is missing");
    acr_status checked = check_time("timeout_ms", options->timeout_ms, err);
    if (checked == ACR_OK)
        checked = check_time("connect_timeout_ms", options->connect_timeout_ms, err);
    if (checked != ACR_OK)
        return checked;
    bool held;
    CURLcode init = curl_global_acquire(&held);
    if (init != CURLE_OK)
        return acr_error_set(err, ACR_ERR_TRANSPORT, "libcurl failed to initialise: %s", curl_easy_strerror(init));

    acr_client *c = acr_malloc(sizeof *c);
    if (!c) {
        if (held)
            curl_global_cleanup();
        return acr_error_set(err, ACR_ERR_NOMEM, "out of memory");
    }
    memset(c, 0, sizeof *c);
    c->curl_held = held;
    /* Initialised first: acr_client_free() destroys them on every error path. */
    pthread_mutex_init(&c->lock, NULL);
    /* Waiting for a turn is bounded by the call's monotonic clock. */
    pthread_condattr_t monotonic;
    pthread_condattr_init(&monotonic);
    pthread_condattr_setclock(&monotonic, CLOCK_MONOTONIC);
    pthread_cond_init(&c->released, &monotonic);
    pthread_condattr_destroy(&monotonic);
    for (int i = 0; i < CURL_LOCK_DATA_LAST; i++)
        pthread_mutex_init(&c->share_locks[i], NULL);
    acr_status status = set_domains(c, options, err);
    if (status == ACR_OK)
        status = set_retry_policy(c, &options->retry, err);
    if (status != ACR_OK) {
        acr_client_free(c);
        return status;
    }
    /* Optional: only operations whose path has {appid} need it (acr_call). */
    bool has_app_id = options->app_id && *options->app_id;
    c->app_id = has_app_id ? acr_copy_string(options->app_id) : NULL;
    c->customer_id = acr_copy_string(options->customer_id);
    c->customer_secret = acr_copy_string(options->customer_secret);
    if (c->customer_id && c->customer_secret)
        c->basic_token = basic_token(c->customer_id, c->customer_secret);
    c->proxy = acr_copy_string(options->proxy);
    c->max_idle = options->max_idle_connections ? options->max_idle_connections : ACR_DEFAULT_MAX_IDLE_CONNECTIONS;
    c->ca_file = acr_copy_string(options->ca_file);
    c->connect_timeout_ms = options->connect_timeout_ms > 0 ? options->connect_timeout_ms
                                                            : ACR_DEFAULT_CONNECT_TIMEOUT_MS;
    c->timeout_ms = options->timeout_ms > 0 ? options->timeout_ms : 0;
    c->max_response_bytes = options->max_response_bytes ? options->max_response_bytes
                                                        : ACR_DEFAULT_MAX_RESPONSE_BYTES;
    /* libcurl counts in curl_off_t: SIZE_MAX ("no cap") would turn negative. */
    if ((uint64_t)c->max_response_bytes > (uint64_t)INT64_MAX)
        c->max_response_bytes = (size_t)INT64_MAX;
    c->log = options->log;
    c->log_ctx = options->log_ctx;
    struct curl_slist *h = NULL, *next;
    const char *header_lines[] = {"Content-Type: application/json", "Accept: application/json",
                                  "Expect:" /* no 100-continue round trip */};
    bool ok = (!has_app_id || c->app_id) && c->customer_id && c->customer_secret && c->basic_token &&
              (!options->ca_file || c->ca_file) && (!options->proxy || c->proxy);
    for (size_t i = 0; ok && i < sizeof header_lines / sizeof header_lines[0]; i++) {
        next = curl_slist_append(h, header_lines[i]);
        ok = next != NULL;
        if (ok)
            h = next;
    }
    c->headers = h;
    /* For operations without a request body: no Content-Type ("Content-Type:"
     * stops libcurl adding its form type to an empty POST). */
    for (size_t i = 0; ok && i < sizeof header_lines / sizeof header_lines[0]; i++) {
        next = curl_slist_append(c->headers_no_body, i == 0 ? "Content-Type:" : header_lines[i]);
        ok = next != NULL;
        if (ok)
            c->headers_no_body = next;
    }
    c->share = ok ? curl_share_init() : NULL;
    if (c->share) {
        curl_share_setopt(c->share, CURLSHOPT_LOCKFUNC, share_lock);
        curl_share_setopt(c->share, CURLSHOPT_UNLOCKFUNC, share_unlock);
        curl_share_setopt(c->share, CURLSHOPT_USERDATA, (void *)c);
        /* Not CURL_LOCK_DATA_CONNECT: libcurl does not support a connection
         * cache shared by concurrent threads. Each handle owns its connection. */
        curl_share_setopt(c->share, CURLSHOPT_SHARE, CURL_LOCK_DATA_DNS);
        curl_share_setopt(c->share, CURLSHOPT_SHARE, CURL_LOCK_DATA_SSL_SESSION);
    }
    if (!ok || !c->share) {
        acr_client_free(c);
        return acr_error_set(err, ACR_ERR_NOMEM, "out of memory");
    }
    /* One handle now: an option libcurl refuses is the caller's to fix, and
     * is said here rather than as a failure of every call. */
    CURL *first = curl_easy_init();
    CURLcode configured = first ? configure_handle(c, first) : CURLE_OUT_OF_MEMORY;
    if (configured != CURLE_OK) {
        bool memory_failed = configured == CURLE_OUT_OF_MEMORY;
        if (first)
            curl_easy_cleanup(first);
        acr_client_free(c);
        if (memory_failed)
            return acr_error_set(err, ACR_ERR_NOMEM, "out of memory (in libcurl)");
        return acr_error_set(err, ACR_ERR_USAGE, "libcurl refused one of the client's options");
    }
    give_back_handle(c, first);
    *out = c;
    return ACR_OK;
}

void acr_client_free(acr_client *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->idle_count; i++)
        curl_easy_cleanup(c->idle[i]);
    acr_free(c->idle);
    if (c->share)
        curl_share_cleanup(c->share);
    curl_slist_free_all(c->headers);
    curl_slist_free_all(c->headers_no_body);
    /* The keys are their callers' (acr_call frees its own); none is busy
     * when the client is freed. */
    acr_free(c->busy_keys);
    acr_free(c->busy_owners);
    pthread_mutex_destroy(&c->lock);
    pthread_cond_destroy(&c->released);
    for (int i = 0; i < CURL_LOCK_DATA_LAST; i++)
        pthread_mutex_destroy(&c->share_locks[i]);
    acr_free(c->app_id);
    acr_free_secret(c->customer_id);
    acr_free_secret(c->customer_secret);
    acr_free_secret(c->basic_token);
    acr_free_secret(c->proxy); /* may hold the proxy's credentials */
    for (size_t i = 0; i < c->domain_count; i++)
        acr_free(c->domains[i]);
    acr_free(c->domains);
    acr_free((void *)(uintptr_t)c->retry.backoff_ms);
    acr_free(c->ca_file);
    bool held = c->curl_held;
    acr_free(c);
    if (held)
        curl_global_cleanup();
}

/* --- the pool of easy handles --- */

/* The options every call shares; set once per handle. */
/* CURLE_OK, or the first option libcurl refused (CURLE_OUT_OF_MEMORY: its own
 * allocation failed). */
static CURLcode configure_handle(acr_client *c, CURL *h)
{
    CURLcode code = CURLE_OK;
#define SET(option, value) \
    do { \
        CURLcode set = curl_easy_setopt(h, option, value); \
        if (code == CURLE_OK) \
            code = set; \
    } while (0)
    SET(CURLOPT_SHARE, c->share);
    SET(CURLOPT_NOSIGNAL, 1L);
    SET(CURLOPT_FOLLOWLOCATION, 0L);
    SET(CURLOPT_SSL_VERIFYPEER, 1L);
    SET(CURLOPT_SSL_VERIFYHOST, 2L);
    SET(CURLOPT_PATH_AS_IS, 1L);
#if LIBCURL_VERSION_NUM >= 0x075500
    SET(CURLOPT_PROTOCOLS_STR, "http,https");
#else
    SET(CURLOPT_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
    SET(CURLOPT_HTTPAUTH, (long)CURLAUTH_BASIC);
    SET(CURLOPT_USERNAME, c->customer_id);
    SET(CURLOPT_PASSWORD, c->customer_secret);
    SET(CURLOPT_HTTPHEADER, c->headers);
    SET(CURLOPT_USERAGENT, "acr/" ACR_VERSION_STRING);
    SET(CURLOPT_CONNECTTIMEOUT_MS, c->connect_timeout_ms);
    SET(CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)c->max_response_bytes);
    SET(CURLOPT_MAXCONNECTS, (long)HANDLE_MAX_CONNECTIONS);
#if LIBCURL_VERSION_NUM >= 0x073600
    /* A proxy's CONNECT answer is not the service's: keep it out of on_header. */
    SET(CURLOPT_SUPPRESS_CONNECT_HEADERS, 1L);
#endif
    if (c->ca_file)
        SET(CURLOPT_CAINFO, c->ca_file);
#undef SET
    return code;
}

static CURL *take_handle(acr_client *c)
{
    CURL *h = NULL;
    pthread_mutex_lock(&c->lock);
    if (c->idle_count)
        h = c->idle[--c->idle_count];
    pthread_mutex_unlock(&c->lock);
    if (h)
        return h;
    h = curl_easy_init();
    if (h && configure_handle(c, h) != CURLE_OK) {
        curl_easy_cleanup(h);
        h = NULL;
    }
    return h;
}

/* Keeps the handle (and its open connection) for the next call, unless
 * max_idle are kept already: then it is closed, so a burst of calls leaves at
 * most max_idle connections behind. */
static void give_back_handle(acr_client *c, CURL *h)
{
    pthread_mutex_lock(&c->lock);
    if (c->idle_count == c->idle_capacity && c->idle_capacity < c->max_idle) {
        size_t capacity = c->idle_capacity ? c->idle_capacity * 2 : 4;
        if (capacity > c->max_idle)
            capacity = c->max_idle;
        CURL **grown = acr_realloc(c->idle, capacity * sizeof *grown);
        if (grown) {
            c->idle = grown;
            c->idle_capacity = capacity;
        }
    }
    if (c->idle_count < c->idle_capacity) {
        c->idle[c->idle_count++] = h;
        h = NULL;
    }
    pthread_mutex_unlock(&c->lock);
    if (h)
        curl_easy_cleanup(h); /* could not keep it: fine, just no reuse */
}

/* --- one call at a time per resource (x-acr-one-at-a-time) --- */

/* The index of `key` among the held keys, or busy_count. */
static size_t busy_find(const acr_client *c, const char *key)
{
    size_t i = 0;
    while (i < c->busy_count && strcmp(c->busy_keys[i], key) != 0)
        i++;
    return i;
}

/* Milliseconds on a clock that only goes forward. */
static long long now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* Waits until no call holds `key`, then holds it (the caller keeps owning
 * `key`'s memory). Gives up when `deadline` (monotonic ms; 0: none) passes,
 * and at once when this thread already holds it: a log callback calling for
 * the same recording would otherwise wait for itself. */
static acr_status acquire_key(acr_client *c, char *key, long long deadline, long limit_ms, acr_error *err)
{
    struct timespec until = {0, 0};
    if (deadline) {
        until.tv_sec = (time_t)(deadline / 1000);
        until.tv_nsec = (long)(deadline % 1000) * 1000000L;
    }
    acr_status status = ACR_OK;
    pthread_mutex_lock(&c->lock);
    for (;;) {
        size_t i = busy_find(c, key);
        if (i == c->busy_count)
            break;
        if (pthread_equal(c->busy_owners[i], pthread_self())) {
            status = acr_error_set(err, ACR_ERR_USAGE,
                                   "a call for this recording was made while this thread's own call for it is "
                                   "running (from the log callback?): it could never have its turn");
            break;
        }
        int rc = deadline ? pthread_cond_timedwait(&c->released, &c->lock, &until)
                          : pthread_cond_wait(&c->released, &c->lock);
        if (rc == ETIMEDOUT && busy_find(c, key) < c->busy_count) {
            status = acr_error_set(err, ACR_ERR_TRANSPORT,
                                   "no complete answer within %ld ms: another call for the same recording was still "
                                   "running (nothing was sent)", limit_ms);
            break;
        }
    }
    if (status == ACR_OK && c->busy_count == c->busy_capacity) {
        size_t capacity = c->busy_capacity ? c->busy_capacity * 2 : 4;
        char **grown = acr_realloc(c->busy_keys, capacity * sizeof *grown);
        if (grown)
            c->busy_keys = grown;
        pthread_t *owners = grown ? acr_realloc(c->busy_owners, capacity * sizeof *owners) : NULL;
        if (owners) {
            c->busy_owners = owners;
            c->busy_capacity = capacity;
        } else {
            status = acr_error_set(err, ACR_ERR_NOMEM, "out of memory");
        }
    }
    if (status == ACR_OK) {
        c->busy_owners[c->busy_count] = pthread_self();
        c->busy_keys[c->busy_count++] = key;
    }
    pthread_mutex_unlock(&c->lock);
    return status;
}

static void release_key(acr_client *c, const char *key)
{
    pthread_mutex_lock(&c->lock);
    for (size_t i = 0; i < c->busy_count; i++) {
        if (c->busy_keys[i] == key) {
            c->busy_count--;
            c->busy_keys[i] = c->busy_keys[c->busy_count];
            c->busy_owners[i] = c->busy_owners[c->busy_count];
            break;
        }
    }
    pthread_cond_broadcast(&c->released);
    pthread_mutex_unlock(&c->lock);
}

/* "operation\n value\n value": the identity of the resource being called. */
static char *exclusive_key(const acr_operation_desc *op, const char *const *values)
{
    size_t n = strlen(op->operation_id) + 1;
    for (size_t i = 0; i < op->exclusive_param_count; i++)
        n += strlen(values[op->exclusive_params[i]]) + 1;
    char *key = acr_malloc(n);
    if (!key)
        return NULL;
    char *out = key;
    size_t len = strlen(op->operation_id);
    memcpy(out, op->operation_id, len);
    out += len;
    for (size_t i = 0; i < op->exclusive_param_count; i++) {
        const char *v = values[op->exclusive_params[i]];
        *out++ = '\n';
        len = strlen(v);
        memcpy(out, v, len);
        out += len;
    }
    *out = '\0';
    return key;
}

/* --- one exchange --- */

/* The secrets of the call this thread is making (see acr_call): every text
 * the call hands back or logs is sanitized against them. */
static _Thread_local const acr_secrets *call_secrets;

/* A growing buffer whose old blocks are wiped before they are freed: it holds
 * a request body (keys) or an error body (which may echo them). */
typedef struct wiped_buffer {
    char *data;                     /* NUL-terminated */
    size_t length;
    size_t capacity;
    bool failed;                    /* out of memory */
} wiped_buffer;

static int wiped_append(void *ctx, const char *data, size_t n)
{
    wiped_buffer *b = ctx;
    if (b->failed)
        return 1;
    if (n >= SIZE_MAX / 2 - b->length) {
        b->failed = true;
        return 1;
    }
    if (b->length + n + 1 > b->capacity) {
        size_t capacity = b->capacity ? b->capacity : 512;
        while (capacity < b->length + n + 1)
            capacity *= 2;
        char *grown = acr_malloc(capacity);
        if (!grown) {
            b->failed = true;
            return 1;
        }
        if (b->length)
            memcpy(grown, b->data, b->length);
        acr_free_wiped(b->data, b->capacity);
        b->data = grown;
        b->capacity = capacity;
    }
    memcpy(b->data + b->length, data, n);
    b->length += n;
    b->data[b->length] = '\0';
    return 0;
}

static void wiped_free(wiped_buffer *b)
{
    acr_free_wiped(b->data, b->capacity);
    memset(b, 0, sizeof *b);
}

typedef struct exchange {
    acr_client *client;
    CURL *handle;
    long status;                    /* libcurl's CURLINFO_RESPONSE_CODE, once known */
    bool status_known;              /* read at the first body byte */
    bool final_headers;             /* the final (non-1xx) response's headers have ended */
    bool in_block;                  /* inside a block of header lines */
    bool block_is_trailer;          /* that block came after the final headers */
    acr_parser *parser;             /* fed when status is 200 */
    acr_error parse_err;
    bool parse_failed;
    bool too_large;
    size_t received;
    wiped_buffer error_body;
    char request_id[REQUEST_ID_MAX]; /* raw bytes, sanitized where used */
    size_t request_id_length;
    unsigned sends;                 /* times libcurl was about to send the request */
    int socket_errno;               /* why the last socket could not be opened; 0: it could */
} exchange;

/* Opens libcurl's sockets as it would, but keeps errno when that fails
 * (libcurl says only "Couldn't connect to server" for EMFILE). */
static curl_socket_t on_open_socket(void *ctx, curlsocktype purpose, struct curl_sockaddr *address)
{
    (void)purpose;
    exchange *x = ctx;
    int type = address->socktype;
#ifdef SOCK_CLOEXEC
    type |= SOCK_CLOEXEC; /* a library's sockets do not leak into the application's children */
#endif
    curl_socket_t fd = socket(address->family, type, address->protocol);
    x->socket_errno = fd == CURL_SOCKET_BAD ? errno : 0;
    return fd;
}

#if LIBCURL_VERSION_NUM >= 0x075000 /* CURLOPT_PREREQFUNCTION: 7.80.0 */
#define HAVE_PREREQ 1
/* libcurl sends a request again, on a fresh connection, when a reused one
 * closed without a byte of answer: the first send may have reached the
 * service. Counting the sends shows it. */
static int on_prereq(void *ctx, char *primary_ip, char *local_ip, int primary_port, int local_port)
{
    (void)primary_ip;
    (void)local_ip;
    (void)primary_port;
    (void)local_port;
    exchange *x = ctx;
    x->sends++;
    return CURL_PREREQFUNC_OK;
}
#endif

/* Keeps X-Request-ID from the final response's headers. The status is never
 * read from header text (a header line or a trailer may look like a status
 * line): it is libcurl's CURLINFO_RESPONSE_CODE. */
static size_t on_header(char *data, size_t size, size_t count, void *ctx)
{
    exchange *x = ctx;
    size_t n = size * count;
    if (n <= 2 && (n == 0 || data[0] == '\r' || data[0] == '\n')) {
        /* The blank line ending a block: a 1xx's block is followed by another
         * response; after the final one only trailers can come. */
        long code = 0;
        curl_easy_getinfo(x->handle, CURLINFO_RESPONSE_CODE, &code);
        if (!x->block_is_trailer && code >= 200)
            x->final_headers = true;
        x->in_block = false;
        return n;
    }
    if (!x->in_block) {
        x->in_block = true;
        x->block_is_trailer = x->final_headers;
        if (!x->block_is_trailer)
            x->request_id_length = 0; /* a new response: forget the previous one's */
    }
    if (!x->block_is_trailer && n > 13 && strncasecmp(data, "X-Request-ID:", 13) == 0) {
        size_t start = 13, end = n;
        while (start < end && (data[start] == ' ' || data[start] == '\t'))
            start++;
        while (end > start && (data[end - 1] == '\r' || data[end - 1] == '\n' || data[end - 1] == ' '))
            end--;
        /* A longer value is dropped, not cut: a cut could leave part of a
         * secret that redaction would no longer recognise. */
        x->request_id_length = end - start < sizeof x->request_id ? end - start : 0;
        memcpy(x->request_id, data + start, x->request_id_length);
    }
    return n;
}

static size_t on_body(char *data, size_t size, size_t count, void *ctx)
{
    exchange *x = ctx;
    size_t n = size * count;
    if (!x->status_known) {
        curl_easy_getinfo(x->handle, CURLINFO_RESPONSE_CODE, &x->status);
        x->status_known = true;
    }
    x->received += n;
    if (x->status == 200) {
        /* The cap is for answers we parse; an error body is kept up to its own
         * small cap below and the rest dropped. */
        if (x->received > x->client->max_response_bytes) {
            x->too_large = true;
            return 0; /* aborts the transfer */
        }
        if (acr_parser_feed(x->parser, data, n, &x->parse_err) != ACR_OK) {
            x->parse_failed = true;
            return 0;
        }
        return n;
    }
    size_t room = ERROR_BODY_CAP - x->error_body.length;
    size_t keep = n < room ? n : room;
    if (keep)
        wiped_append(&x->error_body, data, keep); /* out of memory: just no reason */
    return n;
}

static const acr_field_desc *find_field(const acr_object_desc *desc, const char *name, acr_kind kind)
{
    for (size_t i = 0; i < desc->field_count; i++)
        if (strcmp(desc->fields[i].json_name, name) == 0 && desc->fields[i].value->kind == kind)
            return &desc->fields[i];
    return NULL;
}

/* Reads "code", "reason" and "message" from an error body through the
 * operation's error type, when the body is JSON of that shape. */
static void read_error_body(const acr_operation_desc *op, const exchange *x, acr_error *err)
{
    if (!op->error || !x->error_body.data || x->error_body.failed)
        return;
    const acr_object_desc *desc = op->error->object;
    void *body = acr_malloc(desc->size);
    if (!body)
        return;
    memset(body, 0, desc->size);
    acr_error ignored = ACR_ERROR_INIT;
    if (acr_parse(op->error, x->error_body.data, x->error_body.length, body, &ignored) == ACR_OK) {
        const acr_field_desc *code = find_field(desc, "code", ACR_KIND_INT);
        const acr_field_desc *reason = find_field(desc, "reason", ACR_KIND_STRING);
        const acr_field_desc *message = find_field(desc, "message", ACR_KIND_STRING);
        if (code && acr_field_present(code, body)) {
            err->has_service_code = true;
            err->service_code = (long long)*ACR_AT(body, code->offset, int64_t);
        }
        char **text = NULL;
        if (reason && acr_field_present(reason, body))
            text = ACR_AT(body, reason->offset, char *);
        else if (message && acr_field_present(message, body))
            text = ACR_AT(body, message->offset, char *);
        if (text)
            err->reason = acr_sanitize_copy(call_secrets, *text, strlen(*text));
    }
    /* The service may have echoed a secret into any of them. */
    for (size_t i = 0; i < desc->field_count; i++) {
        const acr_field_desc *f = &desc->fields[i];
        char **s = f->value->kind == ACR_KIND_STRING ? ACR_AT(body, f->offset, char *) : NULL;
        if (s && *s) {
            acr_free_secret(*s);
            *s = NULL;
        }
    }
    acr_error_clear(&ignored);
    acr_free_value(op->error, body);
    acr_free(body);
}

/* X-Request-ID as it may be shown: sanitized (NULL when absent or out of memory). */
static char *request_id_text(const exchange *x)
{
    return x->request_id_length ? acr_sanitize_copy(call_secrets, x->request_id, x->request_id_length) : NULL;
}

/* Fills err for an answer other than 200. */
static acr_status http_error(const acr_operation_desc *op, const exchange *x, acr_error *err)
{
    acr_error scratch = ACR_ERROR_INIT;
    if (!err)
        err = &scratch;
    read_error_body(op, x, err);
    err->http_status = (int)x->status;
    acr_free(err->request_id);
    err->request_id = request_id_text(x);
    char code[40] = "";
    if (err->has_service_code)
        snprintf(code, sizeof code, ", code %lld", err->service_code);
    const char *hint = x->status >= 300 && x->status < 400 ? " (redirects are never followed)" : "";
    acr_error_set(err, ACR_ERR_HTTP, "HTTP %ld%s%s%s%s%s%s", x->status, code,
                  err->reason ? ": " : "", err->reason ? err->reason : "", hint,
                  err->request_id ? ", X-Request-ID " : "", err->request_id ? err->request_id : "");
    acr_error_clear(&scratch);
    return ACR_ERR_HTTP;
}

/* What the system said, for the failures a person can act on; libcurl's text
 * for these is only "Couldn't connect to server". */
static const char *errno_text(long os_errno)
{
    switch (os_errno) {
    case EMFILE: return "too many open files in this process";
    case ENFILE: return "too many open files in the system";
    case ENOBUFS: return "no buffer space available";
    case ENOMEM: return "out of memory in the kernel";
    case EACCES: return "permission denied";
    case EPERM: return "operation not permitted";
    case EADDRNOTAVAIL: return "no local address or port available";
    case ECONNREFUSED: return "connection refused";
    case ENETUNREACH: return "network unreachable";
    case EHOSTUNREACH: return "host unreachable";
    case ETIMEDOUT: return "connection timed out";
    default: return NULL;
    }
}

/* curl's detail line when it has one (it names host and port), else its
 * generic text for the code; the system's reason for a failed connect; the
 * call's limit for a timeout. */
static acr_status transport_error(CURLcode code, const char *detail, long os_errno, long limit_ms, acr_error *err)
{
    const char *text = detail[0] ? detail : curl_easy_strerror(code);
    const char *why = code == CURLE_COULDNT_CONNECT ? errno_text(os_errno) : NULL;
    if (code == CURLE_OPERATION_TIMEDOUT)
        return acr_error_set(err, ACR_ERR_TRANSPORT, "no complete answer within %ld ms (%s)", limit_ms, text);
    if (why)
        return acr_error_set(err, ACR_ERR_TRANSPORT, "%s (%s)", why, text);
    if (os_errno && code == CURLE_COULDNT_CONNECT)
        return acr_error_set(err, ACR_ERR_TRANSPORT, "%s (system error %ld)", text, os_errno);
    return acr_error_set(err, ACR_ERR_TRANSPORT, "%s", text);
}

/* Every log line goes out through here: sanitized against the call's secrets. */
static void emit_log(const acr_client *c, const char *line)
{
    char *clean = acr_sanitize_copy(call_secrets, line, strlen(line));
    c->log(c->log_ctx, clean ? clean : "(a log line was withheld: out of memory)");
    acr_free_secret(clean);
}

/* The attempt's line, once its outcome is known: a 200 whose body then broke
 * is not logged as a success. Only the client's own words and libcurl's
 * (never a text the server sent). */
static void log_line(const acr_client *c, const char *method, const char *url, long http_status,
                     acr_status status, const acr_error *err, curl_off_t micros)
{
    if (!c->log)
        return;
    char line[1024];
    double ms = (double)micros / 1000.0;
    const char *why = status == ACR_ERR_TRANSPORT ? err->message : acr_status_name(status);
    if (status == ACR_OK || status == ACR_ERR_HTTP)
        snprintf(line, sizeof line, "%s %s -> %ld (%.1f ms)", method, url, http_status, ms);
    else if (http_status)
        snprintf(line, sizeof line, "%s %s -> failed after %ld: %s (%.1f ms)", method, url, http_status, why, ms);
    else
        snprintf(line, sizeof line, "%s %s -> failed: %s (%.1f ms)", method, url, why, ms);
    emit_log(c, line);
}

/* The mode of the call, for validation: the index of the mode parameter's value. */
static acr_status call_mode(const acr_operation_desc *op, const char *const *values, unsigned *mode,
                            acr_error *err)
{
    *mode = 0;
    if (op->mode_param < 0)
        return ACR_OK;
    const char *text = values[op->mode_param];
    const acr_type_desc *t = op->response; /* every operation has one; a request may not */
    for (size_t i = 0; text && i < t->mode_count; i++) {
        if (strcmp(text, t->mode_names[i]) == 0) {
            if (op->mode_allowed && !(op->mode_allowed & (1u << i)))
                return acr_error_set(err, ACR_ERR_USAGE, "%s does not accept mode \"%s\"", op->operation_id, text);
            *mode = (unsigned)i + 1;
            return ACR_OK;
        }
    }
    return acr_error_set(err, ACR_ERR_USAGE, "unknown mode \"%s\"", text ? text : "");
}

/* Everything an exchange put in err that came from the network, or may hold
 * an echoed secret, sanitized (reason and X-Request-ID were already). */
static void sanitize_error(acr_error *err)
{
    if (!err)
        return;
    acr_sanitize_in_place(call_secrets, err->message, sizeof err->message);
    acr_sanitize_string(call_secrets, &err->pointer);
}

/* libcurl refuses response headers larger than this in all (300 KiB, since
 * 7.88.1 as Debian patches it and 8.3), as a receive error. */
#define LIBCURL_MAX_HEADERS_BYTES (300 * 1024)

/* One attempt, given what is left of the call's time (`deadline`, monotonic
 * ms; 0: none). *sends counts the requests libcurl sent (its own re-send on a
 * fresh connection included; 1 when the connection failed; 0 when the attempt
 * never started). */
static acr_status perform(acr_client *c, const acr_operation_desc *op, const char *url, const char *body,
                          size_t body_length, void *response, long long deadline, long limit_ms,
                          bool *request_sent, unsigned *sends, bool *tls_rejected, acr_error *err)
{
    *request_sent = false;
    *tls_rejected = false;
    *sends = 0;
    long timeout_ms = 0;
    if (deadline) {
        long long left = deadline - now_ms();
        if (left <= 0)
            return acr_error_set(err, ACR_ERR_TRANSPORT, "no complete answer within %ld ms (nothing was sent)",
                                 limit_ms);
        timeout_ms = (long)left; /* at most ACR_MAX_TIME_MS: fits */
    }
    CURL *h = take_handle(c);
    if (!h)
        return acr_error_set(err, ACR_ERR_NOMEM, "out of memory (or libcurl could not create a handle)");
    exchange x;
    memset(&x, 0, sizeof x);
    x.client = c;
    x.handle = h;
    x.parser = acr_parser_new(op->response, response, NULL);
    if (!x.parser) {
        give_back_handle(c, h);
        return acr_error_set(err, ACR_ERR_NOMEM, "out of memory");
    }
    char detail[CURL_ERROR_SIZE] = "";
    curl_easy_setopt(h, CURLOPT_URL, url);
    /* Plain http (loopback only) never goes through a proxy, whatever the
     * environment says; https may (NULL: libcurl reads the environment). */
    curl_easy_setopt(h, CURLOPT_PROXY, strncasecmp(url, "http://", 7) == 0 ? "" : c->proxy);
    if (strcmp(op->method, "GET") == 0) {
        curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
    } else {
        curl_easy_setopt(h, CURLOPT_POST, 1L);
        curl_easy_setopt(h, CURLOPT_POSTFIELDS, body ? body : "");
        curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)body_length);
    }
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, body ? c->headers : c->headers_no_body);
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, timeout_ms);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, detail);
    curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(h, CURLOPT_HEADERDATA, (void *)&x);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, (void *)&x);
    curl_easy_setopt(h, CURLOPT_OPENSOCKETFUNCTION, on_open_socket);
    curl_easy_setopt(h, CURLOPT_OPENSOCKETDATA, (void *)&x);
#ifdef HAVE_PREREQ
    curl_easy_setopt(h, CURLOPT_PREREQFUNCTION, on_prereq);
    curl_easy_setopt(h, CURLOPT_PREREQDATA, (void *)&x);
#endif
    CURLcode code = curl_easy_perform(h);
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &x.status);
    *tls_rejected = code == CURLE_PEER_FAILED_VERIFICATION || code == CURLE_SSL_CACERT_BADFILE ||
                    code == CURLE_SSL_ISSUER_ERROR || code == CURLE_SSL_PINNEDPUBKEYNOTMATCH;
    curl_off_t micros = 0;
    curl_easy_getinfo(h, CURLINFO_TOTAL_TIME_T, &micros);
    long sent_bytes = 0, header_bytes = 0, os_errno = 0;
    curl_easy_getinfo(h, CURLINFO_REQUEST_SIZE, &sent_bytes);
    curl_easy_getinfo(h, CURLINFO_HEADER_SIZE, &header_bytes);
    curl_easy_getinfo(h, CURLINFO_OS_ERRNO, &os_errno);
    if (x.socket_errno)
        os_errno = x.socket_errno; /* libcurl does not record it when socket() fails */
    *request_sent = sent_bytes > 0 || x.status != 0;
    /* A refused connection never reached the send: still one attempt. */
    *sends = x.sends > 0 ? x.sends : 1;
    /* The handle outlives this call in the pool: drop pointers to our stack. */
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, NULL);
    curl_easy_setopt(h, CURLOPT_HEADERDATA, NULL);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, NULL);
    curl_easy_setopt(h, CURLOPT_OPENSOCKETDATA, NULL);
#ifdef HAVE_PREREQ
    curl_easy_setopt(h, CURLOPT_PREREQDATA, NULL);
#endif
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, NULL);
    give_back_handle(c, h);

    bool headers_refused = (code == CURLE_RECV_ERROR && header_bytes > LIBCURL_MAX_HEADERS_BYTES);
#if LIBCURL_VERSION_NUM >= 0x080600 /* CURLE_TOO_LARGE */
    headers_refused = headers_refused || (code == CURLE_TOO_LARGE && !x.too_large);
#endif
    acr_status status;
    if (code == CURLE_FILESIZE_EXCEEDED && x.status != 200 && x.status != 0) {
        status = http_error(op, &x, err); /* a huge error page: its status is what matters */
    } else if (x.too_large || code == CURLE_FILESIZE_EXCEEDED) {
        status = acr_error_set(err, ACR_ERR_INVALID_RESPONSE, "the response is larger than %zu bytes",
                               c->max_response_bytes);
    } else if (x.parse_failed) {
        acr_error_clear(err);
        status = x.parse_err.status;
        if (err) {
            *err = x.parse_err;
            memset(&x.parse_err, 0, sizeof x.parse_err);
        }
    } else if (code == CURLE_OUT_OF_MEMORY && !*request_sent) {
        status = acr_error_set(err, ACR_ERR_NOMEM, "out of memory (in libcurl)");
    } else if (code == CURLE_OUT_OF_MEMORY || headers_refused) {
        /* No allocation failed: libcurl refused the answer itself (a header
         * line over its limit, or too many headers). */
        status = acr_error_set(err, ACR_ERR_INVALID_RESPONSE, "libcurl refused the answer: %s",
                               detail[0] ? detail : "its headers are too large");
    } else if (code != CURLE_OK) {
        status = transport_error(code, detail, os_errno, limit_ms, err);
        if (err)
            err->http_status = (int)x.status;
    } else if (x.status != 200) {
        status = http_error(op, &x, err);
    } else {
        status = acr_parser_finish(x.parser, err);
    }
    if ((status == ACR_ERR_INVALID_RESPONSE || status == ACR_ERR_TRANSPORT) && err && !err->request_id)
        err->request_id = request_id_text(&x);
    sanitize_error(err);
    log_line(c, op->method, url, x.status, status, err, micros);
    acr_error_clear(&x.parse_err);
    acr_parser_free(x.parser);
    wiped_free(&x.error_body);
    return status;
}

/* Sleeps `ms` (no more than the limits allow), sleeping the rest after a
 * signal; any other failure ends the sleep rather than spinning. */
static void sleep_ms(long ms)
{
    if (ms <= 0)
        return;
    struct timespec t = {ms / 1000, (ms % 1000) * 1000000L};
    while (nanosleep(&t, &t) != 0 && errno == EINTR) {
    }
}
static bool is_done_answer(const acr_operation_desc *op, const acr_error *err)
{
    for (size_t i = 0; i < op->done_count; i++)
        if (err->http_status == op->done_statuses[i] &&
            (op->done_codes[i] < 0 || (err->has_service_code && err->service_code == op->done_codes[i])))
            return true;
    return false;
}

/* The retry loop: each attempt goes to the domain the policy picks, with a
 * fresh response struct, until one succeeds, the policy says to stop, or the
 * next attempt could not start before `deadline` (the call's one clock). */
static acr_status attempt_until_done(acr_client *c, const acr_operation_desc *op, const char *const *values,
                                     const char *body, size_t body_length, void *response, long long deadline,
                                     long limit_ms, acr_error *err)
{
    const acr_retry_policy *policy = &c->retry;
    uint64_t seed = (uint64_t)now_ms() ^ (uint64_t)(uintptr_t)response;
    bool may_have_acted = false;
    unsigned sent_total = 0;
    acr_status status = ACR_OK;
    for (unsigned attempt = 0;; attempt++) {
        if (attempt > 0) {
            long delay = acr_retry_next_delay(policy, attempt, &seed, deadline ? deadline - now_ms() : -1);
            if (delay < 0)
                return status; /* the next attempt would start past the deadline */
            if (c->log) {
                char line[160];
                snprintf(line, sizeof line, "retrying in %ld ms (attempt %u of %u)", delay, attempt + 1,
                         policy->max_attempts);
                emit_log(c, line);
            }
            sleep_ms(delay);
            acr_free_value(op->response, response); /* what the failed attempt left */
            acr_error_clear(err);                   /* and its code, reason, X-Request-ID */
        }
        const char *base = c->domains[acr_retry_domain_index(attempt, c->domain_count)];
        char *url = acr_url_build(base, op, values, err);
        if (!url)
            return err->status;
        bool sent = false, tls_rejected = false;
        unsigned sends = 0;
        status = perform(c, op, url, body, body_length, response, deadline, limit_ms, &sent, &sends,
                         &tls_rejected, err);
        acr_free(url);
        sent_total += sends; /* 0 when the attempt never started */
        err->attempts = sent_total;
        if (status == ACR_OK)
            return ACR_OK;
        if (status != ACR_ERR_HTTP && status != ACR_ERR_TRANSPORT)
            return status; /* an invalid response or no memory: retrying will not help */
        acr_attempt a = {err->http_status, err->has_service_code, err->service_code, status == ACR_ERR_TRANSPORT,
                         sent, tls_rejected};
        may_have_acted = may_have_acted || sends > 1;
        if (status == ACR_ERR_HTTP && may_have_acted && is_done_answer(op, err)) {
            char last[ACR_ERROR_MESSAGE_MAX];
            memcpy(last, err->message, sizeof last);
            return acr_error_set(err, ACR_ERR_MAY_HAVE_SUCCEEDED,
                                 "%s was retried after an attempt that may have reached the service, which now "
                                 "answers %s; the first attempt most likely succeeded", op->operation_id, last);
        }
        may_have_acted = may_have_acted || acr_attempt_may_have_acted(&a);
        if (attempt + 1 >= policy->max_attempts || !acr_retry_worth_it(&a, op))
            return status;
    }
}

/* The call's time limit: timeout_ms (or the operation's default), or the
 * retry deadline when set and shorter; 0: none. */
static long call_limit_ms(const acr_client *c, const acr_operation_desc *op)
{
    long limit = c->timeout_ms ? c->timeout_ms : op->timeout_ms;
    if (limit < 0 || limit > ACR_MAX_TIME_MS)
        limit = ACR_MAX_TIME_MS; /* a schema's default is not checked by acr_client_new */
    if (c->retry.deadline_ms > 0 && (limit == 0 || c->retry.deadline_ms < limit))
        limit = c->retry.deadline_ms;
    return limit;
}

acr_status acr_call(acr_client *c, const acr_operation_desc *op, const char *const *params, const void *request,
                    void *response, acr_error *err)
{
    /* The clock starts now: validating, waiting for the turn and every
     * attempt count against the one limit. */
    long long start = now_ms();
    /* Every step below fills an error; a caller that passed none gets the
     * status alone. */
    acr_error scratch = ACR_ERROR_INIT;
    acr_error *e = err ? err : &scratch;
    acr_error_clear(e);
    /* An operation without a request body takes NULL (op->request is NULL). */
    if (!c || !op || (!request && op->request) || !response)
        return acr_error_set(e, ACR_ERR_USAGE, "acr_call: NULL argument");
    /* A client without an App ID serves only the operations without one (ncsIp). */
    if (op->client_param >= 0 && (size_t)op->client_param < op->param_count && !c->app_id)
        return acr_error_set(e, ACR_ERR_USAGE,
                             "%s needs the App ID (the path parameter %s): the client was made without "
                             "acr_client_options.app_id", op->operation_id, op->params[op->client_param]);
    /* The parameter values, with the one the client supplies filled in. */
    const char *values[16];
    if (op->param_count > sizeof values / sizeof values[0])
        return acr_error_set(e, ACR_ERR_USAGE, "acr_call: too many path parameters");
    for (size_t i = 0; i < op->param_count; i++)
        values[i] = (int)i == op->client_param ? c->app_id : (params ? params[i] : NULL);
    unsigned mode;
    acr_status status = call_mode(op, values, &mode, e);
    /* Nothing is sent for a request that breaks the schema. */
    if (status == ACR_OK && op->request)
        status = acr_validate(op->request, request, mode, e);
    /* Empty path parameters are refused before anything is sent. */
    if (status == ACR_OK)
        status = acr_url_check_params(op, values, e);
    long limit_ms = call_limit_ms(c, op);
    long long deadline = limit_ms ? start + limit_ms : 0;
    /* Every secret this call sends, to redact from what it hands back. */
    acr_secrets secrets;
    acr_secrets_init(&secrets);
    acr_secrets_add(&secrets, c->customer_id);
    acr_secrets_add(&secrets, c->customer_secret);
    acr_secrets_add(&secrets, c->basic_token);
    if (op->request)
        acr_secrets_add_request(&secrets, op->request, request);
    /* The body holds the request's keys: serialized into a buffer that is
     * wiped as it grows and before it is freed. */
    wiped_buffer body = {NULL, 0, 0, false};
    if (status == ACR_OK && secrets.failed)
        status = acr_error_set(e, ACR_ERR_NOMEM, "out of memory");
    if (status == ACR_OK && op->request) {
        status = acr_serialize(op->request, request, wiped_append, &body, e);
        if (body.failed) {
            acr_error_clear(e);
            status = acr_error_set(e, ACR_ERR_NOMEM, "out of memory while serializing");
        }
    }
    char *key = NULL;
    if (status == ACR_OK && op->exclusive_param_count) {
        key = exclusive_key(op, values);
        status = key ? acquire_key(c, key, deadline, limit_ms, e) : acr_error_set(e, ACR_ERR_NOMEM, "out of memory");
        if (status != ACR_OK) {
            acr_free(key);
            key = NULL;
        }
    }
    if (status == ACR_OK) {
        const acr_secrets *outer = call_secrets; /* a log callback may call again */
        call_secrets = &secrets;
        status = attempt_until_done(c, op, values, body.data, body.length, response, deadline, limit_ms, e);
        call_secrets = outer;
    }
    if (key) {
        release_key(c, key);
        acr_free(key);
    }
    wiped_free(&body);
    acr_secrets_free(&secrets);
    acr_error_clear(&scratch);
    return status;
}
