/* acr runtime: streaming parse of JSON into a struct, driven by yajl callbacks.
 *
 * The parser keeps a stack of frames, one per open JSON container, and fills the
 * struct in place as tokens arrive: nothing is buffered beyond what yajl holds
 * for a token split across chunks. The struct owns every allocation as soon as it
 * is made (its strings and arrays are pieces of one arena: see free.c), so
 * whatever happens, acr_free_value() releases everything.
 *
 * Requests and responses differ on purpose (docs/DESIGN.md): for a request, a value of
 * the wrong type, an unknown or duplicate property is a violation, and parsing
 * goes on to find the others; for a response, unknown properties are skipped and
 * unknown enum strings kept, but anything else is fatal. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <yajl/yajl_parse.h>

#if defined(__SSE2__) && !defined(ACR_NO_SIMD)
#include <emmintrin.h>
#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define ACR_SURVEY_AVX2 1
#endif
#endif

#include "acr/alloc.h"
#include "acr/engine.h"
#include "internal.h"

#define ENUM_CACHED 32

typedef enum frame_kind { FRAME_OBJECT, FRAME_ARRAY, FRAME_SKIP } frame_kind;

/* The JSON pointer of the value being read is not kept as text: each frame
 * holds its current key or item index, and current_path() renders the pointer
 * only when a message needs it (keeping the text up to date at every token
 * cost more than filling the struct). */
typedef struct frame {
    frame_kind kind;
    acr_arena *arena;                   /* where the values inside go */
    /* FRAME_OBJECT */
    const acr_object_desc *object;
    void *base;
    uint64_t seen;                      /* fields already given (duplicates) */
    const acr_field_desc *field;        /* the field of the current key, or NULL */
    bool skip_value;                    /* the current key's value is ignored */
    const char *key;                    /* the current key's text, or NULL: a field's
                                           json_name, or the parser's unknown_key */
    size_t key_length;
    size_t next_field;                  /* where to start looking for the next key */
    void *repeat_base;                  /* the current key is a repeat (request only):
                                           its value goes to this scratch object */
    /* FRAME_ARRAY */
    const acr_value_desc *array;
    void **items;                       /* the item pointer, in the owner struct */
    size_t *count;                      /* the count, in the owner struct */
    size_t capacity;
    size_t next_index;                  /* JSON index of the next item */
    bool in_item;                       /* item next_index - 1 is being read */
} frame;

struct acr_parser {
    const acr_type_desc *type;
    void *out;
    bool is_request;                    /* type->is_request */
    bool wipe;                          /* acr_parse_wiped: buffers wiped before freed */
    yajl_handle yajl;
    frame *frames;
    size_t depth;
    frame *top;                         /* &frames[depth - 1], NULL at depth 0 */
    /* The member whose value comes next, when on_map_key found it the usual
     * way (see "the usual values"); the top frame's field stays NULL until a
     * callback takes the general path (pending_to_frame). NULL otherwise. */
    const acr_field_desc *pending;
    void *pending_base;
    /* The arena of the struct being filled (the struct owns it from its first
     * piece on), and the one of a repeated value's scratch object. */
    acr_arena arena;
    acr_arena scratch;
    size_t frames_capacity;
    size_t max_depth;
    acr_path path;                      /* rendered by current_path() */
    /* The text of the one unknown key that can be current (its value is
     * skipped, so no frame above it has a key). */
    char *unknown_key;
    size_t unknown_key_capacity;
    acr_error err;                      /* fatal error or collected violations */
    /* While a repeated property's value is read (see on_map_key): its
     * violations, until they join err's at its end. */
    acr_error repeat_err;
    bool repeating;
    bool fatal;
    bool root_seen;
    bool content_seen;                  /* a byte other than white space */
    bool finished;
    /* yajl ends a number only at the byte after it, so a piece ending with a
     * number leaves it open in yajl, which reports it, when it is
     * the token a missing ',' makes unexpected, in the next piece: where it
     * started is kept for that (valid for the next piece when bare_pending). */
    bool bare_pending;
    unsigned char last_byte;            /* the last byte other than white space
                                           of the pieces so far (0: none) */
    unsigned long bare_line;
    unsigned long bare_column;
    size_t bare_offset;
    size_t values_done;                 /* values completed, to tell whether
                                           that token was a value */
    /* Position of the next unread byte, for messages. */
    unsigned long line;
    unsigned long column;               /* characters before it on its line */
    size_t offset;
    /* What the scanner (see "before yajl") knows of the bytes fed so far. */
    int scan;                           /* a scan_state */
    unsigned escape_value;              /* the \u escape being read */
    unsigned escape_digits;
    unsigned high_surrogate;            /* the \u escape before, when a high surrogate */
    char escape_problem[128];
    /* The token still open at the end of the last chunk: yajl gets it whole. */
    unsigned char *held;
    size_t held_length;
    size_t held_capacity;
    size_t max_bytes;                   /* 0: no limit */
    size_t total_bytes;
    /* A piece is simple when its bytes are ASCII without NUL, line break or
     * backslash (see survey): its position moves by its length, and its
     * strings need no check of their own. */
    bool piece_simple;
    bool held_simple;                   /* of every byte held */
    /* The lengths of the values (255: 255 or more) of the last enumeration
     * member_enum read, when it has at most ENUM_CACHED values. */
    const acr_enum_desc *enum_cached;
    unsigned char enum_lengths[ENUM_CACHED];
};

/* A place a value can go: a field of an object, or a new array item. */
typedef struct target {
    const acr_value_desc *value;
    const acr_field_desc *field;        /* NULL for an array item */
    void *base;                         /* the object holding the field */
    frame *array;                       /* the array frame, for an item */
    acr_arena *arena;                   /* where its strings and arrays go */
} target;

/* Off the usual path: kept out of line, so the usual path stays short. */
#if defined(__GNUC__)
#define ACR_COLD __attribute__((noinline, cold))
#define ACR_NOINLINE __attribute__((noinline))
#else
#define ACR_COLD
#define ACR_NOINLINE
#endif

/* --- errors --- */

/* The most bytes of a JSON pointer a fatal error's message shows. */
#define POINTER_SHOWN 200

static acr_path *current_path(acr_parser *p)
{
    acr_path_truncate(&p->path, 0);
    for (size_t i = 0; i < p->depth; i++) {
        const frame *f = &p->frames[i];
        if (f->kind == FRAME_OBJECT) {
            /* Only an object frame sets its field (push_frame clears nothing). */
            const acr_field_desc *field = f->field;
            if (!field && i + 1 == p->depth)
                field = p->pending; /* between a key and its value */
            if (field)
                acr_path_push_key(&p->path, field->json_name, field->json_name_length);
            else if (f->key)
                acr_path_push_key(&p->path, f->key, f->key_length);
        } else if (f->kind == FRAME_ARRAY && f->in_item) {
            acr_path_push_index(&p->path, f->next_index - 1);
        }
    }
    return &p->path;
}

static int fail(acr_parser *p, acr_status status, const char *fmt, ...) ACR_PRINTF(3, 4);
static int fail(acr_parser *p, acr_status status, const char *fmt, ...)
{
    if (p->fatal)
        return 0;
    p->fatal = true;
    /* A document that cannot be read to its end has no meaningful violations. */
    acr_error_keep_violations(&p->err, 0);
    acr_error_clear(&p->repeat_err);
    p->err.parse_violation_count = 0;
    char message[ACR_ERROR_MESSAGE_MAX];
    va_list args;
    va_start(args, fmt);
    vsnprintf(message, sizeof message, fmt, args);
    va_end(args);
    if (status == ACR_ERR_NOMEM) {
        acr_error_set(&p->err, status, "%s", message);
    } else {
        const char *where = acr_path_text(current_path(p));
        /* The pointer is made of the document's keys, as long as they are: the
         * message shows its start, so the reason always fits; err->pointer
         * holds it whole. The cut falls between two keys, never inside one: a
         * key shown is shown whole, so the client's redaction of an echoed
         * secret (which matches whole secrets) still finds it. */
        int shown = (int)strnlen(where, POINTER_SHOWN + 1);
        const char *cut = "";
        if (shown > POINTER_SHOWN) {
            shown = POINTER_SHOWN;
            while (shown > 0 && where[shown] != '/')
                shown--;
            cut = "...";
        }
        acr_error_set(&p->err, status, "%.*s%s%s%s", shown, where, cut, *where ? ": " : "", message);
        acr_error_set_pointer(&p->err, where);
    }
    return 0; /* yajl stops with yajl_status_client_canceled */
}

static int out_of_memory(acr_parser *p)
{
    return fail(p, ACR_ERR_NOMEM, "out of memory while parsing");
}

static acr_status shape_error_status(const acr_parser *p)
{
    return p->type->is_request ? ACR_ERR_MALFORMED_JSON : ACR_ERR_INVALID_RESPONSE;
}

/* A well-formed value that breaks the schema: a violation for a request (parsing
 * goes on), fatal for a response. Returns the yajl callback result. */
static int shape_problem(acr_parser *p, const char *fmt, ...) ACR_PRINTF(2, 3);
static int shape_problem(acr_parser *p, const char *fmt, ...)
{
    char message[ACR_ERROR_MESSAGE_MAX];
    va_list args;
    va_start(args, fmt);
    vsnprintf(message, sizeof message, fmt, args);
    va_end(args);
    if (!p->type->is_request)
        return fail(p, ACR_ERR_INVALID_RESPONSE, "%s", message);
    acr_path *path = current_path(p);
    acr_error *into = p->repeating ? &p->repeat_err : &p->err;
    if (path->failed || !acr_error_add_violation(into, acr_path_text(path), acr_path_length(path), 0, "%s", message))
        return out_of_memory(p);
    return 1;
}

