/* Every rule of the request schema at its boundary, through the typed API: the
 * request structs are built in C with the _INIT macros, validated with
 * acr_*_request_validate, and each broken rule must come back as exactly one
 * violation at the JSON pointer docs/DESIGN.md defines. The expectations come from
 * the reference pages and docs/SERVICE-NOTES.md, not from the generated tables. */
#include "support.h"

#include <stdio.h>
#include <string.h>

/* --- building requests --- */

/* A valid update body with every optional part absent. */
static acr_update_request minimal_update(void)
{
    acr_update_request r = ACR_UPDATE_REQUEST_INIT;
    r.cname = "httpClient463224";
    r.uid = "527841";
    return r;
}

/* A valid update body carrying a storageConfig for `vendor` with `region`; vendor
 * 11 also gets the extensionParams.endpoint it requires. */
static acr_update_request storage_update(int64_t vendor, int64_t region)
{
    acr_update_request r = minimal_update();
    r.client_request.has_storage_config = true;
    acr_storage_config *s = &r.client_request.storage_config;
    s->has_vendor = true;
    s->vendor = vendor;
    s->has_region = true;
    s->region = region;
    s->bucket = "recordings";
    s->access_key = "exampleAccessKey";
    s->secret_key = "exampleSecretKey";
    if (vendor == ACR_VENDOR_S3_COMPATIBLE) {
        s->has_extension_params = true;
        s->extension_params.sse = ACR_SSE_AES256;
        s->extension_params.tag = "project=demo";
        s->extension_params.endpoint = "s3.storage.example.com";
    }
    return r;
}

static acr_storage_config *storage(acr_update_request *r) { return &r->client_request.storage_config; }

/* The four subscribe/unsubscribe lists, addressed by number. */
enum { AUDIO_SUBSCRIBE, AUDIO_UNSUBSCRIBE, VIDEO_SUBSCRIBE, VIDEO_UNSUBSCRIBE, LIST_COUNT };

static const char *const list_pointer[LIST_COUNT] = {
    "/clientRequest/streamSubscribe/audioUidList/subscribeAudioUids",
    "/clientRequest/streamSubscribe/audioUidList/unsubscribeAudioUids",
    "/clientRequest/streamSubscribe/videoUidList/subscribeVideoUids",
    "/clientRequest/streamSubscribe/videoUidList/unsubscribeVideoUids",
};

static void set_uid_list(acr_update_request *r, int which, const char *const *uids, size_t count)
{
    acr_stream_subscribe *s = &r->client_request.stream_subscribe;
    r->client_request.has_stream_subscribe = true;
    switch (which) {
    case AUDIO_SUBSCRIBE:
        s->has_audio_uid_list = true;
        s->audio_uid_list.subscribe_audio_uids = uids;
        s->audio_uid_list.subscribe_audio_uids_count = count;
        break;
    case AUDIO_UNSUBSCRIBE:
        s->has_audio_uid_list = true;
        s->audio_uid_list.unsubscribe_audio_uids = uids;
        s->audio_uid_list.unsubscribe_audio_uids_count = count;
        break;
    case VIDEO_SUBSCRIBE:
        s->has_video_uid_list = true;
        s->video_uid_list.subscribe_video_uids = uids;
        s->video_uid_list.subscribe_video_uids_count = count;
        break;
    default:
        s->has_video_uid_list = true;
        s->video_uid_list.unsubscribe_video_uids = uids;
        s->video_uid_list.unsubscribe_video_uids_count = count;
        break;
    }
}

/* --- checking results --- */

static void assert_update_valid(const acr_update_request *r, acr_mode mode)
{
    acr_error err = ACR_ERROR_INIT;
    acr_status status = acr_update_request_validate(r, mode, &err);
    if (status != ACR_OK)
        support_dump_violations(&err);
    assert_int_equal(status, ACR_OK);
    assert_int_equal(err.violation_count, 0);
    assert_null(err.violations);
    acr_error_clear(&err);
}

/* Exactly one violation, at `pointer`; its message must contain `hint` (when
 * not NULL), so the user learns what is wrong and not only where. */
static void assert_update_violation(const acr_update_request *r, acr_mode mode, const char *pointer,
                                    const char *hint)
{
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(acr_update_request_validate(r, mode, &err), ACR_ERR_INVALID_REQUEST);
    assert_int_equal(err.status, ACR_ERR_INVALID_REQUEST);
    support_assert_violations(&err, &pointer, 1);
    const char *message = err.violations[0].message;
    assert_non_null(message);
    assert_true(strlen(message) > 0);
    if (hint && !strstr(message, hint))
        fail_msg("the message at %s, \"%s\", does not mention \"%s\"", pointer, message, hint);
    acr_error_clear(&err);
}

/* At least one violation, and every one at `pointer` (an empty string breaks
 * both minLength and the pattern, and both may be reported). */
static void assert_update_violations_only_at(const acr_update_request *r, acr_mode mode, const char *pointer)
{
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(acr_update_request_validate(r, mode, &err), ACR_ERR_INVALID_REQUEST);
    assert_true(err.violation_count >= 1);
    if (support_count_violations(&err, pointer) != err.violation_count) {
        support_dump_violations(&err);
        fail_msg("expected violations at %s only", pointer);
    }
    acr_error_clear(&err);
}

