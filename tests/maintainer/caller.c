/* What a user writes after the maintainer's schema edit (add_operations.py):
 * calls the two new generated functions, acr_recording_status() and
 * acr_pause_recording(), and prints each answer re-serialized, one line each:
 *   NAME STATUS JSON-OR-MESSAGE
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

    acr_client_free(client);
    if (fflush(stdout) != 0) {
        failed = 1;
    }
    return failed;
}
