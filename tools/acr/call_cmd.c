/* acr update / acr stop: validate a request body locally, send it, print the
 * typed response as one line of JSON. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "acr/alloc.h"
#include "acr/client.h"
#include "acr_api.h"
#include "cli.h"

static const char call_usage[] =
    "usage: acr %s --appid ID --resource-id RID --sid SID --mode individual|mix|web\n"
    "           [--base-url URL] [--timeout SECONDS] [--retries N] [--verbose] [FILE|-]\n"
    "\n"
    "Sends the request body in FILE (default: standard input) to the service's %s\n"
    "endpoint, after checking it locally against every rule of the schema (nothing is\n"
    "sent when it breaks one). On HTTP 200 the parsed response is printed on standard\n"
    "output as one line of JSON.\n"
    "\n"
    "  --base-url URL     scheme, host, optional port and path prefix (default: the\n"
    "                     AGORA_BASE_URL environment variable, else %s);\n"
    "                     plain http:// is refused except for loopback hosts\n"
    "  --timeout SECONDS  time for the whole call, retries included (default %ld s for %s)\n"
    "  --retries N        retries after a connection failure before sending, 206/65,\n"
    "                     504/62 or 429, backing off 1 s, 3 s, 6 s (default 3; 0: none)\n"
    "  --verbose          log method, URL, status and timing on standard error\n"
    "                     (credentials and keys are never shown)\n"
    "\n"
    "Credentials come from the environment: AGORA_CUSTOMER_ID, AGORA_CUSTOMER_SECRET.\n"
    "\n"
    "Exit status: 0 success; 1 invalid request body (violations on standard error);\n"
    "2 usage error, unreadable input or malformed JSON; 3 the service answered with a\n"
    "status other than 200 (status, code and reason on standard error); 4 transport\n"
    "failure (connect, TLS, timeout); 5 invalid response; 6 the call was retried and\n"
    "the service now answers that it is already done (stop: 400 code 49 or 404): the\n"
    "first attempt most likely succeeded.\n";

static void print_usage(FILE *out, const acr_operation_desc *op)
{
    fprintf(out, call_usage, op->operation_id, op->operation_id, ACR_DEFAULT_BASE_URL, op->timeout_ms / 1000,
            op->operation_id);
}

static int usage_error(const acr_operation_desc *op, const char *what, const char *arg)
{
    fprintf(stderr, "acr %s: %s%s%s%s\n(acr %s --help shows the usage)\n", op->operation_id, what,
            arg ? " '" : "", arg ? arg : "", arg ? "'" : "", op->operation_id);
    return EXIT_USAGE;
}

static void log_to_stderr(void *ctx, const char *line)
{
    const acr_operation_desc *const *op = ctx;
    fprintf(stderr, "acr %s: %s\n", (*op)->operation_id, line);
}

static int exit_code_for(acr_status status)
{
    switch (status) {
    case ACR_OK: return EXIT_VALID;
    case ACR_ERR_INVALID_REQUEST: return EXIT_INVALID_REQUEST;
    case ACR_ERR_HTTP: return EXIT_HTTP;
    case ACR_ERR_TRANSPORT: return EXIT_TRANSPORT;
    case ACR_ERR_INVALID_RESPONSE: return EXIT_INVALID_RESPONSE;
    case ACR_ERR_MAY_HAVE_SUCCEEDED: return EXIT_MAY_HAVE_SUCCEEDED;
    case ACR_ERR_MALFORMED_JSON:
    case ACR_ERR_NOMEM:
    case ACR_ERR_USAGE: return EXIT_USAGE;
    }
    return EXIT_USAGE;
}

typedef struct call_args {
    const char *appid, *resource_id, *sid, *mode, *base_url, *timeout, *retries, *path;
    bool verbose;
} call_args;

/* Returns -1 to go on, or an exit code. */
static int parse_args(const acr_operation_desc *op, int argc, char **argv, call_args *a)
{
    memset(a, 0, sizeof *a);
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i], *v;
        if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
            print_usage(stdout, op);
            return EXIT_VALID;
        } else if (strcmp(arg, "--verbose") == 0 || strcmp(arg, "-v") == 0) {
            a->verbose = true;
        } else if ((v = cli_option_value(argc, argv, &i, "--appid"))) {
            a->appid = v;
        } else if ((v = cli_option_value(argc, argv, &i, "--resource-id"))) {
            a->resource_id = v;
        } else if ((v = cli_option_value(argc, argv, &i, "--sid"))) {
            a->sid = v;
        } else if ((v = cli_option_value(argc, argv, &i, "--mode"))) {
            a->mode = v;
        } else if ((v = cli_option_value(argc, argv, &i, "--base-url"))) {
            a->base_url = v;
        } else if ((v = cli_option_value(argc, argv, &i, "--timeout"))) {
            a->timeout = v;
        } else if ((v = cli_option_value(argc, argv, &i, "--retries"))) {
            a->retries = v;
        } else if (strncmp(arg, "--", 2) == 0 && arg[2] != '\0') {
            return usage_error(op, "unknown option, or option without its value:", arg);
        } else if (!a->path) {
            a->path = arg;
        } else {
            return usage_error(op, "unexpected argument", arg);
        }
    }
    if (!a->appid || !*a->appid)
        return usage_error(op, "--appid is required", NULL);
    if (!a->resource_id || !*a->resource_id)
        return usage_error(op, "--resource-id is required", NULL);
    if (!a->sid || !*a->sid)
        return usage_error(op, "--sid is required", NULL);
    if (!a->mode)
        return usage_error(op, "--mode is required (individual, mix or web)", NULL);
    return -1;
}

