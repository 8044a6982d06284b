/* acr runtime: acr_loop, many calls on one thread over libcurl's multi
 * interface.
 *
 * One path for both styles: the multi handle always runs in socket mode
 * (CURLMOPT_SOCKETFUNCTION/TIMERFUNCTION). The loop keeps the descriptors
 * libcurl asked for (handed out by acr_loop_fds() in poll style, announced
 * through acr_socket_fn in callback style) and merges libcurl's timer with its
 * own (back-offs, the deadlines of calls waiting for their turn) into one next
 * timeout. An eventfd, watched while some call waits for its turn, is how
 * another thread hands this loop's call the turn. Done callbacks run only
 * after curl_multi_info_read, outside every libcurl callback. */
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <sched.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#include <sys/eventfd.h>
#ifdef ACR_TEST_CALLBACK_STYLE
#include <sys/epoll.h>
#endif

#include "acr/alloc.h"
#include "http.h"

typedef struct loop_socket {
    int fd;
    int events;                         /* ACR_POLL_IN | ACR_POLL_OUT */
} loop_socket;

struct acr_loop {
    acr_client *client;
    CURLM *multi;
    acr_socket_fn socket_fn;            /* callback style: both set */
    acr_timer_fn timer_fn;
    void *ctx;
    int wake_fd;                        /* eventfd: a turn was handed to one of its calls */
    atomic_uint wake_holds;             /* threads about to write it (acr_loop_wake_hold) */
    bool wake_watched;                  /* callback style: announced */
    bool wake_refused;                  /* acr_socket_fn refused it once: asked again at once */
    loop_socket *sockets;               /* what libcurl asked to watch */
    size_t socket_count;
    size_t socket_capacity;
    bool assign_failed;                 /* some index is not with libcurl: search */
    long long curl_at;                  /* libcurl's timer, monotonic ms; -1: none */
    long long timer_asked;              /* callback style: the timer asked for; -1 none, -2 to ask again */
    acr_transfer *head, *tail;          /* every call whose done callback has not returned */
    size_t active;
    size_t queued;                      /* calls in XFER_QUEUED */
    acr_turn_grants grants;             /* those handed their turn, to claim */
    acr_transfer *done_head, *done_tail;
    acr_transfer *timers;               /* transfers with a timer, soonest first */
    acr_transfer *timers_tail;          /* the latest */
    CURL **easy;                        /* idle easy handles, configured */
    size_t easy_count;
    size_t easy_capacity;
    size_t easy_max;
    acr_transfer *spare_transfer;       /* a freed call's block, for the next call */
    int depth;                          /* > 0: driving, or in a done callback */
    bool in_log;                        /* the client's log callback runs for one of its calls */
    bool timer_failed;                  /* the last acr_timer_fn asked failed */
    bool thread_known;                  /* thread: the last to drive it or start a call; */
    pthread_t thread;                   /* written under the client's lock (turn.c reads it) */
    bool watch_failed;                  /* some call's descriptor could not be watched */
#ifdef ACR_TEST_CALLBACK_STYLE
    int test_epfd;                      /* the test build's driver of private loops */
    long long test_timer_at;
#endif
};

/* --- libcurl's callbacks --- */

/* Where fd is in l->sockets: libcurl keeps its index + 1 for us
 * (curl_multi_assign), so no event searches the array. */
static size_t loop_socket_index(const acr_loop *l, curl_socket_t fd, void *socketp)
{
    size_t i = (size_t)(uintptr_t)socketp;
    if (i && i <= l->socket_count && l->sockets[i - 1].fd == fd)
        return i - 1;
    /* Not assigned: a descriptor new to libcurl (it says ACR_POLL_REMOVE
     * before it forgets one), unless an assignment failed. */
    if (!i && !l->assign_failed)
        return l->socket_count;
    i = 0;
    while (i < l->socket_count && l->sockets[i].fd != fd)
        i++;
    return i;
}

