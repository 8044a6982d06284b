/* Transport and credentials, against what an outside review and an attack run
 * found (issue 9, items 1, 2, 5, 6, 7, 8 and 9): the library against the
 * byte-level fault server (tests/integration/fault_server.py).
 *
 * - The HTTP status is libcurl's, never read from header text.
 * - Plain http never goes through a proxy; https honours the environment's
 *   proxy or acr_client_options.proxy.
 * - A secret the service echoes is redacted from every error text and log
 *   line; control characters from the network are escaped.
 * - Every block the library frees that held a secret was wiped first: the
 *   allocation hooks below search each freed block for the secrets.
 * - libcurl keeps its own allocator: an application's own curl handle never
 *   allocates through acr's hooks.
 * - After a burst of concurrent calls the client keeps at most the idle bound
 *   of connections open (the fault server counts open connections).
 *
 * The allocation hooks are installed once, before any acr call, and stay. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <curl/curl.h>

#include "mock_process.h"
#include "support.h"

#define APP "acr-trust-app"
#define CNAME "httpClient463224"
#define UID "527841"
#define RID "rid-t"
#define SID "sid-t"
#define CUSTOMER_ID "acr-trust-customer-Zq81"
#define CUSTOMER_SECRET "acr-trust-secret-Jm42"
#define ACCESS_KEY "AKIATRUSTACCESS7Y3"
#define SECRET_KEY "trustSecretKeyQ9v2w8"
#define STS_TOKEN "FwoTRUSTstsTokenX5p1"
#define UPDATE_OK "{\"cname\":\"" CNAME "\",\"uid\":\"" UID "\",\"resourceId\":\"" RID "\",\"sid\":\"" SID "\"}"

static mock_process server;
static int other_port;
static char other_host[64];
static char basic_token[128];

/* --- allocation hooks: every freed block searched for a secret ----------------- */

#define HEADER 16 /* keeps max_align_t alignment */

static pthread_mutex_t hook_lock = PTHREAD_MUTEX_INITIALIZER;
static size_t hook_calls;            /* every malloc/realloc/free through the hooks */
static size_t unwiped_blocks;        /* freed blocks that still held a secret */
static char unwiped_example[160];    /* which secret, in the first of them */
static _Thread_local int in_application_curl; /* set around the application's own libcurl calls */
static size_t hook_calls_from_application;

static const char *secrets[7];

static void note_call(void)
{
    pthread_mutex_lock(&hook_lock);
    hook_calls++;
    if (in_application_curl)
        hook_calls_from_application++;
    pthread_mutex_unlock(&hook_lock);
}

static bool holds(const unsigned char *p, size_t n, const char *secret)
{
    size_t k = strlen(secret);
    for (size_t i = 0; k && i + k <= n; i++)
        if (memcmp(p + i, secret, k) == 0)
            return true;
    return false;
}

/* Searches the block for every secret before it is freed (or moved). */
static void check_released(const unsigned char *p, size_t n)
{
    for (size_t s = 0; s < sizeof secrets / sizeof secrets[0] && secrets[s]; s++) {
        if (holds(p, n, secrets[s])) {
            pthread_mutex_lock(&hook_lock);
            if (!unwiped_blocks++)
                snprintf(unwiped_example, sizeof unwiped_example, "a %zu-byte block holding \"%s\"", n,
                         secrets[s]);
            pthread_mutex_unlock(&hook_lock);
        }
    }
}

static void *hook_malloc(void *ctx, size_t size)
{
    (void)ctx;
    note_call();
    unsigned char *p = malloc(size + HEADER);
    if (!p)
        return NULL;
    memcpy(p, &size, sizeof size);
    /* Zeroed: what malloc hands back may hold what libcurl (whose allocations
     * are its own) freed unwiped; only what is written through acr counts. */
    memset(p + HEADER, 0, size);
    return p + HEADER;
}

static void hook_free(void *ctx, void *ptr)
{
    (void)ctx;
    note_call();
    if (!ptr)
        return;
    unsigned char *p = (unsigned char *)ptr - HEADER;
    size_t size;
    memcpy(&size, p, sizeof size);
    check_released(p + HEADER, size);
    free(p);
}

