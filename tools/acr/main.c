/* acr: the command-line tool. Subcommands live in their own files. */
#include <stdio.h>
#include <string.h>

#include "acr/version.h"
#include "acr_api.h"
#include "cli.h"

static const char usage[] =
    "usage: acr <command> [options]\n"
    "\n"
    "Commands:\n"
    "  validate update|stop [--mode individual|mix|web] [--format text|json] [FILE|-]\n"
    "            check a request body against the schema without sending it\n"
    "  update --appid ID --resource-id RID --sid SID --mode MODE [options] [FILE|-]\n"
    "            update a recording's settings (subscriptions, web page recording, CDN push,\n"
    "            storage credentials)\n"
    "  stop   --appid ID --resource-id RID --sid SID --mode MODE [options] [FILE|-]\n"
    "            stop a recording\n"
    "\n"
    "Credentials for update and stop: AGORA_CUSTOMER_ID and AGORA_CUSTOMER_SECRET in the\n"
    "environment. Options: --base-url URL, --timeout SECONDS, --verbose, --help.\n"
    "\n"
    "Run 'acr <command> --help' for a command's options; 'acr --version' for the version.\n";

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs(usage, stderr);
        return EXIT_USAGE;
    }
    const char *command = argv[1];
    if (strcmp(command, "--help") == 0 || strcmp(command, "-h") == 0 || strcmp(command, "help") == 0) {
        fputs(usage, stdout);
        return EXIT_VALID;
    }
    if (strcmp(command, "--version") == 0) {
        printf("acr %s\n", ACR_VERSION_STRING);
        return EXIT_VALID;
    }
    if (strcmp(command, "validate") == 0)
        return cli_validate(argc - 1, argv + 1);
    if (strcmp(command, "update") == 0)
        return cli_call(&acr_update_operation, argc - 1, argv + 1);
    if (strcmp(command, "stop") == 0)
        return cli_call(&acr_stop_operation, argc - 1, argv + 1);
    fprintf(stderr, "acr: unknown command '%s'\n\n%s", command, usage);
    return EXIT_USAGE;
}
