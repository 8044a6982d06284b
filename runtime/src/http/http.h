/* acr runtime, the transport (runtime/src/http/): the client, the loop, the
 * one transfer core that blocking and asynchronous calls share, the
 * per-recording turns, URLs and the retry policy. Not installed.
 *
 * What this folder may use: libcurl, pthreads, the public acr/ headers, and from the JSON
 * engine only what acr/engine.h exports (parse, validate, serialize, free)
 * and internal.h's helpers (errors, secrets and sanitizing, copies). It never
 * reaches into runtime/src/json/.
 *
 * Files: client.c (options, credentials, the shared CURLSH, the pool of idle
 * private loops for blocking calls), turn.c (one call at a time per
 * recording: a FIFO of waiters per key), transfer.c (one call: its attempts,
 * outcome, retries; the state machine), loop.c (acr_loop over a CURLM),
 * call.c (acr_call_start's checks and acr_call on a private loop). */
#ifndef ACR_HTTP_H
#define ACR_HTTP_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <curl/curl.h>

#include "acr/client.h"
#include "acr/loop.h"
#include "internal.h"
#include "retry.h"

/* An internal status the caller must look at. */
#if defined(__GNUC__)
#define ACR_CHECK_RESULT __attribute__((warn_unused_result))
#else
#define ACR_CHECK_RESULT
#endif

/* True when err holds an allocation (acr_error_clear has something to free). */
static inline bool acr_error_holds(const acr_error *err)
{
    return err->violations || err->pointer || err->reason || err->request_id;
}

/* acr_error_clear for an error about to go away: zeroing its 600 bytes is
 * skipped when it holds no allocation (the usual successful call). */
static inline void acr_error_drop(acr_error *err)
{
    if (acr_error_holds(err))
        acr_error_clear(err);
}

/* Path parameters an operation may have (acr_call refuses more). */
#define ACR_MAX_PARAMS 16

typedef struct acr_turn acr_turn;

/* The start of an operation's URLs on the first domain, the same for every
 * call of a client (the domain, the path up to its first per-call value). */
typedef struct acr_url_prefix_entry {
    /* What the prefix was made from: a descriptor the application made (on
     * its stack, say) may come back at the same address describing another. */
    const acr_operation_desc *op;
    const char *path_template;
    const char *const *params;
    size_t param_count;
    int client_param;
    /* The template's text the prefix came from (up to template_at): a buffer
     * at the same address may say another path now. */
    char *template_head;
    char *text;
    size_t length;
    size_t base_length;                 /* the domain's part */
    size_t template_at;                 /* where the path template goes on */
} acr_url_prefix_entry;

/* Operations whose prefix a client keeps (more are built whole each call). */
#define ACR_URL_PREFIX_SLOTS 32

struct acr_client {
    char *app_id;
    char *customer_id;
    char *customer_secret;
    char *basic_token;                  /* Base64 of "id:secret", only to redact it */
    char *proxy;                        /* for https: NULL the environment's, "" none */
    bool curl_held;                     /* holds a reference on libcurl's global state */
    char **domains;                     /* base URLs to fail over to, in order */
    size_t domain_count;
    acr_retry_policy retry;             /* with its own copy of the backoff list */
    char *ca_file;
    long connect_timeout_ms;
    long timeout_ms;
    size_t max_response_bytes;
    acr_log_fn log;
    void *log_ctx;
    struct curl_slist *headers;
    struct curl_slist *headers_no_body; /* the same without Content-Type */
    struct curl_slist *proxy_headers;   /* a CONNECT's: the User-Agent line alone */
    CURLSH *share;
    pthread_mutex_t share_locks[CURL_LOCK_DATA_LAST];
    size_t max_idle;
    /* Guards the turns (and the loops' threads turn.c reads). */
    pthread_mutex_t lock;
    acr_turn **turns;                   /* the recordings some call holds: a hash table */
    size_t turn_buckets;                /* a power of two; 0: none yet */
    size_t turn_count;
    acr_turn *spare_turn;               /* kept for the next recording's turn */
    /* Guards the pool alone: every blocking call takes and gives back a loop,
     * and should not queue behind the turns' lock for it. */
    pthread_mutex_t pool_lock;
    acr_loop **idle_loops;              /* private loops of blocking calls, each with its connection */
    size_t idle_loop_count;
    size_t idle_loop_capacity;
    /* Filled in order under pool_lock, each entry once and never changed:
     * read without a lock (acquire loads) up to the first NULL. */
    _Atomic(acr_url_prefix_entry *) url_prefixes[ACR_URL_PREFIX_SLOTS];
};

