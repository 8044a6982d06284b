/* The fuzz targets compile the engine without the HTTP client (runtime/src/http
 * needs the network and libcurl); the generated endpoint calls still refer to
 * acr_call and acr_call_start, which are never called here. */
#include "acr/client.h"
#include "acr/loop.h"

static acr_status refused(acr_error *err)
{
    if (err) {
        acr_error_clear(err);
        err->status = ACR_ERR_USAGE;
    }
    return ACR_ERR_USAGE;
}

acr_status acr_call(acr_client *client, const acr_operation_desc *operation, const char *const *params,
                    const void *request, void *response, acr_error *err)
{
    (void)client;
    (void)operation;
    (void)params;
    (void)request;
    (void)response;
    return refused(err);
}

acr_status acr_call_start(acr_loop *loop, const acr_operation_desc *operation, const char *const *params,
                          const void *request, void *response, acr_done_fn done, void *ctx,
                          acr_transfer **transfer, acr_error *err)
{
    (void)loop;
    (void)operation;
    (void)params;
    (void)request;
    (void)response;
    (void)done;
    (void)ctx;
    if (transfer)
        *transfer = NULL;
    return refused(err);
}
