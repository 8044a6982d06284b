/* Parsing 200 responses, as the HTTP client does: bytes arrive in arbitrary
 * chunks, the vendor may add fields and enum values at any time (lenient), and
 * anything else that breaks the schema, truncation included, is
 * ACR_ERR_INVALID_RESPONSE with the pointer of the value, never a crash and
 * never a half-parsed success. */
#include "support.h"

#include <inttypes.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Raw UTF-8 of 2 and 4 bytes in a file name, so that byte-wise feeding splits
 * multi-byte sequences. */
static const char web_response[] =
    "{\"cname\":\"httpClient463224\",\"uid\":\"527841\",\"resourceId\":\"JyvK8nXHuV1BE.....\","
    "\"sid\":\"38f8e3cfdc474cd56fc1ceba380d7e1a\",\"serverResponse\":{\"extensionServiceState\":["
    "{\"serviceName\":\"upload_service\",\"payload\":{\"uploadingStatus\":\"uploaded\"}},"
    "{\"serviceName\":\"web_recorder_service\",\"payload\":{\"fileList\":[{\"filename\":"
    "\"caf\xc3\xa9_\xf0\x9f\x98\x80_0.mp4\",\"sliceStartTime\":1623123456},{\"filename\":\"b.m3u8\","
    "\"sliceStartTime\":0}],\"onhold\":false,\"state\":\"exit\"}}]}}";

static const char individual_response[] =
    "{\"cname\":\"httpClient463224\",\"uid\":\"527841\",\"resourceId\":\"r\",\"sid\":\"s\",\"serverResponse\":"
    "{\"uploadingStatus\":\"backuped\",\"fileListMode\":\"json\",\"fileList\":[{\"fileName\":\"a_audio.m3u8\","
    "\"trackType\":\"audio\",\"uid\":\"123\",\"mixedAllUser\":false,\"isPlayable\":true,"
    "\"sliceStartTime\":1562724971},{\"fileName\":\"a_video.m3u8\",\"trackType\":\"video\",\"uid\":\"123\","
    "\"mixedAllUser\":true,\"isPlayable\":false,\"sliceStartTime\":9223372036854775807}]}}";

/* White space of every kind between tokens, escapes in strings. */
static const char spaced_response[] =
    "\r\n {\n\t\"cname\" : \"a\\\"b\\\\c\\u00e9\" ,\n \"serverResponse\" : {\n  \"fileListMode\" : \"string\" ,"
    "\n  \"fileList\" : \"x.m3u8\"\n }\n}\n";

static const char *const responses[] = {web_response, individual_response, spaced_response};

/* --- helpers --- */

static char *stop_json(const acr_stop_response *r)
{
    char *json = NULL;
    acr_error err = ACR_ERROR_INIT;
    if (acr_stop_response_to_json(r, &json, NULL, &err) != ACR_OK)
        fail_msg("re-serialization failed: %s", err.message);
    return json;
}

/* Parses `text` fed as two pieces, the first `cut` bytes long (possibly 0). */
static acr_status parse_two_pieces(const char *text, size_t length, size_t cut, acr_stop_response *out,
                                   acr_error *err)
{
    *out = (acr_stop_response)ACR_STOP_RESPONSE_INIT;
    acr_parser *p = acr_stop_response_parser_new(out, NULL);
    assert_non_null(p);
    acr_status status = acr_parser_feed(p, text, cut, err);
    if (status == ACR_OK)
        status = acr_parser_feed(p, text + cut, length - cut, err);
    if (status == ACR_OK)
        status = acr_parser_finish(p, err);
    acr_parser_free(p);
    return status;
}

static acr_status parse_bytewise(const char *text, size_t length, acr_stop_response *out, acr_error *err)
{
    *out = (acr_stop_response)ACR_STOP_RESPONSE_INIT;
    acr_parser *p = acr_stop_response_parser_new(out, NULL);
    assert_non_null(p);
    acr_status status = ACR_OK;
    for (size_t i = 0; i < length && status == ACR_OK; i++)
        status = acr_parser_feed(p, text + i, 1, err);
    if (status == ACR_OK)
        status = acr_parser_finish(p, err);
    acr_parser_free(p);
    return status;
}

static char *parse_whole_to_json(const char *text)
{
    acr_stop_response r = ACR_STOP_RESPONSE_INIT;
    acr_error err = ACR_ERROR_INIT;
    if (acr_stop_response_parse(text, strlen(text), &r, &err) != ACR_OK)
        fail_msg("parse failed: %s\non: %s", err.message, text);
    char *json = stop_json(&r);
    acr_stop_response_free(&r);
    return json;
}