/* A move leaves the old block behind in freed memory: it is checked too. */
static void *hook_realloc(void *ctx, void *ptr, size_t size)
{
    if (!ptr)
        return hook_malloc(ctx, size);
    unsigned char *q = hook_malloc(ctx, size);
    if (!q)
        return NULL;
    size_t old;
    memcpy(&old, (unsigned char *)ptr - HEADER, sizeof old);
    memcpy(q, ptr, old < size ? old : size);
    hook_free(ctx, ptr);
    return q;
}

static size_t unwiped(void)
{
    pthread_mutex_lock(&hook_lock);
    size_t n = unwiped_blocks;
    pthread_mutex_unlock(&hook_lock);
    return n;
}

/* --- helpers ----------------------------------------------------------------- */

static void base64(const char *in, char *out, size_t cap)
{
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    size_t n = strlen(in), k = 0;
    const unsigned char *p = (const unsigned char *)in;
    for (size_t i = 0; i < n && k + 5 < cap; i += 3) {
        unsigned long v = (unsigned long)p[i] << 16 | (i + 1 < n ? (unsigned long)p[i + 1] << 8 : 0) |
                          (i + 2 < n ? p[i + 2] : 0);
        out[k++] = alphabet[(v >> 18) & 63];
        out[k++] = alphabet[(v >> 12) & 63];
        out[k++] = i + 1 < n ? alphabet[(v >> 6) & 63] : '=';
        out[k++] = i + 2 < n ? alphabet[v & 63] : '=';
    }
    out[k] = '\0';
}

static void pause_ms(long ms)
{
    struct timespec t = {ms / 1000, (ms % 1000) * 1000000L};
    while (nanosleep(&t, &t) != 0) {
    }
}

static char *control(const char *method, const char *path, const char *body)
{
    char *answer = NULL;
    long status = mock_request(&server, method, path, body, &answer);
    if (status != 200)
        fail_msg("%s %s -> %ld %s", method, path, status, answer ? answer : "");
    return answer;
}

static yajl_val server_state(void)
{
    char *answer = control("GET", "/__fault/state", NULL);
    yajl_val v = support_tree(answer);
    free(answer);
    return v;
}

static long long state_count(const char *group, const char *listener)
{
    yajl_val st = server_state();
    long long n = support_int_member(support_member(st, group), listener);
    yajl_tree_free(st);
    return n;
}

/* Polls (bounded) until the server has seen `listener` reach at least `n`
 * connections: an accepted connection may not be counted yet. */
static long long wait_connections(const char *listener, long long n)
{
    long long seen = 0;
    for (int i = 0; i < 500 && (seen = state_count("connections", listener)) < n; i++)
        pause_ms(10);
    return seen;
}

static void add_script(const char *json)
{
    free(control("POST", "/__fault/script", json));
}

/* A script sending `raw` as is, then leaving the connection open. */
static void add_raw_script(const char *name, const char *raw)
{
    size_t n = strlen(raw);
    char *json = malloc(n * 6 + 128);
    assert_non_null(json);
    size_t k = (size_t)snprintf(json, 128, "{\"name\": \"%s\", \"steps\": [{\"send\": \"", name);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)raw[i];
        if (c == '"' || c == '\\') {
            json[k++] = '\\';
            json[k++] = (char)c;
        } else if (c >= 0x20 && c < 0x7F) {
            json[k++] = (char)c;
        } else {
            k += (size_t)snprintf(json + k, 7, "\\u%04x", c);
        }
    }
    memcpy(json + k, "\"}]}", 5);
    add_script(json);
    free(json);
}

typedef struct log_lines {
    pthread_mutex_t lock;
    char *lines[64];
    size_t count;
} log_lines;

static log_lines logs = {PTHREAD_MUTEX_INITIALIZER, {NULL}, 0};

static void on_log(void *ctx, const char *line)
{
    log_lines *l = ctx;
    pthread_mutex_lock(&l->lock);
    if (l->count < sizeof l->lines / sizeof l->lines[0])
        l->lines[l->count++] = support_strndup(line, strlen(line));
    pthread_mutex_unlock(&l->lock);
}

static void clear_logs(void)
{
    for (size_t i = 0; i < logs.count; i++)
        free(logs.lines[i]);
    logs.count = 0;
}

