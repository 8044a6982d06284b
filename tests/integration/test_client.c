/* Integration tests: the C library (acr_update, acr_stop) against the loopback
 * mock of the service, mock/agora_mock.py, which this program starts itself
 * (mock_process.c) and drives through its control API (/__mock/...).
 *
 * Every test starts from the mock's initial recordings with no faults and fresh
 * statistics, and a fresh client (retries off, so that each test sees exactly
 * the answer it asked for; the retry tests turn them on with 20 ms delays) whose
 * log lines are collected. Every error a call returns, and every log line, is
 * checked for secrets (customer ID and secret, their Basic auth token,
 * accessKey, secretKey, stsToken) whatever the test is about.
 *
 * No sleep makes a result come out right: the only waits are bounded polls for
 * the mock to listen and for it to record a stalled request (it does so when
 * the client leaves). Elapsed times are only checked as loose bounds around a
 * configured timeout.
 *
 * Which category for a 200 whose body is bad (docs/DESIGN.md: "Only HTTP 200 is
 * success"; README's error table):
 * - the whole answer arrived, as its framing (Content-Length, or the last chunk)
 *   says, but it is not a valid response document (not JSON, wrong types, empty,
 *   larger than the cap): ACR_ERR_INVALID_RESPONSE. The exchange worked; the
 *   service (or something in between) answered wrongly, and retrying the same
 *   call is not expected to help.
 * - the connection ended before the framing said the answer was complete
 *   (truncated_200): ACR_ERR_TRANSPORT. The bytes we hold are a prefix, not the
 *   service's answer, so nothing can be said about the answer itself; it is the
 *   same failure as a reset connection, and a retry may well succeed. (A prefix
 *   of valid JSON never fails to parse, so this cannot depend on where the cut
 *   falls.) */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <curl/curl.h>

#include "mock_process.h"
#include "support.h"

#define APP "acr-it-app"
#define CNAME "httpClient463224"
#define UID "527841"

/* Credentials the mock is started with, and the values the secret checks look for. */
#define CUSTOMER_ID "acr-it-customer-7Q2w"
#define CUSTOMER_SECRET "acr-it-secret-9Zx4"
#define WRONG_SECRET "acr-it-wrong-secret-3Kp0"
#define ACCESS_KEY "AKIAacritAccess5521"
#define SECRET_KEY "acritSecretKey88340"
#define STS_TOKEN "acritStsToken44190"

#define AUDIO "/clientRequest/streamSubscribe/audioUidList"

static mock_process mock;

/* --- secrets ------------------------------------------------------------ */

static char basic_token[128];       /* base64("CUSTOMER_ID:CUSTOMER_SECRET") */
static char wrong_basic_token[128]; /* base64("CUSTOMER_ID:WRONG_SECRET") */

