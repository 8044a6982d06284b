/* Parsing request bodies (what `acr validate` and the endpoint calls read from a
 * file): JSON of the wrong shape is collected as violations and parsing goes on,
 * so one run reports everything; malformed JSON stops with the line and column
 * of the problem; strings round-trip byte for byte. */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Parses `json` (whole) into *r; returns the status, err filled. */
static acr_status parse_update(const char *json, acr_update_request *r, acr_error *err)
{
    *r = (acr_update_request)ACR_UPDATE_REQUEST_INIT;
    return acr_update_request_parse(json, strlen(json), r, err);
}

/* Parses expecting ACR_ERR_MALFORMED_JSON at line:column (and byte offset). */
static void assert_malformed_at(const char *json, unsigned long line, unsigned long column, size_t offset)
{
    acr_update_request r;
    acr_error err = ACR_ERROR_INIT;
    acr_status status = parse_update(json, &r, &err);
    if (status != ACR_ERR_MALFORMED_JSON || err.line != line || err.column != column || err.offset != offset)
        fail_msg("on %s: expected malformed JSON at %lu:%lu (offset %zu), got status %d at %lu:%lu (offset %zu): %s",
                 json, line, column, offset, (int)status, err.line, err.column, err.offset, err.message);
    assert_int_equal(err.status, ACR_ERR_MALFORMED_JSON);
    assert_int_equal(err.violation_count, 0);
    /* The message carries the position for people reading it. */
    char where[64];
    snprintf(where, sizeof where, "line %lu, column %lu", line, column);
    assert_non_null(strstr(err.message, where));
    acr_error_clear(&err);
    acr_update_request_free(&r);
}

static const char *const wrong_types_body =
    "{\"cname\":\"c\",\"uid\":527841,\"bogus\":{\"deep\":[1,2]},\"clientRequest\":{\"storageConfig\":"
    "{\"vendor\":\"1\",\"region\":3,\"bucket\":\"b\",\"accessKey\":\"a\",\"secretKey\":\"s\"}}}";

static void test_wrong_types_and_unknown_properties_are_all_reported(void **state)
{
    (void)state;
    static const char *const expected[] = {"/uid", "/bogus", "/clientRequest/storageConfig/vendor"};
    acr_update_request r;
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(parse_update(wrong_types_body, &r, &err), ACR_ERR_INVALID_REQUEST);
    support_assert_violations(&err, expected, 3);
    assert_non_null(strstr(support_find_violation(&err, "/uid")->message, "string"));
    assert_non_null(strstr(support_find_violation(&err, "/clientRequest/storageConfig/vendor")->message, "integer"));
    /* Parsing went on past each problem: the rest of the body is there. */
    assert_string_equal(r.cname, "c");
    assert_null(r.uid);
    assert_true(r.client_request.has_storage_config);
    assert_false(r.client_request.storage_config.has_vendor);
    assert_true(r.client_request.storage_config.has_region);
    assert_int_equal(r.client_request.storage_config.region, 3);
    assert_string_equal(r.client_request.storage_config.secret_key, "s");
    acr_error_clear(&err);
    acr_update_request_free(&r);
}

/* Validating after a failed parse (what `acr validate` does) adds what only the
 * validator sees, without repeating the parser's findings as "is required". */
static void test_validate_after_parse_appends_without_duplicates(void **state)
{
    (void)state;
    acr_update_request r;
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(parse_update(wrong_types_body, &r, &err), ACR_ERR_INVALID_REQUEST);
    assert_int_equal(acr_update_request_validate(&r, ACR_MODE_INDIVIDUAL, &err), ACR_ERR_INVALID_REQUEST);
    assert_int_equal(support_count_violations(&err, "/uid"), 1);
    assert_int_equal(support_count_violations(&err, "/clientRequest/storageConfig/vendor"), 1);
    assert_int_equal(err.violation_count, 3);
    acr_error_clear(&err);
    acr_update_request_free(&r);
}

