/* acr runtime: base URL checks and request URL building. Not installed. */
#ifndef ACR_URL_H
#define ACR_URL_H

#include <stdbool.h>
#include <stddef.h>

#include "acr/error.h"
#include "acr/tables.h"

/* Checks a base URL (scheme, host, optional port and path prefix) and returns a
 * normalized copy without a trailing slash (acr_free it), or NULL with err set:
 * only http and https; no user info, query or fragment; plain http only to a
 * loopback host. */
char *acr_url_normalize_base(const char *base_url, acr_error *err);

/* True for localhost, 127.0.0.0/8 and ::1 (with or without brackets). */
bool acr_url_is_loopback_host(const char *host);

/* base + the operation's path with every {name} replaced by its value,
 * percent-encoded (RFC 3986: all but unreserved characters). Returns NULL with
 * err set on an empty value (ACR_ERR_USAGE) or when out of memory. */
/* ACR_OK, or ACR_ERR_USAGE with err set when a path parameter is NULL or empty. */
acr_status acr_url_check_params(const acr_operation_desc *op, const char *const *values, acr_error *err);

char *acr_url_build(const char *base, const acr_operation_desc *op, const char *const *values, acr_error *err);

/* The part of base + the operation's path that is the same for every call of
 * a client: up to the first path parameter other than the client's App ID
 * (acr_copy_text'ed; NULL when too long or out of memory). *template_at: where
 * the path template goes on after it. */
char *acr_url_prefix(const char *base, const acr_operation_desc *op, const char *app_id, size_t *template_at);
/* acr_url_build from such a prefix, the values checked already; NULL when
 * the URL is long or out of memory: build it with acr_url_build then. */
char *acr_url_build_after(const char *prefix, size_t prefix_length, size_t template_at, const acr_operation_desc *op,
                          const char *const *values);

#endif
