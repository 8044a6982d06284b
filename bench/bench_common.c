/* acr benchmarks: shared helpers. */
#include "bench.h"

#include <malloc.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

/* --- time --- */

double bench_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

double bench_thread_cpu(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

double bench_cpu(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec * 1e-6 + (double)ru.ru_stime.tv_sec +
           (double)ru.ru_stime.tv_usec * 1e-6;
}

static long env_long(const char *name, long fallback)
{
    const char *v = getenv(name);
    if (!v || !*v)
        return fallback;
    long n = strtol(v, NULL, 10);
    return n > 0 ? n : fallback;
}

double bench_round_seconds(void) { return (double)env_long("ACR_BENCH_ROUND_MS", 40) / 1000.0; }
int bench_rounds(void) { return (int)env_long("ACR_BENCH_ROUNDS", 9); }

/* --- the counting allocator --- */

/* glibc's own entry points: the hooks call these, so an allocation made through
 * a hook is not counted a second time by the interposed malloc below. */
extern void *__libc_malloc(size_t size);
extern void *__libc_calloc(size_t count, size_t size);
extern void *__libc_realloc(void *ptr, size_t size);
extern void __libc_free(void *ptr);

static bool counting;
static bench_counts counts;

static void note_alloc(void *p)
{
    if (!p)
        return;
    counts.allocs++;
    counts.current += (int64_t)malloc_usable_size(p);
    if (counts.current > counts.peak)
        counts.peak = counts.current;
}

static void note_free(void *p)
{
    counts.frees++;
    counts.current -= (int64_t)malloc_usable_size(p);
}

void bench_count_start(void)
{
    memset(&counts, 0, sizeof counts);
    counting = true;
}

bench_counts bench_count_stop(void)
{
    counting = false;
    return counts;
}

void *bench_malloc(size_t size)
{
    void *p = __libc_malloc(size);
    if (counting)
        note_alloc(p);
    return p;
}

void *bench_realloc(void *ptr, size_t size)
{
    if (!counting)
        return __libc_realloc(ptr, size);
    int64_t before = ptr ? (int64_t)malloc_usable_size(ptr) : 0;
    void *p = __libc_realloc(ptr, size);
    if (p) {
        counts.allocs++;
        counts.reallocs += ptr != NULL;
        counts.current += (int64_t)malloc_usable_size(p) - before;
        if (counts.current > counts.peak)
            counts.peak = counts.current;
    }
    return p;
}

void bench_free(void *ptr)
{
    if (!ptr)
        return;
    if (counting)
        note_free(ptr);
    __libc_free(ptr);
}

void *bench_ctx_malloc(void *ctx, size_t size) { (void)ctx; return bench_malloc(size); }
void *bench_ctx_realloc(void *ctx, void *ptr, size_t size) { (void)ctx; return bench_realloc(ptr, size); }
void bench_ctx_free(void *ctx, void *ptr) { (void)ctx; bench_free(ptr); }

const acr_allocator bench_acr_allocator = {bench_ctx_malloc, bench_ctx_realloc, bench_ctx_free, NULL};

/* The C library's functions, interposed: whatever does not go through a hook
 * (yajl_tree's nodes, anything a library would allocate behind its hooks' back)
 * is counted here. */
void *malloc(size_t size) { return bench_malloc(size); }
void *realloc(void *ptr, size_t size) { return bench_realloc(ptr, size); }
void free(void *ptr) { bench_free(ptr); }
void *calloc(size_t count, size_t size)
{
    void *p = __libc_calloc(count, size);
    if (counting)
        note_alloc(p);
    return p;
}

/* --- inputs --- */

bench_input bench_read_input(const char *dir, const char *file, const char *name)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, file);
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "bench: cannot read %s (run bench/make_inputs.py first)\n", path);
        exit(2);
    }
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    bench_input in = {name, __libc_malloc((size_t)size + 1), (size_t)size};
    if (!in.data || fread(in.data, 1, (size_t)size, f) != (size_t)size) {
        fprintf(stderr, "bench: cannot read %s\n", path);
        exit(2);
    }
    in.data[size] = '\0';
    fclose(f);
    return in;
}

/* --- the largest legal update request --- */

static char uid_text[64][16];
static const char *audio_uids[32];
static const char *video_uids[32];
/* 8 names of 15 characters, each followed by "/" in the joined prefix: 128. */
static const char *prefix[] = {"recordings2024a", "recordings2024b", "recordings2024c", "recordings2024d",
                               "recordings2024e", "recordings2024f", "recordings2024g", "recordings2024h"};