static acr_client_options options(void)
{
    acr_client_options o;
    memset(&o, 0, sizeof o);
    o.app_id = APP;
    o.customer_id = CUSTOMER_ID;
    o.customer_secret = CUSTOMER_SECRET;
    o.base_url = server.base_url;
    o.retry.disabled = 1;
    o.timeout_ms = 5000;
    o.log = on_log;
    o.log_ctx = &logs;
    return o;
}

static acr_client *new_client(const acr_client_options *o)
{
    acr_client *c = NULL;
    acr_error err = ACR_ERROR_INIT;
    if (acr_client_new(o, &c, &err) != ACR_OK)
        fail_msg("acr_client_new: %s", err.message);
    acr_error_clear(&err);
    return c;
}

static acr_update_request storage_request(void)
{
    acr_update_request req = ACR_UPDATE_REQUEST_INIT;
    req.cname = CNAME;
    req.uid = UID;
    req.client_request.has_storage_config = true;
    acr_storage_config *s = &req.client_request.storage_config;
    s->has_vendor = true;
    s->vendor = ACR_VENDOR_AMAZON_S3;
    s->has_region = true;
    s->region = 0;
    s->bucket = "my-recordings";
    s->access_key = ACCESS_KEY;
    s->secret_key = SECRET_KEY;
    s->sts_token = STS_TOKEN;
    return req;
}

static acr_status update(acr_client *c, const char *rid, const char *sid, acr_error *err)
{
    acr_update_request req = storage_request();
    acr_update_response resp = ACR_UPDATE_RESPONSE_INIT;
    acr_update_params params = {rid, sid, ACR_MODE_INDIVIDUAL};
    acr_status status = acr_update(c, &params, &req, &resp, err);
    acr_update_response_free(&resp);
    return status;
}

static void assert_no_secret_in(const char *text, const char *what)
{
    if (!text)
        return;
    for (size_t s = 0; s < sizeof secrets / sizeof secrets[0] && secrets[s]; s++)
        if (strstr(text, secrets[s]))
            fail_msg("%s holds the secret \"%s\": %s", what, secrets[s], text);
}

/* No C0 control, DEL or C1 control (U+0080..U+009F in UTF-8). */
static void assert_no_control_in(const char *text, const char *what)
{
    if (!text)
        return;
    for (const unsigned char *p = (const unsigned char *)text; *p; p++)
        if (*p < 0x20 || *p == 0x7F || (*p == 0xC2 && p[1] >= 0x80 && p[1] < 0xA0))
            fail_msg("%s holds the control byte 0x%02x: %s", what, *p, text);
}

static void assert_clean_error(const acr_error *err)
{
    assert_no_secret_in(err->message, "err.message");
    assert_no_secret_in(err->reason, "err.reason");
    assert_no_secret_in(err->request_id, "err.request_id");
    assert_no_secret_in(err->pointer, "err.pointer");
    assert_no_control_in(err->message, "err.message");
    assert_no_control_in(err->reason, "err.reason");
    assert_no_control_in(err->request_id, "err.request_id");
    for (size_t i = 0; i < logs.count; i++) {
        assert_no_secret_in(logs.lines[i], "a log line");
        assert_no_control_in(logs.lines[i], "a log line");
    }
}

/* --- fixtures -------------------------------------------------------------- */

static int group_setup(void **state)
{
    (void)state;
    char pair[128];
    snprintf(pair, sizeof pair, "%s:%s", CUSTOMER_ID, CUSTOMER_SECRET);
    base64(pair, basic_token, sizeof basic_token);
    const char *list[] = {CUSTOMER_ID, CUSTOMER_SECRET, basic_token, ACCESS_KEY, SECRET_KEY, STS_TOKEN, NULL};
    memcpy(secrets, list, sizeof list);
    /* Before any other acr call, and before libcurl is initialised by
     * anyone: the first test checks who initialises it with what. */
    acr_allocator a = {hook_malloc, hook_realloc, hook_free, NULL};
    acr_set_allocator(&a);
    if (mock_start_script(&server, ACR_FAULT_SERVER_SCRIPT, NULL, 20000) != 0)
        return -1;
    return 0;
}

static int group_teardown(void **state)
{
    (void)state;
    mock_stop(&server);
    clear_logs();
    acr_set_allocator(NULL);
    curl_global_cleanup(); /* balances the control helper's implicit init */
    return 0;
}