static void test_unknown_property_suggests_the_known_spelling(void **state)
{
    (void)state;
    static const struct {
        const char *key, *pointer, *suggestion;
    } cases[] = {
        {"unSubscribeAudioUids", "/clientRequest/streamSubscribe/audioUidList/unSubscribeAudioUids",
         "\"unsubscribeAudioUids\""},
        {"subscribeAudioUid", "/clientRequest/streamSubscribe/audioUidList/subscribeAudioUid",
         "\"subscribeAudioUids\""},
        {"SUBSCRIBEAUDIOUIDS", "/clientRequest/streamSubscribe/audioUidList/SUBSCRIBEAUDIOUIDS",
         "\"subscribeAudioUids\""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char body[256];
        snprintf(body, sizeof body,
                 "{\"cname\":\"c\",\"uid\":\"1\",\"clientRequest\":{\"streamSubscribe\":{\"audioUidList\":"
                 "{\"%s\":[\"1\"]}}}}", cases[i].key);
        acr_update_request r;
        acr_error err = ACR_ERROR_INIT;
        assert_int_equal(parse_update(body, &r, &err), ACR_ERR_INVALID_REQUEST);
        support_assert_violations(&err, &cases[i].pointer, 1);
        const char *message = err.violations[0].message;
        if (!strstr(message, cases[i].suggestion))
            fail_msg("\"%s\" does not suggest %s", message, cases[i].suggestion);
        acr_error_clear(&err);
        acr_update_request_free(&r);
    }
    /* Nothing close: no suggestion. */
    acr_update_request r;
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(parse_update("{\"cname\":\"c\",\"uid\":\"1\",\"clientRequest\":{},\"qqqqqqqqqq\":1}", &r, &err),
                     ACR_ERR_INVALID_REQUEST);
    static const char *const pointer = "/qqqqqqqqqq";
    support_assert_violations(&err, &pointer, 1);
    assert_null(strstr(err.violations[0].message, "did you mean"));
    acr_error_clear(&err);
    acr_update_request_free(&r);
}

/* Keys with '/' and '~' are escaped in pointers (RFC 6901). */
static void test_pointer_escapes_unknown_keys(void **state)
{
    (void)state;
    acr_update_request r;
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(parse_update("{\"cname\":\"c\",\"uid\":\"1\",\"clientRequest\":{},\"a/b~c\":1}", &r, &err),
                     ACR_ERR_INVALID_REQUEST);
    static const char *const pointer = "/a~1b~0c";
    support_assert_violations(&err, &pointer, 1);
    acr_error_clear(&err);
    acr_update_request_free(&r);
}

static void test_null_on_nullable_means_absent(void **state)
{
    (void)state;
    /* In web mode a present streamSubscribe would be a violation; null is not. */
    const char *body =
        "{\"cname\":\"c\",\"uid\":\"1\",\"clientRequest\":{\"streamSubscribe\":null,\"webRecordingConfig\":"
        "{\"onhold\":null},\"rtmpPublishConfig\":{\"outputs\":[{\"rtmpUrl\":null}]},\"storageConfig\":"
        "{\"vendor\":5,\"region\":0,\"bucket\":\"b\",\"accessKey\":\"a\",\"secretKey\":\"s\",\"stsToken\":null,"
        "\"stsExpiration\":null,\"fileNamePrefix\":null,\"extensionParams\":null}}}";
    acr_update_request r;
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(parse_update(body, &r, &err), ACR_OK);
    const acr_update_client_request *c = &r.client_request;
    assert_false(c->has_stream_subscribe);
    assert_true(c->has_web_recording_config);
    assert_false(c->web_recording_config.has_onhold);
    assert_int_equal(c->rtmp_publish_config.outputs_count, 1);
    assert_null(c->rtmp_publish_config.outputs[0].rtmp_url);
    assert_null(c->storage_config.sts_token);
    assert_false(c->storage_config.has_sts_expiration);
    assert_null(c->storage_config.file_name_prefix);
    assert_false(c->storage_config.has_extension_params);
    /* stsToken null with vendor 5 is absent, so allowed. */
    assert_int_equal(acr_update_request_validate(&r, ACR_MODE_WEB, &err), ACR_OK);
    /* And absent members are not written back. */
    char *json = NULL;
    assert_int_equal(acr_update_request_to_json(&r, &json, NULL, &err), ACR_OK);
    assert_string_equal(json, "{\"cname\":\"c\",\"uid\":\"1\",\"clientRequest\":{\"webRecordingConfig\":{},"
                              "\"rtmpPublishConfig\":{\"outputs\":[{}]},\"storageConfig\":{\"vendor\":5,"
                              "\"region\":0,\"bucket\":\"b\",\"accessKey\":\"a\",\"secretKey\":\"s\"}}}");
    acr_free(json);
    acr_update_request_free(&r);
}

static void test_null_on_required_non_nullable_is_one_violation(void **state)
{
    (void)state;
    static const struct {
        const char *body, *pointer;
    } cases[] = {
        {"{\"cname\":null,\"uid\":\"1\",\"clientRequest\":{}}", "/cname"},
        {"{\"cname\":\"c\",\"uid\":null,\"clientRequest\":{}}", "/uid"},
        {"{\"cname\":\"c\",\"uid\":\"1\",\"clientRequest\":null}", "/clientRequest"},
        {"{\"cname\":\"c\",\"uid\":\"1\",\"clientRequest\":{\"storageConfig\":{\"vendor\":null,\"region\":0,"
         "\"bucket\":\"b\",\"accessKey\":\"a\",\"secretKey\":\"s\"}}}", "/clientRequest/storageConfig/vendor"},
        {"{\"cname\":\"c\",\"uid\":\"1\",\"clientRequest\":{\"streamSubscribe\":{\"audioUidList\":"
         "{\"subscribeAudioUids\":[null]}}}}", "/clientRequest/streamSubscribe/audioUidList/subscribeAudioUids/0"},
        {"{\"cname\":\"c\",\"uid\":\"1\",\"clientRequest\":{\"rtmpPublishConfig\":{\"outputs\":[null]}}}",
         "/clientRequest/rtmpPublishConfig/outputs/0"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        acr_update_request r;
        acr_error err = ACR_ERROR_INIT;
        assert_int_equal(parse_update(cases[i].body, &r, &err), ACR_ERR_INVALID_REQUEST);
        support_assert_violations(&err, &cases[i].pointer, 1);
        /* Validation afterwards does not report it again as missing. */
        assert_int_equal(acr_update_request_validate(&r, ACR_MODE_ANY, &err), ACR_ERR_INVALID_REQUEST);
        support_assert_violations(&err, &cases[i].pointer, 1);
        acr_error_clear(&err);
        acr_update_request_free(&r);
    }
}

/* A rejected array item keeps its place: later items are reported at the index
 * the user wrote, not shifted down onto the rejected one. */
static void test_rejected_array_item_keeps_the_indexes_of_later_items(void **state)
{
    (void)state;
    static const char *const expected[] = {
        "/clientRequest/streamSubscribe/audioUidList/subscribeAudioUids/1",
        "/clientRequest/streamSubscribe/audioUidList/subscribeAudioUids/3",
        "/clientRequest/streamSubscribe/audioUidList/subscribeAudioUids/2",
        "/clientRequest/streamSubscribe/audioUidList/subscribeAudioUids/4",
    };
    acr_update_request r;
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(parse_update("{\"cname\":\"c\",\"uid\":\"1\",\"clientRequest\":{\"streamSubscribe\":{\"audioUidList\":"
                                  "{\"subscribeAudioUids\":[\"1\",5,\"abc\",{\"x\":1},\"0\",\"7\"]}}}}",
                                  &r, &err),
                     ACR_ERR_INVALID_REQUEST);
    /* The parser's two wrong types... */
    support_assert_violations(&err, expected, 2);
    /* ...then the validator's two bad UIDs, at their own indexes. */
    assert_int_equal(acr_update_request_validate(&r, ACR_MODE_INDIVIDUAL, &err), ACR_ERR_INVALID_REQUEST);
    support_assert_violations(&err, expected, 4);
    const acr_audio_uid_list *list = &r.client_request.stream_subscribe.audio_uid_list;
    assert_int_equal(list->subscribe_audio_uids_count, 6);
    assert_string_equal(list->subscribe_audio_uids[5], "7");
    acr_error_clear(&err);
    acr_update_request_free(&r);
}

static void test_integral_numbers_accepted_fractions_rejected(void **state)
{
    (void)state;
    acr_update_request r;
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(parse_update("{\"cname\":\"c\",\"uid\":\"1\",\"clientRequest\":{\"storageConfig\":{\"vendor\":1.0,"
                                  "\"region\":2e1,\"bucket\":\"b\",\"accessKey\":\"a\",\"secretKey\":\"s\"}}}",
                                  &r, &err),
                     ACR_OK);
    assert_int_equal(r.client_request.storage_config.vendor, 1);
    assert_int_equal(r.client_request.storage_config.region, 20);
    acr_update_request_free(&r);

    static const char *const pointer = "/clientRequest/storageConfig/region";
    assert_int_equal(parse_update("{\"cname\":\"c\",\"uid\":\"1\",\"clientRequest\":{\"storageConfig\":{\"vendor\":1,"
                                  "\"region\":1.5,\"bucket\":\"b\",\"accessKey\":\"a\",\"secretKey\":\"s\"}}}",
                                  &r, &err),
                     ACR_ERR_INVALID_REQUEST);
    support_assert_violations(&err, &pointer, 1);
    acr_error_clear(&err);
    acr_update_request_free(&r);
}

static void test_duplicate_property_is_a_violation(void **state)
{
    (void)state;
    acr_update_request r;
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(parse_update("{\"cname\":\"first\",\"uid\":\"1\",\"cname\":\"second\",\"clientRequest\":"
                                  "{\"webRecordingConfig\":{\"onhold\":true,\"onhold\":false}}}",
                                  &r, &err),
                     ACR_ERR_INVALID_REQUEST);
    static const char *const expected[] = {"/cname", "/clientRequest/webRecordingConfig/onhold"};
    support_assert_violations(&err, expected, 2);
    /* The first value is kept; the repeat is not silently taken. */
    assert_string_equal(r.cname, "first");
    assert_true(r.client_request.web_recording_config.onhold);
    acr_error_clear(&err);
    acr_update_request_free(&r);
}

static void test_root_must_be_an_object(void **state)
{
    (void)state;
    static const char *const bodies[] = {"[]", "[{\"cname\":\"c\"}]", "\"abc\"", "5", "true", "null"};
    static const char *const root = "";
    for (size_t i = 0; i < sizeof bodies / sizeof bodies[0]; i++) {
        acr_update_request r;
        acr_error err = ACR_ERROR_INIT;
        assert_int_equal(parse_update(bodies[i], &r, &err), ACR_ERR_INVALID_REQUEST);
        support_assert_violations(&err, &root, 1);
        assert_null(r.cname); /* nothing from inside the array was taken */
        acr_error_clear(&err);
        acr_update_request_free(&r);
    }
}

/* --- malformed JSON: positions --- */

static void test_malformed_json_reports_line_and_column(void **state)
{
    (void)state;
    /* The ']' is on line 2, column 12, byte 13. */
    assert_malformed_at("{\n  \"cname\": ]", 2, 12, 13);
    /* A comma before '}': the '}' at column 14. */
    assert_malformed_at("{\"cname\":\"a\",}", 1, 14, 13);
    /* Columns count characters: the 2-byte é is one column, two bytes. */
    assert_malformed_at("{\"cname\":\"\xc3\xa9\", x}", 1, 15, 15);
    /* A lone '}' at the start of line 3. */
    assert_malformed_at("{\"cname\":\"a\",\n\"uid\":\"1\"\n}}", 3, 2, 25);
    /* Invalid UTF-8: the bad byte itself. */
    assert_malformed_at("{\"cname\":\"ab\",\n\"uid\":\"1\xff\"}", 2, 9, 23);
    /* A missing ',': the token that should have followed one. */
    assert_malformed_at("{\"cname\":\"a\"\n  \"uid\":\"b\"}", 2, 3, 15);
    /* A bare word. */
    assert_malformed_at("{\"cname\":nope}", 1, 10, 9);
}

static void test_truncated_input_points_past_the_end(void **state)
{
    (void)state;
    assert_malformed_at("{\"cname\": \"a\"", 1, 14, 13);
    assert_malformed_at("{\"cname\": \"a\",\n", 2, 1, 15);
    assert_malformed_at("{\"cname\": \"ab", 1, 14, 13);
}

static void test_empty_and_white_space_input(void **state)
{
    (void)state;
    static const char *const inputs[] = {"", " ", "\n\n\t\r "};
    for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
        acr_update_request r;
        acr_error err = ACR_ERROR_INIT;
        assert_int_equal(parse_update(inputs[i], &r, &err), ACR_ERR_MALFORMED_JSON);
        assert_non_null(strstr(err.message, "empty"));
        assert_int_equal(err.line, i == 2 ? 3 : 1);
        acr_error_clear(&err);
        acr_update_request_free(&r);
    }
    /* A NULL buffer of length 0 is empty input too, not a crash. */
    acr_update_request r = ACR_UPDATE_REQUEST_INIT;
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(acr_update_request_parse(NULL, 0, &r, &err), ACR_ERR_MALFORMED_JSON);
    acr_error_clear(&err);
}

static void test_trailing_garbage(void **state)
{
    (void)state;
    assert_malformed_at("{\"cname\":\"a\"} x", 1, 15, 14);
    assert_malformed_at("{}{}", 1, 3, 2);
    assert_malformed_at("{}\n[]", 2, 1, 3);
    /* Trailing white space is fine. */
    acr_update_request r;
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(parse_update("{\"cname\":\"c\",\"uid\":\"1\",\"clientRequest\":{}} \n\t", &r, &err), ACR_OK);
    acr_update_request_free(&r);
}

/* Feeding the same malformed text in pieces of any size gives the same
 * position as feeding it whole (the HTTP path and standard input arrive in
 * pieces). A missing ',' is the hard case: yajl reports it only once the next
 * token is complete, which may be several pieces after the token starts. */
static void test_positions_do_not_depend_on_chunking(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        unsigned long line, column;
        size_t offset;
    } cases[] = {
        {"{\"cname\":\"\xc3\xa9\xc3\xa9\",\n  \"uid\": \"1\",\n  \"clientRequest\": {]}", 3, 21, 51},
        {"{\"cname\":\"abc\"\n  \"uid\":\"b\"}", 2, 3, 17},
        {"{\"region\":12345\n\n   678}", 3, 4, 20},
        {"{\"cname\":{\"a\":[1,2]}   \"uid\":\"1\"}", 1, 24, 23},
        /* The unexpected token found again from where yajl stopped: an empty
         * string next to a number, either one being the unexpected one. */
        {"{\"cname\":\"\" \"\"}", 1, 13, 12},
        {"{\"cname\":1 \"\"2}", 1, 12, 11},
        {"{\"cname\":\"\"1}", 1, 12, 11},
        {"{\"cname\":\"x\"true}", 1, 13, 12},
        {"{\"cname\":12 34}", 1, 13, 12},
        {"{\"cname\":1\n  [2]}", 2, 3, 13},
        {"{\"cname\":1\"\"}", 1, 11, 10},
        {"{\"cname\":null \"\"1}", 1, 15, 14},
        /* Two tokens in one run of number and literal bytes (found by fuzzing). */
        {"{\"cname\":true1}", 1, 14, 13},
        {"{\"region\":0640}", 1, 12, 11},
        {"{\"region\":-0.5e3true}", 1, 17, 16},
        {"{\"cname\":null{\"a\":1}}", 1, 14, 13},
        {"{\"cname\":false[1]}", 1, 15, 14},
        /* A bad escape later in the same chunk (found by fuzzing). */
        {"{\"cname\":\"abc\" \"uid\":\"\\ud800\"}", 1, 16, 15},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        const char *text = cases[c].text;
        size_t n = strlen(text);
        acr_update_request r;
        acr_error whole = ACR_ERROR_INIT;
        assert_int_equal(parse_update(text, &r, &whole), ACR_ERR_MALFORMED_JSON);
        acr_update_request_free(&r);
        if (whole.line != cases[c].line || whole.column != cases[c].column || whole.offset != cases[c].offset)
            fail_msg("case %zu whole: %lu:%lu offset %zu", c, whole.line, whole.column, whole.offset);
        for (size_t chunk = 1; chunk < n; chunk++) {
            r = (acr_update_request)ACR_UPDATE_REQUEST_INIT;
            acr_parser *p = acr_update_request_parser_new(&r, NULL);
            assert_non_null(p);
            acr_error err = ACR_ERROR_INIT;
            acr_status status = ACR_OK;
            for (size_t at = 0; at < n && status == ACR_OK; at += chunk)
                status = acr_parser_feed(p, text + at, at + chunk <= n ? chunk : n - at, &err);
            if (status == ACR_OK)
                status = acr_parser_finish(p, &err);
            assert_int_equal(status, ACR_ERR_MALFORMED_JSON);
            if (err.line != whole.line || err.column != whole.column || err.offset != whole.offset)
                fail_msg("case %zu in pieces of %zu: %lu:%lu offset %zu, whole: %lu:%lu offset %zu", c, chunk,
                         err.line, err.column, err.offset, whole.line, whole.column, whole.offset);
            /* After a failure, feeding again repeats it. */
            assert_int_equal(acr_parser_feed(p, "{", 1, &err), ACR_ERR_MALFORMED_JSON);
            acr_parser_free(p);
            acr_error_clear(&err);
            acr_update_request_free(&r);
        }
        acr_error_clear(&whole);
    }
}

