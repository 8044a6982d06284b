/* acr benchmarks, section 3 (and the call batches of section 4): update calls
 * end to end against a local HTTP
 * server (nginx answering the update page's example response), over keep-alive:
 *   acr_update (ours)          validate, serialize, POST, stream-parse the answer
 *   bare libcurl (the floor)   one easy handle posting a prebuilt body, answer discarded
 *   Python requests.Session    the same body, answer parsed with r.json()
 *   curl, one process a call   the same body
 * for two bodies: the update page's example and the largest legal request.
 * Rounds are interleaved (short alternating rounds of ours and the floor, then
 * one of each slow client); the best round of each is kept. Then the
 * allocations of acr_update calls (after a warm-up call) are counted.
 *
 * `acr_bench icount-calls BASE_URL [K]`, under valgrind --tool=callgrind: the
 * same two clients and bodies, K calls a batch after two warm-up calls, each
 * batch between CALLGRIND_ZERO_STATS and CALLGRIND_DUMP_STATS_AT (named
 * "call|BODY|CLIENT|K"), for the instructions per call of section 4. */
#include <spawn.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <curl/curl.h>
#include <valgrind/callgrind.h>

#include "acr/version.h"
#include "bench.h"

extern char **environ;

#define APP_ID BENCH_APP_ID
#define USER BENCH_USER
#define PASSWORD BENCH_PASSWORD
#define RESOURCE_ID "JyvK8nXHuV1BE-benchmark-resource"
#define SID "38f8e3cfdc474cd56fc1ceba380d7e1a"

typedef struct result {
    double best_rate;        /* calls per second, best round */
    double best_cpu;         /* CPU seconds per call, lowest round */
    long calls;              /* per round */
} result;

static void note(result *r, long calls, double wall, double cpu)
{
    double rate = (double)calls / wall;
    double per = cpu / (double)calls;
    if (rate > r->best_rate)
        r->best_rate = rate;
    if (r->best_cpu == 0 || per < r->best_cpu)
        r->best_cpu = per;
}

/* --- ours --- */

static acr_client *client;
static acr_update_params params = {RESOURCE_ID, SID, ACR_MODE_INDIVIDUAL};
static const acr_update_request *request;   /* the body being benchmarked */

static void one_update(void)
{
    acr_update_response resp = ACR_UPDATE_RESPONSE_INIT;
    acr_error err = ACR_ERROR_INIT;
    if (acr_update(client, &params, request, &resp, &err) != ACR_OK || !resp.sid) {
        fprintf(stderr, "bench: acr_update failed: %s\n", err.message);
        exit(1);
    }
    acr_update_response_free(&resp);
    acr_error_clear(&err);
}

__attribute__((noinline)) static void round_ours(result *r, long n)
{
    double c0 = bench_cpu(), t0 = bench_now();
    for (long i = 0; i < n; i++)
        one_update();
    note(r, n, bench_now() - t0, bench_cpu() - c0);
}

/* --- the floor: bare libcurl --- */

static size_t discard(char *data, size_t size, size_t count, void *ctx)
{
    (void)data;
    (void)ctx;
    return size * count;
}

static CURL *floor_handle;
static struct curl_slist *floor_headers;

static void floor_setup(const char *url)
{
    floor_handle = curl_easy_init();
    floor_headers = curl_slist_append(NULL, "Content-Type: application/json");
    floor_headers = curl_slist_append(floor_headers, "Accept: application/json");
    floor_headers = curl_slist_append(floor_headers, "Expect:");
    CURL *h = floor_handle;
    curl_easy_setopt(h, CURLOPT_URL, url);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_HTTPAUTH, (long)CURLAUTH_BASIC);
    curl_easy_setopt(h, CURLOPT_USERNAME, USER);
    curl_easy_setopt(h, CURLOPT_PASSWORD, PASSWORD);
    curl_easy_setopt(h, CURLOPT_USERAGENT, "acr/" ACR_VERSION_STRING); /* the headers acr sends */
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, floor_headers);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, discard);
}

static void floor_body(const char *body, size_t length)
{
    curl_easy_setopt(floor_handle, CURLOPT_POSTFIELDS, body);
    curl_easy_setopt(floor_handle, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)length);
}

static void one_floor_call(void)
{
    long status = 0;
    if (curl_easy_perform(floor_handle) != CURLE_OK ||
        curl_easy_getinfo(floor_handle, CURLINFO_RESPONSE_CODE, &status) != CURLE_OK || status != 200) {
        fprintf(stderr, "bench: the bare libcurl call failed (status %ld)\n", status);
        exit(1);
    }
}

