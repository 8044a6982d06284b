/* One call, three ways: see drivers.h. */
#include "drivers.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>

#include <curl/curl.h>

#include "mock_process.h"

static const char *const style_names[DRIVER_STYLE_COUNT] = {"blocking", "poll", "callback"};

const char *driver_style_name(driver_style style)
{
    return (unsigned)style < DRIVER_STYLE_COUNT ? style_names[style] : "?";
}

bool driver_style_parse(const char *name, driver_style *style)
{
    for (int i = 0; i < DRIVER_STYLE_COUNT; i++)
        if (name && strcmp(name, style_names[i]) == 0) {
            *style = (driver_style)i;
            return true;
        }
    return false;
}

/* === the event loop ==================================================================== */

struct driver_loop {
    driver_style style;
    acr_loop *loop;
    driver_counts own_counts;
    driver_counts *counts;
    pthread_t thread;               /* the loop's thread: where callbacks must run */
    char why[512];
    bool failed;
    /* poll style */
    struct pollfd *pfds;
    size_t pfd_capacity;
    size_t pfd_count;               /* what acr_loop_fds() gave last */
    /* callback style */
    int epoll_fd;
    int timer_fd;
    unsigned char *watched;         /* by descriptor: registered with epoll (how many: counts->watched) */
    size_t watched_capacity;
    driver_refusals refusals;
};

static void loop_fail(driver_loop *dl, const char *format, ...) __attribute__((format(printf, 2, 3)));
static void loop_fail(driver_loop *dl, const char *format, ...)
{
    if (dl->failed)
        return; /* the first failure stands */
    dl->failed = true;
    va_list args;
    va_start(args, format);
    vsnprintf(dl->why, sizeof dl->why, format, args);
    va_end(args);
}

static void count_callback(driver_loop *dl, unsigned long *counter)
{
    (*counter)++;
    if (dl->counts->freed)
        dl->counts->after_free++;
    if (!pthread_equal(pthread_self(), dl->thread))
        loop_fail(dl, "a socket or timer callback ran on another thread than the loop's");
}

static bool watched_grow(driver_loop *dl, int fd)
{
    if ((size_t)fd < dl->watched_capacity)
        return true;
    size_t capacity = dl->watched_capacity ? dl->watched_capacity : 256;
    while (capacity <= (size_t)fd)
        capacity *= 2;
    unsigned char *grown = realloc(dl->watched, capacity);
    if (!grown)
        return false;
    memset(grown + dl->watched_capacity, 0, capacity - dl->watched_capacity);
    dl->watched = grown;
    dl->watched_capacity = capacity;
    return true;
}

/* acr_socket_fn: register, change or remove `fd` in the epoll set. */
static int on_socket(void *ctx, int fd, int events)
{
    driver_loop *dl = ctx;
    count_callback(dl, &dl->counts->socket_calls);
    if (fd < 0 || !watched_grow(dl, fd)) {
        loop_fail(dl, "socket callback: descriptor %d", fd);
        return -1;
    }
    if ((events & ACR_POLL_REMOVE) ? events != ACR_POLL_REMOVE || !dl->watched[fd]
                                   : (events & ~(ACR_POLL_IN | ACR_POLL_OUT)) != 0 || events == 0)
        dl->counts->bad_calls++;
    if (events & ACR_POLL_REMOVE) {
        if (dl->watched[fd]) {
            /* ENOENT/EBADF: closed already, which epoll took as a removal */
            if (epoll_ctl(dl->epoll_fd, EPOLL_CTL_DEL, fd, NULL) != 0 && errno != ENOENT && errno != EBADF) {
                loop_fail(dl, "epoll_ctl(DEL, %d): %s", fd, strerror(errno));
                return -1;
            }
            dl->watched[fd] = 0;
            dl->counts->watched--;
        }
        return 0;
    }
    if (dl->refusals.socket && dl->refusals.socket(dl->refusals.ctx, fd, events))
        return -1;
    struct epoll_event ev;
    memset(&ev, 0, sizeof ev);
    ev.events = ((events & ACR_POLL_IN) ? EPOLLIN : 0u) | ((events & ACR_POLL_OUT) ? EPOLLOUT : 0u);
    ev.data.fd = fd;
    if (dl->watched[fd]) {
        if (epoll_ctl(dl->epoll_fd, EPOLL_CTL_MOD, fd, &ev) == 0)
            return 0;
        if (errno != ENOENT) {
            loop_fail(dl, "epoll_ctl(MOD, %d): %s", fd, strerror(errno));
            return -1;
        }
        /* Closed (which removed it from epoll) without ACR_POLL_REMOVE, and
         * the number reused: counted, then added afresh. */
        dl->counts->stale_fds++;
        dl->watched[fd] = 0;
        dl->counts->watched--;
    }
    if (epoll_ctl(dl->epoll_fd, EPOLL_CTL_ADD, fd, &ev) != 0) {
        loop_fail(dl, "epoll_ctl(ADD, %d): %s", fd, strerror(errno));
        return -1;
    }
    dl->watched[fd] = 1;
    dl->counts->watched++;
    return 0;
}

