/* acr benchmarks: our typed parser and serializer, and their peers. */
#include "contenders.h"

#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>
#include <jansson.h>
#include <yajl/yajl_gen.h>
#include <yajl/yajl_parse.h>
#include <yajl/yajl_tree.h>

static bool counting_hooks;
static yajl_alloc_funcs bench_yajl_funcs = {bench_ctx_malloc, bench_ctx_realloc, bench_ctx_free, NULL};

void contenders_use_counting_hooks(bool on)
{
    counting_hooks = on;
    acr_set_allocator(on ? &bench_acr_allocator : NULL);
    if (on) {
        cJSON_Hooks hooks = {bench_malloc, bench_free};
        cJSON_InitHooks(&hooks);
        json_set_alloc_funcs(bench_malloc, bench_free);
    } else {
        cJSON_InitHooks(NULL);
        json_set_alloc_funcs(malloc, free);
    }
}

/* --- ours: the typed streaming parse --- */

static bool parse_ours(const bench_input *in, acr_stop_response *out)
{
    acr_error err = ACR_ERROR_INIT;
    acr_status status = acr_stop_response_parse(in->data, in->length, out, &err);
    acr_error_clear(&err);
    return status == ACR_OK;
}

/* --- the floor: yajl tokenizing with callbacks that do nothing --- */

static int null_cb(void *ctx) { (void)ctx; return 1; }
static int bool_cb(void *ctx, int v) { (void)ctx; (void)v; return 1; }
static int number_cb(void *ctx, const char *s, size_t n) { (void)ctx; (void)s; (void)n; return 1; }
static int string_cb(void *ctx, const unsigned char *s, size_t n) { (void)ctx; (void)s; (void)n; return 1; }
static int map_cb(void *ctx) { (void)ctx; return 1; }

/* The same callback slots ours sets: numbers as text, strings, keys, containers. */
static const yajl_callbacks empty_callbacks = {
    null_cb, bool_cb, NULL, NULL, number_cb, string_cb, map_cb, string_cb, map_cb, map_cb, map_cb,
};

static bool parse_yajl_floor(const bench_input *in, acr_stop_response *out)
{
    (void)out;
    yajl_handle h = yajl_alloc(&empty_callbacks, counting_hooks ? &bench_yajl_funcs : NULL, NULL);
    if (!h)
        return false;
    bool ok = yajl_parse(h, (const unsigned char *)in->data, in->length) == yajl_status_ok &&
              yajl_complete_parse(h) == yajl_status_ok;
    yajl_free(h);
    return ok;
}

/* --- yajl_tree, then copy --- */

static yajl_val ytree_get(yajl_val obj, const char *key)
{
    for (size_t i = 0; i < obj->u.object.len; i++)
        if (strcmp(obj->u.object.keys[i], key) == 0)
            return obj->u.object.values[i];
    return NULL;
}

#define DOM(name) ytree_##name
#define DOM_NODE yajl_val
#define DOM_GET(obj, key) ytree_get(obj, key)
#define DOM_IS_OBJECT(n) YAJL_IS_OBJECT(n)
#define DOM_IS_ARRAY(n) YAJL_IS_ARRAY(n)
#define DOM_IS_STRING(n) YAJL_IS_STRING(n)
#define DOM_IS_BOOL(n) (YAJL_IS_TRUE(n) || YAJL_IS_FALSE(n))
#define DOM_IS_NULL(n) YAJL_IS_NULL(n)
#define DOM_IS_INTEGER(n) YAJL_IS_INTEGER(n)
#define DOM_STR(n) ((n)->u.string)
#define DOM_STRLEN(n) strlen((n)->u.string)
#define DOM_TRUE(n) YAJL_IS_TRUE(n)
#define DOM_INT(n) ((int64_t)YAJL_GET_INTEGER(n))
#define DOM_SIZE(arr) ((arr)->u.array.len)
#define DOM_ITER size_t
#define DOM_ITER_INIT(arr) 0
#define DOM_ITER_OK(it, arr) ((it) < (arr)->u.array.len)
#define DOM_ITER_GET(it, arr) ((arr)->u.array.values[it])
#define DOM_ITER_NEXT(it) ((it)++)
#include "copy_dom.h"
#undef DOM
#undef DOM_NODE
#undef DOM_GET
#undef DOM_IS_OBJECT
#undef DOM_IS_ARRAY
#undef DOM_IS_STRING
#undef DOM_IS_BOOL
#undef DOM_IS_NULL
#undef DOM_IS_INTEGER
#undef DOM_STR
#undef DOM_STRLEN
#undef DOM_TRUE
#undef DOM_INT
#undef DOM_SIZE
#undef DOM_ITER
#undef DOM_ITER_INIT
#undef DOM_ITER_OK
#undef DOM_ITER_GET
#undef DOM_ITER_NEXT

