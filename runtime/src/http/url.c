/* acr runtime: base URL checks and request URL building. */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <curl/curl.h>

#include "acr/alloc.h"
#include "internal.h"
#include "url.h"

bool acr_url_is_loopback_host(const char *host)
{
    if (strcasecmp(host, "localhost") == 0 || strcmp(host, "::1") == 0 || strcmp(host, "[::1]") == 0)
        return true;
    /* 127.0.0.0/8 in dotted decimal: four numbers 0-255, the first one 127. */
    unsigned parts[4];
    char tail;
    if (sscanf(host, "%u.%u.%u.%u%c", &parts[0], &parts[1], &parts[2], &parts[3], &tail) != 4)
        return false;
    return parts[0] == 127 && parts[1] <= 255 && parts[2] <= 255 && parts[3] <= 255;
}

char *acr_url_normalize_base(const char *base_url, acr_error *err)
{
    if (!base_url || !*base_url) {
        acr_error_set(err, ACR_ERR_USAGE, "the base URL is empty");
        return NULL;
    }
    CURLU *url = curl_url();
    if (!url) {
        acr_error_set(err, ACR_ERR_NOMEM, "out of memory");
        return NULL;
    }
    char *scheme = NULL, *host = NULL, *user = NULL, *query = NULL, *fragment = NULL, *result = NULL;
    if (curl_url_set(url, CURLUPART_URL, base_url, 0) != CURLUE_OK) {
        /* Never print the URL: it may hold credentials or a token. */
        acr_error_set(err, ACR_ERR_USAGE, "the base URL is not a valid absolute URL");
        goto done;
    }
    curl_url_get(url, CURLUPART_SCHEME, &scheme, 0);
    curl_url_get(url, CURLUPART_HOST, &host, 0);
    curl_url_get(url, CURLUPART_USER, &user, 0);
    curl_url_get(url, CURLUPART_QUERY, &query, 0);
    curl_url_get(url, CURLUPART_FRAGMENT, &fragment, 0);
    if (!scheme || (strcmp(scheme, "https") != 0 && strcmp(scheme, "http") != 0)) {
        acr_error_set(err, ACR_ERR_USAGE, "the base URL must start with https:// (or http:// for a loopback host)");
        goto done;
    }
    if (user) {
        /* Never print the URL here: it holds credentials. */
        acr_error_set(err, ACR_ERR_USAGE, "the base URL must not contain credentials; "
                                          "set AGORA_CUSTOMER_ID and AGORA_CUSTOMER_SECRET instead");
        goto done;
    }
    if (query || fragment) {
        acr_error_set(err, ACR_ERR_USAGE, "the base URL must not have a query or fragment");
        goto done;
    }
    if (!host || !*host) {
        acr_error_set(err, ACR_ERR_USAGE, "the base URL has no host");
        goto done;
    }
    if (strcmp(scheme, "http") == 0 && !acr_url_is_loopback_host(host)) {
        acr_error_set(err, ACR_ERR_USAGE,
                      "refusing plain http:// to %s: credentials would cross the network in clear text "
                      "(use https://; http:// is only for loopback hosts)", host);
        goto done;
    }
    /* The caller's text, less trailing slashes: paths are appended to it. */
    size_t n = strlen(base_url);
    while (n > 0 && base_url[n - 1] == '/')
        n--;
    result = acr_copy_text(base_url, n);
    if (!result)
        acr_error_set(err, ACR_ERR_NOMEM, "out of memory");
done:
    curl_free(scheme);
    curl_free(host);
    curl_free(user);
    curl_free(query);
    curl_free(fragment);
    curl_url_cleanup(url);
    return result;
}

/* RFC 3986 unreserved: ALPHA DIGIT - . _ ~; a table, as every byte of a
 * long resource ID goes through it twice per call. */
#define U1(c) [c] = 1
static const unsigned char unreserved_table[256] = {
    U1('-'), U1('.'), U1('_'), U1('~'),
    U1('0'), U1('1'), U1('2'), U1('3'), U1('4'), U1('5'), U1('6'), U1('7'), U1('8'), U1('9'),
    U1('A'), U1('B'), U1('C'), U1('D'), U1('E'), U1('F'), U1('G'), U1('H'), U1('I'), U1('J'), U1('K'),
    U1('L'), U1('M'), U1('N'), U1('O'), U1('P'), U1('Q'), U1('R'), U1('S'), U1('T'), U1('U'), U1('V'),
    U1('W'), U1('X'), U1('Y'), U1('Z'),
    U1('a'), U1('b'), U1('c'), U1('d'), U1('e'), U1('f'), U1('g'), U1('h'), U1('i'), U1('j'), U1('k'),
    U1('l'), U1('m'), U1('n'), U1('o'), U1('p'), U1('q'), U1('r'), U1('s'), U1('t'), U1('u'), U1('v'),
    U1('w'), U1('x'), U1('y'), U1('z'),
};
#undef U1

/* A value made only of dots would be a "." or ".." path segment: encode them. */
static bool only_dots(const char *s)
{
    if (*s != '.')
        return false;
    for (; *s; s++)
        if (*s != '.')
            return false;
    return true;
}

static size_t encoded_length(const char *s)
{
    if (only_dots(s))
        return 3 * strlen(s);
    size_t n = 0;
    for (; *s; s++)
        n += unreserved_table[(unsigned char)*s] ? 1 : 3;
    return n;
}

