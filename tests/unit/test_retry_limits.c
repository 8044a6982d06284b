/* The retry policy's arithmetic at its extremes (runtime/src/retry.c), and
 * acr_client_new refusing times and retry settings beyond the limits of
 * acr/client.h (issue 9, item 10), and options libcurl refuses (item 13). Before: a huge backoff gave a negative
 * delay (and a busy loop of failing nanosleep calls), deadline_ms = LONG_MAX
 * overflowed and turned retries off, base * jitter overflowed. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "support.h"

#include "acr/client.h"
#include "retry.h"

static void huge_backoffs_saturate(void **state)
{
    (void)state;
    const long huge[] = {LONG_MAX, LONG_MAX / 2, LONG_MAX / 100 + 1};
    for (int jitter = -1; jitter <= 100; jitter += 101) {
        acr_retry_policy p = {0};
        p.backoff_ms = huge;
        p.backoff_count = 3;
        p.jitter_percent = jitter;
        uint64_t seed = 7;
        for (unsigned retry = 1; retry <= 5; retry++) {
            for (int i = 0; i < 200; i++) {
                long d = acr_retry_delay_ms(&p, retry, &seed);
                if (d < 0 || d > 2 * ACR_MAX_BACKOFF_MS)
                    fail_msg("retry %u, jitter %d: delay %ld", retry, jitter, d);
            }
        }
    }
}

static void negative_and_absent_backoffs_are_no_delay(void **state)
{
    (void)state;
    const long negative[] = {-1, LONG_MIN};
    acr_retry_policy p = {0};
    p.backoff_ms = negative;
    p.backoff_count = 2;
    p.jitter_percent = 100;
    uint64_t seed = 1;
    assert_int_equal(acr_retry_delay_ms(&p, 1, &seed), 0);
    assert_int_equal(acr_retry_delay_ms(&p, 2, &seed), 0);
    p.backoff_ms = NULL;
    assert_int_equal(acr_retry_delay_ms(&p, 1, &seed), 0);
    /* A jitter beyond 100% is 100%: never below zero. */
    const long one_second[] = {1000};
    p.backoff_ms = one_second;
    p.backoff_count = 1;
    p.jitter_percent = INT_MAX;
    for (int i = 0; i < 1000; i++) {
        long d = acr_retry_delay_ms(&p, 1, &seed);
        assert_true(d >= 0 && d <= 2000);
    }
}

static void limits_themselves_are_accepted(void **state)
{
    (void)state;
    long max[ACR_MAX_ATTEMPTS];
    for (size_t i = 0; i < ACR_MAX_ATTEMPTS; i++)
        max[i] = ACR_MAX_BACKOFF_MS;
    acr_retry_policy p = {0};
    p.max_attempts = ACR_MAX_ATTEMPTS;
    p.backoff_ms = max;
    p.backoff_count = ACR_MAX_ATTEMPTS;
    p.deadline_ms = ACR_MAX_TIME_MS;
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(acr_retry_check(&p, &err), ACR_OK);
    assert_int_equal(acr_retry_check(NULL, &err), ACR_OK);
    uint64_t seed = 3;
    p.jitter_percent = 100;
    for (int i = 0; i < 1000; i++) {
        long d = acr_retry_delay_ms(&p, 1, &seed);
        assert_true(d >= 0 && d <= 2 * ACR_MAX_BACKOFF_MS);
    }
}

/* The delay checked against the deadline is the one slept, jitter included
 * (before: the check used the delay before jitter, and a jittered one could
 * end past the deadline). */
static void the_jittered_delay_is_the_one_checked(void **state)
{
    (void)state;
    const long backoff[] = {1000};
    acr_retry_policy p = {0};
    p.backoff_ms = backoff;
    p.backoff_count = 1;
    p.jitter_percent = 100; /* 0 to 2000 ms */
    uint64_t seed = 11;
    int made = 0, skipped = 0;
    for (int i = 0; i < 2000; i++) {
        long d = acr_retry_next_delay(&p, 1, &seed, 1200);
        if (d >= 1200)
            fail_msg("a retry %ld ms away was allowed with 1200 ms left", d);
        if (d < 0)
            skipped++;
        else
            made++;
    }
    assert_true(made > 0 && skipped > 0); /* both sides of the deadline were drawn */
    assert_int_equal(acr_retry_next_delay(&p, 1, &seed, 0), -1);
    long d = acr_retry_next_delay(&p, 1, &seed, -1); /* no deadline */
    assert_true(d >= 0 && d <= 2000);
}

static acr_client_options base_options(void)
{
    acr_client_options o = {0};
    o.app_id = "app";
    o.customer_id = "customer";
    o.customer_secret = "secret";
    o.base_url = "http://127.0.0.1:9";
    return o;
}

