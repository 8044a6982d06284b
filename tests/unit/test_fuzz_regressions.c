/* What the fuzzers found, replayed in the ordinary suite (so also under valgrind
 * and ASan in CI, without libFuzzer): every input in tests/fuzz/regressions/
 * and the seed corpus tests/fuzz/corpus/ goes through the fuzz targets' own
 * checks (tests/fuzz/fuzz_checks.c, compiled into this test), and each
 * regression input's correct outcome is pinned here as well.
 *
 * Regression files are fuzz inputs: byte 0 chooses the chunking, bytes 1.. are
 * the JSON document (see tests/fuzz/README.md). */
#include "support.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The checks, exactly as the fuzz targets run them. */
#include "../fuzz/fuzz_checks.c"

/* --- helpers --- */

typedef struct input {
    char *name;
    uint8_t *data;
    size_t size;
} input;

/* Every regular file of a folder of the source tree, sorted by name. */
static input *read_folder(const char *relative, size_t *count)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", ACR_SOURCE_DIR, relative);
    *count = 0;
    DIR *dir = opendir(path);
    if (!dir)
        return NULL;
    input *inputs = NULL;
    size_t capacity = 0;
    struct dirent *entry;
    while ((entry = readdir(dir)) != NULL) {
        if (entry->d_name[0] == '.')
            continue;
        if (*count == capacity) {
            capacity = capacity ? capacity * 2 : 16;
            inputs = realloc(inputs, capacity * sizeof *inputs);
            assert_non_null(inputs);
        }
        char file[4096];
        snprintf(file, sizeof file, "%s/%s", relative, entry->d_name);
        input *in = &inputs[(*count)++];
        in->name = support_strndup(file, strlen(file));
        in->data = (uint8_t *)support_read_file(file, &in->size);
    }
    closedir(dir);
    for (size_t i = 1; i < *count; i++) /* insertion sort: a few dozen files */
        for (size_t j = i; j > 0 && strcmp(inputs[j - 1].name, inputs[j].name) > 0; j--) {
            input t = inputs[j];
            inputs[j] = inputs[j - 1];
            inputs[j - 1] = t;
        }
    return inputs;
}

static void free_inputs(input *inputs, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        free(inputs[i].name);
        free(inputs[i].data);
    }
    free(inputs);
}

static void assert_all_checks_pass(const input *in)
{
    const char *problem = fuzz_check_all(in->data, in->size);
    if (problem)
        fail_msg("%s: %s", in->name, problem);
}

/* The input's document: the file without its chunking byte. */
static const char *document(const input *in, size_t *length)
{
    *length = in->size - 1;
    return (const char *)in->data + 1;
}

static input read_regression(const char *name)
{
    char file[512];
    snprintf(file, sizeof file, "tests/fuzz/regressions/%s", name);
    input in = {support_strndup(file, strlen(file)), NULL, 0};
    in.data = (uint8_t *)support_read_file(file, &in.size);
    assert_true(in.size > 1);
    return in;
}

static void free_input(input *in)
{
    free(in->name);
    free(in->data);
}

/* --- every input through every check --- */

static void test_regressions_pass_every_check(void **state)
{
    (void)state;
    size_t count;
    input *inputs = read_folder("tests/fuzz/regressions", &count);
    assert_true(count > 0);
    for (size_t i = 0; i < count; i++)
        assert_all_checks_pass(&inputs[i]);
    free_inputs(inputs, count);
}

static void test_corpus_passes_every_check(void **state)
{
    (void)state;
    static const char *const targets[] = {
        "fuzz_request", "fuzz_response", "fuzz_roundtrip", "fuzz_struct", "fuzz_pattern", "fuzz_number",
    };
    size_t total = 0;
    for (size_t t = 0; t < sizeof targets / sizeof *targets; t++) {
        char folder[256];
        snprintf(folder, sizeof folder, "tests/fuzz/corpus/%s", targets[t]);
        size_t count;
        input *inputs = read_folder(folder, &count);
        for (size_t i = 0; i < count; i++)
            assert_all_checks_pass(&inputs[i]);
        total += count;
        free_inputs(inputs, count);
    }
    assert_true(total > 50);
}

