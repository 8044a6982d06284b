/* The limits of one call, against the byte-level fault server
 * (tests/integration/fault_server.py): the one clock that bounds a whole call
 * (attempts, back-offs, the wait for a recording's turn), what the log says
 * and when it is written, a log callback that calls the library, err == NULL,
 * libcurl's own re-sends, and failures whose text must say what happened
 * (too many response headers, no file descriptor left).
 *
 * Outcomes are asserted (status, attempts, what the server saw), never
 * durations: each scenario is built so that only one outcome is possible
 * whatever the machine's speed, within generous margins scaled by
 * ACR_FAULT_TIME_SCALE under valgrind and the sanitizers. */
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include <curl/curl.h>

#include "mock_process.h"
#include "support.h"

#define APP "acr-limits-app"
#define CNAME "httpClient463224"
#define UID "527841"
#define RID "rid-l"
#define SID "sid-l"

static mock_process server;
static double time_scale = 1.0;

/* --- the fault server ------------------------------------------------------ */

static char *control(const char *method, const char *path, const char *body)
{
    char *answer = NULL;
    long status = mock_request(&server, method, path, body, &answer);
    if (status != 200)
        fail_msg("%s %s -> %ld %s", method, path, status, answer ? answer : "");
    return answer;
}

/* Queues scripts (a JSON object or array, see fault_server.py). */
static void script(const char *json) { free(control("POST", "/__fault/script", json)); }

static void pause_ms(long ms)
{
    struct timespec t = {ms / 1000, (ms % 1000) * 1000000L};
    while (nanosleep(&t, &t) != 0 && errno == EINTR) {
    }
}

/* The server's state once no script runs (it may still be writing into a
 * connection the client has left): bounded poll. */
static yajl_val idle_state(void)
{
    for (int i = 0; i < 3000; i++) {
        char *answer = control("GET", "/__fault/state", NULL);
        yajl_val st = support_tree(answer);
        free(answer);
        if (support_int_member(st, "in_flight") == 0)
            return st;
        yajl_tree_free(st);
        pause_ms(10);
    }
    fail_msg("the fault server was still running a script after 30 s");
    return NULL;
}

static size_t requests_seen(void)
{
    yajl_val st = idle_state();
    size_t n = YAJL_GET_ARRAY(support_array_member(st, "requests"))->len;
    yajl_tree_free(st);
    return n;
}

/* --- clients and calls ------------------------------------------------------ */

