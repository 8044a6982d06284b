/* Integration tests of acr/loop.h, the non-blocking calls, against the
 * loopback mock of the service (mock/agora_mock.py): both ways of driving a
 * loop (poll style, and callback style with drivers.c's epoll driver, through
 * loop_fixture.c), many calls on one loop, cancelling, the one-at-a-time rule as a
 * FIFO queue, retries as timers, and loops on two threads beside blocking
 * calls on the same recording (the TSan build runs it: label "threads").
 *
 * Every done callback counts its calls: each must run exactly once. No test
 * asserts a duration; the only waits are bounded polls of the mock's state.
 * No cmocka assertion runs inside a worker thread or a callback that another
 * thread may run: they record, the test checks. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "loop_fixture.h"

/* --- the mock ------------------------------------------------------------ */

/* The requests the mock has answered whose path holds `text`: a request of an
 * earlier test (cancelled while the mock stalled it) may be recorded late, so
 * a test counts only its own. */
static long long requests_naming(const char *text)
{
    yajl_val st = mock_state();
    yajl_val list = support_member(st, "requests");
    long long n = 0;
    for (size_t i = 0; i < YAJL_GET_ARRAY(list)->len; i++)
        if (strstr(support_string_member(YAJL_GET_ARRAY(list)->values[i], "path"), text))
            n++;
    yajl_tree_free(st);
    return n;
}

static yajl_val find_recording(yajl_val state, const char *rid, const char *sid)
{
    yajl_val list = support_member(state, "recordings");
    for (size_t i = 0; i < YAJL_GET_ARRAY(list)->len; i++) {
        yajl_val v = YAJL_GET_ARRAY(list)->values[i];
        if (strcmp(support_string_member(v, "resourceId"), rid) == 0 && strcmp(support_string_member(v, "sid"), sid) == 0)
            return v;
    }
    fail_msg("the mock has no recording %s/%s", rid, sid);
    return NULL;
}

/* Poll style, by hand: what acr_loop_run does, one round. */
static void poll_once(acr_loop *loop, int max_wait_ms)
{
    struct pollfd fds[64];
    size_t count = 0;
    long timeout = -1;
    assert_int_equal(acr_loop_fds(loop, fds, 64, &count, &timeout), ACR_OK);
    assert_true(count <= 64);
    if (timeout < 0 || timeout > max_wait_ms)
        timeout = max_wait_ms;
    int ready = poll(fds, (nfds_t)count, (int)timeout);
    assert_true(ready >= 0 || errno == EINTR);
    assert_int_equal(acr_loop_perform(loop, fds, count), ACR_OK);
}

/* --- poll style ------------------------------------------------------------- */

static void test_update_poll_style(void **state)
{
    (void)state;
    acr_loop *loop = new_loop(client, NULL);
    update_call u;
    update_init(&u, "loop-r1", "loop-s1", "11");
    assert_int_equal(update_start(loop, &u), ACR_OK);
    assert_int_equal(acr_loop_active(loop), 1);
    for (int i = 0; i < 3000 && acr_loop_active(loop); i++)
        poll_once(loop, 100);
    assert_int_equal(acr_loop_active(loop), 0);
    assert_int_equal(u.done_count, 1);
    if (u.status != ACR_OK)
        fail_msg("update: %s: %s", acr_status_name(u.status), u.err.message);
    assert_string_equal(u.resp.sid, "loop-s1");
    assert_string_equal(u.resp.resource_id, "loop-r1");
    assert_int_equal(u.err.attempts, 1);
    /* The mock received the copies, not the scribbled originals. */
    yajl_val st = mock_state();
    assert_int_equal(support_int_member(find_recording(st, "loop-r1", "loop-s1"), "updates"), 1);
    yajl_tree_free(st);
    update_free(&u);
    assert_int_equal(acr_loop_free(loop), ACR_OK);
}

/* --- callback style ---------------------------------------------------------- */

static void test_update_callback_style(void **state)
{
    (void)state;
    driver_counts d;
    driver_loop *dl = new_driven_loop(&d, NULL);
    acr_loop *loop = driver_loop_acr(dl);
    update_call a, b;
    update_init(&a, "loop-r1", "loop-s1", "21");
    update_init(&b, "loop-r2", "loop-s2", "22");
    assert_int_equal(update_start(loop, &a), ACR_OK);
    assert_int_equal(update_start(loop, &b), ACR_OK);
    assert_true(d.timer_calls > 0); /* the start asked for the timer */
    drive(dl);
    assert_int_equal(acr_loop_active(loop), 0);
    assert_int_equal(a.done_count, 1);
    assert_int_equal(b.done_count, 1);
    assert_int_equal(a.status, ACR_OK);
    assert_int_equal(b.status, ACR_OK);
    assert_string_equal(b.resp.resource_id, "loop-r2");
    assert_true(d.socket_calls > 0);
    assert_int_equal(d.bad_calls, 0);
    update_free(&a);
    update_free(&b);
    assert_int_equal(driver_loop_free(dl), ACR_OK);
    /* Freed: every descriptor it asked for was given back (none left watched). */
    assert_int_equal(d.watched, 0);
    /* No callback after acr_loop_free: calls on the same recordings (a turn
     * handed around) reach none of the freed loop's callbacks. */
    unsigned long socket_calls = d.socket_calls, timer_calls = d.timer_calls;
    acr_update_params params = {"loop-r1", "loop-s1", ACR_MODE_MIX};
    acr_update_response resp = ACR_UPDATE_RESPONSE_INIT;
    acr_error err = ACR_ERROR_INIT;
    update_init(&a, "loop-r1", "loop-s1", "23");
    assert_int_equal(acr_update(client, &params, &a.req, &resp, &err), ACR_OK);
    acr_update_response_free(&resp);
    acr_error_clear(&err);
    assert_int_equal(d.socket_calls, socket_calls);
    assert_int_equal(d.timer_calls, timer_calls);
    assert_int_equal(a.done_count, 0);
    assert_int_equal(b.done_count, 1);
    assert_int_equal(d.after_free, 0);
}