/* Parsing must fail with ACR_ERR_INVALID_RESPONSE, err.pointer == pointer. */
static void assert_invalid_at(const char *text, const char *pointer)
{
    acr_stop_response r = ACR_STOP_RESPONSE_INIT;
    acr_error err = ACR_ERROR_INIT;
    acr_status status = acr_stop_response_parse(text, strlen(text), &r, &err);
    if (status != ACR_ERR_INVALID_RESPONSE)
        fail_msg("expected an invalid response, got %d (%s) on %s", (int)status, err.message, text);
    if (!err.pointer || strcmp(err.pointer, pointer) != 0)
        fail_msg("expected pointer %s, got %s on %s", pointer, err.pointer ? err.pointer : "NULL", text);
    /* A response problem is one error with a position, not a violation list. */
    assert_int_equal(err.violation_count, 0);
    assert_true(err.line >= 1);
    assert_true(err.column >= 1);
    assert_non_null(strstr(err.message, pointer));
    acr_error_clear(&err);
    acr_stop_response_free(&r);
}

/* --- chunked delivery --- */

static void test_one_byte_at_a_time_equals_one_piece(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof responses / sizeof responses[0]; i++) {
        char *whole = parse_whole_to_json(responses[i]);
        support_assert_same_json(responses[i], whole); /* nothing lost either */
        acr_stop_response r;
        acr_error err = ACR_ERROR_INIT;
        assert_int_equal(parse_bytewise(responses[i], strlen(responses[i]), &r, &err), ACR_OK);
        char *bytewise = stop_json(&r);
        assert_string_equal(bytewise, whole);
        acr_free(bytewise);
        acr_free(whole);
        acr_stop_response_free(&r);
    }
}

static void test_every_split_into_two_chunks_equals_one_piece(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof responses / sizeof responses[0]; i++) {
        char *whole = parse_whole_to_json(responses[i]);
        size_t n = strlen(responses[i]);
        for (size_t cut = 0; cut <= n; cut++) {
            acr_stop_response r;
            acr_error err = ACR_ERROR_INIT;
            if (parse_two_pieces(responses[i], n, cut, &r, &err) != ACR_OK)
                fail_msg("split at %zu of response %zu: %s", cut, i, err.message);
            char *json = stop_json(&r);
            assert_string_equal(json, whole);
            acr_free(json);
            acr_stop_response_free(&r);
        }
        acr_free(whole);
    }
}

/* --- leniency --- */

static void test_unknown_fields_are_skipped_at_every_depth(void **state)
{
    (void)state;
    /* Unknown members at the top, in serverResponse, in an extensionServiceState
     * item, in a payload, in both kinds of fileList items; their values are
     * scalars, null, nested objects and arrays, some holding known names. */
    static const char with_unknowns[] =
        "{\"newTop\":{\"cname\":\"not this\",\"serverResponse\":{\"fileList\":5},\"a\":[1,[2,{\"b\":null}]]},"
        "\"cname\":\"c\",\"x1\":null,\"x2\":true,\"x3\":-1.5e300,\"x4\":\"s\",\"x5\":[],\"x6\":{},"
        "\"serverResponse\":{\"newInServer\":[{\"uid\":5}],\"extensionServiceState\":[{\"newInItem\":"
        "{\"deep\":{\"deeper\":[[[]]]}},\"serviceName\":\"web_recorder_service\",\"payload\":{\"newInPayload\":"
        "[true,false,null],\"fileList\":[{\"filename\":\"f.mp4\",\"newInWebFile\":{\"filename\":9},"
        "\"sliceStartTime\":7}],\"state\":\"init\"}}],\"fileList\":[{\"fileName\":\"g.m3u8\",\"newInFile\":"
        "[{\"trackType\":1}],\"trackType\":\"audio\"}]},\"uid\":\"1\",\"zLast\":{\"z\":{}}}";
    static const char known_only[] =
        "{\"cname\":\"c\",\"uid\":\"1\",\"serverResponse\":{\"extensionServiceState\":[{\"serviceName\":"
        "\"web_recorder_service\",\"payload\":{\"fileList\":[{\"filename\":\"f.mp4\",\"sliceStartTime\":7}],"
        "\"state\":\"init\"}}],\"fileList\":[{\"fileName\":\"g.m3u8\",\"trackType\":\"audio\"}]}}";
    acr_stop_response r = ACR_STOP_RESPONSE_INIT;
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(acr_stop_response_parse(with_unknowns, strlen(with_unknowns), &r, &err), ACR_OK);
    /* Known names inside unknown values did not leak into the struct. */
    assert_string_equal(r.cname, "c");
    assert_string_equal(r.server_response.extension_service_state[0].payload.file_list[0].filename, "f.mp4");
    assert_true(r.server_response.extension_service_state[0].payload.file_list[0].slice_start_time == 7);
    char *json = stop_json(&r);
    assert_string_equal(json, known_only); /* schema order, unknowns gone */
    acr_free(json);
    acr_stop_response_free(&r);

    /* Byte by byte, the skipping works the same. */
    assert_int_equal(parse_bytewise(with_unknowns, strlen(with_unknowns), &r, &err), ACR_OK);
    json = stop_json(&r);
    assert_string_equal(json, known_only);
    acr_free(json);
    acr_stop_response_free(&r);
}