static int setup(void **state)
{
    (void)state;
    free(control("POST", "/__fault/reset", NULL));
    clear_logs();
    return 0;
}

/* For the first test: libcurl must not be initialised by the control helper. */
static int setup_untouched(void **state)
{
    (void)state;
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    clear_logs();
    return 0;
}

/* === 8: libcurl's allocator is libcurl's ======================================= */

static size_t discard(char *data, size_t size, size_t count, void *ctx)
{
    (void)data;
    (void)ctx;
    return size * count;
}

/* The application's own transfer to the fault server's control API; the
 * allocation hooks count what it allocates through them (nothing, since acr
 * leaves libcurl's allocator alone). */
static CURLcode application_transfer(CURL *h, size_t *through_hooks)
{
    char url[128];
    snprintf(url, sizeof url, "%s/__fault/ports", server.base_url);
    pthread_mutex_lock(&hook_lock);
    size_t before = hook_calls_from_application;
    pthread_mutex_unlock(&hook_lock);
    in_application_curl = 1;
    curl_easy_setopt(h, CURLOPT_URL, url);
    curl_easy_setopt(h, CURLOPT_PROXY, "");
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, discard);
    CURLcode code = curl_easy_perform(h);
    in_application_curl = 0;
    pthread_mutex_lock(&hook_lock);
    *through_hooks = hook_calls_from_application - before;
    pthread_mutex_unlock(&hook_lock);
    return code;
}

/* acr first (with allocation hooks), then the application's own handle: it
 * must not allocate through acr's hooks. (It did while acr installed them
 * process-wide with curl_global_init_mem.) */
static void test_application_curl_after_acr_not_through_hooks(void **state)
{
    (void)state;
    acr_client_options o = options();
    acr_client *c = new_client(&o);
    in_application_curl = 1;
    CURL *h = curl_easy_init();
    in_application_curl = 0;
    assert_non_null(h);
    size_t through_hooks = 0;
    assert_int_equal(application_transfer(h, &through_hooks), CURLE_OK);
    in_application_curl = 1;
    curl_easy_cleanup(h);
    in_application_curl = 0;
    assert_int_equal(hook_calls_from_application, 0);
    assert_int_equal(through_hooks, 0);
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(update(c, RID, SID, &err), ACR_OK);
    acr_error_clear(&err);
    acr_client_free(c);
}

/* The application initialises libcurl and makes its handle first; acr with
 * allocation hooks works beside it, and the application's handle still works,
 * never through acr's hooks. */
static void test_application_curl_first_keeps_working(void **state)
{
    (void)state;
    assert_int_equal(curl_global_init(CURL_GLOBAL_DEFAULT), CURLE_OK);
    CURL *h = curl_easy_init();
    assert_non_null(h);
    size_t through_hooks = 0;
    assert_int_equal(application_transfer(h, &through_hooks), CURLE_OK);
    acr_client_options o = options();
    acr_client *c = new_client(&o);
    acr_error err = ACR_ERROR_INIT;
    pthread_mutex_lock(&hook_lock);
    size_t before = hook_calls;
    pthread_mutex_unlock(&hook_lock);
    assert_int_equal(update(c, RID, SID, &err), ACR_OK);
    assert_true(hook_calls > before); /* acr's own allocations do use them */
    acr_client_free(c);
    assert_int_equal(application_transfer(h, &through_hooks), CURLE_OK);
    assert_int_equal(through_hooks, 0);
    curl_easy_cleanup(h);
    curl_global_cleanup();
    acr_error_clear(&err);
}

/* === 1: the status is libcurl's, not header text ================================ */

/* A 500 carrying a header line that looks like a 200 status line, with a
 * body that would parse as a valid answer: still HTTP 500. */
static void test_status_line_in_a_header_is_not_the_status(void **state)
{
    (void)state;
    char raw[512];
    snprintf(raw, sizeof raw,
             "HTTP/1.1 500 Internal Server Error\r\nHTTP/1.1 200 OK: spoofed\r\n"
             "Content-Type: application/json\r\nContent-Length: %zu\r\n\r\n%s",
             strlen(UPDATE_OK), UPDATE_OK);
    add_raw_script("spoofed-status-header", raw);
    acr_client_options o = options();
    acr_client *c = new_client(&o);
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(update(c, RID, SID, &err), ACR_ERR_HTTP);
    assert_int_equal(err.http_status, 500);
    acr_error_clear(&err);
    acr_client_free(c);
}

