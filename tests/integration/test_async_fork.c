/* A loop across fork() and exec, and a loop's end, against the fault server
 * (tests/integration/fault_server.py). Each scenario runs in both async
 * styles (drivers.h: poll, callback).
 *
 * fork + exec: a loop holds open connections (calls the server keeps waiting)
 * and a retry timer, its client a pooled keep-alive connection from a
 * blocking call; the process forks and the child execs this program again
 * with --list-fds, which prints the descriptors it was given. None of the
 * descriptors opened since before the client was made (the loop's sockets,
 * any eventfd or pipe it keeps, the driver's epoll and timerfd) may be there:
 * all are close-on-exec. A descriptor the test opens without O_CLOEXEC must
 * be there, so the listing is known to see what crosses. (Known gap: with
 * libcurl before 8.8.0, its own wake-up socket pairs cross; see below.)
 *
 * After acr_loop_free: no callback runs any more (done, socket, timer: each
 * counted, with a flag set when acr_loop_free() returned), while the same
 * client goes on with a blocking call and a new loop whose call takes longer
 * than the freed loop's pending back-off. Before that, acr_loop_free() with
 * calls in flight, and the loop functions called from a done callback, return
 * ACR_ERR_USAGE (and free nothing). */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <curl/curl.h>

#include "drivers.h"
#include "mock_process.h"
#include "support.h"

#define APP "acr-fork-app"
#define CUSTOMER_ID "acr-fork-customer-2Lm5"
#define CUSTOMER_SECRET "acr-fork-secret-7Vb1"

#define MAX_FDS 4096

static mock_process server;
static char self_path[PATH_MAX];

/* --list-fds: the descriptors this process was started with, one a line. */
static int list_fds(void)
{
    int fds[MAX_FDS];
    size_t n = driver_open_fds(fds, MAX_FDS);
    for (size_t i = 0; i < n && i < MAX_FDS; i++)
        if (printf("%d\n", fds[i]) < 0)
            return 1;
    return fflush(stdout) == 0 ? 0 : 1;
}

static char *control(const char *method, const char *path, const char *body)
{
    char *answer = fault_control(&server, method, path, body);
    if (!answer)
        fail_msg("%s %s failed", method, path);
    return answer;
}

static yajl_val state_now(void)
{
    char *answer = control("GET", "/__fault/state", NULL);
    yajl_val st = support_tree(answer);
    free(answer);
    return st;
}

static size_t requests_seen(void)
{
    yajl_val st = state_now();
    size_t n = YAJL_GET_ARRAY(support_array_member(st, "requests"))->len;
    yajl_tree_free(st);
    return n;
}

static void post_script(const char *rid, const char *steps)
{
    char body[512];
    snprintf(body, sizeof body, "{\"name\":\"%s\",\"match\":\"/resourceid/%s/\",\"steps\":%s}", rid, rid, steps);
    free(control("POST", "/__fault/script", body));
}

#define STEPS_504 "[{\"respond\":{\"status\":504,\"body\":{\"code\":62,\"reason\":\"request timeout\"}}}]"
#define STEPS_HOLD "[{\"wait_peer\":true}]"

static acr_client *new_client(long backoff_ms)
{
    char why[ACR_ERROR_MESSAGE_MAX + 64];
    acr_client *c = fault_client_new(&server, APP, CUSTOMER_ID, CUSTOMER_SECRET, backoff_ms, why, sizeof why);
    if (!c)
        fail_msg("%s", why);
    return c;
}

/* One call's done callback: counts, and what the loop functions said when
 * called from it. */
typedef struct done_state {
    driver_loop *dl;
    driver_style style;
    unsigned done;
    unsigned cancelled;
    unsigned ok;
    bool loop_freed;
    unsigned after_free;
    bool probe;                 /* this callback tries the loop functions */
    acr_status free_status, drive_status;
    acr_update_response responses[8];
} done_state;

