/* acr benchmarks, sections 1 and 2, in one process: parsing stop responses, and
 * validating and serializing the largest update request, against peers. Every
 * contender is timed in interleaved rounds (A B C ... A B C ...) so a noisy
 * neighbour hits them alike, on the thread's CPU clock (time spent descheduled
 * does not count); the best round of each is kept. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"
#include "contenders.h"

typedef struct timed {
    void (*once)(void *arg);
    void *arg;
    long iterations;         /* per round */
    double best_ns;          /* per operation, best round */
} timed;

static double run_batch(const timed *t, long n)
{
    double start = bench_thread_cpu();
    for (long i = 0; i < n; i++)
        t->once(t->arg);
    return bench_thread_cpu() - start;
}

/* Calibrates each contender to a round of about bench_round_seconds(), then
 * runs the rounds interleaved. */
static void run_interleaved(timed *cases, int count)
{
    double round = bench_round_seconds();
    for (int c = 0; c < count; c++) {
        long n = 1;
        double elapsed;
        while ((elapsed = run_batch(&cases[c], n)) < round / 8 && n < (1L << 40))
            n *= 2;
        long want = (long)((double)n * round / (elapsed > 0 ? elapsed : 1e-9));
        cases[c].iterations = want > 0 ? want : 1;
        cases[c].best_ns = 0;
    }
    int rounds = bench_rounds();
    for (int r = 0; r < rounds; r++) {
        for (int c = 0; c < count; c++) {
            double ns = run_batch(&cases[c], cases[c].iterations) * 1e9 / (double)cases[c].iterations;
            if (cases[c].best_ns == 0 || ns < cases[c].best_ns)
                cases[c].best_ns = ns;
        }
    }
}

/* --- 1. parsing --- */

typedef struct parse_arg {
    const parse_contender *who;
    const bench_input *in;
} parse_arg;

static void parse_once(void *arg)
{
    parse_arg *a = arg;
    acr_stop_response out = ACR_STOP_RESPONSE_INIT;
    if (!a->who->parse(a->in, &out)) {
        fprintf(stderr, "bench: %s failed on %s\n", a->who->name, a->in->name);
        exit(1);
    }
    parse_release((int)(a->who - parse_contenders), &out);
}

/* The struct a contender fills, as JSON, to check they all agree. */
static char *parsed_as_json(const parse_contender *who, const bench_input *in)
{
    acr_stop_response out = ACR_STOP_RESPONSE_INIT;
    char *json = NULL;
    acr_error err = ACR_ERROR_INIT;
    if (who->parse(in, &out))
        acr_stop_response_to_json(&out, &json, NULL, &err);
    acr_error_clear(&err);
    parse_release((int)(who - parse_contenders), &out);
    return json;
}

static void bench_parse(const bench_input *inputs, int input_count)
{
    printf("\n## 1. Parsing stop responses (best of %d interleaved rounds of ~%.0f ms of CPU)\n\n", bench_rounds(),
           bench_round_seconds() * 1000);
    printf("| input | parser | MB/s | vs floor | acr vs it | allocs/parse | peak KiB |\n");
    printf("|---|---|---:|---:|---:|---:|---:|\n");
    for (int i = 0; i < input_count; i++) {
        const bench_input *in = &inputs[i];
        /* The same struct from everyone, or the comparison means nothing. */
        char *reference = parsed_as_json(&parse_contenders[PARSE_OURS], in);
        for (int c = 0; c < PARSE_COUNT; c++) {
            if (!parse_contenders[c].fills_struct || c == PARSE_OURS)
                continue;
            char *theirs = parsed_as_json(&parse_contenders[c], in);
            if (!reference || !theirs || strcmp(reference, theirs) != 0) {
                fprintf(stderr, "bench: %s fills a different struct than ours on %s\n", parse_contenders[c].name,
                        in->name);
                exit(1);
            }
            acr_free(theirs);
        }
        acr_free(reference);

        parse_arg args[PARSE_COUNT];
        timed cases[PARSE_COUNT];
        for (int c = 0; c < PARSE_COUNT; c++) {
            args[c] = (parse_arg){&parse_contenders[c], in};
            cases[c] = (timed){parse_once, &args[c], 0, 0};
        }
        run_interleaved(cases, PARSE_COUNT);

        bench_counts counted[PARSE_COUNT];
        contenders_use_counting_hooks(true);
        for (int c = 0; c < PARSE_COUNT; c++) {
            bench_count_start();
            parse_once(&args[c]);
            counted[c] = bench_count_stop();
        }
        contenders_use_counting_hooks(false);

        double mbps[PARSE_COUNT];
        for (int c = 0; c < PARSE_COUNT; c++)
            mbps[c] = (double)in->length / cases[c].best_ns * 1e3;
        for (int c = 0; c < PARSE_COUNT; c++) {
            char r1[32], r2[32];
            printf("| %s (%zu B) | %s | %.1f | %s | %s | %llu | %.1f |\n", in->name, in->length,
                   parse_contenders[c].name, mbps[c], bench_ratio(r1, sizeof r1, mbps[c], mbps[PARSE_YAJL_FLOOR]),
                   c == PARSE_OURS ? "" : bench_ratio(r2, sizeof r2, mbps[PARSE_OURS], mbps[c]),
                   (unsigned long long)counted[c].allocs, (double)counted[c].peak / 1024.0);
            bench_summary("parse|%s|%s|%.1f|%llu|%.1f", in->name, parse_contenders[c].name, mbps[c],
                          (unsigned long long)counted[c].allocs, (double)counted[c].peak / 1024.0);
        }
        fflush(stdout);
    }
    printf("\nMB/s: input bytes / best CPU time per parse (10^6 bytes per second), including releasing\n"
           "the struct and any tree. \"vs floor\": throughput / yajl's bare tokenizer. \"acr vs it\":\n"
           "our throughput / this row's. allocs: malloc+calloc+realloc calls in one parse (and its\n"
           "release); peak: most bytes live at once during it (malloc_usable_size). Every struct\n"
           "filled was checked equal to ours (re-serialized and compared) before timing.\n");
}

