/* Every allocation the library makes, failed in turn: on the parse, validate
 * and serialize paths the call must return ACR_ERR_NOMEM (or, once past the last
 * allocation, succeed), and whatever it built must free to nothing.
 * yajl's own allocations are exempt: yajl 2.1 cannot survive a NULL (see
 * acr/alloc.h), so the library stops the process there on purpose. */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

typedef struct failing {
    long countdown;         /* the allocation that fails: 1 = the next one; 0 = none */
    long made;              /* allocations made (not counting yajl's) */
    long outstanding;       /* live blocks, yajl's included */
} failing;

static failing F;

static bool should_fail(void)
{
    if (acr_yajl_allocating)
        return false;
    F.made++;
    return F.countdown > 0 && --F.countdown == 0;
}

static void *f_malloc(void *ctx, size_t size)
{
    (void)ctx;
    if (should_fail())
        return NULL;
    void *p = malloc(size);
    if (p)
        F.outstanding++;
    return p;
}

static void *f_realloc(void *ctx, void *ptr, size_t size)
{
    (void)ctx;
    if (should_fail())
        return NULL;
    void *p = realloc(ptr, size);
    if (p && !ptr)
        F.outstanding++;
    return p;
}

static void f_free(void *ctx, void *ptr)
{
    (void)ctx;
    if (ptr)
        F.outstanding--;
    free(ptr);
}

static int install(void **state)
{
    (void)state;
    acr_allocator a = {f_malloc, f_realloc, f_free, NULL};
    acr_set_allocator(&a);
    return 0;
}

static int restore(void **state)
{
    (void)state;
    acr_set_allocator(NULL);
    return 0;
}

/* What an operation produced (its JSON, or its violations), to compare a run
 * with the reference run. */
static char result[8192];

static void note(const char *text)
{
    size_t used = strlen(result);
    snprintf(result + used, sizeof result - used, "%s\n", text);
}

/* Runs `operation` with allocation 1, 2, ... failing until a run makes fewer
 * allocations than the one set to fail (so every allocation has been failed
 * once). A run must either say ACR_ERR_NOMEM or, where a failed allocation
 * only cost something optional, produce exactly the reference result; and it
 * must leave no block behind. */
static void fail_each_allocation(acr_status (*operation)(void), const char *name)
{
    memset(&F, 0, sizeof F);
    result[0] = '\0';
    assert_int_equal(operation(), ACR_OK);
    char reference[sizeof result];
    memcpy(reference, result, sizeof result);
    long n;
    for (n = 1;; n++) {
        memset(&F, 0, sizeof F);
        F.countdown = n;
        result[0] = '\0';
        acr_status status = operation();
        if (F.outstanding != 0)
            fail_msg("%s: allocation %ld failed, %ld blocks left behind", name, n, F.outstanding);
        if (status == ACR_OK && strcmp(result, reference) != 0)
            fail_msg("%s: allocation %ld failed, and the result differs:\n%s\ninstead of\n%s", name, n, result,
                     reference);
        if (status != ACR_OK && status != ACR_ERR_NOMEM)
            fail_msg("%s: allocation %ld failed, status is \"%s\", not out of memory", name, n,
                     acr_status_name(status));
        if (F.made < n)
            break;
    }
    /* At least one allocation was failed. (Serializing a small request makes
     * exactly one: the output buffer; the JSON pointer is only rendered on a
     * failure.) */
    assert_true(n > 1);
}

static const char *stop_response_json(void)
{
    return "{\"resourceId\":\"r\",\"sid\":\"s\",\"cname\":\"c\",\"uid\":\"1\",\"serverResponse\":{"
           "\"extensionServiceState\":[{\"serviceName\":\"upload_service\",\"payload\":{\"uploadingStatus\":\"uploaded\"}},"
           "{\"serviceName\":\"new_service\",\"payload\":{\"fileList\":[{\"filename\":\"a.m3u8\",\"sliceStartTime\":1},"
           "{\"filename\":\"b.mp4\",\"sliceStartTime\":2}],\"onhold\":false,\"state\":\"exit\"}}],"
           "\"fileListMode\":\"json\",\"fileList\":[{\"fileName\":\"x\",\"trackType\":\"audio\",\"uid\":\"1\","
           "\"mixedAllUser\":true,\"isPlayable\":true,\"sliceStartTime\":3}],\"unknown\":{\"deep\":[1,2,3]}}}";
}

static acr_status parse_stop_response(void)
{
    acr_stop_response r = ACR_STOP_RESPONSE_INIT;
    acr_error err = ACR_ERROR_INIT;
    const char *json = stop_response_json();
    acr_status s = acr_stop_response_parse(json, strlen(json), &r, &err);
    char *out = NULL;
    if (s == ACR_OK && (s = acr_stop_response_to_json(&r, &out, NULL, &err)) == ACR_OK)
        note(out);
    acr_free(out);
    acr_stop_response_free(&r);
    acr_error_clear(&err);
    return s;
}

static acr_status parse_stop_response_in_pieces(void)
{
    acr_stop_response r = ACR_STOP_RESPONSE_INIT;
    acr_error err = ACR_ERROR_INIT;
    const char *json = stop_response_json();
    acr_parser *p = acr_stop_response_parser_new(&r, NULL);
    acr_status s = p ? ACR_OK : ACR_ERR_NOMEM;
    size_t length = strlen(json);
    for (size_t i = 0; s == ACR_OK && i < length; i += 7)
        s = acr_parser_feed(p, json + i, length - i < 7 ? length - i : 7, &err);
    if (s == ACR_OK)
        s = acr_parser_finish(p, &err);
    acr_parser_free(p);
    char *out = NULL;
    if (s == ACR_OK && (s = acr_stop_response_to_json(&r, &out, NULL, &err)) == ACR_OK)
        note(out);
    acr_free(out);
    acr_stop_response_free(&r);
    acr_error_clear(&err);
    return s;
}

