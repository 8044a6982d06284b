/* What an outside review of the JSON engine found (issue 9, items 17 to 21),
 * one regression test each: escapes that decode to lone surrogates, object keys
 * that are not UTF-8, violations hidden by a duplicate key, parse time and
 * memory for one long value fed in chunks, and arrays that lost their items. */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

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
        "b\xed\xa0\x80\x64",  /* a surrogate, in UTF-8 bytes ("b...d") */
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

/* --- 17: escapes that are not whole characters --- */

/* Parses a request whole and byte by byte: both must fail as malformed JSON at
 * the same line:column, with `words` in the message. */
static void assert_escape_refused(const char *json, unsigned long column, const char *words)
{
    for (int chunked = 0; chunked < 2; chunked++) {
        acr_update_request r = ACR_UPDATE_REQUEST_INIT;
        acr_error err = ACR_ERROR_INIT;
        acr_status status;
        if (!chunked) {
            status = parse_update(json, &r, &err);
        } else {
            acr_parser *p = acr_update_request_parser_new(&r, NULL);
            assert_non_null(p);
            status = ACR_OK;
            for (size_t i = 0; json[i] && status == ACR_OK; i++)
                status = acr_parser_feed(p, json + i, 1, &err);
            if (status == ACR_OK)
                status = acr_parser_finish(p, &err);
            acr_parser_free(p);
        }
        if (status != ACR_ERR_MALFORMED_JSON || err.line != 1 || err.column != column ||
            !strstr(err.message, words))
            fail_msg("%s (%s): expected malformed JSON at 1:%lu saying \"%s\", got %s at %lu:%lu: %s", json,
                     chunked ? "byte by byte" : "whole", column, words, acr_status_name(status), err.line,
                     err.column, err.message);
        assert_int_equal(err.offset, column - 1);
        assert_int_equal(err.violation_count, 0);
        acr_error_clear(&err);
        acr_update_request_free(&r);
    }
}

static void test_lone_and_mismatched_surrogate_escapes_are_refused(void **state)
{
    (void)state;
    /* yajl alone turned this one into "?". */
    assert_escape_refused("{\"cname\":\"\\ud800\",\"uid\":\"1\"}", 17, "\\ud800");
    assert_escape_refused("{\"cname\":\"a\\ud800b\"}", 18, "high surrogate");
    /* ... and this pair into U+10041. */
    assert_escape_refused("{\"cname\":\"\\ud800\\u0041\"}", 22, "\\ud800\\u0041");
    assert_escape_refused("{\"cname\":\"\\uDBFF\\uDBFF\"}", 22, "low surrogate");
    assert_escape_refused("{\"cname\":\"\\ud800\\n\"}", 18, "high surrogate");
    assert_escape_refused("{\"cname\":\"\\udc00\"}", 16, "low surrogate without");
    /* In a key, and in the value of an unknown property. */
    assert_escape_refused("{\"\\ud800\":1}", 9, "\\ud800");
    assert_escape_refused("{\"bogus\":[\"\\udfff\"]}", 17, "\\udfff");
}

static void test_whole_surrogate_pairs_are_decoded(void **state)
{
    (void)state;
    acr_update_request r;
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(parse_update("{\"cname\":\"\\ud83d\\ude00\\uD83D\\uDE00\\u00e9\",\"uid\":\"\\u0031\","
                                  "\"clientRequest\":{}}", &r, &err),
                     ACR_OK);
    assert_string_equal(r.cname, "\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xc3\xa9");
    assert_string_equal(r.uid, "1");
    acr_error_clear(&err);
    acr_update_request_free(&r);
}

static void test_response_with_an_invalid_escape_is_refused(void **state)
{
    (void)state;
    static const char *const bodies[] = {
        "{\"cname\":\"\\ud800\"}",
        "{\"cname\":\"c\",\"later\":{\"x\":\"\\ud800\\u0041\"}}",
        "{\"cname\":\"c\",\"serverResponse\":{\"fileList\":[{\"fileName\":\"\\udc00.m3u8\"}]}}",
    };
    for (size_t i = 0; i < sizeof bodies / sizeof bodies[0]; i++) {
        acr_stop_response r;
        acr_error err = ACR_ERROR_INIT;
        assert_int_equal(parse_stop_response(bodies[i], &r, &err), ACR_ERR_INVALID_RESPONSE);
        assert_non_null(strstr(err.message, "surrogate"));
        assert_int_equal(err.line, 1);
        acr_error_clear(&err);
        acr_stop_response_free(&r);
    }
}