/* A chunked 200 whose trailer looks like a 500 status line: success. */
static void test_status_line_in_a_trailer_is_not_the_status(void **state)
{
    (void)state;
    char raw[512];
    snprintf(raw, sizeof raw,
             "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
             "Trailer: X-Checksum\r\n\r\n%zx\r\n%s\r\n0\r\nHTTP/1.1 500 x: y\r\n\r\n",
             strlen(UPDATE_OK), UPDATE_OK);
    add_raw_script("spoofed-status-trailer", raw);
    acr_client_options o = options();
    acr_client *c = new_client(&o);
    acr_error err = ACR_ERROR_INIT;
    acr_status status = update(c, RID, SID, &err);
    if (status != ACR_OK)
        fail_msg("%s: %s", acr_status_name(status), err.message);
    acr_error_clear(&err);
    acr_client_free(c);
}

/* === 2: plain http never through a proxy ====================================== */

typedef struct saved_env {
    const char *name;
    char *value;
} saved_env;

static saved_env proxy_env[] = {{"http_proxy", NULL},  {"HTTP_PROXY", NULL}, {"https_proxy", NULL},
                                {"HTTPS_PROXY", NULL}, {"all_proxy", NULL},  {"ALL_PROXY", NULL},
                                {"no_proxy", NULL},    {"NO_PROXY", NULL}};
#define PROXY_ENV_COUNT (sizeof proxy_env / sizeof proxy_env[0])

/* Points every proxy variable at `proxy` (NULL: unset) and clears no_proxy;
 * the control helper runs only after restore_proxy_env(). */
static void set_proxy_env(const char *proxy)
{
    for (size_t i = 0; i < PROXY_ENV_COUNT; i++) {
        const char *v = getenv(proxy_env[i].name);
        proxy_env[i].value = v ? support_strndup(v, strlen(v)) : NULL;
        bool is_no_proxy = strstr(proxy_env[i].name, "no_") || strstr(proxy_env[i].name, "NO_");
        if (proxy && !is_no_proxy)
            setenv(proxy_env[i].name, proxy, 1);
        else
            unsetenv(proxy_env[i].name);
    }
}

static void restore_proxy_env(void)
{
    for (size_t i = 0; i < PROXY_ENV_COUNT; i++) {
        if (proxy_env[i].value)
            setenv(proxy_env[i].name, proxy_env[i].value, 1);
        else
            unsetenv(proxy_env[i].name);
        free(proxy_env[i].value);
        proxy_env[i].value = NULL;
    }
}

/* The fault server's second host, which records connections and never answers. */
static void proxy_url(char *out, size_t cap)
{
    if (!other_port) {
        char *answer = control("GET", "/__fault/ports", NULL);
        yajl_val ports = support_tree(answer);
        free(answer);
        other_port = (int)support_int_member(ports, "other");
        snprintf(other_host, sizeof other_host, "%s", support_string_member(ports, "other_host"));
        yajl_tree_free(ports);
    }
    snprintf(out, cap, "http://%s:%d", other_host, other_port);
}

/* http_proxy, all_proxy and ALL_PROXY point at a listening "proxy" (the
 * fault server's second host, which records connections and never answers):
 * a call to http://127.0.0.1:PORT still goes straight to the server. */
static void test_plain_http_ignores_proxy_environment(void **state)
{
    (void)state;
    char proxy[96];
    proxy_url(proxy, sizeof proxy);
    acr_client_options o = options();
    acr_client *c = new_client(&o);
    acr_error err = ACR_ERROR_INIT;
    set_proxy_env(proxy);
    acr_status status = update(c, RID, SID, &err);
    restore_proxy_env();
    acr_client_free(c);
    if (status != ACR_OK)
        fail_msg("%s: %s", acr_status_name(status), err.message);
    acr_error_clear(&err);
    assert_int_equal(state_count("connections", "other"), 0);
    yajl_val st = server_state();
    assert_int_equal(YAJL_GET_ARRAY(support_member(st, "requests"))->len, 1);
    yajl_tree_free(st);
}

