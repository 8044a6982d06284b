/* acr runtime: filling and clearing acr_error. */
#include <stdio.h>
#include <string.h>

#include "acr/alloc.h"
#include "internal.h"

void acr_error_clear(acr_error *err)
{
    if (!err)
        return;
    for (size_t i = 0; i < err->violation_count; i++) {
        acr_free(err->violations[i].pointer);
        acr_free(err->violations[i].message);
    }
    acr_free(err->violations);
    acr_free(err->pointer);
    acr_free(err->reason);
    acr_free(err->request_id);
    memset(err, 0, sizeof *err);
}

void acr_error_keep_violations(acr_error *err, size_t count)
{
    while (err->violation_count > count) {
        acr_violation *v = &err->violations[--err->violation_count];
        acr_free(v->pointer);
        acr_free(v->message);
    }
    /* The buffer stays: it is at least the capacity the smaller count implies
     * (see acr_error_add_violation_v). Only an empty list gives it up. */
    if (count == 0) {
        acr_free(err->violations);
        err->violations = NULL;
    }
}

void acr_error_move(acr_error *dst, acr_error *src)
{
    if (!src)
        return;
    if (!dst || dst == src) {
        if (!dst)
            acr_error_clear(src);
        return;
    }
    acr_error_clear(dst);
    *dst = *src;
    memset(src, 0, sizeof *src);
}

const char *acr_status_name(acr_status status)
{
    switch (status) {
    case ACR_OK: return "ok";
    case ACR_ERR_INVALID_REQUEST: return "invalid request";
    case ACR_ERR_MALFORMED_JSON: return "malformed JSON";
    case ACR_ERR_TRANSPORT: return "transport error";
    case ACR_ERR_HTTP: return "HTTP error";
    case ACR_ERR_INVALID_RESPONSE: return "invalid response";
    case ACR_ERR_NOMEM: return "out of memory";
    case ACR_ERR_USAGE: return "usage error";
    case ACR_ERR_MAY_HAVE_SUCCEEDED: return "may have succeeded";
    case ACR_ERR_CANCELLED: return "cancelled";
    }
    return "unknown status";
}

acr_status acr_error_set(acr_error *err, acr_status status, const char *fmt, ...)
{
    if (!err)
        return status;
    err->status = status;
    va_list args;
    va_start(args, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, args);
    va_end(args);
    return status;
}

void acr_error_set_pointer(acr_error *err, const char *pointer)
{
    if (!err)
        return;
    acr_free(err->pointer);
    err->pointer = pointer ? acr_copy_string(pointer) : NULL;
}

/* True when `pointer` is at or below a pointer already reported: the value there
 * was rejected by the parser and never stored, so anything found at or under it
 * later is a consequence, not news. */
static bool already_reported(const acr_error *err, size_t count, const char *pointer, size_t length)
{
    for (size_t i = 0; i < count && i < err->violation_count; i++) {
        const acr_violation *v = &err->violations[i];
        if (!acr_violation_hides_below(v))
            continue;
        size_t n = v->pointer_length;
        if (n <= length && memcmp(v->pointer, pointer, n) == 0 && (n == length || pointer[n] == '/'))
            return true;
    }
    return false;
}

bool acr_violation_hides_below(const acr_violation *v)
{
    return strcmp(v->message, ACR_DUPLICATE_MESSAGE) != 0 &&
           strncmp(v->message, ACR_REPEATED_PREFIX, sizeof ACR_REPEATED_PREFIX - 1) != 0;
}

bool acr_error_add_violation_v(acr_error *err, const char *pointer, size_t pointer_length, size_t dedupe_count,
                               const char *fmt, va_list args)
{
    if (dedupe_count && already_reported(err, dedupe_count, pointer, pointer_length))
        return true;
    /* acr_error has no capacity member: the capacity is implied by the count
     * (4, then doubling), so grow exactly when the count reaches it. */
    size_t n = err->violation_count;
    if (n == 0 || (n >= 4 && (n & (n - 1)) == 0)) {
        size_t capacity = n ? n * 2 : 4;
        acr_violation *grown = acr_realloc(err->violations, capacity * sizeof *grown);
        if (!grown)
            return false;
        err->violations = grown;
    }
    char message[ACR_ERROR_MESSAGE_MAX];
    vsnprintf(message, sizeof message, fmt, args);
    char *p = acr_copy_text(pointer, pointer_length);
    char *m = acr_copy_string(message);
    if (!p || !m) {
        acr_free(p);
        acr_free(m);
        return false;
    }
    err->violations[n].pointer = p;
    err->violations[n].message = m;
    err->violations[n].pointer_length = pointer_length;
    err->violation_count = n + 1;
    return true;
}

bool acr_error_add_violation(acr_error *err, const char *pointer, size_t pointer_length, size_t dedupe_count,
                             const char *fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    bool ok = acr_error_add_violation_v(err, pointer, pointer_length, dedupe_count, fmt, args);
    va_end(args);
    return ok;
}
