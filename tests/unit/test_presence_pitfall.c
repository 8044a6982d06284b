/* The has_ pitfall the README shows: members filled in under a false has_ flag
 * are silently not sent (the body stays valid), and the README's check for debug
 * builds (every member under a false flag still all zero) catches it without
 * false alarms on structs that start from their _INIT macro. The check below is
 * the README's, as an expression instead of an assert. */
#include "support.h"

#include <string.h>

/* True when `value` (size bytes) is still all zero, as an _INIT left it. */
static bool untouched(const void *value, size_t size)
{
    const unsigned char *bytes = value;
    for (size_t i = 0; i < size; i++)
        if (bytes[i] != 0)
            return false;
    return true;
}

#define SENT_OR_EMPTY(parent, member) ((parent).has_##member || untouched(&(parent).member, sizeof(parent).member))

static char *update_json(const acr_update_request *r)
{
    char *json = NULL;
    size_t length = 0;
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(acr_update_request_to_json(r, &json, &length, &err), ACR_OK);
    acr_error_clear(&err);
    return json;
}

static void test_init_structs_pass_the_check(void **state)
{
    (void)state;
    acr_update_request req = ACR_UPDATE_REQUEST_INIT;
    assert_true(SENT_OR_EMPTY(req.client_request, storage_config));
    assert_true(SENT_OR_EMPTY(req.client_request, stream_subscribe));
    assert_true(SENT_OR_EMPTY(req.client_request, web_recording_config));
    assert_true(SENT_OR_EMPTY(req.client_request, rtmp_publish_config));
    assert_true(SENT_OR_EMPTY(req.client_request.stream_subscribe, audio_uid_list));
    assert_true(SENT_OR_EMPTY(req.client_request.stream_subscribe, video_uid_list));
    assert_true(SENT_OR_EMPTY(req.client_request.storage_config, extension_params));
    acr_stop_request stop = ACR_STOP_REQUEST_INIT;
    assert_true(untouched(&stop.client_request, sizeof stop.client_request));
}

static void test_filled_without_flag_is_not_sent_and_is_caught(void **state)
{
    (void)state;
    acr_update_request req = ACR_UPDATE_REQUEST_INIT;
    req.cname = "c";
    req.uid = "1";
    req.client_request.storage_config.has_vendor = true;
    req.client_request.storage_config.vendor = ACR_VENDOR_AMAZON_S3;
    req.client_request.storage_config.bucket = "recordings";
    /* forgot: req.client_request.has_storage_config = true; */

    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(acr_update_request_validate(&req, ACR_MODE_INDIVIDUAL, &err), ACR_OK);
    acr_error_clear(&err);
    char *json = update_json(&req);
    assert_string_equal(json, "{\"cname\":\"c\",\"uid\":\"1\",\"clientRequest\":{}}");
    acr_free(json);
    assert_false(SENT_OR_EMPTY(req.client_request, storage_config));

    req.client_request.has_storage_config = true;
    assert_true(SENT_OR_EMPTY(req.client_request, storage_config));
    json = update_json(&req);
    assert_non_null(strstr(json, "\"storageConfig\":{\"vendor\":1"));
    acr_free(json);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_init_structs_pass_the_check),
        cmocka_unit_test(test_filled_without_flag_is_not_sent_and_is_caught),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
