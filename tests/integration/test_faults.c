/* Fault injection: the C library against a loopback server that misbehaves on
 * purpose, byte by byte (tests/integration/fault_server.py, started through
 * mock_process.c and scripted per request through its /__fault/ control API).
 *
 * Each scenario ends in the right error category (and attempt count), within
 * an upper time bound, with no crash and no leak: valgrind and ASan check the
 * leaks in CI, and natively every allocation the library makes (yajl's
 * included; libcurl keeps its own allocator) goes through a counting allocator, so each scenario also
 * checks that the library holds no more blocks once its client is freed, and
 * how much memory a call needed at its peak (a 10 MB answer must not be
 * buffered). A table of the outcomes (scenario, category, attempts, elapsed
 * time, bound, detail) is printed at the end, one row per scenario.
 *
 * What test_client.c already checks against the service-like mock (each
 * answer the service gives, stalls, truncated_200, redirects to the mock, the
 * mock-driven retry cases) is not repeated here; the scenarios that look alike
 * differ in what they check: the raw bytes on the wire, a retrying client and
 * its attempt counts, time bounds, memory.
 *
 * Choices made here (and expected of the client):
 * - A complete HTTP answer whose JSON is cut short (Content-Length says the
 *   body is complete) is ACR_ERR_INVALID_RESPONSE: the exchange worked, the
 *   answer is wrong. A connection that ends before its framing says the answer
 *   is complete (reset in the headers or the body) is ACR_ERR_TRANSPORT.
 * - A 5 MB string: over the default 1 MiB cap it is ACR_ERR_INVALID_RESPONSE,
 *   found after about 1 MiB has arrived; with the cap raised to 8 MiB
 *   (acr_client_options.max_response_bytes) the same answer parses and the
 *   string comes back whole. Both are checked.
 * - Response headers larger than libcurl accepts (one header line over
 *   100 KiB): ACR_ERR_INVALID_RESPONSE (libcurl reports it as "out of memory",
 *   which is not what happened: the client tells the two apart).
 * - Duplicate keys: a known property given twice is ACR_ERR_INVALID_RESPONSE.
 *   (Unknown properties are skipped, so an unknown one given twice is not
 *   looked at.)
 * - Retries: every client here retries (3 attempts, 10 ms apart), so each
 *   scenario also shows whether the failure was retried: only when nothing was
 *   sent (refused, DNS, TLS handshake) or for 206/65, 429 and 504/62.
 *
 * Three styles, one ctest entry each (integration.faults.blocking, .poll,
 * .callback: the first argument picks it): every scenario runs its calls
 * through drivers.h, blocking (acr_call), async on a poll-style loop, or
 * async on a callback-style loop (epoll). The checks are the same for the
 * three: blocking and async calls share one transfer core, so they must end
 * the same way in every scenario. In the async styles a client's calls share
 * one loop (its keep-alive connections, like the blocking client's pool), and
 * the loop is freed before the client, so the leak check covers it. Every
 * scenario is possible in the three styles (none depends on a thread per
 * call), so none is skipped.
 *
 * Time: no elapsed time is checked (a loaded machine must not fail a test).
 * The table shows each call's time beside its expected bound (the call's own
 * timeout plus slack, scaled by ACR_FAULT_TIME_SCALE for valgrind and the
 * sanitizers), marking "[slow]" the ones over it: a figure to look at. Nothing here sleeps to make a result come out
 * right: the only waits are bounded polls for the fault server to finish a
 * script (it may still be writing into a connection the client has left). */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <curl/curl.h>

#include "drivers.h"
#include "mock_process.h"
#include "support.h"

#define APP "acr-fault-app"
#define CNAME "httpClient463224"
#define UID "527841"
#define RID "rid-f"
#define SID "sid-f"
#define CUSTOMER_ID "acr-fault-customer-5Tq1"
#define CUSTOMER_SECRET "acr-fault-secret-8Wd3"

#define MiB ((size_t)1 << 20)
#define UPDATE_PATH "/v1/apps/" APP "/cloud_recording/resourceid/" RID "/sid/" SID "/mode/individual/update"
#define UPDATE_OK "{\"cname\":\"" CNAME "\",\"uid\":\"" UID "\",\"resourceId\":\"" RID "\",\"sid\":\"" SID "\""

static mock_process server;
static int tls_port;
static int other_port;
static char other_host[64];
static double time_scale = 1.0;
static driver_style style = DRIVER_BLOCKING;
static driver calls; /* runs every call of a scenario in `style` */

/* --- time ------------------------------------------------------------------- */

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1000.0 + (double)t.tv_nsec / 1e6;
}

static void pause_ms(long ms)
{
    struct timespec t = {ms / 1000, (ms % 1000) * 1000000L};
    while (nanosleep(&t, &t) != 0 && errno == EINTR) {
    }
}

/* An upper bound: the call's own limit plus slack, the slack scaled for slow
 * runs (valgrind, sanitizers). */
static double bound(double limit_ms, double slack_ms)
{
    return limit_ms + slack_ms * time_scale;
}

/* --- a counting allocator: live blocks and peak bytes of the library ---------- */

typedef struct counting {
    pthread_mutex_t lock;
    size_t live_blocks;
    size_t live_bytes;
    size_t peak_bytes;
} counting;

static counting mem = {PTHREAD_MUTEX_INITIALIZER, 0, 0, 0};

#define HEADER 16 /* keeps max_align_t alignment */

static void *count_malloc(void *ctx, size_t size)
{
    counting *c = ctx;
    unsigned char *p = malloc(size + HEADER);
    if (!p)
        return NULL;
    memcpy(p, &size, sizeof size);
    pthread_mutex_lock(&c->lock);
    c->live_blocks++;
    c->live_bytes += size;
    if (c->live_bytes > c->peak_bytes)
        c->peak_bytes = c->live_bytes;
    pthread_mutex_unlock(&c->lock);
    return p + HEADER;
}

static void count_free(void *ctx, void *ptr)
{
    if (!ptr)
        return;
    counting *c = ctx;
    unsigned char *p = (unsigned char *)ptr - HEADER;
    size_t size;
    memcpy(&size, p, sizeof size);
    pthread_mutex_lock(&c->lock);
    c->live_blocks--;
    c->live_bytes -= size;
    pthread_mutex_unlock(&c->lock);
    free(p);
}

static void *count_realloc(void *ctx, void *ptr, size_t size)
{
    if (!ptr)
        return count_malloc(ctx, size);
    counting *c = ctx;
    unsigned char *p = (unsigned char *)ptr - HEADER;
    size_t old;
    memcpy(&old, p, sizeof old);
    unsigned char *q = realloc(p, size + HEADER);
    if (!q)
        return NULL;
    memcpy(q, &size, sizeof size);
    pthread_mutex_lock(&c->lock);
    c->live_bytes = c->live_bytes - old + size;
    if (c->live_bytes > c->peak_bytes)
        c->peak_bytes = c->live_bytes;
    pthread_mutex_unlock(&c->lock);
    return q + HEADER;
}

static size_t live_blocks(void)
{
    pthread_mutex_lock(&mem.lock);
    size_t n = mem.live_blocks;
    pthread_mutex_unlock(&mem.lock);
    return n;
}

/* Starts a peak measurement; returns the live bytes now. */
static size_t peak_start(void)
{
    pthread_mutex_lock(&mem.lock);
    mem.peak_bytes = mem.live_bytes;
    size_t n = mem.live_bytes;
    pthread_mutex_unlock(&mem.lock);
    return n;
}

static size_t peak_now(void)
{
    pthread_mutex_lock(&mem.lock);
    size_t n = mem.peak_bytes;
    pthread_mutex_unlock(&mem.lock);
    return n;
}

/* --- the result table ----------------------------------------------------------- */

typedef struct row {
    char name[48];
    char category[32];
    unsigned attempts;
    double elapsed_ms;
    double bound_ms;
    char detail[320];
    bool checked; /* every check of the scenario passed */
} row;

static row rows[64];
static size_t row_count;
static row *current;
static size_t blocks_before;

static void print_table(void)
{
    printf("\n%-36s %-20s %3s %8s %7s  %s\n", "scenario", "outcome", "att", "ms", "bound", "detail");
    for (size_t i = 0; i < 36 + 1 + 20 + 1 + 3 + 1 + 8 + 1 + 7 + 2 + 60; i++)
        putchar('-');
    putchar('\n');
    for (size_t i = 0; i < row_count; i++) {
        const row *r = &rows[i];
        printf("%-36s %-20s %3u %8.1f %7.0f  %s%s%s\n", r->name, r->category, r->attempts, r->elapsed_ms,
               r->bound_ms, r->checked ? "" : "[FAILED] ", r->elapsed_ms > r->bound_ms ? "[slow] " : "", r->detail);
    }
    printf("(%zu scenarios, %s calls; time scale %.1f)\n", row_count, driver_style_name(style), time_scale);
    fflush(stdout);
}

/* --- the fault server's control API -------------------------------------------- */

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

