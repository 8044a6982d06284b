/* Threads: 16 threads share ONE acr_client against the loopback mock
 * (mock/agora_mock.py), with updates and stops mixed on eight recordings,
 * retries of injected 206/65 answers, and failures found before anything is
 * sent (invalid requests, empty path parameters) or answered by the mock (404
 * for unknown recordings), all at the same time. Run under ThreadSanitizer by
 * the TSan build (-DACR_SANITIZE_THREAD=ON; ctest -L threads).
 *
 * Two phases, with a barrier between them, so that every outcome is known:
 * 1. updates of the four "U" recordings (all succeed: the injected 206/65s are
 *    retried), the four "S" recordings each stopped by four threads at once
 *    (exactly one stop succeeds, the others get 400/49), invalid updates,
 *    updates of unknown recordings (404), empty path parameters;
 * 2. the U recordings each stopped by four threads at once while other
 *    threads update them (an update succeeds or gets 404, depending on
 *    whether the stop came first), and updates of the stopped S recordings
 *    (404).
 * Then: every call's outcome was one of those allowed; per recording exactly
 * one stop succeeded; the mock counted exactly the updates the client saw
 * succeed, and never saw two updates of one recording at once (the client
 * serializes them: "wait for each update's response before the next"); and
 * the mock received exactly the requests that should have been sent, over no
 * more connections than there are threads (keep-alive under concurrency).
 *
 * No cmocka assertion runs inside a worker thread (cmocka is not thread-safe):
 * workers count and describe failures, the main thread checks them. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>

#include "mock_process.h"
#include "support.h"

#define APP "acr-threads-app"
#define CNAME "httpClient463224"
#define UID "527841"
#define CUSTOMER_ID "acr-threads-customer-1Hs8"
#define CUSTOMER_SECRET "acr-threads-secret-6Ny2"

#define THREADS 16
#define RECORDINGS 4      /* of each kind, U and S */
#define PHASE1_ROUNDS 6
#define JITTER_FAULTS 10  /* 206/65 answers injected into updates: retried */
#define UPDATE_DELAY_MS 5 /* each update takes this long at the mock, so overlaps would show */

static mock_process mock;

typedef struct recording {
    const char *rid, *sid;
    acr_mode mode;
    const char *mode_name;
    /* outcomes, counted by the workers */
    atomic_int stop_ok;
    atomic_int stop_49;
    atomic_int update_ok;
    atomic_int update_404;
} recording;

static recording U[RECORDINGS] = {
    {"thr-u0", "thr-su0", ACR_MODE_INDIVIDUAL, "individual", 0, 0, 0, 0},
    {"thr-u1", "thr-su1", ACR_MODE_MIX, "mix", 0, 0, 0, 0},
    {"thr-u2", "thr-su2", ACR_MODE_WEB, "web", 0, 0, 0, 0},
    {"thr-u3", "thr-su3", ACR_MODE_INDIVIDUAL, "individual", 0, 0, 0, 0},
};
static recording S[RECORDINGS] = {
    {"thr-s0", "thr-ss0", ACR_MODE_INDIVIDUAL, "individual", 0, 0, 0, 0},
    {"thr-s1", "thr-ss1", ACR_MODE_MIX, "mix", 0, 0, 0, 0},
    {"thr-s2", "thr-ss2", ACR_MODE_WEB, "web", 0, 0, 0, 0},
    {"thr-s3", "thr-ss3", ACR_MODE_MIX, "mix", 0, 0, 0, 0},
};

static acr_client *client; /* the one client every thread uses */
static pthread_barrier_t barrier;
static atomic_int requests_sent; /* calls that must have reached the mock */

typedef struct worker {
    int index;
    int calls;
    int failures;
    char first_failure[2 * ACR_ERROR_MESSAGE_MAX];
} worker;

static void failed(worker *w, const char *what, acr_status status, const acr_error *err)
{
    if (!w->failures++)
        snprintf(w->first_failure, sizeof w->first_failure, "%s: %s: %s", what, acr_status_name(status),
                 err->message);
}

static const char *const ALL_STREAMS[] = {"#allstream#"};

static acr_update_request update_request(acr_mode mode)
{
    acr_update_request req = ACR_UPDATE_REQUEST_INIT;
    req.cname = CNAME;
    req.uid = UID;
    if (mode == ACR_MODE_WEB) {
        req.client_request.has_web_recording_config = true;
        req.client_request.web_recording_config.has_onhold = true;
        req.client_request.web_recording_config.onhold = false;
    } else {
        req.client_request.has_stream_subscribe = true;
        req.client_request.stream_subscribe.has_audio_uid_list = true;
        req.client_request.stream_subscribe.audio_uid_list.subscribe_audio_uids = ALL_STREAMS;
        req.client_request.stream_subscribe.audio_uid_list.subscribe_audio_uids_count = 1;
    }
    return req;
}

