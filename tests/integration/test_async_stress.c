/* Many async calls at once, against the fault server
 * (tests/integration/fault_server.py). The first argument picks the part, one
 * ctest entry each: "poll" and "callback" (500 calls in flight on one loop,
 * driven by drivers.c in that style), "threads" (loops on threads beside
 * blocking calls on one client; labelled threads, so the TSan build runs it).
 *
 * 500 calls on one loop: a third succeed at once, a third hear 504 code 62
 * once and then 200 (the retry is a timer of the loop), a third are cancelled
 * at random points: right after acr_call_start(), from another call's done
 * callback (waiting for their answer, in their back-off, or halfway through
 * reading a body), and the rest by acr_loop_cancel_all() from the done
 * callback of the last call that succeeds (a quarter of them at least are
 * left for it); while cancel_all runs, their done callbacks now and then
 * cancel another one, and start three new ones (which cancel_all cancels
 * too). A few done callbacks of successful calls start new calls. Then: each done callback ran exactly once, on the loop's
 * thread, with the right status, attempt count and typed response; a call
 * cancelled by acr_transfer_cancel() was done before that returned; the
 * loop is empty and acr_loop_free() succeeds; no descriptor is left open
 * (/proc/self/fd before and after).
 *
 * Threads: one client; 4 threads each run their own loop (2 poll, 2 callback
 * style), 4 threads make blocking calls, many of them updates of the same 4
 * recordings. Update is one at a time per recording: the fault server records
 * every update that arrived while another of the same recording was running
 * ("overlaps"), and there must be none. A first scenario shows that check can
 * fail: two clients (whose queues are separate) update one recording at once,
 * and the server reports the overlap. Another runs two loops of one client
 * (one per style) on one thread, three updates of one recording between them:
 * the loop whose call gets the turn must be woken (a loop with a call in
 * flight and nothing to wait for fails the driver). The first done callback
 * of the 500-call runs checks that it cannot cancel itself or run the loop.
 *
 * Counts scale with ACR_TEST_SCALE (0 < scale <= 1; CMake sets it lower under
 * valgrind and TSan). No duration is checked, nothing sleeps: the server's
 * deliberate delay on updates (threads part) only makes an overlap visible.
 * No cmocka assertion runs off the main thread or inside a callback: they
 * record what they saw, the main thread checks it. */
#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "drivers.h"
#include "mock_process.h"
#include "support.h"

#define APP "acr-stress-app"
#define CNAME DRIVER_CNAME
#define UID DRIVER_UID
#define CUSTOMER_ID "acr-stress-customer-3Kq7"
#define CUSTOMER_SECRET "acr-stress-secret-9Pz4"

static mock_process server;
static double scale = 1.0;
static unsigned long seed = 20261129;

static size_t scaled(size_t n, size_t minimum)
{
    size_t k = (size_t)((double)n * scale);
    return k < minimum ? minimum : k;
}

/* A small deterministic generator (the seed is printed; ACR_TEST_SEED sets it). */
static unsigned long rng_state;
static unsigned random_below(unsigned n)
{
    rng_state = rng_state * 6364136223846793005UL + 1442695040888963407UL;
    return (unsigned)((rng_state >> 33) % n);
}

static char *control(const char *method, const char *path, const char *body)
{
    char *answer = fault_control(&server, method, path, body);
    if (!answer)
        fail_msg("%s %s failed", method, path);
    return answer;
}

static yajl_val idle_state(void)
{
    yajl_val st = fault_idle_state(&server, (long)(30000 / scale));
    if (!st)
        fail_msg("the fault server did not settle (or its state could not be read)");
    return st;
}

static acr_client *new_client(void)
{
    char why[ACR_ERROR_MESSAGE_MAX + 64];
    acr_client *c = fault_client_new(&server, APP, CUSTOMER_ID, CUSTOMER_SECRET, 10, why, sizeof why);
    if (!c)
        fail_msg("%s", why);
    return c;
}

/* Scripts as one JSON list, posted at once. */
typedef struct scripts {
    char *text;
    size_t length, capacity;
} scripts;

