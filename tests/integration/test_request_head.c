/* The request head the library sends, byte for byte: the header lines, their
 * order and the User-Agent, for a call with a body (update) and one without
 * (query). A one-connection loopback server in a thread records what arrives;
 * no mock process is needed. A change in how the headers are given to libcurl
 * (a header list, options) must not change these bytes. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "acr/version.h"
#include "support.h"

#define APP "acr-head-app"
#define CUSTOMER_ID "acr-head-customer"
#define CUSTOMER_SECRET "acr-head-secret"
#define RID "rid-h"
#define SID "sid-h"
#define UPDATE_OK "{\"cname\":\"c\",\"uid\":\"1\",\"resourceId\":\"" RID "\",\"sid\":\"" SID "\"}"
#define QUERY_OK "{\"resourceId\":\"" RID "\",\"sid\":\"" SID "\",\"serverResponse\":{}}"

typedef struct one_server {
    int listen_fd;
    int port;
    const char *answer;
    int count;                          /* connections to serve, one request each */
    char head[4096];                    /* the last request's head, up to and with its blank line */
    size_t head_length;
    char lines[2][256];                 /* each request's first line */
    pthread_t thread;
} one_server;

static void serve_connection(one_server *s, int fd)
{
    size_t n = 0;
    char *end = NULL;
    while (!end && n < sizeof s->head - 1) {
        ssize_t got = recv(fd, s->head + n, sizeof s->head - 1 - n, 0);
        if (got <= 0)
            break;
        n += (size_t)got;
        s->head[n] = '\0';
        end = strstr(s->head, "\r\n\r\n");
    }
    s->head_length = end ? (size_t)(end + 4 - s->head) : 0;
    /* Any body is not read: the answer closes the connection. */
    char out[512];
    int k = snprintf(out, sizeof out,
                     "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %zu\r\n"
                     "Connection: close\r\n\r\n%s", strlen(s->answer), s->answer);
    if (k > 0 && send(fd, out, (size_t)k, MSG_NOSIGNAL) != k)
        s->head_length = 0;
    close(fd);
}

static void *serve(void *arg)
{
    one_server *s = arg;
    for (int i = 0; i < s->count; i++) {
        int fd = accept(s->listen_fd, NULL, NULL);
        if (fd < 0)
            return NULL;
        serve_connection(s, fd);
        snprintf(s->lines[i], sizeof s->lines[i], "%.*s", (int)strcspn(s->head, "\r"), s->head);
    }
    return NULL;
}

static void server_start_n(one_server *s, const char *answer, int count)
{
    memset(s, 0, sizeof *s);
    s->answer = answer;
    s->count = count;
    s->listen_fd = socket(AF_INET, SOCK_STREAM, 0);
    assert_true(s->listen_fd >= 0);
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    assert_int_equal(bind(s->listen_fd, (struct sockaddr *)&a, sizeof a), 0);
    assert_int_equal(listen(s->listen_fd, 1), 0);
    socklen_t len = sizeof a;
    assert_int_equal(getsockname(s->listen_fd, (struct sockaddr *)&a, &len), 0);
    s->port = ntohs(a.sin_port);
    assert_int_equal(pthread_create(&s->thread, NULL, serve, s), 0);
}

static void server_start(one_server *s, const char *answer)
{
    server_start_n(s, answer, 1);
}

static void server_join(one_server *s)
{
    assert_int_equal(pthread_join(s->thread, NULL), 0);
    close(s->listen_fd);
}

static acr_client *new_client(int port)
{
    char base[64];
    snprintf(base, sizeof base, "http://127.0.0.1:%d", port);
    acr_client_options o;
    memset(&o, 0, sizeof o);
    o.app_id = APP;
    o.customer_id = CUSTOMER_ID;
    o.customer_secret = CUSTOMER_SECRET;
    o.base_url = base;
    o.retry.disabled = 1;
    o.timeout_ms = 10000;
    acr_client *c = NULL;
    acr_error err = ACR_ERROR_INIT;
    if (acr_client_new(&o, &c, &err) != ACR_OK)
        fail_msg("acr_client_new: %s", err.message);
    acr_error_clear(&err);
    return c;
}