/* An update that must succeed, or (allow_404) may get the mock's 404. */
static void do_update(worker *w, recording *r, bool allow_ok, bool allow_404)
{
    acr_update_request req = update_request(r->mode);
    acr_update_response resp = ACR_UPDATE_RESPONSE_INIT;
    acr_error err = ACR_ERROR_INIT;
    acr_update_params params = {r->rid, r->sid, r->mode};
    w->calls++;
    atomic_fetch_add(&requests_sent, 1);
    acr_status status = acr_update(client, &params, &req, &resp, &err);
    if (status == ACR_OK && allow_ok && resp.sid && strcmp(resp.sid, r->sid) == 0 && resp.resource_id &&
        strcmp(resp.resource_id, r->rid) == 0 && err.status == ACR_OK) {
        atomic_fetch_add(&r->update_ok, 1);
    } else if (status == ACR_ERR_HTTP && allow_404 && err.http_status == 404 && err.has_service_code &&
               err.service_code == 404 && err.status == status) {
        atomic_fetch_add(&r->update_404, 1);
    } else {
        failed(w, "update", status, &err);
    }
    acr_update_response_free(&resp);
    acr_error_clear(&err);
}

/* A stop racing other stops of the same recording: 200, or 400/49. */
static void do_stop(worker *w, recording *r)
{
    acr_stop_request req = ACR_STOP_REQUEST_INIT;
    req.cname = CNAME;
    req.uid = UID;
    req.client_request.has_async_stop = true;
    req.client_request.async_stop = true;
    acr_stop_response resp = ACR_STOP_RESPONSE_INIT;
    acr_error err = ACR_ERROR_INIT;
    acr_stop_params params = {r->rid, r->sid, r->mode};
    w->calls++;
    atomic_fetch_add(&requests_sent, 1);
    acr_status status = acr_stop(client, &params, &req, &resp, &err);
    if (status == ACR_OK && resp.sid && strcmp(resp.sid, r->sid) == 0 && resp.has_server_response &&
        err.attempts == 1) {
        atomic_fetch_add(&r->stop_ok, 1);
    } else if (status == ACR_ERR_HTTP && err.http_status == 400 && err.has_service_code && err.service_code == 49 &&
               err.attempts == 1 && !resp.has_server_response) {
        atomic_fetch_add(&r->stop_49, 1);
    } else {
        failed(w, "stop", status, &err);
    }
    acr_stop_response_free(&resp);
    acr_error_clear(&err);
}

/* Broken on purpose (a UID of 0): refused before anything is sent. */
static void do_invalid_update(worker *w)
{
    acr_update_request req = update_request(ACR_MODE_INDIVIDUAL);
    req.uid = "0";
    acr_update_response resp = ACR_UPDATE_RESPONSE_INIT;
    acr_error err = ACR_ERROR_INIT;
    acr_update_params params = {U[0].rid, U[0].sid, ACR_MODE_INDIVIDUAL};
    w->calls++;
    acr_status status = acr_update(client, &params, &req, &resp, &err);
    if (status != ACR_ERR_INVALID_REQUEST || err.violation_count != 1 ||
        strcmp(err.violations[0].pointer, "/uid") != 0 || err.attempts != 0)
        failed(w, "invalid update", status, &err);
    acr_update_response_free(&resp);
    acr_error_clear(&err);
}

/* An empty sid: a usage error, nothing sent. */
static void do_empty_sid(worker *w)
{
    acr_update_request req = update_request(ACR_MODE_MIX);
    acr_update_response resp = ACR_UPDATE_RESPONSE_INIT;
    acr_error err = ACR_ERROR_INIT;
    acr_update_params params = {U[1].rid, "", ACR_MODE_MIX};
    w->calls++;
    acr_status status = acr_update(client, &params, &req, &resp, &err);
    if (status != ACR_ERR_USAGE)
        failed(w, "empty sid", status, &err);
    acr_update_response_free(&resp);
    acr_error_clear(&err);
}

/* An update of a recording the mock does not know: 404, each thread its own. */
static void do_unknown(worker *w)
{
    char rid[32], sid[32];
    snprintf(rid, sizeof rid, "thr-none-%d", w->index);
    snprintf(sid, sizeof sid, "thr-nosid-%d", w->index);
    recording unknown = {rid, sid, ACR_MODE_INDIVIDUAL, "individual", 0, 0, 0, 0};
    do_update(w, &unknown, false, true);
}