/* The key lookup compares words, not bytes: a key one byte off a field's name
 * (first, middle or last byte, at every length the lookup treats apart: 1 to
 * 3, 4 to 7, 8, 9 to 16) is an unknown key, and the names themselves match
 * in any order. */
static void test_keys_one_byte_off_are_unknown(void **state)
{
    (void)state;
    static const char near_misses[] =
        "{\"uiD\":\"x\",\"Uid\":\"x\",\"cnaMe\":\"x\",\"resourceIdd\":\"x\",\"resourceI\":\"x\","
        "\"serverResponse\":{\"fileList\":[{\"fileNamE\":\"x\",\"fIleName\":\"x\",\"sliceStartTimE\":1,"
        "\"sliceStarTTime\":2,\"trackType\":\"audio\",\"isPlayablE\":true}],\"fileListModE\":\"json\"},"
        "\"sid\":\"s\",\"cname\":\"c\",\"uid\":\"u\",\"resourceId\":\"r\"}";
    acr_stop_response r = ACR_STOP_RESPONSE_INIT;
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(acr_stop_response_parse(near_misses, strlen(near_misses), &r, &err), ACR_OK);
    assert_string_equal(r.cname, "c");
    assert_string_equal(r.uid, "u");
    assert_string_equal(r.sid, "s");
    assert_string_equal(r.resource_id, "r");
    assert_int_equal(r.server_response.file_list_count, 1);
    const acr_file_entry *f = &r.server_response.file_list_items[0];
    assert_null(f->file_name);
    assert_false(f->has_slice_start_time);
    assert_false(f->has_is_playable);
    assert_int_equal(f->track_type, ACR_TRACK_TYPE_AUDIO);
    assert_int_equal(r.server_response.file_list_mode, 0);
    acr_stop_response_free(&r);
}

static void test_unknown_enum_strings_are_kept_as_other(void **state)
{
    (void)state;
    static const char text[] =
        "{\"serverResponse\":{\"extensionServiceState\":[{\"serviceName\":\"snapshot_service\",\"payload\":"
        "{\"uploadingStatus\":\"partial\",\"state\":\"paused\"}}],\"uploadingStatus\":\"Uploaded\","
        "\"fileListMode\":\"xml\",\"fileList\":[{\"trackType\":\"caf\xc3\xa9 \\\"q\\\"\"}]}}";
    acr_stop_response r = ACR_STOP_RESPONSE_INIT;
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(acr_stop_response_parse(text, strlen(text), &r, &err), ACR_OK);
    const acr_server_response *s = &r.server_response;
    const acr_extension_service_state *e = &s->extension_service_state[0];
    assert_int_equal(e->service_name, ACR_SERVICE_NAME_OTHER);
    assert_string_equal(e->service_name_other, "snapshot_service");
    assert_int_equal(e->payload.uploading_status, ACR_UPLOADING_STATUS_OTHER);
    assert_string_equal(e->payload.uploading_status_other, "partial");
    assert_int_equal(e->payload.state, ACR_STATE_OTHER);
    assert_string_equal(e->payload.state_other, "paused");
    /* Case matters: "Uploaded" is not "uploaded". */
    assert_int_equal(s->uploading_status, ACR_UPLOADING_STATUS_OTHER);
    assert_string_equal(s->uploading_status_other, "Uploaded");
    assert_int_equal(s->file_list_mode, ACR_FILE_LIST_MODE_OTHER);
    assert_string_equal(s->file_list_mode_other, "xml");
    assert_int_equal(s->file_list_items[0].track_type, ACR_TRACK_TYPE_OTHER);
    assert_string_equal(s->file_list_items[0].track_type_other, "caf\xc3\xa9 \"q\"");
    char *json = stop_json(&r);
    support_assert_same_json(text, json);
    acr_free(json);
    acr_stop_response_free(&r);

    /* Known values leave the _other text NULL. */
    assert_int_equal(acr_stop_response_parse(individual_response, strlen(individual_response), &r, &err), ACR_OK);
    assert_int_equal(r.server_response.uploading_status, ACR_UPLOADING_STATUS_BACKUPED);
    assert_null(r.server_response.uploading_status_other);
    assert_int_equal(r.server_response.file_list_items[1].track_type, ACR_TRACK_TYPE_VIDEO);
    assert_null(r.server_response.file_list_items[1].track_type_other);
    acr_stop_response_free(&r);
}