/* --- many calls on one loop -------------------------------------------------- */

#define MANY 50

typedef struct query_call {
    acr_query_response resp;
    int done_count;
    acr_status status;
    unsigned attempts;
} query_call;

static void query_done(void *ctx, acr_transfer *transfer, acr_status status, acr_error *err)
{
    (void)transfer;
    query_call *q = ctx;
    q->done_count++;
    q->status = status;
    q->attempts = err->attempts;
}

static acr_status query_start(acr_loop *loop, query_call *q, const char *rid, const char *sid,
                              acr_transfer **transfer)
{
    const char *values[4] = {NULL, rid, sid, "mix"};
    return acr_call_start(loop, &acr_query_operation, values, NULL, &q->resp, query_done, q, transfer, NULL);
}

static void test_fifty_calls_on_one_loop(void **state)
{
    (void)state;
    acr_loop *loop = new_loop(client, NULL);
    static query_call q[MANY];
    memset(q, 0, sizeof q);
    for (int i = 0; i < MANY; i++)
        assert_int_equal(query_start(loop, &q[i], i % 2 ? "loop-r1" : "loop-r2", i % 2 ? "loop-s1" : "loop-s2", NULL),
                         ACR_OK);
    assert_int_equal(acr_loop_active(loop), MANY);
    assert_int_equal(acr_loop_run(loop), ACR_OK);
    assert_int_equal(acr_loop_active(loop), 0);
    for (int i = 0; i < MANY; i++) {
        assert_int_equal(q[i].done_count, 1);
        if (q[i].status != ACR_OK)
            fail_msg("query %d: %s", i, acr_status_name(q[i].status));
        acr_query_response_free(&q[i].resp);
    }
    yajl_val st = mock_state();
    assert_int_equal(support_int_member(st, "requests_total"), MANY);
    yajl_tree_free(st);
    assert_int_equal(acr_loop_free(loop), ACR_OK);
}

/* --- cancelling ------------------------------------------------------------- */

/* An update the mock holds (a long delay before its answer), cancelled once
 * the mock has it (attempts 1), beside a query that completes. */
static void test_cancel_one(void **state)
{
    (void)state;
    control("/__mock/faults", "{\"match\": \"update\", \"delay_ms\": 10000}");
    acr_loop *loop = new_loop(client, NULL);
    update_call u;
    update_init(&u, "loop-r1", "loop-s1", "31");
    query_call q;
    memset(&q, 0, sizeof q);
    assert_int_equal(update_start(loop, &u), ACR_OK);
    assert_int_equal(query_start(loop, &q, "loop-r2", "loop-s2", NULL), ACR_OK);
    /* Bounded: until the query ended and the mock holds the update. */
    for (int i = 0; i < 500 && (q.done_count == 0 || updates_in_flight("loop-r1", "loop-s1") == 0); i++)
        poll_once(loop, 20);
    assert_int_equal(updates_in_flight("loop-r1", "loop-s1"), 1);
    assert_int_equal(q.done_count, 1);
    assert_int_equal(q.status, ACR_OK);
    assert_int_equal(u.done_count, 0);
    assert_int_equal(acr_loop_active(loop), 1);
    /* Freeing is refused while a call is in flight. */
    assert_int_equal(acr_loop_free(loop), ACR_ERR_USAGE);
    assert_int_equal(acr_transfer_cancel(u.transfer), ACR_OK);
    /* The done callback ran before cancel returned, once. */
    assert_int_equal(u.done_count, 1);
    assert_int_equal(u.status, ACR_ERR_CANCELLED);
    assert_int_equal(u.err.status, ACR_ERR_CANCELLED);
    assert_int_equal(u.err.attempts, 1);
    assert_int_equal(acr_loop_active(loop), 0);
    /* Nothing more runs for it. */
    for (int i = 0; i < 3; i++)
        poll_once(loop, 0);
    assert_int_equal(u.done_count, 1);
    update_free(&u);
    acr_query_response_free(&q.resp);
    assert_int_equal(acr_loop_free(loop), ACR_OK);
}

