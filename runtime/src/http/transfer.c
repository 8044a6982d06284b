/* acr runtime: one call, the core blocking and asynchronous calls share.
 *
 * A transfer owns copies of everything it sends (path values, the serialized
 * body) and of its request's secrets (borrowed by a blocking call, whose
 * caller keeps the request until it returns), waits for its recording's turn,
 * makes attempts on its loop's multi handle, streams a 200 answer from
 * libcurl's write callback
 * straight into the response parser (any other answer is kept, up to a small
 * cap, to read the service's code and reason), classifies each outcome, and
 * retries with back-off (a timer of the loop) and failover, all under the
 * call's one clock.
 *
 * The state machine: XFER_QUEUED -(turn)-> XFER_SENDING -(sent)-> XFER_DONE,
 * or -> XFER_BACKOFF -(timer)-> XFER_SENDING; XFER_QUEUED -(timer: the
 * deadline)-> XFER_DONE; any state -(cancel)-> XFER_DONE. Only
 * xfer_set_state() writes the state; acr_xfer_run() dispatches to
 * xfer_on_<state>(). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <sys/socket.h>

#include "acr/alloc.h"
#include "http.h"

/* An error body beyond this is not needed to read its code and reason. */
#define ERROR_BODY_CAP 65536

/* libcurl refuses response headers larger than this in all (300 KiB, since
 * 7.88.1 as Debian patches it and 8.3), as a receive error. */
#define LIBCURL_MAX_HEADERS_BYTES (300 * 1024)

/* --- wiped buffers --- */

#if defined(__GNUC__) || defined(__clang__)
#define XFER_COLD __attribute__((noinline, cold))
#else
#define XFER_COLD
#endif

/* The rare path: the first block, growth, failure (out of line: the usual
 * append saves no registers). */
XFER_COLD static int wiped_grow(acr_wiped_buffer *b, const char *data, size_t n)
{
    if (b->failed)
        return 1;
    if (n >= SIZE_MAX / 2 - b->length) {
        b->failed = true;
        return 1;
    }
    size_t capacity = b->capacity ? b->capacity : 256; /* an update's body fits */
    while (capacity < b->length + n + 1)
        capacity *= 2;
    char *grown = acr_malloc(capacity);
    if (!grown) {
        b->failed = true;
        return 1;
    }
    if (b->length)
        memcpy(grown, b->data, b->length);
    acr_free_wiped(b->data, b->data ? b->length + 1 : 0); /* all that was written */
    b->data = grown;
    b->capacity = capacity;
    memcpy(b->data + b->length, data, n);
    b->length += n;
    b->data[b->length] = '\0';
    return 0;
}

/* Called for each block acr_serialize hands over (one for most bodies) and
 * each piece of an error body: the usual case, room left, is two compares
 * and a copy. */
int acr_wiped_append(void *ctx, const char *data, size_t n)
{
    acr_wiped_buffer *b = ctx;
    if (n >= b->capacity - b->length || b->failed)
        return wiped_grow(b, data, n);
    char *out = b->data + b->length;
    if (n <= 4) {
        for (size_t i = 0; i < n; i++) /* most pieces are a byte or two: no call */
            out[i] = data[i];
    } else {
        memcpy(out, data, n);
    }
    b->length += n;
    out[n] = '\0';
    return 0;
}

/* Only the bytes written (and the NUL) are wiped: the rest of the block
 * never held anything of ours. */
void acr_wiped_free(acr_wiped_buffer *b)
{
    acr_free_wiped(b->data, b->data ? b->length + 1 : 0);
    memset(b, 0, sizeof *b);
}

/* --- libcurl's callbacks for one attempt --- */

/* Opens libcurl's sockets as it would, but keeps errno when that fails
 * (libcurl says only "Couldn't connect to server" for EMFILE). */
curl_socket_t acr_xfer_open_socket_fn(void *ctx, curlsocktype purpose, struct curl_sockaddr *address)
{
    (void)purpose;
    acr_exchange *x = ctx;
    int type = address->socktype;
#ifdef SOCK_CLOEXEC
    type |= SOCK_CLOEXEC; /* a library's sockets do not leak into the application's children */
#endif
    curl_socket_t fd = socket(address->family, type, address->protocol);
    x->socket_errno = fd == CURL_SOCKET_BAD ? errno : 0;
    return fd;
}

