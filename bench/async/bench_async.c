/* acr benchmarks: calls in flight on one loop (issue 11, item 5).
 *
 *   acr_bench_async BASE_URL [--calls N] [--calls-at-1 N] [--inflight 1,10,100,1000]
 *                   [--rounds R] [--clients acr-poll,acr-epoll,bare-poll,bare-epoll,threads]
 *                   [--no-fork]   (one client, one N, one round, in this process: to profile)
 *                   [--no-heap-samples]   (no mallinfo2 while the calls run: for callgrind)
 *
 * Keeps N update calls in flight against a fast local server (nginx, started by
 * scripts/bench-async.sh) until the row's total is reached, with:
 *   acr-poll    acr_call_start(&acr_update_operation) on one acr_loop, driven by
 *               acr_loop_run(); each done callback starts the next call
 *   acr-epoll   the same loop in callback style (acr_loop_options.socket/.timer),
 *               driven by epoll and acr_loop_socket_action()
 *   bare-poll   one libcurl multi handle and N easy handles posting a prebuilt
 *               body with the same headers, the answer discarded, driven by
 *               curl_multi_perform() + curl_multi_poll()
 *   bare-epoll  the same, driven by epoll and curl_multi_socket_action()
 *   threads     acr_update() (blocking) on N threads sharing one client
 * Each call is for its own recording (resource ID and sid per slot): update is
 * one-at-a-time per recording, so N calls on one recording would be N calls in
 * a queue, not in flight.
 *
 * Every row runs in a child process of its own, so that its peak RSS is its own.
 * Per row: calls/s (wall), CPU per call (getrusage user+sys of the child over the
 * timed part / calls), memory per call in flight: the peak RSS over the idle
 * baseline (VmHWM, reset through /proc/self/clear_refs after the warm-up call),
 * and the heap in use (mallinfo2) sampled while N calls are in flight, each over
 * its baseline, divided by N. Rounds are interleaved; the best calls/s, the lowest
 * CPU per call and the median memory of the rounds are kept. A benchmark: it
 * reports figures and never passes or fails on them. */
#include <errno.h>
#include <stdarg.h>
#include <malloc.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <curl/curl.h>

#include "acr/loop.h"
#include "acr/version.h"
#include "acr_api.h"

#define APP_ID "benchapp0123456789abcdef01234567"
#define USER "benchcustomer"
#define PASSWORD "benchsecret"

/* ---------------------------------------------------------------- measures */

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static double cpu_seconds(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec * 1e-6 + (double)ru.ru_stime.tv_sec +
           (double)ru.ru_stime.tv_usec * 1e-6;
}

/* A "Name:   123 kB" line of /proc/self/status, in KiB (-1 when missing). */
static long status_kib(const char *name)
{
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    long value = -1;
    size_t n = strlen(name);
    while (f && fgets(line, sizeof line, f)) {
        if (strncmp(line, name, n) == 0 && line[n] == ':') {
            value = strtol(line + n + 1, NULL, 10);
            break;
        }
    }
    if (f)
        fclose(f);
    return value;
}

/* Resets VmHWM to the current RSS (Linux 4.0+); false when it cannot. */
static int reset_peak_rss(void)
{
    FILE *f = fopen("/proc/self/clear_refs", "w");
    if (!f)
        return 0;
    int ok = fputs("5", f) >= 0;
    return fclose(f) == 0 && ok;
}

static long long heap_in_use(void)
{
    struct mallinfo2 mi = mallinfo2();
    return (long long)(mi.uordblks + mi.hblkhd);
}

/* The most heap in use seen while the calls were in flight. */
static long long heap_peak;
static long heap_every; /* sample after this many completions */

/* What the samples cost (mallinfo2 walks the heap's bins: up to a few % of a
 * row at 1000 in flight), taken off the row's wall and CPU time. */
static double sample_wall, sample_cpu;

