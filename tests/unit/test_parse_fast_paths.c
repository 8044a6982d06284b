/* The parser's fast paths (parse.c, "the usual values"): a member kept
 * pending between its key and its value, inline string copies, enum values
 * matched by length then words, and the chunk survey (AVX2, SSE2 or byte by
 * byte) give what the general path gives. Hand-written tables, so that each
 * case is exactly the shape it needs. */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* --- tables --- */

#define X10 "xxxxxxxxxx"
#define X100 X10 X10 X10 X10 X10 X10 X10 X10 X10 X10
static const char *const first_values[] = {"abcdef", "x"};
/* An enumeration the fast path cannot cache: a value longer than 255 bytes. */
static const char *const long_values[] = {"abc", X100 X100 X100};
static const acr_enum_desc first_enum = {first_values, 2, "abcdef or x"};
static const acr_enum_desc long_enum = {long_values, 2, "abc or xxx..."};

static const acr_value_desc v_first = {ACR_KIND_ENUM, 0, NULL, NULL, 0, &first_enum, NULL, NULL, NULL, NULL,
                                       "a string"};
static const acr_value_desc v_long = {ACR_KIND_ENUM, 0, NULL, NULL, 0, &long_enum, NULL, NULL, NULL, NULL,
                                      "a string"};
static const acr_value_desc v_string = {ACR_KIND_STRING, 0, NULL, NULL, 0, NULL, NULL, NULL, NULL, NULL,
                                        "a string"};
static const acr_value_desc v_int = {ACR_KIND_INT, 0, NULL, NULL, 0, NULL, NULL, NULL, NULL, NULL, "an integer"};

typedef struct enums {
    int a;
    char *a_other;
    int b;
    char *b_other;
    int c;
    char *c_other;
} enums;

static const acr_field_desc enums_fields[] = {
    {"a", 1, &v_first, offsetof(enums, a), offsetof(enums, a_other), 0, 0, 0, NULL, 0},
    {"b", 1, &v_long, offsetof(enums, b), offsetof(enums, b_other), 0, 0, 0, NULL, 0},
    {"c", 1, &v_first, offsetof(enums, c), offsetof(enums, c_other), 0, 0, 0, NULL, 0},
};
static const acr_object_desc enums_object = {"Enums", sizeof(enums), enums_fields, 3, NULL, 0, 0};
static const acr_type_desc enums_type = {&enums_object, 0, NULL, 0};

/* Strings of every length around the inline copies (4 to 16 bytes). */
typedef struct texts {
    char *s;
    char *t;
    bool has_n;
    int64_t n;
    int e;
    char *e_other;
} texts;

static const acr_field_desc texts_fields[] = {
    {"s", 1, &v_string, offsetof(texts, s), 0, 0, 0, 0, NULL, 0},
    {"t", 1, &v_string, offsetof(texts, t), 0, 0, 0, 0, NULL, 0},
    {"n", 1, &v_int, offsetof(texts, n), offsetof(texts, has_n), 0, 0, 0, NULL, 0},
    {"e", 1, &v_first, offsetof(texts, e), offsetof(texts, e_other), 0, 0, 0, NULL, 0},
};
static const acr_object_desc texts_object = {"Texts", sizeof(texts), texts_fields, 4, NULL, 0, 0};
static const acr_type_desc texts_type = {&texts_object, 0, NULL, 0};

/* --- enum values --- */

/* "abc" is no value of the first enumeration, whose "abcdef" starts with it:
 * it is kept as "other", even after an enumeration the cache of value lengths
 * cannot hold was met ("b"). A failed caching overwrote the lengths of the
 * enumeration cached before, so "abc" was taken for "abcdef". */
static void test_enum_prefix_after_an_uncacheable_enumeration(void **state)
{
    (void)state;
    const char *json = "{\"a\":\"x\",\"b\":\"abc\",\"c\":\"abc\"}";
    enums e = {0};
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(acr_parse(&enums_type, json, strlen(json), &e, &err), ACR_OK);
    assert_int_equal(e.a, 2);
    assert_null(e.a_other);
    assert_int_equal(e.b, 1);
    assert_null(e.b_other);
    assert_int_equal(e.c, 3); /* other */
    assert_non_null(e.c_other);
    assert_string_equal(e.c_other, "abc");
    acr_free_value(&enums_type, &e);
    /* The long value itself is known. */
    json = "{\"b\":\"" X100 X100 X100 "\",\"a\":\"abcdef\"}";
    assert_int_equal(acr_parse(&enums_type, json, strlen(json), &e, &err), ACR_OK);
    assert_int_equal(e.b, 2);
    assert_int_equal(e.a, 1);
    acr_free_value(&enums_type, &e);
    acr_error_clear(&err);
}

