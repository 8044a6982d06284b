/* acr runtime: the entry points of a call. acr_call_start() checks a call and
 * puts its transfer on a loop; acr_call() is the same call on a private loop
 * of the calling thread, run until it ends: one core for both. */
#include <string.h>

#include "acr/alloc.h"
#include "http.h"
#include "url.h"

/* The mode of the call, for validation: the index of the mode parameter's value. */
static acr_status call_mode(const acr_operation_desc *op, const char *const *values, unsigned *mode,
                            acr_error *err)
{
    *mode = 0;
    if (op->mode_param < 0)
        return ACR_OK;
    const char *text = values[op->mode_param];
    const acr_type_desc *t = op->response; /* every operation has one; a request may not */
    for (size_t i = 0; text && i < t->mode_count; i++) {
        if (strcmp(text, t->mode_names[i]) == 0) {
            if (op->mode_allowed && !(op->mode_allowed & (1u << i)))
                return acr_error_set(err, ACR_ERR_USAGE, "%s does not accept mode \"%s\"", op->operation_id, text);
            *mode = (unsigned)i + 1;
            return ACR_OK;
        }
    }
    return acr_error_set(err, ACR_ERR_USAGE, "unknown mode \"%s\"", text ? text : "");
}

/* "operation\n value\n value": the identity of the resource being called,
 * in the transfer's own buffer when it fits (NULL: out of memory). */
static char *call_exclusive_key(acr_transfer *t, const char *const *values)
{
    const acr_operation_desc *op = t->op;
    size_t lengths[ACR_MAX_PARAMS];
    if (op->exclusive_param_count > ACR_MAX_PARAMS)
        return NULL;
    size_t id_length = strlen(op->operation_id);
    size_t n = id_length + 1;
    for (size_t i = 0; i < op->exclusive_param_count; i++) {
        lengths[i] = strlen(values[op->exclusive_params[i]]);
        n += lengths[i] + 1;
    }
    char *key = n <= sizeof t->key_inline ? t->key_inline : acr_malloc(n);
    if (!key)
        return NULL;
    char *out = key;
    memcpy(out, op->operation_id, id_length);
    out += id_length;
    for (size_t i = 0; i < op->exclusive_param_count; i++) {
        *out++ = '\n';
        memcpy(out, values[op->exclusive_params[i]], lengths[i]);
        out += lengths[i];
    }
    *out = '\0';
    return key;
}

/* The time limit of a call: timeout_ms (or the operation's default), or the
 * retry deadline when set and shorter; 0: none. */
static long call_limit_ms(const acr_client *c, const acr_operation_desc *op)
{
    long limit = c->timeout_ms ? c->timeout_ms : op->timeout_ms;
    if (limit < 0 || limit > ACR_MAX_TIME_MS)
        limit = ACR_MAX_TIME_MS; /* a schema's default is not checked by acr_client_new */
    if (c->retry.deadline_ms > 0 && (limit == 0 || c->retry.deadline_ms < limit))
        limit = c->retry.deadline_ms;
    return limit;
}

/* The secrets this call sends, for redaction: the client's (borrowed: the
 * client outlives its calls) and the request's, borrowed too: a blocking call's
 * caller keeps the request until it returns; acr_call_start copies them. */
static acr_status call_find_secrets(acr_transfer *t, const void *request, acr_error *err)
{
    acr_client *c = t->client;
    acr_secrets *s = &t->secrets;
    acr_secrets_add(s, c->customer_id);
    acr_secrets_add(s, c->customer_secret);
    acr_secrets_add(s, c->basic_token);
    if (t->op->request)
        acr_secrets_add_request(s, t->op->request, request);
    if (s->failed)
        return acr_error_set(err, ACR_ERR_NOMEM, "out of memory");
    return ACR_OK;
}

/* An asynchronous call's request may be freed as soon as the call started:
 * its secrets become copies, wiped when the transfer is freed. */
