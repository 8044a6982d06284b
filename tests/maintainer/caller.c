/* What a user writes after the maintainer's schema edit (add_operations.py):
 * calls the two new generated functions, acr_recording_status() and
 * acr_pause_recording(), and prints each answer re-serialized, one line each:
 *   NAME STATUS JSON-OR-MESSAGE
 * then both at once through their async wrappers (acr_recording_status_async(),
 * acr_pause_recording_async()) on one loop, for the resource ID rid5.
 * Usage: caller BASE_URL (the credentials are made up: the stand-in server
 * accepts any). */
#include <stdio.h>

#include "acr_api.h"

static int print_result(const char *name, acr_status status, const acr_error *err, char *json)
{
    int written;
    if (status == ACR_OK) {
        written = printf("%s %s %s\n", name, acr_status_name(status), json);
    } else if (status == ACR_ERR_INVALID_REQUEST && err->violation_count > 0) {
        written = printf("%s %s %s: %s\n", name, acr_status_name(status), err->violations[0].pointer,
                         err->violations[0].message);
    } else {
        written = printf("%s %s %s\n", name, acr_status_name(status), err->message);
    }
    acr_free(json);
    return written < 0 ? 1 : 0;
}

/* One async call's end: its done callback keeps the status and the error. */
typedef struct ended {
    int calls;
    acr_status status;
    acr_error err;
} ended;

static void on_done(void *ctx, acr_transfer *transfer, acr_status status, acr_error *err)
{
    ended *e = ctx;
    (void)transfer;
    e->calls++;
    e->status = status;
    acr_error_move(&e->err, err);
}

/* Both new operations in flight at once on one loop; printed once it is idle. */
static int call_both_async(acr_client *client)
{
    acr_loop *loop;
    acr_error err = ACR_ERROR_INIT;
    if (acr_loop_new(client, NULL, &loop, &err) != ACR_OK) {
        fprintf(stderr, "caller: %s\n", err.message);
        return 1;
    }
    acr_recording_status_params status_params = {.resource_id = "rid5", .sid = "sid5", .mode = ACR_MODE_WEB};
    acr_recording_status_response status_response = ACR_RECORDING_STATUS_RESPONSE_INIT;
    acr_pause_recording_params pause_params = {.resource_id = "rid5", .sid = "sid5", .mode = ACR_MODE_WEB};
    acr_pause_recording_request request = ACR_PAUSE_RECORDING_REQUEST_INIT;
    request.cname = "channel5";
    request.uid = "5";
    request.client_request.has_ratio = true;
    request.client_request.ratio = 0.5;
    acr_pause_recording_response pause_response = ACR_PAUSE_RECORDING_RESPONSE_INIT;
    ended got_status = {0, ACR_OK, ACR_ERROR_INIT}, got_pause = {0, ACR_OK, ACR_ERROR_INIT};
    acr_status status = acr_recording_status_async(loop, &status_params, &status_response, on_done, &got_status,
                                                   NULL, &got_status.err);
    if (status != ACR_OK) {
        got_status.status = status;
        got_status.calls = 1;
    }
    status = acr_pause_recording_async(loop, &pause_params, &request, &pause_response, on_done, &got_pause, NULL,
                                       &got_pause.err);
    if (status != ACR_OK) {
        got_pause.status = status;
        got_pause.calls = 1;
    }
    int failed = acr_loop_run(loop) != ACR_OK || got_status.calls != 1 || got_pause.calls != 1;
    char *json = NULL;
    status = got_status.status;
    if (status == ACR_OK) {
        status = acr_recording_status_response_to_json(&status_response, &json, NULL, &got_status.err);
    }
    failed |= print_result("recording_status_async", status, &got_status.err, json);
    json = NULL;
    status = got_pause.status;
    if (status == ACR_OK) {
        status = acr_pause_recording_response_to_json(&pause_response, &json, NULL, &got_pause.err);
    }
    failed |= print_result("pause_recording_async", status, &got_pause.err, json);
    acr_recording_status_response_free(&status_response);
    acr_pause_recording_response_free(&pause_response);
    acr_error_clear(&got_status.err);
    acr_error_clear(&got_pause.err);
    failed |= acr_loop_free(loop) != ACR_OK;
    return failed;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fputs("usage: caller BASE_URL\n", stderr);
        return 2;
    }
    acr_client_options options = ACR_CLIENT_OPTIONS_INIT;
    options.app_id = "app1";
    options.customer_id = "customer";
    options.customer_secret = "secret";
    options.base_url = argv[1];
    acr_client *client;
    acr_error err = ACR_ERROR_INIT;
    if (acr_client_new(&options, &client, &err) != ACR_OK) {
        fprintf(stderr, "caller: %s\n", err.message);
        return 2;
    }
    int failed = 0;
    char *json = NULL;

    /* The GET: no request argument. */
    acr_recording_status_params status_params = {.resource_id = "rid1", .sid = "sid1", .mode = ACR_MODE_MIX};
    acr_recording_status_response status_response = ACR_RECORDING_STATUS_RESPONSE_INIT;
    acr_status status = acr_recording_status(client, &status_params, &status_response, &err);
    if (status == ACR_OK) {
        status = acr_recording_status_response_to_json(&status_response, &json, NULL, &err);
    }
    failed |= print_result("recording_status", status, &err, json);
    json = NULL;
    acr_recording_status_response_free(&status_response);
    acr_error_clear(&err);

    /* The POST with a number in range, then one out of range (nothing is sent). */
    const double ratios[] = {0.1, 1.5};
    for (size_t i = 0; i < sizeof ratios / sizeof ratios[0]; i++) {
        acr_pause_recording_params pause_params = {.resource_id = "rid1", .sid = "sid1", .mode = ACR_MODE_MIX};
        acr_pause_recording_request request = ACR_PAUSE_RECORDING_REQUEST_INIT;
        request.cname = "channel1";
        request.uid = "527841";
        request.client_request.has_ratio = true;
        request.client_request.ratio = ratios[i];
        acr_pause_recording_response pause_response = ACR_PAUSE_RECORDING_RESPONSE_INIT;
        status = acr_pause_recording(client, &pause_params, &request, &pause_response, &err);
        if (status == ACR_OK) {
            status = acr_pause_recording_response_to_json(&pause_response, &json, NULL, &err);
        }
        failed |= print_result("pause_recording", status, &err, json);
        json = NULL;
        acr_pause_recording_response_free(&pause_response);
        acr_error_clear(&err);
    }

    failed |= call_both_async(client);
    acr_client_free(client);
    if (fflush(stdout) != 0) {
        failed = 1;
    }
    return failed;
}
