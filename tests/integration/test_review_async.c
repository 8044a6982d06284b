/* An outside review of the non-blocking layer (issue 11): each test pins one
 * promise of acr/loop.h or acr/client.h that the review doubted. Tests named
 * in the review report as EXPECTED TO FAIL show a defect of runtime/src/http/
 * (left to its owner); the others guard what was checked and held. Each test
 * is its own ctest entry (argv[1] filters), so a crash shows only in its own
 * entry. Built with -DACR_SANITIZE=ON the use-after-free is reported by ASan. */
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "acr/alloc.h"
#include "loop_fixture.h"

/* --- the set-up of the tests of a turn held by another thread (6, 9, 10) ---------- */

/* A client whose calls give up after 3 s, without retries; updates the mock
 * holds 300 ms. */
static void turn_client(void)
{
    replace_client_without_retries(3000);
    control("/__mock/config", "{\"update_delay_ms\": 300}");
}

typedef struct blocking_update {
    acr_client *client;
    acr_status status;
} blocking_update;

static void *blocking_main(void *arg)
{
    blocking_update *b = arg;
    update_call u;
    update_init(&u, "loop-r1", "loop-s1", "61");
    const char *values[4] = {NULL, u.rid, u.sid, "mix"};
    b->status = acr_call(b->client, &acr_update_operation, values, &u.req, &u.resp, NULL);
    update_free(&u);
    return NULL;
}

/* A blocking update of loop-r1/loop-s1 on another thread, on `client`: back
 * once the mock holds it (bounded), the recording's turn that thread's. */
static void hold_the_turn(blocking_update *b, pthread_t *thread)
{
    b->client = client;
    b->status = ACR_OK;
    assert_int_equal(pthread_create(thread, NULL, blocking_main, b), 0);
    for (int i = 0; i < 2000 && updates_in_flight("loop-r1", "loop-s1") == 0; i++)
        poll(NULL, 0, 5);
}

/* --- 1. a cancel from the log callback ------------------------------------------ */

/* The application may well cancel on a line it does not like: the transfer
 * that logs is mid-step, so acr_log_fn's doc refuses it (ACR_ERR_USAGE) and
 * the call goes on to its normal end. */
static acr_loop *log_loop;
static int log_lines;
static acr_status log_cancel_all, log_cancel_one;
static acr_transfer *log_transfer;

static void cancelling_log(void *ctx, const char *line)
{
    (void)ctx;
    (void)line;
    if (log_loop && log_lines++ == 0) {
        log_cancel_all = acr_loop_cancel_all(log_loop);
        log_cancel_one = acr_transfer_cancel(log_transfer);
    }
}

static void test_cancel_from_log_callback(void **state)
{
    (void)state;
    acr_client_options o;
    client_options(&o);
    o.log = cancelling_log;
    replace_client(&o);
    log_loop = new_loop(client, NULL);
    log_lines = 0;
    update_call u;
    update_init(&u, "loop-r1", "loop-s1", "71");
    log_cancel_all = log_cancel_one = ACR_OK;
    assert_int_equal(update_start(log_loop, &u), ACR_OK);
    log_transfer = u.transfer;
    assert_int_equal(acr_loop_run(log_loop), ACR_OK);
    assert_true(log_lines >= 1);
    assert_int_equal(log_cancel_all, ACR_ERR_USAGE);
    assert_int_equal(log_cancel_one, ACR_ERR_USAGE);
    assert_int_equal(u.done_count, 1);
    assert_int_equal(u.status, ACR_OK);
    assert_int_equal(acr_loop_active(log_loop), 0);
    update_free(&u);
    assert_int_equal(acr_loop_free(log_loop), ACR_OK);
    log_loop = NULL;
}

/* --- 2. out of memory at every allocation of a call -------------------------------- */

static long alloc_count, fail_at, live;
static size_t failed_size;          /* the size asked by the allocation that failed */
static bool failed_realloc;

/* yajl cannot survive a failed allocation (acr stops the process: see
 * runtime/src/alloc.c): those are never failed, as test_alloc_failures does. */
extern _Thread_local int acr_yajl_allocating;