#if LIBCURL_VERSION_NUM >= 0x075000 /* CURLOPT_PREREQFUNCTION: 7.80.0 */
#define HAVE_PREREQ 1
/* libcurl sends a request again, on a fresh connection, when a reused one
 * closed without a byte of answer: the first send may have reached the
 * service. Counting the sends shows it. */
int acr_xfer_prereq_fn(void *ctx, char *primary_ip, char *local_ip, int primary_port, int local_port)
{
    (void)primary_ip;
    (void)local_ip;
    (void)primary_port;
    (void)local_port;
    acr_exchange *x = ctx;
    x->sends++;
    return CURL_PREREQFUNC_OK;
}
#endif

/* Keeps X-Request-ID from the final response's headers. The status is never
 * read from header text (a header line or a trailer may look like a status
 * line): it is libcurl's CURLINFO_RESPONSE_CODE. */
size_t acr_xfer_header_fn(char *data, size_t size, size_t count, void *ctx)
{
    acr_exchange *x = ctx;
    size_t n = size * count;
    if (n <= 2 && (n == 0 || data[0] == '\r' || data[0] == '\n')) {
        /* The blank line ending a block: a 1xx's block is followed by another
         * response; after the final one only trailers can come. */
        long code = 0;
        curl_easy_getinfo(x->handle, CURLINFO_RESPONSE_CODE, &code);
        if (!x->block_is_trailer && code >= 200)
            x->final_headers = true;
        x->in_block = false;
        return n;
    }
    if (!x->in_block) {
        x->in_block = true;
        x->block_is_trailer = x->final_headers;
        if (!x->block_is_trailer)
            x->request_id_length = 0; /* a new response: forget the previous one's */
    }
    if (!x->block_is_trailer && n > 13 && (data[0] | 0x20) == 'x' && strncasecmp(data, "X-Request-ID:", 13) == 0) {
        size_t start = 13, end = n;
        while (start < end && (data[start] == ' ' || data[start] == '\t'))
            start++;
        while (end > start && (data[end - 1] == '\r' || data[end - 1] == '\n' || data[end - 1] == ' '))
            end--;
        /* A longer value is dropped, not cut: a cut could leave part of a
         * secret that redaction would no longer recognise. */
        x->request_id_length = end - start < sizeof x->request_id ? end - start : 0;
        memcpy(x->request_id, data + start, x->request_id_length);
    }
    return n;
}

size_t acr_xfer_body_fn(char *data, size_t size, size_t count, void *ctx)
{
    acr_exchange *x = ctx;
    size_t n = size * count;
    if (!x->status_known) {
        curl_easy_getinfo(x->handle, CURLINFO_RESPONSE_CODE, &x->status);
        x->status_known = true;
    }
    x->received += n;
    if (x->status == 200) {
        /* The cap is for answers we parse; an error body is kept up to its own
         * small cap below and the rest dropped. */
        if (x->received > x->client->max_response_bytes) {
            x->too_large = true;
            return 0; /* aborts the transfer */
        }
        if (!x->parser && !(x->parser = acr_parser_new(x->response_type, x->response, NULL))) {
            x->parser_nomem = true;
            return 0;
        }
        if (acr_parser_feed(x->parser, data, n, NULL) != ACR_OK) {
            x->parse_failed = true;
            return 0;
        }
        return n;
    }
    size_t room = ERROR_BODY_CAP - x->error_body.length;
    size_t keep = n < room ? n : room;
    if (keep)
        acr_wiped_append(&x->error_body, data, keep); /* out of memory: just no reason */
    return n;
}

/* --- reading an outcome --- */

static const acr_field_desc *find_field(const acr_object_desc *desc, const char *name, acr_kind kind)
{
    for (size_t i = 0; i < desc->field_count; i++)
        if (strcmp(desc->fields[i].json_name, name) == 0 && desc->fields[i].value->kind == kind)
            return &desc->fields[i];
    return NULL;
}

/* Reads "code", "reason" and "message" from an error body through the
 * operation's error type, when the body is JSON of that shape. */
