/* Serialization of structs to JSON: only present members, in schema order,
 * compact; has_ flags (not values) decide presence; strings escaped correctly and
 * checked for UTF-8; the write-callback variant can abort. Exact string
 * comparisons here are on purpose: the output order and shape are part of the
 * contract. */
#include "support.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yajl/yajl_gen.h>

static char *update_json(const acr_update_request *r)
{
    char *json = NULL;
    size_t length = 0;
    acr_error err = ACR_ERROR_INIT;
    acr_status status = acr_update_request_to_json(r, &json, &length, &err);
    if (status != ACR_OK)
        fail_msg("to_json failed: %s", err.message);
    assert_non_null(json);
    assert_int_equal(length, strlen(json));
    acr_error_clear(&err);
    return json;
}

static void assert_update_json(const acr_update_request *r, const char *expected)
{
    char *json = update_json(r);
    assert_string_equal(json, expected);
    acr_free(json);
}

static acr_update_request minimal_update(void)
{
    acr_update_request r = ACR_UPDATE_REQUEST_INIT;
    r.cname = "c";
    r.uid = "1";
    return r;
}

static void test_update_page_request_is_exact(void **state)
{
    (void)state;
    static const char *const all[1] = {"#allstream#"};
    static const char *const unsubscribe[3] = {"444", "555", "666"};
    acr_update_request r = ACR_UPDATE_REQUEST_INIT;
    r.cname = "httpClient463224";
    r.uid = "527841";
    r.client_request.has_stream_subscribe = true;
    acr_stream_subscribe *s = &r.client_request.stream_subscribe;
    s->has_audio_uid_list = true;
    s->audio_uid_list.subscribe_audio_uids = all;
    s->audio_uid_list.subscribe_audio_uids_count = 1;
    s->has_video_uid_list = true;
    s->video_uid_list.unsubscribe_video_uids = unsubscribe;
    s->video_uid_list.unsubscribe_video_uids_count = 3;
    assert_update_json(&r, "{\"cname\":\"httpClient463224\",\"uid\":\"527841\",\"clientRequest\":"
                           "{\"streamSubscribe\":{\"audioUidList\":{\"subscribeAudioUids\":[\"#allstream#\"]},"
                           "\"videoUidList\":{\"unsubscribeVideoUids\":[\"444\",\"555\",\"666\"]}}}}");
}

static void test_stop_page_request_is_exact(void **state)
{
    (void)state;
    acr_stop_request r = ACR_STOP_REQUEST_INIT;
    r.cname = "httpClient463224";
    r.uid = "527841";
    r.client_request.has_async_stop = true;
    r.client_request.async_stop = false; /* false is a value: written */
    char *json = NULL;
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(acr_stop_request_to_json(&r, &json, NULL, &err), ACR_OK);
    assert_string_equal(json, "{\"cname\":\"httpClient463224\",\"uid\":\"527841\",\"clientRequest\":{\"async_stop\":false}}");
    acr_free(json);
    /* Without the has_ flag, async_stop is absent whatever the member holds. */
    r.client_request.has_async_stop = false;
    r.client_request.async_stop = true;
    assert_int_equal(acr_stop_request_to_json(&r, &json, NULL, &err), ACR_OK);
    assert_string_equal(json, "{\"cname\":\"httpClient463224\",\"uid\":\"527841\",\"clientRequest\":{}}");
    acr_free(json);
}

/* Members set in reverse order in C still come out in schema order. */
static void test_storage_config_members_in_schema_order(void **state)
{
    (void)state;
    static const char *const prefix[2] = {"d1", "d2"};
    acr_update_request r = minimal_update();
    r.client_request.has_storage_config = true;
    acr_storage_config *s = &r.client_request.storage_config;
    s->has_extension_params = true;
    s->extension_params.endpoint = "e";
    s->extension_params.tag = "t";
    s->extension_params.sse = ACR_SSE_AES256;
    s->file_name_prefix = prefix;
    s->file_name_prefix_count = 2;
    s->has_sts_expiration = true;
    s->sts_expiration = UINT64_MAX;
    s->sts_token = "tok";
    s->secret_key = "sk";
    s->access_key = "ak";
    s->bucket = "b";
    s->has_region = true;
    s->region = 0;
    s->has_vendor = true;
    s->vendor = 1;
    assert_update_json(&r, "{\"cname\":\"c\",\"uid\":\"1\",\"clientRequest\":{\"storageConfig\":{"
                           "\"vendor\":1,\"region\":0,\"bucket\":\"b\",\"accessKey\":\"ak\",\"secretKey\":\"sk\","
                           "\"stsToken\":\"tok\",\"stsExpiration\":18446744073709551615,"
                           "\"fileNamePrefix\":[\"d1\",\"d2\"],"
                           "\"extensionParams\":{\"sse\":\"aes256\",\"tag\":\"t\",\"endpoint\":\"e\"}}}}");
}

