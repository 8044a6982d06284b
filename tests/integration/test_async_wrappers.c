/* Integration tests: the generated acr_<op>_async wrappers against the loopback
 * mock, on one poll-style loop (acr_loop_run). A recording's whole life (acquire,
 * start, query, update, updateLayout, stop) runs as a chain: each done callback
 * starts the next step, with params built on its stack from the previous
 * response (copied by the wrapper), and the checks of test_lifecycle.c run on
 * the typed responses afterwards. Then what never starts (an invalid request, a
 * mode the operation refuses), the wrapper without params (ncsIp), and a
 * cancelled call.
 *
 * cmocka's assertions jump out of the function that fails, so the callbacks
 * only record; the test body asserts once the loop has returned. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mock_customer.h"

#define APP "acr-async-app"
#define CUSTOMER_ID "acr-async-customer"
#define CUSTOMER_SECRET "acr-async-secret"

mock_customer customer = {APP, CUSTOMER_ID, CUSTOMER_SECRET, {0}};

static acr_loop *loop_for(acr_client *c)
{
    acr_loop *loop = NULL;
    acr_error err = ACR_ERROR_INIT;
    if (acr_loop_new(c, NULL, &loop, &err) != ACR_OK)
        fail_msg("acr_loop_new: %s", err.message);
    acr_error_clear(&err);
    return loop;
}

/* One call's end, as a done callback saw it. */
typedef struct outcome {
    int calls;
    acr_status status;
    acr_error err;
} outcome;

static void record(outcome *o, acr_status status, acr_error *err)
{
    o->calls++;
    o->status = status;
    acr_error_move(&o->err, err);
}

static void outcome_done(void *ctx, acr_transfer *transfer, acr_status status, acr_error *err)
{
    (void)transfer;
    record(ctx, status, err);
}

static void assert_ok_once(const outcome *o, const char *what)
{
    if (o->calls != 1 || o->status != ACR_OK)
        fail_msg("%s: %d done call(s), status %s: %s", what, o->calls, acr_status_name(o->status), o->err.message);
}

/* === acquire -> start -> query -> update -> updateLayout -> stop =========== */

enum { ACQUIRE, START, QUERY, UPDATE, LAYOUT, STOP, STEPS };
static const char *const step_names[STEPS] = {"acquire", "start", "query", "update", "updateLayout", "stop"};

typedef struct life {
    acr_loop *loop;
    int step;                   /* the step in flight */
    acr_status started[STEPS];  /* what each _async call returned */
    outcome end[STEPS];
    acr_acquire_request acquire;
    acr_start_request start;
    acr_update_request update;
    acr_update_layout_request layout;
    acr_stop_request stop;
    acr_acquire_response acquired;
    acr_start_response began;
    acr_query_response queried;
    acr_update_response updated;
    acr_update_layout_response laid_out;
    acr_stop_response stopped;
} life;

static void step_done(void *ctx, acr_transfer *transfer, acr_status status, acr_error *err);

/* Starts l->step. The params live on this stack frame only: the wrappers copy
 * them, and the calls run after this returns. */
static acr_status start_step(life *l, acr_error *err)
{
    const char *rid = l->acquired.resource_id, *sid = l->began.sid;
    switch (l->step) {
    case ACQUIRE:
        return acr_acquire_async(l->loop, &l->acquire, &l->acquired, step_done, l, NULL, err);
    case START: {
        acr_start_params p = {.resource_id = rid, .mode = ACR_MODE_MIX};
        return acr_start_async(l->loop, &p, &l->start, &l->began, step_done, l, NULL, err);
    }
    case QUERY: {
        acr_query_params p = {.resource_id = rid, .sid = sid, .mode = ACR_MODE_MIX};
        return acr_query_async(l->loop, &p, &l->queried, step_done, l, NULL, err);
    }
    case UPDATE: {
        acr_update_params p = {.resource_id = rid, .sid = sid, .mode = ACR_MODE_MIX};
        return acr_update_async(l->loop, &p, &l->update, &l->updated, step_done, l, NULL, err);
    }
    case LAYOUT: {
        acr_update_layout_params p = {.resource_id = rid, .sid = sid, .mode = ACR_MODE_MIX};
        return acr_update_layout_async(l->loop, &p, &l->layout, &l->laid_out, step_done, l, NULL, err);
    }
    case STOP: {
        acr_stop_params p = {.resource_id = rid, .sid = sid, .mode = ACR_MODE_MIX};
        return acr_stop_async(l->loop, &p, &l->stop, &l->stopped, step_done, l, NULL, err);
    }
    }
    return ACR_ERR_USAGE;
}

/* Records the step's end and, when it succeeded, starts the next one from
 * inside this callback. */
