/* acr runtime: validation of a struct against its descriptor tables. Every
 * violation is reported with the JSON pointer docs/DESIGN.md defines: the value
 * itself, the missing property itself, or the object for a rule about several
 * of its properties. */
#include <inttypes.h>
#include <math.h>
#include <string.h>

#include "acr/alloc.h"
#include "acr/engine.h"
#include "internal.h"

/* One level of the JSON pointer of the value being checked: a member's name,
 * or an array index when name is NULL. The pointer's text is rendered only
 * for a violation: most values break no rule. */
typedef struct validator {
    acr_error *err;
    const char *prefix;     /* the pointer the steps start from (acr_validate_member) */
    size_t prefix_length;
    acr_steps steps;
    const acr_type_desc *type;
    unsigned mode;
    size_t parsed;  /* violations a parse reported before: later ones under them are dropped */
    bool oom;
} validator;

/* acr_steps_push and _pop inline for a step that fits (one per member and
 * item written: a call each cost more than the step). */
static inline size_t push_step(validator *v, const char *name, size_t length_or_index)
{
    acr_steps *steps = &v->steps;
    if (steps->depth == steps->capacity)
        return acr_steps_push(steps, name, length_or_index);
    steps->items[steps->depth].name = name;
    steps->items[steps->depth].length_or_index = length_or_index;
    return steps->depth++;
}

static inline void pop_step(validator *v, size_t mark)
{
    if (mark < v->steps.depth)
        v->steps.depth = mark;
}

#if defined(__GNUC__)
#define VALIDATE_COLD __attribute__((noinline, cold))
#define VALIDATE_INLINE inline __attribute__((always_inline))
#else
#define VALIDATE_COLD
#define VALIDATE_INLINE inline
#endif

static void report(validator *v, const char *fmt, ...) ACR_PRINTF(2, 3);
static void report(validator *v, const char *fmt, ...)
{
    if (v->oom || v->steps.failed)
        return;
    acr_path path = {NULL, 0, 0, false};
    if (v->prefix_length)
        acr_path_append(&path, v->prefix, v->prefix_length);
    acr_steps_render(&v->steps, &path);
    va_list args;
    va_start(args, fmt);
    if (path.failed ||
        !acr_error_add_violation_v(v->err, acr_path_text(&path), acr_path_length(&path), v->parsed, fmt, args))
        v->oom = true;
    va_end(args);
    acr_path_free(&path);
}

bool acr_field_present(const acr_field_desc *field, const void *base)
{
    switch (field->value->kind) {
    case ACR_KIND_STRING:
        return *ACR_CAT(base, field->offset, const char *) != NULL;
    case ACR_KIND_OBJECT:
        if (field->presence == ACR_ALWAYS_PRESENT)
            return true;
        return *ACR_CAT(base, field->presence, bool);
    case ACR_KIND_BOOL:
    case ACR_KIND_INT:
    case ACR_KIND_UINT64:
    case ACR_KIND_NUMBER:
        return *ACR_CAT(base, field->presence, bool);
    case ACR_KIND_ENUM:
        return *ACR_CAT(base, field->offset, int) != 0;
    case ACR_KIND_ARRAY:
        return *ACR_CAT(base, field->offset, const void *) != NULL;
    case ACR_KIND_STRING_OR_ARRAY:
        return *ACR_CAT(base, field->offset, const char *) != NULL ||
               *ACR_CAT(base, field->presence, const void *) != NULL;
    }
    return false;
}

size_t acr_lost_items(const acr_field_desc *field, const void *base)
{
    acr_kind kind = field->value->kind;
    if (kind == ACR_KIND_ARRAY && !*ACR_CAT(base, field->offset, const void *))
        return *ACR_CAT(base, field->presence, size_t);
    if (kind == ACR_KIND_STRING_OR_ARRAY && !*ACR_CAT(base, field->offset, const char *) &&
        !*ACR_CAT(base, field->presence, const void *))
        return *ACR_CAT(base, field->count_offset, size_t);
    return 0;
}