static void test_serializer_refuses_surrogates_and_invalid_utf8(void **state)
{
    (void)state;
    static const char *const texts[] = {"\xed\xa0\x80", "a\xed\xbf\xbf", "\xc0\xaf", "\xf4\x90\x80\x80", "\xff"};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        acr_update_request r = minimal_update();
        r.cname = texts[i];
        char *json = NULL;
        acr_error err = ACR_ERROR_INIT;
        assert_int_equal(acr_update_request_to_json(&r, &json, NULL, &err), ACR_ERR_INVALID_REQUEST);
        assert_null(json);
        assert_string_equal(err.pointer, "/cname");
        acr_error_clear(&err);
    }
}

/* --- 20: one long value fed in chunks; the size limit --- */

typedef struct counts {
    size_t calls;               /* malloc and realloc */
    size_t largest_yajl;        /* the largest block yajl asked for */
} counts;

static counts seen;

static void *count_malloc(void *ctx, size_t size)
{
    (void)ctx;
    seen.calls++;
    if (acr_yajl_allocating && size > seen.largest_yajl)
        seen.largest_yajl = size;
    return malloc(size);
}

static void *count_realloc(void *ctx, void *ptr, size_t size)
{
    (void)ctx;
    seen.calls++;
    if (acr_yajl_allocating && size > seen.largest_yajl)
        seen.largest_yajl = size;
    return realloc(ptr, size);
}

static void count_free(void *ctx, void *ptr)
{
    (void)ctx;
    free(ptr);
}

static void test_long_string_in_small_chunks_is_linear(void **state)
{
    (void)state;
    /* yajl lexed a token split across chunks again from its start at every
     * chunk, from a buffer of its own: the parser now holds the open token
     * back (its buffer grows by doubling) and gives it to yajl whole. */
    const size_t length = (size_t)8 << 20, chunk = 4096;
    char *body = malloc(length + 64);
    assert_non_null(body);
    size_t n = (size_t)snprintf(body, 32, "{\"cname\":\"");
    memset(body + n, 'a', length);
    n += length;
    static const char rest[] = "\",\"uid\":\"1\",\"clientRequest\":{}}";
    memcpy(body + n, rest, sizeof rest - 1);
    n += sizeof rest - 1;

    acr_allocator counting = {count_malloc, count_realloc, count_free, NULL};
    acr_set_allocator(&counting);
    memset(&seen, 0, sizeof seen);
    acr_update_request r = ACR_UPDATE_REQUEST_INIT;
    acr_parse_options unlimited = {.max_bytes = SIZE_MAX};
    acr_parser *p = acr_update_request_parser_new(&r, &unlimited);
    assert_non_null(p);
    acr_error err = ACR_ERROR_INIT;
    for (size_t at = 0; at < n; at += chunk) {
        size_t piece = n - at < chunk ? n - at : chunk;
        assert_int_equal(acr_parser_feed(p, body + at, piece, &err), ACR_OK);
        /* While the string is open, yajl holds none of it, so it has nothing
         * to lex again. Checked at every chunk: a regression fails at once, not
         * after minutes of quadratic work. (yajl copies the token once when it
         * gets it whole, in the last chunk.) */
        if (at + piece < n && seen.largest_yajl > 64 * 1024)
            fail_msg("after %zu bytes, yajl buffers %zu bytes of an open token", at + piece, seen.largest_yajl);
    }
    assert_int_equal(acr_parser_finish(p, &err), ACR_OK);
    acr_parser_free(p);
    /* 2048 chunks; the held-back token doubles from 256 bytes to 16 MiB (17
     * steps), plus the copy of the value and the parser's own few blocks. */
    if (seen.calls > 40)
        fail_msg("%zu allocations for %zu chunks", seen.calls, n / chunk);
    assert_int_equal(strlen(r.cname), length);
    acr_update_request_free(&r);
    acr_set_allocator(NULL);
    acr_error_clear(&err);
    free(body);
}

/* The scan that holds tokens back (with and without backslashes in a chunk:
 * two code paths) gives the same result however the document is cut. */
static char *parse_stop_in_pieces(const char *json, size_t length, size_t first, size_t size, acr_status *status)
{
    acr_stop_response r = ACR_STOP_RESPONSE_INIT;
    acr_error err = ACR_ERROR_INIT;
    acr_parser *p = acr_stop_response_parser_new(&r, NULL);
    assert_non_null(p);
    *status = acr_parser_feed(p, json, first, &err);
    for (size_t at = first; at < length && *status == ACR_OK; at += size)
        *status = acr_parser_feed(p, json + at, length - at < size ? length - at : size, &err);
    if (*status == ACR_OK)
        *status = acr_parser_finish(p, &err);
    acr_parser_free(p);
    char *json_out = NULL;
    if (*status == ACR_OK)
        assert_int_equal(acr_stop_response_to_json(&r, &json_out, NULL, &err), ACR_OK);
    acr_error_clear(&err);
    acr_stop_response_free(&r);
    return json_out;
}

