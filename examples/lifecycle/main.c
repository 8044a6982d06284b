/* lifecycle: one cloud recording's whole life through libacr: acquire a resource
 * ID, start recording with it, query the recording, update it, change its layout
 * (mix mode only), stop it and list the files it made. A complete program against
 * an installed libacr (see README.md, "Installing and linking"):
 *
 *   lifecycle --appid ID --mode individual|mix|web --cname CHANNEL --uid UID
 *             --bucket BUCKET [--vendor N] [--region N] [--url PAGE] [--base-url URL]
 *
 * Every option may come from the environment instead: AGORA_APP_ID, AGORA_MODE,
 * AGORA_CNAME, AGORA_UID, AGORA_STORAGE_BUCKET, AGORA_STORAGE_VENDOR (default 1,
 * Amazon S3), AGORA_STORAGE_REGION (default 0), AGORA_WEB_URL (the page to record;
 * web mode only, where it is required) and AGORA_BASE_URL (default
 * https://api.sd-rtn.com). Secrets come from the environment only:
 * AGORA_CUSTOMER_ID and AGORA_CUSTOMER_SECRET (the REST API's credentials),
 * AGORA_STORAGE_ACCESS_KEY and AGORA_STORAGE_SECRET_KEY (the bucket's).
 *
 * Once the recording has started, a failing query, update or updateLayout still
 * leads to stop, so that no recording is left running.
 *
 * Exit status: 0 done; 1 a request breaks a rule of the API (nothing was sent);
 * 2 usage; 3 the service answered with an error; 4 the service could not be
 * reached; 5 the service's answer is invalid; 6 a retried call heard "already
 * done": the first attempt most likely succeeded; 7 out of memory. */
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <acr_api.h>

enum {
    EXIT_DONE = 0,
    EXIT_INVALID_REQUEST = 1,
    EXIT_USAGE = 2,
    EXIT_HTTP = 3,
    EXIT_TRANSPORT = 4,
    EXIT_INVALID_RESPONSE = 5,
    EXIT_MAY_HAVE_SUCCEEDED = 6,
    EXIT_NOMEM = 7
};

typedef struct settings {
    const char *appid, *mode_text, *cname, *uid, *bucket, *vendor, *region, *url, *base_url;
    const char *customer_id, *customer_secret, *access_key, *secret_key;
    acr_mode mode;
    long long vendor_number, region_number;
} settings;

static const char usage_text[] =
    "usage: lifecycle --appid ID --mode individual|mix|web --cname CHANNEL --uid UID\n"
    "                 --bucket BUCKET [--vendor N] [--region N] [--url PAGE] [--base-url URL]\n"
    "Options default to AGORA_APP_ID, AGORA_MODE, AGORA_CNAME, AGORA_UID,\n"
    "AGORA_STORAGE_BUCKET, AGORA_STORAGE_VENDOR (1), AGORA_STORAGE_REGION (0),\n"
    "AGORA_WEB_URL (web mode) and AGORA_BASE_URL. Secrets come from AGORA_CUSTOMER_ID,\n"
    "AGORA_CUSTOMER_SECRET, AGORA_STORAGE_ACCESS_KEY and AGORA_STORAGE_SECRET_KEY.\n";

static int usage(const char *problem)
{
    fprintf(stderr, "lifecycle: %s\n%s", problem, usage_text);
    return EXIT_USAGE;
}

/* A non-empty environment variable, or NULL. */
static const char *from_env(const char *name)
{
    const char *value = getenv(name);
    return value && *value ? value : NULL;
}

/* A whole decimal number from 0 to 1000, or -1. */
static long long small_number(const char *text)
{
    char *end;
    long long n = strtoll(text, &end, 10);
    return end != text && *end == '\0' && n >= 0 && n <= 1000 ? n : -1;
}

