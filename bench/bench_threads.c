/* acr benchmarks, section 5: T threads (16 by default) calling at once against
 * a local HTTP server (nginx, started by scripts/bench.sh), three ways:
 *   acr, distinct recordings   one acr_client shared by all threads, each thread
 *                              calling acr_update on its own recording (its own
 *                              resource ID and sid in the path)
 *   bare libcurl               each thread with its own easy handle posting the
 *                              same prebuilt body to its own recording's URL
 *   acr, same recording        the same shared client, every thread on ONE
 *                              recording: acr lets one update of a recording
 *                              run at a time, so these calls queue by design
 * Each round: T threads are made, wait at a barrier, then take calls from a
 * shared count until the round's are taken (a thread that is descheduled for a
 * while does not leave the others idle at the end: the round measures
 * throughput, not its slowest thread); the clock (wall and the process's CPU)
 * runs from the barrier to the last join. Rounds are interleaved (A B C A B C ...) after one untimed
 * warm-up round of each (connections opened, handles made); calls/s is the best
 * round's, CPU per call the lowest round's. A benchmark: it reports figures
 * and never passes or fails on them.
 *
 *   acr_bench threads BASE_URL [--threads 16] [--calls 8000] [--rounds 5]
 *
 * With --icount K, under valgrind --tool=callgrind: after the warm-up rounds,
 * one round of K calls of each client between CALLGRIND_ZERO_STATS and
 * CALLGRIND_DUMP_STATS_AT (named "threads|T threads|CLIENT|K"), nothing timed.
 * Valgrind runs one thread at a time, switching at blocking system calls, so
 * these count the work per call on T threads (locks, wake-ups and waits that
 * return at once included), not how the threads overlap on real cores. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>
#include <valgrind/callgrind.h>

#include "acr/version.h"
#include "bench.h"

enum kind { ACR_DISTINCT, BARE, ACR_SAME, KINDS };
static const char *const kind_names[KINDS] = {
    "acr_update, one shared client, distinct recordings",
    "bare libcurl, one easy handle per thread, prebuilt body",
    "acr_update, one shared client, the same recording",
};

typedef struct worker {
    pthread_t thread;
    enum kind kind;
    char resource_id[64];
    char sid[64];
    char url[1024];
    CURL *easy;
} worker;

static acr_client *client;
static const acr_update_request *request;
static char *body;
static size_t body_length;
static struct curl_slist *headers;
static pthread_barrier_t barrier;
static atomic_long claimed;   /* calls taken in this round */
static long round_calls;      /* calls in this round */

static void fail(const char *what, const char *detail)
{
    fprintf(stderr, "bench threads: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
    exit(1);
}

static size_t discard(char *data, size_t size, size_t count, void *ctx)
{
    (void)data;
    (void)ctx;
    return size * count;
}

/* The same options as section 3's floor: the headers acr sends. */
static CURL *bare_handle(const char *url)
{
    CURL *h = curl_easy_init();
    if (!h)
        fail("curl_easy_init", NULL);
    curl_easy_setopt(h, CURLOPT_URL, url);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_HTTPAUTH, (long)CURLAUTH_BASIC);
    curl_easy_setopt(h, CURLOPT_USERNAME, BENCH_USER);
    curl_easy_setopt(h, CURLOPT_PASSWORD, BENCH_PASSWORD);
    curl_easy_setopt(h, CURLOPT_USERAGENT, "acr/" ACR_VERSION_STRING);
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, body);
    curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)body_length);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, discard);
    return h;
}