/* Waits (bounded) until no script is running at the server: it may still be
 * writing into a connection the client has left. Returns the state then. */
static yajl_val idle_state(void)
{
    double limit = bound(0, 15000);
    double t0 = now_ms();
    for (;;) {
        yajl_val st = server_state();
        if (support_int_member(st, "in_flight") == 0)
            return st;
        yajl_tree_free(st);
        if (now_ms() - t0 > limit)
            fail_msg("the fault server was still running a script after %.0f ms", limit);
        pause_ms(10);
    }
}

static yajl_val requests_of(yajl_val st)
{
    yajl_val list = support_member(st, "requests");
    assert_true(YAJL_IS_ARRAY(list));
    return list;
}

static size_t request_count(yajl_val st)
{
    return YAJL_GET_ARRAY(requests_of(st))->len;
}

static yajl_val request_at(yajl_val st, size_t i)
{
    yajl_val list = requests_of(st);
    assert_true(i < YAJL_GET_ARRAY(list)->len);
    return YAJL_GET_ARRAY(list)->values[i];
}

static long long connections(yajl_val st, const char *listener)
{
    return support_int_member(support_member(st, "connections"), listener);
}

/* --- scripts: built as JSON, the wire text escaped byte for byte ---------------- */

typedef struct text {
    char *data;
    size_t length;
    size_t capacity;
} text;

static text script_text;
static bool script_first_step;

static void text_reserve(text *t, size_t more)
{
    if (t->length + more + 1 <= t->capacity)
        return;
    size_t capacity = t->capacity ? t->capacity : 256;
    while (capacity < t->length + more + 1)
        capacity *= 2;
    char *grown = realloc(t->data, capacity);
    assert_non_null(grown);
    t->data = grown;
    t->capacity = capacity;
}

#if defined(__GNUC__) || defined(__clang__)
#define PRINTF_LIKE(f, a) __attribute__((format(printf, f, a)))
#else
#define PRINTF_LIKE(f, a)
#endif

static void text_add(text *t, const char *format, ...) PRINTF_LIKE(2, 3);
static void text_add(text *t, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    va_list again;
    va_copy(again, args);
    int n = vsnprintf(NULL, 0, format, args);
    va_end(args);
    assert_true(n >= 0);
    text_reserve(t, (size_t)n);
    vsnprintf(t->data + t->length, (size_t)n + 1, format, again);
    va_end(again);
    t->length += (size_t)n;
}

/* raw[0..n) as a JSON string whose code points 0-255 are the bytes (the server
 * encodes them as latin-1). */
static void text_add_wire(text *t, const char *raw, size_t n)
{
    text_reserve(t, n * 6 + 2);
    t->data[t->length++] = '"';
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)raw[i];
        if (c == '"' || c == '\\') {
            t->data[t->length++] = '\\';
            t->data[t->length++] = (char)c;
        } else if (c >= 0x20 && c < 0x7F) {
            t->data[t->length++] = (char)c;
        } else {
            t->length += (size_t)snprintf(t->data + t->length, 7, "\\u%04x", c);
        }
    }
    t->data[t->length++] = '"';
    t->data[t->length] = '\0';
}

static void script_begin(const char *name)
{
    script_text.length = 0;
    text_add(&script_text, "{\"name\": \"%s\", \"steps\": [", name);
    script_first_step = true;
}

static void step_open(void)
{
    if (!script_first_step)
        text_add(&script_text, ", ");
    script_first_step = false;
}

static void step_send_n(const char *raw, size_t n)
{
    step_open();
    text_add(&script_text, "{\"send\": ");
    text_add_wire(&script_text, raw, n);
    text_add(&script_text, "}");
}

static void step_send(const char *raw) { step_send_n(raw, strlen(raw)); }

static void step_repeat(const char *raw, size_t count)
{
    step_open();
    text_add(&script_text, "{\"repeat\": ");
    text_add_wire(&script_text, raw, strlen(raw));
    text_add(&script_text, ", \"count\": %zu}", count);
}

static void step_drip(const char *raw, int interval_ms)
{
    step_open();
    text_add(&script_text, "{\"drip\": ");
    text_add_wire(&script_text, raw, strlen(raw));
    text_add(&script_text, ", \"interval_ms\": %d}", interval_ms);
}

static void step_forever(const char *raw, int interval_ms)
{
    step_open();
    text_add(&script_text, "{\"forever\": ");
    text_add_wire(&script_text, raw, strlen(raw));
    text_add(&script_text, ", \"interval_ms\": %d}", interval_ms);
}

static void step_word(const char *word)
{
    step_open();
    text_add(&script_text, "{\"%s\": true}", word);
}

/* A complete answer with this status line, extra header lines ("" or lines
 * each ending in CRLF) and body, framed by Content-Length. */
static void step_http_n(const char *status_line, const char *headers, const char *body, size_t body_length)
{
    char head[512];
    snprintf(head, sizeof head, "%s\r\n%sContent-Length: %zu\r\n\r\n", status_line, headers, body_length);
    step_send(head);
    if (body_length)
        step_send_n(body, body_length);
}

static void step_http(const char *status_line, const char *headers, const char *body)
{
    step_http_n(status_line, headers, body, strlen(body));
}

static void script_end(void)
{
    text_add(&script_text, "]}");
    free(control("POST", "/__fault/script", script_text.data));
}

/* A whole script that answers with a JSON body and this status. */
static void script_json(const char *name, const char *status_line, const char *body)
{
    script_begin(name);
    step_http(status_line, "Content-Type: application/json\r\n", body);
    script_end();
}

/* --- clients and calls ------------------------------------------------------------ */

static const long BACKOFF[] = {10};
static char main_url[64];
static acr_client *client;

static acr_client_options options(void)
{
    acr_client_options o = {0};
    o.app_id = APP;
    o.customer_id = CUSTOMER_ID;
    o.customer_secret = CUSTOMER_SECRET;
    o.base_url = main_url;
    o.retry.max_attempts = 3;
    o.retry.backoff_ms = BACKOFF;
    o.retry.backoff_count = 1;
    o.retry.jitter_percent = -1;
    o.timeout_ms = (long)(5000 * time_scale);
    o.connect_timeout_ms = (long)(2000 * time_scale);
    return o;
}

/* The scenario's client (freed by the teardown, which then checks for leaks). */
static acr_client *use_client(const acr_client_options *o)
{
    assert_null(client);
    acr_error err = ACR_ERROR_INIT;
    if (acr_client_new(o, &client, &err) != ACR_OK)
        fail_msg("acr_client_new: %s", err.message);
    acr_error_clear(&err);
    return client;
}

static const char *const ALL_STREAMS[] = {"#allstream#"};

typedef struct outcome {
    acr_status status;
    acr_error err;
    double elapsed_ms;
    size_t peak_bytes; /* the most the library held during the call, above what it held before */
    acr_update_response update;
    acr_stop_response stop;
} outcome;

static void outcome_free(outcome *o)
{
    acr_update_response_free(&o->update);
    acr_stop_response_free(&o->stop);
    acr_error_clear(&o->err);
}

static void row_begin(const char *name)
{
    assert_true(row_count < sizeof rows / sizeof rows[0]);
    current = &rows[row_count++];
    memset(current, 0, sizeof *current);
    snprintf(current->name, sizeof current->name, "%s", name);
    snprintf(current->category, sizeof current->category, "(no call)");
}

/* Appends to the row's detail, cutting what does not fit. */
static void detail_append(const char *more)
{
    size_t n = strlen(current->detail), room = sizeof current->detail - 1 - n, k = strlen(more);
    if (k > room)
        k = room;
    memcpy(current->detail + n, more, k);
    current->detail[n + k] = '\0';
}

/* Fills the scenario's row from a call's outcome (before any check, so that a
 * failing scenario still shows what happened). */
static void row_note(const outcome *o, double bound_ms, const char *format, ...) PRINTF_LIKE(3, 4);
static void row_note(const outcome *o, double bound_ms, const char *format, ...)
{
    snprintf(current->category, sizeof current->category, "%s", acr_status_name(o->status));
    current->attempts = o->err.attempts;
    current->elapsed_ms = o->elapsed_ms;
    current->bound_ms = bound_ms;
    char extra[120] = "";
    if (format) {
        va_list args;
        va_start(args, format);
        vsnprintf(extra, sizeof extra, format, args);
        va_end(args);
    }
    current->detail[0] = '\0';
    if (o->err.http_status) {
        char status[24];
        snprintf(status, sizeof status, "[%d] ", o->err.http_status);
        detail_append(status);
    }
    detail_append(extra);
    detail_append(extra[0] ? "; " : "");
    detail_append(o->status == ACR_OK ? "ok" : o->err.message);
}

static void row_passed(void) { current->checked = true; }