static void *counting_malloc(void *ctx, size_t n)
{
    (void)ctx;
    if (fail_at && !acr_yajl_allocating && ++alloc_count == fail_at) {
        failed_size = n;
        failed_realloc = false;
        return NULL;
    }
    void *p = malloc(n);
    if (p)
        live++;
    return p;
}

static void *counting_realloc(void *ctx, void *p, size_t n)
{
    (void)ctx;
    if (fail_at && !acr_yajl_allocating && ++alloc_count == fail_at) {
        failed_size = n;
        failed_realloc = true;
        return NULL;
    }
    void *q = realloc(p, n);
    if (q && !p)
        live++;
    return q;
}

static void counting_free(void *ctx, void *p)
{
    (void)ctx;
    if (p)
        live--;
    free(p);
}

/* The Nth allocation (counted from acr_call_start, through the whole run)
 * fails, for every N until a call needs no more: a call that started has its
 * done callback run exactly once, one that did not never has; the loop stays
 * usable (a failed allocation is the call's problem, not every call's) and
 * nothing the call allocated is left once the loop is freed. */
static void test_nomem_at_every_allocation(void **state)
{
    (void)state;
    acr_allocator a = {counting_malloc, counting_realloc, counting_free, NULL};
    acr_set_allocator(&a);
    fail_at = 0;
    /* A first call, so that the client's spare turn exists before counting. */
    acr_loop *warm = new_loop(client, NULL);
    update_call w;
    update_init(&w, "loop-r1", "loop-s1", "80");
    assert_int_equal(update_start(warm, &w), ACR_OK);
    assert_int_equal(acr_loop_run(warm), ACR_OK);
    assert_int_equal(w.status, ACR_OK);
    update_free(&w);
    assert_int_equal(acr_loop_free(warm), ACR_OK);

    int loop_failures = 0, unusable = 0, leaks = 0, wrong_done = 0;
    long first_unusable = 0, first_leak = 0;
    for (long n = 1; n < 400; n++) {
        long base = live;
        acr_loop *loop = new_loop(client, NULL);
        update_call u;
        update_init(&u, "loop-r1", "loop-s1", "81");
        alloc_count = 0;
        fail_at = n;
        acr_status started = update_start(loop, &u);
        acr_status ran = ACR_OK;
        if (started == ACR_OK)
            ran = acr_loop_run(loop);
        bool hit = alloc_count >= n;
        fail_at = 0;
        if (ran != ACR_OK) {
            /* The loop failed for one allocation: the header says to cancel. */
            loop_failures++;
            print_message("allocation %ld (%s of %zu bytes): acr_loop_run returned %s with the call in flight "
                          "(active %zu)\n", n, failed_realloc ? "realloc" : "malloc", failed_size,
                          acr_status_name(ran), acr_loop_active(loop));
            assert_int_equal(acr_loop_cancel_all(loop), ACR_OK);
            update_call v;
            update_init(&v, "loop-r2", "loop-s2", "82");
            assert_int_equal(update_start(loop, &v), ACR_OK);
            acr_status again = acr_loop_run(loop);
            if (again != ACR_OK)
                (void)acr_loop_cancel_all(loop);
            if (again != ACR_OK || v.status != ACR_OK) {
                if (!unusable++)
                    first_unusable = n;
            }
            update_free(&v);
        }
        if (u.done_count != (started == ACR_OK ? 1 : 0))
            wrong_done++;
        update_free(&u);
        assert_int_equal(acr_loop_free(loop), ACR_OK);
        if (live != base) {
            if (!leaks++)
                first_leak = n;
            print_message("allocation %ld: %ld block(s) left\n", n, live - base);
        }
        if (!hit)
            break; /* the call needed fewer than n allocations: all were tried */
    }
    acr_set_allocator(NULL);
    print_message("loop-level failures %d, loop unusable after %d (first at %ld), leaks %d (first at %ld)\n",
                  loop_failures, unusable, first_unusable, leaks, first_leak);
    assert_int_equal(wrong_done, 0);
    assert_int_equal(leaks, 0);
    assert_int_equal(unusable, 0);
    /* One call's failed allocation is that call's ACR_ERR_NOMEM (through its
     * done callback), not a failure of the loop that leaves every call in
     * flight for the application to cancel. */
    assert_int_equal(loop_failures, 0);
}

/* --- 3. no timer left armed once the loop is freed ---------------------------------- */

