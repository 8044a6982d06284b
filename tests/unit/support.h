/* Helpers shared by the cmocka unit tests. */
#ifndef ACR_TEST_SUPPORT_H
#define ACR_TEST_SUPPORT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <yajl/yajl_tree.h>

#include "acr/alloc.h"
#include "acr/engine.h"
#include "acr_api.h"

/* Reads a file relative to the source tree (ACR_SOURCE_DIR); fails the test when
 * it cannot. The caller frees the result with free(). */
char *support_read_file(const char *relative_path, size_t *length);

/* Parses JSON with yajl's tree API (an independent oracle for comparisons);
 * fails the test on malformed input. Free with yajl_tree_free. */
yajl_val support_tree(const char *json);

/* Deep equality of two JSON values, ignoring object key order. Numbers are
 * compared by their text (both sides come from JSON text). */
bool support_json_equal(yajl_val a, yajl_val b);

/* Asserts that two JSON texts denote the same value (key order ignored). */
void support_assert_same_json(const char *expected, const char *actual);

/* True when err holds a violation at exactly `pointer` (message ignored). */
bool support_has_violation(const acr_error *err, const char *pointer);

/* The number of violations at exactly `pointer`. */
size_t support_count_violations(const acr_error *err, const char *pointer);

/* Members of a JSON object (yajl_tree), for reading a server's answer: each
 * fails the test when the key is missing or holds another type. */
yajl_val support_member(yajl_val object, const char *key);
long long support_int_member(yajl_val object, const char *key);
const char *support_string_member(yajl_val object, const char *key);
yajl_val support_array_member(yajl_val object, const char *key);

/* Prints every violation to stderr (for diagnosing a failing test). */
void support_dump_violations(const acr_error *err);

/* The first violation at exactly `pointer`, or NULL. */
const acr_violation *support_find_violation(const acr_error *err, const char *pointer);

/* Fails the test (dumping the violations) unless err holds exactly `count`
 * violations whose pointers are `pointers`, in that order. */
void support_assert_violations(const acr_error *err, const char *const *pointers, size_t count);

/* Writes a yajl_tree value as compact JSON text with yajl_gen (numbers keep their
 * original text, object keys their order). Free the result with free(). */
char *support_tree_to_json(yajl_val v);

/* A copy of `count` bytes of `s` plus a NUL, from malloc (free with free()). */
char *support_strndup(const char *s, size_t count);

#endif
