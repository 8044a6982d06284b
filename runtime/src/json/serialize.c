/* acr runtime: serialization of a struct to JSON with yajl_gen, streamed to a
 * write callback in blocks of a few KiB (no whole document), or, for
 * acr_to_json, straight into the buffer handed out. */
#include <stdint.h>
#include <string.h>

#include <yajl/yajl_gen.h>

#include "acr/alloc.h"
#include "acr/engine.h"
#include "internal.h"

/* A callback gets the body in blocks of this size (and the rest at the end),
 * not in yajl's pieces of a byte or two. */
#define SINK_BLOCK 4096

typedef struct serializer {
    yajl_gen gen;
    acr_error *err;
    acr_steps steps;    /* where the value being written is, for errors */
    acr_write_fn write; /* NULL: output goes to `out` alone */
    void *ctx;
    bool write_aborted;
    bool failed;        /* err is filled; stop emitting */
    char *out;          /* the block on the stack; past it, acr_to_json's text on the heap */
    char *block;
    size_t out_length;
    size_t out_capacity;
    size_t block_used;  /* the most of the block ever filled, to wipe */
    bool out_failed;    /* out of memory for `out` */
} serializer;

/* acr_steps_push and _pop inline for a step that fits (one per member and
 * item written: a call each cost more than the step). */
static inline size_t push_step(serializer *s, const char *name, size_t length_or_index)
{
    acr_steps *steps = &s->steps;
    if (steps->depth == steps->capacity)
        return acr_steps_push(steps, name, length_or_index);
    steps->items[steps->depth].name = name;
    steps->items[steps->depth].length_or_index = length_or_index;
    return steps->depth++;
}

static inline void pop_step(serializer *s, size_t mark)
{
    if (mark < s->steps.depth)
        s->steps.depth = mark;
}

/* Hands the block to the callback (the caller wipes it at the end). */
static void flush_block(serializer *s)
{
    if (s->out_length > s->block_used)
        s->block_used = s->out_length;
    if (s->out_length && !s->write_aborted && s->write(s->ctx, s->out, s->out_length) != 0)
        s->write_aborted = true;
    s->out_length = 0;
}

/* The rare path of put(): the block is full, or the text must grow. */
#if defined(__GNUC__) || defined(__clang__)
__attribute__((noinline))
#endif
static void put_slow(serializer *s, const char *str, size_t len)
{
    if (s->write) {
        flush_block(s);
        if (len < s->out_capacity) {
            memcpy(s->out, str, len);
            s->out_length = len;
        } else if (!s->write_aborted && s->write(s->ctx, str, len) != 0) {
            s->write_aborted = true;
        }
        return;
    }
    if (s->out_failed)
        return;
    size_t capacity = s->out_capacity * 2;
    while (capacity < s->out_length + len + 1)
        capacity *= 2;
    /* Not acr_realloc: the block left behind holds the text (secrets), and
     * is wiped like the stack block (docs/SECURITY.md). */
    char *grown = acr_malloc(capacity);
    if (!grown) {
        s->out_failed = true;
        s->out_capacity = s->out_length; /* no room: every later put() fails here */
        return;
    }
    memcpy(grown, s->out, s->out_length);
    if (s->out == s->block)
        s->block_used = s->out_length;
    else
        acr_free_wiped(s->out, s->out_length);
    s->out = grown;
    s->out_capacity = capacity;
    memcpy(s->out + s->out_length, str, len);
    s->out_length += len;
}

/* yajl prints in many small pieces (a quote, a comma, a name): appended to
 * `out` (always one byte left for the NUL). */
static inline void put(serializer *s, const char *str, size_t len)
{
    if (len >= s->out_capacity - s->out_length) {
        put_slow(s, str, len);
        return;
    }
    char *o = s->out + s->out_length;
    if (len <= 2) {
        if (len)
            o[0] = str[0];
        if (len == 2)
            o[1] = str[1];
    } else {
        memcpy(o, str, len);
    }
    s->out_length += len;
}