static void base64(const char *in, char *out, size_t size)
{
    static const char abc[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    size_t n = strlen(in), k = 0;
    assert_true((n + 2) / 3 * 4 < size);
    for (size_t i = 0; i < n; i += 3) {
        unsigned v = (unsigned)(unsigned char)in[i] << 16;
        if (i + 1 < n)
            v |= (unsigned)(unsigned char)in[i + 1] << 8;
        if (i + 2 < n)
            v |= (unsigned char)in[i + 2];
        out[k++] = abc[(v >> 18) & 63];
        out[k++] = abc[(v >> 12) & 63];
        out[k++] = i + 1 < n ? abc[(v >> 6) & 63] : '=';
        out[k++] = i + 2 < n ? abc[v & 63] : '=';
    }
    out[k] = '\0';
}

static void assert_no_secret(const char *text, const char *where)
{
    if (!text)
        return;
    const char *secrets[] = {CUSTOMER_ID, CUSTOMER_SECRET, WRONG_SECRET, ACCESS_KEY,
                             SECRET_KEY, STS_TOKEN, basic_token, wrong_basic_token};
    for (size_t i = 0; i < sizeof secrets / sizeof secrets[0]; i++)
        if (strstr(text, secrets[i]))
            fail_msg("a secret (%s) appears in %s: %s", secrets[i], where, text);
}

static void assert_error_clean(const acr_error *err)
{
    assert_no_secret(err->message, "err.message");
    assert_no_secret(err->reason, "err.reason");
    assert_no_secret(err->request_id, "err.request_id");
    assert_no_secret(err->pointer, "err.pointer");
    for (size_t i = 0; i < err->violation_count; i++) {
        assert_no_secret(err->violations[i].pointer, "a violation's pointer");
        assert_no_secret(err->violations[i].message, "a violation's message");
    }
}

/* --- the client's log, collected from any thread ------------------------ */

typedef struct log_lines {
    pthread_mutex_t lock;
    char **lines;
    size_t count;
} log_lines;

static log_lines logs = {PTHREAD_MUTEX_INITIALIZER, NULL, 0};

static void collect_log(void *ctx, const char *line)
{
    log_lines *l = ctx;
    pthread_mutex_lock(&l->lock);
    char **grown = realloc(l->lines, (l->count + 1) * sizeof *grown);
    if (grown) {
        l->lines = grown;
        l->lines[l->count++] = support_strndup(line, strlen(line));
    }
    pthread_mutex_unlock(&l->lock);
}

static void clear_logs(void)
{
    for (size_t i = 0; i < logs.count; i++)
        free(logs.lines[i]);
    free(logs.lines);
    logs.lines = NULL;
    logs.count = 0;
}

/* --- the mock's control API ----------------------------------------------- */

static void control(const char *path, const char *body)
{
    char *answer = NULL;
    long status = mock_request(&mock, "POST", path, body, &answer);
    if (status < 200 || status > 299)
        fail_msg("POST %s %s -> %ld %s", path, body ? body : "", status, answer ? answer : "");
    free(answer);
}

static void add_fault(const char *rule)
{
    control("/__mock/faults", rule);
}

static void set_update_delay(int ms)
{
    char body[64];
    snprintf(body, sizeof body, "{\"update_delay_ms\": %d}", ms);
    control("/__mock/config", body);
}

/* The mock's /__mock/state; yajl_tree_free() it. */
static yajl_val mock_state(void)
{
    char *answer = NULL;
    long status = mock_request(&mock, "GET", "/__mock/state", NULL, &answer);
    if (status != 200 || !answer)
        fail_msg("GET /__mock/state -> %ld", status);
    yajl_val v = support_tree(answer);
    free(answer);
    return v;
}

static yajl_val find_recording(yajl_val state, const char *appid, const char *rid, const char *sid)
{
    yajl_val list = support_array_member(state, "recordings");
    for (size_t i = 0; i < YAJL_GET_ARRAY(list)->len; i++) {
        yajl_val r = YAJL_GET_ARRAY(list)->values[i];
        if (strcmp(support_string_member(r, "appid"), appid) == 0 && strcmp(support_string_member(r, "resourceId"), rid) == 0 &&
            strcmp(support_string_member(r, "sid"), sid) == 0)
            return r;
    }
    fail_msg("the mock has no recording %s/%s/%s", appid, rid, sid);
    return NULL;
}

static size_t request_count(yajl_val state)
{
    return YAJL_GET_ARRAY(support_array_member(state, "requests"))->len;
}

static yajl_val last_request(yajl_val state)
{
    yajl_val list = support_array_member(state, "requests");
    size_t n = YAJL_GET_ARRAY(list)->len;
    if (n == 0)
        fail_msg("the mock received no service request");
    return YAJL_GET_ARRAY(list)->values[n - 1];
}

/* A recording's field, read from a fresh state. */
static long long recording_int(const char *rid, const char *sid, const char *key)
{
    yajl_val state = mock_state();
    long long v = support_int_member(find_recording(state, APP, rid, sid), key);
    yajl_tree_free(state);
    return v;
}

/* The mock records a stalled request only when the stall ends (the client has
 * left): wait, bounded, until it has recorded `n` service requests. */
static void wait_for_requests(long long n)
{
    for (int i = 0; i < 3000; i++) { /* generous: a loaded machine only waits longer */
        yajl_val state = mock_state();
        long long have = support_int_member(state, "requests_total");
        yajl_tree_free(state);
        if (have >= n)
            return;
        struct timespec t = {0, 10 * 1000000L};
        nanosleep(&t, NULL);
    }
    fail_msg("the mock did not record %lld requests within 30 s", n);
}

static void assert_nothing_sent(void)
{
    yajl_val state = mock_state();
    assert_int_equal(support_int_member(state, "requests_total"), 0);
    assert_int_equal(support_int_member(state, "api_connections"), 0);
    assert_int_equal(request_count(state), 0);
    yajl_tree_free(state);
}

/* The service request the mock saw last: its path and (redacted) body. */
static void assert_last_request(const char *path, const char *body_json)
{
    yajl_val state = mock_state();
    yajl_val r = last_request(state);
    assert_string_equal(support_string_member(r, "method"), "POST");
    assert_string_equal(support_string_member(r, "path"), path);
    assert_true(YAJL_IS_TRUE(support_member(r, "authorization_present")));
    if (body_json) {
        char *body = support_tree_to_json(support_member(r, "body"));
        support_assert_same_json(body_json, body);
        free(body);
    }
    yajl_tree_free(state);
}

/* --- clients ------------------------------------------------------------- */

static acr_client *client; /* the test's default client */

static acr_client_options default_options(void)
{
    acr_client_options o = {0};
    o.app_id = APP;
    o.customer_id = CUSTOMER_ID;
    o.customer_secret = CUSTOMER_SECRET;
    o.base_url = mock.base_url;
    o.log = collect_log;
    o.log_ctx = &logs;
    /* One attempt: each test sees exactly the answer it asked the mock for.
     * The retry tests below turn retries on, with short delays. */
    o.retry.disabled = 1;
    return o;
}

static acr_client *new_client(const acr_client_options *o)
{
    acr_client *c = NULL;
    acr_error err = ACR_ERROR_INIT;
    acr_status status = acr_client_new(o, &c, &err);
    if (status != ACR_OK)
        fail_msg("acr_client_new: %s", err.message);
    assert_non_null(c);
    acr_error_clear(&err);
    return c;
}

/* --- requests ---------------------------------------------------------------- */

static const char *const ALL_STREAMS[] = {"#allstream#"};
static const char *const SOME_UIDS[] = {"444"};

static acr_update_request subscribe_request(void)
{
    acr_update_request req = ACR_UPDATE_REQUEST_INIT;
    req.cname = CNAME;
    req.uid = UID;
    acr_stream_subscribe *s = &req.client_request.stream_subscribe;
    req.client_request.has_stream_subscribe = true;
    s->has_audio_uid_list = true;
    s->audio_uid_list.subscribe_audio_uids = ALL_STREAMS;
    s->audio_uid_list.subscribe_audio_uids_count = 1;
    s->has_video_uid_list = true;
    s->video_uid_list.unsubscribe_video_uids = SOME_UIDS;
    s->video_uid_list.unsubscribe_video_uids_count = 1;
    return req;
}

#define SUBSCRIBE_BODY                                                                             \
    "{\"cname\":\"" CNAME "\",\"uid\":\"" UID "\",\"clientRequest\":{\"streamSubscribe\":{"        \
    "\"audioUidList\":{\"subscribeAudioUids\":[\"#allstream#\"]},"                                 \
    "\"videoUidList\":{\"unsubscribeVideoUids\":[\"444\"]}}}}"

static acr_update_request web_request(bool onhold)
{
    acr_update_request req = ACR_UPDATE_REQUEST_INIT;
    req.cname = CNAME;
    req.uid = UID;
    req.client_request.has_web_recording_config = true;
    req.client_request.web_recording_config.has_onhold = true;
    req.client_request.web_recording_config.onhold = onhold;
    return req;
}

/* A valid update that carries every secret of the request body. */
static acr_update_request storage_request(void)
{
    acr_update_request req = ACR_UPDATE_REQUEST_INIT;
    req.cname = CNAME;
    req.uid = UID;
    req.client_request.has_storage_config = true;
    acr_storage_config *s = &req.client_request.storage_config;
    s->has_vendor = true;
    s->vendor = ACR_VENDOR_AMAZON_S3;
    s->has_region = true;
    s->region = 0;
    s->bucket = "my-recordings";
    s->access_key = ACCESS_KEY;
    s->secret_key = SECRET_KEY;
    s->sts_token = STS_TOKEN;
    s->has_sts_expiration = true;
    s->sts_expiration = UINT64_MAX;
    return req;
}

static acr_stop_request stop_request(void)
{
    acr_stop_request req = ACR_STOP_REQUEST_INIT;
    req.cname = CNAME;
    req.uid = UID;
    req.client_request.has_async_stop = true;
    req.client_request.async_stop = true;
    return req;
}

/* The calls, with every error checked for secrets. */
static acr_status update_on(acr_client *c, const char *rid, const char *sid, acr_mode mode,
                            const acr_update_request *req, acr_update_response *resp, acr_error *err)
{
    acr_update_params params = ACR_UPDATE_PARAMS_INIT;
    params.resource_id = rid;
    params.sid = sid;
    params.mode = mode;
    acr_status status = acr_update(c, &params, req, resp, err);
    assert_int_equal(err->status, status);
    assert_error_clean(err);
    return status;
}

static acr_status stop_on(acr_client *c, const char *rid, const char *sid, acr_mode mode, acr_stop_response *resp,
                          acr_error *err)
{
    acr_stop_params params = ACR_STOP_PARAMS_INIT;
    params.resource_id = rid;
    params.sid = sid;
    params.mode = mode;
    acr_stop_request req = stop_request();
    acr_status status = acr_stop(c, &params, &req, resp, err);
    assert_int_equal(err->status, status);
    assert_error_clean(err);
    return status;
}

/* An update with the default client and the subscribe body; only the status matters. */
static acr_status simple_update(const char *rid, const char *sid, acr_mode mode, acr_error *err)
{
    acr_update_request req = subscribe_request();
    acr_update_response resp = ACR_UPDATE_RESPONSE_INIT;
    acr_status status = update_on(client, rid, sid, mode, &req, &resp, err);
    if (status == ACR_ERR_HTTP || status == ACR_ERR_USAGE) {
        assert_null(resp.cname); /* nothing parsed from an error answer */
        assert_null(resp.sid);
    }
    acr_update_response_free(&resp);
    return status;
}

/* --- checks of errors ---------------------------------------------------- */

/* ACR_ERR_HTTP with exactly this status, service code (code < 0: none) and
 * reason (NULL: none), and the X-Request-ID of the mock's last request. */
static void assert_http_error(const acr_error *err, acr_status status, int http_status, long long code,
                              const char *reason)
{
    if (status != ACR_ERR_HTTP)
        fail_msg("expected ACR_ERR_HTTP, got %s: %s", acr_status_name(status), err->message);
    assert_int_equal(err->status, ACR_ERR_HTTP);
    assert_int_equal(err->http_status, http_status);
    if (code < 0) {
        assert_false(err->has_service_code);
    } else {
        assert_true(err->has_service_code);
        assert_int_equal(err->service_code, code);
    }
    if (reason) {
        assert_non_null(err->reason);
        assert_string_equal(err->reason, reason);
    } else {
        assert_null(err->reason);
    }
    char prefix[32];
    snprintf(prefix, sizeof prefix, "HTTP %d", http_status);
    assert_memory_equal(err->message, prefix, strlen(prefix));
    yajl_val state = mock_state();
    assert_non_null(err->request_id);
    assert_string_equal(err->request_id, support_string_member(last_request(state), "request_id"));
    assert_non_null(strstr(err->message, err->request_id));
    yajl_tree_free(state);
}

static void assert_status(acr_status status, const acr_error *err, acr_status expected)
{
    if (status != expected)
        fail_msg("expected %s, got %s: %s", acr_status_name(expected), acr_status_name(status), err->message);
    assert_int_equal(err->status, expected);
    assert_true(err->message[0] != '\0');
}

/* --- checks of stop answers, field by field -------------------------------- */

static void assert_ids(const char *cname, const char *uid, const char *rid, const char *sid, const char *want_rid,
                       const char *want_sid)
{
    assert_non_null(cname);
    assert_string_equal(cname, CNAME);
    assert_non_null(uid);
    assert_string_equal(uid, UID);
    assert_non_null(rid);
    assert_string_equal(rid, want_rid);
    assert_non_null(sid);
    assert_string_equal(sid, want_sid);
}

static void assert_file_entry(const acr_file_entry *f, const char *name, acr_track_type track, const char *uid,
                              bool mixed, long long start)
{
    assert_non_null(f->file_name);
    assert_string_equal(f->file_name, name);
    assert_int_equal(f->track_type, track);
    assert_null(f->track_type_other);
    assert_non_null(f->uid);
    assert_string_equal(f->uid, uid);
    assert_true(f->has_mixed_all_user);
    assert_int_equal(f->mixed_all_user, mixed);
    assert_true(f->has_is_playable);
    assert_true(f->is_playable);
    assert_true(f->has_slice_start_time);
    assert_int_equal(f->slice_start_time, start);
}

/* Individual mode, json file list: one audio and one video file of uid 123. */
static void assert_individual_stop(const acr_stop_response *r, const char *rid, const char *sid, long long start)
{
    assert_ids(r->cname, r->uid, r->resource_id, r->sid, rid, sid);
    assert_true(r->has_server_response);
    const acr_server_response *s = &r->server_response;
    assert_int_equal(s->uploading_status, ACR_UPLOADING_STATUS_UPLOADED);
    assert_null(s->uploading_status_other);
    assert_int_equal(s->file_list_mode, ACR_FILE_LIST_MODE_JSON);
    assert_null(s->file_list_mode_other);
    assert_null(s->file_list);
    assert_null(s->extension_service_state);
    assert_int_equal(s->extension_service_state_count, 0);
    assert_non_null(s->file_list_items);
    assert_int_equal(s->file_list_count, 2);
    char name[256];
    snprintf(name, sizeof name, "%s_%s__uid_s_123__uid_e_audio.m3u8", sid, CNAME);
    assert_file_entry(&s->file_list_items[0], name, ACR_TRACK_TYPE_AUDIO, "123", false, start);
    snprintf(name, sizeof name, "%s_%s__uid_s_123__uid_e_video.m3u8", sid, CNAME);
    assert_file_entry(&s->file_list_items[1], name, ACR_TRACK_TYPE_VIDEO, "123", false, start);
}

/* Composite mode, json file list: an m3u8 and an mp4 of all users (uid "0"). */
static void assert_mix_json_stop(const acr_stop_response *r, const char *rid, const char *sid, long long start)
{
    assert_ids(r->cname, r->uid, r->resource_id, r->sid, rid, sid);
    assert_true(r->has_server_response);
    const acr_server_response *s = &r->server_response;
    assert_int_equal(s->uploading_status, ACR_UPLOADING_STATUS_UPLOADED);
    assert_int_equal(s->file_list_mode, ACR_FILE_LIST_MODE_JSON);
    assert_null(s->file_list);
    assert_null(s->extension_service_state);
    assert_int_equal(s->extension_service_state_count, 0);
    assert_non_null(s->file_list_items);
    assert_int_equal(s->file_list_count, 2);
    char name[256];
    snprintf(name, sizeof name, "%s_%s.m3u8", sid, CNAME);
    assert_file_entry(&s->file_list_items[0], name, ACR_TRACK_TYPE_AUDIO_AND_VIDEO, "0", true, start);
    snprintf(name, sizeof name, "%s_%s_0.mp4", sid, CNAME);
    assert_file_entry(&s->file_list_items[1], name, ACR_TRACK_TYPE_AUDIO_AND_VIDEO, "0", true, start);
}

/* Composite mode, string file list: the m3u8's name. */
static void assert_mix_string_stop(const acr_stop_response *r, const char *rid, const char *sid)
{
    assert_ids(r->cname, r->uid, r->resource_id, r->sid, rid, sid);
    assert_true(r->has_server_response);
    const acr_server_response *s = &r->server_response;
    assert_int_equal(s->uploading_status, ACR_UPLOADING_STATUS_UPLOADED);
    assert_int_equal(s->file_list_mode, ACR_FILE_LIST_MODE_STRING);
    char name[256];
    snprintf(name, sizeof name, "%s_%s.m3u8", sid, CNAME);
    assert_non_null(s->file_list);
    assert_string_equal(s->file_list, name);
    assert_null(s->file_list_items);
    assert_int_equal(s->file_list_count, 0);
    assert_null(s->extension_service_state);
    assert_int_equal(s->extension_service_state_count, 0);
}

/* Web mode: upload_service, then web_recorder_service with one mp4. */
static void assert_web_stop(const acr_stop_response *r, const char *rid, const char *sid, long long start,
                            bool onhold)
{
    assert_ids(r->cname, r->uid, r->resource_id, r->sid, rid, sid);
    assert_true(r->has_server_response);
    const acr_server_response *s = &r->server_response;
    assert_int_equal(s->uploading_status, ACR_UPLOADING_STATUS_UNSET);
    assert_int_equal(s->file_list_mode, ACR_FILE_LIST_MODE_UNSET);
    assert_null(s->file_list);
    assert_null(s->file_list_items);
    assert_int_equal(s->file_list_count, 0);
    assert_non_null(s->extension_service_state);
    assert_int_equal(s->extension_service_state_count, 2);

    const acr_extension_service_state *upload = &s->extension_service_state[0];
    assert_int_equal(upload->service_name, ACR_SERVICE_NAME_UPLOAD_SERVICE);
    assert_null(upload->service_name_other);
    assert_true(upload->has_payload);
    assert_int_equal(upload->payload.uploading_status, ACR_UPLOADING_STATUS_UPLOADED);
    assert_null(upload->payload.file_list);
    assert_int_equal(upload->payload.file_list_count, 0);
    assert_false(upload->payload.has_onhold);
    assert_int_equal(upload->payload.state, ACR_STATE_UNSET);

    const acr_extension_service_state *web = &s->extension_service_state[1];
    assert_int_equal(web->service_name, ACR_SERVICE_NAME_WEB_RECORDER_SERVICE);
    assert_true(web->has_payload);
    assert_int_equal(web->payload.uploading_status, ACR_UPLOADING_STATUS_UNSET);
    assert_non_null(web->payload.file_list);
    assert_int_equal(web->payload.file_list_count, 1);
    char name[256];
    snprintf(name, sizeof name, "%s_%s_0.mp4", sid, CNAME);
    assert_non_null(web->payload.file_list[0].filename);
    assert_string_equal(web->payload.file_list[0].filename, name);
    assert_true(web->payload.file_list[0].has_slice_start_time);
    assert_int_equal(web->payload.file_list[0].slice_start_time, start);
    assert_true(web->payload.has_onhold);
    assert_int_equal(web->payload.onhold, onhold);
    assert_int_equal(web->payload.state, ACR_STATE_EXIT);
    assert_null(web->payload.state_other);
}

static unsigned short refusing_port(int *fd);

/* --- fixtures -------------------------------------------------------------- */

static int group_setup(void **state)
{
    (void)state;
    char pair[128];
    snprintf(pair, sizeof pair, "%s:%s", CUSTOMER_ID, CUSTOMER_SECRET);
    base64(pair, basic_token, sizeof basic_token);
    snprintf(pair, sizeof pair, "%s:%s", CUSTOMER_ID, WRONG_SECRET);
    base64(pair, wrong_basic_token, sizeof wrong_basic_token);

    const char *args[] = {
        "--customer-id", CUSTOMER_ID, "--customer-secret", CUSTOMER_SECRET,
        "--recording", "individual," APP ",rid-ind,sid-ind," CNAME "," UID,
        "--recording", "mix," APP ",rid-mix,sid-mix," CNAME "," UID,
        "--recording", "mix," APP ",rid-mixs,sid-mixs," CNAME "," UID ",string",
        "--recording", "web," APP ",rid-web,sid-web," CNAME "," UID,
        NULL};
    if (mock_start(&mock, args, 20000) != 0)
        return -1;
    /* The library initialises libcurl on the first client: let it, before
     * the control API helper uses libcurl. */
    acr_client_options o = default_options();
    o.log = NULL;
    acr_client *c = NULL;
    acr_error err = ACR_ERROR_INIT;
    if (acr_client_new(&o, &c, &err) != ACR_OK) {
        fprintf(stderr, "acr_client_new: %s\n", err.message);
        mock_stop(&mock);
        return -1;
    }
    acr_client_free(c);
    return 0;
}

static int group_teardown(void **state)
{
    (void)state;
    mock_stop(&mock);
    clear_logs();
    curl_global_cleanup(); /* balances the control helper's implicit curl_global_init */
    return 0;
}

static int setup(void **state)
{
    (void)state;
    control("/__mock/reset", "{\"recordings\": \"initial\"}");
    set_update_delay(0);
    clear_logs();
    acr_client_options o = default_options();
    client = new_client(&o);
    return 0;
}

/* Every log line of every test: free of secrets, and the documented shape. */
static int teardown(void **state)
{
    (void)state;
    acr_client_free(client);
    client = NULL;
    for (size_t i = 0; i < logs.count; i++) {
        const char *line = logs.lines[i];
        assert_no_secret(line, "a log line");
        bool call = (strncmp(line, "POST http://", 12) == 0 || strncmp(line, "GET http://", 11) == 0) &&
                    strstr(line, " -> ") && strstr(line, " ms)");
        bool retry = strncmp(line, "retrying in ", 12) == 0;
        if (!call && !retry)
            fail_msg("log line neither 'POST URL -> STATUS (T ms)' nor 'retrying in ...': %s", line);
    }
    clear_logs();
    return 0;
}

/* === update in each mode ================================================ */

static void test_update_individual(void **state)
{
    (void)state;
    acr_update_request req = subscribe_request();
    acr_update_response resp = ACR_UPDATE_RESPONSE_INIT;
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(update_on(client, "rid-ind", "sid-ind", ACR_MODE_INDIVIDUAL, &req, &resp, &err), ACR_OK);
    assert_ids(resp.cname, resp.uid, resp.resource_id, resp.sid, "rid-ind", "sid-ind");
    assert_string_equal(err.message, "");
    acr_update_response_free(&resp);
    assert_null(resp.cname);
    acr_update_response_free(&resp); /* twice is safe */

    assert_last_request("/v1/apps/" APP "/cloud_recording/resourceid/rid-ind/sid/sid-ind/mode/individual/update",
                        SUBSCRIBE_BODY);
    assert_int_equal(recording_int("rid-ind", "sid-ind", "updates"), 1);
    assert_int_equal(logs.count, 1);
    assert_non_null(strstr(logs.lines[0], "/mode/individual/update -> 200 ("));
}

static void test_update_mix(void **state)
{
    (void)state;
    acr_update_request req = subscribe_request();
    acr_update_response resp = ACR_UPDATE_RESPONSE_INIT;
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(update_on(client, "rid-mix", "sid-mix", ACR_MODE_MIX, &req, &resp, &err), ACR_OK);
    assert_ids(resp.cname, resp.uid, resp.resource_id, resp.sid, "rid-mix", "sid-mix");
    acr_update_response_free(&resp);
    assert_last_request("/v1/apps/" APP "/cloud_recording/resourceid/rid-mix/sid/sid-mix/mode/mix/update",
                        SUBSCRIBE_BODY);
    assert_int_equal(recording_int("rid-mix", "sid-mix", "updates"), 1);
}

/* Web mode: onhold reaches the service, and its stop answer shows it. */
static void test_update_web(void **state)
{
    (void)state;
    acr_update_request req = web_request(true);
    acr_update_response resp = ACR_UPDATE_RESPONSE_INIT;
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(update_on(client, "rid-web", "sid-web", ACR_MODE_WEB, &req, &resp, &err), ACR_OK);
    assert_ids(resp.cname, resp.uid, resp.resource_id, resp.sid, "rid-web", "sid-web");
    acr_update_response_free(&resp);
    assert_last_request("/v1/apps/" APP "/cloud_recording/resourceid/rid-web/sid/sid-web/mode/web/update",
                        "{\"cname\":\"" CNAME "\",\"uid\":\"" UID "\",\"clientRequest\":"
                        "{\"webRecordingConfig\":{\"onhold\":true}}}");
    yajl_val st = mock_state();
    yajl_val rec = find_recording(st, APP, "rid-web", "sid-web");
    assert_true(YAJL_IS_TRUE(support_member(rec, "onhold")));
    long long start = support_int_member(rec, "createdAt");
    yajl_tree_free(st);

    acr_stop_response stop = ACR_STOP_RESPONSE_INIT;
    assert_int_equal(stop_on(client, "rid-web", "sid-web", ACR_MODE_WEB, &stop, &err), ACR_OK);
    assert_web_stop(&stop, "rid-web", "sid-web", start, true);
    acr_stop_response_free(&stop);
}

/* The secrets of a storageConfig go to the service (the mock stores them
 * redacted), and an update with them succeeds. */
static void test_update_storage_config(void **state)
{
    (void)state;
    acr_update_request req = storage_request();
    acr_update_response resp = ACR_UPDATE_RESPONSE_INIT;
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(update_on(client, "rid-ind", "sid-ind", ACR_MODE_INDIVIDUAL, &req, &resp, &err), ACR_OK);
    acr_update_response_free(&resp);
    assert_last_request("/v1/apps/" APP "/cloud_recording/resourceid/rid-ind/sid/sid-ind/mode/individual/update",
                        "{\"cname\":\"" CNAME "\",\"uid\":\"" UID "\",\"clientRequest\":{\"storageConfig\":"
                        "{\"vendor\":1,\"region\":0,\"bucket\":\"my-recordings\",\"accessKey\":\"[REDACTED]\","
                        "\"secretKey\":\"[REDACTED]\",\"stsToken\":\"[REDACTED]\","
                        "\"stsExpiration\":18446744073709551615}}}");
}

/* A body larger than the 4 KiB a call serializes it into on the stack is sent
 * whole: it moves to the heap buffer midway. */
static void test_update_body_past_stack_buffer(void **state)
{
    (void)state;
    static char tag[6001];
    memset(tag, 't', sizeof tag - 1);
    acr_update_request req = storage_request();
    acr_storage_config *s = &req.client_request.storage_config;
    s->has_extension_params = true;
    s->extension_params.sse = ACR_SSE_KMS;
    s->extension_params.tag = tag;
    s->extension_params.endpoint = "s3.storage.example.com";
    acr_update_response resp = ACR_UPDATE_RESPONSE_INIT;
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(update_on(client, "rid-ind", "sid-ind", ACR_MODE_INDIVIDUAL, &req, &resp, &err), ACR_OK);
    acr_update_response_free(&resp);
    static char expected[7000];
    int n = snprintf(expected, sizeof expected,
                     "{\"cname\":\"" CNAME "\",\"uid\":\"" UID "\",\"clientRequest\":{\"storageConfig\":"
                     "{\"vendor\":1,\"region\":0,\"bucket\":\"my-recordings\",\"accessKey\":\"[REDACTED]\","
                     "\"secretKey\":\"[REDACTED]\",\"stsToken\":\"[REDACTED]\","
                     "\"stsExpiration\":18446744073709551615,\"extensionParams\":{\"sse\":\"kms\",\"tag\":\"%s\","
                     "\"endpoint\":\"s3.storage.example.com\"}}}}",
                     tag);
    assert_true(n > 0 && (size_t)n < sizeof expected);
    assert_last_request("/v1/apps/" APP "/cloud_recording/resourceid/rid-ind/sid/sid-ind/mode/individual/update",
                        expected);
}

/* === every stop answer shape =============================================== */

static long long created_at(const char *rid, const char *sid)
{
    return recording_int(rid, sid, "createdAt");
}

static void test_stop_individual_json(void **state)
{
    (void)state;
    long long start = created_at("rid-ind", "sid-ind");
    acr_stop_response resp = ACR_STOP_RESPONSE_INIT;
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(stop_on(client, "rid-ind", "sid-ind", ACR_MODE_INDIVIDUAL, &resp, &err), ACR_OK);
    assert_individual_stop(&resp, "rid-ind", "sid-ind", start);
    acr_stop_response_free(&resp);
    assert_null(resp.server_response.file_list_items);
    assert_last_request("/v1/apps/" APP "/cloud_recording/resourceid/rid-ind/sid/sid-ind/mode/individual/stop",
                        "{\"cname\":\"" CNAME "\",\"uid\":\"" UID "\",\"clientRequest\":{\"async_stop\":true}}");
    yajl_val st = mock_state();
    assert_string_equal(support_string_member(find_recording(st, APP, "rid-ind", "sid-ind"), "status"), "stopped");
    yajl_tree_free(st);
}

static void test_stop_mix_json(void **state)
{
    (void)state;
    long long start = created_at("rid-mix", "sid-mix");
    acr_stop_response resp = ACR_STOP_RESPONSE_INIT;
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(stop_on(client, "rid-mix", "sid-mix", ACR_MODE_MIX, &resp, &err), ACR_OK);
    assert_mix_json_stop(&resp, "rid-mix", "sid-mix", start);
    acr_stop_response_free(&resp);
}

static void test_stop_mix_string(void **state)
{
    (void)state;
    acr_stop_response resp = ACR_STOP_RESPONSE_INIT;
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(stop_on(client, "rid-mixs", "sid-mixs", ACR_MODE_MIX, &resp, &err), ACR_OK);
    assert_mix_string_stop(&resp, "rid-mixs", "sid-mixs");
    acr_stop_response_free(&resp);
}

static void test_stop_web(void **state)
{
    (void)state;
    long long start = created_at("rid-web", "sid-web");
    acr_stop_response resp = ACR_STOP_RESPONSE_INIT;
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(stop_on(client, "rid-web", "sid-web", ACR_MODE_WEB, &resp, &err), ACR_OK);
    assert_web_stop(&resp, "rid-web", "sid-web", start, false);
    acr_stop_response_free(&resp);
}

/* === the service's errors, each mapped exactly ================================ */

static void test_wrong_credentials_401(void **state)
{
    (void)state;
    acr_client_options o = default_options();
    o.customer_secret = WRONG_SECRET;
    acr_client *wrong = new_client(&o);
    acr_update_request req = subscribe_request();
    acr_update_response resp = ACR_UPDATE_RESPONSE_INIT;
    acr_error err = ACR_ERROR_INIT;
    acr_status status = update_on(wrong, "rid-ind", "sid-ind", ACR_MODE_INDIVIDUAL, &req, &resp, &err);
    assert_http_error(&err, status, 401, -1, "Invalid authentication credentials");
    assert_null(resp.cname);
    acr_update_response_free(&resp);
    acr_error_clear(&err);

    acr_stop_response stop = ACR_STOP_RESPONSE_INIT;
    status = stop_on(wrong, "rid-ind", "sid-ind", ACR_MODE_INDIVIDUAL, &stop, &err);
    assert_http_error(&err, status, 401, -1, "Invalid authentication credentials");
    assert_false(stop.has_server_response);
    acr_stop_response_free(&stop);
    acr_error_clear(&err);
    acr_client_free(wrong);

    yajl_val st = mock_state();
    yajl_val rec = find_recording(st, APP, "rid-ind", "sid-ind");
    assert_int_equal(support_int_member(rec, "updates"), 0);
    assert_string_equal(support_string_member(rec, "status"), "running");
    yajl_tree_free(st);
}

static void test_unknown_recording_404(void **state)
{
    (void)state;
    acr_error err = ACR_ERROR_INIT;
    acr_status status = simple_update("rid-none", "sid-none", ACR_MODE_INDIVIDUAL, &err);
    assert_http_error(&err, status, 404, 404, "failed to find worker");
    /* The right ids in the wrong mode are another recording. */
    status = simple_update("rid-ind", "sid-ind", ACR_MODE_MIX, &err);
    assert_http_error(&err, status, 404, 404, "failed to find worker");
    acr_error_clear(&err);
}

static void test_update_after_stop_404(void **state)
{
    (void)state;
    acr_stop_response stop = ACR_STOP_RESPONSE_INIT;
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(stop_on(client, "rid-mix", "sid-mix", ACR_MODE_MIX, &stop, &err), ACR_OK);
    acr_stop_response_free(&stop);
    acr_status status = simple_update("rid-mix", "sid-mix", ACR_MODE_MIX, &err);
    assert_http_error(&err, status, 404, 404, "failed to find worker");
    acr_error_clear(&err);
}

static void test_second_stop_400_49(void **state)
{
    (void)state;
    acr_stop_response stop = ACR_STOP_RESPONSE_INIT;
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(stop_on(client, "rid-web", "sid-web", ACR_MODE_WEB, &stop, &err), ACR_OK);
    acr_stop_response_free(&stop);
    acr_status status = stop_on(client, "rid-web", "sid-web", ACR_MODE_WEB, &stop, &err);
    assert_http_error(&err, status, 400, 49, "invalid operation");
    assert_false(stop.has_server_response);
    assert_null(stop.sid); /* the error body's sid is not a response */
    acr_stop_response_free(&stop);
    acr_error_clear(&err);
}

/* 206 is not success: neither network jitter (retry) nor no data (report). */
static void test_206_jitter_and_no_data(void **state)
{
    (void)state;
    acr_error err = ACR_ERROR_INIT;
    add_fault("{\"match\": \"update\", \"preset\": \"jitter\"}");
    acr_status status = simple_update("rid-ind", "sid-ind", ACR_MODE_INDIVIDUAL, &err);
    assert_http_error(&err, status, 206, 65, "request not completed");
    assert_int_equal(recording_int("rid-ind", "sid-ind", "updates"), 0);

    add_fault("{\"match\": \"stop\", \"preset\": \"jitter\"}");
    acr_stop_response stop = ACR_STOP_RESPONSE_INIT;
    status = stop_on(client, "rid-ind", "sid-ind", ACR_MODE_INDIVIDUAL, &stop, &err);
    assert_http_error(&err, status, 206, 65, "request not completed");
    assert_false(stop.has_server_response);

    add_fault("{\"match\": \"stop\", \"preset\": \"no_data\"}");
    status = stop_on(client, "rid-ind", "sid-ind", ACR_MODE_INDIVIDUAL, &stop, &err);
    assert_http_error(&err, status, 206, 435, "no recorded data");
    assert_false(stop.has_server_response);
    assert_null(stop.resource_id);
    acr_stop_response_free(&stop);
    acr_error_clear(&err);
}

static void test_429_rate_limit(void **state)
{
    (void)state;
    acr_error err = ACR_ERROR_INIT;
    add_fault("{\"match\": \"update\", \"preset\": \"rate_limit\"}");
    acr_status status = simple_update("rid-ind", "sid-ind", ACR_MODE_INDIVIDUAL, &err);
    assert_http_error(&err, status, 429, -1, "API rate limit exceeded");
    acr_error_clear(&err);
}

static void test_504_service_timeout(void **state)
{
    (void)state;
    acr_error err = ACR_ERROR_INIT;
    add_fault("{\"match\": \"update\", \"preset\": \"timeout\"}");
    acr_status status = simple_update("rid-ind", "sid-ind", ACR_MODE_INDIVIDUAL, &err);
    assert_http_error(&err, status, 504, 62, "request timeout");
    add_fault("{\"match\": \"update\", \"preset\": \"bad_params\"}");
    status = simple_update("rid-ind", "sid-ind", ACR_MODE_INDIVIDUAL, &err);
    assert_http_error(&err, status, 400, 2, "invalid parameters");
    acr_error_clear(&err);
}

/* Error bodies that are not the service's JSON: the status is all there is. */
static void test_error_bodies_not_json(void **state)
{
    (void)state;
    acr_error err = ACR_ERROR_INIT;
    add_fault("{\"match\": \"update\", \"preset\": \"html_500\"}");
    acr_status status = simple_update("rid-ind", "sid-ind", ACR_MODE_INDIVIDUAL, &err);
    assert_http_error(&err, status, 500, -1, NULL);

    add_fault("{\"match\": \"update\", \"status\": 503, \"body\": \"\"}");
    status = simple_update("rid-ind", "sid-ind", ACR_MODE_INDIVIDUAL, &err);
    assert_http_error(&err, status, 503, -1, NULL);

    /* JSON of another shape ("code" a string): no code, no reason, still HTTP. */
    add_fault("{\"match\": \"update\", \"status\": 400, \"body\": {\"code\": \"x\", \"reason\": 5}}");
    status = simple_update("rid-ind", "sid-ind", ACR_MODE_INDIVIDUAL, &err);
    assert_http_error(&err, status, 400, -1, NULL);
    acr_error_clear(&err);
}

/* === 200 answers that are not valid responses ============================= */

static void assert_invalid_response(acr_status status, const acr_error *err)
{
    assert_status(status, err, ACR_ERR_INVALID_RESPONSE);
    assert_int_equal(err->http_status, 0);
    yajl_val state = mock_state();
    assert_non_null(err->request_id); /* for the vendor's support */
    assert_string_equal(err->request_id, support_string_member(last_request(state), "request_id"));
    yajl_tree_free(state);
}

static void test_200_not_json(void **state)
{
    (void)state;
    acr_error err = ACR_ERROR_INIT;
    add_fault("{\"match\": \"update\", \"preset\": \"not_json_200\"}");
    acr_status status = simple_update("rid-ind", "sid-ind", ACR_MODE_INDIVIDUAL, &err);
    assert_invalid_response(status, &err);

    add_fault("{\"match\": \"stop\", \"preset\": \"not_json_200\"}");
    acr_stop_response stop = ACR_STOP_RESPONSE_INIT;
    status = stop_on(client, "rid-ind", "sid-ind", ACR_MODE_INDIVIDUAL, &stop, &err);
    assert_invalid_response(status, &err);
    acr_stop_response_free(&stop);
    acr_error_clear(&err);
}

static void test_200_wrong_types(void **state)
{
    (void)state;
    acr_error err = ACR_ERROR_INIT;
    add_fault("{\"match\": \"update\", \"preset\": \"wrong_types_200\"}");
    acr_status status = simple_update("rid-ind", "sid-ind", ACR_MODE_INDIVIDUAL, &err);
    assert_invalid_response(status, &err);
    assert_non_null(err.pointer);
    assert_string_equal(err.pointer, "/uid");

    add_fault("{\"match\": \"stop\", \"preset\": \"wrong_types_200\"}");
    acr_stop_response stop = ACR_STOP_RESPONSE_INIT;
    status = stop_on(client, "rid-web", "sid-web", ACR_MODE_WEB, &stop, &err);
    assert_invalid_response(status, &err);
    assert_string_equal(err.pointer, "/uid");
    acr_stop_response_free(&stop);

    /* A 200 whose body is JSON but not an object. */
    add_fault("{\"match\": \"update\", \"status\": 200, \"body\": [1, 2]}");
    status = simple_update("rid-ind", "sid-ind", ACR_MODE_INDIVIDUAL, &err);
    assert_invalid_response(status, &err);
    acr_error_clear(&err);
}

static void test_200_empty(void **state)
{
    (void)state;
    acr_error err = ACR_ERROR_INIT;
    add_fault("{\"match\": \"update\", \"preset\": \"empty_200\"}");
    acr_status status = simple_update("rid-ind", "sid-ind", ACR_MODE_INDIVIDUAL, &err);
    assert_invalid_response(status, &err);
    /* Empty and chunked (only the last chunk). */
    add_fault("{\"match\": \"update\", \"preset\": \"empty_200\", \"chunk_size\": 4}");
    status = simple_update("rid-ind", "sid-ind", ACR_MODE_INDIVIDUAL, &err);
    assert_invalid_response(status, &err);
    acr_error_clear(&err);
}

/* Truncated: ACR_ERR_TRANSPORT (see the top of this file for why). */
static void test_200_truncated(void **state)
{
    (void)state;
    acr_error err = ACR_ERROR_INIT;
    add_fault("{\"match\": \"stop\", \"preset\": \"truncated_200\"}");
    acr_stop_response stop = ACR_STOP_RESPONSE_INIT;
    acr_status status = stop_on(client, "rid-ind", "sid-ind", ACR_MODE_INDIVIDUAL, &stop, &err);
    assert_status(status, &err, ACR_ERR_TRANSPORT);
    assert_int_equal(err.http_status, 200);
    acr_stop_response_free(&stop);

    /* Chunked, then the connection closes before the last chunk. */
    add_fault("{\"match\": \"update\", \"preset\": \"truncated_200\", \"chunk_size\": 7}");
    status = simple_update("rid-ind", "sid-ind", ACR_MODE_INDIVIDUAL, &err);
    assert_status(status, &err, ACR_ERR_TRANSPORT);
    acr_error_clear(&err);

    /* The client goes on working after the broken connection. */
    assert_int_equal(simple_update("rid-ind", "sid-ind", ACR_MODE_INDIVIDUAL, &err), ACR_OK);
}

/* === leniency and streaming ================================================= */

static void test_unknown_fields_skipped(void **state)
{
    (void)state;
    acr_error err = ACR_ERROR_INIT;
    add_fault("{\"match\": \"update\", \"extra_fields\": true}");
    acr_update_request req = subscribe_request();
    acr_update_response resp = ACR_UPDATE_RESPONSE_INIT;
    assert_int_equal(update_on(client, "rid-ind", "sid-ind", ACR_MODE_INDIVIDUAL, &req, &resp, &err), ACR_OK);
    assert_ids(resp.cname, resp.uid, resp.resource_id, resp.sid, "rid-ind", "sid-ind");
    acr_update_response_free(&resp);

    long long start = created_at("rid-ind", "sid-ind");
    add_fault("{\"match\": \"stop\", \"extra_fields\": true}");
    acr_stop_response stop = ACR_STOP_RESPONSE_INIT;
    assert_int_equal(stop_on(client, "rid-ind", "sid-ind", ACR_MODE_INDIVIDUAL, &stop, &err), ACR_OK);
    assert_individual_stop(&stop, "rid-ind", "sid-ind", start);
    acr_stop_response_free(&stop);

    start = created_at("rid-web", "sid-web");
    add_fault("{\"match\": \"stop\", \"extra_fields\": true}");
    assert_int_equal(stop_on(client, "rid-web", "sid-web", ACR_MODE_WEB, &stop, &err), ACR_OK);
    assert_web_stop(&stop, "rid-web", "sid-web", start, false);
    acr_stop_response_free(&stop);

    /* The mock did apply the fault to each of the three. */
    yajl_val st = mock_state();
    yajl_val list = support_array_member(st, "requests");
    assert_int_equal(YAJL_GET_ARRAY(list)->len, 3);
    for (size_t i = 0; i < 3; i++)
        assert_string_equal(support_string_member(YAJL_GET_ARRAY(list)->values[i], "fault"), "modifiers");
    yajl_tree_free(st);
}

/* Enum strings this version does not know are kept, with their text. */
static void test_unknown_enums_kept(void **state)
{
    (void)state;
    acr_error err = ACR_ERROR_INIT;
    add_fault("{\"match\": \"stop\", \"unknown_enums\": true}");
    acr_stop_response stop = ACR_STOP_RESPONSE_INIT;
    assert_int_equal(stop_on(client, "rid-web", "sid-web", ACR_MODE_WEB, &stop, &err), ACR_OK);
    const acr_server_response *s = &stop.server_response;
    assert_int_equal(s->extension_service_state_count, 3);
    assert_int_equal(s->extension_service_state[0].payload.uploading_status, ACR_UPLOADING_STATUS_OTHER);
    assert_string_equal(s->extension_service_state[0].payload.uploading_status_other, "future_status");
    assert_int_equal(s->extension_service_state[1].payload.state, ACR_STATE_OTHER);
    assert_string_equal(s->extension_service_state[1].payload.state_other, "paused");
    assert_int_equal(s->extension_service_state[2].service_name, ACR_SERVICE_NAME_OTHER);
    assert_string_equal(s->extension_service_state[2].service_name_other, "future_service");
    acr_stop_response_free(&stop);

    add_fault("{\"match\": \"stop\", \"unknown_enums\": true}");
    assert_int_equal(stop_on(client, "rid-ind", "sid-ind", ACR_MODE_INDIVIDUAL, &stop, &err), ACR_OK);
    assert_int_equal(s->uploading_status, ACR_UPLOADING_STATUS_OTHER);
    assert_string_equal(s->uploading_status_other, "future_status");
    assert_int_equal(s->file_list_count, 2);
    assert_int_equal(s->file_list_items[1].track_type, ACR_TRACK_TYPE_OTHER);
    assert_string_equal(s->file_list_items[1].track_type_other, "subtitle");
    acr_stop_response_free(&stop);
}

/* Answers delivered one byte per chunk parse exactly as whole ones. */
static void test_one_byte_chunks(void **state)
{
    (void)state;
    acr_error err = ACR_ERROR_INIT;
    add_fault("{\"match\": \"update\", \"chunk_size\": 1}");
    acr_update_request req = subscribe_request();
    acr_update_response resp = ACR_UPDATE_RESPONSE_INIT;
    assert_int_equal(update_on(client, "rid-ind", "sid-ind", ACR_MODE_INDIVIDUAL, &req, &resp, &err), ACR_OK);
    assert_ids(resp.cname, resp.uid, resp.resource_id, resp.sid, "rid-ind", "sid-ind");
    acr_update_response_free(&resp);

    long long start = created_at("rid-ind", "sid-ind");
    add_fault("{\"match\": \"stop\", \"chunk_size\": 1}");
    acr_stop_response stop = ACR_STOP_RESPONSE_INIT;
    assert_int_equal(stop_on(client, "rid-ind", "sid-ind", ACR_MODE_INDIVIDUAL, &stop, &err), ACR_OK);
    assert_individual_stop(&stop, "rid-ind", "sid-ind", start);
    acr_stop_response_free(&stop);

    add_fault("{\"match\": \"stop\", \"chunk_size\": 1}");
    assert_int_equal(stop_on(client, "rid-mixs", "sid-mixs", ACR_MODE_MIX, &stop, &err), ACR_OK);
    assert_mix_string_stop(&stop, "rid-mixs", "sid-mixs");
    acr_stop_response_free(&stop);

    /* Byte by byte, with unknown fields at every depth to skip. */
    start = created_at("rid-web", "sid-web");
    add_fault("{\"match\": \"stop\", \"chunk_size\": 1, \"extra_fields\": true}");
    assert_int_equal(stop_on(client, "rid-web", "sid-web", ACR_MODE_WEB, &stop, &err), ACR_OK);
    assert_web_stop(&stop, "rid-web", "sid-web", start, false);
    acr_stop_response_free(&stop);

    /* An error body byte by byte. */
    add_fault("{\"match\": \"update\", \"preset\": \"timeout\", \"chunk_size\": 1}");
    acr_status status = simple_update("rid-ind", "sid-ind", ACR_MODE_INDIVIDUAL, &err);
    assert_http_error(&err, status, 504, 62, "request timeout");
    acr_error_clear(&err);
}

/* === transport ============================================================== */

static void test_stall_times_out(void **state)
{
    (void)state;
    acr_client_options o = default_options();
    o.timeout_ms = 300;
    acr_client *c = new_client(&o);
    add_fault("{\"match\": \"update\", \"stall\": true}");
    acr_update_request req = subscribe_request();
    acr_update_response resp = ACR_UPDATE_RESPONSE_INIT;
    acr_error err = ACR_ERROR_INIT;
    acr_status status = update_on(c, "rid-ind", "sid-ind", ACR_MODE_INDIVIDUAL, &req, &resp, &err);
    /* The timeout ended it, not the stall (60 s): the message names it. No
     * elapsed-time check: a loaded machine must not fail a test. */
    assert_status(status, &err, ACR_ERR_TRANSPORT);
    assert_non_null(strstr(err.message, "300 ms"));
    assert_int_equal(err.http_status, 0);
    acr_update_response_free(&resp);

    wait_for_requests(1);
    yajl_val st = mock_state();
    assert_int_equal(request_count(st), 1);
    assert_string_equal(support_string_member(last_request(st), "fault"), "stall");
    yajl_tree_free(st);

    /* The same client works again afterwards. */
    assert_int_equal(update_on(c, "rid-ind", "sid-ind", ACR_MODE_INDIVIDUAL, &req, &resp, &err), ACR_OK);
    acr_update_response_free(&resp);
    acr_client_free(c);
}

static void test_closed_without_answer(void **state)
{
    (void)state;
    acr_error err = ACR_ERROR_INIT;
    add_fault("{\"match\": \"update\", \"close\": true}");
    acr_status status = simple_update("rid-ind", "sid-ind", ACR_MODE_INDIVIDUAL, &err);
    assert_status(status, &err, ACR_ERR_TRANSPORT);
    assert_int_equal(err.http_status, 0);
    assert_null(err.request_id);
    acr_error_clear(&err);
}

/* A reused keep-alive connection that closes without a byte of answer: libcurl
 * sends the request again on a fresh connection (it cannot tell this from an
 * idle connection the server dropped). The first send may have reached the
 * service, so for stop a 400/49 to the second means "most likely done". */
static void test_resent_after_reused_connection_closed(void **state)
{
    (void)state;
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(simple_update("rid-ind", "sid-ind", ACR_MODE_INDIVIDUAL, &err), ACR_OK);

    /* The service stops the recording, then the connection drops. */
    add_fault("{\"match\": \"stop\", \"close\": true, \"process\": true}");
    acr_stop_response stop = ACR_STOP_RESPONSE_INIT;
    acr_status status = stop_on(client, "rid-ind", "sid-ind", ACR_MODE_INDIVIDUAL, &stop, &err);
    assert_status(status, &err, ACR_ERR_MAY_HAVE_SUCCEEDED);
    assert_int_equal(err.http_status, 400);
    assert_true(err.has_service_code);
    assert_int_equal(err.service_code, 49);
    assert_int_equal(err.attempts, 2); /* retries are off, but libcurl sent it twice: both count */
    acr_stop_response_free(&stop);

    /* An update resent that way simply gets its answer. */
    add_fault("{\"match\": \"update\", \"close\": true}");
    assert_int_equal(simple_update("rid-mix", "sid-mix", ACR_MODE_MIX, &err), ACR_OK);
    acr_error_clear(&err);

    yajl_val st = mock_state();
    assert_int_equal(support_int_member(st, "requests_total"), 5);
    yajl_val list = support_array_member(st, "requests");
    yajl_val first = YAJL_GET_ARRAY(list)->values[1], second = YAJL_GET_ARRAY(list)->values[2];
    assert_string_equal(support_string_member(first, "fault"), "close");
    assert_true(support_int_member(first, "connection") != support_int_member(second, "connection"));
    yajl_val rec = find_recording(st, APP, "rid-ind", "sid-ind");
    assert_string_equal(support_string_member(rec, "status"), "stopped");
    assert_int_equal(support_int_member(rec, "stops"), 1);
    yajl_tree_free(st);
}

static void test_connection_refused(void **state)
{
    (void)state;
    /* A bound socket that does not listen: its port refuses connections, and
     * no other program can take it meanwhile. */
    int fd;
    char url[64];
    snprintf(url, sizeof url, "http://127.0.0.1:%u", (unsigned)refusing_port(&fd));

    acr_client_options o = default_options();
    o.base_url = url;
    acr_client *c = new_client(&o);
    acr_update_request req = subscribe_request();
    acr_update_response resp = ACR_UPDATE_RESPONSE_INIT;
    acr_error err = ACR_ERROR_INIT;
    acr_status status = update_on(c, "rid-ind", "sid-ind", ACR_MODE_INDIVIDUAL, &req, &resp, &err);
    assert_status(status, &err, ACR_ERR_TRANSPORT);
    assert_int_equal(err.http_status, 0);
    assert_null(err.request_id);
    acr_update_response_free(&resp);
    acr_error_clear(&err);
    acr_client_free(c);
    close(fd);
    assert_int_equal(logs.count, 1);
    assert_non_null(strstr(logs.lines[0], " -> failed: "));
}

static void test_response_over_cap(void **state)
{
    (void)state;
    acr_client_options o = default_options();
    o.max_response_bytes = 200;
    acr_client *c = new_client(&o);
    acr_error err = ACR_ERROR_INIT;

    /* An update answer (about 80 bytes) fits. */
    acr_update_request req = subscribe_request();
    acr_update_response resp = ACR_UPDATE_RESPONSE_INIT;
    assert_int_equal(update_on(c, "rid-ind", "sid-ind", ACR_MODE_INDIVIDUAL, &req, &resp, &err), ACR_OK);
    acr_update_response_free(&resp);

    /* A stop answer (about 500 bytes) does not: with Content-Length... */
    acr_stop_response stop = ACR_STOP_RESPONSE_INIT;
    acr_status status = stop_on(c, "rid-ind", "sid-ind", ACR_MODE_INDIVIDUAL, &stop, &err);
    assert_status(status, &err, ACR_ERR_INVALID_RESPONSE);
    assert_non_null(strstr(err.message, "larger than 200 bytes"));
    acr_stop_response_free(&stop);

    /* ...and chunked, where the size is known only while it arrives. */
    add_fault("{\"match\": \"stop\", \"chunk_size\": 16}");
    status = stop_on(c, "rid-mix", "sid-mix", ACR_MODE_MIX, &stop, &err);
    assert_status(status, &err, ACR_ERR_INVALID_RESPONSE);
    assert_non_null(strstr(err.message, "larger than 200 bytes"));
    acr_stop_response_free(&stop);
    acr_error_clear(&err);
    acr_client_free(c);
}

static void test_redirect_not_followed(void **state)
{
    (void)state;
    /* Redirect to the mock itself, so that a followed redirect would show up. */
    char rule[512];
    snprintf(rule, sizeof rule,
             "{\"match\": \"update\", \"preset\": \"redirect\", \"location\": "
             "\"%s/redirect-target/v1/apps/" APP "/cloud_recording/resourceid/rid-ind/sid/sid-ind/mode/individual/update\"}",
             mock.base_url);
    add_fault(rule);
    acr_error err = ACR_ERROR_INIT;
    acr_status status = simple_update("rid-ind", "sid-ind", ACR_MODE_INDIVIDUAL, &err);
    assert_http_error(&err, status, 302, -1, "Found");
    assert_non_null(strstr(err.message, "redirects are never followed"));

    /* The mock's own redirect (to another loopback port) is not followed either. */
    add_fault("{\"match\": \"update\", \"preset\": \"redirect\"}");
    status = simple_update("rid-ind", "sid-ind", ACR_MODE_INDIVIDUAL, &err);
    assert_http_error(&err, status, 302, -1, "Found");
    acr_error_clear(&err);

    yajl_val st = mock_state();
    assert_int_equal(support_int_member(st, "requests_total"), 2);
    yajl_val list = support_array_member(st, "requests");
    for (size_t i = 0; i < YAJL_GET_ARRAY(list)->len; i++)
        assert_null(strstr(support_string_member(YAJL_GET_ARRAY(list)->values[i], "path"), "redirect-target"));
    assert_int_equal(support_int_member(find_recording(st, APP, "rid-ind", "sid-ind"), "updates"), 0);
    yajl_tree_free(st);
}

/* === URLs and path parameters =============================================== */

static void test_path_parameters_percent_encoded(void **state)
{
    (void)state;
    control("/__mock/recordings", "{\"mode\": \"individual\", \"appid\": \"" APP "\", \"resourceId\": \"r/1 %41x\", "
                                  "\"sid\": \"s 2/%2F..\", \"cname\": \"" CNAME "\", \"uid\": \"" UID "\"}");
    control("/__mock/recordings", "{\"mode\": \"individual\", \"appid\": \"" APP "\", \"resourceId\": \"..\", "
                                  "\"sid\": \".\", \"cname\": \"" CNAME "\", \"uid\": \"" UID "\"}");
    control("/__mock/recordings", "{\"mode\": \"mix\", \"appid\": \"app 1/\xc3\xbc\", \"resourceId\": \"r?#\", "
                                  "\"sid\": \"s&=+\", \"cname\": \"" CNAME "\", \"uid\": \"" UID "\"}");
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(simple_update("r/1 %41x", "s 2/%2F..", ACR_MODE_INDIVIDUAL, &err), ACR_OK);
    assert_last_request("/v1/apps/" APP "/cloud_recording/resourceid/r%2F1%20%2541x/sid/s%202%2F%252F../"
                        "mode/individual/update",
                        NULL);
    /* "." and ".." would be path segments of their own: encoded too. */
    assert_int_equal(simple_update("..", ".", ACR_MODE_INDIVIDUAL, &err), ACR_OK);
    assert_last_request("/v1/apps/" APP "/cloud_recording/resourceid/%2E%2E/sid/%2E/mode/individual/update", NULL);

    /* A URL longer than the builder's stack buffer (512 bytes): 150 bytes
     * that encode to 3 each take the measured path, with the same result. */
    char long_rid[151], long_path[700], body[500];
    memset(long_rid, '/', 150);
    long_rid[150] = '\0';
    size_t at = (size_t)snprintf(long_path, sizeof long_path, "/v1/apps/" APP "/cloud_recording/resourceid/");
    for (int i = 0; i < 150; i++, at += 3)
        memcpy(long_path + at, "%2F", 4);
    snprintf(long_path + at, sizeof long_path - at, "/sid/sid-long/mode/individual/update");
    snprintf(body, sizeof body, "{\"mode\": \"individual\", \"appid\": \"" APP "\", \"resourceId\": \"%s\", "
             "\"sid\": \"sid-long\", \"cname\": \"" CNAME "\", \"uid\": \"" UID "\"}", long_rid);
    control("/__mock/recordings", body);
    assert_int_equal(simple_update(long_rid, "sid-long", ACR_MODE_INDIVIDUAL, &err), ACR_OK);
    assert_last_request(long_path, NULL);

    /* The app ID (from the client) is encoded the same way. */
    acr_client_options o = default_options();
    o.app_id = "app 1/\xc3\xbc";
    acr_client *c = new_client(&o);
    acr_update_request req = subscribe_request();
    acr_update_response resp = ACR_UPDATE_RESPONSE_INIT;
    assert_int_equal(update_on(c, "r?#", "s&=+", ACR_MODE_MIX, &req, &resp, &err), ACR_OK);
    assert_string_equal(resp.resource_id, "r?#");
    assert_string_equal(resp.sid, "s&=+");
    acr_update_response_free(&resp);
    acr_client_free(c);
    assert_last_request("/v1/apps/app%201%2F%C3%BC/cloud_recording/resourceid/r%3F%23/sid/s%26%3D%2B/mode/mix/update",
                        NULL);

    /* Each reached its own recording, and nothing else was touched. */
    yajl_val st = mock_state();
    assert_int_equal(support_int_member(find_recording(st, APP, "r/1 %41x", "s 2/%2F.."), "updates"), 1);
    assert_int_equal(support_int_member(find_recording(st, APP, "..", "."), "updates"), 1);
    assert_int_equal(support_int_member(find_recording(st, "app 1/\xc3\xbc", "r?#", "s&=+"), "updates"), 1);
    assert_int_equal(support_int_member(find_recording(st, APP, "rid-ind", "sid-ind"), "updates"), 0);
    yajl_tree_free(st);
}

static void test_empty_path_parameter_not_sent(void **state)
{
    (void)state;
    acr_error err = ACR_ERROR_INIT;
    acr_status status = simple_update("", "sid-ind", ACR_MODE_INDIVIDUAL, &err);
    assert_status(status, &err, ACR_ERR_USAGE);
    assert_non_null(strstr(err.message, "resourceid"));
    status = simple_update("rid-ind", "", ACR_MODE_INDIVIDUAL, &err);
    assert_status(status, &err, ACR_ERR_USAGE);
    assert_non_null(strstr(err.message, "sid"));
    status = simple_update("rid-ind", NULL, ACR_MODE_INDIVIDUAL, &err);
    assert_status(status, &err, ACR_ERR_USAGE);
    status = simple_update("rid-ind", "sid-ind", ACR_MODE_ANY, &err);
    assert_status(status, &err, ACR_ERR_USAGE);
    status = simple_update("rid-ind", "sid-ind", (acr_mode)7, &err);
    assert_status(status, &err, ACR_ERR_USAGE);

    acr_stop_request req = stop_request();
    acr_stop_response resp = ACR_STOP_RESPONSE_INIT;
    status = acr_stop(client, NULL, &req, &resp, &err);
    assert_status(status, &err, ACR_ERR_USAGE);
    acr_stop_params params = {"rid-ind", "", ACR_MODE_INDIVIDUAL};
    status = acr_stop(client, &params, &req, &resp, &err);
    assert_status(status, &err, ACR_ERR_USAGE);
    acr_stop_response_free(&resp);
    acr_error_clear(&err);

    assert_nothing_sent();
    assert_int_equal(logs.count, 0);
}

/* Regression: acr_client_new refused a client without an App ID, so ncsIp,
 * whose path has none, could not be called without making one up. */
static void test_ncs_ip_needs_no_app_id(void **state)
{
    (void)state;
    acr_client_options o = default_options();
    o.app_id = NULL;
    acr_client *c = new_client(&o);
    acr_error err = ACR_ERROR_INIT;
    /* An operation with {appid} is refused before anything is sent. */
    acr_update_request req = subscribe_request();
    acr_update_params params = {"rid-ind", "sid-ind", ACR_MODE_INDIVIDUAL};
    acr_update_response resp = ACR_UPDATE_RESPONSE_INIT;
    assert_status(acr_update(c, &params, &req, &resp, &err), &err, ACR_ERR_USAGE);
    assert_non_null(strstr(err.message, "App ID"));
    acr_update_response_free(&resp);
    assert_nothing_sent();

    acr_ncs_ip_response ncs = ACR_NCS_IP_RESPONSE_INIT;
    if (acr_ncs_ip(c, &ncs, &err) != ACR_OK)
        fail_msg("acr_ncs_ip without an App ID: %s", err.message);
    assert_true(ncs.has_data && ncs.data.has_service);
    assert_true(ncs.data.service.hosts_count > 0);
    assert_non_null(ncs.data.service.hosts[0].primary_ip);
    acr_ncs_ip_response_free(&ncs);
    acr_error_clear(&err);
    acr_client_free(c);
}

static void test_plain_http_only_to_loopback(void **state)
{
    (void)state;
    const char *refused[] = {"http://example.com", "http://example.com:8080/prefix", "http://10.0.0.1",
                             "http://127.0.0.1.example.com", "http://[::2]:80", "http://localhost.example.com",
                             "ftp://127.0.0.1", "127.0.0.1", "http://:80", ""};
    for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
        acr_client_options o = default_options();
        o.base_url = refused[i];
        acr_client *c = (acr_client *)(void *)&o; /* anything: must come back NULL */
        acr_error err = ACR_ERROR_INIT;
        acr_status status = acr_client_new(&o, &c, &err);
        if (status != ACR_ERR_USAGE)
            fail_msg("base URL \"%s\": expected a usage error, got %s", refused[i], acr_status_name(status));
        assert_null(c);
        assert_true(err.message[0] != '\0');
        assert_error_clean(&err);
        acr_error_clear(&err);
    }
    acr_client_options o = default_options();
    o.base_url = "http://example.com";
    acr_client *c = NULL;
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(acr_client_new(&o, &c, &err), ACR_ERR_USAGE);
    assert_non_null(strstr(err.message, "refusing plain http:// to example.com"));
    acr_error_clear(&err);

    /* Credentials in the URL are refused, and never repeated in the message. */
    o.base_url = "https://user:" CUSTOMER_SECRET "@example.com";
    assert_int_equal(acr_client_new(&o, &c, &err), ACR_ERR_USAGE);
    assert_error_clean(&err);
    acr_error_clear(&err);

    const char *accepted[] = {"https://example.com", "https://api.sd-rtn.com/", "http://localhost:1",
                              "http://127.1.2.3:1/prefix/", "http://[::1]:1", "HTTP://127.0.0.1:1"};
    for (size_t i = 0; i < sizeof accepted / sizeof accepted[0]; i++) {
        o.base_url = accepted[i];
        if (acr_client_new(&o, &c, &err) != ACR_OK)
            fail_msg("base URL \"%s\" refused: %s", accepted[i], err.message);
        acr_client_free(c);
    }
    assert_nothing_sent();
    assert_int_equal(logs.count, 0);
}

