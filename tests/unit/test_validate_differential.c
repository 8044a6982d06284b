/* The string checks of the validator (the pattern's automaton fused with the
 * ASCII check, eight bytes a step, the fast path, the out-of-line reporter,
 * the array's shared index step) against the plain implementation they
 * replaced (0.3.0's validate_string and acr_dfa_matches, copied below), for
 * every string rule of the tables, on generated strings: the same violations,
 * with the same messages, at the same pointers. */
#include "support.h"

#include <stdio.h>
#include <string.h>

#include "internal.h"

/* 0.3.0's acr_dfa_matches. */
static bool reference_dfa_matches(const acr_dfa *dfa, const char *s, size_t length)
{
    const unsigned char *p = (const unsigned char *)s;
    int state = 0;
    for (size_t i = 0; i < length; i++) {
        state = dfa->transitions[(size_t)state * dfa->class_count + dfa->byte_class[p[i]]];
        if (state < 0)
            return false;
    }
    return dfa->accepting[state] != 0;
}

typedef struct messages {
    char text[4][160];
    size_t count;
} messages;

#define ADD(m, ...) snprintf((m)->text[(m)->count++], sizeof (m)->text[0], __VA_ARGS__)

/* 0.3.0's validate_string, its reports collected. */
static void reference_violations(const acr_string_rules *rules, const char *s, messages *m)
{
    m->count = 0;
    size_t bytes = strlen(s);
    size_t length = acr_utf8_length(s, bytes);
    if (length == SIZE_MAX) {
        snprintf(m->text[m->count++], sizeof m->text[0], "is not valid UTF-8");
        return;
    }
    if (!rules)
        return;
    if (length < rules->min_length) {
        if (rules->min_length == 1)
            snprintf(m->text[m->count++], sizeof m->text[0], "must not be empty");
        else
            ADD(m, "must be at least %zu characters long", rules->min_length);
    } else if (length > rules->max_length) {
        ADD(m, "must be at most %zu %s long (it has %zu)", rules->max_length,
            rules->max_length == 1 ? "character" : "characters", length);
    }
    if (bytes > rules->max_bytes)
        ADD(m, "must be at most %zu %s long in UTF-8 (it has %zu)", rules->max_bytes,
            rules->max_bytes == 1 ? "byte" : "bytes", bytes);
    if (rules->pattern && !reference_dfa_matches(rules->pattern, s, bytes)) {
        if (rules->expected)
            snprintf(m->text[m->count++], sizeof m->text[0], "must be %s", rules->expected);
        else
            snprintf(m->text[m->count++], sizeof m->text[0], "must match the pattern %s", rules->pattern_text);
    }
}

static const acr_string_rules *rules_seen[256];
static size_t rules_count;

static void collect_object(const acr_object_desc *d, unsigned depth);

static void collect_rules(const acr_string_rules *r)
{
    for (size_t i = 0; r && i < rules_count; i++)
        if (rules_seen[i] == r)
            return;
    if (r && rules_count < sizeof rules_seen / sizeof rules_seen[0])
        rules_seen[rules_count++] = r;
}

static void collect_value(const acr_value_desc *v, unsigned depth)
{
    collect_rules(v->string_rules);
    if (v->items)
        collect_value(v->items, depth + 1);
    if (v->object && depth < 12)
        collect_object(v->object, depth + 1);
}

static void collect_object(const acr_object_desc *d, unsigned depth)
{
    for (size_t i = 0; i < d->field_count; i++)
        collect_value(d->fields[i].value, depth);
    for (size_t r = 0; r < d->rule_count; r++)
        for (size_t e = 0; e < d->rules[r].effect_count; e++)
            collect_rules(d->rules[r].effects[e].string_rules);
}

static uint64_t rng = 88172645463325252u;
static unsigned next(unsigned n)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (unsigned)(rng >> 11) % n;
}

/* A prefix a pattern wants, bytes of one of a few alphabets, and now and then
 * a UTF-8 sequence (well-formed, overlong, surrogate, too high, cut off) at any
 * offset of the eight-byte steps or the tail, or at the very end. */
