/* acr validate: check request bodies against the schema without sending them. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yajl/yajl_gen.h>

#include "acr/alloc.h"
#include "cli.h"

#define DEFAULT_MAX_VIOLATIONS 100

static void print_validate_usage(FILE *out)
{
    cli_puts(out, "usage: acr validate OPERATION [--mode MODE] [--format text|json] [--max-violations N]\n"
                  "                    [FILE|-]...\n\nOPERATION: ");
    bool first = true;
    for (size_t i = 0; i < acr_operation_count; i++)
        if (acr_operations[i]->request) {
            cli_printf(out, "%s%s", first ? "" : ", ", acr_operations[i]->cli_name);
            first = false;
        }
    cli_puts(out,
             "\n\n"
             "Checks request bodies (the whole JSON body the API takes) against every rule of\n"
             "the schema, without sending anything. FILE defaults to standard input; any\n"
             "number may be given. Without --mode, rules that depend on the recording mode are\n"
             "skipped (a note on standard error says so).\n"
             "\n"
             "Output: one line per violation, \"POINTER: message\", where POINTER is an RFC 6901\n"
             "JSON pointer into the body (the root is the empty string), preceded by\n"
             "\"FILE: \" when several files are checked. At most --max-violations (default 100;\n"
             "0: no limit) are listed per file, then \"and N more\" on standard error. A\n"
             "one-line summary goes to standard error.\n"
             "\n"
             "--format json prints one JSON array for the whole run: {\"pointer\", \"message\"}\n"
             "per violation; {\"error\": \"malformed\", \"message\", \"line\", \"column\"} or\n"
             "{\"error\": \"unreadable\", \"message\"} for a file that could not be checked;\n"
             "{\"omitted\": N, \"message\"} when violations were left out; each with \"file\"\n"
             "when several files are checked.\n"
             "\n"
             "Exit status: 0 every body is valid; 1 at least one breaks a rule; 2 usage error,\n"
             "an unreadable file or malformed JSON (reported with line and column), or a failed\n"
             "write of the output.\n");
}

static int usage_error(const char *what, const char *arg, const char *hint)
{
    cli_printf(stderr, "acr validate: %s", what);
    if (arg) {
        cli_puts(stderr, " '");
        cli_put_text(stderr, arg);
        cli_puts(stderr, "'");
    }
    cli_puts(stderr, "\n(acr validate --help shows the usage)\n");
    if (hint)
        cli_printf(stderr, "%s\n", hint);
    return EXIT_USAGE;
}

/* True when `object` (or an object under it, to `depth` levels) has a rule
 * that depends on the mode. */
static bool has_mode_rules(const acr_object_desc *object, int depth)
{
    if (!object || depth == 0)
        return false;
    for (size_t i = 0; i < object->rule_count; i++)
        if (object->rules[i].kind == ACR_RULE_CONDITIONAL && object->rules[i].condition == ACR_IF_MODE)
            return true;
    for (size_t i = 0; i < object->field_count; i++) {
        const acr_field_desc *f = &object->fields[i];
        if (f->modes)
            return true;
        const acr_value_desc *v = f->value;
        while (v->items)
            v = v->items;
        if (has_mode_rules(v->object, depth - 1))
            return true;
    }
    return false;
}

/* --mode means something for `op`: it has a mode in its path, or its body has
 * rules for a later call's mode (acquire: the start's; schema/README.md). */
static bool takes_mode(const acr_operation_desc *op)
{
    return op->mode_param >= 0 || has_mode_rules(op->request->object, 32);
}

typedef struct run {
    const acr_operation_desc *op;
    unsigned mode;
    bool json, several;
    size_t max_violations; /* 0: no limit */
    yajl_gen gen;          /* --format json: the one array of the run */
    size_t valid, invalid, unchecked, violations;
} run;

static void json_piece(void *ctx, const char *text, size_t length)
{
    (void)ctx;
    cli_write(stdout, text, length);
}

static void json_string(yajl_gen g, const char *text, size_t length)
{
    yajl_gen_string(g, (const unsigned char *)text, length);
}

