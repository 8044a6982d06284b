/* acr OPERATION: one function for every operation of the schema, driven by its
 * descriptor (path parameters -> options, request type -> FILE, response type ->
 * the line printed). Validate the request body locally, send it, print the typed
 * response as one line of JSON. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "acr/alloc.h"
#include "acr/client.h"
#include "cli.h"

/* Path parameters of up to this many: the schema's operations have four. */
#define MAX_PARAMS 16

static bool is_mode_param(const acr_operation_desc *op, size_t i)
{
    return op->mode_param >= 0 && (size_t)op->mode_param == i;
}

static bool mode_allowed(const acr_operation_desc *op, size_t mode)
{
    return mode >= 1 && mode <= 32 && (op->mode_allowed == 0 || (op->mode_allowed >> (mode - 1)) & 1u);
}

size_t cli_only_mode(const acr_operation_desc *op)
{
    size_t count, found = 0, n = 0;
    cli_mode_names(op, &count);
    for (size_t m = 1; m <= count; m++)
        if (mode_allowed(op, m)) {
            found = m;
            n++;
        }
    return n == 1 ? found : 0;
}

/* "individual|mix|web": the modes op accepts, joined by `separator`. */
static void print_modes(FILE *out, const acr_operation_desc *op, const char *separator)
{
    size_t count;
    const char *const *names = cli_mode_names(op, &count);
    bool first = true;
    for (size_t m = 1; names && m <= count; m++)
        if (mode_allowed(op, m)) {
            cli_printf(out, "%s%s", first ? "" : separator, names[m - 1]);
            first = false;
        }
}

/* "--resource-id" -> "RESOURCE_ID" */
static void print_metavar(FILE *out, const char *flag)
{
    for (const char *p = flag + 2; *p; p++)
        cli_printf(out, "%c", *p == '-' ? '_' : (*p >= 'a' && *p <= 'z' ? *p - 'a' + 'A' : *p));
}

void cli_print_synopsis(FILE *out, const acr_operation_desc *op, int name_width)
{
    cli_printf(out, "%-*s", name_width, op->cli_name);
    for (size_t i = 0; i < op->param_count; i++) {
        cli_printf(out, " %s%s ", is_mode_param(op, i) && cli_only_mode(op) ? "[" : "", op->param_flags[i]);
        if (is_mode_param(op, i)) {
            print_modes(out, op, "|");
            if (cli_only_mode(op))
                cli_puts(out, "]");
        } else {
            print_metavar(out, op->param_flags[i]);
        }
    }
    cli_puts(out, op->request ? " [options] [FILE|-]" : " [options]");
}

static void print_usage(FILE *out, const acr_operation_desc *op)
{
    cli_puts(out, "usage: acr ");
    cli_print_synopsis(out, op, 0);
    cli_puts(out, "\n  options: [--base-url URL] [--timeout SECONDS] [--retries N] [--verbose]\n\n");
    if (op->request)
        cli_printf(out,
                   "Sends the request body in FILE (default: standard input) to the service's %s\n"
                   "operation,\n  %s %s,\nafter checking it locally against every rule of the schema (nothing is sent\n"
                   "when it breaks one).",
                   op->operation_id, op->method, op->path_template);
    else
        cli_printf(out, "Calls the service's %s operation,\n  %s %s\n(it takes no request body).",
                   op->operation_id, op->method, op->path_template);
    cli_printf(out,
               " On HTTP 200 the parsed\nresponse is printed on standard output as one line of JSON.\n"
               "\n"
               "  --base-url URL     scheme, host, optional port and path prefix (default: the\n"
               "                     AGORA_BASE_URL environment variable, else %s);\n"
               "                     plain http:// is refused except for loopback hosts; no\n"
               "                     credentials, query or fragment\n"
               "  --timeout SECONDS  time for the whole call: every attempt and back-off, and the\n"
               "                     wait for the recording's turn (default %ld s)\n",
               ACR_DEFAULT_BASE_URL, op->timeout_ms / 1000);
    /* The answers retried are the operation's (x-acr-retry-on in the schema). */
    cli_puts(out, "  --retries N        retries after a connection failure before sending");
    for (size_t i = 0; i < op->retry_count; i++) {
        cli_printf(out, "%s%d", i + 1 == op->retry_count ? " or " : ", ", op->retry_statuses[i]);
        if (op->retry_codes[i] >= 0)
            cli_printf(out, "/%lld", op->retry_codes[i]);
    }
    cli_printf(out,
               ",\n                     backing off 1 s, 3 s, 6 s (default 3; 0: none)\n"
               "  --verbose          log method, URL, status and timing on standard error\n"
               "                     (credentials and keys are never shown)\n"
               "\n"
               "Credentials come from the environment: AGORA_CUSTOMER_ID, AGORA_CUSTOMER_SECRET.\n"
               "\n"
               "Exit status: 0 success; 1 invalid request body (violations on standard error);\n"
               "2 usage error, unreadable input, malformed JSON or a failed write of the output;\n"
               "3 the service answered with a status other than 200 (status, code and reason on\n"
               "standard error); 4 transport failure (connect, TLS, timeout); 5 invalid response;\n"
               "6 the call was retried and the service now answers that it is already done: the\n"
               "first attempt most likely succeeded.\n");
}