/* acr_timer_fn: arm the timerfd (0: at once, from the next epoll_wait). */
static int on_timer(void *ctx, long timeout_ms)
{
    driver_loop *dl = ctx;
    count_callback(dl, &dl->counts->timer_calls);
    if (dl->refusals.timer && dl->refusals.timer(dl->refusals.ctx, timeout_ms))
        return -1;
    struct itimerspec its;
    memset(&its, 0, sizeof its);
    if (timeout_ms >= 0) {
        its.it_value.tv_sec = timeout_ms / 1000;
        its.it_value.tv_nsec = (timeout_ms % 1000) * 1000000L;
        if (timeout_ms == 0)
            its.it_value.tv_nsec = 1; /* all zero would disarm it */
    } else if (timeout_ms != -1) {
        loop_fail(dl, "timer callback: %ld ms", timeout_ms);
        return -1;
    }
    if (timerfd_settime(dl->timer_fd, 0, &its, NULL) != 0) {
        loop_fail(dl, "timerfd_settime: %s", strerror(errno));
        return -1;
    }
    dl->counts->timer_armed = timeout_ms >= 0;
    return 0;
}

static int loop_new(driver_style style, acr_client *client, driver_counts *counts, const driver_refusals *refusals,
                    driver_loop **out, char *why, size_t why_size)
{
    *out = NULL;
    if (style != DRIVER_POLL && style != DRIVER_CALLBACK) {
        snprintf(why, why_size, "driver_loop_new: not an async style (%d)", (int)style);
        return -1;
    }
    driver_loop *dl = calloc(1, sizeof *dl);
    if (!dl) {
        snprintf(why, why_size, "out of memory");
        return -1;
    }
    dl->style = style;
    dl->counts = counts ? counts : &dl->own_counts;
    memset(dl->counts, 0, sizeof *dl->counts);
    dl->thread = pthread_self();
    dl->epoll_fd = -1;
    dl->timer_fd = -1;
    if (refusals)
        dl->refusals = *refusals;
    acr_loop_options o = ACR_LOOP_OPTIONS_INIT;
    const acr_loop_options *options = NULL;
    if (style == DRIVER_CALLBACK) {
        dl->epoll_fd = epoll_create1(EPOLL_CLOEXEC);
        dl->timer_fd = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC | TFD_NONBLOCK);
        struct epoll_event ev;
        memset(&ev, 0, sizeof ev);
        ev.events = EPOLLIN;
        ev.data.fd = dl->timer_fd;
        if (dl->epoll_fd < 0 || dl->timer_fd < 0 || epoll_ctl(dl->epoll_fd, EPOLL_CTL_ADD, dl->timer_fd, &ev) != 0) {
            snprintf(why, why_size, "epoll/timerfd: %s", strerror(errno));
            goto error_cleanup;
        }
        o.socket = on_socket;
        o.timer = on_timer;
        o.ctx = dl;
        options = &o;
    }
    acr_error err = ACR_ERROR_INIT;
    acr_status s = acr_loop_new(client, options, &dl->loop, &err);
    if (s != ACR_OK) {
        snprintf(why, why_size, "acr_loop_new: %s: %s", acr_status_name(s), err.message);
        acr_error_clear(&err);
        goto error_cleanup;
    }
    acr_error_clear(&err);
    if (!dl->loop) {
        snprintf(why, why_size, "acr_loop_new returned ACR_OK and no loop");
        goto error_cleanup;
    }
    *out = dl;
    return 0;