__attribute__((noinline)) static void round_floor(result *r, long n)
{
    double c0 = bench_cpu(), t0 = bench_now();
    for (long i = 0; i < n; i++)
        one_floor_call();
    note(r, n, bench_now() - t0, bench_cpu() - c0);
}

/* --- Python requests --- */

/* Ours (the shared `client`) and the floor's handle, both for `base`; url
 * gets the update's URL. */
static bool both_clients(const char *base, char *url, size_t size)
{
    acr_client_options options = ACR_CLIENT_OPTIONS_INIT;
    options.app_id = APP_ID;
    options.customer_id = USER;
    options.customer_secret = PASSWORD;
    options.base_url = base;
    acr_error err = ACR_ERROR_INIT;
    if (acr_client_new(&options, &client, &err) != ACR_OK) {
        fprintf(stderr, "bench: acr_client_new: %s\n", err.message);
        return false;
    }
    bench_update_url(url, size, base, RESOURCE_ID, SID);
    floor_setup(url);
    return true;
}

static const char *python = "python3";

static void round_python(result *r, long n, const char *client_script, const char *url, const char *body_file)
{
    char command[8192];
    snprintf(command, sizeof command, "'%s' '%s' '%s' '%s' %ld '%s' '%s'", python, client_script, url, body_file, n,
             USER, PASSWORD);
    FILE *p = popen(command, "r");
    long calls = 0;
    double wall = 0, cpu = 0;
    if (!p || fscanf(p, "%ld %lf %lf", &calls, &wall, &cpu) != 3 || pclose(p) != 0 || calls != n) {
        fprintf(stderr, "bench: the Python requests client failed (is python3-requests installed?)\n");
        exit(1);
    }
    note(r, calls, wall, cpu);
}

/* --- one curl process a call --- */

