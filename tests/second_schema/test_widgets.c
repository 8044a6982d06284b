/* Code generated from tests/second_schema/widgets.json (an invented widget
 * factory API), driven through the same runtime engine as the cloud recording
 * client: every rule at its boundary with the JSON pointer of each violation,
 * parse/serialize round trips of requests and responses, unknown enum strings
 * kept as "other", mode rules, and the generated operation descriptors.
 *
 * The expectations come from widgets.json as a reader of the schema sees it,
 * not from the generated tables. */
#include <arpa/inet.h>
#include <locale.h>
#include <math.h>
#include <netinet/in.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cmocka.h>

#include "acr/alloc.h"
#include "widgets_api.h"

/* --- checking violations --- */

static void dump_violations(const acr_error *err)
{
    fprintf(stderr, "status %d: %s\n", (int)err->status, err->message);
    for (size_t i = 0; i < err->violation_count; i++)
        fprintf(stderr, "  \"%s\": %s\n", err->violations[i].pointer, err->violations[i].message);
}

/* Fails unless err holds exactly these violation pointers, in this order. */
static void assert_pointers(const acr_error *err, const char *const *expected, size_t count)
{
    bool same = err->violation_count == count;
    for (size_t i = 0; same && i < count; i++)
        same = strcmp(err->violations[i].pointer, expected[i]) == 0;
    if (!same) {
        fprintf(stderr, "expected %zu violation(s):", count);
        for (size_t i = 0; i < count; i++)
            fprintf(stderr, " \"%s\"", expected[i]);
        fprintf(stderr, "\n");
        dump_violations(err);
        fail();
    }
}

#define EXPECT_POINTERS(err, ...)                                                  \
    do {                                                                           \
        const char *const expected_[] = {__VA_ARGS__};                             \
        assert_pointers((err), expected_, sizeof expected_ / sizeof expected_[0]); \
    } while (0)

/* The message of the only violation at `pointer` (fails when there is none). */
static const char *message_at(const acr_error *err, const char *pointer)
{
    for (size_t i = 0; i < err->violation_count; i++)
        if (strcmp(err->violations[i].pointer, pointer) == 0)
            return err->violations[i].message;
    dump_violations(err);
    fail_msg("no violation at \"%s\"", pointer);
    return NULL;
}

/* --- CreateWidgetRequest --- */

/* The smallest valid body: the three required properties, steel. */
static acr_create_widget_request steel_widget(void)
{
    acr_create_widget_request r = ACR_CREATE_WIDGET_REQUEST_INIT;
    r.name = "gizmo";
    r.serial = "ST-0001";
    r.has_material = true;
    r.material = ACR_MATERIAL_STEEL;
    return r;
}

/* A valid glass body: glass needs size with a depth and a standard width. */
static acr_create_widget_request glass_widget(void)
{
    acr_create_widget_request r = steel_widget();
    r.material = ACR_MATERIAL_GLASS;
    r.has_size = true;
    r.size.has_width = true;
    r.size.width = 200;
    r.size.has_height = true;
    r.size.height = 300;
    r.size.has_depth = true;
    r.size.depth = 4;
    return r;
}

static void expect_create_valid(const acr_create_widget_request *r, acr_mode mode)
{
    acr_error err = ACR_ERROR_INIT;
    acr_status status = acr_create_widget_request_validate(r, mode, &err);
    if (status != ACR_OK)
        dump_violations(&err);
    assert_int_equal(status, ACR_OK);
    assert_int_equal(err.violation_count, 0);
    acr_error_clear(&err);
}

/* Validates r and expects exactly one violation, at `pointer`, saying `message`
 * (not checked when NULL). */
static void expect_create_one(const acr_create_widget_request *r, acr_mode mode, const char *pointer,
                              const char *message)
{
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(acr_create_widget_request_validate(r, mode, &err), ACR_ERR_INVALID_REQUEST);
    EXPECT_POINTERS(&err, pointer);
    if (message)
        assert_string_equal(err.violations[0].message, message);
    acr_error_clear(&err);
}

static void test_constants(void **state)
{
    (void)state;
    /* x-enum-varnames become named constants with the property's prefix. */
    assert_int_equal(ACR_MATERIAL_STEEL, 10);
    assert_int_equal(ACR_MATERIAL_COPPER, 20);
    assert_int_equal(ACR_MATERIAL_GLASS, 30);
    /* String enums: 0 is unset, values in schema order, then "other". */
    assert_int_equal(ACR_SHAPE_UNSET, 0);
    assert_int_equal(ACR_SHAPE_ROUND, 1);
    assert_int_equal(ACR_SHAPE_TRIANGULAR, 3);
    assert_int_equal(ACR_SHAPE_OTHER, 4);
    /* Two properties named "status" with different values, one of them clashing
     * with the runtime's acr_status: both enums are named after their owner. */
    assert_int_equal(ACR_CREATE_WIDGET_RESPONSE_STATUS_DONE, 3);
    assert_int_equal(ACR_PAINT_RESPONSE_STATUS_DRY, 2);
    assert_int_equal(ACR_ARTIFACT_KIND_PHOTO, 2);
}

static void test_minimal_is_valid_in_every_mode(void **state)
{
    (void)state;
    acr_create_widget_request r = steel_widget();
    expect_create_valid(&r, ACR_MODE_ANY);
    expect_create_valid(&r, ACR_MODE_DRAFT);
    expect_create_valid(&r, ACR_MODE_REVIEW);
    expect_create_valid(&r, ACR_MODE_FINAL);
    r = glass_widget();
    expect_create_valid(&r, ACR_MODE_FINAL);
}

static void test_required_properties(void **state)
{
    (void)state;
    acr_create_widget_request r = ACR_CREATE_WIDGET_REQUEST_INIT;
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(acr_create_widget_request_validate(&r, ACR_MODE_ANY, &err), ACR_ERR_INVALID_REQUEST);
    /* The missing property itself is named, in schema order. */
    EXPECT_POINTERS(&err, "/name", "/serial", "/material");
    assert_string_equal(message_at(&err, "/name"), "is required");
    acr_error_clear(&err);
}

static void test_name_length(void **state)
{
    (void)state;
    acr_create_widget_request r = steel_widget();
    r.name = "a";
    expect_create_valid(&r, ACR_MODE_ANY);
    r.name = "abcdefghijklmnop"; /* 16 */
    expect_create_valid(&r, ACR_MODE_ANY);
    r.name = "abcdefghijklmnopq"; /* 17 */
    expect_create_one(&r, ACR_MODE_ANY, "/name", "must be at most 16 characters long (it has 17)");
    r.name = "";
    expect_create_one(&r, ACR_MODE_ANY, "/name", "must not be empty");
    /* Lengths count characters: 16 two-byte characters are 32 bytes. */
    r.name = "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
             "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9";
    expect_create_valid(&r, ACR_MODE_ANY);
    r.name = "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
             "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9";
    expect_create_one(&r, ACR_MODE_ANY, "/name", NULL);
    r.name = "bad \xff byte";
    expect_create_one(&r, ACR_MODE_ANY, "/name", "is not valid UTF-8");
}

static void test_serial_pattern_with_expected_text(void **state)
{
    (void)state;
    acr_create_widget_request r = steel_widget();
    const char *good[] = {"AB-0000", "ZZ-9999"};
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
        r.serial = good[i];
        expect_create_valid(&r, ACR_MODE_ANY);
    }
    const char *bad[] = {"ab-1234", "AB-123", "AB-12345", "AB1234", "ABC-1234", "AB-12a4", "", " AB-1234"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        r.serial = bad[i];
        /* x-acr-expected replaces the regex in the message. */
        expect_create_one(&r, ACR_MODE_ANY, "/serial", "must be two capital letters, a dash and four digits");
    }
}

static void test_material_integer_enum(void **state)
{
    (void)state;
    acr_create_widget_request r = steel_widget();
    r.material = ACR_MATERIAL_COPPER;
    expect_create_valid(&r, ACR_MODE_ANY);
    const int64_t bad[] = {0, 9, 11, 31, -10};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        r.material = bad[i];
        expect_create_one(&r, ACR_MODE_ANY, "/material", NULL);
    }
    r.material = 11;
    expect_create_one(&r, ACR_MODE_ANY, "/material", "must be one of 10, 20 or 30 (it is 11)");
}

static void test_grade_bounds(void **state)
{
    (void)state;
    /* Glass: no grade set is imposed, so the plain bounds 0..9 show. */
    acr_create_widget_request r = glass_widget();
    r.has_grade = true;
    r.grade = 9;
    expect_create_valid(&r, ACR_MODE_ANY);
    r.grade = 10;
    expect_create_one(&r, ACR_MODE_ANY, "/grade", "must be at most 9 (it is 10)");
    r.grade = -1;
    expect_create_one(&r, ACR_MODE_ANY, "/grade", "must be at least 0 (it is -1)");
}

static void test_negative_minimum(void **state)
{
    (void)state;
    acr_create_widget_request r = steel_widget();
    r.has_temperature = true;
    r.temperature = -40;
    expect_create_valid(&r, ACR_MODE_ANY);
    r.temperature = 125;
    expect_create_valid(&r, ACR_MODE_ANY);
    r.temperature = -41;
    expect_create_one(&r, ACR_MODE_ANY, "/temperature", "must be at least -40 (it is -41)");
    r.temperature = 126;
    expect_create_one(&r, ACR_MODE_ANY, "/temperature", "must be at most 125 (it is 126)");
    r.temperature = INT64_MIN;
    expect_create_one(&r, ACR_MODE_ANY, "/temperature", NULL);
}

static void test_uint64_full_range(void **state)
{
    (void)state;
    acr_create_widget_request r = steel_widget();
    r.has_batch = true;
    r.batch = 0;
    expect_create_valid(&r, ACR_MODE_ANY);
    r.batch = UINT64_MAX;
    expect_create_valid(&r, ACR_MODE_ANY);

    /* Through the parser: max is kept exactly, max + 1 and -1 are violations. */
    acr_create_widget_request p = ACR_CREATE_WIDGET_REQUEST_INIT;
    acr_error err = ACR_ERROR_INIT;
    const char *max = "{\"name\":\"g\",\"serial\":\"ST-0001\",\"material\":10,\"batch\":18446744073709551615}";
    assert_int_equal(acr_create_widget_request_parse(max, strlen(max), &p, &err), ACR_OK);
    assert_true(p.has_batch);
    assert_true(p.batch == UINT64_MAX);
    acr_create_widget_request_free(&p);

    const char *over = "{\"name\":\"g\",\"serial\":\"ST-0001\",\"material\":10,\"batch\":18446744073709551616}";
    assert_int_equal(acr_create_widget_request_parse(over, strlen(over), &p, &err), ACR_ERR_INVALID_REQUEST);
    EXPECT_POINTERS(&err, "/batch");
    assert_string_equal(err.violations[0].message, "must be an integer from 0 to 18446744073709551615");
    assert_false(p.has_batch);
    acr_create_widget_request_free(&p);

    const char *negative = "{\"name\":\"g\",\"serial\":\"ST-0001\",\"material\":10,\"batch\":-1}";
    assert_int_equal(acr_create_widget_request_parse(negative, strlen(negative), &p, &err),
                     ACR_ERR_INVALID_REQUEST);
    EXPECT_POINTERS(&err, "/batch");
    acr_create_widget_request_free(&p);

    /* null on a nullable property means absent. */
    const char *null_batch = "{\"name\":\"g\",\"serial\":\"ST-0001\",\"material\":10,\"batch\":null}";
    assert_int_equal(acr_create_widget_request_parse(null_batch, strlen(null_batch), &p, &err), ACR_OK);
    assert_false(p.has_batch);
    acr_create_widget_request_free(&p);
    acr_error_clear(&err);
}

static void test_request_string_enum(void **state)
{
    (void)state;
    acr_create_widget_request r = steel_widget();
    r.shape = ACR_SHAPE_SQUARE;
    expect_create_valid(&r, ACR_MODE_ANY);
    /* A request cannot carry an unknown value: "other" is for responses. */
    r.shape = ACR_SHAPE_OTHER;
    r.shape_other = "oval";
    expect_create_one(&r, ACR_MODE_ANY, "/shape", "must be one of \"round\", \"square\" or \"triangular\"");
}

static void test_nullable_string(void **state)
{
    (void)state;
    acr_create_widget_request r = steel_widget();
    r.coating = "zinc";
    expect_create_valid(&r, ACR_MODE_ANY);
    r.coating = "";
    expect_create_one(&r, ACR_MODE_ANY, "/coating", "must not be empty");
}

