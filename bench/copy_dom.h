/* acr benchmarks: copying a parsed document tree (yajl_tree, cJSON, jansson)
 * into the same acr_stop_response struct our typed parser fills, the way a user
 * of such a library would: look up each known key, check its JSON type, copy
 * strings with acr_malloc (parse_release frees them one by one), map enum
 * strings, skip unknown keys. Included once per library, with these defined:
 *
 *   DOM(name)            prefixes the functions' names
 *   DOM_NODE             the node pointer type
 *   DOM_GET(obj, key)    member of an object, or NULL
 *   DOM_IS_OBJECT/ARRAY/STRING/BOOL/NULL(n), DOM_IS_INTEGER(n)
 *   DOM_STR(n), DOM_STRLEN(n), DOM_TRUE(n), DOM_INT(n)
 *   DOM_SIZE(arr)        number of items
 *   DOM_ITER, DOM_ITER_INIT(arr), DOM_ITER_OK(it, arr), DOM_ITER_GET(it, arr),
 *   DOM_ITER_NEXT(it)    walking an array in order
 *
 * Every function returns false on a type error or when out of memory; the
 * struct is freed by the caller either way. */

#define DOM_FOR_EACH(elem, arr) \
    for (DOM_ITER it_ = DOM_ITER_INIT(arr); DOM_ITER_OK(it_, arr) && (((elem) = DOM_ITER_GET(it_, arr)), 1); \
         DOM_ITER_NEXT(it_))

static bool DOM(string)(DOM_NODE n, char **out)
{
    if (!n || DOM_IS_NULL(n))
        return true;
    if (!DOM_IS_STRING(n))
        return false;
    size_t length = DOM_STRLEN(n);
    char *copy = acr_malloc(length + 1);
    if (!copy)
        return false;
    memcpy(copy, DOM_STR(n), length + 1);
    *out = copy;
    return true;
}

static bool DOM(enumeration)(DOM_NODE n, const char *const *values, size_t count, int *out, char **other)
{
    if (!n || DOM_IS_NULL(n))
        return true;
    if (!DOM_IS_STRING(n))
        return false;
    const char *s = DOM_STR(n);
    for (size_t i = 0; i < count; i++) {
        if (strcmp(values[i], s) == 0) {
            *out = (int)i + 1;
            return true;
        }
    }
    *out = (int)count + 1;
    return DOM(string)(n, other);
}

static bool DOM(boolean)(DOM_NODE n, bool *has, bool *out)
{
    if (!n || DOM_IS_NULL(n))
        return true;
    if (!DOM_IS_BOOL(n))
        return false;
    *has = true;
    *out = DOM_TRUE(n);
    return true;
}

static bool DOM(integer)(DOM_NODE n, bool *has, int64_t *out)
{
    if (!n || DOM_IS_NULL(n))
        return true;
    if (!DOM_IS_INTEGER(n))
        return false;
    *has = true;
    *out = DOM_INT(n);
    return true;
}

/* A new array of `count` zeroed items of `size` bytes; false when out of memory. */
static bool DOM(items)(DOM_NODE arr, size_t size, void **items, size_t *count)
{
    size_t n = DOM_SIZE(arr);
    *items = acr_malloc((n ? n : 1) * size);
    if (!*items)
        return false;
    memset(*items, 0, (n ? n : 1) * size);
    *count = n;
    return true;
}

static const char *const DOM(uploading_values)[] = {"uploaded", "backuped", "unknown"};
static const char *const DOM(service_values)[] = {"upload_service", "web_recorder_service"};
static const char *const DOM(state_values)[] = {"init", "inProgress", "exit"};
static const char *const DOM(mode_values)[] = {"string", "json"};
static const char *const DOM(track_values)[] = {"audio", "video", "audio_and_video"};

static bool DOM(web_file)(DOM_NODE n, acr_web_file_entry *out)
{
    if (!DOM_IS_OBJECT(n))
        return false;
    return DOM(string)(DOM_GET(n, "filename"), &out->filename) &&
           DOM(integer)(DOM_GET(n, "sliceStartTime"), &out->has_slice_start_time, &out->slice_start_time);
}