static void test_deep_nesting_is_refused_cleanly(void **state)
{
    (void)state;
    const size_t depth = 100000;
    /* Inside an unknown property, and as the value of a known string. */
    static const char *const heads[] = {"{\"cname\":\"c\",\"zzz\":", "{\"cname\":"};
    for (size_t h = 0; h < 2; h++) {
        size_t head = strlen(heads[h]);
        char *text = malloc(head + 2 * depth + 2);
        assert_non_null(text);
        memcpy(text, heads[h], head);
        memset(text + head, '[', depth);
        memset(text + head + depth, ']', depth);
        text[head + 2 * depth] = '}';
        text[head + 2 * depth + 1] = '\0';
        acr_update_request r;
        acr_error err = ACR_ERROR_INIT;
        assert_int_equal(parse_update(text, &r, &err), ACR_ERR_MALFORMED_JSON);
        assert_non_null(strstr(err.message, "nesting"));
        /* The position is where the limit was crossed, on line 1. */
        assert_int_equal(err.line, 1);
        assert_true(err.column > head && err.column <= head + ACR_DEFAULT_MAX_DEPTH + 1);
        acr_error_clear(&err);
        acr_update_request_free(&r);
        free(text);
    }
}

/* --- strings --- */

static void test_nul_character_is_rejected(void **state)
{
    (void)state;
    acr_update_request r;
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(parse_update("{\"cname\":\"a\\u0000b\",\"uid\":\"1\",\"clientRequest\":{}}", &r, &err),
                     ACR_ERR_INVALID_REQUEST);
    static const char *const pointer = "/cname";
    support_assert_violations(&err, &pointer, 1);
    assert_non_null(strstr(err.violations[0].message, "U+0000"));
    assert_null(r.cname); /* not silently truncated to "a" */
    acr_error_clear(&err);
    acr_update_request_free(&r);
}