static void scripts_add(scripts *s, const char *format, ...) __attribute__((format(printf, 2, 3)));
static void scripts_add(scripts *s, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    va_list again;
    va_copy(again, args);
    int n = vsnprintf(NULL, 0, format, args);
    va_end(args);
    assert_true(n >= 0);
    if (s->length + (size_t)n + 2 > s->capacity) {
        size_t capacity = s->capacity ? s->capacity : 4096;
        while (s->length + (size_t)n + 2 > capacity)
            capacity *= 2;
        char *grown = realloc(s->text, capacity);
        assert_non_null(grown);
        s->text = grown;
        s->capacity = capacity;
    }
    vsnprintf(s->text + s->length, (size_t)n + 1, format, again);
    va_end(again);
    s->length += (size_t)n;
}

/* Posts the list (when it has a script) and frees it. */
static void scripts_post(scripts *s)
{
    if (s->length) {
        s->text[0] = '[';
        scripts_add(s, "]");
        free(control("POST", "/__fault/script", s->text));
    }
    free(s->text);
    memset(s, 0, sizeof *s);
}

/* A script for the recording `rid` only ("match": its path segment). */
static void script_for(scripts *s, const char *rid, const char *steps)
{
    scripts_add(s, ",{\"name\":\"%s\",\"match\":\"/resourceid/%s/\",\"steps\":%s}", rid, rid, steps);
}

#define STEPS_504 "[{\"respond\":{\"status\":504,\"body\":{\"code\":62,\"reason\":\"request timeout\"}}}]"
#define STEPS_HOLD "[{\"wait_peer\":true}]"
#define STEPS_HALF_BODY                                                                                     \
    "[{\"send\":\"HTTP/1.1 200 OK\\r\\nContent-Type: application/json\\r\\nContent-Length: 200\\r\\n\\r\\n" \
    "{\\\"cname\\\":\\\"" CNAME "\\\",\\\"uid\\\":\"},{\"wait_peer\":true}]"

/* === 500 calls on one loop ======================================================================= */

typedef enum kind {
    KIND_OK,        /* 200 at once */
    KIND_RETRIED,   /* 504/62, then 200 */
    KIND_CANCELLED, /* cancelled somewhere */
} kind;

typedef enum cancel_point {
    CANCEL_AT_START,    /* acr_transfer_cancel() right after acr_call_start() */
    CANCEL_WAITING,     /* the server holds the answer */
    CANCEL_IN_BACKOFF,  /* 504/62 first: in its back-off or its second attempt */
    CANCEL_HALF_BODY,   /* half a body arrived */
    CANCEL_POINTS
} cancel_point;

typedef struct call {
    kind kind;
    cancel_point point;
    char rid[24], sid[24];
    acr_transfer *transfer;
    acr_update_response response;
    unsigned done_count;
    acr_status status;
    acr_error err;
    bool wrong_thread;
    bool started;
} call;

typedef struct many {
    acr_loop *loop;
    call *calls;
    size_t count;          /* started or to be started */
    size_t capacity;
    size_t to_succeed;     /* OK and RETRIED calls, follow-ups included */
    size_t succeeded;      /* their done callbacks so far */
    size_t follow_ups;     /* calls started from done callbacks */
    size_t follow_up_limit;
    size_t late_starts;    /* calls started by done callbacks during cancel_all */
    size_t reserve;        /* calls to cancel left for cancel_all */
    bool cancel_all_called;
    bool probed;           /* a done callback tried what it may not do */
    acr_status cancel_all_status;
    pthread_t thread;
    char problem[512];     /* the first thing a callback found wrong */
} many;

static many M;

static void many_problem(const char *format, ...) __attribute__((format(printf, 1, 2)));
static void many_problem(const char *format, ...)
{
    if (M.problem[0])
        return;
    va_list args;
    va_start(args, format);
    vsnprintf(M.problem, sizeof M.problem, format, args);
    va_end(args);
}

static void on_many_done(void *ctx, acr_transfer *transfer, acr_status status, acr_error *err);

static acr_status start_call(call *c)
{
    acr_update_request req = driver_update_request();
    const char *params[8];
    driver_params(&acr_update_operation, params, c->rid, c->sid, ACR_MODE_INDIVIDUAL);
    acr_error err = ACR_ERROR_INIT;
    acr_status s = acr_call_start(M.loop, &acr_update_operation, params, &req, &c->response, on_many_done, c,
                                  &c->transfer, &err);
    if (s != ACR_OK)
        many_problem("acr_call_start(%s): %s: %s", c->rid, acr_status_name(s), err.message);
    else
        c->started = true;
    acr_error_clear(&err);
    return s;
}

