/* acr runtime: calling the service over libcurl.
 *
 * One acr_client holds a pool of curl easy handles sharing one connection cache,
 * so connections are reused across calls and threads. A 200 answer is streamed
 * from curl's write callback straight into the response parser; any other answer
 * is kept (up to a small cap) to read the service's code and reason. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <time.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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
/* Idle connections kept open for reuse (see configure_handle). */
#define POOL_MAX_CONNECTIONS 64

struct acr_client {
    char *app_id;
    char *customer_id;
    char *customer_secret;
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
    char **busy_keys;
    size_t busy_count;
    size_t busy_capacity;
};

/* --- libcurl's global state, initialised once, with our allocator --- */

static CURLcode global_status = CURLE_FAILED_INIT;
static pthread_once_t global_once = PTHREAD_ONCE_INIT;

/* libcurl's allocations that failed, in any thread. libcurl also answers
 * CURLE_OUT_OF_MEMORY when a server sends a header line longer than it accepts
 * (CURL_MAX_HTTP_HEADER, 100 KiB: "Rejected N bytes header"); when no
 * allocation failed during a call, that is what happened, and it is the
 * answer that is wrong, not the client short of memory (see perform()). */
static atomic_ulong curl_alloc_failures;

static void *counted(void *p)
{
    if (!p)
        atomic_fetch_add(&curl_alloc_failures, 1);
    return p;
}

static void *curl_malloc_hook(size_t size) { return counted(acr_malloc(size)); }
static void curl_free_hook(void *ptr) { acr_free(ptr); }
static void *curl_realloc_hook(void *ptr, size_t size) { return counted(acr_realloc(ptr, size)); }
static char *curl_strdup_hook(const char *s) { return counted(acr_copy_string(s)); }
static void *curl_calloc_hook(size_t count, size_t size)
{
    if (size && count > SIZE_MAX / size)
        return counted(NULL);
    void *p = counted(acr_malloc(count * size));
    if (p)
        memset(p, 0, count * size);
    return p;
}