/* --- the frame stack --- */

static frame *top(acr_parser *p) { return p->top; }

/* Makes the pending member (see acr_parser) the top frame's current field,
 * before a callback takes the general path. */
static inline void pending_to_frame(acr_parser *p)
{
    if (p->pending) {
        p->top->field = p->pending;
        p->pending = NULL;
    }
}

static void pop_frame(acr_parser *p)
{
    p->depth--;
    p->top = p->depth ? &p->frames[p->depth - 1] : NULL;
}

static frame *push_frame(acr_parser *p, frame_kind kind)
{
    if (p->depth >= p->max_depth) {
        fail(p, shape_error_status(p), "nesting deeper than %zu levels", p->max_depth);
        return NULL;
    }
    if (p->depth == p->frames_capacity) {
        size_t capacity = p->frames_capacity ? p->frames_capacity * 2 : 8;
        if (capacity > p->max_depth)
            capacity = p->max_depth;
        frame *grown = acr_realloc(p->frames, capacity * sizeof *grown);
        if (!grown) {
            out_of_memory(p);
            return NULL;
        }
        p->frames = grown;
        p->frames_capacity = capacity;
    }
    /* No memset of the whole frame: the caller sets what its kind uses. */
    frame *f = &p->frames[p->depth++];
    p->top = f;
    f->kind = kind;
    return f;
}

/* Releases a repeated value's scratch object. */
static void drop_repeat(acr_parser *p, frame *f)
{
    acr_arena_release(&p->scratch);
    acr_free(f->repeat_base);
    f->repeat_base = NULL;
    p->repeating = false;
}

/* At the end of a repeated value: it is validated as the first one will be
 * (but for mode-dependent rules: the parser does not know the mode), and its
 * violations join the document's, marked. Returns the yajl callback result. */
static int end_repeat(acr_parser *p, frame *f)
{
    acr_path *path = current_path(p);
    bool ok = !path->failed &&
              acr_validate_member(f->field, f->repeat_base, acr_path_text(path), acr_path_length(path),
                                  &p->repeat_err);
    for (size_t i = 0; ok && i < p->repeat_err.violation_count; i++) {
        const acr_violation *v = &p->repeat_err.violations[i];
        ok = acr_error_add_violation(&p->err, v->pointer, v->pointer_length, 0, ACR_REPEATED_PREFIX "%s",
                                     v->message);
    }
    acr_error_clear(&p->repeat_err);
    drop_repeat(p, f);
    return ok ? 1 : out_of_memory(p);
}

/* After a whole value (scalar or container) has been read: back to the parent. */
static inline int value_done(acr_parser *p)
{
    p->values_done++;
    frame *f = top(p);
    if (!f)
        return 1;
    int ok = 1;
    if (p->repeating && f->kind == FRAME_OBJECT && f->repeat_base)
        ok = end_repeat(p, f);
    if (f->kind == FRAME_OBJECT) {
        f->field = NULL;
        f->skip_value = false;
        f->key = NULL;
    } else {
        f->in_item = false;
    }
    return ok;
}

/* Decides where the value starting now goes. Returns false when it is to be
 * skipped (unknown property, a skipped container, or after a violation). */
static inline bool begin_value(acr_parser *p, target *t)
{
    frame *f = top(p);
    if (!f)
        return false; /* the root: handled by the container callbacks */
    if (f->kind == FRAME_OBJECT) {
        if (f->skip_value || !f->field)
            return false;
        t->field = f->field;
        t->value = f->field->value;
        t->array = NULL;
        if (f->repeat_base) {
            t->base = f->repeat_base;
            t->arena = &p->scratch;
        } else {
            t->base = f->base;
            t->arena = f->arena;
        }
        return true;
    }
    if (f->kind == FRAME_SKIP)
        return false;
    f->next_index++;
    f->in_item = true;
    t->field = NULL;
    t->base = NULL;
    t->value = f->array->items;
    t->array = f;
    t->arena = f->arena;
    return true;
}

/* A new zeroed item at the end of the array; NULL when out of memory. */
static void *add_item(acr_parser *p, frame *array)
{
    size_t size = array->array->item_size;
    size_t count = *array->count;
    if (count == array->capacity) {
        size_t capacity = array->capacity * 2;
        if (capacity < array->capacity || capacity > SIZE_MAX / size) {
            out_of_memory(p);
            return NULL;
        }
        void *grown = acr_arena_grow(array->arena, *array->items, count * size, capacity * size);
        if (!grown) {
            out_of_memory(p);
            return NULL;
        }
        *array->items = grown;
        array->capacity = capacity;
    }
    void *item = (char *)*array->items + count * size;
    memset(item, 0, size);
    *array->count = count + 1;
    return item;
}

/* The storage for a scalar of the target (a member, or a new item). */
static inline void *slot_of(acr_parser *p, const target *t)
{
    if (t->array)
        return add_item(p, t->array);
    return (char *)t->base + t->field->offset;
}

static inline void mark_present(const target *t)
{
    if (!t->field)
        return;
    switch (t->value->kind) {
    case ACR_KIND_BOOL:
    case ACR_KIND_INT:
    case ACR_KIND_UINT64:
    case ACR_KIND_NUMBER:
    case ACR_KIND_OBJECT:
        if (t->field->presence != ACR_ALWAYS_PRESENT)
            *ACR_AT(t->base, t->field->presence, bool) = true;
        break;
    default:
        break;
    }
}

/* After a request's array item was rejected (`ok` is the result of reporting
 * it): the item still takes its place, zeroed, so the items after it keep their
 * JSON index. The validator's pointers then name the values the user wrote, and
 * what it finds in the placeholder is at a pointer already reported, so dropped. */
static int keep_index(acr_parser *p, const target *t, int ok)
{
    if (ok && t->array && p->type->is_request && !add_item(p, t->array))
        return 0;
    return ok;
}

static int wrong_type(acr_parser *p, const target *t)
{
    return keep_index(p, t, shape_problem(p, "must be %s", t->value->type_text));
}

/* Skips a value that starts a container: its contents are ignored. */
static int skip_container(acr_parser *p)
{
    return push_frame(p, FRAME_SKIP) ? 1 : 0;
}

/* A string for the target: a piece of its arena. */
static char *copy_string(acr_parser *p, const target *t, const unsigned char *s, size_t length)
{
    char *copy = acr_arena_alloc(t->arena, length + 1);
    if (!copy) {
        out_of_memory(p);
        return NULL;
    }
    memcpy(copy, s, length);
    copy[length] = '\0';
    return copy;
}

/* --- yajl callbacks --- */

static int on_null(void *ctx)
{
    acr_parser *p = ctx;
    target t;
    if (!begin_value(p, &t)) {
        return value_done(p);
    }
    int ok = t.field && t.value->nullable ? 1 : wrong_type(p, &t);
    return value_done(p) ? ok : 0;
}

static int on_boolean(void *ctx, int value)
{
    acr_parser *p = ctx;
    target t;
    int ok = 1;
    if (begin_value(p, &t)) {
        if (t.value->kind != ACR_KIND_BOOL) {
            ok = wrong_type(p, &t);
        } else {
            bool *slot = slot_of(p, &t);
            if (!slot)
                return 0;
            *slot = value != 0;
            mark_present(&t);
        }
    }
    return value_done(p) ? ok : 0;
}

static int on_number(void *ctx, const char *text, size_t length)
{
    acr_parser *p = ctx;
    target t;
    int ok = 1;
    if (begin_value(p, &t)) {
        acr_kind kind = t.value->kind;
        double d = 0;
        if (kind == ACR_KIND_NUMBER) {
            /* Any JSON number, 1 and 1e2 included; 1e999 is not finite. */
            if (!acr_number_to_double(text, length, &d)) {
                ok = keep_index(p, &t, shape_problem(p, "must be a finite number"));
            } else {
                double *slot = slot_of(p, &t);
                if (!slot)
                    return 0;
                *slot = d;
                mark_present(&t);
            }
        } else if (kind != ACR_KIND_INT && kind != ACR_KIND_UINT64) {
            ok = wrong_type(p, &t);
        } else {
            int64_t i = 0;
            uint64_t u = 0;
            acr_number_class c = kind == ACR_KIND_INT ? acr_number_to_int64(text, length, &i)
                                                      : acr_number_to_uint64(text, length, &u);
            if (c == ACR_NUMBER_NOT_INTEGER || c == ACR_NUMBER_INVALID) {
                ok = wrong_type(p, &t);
            } else if (c == ACR_NUMBER_OUT_OF_RANGE) {
                ok = kind == ACR_KIND_UINT64
                         ? shape_problem(p, "must be an integer from 0 to %" PRIu64, UINT64_MAX)
                         : shape_problem(p, "must be an integer from %" PRId64 " to %" PRId64,
                                         INT64_MIN, INT64_MAX);
                ok = keep_index(p, &t, ok);
            } else {
                void *slot = slot_of(p, &t);
                if (!slot)
                    return 0;
                if (kind == ACR_KIND_INT)
                    *(int64_t *)slot = i;
                else
                    *(uint64_t *)slot = u;
                mark_present(&t);
            }
        }
    }
    return value_done(p) ? ok : 0;
}

