/* acr/files.h: every recorded file of stop and query responses, in each shape
 * the service uses, parsed from JSON as the client receives it. */
#include "support.h"

#include <string.h>

#include "acr/files.h"

#define MAX_FILES 16

typedef struct walk {
    acr_file files[MAX_FILES];
    size_t count;
} walk;

static void collect(acr_file_iter *it, walk *w)
{
    memset(w, 0, sizeof *w);
    acr_file file;
    while (acr_files_next(it, &file)) {
        assert_true(w->count < MAX_FILES);
        w->files[w->count++] = file;
    }
    /* Once over, it stays over. */
    assert_false(acr_files_next(it, &file));
}

static void stop_files(const char *json, acr_stop_response *r, walk *w)
{
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(acr_stop_response_parse(json, strlen(json), r, &err), ACR_OK);
    acr_file_iter it;
    acr_files_of_stop(&it, r);
    collect(&it, w);
}

static void query_files(const char *json, acr_query_response *r, walk *w)
{
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(acr_query_response_parse(json, strlen(json), r, &err), ACR_OK);
    acr_file_iter it;
    acr_files_of_query(&it, r);
    collect(&it, w);
}

/* fileListMode "string": one M3U8 name, nothing else known. */
static void test_stop_string(void **state)
{
    (void)state;
    acr_stop_response r = ACR_STOP_RESPONSE_INIT;
    walk w;
    stop_files("{\"sid\":\"s\",\"serverResponse\":{\"fileListMode\":\"string\",\"fileList\":\"s_c.m3u8\","
               "\"uploadingStatus\":\"uploaded\"}}",
               &r, &w);
    assert_int_equal(w.count, 1);
    assert_string_equal(w.files[0].name, "s_c.m3u8");
    assert_ptr_equal(w.files[0].name, r.server_response.file_list); /* borrowed */
    assert_int_equal(w.files[0].kind, ACR_FILE_KIND_M3U8);
    assert_int_equal(w.files[0].source, ACR_FILE_SOURCE_NAME);
    assert_int_equal(w.files[0].track_type, ACR_TRACK_TYPE_UNSET);
    assert_null(w.files[0].uid);
    assert_false(w.files[0].has_slice_start_time);
    assert_false(w.files[0].has_is_playable);
    acr_stop_response_free(&r);
}

/* fileListMode "json": every entry with its track, uid, time and playability;
 * an entry without a name is skipped. */
static void test_stop_entries(void **state)
{
    (void)state;
    acr_stop_response r = ACR_STOP_RESPONSE_INIT;
    walk w;
    stop_files("{\"serverResponse\":{\"fileListMode\":\"json\",\"fileList\":["
               "{\"fileName\":\"a__uid_s_123__uid_e_audio.m3u8\",\"trackType\":\"audio\",\"uid\":\"123\","
               "\"mixedAllUser\":false,\"isPlayable\":true,\"sliceStartTime\":1562724971},"
               "{\"trackType\":\"video\",\"uid\":\"9\"},"
               "{\"fileName\":\"a_0.MP4\",\"trackType\":\"audio_and_video\",\"uid\":\"0\",\"isPlayable\":false},"
               "{\"fileName\":\"b.ts\",\"trackType\":\"stereo\"}]}}",
               &r, &w);
    assert_int_equal(w.count, 3);
    assert_string_equal(w.files[0].name, "a__uid_s_123__uid_e_audio.m3u8");
    assert_int_equal(w.files[0].kind, ACR_FILE_KIND_M3U8);
    assert_int_equal(w.files[0].source, ACR_FILE_SOURCE_ENTRY);
    assert_int_equal(w.files[0].track_type, ACR_TRACK_TYPE_AUDIO);
    assert_string_equal(w.files[0].uid, "123");
    assert_true(w.files[0].has_slice_start_time);
    assert_int_equal(w.files[0].slice_start_time, 1562724971);
    assert_true(w.files[0].has_is_playable);
    assert_true(w.files[0].is_playable);

    assert_string_equal(w.files[1].name, "a_0.MP4");
    assert_int_equal(w.files[1].kind, ACR_FILE_KIND_MP4);
    assert_int_equal(w.files[1].track_type, ACR_TRACK_TYPE_AUDIO_AND_VIDEO);
    assert_string_equal(w.files[1].uid, "0");
    assert_false(w.files[1].has_slice_start_time);
    assert_true(w.files[1].has_is_playable);
    assert_false(w.files[1].is_playable);

    /* A track type this version does not know keeps its text. */
    assert_int_equal(w.files[2].kind, ACR_FILE_KIND_TS);
    assert_int_equal(w.files[2].track_type, ACR_TRACK_TYPE_OTHER);
    assert_string_equal(w.files[2].track_type_other, "stereo");
    assert_false(w.files[2].has_is_playable);
    acr_stop_response_free(&r);
}

