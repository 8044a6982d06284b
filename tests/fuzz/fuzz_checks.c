/* The properties the fuzz targets check: see fuzz_checks.h. Shared, unchanged,
 * by the libFuzzer targets and by tests/unit/test_fuzz_regressions.c, so a
 * regression input is replayed through exactly the checks that found it. */
#include "fuzz_checks.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yajl/yajl_parse.h>
#include <yajl/yajl_tree.h>

#include "acr/alloc.h"
#include "acr/engine.h"
#include "internal.h"

/* --- reporting --- */

static char failure[2048];

static const char *failed(const char *fmt, ...) ACR_PRINTF(1, 2);
static const char *failed(const char *fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    vsnprintf(failure, sizeof failure, fmt, args);
    va_end(args);
    return failure;
}

/* In a function with a `result` variable and a `done:` label. */
#define FAIL_IF(condition, ...)                                                                                        \
    do {                                                                                                               \
        if (condition) {                                                                                               \
            result = failed(__VA_ARGS__);                                                                              \
            goto done;                                                                                                 \
        }                                                                                                              \
    } while (0)

#define PASS_ON(call)                                                                                                  \
    do {                                                                                                               \
        result = (call);                                                                                               \
        if (result)                                                                                                    \
            goto done;                                                                                                 \
    } while (0)

static const char *type_name(const acr_type_desc *type) { return type->object->name; }

/* Every request type (requests) or response type (the 200 and error bodies) of
 * the operation tables, each once, in table order: the targets cover a new
 * operation of the schema without a change here. Returns how many. */
static size_t table_types(bool requests, const acr_type_desc *const **out)
{
    static const acr_type_desc *lists[2][2 * ACR_OPERATION_COUNT];
    static size_t counts[2];
    static bool filled;
    if (!filled) {
        for (size_t i = 0; acr_operations[i]; i++) {
            const acr_operation_desc *op = acr_operations[i];
            const acr_type_desc *found[3] = {op->request, op->response, op->error};
            for (size_t k = 0; k < 3; k++) {
                size_t list = k == 0 ? 0 : 1;
                bool known = !found[k];
                for (size_t j = 0; j < counts[list] && !known; j++)
                    known = lists[list][j] == found[k];
                if (!known)
                    lists[list][counts[list]++] = found[k];
            }
        }
        filled = true;
    }
    *out = lists[requests ? 0 : 1];
    return counts[requests ? 0 : 1];
}

/* --- chunking: byte 0 of the input chooses how the document is cut --- */

/* selector & 3: 0 one byte at a time; 1 two pieces, the first (selector >> 2)/63
 * of the document; 2 pieces of (selector >> 2) + 1 bytes; 3 pseudo-random
 * pieces of 0 to 16 bytes (0: an empty feed, which must change nothing). */
typedef struct chunk_plan {
    unsigned mode;
    unsigned parameter;
    size_t calls;
    uint32_t random;
} chunk_plan;

static chunk_plan fuzz_chunk_plan(uint8_t selector)
{
    chunk_plan plan = {selector & 3u, (unsigned)selector >> 2, 0, 0x9E3779B9u ^ selector};
    return plan;
}

static size_t next_chunk(chunk_plan *plan, size_t total, size_t remaining)
{
    size_t n = remaining;
    switch (plan->mode) {
    case 0:
        n = 1;
        break;
    case 1:
        n = plan->calls == 0 ? total * plan->parameter / 63 : remaining;
        break;
    case 2:
        n = (size_t)plan->parameter + 1;
        break;
    default:
        plan->random ^= plan->random << 13;
        plan->random ^= plan->random >> 17;
        plan->random ^= plan->random << 5;
        n = plan->random % 17;
        break;
    }
    plan->calls++;
    return n < remaining ? n : remaining;
}

/* --- one parse and what it leaves --- */

typedef struct outcome {
    acr_status status;
    acr_error err;
    acr_status json_status;     /* serializing what the parser built */
    char *json;
    size_t json_length;
    char refused[512];          /* the pointer the serializer refused, or "" */
} outcome;

#define OUTCOME_INIT {ACR_OK, ACR_ERROR_INIT, ACR_OK, NULL, 0, ""}

static void outcome_free(outcome *o)
{
    acr_error_clear(&o->err);
    acr_free(o->json);
    o->json = NULL;
}

static void serialize_into(const acr_type_desc *type, const void *value, outcome *o)
{
    acr_error err = ACR_ERROR_INIT;
    o->json_status = acr_to_json(type, value, &o->json, &o->json_length, &err);
    o->refused[0] = '\0';
    if (err.violation_count == 1 && err.violations[0].pointer_length < sizeof o->refused) {
        memcpy(o->refused, err.violations[0].pointer, err.violations[0].pointer_length);
        o->refused[err.violations[0].pointer_length] = '\0';
    }
    acr_error_clear(&err);
}

static bool fatal(acr_status status) { return status != ACR_OK && status != ACR_ERR_INVALID_REQUEST; }

/* True when err holds a violation at exactly `pointer`. */
static bool violation_at(const acr_error *err, const char *pointer)
{
    size_t n = strlen(pointer);
    for (size_t i = 0; i < err->violation_count; i++)
        if (err->violations[i].pointer_length == n && memcmp(err->violations[i].pointer, pointer, n) == 0)
            return true;
    return false;
}

/* Parses `doc` into `value` (zeroed, type->object->size bytes) in one piece, or
 * chunk by chunk when `plan` is not NULL, then serializes what was built. */
static const char *run_parse(const acr_type_desc *type, const uint8_t *doc, size_t length, chunk_plan *plan,
                             void *value, outcome *o)
{
    const char *result = NULL;
    if (!plan) {
        o->status = acr_parse(type, doc, length, value, &o->err);
        serialize_into(type, value, o);
        return NULL;
    }
    acr_parser *p = acr_parser_new(type, value, NULL);
    FAIL_IF(!p, "%s: acr_parser_new failed", type_name(type));
    acr_status status = ACR_OK;
    size_t at = 0;
    while (at < length && status == ACR_OK) {
        size_t n = next_chunk(plan, length, length - at);
        status = acr_parser_feed(p, doc + at, n, &o->err);
        at += n;
    }
    if (status == ACR_OK) {
        status = acr_parser_finish(p, &o->err);
        acr_error again = ACR_ERROR_INIT;
        acr_status second = acr_parser_finish(p, &again);
        acr_error_clear(&again);
        FAIL_IF(second == ACR_OK, "%s: acr_parser_finish succeeded twice", type_name(type));
    } else {
        /* engine.h: after a failure, further calls return the same status. */
        acr_error again = ACR_ERROR_INIT;
        acr_status fed = acr_parser_feed(p, "{", 1, &again);
        acr_status finished = acr_parser_finish(p, &again);
        acr_error_clear(&again);
        FAIL_IF(fed != status || finished != status,
                "%s: after failing with %s, feed returned %s and finish %s", type_name(type),
                acr_status_name(status), acr_status_name(fed), acr_status_name(finished));
    }
    o->status = status;
    serialize_into(type, value, o);
done:
    acr_parser_free(p);
    return result;
}

/* --- comparing outcomes --- */

