/* One call, three ways: the test driver behind the integration tests that
 * check that blocking and async calls behave the same (one transfer core).
 *
 * - DRIVER_BLOCKING: acr_call().
 * - DRIVER_POLL: acr_loop_new() with NULL options, acr_call_start(), then
 *   acr_loop_fds() + poll() + acr_loop_perform() until the done callback ran
 *   (written out here rather than acr_loop_run(), so that the public
 *   poll-style functions are what is tested).
 * - DRIVER_CALLBACK: an epoll + timerfd event loop behind acr_socket_fn and
 *   acr_timer_fn, calling acr_loop_socket_action() on readiness and when the
 *   timer fires.
 *
 * Each returns the status and fills the acr_error and the response exactly as
 * acr_call() does, so a test's assertions hold unchanged for the three.
 *
 * Nothing here calls cmocka: a failure of the driver itself (epoll, a loop
 * that would wait for ever with a call in flight, a done callback run twice or
 * from another thread) is recorded as text (driver_failure()), so threads can
 * use it; the test checks it on its own thread. */
#ifndef ACR_TEST_DRIVERS_H
#define ACR_TEST_DRIVERS_H

#include <stdbool.h>
#include <stddef.h>

#include "acr/client.h"
#include "acr/loop.h"
#include "acr_api.h"

#include <yajl/yajl_tree.h>

typedef enum driver_style { DRIVER_BLOCKING, DRIVER_POLL, DRIVER_CALLBACK } driver_style;

#define DRIVER_STYLE_COUNT 3

/* "blocking", "poll", "callback". */
const char *driver_style_name(driver_style style);

/* The style named `name`; false when there is none. */
bool driver_style_parse(const char *name, driver_style *style);

/* --- an event loop around one acr_loop (DRIVER_POLL or DRIVER_CALLBACK) --------- */

/* Callback counts, kept where the caller says (they may outlive the loop:
 * "no callback after acr_loop_free" is checked with them). */
typedef struct driver_counts {
    unsigned long socket_calls;     /* acr_socket_fn */
    unsigned long timer_calls;      /* acr_timer_fn */
    unsigned long stale_fds;        /* a watched fd closed without ACR_POLL_REMOVE */
    unsigned long bad_calls;        /* bad events, or ACR_POLL_REMOVE of a descriptor not watched */
    size_t watched;                 /* descriptors in the epoll set now */
    bool timer_armed;               /* the acr_timer_fn timer is set and has not fired */
    bool freed;                     /* acr_loop_free() has returned ACR_OK */
    unsigned long after_free;       /* callbacks run after that */
} driver_counts;

/* What the application refuses (callback style), for tests of a failing
 * acr_socket_fn or acr_timer_fn: asked before the driver acts on a request to
 * watch a descriptor (never on ACR_POLL_REMOVE) or to set the timer; true:
 * the callback returns -1 and the driver changes nothing. Either may be NULL. */
typedef struct driver_refusals {
    bool (*socket)(void *ctx, int fd, int events);
    bool (*timer)(void *ctx, long timeout_ms);
    void *ctx;
} driver_refusals;

typedef struct driver_loop driver_loop;

/* Makes an acr_loop on `client` driven in `style` (DRIVER_POLL: NULL options;
 * DRIVER_CALLBACK: socket and timer callbacks over epoll). `counts` may be
 * NULL (counted inside then). Returns 0, or -1 with the reason in why. */
int driver_loop_new(driver_style style, acr_client *client, driver_counts *counts, driver_loop **out, char *why,
                    size_t why_size);

/* The same, DRIVER_CALLBACK, with the application's refusals (copied; NULL:
 * none). */
int driver_loop_new_refusing(acr_client *client, driver_counts *counts, const driver_refusals *refusals,
                             driver_loop **out, char *why, size_t why_size);

acr_loop *driver_loop_acr(driver_loop *dl);

/* Waits once, at most max_wait_ms (-1: as long as the loop asks), and performs
 * what is ready. Returns 0, or -1 (driver_failure() says why): a loop
 * function failed, or calls are in flight and the loop gave nothing to wait
 * for (neither a descriptor nor a timer: it would wait for ever). */
int driver_loop_step(driver_loop *dl, long max_wait_ms);

/* Callback style, the loop's timer alone: waits at most max_wait_ms for it;
 * when it fired, acr_loop_socket_action(ACR_SOCKET_TIMEOUT), whose status is
 * left in *status (not a failure of the driver). Returns 1 when it fired, 0
 * when not, -1 when the wait failed (driver_loop_failure() says why). */