static void json_key(yajl_gen g, const char *key)
{
    json_string(g, key, strlen(key));
}

static void json_open(run *r, const char *label)
{
    yajl_gen_map_open(r->gen);
    if (r->several) {
        json_key(r->gen, "file");
        json_string(r->gen, label, strlen(label));
    }
}

static void text_prefix(const run *r, const char *label)
{
    if (r->several) {
        cli_put_text(stdout, label);
        cli_puts(stdout, ": ");
    }
}

static void report_violations(run *r, const char *label, const acr_error *err)
{
    size_t shown = err->violation_count;
    if (r->max_violations && shown > r->max_violations)
        shown = r->max_violations;
    for (size_t i = 0; i < shown; i++) {
        const acr_violation *v = &err->violations[i];
        if (r->json) {
            json_open(r, label);
            json_key(r->gen, "pointer");
            json_string(r->gen, v->pointer, v->pointer_length);
            json_key(r->gen, "message");
            json_string(r->gen, v->message, strlen(v->message));
            yajl_gen_map_close(r->gen);
        } else {
            text_prefix(r, label);
            cli_put_escaped(stdout, v->pointer, v->pointer_length);
            cli_puts(stdout, ": ");
            cli_put_text(stdout, v->message);
            cli_puts(stdout, "\n");
        }
    }
    size_t more = err->violation_count - shown;
    if (!more)
        return;
    char message[96];
    snprintf(message, sizeof message, "and %zu more violation%s", more, more == 1 ? "" : "s");
    if (r->json) {
        json_open(r, label);
        json_key(r->gen, "omitted");
        yajl_gen_integer(r->gen, (long long)more);
        json_key(r->gen, "message");
        json_string(r->gen, message, strlen(message));
        yajl_gen_map_close(r->gen);
    }
    cli_puts(stderr, "acr validate: ");
    cli_put_text(stderr, label);
    cli_printf(stderr, ": %s (--max-violations 0 lists all)\n", message);
}

static void report_unchecked(run *r, const char *label, const acr_error *err)
{
    if (r->json) {
        json_open(r, label);
        json_key(r->gen, "error");
        json_key(r->gen, err->status == ACR_ERR_MALFORMED_JSON ? "malformed" : "unreadable");
        json_key(r->gen, "message");
        json_string(r->gen, err->message, strlen(err->message));
        if (err->status == ACR_ERR_MALFORMED_JSON && err->line) {
            json_key(r->gen, "line");
            yajl_gen_integer(r->gen, (long long)err->line);
            json_key(r->gen, "column");
            yajl_gen_integer(r->gen, (long long)err->column);
        }
        yajl_gen_map_close(r->gen);
    }
    cli_puts(stderr, "acr validate: ");
    cli_put_text(stderr, label);
    cli_puts(stderr, ": ");
    cli_put_text(stderr, err->message);
    cli_puts(stderr, "\n");
}

static void check_one(run *r, const char *path)
{
    const char *label = cli_input_label(path);
    void *body;
    acr_error err = ACR_ERROR_INIT;
    acr_status status = cli_read_request(r->op->request, path, r->mode, &body, &err);
    cli_free_body(r->op->request, body);
    if (status == ACR_OK) {
        r->valid++;
    } else if (status == ACR_ERR_INVALID_REQUEST) {
        r->invalid++;
        r->violations += err.violation_count;
        report_violations(r, label, &err);
    } else {
        r->unchecked++;
        report_unchecked(r, label, &err);
    }
    acr_error_clear(&err);
}

static void print_summary(const run *r)
{
    size_t files = r->valid + r->invalid + r->unchecked;
    cli_printf(stderr, "acr validate: %zu file%s: %zu valid, %zu invalid (%zu violation%s), %zu not checked\n", files,
               files == 1 ? "" : "s", r->valid, r->invalid, r->violations, r->violations == 1 ? "" : "s",
               r->unchecked);
}