static void assert_stop_valid(const acr_stop_request *r, acr_mode mode)
{
    acr_error err = ACR_ERROR_INIT;
    acr_status status = acr_stop_request_validate(r, mode, &err);
    if (status != ACR_OK)
        support_dump_violations(&err);
    assert_int_equal(status, ACR_OK);
    acr_error_clear(&err);
}

static void assert_stop_violation(const acr_stop_request *r, const char *pointer)
{
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(acr_stop_request_validate(r, ACR_MODE_ANY, &err), ACR_ERR_INVALID_REQUEST);
    support_assert_violations(&err, &pointer, 1);
    acr_error_clear(&err);
}

/* --- UID lists --- */

/* 33 distinct, valid UID strings. */
static char uid_text[33][12];
static const char *uid_list[33];

static void fill_uids(void)
{
    for (size_t i = 0; i < 33; i++) {
        snprintf(uid_text[i], sizeof uid_text[i], "%zu", 1000 + i);
        uid_list[i] = uid_text[i];
    }
}

static void test_each_uid_list_accepts_32_entries(void **state)
{
    (void)state;
    fill_uids();
    for (int which = 0; which < LIST_COUNT; which++) {
        acr_update_request r = minimal_update();
        set_uid_list(&r, which, uid_list, 32);
        assert_update_valid(&r, ACR_MODE_INDIVIDUAL);
    }
}

static void test_each_uid_list_rejects_33_entries_at_the_list(void **state)
{
    (void)state;
    fill_uids();
    for (int which = 0; which < LIST_COUNT; which++) {
        acr_update_request r = minimal_update();
        set_uid_list(&r, which, uid_list, 33);
        assert_update_violation(&r, ACR_MODE_INDIVIDUAL, list_pointer[which], "32");
    }
}

static void test_uid_list_may_be_empty(void **state)
{
    (void)state;
    static const char *const none[1] = {NULL};
    for (int which = 0; which < LIST_COUNT; which++) {
        acr_update_request r = minimal_update();
        set_uid_list(&r, which, none, 0);
        assert_update_valid(&r, ACR_MODE_MIX);
    }
}

/* Every alternative of the UID pattern at its top, plus the bounds. */
static const char *const good_entries[] = {
    "#allstream#", "1", "9", "10", "999999999", "1000000000", "3999999999", "4099999999",
    "4289999999", "4293999999", "4294899999", "4294959999", "4294966999", "4294967199",
    "4294967289", "4294967294", "4294967295",
};

static const char *const bad_entries[] = {
    "0", "4294967296", "01", "", "abc", " 1", "1 ", "-1", "+1", "1.0", "1e3", "4294967300",
    "4294970000", "4295000000", "4300000000", "5000000000", "10000000000", "42949672950",
    "#allstream", "#ALLSTREAM#", "allstream", "\xd9\xa3", /* ARABIC-INDIC DIGIT THREE */
};

static void test_uid_entries_at_their_boundaries_are_accepted(void **state)
{
    (void)state;
    for (int which = 0; which < LIST_COUNT; which++) {
        for (size_t i = 0; i < sizeof good_entries / sizeof good_entries[0]; i++) {
            const char *uids[4] = {"1", "2", "3", good_entries[i]};
            acr_update_request r = minimal_update();
            set_uid_list(&r, which, uids, 4);
            assert_update_valid(&r, ACR_MODE_INDIVIDUAL);
        }
    }
}

static void test_bad_uid_entries_are_rejected_at_the_entry(void **state)
{
    (void)state;
    for (int which = 0; which < LIST_COUNT; which++) {
        char pointer[128];
        snprintf(pointer, sizeof pointer, "%s/3", list_pointer[which]);
        for (size_t i = 0; i < sizeof bad_entries / sizeof bad_entries[0]; i++) {
            const char *uids[4] = {"1", "2", "3", bad_entries[i]};
            acr_update_request r = minimal_update();
            set_uid_list(&r, which, uids, 4);
            assert_update_violation(&r, ACR_MODE_INDIVIDUAL, pointer, NULL);
        }
    }
}

static void test_null_uid_entry_is_rejected_at_the_entry(void **state)
{
    (void)state;
    const char *uids[2] = {"1", NULL};
    acr_update_request r = minimal_update();
    set_uid_list(&r, VIDEO_UNSUBSCRIBE, uids, 2);
    assert_update_violation(&r, ACR_MODE_MIX,
                            "/clientRequest/streamSubscribe/videoUidList/unsubscribeVideoUids/1", NULL);
}