/* The mock serves no prefix, so a prefixed base URL gets its "no route" 404:
 * what matters here is the path that arrived. */
static void test_base_url_path_prefix(void **state)
{
    (void)state;
    char url[128];
    snprintf(url, sizeof url, "%s/gateway/v9//", mock.base_url);
    acr_client_options o = default_options();
    o.base_url = url;
    acr_client *c = new_client(&o);
    acr_update_request req = subscribe_request();
    acr_update_response resp = ACR_UPDATE_RESPONSE_INIT;
    acr_error err = ACR_ERROR_INIT;
    acr_status status = update_on(c, "rid-ind", "sid-ind", ACR_MODE_INDIVIDUAL, &req, &resp, &err);
    assert_http_error(&err, status, 404, -1, "no Route matched with those values");
    acr_update_response_free(&resp);
    acr_error_clear(&err);
    acr_client_free(c);
    assert_last_request("/gateway/v9/v1/apps/" APP "/cloud_recording/resourceid/rid-ind/sid/sid-ind/mode/individual/update",
                        NULL);
}

/* === invalid requests are never sent ========================================= */

static void test_invalid_request_not_sent(void **state)
{
    (void)state;
    acr_error err = ACR_ERROR_INIT;
    acr_update_response resp = ACR_UPDATE_RESPONSE_INIT;

    /* subscribe and unsubscribe together. */
    acr_update_request req = subscribe_request();
    req.client_request.stream_subscribe.audio_uid_list.unsubscribe_audio_uids = SOME_UIDS;
    req.client_request.stream_subscribe.audio_uid_list.unsubscribe_audio_uids_count = 1;
    acr_status status = update_on(client, "rid-ind", "sid-ind", ACR_MODE_INDIVIDUAL, &req, &resp, &err);
    assert_status(status, &err, ACR_ERR_INVALID_REQUEST);
    const char *audio[] = {AUDIO};
    support_assert_violations(&err, audio, 1);

    /* streamSubscribe is not for web mode. */
    req = subscribe_request();
    status = update_on(client, "rid-web", "sid-web", ACR_MODE_WEB, &req, &resp, &err);
    assert_status(status, &err, ACR_ERR_INVALID_REQUEST);
    const char *mode_rule[] = {"/clientRequest/streamSubscribe"};
    support_assert_violations(&err, mode_rule, 1);

    /* Secrets in a broken storageConfig: reported, never repeated. */
    req = storage_request();
    req.client_request.storage_config.vendor = ACR_VENDOR_MICROSOFT_AZURE;
    req.client_request.storage_config.region = 3;
    status = update_on(client, "rid-ind", "sid-ind", ACR_MODE_INDIVIDUAL, &req, &resp, &err);
    assert_status(status, &err, ACR_ERR_INVALID_REQUEST);
    const char *storage[] = {"/clientRequest/storageConfig/region", "/clientRequest/storageConfig/stsToken"};
    support_assert_violations(&err, storage, 2);

    /* A stop with a UID of 0. */
    acr_stop_request stop = stop_request();
    stop.uid = "0";
    acr_stop_params params = {"rid-ind", "sid-ind", ACR_MODE_INDIVIDUAL};
    acr_stop_response stop_resp = ACR_STOP_RESPONSE_INIT;
    status = acr_stop(client, &params, &stop, &stop_resp, &err);
    assert_status(status, &err, ACR_ERR_INVALID_REQUEST);
    const char *uid[] = {"/uid"};
    support_assert_violations(&err, uid, 1);
    assert_error_clean(&err);
    acr_stop_response_free(&stop_resp);
    acr_update_response_free(&resp);
    acr_error_clear(&err);

    assert_nothing_sent();
    assert_int_equal(logs.count, 0);
    yajl_val st = mock_state();
    assert_string_equal(support_string_member(find_recording(st, APP, "rid-ind", "sid-ind"), "status"), "running");
    yajl_tree_free(st);
}

