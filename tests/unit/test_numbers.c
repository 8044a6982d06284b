/* Exact conversion of JSON number text to int64/uint64 (runtime/src/number.c),
 * and the same conversion seen through the parser: stsExpiration is a uint64
 * whose whole range must round-trip (yajl's own integer callback stops at
 * INT64_MAX). JSON Schema counts 1.0 and 1e2 as integers, so they are accepted;
 * 1.5 is not an integer. */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static acr_number_class to_u64(const char *text, uint64_t *out)
{
    return acr_number_to_uint64(text, strlen(text), out);
}

static acr_number_class to_i64(const char *text, int64_t *out)
{
    return acr_number_to_int64(text, strlen(text), out);
}

static void expect_u64(const char *text, uint64_t expected)
{
    uint64_t value = 12345; /* not a value any case expects */
    if (to_u64(text, &value) != ACR_NUMBER_INTEGER)
        fail_msg("\"%s\" should convert to uint64", text);
    assert_true(value == expected);
}

static void expect_i64(const char *text, int64_t expected)
{
    int64_t value = 12345;
    if (to_i64(text, &value) != ACR_NUMBER_INTEGER)
        fail_msg("\"%s\" should convert to int64", text);
    assert_true(value == expected);
}

/* Both conversions give `expected` and leave the output alone. */
static void expect_class(const char *text, acr_number_class expected)
{
    uint64_t u = 777;
    int64_t i = 777;
    acr_number_class cu = to_u64(text, &u);
    acr_number_class ci = to_i64(text, &i);
    if (cu != expected || ci != expected)
        fail_msg("\"%s\": expected class %d, got %d (uint64) and %d (int64)", text, (int)expected, (int)cu,
                 (int)ci);
    assert_true(u == 777);
    assert_true(i == 777);
}

static void test_uint64_range(void **state)
{
    (void)state;
    expect_u64("0", 0);
    expect_u64("-0", 0);
    expect_u64("1", 1);
    expect_u64("18446744073709551615", UINT64_MAX);
    expect_u64("18446744073709551614", UINT64_MAX - 1);
    uint64_t u = 5;
    assert_int_equal(to_u64("18446744073709551616", &u), ACR_NUMBER_OUT_OF_RANGE);
    assert_int_equal(to_u64("18446744073709551620", &u), ACR_NUMBER_OUT_OF_RANGE);
    assert_int_equal(to_u64("99999999999999999999", &u), ACR_NUMBER_OUT_OF_RANGE);
    assert_int_equal(to_u64("-1", &u), ACR_NUMBER_OUT_OF_RANGE);
    assert_int_equal(to_u64("-18446744073709551615", &u), ACR_NUMBER_OUT_OF_RANGE);
    assert_true(u == 5);
}

static void test_int64_range(void **state)
{
    (void)state;
    expect_i64("0", 0);
    expect_i64("-0", 0);
    expect_i64("-1", -1);
    expect_i64("9223372036854775807", INT64_MAX);
    expect_i64("-9223372036854775808", INT64_MIN);
    expect_i64("-9223372036854775807", INT64_MIN + 1);
    int64_t i = 5;
    assert_int_equal(to_i64("9223372036854775808", &i), ACR_NUMBER_OUT_OF_RANGE);
    assert_int_equal(to_i64("-9223372036854775809", &i), ACR_NUMBER_OUT_OF_RANGE);
    assert_int_equal(to_i64("18446744073709551615", &i), ACR_NUMBER_OUT_OF_RANGE);
    assert_true(i == 5);
    /* INT64_MAX + 1 still fits uint64. */
    expect_u64("9223372036854775808", (uint64_t)INT64_MAX + 1);
}

static void test_integral_forms_are_integers(void **state)
{
    (void)state;
    expect_u64("1.0", 1);
    expect_u64("1e2", 100);
    expect_u64("1E2", 100);
    expect_u64("1e+2", 100);
    expect_u64("100e-2", 1);
    expect_u64("1.50e1", 15);
    expect_u64("0.0", 0);
    expect_u64("0e5", 0);
    expect_i64("-0.0", 0);
    expect_i64("-2.5e1", -25);
    expect_u64("1.8446744073709551615e19", UINT64_MAX);
    expect_u64("18446744073709551615.000", UINT64_MAX);
    expect_i64("-9223372036854775808.0", INT64_MIN);
    expect_i64("-92233720368547758.08e2", INT64_MIN);
    /* Zeros on either side of the point are not significant. */
    expect_u64("0.00000000000000000000000000001e29", 1);
    expect_u64("10000000000000000000000e-3", 10000000000000000000u);
    expect_u64("1e19", 10000000000000000000u);
    /* A huge zero is still zero. */
    expect_u64("0e999999999999", 0);
    expect_u64("0.000e-999999999999", 0);
}

