/* acr runtime: what a call hands back (errors, log lines) holds no secret and
 * no raw control character, and the library's copies of secrets are wiped
 * before they are freed. See docs/SECURITY.md. */
#include <string.h>

#include "acr/alloc.h"
#include "internal.h"

#define REDACTED "[redacted]"

/* At memset's speed (a body is wiped on every call): the barrier tells the
 * compiler the zeros are read, so the stores are not dropped as dead before
 * the free. */
void acr_wipe(void *p, size_t n)
{
#if defined(__GNUC__) || defined(__clang__)
    memset(p, 0, n);
    __asm__ __volatile__("" : : "r"(p) : "memory");
#else
    volatile unsigned char *v = p; /* a store the compiler cannot drop */
    for (size_t i = 0; i < n; i++)
        v[i] = 0;
#endif
}

void acr_free_wiped(void *p, size_t n)
{
    if (!p)
        return;
    acr_wipe(p, n);
    acr_free(p);
}

void acr_free_secret(char *s)
{
    if (s)
        acr_free_wiped(s, strlen(s));
}

/* --- the set of secrets of one call --- */

void acr_secrets_init(acr_secrets *s)
{
    memset(s, 0, sizeof *s);
}

void acr_secrets_free(acr_secrets *s)
{
    acr_free(s->items);
    memset(s, 0, sizeof *s);
}

bool acr_secrets_add(acr_secrets *s, const char *text)
{
    if (!text || !*text)
        return true;
    size_t length = strlen(text);
    if (s->count == s->capacity) {
        size_t capacity = s->capacity ? s->capacity * 2 : 8;
        acr_secret *grown = acr_realloc(s->items, capacity * sizeof *grown);
        if (!grown) {
            s->failed = true;
            return false;
        }
        s->items = grown;
        s->capacity = capacity;
    }
    /* Longest first: a secret holding a shorter one is redacted whole. */
    size_t i = s->count++;
    while (i > 0 && s->items[i - 1].length < length) {
        s->items[i] = s->items[i - 1];
        i--;
    }
    s->items[i].text = text;
    s->items[i].length = length;
    return true;
}

static bool add_object(acr_secrets *s, const acr_object_desc *desc, const void *base);

static bool add_value(acr_secrets *s, const acr_field_desc *f, const void *base)
{
    const acr_value_desc *v = f->value;
    if (v->kind == ACR_KIND_STRING && f->secret)
        return acr_secrets_add(s, *ACR_CAT(base, f->offset, const char *));
    if (v->kind == ACR_KIND_OBJECT && acr_field_present(f, base))
        return add_object(s, v->object, ACR_CAT(base, f->offset, char));
    if (v->kind == ACR_KIND_ARRAY && v->items->kind == ACR_KIND_OBJECT) {
        const char *items = *ACR_CAT(base, f->offset, const char *);
        size_t count = *ACR_CAT(base, f->presence, size_t);
        for (size_t i = 0; items && i < count; i++)
            if (!add_object(s, v->items->object, items + i * v->item_size))
                return false;
    }
    return true;
}

static bool add_object(acr_secrets *s, const acr_object_desc *desc, const void *base)
{
    for (size_t i = 0; i < desc->field_count; i++)
        if (!add_value(s, &desc->fields[i], base))
            return false;
    return true;
}

bool acr_secrets_add_request(acr_secrets *s, const acr_type_desc *type, const void *request)
{
    return add_object(s, type->object, request);
}

/* --- redacting and escaping --- */

/* Length of the secret that starts at text[i], or 0. */
static size_t secret_at(const acr_secrets *s, const char *text, size_t length, size_t i)
{
    for (size_t k = 0; s && k < s->count; k++) {
        size_t n = s->items[k].length;
        if (n <= length - i && memcmp(text + i, s->items[k].text, n) == 0)
            return n;
    }
    return 0;
}

/* Bytes of the valid UTF-8 sequence at p[0..left) that is not a C1 control,
 * or 0 (then its first byte is escaped). */
static size_t printable_sequence(const unsigned char *p, size_t left)
{
    size_t need = p[0] >= 0xF0 ? 4 : p[0] >= 0xE0 ? 3 : p[0] >= 0xC2 ? 2 : 0;
    if (!need || need > left || acr_utf8_length((const char *)p, need) != 1)
        return 0;
    if (need == 2 && p[0] == 0xC2 && p[1] < 0xA0)
        return 0; /* U+0080..U+009F */
    return need;
}

/* Writes the sanitized text to out (when not NULL) and returns its length. */
static size_t sanitize(const acr_secrets *s, const char *text, size_t length, char *out)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *p = (const unsigned char *)text;
    size_t n = 0;
    for (size_t i = 0; i < length;) {
        size_t secret = secret_at(s, text, length, i);
        if (secret) {
            if (out)
                memcpy(out + n, REDACTED, sizeof REDACTED - 1);
            n += sizeof REDACTED - 1;
            i += secret;
            continue;
        }
        unsigned char c = p[i];
        size_t keep = c >= 0x20 && c < 0x7F ? 1 : c >= 0x80 ? printable_sequence(p + i, length - i) : 0;
        if (keep) {
            if (out)
                memcpy(out + n, p + i, keep);
            n += keep;
            i += keep;
            continue;
        }
        /* C0, DEL and C1 controls as \u00XX; a byte that is not UTF-8 as \xXX. */
        unsigned cp = c;
        bool c1 = c == 0xC2 && i + 1 < length && p[i + 1] >= 0x80 && p[i + 1] < 0xA0;
        if (c1)
            cp = p[i + 1];
        if (c < 0x80 || c1) {
            if (out) {
                memcpy(out + n, "\\u00", 4);
                out[n + 4] = hex[cp >> 4];
                out[n + 5] = hex[cp & 15];
            }
            n += 6;
            i += c1 ? 2 : 1;
        } else {
            if (out) {
                memcpy(out + n, "\\x", 2);
                out[n + 2] = hex[c >> 4];
                out[n + 3] = hex[c & 15];
            }
            n += 4;
            i++;
        }
    }
    return n;
}

char *acr_sanitize_copy(const acr_secrets *s, const char *text, size_t length)
{
    size_t n = sanitize(s, text, length, NULL);
    char *out = acr_malloc(n + 1);
    if (!out)
        return NULL;
    sanitize(s, text, length, out);
    out[n] = '\0';
    return out;
}

bool acr_sanitize_in_place(const acr_secrets *s, char *text, size_t capacity)
{
    size_t length = strlen(text);
    char *clean = acr_sanitize_copy(s, text, length);
    if (!clean) {
        /* No memory to rewrite it: give nothing rather than the raw text. */
        acr_wipe(text, length);
        if (capacity > sizeof "(withheld)")
            memcpy(text, "(withheld)", sizeof "(withheld)");
        return false;
    }
    size_t n = strlen(clean);
    if (n >= capacity)
        n = capacity - 1;
    memcpy(text, clean, n);
    text[n] = '\0';
    acr_free_wiped(clean, strlen(clean));
    return true;
}

bool acr_sanitize_string(const acr_secrets *s, char **text)
{
    if (!*text)
        return true;
    char *clean = acr_sanitize_copy(s, *text, strlen(*text));
    acr_free_secret(*text);
    *text = clean;
    return clean != NULL;
}