/* --- the outcome of each regression input --- */

/* Found by fuzz_request (depth-limit check): a 600-character key before a
 * nesting too deep. The message of a fatal parse error put the whole pointer
 * before the reason, so a long key pushed "nesting deeper than 64 levels" out
 * of the 512-byte message. The message now shows the pointer's first keys that
 * fit in 200 bytes (whole keys only) and "..."; err.pointer still holds it whole. */
static void test_long_key_keeps_the_reason_in_the_message(void **state)
{
    (void)state;
    input in = read_regression("request-long-key-hides-reason");
    size_t length;
    const char *json = document(&in, &length);
    acr_update_request request = ACR_UPDATE_REQUEST_INIT;
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(acr_update_request_parse(json, length, &request, &err), ACR_ERR_MALFORMED_JSON);
    assert_non_null(strstr(err.message, ": nesting deeper than 64 levels"));
    /* Cut between keys: the long key is left out whole, not shown in part. */
    assert_non_null(strstr(err.message, "/clientRequest...: nesting"));
    assert_null(strstr(err.message, "clientRequ>>>"));
    assert_true(strlen(err.message) < ACR_ERROR_MESSAGE_MAX - 1); /* nothing cut off */
    /* The pointer is whole: /clientRequest/<key>/0/0/.../0 down to the 64th level. */
    assert_non_null(err.pointer);
    assert_int_equal(strncmp(err.pointer, "/clientRequest/clientRequ>>>", 28), 0);
    assert_true(strlen(err.pointer) > 600);
    assert_int_equal(err.line, 1);
    acr_update_request_free(&request);
    acr_error_clear(&err);

    /* Fed byte by byte (as the file's chunking byte asks), the same message. */
    acr_parser *p = acr_update_request_parser_new(&request, NULL);
    assert_non_null(p);
    acr_status status = ACR_OK;
    for (size_t i = 0; i < length && status == ACR_OK; i++)
        status = acr_parser_feed(p, json + i, 1, &err);
    assert_int_equal(status, ACR_ERR_MALFORMED_JSON);
    assert_non_null(strstr(err.message, "...: nesting deeper than 64 levels"));
    acr_parser_free(p);
    acr_update_request_free(&request);
    acr_error_clear(&err);
    free_input(&in);
}

/* Found by fuzz_request once it took every request type of the tables: an
 * enum array item outside its enumeration (acquire's and start's avFileType)
 * parses without a parse violation, and the struct keeps no text for it, so
 * the serializer refuses it; validation reports it at the same pointer. The
 * fuzz property was "whatever the parser built serializes"; it is now "or the
 * serializer refuses only what validation reports" (check_refusal). */
static void test_enum_array_item_outside_its_enumeration(void **state)
{
    (void)state;
    static const char *const files[] = {"request-enum-array-item-outside-enumeration",
                                        "request-enum-array-item-malformed-document"};
    static const acr_status parsed[] = {ACR_OK, ACR_ERR_MALFORMED_JSON};
    for (size_t i = 0; i < 2; i++) {
        input in = read_regression(files[i]);
        size_t length;
        const char *json = document(&in, &length);
        acr_acquire_request request = ACR_ACQUIRE_REQUEST_INIT;
        acr_error err = ACR_ERROR_INIT;
        assert_int_equal(acr_acquire_request_parse(json, length, &request, &err), parsed[i]);
        acr_error_clear(&err);
        char *out = NULL;
        assert_int_equal(acr_acquire_request_to_json(&request, &out, NULL, &err), ACR_ERR_INVALID_REQUEST);
        assert_int_equal(err.violation_count, 1);
        const char *pointer = "/clientRequest/startParameter/recordingFileConfig/avFileType/1";
        assert_string_equal(err.violations[0].pointer, pointer);
        acr_error_clear(&err);
        assert_int_equal(acr_acquire_request_validate(&request, ACR_MODE_ANY, &err), ACR_ERR_INVALID_REQUEST);
        assert_true(violation_at(&err, pointer));
        acr_error_clear(&err);
        acr_acquire_request_free(&request);
        free_input(&in);
    }
}

