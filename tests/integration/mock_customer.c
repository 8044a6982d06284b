/* The typed calls' tests against the mock: see mock_customer.h. */
#include "mock_customer.h"

#include <curl/curl.h>

int mock_customer_group_setup(void **state)
{
    (void)state;
    const char *args[] = {"--customer-id", customer.customer_id, "--customer-secret", customer.customer_secret, NULL};
    if (mock_start(&customer.process, args, 20000) != 0)
        return -1;
    acr_client *c = mock_customer_client(&customer, customer.app_id);
    acr_client_free(c);
    return 0;
}

int mock_customer_group_teardown(void **state)
{
    (void)state;
    mock_stop(&customer.process);
    curl_global_cleanup();
    return 0;
}

acr_client *mock_customer_client(const mock_customer *mc, const char *app_id)
{
    acr_client_options o = ACR_CLIENT_OPTIONS_INIT;
    o.app_id = app_id;
    o.customer_id = mc->customer_id;
    o.customer_secret = mc->customer_secret;
    o.base_url = mc->process.base_url;
    o.retry.disabled = 1;
    acr_client *c = NULL;
    acr_error err = ACR_ERROR_INIT;
    if (acr_client_new(&o, &c, &err) != ACR_OK)
        fail_msg("acr_client_new: %s", err.message);
    acr_error_clear(&err);
    return c;
}

long long mock_customer_requests(const mock_customer *mc)
{
    char *body = NULL;
    long status = mock_request(&mc->process, "GET", "/__mock/state", NULL, &body);
    if (status != 200 || !body)
        fail_msg("GET /__mock/state: HTTP %ld", status);
    yajl_val state = support_tree(body);
    free(body);
    long long n = support_int_member(state, "requests_total");
    yajl_tree_free(state);
    return n;
}