/* === connections and threads ============================================== */

static void test_keep_alive(void **state)
{
    (void)state;
    acr_error err = ACR_ERROR_INIT;
    for (int i = 0; i < 20; i++)
        assert_int_equal(simple_update("rid-ind", "sid-ind", ACR_MODE_INDIVIDUAL, &err), ACR_OK);
    yajl_val st = mock_state();
    assert_int_equal(support_int_member(st, "requests_total"), 20);
    assert_int_equal(support_int_member(st, "api_connections"), 1);
    yajl_val list = support_array_member(st, "requests");
    long long first = support_int_member(YAJL_GET_ARRAY(list)->values[0], "connection");
    for (size_t i = 1; i < YAJL_GET_ARRAY(list)->len; i++)
        assert_int_equal(support_int_member(YAJL_GET_ARRAY(list)->values[i], "connection"), first);
    yajl_tree_free(st);
    assert_int_equal(logs.count, 20);
}

typedef struct worker {
    acr_client *client;
    pthread_barrier_t *barrier;
    const char *rid, *sid;
    int calls;
    int failures;
    acr_status first_failure;
    char message[ACR_ERROR_MESSAGE_MAX];
} worker;

/* No cmocka assertion in here: failures are counted and checked by the caller. */
static void *update_worker(void *arg)
{
    worker *w = arg;
    pthread_barrier_wait(w->barrier);
    for (int i = 0; i < w->calls; i++) {
        acr_update_request req = subscribe_request();
        acr_update_response resp = ACR_UPDATE_RESPONSE_INIT;
        acr_error err = ACR_ERROR_INIT;
        acr_update_params params = {w->rid, w->sid, ACR_MODE_INDIVIDUAL};
        acr_status status = acr_update(w->client, &params, &req, &resp, &err);
        if (status != ACR_OK || !resp.sid || strcmp(resp.sid, w->sid) != 0) {
            if (!w->failures++) {
                w->first_failure = status;
                memcpy(w->message, err.message, sizeof w->message);
            }
        }
        acr_update_response_free(&resp);
        acr_error_clear(&err);
    }
    return NULL;
}