error_cleanup:
    if (dl->epoll_fd >= 0)
        close(dl->epoll_fd);
    if (dl->timer_fd >= 0)
        close(dl->timer_fd);
    free(dl);
    return -1;
}

int driver_loop_new(driver_style style, acr_client *client, driver_counts *counts, driver_loop **out, char *why,
                    size_t why_size)
{
    return loop_new(style, client, counts, NULL, out, why, why_size);
}

int driver_loop_new_refusing(acr_client *client, driver_counts *counts, const driver_refusals *refusals,
                             driver_loop **out, char *why, size_t why_size)
{
    return loop_new(DRIVER_CALLBACK, client, counts, refusals, out, why, why_size);
}

acr_loop *driver_loop_acr(driver_loop *dl) { return dl->loop; }

const char *driver_loop_failure(const driver_loop *dl) { return dl->failed ? dl->why : NULL; }

static int poll_step(driver_loop *dl, long max_wait_ms)
{
    size_t count = 0;
    long timeout = -1;
    for (;;) {
        acr_status s = acr_loop_fds(dl->loop, dl->pfds, dl->pfd_capacity, &count, &timeout);
        if (s != ACR_OK) {
            loop_fail(dl, "acr_loop_fds: %s", acr_status_name(s));
            return -1;
        }
        if (count <= dl->pfd_capacity)
            break;
        struct pollfd *grown = realloc(dl->pfds, count * sizeof *grown);
        if (!grown) {
            loop_fail(dl, "out of memory");
            return -1;
        }
        dl->pfds = grown;
        dl->pfd_capacity = count;
    }
    dl->pfd_count = count;
    for (size_t i = 0; i < count; i++)
        if (dl->pfds[i].fd < 0 || dl->pfds[i].revents != 0 || (dl->pfds[i].events & ~(POLLIN | POLLOUT)) != 0) {
            loop_fail(dl, "acr_loop_fds: entry %zu is fd %d, events %#x, revents %#x", i, dl->pfds[i].fd,
                      (unsigned)dl->pfds[i].events, (unsigned)dl->pfds[i].revents);
            return -1;
        }
    if (count == 0 && timeout < 0 && acr_loop_active(dl->loop) > 0) {
        loop_fail(dl, "%zu call(s) in flight, and acr_loop_fds gives neither a descriptor nor a timeout",
                  acr_loop_active(dl->loop));
        return -1;
    }
    if (max_wait_ms >= 0 && (timeout < 0 || timeout > max_wait_ms))
        timeout = max_wait_ms;
    if (timeout > INT_MAX)
        timeout = INT_MAX;
    if (poll(dl->pfds, (nfds_t)count, (int)timeout) < 0 && errno != EINTR) {
        loop_fail(dl, "poll: %s", strerror(errno));
        return -1;
    }
    acr_status s = acr_loop_perform(dl->loop, dl->pfds, count);
    if (s != ACR_OK) {
        loop_fail(dl, "acr_loop_perform: %s", acr_status_name(s));
        return -1;
    }
    return 0;
}

