/* The fixture of the tests of acr/loop.h against the loopback mock
 * (mock/agora_mock.py): test_loop.c and test_review_async.c. The mock and its
 * state, each test's client, update calls that record what their done
 * callback saw, and callback-style loops driven by drivers.c's epoll driver.
 *
 * Its helpers fail the test with cmocka: call them on the test's thread only,
 * never from a worker thread or a callback another thread may run (the
 * update_call functions only record, and may run anywhere). */
#ifndef ACR_TEST_LOOP_FIXTURE_H
#define ACR_TEST_LOOP_FIXTURE_H

#include <stdatomic.h>
#include <stdbool.h>

#include "acr/loop.h"
#include "drivers.h"
#include "mock_process.h"
#include "support.h"

#define APP "acr-loop-app"
#define CNAME "httpClient463224"
#define UID "527841"
#define CUSTOMER_ID "acr-loop-customer-4Fj7"
#define CUSTOMER_SECRET "acr-loop-secret-8Tq1"

extern mock_process mock;

/* Each test's client (fixture_setup makes it with retries, fixture_teardown
 * frees it); libcurl is initialised once it exists. */
extern acr_client *client;

/* Counts done callbacks, to rank them (update_call.order); 0 at each setup. */
extern atomic_int done_rank; /* done callbacks run on several loops' threads */

/* --- the mock ----------------------------------------------------------------- */

/* POST path body to the mock's control API; fails the test unless 2xx. */
void control(const char *path, const char *body);

/* The mock's state: free with yajl_tree_free(). */
yajl_val mock_state(void);

/* A mix recording (rid, sid) of APP, CNAME, UID at the mock. */
void add_recording(const char *rid, const char *sid);

/* The mock's count of updates of (rid, sid) in progress now. */
long long updates_in_flight(const char *rid, const char *sid);

/* --- clients and loops --------------------------------------------------------- */

/* APP's credentials at the mock, a 30 s limit, the default retries. */
void client_options(acr_client_options *o);

/* client_options(), and with `retries` three attempts 20 ms apart (no
 * jitter), without them none. */
acr_client *new_client(bool retries);

/* Frees `client` and makes it anew from o. */
void replace_client(const acr_client_options *o);

/* The same with client_options(), timeout_ms and no retries. */
void replace_client_without_retries(long timeout_ms);

acr_loop *new_loop(acr_client *c, const acr_loop_options *o);

/* A callback-style loop on `client` (drivers.c: epoll and a timerfd), its
 * callback counts and state in *counts, with the application's refusals
 * (NULL: none). Free with driver_loop_free(). */
driver_loop *new_driven_loop(driver_counts *counts, const driver_refusals *refusals);

/* Steps dl (each wait at most 100 ms) until no call is in flight, at most
 * 3000 steps; fails the test when the driver fails. */
void drive(driver_loop *dl);

/* --- update calls ----------------------------------------------------------------- */

/* One update: its own copies of everything the request points at, so that
 * the test can free them right after the start (the call copies them). */
typedef struct update_call {
    char rid[32], sid[32], uid[16];
    const char *uids[1];
    acr_update_request req;
    acr_update_response resp;
    /* what the done callback saw */
    int done_count;
    acr_status status;
    acr_error err;
    int order;                      /* the rank of its done among the test's calls */
    acr_transfer *transfer;
} update_call;

/* The done callback of an update_call (ctx). */
void update_done(void *ctx, acr_transfer *transfer, acr_status status, acr_error *err);

void update_init(update_call *u, const char *rid, const char *sid, const char *uid);

/* Starts the update; the request's strings are scribbled over afterwards, to
 * show the call kept its own copies. */
acr_status update_start(acr_loop *loop, update_call *u);

void update_free(update_call *u);

/* --- cmocka fixtures ------------------------------------------------------------------ */

/* The mock, for the whole group. */
int fixture_group_setup(void **state);
int fixture_group_teardown(void **state);

/* A new client (retries), the mock reset, recordings loop-r1/loop-s1 and
 * loop-r2/loop-s2. */
int fixture_setup(void **state);
int fixture_teardown(void **state);

#endif