/* s[0..length) holds no NUL (refused before, or a simple piece), so a value
 * shorter than it stops the loop at its own NUL. */
static int enum_index(const acr_enum_desc *e, const unsigned char *s, size_t length)
{
    for (size_t i = 0; i < e->count; i++) {
        const char *v = e->values[i];
        size_t k = 0;
        while (k < length && v[k] == (char)s[k])
            k++;
        if (k == length && v[k] == '\0')
            return (int)i + 1;
    }
    return (int)e->count + 1; /* "other" */
}

/* True when every byte is ASCII other than NUL: such text needs neither of
 * the checks below (the usual case, eight bytes at a time). */
static bool plain_ascii(const unsigned char *s, size_t length)
{
    const uint64_t ones = UINT64_C(0x0101010101010101), highs = UINT64_C(0x8080808080808080);
    size_t i = 0;
    for (; i + 8 <= length; i += 8) {
        uint64_t word;
        memcpy(&word, s + i, 8);
        if ((word | ((word - ones) & ~word)) & highs) /* a byte >= 0x80, or a zero byte */
            return false;
    }
    for (; i < length; i++)
        if (s[i] == 0 || s[i] >= 0x80)
            return false;
    return true;
}

static int on_string(void *ctx, const unsigned char *s, size_t length)
{
    acr_parser *p = ctx;
    target t;
    int ok = 1;
    if (begin_value(p, &t)) {
        acr_kind kind = t.value->kind;
        bool text = kind == ACR_KIND_STRING || kind == ACR_KIND_ENUM || kind == ACR_KIND_STRING_OR_ARRAY;
        bool plain = text && (p->piece_simple || plain_ascii(s, length));
        if (!text) {
            ok = wrong_type(p, &t);
        } else if (!plain && memchr(s, '\0', length)) {
            /* C strings cannot hold it; refusing beats silently truncating. */
            ok = keep_index(p, &t, shape_problem(p, "must not contain the character U+0000"));
        } else if (!plain && acr_utf8_length((const char *)s, length) == SIZE_MAX) {
            /* yajl checks only the byte structure of UTF-8: it lets overlong
             * forms, surrogates and code points above U+10FFFF through. */
            ok = keep_index(p, &t, shape_problem(p, "is not valid UTF-8"));
        } else if (kind == ACR_KIND_ENUM) {
            int index = enum_index(t.value->enumeration, s, length);
            char *other = NULL;
            if (!t.array && (size_t)index > t.value->enumeration->count && !(other = copy_string(p, &t, s, length)))
                return 0;
            if (t.array) {
                /* An enum item has no "other" text: the generator makes enum
                 * arrays for requests only, where the validator refuses it. */
                int *slot = slot_of(p, &t);
                if (!slot)
                    return 0;
                *slot = index;
            } else {
                *ACR_AT(t.base, t.field->offset, int) = index;
                *ACR_AT(t.base, t.field->presence, char *) = other;
            }
        } else {
            /* The slot first: a new item is zeroed, and a string in an item
             * is a piece of the arena that already holds the array. */
            char **slot = slot_of(p, &t);
            if (!slot)
                return 0;
            char *copy = copy_string(p, &t, s, length);
            if (!copy)
                return 0;
            *slot = copy;
        }
    } else if (!p->type->is_request && !plain_ascii(s, length) &&
               acr_utf8_length((const char *)s, length) == SIZE_MAX) {
        /* A skipped value too: a response is valid UTF-8 throughout. */
        ok = fail(p, ACR_ERR_INVALID_RESPONSE, "is not valid UTF-8");
    }
    return value_done(p) ? ok : 0;
}

/* A new object frame, its key state clear. */
static inline void open_object(frame *f, acr_arena *arena, const acr_object_desc *object, void *base)
{
    f->arena = arena;
    f->object = object;
    f->base = base;
    f->seen = 0;
    f->field = NULL;
    f->skip_value = false;
    f->key = NULL;
    f->key_length = 0;
    f->next_field = 0;
    f->repeat_base = NULL;
}

/* Zeroes a new item (a tail call of on_start_map). */
ACR_NOINLINE static int zero_item(void *item, size_t size)
{
    memset(item, 0, size);
    return 1;
}

static int start_map_general(acr_parser *p);

static int on_start_map(void *ctx)
{
    acr_parser *p = ctx;
    frame *a = p->top;
    /* The usual case first: the next item of an array of objects, with room
     * for it in the array and for its frame in the stack. Its calls are tail
     * calls: no stack frame. */
    if (a && a->kind == FRAME_ARRAY && a->array->items->kind == ACR_KIND_OBJECT && *a->count < a->capacity &&
        p->depth < p->frames_capacity /* never above max_depth */) {
        size_t size = a->array->item_size;
        void *item = (char *)*a->items + *a->count * size;
        (*a->count)++;
        a->next_index++;
        a->in_item = true;
        frame *f = &p->frames[p->depth++];
        p->top = f;
        f->kind = FRAME_OBJECT;
        open_object(f, a->arena, a->array->items->object, item);
        return zero_item(item, size);
    }
    return start_map_general(p);
}

ACR_NOINLINE static int start_map_general(acr_parser *p)
{
    pending_to_frame(p);
    target t;
    const acr_object_desc *object = NULL;
    void *base = NULL;
    bool top_level = !top(p);
    if (top_level) {
        if (p->root_seen)
            return fail(p, shape_error_status(p), "more than one JSON value");
        p->root_seen = true;
        object = p->type->object;
        base = p->out;
    } else if (begin_value(p, &t)) {
        if (t.value->kind != ACR_KIND_OBJECT) {
            if (!wrong_type(p, &t))
                return 0;
        } else {
            base = slot_of(p, &t);
            if (!base)
                return 0;
            object = t.value->object;
            mark_present(&t);
        }
    }
    if (!object)
        return skip_container(p);
    frame *f = push_frame(p, FRAME_OBJECT);
    if (!f)
        return 0;
    open_object(f, top_level ? &p->arena : t.arena, object, base);
    return 1;
}

/* Levenshtein distance, capped: enough to suggest a fix for a typo. */
static size_t edit_distance(const char *a, size_t na, const char *b, size_t nb)
{
    size_t row[65];
    if (nb > 64)
        return SIZE_MAX;
    for (size_t j = 0; j <= nb; j++)
        row[j] = j;
    for (size_t i = 1; i <= na; i++) {
        size_t diagonal = row[0];
        row[0] = i;
        for (size_t j = 1; j <= nb; j++) {
            size_t above = row[j];
            size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            size_t best = diagonal + cost;
            if (above + 1 < best)
                best = above + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diagonal = above;
        }
    }
    return row[nb];
}

static const char *closest_field(const acr_object_desc *object, const unsigned char *key, size_t length)
{
    const char *best = NULL;
    size_t best_distance = 3; /* suggest only close matches */
    for (size_t i = 0; i < object->field_count; i++) {
        const acr_field_desc *f = &object->fields[i];
        size_t d = edit_distance((const char *)key, length, f->json_name, f->json_name_length);
        if (length == f->json_name_length && strncasecmp(f->json_name, (const char *)key, length) == 0)
            d = 1; /* a case slip, like unSubscribeAudioUids */
        if (d < best_distance) {
            best_distance = d;
            best = f->json_name;
        }
    }
    return best;
}

/* memcmp(a, b, length) == 0 for the short texts of keys, without a call or a
 * loop over bytes: words of 8 (the last one overlapping the one before), or
 * two overlapping words of 4 or 2. Both texts have `length` bytes. */
static inline uint64_t load8(const void *p)
{
    uint64_t v;
    memcpy(&v, p, 8);
    return v;
}

static inline uint32_t load4(const void *p)
{
    uint32_t v;
    memcpy(&v, p, 4);
    return v;
}

static inline uint16_t load2(const void *p)
{
    uint16_t v;
    memcpy(&v, p, 2);
    return v;
}

ACR_NOINLINE static bool same_long_key(const char *a, const unsigned char *b, size_t length)
{
    for (size_t i = 0; i + 8 < length; i += 8)
        if (load8(a + i) != load8(b + i))
            return false;
    return load8(a + length - 8) == load8(b + length - 8);
}

/* same_key for texts of at most 16 bytes. */
static inline bool same_short_key(const char *a, const unsigned char *b, size_t length)
{
    if (length >= 8)
        return ((load8(a) ^ load8(b)) | (load8(a + length - 8) ^ load8(b + length - 8))) == 0;
    if (length >= 4)
        return ((load4(a) ^ load4(b)) | (load4(a + length - 4) ^ load4(b + length - 4))) == 0;
    if (length >= 2)
        return ((load2(a) ^ load2(b)) | (load2(a + length - 2) ^ load2(b + length - 2))) == 0;
    return length == 0 || a[0] == (char)b[0];
}

static inline bool same_key(const char *a, const unsigned char *b, size_t length)
{
    if (length >= 8) {
        if (length > 16)
            return same_long_key(a, b, length);
        return ((load8(a) ^ load8(b)) | (load8(a + length - 8) ^ load8(b + length - 8))) == 0;
    }
    if (length >= 4)
        return ((load4(a) ^ load4(b)) | (load4(a + length - 4) ^ load4(b + length - 4))) == 0;
    if (length >= 2)
        return ((load2(a) ^ load2(b)) | (load2(a + length - 2) ^ load2(b + length - 2))) == 0;
    return length == 0 || a[0] == (char)b[0];
}