static void test_only_present_members_are_written(void **state)
{
    (void)state;
    /* has_ flags off: values left in the members are not written. */
    acr_update_request r = minimal_update();
    r.client_request.storage_config.has_vendor = false;
    r.client_request.storage_config.vendor = 5;
    r.client_request.web_recording_config.onhold = true;
    assert_update_json(&r, "{\"cname\":\"c\",\"uid\":\"1\",\"clientRequest\":{}}");

    /* A zeroed struct is not an error (validate is separate); clientRequest, a
     * required object, is always part of it. */
    acr_update_request empty = ACR_UPDATE_REQUEST_INIT;
    assert_update_json(&empty, "{\"clientRequest\":{}}");

    /* Zero and false behind a has_ flag are values. */
    r = minimal_update();
    r.client_request.has_web_recording_config = true;
    r.client_request.web_recording_config.has_onhold = true;
    r.client_request.web_recording_config.onhold = false;
    r.client_request.has_storage_config = true;
    r.client_request.storage_config.has_region = true;
    r.client_request.storage_config.region = 0;
    r.client_request.storage_config.has_sts_expiration = true;
    r.client_request.storage_config.sts_expiration = 0;
    assert_update_json(&r, "{\"cname\":\"c\",\"uid\":\"1\",\"clientRequest\":{\"webRecordingConfig\":"
                           "{\"onhold\":false},\"storageConfig\":{\"region\":0,\"stsExpiration\":0}}}");

    /* An empty array is present (non-NULL pointer, count 0); an empty object too. */
    static const acr_rtmp_output outputs[1] = {{NULL}};
    r = minimal_update();
    r.client_request.has_rtmp_publish_config = true;
    r.client_request.rtmp_publish_config.outputs = outputs;
    r.client_request.rtmp_publish_config.outputs_count = 0;
    assert_update_json(&r, "{\"cname\":\"c\",\"uid\":\"1\",\"clientRequest\":{\"rtmpPublishConfig\":{\"outputs\":[]}}}");
    r.client_request.rtmp_publish_config.outputs_count = 1;
    assert_update_json(&r, "{\"cname\":\"c\",\"uid\":\"1\",\"clientRequest\":{\"rtmpPublishConfig\":{\"outputs\":[{}]}}}");

    /* A NULL entry the caller left in a string list is written as null (the
     * validator reports it); the text stays well-formed. */
    static const char *const holes[2] = {"1", NULL};
    r = minimal_update();
    r.client_request.has_stream_subscribe = true;
    r.client_request.stream_subscribe.has_audio_uid_list = true;
    r.client_request.stream_subscribe.audio_uid_list.subscribe_audio_uids = holes;
    r.client_request.stream_subscribe.audio_uid_list.subscribe_audio_uids_count = 2;
    assert_update_json(&r, "{\"cname\":\"c\",\"uid\":\"1\",\"clientRequest\":{\"streamSubscribe\":"
                           "{\"audioUidList\":{\"subscribeAudioUids\":[\"1\",null]}}}}");

    /* Negative integers are written as such. */
    r = minimal_update();
    r.client_request.has_storage_config = true;
    r.client_request.storage_config.has_region = true;
    r.client_request.storage_config.region = INT64_MIN;
    assert_update_json(&r, "{\"cname\":\"c\",\"uid\":\"1\",\"clientRequest\":{\"storageConfig\":"
                           "{\"region\":-9223372036854775808}}}");
}