static void generate(char *s, size_t room)
{
    static const char *const prefixes[] = {"", "rtmp://", "rtmps://", "https://", "#", "#a1B2c3", "12", "#allstream#"};
    static const char *const alphabets[] = {"0123456789", "AZaz09+/=Mw048", "abcdef0123456789ABCDEF",
                                            " !#$%&()+-:;<=.>?@[]^_{|}~,aZ9", "\"\\/\x7f\x01\x1f\t"};
    static const char *const sequences[] = {"\xc3\xa9", "\xe2\x82\xac", "\xf0\x9f\x98\x80", "\xc0\x80", "\xc1\xbf",
                                            "\xe0\x80\x80", "\xe0\x9f\xbf", "\xed\xa0\x80", "\xed\xbf\xbf",
                                            "\xf0\x80\x80\x80", "\xf4\x90\x80\x80", "\xf5\x80\x80\x80", "\xc3",
                                            "\xe2\x82", "\xf0\x9f\x98", "\x80", "\xbf", "\xff", "\xfe"};
    const char *prefix = prefixes[next(8)];
    size_t n = strlen(prefix);
    memcpy(s, prefix, n);
    const char *alphabet = alphabets[next(5)];
    size_t extra = next(4) == 0 ? next((unsigned)room / 2) : next(40);
    for (size_t i = 0; i < extra && n + 8 < room; i++)
        s[n++] = next(8) ? alphabet[next((unsigned)strlen(alphabet))] : (char)(0x20 + next(95));
    if (next(2)) {
        const char *q = sequences[next(sizeof sequences / sizeof *sequences)];
        size_t k = strlen(q), at = next(3) == 0 ? n : next((unsigned)n + 1);
        memmove(s + at + k, s + at, n - at);
        memcpy(s + at, q, k);
        n += k;
    }
    s[n] = '\0';
}

static void assert_same(const messages *expected, const acr_error *err, const char *pointer, const char *s)
{
    bool same = err->violation_count == expected->count;
    for (size_t i = 0; same && i < expected->count; i++)
        same = strcmp(err->violations[i].message, expected->text[i]) == 0 &&
               strcmp(err->violations[i].pointer, pointer) == 0;
    if (!same)
        fail_msg("\"%s\" at %s: %zu violations (first: %s), the reference %zu (first: %s)", s, pointer,
                 err->violation_count, err->violation_count ? err->violations[0].message : "-", expected->count,
                 expected->count ? expected->text[0] : "-");
}

static void test_string_rules_agree_with_the_reference(void **state)
{
    (void)state;
    for (size_t i = 0; acr_operations[i]; i++) {
        const acr_type_desc *types[3] = {acr_operations[i]->request, acr_operations[i]->response,
                                         acr_operations[i]->error};
        for (size_t k = 0; k < 3; k++)
            if (types[k])
                collect_object(types[k]->object, 0);
    }
    assert_true(rules_count > 10);
    static char texts[3][2600];
    for (size_t r = 0; r <= rules_count; r++) {
        const acr_string_rules *rules = r < rules_count ? rules_seen[r] : NULL; /* NULL: UTF-8 only */
        acr_value_desc string = {.kind = ACR_KIND_STRING, .string_rules = rules, .type_text = "a string"};
        acr_field_desc one = {.json_name = "s", .json_name_length = 1, .value = &string};
        acr_array_rules any = {0, SIZE_MAX, 0};
        acr_value_desc array = {.kind = ACR_KIND_ARRAY, .items = &string, .item_size = sizeof(char *),
                                .array_rules = &any, .type_text = "an array"};
        struct {
            const char *items[3];
            const char *const *pointer;
            size_t count;
        } holder;
        acr_field_desc many = {.json_name = "a", .json_name_length = 1, .value = &array,
                               .offset = offsetof(__typeof__(holder), pointer),
                               .presence = offsetof(__typeof__(holder), count)};
        for (int round = 0; round < 1500; round++) {
            for (size_t t = 0; t < 3; t++) {
                generate(texts[t], sizeof texts[t]);
                holder.items[t] = texts[t];
            }
            holder.pointer = holder.items;
            holder.count = 3;
            messages expected;
            acr_error err = ACR_ERROR_INIT;
            reference_violations(rules, texts[0], &expected);
            assert_true(acr_validate_member(&one, &holder.items[0], "/s", 2, &err));
            assert_same(&expected, &err, "/s", texts[0]);
            acr_error_clear(&err);
            /* As array items: each one's violations at its own index, in order. */
            assert_true(acr_validate_member(&many, &holder, "/a", 2, &err));
            size_t at = 0;
            for (size_t t = 0; t < 3; t++) {
                reference_violations(rules, texts[t], &expected);
                char pointer[8] = "/a/0";
                pointer[3] = (char)('0' + t);
                acr_error part = ACR_ERROR_INIT;
                part.violations = err.violations ? err.violations + at : NULL; /* NULL + 0 is UB */
                part.violation_count = at + expected.count <= err.violation_count ? expected.count : 0;
                assert_int_equal(part.violation_count, expected.count);
                assert_same(&expected, &part, pointer, texts[t]);
                at += expected.count;
            }
            assert_int_equal(at, err.violation_count);
            acr_error_clear(&err);
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_string_rules_agree_with_the_reference),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
