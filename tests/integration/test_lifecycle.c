/* Integration tests: a recording's whole life through the typed calls (acquire,
 * start, query, update, updateLayout, stop) against the loopback mock, with the
 * request bodies of examples/bodies/, and the App ID a client may go without:
 * ncsIp has no {appid} in its path, so a client made without one can call it,
 * and any other call on such a client is a usage error sent nowhere. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mock_customer.h"

#define APP "acr-lifecycle-app"
#define CUSTOMER_ID "acr-lc-customer"
#define CUSTOMER_SECRET "acr-lc-secret"

mock_customer customer = {APP, CUSTOMER_ID, CUSTOMER_SECRET, {0}};

/* === the App ID ============================================================ */

static void test_ncs_ip_without_app_id(void **state)
{
    (void)state;
    const char *none[] = {NULL, ""}; /* both mean "no App ID" */
    for (size_t i = 0; i < 2; i++) {
        acr_client *c = mock_customer_client(&customer, none[i]);
        acr_ncs_ip_response resp = ACR_NCS_IP_RESPONSE_INIT;
        acr_error err = ACR_ERROR_INIT;
        assert_int_equal(acr_ncs_ip(c, &resp, &err), ACR_OK);
        assert_true(resp.has_data && resp.data.has_service);
        assert_int_equal(resp.data.service.hosts_count, 3);
        assert_non_null(resp.data.service.hosts[0].primary_ip);
        acr_ncs_ip_response_free(&resp);
        acr_error_clear(&err);
        acr_client_free(c);
    }
}

/* Every operation whose path has {appid}, on a client without one: a usage
 * error naming the parameter, and nothing reaches the service. */
static void test_appid_operations_need_it(void **state)
{
    (void)state;
    acr_client *c = mock_customer_client(&customer, NULL);
    long long before = mock_customer_requests(&customer);
    acr_acquire_request acquire = ACR_ACQUIRE_REQUEST_INIT;
    PARSE_BODY(acquire, "examples/bodies/lifecycle/acquire.json", &acquire);
    acr_acquire_response acquired = ACR_ACQUIRE_RESPONSE_INIT;
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(acr_acquire(c, &acquire, &acquired, &err), ACR_ERR_USAGE);
    assert_non_null(strstr(err.message, "appid"));
    assert_non_null(strstr(err.message, "acquire"));
    assert_null(acquired.resource_id);

    acr_query_params qp = {.resource_id = "rid", .sid = "sid", .mode = ACR_MODE_MIX};
    acr_query_response queried = ACR_QUERY_RESPONSE_INIT;
    assert_int_equal(acr_query(c, &qp, &queried, &err), ACR_ERR_USAGE);
    assert_non_null(strstr(err.message, "appid"));

    /* Through the table-driven entry point too. */
    for (size_t i = 0; acr_operations[i]; i++) {
        const acr_operation_desc *op = acr_operations[i];
        if (op->client_param < 0)
            continue;
        const char *values[16] = {"v", "v", "v", "individual", "v", "v", "v", "v"};
        for (size_t k = 0; k < op->param_count; k++)
            if (strcmp(op->params[k], "mode") == 0)
                values[k] = op == &acr_update_layout_operation ? "mix" : "individual";
        /* Zeroed storage is a valid empty request and response of any operation. */
        static unsigned char request[65536], response[65536];
        assert_true(!op->request || op->request->object->size <= sizeof request);
        assert_true(op->response->object->size <= sizeof response);
        memset(response, 0, sizeof response);
        assert_int_equal(acr_call(c, op, values, op->request ? request : NULL, response, &err), ACR_ERR_USAGE);
        assert_non_null(strstr(err.message, "appid"));
        assert_non_null(strstr(err.message, op->operation_id));
    }
    assert_int_equal(mock_customer_requests(&customer), before);

    acr_acquire_request_free(&acquire);
    acr_query_response_free(&queried);
    acr_acquire_response_free(&acquired);
    acr_error_clear(&err);
    acr_client_free(c);
}

/* === acquire -> start -> query -> update -> updateLayout -> stop =========== */