/* The string written must decode (by an independent parser) to the bytes given. */
static void test_escapes_decode_to_the_original_bytes(void **state)
{
    (void)state;
    static const char nasty[] = "q\"b\\s/\b\f\n\r\t\x01\x1f\x7f caf\xc3\xa9 \xf0\x9f\x98\x80 \xe2\x80\xa8";
    acr_update_request r = minimal_update();
    r.cname = nasty;
    char *json = update_json(&r);
    /* No raw control character may appear in JSON text. */
    for (const char *c = json; *c; c++)
        assert_true((unsigned char)*c >= 0x20);
    yajl_val tree = support_tree(json);
    const char *path[] = {"cname", NULL};
    yajl_val cname = yajl_tree_get(tree, path, yajl_t_string);
    assert_non_null(cname);
    assert_string_equal(YAJL_GET_STRING(cname), nasty);
    yajl_tree_free(tree);
    /* Quotes and backslashes have their two-character escapes. */
    assert_non_null(strstr(json, "q\\\"b\\\\s"));
    assert_non_null(strstr(json, "\\n\\r\\t"));
    acr_free(json);
}

static void yajl_piece(void *ctx, const char *str, size_t len)
{
    char *out = ctx;
    size_t n = strlen(out);
    assert_true(n + len < 256);
    memcpy(out + n, str, len);
    out[n + len] = '\0';
}

/* Strings with nothing to escape skip yajl's encoder: every kind of string
 * must still come out byte for byte as yajl_gen_string writes it. */
static void test_strings_are_written_as_yajl_writes_them(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "", "plain", "a/b", "del\x7f", " ~!#$%&'()*+,-.:;<=>?@[]^_`{|}", "q\"", "b\\", "t\t",
        "\x01", "\x1f", "caf\xc3\xa9", "\xf0\x9f\x98\x80", "\xe2\x80\xa8", "\xc2\x85",
    };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        char expected[256] = "\"cname\":";
        yajl_gen g = yajl_gen_alloc(NULL);
        assert_non_null(g);
        assert_int_equal(yajl_gen_config(g, yajl_gen_print_callback, yajl_piece, (void *)expected), 1);
        assert_int_equal(yajl_gen_string(g, (const unsigned char *)texts[i], strlen(texts[i])),
                         yajl_gen_status_ok);
        yajl_gen_free(g);
        acr_update_request r = minimal_update();
        r.cname = texts[i];
        char *json = update_json(&r);
        if (!strstr(json, expected))
            fail_msg("string %zu: %s lacks %s", i, json, expected);
        acr_free(json);
    }
}

/* The same for string arrays (items after the first skip yajl entirely). */
static void test_string_arrays_are_written_as_yajl_writes_them(void **state)
{
    (void)state;
    static const char *const uids[] = {"1", "a/b", "q\"", "", "\x01", "caf\xc3\xa9", "#allstream#", "2"};
    size_t n = sizeof uids / sizeof uids[0];
    for (size_t first = 0; first < n; first++) {
        char expected[256] = "\"subscribeAudioUids\":";
        yajl_gen g = yajl_gen_alloc(NULL);
        assert_non_null(g);
        assert_int_equal(yajl_gen_config(g, yajl_gen_print_callback, yajl_piece, (void *)expected), 1);
        assert_int_equal(yajl_gen_array_open(g), yajl_gen_status_ok);
        for (size_t i = first; i < n; i++)
            assert_int_equal(yajl_gen_string(g, (const unsigned char *)uids[i], strlen(uids[i])),
                             yajl_gen_status_ok);
        assert_int_equal(yajl_gen_array_close(g), yajl_gen_status_ok);
        yajl_gen_free(g);
        acr_update_request r = minimal_update();
        r.client_request.has_stream_subscribe = true;
        r.client_request.stream_subscribe.has_audio_uid_list = true;
        r.client_request.stream_subscribe.audio_uid_list.subscribe_audio_uids = uids + first;
        r.client_request.stream_subscribe.audio_uid_list.subscribe_audio_uids_count = n - first;
        char *json = update_json(&r);
        if (!strstr(json, expected))
            fail_msg("from item %zu: %s lacks %s", first, json, expected);
        acr_free(json);
    }
}

/* --- acr_to_json's copies of a secret (docs/SECURITY.md) --- */

#define SECRET_MARK "s3cr3t-Mark-0123456789"

typedef union sized_block {
    size_t size;
    max_align_t align;
} sized_block;

static size_t unwiped_frees;