/* yajl lets some invalid UTF-8 through (overlong forms, surrogates, beyond
 * U+10FFFF); the parser must not. */
static void test_invalid_utf8_that_yajl_accepts_is_rejected(void **state)
{
    (void)state;
    static const char *const bad[] = {"\xc0\xaf", "\xe0\x80\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80"};
    static const char *const pointer = "/cname";
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char body[128];
        snprintf(body, sizeof body, "{\"cname\":\"a%sb\",\"uid\":\"1\",\"clientRequest\":{}}", bad[i]);
        acr_update_request r;
        acr_error err = ACR_ERROR_INIT;
        acr_status status = parse_update(body, &r, &err);
        /* Either yajl refuses the bytes or the parser reports the value. */
        if (status == ACR_ERR_INVALID_REQUEST)
            support_assert_violations(&err, &pointer, 1);
        else
            assert_int_equal(status, ACR_ERR_MALFORMED_JSON);
        assert_null(r.cname);
        acr_error_clear(&err);
        acr_update_request_free(&r);
    }
}

static void test_escapes_and_non_ascii_round_trip_byte_exact(void **state)
{
    (void)state;
    /* JSON escapes of every kind, raw UTF-8 of 2, 3 and 4 bytes, and the same
     * characters as \u escapes (including a surrogate pair). */
    const char *body = "{\"cname\":\"q\\\"b\\\\s\\/ \\b\\f\\n\\r\\t \\u0001\\u001F caf\xc3\xa9 \xe2\x82\xac "
                       "\xf0\x9f\x98\x80 \\u00e9\\u20AC\\ud83d\\ude00\",\"uid\":\"1\",\"clientRequest\":{}}";
    static const char expected[] = "q\"b\\s/ \b\f\n\r\t \x01\x1f caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80 "
                                   "\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80";
    acr_update_request r;
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(parse_update(body, &r, &err), ACR_OK);
    assert_string_equal(r.cname, expected);
    assert_int_equal(strlen(r.cname), sizeof expected - 1);

    /* Serialized and parsed again: the same bytes. */
    char *json = NULL;
    assert_int_equal(acr_update_request_to_json(&r, &json, NULL, &err), ACR_OK);
    acr_update_request again;
    assert_int_equal(parse_update(json, &again, &err), ACR_OK);
    assert_string_equal(again.cname, expected);
    acr_free(json);
    acr_update_request_free(&again);
    acr_update_request_free(&r);
}