static void test_subscribe_and_unsubscribe_together_is_one_violation_at_the_object(void **state)
{
    (void)state;
    static const char *const a[1] = {"#allstream#"};
    static const char *const b[1] = {"123"};

    acr_update_request r = minimal_update();
    set_uid_list(&r, AUDIO_SUBSCRIBE, a, 1);
    set_uid_list(&r, AUDIO_UNSUBSCRIBE, b, 1);
    assert_update_violation(&r, ACR_MODE_INDIVIDUAL, "/clientRequest/streamSubscribe/audioUidList",
                            "unsubscribeAudioUids");

    r = minimal_update();
    set_uid_list(&r, VIDEO_SUBSCRIBE, a, 1);
    set_uid_list(&r, VIDEO_UNSUBSCRIBE, b, 1);
    assert_update_violation(&r, ACR_MODE_MIX, "/clientRequest/streamSubscribe/videoUidList",
                            "unsubscribeVideoUids");

    /* An empty list is present all the same ([] is not null). */
    r = minimal_update();
    set_uid_list(&r, AUDIO_SUBSCRIBE, a, 0);
    set_uid_list(&r, AUDIO_UNSUBSCRIBE, b, 1);
    assert_update_violation(&r, ACR_MODE_INDIVIDUAL, "/clientRequest/streamSubscribe/audioUidList", NULL);

    /* Audio subscribe with video unsubscribe is the page's own example: fine. */
    r = minimal_update();
    set_uid_list(&r, AUDIO_SUBSCRIBE, a, 1);
    set_uid_list(&r, VIDEO_UNSUBSCRIBE, b, 1);
    assert_update_valid(&r, ACR_MODE_INDIVIDUAL);
}

/* --- top level --- */

static void test_top_level_uid_boundaries(void **state)
{
    (void)state;
    for (size_t i = 1; i < sizeof good_entries / sizeof good_entries[0]; i++) {
        acr_update_request r = minimal_update();
        r.uid = good_entries[i];
        assert_update_valid(&r, ACR_MODE_INDIVIDUAL);
        acr_stop_request s = ACR_STOP_REQUEST_INIT;
        s.cname = "c";
        s.uid = good_entries[i];
        assert_stop_valid(&s, ACR_MODE_WEB);
    }
    for (size_t i = 0; i < sizeof bad_entries / sizeof bad_entries[0]; i++) {
        acr_update_request r = minimal_update();
        r.uid = bad_entries[i];
        assert_update_violation(&r, ACR_MODE_INDIVIDUAL, "/uid", NULL);
        acr_stop_request s = ACR_STOP_REQUEST_INIT;
        s.cname = "c";
        s.uid = bad_entries[i];
        assert_stop_violation(&s, "/uid");
    }
    /* The recording service's own UID is a number, never "#allstream#". */
    acr_update_request r = minimal_update();
    r.uid = "#allstream#";
    assert_update_violation(&r, ACR_MODE_INDIVIDUAL, "/uid", "4294967295");
}

static void test_missing_required_top_level_properties_are_named(void **state)
{
    (void)state;
    acr_update_request r = minimal_update();
    r.cname = NULL;
    assert_update_violation(&r, ACR_MODE_ANY, "/cname", "required");

    r = minimal_update();
    r.uid = NULL;
    assert_update_violation(&r, ACR_MODE_ANY, "/uid", "required");

    /* An empty cname is as good as none. */
    r = minimal_update();
    r.cname = "";
    assert_update_violation(&r, ACR_MODE_ANY, "/cname", NULL);

    acr_stop_request s = ACR_STOP_REQUEST_INIT;
    s.uid = "1";
    assert_stop_violation(&s, "/cname");
    s.cname = "c";
    s.uid = NULL;
    assert_stop_violation(&s, "/uid");
}

static void test_stop_request_async_stop_either_value_in_every_mode(void **state)
{
    (void)state;
    for (int mode = ACR_MODE_ANY; mode <= ACR_MODE_WEB; mode++) {
        for (int value = -1; value <= 1; value++) {
            acr_stop_request s = ACR_STOP_REQUEST_INIT;
            s.cname = "httpClient463224";
            s.uid = "527841";
            s.client_request.has_async_stop = value >= 0;
            s.client_request.async_stop = value == 1;
            assert_stop_valid(&s, (acr_mode)mode);
        }
    }
}

/* --- mode rules --- */

static acr_update_request with_stream_subscribe(void)
{
    static const char *const all[1] = {"#allstream#"};
    acr_update_request r = minimal_update();
    set_uid_list(&r, AUDIO_SUBSCRIBE, all, 1);
    return r;
}

static acr_update_request with_web_recording_config(void)
{
    acr_update_request r = minimal_update();
    r.client_request.has_web_recording_config = true;
    r.client_request.web_recording_config.has_onhold = true;
    r.client_request.web_recording_config.onhold = true;
    return r;
}

static const acr_rtmp_output one_output[1] = {{"rtmp://live.example.com/app/key"}};

static acr_update_request with_rtmp_publish_config(const acr_rtmp_output *outputs, size_t count)
{
    acr_update_request r = minimal_update();
    r.client_request.has_rtmp_publish_config = true;
    r.client_request.rtmp_publish_config.outputs = outputs;
    r.client_request.rtmp_publish_config.outputs_count = count;
    return r;
}

/* A count of one reads "1 entry", not "1 entries" (issue 12: consistent wording). */
static void test_one_entry_is_singular(void **state)
{
    (void)state;
    const acr_rtmp_output two[2] = {{"rtmp://a.example.com/app/key"}, {"rtmp://b.example.com/app/key"}};
    acr_update_request r = with_rtmp_publish_config(two, 2);
    assert_update_violation(&r, ACR_MODE_WEB, "/clientRequest/rtmpPublishConfig/outputs",
                            "must have at most 1 entry (it has 2)");
}

