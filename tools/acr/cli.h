/* acr command-line tool: what the subcommands share. */
#ifndef ACR_CLI_H
#define ACR_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "acr/engine.h"

/* Exit codes: the contract in docs/DESIGN.md. */
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

/* Reads the request body in FILE (standard input for NULL or "-") into a new
 * struct of `type`, streaming it through the parser, and checks it in `mode`
 * (0: mode rules skipped): the parse's violations and the validator's together.
 * Returns ACR_OK or ACR_ERR_INVALID_REQUEST, or why the body could not be read
 * (ACR_ERR_USAGE for an unreadable file, ACR_ERR_MALFORMED_JSON with line and
 * column, ACR_ERR_NOMEM) with err set. *body is set whatever the result;
 * release it with cli_free_body(). */
acr_status cli_read_request(const acr_type_desc *type, const char *path, unsigned mode, void **body,
                            acr_error *err);
void cli_free_body(const acr_type_desc *type, void *body);

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