static void update_call(outcome *o)
{
    memset(o, 0, sizeof *o);
    acr_update_request req = ACR_UPDATE_REQUEST_INIT;
    req.cname = CNAME;
    req.uid = UID;
    req.client_request.has_stream_subscribe = true;
    req.client_request.stream_subscribe.has_audio_uid_list = true;
    req.client_request.stream_subscribe.audio_uid_list.subscribe_audio_uids = ALL_STREAMS;
    req.client_request.stream_subscribe.audio_uid_list.subscribe_audio_uids_count = 1;
    const char *params[8];
    driver_params(&acr_update_operation, params, RID, SID, ACR_MODE_INDIVIDUAL);
    size_t base = peak_start();
    double t0 = now_ms();
    o->status = driver_call(&calls, client, &acr_update_operation, params, &req, &o->update, &o->err);
    o->elapsed_ms = now_ms() - t0;
    o->peak_bytes = peak_now() - base;
    if (calls.failed)
        fail_msg("%s", calls.why);
    assert_int_equal(o->err.status, o->status);
}

static void stop_call(outcome *o)
{
    memset(o, 0, sizeof *o);
    acr_stop_request req = ACR_STOP_REQUEST_INIT;
    req.cname = CNAME;
    req.uid = UID;
    req.client_request.has_async_stop = true;
    req.client_request.async_stop = true;
    const char *params[8];
    driver_params(&acr_stop_operation, params, RID, SID, ACR_MODE_INDIVIDUAL);
    size_t base = peak_start();
    double t0 = now_ms();
    o->status = driver_call(&calls, client, &acr_stop_operation, params, &req, &o->stop, &o->err);
    o->elapsed_ms = now_ms() - t0;
    o->peak_bytes = peak_now() - base;
    if (calls.failed)
        fail_msg("%s", calls.why);
    assert_int_equal(o->err.status, o->status);
}

/* The checks every scenario makes: category, attempts; no secret in the error.
 * bound_ms is the expected time, for the table only. */
static void expect(const outcome *o, acr_status status, unsigned attempts, double bound_ms)
{
    if (o->status != status)
        fail_msg("expected %s, got %s: %s", acr_status_name(status), acr_status_name(o->status), o->err.message);
    if (status != ACR_OK)
        assert_true(o->err.message[0] != '\0');
    if (o->err.attempts != attempts)
        fail_msg("expected %u attempt(s), got %u (%s)", attempts, o->err.attempts, o->err.message);
    (void)bound_ms; /* shown in the table, never checked */
    const char *secrets[] = {CUSTOMER_ID, CUSTOMER_SECRET};
    for (size_t i = 0; i < 2; i++) {
        assert_null(strstr(o->err.message, secrets[i]));
        if (o->err.reason)
            assert_null(strstr(o->err.reason, secrets[i]));
    }
}

static void expect_in_message(const outcome *o, const char *needle)
{
    if (!strstr(o->err.message, needle))
        fail_msg("\"%s\" is not in the error message: %s", needle, o->err.message);
}

/* The server saw exactly `n` service requests, on `listener`, each with the
 * credentials. Returns the (idle) state; yajl_tree_free() it. */
static yajl_val expect_requests(size_t n, const char *listener)
{
    yajl_val st = idle_state();
    if (request_count(st) != n)
        fail_msg("the fault server saw %zu service request(s), expected %zu", request_count(st), n);
    for (size_t i = 0; i < n; i++) {
        yajl_val r = request_at(st, i);
        assert_string_equal(support_string_member(r, "listener"), listener);
        assert_true(YAJL_IS_TRUE(support_member(r, "authorization")));
    }
    assert_int_equal(support_int_member(st, "pending"), 0); /* every scripted answer was used */
    return st;
}

/* A loopback port that refuses connections while *fd stays open. */
static unsigned short refusing_port(int *fd)
{
    *fd = socket(AF_INET, SOCK_STREAM, 0);
    assert_true(*fd >= 0);
    struct sockaddr_in addr;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    assert_int_equal(bind(*fd, (struct sockaddr *)&addr, sizeof addr), 0);
    socklen_t len = sizeof addr;
    assert_int_equal(getsockname(*fd, (struct sockaddr *)&addr, &len), 0);
    return ntohs(addr.sin_port);
}

/* --- certificates, made at test time with the openssl command ----------------------- */

static char cert_dir[128];
static char ca_file[192], server_cert[192], server_key[192];
static bool have_tls;
static const char *const cert_files[] = {"ca.pem", "ca.key", "server.pem", "server.key", "server.csr",
                                         "server.ext", "openssl.log"};

static int run_openssl(const char *const *args)
{
    char *argv[32];
    size_t n = 0;
    argv[n++] = (char *)(uintptr_t) "openssl";
    for (; args[n - 1] && n < 31; n++)
        argv[n] = (char *)(uintptr_t)args[n - 1];
    argv[n] = NULL;
    char log[192];
    snprintf(log, sizeof log, "%s/openssl.log", cert_dir);
    pid_t pid = fork();
    if (pid == 0) {
        int fd = open(log, O_WRONLY | O_CREAT | O_APPEND, 0600);
        if (fd >= 0) {
            dup2(fd, 1);
            dup2(fd, 2);
            close(fd);
        }
        execvp(argv[0], argv);
        _exit(127);
    }
    if (pid < 0)
        return -1;
    int status;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR)
            return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* A CA, and a server certificate it signed for 127.0.0.1 and localhost. */
