/** @file
 * acr: allocation hooks. Every allocation made by the library, including yajl's,
 * goes through these functions, so an application can account for memory or make
 * allocations fail on purpose in tests. libcurl's allocations are libcurl's: acr
 * never replaces libcurl's allocator (that is process-wide state, shared with
 * the application's own use of libcurl), so the hooks do not see them. */
#ifndef ACR_ALLOC_H
#define ACR_ALLOC_H

#include "acr/export.h"

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct acr_allocator {
    void *(*malloc_fn)(void *ctx, size_t size);
    void *(*realloc_fn)(void *ctx, void *ptr, size_t size);
    void (*free_fn)(void *ctx, void *ptr);
    void *ctx;
} acr_allocator;

/** Installs `a` (copied), or restores the C library's malloc/realloc/free when `a`
 * is NULL. When an allocation fails, the call that needed it returns
 * ACR_ERR_NOMEM and leaves nothing leaked, with one exception: yajl 2.1 cannot
 * recover from a failed allocation, so when one of yajl's own fails the process
 * is stopped (abort) with a message rather than left to corrupt memory. Not thread-safe: call it before any other acr function, and never
 * while memory allocated under the previous allocator is still alive. */
ACR_API void acr_set_allocator(const acr_allocator *a);

/** The allocator in force; memory the library returns to the caller (for example
 * the text of acr_*_to_json) must be released with acr_free(). */
ACR_API void *acr_malloc(size_t size);
ACR_API void *acr_realloc(void *ptr, size_t size);
ACR_API void acr_free(void *ptr);

#ifdef __cplusplus
}
#endif

#endif