static int loop_on_socket(CURL *easy, curl_socket_t fd, int what, void *userp, void *socketp)
{
    acr_loop *l = userp;
    int events = 0;
    if (what == CURL_POLL_IN || what == CURL_POLL_INOUT)
        events |= ACR_POLL_IN;
    if (what == CURL_POLL_OUT || what == CURL_POLL_INOUT)
        events |= ACR_POLL_OUT;
    size_t i = loop_socket_index(l, fd, socketp);
    if (what == CURL_POLL_REMOVE) {
        if (i == l->socket_count)
            return 0; /* never watched: its table entry could not be made */
        l->sockets[i] = l->sockets[--l->socket_count];
        if (i < l->socket_count &&
            curl_multi_assign(l->multi, l->sockets[i].fd, (void *)(uintptr_t)(i + 1)) != CURLM_OK)
            l->assign_failed = true;
    } else {
        if (i == l->socket_count) {
            if (l->socket_count == l->socket_capacity) {
                size_t capacity = l->socket_capacity ? l->socket_capacity * 2 : 8;
                loop_socket *grown = acr_realloc(l->sockets, capacity * sizeof *grown);
                if (!grown) {
                    /* Only the call using it fails (ACR_ERR_NOMEM): -1 would
                     * abort every call of the multi handle. */
                    char *private = NULL;
                    if (easy && curl_easy_getinfo(easy, CURLINFO_PRIVATE, &private) == CURLE_OK && private) {
                        ((acr_transfer *)(void *)private)->watch_failed = true;
                        ((acr_transfer *)(void *)private)->watch_nomem = true;
                        l->watch_failed = true;
                    }
                    return 0;
                }
                l->sockets = grown;
                l->socket_capacity = capacity;
            }
            l->socket_count++;
            l->sockets[i].fd = fd;
            if (curl_multi_assign(l->multi, fd, (void *)(uintptr_t)(i + 1)) != CURLM_OK)
                l->assign_failed = true;
        }
        l->sockets[i].events = events;
    }
    if (l->socket_fn && l->socket_fn(l->ctx, fd, what == CURL_POLL_REMOVE ? ACR_POLL_REMOVE : events) != 0 &&
        what != CURL_POLL_REMOVE) {
        /* The application cannot watch it: the call using it fails once
         * libcurl is done with this callback (never by returning -1, which
         * would abort every call of the multi handle). */
        char *private = NULL;
        if (easy && curl_easy_getinfo(easy, CURLINFO_PRIVATE, &private) == CURLE_OK && private) {
            ((acr_transfer *)(void *)private)->watch_failed = true;
            l->watch_failed = true;
        }
    }
    return 0;
}

/* 0: as soon as possible; -1: delete the timer. */
static int loop_on_timer(CURLM *multi, long timeout_ms, void *userp)
{
    (void)multi;
    acr_loop *l = userp;
    l->curl_at = timeout_ms < 0 ? -1 : acr_now_ms() + timeout_ms;
    return 0;
}

/* --- timers --- */

/* The next moment something is due (monotonic ms), or -1. */
static long long loop_next_at(const acr_loop *l, long long now)
{
    if (l->done_head || l->wake_refused)
        return now;
    long long at = l->curl_at;
    if (l->timers && (at < 0 || l->timers->timer_at < at))
        at = l->timers->timer_at;
    return at;
}

static long loop_timeout_ms(const acr_loop *l)
{
    long long now = acr_now_ms();
    long long at = loop_next_at(l, now);
    if (at < 0)
        return -1;
    long long left = at - now;
    return left <= 0 ? 0 : left > INT_MAX ? INT_MAX : (long)left;
}

/* Callback style: tells the application what changed (the wake descriptor,
 * the timer). ACR_ERR_TRANSPORT when one of its callbacks failed. */
static acr_status loop_announce(acr_loop *l)
{
    if (!l->timer_fn)
        return ACR_OK;
    acr_status status = ACR_OK;
    bool watch = l->queued > 0;
    if (watch == l->wake_watched) {
        l->wake_refused = false; /* nothing left to ask again */
    } else {
        bool refused = l->socket_fn(l->ctx, l->wake_fd, watch ? ACR_POLL_IN : ACR_POLL_REMOVE) != 0;
        if (!refused || !watch) {
            l->wake_watched = watch;
            l->wake_refused = false;
        } else if (!l->wake_refused) {
            l->wake_refused = true; /* a timer at once asks again */
        } else {
            /* Refused twice: a handed-over turn would never be seen. */
            l->wake_refused = false;
            for (acr_transfer *t = l->head; t; t = t->next)
                acr_xfer_run(t, XFER_EVENT_UNWATCHED, CURLE_OK);
        }
        if (refused)
            status = ACR_ERR_TRANSPORT;
    }
    long long now = acr_now_ms();
    long long at = loop_next_at(l, now);
    if (at != l->timer_asked) {
        long ms = at < 0 ? -1 : at <= now ? 0 : at - now > INT_MAX ? INT_MAX : (long)(at - now);
        /* Recorded only when accepted: a refused timer is asked again. */
        l->timer_failed = l->timer_fn(l->ctx, ms) != 0;
        if (l->timer_failed)
            status = ACR_ERR_TRANSPORT;
        else
            l->timer_asked = at;
    }
    return status;
}

/* --- processing --- */