static void test_stream_subscribe_only_in_individual_and_mix(void **state)
{
    (void)state;
    acr_update_request r = with_stream_subscribe();
    assert_update_valid(&r, ACR_MODE_INDIVIDUAL);
    assert_update_valid(&r, ACR_MODE_MIX);
    assert_update_violation(&r, ACR_MODE_WEB, "/clientRequest/streamSubscribe", "web");
}

static void test_web_recording_config_only_in_web(void **state)
{
    (void)state;
    acr_update_request r = with_web_recording_config();
    assert_update_valid(&r, ACR_MODE_WEB);
    assert_update_violation(&r, ACR_MODE_INDIVIDUAL, "/clientRequest/webRecordingConfig", "individual");
    assert_update_violation(&r, ACR_MODE_MIX, "/clientRequest/webRecordingConfig", "mix");
}

static void test_rtmp_publish_config_only_in_web(void **state)
{
    (void)state;
    acr_update_request r = with_rtmp_publish_config(one_output, 1);
    assert_update_valid(&r, ACR_MODE_WEB);
    assert_update_violation(&r, ACR_MODE_INDIVIDUAL, "/clientRequest/rtmpPublishConfig", "web");
    assert_update_violation(&r, ACR_MODE_MIX, "/clientRequest/rtmpPublishConfig", "web");
}

static void test_mode_any_skips_mode_rules(void **state)
{
    (void)state;
    acr_update_request r = with_stream_subscribe();
    r.client_request.has_web_recording_config = true;
    r.client_request.has_rtmp_publish_config = true;
    r.client_request.rtmp_publish_config.outputs = one_output;
    r.client_request.rtmp_publish_config.outputs_count = 1;
    assert_update_valid(&r, ACR_MODE_ANY);
    /* ...and the same body is caught in every real mode. */
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(acr_update_request_validate(&r, ACR_MODE_WEB, &err), ACR_ERR_INVALID_REQUEST);
    assert_int_equal(err.violation_count, 1);
    assert_true(support_has_violation(&err, "/clientRequest/streamSubscribe"));
    acr_error_clear(&err);
    assert_int_equal(acr_update_request_validate(&r, ACR_MODE_INDIVIDUAL, &err), ACR_ERR_INVALID_REQUEST);
    assert_int_equal(err.violation_count, 2);
    assert_true(support_has_violation(&err, "/clientRequest/webRecordingConfig"));
    assert_true(support_has_violation(&err, "/clientRequest/rtmpPublishConfig"));
    acr_error_clear(&err);
}

static void test_unknown_mode_is_a_usage_error(void **state)
{
    (void)state;
    acr_update_request r = minimal_update();
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(acr_update_request_validate(&r, (acr_mode)4, &err), ACR_ERR_USAGE);
    assert_int_equal(err.violation_count, 0);
    acr_error_clear(&err);
    assert_int_equal(acr_update_request_validate(NULL, ACR_MODE_ANY, &err), ACR_ERR_USAGE);
    acr_error_clear(&err);
}

static void test_mode_names(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        acr_mode mode;
    } modes[] = {{"individual", ACR_MODE_INDIVIDUAL}, {"mix", ACR_MODE_MIX}, {"web", ACR_MODE_WEB}};
    for (size_t i = 0; i < 3; i++) {
        acr_mode mode = ACR_MODE_ANY;
        assert_true(acr_mode_parse(modes[i].text, &mode));
        assert_int_equal(mode, modes[i].mode);
        assert_string_equal(acr_mode_name(modes[i].mode), modes[i].text);
    }
    /* Lower case only; nothing else is a mode, and a failure leaves *mode alone. */
    static const char *const bad[] = {"Individual", "MIX", "composite", "", "web ", "webx"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        acr_mode mode = ACR_MODE_MIX;
        assert_false(acr_mode_parse(bad[i], &mode));
        assert_int_equal(mode, ACR_MODE_MIX);
    }
    acr_mode mode = ACR_MODE_ANY;
    assert_false(acr_mode_parse(NULL, &mode));
    assert_false(acr_mode_parse("web", NULL));
    assert_null(acr_mode_name(ACR_MODE_ANY));
    assert_null(acr_mode_name((acr_mode)4));
}


/* Each good rtmpUrl is valid in web mode; each bad one is a violation at its
 * pointer whose message has `message`. */
static void check_rtmp_urls(const char *const *good, size_t good_count, const char *const *bad, size_t bad_count,
                            const char *message)
{
    for (size_t i = 0; i < good_count; i++) {
        acr_rtmp_output out[1] = {{good[i]}};
        acr_update_request r = with_rtmp_publish_config(out, 1);
        assert_update_valid(&r, ACR_MODE_WEB);
    }
    for (size_t i = 0; i < bad_count; i++) {
        acr_rtmp_output out[1] = {{bad[i]}};
        acr_update_request r = with_rtmp_publish_config(out, 1);
        assert_update_violation(&r, ACR_MODE_WEB, "/clientRequest/rtmpPublishConfig/outputs/0/rtmpUrl", message);
    }
}
/* --- rtmpPublishConfig --- */