static void run_workers(worker *workers, size_t count)
{
    pthread_t threads[16];
    pthread_barrier_t barrier;
    assert_true(count <= 16);
    pthread_barrier_init(&barrier, NULL, (unsigned)count);
    for (size_t i = 0; i < count; i++) {
        workers[i].barrier = &barrier;
        assert_int_equal(pthread_create(&threads[i], NULL, update_worker, &workers[i]), 0);
    }
    for (size_t i = 0; i < count; i++)
        pthread_join(threads[i], NULL);
    pthread_barrier_destroy(&barrier);
    for (size_t i = 0; i < count; i++)
        if (workers[i].failures)
            fail_msg("thread %zu: %d failed calls, the first %s: %s", i, workers[i].failures,
                     acr_status_name(workers[i].first_failure), workers[i].message);
}

/* The update page: wait for each update's answer before the next one for the
 * same recording. 8 threads x 5 updates on one recording, each answer taking
 * 30 ms at the mock: the mock must never see two at once. */
static void test_updates_one_at_a_time_per_recording(void **state)
{
    (void)state;
    set_update_delay(30);
    worker workers[8];
    memset(workers, 0, sizeof workers);
    for (size_t i = 0; i < 8; i++) {
        workers[i].client = client;
        workers[i].rid = "rid-ind";
        workers[i].sid = "sid-ind";
        workers[i].calls = 5;
    }
    run_workers(workers, 8);
    yajl_val st = mock_state();
    yajl_val rec = find_recording(st, APP, "rid-ind", "sid-ind");
    assert_int_equal(support_int_member(rec, "updates"), 40);
    assert_int_equal(support_int_member(rec, "max_concurrent_updates"), 1);
    yajl_val stats = support_array_member(st, "update_concurrency");
    assert_int_equal(YAJL_GET_ARRAY(stats)->len, 1);
    assert_int_equal(support_int_member(YAJL_GET_ARRAY(stats)->values[0], "requests"), 40);
    assert_int_equal(support_int_member(YAJL_GET_ARRAY(stats)->values[0], "max_concurrent"), 1);
    yajl_tree_free(st);
    assert_int_equal(logs.count, 40);
}

