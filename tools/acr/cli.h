/* acr command-line tool: what the subcommands share. */
#ifndef ACR_CLI_H
#define ACR_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "acr/engine.h"
#include "acr/tables.h"

/* Every operation of the schema, then NULL: generated beside the API (acr_api.c).
 * Declared here so that the tool builds against any generated API (the tests
 * build it for a second schema too). */
extern const acr_operation_desc *const acr_operations[];
extern const size_t acr_operation_count;

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

/* acr validate OPERATION ...: argv[0] is "validate". */
int cli_validate(int argc, char **argv);

/* acr OPERATION ...: any operation of the schema, driven by its descriptor;
 * argv[0] is the command's name. */
int cli_call(const acr_operation_desc *op, int argc, char **argv);

/* "update --appid APPID ... [options] [FILE|-]": op's options, from its descriptor. */
void cli_print_synopsis(FILE *out, const acr_operation_desc *op, int name_width);

/* The operation whose subcommand is `name`, or NULL. */
const acr_operation_desc *cli_find_operation(const char *name);

/* The only mode `op` accepts (updateLayout: mix), or 0. */
size_t cli_only_mode(const acr_operation_desc *op);

/* The names of `op`'s modes (from its request or response type), or NULL. */
const char *const *cli_mode_names(const acr_operation_desc *op, size_t *count);

/* Output (output.c). Every write is checked; cli_finish() flushes and closes
 * stdout and turns a failed write into exit 2 with its own message. */
void cli_printf(FILE *stream, const char *format, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
void cli_write(FILE *stream, const char *text, size_t length);
void cli_puts(FILE *stream, const char *text);
/* Text from outside (the network, a request body): C0 controls and DEL are
 * written as \u00XX, so it can neither forge lines nor drive a terminal. */
void cli_put_escaped(FILE *stream, const char *text, size_t length);
void cli_put_text(FILE *stream, const char *text);
void cli_flush(FILE *stream);
int cli_finish(int code);

#endif