static void *work(void *arg)
{
    worker *w = arg;
    int t = w->index;
    pthread_barrier_wait(&barrier);
    /* phase 1 */
    for (int i = 0; i < PHASE1_ROUNDS; i++) {
        do_update(w, &U[(t + i) % RECORDINGS], true, false);
        if ((t + i) % 3 == 0)
            do_invalid_update(w);
        if ((t + i) % 3 == 1)
            do_unknown(w);
        if (i == 2)
            do_stop(w, &S[t % RECORDINGS]);
        if (i == 4 && t % 2 == 0)
            do_empty_sid(w);
    }
    pthread_barrier_wait(&barrier);
    /* phase 2: stops and updates of the same recordings at once */
    if (t % 2 == 0) {
        do_stop(w, &U[(t / 2) % RECORDINGS]);
        do_update(w, &U[(t / 2 + 1) % RECORDINGS], true, true);
    } else {
        do_update(w, &U[(t / 2) % RECORDINGS], true, true);
        do_stop(w, &U[(t / 2) % RECORDINGS]);
    }
    do_update(w, &S[t % RECORDINGS], false, true);
    return NULL;
}

/* --- the mock ------------------------------------------------------------------------ */

static void control(const char *path, const char *body)
{
    char *answer = NULL;
    long status = mock_request(&mock, "POST", path, body, &answer);
    if (status < 200 || status > 299)
        fail_msg("POST %s %s -> %ld %s", path, body ? body : "", status, answer ? answer : "");
    free(answer);
}

static yajl_val find_recording(yajl_val state, const recording *r)
{
    yajl_val list = support_member(state, "recordings");
    for (size_t i = 0; i < YAJL_GET_ARRAY(list)->len; i++) {
        yajl_val v = YAJL_GET_ARRAY(list)->values[i];
        if (strcmp(support_string_member(v, "resourceId"), r->rid) == 0 && strcmp(support_string_member(v, "sid"), r->sid) == 0)
            return v;
    }
    fail_msg("the mock has no recording %s/%s", r->rid, r->sid);
    return NULL;
}

static int group_setup(void **state)
{
    (void)state;
    const char *args[] = {"--customer-id", CUSTOMER_ID, "--customer-secret", CUSTOMER_SECRET, NULL};
    if (mock_start(&mock, args, 20000) != 0)
        return -1;
    return 0;
}

static int group_teardown(void **state)
{
    (void)state;
    mock_stop(&mock);
    curl_global_cleanup(); /* balances the control helper's implicit curl_global_init */
    return 0;
}

static void add_recording(const recording *r)
{
    char body[512];
    snprintf(body, sizeof body,
             "{\"mode\": \"%s\", \"appid\": \"" APP "\", \"resourceId\": \"%s\", \"sid\": \"%s\", "
             "\"cname\": \"" CNAME "\", \"uid\": \"" UID "\"}",
             r->mode_name, r->rid, r->sid);
    control("/__mock/recordings", body);
}

static const long BACKOFF[] = {5};