/* A call in a back-off timer (504 code 62, then a 60 s back-off) is cancelled
 * off its timer. */
static void test_cancel_during_backoff(void **state)
{
    (void)state;
    static const long LONG_BACKOFF[] = {60000};
    acr_client_options o;
    client_options(&o);
    o.timeout_ms = 120000;
    o.retry.max_attempts = 2;
    o.retry.backoff_ms = LONG_BACKOFF;
    o.retry.backoff_count = 1;
    o.retry.jitter_percent = -1;
    replace_client(&o);
    control("/__mock/faults", "{\"match\": \"update\", \"preset\": \"timeout\"}");
    acr_loop *loop = new_loop(client, NULL);
    update_call u;
    update_init(&u, "loop-r1", "loop-s1", "32");
    assert_int_equal(update_start(loop, &u), ACR_OK);
    /* Until the mock answered the one attempt: then the loop's only wait is
     * the back-off timer. */
    long timeout = 0;
    for (int i = 0; i < 500; i++) {
        poll_once(loop, 20);
        struct pollfd fds[8];
        size_t count = 0;
        assert_int_equal(acr_loop_fds(loop, fds, 8, &count, &timeout), ACR_OK);
        if (timeout > 30000 && count == 0)
            break;
    }
    assert_true(timeout > 30000);
    assert_int_equal(u.done_count, 0);
    assert_int_equal(acr_transfer_cancel(u.transfer), ACR_OK);
    assert_int_equal(u.done_count, 1);
    assert_int_equal(u.status, ACR_ERR_CANCELLED);
    assert_int_equal(u.err.attempts, 1);
    assert_int_equal(acr_loop_active(loop), 0);
    update_free(&u);
    assert_int_equal(acr_loop_free(loop), ACR_OK);
}

/* Cancel all: calls sending, one queued behind another on the same
 * recording, and one started by a done callback meanwhile. */
typedef struct restart_ctx {
    acr_loop *loop;
    update_call *next;
    int done_count;
    acr_status status;
    acr_status start_status;
} restart_ctx;

static void restart_done(void *ctx, acr_transfer *transfer, acr_status status, acr_error *err)
{
    (void)transfer;
    (void)err;
    restart_ctx *r = ctx;
    r->done_count++;
    r->status = status;
    /* Driving or freeing the loop from here is refused. */
    if (acr_loop_run(r->loop) != ACR_ERR_USAGE || acr_loop_free(r->loop) != ACR_ERR_USAGE ||
        acr_loop_perform(r->loop, NULL, 0) != ACR_ERR_USAGE ||
        acr_loop_socket_action(r->loop, ACR_SOCKET_TIMEOUT, 0) != ACR_ERR_USAGE ||
        acr_transfer_cancel(transfer) != ACR_ERR_USAGE)
        r->start_status = ACR_ERR_INVALID_RESPONSE; /* flagged: checked by the test */
    else if (r->next)
        r->start_status = update_start(r->loop, r->next);
}

static void test_cancel_all(void **state)
{
    (void)state;
    control("/__mock/faults", "{\"match\": \"any\", \"stall\": true, \"count\": 10}");
    acr_loop *loop = new_loop(client, NULL);
    update_call u[4];
    update_init(&u[0], "loop-r1", "loop-s1", "41");
    update_init(&u[1], "loop-r1", "loop-s1", "42"); /* queued behind u[0] */
    update_init(&u[2], "loop-r2", "loop-s2", "43");
    update_init(&u[3], "loop-r2", "loop-s2", "44"); /* started by q's done callback */
    restart_ctx r = {loop, &u[3], 0, ACR_OK, ACR_ERR_USAGE};
    acr_query_response qr = ACR_QUERY_RESPONSE_INIT;
    const char *values[4] = {NULL, "loop-r2", "loop-s2", "mix"};
    for (int i = 0; i < 3; i++)
        assert_int_equal(update_start(loop, &u[i]), ACR_OK);
    assert_int_equal(acr_call_start(loop, &acr_query_operation, values, NULL, &qr, restart_done, &r, NULL, NULL),
                     ACR_OK);
    for (int i = 0; i < 5; i++)
        poll_once(loop, 10);
    assert_int_equal(acr_loop_active(loop), 4);
    assert_int_equal(acr_loop_cancel_all(loop), ACR_OK);
    assert_int_equal(acr_loop_active(loop), 0);
    assert_int_equal(r.done_count, 1);
    assert_int_equal(r.status, ACR_ERR_CANCELLED);
    assert_int_equal(r.start_status, ACR_OK); /* refused what it must, then started u[3] */
    for (int i = 0; i < 4; i++) {
        assert_int_equal(u[i].done_count, 1);
        assert_int_equal(u[i].status, ACR_ERR_CANCELLED);
        update_free(&u[i]);
    }
    assert_int_equal(u[1].err.attempts, 0); /* it never had its turn */
    assert_int_equal(u[3].err.attempts, 0);
    acr_query_response_free(&qr);
    assert_int_equal(acr_loop_free(loop), ACR_OK);
    /* The recording's turn was handed on and given back: a blocking update works. */
    control("/__mock/reset", "{\"recordings\": \"keep\"}");
    acr_update_response resp = ACR_UPDATE_RESPONSE_INIT;
    acr_error err = ACR_ERROR_INIT;
    acr_update_params params = {"loop-r1", "loop-s1", ACR_MODE_MIX};
    update_call b;
    update_init(&b, "loop-r1", "loop-s1", "45");
    assert_int_equal(acr_update(client, &params, &b.req, &resp, &err), ACR_OK);
    acr_update_response_free(&resp);
    acr_error_clear(&err);
}