static void test_mutual_exclusion(void **state)
{
    (void)state;
    static const int64_t rgb[] = {0, 128, 255};
    acr_create_widget_request r = steel_widget();
    r.color_name = "teal";
    expect_create_valid(&r, ACR_MODE_ANY);
    r.color_name = NULL;
    r.color_rgb = rgb;
    r.color_rgb_count = 3;
    expect_create_valid(&r, ACR_MODE_ANY);
    r.color_name = "teal";
    /* A rule about two properties names their object: here the root. */
    expect_create_one(&r, ACR_MODE_ANY, "", "colorName and colorRgb cannot both be set");

    /* null counts as absent, so a null colorRgb beside colorName is fine. */
    acr_create_widget_request p = ACR_CREATE_WIDGET_REQUEST_INIT;
    acr_error err = ACR_ERROR_INIT;
    const char *json = "{\"name\":\"g\",\"serial\":\"ST-0001\",\"material\":10,\"colorName\":\"teal\",\"colorRgb\":null}";
    assert_int_equal(acr_create_widget_request_parse(json, strlen(json), &p, &err), ACR_OK);
    expect_create_valid(&p, ACR_MODE_ANY);
    acr_create_widget_request_free(&p);
}

static void test_integer_array(void **state)
{
    (void)state;
    acr_create_widget_request r = steel_widget();
    int64_t rgb[4] = {0, 255, 7, 7};
    r.color_rgb = rgb;
    r.color_rgb_count = 3;
    expect_create_valid(&r, ACR_MODE_ANY);
    r.color_rgb_count = 2;
    expect_create_one(&r, ACR_MODE_ANY, "/colorRgb", "must have at least 3 entries (it has 2)");
    r.color_rgb_count = 4;
    expect_create_one(&r, ACR_MODE_ANY, "/colorRgb", "must have at most 3 entries (it has 4)");
    r.color_rgb_count = 3;
    rgb[1] = 256;
    expect_create_one(&r, ACR_MODE_ANY, "/colorRgb/1", "must be at most 255 (it is 256)");
    rgb[1] = 0;
    rgb[2] = -1;
    expect_create_one(&r, ACR_MODE_ANY, "/colorRgb/2", "must be at least 0 (it is -1)");
}

static void test_array_of_objects(void **state)
{
    (void)state;
    acr_part parts[4] = {
        {.part_no = "P001", .has_quantity = true, .quantity = 1},
        {.part_no = "P999-Z", .has_quantity = true, .quantity = 99},
        {.part_no = "P123"},
        {.part_no = "P124"},
    };
    acr_create_widget_request r = steel_widget();
    r.parts = parts;
    r.parts_count = 3;
    expect_create_valid(&r, ACR_MODE_ANY);
    r.parts_count = 4;
    expect_create_one(&r, ACR_MODE_ANY, "/parts", "must have at most 3 entries (it has 4)");
    r.parts_count = 3;

    parts[0].quantity = 0;
    expect_create_one(&r, ACR_MODE_ANY, "/parts/0/quantity", "must be at least 1 (it is 0)");
    parts[0].quantity = 100;
    expect_create_one(&r, ACR_MODE_ANY, "/parts/0/quantity", "must be at most 99 (it is 100)");
    parts[0].quantity = 1;

    parts[2].part_no = NULL;
    expect_create_one(&r, ACR_MODE_ANY, "/parts/2/partNo", "is required");
    /* Without x-acr-expected the message quotes the pattern. */
    parts[2].part_no = "P12";
    expect_create_one(&r, ACR_MODE_ANY, "/parts/2/partNo", "must match the pattern ^P[0-9]{3}(-[A-Z])?$");
    parts[2].part_no = "P123-";
    expect_create_one(&r, ACR_MODE_ANY, "/parts/2/partNo", NULL);
}

static void test_string_array_and_prefix_length(void **state)
{
    (void)state;
    acr_create_widget_request r = steel_widget();
    /* 4 + 1 per element: four 4-character tags join to exactly 20. */
    const char *tags[5] = {"abcd", "ef01", "gh23", "ij45", "kl67"};
    r.tags = tags;
    r.tags_count = 4;
    expect_create_valid(&r, ACR_MODE_ANY);
    tags[3] = "ij456"; /* 21 */
    expect_create_one(&r, ACR_MODE_ANY, "/tags",
                      "is 21 characters long when joined with a \"/\" after each element; at most 20 are allowed");
    tags[3] = "ij";
    r.tags_count = 5; /* 5 > maxItems 4, and 5 + 5 + 5 + 3 + 5 = 23 > 20: both reported */
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(acr_create_widget_request_validate(&r, ACR_MODE_ANY, &err), ACR_ERR_INVALID_REQUEST);
    EXPECT_POINTERS(&err, "/tags", "/tags");
    assert_string_equal(err.violations[0].message, "must have at most 4 entries (it has 5)");
    assert_string_equal(err.violations[1].message,
                        "is 23 characters long when joined with a \"/\" after each element; at most 20 are allowed");
    acr_error_clear(&err);

    r.tags_count = 1;
    tags[0] = "abcdefgh"; /* 8 */
    expect_create_valid(&r, ACR_MODE_ANY);
    tags[0] = "abcdefghi"; /* 9 */
    expect_create_one(&r, ACR_MODE_ANY, "/tags/0", "must be at most 8 characters long (it has 9)");
    tags[0] = "Abc";
    expect_create_one(&r, ACR_MODE_ANY, "/tags/0", "must be lower-case letters and digits");
    tags[0] = NULL; /* a hole in a caller-built array */
    expect_create_one(&r, ACR_MODE_ANY, "/tags/0", "must be a string");
    tags[0] = ""; /* too short, and not matching the pattern */
    assert_int_equal(acr_create_widget_request_validate(&r, ACR_MODE_ANY, &err), ACR_ERR_INVALID_REQUEST);
    EXPECT_POINTERS(&err, "/tags/0", "/tags/0");
    acr_error_clear(&err);
}

/* if material is 30 then size is required, with a depth and a standard width. */
static void test_conditional_const_nested_object(void **state)
{
    (void)state;
    acr_create_widget_request r = glass_widget();
    r.has_size = false;
    expect_create_one(&r, ACR_MODE_ANY, "/size", "is required when material is 30");

    r = glass_widget();
    r.size.has_depth = false;
    expect_create_one(&r, ACR_MODE_ANY, "/size/depth", "is required when material is 30");

    const int64_t widths[] = {100, 200, 300};
    for (size_t i = 0; i < 3; i++) {
        r = glass_widget();
        r.size.width = widths[i];
        expect_create_valid(&r, ACR_MODE_ANY);
    }
    r.size.width = 150;
    expect_create_one(&r, ACR_MODE_ANY, "/size/width", "must be 100, 200 or 300 when material is 30 (it is 150)");
    r.size.width = 301;
    expect_create_one(&r, ACR_MODE_ANY, "/size/width", NULL);

    /* Other materials: the same size is fine. */
    r = glass_widget();
    r.material = ACR_MATERIAL_STEEL;
    r.size.width = 150;
    r.size.has_depth = false;
    expect_create_valid(&r, ACR_MODE_ANY);

    /* Dimensions' own rules still apply beneath. */
    r = glass_widget();
    r.size.has_height = false;
    r.size.depth = 51;
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(acr_create_widget_request_validate(&r, ACR_MODE_ANY, &err), ACR_ERR_INVALID_REQUEST);
    EXPECT_POINTERS(&err, "/size/height", "/size/depth");
    acr_error_clear(&err);
}

/* if material is in [10, 20] then grade is in [1, 2, 3]. */
static void test_conditional_enum_condition(void **state)
{
    (void)state;
    const int64_t metals[] = {ACR_MATERIAL_STEEL, ACR_MATERIAL_COPPER};
    for (size_t i = 0; i < 2; i++) {
        acr_create_widget_request r = steel_widget();
        r.material = metals[i];
        r.has_grade = true;
        r.grade = 1;
        expect_create_valid(&r, ACR_MODE_ANY);
        r.grade = 3;
        expect_create_valid(&r, ACR_MODE_ANY);
        r.grade = 4;
        expect_create_one(&r, ACR_MODE_ANY, "/grade", "must be 1 to 3 when material is 10 or 20 (it is 4)");
    }
    acr_create_widget_request r = glass_widget();
    r.has_grade = true;
    r.grade = 4;
    expect_create_valid(&r, ACR_MODE_ANY);
}

/* if material is not in [10, 20] then coating is forbidden. */
static void test_conditional_not_enum_condition(void **state)
{
    (void)state;
    acr_create_widget_request r = steel_widget();
    r.coating = "zinc";
    expect_create_valid(&r, ACR_MODE_ANY);
    r.material = ACR_MATERIAL_COPPER;
    expect_create_valid(&r, ACR_MODE_ANY);

    r = glass_widget();
    r.coating = "zinc";
    /* A forbidding rule names the forbidden property. */
    expect_create_one(&r, ACR_MODE_ANY, "/coating", "is only allowed when material is 10 or 20");

    /* null is absent, so it passes. */
    acr_create_widget_request p = ACR_CREATE_WIDGET_REQUEST_INIT;
    acr_error err = ACR_ERROR_INIT;
    const char *json = "{\"name\":\"g\",\"serial\":\"GL-0001\",\"material\":30,"
                       "\"size\":{\"width\":100,\"height\":1,\"depth\":1},\"coating\":null}";
    assert_int_equal(acr_create_widget_request_parse(json, strlen(json), &p, &err), ACR_OK);
    expect_create_valid(&p, ACR_MODE_ANY);
    acr_create_widget_request_free(&p);

    /* The rule only fires when material is present; a missing material is
     * reported once, as missing. */
    r.has_material = false;
    expect_create_one(&r, ACR_MODE_ANY, "/material", "is required");
}

/* if grade is 0 then temperature is required. */
static void test_conditional_required(void **state)
{
    (void)state;
    acr_create_widget_request r = glass_widget();
    r.has_grade = true;
    r.grade = 0;
    expect_create_one(&r, ACR_MODE_ANY, "/temperature", "is required when grade is 0");
    r.has_temperature = true;
    r.temperature = 0;
    expect_create_valid(&r, ACR_MODE_ANY);
    r.has_temperature = false;
    r.grade = 1;
    expect_create_valid(&r, ACR_MODE_ANY);
    r.has_grade = false; /* the condition needs grade present */
    expect_create_valid(&r, ACR_MODE_ANY);
}

static void test_mode_rules(void **state)
{
    (void)state;
    acr_create_widget_request r = steel_widget();
    r.has_prototype = true;
    r.prototype.has_iterations = true;
    r.prototype.iterations = 10;
    expect_create_valid(&r, ACR_MODE_DRAFT);
    expect_create_valid(&r, ACR_MODE_ANY); /* mode unknown: skipped */
    expect_create_one(&r, ACR_MODE_REVIEW, "/prototype", "is not allowed in mode review (only in draft)");
    expect_create_one(&r, ACR_MODE_FINAL, "/prototype", NULL);
    r.prototype.iterations = 11;
    expect_create_one(&r, ACR_MODE_DRAFT, "/prototype/iterations", "must be at most 10 (it is 11)");

    r = steel_widget();
    r.has_approval = true;
    r.approval.approver = "ada";
    expect_create_valid(&r, ACR_MODE_REVIEW);
    expect_create_valid(&r, ACR_MODE_FINAL);
    expect_create_one(&r, ACR_MODE_DRAFT, "/approval", "is not allowed in mode draft (only in review or final)");
    r.approval.approver = NULL;
    expect_create_one(&r, ACR_MODE_FINAL, "/approval/approver", "is required");
    r.approval.approver = "a";
    expect_create_one(&r, ACR_MODE_FINAL, "/approval/approver", "must be at least 2 characters long");

    /* A null object is absent, so it breaks no mode rule. */
    acr_create_widget_request p = ACR_CREATE_WIDGET_REQUEST_INIT;
    acr_error err = ACR_ERROR_INIT;
    const char *json = "{\"name\":\"g\",\"serial\":\"ST-0001\",\"material\":10,\"prototype\":null}";
    assert_int_equal(acr_create_widget_request_parse(json, strlen(json), &p, &err), ACR_OK);
    expect_create_valid(&p, ACR_MODE_FINAL);
    acr_create_widget_request_free(&p);

    /* A mode beyond the schema's is a usage error, not a verdict. */
    r = steel_widget();
    assert_int_equal(acr_create_widget_request_validate(&r, (acr_mode)4, &err), ACR_ERR_USAGE);
    acr_error_clear(&err);
}