static bool same_text(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

static const char *compare_errors(const acr_type_desc *type, const acr_error *a, const acr_error *b,
                                  const char *what)
{
    const char *name = type_name(type);
    if (a->status != b->status)
        return failed("%s, %s: status %s, but %s in one piece", name, what, acr_status_name(b->status),
                      acr_status_name(a->status));
    if (strcmp(a->message, b->message) != 0)
        return failed("%s, %s: message \"%s\", but \"%s\" in one piece", name, what, b->message, a->message);
    if (!same_text(a->pointer, b->pointer))
        return failed("%s, %s: error pointer \"%s\", but \"%s\" in one piece", name, what,
                      b->pointer ? b->pointer : "(null)", a->pointer ? a->pointer : "(null)");
    if (a->line != b->line || a->column != b->column || a->offset != b->offset)
        return failed("%s, %s: position %lu:%lu (offset %zu), but %lu:%lu (offset %zu) in one piece", name, what,
                      b->line, b->column, b->offset, a->line, a->column, a->offset);
    if (a->violation_count != b->violation_count)
        return failed("%s, %s: %zu violations, but %zu in one piece", name, what, b->violation_count,
                      a->violation_count);
    for (size_t i = 0; i < a->violation_count; i++) {
        const acr_violation *x = &a->violations[i], *y = &b->violations[i];
        if (x->pointer_length != y->pointer_length || memcmp(x->pointer, y->pointer, x->pointer_length) != 0 ||
            strcmp(x->message, y->message) != 0)
            return failed("%s, %s: violation %zu is \"%s: %s\", but \"%s: %s\" in one piece", name, what, i,
                          y->pointer, y->message, x->pointer, x->message);
    }
    return NULL;
}

static const char *compare_outcomes(const acr_type_desc *type, const outcome *a, const outcome *b, const char *what)
{
    const char *problem = compare_errors(type, &a->err, &b->err, what);
    if (problem)
        return problem;
    if (a->status != b->status)
        return failed("%s, %s: returned %s, but %s in one piece", type_name(type), what,
                      acr_status_name(b->status), acr_status_name(a->status));
    if (a->json_status != b->json_status || a->json_length != b->json_length ||
        (a->json && memcmp(a->json, b->json, a->json_length) != 0))
        return failed("%s, %s: re-serialized to %s, but %s in one piece", type_name(type), what,
                      b->json ? b->json : "(failure)", a->json ? a->json : "(failure)");
    return NULL;
}

/* --- properties of an error on its own --- */

static bool pointer_is_well_formed(const char *pointer, size_t length)
{
    if (!pointer || pointer[length] != '\0')
        return false;
    if (length && pointer[0] != '/')
        return false;
    /* Keys that are not UTF-8 are reported at their object, never quoted. */
    if (acr_utf8_length(pointer, length) == SIZE_MAX)
        return false;
    for (size_t i = 0; i < length; i++)
        if (pointer[i] == '~' && (i + 1 == length || (pointer[i + 1] != '0' && pointer[i + 1] != '1')))
            return false;
    return true;
}

/* Violations: well-formed pointers, non-empty messages, and never a string
 * value of the body (acr/error.h): the dictionary and the corpus give the
 * fuzzer "SECRET" to put in values (and keys: a key may appear in a pointer,
 * never in a violation's message). */
static const char *check_violations(const acr_type_desc *type, const acr_error *err, const char *what)
{
    for (size_t i = 0; i < err->violation_count; i++) {
        const acr_violation *v = &err->violations[i];
        if (!pointer_is_well_formed(v->pointer, v->pointer_length))
            return failed("%s, %s: violation %zu has a malformed JSON pointer \"%s\"", type_name(type), what, i,
                          v->pointer ? v->pointer : "(null)");
        if (!v->message || !v->message[0])
            return failed("%s, %s: violation %zu at \"%s\" has no message", type_name(type), what, i, v->pointer);
        if (strstr(v->message, "SECRET"))
            return failed("%s, %s: violation %zu quotes a value of the body: \"%s\"", type_name(type), what, i,
                          v->message);
    }
    return NULL;
}

static const char *check_request_outcome(const acr_type_desc *type, const outcome *o, size_t length)
{
    const char *name = type_name(type);
    switch (o->status) {
    case ACR_OK:
        if (o->err.violation_count)
            return failed("%s: ACR_OK with %zu violations", name, o->err.violation_count);
        break;
    case ACR_ERR_INVALID_REQUEST:
        if (!o->err.violation_count)
            return failed("%s: ACR_ERR_INVALID_REQUEST without a violation", name);
        if (o->err.parse_violation_count != o->err.violation_count)
            return failed("%s: a parse reported %zu violations, but marks %zu as the parse's", name,
                          o->err.violation_count, o->err.parse_violation_count);
        break;
    case ACR_ERR_MALFORMED_JSON:
        if (o->err.line < 1 || o->err.column < 1 || o->err.offset > length)
            return failed("%s: malformed JSON at an impossible position %lu:%lu (offset %zu of %zu)", name,
                          o->err.line, o->err.column, o->err.offset, length);
        break;
    default:
        return failed("%s: parsing a request returned %s (%s)", name, acr_status_name(o->status), o->err.message);
    }
    if (o->status != ACR_OK && !o->err.message[0])
        return failed("%s: %s without a message", name, acr_status_name(o->status));
    if (o->err.status != o->status)
        return failed("%s: returned %s, but err holds %s", name, acr_status_name(o->status),
                      acr_status_name(o->err.status));
    /* Whatever the parser built is a struct the serializer can write, except an
     * enum array item outside its enumeration (parse.c keeps no text for it):
     * refused as ACR_ERR_INVALID_REQUEST, and check_refusal says validation
     * reports it. */
    if (o->json_status != ACR_OK && o->json_status != ACR_ERR_INVALID_REQUEST)
        return failed("%s: serializing what the parser built failed with %s", name,
                      acr_status_name(o->json_status));
    return check_violations(type, &o->err, "parse");
}

/* What the serializer refused of a parsed request, validation (without a mode)
 * reports at the same pointer. */
static const char *check_refusal(const acr_type_desc *type, const void *value, const outcome *o)
{
    if (o->json_status == ACR_OK)
        return NULL;
    if (!o->refused[0] && o->json_status == ACR_ERR_INVALID_REQUEST)
        return failed("%s: the serializer refused what the parser built without naming where", type_name(type));
    acr_error err = ACR_ERROR_INIT;
    acr_validate(type, value, 0, &err);
    bool reported = violation_at(&err, o->refused);
    acr_error_clear(&err);
    if (!reported)
        return failed("%s: the serializer refused %s of what the parser built, which validation does not report",
                      type_name(type), o->refused);
    return NULL;
}

static const char *check_response_outcome(const acr_type_desc *type, const outcome *o)
{
    const char *name = type_name(type);
    if (o->status != ACR_OK && o->status != ACR_ERR_INVALID_RESPONSE)
        return failed("%s: parsing a response returned %s (%s)", name, acr_status_name(o->status), o->err.message);
    if (o->err.status != o->status)
        return failed("%s: returned %s, but err holds %s", name, acr_status_name(o->status),
                      acr_status_name(o->err.status));
    if (o->status != ACR_OK && !o->err.message[0])
        return failed("%s: %s without a message", name, acr_status_name(o->status));
    if (o->err.violation_count)
        return failed("%s: a response parse reported %zu violations", name, o->err.violation_count);
    if (o->json_status != ACR_OK)
        return failed("%s: serializing what the parser built failed with %s", name,
                      acr_status_name(o->json_status));
    return NULL;
}

/* --- independent views of the document, through yajl alone --- */

typedef struct nesting {
    size_t depth;
    size_t deepest;
} nesting;

static int nesting_open(void *ctx)
{
    nesting *n = ctx;
    if (++n->depth > n->deepest)
        n->deepest = n->depth;
    return 1;
}

static int nesting_close(void *ctx)
{
    ((nesting *)ctx)->depth--;
    return 1;
}

static const yajl_callbacks nesting_callbacks = {
    NULL, NULL, NULL, NULL, NULL, NULL, nesting_open, NULL, nesting_close, nesting_open, nesting_close,
};

/* Whether `doc` is one well-formed JSON value, as yajl alone (default flags,
 * one piece, no acr callbacks) sees it; *deepest is its deepest nesting. */
static bool well_formed(const uint8_t *doc, size_t length, size_t *deepest)
{
    nesting n = {0, 0};
    yajl_handle h = yajl_alloc(&nesting_callbacks, NULL, &n);
    if (!h)
        return false;
    yajl_status status = yajl_parse(h, doc, length);
    if (status == yajl_status_ok)
        status = yajl_complete_parse(h);
    yajl_free(h);
    *deepest = n.deepest;
    return status == yajl_status_ok;
}

/* Whether every \u escape in the document's strings is a whole character: a
 * high surrogate followed by a low one, or neither. yajl alone decodes the others
 * into something else ("?", or a made-up pair); the parser refuses them. An
 * escape cut short is left to yajl, which refuses it. */
static bool escapes_are_whole(const uint8_t *doc, size_t length)
{
    bool in_string = false, after_high = false;
    for (size_t i = 0; i < length; i++) {
        if (!in_string) {
            in_string = doc[i] == '"';
            continue;
        }
        bool unicode = doc[i] == '\\' && i + 1 < length && doc[i + 1] == 'u';
        if (!unicode) {
            if (after_high)
                return false;
            if (doc[i] == '"')
                in_string = false;
            else if (doc[i] == '\\')
                i++;
            continue;
        }
        unsigned value = 0;
        for (size_t k = i + 2; k < i + 6; k++) {
            if (k >= length || !isxdigit(doc[k]))
                return true;
            value = value * 16 + (unsigned)(isdigit(doc[k]) ? doc[k] - '0' : (doc[k] | 0x20) - 'a' + 10);
        }
        i += 5;
        bool low = value >= 0xDC00 && value <= 0xDFFF;
        if (low != after_high)
            return false;
        after_high = !low && value >= 0xD800 && value <= 0xDBFF;
    }
    return true;
}

/* The parser accepts exactly the well-formed documents within the depth limit:
 * a request fails with ACR_ERR_MALFORMED_JSON, a response with
 * ACR_ERR_INVALID_RESPONSE, just when yajl alone rejects it or it nests too deep. */
static const char *check_syntax_agrees(const acr_type_desc *type, const uint8_t *doc, size_t length,
                                       const outcome *o)
{
    size_t deepest = 0;
    bool acceptable = well_formed(doc, length, &deepest) && deepest <= ACR_DEFAULT_MAX_DEPTH &&
                      escapes_are_whole(doc, length);
    if (type->is_request && acceptable == fatal(o->status))
        return failed("%s: yajl alone finds the document %s (nesting %zu), but the parser returns %s: %s",
                      type_name(type), acceptable ? "acceptable" : "malformed", deepest,
                      acr_status_name(o->status), o->err.message);
    if (!type->is_request && !acceptable && o->status == ACR_OK)
        return failed("%s: yajl alone finds the document malformed (nesting %zu), but the parser accepts it",
                      type_name(type), deepest);
    return NULL;
}

/* acr_parse with a depth limit. */
static acr_status parse_with_depth(const acr_type_desc *type, const uint8_t *doc, size_t length, size_t max_depth,
                                   acr_error *err)
{
    void *value = calloc(1, type->object->size);
    acr_parse_options options = {.max_depth = max_depth};
    acr_parser *p = value ? acr_parser_new(type, value, &options) : NULL;
    acr_status status = ACR_ERR_NOMEM;
    if (p) {
        status = acr_parser_feed(p, doc, length, err);
        if (status == ACR_OK)
            status = acr_parser_finish(p, err);
        acr_parser_free(p);
    }
    if (value)
        acr_free_value(type, value);
    free(value);
    return status;
}

/* acr_parse_options.max_depth at its boundary: a well-formed document nesting
 * N levels parses as with no limit under a limit of N, and is refused as too
 * deep under N - 1. */
static const char *check_depth_limit(const acr_type_desc *type, const uint8_t *doc, size_t length,
                                     const outcome *o)
{
    const char *result = NULL;
    size_t deepest = 0;
    acr_error err = ACR_ERROR_INIT;
    if (!well_formed(doc, length, &deepest) || deepest > 4 * ACR_DEFAULT_MAX_DEPTH ||
        !escapes_are_whole(doc, length))
        return NULL;
    acr_status status = parse_with_depth(type, doc, length, deepest, &err);
    if (deepest <= ACR_DEFAULT_MAX_DEPTH) {
        FAIL_IF(status != o->status || err.violation_count != o->err.violation_count,
                "%s: with a depth limit of %zu, its nesting, the parser returns %s with %zu violations, "
                "not %s with %zu", type_name(type), deepest, acr_status_name(status), err.violation_count,
                acr_status_name(o->status), o->err.violation_count);
    } else {
        FAIL_IF(fatal(status) && (type->is_request || status != ACR_ERR_INVALID_RESPONSE),
                "%s: with a depth limit of %zu, its nesting, the parser returns %s: %s", type_name(type), deepest,
                acr_status_name(status), err.message);
    }
    if (deepest > 1) {
        acr_error_clear(&err);
        status = parse_with_depth(type, doc, length, deepest - 1, &err);
        /* (A response may break the schema before it gets that deep.) */
        FAIL_IF(status != (type->is_request ? ACR_ERR_MALFORMED_JSON : ACR_ERR_INVALID_RESPONSE) ||
                    (!strstr(err.message, "nesting deeper than") && (type->is_request || o->status == ACR_OK)),
                "%s: with a depth limit of %zu, below its nesting, the parser returns %s: %s", type_name(type),
                deepest - 1, acr_status_name(status), err.message);
    }
done:
    acr_error_clear(&err);
    return result;
}

static acr_number_class reference_number(const uint8_t *s, size_t n, bool is_unsigned, uint64_t *magnitude,
                                         bool *negative);

static bool same_integer(const char *a, const char *b, bool is_unsigned)
{
    uint64_t x, y;
    bool nx, ny;
    if (reference_number((const uint8_t *)a, strlen(a), is_unsigned, &x, &nx) != ACR_NUMBER_INTEGER ||
        reference_number((const uint8_t *)b, strlen(b), is_unsigned, &y, &ny) != ACR_NUMBER_INTEGER)
        return false;
    return x == y && nx == ny;
}

static yajl_val member(yajl_val object, const char *name)
{
    for (size_t i = 0; i < object->u.object.len; i++)
        if (strcmp(object->u.object.keys[i], name) == 0)
            return object->u.object.values[i];
    return NULL;
}

static const acr_field_desc *field_named(const acr_object_desc *desc, const char *name)
{
    for (size_t i = 0; i < desc->field_count; i++)
        if (strcmp(desc->fields[i].json_name, name) == 0)
            return &desc->fields[i];
    return NULL;
}

static char meaning_where[256];

static bool same_object(const acr_object_desc *desc, yajl_val in, yajl_val out);

static bool same_value(const acr_value_desc *vd, yajl_val in, yajl_val out)
{
    switch (vd->kind) {
    case ACR_KIND_STRING:
    case ACR_KIND_ENUM:
        return YAJL_IS_STRING(in) && YAJL_IS_STRING(out) && strcmp(in->u.string, out->u.string) == 0;
    case ACR_KIND_BOOL:
        return (YAJL_IS_TRUE(in) && YAJL_IS_TRUE(out)) || (YAJL_IS_FALSE(in) && YAJL_IS_FALSE(out));
    case ACR_KIND_INT:
    case ACR_KIND_UINT64:
        return YAJL_IS_NUMBER(in) && YAJL_IS_NUMBER(out) &&
               same_integer(in->u.number.r, out->u.number.r, vd->kind == ACR_KIND_UINT64);
    case ACR_KIND_NUMBER:
        /* The serializer writes the shortest text that reads back exactly. */
        return YAJL_IS_DOUBLE(in) && YAJL_IS_DOUBLE(out) && in->u.number.d == out->u.number.d;
    case ACR_KIND_OBJECT:
        return same_object(vd->object, in, out);
    case ACR_KIND_STRING_OR_ARRAY:
        if (YAJL_IS_STRING(in))
            return YAJL_IS_STRING(out) && strcmp(in->u.string, out->u.string) == 0;
        /* fall through */
    case ACR_KIND_ARRAY:
        if (!YAJL_IS_ARRAY(in) || !YAJL_IS_ARRAY(out) || in->u.array.len != out->u.array.len)
            return false;
        for (size_t i = 0; i < in->u.array.len; i++)
            if (!same_value(vd->items, in->u.array.values[i], out->u.array.values[i]))
                return false;
        return true;
    }
    return false;
}

static bool same_object(const acr_object_desc *desc, yajl_val in, yajl_val out)
{
    if (!YAJL_IS_OBJECT(in) || !YAJL_IS_OBJECT(out))
        return false;
    for (size_t i = 0; i < in->u.object.len; i++) {
        const char *name = in->u.object.keys[i];
        const acr_field_desc *field = field_named(desc, name);
        yajl_val given = in->u.object.values[i], kept = member(out, name);
        if (!field)
            continue; /* an unknown property of a response: skipped */
        snprintf(meaning_where, sizeof meaning_where, "%s.%s", desc->name, name);
        if (YAJL_IS_NULL(given) ? kept != NULL : !kept || !same_value(field->value, given, kept))
            return false;
    }
    for (size_t i = 0; i < out->u.object.len; i++) {
        const char *name = out->u.object.keys[i];
        yajl_val given = member(in, name);
        snprintf(meaning_where, sizeof meaning_where, "%s.%s (written, not read)", desc->name, name);
        if (!field_named(desc, name) || !given || YAJL_IS_NULL(given))
            return false;
    }
    return true;
}

/* What the parser stored means what the document said: `json` (the
 * serialization of the struct a parse accepted) holds every property of the
 * schema the document gave a non-null value, with the same value (integers by
 * value: 1.0 is 1), and nothing else. Both sides are read by yajl's tree. */
static const char *check_same_meaning(const acr_type_desc *type, const uint8_t *doc, size_t length,
                                      const char *json)
{
    const char *result = NULL;
    char error[256];
    yajl_val in = NULL, out = NULL;
    /* yajl's tree stops keys and strings at U+0000; the parser refuses such
     * strings and keeps such keys apart from the schema's, so skip those. */
    for (size_t i = 0; i + 6 <= length; i++)
        if (memcmp(doc + i, "\\u0000", 6) == 0)
            return NULL;
    char *text = malloc(length + 1);
    FAIL_IF(!text, "out of memory");
    if (length)
        memcpy(text, doc, length);
    text[length] = '\0';
    in = yajl_tree_parse(text, error, sizeof error);
    FAIL_IF(!in, "%s: the parser accepts a document yajl's tree rejects: %s", type_name(type), error);
    out = yajl_tree_parse(json, error, sizeof error);
    FAIL_IF(!out, "%s: yajl's tree rejects the serialization %s: %s", type_name(type), json, error);
    meaning_where[0] = '\0';
    FAIL_IF(!same_object(type->object, in, out), "%s: the document and what the parser stored (%s) differ at %s",
            type_name(type), json, meaning_where);
done:
    yajl_tree_free(in);
    yajl_tree_free(out);
    free(text);
    return result;
}

/* --- validation --- */

static bool same_violation(const acr_violation *a, const acr_violation *b)
{
    return a->pointer_length == b->pointer_length && memcmp(a->pointer, b->pointer, a->pointer_length) == 0 &&
           strcmp(a->message, b->message) == 0;
}

static bool at_or_below(const acr_violation *parent, const acr_violation *v)
{
    size_t n = parent->pointer_length;
    return n <= v->pointer_length && memcmp(parent->pointer, v->pointer, n) == 0 &&
           (n == v->pointer_length || v->pointer[n] == '/');
}

/* Whether a parse's violation hides the validator's at or below it: all do but
 * those about a property given more than once, whose first value the parser
 * kept (engine.h, acr_validate). */
static bool hides_below(const acr_violation *parent)
{
    static const char repeated[] = "in the repeated value: ";
    return strcmp(parent->message, "is given more than once") != 0 &&
           strncmp(parent->message, repeated, sizeof repeated - 1) != 0;
}

static const char *copy_error(const acr_error *from, acr_error *to)
{
    acr_error_clear(to);
    for (size_t i = 0; i < from->violation_count; i++) {
        const acr_violation *v = &from->violations[i];
        if (!acr_error_add_violation(to, v->pointer, v->pointer_length, 0, "%s", v->message))
            return failed("out of memory copying violations");
    }
    acr_error_set(to, from->status, "%s", from->message);
    to->parse_violation_count = from->parse_violation_count;
    return NULL;
}

/* Past this many violations the quadratic comparisons below are skipped. */
#define COMPARE_LIMIT 512

static const char *check_validation(const acr_type_desc *type, const void *value, const acr_error *parsed)
{
    const char *result = NULL;
    const char *name = type_name(type);
    acr_error any = ACR_ERROR_INIT, moded = ACR_ERROR_INIT, appended = ACR_ERROR_INIT;
    for (unsigned mode = 0; mode <= type->mode_count; mode++) {
        acr_error *fresh = mode ? &moded : &any;
        acr_error_clear(fresh);
        acr_status status = acr_validate(type, value, mode, fresh);
        FAIL_IF(status != ACR_OK && status != ACR_ERR_INVALID_REQUEST, "%s: validate(mode %u) returned %s", name,
                mode, acr_status_name(status));
        FAIL_IF((status == ACR_OK) != (fresh->violation_count == 0),
                "%s: validate(mode %u) returned %s with %zu violations", name, mode, acr_status_name(status),
                fresh->violation_count);
        PASS_ON(check_violations(type, fresh, "validate"));
        /* A mode only adds rules: what breaks one in every mode breaks it in this one. */
        if (mode && any.violation_count <= COMPARE_LIMIT && moded.violation_count <= COMPARE_LIMIT) {
            for (size_t i = 0; i < any.violation_count; i++) {
                bool found = false;
                for (size_t j = 0; j < moded.violation_count && !found; j++)
                    found = same_violation(&any.violations[i], &moded.violations[j]);
                FAIL_IF(!found, "%s: \"%s: %s\" reported without a mode, not in mode %u", name,
                        any.violations[i].pointer, any.violations[i].message, mode);
            }
        }
        /* Appending to a parse's violations: the parse's stay first, unchanged,
         * then exactly the fresh ones not at or below one of them that hides. */
        if (parsed->status != ACR_ERR_INVALID_REQUEST || parsed->violation_count > COMPARE_LIMIT ||
            fresh->violation_count > COMPARE_LIMIT)
            continue;
        PASS_ON(copy_error(parsed, &appended));
        status = acr_validate(type, value, mode, &appended);
        FAIL_IF(status != ACR_ERR_INVALID_REQUEST, "%s: validate(mode %u) after a parse's violations returned %s",
                name, mode, acr_status_name(status));
        size_t k = parsed->violation_count, next = k;
        FAIL_IF(appended.violation_count < k, "%s: validate(mode %u) lost a parse's violations", name, mode);
        for (size_t i = 0; i < k; i++)
            FAIL_IF(!same_violation(&parsed->violations[i], &appended.violations[i]),
                    "%s: validate(mode %u) changed the parse's violation %zu", name, mode, i);
        for (size_t j = 0; j < fresh->violation_count; j++) {
            bool dropped = false;
            for (size_t i = 0; i < k && !dropped; i++)
                dropped = hides_below(&parsed->violations[i]) &&
                          at_or_below(&parsed->violations[i], &fresh->violations[j]);
            if (dropped)
                continue;
            FAIL_IF(next >= appended.violation_count || !same_violation(&fresh->violations[j], &appended.violations[next]),
                    "%s: validate(mode %u) after a parse did not append \"%s: %s\"", name, mode,
                    fresh->violations[j].pointer, fresh->violations[j].message);
            next++;
        }
        FAIL_IF(next != appended.violation_count, "%s: validate(mode %u) after a parse appended %zu violations, "
                "not the %zu expected", name, mode, appended.violation_count - k, next - k);
        /* engine.h: validating twice with one error gives the same answer. */
        size_t first_count = appended.violation_count;
        status = acr_validate(type, value, mode, &appended);
        FAIL_IF(status != ACR_ERR_INVALID_REQUEST || appended.violation_count != first_count,
                "%s: validate(mode %u) a second time with the parse's error gave %zu violations, not %zu", name,
                mode, appended.violation_count, first_count);
    }
done:
    acr_error_clear(&any);
    acr_error_clear(&moded);
    acr_error_clear(&appended);
    return result;
}

/* Two validations give the same violations (mode by mode). */
static const char *compare_validation(const acr_type_desc *type, const void *a, const void *b)
{
    const char *result = NULL;
    acr_error x = ACR_ERROR_INIT, y = ACR_ERROR_INIT;
    for (unsigned mode = 0; mode <= type->mode_count; mode++) {
        acr_error_clear(&x);
        acr_error_clear(&y);
        acr_validate(type, a, mode, &x);
        acr_validate(type, b, mode, &y);
        FAIL_IF(x.violation_count != y.violation_count,
                "%s: validate(mode %u) finds %zu violations after a round trip, %zu before", type_name(type), mode,
                y.violation_count, x.violation_count);
        for (size_t i = 0; i < x.violation_count; i++)
            FAIL_IF(!same_violation(&x.violations[i], &y.violations[i]),
                    "%s: validate(mode %u) finds \"%s: %s\" after a round trip, \"%s: %s\" before",
                    type_name(type), mode, y.violations[i].pointer, y.violations[i].message,
                    x.violations[i].pointer, x.violations[i].message);
    }
done:
    acr_error_clear(&x);
    acr_error_clear(&y);
    return result;
}

/* --- the request target --- */

static const char *check_request_type(const acr_type_desc *type, uint8_t selector, const uint8_t *doc,
                                      size_t length)
{
    const char *result = NULL;
    size_t size = type->object->size;
    void *whole = calloc(1, size), *chunked = calloc(1, size);
    outcome a = OUTCOME_INIT, b = OUTCOME_INIT;
    FAIL_IF(!whole || !chunked, "out of memory");
    PASS_ON(run_parse(type, doc, length, NULL, whole, &a));
    PASS_ON(check_request_outcome(type, &a, length));
    PASS_ON(check_refusal(type, whole, &a));
    PASS_ON(check_syntax_agrees(type, doc, length, &a));
    PASS_ON(check_depth_limit(type, doc, length, &a));
    chunk_plan plan = fuzz_chunk_plan(selector);
    PASS_ON(run_parse(type, doc, length, &plan, chunked, &b));
    PASS_ON(compare_outcomes(type, &a, &b, "parsed in chunks"));
    if (!fatal(a.status))
        PASS_ON(check_validation(type, whole, &a.err));
done:
    outcome_free(&a);
    outcome_free(&b);
    if (whole) {
        acr_free_value(type, whole);
        acr_free_value(type, whole); /* freeing twice is safe */
    }
    if (chunked)
        acr_free_value(type, chunked);
    free(whole);
    free(chunked);
    return result;
}

const char *fuzz_check_request(const uint8_t *data, size_t size)
{
    if (size == 0)
        return NULL;
    const acr_type_desc *const *types;
    size_t count = table_types(true, &types);
    const char *problem = NULL;
    for (size_t i = 0; i < count && !problem; i++)
        problem = check_request_type(types[i], data[0], data + 1, size - 1);
    return problem;
}

/* --- the response targets --- */

/* Serializes `value` (which parsed) to A, parses A chunk by chunk, serializes
 * the result to B: A == B, byte for byte. `first` is A when known. */
static const char *check_response_roundtrip(const acr_type_desc *type, const void *value, const outcome *first,
                                            chunk_plan *plan)
{
    const char *result = NULL;
    outcome a = OUTCOME_INIT, b = OUTCOME_INIT;
    void *again = calloc(1, type->object->size);
    FAIL_IF(!again, "out of memory");
    if (!first) {
        serialize_into(type, value, &a);
        first = &a;
    }
    FAIL_IF(first->json_status != ACR_OK, "%s: serializing a parsed response failed with %s", type_name(type),
            acr_status_name(first->json_status));
    PASS_ON(run_parse(type, (const uint8_t *)first->json, first->json_length, plan, again, &b));
    FAIL_IF(b.status != ACR_OK, "%s: its own serialization %s does not parse: %s", type_name(type), first->json,
            b.err.message);
    FAIL_IF(b.json_status != ACR_OK || b.json_length != first->json_length ||
                memcmp(b.json, first->json, first->json_length) != 0,
            "%s: serialized to %s, which re-serializes to %s", type_name(type), first->json,
            b.json ? b.json : "(failure)");
done:
    outcome_free(&a);
    outcome_free(&b);
    if (again)
        acr_free_value(type, again);
    free(again);
    return result;
}

const char *fuzz_check_response(const acr_type_desc *type, const uint8_t *data, size_t size)
{
    if (size == 0)
        return NULL;
    const char *result = NULL;
    const uint8_t *doc = data + 1;
    size_t length = size - 1;
    void *whole = calloc(1, type->object->size), *chunked = calloc(1, type->object->size);
    outcome a = OUTCOME_INIT, b = OUTCOME_INIT;
    FAIL_IF(!whole || !chunked, "out of memory");
    PASS_ON(run_parse(type, doc, length, NULL, whole, &a));
    PASS_ON(check_response_outcome(type, &a));
    PASS_ON(check_syntax_agrees(type, doc, length, &a));
    PASS_ON(check_depth_limit(type, doc, length, &a));
    chunk_plan plan = fuzz_chunk_plan(data[0]);
    PASS_ON(run_parse(type, doc, length, &plan, chunked, &b));
    PASS_ON(compare_outcomes(type, &a, &b, "parsed in chunks"));
    if (a.status == ACR_OK) {
        plan = fuzz_chunk_plan(data[0]);
        PASS_ON(check_response_roundtrip(type, whole, &a, &plan));
    }
done:
    outcome_free(&a);
    outcome_free(&b);
    if (whole) {
        acr_free_value(type, whole);
        acr_free_value(type, whole);
    }
    if (chunked)
        acr_free_value(type, chunked);
    free(whole);
    free(chunked);
    return result;
}

const char *fuzz_check_responses(const uint8_t *data, size_t size)
{
    const acr_type_desc *const *types;
    size_t count = table_types(false, &types);
    const char *problem = NULL;
    for (size_t i = 0; i < count && !problem; i++)
        problem = fuzz_check_response(types[i], data, size);
    return problem;
}

/* --- the round-trip target --- */

static const char *roundtrip_request(const acr_type_desc *type, uint8_t selector, const uint8_t *doc,
                                     size_t length)
{
    const char *result = NULL;
    const char *name = type_name(type);
    void *first = calloc(1, type->object->size), *second = calloc(1, type->object->size);
    outcome a = OUTCOME_INIT, b = OUTCOME_INIT;
    FAIL_IF(!first || !second, "out of memory");
    PASS_ON(run_parse(type, doc, length, NULL, first, &a));
    if (fatal(a.status))
        goto done; /* malformed JSON: fuzz_request checks what is left */
    PASS_ON(check_refusal(type, first, &a));
    if (a.json_status != ACR_OK)
        goto done; /* an enum item outside its enumeration: nothing to round-trip */
    if (a.status == ACR_OK)
        PASS_ON(check_same_meaning(type, doc, length, a.json));
    chunk_plan plan = fuzz_chunk_plan(selector);
    PASS_ON(run_parse(type, (const uint8_t *)a.json, a.json_length, &plan, second, &b));
    FAIL_IF(fatal(b.status), "%s: its own serialization %s does not parse: %s", name, a.json, b.err.message);
    /* Without violations, the serialization is a clean request again. */
    FAIL_IF(a.status == ACR_OK && b.status != ACR_OK, "%s: parsed cleanly, but its serialization %s gives: %s",
            name, a.json, b.err.violation_count ? b.err.violations[0].message : b.err.message);
    FAIL_IF(b.json_status != ACR_OK || b.json_length != a.json_length || memcmp(b.json, a.json, a.json_length) != 0,
            "%s: serialized to %s, which re-serializes to %s", name, a.json, b.json ? b.json : "(failure)");
    PASS_ON(compare_validation(type, first, second));
done:
    outcome_free(&a);
    outcome_free(&b);
    if (first)
        acr_free_value(type, first);
    if (second)
        acr_free_value(type, second);
    free(first);
    free(second);
    return result;
}

static const char *roundtrip_response(const acr_type_desc *type, uint8_t selector, const uint8_t *doc,
                                      size_t length)
{
    const char *result = NULL;
    void *value = calloc(1, type->object->size);
    acr_error err = ACR_ERROR_INIT;
    FAIL_IF(!value, "out of memory");
    if (acr_parse(type, doc, length, value, &err) == ACR_OK) {
        chunk_plan plan = fuzz_chunk_plan(selector);
        PASS_ON(check_response_roundtrip(type, value, NULL, &plan));
        char *json = NULL;
        FAIL_IF(acr_to_json(type, value, &json, NULL, NULL) != ACR_OK, "%s: serializing failed", type_name(type));
        result = check_same_meaning(type, doc, length, json);
        acr_free(json);
    }
done:
    acr_error_clear(&err);
    if (value)
        acr_free_value(type, value);
    free(value);
    return result;
}

const char *fuzz_check_roundtrip(const uint8_t *data, size_t size)
{
    if (size == 0)
        return NULL;
    const acr_type_desc *const *responses, *const *requests;
    size_t response_count = table_types(false, &responses);
    size_t request_count = table_types(true, &requests);
    const char *problem = NULL;
    for (size_t i = 0; i < response_count && !problem; i++)
        problem = roundtrip_response(responses[i], data[0], data + 1, size - 1);
    for (size_t i = 0; i < request_count && !problem; i++)
        problem = roundtrip_request(requests[i], data[0], data + 1, size - 1);
    return problem;
}

/* --- the struct target: requests as a caller builds them --- */

/* Reads the fuzz input as a recipe for a struct. Past the end, every byte is 0. */
typedef struct recipe {
    const uint8_t *data;
    size_t left;
} recipe;

static uint8_t take(recipe *r)
{
    if (!r->left)
        return 0;
    r->left--;
    return *r->data++;
}

static uint64_t take_u64(recipe *r)
{
    uint64_t v = 0;
    for (int i = 0; i < 8; i++)
        v = v << 8 | take(r);
    return v;
}

/* Strings a valid request is made of, so the fuzzer reaches valid structs. */
static const char *const usual_strings[] = {
    "1", "527841", "4294967295", "#allstream#", "httpClient463224", "rtmp://host/app", "rtmps://h/a",
    "directory1", "kms", "aes256", "s3.example.com", "SECRET-key", "",
};

/* A byte: < 0x80 a string of the next (byte & 0x3f) bytes (U+0000 made 'A'; any
 * other bytes kept, valid UTF-8 or not), 0x80.. one of usual_strings, 0xff NULL. */
static char *take_string(recipe *r)
{
    uint8_t b = take(r);
    if (b == 0xff)
        return NULL;
    const char *usual = NULL;
    size_t n;
    if (b & 0x80) {
        usual = usual_strings[(b & 0x7f) % (sizeof usual_strings / sizeof *usual_strings)];
        n = strlen(usual);
    } else {
        n = b & 0x3f;
    }
    char *s = acr_malloc(n + 1);
    if (!s)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        char c = usual ? usual[i] : (char)take(r);
        s[i] = c ? c : 'A';
    }
    s[n] = '\0';
    return s;
}

