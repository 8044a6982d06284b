/* acr runtime: the client: its options and credentials, libcurl's global
 * state, the share handle (DNS answers and TLS sessions, the only things the
 * client's loops share), and the pool of idle private loops blocking calls
 * run on. Each loop owns its connections: they are never shared between
 * threads. The calls themselves: transfer.c, loop.c, call.c. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <curl/curl.h>

#include "acr/alloc.h"
#include "acr/version.h"
#include "http.h"
#include "url.h"

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
    pthread_mutex_init(&c->pool_lock, NULL);
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
    /* User-Agent first, where libcurl puts CURLOPT_USERAGENT's: the same
     * bytes, without libcurl formatting that line again on every request. */
    static const char user_agent[] = "User-Agent: acr/" ACR_VERSION_STRING;
    const char *header_lines[] = {user_agent, "Content-Type: application/json",
                                  "Accept: application/json", "Expect:" /* no 100-continue round trip */};
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
        next = curl_slist_append(c->headers_no_body, i == 1 ? "Content-Type:" : header_lines[i]);
        ok = next != NULL;
        if (ok)
            c->headers_no_body = next;
    }
    /* The header lists are not sent to a proxy (libcurl's CURLHEADER_SEPARATE):
     * its CONNECT says who is calling through this one. */
    if (ok) {
        c->proxy_headers = curl_slist_append(NULL, user_agent);
        ok = c->proxy_headers != NULL;
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
    CURLcode configured = first ? acr_client_configure_handle(c, first) : CURLE_OUT_OF_MEMORY;
    if (first)
        curl_easy_cleanup(first);
    if (configured != CURLE_OK) {
        bool memory_failed = configured == CURLE_OUT_OF_MEMORY;
        acr_client_free(c);
        if (memory_failed)
            return acr_error_set(err, ACR_ERR_NOMEM, "out of memory (in libcurl)");
        return acr_error_set(err, ACR_ERR_USAGE, "libcurl refused one of the client's options");
    }
    *out = c;
    return ACR_OK;
}

static void prefix_free(acr_url_prefix_entry *e)
{
    if (e) {
        acr_free(e->template_head);
        acr_free(e->text);
        acr_free(e);
    }
}

void acr_client_free(acr_client *c)
{
    if (!c)
        return;
    /* Loops first (the application's must be freed already): their handles
     * use the share. */
    for (size_t i = 0; i < c->idle_loop_count; i++)
        (void)acr_loop_free(c->idle_loops[i]);
    acr_free(c->idle_loops);
    for (size_t i = 0; i < ACR_URL_PREFIX_SLOTS; i++) {
        prefix_free(atomic_load_explicit(&c->url_prefixes[i], memory_order_relaxed));
    }
    if (c->share)
        curl_share_cleanup(c->share);
    curl_slist_free_all(c->headers);
    curl_slist_free_all(c->headers_no_body);
    curl_slist_free_all(c->proxy_headers);
    /* No call runs when the client is freed: no recording's turn is held. */
    acr_turn_free_spare(c);
    pthread_mutex_destroy(&c->lock);
    pthread_mutex_destroy(&c->pool_lock);
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

/* CURLE_OK, or the first option libcurl refused (CURLE_OUT_OF_MEMORY: its own
 * allocation failed). */
CURLcode acr_client_configure_handle(acr_client *c, CURL *h)
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
    SET(CURLOPT_HEADERFUNCTION, acr_xfer_header_fn);
    SET(CURLOPT_WRITEFUNCTION, acr_xfer_body_fn);
    SET(CURLOPT_OPENSOCKETFUNCTION, acr_xfer_open_socket_fn);
#if LIBCURL_VERSION_NUM >= 0x075000 /* CURLOPT_PREREQFUNCTION: 7.80.0 */
    SET(CURLOPT_PREREQFUNCTION, acr_xfer_prereq_fn);
#endif
    SET(CURLOPT_CONNECTTIMEOUT_MS, c->connect_timeout_ms);
    SET(CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)c->max_response_bytes);
#if LIBCURL_VERSION_NUM >= 0x073600
    /* A proxy's CONNECT answer is not the service's: keep it out of on_header. */
    SET(CURLOPT_SUPPRESS_CONNECT_HEADERS, 1L);