static void test_fractions_are_not_integers(void **state)
{
    (void)state;
    expect_class("1.5", ACR_NUMBER_NOT_INTEGER);
    expect_class("1e-1", ACR_NUMBER_NOT_INTEGER);
    expect_class("0.1", ACR_NUMBER_NOT_INTEGER);
    expect_class("-0.5", ACR_NUMBER_NOT_INTEGER);
    expect_class("18446744073709551615.5", ACR_NUMBER_NOT_INTEGER);
    expect_class("123456789012345678901234567890e-10", ACR_NUMBER_NOT_INTEGER);
    expect_class("1e-999999999999", ACR_NUMBER_NOT_INTEGER);
    expect_class("1.0000000000000000000000001", ACR_NUMBER_NOT_INTEGER);
}

static void test_huge_exponents_are_out_of_range(void **state)
{
    (void)state;
    /* Must not loop over the exponent nor overflow computing it. */
    expect_class("1e999999999999", ACR_NUMBER_OUT_OF_RANGE);
    expect_class("1e99999999999999999999999999999999", ACR_NUMBER_OUT_OF_RANGE);
    expect_class("-1e999999999999", ACR_NUMBER_OUT_OF_RANGE);
    expect_class("1e20", ACR_NUMBER_OUT_OF_RANGE);
    expect_class("1.5e30", ACR_NUMBER_OUT_OF_RANGE); /* integral, just too large */
    expect_class("123456789012345678901234567890", ACR_NUMBER_OUT_OF_RANGE);
}

static void test_not_json_numbers_are_invalid(void **state)
{
    (void)state;
    static const char *const invalid[] = {"", "-", "+1", "1.", ".5", "1e", "1e+", "1e-", "abc", "1x", "1.5.2",
                                          "1e5e5", " 1", "1 ", "0x10"};
    for (size_t i = 0; i < sizeof invalid / sizeof invalid[0]; i++)
        expect_class(invalid[i], ACR_NUMBER_INVALID);
}

/* Only the `length` bytes are read: the text need not be NUL-terminated. */
static void test_length_bounds_the_text(void **state)
{
    (void)state;
    uint64_t u = 0;
    assert_int_equal(acr_number_to_uint64("123456", 3, &u), ACR_NUMBER_INTEGER);
    assert_true(u == 123);
    int64_t i = 0;
    assert_int_equal(acr_number_to_int64("-42.5", 3, &i), ACR_NUMBER_INTEGER);
    assert_true(i == -42);
}

/* --- through the parser --- */

static const char *const sts_pointer = "/clientRequest/storageConfig/stsExpiration";

/* An update body whose stsExpiration is the given number text. */
static char *body_with_sts_expiration(const char *number)
{
    static const char head[] =
        "{\"cname\":\"c\",\"uid\":\"1\",\"clientRequest\":{\"storageConfig\":{\"vendor\":1,\"region\":0,"
        "\"bucket\":\"b\",\"accessKey\":\"a\",\"secretKey\":\"s\",\"stsExpiration\":";
    size_t n = strlen(head) + strlen(number) + 4;
    char *body = malloc(n);
    assert_non_null(body);
    snprintf(body, n, "%s%s}}}", head, number);
    return body;
}

static void test_sts_expiration_uint64_max_round_trips(void **state)
{
    (void)state;
    char *body = body_with_sts_expiration("18446744073709551615");
    acr_update_request r = ACR_UPDATE_REQUEST_INIT;
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(acr_update_request_parse(body, strlen(body), &r, &err), ACR_OK);
    assert_true(r.client_request.storage_config.has_sts_expiration);
    assert_true(r.client_request.storage_config.sts_expiration == UINT64_MAX);
    assert_int_equal(acr_update_request_validate(&r, ACR_MODE_INDIVIDUAL, &err), ACR_OK);
    char *json = NULL;
    assert_int_equal(acr_update_request_to_json(&r, &json, NULL, &err), ACR_OK);
    assert_string_equal(json, body); /* byte for byte: same order, compact */
    acr_free(json);
    acr_update_request_free(&r);
    free(body);
}