static void test_every_violation_in_one_pass(void **state)
{
    (void)state;
    static const int64_t rgb[] = {1, 2};
    static const char *const tags[] = {"OK"};
    acr_create_widget_request r = glass_widget();
    r.name = "";
    r.serial = "nope";
    r.has_grade = true;
    r.grade = 0;                /* temperature becomes required */
    r.coating = "zinc";         /* forbidden for glass */
    r.size.width = 150;         /* not a standard pane */
    r.size.has_depth = false;   /* required for glass */
    r.color_name = "teal";      /* together with colorRgb */
    r.color_rgb = rgb;
    r.color_rgb_count = 2;      /* fewer than 3 */
    r.tags = tags;
    r.tags_count = 1;           /* upper case */
    r.has_prototype = true;     /* not in final */
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(acr_create_widget_request_validate(&r, ACR_MODE_FINAL, &err), ACR_ERR_INVALID_REQUEST);
    /* Properties in schema order, then the object's rules in allOf order. */
    EXPECT_POINTERS(&err, "/name", "/serial", "/colorRgb", "/tags/0", "/prototype", "", "/size/depth",
                    "/size/width", "/coating", "/temperature");
    acr_error_clear(&err);
}

static void test_strict_parse(void **state)
{
    (void)state;
    acr_create_widget_request r = ACR_CREATE_WIDGET_REQUEST_INIT;
    acr_error err = ACR_ERROR_INIT;
    const char *json = "{\"nmae\":\"g\",\"name\":\"g\",\"serial\":\"ST-0001\",\"material\":\"10\","
                       "\"shape\":\"oval\",\"size\":{\"width\":1,\"height\":1,\"colour\":2},\"fragile\":1,"
                       "\"name\":\"again\"}";
    assert_int_equal(acr_create_widget_request_parse(json, strlen(json), &r, &err), ACR_ERR_INVALID_REQUEST);
    EXPECT_POINTERS(&err, "/nmae", "/material", "/size/colour", "/fragile", "/name");
    assert_string_equal(message_at(&err, "/nmae"), "is not a known property (did you mean \"name\"?)");
    assert_string_equal(message_at(&err, "/material"), "must be an integer");
    assert_string_equal(message_at(&err, "/size/colour"), "is not a known property");
    assert_string_equal(message_at(&err, "/fragile"), "must be a boolean");
    assert_string_equal(message_at(&err, "/name"), "is given more than once");
    /* The unknown enum string is kept, and validation (appending) rejects it;
     * /material, already reported, is not reported again as missing. */
    assert_int_equal(r.shape, ACR_SHAPE_OTHER);
    assert_string_equal(r.shape_other, "oval");
    assert_int_equal(acr_create_widget_request_validate(&r, ACR_MODE_ANY, &err), ACR_ERR_INVALID_REQUEST);
    EXPECT_POINTERS(&err, "/nmae", "/material", "/size/colour", "/fragile", "/name", "/shape");
    acr_create_widget_request_free(&r);
    acr_create_widget_request_free(&r); /* harmless after free-and-zero */
    acr_error_clear(&err);

    /* Malformed JSON: line and column. */
    const char *broken = "{\"name\":\"g\",\n \"serial\": }";
    assert_int_equal(acr_create_widget_request_parse(broken, strlen(broken), &r, &err), ACR_ERR_MALFORMED_JSON);
    assert_int_equal(err.line, 2);
    acr_create_widget_request_free(&r);
    acr_error_clear(&err);
}

/* --- serialization round trips --- */

static void expect_create_round_trip(const char *json, acr_mode mode)
{
    acr_create_widget_request r = ACR_CREATE_WIDGET_REQUEST_INIT;
    acr_error err = ACR_ERROR_INIT;
    acr_status status = acr_create_widget_request_parse(json, strlen(json), &r, &err);
    if (status == ACR_OK)
        status = acr_create_widget_request_validate(&r, mode, &err);
    if (status != ACR_OK)
        dump_violations(&err);
    assert_int_equal(status, ACR_OK);
    char *out = NULL;
    size_t length = 0;
    assert_int_equal(acr_create_widget_request_to_json(&r, &out, &length, &err), ACR_OK);
    /* The input is compact and in schema order, so the output is the same text. */
    assert_string_equal(out, json);
    assert_int_equal(length, strlen(json));
    acr_free(out);
    acr_create_widget_request_free(&r);
}

static void test_create_round_trip(void **state)
{
    (void)state;
    expect_create_round_trip(
        "{\"name\":\"Gizmo \xc3\xa9/1\",\"serial\":\"CU-0420\",\"material\":20,\"grade\":2,\"temperature\":-40,"
        "\"batch\":18446744073709551615,\"shape\":\"triangular\",\"coating\":\"zinc\","
        "\"size\":{\"width\":150,\"height\":1000,\"depth\":50},\"colorRgb\":[0,128,255],"
        "\"parts\":[{\"partNo\":\"P001\",\"quantity\":1},{\"partNo\":\"P999-Z\",\"quantity\":99}],"
        "\"tags\":[\"abcd\",\"ef01\"],\"fragile\":false,\"approval\":{\"approver\":\"ada\"}}",
        ACR_MODE_REVIEW);
    expect_create_round_trip(
        "{\"name\":\"pane\",\"serial\":\"GL-0042\",\"material\":30,\"grade\":0,\"temperature\":125,"
        "\"batch\":0,\"size\":{\"width\":300,\"height\":1,\"depth\":1},\"colorName\":\"clear\",\"parts\":[],"
        "\"tags\":[],\"fragile\":true,\"prototype\":{\"iterations\":1}}",
        ACR_MODE_DRAFT);
}

static void test_serialize_caller_built_request(void **state)
{
    (void)state;
    acr_create_widget_request r = glass_widget();
    r.shape = ACR_SHAPE_ROUND;
    char *out = NULL;
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(acr_create_widget_request_to_json(&r, &out, NULL, &err), ACR_OK);
    assert_string_equal(out, "{\"name\":\"gizmo\",\"serial\":\"ST-0001\",\"material\":30,\"shape\":\"round\","
                             "\"size\":{\"width\":200,\"height\":300,\"depth\":4}}");
    acr_free(out);
}

/* --- PaintRequest --- */

static acr_paint_request red_paint(void)
{
    acr_paint_request r = ACR_PAINT_REQUEST_INIT;
    r.color = ACR_COLOR_RED;
    return r;
}

static void expect_paint(const acr_paint_request *r, acr_mode mode, const char *pointer, const char *message)
{
    acr_error err = ACR_ERROR_INIT;
    acr_status status = acr_paint_request_validate(r, mode, &err);
    if (!pointer) {
        if (status != ACR_OK)
            dump_violations(&err);
        assert_int_equal(status, ACR_OK);
    } else {
        assert_int_equal(status, ACR_ERR_INVALID_REQUEST);
        EXPECT_POINTERS(&err, pointer);
        if (message)
            assert_string_equal(err.violations[0].message, message);
    }
    acr_error_clear(&err);
}

static void test_paint_rules(void **state)
{
    (void)state;
    acr_paint_request r = ACR_PAINT_REQUEST_INIT;
    expect_paint(&r, ACR_MODE_ANY, "/color", "is required");
    r = red_paint();
    expect_paint(&r, ACR_MODE_ANY, NULL, NULL);
    r.has_coats = true;
    r.coats = 1;
    expect_paint(&r, ACR_MODE_ANY, NULL, NULL);
    r.coats = 5;
    expect_paint(&r, ACR_MODE_ANY, NULL, NULL);
    r.coats = 0;
    expect_paint(&r, ACR_MODE_ANY, "/coats", "must be at least 1 (it is 0)");
    r.coats = 6;
    expect_paint(&r, ACR_MODE_ANY, "/coats", "must be at most 5 (it is 6)");
}

static void test_paint_string_or_array(void **state)
{
    (void)state;
    const char *surfaces[3] = {"top", "side", "back"};
    acr_paint_request r = red_paint();
    r.target = "top";
    expect_paint(&r, ACR_MODE_ANY, NULL, NULL);
    r.target = "";
    expect_paint(&r, ACR_MODE_ANY, "/target", "must not be empty");
    r.target = NULL;
    r.target_items = surfaces;
    r.target_count = 2;
    expect_paint(&r, ACR_MODE_ANY, NULL, NULL);
    r.target_count = 3;
    expect_paint(&r, ACR_MODE_ANY, "/target", "must have at most 2 entries (it has 3)");
    r.target_count = 2;
    surfaces[1] = "";
    expect_paint(&r, ACR_MODE_ANY, "/target/1", "must not be empty");
    surfaces[1] = "side";
    r.target = "top";
    expect_paint(&r, ACR_MODE_ANY, "/target", "must be either a string or an array, not both");
}

static void test_paint_layers(void **state)
{
    (void)state;
    acr_layer layers[3] = {
        {.pigment = "ochre", .has_thickness = true, .thickness = 1},
        {.pigment = "abcdefghijklmnopqrstuvwxyz012345", .has_thickness = true, .thickness = 500}, /* 32 */
        {.pigment = "umber"},
    };
    acr_paint_request r = red_paint();
    r.layers = layers;
    r.layers_count = 2;
    expect_paint(&r, ACR_MODE_ANY, NULL, NULL);
    r.layers_count = 3;
    expect_paint(&r, ACR_MODE_ANY, "/layers", "must have at most 2 entries (it has 3)");
    r.layers_count = 2;
    layers[1].pigment = "abcdefghijklmnopqrstuvwxyz0123456"; /* 33 */
    expect_paint(&r, ACR_MODE_ANY, "/layers/1/pigment", "must be at most 32 characters long (it has 33)");
    layers[1].pigment = NULL;
    expect_paint(&r, ACR_MODE_ANY, "/layers/1/pigment", "is required");
    layers[1].pigment = "umber";
    layers[0].thickness = 0;
    expect_paint(&r, ACR_MODE_ANY, "/layers/0/thickness", NULL);
    layers[0].thickness = 501;
    expect_paint(&r, ACR_MODE_ANY, "/layers/0/thickness", NULL);
    layers[0].thickness = 1;
    /* A "/" in a property name is escaped as ~1 in the pointer (RFC 6901). */
    layers[0].has_mix_ratio = true;
    layers[0].mix_ratio = 100;
    expect_paint(&r, ACR_MODE_ANY, NULL, NULL);
    layers[0].mix_ratio = 101;
    expect_paint(&r, ACR_MODE_ANY, "/layers/0/mix~1ratio", "must be at most 100 (it is 101)");
}

static void test_paint_three_way_exclusion(void **state)
{
    (void)state;
    acr_paint_request r = red_paint();
    r.has_tools = true;
    r.tools.has_brush = true;
    r.tools.has_roller = true;
    expect_paint(&r, ACR_MODE_ANY, NULL, NULL);
    r.tools.has_spray = true;
    expect_paint(&r, ACR_MODE_ANY, "/tools", "brush, roller and spray cannot all be set");

    acr_paint_request p = ACR_PAINT_REQUEST_INIT;
    acr_error err = ACR_ERROR_INIT;
    const char *json = "{\"color\":\"blue\",\"tools\":{\"brush\":true,\"roller\":false,\"spray\":null}}";
    assert_int_equal(acr_paint_request_parse(json, strlen(json), &p, &err), ACR_OK);
    expect_paint(&p, ACR_MODE_ANY, NULL, NULL);
    assert_true(p.tools.has_roller);
    assert_false(p.tools.roller);
    assert_false(p.tools.has_spray);
    acr_paint_request_free(&p);
}

static void test_paint_mode_rule_on_a_scalar(void **state)
{
    (void)state;
    acr_paint_request r = red_paint();
    r.has_final_check = true;
    r.final_check = false; /* present, even though false */
    expect_paint(&r, ACR_MODE_FINAL, NULL, NULL);
    expect_paint(&r, ACR_MODE_ANY, NULL, NULL);
    expect_paint(&r, ACR_MODE_DRAFT, "/finalCheck", "is not allowed in mode draft (only in final)");
    expect_paint(&r, ACR_MODE_REVIEW, "/finalCheck", NULL);
}

static void test_paint_round_trip(void **state)
{
    (void)state;
    const char *docs[] = {
        "{\"color\":\"green\",\"coats\":5,\"target\":[\"top\",\"side\"],"
        "\"layers\":[{\"pigment\":\"ochre\",\"thickness\":500,\"mix/ratio\":0},{\"pigment\":\"umber\"}],"
        "\"tools\":{\"brush\":true,\"roller\":false},\"finalCheck\":true}",
        "{\"color\":\"blue\",\"target\":\"top\",\"target\":\"again\"}",
    };
    acr_paint_request r = ACR_PAINT_REQUEST_INIT;
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(acr_paint_request_parse(docs[0], strlen(docs[0]), &r, &err), ACR_OK);
    assert_int_equal(acr_paint_request_validate(&r, ACR_MODE_FINAL, &err), ACR_OK);
    assert_int_equal(r.color, ACR_COLOR_GREEN);
    assert_null(r.target);
    assert_int_equal(r.target_count, 2);
    assert_string_equal(r.target_items[1], "side");
    assert_true(r.layers[0].has_mix_ratio);
    char *out = NULL;
    assert_int_equal(acr_paint_request_to_json(&r, &out, NULL, &err), ACR_OK);
    assert_string_equal(out, docs[0]);
    acr_free(out);
    acr_paint_request_free(&r);

    /* A duplicate key is reported, the first value kept. */
    assert_int_equal(acr_paint_request_parse(docs[1], strlen(docs[1]), &r, &err), ACR_ERR_INVALID_REQUEST);
    EXPECT_POINTERS(&err, "/target");
    assert_string_equal(r.target, "top");
    acr_paint_request_free(&r);
    acr_error_clear(&err);
}