/* --- 2. validating and serializing --- */

static void serialize_once(void *arg)
{
    int which = *(int *)arg;
    serialize_result r = {NULL, 0};
    if (!serialize_contenders[which].run(bench_largest_update_request(), &r)) {
        fprintf(stderr, "bench: %s failed\n", serialize_contenders[which].name);
        exit(1);
    }
    serialize_release(which, &r);
}

static void bench_serialize(void)
{
    const acr_update_request *req = bench_largest_update_request();
    serialize_result ours = {NULL, 0};
    if (!serialize_contenders[SER_OURS_VALIDATED].run(req, &ours)) {
        fprintf(stderr, "bench: the largest update request is not valid\n");
        exit(1);
    }
    for (int c = 0; c < SER_COUNT; c++) {
        serialize_result r = {NULL, 0};
        if (!serialize_contenders[c].produces_json || c == SER_OURS_VALIDATED)
            continue;
        serialize_contenders[c].run(req, &r);
        if (!r.json || strcmp(r.json, ours.json) != 0) {
            fprintf(stderr, "bench: %s writes different JSON:\n%s\n%s\n", serialize_contenders[c].name,
                    r.json ? r.json : "(none)", ours.json);
            exit(1);
        }
        serialize_release(c, &r);
    }

    int ids[SER_COUNT];
    timed cases[SER_COUNT];
    for (int c = 0; c < SER_COUNT; c++) {
        ids[c] = c;
        cases[c] = (timed){serialize_once, &ids[c], 0, 0};
    }
    run_interleaved(cases, SER_COUNT);
    bench_counts counted[SER_COUNT];
    contenders_use_counting_hooks(true);
    for (int c = 0; c < SER_COUNT; c++) {
        bench_count_start();
        serialize_once(&ids[c]);
        counted[c] = bench_count_stop();
    }
    contenders_use_counting_hooks(false);

    printf("\n## 2. Validating and serializing the largest legal update request (%zu B of JSON)\n\n",
           ours.length);
    printf("| operation | ns/op | vs cJSON | allocs/op | peak KiB |\n");
    printf("|---|---:|---:|---:|---:|\n");
    for (int c = 0; c < SER_COUNT; c++) {
        char r[32];
        printf("| %s | %.0f | %s | %llu | %.1f |\n", serialize_contenders[c].name, cases[c].best_ns,
               c == SER_VALIDATE ? "" : bench_ratio(r, sizeof r, cases[SER_CJSON].best_ns, cases[c].best_ns),
               (unsigned long long)counted[c].allocs, (double)counted[c].peak / 1024.0);
    }
    printf("\n\"vs cJSON\": cJSON's time / this row's (above 1: faster than cJSON). All rows that\n"
           "write JSON were checked to write the same bytes. The request: individual mode, an\n"
           "audio subscribe list and a video unsubscribe list of 32 UIDs each (a subscribe and an\n"
           "unsubscribe list of the same kind exclude each other, so four full lists are not\n"
           "legal), storageConfig with every field, a 128-character fileNamePrefix.\n");
    serialize_release(SER_OURS_VALIDATED, &ours);
}

int bench_micro_main(int argc, char **argv);
int bench_micro_main(int argc, char **argv)
{
    if (argc < 1) {
        fprintf(stderr, "usage: acr_bench micro INPUT_DIR\n");
        return 2;
    }
    const char *dir = argv[0];
    bench_input inputs[] = {
        bench_read_input(dir, "stop_page.json", "stop page example"),
        bench_read_input(dir, "stop_individual.json", "individual, 1000 files"),
        bench_read_input(dir, "stop_web.json", "web, 41 services"),
    };
    bench_parse(inputs, (int)(sizeof inputs / sizeof inputs[0]));
    bench_serialize();
    return 0;
}