/* Returns -1 to go on, or an exit status. */
static int read_settings(int argc, char **argv, settings *s)
{
    memset(s, 0, sizeof *s);
    struct {
        const char *option, *env;
        const char **value;
        bool required;
    } options[] = {
        {"--appid", "AGORA_APP_ID", &s->appid, true},
        {"--mode", "AGORA_MODE", &s->mode_text, true},
        {"--cname", "AGORA_CNAME", &s->cname, true},
        {"--uid", "AGORA_UID", &s->uid, true},
        {"--bucket", "AGORA_STORAGE_BUCKET", &s->bucket, true},
        {"--vendor", "AGORA_STORAGE_VENDOR", &s->vendor, false},
        {"--region", "AGORA_STORAGE_REGION", &s->region, false},
        {"--url", "AGORA_WEB_URL", &s->url, false},
        {"--base-url", "AGORA_BASE_URL", &s->base_url, false},
    };
    const size_t option_count = sizeof options / sizeof options[0];
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs(usage_text, stdout);
            return EXIT_DONE;
        }
        size_t k = 0;
        while (k < option_count && strcmp(argv[i], options[k].option) != 0)
            k++;
        if (k == option_count || i + 1 == argc) {
            fprintf(stderr, "lifecycle: unknown option, or option without its value: %s\n", argv[i]);
            return usage("see the usage");
        }
        *options[k].value = argv[++i];
    }
    for (size_t k = 0; k < option_count; k++) {
        if (!*options[k].value)
            *options[k].value = from_env(options[k].env);
        if (!*options[k].value && options[k].required) {
            fprintf(stderr, "lifecycle: %s (or %s) is required\n", options[k].option, options[k].env);
            return usage("missing setting");
        }
    }
    if (!acr_mode_parse(s->mode_text, &s->mode))
        return usage("--mode takes individual, mix or web (lower case)");
    if (s->mode == ACR_MODE_WEB && !s->url)
        return usage("web mode records a page: --url (or AGORA_WEB_URL) is required");
    s->vendor_number = s->vendor ? small_number(s->vendor) : 1;
    s->region_number = s->region ? small_number(s->region) : 0;
    if (s->vendor_number < 0 || s->region_number < 0)
        return usage("--vendor and --region take whole numbers");
    s->customer_id = from_env("AGORA_CUSTOMER_ID");
    s->customer_secret = from_env("AGORA_CUSTOMER_SECRET");
    if (!s->customer_id || !s->customer_secret)
        return usage("set AGORA_CUSTOMER_ID and AGORA_CUSTOMER_SECRET in the environment");
    s->access_key = from_env("AGORA_STORAGE_ACCESS_KEY");
    s->secret_key = from_env("AGORA_STORAGE_SECRET_KEY");
    if (!s->access_key || !s->secret_key)
        return usage("set AGORA_STORAGE_ACCESS_KEY and AGORA_STORAGE_SECRET_KEY in the environment");
    return -1;
}

/* --- output ------------------------------------------------------------- */

/* Text from the network (or from the caller), with control characters escaped
 * so that it can neither forge a line nor drive the terminal. NULL: "?". */
static void put_text(FILE *out, const char *text)
{
    if (!text)
        text = "?";
    for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
        if (*p < 0x20 || *p == 0x7f)
            fprintf(out, "\\u%04x", *p);
        else
            fputc(*p, out);
    }
}

/* A violation's JSON pointer; it may hold a NUL byte (a key holding U+0000), so
 * it is written by length. The root is "". */
static void put_pointer(const acr_violation *v)
{
    if (v->pointer_length == 0) {
        fputs("(the whole body)", stderr);
        return;
    }
    for (size_t i = 0; i < v->pointer_length; i++) {
        unsigned char c = (unsigned char)v->pointer[i];
        if (c < 0x20 || c == 0x7f)
            fprintf(stderr, "\\u%04x", c);
        else
            fputc(c, stderr);
    }
}

