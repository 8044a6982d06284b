/* Data-driven over the schema itself: every request example must parse, be
 * valid in its x-acr-mode and serialize back to the same JSON; every response
 * example must parse and serialize back to the same JSON. Operations come from
 * the generated tables (acr_operations), so a new operation or example in the
 * schema is tested without touching this file. The page examples are then
 * checked field by field against the reference pages. */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Storage for any generated struct: sized from its table (callers free()). */
static void *new_value(const acr_type_desc *type)
{
    void *value = calloc(1, type->object->size);
    if (!value)
        fail_msg("out of memory");
    return value;
}

static yajl_val schema;

static int load_schema(void **state)
{
    (void)state;
    char *text = support_read_file("schema/cloud_recording.json", NULL);
    schema = support_tree(text);
    free(text);
    return 0;
}

static int free_schema(void **state)
{
    (void)state;
    yajl_tree_free(schema);
    return 0;
}

static yajl_val member(yajl_val object, const char *key)
{
    const char *path[] = {key, NULL};
    return object ? yajl_tree_get(object, path, yajl_t_any) : NULL;
}

/* A string member that must be there. */
static const char *string_member(yajl_val object, const char *key)
{
    const char *text = YAJL_GET_STRING(member(object, key));
    if (!text)
        fail_msg("the schema lacks a string \"%s\" where this test expects one", key);
    return text;
}

static const acr_operation_desc *operation_named(const char *id)
{
    for (size_t i = 0; acr_operations[i]; i++)
        if (strcmp(acr_operations[i]->operation_id, id) == 0)
            return acr_operations[i];
    fail_msg("the schema has an operation %s the generated tables do not know", id);
    return NULL;
}

/* The one operation object (get, post, ...) of a path item: each path of this
 * schema has one, so the tables' order is the schema's. */
static yajl_val path_operation(yajl_val item)
{
    yajl_val found = NULL;
    for (size_t i = 0; i < item->u.object.len; i++) {
        if (strcmp(item->u.object.keys[i], "parameters") == 0)
            continue;
        if (found)
            fail_msg("a path item with more than one operation: extend this test");
        found = item->u.object.values[i];
    }
    if (!found)
        fail_msg("a path item without an operation");
    return found;
}

/* Each operation of the tables appears in the schema's paths, in order. */
static void test_schema_paths_are_the_operation_tables(void **state)
{
    (void)state;
    yajl_val paths = member(schema, "paths");
    assert_true(YAJL_IS_OBJECT(paths));
    assert_int_equal(paths->u.object.len, ACR_OPERATION_COUNT);
    assert_int_equal(acr_operation_count, ACR_OPERATION_COUNT);
    for (size_t i = 0; i < paths->u.object.len; i++) {
        const char *id = string_member(path_operation(paths->u.object.values[i]), "operationId");
        assert_non_null(acr_operations[i]);
        assert_string_equal(acr_operations[i]->operation_id, id);
    }
    assert_null(acr_operations[ACR_OPERATION_COUNT]);
}

/* The "examples" object of a media type, or NULL. */
static yajl_val json_examples(yajl_val content)
{
    return member(member(content, "application/json"), "examples");
}

/* Parses `json` into a new value of `type`, expecting success. */
static void *parse_ok(const acr_type_desc *type, const char *json, const char *what)
{
    void *out = new_value(type);
    acr_error err = ACR_ERROR_INIT;
    if (acr_parse(type, json, strlen(json), out, &err) != ACR_OK) {
        support_dump_violations(&err);
        fail_msg("%s does not parse: %s", what, err.message);
    }
    acr_error_clear(&err);
    return out;
}

static void assert_round_trip(const acr_type_desc *type, const void *value, const char *original,
                              const char *what)
{
    char *json = NULL;
    acr_error err = ACR_ERROR_INIT;
    if (acr_to_json(type, value, &json, NULL, &err) != ACR_OK)
        fail_msg("%s does not serialize: %s", what, err.message);
    yajl_val a = support_tree(original);
    yajl_val b = support_tree(json);
    bool same = support_json_equal(a, b);
    yajl_tree_free(a);
    yajl_tree_free(b);
    if (!same)
        fail_msg("%s changed in the round trip\nexample: %s\nagain:   %s", what, original, json);
    acr_free(json);
}