static void test_file_list_is_a_string_or_an_array(void **state)
{
    (void)state;
    acr_stop_response r = ACR_STOP_RESPONSE_INIT;
    acr_error err = ACR_ERROR_INIT;
    const char *as_string = "{\"serverResponse\":{\"fileListMode\":\"string\",\"fileList\":\"x.m3u8\"}}";
    assert_int_equal(acr_stop_response_parse(as_string, strlen(as_string), &r, &err), ACR_OK);
    assert_string_equal(r.server_response.file_list, "x.m3u8");
    assert_null(r.server_response.file_list_items);
    assert_int_equal(r.server_response.file_list_count, 0);
    char *json = stop_json(&r);
    assert_string_equal(json, as_string);
    acr_free(json);
    acr_stop_response_free(&r);

    const char *as_array = "{\"serverResponse\":{\"fileList\":[{\"fileName\":\"a\"},{\"fileName\":\"b\"},"
                           "{\"fileName\":\"c\"},{\"fileName\":\"d\"},{\"fileName\":\"e\"}]}}";
    assert_int_equal(acr_stop_response_parse(as_array, strlen(as_array), &r, &err), ACR_OK);
    assert_null(r.server_response.file_list);
    assert_int_equal(r.server_response.file_list_count, 5); /* past the first allocation */
    assert_string_equal(r.server_response.file_list_items[4].file_name, "e");
    json = stop_json(&r);
    assert_string_equal(json, as_array);
    acr_free(json);
    acr_stop_response_free(&r);

    /* An empty array is present: it must come back as [], not vanish. */
    const char *empty = "{\"serverResponse\":{\"fileList\":[]}}";
    assert_int_equal(acr_stop_response_parse(empty, strlen(empty), &r, &err), ACR_OK);
    assert_non_null(r.server_response.file_list_items);
    assert_int_equal(r.server_response.file_list_count, 0);
    json = stop_json(&r);
    assert_string_equal(json, empty);
    acr_free(json);
    acr_stop_response_free(&r);

    /* Given twice, in its two shapes: a duplicate, refused. */
    assert_invalid_at("{\"serverResponse\":{\"fileList\":\"x\",\"fileList\":[]}}", "/serverResponse/fileList");
}

/* Plain integers take a short path (eight digits at a time, up to 18 digits):
 * every length on both sides of 8 and 18, signs, zeros, and the forms that
 * leave it (a fraction, an exponent, 19 digits) give the exact value. */
static void test_integers_on_the_short_path_and_off_it(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        int64_t value;
    } cases[] = {
        {"0", 0}, {"-0", 0}, {"7", 7}, {"-7", -7}, {"1234567", 1234567}, {"12345678", 12345678},
        {"-12345678", -12345678}, {"123456789", 123456789}, {"1562724971", 1562724971},
        {"10000000", 10000000}, {"99999999", 99999999}, {"1234567890123456", 1234567890123456},
        {"123456789012345678", INT64_C(123456789012345678)}, {"-123456789012345678", -INT64_C(123456789012345678)},
        {"1234567890123456789", INT64_C(1234567890123456789)}, {"12345678.0", 12345678}, {"1234567e1", 12345670},
        {"12345678e0", 12345678},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        char text[128];
        snprintf(text, sizeof text, "{\"serverResponse\":{\"fileList\":[{\"sliceStartTime\":%s}]}}",
                 cases[c].text);
        acr_stop_response r = ACR_STOP_RESPONSE_INIT;
        acr_error err = ACR_ERROR_INIT;
        assert_int_equal(acr_stop_response_parse(text, strlen(text), &r, &err), ACR_OK);
        assert_true(r.server_response.file_list_items[0].has_slice_start_time);
        if (r.server_response.file_list_items[0].slice_start_time != cases[c].value)
            fail_msg("%s gave %" PRId64, cases[c].text, r.server_response.file_list_items[0].slice_start_time);
        acr_stop_response_free(&r);
        /* A member of an object, not an array item: the same. */
        snprintf(text, sizeof text, "{\"serverResponse\":{\"fileList\":[{\"uid\":\"1\",\"sliceStartTime\":%s}]}}",
                 cases[c].text);
        assert_int_equal(acr_stop_response_parse(text, strlen(text), &r, &err), ACR_OK);
        assert_true(r.server_response.file_list_items[0].slice_start_time == cases[c].value);
        acr_stop_response_free(&r);
    }
    assert_invalid_at("{\"serverResponse\":{\"fileList\":[{\"sliceStartTime\":12345678.5}]}}",
                      "/serverResponse/fileList/0/sliceStartTime");
}

static void test_slice_start_time_large_values(void **state)
{
    (void)state;
    acr_stop_response r = ACR_STOP_RESPONSE_INIT;
    acr_error err = ACR_ERROR_INIT;
    const char *text = "{\"serverResponse\":{\"extensionServiceState\":[{\"payload\":{\"fileList\":["
                       "{\"sliceStartTime\":9223372036854775807},{\"sliceStartTime\":-9223372036854775808},"
                       "{\"sliceStartTime\":1.623123456e9}]}}]}}";
    assert_int_equal(acr_stop_response_parse(text, strlen(text), &r, &err), ACR_OK);
    const acr_extension_payload *p = &r.server_response.extension_service_state[0].payload;
    assert_int_equal(p->file_list_count, 3);
    assert_true(p->file_list[0].slice_start_time == INT64_MAX);
    assert_true(p->file_list[1].slice_start_time == INT64_MIN);
    assert_true(p->file_list[2].has_slice_start_time);
    assert_true(p->file_list[2].slice_start_time == 1623123456);
    acr_stop_response_free(&r);

    assert_invalid_at("{\"serverResponse\":{\"fileList\":[{\"sliceStartTime\":9223372036854775808}]}}",
                      "/serverResponse/fileList/0/sliceStartTime");
    assert_invalid_at("{\"serverResponse\":{\"fileList\":[{},{\"sliceStartTime\":1.5}]}}",
                      "/serverResponse/fileList/1/sliceStartTime");
    assert_invalid_at("{\"serverResponse\":{\"fileList\":[{\"sliceStartTime\":1e999999999999}]}}",
                      "/serverResponse/fileList/0/sliceStartTime");
}

