/* Validation of bodies that break many rules at once: every violation is
 * reported (not only the first), each at the pointer docs/DESIGN.md defines, in an
 * order that does not change from one call to the next; a valid body has none;
 * acr_error_clear releases everything and may be called again. */
#include "support.h"

#include <stdio.h>
#include <string.h>

/* One body breaking rules at every level. Storage for the arrays is static so
 * the struct stays valid after return. */
static acr_update_request many_broken_rules(void)
{
    static const char *const subscribe[2] = {"1", "abc"};
    static const char *const unsubscribe[1] = {"2"};
    static const char *const prefix[2] = {"directory1", "bad-one"};
    acr_update_request r = ACR_UPDATE_REQUEST_INIT;
    r.cname = NULL;                                     /* required */
    r.uid = "0";                                        /* UIDs start at 1 */
    acr_update_client_request *c = &r.client_request;
    c->has_stream_subscribe = true;
    c->stream_subscribe.has_audio_uid_list = true;
    c->stream_subscribe.audio_uid_list.subscribe_audio_uids = subscribe;       /* entry 1 bad */
    c->stream_subscribe.audio_uid_list.subscribe_audio_uids_count = 2;
    c->stream_subscribe.audio_uid_list.unsubscribe_audio_uids = unsubscribe;   /* both lists */
    c->stream_subscribe.audio_uid_list.unsubscribe_audio_uids_count = 1;
    c->has_web_recording_config = true;                 /* web only */
    c->has_storage_config = true;
    acr_storage_config *s = &c->storage_config;
    s->has_vendor = true;
    s->vendor = ACR_VENDOR_S3_COMPATIBLE;
    s->has_region = true;
    s->region = 3;                                      /* vendor 11: region 0 only */
    s->bucket = NULL;                                   /* required */
    s->access_key = "exampleAccessKey";
    s->secret_key = "exampleSecretKey";
    s->sts_token = "SECRET-STS-TOKEN-VALUE";            /* not with vendor 11 */
    s->file_name_prefix = prefix;                       /* element 1 bad */
    s->file_name_prefix_count = 2;
    s->has_extension_params = true;
    s->extension_params.tag = "team=media";             /* sse missing; endpoint missing */
    return r;
}

/* Fields of an object in schema order, depth first, then the object's rules
 * about several properties (mutual exclusion, vendor conditions). */
static const char *const many_expected[] = {
    "/cname",
    "/uid",
    "/clientRequest/streamSubscribe/audioUidList/subscribeAudioUids/1",
    "/clientRequest/streamSubscribe/audioUidList",
    "/clientRequest/webRecordingConfig",
    "/clientRequest/storageConfig/bucket",
    "/clientRequest/storageConfig/fileNamePrefix/1",
    "/clientRequest/storageConfig/extensionParams/sse",
    "/clientRequest/storageConfig/region",
    "/clientRequest/storageConfig/stsToken",
    "/clientRequest/storageConfig/extensionParams/endpoint",
};

static void test_every_violation_is_reported_at_its_pointer(void **state)
{
    (void)state;
    acr_update_request r = many_broken_rules();
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(acr_update_request_validate(&r, ACR_MODE_INDIVIDUAL, &err), ACR_ERR_INVALID_REQUEST);
    assert_int_equal(err.status, ACR_ERR_INVALID_REQUEST);
    support_assert_violations(&err, many_expected, sizeof many_expected / sizeof many_expected[0]);
    /* The summary counts them. */
    assert_non_null(strstr(err.message, "11"));
    for (size_t i = 0; i < err.violation_count; i++)
        assert_true(strlen(err.violations[i].message) > 0);
    acr_error_clear(&err);
}

/* Items of an array of objects: a violation inside an item is at that item's
 * index, also after an earlier item reported its own (the index step is
 * shared by the loop). A missing string item is at its index too. */