static bool make_certificates(void)
{
    snprintf(cert_dir, sizeof cert_dir, "/tmp/acr-faults-XXXXXX");
    if (!mkdtemp(cert_dir)) {
        cert_dir[0] = '\0';
        return false;
    }
    char csr[192], ext[192];
    snprintf(ca_file, sizeof ca_file, "%s/ca.pem", cert_dir);
    char ca_key[192];
    snprintf(ca_key, sizeof ca_key, "%s/ca.key", cert_dir);
    snprintf(server_cert, sizeof server_cert, "%s/server.pem", cert_dir);
    snprintf(server_key, sizeof server_key, "%s/server.key", cert_dir);
    snprintf(csr, sizeof csr, "%s/server.csr", cert_dir);
    snprintf(ext, sizeof ext, "%s/server.ext", cert_dir);
    FILE *f = fopen(ext, "w");
    if (!f)
        return false;
    fputs("subjectAltName = IP:127.0.0.1, DNS:localhost\n"
          "basicConstraints = critical, CA:FALSE\n"
          "keyUsage = critical, digitalSignature\n"
          "extendedKeyUsage = serverAuth\n",
          f);
    fclose(f);
    const char *make_ca[] = {"req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                             "-keyout", ca_key, "-out", ca_file, "-days", "2", "-subj", "/CN=acr fault test CA",
                             NULL};
    const char *make_csr[] = {"req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                              "-keyout", server_key, "-out", csr, "-subj", "/CN=localhost", NULL};
    const char *sign[] = {"x509", "-req", "-in", csr, "-CA", ca_file, "-CAkey", ca_key, "-set_serial", "2",
                          "-days", "2", "-extfile", ext, "-out", server_cert, NULL};
    int a = run_openssl(make_ca);
    int b = a == 0 ? run_openssl(make_csr) : -1;
    int c = b == 0 ? run_openssl(sign) : -1;
    if (c != 0)
        fprintf(stderr, "test_faults: could not make certificates with the openssl command "
                        "(exit %d/%d/%d; is it installed? see %s/openssl.log)\n", a, b, c, cert_dir);
    return c == 0;
}

static void remove_certificates(void)
{
    if (!cert_dir[0])
        return;
    for (size_t i = 0; i < sizeof cert_files / sizeof cert_files[0]; i++) {
        char path[192];
        snprintf(path, sizeof path, "%s/%s", cert_dir, cert_files[i]);
        unlink(path);
    }
    rmdir(cert_dir);
    cert_dir[0] = '\0';
}

/* --- fixtures ------------------------------------------------------------------------ */

static acr_allocator counting_allocator = {count_malloc, count_realloc, count_free, &mem};

static int group_setup(void **state)
{
    (void)state;
    const char *scale = getenv("ACR_FAULT_TIME_SCALE");
    if (scale && atof(scale) >= 1.0)
        time_scale = atof(scale);
    /* Before any other acr call: yajl's allocations are counted too. */
    acr_set_allocator(&counting_allocator);
    have_tls = make_certificates();
    const char *tls_args[] = {"--tls-cert", server_cert, "--tls-key", server_key, NULL};
    if (mock_start_script(&server, ACR_FAULT_SERVER_SCRIPT, have_tls ? tls_args : NULL, 20000) != 0) {
        remove_certificates();
        return -1;
    }
    snprintf(main_url, sizeof main_url, "%s", server.base_url);
    /* libcurl is initialised by the first client: let it, before the control
     * API helper uses libcurl. */
    acr_client_options o = options();
    acr_client *c = NULL;
    acr_error err = ACR_ERROR_INIT;
    if (acr_client_new(&o, &c, &err) != ACR_OK) {
        fprintf(stderr, "acr_client_new: %s\n", err.message);
        mock_stop(&server);
        remove_certificates();
        return -1;
    }
    acr_client_free(c);
    char *answer = NULL;
    if (mock_request(&server, "GET", "/__fault/ports", NULL, &answer) != 200 || !answer) {
        free(answer);
        mock_stop(&server);
        remove_certificates();
        return -1;
    }
    char error[256];
    yajl_val ports = yajl_tree_parse(answer, error, sizeof error);
    free(answer);
    const char *tls_path[] = {"tls", NULL}, *other_path[] = {"other", NULL}, *host_path[] = {"other_host", NULL};
    yajl_val t = yajl_tree_get(ports, tls_path, yajl_t_number);
    yajl_val p = yajl_tree_get(ports, other_path, yajl_t_number);
    yajl_val h = yajl_tree_get(ports, host_path, yajl_t_string);
    if (!t || !p || !h) {
        yajl_tree_free(ports);
        mock_stop(&server);
        remove_certificates();
        return -1;
    }
    tls_port = (int)YAJL_GET_INTEGER(t);
    other_port = (int)YAJL_GET_INTEGER(p);
    snprintf(other_host, sizeof other_host, "%s", YAJL_GET_STRING(h));
    yajl_tree_free(ports);
    return 0;
}

static int group_teardown(void **state)
{
    (void)state;
    mock_stop(&server);
    remove_certificates();
    free(script_text.data);
    print_table();
    curl_global_cleanup(); /* balances the control helper's implicit curl_global_init */
    return 0;
}

static int setup(void **state)
{
    (void)state;
    yajl_tree_free(idle_state());
    free(control("POST", "/__fault/reset", NULL));
    blocks_before = live_blocks();
    return 0;
}

/* Frees the scenario's client, then: the library holds exactly the blocks it
 * held before the scenario (no leak, even natively). */
static int teardown(void **state)
{
    (void)state;
    if (!driver_release(&calls)) {
        fprintf(stderr, "%s: %s\n", current ? current->name : "?", calls.why);
        if (current)
            current->checked = false;
        driver_init(&calls, style);
        acr_client_free(client);
        client = NULL;
        return -1;
    }
    driver_init(&calls, style);
    acr_client_free(client);
    client = NULL;
    size_t after = live_blocks();
    if (after != blocks_before) {
        fprintf(stderr, "%s: the library holds %zu blocks after the scenario, %zu before\n",
                current ? current->name : "?", after, blocks_before);
        if (current)
            current->checked = false;
        return -1;
    }
    return 0;
}

/* === connecting ========================================================================= */

/* Nothing listens: nothing was sent, so every attempt is made. */
static void test_connection_refused(void **state)
{
    (void)state;
    row_begin("connection refused");
    int fd;
    char url[64];
    snprintf(url, sizeof url, "http://127.0.0.1:%u", (unsigned)refusing_port(&fd));
    acr_client_options o = options();
    o.base_url = url;
    use_client(&o);
    outcome r;
    update_call(&r);
    close(fd);
    double limit = bound(0, 2000);
    row_note(&r, limit, NULL);
    expect(&r, ACR_ERR_TRANSPORT, 3, limit);
    assert_int_equal(r.err.http_status, 0);
    outcome_free(&r);
    row_passed();
}

/* A name under .invalid (RFC 6761) never resolves: a transport error,
 * retried as "not sent" (3 attempts), bounded by the connect timeout. */
static void test_dns_failure(void **state)
{
    (void)state;
    row_begin("DNS failure (nonexistent.invalid)");
    acr_client_options o = options();
    o.base_url = "https://nonexistent.invalid";
    o.connect_timeout_ms = 2000;
    use_client(&o);
    outcome r;
    update_call(&r);
    double limit = bound(3 * 2000.0, 2000);
    row_note(&r, limit, NULL);
    expect(&r, ACR_ERR_TRANSPORT, 3, limit);
    assert_int_equal(r.err.http_status, 0);
    /* "Could not resolve host: nonexistent.invalid" where the resolver answers
     * at once; where it does not answer, the connect timeout ends each attempt. */
    if (!strstr(r.err.message, "nonexistent.invalid") && !strstr(r.err.message, "Resolving timed out"))
        fail_msg("not a resolver failure: %s", r.err.message);
    outcome_free(&r);
    yajl_tree_free(expect_requests(0, "main"));
    row_passed();
}

/* === broken connections and framing ========================================================== */

static acr_client *default_client(void)
{
    acr_client_options o = options();
    return use_client(&o);
}

/* The status line and half a header line, then RST. The request was sent: not retried. */
static void test_reset_during_headers(void **state)
{
    (void)state;
    row_begin("reset during headers");
    script_begin("reset-headers");
    step_send("HTTP/1.1 200 OK\r\nX-Request-ID: r1\r\nContent-Ty");
    step_word("reset");
    script_end();
    default_client();
    outcome r;
    update_call(&r);
    double limit = bound(0, 2000);
    row_note(&r, limit, NULL);
    expect(&r, ACR_ERR_TRANSPORT, 1, limit);
    outcome_free(&r);
    yajl_tree_free(expect_requests(1, "main"));
    row_passed();
}

/* Complete headers (Content-Length 200), 40 bytes of the body, then RST. */
static void test_reset_during_body(void **state)
{
    (void)state;
    row_begin("reset during the body");
    script_begin("reset-body");
    step_send("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n");
    step_send("{\"cname\":\"" CNAME "\",\"uid\":\"5278");
    step_word("reset");
    script_end();
    default_client();
    outcome r;
    update_call(&r);
    double limit = bound(0, 2000);
    row_note(&r, limit, NULL);
    expect(&r, ACR_ERR_TRANSPORT, 1, limit);
    assert_int_equal(r.err.http_status, 200);
    assert_null(r.update.uid); /* nothing half-parsed is left behind */
    outcome_free(&r);
    yajl_tree_free(expect_requests(1, "main"));
    row_passed();
}

/* Not HTTP at all (an SSH banner): libcurl refuses HTTP/0.9. */
static void test_not_http(void **state)
{
    (void)state;
    row_begin("not HTTP (SSH banner)");
    script_begin("not-http");
    step_send("SSH-2.0-OpenSSH_9.2p1\r\n");
    step_word("close");
    script_end();
    default_client();
    outcome r;
    update_call(&r);
    double limit = bound(0, 2000);
    row_note(&r, limit, NULL);
    expect(&r, ACR_ERR_TRANSPORT, 1, limit);
    outcome_free(&r);
    yajl_tree_free(expect_requests(1, "main"));
    row_passed();
}

/* One header line of 200 000 bytes: over libcurl's limit (100 KiB), which it
 * reports as CURLE_OUT_OF_MEMORY; after the request went out, the client
 * takes that for the server's answer being too large. */
static void test_header_too_large(void **state)
{
    (void)state;
    row_begin("one 200 kB header line");
    script_begin("huge-header");
    step_send("HTTP/1.1 200 OK\r\nX-Padding: ");
    step_repeat("a", 200000);
    step_send("\r\nContent-Length: 2\r\n\r\n{}");
    script_end();
    default_client();
    outcome r;
    update_call(&r);
    double limit = bound(0, 2000);
    row_note(&r, limit, NULL);
    expect(&r, ACR_ERR_INVALID_RESPONSE, 1, limit);
    outcome_free(&r);
    yajl_tree_free(expect_requests(1, "main"));
    row_passed();
}

/* === slow servers: the whole-call timeout holds while bytes keep arriving ====================== */

/* Headers that never end: a new header line every 20 ms. */
static void test_slowloris_headers(void **state)
{
    (void)state;
    row_begin("slowloris headers");
    script_begin("slowloris");
    step_send("HTTP/1.1 200 OK\r\n");
    step_forever("X-Slow: a\r\n", 20);
    script_end();
    acr_client_options o = options();
    o.timeout_ms = 1000;
    use_client(&o);
    outcome r;
    update_call(&r);
    double limit = bound(1000, 1500);
    row_note(&r, limit, NULL);
    expect(&r, ACR_ERR_TRANSPORT, 1, limit);
    expect_in_message(&r, "within 1000 ms");
    outcome_free(&r);
    yajl_val st = expect_requests(1, "main");
    assert_non_null(strstr(support_string_member(request_at(st, 0), "outcome"), "client left"));
    yajl_tree_free(st);
    row_passed();
}

/* The body one byte a second: 80 bytes would take 80 s; the 2.5 s timeout
 * ends the call although a byte arrives every second. */
static void test_one_byte_a_second(void **state)
{
    (void)state;
    row_begin("body at one byte a second");
    static const char body[] = UPDATE_OK ",\"padding\":\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"}";
    char head[160];
    snprintf(head, sizeof head, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %zu\r\n\r\n",
             strlen(body));
    script_begin("one-byte-a-second");
    step_send(head);
    step_drip(body, 1000);
    script_end();
    acr_client_options o = options();
    o.timeout_ms = 2500;
    use_client(&o);
    outcome r;
    update_call(&r);
    double limit = bound(2500, 1500);
    row_note(&r, limit, NULL);
    expect(&r, ACR_ERR_TRANSPORT, 1, limit);
    expect_in_message(&r, "within 2500 ms");
    assert_int_equal(r.err.http_status, 200);
    outcome_free(&r);
    yajl_val st = expect_requests(1, "main");
    long long sent = support_int_member(request_at(st, 0), "bytes_sent");
    assert_true(sent < (long long)(strlen(head) + strlen(body))); /* the call ended well before the body */
    char note[64];
    snprintf(note, sizeof note, " (body bytes sent: %lld of %zu)", sent - (long long)strlen(head), strlen(body));
    detail_append(note);
    yajl_tree_free(st);
    row_passed();
}