static bool int_allowed(const int64_t *allowed, size_t count, int64_t value)
{
    for (size_t i = 0; i < count; i++)
        if (allowed[i] == value)
            return true;
    return false;
}

/* "1 entry", "2 entries": the noun that goes with a count in a message. */
static const char *noun(size_t n, const char *one, const char *many)
{
    return n == 1 ? one : many;
}

/* Whether s[0..n) is all ASCII (then it is valid UTF-8, a character a byte):
 * eight bytes at a time, most strings of a request being so. */
static bool all_ascii(const char *s, size_t n)
{
    uint64_t any = 0;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        any |= w;
    }
    for (; i < n; i++)
        any |= (unsigned char)s[i];
    return !(any & UINT64_C(0x8080808080808080));
}

/* acr_dfa_matches that also sets *seen when it ran to the end (whether or not
 * it matched): 0x80 when a byte is not ASCII, else 0; untouched when it stopped early.
 * Inline here: the call cost as much as a short string's bytes. */
static VALIDATE_INLINE bool dfa_scan(const acr_dfa *dfa, const char *s, size_t length, unsigned *seen)
{
    const unsigned char *p = (const unsigned char *)s;
    const unsigned char *blocks_end = p + (length & ~(size_t)7);
    const uint8_t *byte_class = dfa->byte_class;
    const int16_t *next = dfa->transitions;
    size_t classes = dfa->class_count;
    ptrdiff_t state = 0;
    uint64_t words = 0;
#define ACR_DFA_STEP(k) ((state = next[(size_t)state * classes + byte_class[p[k]]]) < 0)
    /* Eight bytes a step, their OR taken as one word, then 4, 2 and 1 for the
     * rest: loop control and the ASCII check are most of the cost on the short
     * strings a request has. */
    for (; p != blocks_end; p += 8) {
        uint64_t w;
        memcpy(&w, p, 8);
        words |= w;
        if (ACR_DFA_STEP(0) || ACR_DFA_STEP(1) || ACR_DFA_STEP(2) || ACR_DFA_STEP(3) ||
            ACR_DFA_STEP(4) || ACR_DFA_STEP(5) || ACR_DFA_STEP(6) || ACR_DFA_STEP(7))
            return false;
    }
    if (length & 4) {
        uint32_t w;
        memcpy(&w, p, 4);
        words |= w;
        if (ACR_DFA_STEP(0) || ACR_DFA_STEP(1) || ACR_DFA_STEP(2) || ACR_DFA_STEP(3))
            return false;
        p += 4;
    }
    if (length & 2) {
        words |= (uint64_t)(p[0] | p[1]);
        if (ACR_DFA_STEP(0) || ACR_DFA_STEP(1))
            return false;
        p += 2;
    }
    if (length & 1) {
        words |= p[0];
        if (ACR_DFA_STEP(0))
            return false;
    }
#undef ACR_DFA_STEP
    *seen = (words & UINT64_C(0x8080808080808080)) ? 0x80u : 0u;
    return dfa->accepting[state] != 0;
}

bool acr_dfa_matches(const acr_dfa *dfa, const char *s, size_t length)
{
    unsigned seen;
    return dfa_scan(dfa, s, length, &seen);
}

/* The reports of validate_string, apart and out of line so that the common
 * case (a string breaking no rule) stays a short function. */
static void VALIDATE_COLD string_violations(validator *v, const acr_string_rules *rules, const char *s,
                                            size_t bytes, bool ascii, bool matched)
{
    size_t length = ascii ? bytes : acr_utf8_length(s, bytes);
    if (length == SIZE_MAX) {
        report(v, "is not valid UTF-8");
        return;
    }
    if (!rules)
        return;
    if (length < rules->min_length)
        report(v, rules->min_length == 1 ? "must not be empty"
                                         : "must be at least %zu characters long", rules->min_length);
    else if (length > rules->max_length)
        report(v, "must be at most %zu %s long (it has %zu)", rules->max_length,
               noun(rules->max_length, "character", "characters"), length);
    if (bytes > rules->max_bytes)
        report(v, "must be at most %zu %s long in UTF-8 (it has %zu)", rules->max_bytes,
               noun(rules->max_bytes, "byte", "bytes"), bytes);
    if (!matched) {
        if (rules->expected)
            report(v, "must be %s", rules->expected);
        else
            report(v, "must match the pattern %s", rules->pattern_text);
    }
}

