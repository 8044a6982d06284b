/* acr runtime: RFC 6901 JSON pointers built while walking a document. */
#include <string.h>

#include "acr/alloc.h"
#include "internal.h"

static bool reserve(acr_path *path, size_t extra)
{
    if (path->failed)
        return false;
    size_t need = path->length + extra + 1;
    if (need <= path->capacity)
        return true;
    size_t capacity = path->capacity ? path->capacity : 64;
    while (capacity < need)
        capacity *= 2;
    char *grown = acr_realloc(path->text, capacity);
    if (!grown) {
        path->failed = true;
        return false;
    }
    path->text = grown;
    path->capacity = capacity;
    return true;
}

size_t acr_path_push_key(acr_path *path, const char *key, size_t length)
{
    size_t before = path->length;
    /* Worst case every byte is escaped into two. */
    if (!reserve(path, 1 + 2 * length))
        return before;
    char *out = path->text + path->length;
    *out++ = '/';
    if (!memchr(key, '~', length) && !memchr(key, '/', length)) {
        /* Nothing to escape, the usual case: one copy. */
        memcpy(out, key, length);
        out[length] = '\0';
        path->length = (size_t)(out + length - path->text);
        return before;
    }
    for (size_t i = 0; i < length; i++) {
        if (key[i] == '~') {
            *out++ = '~';
            *out++ = '0';
        } else if (key[i] == '/') {
            *out++ = '~';
            *out++ = '1';
        } else {
            *out++ = key[i];
        }
    }
    *out = '\0';
    path->length = (size_t)(out - path->text);
    return before;
}

void acr_path_append(acr_path *path, const char *text, size_t length)
{
    if (!reserve(path, length))
        return;
    memcpy(path->text + path->length, text, length);
    path->length += length;
    path->text[path->length] = '\0';
}

size_t acr_path_push_index(acr_path *path, size_t index)
{
    /* By hand: snprintf costs more than the rest of a parsed array item. */
    char digits[24];
    size_t n = sizeof digits;
    do {
        digits[--n] = (char)('0' + index % 10);
        index /= 10;
    } while (index);
    return acr_path_push_key(path, digits + n, sizeof digits - n);
}

void acr_path_truncate(acr_path *path, size_t length)
{
    if (path->text && length <= path->length) {
        path->length = length;
        path->text[length] = '\0';
    }
}

const char *acr_path_text(const acr_path *path)
{
    if (path->failed)
        return "(pointer unavailable: out of memory)";
    return path->text ? path->text : "";
}

size_t acr_path_length(const acr_path *path)
{
    return path->failed || !path->text ? strlen(acr_path_text(path)) : path->length;
}

void acr_path_free(acr_path *path)
{
    acr_free(path->text);
    memset(path, 0, sizeof *path);
}

void acr_steps_init(acr_steps *steps)
{
    memset(steps, 0, sizeof *steps);
    steps->items = steps->inline_items;
    steps->capacity = ACR_INLINE_STEPS;
}

size_t acr_steps_push(acr_steps *steps, const char *name, size_t length_or_index)
{
    if (steps->depth == steps->capacity) {
        size_t capacity = steps->capacity * 2;
        bool inline_now = steps->items == steps->inline_items;
        acr_step *grown = inline_now ? acr_malloc(capacity * sizeof *grown)
                                     : acr_realloc(steps->items, capacity * sizeof *grown);
        if (!grown) {
            steps->failed = true;
            return steps->depth;
        }
        if (inline_now)
            memcpy(grown, steps->inline_items, sizeof steps->inline_items);
        steps->items = grown;
        steps->capacity = capacity;
    }
    steps->items[steps->depth].name = name;
    steps->items[steps->depth].length_or_index = length_or_index;
    return steps->depth++;
}

void acr_steps_pop(acr_steps *steps, size_t mark)
{
    if (mark < steps->depth)
        steps->depth = mark;
}

void acr_steps_render(const acr_steps *steps, acr_path *path)
{
    for (size_t i = 0; i < steps->depth; i++) {
        const acr_step *step = &steps->items[i];
        if (step->name)
            acr_path_push_key(path, step->name, step->length_or_index);
        else
            acr_path_push_index(path, step->length_or_index);
    }
}

void acr_steps_free(acr_steps *steps)
{
    if (steps->items != steps->inline_items)
        acr_free(steps->items);
    steps->items = steps->inline_items;
    steps->depth = 0;
    steps->capacity = ACR_INLINE_STEPS;
}