/* A request with wrong types and unknown properties: the violation list grows
 * too. A repeated property's value is read into a scratch object and checked. */
static const char *broken_request_json(void)
{
    return "{\"cname\":\"c\",\"uid\":5,\"extra\":1,\"clientRequest\":{\"streamSubscribe\":{\"audioUidList\":"
           "{\"subscribeAudioUids\":[\"1\",\"2\",3,\"4\"],\"unsubscribeAudioUids\":[\"5\"]}},"
           "\"storageConfig\":{\"vendor\":1,\"region\":17,\"bucket\":\"b\",\"accessKey\":\"a\",\"secretKey\":\"s\","
           "\"fileNamePrefix\":[\"a\",\"b-c\"],\"extensionParams\":{\"sse\":\"KMS\",\"tag\":\"t\"}},"
           "\"storageConfig\":{\"vendor\":\"1\",\"region\":3,\"bucket\":\"b\",\"accessKey\":\"a\","
           "\"fileNamePrefix\":[\"x\",2,\"y-z\"]}}}";
}

static acr_status parse_and_validate_request(void)
{
    acr_update_request r = ACR_UPDATE_REQUEST_INIT;
    acr_error err = ACR_ERROR_INIT;
    const char *json = broken_request_json();
    acr_status s = acr_update_request_parse(json, strlen(json), &r, &err);
    if (s == ACR_ERR_INVALID_REQUEST)
        s = acr_update_request_validate(&r, ACR_MODE_MIX, &err);
    /* Finding the violations is this operation's success. */
    if (s == ACR_ERR_INVALID_REQUEST) {
        s = ACR_OK;
        for (size_t i = 0; i < err.violation_count; i++) {
            note(err.violations[i].pointer);
            note(err.violations[i].message);
        }
    }
    acr_update_request_free(&r);
    acr_error_clear(&err);
    return s;
}

static acr_status serialize_request(void)
{
    static const char *const uids[] = {"1", "2", "3"};
    static const char *const prefix[] = {"a", "b"};
    acr_update_request r = ACR_UPDATE_REQUEST_INIT;
    r.cname = "c";
    r.uid = "1";
    r.client_request.has_stream_subscribe = true;
    r.client_request.stream_subscribe.has_audio_uid_list = true;
    r.client_request.stream_subscribe.audio_uid_list.subscribe_audio_uids = uids;
    r.client_request.stream_subscribe.audio_uid_list.subscribe_audio_uids_count = 3;
    r.client_request.has_storage_config = true;
    acr_storage_config *sc = &r.client_request.storage_config;
    sc->has_vendor = sc->has_region = true;
    sc->vendor = 1;
    sc->bucket = "b";
    sc->access_key = "a";
    sc->secret_key = "s";
    sc->file_name_prefix = prefix;
    sc->file_name_prefix_count = 2;
    char *json = NULL;
    acr_error err = ACR_ERROR_INIT;
    acr_status s = acr_update_request_to_json(&r, &json, NULL, &err);
    if (s == ACR_OK)
        note(json);
    acr_free(json);
    acr_error_clear(&err);
    return s;
}

/* A response whose first string is long enough (1 KiB or more) for a block
 * of its own), or too long for what the first block has left: the arena's
 * first block is made just before it, so a failure of the next block left
 * the first one owned by no piece of the struct. */
static size_t first_string_length;

static acr_status parse_long_first_string(void)
{
    char json[1600];
    char value[1200];
    memset(value, 'r', first_string_length);
    value[first_string_length] = '\0';
    snprintf(json, sizeof json, "{\"resourceId\":\"%s\",\"sid\":\"s\"}", value);
    acr_stop_response r = ACR_STOP_RESPONSE_INIT;
    acr_error err = ACR_ERROR_INIT;
    acr_status s = acr_stop_response_parse(json, strlen(json), &r, &err);
    if (s == ACR_OK) {
        note(r.resource_id);
        note(r.sid);
    }
    acr_stop_response_free(&r);
    acr_error_clear(&err);
    return s;
}

static void parse_response_survives_every_failure(void **state)
{
    (void)state;
    fail_each_allocation(parse_stop_response, "parse");
}

static void streaming_parse_survives_every_failure(void **state)
{
    (void)state;
    fail_each_allocation(parse_stop_response_in_pieces, "streaming parse");
}

static void request_parse_and_validate_survive_every_failure(void **state)
{
    (void)state;
    fail_each_allocation(parse_and_validate_request, "parse + validate");
}

static void parse_long_first_string_survives_every_failure(void **state)
{
    (void)state;
    /* A block of its own; a piece too large for the fresh first block. */
    first_string_length = 1199;
    fail_each_allocation(parse_long_first_string, "parse, a first string of 1199 bytes");
    first_string_length = 1010;
    fail_each_allocation(parse_long_first_string, "parse, a first string of 1010 bytes");
}

static void serialize_survives_every_failure(void **state)
{
    (void)state;
    fail_each_allocation(serialize_request, "serialize");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(parse_response_survives_every_failure, install, restore),
        cmocka_unit_test_setup_teardown(streaming_parse_survives_every_failure, install, restore),
        cmocka_unit_test_setup_teardown(request_parse_and_validate_survive_every_failure, install, restore),
        cmocka_unit_test_setup_teardown(parse_long_first_string_survives_every_failure, install, restore),
        cmocka_unit_test_setup_teardown(serialize_survives_every_failure, install, restore),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