static void on_done(void *ctx, acr_transfer *transfer, acr_status status, acr_error *err)
{
    (void)transfer;
    (void)err;
    done_state *d = ctx;
    d->done++;
    if (d->loop_freed)
        d->after_free++;
    if (status == ACR_ERR_CANCELLED)
        d->cancelled++;
    if (status == ACR_OK)
        d->ok++;
    if (d->probe) {
        d->probe = false;
        acr_loop *loop = driver_loop_acr(d->dl);
        d->free_status = acr_loop_free(loop);
        d->drive_status = d->style == DRIVER_POLL ? acr_loop_perform(loop, NULL, 0)
                                                  : acr_loop_socket_action(loop, ACR_SOCKET_TIMEOUT, 0);
    }
}

/* What a scenario holds, global so that the teardown can end it when a check
 * failed halfway (its calls' callbacks still write into done). */
static struct scene {
    acr_client *client;
    driver_loop *loops[2];
    driver_counts counts[2];
    done_state done[2];
} scene;

static void start(driver_loop *dl, const char *rid, acr_update_response *response, done_state *d)
{
    acr_update_request req = driver_update_request();
    const char *params[8];
    driver_params(&acr_update_operation, params, rid, "sid-fork", ACR_MODE_INDIVIDUAL);
    acr_error err = ACR_ERROR_INIT;
    acr_status s = acr_call_start(driver_loop_acr(dl), &acr_update_operation, params, &req, response, on_done, d,
                                  NULL, &err);
    if (s != ACR_OK)
        fail_msg("acr_call_start: %s: %s", acr_status_name(s), err.message);
    acr_error_clear(&err);
}

/* Drives the loop until the server has seen `n` requests (a bounded poll of
 * its state between short turns of the loop). */
static void drive_until_seen(driver_loop *dl, size_t n)
{
    for (unsigned turn = 0; requests_seen() < n; turn++) {
        if (turn > 3000)
            fail_msg("the server saw %zu of %zu requests after 3000 turns of the loop", requests_seen(), n);
        if (driver_loop_step(dl, 10) != 0)
            fail_msg("%s", driver_loop_failure(dl));
    }
}

static bool contains(const int *fds, size_t n, int fd)
{
    for (size_t i = 0; i < n; i++)
        if (fds[i] == fd)
            return true;
    return false;
}

/* The socket's address family, or -1 when fd is not a socket. */
static int socket_domain(int fd)
{
    int domain = 0;
    socklen_t length = sizeof domain;
    return getsockopt(fd, SOL_SOCKET, SO_DOMAIN, &domain, &length) == 0 ? domain : -1;
}

/* "5 (unix socket, not watched by the loop)", for a failure's message. */
static void describe_fd(int fd, bool watched, char *out, size_t size)
{
    const char *what = "not a socket";
    int domain = socket_domain(fd);
    if (domain >= 0)
        what = domain == AF_UNIX ? "unix socket" : domain == AF_INET || domain == AF_INET6 ? "IP socket" : "socket";
    else {
        char link[64], target[64] = "";
        snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
        ssize_t k = readlink(link, target, sizeof target - 1);
        target[k > 0 ? k : 0] = '\0';
        if (k > 0)
            what = strncmp(target, "anon_inode:", 11) == 0 ? target + 11 : "a file";
    }
    snprintf(out, size, "%d (%s, %s by the loop)", fd, what, watched ? "watched" : "not watched");
}

/* The descriptors a child inherits across exec: this program run with
 * --list-fds, its standard output a pipe. */
static size_t fds_across_exec(int *fds, size_t capacity)
{
    int p[2];
    assert_int_equal(pipe(p), 0);
    for (int i = 0; i < 2; i++) /* only the child's copy on fd 1 may cross */
        assert_int_equal(fcntl(p[i], F_SETFD, FD_CLOEXEC), 0);
    char *const argv[] = {self_path, (char *)(uintptr_t) "--list-fds", NULL};
    fflush(stdout);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        /* The child of a process with threads: only exec or _exit. dup2's
         * copy (fd 1) is not close-on-exec. */
        if (dup2(p[1], 1) < 0)
            _exit(126);
        execv(self_path, argv);
        _exit(127);
    }
    close(p[1]);
    char text[16384];
    size_t length = 0;
    for (;;) {
        ssize_t got = read(p[0], text + length, sizeof text - 1 - length);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            break;
        length += (size_t)got;
    }
    close(p[0]);
    text[length] = '\0';
    int status;
    while (waitpid(pid, &status, 0) < 0)
        assert_int_equal(errno, EINTR);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 0);
    size_t n = 0;
    for (char *line = text; *line;) {
        char *end;
        long fd = strtol(line, &end, 10);
        assert_true(end != line && *end == '\n');
        if (n < capacity)
            fds[n] = (int)fd;
        n++;
        line = end + 1;
    }
    return n;
}