static bool parse_yajl_tree(const bench_input *in, acr_stop_response *out)
{
    /* yajl_tree_parse wants NUL-terminated text; it allocates with malloc,
     * not through yajl_alloc_funcs, so the interposed malloc counts it. */
    yajl_val root = yajl_tree_parse(in->data, NULL, 0);
    bool ok = root && ytree_stop_response(root, out);
    yajl_tree_free(root);
    return ok;
}

/* --- cJSON, then copy --- */

static bool cjson_is_integer(const cJSON *n)
{
    if (!cJSON_IsNumber(n))
        return false;
    double d = n->valuedouble;
    return d >= -9007199254740992.0 && d <= 9007199254740992.0 && (double)(int64_t)d == d;
}

#define DOM(name) cjson_##name
#define DOM_NODE const cJSON *
#define DOM_GET(obj, key) cJSON_GetObjectItemCaseSensitive(obj, key)
#define DOM_IS_OBJECT(n) cJSON_IsObject(n)
#define DOM_IS_ARRAY(n) cJSON_IsArray(n)
#define DOM_IS_STRING(n) cJSON_IsString(n)
#define DOM_IS_BOOL(n) cJSON_IsBool(n)
#define DOM_IS_NULL(n) cJSON_IsNull(n)
#define DOM_IS_INTEGER(n) cjson_is_integer(n)
#define DOM_STR(n) ((n)->valuestring)
#define DOM_STRLEN(n) strlen((n)->valuestring)
#define DOM_TRUE(n) cJSON_IsTrue(n)
#define DOM_INT(n) ((int64_t)(n)->valuedouble)
#define DOM_SIZE(arr) ((size_t)cJSON_GetArraySize(arr))
#define DOM_ITER const cJSON *
#define DOM_ITER_INIT(arr) ((arr)->child)
#define DOM_ITER_OK(it, arr) ((it) != NULL)
#define DOM_ITER_GET(it, arr) (it)
#define DOM_ITER_NEXT(it) ((it) = (it)->next)
#include "copy_dom.h"
#undef DOM
#undef DOM_NODE
#undef DOM_GET
#undef DOM_IS_OBJECT
#undef DOM_IS_ARRAY
#undef DOM_IS_STRING
#undef DOM_IS_BOOL
#undef DOM_IS_NULL
#undef DOM_IS_INTEGER
#undef DOM_STR
#undef DOM_STRLEN
#undef DOM_TRUE
#undef DOM_INT
#undef DOM_SIZE
#undef DOM_ITER
#undef DOM_ITER_INIT
#undef DOM_ITER_OK
#undef DOM_ITER_GET
#undef DOM_ITER_NEXT

static bool parse_cjson(const bench_input *in, acr_stop_response *out)
{
    cJSON *root = cJSON_ParseWithLength(in->data, in->length);
    bool ok = root && cjson_stop_response(root, out);
    cJSON_Delete(root);
    return ok;
}

/* --- jansson, then copy --- */

