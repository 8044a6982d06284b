/* The one function every text from the network goes through before an error
 * or a log line holds it (runtime/src/sanitize.c): secrets redacted, control
 * characters escaped; and the collection of a request's x-acr-secret fields. */
#include "support.h"

#include <stdlib.h>
#include <string.h>

#include "internal.h"

static char *clean(const acr_secrets *s, const char *text, size_t length)
{
    char *out = acr_sanitize_copy(s, text, length);
    assert_non_null(out);
    return out;
}

static void expect(const acr_secrets *s, const char *text, size_t length, const char *expected)
{
    char *out = clean(s, text, length);
    assert_string_equal(out, expected);
    /* Idempotent: sanitizing again changes nothing. */
    char *again = clean(s, out, strlen(out));
    assert_string_equal(again, expected);
    acr_free(again);
    acr_free(out);
}

static void test_controls_are_escaped(void **state)
{
    (void)state;
    expect(NULL, "a\nb\rc\td", 7, "a\\u000ab\\u000dc\\u0009d");
    expect(NULL, "\x1b[2J\x7f", 5, "\\u001b[2J\\u007f");
    expect(NULL, "nul\0here", 8, "nul\\u0000here");
    /* C1 controls (U+0080..U+009F) too; other UTF-8 is kept. */
    expect(NULL, "csi \xc2\x9b" "31m, caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80", 25,
           "csi \\u009b31m, caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80");
    /* Bytes that are not UTF-8: a lone continuation, an overlong form, a
     * surrogate, a cut sequence. */
    expect(NULL, "\x80 \xc0\xaf \xed\xa0\x80 \xe2\x82", 11, "\\x80 \\xc0\\xaf \\xed\\xa0\\x80 \\xe2\\x82");
}

static void test_secrets_are_redacted_longest_first(void **state)
{
    (void)state;
    acr_secrets s;
    acr_secrets_init(&s);
    assert_true(acr_secrets_add(&s, "key"));
    assert_true(acr_secrets_add(&s, "secret-key-1"));
    assert_true(acr_secrets_add(&s, NULL));
    assert_true(acr_secrets_add(&s, ""));
    assert_int_equal(s.count, 2);
    /* The longer secret holds the shorter one: redacted whole. */
    const char *text = "got secret-key-1 and key, keykey";
    expect(&s, text, strlen(text), "got [redacted] and [redacted], [redacted][redacted]");
    /* Matched on the raw bytes, before escaping. */
    acr_secrets_add(&s, "a\nb");
    expect(&s, "x a\nb y\n", 8, "x [redacted] y\\u000a");
    acr_secrets_free(&s);
}

static void test_in_place_fits_the_buffer(void **state)
{
    (void)state;
    char text[16];
    memcpy(text, "a\x1b" "bcdefghij", 12);
    assert_true(acr_sanitize_in_place(NULL, text, sizeof text));
    assert_string_equal(text, "a\\u001bbcdefghi"); /* cut to 15 bytes */
}

static void test_request_secret_fields_collected(void **state)
{
    (void)state;
    acr_update_request req = ACR_UPDATE_REQUEST_INIT;
    req.cname = "c";
    req.uid = "1";
    req.client_request.has_storage_config = true;
    req.client_request.storage_config.bucket = "bucket-not-secret";
    req.client_request.storage_config.access_key = "ak-value";
    req.client_request.storage_config.secret_key = "sk-value-longer";
    acr_secrets s;
    acr_secrets_init(&s);
    assert_true(acr_secrets_add_request(&s, &acr_update_request_type, &req));
    assert_int_equal(s.count, 2); /* stsToken absent, bucket and cname not secret */
    assert_string_equal(s.items[0].text, "sk-value-longer");
    assert_string_equal(s.items[1].text, "ak-value");
    acr_secrets_free(&s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_controls_are_escaped),
        cmocka_unit_test(test_secrets_are_redacted_longest_first),
        cmocka_unit_test(test_in_place_fits_the_buffer),
        cmocka_unit_test(test_request_secret_fields_collected),
    };
    return cmocka_run_group_tests_name("sanitize", tests, NULL, NULL);
}
