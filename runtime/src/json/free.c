/* acr runtime: the memory of a parsed struct, and releasing it.
 *
 * A parse stores its strings and arrays in a few large blocks (an arena)
 * instead of one allocation each: that is most of the cost of parsing a large
 * response otherwise, and of freeing it. Each piece is preceded by a pointer to
 * the arena's first block, whose header links every other block, so whatever
 * pointer of the struct acr_free_value() finds first leads it to all of them:
 * the struct needs no member of its own for the arena (its layout, part of the
 * ABI, is unchanged). Every string of the struct is a piece, the document's
 * own members included; an error body that may echo a secret is released with
 * acr_free_value_wiped(), which wipes every block before freeing it. */
#include <string.h>

#include "acr/alloc.h"
#include "acr/engine.h"
#include "internal.h"

struct acr_arena_block {
    acr_arena_block *next;      /* the first block links all the others */
    size_t size;                /* keeps what follows 16-byte aligned */
};

/* Before every piece: the arena's first block. */
#define PIECE_HEADER sizeof(acr_arena_block *)
#define FIRST_BLOCK ((size_t)1024)
#define LARGEST_BLOCK ((size_t)64 << 10)
/* A piece this large gets a block of its own, reallocated when it grows (a
 * large array), so that growing leaves no copies behind. */
#define LARGE_PIECE ((size_t)1024)

static size_t round_up(size_t n) { return (n + 7) & ~(size_t)7; }

/* Links a new block of `size` bytes after the first one (or as the first). */
static acr_arena_block *arena_link(acr_arena *a, size_t size)
{
    acr_arena_block *block = acr_malloc(size);
    if (!block)
        return NULL;
    block->size = size;
    if (!a->first) {
        block->next = NULL;
        a->first = block;
    } else {
        block->next = a->first->next;
        a->first->next = block;
    }
    return block;
}

/* Starts a block for small pieces; false when out of memory. */
static bool arena_new_block(acr_arena *a)
{
    size_t size = a->next_size ? a->next_size : FIRST_BLOCK;
    acr_arena_block *block = arena_link(a, size);
    if (!block)
        return false;
    a->cursor = (char *)(block + 1);
    a->left = size - sizeof(acr_arena_block);
    a->next_size = size * 2 > LARGEST_BLOCK ? LARGEST_BLOCK : size * 2;
    return true;
}

static void *piece_at(acr_arena *a, char *at)
{
    *(acr_arena_block **)(void *)at = a->first;
    return at + PIECE_HEADER;
}

void *acr_arena_alloc_slow(acr_arena *a, size_t size)
{
    if (size > SIZE_MAX / 2)
        return NULL;
    /* The first block holds small pieces only: it is never reallocated. */
    bool fresh = !a->first;
    if (fresh && !arena_new_block(a))
        return NULL;
    void *piece = NULL;
    size_t need = PIECE_HEADER + round_up(size);
    if (size >= LARGE_PIECE) {
        acr_arena_block *block = arena_link(a, sizeof(acr_arena_block) + need);
        if (block)
            piece = piece_at(a, (char *)(block + 1));
    } else if (need <= a->left || arena_new_block(a)) {
        char *at = a->cursor;
        a->cursor += need;
        a->left -= need;
        piece = piece_at(a, at);
    }
    /* The struct finds its arena from its pieces only: a first block made
     * for a piece that could not be is released, not lost. */
    if (!piece && fresh)
        acr_arena_release(a);
    return piece;
}

void *acr_arena_grow(acr_arena *a, void *old, size_t old_size, size_t new_size)
{
    if (new_size > SIZE_MAX / 2 || new_size < old_size)
        return NULL;
    if (old && old_size >= LARGE_PIECE) {
        /* A piece with a block of its own (never the first): reallocated. */
        acr_arena_block *block = (acr_arena_block *)(void *)((char *)old - PIECE_HEADER) - 1;
        acr_arena_block **link = &a->first->next;
        while (*link != block)
            link = &(*link)->next;
        size_t size = sizeof(acr_arena_block) + PIECE_HEADER + round_up(new_size);
        acr_arena_block *grown = acr_realloc(block, size);
        if (!grown)
            return NULL;
        grown->size = size;
        *link = grown;
        return (char *)(grown + 1) + PIECE_HEADER;
    }
    if (old && new_size < LARGE_PIECE && (char *)old + round_up(old_size) == a->cursor &&
        round_up(new_size) - round_up(old_size) <= a->left) {
        size_t more = round_up(new_size) - round_up(old_size); /* the newest piece: grows in place */
        a->cursor += more;
        a->left -= more;
        return old;
    }
    void *grown = acr_arena_alloc(a, new_size);
    if (grown && old)
        memcpy(grown, old, old_size);
    return grown;
}

/* Frees every block, wiping each first when `wipe`. */
static void arena_release(acr_arena *a, bool wipe)
{
    acr_arena_block *block = a->first;
    while (block) {
        acr_arena_block *next = block->next;
        if (wipe)
            acr_free_wiped(block, block->size);
        else
            acr_free(block);
        block = next;
    }
    memset(a, 0, sizeof *a);
}

void acr_arena_release(acr_arena *a) { arena_release(a, false); }

/* --- releasing a parsed struct --- */

static acr_arena_block *arena_of(const void *piece)
{
    return *(acr_arena_block *const *)(const void *)((const char *)piece - PIECE_HEADER);
}

/* The arena of the first piece found in the object (nested objects included;
 * items need not be looked at: their array is a piece), or NULL. */
static acr_arena_block *arena_of_object(const acr_object_desc *desc, void *base)
{
    acr_arena_block *found = NULL;
    for (size_t i = 0; i < desc->field_count; i++) {
        const acr_field_desc *f = &desc->fields[i];
        const void *piece = NULL;
        switch (f->value->kind) {
        case ACR_KIND_STRING:
            piece = *ACR_AT(base, f->offset, char *);
            break;
        case ACR_KIND_ENUM:
            piece = *ACR_AT(base, f->presence, char *);
            break;
        case ACR_KIND_OBJECT:
            found = arena_of_object(f->value->object, ACR_AT(base, f->offset, char));
            break;
        case ACR_KIND_ARRAY:
            piece = *ACR_AT(base, f->offset, void *);
            break;
        case ACR_KIND_STRING_OR_ARRAY:
            piece = *ACR_AT(base, f->offset, char *);
            if (!piece)
                piece = *ACR_AT(base, f->presence, void *);
            break;
        case ACR_KIND_BOOL:
        case ACR_KIND_INT:
        case ACR_KIND_UINT64:
        case ACR_KIND_NUMBER:
            break;
        }
        if (!found && piece)
            found = arena_of(piece);
        if (found)
            return found;
    }
    return NULL;
}

static void free_value(const acr_type_desc *type, void *value, bool wipe)
{
    if (!type || !value)
        return;
    acr_arena arena = {arena_of_object(type->object, value), NULL, 0, 0};
    arena_release(&arena, wipe);
    memset(value, 0, type->object->size);
}

void acr_free_value(const acr_type_desc *type, void *value) { free_value(type, value, false); }

void acr_free_value_wiped(const acr_type_desc *type, void *value) { free_value(type, value, true); }