static void test_every_request_example_parses_validates_and_round_trips(void **state)
{
    (void)state;
    size_t seen = 0;
    yajl_val paths = member(schema, "paths");
    assert_true(YAJL_IS_OBJECT(paths));
    for (size_t i = 0; i < paths->u.object.len; i++) {
        yajl_val operation = path_operation(paths->u.object.values[i]);
        const acr_operation_desc *op = operation_named(string_member(operation, "operationId"));
        yajl_val examples = json_examples(member(member(operation, "requestBody"), "content"));
        if (!op->request) {
            if (examples)
                fail_msg("%s takes no request body but the schema has request examples", op->operation_id);
            continue;
        }
        /* Every operation with a body shows at least one (schema/README.md lists them). */
        if (!YAJL_IS_OBJECT(examples) || examples->u.object.len == 0)
            fail_msg("%s has no request example", op->operation_id);
        for (size_t e = 0; e < examples->u.object.len; e++) {
            char what[128];
            snprintf(what, sizeof what, "request example %s/%s", op->operation_id, examples->u.object.keys[e]);
            yajl_val example = examples->u.object.values[e];
            const char *mode_text = YAJL_GET_STRING(member(example, "x-acr-mode"));
            acr_mode mode = ACR_MODE_ANY;
            if (!mode_text || !acr_mode_parse(mode_text, &mode) || mode == ACR_MODE_ANY)
                fail_msg("%s has no valid x-acr-mode", what);
            if (op->mode_allowed && !(op->mode_allowed & (1u << ((unsigned)mode - 1))))
                fail_msg("%s names mode %s, which %s does not accept", what, mode_text, op->operation_id);
            char *json = support_tree_to_json(member(example, "value"));

            void *value = parse_ok(op->request, json, what);
            acr_error err = ACR_ERROR_INIT;
            if (acr_validate(op->request, value, (unsigned)mode, &err) != ACR_OK) {
                support_dump_violations(&err);
                fail_msg("%s is not valid in mode %s", what, mode_text);
            }
            /* ...and so with the mode rules skipped. */
            assert_int_equal(acr_validate(op->request, value, ACR_MODE_ANY, &err), ACR_OK);
            assert_round_trip(op->request, value, json, what);
            acr_free_value(op->request, value);
            free(value);
            free(json);
            seen++;
        }
    }
    assert_true(seen > 0);
}

static void test_every_response_example_parses_and_round_trips(void **state)
{
    (void)state;
    size_t seen = 0;
    yajl_val paths = member(schema, "paths");
    for (size_t i = 0; i < paths->u.object.len; i++) {
        yajl_val operation = path_operation(paths->u.object.values[i]);
        const acr_operation_desc *op = operation_named(string_member(operation, "operationId"));
        yajl_val responses = member(operation, "responses");
        assert_true(YAJL_IS_OBJECT(responses));
        size_t seen_200 = 0;
        for (size_t r = 0; r < responses->u.object.len; r++) {
            const char *code = responses->u.object.keys[r];
            /* 200 is the operation's response; anything else is its error body. */
            const acr_type_desc *type = strcmp(code, "200") == 0 ? op->response : op->error;
            yajl_val examples = json_examples(member(responses->u.object.values[r], "content"));
            if (!examples)
                continue;
            if (!type)
                fail_msg("%s has examples for %s but no body type for them", op->operation_id, code);
            for (size_t e = 0; e < examples->u.object.len; e++) {
                char what[128];
                snprintf(what, sizeof what, "response example %s/%s/%s", op->operation_id, code,
                         examples->u.object.keys[e]);
                char *json = support_tree_to_json(member(examples->u.object.values[e], "value"));
                void *value = parse_ok(type, json, what);
                assert_round_trip(type, value, json, what);
                acr_free_value(type, value);
                free(value);
                free(json);
                seen++;
                seen_200 += type == op->response;
            }
        }
        /* Every operation shows at least one answer (schema/README.md lists them). */
        if (seen_200 == 0)
            fail_msg("%s has no 200 response example", op->operation_id);
    }
    assert_true(seen >= ACR_OPERATION_COUNT);
}