static void fork_exec(driver_style style)
{
    static int before[MAX_FDS], now[MAX_FDS], child[MAX_FDS], watched[MAX_FDS];
    size_t n_before = driver_open_fds(before, MAX_FDS);
    acr_client *client = scene.client = new_client(60000); /* the 504 call waits in its back-off */
    driver_counts *counts = &scene.counts[0];
    driver_loop *dl = NULL;
    char why[256];
    if (driver_loop_new(style, client, counts, &dl, why, sizeof why) != 0)
        fail_msg("%s", why);
    scene.loops[0] = dl;
    const size_t held = 4;
    done_state *d = &scene.done[0];
    d->dl = dl;
    d->style = style;
    for (size_t i = 0; i < held; i++) {
        char rid[32];
        snprintf(rid, sizeof rid, "rk-%zu", i);
        post_script(rid, STEPS_HOLD);
        start(dl, rid, &d->responses[i], d);
    }
    post_script("rk-retry", STEPS_504);
    start(dl, "rk-retry", &d->responses[held], d);
    /* A blocking call too: its keep-alive connection stays in the client's pool. */
    acr_update_request req = driver_update_request();
    acr_update_params params = {"rk-blocking", "sid-fork", ACR_MODE_INDIVIDUAL};
    acr_update_response response = ACR_UPDATE_RESPONSE_INIT;
    acr_error err = ACR_ERROR_INIT;
    if (acr_update(client, &params, &req, &response, &err) != ACR_OK)
        fail_msg("blocking update: %s", err.message);
    acr_update_response_free(&response);
    acr_error_clear(&err);
    drive_until_seen(dl, held + 2);
    assert_int_equal(d->done, 0);
    assert_int_equal(acr_loop_active(driver_loop_acr(dl)), held + 1);

    /* The loop's descriptors: every one opened since, sockets among them. */
    size_t n_now = driver_open_fds(now, MAX_FDS);
    int opened[MAX_FDS];
    size_t n_opened = 0, sockets = 0;
    for (size_t i = 0; i < n_now; i++)
        if (!contains(before, n_before, now[i])) {
            opened[n_opened++] = now[i];
            struct stat st;
            if (fstat(now[i], &st) == 0 && S_ISSOCK(st.st_mode))
                sockets++;
        }
    if (sockets < held)
        fail_msg("%zu sockets opened for %zu held calls", sockets, held);
    size_t n_watched = driver_loop_watched(dl, watched, MAX_FDS);
    for (size_t i = 0; i < n_watched; i++)
        if (!contains(opened, n_opened, watched[i]))
            fail_msg("the loop watches descriptor %d, opened before the client", watched[i]);

    int inherited = open("/dev/null", O_RDONLY); /* no O_CLOEXEC: must cross */
    assert_true(inherited >= 0);
    size_t n_child = fds_across_exec(child, MAX_FDS);
    close(inherited);
    if (!contains(child, n_child, inherited))
        fail_msg("the child did not list descriptor %d, opened without O_CLOEXEC", inherited);
    /* KNOWN GAP (reported; docs/SECURITY.md): libcurl before 8.8.0 (Debian 12
     * has 7.88.1) makes a unix socket pair in every curl_multi_init() without
     * close-on-exec (curl issue 13618), out of acr's reach: the loop's and
     * those of the client's private loops for blocking calls. With such a
     * libcurl, unix sockets the loop does not watch, in pairs, are counted
     * and printed, not failed; anything else crossing fails, and with a newer
     * libcurl nothing may cross. acr/loop.h's "Its descriptors are
     * close-on-exec" needs that caveat. */
    bool old_libcurl = curl_version_info(CURLVERSION_NOW)->version_num < 0x080800;
    char crossed[1024] = "";
    size_t n_crossed = 0, n_libcurl_pairs = 0;
    for (size_t i = 0; i < n_opened; i++)
        if (contains(child, n_child, opened[i])) {
            bool is_watched = contains(watched, n_watched, opened[i]);
            if (old_libcurl && !is_watched && socket_domain(opened[i]) == AF_UNIX) {
                n_libcurl_pairs++;
                continue;
            }
            char one[160];
            describe_fd(opened[i], is_watched, one, sizeof one);
            size_t used = strlen(crossed);
            snprintf(crossed + used, sizeof crossed - used, "%s%s", n_crossed ? "; " : "", one);
            n_crossed++;
        }
    if (n_crossed)
        fail_msg("%zu of the %zu descriptors opened by the client and its loop crossed exec: %s", n_crossed, n_opened,
                 crossed);
    if (n_libcurl_pairs % 2)
        fail_msg("%zu unix sockets crossed exec: not libcurl's pairs", n_libcurl_pairs);
    if (n_libcurl_pairs)
        printf("%s style: known gap, libcurl %s: %zu unix sockets of its multi handles' wake-up pairs crossed exec\n",
               driver_style_name(style), curl_version_info(CURLVERSION_NOW)->version, n_libcurl_pairs);
    printf("%s style: %zu descriptors opened by the client and loop (%zu sockets); the child got %zu\n",
           driver_style_name(style), n_opened, sockets, n_child);

    assert_int_equal(acr_loop_cancel_all(driver_loop_acr(dl)), ACR_OK);
    assert_int_equal(d->cancelled, held + 1);
    assert_int_equal(driver_loop_free(dl), ACR_OK);
    scene.loops[0] = NULL;
    acr_client_free(client);
    scene.client = NULL;
    size_t n_after = driver_count_fds();
    assert_int_equal(n_after, n_before);
    yajl_tree_free(fault_idle_state(&server, 30000));
}