static long timeout_ms_of(const char *text)
{
    char *end;
    errno = 0;
    double seconds = strtod(text, &end);
    if (errno || end == text || *end || !(seconds > 0) || seconds > 86400.0)
        return -1;
    return (long)ceil(seconds * 1000.0);
}

static void print_violations(const char *command, const acr_error *err)
{
    fprintf(stderr, "acr %s: the request body breaks %zu rule%s; nothing was sent:\n", command,
            err->violation_count, err->violation_count == 1 ? "" : "s");
    for (size_t i = 0; i < err->violation_count; i++) {
        cli_print_pointer(stderr, &err->violations[i]);
        fprintf(stderr, ": %s\n", err->violations[i].message);
    }
}

static int print_response(const acr_operation_desc *op, const void *response)
{
    char *json = NULL;
    acr_error err = ACR_ERROR_INIT;
    acr_status status = acr_to_json(op->response, response, &json, NULL, &err);
    if (status != ACR_OK) {
        fprintf(stderr, "acr %s: cannot print the response: %s\n", op->operation_id, err.message);
        acr_error_clear(&err);
        return EXIT_INVALID_RESPONSE;
    }
    printf("%s\n", json);
    acr_free(json);
    return EXIT_VALID;
}

static void print_failure(const char *command, const acr_error *err)
{
    fprintf(stderr, "acr %s: %s: %s\n", command, acr_status_name(err->status), err->message);
}

int cli_call(const acr_operation_desc *op, int argc, char **argv)
{
    call_args a;
    int code = parse_args(op, argc, argv, &a);
    if (code >= 0)
        return code;
    acr_mode mode;
    if (!acr_mode_parse(a.mode, &mode))
        return usage_error(op, "unknown mode (expected individual, mix or web, lower case):", a.mode);
    long timeout_ms = 0;
    if (a.timeout && (timeout_ms = timeout_ms_of(a.timeout)) < 0)
        return usage_error(op, "--timeout takes a positive number of seconds, not", a.timeout);
    long retries = 3;
    if (a.retries) {
        char *end;
        errno = 0;
        retries = strtol(a.retries, &end, 10);
        if (errno || end == a.retries || *end || retries < 0 || retries > 10)
            return usage_error(op, "--retries takes a whole number from 0 to 10, not", a.retries);
    }
    const char *customer_id = getenv("AGORA_CUSTOMER_ID");
    const char *customer_secret = getenv("AGORA_CUSTOMER_SECRET");
    if (!customer_id || !*customer_id || !customer_secret || !*customer_secret)
        return usage_error(op, "set AGORA_CUSTOMER_ID and AGORA_CUSTOMER_SECRET in the environment", NULL);
    const char *base_url = a.base_url ? a.base_url : getenv("AGORA_BASE_URL");
    if (base_url && !*base_url && !a.base_url)
        base_url = NULL; /* an empty AGORA_BASE_URL is as good as unset */

    /* The body, checked locally first. */
    void *request = NULL;
    void *response = acr_malloc(op->response->object->size);
    acr_client *client = NULL;
    acr_error err = ACR_ERROR_INIT;
    if (!response) {
        fprintf(stderr, "acr %s: out of memory\n", op->operation_id);
        code = EXIT_USAGE;
        goto done;
    }
    memset(response, 0, op->response->object->size);
    acr_status status = cli_read_request(op->request, a.path, (unsigned)mode, &request, &err);
    if (status == ACR_ERR_INVALID_REQUEST) {
        print_violations(op->operation_id, &err);
        code = EXIT_INVALID_REQUEST;
        goto done;
    }
    if (status != ACR_OK) {
        fprintf(stderr, "acr %s: %s: %s\n", op->operation_id, cli_input_label(a.path), err.message);
        code = EXIT_USAGE;
        goto done;
    }

    acr_client_options options = {0};
    options.app_id = a.appid;
    options.customer_id = customer_id;
    options.customer_secret = customer_secret;
    options.base_url = base_url;
    options.timeout_ms = timeout_ms;
    options.retry.disabled = retries == 0;
    options.retry.max_attempts = (unsigned)retries + 1;
    if (a.verbose) {
        options.log = log_to_stderr;
        options.log_ctx = &op;
    }
    status = acr_client_new(&options, &client, &err);
    if (status != ACR_OK) {
        print_failure(op->operation_id, &err);
        code = exit_code_for(status);
        goto done;
    }
    const char *values[] = {NULL, a.resource_id, a.sid, acr_mode_name(mode)};
    status = acr_call(client, op, values, request, response, &err);
    if (status == ACR_OK) {
        code = print_response(op, response);
    } else {
        print_failure(op->operation_id, &err);
        code = exit_code_for(status);
    }
done:
    acr_client_free(client);
    acr_error_clear(&err);
    cli_free_body(op->request, request);
    if (response)
        acr_free_value(op->response, response);
    acr_free(response);
    return code;
}
