/* The fixture of the acr/loop.h tests: see loop_fixture.h. */
#include "loop_fixture.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>

mock_process mock;
acr_client *client;
atomic_int done_rank;

/* --- the mock ------------------------------------------------------------ */

void control(const char *path, const char *body)
{
    char *answer = NULL;
    long status = mock_request(&mock, "POST", path, body, &answer);
    if (status < 200 || status > 299)
        fail_msg("POST %s %s -> %ld %s", path, body ? body : "", status, answer ? answer : "");
    free(answer);
}

yajl_val mock_state(void)
{
    char *answer = NULL;
    assert_int_equal(mock_request(&mock, "GET", "/__mock/state", NULL, &answer), 200);
    yajl_val st = support_tree(answer);
    free(answer);
    return st;
}

void add_recording(const char *rid, const char *sid)
{
    char body[512];
    snprintf(body, sizeof body,
             "{\"mode\": \"mix\", \"appid\": \"" APP "\", \"resourceId\": \"%s\", \"sid\": \"%s\", "
             "\"cname\": \"" CNAME "\", \"uid\": \"" UID "\"}",
             rid, sid);
    control("/__mock/recordings", body);
}

long long updates_in_flight(const char *rid, const char *sid)
{
    yajl_val st = mock_state();
    yajl_val list = support_member(st, "update_concurrency");
    long long n = 0;
    for (size_t i = 0; i < YAJL_GET_ARRAY(list)->len; i++) {
        yajl_val v = YAJL_GET_ARRAY(list)->values[i];
        if (strcmp(support_string_member(v, "resourceId"), rid) == 0 && strcmp(support_string_member(v, "sid"), sid) == 0)
            n = support_int_member(v, "in_flight");
    }
    yajl_tree_free(st);
    return n;
}

/* --- clients and loops --------------------------------------------------------- */

static const long BACKOFF[] = {20};

void client_options(acr_client_options *o)
{
    acr_client_options init = ACR_CLIENT_OPTIONS_INIT;
    *o = init;
    o->app_id = APP;
    o->customer_id = CUSTOMER_ID;
    o->customer_secret = CUSTOMER_SECRET;
    o->base_url = mock.base_url;
    o->timeout_ms = 30000;
}

static acr_client *client_from(const acr_client_options *o)
{
    acr_client *c = NULL;
    acr_error err = ACR_ERROR_INIT;
    if (acr_client_new(o, &c, &err) != ACR_OK)
        fail_msg("acr_client_new: %s", err.message);
    acr_error_clear(&err);
    return c;
}

acr_client *new_client(bool retries)
{
    acr_client_options o;
    client_options(&o);
    if (retries) {
        o.retry.max_attempts = 3;
        o.retry.backoff_ms = BACKOFF;
        o.retry.backoff_count = 1;
        o.retry.jitter_percent = -1;
    } else {
        o.retry.disabled = 1;
    }
    return client_from(&o);
}

void replace_client(const acr_client_options *o)
{
    acr_client_free(client);
    client = NULL;
    client = client_from(o);
}

void replace_client_without_retries(long timeout_ms)
{
    acr_client_options o;
    client_options(&o);
    o.timeout_ms = timeout_ms;
    o.retry.disabled = 1;
    replace_client(&o);
}

acr_loop *new_loop(acr_client *c, const acr_loop_options *o)
{
    acr_loop *loop = NULL;
    acr_error err = ACR_ERROR_INIT;
    if (acr_loop_new(c, o, &loop, &err) != ACR_OK)
        fail_msg("acr_loop_new: %s", err.message);
    return loop;
}

driver_loop *new_driven_loop(driver_counts *counts, const driver_refusals *refusals)
{
    driver_loop *dl = NULL;
    char why[256];
    if (driver_loop_new_refusing(client, counts, refusals, &dl, why, sizeof why) != 0)
        fail_msg("%s", why);
    return dl;
}

void drive(driver_loop *dl)
{
    for (int i = 0; i < 3000 && acr_loop_active(driver_loop_acr(dl)); i++)
        if (driver_loop_step(dl, 100) != 0)
            fail_msg("the epoll driver: %s", driver_loop_failure(dl));
}

/* --- update calls ----------------------------------------------------------------- */

void update_done(void *ctx, acr_transfer *transfer, acr_status status, acr_error *err)
{
    update_call *u = ctx;
    (void)transfer;
    u->done_count++;
    u->status = status;
    u->order = ++done_rank;
    acr_error_move(&u->err, err);
}

void update_init(update_call *u, const char *rid, const char *sid, const char *uid)
{
    memset(u, 0, sizeof *u);
    snprintf(u->rid, sizeof u->rid, "%s", rid);
    snprintf(u->sid, sizeof u->sid, "%s", sid);
    snprintf(u->uid, sizeof u->uid, "%s", uid);
    u->uids[0] = u->uid;
    u->req.cname = CNAME;
    u->req.uid = UID;
    u->req.client_request.has_stream_subscribe = true;
    u->req.client_request.stream_subscribe.has_audio_uid_list = true;
    u->req.client_request.stream_subscribe.audio_uid_list.subscribe_audio_uids = u->uids;
    u->req.client_request.stream_subscribe.audio_uid_list.subscribe_audio_uids_count = 1;
}

acr_status update_start(acr_loop *loop, update_call *u)
{
    const char *values[4] = {NULL, u->rid, u->sid, "mix"};
    acr_error err = ACR_ERROR_INIT;
    acr_status status = acr_call_start(loop, &acr_update_operation, values, &u->req, &u->resp, update_done, u,
                                       &u->transfer, &err);
    if (status == ACR_OK) {
        memset(u->rid, 'x', sizeof u->rid - 1);
        memset(u->uid, 'y', sizeof u->uid - 1);
    } else {
        acr_error_move(&u->err, &err);
    }
    acr_error_clear(&err);
    return status;
}

void update_free(update_call *u)
{
    acr_update_response_free(&u->resp);
    acr_error_clear(&u->err);
}

/* --- cmocka fixtures ------------------------------------------------------------------ */

int fixture_group_setup(void **state)
{
    (void)state;
    const char *args[] = {"--customer-id", CUSTOMER_ID, "--customer-secret", CUSTOMER_SECRET, NULL};
    return mock_start(&mock, args, 20000) == 0 ? 0 : -1;
}

int fixture_group_teardown(void **state)
{
    (void)state;
    mock_stop(&mock);
    curl_global_cleanup(); /* balances the control helper's implicit curl_global_init */
    return 0;
}

int fixture_setup(void **state)
{
    (void)state;
    done_rank = 0;
    client = new_client(true);
    control("/__mock/reset", "{\"recordings\": \"clear\"}");
    add_recording("loop-r1", "loop-s1");
    add_recording("loop-r2", "loop-s2");
    return 0;
}

int fixture_teardown(void **state)
{
    (void)state;
    acr_client_free(client);
    client = NULL;
    return 0;
}