/* --- the named examples, field by field --- */

/* The JSON text of one example (free with free()). */
static char *example_json(const char *operation_id, bool request, const char *name)
{
    yajl_val paths = member(schema, "paths");
    for (size_t i = 0; i < paths->u.object.len; i++) {
        yajl_val operation = path_operation(paths->u.object.values[i]);
        if (strcmp(string_member(operation, "operationId"), operation_id) != 0)
            continue;
        yajl_val content = request ? member(member(operation, "requestBody"), "content")
                                   : member(member(member(operation, "responses"), "200"), "content");
        yajl_val example = member(json_examples(content), name);
        if (example)
            return support_tree_to_json(member(example, "value"));
    }
    fail_msg("the schema has no %s example %s/%s", request ? "request" : "response", operation_id, name);
    return NULL;
}

static void test_update_page_request_example(void **state)
{
    (void)state;
    char *json = example_json("update", true, "page");
    acr_update_request r = ACR_UPDATE_REQUEST_INIT;
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(acr_update_request_parse(json, strlen(json), &r, &err), ACR_OK);
    assert_string_equal(r.cname, "httpClient463224");
    assert_string_equal(r.uid, "527841");
    assert_true(r.client_request.has_stream_subscribe);
    const acr_stream_subscribe *s = &r.client_request.stream_subscribe;
    assert_int_equal(s->audio_uid_list.subscribe_audio_uids_count, 1);
    assert_string_equal(s->audio_uid_list.subscribe_audio_uids[0], "#allstream#");
    assert_null(s->audio_uid_list.unsubscribe_audio_uids);
    assert_null(s->video_uid_list.subscribe_video_uids);
    assert_int_equal(s->video_uid_list.unsubscribe_video_uids_count, 3);
    assert_string_equal(s->video_uid_list.unsubscribe_video_uids[0], "444");
    assert_string_equal(s->video_uid_list.unsubscribe_video_uids[1], "555");
    assert_string_equal(s->video_uid_list.unsubscribe_video_uids[2], "666");
    assert_false(r.client_request.has_storage_config);
    /* streamSubscribe is for individual and mix, not web. */
    assert_int_equal(acr_update_request_validate(&r, ACR_MODE_MIX, &err), ACR_OK);
    assert_int_equal(acr_update_request_validate(&r, ACR_MODE_WEB, &err), ACR_ERR_INVALID_REQUEST);
    acr_error_clear(&err);
    acr_update_request_free(&r);
    free(json);
}

static void test_update_storage_config_and_web_request_examples(void **state)
{
    (void)state;
    char *json = example_json("update", true, "storageConfig");
    acr_update_request r = ACR_UPDATE_REQUEST_INIT;
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(acr_update_request_parse(json, strlen(json), &r, &err), ACR_OK);
    const acr_storage_config *s = &r.client_request.storage_config;
    assert_true(s->has_vendor);
    assert_int_equal(s->vendor, ACR_VENDOR_AMAZON_S3);
    assert_true(s->has_region);
    assert_int_equal(s->region, 0);
    assert_string_equal(s->sts_token, "FwoGZXIvYXdzEXAMPLETOKEN");
    assert_true(s->has_sts_expiration);
    assert_true(s->sts_expiration == 1735707600);
    assert_int_equal(s->file_name_prefix_count, 2);
    assert_string_equal(s->file_name_prefix[0], "directory1");
    assert_string_equal(s->file_name_prefix[1], "directory2");
    assert_true(s->has_extension_params);
    assert_int_equal(s->extension_params.sse, ACR_SSE_KMS);
    assert_null(s->extension_params.sse_other);
    assert_string_equal(s->extension_params.tag, "team=media");
    assert_null(s->extension_params.endpoint);
    acr_update_request_free(&r);
    free(json);

    json = example_json("update", true, "webPauseAndRtmp");
    assert_int_equal(acr_update_request_parse(json, strlen(json), &r, &err), ACR_OK);
    assert_true(r.client_request.web_recording_config.has_onhold);
    assert_true(r.client_request.web_recording_config.onhold);
    assert_int_equal(r.client_request.rtmp_publish_config.outputs_count, 1);
    assert_string_equal(r.client_request.rtmp_publish_config.outputs[0].rtmp_url,
                        "rtmps://live.example.com/app/streamkey");
    /* Web-only objects: refused in the other modes. */
    assert_int_equal(acr_update_request_validate(&r, ACR_MODE_INDIVIDUAL, &err), ACR_ERR_INVALID_REQUEST);
    acr_error_clear(&err);
    assert_int_equal(acr_update_request_validate(&r, ACR_MODE_MIX, &err), ACR_ERR_INVALID_REQUEST);
    acr_error_clear(&err);
    acr_update_request_free(&r);
    free(json);

    json = example_json("update", true, "s3Compatible");
    assert_int_equal(acr_update_request_parse(json, strlen(json), &r, &err), ACR_OK);
    assert_int_equal(r.client_request.storage_config.vendor, ACR_VENDOR_S3_COMPATIBLE);
    assert_int_equal(r.client_request.storage_config.extension_params.sse, ACR_SSE_AES256);
    assert_string_equal(r.client_request.storage_config.extension_params.endpoint, "s3.storage.example.com");
    acr_update_request_free(&r);
    free(json);
}