/* The field named key[0..length), or NULL. */
ACR_COLD static const acr_field_desc *find_field(const acr_object_desc *object, const unsigned char *key, size_t length)
{
    for (size_t i = 0; i < object->field_count; i++) {
        const acr_field_desc *field = &object->fields[i];
        if (field->json_name_length == length && same_key(field->json_name, key, length))
            return field;
    }
    return NULL;
}

/* A key that names no field: its value is skipped (a response) or reported
 * (a request). */
ACR_COLD static int unknown_key(acr_parser *p, frame *f, const unsigned char *key, size_t length)
{
    if (!plain_ascii(key, length) && acr_utf8_length((const char *)key, length) == SIZE_MAX) {
        /* Not kept in any pointer (it would carry the bad bytes into messages
         * and `acr validate --format json`): reported at the object. */
        f->key = NULL;
        f->skip_value = true;
        return shape_problem(p, "has a property name that is not valid UTF-8");
    }
    if (length >= p->unknown_key_capacity) {
        size_t capacity = length + 1 > 64 ? length + 1 : 64;
        char *grown = p->wipe ? acr_malloc(capacity) : acr_realloc(p->unknown_key, capacity);
        if (!grown)
            return out_of_memory(p);
        if (p->wipe) /* nothing of the old key is needed: wiped, not copied */
            acr_free_wiped(p->unknown_key, p->unknown_key_capacity);
        p->unknown_key = grown;
        p->unknown_key_capacity = capacity;
    }
    if (length)
        memcpy(p->unknown_key, key, length);
    f->key = p->unknown_key;
    f->key_length = length;
    f->skip_value = true;
    if (!f->object->strict)
        return 1; /* responses accept properties added by the vendor later */
    const char *suggestion = closest_field(f->object, key, length);
    if (suggestion)
        return shape_problem(p, "is not a known property (did you mean \"%s\"?)", suggestion);
    return shape_problem(p, "is not a known property");
}

/* A field given a second time. */
ACR_COLD static int repeated_key(acr_parser *p, frame *f, const acr_field_desc *field)
{
    f->key = field->json_name;
    f->key_length = field->json_name_length;
    if (!shape_problem(p, ACR_DUPLICATE_MESSAGE))
        return 0; /* a response */
    if (p->repeating) {
        f->skip_value = true; /* one repeated value at a time */
        return 1;
    }
    /* The value is read into a scratch object and checked there, so that
     * what is wrong in it is reported too. */
    f->repeat_base = acr_malloc(f->object->size);
    if (!f->repeat_base)
        return out_of_memory(p);
    memset(f->repeat_base, 0, f->object->size);
    p->repeating = true;
    f->field = field;
    return 1;
}

/* Keys usually come in schema order, so the field after the last one found is
 * tried first: one length and a word or two compared. The frame's field,
 * skip_value and key are clear here (push_frame, value_done); a known key is
 * its field's name (current_path). */
/* on_map_key when the expected field is not the one: any other field, or an
 * unknown key, or a repeat. */
ACR_COLD static int other_key(acr_parser *p, frame *f, const unsigned char *key, size_t length)
{
    const acr_object_desc *object = f->object;
    const acr_field_desc *field = object->field_count ? find_field(object, key, length) : NULL;
    if (!field)
        return unknown_key(p, f, key, length);
    size_t i = (size_t)(field - object->fields);
    f->next_field = i + 1;
    uint64_t bit = UINT64_C(1) << i;
    if (f->seen & bit)
        return repeated_key(p, f, field);
    f->seen |= bit;
    f->field = field;
    return 1;
}

static int on_map_key(void *ctx, const unsigned char *key, size_t length)
{
    acr_parser *p = ctx;
    frame *f = p->top;
    if (f->kind != FRAME_OBJECT)
        return 1; /* inside a skipped container */
    const acr_object_desc *object = f->object;
    size_t i = f->next_field;
    if (i >= object->field_count) {
        if (!object->field_count)
            return other_key(p, f, key, length);
        i = 0;
    }
    const acr_field_desc *field = &object->fields[i];
    if (field->json_name_length != length || !same_key(field->json_name, key, length) || ((f->seen >> i) & 1))
        return other_key(p, f, key, length);
    f->next_field = i + 1;
    f->seen |= UINT64_C(1) << i;
    p->pending = field;
    p->pending_base = f->base;
    return 1;
}

/* A required object member is always part of its struct, so the struct cannot
 * show it was missing from the text: the parser says so while it still knows. */
static int report_missing_objects(acr_parser *p, frame *f)
{
    for (size_t i = 0; i < f->object->field_count; i++) {
        const acr_field_desc *field = &f->object->fields[i];
        if (field->presence != ACR_ALWAYS_PRESENT || (f->seen & (UINT64_C(1) << i)))
            continue;
        /* The pointer names the missing member: it is the frame's current key
         * while the violation is reported (see current_path). */
        f->key = field->json_name;
        f->key_length = field->json_name_length;
        int ok = shape_problem(p, "is required");
        f->key = NULL;
        if (!ok)
            return 0;
    }
    return 1;
}

ACR_NOINLINE static int end_map_general(acr_parser *p)
{
    frame *f = top(p);
    if (f->kind == FRAME_OBJECT && p->is_request) {
        /* Every member's value is done, so the frame has no current key. */
        if (!report_missing_objects(p, f))
            return 0;
    }
    pop_frame(p);
    return value_done(p);
}

static int on_end_map(void *ctx)
{
    acr_parser *p = ctx;
    /* The usual case: an object of a response inside another container,
     * no repeat being read (value_done's work, inline). */
    if (p->depth > 1 && !p->is_request && !p->repeating) {
        frame *parent = p->top - 1;
        p->depth--;
        p->top = parent;
        p->values_done++;
        if (parent->kind == FRAME_OBJECT) {
            parent->field = NULL;
            parent->skip_value = false;
            parent->key = NULL;
        } else {
            parent->in_item = false;
        }
        return 1;
    }
    return end_map_general(p);
}

static int on_start_array(void *ctx)
{
    acr_parser *p = ctx;
    pending_to_frame(p);
    target t;
    if (!top(p)) {
        p->root_seen = true;
        if (!shape_problem(p, "must be an object"))
            return 0;
        return skip_container(p);
    }
    if (!begin_value(p, &t))
        return skip_container(p);
    acr_kind kind = t.value->kind;
    if ((kind != ACR_KIND_ARRAY && kind != ACR_KIND_STRING_OR_ARRAY) || t.array) {
        if (!wrong_type(p, &t))
            return 0;
        return skip_container(p);
    }
    /* Allocate at once: an empty array is present, and must not look absent. */
    size_t items_offset = kind == ACR_KIND_ARRAY ? t.field->offset : t.field->presence;
    size_t count_offset = kind == ACR_KIND_ARRAY ? t.field->presence : t.field->count_offset;
    const size_t initial = 4;
    void *items = acr_arena_alloc(t.arena, initial * t.value->item_size);
    if (!items)
        return out_of_memory(p);
    void **items_slot = ACR_AT(t.base, items_offset, void *);
    size_t *count_slot = ACR_AT(t.base, count_offset, size_t);
    *items_slot = items;
    *count_slot = 0;
    frame *f = push_frame(p, FRAME_ARRAY);
    if (!f)
        return 0;
    f->array = t.value;
    f->arena = t.arena;
    f->items = items_slot;
    f->count = count_slot;
    f->capacity = initial;
    f->next_index = 0;
    f->in_item = false;
    return 1;
}

static int on_end_array(void *ctx)
{
    acr_parser *p = ctx;
    pop_frame(p);
    return value_done(p);
}

/* Scalars at the root: a document must be an object. */
static int root_scalar(acr_parser *p)
{
    if (p->root_seen)
        return fail(p, shape_error_status(p), "more than one JSON value");
    p->root_seen = true;
    return shape_problem(p, "must be an object");
}

/* --- the usual values, straight to their member ---
 *
 * Most values of a response are a known member of an object, read once, of the
 * member's own type: the callbacks below store those directly and leave the
 * rest (array items, repeats, wrong types, numbers that are not plain
 * integers, unknown enum strings...) to the general path above, which does
 * the same work with every check on the way. */

/* The end of a pending member's value on the usual path: value_done's work
 * for it (its frame's key is clear, and it is no repeat). */
static inline int member_done(acr_parser *p)
{
    p->values_done++;
    p->pending = NULL;
    return 1;
}

/* A member's has_ flag, when it has one. */
static inline void set_present(void *base, const acr_field_desc *field)
{
    if (field->presence != ACR_ALWAYS_PRESENT)
        *ACR_AT(base, field->presence, bool) = true;
}

/* Plain JSON integers of up to 18 digits (no fraction, no exponent): exact in
 * int64_t; false for anything else. Eight digits at a time where it can. */
static inline bool small_integer(const char *text, size_t length, int64_t *out)
{
    bool negative = length && text[0] == '-';
    size_t k = negative, digits = length - k;
    if (digits == 0 || digits > 18)
        return false;
    uint64_t value = 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (digits >= 8) {
        uint64_t w = load8(text + k);
        if ((((w & UINT64_C(0xF0F0F0F0F0F0F0F0)) |
              (((w + UINT64_C(0x0606060606060606)) & UINT64_C(0xF0F0F0F0F0F0F0F0)) >> 4)) ==
             UINT64_C(0x3333333333333333))) {
            w -= UINT64_C(0x3030303030303030);
            w = (w * 10) + (w >> 8);
            w = (((w & UINT64_C(0x000000FF000000FF)) * (100 + (UINT64_C(1000000) << 32))) +
                 (((w >> 16) & UINT64_C(0x000000FF000000FF)) * (1 + (UINT64_C(10000) << 32)))) >> 32;
            value = w;
            k += 8;
        }
    }
#endif
    for (; k < length; k++) {
        unsigned d = (unsigned)(unsigned char)text[k] - '0';
        if (d > 9)
            return false;
        value = value * 10 + d;
    }
    *out = negative ? -(int64_t)value : (int64_t)value;
    return true;
}