static void test_every_cut_gives_the_same_result(void **state)
{
    (void)state;
    static const char *const docs[] = {
        "{\"cname\":\"ab\\\"c\\\\\",\"uid\":\"\\ud83d\\ude00x\",\"later\":[true,false,null,-1.5e3,\"q\"],"
        "\"serverResponse\":{\"fileList\":[{\"fileName\":\"a\\/b\",\"sliceStartTime\":1234567890123}]},"
        "\"sid\":\"plain text without escapes\",\"x\":12345678901234567890}",
        "{\"cname\":\"no backslash at all\",\"resourceId\":\"r\",\"n\":[1,22,333,4444],\"t\":true}",
    };
    for (size_t d = 0; d < sizeof docs / sizeof docs[0]; d++) {
        size_t length = strlen(docs[d]);
        acr_status whole_status;
        char *whole = parse_stop_in_pieces(docs[d], length, length, 1, &whole_status);
        assert_int_equal(whole_status, ACR_OK);
        for (size_t size = 1; size <= 17; size++)
            for (size_t first = 0; first <= length; first++) {
                acr_status status;
                char *cut = parse_stop_in_pieces(docs[d], length, first, size, &status);
                if (status != ACR_OK || strcmp(cut, whole) != 0)
                    fail_msg("doc %zu, first piece %zu then %zu at a time: %s", d, first, size,
                             status == ACR_OK ? cut : acr_status_name(status));
                acr_free(cut);
            }
        acr_free(whole);
    }
}

/* A request document of exactly `size` bytes (a valid body padded with spaces). */
static char *padded_request(size_t size)
{
    static const char body[] = "{\"cname\":\"c\",\"uid\":\"1\",\"clientRequest\":{}}";
    char *doc = malloc(size);
    assert_non_null(doc);
    memcpy(doc, body, sizeof body - 1);
    memset(doc + sizeof body - 1, ' ', size - (sizeof body - 1));
    return doc;
}

/* The pass over each chunk before yajl (16, 32 or 64 bytes a step, then a
 * byte loop) must see every backslash, every byte from 0x80 and every quote,
 * wherever it falls: an escape it missed would go unchecked, a byte from 0x80
 * would skip the UTF-8 check, and a wrong quote count would lose track of the
 * strings of the next chunk. Each byte is put at every offset from 0 to 200. */
static void test_the_chunk_survey_misses_no_byte(void **state)
{
    (void)state;
    char doc[512], pad[256];
    for (size_t k = 0; k <= 200; k++) {
        memset(pad, 'a', k);
        pad[k] = '\0';
        acr_stop_response r;
        acr_error err = ACR_ERROR_INIT;
        /* A lone surrogate escape: refused. */
        snprintf(doc, sizeof doc, "{\"cname\":\"%s\\ud800\"}", pad);
        assert_int_equal(parse_stop_response(doc, &r, &err), ACR_ERR_INVALID_RESPONSE);
        acr_stop_response_free(&r);
        /* An overlong form, which yajl lets through: refused. */
        snprintf(doc, sizeof doc, "{\"cname\":\"%s\xc0\x80\"}", pad);
        assert_int_equal(parse_stop_response(doc, &r, &err), ACR_ERR_INVALID_RESPONSE);
        acr_stop_response_free(&r);
        /* Valid UTF-8 and a valid escape: kept as they are. */
        snprintf(doc, sizeof doc, "{\"cname\":\"%s\xc3\xa9\\u00e9\"}", pad);
        assert_int_equal(parse_stop_response(doc, &r, &err), ACR_OK);
        assert_int_equal(strlen(r.cname), k + 4);
        assert_memory_equal(r.cname + k, "\xc3\xa9\xc3\xa9", 4);
        acr_stop_response_free(&r);
        /* The first chunk ends inside a string (k + 10 bytes, with quotes
         * before it): the escape at the start of the next is still checked. */
        snprintf(doc, sizeof doc, "{\"cname\":\"%s\\ud800\"}", pad);
        r = (acr_stop_response)ACR_STOP_RESPONSE_INIT;
        acr_parser *p = acr_stop_response_parser_new(&r, NULL);
        assert_non_null(p);
        acr_status status = acr_parser_feed(p, doc, k + 10, &err);
        if (status == ACR_OK)
            status = acr_parser_feed(p, doc + k + 10, strlen(doc) - k - 10, &err);
        if (status == ACR_OK)
            status = acr_parser_finish(p, &err);
        assert_int_equal(status, ACR_ERR_INVALID_RESPONSE);
        acr_parser_free(p);
        acr_stop_response_free(&r);
        acr_error_clear(&err);
    }
}