static acr_status call_own_secrets(acr_transfer *t, acr_error *err)
{
    acr_client *c = t->client;
    acr_secrets *s = &t->secrets;
    bool failed = false;
    t->secrets_owned = true;
    for (size_t i = 0; i < s->count; i++) {
        const char *text = s->items[i].text;
        if (text == c->customer_id || text == c->customer_secret || text == c->basic_token)
            continue;
        char *copy = failed ? NULL : acr_copy_text(text, s->items[i].length);
        failed = failed || !copy;
        s->items[i].text = copy; /* NULL after a failure: acr_xfer_free skips it */
    }
    if (failed)
        return acr_error_set(err, ACR_ERR_NOMEM, "out of memory");
    return ACR_OK;
}

/* The request serialized into t->body: acr_serialize hands it over in blocks
 * of a few KiB (wiping its own), so the body is usually one block, copied
 * once. */
static acr_status call_serialize(acr_transfer *t, const void *request, acr_error *e)
{
    acr_status status = acr_serialize(t->op->request, request, acr_wiped_append, &t->body, e);
    if (t->body.failed) {
        acr_error_clear(e);
        status = acr_error_set(e, ACR_ERR_NOMEM, "out of memory while serializing");
    }
    return status;
}

acr_status acr_xfer_prepare(acr_client *c, acr_loop *loop, const acr_operation_desc *op, const char *const *params,
                            const void *request, void *response, acr_done_fn done, void *ctx, long long start,
                            const char *who, acr_transfer **out, acr_error *e)
{
    *out = NULL;
    /* An operation without a request body takes NULL (op->request is NULL). */
    if (!c || !op || (!request && op->request) || !response || !done)
        return acr_error_set(e, ACR_ERR_USAGE, "%s: NULL argument", who);
    /* A client without an App ID serves only the operations without one (ncsIp). */
    if (op->client_param >= 0 && (size_t)op->client_param < op->param_count && !c->app_id)
        return acr_error_set(e, ACR_ERR_USAGE,
                             "%s needs the App ID (the path parameter %s): the client was made without "
                             "acr_client_options.app_id", op->operation_id, op->params[op->client_param]);
    /* The parameter values, with the one the client supplies filled in. */
    const char *values[ACR_MAX_PARAMS];
    if (op->param_count > ACR_MAX_PARAMS)
        return acr_error_set(e, ACR_ERR_USAGE, "%s: too many path parameters", who);
    for (size_t i = 0; i < op->param_count; i++)
        values[i] = (int)i == op->client_param ? c->app_id : (params ? params[i] : NULL);
    unsigned mode;
    acr_status status = call_mode(op, values, &mode, e);
    /* Nothing is sent for a request that breaks the schema. */
    if (status == ACR_OK && op->request)
        status = acr_validate(op->request, request, mode, e);
    /* Empty path parameters are refused before anything is sent. */
    if (status == ACR_OK)
        status = acr_url_check_params(op, values, e);
    if (status != ACR_OK)
        return status;

    acr_transfer *t = loop ? acr_loop_take_transfer(loop) : NULL;
    if (!t)
        t = acr_malloc(sizeof *t);
    if (!t)
        return acr_error_set(e, ACR_ERR_NOMEM, "out of memory");
    memset(t, 0, sizeof *t);
    t->client = c;
    t->op = op;
    t->state = XFER_DONE; /* not started: no loop counts it */
    t->done = done;
    t->ctx = ctx;
    t->response = response;
    t->limit_ms = call_limit_ms(c, op);
    t->deadline = t->limit_ms ? start + t->limit_ms : 0;
    acr_secrets_init(&t->secrets);
    /* The path, its parameters encoded, once, after the first attempt's
     * domain: another attempt only swaps the domain. */
    size_t domain = acr_retry_domain_index(0, c->domain_count);
    const acr_url_prefix_entry *prefix = domain == 0 ? acr_client_url_prefix(c, op) : NULL;
    if (prefix) {
        t->url = acr_url_build_after(prefix->text, prefix->length, prefix->template_at, op, values);
        t->path_at = prefix->base_length;
    }
    if (!t->url) {
        t->url = acr_url_build(c->domains[domain], op, values, e);
        t->path_at = strlen(c->domains[domain]);
    }
    if (t->url)
        t->url_domain = domain + 1;
    status = t->url ? call_find_secrets(t, request, e) : e->status;
    /* The body holds the request's keys: every buffer it passes through is
     * wiped (the stack's, the heap's as it grows and before it is freed). */
    if (status == ACR_OK && op->request)
        status = call_serialize(t, request, e);
    if (status == ACR_OK && op->exclusive_param_count) {
        t->key = call_exclusive_key(t, values);
        if (!t->key)
            status = acr_error_set(e, ACR_ERR_NOMEM, "out of memory");
    }
    if (status != ACR_OK) {
        acr_xfer_free(t);
        return status;
    }
    *out = t;
    return ACR_OK;
}