static const int64_t usual_integers[] = {0, 1, 2, 3, 5, 11, 16, 17, 23, 25, 27, 28, -1, INT64_MAX, INT64_MIN};

static void build_object(const acr_object_desc *desc, void *base, recipe *r, unsigned depth);

/* Fills one value: a member (field != NULL, with its presence) or an item. */
static void build_value(const acr_value_desc *vd, const acr_field_desc *field, void *base, void *slot, recipe *r,
                        unsigned depth)
{
    uint8_t how = take(r);
    switch (vd->kind) {
    case ACR_KIND_STRING:
        *(char **)slot = take_string(r);
        return;
    case ACR_KIND_BOOL:
        *(bool *)slot = how & 1;
        break;
    case ACR_KIND_INT:
        *(int64_t *)slot = how & 1 ? (int64_t)take_u64(r)
                                   : usual_integers[(how >> 1) % (sizeof usual_integers / sizeof *usual_integers)];
        break;
    case ACR_KIND_UINT64:
        *(uint64_t *)slot = how & 1 ? take_u64(r) : (uint64_t)(how >> 1);
        break;
    case ACR_KIND_NUMBER: {
        /* Any bit pattern: NaN and infinities included (the validator refuses them). */
        uint64_t bits = take_u64(r);
        double d;
        memcpy(&d, &bits, sizeof d);
        *(double *)slot = how & 1 ? d : (double)(int8_t)how / 8.0;
        break;
    }
    case ACR_KIND_ENUM: {
        /* 1..count the values, count + 1 "other" (with a text or NULL), beyond: invalid */
        int value = 1 + (int)(how % (vd->enumeration->count + 2));
        *(int *)slot = value;
        if (field && (size_t)value == vd->enumeration->count + 1) {
            char *other = take_string(r);
            /* "other" naming a known value is a contradiction the serializer
             * resolves by writing the text: not a state worth building. */
            for (size_t i = 0; other && i < vd->enumeration->count; i++)
                if (strcmp(other, vd->enumeration->values[i]) == 0)
                    other[0] = '\0';
            *ACR_AT(base, field->presence, char *) = other;
        }
        return;
    }
    case ACR_KIND_OBJECT:
        if (depth < 8)
            build_object(vd->object, slot, r, depth + 1);
        break;
    case ACR_KIND_ARRAY:
    case ACR_KIND_STRING_OR_ARRAY: {
        size_t count = how % 40, size = vd->item_size;
        void *items = acr_malloc(count * size);
        if (!items)
            return;
        memset(items, 0, count * size);
        for (size_t i = 0; i < count; i++)
            build_value(vd->items, NULL, NULL, (char *)items + i * size, r, depth + 1);
        if (vd->kind == ACR_KIND_ARRAY) {
            *(void **)slot = items;
            *ACR_AT(base, field->presence, size_t) = count;
        } else {
            *ACR_AT(base, field->presence, void *) = items;
            *ACR_AT(base, field->count_offset, size_t) = count;
            if (how & 0x80)
                *(char **)slot = take_string(r); /* both: a caller's mistake validate reports */
        }
        return;
    }
    }
    if (field && field->presence != ACR_ALWAYS_PRESENT)
        *ACR_AT(base, field->presence, bool) = true;
}