/* Milliseconds on a clock that only goes forward. */
long long acr_now_ms(void);

/* client.c: the options every easy handle keeps; set once per handle.
 * CURLE_OK, or the first option libcurl refused. */
CURLcode acr_client_configure_handle(acr_client *c, CURL *h);
/* A private loop for one blocking call (owned by the calling thread until
 * given back), or NULL with err set. */
acr_loop *acr_client_take_loop(acr_client *c, acr_error *err);
/* Keeps it (with its connection) for the next blocking call, up to
 * max_idle_connections loops; frees it otherwise. */
void acr_client_give_loop(acr_client *c, acr_loop *loop);
/* The operation's URL prefix on the first domain, made at its first call;
 * NULL: none (no room, too long, out of memory): build the URL whole. */
const acr_url_prefix_entry *acr_client_url_prefix(acr_client *c, const acr_operation_desc *op);

/* --- turn.c: one call at a time per recording --- */

/* One call's place for a recording's turn: holding it or queued for it. Lives
 * in the transfer; every member is guarded by the client's lock. */
typedef struct acr_turn_waiter {
    struct acr_turn_waiter *next;       /* in the queue */
    acr_turn *turn;                     /* NULL: neither holding nor queued */
    const char *key;                    /* the transfer's key (the turn borrows the holder's) */
    acr_loop *loop;                     /* woken when the turn is handed over */
    bool granted;                       /* holds the turn (perhaps not claimed yet) */
    bool thread_known;                  /* its loop's thread has seen the grant */
    pthread_t thread;
    struct acr_turn_waiter *grant_next; /* in its loop's grants, while on_grants */
    bool on_grants;
} acr_turn_waiter;

/* A loop's waiters handed their turn and not claimed yet, in hand-over
 * order: the loop claims these, not every call it has. Guarded by the
 * client's lock; `any` may be read without it (a hint: a hand-over also
 * writes the loop's eventfd). */
typedef struct acr_turn_grants {
    acr_turn_waiter *head, *tail;
    atomic_bool any;
} acr_turn_grants;

/* Holds `key`'s turn (*granted) or joins its queue. refuse_own: a blocking
 * call refused (ACR_ERR_USAGE) when this thread's own call holds the turn, or
 * a loop this thread drives has a call holding or waiting for it. */
ACR_CHECK_RESULT acr_status acr_turn_take(acr_client *c, const char *key, acr_turn_waiter *w, bool refuse_own,
                                          bool *granted, acr_error *err);
/* On the loop's thread: the waiters of `grants` (a loop's) handed their
 * turn since the last claim, taken off it under one lock, in hand-over order
 * (linked by grant_next); NULL: none. */
acr_turn_waiter *acr_turn_claim(acr_client *c, acr_turn_grants *grants);
/* Leaves the queue, or gives the turn to the next waiter (woken through its
 * loop). Nothing when the waiter is neither holding nor queued. */
void acr_turn_leave(acr_client *c, acr_turn_waiter *w);
/* At acr_client_free (no turn is held then). */
void acr_turn_free_spare(acr_client *c);

/* --- transfer.c: one call --- */

/* Named for what the transfer waits on. */
typedef enum acr_xfer_state {
    XFER_QUEUED,        /* its turn on the recording (a deadline timer) */
    XFER_SENDING,       /* libcurl: its easy handle is in the loop's multi */
    XFER_BACKOFF,       /* a timer before the next attempt */
    XFER_DONE           /* ended: its done callback is due */
} acr_xfer_state;

typedef enum acr_xfer_event {
    XFER_EVENT_TURN,    /* the turn was handed over */
    XFER_EVENT_TIMER,   /* its timer is due */
    XFER_EVENT_SENT,    /* libcurl ended the attempt (with a CURLcode) */
    XFER_EVENT_CANCEL,
    XFER_EVENT_UNWATCHED /* its loop cannot watch the wake descriptor: a handed-over turn is never seen */
} acr_xfer_event;

/* A growing buffer whose old blocks are wiped before they are freed: it holds
 * a request body (keys) or an error body (which may echo them). */
typedef struct acr_wiped_buffer {
    char *data;                         /* NUL-terminated */
    size_t length;
    size_t capacity;
    bool failed;                        /* out of memory */
} acr_wiped_buffer;