static void test_one_client_many_threads(void **state)
{
    (void)state;
    acr_client_options o = {0};
    o.app_id = APP;
    o.customer_id = CUSTOMER_ID;
    o.customer_secret = CUSTOMER_SECRET;
    o.base_url = mock.base_url;
    o.retry.max_attempts = JITTER_FAULTS + 2; /* any update outlasts every injected 206/65 */
    o.retry.backoff_ms = BACKOFF;
    o.retry.backoff_count = 1;
    o.retry.jitter_percent = -1;
    acr_error err = ACR_ERROR_INIT;
    if (acr_client_new(&o, &client, &err) != ACR_OK)
        fail_msg("acr_client_new: %s", err.message);
    /* After the first client: libcurl is initialised, the control helper may use it. */
    control("/__mock/reset", "{\"recordings\": \"clear\"}");
    for (size_t i = 0; i < RECORDINGS; i++) {
        add_recording(&U[i]);
        add_recording(&S[i]);
    }
    char config[64];
    snprintf(config, sizeof config, "{\"update_delay_ms\": %d}", UPDATE_DELAY_MS);
    control("/__mock/config", config);
    char fault[128];
    snprintf(fault, sizeof fault, "{\"match\": \"update\", \"preset\": \"jitter\", \"count\": %d}", JITTER_FAULTS);
    control("/__mock/faults", fault);

    worker workers[THREADS];
    pthread_t threads[THREADS];
    memset(workers, 0, sizeof workers);
    assert_int_equal(pthread_barrier_init(&barrier, NULL, THREADS), 0);
    for (int i = 0; i < THREADS; i++) {
        workers[i].index = i;
        assert_int_equal(pthread_create(&threads[i], NULL, work, &workers[i]), 0);
    }
    for (int i = 0; i < THREADS; i++)
        pthread_join(threads[i], NULL);
    pthread_barrier_destroy(&barrier);
    acr_client_free(client);
    client = NULL;

    int calls = 0;
    for (int i = 0; i < THREADS; i++) {
        calls += workers[i].calls;
        if (workers[i].failures)
            fail_msg("thread %d: %d of %d calls had the wrong outcome; the first: %s", i, workers[i].failures,
                     workers[i].calls, workers[i].first_failure);
    }

    /* Every recording: stopped exactly once, by one of the four threads that
     * raced; the mock counted the updates the client saw succeed. */
    yajl_val st = NULL;
    {
        char *answer = NULL;
        assert_int_equal(mock_request(&mock, "GET", "/__mock/state", NULL, &answer), 200);
        st = support_tree(answer);
        free(answer);
    }
    int update_ok = 0, stop_ok = 0;
    recording *all[2 * RECORDINGS];
    for (size_t i = 0; i < RECORDINGS; i++) {
        all[i] = &U[i];
        all[RECORDINGS + i] = &S[i];
    }
    for (size_t i = 0; i < 2 * RECORDINGS; i++) {
        recording *r = all[i];
        yajl_val rec = find_recording(st, r);
        if (atomic_load(&r->stop_ok) != 1 || atomic_load(&r->stop_49) != THREADS / RECORDINGS - 1)
            fail_msg("%s: %d stops succeeded and %d got 400/49; expected 1 and %d", r->rid, atomic_load(&r->stop_ok),
                     atomic_load(&r->stop_49), THREADS / RECORDINGS - 1);
        assert_string_equal(support_string_member(rec, "status"), "stopped");
        assert_int_equal(support_int_member(rec, "stops"), 1);
        if (support_int_member(rec, "updates") != atomic_load(&r->update_ok))
            fail_msg("%s: the mock answered %lld updates with 200, the client saw %d", r->rid,
                     support_int_member(rec, "updates"), atomic_load(&r->update_ok));
        long long max = support_int_member(rec, "max_concurrent_updates");
        if (max > 1)
            fail_msg("%s: the mock saw %lld updates of it at once", r->rid, max);
        update_ok += atomic_load(&r->update_ok);
        stop_ok += atomic_load(&r->stop_ok);
    }
    /* The U recordings were updated in phase 1 (16 x 6 updates, all fine) and
     * maybe in phase 2; the S ones never successfully. */
    for (size_t i = 0; i < RECORDINGS; i++) {
        assert_true(atomic_load(&U[i].update_ok) >= THREADS * PHASE1_ROUNDS / RECORDINGS);
        assert_int_equal(support_int_member(find_recording(st, &U[i]), "max_concurrent_updates"), 1);
        assert_int_equal(atomic_load(&S[i].update_ok), 0);
        assert_int_equal(atomic_load(&S[i].update_404), THREADS / RECORDINGS);
    }
    assert_int_equal(stop_ok, 2 * RECORDINGS);
    yajl_val stats = support_member(st, "update_concurrency");
    for (size_t i = 0; i < YAJL_GET_ARRAY(stats)->len; i++)
        assert_true(support_int_member(YAJL_GET_ARRAY(stats)->values[i], "max_concurrent") <= 1);

    /* Exactly what should have been sent reached the mock: every call but the
     * ones refused locally, plus one retry per injected 206/65. */
    assert_int_equal(YAJL_GET_ARRAY(support_member(st, "faults_pending"))->len, 0);
    assert_int_equal(support_int_member(st, "requests_total"), atomic_load(&requests_sent) + JITTER_FAULTS);
    /* Keep-alive: a connection is opened only when no idle one is free, so
     * never more than there are threads calling at once. */
    if (support_int_member(st, "api_connections") > THREADS)
        fail_msg("%lld connections for %d threads: connections are not kept for reuse",
                 support_int_member(st, "api_connections"), THREADS);
    printf("threads: %d threads, %d calls (%d sent, %d updates and %d stops succeeded, %d retries), "
           "%lld connections\n",
           THREADS, calls, atomic_load(&requests_sent), update_ok, stop_ok, JITTER_FAULTS,
           support_int_member(st, "api_connections"));
    yajl_tree_free(st);
    acr_error_clear(&err);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_one_client_many_threads),
    };
    return cmocka_run_group_tests_name("threads", tests, group_setup, group_teardown);
}