static acr_status loop_status(CURLMcode code)
{
    if (code == CURLM_OK || code == CURLM_BAD_SOCKET) /* a descriptor closed meanwhile */
        return ACR_OK;
    return code == CURLM_OUT_OF_MEMORY ? ACR_ERR_NOMEM : ACR_ERR_TRANSPORT;
}

static acr_status loop_curl_action(acr_loop *l, curl_socket_t fd, int events)
{
    int running = 0;
    acr_status status = loop_status(curl_multi_socket_action(l->multi, fd, events, &running));
    /* libcurl calls the timer function only when its next timeout changes:
     * read it again so that a timer that was not yet due is not lost. */
    long ms = -1;
    if (curl_multi_timeout(l->multi, &ms) == CURLM_OK) {
        long long now = acr_now_ms();
        long long at = ms < 0 ? -1 : now + ms;
        /* Within a millisecond of a timer not yet due: the same deadline of
         * libcurl's, rounded the other way (its milliseconds are rounded up,
         * ours down). Kept, or a callback-style loop would ask the
         * application's acr_timer_fn again for nothing. */
        if (!(at >= 0 && l->curl_at > now && (at - l->curl_at <= 1 && l->curl_at - at <= 1)))
            l->curl_at = at;
    }
    return status;
}

static void loop_read_messages(acr_loop *l)
{
    CURLMsg *m;
    int left = 0;
    while ((m = curl_multi_info_read(l->multi, &left))) {
        if (m->msg != CURLMSG_DONE)
            continue;
        /* The message does not survive curl_multi_remove_handle: copy it. */
        CURL *easy = m->easy_handle;
        CURLcode code = m->data.result;
        char *private = NULL;
        curl_easy_getinfo(easy, CURLINFO_PRIVATE, &private);
        if (private)
            acr_xfer_run((acr_transfer *)(void *)private, XFER_EVENT_SENT, code);
    }
}

/* Ends the attempts whose descriptor the application could not watch. */
static void loop_fail_unwatched(acr_loop *l)
{
    if (!l->watch_failed)
        return;
    l->watch_failed = false;
    for (acr_transfer *t = l->head, *next; t; t = next) {
        next = t->next;
        if (t->watch_failed) {
            t->watch_failed = false;
            CURLcode code = t->watch_nomem ? CURLE_OUT_OF_MEMORY : CURLE_ABORTED_BY_CALLBACK;
            t->watch_nomem = false;
            if (t->state == XFER_SENDING)
                acr_xfer_run(t, XFER_EVENT_SENT, code);
        }
    }
}

/* Starts the calls whose turn was handed over: those on the loop's grants,
 * claimed under one lock (never a walk of every call, nor a lock per queued
 * one). Without `woken`, only when the hint says there are some. */
static void loop_claim_turns(acr_loop *l, bool woken)
{
    if (!l->queued || (!woken && !atomic_load_explicit(&l->grants.any, memory_order_relaxed)))
        return;
    acr_turn_waiter *w = acr_turn_claim(l->client, &l->grants);
    while (w) {
        acr_turn_waiter *next = w->grant_next; /* before it runs: a claimed waiter is the loop's alone */
        acr_transfer *t = (acr_transfer *)(void *)((char *)w - offsetof(acr_transfer, waiter));
        if (t->state == XFER_QUEUED)
            acr_xfer_run(t, XFER_EVENT_TURN, CURLE_OK);
        w = next;
    }
}

static void loop_on_wake(acr_loop *l)
{
    /* One read resets the counter (not EFD_SEMAPHORE); a write after it makes
     * the descriptor readable again: no second read to see EAGAIN. */
    uint64_t count;
    if (read(l->wake_fd, &count, sizeof count) < 0) {
        /* EAGAIN: woken already, by an earlier read; claimed below anyway. */
    }
    loop_claim_turns(l, true);
}

static acr_status loop_run_timers(acr_loop *l)
{
    acr_status status = ACR_OK;
    long long now = acr_now_ms();
    if (l->curl_at >= 0 && l->curl_at <= now)
        status = loop_curl_action(l, CURL_SOCKET_TIMEOUT, 0);
    loop_read_messages(l);
    now = acr_now_ms();
    /* Each due timer is taken off before it runs (a back-off's end may set
     * none; a new one is later than now). */
    acr_transfer *t;
    while ((t = l->timers) && t->timer_at <= now) {
        acr_loop_set_timer(l, t, 0);
        acr_xfer_run(t, XFER_EVENT_TIMER, CURLE_OK);
    }
    return status;
}

static void loop_unlink(acr_loop *l, acr_transfer *t)
{
    if (t->prev)
        t->prev->next = t->next;
    else
        l->head = t->next;
    if (t->next)
        t->next->prev = t->prev;
    else
        l->tail = t->prev;
    t->prev = t->next = NULL;
    l->active--;
}