static int cb_null(void *ctx)
{
    acr_parser *p = ctx;
    pending_to_frame(p);
    return top(p) ? on_null(p) : root_scalar(p);
}

/* The general path of each scalar callback, out of line: the usual path
 * then needs no stack frame. */
ACR_NOINLINE static int general_boolean(acr_parser *p, int v)
{
    pending_to_frame(p);
    return top(p) ? on_boolean(p, v) : root_scalar(p);
}

ACR_NOINLINE static int general_number(acr_parser *p, const char *s, size_t n)
{
    pending_to_frame(p);
    return top(p) ? on_number(p, s, n) : root_scalar(p);
}

ACR_NOINLINE static int general_string(acr_parser *p, const unsigned char *s, size_t n)
{
    pending_to_frame(p);
    return top(p) ? on_string(p, s, n) : root_scalar(p);
}

static int cb_boolean(void *ctx, int v)
{
    acr_parser *p = ctx;
    const acr_field_desc *field = p->pending;
    if (field && field->value->kind == ACR_KIND_BOOL) {
        void *base = p->pending_base;
        *ACR_AT(base, field->offset, bool) = v != 0;
        set_present(base, field);
        return member_done(p);
    }
    return general_boolean(p, v);
}

static int cb_number(void *ctx, const char *s, size_t n)
{
    acr_parser *p = ctx;
    const acr_field_desc *field = p->pending;
    int64_t i;
    if (field && small_integer(s, n, &i)) {
        acr_kind kind = field->value->kind;
        void *base = p->pending_base;
        if (kind == ACR_KIND_INT) {
            *ACR_AT(base, field->offset, int64_t) = i;
            set_present(base, field);
            return member_done(p);
        }
        if (kind == ACR_KIND_UINT64 && i >= 0) {
            *ACR_AT(base, field->offset, uint64_t) = (uint64_t)i;
            set_present(base, field);
            return member_done(p);
        }
    }
    return general_number(p, s, n);
}

/* Learns the lengths of e's values; false when e has too many to cache. A
 * length above 255 is kept as 255: only strings of at most 16 bytes are
 * matched with the cache, so it matches none (no failure once the lengths
 * of the enumeration cached before are overwritten). */
ACR_NOINLINE static bool cache_enum(acr_parser *p, const acr_enum_desc *e)
{
    if (e->count > ENUM_CACHED)
        return false;
    for (size_t i = 0; i < e->count; i++) {
        size_t n = strlen(e->values[i]);
        p->enum_lengths[i] = (unsigned char)(n > 255 ? 255 : n);
    }
    p->enum_cached = e;
    return true;
}

static int member_enum_slow(acr_parser *p, const acr_field_desc *field, const unsigned char *s, size_t n);

/* A known enum value of at most 16 bytes for the pending member; the general
 * path otherwise. With the values' lengths known, only a value of the
 * string's length is compared, by words (reading no byte past either text).
 * What needs a call is a tail call: no stack frame. */
ACR_NOINLINE static int member_enum(acr_parser *p, const acr_field_desc *field, const unsigned char *s, size_t n)
{
    const acr_enum_desc *e = field->value->enumeration;
    if (p->enum_cached != e || n > 16)
        return member_enum_slow(p, field, s, n);
    for (size_t i = 0; i < e->count; i++) {
        if (p->enum_lengths[i] == n && same_short_key(e->values[i], s, n)) {
            *ACR_AT(p->pending_base, field->offset, int) = (int)i + 1;
            return member_done(p);
        }
    }
    return general_string(p, s, n);
}

/* member_enum for an enumeration not cached yet, or a long string. */
ACR_NOINLINE static int member_enum_slow(acr_parser *p, const acr_field_desc *field, const unsigned char *s,
                                         size_t n)
{
    if (n <= 16 && cache_enum(p, field->value->enumeration))
        return member_enum(p, field, s, n);
    return general_string(p, s, n);
}

/* The end of a long string's copy (see cb_string). */
ACR_NOINLINE static int copy_rest(char *copy, const unsigned char *s, size_t n)
{
    memcpy(copy, s, n);
    return 1;
}

static int cb_string(void *ctx, const unsigned char *s, size_t n)
{
    acr_parser *p = ctx;
    const acr_field_desc *field = p->pending;
    if (field && p->piece_simple) {
        /* Plain ASCII without NUL (a simple piece): nothing to check. What
         * needs a call (a new block, a long copy, an enum) is a tail call,
         * so this path keeps no stack frame. */
        acr_kind kind = field->value->kind;
        char *copy;
        if (kind == ACR_KIND_STRING && (copy = acr_arena_alloc_fast(p->top->arena, n + 1)) != NULL) {
            *ACR_AT(p->pending_base, field->offset, char *) = copy;
            copy[n] = '\0';
            member_done(p);
            if (n >= 8 && n <= 16) {
                uint64_t head = load8(s), tail = load8(s + n - 8);
                memcpy(copy, &head, 8);
                memcpy(copy + n - 8, &tail, 8);
                return 1;
            }
            if (n >= 4 && n < 8) {
                uint32_t head = load4(s), tail = load4(s + n - 4);
                memcpy(copy, &head, 4);
                memcpy(copy + n - 4, &tail, 4);
                return 1;
            }
            return copy_rest(copy, s, n);
        }
        if (kind == ACR_KIND_ENUM)
            return member_enum(p, field, s, n);
    }
    return general_string(p, s, n);
}

static const yajl_callbacks callbacks = {
    cb_null, cb_boolean, NULL, NULL, cb_number, cb_string,
    on_start_map, on_map_key, on_end_map, on_start_array, on_end_array,
};

/* --- positions --- */

/* Characters in data[0..length): bytes other than UTF-8 continuation bytes
 * (10xxxxxx), counted eight at a time. */
static size_t count_characters(const unsigned char *data, size_t length)
{
    size_t continuation = 0;
    size_t i = 0;
    for (; i + 32 <= length; i += 32) {
        uint64_t words[4];
        memcpy(words, data + i, 32);
        if (((words[0] | words[1] | words[2] | words[3]) & UINT64_C(0x8080808080808080)) == 0)
            continue; /* ASCII only */
        for (int k = 0; k < 4; k++)
            continuation += (size_t)__builtin_popcountll(words[k] & ~(words[k] << 1) &
                                                         UINT64_C(0x8080808080808080));
    }
    for (; i + 8 <= length; i += 8) {
        uint64_t word;
        memcpy(&word, data + i, 8);
        uint64_t high = word & UINT64_C(0x8080808080808080);
        if (high) /* bit 7 set and bit 6 clear in the same byte */
            continuation += (size_t)__builtin_popcountll(high & ~(word << 1));
    }
    for (; i < length; i++)
        continuation += (data[i] & 0xC0) == 0x80;
    return length - continuation;
}

/* Moves a position past data[0..length): every byte of every chunk goes
 * through here, so it finds the line breaks with memchr and counts only the
 * characters after the last one. */
static void advance_position(unsigned long *line, unsigned long *column, size_t *offset,
                             const unsigned char *data, size_t length)
{
    if (length == 0)
        return; /* data may be NULL then, and NULL + 0 is undefined */
    const unsigned char *start = data;
    const unsigned char *end = data + length;
    const unsigned char *newline;
    while (start < end && (newline = memchr(start, '\n', (size_t)(end - start))) != NULL) {
        (*line)++;
        *column = 0;
        start = newline + 1;
    }
    *column += count_characters(start, (size_t)(end - start));
    *offset += length;
}

static void advance(acr_parser *p, const unsigned char *data, size_t length)
{
    advance_position(&p->line, &p->column, &p->offset, data, length);
}

static bool is_white_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* at_end: the problem is the end of the input itself (truncation), so the
 * position is just past the last character; otherwise yajl has consumed the
 * offending token, so the position is its last character. */
static void record_position(acr_parser *p, bool at_end)
{
    p->err.line = p->line;
    p->err.column = at_end || p->column == 0 ? p->column + 1 : p->column;
    p->err.offset = at_end || p->offset == 0 ? p->offset : p->offset - 1;
}

static bool only_white_space(const unsigned char *data, size_t length)
{
    for (size_t i = 0; i < length; i++)
        if (data[i] != ' ' && data[i] != '\t' && data[i] != '\n' && data[i] != '\r')
            return false;
    return true;
}

/* Where the last of yajl's tokens in the run b[k..length) of number and
 * literal bytes starts: a run may hold several ("0640" is 0 then 640, "true1"
 * true then 1), and only the last can still be open in yajl, when it is a
 * number (yajl ends a literal at its last letter). `length` when it is not. */
