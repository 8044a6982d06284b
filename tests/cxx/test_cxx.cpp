// A C++17 program using the public headers as a C++ consumer would: every
// header (acr_all_headers.hpp, written by CMake), the _INIT macros and
// ACR_CLIENT_OPTIONS_INIT, validate, serialize, parse and a client. Compiled
// with -Wall -Wextra -Wpedantic -Werror, so a header that stops being clean C++
// (say, an _INIT macro that -Wmissing-field-initializers flags) fails the build.
#include "acr_all_headers.hpp"

#include <cstdio>
#include <cstring>
#include <string>

namespace {

int failures = 0;

void check(bool ok, const char *what, int line)
{
    if (!ok) {
        std::fprintf(stderr, "test_cxx.cpp:%d: check failed: %s\n", line, what);
        failures++;
    }
}
#define CHECK(x) check((x), #x, __LINE__)

void update_request_round_trip()
{
    const char *audio[] = {"#allstream#"};
    acr_update_request req = ACR_UPDATE_REQUEST_INIT;
    req.cname = "httpClient463224";
    req.uid = "527841";
    req.client_request.has_stream_subscribe = true;
    req.client_request.stream_subscribe.has_audio_uid_list = true;
    req.client_request.stream_subscribe.audio_uid_list.subscribe_audio_uids = audio;
    req.client_request.stream_subscribe.audio_uid_list.subscribe_audio_uids_count = 1;

    acr_error err = ACR_ERROR_INIT;
    CHECK(acr_update_request_validate(&req, ACR_MODE_INDIVIDUAL, &err) == ACR_OK);
    char *json = nullptr;
    size_t length = 0;
    CHECK(acr_update_request_to_json(&req, &json, &length, &err) == ACR_OK);
    const std::string expected = "{\"cname\":\"httpClient463224\",\"uid\":\"527841\",\"clientRequest\":"
                                 "{\"streamSubscribe\":{\"audioUidList\":{\"subscribeAudioUids\":[\"#allstream#\"]}}}}";
    CHECK(json != nullptr && std::string(json, length) == expected);
    acr_free(json);

    // Web mode has no streamSubscribe: one violation, with its pointer.
    CHECK(acr_update_request_validate(&req, ACR_MODE_WEB, &err) == ACR_ERR_INVALID_REQUEST);
    CHECK(err.violation_count == 1);
    CHECK(err.violation_count == 1 && std::strcmp(err.violations[0].pointer, "/clientRequest/streamSubscribe") == 0);
    acr_error_clear(&err);
}

void stop_request_and_response()
{
    acr_stop_request req = ACR_STOP_REQUEST_INIT;
    req.cname = "c";
    req.uid = "1";
    req.client_request.has_async_stop = true;
    req.client_request.async_stop = true;
    acr_error err = ACR_ERROR_INIT;
    CHECK(acr_stop_request_validate(&req, ACR_MODE_MIX, &err) == ACR_OK);
    char *json = nullptr;
    size_t length = 0;
    CHECK(acr_stop_request_to_json(&req, &json, &length, &err) == ACR_OK);
    CHECK(json != nullptr && std::string(json, length) == "{\"cname\":\"c\",\"uid\":\"1\",\"clientRequest\":{\"async_stop\":true}}");
    acr_free(json);

    const std::string body = "{\"resourceId\":\"r\",\"sid\":\"s\",\"serverResponse\":{\"uploadingStatus\":\"uploaded\"}}";
    acr_stop_response resp = ACR_STOP_RESPONSE_INIT;
    CHECK(acr_stop_response_parse(body.data(), body.size(), &resp, &err) == ACR_OK);
    CHECK(resp.sid != nullptr && std::strcmp(resp.sid, "s") == 0);
    acr_stop_response_free(&resp);
    acr_error_clear(&err);
}

void client_options()
{
    acr_client_options options = ACR_CLIENT_OPTIONS_INIT;
    acr_client *client = nullptr;
    acr_error err = ACR_ERROR_INIT;
    // No app ID or credentials: a usage error, and no client.
    CHECK(acr_client_new(&options, &client, &err) == ACR_ERR_USAGE);
    CHECK(client == nullptr);
    acr_error_clear(&err);

    options.app_id = "app";
    options.customer_id = "id";
    options.customer_secret = "secret";
    options.base_url = "http://127.0.0.1:9";
    CHECK(acr_client_new(&options, &client, &err) == ACR_OK);
    acr_client_free(client);

    acr_update_params params = ACR_UPDATE_PARAMS_INIT;
    acr_stop_params stop_params = ACR_STOP_PARAMS_INIT;
    CHECK(params.resource_id == nullptr && stop_params.sid == nullptr);
    acr_error_clear(&err);
}

// The async API (acr/loop.h, which includes <poll.h>) from C++: the typed
// wrapper's exact type, a captureless lambda as the done callback, a loop on
// a client, and an invalid request refused before anything starts.
void async_update()
{
    acr_status (*start)(acr_loop *, const acr_update_params *, const acr_update_request *, acr_update_response *,
                        acr_done_fn, void *, acr_transfer **, acr_error *) = acr_update_async;
    acr_done_fn done = [](void *ctx, acr_transfer *, acr_status, acr_error *) { ++*static_cast<int *>(ctx); };

    acr_client_options options = ACR_CLIENT_OPTIONS_INIT;
    options.app_id = "app";
    options.customer_id = "id";
    options.customer_secret = "secret";
    options.base_url = "http://127.0.0.1:9";
    acr_client *client = nullptr;
    acr_error err = ACR_ERROR_INIT;
    CHECK(acr_client_new(&options, &client, &err) == ACR_OK);
    acr_loop_options loop_options = ACR_LOOP_OPTIONS_INIT;
    acr_loop *loop = nullptr;
    CHECK(acr_loop_new(client, &loop_options, &loop, &err) == ACR_OK);

    acr_update_params params = ACR_UPDATE_PARAMS_INIT;
    params.resource_id = "rid";
    params.sid = "sid";
    params.mode = ACR_MODE_MIX;
    acr_update_request req = ACR_UPDATE_REQUEST_INIT; // no cname, no uid: invalid
    acr_update_response resp = ACR_UPDATE_RESPONSE_INIT;
    int calls = 0;
    acr_transfer *transfer = nullptr;
    CHECK(start(loop, &params, &req, &resp, done, &calls, &transfer, &err) == ACR_ERR_INVALID_REQUEST);
    CHECK(transfer == nullptr && calls == 0 && acr_loop_active(loop) == 0);
    CHECK(acr_loop_free(loop) == ACR_OK);
    acr_update_response_free(&resp);
    acr_error_clear(&err);
    acr_client_free(client);
}

} // namespace

int main()
{
    std::printf("acr %s (compiled against %s) from C++ %ld\n", acr_version(), ACR_VERSION_STRING,
                static_cast<long>(__cplusplus));
    update_request_round_trip();
    stop_request_and_response();
    client_options();
    async_update();
    if (failures) {
        std::printf("%d check(s) failed\n", failures);
        return 1;
    }
    std::printf("all checks passed\n");
    return 0;
}
