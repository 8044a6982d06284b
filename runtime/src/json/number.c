/* acr runtime: exact conversion of JSON number text to fixed-width integers.
 *
 * yajl's own integer callback stops at INT64_MAX and its double callback loses
 * precision, so the engine takes the number's text and converts it here. JSON
 * Schema treats 1.0 and 1e2 as integers, so those forms are accepted when their
 * value is integral. */
#include <locale.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "acr/alloc.h"
#include "internal.h"

/* Larger exponents cannot produce an in-range integer, and clamping keeps the
 * arithmetic below from overflowing on hostile input like 1e99999999999999999. */
#define EXPONENT_CLAMP 100000000L

/* Parses the magnitude: *negative, and whether |value| fits uint64 (*magnitude). */
static acr_number_class parse_magnitude(const char *text, size_t length,
                                        bool *negative, uint64_t *magnitude)
{
    size_t i = 0;
    *negative = false;
    if (i < length && text[i] == '-') {
        *negative = true;
        i++;
    }
    /* The usual form, at most 19 digits and nothing else, cannot overflow:
     * converted in one pass. Anything else takes the general path below. */
    if (length - i >= 1 && length - i <= 19) {
        uint64_t value = 0;
        size_t k = i;
        for (unsigned d; k < length && (d = (unsigned)(unsigned char)text[k] - '0') <= 9; k++)
            value = value * 10 + d;
        if (k == length) {
            if (value == 0)
                *negative = false; /* "-0" */
            *magnitude = value;
            return ACR_NUMBER_INTEGER;
        }
    }
    /* Significant digits are those of the integer and fraction parts together. */
    size_t digits_start = i;
    while (i < length && text[i] >= '0' && text[i] <= '9')
        i++;
    size_t int_end = i;
    if (int_end == digits_start)
        return ACR_NUMBER_INVALID;
    size_t frac_start = i, frac_end = i;
    if (i < length && text[i] == '.') {
        frac_start = ++i;
        while (i < length && text[i] >= '0' && text[i] <= '9')
            i++;
        frac_end = i;
        if (frac_end == frac_start)
            return ACR_NUMBER_INVALID;
    }
    long exponent = 0;
    if (i < length && (text[i] == 'e' || text[i] == 'E')) {
        i++;
        bool exp_negative = false;
        if (i < length && (text[i] == '+' || text[i] == '-'))
            exp_negative = text[i++] == '-';
        if (i == length)
            return ACR_NUMBER_INVALID;
        while (i < length && text[i] >= '0' && text[i] <= '9') {
            if (exponent < EXPONENT_CLAMP)
                exponent = exponent * 10 + (text[i] - '0');
            i++;
        }
        if (exp_negative)
            exponent = -exponent;
    }
    if (i != length)
        return ACR_NUMBER_INVALID;

    /* value = D * 10^scale where D is the digit string without the point. */
    size_t frac_len = frac_end - frac_start;
    long long scale = (long long)exponent - (long long)frac_len;
    /* Find the first and last non-zero significant digits. */
    size_t first = SIZE_MAX, last = 0;
    for (size_t k = digits_start; k < frac_end; k++) {
        if (k == int_end)
            continue; /* the '.' */
        if (text[k] != '0') {
            if (first == SIZE_MAX)
                first = k;
            last = k;
        }
    }
    if (first == SIZE_MAX) {
        *magnitude = 0; /* zero in any notation, "-0" included */
        *negative = false;
        return ACR_NUMBER_INTEGER;
    }
    /* Trailing zeros after `last` move into the scale. */
    size_t trailing = 0;
    for (size_t k = last + 1; k < frac_end; k++)
        if (k != int_end)
            trailing++;
    scale += (long long)trailing;
    if (scale < 0)
        return ACR_NUMBER_NOT_INTEGER;
    uint64_t value = 0;
    for (size_t k = first; k <= last; k++) {
        if (k == int_end)
            continue;
        unsigned d = (unsigned)(text[k] - '0');
        if (value > (UINT64_MAX - d) / 10)
            return ACR_NUMBER_OUT_OF_RANGE;
        value = value * 10 + d;
    }
    for (long long s = 0; s < scale; s++) {
        if (value > UINT64_MAX / 10)
            return ACR_NUMBER_OUT_OF_RANGE;
        value *= 10;
    }
    *magnitude = value;
    return ACR_NUMBER_INTEGER;
}