static double children_cpu(void)
{
    struct rusage ru;
    getrusage(RUSAGE_CHILDREN, &ru);
    return (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec * 1e-6 + (double)ru.ru_stime.tv_sec +
           (double)ru.ru_stime.tv_usec * 1e-6;
}

static void round_curl(result *r, long n, const char *url, const char *body_file)
{
    char data[4200];
    snprintf(data, sizeof data, "@%s", body_file);
    char *argv[] = {"curl", "-sS", "--fail", "-o", "/dev/null", "-u", USER ":" PASSWORD,
                    "-H", "Content-Type: application/json", "-H", "Accept: application/json",
                    "--data-binary", data, (char *)url, NULL};
    double c0 = children_cpu(), t0 = bench_now();
    for (long i = 0; i < n; i++) {
        pid_t pid;
        int status;
        if (posix_spawnp(&pid, "curl", NULL, NULL, argv, environ) != 0 || waitpid(pid, &status, 0) != pid ||
            !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
            fprintf(stderr, "bench: the curl process failed\n");
            exit(1);
        }
    }
    note(r, n, bench_now() - t0, children_cpu() - c0);
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

#define FAST_ROUNDS 8

/* Everything measured for one request body. */
typedef struct body_run {
    const char *name;
    const acr_update_request *request;
    size_t length;
    result ours, bare, py, cli;
    bench_counts one;           /* one acr_update call after the warm-up */
    uint64_t lo, hi;            /* allocations per call over 200 more */
    int64_t peak_hi, net_hi;
    bench_counts floor_counts;  /* one bare libcurl call */
} body_run;

static void run_body(body_run *b, const char *dir, const char *url, const char *script, long calls,
                     long python_calls, long curl_calls, long rounds, int which)
{
    acr_error err = ACR_ERROR_INIT;
    char *body = NULL;
    if (acr_update_request_to_json(b->request, &body, &b->length, &err) != ACR_OK) {
        fprintf(stderr, "bench: to_json: %s\n", err.message);
        exit(1);
    }
    char body_file[4096];
    snprintf(body_file, sizeof body_file, "%s/update_request_%d.json", dir, which);
    FILE *f = fopen(body_file, "wb");
    if (!f || fwrite(body, 1, b->length, f) != b->length || fclose(f) != 0) {
        fprintf(stderr, "bench: cannot write %s\n", body_file);
        exit(1);
    }
    request = b->request;
    floor_body(body, b->length);
    one_update(); /* warm-up: the connections are open */
    one_floor_call();
    /* Ours and the floor alternate in short rounds (FAST_ROUNDS of them for
     * each round of the slow clients), so a burst of noise from a neighbour
     * lands on both alike; the best short round of each is kept. */
    long short_calls = calls / FAST_ROUNDS > 0 ? calls / FAST_ROUNDS : 1;
    b->ours = (result){0, 0, short_calls};
    b->bare = (result){0, 0, short_calls};
    b->py = (result){0, 0, python_calls};
    b->cli = (result){0, 0, curl_calls};
    for (long r = 0; r < rounds; r++) {
        for (int k = 0; k < FAST_ROUNDS; k++) {
            round_ours(&b->ours, short_calls);
            round_floor(&b->bare, short_calls);
        }
        round_python(&b->py, python_calls, script, url, body_file);
        round_curl(&b->cli, curl_calls, url, body_file);
    }
    /* Allocations of one call after the warm-up, and their spread over many. */
    bench_count_start();
    one_update();
    b->one = bench_count_stop();
    b->lo = UINT64_MAX;
    for (int i = 0; i < 200; i++) {
        bench_count_start();
        one_update();
        bench_counts c = bench_count_stop();
        if (c.allocs < b->lo)
            b->lo = c.allocs;
        if (c.allocs > b->hi)
            b->hi = c.allocs;
        if (c.peak > b->peak_hi)
            b->peak_hi = c.peak;
        if (c.current > b->net_hi)
            b->net_hi = c.current;
    }
    bench_count_start();
    one_floor_call();
    b->floor_counts = bench_count_stop();
    floor_body(NULL, 0);
    acr_free(body);
    acr_error_clear(&err);
}

static void print_body(const body_run *b)
{
    printf("\n### %s body (%zu B)\n\n", b->name, b->length);
    printf("| client | calls/round | calls/s | vs bare libcurl | acr vs it | CPU us/call |\n");
    printf("|---|---:|---:|---:|---:|---:|\n");
    struct {
        const char *name;
        const result *r;
    } rows[] = {
        {"acr_update (ours)", &b->ours},
        {"bare libcurl, prebuilt body (floor)", &b->bare},
        {"Python requests.Session", &b->py},
        {"curl, one process per call", &b->cli},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        char r1[32], r2[32];
        printf("| %s | %ld | %.0f | %s | %s | %.1f |\n", rows[i].name, rows[i].r->calls, rows[i].r->best_rate,
               bench_ratio(r1, sizeof r1, rows[i].r->best_rate, b->bare.best_rate),
               i == 0 ? "" : bench_ratio(r2, sizeof r2, b->ours.best_rate, rows[i].r->best_rate),
               rows[i].r->best_cpu * 1e6);
        bench_summary("e2e|%s|%zu|%s|%.0f|%.2f", b->name, b->length, rows[i].name, rows[i].r->best_rate,
                      rows[i].r->best_cpu * 1e6);
    }
    printf("\nAllocations in one acr_update call after a warm-up call: %llu allocation calls\n"
           "(%llu of them reallocs of a live block), %llu frees, peak %.1f KiB live, %lld bytes\n"
           "still live after the call. Over 200 more calls: %llu to %llu allocation calls per\n"
           "call, peak at most %.1f KiB, at most %lld bytes still live after a call. The bare\n"
           "libcurl floor makes %llu allocation calls per call (libcurl's own).\n",
           (unsigned long long)b->one.allocs, (unsigned long long)b->one.reallocs,
           (unsigned long long)b->one.frees, (double)b->one.peak / 1024.0, (long long)b->one.current,
           (unsigned long long)b->lo, (unsigned long long)b->hi, (double)b->peak_hi / 1024.0,
           (long long)b->net_hi, (unsigned long long)b->floor_counts.allocs);
}

int bench_e2e_main(int argc, char **argv);
int bench_e2e_main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: acr_bench e2e BASE_URL WORK_DIR [--calls N] [--python-calls N] [--curl-calls N]\n"
                        "       [--rounds R] [--requests-client bench/requests_client.py] [--python python3]\n"
                        "       [--body Typical]\n");
        return 2;
    }
    const char *base = argv[0];
    const char *dir = argv[1];
    long calls = arg_long(argc, argv, "--calls", 4000);
    long python_calls = arg_long(argc, argv, "--python-calls", 1000);
    long curl_calls = arg_long(argc, argv, "--curl-calls", 100);
    long rounds = arg_long(argc, argv, "--rounds", 3);
    const char *script = arg_text(argc, argv, "--requests-client", "bench/requests_client.py");
    python = arg_text(argc, argv, "--python", "python3");

    /* Counting hooks from the start (counting off until asked): libcurl takes
     * its allocator once, when the first client is created. */
    acr_set_allocator(&bench_acr_allocator);
    acr_error err = ACR_ERROR_INIT;
    char url[2048];
    if (!both_clients(base, url, sizeof url))
        return 1;

    body_run bodies[] = {
        {.name = "Typical", .request = bench_typical_update_request()},
        {.name = "Largest legal", .request = bench_largest_update_request()},
    };
    const char *only = arg_text(argc, argv, "--body", NULL); /* "Typical" or "Largest legal": one body only */
    size_t body_count = sizeof bodies / sizeof bodies[0];
    for (size_t i = 0; i < body_count; i++) {
        if (only && strcmp(only, bodies[i].name) != 0) {
            bodies[i--] = bodies[--body_count];
            continue;
        }
        run_body(&bodies[i], dir, url, script, calls, python_calls, curl_calls, rounds, (int)i);
    }

    printf("\n## 3. End to end: update calls to nginx on loopback, keep-alive\n\n");
    printf("nginx answers every call with the update page's example response. Each client sends\n"
           "the same body, as our library writes it, with Basic auth and the same headers.\n");
    for (size_t i = 0; i < body_count; i++)
        print_body(&bodies[i]);
    printf("\nCPU per call: this process's user+system time (getrusage) over the round; for Python,\n"
           "its own process time over its loop (interpreter start-up excluded); for curl, the\n"
           "children's user+system time, start-up included. nginx's CPU is not counted. Rounds\n"
           "are interleaved: %d short rounds each of ours and the floor alternating, then one of\n"
           "Python and one of curl, %ld times over; calls/s is the best round's, CPU per call the\n"
           "lowest round's. Wall clock on a shared machine is noisy (tens of percent from run to\n"
           "run): read the ratios of this one run; section 4 counts the same calls' instructions.\n",
           FAST_ROUNDS, rounds);

    curl_easy_cleanup(floor_handle);
    curl_slist_free_all(floor_headers);
    acr_client_free(client);
    acr_error_clear(&err);
    return 0;
}