/* Web mode: the files of every extension service's payload, in order; states
 * without a payload or without files are passed over. */
static void test_stop_web(void **state)
{
    (void)state;
    acr_stop_response r = ACR_STOP_RESPONSE_INIT;
    walk w;
    stop_files("{\"serverResponse\":{\"extensionServiceState\":["
               "{\"serviceName\":\"upload_service\",\"payload\":{\"uploadingStatus\":\"uploaded\"}},"
               "{\"serviceName\":\"upload_service\"},"
               "{\"serviceName\":\"web_recorder_service\",\"payload\":{\"fileList\":["
               "{\"filename\":\"w_0.mp4\",\"sliceStartTime\":1623123456},{\"sliceStartTime\":1},"
               "{\"filename\":\"w.m3u8\"}],\"onhold\":false,\"state\":\"exit\"}},"
               "{\"serviceName\":\"web_recorder_service\",\"payload\":{\"fileList\":[]}},"
               "{\"serviceName\":\"web_recorder_service\",\"payload\":{\"fileList\":[{\"filename\":\"x.webm\"}]}}"
               "]}}",
               &r, &w);
    assert_int_equal(w.count, 3);
    assert_string_equal(w.files[0].name, "w_0.mp4");
    assert_int_equal(w.files[0].source, ACR_FILE_SOURCE_WEB);
    assert_int_equal(w.files[0].kind, ACR_FILE_KIND_MP4);
    assert_true(w.files[0].has_slice_start_time);
    assert_int_equal(w.files[0].slice_start_time, 1623123456);
    assert_null(w.files[0].uid);
    assert_false(w.files[0].has_is_playable);
    assert_string_equal(w.files[1].name, "w.m3u8");
    assert_false(w.files[1].has_slice_start_time);
    assert_string_equal(w.files[2].name, "x.webm");
    assert_int_equal(w.files[2].kind, ACR_FILE_KIND_WEBM);
    acr_stop_response_free(&r);
}

/* No serverResponse, an empty one, NULL: no files. */
static void test_no_files(void **state)
{
    (void)state;
    acr_stop_response r = ACR_STOP_RESPONSE_INIT;
    walk w;
    stop_files("{\"sid\":\"s\"}", &r, &w);
    assert_int_equal(w.count, 0);
    acr_stop_response_free(&r);
    stop_files("{\"serverResponse\":{\"uploadingStatus\":\"uploaded\"}}", &r, &w);
    assert_int_equal(w.count, 0);
    acr_stop_response_free(&r);

    acr_file_iter it;
    acr_file file;
    acr_files_of_stop(&it, NULL);
    assert_false(acr_files_next(&it, &file));
    acr_files_of_query(&it, NULL);
    assert_false(acr_files_next(&it, &file));
    /* A zeroed iterator never started is empty too. */
    memset(&it, 0, sizeof it);
    assert_false(acr_files_next(&it, &file));
}

/* query's serverResponse.sliceStartTime counts milliseconds; the string shape
 * takes it in seconds, like the entries. */
static void test_query_string_milliseconds(void **state)
{
    (void)state;
    acr_query_response r = ACR_QUERY_RESPONSE_INIT;
    walk w;
    query_files("{\"serverResponse\":{\"status\":5,\"sliceStartTime\":1562724971626,"
                "\"fileListMode\":\"string\",\"fileList\":\"q.m3u8\"}}",
                &r, &w);
    assert_int_equal(w.count, 1);
    assert_string_equal(w.files[0].name, "q.m3u8");
    assert_int_equal(w.files[0].source, ACR_FILE_SOURCE_NAME);
    assert_true(w.files[0].has_slice_start_time);
    assert_int_equal(w.files[0].slice_start_time, 1562724971);
    acr_query_response_free(&r);
}

/* query's entries are in seconds already: not divided again. */
static void test_query_entries(void **state)
{
    (void)state;
    acr_query_response r = ACR_QUERY_RESPONSE_INIT;
    walk w;
    query_files("{\"serverResponse\":{\"status\":5,\"sliceStartTime\":1562724971626,\"fileListMode\":\"json\","
                "\"fileList\":[{\"fileName\":\"e.m3u8\",\"trackType\":\"video\",\"uid\":\"7\","
                "\"isPlayable\":true,\"sliceStartTime\":1562724971}]}}",
                &r, &w);
    assert_int_equal(w.count, 1);
    assert_int_equal(w.files[0].slice_start_time, 1562724971);
    assert_int_equal(w.files[0].track_type, ACR_TRACK_TYPE_VIDEO);
    assert_string_equal(w.files[0].uid, "7");
    assert_true(w.files[0].is_playable);
    acr_query_response_free(&r);
}