/* Runs the done callback, then frees the transfer. */
static void loop_deliver(acr_loop *l, acr_transfer *t)
{
    t->in_done = true;
    l->depth++;
    t->done(t->ctx, t, t->status, &t->err);
    l->depth--;
    loop_unlink(l, t);
    acr_xfer_free(t);
}

static void loop_dispatch(acr_loop *l)
{
    acr_transfer *t;
    while ((t = l->done_head)) {
        l->done_head = t->done_next;
        if (!l->done_head)
            l->done_tail = NULL;
        t->done_next = NULL;
        t->on_done_queue = false;
        loop_deliver(l, t);
    }
}

/* After the events: what ended, what is due, whose turn came; then the done
 * callbacks. */
static acr_status loop_process(acr_loop *l)
{
    loop_read_messages(l);
    loop_fail_unwatched(l);
    acr_status status = loop_run_timers(l);
    loop_claim_turns(l, false);
    loop_dispatch(l);
    return status;
}

static int loop_curl_events(short revents)
{
    int events = 0;
    if (revents & (POLLIN | POLLHUP))
        events |= CURL_CSELECT_IN;
    if (revents & POLLOUT)
        events |= CURL_CSELECT_OUT;
    if (revents & (POLLERR | POLLNVAL))
        events |= CURL_CSELECT_ERR;
    return events;
}

static acr_status loop_perform(acr_loop *l, const struct pollfd *fds, size_t count)
{
    acr_status status = ACR_OK;
    for (size_t i = 0; i < count; i++) {
        if (!fds[i].revents)
            continue;
        acr_status s = ACR_OK;
        if (fds[i].fd == l->wake_fd)
            loop_on_wake(l);
        else
            s = loop_curl_action(l, fds[i].fd, loop_curl_events(fds[i].revents));
        if (status == ACR_OK)
            status = s;
    }
    acr_status s = loop_process(l);
    return status != ACR_OK ? status : s;
}

static void loop_fill(const acr_loop *l, struct pollfd *fds, size_t capacity, size_t *count, long *timeout_ms)
{
    size_t n = 0;
    for (size_t i = 0; i < l->socket_count; i++, n++) {
        if (n < capacity) {
            fds[n].fd = l->sockets[i].fd;
            fds[n].events = (short)(((l->sockets[i].events & ACR_POLL_IN) ? POLLIN : 0) |
                                    ((l->sockets[i].events & ACR_POLL_OUT) ? POLLOUT : 0));
            fds[n].revents = 0;
        }
    }
    if (l->queued) {
        if (n < capacity) {
            fds[n].fd = l->wake_fd;
            fds[n].events = POLLIN;
            fds[n].revents = 0;
        }
        n++;
    }
    *count = n;
    *timeout_ms = loop_timeout_ms(l);
}

static acr_status loop_run_poll(acr_loop *l)
{
    struct pollfd stack[8];
    struct pollfd *fds = stack;
    size_t capacity = sizeof stack / sizeof stack[0];
    acr_status status = ACR_OK;
    while (status == ACR_OK && l->active) {
        size_t count;
        long timeout;
        loop_fill(l, fds, capacity, &count, &timeout);
        if (count > capacity) {
            struct pollfd *grown = acr_malloc(count * 2 * sizeof *grown);
            if (!grown) {
                status = ACR_ERR_NOMEM;
                break;
            }
            if (fds != stack)
                acr_free(fds);
            fds = grown;
            capacity = count * 2;
            continue;
        }
        int ready = poll(fds, (nfds_t)count, (int)timeout);
        if (ready < 0 && errno != EINTR) {
            status = ACR_ERR_TRANSPORT;
            break;
        }
        status = loop_perform(l, fds, ready > 0 ? count : 0);
    }
    if (fds != stack)
        acr_free(fds);
    return status;
}

#ifdef ACR_TEST_CALLBACK_STYLE
static acr_status loop_run_test(acr_loop *l);
#endif

static acr_status loop_run(acr_loop *l)
{
#ifdef ACR_TEST_CALLBACK_STYLE
    if (l->test_epfd >= 0)
        return loop_run_test(l);
#endif
    return loop_run_poll(l);
}

static acr_status loop_socket_action(acr_loop *l, int fd, int events)
{
    acr_status status = ACR_OK;
    if (fd == ACR_SOCKET_TIMEOUT) {
        l->timer_asked = -2; /* the application's timer fired: ask again */
    } else if (fd == l->wake_fd) {
        loop_on_wake(l);
    } else {
        int curl_events = ((events & ACR_POLL_IN) ? CURL_CSELECT_IN : 0) | ((events & ACR_POLL_OUT) ? CURL_CSELECT_OUT : 0);
        status = loop_curl_action(l, fd, curl_events);
    }
    acr_status processed = loop_process(l);
    return status != ACR_OK ? status : processed;
}