/* Explains a failed call on standard error; returns the exit status for it. */
static int report(const char *call, acr_status status, const acr_error *err)
{
    switch (status) {
    case ACR_OK:
        return EXIT_DONE;
    case ACR_ERR_INVALID_REQUEST:
        /* Checked locally before sending: nothing reached the service. */
        fprintf(stderr, "%s: the request breaks %zu rule%s of the API; nothing was sent:\n", call,
                err->violation_count, err->violation_count == 1 ? "" : "s");
        for (size_t i = 0; i < err->violation_count; i++) {
            fputs("  ", stderr);
            put_pointer(&err->violations[i]);
            fputs(": ", stderr);
            put_text(stderr, err->violations[i].message);
            fputc('\n', stderr);
        }
        return EXIT_INVALID_REQUEST;
    case ACR_ERR_HTTP:
    case ACR_ERR_MAY_HAVE_SUCCEEDED:
        /* A status other than 200 (206 and 201 included). The second case is a
         * retry hearing "already done" (start: 201 code 7; stop: 400 code 49 or
         * 404) after an attempt that may have reached the service. */
        if (status == ACR_ERR_MAY_HAVE_SUCCEEDED)
            fprintf(stderr, "%s: retried, and the service says it is already done: "
                            "the first attempt most likely succeeded\n", call);
        fprintf(stderr, "%s: the service answered HTTP %d", call, err->http_status);
        if (err->has_service_code)
            fprintf(stderr, ", code %lld", err->service_code);
        if (err->reason) {
            fputs(", reason \"", stderr);
            put_text(stderr, err->reason);
            fputc('"', stderr);
        }
        fputc('\n', stderr);
        if (err->request_id) {
            fprintf(stderr, "%s: X-Request-ID ", call);
            put_text(stderr, err->request_id);
            fputs(" (quote it to Agora support)\n", stderr);
        }
        return status == ACR_ERR_HTTP ? EXIT_HTTP : EXIT_MAY_HAVE_SUCCEEDED;
    case ACR_ERR_TRANSPORT:
    case ACR_ERR_CANCELLED: /* only an asynchronous call is cancelled */
        /* Connect, TLS, timeout, reset: no complete answer. */
        fprintf(stderr, "%s: could not reach the service: %s\n", call, err->message);
        return EXIT_TRANSPORT;
    case ACR_ERR_INVALID_RESPONSE:
        /* A 200 answer that is malformed, of the wrong shape or too large. */
        fprintf(stderr, "%s: the service's answer is invalid: %s", call, err->message);
        if (err->pointer) {
            fputs(" (at ", stderr);
            put_text(stderr, *err->pointer ? err->pointer : "the root");
            fputc(')', stderr);
        }
        fputc('\n', stderr);
        if (err->request_id) {
            fprintf(stderr, "%s: X-Request-ID ", call);
            put_text(stderr, err->request_id);
            fputc('\n', stderr);
        }
        return EXIT_INVALID_RESPONSE;
    case ACR_ERR_MALFORMED_JSON:
        /* Only parsing JSON text gives this; this program builds its requests. */
        fprintf(stderr, "%s: malformed JSON at line %lu, column %lu: %s\n", call, err->line, err->column,
                err->message);
        return EXIT_INVALID_RESPONSE;
    case ACR_ERR_NOMEM:
        fprintf(stderr, "%s: out of memory\n", call);
        return EXIT_NOMEM;
    case ACR_ERR_USAGE:
        /* A precondition of the library: a bad base URL, an empty path parameter. */
        fprintf(stderr, "%s: %s\n", call, err->message);
        return EXIT_USAGE;
    }
    fprintf(stderr, "%s: %s: %s\n", call, acr_status_name(status), err->message);
    return EXIT_USAGE;
}

static const char *track_name(const acr_file_entry *file)
{
    switch (file->track_type) {
    case ACR_TRACK_TYPE_AUDIO: return "audio";
    case ACR_TRACK_TYPE_VIDEO: return "video";
    case ACR_TRACK_TYPE_AUDIO_AND_VIDEO: return "audio and video";
    case ACR_TRACK_TYPE_OTHER: return file->track_type_other;
    case ACR_TRACK_TYPE_UNSET: break;
    }
    return "unknown tracks";
}

static const char *upload_name(acr_uploading_status status, const char *other)
{
    switch (status) {
    case ACR_UPLOADING_STATUS_UPLOADED: return "uploaded";
    case ACR_UPLOADING_STATUS_BACKUPED: return "uploaded, partly through Agora's backup";
    case ACR_UPLOADING_STATUS_UNKNOWN: return "unknown";
    case ACR_UPLOADING_STATUS_OTHER: return other;
    case ACR_UPLOADING_STATUS_UNSET: break;
    }
    return "not reported";
}

/* Individual and mix modes: an M3U8 name (fileListMode string) or entries. */
static void print_files(const char *file_list, const acr_file_entry *items, size_t count)
{
    if (file_list) {
        fputs("  file: ", stdout);
        put_text(stdout, file_list);
        fputc('\n', stdout);
    }
    for (size_t i = 0; i < count; i++) {
        fputs("  file: ", stdout);
        put_text(stdout, items[i].file_name);
        fputs(" (", stdout);
        put_text(stdout, track_name(&items[i]));
        fputs(", uid ", stdout);
        put_text(stdout, items[i].uid);
        fputs(")\n", stdout);
    }
}