static void read_error_body(const acr_transfer *t, acr_error *err)
{
    const acr_operation_desc *op = t->op;
    const acr_exchange *x = &t->x;
    if (!op->error || !x->error_body.data || x->error_body.failed)
        return;
    const acr_object_desc *desc = op->error->object;
    void *body = acr_malloc(desc->size);
    if (!body)
        return;
    memset(body, 0, desc->size);
    acr_error ignored = ACR_ERROR_INIT;
    if (acr_parse_wiped(op->error, x->error_body.data, x->error_body.length, body, &ignored) == ACR_OK) {
        const acr_field_desc *code = find_field(desc, "code", ACR_KIND_INT);
        const acr_field_desc *reason = find_field(desc, "reason", ACR_KIND_STRING);
        const acr_field_desc *message = find_field(desc, "message", ACR_KIND_STRING);
        if (code && acr_field_present(code, body)) {
            err->has_service_code = true;
            err->service_code = (long long)*ACR_AT(body, code->offset, int64_t);
        }
        char **text = NULL;
        if (reason && acr_field_present(reason, body))
            text = ACR_AT(body, reason->offset, char *);
        else if (message && acr_field_present(message, body))
            text = ACR_AT(body, message->offset, char *);
        if (text)
            err->reason = acr_sanitize_copy(&t->secrets, *text, strlen(*text));
    }
    acr_error_clear(&ignored);
    /* The service may have echoed a secret into any string: every block of
     * the struct's arena is wiped before it is freed. */
    acr_free_value_wiped(op->error, body);
    acr_free(body);
}

/* X-Request-ID as it may be shown: sanitized (NULL when absent or out of memory). */
static char *request_id_text(const acr_transfer *t)
{
    const acr_exchange *x = &t->x;
    return x->request_id_length ? acr_sanitize_copy(&t->secrets, x->request_id, x->request_id_length) : NULL;
}

/* Fills err for an answer other than 200. */
static acr_status http_error(const acr_transfer *t, acr_error *err)
{
    long status = t->x.status;
    read_error_body(t, err);
    err->http_status = (int)status;
    acr_free(err->request_id);
    err->request_id = request_id_text(t);
    char code[40] = "";
    if (err->has_service_code)
        snprintf(code, sizeof code, ", code %lld", err->service_code);
    const char *hint = status >= 300 && status < 400 ? " (redirects are never followed)" : "";
    return acr_error_set(err, ACR_ERR_HTTP, "HTTP %ld%s%s%s%s%s%s", status, code, err->reason ? ": " : "",
                         err->reason ? err->reason : "", hint, err->request_id ? ", X-Request-ID " : "",
                         err->request_id ? err->request_id : "");
}

/* What the system said, for the failures a person can act on; libcurl's text
 * for these is only "Couldn't connect to server". */
static const char *errno_text(long os_errno)
{
    switch (os_errno) {
    case EMFILE: return "too many open files in this process";
    case ENFILE: return "too many open files in the system";
    case ENOBUFS: return "no buffer space available";
    case ENOMEM: return "out of memory in the kernel";
    case EACCES: return "permission denied";
    case EPERM: return "operation not permitted";
    case EADDRNOTAVAIL: return "no local address or port available";
    case ECONNREFUSED: return "connection refused";
    case ENETUNREACH: return "network unreachable";
    case EHOSTUNREACH: return "host unreachable";
    case ETIMEDOUT: return "connection timed out";
    default: return NULL;
    }
}

/* curl's detail line when it has one (it names host and port), else its
 * generic text for the code; the system's reason for a failed connect; the
 * call's limit for a timeout. */
static acr_status transport_error(CURLcode code, const char *detail, long os_errno, long limit_ms, acr_error *err)
{
    const char *text = detail[0] ? detail : curl_easy_strerror(code);
    const char *why = code == CURLE_COULDNT_CONNECT ? errno_text(os_errno) : NULL;
    if (code == CURLE_OPERATION_TIMEDOUT)
        return acr_error_set(err, ACR_ERR_TRANSPORT, "no complete answer within %ld ms (%s)", limit_ms, text);
    if (why)
        return acr_error_set(err, ACR_ERR_TRANSPORT, "%s (%s)", why, text);
    if (os_errno && code == CURLE_COULDNT_CONNECT)
        return acr_error_set(err, ACR_ERR_TRANSPORT, "%s (system error %ld)", text, os_errno);
    return acr_error_set(err, ACR_ERR_TRANSPORT, "%s", text);
}