/* The largest number of update windows (start, end) open at one instant, over
 * every recording of the mock. */
static size_t max_overlap(yajl_val state)
{
    double starts[64], ends[64];
    size_t n = 0;
    yajl_val list = support_array_member(state, "recordings");
    for (size_t i = 0; i < YAJL_GET_ARRAY(list)->len; i++) {
        yajl_val windows = support_array_member(YAJL_GET_ARRAY(list)->values[i], "update_windows");
        for (size_t j = 0; j < YAJL_GET_ARRAY(windows)->len; j++) {
            yajl_val w = YAJL_GET_ARRAY(windows)->values[j];
            assert_true(n < 64);
            starts[n] = YAJL_GET_DOUBLE(YAJL_GET_ARRAY(w)->values[0]);
            ends[n] = YAJL_GET_DOUBLE(YAJL_GET_ARRAY(w)->values[1]);
            n++;
        }
    }
    size_t best = 0;
    for (size_t i = 0; i < n; i++) {
        size_t open = 0;
        for (size_t j = 0; j < n; j++)
            open += starts[j] <= starts[i] && starts[i] < ends[j];
        if (open > best)
            best = open;
    }
    return best;
}

/* Updates of different recordings are not serialized: with 4 threads on 4
 * recordings, the mock sees updates of different recordings at the same time. */