static void print_web_files(const acr_web_file_entry *files, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        fputs("  file: ", stdout);
        put_text(stdout, files[i].filename);
        fputc('\n', stdout);
    }
}

static void print_query(const acr_query_response *q)
{
    if (!q->has_server_response) {
        puts("query: no state reported");
        return;
    }
    const acr_query_server_response *r = &q->server_response;
    if (r->has_status)
        printf("query: status %lld%s\n", (long long)r->status, r->status == 5 ? " (recording)" : "");
    print_files(r->file_list, r->file_list_items, r->file_list_count);
    for (size_t i = 0; i < r->extension_service_state_count; i++) {
        const acr_query_extension_service_state *service = &r->extension_service_state[i];
        if (service->has_payload)
            print_web_files(service->payload.file_list, service->payload.file_list_count);
    }
}

static void print_stop(const acr_stop_response *stop)
{
    fputs("stop: stopped recording ", stdout);
    put_text(stdout, stop->sid);
    fputc('\n', stdout);
    if (!stop->has_server_response)
        return;
    const acr_server_response *r = &stop->server_response;
    if (r->uploading_status != ACR_UPLOADING_STATUS_UNSET) {
        fputs("  upload: ", stdout);
        put_text(stdout, upload_name(r->uploading_status, r->uploading_status_other));
        fputc('\n', stdout);
    }
    print_files(r->file_list, r->file_list_items, r->file_list_count);
    for (size_t i = 0; i < r->extension_service_state_count; i++) {
        const acr_extension_payload *p = &r->extension_service_state[i].payload;
        if (!r->extension_service_state[i].has_payload)
            continue;
        if (p->uploading_status != ACR_UPLOADING_STATUS_UNSET) {
            fputs("  upload: ", stdout);
            put_text(stdout, upload_name(p->uploading_status, p->uploading_status_other));
            fputc('\n', stdout);
        }
        print_web_files(p->file_list, p->file_list_count);
    }
}

/* --- the requests ---------------------------------------------------------
 * Requests are caller-owned: the library only reads them during the call, so
 * they may point at argv, at the settings and at these static arrays. */

static const char *const everyone[] = {"#allstream#"};
static const acr_av_file_type hls_only[] = {ACR_AV_FILE_TYPE_HLS};
static const acr_av_file_type hls_and_mp4[] = {ACR_AV_FILE_TYPE_HLS, ACR_AV_FILE_TYPE_MP4};

static void build_acquire(const settings *s, acr_acquire_request *r)
{
    r->cname = s->cname;
    r->uid = s->uid;
    r->client_request.has_scene = true;
    r->client_request.scene = s->mode == ACR_MODE_WEB ? 1 : 0; /* 1: web page recording */
}

/* start: record everyone's audio and video (individual, mix) or the page (web)
 * into HLS (and MP4 in mix and web modes), uploaded to the bucket. */
static void build_start(const settings *s, acr_extension_service *web_service, acr_start_request *r)
{
    r->cname = s->cname;
    r->uid = s->uid;
    acr_start_client_request *c = &r->client_request;
    c->storage_config.has_vendor = true;
    c->storage_config.vendor = s->vendor_number;
    c->storage_config.has_region = true;
    c->storage_config.region = s->region_number;
    c->storage_config.bucket = s->bucket;
    c->storage_config.access_key = s->access_key;
    c->storage_config.secret_key = s->secret_key;
    c->has_recording_file_config = true;
    c->recording_file_config.av_file_type = s->mode == ACR_MODE_INDIVIDUAL ? hls_only : hls_and_mp4;
    c->recording_file_config.av_file_type_count = s->mode == ACR_MODE_INDIVIDUAL ? 1 : 2;

    if (s->mode == ACR_MODE_WEB) {
        web_service->service_name = ACR_EXTENSION_SERVICE_SERVICE_NAME_WEB_RECORDER_SERVICE;
        acr_service_param *p = &web_service->service_param;
        p->url = s->url;
        p->has_audio_profile = true;
        p->audio_profile = 0;
        p->has_video_width = true;
        p->video_width = 1280;
        p->has_video_height = true;
        p->video_height = 720;
        p->has_max_recording_hour = true;
        p->max_recording_hour = 2;
        c->has_extension_service_config = true;
        c->extension_service_config.extension_services = web_service;
        c->extension_service_config.extension_services_count = 1;
        return;
    }
    acr_recording_config *rc = &c->recording_config;
    c->has_recording_config = true;
    rc->has_channel_type = true;
    rc->channel_type = 1; /* live broadcast: it must match the channel's profile */
    rc->has_stream_types = true;
    rc->stream_types = 2; /* audio and video */
    rc->subscribe_audio_uids = everyone;
    rc->subscribe_audio_uids_count = 1;
    rc->subscribe_video_uids = everyone;
    rc->subscribe_video_uids_count = 1;
    if (s->mode == ACR_MODE_INDIVIDUAL) {
        rc->has_subscribe_uid_group = true;
        rc->subscribe_uid_group = 0; /* at most 2 users at once */
    } else {
        rc->has_transcoding_config = true;
        rc->transcoding_config.has_width = true;
        rc->transcoding_config.width = 1280;
        rc->transcoding_config.has_height = true;
        rc->transcoding_config.height = 720;
        rc->transcoding_config.has_mixed_video_layout = true;
        rc->transcoding_config.mixed_video_layout = 1; /* best fit */
    }
}