static bool holds_secret(const sized_block *h)
{
    const char *p = (const char *)(h + 1);
    size_t n = strlen(SECRET_MARK);
    for (size_t i = 0; i + n <= h->size; i++)
        if (memcmp(p + i, SECRET_MARK, n) == 0)
            return true;
    return false;
}

static void *sized_malloc(void *ctx, size_t size)
{
    (void)ctx;
    sized_block *h = calloc(1, sizeof *h + size); /* zeroed: holds_secret reads it all */
    if (!h)
        return NULL;
    h->size = size;
    return h + 1;
}

static void sized_free(void *ctx, void *ptr)
{
    (void)ctx;
    if (!ptr)
        return;
    sized_block *h = (sized_block *)ptr - 1;
    unwiped_frees += holds_secret(h);
    free(h);
}

/* Always a new block: a block realloc leaves behind is checked like a freed one. */
static void *sized_realloc(void *ctx, void *ptr, size_t size)
{
    void *grown = sized_malloc(ctx, size);
    if (grown && ptr) {
        size_t old = ((sized_block *)ptr - 1)->size;
        memcpy(grown, ptr, old < size ? old : size);
        sized_free(ctx, ptr);
    }
    return grown;
}

/* A text of several KiB grows on the heap past the serializer's stack block:
 * the blocks it leaves behind, and the whole text when a later member fails,
 * are wiped before they are freed, as the stack block is. */
static void test_to_json_wipes_the_copies_it_frees(void **state)
{
    (void)state;
    static char big[20000];
    memset(big, 'a', sizeof big - 1);
    static const char *const bad_prefix[] = {"dir", "\xff"};
    acr_allocator hooks = {sized_malloc, sized_realloc, sized_free, NULL};
    acr_set_allocator(&hooks);
    unwiped_frees = 0;
    for (int failing = 0; failing < 2; failing++) {
        acr_update_request r = minimal_update();
        r.client_request.has_storage_config = true;
        acr_storage_config *sc = &r.client_request.storage_config;
        sc->has_vendor = sc->has_region = true;
        sc->vendor = 1;
        sc->bucket = big; /* before the secret: the text leaves the stack block */
        sc->access_key = "k";
        sc->secret_key = SECRET_MARK;
        sc->sts_token = big + 1000; /* after it: the text grows again */
        sc->file_name_prefix = bad_prefix;
        sc->file_name_prefix_count = failing ? 2 : 1;
        char *json = NULL;
        acr_error err = ACR_ERROR_INIT;
        acr_status status = acr_to_json(&acr_update_request_type, &r, &json, NULL, &err);
        acr_error_clear(&err);
        size_t before_own_free = unwiped_frees;
        if (status == ACR_OK)
            acr_free(json); /* the caller's own copy: not counted */
        unwiped_frees = before_own_free;
        assert_int_equal(status, failing ? ACR_ERR_INVALID_REQUEST : ACR_OK);
    }
    acr_set_allocator(NULL);
    assert_int_equal(unwiped_frees, 0);
}

static void test_invalid_utf8_in_a_caller_string_is_named(void **state)
{
    (void)state;
    static const struct {
        const char *bytes;
    } bad[] = {{"ab\xff"}, {"\xc3"}, {"\xc0\xaf"}, {"\xed\xa0\x80"}, {"\xf4\x90\x80\x80"}, {"x\x80y"}};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        acr_update_request r = minimal_update();
        r.client_request.has_storage_config = true;
        acr_storage_config *s = &r.client_request.storage_config;
        s->has_vendor = true;
        s->vendor = 1;
        s->has_region = true;
        s->region = 0;
        s->bucket = bad[i].bytes;
        s->access_key = "a";
        s->secret_key = "s";
        const char *pointer = "/clientRequest/storageConfig/bucket";

        static char sentinel;
        char *json = &sentinel; /* must be reset to NULL on failure */
        acr_error err = ACR_ERROR_INIT;
        assert_int_equal(acr_update_request_to_json(&r, &json, NULL, &err), ACR_ERR_INVALID_REQUEST);
        assert_null(json);
        assert_non_null(err.pointer);
        assert_string_equal(err.pointer, pointer);
        assert_true(support_has_violation(&err, pointer));
        acr_error_clear(&err);

        assert_int_equal(acr_update_request_validate(&r, ACR_MODE_ANY, &err), ACR_ERR_INVALID_REQUEST);
        support_assert_violations(&err, &pointer, 1);
        assert_non_null(strstr(err.violations[0].message, "UTF-8"));
        acr_error_clear(&err);
    }

    /* In an array element, the pointer names the element. */
    static const char *const uids[3] = {"1", "2\xfe", "3"};
    acr_update_request r = minimal_update();
    r.client_request.has_stream_subscribe = true;
    r.client_request.stream_subscribe.has_audio_uid_list = true;
    r.client_request.stream_subscribe.audio_uid_list.unsubscribe_audio_uids = uids;
    r.client_request.stream_subscribe.audio_uid_list.unsubscribe_audio_uids_count = 3;
    const char *pointer = "/clientRequest/streamSubscribe/audioUidList/unsubscribeAudioUids/1";
    char *json = NULL;
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(acr_update_request_to_json(&r, &json, NULL, &err), ACR_ERR_INVALID_REQUEST);
    assert_string_equal(err.pointer, pointer);
    acr_error_clear(&err);
    assert_int_equal(acr_update_request_validate(&r, ACR_MODE_ANY, &err), ACR_ERR_INVALID_REQUEST);
    support_assert_violations(&err, &pointer, 1);
    acr_error_clear(&err);
}

