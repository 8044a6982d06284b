/* The two rules of the start call that need the nested rule forms, on the
 * shipped schema (schema/README.md, "(d) The lifecycle rules"):
 * - TranscodeOptions: with transConfig.transMode "postponeTranscoding" (an if
 *   on a nested property), container.format must be "mp4";
 * - StartClientRequest: with snapshotConfig, recordingConfig's
 *   subscribeAudioUids needs subscribeVideoUids (dependentRequired in a nested
 *   then).
 * Each is reported once, at the property the then names. */
#include "support.h"

#include <string.h>

#define CR "/clientRequest"

static const char *const AUDIO_UIDS[] = {"123"};
static const char *const VIDEO_UIDS[] = {"123"};
static const acr_file_type JPG[] = {ACR_FILE_TYPE_JPG};

/* A valid individual-mode start body with nothing optional. */
static acr_start_request individual_start(void)
{
    acr_start_request r = ACR_START_REQUEST_INIT;
    r.cname = "httpClient463224";
    r.uid = "527841";
    acr_start_storage_config *s = &r.client_request.storage_config;
    s->has_vendor = true;
    s->vendor = ACR_VENDOR_AMAZON_S3;
    s->has_region = true;
    s->region = 0;
    s->bucket = "recordings";
    s->access_key = "exampleAccessKey";
    s->secret_key = "exampleSecretKey";
    acr_start_client_request *c = &r.client_request;
    c->has_recording_config = true;
    c->recording_config.has_channel_type = true;
    c->recording_config.channel_type = 0;
    c->recording_config.has_subscribe_uid_group = true;
    c->recording_config.subscribe_uid_group = 0;
    return r;
}

/* Postponed transcoding (or audio mixing) into `format` (UNSET: no container). */
static void transcode(acr_start_client_request *c, acr_trans_mode mode, acr_format format)
{
    c->has_apps_collection = true;
    c->apps_collection.combination_policy = ACR_COMBINATION_POLICY_POSTPONE_TRANSCODING;
    c->has_transcode_options = true;
    c->transcode_options.trans_config.trans_mode = mode;
    c->transcode_options.has_container = format != ACR_FORMAT_UNSET;
    c->transcode_options.container.format = format;
}

static void expect_start(const acr_start_request *r, acr_mode mode, const char *const *pointers, size_t count)
{
    acr_error err = ACR_ERROR_INIT;
    acr_status status = acr_start_request_validate(r, mode, &err);
    if (count == 0 && status != ACR_OK)
        support_dump_violations(&err);
    assert_int_equal(status, count ? ACR_ERR_INVALID_REQUEST : ACR_OK);
    support_assert_violations(&err, pointers, count);
    acr_error_clear(&err);
}

#define EXPECT_START(r, mode, ...)                                                   \
    do {                                                                             \
        const char *const expected_[] = {__VA_ARGS__};                               \
        expect_start((r), (mode), expected_, sizeof expected_ / sizeof expected_[0]); \
    } while (0)
#define EXPECT_START_VALID(r, mode) expect_start((r), (mode), NULL, 0)

static void expect_message(const acr_start_request *r, const char *pointer, const char *message)
{
    acr_error err = ACR_ERROR_INIT;
    acr_start_request_validate(r, ACR_MODE_INDIVIDUAL, &err);
    const acr_violation *v = support_find_violation(&err, pointer);
    assert_non_null(v);
    assert_string_equal(v->message, message);
    acr_error_clear(&err);
}

static void test_postponed_transcoding_writes_mp4_only(void **state)
{
    (void)state;
    acr_start_request r = individual_start();
    EXPECT_START_VALID(&r, ACR_MODE_INDIVIDUAL);
    transcode(&r.client_request, ACR_TRANS_MODE_POSTPONE_TRANSCODING, ACR_FORMAT_MP4);
    EXPECT_START_VALID(&r, ACR_MODE_INDIVIDUAL);
    transcode(&r.client_request, ACR_TRANS_MODE_POSTPONE_TRANSCODING, ACR_FORMAT_MP3);
    EXPECT_START(&r, ACR_MODE_INDIVIDUAL, CR "/transcodeOptions/container/format");
    EXPECT_START(&r, ACR_MODE_ANY, CR "/transcodeOptions/container/format");
    expect_message(&r, CR "/transcodeOptions/container/format",
                   "must be \"mp4\" when transConfig.transMode is \"postponeTranscoding\"");
    transcode(&r.client_request, ACR_TRANS_MODE_POSTPONE_TRANSCODING, ACR_FORMAT_AAC);
    EXPECT_START(&r, ACR_MODE_INDIVIDUAL, CR "/transcodeOptions/container/format");
    /* No container: nothing to check (the service writes MP4). */
    transcode(&r.client_request, ACR_TRANS_MODE_POSTPONE_TRANSCODING, ACR_FORMAT_UNSET);
    EXPECT_START_VALID(&r, ACR_MODE_INDIVIDUAL);
    /* audioMix writes any of the four. */
    transcode(&r.client_request, ACR_TRANS_MODE_AUDIO_MIX, ACR_FORMAT_MP3);
    EXPECT_START_VALID(&r, ACR_MODE_INDIVIDUAL);
    transcode(&r.client_request, ACR_TRANS_MODE_AUDIO_MIX, ACR_FORMAT_M4A);
    EXPECT_START_VALID(&r, ACR_MODE_INDIVIDUAL);
    /* transMode absent: its own violation only (the nested condition needs the leaf). */
    transcode(&r.client_request, ACR_TRANS_MODE_UNSET, ACR_FORMAT_MP3);
    EXPECT_START(&r, ACR_MODE_INDIVIDUAL, CR "/transcodeOptions/transConfig/transMode");
}