acr_status acr_call_start(acr_loop *loop, const acr_operation_desc *operation, const char *const *params,
                          const void *request, void *response, acr_done_fn done, void *ctx, acr_transfer **transfer,
                          acr_error *err)
{
    /* The clock starts now: the turn, every attempt and back-off count. */
    long long start = acr_now_ms();
    acr_error scratch = ACR_ERROR_INIT;
    acr_error *e = err ? err : &scratch;
    acr_error_clear(e);
    if (transfer)
        *transfer = NULL;
    if (!loop)
        return acr_error_set(e, ACR_ERR_USAGE, "acr_call_start: NULL argument");
    acr_transfer *t = NULL;
    acr_status status = acr_xfer_prepare(acr_loop_client(loop), loop, operation, params, request, response, done, ctx,
                                         start, "acr_call_start", &t, e);
    if (status == ACR_OK) {
        status = call_own_secrets(t, e);
        if (status != ACR_OK)
            acr_xfer_free(t);
    }
    if (status == ACR_OK) {
        acr_loop_note_thread(loop);
        status = acr_xfer_start(loop, t, e);
    }
    if (status == ACR_OK)
        status = acr_loop_started(loop, t, e);
    if (status == ACR_OK && transfer)
        *transfer = t;
    acr_error_drop(&scratch);
    return status;
}

/* The blocking call's done callback: keeps the outcome for acr_call. */
typedef struct call_result {
    acr_status status;
    acr_error *err;
    bool ended;
} call_result;

static void call_done(void *ctx, acr_transfer *transfer, acr_status status, acr_error *err)
{
    (void)transfer;
    call_result *r = ctx;
    r->status = status;
    r->ended = true;
    if (!acr_error_holds(r->err) && !acr_error_holds(err))
        *r->err = *err; /* the usual success: acr_error_move less its two clears */
    else
        acr_error_move(r->err, err);
}

acr_status acr_call(acr_client *c, const acr_operation_desc *op, const char *const *params, const void *request,
                    void *response, acr_error *err)
{
    /* The clock starts now: validating, waiting for the turn and every
     * attempt count against the one limit. */
    long long start = acr_now_ms();
    /* Every step below fills an error; a caller that passed none gets the
     * status alone. */
    acr_error scratch = ACR_ERROR_INIT;
    acr_error *e = err ? err : &scratch;
    acr_error_clear(e);
    call_result result = {ACR_OK, e, false};
    /* The loop first: its spare block becomes the transfer. A loop that
     * could not be made is said only after the call's own checks passed. */
    acr_error take_err = ACR_ERROR_INIT;
    acr_loop *loop = c ? acr_client_take_loop(c, &take_err) : NULL;
    acr_transfer *t = NULL;
    acr_status status = acr_xfer_prepare(c, loop, op, params, request, response, call_done, &result, start,
                                         "acr_call", &t, e);
    if (status == ACR_OK && !loop) {
        acr_xfer_free(t);
        acr_error_move(e, &take_err);
        status = e->status;
    }
    acr_error_drop(&take_err);
    if (status != ACR_OK) {
        if (loop)
            acr_client_give_loop(c, loop);
        goto done;
    }
    t->refuse_own = true;
    status = acr_xfer_start(loop, t, e);
    if (status == ACR_OK) {
        acr_error loop_err = ACR_ERROR_INIT;
        acr_status ran = acr_loop_run_private(loop, &loop_err);
        status = result.status;
        if (ran != ACR_OK && status == ACR_ERR_CANCELLED) {
            /* The loop itself failed (poll, libcurl's multi): say that. */
            unsigned attempts = e->attempts;
            acr_error_move(e, &loop_err);
            e->attempts = attempts;
            status = e->status;
        }
        acr_error_drop(&loop_err);
    }
    acr_client_give_loop(c, loop);
done:
    acr_error_drop(&scratch);
    return status;
}
