/** @file
 * Generated from schema/cloud_recording.json by codegen/acrgen. Do not edit: change the
 * schema and regenerate (see README.md).
 *
 * Agora Cloud Recording: update and stop (schema version 1.0.0).
 *
 * Ownership: request structs are built by the caller, who owns every pointer in
 * them; the library never copies, keeps or frees them, except for structs filled
 * by a *_parse function, which are library-owned and released with *_free.
 * Response structs are always library-owned: *_free releases everything and
 * zeroes the struct, so a zeroed struct may be freed, and freeing twice is safe.
 * Presence: optional scalars and objects carry a has_ flag (0 is a real value;
 * a required object member has none: it is always part of its struct),
 * strings are NULL when absent, arrays are a pointer (NULL when absent) and a
 * count, enums are 0 (*_UNSET) when absent. */
#ifndef ACR_API_H
#define ACR_API_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "acr/alloc.h"
#include "acr/client.h"
#include "acr/engine.h"
#include "acr/export.h"
#include "acr/version.h"

#if ACR_TABLES_VERSION != 1
#error "acr_api.h was generated for table format 1; regenerate it for this runtime"
#endif

#ifdef __cplusplus
extern "C" {
#endif

/** The `mode` path parameter. ACR_MODE_ANY tells a validator to skip the rules
 * that depend on the mode. */
typedef enum acr_mode {
    ACR_MODE_ANY = 0,
    ACR_MODE_INDIVIDUAL = 1, /**< "individual" */
    ACR_MODE_MIX = 2, /**< "mix" */
    ACR_MODE_WEB = 3 /**< "web" */
} acr_mode;

/** Parses a mode's text ("individual", "mix", "web"; case-sensitive). Returns false for
 * anything else, leaving *mode alone. */
ACR_API bool acr_mode_parse(const char *text, acr_mode *mode);

/** The text of a mode; NULL for ACR_MODE_ANY or an unknown value. */
ACR_API const char *acr_mode_name(acr_mode mode);

/** Named values of integer enums. */
#define ACR_VENDOR_AMAZON_S3 1
#define ACR_VENDOR_ALIBABA_CLOUD 2
#define ACR_VENDOR_TENCENT_CLOUD 3
#define ACR_VENDOR_MICROSOFT_AZURE 5
#define ACR_VENDOR_GOOGLE_CLOUD 6
#define ACR_VENDOR_HUAWEI_CLOUD 7
#define ACR_VENDOR_BAIDU_CLOUD 8
#define ACR_VENDOR_S3_COMPATIBLE 11

/** The encryption mode for uploaded files (Amazon S3 only): kms (KMS encryption) or aes256 (AES256 encryption). */
typedef enum acr_sse {
    ACR_SSE_UNSET = 0,
    ACR_SSE_KMS, /**< "kms" */
    ACR_SSE_AES256, /**< "aes256" */
    ACR_SSE_OTHER /**< a value this version does not know: see the _other text */
} acr_sse;

/** Extension service name: upload_service (upload service) or web_recorder_service (web page recording service). */
typedef enum acr_service_name {
    ACR_SERVICE_NAME_UNSET = 0,
    ACR_SERVICE_NAME_UPLOAD_SERVICE, /**< "upload_service" */
    ACR_SERVICE_NAME_WEB_RECORDER_SERVICE, /**< "web_recorder_service" */
    ACR_SERVICE_NAME_OTHER /**< a value this version does not know: see the _other text */
} acr_service_name;

/** Upload status of the recording files: uploaded (all files uploaded to the third-party cloud storage), backuped (all files uploaded, but at least one TS file went to the Agora backup cloud, from which it is uploaded on automatically), unknown (unknown status). */
typedef enum acr_uploading_status {
    ACR_UPLOADING_STATUS_UNSET = 0,
    ACR_UPLOADING_STATUS_UPLOADED, /**< "uploaded" */
    ACR_UPLOADING_STATUS_BACKUPED, /**< "backuped" */
    ACR_UPLOADING_STATUS_UNKNOWN, /**< "unknown" */
    ACR_UPLOADING_STATUS_OTHER /**< a value this version does not know: see the _other text */
} acr_uploading_status;

/** Upload status of the extension service: init (initializing), inProgress (running), exit (stopped). Only returned by web_recorder_service. */
typedef enum acr_state {
    ACR_STATE_UNSET = 0,
    ACR_STATE_INIT, /**< "init" */
    ACR_STATE_IN_PROGRESS, /**< "inProgress" */
    ACR_STATE_EXIT, /**< "exit" */
    ACR_STATE_OTHER /**< a value this version does not know: see the _other text */
} acr_state;

/** Data format of fileList: string (composite mode with avFileType ["hls"]) or json (avFileType ["hls","mp4"] in individual or composite mode). Only returned in individual and composite recording modes when screenshot capture is not enabled. */
typedef enum acr_file_list_mode {
    ACR_FILE_LIST_MODE_UNSET = 0,
    ACR_FILE_LIST_MODE_STRING, /**< "string" */
    ACR_FILE_LIST_MODE_JSON, /**< "json" */
    ACR_FILE_LIST_MODE_OTHER /**< a value this version does not know: see the _other text */
} acr_file_list_mode;

/** File type: audio (audio only), video (video only), audio_and_video (audio and video). */
typedef enum acr_track_type {
    ACR_TRACK_TYPE_UNSET = 0,
    ACR_TRACK_TYPE_AUDIO, /**< "audio" */
    ACR_TRACK_TYPE_VIDEO, /**< "video" */
    ACR_TRACK_TYPE_AUDIO_AND_VIDEO, /**< "audio_and_video" */
    ACR_TRACK_TYPE_OTHER /**< a value this version does not know: see the _other text */
} acr_track_type;

/** AudioUidList: The audio subscription list. Only applicable when streamTypes is 0 or 2.
 * Request type: caller-owned, strict (unknown properties are violations). */
typedef struct acr_audio_uid_list {
    /** subscribeAudioUids: Audio streams to subscribe to. The array length cannot exceed 32. Set to ["#allstream#"] to subscribe to all UIDs. Cannot be set together with unsubscribeAudioUids. */
    const char *const *subscribe_audio_uids;
    size_t subscribe_audio_uids_count;
    /** unsubscribeAudioUids: Audio streams to exclude. The service subscribes to all other UIDs. The array length cannot exceed 32. Cannot be set together with subscribeAudioUids. */
    const char *const *unsubscribe_audio_uids;
    size_t unsubscribe_audio_uids_count;
} acr_audio_uid_list;

#define ACR_AUDIO_UID_LIST_INIT ACR_ZERO_INIT

/** VideoUidList: The video subscription list. Only applicable when streamTypes is 1 or 2.
 * Request type: caller-owned, strict (unknown properties are violations). */
typedef struct acr_video_uid_list {
    /** subscribeVideoUids: Video streams to subscribe to. The array length cannot exceed 32. Set to ["#allstream#"] to subscribe to all UIDs. Cannot be set together with unsubscribeVideoUids. */
    const char *const *subscribe_video_uids;
    size_t subscribe_video_uids_count;
    /** unsubscribeVideoUids: Video streams to exclude. The service subscribes to all other UIDs. The array length cannot exceed 32. Cannot be set together with subscribeVideoUids. */
    const char *const *unsubscribe_video_uids;
    size_t unsubscribe_video_uids_count;
} acr_video_uid_list;

#define ACR_VIDEO_UID_LIST_INIT ACR_ZERO_INIT

/** StreamSubscribe: Updates the subscription lists. Only applicable in individual recording and composite recording modes.
 * Request type: caller-owned, strict (unknown properties are violations). */
typedef struct acr_stream_subscribe {
    /** audioUidList: The audio subscription list. Only applicable when streamTypes is 0 or 2. */
    bool has_audio_uid_list;
    acr_audio_uid_list audio_uid_list;
    /** videoUidList: The video subscription list. Only applicable when streamTypes is 1 or 2. */
    bool has_video_uid_list;
    acr_video_uid_list video_uid_list;
} acr_stream_subscribe;

#define ACR_STREAM_SUBSCRIBE_INIT ACR_ZERO_INIT

/** WebRecordingConfig: Updates web page recording settings. Only applicable in web page recording mode.
 * Request type: caller-owned, strict (unknown properties are violations). */
typedef struct acr_web_recording_config {
    /** onhold [default: false]: Whether to pause web page recording: true pauses recording and stops generating slice files; false resumes recording and continues generating slice files. */
    bool has_onhold;
    bool onhold;
} acr_web_recording_config;

#define ACR_WEB_RECORDING_CONFIG_INIT ACR_ZERO_INIT

/** RtmpOutput: One CDN push output.
 * Request type: caller-owned, strict (unknown properties are violations). */
typedef struct acr_rtmp_output {
    /** rtmpUrl: The CDN URL to push the stream to. Only RTMP and RTMPS protocols are supported. */
    const char *rtmp_url;
} acr_rtmp_output;

#define ACR_RTMP_OUTPUT_INIT ACR_ZERO_INIT

/** RtmpPublishConfig: Updates the CDN push configuration. Only applicable when pushing web page recording to CDN.
 * Request type: caller-owned, strict (unknown properties are violations). */
typedef struct acr_rtmp_publish_config {
    /** outputs: The CDN push outputs. A maximum of one stream can be pushed to CDN at a time. */
    const acr_rtmp_output *outputs;
    size_t outputs_count;
} acr_rtmp_publish_config;

#define ACR_RTMP_PUBLISH_CONFIG_INIT ACR_ZERO_INIT

/** ExtensionParams: Encryption and tagging settings applied to uploaded recording files by the cloud storage service.
 * Request type: caller-owned, strict (unknown properties are violations). */
typedef struct acr_extension_params {
    /** sse (required): The encryption mode for uploaded files (Amazon S3 only): kms (KMS encryption) or aes256 (AES256 encryption). */
    acr_sse sse;
    const char *sse_other; /**< the raw text when sse is ACR_SSE_OTHER */
    /** tag (required): Tag content applied to uploaded files. Applicable to Alibaba Cloud and Amazon S3 only. */
    const char *tag;
    /** endpoint: The domain name for S3 protocol cloud storage. Required when vendor is 11. */
    const char *endpoint;
} acr_extension_params;

#define ACR_EXTENSION_PARAMS_INIT ACR_ZERO_INIT

/** StorageConfig: Third-party cloud storage configuration.
 * Request type: caller-owned, strict (unknown properties are violations). */
typedef struct acr_storage_config {
    /** vendor (required): Third-party cloud storage platform: 1 Amazon S3, 2 Alibaba Cloud, 3 Tencent Cloud, 5 Microsoft Azure, 6 Google Cloud, 7 Huawei Cloud, 8 Baidu IntelligentCloud, 11 S3-compatible storage (specify the domain name in extensionParams.endpoint). */
    bool has_vendor;
    int64_t vendor;
    /** region (required): The region of the third-party cloud storage. Must match the region of the server where you initiate the request. The allowed values depend on vendor. */
    bool has_region;
    int64_t region;
    /** bucket (required): The cloud storage bucket name. Must comply with the naming rules of the corresponding cloud storage service. */
    const char *bucket;
    /** accessKey (required): The access key for the third-party cloud storage. */
    const char *access_key;
    /** secretKey (required): The secret key for the third-party cloud storage. */
    const char *secret_key;
    /** stsToken: A temporary security token issued by the cloud provider's Security Token Service (STS). Currently supported only for Amazon S3 (1), Alibaba Cloud (2), and Tencent Cloud (3). */
    const char *sts_token;
    /** stsExpiration: The stsToken expiration time as a Unix timestamp in seconds (uint64). The minimum validity period is 4 hours; for tasks longer than 1 hour, reapply a new stsToken every 60 minutes and call update again. */
    bool has_sts_expiration;
    uint64_t sts_expiration;
    /** fileNamePrefix: The storage path prefix for recorded files: ["directory1","directory2"] gives directory1/directory2/. The total prefix length, including slashes, cannot exceed 128 characters. Supported characters: a-z, A-Z, 0-9. */
    const char *const *file_name_prefix;
    size_t file_name_prefix_count;
    /** extensionParams: Encryption and tagging settings applied to uploaded recording files by the cloud storage service. */
    bool has_extension_params;
    acr_extension_params extension_params;
} acr_storage_config;

#define ACR_STORAGE_CONFIG_INIT ACR_ZERO_INIT

/** UpdateClientRequest: The settings to update.
 * Request type: caller-owned, strict (unknown properties are violations). */
typedef struct acr_update_client_request {
    /** streamSubscribe [modes: individual, mix]: Updates the subscription lists. Only applicable in individual recording and composite recording modes. */
    bool has_stream_subscribe;
    acr_stream_subscribe stream_subscribe;
    /** webRecordingConfig [modes: web]: Updates web page recording settings. Only applicable in web page recording mode. */
    bool has_web_recording_config;
    acr_web_recording_config web_recording_config;
    /** rtmpPublishConfig [modes: web]: Updates the CDN push configuration. Only applicable when pushing web page recording to CDN. */
    bool has_rtmp_publish_config;
    acr_rtmp_publish_config rtmp_publish_config;
    /** storageConfig: Updates the third-party cloud storage configuration. Use this to refresh an expiring stsToken. */
    bool has_storage_config;
    acr_storage_config storage_config;
} acr_update_client_request;

#define ACR_UPDATE_CLIENT_REQUEST_INIT ACR_ZERO_INIT

/** UpdateRequest: Request body of update.
 * Request type: caller-owned, strict (unknown properties are violations). */
typedef struct acr_update_request {
    /** cname (required): The name of the channel being recorded. Must match the cname used in the acquire request. */
    const char *cname;
    /** uid (required): The UID used by the cloud recording service in the channel. Must match the uid used in the acquire request. */
    const char *uid;
    /** clientRequest (required): The settings to update. */
    acr_update_client_request client_request;
} acr_update_request;

#define ACR_UPDATE_REQUEST_INIT ACR_ZERO_INIT

/** UpdateResponse: Response body of update (HTTP 200).
 * Response type: library-owned, lenient (unknown properties are skipped). */
typedef struct acr_update_response {
    /** cname: The name of the channel being recorded. */
    char *cname;
    /** uid: The UID used by the cloud recording service in the RTC channel. */
    char *uid;
    /** resourceId: The resource ID used by cloud recording. */
    char *resource_id;
    /** sid: The recording ID, identifying the current recording session. */
    char *sid;
} acr_update_response;

#define ACR_UPDATE_RESPONSE_INIT ACR_ZERO_INIT

/** ErrorResponse: Body of a failed request (any status other than 200, including 206). Service errors carry code and reason; gateway errors carry message. The body may also be empty or not JSON.
 * Response type: library-owned, lenient (unknown properties are skipped). */
typedef struct acr_error_response {
    /** code: The service's error code (for example 2, 49, 50, 62, 65, 404, 435). */
    bool has_code;
    int64_t code;
    /** reason: The service's reason for the error. */
    char *reason;
    /** message: The gateway's error message (for example on 401 and 429). */
    char *message;
    /** resourceId: The resource ID, echoed by some error bodies. */
    char *resource_id;
    /** sid: The recording ID, echoed by some error bodies. */
    char *sid;
} acr_error_response;

#define ACR_ERROR_RESPONSE_INIT ACR_ZERO_INIT

/** StopClientRequest: Stop options.
 * Request type: caller-owned, strict (unknown properties are violations). */
typedef struct acr_stop_client_request {
    /** async_stop [default: false]: The response mechanism for the stop request: true, asynchronous (respond immediately, without waiting for the recording files to finish uploading); false, synchronous (respond only after all recorded files have been uploaded to third-party cloud storage; if the upload takes longer than 20 seconds, the response returns error code 50). */
    bool has_async_stop;
    bool async_stop;
} acr_stop_client_request;

#define ACR_STOP_CLIENT_REQUEST_INIT ACR_ZERO_INIT

/** StopRequest: Request body of stop.
 * Request type: caller-owned, strict (unknown properties are violations). */
typedef struct acr_stop_request {
    /** cname (required): The name of the channel being recorded. Must match the cname used in the acquire request. */
    const char *cname;
    /** uid (required): The UID used by the cloud recording service in the channel. Must match the uid used in the acquire request. */
    const char *uid;
    /** clientRequest (required): Stop options. */
    acr_stop_client_request client_request;
} acr_stop_request;

#define ACR_STOP_REQUEST_INIT ACR_ZERO_INIT

/** WebFileEntry: A file generated by web page recording (note the lower-case n in filename).
 * Response type: library-owned, lenient (unknown properties are skipped). */
typedef struct acr_web_file_entry {
    /** filename: Name of the M3U8 or MP4 file. */
    char *filename;
    /** sliceStartTime: Recording start time of the file, Unix timestamp in seconds. */
    bool has_slice_start_time;
    int64_t slice_start_time;
} acr_web_file_entry;

#define ACR_WEB_FILE_ENTRY_INIT ACR_ZERO_INIT

/** ExtensionPayload: Service-specific state at the time of stopping.
 * Response type: library-owned, lenient (unknown properties are skipped). */
typedef struct acr_extension_payload {
    /** uploadingStatus: Upload status of the recording files. Only returned by upload_service. */
    acr_uploading_status uploading_status;
    char *uploading_status_other; /**< the raw text when uploading_status is ACR_UPLOADING_STATUS_OTHER */
    /** fileList: Files generated during recording. Only returned by web_recorder_service. */
    acr_web_file_entry *file_list;
    size_t file_list_count;
    /** onhold: Whether recording was paused at the time of stopping: true if paused, false if running. Only returned by web_recorder_service. */
    bool has_onhold;
    bool onhold;
    /** state: Upload status of the extension service: init (initializing), inProgress (running), exit (stopped). Only returned by web_recorder_service. */
    acr_state state;
    char *state_other; /**< the raw text when state is ACR_STATE_OTHER */
} acr_extension_payload;

#define ACR_EXTENSION_PAYLOAD_INIT ACR_ZERO_INIT

/** ExtensionServiceState: State of one extension service at the time of stopping.
 * Response type: library-owned, lenient (unknown properties are skipped). */
typedef struct acr_extension_service_state {
    /** serviceName: Extension service name: upload_service (upload service) or web_recorder_service (web page recording service). */
    acr_service_name service_name;
    char *service_name_other; /**< the raw text when service_name is ACR_SERVICE_NAME_OTHER */
    /** payload: Service-specific state at the time of stopping. */
    bool has_payload;
    acr_extension_payload payload;
} acr_extension_service_state;

#define ACR_EXTENSION_SERVICE_STATE_INIT ACR_ZERO_INIT

/** FileEntry: A file generated by individual or composite recording.
 * Response type: library-owned, lenient (unknown properties are skipped). */
typedef struct acr_file_entry {
    /** fileName: Name of the M3U8 or MP4 file. */
    char *file_name;
    /** trackType: File type: audio (audio only), video (video only), audio_and_video (audio and video). */
    acr_track_type track_type;
    char *track_type_other; /**< the raw text when track_type is ACR_TRACK_TYPE_OTHER */
    /** uid: The UID whose stream is recorded. In composite recording mode, this is "0". */
    char *uid;
    /** mixedAllUser: true if all users are recorded in a single file; false if each user is recorded separately. */
    bool has_mixed_all_user;
    bool mixed_all_user;
    /** isPlayable: true if the file can be played online; false if it cannot. */
    bool has_is_playable;
    bool is_playable;
    /** sliceStartTime: Recording start time of the file, Unix timestamp in seconds. */
    bool has_slice_start_time;
    int64_t slice_start_time;
} acr_file_entry;

#define ACR_FILE_ENTRY_INIT ACR_ZERO_INIT

/** ServerResponse: The recording stop status. The fields returned vary depending on the recording mode and whether screenshot capture is enabled.
 * Response type: library-owned, lenient (unknown properties are skipped). */
typedef struct acr_server_response {
    /** extensionServiceState: State of each extension service at the time of stopping. Only returned in web page recording mode. */
    acr_extension_service_state *extension_service_state;
    size_t extension_service_state_count;
    /** uploadingStatus: Upload status of the recording files. Only returned in individual recording mode when screenshot capture is enabled, and in individual and composite recording modes when screenshot capture is not enabled. */
    acr_uploading_status uploading_status;
    char *uploading_status_other; /**< the raw text when uploading_status is ACR_UPLOADING_STATUS_OTHER */
    /** fileListMode: Data format of fileList: string (composite mode with avFileType ["hls"]) or json (avFileType ["hls","mp4"] in individual or composite mode). Only returned in individual and composite recording modes when screenshot capture is not enabled. */
    acr_file_list_mode file_list_mode;
    char *file_list_mode_other; /**< the raw text when file_list_mode is ACR_FILE_LIST_MODE_OTHER */
    /** fileList: The recorded files. When fileListMode is "string", the file name of the M3U8 file; when fileListMode is "json", an array of file entries. Only returned in individual and composite recording modes when screenshot capture is not enabled. */
    char *file_list; /**< set when the value is a string */
    acr_file_entry *file_list_items; /**< set when the value is an array */
    size_t file_list_count;
} acr_server_response;

#define ACR_SERVER_RESPONSE_INIT ACR_ZERO_INIT

/** StopResponse: Response body of stop (HTTP 200).
 * Response type: library-owned, lenient (unknown properties are skipped). */
typedef struct acr_stop_response {
    /** cname: The name of the channel being recorded. */
    char *cname;
    /** uid: The UID used by the cloud recording service in the RTC channel. */
    char *uid;
    /** resourceId: The resource ID used by cloud recording. */
    char *resource_id;
    /** sid: The recording ID, identifying the current recording session. */
    char *sid;
    /** serverResponse: The recording stop status. The fields returned vary depending on the recording mode and whether screenshot capture is enabled. */
    bool has_server_response;
    acr_server_response server_response;
} acr_stop_response;

#define ACR_STOP_RESPONSE_INIT ACR_ZERO_INIT

/* --- UpdateRequest: a request body --- */
ACR_API extern const acr_type_desc acr_update_request_type;

/** Checks every rule of the schema and reports every violation in err (each
 * with its JSON pointer). When err holds the violations of a parse of this
 * struct, they are kept and the new ones added; anything else in err is
 * replaced. Pass ACR_MODE_ANY to skip mode-dependent rules.
 * Returns ACR_OK or ACR_ERR_INVALID_REQUEST (or ACR_ERR_NOMEM). */
ACR_API acr_status acr_update_request_validate(const acr_update_request *value, acr_mode mode, acr_error *err);

/** Serializes to compact JSON in *json (NUL-terminated; release with acr_free).
 * Only present members are written. */
ACR_API acr_status acr_update_request_to_json(const acr_update_request *value, char **json, size_t *length, acr_error *err);

/** Serializes to JSON in pieces passed to write(ctx, ...). */
ACR_API acr_status acr_update_request_write(const acr_update_request *value, acr_write_fn write, void *ctx, acr_error *err);

/** Parses a whole document into *out, which must be ACR_UPDATE_REQUEST_INIT and is
 * library-owned afterwards: release it with acr_update_request_free() whatever the
 * result. Wrong types and unknown properties are reported as violations
 * (ACR_ERR_INVALID_REQUEST); malformed JSON as ACR_ERR_MALFORMED_JSON with line and
 * column. */
ACR_API acr_status acr_update_request_parse(const char *json, size_t length, acr_update_request *out, acr_error *err);

/** A streaming parser filling *out chunk by chunk (acr_parser_feed, then
 * acr_parser_finish, then acr_parser_free). NULL when out of memory. */
ACR_API acr_parser *acr_update_request_parser_new(acr_update_request *out, const acr_parse_options *options);

/** Releases what a parse allocated and zeroes *value. Never pass a struct whose
 * pointers the caller set. */
ACR_API void acr_update_request_free(acr_update_request *value);

/* --- UpdateResponse: a response body --- */
ACR_API extern const acr_type_desc acr_update_response_type;

/** Serializes to compact JSON in *json (NUL-terminated; release with acr_free).
 * Only present members are written. */
ACR_API acr_status acr_update_response_to_json(const acr_update_response *value, char **json, size_t *length, acr_error *err);

/** Serializes to JSON in pieces passed to write(ctx, ...). */
ACR_API acr_status acr_update_response_write(const acr_update_response *value, acr_write_fn write, void *ctx, acr_error *err);

/** Parses a whole document into *out, which must be ACR_UPDATE_RESPONSE_INIT and is
 * library-owned afterwards: release it with acr_update_response_free() whatever the
 * result. Unknown properties are skipped; anything else that breaks the schema
 * is ACR_ERR_INVALID_RESPONSE with its JSON pointer. */
ACR_API acr_status acr_update_response_parse(const char *json, size_t length, acr_update_response *out, acr_error *err);

/** A streaming parser filling *out chunk by chunk (acr_parser_feed, then
 * acr_parser_finish, then acr_parser_free). NULL when out of memory. */
ACR_API acr_parser *acr_update_response_parser_new(acr_update_response *out, const acr_parse_options *options);

/** Releases what a parse allocated and zeroes *value. Never pass a struct whose
 * pointers the caller set. */
ACR_API void acr_update_response_free(acr_update_response *value);

/* --- ErrorResponse: a response body --- */
ACR_API extern const acr_type_desc acr_error_response_type;

/** Serializes to compact JSON in *json (NUL-terminated; release with acr_free).
 * Only present members are written. */
ACR_API acr_status acr_error_response_to_json(const acr_error_response *value, char **json, size_t *length, acr_error *err);

/** Serializes to JSON in pieces passed to write(ctx, ...). */
ACR_API acr_status acr_error_response_write(const acr_error_response *value, acr_write_fn write, void *ctx, acr_error *err);

/** Parses a whole document into *out, which must be ACR_ERROR_RESPONSE_INIT and is
 * library-owned afterwards: release it with acr_error_response_free() whatever the
 * result. Unknown properties are skipped; anything else that breaks the schema
 * is ACR_ERR_INVALID_RESPONSE with its JSON pointer. */
ACR_API acr_status acr_error_response_parse(const char *json, size_t length, acr_error_response *out, acr_error *err);

/** A streaming parser filling *out chunk by chunk (acr_parser_feed, then
 * acr_parser_finish, then acr_parser_free). NULL when out of memory. */
ACR_API acr_parser *acr_error_response_parser_new(acr_error_response *out, const acr_parse_options *options);

/** Releases what a parse allocated and zeroes *value. Never pass a struct whose
 * pointers the caller set. */
ACR_API void acr_error_response_free(acr_error_response *value);

/* --- StopRequest: a request body --- */
ACR_API extern const acr_type_desc acr_stop_request_type;

/** Checks every rule of the schema and reports every violation in err (each
 * with its JSON pointer). When err holds the violations of a parse of this
 * struct, they are kept and the new ones added; anything else in err is
 * replaced. Pass ACR_MODE_ANY to skip mode-dependent rules.
 * Returns ACR_OK or ACR_ERR_INVALID_REQUEST (or ACR_ERR_NOMEM). */
ACR_API acr_status acr_stop_request_validate(const acr_stop_request *value, acr_mode mode, acr_error *err);

/** Serializes to compact JSON in *json (NUL-terminated; release with acr_free).
 * Only present members are written. */
ACR_API acr_status acr_stop_request_to_json(const acr_stop_request *value, char **json, size_t *length, acr_error *err);

/** Serializes to JSON in pieces passed to write(ctx, ...). */
ACR_API acr_status acr_stop_request_write(const acr_stop_request *value, acr_write_fn write, void *ctx, acr_error *err);

/** Parses a whole document into *out, which must be ACR_STOP_REQUEST_INIT and is
 * library-owned afterwards: release it with acr_stop_request_free() whatever the
 * result. Wrong types and unknown properties are reported as violations
 * (ACR_ERR_INVALID_REQUEST); malformed JSON as ACR_ERR_MALFORMED_JSON with line and
 * column. */
ACR_API acr_status acr_stop_request_parse(const char *json, size_t length, acr_stop_request *out, acr_error *err);

/** A streaming parser filling *out chunk by chunk (acr_parser_feed, then
 * acr_parser_finish, then acr_parser_free). NULL when out of memory. */
ACR_API acr_parser *acr_stop_request_parser_new(acr_stop_request *out, const acr_parse_options *options);

/** Releases what a parse allocated and zeroes *value. Never pass a struct whose
 * pointers the caller set. */
ACR_API void acr_stop_request_free(acr_stop_request *value);

/* --- StopResponse: a response body --- */
ACR_API extern const acr_type_desc acr_stop_response_type;

/** Serializes to compact JSON in *json (NUL-terminated; release with acr_free).
 * Only present members are written. */
ACR_API acr_status acr_stop_response_to_json(const acr_stop_response *value, char **json, size_t *length, acr_error *err);

/** Serializes to JSON in pieces passed to write(ctx, ...). */
ACR_API acr_status acr_stop_response_write(const acr_stop_response *value, acr_write_fn write, void *ctx, acr_error *err);

/** Parses a whole document into *out, which must be ACR_STOP_RESPONSE_INIT and is
 * library-owned afterwards: release it with acr_stop_response_free() whatever the
 * result. Unknown properties are skipped; anything else that breaks the schema
 * is ACR_ERR_INVALID_RESPONSE with its JSON pointer. */
ACR_API acr_status acr_stop_response_parse(const char *json, size_t length, acr_stop_response *out, acr_error *err);

/** A streaming parser filling *out chunk by chunk (acr_parser_feed, then
 * acr_parser_finish, then acr_parser_free). NULL when out of memory. */
ACR_API acr_parser *acr_stop_response_parser_new(acr_stop_response *out, const acr_parse_options *options);

/** Releases what a parse allocated and zeroes *value. Never pass a struct whose
 * pointers the caller set. */
ACR_API void acr_stop_response_free(acr_stop_response *value);

/* --- the update operation: POST /v1/apps/{appid}/cloud_recording/resourceid/{resourceid}/sid/{sid}/mode/{mode}/update ---
 * Update task settings */
typedef struct acr_update_params {
    /** resourceid: The resource ID obtained from the acquire endpoint. */
    const char *resource_id;
    /** sid: The recording ID obtained from the start endpoint. */
    const char *sid;
    /** mode: The recording mode: individual (individual recording), mix (composite recording), web (web page recording). Lower case, case-sensitive. */
    acr_mode mode;
} acr_update_params;

#define ACR_UPDATE_PARAMS_INIT ACR_ZERO_INIT

ACR_API extern const acr_operation_desc acr_update_operation;

/** Calls update: validates *request for params->mode (nothing is sent when it
 * is invalid), sends it, and parses a 200 answer into *response, which must be
 * ACR_UPDATE_RESPONSE_INIT and is library-owned afterwards: release it with
 * acr_update_response_free() whatever the result. Default timeout: 30000 ms.
 * Calls for the same resourceid and sid never overlap: a second caller waits
 * for the first answer. See acr_call() in acr/client.h for the errors. */
ACR_API acr_status acr_update(acr_client *client, const acr_update_params *params,
                            const acr_update_request *request, acr_update_response *response, acr_error *err);

/* --- the stop operation: POST /v1/apps/{appid}/cloud_recording/resourceid/{resourceid}/sid/{sid}/mode/{mode}/stop ---
 * Stop a cloud recording task */
typedef struct acr_stop_params {
    /** resourceid: The resource ID obtained from the acquire endpoint. */
    const char *resource_id;
    /** sid: The recording ID obtained from the start endpoint. */
    const char *sid;
    /** mode: The recording mode: individual (individual recording), mix (composite recording), web (web page recording). Lower case, case-sensitive. */
    acr_mode mode;
} acr_stop_params;

#define ACR_STOP_PARAMS_INIT ACR_ZERO_INIT

ACR_API extern const acr_operation_desc acr_stop_operation;

/** Calls stop: validates *request for params->mode (nothing is sent when it
 * is invalid), sends it, and parses a 200 answer into *response, which must be
 * ACR_STOP_RESPONSE_INIT and is library-owned afterwards: release it with
 * acr_stop_response_free() whatever the result. Default timeout: 120000 ms. See acr_call() in acr/client.h for the errors. */
ACR_API acr_status acr_stop(acr_client *client, const acr_stop_params *params,
                            const acr_stop_request *request, acr_stop_response *response, acr_error *err);

#ifdef __cplusplus
}
#endif

#endif