/* https may use a proxy: the environment's, or the option's; "" means none.
 * (No TLS server is needed: the proxy never answers the CONNECT.) */
static void test_https_proxy_from_environment_or_option(void **state)
{
    (void)state;
    char proxy[96];
    proxy_url(proxy, sizeof proxy);
    acr_client_options o = options();
    o.base_url = "https://127.0.0.1:1";
    o.timeout_ms = 500;
    o.connect_timeout_ms = 500;
    acr_error err = ACR_ERROR_INIT;

    /* The environment's proxy. */
    acr_client *c = new_client(&o);
    set_proxy_env(proxy);
    assert_int_equal(update(c, RID, SID, &err), ACR_ERR_TRANSPORT);
    restore_proxy_env();
    acr_client_free(c);
    assert_int_equal(wait_connections("other", 1), 1);

    /* The option's, with no environment. */
    o.proxy = proxy;
    c = new_client(&o);
    set_proxy_env(NULL);
    assert_int_equal(update(c, RID, SID, &err), ACR_ERR_TRANSPORT);
    restore_proxy_env();
    acr_client_free(c);
    assert_int_equal(wait_connections("other", 2), 2);

    /* "": never a proxy, whatever the environment says. */
    o.proxy = "";
    c = new_client(&o);
    set_proxy_env(proxy);
    assert_int_equal(update(c, RID, SID, &err), ACR_ERR_TRANSPORT);
    restore_proxy_env();
    acr_client_free(c);
    assert_int_equal(state_count("connections", "other"), 2);
    assert_clean_error(&err);
    acr_error_clear(&err);
}

/* === 5 and 6: echoed secrets redacted, control characters escaped ================ */

static void error_script(const char *name, int status, const char *reason_line, const char *headers,
                         const char *body)
{
    char raw[2048];
    snprintf(raw, sizeof raw, "HTTP/1.1 %d %s\r\n%sContent-Type: application/json\r\nContent-Length: %zu\r\n\r\n%s",
             status, reason_line, headers, strlen(body), body);
    add_raw_script(name, raw);
}

/* The service echoes every secret the client sent (customer ID and secret,
 * the Base64 Authorization token, accessKey, secretKey, stsToken) in its
 * reason, its gateway message and X-Request-ID: none reaches acr_error or the
 * log, each replaced by "[redacted]". */
static void test_echoed_secrets_are_redacted(void **state)
{
    (void)state;
    char body[1024];
    snprintf(body, sizeof body,
             "{\"code\":2,\"reason\":\"invalid: id=%s secret=%s auth=Basic %s ak=%s sk=%s sts=%s.\"}",
             CUSTOMER_ID, CUSTOMER_SECRET, basic_token, ACCESS_KEY, SECRET_KEY, STS_TOKEN);
    error_script("echo-reason", 400, "Bad Request", "X-Request-ID: r-" ACCESS_KEY "\r\n", body);
    snprintf(body, sizeof body, "{\"message\":\"bad key %s%s\"}", SECRET_KEY, STS_TOKEN);
    error_script("echo-message", 401, "Unauthorized", "", body);

    acr_client_options o = options();
    acr_client *c = new_client(&o);
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(update(c, RID, SID, &err), ACR_ERR_HTTP);
    assert_int_equal(err.http_status, 400);
    assert_non_null(err.reason);
    assert_non_null(strstr(err.reason, "[redacted]"));
    assert_non_null(strstr(err.reason, "invalid: id="));
    assert_non_null(err.request_id);
    assert_string_equal(err.request_id, "r-[redacted]");
    assert_clean_error(&err);

    assert_int_equal(update(c, RID, SID, &err), ACR_ERR_HTTP);
    assert_int_equal(err.http_status, 401);
    assert_non_null(err.reason);
    assert_string_equal(err.reason, "bad key [redacted][redacted]");
    assert_clean_error(&err);
    assert_true(logs.count >= 2);
    acr_error_clear(&err);
    acr_client_free(c);
}

/* The service's reason and X-Request-ID carry a newline, a carriage return,
 * escape sequences, DEL and a C1 control: each is escaped (\u00XX), so no
 * line can be forged and no terminal driven. */