/* The application's timer must be disarmed (acr_timer_fn(-1)) by the time the
 * loop is freed: an armed one would fire into a freed loop. */
static void test_no_timer_armed_after_free(void **state)
{
    (void)state;
    driver_counts d;
    driver_loop *dl = new_driven_loop(&d, NULL);
    update_call u;
    update_init(&u, "loop-r1", "loop-s1", "90");
    assert_int_equal(update_start(driver_loop_acr(dl), &u), ACR_OK);
    drive(dl);
    assert_int_equal(u.done_count, 1);
    assert_int_equal(u.status, ACR_OK);
    update_free(&u);
    assert_int_equal(driver_loop_free(dl), ACR_OK);
    assert_false(d.timer_armed);
}

/* --- 4. cancel_all from a done callback whose cancelled calls start new ones ------------ */

static acr_loop *chain_loop;
static update_call chain[4];
static int chain_started;

static void chain_done(void *ctx, acr_transfer *transfer, acr_status status, acr_error *err)
{
    update_done(ctx, transfer, status, err);
    update_call *u = ctx;
    if (u == &chain[0]) {
        (void)acr_loop_cancel_all(chain_loop); /* cancels chain[1], whose done starts chain[2] */
    } else if (u == &chain[1] && chain_started < 4) {
        update_init(&chain[2], "loop-r2", "loop-s2", "93");
        if (update_start(chain_loop, &chain[2]) == ACR_OK)
            chain_started++;
    }
}

static void test_cancel_all_from_done_while_starting(void **state)
{
    (void)state;
    chain_loop = new_loop(client, NULL);
    memset(chain, 0, sizeof chain);
    chain_started = 0;
    update_init(&chain[0], "loop-r1", "loop-s1", "91");
    update_init(&chain[1], "loop-r2", "loop-s2", "92");
    const char *v0[4] = {NULL, "loop-r1", "loop-s1", "mix"};
    const char *v1[4] = {NULL, "loop-r2", "loop-s2", "mix"};
    assert_int_equal(acr_call_start(chain_loop, &acr_update_operation, v0, &chain[0].req, &chain[0].resp, chain_done,
                                    &chain[0], NULL, NULL), ACR_OK);
    /* Queued behind chain[0]'s turn? No: another recording; it is in flight. */
    assert_int_equal(acr_call_start(chain_loop, &acr_update_operation, v1, &chain[1].req, &chain[1].resp, chain_done,
                                    &chain[1], NULL, NULL), ACR_OK);
    chain_started = 2;
    assert_int_equal(acr_loop_run(chain_loop), ACR_OK);
    assert_int_equal(acr_loop_active(chain_loop), 0);
    for (int i = 0; i < chain_started; i++)
        assert_int_equal(chain[i].done_count, 1);
    for (int i = 0; i < 4; i++)
        update_free(&chain[i]);
    assert_int_equal(acr_loop_free(chain_loop), ACR_OK);
}

/* --- 5. err may be NULL everywhere ---------------------------------------------- */

static int socket_never_called(void *ctx, int fd, int events)
{
    (void)ctx;
    (void)fd;
    (void)events;
    return -1;
}

static void test_err_null(void **state)
{
    (void)state;
    acr_loop *loop = NULL;
    assert_int_equal(acr_loop_new(client, NULL, &loop, NULL), ACR_OK);
    acr_loop_options bad = ACR_LOOP_OPTIONS_INIT;
    bad.socket = socket_never_called;
    acr_loop *none = NULL;
    assert_int_equal(acr_loop_new(client, &bad, &none, NULL), ACR_ERR_USAGE);
    assert_null(none);
    update_call u;
    update_init(&u, "loop-r1", "", "95"); /* an empty path parameter: refused */
    const char *values[4] = {NULL, u.rid, u.sid, "mix"};
    acr_transfer *t = (acr_transfer *)&u;
    assert_int_not_equal(acr_call_start(loop, &acr_update_operation, values, &u.req, &u.resp, update_done, &u, &t,
                                        NULL), ACR_OK);
    assert_null(t);
    assert_int_equal(u.done_count, 0);
    update_free(&u);
    assert_int_equal(acr_loop_free(loop), ACR_OK);
}

/* --- 6. a blocking call on the thread of a loop whose call waits for the same turn ---- */

