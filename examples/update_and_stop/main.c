/* update_and_stop: changes which streams a running cloud recording subscribes
 * to, then stops the recording and lists the files it made. A complete program
 * against an installed libacr (see README.md, "Installing and linking"):
 *
 *   update_and_stop --appid ID --resource-id RID --sid SID --mode individual|mix
 *                   --cname CHANNEL --uid UID [--base-url URL] [STREAM_UID...]
 *
 * Every option may come from the environment instead: AGORA_APP_ID,
 * AGORA_RESOURCE_ID, AGORA_SID, AGORA_MODE, AGORA_CNAME, AGORA_UID and
 * AGORA_BASE_URL (default https://api.sd-rtn.com). The credentials come from the
 * environment only: AGORA_CUSTOMER_ID and AGORA_CUSTOMER_SECRET. STREAM_UIDs are
 * the users whose audio and video are recorded from now on (default: everyone,
 * "#allstream#").
 *
 * Exit status: 0 done; 1 the request breaks a rule of the API (nothing was
 * sent); 2 usage; 3 the service answered with an error; 4 the service could not
 * be reached; 5 the service's answer is invalid; 6 out of memory. */
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <acr_api.h>
#include <acr/files.h>

enum {
    EXIT_DONE = 0,
    EXIT_INVALID_REQUEST = 1,
    EXIT_USAGE = 2,
    EXIT_HTTP = 3,
    EXIT_TRANSPORT = 4,
    EXIT_INVALID_RESPONSE = 5,
    EXIT_NOMEM = 6
};

#define MAX_STREAM_UIDS 32 /* the API's limit for a subscription list */

typedef struct settings {
    const char *appid, *resource_id, *sid, *mode, *cname, *uid, *base_url;
    const char *stream_uids[MAX_STREAM_UIDS];
    size_t stream_uid_count;
} settings;

static const char usage_text[] =
    "usage: update_and_stop --appid ID --resource-id RID --sid SID --mode individual|mix\n"
    "                       --cname CHANNEL --uid UID [--base-url URL] [STREAM_UID...]\n"
    "Options default to AGORA_APP_ID, AGORA_RESOURCE_ID, AGORA_SID, AGORA_MODE,\n"
    "AGORA_CNAME, AGORA_UID and AGORA_BASE_URL; credentials come from\n"
    "AGORA_CUSTOMER_ID and AGORA_CUSTOMER_SECRET.\n";

static int usage(const char *problem)
{
    fprintf(stderr, "update_and_stop: %s\n%s", problem, usage_text);
    return EXIT_USAGE;
}

/* A non-empty environment variable, or NULL. */
static const char *from_env(const char *name)
{
    const char *value = getenv(name);
    return value && *value ? value : NULL;
}

/* Returns -1 to go on, or an exit status. */
static int read_settings(int argc, char **argv, settings *s)
{
    memset(s, 0, sizeof *s);
    struct {
        const char *option, *env;
        const char **value;
    } options[] = {
        {"--appid", "AGORA_APP_ID", &s->appid},
        {"--resource-id", "AGORA_RESOURCE_ID", &s->resource_id},
        {"--sid", "AGORA_SID", &s->sid},
        {"--mode", "AGORA_MODE", &s->mode},
        {"--cname", "AGORA_CNAME", &s->cname},
        {"--uid", "AGORA_UID", &s->uid},
        {"--base-url", "AGORA_BASE_URL", &s->base_url}, /* optional: the last one */
    };
    const size_t option_count = sizeof options / sizeof options[0];
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs(usage_text, stdout);
            return EXIT_DONE;
        }
        if (strncmp(argv[i], "--", 2) != 0) {
            if (s->stream_uid_count == MAX_STREAM_UIDS)
                return usage("at most 32 stream UIDs");
            s->stream_uids[s->stream_uid_count++] = argv[i];
            continue;
        }
        size_t k = 0;
        while (k < option_count && strcmp(argv[i], options[k].option) != 0)
            k++;
        if (k == option_count || i + 1 == argc) {
            fprintf(stderr, "update_and_stop: unknown option, or option without its value: %s\n", argv[i]);
            return usage("see the usage");
        }
        *options[k].value = argv[++i];
    }
    for (size_t k = 0; k < option_count; k++) {
        if (!*options[k].value)
            *options[k].value = from_env(options[k].env);
        if (!*options[k].value && k + 1 < option_count) {
            fprintf(stderr, "update_and_stop: %s (or %s) is required\n", options[k].option, options[k].env);
            return usage("missing setting");
        }
    }
    if (s->stream_uid_count == 0)
        s->stream_uids[s->stream_uid_count++] = "#allstream#";
    return -1;
}

