/* The allocation hooks (acr/alloc.h): every allocation of the library, yajl's
 * included, goes through the installed allocator, and everything allocated is
 * given back. A counting allocator checks both; a failing one checks that the
 * validator survives each of its allocations failing in turn. */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct counter {
    long live;          /* blocks allocated and not yet freed */
    long calls;         /* malloc and realloc calls */
    long fail_at;       /* this call (1-based) returns NULL; 0: never */
} counter;

static counter count;

static void *counting_malloc(void *ctx, size_t size)
{
    counter *c = ctx;
    if (++c->calls == c->fail_at)
        return NULL;
    void *p = malloc(size);
    if (p)
        c->live++;
    return p;
}

static void *counting_realloc(void *ctx, void *ptr, size_t size)
{
    counter *c = ctx;
    if (++c->calls == c->fail_at)
        return NULL;
    void *p = realloc(ptr, size);
    if (p && !ptr)
        c->live++;
    return p;
}

static void counting_free(void *ctx, void *ptr)
{
    counter *c = ctx;
    if (ptr)
        c->live--;
    free(ptr);
}

static int install(void **state)
{
    (void)state;
    memset(&count, 0, sizeof count);
    acr_allocator a = {counting_malloc, counting_realloc, counting_free, &count};
    acr_set_allocator(&a);
    return 0;
}

static int restore(void **state)
{
    (void)state;
    acr_set_allocator(NULL);
    return 0;
}

static const char stop_response[] =
    "{\"cname\":\"httpClient463224\",\"uid\":\"527841\",\"resourceId\":\"JyvK8nXHuV1BE.....\","
    "\"sid\":\"38f8e3cfdc474cd56fc1ceba380d7e1a\",\"serverResponse\":{\"extensionServiceState\":["
    "{\"serviceName\":\"upload_service\",\"payload\":{\"uploadingStatus\":\"uploaded\"}},"
    "{\"serviceName\":\"later_service\",\"payload\":{\"fileList\":[{\"filename\":\"a.mp4\","
    "\"sliceStartTime\":1623123456}],\"onhold\":false,\"state\":\"exit\"}}],\"unknown\":[1,{\"x\":[]}]}}";

static void test_parse_and_free_leave_nothing_behind(void **state)
{
    (void)state;
    acr_stop_response r = ACR_STOP_RESPONSE_INIT;
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(acr_stop_response_parse(stop_response, strlen(stop_response), &r, &err), ACR_OK);
    /* The struct holds its strings and arrays through our allocator... */
    assert_true(count.live > 0);
    long calls = count.calls;
    acr_stop_response_free(&r);
    /* ...and free gives every one back (yajl's buffers went earlier). */
    assert_int_equal(count.live, 0);
    assert_int_equal(count.calls, calls);

    /* A failed parse too, with its error. */
    const char *bad = "{\"cname\":\"c\",\"serverResponse\":{\"fileList\":[{\"fileName\":5}]}}";
    assert_int_equal(acr_stop_response_parse(bad, strlen(bad), &r, &err), ACR_ERR_INVALID_RESPONSE);
    assert_non_null(err.pointer);
    acr_error_clear(&err);
    acr_stop_response_free(&r);
    assert_int_equal(count.live, 0);
}

static void test_streaming_parser_and_serializer_leave_nothing_behind(void **state)
{
    (void)state;
    acr_stop_response r = ACR_STOP_RESPONSE_INIT;
    acr_error err = ACR_ERROR_INIT;
    acr_parser *p = acr_stop_response_parser_new(&r, NULL);
    assert_non_null(p);
    for (size_t i = 0; i < sizeof stop_response - 1; i += 7) {
        size_t n = sizeof stop_response - 1 - i < 7 ? sizeof stop_response - 1 - i : 7;
        assert_int_equal(acr_parser_feed(p, stop_response + i, n, &err), ACR_OK);
    }
    assert_int_equal(acr_parser_finish(p, &err), ACR_OK);
    acr_parser_free(p);
    char *json = NULL;
    assert_int_equal(acr_stop_response_to_json(&r, &json, NULL, &err), ACR_OK);
    assert_non_null(json);
    acr_free(json);
    acr_stop_response_free(&r);
    assert_int_equal(count.live, 0);
}

/* A stop response with `files` entries in its file list (compact, as sent). */
static char *stop_with_files(size_t files)
{
    static const char head[] = "{\"cname\":\"c\",\"uid\":\"1\",\"resourceId\":\"r\",\"sid\":\"s\","
                               "\"serverResponse\":{\"uploadingStatus\":\"uploaded\",\"fileList\":[";
    static const char item[] = "%s{\"fileName\":\"sid_c__uid_s_%06zu__uid_e_audio.m3u8\",\"trackType\":\"audio\","
                               "\"uid\":\"%06zu\",\"mixedAllUser\":false,\"isPlayable\":true,"
                               "\"sliceStartTime\":1562724971}";
    size_t capacity = sizeof head + files * (sizeof item + 16) + 8;
    char *json = malloc(capacity);
    assert_non_null(json);
    int n = snprintf(json, capacity, "%s", head);
    for (size_t i = 0; i < files; i++)
        n += snprintf(json + n, capacity - (size_t)n, item, i ? "," : "", i, i);
    n += snprintf(json + n, capacity - (size_t)n, "]}}");
    assert_true((size_t)n < capacity);
    return json;
}