static void validate_string(validator *v, const acr_string_rules *rules, const char *s)
{
    size_t bytes = strlen(s);
    if (!rules) {
        if (!all_ascii(s, bytes) && acr_utf8_length(s, bytes) == SIZE_MAX)
            string_violations(v, rules, s, bytes, false, true);
        return;
    }
    /* The pattern's pass also tells whether the string is all ASCII, so a
     * matching one is read once after strlen. */
    unsigned seen = 0x80;
    bool matched = true;
    if (rules->pattern)
        matched = dfa_scan(rules->pattern, s, bytes, &seen);
    else if (all_ascii(s, bytes))
        seen = 0;
    if (matched && seen < 0x80 && bytes >= rules->min_length && bytes <= rules->max_length &&
        bytes <= rules->max_bytes)
        return;
    string_violations(v, rules, s, bytes, seen < 0x80, matched);
}

static void validate_int(validator *v, const acr_int_rules *rules, int64_t value)
{
    if (!rules)
        return;
    if (rules->has_min && value < rules->min)
        report(v, "must be at least %" PRId64 " (it is %" PRId64 ")", rules->min, value);
    if (rules->has_max && value > rules->max)
        report(v, "must be at most %" PRId64 " (it is %" PRId64 ")", rules->max, value);
    if (rules->allowed && !int_allowed(rules->allowed, rules->allowed_count, value))
        report(v, "must be %s (it is %" PRId64 ")", rules->allowed_text, value);
}

static void validate_uint64(validator *v, const acr_int_rules *rules, uint64_t value)
{
    if (!rules)
        return;
    if (rules->has_min && value < rules->umin)
        report(v, "must be at least %" PRIu64 " (it is %" PRIu64 ")", rules->umin, value);
    if (rules->has_max && value > rules->umax)
        report(v, "must be at most %" PRIu64 " (it is %" PRIu64 ")", rules->umax, value);
}

static void validate_number(validator *v, const acr_number_rules *rules, double value)
{
    if (!isfinite(value)) {
        report(v, "must be a finite number");
        return;
    }
    if (!rules)
        return;
    char bound[ACR_NUMBER_TEXT_MAX], given[ACR_NUMBER_TEXT_MAX];
    acr_number_format(value, given, sizeof given);
    if (rules->has_min && value < rules->min) {
        acr_number_format(rules->min, bound, sizeof bound);
        report(v, "must be at least %s (it is %s)", bound, given);
    }
    if (rules->has_max && value > rules->max) {
        acr_number_format(rules->max, bound, sizeof bound);
        report(v, "must be at most %s (it is %s)", bound, given);
    }
}

static void validate_object(validator *v, const acr_object_desc *desc, const void *base);

/* Validates one value stored at `slot` (a member, or an array item). */
static void validate_value(validator *v, const acr_value_desc *vd, const void *slot)
{
    switch (vd->kind) {
    case ACR_KIND_STRING:
        validate_string(v, vd->string_rules, *(const char *const *)slot);
        break;
    case ACR_KIND_INT:
        validate_int(v, vd->int_rules, *(const int64_t *)slot);
        break;
    case ACR_KIND_UINT64:
        validate_uint64(v, vd->int_rules, *(const uint64_t *)slot);
        break;
    case ACR_KIND_NUMBER:
        validate_number(v, vd->number_rules, *(const double *)slot);
        break;
    case ACR_KIND_ENUM: {
        int value = *(const int *)slot;
        if (value < 1 || (size_t)value > vd->enumeration->count)
            report(v, "must be %s", vd->enumeration->allowed_text);
        break;
    }
    case ACR_KIND_OBJECT:
        validate_object(v, vd->object, slot);
        break;
    case ACR_KIND_BOOL:
    case ACR_KIND_ARRAY:            /* arrays are handled with their count, below */
    case ACR_KIND_STRING_OR_ARRAY:
        break;
    }
}