static int callback_step(driver_loop *dl, long max_wait_ms)
{
    if (dl->counts->watched == 0 && !dl->counts->timer_armed && acr_loop_active(dl->loop) > 0) {
        loop_fail(dl, "%zu call(s) in flight, and the loop watches no descriptor and set no timer",
                  acr_loop_active(dl->loop));
        return -1;
    }
    struct epoll_event events[64];
    int timeout = max_wait_ms < 0 ? -1 : max_wait_ms > INT_MAX ? INT_MAX : (int)max_wait_ms;
    int n = epoll_wait(dl->epoll_fd, events, 64, timeout);
    if (n < 0) {
        if (errno == EINTR)
            return 0;
        loop_fail(dl, "epoll_wait: %s", strerror(errno));
        return -1;
    }
    for (int i = 0; i < n && !dl->failed; i++) {
        int fd = events[i].data.fd;
        acr_status s;
        if (fd == dl->timer_fd) {
            uint64_t expirations;
            if (read(dl->timer_fd, &expirations, sizeof expirations) < 0 && errno != EAGAIN) {
                loop_fail(dl, "read(timerfd): %s", strerror(errno));
                return -1;
            }
            dl->counts->timer_armed = false;
            s = acr_loop_socket_action(dl->loop, ACR_SOCKET_TIMEOUT, 0);
        } else {
            if ((size_t)fd >= dl->watched_capacity || !dl->watched[fd])
                continue; /* removed by an earlier action of this batch */
            uint32_t e = events[i].events;
            int ready = ((e & EPOLLIN) ? ACR_POLL_IN : 0) | ((e & EPOLLOUT) ? ACR_POLL_OUT : 0);
            if (e & (EPOLLERR | EPOLLHUP))
                ready = 0; /* unknown: the loop finds out */
            s = acr_loop_socket_action(dl->loop, fd, ready);
        }
        if (s != ACR_OK) {
            loop_fail(dl, "acr_loop_socket_action(%d): %s", fd, acr_status_name(s));
            return -1;
        }
    }
    return dl->failed ? -1 : 0;
}

int driver_loop_step(driver_loop *dl, long max_wait_ms)
{
    if (dl->failed)
        return -1;
    int r = dl->style == DRIVER_POLL ? poll_step(dl, max_wait_ms) : callback_step(dl, max_wait_ms);
    return dl->failed ? -1 : r;
}

int driver_loop_fire_timer(driver_loop *dl, long max_wait_ms, acr_status *status)
{
    if (dl->style != DRIVER_CALLBACK) {
        loop_fail(dl, "driver_loop_fire_timer: not callback style");
        return -1;
    }
    struct pollfd p = {dl->timer_fd, POLLIN, 0};
    int n = poll(&p, 1, max_wait_ms < 0 ? -1 : max_wait_ms > INT_MAX ? INT_MAX : (int)max_wait_ms);
    if (n < 0 && errno != EINTR) {
        loop_fail(dl, "poll(timerfd): %s", strerror(errno));
        return -1;
    }
    if (n <= 0)
        return 0;
    uint64_t expirations;
    if (read(dl->timer_fd, &expirations, sizeof expirations) < 0) {
        if (errno == EAGAIN)
            return 0;
        loop_fail(dl, "read(timerfd): %s", strerror(errno));
        return -1;
    }
    dl->counts->timer_armed = false;
    *status = acr_loop_socket_action(dl->loop, ACR_SOCKET_TIMEOUT, 0);
    return 1;
}

int driver_loop_run(driver_loop *dl, const int *flag)
{
    while (flag ? *flag == 0 : acr_loop_active(dl->loop) > 0)
        if (driver_loop_step(dl, -1) != 0)
            return -1;
    return 0;
}

size_t driver_loop_watched(driver_loop *dl, int *fds, size_t capacity)
{
    size_t n = 0;
    if (dl->style == DRIVER_POLL) {
        size_t count = 0;
        long timeout;
        if (acr_loop_fds(dl->loop, dl->pfds, dl->pfd_capacity, &count, &timeout) != ACR_OK)
            return 0;
        if (count > dl->pfd_capacity) {
            struct pollfd *grown = realloc(dl->pfds, count * sizeof *grown);
            if (!grown)
                return 0;
            dl->pfds = grown;
            dl->pfd_capacity = count;
            if (acr_loop_fds(dl->loop, dl->pfds, dl->pfd_capacity, &count, &timeout) != ACR_OK)
                return 0;
        }
        for (size_t i = 0; i < count; i++, n++)
            if (n < capacity)
                fds[n] = dl->pfds[i].fd;
        return n;
    }
    for (size_t fd = 0; fd < dl->watched_capacity; fd++)
        if (dl->watched[fd]) {
            if (n < capacity)
                fds[n] = (int)fd;
            n++;
        }
    return n;
}

