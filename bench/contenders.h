/* acr benchmarks: the operations compared, shared by the timed runs and the
 * instruction-count driver. */
#ifndef ACR_BENCH_CONTENDERS_H
#define ACR_BENCH_CONTENDERS_H

#include "bench.h"

/* --- parsing a stop response --- */
typedef bool (*parse_fn)(const bench_input *in, acr_stop_response *out);

typedef struct parse_contender {
    const char *name;
    parse_fn parse;
    bool fills_struct;       /* false for the tokenizer floor */
} parse_contender;

enum { PARSE_OURS, PARSE_YAJL_FLOOR, PARSE_YAJL_TREE, PARSE_CJSON, PARSE_JANSSON, PARSE_COUNT };
extern const parse_contender parse_contenders[PARSE_COUNT];

/* Releases what parse_contenders[which].parse filled: ours with
 * acr_stop_response_free (its strings and arrays are pieces of one arena), the
 * peers' copies string by string, as they were made. */
void parse_release(int which, acr_stop_response *out);

/* Installs the counting hooks in every library (true) or their defaults (false). */
void contenders_use_counting_hooks(bool on);

/* --- building the largest update request's JSON --- */
typedef struct serialize_result {
    char *json;              /* release with serialize_release */
    size_t length;
} serialize_result;

enum { SER_VALIDATE, SER_OURS, SER_OURS_VALIDATED, SER_YAJL_GEN, SER_CJSON, SER_COUNT };
typedef bool (*serialize_fn)(const acr_update_request *req, serialize_result *out);
typedef struct serialize_contender {
    const char *name;
    serialize_fn run;
    bool produces_json;
} serialize_contender;
extern const serialize_contender serialize_contenders[SER_COUNT];
void serialize_release(int which, serialize_result *r);

#endif