#ifdef ACR_TEST_CALLBACK_STYLE
/* The test build (cmake -DACR_TEST_CALLBACK_STYLE=ON): every private loop,
 * so every blocking call, is driven in callback style by this epoll driver,
 * and the blocking suite (the fault suite too) runs through
 * acr_loop_socket_action. */
static int test_socket(void *ctx, int fd, int events)
{
    acr_loop *l = ctx;
    if (events == ACR_POLL_REMOVE) {
        epoll_ctl(l->test_epfd, EPOLL_CTL_DEL, fd, NULL); /* closed already: forgotten */
        return 0;
    }
    struct epoll_event ev;
    memset(&ev, 0, sizeof ev);
    ev.events = ((events & ACR_POLL_IN) ? (uint32_t)EPOLLIN : 0u) | ((events & ACR_POLL_OUT) ? (uint32_t)EPOLLOUT : 0u);
    ev.data.fd = fd;
    if (epoll_ctl(l->test_epfd, EPOLL_CTL_MOD, fd, &ev) == 0 || epoll_ctl(l->test_epfd, EPOLL_CTL_ADD, fd, &ev) == 0)
        return 0;
    return -1;
}

static int test_timer(void *ctx, long timeout_ms)
{
    acr_loop *l = ctx;
    l->test_timer_at = timeout_ms < 0 ? -1 : acr_now_ms() + timeout_ms;
    return 0;
}

static acr_status loop_run_test(acr_loop *l)
{
    acr_status status = ACR_OK;
    l->timer_asked = -2; /* a reused private loop: ask for its timer afresh */
    (void)loop_announce(l);
    while (status == ACR_OK && l->active) {
        long long now = acr_now_ms();
        int timeout = l->test_timer_at < 0 ? -1 : l->test_timer_at <= now ? 0
                      : l->test_timer_at - now > INT_MAX ? INT_MAX : (int)(l->test_timer_at - now);
        struct epoll_event events[16];
        int n = epoll_wait(l->test_epfd, events, 16, timeout);
        if (n < 0 && errno != EINTR)
            return ACR_ERR_TRANSPORT;
        for (int i = 0; status == ACR_OK && i < n; i++) {
            uint32_t e = events[i].events;
            int what = ((e & (EPOLLIN | EPOLLHUP | EPOLLERR)) ? ACR_POLL_IN : 0) | ((e & EPOLLOUT) ? ACR_POLL_OUT : 0);
            status = loop_socket_action(l, events[i].data.fd, what);
        }
        if (status == ACR_OK && l->test_timer_at >= 0 && acr_now_ms() >= l->test_timer_at) {
            l->test_timer_at = -1;
            status = loop_socket_action(l, ACR_SOCKET_TIMEOUT, 0);
        }
        acr_status announced = loop_announce(l);
        if (status == ACR_OK)
            status = announced;
    }
    return status;
}
#endif

/* --- cancelling --- */

/* Ends the call and takes it off the done queue, its callback not run. */
static void loop_withdraw(acr_loop *l, acr_transfer *t)
{
    acr_xfer_run(t, XFER_EVENT_CANCEL, CURLE_OK); /* ended: on the done queue */
    acr_transfer **p = &l->done_head;
    acr_transfer *prev = NULL;
    while (*p && *p != t) {
        prev = *p;
        p = &(*p)->done_next;
    }
    if (*p) {
        *p = t->done_next;
        if (l->done_tail == t)
            l->done_tail = prev;
    }
    t->done_next = NULL;
    t->on_done_queue = false;
}

static void loop_cancel(acr_loop *l, acr_transfer *t)
{
    loop_withdraw(l, t);
    loop_deliver(l, t);
}

static void loop_cancel_all(acr_loop *l)
{
    for (;;) {
        acr_transfer *t = l->head;
        while (t && t->in_done)
            t = t->next;
        if (!t)
            break;
        loop_cancel(l, t);
    }
}

/* --- internal API --- */

acr_client *acr_loop_client(const acr_loop *loop)
{
    return loop->client;
}

void acr_loop_wake_hold(acr_loop *loop)
{
    atomic_fetch_add_explicit(&loop->wake_holds, 1, memory_order_relaxed);
}