static acr_client_options options(void)
{
    acr_client_options o = {0};
    o.app_id = APP;
    o.customer_id = "acr-limits-customer";
    o.customer_secret = "acr-limits-secret";
    o.base_url = server.base_url;
    o.retry.jitter_percent = -1;
    o.timeout_ms = (long)(5000 * time_scale);
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

static const char *const ALL_STREAMS[] = {"#allstream#"};

static acr_update_request update_request(void)
{
    acr_update_request req = ACR_UPDATE_REQUEST_INIT;
    req.cname = CNAME;
    req.uid = UID;
    req.client_request.has_stream_subscribe = true;
    req.client_request.stream_subscribe.has_audio_uid_list = true;
    req.client_request.stream_subscribe.audio_uid_list.subscribe_audio_uids = ALL_STREAMS;
    req.client_request.stream_subscribe.audio_uid_list.subscribe_audio_uids_count = 1;
    return req;
}

static acr_status update(acr_client *c, const char *rid, acr_error *err)
{
    acr_update_request req = update_request();
    acr_update_params params = {rid, SID, ACR_MODE_INDIVIDUAL};
    acr_update_response resp = ACR_UPDATE_RESPONSE_INIT;
    acr_status status = acr_update(c, &params, &req, &resp, err);
    acr_update_response_free(&resp);
    return status;
}

static void expect_status(acr_status status, const acr_error *err, acr_status expected)
{
    if (status != expected)
        fail_msg("expected %s, got %s: %s", acr_status_name(expected), acr_status_name(status),
                 err ? err->message : "(no error struct)");
}

/* The log, kept for the checks. */
typedef struct log_lines {
    char lines[32][1024];
    size_t count;
} log_lines;

static void keep_line(void *ctx, const char *line)
{
    log_lines *l = ctx;
    if (l->count < sizeof l->lines / sizeof l->lines[0])
        snprintf(l->lines[l->count++], sizeof l->lines[0], "%s", line);
}

/* === one clock per call (issue 9, item 11) ================================== */

/* Each 429 takes about 8 intervals to arrive; the call's limit is 12: the
 * first attempt gets its answer, the second runs out of time. Before, the
 * limit was per attempt: four attempts, each in time, and the last 429. */
static void test_timeout_bounds_all_attempts(void **state)
{
    (void)state;
    int interval = (int)(100 * time_scale);
    char drip[512];
    snprintf(drip, sizeof drip,
             "{\"name\": \"slow-429\", \"steps\": [{\"send\": \"HTTP/1.1 429 Too \"}, "
             "{\"drip\": \"Many Req\", \"interval_ms\": %d}, "
             "{\"send\": \"uests\\r\\nContent-Length: 2\\r\\n\\r\\n{}\"}]}",
             interval);
    for (int i = 0; i < 4; i++)
        script(drip);
    static const long backoff[] = {1};
    acr_client_options o = options();
    o.retry.max_attempts = 4;
    o.retry.backoff_ms = backoff;
    o.retry.backoff_count = 1;
    o.timeout_ms = 12L * interval;
    acr_client *c = new_client(&o);
    acr_error err = ACR_ERROR_INIT;
    acr_status status = update(c, RID, &err);
    expect_status(status, &err, ACR_ERR_TRANSPORT);
    assert_int_equal(err.attempts, 2);
    assert_non_null(strstr(err.message, "no complete answer within"));
    acr_error_clear(&err);
    acr_client_free(c);
    assert_int_equal(requests_seen(), 2);
    free(control("POST", "/__fault/reset", NULL)); /* the two scripts left */
}

/* A back-off that would end past the limit is not waited for: the call
 * returns the last answer (the HTTP error), having made the attempts the limit
 * allows. Before, timeout_ms did not bound the back-offs: the call slept the
 * second back-off and made a third attempt. */
static void test_backoff_past_the_limit_returns_the_last_answer(void **state)
{
    (void)state;
    for (int i = 0; i < 3; i++)
        script("{\"name\": \"206-65\", \"steps\": [{\"respond\": {\"status\": 206, \"reason\": \"Partial Content\", "
               "\"body\": {\"code\": 65, \"reason\": \"jitter\"}}}]}");
    const long backoff[] = {1, (long)(6000 * time_scale)};
    acr_client_options o = options();
    o.retry.max_attempts = 3;
    o.retry.backoff_ms = backoff;
    o.retry.backoff_count = 2;
    o.timeout_ms = (long)(3000 * time_scale);
    log_lines log = {0};
    o.log = keep_line;
    o.log_ctx = &log;
    acr_client *c = new_client(&o);
    acr_error err = ACR_ERROR_INIT;
    acr_status status = update(c, RID, &err);
    expect_status(status, &err, ACR_ERR_HTTP);
    assert_int_equal(err.http_status, 206);
    assert_int_equal(err.service_code, 65);
    assert_int_equal(err.attempts, 2);
    acr_error_clear(&err);
    acr_client_free(c);
    assert_int_equal(requests_seen(), 2);
    free(control("POST", "/__fault/reset", NULL));
    /* The retry that was made is logged with the delay it waited. */
    size_t retries = 0;
    for (size_t i = 0; i < log.count; i++)
        retries += strstr(log.lines[i], "retrying in 1 ms (attempt 2 of 3)") != NULL;
    assert_int_equal(retries, 1);
}

/* retry.deadline_ms and timeout_ms are one clock: the shorter rules. */
static void test_deadline_shorter_than_timeout_rules(void **state)
{
    (void)state;
    for (int i = 0; i < 3; i++)
        script("{\"name\": \"206-65\", \"steps\": [{\"respond\": {\"status\": 206, \"reason\": \"Partial Content\", "
               "\"body\": {\"code\": 65, \"reason\": \"jitter\"}}}]}");
    const long backoff[] = {1, (long)(6000 * time_scale)};
    acr_client_options o = options();
    o.retry.max_attempts = 3;
    o.retry.backoff_ms = backoff;
    o.retry.backoff_count = 2;
    o.timeout_ms = (long)(60000 * time_scale);
    o.retry.deadline_ms = (long)(3000 * time_scale);
    acr_client *c = new_client(&o);
    acr_error err = ACR_ERROR_INIT;
    expect_status(update(c, RID, &err), &err, ACR_ERR_HTTP);
    assert_int_equal(err.http_status, 206);
    assert_int_equal(err.attempts, 2);
    acr_error_clear(&err);
    acr_client_free(c);
    assert_int_equal(requests_seen(), 2);
    free(control("POST", "/__fault/reset", NULL));
}

/* A call waiting behind another update of the same recording gets a timeout
 * when its limit passes (nothing sent), instead of waiting as long as the
 * other call takes. The first call is held, its turn still taken, in its own
 * log callback, which starts the second call in another thread and waits for
 * it: before, that second call waited for its turn forever. */
typedef struct second_call {
    acr_client *client;
    acr_status status;
    acr_error err;
    bool started;
} second_call;

static void *run_second(void *arg)
{
    second_call *s = arg;
    s->status = update(s->client, RID, &s->err);
    return NULL;
}

static void start_second_and_wait(void *ctx, const char *line)
{
    second_call *s = ctx;
    if (s->started || !strstr(line, " -> 200 ("))
        return;
    s->started = true;
    pthread_t thread;
    assert_int_equal(pthread_create(&thread, NULL, run_second, s), 0);
    assert_int_equal(pthread_join(thread, NULL), 0);
}

static void test_waiting_for_the_turn_counts(void **state)
{
    (void)state;
    second_call second = {0};
    acr_client_options o = options();
    o.retry.disabled = 1;
    o.timeout_ms = (long)(500 * time_scale);
    o.log = start_second_and_wait;
    o.log_ctx = &second;
    second.client = new_client(&o);
    acr_error err = ACR_ERROR_INIT;
    acr_status status = update(second.client, RID, &err);
    expect_status(status, &err, ACR_OK);
    assert_true(second.started);
    expect_status(second.status, &second.err, ACR_ERR_TRANSPORT);
    assert_int_equal(second.err.attempts, 0);
    assert_non_null(strstr(second.err.message, "another call for the same recording"));
    acr_error_clear(&second.err);
    acr_error_clear(&err);
    acr_client_free(second.client);
    assert_int_equal(requests_seen(), 1); /* the second call sent nothing */
}

/* === a log callback that calls the library (item 12) ======================== */

typedef struct nested {
    acr_client *client;
    const char *rid;
    acr_status status;
    char message[ACR_ERROR_MESSAGE_MAX];
    int calls;
} nested;

static void call_from_log(void *ctx, const char *line)
{
    nested *n = ctx;
    if (n->calls || !strstr(line, " -> 200 ("))
        return;
    n->calls++;
    acr_error err = ACR_ERROR_INIT;
    n->status = update(n->client, n->rid, &err);
    snprintf(n->message, sizeof n->message, "%s", err.message);
    acr_error_clear(&err);
}

/* The same recording from the callback: refused at once, as a usage error
 * (before, a deadlock); the outer call completes. */
static void test_log_callback_calling_same_recording_completes(void **state)
{
    (void)state;
    nested n = {0};
    n.rid = RID;
    acr_client_options o = options();
    o.log = call_from_log;
    o.log_ctx = &n;
    n.client = new_client(&o);
    acr_error err = ACR_ERROR_INIT;
    expect_status(update(n.client, RID, &err), &err, ACR_OK);
    assert_int_equal(n.calls, 1);
    assert_int_equal(n.status, ACR_ERR_USAGE);
    assert_non_null(strstr(n.message, "log callback"));
    acr_error_clear(&err);
    acr_client_free(n.client);
    assert_int_equal(requests_seen(), 1);
}

/* Another recording from the callback: a real call. */
static void test_log_callback_calling_other_recording_works(void **state)
{
    (void)state;
    nested n = {0};
    n.rid = "rid-other";
    acr_client_options o = options();
    o.log = call_from_log;
    o.log_ctx = &n;
    n.client = new_client(&o);
    acr_error err = ACR_ERROR_INIT;
    expect_status(update(n.client, RID, &err), &err, ACR_OK);
    assert_int_equal(n.status, ACR_OK);
    acr_error_clear(&err);
    acr_client_free(n.client);
    assert_int_equal(requests_seen(), 2);
}

/* === options and arguments (items 13, 14) ==================================== */

/* SIZE_MAX means no cap: every call failed as out of memory (libcurl refused
 * the negative size it became). */
static void test_max_response_bytes_size_max(void **state)
{
    (void)state;
    acr_client_options o = options();
    o.max_response_bytes = SIZE_MAX;
    acr_client *c = new_client(&o);
    acr_error err = ACR_ERROR_INIT;
    expect_status(update(c, RID, &err), &err, ACR_OK);
    acr_error_clear(&err);
    acr_client_free(c);
    assert_int_equal(requests_seen(), 1);
}

/* err == NULL: the calls are made and succeed (before: a usage error, nothing
 * sent); a failure still returns its status. */
static void test_null_error_struct(void **state)
{
    (void)state;
    acr_client_options o = options();
    o.retry.disabled = 1;
    acr_client *c = new_client(&o);
    expect_status(update(c, RID, NULL), NULL, ACR_OK);
    acr_stop_request stop = ACR_STOP_REQUEST_INIT;
    stop.cname = CNAME;
    stop.uid = UID;
    stop.client_request.has_async_stop = true;
    stop.client_request.async_stop = true;
    acr_stop_params params = {RID, SID, ACR_MODE_INDIVIDUAL};
    acr_stop_response resp = ACR_STOP_RESPONSE_INIT;
    expect_status(acr_stop(c, &params, &stop, &resp, NULL), NULL, ACR_OK);
    assert_non_null(resp.server_response.file_list);
    acr_stop_response_free(&resp);
    script("{\"name\": \"429\", \"steps\": [{\"respond\": {\"status\": 429, \"body\": {}}}]}");
    expect_status(update(c, RID, NULL), NULL, ACR_ERR_HTTP);
    acr_update_request bad = update_request();
    bad.uid = NULL; /* required: nothing is sent */
    acr_update_response out = ACR_UPDATE_RESPONSE_INIT;
    acr_update_params p = {RID, SID, ACR_MODE_INDIVIDUAL};
    expect_status(acr_update(c, &p, &bad, &out, NULL), NULL, ACR_ERR_INVALID_REQUEST);
    acr_update_response_free(&out);
    acr_client_free(c);
    assert_int_equal(requests_seen(), 3);
}

/* === libcurl's re-send (item 15) ============================================= */

/* A kept-alive connection closed after the server read the update, without an
 * answer: libcurl sends the update again on a fresh connection. Both sends
 * count in attempts (retries are off: the second one is libcurl's). */
static void test_update_resent_is_counted(void **state)
{
    (void)state;
    acr_client_options o = options();
    o.retry.disabled = 1;
    acr_client *c = new_client(&o);
    acr_error err = ACR_ERROR_INIT;
    expect_status(update(c, RID, &err), &err, ACR_OK); /* opens the keep-alive connection */
    assert_int_equal(err.attempts, 1);
    script("{\"name\": \"read-then-close\", \"steps\": [{\"close\": true}]}");
    expect_status(update(c, RID, &err), &err, ACR_OK);
    assert_int_equal(err.attempts, 2);
    acr_error_clear(&err);
    acr_client_free(c);
    yajl_val st = idle_state();
    yajl_val list = support_array_member(st, "requests");
    assert_int_equal(YAJL_GET_ARRAY(list)->len, 3);
    yajl_val *r = YAJL_GET_ARRAY(list)->values;
    assert_int_equal(support_int_member(r[0], "connection"), support_int_member(r[1], "connection"));
    assert_true(support_int_member(r[1], "connection") != support_int_member(r[2], "connection"));
    yajl_tree_free(st);
}

/* === saying what happened (item 16) ========================================== */

/* A 200 whose body is cut short is logged as a failure after 200, never as
 * "-> 200 (". */
static void test_log_says_200_then_failed(void **state)
{
    (void)state;
    script("{\"name\": \"cut-short\", \"steps\": [{\"send\": \"HTTP/1.1 200 OK\\r\\n"
           "Content-Length: 100\\r\\n\\r\\n{\\\"cname\\\":\"}, {\"close\": true}]}");
    log_lines log = {0};
    acr_client_options o = options();
    o.retry.disabled = 1;
    o.log = keep_line;
    o.log_ctx = &log;
    acr_client *c = new_client(&o);
    acr_error err = ACR_ERROR_INIT;
    expect_status(update(c, RID, &err), &err, ACR_ERR_TRANSPORT);
    acr_error_clear(&err);
    acr_client_free(c);
    assert_int_equal(log.count, 1);
    if (strstr(log.lines[0], " -> 200 (") || !strstr(log.lines[0], " -> failed after 200: "))
        fail_msg("log line: %s", log.lines[0]);
    assert_int_equal(requests_seen(), 1);
}

/* Header lines each within libcurl's per-line limit, but 400 KB of them (over
 * its 300 KiB in all): the answer is wrong, ACR_ERR_INVALID_RESPONSE, as
 * docs/SECURITY.md says; not a transport error (which would look retryable). */
static void test_too_many_response_headers(void **state)
{
    (void)state;
    char pad[1001];
    memset(pad, 'a', sizeof pad - 1);
    pad[sizeof pad - 1] = '\0';
    char json[1400];
    snprintf(json, sizeof json,
             "{\"name\": \"many-headers\", \"steps\": [{\"send\": \"HTTP/1.1 200 OK\\r\\n\"}, "
             "{\"repeat\": \"X-Pad: %s\\r\\n\", \"count\": 400}, "
             "{\"send\": \"Content-Length: 2\\r\\n\\r\\n{}\"}]}",
             pad);
    script(json);
    acr_client_options o = options();
    acr_client *c = new_client(&o);
    acr_error err = ACR_ERROR_INIT;
    acr_status status = update(c, RID, &err);
    expect_status(status, &err, ACR_ERR_INVALID_RESPONSE);
    assert_int_equal(err.attempts, 1);
    acr_error_clear(&err);
    acr_client_free(c);
    assert_int_equal(requests_seen(), 1);
}

/* No file descriptor left for the socket: the message says so, not only
 * "Couldn't connect to server". */
static void test_no_file_descriptor_left(void **state)
{
    (void)state;
    acr_client_options o = options();
    o.retry.disabled = 1;
    acr_client *c = new_client(&o);
    acr_error err = ACR_ERROR_INIT;
    /* The first call makes what the handle keeps (its own event loop); the
     * server closes the connection so the next call needs a new socket. */
    script("{\"name\": \"close\", \"steps\": [{\"respond\": {\"status\": 200, \"headers\": {\"Connection\": "
           "\"close\"}, \"body\": {\"cname\": \"" CNAME "\", \"uid\": \"" UID "\", \"resourceId\": \"" RID
           "\", \"sid\": \"" SID "\"}}}, {\"close\": true}]}");
    expect_status(update(c, RID, &err), &err, ACR_OK);
    /* Few descriptors to use up: the soft limit lowered for the moment. */
    struct rlimit was;
    assert_int_equal(getrlimit(RLIMIT_NOFILE, &was), 0);
    struct rlimit low = was;
    if (low.rlim_cur == RLIM_INFINITY || low.rlim_cur > 1024)
        low.rlim_cur = 1024;
    assert_int_equal(setrlimit(RLIMIT_NOFILE, &low), 0);
    static int fds[1024];
    size_t n = 0;
    int exhausted = 0;
    while (n < sizeof fds / sizeof fds[0]) {
        int fd = dup(0);
        if (fd < 0) {
            exhausted = errno;
            break;
        }
        fds[n++] = fd;
    }
    acr_status status = update(c, RID, &err);
    while (n > 0)
        close(fds[--n]);
    assert_int_equal(setrlimit(RLIMIT_NOFILE, &was), 0);
    assert_int_equal(exhausted, EMFILE);
    expect_status(status, &err, ACR_ERR_TRANSPORT);
    if (!strstr(err.message, "too many open files"))
        fail_msg("the message does not say what happened: %s", err.message);
    acr_error_clear(&err);
    acr_client_free(c);
}

/* --- fixtures ------------------------------------------------------------------ */

static int group_setup(void **state)
{
    (void)state;
    const char *scale = getenv("ACR_FAULT_TIME_SCALE");
    if (scale && atof(scale) >= 1.0)
        time_scale = atof(scale);
    if (mock_start_script(&server, ACR_FAULT_SERVER_SCRIPT, NULL, 20000) != 0)
        return -1;
    /* libcurl is initialised by the first client, before the control helper
     * uses it. */
    acr_client_options o = options();
    acr_client *c = NULL;
    if (acr_client_new(&o, &c, NULL) != ACR_OK) {
        mock_stop(&server);
        return -1;
    }
    acr_client_free(c);
    return 0;
}

static int group_teardown(void **state)
{
    (void)state;
    mock_stop(&server);
    curl_global_cleanup();
    return 0;
}

static int setup(void **state)
{
    (void)state;
    yajl_tree_free(idle_state());
    free(control("POST", "/__fault/reset", NULL));
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_timeout_bounds_all_attempts, setup),
        cmocka_unit_test_setup(test_backoff_past_the_limit_returns_the_last_answer, setup),
        cmocka_unit_test_setup(test_deadline_shorter_than_timeout_rules, setup),
        cmocka_unit_test_setup(test_waiting_for_the_turn_counts, setup),
        cmocka_unit_test_setup(test_log_callback_calling_same_recording_completes, setup),
        cmocka_unit_test_setup(test_log_callback_calling_other_recording_works, setup),
        cmocka_unit_test_setup(test_max_response_bytes_size_max, setup),
        cmocka_unit_test_setup(test_null_error_struct, setup),
        cmocka_unit_test_setup(test_update_resent_is_counted, setup),
        cmocka_unit_test_setup(test_log_says_200_then_failed, setup),
        cmocka_unit_test_setup(test_too_many_response_headers, setup),
        cmocka_unit_test_setup(test_no_file_descriptor_left, setup),
    };
    const char *only = getenv("ACR_TEST_FILTER"); /* one test by name, e.g. to see it fail */
    if (only)
        cmocka_set_test_filter(only);
    return cmocka_run_group_tests_name("call limits", tests, group_setup, group_teardown);
}