static void test_item_violations_carry_their_index(void **state)
{
    (void)state;
    static acr_layout_region regions[3];
    static const char *const uids[] = {"7", "8", "9"};
    for (size_t i = 0; i < 3; i++) {
        regions[i] = (acr_layout_region)ACR_LAYOUT_REGION_INIT;
        regions[i].uid = uids[i];
        regions[i].has_x_axis = regions[i].has_y_axis = true;
        regions[i].has_width = regions[i].has_height = true;
        regions[i].width = regions[i].height = 0.5;
    }
    regions[1].uid = "abc";
    regions[2].x_axis = 2.0;
    acr_update_layout_request r = ACR_UPDATE_LAYOUT_REQUEST_INIT;
    r.cname = "channel1";
    r.uid = "527841";
    r.client_request.has_mixed_video_layout = true;
    r.client_request.mixed_video_layout = 3;
    r.client_request.layout_config = regions;
    r.client_request.layout_config_count = 3;
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(acr_update_layout_request_validate(&r, ACR_MODE_MIX, &err), ACR_ERR_INVALID_REQUEST);
    static const char *const expected[] = {"/clientRequest/layoutConfig/1/uid",
                                           "/clientRequest/layoutConfig/2/x_axis"};
    support_assert_violations(&err, expected, 2);
    acr_error_clear(&err);

    static const char *subscribe[] = {"1", "2", NULL, "abc"};
    acr_update_request u = ACR_UPDATE_REQUEST_INIT;
    u.cname = "channel1";
    u.uid = "527841";
    u.client_request.has_stream_subscribe = true;
    u.client_request.stream_subscribe.has_audio_uid_list = true;
    u.client_request.stream_subscribe.audio_uid_list.subscribe_audio_uids = subscribe;
    u.client_request.stream_subscribe.audio_uid_list.subscribe_audio_uids_count = 4;
    assert_int_equal(acr_update_request_validate(&u, ACR_MODE_INDIVIDUAL, &err), ACR_ERR_INVALID_REQUEST);
    static const char *const expected_uids[] = {"/clientRequest/streamSubscribe/audioUidList/subscribeAudioUids/2",
                                                "/clientRequest/streamSubscribe/audioUidList/subscribeAudioUids/3"};
    support_assert_violations(&err, expected_uids, 2);
    acr_error_clear(&err);
}

static void test_order_is_stable_across_calls(void **state)
{
    (void)state;
    acr_update_request r = many_broken_rules();
    acr_error first = ACR_ERROR_INIT;
    acr_error second = ACR_ERROR_INIT;
    assert_int_equal(acr_update_request_validate(&r, ACR_MODE_INDIVIDUAL, &first), ACR_ERR_INVALID_REQUEST);
    assert_int_equal(acr_update_request_validate(&r, ACR_MODE_INDIVIDUAL, &second), ACR_ERR_INVALID_REQUEST);
    assert_int_equal(first.violation_count, second.violation_count);
    for (size_t i = 0; i < first.violation_count; i++) {
        assert_string_equal(first.violations[i].pointer, second.violations[i].pointer);
        assert_string_equal(first.violations[i].message, second.violations[i].message);
    }
    acr_error_clear(&first);
    acr_error_clear(&second);
}

static void test_mode_any_drops_only_the_mode_violation(void **state)
{
    (void)state;
    acr_update_request r = many_broken_rules();
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(acr_update_request_validate(&r, ACR_MODE_ANY, &err), ACR_ERR_INVALID_REQUEST);
    const size_t n = sizeof many_expected / sizeof many_expected[0];
    assert_int_equal(err.violation_count, n - 1);
    assert_false(support_has_violation(&err, "/clientRequest/webRecordingConfig"));
    acr_error_clear(&err);
}

/* Well over the initial capacity of the violation list: 4 lists of 33 bad
 * entries, both mutual exclusions. Each list reports its length, then each
 * entry in index order. */
