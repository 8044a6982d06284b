/** @file
 * acr: non-blocking calls for event loops (over libcurl's multi interface).
 *
 * An acr_loop belongs to one acr_client and runs any number of calls at once
 * on one thread. Generated code wraps acr_call_start() in one typed function
 * per operation (acr_update_async, acr_stop_async, ...); call those.
 *
 * A call: acr_<op>_async() checks and validates the request at once (an invalid
 * request never starts: the status is returned and the done callback is never
 * called), serializes it (the request and the parameters are copied: they may
 * be freed as soon as the function returns), and starts the call. From then on
 * the call lives in the loop: it waits for its turn on the recording
 * (one-at-a-time operations, a FIFO queue per recording shared by every loop and
 * blocking call of the client), sends, streams the answer into the response
 * struct, retries with back-off as the client's policy says (as timers of the
 * loop: nothing ever sleeps) and fails over between domains, all under one clock
 * (the same limits as acr_call(): see "Time" in acr/client.h). Its done callback
 * then runs exactly once, on the loop's thread.
 *
 * Two ways to drive a loop, chosen when it is made:
 * - Poll style (acr_loop_options without callbacks): ask acr_loop_fds() for the
 *   descriptors to watch and the timeout, poll() (or epoll) them, and hand the
 *   result to acr_loop_perform(). acr_loop_run() does all of that until no call
 *   is left.
 * - Callback style (acr_loop_options.socket and .timer): the loop says which
 *   descriptors to watch through acr_socket_fn and when to wake it through
 *   acr_timer_fn (libcurl's CURLMOPT_SOCKETFUNCTION/TIMERFUNCTION model, for
 *   libuv, libevent and the like); the application calls
 *   acr_loop_socket_action() when a descriptor is ready or the timer fires.
 *
 * Two levels of errors: acr_loop_* functions return a status about the loop
 * itself (ACR_ERR_USAGE, ACR_ERR_NOMEM, ACR_ERR_TRANSPORT when libcurl's multi
 * interface fails); the outcome of a call arrives only through its done
 * callback.
 *
 * Threads: a loop is driven by one thread at a time, "the loop's thread"; every
 * function here that takes a loop or a transfer is called on that thread.
 * Different loops of one client may run on different threads, beside blocking
 * acr_call()s on others. Each loop owns its connections (never shared with
 * another loop or a blocking call); DNS answers and TLS sessions are shared
 * through the client. A blocking acr_call() on the thread of a loop (the last
 * to drive it or start a call on it) whose call holds or waits for the same
 * recording's turn returns ACR_ERR_USAGE at once: that loop cannot run while
 * the thread blocks.
 *
 * fork(): the loop does nothing on fork (no pthread_atfork handler). acr's own
 * descriptors (connection sockets, the loop's eventfd) are close-on-exec;
 * libcurl before 8.8.0 also opens a socket pair per multi handle without it
 * (curl issue 13618), which a child inherits across exec. A child must not use
 * or free a loop or client inherited from its parent (freeing would close the
 * parent's TLS sessions on the shared connections): it may only exec or _exit.
 *
 * Platform: Linux (the loop is woken through an eventfd).
 *
 * Freeing: the client must outlive its loops. A loop is freed only when no call
 * is in flight (acr_loop_cancel_all() first, if need be). */
#ifndef ACR_LOOP_H
#define ACR_LOOP_H

#include "acr/export.h"

#include <poll.h>
#include <stddef.h>

#include "acr/client.h"
#include "acr/engine.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct acr_loop acr_loop;

/** One call in flight. Created by acr_call_start() (or acr_<op>_async()),
 * library-owned: freed by the library after its done callback returns. The
 * caller may only cancel it, until then. */
typedef struct acr_transfer acr_transfer;

/** Events of a descriptor, for acr_socket_fn and acr_loop_socket_action(). */
#define ACR_POLL_IN 1
#define ACR_POLL_OUT 2
/** acr_socket_fn: stop watching this descriptor (it may be closed next). */
#define ACR_POLL_REMOVE 4
/** acr_loop_socket_action()'s descriptor when the timer fired. */
#define ACR_SOCKET_TIMEOUT (-1)

/** The end of a call. Runs exactly once per started call, on the loop's
 * thread, from acr_loop_perform(), acr_loop_socket_action(), acr_loop_run(),
 * acr_transfer_cancel() or acr_loop_cancel_all(); never after acr_loop_free().
 * `status` is ACR_OK, an error as acr_call() returns them, or ACR_ERR_CANCELLED.
 * `err` is library-owned, valid until the callback returns: keep it with
 * acr_error_move(). The response struct given to the start function is filled
 * (as by acr_call(): free it whatever the status). The transfer is freed when
 * the callback returns. The callback may start calls and cancel others on this
 * loop; it may not drive the loop (acr_loop_perform, _socket_action, _run) or
 * free it: those return ACR_ERR_USAGE. */
typedef void (*acr_done_fn)(void *ctx, acr_transfer *transfer, acr_status status, acr_error *err);

/** Callback style: watch `fd` for `events` (ACR_POLL_IN and/or ACR_POLL_OUT,
 * replacing what was asked before for it), or stop watching it
 * (ACR_POLL_REMOVE). Called on the loop's thread, from the acr_loop_* functions
 * and acr_call_start(). Return 0; anything else fails the calls using `fd`
 * (ACR_ERR_TRANSPORT). The loop's own wake descriptor (watched while a call
 * waits for its turn) is asked again at the next call into the loop (a timer
 * of 0 is asked for that); refused again, the calls waiting for their turn on
 * this loop fail (ACR_ERR_TRANSPORT). It must not call into the loop. */
typedef int (*acr_socket_fn)(void *ctx, int fd, int events);

