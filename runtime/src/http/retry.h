/* acr runtime: the retry and domain-failover policy, as pure functions the
 * client's call loop consults. Not installed. */
#ifndef ACR_RETRY_H
#define ACR_RETRY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "acr/client.h"

/* What one attempt came to, as far as retrying is concerned. */
typedef struct acr_attempt {
    int http_status;        /* 0: no answer */
    bool has_code;
    long long code;         /* the service's "code" in a non-200 body */
    bool transport_failed;
    bool request_sent;      /* some of the request reached the network */
    bool tls_rejected;      /* the server's certificate was not trusted */
} acr_attempt;

/* True when the attempt is worth repeating: the connection failed before the
 * request was sent (but not because the server's certificate is not trusted:
 * trying again will not change that, and it needs a person), or the answer is
 * one of the operation's x-acr-retry-on answers (op->retry_statuses/codes; the
 * generator's default is 206 code 65, 504 code 62, 429). */
bool acr_retry_worth_it(const acr_attempt *a, const acr_operation_desc *op);

/* True when an attempt may have reached the service and acted, so a later
 * "already done" answer says nothing about failure. */
bool acr_attempt_may_have_acted(const acr_attempt *a);

/* The index of the domain for attempt `attempt` (0-based) among `count`: the
 * first domain twice (the vendor says to retry the same domain first), then each
 * following one in turn, staying on the last. */
size_t acr_retry_domain_index(unsigned attempt, size_t count);

/* The delay before retry number `retry` (1-based), with up to +/- jitter_percent
 * of random jitter from `*seed` (advanced). Saturated: never negative, never
 * more than ACR_MAX_BACKOFF_MS plus its jitter, whatever the policy holds. */
long acr_retry_delay_ms(const acr_retry_policy *policy, unsigned retry, uint64_t *seed);

/* The delay before retry number `retry`, jitter included, when the retry
 * would begin before the deadline (`left_ms` from now; < 0: no deadline);
 * else -1: no retry. The delay returned is the one checked, and the one to
 * sleep. */
long acr_retry_next_delay(const acr_retry_policy *policy, unsigned retry, uint64_t *seed, long long left_ms);

/* ACR_OK, or ACR_ERR_USAGE naming the member beyond the limits of client.h
 * (attempts, backoffs, deadline). */
acr_status acr_retry_check(const acr_retry_policy *given, acr_error *err);

/* The policy in force: defaults filled in for zero members. */
acr_retry_policy acr_retry_effective(const acr_retry_policy *given);

/* The regional domains of an area ("us", "eu", "ap", "cn"), NULL-terminated;
 * NULL for an unknown area. */
const char *const *acr_retry_area_hosts(const char *area);

#endif