/* An sse value outside {kms, aes256} is kept by the parser (enums keep their
 * text) and refused by the validator, at the value. */
static void test_unknown_enum_value_is_a_violation_at_validation(void **state)
{
    (void)state;
    const char *body = "{\"cname\":\"c\",\"uid\":\"1\",\"clientRequest\":{\"storageConfig\":{\"vendor\":1,"
                       "\"region\":0,\"bucket\":\"b\",\"accessKey\":\"a\",\"secretKey\":\"s\",\"extensionParams\":"
                       "{\"sse\":\"AES256\",\"tag\":\"t\"}}}}";
    acr_update_request r;
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(parse_update(body, &r, &err), ACR_OK);
    assert_int_equal(r.client_request.storage_config.extension_params.sse, ACR_SSE_OTHER);
    assert_string_equal(r.client_request.storage_config.extension_params.sse_other, "AES256");
    static const char *const pointer = "/clientRequest/storageConfig/extensionParams/sse";
    assert_int_equal(acr_update_request_validate(&r, ACR_MODE_ANY, &err), ACR_ERR_INVALID_REQUEST);
    support_assert_violations(&err, &pointer, 1);
    assert_non_null(strstr(err.violations[0].message, "aes256"));
    acr_error_clear(&err);
    /* Serialized back as given. */
    char *json = NULL;
    assert_int_equal(acr_update_request_to_json(&r, &json, NULL, &err), ACR_OK);
    assert_string_equal(json, body);
    acr_free(json);
    acr_update_request_free(&r);
}