static void test_rtmp_outputs_at_most_one(void **state)
{
    (void)state;
    static const acr_rtmp_output two[2] = {{"rtmp://a.example.com/x"}, {"rtmp://b.example.com/y"}};
    acr_update_request r = with_rtmp_publish_config(two, 1);
    assert_update_valid(&r, ACR_MODE_WEB);
    r = with_rtmp_publish_config(two, 0);
    assert_update_valid(&r, ACR_MODE_WEB);
    r = with_rtmp_publish_config(two, 2);
    assert_update_violation(&r, ACR_MODE_WEB, "/clientRequest/rtmpPublishConfig/outputs", "1");
}

static void test_rtmp_url_scheme(void **state)
{
    (void)state;
    static const char *const good[] = {"rtmp://live.example.com/app/key", "rtmps://live.example.com/app/key",
                                       "rtmp://", NULL /* rtmpUrl is optional */};
    static const char *const bad[] = {"http://live.example.com/app", "https://live.example.com/app",
                                      "RTMP://live.example.com/app", "rtmpx://host", "rtmp:/host",
                                      " rtmp://host", "", "rtmpss://host"};
    check_rtmp_urls(good, sizeof good / sizeof good[0], bad, sizeof bad / sizeof bad[0], "rtmp");
}

/* The pattern's pass doubles as the ASCII check: non-ASCII bytes are caught
 * in its eight-byte steps, in its tail, and when it stops early. */
static void test_rtmp_url_utf8_is_checked_with_the_pattern(void **state)
{
    (void)state;
    static const char *const good[] = {"rtmp://h/\xc3\xa9", "rtmp://live.example.com/\xc3\xa9t\xc3\xa9",
                                       "rtmp://h/a\xc3\xa9", "rtmp://h/\xc3\xa9\xc3\xa9\xc3\xa9"};
    static const char *const bad[] = {"rtmp://\xff/app", "rtmp://live.example.com/\xff", "rtmp://h/a\xc3",
                                      "rtmp://h/ab\xff", "rtmp://h/ab\377cd", "\xffrtmp://host",
                                      "rtmp\xed\xa0\x80://host/path/long"};
    check_rtmp_urls(good, sizeof good / sizeof good[0], bad, sizeof bad / sizeof bad[0], "is not valid UTF-8");
}

/* --- storageConfig --- */

static void test_storage_config_required_members_each_at_its_pointer(void **state)
{
    (void)state;
    acr_update_request r = storage_update(ACR_VENDOR_AMAZON_S3, 0);
    assert_update_valid(&r, ACR_MODE_MIX);

    r = storage_update(ACR_VENDOR_AMAZON_S3, 0);
    storage(&r)->has_vendor = false;
    assert_update_violation(&r, ACR_MODE_MIX, "/clientRequest/storageConfig/vendor", "required");

    r = storage_update(ACR_VENDOR_AMAZON_S3, 0);
    storage(&r)->has_region = false;
    assert_update_violation(&r, ACR_MODE_MIX, "/clientRequest/storageConfig/region", "required");

    r = storage_update(ACR_VENDOR_AMAZON_S3, 0);
    storage(&r)->bucket = NULL;
    assert_update_violation(&r, ACR_MODE_MIX, "/clientRequest/storageConfig/bucket", "required");

    r = storage_update(ACR_VENDOR_AMAZON_S3, 0);
    storage(&r)->access_key = NULL;
    assert_update_violation(&r, ACR_MODE_MIX, "/clientRequest/storageConfig/accessKey", "required");

    r = storage_update(ACR_VENDOR_AMAZON_S3, 0);
    storage(&r)->secret_key = NULL;
    assert_update_violation(&r, ACR_MODE_MIX, "/clientRequest/storageConfig/secretKey", "required");

    /* Empty strings cannot be real credentials or bucket names. */
    r = storage_update(ACR_VENDOR_AMAZON_S3, 0);
    storage(&r)->bucket = "";
    assert_update_violation(&r, ACR_MODE_MIX, "/clientRequest/storageConfig/bucket", NULL);
    r = storage_update(ACR_VENDOR_AMAZON_S3, 0);
    storage(&r)->secret_key = "";
    assert_update_violation(&r, ACR_MODE_MIX, "/clientRequest/storageConfig/secretKey", NULL);
}

static bool vendor_known(int64_t vendor)
{
    static const int64_t known[] = {1, 2, 3, 5, 6, 7, 8, 11};
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
        if (known[i] == vendor)
            return true;
    return false;
}

static void test_vendor_enum(void **state)
{
    (void)state;
    int64_t vendors[20];
    size_t n = 0;
    for (int64_t v = -1; v <= 13; v++)
        vendors[n++] = v;
    vendors[n++] = 4294967297; /* 2^32 + 1: must not alias 1 */
    vendors[n++] = INT64_MIN;
    vendors[n++] = INT64_MAX;
    for (size_t i = 0; i < n; i++) {
        int64_t v = vendors[i];
        /* Baidu's regions start at 1; every other vendor accepts region 0. */
        acr_update_request r = storage_update(v, v == ACR_VENDOR_BAIDU_CLOUD ? 1 : 0);
        if (vendor_known(v))
            assert_update_valid(&r, ACR_MODE_INDIVIDUAL);
        else
            assert_update_violation(&r, ACR_MODE_INDIVIDUAL, "/clientRequest/storageConfig/vendor", "11");
    }
}