/* A value of the same length with other bytes, a prefix and an extension of
 * a value: each is "other", with its text; the values themselves are known. */
static void test_enum_near_misses_are_other(void **state)
{
    (void)state;
    static const char *const others[] = {"abcdeg", "bbcdef", "abcde", "abcdefa", "y", "", "X", "abcdef\\u0000"};
    for (size_t i = 0; i < sizeof others / sizeof *others; i++) {
        char json[128];
        snprintf(json, sizeof json, "{\"e\":\"%s\"}", others[i]);
        texts t = {0};
        acr_error err = ACR_ERROR_INIT;
        acr_status status = acr_parse(&texts_type, json, strlen(json), &t, &err);
        if (strstr(others[i], "\\u0000")) {
            assert_int_equal(status, ACR_ERR_INVALID_RESPONSE); /* U+0000 is refused */
            assert_string_equal(err.pointer, "/e");
        } else {
            assert_int_equal(status, ACR_OK);
            assert_int_equal(t.e, 3);
            assert_string_equal(t.e_other, others[i]);
        }
        acr_free_value(&texts_type, &t);
        acr_error_clear(&err);
    }
    texts t = {0};
    acr_error err = ACR_ERROR_INIT;
    const char *json = "{\"e\":\"abcdef\"}";
    assert_int_equal(acr_parse(&texts_type, json, strlen(json), &t, &err), ACR_OK);
    assert_int_equal(t.e, 1);
    assert_null(t.e_other);
    acr_free_value(&texts_type, &t);
}

/* --- strings and the chunk survey: one piece and every chunk size agree --- */

typedef struct result {
    acr_status status;
    char message[ACR_ERROR_MESSAGE_MAX];
    char pointer[64];
    unsigned long line, column;
    size_t offset;
    char s[256], t[256], e_other[64];
    int e;
    bool has_n;
    int64_t n;
} result;

static void keep(const char *from, char *to, size_t size)
{
    snprintf(to, size, "%s", from ? from : "(null)");
}

static void parse_in_chunks(const char *json, size_t length, size_t chunk, result *r)
{
    texts t = {0};
    acr_error err = ACR_ERROR_INIT;
    if (chunk == 0) {
        r->status = acr_parse(&texts_type, json, length, &t, &err);
    } else {
        acr_parser *p = acr_parser_new(&texts_type, &t, NULL);
        assert_non_null(p);
        acr_status status = ACR_OK;
        for (size_t at = 0; at < length && status == ACR_OK; at += chunk)
            status = acr_parser_feed(p, json + at, length - at < chunk ? length - at : chunk, &err);
        if (status == ACR_OK)
            status = acr_parser_finish(p, &err);
        acr_parser_free(p);
        r->status = status;
    }
    memset(r->message, 0, sizeof r->message);
    keep(err.message, r->message, sizeof r->message);
    keep(err.pointer, r->pointer, sizeof r->pointer);
    r->line = err.line;
    r->column = err.column;
    r->offset = err.offset;
    keep(t.s, r->s, sizeof r->s);
    keep(t.t, r->t, sizeof r->t);
    keep(t.e_other, r->e_other, sizeof r->e_other);
    r->e = t.e;
    r->has_n = t.has_n;
    r->n = t.n;
    acr_free_value(&texts_type, &t);
    acr_error_clear(&err);
}

static void assert_same_result(const result *whole, const result *r, const char *json, size_t chunk)
{
    if (whole->status != r->status || strcmp(whole->message, r->message) != 0 ||
        strcmp(whole->pointer, r->pointer) != 0 || whole->line != r->line || whole->column != r->column ||
        whole->offset != r->offset || strcmp(whole->s, r->s) != 0 || strcmp(whole->t, r->t) != 0 ||
        strcmp(whole->e_other, r->e_other) != 0 || whole->e != r->e || whole->has_n != r->has_n ||
        whole->n != r->n)
        fail_msg("chunks of %zu: %s at %s (%lu:%lu, %zu) s=%s, but %s at %s (%lu:%lu, %zu) s=%s in one piece; "
                 "input: %s",
                 chunk, acr_status_name(r->status), r->pointer, r->line, r->column, r->offset, r->s,
                 acr_status_name(whole->status), whole->pointer, whole->line, whole->column, whole->offset,
                 whole->s, json);
}

/* Compares the document in one piece with chunks of 1 to 80 bytes: the
 * survey of a chunk reads 64 bytes a step (AVX2), then 32 (SSE2), then byte
 * by byte, so each byte is seen by each loop. */