size_t driver_loop_own_fds(const driver_loop *dl, int *fds, size_t capacity)
{
    size_t n = 0;
    int own[2] = {dl->epoll_fd, dl->timer_fd};
    for (size_t i = 0; i < 2; i++)
        if (own[i] >= 0) {
            if (n < capacity)
                fds[n] = own[i];
            n++;
        }
    return n;
}

acr_status driver_loop_free(driver_loop *dl)
{
    if (!dl)
        return ACR_OK;
    acr_status s = acr_loop_free(dl->loop);
    if (s != ACR_OK)
        return s;
    dl->counts->freed = true;
    if (dl->epoll_fd >= 0)
        close(dl->epoll_fd);
    if (dl->timer_fd >= 0)
        close(dl->timer_fd);
    free(dl->pfds);
    free(dl->watched);
    free(dl);
    return ACR_OK;
}

/* === one call, three ways ================================================================ */

/* One async call: what its done callback saw. Kept until driver_release(),
 * so that a second run of the callback is seen (and lands in live memory). */
struct driver_record {
    driver_record *next;
    unsigned done_count;
    acr_status status;
    acr_error err;
    acr_transfer *transfer;         /* as acr_call_start() set it */
    bool transfer_mismatch;         /* the callback got another one */
    bool other_thread;
    pthread_t thread;
};

static void driver_fail(driver *d, const char *format, ...) __attribute__((format(printf, 2, 3)));
static void driver_fail(driver *d, const char *format, ...)
{
    if (d->failed)
        return;
    d->failed = true;
    va_list args;
    va_start(args, format);
    vsnprintf(d->why, sizeof d->why, format, args);
    va_end(args);
}

void driver_init(driver *d, driver_style style)
{
    memset(d, 0, sizeof *d);
    d->style = style;
}

static void on_done(void *ctx, acr_transfer *transfer, acr_status status, acr_error *err)
{
    driver_record *r = ctx;
    r->done_count++;
    if (r->done_count > 1)
        return; /* reported by driver_release(); its first outcome stands */
    if (!pthread_equal(pthread_self(), r->thread))
        r->other_thread = true;
    if (r->transfer && transfer != r->transfer)
        r->transfer_mismatch = true;
    r->status = status;
    acr_error_move(&r->err, err);
}

static acr_status driver_fail_call(driver *d, acr_error *err)
{
    if (err) {
        acr_error_clear(err);
        err->status = ACR_ERR_USAGE;
        snprintf(err->message, sizeof err->message, "test driver (%s): %.400s", driver_style_name(d->style), d->why);
    }
    return ACR_ERR_USAGE;
}