#define DOM(name) jansson_##name
#define DOM_NODE json_t *
#define DOM_GET(obj, key) json_object_get(obj, key)
#define DOM_IS_OBJECT(n) json_is_object(n)
#define DOM_IS_ARRAY(n) json_is_array(n)
#define DOM_IS_STRING(n) json_is_string(n)
#define DOM_IS_BOOL(n) json_is_boolean(n)
#define DOM_IS_NULL(n) json_is_null(n)
#define DOM_IS_INTEGER(n) json_is_integer(n)
#define DOM_STR(n) json_string_value(n)
#define DOM_STRLEN(n) json_string_length(n)
#define DOM_TRUE(n) json_is_true(n)
#define DOM_INT(n) ((int64_t)json_integer_value(n))
#define DOM_SIZE(arr) json_array_size(arr)
#define DOM_ITER size_t
#define DOM_ITER_INIT(arr) 0
#define DOM_ITER_OK(it, arr) ((it) < json_array_size(arr))
#define DOM_ITER_GET(it, arr) json_array_get(arr, it)
#define DOM_ITER_NEXT(it) ((it)++)
#include "copy_dom.h"

static bool parse_jansson(const bench_input *in, acr_stop_response *out)
{
    json_error_t error;
    json_t *root = json_loadb(in->data, in->length, 0, &error);
    bool ok = root && jansson_stop_response(root, out);
    json_decref(root);
    return ok;
}

const parse_contender parse_contenders[PARSE_COUNT] = {
    [PARSE_OURS] = {"acr typed parse", parse_ours, true},
    [PARSE_YAJL_FLOOR] = {"yajl tokens only (floor)", parse_yajl_floor, false},
    [PARSE_YAJL_TREE] = {"yajl_tree + copy", parse_yajl_tree, true},
    [PARSE_CJSON] = {"cJSON + copy", parse_cjson, true},
    [PARSE_JANSSON] = {"jansson + copy", parse_jansson, true},
};

/* --- serializing the largest update request --- */

static bool run_validate(const acr_update_request *req, serialize_result *out)
{
    (void)out;
    acr_error err = ACR_ERROR_INIT;
    acr_status status = acr_update_request_validate(req, ACR_MODE_INDIVIDUAL, &err);
    acr_error_clear(&err);
    return status == ACR_OK;
}

static bool run_ours(const acr_update_request *req, serialize_result *out)
{
    acr_error err = ACR_ERROR_INIT;
    acr_status status = acr_update_request_to_json(req, &out->json, &out->length, &err);
    acr_error_clear(&err);
    return status == ACR_OK;
}

static bool run_ours_validated(const acr_update_request *req, serialize_result *out)
{
    return run_validate(req, out) && run_ours(req, out);
}

/* The floor: the same document written by hand-coded yajl_gen calls. */
#define G_KEY(g, k) yajl_gen_string(g, (const unsigned char *)(k), sizeof(k) - 1)
static void g_str(yajl_gen g, const char *s) { yajl_gen_string(g, (const unsigned char *)s, strlen(s)); }
static void g_list(yajl_gen g, const char *const *items, size_t n)
{
    yajl_gen_array_open(g);
    for (size_t i = 0; i < n; i++)
        g_str(g, items[i]);
    yajl_gen_array_close(g);
}