/* update: pause the page (web), or subscribe to everyone's audio and video. */
static void build_update(const settings *s, acr_update_request *r)
{
    r->cname = s->cname;
    r->uid = s->uid;
    acr_update_client_request *c = &r->client_request;
    if (s->mode == ACR_MODE_WEB) {
        c->has_web_recording_config = true;
        c->web_recording_config.has_onhold = true;
        c->web_recording_config.onhold = true;
        return;
    }
    c->has_stream_subscribe = true;
    c->stream_subscribe.has_audio_uid_list = true;
    c->stream_subscribe.audio_uid_list.subscribe_audio_uids = everyone;
    c->stream_subscribe.audio_uid_list.subscribe_audio_uids_count = 1;
    c->stream_subscribe.has_video_uid_list = true;
    c->stream_subscribe.video_uid_list.subscribe_video_uids = everyone;
    c->stream_subscribe.video_uid_list.subscribe_video_uids_count = 1;
}

/* updateLayout (mix): a custom layout of two windows side by side, the first
 * user on the left and anyone else on the right. Positions are fractions of the
 * canvas (doubles). */
static void build_layout(const settings *s, acr_layout_region windows[2], acr_update_layout_request *r)
{
    r->cname = s->cname;
    r->uid = s->uid;
    for (int i = 0; i < 2; i++) {
        windows[i].has_x_axis = true;
        windows[i].x_axis = 0.5 * i;
        windows[i].has_y_axis = true;
        windows[i].y_axis = 0.25;
        windows[i].has_width = true;
        windows[i].width = 0.5;
        windows[i].has_height = true;
        windows[i].height = 0.5;
    }
    r->client_request.has_mixed_video_layout = true;
    r->client_request.mixed_video_layout = 3; /* custom: layoutConfig */
    r->client_request.background_color = "#1F1F1F";
    r->client_request.layout_config = windows;
    r->client_request.layout_config_count = 2;
}

/* stop, synchronously: the service answers once the files are uploaded. */
static void build_stop(const settings *s, acr_stop_request *r)
{
    r->cname = s->cname;
    r->uid = s->uid;
    r->client_request.has_async_stop = true;
    r->client_request.async_stop = false;
}

