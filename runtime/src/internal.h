/* acr runtime: helpers shared by the engine's source files. Not installed. */
#ifndef ACR_INTERNAL_H
#define ACR_INTERNAL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <yajl/yajl_common.h>

#include "acr/error.h"
#include "acr/tables.h"

/* printf-style checking for our own formatting helpers. */
#if defined(__GNUC__)
#define ACR_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#else
#define ACR_PRINTF(fmt, args)
#endif

/* A NUL-terminated copy of s[0..length) through acr_malloc; NULL when out of
 * memory. acr_copy_string(NULL) is NULL. */
char *acr_copy_text(const char *s, size_t length);
char *acr_copy_string(const char *s);

/* --- the memory of a parsed struct (json/free.c) ---
 * Pieces (strings, arrays) allocated in a few blocks that the struct owns
 * together: acr_free_value() finds them from any piece of the struct. */
typedef struct acr_arena_block acr_arena_block;

typedef struct acr_arena {
    acr_arena_block *first;     /* NULL until the first piece */
    char *cursor;               /* free space in the newest block */
    size_t left;                /* its bytes */
    size_t next_size;           /* of the next block (0: the first one's) */
} acr_arena;

void *acr_arena_alloc_slow(acr_arena *a, size_t size);

/* `size` bytes, 8-byte aligned, preceded by the arena's first block; NULL
 * when out of memory. Pieces are never freed one by one. The _fast one only
 * takes a small piece from the current block: NULL when it does not fit. */
static inline void *acr_arena_alloc_fast(acr_arena *a, size_t size)
{
    size_t need = sizeof(acr_arena_block *) + ((size + 7) & ~(size_t)7);
    if (size < 256 && need <= a->left) {
        char *at = a->cursor;
        a->cursor += need;
        a->left -= need;
        *(acr_arena_block **)(void *)at = a->first;
        return at + sizeof(acr_arena_block *);
    }
    return NULL;
}

static inline void *acr_arena_alloc(acr_arena *a, size_t size)
{
    void *piece = acr_arena_alloc_fast(a, size);
    return piece ? piece : acr_arena_alloc_slow(a, size);
}

/* A piece of new_size bytes holding the old_size bytes of `old` (NULL: none):
 * the newest piece grows in place when its block has room. */
void *acr_arena_grow(acr_arena *a, void *old, size_t old_size, size_t new_size);

/* Frees every block (for an arena no struct owns) and zeroes *a. */
void acr_arena_release(acr_arena *a);

/* acr_free_value(), wiping every block of the struct's arena before it is
 * freed: for a parsed text that may echo a secret (an error body). */
void acr_free_value_wiped(const acr_type_desc *type, void *value);

/* yajl allocation functions routed through acr_malloc and friends. */
extern yajl_alloc_funcs acr_yajl_alloc_funcs;
/* The same, each block wiped before it is freed (a parser of an error body). */
extern yajl_alloc_funcs acr_yajl_wiped_alloc_funcs;
/* acr_parse() of a text that may echo a secret: every buffer the parser and
 * yajl free is wiped first; release the struct with acr_free_value_wiped(). */
acr_status acr_parse_wiped(const acr_type_desc *type, const void *json, size_t length, void *out, acr_error *err);
/* Non-zero while the allocation being made is yajl's (see alloc.c). */
extern _Thread_local int acr_yajl_allocating;

/* --- JSON pointer being built while walking a document (RFC 6901) --- */
typedef struct acr_path {
    char *text;         /* always NUL-terminated when not NULL */
    size_t length;
    size_t capacity;
    bool failed;        /* an allocation failed: text is incomplete */
} acr_path;

/* Append "/" + the escaped key ('~' -> "~0", '/' -> "~1"). Return the length
 * before the push, to be given back to acr_path_truncate(). */
/* --- where a walk over a struct is, kept cheaply as steps and rendered as a
 * JSON pointer only when something is reported --- */
typedef struct acr_step {
    const char *name;       /* a member's name, or NULL for an array index */
    size_t length_or_index; /* the name's length, or the index */
} acr_step;

#define ACR_INLINE_STEPS 16

typedef struct acr_steps {
    acr_step *items;        /* inline_items until a walk goes deeper */
    size_t depth;
    size_t capacity;
    acr_step inline_items[ACR_INLINE_STEPS];
    bool failed;            /* a deeper step could not be allocated */
} acr_steps;

/* The struct must not move between init and free (items may point into it). */
void acr_steps_init(acr_steps *steps);
/* Returns the depth before the push, to be given back to acr_steps_pop(). */
size_t acr_steps_push(acr_steps *steps, const char *name, size_t length_or_index);
void acr_steps_pop(acr_steps *steps, size_t mark);
/* Appends the steps to `path` as a JSON pointer (check path->failed). */
void acr_steps_render(const acr_steps *steps, acr_path *path);
void acr_steps_free(acr_steps *steps);

size_t acr_path_push_key(acr_path *path, const char *key, size_t length);
/* Appends text that is already a JSON pointer (or part of one). */
void acr_path_append(acr_path *path, const char *text, size_t length);
size_t acr_path_push_index(acr_path *path, size_t index);
void acr_path_truncate(acr_path *path, size_t length);
const char *acr_path_text(const acr_path *path);
size_t acr_path_length(const acr_path *path);
void acr_path_free(acr_path *path);

/* --- errors --- */
/* Replace status and message (keeps violations). Returns status. */
acr_status acr_error_set(acr_error *err, acr_status status, const char *fmt, ...)
    ACR_PRINTF(3, 4);