static void test_stop_request_examples(void **state)
{
    (void)state;
    char *json = example_json("stop", true, "page");
    acr_stop_request r = ACR_STOP_REQUEST_INIT;
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(acr_stop_request_parse(json, strlen(json), &r, &err), ACR_OK);
    assert_string_equal(r.cname, "httpClient463224");
    assert_string_equal(r.uid, "527841");
    assert_true(r.client_request.has_async_stop);
    assert_false(r.client_request.async_stop);
    acr_stop_request_free(&r);
    free(json);

    json = example_json("stop", true, "asyncStop");
    assert_int_equal(acr_stop_request_parse(json, strlen(json), &r, &err), ACR_OK);
    assert_true(r.client_request.has_async_stop);
    assert_true(r.client_request.async_stop);
    acr_stop_request_free(&r);
    free(json);
}

static void test_update_page_response_example(void **state)
{
    (void)state;
    char *json = example_json("update", false, "page");
    acr_update_response r = ACR_UPDATE_RESPONSE_INIT;
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(acr_update_response_parse(json, strlen(json), &r, &err), ACR_OK);
    assert_string_equal(r.cname, "httpClient463224");
    assert_string_equal(r.uid, "527841");
    assert_string_equal(r.resource_id, "JyvK8nXHuV1BE.....");
    assert_string_equal(r.sid, "38f8e3c......");
    acr_update_response_free(&r);
    free(json);
}

static void test_stop_page_response_example(void **state)
{
    (void)state;
    char *json = example_json("stop", false, "page");
    acr_stop_response r = ACR_STOP_RESPONSE_INIT;
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(acr_stop_response_parse(json, strlen(json), &r, &err), ACR_OK);
    assert_string_equal(r.resource_id, "JyvK8nXHuV1BE.....");
    assert_string_equal(r.sid, "38f8e3cfdc474cd56fc1ceba380d7e1a");
    assert_string_equal(r.cname, "httpClient463224");
    assert_string_equal(r.uid, "527841");
    assert_true(r.has_server_response);
    const acr_server_response *s = &r.server_response;
    assert_int_equal(s->extension_service_state_count, 1);
    /* payload comes before serviceName in the page: key order must not matter. */
    assert_int_equal(s->extension_service_state[0].service_name, ACR_SERVICE_NAME_UPLOAD_SERVICE);
    assert_true(s->extension_service_state[0].has_payload);
    assert_int_equal(s->extension_service_state[0].payload.uploading_status, ACR_UPLOADING_STATUS_UPLOADED);
    assert_null(s->extension_service_state[0].payload.file_list);
    assert_false(s->extension_service_state[0].payload.has_onhold);
    assert_int_equal(s->extension_service_state[0].payload.state, ACR_STATE_UNSET);
    assert_int_equal(s->uploading_status, ACR_UPLOADING_STATUS_UNSET);
    assert_null(s->file_list);
    assert_null(s->file_list_items);
    acr_stop_response_free(&r);
    free(json);
}