int acr_wiped_append(void *ctx, const char *data, size_t n);
void acr_wiped_free(acr_wiped_buffer *b);

#define ACR_REQUEST_ID_MAX 128

/* A recording's key ("operation\n value\n value") up to this is kept in the
 * transfer: resource IDs run to about 200 bytes. */
#define ACR_KEY_INLINE 320

/* What libcurl's callbacks collect during one attempt. */
typedef struct acr_exchange {
    acr_client *client;
    CURL *handle;
    long status;                        /* libcurl's CURLINFO_RESPONSE_CODE, once known */
    bool status_known;                  /* read at the first body byte */
    bool final_headers;                 /* the final (non-1xx) response's headers have ended */
    bool in_block;                      /* inside a block of header lines */
    bool block_is_trailer;              /* that block came after the final headers */
    const acr_type_desc *response_type;
    void *response;
    acr_parser *parser;                 /* made at the first byte of a 200 answer, not for the wait */
    bool parse_failed;                  /* the parser holds why */
    bool parser_nomem;
    bool too_large;
    size_t received;
    acr_wiped_buffer error_body;
    char request_id[ACR_REQUEST_ID_MAX]; /* raw bytes, sanitized where used */
    size_t request_id_length;
    unsigned sends;                     /* times libcurl was about to send the request */
    int socket_errno;                   /* why the last socket could not be opened; 0: it could */
} acr_exchange;

struct acr_transfer {
    acr_loop *loop;
    acr_client *client;
    const acr_operation_desc *op;
    acr_xfer_state state;               /* written only by xfer_set_state() */
    acr_transfer *prev, *next;          /* the loop's calls */
    acr_transfer *done_next;            /* the loop's queue of ended calls */
    bool on_done_queue;
    bool in_done;                       /* its done callback is running */
    acr_done_fn done;
    void *ctx;
    void *response;
    char *url;                          /* a domain + the path (parameters encoded once): only the domain changes */
    size_t path_at;                     /* where the path starts in url */
    size_t url_domain;                  /* the domain url was built for, + 1; 0: none */
    acr_wiped_buffer body;              /* the serialized request; data NULL: no body */
    acr_secrets secrets;                /* the client's (borrowed) and copies of the request's, wiped when freed */
    long long deadline;                 /* monotonic ms; 0: none */
    long limit_ms;
    char *key;                          /* one-at-a-time: the recording's key; NULL: none */
    acr_turn_waiter waiter;
    bool refuse_own;                    /* a blocking call: see acr_turn_take */
    bool watch_failed;                  /* the application's acr_socket_fn failed for its descriptor */
    bool watch_nomem;                   /* ...or the loop had no memory to keep it */
    unsigned attempt;                   /* 0-based index of the current attempt */
    unsigned sent_total;
    bool may_have_acted;
    uint64_t seed;
    long long timer_at;                 /* monotonic ms; 0: no timer (acr_loop_set_timer) */
    acr_transfer *timer_prev, *timer_next; /* the loop's timers, soonest first */
    acr_status status;
    acr_error err;                      /* handed to the done callback */
    CURL *easy;                         /* in the multi while XFER_SENDING */
    CURL *ready;                        /* set up while XFER_QUEUED (all but its time limit); NULL: none */
    acr_exchange x;
    char detail[CURL_ERROR_SIZE];
    /* call.c: no allocation for the usual key; the request's secrets borrowed
     * by a blocking call (its caller keeps the request until it returns). */
    bool secrets_owned;                 /* secrets.items holds copies of the request's */
    char key_inline[ACR_KEY_INLINE];    /* t->key when it fits */
};

/* libcurl's callbacks, set once per easy handle (their data per attempt:
 * the transfer's acr_exchange). */
curl_socket_t acr_xfer_open_socket_fn(void *ctx, curlsocktype purpose, struct curl_sockaddr *address);
int acr_xfer_prereq_fn(void *ctx, char *primary_ip, char *local_ip, int primary_port, int local_port);
size_t acr_xfer_header_fn(char *data, size_t size, size_t count, void *ctx);
size_t acr_xfer_body_fn(char *data, size_t size, size_t count, void *ctx);

/* The checks of acr_call (NULL arguments, App ID, mode, validation, path
 * parameters), then a transfer owning copies of everything it sends, not yet
 * on a loop (its block is `loop`'s spare when it has one; loop may be NULL);
 * or the status with err set and *out NULL. `who` names the entry point in
 * usage errors. */
