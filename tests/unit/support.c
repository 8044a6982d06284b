/* Helpers shared by the cmocka unit tests. */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yajl/yajl_gen.h>

char *support_read_file(const char *relative_path, size_t *length)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", ACR_SOURCE_DIR, relative_path);
    FILE *f = fopen(path, "rb");
    if (!f)
        fail_msg("cannot open %s", path);
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *data = malloc((size_t)size + 1);
    assert_non_null(data);
    size_t got = fread(data, 1, (size_t)size, f);
    fclose(f);
    assert_int_equal(got, (size_t)size);
    data[size] = '\0';
    if (length)
        *length = (size_t)size;
    return data;
}

yajl_val support_tree(const char *json)
{
    char error[512];
    yajl_val v = yajl_tree_parse(json, error, sizeof error);
    if (!v)
        fail_msg("yajl_tree_parse failed: %s\non: %s", error, json);
    return v;
}

bool support_json_equal(yajl_val a, yajl_val b)
{
    if (!a || !b)
        return a == b;
    if (a->type != b->type)
        return false;
    switch (a->type) {
    case yajl_t_string:
        return strcmp(a->u.string, b->u.string) == 0;
    case yajl_t_number:
        return strcmp(a->u.number.r, b->u.number.r) == 0;
    case yajl_t_true:
    case yajl_t_false:
    case yajl_t_null:
        return true;
    case yajl_t_array:
        if (a->u.array.len != b->u.array.len)
            return false;
        for (size_t i = 0; i < a->u.array.len; i++)
            if (!support_json_equal(a->u.array.values[i], b->u.array.values[i]))
                return false;
        return true;
    case yajl_t_object:
        if (a->u.object.len != b->u.object.len)
            return false;
        for (size_t i = 0; i < a->u.object.len; i++) {
            const char *key = a->u.object.keys[i];
            bool found = false;
            for (size_t j = 0; j < b->u.object.len && !found; j++) {
                if (strcmp(key, b->u.object.keys[j]) == 0) {
                    if (!support_json_equal(a->u.object.values[i], b->u.object.values[j]))
                        return false;
                    found = true;
                }
            }
            if (!found)
                return false;
        }
        return true;
    default:
        return false;
    }
}

void support_assert_same_json(const char *expected, const char *actual)
{
    yajl_val e = support_tree(expected);
    yajl_val a = support_tree(actual);
    bool same = support_json_equal(e, a);
    yajl_tree_free(e);
    yajl_tree_free(a);
    if (!same)
        fail_msg("JSON differs\nexpected: %s\nactual:   %s", expected, actual);
}

size_t support_count_violations(const acr_error *err, const char *pointer)
{
    size_t n = 0;
    for (size_t i = 0; i < err->violation_count; i++)
        if (strcmp(err->violations[i].pointer, pointer) == 0)
            n++;
    return n;
}

bool support_has_violation(const acr_error *err, const char *pointer)
{
    return support_count_violations(err, pointer) > 0;
}

void support_dump_violations(const acr_error *err)
{
    fprintf(stderr, "status %s: %s\n", acr_status_name(err->status), err->message);
    for (size_t i = 0; i < err->violation_count; i++)
        fprintf(stderr, "  %s: %s\n", err->violations[i].pointer, err->violations[i].message);
}

const acr_violation *support_find_violation(const acr_error *err, const char *pointer)
{
    for (size_t i = 0; i < err->violation_count; i++)
        if (strcmp(err->violations[i].pointer, pointer) == 0)
            return &err->violations[i];
    return NULL;
}

void support_assert_violations(const acr_error *err, const char *const *pointers, size_t count)
{
    bool same = err->violation_count == count;
    for (size_t i = 0; same && i < count; i++)
        same = strcmp(err->violations[i].pointer, pointers[i]) == 0;
    if (!same) {
        fprintf(stderr, "expected %zu violation(s):\n", count);
        for (size_t i = 0; i < count; i++)
            fprintf(stderr, "  %s\n", pointers[i]);
        fprintf(stderr, "got:\n");
        support_dump_violations(err);
        fail_msg("the violations differ from the expected list");
    }
}

static void gen_check(yajl_gen_status status)
{
    if (status != yajl_gen_status_ok)
        fail_msg("yajl_gen failed with status %d", (int)status);
}

static void gen_tree(yajl_gen g, yajl_val v)
{
    switch (v->type) {
    case yajl_t_string:
        gen_check(yajl_gen_string(g, (const unsigned char *)v->u.string, strlen(v->u.string)));
        break;
    case yajl_t_number:
        gen_check(yajl_gen_number(g, v->u.number.r, strlen(v->u.number.r)));
        break;
    case yajl_t_true:
        gen_check(yajl_gen_bool(g, 1));
        break;
    case yajl_t_false:
        gen_check(yajl_gen_bool(g, 0));
        break;
    case yajl_t_null:
        gen_check(yajl_gen_null(g));
        break;
    case yajl_t_array:
        gen_check(yajl_gen_array_open(g));
        for (size_t i = 0; i < v->u.array.len; i++)
            gen_tree(g, v->u.array.values[i]);
        gen_check(yajl_gen_array_close(g));
        break;
    case yajl_t_object:
        gen_check(yajl_gen_map_open(g));
        for (size_t i = 0; i < v->u.object.len; i++) {
            const char *key = v->u.object.keys[i];
            gen_check(yajl_gen_string(g, (const unsigned char *)key, strlen(key)));
            gen_tree(g, v->u.object.values[i]);
        }
        gen_check(yajl_gen_map_close(g));
        break;
    default:
        fail_msg("unexpected yajl_tree value type %d", (int)v->type);
    }
}

char *support_tree_to_json(yajl_val v)
{
    assert_non_null(v);
    yajl_gen g = yajl_gen_alloc(NULL);
    assert_non_null(g);
    gen_tree(g, v);
    const unsigned char *buf = NULL;
    size_t len = 0;
    gen_check(yajl_gen_get_buf(g, &buf, &len));
    char *copy = support_strndup((const char *)buf, len);
    yajl_gen_free(g);
    return copy;
}

char *support_strndup(const char *s, size_t count)
{
    char *copy = malloc(count + 1);
    assert_non_null(copy);
    memcpy(copy, s, count);
    copy[count] = '\0';
    return copy;
}

yajl_val support_member(yajl_val object, const char *key)
{
    const char *path[] = {key, NULL};
    yajl_val v = yajl_tree_get(object, path, yajl_t_any);
    if (!v)
        fail_msg("no \"%s\" in the answer", key);
    return v;
}

long long support_int_member(yajl_val object, const char *key)
{
    yajl_val v = support_member(object, key);
    if (!YAJL_IS_INTEGER(v))
        fail_msg("\"%s\" is not an integer", key);
    return YAJL_GET_INTEGER(v);
}

const char *support_string_member(yajl_val object, const char *key)
{
    yajl_val v = support_member(object, key);
    if (!YAJL_IS_STRING(v))
        fail_msg("\"%s\" is not a string", key);
    return YAJL_GET_STRING(v);
}

yajl_val support_array_member(yajl_val object, const char *key)
{
    yajl_val v = support_member(object, key);
    if (!YAJL_IS_ARRAY(v))
        fail_msg("\"%s\" is not an array", key);
    return v;
}
