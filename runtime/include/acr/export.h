/** @file
 * acr: ACR_API, the mark of every function and object the library exports.
 *
 * The library is compiled with -fvisibility=hidden, so only declarations marked
 * ACR_API are visible outside libacr.so; everything else (the engine's helpers,
 * the libcurl glue) stays internal and may change between releases. Generated
 * headers mark their entry points and tables with it too. For the code that
 * includes the headers the mark changes nothing: it also marks an external
 * declaration as having default visibility, which is what it has anyway. */
#ifndef ACR_EXPORT_H
#define ACR_EXPORT_H

#if defined(__GNUC__) && __GNUC__ >= 4
#define ACR_API __attribute__((visibility("default")))
#else
#define ACR_API
#endif

/** The initialiser of every acr struct, all members zero: {0} in C (C11 has no
 * empty braces), {} in C++ (where {0} trips -Wmissing-field-initializers). */
#ifdef __cplusplus
#define ACR_ZERO_INIT {}
#else
#define ACR_ZERO_INIT {0}
#endif

#endif
