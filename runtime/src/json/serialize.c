/* acr runtime: serialization of a struct to JSON with yajl_gen, streamed to a
 * write callback (no intermediate document), or, for acr_to_json, straight
 * into the buffer handed out. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include <yajl/yajl_gen.h>

#include "acr/alloc.h"
#include "acr/engine.h"
#include "internal.h"

typedef struct serializer {
    yajl_gen gen;
    acr_error *err;
    acr_steps steps;    /* where the value being written is, for errors */
    acr_write_fn write; /* NULL: output goes to `out` */
    void *ctx;
    bool write_aborted;
    bool failed;        /* err is filled; stop emitting */
    char *out;          /* acr_to_json's text (NUL-terminated when complete) */
    size_t out_length;
    size_t out_capacity;
    bool out_failed;    /* out of memory for `out` */
} serializer;

static size_t push_step(serializer *s, const char *name, size_t length_or_index)
{
    return acr_steps_push(&s->steps, name, length_or_index);
}

static void pop_step(serializer *s, size_t mark)
{
    acr_steps_pop(&s->steps, mark);
}

/* yajl prints in many small pieces (a quote, a comma, a name): appended here
 * directly rather than through a write callback. */
static void print_to_buffer(void *ctx, const char *str, size_t len)
{
    serializer *s = ctx;
    if (s->out_failed)
        return;
    if (s->out_length + len + 1 > s->out_capacity) {
        size_t capacity = s->out_capacity ? s->out_capacity : 256;
        while (capacity < s->out_length + len + 1)
            capacity *= 2;
        char *grown = acr_realloc(s->out, capacity);
        if (!grown) {
            s->out_failed = true;
            return;
        }
        s->out = grown;
        s->out_capacity = capacity;
    }
    if (len == 1)
        s->out[s->out_length] = *str;
    else
        memcpy(s->out + s->out_length, str, len);
    s->out_length += len;
}

static void print_to_callback(void *ctx, const char *str, size_t len)
{
    serializer *s = ctx;
    if (!s->write_aborted && s->write(s->ctx, str, len) != 0)
        s->write_aborted = true;
}

static void fail_here(serializer *s, const char *message)
{
    if (s->failed)
        return;
    s->failed = true;
    acr_path path = {NULL, 0, 0, false};
    acr_steps_render(&s->steps, &path);
    const char *where = acr_path_text(&path);
    acr_error_set(s->err, ACR_ERR_INVALID_REQUEST, "%s: %s", where, message);
    acr_error_set_pointer(s->err, where);
    acr_error_add_violation(s->err, where, acr_path_length(&path), 0, "%s", message);
    acr_path_free(&path);
}

static void check(serializer *s, yajl_gen_status status)
{
    if (status == yajl_gen_status_ok || s->failed)
        return;
    if (status == yajl_gen_invalid_string)
        fail_here(s, "is not valid UTF-8");
    else
        fail_here(s, "cannot be serialized (internal generator error)");
}

static void emit_string(serializer *s, const char *text)
{
    size_t length = strlen(text);
    /* Checked here rather than with yajl_gen_validate_utf8, which only checks
     * the byte structure: it lets overlong forms, surrogates and code points
     * above U+10FFFF through. */
    if (acr_utf8_length(text, length) == SIZE_MAX) {
        fail_here(s, "is not valid UTF-8");
        return;
    }
    check(s, yajl_gen_string(s->gen, (const unsigned char *)text, length));
}

static void emit_object(serializer *s, const acr_object_desc *desc, const void *base);

static void emit_value(serializer *s, const acr_value_desc *vd, const void *slot, const void *other_text)
{
    if (s->failed)
        return;
    switch (vd->kind) {
    case ACR_KIND_STRING:
        emit_string(s, *(const char *const *)slot);
        break;
    case ACR_KIND_BOOL:
        check(s, yajl_gen_bool(s->gen, *(const bool *)slot));
        break;
    case ACR_KIND_INT:
        check(s, yajl_gen_integer(s->gen, (long long)*(const int64_t *)slot));
        break;
    case ACR_KIND_UINT64: {
        /* yajl_gen_integer takes a long long: write the digits ourselves. */
        char digits[24];
        int n = snprintf(digits, sizeof digits, "%" PRIu64, *(const uint64_t *)slot);
        check(s, yajl_gen_number(s->gen, digits, (size_t)n));
        break;
    }
    case ACR_KIND_NUMBER: {
        /* Not yajl_gen_double: its %.20g writes 0.1 as 0.10000000000000000555. */
        char text[ACR_NUMBER_TEXT_MAX];
        size_t n = acr_number_format(*(const double *)slot, text, sizeof text);
        if (n == 0)
            fail_here(s, "must be a finite number");
        else
            check(s, yajl_gen_number(s->gen, text, n));
        break;
    }
    case ACR_KIND_ENUM: {
        int value = *(const int *)slot;
        const acr_enum_desc *e = vd->enumeration;
        if (value >= 1 && (size_t)value <= e->count)
            emit_string(s, e->values[value - 1]);
        else if ((size_t)value == e->count + 1 && other_text)
            emit_string(s, other_text);
        else
            fail_here(s, "holds a value outside its enumeration");
        break;
    }
    case ACR_KIND_OBJECT:
        emit_object(s, vd->object, slot);
        break;
    case ACR_KIND_ARRAY:
    case ACR_KIND_STRING_OR_ARRAY:
        break; /* emitted by emit_items with their count */
    }
}