/* Found by fuzz_request, fuzz_stop_response, fuzz_update_response and
 * fuzz_error_response (the depth-limit check): the same fault as above,
 * reached through an acr_parse_options.max_depth smaller than the documents'
 * nesting. For responses the long key is an unknown property, which is
 * skipped but still nests. */
static void test_found_long_keys_keep_the_reason(void **state)
{
    (void)state;
    static const struct {
        const char *file;
        const acr_type_desc *type;
        acr_status status;
    } found[] = {
        {"request-long-key-depth-limit", &acr_update_request_type, ACR_ERR_MALFORMED_JSON},
        {"stop-response-long-key-depth-limit", &acr_stop_response_type, ACR_ERR_INVALID_RESPONSE},
        {"update-response-long-key-depth-limit", &acr_update_response_type, ACR_ERR_INVALID_RESPONSE},
        {"error-response-long-key-depth-limit", &acr_error_response_type, ACR_ERR_INVALID_RESPONSE},
    };
    for (size_t i = 0; i < sizeof found / sizeof *found; i++) {
        input in = read_regression(found[i].file);
        size_t length, deepest = 0;
        const char *json = document(&in, &length);
        assert_true(well_formed((const uint8_t *)json, length, &deepest));
        assert_true(deepest > 1);
        acr_error err = ACR_ERROR_INIT;
        assert_int_equal(parse_with_depth(found[i].type, (const uint8_t *)json, length, deepest - 1, &err),
                         found[i].status);
        char reason[64];
        snprintf(reason, sizeof reason, "...: nesting deeper than %zu levels", deepest - 1);
        if (!strstr(err.message, reason))
            fail_msg("%s: \"%s\" does not end with \"%s\"", found[i].file, err.message, reason);
        assert_true(strlen(err.message) < ACR_ERROR_MESSAGE_MAX - 1);
        assert_non_null(err.pointer);
        assert_true(strlen(err.pointer) > 200);
        acr_error_clear(&err);
        /* Under the default limit they parse as before. */
        assert_int_not_equal(parse_with_depth(found[i].type, (const uint8_t *)json, length, 0, &err),
                             found[i].status == ACR_ERR_MALFORMED_JSON ? ACR_ERR_MALFORMED_JSON : ACR_ERR_NOMEM);
        acr_error_clear(&err);
        free_input(&in);
    }
}

/* Not found by a fuzzer but by an outside review (issue 9): escapes that yajl
 * alone rewrites ("\ud800" into "?", "\ud800\u0041" into U+10041), a key
 * that is not UTF-8, and a repeated property that hid the violations of its
 * first value. The fuzz checks now hold the engine to each. */
static void test_review_inputs_are_refused(void **state)
{
    (void)state;
    static const struct {
        const char *file;
        const acr_type_desc *type;
        acr_status status;
        const char *words;
    } found[] = {
        {"request-lone-surrogate-escape", &acr_update_request_type, ACR_ERR_MALFORMED_JSON, "\\ud800"},
        {"request-mismatched-surrogate-pair", &acr_update_request_type, ACR_ERR_MALFORMED_JSON,
         "\\ud800\\u0041"},
        {"stop-response-lone-low-surrogate-escape", &acr_stop_response_type, ACR_ERR_INVALID_RESPONSE,
         "\\udc00"},
        {"request-key-not-utf8", &acr_update_request_type, ACR_ERR_INVALID_REQUEST, "property name"},
        {"request-duplicate-hides-violations", &acr_update_request_type, ACR_ERR_INVALID_REQUEST,
         "is given more than once"},
    };
    for (size_t i = 0; i < sizeof found / sizeof *found; i++) {
        input in = read_regression(found[i].file);
        size_t length;
        const char *json = document(&in, &length);
        acr_error err = ACR_ERROR_INIT;
        assert_int_equal(parse_with_depth(found[i].type, (const uint8_t *)json, length, 0, &err), found[i].status);
        const char *text = found[i].status == ACR_ERR_INVALID_REQUEST ? err.violations[0].message : err.message;
        if (!strstr(text, found[i].words))
            fail_msg("%s: \"%s\" does not say \"%s\"", found[i].file, text, found[i].words);
        acr_error_clear(&err);
        free_input(&in);
    }
}