/* A whole, valid answer one byte at a time, 2 ms apart (headers and body):
 * every read holds a piece of a token, and the call still ends with the
 * answer parsed whole (in the async styles: across many turns of the loop). */
static void test_dripped_answer(void **state)
{
    (void)state;
    row_begin("whole answer, a byte every 2 ms");
    static const char body[] = UPDATE_OK "}";
    char answer[256];
    snprintf(answer, sizeof answer, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %zu\r\n\r\n%s",
             strlen(body), body);
    script_begin("dripped");
    step_drip(answer, 2);
    script_end();
    default_client();
    outcome r;
    update_call(&r);
    double limit = bound(2 * (double)strlen(answer), 2000);
    row_note(&r, limit, NULL);
    expect(&r, ACR_OK, 1, limit);
    assert_string_equal(r.update.cname, CNAME);
    assert_string_equal(r.update.uid, UID);
    assert_string_equal(r.update.resource_id, RID);
    assert_string_equal(r.update.sid, SID);
    outcome_free(&r);
    yajl_tree_free(expect_requests(1, "main"));
    row_passed();
}

/* A chunked body that never ends: a chunk of white space (valid between JSON
 * tokens) every 20 ms. */
static void test_endless_chunked_body(void **state)
{
    (void)state;
    row_begin("chunked body that never ends");
    script_begin("endless-chunked");
    step_send("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
              "10\r\n{\"cname\":\"abc\", \r\n");
    step_forever("1\r\n \r\n", 20);
    script_end();
    acr_client_options o = options();
    o.timeout_ms = 1000;
    use_client(&o);
    outcome r;
    update_call(&r);
    double limit = bound(1000, 1500);
    row_note(&r, limit, NULL);
    expect(&r, ACR_ERR_TRANSPORT, 1, limit);
    expect_in_message(&r, "within 1000 ms");
    outcome_free(&r);
    yajl_tree_free(expect_requests(1, "main"));
    row_passed();
}

/* === too much ============================================================================= */

/* 10 MB announced by Content-Length: refused on the headers, nothing read. */
static void test_10mb_body_content_length(void **state)
{
    (void)state;
    row_begin("10 MB body (Content-Length)");
    script_begin("10mb-content-length");
    step_send("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 10485760\r\n\r\n");
    step_send("{\"cname\":\"");
    step_repeat("a", 10485760 - 10);
    script_end();
    default_client();
    outcome r;
    update_call(&r);
    double limit = bound(0, 2000);
    row_note(&r, limit, "peak %zu kB", r.peak_bytes / 1024);
    expect(&r, ACR_ERR_INVALID_RESPONSE, 1, limit);
    expect_in_message(&r, "larger than 1048576 bytes");
    assert_true(r.peak_bytes < MiB); /* nothing of it was buffered */
    outcome_free(&r);
    yajl_val st = expect_requests(1, "main");
    assert_non_null(strstr(support_string_member(request_at(st, 0), "outcome"), "client left"));
    yajl_tree_free(st);
    row_passed();
}

/* 10 MB chunked (no length up front): refused once 1 MiB has arrived, and the
 * client held at most a couple of MiB meanwhile. */
static void test_10mb_body_chunked(void **state)
{
    (void)state;
    row_begin("10 MB body (chunked)");
    script_begin("10mb-chunked");
    step_send("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
              "a00000\r\n{\"cname\":\"");
    step_repeat("a", 10485760 - 10);
    step_send("\r\n0\r\n\r\n");
    script_end();
    default_client();
    outcome r;
    update_call(&r);
    double limit = bound(0, 3000);
    row_note(&r, limit, "peak %zu kB", r.peak_bytes / 1024);
    expect(&r, ACR_ERR_INVALID_RESPONSE, 1, limit);
    expect_in_message(&r, "larger than 1048576 bytes");
    assert_true(r.peak_bytes < 3 * MiB);
    outcome_free(&r);
    yajl_val st = expect_requests(1, "main");
    assert_non_null(strstr(support_string_member(request_at(st, 0), "outcome"), "client left"));
    yajl_tree_free(st);
    row_passed();
}

/* One 5 MB string, chunked, with the default 1 MiB cap: refused once the cap
 * is passed. */
static void test_5mb_string_over_cap(void **state)
{
    (void)state;
    row_begin("5 MB string, default cap");
    script_begin("5mb-string-chunked");
    step_send("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
              "50000a\r\n{\"cname\":\"");
    step_repeat("b", 5 * MiB);
    static const char tail[] = "\",\"uid\":\"" UID "\",\"resourceId\":\"" RID "\",\"sid\":\"" SID "\"}";
    char chunk[160];
    snprintf(chunk, sizeof chunk, "\r\n%zx\r\n%s\r\n0\r\n\r\n", strlen(tail), tail);
    step_send(chunk);
    script_end();
    default_client();
    outcome r;
    update_call(&r);
    double limit = bound(0, 3000);
    row_note(&r, limit, "peak %zu kB", r.peak_bytes / 1024);
    expect(&r, ACR_ERR_INVALID_RESPONSE, 1, limit);
    expect_in_message(&r, "larger than 1048576 bytes");
    assert_true(r.peak_bytes < 3 * MiB);
    outcome_free(&r);
    yajl_tree_free(expect_requests(1, "main"));
    row_passed();
}

/* The same string with max_response_bytes raised to 8 MiB: parsed, whole. */
static void test_5mb_string_cap_raised(void **state)
{
    (void)state;
    row_begin("5 MB string, cap raised to 8 MiB");
    size_t length = 5 * MiB;
    static const char tail[] = "\",\"uid\":\"" UID "\",\"resourceId\":\"" RID "\",\"sid\":\"" SID "\"}";
    char head[160];
    snprintf(head, sizeof head, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %zu\r\n\r\n",
             strlen("{\"cname\":\"") + length + strlen(tail));
    script_begin("5mb-string");
    step_send(head);
    step_send("{\"cname\":\"");
    step_repeat("b", length);
    step_send(tail);
    script_end();
    acr_client_options o = options();
    o.max_response_bytes = 8 * MiB;
    use_client(&o);
    outcome r;
    update_call(&r);
    double limit = bound(0, 5000);
    row_note(&r, limit, "peak %zu kB", r.peak_bytes / 1024);
    expect(&r, ACR_OK, 1, limit);
    assert_non_null(r.update.cname);
    assert_int_equal(strlen(r.update.cname), length);
    for (size_t i = 0; i < length; i++)
        if (r.update.cname[i] != 'b')
            fail_msg("cname[%zu] is 0x%02x", i, (unsigned char)r.update.cname[i]);
    assert_string_equal(r.update.sid, SID);
    outcome_free(&r);
    yajl_tree_free(expect_requests(1, "main"));
    row_passed();
}

/* === 200 answers that are not a valid response ===================================================== */

/* Complete HTTP (Content-Length says so), JSON cut in the middle of a string. */
static void test_truncated_json(void **state)
{
    (void)state;
    row_begin("truncated JSON, complete HTTP");
    script_json("truncated-json", "HTTP/1.1 200 OK", "{\"cname\":\"" CNAME "\",\"uid\":\"5278");
    default_client();
    outcome r;
    update_call(&r);
    double limit = bound(0, 2000);
    row_note(&r, limit, NULL);
    expect(&r, ACR_ERR_INVALID_RESPONSE, 1, limit);
    assert_int_equal(r.err.http_status, 0);
    outcome_free(&r);
    yajl_tree_free(expect_requests(1, "main"));
    row_passed();
}

/* No Content-Length, no chunks: the body ends when the connection closes, and
 * it is empty. */
static void test_empty_body_connection_close(void **state)
{
    (void)state;
    row_begin("empty 200 (close-delimited)");
    script_begin("empty-close");
    step_send("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n");
    step_word("close");
    script_end();
    default_client();
    outcome r;
    update_call(&r);
    double limit = bound(0, 2000);
    row_note(&r, limit, NULL);
    expect(&r, ACR_ERR_INVALID_RESPONSE, 1, limit);
    outcome_free(&r);
    yajl_tree_free(expect_requests(1, "main"));
    row_passed();
}

/* 500 with a 200 kB HTML page (beyond the error body's 64 KiB cap): the
 * status is what counts; not retried. */
