/* acr benchmarks, section 4: the operations of sections 1 and 2, K times each,
 * for `valgrind --tool=callgrind`. Before each batch the counters are zeroed,
 * after it they are dumped under the name "section|input|contender|K", so one
 * valgrind run gives the instructions of every batch (scripts/bench.sh divides
 * by K). A warm-up operation before each batch keeps one-time costs out. Run
 * outside valgrind, the client requests do nothing.
 *
 * With a FILTER, only the batches whose name contains it run, and counters are
 * neither zeroed nor dumped, so
 *   valgrind --tool=callgrind acr_bench icount DIR 10 "web, 41 services|acr typed"
 * gives one whole-run profile for callgrind_annotate (whose figures for
 * zeroed counters are wrong). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <valgrind/callgrind.h>

#include "bench.h"
#include "contenders.h"

static const char *filter;

static bool wanted(const char *name) { return !filter || strstr(name, filter) != NULL; }

static void zero(void)
{
    if (!filter)
        CALLGRIND_ZERO_STATS;
}

static void dump(const char *name)
{
    if (!filter)
        CALLGRIND_DUMP_STATS_AT(name);
}

static void parse_batch(const bench_input *in, int c, long k)
{
    char name[256];
    snprintf(name, sizeof name, "parse|%s|%s|%ld", in->name, parse_contenders[c].name, k);
    if (!wanted(name))
        return;
    acr_stop_response out = ACR_STOP_RESPONSE_INIT;
    if (!parse_contenders[c].parse(in, &out)) {
        fprintf(stderr, "bench: %s failed on %s\n", parse_contenders[c].name, in->name);
        exit(1);
    }
    parse_release(c, &out);
    zero();
    for (long i = 0; i < k; i++) {
        acr_stop_response o = ACR_STOP_RESPONSE_INIT;
        parse_contenders[c].parse(in, &o);
        parse_release(c, &o);
    }
    dump(name);
}

static void serialize_batch(int c, long k)
{
    char name[256];
    snprintf(name, sizeof name, "serialize|largest update request|%s|%ld", serialize_contenders[c].name, k);
    if (!wanted(name))
        return;
    const acr_update_request *req = bench_largest_update_request();
    serialize_result r = {NULL, 0};
    serialize_contenders[c].run(req, &r);
    serialize_release(c, &r);
    zero();
    for (long i = 0; i < k; i++) {
        serialize_contenders[c].run(req, &r);
        serialize_release(c, &r);
    }
    dump(name);
}

int bench_icount_main(int argc, char **argv);
int bench_icount_main(int argc, char **argv)
{
    if (argc < 1) {
        fprintf(stderr, "usage: valgrind --tool=callgrind acr_bench icount INPUT_DIR [SCALE [FILTER]]\n");
        return 2;
    }
    long scale = argc > 1 ? strtol(argv[1], NULL, 10) : 1;
    if (scale < 1)
        scale = 1;
    filter = argc > 2 ? argv[2] : NULL;
    struct {
        bench_input in;
        long k;
    } inputs[] = {
        {bench_read_input(argv[0], "stop_page.json", "stop page example"), 200},
        {bench_read_input(argv[0], "stop_individual.json", "individual, 1000 files"), 4},
        {bench_read_input(argv[0], "stop_web.json", "web, 41 services"), 1},
    };
    /* Start-up (relocations, reading inputs) goes into a dump of its own:
     * zeroing alone does not keep it out of the first batch's. */
    dump("startup");
    for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++)
        for (int c = 0; c < PARSE_COUNT; c++)
            parse_batch(&inputs[i].in, c, inputs[i].k * scale);
    for (int c = 0; c < SER_COUNT; c++)
        serialize_batch(c, 200 * scale);
    return 0;
}