static size_t last_bare_token(const unsigned char *b, size_t k, size_t length)
{
    size_t last = k;
    bool number = false;
    for (size_t i = k; i < length;) {
        last = i;
        number = b[i] != 't' && b[i] != 'n' && b[i] != 'f';
        size_t start = i;
        unsigned char c = b[i];
        if (c == 't' || c == 'n') {
            i += 4;
        } else if (c == 'f') {
            i += 5;
        } else {
            /* A number as yajl lexes it: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
            if (b[i] == '-')
                i++;
            if (i < length && b[i] == '0') {
                i++;
            } else {
                while (i < length && b[i] >= '0' && b[i] <= '9')
                    i++;
            }
            if (i < length && b[i] == '.') {
                for (i++; i < length && b[i] >= '0' && b[i] <= '9';)
                    i++;
            }
            if (i < length && (b[i] == 'e' || b[i] == 'E')) {
                i++;
                if (i < length && (b[i] == '+' || b[i] == '-'))
                    i++;
                while (i < length && b[i] >= '0' && b[i] <= '9')
                    i++;
            }
        }
        if (i == start)
            i++; /* not a token yajl accepts: it fails otherwise */
    }
    return number ? last : length;
}

static bool missing_comma_in_object(acr_parser *p)
{
    unsigned char *text = yajl_get_error(p->yajl, 0, NULL, 0);
    bool found = text && strstr((const char *)text, "inside map, I expect ','");
    if (text)
        yajl_free_error(p->yajl, text);
    return found;
}

/* yajl's message without its "parse error: " style prefix and trailing newline. */
static void syntax_error(acr_parser *p)
{
    unsigned char *text = yajl_get_error(p->yajl, 0, NULL, 0);
    const char *shown = text ? (const char *)text : "malformed JSON";
    const char *colon = strstr(shown, "error: ");
    if (colon)
        shown = colon + 7;
    int n = (int)strcspn(shown, "\n");
    p->fatal = true;
    acr_error_keep_violations(&p->err, 0);
    p->err.parse_violation_count = 0;
    acr_error_set(&p->err, shape_error_status(p), "line %lu, column %lu: %.*s",
                  p->err.line, p->err.column, n, shown);
    if (text)
        yajl_free_error(p->yajl, text);
}

/* --- before yajl: escapes and whole tokens ---
 *
 * Every chunk is scanned before yajl sees it, for two reasons.
 *
 * yajl decodes \u escapes itself and rewrites what it should refuse: a high
 * surrogate not followed by a \u escape becomes "?", and one followed by any
 * \u escape is combined with it ("\ud800\u0041" is U+10041). Only the raw text
 * tells, so the scanner follows strings and their escapes and stops the parse
 * at the first escape that is not a whole character.
 *
 * yajl also lexes a token split across chunks again from its start at every
 * chunk, so one long string fed in small chunks took time quadratic in its
 * length. The scanner knows where tokens start and end, so a token still open
 * at the end of a chunk is held back here (the buffer grows by doubling) and
 * given to yajl whole: yajl never buffers a partial token. */

typedef enum scan_state {
    SCAN_BETWEEN,       /* between tokens */
    SCAN_BARE,          /* in a number or a literal */
    SCAN_STRING,        /* in a string */
    SCAN_ESCAPE,        /* after a backslash */
    SCAN_HEX,           /* in the four digits of a \u escape */
    SCAN_PAIR_BACKSLASH,/* after a high surrogate: its low surrogate's '\' */
    SCAN_PAIR_U         /* ... and its 'u' */
} scan_state;

typedef struct scan_result {
    size_t first_end;   /* where the token open at the chunk's start ends: 0 when
                           none was open, SIZE_MAX when it is still open */
    size_t hold_from;   /* where the token still open at the end starts (the
                           chunk's length when none is) */
    size_t bad;         /* the byte that made an escape invalid, or SIZE_MAX */
    bool simple;        /* the chunk is simple (see piece_simple) */
} scan_result;

/* For the scan between tokens: 1 for the bytes that end a number or a literal
 * (structure and white space), 2 for the quote that starts a string, 0 for the
 * bytes of a number or literal (or of garbage yajl refuses). */
static const unsigned char scan_class[256] = {
    ['{'] = 1, ['}'] = 1, ['['] = 1, [']'] = 1, [','] = 1, [':'] = 1,
    [' '] = 1, ['\t'] = 1, ['\n'] = 1, ['\r'] = 1, ['"'] = 2,
};

/* After yajl's "after key and value, inside map, I expect ',' or '}'", the
 * unexpected token (the first after the last value) is in the piece: yajl
 * consumed it, then stepped back by the length of its text (a string's without
 * its quotes), so `consumed` is its start, or 2 past it for a string. Reading
 * the piece's tokens from its start (a piece starts between tokens: see
 * "before yajl") tells which: a token starting at `consumed`, or a string
 * starting 2 before. Both exist only for "" followed at once by a token: the
 * "" is the unexpected one unless it is the last value (after a ':'; `before`
 * is the last byte other than white space of the pieces before this one). */
static size_t unexpected_token_start(const unsigned char *b, size_t length, size_t consumed, unsigned char before)
{
    size_t string_start = SIZE_MAX;
    bool string_is_a_value = false, token_at_consumed = false;
    unsigned char previous = before;
    size_t i = 0;
    while (i < length && i <= consumed) {
        unsigned char c = b[i];
        if (is_white_space(c)) {
            i++;
            continue;
        }
        size_t start = i;
        unsigned char kind = c;
        if (c == '"') {
            for (i++; i < length && b[i] != '"'; i++)
                if (b[i] == '\\')
                    i++;
            i++;
        } else if (scan_class[c] == 1) {
            i++;
        } else {
            while (i < length && scan_class[b[i]] == 0)
                i++;
        }
        if (kind == '"' && start + 2 == consumed) {
            string_start = start;
            string_is_a_value = previous == ':';
        }
        if (start == consumed)
            token_at_consumed = true;
        previous = b[i - 1 < length ? i - 1 : length - 1]; /* the token's last byte */
    }
    if (string_start != SIZE_MAX && !(token_at_consumed && string_is_a_value))
        return string_start;
    return consumed;
}

static int hex_digit(unsigned char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* What one pass over a chunk finds (16 bytes at a time where SSE2 exists). */
typedef struct survey_result {
    bool backslash;
    bool unusual;       /* a byte >= 0x80 or below 0x20 (NUL, line breaks, tabs) */
    bool odd_quotes;    /* an odd number of '"' */
} survey_result;

#if defined(ACR_SURVEY_AVX2)
/* The same as the SSE2 loop below, 64 bytes a step, for CPUs that have AVX2
 * (asked of the CPU at the first chunk: see survey). Returns the bytes done.
 * Fewer operations a step than the SSE2 loop: each lane's quotes are counted
 * mod 2 in a vector (the parity of all of them is that of the lanes' sum),
 * and the bytes below 0x20 or from 0x80 are those whose signed minimum is
 * below ' '. */
__attribute__((target("avx2"))) static size_t survey_avx2(const unsigned char *b, size_t n, unsigned *quotes,
                                                           bool *backslash, bool *unusual)
{
    const __m256i quote = _mm256_set1_epi8('"'), bs = _mm256_set1_epi8('\\'), space = _mm256_set1_epi8(' ');
    __m256i any_bs = _mm256_setzero_si256(), odd = _mm256_setzero_si256(), least = space;
    size_t i = 0;
    for (; i + 64 <= n; i += 64) {
        __m256i x = _mm256_loadu_si256((const __m256i *)(const void *)(b + i));
        __m256i y = _mm256_loadu_si256((const __m256i *)(const void *)(b + i + 32));
        odd = _mm256_xor_si256(odd, _mm256_xor_si256(_mm256_cmpeq_epi8(x, quote), _mm256_cmpeq_epi8(y, quote)));
        any_bs = _mm256_or_si256(any_bs, _mm256_or_si256(_mm256_cmpeq_epi8(x, bs), _mm256_cmpeq_epi8(y, bs)));
        least = _mm256_min_epi8(least, _mm256_min_epi8(x, y));
    }
    *quotes = (unsigned)__builtin_popcount((unsigned)_mm256_movemask_epi8(odd));
    *backslash = !_mm256_testz_si256(any_bs, any_bs);
    *unusual = (unsigned)_mm256_movemask_epi8(_mm256_cmpgt_epi8(space, least)) != 0;
    return i;
}
#endif

static void survey(const unsigned char *b, size_t n, survey_result *v)
{
    size_t i = 0;
    unsigned quotes = 0;
    bool backslash = false, unusual = false;
#if defined(ACR_SURVEY_AVX2)
    if (n >= 64 && __builtin_cpu_supports("avx2"))
        i = survey_avx2(b, n, &quotes, &backslash, &unusual);
#endif
#if defined(__SSE2__) && !defined(ACR_NO_SIMD)
    const __m128i quote = _mm_set1_epi8('"'), bs = _mm_set1_epi8('\\'), space = _mm_set1_epi8(' ');
    __m128i any_bs = _mm_setzero_si128(), any_unusual = _mm_setzero_si128();
    unsigned marks = 0;
    for (; i + 32 <= n; i += 32) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(b + i));
        __m128i y = _mm_loadu_si128((const __m128i *)(const void *)(b + i + 16));
        marks ^= (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x, quote)) ^
                 ((unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(y, quote)) << 16);
        any_bs = _mm_or_si128(any_bs, _mm_or_si128(_mm_cmpeq_epi8(x, bs), _mm_cmpeq_epi8(y, bs)));
        /* Signed bytes: below 0x20, or from 0x80 (negative). */
        any_unusual = _mm_or_si128(any_unusual, _mm_or_si128(_mm_cmplt_epi8(x, space), _mm_cmplt_epi8(y, space)));
    }
    quotes += (unsigned)__builtin_popcount(marks);
    backslash |= _mm_movemask_epi8(any_bs) != 0;
    unusual |= _mm_movemask_epi8(any_unusual) != 0;