/* The docs/SERVICE-NOTES.md table of regions, written independently of the schema. */
static bool region_allowed(int64_t vendor, int64_t region)
{
    switch (vendor) {
    case 1: return region >= 0 && region <= 25 && region != 17 && region != 23;
    case 2: return region >= 0 && region <= 27;
    case 3: return region >= 0 && region <= 19;
    case 5:
    case 6:
    case 11: return region == 0;
    case 7: return region >= 0 && region <= 15;
    case 8: return region >= 1 && region <= 7;
    default: return false;
    }
}

static void test_region_highest_allowed_and_next_per_vendor(void **state)
{
    (void)state;
    static const struct {
        int64_t vendor, highest;
    } table[] = {{1, 25}, {2, 27}, {3, 19}, {5, 0}, {6, 0}, {7, 15}, {8, 7}, {11, 0}};
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
        acr_update_request r = storage_update(table[i].vendor, table[i].highest);
        assert_update_valid(&r, ACR_MODE_INDIVIDUAL);
        r = storage_update(table[i].vendor, table[i].highest + 1);
        assert_update_violation(&r, ACR_MODE_INDIVIDUAL, "/clientRequest/storageConfig/region", NULL);
    }
}

static void test_region_holes_and_lower_bounds(void **state)
{
    (void)state;
    /* Amazon S3 has no regions 17 and 23; the values around them exist. */
    acr_update_request r = storage_update(ACR_VENDOR_AMAZON_S3, 17);
    assert_update_violation(&r, ACR_MODE_MIX, "/clientRequest/storageConfig/region", "vendor is 1");
    r = storage_update(ACR_VENDOR_AMAZON_S3, 23);
    assert_update_violation(&r, ACR_MODE_MIX, "/clientRequest/storageConfig/region", "vendor is 1");
    static const int64_t around[] = {16, 18, 22, 24};
    for (size_t i = 0; i < 4; i++) {
        r = storage_update(ACR_VENDOR_AMAZON_S3, around[i]);
        assert_update_valid(&r, ACR_MODE_MIX);
    }
    /* Baidu's regions are 1 to 7. */
    r = storage_update(ACR_VENDOR_BAIDU_CLOUD, 0);
    assert_update_violation(&r, ACR_MODE_MIX, "/clientRequest/storageConfig/region", "vendor is 8");
    r = storage_update(ACR_VENDOR_BAIDU_CLOUD, 1);
    assert_update_valid(&r, ACR_MODE_MIX);
}

/* Every vendor against every region from -2 to 30 and the int64 extremes:
 * valid exactly when docs/SERVICE-NOTES.md says so, and otherwise reported at /region only. */
static void test_region_table_sweep(void **state)
{
    (void)state;
    static const int64_t vendors[] = {1, 2, 3, 5, 6, 7, 8, 11};
    int64_t regions[40];
    size_t n = 0;
    for (int64_t region = -2; region <= 30; region++)
        regions[n++] = region;
    regions[n++] = INT64_MIN;
    regions[n++] = INT64_MAX;
    for (size_t v = 0; v < sizeof vendors / sizeof vendors[0]; v++) {
        for (size_t i = 0; i < n; i++) {
            acr_update_request r = storage_update(vendors[v], regions[i]);
            acr_error err = ACR_ERROR_INIT;
            acr_status status = acr_update_request_validate(&r, ACR_MODE_INDIVIDUAL, &err);
            if (region_allowed(vendors[v], regions[i])) {
                assert_int_equal(status, ACR_OK);
            } else {
                assert_int_equal(status, ACR_ERR_INVALID_REQUEST);
                /* A negative region breaks the minimum and the vendor's list:
                 * both at the region itself. */
                assert_true(err.violation_count >= 1);
                assert_int_equal(support_count_violations(&err, "/clientRequest/storageConfig/region"),
                                 err.violation_count);
            }
            acr_error_clear(&err);
        }
    }
}

static void test_sts_token_only_with_vendors_1_2_3(void **state)
{
    (void)state;
    static const int64_t allowed[] = {1, 2, 3};
    static const int64_t forbidden[] = {5, 6, 7, 8, 11};
    for (size_t i = 0; i < 3; i++) {
        acr_update_request r = storage_update(allowed[i], 0);
        storage(&r)->sts_token = "FwoGZXIvYXdzEXAMPLETOKEN";
        assert_update_valid(&r, ACR_MODE_INDIVIDUAL);
    }
    for (size_t i = 0; i < 5; i++) {
        acr_update_request r = storage_update(forbidden[i], forbidden[i] == ACR_VENDOR_BAIDU_CLOUD ? 1 : 0);
        storage(&r)->sts_token = "FwoGZXIvYXdzEXAMPLETOKEN";
        assert_update_violation(&r, ACR_MODE_INDIVIDUAL, "/clientRequest/storageConfig/stsToken", "vendor");
        /* Absent is fine for every vendor. */
        storage(&r)->sts_token = NULL;
        assert_update_valid(&r, ACR_MODE_INDIVIDUAL);
    }
    acr_update_request r = storage_update(ACR_VENDOR_AMAZON_S3, 0);
    storage(&r)->sts_token = "";
    assert_update_violation(&r, ACR_MODE_INDIVIDUAL, "/clientRequest/storageConfig/stsToken", NULL);
}