static int usage_error(const acr_operation_desc *op, const char *what, const char *arg)
{
    cli_printf(stderr, "acr %s: %s", op->cli_name, what);
    if (arg) {
        cli_puts(stderr, " '");
        cli_put_text(stderr, arg);
        cli_puts(stderr, "'");
    }
    cli_printf(stderr, "\n(acr %s --help shows the usage)\n", op->cli_name);
    return EXIT_USAGE;
}

static void log_to_stderr(void *ctx, const char *line)
{
    const acr_operation_desc *const *op = ctx;
    cli_printf(stderr, "acr %s: ", (*op)->cli_name);
    cli_put_text(stderr, line);
    cli_puts(stderr, "\n");
}

static int exit_code_for(acr_status status)
{
    switch (status) {
    case ACR_OK: return EXIT_VALID;
    case ACR_ERR_INVALID_REQUEST: return EXIT_INVALID_REQUEST;
    case ACR_ERR_HTTP: return EXIT_HTTP;
    case ACR_ERR_TRANSPORT:
    case ACR_ERR_CANCELLED: return EXIT_TRANSPORT; /* never from a blocking call */
    case ACR_ERR_INVALID_RESPONSE: return EXIT_INVALID_RESPONSE;
    case ACR_ERR_MAY_HAVE_SUCCEEDED: return EXIT_MAY_HAVE_SUCCEEDED;
    case ACR_ERR_MALFORMED_JSON:
    case ACR_ERR_NOMEM:
    case ACR_ERR_USAGE: return EXIT_USAGE;
    }
    return EXIT_USAGE;
}

typedef struct call_args {
    const char *values[MAX_PARAMS]; /* one per path parameter */
    const char *base_url, *timeout, *retries, *path;
    bool verbose;
} call_args;

/* Returns -1 to go on, or an exit code. */
static int parse_args(const acr_operation_desc *op, int argc, char **argv, call_args *a)
{
    memset(a, 0, sizeof *a);
    if (op->param_count > MAX_PARAMS)
        return usage_error(op, "has too many path parameters for this tool", NULL);
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i], *v = NULL;
        if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
            print_usage(stdout, op);
            return EXIT_VALID;
        }
        if (strcmp(arg, "--verbose") == 0 || strcmp(arg, "-v") == 0) {
            a->verbose = true;
            continue;
        }
        bool matched = false;
        for (size_t k = 0; !matched && k < op->param_count; k++)
            if ((v = cli_option_value(argc, argv, &i, op->param_flags[k]))) {
                a->values[k] = v;
                matched = true;
            }
        if (matched)
            continue;
        if ((v = cli_option_value(argc, argv, &i, "--base-url")))
            a->base_url = v;
        else if ((v = cli_option_value(argc, argv, &i, "--timeout")))
            a->timeout = v;
        else if ((v = cli_option_value(argc, argv, &i, "--retries")))
            a->retries = v;
        else if (strncmp(arg, "--", 2) == 0 && arg[2] != '\0')
            return usage_error(op, "unknown option, or option without its value:", arg);
        else if (!op->request)
            return usage_error(op, "takes no request body; unexpected argument", arg);
        else if (!a->path)
            a->path = arg;
        else
            return usage_error(op, "unexpected argument", arg);
    }
    for (size_t k = 0; k < op->param_count; k++) {
        if (is_mode_param(op, k) && !a->values[k]) {
            size_t only = cli_only_mode(op);
            size_t count;
            const char *const *names = cli_mode_names(op, &count);
            if (only && names) {
                a->values[k] = names[only - 1];
                continue;
            }
        }
        if (!a->values[k] || !*a->values[k]) {
            cli_printf(stderr, "acr %s: %s is required", op->cli_name, op->param_flags[k]);
            if (is_mode_param(op, k)) {
                cli_puts(stderr, " (");
                print_modes(stderr, op, ", ");
                cli_puts(stderr, ")");
            }
            cli_printf(stderr, "\n(acr %s --help shows the usage)\n", op->cli_name);
            return EXIT_USAGE;
        }
    }
    return -1;
}