static void build_object(const acr_object_desc *desc, void *base, recipe *r, unsigned depth)
{
    uint64_t present = take_u64(r);
    for (size_t i = 0; i < desc->field_count; i++) {
        if (!(present >> (i % 64) & 1))
            continue;
        const acr_field_desc *field = &desc->fields[i];
        build_value(field->value, field, base, (char *)base + field->offset, r, depth);
    }
}

/* Frees a struct built by build_object, block by block: acr_free_value is for
 * what a parser filled (its strings and arrays are pieces of one arena). */
static void free_built_object(const acr_object_desc *desc, void *base);

static void free_built_value(const acr_value_desc *vd, const acr_field_desc *field, void *base, void *slot)
{
    switch (vd->kind) {
    case ACR_KIND_STRING:
        acr_free(*(char **)slot);
        break;
    case ACR_KIND_ENUM:
        if (field)
            acr_free(*ACR_AT(base, field->presence, char *));
        break;
    case ACR_KIND_OBJECT:
        free_built_object(vd->object, slot);
        break;
    case ACR_KIND_ARRAY:
    case ACR_KIND_STRING_OR_ARRAY: {
        void *items = vd->kind == ACR_KIND_ARRAY ? *(void **)slot : *ACR_AT(base, field->presence, void *);
        size_t count = *ACR_AT(base, vd->kind == ACR_KIND_ARRAY ? field->presence : field->count_offset, size_t);
        for (size_t i = 0; items && i < count; i++)
            free_built_value(vd->items, NULL, NULL, (char *)items + i * vd->item_size);
        acr_free(items);
        if (vd->kind == ACR_KIND_STRING_OR_ARRAY)
            acr_free(*(char **)slot);
        break;
    }
    case ACR_KIND_BOOL:
    case ACR_KIND_INT:
    case ACR_KIND_UINT64:
    case ACR_KIND_NUMBER:
        break;
    }
}

