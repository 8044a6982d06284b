/* acr runtime: the retry and domain-failover policy (docs/SERVICE-NOTES.md: "retry the same
 * domain, then the other primary domain, then a regional domain of the same
 * area; back off 1 s, 3 s, 6 s"). */
#include <string.h>

#include "internal.h"
#include "retry.h"

static const long default_backoff_ms[] = {1000, 3000, 6000};

acr_retry_policy acr_retry_effective(const acr_retry_policy *given)
{
    acr_retry_policy p;
    memset(&p, 0, sizeof p);
    if (given)
        p = *given;
    if (!p.backoff_ms || !p.backoff_count) {
        p.backoff_ms = default_backoff_ms;
        p.backoff_count = sizeof default_backoff_ms / sizeof default_backoff_ms[0];
    }
    if (!p.max_attempts)
        p.max_attempts = (unsigned)p.backoff_count + 1;
    if (p.disabled)
        p.max_attempts = 1;
    if (p.jitter_percent == 0)
        p.jitter_percent = 20;
    else if (p.jitter_percent < 0)
        p.jitter_percent = 0;
    else if (p.jitter_percent > 100)
        p.jitter_percent = 100;
    return p;
}

bool acr_retry_worth_it(const acr_attempt *a, const acr_operation_desc *op)
{
    if (a->transport_failed)
        return !a->request_sent && !a->tls_rejected; /* the service cannot have acted on it */
    for (size_t i = 0; op && i < op->retry_count; i++)
        if (a->http_status == op->retry_statuses[i] &&
            (op->retry_codes[i] < 0 || (a->has_code && a->code == op->retry_codes[i])))
            return true;
    return false;
}

bool acr_attempt_may_have_acted(const acr_attempt *a)
{
    if (a->transport_failed)
        return a->request_sent;
    /* 429 comes from the gateway before the service sees the request. */
    return a->http_status != 0 && a->http_status != 429;
}

size_t acr_retry_domain_index(unsigned attempt, size_t count)
{
    if (count == 0)
        return 0;
    size_t index = attempt == 0 ? 0 : attempt - 1;
    return index < count ? index : count - 1;
}

/* xorshift64*: jitter needs no quality, only independence between calls. */
static uint64_t next_random(uint64_t *state)
{
    uint64_t x = *state ? *state : UINT64_C(0x9E3779B97F4A7C15);
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    *state = x;
    return x * UINT64_C(0x2545F4914F6CDD1D);
}

long acr_retry_delay_ms(const acr_retry_policy *policy, unsigned retry, uint64_t *seed)
{
    if (retry == 0 || policy->backoff_count == 0 || !policy->backoff_ms)
        return 0;
    size_t i = retry - 1 < policy->backoff_count ? retry - 1 : policy->backoff_count - 1;
    /* Saturated: acr_client_new refuses a policy beyond the limits, but these
     * functions are also given policies that were never checked. */
    int64_t base = policy->backoff_ms[i];
    if (base <= 0)
        return 0;
    if (base > ACR_MAX_BACKOFF_MS)
        base = ACR_MAX_BACKOFF_MS;
    int64_t percent = policy->jitter_percent < 0 ? 0 : policy->jitter_percent > 100 ? 100 : policy->jitter_percent;
    int64_t spread = base * percent / 100; /* at most 3.6e8: no overflow */
    if (spread == 0)
        return (long)base;
    int64_t offset = (int64_t)(next_random(seed) % (uint64_t)(2 * spread + 1)) - spread;
    return (long)(base + offset);
}

long acr_retry_next_delay(const acr_retry_policy *policy, unsigned retry, uint64_t *seed, long long left_ms)
{
    long delay = acr_retry_delay_ms(policy, retry, seed);
    if (left_ms >= 0 && delay >= left_ms)
        return -1;
    return delay;
}

acr_status acr_retry_check(const acr_retry_policy *p, acr_error *err)
{
    if (!p)
        return ACR_OK;
    if (p->max_attempts > ACR_MAX_ATTEMPTS)
        return acr_error_set(err, ACR_ERR_USAGE, "retry.max_attempts is %u: at most %u (0: backoff_count + 1)",
                             p->max_attempts, ACR_MAX_ATTEMPTS);
    if (p->backoff_ms && p->backoff_count > ACR_MAX_ATTEMPTS)
        return acr_error_set(err, ACR_ERR_USAGE, "retry.backoff_count is %zu: at most %u", p->backoff_count,
                             ACR_MAX_ATTEMPTS);
    for (size_t i = 0; p->backoff_ms && i < p->backoff_count; i++)
        if (p->backoff_ms[i] < 0 || p->backoff_ms[i] > ACR_MAX_BACKOFF_MS)
            return acr_error_set(err, ACR_ERR_USAGE, "retry.backoff_ms[%zu] is %ld: from 0 to %ld ms", i,
                                 p->backoff_ms[i], ACR_MAX_BACKOFF_MS);
    if (p->deadline_ms < 0 || p->deadline_ms > ACR_MAX_TIME_MS)
        return acr_error_set(err, ACR_ERR_USAGE, "retry.deadline_ms is %ld: from 0 (none) to %ld ms",
                             p->deadline_ms, ACR_MAX_TIME_MS);
    return ACR_OK;
}

static const char *const area_us[] = {"api-us-west-1", "api-us-east-1", NULL};
static const char *const area_eu[] = {"api-eu-west-1", "api-eu-central-1", NULL};
static const char *const area_ap[] = {"api-ap-southeast-1", "api-ap-northeast-1", NULL};
static const char *const area_cn[] = {"api-cn-east-1", "api-cn-north-1", NULL};

const char *const *acr_retry_area_hosts(const char *area)
{
    if (!area)
        return NULL;
    if (strcmp(area, "us") == 0)
        return area_us;
    if (strcmp(area, "eu") == 0)
        return area_eu;
    if (strcmp(area, "ap") == 0)
        return area_ap;
    if (strcmp(area, "cn") == 0)
        return area_cn;
    return NULL;
}