/* 33 entries: the list grows past its first allocations, and the length rule
 * applies to what was parsed. */
static void test_long_uid_list_parses_and_is_refused_by_length(void **state)
{
    (void)state;
    char body[1024];
    size_t n = (size_t)snprintf(body, sizeof body, "{\"cname\":\"c\",\"uid\":\"1\",\"clientRequest\":"
                                                   "{\"streamSubscribe\":{\"videoUidList\":{\"subscribeVideoUids\":[");
    for (int i = 0; i < 33; i++)
        n += (size_t)snprintf(body + n, sizeof body - n, "%s\"%d\"", i ? "," : "", 100 + i);
    snprintf(body + n, sizeof body - n, "]}}}}");
    acr_update_request r;
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(parse_update(body, &r, &err), ACR_OK);
    const acr_video_uid_list *list = &r.client_request.stream_subscribe.video_uid_list;
    assert_int_equal(list->subscribe_video_uids_count, 33);
    assert_string_equal(list->subscribe_video_uids[0], "100");
    assert_string_equal(list->subscribe_video_uids[32], "132");
    static const char *const pointer = "/clientRequest/streamSubscribe/videoUidList/subscribeVideoUids";
    assert_int_equal(acr_update_request_validate(&r, ACR_MODE_MIX, &err), ACR_ERR_INVALID_REQUEST);
    support_assert_violations(&err, &pointer, 1);
    acr_error_clear(&err);
    acr_update_request_free(&r);
}