static void step_done(void *ctx, acr_transfer *transfer, acr_status status, acr_error *err)
{
    life *l = ctx;
    (void)transfer;
    record(&l->end[l->step], status, err);
    if (status != ACR_OK || l->step + 1 == STEPS)
        return;
    l->step++;
    acr_error start_err = ACR_ERROR_INIT;
    l->started[l->step] = start_step(l, &start_err);
    if (l->started[l->step] != ACR_OK)
        acr_error_move(&l->end[l->step].err, &start_err);
}

static void test_a_recordings_life_on_one_loop(void **state)
{
    (void)state;
    acr_client *c = mock_customer_client(&customer, APP);
    life l;
    memset(&l, 0, sizeof l); /* every struct's _INIT is all zeroes (ACR_ZERO_INIT) */
    PARSE_BODY(acquire, "examples/bodies/lifecycle/acquire.json", &l.acquire);
    PARSE_BODY(start, "examples/bodies/lifecycle/start-mix.json", &l.start);
    PARSE_BODY(update, "examples/bodies/update-mix-storage.json", &l.update);
    PARSE_BODY(update_layout, "examples/bodies/lifecycle/update-layout-mix.json", &l.layout);
    PARSE_BODY(stop, "examples/bodies/stop-individual.json", &l.stop);
    l.loop = loop_for(c);
    long long before = mock_customer_requests(&customer);

    acr_error err = ACR_ERROR_INIT;
    l.step = ACQUIRE;
    l.started[ACQUIRE] = start_step(&l, &err);
    assert_int_equal(l.started[ACQUIRE], ACR_OK);
    assert_int_equal(acr_loop_active(l.loop), 1);
    assert_int_equal(acr_loop_run(l.loop), ACR_OK);
    assert_int_equal(acr_loop_active(l.loop), 0);
    for (int i = 0; i < STEPS; i++) {
        if (l.started[i] != ACR_OK)
            fail_msg("%s did not start: %s: %s", step_names[i], acr_status_name(l.started[i]), l.end[i].err.message);
        assert_ok_once(&l.end[i], step_names[i]);
    }
    assert_int_equal(mock_customer_requests(&customer) - before, STEPS);

    /* The checks of test_lifecycle.c's run_life, mix mode. */
    assert_non_null(l.acquired.resource_id);
    assert_non_null(l.began.sid);
    assert_string_equal(l.began.resource_id, l.acquired.resource_id);
    assert_true(l.queried.has_server_response);
    assert_int_equal(l.queried.server_response.status, 5);
    assert_int_equal(l.queried.server_response.file_list_count, 2);
    assert_string_equal(l.updated.sid, l.began.sid);
    assert_string_equal(l.laid_out.sid, l.began.sid);
    assert_string_equal(l.stopped.sid, l.began.sid);

    /* The resource ID served its one recording: a second start is 201, code 7,
     * and the callback's error, kept with acr_error_move, says so. */
    acr_start_params sp = {.resource_id = l.acquired.resource_id, .mode = ACR_MODE_MIX};
    acr_start_response again = ACR_START_RESPONSE_INIT;
    outcome second = {0, ACR_OK, ACR_ERROR_INIT};
    assert_int_equal(acr_start_async(l.loop, &sp, &l.start, &again, outcome_done, &second, NULL, &err), ACR_OK);
    assert_int_equal(acr_loop_run(l.loop), ACR_OK);
    assert_int_equal(second.calls, 1);
    assert_int_equal(second.status, ACR_ERR_HTTP);
    assert_int_equal(second.err.http_status, 201);
    assert_true(second.err.has_service_code);
    assert_int_equal(second.err.service_code, 7);
    assert_non_null(second.err.request_id);

    assert_int_equal(acr_loop_free(l.loop), ACR_OK);
    acr_acquire_request_free(&l.acquire);
    acr_start_request_free(&l.start);
    acr_update_request_free(&l.update);
    acr_update_layout_request_free(&l.layout);
    acr_stop_request_free(&l.stop);
    acr_acquire_response_free(&l.acquired);
    acr_start_response_free(&l.began);
    acr_start_response_free(&again);
    acr_query_response_free(&l.queried);
    acr_update_response_free(&l.updated);
    acr_update_layout_response_free(&l.laid_out);
    acr_stop_response_free(&l.stopped);
    for (int i = 0; i < STEPS; i++)
        acr_error_clear(&l.end[i].err);
    acr_error_clear(&second.err);
    acr_error_clear(&err);
    acr_client_free(c);
}

/* === what never starts ===================================================== */

/* An invalid request and a mode the operation refuses: the wrapper returns the
 * error at once, the callback never runs and nothing reaches the service. */