/* Base64 of "CUSTOMER_ID:CUSTOMER_SECRET", worked out by hand. */
#define BASIC "YWNyLWhlYWQtY3VzdG9tZXI6YWNyLWhlYWQtc2VjcmV0"

static void test_update_head(void **state)
{
    (void)state;
    one_server s;
    server_start(&s, UPDATE_OK);
    acr_client *c = new_client(s.port);
    static const char *const audio[] = {"#allstream#"};
    acr_update_request req = ACR_UPDATE_REQUEST_INIT;
    req.cname = "c";
    req.uid = "1";
    req.client_request.has_stream_subscribe = true;
    req.client_request.stream_subscribe.has_audio_uid_list = true;
    req.client_request.stream_subscribe.audio_uid_list.subscribe_audio_uids = audio;
    req.client_request.stream_subscribe.audio_uid_list.subscribe_audio_uids_count = 1;
    acr_update_response resp = ACR_UPDATE_RESPONSE_INIT;
    acr_update_params params = {RID, SID, ACR_MODE_INDIVIDUAL};
    acr_error err = ACR_ERROR_INIT;
    acr_status status = acr_update(c, &params, &req, &resp, &err);
    server_join(&s);
    assert_int_equal(status, ACR_OK);
    const char *body = "{\"uid\":\"1\",\"cname\":\"c\",\"clientRequest\":{\"streamSubscribe\":{\"audioUidList\":"
                       "{\"subscribeAudioUids\":[\"#allstream#\"]}}}}";
    char expected[1024];
    snprintf(expected, sizeof expected,
             "POST /v1/apps/" APP "/cloud_recording/resourceid/" RID "/sid/" SID "/mode/individual/update HTTP/1.1\r\n"
             "Host: 127.0.0.1:%d\r\n"
             "Authorization: Basic " BASIC "\r\n"
             "User-Agent: acr/" ACR_VERSION_STRING "\r\n"
             "Content-Type: application/json\r\n"
             "Accept: application/json\r\n"
             "Content-Length: %zu\r\n"
             "\r\n", s.port, strlen(body));
    s.head[s.head_length] = '\0';
    assert_string_equal(s.head, expected);
    acr_update_response_free(&resp);
    acr_error_clear(&err);
    acr_client_free(c);
}

static void test_query_head(void **state)
{
    (void)state;
    one_server s;
    server_start(&s, QUERY_OK);
    acr_client *c = new_client(s.port);
    acr_query_response resp = ACR_QUERY_RESPONSE_INIT;
    acr_query_params params = {RID, SID, ACR_MODE_INDIVIDUAL};
    acr_error err = ACR_ERROR_INIT;
    (void)acr_query(c, &params, &resp, &err); /* the head is what is checked, not the answer's shape */
    server_join(&s);
    char expected[1024];
    snprintf(expected, sizeof expected,
             "GET /v1/apps/" APP "/cloud_recording/resourceid/" RID "/sid/" SID "/mode/individual/query HTTP/1.1\r\n"
             "Host: 127.0.0.1:%d\r\n"
             "Authorization: Basic " BASIC "\r\n"
             "User-Agent: acr/" ACR_VERSION_STRING "\r\n"
             "Accept: application/json\r\n"
             "\r\n", s.port);
    s.head[s.head_length] = '\0';
    assert_string_equal(s.head, expected);
    acr_query_response_free(&resp);
    acr_error_clear(&err);
    acr_client_free(c);
}


/* One query through `op`; its request line is what the caller checks. */
static void query_once(acr_client *c, const acr_operation_desc *op, const char *const *values)
{
    acr_query_response resp = ACR_QUERY_RESPONSE_INIT;
    acr_error err = ACR_ERROR_INIT;
    (void)acr_call(c, op, values, NULL, &resp, &err);
    acr_query_response_free(&resp);
    acr_error_clear(&err);
}