/* --- a request that never starts ------------------------------------------------ */

static int timer_never_called(void *ctx, long timeout_ms)
{
    (void)ctx;
    (void)timeout_ms;
    return -1;
}

static void test_invalid_request_never_starts(void **state)
{
    (void)state;
    acr_loop *loop = new_loop(client, NULL);
    update_call u;
    update_init(&u, "loop-never", "loop-s1", "51");
    u.req.uid = "0"; /* the schema refuses a UID of 0 */
    assert_int_equal(update_start(loop, &u), ACR_ERR_INVALID_REQUEST);
    assert_true(support_has_violation(&u.err, "/uid"));
    assert_null(u.transfer);
    update_call empty;
    update_init(&empty, "loop-never", "", "52");
    assert_int_equal(update_start(loop, &empty), ACR_ERR_USAGE);
    assert_int_equal(acr_call_start(loop, &acr_update_operation, NULL, NULL, &u.resp, update_done, &u, NULL, NULL),
                     ACR_ERR_USAGE);
    assert_int_equal(acr_loop_active(loop), 0);
    assert_int_equal(acr_loop_run(loop), ACR_OK);
    assert_int_equal(u.done_count, 0);
    assert_int_equal(empty.done_count, 0);
    assert_int_equal(requests_naming("/resourceid/loop-never/"), 0);
    update_free(&u);
    update_free(&empty);
    assert_int_equal(acr_loop_free(loop), ACR_OK);
    /* A loop with only one of the two callbacks is refused. */
    acr_loop_options o = ACR_LOOP_OPTIONS_INIT;
    o.timer = timer_never_called;
    acr_loop *bad = NULL;
    assert_int_equal(acr_loop_new(client, &o, &bad, NULL), ACR_ERR_USAGE);
    assert_null(bad);
}

/* --- one at a time, in order -------------------------------------------------- */

static const char *request_uid(yajl_val request)
{
    const char *path[] = {"body", "clientRequest", "streamSubscribe", "audioUidList", "subscribeAudioUids", NULL};
    yajl_val v = yajl_tree_get(request, path, yajl_t_array);
    assert_non_null(v);
    return YAJL_GET_STRING(YAJL_GET_ARRAY(v)->values[0]);
}

static void test_same_recording_in_fifo_order(void **state)
{
    (void)state;
    control("/__mock/config", "{\"update_delay_ms\": 20}");
    acr_loop *loop = new_loop(client, NULL);
    update_call u[3];
    const char *uids[3] = {"61", "62", "63"};
    for (int i = 0; i < 3; i++) {
        update_init(&u[i], "loop-r1", "loop-s1", uids[i]);
        assert_int_equal(update_start(loop, &u[i]), ACR_OK);
    }
    assert_int_equal(acr_loop_run(loop), ACR_OK);
    for (int i = 0; i < 3; i++) {
        assert_int_equal(u[i].done_count, 1);
        assert_int_equal(u[i].status, ACR_OK);
        assert_int_equal(u[i].order, i + 1);
        update_free(&u[i]);
    }
    yajl_val st = mock_state();
    assert_int_equal(support_int_member(find_recording(st, "loop-r1", "loop-s1"), "max_concurrent_updates"), 1);
    yajl_val requests = support_member(st, "requests");
    assert_int_equal(YAJL_GET_ARRAY(requests)->len, 3);
    for (int i = 0; i < 3; i++)
        assert_string_equal(request_uid(YAJL_GET_ARRAY(requests)->values[i]), uids[i]);
    yajl_tree_free(st);
    control("/__mock/config", "{\"update_delay_ms\": 0}");
    assert_int_equal(acr_loop_free(loop), ACR_OK);
}

/* Forty recordings with three updates each, all started before the loop
 * runs: the client's table of turns grows (16 buckets, then 32, then 64) while
 * every recording has a holder and two waiters, and each recording still
 * hands its turn on in the order of the starts, one update at a time. */