static void test_fork_exec_poll(void **state)
{
    (void)state;
    fork_exec(DRIVER_POLL);
}

static void test_fork_exec_callback(void **state)
{
    (void)state;
    fork_exec(DRIVER_CALLBACK);
}

static void no_callback_after_free(driver_style style)
{
    /* The retried call's back-off (300 ms) is pending when the loop is freed;
     * the next loop's call takes longer than that at the server. */
    acr_client *client = scene.client = new_client(300);
    driver_counts *counts = &scene.counts[0];
    driver_loop *dl = NULL;
    char why[256];
    if (driver_loop_new(style, client, counts, &dl, why, sizeof why) != 0)
        fail_msg("%s", why);
    scene.loops[0] = dl;
    done_state *d = &scene.done[0];
    d->dl = dl;
    d->style = style;
    d->free_status = d->drive_status = ACR_OK;
    post_script("rn-held-0", STEPS_HOLD);
    post_script("rn-held-1", STEPS_HOLD);
    for (int i = 0; i < 2; i++) { /* in the back-off or held in the second attempt when cancelled */
        char rid[32];
        snprintf(rid, sizeof rid, "rn-retry-%d", i);
        post_script(rid, STEPS_504);
        post_script(rid, STEPS_HOLD);
    }
    start(dl, "rn-held-0", &d->responses[0], d);
    start(dl, "rn-held-1", &d->responses[1], d);
    start(dl, "rn-retry-0", &d->responses[2], d);
    start(dl, "rn-retry-1", &d->responses[3], d);
    d->probe = true; /* the first done callback (an OK call's) tries acr_loop_free and driving */
    start(dl, "rn-ok", &d->responses[4], d);
    while (d->done < 1)
        if (driver_loop_step(dl, -1) != 0)
            fail_msg("%s", driver_loop_failure(dl));
    assert_int_equal(d->ok, 1);
    assert_int_equal(d->free_status, ACR_ERR_USAGE);
    assert_int_equal(d->drive_status, ACR_ERR_USAGE);
    drive_until_seen(dl, 5);

    /* Calls in flight: not freed. */
    assert_int_equal(acr_loop_free(driver_loop_acr(dl)), ACR_ERR_USAGE);
    assert_false(counts->freed);
    assert_int_equal(acr_loop_cancel_all(driver_loop_acr(dl)), ACR_OK);
    assert_int_equal(d->cancelled, 4);
    assert_int_equal(driver_loop_free(dl), ACR_OK);
    scene.loops[0] = NULL;
    d->loop_freed = true;
    unsigned long socket_calls = counts->socket_calls, timer_calls = counts->timer_calls;

    /* The client goes on: a blocking call, and a new loop's call held 500 ms
     * at the server (longer than the freed loop's back-off). */
    acr_update_request req = driver_update_request();
    acr_update_params params = {"rn-after", "sid-fork", ACR_MODE_INDIVIDUAL};
    acr_update_response response = ACR_UPDATE_RESPONSE_INIT;
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(acr_update(client, &params, &req, &response, &err), ACR_OK);
    acr_update_response_free(&response);
    acr_error_clear(&err);
    post_script("rn-slow", "[{\"delay_ms\":500},{\"default\":true}]");
    driver_counts *other_counts = &scene.counts[1];
    driver_loop *other = NULL;
    if (driver_loop_new(style, client, other_counts, &other, why, sizeof why) != 0)
        fail_msg("%s", why);
    scene.loops[1] = other;
    done_state *e = &scene.done[1];
    e->dl = other;
    e->style = style;
    start(other, "rn-slow", &e->responses[0], e);
    while (e->done < 1)
        if (driver_loop_step(other, -1) != 0)
            fail_msg("%s", driver_loop_failure(other));
    assert_int_equal(e->ok, 1);
    assert_int_equal(driver_loop_free(other), ACR_OK);
    scene.loops[1] = NULL;
    acr_client_free(client);
    scene.client = NULL;

    assert_int_equal(d->after_free, 0);
    assert_int_equal(d->done, 5);
    assert_int_equal(counts->after_free, 0);
    assert_int_equal(counts->socket_calls, socket_calls);
    assert_int_equal(counts->timer_calls, timer_calls);
    yajl_tree_free(fault_idle_state(&server, 30000));
}