static void assert_chunks_agree(const char *json, size_t length, const result *expected)
{
    result whole;
    parse_in_chunks(json, length, 0, &whole);
    if (expected)
        assert_same_result(expected, &whole, json, 0);
    for (size_t chunk = 1; chunk <= 80; chunk++) {
        result r;
        parse_in_chunks(json, length, chunk, &r);
        assert_same_result(&whole, &r, json, chunk);
    }
}

/* Every length of string from 0 to 40 bytes: the inline copies (4 to 7, 8 to
 * 16 bytes) and the others copy exactly the string. */
static void test_strings_of_every_length(void **state)
{
    (void)state;
    for (size_t n = 0; n <= 40; n++) {
        char value[64];
        for (size_t i = 0; i < n; i++)
            value[i] = (char)('a' + i % 26);
        value[n] = '\0';
        char json[160];
        int length = snprintf(json, sizeof json, "{\"s\":\"%s\",\"t\":\"%.*s\",\"n\":7}", value, (int)(n / 2), value);
        result expected = {0};
        parse_in_chunks(json, (size_t)length, 0, &expected);
        assert_int_equal(expected.status, ACR_OK);
        assert_string_equal(expected.s, value);
        assert_int_equal(strlen(expected.t), n / 2);
        assert_memory_equal(expected.t, value, n / 2);
        assert_true(expected.has_n);
        assert_int_equal(expected.n, 7);
        assert_chunks_agree(json, (size_t)length, NULL);
    }
}

/* A byte the survey must notice (or not) at every position of a long string
 * value, around the 32- and 64-byte steps: DEL and space are plain, 0x1f, 0x80
 * and a lone continuation byte are not (a control character is refused, a byte
 * from 0x80 must be valid UTF-8), a quote after a backslash does not end the
 * string, and a pair of quotes may cut it in two. */
static void test_survey_bytes_at_every_position(void **state)
{
    (void)state;
    static const char *const inserts[] = {"\x7f", " ", "\x1f", "\x80", "\xc3\xa9", "\\\"", "\\\\", "\\u00e9",
                                          "\",\"t\":\"", "\\u0000", "\xed\xa0\x80"};
    char json[256];
    for (size_t k = 0; k < sizeof inserts / sizeof *inserts; k++) {
        for (size_t at = 0; at <= 140; at++) {
            char value[200];
            memset(value, 'v', at);
            int n = snprintf(value + at, sizeof value - at, "%s%s", inserts[k], "tail");
            assert_true(n > 0);
            int length = snprintf(json, sizeof json, "{\"n\":1,\"s\":\"%s\"}", value);
            assert_true(length > 0 && (size_t)length < sizeof json);
            assert_chunks_agree(json, (size_t)length, NULL);
        }
    }
}

/* What the general path refuses, the fast one refuses too, at the same
 * pointer: a control character, U+0000, a surrogate in raw UTF-8, an integer
 * too large, and a key of the wrong type kept pending. */