static void test_network_text_controls_escaped(void **state)
{
    (void)state;
    const char *body = "{\"code\":2,\"reason\":\"bad\\nacr update: ok\\r\\u001b[2J\\u007f\\u009b31m end\"}";
    error_script("controls", 400, "Bad Request", "X-Request-ID: r1\x1b[31m\x7fz\r\n", body);
    acr_client_options o = options();
    acr_client *c = new_client(&o);
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(update(c, RID, SID, &err), ACR_ERR_HTTP);
    assert_non_null(err.reason);
    assert_string_equal(err.reason, "bad\\u000aacr update: ok\\u000d\\u001b[2J\\u007f\\u009b31m end");
    assert_non_null(err.request_id);
    assert_string_equal(err.request_id, "r1\\u001b[31m\\u007fz");
    assert_non_null(strstr(err.message, err.reason));
    assert_clean_error(&err);
    acr_error_clear(&err);
    acr_client_free(c);
}

/* === 7: every copy of a secret the library frees is wiped first ================== */

/* A call that succeeds and one whose answer echoes the secrets in reason and
 * message: no block freed through the hooks (acr's and yajl's) held a
 * secret, up to and including the client's own copies at acr_client_free. */
static void test_freed_copies_of_secrets_are_wiped(void **state)
{
    (void)state;
    size_t before = unwiped();
    char body[512];
    snprintf(body, sizeof body, "{\"code\":2,\"reason\":\"ak=%s sk=%s\",\"message\":\"sts=%s secret=%s\"}",
             ACCESS_KEY, SECRET_KEY, STS_TOKEN, CUSTOMER_SECRET);
    add_script("{\"name\": \"ok\", \"steps\": [{\"default\": true}]}");
    error_script("echo-both", 400, "Bad Request", "", body);
    acr_client_options o = options();
    acr_client *c = new_client(&o);
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(update(c, RID, SID, &err), ACR_OK);
    assert_int_equal(update(c, RID, SID, &err), ACR_ERR_HTTP);
    acr_error_clear(&err);
    /* An error body cut off inside the echoed string: the parser's held-back
     * token and yajl's own buffers held it when the parse failed. */
    snprintf(body, sizeof body, "{\"code\":2,\"reason\":\"ak=%s sk=%s sts=%s", ACCESS_KEY, SECRET_KEY, STS_TOKEN);
    error_script("echo-cut", 400, "Bad Request", "", body);
    assert_int_equal(update(c, RID, SID, &err), ACR_ERR_HTTP);
    acr_error_clear(&err);
    acr_client_free(c);
    if (unwiped() != before)
        fail_msg("%zu freed blocks held a secret, the first %s", unwiped() - before, unwiped_example);
}

/* === 9: connections owned per handle, idle ones bounded ========================== */

typedef struct burst_call {
    acr_client *client;
    char rid[32];
    acr_status status;
    char message[ACR_ERROR_MESSAGE_MAX];
} burst_call;

static void *burst_worker(void *arg)
{
    burst_call *b = arg;
    acr_error err = ACR_ERROR_INIT;
    b->status = update(b->client, b->rid, SID, &err);
    memcpy(b->message, err.message, sizeof b->message);
    acr_error_clear(&err);
    return NULL;
}

#define BURST 48

/* Distinct connections of the service requests [from, to) the server saw. */
static size_t distinct_connections(yajl_val st, size_t from, size_t to)
{
    yajl_val list = support_member(st, "requests");
    assert_true(to <= YAJL_GET_ARRAY(list)->len);
    size_t distinct = 0;
    for (size_t i = from; i < to; i++) {
        long long id = support_int_member(YAJL_GET_ARRAY(list)->values[i], "connection");
        bool seen = false;
        for (size_t k = from; k < i && !seen; k++)
            seen = support_int_member(YAJL_GET_ARRAY(list)->values[k], "connection") == id;
        distinct += !seen;
    }
    return distinct;
}

/* True when request i came on a connection one of the requests [0, before) used. */
static bool on_an_earlier_connection(yajl_val st, size_t i, size_t before)
{
    yajl_val list = support_member(st, "requests");
    long long id = support_int_member(YAJL_GET_ARRAY(list)->values[i], "connection");
    for (size_t k = 0; k < before; k++)
        if (support_int_member(YAJL_GET_ARRAY(list)->values[k], "connection") == id)
            return true;
    return false;
}

