/* The recordings of async_poll and async_libuv (see recordings.h): settings,
 * the requests, each recording's state machine and the output. Nothing here
 * knows how the loop is driven. */
#define _POSIX_C_SOURCE 200809L

#include "recordings.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_RECORDINGS 100
#define MAX_CNAME 64 /* the service's limit, in bytes */

/* The usage's continuation lines line up under the first option. */
static void print_usage(FILE *out)
{
    int indent = (int)strlen(program_name) + 8; /* "usage: NAME " */
    fprintf(out,
            "usage: %s --appid ID --mode individual|mix|web --cname CHANNEL --uid UID\n"
            "%*s--bucket BUCKET [--recordings N] [--vendor N] [--region N]\n"
            "%*s[--url PAGE] [--base-url URL]\n",
            program_name, indent, "", indent, "");
    fputs("Runs N recordings (default 3; channels CHANNEL-1 .. CHANNEL-N) at once on one thread.\n"
          "Options default to AGORA_APP_ID, AGORA_MODE, AGORA_CNAME, AGORA_UID,\n"
          "AGORA_STORAGE_BUCKET, AGORA_RECORDINGS (3), AGORA_STORAGE_VENDOR (1),\n"
          "AGORA_STORAGE_REGION (0), AGORA_WEB_URL (web mode) and AGORA_BASE_URL. Secrets come\n"
          "from AGORA_CUSTOMER_ID, AGORA_CUSTOMER_SECRET, AGORA_STORAGE_ACCESS_KEY and\n"
          "AGORA_STORAGE_SECRET_KEY.\n",
          out);
}

static int usage(const char *problem)
{
    fprintf(stderr, "%s: %s\n", program_name, problem);
    print_usage(stderr);
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
        {"--recordings", "AGORA_RECORDINGS", &s->recordings, false},
        {"--vendor", "AGORA_STORAGE_VENDOR", &s->vendor, false},
        {"--region", "AGORA_STORAGE_REGION", &s->region, false},
        {"--url", "AGORA_WEB_URL", &s->url, false},
        {"--base-url", "AGORA_BASE_URL", &s->base_url, false},
    };
    const size_t option_count = sizeof options / sizeof options[0];
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            print_usage(stdout);
            return EXIT_DONE;
        }
        size_t k = 0;
        while (k < option_count && strcmp(argv[i], options[k].option) != 0)
            k++;
        if (k == option_count || i + 1 == argc) {
            fprintf(stderr, "%s: unknown option, or option without its value: %s\n", program_name, argv[i]);
            return usage("see the usage");
        }
        *options[k].value = argv[++i];
    }
    for (size_t k = 0; k < option_count; k++) {
        if (!*options[k].value)
            *options[k].value = from_env(options[k].env);
        if (!*options[k].value && options[k].required) {
            fprintf(stderr, "%s: %s (or %s) is required\n", program_name, options[k].option, options[k].env);
            return usage("missing setting");
        }
    }
    if (!acr_mode_parse(s->mode_text, &s->mode))
        return usage("--mode takes individual, mix or web (lower case)");
    if (s->mode == ACR_MODE_WEB && !s->url)
        return usage("web mode records a page: --url (or AGORA_WEB_URL) is required");
    if (strlen(s->cname) > MAX_CNAME - 4)
        return usage("--cname: at most 60 bytes (the service takes 64, and \"-N\" is added)");
    s->recording_count = s->recordings ? small_number(s->recordings) : 3;
    if (s->recording_count < 1 || s->recording_count > MAX_RECORDINGS)
        return usage("--recordings takes a whole number from 1 to 100");
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

/* Explains a failed call on standard error ("CHANNEL-i: step: ..."); returns
 * the exit status for it. */