int main(int argc, char **argv)
{
    settings s;
    int code = read_settings(argc, argv, &s);
    if (code >= 0)
        return code;
    code = EXIT_DONE;
    if (strcmp(acr_version(), ACR_VERSION_STRING) != 0)
        fprintf(stderr, "lifecycle: built with the headers of acr %s, running libacr %s\n", ACR_VERSION_STRING,
                acr_version());

    acr_acquire_request acquire = ACR_ACQUIRE_REQUEST_INIT;
    acr_start_request start = ACR_START_REQUEST_INIT;
    acr_extension_service web_service = ACR_EXTENSION_SERVICE_INIT;
    acr_update_request update = ACR_UPDATE_REQUEST_INIT;
    acr_update_layout_request layout = ACR_UPDATE_LAYOUT_REQUEST_INIT;
    acr_layout_region windows[2] = {ACR_LAYOUT_REGION_INIT, ACR_LAYOUT_REGION_INIT};
    acr_stop_request stop = ACR_STOP_REQUEST_INIT;
    build_acquire(&s, &acquire);
    build_start(&s, &web_service, &start);
    build_update(&s, &update);
    build_layout(&s, windows, &layout);
    build_stop(&s, &stop);

    /* What the library allocates starts out empty, so one exit path frees it all. */
    acr_client *client = NULL;
    acr_error err = ACR_ERROR_INIT;
    acr_acquire_response acquired = ACR_ACQUIRE_RESPONSE_INIT;
    acr_start_response started = ACR_START_RESPONSE_INIT;
    acr_query_response queried = ACR_QUERY_RESPONSE_INIT;
    acr_update_response updated = ACR_UPDATE_RESPONSE_INIT;
    acr_update_layout_response laid_out = ACR_UPDATE_LAYOUT_RESPONSE_INIT;
    acr_stop_response stopped = ACR_STOP_RESPONSE_INIT;

    acr_client_options options = ACR_CLIENT_OPTIONS_INIT;
    options.app_id = s.appid;
    options.customer_id = s.customer_id;
    options.customer_secret = s.customer_secret;
    options.base_url = s.base_url; /* NULL: ACR_DEFAULT_BASE_URL */
    acr_status status = acr_client_new(&options, &client, &err);
    if (status != ACR_OK) {
        code = report("client", status, &err);
        goto done;
    }

    status = acr_acquire(client, &acquire, &acquired, &err);
    if (status != ACR_OK) {
        code = report("acquire", status, &err);
        goto done;
    }
    fputs("acquire: resource ID ", stdout);
    put_text(stdout, acquired.resource_id);
    fputc('\n', stdout);

    acr_start_params start_params = {.resource_id = acquired.resource_id, .mode = s.mode};
    status = acr_start(client, &start_params, &start, &started, &err);
    if (status != ACR_OK) {
        code = report("start", status, &err);
        if (status == ACR_ERR_MAY_HAVE_SUCCEEDED)
            /* Running, most likely, but this answer has no sid to stop it with:
             * the recording ends by itself after maxIdleTime without users. */
            fputs("start: the recording may be running; it stops by itself once the channel is empty\n", stderr);
        goto done;
    }
    fputs("start: recording ", stdout);
    put_text(stdout, started.sid);
    printf(" in %s mode\n", acr_mode_name(s.mode));

    /* From here on the recording runs: whatever fails, it is stopped below. */
    acr_query_params query_params = {.resource_id = acquired.resource_id, .sid = started.sid, .mode = s.mode};
    status = acr_query(client, &query_params, &queried, &err);
    if (status == ACR_OK)
        print_query(&queried);
    else
        code = report("query", status, &err);

    if (code == EXIT_DONE) {
        acr_update_params update_params = {.resource_id = acquired.resource_id, .sid = started.sid, .mode = s.mode};
        status = acr_update(client, &update_params, &update, &updated, &err);
        if (status == ACR_OK)
            puts(s.mode == ACR_MODE_WEB ? "update: the page recording is paused"
                                        : "update: subscribed to everyone's audio and video");
        else
            code = report("update", status, &err);
    }

    if (code == EXIT_DONE && s.mode == ACR_MODE_MIX) {
        acr_update_layout_params layout_params = {.resource_id = acquired.resource_id, .sid = started.sid,
                                                  .mode = ACR_MODE_MIX};
        status = acr_update_layout(client, &layout_params, &layout, &laid_out, &err);
        if (status == ACR_OK)
            puts("updateLayout: two windows side by side");
        else
            code = report("updateLayout", status, &err);
    }

    acr_stop_params stop_params = {.resource_id = acquired.resource_id, .sid = started.sid, .mode = s.mode};
    status = acr_stop(client, &stop_params, &stop, &stopped, &err);
    if (status == ACR_OK) {
        print_stop(&stopped);
    } else {
        /* The first failure decides the exit status; this one is reported too. */
        int stop_code = report("stop", status, &err);
        if (code == EXIT_DONE)
            code = stop_code;
    }

done:
    /* Responses are library-owned: free them whatever happened (freeing an
     * empty one is harmless); the error may hold violations and strings. */
    acr_acquire_response_free(&acquired);
    acr_start_response_free(&started);
    acr_query_response_free(&queried);
    acr_update_response_free(&updated);
    acr_update_layout_response_free(&laid_out);
    acr_stop_response_free(&stopped);
    acr_error_clear(&err);
    acr_client_free(client);
    return code;
}