static void test_unrelated_updates_run_in_parallel(void **state)
{
    (void)state;
    static const char *const rids[] = {"par-r0", "par-r1", "par-r2", "par-r3"};
    static const char *const sids[] = {"par-s0", "par-s1", "par-s2", "par-s3"};
    for (size_t i = 0; i < 4; i++) {
        char body[256];
        snprintf(body, sizeof body,
                 "{\"mode\": \"individual\", \"appid\": \"" APP "\", \"resourceId\": \"%s\", \"sid\": \"%s\", "
                 "\"cname\": \"" CNAME "\", \"uid\": \"" UID "\"}",
                 rids[i], sids[i]);
        control("/__mock/recordings", body);
    }
    set_update_delay(100);
    worker workers[4];
    memset(workers, 0, sizeof workers);
    for (size_t i = 0; i < 4; i++) {
        workers[i].client = client;
        workers[i].rid = rids[i];
        workers[i].sid = sids[i];
        workers[i].calls = 3;
    }
    run_workers(workers, 4);
    yajl_val st = mock_state();
    for (size_t i = 0; i < 4; i++) {
        yajl_val rec = find_recording(st, APP, rids[i], sids[i]);
        assert_int_equal(support_int_member(rec, "updates"), 3);
        assert_int_equal(support_int_member(rec, "max_concurrent_updates"), 1);
    }
    size_t overlap = max_overlap(st);
    yajl_tree_free(st);
    if (overlap < 2)
        fail_msg("updates of 4 different recordings never overlapped at the mock: the client serialized them");
}

/* === retries (on by default; here with 20 ms delays) ======================= */

static const long SHORT_BACKOFF[] = {20};

static acr_client_options retry_options(unsigned max_attempts)
{
    acr_client_options o = default_options();
    o.retry.disabled = 0;
    o.retry.max_attempts = max_attempts;
    o.retry.backoff_ms = SHORT_BACKOFF;
    o.retry.backoff_count = 1;
    o.retry.jitter_percent = -1;
    return o;
}

static size_t log_lines_containing(const char *text)
{
    size_t n = 0;
    for (size_t i = 0; i < logs.count; i++)
        n += strstr(logs.lines[i], text) != NULL;
    return n;
}

/* A loopback port that refuses connections while *fd stays open. */
static unsigned short refusing_port(int *fd)
{
    *fd = socket(AF_INET, SOCK_STREAM, 0);
    assert_true(*fd >= 0);
    struct sockaddr_in addr;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    assert_int_equal(bind(*fd, (struct sockaddr *)&addr, sizeof addr), 0);
    socklen_t len = sizeof addr;
    assert_int_equal(getsockname(*fd, (struct sockaddr *)&addr, &len), 0);
    return ntohs(addr.sin_port);
}

/* 206/65, 504/62 and 429 are retried; the fourth attempt succeeds. */
static void test_retry_then_success(void **state)
{
    (void)state;
    acr_client_options o = retry_options(4);
    acr_client *c = new_client(&o);
    add_fault("{\"match\": \"update\", \"preset\": \"jitter\"}");
    add_fault("{\"match\": \"update\", \"preset\": \"timeout\"}");
    add_fault("{\"match\": \"update\", \"preset\": \"rate_limit\"}");
    acr_update_request req = subscribe_request();
    acr_update_response resp = ACR_UPDATE_RESPONSE_INIT;
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(update_on(c, "rid-ind", "sid-ind", ACR_MODE_INDIVIDUAL, &req, &resp, &err), ACR_OK);
    assert_ids(resp.cname, resp.uid, resp.resource_id, resp.sid, "rid-ind", "sid-ind");
    assert_int_equal(err.attempts, 4);
    assert_false(err.has_service_code);
    assert_null(err.reason);
    assert_null(err.request_id);
    acr_update_response_free(&resp);
    acr_client_free(c);
    yajl_val st = mock_state();
    assert_int_equal(support_int_member(st, "requests_total"), 4);
    assert_int_equal(support_int_member(find_recording(st, APP, "rid-ind", "sid-ind"), "updates"), 1);
    yajl_tree_free(st);
    assert_int_equal(log_lines_containing("retrying in 20 ms (attempt "), 3);
    assert_int_equal(log_lines_containing(" -> 200 ("), 1);
}

static void test_retry_gives_up(void **state)
{
    (void)state;
    acr_client_options o = retry_options(3);
    acr_client *c = new_client(&o);
    add_fault("{\"match\": \"update\", \"preset\": \"jitter\", \"count\": 5}");
    acr_update_request req = subscribe_request();
    acr_update_response resp = ACR_UPDATE_RESPONSE_INIT;
    acr_error err = ACR_ERROR_INIT;
    acr_status status = update_on(c, "rid-ind", "sid-ind", ACR_MODE_INDIVIDUAL, &req, &resp, &err);
    assert_http_error(&err, status, 206, 65, "request not completed");
    assert_int_equal(err.attempts, 3);
    acr_update_response_free(&resp);
    acr_error_clear(&err);
    acr_client_free(c);
    yajl_val st = mock_state();
    assert_int_equal(support_int_member(st, "requests_total"), 3);
    yajl_tree_free(st);
}

/* After retries, the error describes the last attempt only: nothing (service
 * code, reason, X-Request-ID) is left over from an earlier one. */
static void test_retry_error_is_the_last_attempts(void **state)
{
    (void)state;
    acr_client_options o = retry_options(2);
    o.timeout_ms = 300;
    acr_client *c = new_client(&o);
    acr_error err = ACR_ERROR_INIT;
    acr_update_request req = subscribe_request();
    acr_update_response resp = ACR_UPDATE_RESPONSE_INIT;

    add_fault("{\"match\": \"update\", \"preset\": \"jitter\"}");
    add_fault("{\"match\": \"update\", \"preset\": \"html_500\"}");
    acr_status status = update_on(c, "rid-ind", "sid-ind", ACR_MODE_INDIVIDUAL, &req, &resp, &err);
    assert_http_error(&err, status, 500, -1, NULL);
    assert_int_equal(err.attempts, 2);

    add_fault("{\"match\": \"update\", \"preset\": \"rate_limit\"}");
    add_fault("{\"match\": \"update\", \"stall\": true}");
    status = update_on(c, "rid-ind", "sid-ind", ACR_MODE_INDIVIDUAL, &req, &resp, &err);
    assert_status(status, &err, ACR_ERR_TRANSPORT);
    assert_int_equal(err.attempts, 2);
    assert_int_equal(err.http_status, 0);
    assert_false(err.has_service_code);
    assert_null(err.reason);
    assert_null(err.request_id);
    wait_for_requests(4); /* the stalled one too, before reading the last request */

    add_fault("{\"match\": \"update\", \"preset\": \"timeout\"}");
    add_fault("{\"match\": \"update\", \"preset\": \"not_json_200\"}");
    status = update_on(c, "rid-ind", "sid-ind", ACR_MODE_INDIVIDUAL, &req, &resp, &err);
    assert_invalid_response(status, &err);
    assert_false(err.has_service_code);
    assert_null(err.reason);
    acr_update_response_free(&resp);
    acr_error_clear(&err);
    acr_client_free(c);
}

/* Answers a retry cannot change, and failures after the request was sent (the
 * service may have acted on it), are not retried. */