int cli_validate(int argc, char **argv)
{
    const char *operation = NULL, *mode_text = NULL, *format = "text", *max_text = NULL;
    /* The files, in argv order: at most argc of them. */
    const char **paths = acr_malloc(sizeof *paths * (size_t)(argc > 0 ? argc : 1));
    size_t path_count = 0;
    if (!paths) {
        cli_puts(stderr, "acr validate: out of memory\n");
        return EXIT_USAGE;
    }
    int code = -1;
    for (int i = 1; code < 0 && i < argc; i++) {
        const char *arg = argv[i], *value;
        if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
            print_validate_usage(stdout);
            code = EXIT_VALID;
        } else if ((value = cli_option_value(argc, argv, &i, "--mode"))) {
            mode_text = value;
        } else if ((value = cli_option_value(argc, argv, &i, "--format"))) {
            format = value;
        } else if ((value = cli_option_value(argc, argv, &i, "--max-violations"))) {
            max_text = value;
        } else if (strncmp(arg, "--", 2) == 0 && arg[2] != '\0') {
            code = usage_error("unknown option, or option without its value:", arg, NULL);
        } else if (!operation) {
            operation = arg;
        } else {
            paths[path_count++] = arg;
        }
    }
    run r = {0};
    if (code < 0 && !operation)
        code = usage_error("name the operation whose request body to check", NULL, NULL);
    if (code < 0 && !(r.op = cli_find_operation(operation)))
        code = usage_error("unknown operation", operation, NULL);
    if (code < 0 && !r.op->request)
        code = usage_error("this operation takes no request body:", operation, NULL);
    if (code < 0 && mode_text) {
        size_t count;
        const char *const *names = cli_mode_names(r.op, &count);
        for (size_t m = 1; names && m <= count && !r.mode; m++)
            if (strcmp(mode_text, names[m - 1]) == 0)
                r.mode = (unsigned)m;
        if (!r.mode)
            code = usage_error("unknown mode", mode_text, "expected one of the schema's modes (lower case)");
        else if (!takes_mode(r.op) || (r.op->mode_allowed && !((r.op->mode_allowed >> (r.mode - 1)) & 1u)))
            code = usage_error("this operation does not take the mode", mode_text, NULL);
    }
    if (code < 0 && !mode_text && r.op->mode_param >= 0)
        r.mode = (unsigned)cli_only_mode(r.op); /* one mode allowed: its rules apply */
    if (code < 0 && strcmp(format, "text") != 0 && strcmp(format, "json") != 0)
        code = usage_error("unknown format", format, "expected text or json");
    r.max_violations = DEFAULT_MAX_VIOLATIONS;
    if (code < 0 && max_text) {
        char *end;
        errno = 0;
        long long n = strtoll(max_text, &end, 10);
        if (errno || end == max_text || *end || n < 0)
            code = usage_error("--max-violations takes a whole number (0: no limit), not", max_text, NULL);
        else
            r.max_violations = (size_t)n;
    }
    if (code >= 0) {
        acr_free(paths);
        return code;
    }

    if (path_count == 0)
        paths[path_count++] = "-";
    r.several = path_count > 1;
    r.json = strcmp(format, "json") == 0;
    if (r.json) {
        r.gen = yajl_gen_alloc(NULL);
        if (!r.gen) {
            acr_free(paths);
            cli_puts(stderr, "acr validate: out of memory\n");
            return EXIT_USAGE;
        }
        yajl_gen_config(r.gen, yajl_gen_print_callback, json_piece, NULL);
        yajl_gen_array_open(r.gen);
    }
    for (size_t i = 0; i < path_count; i++)
        check_one(&r, paths[i]);
    if (r.json) {
        yajl_gen_array_close(r.gen);
        yajl_gen_free(r.gen);
        cli_puts(stdout, "\n");
    }
    /* The report first, then the note and summary, when both go to one terminal. */
    cli_flush(stdout);
    if (!r.mode && takes_mode(r.op) && r.valid + r.invalid > 0)
        cli_puts(stderr, "acr validate: note: no --mode given, so the rules that depend on the mode were skipped\n");
    print_summary(&r);
    acr_free(paths);
    return r.unchecked ? EXIT_USAGE : r.invalid ? EXIT_INVALID_REQUEST : EXIT_VALID;
}