static void validate_items(validator *v, const acr_value_desc *array, const void *items, size_t count)
{
    const acr_array_rules *rules = array->array_rules;
    if (rules) {
        if (count < rules->min_items)
            report(v, "must have at least %zu %s (it has %zu)", rules->min_items,
                   noun(rules->min_items, "entry", "entries"), count);
        if (count > rules->max_items)
            report(v, "must have at most %zu %s (it has %zu)", rules->max_items,
                   noun(rules->max_items, "entry", "entries"), count);
        if (rules->max_prefix_length && array->items->kind == ACR_KIND_STRING) {
            /* Each element is followed by one "/" in the joined prefix. */
            size_t total = 0;
            for (size_t i = 0; i < count; i++) {
                const char *s = ((const char *const *)items)[i];
                size_t bytes = s ? strlen(s) : 0;
                size_t n = all_ascii(s, bytes) ? bytes : acr_utf8_length(s, bytes);
                total += (n == SIZE_MAX ? bytes : n) + 1;
            }
            if (total > rules->max_prefix_length)
                report(v, "is %zu characters long when joined with a \"/\" after each element; "
                          "at most %zu are allowed", total, rules->max_prefix_length);
        }
    }
    if (count == 0)
        return;
    /* One step for the whole loop, its index rewritten per item: an item's own
     * steps are popped back to it before the next. */
    const acr_value_desc *item = array->items;
    size_t mark = push_step(v, NULL, 0);
    bool pushed = mark < v->steps.depth;
    if (item->kind == ACR_KIND_STRING) {
        const char *const *strings = items;
        for (size_t i = 0; i < count; i++) {
            if (pushed)
                v->steps.items[mark].length_or_index = i;
            if (strings[i])
                validate_string(v, item->string_rules, strings[i]);
            else
                report(v, "must be %s", item->type_text);
        }
    } else {
        for (size_t i = 0; i < count; i++) {
            if (pushed)
                v->steps.items[mark].length_or_index = i;
            validate_value(v, item, (const char *)items + i * array->item_size);
        }
    }
    pop_step(v, mark);
}

static void validate_field(validator *v, const acr_field_desc *field, const void *base)
{
    const acr_value_desc *vd = field->value;
    if (field->modes && v->mode && !(field->modes & (1u << (v->mode - 1)))) {
        const char *name = v->type->mode_names && v->mode <= v->type->mode_count
                               ? v->type->mode_names[v->mode - 1] : "?";
        report(v, "is not allowed in mode %s (only in %s)", name, field->modes_text);
    }
    if (vd->kind == ACR_KIND_ARRAY) {
        validate_items(v, vd, *ACR_CAT(base, field->offset, const void *),
                       *ACR_CAT(base, field->presence, size_t));
    } else if (vd->kind == ACR_KIND_STRING_OR_ARRAY) {
        const char *s = *ACR_CAT(base, field->offset, const char *);
        const void *items = *ACR_CAT(base, field->presence, const void *);
        if (s && items)
            report(v, "must be either a string or an array, not both");
        else if (s)
            validate_string(v, vd->string_rules, s);
        else
            validate_items(v, vd, items, *ACR_CAT(base, field->count_offset, size_t));
    } else {
        validate_value(v, vd, ACR_CAT(base, field->offset, char));
    }
}

static bool text_in(const char *const *texts, size_t count, const char *text)
{
    for (size_t i = 0; text && i < count; i++)
        if (strcmp(texts[i], text) == 0)
            return true;
    return false;
}