/* Cancels one call not done yet, looking from a random place; checks that its
 * done callback ran before acr_transfer_cancel() returned. */
static void cancel_some_call(void)
{
    size_t from = random_below((unsigned)M.count);
    for (size_t k = 0; k < M.count; k++) {
        call *c = &M.calls[(from + k) % M.count];
        if (c->kind != KIND_CANCELLED || !c->started || c->done_count)
            continue;
        acr_status s = acr_transfer_cancel(c->transfer);
        if (s != ACR_OK)
            many_problem("acr_transfer_cancel(%s) from a done callback: %s", c->rid, acr_status_name(s));
        else if (c->done_count != 1)
            many_problem("acr_transfer_cancel(%s) returned before its done callback ran", c->rid);
        return;
    }
}

/* Calls to be cancelled whose done callback has not run yet. */
static size_t cancellable_left(void)
{
    size_t n = 0;
    for (size_t i = 0; i < M.count; i++)
        n += M.calls[i].kind == KIND_CANCELLED && M.calls[i].started && !M.calls[i].done_count;
    return n;
}

static void on_many_done(void *ctx, acr_transfer *transfer, acr_status status, acr_error *err)
{
    call *c = ctx;
    c->done_count++;
    if (c->done_count > 1)
        return; /* counted; checked by the main thread */
    if (!pthread_equal(pthread_self(), M.thread))
        c->wrong_thread = true;
    if (transfer != c->transfer)
        many_problem("%s: the done callback got another transfer than acr_call_start set", c->rid);
    c->status = status;
    acr_error_move(&c->err, err);
    if (!M.probed) {
        /* From a done callback: no cancelling itself, no driving the loop. */
        M.probed = true;
        if (acr_transfer_cancel(transfer) != ACR_ERR_USAGE)
            many_problem("%s: acr_transfer_cancel of itself from its done callback did not refuse", c->rid);
        if (acr_loop_run(M.loop) != ACR_ERR_USAGE)
            many_problem("acr_loop_run from a done callback did not refuse");
    }
    if (c->kind == KIND_CANCELLED) {
        /* While acr_loop_cancel_all() runs: now and then cancel another call
         * from here (nested in this callback: chains stay short), and start
         * a few, which cancel_all cancels too. */
        if (M.cancel_all_called && random_below(4) == 0)
            cancel_some_call();
        if (M.cancel_all_called && M.late_starts < 3 && M.count < M.capacity) {
            call *late = &M.calls[M.count++];
            memset(late, 0, sizeof *late);
            late->kind = KIND_CANCELLED;
            late->point = CANCEL_WAITING;
            snprintf(late->rid, sizeof late->rid, "rc-%zu", M.late_starts);
            snprintf(late->sid, sizeof late->sid, "sc-%zu", M.late_starts);
            M.late_starts++;
            start_call(late);
        }
        return;
    }
    M.succeeded++;
    /* A few done callbacks start a call; a third cancel another one. */
    if (M.follow_ups < M.follow_up_limit && M.count < M.capacity) {
        call *f = &M.calls[M.count++];
        memset(f, 0, sizeof *f);
        f->kind = KIND_OK;
        snprintf(f->rid, sizeof f->rid, "rf-%zu", M.follow_ups);
        snprintf(f->sid, sizeof f->sid, "sf-%zu", M.follow_ups);
        M.follow_ups++;
        M.to_succeed++;
        start_call(f);
    }
    if (random_below(3) == 0 && cancellable_left() > M.reserve)
        cancel_some_call();
    if (M.succeeded == M.to_succeed && !M.cancel_all_called) {
        /* The last call that had to succeed: cancel every call left. */
        M.cancel_all_called = true;
        M.cancel_all_status = acr_loop_cancel_all(M.loop);
    }
}