static void test_500_html(void **state)
{
    (void)state;
    row_begin("500 with a 200 kB HTML page");
    static const char open[] = "<!DOCTYPE html><html><body>";
    static const char unit[] = "<p>Internal Server Error</p>\n"; /* 29 bytes */
    static const char close_tags[] = "</body></html>\n";
    size_t units = 200000 / (sizeof unit - 1);
    char head[160];
    snprintf(head, sizeof head, "HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/html\r\nContent-Length: %zu\r\n\r\n",
             strlen(open) + units * strlen(unit) + strlen(close_tags));
    script_begin("500-html");
    step_send(head);
    step_send(open);
    step_repeat(unit, units);
    step_send(close_tags);
    script_end();
    default_client();
    outcome r;
    update_call(&r);
    double limit = bound(0, 2000);
    row_note(&r, limit, NULL);
    expect(&r, ACR_ERR_HTTP, 1, limit);
    assert_int_equal(r.err.http_status, 500);
    assert_false(r.err.has_service_code);
    assert_null(r.err.reason);
    outcome_free(&r);
    yajl_tree_free(expect_requests(1, "main"));
    row_passed();
}

static void test_200_not_json(void **state)
{
    (void)state;
    row_begin("200 with text/plain \"OK\"");
    script_begin("200-text");
    step_http("HTTP/1.1 200 OK", "Content-Type: text/plain\r\n", "OK\n");
    script_end();
    default_client();
    outcome r;
    update_call(&r);
    double limit = bound(0, 2000);
    row_note(&r, limit, NULL);
    expect(&r, ACR_ERR_INVALID_RESPONSE, 1, limit);
    outcome_free(&r);
    yajl_tree_free(expect_requests(1, "main"));
    row_passed();
}

/* A stop answer whose serverResponse is a string, not an object. */
static void test_200_wrong_types(void **state)
{
    (void)state;
    row_begin("200 with wrong types (stop)");
    script_json("wrong-types", "HTTP/1.1 200 OK", UPDATE_OK ",\"serverResponse\":\"uploaded\"}");
    default_client();
    outcome r;
    stop_call(&r);
    double limit = bound(0, 2000);
    row_note(&r, limit, "pointer %s", r.err.pointer ? r.err.pointer : "(none)");
    expect(&r, ACR_ERR_INVALID_RESPONSE, 1, limit);
    assert_non_null(r.err.pointer);
    assert_string_equal(r.err.pointer, "/serverResponse");
    assert_false(r.stop.has_server_response);
    outcome_free(&r);
    yajl_tree_free(expect_requests(1, "main"));
    row_passed();
}

/* 100 000 nested arrays under a property the client does not know (so it
 * would skip them): the depth limit still holds, and nothing recurses. */
static void test_nesting_arrays(void **state)
{
    (void)state;
    row_begin("100 000 nested arrays (skipped key)");
    size_t depth = 100000;
    char head[160];
    snprintf(head, sizeof head, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %zu\r\n\r\n",
             strlen(UPDATE_OK ",\"x\":") + 2 * depth + 1);
    script_begin("nesting-arrays");
    step_send(head);
    step_send(UPDATE_OK ",\"x\":");
    step_repeat("[", depth);
    step_repeat("]", depth);
    step_send("}");
    script_end();
    default_client();
    outcome r;
    update_call(&r);
    double limit = bound(0, 2000);
    row_note(&r, limit, NULL);
    expect(&r, ACR_ERR_INVALID_RESPONSE, 1, limit);
    expect_in_message(&r, "nesting deeper than");
    outcome_free(&r);
    yajl_tree_free(expect_requests(1, "main"));
    row_passed();
}