static void print_piece(void *ctx, const char *str, size_t len)
{
    put(ctx, str, len);
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

/* Bytes yajl_gen_string writes as they are: printable ASCII (so valid UTF-8
 * too) but '"' and '\\' (yajl 2.1's yajl_string_encode escapes those and
 * bytes below 0x20; '/' only with yajl_gen_escape_solidus, not set here).
 * A table: most strings are short, a byte a load is the fastest check. */
static const unsigned char plain_byte[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};

/* The length of text when yajl would write it as it is, else SIZE_MAX. */
static inline size_t plain_length(const char *text)
{
    const unsigned char *p = (const unsigned char *)text;
    size_t length = 0;
    while (plain_byte[p[length]])
        length++;
    return p[length] ? SIZE_MAX : length;
}

static void emit_string(serializer *s, const char *text)
{
    size_t length = plain_length(text);
    if (length != SIZE_MAX) {
        /* Nothing to escape or check: yajl writes the separator and the
         * opening quote (yajl_gen_number prints verbatim and moves the
         * generator's state as a string value would), the text goes straight
         * to the output. Byte for byte what yajl_gen_string writes. */
        yajl_gen_status status = yajl_gen_number(s->gen, "\"", 1);
        if (status != yajl_gen_status_ok) {
            check(s, status);
            return;
        }
        put(s, text, length);
        put(s, "\"", 1);
        return;
    }
    length = strlen(text);
    /* Checked here rather than with yajl_gen_validate_utf8, which only checks
     * the byte structure: it lets overlong forms, surrogates and code points
     * above U+10FFFF through. */
    if (acr_utf8_length(text, length) == SIZE_MAX) {
        fail_here(s, "is not valid UTF-8");
        return;
    }
    check(s, yajl_gen_string(s->gen, (const unsigned char *)text, length));
}

static void emit_digits(serializer *s, uint64_t magnitude, bool negative)
{
    char digits[24];
    char *p = digits + sizeof digits;
    do {
        *--p = (char)('0' + magnitude % 10);
        magnitude /= 10;
    } while (magnitude);
    if (negative)
        *--p = '-';
    check(s, yajl_gen_number(s->gen, p, (size_t)(digits + sizeof digits - p)));
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
    case ACR_KIND_INT: {
        /* The digits yajl_gen_integer's "%lld" writes, without sprintf. */
        int64_t v = *(const int64_t *)slot;
        emit_digits(s, v < 0 ? 0 - (uint64_t)v : (uint64_t)v, v < 0);
        break;
    }
    case ACR_KIND_UINT64:
        emit_digits(s, *(const uint64_t *)slot, false);
        break;
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
    bool strings = array->items->kind == ACR_KIND_STRING;
    for (size_t i = 0; i < count && !s->failed; i++) {
        const void *slot = (const char *)items + i * array->item_size;
        const char *text = strings ? *(const char *const *)slot : NULL;
        size_t length;
        if (i > 0 && text && (length = plain_length(text)) != SIZE_MAX) {
            /* Past an array's first item yajl writes a comma before a value
             * and its state stays "in an array": the item goes straight to
             * the output, as yajl would write it. */
            put(s, ",\"", 2);
            put(s, text, length);
            put(s, "\"", 1);
            continue;
        }
        size_t mark = push_step(s, NULL, i);
        if (strings && !text)
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
    /* acr_to_json's text too starts in the block: a text that fits is
     * copied once at its size instead of growing block by block. */
    char block[SINK_BLOCK];
    s.block = s.out = block;
    s.out_capacity = sizeof block;
    s.gen = yajl_gen_alloc(&acr_yajl_alloc_funcs);
    if (!s.gen)
        return acr_error_set(err, ACR_ERR_NOMEM, "out of memory while serializing");
    yajl_gen_config(s.gen, yajl_gen_print_callback, print_piece, (void *)&s);
    emit_object(&s, type->object, value);
    yajl_gen_free(s.gen);
    bool nomem = s.steps.failed;
    if (write) {
        if (!s.failed)
            flush_block(&s);
        else if (s.out_length > s.block_used)
            s.block_used = s.out_length;
        /* The body may hold secrets (docs/SECURITY.md). */
        acr_wipe(block, s.block_used);
    } else {
        char *text = s.out;
        if (s.out == block) {
            s.block_used = s.out_length;
            text = s.failed || nomem ? NULL : acr_malloc(s.out_length + 1);
            if (text)
                memcpy(text, block, s.out_length);
            else
                s.out_failed = !s.failed && !nomem;
        }
        if (s.out_failed || s.failed || nomem) {
            if (text != block && text)
                acr_free_wiped(text, s.out_length); /* the text so far: secrets too */
            nomem |= s.out_failed;
        } else {
            text[s.out_length] = '\0';
            *json = text;
            *length = s.out_length;
        }
        acr_wipe(block, s.block_used);
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
