/* acr benchmarks: shared helpers (timing, the counting allocator, inputs).
 * Benchmarks report figures; they never pass or fail on them. */
#ifndef ACR_BENCH_H
#define ACR_BENCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "acr/alloc.h"
#include "acr_api.h"

/* --- time --- */
double bench_now(void);          /* monotonic seconds */
double bench_cpu(void);          /* user + system CPU seconds of this process */
/* CPU seconds of the calling thread: what the micro-benchmarks time, so that
 * time spent descheduled on a busy machine is not counted. */
double bench_thread_cpu(void);
/* CPU seconds each timed round should last (ACR_BENCH_ROUND_MS, default 40 ms). */
double bench_round_seconds(void);
/* Number of rounds, best of which is kept (ACR_BENCH_ROUNDS, default 9). */
int bench_rounds(void);

/* --- the counting allocator ---
 * One set of counters for the whole process. While counting is on, every
 * allocation made through the hooks below (installed with each library's own
 * mechanism: acr_set_allocator, yajl_alloc_funcs, cJSON_InitHooks,
 * json_set_alloc_funcs) and every call to malloc/calloc/realloc/free that does
 * not go through them (the bench interposes the C library's functions: yajl_tree
 * ignores yajl_alloc_funcs) is counted exactly once. Bytes are the sizes the C
 * library reports (malloc_usable_size). */
typedef struct bench_counts {
    uint64_t allocs;    /* malloc, calloc, and realloc calls */
    uint64_t reallocs;  /* of which realloc calls on a live block */
    uint64_t frees;
    int64_t current;    /* bytes live now, relative to when counting started */
    int64_t peak;       /* the most bytes live at once since counting started */
} bench_counts;

void bench_count_start(void);
bench_counts bench_count_stop(void);

void *bench_malloc(size_t size);
void *bench_realloc(void *ptr, size_t size);
void bench_free(void *ptr);
/* The same, in the shapes acr and yajl take. */
extern const acr_allocator bench_acr_allocator;
void *bench_ctx_malloc(void *ctx, size_t size);
void *bench_ctx_realloc(void *ctx, void *ptr, size_t size);
void bench_ctx_free(void *ctx, void *ptr);

/* --- inputs --- */
typedef struct bench_input {
    const char *name;
    char *data;          /* NUL-terminated (yajl_tree and cJSON want that) */
    size_t length;
} bench_input;

/* Reads DIR/FILE; exits with a message when it cannot. */
bench_input bench_read_input(const char *dir, const char *file, const char *name);

/* The largest legal update request (individual mode): audio and video UID
 * lists of 32 entries each (subscribe and unsubscribe lists of one kind exclude
 * each other), storageConfig with every field and a 128-character prefix.
 * The struct points into static storage. */
const acr_update_request *bench_largest_update_request(void);

/* A typical update request: the update page's example (subscribe all audio,
 * unsubscribe three video UIDs), as in examples/bodies/. */
const acr_update_request *bench_typical_update_request(void);

/* --- the update call's URL --- */
#define BENCH_APP_ID "benchapp0123456789abcdef01234567"
#define BENCH_USER "benchcustomer"
#define BENCH_PASSWORD "benchsecret"
/* BASE + the update operation's path template with BENCH_APP_ID, RESOURCE_ID,
 * SID and mode "individual" put in (they need no percent-encoding). */
void bench_update_url(char *out, size_t size, const char *base, const char *resource_id, const char *sid);

/* --- output --- */
void bench_rule(int width);
/* Appends one line (printf-style; "|"-separated fields) to the file named by
 * the environment variable ACR_BENCH_SUMMARY, when set: what scripts/bench.sh
 * reads back for its "Issue 13 table". Exits when the line cannot be written. */
void bench_summary(const char *format, ...) __attribute__((format(printf, 1, 2)));
/* "1.23x" or "-" */
const char *bench_ratio(char *buf, size_t size, double a, double b);

#endif