/* The text of a string or enum member (NULL when absent or unknown). */
static const char *text_of(const acr_field_desc *field, const void *base)
{
    if (field->value->kind == ACR_KIND_STRING)
        return *ACR_CAT(base, field->offset, const char *);
    if (field->value->kind == ACR_KIND_ENUM) {
        int value = *ACR_CAT(base, field->offset, int);
        const acr_enum_desc *e = field->value->enumeration;
        if (value >= 1 && (size_t)value <= e->count)
            return e->values[value - 1];
        return *ACR_CAT(base, field->presence, const char *); /* an "other" text */
    }
    return NULL;
}

/* The text of array item i of an array of strings or enums. */
static const char *item_text(const acr_value_desc *array, const void *items, size_t i)
{
    const void *slot = (const char *)items + i * array->item_size;
    if (array->items->kind == ACR_KIND_STRING)
        return *(const char *const *)slot;
    if (array->items->kind == ACR_KIND_ENUM) {
        int value = *(const int *)slot;
        const acr_enum_desc *e = array->items->enumeration;
        return value >= 1 && (size_t)value <= e->count ? e->values[value - 1] : NULL;
    }
    return NULL;
}

static bool array_contains(const acr_field_desc *field, const void *base, const char *const *texts,
                           const int64_t *values)
{
    const void *items = *ACR_CAT(base, field->offset, const void *);
    size_t count = *ACR_CAT(base, field->presence, size_t);
    const acr_value_desc *array = field->value;
    for (size_t i = 0; items && i < count; i++) {
        if (texts) {
            const char *t = item_text(array, items, i);
            if (t && strcmp(t, texts[0]) == 0)
                return true;
        } else if (values && array->items->kind == ACR_KIND_INT &&
                   ((const int64_t *)items)[i] == values[0]) {
            return true;
        }
    }
    return false;
}

/* The field at the end of `path` (indices from `desc` down through nested
 * objects), with *base moved to the struct holding it; NULL when an object on
 * the way is absent. */
static const acr_field_desc *follow_path(const acr_object_desc *desc, const uint16_t *path, size_t length,
                                         const void **base)
{
    for (size_t i = 0; i + 1 < length; i++) {
        const acr_field_desc *field = &desc->fields[path[i]];
        if (!acr_field_present(field, *base))
            return NULL;
        *base = ACR_CAT(*base, field->offset, char);
        desc = field->value->object;
    }
    return &desc->fields[path[length - 1]];
}

/* The member of `desc` named `name`, or NULL. */
static const acr_field_desc *field_named(const acr_object_desc *desc, const char *name)
{
    for (size_t i = 0; i < desc->field_count; i++)
        if (strcmp(desc->fields[i].json_name, name) == 0)
            return &desc->fields[i];
    return NULL;
}

static bool condition_holds(const validator *v, const acr_rule *rule, const acr_object_desc *desc,
                            const void *base)
{
    const acr_field_desc *tested = NULL;
    if (rule->field_count) {
        /* A nested condition never holds while an object on the way is absent. */
        tested = follow_path(desc, rule->fields, rule->field_count, &base);
        if (!tested)
            return false;
    }
    switch (rule->condition) {
    case ACR_IF_MODE:
        return v->mode && (rule->modes & (1u << (v->mode - 1))) != 0;
    case ACR_IF_PRESENT:
        return acr_field_present(tested, base) != (rule->negate != 0);
    case ACR_IF_CONTAINS:
        return acr_field_present(tested, base) &&
               array_contains(tested, base, rule->text_count ? rule->texts : NULL, rule->values);
    case ACR_IF_VALUE:
        break;
    }
    bool present = acr_field_present(tested, base);
    if (!present && !rule->has_default)
        return false;
    if (rule->text_count) {
        const char *text = present ? text_of(tested, base) : rule->default_text;
        return text_in(rule->texts, rule->text_count, text) != (rule->negate != 0);
    }
    int64_t value;
    if (!present) {
        value = rule->default_value;
    } else if (tested->value->kind == ACR_KIND_UINT64) {
        uint64_t u = *ACR_CAT(base, tested->offset, uint64_t);
        if (u > (uint64_t)INT64_MAX)
            return rule->negate;
        value = (int64_t)u;
    } else {
        value = *ACR_CAT(base, tested->offset, int64_t);
    }
    return int_allowed(rule->values, rule->value_count, value) != (rule->negate != 0);
}

