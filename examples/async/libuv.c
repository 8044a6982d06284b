/* async_libuv: the recordings of recordings.h (options, output and exit
 * statuses are described there) driven by a libuv loop, with acr's loop in
 * callback style: acr says which descriptors to watch through acr_socket_fn (a
 * uv_poll_t each) and when to wake it through acr_timer_fn (one uv_timer_t),
 * and the uv callbacks call acr_loop_socket_action(). SIGINT and SIGTERM
 * arrive as uv_signal_t. Needs libuv (Debian: libuv1-dev). */
#define _POSIX_C_SOURCE 200809L

#include "recordings.h"

#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <uv.h>

const char *const program_name = "async_libuv";

typedef struct driver driver;

/* One descriptor acr asked to watch. */
typedef struct watcher {
    uv_poll_t poll;
    driver *driver;
    int fd;
    struct watcher *next;
} watcher;

struct driver {
    program *program;
    bool loop_failed;
    uv_loop_t uv;
    uv_timer_t timer;           /* acr's one timer */
    uv_signal_t sigint, sigterm;
    watcher *watchers;          /* acr's descriptors */
    bool closing;               /* tearing down: acr's callbacks change nothing */
};

/* --- libuv: a uv_poll_t per descriptor, one uv_timer_t ------------------ */

static void on_poll(uv_poll_t *handle, int status, int events);
static void on_timeout(uv_timer_t *timer);

static void free_watcher(uv_handle_t *handle)
{
    free(handle->data);
}

/* Stops watching a descriptor; the watcher is freed once libuv has closed it. */
static void close_watcher(watcher *w)
{
    uv_close((uv_handle_t *)&w->poll, free_watcher);
}

/* A loop function failed: the loop is no good any more. */
static void check_loop(driver *d, acr_status status, const char *what)
{
    if (status == ACR_OK)
        return;
    fprintf(stderr, "async_libuv: %s: %s\n", what, acr_status_name(status));
    d->loop_failed = true;
    cancel_everything(d->program, "the loop failed");
}

/* acr_socket_fn: watch fd for events, or stop (ACR_POLL_REMOVE). Called from
 * inside acr: it only (re)configures libuv, never calls acr. */
static int on_socket(void *ctx, int fd, int events)
{
    driver *d = ctx;
    watcher **link = &d->watchers;
    while (*link && (*link)->fd != fd)
        link = &(*link)->next;
    watcher *w = *link;
    if (events & ACR_POLL_REMOVE) {
        if (w) {
            *link = w->next;
            close_watcher(w);
        }
        return 0;
    }
    if (d->closing)
        return -1;
    if (!w) {
        w = calloc(1, sizeof *w);
        if (!w)
            return -1;
        if (uv_poll_init_socket(&d->uv, &w->poll, fd) != 0) {
            free(w);
            return -1;
        }
        w->poll.data = w;
        w->driver = d;
        w->fd = fd;
        w->next = d->watchers;
        d->watchers = w;
    }
    int uv_events = ((events & ACR_POLL_IN) ? UV_READABLE : 0) | ((events & ACR_POLL_OUT) ? UV_WRITABLE : 0);
    if (uv_events == 0)
        return uv_poll_stop(&w->poll) == 0 ? 0 : -1;
    return uv_poll_start(&w->poll, uv_events, on_poll) == 0 ? 0 : -1;
}

/* acr_timer_fn: wake acr in timeout_ms (-1: never). Called from inside acr,
 * so even 0 is only scheduled: libuv runs a 0 ms timer on its loop's next
 * turn, never from here. */
static int on_timer(void *ctx, long timeout_ms)
{
    driver *d = ctx;
    if (d->closing)
        return 0;
    if (timeout_ms < 0)
        return uv_timer_stop(&d->timer) == 0 ? 0 : -1;
    return uv_timer_start(&d->timer, on_timeout, (uint64_t)timeout_ms, 0) == 0 ? 0 : -1;
}