#define TURN_RECORDINGS 40
static void test_many_recordings_each_in_fifo_order(void **state)
{
    (void)state;
    static update_call u[TURN_RECORDINGS][3];
    char rid[32], sid[32], uid[16];
    for (int r = 0; r < TURN_RECORDINGS; r++) {
        snprintf(rid, sizeof rid, "turn-r%d", r);
        snprintf(sid, sizeof sid, "turn-s%d", r);
        add_recording(rid, sid);
    }
    done_rank = 0;
    acr_loop *loop = new_loop(client, NULL);
    for (int i = 0; i < 3; i++) {
        for (int r = 0; r < TURN_RECORDINGS; r++) {
            snprintf(rid, sizeof rid, "turn-r%d", r);
            snprintf(sid, sizeof sid, "turn-s%d", r);
            snprintf(uid, sizeof uid, "%d", 1000 + r * 3 + i);
            update_init(&u[r][i], rid, sid, uid);
            assert_int_equal(update_start(loop, &u[r][i]), ACR_OK);
        }
    }
    assert_int_equal(acr_loop_run(loop), ACR_OK);
    for (int r = 0; r < TURN_RECORDINGS; r++) {
        for (int i = 0; i < 3; i++) {
            assert_int_equal(u[r][i].done_count, 1);
            if (u[r][i].status != ACR_OK)
                fail_msg("recording %d, update %d: %s", r, i, u[r][i].err.message);
            if (i > 0 && u[r][i].order <= u[r][i - 1].order)
                fail_msg("recording %d: update %d ended before update %d", r, i, i - 1);
            update_free(&u[r][i]);
        }
    }
    yajl_val st = mock_state();
    for (int r = 0; r < TURN_RECORDINGS; r++) {
        snprintf(rid, sizeof rid, "turn-r%d", r);
        snprintf(sid, sizeof sid, "turn-s%d", r);
        yajl_val rec = find_recording(st, rid, sid);
        assert_int_equal(support_int_member(rec, "updates"), 3);
        assert_int_equal(support_int_member(rec, "max_concurrent_updates"), 1);
    }
    yajl_tree_free(st);
    assert_int_equal(acr_loop_free(loop), ACR_OK);
}

/* The one clock: a call queued behind another for its turn gives up when its
 * time is up (ACR_ERR_TRANSPORT, attempts 0, nothing sent), as a blocking call
 * does; the turn is handed on in order. */
static void test_turn_wait_counts_against_the_limit(void **state)
{
    (void)state;
    replace_client_without_retries(300);
    /* The first update is held far beyond the limit. */
    control("/__mock/faults", "{\"match\": \"update\", \"delay_ms\": 10000}");
    acr_loop *loop = new_loop(client, NULL);
    update_call u[2];
    update_init(&u[0], "loop-r1", "loop-s1", "65");
    update_init(&u[1], "loop-r1", "loop-s1", "66");
    assert_int_equal(update_start(loop, &u[0]), ACR_OK);
    assert_int_equal(update_start(loop, &u[1]), ACR_OK);
    assert_int_equal(acr_loop_run(loop), ACR_OK);
    assert_int_equal(u[0].done_count, 1);
    assert_int_equal(u[0].status, ACR_ERR_TRANSPORT);
    assert_non_null(strstr(u[0].err.message, "no complete answer within 300 ms"));
    assert_int_equal(u[1].done_count, 1);
    assert_int_equal(u[1].status, ACR_ERR_TRANSPORT);
    assert_non_null(strstr(u[1].err.message, "no complete answer within 300 ms"));
    /* u[1] has its turn only when u[0]'s limit ends, u[0] having started
     * first: nothing is sent, unless u[1] started a millisecond or more later
     * (a slow machine, TSan) and is sent with what is left of its own 300 ms.
     * Its limit counts from its start either way: never a second 300 ms. */
    if (u[1].err.attempts == 0)
        assert_non_null(strstr(u[1].err.message, "nothing was sent"));
    else
        assert_int_equal(u[1].err.attempts, 1);
    for (int i = 0; i < 2; i++)
        update_free(&u[i]);
    assert_int_equal(acr_loop_free(loop), ACR_OK);
}

/* The log callback of an async update runs on the loop's thread while the
 * update holds its recording's turn: a blocking call it makes for the same
 * recording is refused at once (it could never have its turn). */
typedef struct reentry {
    int lines;
    acr_status inner;
    bool called;
} reentry;

static reentry reentered;

static void reentering_log(void *ctx, const char *line)
{
    (void)ctx;
    reentered.lines++;
    if (reentered.called || strstr(line, "/update") == NULL)
        return;
    reentered.called = true;
    update_call inner;
    update_init(&inner, "loop-r1", "loop-s1", "68");
    acr_update_params params = {"loop-r1", "loop-s1", ACR_MODE_MIX};
    reentered.inner = acr_update(client, &params, &inner.req, &inner.resp, &inner.err);
    update_free(&inner);
}