static void test_refused_calls_never_start(void **state)
{
    (void)state;
    acr_client *c = mock_customer_client(&customer, APP);
    acr_loop *loop = loop_for(c);
    long long before = mock_customer_requests(&customer);
    outcome o = {0, ACR_OK, ACR_ERROR_INIT};
    acr_error err = ACR_ERROR_INIT;
    acr_transfer *transfer = NULL;

    acr_update_params up = {.resource_id = "rid", .sid = "sid", .mode = ACR_MODE_MIX};
    acr_update_request empty = ACR_UPDATE_REQUEST_INIT; /* no cname, no uid */
    acr_update_response updated = ACR_UPDATE_RESPONSE_INIT;
    assert_int_equal(acr_update_async(loop, &up, &empty, &updated, outcome_done, &o, &transfer, &err),
                     ACR_ERR_INVALID_REQUEST);
    assert_true(support_has_violation(&err, "/cname"));
    assert_true(support_has_violation(&err, "/uid"));

    acr_update_layout_request layout = ACR_UPDATE_LAYOUT_REQUEST_INIT;
    PARSE_BODY(update_layout, "examples/bodies/lifecycle/update-layout-mix.json", &layout);
    acr_update_layout_params lp = {.resource_id = "rid", .sid = "sid", .mode = ACR_MODE_INDIVIDUAL};
    acr_update_layout_response laid_out = ACR_UPDATE_LAYOUT_RESPONSE_INIT;
    assert_int_equal(acr_update_layout_async(loop, &lp, &layout, &laid_out, outcome_done, &o, &transfer, &err),
                     ACR_ERR_USAGE);

    assert_int_equal(acr_loop_active(loop), 0);
    assert_int_equal(acr_loop_run(loop), ACR_OK);
    assert_int_equal(o.calls, 0);
    assert_int_equal(mock_customer_requests(&customer), before);

    assert_int_equal(acr_loop_free(loop), ACR_OK);
    acr_update_layout_request_free(&layout);
    acr_update_response_free(&updated);
    acr_update_layout_response_free(&laid_out);
    acr_error_clear(&o.err);
    acr_error_clear(&err);
    acr_client_free(c);
}

/* === no params, and cancellation =========================================== */

/* ncsIp's wrapper takes no params (its path has none, not even {appid}): on a
 * client without an App ID it runs, and its response is filled. */
static void test_ncs_ip_async_without_app_id(void **state)
{
    (void)state;
    acr_client *c = mock_customer_client(&customer, NULL);
    acr_loop *loop = loop_for(c);
    acr_ncs_ip_response resp = ACR_NCS_IP_RESPONSE_INIT;
    outcome o = {0, ACR_OK, ACR_ERROR_INIT};
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(acr_ncs_ip_async(loop, &resp, outcome_done, &o, NULL, &err), ACR_OK);
    assert_int_equal(acr_loop_run(loop), ACR_OK);
    assert_ok_once(&o, "ncsIp");
    assert_true(resp.has_data && resp.data.has_service);
    assert_int_equal(resp.data.service.hosts_count, 3);
    assert_non_null(resp.data.service.hosts[0].primary_ip);
    assert_int_equal(acr_loop_free(loop), ACR_OK);
    acr_ncs_ip_response_free(&resp);
    acr_error_clear(&o.err);
    acr_error_clear(&err);
    acr_client_free(c);
}

/* The handle a wrapper gives back cancels its call: the callback runs once,
 * with ACR_ERR_CANCELLED, before acr_transfer_cancel returns. */
static void test_the_transfer_handle_cancels(void **state)
{
    (void)state;
    acr_client *c = mock_customer_client(&customer, APP);
    acr_loop *loop = loop_for(c);
    acr_query_params qp = {.resource_id = "rid", .sid = "sid", .mode = ACR_MODE_MIX};
    acr_query_response resp = ACR_QUERY_RESPONSE_INIT;
    outcome o = {0, ACR_OK, ACR_ERROR_INIT};
    acr_error err = ACR_ERROR_INIT;
    acr_transfer *transfer = NULL;
    assert_int_equal(acr_query_async(loop, &qp, &resp, outcome_done, &o, &transfer, &err), ACR_OK);
    assert_non_null(transfer);
    assert_int_equal(acr_transfer_cancel(transfer), ACR_OK);
    assert_int_equal(o.calls, 1);
    assert_int_equal(o.status, ACR_ERR_CANCELLED);
    assert_int_equal(o.err.status, ACR_ERR_CANCELLED);
    assert_int_equal(acr_loop_active(loop), 0);
    assert_int_equal(acr_loop_free(loop), ACR_OK);
    acr_query_response_free(&resp);
    acr_error_clear(&o.err);
    acr_error_clear(&err);
    acr_client_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_a_recordings_life_on_one_loop),
        cmocka_unit_test(test_refused_calls_never_start),
        cmocka_unit_test(test_ncs_ip_async_without_app_id),
        cmocka_unit_test(test_the_transfer_handle_cancels),
    };
    return cmocka_run_group_tests(tests, mock_customer_group_setup, mock_customer_group_teardown);
}