static void global_init(void)
{
    global_status = curl_global_init_mem(CURL_GLOBAL_ALL, curl_malloc_hook, curl_free_hook, curl_realloc_hook,
                                         curl_strdup_hook, curl_calloc_hook);
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

/* Overwrites a secret before releasing it, so it does not linger in freed memory. */
static void free_secret(char *s)
{
    if (!s)
        return;
    volatile char *p = s;
    while (*p)
        *p++ = '\0';
    acr_free(s);
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
    acr_retry_policy p = acr_retry_effective(given);
    for (size_t i = 0; i < p.backoff_count; i++)
        if (p.backoff_ms[i] < 0)
            return acr_error_set(err, ACR_ERR_USAGE, "a retry backoff is negative");
    long *copy = acr_malloc(p.backoff_count * sizeof *copy);
    if (!copy)
        return acr_error_set(err, ACR_ERR_NOMEM, "out of memory");
    memcpy(copy, p.backoff_ms, p.backoff_count * sizeof *copy);
    p.backoff_ms = copy;
    c->retry = p;
    return ACR_OK;
}

acr_status acr_client_new(const acr_client_options *options, acr_client **out, acr_error *err)
{
    acr_error_clear(err);
    if (!out)
        return acr_error_set(err, ACR_ERR_USAGE, "acr_client_new: NULL output");
    *out = NULL;
    if (!options)
        return acr_error_set(err, ACR_ERR_USAGE, "acr_client_new: NULL options");
    if (!options->app_id || !*options->app_id)
        return acr_error_set(err, ACR_ERR_USAGE, "the App ID is missing");
    if (!options->customer_id || !*options->customer_id || !options->customer_secret || !*options->customer_secret)
        return acr_error_set(err, ACR_ERR_USAGE, "the customer ID or customer secret is missing");
    pthread_once(&global_once, global_init);
    if (global_status != CURLE_OK)
        return acr_error_set(err, ACR_ERR_TRANSPORT, "libcurl failed to initialise: %s",
                             curl_easy_strerror(global_status));

    acr_client *c = acr_malloc(sizeof *c);
    if (!c)
        return acr_error_set(err, ACR_ERR_NOMEM, "out of memory");
    memset(c, 0, sizeof *c);
    /* Initialised first: acr_client_free() destroys them on every error path. */
    pthread_mutex_init(&c->lock, NULL);
    pthread_cond_init(&c->released, NULL);
    for (int i = 0; i < CURL_LOCK_DATA_LAST; i++)
        pthread_mutex_init(&c->share_locks[i], NULL);
    acr_status status = set_domains(c, options, err);
    if (status == ACR_OK)
        status = set_retry_policy(c, &options->retry, err);
    if (status != ACR_OK) {
        acr_client_free(c);
        return status;
    }
    c->app_id = acr_copy_string(options->app_id);
    c->customer_id = acr_copy_string(options->customer_id);
    c->customer_secret = acr_copy_string(options->customer_secret);
    c->ca_file = acr_copy_string(options->ca_file);
    c->connect_timeout_ms = options->connect_timeout_ms > 0 ? options->connect_timeout_ms
                                                            : ACR_DEFAULT_CONNECT_TIMEOUT_MS;
    c->timeout_ms = options->timeout_ms > 0 ? options->timeout_ms : 0;
    c->max_response_bytes = options->max_response_bytes ? options->max_response_bytes
                                                        : ACR_DEFAULT_MAX_RESPONSE_BYTES;
    c->log = options->log;
    c->log_ctx = options->log_ctx;
    struct curl_slist *h = NULL, *next;
    const char *header_lines[] = {"Content-Type: application/json", "Accept: application/json",
                                  "Expect:" /* no 100-continue round trip */};
    bool ok = c->app_id && c->customer_id && c->customer_secret && (!options->ca_file || c->ca_file);
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
        curl_share_setopt(c->share, CURLSHOPT_SHARE, CURL_LOCK_DATA_CONNECT);
        curl_share_setopt(c->share, CURLSHOPT_SHARE, CURL_LOCK_DATA_DNS);
        curl_share_setopt(c->share, CURLSHOPT_SHARE, CURL_LOCK_DATA_SSL_SESSION);
    }
    if (!ok || !c->share) {
        acr_client_free(c);
        return acr_error_set(err, ACR_ERR_NOMEM, "out of memory");
    }
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
    for (size_t i = 0; i < c->busy_count; i++)
        acr_free(c->busy_keys[i]);
    acr_free(c->busy_keys);
    pthread_mutex_destroy(&c->lock);
    pthread_cond_destroy(&c->released);
    for (int i = 0; i < CURL_LOCK_DATA_LAST; i++)
        pthread_mutex_destroy(&c->share_locks[i]);
    acr_free(c->app_id);
    free_secret(c->customer_id);
    free_secret(c->customer_secret);
    for (size_t i = 0; i < c->domain_count; i++)
        acr_free(c->domains[i]);
    acr_free(c->domains);
    acr_free((void *)(uintptr_t)c->retry.backoff_ms);
    acr_free(c->ca_file);
    acr_free(c);
}

/* --- the pool of easy handles --- */

/* The options every call shares; set once per handle. */
static bool configure_handle(acr_client *c, CURL *h)
{
    bool ok = true;
    ok &= curl_easy_setopt(h, CURLOPT_SHARE, c->share) == CURLE_OK;
    ok &= curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L) == CURLE_OK;
    ok &= curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L) == CURLE_OK;
    ok &= curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L) == CURLE_OK;
    ok &= curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L) == CURLE_OK;
    ok &= curl_easy_setopt(h, CURLOPT_PATH_AS_IS, 1L) == CURLE_OK;
#if LIBCURL_VERSION_NUM >= 0x075500
    ok &= curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https") == CURLE_OK;
#else
    ok &= curl_easy_setopt(h, CURLOPT_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS)) == CURLE_OK;