/** Callback style: call acr_loop_socket_action(loop, ACR_SOCKET_TIMEOUT, 0)
 * once `timeout_ms` have passed (0: as soon as possible, but not from inside
 * this callback), replacing any timer asked before; -1: no timer. Called on the
 * loop's thread; it must not call into the loop. Return 0; anything else is
 * reported by the function that asked for the timer (ACR_ERR_TRANSPORT), and
 * the timer is asked again at the next call into the loop; a failure in
 * acr_call_start() takes the new call back (nothing started). */
typedef int (*acr_timer_fn)(void *ctx, long timeout_ms);

typedef struct acr_loop_options {
    /** Both set: callback style; both NULL: poll style. */
    acr_socket_fn socket;
    acr_timer_fn timer;
    void *ctx;                      /**< given to socket and timer */
} acr_loop_options;

/** Poll style, the defaults. */
#define ACR_LOOP_OPTIONS_INIT ACR_ZERO_INIT

/** Makes a loop for `client` (NULL options: poll style). Returns ACR_OK,
 * ACR_ERR_USAGE (only one of socket and timer), ACR_ERR_NOMEM or
 * ACR_ERR_TRANSPORT (libcurl could not make a multi handle); *loop is NULL on
 * failure. Thread: any; the loop's thread is the one that drives it. */
ACR_API acr_status acr_loop_new(acr_client *client, const acr_loop_options *options, acr_loop **loop,
                                acr_error *err);

/** Frees an idle loop and its connections. Returns ACR_OK (NULL too), or
 * ACR_ERR_USAGE, freeing nothing, while a call is in flight or from a
 * callback (done or the client's log callback). Thread: the loop's. */
ACR_API acr_status acr_loop_free(acr_loop *loop);

/** The calls started on the loop whose done callback has not returned yet
 * (a call counts while its done callback runs). Thread: the loop's. */
ACR_API size_t acr_loop_active(const acr_loop *loop);

/** Poll style: fills fds[0..capacity) with the descriptors to watch (events
 * POLLIN/POLLOUT, revents 0) and sets *count to how many there are: when that
 * is more than capacity, only the first capacity were written: call again with
 * room for *count. *timeout_ms is how long poll() may wait before
 * acr_loop_perform() is due (-1: no timer; 0: at once). Thread: the loop's;
 * not from a callback. */
ACR_API acr_status acr_loop_fds(acr_loop *loop, struct pollfd *fds, size_t capacity, size_t *count,
                                long *timeout_ms);

/** Poll style: after poll() returned (ready, timed out or interrupted: any
 * result), performs what is ready: reads each entry's revents, runs the timers
 * that are due, and calls the done callbacks of the calls that ended. fds may
 * be NULL with count 0 (timers only). Thread: the loop's; not from a callback. */
ACR_API acr_status acr_loop_perform(acr_loop *loop, const struct pollfd *fds, size_t count);

/** Poll style: polls and performs until no call is in flight. After a
 * loop-level error (ACR_ERR_NOMEM, ACR_ERR_TRANSPORT) from this,
 * acr_loop_perform() or acr_loop_socket_action(), calls may still be in
 * flight: drive the loop again or acr_loop_cancel_all(). Thread: the loop's;
 * not from a callback. */
ACR_API acr_status acr_loop_run(acr_loop *loop);

/** Callback style: `fd` is ready for `events` (ACR_POLL_IN and/or
 * ACR_POLL_OUT; 0 when unknown), or the timer fired (fd ACR_SOCKET_TIMEOUT,
 * events 0). Performs what is ready and calls the done callbacks of the calls
 * that ended. Thread: the loop's; not from a callback. */
ACR_API acr_status acr_loop_socket_action(acr_loop *loop, int fd, int events);

/** Starts `operation` on `loop`: the asynchronous acr_call() (same arguments
 * and checks). Returns ACR_OK and sets *transfer (may be NULL) when the call
 * started: `done` then runs exactly once. Any other status (as acr_call():
 * ACR_ERR_USAGE, ACR_ERR_INVALID_REQUEST, ACR_ERR_NOMEM; ACR_ERR_TRANSPORT when
 * the application's acr_timer_fn failed for it) means nothing started,
 * `err` (may be NULL) says why, *transfer is NULL and `done` is never
 * called. `done` must not be NULL. `params` and `request` are copied;
 * `response` (at its _INIT value, as for acr_call()) is borrowed until `done`
 * returns. Thread: the loop's; may be called from a done callback. */
ACR_API acr_status acr_call_start(acr_loop *loop, const acr_operation_desc *operation,
                                  const char *const *params, const void *request, void *response,
                                  acr_done_fn done, void *ctx, acr_transfer **transfer, acr_error *err);

/** Cancels a call in flight: it is taken off the network (or its queue or
 * back-off timer) and its done callback runs, with ACR_ERR_CANCELLED, before
 * this returns. A request already sent may still have reached the service. A
 * call whose answer has arrived but whose callback has not run yet is
 * cancelled too (the answer is dropped).
 * Returns ACR_OK, or ACR_ERR_USAGE (nothing cancelled) from the transfer's own
 * done callback or from the client's log callback while it runs for a call of
 * this loop.
 * Thread: the loop's; may be called from another call's done callback. */
ACR_API acr_status acr_transfer_cancel(acr_transfer *transfer);

/** Cancels every call in flight on the loop, as acr_transfer_cancel(); calls
 * started by the done callbacks meanwhile are cancelled too (so it does not
 * return while every done callback starts a new call). ACR_ERR_USAGE
 * (nothing cancelled) from the client's log callback while it runs for a call
 * of this loop. Thread: the loop's; may be called from a done callback. */
ACR_API acr_status acr_loop_cancel_all(acr_loop *loop);

#ifdef __cplusplus
}
#endif

#endif