/* --- the write-callback variant --- */

#define SINK_CAPACITY 65536

typedef struct sink {
    char text[SINK_CAPACITY];
    size_t length;
    int calls;
    size_t largest;        /* the longest piece handed over */
    int abort_at_call;     /* 0: never abort */
} sink;

static int sink_write(void *ctx, const char *data, size_t length)
{
    sink *s = ctx;
    s->calls++;
    if (s->abort_at_call && s->calls >= s->abort_at_call)
        return 1;
    assert_true(s->length + length < sizeof s->text);
    memcpy(s->text + s->length, data, length);
    s->length += length;
    s->text[s->length] = '\0';
    if (length > s->largest)
        s->largest = length;
    return 0;
}

/* Enough items for a document of several blocks (over 16 KiB). */
#define MANY_UIDS 1500
static const char *many_uids[MANY_UIDS];

static acr_update_request large_update(void)
{
    for (size_t i = 0; i < MANY_UIDS; i++)
        many_uids[i] = i % 2 ? "#allstream#" : "a \"quoted\" uid";
    acr_update_request r = minimal_update();
    r.client_request.has_stream_subscribe = true;
    r.client_request.stream_subscribe.has_audio_uid_list = true;
    r.client_request.stream_subscribe.audio_uid_list.subscribe_audio_uids = many_uids;
    r.client_request.stream_subscribe.audio_uid_list.subscribe_audio_uids_count = MANY_UIDS;
    return r;
}

static sink the_sink;

static void test_write_variant_streams_the_same_text(void **state)
{
    (void)state;
    static const char *const all[1] = {"#allstream#"};
    acr_update_request r = minimal_update();
    r.client_request.has_stream_subscribe = true;
    r.client_request.stream_subscribe.has_audio_uid_list = true;
    r.client_request.stream_subscribe.audio_uid_list.subscribe_audio_uids = all;
    r.client_request.stream_subscribe.audio_uid_list.subscribe_audio_uids_count = 1;
    sink *s = &the_sink;
    memset(s, 0, sizeof *s);
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(acr_update_request_write(&r, sink_write, s, &err), ACR_OK);
    assert_int_equal(s->calls, 1); /* a small document: one block, not yajl's pieces */
    char *json = update_json(&r);
    assert_string_equal(s->text, json);
    acr_free(json);

    /* A large one: in blocks of a few KiB, not one document. */
    r = large_update();
    memset(s, 0, sizeof *s);
    assert_int_equal(acr_update_request_write(&r, sink_write, s, &err), ACR_OK);
    json = update_json(&r);
    assert_true(strlen(json) > 16384);
    assert_string_equal(s->text, json);
    assert_true(s->calls > 3);
    assert_true(s->largest <= 4096);
    acr_free(json);
}