/* --- section 4's call batches, for callgrind --- */

static void call_batch(const char *body_name, size_t length, const char *who, void (*one)(void), long k)
{
    char name[256];
    snprintf(name, sizeof name, "call|%s body (%zu B)|%s|%ld", body_name, length, who, k);
    one(); /* warm-up: the connection is open, the handle made */
    one();
    CALLGRIND_ZERO_STATS;
    for (long i = 0; i < k; i++)
        one();
    CALLGRIND_DUMP_STATS_AT(name);
}

int bench_icount_calls_main(int argc, char **argv);
int bench_icount_calls_main(int argc, char **argv)
{
    if (argc < 1) {
        fprintf(stderr, "usage: valgrind --tool=callgrind acr_bench icount-calls BASE_URL [K]\n");
        return 2;
    }
    const char *base = argv[0];
    long k = argc > 1 ? strtol(argv[1], NULL, 10) : 1000;
    if (k < 1)
        k = 1;
    acr_error err = ACR_ERROR_INIT;
    char url[2048];
    if (!both_clients(base, url, sizeof url))
        return 1;
    /* Start-up into a dump of its own: zeroing alone does not keep it out of
     * the first batch's. */
    CALLGRIND_DUMP_STATS_AT("startup");
    struct {
        const char *name;
        const acr_update_request *request;
    } bodies[] = {{"Typical", bench_typical_update_request()}, {"Largest legal", bench_largest_update_request()}};
    for (size_t i = 0; i < sizeof bodies / sizeof bodies[0]; i++) {
        char *body = NULL;
        size_t length = 0;
        if (acr_update_request_to_json(bodies[i].request, &body, &length, &err) != ACR_OK) {
            fprintf(stderr, "bench: to_json: %s\n", err.message);
            return 1;
        }
        request = bodies[i].request;
        floor_body(body, length);
        call_batch(bodies[i].name, length, "acr_update", one_update, k);
        call_batch(bodies[i].name, length, "bare libcurl, prebuilt body", one_floor_call, k);
        floor_body(NULL, 0);
        acr_free(body);
    }
    curl_easy_cleanup(floor_handle);
    curl_slist_free_all(floor_headers);
    acr_client_free(client);
    acr_error_clear(&err);
    return 0;
}