/* The server saw the first query under /v1 and the second under /v9. */
static void assert_v1_then_v9(one_server *s)
{
    server_join(s);
    assert_string_equal(s->lines[0], "GET /v1/apps/" APP "/cloud_recording/resourceid/" RID "/sid/" SID
                                     "/mode/individual/query HTTP/1.1");
    assert_string_equal(s->lines[1], "GET /v9/apps/" APP "/cloud_recording/resourceid/" RID "/sid/" SID
                                     "/mode/individual/query HTTP/1.1");
}
/* A descriptor the application made, changed between calls of one client at
 * the same address: the URL follows what it says now (the client keeps the
 * start of each operation's URL). */
static void test_changed_descriptor_same_address(void **state)
{
    (void)state;
    one_server s;
    server_start_n(&s, QUERY_OK, 2);
    acr_client *c = new_client(s.port);
    acr_operation_desc op = acr_query_operation;
    const char *values[] = {APP, RID, SID, "individual"};
    for (int i = 0; i < 2; i++) {
        if (i == 1)
            op.path_template = "/v9/apps/{appid}/cloud_recording/resourceid/{resourceid}/sid/{sid}/mode/{mode}/query";
        query_once(c, &op, values);
    }
    assert_v1_then_v9(&s);
    acr_client_free(c);
}

/* The same, with the path template's text changed in place (one buffer, the
 * same pointer): the kept URL start must not outlive the text it was made from. */
static void test_changed_template_text_same_pointer(void **state)
{
    (void)state;
    one_server s;
    server_start_n(&s, QUERY_OK, 2);
    acr_client *c = new_client(s.port);
    acr_operation_desc op = acr_query_operation;
    char path[128];
    op.path_template = path;
    const char *values[] = {APP, RID, SID, "individual"};
    for (int i = 0; i < 2; i++) {
        int k = snprintf(path, sizeof path, "/v%d/apps/{appid}/cloud_recording/resourceid/{resourceid}/sid/{sid}"
                                            "/mode/{mode}/query", i == 0 ? 1 : 9);
        assert_true(k > 0 && (size_t)k < sizeof path);
        query_once(c, &op, values);
    }
    assert_v1_then_v9(&s);
    acr_client_free(c);
}

/* https through a proxy: the CONNECT carries the same User-Agent as the
 * requests (the proxy's log and rules see acr), not none. The proxy here
 * records the CONNECT and closes: the call fails, its head is what is checked. */
static void test_connect_head_has_user_agent(void **state)
{
    (void)state;
    one_server s;
    server_start(&s, "{}");
    char proxy[64];
    snprintf(proxy, sizeof proxy, "http://127.0.0.1:%d", s.port);
    acr_client_options o;
    memset(&o, 0, sizeof o);
    o.app_id = APP;
    o.customer_id = CUSTOMER_ID;
    o.customer_secret = CUSTOMER_SECRET;
    o.base_url = "https://acr-head.invalid:1"; /* not in the tests' no_proxy: the proxy names it */
    o.proxy = proxy;
    o.retry.disabled = 1;
    o.timeout_ms = 10000;
    acr_client *c = NULL;
    acr_error err = ACR_ERROR_INIT;
    if (acr_client_new(&o, &c, &err) != ACR_OK)
        fail_msg("acr_client_new: %s", err.message);
    acr_query_response resp = ACR_QUERY_RESPONSE_INIT;
    acr_query_params params = {RID, SID, ACR_MODE_INDIVIDUAL};
    assert_int_not_equal(acr_query(c, &params, &resp, &err), ACR_OK);
    server_join(&s);
    s.head[s.head_length] = '\0';
    assert_string_equal(s.lines[0], "CONNECT acr-head.invalid:1 HTTP/1.1");
    const char *ua = strstr(s.head, "\r\nUser-Agent: acr/" ACR_VERSION_STRING "\r\n");
    assert_non_null(ua);
    if (strstr(ua + 3, "User-Agent:")) /* once */
        fail_msg("twice: %s", s.head);
    acr_query_response_free(&resp);
    acr_error_clear(&err);
    acr_client_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_update_head),
        cmocka_unit_test(test_query_head),
        cmocka_unit_test(test_changed_descriptor_same_address),
        cmocka_unit_test(test_changed_template_text_same_pointer),
        cmocka_unit_test(test_connect_head_has_user_agent),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