int report(const char *call, acr_status status, const acr_error *err)
{
    switch (status) {
    case ACR_OK:
        return EXIT_DONE;
    case ACR_ERR_CANCELLED:
        /* Only this program cancels: on SIGINT/SIGTERM, or when the loop failed. */
        fprintf(stderr, "%s: cancelled: %s\n", call, err->message[0] ? err->message : "by this program");
        return EXIT_INTERRUPTED;
    case ACR_ERR_INVALID_REQUEST:
        /* Checked before sending: nothing reached the service. */
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
        /* A status other than 200; or a retry hearing "already done" after an
         * attempt that may have reached the service. */
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

/* "upload uploaded, 2 files" from a stop's answer (every mode). */
static void print_stop_summary(const acr_stop_response *stop)
{
    size_t files = 0;
    const char *upload = "not reported";
    if (stop->has_server_response) {
        const acr_server_response *r = &stop->server_response;
        if (r->uploading_status != ACR_UPLOADING_STATUS_UNSET)
            upload = upload_name(r->uploading_status, r->uploading_status_other);
        files += (r->file_list ? 1 : 0) + r->file_list_count;
        for (size_t i = 0; i < r->extension_service_state_count; i++) {
            const acr_extension_payload *p = &r->extension_service_state[i].payload;
            if (!r->extension_service_state[i].has_payload)
                continue;
            if (p->uploading_status != ACR_UPLOADING_STATUS_UNSET)
                upload = upload_name(p->uploading_status, p->uploading_status_other);
            files += p->file_list_count;
        }
    }
    fputs(", upload ", stdout);
    put_text(stdout, upload);
    printf(", %zu file%s", files, files == 1 ? "" : "s");
}

/* --- the requests ---------------------------------------------------------
 * acr_<op>_async() copies the request and the parameters: they are built on
 * the stack just before each call and may point at the settings. */

static const char *const everyone[] = {"#allstream#"};
static const acr_av_file_type hls_only[] = {ACR_AV_FILE_TYPE_HLS};
static const acr_av_file_type hls_and_mp4[] = {ACR_AV_FILE_TYPE_HLS, ACR_AV_FILE_TYPE_MP4};

static void build_acquire(const settings *s, const char *cname, acr_acquire_request *r)
{
    r->cname = cname;
    r->uid = s->uid;
    r->client_request.has_scene = true;
    r->client_request.scene = s->mode == ACR_MODE_WEB ? 1 : 0; /* 1: web page recording */
}

/* start: everyone's audio and video (individual, mix) or the page (web) into
 * HLS (and MP4 in mix and web modes), uploaded to the bucket. */
static void build_start(const settings *s, const char *cname, acr_extension_service *web_service,
                        acr_start_request *r)
{
    r->cname = cname;
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
static void build_update(const settings *s, const char *cname, acr_update_request *r)
{
    r->cname = cname;
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

/* updateLayout (mix): two windows side by side, as fractions of the canvas. */
static void build_layout(const settings *s, const char *cname, acr_layout_region windows[2],
                         acr_update_layout_request *r)
{
    r->cname = cname;
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
static void build_stop(const settings *s, const char *cname, acr_stop_request *r)
{
    r->cname = cname;
    r->uid = s->uid;
    r->client_request.has_async_stop = true;
    r->client_request.async_stop = false;
}

/* --- one recording: a state machine moved on by its calls' done callbacks --- */

typedef enum step { STEP_ACQUIRE, STEP_START, STEP_QUERY, STEP_UPDATE, STEP_LAYOUT, STEP_STOP, STEP_DONE } step;

static const char *const step_names[] = {"acquire", "start", "query", "update", "updateLayout", "stop", "done"};

struct recording {
    program *program;
    char cname[MAX_CNAME + 1];
    step step;                 /* the call in flight, or STEP_DONE */
    step failed_step;          /* the first step that failed (STEP_DONE: none) */
    int code;                  /* the exit status of the first failure */
    bool may_be_running;       /* started (or maybe started) and not stopped */
    /* Library-owned answers: borrowed by the call in flight until its done
     * callback returns; freed at the end whatever happened. */
    acr_acquire_response acquired;
    acr_start_response started;
    acr_query_response queried;
    acr_update_response updated;
    acr_update_layout_response laid_out;
    acr_stop_response stopped;
};

/* Starts r->step's call; ACR_OK, or why nothing started (then done never runs). */
static acr_status start_step(recording *r, acr_error *err);

static void on_done(void *ctx, acr_transfer *transfer, acr_status status, acr_error *err);

static void print_prefix(const recording *r, const char *what)
{
    put_text(stdout, r->cname);
    printf(": %s: ", what);
}

/* The end of r->step with `status`: prints the step's line or explains the
 * failure, and returns the next step. */
static step step_after(recording *r, acr_status status, const acr_error *err)
{
    const settings *s = &r->program->settings;
    step ended = r->step;
    if (status != ACR_OK) {
        char call[MAX_CNAME + 32];
        int n = snprintf(call, sizeof call, "%s: %s", r->cname, step_names[ended]);
        int code = report(n > 0 && (size_t)n < sizeof call ? call : step_names[ended], status, err);
        if (r->failed_step == STEP_DONE) {
            r->failed_step = ended;
            r->code = code;
        }
        if (ended == STEP_START && status == ACR_ERR_MAY_HAVE_SUCCEEDED) {
            /* Running, most likely, but without a sid to stop it with. */
            r->may_be_running = true;
            fprintf(stderr, "%s: start: the recording may be running; it stops by itself once the channel is "
                            "empty\n", r->cname);
        }
        if (status == ACR_ERR_CANCELLED || ended == STEP_ACQUIRE || ended == STEP_START || ended == STEP_STOP)
            return STEP_DONE;
        return r->program->cancel_reason ? STEP_DONE : STEP_STOP; /* never leave it running */
    }
    print_prefix(r, step_names[ended]);
    switch (ended) {
    case STEP_ACQUIRE:
        fputs("resource ID ", stdout);
        put_text(stdout, r->acquired.resource_id);
        break;
    case STEP_START:
        r->may_be_running = true;
        fputs("recording ", stdout);
        put_text(stdout, r->started.sid);
        printf(" in %s mode", acr_mode_name(s->mode));
        break;
    case STEP_QUERY:
        if (r->queried.has_server_response && r->queried.server_response.has_status)
            printf("status %lld%s", (long long)r->queried.server_response.status,
                   r->queried.server_response.status == 5 ? " (recording)" : "");
        else
            fputs("no state reported", stdout);
        break;
    case STEP_UPDATE:
        fputs(s->mode == ACR_MODE_WEB ? "the page recording is paused" : "subscribed to everyone's audio and video",
              stdout);
        break;
    case STEP_LAYOUT:
        fputs("two windows side by side", stdout);
        break;
    case STEP_STOP:
        r->may_be_running = false;
        fputs("stopped recording ", stdout);
        put_text(stdout, r->stopped.sid);
        print_stop_summary(&r->stopped);
        break;
    case STEP_DONE:
        break;
    }
    fputc('\n', stdout);
    if (r->program->cancel_reason)
        return STEP_DONE; /* no new call once cancelling */
    switch (ended) {
    case STEP_ACQUIRE: return STEP_START;
    case STEP_START: return STEP_QUERY;
    case STEP_QUERY: return STEP_UPDATE;
    case STEP_UPDATE: return s->mode == ACR_MODE_MIX ? STEP_LAYOUT : STEP_STOP;
    case STEP_LAYOUT: return STEP_STOP;
    case STEP_STOP:
    case STEP_DONE: break;
    }
    return STEP_DONE;
}

static void recording_ended(recording *r)
{
    program *p = r->program;
    put_text(stdout, r->cname);
    if (r->failed_step == STEP_DONE) {
        p->completed++;
        puts(": completed");
    } else {
        printf(": failed at %s", step_names[r->failed_step]);
        if (r->may_be_running) {
            fputs(" (recording ", stdout);
            put_text(stdout, r->started.sid ? r->started.sid : "without a sid");
            fputs(" may still be running: it stops by itself once the channel is empty)", stdout);
        }
        fputc('\n', stdout);
    }
    if (++p->ended == p->count && p->all_ended)
        p->all_ended(p);
}

/* Moves r on from the step that just ended, starting its next call. A call
 * that cannot start ends its step at once, with that status. */
static void advance(recording *r, acr_status status, const acr_error *err)
{
    acr_error start_err = ACR_ERROR_INIT;
    for (;;) {
        r->step = step_after(r, status, err);
        acr_error_clear(&start_err);
        if (r->step == STEP_DONE) {
            recording_ended(r);
            return;
        }
        status = start_step(r, &start_err);
        if (status == ACR_OK)
            return;
        err = &start_err;
    }
}

/* Every call's done callback: on the loop's thread, once per call. */
static void on_done(void *ctx, acr_transfer *transfer, acr_status status, acr_error *err)
{
    (void)transfer; /* freed by the library when this returns */
    advance(ctx, status, err);
}

static acr_status start_step(recording *r, acr_error *err)
{
    const settings *s = &r->program->settings;
    acr_loop *loop = r->program->loop;
    /* Every id is copied when the call starts: these may point into the
     * earlier answers. The requests are copied too: built on the stack. */
    const char *rid = r->acquired.resource_id, *sid = r->started.sid;
    switch (r->step) {
    case STEP_ACQUIRE: {
        acr_acquire_request request = ACR_ACQUIRE_REQUEST_INIT;
        build_acquire(s, r->cname, &request);
        return acr_acquire_async(loop, &request, &r->acquired, on_done, r, NULL, err);
    }
    case STEP_START: {
        acr_start_params params = {.resource_id = rid, .mode = s->mode};
        acr_start_request request = ACR_START_REQUEST_INIT;
        acr_extension_service web_service = ACR_EXTENSION_SERVICE_INIT;
        build_start(s, r->cname, &web_service, &request);
        return acr_start_async(loop, &params, &request, &r->started, on_done, r, NULL, err);
    }
    case STEP_QUERY: {
        acr_query_params params = {.resource_id = rid, .sid = sid, .mode = s->mode};
        return acr_query_async(loop, &params, &r->queried, on_done, r, NULL, err);
    }
    case STEP_UPDATE: {
        acr_update_params params = {.resource_id = rid, .sid = sid, .mode = s->mode};
        acr_update_request request = ACR_UPDATE_REQUEST_INIT;
        build_update(s, r->cname, &request);
        return acr_update_async(loop, &params, &request, &r->updated, on_done, r, NULL, err);
    }
    case STEP_LAYOUT: {
        acr_update_layout_params params = {.resource_id = rid, .sid = sid, .mode = ACR_MODE_MIX};
        acr_update_layout_request request = ACR_UPDATE_LAYOUT_REQUEST_INIT;
        acr_layout_region windows[2] = {ACR_LAYOUT_REGION_INIT, ACR_LAYOUT_REGION_INIT};
        build_layout(s, r->cname, windows, &request);
        return acr_update_layout_async(loop, &params, &request, &r->laid_out, on_done, r, NULL, err);
    }
    case STEP_STOP: {
        acr_stop_params params = {.resource_id = rid, .sid = sid, .mode = s->mode};
        acr_stop_request request = ACR_STOP_REQUEST_INIT;
        build_stop(s, r->cname, &request);
        return acr_stop_async(loop, &params, &request, &r->stopped, on_done, r, NULL, err);
    }
    case STEP_DONE:
        break;
    }
    return ACR_ERR_USAGE;
}

/* --- the program: everything but driving the loop ----------------------- */

int recordings_setup(program *p, int argc, char **argv)
{
    memset(p, 0, sizeof *p);
    settings *s = &p->settings;
    int code = read_settings(argc, argv, s);
    if (code >= 0)
        return code;
    setvbuf(stdout, NULL, _IOLBF, 0); /* each line as it happens, even into a pipe */
    if (strcmp(acr_version(), ACR_VERSION_STRING) != 0)
        fprintf(stderr, "%s: built with the headers of acr %s, running libacr %s\n", program_name,
                ACR_VERSION_STRING, acr_version());
    p->count = (size_t)s->recording_count;
    p->recordings = calloc(p->count, sizeof *p->recordings);
    if (!p->recordings) {
        fprintf(stderr, "%s: out of memory\n", program_name);
        return EXIT_NOMEM;
    }
    for (size_t i = 0; i < p->count; i++) {
        recording *r = &p->recordings[i];
        r->program = p;
        r->step = STEP_ACQUIRE;
        r->failed_step = STEP_DONE;
        /* The settings bound the name's length: this always fits. */
        int n = snprintf(r->cname, sizeof r->cname, "%s-%zu", s->cname, i + 1);
        if (n < 0 || (size_t)n >= sizeof r->cname) {
            recordings_free(p);
            return usage("--cname is too long");
        }
    }
    return -1;
}

int recordings_start(program *p, const acr_loop_options *loop_options)
{
    const settings *s = &p->settings;
    acr_error err = ACR_ERROR_INIT;
    acr_client_options options = ACR_CLIENT_OPTIONS_INIT;
    options.app_id = s->appid;
    options.customer_id = s->customer_id;
    options.customer_secret = s->customer_secret;
    options.base_url = s->base_url; /* NULL: ACR_DEFAULT_BASE_URL */
    acr_status status = acr_client_new(&options, &p->client, &err);
    if (status == ACR_OK)
        status = acr_loop_new(p->client, loop_options, &p->loop, &err);
    if (status != ACR_OK) {
        int code = report(program_name, status, &err);
        acr_error_clear(&err);
        return code;
    }
    for (size_t i = 0; i < p->count; i++) {
        recording *r = &p->recordings[i];
        status = start_step(r, &err);
        if (status != ACR_OK)
            advance(r, status, &err); /* not started: explained, and the recording ends */
        acr_error_clear(&err);
    }
    return -1;
}

void cancel_everything(program *p, const char *reason)
{
    if (p->cancel_reason)
        return;
    p->cancel_reason = reason;
    fprintf(stderr, "%s: %s: cancelling %zu call%s in flight\n", program_name, reason, acr_loop_active(p->loop),
            acr_loop_active(p->loop) == 1 ? "" : "s");
    acr_status status = acr_loop_cancel_all(p->loop);
    if (status != ACR_OK)
        fprintf(stderr, "%s: cancelling: %s\n", program_name, acr_status_name(status));
}

int recordings_finish(program *p, bool loop_failed)
{
    printf("summary: %zu of %zu recording%s completed\n", p->completed, p->count, p->count == 1 ? "" : "s");
    int code = EXIT_DONE;
    for (size_t i = 0; i < p->count && code == EXIT_DONE; i++)
        code = p->recordings[i].code;
    if (loop_failed)
        code = EXIT_TRANSPORT;
    else if (p->cancel_reason)
        code = EXIT_INTERRUPTED;
    return code;
}

void recordings_free(program *p)
{
    /* Idle now: acr_loop_free() refuses while a call is in flight. */
    if (acr_loop_free(p->loop) != ACR_OK)
        fprintf(stderr, "%s: the loop still had calls in flight\n", program_name);
    p->loop = NULL;
    for (size_t i = 0; p->recordings && i < p->count; i++) {
        recording *r = &p->recordings[i];
        acr_acquire_response_free(&r->acquired);
        acr_start_response_free(&r->started);
        acr_query_response_free(&r->queried);
        acr_update_response_free(&r->updated);
        acr_update_layout_response_free(&r->laid_out);
        acr_stop_response_free(&r->stopped);
    }
    free(p->recordings);
    p->recordings = NULL;
    acr_client_free(p->client);
    p->client = NULL;
}
