/* acr validate: check a request body against the schema without sending it. */
#include <stdio.h>
#include <string.h>

#include <yajl/yajl_gen.h>

#include "acr/alloc.h"
#include "acr_api.h"
#include "cli.h"

static const char validate_usage[] =
    "usage: acr validate update|stop [--mode individual|mix|web] [--format text|json] [FILE|-]\n"
    "\n"
    "Checks a request body (the whole JSON body the API takes: cname, uid,\n"
    "clientRequest) against every rule of the schema, without sending anything.\n"
    "FILE defaults to standard input. Without --mode, rules that depend on the\n"
    "recording mode are skipped.\n"
    "\n"
    "Output: one line per violation, \"POINTER: message\", where POINTER is an RFC 6901\n"
    "JSON pointer into the body (the root is the empty string); --format json prints\n"
    "a JSON array of {\"pointer\": ..., \"message\": ...} instead.\n"
    "\n"
    "Exit status: 0 valid; 1 the body breaks at least one rule; 2 usage error,\n"
    "unreadable input or malformed JSON (reported with line and column).\n";

/* A pointer on one line: control characters (possible in JSON keys) are shown
 * as \u00XX, so each violation stays one line. */
void cli_print_pointer(FILE *out, const acr_violation *v)
{
    for (size_t i = 0; i < v->pointer_length; i++) {
        unsigned char c = (unsigned char)v->pointer[i];
        if (c < 0x20 || c == 0x7F)
            fprintf(out, "\\u%04x", c);
        else
            fputc(c, out);
    }
}

static void print_text(const acr_error *err)
{
    for (size_t i = 0; i < err->violation_count; i++) {
        cli_print_pointer(stdout, &err->violations[i]);
        printf(": %s\n", err->violations[i].message);
    }
}

static void print_piece(void *ctx, const char *text, size_t length)
{
    fwrite(text, 1, length, ctx);
}

static int print_json(const acr_error *err)
{
    yajl_gen g = yajl_gen_alloc(NULL);
    if (!g)
        return -1;
    yajl_gen_config(g, yajl_gen_print_callback, print_piece, (void *)stdout);
    yajl_gen_array_open(g);
    for (size_t i = 0; i < err->violation_count; i++) {
        const acr_violation *v = &err->violations[i];
        yajl_gen_map_open(g);
        yajl_gen_string(g, (const unsigned char *)"pointer", 7);
        yajl_gen_string(g, (const unsigned char *)v->pointer, v->pointer_length);
        yajl_gen_string(g, (const unsigned char *)"message", 7);
        yajl_gen_string(g, (const unsigned char *)v->message, strlen(v->message));
        yajl_gen_map_close(g);
    }
    yajl_gen_array_close(g);
    yajl_gen_free(g);
    putchar('\n');
    return 0;
}

static int usage_error(const char *what, const char *arg, const char *hint)
{
    fprintf(stderr, "acr validate: %s%s%s%s\n(acr validate --help shows the usage)\n",
            what, arg ? " '" : "", arg ? arg : "", arg ? "'" : "");
    if (hint)
        fprintf(stderr, "%s\n", hint);
    return EXIT_USAGE;
}

int cli_validate(int argc, char **argv)
{
    const char *document = NULL, *mode_text = NULL, *format = "text", *path = NULL;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i], *value;
        if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
            fputs(validate_usage, stdout);
            return EXIT_VALID;
        } else if ((value = cli_option_value(argc, argv, &i, "--mode"))) {
            mode_text = value;
        } else if ((value = cli_option_value(argc, argv, &i, "--format"))) {
            format = value;
        } else if (strncmp(arg, "--", 2) == 0 && arg[2] != '\0') {
            return usage_error("unknown option, or option without its value:", arg, NULL);
        } else if (!document) {
            document = arg;
        } else if (!path) {
            path = arg;
        } else {
            return usage_error("unexpected argument", arg, NULL);
        }
    }
    const acr_type_desc *type;
    if (!document)
        return usage_error("name the request to check: update or stop", NULL, NULL);
    if (strcmp(document, "update") == 0)
        type = &acr_update_request_type;
    else if (strcmp(document, "stop") == 0)
        type = &acr_stop_request_type;
    else
        return usage_error("unknown request", document, "expected update or stop");
    acr_mode mode = ACR_MODE_ANY;
    if (mode_text && !acr_mode_parse(mode_text, &mode))
        return usage_error("unknown mode", mode_text, "expected individual, mix or web (lower case)");
    if (strcmp(format, "text") != 0 && strcmp(format, "json") != 0)
        return usage_error("unknown format", format, "expected text or json");

    void *body;
    acr_error err = ACR_ERROR_INIT;
    acr_status status = cli_read_request(type, path, (unsigned)mode, &body, &err);
    cli_free_body(type, body);

    int code;
    if (status == ACR_OK || status == ACR_ERR_INVALID_REQUEST) {
        if (strcmp(format, "json") == 0)
            print_json(&err);
        else
            print_text(&err);
        code = status == ACR_OK ? EXIT_VALID : EXIT_INVALID_REQUEST;
    } else {
        fprintf(stderr, "acr validate: %s: %s\n", cli_input_label(path), err.message);
        code = EXIT_USAGE;
    }
    acr_error_clear(&err);
    return code;
}