static void free_built_object(const acr_object_desc *desc, void *base)
{
    for (size_t i = 0; i < desc->field_count; i++) {
        const acr_field_desc *field = &desc->fields[i];
        free_built_value(field->value, field, base, (char *)base + field->offset);
    }
}

/* Byte 0: bit 0 the type (update or stop request), the rest the chunking of
 * the re-parse; then the recipe. The struct, built as a caller would, holds
 * anything: invalid UTF-8, NULL items, enum values out of range. Whatever
 * validates in no mode serializes; whatever serializes parses back without a
 * syntax error, to the same JSON and the same violations in every mode; and
 * when it validated, without a violation. */
const char *fuzz_check_struct(const uint8_t *data, size_t size)
{
    if (size == 0)
        return NULL;
    /* Byte 0: bits 0-2 the request type (modulo their number), the rest the chunking. */
    const acr_type_desc *const *types;
    size_t count = table_types(true, &types);
    if (count == 0)
        return NULL;
    const acr_type_desc *type = types[(data[0] & 7u) % count];
    const char *result = NULL;
    const char *name = type_name(type);
    recipe r = {data + 1, size - 1};
    void *built = calloc(1, type->object->size), *parsed = calloc(1, type->object->size);
    acr_error err = ACR_ERROR_INIT;
    outcome a = OUTCOME_INIT, b = OUTCOME_INIT;
    FAIL_IF(!built || !parsed, "out of memory");
    build_object(type->object, built, &r, 0);
    PASS_ON(check_validation(type, built, &err));
    acr_error invalid = ACR_ERROR_INIT;
    acr_status valid = acr_validate(type, built, 0, &invalid);
    a.json_status = acr_to_json(type, built, &a.json, &a.json_length, &err);
    bool known = false;
    for (size_t i = 0; i < invalid.violation_count && err.violation_count == 1 && !known; i++)
        known = invalid.violations[i].pointer_length == err.violations[0].pointer_length &&
                memcmp(invalid.violations[i].pointer, err.violations[0].pointer, err.violations[0].pointer_length) == 0;
    acr_error_clear(&invalid);
    FAIL_IF(valid == ACR_OK && a.json_status != ACR_OK, "%s: validates, but does not serialize: %s", name,
            err.message);
    if (a.json_status != ACR_OK) {
        /* What the serializer refuses, the validator reports, at the same place. */
        FAIL_IF(a.json_status != ACR_ERR_INVALID_REQUEST || err.violation_count != 1 ||
                    !pointer_is_well_formed(err.violations[0].pointer, err.violations[0].pointer_length) || !known,
                "%s: serializing failed with %s (%s), which validation does not report", name,
                acr_status_name(a.json_status), err.message);
        goto done;
    }
    chunk_plan plan = fuzz_chunk_plan((uint8_t)(data[0] >> 3));
    PASS_ON(run_parse(type, (const uint8_t *)a.json, a.json_length, &plan, parsed, &b));
    FAIL_IF(fatal(b.status), "%s: its serialization %s does not parse: %s", name, a.json, b.err.message);
    FAIL_IF(valid == ACR_OK && b.status != ACR_OK, "%s: validates, but its serialization %s gives: %s", name,
            a.json, b.err.violation_count ? b.err.violations[0].message : b.err.message);
    FAIL_IF(b.json_status != ACR_OK || b.json_length != a.json_length || memcmp(b.json, a.json, a.json_length) != 0,
            "%s: serialized to %s, which re-serializes to %s", name, a.json, b.json ? b.json : "(failure)");
    PASS_ON(compare_validation(type, built, parsed));
done:
    acr_error_clear(&err);
    outcome_free(&a);
    outcome_free(&b);
    if (built)
        free_built_object(type->object, built);
    if (parsed)
        acr_free_value(type, parsed);
    free(built);
    free(parsed);
    return result;
}