/* Every log line goes out through here: sanitized against the call's secrets.
 * On the loop's thread (the calling thread for a blocking call). */
static void emit_log(const acr_transfer *t, const char *line)
{
    const acr_client *c = t->client;
    char *clean = acr_sanitize_copy(&t->secrets, line, strlen(line));
    acr_loop_logging(t->loop, true);
    c->log(c->log_ctx, clean ? clean : "(a log line was withheld: out of memory)");
    acr_loop_logging(t->loop, false);
    acr_free_secret(clean);
}

/* The attempt's line, once its outcome is known: a 200 whose body then broke
 * is not logged as a success. Only the client's own words and libcurl's
 * (never a text the server sent). */
static void log_line(const acr_transfer *t, long http_status, acr_status status, curl_off_t micros)
{
    if (!t->client->log)
        return;
    char line[1024];
    double ms = (double)micros / 1000.0;
    const char *method = t->op->method;
    const char *why = status == ACR_ERR_TRANSPORT ? t->err.message : acr_status_name(status);
    if (status == ACR_OK || status == ACR_ERR_HTTP)
        snprintf(line, sizeof line, "%s %s -> %ld (%.1f ms)", method, t->url, http_status, ms);
    else if (http_status)
        snprintf(line, sizeof line, "%s %s -> failed after %ld: %s (%.1f ms)", method, t->url, http_status, why, ms);
    else
        snprintf(line, sizeof line, "%s %s -> failed: %s (%.1f ms)", method, t->url, why, ms);
    emit_log(t, line);
}

static bool is_done_answer(const acr_operation_desc *op, const acr_error *err)
{
    for (size_t i = 0; i < op->done_count; i++)
        if (err->http_status == op->done_statuses[i] &&
            (op->done_codes[i] < 0 || (err->has_service_code && err->service_code == op->done_codes[i])))
            return true;
    return false;
}

/* --- the state machine --- */

static void xfer_set_state(acr_transfer *t, acr_xfer_state state)
{
    if (t->state == state)
        return;
    if (t->state == XFER_QUEUED)
        acr_loop_count_queued(t->loop, -1);
    if (state == XFER_QUEUED)
        acr_loop_count_queued(t->loop, 1);
    t->state = state;
}

/* Takes the easy handle out of the multi and keeps it for the next attempt. */
static void xfer_drop_easy(acr_transfer *t)
{
    CURL *h = t->easy;
    if (!h)
        return;
    t->easy = NULL;
    acr_loop_remove_easy(t->loop, h);
    /* Its pointers into this transfer stay: out of a multi, libcurl calls
     * nothing and writes nothing through them, and xfer_send sets every one
     * of them again before the handle is added to a multi. */
    acr_loop_give_easy(t->loop, h);
}

/* A handle set up while waiting and not used (the call ended first), back to the loop. */
static void xfer_drop_ready(acr_transfer *t)
{
    if (t->ready) {
        curl_easy_setopt(t->ready, CURLOPT_PRIVATE, NULL);
        acr_loop_give_easy(t->loop, t->ready);
        t->ready = NULL;
    }
}

/* What an attempt leaves behind, once read. */
static void xfer_end_exchange(acr_transfer *t)
{
    acr_parser_free(t->x.parser);
    acr_wiped_free(&t->x.error_body);
    memset(&t->x, 0, sizeof t->x);
}

/* Hands the recording's turn to the next waiter, first thing once the call's
 * end is known: the clean-up after it is this call's alone. Its waiter's
 * turn is written only on this transfer's thread: read without the lock. */
static void xfer_release_turn(acr_transfer *t)
{
    if (t->key && t->waiter.turn)
        acr_turn_leave(t->client, &t->waiter);
}

/* The end of the call: its turn goes to the next waiter and its done
 * callback is due. */
static void xfer_finish(acr_transfer *t, acr_status status)
{
    xfer_release_turn(t);
    xfer_drop_ready(t);
    xfer_drop_easy(t);
    xfer_end_exchange(t);
    acr_loop_set_timer(t->loop, t, 0);
    t->status = status;
    t->err.status = status;
    xfer_set_state(t, XFER_DONE);
    acr_loop_queue_done(t->loop, t);
}

