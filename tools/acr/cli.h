/* acr command-line tool: what the subcommands share. */
#ifndef ACR_CLI_H
#define ACR_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "acr/engine.h"

/* Exit codes: the contract in DESIGN.md. */
enum {
    EXIT_VALID = 0,
    EXIT_INVALID_REQUEST = 1,
    EXIT_USAGE = 2,          /* usage error, unreadable input, malformed JSON */
    EXIT_HTTP = 3,
    EXIT_TRANSPORT = 4,
    EXIT_INVALID_RESPONSE = 5,
    /* A retried call whose retry got "already done" (stop: 400/49 or 404): the
     * first attempt has most likely succeeded. */
    EXIT_MAY_HAVE_SUCCEEDED = 6
};

/* Reads FILE (or standard input for NULL or "-") in chunks into `parser`, then
 * finishes it. `label` receives the name to show in messages. Returns the
 * parser's status; an unreadable file is ACR_ERR_USAGE with the reason in err. */
acr_status cli_parse_body(const char *path, acr_parser *parser, acr_error *err);

/* The name of the input in messages: the path, or "<stdin>". */
const char *cli_input_label(const char *path);

/* The value of option `name` given as "--name VALUE" or "--name=VALUE" at
 * argv[*i] (advancing *i past a separate value), or NULL when argv[*i] is not
 * that option. */
const char *cli_option_value(int argc, char **argv, int *i, const char *name);

int cli_validate(int argc, char **argv);

/* Prints a violation's pointer on one line (control characters as \u00XX). */
void cli_print_pointer(FILE *out, const acr_violation *v);

/* acr update / acr stop: argv[0] is the command's name. */
int cli_call(const acr_operation_desc *op, int argc, char **argv);

#endif
