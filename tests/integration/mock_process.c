/* The loopback mock as a child process, and its control API over libcurl. */
#include "mock_process.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif
#include <time.h>
#include <unistd.h>

#include <curl/curl.h>

#define START_POLL_MS 10
#define STOP_GRACE_MS 5000

static void sleep_ms(long ms)
{
    struct timespec t = {ms / 1000, (ms % 1000) * 1000000L};
    while (nanosleep(&t, &t) != 0 && errno == EINTR) {
    }
}

static char *copy_string(const char *s)
{
    size_t n = strlen(s) + 1;
    char *copy = malloc(n);
    if (copy)
        memcpy(copy, s, n);
    return copy;
}

/* The port written by the mock once it listens, or 0 while there is none. */
static int read_port(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return 0;
    char line[32] = "";
    char *got = fgets(line, sizeof line, f);
    fclose(f);
    if (!got)
        return 0;
    char *end;
    long port = strtol(line, &end, 10);
    if (end == line || (*end != '\n' && *end != '\0') || port <= 0 || port > 65535)
        return 0;
    return (int)port;
}

static void remove_dir(mock_process *m)
{
    if (!m->dir[0])
        return;
    unlink(m->port_file);
    rmdir(m->dir);
    m->dir[0] = '\0';
}

int mock_start(mock_process *m, const char *const *args, long timeout_ms)
{
    return mock_start_script(m, ACR_MOCK_SCRIPT, args, timeout_ms);
}

int mock_start_script(mock_process *m, const char *script, const char *const *args, long timeout_ms)
{
    memset(m, 0, sizeof *m);
    snprintf(m->dir, sizeof m->dir, "/tmp/acr-integration-XXXXXX");
    if (!mkdtemp(m->dir)) {
        fprintf(stderr, "mock_start: mkdtemp: %s\n", strerror(errno));
        m->dir[0] = '\0';
        return -1;
    }
    snprintf(m->port_file, sizeof m->port_file, "%s/port", m->dir);

    size_t extra = 0;
    while (args && args[extra])
        extra++;
    const char *fixed[] = {ACR_MOCK_PYTHON, script, "--port", "0", "--port-file", m->port_file, "--quiet"};
    size_t nfixed = sizeof fixed / sizeof fixed[0];
    char **argv = calloc(nfixed + extra + 1, sizeof *argv);
    bool ok = argv != NULL;
    for (size_t i = 0; ok && i < nfixed + extra; i++)
        ok = (argv[i] = copy_string(i < nfixed ? fixed[i] : args[i - nfixed])) != NULL;

    int rc = -1;
    if (ok) {
        pid_t parent = getpid();
        pid_t pid = fork();
        if (pid == 0) {
            /* The child: its own process group, so that a wrapper (a pyenv
             * shim, say) and the real interpreter are stopped together; and on
             * Linux it is told to stop if this test dies without reaping it. */
            setpgid(0, 0);
#ifdef __linux__
            prctl(PR_SET_PDEATHSIG, SIGTERM);
            if (getppid() != parent)
                _exit(127);
#else
            (void)parent;
#endif
            int null = open("/dev/null", O_RDONLY);
            if (null >= 0 && null != 0) {
                dup2(null, 0);
                close(null);
            }
            execvp(argv[0], argv);
            _exit(127);
        }
        if (pid < 0) {
            fprintf(stderr, "mock_start: fork: %s\n", strerror(errno));
        } else {
            setpgid(pid, pid); /* also from this side: no race with kill(-pid) */
            m->pid = pid;
            rc = 0;
        }
    } else {
        fprintf(stderr, "mock_start: out of memory\n");
    }
    for (size_t i = 0; argv && i < nfixed + extra; i++)
        free(argv[i]);
    free(argv);
    if (rc != 0) {
        remove_dir(m);
        return -1;
    }

    /* Bounded wait for the port file (written atomically once it listens). */
    for (long waited = 0; waited <= timeout_ms; waited += START_POLL_MS) {
        int status;
        if (waitpid(m->pid, &status, WNOHANG) == m->pid) {
            fprintf(stderr, "mock_start: the mock exited early (status %d)\n", status);
            m->pid = 0;
            remove_dir(m);
            return -1;
        }
        m->port = read_port(m->port_file);
        if (m->port) {
            snprintf(m->base_url, sizeof m->base_url, "http://127.0.0.1:%d", m->port);
            return 0;
        }
        sleep_ms(START_POLL_MS);
    }
    fprintf(stderr, "mock_start: the mock did not listen within %ld ms\n", timeout_ms);
    mock_stop(m);
    return -1;
}

void mock_stop(mock_process *m)
{
    if (m->pid > 0) {
        kill(-m->pid, SIGTERM);
        int status;
        bool reaped = false;
        for (long waited = 0; waited < STOP_GRACE_MS && !reaped; waited += START_POLL_MS) {
            pid_t r = waitpid(m->pid, &status, WNOHANG);
            reaped = r == m->pid || (r < 0 && errno == ECHILD);
            if (!reaped)
                sleep_ms(START_POLL_MS);
        }
        if (!reaped) {
            fprintf(stderr, "mock_stop: no exit after SIGTERM, killing it\n");
            kill(-m->pid, SIGKILL);
            while (waitpid(m->pid, &status, 0) < 0 && errno == EINTR) {
            }
        }
        m->pid = 0;
    }
    remove_dir(m);
}

typedef struct buffer {
    char *data;
    size_t length;
    bool failed;
} buffer;

static size_t on_data(char *data, size_t size, size_t count, void *ctx)
{
    buffer *b = ctx;
    size_t n = size * count;
    char *grown = realloc(b->data, b->length + n + 1);
    if (!grown) {
        b->failed = true;
        return 0;
    }
    memcpy(grown + b->length, data, n);
    b->length += n;
    grown[b->length] = '\0';
    b->data = grown;
    return n;
}

long mock_request(const mock_process *m, const char *method, const char *path, const char *body,
                  char **response)
{
    if (response)
        *response = NULL;
    char url[512];
    snprintf(url, sizeof url, "%s%s", m->base_url, path);
    CURL *h = curl_easy_init();
    if (!h)
        return 0;
    buffer b = {NULL, 0, false};
    struct curl_slist *headers = curl_slist_append(NULL, "Content-Type: application/json");
    curl_easy_setopt(h, CURLOPT_URL, url);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, 10000L);
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_data);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, (void *)&b);
    if (body) {
        curl_easy_setopt(h, CURLOPT_POSTFIELDS, body);
        curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)strlen(body));
    }
    curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, method);
    long status = 0;
    if (curl_easy_perform(h) == CURLE_OK && !b.failed)
        curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
    curl_easy_cleanup(h);
    curl_slist_free_all(headers);
    if (response && status)
        *response = b.data;
    else
        free(b.data);
    return status;
}