/* acr_log_fn's doc (and acr_turn_take's refuse_own) promise that a blocking
 * call that could never have its turn is refused at once (ACR_ERR_USAGE).
 * Here the turn was handed (from another thread) to a call of this thread's
 * own loop, which cannot be claimed while this thread blocks: the blocking call
 * is not refused and waits out its whole time limit instead. */
static void test_blocking_call_behind_own_loops_turn(void **state)
{
    (void)state;
    turn_client();
    acr_loop *loop = new_loop(client, NULL);
    blocking_update b;
    pthread_t th;
    hold_the_turn(&b, &th);
    assert_int_equal(updates_in_flight("loop-r1", "loop-s1"), 1);

    update_call q; /* waits for the other thread's call to hand it the turn */
    update_init(&q, "loop-r1", "loop-s1", "62");
    assert_int_equal(update_start(loop, &q), ACR_OK);
    assert_int_equal(pthread_join(th, NULL), 0);
    assert_int_equal(b.status, ACR_OK); /* the turn is now q's, not claimed yet */

    update_call mine;
    update_init(&mine, "loop-r1", "loop-s1", "63");
    const char *values[4] = {NULL, mine.rid, mine.sid, "mix"};
    acr_error err = ACR_ERROR_INIT;
    acr_status status = acr_call(client, &acr_update_operation, values, &mine.req, &mine.resp, &err);
    print_message("the blocking call: %s: %s\n", acr_status_name(status), err.message);
    control("/__mock/config", "{\"update_delay_ms\": 0}");
    assert_int_equal(acr_loop_run(loop), ACR_OK);
    assert_int_equal(q.done_count, 1);
    update_free(&q);
    update_free(&mine);
    acr_error_clear(&err);
    assert_int_equal(acr_loop_free(loop), ACR_OK);
    assert_int_equal(status, ACR_ERR_USAGE);
}

/* --- 7. an acr_timer_fn that fails when a call starts ----------------------------- */

static int failing_timer_calls;

static bool timer_failing_once(void *ctx, long timeout_ms)
{
    (void)ctx;
    (void)timeout_ms;
    return failing_timer_calls++ == 0; /* e.g. uv_timer_start failed */
}

/* loop.h: a failing acr_timer_fn "is reported by the function that asked for
 * the timer". acr_call_start asks for it (libcurl wants its timer at once),
 * ignores the failure and returns ACR_OK; the timer is never asked again
 * (loop_announce remembers it as asked), no descriptor is watched yet, so the
 * application has nothing that will ever drive the loop: the call hangs with
 * no deadline. Either the start fails or the application is left something
 * to wait on. */
static void test_timer_failure_at_start_is_not_lost(void **state)
{
    (void)state;
    failing_timer_calls = 0;
    driver_counts d;
    const driver_refusals refusals = {NULL, timer_failing_once, NULL};
    driver_loop *dl = new_driven_loop(&d, &refusals);
    acr_loop *loop = driver_loop_acr(dl);
    update_call u;
    update_init(&u, "loop-r1", "loop-s1", "97");
    acr_status started = update_start(loop, &u);
    bool stranded = started == ACR_OK && failing_timer_calls >= 1 && !d.timer_armed && d.watched == 0;
    print_message("start %s, timer calls %d, timer armed %s, descriptors watched %zu\n", acr_status_name(started),
                  failing_timer_calls, d.timer_armed ? "yes" : "no", d.watched);
    /* Clean up: cancel (the done callback runs), free. */
    if (started == ACR_OK)
        assert_int_equal(acr_loop_cancel_all(loop), ACR_OK);
    bool rolled_back = started == ACR_ERR_TRANSPORT && u.done_count == 0 && acr_loop_active(loop) == 0 &&
                       strstr(u.err.message, "acr_timer_fn") != NULL;
    update_free(&u);
    assert_int_equal(driver_loop_free(dl), ACR_OK);
    assert_false(stranded);
    assert_true(rolled_back); /* loop.h: nothing started, done never called */
}

/* --- 8. a done callback cancels a call that ended in the same batch -------------- */

static update_call batch[2];
static acr_status batch_cancel_status = ACR_OK;

