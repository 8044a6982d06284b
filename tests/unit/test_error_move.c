/* acr_error_move() (acr/error.h): how a done callback keeps the error it was
 * given. Every case counts the allocations still alive through the allocator
 * hooks, so a leaked or doubly released violation fails here, not only under
 * valgrind or ASan. */
#include "support.h"

#include <stdlib.h>
#include <string.h>

#include "internal.h"

static long live; /* allocations made through the hooks and not yet freed */

static void *count_malloc(void *ctx, size_t size)
{
    (void)ctx;
    void *p = malloc(size);
    if (p)
        live++;
    return p;
}

static void *count_realloc(void *ctx, void *ptr, size_t size)
{
    (void)ctx;
    void *p = realloc(ptr, size);
    if (p && !ptr)
        live++;
    return p;
}

static void count_free(void *ctx, void *ptr)
{
    (void)ctx;
    if (ptr)
        live--;
    free(ptr);
}

static int setup(void **state)
{
    (void)state;
    static const acr_allocator counting = {count_malloc, count_realloc, count_free, NULL};
    live = 0;
    acr_set_allocator(&counting);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    acr_set_allocator(NULL);
    return 0;
}

/* An error as a failed call leaves it: a status, a message, a pointer and
 * `count` violations, all allocated. */
static void fill(acr_error *err, const char *tag, size_t count)
{
    acr_error_set(err, ACR_ERR_INVALID_REQUEST, "%s: %zu violations", tag, count);
    acr_error_set_pointer(err, "/clientRequest");
    for (size_t i = 0; i < count; i++)
        assert_true(acr_error_add_violation(err, "/uid", 4, 0, "%s violation %zu", tag, i));
}

static void assert_reset(const acr_error *err)
{
    const acr_error init = ACR_ERROR_INIT;
    assert_int_equal(err->status, ACR_OK);
    assert_string_equal(err->message, "");
    assert_null(err->pointer);
    assert_null(err->violations);
    assert_int_equal(err->violation_count, 0);
    assert_int_equal(err->parse_violation_count, init.parse_violation_count);
    assert_null(err->reason);
    assert_null(err->request_id);
}

static void test_move_into_an_empty_error(void **state)
{
    (void)state;
    acr_error src = ACR_ERROR_INIT, dst = ACR_ERROR_INIT;
    fill(&src, "src", 2);
    long held = live;
    assert_true(held > 0);
    acr_error_move(&dst, &src);
    assert_int_equal(live, held); /* moved, not copied */
    assert_reset(&src);
    assert_int_equal(dst.status, ACR_ERR_INVALID_REQUEST);
    assert_string_equal(dst.message, "src: 2 violations");
    assert_string_equal(dst.pointer, "/clientRequest");
    assert_int_equal(dst.violation_count, 2);
    assert_string_equal(dst.violations[1].message, "src violation 1");
    acr_error_clear(&src); /* a moved-from error is a valid, empty one */
    acr_error_clear(&dst);
    assert_int_equal(live, 0);
}

static void test_the_old_contents_of_dst_are_released(void **state)
{
    (void)state;
    acr_error src = ACR_ERROR_INIT, dst = ACR_ERROR_INIT;
    fill(&src, "src", 1);
    long of_src = live;
    fill(&dst, "dst", 3);
    acr_error_move(&dst, &src);
    assert_int_equal(live, of_src); /* dst's three violations and pointer are gone */
    assert_reset(&src);
    assert_string_equal(dst.message, "src: 1 violations");
    assert_int_equal(dst.violation_count, 1);
    assert_string_equal(dst.violations[0].message, "src violation 0");
    acr_error_clear(&dst);
    assert_int_equal(live, 0);
}

static void test_null_dst_clears_src(void **state)
{
    (void)state;
    acr_error src = ACR_ERROR_INIT;
    fill(&src, "src", 2);
    acr_error_move(NULL, &src);
    assert_int_equal(live, 0);
    assert_reset(&src);
}

static void test_null_src_leaves_dst_alone(void **state)
{
    (void)state;
    acr_error dst = ACR_ERROR_INIT;
    fill(&dst, "dst", 2);
    long held = live;
    acr_error_move(&dst, NULL);
    assert_int_equal(live, held);
    assert_int_equal(dst.status, ACR_ERR_INVALID_REQUEST);
    assert_int_equal(dst.violation_count, 2);
    acr_error_move(NULL, NULL); /* nothing at all: no crash */
    acr_error_clear(&dst);
    assert_int_equal(live, 0);
}

static void test_moving_an_error_onto_itself_keeps_it(void **state)
{
    (void)state;
    acr_error err = ACR_ERROR_INIT;
    fill(&err, "self", 2);
    long held = live;
    acr_error_move(&err, &err);
    assert_int_equal(live, held);
    assert_int_equal(err.status, ACR_ERR_INVALID_REQUEST);
    assert_string_equal(err.pointer, "/clientRequest");
    assert_int_equal(err.violation_count, 2);
    assert_string_equal(err.violations[1].message, "self violation 1");
    acr_error_clear(&err);
    assert_int_equal(live, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_move_into_an_empty_error, setup, teardown),
        cmocka_unit_test_setup_teardown(test_the_old_contents_of_dst_are_released, setup, teardown),
        cmocka_unit_test_setup_teardown(test_null_dst_clears_src, setup, teardown),
        cmocka_unit_test_setup_teardown(test_null_src_leaves_dst_alone, setup, teardown),
        cmocka_unit_test_setup_teardown(test_moving_an_error_onto_itself_keeps_it, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