/* --- the pattern target --- */

/* Unicode 15, table 3-7: the well-formed UTF-8 byte sequences. Returns the
 * number of code points, or SIZE_MAX when `s` is not well-formed. */
static size_t reference_utf8_length(const uint8_t *s, size_t length)
{
    size_t count = 0;
    for (size_t i = 0; i < length; count++) {
        uint8_t c = s[i];
        size_t n;
        uint8_t low = 0x80, high = 0xBF; /* range of the second byte */
        if (c <= 0x7F) {
            i++;
            continue;
        } else if (c >= 0xC2 && c <= 0xDF) {
            n = 2;
        } else if (c == 0xE0) {
            n = 3, low = 0xA0;
        } else if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) {
            n = 3;
        } else if (c == 0xED) {
            n = 3, high = 0x9F;
        } else if (c == 0xF0) {
            n = 4, low = 0x90;
        } else if (c >= 0xF1 && c <= 0xF3) {
            n = 4;
        } else if (c == 0xF4) {
            n = 4, high = 0x8F;
        } else {
            return SIZE_MAX;
        }
        if (length - i < n || s[i + 1] < low || s[i + 1] > high)
            return SIZE_MAX;
        for (size_t k = 2; k < n; k++)
            if (s[i + k] < 0x80 || s[i + k] > 0xBF)
                return SIZE_MAX;
        i += n;
    }
    return count;
}

