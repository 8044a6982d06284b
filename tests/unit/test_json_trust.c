/* What an outside review of the JSON engine found (issue 9, items 17 to 21),
 * one regression test each: escapes that decode to lone surrogates, object keys
 * that are not UTF-8, violations hidden by a duplicate key, parse time and
 * memory for one long value fed in chunks, and arrays that lost their items. */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* --- helpers --- */

static acr_status parse_update(const char *json, acr_update_request *r, acr_error *err)
{
    *r = (acr_update_request)ACR_UPDATE_REQUEST_INIT;
    return acr_update_request_parse(json, strlen(json), r, err);
}

static acr_status parse_stop_response(const char *json, acr_stop_response *r, acr_error *err)
{
    *r = (acr_stop_response)ACR_STOP_RESPONSE_INIT;
    return acr_stop_response_parse(json, strlen(json), r, err);
}

static acr_update_request minimal_update(void)
{
    acr_update_request r = ACR_UPDATE_REQUEST_INIT;
    r.cname = "httpClient463224";
    r.uid = "527841";
    return r;
}

/* --- 21: an array pointer that is NULL with a non-zero count --- */

static void test_null_array_with_count_is_a_violation(void **state)
{
    (void)state;
    acr_update_request r = minimal_update();
    r.client_request.has_stream_subscribe = true;
    r.client_request.stream_subscribe.has_audio_uid_list = true;
    r.client_request.stream_subscribe.audio_uid_list.subscribe_audio_uids = NULL;
    r.client_request.stream_subscribe.audio_uid_list.subscribe_audio_uids_count = 2;
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(acr_update_request_validate(&r, ACR_MODE_ANY, &err), ACR_ERR_INVALID_REQUEST);
    static const char *const where =
        "/clientRequest/streamSubscribe/audioUidList/subscribeAudioUids";
    support_assert_violations(&err, &where, 1);
    assert_non_null(strstr(err.violations[0].message, "NULL"));

    /* Serializing it is refused too: it is never written as if absent. */
    char *json = NULL;
    assert_int_equal(acr_update_request_to_json(&r, &json, NULL, &err), ACR_ERR_INVALID_REQUEST);
    assert_null(json);
    assert_non_null(err.pointer);
    assert_string_equal(err.pointer, where);

    /* NULL with a count of 0 is the absent array, as before. */
    r.client_request.stream_subscribe.audio_uid_list.subscribe_audio_uids_count = 0;
    const char *audio[] = {"#allstream#"};
    r.client_request.stream_subscribe.audio_uid_list.unsubscribe_audio_uids = audio;
    r.client_request.stream_subscribe.audio_uid_list.unsubscribe_audio_uids_count = 1;
    assert_int_equal(acr_update_request_validate(&r, ACR_MODE_ANY, &err), ACR_OK);
    assert_int_equal(acr_update_request_to_json(&r, &json, NULL, &err), ACR_OK);
    assert_null(strstr(json, "\"subscribeAudioUids\""));
    acr_free(json);
    acr_error_clear(&err);
}

/* --- 18: object keys must be UTF-8 like values --- */

static void test_request_key_that_is_not_utf8_is_reported_at_its_object(void **state)
{
    (void)state;
    static const char *const keys[] = {
        "b\xed\xa0\x80" "d",  /* a surrogate, in UTF-8 bytes */
        "\xc0\xaf",           /* an overlong '/' */
        "\xf4\x90\x80\x80",   /* above U+10FFFF */
    };
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        char json[256];
        snprintf(json, sizeof json,
                 "{\"cname\":\"c\",\"uid\":\"1\",\"%s\":1,\"clientRequest\":{\"%s\":{\"x\":[1]}}}", keys[i], keys[i]);
        acr_update_request r;
        acr_error err = ACR_ERROR_INIT;
        assert_int_equal(parse_update(json, &r, &err), ACR_ERR_INVALID_REQUEST);
        static const char *const expected[] = {"", "/clientRequest"};
        support_assert_violations(&err, expected, 2);
        assert_non_null(strstr(err.violations[0].message, "property name"));
        /* Parsing went on: the rest of the body is there. */
        assert_string_equal(r.uid, "1");
        acr_error_clear(&err);
        acr_update_request_free(&r);
    }
}

static void test_response_key_that_is_not_utf8_is_refused(void **state)
{
    (void)state;
    acr_stop_response r;
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(parse_stop_response("{\"cname\":\"a\",\"serverResponse\":{\"l\xed\xa0\x80\":1}}", &r, &err),
                     ACR_ERR_INVALID_RESPONSE);
    assert_non_null(err.pointer);
    assert_string_equal(err.pointer, "/serverResponse");
    acr_stop_response_free(&r);
    /* A skipped value is checked like any other. */
    assert_int_equal(parse_stop_response("{\"cname\":\"a\",\"later\":[\"\xed\xa0\x80\"]}", &r, &err),
                     ACR_ERR_INVALID_RESPONSE);
    acr_stop_response_free(&r);
    /* Valid non-ASCII keys are skipped as before. */
    assert_int_equal(parse_stop_response("{\"cname\":\"a\",\"\xc3\xa9t\xc3\xa9\":\"\xe2\x82\xac\"}", &r, &err), ACR_OK);
    acr_stop_response_free(&r);
    acr_error_clear(&err);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_null_array_with_count_is_a_violation),
        cmocka_unit_test(test_request_key_that_is_not_utf8_is_reported_at_its_object),
        cmocka_unit_test(test_response_key_that_is_not_utf8_is_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
