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

acr_status cli_parse_body(const char *path, acr_parser *parser, acr_error *err)
{
    bool from_stdin = !path || strcmp(path, "-") == 0;
    FILE *in = from_stdin ? stdin : fopen(path, "rb");
    if (!in) {
        acr_error_clear(err);
        err->status = ACR_ERR_USAGE;
        snprintf(err->message, sizeof err->message, "cannot open: %s", strerror(errno));
        return ACR_ERR_USAGE;
    }
    /* Stream the body through the parser: no size limit, no whole-file buffer. */
    static char chunk[64 * 1024];
    acr_status status = ACR_OK;
    for (;;) {
        size_t n = fread(chunk, 1, sizeof chunk, in);
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