static void many_calls(driver_style style)
{
    size_t n = scaled(500, 30);
    rng_state = seed;
    printf("%s style: %zu calls on one loop (seed %lu)\n", driver_style_name(style), n, seed);
    size_t fds_before = driver_count_fds();
    acr_client *client = new_client();
    size_t fds_client = driver_count_fds();

    memset(&M, 0, sizeof M);
    M.follow_up_limit = 5;
    M.capacity = n + M.follow_up_limit + 3;
    M.calls = calloc(M.capacity, sizeof *M.calls);
    assert_non_null(M.calls);
    M.count = n;
    M.thread = pthread_self();
    scripts s = {0};
    size_t at_start = 0;
    for (size_t i = 0; i < n; i++) {
        call *c = &M.calls[i];
        c->kind = (kind)(i % 3);
        snprintf(c->rid, sizeof c->rid, "rs-%zu", i);
        snprintf(c->sid, sizeof c->sid, "ss-%zu", i);
        if (c->kind != KIND_CANCELLED)
            M.to_succeed++;
        if (c->kind == KIND_RETRIED)
            script_for(&s, c->rid, STEPS_504);
        if (c->kind == KIND_CANCELLED) {
            c->point = (cancel_point)random_below(CANCEL_POINTS);
            if (c->point == CANCEL_IN_BACKOFF)
                script_for(&s, c->rid, STEPS_504);
            if (c->point == CANCEL_HALF_BODY)
                script_for(&s, c->rid, STEPS_HALF_BODY);
            else if (c->point != CANCEL_AT_START)
                script_for(&s, c->rid, STEPS_HOLD); /* answered when the client has left */
            at_start += c->point == CANCEL_AT_START;
        }
    }
    scripts_post(&s);
    size_t to_cancel = n - M.to_succeed - at_start; /* in flight, to be cancelled */
    M.reserve = to_cancel / 4 > 3 ? to_cancel / 4 : 3;

    driver_counts counts;
    driver_loop *dl = NULL;
    char why[256];
    if (driver_loop_new(style, client, &counts, &dl, why, sizeof why) != 0)
        fail_msg("%s", why);
    M.loop = driver_loop_acr(dl);
    for (size_t i = 0; i < n; i++) {
        call *c = &M.calls[i];
        if (start_call(c) != ACR_OK)
            fail_msg("%s", M.problem);
        if (c->kind == KIND_CANCELLED && c->point == CANCEL_AT_START) {
            assert_int_equal(acr_transfer_cancel(c->transfer), ACR_OK);
            if (c->done_count != 1)
                fail_msg("%s: acr_transfer_cancel() returned before its done callback ran", c->rid);
        }
    }
    assert_int_equal(acr_loop_active(M.loop), n - at_start);

    /* Until every call has ended (the last success cancels the rest). */
    if (driver_loop_run(dl, NULL) != 0)
        fail_msg("%s", driver_loop_failure(dl));
    if (M.problem[0])
        fail_msg("%s", M.problem);
    assert_true(M.cancel_all_called);
    assert_int_equal(M.cancel_all_status, ACR_OK);
    assert_int_equal(M.late_starts, 3);
    assert_int_equal(acr_loop_active(M.loop), 0);

    size_t ended[3] = {0, 0, 0};
    for (size_t i = 0; i < M.count; i++) {
        call *c = &M.calls[i];
        if (c->done_count != 1)
            fail_msg("%s: done callback ran %u times", c->rid, c->done_count);
        if (c->wrong_thread)
            fail_msg("%s: done callback off the loop's thread", c->rid);
        if (c->err.status != c->status)
            fail_msg("%s: status %s, err->status %s", c->rid, acr_status_name(c->status),
                     acr_status_name(c->err.status));
        switch (c->kind) {
        case KIND_OK:
        case KIND_RETRIED:
            if (c->status != ACR_OK)
                fail_msg("%s: %s: %s", c->rid, acr_status_name(c->status), c->err.message);
            if (c->err.attempts != (c->kind == KIND_OK ? 1u : 2u))
                fail_msg("%s: %u attempts", c->rid, c->err.attempts);
            assert_non_null(c->response.resource_id);
            assert_string_equal(c->response.resource_id, c->rid);
            assert_string_equal(c->response.sid, c->sid);
            assert_string_equal(c->response.cname, CNAME);
            assert_string_equal(c->response.uid, UID);
            break;
        case KIND_CANCELLED:
            if (c->status != ACR_ERR_CANCELLED)
                fail_msg("%s (cancel point %d): %s: %s", c->rid, (int)c->point, acr_status_name(c->status),
                         c->err.message);
            assert_null(c->response.uid); /* nothing half-parsed is left behind */
            break;
        }
        ended[c->kind]++;
        acr_update_response_free(&c->response);
        acr_error_clear(&c->err);
    }
    printf("  ended: %zu ok, %zu retried, %zu cancelled (%zu right after the start); %lu socket and %lu timer "
           "callbacks\n",
           ended[KIND_OK], ended[KIND_RETRIED], ended[KIND_CANCELLED], at_start, counts.socket_calls,
           counts.timer_calls);

    assert_int_equal(driver_loop_free(dl), ACR_OK);
    assert_int_equal(counts.after_free, 0);
    size_t fds_with_client = driver_count_fds();
    acr_client_free(client);
    size_t fds_after = driver_count_fds();
    if (fds_with_client != fds_client || fds_after != fds_before)
        fail_msg("descriptors open: %zu before the client, %zu with it, %zu after acr_loop_free, %zu after "
                 "acr_client_free",
                 fds_before, fds_client, fds_with_client, fds_after);

    /* The server's account: each retried call was sent twice, each call that
     * succeeded at once once; no two updates of one recording overlapped. */
    yajl_val st = idle_state();
    yajl_val requests = support_array_member(st, "requests");
    size_t *seen = calloc(M.count, sizeof *seen);
    assert_non_null(seen);
    for (size_t i = 0; i < YAJL_GET_ARRAY(requests)->len; i++) {
        const char *path = support_string_member(YAJL_GET_ARRAY(requests)->values[i], "path");
        const char *rid = strstr(path, "/resourceid/");
        assert_non_null(rid);
        rid += strlen("/resourceid/");
        size_t index = strtoul(rid + 3, NULL, 10);
        if (strncmp(rid, "rs-", 3) == 0 && index < n)
            seen[index]++;
    }
    for (size_t i = 0; i < n; i++) {
        call *c = &M.calls[i];
        if (c->kind == KIND_OK && seen[i] != 1)
            fail_msg("%s: the server saw %zu requests", c->rid, seen[i]);
        if (c->kind == KIND_RETRIED && seen[i] != 2)
            fail_msg("%s: the server saw %zu requests", c->rid, seen[i]);
    }
    free(seen);
    assert_int_equal(YAJL_GET_ARRAY(support_array_member(st, "overlaps"))->len, 0);
    printf("  the server ran at most %lld requests at once\n", support_int_member(st, "max_in_flight"));
    yajl_tree_free(st);
    free(M.calls);
    memset(&M, 0, sizeof M);
}