/* A violation's JSON pointer; it may hold a NUL byte (a key holding U+0000), so
 * it is written by length. The root is "". */
static void print_pointer(const acr_violation *v)
{
    if (v->pointer_length == 0)
        fputs("(the whole body)", stderr);
    else
        fwrite(v->pointer, 1, v->pointer_length, stderr);
}

/* What the service's well-known answers mean (see the API reference). */
static const char *hint_for(const acr_error *err)
{
    if (err->http_status == 401)
        return "check AGORA_CUSTOMER_ID and AGORA_CUSTOMER_SECRET";
    if (err->http_status == 404)
        return "no such recording: it has stopped, or the resource ID, sid or mode is wrong";
    if (!err->has_service_code)
        return NULL;
    switch (err->service_code) {
    case 2: return "the service rejected a parameter";
    case 49: return "the recording was already stopped";
    case 62: return "the service timed out; try again";
    case 65: return "network jitter between the service and the channel; try again";
    case 435: return "the recording made no files: nobody published in the channel";
    default: return NULL;
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
            print_pointer(&err->violations[i]);
            fprintf(stderr, ": %s\n", err->violations[i].message);
        }
        return EXIT_INVALID_REQUEST;
    case ACR_ERR_HTTP:
    case ACR_ERR_MAY_HAVE_SUCCEEDED: {
        /* The service answered with a status other than 200 (206 included). */
        if (status == ACR_ERR_MAY_HAVE_SUCCEEDED)
            fprintf(stderr, "%s: retried, and the service says it is already done: "
                            "the first attempt most likely succeeded\n", call);
        fprintf(stderr, "%s: the service answered HTTP %d", call, err->http_status);
        if (err->has_service_code)
            fprintf(stderr, ", code %lld", err->service_code);
        if (err->reason)
            fprintf(stderr, ", reason \"%s\"", err->reason);
        fputc('\n', stderr);
        const char *hint = hint_for(err);
        if (hint)
            fprintf(stderr, "%s: %s\n", call, hint);
        if (err->request_id)
            fprintf(stderr, "%s: X-Request-ID %s (quote it to Agora support)\n", call, err->request_id);
        return EXIT_HTTP;
    }
    case ACR_ERR_TRANSPORT:
    case ACR_ERR_CANCELLED: /* only an asynchronous call is cancelled */
        /* Connect, TLS, timeout, reset: no complete answer. */
        fprintf(stderr, "%s: could not reach the service: %s\n", call, err->message);
        return EXIT_TRANSPORT;
    case ACR_ERR_INVALID_RESPONSE:
        /* A 200 answer that is malformed, of the wrong shape or too large. */
        fprintf(stderr, "%s: the service's answer is invalid: %s", call, err->message);
        if (err->pointer)
            fprintf(stderr, " (at %s)", *err->pointer ? err->pointer : "the root");
        fputc('\n', stderr);
        if (err->request_id)
            fprintf(stderr, "%s: X-Request-ID %s\n", call, err->request_id);
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
        /* A precondition of the library: a bad base URL, a missing path parameter. */
        fprintf(stderr, "%s: %s\n", call, err->message);
        return EXIT_USAGE;
    }
    fprintf(stderr, "%s: %s: %s\n", call, acr_status_name(status), err->message);
    return EXIT_USAGE;
}

static const char *track_name(const acr_file *file)
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

static void print_stop(const acr_stop_response *stop)
{
    printf("stopped recording %s\n", stop->sid ? stop->sid : "(sid not returned)");
    if (!stop->has_server_response)
        return;
    const acr_server_response *server = &stop->server_response;
    printf("upload: %s\n", upload_name(server->uploading_status, server->uploading_status_other));
    /* One loop for every shape of fileList: a name, entries, web mode's lists. */
    acr_file_iter it;
    acr_file file;
    acr_files_of_stop(&it, stop);
    while (acr_files_next(&it, &file)) {
        if (file.source == ACR_FILE_SOURCE_ENTRY)
            printf("file: %s (%s, uid %s)\n", file.name, track_name(&file), file.uid ? file.uid : "?");
        else
            printf("file: %s\n", file.name);
    }
}