/* --- responses --- */

static void test_create_response_round_trip_and_other(void **state)
{
    (void)state;
    const char *json =
        "{\"widgetId\":\"w-1\",\"status\":\"recycled\",\"createdAt\":18446744073709551615,"
        "\"balance\":-9223372036854775808,\"vendorNote\":{\"deep\":[1,{\"x\":null}]},"
        "\"artifacts\":[{\"file\":\"a.dxf\",\"bytes\":1024,\"kind\":\"drawing\",\"final\":true},"
        "{\"file\":\"b.jpg\",\"kind\":\"hologram\",\"extra\":[true]}],"
        "\"warnings\":[\"low ink\",\"\"],\"scores\":[3,-1,0]}";
    acr_create_widget_response r = ACR_CREATE_WIDGET_RESPONSE_INIT;
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(acr_create_widget_response_parse(json, strlen(json), &r, &err), ACR_OK);
    assert_string_equal(r.widget_id, "w-1");
    /* An unknown enum string is kept, not refused. */
    assert_int_equal(r.status, ACR_CREATE_WIDGET_RESPONSE_STATUS_OTHER);
    assert_string_equal(r.status_other, "recycled");
    assert_true(r.has_created_at);
    assert_true(r.created_at == UINT64_MAX);
    assert_true(r.balance == INT64_MIN);
    assert_null(r.artifacts);
    assert_int_equal(r.artifacts_count, 2);
    assert_int_equal(r.artifacts_items[0].kind, ACR_ARTIFACT_KIND_DRAWING);
    assert_null(r.artifacts_items[0].kind_other);
    assert_true(r.artifacts_items[0].has_final);
    assert_int_equal(r.artifacts_items[1].kind, ACR_ARTIFACT_KIND_OTHER);
    assert_string_equal(r.artifacts_items[1].kind_other, "hologram");
    assert_false(r.artifacts_items[1].has_bytes);
    assert_int_equal(r.warnings_count, 2);
    assert_string_equal(r.warnings[1], "");
    assert_int_equal(r.scores_count, 3);
    assert_true(r.scores[1] == -1);

    /* Re-serialized: unknown properties dropped, "other" values written back. */
    char *out = NULL;
    assert_int_equal(acr_create_widget_response_to_json(&r, &out, NULL, &err), ACR_OK);
    assert_string_equal(out,
        "{\"widgetId\":\"w-1\",\"status\":\"recycled\",\"createdAt\":18446744073709551615,"
        "\"balance\":-9223372036854775808,"
        "\"artifacts\":[{\"file\":\"a.dxf\",\"bytes\":1024,\"kind\":\"drawing\",\"final\":true},"
        "{\"file\":\"b.jpg\",\"kind\":\"hologram\"}],"
        "\"warnings\":[\"low ink\",\"\"],\"scores\":[3,-1,0]}");
    acr_free(out);
    acr_create_widget_response_free(&r);
    assert_null(r.widget_id);
    acr_create_widget_response_free(&r); /* zeroed: harmless */
}