static void test_log_callback_same_recording_refused(void **state)
{
    (void)state;
    acr_client_options o;
    client_options(&o);
    o.log = reentering_log;
    replace_client(&o);
    memset(&reentered, 0, sizeof reentered);
    acr_loop *loop = new_loop(client, NULL);
    update_call u;
    update_init(&u, "loop-r1", "loop-s1", "67");
    assert_int_equal(update_start(loop, &u), ACR_OK);
    assert_int_equal(acr_loop_run(loop), ACR_OK);
    assert_int_equal(u.done_count, 1);
    assert_int_equal(u.status, ACR_OK);
    assert_true(reentered.called);
    assert_int_equal(reentered.inner, ACR_ERR_USAGE);
    update_free(&u);
    assert_int_equal(acr_loop_free(loop), ACR_OK);
}

/* --- retries as timers ------------------------------------------------------------ */

static void test_backoff_is_a_timer(void **state)
{
    (void)state;
    control("/__mock/faults", "{\"match\": \"update\", \"preset\": \"timeout\"}");
    driver_counts d;
    driver_loop *dl = new_driven_loop(&d, NULL);
    acr_loop *loop = driver_loop_acr(dl);
    add_recording("loop-backoff", "loop-s1"); /* its own: an earlier test's late requests are not counted */
    update_call u;
    update_init(&u, "loop-backoff", "loop-s1", "71");
    assert_int_equal(update_start(loop, &u), ACR_OK);
    drive(dl);
    assert_int_equal(u.done_count, 1);
    if (u.status != ACR_OK)
        fail_msg("update: %s: %s", acr_status_name(u.status), u.err.message);
    assert_int_equal(u.err.attempts, 2);
    update_free(&u);
    assert_int_equal(requests_naming("/resourceid/loop-backoff/"), 2);
    assert_int_equal(driver_loop_free(dl), ACR_OK);
    assert_int_equal(d.watched, 0);
}

/* An application that cannot watch a call's descriptor (its acr_socket_fn
 * fails): that call fails as a transport error, its done callback once. */
static bool refuse_sockets;

static bool refusing_sockets(void *ctx, int fd, int events)
{
    (void)ctx;
    (void)fd;
    (void)events;
    return refuse_sockets;
}

static void test_socket_callback_failure_fails_the_call(void **state)
{
    (void)state;
    driver_counts d;
    const driver_refusals refusals = {refusing_sockets, NULL, NULL};
    driver_loop *dl = new_driven_loop(&d, &refusals);
    acr_loop *loop = driver_loop_acr(dl);
    refuse_sockets = true;
    update_call u;
    update_init(&u, "loop-r1", "loop-s1", "75");
    assert_int_equal(update_start(loop, &u), ACR_OK);
    drive(dl);
    assert_int_equal(acr_loop_active(loop), 0);
    assert_int_equal(u.done_count, 1);
    assert_int_equal(u.status, ACR_ERR_TRANSPORT);
    assert_true(u.err.attempts >= 1);
    update_free(&u);
    /* Only that call: the loop goes on working. */
    refuse_sockets = false;
    update_init(&u, "loop-r1", "loop-s1", "76");
    assert_int_equal(update_start(loop, &u), ACR_OK);
    drive(dl);
    assert_int_equal(u.done_count, 1);
    assert_int_equal(u.status, ACR_OK);
    update_free(&u);
    assert_int_equal(driver_loop_free(dl), ACR_OK);
}

/* --- secrets and descriptors -------------------------------------------------------- */

static void test_async_errors_redact_secrets(void **state)
{
    (void)state;
    control("/__mock/faults", "{\"match\": \"update\", \"status\": 400, \"body\": {\"code\": 2, \"reason\": "
                              "\"bad key " CUSTOMER_SECRET "\"}, \"headers\": {\"X-Request-ID\": \"r-" CUSTOMER_ID "\"}}");
    acr_loop *loop = new_loop(client, NULL);
    update_call u;
    update_init(&u, "loop-r1", "loop-s1", "81");
    assert_int_equal(update_start(loop, &u), ACR_OK);
    assert_int_equal(acr_loop_run(loop), ACR_OK);
    assert_int_equal(u.status, ACR_ERR_HTTP);
    assert_non_null(u.err.reason);
    assert_string_equal(u.err.reason, "bad key [redacted]");
    assert_null(strstr(u.err.message, CUSTOMER_SECRET));
    assert_non_null(u.err.request_id);
    assert_null(strstr(u.err.request_id, CUSTOMER_ID));
    update_free(&u);
    assert_int_equal(acr_loop_free(loop), ACR_OK);
}

/* Every descriptor the loop hands out (its connections, its wake descriptor)
 * is close-on-exec. */