/* A key holding U+0000: the pointer keeps it, with its true length. */
static void test_unknown_key_with_nul_keeps_its_length(void **state)
{
    (void)state;
    acr_update_request r;
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(parse_update("{\"cname\":\"c\",\"uid\":\"1\",\"clientRequest\":{},\"a\\u0000b\":1}", &r, &err),
                     ACR_ERR_INVALID_REQUEST);
    assert_int_equal(err.violation_count, 1);
    assert_int_equal(err.violations[0].pointer_length, 4);
    assert_memory_equal(err.violations[0].pointer, "/a\0b", 5);
    acr_error_clear(&err);
    acr_update_request_free(&r);
}

/* --- the stop request --- */

static void test_stop_request_parse(void **state)
{
    (void)state;
    acr_stop_request r = ACR_STOP_REQUEST_INIT;
    acr_error err = ACR_ERROR_INIT;
    const char *ok = "{\"cname\":\"httpClient463224\",\"uid\":\"527841\",\"clientRequest\":{\"async_stop\":false}}";
    assert_int_equal(acr_stop_request_parse(ok, strlen(ok), &r, &err), ACR_OK);
    assert_true(r.client_request.has_async_stop);
    assert_false(r.client_request.async_stop);
    acr_stop_request_free(&r);

    /* "false" as a string is the classic mistake; so is asyncStop. */
    const char *bad = "{\"cname\":\"c\",\"uid\":\"1\",\"clientRequest\":{\"async_stop\":\"false\",\"asyncStop\":true}}";
    static const char *const expected[] = {"/clientRequest/async_stop", "/clientRequest/asyncStop"};
    assert_int_equal(acr_stop_request_parse(bad, strlen(bad), &r, &err), ACR_ERR_INVALID_REQUEST);
    support_assert_violations(&err, expected, 2);
    assert_non_null(strstr(err.violations[0].message, "boolean"));
    assert_non_null(strstr(err.violations[1].message, "async_stop"));
    assert_false(r.client_request.has_async_stop);
    acr_error_clear(&err);
    acr_stop_request_free(&r);
}

