/* async_poll: the recordings of recordings.h (options, output and exit
 * statuses are described there) driven by a plain poll() loop. The loop asks
 * acr_loop_fds() what to watch, poll()s it together with a self-pipe that
 * SIGINT and SIGTERM write to, and hands the result to acr_loop_perform(). */
#define _POSIX_C_SOURCE 200809L

#include "recordings.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

const char *const program_name = "async_poll";

/* SIGINT and SIGTERM write a byte here; poll() watches the other end. */
static int wake_pipe[2] = {-1, -1};

static void on_signal(int signal_number)
{
    (void)signal_number;
    int saved = errno;
    char byte = 1;
    /* Non-blocking: when the pipe is full, a wake-up is already pending. */
    ssize_t written = write(wake_pipe[1], &byte, 1);
    (void)written;
    errno = saved;
}

static bool make_wake_pipe(void)
{
    if (pipe(wake_pipe) != 0)
        return false;
    for (int i = 0; i < 2; i++) {
        int flags = fcntl(wake_pipe[i], F_GETFL);
        if (flags < 0 || fcntl(wake_pipe[i], F_SETFL, flags | O_NONBLOCK) != 0 ||
            fcntl(wake_pipe[i], F_SETFD, FD_CLOEXEC) != 0)
            return false;
    }
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_signal;
    sigemptyset(&action.sa_mask);
    return sigaction(SIGINT, &action, NULL) == 0 && sigaction(SIGTERM, &action, NULL) == 0;
}

/* Polls until no call is in flight. Returns false when the loop failed. */
static bool run_loop(program *p)
{
    /* fds[0] is the wake pipe; the loop's descriptors follow. */
    size_t capacity = 2 * p->count + 1;
    struct pollfd *fds = calloc(capacity + 1, sizeof *fds);
    bool ok = fds != NULL;
    if (!ok)
        fputs("async_poll: out of memory\n", stderr);
    while (ok && acr_loop_active(p->loop) > 0) {
        size_t count = 0;
        long timeout_ms = -1;
        acr_status status = acr_loop_fds(p->loop, fds + 1, capacity, &count, &timeout_ms);
        if (status == ACR_OK && count > capacity) {
            struct pollfd *more = realloc(fds, (count + 1) * sizeof *fds);
            if (!more) {
                status = ACR_ERR_NOMEM;
            } else {
                fds = more;
                capacity = count;
                continue; /* ask again, with room for all of them */
            }
        }
        if (status != ACR_OK) {
            fprintf(stderr, "async_poll: acr_loop_fds: %s\n", acr_status_name(status));
            ok = false;
            break;
        }
        fds[0].fd = wake_pipe[0];
        fds[0].events = POLLIN;
        fds[0].revents = 0;
        int wait_ms = timeout_ms < 0 ? -1 : timeout_ms > INT_MAX ? INT_MAX : (int)timeout_ms;
        int ready = poll(fds, count + 1, wait_ms);
        if (ready < 0 && errno != EINTR) {
            perror("async_poll: poll");
            ok = false;
            break;
        }
        if (ready > 0 && (fds[0].revents & POLLIN)) {
            char drain[16];
            while (read(wake_pipe[0], drain, sizeof drain) > 0) {
            }
            cancel_everything(p, "interrupted");
            continue;
        }
        if (ready < 0)
            continue; /* EINTR: the wake pipe says why, on the next poll() */
        status = acr_loop_perform(p->loop, fds + 1, count);
        if (status != ACR_OK) {
            fprintf(stderr, "async_poll: acr_loop_perform: %s\n", acr_status_name(status));
            ok = false;
        }
    }
    if (!ok)
        cancel_everything(p, "the loop failed");
    free(fds);
    return ok;
}

int main(int argc, char **argv)
{
    program p;
    int code = recordings_setup(&p, argc, argv);
    if (code >= 0)
        return code;
    if (!make_wake_pipe()) {
        perror("async_poll: the signal pipe");
        recordings_free(&p);
        return EXIT_TRANSPORT;
    }
    code = recordings_start(&p, NULL); /* NULL options: poll style */
    if (code < 0)
        code = recordings_finish(&p, !run_loop(&p));
    recordings_free(&p);
    return code;
}