static double thread_cpu(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int no_heap_samples; /* --no-heap-samples: under callgrind, count only the calls */

static void heap_sample(void)
{
    if (no_heap_samples)
        return;
    double t0 = now(), c0 = thread_cpu();
    long long h = heap_in_use();
    if (h > heap_peak)
        heap_peak = h;
    sample_cpu += thread_cpu() - c0;
    sample_wall += now() - t0;
}

static void fail(const char *what, const char *detail)
{
    fprintf(stderr, "bench-async: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
    exit(1);
}

/* One "|"-separated line appended to the file named by ACR_BENCH_SUMMARY, when
 * set: what scripts/bench.sh reads back for its "Issue 13 table". */
static void summary_line(const char *format, ...) __attribute__((format(printf, 1, 2)));
static void summary_line(const char *format, ...)
{
    const char *path = getenv("ACR_BENCH_SUMMARY");
    if (!path || !*path)
        return;
    FILE *f = fopen(path, "a");
    va_list ap;
    va_start(ap, format);
    int ok = f && vfprintf(f, format, ap) >= 0 && fputc('\n', f) != EOF;
    va_end(ap);
    if (!f || fclose(f) != 0 || !ok)
        fail("cannot append to", path);
}

/* ---------------------------------------------------------------- the calls */

typedef struct slot {
    char resource_id[64];
    char sid[64];
    char url[512];
    acr_update_response response;
    CURL *easy;
} slot;

static const char *base_url;
static slot *slots;
static long inflight;              /* N */
static long total;                 /* calls in the row */
static long started, completed;    /* one-thread clients */
static acr_update_request request = ACR_UPDATE_REQUEST_INIT;
static char *body;                 /* the request as acr serializes it */
static size_t body_length;

/* The update page's example request (subscribe all audio, unsubscribe three
 * video UIDs), as bench/bench_common.c's typical one. */
static void make_request(void)
{
    static const char *const all[] = {"#allstream#"};
    static const char *const video[] = {"444", "555", "666"};
    request.cname = "httpClient463224";
    request.uid = "527841";
    acr_stream_subscribe *ss = &request.client_request.stream_subscribe;
    request.client_request.has_stream_subscribe = true;
    ss->has_audio_uid_list = true;
    ss->audio_uid_list.subscribe_audio_uids = all;
    ss->audio_uid_list.subscribe_audio_uids_count = 1;
    ss->has_video_uid_list = true;
    ss->video_uid_list.unsubscribe_video_uids = video;
    ss->video_uid_list.unsubscribe_video_uids_count = 3;
    acr_error err = ACR_ERROR_INIT;
    if (acr_update_request_to_json(&request, &body, &body_length, &err) != ACR_OK)
        fail("to_json", err.message);
    acr_error_clear(&err);
}

static void make_slots(long n)
{
    slots = calloc((size_t)n, sizeof *slots);
    if (!slots)
        fail("out of memory", NULL);
    for (long i = 0; i < n; i++) {
        slot *s = &slots[i];
        /* Distinct from the first characters, as the service's random IDs are. */
        unsigned long h = (unsigned long)i * 2654435761u + 0x9e3779b9u;
        snprintf(s->resource_id, sizeof s->resource_id, "%08lx-JyvK8nXHuV1BE-bench-resource-%05ld", h & 0xffffffffu,
                 i);
        snprintf(s->sid, sizeof s->sid, "%08lx8f8e3cfdc474cd56fc1ceba%05ld", (h >> 7) & 0xffffffffu, i);
        int len = snprintf(s->url, sizeof s->url,
                           "%s/v1/apps/%s/cloud_recording/resourceid/%s/sid/%s/mode/individual/update", base_url,
                           APP_ID, s->resource_id, s->sid);
        if (len < 0 || (size_t)len >= sizeof s->url)
            fail("the base URL is too long", NULL);
        s->response = (acr_update_response)ACR_UPDATE_RESPONSE_INIT;
    }
}

static acr_client *make_client(long max_idle)
{
    acr_client_options options = ACR_CLIENT_OPTIONS_INIT;
    options.app_id = APP_ID;
    options.customer_id = USER;
    options.customer_secret = PASSWORD;
    options.base_url = base_url;
    options.max_idle_connections = (size_t)max_idle;
    acr_client *client = NULL;
    acr_error err = ACR_ERROR_INIT;
    if (acr_client_new(&options, &client, &err) != ACR_OK)
        fail("acr_client_new", err.message);
    acr_error_clear(&err);
    return client;
}

/* ------------------------------------------- an epoll reactor (callback style) */

typedef struct reactor {
    int ep;
    long timeout_ms;      /* -1: no timer */
    unsigned char *watched; /* per descriptor: 0, or the events registered + 1 */
    int capacity;
} reactor;

static reactor rx;

static void reactor_init(void)
{
    struct rlimit rl;
    rx.capacity = getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY ? (int)rl.rlim_cur : 65536;
    rx.watched = calloc((size_t)rx.capacity, 1);
    rx.ep = epoll_create1(EPOLL_CLOEXEC);
    rx.timeout_ms = -1;
    if (!rx.watched || rx.ep < 0)
        fail("epoll", strerror(errno));
}

/* in/out: the events wanted; remove: stop watching. Returns 0 or -1. */
static int reactor_watch(int fd, int in, int out, int remove)
{
    if (fd < 0 || fd >= rx.capacity)
        return -1;
    if (remove) {
        if (rx.watched[fd])
            epoll_ctl(rx.ep, EPOLL_CTL_DEL, fd, NULL);
        rx.watched[fd] = 0;
        return 0;
    }
    struct epoll_event ev = {0};
    ev.events = (in ? EPOLLIN : 0u) | (out ? EPOLLOUT : 0u);
    ev.data.fd = fd;
    int op = rx.watched[fd] ? EPOLL_CTL_MOD : EPOLL_CTL_ADD;
    if (epoll_ctl(rx.ep, op, fd, &ev) != 0)
        return -1;
    rx.watched[fd] = 1;
    return 0;
}

/* Waits for events or the timer; calls ready(fd, in, out) per event, or
 * ready(-1, 0, 0) when the timer is due. */
static void reactor_turn(void (*ready)(int fd, int in, int out))
{
    struct epoll_event events[256];
    if (rx.timeout_ms == 0) {
        rx.timeout_ms = -1;
        ready(-1, 0, 0);
        return;
    }
    int n = epoll_wait(rx.ep, events, 256, (int)rx.timeout_ms);
    if (n < 0 && errno != EINTR)
        fail("epoll_wait", strerror(errno));
    if (n == 0) {
        rx.timeout_ms = -1;
        ready(-1, 0, 0);
        return;
    }
    for (int i = 0; i < n; i++)
        ready(events[i].data.fd, (events[i].events & (EPOLLIN | EPOLLHUP | EPOLLERR)) != 0,
              (events[i].events & (EPOLLOUT | EPOLLERR)) != 0);
}

/* ------------------------------------------------------------ (a) acr async */

static acr_loop *loop;

static void acr_start_one(slot *s);

static void acr_done(void *ctx, acr_transfer *transfer, acr_status status, acr_error *err)
{
    (void)transfer;
    slot *s = ctx;
    if (status != ACR_OK || !s->response.sid)
        fail("an acr async call failed", err ? err->message : acr_status_name(status));
    acr_update_response_free(&s->response);
    completed++;
    if (completed % heap_every == 0)
        heap_sample();
    if (started < total)
        acr_start_one(s);
}

static void acr_start_one(slot *s)
{
    const char *values[4] = {NULL, s->resource_id, s->sid, "individual"};
    acr_error err = ACR_ERROR_INIT;
    started++;
    if (acr_call_start(loop, &acr_update_operation, values, &request, &s->response, acr_done, s, NULL, &err) !=
        ACR_OK)
        fail("acr_call_start", err.message);
}

static int acr_socket_cb(void *ctx, int fd, int events)
{
    (void)ctx;
    return reactor_watch(fd, (events & ACR_POLL_IN) != 0, (events & ACR_POLL_OUT) != 0,
                         (events & ACR_POLL_REMOVE) != 0);
}

static int acr_timer_cb(void *ctx, long timeout_ms)
{
    (void)ctx;
    rx.timeout_ms = timeout_ms;
    return 0;
}

static void acr_ready(int fd, int in, int out)
{
    acr_status st = fd < 0 ? acr_loop_socket_action(loop, ACR_SOCKET_TIMEOUT, 0)
                           : acr_loop_socket_action(loop, fd, (in ? ACR_POLL_IN : 0) | (out ? ACR_POLL_OUT : 0));
    if (st != ACR_OK)
        fail("acr_loop_socket_action", acr_status_name(st));
}

static void acr_drive(int epoll_style)
{
    if (!epoll_style) {
        acr_status st = acr_loop_run(loop);
        if (st != ACR_OK)
            fail("acr_loop_run", acr_status_name(st));
        return;
    }
    while (acr_loop_active(loop) > 0)
        reactor_turn(acr_ready);
}

static acr_client *acr_async_setup(int epoll_style)
{
    acr_client *client = make_client(inflight);
    acr_loop_options options = ACR_LOOP_OPTIONS_INIT;
    if (epoll_style) {
        reactor_init();
        options.socket = acr_socket_cb;
        options.timer = acr_timer_cb;
    }
    acr_error err = ACR_ERROR_INIT;
    if (acr_loop_new(client, &options, &loop, &err) != ACR_OK)
        fail("acr_loop_new", err.message);
    /* Warm-up: one call, so the baseline holds a connection and whatever
     * libcurl and acr set up once. */
    total = 1;
    acr_start_one(&slots[0]);
    acr_drive(epoll_style);
    started = completed = 0;
    return client;
}

__attribute__((noinline)) static void acr_async_run(long calls, int epoll_style)
{
    total = calls;
    for (long i = 0; i < inflight && started < total; i++)
        acr_start_one(&slots[i]);
    acr_drive(epoll_style);
    if (completed != total)
        fail("acr async: calls lost", NULL);
}

/* ----------------------------------------------------------- (b) bare multi */

static CURLM *multi;
static struct curl_slist *bare_headers;

static size_t discard(char *data, size_t size, size_t count, void *ctx)
{
    (void)data;
    (void)ctx;
    return size * count;
}

/* Made when its slot is first used: in the measured part, as acr's loop makes
 * its easy handles when calls first need them. */
static void bare_make_easy(slot *s)
{
    CURL *h = curl_easy_init();
    if (!h)
        fail("curl_easy_init", NULL);
    s->easy = h;
    curl_easy_setopt(h, CURLOPT_URL, s->url);
    curl_easy_setopt(h, CURLOPT_PRIVATE, (void *)s);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_HTTPAUTH, (long)CURLAUTH_BASIC);
    curl_easy_setopt(h, CURLOPT_USERNAME, USER);
    curl_easy_setopt(h, CURLOPT_PASSWORD, PASSWORD);
    curl_easy_setopt(h, CURLOPT_USERAGENT, "acr/" ACR_VERSION_STRING);
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, bare_headers);
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, body);
    curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)body_length);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, discard);
}