/* An attempt ended with `status` (err filled): whether the call ends (-1,
 * *final its status) or is retried after the delay returned (ms), as the
 * client's policy says. */
static long xfer_plan(acr_transfer *t, acr_status status, bool sent, unsigned sends, bool tls_rejected,
                      acr_status *final, long long *now_out)
{
    const acr_operation_desc *op = t->op;
    const acr_retry_policy *policy = &t->client->retry;
    acr_error *err = &t->err;
    *final = status;
    t->sent_total += sends; /* 0 when the attempt never started */
    err->attempts = t->sent_total;
    if (status == ACR_OK || (status != ACR_ERR_HTTP && status != ACR_ERR_TRANSPORT))
        return -1; /* an invalid response or no memory: retrying will not help */
    acr_attempt a = {err->http_status, err->has_service_code, err->service_code, status == ACR_ERR_TRANSPORT,
                     sent, tls_rejected};
    t->may_have_acted = t->may_have_acted || sends > 1;
    if (status == ACR_ERR_HTTP && t->may_have_acted && is_done_answer(op, err)) {
        char last[ACR_ERROR_MESSAGE_MAX];
        memcpy(last, err->message, sizeof last);
        acr_error_set(err, ACR_ERR_MAY_HAVE_SUCCEEDED,
                      "%s was retried after an attempt that may have reached the service, which now "
                      "answers %s; the first attempt most likely succeeded", op->operation_id, last);
        *final = ACR_ERR_MAY_HAVE_SUCCEEDED;
        return -1;
    }
    t->may_have_acted = t->may_have_acted || acr_attempt_may_have_acted(&a);
    if (t->attempt + 1 >= policy->max_attempts || !acr_retry_worth_it(&a, op))
        return -1;
    long long now = acr_now_ms();
    *now_out = now;
    /* < 0: the next attempt would start past the deadline */
    return acr_retry_next_delay(policy, t->attempt + 1, &t->seed, t->deadline ? t->deadline - now : -1);
}

/* Acts on xfer_plan's answer: the call ends, or a back-off timer. */
static void xfer_follow_plan(acr_transfer *t, long delay, acr_status final, long long now)
{
    const acr_retry_policy *policy = &t->client->retry;
    if (delay < 0) {
        xfer_finish(t, final);
        return;
    }
    if (t->client->log) {
        char line[160];
        snprintf(line, sizeof line, "retrying in %ld ms (attempt %u of %u)", delay, t->attempt + 2,
                 policy->max_attempts);
        emit_log(t, line);
    }
    acr_loop_set_timer(t->loop, t, now + delay);
    xfer_set_state(t, XFER_BACKOFF);
}

static void xfer_attempt_ended(acr_transfer *t, acr_status status, bool sent, unsigned sends, bool tls_rejected)
{
    acr_status final;
    long long now = 0;
    long delay = xfer_plan(t, status, sent, sends, tls_rejected, &final, &now);
    xfer_follow_plan(t, delay, final, now);
}

/* The attempt's options on its easy handle, all but its time limit: done
 * while a call waits for its turn, when its loop has a handle idle. */
static void xfer_setup_easy(acr_transfer *t, CURL *h)
{
    acr_client *c = t->client;
    const acr_operation_desc *op = t->op;
    memset(&t->x, 0, sizeof t->x);
    t->x.client = c;
    t->x.handle = h;
    t->x.response_type = op->response;
    t->x.response = t->response;
    t->detail[0] = '\0';
    curl_easy_setopt(h, CURLOPT_URL, t->url);
    /* Plain http (loopback only) never goes through a proxy, whatever the
     * environment says; https may (NULL: libcurl reads the environment). */
    curl_easy_setopt(h, CURLOPT_PROXY, strncasecmp(t->url, "http://", 7) == 0 ? "" : c->proxy);
    if (strcmp(op->method, "GET") == 0) {
        curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
    } else {
        curl_easy_setopt(h, CURLOPT_POST, 1L);
        curl_easy_setopt(h, CURLOPT_POSTFIELDS, t->body.data ? t->body.data : "");
        curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)t->body.length);
    }
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, t->body.data ? c->headers : c->headers_no_body);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, t->detail);
    curl_easy_setopt(h, CURLOPT_HEADERDATA, (void *)&t->x);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, (void *)&t->x);
    curl_easy_setopt(h, CURLOPT_OPENSOCKETDATA, (void *)&t->x);