static void apply_effect(validator *v, const acr_effect *effect, const acr_object_desc *desc, const void *base)
{
    size_t mark = v->steps.depth;
    for (size_t i = 0; i < effect->path_length; i++) {
        const acr_field_desc *field = &desc->fields[effect->path[i]];
        size_t here = push_step(v, field->json_name, field->json_name_length);
        bool present = acr_field_present(field, base);
        if (i + 1 < effect->path_length) {
            /* A nested effect applies only when the objects on the way exist. */
            if (!present)
                break;
            desc = field->value->object;
            base = ACR_CAT(base, field->offset, char);
            continue;
        }
        switch (effect->kind) {
        case ACR_EFFECT_REQUIRED:
            if (!present)
                report(v, "%s", effect->message);
            break;
        case ACR_EFFECT_FORBIDDEN:
            if (present)
                report(v, "%s", effect->message);
            break;
        case ACR_EFFECT_ONE_OF:
            if (present && effect->text_count) {
                const char *text = text_of(field, base);
                /* The value is not quoted: a message never repeats a string
                 * of the body (it may be a secret). */
                if (text && !text_in(effect->texts, effect->text_count, text))
                    report(v, "%s", effect->message);
            } else if (present && field->value->kind == ACR_KIND_INT) {
                int64_t value = *ACR_CAT(base, field->offset, int64_t);
                if (!int_allowed(effect->allowed, effect->allowed_count, value))
                    report(v, "%s (it is %" PRId64 ")", effect->message, value);
            }
            break;
        case ACR_EFFECT_STRING:
            if (present && field->value->kind == ACR_KIND_STRING)
                validate_string(v, effect->string_rules, *ACR_CAT(base, field->offset, const char *));
            break;
        case ACR_EFFECT_CONTAINS:
            if (present && !array_contains(field, base, effect->text_count ? effect->texts : NULL, effect->allowed))
                report(v, "%s", effect->message);
            break;
        case ACR_EFFECT_DEPENDENT:
            /* Reported at each missing sibling, not at the property itself. */
            pop_step(v, here);
            for (size_t k = 0; present && k < effect->text_count; k++) {
                const acr_field_desc *needed = field_named(desc, effect->texts[k]);
                if (!needed || acr_field_present(needed, base))
                    continue;
                size_t at = push_step(v, needed->json_name, needed->json_name_length);
                report(v, "%s", effect->message);
                pop_step(v, at);
            }
            break;
        }
    }
    pop_step(v, mark);
}

/* A member of an object, at the step already pushed for it. */
static void validate_member(validator *v, const acr_field_desc *field, const void *base)
{
    size_t lost = acr_lost_items(field, base);
    if (lost)
        report(v, "has no items (a NULL pointer) but a count of %zu", lost);
    else if (acr_field_present(field, base))
        validate_field(v, field, base);
    else if (field->required)
        report(v, "is required");
}

/* x-acr-max-product: false when the product is over the maximum. */
static bool product_within(const acr_rule *rule, const acr_object_desc *desc, const void *base, bool *skipped)
{
    int64_t product = 1;
    bool over = false;
    *skipped = false;
    for (size_t k = 0; k < rule->field_count; k++) {
        const acr_field_desc *field = &desc->fields[rule->fields[k]];
        int64_t value;
        if (acr_field_present(field, base) && field->value->kind == ACR_KIND_INT)
            value = *ACR_CAT(base, field->offset, int64_t);
        else if (!acr_field_present(field, base) && rule->has_value && rule->has_value[k])
            value = rule->values[k];
        else {
            *skipped = true;
            return true;
        }
        if (!over && __builtin_mul_overflow(product, value, &product))
            over = true;
    }
    return !over && product <= rule->maximum;
}