static void bare_add(slot *s)
{
    started++;
    if (!s->easy)
        bare_make_easy(s);
    if (curl_multi_add_handle(multi, s->easy) != CURLM_OK)
        fail("curl_multi_add_handle", NULL);
}

/* Reaps finished transfers and puts their handles back in. */
static void bare_reap(void)
{
    CURLMsg *msg;
    int left;
    while ((msg = curl_multi_info_read(multi, &left)) != NULL) {
        if (msg->msg != CURLMSG_DONE)
            continue;
        CURL *e = msg->easy_handle;
        CURLcode result = msg->data.result;
        long code = 0;
        slot *s = NULL;
        curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &code);
        curl_easy_getinfo(e, CURLINFO_PRIVATE, (char **)&s);
        if (result != CURLE_OK || code != 200)
            fail("a bare libcurl call failed", curl_easy_strerror(result));
        curl_multi_remove_handle(multi, e);
        completed++;
        if (completed % heap_every == 0)
            heap_sample();
        if (started < total)
            bare_add(s);
    }
}

static int bare_socket_cb(CURL *e, curl_socket_t fd, int what, void *userp, void *socketp)
{
    (void)e;
    (void)userp;
    (void)socketp;
    return reactor_watch(fd, what == CURL_POLL_IN || what == CURL_POLL_INOUT,
                         what == CURL_POLL_OUT || what == CURL_POLL_INOUT, what == CURL_POLL_REMOVE);
}