/* --- strictness --- */

static void test_every_truncation_is_an_invalid_response(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof responses / sizeof responses[0]; i++) {
        /* The spaced response ends in white space: cut before it. */
        size_t n = strlen(responses[i]);
        while (n && strchr(" \t\r\n", responses[i][n - 1]))
            n--;
        for (size_t len = 0; len < n; len++) {
            acr_stop_response r = ACR_STOP_RESPONSE_INIT;
            acr_error err = ACR_ERROR_INIT;
            acr_status status = acr_stop_response_parse(responses[i], len, &r, &err);
            if (status != ACR_ERR_INVALID_RESPONSE)
                fail_msg("prefix of %zu bytes of response %zu: status %d", len, i, (int)status);
            assert_int_equal(err.status, ACR_ERR_INVALID_RESPONSE);
            assert_true(strlen(err.message) > 0);
            acr_error_clear(&err);
            acr_stop_response_free(&r);
        }
    }
}

/* The same, with the prefix delivered one byte at a time (the HTTP path). */
static void test_every_truncation_fed_bytewise_is_an_invalid_response(void **state)
{
    (void)state;
    size_t n = strlen(web_response);
    for (size_t len = 0; len < n; len++) {
        acr_stop_response r;
        acr_error err = ACR_ERROR_INIT;
        assert_int_equal(parse_bytewise(web_response, len, &r, &err), ACR_ERR_INVALID_RESPONSE);
        acr_error_clear(&err);
        acr_stop_response_free(&r);
    }
}