static void *work(void *arg)
{
    worker *w = arg;
    const char *rid = w->kind == ACR_SAME ? "JyvK8nXHuV1BE-benchmark-resource" : w->resource_id;
    const char *sid = w->kind == ACR_SAME ? "38f8e3cfdc474cd56fc1ceba380d7e1a" : w->sid;
    acr_update_params params = {rid, sid, ACR_MODE_INDIVIDUAL};
    pthread_barrier_wait(&barrier);
    while (atomic_fetch_add_explicit(&claimed, 1, memory_order_relaxed) < round_calls) {
        if (w->kind == BARE) {
            long status = 0;
            CURLcode rc = curl_easy_perform(w->easy);
            if (rc != CURLE_OK || curl_easy_getinfo(w->easy, CURLINFO_RESPONSE_CODE, &status) != CURLE_OK ||
                status != 200)
                fail("a bare libcurl call failed", curl_easy_strerror(rc));
            continue;
        }
        acr_update_response resp = ACR_UPDATE_RESPONSE_INIT;
        acr_error err = ACR_ERROR_INIT;
        if (acr_update(client, &params, request, &resp, &err) != ACR_OK || !resp.sid)
            fail("acr_update failed", err.message);
        acr_update_response_free(&resp);
        acr_error_clear(&err);
    }
    return NULL;
}

typedef struct result {
    double best_rate;   /* calls/s, best round */
    double best_cpu;    /* CPU seconds per call, lowest round */
    int rounds;
} result;

/* One round of `kind` on `count` threads, `calls` in all; records it in r
 * unless r is NULL. */
static void run_round(worker *workers, int count, enum kind kind, long calls, result *r)
{
    if (pthread_barrier_init(&barrier, NULL, (unsigned)count + 1) != 0)
        fail("pthread_barrier_init", NULL);
    atomic_store(&claimed, 0);
    round_calls = calls;
    for (int i = 0; i < count; i++) {
        workers[i].kind = kind;
        if (pthread_create(&workers[i].thread, NULL, work, &workers[i]) != 0)
            fail("pthread_create", NULL);
    }
    pthread_barrier_wait(&barrier);
    double c0 = bench_cpu(), t0 = bench_now();
    for (int i = 0; i < count; i++)
        pthread_join(workers[i].thread, NULL);
    double wall = bench_now() - t0, cpu = bench_cpu() - c0;
    pthread_barrier_destroy(&barrier);
    if (!r)
        return;
    double rate = (double)calls / wall, per = cpu / (double)calls;
    if (rate > r->best_rate)
        r->best_rate = rate;
    if (r->best_cpu == 0 || per < r->best_cpu)
        r->best_cpu = per;
    r->rounds++;
}

static long arg_long(int argc, char **argv, const char *name, long fallback)
{
    for (int i = 0; i + 1 < argc; i++)
        if (strcmp(argv[i], name) == 0)
            return strtol(argv[i + 1], NULL, 10);
    return fallback;
}