static void test_fast_path_keeps_the_checks(void **state)
{
    (void)state;
    static const struct {
        const char *json;
        acr_status status;
        const char *pointer;
    } cases[] = {
        {"{\"s\":\"a\\u0000b\"}", ACR_ERR_INVALID_RESPONSE, "/s"},
        {"{\"s\":\"a\xed\xa0\x80z\"}", ACR_ERR_INVALID_RESPONSE, "/s"},
        {"{\"s\":\"a\xc0\xafz\"}", ACR_ERR_INVALID_RESPONSE, "/s"},
        {"{\"s\":\"ok\",\"n\":9223372036854775808}", ACR_ERR_INVALID_RESPONSE, "/n"},
        {"{\"s\":\"ok\",\"n\":1.5}", ACR_ERR_INVALID_RESPONSE, "/n"},
        {"{\"s\":\"ok\",\"n\":\"1\"}", ACR_ERR_INVALID_RESPONSE, "/n"},
        {"{\"s\":5}", ACR_ERR_INVALID_RESPONSE, "/s"},
        {"{\"s\":true}", ACR_ERR_INVALID_RESPONSE, "/s"},
        {"{\"s\":[]}", ACR_ERR_INVALID_RESPONSE, "/s"},
        {"{\"s\":{}}", ACR_ERR_INVALID_RESPONSE, "/s"},
        {"{\"e\":5}", ACR_ERR_INVALID_RESPONSE, "/e"},
        {"{\"s\":\"a\",\"s\":\"b\"}", ACR_ERR_INVALID_RESPONSE, "/s"},
        {"{\"s\":\"a\",\"x\":{\"s\":\"\xed\xa0\x80\"}}", ACR_ERR_INVALID_RESPONSE, "/x"},
        {"{\"s\":\"a\",\"x\":{\"s\":\"\xff\"}}", ACR_ERR_INVALID_RESPONSE, "(null)"}, /* yajl's own check */
        {"{\"s\":\"a\",\"x\":\"b\",\"n\":3,\"t\":\"abcd\"}", ACR_OK, "(null)"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        result whole;
        parse_in_chunks(cases[i].json, strlen(cases[i].json), 0, &whole);
        if (whole.status != cases[i].status || strcmp(whole.pointer, cases[i].pointer) != 0)
            fail_msg("%s: %s at %s, expected %s at %s", cases[i].json, acr_status_name(whole.status), whole.pointer,
                     acr_status_name(cases[i].status), cases[i].pointer);
        assert_chunks_agree(cases[i].json, strlen(cases[i].json), &whole);
    }
}

/* --- an error body's arena, wiped block by block --- */

/* Allocation hooks that scan every block freed (or moved by a realloc) for
 * SECRET: each block carries its size in front. */
static size_t holding_secret;
static size_t frees;

static bool holds_secret(const unsigned char *block, size_t size)
{
    for (size_t i = 0; i + 6 <= size; i++)
        if (memcmp(block + i, "SECRET", 6) == 0)
            return true;
    return false;
}

static void *s_malloc(void *ctx, size_t size)
{
    (void)ctx;
    size_t *b = malloc(size + 16);
    if (!b)
        return NULL;
    b[0] = size;
    memset(b + 2, 0, size); /* scanned when freed: no uninitialised byte */
    return (char *)b + 16;
}

static void s_free(void *ctx, void *ptr)
{
    (void)ctx;
    if (!ptr)
        return;
    size_t *b = (size_t *)(void *)((char *)ptr - 16);
    frees++;
    if (holds_secret(ptr, b[0]))
        holding_secret++;
    free(b);
}

static void *s_realloc(void *ctx, void *ptr, size_t size)
{
    void *grown = s_malloc(ctx, size);
    if (grown && ptr) {
        size_t old = ((size_t *)(void *)((char *)ptr - 16))[0];
        memcpy(grown, ptr, old < size ? old : size);
        s_free(ctx, ptr);
    }
    return grown;
}

/* Every string of an error body, in the first block, in later ones, and in a
 * block of its own (1 KiB or more), is wiped before acr_free_value_wiped
 * frees it (read_error_body releases what the service answered with it). */
static void test_error_body_arena_wiped_block_by_block(void **state)
{
    (void)state;
    static char json[8192];
    char reason[1500];
    memset(reason, 'r', sizeof reason - 1);
    memcpy(reason + 700, "SECRET", 6);
    reason[sizeof reason - 1] = '\0';
    char message[600];
    memset(message, 'm', sizeof message - 1);
    memcpy(message + 300, "SECRET", 6);
    message[sizeof message - 1] = '\0';
    snprintf(json, sizeof json,
             "{\"code\":2,\"sid\":\"SECRET1\",\"message\":\"%s\",\"resourceId\":\"%s\",\"reason\":\"%s\","
             "\"cname\":\"SECRET2\"}",
             message, message, reason);
    acr_allocator hooks = {s_malloc, s_realloc, s_free, NULL};
    acr_set_allocator(&hooks);
    for (int wiped = 0; wiped < 2; wiped++) {
        holding_secret = 0;
        acr_error_response body = ACR_ERROR_RESPONSE_INIT;
        acr_error err = ACR_ERROR_INIT;
        acr_status status = acr_parse(&acr_error_response_type, json, strlen(json), &body, &err);
        acr_error_clear(&err);
        assert_int_equal(status, ACR_OK);
        assert_non_null(strstr(body.reason, "SECRET"));
        size_t before = holding_secret; /* yajl's and the parser's own buffers */
        size_t frees_before = frees;
        if (wiped)
            acr_free_value_wiped(&acr_error_response_type, &body);
        else
            acr_free_value(&acr_error_response_type, &body);
        /* Without the wipe the blocks hold it: the hooks see it. */
        assert_true(frees - frees_before >= 3); /* the first block, a second, the large piece's */
        if (wiped)
            assert_int_equal(holding_secret, before);
        else
            assert_true(holding_secret > before);
    }
    acr_set_allocator(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_enum_prefix_after_an_uncacheable_enumeration),
        cmocka_unit_test(test_enum_near_misses_are_other),
        cmocka_unit_test(test_strings_of_every_length),
        cmocka_unit_test(test_survey_bytes_at_every_position),
        cmocka_unit_test(test_fast_path_keeps_the_checks),
        cmocka_unit_test(test_error_body_arena_wiped_block_by_block),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