static int bare_timer_cb(CURLM *m, long timeout_ms, void *userp)
{
    (void)m;
    (void)userp;
    rx.timeout_ms = timeout_ms;
    return 0;
}

static void bare_ready(int fd, int in, int out)
{
    int running;
    if (fd < 0)
        curl_multi_socket_action(multi, CURL_SOCKET_TIMEOUT, 0, &running);
    else
        curl_multi_socket_action(multi, fd, (in ? CURL_CSELECT_IN : 0) | (out ? CURL_CSELECT_OUT : 0), &running);
    bare_reap();
}

static void bare_drive(int epoll_style)
{
    int running = 1;
    while (completed < total) {
        if (epoll_style) {
            reactor_turn(bare_ready);
            continue;
        }
        if (curl_multi_perform(multi, &running) != CURLM_OK)
            fail("curl_multi_perform", NULL);
        bare_reap();
        if (completed < total && curl_multi_poll(multi, NULL, 0, 1000, NULL) != CURLM_OK)
            fail("curl_multi_poll", NULL);
    }
}

static void bare_setup(int epoll_style)
{
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
        fail("curl_global_init", NULL);
    multi = curl_multi_init();
    if (!multi)
        fail("curl_multi_init", NULL);
    curl_multi_setopt(multi, CURLMOPT_MAXCONNECTS, inflight);
    if (epoll_style) {
        reactor_init();
        curl_multi_setopt(multi, CURLMOPT_SOCKETFUNCTION, bare_socket_cb);
        curl_multi_setopt(multi, CURLMOPT_TIMERFUNCTION, bare_timer_cb);
    }
    /* The headers acr sends (runtime/src/http/client.c). */
    const char *lines[] = {"Content-Type: application/json", "Accept: application/json", "Expect:"};
    for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++) {
        struct curl_slist *next = curl_slist_append(bare_headers, lines[i]);
        if (!next)
            fail("out of memory", NULL);
        bare_headers = next;
    }
    total = 1;
    bare_add(&slots[0]);
    bare_drive(epoll_style);
    started = completed = 0;
}