#ifdef HAVE_PREREQ
    curl_easy_setopt(h, CURLOPT_PREREQDATA, (void *)&t->x);
#endif
    curl_easy_setopt(h, CURLOPT_PRIVATE, (void *)t);
}

/* Starts attempt t->attempt on the domain the policy picks, with what is
 * left of the call's time. */
static void xfer_send(acr_transfer *t)
{
    acr_client *c = t->client;
    acr_error *err = &t->err;
    size_t domain = acr_retry_domain_index(t->attempt, c->domain_count);
    if (t->url_domain != domain + 1) {
        /* The path was encoded once; only the domain changes between attempts. */
        xfer_drop_ready(t); /* set up for another domain */
        const char *base = c->domains[domain];
        const char *path = t->url + t->path_at;
        size_t a = strlen(base), b = strlen(path);
        char *url = acr_malloc(a + b + 1);
        if (!url) {
            xfer_finish(t, acr_error_set(err, ACR_ERR_NOMEM, "out of memory"));
            return;
        }
        memcpy(url, base, a);
        memcpy(url + a, path, b + 1);
        acr_free(t->url);
        t->url = url;
        t->path_at = a;
        t->url_domain = domain + 1;
    }
    long timeout_ms = 0;
    if (t->deadline) {
        long long left = t->deadline - acr_now_ms();
        if (left <= 0) {
            acr_status s = acr_error_set(err, ACR_ERR_TRANSPORT, "no complete answer within %ld ms (nothing was sent)",
                                         t->limit_ms);
            xfer_attempt_ended(t, s, false, 0, false);
            return;
        }
        timeout_ms = (long)left; /* at most ACR_MAX_TIME_MS: fits */
    }
    CURL *h = t->ready;
    t->ready = NULL;
    if (!h) {
        h = acr_loop_take_easy(t->loop);
        if (!h) {
            acr_status s = acr_error_set(err, ACR_ERR_NOMEM, "out of memory (or libcurl could not create a handle)");
            xfer_attempt_ended(t, s, false, 0, false);
            return;
        }
        xfer_setup_easy(t, h);
    }
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, timeout_ms);
    t->easy = h;
    xfer_set_state(t, XFER_SENDING);
    CURLMcode added = acr_loop_add_easy(t->loop, h);
    if (added != CURLM_OK) {
        t->easy = NULL;
        curl_easy_setopt(h, CURLOPT_PRIVATE, NULL);
        acr_loop_give_easy(t->loop, h);
        xfer_end_exchange(t);
        acr_status s = added == CURLM_OUT_OF_MEMORY
                           ? acr_error_set(err, ACR_ERR_NOMEM, "out of memory (in libcurl)")
                           : acr_error_set(err, ACR_ERR_TRANSPORT, "libcurl's multi interface failed: %s",
                                           curl_multi_strerror(added));
        xfer_attempt_ended(t, s, false, 0, false);
    }
}

/* libcurl ended the attempt with `code`: its outcome, as err says it. */
static void xfer_read_outcome(acr_transfer *t, CURLcode code)
{
    acr_client *c = t->client;
    acr_exchange *x = &t->x;
    acr_error *err = &t->err;
    CURL *h = t->easy;
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &x->status);
    bool tls_rejected = code == CURLE_PEER_FAILED_VERIFICATION || code == CURLE_SSL_CACERT_BADFILE ||
                        code == CURLE_SSL_ISSUER_ERROR || code == CURLE_SSL_PINNEDPUBKEYNOTMATCH;
    curl_off_t micros = 0;
    if (c->log) /* only the log line shows it */
        curl_easy_getinfo(h, CURLINFO_TOTAL_TIME_T, &micros);
    long sent_bytes = 0, header_bytes = 0, os_errno = 0;
    if (code != CURLE_OK) { /* what a failed attempt is told by */
        curl_easy_getinfo(h, CURLINFO_REQUEST_SIZE, &sent_bytes);
        curl_easy_getinfo(h, CURLINFO_HEADER_SIZE, &header_bytes);
        curl_easy_getinfo(h, CURLINFO_OS_ERRNO, &os_errno);
    }
    if (x->socket_errno)
        os_errno = x->socket_errno; /* libcurl does not record it when socket() fails */
    bool request_sent = sent_bytes > 0 || x->status != 0;
    /* A refused connection never reached the send: still one attempt. */
    unsigned sends = x->sends > 0 ? x->sends : 1;

    bool headers_refused = (code == CURLE_RECV_ERROR && header_bytes > LIBCURL_MAX_HEADERS_BYTES);