static void test_no_callback_after_free_poll(void **state)
{
    (void)state;
    no_callback_after_free(DRIVER_POLL);
}

static void test_no_callback_after_free_callback(void **state)
{
    (void)state;
    no_callback_after_free(DRIVER_CALLBACK);
}

static int group_setup(void **state)
{
    (void)state;
    return fault_server_start(&server, APP, CUSTOMER_ID, CUSTOMER_SECRET);
}

static int group_teardown(void **state)
{
    (void)state;
    fault_server_stop(&server);
    return 0;
}

static int setup(void **state)
{
    (void)state;
    return fault_server_reset(&server, 30000);
}

/* Ends what a scenario left (its calls, loops, client) and frees the responses. */
static int teardown(void **state)
{
    (void)state;
    int result = 0;
    for (int i = 0; i < 2; i++)
        if (scene.loops[i]) {
            acr_loop_cancel_all(driver_loop_acr(scene.loops[i]));
            if (driver_loop_free(scene.loops[i]) != ACR_OK)
                result = -1;
        }
    acr_client_free(scene.client);
    for (int i = 0; i < 2; i++)
        for (size_t k = 0; k < sizeof scene.done[i].responses / sizeof scene.done[i].responses[0]; k++)
            acr_update_response_free(&scene.done[i].responses[k]);
    memset(&scene, 0, sizeof scene);
    return result;
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "--list-fds") == 0)
        return list_fds();
    if (!realpath(argv[0], self_path)) {
        fprintf(stderr, "%s: cannot resolve its own path\n", argv[0]);
        return 2;
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_fork_exec_poll, setup, teardown),
        cmocka_unit_test_setup_teardown(test_fork_exec_callback, setup, teardown),
        cmocka_unit_test_setup_teardown(test_no_callback_after_free_poll, setup, teardown),
        cmocka_unit_test_setup_teardown(test_no_callback_after_free_callback, setup, teardown),
    };
    return cmocka_run_group_tests_name("async loop: fork and free", tests, group_setup, group_teardown);
}