static void test_request_size_limit_boundary(void **state)
{
    (void)state;
    size_t cap = ACR_MAX_REQUEST_BYTES;
    char *doc = padded_request(cap + 1);
    acr_update_request r;
    acr_error err = ACR_ERROR_INIT;

    /* At the limit: read. */
    r = (acr_update_request)ACR_UPDATE_REQUEST_INIT;
    assert_int_equal(acr_update_request_parse(doc, cap, &r, &err), ACR_OK);
    acr_update_request_free(&r);

    /* One byte more: refused at that byte, whole or in two chunks. */
    r = (acr_update_request)ACR_UPDATE_REQUEST_INIT;
    assert_int_equal(acr_update_request_parse(doc, cap + 1, &r, &err), ACR_ERR_MALFORMED_JSON);
    assert_int_equal(err.offset, cap);
    assert_non_null(strstr(err.message, "longer than 1048576 bytes"));
    acr_update_request_free(&r);

    r = (acr_update_request)ACR_UPDATE_REQUEST_INIT;
    acr_parser *p = acr_update_request_parser_new(&r, NULL);
    assert_int_equal(acr_parser_feed(p, doc, cap, &err), ACR_OK);
    assert_int_equal(acr_parser_feed(p, doc + cap, 1, &err), ACR_ERR_MALFORMED_JSON);
    assert_int_equal(err.offset, cap);
    acr_parser_free(p);
    acr_update_request_free(&r);

    /* A limit of one's own, at its boundary; SIZE_MAX for none. */
    acr_parse_options small = {.max_bytes = 100}, none = {.max_bytes = SIZE_MAX};
    for (size_t size = 100; size <= 101; size++) {
        r = (acr_update_request)ACR_UPDATE_REQUEST_INIT;
        p = acr_update_request_parser_new(&r, &small);
        acr_status status = acr_parser_feed(p, doc, size, &err);
        if (status == ACR_OK)
            status = acr_parser_finish(p, &err);
        assert_int_equal(status, size == 100 ? ACR_OK : ACR_ERR_MALFORMED_JSON);
        acr_parser_free(p);
        acr_update_request_free(&r);
    }
    r = (acr_update_request)ACR_UPDATE_REQUEST_INIT;
    p = acr_update_request_parser_new(&r, &none);
    assert_int_equal(acr_parser_feed(p, doc, cap + 1, &err), ACR_OK);
    assert_int_equal(acr_parser_finish(p, &err), ACR_OK);
    acr_parser_free(p);
    acr_update_request_free(&r);

    /* A response has no limit of its own (the client caps what it reads). */
    free(doc);
    doc = padded_request(cap + 1);
    memcpy(doc, "{\"cname\":\"c\"}", 13);
    memset(doc + 13, ' ', cap + 1 - 13);
    acr_stop_response s = ACR_STOP_RESPONSE_INIT;
    assert_int_equal(acr_stop_response_parse(doc, cap + 1, &s, &err), ACR_OK);
    acr_stop_response_free(&s);
    acr_error_clear(&err);
    free(doc);
}

/* --- 19: a property given more than once --- */

static void test_duplicate_key_hides_no_violation(void **state)
{
    (void)state;
    /* The first storageConfig breaks a rule the validator checks (region 23 is
     * not a region of vendor 1); the second has a wrong type and an unknown
     * property. Before, only "is given more than once" was reported. */
    const char *json =
        "{\"cname\":\"c\",\"uid\":\"1\",\"clientRequest\":{"
        "\"storageConfig\":{\"vendor\":1,\"region\":23,\"bucket\":\"b\",\"accessKey\":\"a\",\"secretKey\":\"s\"},"
        "\"storageConfig\":{\"vendor\":\"1\",\"region\":3,\"bucket\":\"b\",\"accessKey\":\"a\",\"secretKey\":\"s\","
        "\"bogus\":1}}}";
    acr_update_request r;
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(parse_update(json, &r, &err), ACR_ERR_INVALID_REQUEST);
    assert_int_equal(acr_update_request_validate(&r, ACR_MODE_INDIVIDUAL, &err), ACR_ERR_INVALID_REQUEST);
    static const char *const expected[] = {
        "/clientRequest/storageConfig",               /* the repeat */
        "/clientRequest/storageConfig/vendor",        /* in the second value */
        "/clientRequest/storageConfig/bogus",         /* in the second value */
        "/clientRequest/storageConfig/region",        /* in the first value */
    };
    support_assert_violations(&err, expected, 4);
    assert_string_equal(err.violations[0].message, "is given more than once");
    assert_non_null(strstr(err.violations[1].message, "in the repeated value: must be an integer"));
    assert_non_null(strstr(err.violations[2].message, "in the repeated value: is not a known property"));
    assert_null(strstr(err.violations[3].message, "repeated"));
    /* The first value is the one kept. */
    assert_int_equal(r.client_request.storage_config.region, 23);
    acr_error_clear(&err);
    acr_update_request_free(&r);
}