acr_status driver_call(driver *d, acr_client *client, const acr_operation_desc *operation,
                       const char *const *params, const void *request, void *response, acr_error *err)
{
    if (d->style == DRIVER_BLOCKING)
        return acr_call(client, operation, params, request, response, err);
    if (d->failed)
        return driver_fail_call(d, err);
    if (d->loop && d->client != client) {
        acr_status s = driver_loop_free(d->loop);
        if (s != ACR_OK) {
            driver_fail(d, "acr_loop_free of the previous client's loop: %s", acr_status_name(s));
            return driver_fail_call(d, err);
        }
        d->loop = NULL;
    }
    if (!d->loop) {
        char why[256];
        if (driver_loop_new(d->style, client, NULL, &d->loop, why, sizeof why) != 0) {
            driver_fail(d, "%s", why);
            return driver_fail_call(d, err);
        }
        d->client = client;
    }
    driver_record *r = calloc(1, sizeof *r);
    if (!r) {
        driver_fail(d, "out of memory");
        return driver_fail_call(d, err);
    }
    r->thread = pthread_self();
    r->next = d->records;
    d->records = r;
    acr_loop *loop = driver_loop_acr(d->loop);
    size_t active_before = acr_loop_active(loop);
    acr_transfer *transfer = NULL;
    acr_status s = acr_call_start(loop, operation, params, request, response, on_done, r, &transfer, err);
    if (s != ACR_OK) {
        /* Nothing started: the status and err are acr_call()'s. */
        if (r->done_count)
            driver_fail(d, "acr_call_start returned %s and ran the done callback", acr_status_name(s));
        if (acr_loop_active(loop) != active_before)
            driver_fail(d, "acr_call_start returned %s and left a call in flight", acr_status_name(s));
        r->done_count = 1; /* nothing to wait for at release */
        return d->failed ? driver_fail_call(d, err) : s;
    }
    if (!transfer) {
        driver_fail(d, "acr_call_start returned ACR_OK and no transfer");
        return driver_fail_call(d, err);
    }
    if (r->done_count) {
        driver_fail(d, "the done callback ran inside acr_call_start");
        return driver_fail_call(d, err);
    }
    r->transfer = transfer;
    while (!r->done_count) {
        if (acr_loop_active(loop) == 0) {
            driver_fail(d, "no call in flight, and the done callback has not run");
            break;
        }
        if (driver_loop_step(d->loop, -1) != 0) {
            driver_fail(d, "%s", driver_loop_failure(d->loop));
            break;
        }
    }
    if (d->failed) {
        /* Leave no call behind: whatever it is doing, cancel it. */
        acr_loop_cancel_all(loop);
        return driver_fail_call(d, err);
    }
    if (r->other_thread)
        driver_fail(d, "the done callback ran on another thread");
    if (r->transfer_mismatch)
        driver_fail(d, "the done callback was given another transfer than acr_call_start set");
    if (r->err.status != r->status)
        driver_fail(d, "the done callback's status is %s, its err->status %s", acr_status_name(r->status),
                    acr_status_name(r->err.status));
    if (d->failed)
        return driver_fail_call(d, err);
    if (err)
        acr_error_move(err, &r->err);
    else
        acr_error_clear(&r->err);
    return r->status;
}

bool driver_release(driver *d)
{
    if (d->loop) {
        acr_status s = driver_loop_free(d->loop);
        if (s != ACR_OK)
            driver_fail(d, "acr_loop_free: %s (%zu call(s) in flight)", acr_status_name(s),
                        acr_loop_active(driver_loop_acr(d->loop)));
        else
            d->loop = NULL;
    }
    unsigned n = 0;
    while (d->records) {
        driver_record *r = d->records;
        d->records = r->next;
        if (r->done_count != 1)
            driver_fail(d, "a done callback ran %u times (call %u from the end)", r->done_count, n);
        acr_error_clear(&r->err);
        free(r);
        n++;
    }
    d->client = NULL;
    return !d->failed;
}

void driver_params(const acr_operation_desc *operation, const char **values, const char *resource_id,
                   const char *sid, acr_mode mode)
{
    for (size_t i = 0; i < operation->param_count; i++) {
        const char *name = operation->params[i];
        values[i] = NULL;
        if ((int)i == operation->client_param)
            continue;
        if ((int)i == operation->mode_param)
            values[i] = acr_mode_name(mode);
        else if (strcmp(name, "resourceid") == 0)
            values[i] = resource_id;
        else if (strcmp(name, "sid") == 0)
            values[i] = sid;
    }
}

static int compare_ints(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

size_t driver_open_fds(int *fds, size_t capacity)
{
    DIR *dir = opendir("/proc/self/fd");
    if (!dir)
        return 0;
    int self = dirfd(dir);
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(dir)) != NULL) {
        if (e->d_name[0] < '0' || e->d_name[0] > '9')
            continue;
        int fd = atoi(e->d_name);
        if (fd == self)
            continue;
        if (n < capacity)
            fds[n] = fd;
        n++;
    }
    closedir(dir);
    qsort(fds, n < capacity ? n : capacity, sizeof *fds, compare_ints);
    return n;
}