int bench_threads_main(int argc, char **argv);
int bench_threads_main(int argc, char **argv)
{
    if (argc < 1) {
        fprintf(stderr, "usage: acr_bench threads BASE_URL [--threads 16] [--calls 8000] [--rounds 5]\n");
        return 2;
    }
    const char *base = argv[0];
    long threads = arg_long(argc, argv, "--threads", 16);
    long calls = arg_long(argc, argv, "--calls", 8000);
    long rounds = arg_long(argc, argv, "--rounds", 5);
    if (threads < 1 || threads > 1024)
        threads = 16;
    if (rounds < 1)
        rounds = 1;
    if (calls < threads)
        calls = threads;

    request = bench_typical_update_request();
    acr_error err = ACR_ERROR_INIT;
    if (acr_update_request_to_json(request, &body, &body_length, &err) != ACR_OK)
        fail("to_json", err.message);
    const char *lines[] = {"Content-Type: application/json", "Accept: application/json", "Expect:"};
    for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++) {
        struct curl_slist *next = curl_slist_append(headers, lines[i]);
        if (!next)
            fail("out of memory", NULL);
        headers = next;
    }
    acr_client_options options = ACR_CLIENT_OPTIONS_INIT;
    options.app_id = BENCH_APP_ID;
    options.customer_id = BENCH_USER;
    options.customer_secret = BENCH_PASSWORD;
    options.base_url = base;
    options.max_idle_connections = (size_t)threads; /* one kept connection per thread, as bare */
    if (acr_client_new(&options, &client, &err) != ACR_OK)
        fail("acr_client_new", err.message);

    worker *workers = calloc((size_t)threads, sizeof *workers);
    if (!workers)
        fail("out of memory", NULL);
    for (long i = 0; i < threads; i++) {
        worker *w = &workers[i];
        /* Distinct from the first characters, as the service's random IDs are. */
        unsigned long h = (unsigned long)i * 2654435761u + 0x9e3779b9u;
        snprintf(w->resource_id, sizeof w->resource_id, "%08lx-JyvK8nXHuV1BE-bench-resource-%05ld",
                 h & 0xffffffffu, i);
        snprintf(w->sid, sizeof w->sid, "%08lx8f8e3cfdc474cd56fc1ceba%05ld", (h >> 7) & 0xffffffffu, i);
        bench_update_url(w->url, sizeof w->url, base, w->resource_id, w->sid);
        w->easy = bare_handle(w->url);
    }

    /* Untimed: every connection opened, every handle made. */
    for (int k = 0; k < KINDS; k++)
        run_round(workers, (int)threads, (enum kind)k, threads * 20, NULL);
    long icount = arg_long(argc, argv, "--icount", 0);
    if (icount > 0) {
        CALLGRIND_DUMP_STATS_AT("startup");
        for (int c = 0; c < KINDS; c++) {
            char name[256];
            snprintf(name, sizeof name, "threads|%ld threads|%s|%ld", threads, kind_names[c], icount);
            CALLGRIND_ZERO_STATS;
            run_round(workers, (int)threads, (enum kind)c, icount, NULL);
            CALLGRIND_DUMP_STATS_AT(name);
        }
        rounds = 0;
    }
    result results[KINDS] = {{0}};
    for (long r = 0; r < rounds; r++)
        for (int k = 0; k < KINDS; k++)
            run_round(workers, (int)threads, (enum kind)k, calls, &results[k]);

    if (icount <= 0) {
        printf("\n## 5. %ld threads calling at once (update calls, typical body, %ld calls a round)\n\n", threads,
               calls);
        printf("| client | calls/s | vs bare libcurl | vs distinct recordings | CPU us/call |\n");
        printf("|---|---:|---:|---:|---:|\n");
        for (int k = 0; k < KINDS; k++) {
            char r1[32], r2[32];
            printf("| %s | %.0f | %s | %s | %.1f |\n", kind_names[k], results[k].best_rate,
                   bench_ratio(r1, sizeof r1, results[k].best_rate, results[BARE].best_rate),
                   k == BARE ? "" : bench_ratio(r2, sizeof r2, results[k].best_rate, results[ACR_DISTINCT].best_rate),
                   results[k].best_cpu * 1e6);
            bench_summary("threads|%ld|%s|%.0f|%.2f", threads, kind_names[k], results[k].best_rate,
                          results[k].best_cpu * 1e6);
        }
        printf("\nEach round: %ld threads made, released together at a barrier, taking calls from a shared\n"
               "count until the round's %ld are taken; calls/s over the wall time from the barrier to\n"
               "the last join (best of %ld interleaved rounds, after one untimed round of each), CPU\n"
               "per call the process's user+system time over the same span (lowest round; nginx's CPU\n"
               "not counted). \"the same recording\": every thread updates one recording, whose calls\n"
               "acr runs one at a time by design. Wall clock on a shared machine is noisy: read the\n"
               "ratios of this one run, not the absolute rates.\n",
               threads, calls, rounds);
    }
    for (long i = 0; i < threads; i++)
        curl_easy_cleanup(workers[i].easy);
    free(workers);
    curl_slist_free_all(headers);
    acr_free(body);
    acr_client_free(client);
    acr_error_clear(&err);
    return 0;
}