static void test_write_callback_abort_is_an_error(void **state)
{
    (void)state;
    acr_update_request r = large_update();
    for (int at = 1; at <= 3; at++) {
        sink *s = &the_sink;
        memset(s, 0, sizeof *s);
        s->abort_at_call = at;
        acr_error err = ACR_ERROR_INIT;
        acr_status status = acr_update_request_write(&r, sink_write, s, &err);
        assert_int_equal(status, ACR_ERR_USAGE);
        assert_int_equal(err.status, ACR_ERR_USAGE);
        assert_true(strlen(err.message) > 0);
        /* Nothing is written after the callback said stop. */
        assert_int_equal(s->calls, at);
        acr_error_clear(&err);
    }
    r = minimal_update();
    /* A NULL callback is a usage error, not a crash. */
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(acr_update_request_write(&r, NULL, NULL, &err), ACR_ERR_USAGE);
    acr_error_clear(&err);
    assert_int_equal(acr_update_request_to_json(&r, NULL, NULL, &err), ACR_ERR_USAGE);
    acr_error_clear(&err);
}

/* --- responses --- */

static void test_response_other_enum_needs_its_text(void **state)
{
    (void)state;
    acr_stop_response s = ACR_STOP_RESPONSE_INIT;
    s.has_server_response = true;
    s.server_response.file_list_mode = ACR_FILE_LIST_MODE_OTHER;
    s.server_response.file_list_mode_other = (char *)"xml";
    char *json = NULL;
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(acr_stop_response_to_json(&s, &json, NULL, &err), ACR_OK);
    assert_string_equal(json, "{\"serverResponse\":{\"fileListMode\":\"xml\"}}");
    acr_free(json);

    /* "other" without its text, or a value outside the enum: an error naming it. */
    s.server_response.file_list_mode_other = NULL;
    assert_int_not_equal(acr_stop_response_to_json(&s, &json, NULL, &err), ACR_OK);
    assert_null(json);
    assert_string_equal(err.pointer, "/serverResponse/fileListMode");
    acr_error_clear(&err);
    s.server_response.file_list_mode = (acr_file_list_mode)17;
    assert_int_not_equal(acr_stop_response_to_json(&s, &json, NULL, &err), ACR_OK);
    assert_null(json);
    assert_string_equal(err.pointer, "/serverResponse/fileListMode");
    acr_error_clear(&err);
}

static void test_response_file_list_string_or_array(void **state)
{
    (void)state;
    acr_file_entry items[1] = {ACR_FILE_ENTRY_INIT};
    items[0].file_name = (char *)"a.m3u8";
    items[0].track_type = ACR_TRACK_TYPE_AUDIO_AND_VIDEO;
    items[0].has_is_playable = true;
    items[0].is_playable = false;
    acr_stop_response s = ACR_STOP_RESPONSE_INIT;
    s.has_server_response = true;
    s.server_response.file_list = (char *)"b.m3u8";
    char *json = NULL;
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(acr_stop_response_to_json(&s, &json, NULL, &err), ACR_OK);
    assert_string_equal(json, "{\"serverResponse\":{\"fileList\":\"b.m3u8\"}}");
    acr_free(json);
    s.server_response.file_list = NULL;
    s.server_response.file_list_items = items;
    s.server_response.file_list_count = 1;
    assert_int_equal(acr_stop_response_to_json(&s, &json, NULL, &err), ACR_OK);
    assert_string_equal(json, "{\"serverResponse\":{\"fileList\":[{\"fileName\":\"a.m3u8\","
                              "\"trackType\":\"audio_and_video\",\"isPlayable\":false}]}}");
    acr_free(json);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_update_page_request_is_exact),
        cmocka_unit_test(test_stop_page_request_is_exact),
        cmocka_unit_test(test_storage_config_members_in_schema_order),
        cmocka_unit_test(test_only_present_members_are_written),
        cmocka_unit_test(test_escapes_decode_to_the_original_bytes),
        cmocka_unit_test(test_strings_are_written_as_yajl_writes_them),
        cmocka_unit_test(test_string_arrays_are_written_as_yajl_writes_them),
        cmocka_unit_test(test_to_json_wipes_the_copies_it_frees),
        cmocka_unit_test(test_invalid_utf8_in_a_caller_string_is_named),
        cmocka_unit_test(test_write_variant_streams_the_same_text),
        cmocka_unit_test(test_write_callback_abort_is_an_error),
        cmocka_unit_test(test_response_other_enum_needs_its_text),
        cmocka_unit_test(test_response_file_list_string_or_array),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