static void test_many_poll(void **state)
{
    (void)state;
    many_calls(DRIVER_POLL);
}

static void test_many_callback(void **state)
{
    (void)state;
    many_calls(DRIVER_CALLBACK);
}

/* === threads ===================================================================================== */

#define SHARED 4 /* recordings every thread updates */
#define LOOP_THREADS 4
#define BLOCKING_THREADS 4

static acr_client *shared_client;

typedef struct worker {
    int index;
    driver_style style;    /* DRIVER_BLOCKING: blocking calls */
    size_t calls;
    size_t ok;
    unsigned attempts;     /* summed over its calls */
    char problem[512];
} worker;

static void worker_problem(worker *w, const char *format, ...) __attribute__((format(printf, 2, 3)));
static void worker_problem(worker *w, const char *format, ...)
{
    if (w->problem[0])
        return;
    va_list args;
    va_start(args, format);
    vsnprintf(w->problem, sizeof w->problem, format, args);
    va_end(args);
}

/* The recording of a worker's j-th call: every other one is shared. */
static void worker_recording(const worker *w, size_t j, char *rid, char *sid, size_t size)
{
    if (j % 2 == 0) {
        snprintf(rid, size, "rt-shared-%zu", (j / 2) % SHARED);
        snprintf(sid, size, "st-shared-%zu", (j / 2) % SHARED);
    } else {
        snprintf(rid, size, "rt-own-%d-%zu", w->index, j);
        snprintf(sid, size, "st-own-%d-%zu", w->index, j);
    }
}

typedef struct async_call {
    worker *w;
    char rid[40], sid[40];
    acr_update_response response;
    unsigned done_count;
    acr_status status;
    acr_error err;
} async_call;

static void on_worker_done(void *ctx, acr_transfer *transfer, acr_status status, acr_error *err)
{
    (void)transfer;
    async_call *a = ctx;
    a->done_count++;
    a->status = status;
    acr_error_move(&a->err, err);
}

static void check_outcome(worker *w, const char *rid, const char *sid, acr_status status, const acr_error *err,
                          const acr_update_response *response)
{
    w->attempts += err->attempts;
    if (status != ACR_OK) {
        worker_problem(w, "%s: %s: %s", rid, acr_status_name(status), err->message);
        return;
    }
    if (!response->resource_id || strcmp(response->resource_id, rid) != 0 || !response->sid ||
        strcmp(response->sid, sid) != 0) {
        worker_problem(w, "%s: the answer is for another recording", rid);
        return;
    }
    w->ok++;
}