static void test_stop_individual_and_mix_response_examples(void **state)
{
    (void)state;
    char *json = example_json("stop", false, "individualJson");
    acr_stop_response r = ACR_STOP_RESPONSE_INIT;
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(acr_stop_response_parse(json, strlen(json), &r, &err), ACR_OK);
    const acr_server_response *s = &r.server_response;
    assert_int_equal(s->uploading_status, ACR_UPLOADING_STATUS_UPLOADED);
    assert_int_equal(s->file_list_mode, ACR_FILE_LIST_MODE_JSON);
    assert_null(s->file_list);
    assert_int_equal(s->file_list_count, 2);
    static const acr_track_type tracks[2] = {ACR_TRACK_TYPE_AUDIO, ACR_TRACK_TYPE_VIDEO};
    for (size_t i = 0; i < 2; i++) {
        const acr_file_entry *f = &s->file_list_items[i];
        assert_non_null(strstr(f->file_name, i ? "_video.m3u8" : "_audio.m3u8"));
        assert_int_equal(f->track_type, tracks[i]);
        assert_string_equal(f->uid, "123");
        assert_true(f->has_mixed_all_user);
        assert_false(f->mixed_all_user);
        assert_true(f->has_is_playable);
        assert_true(f->is_playable);
        assert_true(f->has_slice_start_time);
        assert_true(f->slice_start_time == 1562724971);
    }
    acr_stop_response_free(&r);
    free(json);

    json = example_json("stop", false, "mixString");
    assert_int_equal(acr_stop_response_parse(json, strlen(json), &r, &err), ACR_OK);
    assert_int_equal(r.server_response.file_list_mode, ACR_FILE_LIST_MODE_STRING);
    assert_string_equal(r.server_response.file_list, "38f8e3cfdc474cd56fc1ceba380d7e1a_httpClient463224.m3u8");
    assert_null(r.server_response.file_list_items);
    acr_stop_response_free(&r);
    free(json);
}

static void test_stop_web_response_example(void **state)
{
    (void)state;
    char *json = example_json("stop", false, "web");
    acr_stop_response r = ACR_STOP_RESPONSE_INIT;
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(acr_stop_response_parse(json, strlen(json), &r, &err), ACR_OK);
    const acr_server_response *s = &r.server_response;
    assert_int_equal(s->extension_service_state_count, 2);
    assert_int_equal(s->extension_service_state[0].service_name, ACR_SERVICE_NAME_UPLOAD_SERVICE);
    assert_int_equal(s->extension_service_state[0].payload.uploading_status, ACR_UPLOADING_STATUS_UPLOADED);
    const acr_extension_service_state *web = &s->extension_service_state[1];
    assert_int_equal(web->service_name, ACR_SERVICE_NAME_WEB_RECORDER_SERVICE);
    assert_int_equal(web->payload.file_list_count, 1);
    assert_string_equal(web->payload.file_list[0].filename, "38f8e3cfdc474cd56fc1ceba380d7e1a_httpClient463224_0.mp4");
    assert_true(web->payload.file_list[0].slice_start_time == 1623123456);
    assert_true(web->payload.has_onhold);
    assert_false(web->payload.onhold);
    assert_int_equal(web->payload.state, ACR_STATE_EXIT);
    assert_int_equal(web->payload.uploading_status, ACR_UPLOADING_STATUS_UNSET);
    acr_stop_response_free(&r);
    free(json);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_schema_paths_are_the_operation_tables),
        cmocka_unit_test(test_every_request_example_parses_validates_and_round_trips),
        cmocka_unit_test(test_every_response_example_parses_and_round_trips),
        cmocka_unit_test(test_update_page_request_example),
        cmocka_unit_test(test_update_storage_config_and_web_request_examples),
        cmocka_unit_test(test_stop_request_examples),
        cmocka_unit_test(test_update_page_response_example),
        cmocka_unit_test(test_stop_page_response_example),
        cmocka_unit_test(test_stop_individual_and_mix_response_examples),
        cmocka_unit_test(test_stop_web_response_example),
    };
    return cmocka_run_group_tests(tests, load_schema, free_schema);
}