/* acr_client_new with these options: ACR_ERR_USAGE naming `member`. */
static void expect_refused(const acr_client_options *o, const char *member)
{
    acr_client *c = (acr_client *)(uintptr_t)1;
    acr_error err = ACR_ERROR_INIT;
    acr_status status = acr_client_new(o, &c, &err);
    if (status != ACR_ERR_USAGE)
        fail_msg("%s: expected a usage error, got %s: %s", member, acr_status_name(status), err.message);
    assert_null(c);
    if (!strstr(err.message, member))
        fail_msg("the message does not name %s: %s", member, err.message);
    acr_error_clear(&err);
    /* And without an error struct: the same status. */
    assert_int_equal(acr_client_new(o, &c, NULL), ACR_ERR_USAGE);
}

static void absurd_policies_are_refused(void **state)
{
    (void)state;
    static const long huge[] = {1000, LONG_MAX};
    static const long negative[] = {1000, -5};
    static const long over[] = {ACR_MAX_BACKOFF_MS + 1};
    acr_client_options o;

    o = base_options();
    o.retry.backoff_ms = huge;
    o.retry.backoff_count = 2;
    expect_refused(&o, "retry.backoff_ms[1]");
    o.retry.backoff_ms = negative;
    expect_refused(&o, "retry.backoff_ms[1]");
    o.retry.backoff_ms = over;
    o.retry.backoff_count = 1;
    expect_refused(&o, "retry.backoff_ms[0]");

    o = base_options();
    o.retry.deadline_ms = LONG_MAX;
    expect_refused(&o, "retry.deadline_ms");
    o.retry.deadline_ms = -1;
    expect_refused(&o, "retry.deadline_ms");

    o = base_options();
    o.retry.max_attempts = UINT_MAX;
    expect_refused(&o, "retry.max_attempts");

    o = base_options();
    o.retry.backoff_ms = huge;
    o.retry.backoff_count = SIZE_MAX; /* would overflow the copy's size */
    expect_refused(&o, "retry.backoff_count");

    o = base_options();
    o.timeout_ms = LONG_MAX;
    expect_refused(&o, "timeout_ms");
    o.timeout_ms = -1;
    expect_refused(&o, "timeout_ms");

    o = base_options();
    o.connect_timeout_ms = ACR_MAX_TIME_MS + 1;
    expect_refused(&o, "connect_timeout_ms");
}

static void sane_policies_are_accepted(void **state)
{
    (void)state;
    static const long backoff[] = {0, ACR_MAX_BACKOFF_MS};
    acr_client_options o = base_options();
    o.retry.backoff_ms = backoff;
    o.retry.backoff_count = 2;
    o.retry.max_attempts = ACR_MAX_ATTEMPTS;
    o.retry.deadline_ms = ACR_MAX_TIME_MS;
    o.retry.jitter_percent = 1000; /* documented: more than 100 is 100 */
    o.timeout_ms = ACR_MAX_TIME_MS;
    o.connect_timeout_ms = ACR_MAX_TIME_MS;
    o.max_response_bytes = SIZE_MAX; /* no cap */
    acr_client *c = NULL;
    acr_error err = ACR_ERROR_INIT;
    if (acr_client_new(&o, &c, &err) != ACR_OK)
        fail_msg("acr_client_new: %s", err.message);
    acr_client_free(c);
}

/* libcurl refuses a string option over 8 MB: that is the caller's mistake,
 * said by acr_client_new (before: accepted, then every call failed as "out of
 * memory"). */
static void an_option_libcurl_refuses_is_a_usage_error(void **state)
{
    (void)state;
    size_t n = (size_t)9 << 20;
    char *path = malloc(n + 1);
    assert_non_null(path);
    memset(path, 'a', n);
    path[0] = '/';
    path[n] = '\0';
    acr_client_options o = base_options();
    o.ca_file = path;
    acr_client *c = NULL;
    acr_error err = ACR_ERROR_INIT;
    acr_status status = acr_client_new(&o, &c, &err);
    free(path);
    if (status != ACR_ERR_USAGE)
        fail_msg("expected a usage error, got %s: %s", acr_status_name(status), err.message);
    assert_null(c);
    assert_non_null(strstr(err.message, "libcurl refused"));
    acr_error_clear(&err);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(huge_backoffs_saturate),
        cmocka_unit_test(negative_and_absent_backoffs_are_no_delay),
        cmocka_unit_test(limits_themselves_are_accepted),
        cmocka_unit_test(the_jittered_delay_is_the_one_checked),
        cmocka_unit_test(absurd_policies_are_refused),
        cmocka_unit_test(sane_policies_are_accepted),
        cmocka_unit_test(an_option_libcurl_refuses_is_a_usage_error),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