static void *loop_worker(void *arg)
{
    worker *w = arg;
    char why[256];
    driver_loop *dl = NULL;
    if (driver_loop_new(w->style, shared_client, NULL, &dl, why, sizeof why) != 0) {
        worker_problem(w, "%s", why);
        return NULL;
    }
    async_call *calls = calloc(w->calls, sizeof *calls);
    if (!calls) {
        worker_problem(w, "out of memory");
        driver_loop_free(dl);
        return NULL;
    }
    acr_update_request req = driver_update_request();
    for (size_t j = 0; j < w->calls; j++) {
        async_call *a = &calls[j];
        a->w = w;
        worker_recording(w, j, a->rid, a->sid, sizeof a->rid);
        const char *params[8];
        driver_params(&acr_update_operation, params, a->rid, a->sid, ACR_MODE_INDIVIDUAL);
        acr_error err = ACR_ERROR_INIT;
        acr_status s = acr_call_start(driver_loop_acr(dl), &acr_update_operation, params, &req, &a->response,
                                      on_worker_done, a, NULL, &err);
        if (s != ACR_OK) {
            worker_problem(w, "acr_call_start: %s: %s", acr_status_name(s), err.message);
            a->done_count = 1;
        }
        acr_error_clear(&err);
    }
    if (driver_loop_run(dl, NULL) != 0)
        worker_problem(w, "%s", driver_loop_failure(dl));
    for (size_t j = 0; j < w->calls; j++) {
        async_call *a = &calls[j];
        if (a->done_count != 1)
            worker_problem(w, "%s: done ran %u times", a->rid, a->done_count);
        else
            check_outcome(w, a->rid, a->sid, a->status, &a->err, &a->response);
        acr_update_response_free(&a->response);
        acr_error_clear(&a->err);
    }
    free(calls);
    acr_status s = driver_loop_free(dl);
    if (s != ACR_OK)
        worker_problem(w, "acr_loop_free: %s", acr_status_name(s));
    return NULL;
}

static void *blocking_worker(void *arg)
{
    worker *w = arg;
    acr_update_request req = driver_update_request();
    for (size_t j = 0; j < w->calls; j++) {
        char rid[40], sid[40];
        worker_recording(w, j, rid, sid, sizeof rid);
        acr_update_params params = {rid, sid, ACR_MODE_INDIVIDUAL};
        acr_update_response response = ACR_UPDATE_RESPONSE_INIT;
        acr_error err = ACR_ERROR_INIT;
        acr_status s = acr_update(shared_client, &params, &req, &response, &err);
        check_outcome(w, rid, sid, s, &err, &response);
        acr_update_response_free(&response);
        acr_error_clear(&err);
    }
    return NULL;
}

/* The check below can fail: two clients (each with its own per-recording
 * queue) update one recording at once, both held at the server until both
 * arrived, and the server reports the overlap. */
static void test_overlap_is_seen(void **state)
{
    (void)state;
    scripts s = {0};
    for (int i = 0; i < 2; i++)
        script_for(&s, "ro-1", "[{\"gather\":\"pair\",\"count\":2},{\"default\":true}]");
    scripts_post(&s);
    acr_client *a = new_client(), *b = new_client();
    driver_loop *la = NULL, *lb = NULL;
    char why[256];
    if (driver_loop_new(DRIVER_POLL, a, NULL, &la, why, sizeof why) != 0 ||
        driver_loop_new(DRIVER_POLL, b, NULL, &lb, why, sizeof why) != 0)
        fail_msg("%s", why);
    async_call calls[2];
    memset(calls, 0, sizeof calls);
    acr_update_request req = driver_update_request();
    const char *params[8];
    driver_params(&acr_update_operation, params, "ro-1", "so-1", ACR_MODE_INDIVIDUAL);
    driver_loop *loops[2] = {la, lb};
    for (int i = 0; i < 2; i++) {
        snprintf(calls[i].rid, sizeof calls[i].rid, "ro-1");
        snprintf(calls[i].sid, sizeof calls[i].sid, "so-1");
        assert_int_equal(acr_call_start(driver_loop_acr(loops[i]), &acr_update_operation, params, &req,
                                        &calls[i].response, on_worker_done, &calls[i], NULL, NULL),
                         ACR_OK);
    }
    /* Both loops on this thread, in turns (each wait bounded, so neither
     * starves the other: the server answers only when both arrived). */
    while (!calls[0].done_count || !calls[1].done_count)
        for (int i = 0; i < 2; i++)
            if (!calls[i].done_count && driver_loop_step(loops[i], 10) != 0)
                fail_msg("%s", driver_loop_failure(loops[i]));
    for (int i = 0; i < 2; i++) {
        if (calls[i].status != ACR_OK)
            fail_msg("%s", calls[i].err.message);
        acr_update_response_free(&calls[i].response);
        acr_error_clear(&calls[i].err);
    }
    assert_int_equal(driver_loop_free(la), ACR_OK);
    assert_int_equal(driver_loop_free(lb), ACR_OK);
    acr_client_free(a);
    acr_client_free(b);
    yajl_val st = idle_state();
    assert_int_equal(YAJL_GET_ARRAY(support_array_member(st, "overlaps"))->len, 1);
    yajl_tree_free(st);
}