acr_number_class acr_number_to_int64(const char *text, size_t length, int64_t *out)
{
    bool negative;
    uint64_t magnitude;
    acr_number_class c = parse_magnitude(text, length, &negative, &magnitude);
    if (c != ACR_NUMBER_INTEGER)
        return c;
    if (negative) {
        if (magnitude > (uint64_t)INT64_MAX + 1u)
            return ACR_NUMBER_OUT_OF_RANGE;
        *out = magnitude == (uint64_t)INT64_MAX + 1u ? INT64_MIN : -(int64_t)magnitude;
    } else {
        if (magnitude > (uint64_t)INT64_MAX)
            return ACR_NUMBER_OUT_OF_RANGE;
        *out = (int64_t)magnitude;
    }
    return ACR_NUMBER_INTEGER;
}

acr_number_class acr_number_to_uint64(const char *text, size_t length, uint64_t *out)
{
    bool negative;
    uint64_t magnitude;
    acr_number_class c = parse_magnitude(text, length, &negative, &magnitude);
    if (c != ACR_NUMBER_INTEGER)
        return c;
    if (negative)
        return ACR_NUMBER_OUT_OF_RANGE;
    *out = magnitude;
    return ACR_NUMBER_INTEGER;
}

/* --- doubles (the number kind) ---
 *
 * strtod and snprintf follow LC_NUMERIC, which the application may have set to
 * a locale whose decimal point is ','. Both run here under the "C" locale,
 * switched for this thread only (uselocale), so no process-wide state changes. */

static pthread_once_t c_locale_once = PTHREAD_ONCE_INIT;
static locale_t c_locale = (locale_t)0;

static void make_c_locale(void)
{
    /* glibc returns its static C locale object for "C": no allocation. */
    c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0);
}

static locale_t enter_c_locale(void)
{
    pthread_once(&c_locale_once, make_c_locale);
    return c_locale ? uselocale(c_locale) : (locale_t)0;
}

static void leave_c_locale(locale_t previous)
{
    if (previous)
        uselocale(previous);
}

bool acr_number_to_double(const char *text, size_t length, double *out)
{
    char buffer[64];
    char *copy = buffer;
    if (length >= sizeof buffer) {
        copy = acr_copy_text(text, length);
        if (!copy)
            return false;
    } else {
        memcpy(buffer, text, length);
        buffer[length] = '\0';
    }
    locale_t previous = enter_c_locale();
    char *end = NULL;
    double value = strtod(copy, &end);
    bool whole = end == copy + length;
    leave_c_locale(previous);
    if (copy != buffer)
        acr_free(copy);
    if (!whole || !isfinite(value))
        return false;
    *out = value;
    return true;
}

size_t acr_number_format(double value, char *out, size_t size)
{
    if (size < ACR_NUMBER_TEXT_MAX || !isfinite(value)) {
        if (size)
            out[0] = '\0';
        return 0;
    }
    locale_t previous = enter_c_locale();
    int n = 0;
    /* The shortest of these that reads back as the same double; %.17g always does. */
    for (int precision = 15; precision <= 17; precision++) {
        n = snprintf(out, size, "%.*g", precision, value);
        if (n > 0 && (size_t)n < size && strtod(out, NULL) == value)
            break;
    }
    leave_c_locale(previous);
    return n > 0 && (size_t)n < size ? (size_t)n : 0;
}
