/* acr runtime: the allocation hooks (acr/alloc.h) and their bridge to yajl. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "acr/alloc.h"
#include "internal.h"

static void *default_malloc(void *ctx, size_t size) { (void)ctx; return malloc(size); }
static void *default_realloc(void *ctx, void *ptr, size_t size) { (void)ctx; return realloc(ptr, size); }
static void default_free(void *ctx, void *ptr) { (void)ctx; free(ptr); }

static acr_allocator current = {default_malloc, default_realloc, default_free, NULL};

void acr_set_allocator(const acr_allocator *a)
{
    if (a && a->malloc_fn && a->realloc_fn && a->free_fn) {
        current = *a;
    } else {
        current.malloc_fn = default_malloc;
        current.realloc_fn = default_realloc;
        current.free_fn = default_free;
        current.ctx = NULL;
    }
}

/* malloc(0) may return NULL, which callers would take for a failure. */
void *acr_malloc(size_t size) { return current.malloc_fn(current.ctx, size ? size : 1); }
void *acr_realloc(void *ptr, size_t size) { return current.realloc_fn(current.ctx, ptr, size ? size : 1); }

void acr_free(void *ptr)
{
    if (ptr)
        current.free_fn(current.ctx, ptr);
}

char *acr_copy_text(const char *s, size_t length)
{
    char *copy = acr_malloc(length + 1);
    if (copy) {
        memcpy(copy, s, length);
        copy[length] = '\0';
    }
    return copy;
}

char *acr_copy_string(const char *s)
{
    return s ? acr_copy_text(s, strlen(s)) : NULL;
}

/* yajl 2.1 uses what its allocator returns without checking for NULL (an open
 * upstream issue, lloyd/yajl#6): a failed allocation inside it would be a wild
 * write. So the bridge stops the process with a message instead, and marks its
 * calls (acr_yajl_allocating) so tests can fail every allocation but these. */
_Thread_local int acr_yajl_allocating;

static void *must_have(void *p, size_t size)
{
    if (!p && size) {
        fprintf(stderr, "acr: out of memory inside yajl (%zu bytes), which cannot recover from it\n", size);
        abort();
    }
    return p;
}

static void *yajl_malloc_hook(void *ctx, size_t size)
{
    (void)ctx;
    acr_yajl_allocating = 1;
    void *p = acr_malloc(size);
    acr_yajl_allocating = 0;
    return must_have(p, size);
}

static void *yajl_realloc_hook(void *ctx, void *ptr, size_t size)
{
    (void)ctx;
    acr_yajl_allocating = 1;
    void *p = acr_realloc(ptr, size);
    acr_yajl_allocating = 0;
    return must_have(p, size);
}

static void yajl_free_hook(void *ctx, void *ptr) { (void)ctx; acr_free(ptr); }

yajl_alloc_funcs acr_yajl_alloc_funcs = {yajl_malloc_hook, yajl_realloc_hook, yajl_free_hook, NULL};

/* The same for a parser of text that may echo a secret (an error body): each
 * block carries its size in front, and is wiped before it is freed; a realloc
 * is a new block, a copy and a wipe of the old one (yajl keeps a cut-off token
 * in its lexer's buffer, and its error text quotes the input). */
typedef union wiped_header {
    size_t size;
    max_align_t align;
} wiped_header;

static void wipe_block(wiped_header *h) { acr_free_wiped(h, sizeof *h + h->size); }

static void *wiped_malloc_hook(void *ctx, size_t size)
{
    (void)ctx;
    wiped_header *h = NULL;
    if (size <= SIZE_MAX - sizeof *h) {
        acr_yajl_allocating = 1;
        h = acr_malloc(sizeof *h + size);
        acr_yajl_allocating = 0;
    }
    must_have(h, sizeof *h + size);
    h->size = size;
    return h + 1;
}

static void wiped_free_hook(void *ctx, void *ptr)
{
    (void)ctx;
    if (ptr)
        wipe_block((wiped_header *)ptr - 1);
}

static void *wiped_realloc_hook(void *ctx, void *ptr, size_t size)
{
    void *grown = wiped_malloc_hook(ctx, size);
    if (ptr) {
        wiped_header *old = (wiped_header *)ptr - 1;
        memcpy(grown, ptr, old->size < size ? old->size : size);
        wipe_block(old);
    }
    return grown;
}

yajl_alloc_funcs acr_yajl_wiped_alloc_funcs = {wiped_malloc_hook, wiped_realloc_hook, wiped_free_hook, NULL};