/* One client, two loops on this thread (one per style), three updates of one
 * recording: the later ones wait for their turn, and the loop whose call gets
 * it is woken (driver_loop_step fails on a loop that gives nothing to wait
 * for while a call is in flight). The server never sees two at once. */
static void test_two_loops_one_recording(void **state)
{
    (void)state;
    free(control("POST", "/__fault/default", "{\"name\":\"slow\",\"steps\":[{\"delay_ms\":20},{\"default\":true}]}"));
    acr_client *c = new_client();
    driver_loop *loops[2] = {NULL, NULL};
    char why[256];
    if (driver_loop_new(DRIVER_POLL, c, NULL, &loops[0], why, sizeof why) != 0 ||
        driver_loop_new(DRIVER_CALLBACK, c, NULL, &loops[1], why, sizeof why) != 0)
        fail_msg("%s", why);
    async_call calls[3];
    memset(calls, 0, sizeof calls);
    acr_update_request req = driver_update_request();
    const char *params[8];
    driver_params(&acr_update_operation, params, "rw-1", "sw-1", ACR_MODE_INDIVIDUAL);
    const int on[3] = {0, 1, 0};
    for (int i = 0; i < 3; i++) {
        snprintf(calls[i].rid, sizeof calls[i].rid, "rw-1");
        snprintf(calls[i].sid, sizeof calls[i].sid, "sw-1");
        assert_int_equal(acr_call_start(driver_loop_acr(loops[on[i]]), &acr_update_operation, params, &req,
                                        &calls[i].response, on_worker_done, &calls[i], NULL, NULL),
                         ACR_OK);
    }
    while (!calls[0].done_count || !calls[1].done_count || !calls[2].done_count)
        for (int k = 0; k < 2; k++)
            if (acr_loop_active(driver_loop_acr(loops[k])) && driver_loop_step(loops[k], 10) != 0)
                fail_msg("%s", driver_loop_failure(loops[k]));
    for (int i = 0; i < 3; i++) {
        assert_int_equal(calls[i].done_count, 1);
        if (calls[i].status != ACR_OK)
            fail_msg("call %d: %s", i, calls[i].err.message);
        assert_string_equal(calls[i].response.resource_id, "rw-1");
        acr_update_response_free(&calls[i].response);
        acr_error_clear(&calls[i].err);
    }
    for (int k = 0; k < 2; k++)
        assert_int_equal(driver_loop_free(loops[k]), ACR_OK);
    acr_client_free(c);
    yajl_val st = idle_state();
    assert_int_equal(YAJL_GET_ARRAY(support_array_member(st, "requests"))->len, 3);
    assert_int_equal(YAJL_GET_ARRAY(support_array_member(st, "overlaps"))->len, 0);
    yajl_tree_free(st);
}