static void test_descriptors_close_on_exec(void **state)
{
    (void)state;
    control("/__mock/faults", "{\"match\": \"update\", \"delay_ms\": 10000}");
    acr_loop *loop = new_loop(client, NULL);
    update_call u[2];
    update_init(&u[0], "loop-r1", "loop-s1", "91");
    update_init(&u[1], "loop-r1", "loop-s1", "92"); /* queued: the wake descriptor is watched */
    assert_int_equal(update_start(loop, &u[0]), ACR_OK);
    assert_int_equal(update_start(loop, &u[1]), ACR_OK);
    for (int i = 0; i < 500 && updates_in_flight("loop-r1", "loop-s1") == 0; i++)
        poll_once(loop, 20);
    assert_int_equal(updates_in_flight("loop-r1", "loop-s1"), 1);
    struct pollfd fds[8];
    size_t count = 0;
    long timeout = 0;
    assert_int_equal(acr_loop_fds(loop, fds, 8, &count, &timeout), ACR_OK);
    assert_int_equal(count, 2); /* the connection and the wake descriptor */
    for (size_t i = 0; i < count; i++) {
        int flags = fcntl(fds[i].fd, F_GETFD);
        assert_true(flags >= 0);
        assert_true(flags & FD_CLOEXEC);
    }
    assert_int_equal(acr_loop_cancel_all(loop), ACR_OK);
    for (int i = 0; i < 2; i++) {
        assert_int_equal(u[i].done_count, 1);
        update_free(&u[i]);
    }
    assert_int_equal(acr_loop_free(loop), ACR_OK);
}

/* A loop's connections are its own: a blocking call made meanwhile on
 * another thread gets another connection, and the loop's next call reuses the
 * loop's. */
static long long connection_of_request(size_t index)
{
    yajl_val st = mock_state();
    yajl_val requests = support_member(st, "requests");
    assert_true(index < YAJL_GET_ARRAY(requests)->len);
    long long id = support_int_member(YAJL_GET_ARRAY(requests)->values[index], "connection");
    yajl_tree_free(st);
    return id;
}

static void *blocking_query(void *arg)
{
    acr_status *status = arg;
    acr_query_params params = {"loop-r2", "loop-s2", ACR_MODE_MIX};
    acr_query_response resp = ACR_QUERY_RESPONSE_INIT;
    *status = acr_query(client, &params, &resp, NULL);
    acr_query_response_free(&resp);
    return NULL;
}

static void test_loop_connections_stay_with_the_loop(void **state)
{
    (void)state;
    acr_loop *loop = new_loop(client, NULL);
    query_call q[2];
    memset(q, 0, sizeof q);
    assert_int_equal(query_start(loop, &q[0], "loop-r1", "loop-s1", NULL), ACR_OK);
    assert_int_equal(acr_loop_run(loop), ACR_OK);
    assert_int_equal(q[0].status, ACR_OK);
    long long mine = connection_of_request(0);
    pthread_t thread;
    acr_status other = ACR_ERR_USAGE;
    assert_int_equal(pthread_create(&thread, NULL, blocking_query, &other), 0);
    pthread_join(thread, NULL);
    assert_int_equal(other, ACR_OK);
    assert_true(connection_of_request(1) != mine);
    assert_int_equal(query_start(loop, &q[1], "loop-r1", "loop-s1", NULL), ACR_OK);
    assert_int_equal(acr_loop_run(loop), ACR_OK);
    assert_int_equal(q[1].status, ACR_OK);
    assert_int_equal(connection_of_request(2), mine);
    for (int i = 0; i < 2; i++)
        acr_query_response_free(&q[i].resp);
    assert_int_equal(acr_loop_free(loop), ACR_OK);
}

/* No descriptor left for a new loop's eventfd: said as the system said it. */
static void test_no_descriptor_for_a_loop(void **state)
{
    (void)state;
    struct rlimit was;
    assert_int_equal(getrlimit(RLIMIT_NOFILE, &was), 0);
    struct rlimit low = was;
    if (low.rlim_cur == RLIM_INFINITY || low.rlim_cur > 1024)
        low.rlim_cur = 1024;
    assert_int_equal(setrlimit(RLIMIT_NOFILE, &low), 0);
    static int fds[1024];
    size_t n = 0;
    while (n < sizeof fds / sizeof fds[0]) {
        int fd = dup(0);
        if (fd < 0)
            break;
        fds[n++] = fd;
    }
    acr_loop *loop = NULL;
    acr_error err = ACR_ERROR_INIT;
    acr_status status = acr_loop_new(client, NULL, &loop, &err);
    while (n > 0)
        close(fds[--n]);
    assert_int_equal(setrlimit(RLIMIT_NOFILE, &was), 0);
    assert_int_equal(status, ACR_ERR_TRANSPORT);
    assert_null(loop);
    assert_non_null(strstr(err.message, "too many open files in this process"));
    acr_error_clear(&err);
}

/* --- threads: loops on two threads and blocking calls on one recording -------- */

#define THREAD_CALLS 6

typedef struct thread_work {
    bool use_loop;
    int ok, failed;
    char first_failure[ACR_ERROR_MESSAGE_MAX + 64];
    update_call calls[THREAD_CALLS];
} thread_work;