static void test_sts_expiration_full_uint64_range(void **state)
{
    (void)state;
    static const uint64_t values[] = {0, 1, 1735707600, (uint64_t)INT64_MAX, (uint64_t)INT64_MAX + 1, UINT64_MAX};
    for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {
        acr_update_request r = storage_update(ACR_VENDOR_AMAZON_S3, 0);
        storage(&r)->sts_token = "token";
        storage(&r)->has_sts_expiration = true;
        storage(&r)->sts_expiration = values[i];
        assert_update_valid(&r, ACR_MODE_MIX);
    }
}

/* --- fileNamePrefix --- */

/* Storage for prefix elements of chosen lengths. */
static char prefix_text[4][200];

static const char *repeat(int slot, char c, size_t n)
{
    assert_true(n < sizeof prefix_text[slot]);
    memset(prefix_text[slot], c, n);
    prefix_text[slot][n] = '\0';
    return prefix_text[slot];
}

static acr_update_request with_prefix(const char *const *elements, size_t count)
{
    acr_update_request r = storage_update(ACR_VENDOR_AMAZON_S3, 0);
    storage(&r)->file_name_prefix = elements;
    storage(&r)->file_name_prefix_count = count;
    return r;
}

static void test_file_name_prefix_128_ok_129_rejected(void **state)
{
    (void)state;
    const char *pointer = "/clientRequest/storageConfig/fileNamePrefix";
    /* "aaa.../bbb.../": 63 + 1 + 63 + 1 = 128 */
    const char *two[2] = {repeat(0, 'a', 63), repeat(1, 'b', 63)};
    acr_update_request r = with_prefix(two, 2);
    assert_update_valid(&r, ACR_MODE_INDIVIDUAL);
    two[0] = repeat(0, 'a', 64); /* 129 */
    r = with_prefix(two, 2);
    assert_update_violation(&r, ACR_MODE_INDIVIDUAL, pointer, "128");

    const char *one[1] = {repeat(2, 'Z', 127)}; /* 128 */
    r = with_prefix(one, 1);
    assert_update_valid(&r, ACR_MODE_INDIVIDUAL);
    one[0] = repeat(2, 'Z', 128); /* 129 */
    r = with_prefix(one, 1);
    assert_update_violation(&r, ACR_MODE_INDIVIDUAL, pointer, "128");

    /* 64 one-character elements: 64 * 2 = 128; then 3 more characters. */
    const char *many[65];
    for (size_t i = 0; i < 65; i++)
        many[i] = i % 2 ? "7" : "x";
    r = with_prefix(many, 64);
    assert_update_valid(&r, ACR_MODE_INDIVIDUAL);
    many[63] = "xy"; /* 63 * 2 + 3 = 129 */
    r = with_prefix(many, 64);
    assert_update_violation(&r, ACR_MODE_INDIVIDUAL, pointer, NULL);

    /* No elements: an empty prefix. */
    r = with_prefix(many, 0);
    assert_update_valid(&r, ACR_MODE_INDIVIDUAL);
}

static void test_file_name_prefix_elements_letters_and_digits_only(void **state)
{
    (void)state;
    static const char *const bad[] = {"dir-1", "dir/1", "dir 1", "dir_1", "dir.1", "\xc3\xa9t\xc3\xa9", "dir1~"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        const char *elements[3] = {"directory1", bad[i], "directory2"};
        acr_update_request r = with_prefix(elements, 3);
        assert_update_violation(&r, ACR_MODE_INDIVIDUAL, "/clientRequest/storageConfig/fileNamePrefix/1", NULL);
    }
    const char *empty_first[2] = {"", "directory2"};
    acr_update_request r = with_prefix(empty_first, 2);
    assert_update_violations_only_at(&r, ACR_MODE_INDIVIDUAL, "/clientRequest/storageConfig/fileNamePrefix/0");

    const char *good[3] = {"directory1", "ABCxyz09", "0"};
    r = with_prefix(good, 3);
    assert_update_valid(&r, ACR_MODE_INDIVIDUAL);
}

/* --- extensionParams --- */

static acr_update_request with_extension_params(acr_sse sse, const char *sse_other, const char *tag)
{
    acr_update_request r = storage_update(ACR_VENDOR_AMAZON_S3, 0);
    storage(&r)->has_extension_params = true;
    storage(&r)->extension_params.sse = sse;
    storage(&r)->extension_params.sse_other = sse_other;
    storage(&r)->extension_params.tag = tag;
    return r;
}