static char *encode_into(char *out, const char *s)
{
    static const char hex[] = "0123456789ABCDEF";
    bool dots = only_dots(s);
    while (*s) {
        /* A run of unreserved bytes (usually the whole value) is copied at once. */
        size_t run = 0;
        while (!dots && unreserved_table[(unsigned char)s[run]])
            run++;
        memcpy(out, s, run);
        out += run;
        s += run;
        if (!*s)
            break;
        unsigned char c = (unsigned char)*s++;
        *out++ = '%';
        *out++ = hex[c >> 4];
        *out++ = hex[c & 15];
    }
    return out;
}

/* The index of the parameter named name[0..length), or -1. */
static int param_index(const acr_operation_desc *op, const char *name, size_t length)
{
    for (size_t i = 0; i < op->param_count; i++)
        if (strlen(op->params[i]) == length && memcmp(op->params[i], name, length) == 0)
            return (int)i;
    return -1;
}

acr_status acr_url_check_params(const acr_operation_desc *op, const char *const *values, acr_error *err)
{
    for (size_t i = 0; i < op->param_count; i++)
        if (!values[i] || !*values[i])
            return acr_error_set(err, ACR_ERR_USAGE, "the path parameter %s is empty", op->params[i]);
    return ACR_OK;
}

/* One pass into `out` (capacity cap), after the first `n` bytes already
 * there, from template position t: the URL's length, or SIZE_MAX when it
 * does not fit. */
static size_t build_into(char *out, size_t cap, size_t n, const char *t, const acr_operation_desc *op,
                         const char *const *values)
{
    if (n >= cap)
        return SIZE_MAX;
    while (*t) {
        if (*t != '{') {
            /* A literal run of the template, up to the next placeholder. */
            size_t run = strcspn(t, "{");
            if (run >= cap - n)
                return SIZE_MAX;
            memcpy(out + n, t, run);
            n += run;
            t += run;
            continue;
        }
        const char *close = strchr(t, '}');
        int index = close ? param_index(op, t + 1, (size_t)(close - t - 1)) : -1;
        if (index >= 0) {
            size_t length = strlen(values[index]);
            if (length >= (cap - n) / 3) /* at worst 3 bytes each */
                return SIZE_MAX;
            n = (size_t)(encode_into(out + n, values[index]) - out);
            t = close + 1;
        } else {
            if (n + 1 >= cap)
                return SIZE_MAX;
            out[n++] = *t++;
        }
    }
    out[n] = '\0';
    return n;
}

char *acr_url_prefix(const char *base, const acr_operation_desc *op, const char *app_id, size_t *template_at)
{
    char stack[512];
    size_t n = strlen(base);
    if (n >= sizeof stack)
        return NULL;
    memcpy(stack, base, n);
    const char *t = op->path_template;
    while (*t) {
        size_t run = strcspn(t, "{");
        if (run >= sizeof stack - n)
            return NULL;
        memcpy(stack + n, t, run);
        n += run;
        t += run;
        if (!*t)
            break;
        const char *close = strchr(t, '}');
        int index = close ? param_index(op, t + 1, (size_t)(close - t - 1)) : -1;
        if (index < 0 || index != op->client_param || !app_id || strlen(app_id) >= (sizeof stack - n) / 3)
            break; /* the first value that changes per call */
        n = (size_t)(encode_into(stack + n, app_id) - stack);
        t = close + 1;
    }
    *template_at = (size_t)(t - op->path_template);
    return acr_copy_text(stack, n);
}

char *acr_url_build_after(const char *prefix, size_t prefix_length, size_t template_at, const acr_operation_desc *op,
                          const char *const *values)
{
    char stack[512];
    if (prefix_length < sizeof stack) {
        memcpy(stack, prefix, prefix_length);
        size_t n = build_into(stack, sizeof stack, prefix_length, op->path_template + template_at, op, values);
        if (n != SIZE_MAX)
            return acr_copy_text(stack, n);
    }
    return NULL;
}

char *acr_url_build(const char *base, const acr_operation_desc *op, const char *const *values, acr_error *err)
{
    if (acr_url_check_params(op, values, err) != ACR_OK)
        return NULL;
    /* Built once on the stack, then copied at its size: the usual URL fits;
     * a longer one is built again at the size it measured. */
    char stack[512];
    size_t base_length = strlen(base);
    size_t n = SIZE_MAX;
    if (base_length < sizeof stack) {
        memcpy(stack, base, base_length);
        n = build_into(stack, sizeof stack, base_length, op->path_template, op, values);
    }
    if (n != SIZE_MAX) {
        char *url = acr_copy_text(stack, n);
        if (!url)
            acr_error_set(err, ACR_ERR_NOMEM, "out of memory");
        return url;
    }
    /* Two passes over the template: measure, then write. */
    size_t total = strlen(base) + 1;
    for (int pass = 0; pass < 2; pass++) {
        char *url = pass ? acr_malloc(total) : NULL;
        if (pass && !url) {
            acr_error_set(err, ACR_ERR_NOMEM, "out of memory");
            return NULL;
        }
        char *out = url;
        if (pass) {
            size_t length = strlen(base);
            memcpy(out, base, length);
            out += length;
        }
        for (const char *t = op->path_template; *t;) {
            if (*t != '{') {
                /* A literal run of the template, up to the next placeholder. */
                size_t run = strcspn(t, "{");
                if (pass) {
                    memcpy(out, t, run);
                    out += run;
                } else {
                    total += run;
                }
                t += run;
                continue;
            }
            const char *close = strchr(t, '}');
            int index = close ? param_index(op, t + 1, (size_t)(close - t - 1)) : -1;
            if (index >= 0) {
                if (pass)
                    out = encode_into(out, values[index]);
                else
                    total += encoded_length(values[index]);
                t = close + 1;
            } else {
                if (pass)
                    *out++ = *t;
                else
                    total++;
                t++;
            }
        }
        if (pass) {
            *out = '\0';
            return url;
        }
    }
    return NULL;
}