/* 1 to 4294967295, decimal, no sign, no leading zero. */
static bool is_uint32_uid(const uint8_t *s, size_t n)
{
    if (n < 1 || n > 10 || s[0] == '0')
        return false;
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return n < 10 || memcmp(s, "4294967295", 10) <= 0;
}

static bool starts_with(const uint8_t *s, size_t n, const char *prefix)
{
    size_t k = strlen(prefix);
    return n >= k && memcmp(s, prefix, k) == 0;
}

/* Hand-written matchers for the schema's patterns, by pattern text. */
static int reference_match(const char *pattern, const uint8_t *s, size_t n)
{
    static const char uid[] = "[1-9][0-9]{0,8}|[1-3][0-9]{9}|4[01][0-9]{8}|42[0-8][0-9]{7}|429[0-3][0-9]{6}|"
                              "4294[0-8][0-9]{5}|42949[0-5][0-9]{4}|429496[0-6][0-9]{3}|4294967[01][0-9]{2}|"
                              "42949672[0-8][0-9]|429496729[0-5]";
    char text[512];
    snprintf(text, sizeof text, "^(%s)$", uid);
    if (strcmp(pattern, text) == 0)
        return is_uint32_uid(s, n);
    snprintf(text, sizeof text, "^(#allstream#|%s)$", uid);
    if (strcmp(pattern, text) == 0)
        return (n == 11 && memcmp(s, "#allstream#", 11) == 0) || is_uint32_uid(s, n);
    if (strcmp(pattern, "^rtmps?://") == 0)
        return starts_with(s, n, "rtmp://") || starts_with(s, n, "rtmps://");
    if (strcmp(pattern, "^[A-Za-z0-9]+$") == 0) {
        for (size_t i = 0; i < n; i++)
            if (!((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9')))
                return false;
        return n > 0;
    }
    if (strcmp(pattern, "^https://") == 0)
        return starts_with(s, n, "https://");
    if (strcmp(pattern, "^#[0-9A-Fa-f]{6}$") == 0) {
        if (n != 7 || s[0] != '#')
            return false;
        for (size_t i = 1; i < 7; i++)
            if (!strchr("0123456789ABCDEFabcdef", s[i]) || s[i] == 0)
                return false;
        return true;
    }
    if (strcmp(pattern, "^[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=$") == 0) {
        if (n != 44 || s[43] != '=' || s[42] == 0 || !strchr("AEIMQUYcgkosw048", s[42]))
            return false;
        for (size_t i = 0; i < 42; i++)
            if (!((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') ||
                  s[i] == '+' || s[i] == '/'))
                return false;
        return true;
    }
    if (strcmp(pattern, "^[A-Za-z0-9 !#$%&()+\\-:;<=.>?@\\[\\]^_{|}~,]+$") == 0) {
        /* An RTC channel name: letters, digits, space and these signs. */
        for (size_t i = 0; i < n; i++)
            if (!((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') ||
                  (s[i] != 0 && strchr(" !#$%&()+-:;<=.>?@[]^_{|}~,", s[i]))))
                return false;
        return n > 0;
    }
    return -1; /* a pattern added to the schema since: add its matcher here */
}

typedef struct pattern_list {
    const acr_string_rules *rules[32];
    size_t count;
} pattern_list;

static void collect_value(pattern_list *list, const acr_value_desc *value, unsigned depth);

static void collect_rules(pattern_list *list, const acr_string_rules *rules)
{
    if (!rules || !rules->pattern)
        return;
    bool known = false;
    for (size_t i = 0; i < list->count && !known; i++)
        known = list->rules[i]->pattern == rules->pattern;
    if (!known && list->count < sizeof list->rules / sizeof *list->rules)
        list->rules[list->count++] = rules;
}

static void collect_object(pattern_list *list, const acr_object_desc *object, unsigned depth)
{
    if (depth > 16)
        return;
    for (size_t i = 0; i < object->field_count; i++)
        collect_value(list, object->fields[i].value, depth + 1);
    /* The string rules of conditional effects (cname's in individual and mix). */
    for (size_t i = 0; i < object->rule_count; i++)
        for (size_t k = 0; k < object->rules[i].effect_count; k++)
            collect_rules(list, object->rules[i].effects[k].string_rules);
}

static void collect_value(pattern_list *list, const acr_value_desc *value, unsigned depth)
{
    collect_rules(list, value->string_rules);
    if (value->object)
        collect_object(list, value->object, depth + 1);
    if (value->items)
        collect_value(list, value->items, depth + 1);
}

const char *fuzz_check_pattern(const uint8_t *data, size_t size)
{
    static pattern_list patterns;
    static bool collected;
    if (!collected) {
        for (int requests = 0; requests < 2; requests++) {
            const acr_type_desc *const *types;
            size_t count = table_types(requests != 0, &types);
            for (size_t i = 0; i < count; i++)
                collect_object(&patterns, types[i]->object, 0);
        }
        collected = true;
    }
    /* Every pattern of the tables has its hand-written matcher. */
    for (size_t i = 0; i < patterns.count; i++)
        if (reference_match(patterns.rules[i]->pattern_text, (const uint8_t *)"", 0) < 0)
            return failed("pattern %s has no matcher in reference_match()", patterns.rules[i]->pattern_text);
    /* acr_utf8_length reads exactly `size` bytes: give it a copy of that size. */
    char *copy = calloc(1, size ? size : 1);
    if (!copy)
        return failed("out of memory");
    if (size)
        memcpy(copy, data, size);
    size_t expected = reference_utf8_length(data, size);
    size_t got = acr_utf8_length(copy, size);
    const char *result = NULL;
    FAIL_IF(got != expected, "acr_utf8_length gives %zu, the reference %zu (size %zu)", got, expected, size);
    for (size_t i = 0; i < patterns.count; i++) {
        const acr_string_rules *rules = patterns.rules[i];
        bool matched = acr_dfa_matches(rules->pattern, copy, size);
        int reference = reference_match(rules->pattern_text, data, size);
        FAIL_IF(reference >= 0 && matched != (reference != 0), "pattern %s: the automaton says %s, the reference %s",
                rules->pattern_text, matched ? "match" : "no match", reference ? "match" : "no match");
    }
done:
    free(copy);
    return result;
}

/* --- the number target --- */

/* JSON's number grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
static bool is_json_number(const uint8_t *s, size_t n)
{
    size_t i = 0;
#define DIGIT(k) ((k) < n && s[k] >= '0' && s[k] <= '9')
    if (i < n && s[i] == '-')
        i++;
    if (!DIGIT(i))
        return false;
    if (s[i] == '0')
        i++;
    else
        while (DIGIT(i))
            i++;
    if (i < n && s[i] == '.') {
        i++;
        if (!DIGIT(i))
            return false;
        while (DIGIT(i))
            i++;
    }
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        if (i < n && (s[i] == '+' || s[i] == '-'))
            i++;
        if (!DIGIT(i))
            return false;
        while (DIGIT(i))
            i++;
    }
#undef DIGIT
    return i == n;
}

/* The reference: moves the decimal point on the digit string, then compares
 * the integer's digits with the limit's. `s` is JSON number syntax. */
static acr_number_class reference_number(const uint8_t *s, size_t n, bool is_unsigned, uint64_t *magnitude,
                                         bool *negative)
{
    size_t i = 0;
    *negative = s[0] == '-';
    if (*negative)
        i++;
    /* mantissa digits (integer and fraction parts) and the power of ten */
    char *digits = malloc(n + 1);
    size_t count = 0;
    long long scale = 0;
    bool huge_exponent = false;
    if (!digits)
        return ACR_NUMBER_INVALID;
    for (; i < n && s[i] >= '0' && s[i] <= '9'; i++)
        digits[count++] = (char)s[i];
    if (i < n && s[i] == '.')
        for (i++; i < n && s[i] >= '0' && s[i] <= '9'; i++, scale--)
            digits[count++] = (char)s[i];
    if (i < n) {
        bool minus = false;
        i++;
        if (s[i] == '+' || s[i] == '-')
            minus = s[i++] == '-';
        long long e = 0;
        for (; i < n; i++) {
            if (e < 1000000000LL)
                e = e * 10 + (s[i] - '0');
            else
                huge_exponent = true;
        }
        scale += minus ? -e : e;
        if (huge_exponent)
            scale = minus ? -4000000000LL : 4000000000LL;
    }
    size_t first = 0;
    while (first < count && digits[first] == '0')
        first++;
    acr_number_class result = ACR_NUMBER_INTEGER;
    *magnitude = 0;
    if (first == count) {
        *negative = false;
        goto done;
    }
    while (digits[count - 1] == '0') {
        count--;
        scale++;
    }
    if (scale < 0) {
        result = ACR_NUMBER_NOT_INTEGER;
        goto done;
    }
    long long width = (long long)(count - first) + scale;
    const char *limit = is_unsigned ? "18446744073709551615" : *negative ? "9223372036854775808" : "9223372036854775807";
    long long limit_width = (long long)strlen(limit);
    if (width > limit_width) {
        result = ACR_NUMBER_OUT_OF_RANGE;
        goto done;
    }
    char value[32];
    size_t w = 0;
    for (size_t k = first; k < count; k++)
        value[w++] = digits[k];
    for (long long k = 0; k < scale; k++)
        value[w++] = '0';
    value[w] = '\0';
    if (width == limit_width && strcmp(value, limit) > 0) {
        result = ACR_NUMBER_OUT_OF_RANGE;
        goto done;
    }
    for (size_t k = 0; k < w; k++)
        *magnitude = *magnitude * 10 + (uint64_t)(value[k] - '0');
done:
    free(digits);
    return result;
}

static const char *class_name(acr_number_class c)
{
    switch (c) {
    case ACR_NUMBER_INTEGER: return "integer";
    case ACR_NUMBER_NOT_INTEGER: return "not an integer";
    case ACR_NUMBER_OUT_OF_RANGE: return "out of range";
    case ACR_NUMBER_INVALID: return "invalid";
    }
    return "?";
}

const char *fuzz_check_number(const uint8_t *data, size_t size)
{
    char *text = calloc(1, size ? size : 1);
    if (!text)
        return failed("out of memory");
    if (size)
        memcpy(text, data, size);
    const char *result = NULL;
    int64_t i = 0;
    uint64_t u = 0;
    acr_number_class ci = acr_number_to_int64(text, size, &i);
    acr_number_class cu = acr_number_to_uint64(text, size, &u);
    if (is_json_number(data, size)) {
        uint64_t magnitude;
        bool negative;
        int shown = size > 80 ? 80 : (int)size;
        acr_number_class ri = reference_number(data, size, false, &magnitude, &negative);
        FAIL_IF(ci != ri, "int64 of %.*s: %s, the reference says %s", shown, text, class_name(ci), class_name(ri));
        if (ri == ACR_NUMBER_INTEGER) {
            int64_t expected = negative ? (int64_t)(0 - magnitude) : (int64_t)magnitude;
            FAIL_IF(i != expected, "int64 of %.*s: %lld, the reference says %lld", shown, text, (long long)i,
                    (long long)expected);
        }
        acr_number_class ru = reference_number(data, size, true, &magnitude, &negative);
        if (ru == ACR_NUMBER_INTEGER && negative)
            ru = ACR_NUMBER_OUT_OF_RANGE;
        FAIL_IF(cu != ru, "uint64 of %.*s: %s, the reference says %s", shown, text, class_name(cu), class_name(ru));
        FAIL_IF(ru == ACR_NUMBER_INTEGER && u != magnitude, "uint64 of %.*s: %llu, the reference says %llu", shown,
                text, (unsigned long long)u, (unsigned long long)magnitude);
    }
done:
    free(text);
    return result;
}

/* --- everything --- */

const char *fuzz_check_all(const uint8_t *data, size_t size)
{
    const char *(*const checks[])(const uint8_t *, size_t) = {
        fuzz_check_request, fuzz_check_responses, fuzz_check_roundtrip,
        fuzz_check_struct,  fuzz_check_pattern,   fuzz_check_number,
    };
    for (size_t i = 0; i < sizeof checks / sizeof *checks; i++) {
        const char *problem = checks[i](data, size);
        if (problem)
            return problem;
    }
    return NULL;
}