#endif
#if LIBCURL_VERSION_NUM >= 0x072a00 /* headers kept from proxies by default: 7.42.0 */
    SET(CURLOPT_PROXYHEADER, c->proxy_headers);
#endif
    if (c->ca_file)
        SET(CURLOPT_CAINFO, c->ca_file);
#undef SET
    return code;
}

/* --- the pool of idle private loops (blocking calls) --- */

long long acr_now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

acr_loop *acr_client_take_loop(acr_client *c, acr_error *err)
{
    acr_loop *loop = NULL;
    pthread_mutex_lock(&c->pool_lock);
    if (c->idle_loop_count)
        loop = c->idle_loops[--c->idle_loop_count];
    pthread_mutex_unlock(&c->pool_lock);
    if (!loop && acr_loop_make(c, NULL, true, &loop, err) != ACR_OK)
        return NULL;
    return loop;
}

/* Keeps the loop (and its open connection) for the next call, unless
 * max_idle are kept already: then it is freed, so a burst of calls leaves at
 * most max_idle connections behind. */
void acr_client_give_loop(acr_client *c, acr_loop *loop)
{
    pthread_mutex_lock(&c->pool_lock);
    if (c->idle_loop_count == c->idle_loop_capacity && c->idle_loop_capacity < c->max_idle) {
        size_t capacity = c->idle_loop_capacity ? c->idle_loop_capacity * 2 : 4;
        if (capacity > c->max_idle)
            capacity = c->max_idle;
        acr_loop **grown = acr_realloc(c->idle_loops, capacity * sizeof *grown);
        if (grown) {
            c->idle_loops = grown;
            c->idle_loop_capacity = capacity;
        }
    }
    if (c->idle_loop_count < c->idle_loop_capacity) {
        c->idle_loops[c->idle_loop_count++] = loop;
        loop = NULL;
    }
    pthread_mutex_unlock(&c->pool_lock);
    (void)acr_loop_free(loop); /* could not keep it: fine, just no reuse (NULL: kept) */
}

static bool prefix_fits(const acr_url_prefix_entry *e, const acr_operation_desc *op)
{
    return e->op == op && e->path_template == op->path_template && e->params == op->params &&
           e->param_count == op->param_count && e->client_param == op->client_param &&
           strncmp(e->template_head, op->path_template, e->template_at) == 0;
}


const acr_url_prefix_entry *acr_client_url_prefix(acr_client *c, const acr_operation_desc *op)
{
    size_t i = 0;
    for (; i < ACR_URL_PREFIX_SLOTS; i++) {
        acr_url_prefix_entry *e = atomic_load_explicit(&c->url_prefixes[i], memory_order_acquire);
        if (!e)
            break;
        if (prefix_fits(e, op))
            return e;
    }
    if (i == ACR_URL_PREFIX_SLOTS || c->domain_count == 0)
        return NULL;
    acr_url_prefix_entry *made = acr_malloc(sizeof *made);
    if (!made)
        return NULL;
    made->op = op;
    made->path_template = op->path_template;
    made->params = op->params;
    made->param_count = op->param_count;
    made->client_param = op->client_param;
    made->template_head = NULL;
    made->text = acr_url_prefix(c->domains[0], op, c->app_id, &made->template_at);
    if (made->text)
        made->template_head = acr_copy_text(op->path_template, made->template_at);
    if (!made->template_head) {
        prefix_free(made);
        return NULL;
    }
    made->length = strlen(made->text);
    made->base_length = strlen(c->domains[0]);
    /* Another thread may have made it meanwhile: the first one kept wins. */
    acr_url_prefix_entry *found = NULL;
    pthread_mutex_lock(&c->pool_lock);
    for (i = 0; i < ACR_URL_PREFIX_SLOTS; i++) {
        acr_url_prefix_entry *e = atomic_load_explicit(&c->url_prefixes[i], memory_order_relaxed);
        if (!e) {
            atomic_store_explicit(&c->url_prefixes[i], made, memory_order_release);
            found = made;
            made = NULL;
            break;
        }
        if (prefix_fits(e, op)) {
            found = e;
            break;
        }
    }
    pthread_mutex_unlock(&c->pool_lock);
    prefix_free(made);
    return found;
}
