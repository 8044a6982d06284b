/* The retry and failover policy's decisions (runtime/src/retry.c), one by one:
 * what is retried, where each attempt goes, and how long it waits. */
#include "support.h"

#include <string.h>

#include "retry.h"

static acr_attempt answer(int status, bool has_code, long long code)
{
    acr_attempt a = {status, has_code, code, false, true, false};
    return a;
}

/* An operation carrying the generator's default x-acr-retry-on list. */
static const int retry_statuses[] = {206, 504, 429};
static const long long retry_codes[] = {65, 62, -1};
static acr_operation_desc retried_op(void)
{
    acr_operation_desc op;
    memset(&op, 0, sizeof op);
    op.retry_statuses = retry_statuses;
    op.retry_codes = retry_codes;
    op.retry_count = 3;
    return op;
}

static void retries_what_the_vendor_says_to(void **state)
{
    (void)state;
    acr_operation_desc op = retried_op();
    acr_attempt jitter = answer(206, true, 65), timeout = answer(504, true, 62), limit = answer(429, false, 0);
    assert_true(acr_retry_worth_it(&jitter, &op));
    assert_true(acr_retry_worth_it(&timeout, &op));
    assert_true(acr_retry_worth_it(&limit, &op));
    acr_attempt unsent = {0, false, 0, true, false, false};
    assert_true(acr_retry_worth_it(&unsent, &op));
}

static void never_retries_other_answers(void **state)
{
    (void)state;
    acr_operation_desc op = retried_op();
    const acr_attempt others[] = {
        answer(206, true, 435), answer(206, false, 0), answer(504, true, 63), answer(504, false, 0),
        answer(400, true, 2), answer(400, true, 49), answer(401, false, 0), answer(404, true, 404),
        answer(403, false, 0), answer(500, false, 0), answer(302, false, 0),
    };
    for (size_t i = 0; i < sizeof others / sizeof others[0]; i++) {
        if (acr_retry_worth_it(&others[i], &op))
            fail_msg("status %d code %lld must not be retried", others[i].http_status, others[i].code);
    }
    /* The request left: the service may have acted on it, so no blind retry. */
    acr_attempt sent = {0, false, 0, true, true, false};
    assert_false(acr_retry_worth_it(&sent, &op));
    /* An untrusted certificate stays untrusted. */
    acr_attempt tls = {0, false, 0, true, false, true};
    assert_false(acr_retry_worth_it(&tls, &op));
}

/* x-acr-retry-on is per operation: start's list retries 500 code 62 but not
 * 502; an operation listing only 429 does not retry 206 code 65. */
static void retries_what_the_operation_lists(void **state)
{
    (void)state;
    static const int statuses[] = {500, 429};
    static const long long codes[] = {62, -1};
    acr_operation_desc op;
    memset(&op, 0, sizeof op);
    op.retry_statuses = statuses;
    op.retry_codes = codes;
    op.retry_count = 2;
    acr_attempt a = answer(500, true, 62), b = answer(500, true, 502), c = answer(206, true, 65),
                d = answer(429, true, 7), e = answer(500, false, 0);
    assert_true(acr_retry_worth_it(&a, &op));
    assert_false(acr_retry_worth_it(&b, &op));
    assert_false(acr_retry_worth_it(&c, &op));
    assert_true(acr_retry_worth_it(&d, &op));
    assert_false(acr_retry_worth_it(&e, &op));
    acr_attempt unsent = {0, false, 0, true, false, false};
    op.retry_count = 0; /* nothing listed: only a connection failure before sending */
    assert_true(acr_retry_worth_it(&unsent, &op));
    assert_false(acr_retry_worth_it(&a, &op));
}

static void knows_which_attempts_may_have_acted(void **state)
{
    (void)state;
    acr_attempt jitter = answer(206, true, 65), limit = answer(429, false, 0);
    acr_attempt unsent = {0, false, 0, true, false, false}, sent = {0, false, 0, true, true, false};
    assert_true(acr_attempt_may_have_acted(&jitter));
    assert_true(acr_attempt_may_have_acted(&sent));
    assert_false(acr_attempt_may_have_acted(&limit)); /* the gateway refused it */
    assert_false(acr_attempt_may_have_acted(&unsent));
}

static void first_domain_twice_then_each_next(void **state)
{
    (void)state;
    const size_t expected[] = {0, 0, 1, 2, 3, 3, 3};
    for (unsigned attempt = 0; attempt < 7; attempt++)
        assert_int_equal(acr_retry_domain_index(attempt, 4), expected[attempt]);
    for (unsigned attempt = 0; attempt < 5; attempt++)
        assert_int_equal(acr_retry_domain_index(attempt, 1), 0);
}

static void defaults_follow_the_vendor(void **state)
{
    (void)state;
    acr_retry_policy p = acr_retry_effective(NULL);
    assert_int_equal(p.max_attempts, 4);
    assert_int_equal(p.backoff_count, 3);
    assert_int_equal(p.backoff_ms[0], 1000);
    assert_int_equal(p.backoff_ms[1], 3000);
    assert_int_equal(p.backoff_ms[2], 6000);
    assert_int_equal(p.jitter_percent, 20);
    acr_retry_policy off = {0};
    off.disabled = 1;
    assert_int_equal(acr_retry_effective(&off).max_attempts, 1);
}

static void delays_stay_within_their_jitter(void **state)
{
    (void)state;
    acr_retry_policy p = acr_retry_effective(NULL);
    uint64_t seed = 42;
    bool varied = false;
    long first = acr_retry_delay_ms(&p, 1, &seed);
    for (int i = 0; i < 1000; i++) {
        for (unsigned retry = 1; retry <= 4; retry++) {
            long base = p.backoff_ms[retry <= 3 ? retry - 1 : 2]; /* the last one repeats */
            long d = acr_retry_delay_ms(&p, retry, &seed);
            assert_true(d >= base - base / 5 && d <= base + base / 5);
            if (retry == 1 && d != first)
                varied = true;
        }
    }
    assert_true(varied);
    acr_retry_policy exact = {0};
    exact.jitter_percent = -1;
    exact = acr_retry_effective(&exact);
    assert_int_equal(acr_retry_delay_ms(&exact, 2, &seed), 3000);
}

static void regional_domains_by_area(void **state)
{
    (void)state;
    assert_string_equal(acr_retry_area_hosts("eu")[0], "api-eu-west-1");
    assert_string_equal(acr_retry_area_hosts("cn")[1], "api-cn-north-1");
    assert_null(acr_retry_area_hosts("mars"));
    assert_null(acr_retry_area_hosts(NULL));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(retries_what_the_vendor_says_to),
        cmocka_unit_test(never_retries_other_answers),
        cmocka_unit_test(retries_what_the_operation_lists),
        cmocka_unit_test(knows_which_attempts_may_have_acted),
        cmocka_unit_test(first_domain_twice_then_each_next),
        cmocka_unit_test(defaults_follow_the_vendor),
        cmocka_unit_test(delays_stay_within_their_jitter),
        cmocka_unit_test(regional_domains_by_area),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
