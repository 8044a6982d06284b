/* Review of the transport speed work (issue 13): a recording's key longer than
 * the transfer keeps inline (ACR_KEY_INLINE), its turn handed between loops on
 * two threads (grants list, eventfd written after unlocking). The TSan build
 * runs it (label "threads"). */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "loop_fixture.h"

#define LONG_RID_LENGTH 300 /* "update\n" + this + "\n" + sid: over ACR_KEY_INLINE (320) */
#define LONG_SID "long-s1"
#define CALLS_PER_LOOP 3

static char long_rid[LONG_RID_LENGTH + 1];

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

typedef struct loop_thread {
    update_call u[CALLS_PER_LOOP];
    acr_status started[CALLS_PER_LOOP];
    acr_status ran;
    acr_status freed;
    int uid_base;
} loop_thread;

/* Its own loop, three updates of the long recording, run to the end. */
static void *run_loop(void *arg)
{
    loop_thread *lt = arg;
    acr_loop *loop = NULL;
    acr_error err = ACR_ERROR_INIT;
    lt->ran = acr_loop_new(client, NULL, &loop, &err);
    acr_error_clear(&err);
    if (lt->ran != ACR_OK)
        return NULL;
    for (int i = 0; i < CALLS_PER_LOOP; i++) {
        char uid[16];
        snprintf(uid, sizeof uid, "%d", lt->uid_base + i);
        update_init(&lt->u[i], "unused", LONG_SID, uid);
        const char *values[4] = {NULL, long_rid, LONG_SID, "mix"};
        acr_error e = ACR_ERROR_INIT;
        lt->started[i] = acr_call_start(loop, &acr_update_operation, values, &lt->u[i].req, &lt->u[i].resp,
                                        update_done, &lt->u[i], &lt->u[i].transfer, &e);
        acr_error_clear(&e);
    }
    lt->ran = acr_loop_run(loop);
    lt->freed = acr_loop_free(loop);
    return NULL;
}

/* Two loops on two threads, three updates each, all of one recording whose
 * key is allocated (not inline): never two at once at the service, each ends
 * once and well, and the keys are freed (ASan/valgrind builds). */
static void test_long_key_turn_across_threads(void **state)
{
    (void)state;
    memset(long_rid, 'k', LONG_RID_LENGTH);
    long_rid[LONG_RID_LENGTH] = '\0';
    add_recording(long_rid, LONG_SID);
    control("/__mock/config", "{\"update_delay_ms\": 5}");
    static loop_thread lt[2];
    memset(lt, 0, sizeof lt);
    pthread_t th[2];
    for (int i = 0; i < 2; i++) {
        lt[i].uid_base = 100 * (i + 1);
        assert_int_equal(pthread_create(&th[i], NULL, run_loop, &lt[i]), 0);
    }
    for (int i = 0; i < 2; i++)
        assert_int_equal(pthread_join(th[i], NULL), 0);
    control("/__mock/config", "{\"update_delay_ms\": 0}");
    for (int i = 0; i < 2; i++) {
        assert_int_equal(lt[i].ran, ACR_OK);
        assert_int_equal(lt[i].freed, ACR_OK);
        for (int k = 0; k < CALLS_PER_LOOP; k++) {
            assert_int_equal(lt[i].started[k], ACR_OK);
            assert_int_equal(lt[i].u[k].done_count, 1);
            if (lt[i].u[k].status != ACR_OK)
                fail_msg("loop %d, call %d: %s", i, k, lt[i].u[k].err.message);
            update_free(&lt[i].u[k]);
        }
    }
    yajl_val st = mock_state();
    yajl_val rec = find_recording(st, long_rid, LONG_SID);
    assert_int_equal(support_int_member(rec, "updates"), 2 * CALLS_PER_LOOP);
    assert_int_equal(support_int_member(rec, "max_concurrent_updates"), 1);
    yajl_tree_free(st);
}

/* --- a turn handed over as its waiter's deadline passes --------------------------- */

#define RACE_ROUNDS 12

typedef struct racer {
    update_call u;
    acr_status started, ran, freed;
    pthread_barrier_t *go;
    int uid;
} racer;

/* One loop, one update of loop-r1, run to its end, the loop freed at once
 * (while the other thread may be handing it the turn). */
static void *race_one(void *arg)
{
    racer *r = arg;
    acr_loop *loop = NULL;
    acr_error err = ACR_ERROR_INIT;
    r->ran = acr_loop_new(client, NULL, &loop, &err);
    acr_error_clear(&err);
    pthread_barrier_wait(r->go);
    if (r->ran != ACR_OK)
        return NULL;
    char uid[16];
    snprintf(uid, sizeof uid, "%d", r->uid);
    update_init(&r->u, "loop-r1", "loop-s1", uid);
    r->started = update_start(loop, &r->u);
    r->ran = acr_loop_run(loop);
    r->freed = acr_loop_free(loop);
    return NULL;
}

/* Two threads, one update each of the same recording, the whole-call limit
 * about the service's delay: the waiter's deadline and its turn's hand-over
 * come together (either may win). Each call ends exactly once, as a success
 * or by its deadline (the holder's request may then still run at the service
 * as the turn moves on: overlap is not checked here), and each loop is freed
 * while the other thread may still be waking it. */
static void test_turn_granted_as_waiter_times_out(void **state)
{
    (void)state;
    replace_client_without_retries(60);
    pthread_barrier_t go;
    assert_int_equal(pthread_barrier_init(&go, NULL, 2), 0);
    for (int round = 0; round < RACE_ROUNDS; round++) {
        char config[64];
        snprintf(config, sizeof config, "{\"update_delay_ms\": %d}", 50 + round % 4 * 3);
        control("/__mock/config", config);
        static racer r[2];
        memset(r, 0, sizeof r);
        pthread_t th[2];
        for (int i = 0; i < 2; i++) {
            r[i].go = &go;
            r[i].uid = 300 + round * 2 + i;
            assert_int_equal(pthread_create(&th[i], NULL, race_one, &r[i]), 0);
        }
        for (int i = 0; i < 2; i++)
            assert_int_equal(pthread_join(th[i], NULL), 0);
        for (int i = 0; i < 2; i++) {
            assert_int_equal(r[i].started, ACR_OK);
            assert_int_equal(r[i].ran, ACR_OK);
            assert_int_equal(r[i].freed, ACR_OK);
            assert_int_equal(r[i].u.done_count, 1);
            if (r[i].u.status != ACR_OK && r[i].u.status != ACR_ERR_TRANSPORT)
                fail_msg("round %d, thread %d: %s", round, i, r[i].u.err.message);
            update_free(&r[i].u);
        }
    }
    control("/__mock/config", "{\"update_delay_ms\": 0}");
    pthread_barrier_destroy(&go);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_long_key_turn_across_threads, fixture_setup, fixture_teardown),
        cmocka_unit_test_setup_teardown(test_turn_granted_as_waiter_times_out, fixture_setup, fixture_teardown),
    };
    return cmocka_run_group_tests(tests, fixture_group_setup, fixture_group_teardown);
}