static void test_threads(void **state)
{
    (void)state;
    size_t per_loop = scaled(40, 8), per_blocking = scaled(16, 4);
    printf("threads: %d loops x %zu calls, %d blocking threads x %zu calls, one client\n", LOOP_THREADS, per_loop,
           BLOCKING_THREADS, per_blocking);
    /* Every update takes a while at the server, so that two of one recording
     * sent at once would meet there; a few shared-recording updates hear
     * 504/62 first (whichever call takes the script retries). */
    free(control("POST", "/__fault/default", "{\"name\":\"slow\",\"steps\":[{\"delay_ms\":5},{\"default\":true}]}"));
    scripts s = {0};
    for (int r = 0; r < SHARED; r++) {
        char rid[40];
        snprintf(rid, sizeof rid, "rt-shared-%d", r);
        script_for(&s, rid, STEPS_504);
    }
    scripts_post(&s);
    shared_client = new_client();
    worker workers[LOOP_THREADS + BLOCKING_THREADS];
    pthread_t threads[LOOP_THREADS + BLOCKING_THREADS];
    memset(workers, 0, sizeof workers);
    for (int i = 0; i < LOOP_THREADS + BLOCKING_THREADS; i++) {
        worker *w = &workers[i];
        w->index = i;
        w->style = i < LOOP_THREADS ? (i % 2 ? DRIVER_CALLBACK : DRIVER_POLL) : DRIVER_BLOCKING;
        w->calls = i < LOOP_THREADS ? per_loop : per_blocking;
        assert_int_equal(pthread_create(&threads[i], NULL, i < LOOP_THREADS ? loop_worker : blocking_worker, w), 0);
    }
    for (int i = 0; i < LOOP_THREADS + BLOCKING_THREADS; i++)
        assert_int_equal(pthread_join(threads[i], NULL), 0);
    acr_client_free(shared_client);
    shared_client = NULL;
    unsigned attempts = 0;
    for (int i = 0; i < LOOP_THREADS + BLOCKING_THREADS; i++) {
        worker *w = &workers[i];
        if (w->problem[0])
            fail_msg("thread %d (%s): %s", i, driver_style_name(w->style), w->problem);
        assert_int_equal(w->ok, w->calls);
        attempts += w->attempts;
    }
    yajl_val st = idle_state();
    yajl_val overlaps = support_array_member(st, "overlaps");
    if (YAJL_GET_ARRAY(overlaps)->len)
        fail_msg("%zu update(s) reached the server while another of the same recording ran, first %s",
                 YAJL_GET_ARRAY(overlaps)->len, YAJL_GET_STRING(YAJL_GET_ARRAY(overlaps)->values[0]));
    /* Every request the calls counted reached the server, and every 504 was taken. */
    assert_int_equal(YAJL_GET_ARRAY(support_array_member(st, "requests"))->len, attempts);
    assert_int_equal(support_int_member(st, "pending"), 0);
    assert_int_equal(attempts, LOOP_THREADS * per_loop + BLOCKING_THREADS * per_blocking + SHARED);
    yajl_tree_free(st);
}

/* --- fixtures ------------------------------------------------------------------------------------ */

static int group_setup(void **state)
{
    (void)state;
    const char *text = getenv("ACR_TEST_SCALE");
    if (text && atof(text) > 0 && atof(text) <= 1)
        scale = atof(text);
    text = getenv("ACR_TEST_SEED");
    if (text && *text)
        seed = strtoul(text, NULL, 10);
    return fault_server_start(&server, APP, CUSTOMER_ID, CUSTOMER_SECRET);
}

static int group_teardown(void **state)
{
    (void)state;
    fault_server_stop(&server);
    return 0;
}

static int setup(void **state)
{
    (void)state;
    return fault_server_reset(&server, (long)(30000 / scale));
}

int main(int argc, char **argv)
{
    const struct CMUnitTest poll_tests[] = {cmocka_unit_test_setup(test_many_poll, setup)};
    const struct CMUnitTest callback_tests[] = {cmocka_unit_test_setup(test_many_callback, setup)};
    const struct CMUnitTest thread_tests[] = {
        cmocka_unit_test_setup(test_overlap_is_seen, setup),
        cmocka_unit_test_setup(test_two_loops_one_recording, setup),
        cmocka_unit_test_setup(test_threads, setup),
    };
    const char *part = argc > 1 ? argv[1] : "";
    if (strcmp(part, "poll") == 0)
        return cmocka_run_group_tests_name("async stress (poll style)", poll_tests, group_setup, group_teardown);
    if (strcmp(part, "callback") == 0)
        return cmocka_run_group_tests_name("async stress (callback style)", callback_tests, group_setup,
                                           group_teardown);
    if (strcmp(part, "threads") == 0)
        return cmocka_run_group_tests_name("async stress (threads)", thread_tests, group_setup, group_teardown);
    fprintf(stderr, "usage: %s poll|callback|threads\n", argv[0]);
    return 2;
}
