/* acr: the command-line tool. One subcommand per operation of the schema
 * (acr_operations), driven by its descriptor; plus validate. */
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#if defined(__linux__)
#include <sys/prctl.h>
#endif

#include "acr/version.h"
#include "cli.h"

const acr_operation_desc *cli_find_operation(const char *name)
{
    for (size_t i = 0; i < acr_operation_count; i++)
        if (strcmp(acr_operations[i]->cli_name, name) == 0)
            return acr_operations[i];
    return NULL;
}

const char *const *cli_mode_names(const acr_operation_desc *op, size_t *count)
{
    const acr_type_desc *type = op->request ? op->request : op->response;
    *count = type ? type->mode_count : 0;
    return type ? type->mode_names : NULL;
}

static void print_usage(FILE *out)
{
    /* One column for the synopses, as wide as the longest command the schema has. */
    size_t width = strlen("validate");
    for (size_t i = 0; i < acr_operation_count; i++) {
        size_t length = strlen(acr_operations[i]->cli_name);
        if (length > width)
            width = length;
    }
    cli_printf(out, "usage: acr <command> [options]\n\nCommands:\n  %-*s %s\n", (int)width, "validate",
               "OPERATION [--mode MODE] [--format text|json] [--max-violations N] [FILE|-]...");
    for (size_t i = 0; i < acr_operation_count; i++) {
        cli_puts(out, "  ");
        cli_print_synopsis(out, acr_operations[i], (int)width);
        cli_puts(out, "\n");
    }
    cli_puts(out, "\nOptions of the calls: --base-url URL, --timeout SECONDS, --retries N, --verbose, --help.\n"
                  "Credentials: AGORA_CUSTOMER_ID and AGORA_CUSTOMER_SECRET in the environment.\n"
                  "\nRun 'acr <command> --help' for a command's options; 'acr --version' for the version.\n");
}

/* The process holds the customer secret: a core dump must not write it to disk,
 * nor may another process of the same user read it through ptrace or /proc. */
static void keep_secrets_in_memory(void)
{
    struct rlimit none = {0, 0};
    (void)setrlimit(RLIMIT_CORE, &none);
#if defined(__linux__)
    (void)prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
#endif
}

static int run(int argc, char **argv)
{
    if (argc < 2) {
        print_usage(stderr);
        return EXIT_USAGE;
    }
    const char *command = argv[1];
    if (strcmp(command, "--help") == 0 || strcmp(command, "-h") == 0 || strcmp(command, "help") == 0) {
        print_usage(stdout);
        return EXIT_VALID;
    }
    if (strcmp(command, "--version") == 0) {
        cli_printf(stdout, "acr %s\n", ACR_VERSION_STRING);
        return EXIT_VALID;
    }
    if (strcmp(command, "validate") == 0)
        return cli_validate(argc - 1, argv + 1);
    const acr_operation_desc *op = cli_find_operation(command);
    if (op)
        return cli_call(op, argc - 1, argv + 1);
    cli_puts(stderr, "acr: unknown command '");
    cli_put_text(stderr, command);
    cli_puts(stderr, "'\n\n");
    print_usage(stderr);
    return EXIT_USAGE;
}

int main(int argc, char **argv)
{
    keep_secrets_in_memory();
    return cli_finish(run(argc, argv));
}
