/* acr runtime: UTF-8 checking (pattern matching is in validate.c, next to its one caller). */
#include <string.h>

#include "internal.h"

size_t acr_utf8_length(const char *s, size_t length)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t count = 0;
    size_t i = 0;
    while (i < length) {
        /* Eight ASCII bytes at a time: most text the library sees is ASCII. */
        uint64_t word;
        if (length - i >= 8 && (memcpy(&word, p + i, 8), (word & UINT64_C(0x8080808080808080)) == 0)) {
            i += 8;
            count += 8;
            continue;
        }
        unsigned char c = p[i];
        if (c < 0x80) {
            i++;
        } else {
            size_t need;
            uint32_t cp;
            if (c >= 0xC2 && c <= 0xDF) {
                need = 1;
                cp = c & 0x1Fu;
            } else if (c >= 0xE0 && c <= 0xEF) {
                need = 2;
                cp = c & 0x0Fu;
            } else if (c >= 0xF0 && c <= 0xF4) {
                need = 3;
                cp = c & 0x07u;
            } else {
                return SIZE_MAX; /* continuation byte or overlong lead */
            }
            if (length - i <= need)
                return SIZE_MAX;
            for (size_t k = 1; k <= need; k++) {
                if ((p[i + k] & 0xC0) != 0x80)
                    return SIZE_MAX;
                cp = (cp << 6) | (p[i + k] & 0x3Fu);
            }
            /* Reject overlong forms, surrogates and values above U+10FFFF. */
            if ((need == 2 && cp < 0x800) || (need == 3 && cp < 0x10000) ||
                (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
                return SIZE_MAX;
            i += need + 1;
        }
        count++;
    }
    return count;
}