static void test_repeated_value_is_checked_against_the_schema(void **state)
{
    (void)state;
    /* Rules the validator checks, found in the repeated value: a wrong type,
     * a missing required member, a bound. */
    const char *json =
        "{\"cname\":\"c\",\"uid\":\"1\",\"uid\":5,\"clientRequest\":{"
        "\"storageConfig\":{\"vendor\":1,\"region\":3,\"bucket\":\"b\",\"accessKey\":\"a\",\"secretKey\":\"s\"},"
        "\"storageConfig\":{\"vendor\":1,\"region\":23,\"bucket\":\"b\",\"accessKey\":\"a\"}}}";
    acr_update_request r;
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(parse_update(json, &r, &err), ACR_ERR_INVALID_REQUEST);
    assert_int_equal(acr_update_request_validate(&r, ACR_MODE_ANY, &err), ACR_ERR_INVALID_REQUEST);
    static const char *const expected[] = {
        "/uid",
        "/uid",
        "/clientRequest/storageConfig",
        "/clientRequest/storageConfig/secretKey",
        "/clientRequest/storageConfig/region",
    };
    support_assert_violations(&err, expected, 5);
    assert_non_null(strstr(err.violations[1].message, "in the repeated value: must be a string"));
    assert_non_null(strstr(err.violations[3].message, "in the repeated value: is required"));
    assert_non_null(strstr(err.violations[4].message, "in the repeated value: "));
    assert_string_equal(r.uid, "1");
    acr_error_clear(&err);
    acr_update_request_free(&r);

    /* Nothing wrong in either value: only the repeat. */
    assert_int_equal(parse_update("{\"cname\":\"c\",\"uid\":\"1\",\"clientRequest\":{\"webRecordingConfig\":{\"onhold\":true}},"
                                  "\"clientRequest\":{\"webRecordingConfig\":{\"onhold\":false}}}", &r, &err),
                     ACR_ERR_INVALID_REQUEST);
    static const char *const only = "/clientRequest";
    support_assert_violations(&err, &only, 1);
    acr_error_clear(&err);
    acr_update_request_free(&r);
}

static void test_response_duplicate_keys(void **state)
{
    (void)state;
    acr_stop_response r;
    acr_error err = ACR_ERROR_INIT;
    /* A property the client reads, given twice: which value would be meant? */
    assert_int_equal(parse_stop_response("{\"cname\":\"a\",\"cname\":\"b\"}", &r, &err), ACR_ERR_INVALID_RESPONSE);
    acr_stop_response_free(&r);
    /* A property the client does not know is skipped unread, however often it
     * comes (docs/SECURITY.md says why). */
    assert_int_equal(parse_stop_response("{\"cname\":\"a\",\"later\":1,\"later\":{\"x\":2},\"later\":[]}", &r, &err),
                     ACR_OK);
    assert_string_equal(r.cname, "a");
    acr_stop_response_free(&r);
    acr_error_clear(&err);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_null_array_with_count_is_a_violation),
        cmocka_unit_test(test_request_key_that_is_not_utf8_is_reported_at_its_object),
        cmocka_unit_test(test_response_key_that_is_not_utf8_is_refused),
        cmocka_unit_test(test_duplicate_key_hides_no_violation),
        cmocka_unit_test(test_repeated_value_is_checked_against_the_schema),
        cmocka_unit_test(test_response_duplicate_keys),
        cmocka_unit_test(test_lone_and_mismatched_surrogate_escapes_are_refused),
        cmocka_unit_test(test_whole_surrogate_pairs_are_decoded),
        cmocka_unit_test(test_response_with_an_invalid_escape_is_refused),
        cmocka_unit_test(test_serializer_refuses_surrogates_and_invalid_utf8),
        cmocka_unit_test(test_long_string_in_small_chunks_is_linear),
        cmocka_unit_test(test_the_chunk_survey_misses_no_byte),
        cmocka_unit_test(test_request_size_limit_boundary),
        cmocka_unit_test(test_every_cut_gives_the_same_result),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
