/* What the tests of the typed calls against the loopback mock share
 * (test_lifecycle.c, test_async_wrappers.c): the mock started with one
 * customer's credentials, clients of it, its count of requests, and the typed
 * parse of an example body. Each fails the test (cmocka) when it cannot. */
#ifndef ACR_TEST_MOCK_CUSTOMER_H
#define ACR_TEST_MOCK_CUSTOMER_H

#include <stdlib.h>

#include "mock_process.h"
#include "support.h"

typedef struct mock_customer {
    const char *app_id;             /* the App ID of the group's first client */
    const char *customer_id;        /* the mock's credentials, and the clients' */
    const char *customer_secret;
    mock_process process;
} mock_customer;

/* The test program's customer: each defines it. */
extern mock_customer customer;

/* cmocka group fixtures. Setup: starts the mock with the customer's
 * credentials, then initialises libcurl with a first client (the library
 * first, then the control helper); -1 when the mock did not start. Teardown:
 * stops it; curl_global_cleanup(). */
int mock_customer_group_setup(void **state);
int mock_customer_group_teardown(void **state);

/* A client with the customer's credentials and app_id (NULL or "": none), no
 * retries. */
acr_client *mock_customer_client(const mock_customer *mc, const char *app_id);

/* The requests the mock has answered so far (its requests_total). */
long long mock_customer_requests(const mock_customer *mc);

/* The typed parse of an example body into *out; the result is library-owned. */
#define PARSE_BODY(type, path, out)                                                     \
    do {                                                                                \
        size_t length_;                                                                 \
        char *text_ = support_read_file(path, &length_);                                \
        acr_error perr_ = ACR_ERROR_INIT;                                               \
        if (acr_##type##_request_parse(text_, length_, (out), &perr_) != ACR_OK)        \
            fail_msg("%s: %s", path, perr_.message);                                    \
        acr_error_clear(&perr_);                                                        \
        free(text_);                                                                    \
    } while (0)

#endif