/* Releases every violation after the first `count`. */
void acr_error_keep_violations(acr_error *err, size_t count);
/* Record the pointer of a parse or shape error (copied; NULL clears). */
void acr_error_set_pointer(acr_error *err, const char *pointer);
/* Append a violation at the pointer given by its text and length; false when
 * out of memory. A violation at or below the pointer of one of the first
 * `dedupe_count` violations already in the list is dropped (see acr_validate). */
bool acr_error_add_violation(acr_error *err, const char *pointer, size_t pointer_length, size_t dedupe_count,
                             const char *fmt, ...) ACR_PRINTF(5, 6);
bool acr_error_add_violation_v(acr_error *err, const char *pointer, size_t pointer_length, size_t dedupe_count,
                               const char *fmt, va_list args) ACR_PRINTF(5, 0);

/* --- text --- */
/* Number of code points when `s` is valid UTF-8 (shortest forms, no surrogates,
 * at most U+10FFFF); SIZE_MAX when it is not. */
size_t acr_utf8_length(const char *s, size_t length);
bool acr_dfa_matches(const acr_dfa *dfa, const char *s, size_t length);

/* --- numbers --- */
typedef enum acr_number_class {
    ACR_NUMBER_INTEGER,      /* exact integer value that fits the requested type */
    ACR_NUMBER_NOT_INTEGER,  /* has a fractional part */
    ACR_NUMBER_OUT_OF_RANGE, /* integral but outside the type's range */
    ACR_NUMBER_INVALID       /* not JSON number syntax (cannot come from yajl) */
} acr_number_class;

/* Exact conversion of JSON number text, including forms like 1.0 and 1e2 that
 * denote integers (JSON Schema counts them as integers). */
acr_number_class acr_number_to_int64(const char *text, size_t length, int64_t *out);
acr_number_class acr_number_to_uint64(const char *text, size_t length, uint64_t *out);
/* JSON number text to a double, independent of LC_NUMERIC; false when the
 * value is not finite (1e999) or the text is not a number (or no memory). */
bool acr_number_to_double(const char *text, size_t length, double *out);
/* The shortest of %.15g, %.16g, %.17g that reads back as the same double
 * (never yajl's %.20g noise), in the "C" locale, into out (at least
 * ACR_NUMBER_TEXT_MAX bytes). Returns the length; 0 for a non-finite value. */
#define ACR_NUMBER_TEXT_MAX 32
size_t acr_number_format(double value, char *out, size_t size);

/* --- secrets and network text (sanitize.c) --- */
/* Overwrites n bytes in a way the compiler keeps (the block is freed next). */
void acr_wipe(void *p, size_t n);
/* acr_wipe, then acr_free; NULL is accepted. */
void acr_free_wiped(void *p, size_t n);
/* The same for a NUL-terminated string. */
void acr_free_secret(char *s);

/* Every secret of one call: borrowed texts, longest first. */
typedef struct acr_secret {
    const char *text;
    size_t length;
} acr_secret;

typedef struct acr_secrets {
    acr_secret *items;
    size_t count;
    size_t capacity;
    bool failed;        /* out of memory: the set is incomplete */
} acr_secrets;

void acr_secrets_init(acr_secrets *s);
void acr_secrets_free(acr_secrets *s);
/* Adds `text` (borrowed; NULL and "" are ignored). False when out of memory. */
bool acr_secrets_add(acr_secrets *s, const char *text);
/* Adds every present string field marked secret (x-acr-secret) of `request`,
 * at any depth. False when out of memory. */
bool acr_secrets_add_request(acr_secrets *s, const acr_type_desc *type, const void *request);

/* A copy of text[0..length) (from acr_malloc; NULL when out of memory) with each
 * occurrence of a secret of `s` (NULL: none) replaced by "[redacted]", C0
 * controls, DEL and C1 controls written as \u00XX and bytes that are not UTF-8
 * as \xXX. Idempotent for the escapes; the result holds no control byte. */
char *acr_sanitize_copy(const acr_secrets *s, const char *text, size_t length);
/* The same, rewriting a NUL-terminated text in a buffer of `capacity` bytes
 * (truncated to fit). Out of memory: the text is wiped, false. */
bool acr_sanitize_in_place(const acr_secrets *s, char *text, size_t capacity);
/* The same for a heap string, replaced (the old one wiped and freed); *text is
 * NULL and false when out of memory. */
bool acr_sanitize_string(const acr_secrets *s, char **text);

/* --- struct member access by descriptor offsets --- */
#define ACR_AT(base, offset, type) ((type *)(void *)((char *)(base) + (offset)))
#define ACR_CAT(base, offset, type) ((type const *)(const void *)((const char *)(base) + (offset)))

/* True when the field holds a value (not absent, not null). */
bool acr_field_present(const acr_field_desc *field, const void *base);
/* For an array field whose item pointer is NULL: its count (a caller's struct
 * that lost its items, refused rather than taken for absent); 0 otherwise. */
size_t acr_lost_items(const acr_field_desc *field, const void *base);

/* Validates one member of `base` as acr_validate would, but without the rules
 * that depend on the mode, at `pointer` (the member's own). Violations at or
 * below one already in `err` are dropped. False when out of memory. */
bool acr_validate_member(const acr_field_desc *field, const void *base, const char *pointer,
                         size_t pointer_length, acr_error *err);

/* The parse violations about a property given more than once: they say nothing
 * about what the parser stored, so they never hide the validator's (see
 * acr_validate). The first is the repeat itself; the others, found inside the
 * repeated value, start with the prefix. */
#define ACR_DUPLICATE_MESSAGE "is given more than once"
#define ACR_REPEATED_PREFIX "in the repeated value: "
bool acr_violation_hides_below(const acr_violation *v);

#endif