size_t driver_count_fds(void)
{
    int fds[4096];
    return driver_open_fds(fds, sizeof fds / sizeof fds[0]);
}

/* === the fault server ======================================================================= */

int fault_server_start(mock_process *server, const char *app_id, const char *customer_id, const char *customer_secret)
{
    if (mock_start_script(server, ACR_FAULT_SERVER_SCRIPT, NULL, 20000) != 0)
        return -1;
    acr_client_options o = ACR_CLIENT_OPTIONS_INIT;
    o.app_id = app_id;
    o.customer_id = customer_id;
    o.customer_secret = customer_secret;
    o.base_url = server->base_url;
    acr_client *c = NULL;
    if (acr_client_new(&o, &c, NULL) != ACR_OK) {
        mock_stop(server);
        return -1;
    }
    acr_client_free(c);
    return 0;
}

void fault_server_stop(mock_process *server)
{
    mock_stop(server);
    curl_global_cleanup();
}

int fault_server_reset(const mock_process *server, long limit_ms)
{
    yajl_val st = fault_idle_state(server, limit_ms);
    if (!st)
        return -1;
    yajl_tree_free(st);
    char *answer = fault_control(server, "POST", "/__fault/reset", NULL);
    free(answer);
    return answer ? 0 : -1;
}

acr_client *fault_client_new(const mock_process *server, const char *app_id, const char *customer_id,
                             const char *customer_secret, long backoff_ms, char *why, size_t why_size)
{
    const long backoff[1] = {backoff_ms}; /* copied by acr_client_new */
    acr_client_options o = ACR_CLIENT_OPTIONS_INIT;
    o.app_id = app_id;
    o.customer_id = customer_id;
    o.customer_secret = customer_secret;
    o.base_url = server->base_url;
    o.retry.max_attempts = 3;
    o.retry.backoff_ms = backoff;
    o.retry.backoff_count = 1;
    o.retry.jitter_percent = -1;
    o.timeout_ms = 120000;
    acr_client *c = NULL;
    acr_error err = ACR_ERROR_INIT;
    if (acr_client_new(&o, &c, &err) != ACR_OK)
        snprintf(why, why_size, "acr_client_new: %s", err.message);
    acr_error_clear(&err);
    return c;
}

static const char *const ALL_STREAMS[] = {"#allstream#"};

acr_update_request driver_update_request(void)
{
    acr_update_request req = ACR_UPDATE_REQUEST_INIT;
    req.cname = DRIVER_CNAME;
    req.uid = DRIVER_UID;
    req.client_request.has_stream_subscribe = true;
    req.client_request.stream_subscribe.has_audio_uid_list = true;
    req.client_request.stream_subscribe.audio_uid_list.subscribe_audio_uids = ALL_STREAMS;
    req.client_request.stream_subscribe.audio_uid_list.subscribe_audio_uids_count = 1;
    return req;
}

char *fault_control(const mock_process *server, const char *method, const char *path, const char *body)
{
    char *answer = NULL;
    long status = mock_request(server, method, path, body, &answer);
    if (status != 200) {
        free(answer);
        return NULL;
    }
    return answer;
}

static double monotonic_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1000.0 + (double)t.tv_nsec / 1e6;
}

yajl_val fault_idle_state(const mock_process *server, long limit_ms)
{
    double t0 = monotonic_ms();
    for (;;) {
        char *answer = fault_control(server, "GET", "/__fault/state", NULL);
        if (!answer)
            return NULL;
        yajl_val st = yajl_tree_parse(answer, NULL, 0);
        free(answer);
        if (!st)
            return NULL;
        const char *path[] = {"in_flight", NULL};
        yajl_val n = yajl_tree_get(st, path, yajl_t_number);
        if (n && YAJL_GET_INTEGER(n) == 0)
            return st;
        yajl_tree_free(st);
        if (monotonic_ms() - t0 > (double)limit_ms)
            return NULL;
        struct timespec pause = {0, 10 * 1000000L};
        nanosleep(&pause, NULL); /* a bounded poll for the server's state, not a timing */
    }
}