/* update: record the audio and the video of these users from now on. The
 * request is ours (caller-owned): the library only reads it, so it may point
 * at argv and at the settings. */
static void build_update(const settings *s, acr_update_request *update)
{
    update->cname = s->cname;
    update->uid = s->uid;
    update->client_request.has_stream_subscribe = true;
    acr_stream_subscribe *subscribe = &update->client_request.stream_subscribe;
    subscribe->has_audio_uid_list = true;
    subscribe->audio_uid_list.subscribe_audio_uids = s->stream_uids;
    subscribe->audio_uid_list.subscribe_audio_uids_count = s->stream_uid_count;
    subscribe->has_video_uid_list = true;
    subscribe->video_uid_list.subscribe_video_uids = s->stream_uids;
    subscribe->video_uid_list.subscribe_video_uids_count = s->stream_uid_count;
}

/* stop, synchronously: the service answers once the files are uploaded. */
static void build_stop(const settings *s, acr_stop_request *stop)
{
    stop->cname = s->cname;
    stop->uid = s->uid;
    stop->client_request.has_async_stop = true;
    stop->client_request.async_stop = false;
}

int main(int argc, char **argv)
{
    settings s;
    int code = read_settings(argc, argv, &s);
    if (code >= 0)
        return code;
    acr_mode mode;
    if (!acr_mode_parse(s.mode, &mode))
        return usage("--mode takes individual, mix or web (lower case)");
    const char *customer_id = from_env("AGORA_CUSTOMER_ID");
    const char *customer_secret = from_env("AGORA_CUSTOMER_SECRET");
    if (!customer_id || !customer_secret)
        return usage("set AGORA_CUSTOMER_ID and AGORA_CUSTOMER_SECRET in the environment");
    if (strcmp(acr_version(), ACR_VERSION_STRING) != 0)
        fprintf(stderr, "update_and_stop: built with the headers of acr %s, running libacr %s\n",
                ACR_VERSION_STRING, acr_version());

    acr_update_request update = ACR_UPDATE_REQUEST_INIT;
    acr_update_params update_params = ACR_UPDATE_PARAMS_INIT;
    acr_stop_request stop = ACR_STOP_REQUEST_INIT;
    acr_stop_params stop_params = ACR_STOP_PARAMS_INIT;
    build_update(&s, &update);
    build_stop(&s, &stop);
    update_params.resource_id = stop_params.resource_id = s.resource_id;
    update_params.sid = stop_params.sid = s.sid;
    update_params.mode = stop_params.mode = mode;

    /* What the library allocates starts out empty, so one exit path frees it all. */
    acr_client *client = NULL;
    acr_error err = ACR_ERROR_INIT;
    acr_update_response updated = ACR_UPDATE_RESPONSE_INIT;
    acr_stop_response stopped = ACR_STOP_RESPONSE_INIT;

    acr_client_options options = {0};
    options.app_id = s.appid;
    options.customer_id = customer_id;
    options.customer_secret = customer_secret;
    options.base_url = s.base_url; /* NULL: ACR_DEFAULT_BASE_URL */
    acr_status status = acr_client_new(&options, &client, &err);
    if (status != ACR_OK) {
        code = report("client", status, &err);
        goto done;
    }

    status = acr_update(client, &update_params, &update, &updated, &err);
    if (status != ACR_OK) {
        code = report("update", status, &err);
        goto done;
    }
    printf("updated the subscription of recording %s: %zu stream%s\n", updated.sid ? updated.sid : s.sid,
           s.stream_uid_count, s.stream_uid_count == 1 ? "" : "s");

    status = acr_stop(client, &stop_params, &stop, &stopped, &err);
    if (status != ACR_OK) {
        code = report("stop", status, &err);
        goto done;
    }
    print_stop(&stopped);
    code = EXIT_DONE;

done:
    /* Responses are library-owned: free them whatever happened (freeing an
     * empty one is harmless); the error may hold violations and strings. */
    acr_update_response_free(&updated);
    acr_stop_response_free(&stopped);
    acr_error_clear(&err);
    acr_client_free(client);
    return code;
}