ACR_CHECK_RESULT acr_status acr_xfer_prepare(acr_client *c, acr_loop *loop, const acr_operation_desc *op,
                                             const char *const *params, const void *request, void *response,
                                             acr_done_fn done, void *ctx, long long start, const char *who,
                                             acr_transfer **out, acr_error *err);
/* Puts a prepared transfer on `loop` and starts it: its turn, or its first
 * attempt. A failure of the start itself (its turn refused, no memory) frees
 * it and is returned with err set; a failure of an attempt ends it (done due). */
ACR_CHECK_RESULT acr_status acr_xfer_start(acr_loop *loop, acr_transfer *t, acr_error *err);
/* The state machine's one entry: dispatches to xfer_on_<state>(). */
void acr_xfer_run(acr_transfer *t, acr_xfer_event event, CURLcode code);
void acr_xfer_free(acr_transfer *t);

/* --- loop.c --- */

ACR_CHECK_RESULT acr_status acr_loop_make(acr_client *c, const acr_loop_options *o, bool private_loop,
                                          acr_loop **out, acr_error *err);
/* Any thread: wakes the loop (a turn was handed to one of its transfers), in
 * two steps so that the eventfd is not written under the client's lock, which
 * the woken thread takes first: acr_loop_wake_hold() under the lock (the loop
 * exists: a call of it is queued), then acr_loop_wake() after unlocking, which
 * ends the hold. Freeing a loop waits for its holds to end. */
void acr_loop_wake_hold(acr_loop *loop);
void acr_loop_wake(acr_loop *loop);
ACR_CHECK_RESULT CURLMcode acr_loop_add_easy(acr_loop *loop, CURL *easy);
void acr_loop_remove_easy(acr_loop *loop, CURL *easy);
/* An easy handle configured with the client's constant options, kept by the
 * loop between attempts (bounded); NULL when out of memory. */
CURL *acr_loop_take_easy(acr_loop *loop);
void acr_loop_give_easy(acr_loop *loop, CURL *easy);
/* An idle one only (none is made): NULL when there is none. */
CURL *acr_loop_take_idle_easy(acr_loop *loop);
/* One freed transfer's block kept per loop (malloc and free less per call):
 * take it (NULL: none), or keep one (false: one is kept already). Its
 * contents are cleaned as a freed transfer's; freed with the loop. */
acr_transfer *acr_loop_take_transfer(acr_loop *loop);
bool acr_loop_keep_transfer(acr_loop *loop, acr_transfer *t);
void acr_loop_link(acr_loop *loop, acr_transfer *t);
/* The transfer's one timer (its back-off, or its deadline while queued) at
 * `at` (monotonic ms), replacing the one it had; 0: none. */
void acr_loop_set_timer(acr_loop *loop, acr_transfer *t, long long at);
/* The transfer ended: its done callback runs from the loop. */
void acr_loop_queue_done(acr_loop *loop, acr_transfer *t);
/* Its waiters handed their turn (turn.c). */
acr_turn_grants *acr_loop_grants(acr_loop *loop);
/* Counts transfers waiting for their turn (the wake descriptor is watched
 * while there are any). */
void acr_loop_count_queued(acr_loop *loop, int delta);
acr_client *acr_loop_client(const acr_loop *loop);
/* The thread driving a public loop: noted when it is driven or a call starts
 * on it (under the client's lock); acr_loop_driven_by() is read under it. */
void acr_loop_note_thread(acr_loop *loop);
bool acr_loop_driven_by(const acr_loop *loop, pthread_t thread);
/* Around the client's log callback for one of the loop's calls: cancelling
 * and freeing are refused meanwhile (ACR_ERR_USAGE). */
void acr_loop_logging(acr_loop *loop, bool on);
/* After acr_call_start: tells a callback-style application the descriptors
 * and the timer the new call needs. When its acr_timer_fn fails, the call is
 * taken back (freed, done never called): ACR_ERR_TRANSPORT with err set. */
ACR_CHECK_RESULT acr_status acr_loop_started(acr_loop *loop, acr_transfer *t, acr_error *err);
/* Runs a private loop until its call ended: ACR_OK, or the loop's own failure
 * (poll, libcurl's multi) with err set, its call then ended as cancelled. */
ACR_CHECK_RESULT acr_status acr_loop_run_private(acr_loop *loop, acr_error *err);

#endif