/* Allocation calls of one parse and free of a stop response with `files` files. */
static long calls_to_parse(size_t files)
{
    char *json = stop_with_files(files);
    acr_stop_response r = ACR_STOP_RESPONSE_INIT;
    acr_error err = ACR_ERROR_INIT;
    long before = count.calls;
    assert_int_equal(acr_stop_response_parse(json, strlen(json), &r, &err), ACR_OK);
    assert_int_equal(r.server_response.file_list_count, files);
    char last[16];
    snprintf(last, sizeof last, "%06zu", files - 1);
    assert_string_equal(r.server_response.file_list_items[files - 1].uid, last);
    acr_stop_response_free(&r);
    long calls = count.calls - before;
    assert_int_equal(count.live, 0);
    free(json);
    return calls;
}

/* The strings and arrays of a parsed response live in a few blocks (an arena),
 * not one allocation each: 200 times the files cost a handful more blocks. */
static void test_parse_allocations_do_not_grow_with_the_items(void **state)
{
    (void)state;
    long few = calls_to_parse(10);
    long many = calls_to_parse(2000);
    assert_true(few <= 30);
    assert_true(many <= few + 16);
}

/* Allocations made to parse one document. */
static long calls_to_parse_text(const char *json)
{
    acr_stop_response r = ACR_STOP_RESPONSE_INIT;
    acr_error err = ACR_ERROR_INIT;
    long before = count.calls;
    assert_int_equal(acr_stop_response_parse(json, strlen(json), &r, &err), ACR_OK);
    long calls = count.calls - before;
    acr_stop_response_free(&r);
    assert_int_equal(count.live, 0);
    return calls;
}

/* The strings of the document's own object are pieces of the arena too (no
 * block each): three more of them cost no allocation. */
static void test_top_level_strings_are_pieces_of_the_arena(void **state)
{
    (void)state;
    long one = calls_to_parse_text("{\"cname\":\"httpClient463224\"}");
    long four = calls_to_parse_text("{\"cname\":\"httpClient463224\",\"uid\":\"527841\","
                                    "\"resourceId\":\"JyvK8nXHuV1BE.....\",\"sid\":\"38f8e3cfdc474cd5\"}");
    assert_int_equal(four, one);
}

/* A request breaking several rules, so validation allocates a list. */
static acr_update_request broken_request(void)
{
    static const char *const uids[6] = {"0", "x", "1", "y", "", "4294967296"};
    acr_update_request r = ACR_UPDATE_REQUEST_INIT;
    r.uid = "01";
    r.client_request.has_stream_subscribe = true;
    r.client_request.stream_subscribe.has_video_uid_list = true;
    r.client_request.stream_subscribe.video_uid_list.subscribe_video_uids = uids;
    r.client_request.stream_subscribe.video_uid_list.subscribe_video_uids_count = 6;
    r.client_request.stream_subscribe.video_uid_list.unsubscribe_video_uids = uids;
    r.client_request.stream_subscribe.video_uid_list.unsubscribe_video_uids_count = 1;
    return r;
}

static void test_validation_errors_are_released_by_clear(void **state)
{
    (void)state;
    acr_update_request r = broken_request();
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(acr_update_request_validate(&r, ACR_MODE_INDIVIDUAL, &err), ACR_ERR_INVALID_REQUEST);
    assert_true(err.violation_count >= 8);
    assert_true(count.live > 0);
    acr_error_clear(&err);
    assert_int_equal(count.live, 0);
}

/* Each allocation the validator makes fails in turn: the result is
 * ACR_ERR_NOMEM (or the full answer, once the failure comes too late to
 * matter), never a crash, and clear releases whatever was built. */
static void test_validation_survives_every_allocation_failing(void **state)
{
    (void)state;
    acr_update_request r = broken_request();
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(acr_update_request_validate(&r, ACR_MODE_INDIVIDUAL, &err), ACR_ERR_INVALID_REQUEST);
    size_t expected = err.violation_count;
    acr_error_clear(&err);
    long needed = count.calls;
    assert_true(needed > 0);

    for (long n = 1; n <= needed + 1; n++) {
        count.calls = 0;
        count.fail_at = n;
        acr_status status = acr_update_request_validate(&r, ACR_MODE_INDIVIDUAL, &err);
        if (n <= needed) {
            assert_int_equal(status, ACR_ERR_NOMEM);
            assert_int_equal(err.status, ACR_ERR_NOMEM);
        } else {
            assert_int_equal(status, ACR_ERR_INVALID_REQUEST);
            assert_int_equal(err.violation_count, expected);
        }
        acr_error_clear(&err);
        assert_int_equal(count.live, 0);
    }
    count.fail_at = 0;
}

static void test_restoring_the_default_allocator(void **state)
{
    (void)state;
    acr_set_allocator(NULL);
    long calls = count.calls;
    acr_stop_response r = ACR_STOP_RESPONSE_INIT;
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(acr_stop_response_parse(stop_response, strlen(stop_response), &r, &err), ACR_OK);
    acr_stop_response_free(&r);
    /* The counting allocator saw none of that. */
    assert_int_equal(count.calls, calls);
    assert_int_equal(count.live, 0);
    /* acr_malloc(0) gives a real block, not NULL (which means failure). */
    void *p = acr_malloc(0);
    assert_non_null(p);
    acr_free(p);
    acr_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_parse_and_free_leave_nothing_behind, install, restore),
        cmocka_unit_test_setup_teardown(test_streaming_parser_and_serializer_leave_nothing_behind, install, restore),
        cmocka_unit_test_setup_teardown(test_parse_allocations_do_not_grow_with_the_items, install, restore),
        cmocka_unit_test_setup_teardown(test_top_level_strings_are_pieces_of_the_arena, install, restore),
        cmocka_unit_test_setup_teardown(test_validation_errors_are_released_by_clear, install, restore),
        cmocka_unit_test_setup_teardown(test_validation_survives_every_allocation_failing, install, restore),
        cmocka_unit_test_setup_teardown(test_restoring_the_default_allocator, install, restore),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
