/* acr runtime: the allocation hooks (acr/alloc.h) and their bridge to yajl. */
#include <stdlib.h>

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

static void *yajl_malloc_hook(void *ctx, size_t size) { (void)ctx; return acr_malloc(size); }
static void *yajl_realloc_hook(void *ctx, void *ptr, size_t size) { (void)ctx; return acr_realloc(ptr, size); }
static void yajl_free_hook(void *ctx, void *ptr) { (void)ctx; acr_free(ptr); }

yajl_alloc_funcs acr_yajl_alloc_funcs = {yajl_malloc_hook, yajl_realloc_hook, yajl_free_hook, NULL};