/* The mode's number (1-based) for a valid mode text, else 0 after a usage error. */
static unsigned parse_mode(const acr_operation_desc *op, const char *text)
{
    size_t count;
    const char *const *names = cli_mode_names(op, &count);
    for (size_t m = 1; names && m <= count; m++)
        if (strcmp(text, names[m - 1]) == 0 && mode_allowed(op, m))
            return (unsigned)m;
    cli_printf(stderr, "acr %s: unknown mode '", op->cli_name);
    cli_put_text(stderr, text);
    cli_printf(stderr, "' (%s accepts ", op->cli_name);
    print_modes(stderr, op, ", ");
    cli_printf(stderr, "; lower case)\n(acr %s --help shows the usage)\n", op->cli_name);
    return 0;
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

static bool has_control(const char *text)
{
    for (const unsigned char *p = (const unsigned char *)text; *p; p++)
        if (*p < 0x20 || *p == 0x7F)
            return true;
    return false;
}

/* Prints a base URL without what may be a secret: userinfo, query, fragment. */
static void print_url_safely(FILE *out, const char *url)
{
    const char *scheme_end = strstr(url, "://");
    const char *authority = scheme_end ? scheme_end + 3 : url;
    size_t authority_length = strcspn(authority, "/?#");
    const char *at = NULL;
    for (const char *p = authority; p < authority + authority_length; p++)
        if (*p == '@')
            at = p;
    cli_put_escaped(out, url, (size_t)(authority - url));
    if (at) {
        cli_puts(out, "***@");
        authority = at + 1;
    }
    cli_put_escaped(out, authority, strcspn(authority, "?#"));
    if (authority[strcspn(authority, "?#")])
        cli_puts(out, "...");
}

/* A base URL holding userinfo, a query or a fragment is refused here, so no
 * message of the library can ever repeat it. */
static bool base_url_is_clean(const char *url)
{
    const char *scheme_end = strstr(url, "://");
    const char *authority = scheme_end ? scheme_end + 3 : url;
    size_t authority_length = strcspn(authority, "/?#");
    return !memchr(authority, '@', authority_length) && !strpbrk(url, "?#");
}

static void print_violations(const acr_operation_desc *op, const acr_error *err)
{
    cli_printf(stderr, "acr %s: the request body breaks %zu rule%s; nothing was sent:\n", op->cli_name,
               err->violation_count, err->violation_count == 1 ? "" : "s");
    for (size_t i = 0; i < err->violation_count; i++) {
        cli_put_escaped(stderr, err->violations[i].pointer, err->violations[i].pointer_length);
        cli_puts(stderr, ": ");
        cli_put_text(stderr, err->violations[i].message);
        cli_puts(stderr, "\n");
    }
}

static int print_response(const acr_operation_desc *op, const void *response)
{
    char *json = NULL;
    acr_error err = ACR_ERROR_INIT;
    acr_status status = acr_to_json(op->response, response, &json, NULL, &err);
    if (status != ACR_OK) {
        cli_printf(stderr, "acr %s: cannot print the response: ", op->cli_name);
        cli_put_text(stderr, err.message);
        cli_puts(stderr, "\n");
        acr_error_clear(&err);
        return EXIT_INVALID_RESPONSE;
    }
    cli_puts(stdout, json);
    cli_puts(stdout, "\n");
    acr_free(json);
    return EXIT_VALID;
}

/* The message may hold the service's reason or message: escaped. */
static void print_failure(const acr_operation_desc *op, const acr_error *err)
{
    cli_printf(stderr, "acr %s: %s: ", op->cli_name, acr_status_name(err->status));
    cli_put_text(stderr, err->message);
    cli_puts(stderr, "\n");
}

/* Checks the options that are not parameters; returns -1 to go on, or an exit code. */
static int check_options(const acr_operation_desc *op, const call_args *a, long *timeout_ms, long *retries,
                         const char **base_url)
{
    if (a->timeout && (*timeout_ms = timeout_ms_of(a->timeout)) < 0)
        return usage_error(op, "--timeout takes a positive number of seconds, not", a->timeout);
    if (a->retries) {
        char *end;
        errno = 0;
        *retries = strtol(a->retries, &end, 10);
        if (errno || end == a->retries || *end || *retries < 0 || *retries > 10)
            return usage_error(op, "--retries takes a whole number from 0 to 10, not", a->retries);
    }
    *base_url = a->base_url ? a->base_url : getenv("AGORA_BASE_URL");
    if (*base_url && !**base_url && !a->base_url)
        *base_url = NULL; /* an empty AGORA_BASE_URL is as good as unset */
    if (*base_url && !base_url_is_clean(*base_url)) {
        cli_printf(stderr, "acr %s: the base URL must not hold credentials, a query or a fragment: ", op->cli_name);
        print_url_safely(stderr, *base_url);
        cli_puts(stderr, "\n(credentials come from AGORA_CUSTOMER_ID and AGORA_CUSTOMER_SECRET)\n");
        return EXIT_USAGE;
    }
    const char *id = getenv("AGORA_CUSTOMER_ID");
    const char *secret = getenv("AGORA_CUSTOMER_SECRET");
    if (!id || !*id || !secret || !*secret)
        return usage_error(op, "set AGORA_CUSTOMER_ID and AGORA_CUSTOMER_SECRET in the environment", NULL);
    /* Basic authentication splits "id:secret" at the first colon (RFC 7617). */
    if (strchr(id, ':') || has_control(id))
        return usage_error(op, "AGORA_CUSTOMER_ID must not contain ':' or control characters", NULL);
    if (has_control(secret))
        return usage_error(op, "AGORA_CUSTOMER_SECRET must not contain control characters", NULL);
    return -1;
}

int cli_call(const acr_operation_desc *op, int argc, char **argv)
{
    call_args a;
    int code = parse_args(op, argc, argv, &a);
    if (code >= 0)
        return code;
    unsigned mode = 0; /* none: the operation has no mode parameter */
    if (op->mode_param >= 0) {
        mode = parse_mode(op, a.values[op->mode_param]);
        if (!mode)
            return EXIT_USAGE;
    }
    long timeout_ms = 0, retries = 3;
    const char *base_url = NULL;
    code = check_options(op, &a, &timeout_ms, &retries, &base_url);
    if (code >= 0)
        return code;

    /* The body, checked locally first. */
    void *request = NULL;
    void *response = acr_malloc(op->response->object->size);
    acr_client *client = NULL;
    acr_error err = ACR_ERROR_INIT;
    if (!response) {
        cli_printf(stderr, "acr %s: out of memory\n", op->cli_name);
        code = EXIT_USAGE;
        goto done;
    }
    memset(response, 0, op->response->object->size);
    acr_status status = ACR_OK;
    if (op->request)
        status = cli_read_request(op->request, a.path, mode, &request, &err);
    if (status == ACR_ERR_INVALID_REQUEST) {
        print_violations(op, &err);
        code = EXIT_INVALID_REQUEST;
        goto done;
    }
    if (status != ACR_OK) {
        cli_printf(stderr, "acr %s: ", op->cli_name);
        cli_put_text(stderr, cli_input_label(a.path));
        cli_puts(stderr, ": ");
        cli_put_text(stderr, err.message);
        cli_puts(stderr, "\n");
        code = EXIT_USAGE;
        goto done;
    }

    acr_client_options options = {0};
    options.app_id = op->client_param >= 0 ? a.values[op->client_param] : NULL;
    options.customer_id = getenv("AGORA_CUSTOMER_ID");
    options.customer_secret = getenv("AGORA_CUSTOMER_SECRET");
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
        print_failure(op, &err);
        code = exit_code_for(status);
        goto done;
    }
    status = acr_call(client, op, a.values, request, response, &err);
    if (status == ACR_OK) {
        code = print_response(op, response);
    } else {
        print_failure(op, &err);
        code = exit_code_for(status);
    }
done:
    acr_client_free(client);
    acr_error_clear(&err);
    if (op->request)
        cli_free_body(op->request, request);
    if (response)
        acr_free_value(op->response, response);
    acr_free(response);
    return code;
}