static bool run_yajl_gen(const acr_update_request *req, serialize_result *out)
{
    yajl_gen g = yajl_gen_alloc(counting_hooks ? &bench_yajl_funcs : NULL);
    if (!g)
        return false;
    yajl_gen_config(g, yajl_gen_validate_utf8, 1);
    const acr_update_client_request *cr = &req->client_request;
    const acr_storage_config *sc = &cr->storage_config;
    yajl_gen_map_open(g);
    G_KEY(g, "cname");
    g_str(g, req->cname);
    G_KEY(g, "uid");
    g_str(g, req->uid);
    G_KEY(g, "clientRequest");
    yajl_gen_map_open(g);
    G_KEY(g, "streamSubscribe");
    yajl_gen_map_open(g);
    G_KEY(g, "audioUidList");
    yajl_gen_map_open(g);
    G_KEY(g, "subscribeAudioUids");
    g_list(g, cr->stream_subscribe.audio_uid_list.subscribe_audio_uids,
           cr->stream_subscribe.audio_uid_list.subscribe_audio_uids_count);
    yajl_gen_map_close(g);
    G_KEY(g, "videoUidList");
    yajl_gen_map_open(g);
    G_KEY(g, "unsubscribeVideoUids");
    g_list(g, cr->stream_subscribe.video_uid_list.unsubscribe_video_uids,
           cr->stream_subscribe.video_uid_list.unsubscribe_video_uids_count);
    yajl_gen_map_close(g);
    yajl_gen_map_close(g);
    G_KEY(g, "storageConfig");
    yajl_gen_map_open(g);
    G_KEY(g, "vendor");
    yajl_gen_integer(g, sc->vendor);
    G_KEY(g, "region");
    yajl_gen_integer(g, sc->region);
    G_KEY(g, "bucket");
    g_str(g, sc->bucket);
    G_KEY(g, "accessKey");
    g_str(g, sc->access_key);
    G_KEY(g, "secretKey");
    g_str(g, sc->secret_key);
    G_KEY(g, "stsToken");
    g_str(g, sc->sts_token);
    G_KEY(g, "stsExpiration");
    yajl_gen_integer(g, (long long)sc->sts_expiration);
    G_KEY(g, "fileNamePrefix");
    g_list(g, sc->file_name_prefix, sc->file_name_prefix_count);
    G_KEY(g, "extensionParams");
    yajl_gen_map_open(g);
    G_KEY(g, "sse");
    g_str(g, "kms");
    G_KEY(g, "tag");
    g_str(g, sc->extension_params.tag);
    G_KEY(g, "endpoint");
    g_str(g, sc->extension_params.endpoint);
    yajl_gen_map_close(g);
    yajl_gen_map_close(g);
    yajl_gen_map_close(g);
    yajl_gen_map_close(g);
    const unsigned char *buf;
    size_t len;
    bool ok = yajl_gen_get_buf(g, &buf, &len) == yajl_gen_status_ok;
    if (ok) {
        /* Hand the text out, as the others do: the generator is freed now. */
        out->json = counting_hooks ? bench_malloc(len + 1) : malloc(len + 1);
        ok = out->json != NULL;
        if (ok) {
            memcpy(out->json, buf, len);
            out->json[len] = '\0';
            out->length = len;
        }
    }
    yajl_gen_free(g);
    return ok;
}

/* cJSON: build the same tree, print it unformatted, delete the tree. */
static cJSON *cjson_list(const char *const *items, size_t n)
{
    cJSON *a = cJSON_CreateArray();
    for (size_t i = 0; a && i < n; i++)
        cJSON_AddItemToArray(a, cJSON_CreateString(items[i]));
    return a;
}

static bool run_cjson(const acr_update_request *req, serialize_result *out)
{
    const acr_update_client_request *cr = &req->client_request;
    const acr_storage_config *sc = &cr->storage_config;
    cJSON *root = cJSON_CreateObject();
    cJSON_AddStringToObject(root, "cname", req->cname);
    cJSON_AddStringToObject(root, "uid", req->uid);
    cJSON *client = cJSON_AddObjectToObject(root, "clientRequest");
    cJSON *subscribe = cJSON_AddObjectToObject(client, "streamSubscribe");
    cJSON *audio = cJSON_AddObjectToObject(subscribe, "audioUidList");
    cJSON_AddItemToObject(audio, "subscribeAudioUids",
                          cjson_list(cr->stream_subscribe.audio_uid_list.subscribe_audio_uids,
                                     cr->stream_subscribe.audio_uid_list.subscribe_audio_uids_count));
    cJSON *video = cJSON_AddObjectToObject(subscribe, "videoUidList");
    cJSON_AddItemToObject(video, "unsubscribeVideoUids",
                          cjson_list(cr->stream_subscribe.video_uid_list.unsubscribe_video_uids,
                                     cr->stream_subscribe.video_uid_list.unsubscribe_video_uids_count));
    cJSON *storage = cJSON_AddObjectToObject(client, "storageConfig");
    cJSON_AddNumberToObject(storage, "vendor", (double)sc->vendor);
    cJSON_AddNumberToObject(storage, "region", (double)sc->region);
    cJSON_AddStringToObject(storage, "bucket", sc->bucket);
    cJSON_AddStringToObject(storage, "accessKey", sc->access_key);
    cJSON_AddStringToObject(storage, "secretKey", sc->secret_key);
    cJSON_AddStringToObject(storage, "stsToken", sc->sts_token);
    cJSON_AddNumberToObject(storage, "stsExpiration", (double)sc->sts_expiration);
    cJSON_AddItemToObject(storage, "fileNamePrefix", cjson_list(sc->file_name_prefix, sc->file_name_prefix_count));
    cJSON *ext = cJSON_AddObjectToObject(storage, "extensionParams");
    cJSON_AddStringToObject(ext, "sse", "kms");
    cJSON_AddStringToObject(ext, "tag", sc->extension_params.tag);
    cJSON_AddStringToObject(ext, "endpoint", sc->extension_params.endpoint);
    out->json = cJSON_PrintUnformatted(root);
    out->length = out->json ? strlen(out->json) : 0;
    cJSON_Delete(root);
    return out->json != NULL;
}