static void validate_object(validator *v, const acr_object_desc *desc, const void *base)
{
    for (size_t i = 0; i < desc->field_count; i++) {
        const acr_field_desc *field = &desc->fields[i];
        size_t mark = push_step(v, field->json_name, field->json_name_length);
        validate_member(v, field, base);
        pop_step(v, mark);
    }
    for (size_t r = 0; r < desc->rule_count; r++) {
        const acr_rule *rule = &desc->rules[r];
        if (rule->kind == ACR_RULE_EXCLUSIVE) {
            size_t present = 0;
            for (size_t k = 0; k < rule->field_count; k++)
                present += acr_field_present(&desc->fields[rule->fields[k]], base);
            if (present == rule->field_count)
                report(v, "%s", rule->message);
        } else if (rule->kind == ACR_RULE_DEPENDENT) {
            if (!acr_field_present(&desc->fields[rule->fields[0]], base))
                continue;
            for (size_t k = 1; k < rule->field_count; k++) {
                const acr_field_desc *needed = &desc->fields[rule->fields[k]];
                if (acr_field_present(needed, base))
                    continue;
                size_t mark = push_step(v, needed->json_name, needed->json_name_length);
                report(v, "is required when %s is set", desc->fields[rule->fields[0]].json_name);
                pop_step(v, mark);
            }
        } else if (rule->kind == ACR_RULE_MAX_PRODUCT) {
            bool skipped;
            if (!product_within(rule, desc, base, &skipped) && !skipped)
                report(v, "%s", rule->message);
        } else if (condition_holds(v, rule, desc, base)) {
            for (size_t e = 0; e < rule->effect_count; e++)
                apply_effect(v, &rule->effects[e], desc, base);
        }
    }
}

bool acr_validate_member(const acr_field_desc *field, const void *base, const char *pointer,
                         size_t pointer_length, acr_error *err)
{
    validator v;
    memset(&v, 0, sizeof v);
    v.err = err;
    v.prefix = pointer;
    v.prefix_length = pointer_length;
    acr_steps_init(&v.steps);
    v.parsed = err->violation_count;
    validate_member(&v, field, base);
    bool oom = v.oom || v.steps.failed;
    acr_steps_free(&v.steps);
    return !oom;
}

acr_status acr_validate(const acr_type_desc *type, const void *value, unsigned mode, acr_error *err)
{
    if (!type || !value)
        return acr_error_set(err, ACR_ERR_USAGE, "acr_validate: NULL argument");
    if (mode > type->mode_count)
        return acr_error_set(err, ACR_ERR_USAGE, "acr_validate: unknown mode %u", mode);
    if (!err) {
        /* The caller wants the verdict only: collect the violations aside. */
        acr_error scratch = ACR_ERROR_INIT;
        acr_status status = acr_validate(type, value, mode, &scratch);
        acr_error_clear(&scratch);
        return status;
    }
    /* Keep a parse's violations, replace anything else. */
    size_t kept = err->status == ACR_ERR_INVALID_REQUEST ? err->parse_violation_count : 0;
    if (kept == 0 || kept > err->violation_count)
        acr_error_clear(err);
    else
        acr_error_keep_violations(err, kept);
    validator v;
    memset(&v, 0, sizeof v);
    v.err = err;
    acr_steps_init(&v.steps);
    v.type = type;
    v.mode = mode;
    v.parsed = err->violation_count;
    validate_object(&v, type->object, value);
    bool oom = v.oom || v.steps.failed;
    acr_steps_free(&v.steps);
    if (oom)
        return acr_error_set(err, ACR_ERR_NOMEM, "out of memory while validating");
    if (err->violation_count == 0)
        return ACR_OK;
    return acr_error_set(err, ACR_ERR_INVALID_REQUEST, "the request breaks %zu rule%s of the schema",
                         err->violation_count, err->violation_count == 1 ? "" : "s");
}
