/* acr command-line tool: reading a request body from a file or standard input. */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "acr/alloc.h"
#include "cli.h"

const char *cli_input_label(const char *path)
{
    return !path || strcmp(path, "-") == 0 ? "<stdin>" : path;
}

static acr_status parse_file(const char *path, acr_parser *parser, acr_error *err)
{
    bool from_stdin = !path || strcmp(path, "-") == 0;
    FILE *in = from_stdin ? stdin : fopen(path, "rb");
    if (!in) {
        acr_error_clear(err);
        err->status = ACR_ERR_USAGE;
        snprintf(err->message, sizeof err->message, "cannot open: %s", strerror(errno));
        return ACR_ERR_USAGE;
    }
    /* Stream the body through the parser, which stops past ACR_MAX_REQUEST_BYTES. */
    static char chunk[64 * 1024];
    acr_status status = ACR_OK;
    for (bool first = true;; first = false) {
        size_t n = fread(chunk, 1, sizeof chunk, in);
        /* JSON text must not start with one (RFC 8259), and "invalid character"
         * would not say what is wrong with a file an editor wrote. */
        if (first && n >= 3 && memcmp(chunk, "\xEF\xBB\xBF", 3) == 0) {
            acr_error_clear(err);
            err->status = status = ACR_ERR_MALFORMED_JSON;
            err->line = err->column = 1;
            snprintf(err->message, sizeof err->message,
                     "line 1, column 1: the input starts with a UTF-8 byte order mark (EF BB BF); "
                     "JSON text must not, remove it");
            break;
        }
        if (n > 0) {
            status = acr_parser_feed(parser, chunk, n, err);
            if (status != ACR_OK)
                break;
        }
        if (n < sizeof chunk) {
            if (ferror(in)) {
                acr_error_clear(err);
                err->status = status = ACR_ERR_USAGE;
                snprintf(err->message, sizeof err->message, "cannot read: %s", strerror(errno));
            } else {
                status = acr_parser_finish(parser, err);
            }
            break;
        }
    }
    if (!from_stdin)
        fclose(in);
    return status;
}

acr_status cli_read_request(const acr_type_desc *type, const char *path, unsigned mode, void **body,
                            acr_error *err)
{
    /* The engine only needs the struct's size to fill one. */
    *body = acr_malloc(type->object->size);
    acr_parser *parser = *body ? acr_parser_new(type, memset(*body, 0, type->object->size), NULL) : NULL;
    if (!parser) {
        acr_error_clear(err);
        err->status = ACR_ERR_NOMEM;
        snprintf(err->message, sizeof err->message, "out of memory");
        return ACR_ERR_NOMEM;
    }
    acr_status status = parse_file(path, parser, err);
    acr_parser_free(parser);
    if (status == ACR_OK || status == ACR_ERR_INVALID_REQUEST)
        status = acr_validate(type, *body, mode, err);
    return status;
}

void cli_free_body(const acr_type_desc *type, void *body)
{
    if (body)
        acr_free_value(type, body);
    acr_free(body);
}

const char *cli_option_value(int argc, char **argv, int *i, const char *name)
{
    size_t n = strlen(name);
    const char *arg = argv[*i];
    if (strncmp(arg, name, n) != 0)
        return NULL;
    if (arg[n] == '=')
        return arg + n + 1;
    if (arg[n] == '\0' && *i + 1 < argc)
        return argv[++*i];
    return NULL;
}