__attribute__((noinline)) static void bare_run(long calls, int epoll_style)
{
    total = calls;
    for (long i = 0; i < inflight && started < total; i++)
        bare_add(&slots[i]);
    bare_drive(epoll_style);
}

/* ------------------------------------------------- (c) blocking on threads */

static acr_client *blocking_client;
static atomic_long claimed;
static atomic_long finished;
/* The threads wait for this before their first call, so that creating them is
 * not timed (and a failure to create one leaves the others free to run). */
static pthread_mutex_t go_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t go_cond = PTHREAD_COND_INITIALIZER;
static int go;

static void blocking_call(slot *s)
{
    acr_update_params params = {s->resource_id, s->sid, ACR_MODE_INDIVIDUAL};
    acr_error err = ACR_ERROR_INIT;
    if (acr_update(blocking_client, &params, &request, &s->response, &err) != ACR_OK || !s->response.sid)
        fail("acr_update failed", err.message);
    acr_update_response_free(&s->response);
    acr_error_clear(&err);
}

__attribute__((noinline)) static void *blocking_thread(void *arg)
{
    slot *s = arg;
    pthread_mutex_lock(&go_lock);
    while (!go)
        pthread_cond_wait(&go_cond, &go_lock);
    pthread_mutex_unlock(&go_lock);
    while (atomic_fetch_add(&claimed, 1) < total) {
        blocking_call(s);
        atomic_fetch_add(&finished, 1);
    }
    return NULL;
}

/* Creates up to n threads (default attributes: 8 MiB of stack reserved each);
 * returns how many exist, and sets *error when one could not be made. */
static long threads_create(pthread_t *threads, long n, int *error)
{
    long made = 0;
    for (; made < n; made++) {
        int rc = pthread_create(&threads[made], NULL, blocking_thread, &slots[made]);
        if (rc != 0) {
            *error = rc;
            break;
        }
    }
    return made;
}