static void emit_items(serializer *s, const acr_value_desc *array, const void *items, size_t count)
{
    check(s, yajl_gen_array_open(s->gen));
    for (size_t i = 0; i < count && !s->failed; i++) {
        size_t mark = push_step(s, NULL, i);
        const void *slot = (const char *)items + i * array->item_size;
        if (array->items->kind == ACR_KIND_STRING && *(const char *const *)slot == NULL)
            check(s, yajl_gen_null(s->gen)); /* a hole the caller left; validate reports it */
        else
            emit_value(s, array->items, slot, NULL);
        pop_step(s, mark);
    }
    check(s, yajl_gen_array_close(s->gen));
}

static void emit_object(serializer *s, const acr_object_desc *desc, const void *base)
{
    check(s, yajl_gen_map_open(s->gen));
    for (size_t i = 0; i < desc->field_count && !s->failed; i++) {
        const acr_field_desc *field = &desc->fields[i];
        /* Items lost to a NULL pointer are not an absent array: refused. */
        bool lost = acr_lost_items(field, base) != 0;
        if (!lost && !acr_field_present(field, base))
            continue;
        size_t mark = push_step(s, field->json_name, field->json_name_length);
        if (lost) {
            fail_here(s, "has no items (a NULL pointer) but a non-zero count");
            pop_step(s, mark);
            break;
        }
        check(s, yajl_gen_string(s->gen, (const unsigned char *)field->json_name, field->json_name_length));
        const acr_value_desc *vd = field->value;
        if (vd->kind == ACR_KIND_ARRAY) {
            emit_items(s, vd, *ACR_CAT(base, field->offset, const void *),
                       *ACR_CAT(base, field->presence, size_t));
        } else if (vd->kind == ACR_KIND_STRING_OR_ARRAY) {
            const char *text = *ACR_CAT(base, field->offset, const char *);
            if (text)
                emit_string(s, text);
            else
                emit_items(s, vd, *ACR_CAT(base, field->presence, const void *),
                           *ACR_CAT(base, field->count_offset, size_t));
        } else {
            const char *other = vd->kind == ACR_KIND_ENUM ? *ACR_CAT(base, field->presence, const char *) : NULL;
            emit_value(s, vd, ACR_CAT(base, field->offset, char), other);
        }
        pop_step(s, mark);
    }
    check(s, yajl_gen_map_close(s->gen));
}

/* Serializes with `write`, or, when it is NULL, into a buffer handed to *json
 * (acr_malloc'd, NUL-terminated). */
static acr_status serialize(const acr_type_desc *type, const void *value, acr_write_fn write, void *ctx,
                            char **json, size_t *length, acr_error *err)
{
    acr_error scratch = ACR_ERROR_INIT;
    if (!err)
        err = &scratch; /* the caller does not want details; still report the status */
    acr_error_clear(err);
    serializer s;
    memset(&s, 0, sizeof s);
    s.err = err;
    acr_steps_init(&s.steps);
    s.write = write;
    s.ctx = ctx;
    s.gen = yajl_gen_alloc(&acr_yajl_alloc_funcs);
    if (!s.gen)
        return acr_error_set(err, ACR_ERR_NOMEM, "out of memory while serializing");
    yajl_gen_config(s.gen, yajl_gen_print_callback, write ? print_to_callback : print_to_buffer, (void *)&s);
    emit_object(&s, type->object, value);
    yajl_gen_free(s.gen);
    bool nomem = s.steps.failed;
    if (!write) {
        if (s.out_failed || !s.out || s.failed || nomem) {
            acr_free(s.out);
            nomem |= s.out_failed || !s.out;
        } else {
            s.out[s.out_length] = '\0';
            *json = s.out;
            *length = s.out_length;
        }
    }
    acr_steps_free(&s.steps);
    if (s.failed) {
        acr_status status = err->status;
        acr_error_clear(&scratch);
        return status;
    }
    if (nomem)
        return acr_error_set(err, ACR_ERR_NOMEM, "out of memory while serializing");
    if (s.write_aborted)
        return acr_error_set(err, ACR_ERR_USAGE, "the write callback stopped serialization");
    return ACR_OK;
}

acr_status acr_serialize(const acr_type_desc *type, const void *value, acr_write_fn write, void *ctx, acr_error *err)
{
    if (!type || !value || !write) {
        acr_error_clear(err);
        return acr_error_set(err, ACR_ERR_USAGE, "acr_serialize: NULL argument");
    }
    return serialize(type, value, write, ctx, NULL, NULL, err);
}

acr_status acr_to_json(const acr_type_desc *type, const void *value, char **json, size_t *length, acr_error *err)
{
    if (!json)
        return acr_error_set(err, ACR_ERR_USAGE, "acr_to_json: NULL output");
    *json = NULL;
    if (!type || !value) {
        acr_error_clear(err);
        return acr_error_set(err, ACR_ERR_USAGE, "acr_serialize: NULL argument");
    }
    size_t n = 0;
    acr_status status = serialize(type, value, NULL, NULL, json, &n, err);
    if (status != ACR_OK) {
        acr_free(*json);
        *json = NULL;
        return status;
    }
    if (length)
        *length = n;
    return ACR_OK;
}