static void test_sts_expiration_integral_forms_parse(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        uint64_t value;
    } cases[] = {{"0", 0}, {"1.8446744073709551615e19", UINT64_MAX}, {"1735707600.0", 1735707600},
                 {"9223372036854775808", (uint64_t)INT64_MAX + 1}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *body = body_with_sts_expiration(cases[i].text);
        acr_update_request r = ACR_UPDATE_REQUEST_INIT;
        acr_error err = ACR_ERROR_INIT;
        assert_int_equal(acr_update_request_parse(body, strlen(body), &r, &err), ACR_OK);
        assert_true(r.client_request.storage_config.has_sts_expiration);
        assert_true(r.client_request.storage_config.sts_expiration == cases[i].value);
        acr_update_request_free(&r);
        free(body);
    }
}

static void test_sts_expiration_out_of_range_is_a_violation(void **state)
{
    (void)state;
    static const char *const bad[] = {"18446744073709551616", "-1", "1e20", "1.5", "1e999999999999"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char *body = body_with_sts_expiration(bad[i]);
        acr_update_request r = ACR_UPDATE_REQUEST_INIT;
        acr_error err = ACR_ERROR_INIT;
        assert_int_equal(acr_update_request_parse(body, strlen(body), &r, &err), ACR_ERR_INVALID_REQUEST);
        support_assert_violations(&err, &sts_pointer, 1);
        /* The rejected value was not stored. */
        assert_false(r.client_request.storage_config.has_sts_expiration);
        acr_error_clear(&err);
        acr_update_request_free(&r);
        free(body);
    }
}

static void test_int64_fields_reject_values_beyond_int64(void **state)
{
    (void)state;
    static const char *const body =
        "{\"cname\":\"c\",\"uid\":\"1\",\"clientRequest\":{\"storageConfig\":{\"vendor\":1,"
        "\"region\":9223372036854775808,\"bucket\":\"b\",\"accessKey\":\"a\",\"secretKey\":\"s\"}}}";
    static const char *const pointer = "/clientRequest/storageConfig/region";
    acr_update_request r = ACR_UPDATE_REQUEST_INIT;
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(acr_update_request_parse(body, strlen(body), &r, &err), ACR_ERR_INVALID_REQUEST);
    support_assert_violations(&err, &pointer, 1);
    acr_error_clear(&err);
    acr_update_request_free(&r);

    /* A response's int64 (sliceStartTime) at both ends of its range. */
    static const char *const response =
        "{\"serverResponse\":{\"fileList\":[{\"sliceStartTime\":-9223372036854775808},"
        "{\"sliceStartTime\":9223372036854775807}]}}";
    acr_stop_response s = ACR_STOP_RESPONSE_INIT;
    assert_int_equal(acr_stop_response_parse(response, strlen(response), &s, &err), ACR_OK);
    assert_int_equal(s.server_response.file_list_count, 2);
    assert_true(s.server_response.file_list_items[0].slice_start_time == INT64_MIN);
    assert_true(s.server_response.file_list_items[1].slice_start_time == INT64_MAX);
    char *json = NULL;
    assert_int_equal(acr_stop_response_to_json(&s, &json, NULL, &err), ACR_OK);
    assert_string_equal(json, response);
    acr_free(json);
    acr_stop_response_free(&s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_uint64_range),
        cmocka_unit_test(test_int64_range),
        cmocka_unit_test(test_integral_forms_are_integers),
        cmocka_unit_test(test_fractions_are_not_integers),
        cmocka_unit_test(test_huge_exponents_are_out_of_range),
        cmocka_unit_test(test_not_json_numbers_are_invalid),
        cmocka_unit_test(test_length_bounds_the_text),
        cmocka_unit_test(test_sts_expiration_uint64_max_round_trips),
        cmocka_unit_test(test_sts_expiration_integral_forms_parse),
        cmocka_unit_test(test_sts_expiration_out_of_range_is_a_violation),
        cmocka_unit_test(test_int64_fields_reject_values_beyond_int64),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