static void threads_go(void)
{
    pthread_mutex_lock(&go_lock);
    go = 1;
    pthread_cond_broadcast(&go_cond);
    pthread_mutex_unlock(&go_lock);
}

/* ------------------------------------------------------------------- a row */

typedef struct row_result {
    long calls;
    double wall, cpu;
    long rss_kib;          /* peak RSS over the idle baseline */
    long long heap;        /* heap in use in flight over the idle baseline */
    long threads;          /* threads: how many could be made */
    long in_flight;        /* N, or the threads made when fewer */
    int thread_error;
} row_result;

enum client_kind { ACR_POLL, ACR_EPOLL, BARE_POLL, BARE_EPOLL, THREADS, CLIENT_KINDS };
static const char *const client_names[CLIENT_KINDS] = {"acr-poll", "acr-epoll", "bare-poll", "bare-epoll",
                                                       "threads"};
static const char *const client_titles[CLIENT_KINDS] = {
    "acr async, one loop (acr_loop_run)",
    "acr async, one loop (callbacks + epoll)",
    "bare libcurl multi (curl_multi_poll)",
    "bare libcurl multi (socket_action + epoll)",
    "acr_update blocking, N threads",
};

static row_result run_row(enum client_kind kind, long n, long calls)
{
    row_result r = {0};
    inflight = n;
    /* About 200 samples a row: the heap moves with each call's phase. */
    heap_every = calls / 200 > 0 ? calls / 200 : 1;
    make_slots(n);
    acr_client *client = NULL;
    pthread_t *threads = NULL;
    switch (kind) {
    case ACR_POLL:
    case ACR_EPOLL:
        client = acr_async_setup(kind == ACR_EPOLL);
        break;
    case BARE_POLL:
    case BARE_EPOLL:
        bare_setup(kind == BARE_EPOLL);
        break;
    case THREADS:
        blocking_client = client = make_client(n);
        blocking_call(&slots[0]);
        threads = calloc((size_t)n, sizeof *threads);
        if (!threads)
            fail("out of memory", NULL);
        break;
    case CLIENT_KINDS:
        break;
    }
    if (!reset_peak_rss())
        fail("cannot reset the peak RSS (/proc/self/clear_refs)", NULL);
    long rss0 = status_kib("VmRSS");
    long long heap0 = heap_in_use();
    heap_peak = heap0;
    double c0 = cpu_seconds(), t0 = now();
    switch (kind) {
    case ACR_POLL:
    case ACR_EPOLL:
        acr_async_run(calls, kind == ACR_EPOLL);
        break;
    case BARE_POLL:
    case BARE_EPOLL:
        bare_run(calls, kind == BARE_EPOLL);
        break;
    case THREADS: {
        total = calls;
        r.threads = threads_create(threads, n, &r.thread_error);
        if (r.threads < n)
            fprintf(stderr, "bench-async: only %ld of %ld threads could be created (%s); running with those\n",
                    r.threads, n, strerror(r.thread_error));
        if (r.threads == 0)
            _exit(3);
        c0 = cpu_seconds();
        t0 = now();
        threads_go();
        /* Sample the heap while the threads call (a benchmark: this thread
         * only watches, the others do the calls). */
        while (atomic_load(&finished) < total) {
            struct timespec pause = {0, 20 * 1000 * 1000};
            nanosleep(&pause, NULL);
            if (atomic_load(&finished) < total - r.threads)
                heap_sample();
        }
        for (long i = 0; i < r.threads; i++)
            pthread_join(threads[i], NULL);
        break;
    }
    case CLIENT_KINDS:
        break;
    }
    r.wall = now() - t0 - (kind == THREADS ? 0 : sample_wall); /* the threads' sampler only watches */
    r.cpu = cpu_seconds() - c0 - sample_cpu;
    r.calls = calls;
    r.rss_kib = status_kib("VmHWM") - rss0;
    r.in_flight = kind == THREADS ? r.threads : n;
    r.heap = heap_peak - heap0;
    (void)client; /* the process ends here: nothing is freed */
    return r;
}

/* --------------------------------------------------------------- the table */

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