static void test_no_retry_when_pointless(void **state)
{
    (void)state;
    acr_client_options o = retry_options(4);
    o.timeout_ms = 300;
    acr_client *c = new_client(&o);
    const char *faults[] = {
        "{\"match\": \"update\", \"preset\": \"bad_params\"}",
        "{\"match\": \"update\", \"preset\": \"html_500\"}",
        "{\"match\": \"update\", \"preset\": \"not_json_200\"}",
        "{\"match\": \"update\", \"preset\": \"truncated_200\"}",
        /* right after the truncated answer closed the connection: a fresh one
         * (on a reused one libcurl would send again: see test_resent_...) */
        "{\"match\": \"update\", \"close\": true}",
        "{\"match\": \"update\", \"stall\": true}",
        "{\"match\": \"update\", \"status\": 206, \"body\": {\"code\": 66, \"reason\": \"other\"}}",
    };
    acr_update_request req = subscribe_request();
    acr_update_response resp = ACR_UPDATE_RESPONSE_INIT;
    acr_error err = ACR_ERROR_INIT;
    for (size_t i = 0; i < sizeof faults / sizeof faults[0]; i++) {
        add_fault(faults[i]);
        assert_true(update_on(c, "rid-ind", "sid-ind", ACR_MODE_INDIVIDUAL, &req, &resp, &err) != ACR_OK);
        if (err.attempts != 1)
            fail_msg("%s: %u attempts", faults[i], err.attempts);
        acr_update_response_free(&resp);
    }
    /* An unknown recording: 404, once. */
    assert_int_equal(update_on(c, "rid-x", "sid-x", ACR_MODE_INDIVIDUAL, &req, &resp, &err), ACR_ERR_HTTP);
    assert_int_equal(err.attempts, 1);
    acr_error_clear(&err);
    acr_client_free(c);
    wait_for_requests((long long)(sizeof faults / sizeof faults[0] + 1));
    yajl_val st = mock_state();
    assert_int_equal(support_int_member(st, "requests_total"), sizeof faults / sizeof faults[0] + 1);
    yajl_tree_free(st);
    assert_int_equal(log_lines_containing("retrying"), 0);
}

/* A retried stop whose first attempt did stop the recording: the retry's 400/49
 * (or 404) means "most likely done", not a failure. */
static void test_retried_stop_may_have_succeeded(void **state)
{
    (void)state;
    acr_client_options o = retry_options(3);
    acr_client *c = new_client(&o);
    acr_stop_response stop = ACR_STOP_RESPONSE_INIT;
    acr_error err = ACR_ERROR_INIT;

    add_fault("{\"match\": \"stop\", \"preset\": \"jitter\", \"process\": true}");
    acr_status status = stop_on(c, "rid-ind", "sid-ind", ACR_MODE_INDIVIDUAL, &stop, &err);
    assert_status(status, &err, ACR_ERR_MAY_HAVE_SUCCEEDED);
    assert_int_equal(err.http_status, 400);
    assert_true(err.has_service_code);
    assert_int_equal(err.service_code, 49);
    assert_string_equal(err.reason, "invalid operation");
    assert_int_equal(err.attempts, 2);
    assert_false(stop.has_server_response);
    acr_stop_response_free(&stop);

    add_fault("{\"match\": \"stop\", \"preset\": \"timeout\", \"process\": true}");
    add_fault("{\"match\": \"stop\", \"status\": 404, \"body\": {\"code\": 404, \"reason\": \"failed to find worker\"}}");
    status = stop_on(c, "rid-mix", "sid-mix", ACR_MODE_MIX, &stop, &err);
    assert_status(status, &err, ACR_ERR_MAY_HAVE_SUCCEEDED);
    assert_int_equal(err.http_status, 404);
    assert_int_equal(err.attempts, 2);
    acr_stop_response_free(&stop);

    /* 429 comes from the gateway: the service never saw that attempt, so the
     * retry's 400/49 is the plain truth (the recording was stopped before). */
    assert_int_equal(stop_on(c, "rid-web", "sid-web", ACR_MODE_WEB, &stop, &err), ACR_OK);
    acr_stop_response_free(&stop);
    add_fault("{\"match\": \"stop\", \"preset\": \"rate_limit\"}");
    status = stop_on(c, "rid-web", "sid-web", ACR_MODE_WEB, &stop, &err);
    assert_http_error(&err, status, 400, 49, "invalid operation");
    assert_int_equal(err.attempts, 2);
    acr_stop_response_free(&stop);
    acr_error_clear(&err);
    acr_client_free(c);

    yajl_val st = mock_state();
    assert_int_equal(support_int_member(find_recording(st, APP, "rid-ind", "sid-ind"), "stops"), 1);
    assert_int_equal(support_int_member(find_recording(st, APP, "rid-mix", "sid-mix"), "stops"), 1);
    yajl_tree_free(st);
}

/* A refused connection (nothing was sent) is retried: the first domain twice,
 * then the next one. */
static void test_retry_fails_over_to_next_domain(void **state)
{
    (void)state;
    int fd;
    char refused[64];
    snprintf(refused, sizeof refused, "http://127.0.0.1:%u", (unsigned)refusing_port(&fd));
    const char *domains[] = {refused, mock.base_url};
    acr_client_options o = retry_options(4);
    o.base_urls = domains;
    o.base_url_count = 2;
    acr_client *c = new_client(&o);
    acr_update_request req = subscribe_request();
    acr_update_response resp = ACR_UPDATE_RESPONSE_INIT;
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(update_on(c, "rid-ind", "sid-ind", ACR_MODE_INDIVIDUAL, &req, &resp, &err), ACR_OK);
    assert_int_equal(err.attempts, 3);
    acr_update_response_free(&resp);
    acr_client_free(c);
    assert_int_equal(log_lines_containing(" -> failed: "), 2);

    /* The other way round: two 206/65 from the mock, then the refusing domain.
     * The pooled handle has sent a request before; the refused attempts still
     * count as not sent, so they are retried up to the last attempt. */
    domains[0] = mock.base_url;
    domains[1] = refused;
    c = new_client(&o);
    add_fault("{\"match\": \"update\", \"preset\": \"jitter\", \"count\": 2}");
    acr_status status = update_on(c, "rid-ind", "sid-ind", ACR_MODE_INDIVIDUAL, &req, &resp, &err);
    assert_status(status, &err, ACR_ERR_TRANSPORT);
    assert_int_equal(err.attempts, 4);
    assert_int_equal(err.http_status, 0);
    assert_false(err.has_service_code);
    acr_update_response_free(&resp);
    acr_error_clear(&err);
    acr_client_free(c);
    close(fd);
    yajl_val st = mock_state();
    assert_int_equal(support_int_member(st, "requests_total"), 3);
    yajl_tree_free(st);
}

/* === secrets ================================================================ */

/* Every kind of failure, with every secret in play: none shows up in an error
 * (assert_error_clean, in each call) or a log line (teardown). */
static void test_no_secret_in_errors_or_log(void **state)
{
    (void)state;
    acr_error err = ACR_ERROR_INIT;
    acr_update_request req = storage_request();
    acr_update_response resp = ACR_UPDATE_RESPONSE_INIT;
    const char *faults[] = {
        "{\"match\": \"update\", \"preset\": \"bad_params\"}",
        "{\"match\": \"update\", \"preset\": \"not_json_200\"}",
        "{\"match\": \"update\", \"preset\": \"wrong_types_200\"}",
        "{\"match\": \"update\", \"preset\": \"truncated_200\"}",
        "{\"match\": \"update\", \"preset\": \"html_500\"}",
    };
    for (size_t i = 0; i < sizeof faults / sizeof faults[0]; i++) {
        add_fault(faults[i]);
        if (update_on(client, "rid-ind", "sid-ind", ACR_MODE_INDIVIDUAL, &req, &resp, &err) == ACR_OK)
            fail_msg("%s: the call succeeded", faults[i]);
        acr_update_response_free(&resp);
    }
    acr_error_clear(&err);
    assert_int_equal(logs.count, sizeof faults / sizeof faults[0]);

    /* The wrong secret in a 401, a timeout, an unknown recording. */
    acr_client_options o = default_options();
    o.customer_secret = WRONG_SECRET;
    o.timeout_ms = 300;
    acr_client *wrong = new_client(&o);
    req = storage_request();
    assert_int_equal(update_on(wrong, "rid-ind", "sid-ind", ACR_MODE_INDIVIDUAL, &req, &resp, &err), ACR_ERR_HTTP);
    acr_client_free(wrong);
    o.customer_secret = CUSTOMER_SECRET;
    acr_client *slow = new_client(&o);
    add_fault("{\"match\": \"update\", \"stall\": true}");
    assert_int_equal(update_on(slow, "rid-ind", "sid-ind", ACR_MODE_INDIVIDUAL, &req, &resp, &err), ACR_ERR_TRANSPORT);
    assert_int_equal(update_on(slow, "rid-x", "sid-x", ACR_MODE_INDIVIDUAL, &req, &resp, &err), ACR_ERR_HTTP);
    assert_int_equal(update_on(slow, "rid-ind", "sid-ind", ACR_MODE_INDIVIDUAL, &req, &resp, &err), ACR_OK);
    acr_client_free(slow);
    acr_update_response_free(&resp);
    acr_error_clear(&err);
    wait_for_requests(9); /* the stalled one is recorded late: keep it out of the next test */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_update_individual, setup, teardown),
        cmocka_unit_test_setup_teardown(test_update_mix, setup, teardown),
        cmocka_unit_test_setup_teardown(test_update_web, setup, teardown),
        cmocka_unit_test_setup_teardown(test_update_storage_config, setup, teardown),
        cmocka_unit_test_setup_teardown(test_update_body_past_stack_buffer, setup, teardown),
        cmocka_unit_test_setup_teardown(test_stop_individual_json, setup, teardown),
        cmocka_unit_test_setup_teardown(test_stop_mix_json, setup, teardown),
        cmocka_unit_test_setup_teardown(test_stop_mix_string, setup, teardown),
        cmocka_unit_test_setup_teardown(test_stop_web, setup, teardown),
        cmocka_unit_test_setup_teardown(test_wrong_credentials_401, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unknown_recording_404, setup, teardown),
        cmocka_unit_test_setup_teardown(test_update_after_stop_404, setup, teardown),
        cmocka_unit_test_setup_teardown(test_second_stop_400_49, setup, teardown),
        cmocka_unit_test_setup_teardown(test_206_jitter_and_no_data, setup, teardown),
        cmocka_unit_test_setup_teardown(test_429_rate_limit, setup, teardown),
        cmocka_unit_test_setup_teardown(test_504_service_timeout, setup, teardown),
        cmocka_unit_test_setup_teardown(test_error_bodies_not_json, setup, teardown),
        cmocka_unit_test_setup_teardown(test_200_not_json, setup, teardown),
        cmocka_unit_test_setup_teardown(test_200_wrong_types, setup, teardown),
        cmocka_unit_test_setup_teardown(test_200_empty, setup, teardown),
        cmocka_unit_test_setup_teardown(test_200_truncated, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unknown_fields_skipped, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unknown_enums_kept, setup, teardown),
        cmocka_unit_test_setup_teardown(test_one_byte_chunks, setup, teardown),
        cmocka_unit_test_setup_teardown(test_stall_times_out, setup, teardown),
        cmocka_unit_test_setup_teardown(test_closed_without_answer, setup, teardown),
        cmocka_unit_test_setup_teardown(test_resent_after_reused_connection_closed, setup, teardown),
        cmocka_unit_test_setup_teardown(test_connection_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(test_response_over_cap, setup, teardown),
        cmocka_unit_test_setup_teardown(test_redirect_not_followed, setup, teardown),
        cmocka_unit_test_setup_teardown(test_path_parameters_percent_encoded, setup, teardown),
        cmocka_unit_test_setup_teardown(test_empty_path_parameter_not_sent, setup, teardown),
        cmocka_unit_test_setup_teardown(test_ncs_ip_needs_no_app_id, setup, teardown),
        cmocka_unit_test_setup_teardown(test_plain_http_only_to_loopback, setup, teardown),
        cmocka_unit_test_setup_teardown(test_base_url_path_prefix, setup, teardown),
        cmocka_unit_test_setup_teardown(test_invalid_request_not_sent, setup, teardown),
        cmocka_unit_test_setup_teardown(test_keep_alive, setup, teardown),
        cmocka_unit_test_setup_teardown(test_updates_one_at_a_time_per_recording, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unrelated_updates_run_in_parallel, setup, teardown),
        cmocka_unit_test_setup_teardown(test_retry_then_success, setup, teardown),
        cmocka_unit_test_setup_teardown(test_retry_gives_up, setup, teardown),
        cmocka_unit_test_setup_teardown(test_retry_error_is_the_last_attempts, setup, teardown),
        cmocka_unit_test_setup_teardown(test_no_retry_when_pointless, setup, teardown),
        cmocka_unit_test_setup_teardown(test_retried_stop_may_have_succeeded, setup, teardown),
        cmocka_unit_test_setup_teardown(test_retry_fails_over_to_next_domain, setup, teardown),
        cmocka_unit_test_setup_teardown(test_no_secret_in_errors_or_log, setup, teardown),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