static void test_wrong_types_name_the_value(void **state)
{
    (void)state;
    static const struct {
        const char *text, *pointer;
    } cases[] = {
        {"{\"uid\":5}", "/uid"},
        {"{\"cname\":{\"a\":1}}", "/cname"},
        {"{\"cname\":\"c\",\"serverResponse\":{\"fileList\":3}}", "/serverResponse/fileList"},
        {"{\"serverResponse\":{\"fileList\":true}}", "/serverResponse/fileList"},
        {"{\"serverResponse\":{\"extensionServiceState\":[{\"payload\":{\"onhold\":\"true\"}}]}}",
         "/serverResponse/extensionServiceState/0/payload/onhold"},
        {"{\"serverResponse\":[]}", "/serverResponse"},
        {"{\"serverResponse\":{\"extensionServiceState\":{}}}", "/serverResponse/extensionServiceState"},
        {"{\"serverResponse\":{\"extensionServiceState\":[{\"serviceName\":\"upload_service\"},5]}}",
         "/serverResponse/extensionServiceState/1"},
        {"{\"serverResponse\":{\"extensionServiceState\":[[]]}}", "/serverResponse/extensionServiceState/0"},
        {"{\"serverResponse\":{\"fileList\":[{\"sliceStartTime\":\"1\"}]}}",
         "/serverResponse/fileList/0/sliceStartTime"},
        {"{\"serverResponse\":{\"fileList\":[\"a.m3u8\"]}}", "/serverResponse/fileList/0"},
        {"{\"serverResponse\":{\"fileList\":[{\"isPlayable\":1}]}}", "/serverResponse/fileList/0/isPlayable"},
        {"{\"serverResponse\":{\"fileListMode\":true}}", "/serverResponse/fileListMode"},
        {"{\"serverResponse\":{\"uploadingStatus\":[\"uploaded\"]}}", "/serverResponse/uploadingStatus"},
        {"{\"serverResponse\":{\"extensionServiceState\":[{\"payload\":{\"fileList\":[{\"filename\":1}]}}]}}",
         "/serverResponse/extensionServiceState/0/payload/fileList/0/filename"},
        /* The root itself. */
        {"[]", ""},
        {"\"text\"", ""},
        {"42", ""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        assert_invalid_at(cases[i].text, cases[i].pointer);
}

/* The position of a wrong value is its last character for a scalar, its first
 * for a container, whether the text arrives whole or byte by byte. */
static void test_wrong_type_positions(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        unsigned long line, column;
        size_t offset;
    } cases[] = {
        {"{\"uid\":12345}", 1, 12, 11},
        {"{\"uid\":true}", 1, 11, 10},
        {"{\"uid\":[1]}", 1, 8, 7},
        {"{\"cname\":\"\xc3\xa9\",\"uid\":{}}", 1, 20, 20},
        {"{\n\"serverResponse\":{\"fileList\":3}}", 2, 30, 31},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        for (int bytewise = 0; bytewise <= 1; bytewise++) {
            acr_stop_response r = ACR_STOP_RESPONSE_INIT;
            acr_error err = ACR_ERROR_INIT;
            size_t n = strlen(cases[i].text);
            acr_status status = bytewise ? parse_bytewise(cases[i].text, n, &r, &err)
                                         : acr_stop_response_parse(cases[i].text, n, &r, &err);
            assert_int_equal(status, ACR_ERR_INVALID_RESPONSE);
            if (err.line != cases[i].line || err.column != cases[i].column || err.offset != cases[i].offset)
                fail_msg("%s (%s): %lu:%lu offset %zu", cases[i].text, bytewise ? "bytewise" : "whole", err.line,
                         err.column, err.offset);
            acr_error_clear(&err);
            acr_stop_response_free(&r);
        }
    }
}

static void test_null_where_not_nullable(void **state)
{
    (void)state;
    assert_invalid_at("{\"cname\":null}", "/cname");
    assert_invalid_at("{\"serverResponse\":null}", "/serverResponse");
    assert_invalid_at("{\"serverResponse\":{\"fileList\":null}}", "/serverResponse/fileList");
    assert_invalid_at("{\"serverResponse\":{\"extensionServiceState\":[null]}}",
                      "/serverResponse/extensionServiceState/0");
    assert_invalid_at("{\"serverResponse\":{\"uploadingStatus\":null}}", "/serverResponse/uploadingStatus");
    /* In an unknown member, null is nobody's business. */
    acr_stop_response r = ACR_STOP_RESPONSE_INIT;
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(acr_stop_response_parse("{\"later\":null}", 14, &r, &err), ACR_OK);
    acr_stop_response_free(&r);
}

static void test_duplicate_keys_are_refused(void **state)
{
    (void)state;
    assert_invalid_at("{\"cname\":\"a\",\"cname\":\"b\"}", "/cname");
    assert_invalid_at("{\"serverResponse\":{\"extensionServiceState\":[{\"serviceName\":\"upload_service\","
                      "\"serviceName\":\"web_recorder_service\"}]}}",
                      "/serverResponse/extensionServiceState/0/serviceName");
    assert_invalid_at("{\"serverResponse\":{},\"serverResponse\":{}}", "/serverResponse");
}

/* A long key cut in the fatal message is cut between keys, never inside one:
 * a secret the service echoed as a key is shown whole (the client then redacts
 * it) or not at all, never as a fragment the redaction cannot match. Before,
 * the message held the first 200 bytes of the pointer: "/aaa...SECRETSEC". */
static void test_long_pointer_is_cut_between_keys(void **state)
{
    (void)state;
    char text[512];
    char key[256];
    memset(key, 'a', 190);
    memcpy(key + 190, "SECRETSECRETSECRET", 19); /* with its NUL */
    /* Nested too deep under that key: a fatal error whose pointer starts with it. */
    char deep[80];
    memset(deep, '[', 70);
    deep[70] = '\0';
    snprintf(text, sizeof text, "{\"%s\":%s", key, deep);
    acr_stop_response r = ACR_STOP_RESPONSE_INIT;
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(acr_stop_response_parse(text, strlen(text), &r, &err), ACR_ERR_INVALID_RESPONSE);
    assert_null(strstr(err.message, "SECRET"));
    assert_null(strstr(err.message, "aaaa"));
    assert_non_null(strstr(err.message, "...: "));
    assert_non_null(err.pointer);
    assert_non_null(strstr(err.pointer, "SECRETSECRETSECRET")); /* whole in err->pointer */
    acr_stop_response_free(&r);
    acr_error_clear(&err);
}

static void test_invalid_utf8_is_refused_with_a_position(void **state)
{
    (void)state;
    /* Bytes yajl refuses itself: a syntax error at the bad byte. */
    acr_stop_response r = ACR_STOP_RESPONSE_INIT;
    acr_error err = ACR_ERROR_INIT;
    const char *bad = "{\"cname\":\"ok\",\n\"sid\":\"ab\xff\"}";
    assert_int_equal(acr_stop_response_parse(bad, strlen(bad), &r, &err), ACR_ERR_INVALID_RESPONSE);
    assert_int_equal(err.line, 2);
    assert_int_equal(err.column, 10);
    assert_int_equal(err.offset, 24);
    assert_non_null(strstr(err.message, "line 2, column 10"));
    acr_error_clear(&err);
    acr_stop_response_free(&r);

    /* Forms yajl lets through (overlong, surrogate, beyond U+10FFFF): refused
     * at the value. */
    static const char *const sneaky[] = {"\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80"};
    for (size_t i = 0; i < sizeof sneaky / sizeof sneaky[0]; i++) {
        char text[64];
        snprintf(text, sizeof text, "{\"cname\":\"ok\",\n\"sid\":\"a%sb\"}", sneaky[i]);
        acr_status status = acr_stop_response_parse(text, strlen(text), &r, &err);
        assert_int_equal(status, ACR_ERR_INVALID_RESPONSE);
        assert_int_equal(err.line, 2);
        assert_true(err.column >= 8);
        acr_error_clear(&err);
        acr_stop_response_free(&r);
    }
}

/* 100000 levels: refused at the depth limit, without recursion or a crash. */
static void test_very_deep_nesting_is_refused(void **state)
{
    (void)state;
    const size_t depth = 100000;
    static const struct {
        const char *head, *open, *middle, *close, *tail;
    } shapes[] = {
        {"{\"unknown\":", "[", "", "]", "}"},          /* arrays in an unknown member */
        {"{\"unknown\":", "{\"a\":", "0", "}", "}"},  /* objects in an unknown member */
        {"{\"cname\":\"c\",\"serverResponse\":{\"x\":", "[", "", "]", "}}"},
        {"", "[", "", "]", ""},                        /* the root itself */
    };
    for (size_t s = 0; s < sizeof shapes / sizeof shapes[0]; s++) {
        size_t head = strlen(shapes[s].head), open = strlen(shapes[s].open), middle = strlen(shapes[s].middle),
               close = strlen(shapes[s].close), tail = strlen(shapes[s].tail);
        size_t total = head + depth * open + middle + depth * close + tail;
        char *text = malloc(total + 1);
        assert_non_null(text);
        char *at = text;
        memcpy(at, shapes[s].head, head);
        at += head;
        for (size_t i = 0; i < depth; i++, at += open)
            memcpy(at, shapes[s].open, open);
        memcpy(at, shapes[s].middle, middle);
        at += middle;
        for (size_t i = 0; i < depth; i++, at += close)
            memcpy(at, shapes[s].close, close);
        memcpy(at, shapes[s].tail, tail + 1);

        acr_stop_response r = ACR_STOP_RESPONSE_INIT;
        acr_error err = ACR_ERROR_INIT;
        assert_int_equal(acr_stop_response_parse(text, total, &r, &err), ACR_ERR_INVALID_RESPONSE);
        /* The root array is refused for being an array, before any depth. */
        if (s < 3)
            assert_non_null(strstr(err.message, "nesting"));
        assert_int_equal(err.line, 1);
        acr_error_clear(&err);
        acr_stop_response_free(&r);
        free(text);
    }
}

/* The deepest legal shape (a web-mode fileList entry) takes 7 levels: root,
 * serverResponse, extensionServiceState, its item, payload, fileList, its item. */
static void test_depth_limit_is_exact(void **state)
{
    (void)state;
    acr_parse_options seven = {.max_depth = 7}, six = {.max_depth = 6};
    acr_stop_response r = ACR_STOP_RESPONSE_INIT;
    acr_error err = ACR_ERROR_INIT;
    acr_parser *p = acr_stop_response_parser_new(&r, &seven);
    assert_int_equal(acr_parser_feed(p, web_response, strlen(web_response), &err), ACR_OK);
    assert_int_equal(acr_parser_finish(p, &err), ACR_OK);
    acr_parser_free(p);
    acr_stop_response_free(&r);

    p = acr_stop_response_parser_new(&r, &six);
    acr_status status = acr_parser_feed(p, web_response, strlen(web_response), &err);
    if (status == ACR_OK)
        status = acr_parser_finish(p, &err);
    assert_int_equal(status, ACR_ERR_INVALID_RESPONSE);
    assert_string_equal(err.pointer, "/serverResponse/extensionServiceState/1/payload/fileList/0");
    acr_parser_free(p);
    acr_error_clear(&err);
    acr_stop_response_free(&r);
}

static void test_empty_white_space_and_trailing_garbage(void **state)
{
    (void)state;
    static const char *const texts[] = {"", " ", "\r\n\t ", "{} x", "{}{}", "{} []", "{\"cname\":\"a\"}}"};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        acr_stop_response r = ACR_STOP_RESPONSE_INIT;
        acr_error err = ACR_ERROR_INIT;
        assert_int_equal(acr_stop_response_parse(texts[i], strlen(texts[i]), &r, &err), ACR_ERR_INVALID_RESPONSE);
        assert_true(strlen(err.message) > 0);
        acr_error_clear(&err);
        acr_stop_response_free(&r);
    }
    /* Trailing white space, including a final newline, is fine. */
    acr_stop_response r = ACR_STOP_RESPONSE_INIT;
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(acr_stop_response_parse("{}\r\n", 4, &r, &err), ACR_OK);
    assert_false(r.has_server_response);
    acr_stop_response_free(&r);
}