/* The parser API refuses misuse instead of crashing. */
static void test_parser_misuse(void **state)
{
    (void)state;
    acr_update_request r = ACR_UPDATE_REQUEST_INIT;
    assert_null(acr_update_request_parser_new(NULL, NULL));
    acr_parser *p = acr_update_request_parser_new(&r, NULL);
    assert_non_null(p);
    acr_error err = ACR_ERROR_INIT;
    const char *body = "{\"cname\":\"c\",\"uid\":\"1\",\"clientRequest\":{}}";
    assert_int_equal(acr_parser_feed(p, NULL, 5, &err), ACR_ERR_USAGE);
    assert_int_equal(acr_parser_feed(p, body, strlen(body), &err), ACR_OK);
    assert_int_equal(acr_parser_finish(p, &err), ACR_OK);
    assert_int_equal(acr_parser_finish(p, &err), ACR_ERR_USAGE);
    assert_int_equal(acr_parser_feed(p, " ", 1, &err), ACR_ERR_USAGE);
    acr_parser_free(p);
    acr_parser_free(NULL);
    assert_string_equal(r.cname, "c");
    acr_error_clear(&err);
    acr_update_request_free(&r);
}

/* clientRequest is always part of the struct (no has_ flag), so only the parser
 * can tell it was missing from the text: it must say so, once, at its pointer. */
static void test_missing_required_object_is_reported_by_the_parser(void **state)
{
    (void)state;
    static const char *const bodies[] = {
        "{\"cname\":\"c\",\"uid\":\"1\"}",
        "{\"cname\":\"c\",\"uid\":\"1\",\"clientRequest\":{}}",
    };
    for (int i = 0; i < 2; i++) {
        acr_update_request r = ACR_UPDATE_REQUEST_INIT;
        acr_error err = ACR_ERROR_INIT;
        acr_status s = acr_update_request_parse(bodies[i], strlen(bodies[i]), &r, &err);
        if (s == ACR_ERR_INVALID_REQUEST || s == ACR_OK)
            acr_update_request_validate(&r, ACR_MODE_ANY, &err);
        assert_int_equal(support_count_violations(&err, "/clientRequest"), i == 0 ? 1 : 0);
        assert_int_equal(err.violation_count, i == 0 ? 1 : 0);
        acr_update_request_free(&r);
        acr_error_clear(&err);
    }
    acr_stop_request stop = ACR_STOP_REQUEST_INIT;
    acr_error err = ACR_ERROR_INIT;
    const char *body = "{\"uid\":\"1\",\"cname\":\"c\"}";
    assert_int_equal(acr_stop_request_parse(body, strlen(body), &stop, &err), ACR_ERR_INVALID_REQUEST);
    assert_true(support_has_violation(&err, "/clientRequest"));
    acr_stop_request_free(&stop);
    acr_error_clear(&err);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_missing_required_object_is_reported_by_the_parser),
        cmocka_unit_test(test_wrong_types_and_unknown_properties_are_all_reported),
        cmocka_unit_test(test_validate_after_parse_appends_without_duplicates),
        cmocka_unit_test(test_unknown_property_suggests_the_known_spelling),
        cmocka_unit_test(test_pointer_escapes_unknown_keys),
        cmocka_unit_test(test_null_on_nullable_means_absent),
        cmocka_unit_test(test_null_on_required_non_nullable_is_one_violation),
        cmocka_unit_test(test_rejected_array_item_keeps_the_indexes_of_later_items),
        cmocka_unit_test(test_integral_numbers_accepted_fractions_rejected),
        cmocka_unit_test(test_duplicate_property_is_a_violation),
        cmocka_unit_test(test_root_must_be_an_object),
        cmocka_unit_test(test_malformed_json_reports_line_and_column),
        cmocka_unit_test(test_truncated_input_points_past_the_end),
        cmocka_unit_test(test_empty_and_white_space_input),
        cmocka_unit_test(test_trailing_garbage),
        cmocka_unit_test(test_positions_do_not_depend_on_chunking),
        cmocka_unit_test(test_deep_nesting_is_refused_cleanly),
        cmocka_unit_test(test_nul_character_is_rejected),
        cmocka_unit_test(test_invalid_utf8_that_yajl_accepts_is_rejected),
        cmocka_unit_test(test_escapes_and_non_ascii_round_trip_byte_exact),
        cmocka_unit_test(test_unknown_enum_value_is_a_violation_at_validation),
        cmocka_unit_test(test_long_uid_list_parses_and_is_refused_by_length),
        cmocka_unit_test(test_unknown_key_with_nul_keeps_its_length),
        cmocka_unit_test(test_stop_request_parse),
        cmocka_unit_test(test_parser_misuse),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
