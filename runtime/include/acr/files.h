/** @file
 * acr: every recorded file of a stop or query response, in one loop.
 *
 * The service lists files in three shapes: serverResponse.fileList as one M3U8
 * name (fileListMode "string"), as an array of file entries (fileListMode
 * "json"), and, in web mode, serverResponse.extensionServiceState[].payload.fileList.
 * acr_files_next() walks all of them in that order and gives each as one
 * acr_file:
 *
 *     acr_file_iter it;
 *     acr_file file;
 *     acr_files_of_stop(&it, &stop_response);
 *     while (acr_files_next(&it, &file))
 *         printf("%s (%s)\n", file.name, acr_file_kind_name(file.kind));
 *
 * This is the one place of the library that interprets the file lists, so it
 * names the generated response types of the Cloud Recording schema
 * (acr_stop_response, acr_query_response in acr_api.h) rather than walking the
 * tables: include it after, or instead of, acr_api.h. Code generated from
 * another schema does not use it.
 *
 * Ownership: everything an acr_file points to is borrowed from the response,
 * valid until the response is freed (acr_stop_response_free,
 * acr_query_response_free). The iterator allocates nothing, so it needs no
 * cleanup, and it never changes the response.
 *
 * Threads: an iterator belongs to one thread; several may walk the same
 * response at once (they only read it). */
#ifndef ACR_FILES_H
#define ACR_FILES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "acr/export.h"
#include "acr_api.h"

#ifdef __cplusplus
extern "C" {
#endif

/** What a file holds, from its name's extension (case-insensitive). */
typedef enum acr_file_kind {
    ACR_FILE_KIND_OTHER = 0, /**< an extension not listed here, or none */
    ACR_FILE_KIND_M3U8,      /**< ".m3u8": an HLS playlist */
    ACR_FILE_KIND_TS,        /**< ".ts": an HLS segment */
    ACR_FILE_KIND_MP4,       /**< ".mp4" */
    ACR_FILE_KIND_WEBM,      /**< ".webm" */
    ACR_FILE_KIND_AAC,       /**< ".aac" */
    ACR_FILE_KIND_JPG        /**< ".jpg" or ".jpeg": a screenshot */
} acr_file_kind;

/** Which shape of the response a file came from. */
typedef enum acr_file_source {
    ACR_FILE_SOURCE_NAME = 1, /**< serverResponse.fileList as a string (one M3U8 name) */
    ACR_FILE_SOURCE_ENTRY,    /**< an entry of serverResponse.fileList as an array */
    ACR_FILE_SOURCE_WEB       /**< extensionServiceState[].payload.fileList (web mode) */
} acr_file_source;

/** One recorded file. Every pointer is borrowed from the response. */
typedef struct acr_file {
    /** The file name (never NULL: entries without one are skipped). */
    const char *name;
    /** From the name's extension. */
    acr_file_kind kind;
    /** Where in the response the file was listed. */
    acr_file_source source;
    /** Audio, video or both, when the entry says (ACR_TRACK_TYPE_UNSET otherwise). */
    acr_track_type track_type;
    /** The raw text when track_type is ACR_TRACK_TYPE_OTHER; otherwise NULL. */
    const char *track_type_other;
    /** The UID whose streams the file holds ("0" in composite mode); NULL when not said. */
    const char *uid;
    /** whether `slice_start_time` is known */
    bool has_slice_start_time;
    /** When the file's recording began, Unix time in seconds. The file entries
     * give seconds; query's serverResponse.sliceStartTime, used for the string
     * shape, is in milliseconds and is divided by 1000 here. */
    int64_t slice_start_time;
    /** whether `is_playable` is known (only file entries say) */
    bool has_is_playable;
    /** Whether the file can be played online. */
    bool is_playable;
} acr_file;

/** The state of a walk. Its members are private: start it with acr_files_of_stop
 * or acr_files_of_query, then call acr_files_next. */
typedef struct acr_file_iter {
    const acr_server_response *stop;        /* one of stop and query is set */
    const acr_query_server_response *query;
    unsigned phase;                         /* 0 name, 1 entries, 2 web lists, 3 done */
    size_t index;                           /* entry, or extension service state */
    size_t web_index;                       /* file of that state's list */
} acr_file_iter;

/** Starts a walk over the files of a stop response (NULL or without a
 * serverResponse: no files). */
ACR_API void acr_files_of_stop(acr_file_iter *it, const acr_stop_response *response);

/** Starts a walk over the files of a query response (NULL or without a
 * serverResponse: no files). */
ACR_API void acr_files_of_query(acr_file_iter *it, const acr_query_response *response);

/** Fills *file with the next file and returns true, or returns false when
 * there is none left (and keeps returning false). */
ACR_API bool acr_files_next(acr_file_iter *it, acr_file *file);

/** The kind of a file name, from its extension (case-insensitive); NULL: OTHER. */
ACR_API acr_file_kind acr_file_kind_of(const char *name);

/** "m3u8", "ts", "mp4", "webm", "aac", "jpg", or "other". */
ACR_API const char *acr_file_kind_name(acr_file_kind kind);

#ifdef __cplusplus
}
#endif

#endif
