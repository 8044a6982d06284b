/* The fuzz targets compile the engine without the HTTP client (client.c and
 * url.c need the network and libcurl); the generated endpoint calls still
 * refer to acr_call, which is never called here. */
#include "acr/client.h"

acr_status acr_call(acr_client *client, const acr_operation_desc *operation, const char *const *params,
                    const void *request, void *response, acr_error *err)
{
    (void)client;
    (void)operation;
    (void)params;
    (void)request;
    (void)response;
    if (err) {
        acr_error_clear(err);
        err->status = ACR_ERR_USAGE;
    }
    return ACR_ERR_USAGE;
}