void acr_loop_wake(acr_loop *loop)
{
    uint64_t one = 1;
    /* EAGAIN: the counter is already non-zero, the loop will wake anyway. */
    while (write(loop->wake_fd, &one, sizeof one) < 0 && errno == EINTR) {
    }
    /* The last touch of the loop: acr_loop_free may go on from here. */
    atomic_fetch_sub_explicit(&loop->wake_holds, 1, memory_order_release);
}

/* A thread that handed a turn to this loop's call may not have written the
 * eventfd yet (the call ended meanwhile, by its deadline): the few
 * instructions between its unlock and its write. No new hold can start: the
 * loop has no call left to be queued. */
static void loop_wait_wake_holds(acr_loop *l)
{
    while (atomic_load_explicit(&l->wake_holds, memory_order_acquire))
        sched_yield();
}

CURLMcode acr_loop_add_easy(acr_loop *loop, CURL *easy)
{
    return curl_multi_add_handle(loop->multi, easy);
}

void acr_loop_remove_easy(acr_loop *loop, CURL *easy)
{
    curl_multi_remove_handle(loop->multi, easy);
}

acr_transfer *acr_loop_take_transfer(acr_loop *loop)
{
    acr_transfer *t = loop->spare_transfer;
    loop->spare_transfer = NULL;
    return t;
}

bool acr_loop_keep_transfer(acr_loop *loop, acr_transfer *t)
{
    if (loop->spare_transfer)
        return false;
    loop->spare_transfer = t;
    return true;
}

CURL *acr_loop_take_idle_easy(acr_loop *loop)
{
    return loop->easy_count ? loop->easy[--loop->easy_count] : NULL;
}

CURL *acr_loop_take_easy(acr_loop *loop)
{
    if (loop->easy_count)
        return loop->easy[--loop->easy_count];
    CURL *h = curl_easy_init();
    if (h && acr_client_configure_handle(loop->client, h) != CURLE_OK) {
        curl_easy_cleanup(h);
        h = NULL;
    }
    return h;
}

/* Kept for the next attempt up to easy_max (its connections stay in the
 * multi's cache either way). */
void acr_loop_give_easy(acr_loop *loop, CURL *easy)
{
    if (loop->easy_count == loop->easy_capacity && loop->easy_capacity < loop->easy_max) {
        size_t capacity = loop->easy_capacity ? loop->easy_capacity * 2 : 4;
        if (capacity > loop->easy_max)
            capacity = loop->easy_max;
        CURL **grown = acr_realloc(loop->easy, capacity * sizeof *grown);
        if (grown) {
            loop->easy = grown;
            loop->easy_capacity = capacity;
        }
    }
    if (loop->easy_count < loop->easy_capacity)
        loop->easy[loop->easy_count++] = easy;
    else
        curl_easy_cleanup(easy);
}

void acr_loop_link(acr_loop *loop, acr_transfer *t)
{
    t->next = NULL;
    t->prev = loop->tail;
    if (loop->tail)
        loop->tail->next = t;
    else
        loop->head = t;
    loop->tail = t;
    loop->active++;
}

void acr_loop_set_timer(acr_loop *loop, acr_transfer *t, long long at)
{
    if (t->timer_at) {
        if (t->timer_prev)
            t->timer_prev->timer_next = t->timer_next;
        else
            loop->timers = t->timer_next;
        if (t->timer_next)
            t->timer_next->timer_prev = t->timer_prev;
        else
            loop->timers_tail = t->timer_prev;
        t->timer_prev = t->timer_next = NULL;
    }
    t->timer_at = at;
    if (!at)
        return;
    /* Sorted insert, from the latest: calls queued for a turn come with
     * deadlines in the order they started, each the latest so far. */
    acr_transfer *prev = loop->timers_tail, *next = NULL;
    while (prev && prev->timer_at > at) {
        next = prev;
        prev = prev->timer_prev;
    }
    t->timer_prev = prev;
    t->timer_next = next;
    if (prev)
        prev->timer_next = t;
    else
        loop->timers = t;
    if (next)
        next->timer_prev = t;
    else
        loop->timers_tail = t;
}

void acr_loop_queue_done(acr_loop *loop, acr_transfer *t)
{
    if (t->on_done_queue)
        return;
    t->on_done_queue = true;
    t->done_next = NULL;
    if (loop->done_tail)
        loop->done_tail->done_next = t;
    else
        loop->done_head = t;
    loop->done_tail = t;
}

acr_turn_grants *acr_loop_grants(acr_loop *loop)
{
    return &loop->grants;
}

void acr_loop_count_queued(acr_loop *loop, int delta)
{
    loop->queued = delta < 0 ? loop->queued - 1 : loop->queued + 1;
}

