/* A hand-written operation table for the acr tool's tests: an operation with no
 * request body and no mode (a GET, as the generator will emit for query and
 * ncs/ip). Linked with the tool's sources in place of a generated API, it shows
 * what cli_call() does with request == NULL. */
#include "acr/tables.h"

static const acr_object_desc empty_object = {"Empty", 8, NULL, 0, NULL, 0, 0};
static const acr_type_desc empty_response = {&empty_object, 0, NULL, 0};
static const char *const names[] = {"appid", "resourceid"};
static const char *const flags[] = {"--appid", "--resource-id"};
static const acr_operation_desc describe_thing = {
    .operation_id = "describeThing",
    .cli_name = "describe-thing",
    .method = "GET",
    .path_template = "/v1/apps/{appid}/things/{resourceid}",
    .params = names,
    .param_count = 2,
    .client_param = 0,
    .mode_param = -1,
    .timeout_ms = 30000L,
    .request = NULL,
    .response = &empty_response,
    .param_flags = flags,
};

const acr_operation_desc *const acr_operations[] = {&describe_thing, NULL};
const size_t acr_operation_count = 1;