#if LIBCURL_VERSION_NUM >= 0x080600 /* CURLE_TOO_LARGE */
    headers_refused = headers_refused || (code == CURLE_TOO_LARGE && !x->too_large);
#endif
    acr_status status;
    if (code == CURLE_FILESIZE_EXCEEDED && x->status != 200 && x->status != 0) {
        status = http_error(t, err); /* a huge error page: its status is what matters */
    } else if (x->too_large || code == CURLE_FILESIZE_EXCEEDED) {
        status = acr_error_set(err, ACR_ERR_INVALID_RESPONSE, "the response is larger than %zu bytes",
                               c->max_response_bytes);
    } else if (x->parser_nomem) {
        status = acr_error_set(err, ACR_ERR_NOMEM, "out of memory");
    } else if (x->parse_failed) {
        status = acr_parser_finish(x->parser, err); /* a failed parser repeats its error, whole */
    } else if (code == CURLE_OUT_OF_MEMORY && !request_sent) {
        status = acr_error_set(err, ACR_ERR_NOMEM, "out of memory (in libcurl)");
    } else if (code == CURLE_OUT_OF_MEMORY || headers_refused) {
        /* No allocation failed: libcurl refused the answer itself (a header
         * line over its limit, or too many headers). */
        status = acr_error_set(err, ACR_ERR_INVALID_RESPONSE, "libcurl refused the answer: %s",
                               t->detail[0] ? t->detail : "its headers are too large");
    } else if (code != CURLE_OK) {
        status = transport_error(code, t->detail, os_errno, t->limit_ms, err);
        err->http_status = (int)x->status;
    } else if (x->status != 200) {
        status = http_error(t, err);
    } else if (!x->parser && !(x->parser = acr_parser_new(x->response_type, x->response, NULL))) {
        status = acr_error_set(err, ACR_ERR_NOMEM, "out of memory"); /* an empty 200 answer */
    } else {
        status = acr_parser_finish(x->parser, err);
    }
    if ((status == ACR_ERR_INVALID_RESPONSE || status == ACR_ERR_TRANSPORT) && !err->request_id)
        err->request_id = request_id_text(t);
    /* Everything the exchange put in err that came from the network, or may
     * hold an echoed secret, sanitized (reason and X-Request-ID were already). */
    if (err->message[0]) /* a success has none: no copy to make */
        acr_sanitize_in_place(&t->secrets, err->message, sizeof err->message);
    acr_sanitize_string(&t->secrets, &err->pointer);
    long http_status = x->status;
    /* The plan first: a call that ends hands its turn on before its
     * clean-up. Not before its log line: a call for the same recording from
     * the log callback is refused, as the docs say, not run. */
    acr_status final;
    long long now = 0;
    long delay = xfer_plan(t, status, request_sent, sends, tls_rejected, &final, &now);
    log_line(t, http_status, status, micros);
    if (delay < 0)
        xfer_release_turn(t);
    xfer_drop_easy(t);
    xfer_end_exchange(t);
    xfer_follow_plan(t, delay, final, now);
}

/* From any state; an ended call whose done callback has not run yet is
 * cancelled too, as acr_transfer_cancel() promises. */
static void xfer_cancel(acr_transfer *t)
{
    if (t->state == XFER_SENDING)
        t->sent_total += t->x.sends; /* the attempt in flight, when libcurl sent it */
    unsigned sent = t->sent_total;
    acr_error_clear(&t->err);
    acr_error_set(&t->err, ACR_ERR_CANCELLED, "%s was cancelled%s", t->op->operation_id,
                  sent ? " (a request already sent may have reached the service)" : " (nothing was sent)");
    t->err.attempts = sent;
    if (t->state != XFER_DONE)
        xfer_finish(t, ACR_ERR_CANCELLED);
    t->status = ACR_ERR_CANCELLED;
}