static bool DOM(payload)(DOM_NODE n, acr_extension_payload *out)
{
    if (!DOM_IS_OBJECT(n))
        return false;
    if (!DOM(enumeration)(DOM_GET(n, "uploadingStatus"), DOM(uploading_values), 3, (int *)&out->uploading_status,
                          &out->uploading_status_other))
        return false;
    DOM_NODE files = DOM_GET(n, "fileList");
    if (files && !DOM_IS_NULL(files)) {
        if (!DOM_IS_ARRAY(files) || !DOM(items)(files, sizeof *out->file_list, (void **)&out->file_list,
                                                &out->file_list_count))
            return false;
        size_t i = 0;
        DOM_NODE item;
        DOM_FOR_EACH(item, files)
        {
            if (!DOM(web_file)(item, &out->file_list[i++]))
                return false;
        }
    }
    return DOM(boolean)(DOM_GET(n, "onhold"), &out->has_onhold, &out->onhold) &&
           DOM(enumeration)(DOM_GET(n, "state"), DOM(state_values), 3, (int *)&out->state, &out->state_other);
}

static bool DOM(service_state)(DOM_NODE n, acr_extension_service_state *out)
{
    if (!DOM_IS_OBJECT(n))
        return false;
    if (!DOM(enumeration)(DOM_GET(n, "serviceName"), DOM(service_values), 2, (int *)&out->service_name,
                          &out->service_name_other))
        return false;
    DOM_NODE payload = DOM_GET(n, "payload");
    if (payload && !DOM_IS_NULL(payload)) {
        out->has_payload = true;
        return DOM(payload)(payload, &out->payload);
    }
    return true;
}

static bool DOM(file_entry)(DOM_NODE n, acr_file_entry *out)
{
    if (!DOM_IS_OBJECT(n))
        return false;
    return DOM(string)(DOM_GET(n, "fileName"), &out->file_name) &&
           DOM(enumeration)(DOM_GET(n, "trackType"), DOM(track_values), 3, (int *)&out->track_type,
                            &out->track_type_other) &&
           DOM(string)(DOM_GET(n, "uid"), &out->uid) &&
           DOM(boolean)(DOM_GET(n, "mixedAllUser"), &out->has_mixed_all_user, &out->mixed_all_user) &&
           DOM(boolean)(DOM_GET(n, "isPlayable"), &out->has_is_playable, &out->is_playable) &&
           DOM(integer)(DOM_GET(n, "sliceStartTime"), &out->has_slice_start_time, &out->slice_start_time);
}

static bool DOM(server_response)(DOM_NODE n, acr_server_response *out)
{
    if (!DOM_IS_OBJECT(n))
        return false;
    DOM_NODE states = DOM_GET(n, "extensionServiceState");
    if (states && !DOM_IS_NULL(states)) {
        if (!DOM_IS_ARRAY(states) ||
            !DOM(items)(states, sizeof *out->extension_service_state, (void **)&out->extension_service_state,
                        &out->extension_service_state_count))
            return false;
        size_t i = 0;
        DOM_NODE item;
        DOM_FOR_EACH(item, states)
        {
            if (!DOM(service_state)(item, &out->extension_service_state[i++]))
                return false;
        }
    }
    if (!DOM(enumeration)(DOM_GET(n, "uploadingStatus"), DOM(uploading_values), 3, (int *)&out->uploading_status,
                          &out->uploading_status_other) ||
        !DOM(enumeration)(DOM_GET(n, "fileListMode"), DOM(mode_values), 2, (int *)&out->file_list_mode,
                          &out->file_list_mode_other))
        return false;
    DOM_NODE files = DOM_GET(n, "fileList");
    if (files && DOM_IS_STRING(files))
        return DOM(string)(files, &out->file_list);
    if (files && !DOM_IS_NULL(files)) {
        if (!DOM_IS_ARRAY(files) || !DOM(items)(files, sizeof *out->file_list_items, (void **)&out->file_list_items,
                                                &out->file_list_count))
            return false;
        size_t i = 0;
        DOM_NODE item;
        DOM_FOR_EACH(item, files)
        {
            if (!DOM(file_entry)(item, &out->file_list_items[i++]))
                return false;
        }
    }
    return true;
}

static bool DOM(stop_response)(DOM_NODE n, acr_stop_response *out)
{
    if (!n || !DOM_IS_OBJECT(n))
        return false;
    if (!DOM(string)(DOM_GET(n, "cname"), &out->cname) || !DOM(string)(DOM_GET(n, "uid"), &out->uid) ||
        !DOM(string)(DOM_GET(n, "resourceId"), &out->resource_id) || !DOM(string)(DOM_GET(n, "sid"), &out->sid))
        return false;
    DOM_NODE server = DOM_GET(n, "serverResponse");
    if (server && !DOM_IS_NULL(server)) {
        out->has_server_response = true;
        return DOM(server_response)(server, &out->server_response);
    }
    return true;
}

#undef DOM_FOR_EACH