/* 100 000 nested objects inside a known object (serverResponse), chunked. */
static void test_nesting_objects(void **state)
{
    (void)state;
    row_begin("100 000 nested objects (chunked)");
    size_t depth = 100000;
    script_begin("nesting-objects");
    step_send("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
    char chunk[160];
    snprintf(chunk, sizeof chunk, "%zx\r\n%s", strlen(UPDATE_OK ",\"serverResponse\":"), UPDATE_OK ",\"serverResponse\":");
    step_send(chunk);
    step_send("\r\n");
    /* {"a": x depth, 1}, } x (depth - 1), and the } of the whole answer */
    snprintf(chunk, sizeof chunk, "%zx\r\n", 6 * depth + 2);
    step_send(chunk);
    step_repeat("{\"a\":", depth);
    step_send("1}");
    step_repeat("}", depth - 1);
    step_send("}");
    step_send("\r\n0\r\n\r\n");
    script_end();
    default_client();
    outcome r;
    stop_call(&r);
    double limit = bound(0, 2000);
    row_note(&r, limit, NULL);
    expect(&r, ACR_ERR_INVALID_RESPONSE, 1, limit);
    expect_in_message(&r, "nesting deeper than");
    outcome_free(&r);
    yajl_tree_free(expect_requests(1, "main"));
    row_passed();
}

/* Bytes that are not UTF-8 at all (FF FE) in a string the client keeps. */
static void test_invalid_utf8(void **state)
{
    (void)state;
    row_begin("invalid UTF-8 (FF FE) in cname");
    script_json("invalid-utf8", "HTTP/1.1 200 OK",
                "{\"cname\":\"ab\xff\xfe\",\"uid\":\"" UID "\",\"resourceId\":\"" RID "\",\"sid\":\"" SID "\"}");
    default_client();
    outcome r;
    update_call(&r);
    double limit = bound(0, 2000);
    row_note(&r, limit, NULL);
    expect(&r, ACR_ERR_INVALID_RESPONSE, 1, limit);
    outcome_free(&r);
    yajl_tree_free(expect_requests(1, "main"));
    row_passed();
}

/* An overlong encoding of "/" (C0 AF), which yajl lets through: the client's
 * own check refuses it. */
static void test_overlong_utf8(void **state)
{
    (void)state;
    row_begin("overlong UTF-8 (C0 AF) in sid");
    script_json("overlong-utf8", "HTTP/1.1 200 OK",
                "{\"cname\":\"" CNAME "\",\"uid\":\"" UID "\",\"resourceId\":\"" RID "\",\"sid\":\"a\xc0\xaf\"}");
    default_client();
    outcome r;
    update_call(&r);
    double limit = bound(0, 2000);
    row_note(&r, limit, "pointer %s", r.err.pointer ? r.err.pointer : "(none)");
    expect(&r, ACR_ERR_INVALID_RESPONSE, 1, limit);
    assert_non_null(r.err.pointer);
    assert_string_equal(r.err.pointer, "/sid");
    outcome_free(&r);
    yajl_tree_free(expect_requests(1, "main"));
    row_passed();
}

/* Invalid UTF-8 in a property the client skips: still not a JSON text. */
static void test_invalid_utf8_skipped(void **state)
{
    (void)state;
    row_begin("invalid UTF-8 in a skipped key");
    script_json("invalid-utf8-skipped", "HTTP/1.1 200 OK", UPDATE_OK ",\"future\":\"\xff\"}");
    default_client();
    outcome r;
    update_call(&r);
    double limit = bound(0, 2000);
    row_note(&r, limit, NULL);
    expect(&r, ACR_ERR_INVALID_RESPONSE, 1, limit);
    outcome_free(&r);
    yajl_tree_free(expect_requests(1, "main"));
    row_passed();
}

static void test_duplicate_keys(void **state)
{
    (void)state;
    row_begin("duplicate key (sid twice)");
    script_json("duplicate-keys", "HTTP/1.1 200 OK", UPDATE_OK ",\"sid\":\"other-sid\"}");
    default_client();
    outcome r;
    update_call(&r);
    double limit = bound(0, 2000);
    row_note(&r, limit, "pointer %s", r.err.pointer ? r.err.pointer : "(none)");
    expect(&r, ACR_ERR_INVALID_RESPONSE, 1, limit);
    assert_non_null(r.err.pointer);
    assert_string_equal(r.err.pointer, "/sid");
    outcome_free(&r);
    yajl_tree_free(expect_requests(1, "main"));
    row_passed();
}

/* A 100 Continue (not asked for) before the real answer: skipped. */
static void test_interim_100_continue(void **state)
{
    (void)state;
    row_begin("100 Continue, then 200");
    script_begin("100-continue");
    step_send("HTTP/1.1 100 Continue\r\nX-Request-ID: interim\r\n\r\n");
    step_word("default");
    script_end();
    default_client();
    outcome r;
    update_call(&r);
    double limit = bound(0, 2000);
    row_note(&r, limit, NULL);
    expect(&r, ACR_OK, 1, limit);
    assert_string_equal(r.update.sid, SID);
    outcome_free(&r);
    yajl_tree_free(expect_requests(1, "main"));
    row_passed();
}

/* === TLS ==================================================================================== */

static void require_tls(void)
{
    if (!have_tls)
        fail_msg("no certificates: the openssl command failed or is missing (Debian: apt-get install openssl)");
}

/* A certificate signed by a CA the client does not trust (the system's
 * bundle): the handshake fails, no request reaches the handler. Nothing was
 * sent, so it is retried like a refused connection (3 attempts). */
static void test_tls_untrusted(void **state)
{
    (void)state;
    row_begin("TLS, untrusted certificate");
    require_tls();
    char url[64];
    snprintf(url, sizeof url, "https://127.0.0.1:%d", tls_port);
    acr_client_options o = options();
    o.base_url = url;
    use_client(&o);
    outcome r;
    update_call(&r);
    double limit = bound(0, 3000);
    row_note(&r, limit, NULL);
    /* Not retried: another try would meet the same certificate. */
    expect(&r, ACR_ERR_TRANSPORT, 1, limit);
    assert_int_equal(r.err.http_status, 0);
    outcome_free(&r);
    yajl_val st = expect_requests(0, "tls");
    assert_int_equal(connections(st, "tls"), 1);
    assert_int_equal(support_int_member(st, "tls_handshake_failures"), 1);
    yajl_tree_free(st);
    row_passed();
}

/* The same server with its CA given as acr_client_options.ca_file: accepted. */
static void test_tls_trusted_ca_file(void **state)
{
    (void)state;
    row_begin("TLS, CA given as ca_file");
    require_tls();
    char url[64];
    snprintf(url, sizeof url, "https://127.0.0.1:%d", tls_port);
    acr_client_options o = options();
    o.base_url = url;
    o.ca_file = ca_file;
    use_client(&o);
    outcome r;
    update_call(&r);
    double limit = bound(0, 3000);
    row_note(&r, limit, NULL);
    expect(&r, ACR_OK, 1, limit);
    assert_string_equal(r.update.resource_id, RID);
    outcome_free(&r);
    yajl_val st = expect_requests(1, "tls");
    assert_int_equal(support_int_member(st, "tls_handshake_failures"), 0);
    assert_string_equal(support_string_member(request_at(st, 0), "path"), UPDATE_PATH);
    yajl_tree_free(st);
    row_passed();
}

/* === redirects ================================================================================= */

/* A 307 (which keeps the method and body) to another host: not followed, and
 * that host sees nothing at all, so the credentials cannot reach it. */
static void test_redirect_other_host(void **state)
{
    (void)state;
    row_begin("307 redirect to another host");
    char headers[256];
    snprintf(headers, sizeof headers, "Location: http://%s:%d" UPDATE_PATH "\r\n", other_host, other_port);
    script_begin("redirect");
    step_http("HTTP/1.1 307 Temporary Redirect", headers, "");
    script_end();
    default_client();
    outcome r;
    update_call(&r);
    double limit = bound(0, 2000);
    row_note(&r, limit, "to %s:%d", other_host, other_port);
    expect(&r, ACR_ERR_HTTP, 1, limit);
    assert_int_equal(r.err.http_status, 307);
    expect_in_message(&r, "redirects are never followed");
    outcome_free(&r);
    if (!driver_release(&calls)) /* the loop goes before its client */
        fail_msg("%s", calls.why);
    driver_init(&calls, style);
    acr_client_free(client); /* a follow-up connection, if any, has happened by now */
    client = NULL;
    yajl_val st = expect_requests(1, "main");
    assert_int_equal(connections(st, "other"), 0);
    assert_int_equal(support_int_member(st, "other_bytes"), 0);
    yajl_tree_free(st);
    row_passed();
}

/* === retries ===================================================================================== */

static void test_206_65_then_success(void **state)
{
    (void)state;
    row_begin("206/65, then 200 (retried)");
    script_json("206-65", "HTTP/1.1 206 Partial Content", "{\"code\":65,\"reason\":\"request not completed\"}");
    default_client();
    outcome r;
    update_call(&r);
    double limit = bound(10, 2000);
    row_note(&r, limit, NULL);
    expect(&r, ACR_OK, 2, limit);
    assert_string_equal(r.update.sid, SID);
    outcome_free(&r);
    yajl_tree_free(expect_requests(2, "main"));
    row_passed();
}

static void test_429_three_times(void **state)
{
    (void)state;
    row_begin("429 three times (gives up)");
    for (int i = 0; i < 3; i++)
        script_json("429", "HTTP/1.1 429 Too Many Requests", "{\"message\":\"API rate limit exceeded\"}");
    default_client();
    outcome r;
    update_call(&r);
    double limit = bound(20, 2000);
    row_note(&r, limit, NULL);
    expect(&r, ACR_ERR_HTTP, 3, limit);
    assert_int_equal(r.err.http_status, 429);
    assert_false(r.err.has_service_code);
    assert_non_null(r.err.reason);
    assert_string_equal(r.err.reason, "API rate limit exceeded");
    outcome_free(&r);
    yajl_tree_free(expect_requests(3, "main"));
    row_passed();
}

static void test_504_62_then_success(void **state)
{
    (void)state;
    row_begin("504/62 twice, then 200 (retried)");
    for (int i = 0; i < 2; i++)
        script_json("504-62", "HTTP/1.1 504 Gateway Timeout", "{\"code\":62,\"reason\":\"request timeout\"}");
    default_client();
    outcome r;
    update_call(&r);
    double limit = bound(20, 2000);
    row_note(&r, limit, NULL);
    expect(&r, ACR_OK, 3, limit);
    assert_false(r.err.has_service_code); /* nothing left over from the failed attempts */
    assert_null(r.err.reason);
    outcome_free(&r);
    yajl_tree_free(expect_requests(3, "main"));
    row_passed();
}

/* === one clock per call: attempts and back-offs (in the async styles, timers of the loop) ========== */

/* The server saw n service requests (scripts may be left over). */
static void expect_request_count(size_t n)
{
    yajl_val st = idle_state();
    if (request_count(st) != n)
        fail_msg("the fault server saw %zu service request(s), expected %zu", request_count(st), n);
    yajl_tree_free(st);
}

/* Each 429 takes about 8 intervals to arrive; the call's limit is 12: the
 * first attempt gets its answer, the second runs out of time. */
static void test_timeout_bounds_all_attempts(void **state)
{
    (void)state;
    row_begin("timeout spans the attempts");
    int interval = (int)(100 * time_scale);
    for (int i = 0; i < 4; i++) {
        script_begin("slow-429");
        step_send("HTTP/1.1 429 Too ");
        step_drip("Many Req", interval);
        step_send("uests\r\nContent-Length: 2\r\n\r\n{}");
        script_end();
    }
    static const long backoff[] = {1};
    acr_client_options o = options();
    o.retry.max_attempts = 4;
    o.retry.backoff_ms = backoff;
    o.retry.backoff_count = 1;
    o.timeout_ms = 12L * interval;
    use_client(&o);
    outcome r;
    update_call(&r);
    double limit = bound((double)o.timeout_ms, 1500);
    row_note(&r, limit, NULL);
    expect(&r, ACR_ERR_TRANSPORT, 2, limit);
    expect_in_message(&r, "no complete answer within");
    outcome_free(&r);
    expect_request_count(2);
    row_passed();
}

/* A back-off that would end past the limit is not waited for: the call
 * returns the last answer, having made the attempts the limit allows. */
static void test_backoff_past_the_limit(void **state)
{
    (void)state;
    row_begin("back-off past the limit: last answer");
    for (int i = 0; i < 3; i++)
        script_json("206-65", "HTTP/1.1 206 Partial Content", "{\"code\":65,\"reason\":\"jitter\"}");
    const long backoff[] = {1, (long)(6000 * time_scale)};
    acr_client_options o = options();
    o.retry.max_attempts = 3;
    o.retry.backoff_ms = backoff;
    o.retry.backoff_count = 2;
    o.timeout_ms = (long)(3000 * time_scale);
    use_client(&o);
    outcome r;
    update_call(&r);
    double limit = bound(0, 2000);
    row_note(&r, limit, NULL);
    expect(&r, ACR_ERR_HTTP, 2, limit);
    assert_int_equal(r.err.http_status, 206);
    assert_true(r.err.has_service_code);
    assert_int_equal(r.err.service_code, 65);
    outcome_free(&r);
    expect_request_count(2);
    row_passed();
}

/* retry.deadline_ms and timeout_ms are one clock: the shorter rules. */
static void test_deadline_shorter_than_timeout(void **state)
{
    (void)state;
    row_begin("deadline_ms shorter than timeout");
    for (int i = 0; i < 3; i++)
        script_json("206-65", "HTTP/1.1 206 Partial Content", "{\"code\":65,\"reason\":\"jitter\"}");
    const long backoff[] = {1, (long)(6000 * time_scale)};
    acr_client_options o = options();
    o.retry.max_attempts = 3;
    o.retry.backoff_ms = backoff;
    o.retry.backoff_count = 2;
    o.timeout_ms = (long)(60000 * time_scale);
    o.retry.deadline_ms = (long)(3000 * time_scale);
    use_client(&o);
    outcome r;
    update_call(&r);
    double limit = bound(0, 2000);
    row_note(&r, limit, NULL);
    expect(&r, ACR_ERR_HTTP, 2, limit);
    assert_int_equal(r.err.http_status, 206);
    outcome_free(&r);
    expect_request_count(2);
    row_passed();
}

/* A call waiting behind another update of the same recording ends when its
 * own limit passes (nothing sent), instead of waiting as long as the other
 * call takes. The first call holds its turn in its own log callback (on the
 * loop's thread in the async styles), which runs the second call, in the same
 * style on the same client, on another thread and waits for it. */
typedef struct second_call {
    acr_status status;
    acr_error err;
    bool started;
    char failure[512];          /* the driver's own, if any */
} second_call;

static second_call second;

static void *run_second(void *arg)
{
    (void)arg;
    driver d;
    driver_init(&d, style);
    acr_update_request req = ACR_UPDATE_REQUEST_INIT;
    req.cname = CNAME;
    req.uid = UID;
    req.client_request.has_stream_subscribe = true;
    req.client_request.stream_subscribe.has_audio_uid_list = true;
    req.client_request.stream_subscribe.audio_uid_list.subscribe_audio_uids = ALL_STREAMS;
    req.client_request.stream_subscribe.audio_uid_list.subscribe_audio_uids_count = 1;
    const char *params[8];
    driver_params(&acr_update_operation, params, RID, SID, ACR_MODE_INDIVIDUAL);
    acr_update_response response = ACR_UPDATE_RESPONSE_INIT;
    second.status = driver_call(&d, client, &acr_update_operation, params, &req, &response, &second.err);
    acr_update_response_free(&response);
    if (!driver_release(&d))
        snprintf(second.failure, sizeof second.failure, "%s", d.why);
    return NULL;
}

static void start_second_and_wait(void *ctx, const char *line)
{
    (void)ctx;
    if (second.started || !strstr(line, " -> 200 ("))
        return;
    second.started = true;
    pthread_t thread;
    if (pthread_create(&thread, NULL, run_second, NULL) != 0 || pthread_join(thread, NULL) != 0)
        snprintf(second.failure, sizeof second.failure, "could not run the second call's thread");
}

static void test_waiting_for_the_turn_counts(void **state)
{
    (void)state;
    row_begin("waiting for the turn counts");
    memset(&second, 0, sizeof second);
    acr_client_options o = options();
    o.retry.disabled = 1;
    o.timeout_ms = (long)(500 * time_scale);
    o.log = start_second_and_wait;
    use_client(&o);
    outcome r;
    update_call(&r);
    double limit = bound((double)o.timeout_ms, 2000);
    row_note(&r, limit, "second call: %s, %u attempts", acr_status_name(second.status), second.err.attempts);
    expect(&r, ACR_OK, 1, limit);
    outcome_free(&r);
    if (second.failure[0])
        fail_msg("second call: %s", second.failure);
    assert_true(second.started);
    if (second.status != ACR_ERR_TRANSPORT)
        fail_msg("second call: expected transport error, got %s: %s", acr_status_name(second.status),
                 second.err.message);
    assert_int_equal(second.err.attempts, 0);
    if (!strstr(second.err.message, "another call for the same recording"))
        fail_msg("second call: %s", second.err.message);
    acr_error_clear(&second.err);
    expect_request_count(1); /* the second call sent nothing */
    row_passed();
}

/* A stop that the server acts on and then closes without answering, on a
 * fresh connection: the request was sent, so the client does not retry it
 * (it may have stopped the recording) and says so as a transport error. */
static void test_stop_closed_after_processing(void **state)
{
    (void)state;
    row_begin("stop: closed after processing");
    script_begin("close-after-processing");
    step_word("close");
    script_end();
    default_client();
    outcome r;
    stop_call(&r);
    double limit = bound(0, 2000);
    row_note(&r, limit, NULL);
    expect(&r, ACR_ERR_TRANSPORT, 1, limit);
    assert_int_equal(r.err.http_status, 0);
    outcome_free(&r);
    yajl_tree_free(expect_requests(1, "main"));
    row_passed();
}

/* The same on a reused keep-alive connection: libcurl sends the stop again on
 * a fresh one, which answers 400/49 (already stopped): the first one most
 * likely worked, ACR_ERR_MAY_HAVE_SUCCEEDED. */
static void test_stop_closed_then_400_49(void **state)
{
    (void)state;
    row_begin("stop: closed, resent, 400/49");
    default_client();
    outcome r;
    update_call(&r); /* opens the keep-alive connection */
    expect(&r, ACR_OK, 1, bound(0, 2000));
    outcome_free(&r);
    script_begin("close-after-processing");
    step_word("close");
    script_end();
    script_json("400-49", "HTTP/1.1 400 Bad Request", "{\"code\":49,\"reason\":\"invalid operation\"}");
    stop_call(&r);
    double limit = bound(0, 2000);
    row_note(&r, limit, NULL);
    expect(&r, ACR_ERR_MAY_HAVE_SUCCEEDED, 2, limit); /* libcurl's re-send counts */
    assert_int_equal(r.err.http_status, 400);
    assert_true(r.err.has_service_code);
    assert_int_equal(r.err.service_code, 49);
    outcome_free(&r);
    yajl_val st = expect_requests(3, "main");
    assert_int_equal(support_int_member(request_at(st, 0), "connection"), support_int_member(request_at(st, 1), "connection"));
    assert_true(support_int_member(request_at(st, 1), "connection") != support_int_member(request_at(st, 2), "connection"));
    yajl_tree_free(st);
    row_passed();
}

/* argv[1]: the style of the calls (blocking, poll, callback); blocking when absent. */
int main(int argc, char **argv)
{
    if (argc > 1 && !driver_style_parse(argv[1], &style)) {
        fprintf(stderr, "usage: %s [blocking|poll|callback]\n", argv[0]);
        return 2;
    }
    driver_init(&calls, style);
    char group[64];
    snprintf(group, sizeof group, "fault injection (%s calls)", driver_style_name(style));
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_connection_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(test_dns_failure, setup, teardown),
        cmocka_unit_test_setup_teardown(test_reset_during_headers, setup, teardown),
        cmocka_unit_test_setup_teardown(test_reset_during_body, setup, teardown),
        cmocka_unit_test_setup_teardown(test_not_http, setup, teardown),
        cmocka_unit_test_setup_teardown(test_header_too_large, setup, teardown),
        cmocka_unit_test_setup_teardown(test_slowloris_headers, setup, teardown),
        cmocka_unit_test_setup_teardown(test_one_byte_a_second, setup, teardown),
        cmocka_unit_test_setup_teardown(test_dripped_answer, setup, teardown),
        cmocka_unit_test_setup_teardown(test_endless_chunked_body, setup, teardown),
        cmocka_unit_test_setup_teardown(test_10mb_body_content_length, setup, teardown),
        cmocka_unit_test_setup_teardown(test_10mb_body_chunked, setup, teardown),
        cmocka_unit_test_setup_teardown(test_5mb_string_over_cap, setup, teardown),
        cmocka_unit_test_setup_teardown(test_5mb_string_cap_raised, setup, teardown),
        cmocka_unit_test_setup_teardown(test_truncated_json, setup, teardown),
        cmocka_unit_test_setup_teardown(test_empty_body_connection_close, setup, teardown),
        cmocka_unit_test_setup_teardown(test_500_html, setup, teardown),
        cmocka_unit_test_setup_teardown(test_200_not_json, setup, teardown),
        cmocka_unit_test_setup_teardown(test_200_wrong_types, setup, teardown),
        cmocka_unit_test_setup_teardown(test_nesting_arrays, setup, teardown),
        cmocka_unit_test_setup_teardown(test_nesting_objects, setup, teardown),
        cmocka_unit_test_setup_teardown(test_invalid_utf8, setup, teardown),
        cmocka_unit_test_setup_teardown(test_overlong_utf8, setup, teardown),
        cmocka_unit_test_setup_teardown(test_invalid_utf8_skipped, setup, teardown),
        cmocka_unit_test_setup_teardown(test_duplicate_keys, setup, teardown),
        cmocka_unit_test_setup_teardown(test_interim_100_continue, setup, teardown),
        cmocka_unit_test_setup_teardown(test_tls_untrusted, setup, teardown),
        cmocka_unit_test_setup_teardown(test_tls_trusted_ca_file, setup, teardown),
        cmocka_unit_test_setup_teardown(test_redirect_other_host, setup, teardown),
        cmocka_unit_test_setup_teardown(test_206_65_then_success, setup, teardown),
        cmocka_unit_test_setup_teardown(test_429_three_times, setup, teardown),
        cmocka_unit_test_setup_teardown(test_504_62_then_success, setup, teardown),
        cmocka_unit_test_setup_teardown(test_timeout_bounds_all_attempts, setup, teardown),
        cmocka_unit_test_setup_teardown(test_backoff_past_the_limit, setup, teardown),
        cmocka_unit_test_setup_teardown(test_deadline_shorter_than_timeout, setup, teardown),
        cmocka_unit_test_setup_teardown(test_waiting_for_the_turn_counts, setup, teardown),
        cmocka_unit_test_setup_teardown(test_stop_closed_after_processing, setup, teardown),
        cmocka_unit_test_setup_teardown(test_stop_closed_then_400_49, setup, teardown),
    };
    return cmocka_run_group_tests_name(group, tests, group_setup, group_teardown);
}