const serialize_contender serialize_contenders[SER_COUNT] = {
    [SER_VALIDATE] = {"acr validate", run_validate, false},
    [SER_OURS] = {"acr to_json", run_ours, true},
    [SER_OURS_VALIDATED] = {"acr validate + to_json", run_ours_validated, true},
    [SER_YAJL_GEN] = {"yajl_gen by hand (floor)", run_yajl_gen, true},
    [SER_CJSON] = {"cJSON build + PrintUnformatted", run_cjson, true},
};

void serialize_release(int which, serialize_result *r)
{
    if (!r->json)
        return;
    if (which == SER_CJSON)
        cJSON_free(r->json);
    else if (which == SER_YAJL_GEN)
        counting_hooks ? bench_free(r->json) : free(r->json);
    else
        acr_free(r->json);
    r->json = NULL;
}

/* --- releasing the structs the copies filled: one acr_malloc per string and
 * per array, walked by the descriptor tables --- */

static void release_copied_object(const acr_object_desc *desc, void *base);

static void release_copied_items(const acr_value_desc *array, void *items, size_t count)
{
    for (size_t i = 0; items && i < count; i++) {
        void *slot = (char *)items + i * array->item_size;
        if (array->items->kind == ACR_KIND_STRING)
            acr_free(*(char **)slot);
        else if (array->items->kind == ACR_KIND_OBJECT)
            release_copied_object(array->items->object, slot);
    }
    acr_free(items);
}

static void release_copied_object(const acr_object_desc *desc, void *base)
{
    char *b = base;
    for (size_t i = 0; i < desc->field_count; i++) {
        const acr_field_desc *f = &desc->fields[i];
        switch (f->value->kind) {
        case ACR_KIND_STRING:
            acr_free(*(char **)(void *)(b + f->offset));
            break;
        case ACR_KIND_ENUM:
            acr_free(*(char **)(void *)(b + f->presence));
            break;
        case ACR_KIND_OBJECT:
            release_copied_object(f->value->object, b + f->offset);
            break;
        case ACR_KIND_ARRAY:
            release_copied_items(f->value, *(void **)(void *)(b + f->offset), *(size_t *)(void *)(b + f->presence));
            break;
        case ACR_KIND_STRING_OR_ARRAY:
            acr_free(*(char **)(void *)(b + f->offset));
            release_copied_items(f->value, *(void **)(void *)(b + f->presence),
                                 *(size_t *)(void *)(b + f->count_offset));
            break;
        default:
            break;
        }
    }
    memset(base, 0, desc->size);
}

void parse_release(int which, acr_stop_response *out)
{
    if (which == PARSE_OURS)
        acr_stop_response_free(out);
    else
        release_copied_object(acr_stop_response_type.object, out);
}