/* Found by fuzzing (issue 13): a run of number and literal bytes holding two
 * tokens ("true1", "0640") fed in pieces put a missing ',' at the run's start
 * instead of the second token's, one after a literal ("null{") at the
 * literal, and one in a chunk cut inside a string with a bad escape further on
 * (the piece before the escape started inside that string) 2 bytes off; the
 * checks above compare it with one piece. */
static void test_missing_comma_in_one_run_of_bytes(void **state)
{
    (void)state;
    static const struct {
        const char *file;
        const acr_type_desc *type;
        acr_status status;
    } found[] = {
        {"request-missing-comma-two-tokens-in-one-bare-run", &acr_update_request_type, ACR_ERR_MALFORMED_JSON},
        {"response-missing-comma-number-after-a-leading-zero", &acr_update_response_type, ACR_ERR_INVALID_RESPONSE},
        {"request-missing-comma-after-a-literal", &acr_update_request_type, ACR_ERR_MALFORMED_JSON},
        {"response-missing-comma-before-a-bad-escape", &acr_update_response_type, ACR_ERR_INVALID_RESPONSE},
    };
    for (size_t i = 0; i < sizeof found / sizeof *found; i++) {
        input in = read_regression(found[i].file);
        size_t length;
        const char *json = document(&in, &length);
        acr_error err = ACR_ERROR_INIT;
        assert_int_equal(parse_with_depth(found[i].type, (const uint8_t *)json, length, 0, &err), found[i].status);
        if (!strstr(err.message, "inside map, I expect ','"))
            fail_msg("%s: \"%s\"", found[i].file, err.message);
        acr_error_clear(&err);
        free_input(&in);
    }
}

/* Found by fuzzing (issue 13's run): a key with an escaped U+0000 was kept in
 * the violation's pointer even when it was not UTF-8 (the check skipped keys
 * holding a NUL), so the pointer was not UTF-8 either. Such a key is reported at
 * its object, like any key that is not UTF-8. */
static void test_key_with_nul_that_is_not_utf8(void **state)
{
    (void)state;
    input in = read_regression("request-key-with-nul-not-utf8");
    size_t length;
    const char *json = document(&in, &length);
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(parse_with_depth(&acr_update_request_type, (const uint8_t *)json, length, 0, &err),
                     ACR_ERR_INVALID_REQUEST);
    assert_non_null(support_find_violation(&err, "/clientRequest"));
    assert_non_null(strstr(support_find_violation(&err, "/clientRequest")->message, "property name"));
    acr_error_clear(&err);
    free_input(&in);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_regressions_pass_every_check),
        cmocka_unit_test(test_corpus_passes_every_check),
        cmocka_unit_test(test_enum_array_item_outside_its_enumeration),
        cmocka_unit_test(test_long_key_keeps_the_reason_in_the_message),
        cmocka_unit_test(test_found_long_keys_keep_the_reason),
        cmocka_unit_test(test_review_inputs_are_refused),
        cmocka_unit_test(test_missing_comma_in_one_run_of_bytes),
        cmocka_unit_test(test_key_with_nul_that_is_not_utf8),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