static void run_life(acr_mode mode, const char *start_body, const char *update_body)
{
    acr_client *c = mock_customer_client(&customer, APP);
    acr_error err = ACR_ERROR_INIT;

    acr_acquire_request acquire = ACR_ACQUIRE_REQUEST_INIT;
    PARSE_BODY(acquire, mode == ACR_MODE_WEB ? "examples/bodies/lifecycle/acquire-web.json"
                                             : "examples/bodies/lifecycle/acquire.json", &acquire);
    acr_acquire_response acquired = ACR_ACQUIRE_RESPONSE_INIT;
    assert_int_equal(acr_acquire(c, &acquire, &acquired, &err), ACR_OK);
    assert_non_null(acquired.resource_id);

    acr_start_request start = ACR_START_REQUEST_INIT;
    PARSE_BODY(start, start_body, &start);
    acr_start_params sp = {.resource_id = acquired.resource_id, .mode = mode};
    acr_start_response started = ACR_START_RESPONSE_INIT;
    assert_int_equal(acr_start(c, &sp, &start, &started, &err), ACR_OK);
    assert_non_null(started.sid);
    assert_string_equal(started.resource_id, acquired.resource_id);

    acr_query_params qp = {.resource_id = acquired.resource_id, .sid = started.sid, .mode = mode};
    acr_query_response queried = ACR_QUERY_RESPONSE_INIT;
    assert_int_equal(acr_query(c, &qp, &queried, &err), ACR_OK);
    assert_true(queried.has_server_response);
    assert_int_equal(queried.server_response.status, 5);
    if (mode == ACR_MODE_WEB)
        assert_int_equal(queried.server_response.extension_service_state_count, 1);
    else
        assert_int_equal(queried.server_response.file_list_count, 2);

    acr_update_request update = ACR_UPDATE_REQUEST_INIT;
    PARSE_BODY(update, update_body, &update);
    acr_update_params up = {.resource_id = acquired.resource_id, .sid = started.sid, .mode = mode};
    acr_update_response updated = ACR_UPDATE_RESPONSE_INIT;
    assert_int_equal(acr_update(c, &up, &update, &updated, &err), ACR_OK);
    assert_string_equal(updated.sid, started.sid);

    acr_update_layout_request layout = ACR_UPDATE_LAYOUT_REQUEST_INIT;
    PARSE_BODY(update_layout, "examples/bodies/lifecycle/update-layout-mix.json", &layout);
    acr_update_layout_params lp = {.resource_id = acquired.resource_id, .sid = started.sid, .mode = mode};
    acr_update_layout_response laid_out = ACR_UPDATE_LAYOUT_RESPONSE_INIT;
    long long before = mock_customer_requests(&customer);
    acr_status layout_status = acr_update_layout(c, &lp, &layout, &laid_out, &err);
    if (mode == ACR_MODE_MIX) {
        assert_int_equal(layout_status, ACR_OK);
        assert_string_equal(laid_out.sid, started.sid);
    } else {
        /* updateLayout is mix only: refused before anything is sent. */
        assert_int_equal(layout_status, ACR_ERR_USAGE);
        assert_int_equal(mock_customer_requests(&customer), before);
    }

    acr_stop_request stop = ACR_STOP_REQUEST_INIT;
    PARSE_BODY(stop, "examples/bodies/stop-individual.json", &stop);
    acr_stop_params stp = {.resource_id = acquired.resource_id, .sid = started.sid, .mode = mode};
    acr_stop_response stopped = ACR_STOP_RESPONSE_INIT;
    assert_int_equal(acr_stop(c, &stp, &stop, &stopped, &err), ACR_OK);
    assert_string_equal(stopped.sid, started.sid);

    /* The resource ID served its one recording: a second start is 201, code 7. */
    acr_start_response again = ACR_START_RESPONSE_INIT;
    assert_int_equal(acr_start(c, &sp, &start, &again, &err), ACR_ERR_HTTP);
    assert_int_equal(err.http_status, 201);
    assert_true(err.has_service_code);
    assert_int_equal(err.service_code, 7);
    assert_non_null(err.request_id);

    acr_acquire_request_free(&acquire);
    acr_start_request_free(&start);
    acr_update_request_free(&update);
    acr_update_layout_request_free(&layout);
    acr_stop_request_free(&stop);
    acr_acquire_response_free(&acquired);
    acr_start_response_free(&started);
    acr_start_response_free(&again);
    acr_query_response_free(&queried);
    acr_update_response_free(&updated);
    acr_update_layout_response_free(&laid_out);
    acr_stop_response_free(&stopped);
    acr_error_clear(&err);
    acr_client_free(c);
}

static void test_life_individual(void **state)
{
    (void)state;
    run_life(ACR_MODE_INDIVIDUAL, "examples/bodies/lifecycle/start-individual.json",
             "examples/bodies/update-individual-subscribe.json");
}

static void test_life_mix(void **state)
{
    (void)state;
    run_life(ACR_MODE_MIX, "examples/bodies/lifecycle/start-mix.json", "examples/bodies/update-mix-storage.json");
}

static void test_life_web(void **state)
{
    (void)state;
    run_life(ACR_MODE_WEB, "examples/bodies/lifecycle/start-web.json", "examples/bodies/update-web-pause.json");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ncs_ip_without_app_id),
        cmocka_unit_test(test_appid_operations_need_it),
        cmocka_unit_test(test_life_individual),
        cmocka_unit_test(test_life_mix),
        cmocka_unit_test(test_life_web),
    };
    return cmocka_run_group_tests(tests, mock_customer_group_setup, mock_customer_group_teardown);
}