/* A descriptor is ready (or failed: then acr finds out which way). */
static void on_poll(uv_poll_t *handle, int status, int events)
{
    watcher *w = handle->data;
    int ready = 0;
    if (status == 0)
        ready = ((events & UV_READABLE) ? ACR_POLL_IN : 0) | ((events & UV_WRITABLE) ? ACR_POLL_OUT : 0);
    /* May remove this very watcher (closed, freed after this returns). */
    check_loop(w->driver, acr_loop_socket_action(w->driver->program->loop, w->fd, ready), "acr_loop_socket_action");
}

static void on_timeout(uv_timer_t *timer)
{
    driver *d = timer->data;
    check_loop(d, acr_loop_socket_action(d->program->loop, ACR_SOCKET_TIMEOUT, 0), "acr_loop_socket_action");
}

static void on_uv_signal(uv_signal_t *handle, int signal_number)
{
    program *p = ((driver *)handle->data)->program;
    (void)signal_number;
    if (p->ended < p->count) /* else uv_run() is about to return anyway */
        cancel_everything(p, "interrupted");
}

/* The last recording ended: leave uv_run() (the signal handles would keep it
 * going, and acr may keep idle connections). */
static void all_ended(program *p)
{
    uv_stop(&((driver *)p->driver)->uv);
}

static void close_handle(uv_handle_t *handle)
{
    if (!uv_is_closing(handle))
        uv_close(handle, NULL);
}

int main(int argc, char **argv)
{
    program p;
    int code = recordings_setup(&p, argc, argv);
    if (code >= 0)
        return code;
    driver d = {.program = &p};
    p.driver = &d;
    p.all_ended = all_ended;
    int uv_status = uv_loop_init(&d.uv);
    if (uv_status != 0) {
        fprintf(stderr, "async_libuv: uv_loop_init: %s\n", uv_strerror(uv_status));
        recordings_free(&p);
        return EXIT_TRANSPORT;
    }
    /* Handles first: acr asks for its timer as soon as a call starts. */
    uv_timer_init(&d.uv, &d.timer);
    d.timer.data = &d;
    uv_signal_init(&d.uv, &d.sigint);
    uv_signal_init(&d.uv, &d.sigterm);
    d.sigint.data = d.sigterm.data = &d;
    uv_status = uv_signal_start(&d.sigint, on_uv_signal, SIGINT);
    if (uv_status == 0)
        uv_status = uv_signal_start(&d.sigterm, on_uv_signal, SIGTERM);
    if (uv_status != 0) {
        fprintf(stderr, "async_libuv: uv_signal_start: %s\n", uv_strerror(uv_status));
        code = EXIT_TRANSPORT;
    } else {
        acr_loop_options loop_options = ACR_LOOP_OPTIONS_INIT;
        loop_options.socket = on_socket; /* callback style */
        loop_options.timer = on_timer;
        loop_options.ctx = &d;
        code = recordings_start(&p, &loop_options);
    }
    if (code < 0) {
        if (p.ended < p.count)
            uv_run(&d.uv, UV_RUN_DEFAULT); /* until all_ended() */
        code = recordings_finish(&p, d.loop_failed);
    }

    /* Stop watching before acr closes its descriptors, then free the idle
     * loop; libuv finishes closing its handles in one last uv_run(). */
    d.closing = true;
    while (d.watchers) {
        watcher *w = d.watchers;
        d.watchers = w->next;
        close_watcher(w);
    }
    recordings_free(&p);
    close_handle((uv_handle_t *)&d.timer);
    close_handle((uv_handle_t *)&d.sigint);
    close_handle((uv_handle_t *)&d.sigterm);
    uv_run(&d.uv, UV_RUN_DEFAULT);
    if (uv_loop_close(&d.uv) != 0)
        fputs("async_libuv: libuv still had open handles\n", stderr);
    return code;
}