#endif
    ok &= curl_easy_setopt(h, CURLOPT_HTTPAUTH, (long)CURLAUTH_BASIC) == CURLE_OK;
    ok &= curl_easy_setopt(h, CURLOPT_USERNAME, c->customer_id) == CURLE_OK;
    ok &= curl_easy_setopt(h, CURLOPT_PASSWORD, c->customer_secret) == CURLE_OK;
    ok &= curl_easy_setopt(h, CURLOPT_HTTPHEADER, c->headers) == CURLE_OK;
    ok &= curl_easy_setopt(h, CURLOPT_USERAGENT, "acr/" ACR_VERSION_STRING) == CURLE_OK;
    ok &= curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, c->connect_timeout_ms) == CURLE_OK;
    ok &= curl_easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)c->max_response_bytes) == CURLE_OK;
    /* The connection cache is shared by every handle of the client, but each
     * handle's transfer trims it to its own MAXCONNECTS (default 5): with more
     * threads than that, connections were closed as soon as they went idle and
     * opened again by the next call. Keep up to POOL_MAX_CONNECTIONS idle. */
    ok &= curl_easy_setopt(h, CURLOPT_MAXCONNECTS, (long)POOL_MAX_CONNECTIONS) == CURLE_OK;
    if (c->ca_file)
        ok &= curl_easy_setopt(h, CURLOPT_CAINFO, c->ca_file) == CURLE_OK;
    return ok;
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
    if (h && !configure_handle(c, h)) {
        curl_easy_cleanup(h);
        h = NULL;
    }
    return h;
}