typedef struct summary {
    int rounds;            /* rounds that ran */
    double best_rate;
    double best_cpu;       /* seconds per call */
    double rss[16];        /* KiB per call in flight, per round */
    double heap[16];
    long threads_made;     /* the fewest calls in flight of the rounds */
    int thread_error;
    int failed;
} summary;

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, cmp_double);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* --no-fork: one row in this process (for perf and callgrind). */
static int no_fork;

/* Runs a row in a child; false when the child failed. */
static int fork_row(enum client_kind kind, long n, long calls, row_result *out)
{
    if (no_fork) {
        *out = run_row(kind, n, calls);
        return 1;
    }
    int pipefd[2];
    if (pipe(pipefd) != 0)
        fail("pipe", strerror(errno));
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid < 0)
        fail("fork", strerror(errno));
    if (pid == 0) {
        close(pipefd[0]);
        row_result r = run_row(kind, n, calls);
        ssize_t w = write(pipefd[1], &r, sizeof r);
        _exit(w == (ssize_t)sizeof r ? 0 : 1);
    }
    close(pipefd[1]);
    ssize_t got = read(pipefd[0], out, sizeof *out);
    close(pipefd[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    return got == (ssize_t)sizeof *out && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

static long arg_long(int argc, char **argv, const char *name, long fallback)
{
    for (int i = 0; i + 1 < argc; i++)
        if (strcmp(argv[i], name) == 0)
            return strtol(argv[i + 1], NULL, 10);
    return fallback;
}

static const char *arg_text(int argc, char **argv, const char *name, const char *fallback)
{
    for (int i = 0; i + 1 < argc; i++)
        if (strcmp(argv[i], name) == 0)
            return argv[i + 1];
    return fallback;
}

static void ratio(char *buf, size_t size, double a, double b)
{
    if (a > 0 && b > 0)
        snprintf(buf, size, "%.2fx", a / b);
    else
        snprintf(buf, size, "-");
}

int main(int argc, char **argv)
{
    if (argc < 2 || argv[1][0] == '-') {
        fprintf(stderr, "usage: acr_bench_async BASE_URL [--calls N] [--calls-at-1 N] [--inflight 1,10,100,1000]\n"
                        "       [--rounds R] [--clients acr-poll,acr-epoll,bare-poll,bare-epoll,threads] [--no-fork]\n"
                        "       [--no-heap-samples]\n"
                        "(run scripts/bench-async.sh)\n");
        return 2;
    }
    base_url = argv[1];
    long calls = arg_long(argc, argv, "--calls", 20000);
    long calls_at_1 = arg_long(argc, argv, "--calls-at-1", 5000);
    int rounds = (int)arg_long(argc, argv, "--rounds", 3);
    if (rounds < 1 || rounds > 16)
        rounds = 3;
    const char *inflight_list = arg_text(argc, argv, "--inflight", "1,10,100,1000");
    const char *clients = arg_text(argc, argv, "--clients", "acr-poll,acr-epoll,bare-poll,bare-epoll,threads");
    for (int i = 2; i < argc; i++) {
        no_fork |= strcmp(argv[i], "--no-fork") == 0;
        no_heap_samples |= strcmp(argv[i], "--no-heap-samples") == 0;
    }

    /* 1 000 connections, and nginx's: as many descriptors as allowed. */
    struct rlimit rl;
    if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < rl.rlim_max) {
        rl.rlim_cur = rl.rlim_max;
        setrlimit(RLIMIT_NOFILE, &rl);
    }
    make_request();

    long ns[8];
    int n_count = 0;
    for (const char *p = inflight_list; *p && n_count < 8;) {
        ns[n_count++] = strtol(p, NULL, 10);
        p = strchr(p, ',');
        if (!p)
            break;
        p++;
    }
    int wanted[CLIENT_KINDS], wanted_count = 0;
    for (int k = 0; k < CLIENT_KINDS; k++) {
        wanted[k] = strstr(clients, client_names[k]) != NULL;
        wanted_count += wanted[k];
    }
    if (no_fork && (wanted_count != 1 || n_count != 1 || rounds != 1)) {
        fprintf(stderr, "bench-async: --no-fork runs one row: one of --clients, one --inflight, --rounds 1\n");
        return 2;
    }

    printf("| in flight | client | calls | calls/s | CPU us/call | RSS KiB per call in flight "
           "| heap KiB per call in flight | calls/s vs bare | CPU vs bare | RSS vs bare | heap vs bare |\n");
    printf("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (int i = 0; i < n_count; i++) {
        long n = ns[i];
        long row_calls = n == 1 ? calls_at_1 : calls;
        if (row_calls < n)
            row_calls = n;
        summary s[CLIENT_KINDS];
        memset(s, 0, sizeof s);
        for (int round = 0; round < rounds; round++) {
            for (int k = 0; k < CLIENT_KINDS; k++) {
                if (!wanted[k] || s[k].failed)
                    continue;
                row_result r;
                if (!fork_row((enum client_kind)k, n, row_calls, &r)) {
                    s[k].failed = 1;
                    fprintf(stderr, "bench-async: %s at %ld in flight failed (see above)\n", client_names[k], n);
                    continue;
                }
                double rate = (double)r.calls / r.wall, per = r.cpu / (double)r.calls;
                if (rate > s[k].best_rate)
                    s[k].best_rate = rate;
                if (s[k].best_cpu == 0 || per < s[k].best_cpu)
                    s[k].best_cpu = per;
                s[k].rss[s[k].rounds] = (double)r.rss_kib / (double)r.in_flight;
                s[k].heap[s[k].rounds] = (double)r.heap / 1024.0 / (double)r.in_flight;
                if (s[k].rounds == 0 || r.in_flight < s[k].threads_made)
                    s[k].threads_made = r.in_flight;
                if (r.thread_error)
                    s[k].thread_error = r.thread_error;
                s[k].rounds++;
            }
        }
        /* The bare reference: the faster of the two bare loops at this N. */
        int ref = -1;
        for (int k = BARE_POLL; k <= BARE_EPOLL; k++)
            if (s[k].rounds && (ref < 0 || s[k].best_rate > s[ref].best_rate))
                ref = k;
        double ref_rss = ref >= 0 ? median(s[ref].rss, s[ref].rounds) : 0;
        double ref_heap = ref >= 0 ? median(s[ref].heap, s[ref].rounds) : 0;
        for (int k = 0; k < CLIENT_KINDS; k++) {
            if (!wanted[k])
                continue;
            if (!s[k].rounds) {
                printf("| %ld | %s | %ld | failed | | | | | | | |\n", n, client_titles[k], row_calls);
                continue;
            }
            double rss = median(s[k].rss, s[k].rounds);
            double heap = median(s[k].heap, s[k].rounds);
            char r1[32], r2[32], r3[32], r4[32], title[160];
            int is_ref = k == ref;
            ratio(r1, sizeof r1, s[k].best_rate, ref >= 0 ? s[ref].best_rate : 0);
            ratio(r2, sizeof r2, rss, ref_rss);
            ratio(r3, sizeof r3, heap, ref_heap);
            ratio(r4, sizeof r4, s[k].best_cpu, ref >= 0 ? s[ref].best_cpu : 0);
            if (s[k].threads_made < n)
                snprintf(title, sizeof title, "%s (only %ld threads: %s)", client_titles[k], s[k].threads_made,
                         strerror(s[k].thread_error));
            else
                snprintf(title, sizeof title, "%s%s", client_titles[k], is_ref ? " (reference)" : "");
            printf("| %ld | %s | %ld | %.0f | %.1f | %.1f | %.1f | %s | %s | %s | %s |\n", n, title, row_calls,
                   s[k].best_rate, s[k].best_cpu * 1e6, rss, heap, is_ref ? "1" : r1, is_ref ? "1" : r4,
                   is_ref ? "1" : r2, is_ref ? "1" : r3);
            /* N, client, calls/s, CPU us/call, heap KiB in flight (total, per call), RSS KiB per call */
            summary_line("async|%ld|%s|%.0f|%.1f|%.1f|%.2f|%.1f", n, client_names[k], s[k].best_rate, s[k].best_cpu * 1e6,
                    heap * (double)s[k].threads_made, heap, rss);
        }
        fflush(stdout);
    }
    free(body);
    return 0;
}
