/* Several cloud recordings' whole lives at once, on one thread: the part of
 * async_poll and async_libuv that is not about the event loop. Each recording
 * (one channel each) goes through acquire, start, query, update, updateLayout
 * (mix mode only) and stop, like examples/lifecycle does with blocking calls;
 * here every call is started with acr_<op>_async() on one acr_loop, and each
 * recording is a small state machine advanced from its calls' done callbacks.
 * poll.c and libuv.c each drive that loop (and catch SIGINT, SIGTERM) their
 * own way; both are complete programs against an installed libacr (see
 * README.md), with the same options, output and exit statuses:
 *
 *   async_poll|async_libuv --appid ID --mode individual|mix|web --cname CHANNEL
 *              --uid UID --bucket BUCKET [--recordings N] [--vendor N]
 *              [--region N] [--url PAGE] [--base-url URL]
 *
 * Recording i (1..N, default 3) records channel CHANNEL-i. Every option may
 * come from the environment as in examples/lifecycle: AGORA_APP_ID, AGORA_MODE,
 * AGORA_CNAME, AGORA_UID, AGORA_STORAGE_BUCKET, AGORA_STORAGE_VENDOR (1),
 * AGORA_STORAGE_REGION (0), AGORA_WEB_URL (web mode), AGORA_BASE_URL and
 * AGORA_RECORDINGS; secrets from the environment only: AGORA_CUSTOMER_ID,
 * AGORA_CUSTOMER_SECRET, AGORA_STORAGE_ACCESS_KEY, AGORA_STORAGE_SECRET_KEY.
 *
 * Output: one line per completed step of each recording ("CHANNEL-i: step:
 * what happened"), one line per recording when it ends ("CHANNEL-i: completed"
 * or "CHANNEL-i: failed at STEP"), then "summary: C of N recordings completed".
 * Once a recording has started, a failing query, update or updateLayout still
 * leads to its stop. Failures are explained on standard error.
 *
 * Exit status: 0 every recording completed; else that of the first recording
 * (in channel order) that failed: 1 a request breaks a rule of the API (nothing
 * was sent); 2 usage; 3 the service answered with an error; 4 the service
 * could not be reached (or the loop failed); 5 the service's answer is
 * invalid; 6 a retried call heard "already done"; 7 out of memory; 130
 * interrupted (SIGINT or SIGTERM): the calls in flight were cancelled. */
#ifndef ASYNC_RECORDINGS_H
#define ASYNC_RECORDINGS_H

#include <stdbool.h>
#include <stddef.h>

#include <acr_api.h>
#include <acr/loop.h>

enum {
    EXIT_DONE = 0,
    EXIT_INVALID_REQUEST = 1,
    EXIT_USAGE = 2,
    EXIT_HTTP = 3,
    EXIT_TRANSPORT = 4,
    EXIT_INVALID_RESPONSE = 5,
    EXIT_MAY_HAVE_SUCCEEDED = 6,
    EXIT_NOMEM = 7,
    EXIT_INTERRUPTED = 130
};

/* The program's name in its messages ("async_poll"): defined by the driver. */
extern const char *const program_name;

typedef struct settings {
    const char *appid, *mode_text, *cname, *uid, *bucket, *vendor, *region, *url, *base_url, *recordings;
    const char *customer_id, *customer_secret, *access_key, *secret_key;
    acr_mode mode;
    long long vendor_number, region_number, recording_count;
} settings;

typedef struct recording recording; /* one recording's state machine */
typedef struct program program;

struct program {
    settings settings;
    acr_client *client;
    acr_loop *loop;
    recording *recordings;
    size_t count, completed, ended;
    const char *cancel_reason;  /* set once everything in flight is being cancelled */
    void (*all_ended)(program *p); /* optional: called when the last recording ends */
    void *driver;               /* the driver's own state */
};

/* Reads the settings (options, then the environment) and prepares the
 * recordings. Returns -1 to go on, or an exit status (0 after --help). */
int recordings_setup(program *p, int argc, char **argv);

/* Creates the client and the loop (loop_options: NULL for the poll style),
 * then starts every recording's first call; the rest start from done
 * callbacks. Returns -1 to go on, or an exit status. */
int recordings_start(program *p, const acr_loop_options *loop_options);

/* Cancels every call in flight: each done callback runs now, with
 * ACR_ERR_CANCELLED, and starts nothing new. Once only. */
void cancel_everything(program *p, const char *reason);

/* Prints the summary once the loop is idle; returns the exit status. */
int recordings_finish(program *p, bool loop_failed);

/* Frees the (idle) loop, every answer and the client. */
void recordings_free(program *p);

/* Explains a failed call on standard error; returns its exit status. */
int report(const char *call, acr_status status, const acr_error *err);

#endif