static void test_extension_params_sse_and_tag(void **state)
{
    (void)state;
    const char *sse = "/clientRequest/storageConfig/extensionParams/sse";
    acr_update_request r = with_extension_params(ACR_SSE_KMS, NULL, "team=media");
    assert_update_valid(&r, ACR_MODE_INDIVIDUAL);
    r = with_extension_params(ACR_SSE_AES256, NULL, "team=media");
    assert_update_valid(&r, ACR_MODE_INDIVIDUAL);

    /* A value outside {kms, aes256}, however it got there. */
    r = with_extension_params(ACR_SSE_OTHER, "aes128", "team=media");
    assert_update_violation(&r, ACR_MODE_INDIVIDUAL, sse, "kms");
    r = with_extension_params((acr_sse)42, NULL, "team=media");
    assert_update_violation(&r, ACR_MODE_INDIVIDUAL, sse, "kms");

    /* Both are required whenever extensionParams is present. */
    r = with_extension_params(ACR_SSE_UNSET, NULL, "team=media");
    assert_update_violation(&r, ACR_MODE_INDIVIDUAL, sse, "required");
    r = with_extension_params(ACR_SSE_KMS, NULL, NULL);
    assert_update_violation(&r, ACR_MODE_INDIVIDUAL, "/clientRequest/storageConfig/extensionParams/tag",
                            "required");

    /* endpoint is allowed with any vendor, but never empty. */
    r = with_extension_params(ACR_SSE_KMS, NULL, "t");
    storage(&r)->extension_params.endpoint = "s3.example.com";
    assert_update_valid(&r, ACR_MODE_INDIVIDUAL);
    storage(&r)->extension_params.endpoint = "";
    assert_update_violation(&r, ACR_MODE_INDIVIDUAL, "/clientRequest/storageConfig/extensionParams/endpoint",
                            NULL);
}

static void test_vendor_11_needs_extension_params_endpoint(void **state)
{
    (void)state;
    acr_update_request r = storage_update(ACR_VENDOR_S3_COMPATIBLE, 0);
    assert_update_valid(&r, ACR_MODE_INDIVIDUAL);

    storage(&r)->has_extension_params = false;
    assert_update_violation(&r, ACR_MODE_INDIVIDUAL, "/clientRequest/storageConfig/extensionParams", "11");

    r = storage_update(ACR_VENDOR_S3_COMPATIBLE, 0);
    storage(&r)->extension_params.endpoint = NULL;
    assert_update_violation(&r, ACR_MODE_INDIVIDUAL, "/clientRequest/storageConfig/extensionParams/endpoint",
                            "11");

    /* Without vendor the rule does not fire: only the missing vendor is reported. */
    r = storage_update(ACR_VENDOR_S3_COMPATIBLE, 0);
    storage(&r)->has_vendor = false;
    storage(&r)->has_extension_params = false;
    assert_update_violation(&r, ACR_MODE_INDIVIDUAL, "/clientRequest/storageConfig/vendor", "required");

    /* has_vendor is what counts, not the value left in the member. */
    r = storage_update(ACR_VENDOR_AMAZON_S3, 0);
    storage(&r)->vendor = ACR_VENDOR_S3_COMPATIBLE;
    storage(&r)->has_vendor = false;
    assert_update_violation(&r, ACR_MODE_INDIVIDUAL, "/clientRequest/storageConfig/vendor", "required");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_each_uid_list_accepts_32_entries),
        cmocka_unit_test(test_each_uid_list_rejects_33_entries_at_the_list),
        cmocka_unit_test(test_uid_list_may_be_empty),
        cmocka_unit_test(test_uid_entries_at_their_boundaries_are_accepted),
        cmocka_unit_test(test_bad_uid_entries_are_rejected_at_the_entry),
        cmocka_unit_test(test_null_uid_entry_is_rejected_at_the_entry),
        cmocka_unit_test(test_subscribe_and_unsubscribe_together_is_one_violation_at_the_object),
        cmocka_unit_test(test_top_level_uid_boundaries),
        cmocka_unit_test(test_missing_required_top_level_properties_are_named),
        cmocka_unit_test(test_stop_request_async_stop_either_value_in_every_mode),
        cmocka_unit_test(test_stream_subscribe_only_in_individual_and_mix),
        cmocka_unit_test(test_web_recording_config_only_in_web),
        cmocka_unit_test(test_rtmp_publish_config_only_in_web),
        cmocka_unit_test(test_one_entry_is_singular),
        cmocka_unit_test(test_mode_any_skips_mode_rules),
        cmocka_unit_test(test_unknown_mode_is_a_usage_error),
        cmocka_unit_test(test_mode_names),
        cmocka_unit_test(test_rtmp_outputs_at_most_one),
        cmocka_unit_test(test_rtmp_url_scheme),
        cmocka_unit_test(test_rtmp_url_utf8_is_checked_with_the_pattern),
        cmocka_unit_test(test_storage_config_required_members_each_at_its_pointer),
        cmocka_unit_test(test_vendor_enum),
        cmocka_unit_test(test_region_highest_allowed_and_next_per_vendor),
        cmocka_unit_test(test_region_holes_and_lower_bounds),
        cmocka_unit_test(test_region_table_sweep),
        cmocka_unit_test(test_sts_token_only_with_vendors_1_2_3),
        cmocka_unit_test(test_sts_expiration_full_uint64_range),
        cmocka_unit_test(test_file_name_prefix_128_ok_129_rejected),
        cmocka_unit_test(test_file_name_prefix_elements_letters_and_digits_only),
        cmocka_unit_test(test_extension_params_sse_and_tag),
        cmocka_unit_test(test_vendor_11_needs_extension_params_endpoint),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