/* BURST calls at once (the server holds every answer until all have
 * arrived, so each has its own connection); then at most `bound` stay open. */
static void burst_then_count(acr_client *c, size_t bound)
{
    char script[160];
    snprintf(script, sizeof script,
             "{\"name\": \"burst\", \"steps\": [{\"gather\": \"burst\", \"count\": %d}, {\"default\": true}]}",
             BURST);
    for (int i = 0; i < BURST; i++)
        add_script(script);
    static burst_call calls[BURST];
    pthread_t threads[BURST];
    for (int i = 0; i < BURST; i++) {
        calls[i].client = c;
        snprintf(calls[i].rid, sizeof calls[i].rid, "rid-%d", i);
        assert_int_equal(pthread_create(&threads[i], NULL, burst_worker, &calls[i]), 0);
    }
    for (int i = 0; i < BURST; i++)
        pthread_join(threads[i], NULL);
    for (int i = 0; i < BURST; i++)
        if (calls[i].status != ACR_OK)
            fail_msg("call %d: %s: %s", i, acr_status_name(calls[i].status), calls[i].message);
    /* Each call had a connection of its own. */
    yajl_val st = server_state();
    assert_int_equal(distinct_connections(st, 0, BURST), BURST);
    yajl_tree_free(st);
    /* The server notices a closed connection when it reads its end: poll
     * (bounded). The state request's own connection is open while counted. */
    long long open = 0;
    for (int i = 0; i < 500; i++) {
        open = state_count("open_connections", "main") - 1;
        if (open <= (long long)bound)
            break;
        pause_ms(10);
    }
    if (open > (long long)bound)
        fail_msg("%lld connections stay open after %d concurrent calls; the bound is %zu", open, BURST, bound);
}

static void test_idle_connections_bounded_after_burst(void **state)
{
    (void)state;
    acr_client_options o = options();
    o.log = NULL;
    /* Every call waits for the last one to arrive: slow under valgrind. */
    o.timeout_ms = 60000;
    acr_client *c = new_client(&o);
    burst_then_count(c, ACR_DEFAULT_MAX_IDLE_CONNECTIONS);
    /* The kept ones are reused: sequential calls open nothing new. */
    acr_error err = ACR_ERROR_INIT;
    for (int i = 0; i < 4; i++)
        assert_int_equal(update(c, RID, SID, &err), ACR_OK);
    yajl_val st = server_state();
    for (size_t i = BURST; i < BURST + 4; i++)
        assert_true(on_an_earlier_connection(st, i, BURST));
    yajl_tree_free(st);
    acr_error_clear(&err);
    acr_client_free(c);

    free(control("POST", "/__fault/reset", NULL));
    o.max_idle_connections = 4;
    c = new_client(&o);
    burst_then_count(c, 4);
    acr_client_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        /* First: nothing may have initialised libcurl before it. */
        cmocka_unit_test_setup_teardown(test_application_curl_after_acr_not_through_hooks, setup_untouched, teardown),
        cmocka_unit_test_setup_teardown(test_application_curl_first_keeps_working, setup, teardown),
        cmocka_unit_test_setup_teardown(test_status_line_in_a_header_is_not_the_status, setup, teardown),
        cmocka_unit_test_setup_teardown(test_status_line_in_a_trailer_is_not_the_status, setup, teardown),
        cmocka_unit_test_setup_teardown(test_plain_http_ignores_proxy_environment, setup, teardown),
        cmocka_unit_test_setup_teardown(test_https_proxy_from_environment_or_option, setup, teardown),
        cmocka_unit_test_setup_teardown(test_echoed_secrets_are_redacted, setup, teardown),
        cmocka_unit_test_setup_teardown(test_network_text_controls_escaped, setup, teardown),
        cmocka_unit_test_setup_teardown(test_freed_copies_of_secrets_are_wiped, setup, teardown),
        cmocka_unit_test_setup_teardown(test_idle_connections_bounded_after_burst, setup, teardown),
    };
    return cmocka_run_group_tests_name("transport_trust", tests, group_setup, group_teardown);
}