static void test_a_hundred_and_thirty_eight_violations_in_order(void **state)
{
    (void)state;
    static const char *bad[33];
    for (size_t i = 0; i < 33; i++)
        bad[i] = "x";
    acr_update_request r = ACR_UPDATE_REQUEST_INIT;
    r.cname = "c";
    r.uid = "1";
    acr_stream_subscribe *s = &r.client_request.stream_subscribe;
    r.client_request.has_stream_subscribe = true;
    s->has_audio_uid_list = true;
    s->audio_uid_list.subscribe_audio_uids = bad;
    s->audio_uid_list.subscribe_audio_uids_count = 33;
    s->audio_uid_list.unsubscribe_audio_uids = bad;
    s->audio_uid_list.unsubscribe_audio_uids_count = 33;
    s->has_video_uid_list = true;
    s->video_uid_list.subscribe_video_uids = bad;
    s->video_uid_list.subscribe_video_uids_count = 33;
    s->video_uid_list.unsubscribe_video_uids = bad;
    s->video_uid_list.unsubscribe_video_uids_count = 33;

    static const char *const lists[4][2] = {
        {"/clientRequest/streamSubscribe/audioUidList", "subscribeAudioUids"},
        {"/clientRequest/streamSubscribe/audioUidList", "unsubscribeAudioUids"},
        {"/clientRequest/streamSubscribe/videoUidList", "subscribeVideoUids"},
        {"/clientRequest/streamSubscribe/videoUidList", "unsubscribeVideoUids"},
    };
    static char text[138][96];
    const char *expected[138];
    size_t n = 0;
    for (size_t l = 0; l < 4; l++) {
        snprintf(text[n], sizeof text[n], "%s/%s", lists[l][0], lists[l][1]);
        expected[n] = text[n];
        n++;
        for (size_t i = 0; i < 33; i++) {
            snprintf(text[n], sizeof text[n], "%s/%s/%zu", lists[l][0], lists[l][1], i);
            expected[n] = text[n];
            n++;
        }
        if (l % 2 == 1) {
            expected[n++] = lists[l][0]; /* the object's mutual exclusion */
        }
    }
    assert_int_equal(n, 138);

    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(acr_update_request_validate(&r, ACR_MODE_MIX, &err), ACR_ERR_INVALID_REQUEST);
    support_assert_violations(&err, expected, n);
    acr_error_clear(&err);
}

/* Every feature at once, all within the rules (web mode allows the web-only
 * objects; streamSubscribe is then left out). */
static void test_valid_bodies_have_zero_violations(void **state)
{
    (void)state;
    static const char *const prefix[2] = {"directory1", "directory2"};
    static const acr_rtmp_output outputs[1] = {{"rtmps://live.example.com/app/key"}};
    acr_update_request r = ACR_UPDATE_REQUEST_INIT;
    r.cname = "httpClient463224";
    r.uid = "4294967295";
    acr_update_client_request *c = &r.client_request;
    c->has_web_recording_config = true;
    c->web_recording_config.has_onhold = true;
    c->web_recording_config.onhold = false;
    c->has_rtmp_publish_config = true;
    c->rtmp_publish_config.outputs = outputs;
    c->rtmp_publish_config.outputs_count = 1;
    c->has_storage_config = true;
    acr_storage_config *s = &c->storage_config;
    s->has_vendor = true;
    s->vendor = ACR_VENDOR_ALIBABA_CLOUD;
    s->has_region = true;
    s->region = 27;
    s->bucket = "b";
    s->access_key = "a";
    s->secret_key = "s";
    s->sts_token = "t";
    s->has_sts_expiration = true;
    s->sts_expiration = UINT64_MAX;
    s->file_name_prefix = prefix;
    s->file_name_prefix_count = 2;
    s->has_extension_params = true;
    s->extension_params.sse = ACR_SSE_KMS;
    s->extension_params.tag = "";
    s->extension_params.endpoint = "oss.example.com";

    /* A dirty error going in is reset, not appended to. */
    acr_error err = ACR_ERROR_INIT;
    err.status = ACR_ERR_TRANSPORT;
    snprintf(err.message, sizeof err.message, "left over");
    assert_int_equal(acr_update_request_validate(&r, ACR_MODE_WEB, &err), ACR_OK);
    assert_int_equal(err.status, ACR_OK);
    assert_int_equal(err.violation_count, 0);
    assert_null(err.violations);
    assert_string_equal(err.message, "");
    acr_error_clear(&err);

    acr_stop_request stop = ACR_STOP_REQUEST_INIT;
    stop.cname = "httpClient463224";
    stop.uid = "527841";
    assert_int_equal(acr_stop_request_validate(&stop, ACR_MODE_INDIVIDUAL, &err), ACR_OK);
    assert_int_equal(err.violation_count, 0);
    acr_error_clear(&err);
}