static void test_create_response_string_alternative(void **state)
{
    (void)state;
    const char *cases[][2] = {
        {"{\"artifacts\":\"bundle.zip\",\"status\":\"done\"}", "{\"status\":\"done\",\"artifacts\":\"bundle.zip\"}"},
        /* An empty array is present (not absent) and written back as []. */
        {"{\"artifacts\":[],\"warnings\":[]}", "{\"artifacts\":[],\"warnings\":[]}"},
        {"{}", "{}"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        acr_create_widget_response r = ACR_CREATE_WIDGET_RESPONSE_INIT;
        acr_error err = ACR_ERROR_INIT;
        assert_int_equal(acr_create_widget_response_parse(cases[i][0], strlen(cases[i][0]), &r, &err), ACR_OK);
        char *out = NULL;
        assert_int_equal(acr_create_widget_response_to_json(&r, &out, NULL, &err), ACR_OK);
        assert_string_equal(out, cases[i][1]);
        acr_free(out);
        acr_create_widget_response_free(&r);
    }
}

static void test_create_response_type_errors(void **state)
{
    (void)state;
    const char *cases[][2] = {
        {"{\"artifacts\":[{\"bytes\":\"big\"}]}", "/artifacts/0/bytes"},
        {"{\"artifacts\":[{\"file\":\"a\"},3]}", "/artifacts/1"},
        {"{\"artifacts\":5}", "/artifacts"},
        {"{\"createdAt\":-1}", "/createdAt"},
        {"{\"createdAt\":18446744073709551616}", "/createdAt"},
        {"{\"balance\":9223372036854775808}", "/balance"},
        {"{\"status\":5}", "/status"},
        {"{\"scores\":[1.5]}", "/scores/0"},
        {"{\"warnings\":[null]}", "/warnings/0"},
        {"{\"widgetId\":null}", "/widgetId"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        acr_create_widget_response r = ACR_CREATE_WIDGET_RESPONSE_INIT;
        acr_error err = ACR_ERROR_INIT;
        assert_int_equal(acr_create_widget_response_parse(cases[i][0], strlen(cases[i][0]), &r, &err),
                         ACR_ERR_INVALID_RESPONSE);
        assert_non_null(err.pointer);
        if (strcmp(err.pointer, cases[i][1]) != 0)
            fail_msg("%s: pointer \"%s\", expected \"%s\"", cases[i][0], err.pointer, cases[i][1]);
        acr_create_widget_response_free(&r);
        acr_error_clear(&err);
    }
}

static void test_paint_response_shared_enum_other(void **state)
{
    (void)state;
    const char *json = "{\"widgetId\":\"w-9\",\"status\":\"tacky\","
                       "\"history\":[{\"color\":\"red\",\"at\":1},{\"color\":\"purple\",\"at\":2}]}";
    acr_paint_response r = ACR_PAINT_RESPONSE_INIT;
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(acr_paint_response_parse(json, strlen(json), &r, &err), ACR_OK);
    assert_int_equal(r.status, ACR_PAINT_RESPONSE_STATUS_OTHER);
    assert_string_equal(r.status_other, "tacky");
    assert_int_equal(r.history_count, 2);
    /* The response reuses the request's colour enum, "other" included. */
    assert_int_equal(r.history[0].color, ACR_COLOR_RED);
    assert_int_equal(r.history[1].color, ACR_COLOR_OTHER);
    assert_string_equal(r.history[1].color_other, "purple");
    char *out = NULL;
    assert_int_equal(acr_paint_response_to_json(&r, &out, NULL, &err), ACR_OK);
    assert_string_equal(out, json);
    acr_free(out);
    acr_paint_response_free(&r);

    const char *known = "{\"status\":\"dry\"}";
    assert_int_equal(acr_paint_response_parse(known, strlen(known), &r, &err), ACR_OK);
    assert_int_equal(r.status, ACR_PAINT_RESPONSE_STATUS_DRY);
    assert_null(r.status_other);
    acr_paint_response_free(&r);
}

static void test_response_streamed_byte_by_byte(void **state)
{
    (void)state;
    const char *json = "{\"widgetId\":\"w-\xc3\xa9\",\"status\":\"building\",\"createdAt\":42,"
                       "\"artifacts\":[{\"file\":\"a\",\"kind\":\"photo\"}],\"ignored\":[1,2,3]}";
    acr_create_widget_response whole = ACR_CREATE_WIDGET_RESPONSE_INIT;
    acr_create_widget_response streamed = ACR_CREATE_WIDGET_RESPONSE_INIT;
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(acr_create_widget_response_parse(json, strlen(json), &whole, &err), ACR_OK);
    acr_parser *p = acr_create_widget_response_parser_new(&streamed, NULL);
    assert_non_null(p);
    for (size_t i = 0; json[i]; i++)
        assert_int_equal(acr_parser_feed(p, json + i, 1, &err), ACR_OK);
    assert_int_equal(acr_parser_finish(p, &err), ACR_OK);
    acr_parser_free(p);
    char *a = NULL;
    char *b = NULL;
    assert_int_equal(acr_create_widget_response_to_json(&whole, &a, NULL, &err), ACR_OK);
    assert_int_equal(acr_create_widget_response_to_json(&streamed, &b, NULL, &err), ACR_OK);
    assert_string_equal(a, b);
    assert_string_equal(streamed.widget_id, "w-\xc3\xa9");
    assert_int_equal(streamed.status, ACR_CREATE_WIDGET_RESPONSE_STATUS_BUILDING);
    acr_free(a);
    acr_free(b);
    acr_create_widget_response_free(&whole);
    acr_create_widget_response_free(&streamed);
}

static void test_error_response(void **state)
{
    (void)state;
    const char *json = "{\"code\":-7,\"message\":\"no such factory\",\"trace\":\"x\"}";
    acr_factory_error r = ACR_FACTORY_ERROR_INIT;
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(acr_factory_error_parse(json, strlen(json), &r, &err), ACR_OK);
    assert_true(r.has_code);
    assert_true(r.code == -7);
    assert_string_equal(r.message, "no such factory");
    acr_factory_error_free(&r);
}

/* --- modes and operations --- */

static void test_mode_helpers(void **state)
{
    (void)state;
    acr_mode mode = ACR_MODE_ANY;
    assert_true(acr_mode_parse("review", &mode));
    assert_int_equal(mode, ACR_MODE_REVIEW);
    assert_false(acr_mode_parse("Review", &mode));
    assert_false(acr_mode_parse("individual", &mode)); /* the other schema's mode */
    assert_int_equal(mode, ACR_MODE_REVIEW);
    assert_string_equal(acr_mode_name(ACR_MODE_DRAFT), "draft");
    assert_string_equal(acr_mode_name(ACR_MODE_FINAL), "final");
    assert_null(acr_mode_name(ACR_MODE_ANY));
    assert_null(acr_mode_name((acr_mode)4));
}

static void test_operation_descriptors(void **state)
{
    (void)state;
    const acr_operation_desc *create = &acr_create_widget_operation;
    assert_string_equal(create->operation_id, "createWidget");
    assert_string_equal(create->path_template, "/v2/factories/{factory}/mode/{mode}/widgets");
    assert_int_equal(create->param_count, 2);
    assert_string_equal(create->params[0], "factory");
    assert_int_equal(create->mode_param, 1);
    assert_int_equal(create->client_param, -1);
    assert_int_equal(create->exclusive_param_count, 0);
    assert_int_equal(create->timeout_ms, 30000); /* the generator's default */
    assert_ptr_equal(create->request, &acr_create_widget_request_type);
    assert_ptr_equal(create->response, &acr_create_widget_response_type);
    assert_ptr_equal(create->error, &acr_factory_error_type);

    const acr_operation_desc *paint = &acr_paint_widget_operation;
    assert_int_equal(paint->param_count, 3);
    assert_string_equal(paint->params[1], "widgetId");
    assert_int_equal(paint->mode_param, 2);
    assert_int_equal(paint->timeout_ms, 5000);
    assert_int_equal(paint->exclusive_param_count, 2);
    assert_int_equal(paint->exclusive_params[0], 0);
    assert_int_equal(paint->exclusive_params[1], 1);

    /* An operation without path parameters, and without a default response. */
    const acr_operation_desc *ping = &acr_ping_operation;
    assert_int_equal(ping->param_count, 0);
    assert_null(ping->params);
    assert_int_equal(ping->mode_param, -1);
    assert_null(ping->error);

    /* What the acr tool reads: subcommand, options, the modes a parameter allows. */
    assert_string_equal(create->cli_name, "create-widget");
    assert_string_equal(create->param_flags[0], "--factory");
    assert_string_equal(create->param_flags[1], "--mode");
    assert_int_equal(create->mode_allowed, 0); /* every mode */
    assert_string_equal(paint->param_flags[1], "--widget-id");
    assert_null(ping->param_flags);
    const acr_operation_desc *finish = &acr_finish_widget_operation;
    assert_string_equal(finish->cli_name, "finish-widget");
    assert_int_equal(finish->mode_param, 2);
    assert_int_equal(finish->mode_allowed, 1u << (ACR_MODE_FINAL - 1));

    /* Every operation, in schema order, then NULL. */
    assert_int_equal(acr_operation_count, 8);
    assert_ptr_equal(acr_operations[0], create);
    assert_ptr_equal(acr_operations[1], ping);
    assert_ptr_equal(acr_operations[2], paint);
    assert_ptr_equal(acr_operations[6], finish);
    assert_null(acr_operations[8]);
}

/* The generated calls validate before anything is sent: with an invalid body
 * they fail with the violations even though no server is listening. */
static void test_calls_validate_before_sending(void **state)
{
    (void)state;
    acr_client_options options = {0};
    options.app_id = "factory-app";
    options.customer_id = "id";
    options.customer_secret = "secret";
    options.base_url = "http://127.0.0.1:9";
    acr_client *client = NULL;
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(acr_client_new(&options, &client, &err), ACR_OK);

    acr_ping_request ping = ACR_PING_REQUEST_INIT;
    ping.echo = "0123456789012345678901234567890123456789012345678901234567890123X"; /* 65 */
    acr_ping_response pong = ACR_PING_RESPONSE_INIT;
    assert_int_equal(acr_ping(client, &ping, &pong, &err), ACR_ERR_INVALID_REQUEST);
    EXPECT_POINTERS(&err, "/echo");
    acr_ping_response_free(&pong);

    acr_paint_request paint = red_paint();
    paint.has_final_check = true;
    acr_paint_widget_params params = ACR_PAINT_WIDGET_PARAMS_INIT;
    params.factory = "f1";
    params.widget_id = "w1";
    params.mode = ACR_MODE_DRAFT;
    acr_paint_response painted = ACR_PAINT_RESPONSE_INIT;
    assert_int_equal(acr_paint_widget(client, &params, &paint, &painted, &err), ACR_ERR_INVALID_REQUEST);
    EXPECT_POINTERS(&err, "/finalCheck");
    /* Without params there is no mode: a usage error, nothing sent. */
    assert_int_equal(acr_paint_widget(client, NULL, &paint, &painted, &err), ACR_ERR_USAGE);
    acr_paint_response_free(&painted);

    acr_create_widget_request create = steel_widget();
    acr_create_widget_params create_params = ACR_CREATE_WIDGET_PARAMS_INIT;
    create_params.factory = "f1"; /* mode left at ACR_MODE_ANY: no path value */
    acr_create_widget_response created = ACR_CREATE_WIDGET_RESPONSE_INIT;
    assert_int_equal(acr_create_widget(client, &create_params, &create, &created, &err), ACR_ERR_USAGE);
    acr_create_widget_response_free(&created);

    acr_error_clear(&err);
    acr_client_free(client);
}

/* --- a stand-in server: one connection, one canned answer --- */

typedef struct stand_in {
    int listener;
    int port;
    pthread_t thread;
    /* One answer per connection, in order (each answer closes its connection). */
    const char *const *status_lines; /* "200 OK" */
    const char *const *bodies;
    size_t answer_count;
    const char *one_status_line;
    const char *one_body;
    char request[8192];      /* what arrived last: head and body */
    size_t request_length;
    size_t connections;      /* connections answered */
} stand_in;

static void stand_in_answer(stand_in *s, int fd, const char *status_line, const char *body);

static void *stand_in_run(void *arg)
{
    stand_in *s = arg;
    for (size_t i = 0; i < s->answer_count; i++) {
        int fd = accept(s->listener, NULL, NULL);
        if (fd < 0)
            return NULL;
        stand_in_answer(s, fd, s->status_lines[i], s->bodies[i]);
        s->connections++;
    }
    return NULL;
}

static void stand_in_answer(stand_in *s, int fd, const char *status_line, const char *body)
{
    size_t n = 0;
    while (n < sizeof s->request - 1) {
        ssize_t got = recv(fd, s->request + n, sizeof s->request - 1 - n, 0);
        if (got <= 0)
            break;
        n += (size_t)got;
        s->request[n] = '\0';
        const char *end = strstr(s->request, "\r\n\r\n");
        if (end) {
            size_t head = (size_t)(end + 4 - s->request);
            const char *field = strstr(s->request, "\r\nContent-Length: ");
            size_t sent = field && field < end ? (size_t)strtoul(field + 18, NULL, 10) : 0;
            if (n >= head + sent)
                break;
        }
    }
    s->request_length = n;
    char reply[4096];
    int length = snprintf(reply, sizeof reply,
                          "HTTP/1.1 %s\r\nContent-Type: application/json\r\nContent-Length: %zu\r\n"
                          "Connection: close\r\n\r\n%s",
                          status_line, strlen(body), body);
    if (length > 0 && (size_t)length < sizeof reply && send(fd, reply, (size_t)length, 0) != length)
        fprintf(stderr, "stand-in: short send\n");
    close(fd);
}

/* Answers `count` connections with status_lines[i] and bodies[i] (s is set
 * up before the thread starts, so the thread only reads it). */
static void stand_in_launch(stand_in *s, size_t count, const char *const *status_lines, const char *const *bodies)
{
    s->status_lines = status_lines;
    s->bodies = bodies;
    s->answer_count = count;
    s->listener = socket(AF_INET, SOCK_STREAM, 0);
    assert_true(s->listener >= 0);
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    assert_int_equal(bind(s->listener, (struct sockaddr *)&a, sizeof a), 0);
    assert_int_equal(listen(s->listener, 4), 0);
    socklen_t size = sizeof a;
    assert_int_equal(getsockname(s->listener, (struct sockaddr *)&a, &size), 0);
    s->port = ntohs(a.sin_port);
    assert_int_equal(pthread_create(&s->thread, NULL, stand_in_run, s), 0);
}

static void stand_in_start_answers(stand_in *s, size_t count, const char *const *status_lines,
                                   const char *const *bodies)
{
    memset(s, 0, sizeof *s);
    stand_in_launch(s, count, status_lines, bodies);
}

static void stand_in_start(stand_in *s, const char *status_line, const char *body)
{
    memset(s, 0, sizeof *s);
    s->one_status_line = status_line;
    s->one_body = body;
    stand_in_launch(s, 1, &s->one_status_line, &s->one_body);
}

static void stand_in_finish(stand_in *s)
{
    pthread_join(s->thread, NULL);
    close(s->listener);
}

static acr_client *client_with_retries(const stand_in *s, bool retries)
{
    char url[64];
    snprintf(url, sizeof url, "http://127.0.0.1:%d", s ? s->port : 9);
    acr_client_options options = {0};
    options.app_id = "factory-app";
    options.customer_id = "id";
    options.customer_secret = "secret";
    options.base_url = url;
    static const long quick[] = {1};
    options.retry.disabled = !retries;
    options.retry.backoff_ms = quick; /* 1 ms, then 1 ms ... */
    options.retry.backoff_count = 1;
    options.retry.max_attempts = 3;
    acr_client *client = NULL;
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(acr_client_new(&options, &client, &err), ACR_OK);
    acr_error_clear(&err);
    return client;
}

static acr_client *client_for(const stand_in *s)
{
    return client_with_retries(s, false);
}

/* A GET has no request argument, sends no body and no Content-Type, and its
 * 200 answer fills inline objects (named WidgetStatusLocation...) and numbers. */
static void test_get_without_body(void **state)
{
    (void)state;
    stand_in s;
    stand_in_start(&s, "200 OK",
                   "{\"serial\":\"GL-0042\",\"weightKg\":0.1,\"location\":{\"shelf\":\"B2\","
                   "\"position\":{\"x\":1e2,\"y\":-2.5}},\"history\":[{\"at\":7,\"note\":\"made\"}]}");
    acr_client *client = client_for(&s);
    acr_get_widget_params params = ACR_GET_WIDGET_PARAMS_INIT;
    params.factory = "f1";
    params.widget_id = "w 1";
    params.mode = ACR_MODE_REVIEW;
    acr_widget_status status = ACR_WIDGET_STATUS_INIT;
    acr_error err = ACR_ERROR_INIT;
    acr_status result = acr_get_widget(client, &params, &status, &err);
    stand_in_finish(&s);
    if (result != ACR_OK)
        dump_violations(&err);
    assert_int_equal(result, ACR_OK);
    const char *line = "GET /v2/factories/f1/widgets/w%201/mode/review HTTP/1.1\r\n";
    assert_true(strncmp(s.request, line, strlen(line)) == 0);
    assert_null(strstr(s.request, "Content-Type"));
    assert_null(strstr(s.request, "Content-Length"));
    assert_string_equal(s.request + s.request_length - 4, "\r\n\r\n"); /* nothing after the head */
    assert_string_equal(status.serial, "GL-0042");
    assert_true(status.has_weight_kg);
    assert_true(status.weight_kg == 0.1);
    assert_true(status.has_location);
    acr_widget_status_location *where = &status.location;
    assert_string_equal(where->shelf, "B2");
    assert_true(where->has_position);
    assert_true(where->position.x == 100.0);
    assert_true(where->position.y == -2.5);
    assert_int_equal(status.history_count, 1);
    acr_widget_status_history_item *item = &status.history[0];
    assert_int_equal(item->at, 7);
    assert_string_equal(item->note, "made");
    char *json = NULL;
    assert_int_equal(acr_widget_status_to_json(&status, &json, NULL, &err), ACR_OK);
    assert_string_equal(json, "{\"serial\":\"GL-0042\",\"weightKg\":0.1,\"location\":{\"shelf\":\"B2\","
                              "\"position\":{\"x\":100,\"y\":-2.5}},\"history\":[{\"at\":7,\"note\":\"made\"}]}");
    acr_free(json);
    acr_widget_status_free(&status);
    acr_error_clear(&err);
    acr_client_free(client);
}

/* An operation without path parameters (other than none) takes no params
 * argument at all: acr_health_check(client, response, err). */
static void test_call_without_params(void **state)
{
    (void)state;
    stand_in s;
    stand_in_start(&s, "200 OK", "{\"ok\":true,\"load\":0.75,\"samples\":[0.5,1,2e-3]}");
    acr_client *client = client_for(&s);
    acr_health_response health = ACR_HEALTH_RESPONSE_INIT;
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(acr_health_check(client, &health, &err), ACR_OK);
    stand_in_finish(&s);
    const char *line = "GET /v2/health HTTP/1.1\r\n";
    assert_true(strncmp(s.request, line, strlen(line)) == 0);
    assert_null(strstr(s.request, "Content-Type"));
    assert_true(health.has_ok && health.ok);
    assert_true(health.load == 0.75);
    assert_int_equal(health.samples_count, 3);
    assert_true(health.samples[0] == 0.5 && health.samples[1] == 1.0 && health.samples[2] == 0.002);
    char *json = NULL;
    assert_int_equal(acr_health_response_to_json(&health, &json, NULL, &err), ACR_OK);
    assert_string_equal(json, "{\"ok\":true,\"load\":0.75,\"samples\":[0.5,1,0.002]}");
    acr_free(json);
    acr_health_response_free(&health);
    acr_error_clear(&err);
    acr_client_free(client);
}

/* The async wrappers of a GET and of an operation without params, on one
 * poll-style loop: the path parameters are copied when the call starts (the
 * caller's text is overwritten before the loop runs), each done callback runs
 * once with the filled response. */
typedef struct widget_outcome {
    int calls;
    acr_status status;
} widget_outcome;

static void widget_done(void *ctx, acr_transfer *transfer, acr_status status, acr_error *err)
{
    widget_outcome *o = ctx;
    (void)transfer;
    (void)err;
    o->calls++;
    o->status = status;
}

static void test_async_get_and_no_params(void **state)
{
    (void)state;
    stand_in s;
    stand_in_start(&s, "200 OK", "{\"serial\":\"GL-0042\",\"location\":{\"shelf\":\"B2\"}}");
    acr_client *client = client_for(&s);
    acr_loop *loop = NULL;
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(acr_loop_new(client, NULL, &loop, &err), ACR_OK);
    char widget_id[] = "w 1";
    acr_get_widget_params params = ACR_GET_WIDGET_PARAMS_INIT;
    params.factory = "f1";
    params.widget_id = widget_id;
    params.mode = ACR_MODE_REVIEW;
    acr_widget_status status = ACR_WIDGET_STATUS_INIT;
    widget_outcome got = {0, ACR_OK};
    assert_int_equal(acr_get_widget_async(loop, &params, &status, widget_done, &got, NULL, &err), ACR_OK);
    memcpy(widget_id, "zzz", sizeof widget_id); /* copied: the call must not see this */
    params.factory = NULL;
    assert_int_equal(acr_loop_run(loop), ACR_OK);
    stand_in_finish(&s);
    assert_int_equal(got.calls, 1);
    assert_int_equal(got.status, ACR_OK);
    const char *line = "GET /v2/factories/f1/widgets/w%201/mode/review HTTP/1.1\r\n";
    assert_true(strncmp(s.request, line, strlen(line)) == 0);
    assert_string_equal(status.serial, "GL-0042");
    assert_true(status.has_location);
    assert_string_equal(status.location.shelf, "B2");

    stand_in_start(&s, "200 OK", "{\"ok\":true,\"load\":0.75}");
    acr_client *health_client = client_for(&s); /* the stand-in's new port */
    acr_loop *health_loop = NULL;
    assert_int_equal(acr_loop_new(health_client, NULL, &health_loop, &err), ACR_OK);
    acr_health_response health = ACR_HEALTH_RESPONSE_INIT;
    widget_outcome checked = {0, ACR_OK};
    assert_int_equal(acr_health_check_async(health_loop, &health, widget_done, &checked, NULL, &err), ACR_OK);
    assert_int_equal(acr_loop_run(health_loop), ACR_OK);
    stand_in_finish(&s);
    assert_int_equal(checked.calls, 1);
    assert_int_equal(checked.status, ACR_OK);
    assert_true(strncmp(s.request, "GET /v2/health HTTP/1.1\r\n", 25) == 0);
    assert_true(health.has_ok && health.ok && health.load == 0.75);

    assert_int_equal(acr_loop_free(health_loop), ACR_OK);
    assert_int_equal(acr_loop_free(loop), ACR_OK);
    acr_health_response_free(&health);
    acr_widget_status_free(&status);
    acr_error_clear(&err);
    acr_client_free(health_client);
    acr_client_free(client);
}

/* A POST without a request body whose only path parameter is the client's
 * (acquire's shape): acr_recall_all(client, response, err); an empty body and
 * no Content-Type are sent. */
static void test_body_less_post_with_client_param(void **state)
{
    (void)state;
    stand_in s;
    stand_in_start(&s, "200 OK", "{\"recalled\":3}");
    acr_client *client = client_for(&s);
    acr_recall_response recall = ACR_RECALL_RESPONSE_INIT;
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(acr_recall_all(client, &recall, &err), ACR_OK);
    stand_in_finish(&s);
    const char *line = "POST /v2/factories/factory-app/recall HTTP/1.1\r\n";
    assert_true(strncmp(s.request, line, strlen(line)) == 0);
    assert_non_null(strstr(s.request, "\r\nContent-Length: 0\r\n"));
    assert_null(strstr(s.request, "Content-Type"));
    assert_true(recall.has_recalled);
    assert_int_equal(recall.recalled, 3);
    assert_string_equal(acr_recall_all_operation.cli_name, "recall-all");
    acr_recall_response_free(&recall);
    acr_error_clear(&err);
    acr_client_free(client);
}

/* x-acr-retry-on decides per operation: healthCheck retries 503, polishWidget
 * 500 code 7, while createWidget (the default list) reports 500 code 7 at once. */
static void test_retry_on_per_operation(void **state)
{
    (void)state;
    static const char *const busy_then_ok[] = {"503 Service Unavailable", "200 OK"};
    static const char *const busy_then_ok_bodies[] = {"{}", "{\"ok\":true}"};
    stand_in s;
    stand_in_start_answers(&s, 2, busy_then_ok, busy_then_ok_bodies);
    acr_client *client = client_with_retries(&s, true);
    acr_health_response health = ACR_HEALTH_RESPONSE_INIT;
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(acr_health_check(client, &health, &err), ACR_OK);
    stand_in_finish(&s);
    assert_int_equal(err.attempts, 2);
    assert_int_equal(s.connections, 2);
    acr_health_response_free(&health);
    acr_client_free(client);

    static const char *const code7_then_ok[] = {"500 Internal Server Error", "200 OK"};
    static const char *const code7_then_ok_bodies[] = {"{\"code\":7}", "{\"serial\":\"PL-0001\"}"};
    stand_in_start_answers(&s, 2, code7_then_ok, code7_then_ok_bodies);
    client = client_with_retries(&s, true);
    acr_polish_request r = ACR_POLISH_REQUEST_INIT;
    r.serial = "PL-0001";
    acr_polish_widget_params params = ACR_POLISH_WIDGET_PARAMS_INIT;
    params.factory = "f1";
    params.widget_id = "w1";
    params.mode = ACR_MODE_REVIEW;
    acr_polish_response done = ACR_POLISH_RESPONSE_INIT;
    acr_status polished = acr_polish_widget(client, &params, &r, &done, &err);
    if (polished != ACR_OK)
        dump_violations(&err);
    assert_int_equal(polished, ACR_OK);
    stand_in_finish(&s);
    assert_int_equal(err.attempts, 2);
    acr_polish_response_free(&done);
    /* A NULL request for an operation that has a body is a usage error. */
    assert_int_equal(acr_polish_widget(client, &params, NULL, &done, &err), ACR_ERR_USAGE);
    acr_client_free(client);

    static const char *const code7[] = {"500 Internal Server Error"};
    static const char *const code7_body[] = {"{\"code\":7}"};
    stand_in_start_answers(&s, 1, code7, code7_body);
    client = client_with_retries(&s, true);
    acr_create_widget_request create = ACR_CREATE_WIDGET_REQUEST_INIT;
    create.name = "gizmo";
    create.serial = "ST-0001";
    create.has_material = true;
    create.material = ACR_MATERIAL_STEEL;
    acr_create_widget_params create_params = ACR_CREATE_WIDGET_PARAMS_INIT;
    create_params.factory = "f1";
    create_params.mode = ACR_MODE_DRAFT;
    acr_create_widget_response created = ACR_CREATE_WIDGET_RESPONSE_INIT;
    assert_int_equal(acr_create_widget(client, &create_params, &create, &created, &err), ACR_ERR_HTTP);
    stand_in_finish(&s);
    assert_int_equal(err.http_status, 500);
    assert_int_equal(err.attempts, 1);
    acr_create_widget_response_free(&created);
    acr_error_clear(&err);
    acr_client_free(client);
}

static acr_polish_request plain_polish(void)
{
    acr_polish_request r = ACR_POLISH_REQUEST_INIT;
    r.serial = "PL-0001";
    return r;
}

/* polishWidget's inline mode parameter allows review and final only: draft is
 * a usage error before anything is sent (nothing listens on port 9), final is
 * sent as a POST with its JSON body. */
static void test_restricted_mode(void **state)
{
    (void)state;
    acr_client *nowhere = client_for(NULL);
    acr_polish_request r = plain_polish();
    acr_polish_widget_params params = ACR_POLISH_WIDGET_PARAMS_INIT;
    params.factory = "f1";
    params.widget_id = "w1";
    params.mode = ACR_MODE_DRAFT;
    acr_polish_response done = ACR_POLISH_RESPONSE_INIT;
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(acr_polish_widget(nowhere, &params, &r, &done, &err), ACR_ERR_USAGE);
    assert_non_null(strstr(err.message, "draft"));
    assert_int_equal(err.attempts, 0);
    acr_client_free(nowhere);

    stand_in s;
    stand_in_start(&s, "200 OK", "{\"serial\":\"PL-0001\",\"gloss\":0.3,\"finishes\":[\"matte\",\"mirror\"]}");
    acr_client *client = client_for(&s);
    params.mode = ACR_MODE_FINAL;
    r.cloth = "felt"; /* required in final mode */
    r.has_gloss = true;
    r.gloss = 0.1;
    acr_status result = acr_polish_widget(client, &params, &r, &done, &err);
    stand_in_finish(&s);
    if (result != ACR_OK)
        dump_violations(&err);
    assert_int_equal(result, ACR_OK);
    const char *line = "POST /v2/factories/f1/widgets/w1/mode/final/polish HTTP/1.1\r\n";
    assert_true(strncmp(s.request, line, strlen(line)) == 0);
    assert_non_null(strstr(s.request, "Content-Type: application/json"));
    assert_non_null(strstr(s.request, "\r\n\r\n{\"gloss\":0.1,\"cloth\":\"felt\",\"serial\":\"PL-0001\"}"));
    /* A response's enum array is a string array: an unknown value is kept. */
    assert_int_equal(done.finishes_count, 2);
    assert_string_equal(done.finishes[1], "mirror");
    assert_true(done.gloss == 0.3);
    acr_polish_response_free(&done);
    acr_error_clear(&err);
    acr_client_free(client);
}

static void expect_polish(const acr_polish_request *r, acr_mode mode, const char *const *pointers, size_t count)
{
    acr_error err = ACR_ERROR_INIT;
    acr_status status = acr_polish_request_validate(r, mode, &err);
    if (count == 0 && status != ACR_OK)
        dump_violations(&err);
    assert_int_equal(status, count ? ACR_ERR_INVALID_REQUEST : ACR_OK);
    assert_pointers(&err, pointers, count);
    acr_error_clear(&err);
}

#define EXPECT_POLISH(r, mode, ...)                                                   \
    do {                                                                              \
        const char *const expected_[] = {__VA_ARGS__};                                \
        expect_polish((r), (mode), expected_, sizeof expected_ / sizeof expected_[0]); \
    } while (0)
#define EXPECT_POLISH_VALID(r, mode) expect_polish((r), (mode), NULL, 0)

static const char *polish_message(const acr_polish_request *r, acr_mode mode, const char *pointer,
                                  char *buffer, size_t size)
{
    acr_error err = ACR_ERROR_INIT;
    acr_polish_request_validate(r, mode, &err);
    snprintf(buffer, size, "%s", message_at(&err, pointer));
    acr_error_clear(&err);
    return buffer;
}

/* The number kind: bounds with the shortest text in messages, integer-valued
 * JSON numbers accepted, non-finite values refused. */
static void test_number_kind(void **state)
{
    (void)state;
    char text[256];
    acr_polish_request r = plain_polish();
    r.has_gloss = true;
    r.gloss = 1.5;
    EXPECT_POLISH_VALID(&r, ACR_MODE_ANY);
    r.gloss = 1.5000000000000002;
    EXPECT_POLISH(&r, ACR_MODE_ANY, "/gloss");
    assert_string_equal(polish_message(&r, ACR_MODE_ANY, "/gloss", text, sizeof text),
                        "must be at most 1.5 (it is 1.5000000000000002)");
    r.gloss = -0.1;
    assert_string_equal(polish_message(&r, ACR_MODE_ANY, "/gloss", text, sizeof text),
                        "must be at least 0 (it is -0.1)");
    r.gloss = NAN;
    assert_string_equal(polish_message(&r, ACR_MODE_ANY, "/gloss", text, sizeof text), "must be a finite number");
    r.gloss = INFINITY;
    EXPECT_POLISH(&r, ACR_MODE_ANY, "/gloss");

    const char *accepted[] = {"1", "1.0", "1e0", "0.1E1", "-0", "0.000001"};
    const double values[] = {1, 1, 1, 1, 0, 0.000001};
    for (size_t i = 0; i < sizeof accepted / sizeof accepted[0]; i++) {
        char json[128];
        snprintf(json, sizeof json, "{\"serial\":\"PL-0001\",\"gloss\":%s}", accepted[i]);
        acr_polish_request parsed = ACR_POLISH_REQUEST_INIT;
        acr_error err = ACR_ERROR_INIT;
        assert_int_equal(acr_polish_request_parse(json, strlen(json), &parsed, &err), ACR_OK);
        assert_true(parsed.has_gloss);
        assert_true(parsed.gloss == values[i]);
        acr_polish_request_free(&parsed);
        acr_error_clear(&err);
    }
    const char *refused[] = {"1e999", "-1e400", "\"1\"", "true"};
    for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
        char json[128];
        snprintf(json, sizeof json, "{\"serial\":\"PL-0001\",\"gloss\":%s}", refused[i]);
        acr_polish_request parsed = ACR_POLISH_REQUEST_INIT;
        acr_error err = ACR_ERROR_INIT;
        assert_int_equal(acr_polish_request_parse(json, strlen(json), &parsed, &err), ACR_ERR_INVALID_REQUEST);
        EXPECT_POINTERS(&err, "/gloss");
        acr_polish_request_free(&parsed);
        acr_error_clear(&err);
    }
}

/* Serialization writes the shortest text that reads back as the same double:
 * never yajl's %.20g (0.10000000000000000555). */
static void test_number_round_trip(void **state)
{
    (void)state;
    const double values[] = {0.1, 1.0 / 3.0, 5e-324, 1.7976931348623157e308, 123456789012345678.0, -2.5e-7,
                             0.30000000000000004, 100, 1e21, 4.35};
    const char *texts[] = {"0.1", "0.3333333333333333", "4.94065645841247e-324", "1.7976931348623157e+308",
                           "1.2345678901234568e+17", "-2.5e-07", "0.30000000000000004", "100", "1e+21", "4.35"};
    for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {
        acr_health_response h = ACR_HEALTH_RESPONSE_INIT;
        h.has_load = true;
        h.load = values[i];
        char *json = NULL;
        acr_error err = ACR_ERROR_INIT;
        assert_int_equal(acr_health_response_to_json(&h, &json, NULL, &err), ACR_OK);
        char expected[96];
        snprintf(expected, sizeof expected, "{\"load\":%s}", texts[i]);
        assert_string_equal(json, expected);
        acr_health_response back = ACR_HEALTH_RESPONSE_INIT;
        assert_int_equal(acr_health_response_parse(json, strlen(json), &back, &err), ACR_OK);
        assert_memory_equal(&back.load, &values[i], sizeof(double));
        acr_health_response_free(&back);
        acr_free(json);
        acr_error_clear(&err);
    }
}

/* Numbers are parsed and written the same whatever LC_NUMERIC says: a
 * program that set a locale with a decimal comma still sends 0.5, not 0,5. */
static void test_number_ignores_lc_numeric(void **state)
{
    (void)state;
    /* This thread only (uselocale): setlocale would leave glibc's LOCPATH
     * bookkeeping allocated, which LeakSanitizer reports. */
    locale_t comma = newlocale(LC_NUMERIC_MASK, "de_DE.UTF-8", (locale_t)0);
    if (!comma) {
        skip(); /* no locale with a decimal comma here */
        return;
    }
    locale_t previous = uselocale(comma);
    char probe[16];
    snprintf(probe, sizeof probe, "%.1f", 0.5);
    assert_string_equal(probe, "0,5"); /* the locale is really in force */
    acr_health_response h = ACR_HEALTH_RESPONSE_INIT;
    h.has_load = true;
    h.load = 0.5;
    char *json = NULL;
    acr_error err = ACR_ERROR_INIT;
    acr_status status = acr_health_response_to_json(&h, &json, NULL, &err);
    acr_health_response back = ACR_HEALTH_RESPONSE_INIT;
    acr_status parsed = acr_health_response_parse("{\"load\":2.25}", 13, &back, &err);
    uselocale(previous);
    freelocale(comma);
    assert_int_equal(status, ACR_OK);
    assert_string_equal(json, "{\"load\":0.5}");
    assert_int_equal(parsed, ACR_OK);
    assert_true(back.load == 2.25);
    acr_free(json);
    acr_health_response_free(&back);
    acr_error_clear(&err);
}

/* Arrays of enum strings: C enum items, unknown values refused in a request,
 * and the contains rule ("gloss" needs "satin") at the array's pointer. */
static void test_enum_array(void **state)
{
    (void)state;
    const char *json = "{\"serial\":\"PL-0001\",\"finishes\":[\"matte\",\"shiny\",\"satin\"]}";
    acr_polish_request parsed = ACR_POLISH_REQUEST_INIT;
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(acr_polish_request_parse(json, strlen(json), &parsed, &err), ACR_OK);
    assert_int_equal(parsed.finishes_count, 3);
    assert_int_equal(parsed.finishes[0], ACR_FINISHES_MATTE);
    assert_int_equal(parsed.finishes[2], ACR_FINISHES_SATIN);
    assert_int_equal(acr_polish_request_validate(&parsed, ACR_MODE_ANY, &err), ACR_ERR_INVALID_REQUEST);
    EXPECT_POINTERS(&err, "/finishes/1");
    assert_string_equal(err.violations[0].message, "must be one of \"matte\", \"satin\" or \"gloss\"");
    acr_polish_request_free(&parsed);

    acr_polish_request r = plain_polish();
    const acr_finishes alone[] = {ACR_FINISHES_GLOSS};
    r.finishes = alone;
    r.finishes_count = 1;
    EXPECT_POLISH(&r, ACR_MODE_ANY, "/finishes");
    assert_int_equal(acr_polish_request_validate(&r, ACR_MODE_ANY, &err), ACR_ERR_INVALID_REQUEST);
    assert_string_equal(err.violations[0].message, "must contain \"satin\" when it contains \"gloss\"");
    const acr_finishes both[] = {ACR_FINISHES_GLOSS, ACR_FINISHES_SATIN};
    r.finishes = both;
    r.finishes_count = 2;
    EXPECT_POLISH_VALID(&r, ACR_MODE_ANY);
    char *text = NULL;
    assert_int_equal(acr_polish_request_to_json(&r, &text, NULL, &err), ACR_OK);
    assert_string_equal(text, "{\"finishes\":[\"gloss\",\"satin\"],\"serial\":\"PL-0001\"}");
    acr_free(text);
    acr_error_clear(&err);
}

/* allOf composition: PolishBase's properties (serial required, label) belong
 * to PolishRequest, which unevaluatedProperties: false closes; x-acr-max-bytes
 * counts UTF-8 bytes beside maxLength's characters. */
static void test_composed_object(void **state)
{
    (void)state;
    acr_polish_request r = ACR_POLISH_REQUEST_INIT;
    EXPECT_POLISH(&r, ACR_MODE_ANY, "/serial");
    r = plain_polish();
    r.serial = "bad";
    EXPECT_POLISH(&r, ACR_MODE_ANY, "/serial"); /* the shared Serial component's pattern */
    r = plain_polish();
    r.label = "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"; /* 4 characters, 8 bytes */
    EXPECT_POLISH_VALID(&r, ACR_MODE_ANY);
    r.label = "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"; /* 5 characters, 10 bytes */
    char text[256];
    assert_string_equal(polish_message(&r, ACR_MODE_ANY, "/label", text, sizeof text),
                        "must be at most 8 bytes long in UTF-8 (it has 10)");
    r.label = "abcdefg"; /* 7 characters, 7 bytes */
    assert_string_equal(polish_message(&r, ACR_MODE_ANY, "/label", text, sizeof text),
                        "must be at most 6 characters long (it has 7)");

    const char *json = "{\"serial\":\"PL-0001\",\"label\":\"x\",\"glos\":1}";
    acr_polish_request parsed = ACR_POLISH_REQUEST_INIT;
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(acr_polish_request_parse(json, strlen(json), &parsed, &err), ACR_ERR_INVALID_REQUEST);
    EXPECT_POINTERS(&err, "/glos");
    acr_polish_request_free(&parsed);
    acr_error_clear(&err);
}

/* if/then on string values and on presence, a nested then path two levels
 * deep, dependentRequired, absent-means-default and x-acr-max-product. */
static void test_cross_field_rules(void **state)
{
    (void)state;
    char text[256];
    acr_polish_request r = plain_polish();
    r.method = ACR_METHOD_MACHINE;
    EXPECT_POLISH(&r, ACR_MODE_ANY, "/speed");
    assert_string_equal(polish_message(&r, ACR_MODE_ANY, "/speed", text, sizeof text),
                        "is required when method is \"machine\"");
    r.has_speed = true;
    r.speed = 7;
    EXPECT_POLISH_VALID(&r, ACR_MODE_ANY);
    /* machine: wax.spec needs a temperature (wax only with grade 3). */
    r.has_grade = true;
    r.grade = 3;
    r.has_wax = true;
    r.wax.has_spec = true;
    EXPECT_POLISH(&r, ACR_MODE_ANY, "/wax/spec/temperature");
    r.wax.spec.has_temperature = true;
    r.wax.spec.temperature = 40;
    EXPECT_POLISH_VALID(&r, ACR_MODE_ANY);
    /* An absent grade counts as its default 2, which is "not 3": no wax. */
    r.has_grade = false;
    EXPECT_POLISH(&r, ACR_MODE_ANY, "/wax");
    r.has_grade = true;
    r.grade = 2;
    EXPECT_POLISH(&r, ACR_MODE_ANY, "/wax");
    r.has_wax = false;
    /* hand: speed 1 to 3 only. */
    r.method = ACR_METHOD_HAND;
    EXPECT_POLISH(&r, ACR_MODE_ANY, "/speed");
    assert_string_equal(polish_message(&r, ACR_MODE_ANY, "/speed", text, sizeof text),
                        "must be 1 to 3 when method is \"hand\" (it is 7)");
    r.speed = 2;
    EXPECT_POLISH_VALID(&r, ACR_MODE_ANY);
    /* A note present: the method must be hand (a string enum effect). */
    r.note = "shine";
    EXPECT_POLISH_VALID(&r, ACR_MODE_ANY);
    r.method = ACR_METHOD_MACHINE;
    r.speed = 5;
    EXPECT_POLISH(&r, ACR_MODE_ANY, "/method");
    r.note = NULL;
    /* dependentRequired: height needs width. */
    r.has_height = true;
    r.height = 10;
    EXPECT_POLISH(&r, ACR_MODE_ANY, "/width");
    r.has_width = true;
    r.width = 500;
    EXPECT_POLISH_VALID(&r, ACR_MODE_ANY); /* 5000: at the bound */
    r.width = 501;
    EXPECT_POLISH(&r, ACR_MODE_ANY, "");
    assert_string_equal(polish_message(&r, ACR_MODE_ANY, "", text, sizeof text),
                        "width x height must be at most 5000");
    r.has_height = false; /* height has no default: the product rule is skipped */
    r.width = 100000;
    EXPECT_POLISH_VALID(&r, ACR_MODE_ANY);
}

/* An if on a nested property: it holds only when every object on the way is
 * present and the leaf passes the test (wax.spec.temperature 80 or 90 needs a
 * machine; wax.brand not "acme" needs a note; wax.spec present: height needs
 * speed); dependentRequired inside a nested then (grade 3: wax.brand needs
 * wax.spec), reported at the missing property. */
static void test_nested_conditions_and_dependencies(void **state)
{
    (void)state;
    char text[256];
    acr_polish_request r = plain_polish();
    r.has_grade = true;
    r.grade = 3; /* wax is allowed */
    r.has_wax = true;
    EXPECT_POLISH_VALID(&r, ACR_MODE_ANY);
    /* The leaf under an absent object is never tested, whatever the struct holds. */
    r.wax.spec.has_temperature = true;
    r.wax.spec.temperature = 90;
    EXPECT_POLISH_VALID(&r, ACR_MODE_ANY);
    r.has_wax = false;
    EXPECT_POLISH_VALID(&r, ACR_MODE_ANY);
    /* Every object present, the leaf absent: the condition does not hold. */
    r.has_wax = true;
    r.wax.has_spec = true;
    r.wax.spec.has_temperature = false;
    EXPECT_POLISH_VALID(&r, ACR_MODE_ANY);
    /* The leaf passes the test: the then applies at the rule's own object. */
    r.wax.spec.has_temperature = true;
    r.wax.spec.temperature = 80;
    EXPECT_POLISH(&r, ACR_MODE_ANY, "/method");
    assert_string_equal(polish_message(&r, ACR_MODE_ANY, "/method", text, sizeof text),
                        "is required when wax.spec.temperature is 80 or 90");
    r.method = ACR_METHOD_HAND;
    r.has_speed = true;
    r.speed = 2;
    EXPECT_POLISH(&r, ACR_MODE_ANY, "/method");
    assert_string_equal(polish_message(&r, ACR_MODE_ANY, "/method", text, sizeof text),
                        "must be \"machine\" when wax.spec.temperature is 80 or 90");
    r.method = ACR_METHOD_MACHINE;
    EXPECT_POLISH_VALID(&r, ACR_MODE_ANY);
    r.wax.spec.temperature = 40; /* the leaf fails the test */
    r.method = ACR_METHOD_HAND;
    EXPECT_POLISH_VALID(&r, ACR_MODE_ANY);
    r.method = ACR_METHOD_UNSET;
    r.has_speed = false;

    /* A negated test one level down: an absent brand is not "not acme". */
    r.wax.brand = "acme";
    EXPECT_POLISH_VALID(&r, ACR_MODE_ANY);
    r.wax.brand = "shiny";
    EXPECT_POLISH(&r, ACR_MODE_ANY, "/note");
    assert_string_equal(polish_message(&r, ACR_MODE_ANY, "/note", text, sizeof text),
                        "is required when wax.brand is not \"acme\"");
    r.note = "x";
    EXPECT_POLISH_VALID(&r, ACR_MODE_ANY);
    r.note = NULL;

    /* dependentRequired in a nested then: grade 3, wax.brand without wax.spec. */
    r.wax.brand = "acme";
    r.wax.has_spec = false;
    EXPECT_POLISH(&r, ACR_MODE_ANY, "/wax/spec");
    assert_string_equal(polish_message(&r, ACR_MODE_ANY, "/wax/spec", text, sizeof text),
                        "is required when brand is set and grade is 3");
    r.wax.brand = NULL; /* nothing to depend on */
    EXPECT_POLISH_VALID(&r, ACR_MODE_ANY);
    r.wax.brand = "acme";
    r.has_wax = false; /* the object on the way is absent */
    EXPECT_POLISH_VALID(&r, ACR_MODE_ANY);
    r.has_wax = true;
    r.has_grade = false; /* grade 2 by default: only the wax itself is refused */
    EXPECT_POLISH(&r, ACR_MODE_ANY, "/wax");
    r.has_grade = true;
    r.wax.has_spec = true;
    EXPECT_POLISH_VALID(&r, ACR_MODE_ANY);

    /* A nested presence test with dependentRequired at the top of the then. */
    r.has_height = true;
    r.height = 10;
    r.has_width = true;
    r.width = 100;
    EXPECT_POLISH(&r, ACR_MODE_ANY, "/speed");
    assert_string_equal(polish_message(&r, ACR_MODE_ANY, "/speed", text, sizeof text),
                        "is required when height is set and wax.spec is set");
    r.has_speed = true;
    r.speed = 9;
    EXPECT_POLISH_VALID(&r, ACR_MODE_ANY);
    r.has_speed = false;
    r.wax.has_spec = false;
    r.wax.brand = NULL;
    EXPECT_POLISH_VALID(&r, ACR_MODE_ANY);

    /* From JSON, every rule at once: a null wax is absent (no rule on it fires). */
    const char *json = "{\"serial\":\"PL-0001\",\"grade\":3,\"height\":10,\"width\":100,\"method\":\"hand\","
                       "\"speed\":2,\"wax\":{\"brand\":\"shiny\",\"spec\":{\"temperature\":90}}}";
    acr_polish_request parsed = ACR_POLISH_REQUEST_INIT;
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(acr_polish_request_parse(json, strlen(json), &parsed, &err), ACR_OK);
    assert_int_equal(acr_polish_request_validate(&parsed, ACR_MODE_ANY, &err), ACR_ERR_INVALID_REQUEST);
    EXPECT_POINTERS(&err, "/method", "/note");
    acr_polish_request_free(&parsed);
    json = "{\"serial\":\"PL-0001\",\"grade\":3,\"height\":10,\"width\":100,\"method\":\"hand\","
           "\"speed\":2,\"wax\":null}";
    assert_int_equal(acr_polish_request_parse(json, strlen(json), &parsed, &err), ACR_OK);
    assert_int_equal(acr_polish_request_validate(&parsed, ACR_MODE_ANY, &err), ACR_OK);
    acr_polish_request_free(&parsed);
    acr_error_clear(&err);
}

/* x-acr-required-in-modes and x-acr-if-modes/x-acr-then: skipped when the mode
 * is unknown. */
static void test_mode_dependent_rules(void **state)
{
    (void)state;
    acr_polish_request r = plain_polish();
    EXPECT_POLISH_VALID(&r, ACR_MODE_ANY);
    EXPECT_POLISH_VALID(&r, ACR_MODE_REVIEW);
    EXPECT_POLISH(&r, ACR_MODE_FINAL, "/cloth");
    r.cloth = "felt";
    EXPECT_POLISH_VALID(&r, ACR_MODE_FINAL);
    r.note = "polish"; /* 6 characters: too long in review only */
    EXPECT_POLISH(&r, ACR_MODE_REVIEW, "/note");
    EXPECT_POLISH_VALID(&r, ACR_MODE_FINAL);
    EXPECT_POLISH_VALID(&r, ACR_MODE_ANY);
}

/* Issue 9 item 22: a non-ASCII property name is matched and written with its
 * length in bytes; item 24: members named class and linux compile (class_,
 * linux_). */
static void test_non_ascii_and_reserved_names(void **state)
{
    (void)state;
    const char *json = "{\"serial\":\"PL-0001\",\"gr\xc3\xb6\xc3\x9f" "e\":5,\"class\":\"a\",\"linux\":true}";
    acr_polish_request parsed = ACR_POLISH_REQUEST_INIT;
    acr_error err = ACR_ERROR_INIT;
    assert_int_equal(acr_polish_request_parse(json, strlen(json), &parsed, &err), ACR_OK);
    assert_true(parsed.has_gr_e);
    assert_int_equal(parsed.gr_e, 5);
    assert_string_equal(parsed.class_, "a");
    assert_true(parsed.has_linux_ && parsed.linux_);
    char *text = NULL;
    assert_int_equal(acr_polish_request_to_json(&parsed, &text, NULL, &err), ACR_OK);
    assert_string_equal(text, "{\"gr\xc3\xb6\xc3\x9f" "e\":5,\"class\":\"a\",\"linux\":true,\"serial\":\"PL-0001\"}");
    acr_free(text);
    acr_polish_request_free(&parsed);
    acr_error_clear(&err);
}

/* Every operation has its async wrapper, with the blocking one's arguments
 * minus the client, plus loop, done, ctx and transfer: no params argument
 * without path parameters for the caller (health_check, recall_all), no request
 * without a body (get_widget). Each is assigned to a pointer of the exact
 * expected type, so a wrong shape fails the build (-Werror). */
typedef acr_status (*create_widget_async_fn)(acr_loop *, const acr_create_widget_params *,
                                             const acr_create_widget_request *, acr_create_widget_response *,
                                             acr_done_fn, void *, acr_transfer **, acr_error *);
typedef acr_status (*ping_async_fn)(acr_loop *, const acr_ping_request *, acr_ping_response *, acr_done_fn,
                                    void *, acr_transfer **, acr_error *);
typedef acr_status (*paint_widget_async_fn)(acr_loop *, const acr_paint_widget_params *, const acr_paint_request *,
                                            acr_paint_response *, acr_done_fn, void *, acr_transfer **, acr_error *);
typedef acr_status (*get_widget_async_fn)(acr_loop *, const acr_get_widget_params *, acr_widget_status *,
                                          acr_done_fn, void *, acr_transfer **, acr_error *);
typedef acr_status (*health_check_async_fn)(acr_loop *, acr_health_response *, acr_done_fn, void *, acr_transfer **,
                                            acr_error *);
typedef acr_status (*recall_all_async_fn)(acr_loop *, acr_recall_response *, acr_done_fn, void *, acr_transfer **,
                                          acr_error *);
typedef acr_status (*finish_widget_async_fn)(acr_loop *, const acr_finish_widget_params *, const acr_ping_request *,
                                             acr_ping_response *, acr_done_fn, void *, acr_transfer **, acr_error *);
typedef acr_status (*polish_widget_async_fn)(acr_loop *, const acr_polish_widget_params *, const acr_polish_request *,
                                             acr_polish_response *, acr_done_fn, void *, acr_transfer **, acr_error *);

static void test_async_wrapper_shapes(void **state)
{
    (void)state;
    create_widget_async_fn create = acr_create_widget_async;
    ping_async_fn ping = acr_ping_async;
    paint_widget_async_fn paint = acr_paint_widget_async;
    get_widget_async_fn get = acr_get_widget_async;
    health_check_async_fn health = acr_health_check_async;
    recall_all_async_fn recall = acr_recall_all_async;
    finish_widget_async_fn finish = acr_finish_widget_async;
    polish_widget_async_fn polish = acr_polish_widget_async;
    void (*const all[])(void) = {(void (*)(void))create, (void (*)(void))ping, (void (*)(void))paint,
                                 (void (*)(void))get, (void (*)(void))health, (void (*)(void))recall,
                                 (void (*)(void))finish, (void (*)(void))polish};
    /* One wrapper per operation of the table. */
    assert_int_equal(sizeof all / sizeof all[0], acr_operation_count);
}

/* The operation table the command line is driven by. */
static void test_operation_table(void **state)
{
    (void)state;
    assert_int_equal(ACR_OPERATION_COUNT, 8);
    size_t n = 0;
    while (acr_operations[n])
        n++;
    assert_int_equal(n, ACR_OPERATION_COUNT);
    assert_ptr_equal(acr_operations[3], &acr_get_widget_operation);
    assert_ptr_equal(acr_operations[5], &acr_recall_all_operation);
    const acr_operation_desc *get = &acr_get_widget_operation;
    assert_string_equal(get->operation_id, "get-widget");
    assert_string_equal(get->cli_name, "get-widget");
    assert_string_equal(get->method, "GET");
    assert_null(get->request);
    assert_int_equal(get->mode_allowed, 0);
    const acr_operation_desc *health = &acr_health_check_operation;
    assert_string_equal(health->cli_name, "health-check");
    assert_int_equal(health->param_count, 0);
    assert_int_equal(health->retry_count, 2);
    assert_int_equal(health->retry_statuses[1], 503);
    assert_int_equal(health->retry_codes[1], -1);
    const acr_operation_desc *polish = &acr_polish_widget_operation;
    assert_string_equal(polish->cli_name, "polish-widget");
    assert_string_equal(polish->method, "POST");
    assert_int_equal(polish->mode_allowed, (1u << 1) | (1u << 2)); /* review, final */
    assert_int_equal(polish->retry_count, 2);
    assert_int_equal(polish->retry_statuses[0], 500);
    assert_int_equal(polish->retry_codes[0], 7);
    /* Without x-acr-retry-on: the default list, 206/65, 504/62, 429. */
    const acr_operation_desc *create = &acr_create_widget_operation;
    assert_int_equal(create->retry_count, 3);
    assert_int_equal(create->retry_statuses[0], 206);
    assert_int_equal(create->retry_codes[0], 65);
    assert_int_equal(create->retry_statuses[2], 429);
    assert_int_equal(create->retry_codes[2], -1);
    assert_string_equal(create->cli_name, "create-widget");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_constants),
        cmocka_unit_test(test_minimal_is_valid_in_every_mode),
        cmocka_unit_test(test_required_properties),
        cmocka_unit_test(test_name_length),
        cmocka_unit_test(test_serial_pattern_with_expected_text),
        cmocka_unit_test(test_material_integer_enum),
        cmocka_unit_test(test_grade_bounds),
        cmocka_unit_test(test_negative_minimum),
        cmocka_unit_test(test_uint64_full_range),
        cmocka_unit_test(test_request_string_enum),
        cmocka_unit_test(test_nullable_string),
        cmocka_unit_test(test_mutual_exclusion),
        cmocka_unit_test(test_integer_array),
        cmocka_unit_test(test_array_of_objects),
        cmocka_unit_test(test_string_array_and_prefix_length),
        cmocka_unit_test(test_conditional_const_nested_object),
        cmocka_unit_test(test_conditional_enum_condition),
        cmocka_unit_test(test_conditional_not_enum_condition),
        cmocka_unit_test(test_conditional_required),
        cmocka_unit_test(test_mode_rules),
        cmocka_unit_test(test_every_violation_in_one_pass),
        cmocka_unit_test(test_strict_parse),
        cmocka_unit_test(test_create_round_trip),
        cmocka_unit_test(test_serialize_caller_built_request),
        cmocka_unit_test(test_paint_rules),
        cmocka_unit_test(test_paint_string_or_array),
        cmocka_unit_test(test_paint_layers),
        cmocka_unit_test(test_paint_three_way_exclusion),
        cmocka_unit_test(test_paint_mode_rule_on_a_scalar),
        cmocka_unit_test(test_paint_round_trip),
        cmocka_unit_test(test_create_response_round_trip_and_other),
        cmocka_unit_test(test_create_response_string_alternative),
        cmocka_unit_test(test_create_response_type_errors),
        cmocka_unit_test(test_paint_response_shared_enum_other),
        cmocka_unit_test(test_response_streamed_byte_by_byte),
        cmocka_unit_test(test_error_response),
        cmocka_unit_test(test_mode_helpers),
        cmocka_unit_test(test_operation_descriptors),
        cmocka_unit_test(test_calls_validate_before_sending),
        cmocka_unit_test(test_get_without_body),
        cmocka_unit_test(test_call_without_params),
        cmocka_unit_test(test_restricted_mode),
        cmocka_unit_test(test_body_less_post_with_client_param),
        cmocka_unit_test(test_retry_on_per_operation),
        cmocka_unit_test(test_number_kind),
        cmocka_unit_test(test_number_round_trip),
        cmocka_unit_test(test_number_ignores_lc_numeric),
        cmocka_unit_test(test_enum_array),
        cmocka_unit_test(test_composed_object),
        cmocka_unit_test(test_cross_field_rules),
        cmocka_unit_test(test_nested_conditions_and_dependencies),
        cmocka_unit_test(test_mode_dependent_rules),
        cmocka_unit_test(test_non_ascii_and_reserved_names),
        cmocka_unit_test(test_operation_table),
        cmocka_unit_test(test_async_wrapper_shapes),
        cmocka_unit_test(test_async_get_and_no_params),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