static void xfer_on_queued(acr_transfer *t, acr_xfer_event event)
{
    if (event == XFER_EVENT_TURN) {
        acr_loop_set_timer(t->loop, t, 0); /* the deadline stays in every attempt's libcurl timeout */
        xfer_send(t);
    } else if (event == XFER_EVENT_TIMER) {
        /* The deadline passed before the turn came (or as it came: it is
         * handed on by xfer_finish). */
        acr_error_set(&t->err, ACR_ERR_TRANSPORT,
                      "no complete answer within %ld ms: another call for the same recording was still "
                      "running (nothing was sent)", t->limit_ms);
        t->err.attempts = 0;
        xfer_finish(t, ACR_ERR_TRANSPORT);
    } else if (event == XFER_EVENT_UNWATCHED) {
        acr_error_set(&t->err, ACR_ERR_TRANSPORT,
                      "the application's socket callback (acr_socket_fn) refused the loop's wake descriptor: "
                      "this call could never see its turn on the recording come (nothing was sent)");
        t->err.attempts = 0;
        xfer_finish(t, ACR_ERR_TRANSPORT);
    }
}

static void xfer_on_sending(acr_transfer *t, acr_xfer_event event, CURLcode code)
{
    if (event == XFER_EVENT_SENT)
        xfer_read_outcome(t, code);
}

static void xfer_on_backoff(acr_transfer *t, acr_xfer_event event)
{
    if (event != XFER_EVENT_TIMER)
        return;
    acr_loop_set_timer(t->loop, t, 0);
    acr_free_value(t->op->response, t->response); /* what the failed attempt left */
    acr_error_clear(&t->err);                     /* and its code, reason, X-Request-ID */
    t->attempt++;
    xfer_send(t);
}

void acr_xfer_run(acr_transfer *t, acr_xfer_event event, CURLcode code)
{
    if (event == XFER_EVENT_CANCEL) {
        xfer_cancel(t);
        return;
    }
    switch (t->state) {
    case XFER_QUEUED:
        xfer_on_queued(t, event);
        break;
    case XFER_SENDING:
        xfer_on_sending(t, event, code);
        break;
    case XFER_BACKOFF:
        xfer_on_backoff(t, event);
        break;
    case XFER_DONE:
        break; /* its done callback is due: nothing more happens to it */
    }
}

acr_status acr_xfer_start(acr_loop *loop, acr_transfer *t, acr_error *err)
{
    t->loop = loop;
    t->waiter.loop = loop;
    t->seed = (uint64_t)acr_now_ms() ^ (uint64_t)(uintptr_t)t->response;
    bool granted = true;
    if (t->key) {
        acr_status status = acr_turn_take(t->client, t->key, &t->waiter, t->refuse_own, &granted, err);
        if (status != ACR_OK) {
            acr_xfer_free(t);
            return status;
        }
    }
    acr_loop_link(loop, t);
    if (granted) {
        xfer_send(t);
    } else {
        xfer_set_state(t, XFER_QUEUED);
        acr_loop_set_timer(loop, t, t->deadline);
        /* Set up while it waits: its turn then only adds the handle. */
        CURL *h = acr_loop_take_idle_easy(loop);
        if (h) {
            xfer_setup_easy(t, h);
            t->ready = h;
        }
    }
    return ACR_OK;
}

void acr_xfer_free(acr_transfer *t)
{
    if (!t)
        return;
    xfer_drop_ready(t);
    xfer_drop_easy(t);
    xfer_end_exchange(t);
    if (t->loop)
        xfer_release_turn(t);
    if (t->key != t->key_inline)
        acr_free(t->key);
    acr_free(t->url);
    acr_wiped_free(&t->body);
    /* The request's secrets are the transfer's copies (or the caller's, for a
     * blocking call); the client's are the client's. */
    const acr_client *c = t->client;
    for (size_t i = 0; t->secrets_owned && i < t->secrets.count; i++) {
        const char *text = t->secrets.items[i].text;
        if (text != c->customer_id && text != c->customer_secret && text != c->basic_token)
            acr_free_wiped((void *)(uintptr_t)text, t->secrets.items[i].length);
    }
    acr_secrets_free(&t->secrets);
    acr_error_drop(&t->err);
    if (!t->loop || !acr_loop_keep_transfer(t->loop, t))
        acr_free(t);
}