/* The same TranscodeOptions in acquire's startParameter: the rule goes wherever
 * the component is used. */
static void test_postponed_transcoding_in_acquire(void **state)
{
    (void)state;
    acr_start_request start = individual_start();
    acr_acquire_request r = ACR_ACQUIRE_REQUEST_INIT;
    r.cname = start.cname;
    r.uid = start.uid;
    r.client_request.has_start_parameter = true;
    r.client_request.start_parameter = start.client_request;
    transcode(&r.client_request.start_parameter, ACR_TRANS_MODE_POSTPONE_TRANSCODING, ACR_FORMAT_M4A);
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(acr_acquire_request_validate(&r, ACR_MODE_INDIVIDUAL, &err), ACR_ERR_INVALID_REQUEST);
    const char *const expected[] = {CR "/startParameter/transcodeOptions/container/format"};
    support_assert_violations(&err, expected, 1);
    r.client_request.start_parameter.transcode_options.container.format = ACR_FORMAT_MP4;
    assert_int_equal(acr_acquire_request_validate(&r, ACR_MODE_INDIVIDUAL, &err), ACR_OK);
    acr_error_clear(&err);
}

static void test_snapshot_audio_uids_need_video_uids(void **state)
{
    (void)state;
    acr_start_request r = individual_start();
    acr_start_client_request *c = &r.client_request;
    c->recording_config.subscribe_audio_uids = AUDIO_UIDS;
    c->recording_config.subscribe_audio_uids_count = 1;
    /* Without screenshots an audio list alone is fine. */
    EXPECT_START_VALID(&r, ACR_MODE_INDIVIDUAL);
    c->has_snapshot_config = true;
    c->snapshot_config.file_type = JPG;
    c->snapshot_config.file_type_count = 1;
    EXPECT_START(&r, ACR_MODE_INDIVIDUAL, CR "/recordingConfig/subscribeVideoUids");
    EXPECT_START(&r, ACR_MODE_ANY, CR "/recordingConfig/subscribeVideoUids");
    expect_message(&r, CR "/recordingConfig/subscribeVideoUids",
                   "is required when subscribeAudioUids is set and snapshotConfig is set");
    c->recording_config.subscribe_video_uids = VIDEO_UIDS;
    c->recording_config.subscribe_video_uids_count = 1;
    EXPECT_START_VALID(&r, ACR_MODE_INDIVIDUAL);
    /* A video list alone needs nothing. */
    c->recording_config.subscribe_audio_uids = NULL;
    c->recording_config.subscribe_audio_uids_count = 0;
    EXPECT_START_VALID(&r, ACR_MODE_INDIVIDUAL);
    /* No recordingConfig: the nested then has nothing to apply to (individual
     * mode still requires recordingConfig, by its own rule). */
    c->has_recording_config = false;
    EXPECT_START_VALID(&r, ACR_MODE_ANY);
    EXPECT_START(&r, ACR_MODE_INDIVIDUAL, CR "/recordingConfig");
}

/* Both rules broken in one body read from JSON: each reported once, the
 * transcodeOptions one first (it belongs to a member validated before the
 * clientRequest's own rules). */
static void test_both_rules_from_json(void **state)
{
    (void)state;
    const char *json =
        "{\"cname\":\"httpClient463224\",\"uid\":\"527841\",\"clientRequest\":{"
        "\"storageConfig\":{\"vendor\":1,\"region\":0,\"bucket\":\"b\",\"accessKey\":\"a\",\"secretKey\":\"s\"},"
        "\"recordingConfig\":{\"channelType\":0,\"subscribeUidGroup\":0,\"subscribeAudioUids\":[\"123\"]},"
        "\"snapshotConfig\":{\"fileType\":[\"jpg\"]},"
        "\"appsCollection\":{\"combinationPolicy\":\"postpone_transcoding\"},"
        "\"transcodeOptions\":{\"transConfig\":{\"transMode\":\"postponeTranscoding\"},"
        "\"container\":{\"format\":\"mp3\"}}}}";
    acr_start_request r = ACR_START_REQUEST_INIT;
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(acr_start_request_parse(json, strlen(json), &r, &err), ACR_OK);
    assert_int_equal(acr_start_request_validate(&r, ACR_MODE_INDIVIDUAL, &err), ACR_ERR_INVALID_REQUEST);
    const char *const expected[] = {CR "/transcodeOptions/container/format", CR "/recordingConfig/subscribeVideoUids"};
    support_assert_violations(&err, expected, 2);
    acr_start_request_free(&r);
    acr_error_clear(&err);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_postponed_transcoding_writes_mp4_only),
        cmocka_unit_test(test_postponed_transcoding_in_acquire),
        cmocka_unit_test(test_snapshot_audio_uids_need_video_uids),
        cmocka_unit_test(test_both_rules_from_json),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