static void give_back_handle(acr_client *c, CURL *h)
{
    pthread_mutex_lock(&c->lock);
    if (c->idle_count == c->idle_capacity) {
        size_t capacity = c->idle_capacity ? c->idle_capacity * 2 : 4;
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

static bool busy_has(const acr_client *c, const char *key)
{
    for (size_t i = 0; i < c->busy_count; i++)
        if (strcmp(c->busy_keys[i], key) == 0)
            return true;
    return false;
}

/* Waits until no call holds `key`, then holds it. False when out of memory. */
static bool acquire_key(acr_client *c, char *key)
{
    pthread_mutex_lock(&c->lock);
    while (busy_has(c, key))
        pthread_cond_wait(&c->released, &c->lock);
    bool ok = true;
    if (c->busy_count == c->busy_capacity) {
        size_t capacity = c->busy_capacity ? c->busy_capacity * 2 : 4;
        char **grown = acr_realloc(c->busy_keys, capacity * sizeof *grown);
        if (grown) {
            c->busy_keys = grown;
            c->busy_capacity = capacity;
        } else {
            ok = false;
        }
    }
    if (ok)
        c->busy_keys[c->busy_count++] = key;
    pthread_mutex_unlock(&c->lock);
    return ok;
}

static void release_key(acr_client *c, const char *key)
{
    pthread_mutex_lock(&c->lock);
    for (size_t i = 0; i < c->busy_count; i++) {
        if (c->busy_keys[i] == key) {
            c->busy_keys[i] = c->busy_keys[--c->busy_count];
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

typedef struct exchange {
    acr_client *client;
    long status;                    /* of the last status line seen */
    acr_parser *parser;             /* fed when status is 200 */
    acr_error parse_err;
    bool parse_failed;
    bool too_large;
    size_t received;
    char *error_body;
    size_t error_length;
    char request_id[REQUEST_ID_MAX];
    unsigned sends;                 /* times libcurl was about to send the request */
} exchange;

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

static size_t on_header(char *data, size_t size, size_t count, void *ctx)
{
    exchange *x = ctx;
    size_t n = size * count;
    if (n > 5 && strncmp(data, "HTTP/", 5) == 0) {
        /* A new response begins (after a 1xx, say): forget the previous one's. */
        const char *space = memchr(data, ' ', n);
        x->status = space ? strtol(space + 1, NULL, 10) : 0;
        x->request_id[0] = '\0';
    } else if (n > 13 && strncasecmp(data, "X-Request-ID:", 13) == 0) {
        size_t start = 13, end = n;
        while (start < end && (data[start] == ' ' || data[start] == '\t'))
            start++;
        while (end > start && (data[end - 1] == '\r' || data[end - 1] == '\n' || data[end - 1] == ' '))
            end--;
        size_t k = 0;
        for (size_t i = start; i < end && k + 1 < sizeof x->request_id; i++)
            if (data[i] >= 0x21 && data[i] <= 0x7E) /* printable only: it ends up in messages */
                x->request_id[k++] = data[i];
        x->request_id[k] = '\0';
    }
    return n;
}

static size_t on_body(char *data, size_t size, size_t count, void *ctx)
{
    exchange *x = ctx;
    size_t n = size * count;
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
    size_t room = ERROR_BODY_CAP - x->error_length;
    size_t keep = n < room ? n : room;
    if (keep) {
        char *grown = acr_realloc(x->error_body, x->error_length + keep + 1);
        if (grown) {
            memcpy(grown + x->error_length, data, keep);
            x->error_length += keep;
            grown[x->error_length] = '\0';
            x->error_body = grown;
        }
    }
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
    if (!op->error || !x->error_body)
        return;
    const acr_object_desc *desc = op->error->object;
    void *body = acr_malloc(desc->size);
    if (!body)
        return;
    memset(body, 0, desc->size);
    acr_error ignored = ACR_ERROR_INIT;
    if (acr_parse(op->error, x->error_body, x->error_length, body, &ignored) == ACR_OK) {
        const acr_field_desc *code = find_field(desc, "code", ACR_KIND_INT);
        const acr_field_desc *reason = find_field(desc, "reason", ACR_KIND_STRING);
        const acr_field_desc *message = find_field(desc, "message", ACR_KIND_STRING);
        if (code && acr_field_present(code, body)) {
            err->has_service_code = 1;
            err->service_code = (long long)*ACR_AT(body, code->offset, int64_t);
        }
        char **text = NULL;
        if (reason && acr_field_present(reason, body))
            text = ACR_AT(body, reason->offset, char *);
        else if (message && acr_field_present(message, body))
            text = ACR_AT(body, message->offset, char *);
        if (text) {
            err->reason = *text; /* take it over from the body */
            *text = NULL;
        }
    }
    acr_error_clear(&ignored);
    acr_free_value(op->error, body);
    acr_free(body);
}

/* Fills err for an answer other than 200. */
static acr_status http_error(const acr_operation_desc *op, const exchange *x, acr_error *err)
{
    acr_error scratch = ACR_ERROR_INIT;
    if (!err)
        err = &scratch;
    read_error_body(op, x, err);
    err->http_status = (int)x->status;
    if (x->request_id[0]) {
        acr_free(err->request_id);
        err->request_id = acr_copy_string(x->request_id);
    }
    char code[40] = "";
    if (err->has_service_code)
        snprintf(code, sizeof code, ", code %lld", err->service_code);
    const char *hint = x->status >= 300 && x->status < 400 ? " (redirects are never followed)" : "";
    acr_error_set(err, ACR_ERR_HTTP, "HTTP %ld%s%s%s%s%s%s", x->status, code,
                  err->reason ? ": " : "", err->reason ? err->reason : "", hint,
                  x->request_id[0] ? ", X-Request-ID " : "", x->request_id);
    acr_error_clear(&scratch);
    return ACR_ERR_HTTP;
}

/* curl's detail line when it has one (it names host and port), else its
 * generic text for the code. */
static acr_status transport_error(CURLcode code, const char *detail, long timeout_ms, acr_error *err)
{
    const char *text = detail[0] ? detail : curl_easy_strerror(code);
    if (code == CURLE_OPERATION_TIMEDOUT)
        return acr_error_set(err, ACR_ERR_TRANSPORT, "no complete answer within %ld ms (%s)", timeout_ms, text);
    return acr_error_set(err, ACR_ERR_TRANSPORT, "%s", text);
}

static void log_line(const acr_client *c, const char *method, const char *url, long status, CURLcode code,
                     curl_off_t micros)
{
    if (!c->log)
        return;
    char line[1024];
    if (code == CURLE_OK || status)
        snprintf(line, sizeof line, "%s %s -> %ld (%.1f ms)", method, url, status, (double)micros / 1000.0);
    else
        snprintf(line, sizeof line, "%s %s -> failed: %s (%.1f ms)", method, url, curl_easy_strerror(code),
                 (double)micros / 1000.0);
    c->log(c->log_ctx, line);
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

static acr_status perform(acr_client *c, const acr_operation_desc *op, const char *url, const char *body,
                          size_t body_length, void *response, bool *request_sent, bool *resent,
                          bool *tls_rejected, acr_error *err)
{
    *request_sent = false;
    *tls_rejected = false;
    *resent = false;
    CURL *h = take_handle(c);
    if (!h)
        return acr_error_set(err, ACR_ERR_NOMEM, "out of memory (or libcurl could not create a handle)");
    exchange x;
    memset(&x, 0, sizeof x);
    x.client = c;
    x.parser = acr_parser_new(op->response, response, NULL);
    if (!x.parser) {
        give_back_handle(c, h);
        return acr_error_set(err, ACR_ERR_NOMEM, "out of memory");
    }
    char detail[CURL_ERROR_SIZE] = "";
    long timeout_ms = c->timeout_ms ? c->timeout_ms : op->timeout_ms;
    curl_easy_setopt(h, CURLOPT_URL, url);
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
#ifdef HAVE_PREREQ
    curl_easy_setopt(h, CURLOPT_PREREQFUNCTION, on_prereq);
    curl_easy_setopt(h, CURLOPT_PREREQDATA, (void *)&x);
#endif
    unsigned long alloc_failures = atomic_load(&curl_alloc_failures);
    CURLcode code = curl_easy_perform(h);
    bool memory_failed = atomic_load(&curl_alloc_failures) != alloc_failures;
    *tls_rejected = code == CURLE_PEER_FAILED_VERIFICATION || code == CURLE_SSL_CACERT_BADFILE ||
                    code == CURLE_SSL_ISSUER_ERROR || code == CURLE_SSL_PINNEDPUBKEYNOTMATCH;
    curl_off_t micros = 0;
    curl_easy_getinfo(h, CURLINFO_TOTAL_TIME_T, &micros);
    long sent_bytes = 0;
    curl_easy_getinfo(h, CURLINFO_REQUEST_SIZE, &sent_bytes);
    *request_sent = sent_bytes > 0 || x.status != 0;
    *resent = x.sends > 1;
    /* The handle outlives this call in the pool: drop pointers to our stack. */
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, NULL);
    curl_easy_setopt(h, CURLOPT_HEADERDATA, NULL);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, NULL);
#ifdef HAVE_PREREQ
    curl_easy_setopt(h, CURLOPT_PREREQDATA, NULL);
#endif
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, NULL);
    give_back_handle(c, h);
    log_line(c, op->method, url, x.status, code, micros);

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
    } else if (code == CURLE_OUT_OF_MEMORY && memory_failed) {
        status = acr_error_set(err, ACR_ERR_NOMEM, "out of memory (in libcurl)");
    } else if (code == CURLE_OUT_OF_MEMORY) {
        /* No allocation failed: libcurl refused the answer itself (a header
         * line over its limit). */
        status = acr_error_set(err, ACR_ERR_INVALID_RESPONSE, "libcurl refused the answer: %s",
                               detail[0] ? detail : "its headers are too large");
    } else if (code != CURLE_OK) {
        status = transport_error(code, detail, timeout_ms, err);
        if (err)
            err->http_status = (int)x.status;
    } else if (x.status != 200) {
        status = http_error(op, &x, err);
    } else {
        status = acr_parser_finish(x.parser, err);
    }
    if ((status == ACR_ERR_INVALID_RESPONSE || status == ACR_ERR_TRANSPORT) && err && x.request_id[0] &&
        !err->request_id)
        err->request_id = acr_copy_string(x.request_id);
    acr_error_clear(&x.parse_err);
    acr_parser_free(x.parser);
    acr_free(x.error_body);
    return status;
}

/* Milliseconds on a clock that only goes forward. */
static long long now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

static void sleep_ms(long ms)
{
    struct timespec t = {ms / 1000, (ms % 1000) * 1000000L};
    while (nanosleep(&t, &t) != 0) {
        /* interrupted by a signal: sleep the rest */
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
 * fresh response struct, until one succeeds or the policy says to stop. */
static acr_status attempt_until_done(acr_client *c, const acr_operation_desc *op, const char *const *values,
                                     const char *body, size_t body_length, void *response, acr_error *err)
{
    const acr_retry_policy *policy = &c->retry;
    long long deadline = policy->deadline_ms > 0 ? now_ms() + policy->deadline_ms : 0;
    uint64_t seed = (uint64_t)now_ms() ^ (uint64_t)(uintptr_t)response;
    bool may_have_acted = false;
    acr_status status = ACR_OK;
    for (unsigned attempt = 0;; attempt++) {
        if (attempt > 0) {
            long delay = acr_retry_delay_ms(policy, attempt, &seed);
            if (c->log) {
                char line[160];
                snprintf(line, sizeof line, "retrying in %ld ms (attempt %u of %u)", delay, attempt + 1,
                         policy->max_attempts);
                c->log(c->log_ctx, line);
            }
            sleep_ms(delay);
            acr_free_value(op->response, response); /* what the failed attempt left */
            acr_error_clear(err);                   /* and its code, reason, X-Request-ID */
        }
        const char *base = c->domains[acr_retry_domain_index(attempt, c->domain_count)];
        char *url = acr_url_build(base, op, values, err);
        if (!url)
            return err ? err->status : ACR_ERR_USAGE;
        bool sent = false, resent = false, tls_rejected = false;
        status = perform(c, op, url, body, body_length, response, &sent, &resent, &tls_rejected, err);
        acr_free(url);
        if (err)
            err->attempts = attempt + 1;
        if (status == ACR_OK)
            return ACR_OK;
        if (status != ACR_ERR_HTTP && status != ACR_ERR_TRANSPORT)
            return status; /* an invalid response or no memory: retrying will not help */
        acr_attempt a = {err ? err->http_status : 0, err && err->has_service_code,
                         err ? err->service_code : 0, status == ACR_ERR_TRANSPORT, sent, tls_rejected};
        may_have_acted = may_have_acted || resent;
        if (status == ACR_ERR_HTTP && may_have_acted && err && is_done_answer(op, err)) {
            char last[ACR_ERROR_MESSAGE_MAX];
            memcpy(last, err->message, sizeof last);
            return acr_error_set(err, ACR_ERR_MAY_HAVE_SUCCEEDED,
                                 "%s was retried after an attempt that may have reached the service, which now "
                                 "answers %s; the first attempt most likely succeeded", op->operation_id, last);
        }
        may_have_acted = may_have_acted || acr_attempt_may_have_acted(&a);
        if (attempt + 1 >= policy->max_attempts || !acr_retry_worth_it(&a, op))
            return status;
        long next_delay = policy->backoff_ms[attempt < policy->backoff_count ? attempt : policy->backoff_count - 1];
        if (deadline && now_ms() + next_delay >= deadline)
            return status; /* the next attempt would start past the deadline */
    }
}

acr_status acr_call(acr_client *c, const acr_operation_desc *op, const char *const *params, const void *request,
                    void *response, acr_error *err)
{
    acr_error_clear(err);
    /* An operation without a request body takes NULL (op->request is NULL). */
    if (!c || !op || (!request && op->request) || !response)
        return acr_error_set(err, ACR_ERR_USAGE, "acr_call: NULL argument");
    /* The parameter values, with the one the client supplies filled in. */
    const char *values[16];
    if (op->param_count > sizeof values / sizeof values[0])
        return acr_error_set(err, ACR_ERR_USAGE, "acr_call: too many path parameters");
    for (size_t i = 0; i < op->param_count; i++)
        values[i] = (int)i == op->client_param ? c->app_id : (params ? params[i] : NULL);
    unsigned mode;
    acr_status status = call_mode(op, values, &mode, err);
    if (status != ACR_OK)
        return status;
    /* Nothing is sent for a request that breaks the schema. */
    status = op->request ? acr_validate(op->request, request, mode, err) : ACR_OK;
    if (status != ACR_OK)
        return status;
    /* Empty path parameters are refused before anything is sent. */
    status = acr_url_check_params(op, values, err);
    if (status != ACR_OK)
        return status;
    char *body = NULL;
    size_t body_length = 0;
    if (op->request)
        status = acr_to_json(op->request, request, &body, &body_length, err);
    char *key = NULL;
    if (status == ACR_OK && op->exclusive_param_count) {
        key = exclusive_key(op, values);
        if (!key || !acquire_key(c, key)) {
            acr_free(key);
            key = NULL;
            status = acr_error_set(err, ACR_ERR_NOMEM, "out of memory");
        }
    }
    if (status == ACR_OK)
        status = attempt_until_done(c, op, values, body, body_length, response, err);
    if (key) {
        release_key(c, key);
        acr_free(key);
    }
    acr_free(body);
    return status;
}
