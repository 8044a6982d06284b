/* The recorded files of a stop or query response (acr/files.h). Built into
 * libacr with the generated code, not into the schema-independent engine: it
 * reads the Cloud Recording response structs directly. */
#include "acr/files.h"

#include <string.h>

enum { PHASE_NAME, PHASE_ENTRIES, PHASE_WEB, PHASE_DONE };

static bool ascii_equal_nocase(const char *a, const char *b)
{
    for (; *a && *b; a++, b++) {
        char x = (*a >= 'A' && *a <= 'Z') ? (char)(*a - 'A' + 'a') : *a;
        if (x != *b)
            return false;
    }
    return *a == *b;
}

acr_file_kind acr_file_kind_of(const char *name)
{
    static const struct {
        const char *extension;
        acr_file_kind kind;
    } kinds[] = {
        {"m3u8", ACR_FILE_KIND_M3U8}, {"ts", ACR_FILE_KIND_TS},   {"mp4", ACR_FILE_KIND_MP4},
        {"webm", ACR_FILE_KIND_WEBM}, {"aac", ACR_FILE_KIND_AAC}, {"jpg", ACR_FILE_KIND_JPG},
        {"jpeg", ACR_FILE_KIND_JPG},
    };
    const char *dot = name ? strrchr(name, '.') : NULL;
    /* A dot inside a folder name ("a.b/file") is no extension. */
    if (!dot || strchr(dot, '/'))
        return ACR_FILE_KIND_OTHER;
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        if (ascii_equal_nocase(dot + 1, kinds[i].extension))
            return kinds[i].kind;
    return ACR_FILE_KIND_OTHER;
}

const char *acr_file_kind_name(acr_file_kind kind)
{
    switch (kind) {
    case ACR_FILE_KIND_M3U8: return "m3u8";
    case ACR_FILE_KIND_TS: return "ts";
    case ACR_FILE_KIND_MP4: return "mp4";
    case ACR_FILE_KIND_WEBM: return "webm";
    case ACR_FILE_KIND_AAC: return "aac";
    case ACR_FILE_KIND_JPG: return "jpg";
    case ACR_FILE_KIND_OTHER: break;
    }
    return "other";
}

void acr_files_of_stop(acr_file_iter *it, const acr_stop_response *response)
{
    memset(it, 0, sizeof *it);
    if (response && response->has_server_response)
        it->stop = &response->server_response;
    else
        it->phase = PHASE_DONE;
}

void acr_files_of_query(acr_file_iter *it, const acr_query_response *response)
{
    memset(it, 0, sizeof *it);
    if (response && response->has_server_response)
        it->query = &response->server_response;
    else
        it->phase = PHASE_DONE;
}

static void start_file(acr_file *file, const char *name, acr_file_source source)
{
    memset(file, 0, sizeof *file);
    file->name = name;
    file->kind = acr_file_kind_of(name);
    file->source = source;
}

static void from_entry(acr_file *file, const acr_file_entry *entry)
{
    start_file(file, entry->file_name, ACR_FILE_SOURCE_ENTRY);
    file->track_type = entry->track_type;
    file->track_type_other = entry->track_type == ACR_TRACK_TYPE_OTHER ? entry->track_type_other : NULL;
    file->uid = entry->uid;
    file->has_slice_start_time = entry->has_slice_start_time;
    file->slice_start_time = entry->slice_start_time; /* seconds already */
    file->has_is_playable = entry->has_is_playable;
    file->is_playable = entry->is_playable;
}

static void from_web_entry(acr_file *file, const acr_web_file_entry *entry)
{
    start_file(file, entry->filename, ACR_FILE_SOURCE_WEB);
    file->has_slice_start_time = entry->has_slice_start_time;
    file->slice_start_time = entry->slice_start_time;
}

/* Extension service state i's web file list: false when there is no state i
 * (the walk is over); a state without a list gives count 0. */
static bool web_list(const acr_file_iter *it, size_t i, const acr_web_file_entry **list, size_t *count)
{
    *list = NULL;
    *count = 0;
    if (it->stop) {
        if (i >= it->stop->extension_service_state_count || !it->stop->extension_service_state)
            return false;
        const acr_extension_service_state *state = &it->stop->extension_service_state[i];
        if (state->has_payload && state->payload.file_list) {
            *list = state->payload.file_list;
            *count = state->payload.file_list_count;
        }
        return true;
    }
    if (i >= it->query->extension_service_state_count || !it->query->extension_service_state)
        return false;
    const acr_query_extension_service_state *state = &it->query->extension_service_state[i];
    if (state->has_payload && state->payload.file_list) {
        *list = state->payload.file_list;
        *count = state->payload.file_list_count;
    }
    return true;
}

bool acr_files_next(acr_file_iter *it, acr_file *file)
{
    const char *name = it->stop ? it->stop->file_list : it->query ? it->query->file_list : NULL;
    const acr_file_entry *entries = it->stop ? it->stop->file_list_items : it->query ? it->query->file_list_items : NULL;
    size_t entry_count = it->stop ? it->stop->file_list_count : it->query ? it->query->file_list_count : 0;
    if (!it->stop && !it->query)
        return false;
    while (it->phase != PHASE_DONE) {
        switch (it->phase) {
        case PHASE_NAME:
            it->phase = PHASE_ENTRIES;
            if (name && *name) {
                start_file(file, name, ACR_FILE_SOURCE_NAME);
                /* Only query says when: the recording's start, in milliseconds. */
                if (it->query && it->query->has_slice_start_time) {
                    file->has_slice_start_time = true;
                    file->slice_start_time = it->query->slice_start_time / 1000;
                }
                return true;
            }
            break;
        case PHASE_ENTRIES:
            if (!entries || it->index >= entry_count) {
                it->phase = PHASE_WEB;
                it->index = 0;
                break;
            }
            if (entries[it->index].file_name) {
                from_entry(file, &entries[it->index++]);
                return true;
            }
            it->index++; /* an entry without a name cannot be used */
            break;
        case PHASE_WEB: {
            const acr_web_file_entry *list;
            size_t count;
            if (!web_list(it, it->index, &list, &count)) {
                it->phase = PHASE_DONE;
                break;
            }
            if (it->web_index >= count) {
                it->index++;
                it->web_index = 0;
                break;
            }
            const acr_web_file_entry *entry = &list[it->web_index++];
            if (entry->filename) {
                from_web_entry(file, entry);
                return true;
            }
            break;
        }
        default:
            it->phase = PHASE_DONE;
            break;
        }
    }
    return false;
}
