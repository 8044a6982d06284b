/* acr runtime: releasing what a parse allocated inside a struct. */
#include <string.h>

#include "acr/alloc.h"
#include "acr/engine.h"
#include "internal.h"

static void free_object(const acr_object_desc *desc, void *base);

static void free_items(const acr_value_desc *array, void *items, size_t count)
{
    if (!items)
        return;
    for (size_t i = 0; i < count; i++) {
        void *slot = (char *)items + i * array->item_size;
        if (array->items->kind == ACR_KIND_STRING)
            acr_free(*(char **)slot);
        else if (array->items->kind == ACR_KIND_OBJECT)
            free_object(array->items->object, slot);
    }
    acr_free(items);
}

static void free_object(const acr_object_desc *desc, void *base)
{
    for (size_t i = 0; i < desc->field_count; i++) {
        const acr_field_desc *f = &desc->fields[i];
        switch (f->value->kind) {
        case ACR_KIND_STRING:
            acr_free(*ACR_AT(base, f->offset, char *));
            break;
        case ACR_KIND_ENUM:
            acr_free(*ACR_AT(base, f->presence, char *));
            break;
        case ACR_KIND_OBJECT:
            free_object(f->value->object, ACR_AT(base, f->offset, char));
            break;
        case ACR_KIND_ARRAY:
            free_items(f->value, *ACR_AT(base, f->offset, void *), *ACR_AT(base, f->presence, size_t));
            break;
        case ACR_KIND_STRING_OR_ARRAY:
            acr_free(*ACR_AT(base, f->offset, char *));
            free_items(f->value, *ACR_AT(base, f->presence, void *), *ACR_AT(base, f->count_offset, size_t));
            break;
        case ACR_KIND_BOOL:
        case ACR_KIND_INT:
        case ACR_KIND_UINT64:
        case ACR_KIND_NUMBER:
            break;
        }
    }
    memset(base, 0, desc->size);
}

void acr_free_value(const acr_type_desc *type, void *value)
{
    if (type && value)
        free_object(type->object, value);
}