/* Violation messages never echo request values: the body carries secrets. */
static void test_messages_do_not_echo_values(void **state)
{
    (void)state;
    acr_update_request r = many_broken_rules();
    r.client_request.storage_config.secret_key = "SECRET-KEY-\xff-VALUE"; /* invalid UTF-8 */
    r.client_request.storage_config.access_key = "";
    r.uid = "SECRET-UID-VALUE";
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(acr_update_request_validate(&r, ACR_MODE_INDIVIDUAL, &err), ACR_ERR_INVALID_REQUEST);
    assert_true(support_has_violation(&err, "/clientRequest/storageConfig/secretKey"));
    assert_true(support_has_violation(&err, "/clientRequest/storageConfig/accessKey"));
    assert_true(support_has_violation(&err, "/clientRequest/storageConfig/stsToken"));
    assert_null(strstr(err.message, "SECRET"));
    for (size_t i = 0; i < err.violation_count; i++) {
        assert_null(strstr(err.violations[i].message, "SECRET"));
        assert_null(strstr(err.violations[i].pointer, "SECRET"));
    }
    acr_error_clear(&err);
}

static void test_error_clear_releases_and_is_idempotent(void **state)
{
    (void)state;
    acr_update_request r = many_broken_rules();
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(acr_update_request_validate(&r, ACR_MODE_INDIVIDUAL, &err), ACR_ERR_INVALID_REQUEST);
    assert_non_null(err.violations);
    acr_error_clear(&err);
    /* Back to ACR_ERROR_INIT in every member (all zero, whatever members the
     * struct grows). */
    static const acr_error zero;
    assert_memory_equal(&err, &zero, sizeof err);
    assert_null(err.violations);
    assert_int_equal(err.violation_count, 0);
    /* Again, on a cleared and on a never-used error, and on NULL. */
    acr_error_clear(&err);
    acr_error fresh = ACR_ERROR_INIT;
    acr_error_clear(&fresh);
    acr_error_clear(NULL);
    assert_null(err.violations);
    /* And the error is reusable. */
    assert_int_equal(acr_update_request_validate(&r, ACR_MODE_INDIVIDUAL, &err), ACR_ERR_INVALID_REQUEST);
    assert_int_equal(err.violation_count, sizeof many_expected / sizeof many_expected[0]);
    acr_error_clear(&err);
}

static void test_status_names(void **state)
{
    (void)state;
    assert_string_equal(acr_status_name(ACR_OK), "ok");
    assert_string_equal(acr_status_name(ACR_ERR_INVALID_REQUEST), "invalid request");
    /* Every status has its own name, and an unknown value still gets one. */
    for (int a = ACR_OK; a <= ACR_ERR_USAGE; a++)
        for (int b = a + 1; b <= ACR_ERR_USAGE; b++)
            assert_string_not_equal(acr_status_name((acr_status)a), acr_status_name((acr_status)b));
    assert_non_null(acr_status_name((acr_status)99));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_violation_is_reported_at_its_pointer),
        cmocka_unit_test(test_order_is_stable_across_calls),
        cmocka_unit_test(test_item_violations_carry_their_index),
        cmocka_unit_test(test_mode_any_drops_only_the_mode_violation),
        cmocka_unit_test(test_a_hundred_and_thirty_eight_violations_in_order),
        cmocka_unit_test(test_valid_bodies_have_zero_violations),
        cmocka_unit_test(test_messages_do_not_echo_values),
        cmocka_unit_test(test_error_clear_releases_and_is_idempotent),
        cmocka_unit_test(test_status_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