static void batch_done(void *ctx, acr_transfer *transfer, acr_status status, acr_error *err)
{
    update_done(ctx, transfer, status, err);
    update_call *u = ctx;
    update_call *other = u == &batch[0] ? &batch[1] : &batch[0];
    if (u->order == 1)
        batch_cancel_status = acr_transfer_cancel(other->transfer);
}

/* Both answers are in before the loop performs: both calls end in one
 * batch; the first done callback cancels the second, whose answer is then
 * dropped (loop.h) and whose done callback runs once, with ACR_ERR_CANCELLED. */
static void test_cancel_in_same_batch(void **state)
{
    (void)state;
    acr_loop *loop = new_loop(client, NULL);
    memset(batch, 0, sizeof batch);
    update_init(&batch[0], "loop-r1", "loop-s1", "31");
    update_init(&batch[1], "loop-r2", "loop-s2", "32");
    for (int i = 0; i < 2; i++) {
        const char *values[4] = {NULL, batch[i].rid, batch[i].sid, "mix"};
        assert_int_equal(acr_call_start(loop, &acr_update_operation, values, &batch[i].req, &batch[i].resp,
                                        batch_done, &batch[i], &batch[i].transfer, NULL), ACR_OK);
    }
    struct pollfd fds[16];
    size_t count = 0;
    long timeout = -1;
    /* Perform until both requests are out: two descriptors, each waiting to read. */
    for (int i = 0; i < 3000; i++) {
        assert_int_equal(acr_loop_fds(loop, fds, 16, &count, &timeout), ACR_OK);
        if (count == 2 && fds[0].events == POLLIN && fds[1].events == POLLIN && timeout != 0)
            break;
        int ready = poll(fds, (nfds_t)count, timeout < 0 || timeout > 100 ? 100 : (int)timeout);
        assert_true(ready >= 0 || errno == EINTR);
        assert_int_equal(acr_loop_perform(loop, fds, count), ACR_OK);
    }
    /* Wait, without performing, until both answers can be read. */
    for (int i = 0; i < 3000; i++) {
        int ready = poll(fds, (nfds_t)count, 100);
        if (ready == 2)
            break;
    }
    assert_int_equal(acr_loop_perform(loop, fds, count), ACR_OK);
    assert_int_equal(acr_loop_run(loop), ACR_OK);
    assert_int_equal(batch[0].done_count, 1);
    assert_int_equal(batch[1].done_count, 1);
    assert_int_equal(batch_cancel_status, ACR_OK);
    update_call *second = batch[0].order == 2 ? &batch[0] : &batch[1];
    assert_int_equal(second->status, ACR_ERR_CANCELLED);
    for (int i = 0; i < 2; i++)
        update_free(&batch[i]);
    assert_int_equal(acr_loop_free(loop), ACR_OK);
}

/* --- 9. an acr_socket_fn that fails for the loop's wake descriptor ------------------ */

static int wake_refusals;

/* The set-up of tests 9 and 10: on turn_client()'s client, a callback-style
 * loop whose acr_socket_fn refuses what `refuse` says; another thread holding
 * the turn of loop-r1/loop-s1; q, an update of that recording (not started). */
typedef struct wake_scene {
    driver_counts counts;
    driver_loop *dl;
    acr_loop *loop;
    blocking_update b;
    pthread_t thread;
    update_call q;
} wake_scene;

static void wake_scene_set_up(wake_scene *w, bool (*refuse)(void *ctx, int fd, int events), const char *uid)
{
    turn_client();
    wake_refusals = 0;
    const driver_refusals refusals = {refuse, NULL, NULL};
    w->dl = new_driven_loop(&w->counts, &refusals);
    w->loop = driver_loop_acr(w->dl);
    hold_the_turn(&w->b, &w->thread);
    update_init(&w->q, "loop-r1", "loop-s1", uid);
}

static bool socket_refusing_first(void *ctx, int fd, int events)
{
    (void)ctx;
    (void)fd;
    (void)events;
    return wake_refusals++ == 0; /* the first descriptor asked for: the wake eventfd */
}

/* A call queued for a turn another thread holds, on a callback-style loop whose
 * acr_socket_fn failed (once) for the wake descriptor: acr_call_start says
 * ACR_OK, the descriptor is never asked again (wake_watched is set before the
 * callback's answer is known), so the hand-over is never seen and the call
 * ends at its deadline as if the turn had never come. loop.h: a failing
 * socket callback fails the calls using the descriptor; here no call failed
 * at once and the loop did not recover either. */