static void test_free_is_safe_twice_and_on_zeroed_structs(void **state)
{
    (void)state;
    acr_stop_response r = ACR_STOP_RESPONSE_INIT;
    acr_stop_response_free(&r);
    acr_stop_response_free(&r);
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(acr_stop_response_parse(web_response, strlen(web_response), &r, &err), ACR_OK);
    acr_stop_response_free(&r);
    /* Free zeroes the struct. */
    assert_null(r.cname);
    assert_null(r.server_response.extension_service_state);
    assert_int_equal(r.server_response.extension_service_state_count, 0);
    assert_false(r.has_server_response);
    acr_stop_response_free(&r);

    /* After a failure the partial struct is released the same way. */
    const char *cut = "{\"cname\":\"c\",\"serverResponse\":{\"extensionServiceState\":[{\"serviceName\":\"x\",\"payload\":{";
    assert_int_equal(acr_stop_response_parse(cut, strlen(cut), &r, &err), ACR_ERR_INVALID_RESPONSE);
    assert_string_equal(r.cname, "c"); /* what was read so far is there */
    acr_error_clear(&err);
    acr_stop_response_free(&r);
    acr_stop_response_free(&r);
    acr_stop_response_free(NULL);

    acr_update_response u = ACR_UPDATE_RESPONSE_INIT;
    acr_update_response_free(&u);
    acr_error_response e = ACR_ERROR_RESPONSE_INIT;
    acr_error_response_free(&e);
}