static void *thread_main(void *arg)
{
    thread_work *w = arg;
    if (w->use_loop) {
        acr_loop *loop = NULL;
        if (acr_loop_new(client, NULL, &loop, NULL) != ACR_OK) {
            w->failed = THREAD_CALLS;
            return NULL;
        }
        for (int i = 0; i < THREAD_CALLS; i++) {
            update_init(&w->calls[i], "loop-r1", "loop-s1", "100");
            if (update_start(loop, &w->calls[i]) != ACR_OK)
                w->failed++;
        }
        if (acr_loop_run(loop) != ACR_OK)
            w->failed++;
        for (int i = 0; i < THREAD_CALLS; i++) {
            update_call *u = &w->calls[i];
            if (u->done_count == 1 && u->status == ACR_OK)
                w->ok++;
            else if (!w->failed++)
                snprintf(w->first_failure, sizeof w->first_failure, "done %d, %s: %s", u->done_count,
                         acr_status_name(u->status), u->err.message);
            update_free(u);
        }
        if (acr_loop_free(loop) != ACR_OK)
            w->failed++;
        return NULL;
    }
    for (int i = 0; i < THREAD_CALLS; i++) {
        update_call *u = &w->calls[i];
        update_init(u, "loop-r1", "loop-s1", "200");
        acr_update_params params = {"loop-r1", "loop-s1", ACR_MODE_MIX};
        acr_status status = acr_update(client, &params, &u->req, &u->resp, &u->err);
        if (status == ACR_OK)
            w->ok++;
        else if (!w->failed++)
            snprintf(w->first_failure, sizeof w->first_failure, "%s: %s", acr_status_name(status), u->err.message);
        update_free(u);
    }
    return NULL;
}

static void test_loops_on_two_threads_and_blocking_calls(void **state)
{
    (void)state;
    control("/__mock/config", "{\"update_delay_ms\": 2}");
    /* Fewer than the client's 3 attempts: every update outlasts them. */
    control("/__mock/faults", "{\"match\": \"update\", \"preset\": \"jitter\", \"count\": 2}");
    static thread_work work[4];
    memset(work, 0, sizeof work);
    work[0].use_loop = work[1].use_loop = true;
    pthread_t threads[4];
    for (int i = 0; i < 4; i++)
        assert_int_equal(pthread_create(&threads[i], NULL, thread_main, &work[i]), 0);
    for (int i = 0; i < 4; i++)
        pthread_join(threads[i], NULL);
    for (int i = 0; i < 4; i++) {
        if (work[i].failed)
            fail_msg("thread %d (%s): %d failures; the first: %s", i, work[i].use_loop ? "loop" : "blocking",
                     work[i].failed, work[i].first_failure);
        assert_int_equal(work[i].ok, THREAD_CALLS);
    }
    yajl_val st = mock_state();
    yajl_val rec = find_recording(st, "loop-r1", "loop-s1");
    assert_int_equal(support_int_member(rec, "updates"), 4 * THREAD_CALLS);
    assert_int_equal(support_int_member(rec, "max_concurrent_updates"), 1);
    yajl_tree_free(st);
    control("/__mock/config", "{\"update_delay_ms\": 0}");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_update_poll_style, fixture_setup, fixture_teardown),
        cmocka_unit_test_setup_teardown(test_update_callback_style, fixture_setup, fixture_teardown),
        cmocka_unit_test_setup_teardown(test_fifty_calls_on_one_loop, fixture_setup, fixture_teardown),
        cmocka_unit_test_setup_teardown(test_cancel_one, fixture_setup, fixture_teardown),
        cmocka_unit_test_setup_teardown(test_cancel_during_backoff, fixture_setup, fixture_teardown),
        cmocka_unit_test_setup_teardown(test_cancel_all, fixture_setup, fixture_teardown),
        cmocka_unit_test_setup_teardown(test_invalid_request_never_starts, fixture_setup, fixture_teardown),
        cmocka_unit_test_setup_teardown(test_same_recording_in_fifo_order, fixture_setup, fixture_teardown),
        cmocka_unit_test_setup_teardown(test_many_recordings_each_in_fifo_order, fixture_setup, fixture_teardown),
        cmocka_unit_test_setup_teardown(test_turn_wait_counts_against_the_limit, fixture_setup, fixture_teardown),
        cmocka_unit_test_setup_teardown(test_log_callback_same_recording_refused, fixture_setup, fixture_teardown),
        cmocka_unit_test_setup_teardown(test_backoff_is_a_timer, fixture_setup, fixture_teardown),
        cmocka_unit_test_setup_teardown(test_socket_callback_failure_fails_the_call, fixture_setup, fixture_teardown),
        cmocka_unit_test_setup_teardown(test_async_errors_redact_secrets, fixture_setup, fixture_teardown),
        cmocka_unit_test_setup_teardown(test_descriptors_close_on_exec, fixture_setup, fixture_teardown),
        cmocka_unit_test_setup_teardown(test_loop_connections_stay_with_the_loop, fixture_setup, fixture_teardown),
        cmocka_unit_test_setup_teardown(test_no_descriptor_for_a_loop, fixture_setup, fixture_teardown),
        cmocka_unit_test_setup_teardown(test_loops_on_two_threads_and_blocking_calls, fixture_setup, fixture_teardown),
    };
    return cmocka_run_group_tests_name("loop", tests, fixture_group_setup, fixture_group_teardown);
}