#endif
    for (; i < n; i++) {
        quotes += b[i] == '"';
        backslash |= b[i] == '\\';
        unusual |= b[i] < 0x20 || b[i] >= 0x80;
    }
    v->backslash = backslash;
    v->unusual = unusual;
    v->odd_quotes = quotes & 1;
}

/* The usual chunk, without a backslash: no escape to check, and its quotes
 * alternate between opening and closing strings, so where tokens start and end
 * is found with a few passes of memchr speed instead of token by token. False
 * when the chunk needs the full scan. */
static bool scan_fast(acr_parser *p, const unsigned char *b, size_t n, const survey_result *v, scan_result *r)
{
    if ((p->scan != SCAN_BETWEEN && p->scan != SCAN_STRING && p->scan != SCAN_BARE) || v->backslash)
        return false;
    bool started_in_string = p->scan == SCAN_STRING;
    r->bad = SIZE_MAX;
    r->first_end = 0;
    size_t i = 0;
    if (p->scan != SCAN_BETWEEN) {
        /* The token open at the start. */
        bool still_open;
        if (p->scan == SCAN_STRING) {
            const unsigned char *quote = memchr(b, '"', n);
            still_open = !quote;
            i = quote ? (size_t)(quote - b) + 1 : n;
        } else {
            while (i < n && scan_class[b[i]] == 0)
                i++;
            still_open = i == n;
        }
        if (still_open) {
            r->first_end = SIZE_MAX;
            r->hold_from = 0;
            return true;
        }
        r->first_end = i;
        p->scan = SCAN_BETWEEN;
    }
    /* The quotes of b[i..n): the token open at the start held one if it was
     * a string (its closing quote), none otherwise. */
    if (v->odd_quotes != started_in_string) {
        /* In a string at the end: it starts at the last quote. */
        const unsigned char *last = b + n - 1;
        while (*last != '"')
            last--;
        p->scan = SCAN_STRING;
        r->hold_from = (size_t)(last - b);
        return true;
    }
    /* Outside strings at the end: a number or literal may be open. */
    size_t j = n;
    while (j > i && scan_class[b[j - 1]] == 0)
        j--;
    p->scan = j < n ? SCAN_BARE : SCAN_BETWEEN;
    r->hold_from = j;
    return true;
}

/* Follows tokens over b[0..n) (the state carries over between chunks). */
static void scan(acr_parser *p, const unsigned char *b, size_t n, scan_result *r)
{
    if (n == 0) { /* b may be NULL */
        r->first_end = p->scan == SCAN_BETWEEN ? 0 : SIZE_MAX;
        r->hold_from = 0;
        r->bad = SIZE_MAX;
        r->simple = true;
        return;
    }
    survey_result facts;
    survey(b, n, &facts);
    r->simple = !facts.backslash && !facts.unusual;
    if (scan_fast(p, b, n, &facts, r))
        return;
    r->first_end = p->scan == SCAN_BETWEEN ? 0 : SIZE_MAX;
    r->bad = SIZE_MAX;
    size_t start = 0;                   /* of the token open now */
    size_t backslash = 0;               /* the next '\' at or after i, n when none */
    bool backslash_known = false;
    size_t i = 0;
    while (i < n) {
        unsigned char c = b[i];
        switch ((scan_state)p->scan) {
        case SCAN_BETWEEN:
            while (i < n && scan_class[b[i]] == 1)
                i++;
            if (i < n) {
                p->scan = b[i] == '"' ? SCAN_STRING : SCAN_BARE;
                start = i++;
            }
            break;
        case SCAN_BARE:
            while (i < n && scan_class[b[i]] == 0)
                i++;
            if (i < n) {
                p->scan = SCAN_BETWEEN; /* b[i] is read again, between tokens */
                if (r->first_end == SIZE_MAX)
                    r->first_end = i;
            }
            break;
        case SCAN_STRING: {
            /* Straight to the next quote or backslash. */
            if (!backslash_known || backslash < i) {
                const unsigned char *q = memchr(b + i, '\\', n - i);
                backslash = q ? (size_t)(q - b) : n;
                backslash_known = true;
            }
            const unsigned char *quote = memchr(b + i, '"', backslash - i);
            if (quote) {
                i = (size_t)(quote - b) + 1;
                p->scan = SCAN_BETWEEN;
                if (r->first_end == SIZE_MAX)
                    r->first_end = i;
            } else if (backslash < n) {
                i = backslash + 1;
                p->scan = SCAN_ESCAPE;
            } else {
                i = n;
            }
            break;
        }
        case SCAN_ESCAPE:
            /* yajl itself refuses an escape other than \" \\ \/ \b \f \n \r \t \u. */
            p->scan = c == 'u' ? SCAN_HEX : SCAN_STRING;
            p->escape_value = 0;
            p->escape_digits = 0;
            i++;
            break;
        case SCAN_HEX: {
            int digit = hex_digit(c);
            if (digit < 0) {
                /* yajl refuses it; c may be the closing quote: read it again. */
                p->scan = SCAN_STRING;
                p->high_surrogate = 0;
                break;
            }
            p->escape_value = p->escape_value * 16 + (unsigned)digit;
            i++;
            if (++p->escape_digits < 4)
                break;
            unsigned v = p->escape_value;
            bool low = v >= 0xDC00 && v <= 0xDFFF;
            if (p->high_surrogate && !low) {
                snprintf(p->escape_problem, sizeof p->escape_problem,
                         "invalid escape \\u%04x\\u%04x: a high surrogate must be followed by a low "
                         "surrogate (\\udc00 to \\udfff)", p->high_surrogate, v);
                r->bad = i - 1;
                return;
            }
            if (!p->high_surrogate && low) {
                snprintf(p->escape_problem, sizeof p->escape_problem,
                         "invalid escape \\u%04x: a low surrogate without a high surrogate before it", v);
                r->bad = i - 1;
                return;
            }
            p->high_surrogate = !low && v >= 0xD800 && v <= 0xDBFF ? v : 0;
            p->scan = p->high_surrogate ? SCAN_PAIR_BACKSLASH : SCAN_STRING;
            break;
        }
        case SCAN_PAIR_BACKSLASH:
        case SCAN_PAIR_U:
            if (c == (p->scan == SCAN_PAIR_BACKSLASH ? '\\' : 'u')) {
                p->scan = p->scan == SCAN_PAIR_BACKSLASH ? SCAN_PAIR_U : SCAN_HEX;
                p->escape_value = 0;
                p->escape_digits = 0;
                i++;
                break;
            }
            snprintf(p->escape_problem, sizeof p->escape_problem,
                     "invalid escape \\u%04x: a high surrogate must be followed by a low surrogate "
                     "escape (\\udc00 to \\udfff)", p->high_surrogate);
            r->bad = i;
            return;
        }
    }
    r->hold_from = p->scan == SCAN_BETWEEN ? n : start;
}

/* Appends to the held-back token; false when out of memory. */
static bool hold(acr_parser *p, const unsigned char *b, size_t n)
{
    if (n == 0)
        return true; /* b may be NULL then */
    if (n > p->held_capacity - p->held_length) {
        size_t capacity = p->held_capacity ? p->held_capacity : 256;
        while (capacity - p->held_length < n) {
            if (capacity > SIZE_MAX / 2) {
                out_of_memory(p);
                return false;
            }
            capacity *= 2;
        }
        unsigned char *grown;
        if (p->wipe) { /* a realloc would free the old block unwiped */
            grown = acr_malloc(capacity);
            if (grown && p->held_length)
                memcpy(grown, p->held, p->held_length);
            if (grown)
                acr_free_wiped(p->held, p->held_capacity);
        } else {
            grown = acr_realloc(p->held, capacity);
        }
        if (!grown) {
            out_of_memory(p);
            return false;
        }
        p->held = grown;
        p->held_capacity = capacity;
    }
    memcpy(p->held + p->held_length, b, n);
    p->held_length += n;
    return true;
}

/* Gives yajl the bytes held back, if any. */
static acr_status parse_piece(acr_parser *p, const unsigned char *bytes, size_t length, bool simple);

static acr_status release_held(acr_parser *p)
{
    size_t n = p->held_length;
    p->held_length = 0;
    return n ? parse_piece(p, p->held, n, p->held_simple) : ACR_OK;
}

/* Stops the parse at b[k] (not given to yajl), after everything before it was. */
static void fail_at_byte(acr_parser *p, const unsigned char *b, size_t k, const char *message)
{
    advance(p, b + k, 1);
    record_position(p, false);
    fail(p, shape_error_status(p), "%s", message);
    char text[ACR_ERROR_MESSAGE_MAX];
    memcpy(text, p->err.message, sizeof text);
    acr_error_set(&p->err, p->err.status, "line %lu, column %lu: %s", p->err.line, p->err.column, text);
}

/* --- public API --- */

static acr_parser *parser_new(const acr_type_desc *type, void *out, const acr_parse_options *options, bool wipe);

acr_parser *acr_parser_new(const acr_type_desc *type, void *out, const acr_parse_options *options)
{
    return parser_new(type, out, options, false);
}