/* --- the other response types --- */

static void test_update_response(void **state)
{
    (void)state;
    const char *text = "{\"cname\":\"httpClient463224\",\"uid\":\"527841\",\"resourceId\":\"JyvK8nXHuV1BE.....\","
                       "\"sid\":\"38f8e3c......\",\"serverResponse\":{\"later\":1}}";
    acr_update_response r = ACR_UPDATE_RESPONSE_INIT;
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(acr_update_response_parse(text, strlen(text), &r, &err), ACR_OK);
    assert_string_equal(r.cname, "httpClient463224");
    assert_string_equal(r.uid, "527841");
    assert_string_equal(r.resource_id, "JyvK8nXHuV1BE.....");
    assert_string_equal(r.sid, "38f8e3c......");
    acr_update_response_free(&r);
    acr_update_response_free(&r);
    const char *bad = "{\"resourceId\":[\"x\"]}";
    assert_int_equal(acr_update_response_parse(bad, strlen(bad), &r, &err), ACR_ERR_INVALID_RESPONSE);
    assert_string_equal(err.pointer, "/resourceId");
    acr_error_clear(&err);
    acr_update_response_free(&r);
}

static void test_error_responses(void **state)
{
    (void)state;
    acr_error_response r = ACR_ERROR_RESPONSE_INIT;
    acr_error err = ACR_ERROR_INIT;
    const char *service = "{\"code\":65,\"reason\":\"request not completed\",\"resourceId\":\"r\",\"sid\":\"s\"}";
    assert_int_equal(acr_error_response_parse(service, strlen(service), &r, &err), ACR_OK);
    assert_true(r.has_code);
    assert_int_equal(r.code, 65);
    assert_string_equal(r.reason, "request not completed");
    assert_null(r.message);
    assert_string_equal(r.resource_id, "r");
    assert_string_equal(r.sid, "s");
    acr_error_response_free(&r);

    const char *gateway = "{\"message\":\"Invalid authentication credentials\"}";
    assert_int_equal(acr_error_response_parse(gateway, strlen(gateway), &r, &err), ACR_OK);
    assert_false(r.has_code);
    assert_string_equal(r.message, "Invalid authentication credentials");
    acr_error_response_free(&r);

    const char *wrong = "{\"code\":\"404\"}";
    assert_int_equal(acr_error_response_parse(wrong, strlen(wrong), &r, &err), ACR_ERR_INVALID_RESPONSE);
    assert_string_equal(err.pointer, "/code");
    acr_error_clear(&err);
    acr_error_response_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_one_byte_at_a_time_equals_one_piece),
        cmocka_unit_test(test_every_split_into_two_chunks_equals_one_piece),
        cmocka_unit_test(test_unknown_fields_are_skipped_at_every_depth),
        cmocka_unit_test(test_keys_one_byte_off_are_unknown),
        cmocka_unit_test(test_unknown_enum_strings_are_kept_as_other),
        cmocka_unit_test(test_file_list_is_a_string_or_an_array),
        cmocka_unit_test(test_slice_start_time_large_values),
        cmocka_unit_test(test_integers_on_the_short_path_and_off_it),
        cmocka_unit_test(test_every_truncation_is_an_invalid_response),
        cmocka_unit_test(test_every_truncation_fed_bytewise_is_an_invalid_response),
        cmocka_unit_test(test_wrong_types_name_the_value),
        cmocka_unit_test(test_wrong_type_positions),
        cmocka_unit_test(test_null_where_not_nullable),
        cmocka_unit_test(test_duplicate_keys_are_refused),
        cmocka_unit_test(test_invalid_utf8_is_refused_with_a_position),
        cmocka_unit_test(test_long_pointer_is_cut_between_keys),
        cmocka_unit_test(test_very_deep_nesting_is_refused),
        cmocka_unit_test(test_depth_limit_is_exact),
        cmocka_unit_test(test_empty_white_space_and_trailing_garbage),
        cmocka_unit_test(test_free_is_safe_twice_and_on_zeroed_structs),
        cmocka_unit_test(test_update_response),
        cmocka_unit_test(test_error_responses),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