static void test_query_web(void **state)
{
    (void)state;
    acr_query_response r = ACR_QUERY_RESPONSE_INIT;
    walk w;
    query_files("{\"serverResponse\":{\"extensionServiceState\":["
                "{\"serviceName\":\"rtmp_publish_service\",\"payload\":{\"outputs\":[]}},"
                "{\"serviceName\":\"web_recorder_service\",\"payload\":{\"fileList\":["
                "{\"filename\":\"q_web.mp4\",\"sliceStartTime\":1623123456}],\"state\":\"inProgress\"}}]}}",
                &r, &w);
    assert_int_equal(w.count, 1);
    assert_string_equal(w.files[0].name, "q_web.mp4");
    assert_int_equal(w.files[0].source, ACR_FILE_SOURCE_WEB);
    assert_int_equal(w.files[0].slice_start_time, 1623123456);
    acr_query_response_free(&r);
}

/* Every shape in one response, walked in the documented order. */
static void test_all_shapes_in_order(void **state)
{
    (void)state;
    acr_server_response server = ACR_SERVER_RESPONSE_INIT;
    acr_file_entry entries[2] = {ACR_FILE_ENTRY_INIT, ACR_FILE_ENTRY_INIT};
    entries[0].file_name = (char *)"e1.m3u8";
    entries[1].file_name = (char *)"e2.mp4";
    acr_web_file_entry web_files[1] = {ACR_WEB_FILE_ENTRY_INIT};
    web_files[0].filename = (char *)"w.mp4";
    acr_extension_service_state states[1] = {ACR_EXTENSION_SERVICE_STATE_INIT};
    states[0].has_payload = true;
    states[0].payload.file_list = web_files;
    states[0].payload.file_list_count = 1;
    server.file_list = (char *)"s.m3u8";
    server.file_list_items = entries;
    server.file_list_count = 2;
    server.extension_service_state = states;
    server.extension_service_state_count = 1;
    acr_stop_response r = ACR_STOP_RESPONSE_INIT;
    r.has_server_response = true;
    r.server_response = server;

    acr_file_iter it;
    walk w;
    acr_files_of_stop(&it, &r);
    collect(&it, &w);
    assert_int_equal(w.count, 4);
    const char *names[] = {"s.m3u8", "e1.m3u8", "e2.mp4", "w.mp4"};
    const acr_file_source sources[] = {ACR_FILE_SOURCE_NAME, ACR_FILE_SOURCE_ENTRY, ACR_FILE_SOURCE_ENTRY,
                                       ACR_FILE_SOURCE_WEB};
    for (size_t i = 0; i < 4; i++) {
        assert_string_equal(w.files[i].name, names[i]);
        assert_int_equal(w.files[i].source, sources[i]);
    }
}

static void test_kind_of(void **state)
{
    (void)state;
    assert_int_equal(acr_file_kind_of("a.m3u8"), ACR_FILE_KIND_M3U8);
    assert_int_equal(acr_file_kind_of("dir/a_20240101.TS"), ACR_FILE_KIND_TS);
    assert_int_equal(acr_file_kind_of("a.mp4"), ACR_FILE_KIND_MP4);
    assert_int_equal(acr_file_kind_of("a.webm"), ACR_FILE_KIND_WEBM);
    assert_int_equal(acr_file_kind_of("a.aac"), ACR_FILE_KIND_AAC);
    assert_int_equal(acr_file_kind_of("shot.jpg"), ACR_FILE_KIND_JPG);
    assert_int_equal(acr_file_kind_of("shot.JPEG"), ACR_FILE_KIND_JPG);
    assert_int_equal(acr_file_kind_of("a.mp4x"), ACR_FILE_KIND_OTHER);
    assert_int_equal(acr_file_kind_of("a.b/noextension"), ACR_FILE_KIND_OTHER);
    assert_int_equal(acr_file_kind_of("trailingdot."), ACR_FILE_KIND_OTHER);
    assert_int_equal(acr_file_kind_of(""), ACR_FILE_KIND_OTHER);
    assert_int_equal(acr_file_kind_of(NULL), ACR_FILE_KIND_OTHER);
    assert_string_equal(acr_file_kind_name(ACR_FILE_KIND_M3U8), "m3u8");
    assert_string_equal(acr_file_kind_name(ACR_FILE_KIND_JPG), "jpg");
    assert_string_equal(acr_file_kind_name(ACR_FILE_KIND_OTHER), "other");
    assert_string_equal(acr_file_kind_name((acr_file_kind)99), "other");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_stop_string),
        cmocka_unit_test(test_stop_entries),
        cmocka_unit_test(test_stop_web),
        cmocka_unit_test(test_no_files),
        cmocka_unit_test(test_query_string_milliseconds),
        cmocka_unit_test(test_query_entries),
        cmocka_unit_test(test_query_web),
        cmocka_unit_test(test_all_shapes_in_order),
        cmocka_unit_test(test_kind_of),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