static acr_parser *parser_new(const acr_type_desc *type, void *out, const acr_parse_options *options, bool wipe)
{
    if (!type || !out)
        return NULL;
    acr_parser *p = acr_malloc(sizeof *p);
    if (!p)
        return NULL;
    memset(p, 0, sizeof *p);
    p->type = type;
    p->out = out;
    p->is_request = type->is_request;
    p->max_depth = options && options->max_depth ? options->max_depth : ACR_DEFAULT_MAX_DEPTH;
    if (options && options->max_bytes)
        p->max_bytes = options->max_bytes == SIZE_MAX ? 0 : options->max_bytes;
    else
        p->max_bytes = type->is_request ? ACR_MAX_REQUEST_BYTES : 0;
    p->line = 1;
    p->wipe = wipe;
    p->yajl = yajl_alloc(&callbacks, wipe ? &acr_yajl_wiped_alloc_funcs : &acr_yajl_alloc_funcs, p);
    if (!p->yajl) {
        acr_free(p);
        return NULL;
    }
    return p;
}

/* Hands the parser's outcome to the caller: the first report transfers the
 * violation list and pointer; later ones repeat the status and message. */
static acr_status report(acr_parser *p, acr_error *err)
{
    if (!err)
        return p->err.status;
    acr_error_clear(err);
    *err = p->err;
    p->err.violations = NULL;
    p->err.violation_count = 0;
    p->err.pointer = NULL;
    return err->status;
}

/* yajl_parse over one piece of the input, keeping the position up to date. */
static acr_status parse_piece(acr_parser *p, const unsigned char *bytes, size_t length, bool simple)
{
    bool bare = p->bare_pending;
    size_t values_before = p->values_done;
    p->bare_pending = false;
    p->piece_simple = simple;
    yajl_status s = yajl_parse(p->yajl, bytes, length);
    p->piece_simple = false;
    if (s == yajl_status_ok) {
        for (size_t i = length; i > 0; i--) {
            if (!is_white_space(bytes[i - 1])) {
                p->last_byte = bytes[i - 1];
                break;
            }
        }
        size_t k = length;
        while (k > 0 && scan_class[bytes[k - 1]] == 0)
            k--;
        if (k < length)
            k = last_bare_token(bytes, k, length);
        if (k < length) {
            advance(p, bytes, k);
            p->bare_pending = true;
            p->bare_line = p->line;
            p->bare_column = p->column;
            p->bare_offset = p->offset;
            advance(p, bytes + k, length - k);
        } else if (simple) {
            p->column += length; /* one character per byte, no line break */
            p->offset += length;
        } else {
            advance(p, bytes, length);
        }
        return ACR_OK;
    }
    /* Where yajl stopped is asked only now, for the message. */
    size_t consumed = yajl_get_bytes_consumed(p->yajl);
    if (s == yajl_status_error && missing_comma_in_object(p)) {
        if (consumed == 0 && bare && p->values_done == values_before) {
            /* The unexpected token is the number the last piece ended with. */
            p->line = p->bare_line;
            p->column = p->bare_column;
            p->offset = p->bare_offset;
        } else {
            advance(p, bytes, unexpected_token_start(bytes, length, consumed, p->last_byte));
        }
        record_position(p, true);
    } else {
        advance(p, bytes, consumed);
        record_position(p, false);
    }
    if (s == yajl_status_error) {
        syntax_error(p);
    } else if (p->err.status != ACR_ERR_NOMEM && p->err.status != ACR_ERR_INVALID_REQUEST) {
        /* A callback stopped the parse (too deep, wrong type in a response):
         * the position is known only now. */
        char message[ACR_ERROR_MESSAGE_MAX];
        memcpy(message, p->err.message, sizeof message);
        acr_error_set(&p->err, p->err.status, "line %lu, column %lu: %s", p->err.line, p->err.column, message);
    }
    return p->err.status;
}

acr_status acr_parser_feed(acr_parser *p, const void *data, size_t length, acr_error *err)
{
    if (!p || (!data && length))
        return acr_error_set(err, ACR_ERR_USAGE, "acr_parser_feed: NULL argument");
    if (p->fatal)
        return report(p, err);
    if (p->finished)
        return acr_error_set(err, ACR_ERR_USAGE, "acr_parser_feed: the input was already finished");
    const unsigned char *bytes = data;
    if (!p->content_seen && !only_white_space(bytes, length))
        p->content_seen = true;
    /* Past the size limit, only the bytes up to it are read. */
    size_t n = length;
    if (p->max_bytes && n > p->max_bytes - p->total_bytes)
        n = p->max_bytes - p->total_bytes;
    p->total_bytes += n;
    scan_result r;
    scan(p, bytes, n, &r);
    if (r.bad != SIZE_MAX || n < length) {
        /* The parse ends in this chunk: everything before the problem goes to
         * yajl as it is, and a syntax error there is reported first. */
        size_t stop = r.bad != SIZE_MAX ? r.bad : n;
        acr_status before;
        if (p->held_length) {
            /* One piece with the token held back, so that it still starts
             * between tokens (see unexpected_token_start). */
            p->held_simple = false;
            before = hold(p, bytes, stop) ? release_held(p) : p->err.status;
        } else {
            before = parse_piece(p, bytes, stop, false);
        }
        if (before == ACR_OK) {
            char message[ACR_ERROR_MESSAGE_MAX];
            if (r.bad != SIZE_MAX)
                snprintf(message, sizeof message, "%s", p->escape_problem);
            else
                snprintf(message, sizeof message, "the document is longer than %zu bytes (the size limit)",
                         p->max_bytes);
            fail_at_byte(p, bytes, stop, message);
        }
        return report(p, err);
    }
    size_t from = 0;
    if (p->held_length) {
        /* The token held back ends in this chunk, or is held whole. */
        size_t end = r.first_end == SIZE_MAX ? n : r.first_end;
        p->held_simple = p->held_simple && r.simple;
        if (!hold(p, bytes, end))
            return report(p, err);
        if (r.first_end == SIZE_MAX) {
            acr_error_clear(err);
            return ACR_OK;
        }
        if (release_held(p) != ACR_OK)
            return report(p, err);
        from = end;
    }
    if (r.hold_from > from && parse_piece(p, bytes + from, r.hold_from - from, r.simple) != ACR_OK)
        return report(p, err);
    if (r.hold_from < n)
        p->held_simple = r.simple; /* nothing is held now: a new token */
    if (r.hold_from < n && !hold(p, bytes + r.hold_from, n - r.hold_from))
        return report(p, err);
    acr_error_clear(err);
    return ACR_OK; /* collected violations are reported by finish */
}

acr_status acr_parser_finish(acr_parser *p, acr_error *err)
{
    if (!p)
        return acr_error_set(err, ACR_ERR_USAGE, "acr_parser_finish: NULL parser");
    if (p->fatal)
        return report(p, err);
    if (p->finished)
        return acr_error_set(err, ACR_ERR_USAGE, "acr_parser_finish: called twice");
    p->finished = true;
    if (!p->content_seen) {
        p->fatal = true;
        record_position(p, true);
        acr_error_set(&p->err, shape_error_status(p), "the input is empty: expected a JSON object");
        return report(p, err);
    }
    if (release_held(p) != ACR_OK)
        return report(p, err);
    yajl_status s = yajl_complete_parse(p->yajl);
    if (s != yajl_status_ok) {
        record_position(p, true);
        if (s == yajl_status_error)
            syntax_error(p);
        return report(p, err);
    }
    if (p->err.violation_count) {
        p->err.parse_violation_count = p->err.violation_count;
        acr_error_set(&p->err, ACR_ERR_INVALID_REQUEST, "the request breaks %zu rule%s of the schema",
                      p->err.violation_count, p->err.violation_count == 1 ? "" : "s");
    }
    return report(p, err);
}

void acr_parser_free(acr_parser *p)
{
    if (!p)
        return;
    yajl_free(p->yajl);
    for (size_t i = 0; i < p->depth; i++)
        if (p->frames[i].kind == FRAME_OBJECT && p->frames[i].repeat_base)
            drop_repeat(p, &p->frames[i]);
    acr_free(p->frames);
    if (p->wipe) { /* both may hold text of the input */
        acr_free_wiped(p->unknown_key, p->unknown_key_capacity);
        acr_free_wiped(p->held, p->held_capacity);
    } else {
        acr_free(p->unknown_key);
        acr_free(p->held);
    }
    acr_error_clear(&p->repeat_err);
    acr_path_free(&p->path);
    acr_error_clear(&p->err);
    acr_free(p);
}

static acr_status parse_whole(const acr_type_desc *type, const void *json, size_t length, void *out,
                              acr_error *err, bool wipe)
{
    acr_parser *p = parser_new(type, out, NULL, wipe);
    if (!p) {
        if (!type || !out)
            return acr_error_set(err, ACR_ERR_USAGE, "acr_parse: NULL argument");
        return acr_error_set(err, ACR_ERR_NOMEM, "out of memory while parsing");
    }
    acr_status status = acr_parser_feed(p, json, length, err);
    if (status == ACR_OK)
        status = acr_parser_finish(p, err);
    acr_parser_free(p);
    return status;
}

acr_status acr_parse(const acr_type_desc *type, const void *json, size_t length, void *out, acr_error *err)
{
    return parse_whole(type, json, length, out, err, false);
}

acr_status acr_parse_wiped(const acr_type_desc *type, const void *json, size_t length, void *out, acr_error *err)
{
    return parse_whole(type, json, length, out, err, true);
}
