/* acr command-line tool: every byte it prints goes through here, so each write
 * is checked and text from outside (the network, a request body) is escaped. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

/* A failed write to stdout (the result) or stderr (the diagnostics). */
static bool out_failed, err_failed;
static int out_errno;

static void note(FILE *stream, int result)
{
    if (result >= 0)
        return;
    if (stream == stdout) {
        if (!out_failed)
            out_errno = errno;
        out_failed = true;
    } else {
        err_failed = true;
    }
}

#if defined(__GNUC__)
__attribute__((format(printf, 2, 0)))
#endif
static void cli_vprintf(FILE *stream, const char *format, va_list args)
{
    note(stream, vfprintf(stream, format, args));
}

void cli_printf(FILE *stream, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    cli_vprintf(stream, format, args);
    va_end(args);
}

void cli_write(FILE *stream, const char *text, size_t length)
{
    if (length && fwrite(text, 1, length, stream) != length)
        note(stream, -1);
}

void cli_puts(FILE *stream, const char *text)
{
    cli_write(stream, text, strlen(text));
}

void cli_put_escaped(FILE *stream, const char *text, size_t length)
{
    size_t start = 0;
    for (size_t i = 0; i < length; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c < 0x20 || c == 0x7F) {
            cli_write(stream, text + start, i - start);
            cli_printf(stream, "\\u%04x", c);
            start = i + 1;
        }
    }
    cli_write(stream, text + start, length - start);
}

void cli_put_text(FILE *stream, const char *text)
{
    if (text)
        cli_put_escaped(stream, text, strlen(text));
}

void cli_flush(FILE *stream)
{
    if (fflush(stream) != 0)
        note(stream, -1);
}

int cli_finish(int code)
{
    /* The result is only delivered once it is out of stdio's buffer and the
     * descriptor took it: a full disk or a closed pipe is an error. */
    if (fflush(stdout) != 0)
        note(stdout, -1);
    if (fclose(stdout) != 0)
        note(stdout, -1);
    if (out_failed) {
        cli_printf(stderr, "acr: cannot write the output: %s\n", strerror(out_errno ? out_errno : EIO));
        if (code == EXIT_VALID || code == EXIT_INVALID_REQUEST)
            code = EXIT_USAGE;
    }
    if (fflush(stderr) != 0)
        err_failed = true;
    /* Diagnostics that could not be written: success must not be claimed. */
    if (err_failed && code == EXIT_VALID)
        code = EXIT_USAGE;
    return code;
}