void acr_loop_note_thread(acr_loop *loop)
{
    pthread_t self = pthread_self();
    if (loop->thread_known && pthread_equal(loop->thread, self))
        return;
    pthread_mutex_lock(&loop->client->lock);
    loop->thread = self;
    loop->thread_known = true;
    pthread_mutex_unlock(&loop->client->lock);
}

bool acr_loop_driven_by(const acr_loop *loop, pthread_t thread)
{
    return loop->thread_known && pthread_equal(loop->thread, thread);
}

void acr_loop_logging(acr_loop *loop, bool on)
{
    loop->in_log = on;
}

acr_status acr_loop_started(acr_loop *loop, acr_transfer *t, acr_error *err)
{
    loop->timer_failed = false;
    (void)loop_announce(loop); /* a refused wake descriptor is asked again at the next one */
    if (!loop->timer_failed)
        return ACR_OK;
    /* Nothing might ever drive the call: it is taken back, done never called. */
    loop_withdraw(loop, t);
    loop_unlink(loop, t);
    acr_xfer_free(t);
    (void)loop_announce(loop);
    return acr_error_set(err, ACR_ERR_TRANSPORT,
                         "the application's timer callback (acr_timer_fn) failed: the call was not started");
}

acr_status acr_loop_run_private(acr_loop *loop, acr_error *err)
{
    loop->depth++;
    acr_status status = loop_run(loop);
    loop->depth--;
    if (status != ACR_OK) {
        acr_error_set(err, status, "the call's loop failed (%s)",
                      status == ACR_ERR_NOMEM ? "out of memory" : "poll or libcurl's multi interface");
        loop_cancel_all(loop);
    }
    return status;
}

acr_status acr_loop_make(acr_client *c, const acr_loop_options *o, bool private_loop, acr_loop **out,
                         acr_error *err)
{
    *out = NULL;
    acr_status status = ACR_OK;
    acr_loop *l = acr_malloc(sizeof *l);
    if (!l)
        return acr_error_set(err, ACR_ERR_NOMEM, "out of memory");
    memset(l, 0, sizeof *l);
    l->client = c;
    l->curl_at = -1;
    l->timer_asked = -1;
    l->easy_max = private_loop ? 1 : c->max_idle;
    if (o) {
        l->socket_fn = o->socket;
        l->timer_fn = o->timer;
        l->ctx = o->ctx;
    }
#ifdef ACR_TEST_CALLBACK_STYLE
    l->test_epfd = -1;
    l->test_timer_at = -1;
    if (private_loop) {
        l->test_epfd = epoll_create1(EPOLL_CLOEXEC);
        if (l->test_epfd < 0) {
            acr_free(l);
            return acr_error_set(err, ACR_ERR_TRANSPORT, "could not make the test driver's epoll descriptor");
        }
        l->socket_fn = test_socket;
        l->timer_fn = test_timer;
        l->ctx = l;
    }
#endif
    /* Close-on-exec: the application's children never inherit it. */
    atomic_init(&l->wake_holds, 0);
    atomic_init(&l->grants.any, false);
    l->wake_fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (l->wake_fd < 0) {
        int e = errno;
        const char *why = e == EMFILE ? "too many open files in this process"
                          : e == ENFILE ? "too many open files in the system"
                                        : "the system refused an eventfd";
        status = acr_error_set(err, e == ENOMEM ? ACR_ERR_NOMEM : ACR_ERR_TRANSPORT,
                               "%s (the loop's eventfd; system error %d)", why, e);
        goto error_cleanup;
    }
    l->multi = curl_multi_init();
    if (!l->multi) {
        status = acr_error_set(err, ACR_ERR_TRANSPORT, "libcurl could not make a multi handle");
        goto error_cleanup;
    }
    CURLMcode set = curl_multi_setopt(l->multi, CURLMOPT_SOCKETFUNCTION, loop_on_socket);
    if (set == CURLM_OK)
        set = curl_multi_setopt(l->multi, CURLMOPT_SOCKETDATA, (void *)l);
    if (set == CURLM_OK)
        set = curl_multi_setopt(l->multi, CURLMOPT_TIMERFUNCTION, loop_on_timer);
    if (set == CURLM_OK)
        set = curl_multi_setopt(l->multi, CURLMOPT_TIMERDATA, (void *)l);
    /* The idle connections it keeps: one for a private loop (the pool of
     * them is bounded by max_idle_connections), max_idle_connections here. */
    if (set == CURLM_OK)
        set = curl_multi_setopt(l->multi, CURLMOPT_MAXCONNECTS, (long)(private_loop ? 1 : c->max_idle));
    if (set != CURLM_OK) {
        status = acr_error_set(err, ACR_ERR_TRANSPORT, "libcurl refused a multi option: %s", curl_multi_strerror(set));
        goto error_cleanup;
    }
    *out = l;
    return ACR_OK;
error_cleanup:
    if (l->multi)
        curl_multi_cleanup(l->multi);
    if (l->wake_fd >= 0)
        close(l->wake_fd);
#ifdef ACR_TEST_CALLBACK_STYLE
    if (l->test_epfd >= 0)
        close(l->test_epfd);
#endif
    acr_free(l);
    return status;
}