const acr_update_request *bench_largest_update_request(void)
{
    static acr_update_request req = ACR_UPDATE_REQUEST_INIT;
    static bool built;
    if (built)
        return &req;
    for (int i = 0; i < 64; i++)
        snprintf(uid_text[i], sizeof uid_text[i], "%u", 4294967295u - (unsigned)i * 7919u);
    for (int i = 0; i < 32; i++) {
        audio_uids[i] = uid_text[i];
        video_uids[i] = uid_text[32 + i];
    }
    req.cname = "httpClient463224-benchmark-channel-with-a-long-name-0123456789";
    req.uid = "4294967295";
    acr_update_client_request *cr = &req.client_request;
    cr->has_stream_subscribe = true;
    cr->stream_subscribe.has_audio_uid_list = true;
    cr->stream_subscribe.audio_uid_list.subscribe_audio_uids = audio_uids;
    cr->stream_subscribe.audio_uid_list.subscribe_audio_uids_count = 32;
    cr->stream_subscribe.has_video_uid_list = true;
    cr->stream_subscribe.video_uid_list.unsubscribe_video_uids = video_uids;
    cr->stream_subscribe.video_uid_list.unsubscribe_video_uids_count = 32;
    cr->has_storage_config = true;
    acr_storage_config *sc = &cr->storage_config;
    sc->has_vendor = true;
    sc->vendor = ACR_VENDOR_AMAZON_S3;
    sc->has_region = true;
    sc->region = 25;
    sc->bucket = "acr-benchmark-recordings-bucket";
    sc->access_key = "AKIAIOSFODNN7EXAMPLE";
    sc->secret_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    sc->sts_token = "FwoGZXIvYXdzEBAaDNyZXNvdXJjZS1leGFtcGxlLXN0cy10b2tlbi1mb3ItYmVuY2htYXJraW5n"
                    "IiwiYXBwSWQiOiJleGFtcGxlIn0sInNpZ25hdHVyZSI6ImJlbmNobWFyayJ9";
    /* An hour from a fixed time: cJSON stores numbers as doubles, so the peer
     * prints the same digits only for values it holds exactly. */
    sc->has_sts_expiration = true;
    sc->sts_expiration = 1735707600u;
    sc->file_name_prefix = prefix;
    sc->file_name_prefix_count = sizeof prefix / sizeof prefix[0];
    sc->has_extension_params = true;
    sc->extension_params.sse = ACR_SSE_KMS;
    sc->extension_params.tag = "team=media&env=benchmark";
    sc->extension_params.endpoint = "s3.us-east-1.amazonaws.com";
    built = true;
    return &req;
}

const acr_update_request *bench_typical_update_request(void)
{
    static const char *const all[] = {"#allstream#"};
    static const char *const video[] = {"444", "555", "666"};
    static acr_update_request req = ACR_UPDATE_REQUEST_INIT;
    req.cname = "httpClient463224";
    req.uid = "527841";
    acr_stream_subscribe *ss = &req.client_request.stream_subscribe;
    req.client_request.has_stream_subscribe = true;
    ss->has_audio_uid_list = true;
    ss->audio_uid_list.subscribe_audio_uids = all;
    ss->audio_uid_list.subscribe_audio_uids_count = 1;
    ss->has_video_uid_list = true;
    ss->video_uid_list.unsubscribe_video_uids = video;
    ss->video_uid_list.unsubscribe_video_uids_count = 3;
    return &req;
}

/* --- the update call's URL --- */

void bench_update_url(char *out, size_t size, const char *base, const char *resource_id, const char *sid)
{
    const char *values[] = {BENCH_APP_ID, resource_id, sid, "individual"};
    const acr_operation_desc *op = &acr_update_operation;
    int n = snprintf(out, size, "%s", base);
    for (const char *t = op->path_template; *t && n >= 0 && (size_t)n + 1 < size;) {
        if (*t == '{') {
            const char *end = strchr(t, '}');
            if (!end)
                break;
            for (size_t i = 0; i < op->param_count && i < sizeof values / sizeof values[0]; i++) {
                size_t len = (size_t)(end - t - 1);
                if (strlen(op->params[i]) == len && strncmp(op->params[i], t + 1, len) == 0) {
                    int w = snprintf(out + n, size - (size_t)n, "%s", values[i]);
                    n = w < 0 ? -1 : n + w;
                    break;
                }
            }
            t = end + 1;
        } else {
            out[n++] = *t++;
            out[n] = '\0';
        }
    }
    if (n < 0 || (size_t)n + 1 >= size) {
        fprintf(stderr, "bench: the URL does not fit in %zu bytes\n", size);
        exit(2);
    }
}

/* --- output --- */

void bench_summary(const char *format, ...)
{
    const char *path = getenv("ACR_BENCH_SUMMARY");
    if (!path || !*path)
        return;
    FILE *f = fopen(path, "a");
    va_list ap;
    va_start(ap, format);
    int ok = f && vfprintf(f, format, ap) >= 0 && fputc('\n', f) != EOF;
    va_end(ap);
    if (!f || fclose(f) != 0 || !ok) {
        fprintf(stderr, "bench: cannot append to %s\n", path);
        exit(2);
    }
}

void bench_rule(int width)
{
    for (int i = 0; i < width; i++)
        putchar('-');
    putchar('\n');
}

const char *bench_ratio(char *buf, size_t size, double a, double b)
{
    if (!(a > 0) || !(b > 0))
        snprintf(buf, size, "-");
    else
        snprintf(buf, size, "%.2fx", a / b);
    return buf;
}