static void test_wake_descriptor_refused_once(void **state)
{
    (void)state;
    wake_scene w;
    wake_scene_set_up(&w, socket_refusing_first, "64");
    acr_status started = update_start(w.loop, &w.q);
    assert_int_equal(pthread_join(w.thread, NULL), 0);
    control("/__mock/config", "{\"update_delay_ms\": 0}");
    drive(w.dl);
    print_message("start %s, refusals %d, the queued call: %s: %s\n", acr_status_name(started), wake_refusals,
                  acr_status_name(w.q.status), w.q.err.message);
    assert_int_equal(acr_loop_active(w.loop), 0);
    bool stranded = started == ACR_OK && w.q.status == ACR_ERR_TRANSPORT && w.q.err.attempts == 0;
    update_free(&w.q);
    assert_int_equal(driver_loop_free(w.dl), ACR_OK);
    assert_false(stranded);
}

/* The same, the wake descriptor refused every time: the call queued on that
 * loop fails at once (ACR_ERR_TRANSPORT saying why), not at its deadline as
 * if the turn had never come. */
static int wake_fd_refused = -1;

static bool socket_refusing_wake(void *ctx, int fd, int events)
{
    (void)ctx;
    (void)events;
    if (wake_fd_refused < 0 || fd == wake_fd_refused) {
        wake_fd_refused = fd; /* the first descriptor asked for: the wake eventfd */
        wake_refusals++;
        return true;
    }
    return false;
}

static void test_wake_descriptor_always_refused(void **state)
{
    (void)state;
    wake_fd_refused = -1;
    wake_scene w;
    wake_scene_set_up(&w, socket_refusing_wake, "65");
    assert_int_equal(update_start(w.loop, &w.q), ACR_OK);
    /* Driven by its timer alone (the loop says ACR_ERR_TRANSPORT for the refusals). */
    for (int i = 0; i < 3000 && acr_loop_active(w.loop); i++) {
        acr_status ignored;
        if (driver_loop_fire_timer(w.dl, 5, &ignored) < 0)
            fail_msg("%s", driver_loop_failure(w.dl));
    }
    assert_int_equal(pthread_join(w.thread, NULL), 0);
    control("/__mock/config", "{\"update_delay_ms\": 0}");
    print_message("refusals %d, the queued call: %s: %s\n", wake_refusals, acr_status_name(w.q.status),
                  w.q.err.message);
    assert_int_equal(acr_loop_active(w.loop), 0);
    assert_int_equal(w.q.done_count, 1);
    assert_int_equal(w.q.status, ACR_ERR_TRANSPORT);
    assert_non_null(strstr(w.q.err.message, "wake descriptor"));
    update_free(&w.q);
    assert_int_equal(driver_loop_free(w.dl), ACR_OK);
}

int main(int argc, char **argv)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_cancel_from_log_callback, fixture_setup, fixture_teardown),
        cmocka_unit_test_setup_teardown(test_nomem_at_every_allocation, fixture_setup, fixture_teardown),
        cmocka_unit_test_setup_teardown(test_no_timer_armed_after_free, fixture_setup, fixture_teardown),
        cmocka_unit_test_setup_teardown(test_cancel_all_from_done_while_starting, fixture_setup, fixture_teardown),
        cmocka_unit_test_setup_teardown(test_err_null, fixture_setup, fixture_teardown),
        cmocka_unit_test_setup_teardown(test_blocking_call_behind_own_loops_turn, fixture_setup, fixture_teardown),
        cmocka_unit_test_setup_teardown(test_timer_failure_at_start_is_not_lost, fixture_setup, fixture_teardown),
        cmocka_unit_test_setup_teardown(test_cancel_in_same_batch, fixture_setup, fixture_teardown),
        cmocka_unit_test_setup_teardown(test_wake_descriptor_refused_once, fixture_setup, fixture_teardown),
        cmocka_unit_test_setup_teardown(test_wake_descriptor_always_refused, fixture_setup, fixture_teardown),
    };
    if (argc > 1)
        cmocka_set_test_filter(argv[1]);
    return cmocka_run_group_tests_name("review_async", tests, fixture_group_setup, fixture_group_teardown);
}