int driver_loop_fire_timer(driver_loop *dl, long max_wait_ms, acr_status *status);

/* Steps until *flag is non-zero, or (flag NULL) no call is in flight. */
int driver_loop_run(driver_loop *dl, const int *flag);

/* The descriptors the loop asks to watch now: what acr_loop_fds() gives
 * (poll style), what acr_socket_fn registered (callback style). Returns how
 * many there are; writes at most capacity. */
size_t driver_loop_watched(driver_loop *dl, int *fds, size_t capacity);

/* This driver's own descriptors (epoll, timerfd; none in poll style), to tell
 * them from the loop's. Returns how many; writes at most capacity. */
size_t driver_loop_own_fds(const driver_loop *dl, int *fds, size_t capacity);

const char *driver_loop_failure(const driver_loop *dl);

/* acr_loop_free(), then (when it worked) the driver's own descriptors and
 * memory. Returns acr_loop_free()'s status; on failure nothing is freed. */
acr_status driver_loop_free(driver_loop *dl);

/* --- one call, three ways --------------------------------------------------------- */

typedef struct driver_record driver_record;

/* One driver per client and thread. The async styles keep one loop per
 * client across calls (a keep-alive connection is reused, as a blocking
 * client reuses its own); driver_release() frees it. */
typedef struct driver {
    driver_style style;
    acr_client *client;             /* the loop's client */
    driver_loop *loop;
    driver_record *records;         /* every async call, checked at release */
    bool failed;
    char why[512];
} driver;

void driver_init(driver *d, driver_style style);

/* acr_call(), in d's style: same arguments, same results. A failure of the
 * driver itself sets d->failed and d->why, and returns ACR_ERR_USAGE. */
acr_status driver_call(driver *d, acr_client *client, const acr_operation_desc *operation,
                       const char *const *params, const void *request, void *response, acr_error *err);

/* Frees the loop (before its client is freed) and checks that every async
 * call's done callback ran exactly once. Returns false (d->why says why) on a
 * failure of the driver, now or before. */
bool driver_release(driver *d);

/* const char *values[] for an operation's path parameters, as the generated
 * wrappers build them: the client's own (app ID) NULL, "resourceid", "sid"
 * and "mode" from the arguments. values has room for operation->param_count. */
void driver_params(const acr_operation_desc *operation, const char **values, const char *resource_id,
                   const char *sid, acr_mode mode);

/* --- the fault server (fault_server.py), for the async tests ------------------------- */

struct mock_process;

/* Starts fault_server.py (ACR_FAULT_SERVER_SCRIPT), then makes and frees a
 * first client of it with these credentials: libcurl's global state is taken
 * once, before a test counts descriptors. Returns 0, or -1 with nothing left
 * running. */
int fault_server_start(struct mock_process *server, const char *app_id, const char *customer_id,
                       const char *customer_secret);

/* Stops it; curl_global_cleanup() (balances the control helper's implicit
 * curl_global_init). */
void fault_server_stop(struct mock_process *server);

/* A test's start: waits (fault_idle_state, at most limit_ms) until no script
 * of the last test runs, then resets the server. Returns 0, or -1. */
int fault_server_reset(const struct mock_process *server, long limit_ms);

/* A client of the fault server: three attempts backoff_ms apart (no jitter)
 * and a 120 s limit, never what ends a call there. NULL (why says why) when
 * acr_client_new failed. */
acr_client *fault_client_new(const struct mock_process *server, const char *app_id, const char *customer_id,
                             const char *customer_secret, long backoff_ms, char *why, size_t why_size);

#define DRIVER_CNAME "httpClient463224"
#define DRIVER_UID "527841"

/* An update of every stream ("#allstream#") by DRIVER_CNAME, DRIVER_UID: all
 * static, nothing to free. */
acr_update_request driver_update_request(void);

/* One control request (/__fault/...): the answer (free() it), or NULL when
 * the status was not 200. */
char *fault_control(const struct mock_process *server, const char *method, const char *path, const char *body);

/* The server's state once no script runs (a script may outlive its call,
 * writing into a connection the client left), polling for at most limit_ms:
 * free with yajl_tree_free(); NULL when it failed or did not settle. */
yajl_val fault_idle_state(const struct mock_process *server, long limit_ms);

/* Descriptors open in this process now (from /proc/self/fd), ascending.
 * Returns how many; writes at most capacity. */
size_t driver_open_fds(int *fds, size_t capacity);

/* How many descriptors are open in this process now. */
size_t driver_count_fds(void);

#endif