/* --- public API --- */

acr_status acr_loop_new(acr_client *client, const acr_loop_options *options, acr_loop **loop, acr_error *err)
{
    acr_error_clear(err);
    if (!loop)
        return acr_error_set(err, ACR_ERR_USAGE, "acr_loop_new: NULL output");
    *loop = NULL;
    if (!client)
        return acr_error_set(err, ACR_ERR_USAGE, "acr_loop_new: NULL client");
    if (options && !options->socket != !options->timer)
        return acr_error_set(err, ACR_ERR_USAGE,
                             "acr_loop_new: set both socket and timer (callback style) or neither (poll style)");
    return acr_loop_make(client, options, false, loop, err);
}

acr_status acr_loop_free(acr_loop *loop)
{
    if (!loop)
        return ACR_OK;
    if (loop->depth || loop->active || loop->in_log)
        return ACR_ERR_USAGE;
    for (size_t i = 0; i < loop->easy_count; i++)
        curl_easy_cleanup(loop->easy[i]);
    acr_free(loop->easy);
    acr_free(loop->spare_transfer);
    /* Closes the cached connections (libcurl says ACR_POLL_REMOVE for them
     * through the socket callback). */
    curl_multi_cleanup(loop->multi);
    if (loop->socket_fn) {
        for (size_t i = 0; i < loop->socket_count; i++)
            (void)loop->socket_fn(loop->ctx, loop->sockets[i].fd, ACR_POLL_REMOVE);
        if (loop->wake_watched)
            (void)loop->socket_fn(loop->ctx, loop->wake_fd, ACR_POLL_REMOVE);
    }
    acr_free(loop->sockets);
    loop_wait_wake_holds(loop);
    close(loop->wake_fd);
#ifdef ACR_TEST_CALLBACK_STYLE
    if (loop->test_epfd >= 0)
        close(loop->test_epfd);
#endif
    acr_free(loop);
    return ACR_OK;
}

size_t acr_loop_active(const acr_loop *loop)
{
    return loop ? loop->active : 0;
}

acr_status acr_loop_fds(acr_loop *loop, struct pollfd *fds, size_t capacity, size_t *count, long *timeout_ms)
{
    if (!loop || (!fds && capacity) || !count || !timeout_ms || loop->depth)
        return ACR_ERR_USAGE;
    loop_fill(loop, fds, capacity, count, timeout_ms);
    return ACR_OK;
}

acr_status acr_loop_perform(acr_loop *loop, const struct pollfd *fds, size_t count)
{
    if (!loop || (!fds && count) || loop->depth)
        return ACR_ERR_USAGE;
    acr_loop_note_thread(loop);
    loop->depth++;
    acr_status status = loop_perform(loop, fds, count);
    loop->depth--;
    acr_status announced = loop_announce(loop);
    return status != ACR_OK ? status : announced;
}

acr_status acr_loop_run(acr_loop *loop)
{
    if (!loop || loop->depth)
        return ACR_ERR_USAGE;
    acr_loop_note_thread(loop);
    loop->depth++;
    acr_status status = loop_run(loop);
    loop->depth--;
    return status;
}

acr_status acr_loop_socket_action(acr_loop *loop, int fd, int events)
{
    if (!loop || loop->depth)
        return ACR_ERR_USAGE;
    acr_loop_note_thread(loop);
    loop->depth++;
    acr_status status = loop_socket_action(loop, fd, events);
    loop->depth--;
    acr_status announced = loop_announce(loop);
    return status != ACR_OK ? status : announced;
}

acr_status acr_transfer_cancel(acr_transfer *transfer)
{
    /* From the log callback the transfer logging is mid-step: never freed there. */
    if (!transfer || transfer->in_done || transfer->loop->in_log)
        return ACR_ERR_USAGE;
    acr_loop *l = transfer->loop;
    loop_cancel(l, transfer);
    if (!l->depth)
        (void)loop_announce(l);
    return ACR_OK;
}

acr_status acr_loop_cancel_all(acr_loop *loop)
{
    if (!loop || loop->in_log)
        return ACR_ERR_USAGE;
    loop_cancel_all(loop);
    if (!loop->depth)
        (void)loop_announce(loop);
    return ACR_OK;
}
