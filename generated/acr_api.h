/** @file
 * Generated from schema/cloud_recording.json by codegen/acrgen. Do not edit: change the
 * schema and regenerate (see README.md).
 *
 * Agora Cloud Recording: the recording lifecycle (schema version 1.0.0).
 *
 * Calls: each operation has two typed functions. acr_<op>() blocks until the
 * answer; acr_<op>_async() starts the same call on an acr_loop (acr/loop.h) and
 * returns at once, its done callback reporting the end.
 *
 * Ownership: request structs are built by the caller, who owns every pointer in
 * them; the library never keeps or frees them (an _async call serializes the
 * request before it returns), except for structs filled by a *_parse function,
 * which are library-owned and released with *_free.
 * Response structs are always library-owned: *_free releases everything and
 * zeroes the struct, so a zeroed struct may be freed, and freeing twice is safe.
 * A parsed struct's strings and arrays live in a few blocks it owns together,
 * released by that one call: never free, reallocate or replace one of them.
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
#include "acr/loop.h"
#include "acr/version.h"

#if ACR_TABLES_VERSION != 3
#error "acr_api.h was generated for table format 3; regenerate it for this runtime"
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
#define ACR_SCENE_REALTIME 0
#define ACR_SCENE_WEB 1
#define ACR_CHANNEL_TYPE_COMMUNICATION 0
#define ACR_CHANNEL_TYPE_LIVE_BROADCAST 1
#define ACR_DECRYPTION_MODE_NONE 0
#define ACR_DECRYPTION_MODE_AES_128_XTS 1
#define ACR_DECRYPTION_MODE_AES_128_ECB 2
#define ACR_DECRYPTION_MODE_AES_256_XTS 3
#define ACR_DECRYPTION_MODE_SM4_128_ECB 4
#define ACR_DECRYPTION_MODE_AES_128_GCM 5
#define ACR_DECRYPTION_MODE_AES_256_GCM 6
#define ACR_DECRYPTION_MODE_AES_128_GCM2 7
#define ACR_DECRYPTION_MODE_AES_256_GCM2 8
#define ACR_STREAM_TYPES_AUDIO 0
#define ACR_STREAM_TYPES_VIDEO 1
#define ACR_STREAM_TYPES_AUDIO_AND_VIDEO 2
#define ACR_VIDEO_STREAM_TYPE_HIGH 0
#define ACR_VIDEO_STREAM_TYPE_LOW 1
#define ACR_SUBSCRIBE_UID_GROUP_UP_TO_2 0
#define ACR_SUBSCRIBE_UID_GROUP_UP_TO_7 1
#define ACR_SUBSCRIBE_UID_GROUP_UP_TO_12 2
#define ACR_SUBSCRIBE_UID_GROUP_UP_TO_17 3
#define ACR_SUBSCRIBE_UID_GROUP_UP_TO_32 4
#define ACR_SUBSCRIBE_UID_GROUP_UP_TO_49 5
#define ACR_AUDIO_PROFILE_MONO_48KBPS 0
#define ACR_AUDIO_PROFILE_MONO_128KBPS 1
#define ACR_AUDIO_PROFILE_STEREO_192KBPS 2
#define ACR_MIXED_VIDEO_LAYOUT_FLOATING 0
#define ACR_MIXED_VIDEO_LAYOUT_BEST_FIT 1
#define ACR_MIXED_VIDEO_LAYOUT_VERTICAL 2
#define ACR_MIXED_VIDEO_LAYOUT_CUSTOM 3
#define ACR_RENDER_MODE_CROP 0
#define ACR_RENDER_MODE_FIT 1

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

/** How to write the media: default, standard, or original (only with streamTypes 0). */
typedef enum acr_stream_mode {
    ACR_STREAM_MODE_UNSET = 0,
    ACR_STREAM_MODE_DEFAULT, /**< "default" */
    ACR_STREAM_MODE_STANDARD, /**< "standard" */
    ACR_STREAM_MODE_ORIGINAL, /**< "original" */
    ACR_STREAM_MODE_OTHER /**< a value this version does not know: see the _other text */
} acr_stream_mode;

/** A file type. */
typedef enum acr_av_file_type {
    ACR_AV_FILE_TYPE_UNSET = 0,
    ACR_AV_FILE_TYPE_HLS, /**< "hls" */
    ACR_AV_FILE_TYPE_MP4, /**< "mp4" */
    ACR_AV_FILE_TYPE_OTHER /**< a value this version does not know: see the _other text */
} acr_av_file_type;

/** An image format. */
typedef enum acr_file_type {
    ACR_FILE_TYPE_UNSET = 0,
    ACR_FILE_TYPE_JPG, /**< "jpg" */
    ACR_FILE_TYPE_OTHER /**< a value this version does not know: see the _other text */
} acr_file_type;

/** What a failing service does to the others: error_abort (the only value). */
typedef enum acr_error_handle_policy {
    ACR_ERROR_HANDLE_POLICY_UNSET = 0,
    ACR_ERROR_HANDLE_POLICY_ERROR_ABORT, /**< "error_abort" */
    ACR_ERROR_HANDLE_POLICY_OTHER /**< a value this version does not know: see the _other text */
} acr_error_handle_policy;

/** web_recorder_service or rtmp_publish_service. */
typedef enum acr_extension_service_service_name {
    ACR_EXTENSION_SERVICE_SERVICE_NAME_UNSET = 0,
    ACR_EXTENSION_SERVICE_SERVICE_NAME_WEB_RECORDER_SERVICE, /**< "web_recorder_service" */
    ACR_EXTENSION_SERVICE_SERVICE_NAME_RTMP_PUBLISH_SERVICE, /**< "rtmp_publish_service" */
    ACR_EXTENSION_SERVICE_SERVICE_NAME_OTHER /**< a value this version does not know: see the _other text */
} acr_extension_service_service_name;

/** error_abort (the default for web_recorder_service) or error_ignore (the default for rtmp_publish_service). */
typedef enum acr_extension_service_error_handle_policy {
    ACR_EXTENSION_SERVICE_ERROR_HANDLE_POLICY_UNSET = 0,
    ACR_EXTENSION_SERVICE_ERROR_HANDLE_POLICY_ERROR_ABORT, /**< "error_abort" */
    ACR_EXTENSION_SERVICE_ERROR_HANDLE_POLICY_ERROR_IGNORE, /**< "error_ignore" */
    ACR_EXTENSION_SERVICE_ERROR_HANDLE_POLICY_OTHER /**< a value this version does not know: see the _other text */
} acr_extension_service_error_handle_policy;

/** mp4, mp3, m4a or aac. */
typedef enum acr_format {
    ACR_FORMAT_UNSET = 0,
    ACR_FORMAT_MP4, /**< "mp4" */
    ACR_FORMAT_MP3, /**< "mp3" */
    ACR_FORMAT_M4A, /**< "m4a" */
    ACR_FORMAT_AAC, /**< "aac" */
    ACR_FORMAT_OTHER /**< a value this version does not know: see the _other text */
} acr_format;

/** default, or postpone_transcoding (for transcodeOptions). */
typedef enum acr_combination_policy {
    ACR_COMBINATION_POLICY_UNSET = 0,
    ACR_COMBINATION_POLICY_DEFAULT, /**< "default" */
    ACR_COMBINATION_POLICY_POSTPONE_TRANSCODING, /**< "postpone_transcoding" */
    ACR_COMBINATION_POLICY_OTHER /**< a value this version does not know: see the _other text */
} acr_combination_policy;

/** postponeTranscoding (audio and video) or audioMix. */
typedef enum acr_trans_mode {
    ACR_TRANS_MODE_UNSET = 0,
    ACR_TRANS_MODE_POSTPONE_TRANSCODING, /**< "postponeTranscoding" */
    ACR_TRANS_MODE_AUDIO_MIX, /**< "audioMix" */
    ACR_TRANS_MODE_OTHER /**< a value this version does not know: see the _other text */
} acr_trans_mode;

/** Hz, as text. */
typedef enum acr_sample_rate {
    ACR_SAMPLE_RATE_UNSET = 0,
    ACR_SAMPLE_RATE_V_48000, /**< "48000" */
    ACR_SAMPLE_RATE_V_32000, /**< "32000" */
    ACR_SAMPLE_RATE_V_16000, /**< "16000" */
    ACR_SAMPLE_RATE_OTHER /**< a value this version does not know: see the _other text */
} acr_sample_rate;

/** bps, as text: 48000 (the default and only value). */
typedef enum acr_bitrate {
    ACR_BITRATE_UNSET = 0,
    ACR_BITRATE_V_48000, /**< "48000" */
    ACR_BITRATE_OTHER /**< a value this version does not know: see the _other text */
} acr_bitrate;

/** 1 mono, 2 stereo. */
typedef enum acr_channels {
    ACR_CHANNELS_UNSET = 0,
    ACR_CHANNELS_V_1, /**< "1" */
    ACR_CHANNELS_V_2, /**< "2" */
    ACR_CHANNELS_OTHER /**< a value this version does not know: see the _other text */
} acr_channels;

/** Keep the recording service in this area: CN, AP, EU or NA. The storage region given to start must then be in the same area. */
typedef enum acr_region {
    ACR_REGION_UNSET = 0,
    ACR_REGION_CN, /**< "CN" */
    ACR_REGION_AP, /**< "AP" */
    ACR_REGION_EU, /**< "EU" */
    ACR_REGION_NA, /**< "NA" */
    ACR_REGION_OTHER /**< a value this version does not know: see the _other text */
} acr_region;

/** A CDN push target's state: connecting, publishing, onhold or disconnected. */
typedef enum acr_rtmp_publish_status {
    ACR_RTMP_PUBLISH_STATUS_UNSET = 0,
    ACR_RTMP_PUBLISH_STATUS_CONNECTING, /**< "connecting" */
    ACR_RTMP_PUBLISH_STATUS_PUBLISHING, /**< "publishing" */
    ACR_RTMP_PUBLISH_STATUS_ONHOLD, /**< "onhold" */
    ACR_RTMP_PUBLISH_STATUS_DISCONNECTED, /**< "disconnected" */
    ACR_RTMP_PUBLISH_STATUS_OTHER /**< a value this version does not know: see the _other text */
} acr_rtmp_publish_status;

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
    /** whether `audioUidList` is set */
    bool has_audio_uid_list;
    /** audioUidList: The audio subscription list. Only applicable when streamTypes is 0 or 2. */
    acr_audio_uid_list audio_uid_list;
    /** whether `videoUidList` is set */
    bool has_video_uid_list;
    /** videoUidList: The video subscription list. Only applicable when streamTypes is 1 or 2. */
    acr_video_uid_list video_uid_list;
} acr_stream_subscribe;

#define ACR_STREAM_SUBSCRIBE_INIT ACR_ZERO_INIT

/** WebRecordingConfig: Updates web page recording settings. Only applicable in web page recording mode.
 * Request type: caller-owned, strict (unknown properties are violations). */
typedef struct acr_web_recording_config {
    /** whether `onhold` is set */
    bool has_onhold;
    /** onhold [default: false]: Whether to pause web page recording: true pauses recording and stops generating slice files; false resumes recording and continues generating slice files. */
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
    /** whether `vendor` is set */
    bool has_vendor;
    /** vendor (required): Third-party cloud storage platform: 1 Amazon S3, 2 Alibaba Cloud, 3 Tencent Cloud, 5 Microsoft Azure, 6 Google Cloud, 7 Huawei Cloud, 8 Baidu IntelligentCloud, 11 S3-compatible storage (specify the domain name in extensionParams.endpoint). */
    int64_t vendor;
    /** whether `region` is set */
    bool has_region;
    /** region (required): The region of the third-party cloud storage. Must match the region of the server where you initiate the request. The allowed values depend on vendor. */
    int64_t region;
    /** bucket (required): The cloud storage bucket name. Must comply with the naming rules of the corresponding cloud storage service. */
    const char *bucket;
    /** accessKey (required): The access key for the third-party cloud storage. */
    const char *access_key;
    /** secretKey (required): The secret key for the third-party cloud storage. */
    const char *secret_key;
    /** stsToken: A temporary security token issued by the cloud provider's Security Token Service (STS). Currently supported only for Amazon S3 (1), Alibaba Cloud (2), and Tencent Cloud (3). */
    const char *sts_token;
    /** whether `stsExpiration` is set */
    bool has_sts_expiration;
    /** stsExpiration: The stsToken expiration time as a Unix timestamp in seconds (uint64). The minimum validity period is 4 hours; for tasks longer than 1 hour, reapply a new stsToken every 60 minutes and call update again. */
    uint64_t sts_expiration;
    /** fileNamePrefix: The storage path prefix for recorded files: ["directory1","directory2"] gives directory1/directory2/. The total prefix length, including slashes, cannot exceed 128 characters. Supported characters: a-z, A-Z, 0-9. */
    const char *const *file_name_prefix;
    size_t file_name_prefix_count;
    /** whether `extensionParams` is set */
    bool has_extension_params;
    /** extensionParams: Encryption and tagging settings applied to uploaded recording files by the cloud storage service. */
    acr_extension_params extension_params;
} acr_storage_config;

#define ACR_STORAGE_CONFIG_INIT ACR_ZERO_INIT

/** UpdateClientRequest: The settings to update.
 * Request type: caller-owned, strict (unknown properties are violations). */
typedef struct acr_update_client_request {
    /** whether `streamSubscribe` is set */
    bool has_stream_subscribe;
    /** streamSubscribe [modes: individual, mix]: Updates the subscription lists. Only applicable in individual recording and composite recording modes. */
    acr_stream_subscribe stream_subscribe;
    /** whether `webRecordingConfig` is set */
    bool has_web_recording_config;
    /** webRecordingConfig [modes: web]: Updates web page recording settings. Only applicable in web page recording mode. */
    acr_web_recording_config web_recording_config;
    /** whether `rtmpPublishConfig` is set */
    bool has_rtmp_publish_config;
    /** rtmpPublishConfig [modes: web]: Updates the CDN push configuration. Only applicable when pushing web page recording to CDN. */
    acr_rtmp_publish_config rtmp_publish_config;
    /** whether `storageConfig` is set */
    bool has_storage_config;
    /** storageConfig: Updates the third-party cloud storage configuration. Use this to refresh an expiring stsToken. */
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
    /** whether `code` is set */
    bool has_code;
    /** code: The service's error code (for example 2, 49, 50, 62, 65, 404, 435). */
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
    /** whether `async_stop` is set */
    bool has_async_stop;
    /** async_stop [default: false]: The response mechanism for the stop request: true, asynchronous (respond immediately, without waiting for the recording files to finish uploading); false, synchronous (respond only after all recorded files have been uploaded to third-party cloud storage; if the upload takes longer than 20 seconds, the response returns error code 50). */
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
    /** whether `sliceStartTime` is set */
    bool has_slice_start_time;
    /** sliceStartTime: Recording start time of the file, Unix timestamp in seconds. */
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
    /** whether `onhold` is set */
    bool has_onhold;
    /** onhold: Whether recording was paused at the time of stopping: true if paused, false if running. Only returned by web_recorder_service. */
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
    /** whether `payload` is set */
    bool has_payload;
    /** payload: Service-specific state at the time of stopping. */
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
    /** whether `mixedAllUser` is set */
    bool has_mixed_all_user;
    /** mixedAllUser: true if all users are recorded in a single file; false if each user is recorded separately. */
    bool mixed_all_user;
    /** whether `isPlayable` is set */
    bool has_is_playable;
    /** isPlayable: true if the file can be played online; false if it cannot. */
    bool is_playable;
    /** whether `sliceStartTime` is set */
    bool has_slice_start_time;
    /** sliceStartTime: Recording start time of the file, Unix timestamp in seconds. */
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
    /** whether `serverResponse` is set */
    bool has_server_response;
    /** serverResponse: The recording stop status. The fields returned vary depending on the recording mode and whether screenshot capture is enabled. */
    acr_server_response server_response;
} acr_stop_response;

#define ACR_STOP_RESPONSE_INIT ACR_ZERO_INIT

/** StartStorageConfig: Third-party cloud storage configuration, as in update, but required and never null.
 * Request type: caller-owned, strict (unknown properties are violations). */
typedef struct acr_start_storage_config {
    /** whether `vendor` is set */
    bool has_vendor;
    /** vendor (required): Third-party cloud storage platform: 1 Amazon S3, 2 Alibaba Cloud, 3 Tencent Cloud, 5 Microsoft Azure, 6 Google Cloud, 7 Huawei Cloud, 8 Baidu IntelligentCloud, 11 S3-compatible storage (specify the domain name in extensionParams.endpoint). */
    int64_t vendor;
    /** whether `region` is set */
    bool has_region;
    /** region (required): The region of the third-party cloud storage. Must match the region of the server where you initiate the request. The allowed values depend on vendor. */
    int64_t region;
    /** bucket (required): The cloud storage bucket name. Must comply with the naming rules of the corresponding cloud storage service. */
    const char *bucket;
    /** accessKey (required): The access key for the third-party cloud storage. */
    const char *access_key;
    /** secretKey (required): The secret key for the third-party cloud storage. */
    const char *secret_key;
    /** stsToken: A temporary security token issued by the cloud provider's Security Token Service (STS). Currently supported only for Amazon S3 (1), Alibaba Cloud (2), and Tencent Cloud (3). */
    const char *sts_token;
    /** whether `stsExpiration` is set */
    bool has_sts_expiration;
    /** stsExpiration: The stsToken expiration time as a Unix timestamp in seconds (uint64). The minimum validity period is 4 hours; for tasks longer than 1 hour, reapply a new stsToken every 60 minutes and call update again. */
    uint64_t sts_expiration;
    /** fileNamePrefix: The storage path prefix for recorded files: ["directory1","directory2"] gives directory1/directory2/. The total prefix length, including slashes, cannot exceed 128 characters. Supported characters: a-z, A-Z, 0-9. */
    const char *const *file_name_prefix;
    size_t file_name_prefix_count;
    /** whether `extensionParams` is set */
    bool has_extension_params;
    /** extensionParams: Encryption and tagging settings applied to uploaded recording files by the cloud storage service. */
    acr_extension_params extension_params;
} acr_start_storage_config;

#define ACR_START_STORAGE_CONFIG_INIT ACR_ZERO_INIT

/** LayoutRegion: One window of a custom layout, relative to the canvas (0 to 1, up to 6 decimals).
 * Request type: caller-owned, strict (unknown properties are violations). */
typedef struct acr_layout_region {
    /** uid: Whose video. Without it, windows go to users in the order they joined. */
    const char *uid;
    /** whether `x_axis` is set */
    bool has_x_axis;
    /** x_axis (required): Left edge. */
    double x_axis;
    /** whether `y_axis` is set */
    bool has_y_axis;
    /** y_axis (required): Top edge. */
    double y_axis;
    /** whether `width` is set */
    bool has_width;
    /** width (required): Width. */
    double width;
    /** whether `height` is set */
    bool has_height;
    /** height (required): Height. */
    double height;
    /** whether `alpha` is set */
    bool has_alpha;
    /** alpha [default: 1]: Opacity, 0 transparent to 1 opaque. */
    double alpha;
    /** whether `render_mode` is set */
    bool has_render_mode;
    /** render_mode [default: 0]: 0 crop, 1 fit. */
    int64_t render_mode;
} acr_layout_region;

#define ACR_LAYOUT_REGION_INIT ACR_ZERO_INIT

/** UserBackground: The background image of one user's window.
 * Request type: caller-owned, strict (unknown properties are violations). */
typedef struct acr_user_background {
    /** uid (required): Whose window. */
    const char *uid;
    /** image_url (required): An HTTPS URL of a JPG or BMP image of at most 6 MB. */
    const char *image_url;
    /** whether `render_mode` is set */
    bool has_render_mode;
    /** render_mode [default: 0]: 0 crop, 1 fit. */
    int64_t render_mode;
} acr_user_background;

#define ACR_USER_BACKGROUND_INIT ACR_ZERO_INIT

/** TranscodingConfig: The mixed video (mix mode).
 * Request type: caller-owned, strict (unknown properties are violations). */
typedef struct acr_transcoding_config {
    /** whether `width` is set */
    bool has_width;
    /** width [default: 360]: Pixels. width x height is at most 1920 x 1080. */
    int64_t width;
    /** whether `height` is set */
    bool has_height;
    /** height [default: 640]: Pixels. width x height is at most 1920 x 1080. */
    int64_t height;
    /** whether `fps` is set */
    bool has_fps;
    /** fps [default: 15]: Frames per second. */
    int64_t fps;
    /** whether `bitrate` is set */
    bool has_bitrate;
    /** bitrate [default: 500]: Kbps. */
    int64_t bitrate;
    /** maxResolutionUid: The UID shown in the large window. Required when mixedVideoLayout is 2. */
    const char *max_resolution_uid;
    /** whether `mixedVideoLayout` is set */
    bool has_mixed_video_layout;
    /** mixedVideoLayout [default: 0]: 0 floating, 1 best fit (adaptive), 2 vertical, 3 custom (layoutConfig). Layouts 0 to 2 show at most 17 windows. */
    int64_t mixed_video_layout;
    /** backgroundColor [default: "#000000"]: The canvas color, #RRGGBB. */
    const char *background_color;
    /** backgroundImage: URL of the canvas background image. */
    const char *background_image;
    /** defaultUserBackgroundImage: URL of the image shown for a user whose video stopped (more than 3.5 s). */
    const char *default_user_background_image;
    /** layoutConfig: The windows of the custom layout (at most 17). Only with mixedVideoLayout 3. */
    const acr_layout_region *layout_config;
    size_t layout_config_count;
    /** backgroundConfig: Background images per user. */
    const acr_user_background *background_config;
    size_t background_config_count;
} acr_transcoding_config;

#define ACR_TRANSCODING_CONFIG_INIT ACR_ZERO_INIT

/** RecordingConfig: What to subscribe to and how.
 * Request type: caller-owned, strict (unknown properties are violations). */
typedef struct acr_recording_config {
    /** whether `channelType` is set */
    bool has_channel_type;
    /** channelType (required): The channel profile: 0 communication, 1 live broadcast. Must match the channel. */
    int64_t channel_type;
    /** whether `decryptionMode` is set */
    bool has_decryption_mode;
    /** decryptionMode [default: 0]: How the channel's media is encrypted: 0 not at all, 1 AES_128_XTS, 2 AES_128_ECB, 3 AES_256_XTS, 4 SM4_128_ECB, 5 AES_128_GCM, 6 AES_256_GCM, 7 AES_128_GCM2, 8 AES_256_GCM2. */
    int64_t decryption_mode;
    /** secret: The decryption key. Required when decryptionMode is not 0. */
    const char *secret;
    /** salt: The salt, Base64 of 32 bytes. Required when decryptionMode is 7 or 8. */
    const char *salt;
    /** whether `maxIdleTime` is set */
    bool has_max_idle_time;
    /** maxIdleTime [default: 30]: Seconds without anyone in the channel after which the recording stops by itself. */
    int64_t max_idle_time;
    /** whether `streamTypes` is set */
    bool has_stream_types;
    /** streamTypes [default: 2]: What to subscribe to: 0 audio only, 1 video only, 2 audio and video. */
    int64_t stream_types;
    /** whether `videoStreamType` is set */
    bool has_video_stream_type;
    /** videoStreamType [default: 0]: Which stream of a dual-stream sender: 0 high, 1 low. */
    int64_t video_stream_type;
    /** subscribeAudioUids: Audio of these UIDs only (at most 32; ["#allstream#"]: everyone). Not with unsubscribeAudioUids; only when streamTypes is 0 or 2. */
    const char *const *subscribe_audio_uids;
    size_t subscribe_audio_uids_count;
    /** unsubscribeAudioUids: Audio of everyone except these UIDs (at most 32). Not with subscribeAudioUids; only when streamTypes is 0 or 2. */
    const char *const *unsubscribe_audio_uids;
    size_t unsubscribe_audio_uids_count;
    /** subscribeVideoUids: Video of these UIDs only (at most 32; ["#allstream#"]: everyone). Not with unsubscribeVideoUids; only when streamTypes is 1 or 2. */
    const char *const *subscribe_video_uids;
    size_t subscribe_video_uids_count;
    /** unsubscribeVideoUids: Video of everyone except these UIDs (at most 32). Not with subscribeVideoUids; only when streamTypes is 1 or 2. */
    const char *const *unsubscribe_video_uids;
    size_t unsubscribe_video_uids_count;
    /** whether `subscribeUidGroup` is set */
    bool has_subscribe_uid_group;
    /** subscribeUidGroup [required in modes: individual]: The expected peak number of subscribed UIDs: 0 (1-2), 1 (3-7), 2 (8-12), 3 (13-17), 4 (18-32), 5 (33-49). Required in individual mode. */
    int64_t subscribe_uid_group;
    /** streamMode [modes: individual] [default: "default"]: How to write the media: default, standard, or original (only with streamTypes 0). */
    acr_stream_mode stream_mode;
    const char *stream_mode_other; /**< the raw text when stream_mode is ACR_STREAM_MODE_OTHER */
    /** whether `audioProfile` is set */
    bool has_audio_profile;
    /** audioProfile [modes: mix] [default: 0]: The mixed audio: 0 48 kHz mono about 48 kbps, 1 48 kHz mono about 128 kbps, 2 48 kHz stereo about 192 kbps. */
    int64_t audio_profile;
    /** whether `transcodingConfig` is set */
    bool has_transcoding_config;
    /** transcodingConfig [modes: mix]: The mixed video. */
    acr_transcoding_config transcoding_config;
} acr_recording_config;

#define ACR_RECORDING_CONFIG_INIT ACR_ZERO_INIT

/** RecordingFileConfig: Which files to write.
 * Request type: caller-owned, strict (unknown properties are violations). */
typedef struct acr_recording_file_config {
    /** avFileType [default: ["hls"]]: hls, or hls and mp4 (mp4 needs hls beside it). Individual mode uses the default; mix and web modes need ["hls","mp4"] for MP4 files. */
    const acr_av_file_type *av_file_type;
    size_t av_file_type_count;
} acr_recording_file_config;

#define ACR_RECORDING_FILE_CONFIG_INIT ACR_ZERO_INIT

/** SnapshotConfig: Screenshots (individual mode). Needs recordingConfig.streamTypes 1 or 2; with subscribeAudioUids, subscribeVideoUids is needed too.
 * Request type: caller-owned, strict (unknown properties are violations). */
typedef struct acr_snapshot_config {
    /** whether `captureInterval` is set */
    bool has_capture_interval;
    /** captureInterval [default: 10]: Seconds between screenshots. */
    int64_t capture_interval;
    /** fileType (required): Image formats: ["jpg"]. */
    const acr_file_type *file_type;
    size_t file_type_count;
} acr_snapshot_config;

#define ACR_SNAPSHOT_CONFIG_INIT ACR_ZERO_INIT

/** ServiceContainer: The output file's container and audio.
 * Request type: caller-owned, strict (unknown properties are violations). */
typedef struct acr_service_container {
    /** format: mp4, mp3, m4a or aac. */
    acr_format format;
    const char *format_other; /**< the raw text when format is ACR_FORMAT_OTHER */
    /** sampleRate: Audio sample rate in Hz, as text. */
    const char *sample_rate;
    /** bitrate: Audio bitrate in bps, as text. */
    const char *bitrate;
    /** channels: Audio channels, as text. */
    const char *channels;
} acr_service_container;

#define ACR_SERVICE_CONTAINER_INIT ACR_ZERO_INIT

/** ServiceParam: A service's settings. url, audioProfile, videoWidth, videoHeight and maxRecordingHour are required for web_recorder_service; rtmp_publish_service takes outputs.
 * Request type: caller-owned, strict (unknown properties are violations). */
typedef struct acr_service_param {
    /** url: The page to record. */
    const char *url;
    /** whether `audioProfile` is set */
    bool has_audio_profile;
    /** audioProfile: 0 48 kHz mono about 48 kbps, 1 48 kHz mono about 128 kbps, 2 48 kHz stereo about 192 kbps. */
    int64_t audio_profile;
    /** whether `videoWidth` is set */
    bool has_video_width;
    /** videoWidth: Pixels. videoWidth x videoHeight is at most 1920 x 1080. */
    int64_t video_width;
    /** whether `videoHeight` is set */
    bool has_video_height;
    /** videoHeight: Pixels. videoWidth x videoHeight is at most 1920 x 1080. */
    int64_t video_height;
    /** whether `maxRecordingHour` is set */
    bool has_max_recording_hour;
    /** maxRecordingHour: Hours after which the recording stops. */
    int64_t max_recording_hour;
    /** whether `videoBitrate` is set */
    bool has_video_bitrate;
    /** videoBitrate: Kbps. */
    int64_t video_bitrate;
    /** whether `videoFps` is set */
    bool has_video_fps;
    /** videoFps [default: 15]: Frames per second. */
    int64_t video_fps;
    /** whether `mobile` is set */
    bool has_mobile;
    /** mobile [default: false]: Render the page as on a phone. */
    bool mobile;
    /** whether `maxVideoDuration` is set */
    bool has_max_video_duration;
    /** maxVideoDuration [default: 120]: Minutes per MP4 file. */
    int64_t max_video_duration;
    /** whether `onhold` is set */
    bool has_onhold;
    /** onhold [default: false]: Start paused (the page loads, no files) until an update sets it to false. */
    bool onhold;
    /** whether `readyTimeout` is set */
    bool has_ready_timeout;
    /** readyTimeout [default: 0]: Seconds to wait for the page to load. */
    int64_t ready_timeout;
    /** outputs: CDN push targets (at most one, as in update). */
    const acr_rtmp_output *outputs;
    size_t outputs_count;
    /** whether `container` is set */
    bool has_container;
    /** container: The output file's container and audio. */
    acr_service_container container;
} acr_service_param;

#define ACR_SERVICE_PARAM_INIT ACR_ZERO_INIT

/** ExtensionService: One service: web page recording or CDN push.
 * Request type: caller-owned, strict (unknown properties are violations). */
typedef struct acr_extension_service {
    /** serviceName (required): web_recorder_service or rtmp_publish_service. */
    acr_extension_service_service_name service_name;
    const char *service_name_other; /**< the raw text when service_name is ACR_EXTENSION_SERVICE_SERVICE_NAME_OTHER */
    /** errorHandlePolicy: error_abort (the default for web_recorder_service) or error_ignore (the default for rtmp_publish_service). */
    acr_extension_service_error_handle_policy error_handle_policy;
    const char *error_handle_policy_other; /**< the raw text when error_handle_policy is ACR_EXTENSION_SERVICE_ERROR_HANDLE_POLICY_OTHER */
    /** serviceParam (required): The service's settings. */
    acr_service_param service_param;
} acr_extension_service;

#define ACR_EXTENSION_SERVICE_INIT ACR_ZERO_INIT

/** ExtensionServiceConfig: The web page to record and where to push it (web mode).
 * Request type: caller-owned, strict (unknown properties are violations). */
typedef struct acr_extension_service_config {
    /** errorHandlePolicy [default: "error_abort"]: What a failing service does to the others: error_abort (the only value). */
    acr_error_handle_policy error_handle_policy;
    const char *error_handle_policy_other; /**< the raw text when error_handle_policy is ACR_ERROR_HANDLE_POLICY_OTHER */
    /** extensionServices (required): The services to run. */
    const acr_extension_service *extension_services;
    size_t extension_services_count;
} acr_extension_service_config;

#define ACR_EXTENSION_SERVICE_CONFIG_INIT ACR_ZERO_INIT

/** AppsCollection: Postponed transcoding or audio mixing (individual mode).
 * Request type: caller-owned, strict (unknown properties are violations). */
typedef struct acr_apps_collection {
    /** combinationPolicy [default: "default"]: default, or postpone_transcoding (for transcodeOptions). */
    acr_combination_policy combination_policy;
    const char *combination_policy_other; /**< the raw text when combination_policy is ACR_COMBINATION_POLICY_OTHER */
} acr_apps_collection;

#define ACR_APPS_COLLECTION_INIT ACR_ZERO_INIT

/** TransConfig: What to make.
 * Request type: caller-owned, strict (unknown properties are violations). */
typedef struct acr_trans_config {
    /** transMode (required): postponeTranscoding (audio and video) or audioMix. */
    acr_trans_mode trans_mode;
    const char *trans_mode_other; /**< the raw text when trans_mode is ACR_TRANS_MODE_OTHER */
} acr_trans_config;

#define ACR_TRANS_CONFIG_INIT ACR_ZERO_INIT

/** TranscodeContainer: The file format.
 * Request type: caller-owned, strict (unknown properties are violations). */
typedef struct acr_transcode_container {
    /** format: mp4 (postponeTranscoding: the default and only value), mp3 (the audioMix default), m4a or aac. */
    acr_format format;
    const char *format_other; /**< the raw text when format is ACR_FORMAT_OTHER */
} acr_transcode_container;

#define ACR_TRANSCODE_CONTAINER_INIT ACR_ZERO_INIT

/** TranscodeAudio: The mixed audio (audioMix only).
 * Request type: caller-owned, strict (unknown properties are violations). */
typedef struct acr_transcode_audio {
    /** sampleRate: Hz, as text. */
    acr_sample_rate sample_rate;
    const char *sample_rate_other; /**< the raw text when sample_rate is ACR_SAMPLE_RATE_OTHER */
    /** bitrate [default: "48000"]: bps, as text: 48000 (the default and only value). */
    acr_bitrate bitrate;
    const char *bitrate_other; /**< the raw text when bitrate is ACR_BITRATE_OTHER */
    /** channels: 1 mono, 2 stereo. */
    acr_channels channels;
    const char *channels_other; /**< the raw text when channels is ACR_CHANNELS_OTHER */
} acr_transcode_audio;

#define ACR_TRANSCODE_AUDIO_INIT ACR_ZERO_INIT

/** TranscodeOptions: After the recording ends (within 24 h), the service makes one file per user and uploads it.
 * Request type: caller-owned, strict (unknown properties are violations). */
typedef struct acr_transcode_options {
    /** transConfig (required): What to make. */
    acr_trans_config trans_config;
    /** whether `container` is set */
    bool has_container;
    /** container: The file format. */
    acr_transcode_container container;
    /** whether `audio` is set */
    bool has_audio;
    /** audio: The mixed audio (audioMix only). */
    acr_transcode_audio audio;
} acr_transcode_options;

#define ACR_TRANSCODE_OPTIONS_INIT ACR_ZERO_INIT

/** StartClientRequest: How to record. Also the shape of acquire's startParameter.
 * Request type: caller-owned, strict (unknown properties are violations). */
typedef struct acr_start_client_request {
    /** token [modes: individual, mix]: The RTC token for the recording's uid, when the project uses an App Certificate. It cannot be renewed later, so it must outlive the recording. */
    const char *token;
    /** storageConfig (required): Where to upload the files. */
    acr_start_storage_config storage_config;
    /** whether `recordingConfig` is set */
    bool has_recording_config;
    /** recordingConfig [modes: individual, mix] [required in modes: individual]: What to subscribe to and how. Needed in individual mode (it carries subscribeUidGroup). */
    acr_recording_config recording_config;
    /** whether `recordingFileConfig` is set */
    bool has_recording_file_config;
    /** recordingFileConfig [required in modes: mix, web]: Which files to write. Leave it out when only taking screenshots; needed in every other case (so always in mix and web modes). */
    acr_recording_file_config recording_file_config;
    /** whether `snapshotConfig` is set */
    bool has_snapshot_config;
    /** snapshotConfig [modes: individual]: Screenshots. */
    acr_snapshot_config snapshot_config;
    /** whether `extensionServiceConfig` is set */
    bool has_extension_service_config;
    /** extensionServiceConfig [modes: web] [required in modes: web]: The web page to record and where to push it. Needed in web mode (it carries the page's URL). */
    acr_extension_service_config extension_service_config;
    /** whether `appsCollection` is set */
    bool has_apps_collection;
    /** appsCollection [modes: individual]: Postponed transcoding or audio mixing. */
    acr_apps_collection apps_collection;
    /** whether `transcodeOptions` is set */
    bool has_transcode_options;
    /** transcodeOptions [modes: individual]: What the postponed transcoding or audio mixing makes. Only with appsCollection's postpone_transcoding. */
    acr_transcode_options transcode_options;
} acr_start_client_request;

#define ACR_START_CLIENT_REQUEST_INIT ACR_ZERO_INIT

/** AcquireClientRequest: What to reserve.
 * Request type: caller-owned, strict (unknown properties are violations). */
typedef struct acr_acquire_client_request {
    /** whether `scene` is set */
    bool has_scene;
    /** scene [default: 0]: 0 real-time audio and video recording, 1 web page recording. */
    int64_t scene;
    /** whether `resourceExpiredHour` is set */
    bool has_resource_expired_hour;
    /** resourceExpiredHour [default: 72]: Hours, counted from the start of the recording, after which no call on it is accepted any more. */
    double resource_expired_hour;
    /** whether `startParameter` is set */
    bool has_start_parameter;
    /** startParameter: The clientRequest of the later start, given early. When given, it must agree with what start sends: a bad one lets acquire succeed and start fail. */
    acr_start_client_request start_parameter;
    /** excludeResourceIds: Resource IDs of other tasks whose servers this one must avoid (redundant recordings across regions). */
    const char *const *exclude_resource_ids;
    size_t exclude_resource_ids_count;
    /** region: Keep the recording service in this area: CN, AP, EU or NA. The storage region given to start must then be in the same area. */
    acr_region region;
    const char *region_other; /**< the raw text when region is ACR_REGION_OTHER */
} acr_acquire_client_request;

#define ACR_ACQUIRE_CLIENT_REQUEST_INIT ACR_ZERO_INIT

/** AcquireRequest: Request body of acquire.
 * Request type: caller-owned, strict (unknown properties are violations). */
typedef struct acr_acquire_request {
    /** cname (required): The channel to record (individual and mix modes) or a name for the task (web mode). appid, cname and uid together identify one recording. */
    const char *cname;
    /** uid (required): The UID the recording service uses in the channel; it must not be in use by anyone else. To record one channel twice, use two UIDs. */
    const char *uid;
    /** clientRequest (required): What to reserve. */
    acr_acquire_client_request client_request;
} acr_acquire_request;

#define ACR_ACQUIRE_REQUEST_INIT ACR_ZERO_INIT

/** AcquireResponse: Response body of acquire (HTTP 200).
 * Response type: library-owned, lenient (unknown properties are skipped). */
typedef struct acr_acquire_response {
    /** cname: The channel name sent. */
    char *cname;
    /** uid: The UID sent. */
    char *uid;
    /** resourceId: The resource ID: valid for 5 minutes, for one recording. Call start with it promptly. */
    char *resource_id;
} acr_acquire_response;

#define ACR_ACQUIRE_RESPONSE_INIT ACR_ZERO_INIT

/** StartRequest: Request body of start.
 * Request type: caller-owned, strict (unknown properties are violations). */
typedef struct acr_start_request {
    /** cname (required): The cname sent to acquire. */
    const char *cname;
    /** uid (required): The uid sent to acquire. */
    const char *uid;
    /** clientRequest (required): How to record. */
    acr_start_client_request client_request;
} acr_start_request;

#define ACR_START_REQUEST_INIT ACR_ZERO_INIT

/** StartResponse: Response body of start (HTTP 200).
 * Response type: library-owned, lenient (unknown properties are skipped). */
typedef struct acr_start_response {
    /** cname: The channel name. */
    char *cname;
    /** uid: The recording service's UID. */
    char *uid;
    /** resourceId: The resource ID. */
    char *resource_id;
    /** sid: The recording ID. */
    char *sid;
} acr_start_response;

#define ACR_START_RESPONSE_INIT ACR_ZERO_INIT

/** RtmpPublishState: One CDN push target's state.
 * Response type: library-owned, lenient (unknown properties are skipped). */
typedef struct acr_rtmp_publish_state {
    /** rtmpUrl: The target URL. */
    char *rtmp_url;
    /** status: connecting, publishing, onhold or disconnected. */
    acr_rtmp_publish_status status;
    char *status_other; /**< the raw text when status is ACR_RTMP_PUBLISH_STATUS_OTHER */
} acr_rtmp_publish_state;

#define ACR_RTMP_PUBLISH_STATE_INIT ACR_ZERO_INIT

/** QueryExtensionPayload: A web mode service's state.
 * Response type: library-owned, lenient (unknown properties are skipped). */
typedef struct acr_query_extension_payload {
    /** fileList: The files so far (web_recorder_service). */
    acr_web_file_entry *file_list;
    size_t file_list_count;
    /** whether `onhold` is set */
    bool has_onhold;
    /** onhold: Whether recording is paused (web_recorder_service). */
    bool onhold;
    /** state: init, inProgress or exit. */
    acr_state state;
    char *state_other; /**< the raw text when state is ACR_STATE_OTHER */
    /** outputs: Each CDN push target's state (rtmp_publish_service). */
    acr_rtmp_publish_state *outputs;
    size_t outputs_count;
} acr_query_extension_payload;

#define ACR_QUERY_EXTENSION_PAYLOAD_INIT ACR_ZERO_INIT

/** QueryExtensionServiceState: One web mode service's state.
 * Response type: library-owned, lenient (unknown properties are skipped). */
typedef struct acr_query_extension_service_state {
    /** serviceName: web_recorder_service or rtmp_publish_service. */
    acr_extension_service_service_name service_name;
    char *service_name_other; /**< the raw text when service_name is ACR_EXTENSION_SERVICE_SERVICE_NAME_OTHER */
    /** whether `payload` is set */
    bool has_payload;
    /** payload: The service's state. */
    acr_query_extension_payload payload;
} acr_query_extension_service_state;

#define ACR_QUERY_EXTENSION_SERVICE_STATE_INIT ACR_ZERO_INIT

/** QueryServerResponse: The recording's state; the members depend on the mode.
 * Response type: library-owned, lenient (unknown properties are skipped). */
typedef struct acr_query_server_response {
    /** whether `status` is set */
    bool has_status;
    /** status: 0 not started, 1 initialised, 2 components starting, 3 some components ready, 4 all ready, 5 recording, 6 stop requested, 7 all stopped, 8 exited, 20 exited abnormally. Other values are kept as they come. */
    int64_t status;
    /** whether `sliceStartTime` is set */
    bool has_slice_start_time;
    /** sliceStartTime: When recording began, in milliseconds since the epoch (individual mode); the file entries count seconds. */
    int64_t slice_start_time;
    /** fileListMode: How fileList is written: string or json, as in stop. */
    acr_file_list_mode file_list_mode;
    char *file_list_mode_other; /**< the raw text when file_list_mode is ACR_FILE_LIST_MODE_OTHER */
    /** fileList: The files so far: an M3U8 file name (fileListMode string) or file entries (fileListMode json). */
    char *file_list; /**< set when the value is a string */
    acr_file_entry *file_list_items; /**< set when the value is an array */
    size_t file_list_count;
    /** extensionServiceState: Each service's state (web mode). */
    acr_query_extension_service_state *extension_service_state;
    size_t extension_service_state_count;
} acr_query_server_response;

#define ACR_QUERY_SERVER_RESPONSE_INIT ACR_ZERO_INIT

/** QueryResponse: Response body of query (HTTP 200).
 * Response type: library-owned, lenient (unknown properties are skipped). */
typedef struct acr_query_response {
    /** cname: The channel name. */
    char *cname;
    /** uid: The recording service's UID. */
    char *uid;
    /** resourceId: The resource ID. */
    char *resource_id;
    /** sid: The recording ID. */
    char *sid;
    /** whether `serverResponse` is set */
    bool has_server_response;
    /** serverResponse: The recording's state; the members depend on the mode. */
    acr_query_server_response server_response;
} acr_query_response;

#define ACR_QUERY_RESPONSE_INIT ACR_ZERO_INIT

/** UpdateLayoutClientRequest: The new layout. It replaces the whole layout: members left out go back to their defaults.
 * Request type: caller-owned, strict (unknown properties are violations). */
typedef struct acr_update_layout_client_request {
    /** maxResolutionUid: The UID shown in the large window. Required when mixedVideoLayout is 2. */
    const char *max_resolution_uid;
    /** whether `mixedVideoLayout` is set */
    bool has_mixed_video_layout;
    /** mixedVideoLayout [default: 0]: 0 floating, 1 best fit (adaptive), 2 vertical, 3 custom (layoutConfig). Layouts 0 to 2 show at most 17 windows. */
    int64_t mixed_video_layout;
    /** backgroundColor [default: "#000000"]: The canvas color, #RRGGBB. */
    const char *background_color;
    /** backgroundImage: URL of the canvas background image. */
    const char *background_image;
    /** defaultUserBackgroundImage: URL of the image shown for a user whose video stopped (more than 3.5 s). */
    const char *default_user_background_image;
    /** layoutConfig: The windows of the custom layout (at most 17). Only with mixedVideoLayout 3. */
    const acr_layout_region *layout_config;
    size_t layout_config_count;
    /** backgroundConfig: Background images per user. */
    const acr_user_background *background_config;
    size_t background_config_count;
} acr_update_layout_client_request;

#define ACR_UPDATE_LAYOUT_CLIENT_REQUEST_INIT ACR_ZERO_INIT

/** UpdateLayoutRequest: Request body of updateLayout.
 * Request type: caller-owned, strict (unknown properties are violations). */
typedef struct acr_update_layout_request {
    /** cname (required): The cname sent to acquire. */
    const char *cname;
    /** uid (required): The uid sent to acquire. */
    const char *uid;
    /** clientRequest (required): The new layout. */
    acr_update_layout_client_request client_request;
} acr_update_layout_request;

#define ACR_UPDATE_LAYOUT_REQUEST_INIT ACR_ZERO_INIT

/** UpdateLayoutResponse: Response body of updateLayout (HTTP 200).
 * Response type: library-owned, lenient (unknown properties are skipped). */
typedef struct acr_update_layout_response {
    /** cname: The channel name. */
    char *cname;
    /** uid: The recording service's UID. */
    char *uid;
    /** resourceId: The resource ID. */
    char *resource_id;
    /** sid: The recording ID. */
    char *sid;
} acr_update_layout_response;

#define ACR_UPDATE_LAYOUT_RESPONSE_INIT ACR_ZERO_INIT

/** NcsIpResponseDataServiceHostsItem: One server.
 * Response type: library-owned, lenient (unknown properties are skipped). */
typedef struct acr_ncs_ip_response_data_service_hosts_item {
    /** primaryIP: Its IP address. */
    char *primary_ip;
} acr_ncs_ip_response_data_service_hosts_item;

#define ACR_NCS_IP_RESPONSE_DATA_SERVICE_HOSTS_ITEM_INIT ACR_ZERO_INIT

/** NcsIpResponseDataService: The notification service.
 * Response type: library-owned, lenient (unknown properties are skipped). */
typedef struct acr_ncs_ip_response_data_service {
    /** hosts: Its servers. */
    acr_ncs_ip_response_data_service_hosts_item *hosts;
    size_t hosts_count;
} acr_ncs_ip_response_data_service;

#define ACR_NCS_IP_RESPONSE_DATA_SERVICE_INIT ACR_ZERO_INIT

/** NcsIpResponseData: The answer.
 * Response type: library-owned, lenient (unknown properties are skipped). */
typedef struct acr_ncs_ip_response_data {
    /** whether `service` is set */
    bool has_service;
    /** service: The notification service. */
    acr_ncs_ip_response_data_service service;
} acr_ncs_ip_response_data;

#define ACR_NCS_IP_RESPONSE_DATA_INIT ACR_ZERO_INIT

/** NcsIpResponse: Response body of ncsIp (HTTP 200): the addresses the notification servers call from.
 * Response type: library-owned, lenient (unknown properties are skipped). */
typedef struct acr_ncs_ip_response {
    /** whether `data` is set */
    bool has_data;
    /** data: The answer. */
    acr_ncs_ip_response_data data;
} acr_ncs_ip_response;

#define ACR_NCS_IP_RESPONSE_INIT ACR_ZERO_INIT

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

/** Releases what a parse allocated (one call frees it all) and zeroes *value.
 * Never pass a struct whose pointers the caller set. */
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

/** Releases what a parse allocated (one call frees it all) and zeroes *value.
 * Never pass a struct whose pointers the caller set. */
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

/** Releases what a parse allocated (one call frees it all) and zeroes *value.
 * Never pass a struct whose pointers the caller set. */
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

/** Releases what a parse allocated (one call frees it all) and zeroes *value.
 * Never pass a struct whose pointers the caller set. */
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

/** Releases what a parse allocated (one call frees it all) and zeroes *value.
 * Never pass a struct whose pointers the caller set. */
ACR_API void acr_stop_response_free(acr_stop_response *value);

/* --- AcquireRequest: a request body --- */
ACR_API extern const acr_type_desc acr_acquire_request_type;

/** Checks every rule of the schema and reports every violation in err (each
 * with its JSON pointer). When err holds the violations of a parse of this
 * struct, they are kept and the new ones added; anything else in err is
 * replaced. Pass ACR_MODE_ANY to skip mode-dependent rules.
 * Returns ACR_OK or ACR_ERR_INVALID_REQUEST (or ACR_ERR_NOMEM). */
ACR_API acr_status acr_acquire_request_validate(const acr_acquire_request *value, acr_mode mode, acr_error *err);

/** Serializes to compact JSON in *json (NUL-terminated; release with acr_free).
 * Only present members are written. */
ACR_API acr_status acr_acquire_request_to_json(const acr_acquire_request *value, char **json, size_t *length, acr_error *err);

/** Serializes to JSON in pieces passed to write(ctx, ...). */
ACR_API acr_status acr_acquire_request_write(const acr_acquire_request *value, acr_write_fn write, void *ctx, acr_error *err);

/** Parses a whole document into *out, which must be ACR_ACQUIRE_REQUEST_INIT and is
 * library-owned afterwards: release it with acr_acquire_request_free() whatever the
 * result. Wrong types and unknown properties are reported as violations
 * (ACR_ERR_INVALID_REQUEST); malformed JSON as ACR_ERR_MALFORMED_JSON with line and
 * column. */
ACR_API acr_status acr_acquire_request_parse(const char *json, size_t length, acr_acquire_request *out, acr_error *err);

/** A streaming parser filling *out chunk by chunk (acr_parser_feed, then
 * acr_parser_finish, then acr_parser_free). NULL when out of memory. */
ACR_API acr_parser *acr_acquire_request_parser_new(acr_acquire_request *out, const acr_parse_options *options);

/** Releases what a parse allocated (one call frees it all) and zeroes *value.
 * Never pass a struct whose pointers the caller set. */
ACR_API void acr_acquire_request_free(acr_acquire_request *value);

/* --- AcquireResponse: a response body --- */
ACR_API extern const acr_type_desc acr_acquire_response_type;

/** Serializes to compact JSON in *json (NUL-terminated; release with acr_free).
 * Only present members are written. */
ACR_API acr_status acr_acquire_response_to_json(const acr_acquire_response *value, char **json, size_t *length, acr_error *err);

/** Serializes to JSON in pieces passed to write(ctx, ...). */
ACR_API acr_status acr_acquire_response_write(const acr_acquire_response *value, acr_write_fn write, void *ctx, acr_error *err);

/** Parses a whole document into *out, which must be ACR_ACQUIRE_RESPONSE_INIT and is
 * library-owned afterwards: release it with acr_acquire_response_free() whatever the
 * result. Unknown properties are skipped; anything else that breaks the schema
 * is ACR_ERR_INVALID_RESPONSE with its JSON pointer. */
ACR_API acr_status acr_acquire_response_parse(const char *json, size_t length, acr_acquire_response *out, acr_error *err);

/** A streaming parser filling *out chunk by chunk (acr_parser_feed, then
 * acr_parser_finish, then acr_parser_free). NULL when out of memory. */
ACR_API acr_parser *acr_acquire_response_parser_new(acr_acquire_response *out, const acr_parse_options *options);

/** Releases what a parse allocated (one call frees it all) and zeroes *value.
 * Never pass a struct whose pointers the caller set. */
ACR_API void acr_acquire_response_free(acr_acquire_response *value);

/* --- StartRequest: a request body --- */
ACR_API extern const acr_type_desc acr_start_request_type;

/** Checks every rule of the schema and reports every violation in err (each
 * with its JSON pointer). When err holds the violations of a parse of this
 * struct, they are kept and the new ones added; anything else in err is
 * replaced. Pass ACR_MODE_ANY to skip mode-dependent rules.
 * Returns ACR_OK or ACR_ERR_INVALID_REQUEST (or ACR_ERR_NOMEM). */
ACR_API acr_status acr_start_request_validate(const acr_start_request *value, acr_mode mode, acr_error *err);

/** Serializes to compact JSON in *json (NUL-terminated; release with acr_free).
 * Only present members are written. */
ACR_API acr_status acr_start_request_to_json(const acr_start_request *value, char **json, size_t *length, acr_error *err);

/** Serializes to JSON in pieces passed to write(ctx, ...). */
ACR_API acr_status acr_start_request_write(const acr_start_request *value, acr_write_fn write, void *ctx, acr_error *err);

/** Parses a whole document into *out, which must be ACR_START_REQUEST_INIT and is
 * library-owned afterwards: release it with acr_start_request_free() whatever the
 * result. Wrong types and unknown properties are reported as violations
 * (ACR_ERR_INVALID_REQUEST); malformed JSON as ACR_ERR_MALFORMED_JSON with line and
 * column. */
ACR_API acr_status acr_start_request_parse(const char *json, size_t length, acr_start_request *out, acr_error *err);

/** A streaming parser filling *out chunk by chunk (acr_parser_feed, then
 * acr_parser_finish, then acr_parser_free). NULL when out of memory. */
ACR_API acr_parser *acr_start_request_parser_new(acr_start_request *out, const acr_parse_options *options);

/** Releases what a parse allocated (one call frees it all) and zeroes *value.
 * Never pass a struct whose pointers the caller set. */
ACR_API void acr_start_request_free(acr_start_request *value);

/* --- StartResponse: a response body --- */
ACR_API extern const acr_type_desc acr_start_response_type;

/** Serializes to compact JSON in *json (NUL-terminated; release with acr_free).
 * Only present members are written. */
ACR_API acr_status acr_start_response_to_json(const acr_start_response *value, char **json, size_t *length, acr_error *err);

/** Serializes to JSON in pieces passed to write(ctx, ...). */
ACR_API acr_status acr_start_response_write(const acr_start_response *value, acr_write_fn write, void *ctx, acr_error *err);

/** Parses a whole document into *out, which must be ACR_START_RESPONSE_INIT and is
 * library-owned afterwards: release it with acr_start_response_free() whatever the
 * result. Unknown properties are skipped; anything else that breaks the schema
 * is ACR_ERR_INVALID_RESPONSE with its JSON pointer. */
ACR_API acr_status acr_start_response_parse(const char *json, size_t length, acr_start_response *out, acr_error *err);

/** A streaming parser filling *out chunk by chunk (acr_parser_feed, then
 * acr_parser_finish, then acr_parser_free). NULL when out of memory. */
ACR_API acr_parser *acr_start_response_parser_new(acr_start_response *out, const acr_parse_options *options);

/** Releases what a parse allocated (one call frees it all) and zeroes *value.
 * Never pass a struct whose pointers the caller set. */
ACR_API void acr_start_response_free(acr_start_response *value);

/* --- QueryResponse: a response body --- */
ACR_API extern const acr_type_desc acr_query_response_type;

/** Serializes to compact JSON in *json (NUL-terminated; release with acr_free).
 * Only present members are written. */
ACR_API acr_status acr_query_response_to_json(const acr_query_response *value, char **json, size_t *length, acr_error *err);

/** Serializes to JSON in pieces passed to write(ctx, ...). */
ACR_API acr_status acr_query_response_write(const acr_query_response *value, acr_write_fn write, void *ctx, acr_error *err);

/** Parses a whole document into *out, which must be ACR_QUERY_RESPONSE_INIT and is
 * library-owned afterwards: release it with acr_query_response_free() whatever the
 * result. Unknown properties are skipped; anything else that breaks the schema
 * is ACR_ERR_INVALID_RESPONSE with its JSON pointer. */
ACR_API acr_status acr_query_response_parse(const char *json, size_t length, acr_query_response *out, acr_error *err);

/** A streaming parser filling *out chunk by chunk (acr_parser_feed, then
 * acr_parser_finish, then acr_parser_free). NULL when out of memory. */
ACR_API acr_parser *acr_query_response_parser_new(acr_query_response *out, const acr_parse_options *options);

/** Releases what a parse allocated (one call frees it all) and zeroes *value.
 * Never pass a struct whose pointers the caller set. */
ACR_API void acr_query_response_free(acr_query_response *value);

/* --- UpdateLayoutRequest: a request body --- */
ACR_API extern const acr_type_desc acr_update_layout_request_type;

/** Checks every rule of the schema and reports every violation in err (each
 * with its JSON pointer). When err holds the violations of a parse of this
 * struct, they are kept and the new ones added; anything else in err is
 * replaced. Pass ACR_MODE_ANY to skip mode-dependent rules.
 * Returns ACR_OK or ACR_ERR_INVALID_REQUEST (or ACR_ERR_NOMEM). */
ACR_API acr_status acr_update_layout_request_validate(const acr_update_layout_request *value, acr_mode mode, acr_error *err);

/** Serializes to compact JSON in *json (NUL-terminated; release with acr_free).
 * Only present members are written. */
ACR_API acr_status acr_update_layout_request_to_json(const acr_update_layout_request *value, char **json, size_t *length, acr_error *err);

/** Serializes to JSON in pieces passed to write(ctx, ...). */
ACR_API acr_status acr_update_layout_request_write(const acr_update_layout_request *value, acr_write_fn write, void *ctx, acr_error *err);

/** Parses a whole document into *out, which must be ACR_UPDATE_LAYOUT_REQUEST_INIT and is
 * library-owned afterwards: release it with acr_update_layout_request_free() whatever the
 * result. Wrong types and unknown properties are reported as violations
 * (ACR_ERR_INVALID_REQUEST); malformed JSON as ACR_ERR_MALFORMED_JSON with line and
 * column. */
ACR_API acr_status acr_update_layout_request_parse(const char *json, size_t length, acr_update_layout_request *out, acr_error *err);

/** A streaming parser filling *out chunk by chunk (acr_parser_feed, then
 * acr_parser_finish, then acr_parser_free). NULL when out of memory. */
ACR_API acr_parser *acr_update_layout_request_parser_new(acr_update_layout_request *out, const acr_parse_options *options);

/** Releases what a parse allocated (one call frees it all) and zeroes *value.
 * Never pass a struct whose pointers the caller set. */
ACR_API void acr_update_layout_request_free(acr_update_layout_request *value);

/* --- UpdateLayoutResponse: a response body --- */
ACR_API extern const acr_type_desc acr_update_layout_response_type;

/** Serializes to compact JSON in *json (NUL-terminated; release with acr_free).
 * Only present members are written. */
ACR_API acr_status acr_update_layout_response_to_json(const acr_update_layout_response *value, char **json, size_t *length, acr_error *err);

/** Serializes to JSON in pieces passed to write(ctx, ...). */
ACR_API acr_status acr_update_layout_response_write(const acr_update_layout_response *value, acr_write_fn write, void *ctx, acr_error *err);

/** Parses a whole document into *out, which must be ACR_UPDATE_LAYOUT_RESPONSE_INIT and is
 * library-owned afterwards: release it with acr_update_layout_response_free() whatever the
 * result. Unknown properties are skipped; anything else that breaks the schema
 * is ACR_ERR_INVALID_RESPONSE with its JSON pointer. */
ACR_API acr_status acr_update_layout_response_parse(const char *json, size_t length, acr_update_layout_response *out, acr_error *err);

/** A streaming parser filling *out chunk by chunk (acr_parser_feed, then
 * acr_parser_finish, then acr_parser_free). NULL when out of memory. */
ACR_API acr_parser *acr_update_layout_response_parser_new(acr_update_layout_response *out, const acr_parse_options *options);

/** Releases what a parse allocated (one call frees it all) and zeroes *value.
 * Never pass a struct whose pointers the caller set. */
ACR_API void acr_update_layout_response_free(acr_update_layout_response *value);

/* --- NcsIpResponse: a response body --- */
ACR_API extern const acr_type_desc acr_ncs_ip_response_type;

/** Serializes to compact JSON in *json (NUL-terminated; release with acr_free).
 * Only present members are written. */
ACR_API acr_status acr_ncs_ip_response_to_json(const acr_ncs_ip_response *value, char **json, size_t *length, acr_error *err);

/** Serializes to JSON in pieces passed to write(ctx, ...). */
ACR_API acr_status acr_ncs_ip_response_write(const acr_ncs_ip_response *value, acr_write_fn write, void *ctx, acr_error *err);

/** Parses a whole document into *out, which must be ACR_NCS_IP_RESPONSE_INIT and is
 * library-owned afterwards: release it with acr_ncs_ip_response_free() whatever the
 * result. Unknown properties are skipped; anything else that breaks the schema
 * is ACR_ERR_INVALID_RESPONSE with its JSON pointer. */
ACR_API acr_status acr_ncs_ip_response_parse(const char *json, size_t length, acr_ncs_ip_response *out, acr_error *err);

/** A streaming parser filling *out chunk by chunk (acr_parser_feed, then
 * acr_parser_finish, then acr_parser_free). NULL when out of memory. */
ACR_API acr_parser *acr_ncs_ip_response_parser_new(acr_ncs_ip_response *out, const acr_parse_options *options);

/** Releases what a parse allocated (one call frees it all) and zeroes *value.
 * Never pass a struct whose pointers the caller set. */
ACR_API void acr_ncs_ip_response_free(acr_ncs_ip_response *value);

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

/** Calls update (POST): validates *request for params->mode (nothing
 * is sent when it is invalid), sends it, parses a 200 answer into *response, which must be
 * ACR_UPDATE_RESPONSE_INIT and is library-owned afterwards: release it with
 * acr_update_response_free() whatever the result. Default timeout: 30000 ms.
 * Calls for the same resourceid and sid never overlap: a second caller waits
 * for the first answer. See acr_call() in acr/client.h for the errors. */
ACR_API acr_status acr_update(acr_client *client, const acr_update_params *params,
                              const acr_update_request *request, acr_update_response *response, acr_error *err);

/** Starts update on `loop` and returns at once: acr_update() for an
 * event loop (see acr/loop.h). It checks what acr_update() checks first,
 * validating *request for params->mode: on any error nothing starts,
 * the status is returned, `err` says why and `done` is never called.
 * On ACR_OK the call is in flight (*transfer, when not NULL, can cancel it)
 * and `done` runs exactly once, on the loop's thread, with the status and
 * error acr_update() would return (or ACR_ERR_CANCELLED).
 * Ownership: *params and *request are copied (free them once this returns);
 * *response, which must be ACR_UPDATE_RESPONSE_INIT, is borrowed until `done`
 * returns (the loop fills it: keep it alive and leave it alone until then);
 * `done` may read it, and it is released with acr_update_response_free() whatever the status.
 * update calls for the same resourceid and sid (blocking or not, from any
 * loop of the client) never overlap: they wait in one queue and run in FIFO order.
 * Thread: the loop's; may be called from a done callback. */
ACR_API acr_status acr_update_async(acr_loop *loop, const acr_update_params *params,
                                    const acr_update_request *request, acr_update_response *response,
                                    acr_done_fn done, void *ctx, acr_transfer **transfer, acr_error *err);

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

/** Calls stop (POST): validates *request for params->mode (nothing
 * is sent when it is invalid), sends it, parses a 200 answer into *response, which must be
 * ACR_STOP_RESPONSE_INIT and is library-owned afterwards: release it with
 * acr_stop_response_free() whatever the result. Default timeout: 120000 ms. See acr_call() in acr/client.h for the errors. */
ACR_API acr_status acr_stop(acr_client *client, const acr_stop_params *params,
                            const acr_stop_request *request, acr_stop_response *response, acr_error *err);

/** Starts stop on `loop` and returns at once: acr_stop() for an
 * event loop (see acr/loop.h). It checks what acr_stop() checks first,
 * validating *request for params->mode: on any error nothing starts,
 * the status is returned, `err` says why and `done` is never called.
 * On ACR_OK the call is in flight (*transfer, when not NULL, can cancel it)
 * and `done` runs exactly once, on the loop's thread, with the status and
 * error acr_stop() would return (or ACR_ERR_CANCELLED).
 * Ownership: *params and *request are copied (free them once this returns);
 * *response, which must be ACR_STOP_RESPONSE_INIT, is borrowed until `done`
 * returns (the loop fills it: keep it alive and leave it alone until then);
 * `done` may read it, and it is released with acr_stop_response_free() whatever the status.
 * Thread: the loop's; may be called from a done callback. */
ACR_API acr_status acr_stop_async(acr_loop *loop, const acr_stop_params *params,
                                  const acr_stop_request *request, acr_stop_response *response,
                                  acr_done_fn done, void *ctx, acr_transfer **transfer, acr_error *err);

/* --- the acquire operation: POST /v1/apps/{appid}/cloud_recording/acquire ---
 * Reserve a recording resource */

ACR_API extern const acr_operation_desc acr_acquire_operation;

/** Calls acquire (POST): validates *request (nothing
 * is sent when it is invalid), sends it, parses a 200 answer into *response, which must be
 * ACR_ACQUIRE_RESPONSE_INIT and is library-owned afterwards: release it with
 * acr_acquire_response_free() whatever the result. Default timeout: 30000 ms. See acr_call() in acr/client.h for the errors. */
ACR_API acr_status acr_acquire(acr_client *client, const acr_acquire_request *request,
                               acr_acquire_response *response, acr_error *err);

/** Starts acquire on `loop` and returns at once: acr_acquire() for an
 * event loop (see acr/loop.h). It checks what acr_acquire() checks first,
 * validating *request: on any error nothing starts,
 * the status is returned, `err` says why and `done` is never called.
 * On ACR_OK the call is in flight (*transfer, when not NULL, can cancel it)
 * and `done` runs exactly once, on the loop's thread, with the status and
 * error acr_acquire() would return (or ACR_ERR_CANCELLED).
 * Ownership: *request is copied (free it once this returns);
 * *response, which must be ACR_ACQUIRE_RESPONSE_INIT, is borrowed until `done`
 * returns (the loop fills it: keep it alive and leave it alone until then);
 * `done` may read it, and it is released with acr_acquire_response_free() whatever the status.
 * Thread: the loop's; may be called from a done callback. */
ACR_API acr_status acr_acquire_async(acr_loop *loop, const acr_acquire_request *request,
                                     acr_acquire_response *response, acr_done_fn done, void *ctx,
                                     acr_transfer **transfer, acr_error *err);

/* --- the start operation: POST /v1/apps/{appid}/cloud_recording/resourceid/{resourceid}/mode/{mode}/start ---
 * Start recording */
typedef struct acr_start_params {
    /** resourceid: The resource ID obtained from the acquire endpoint. */
    const char *resource_id;
    /** mode: The recording mode: individual (individual recording), mix (composite recording), web (web page recording). Lower case, case-sensitive. */
    acr_mode mode;
} acr_start_params;

#define ACR_START_PARAMS_INIT ACR_ZERO_INIT

ACR_API extern const acr_operation_desc acr_start_operation;

/** Calls start (POST): validates *request for params->mode (nothing
 * is sent when it is invalid), sends it, parses a 200 answer into *response, which must be
 * ACR_START_RESPONSE_INIT and is library-owned afterwards: release it with
 * acr_start_response_free() whatever the result. Default timeout: 30000 ms. See acr_call() in acr/client.h for the errors. */
ACR_API acr_status acr_start(acr_client *client, const acr_start_params *params,
                             const acr_start_request *request, acr_start_response *response, acr_error *err);

/** Starts start on `loop` and returns at once: acr_start() for an
 * event loop (see acr/loop.h). It checks what acr_start() checks first,
 * validating *request for params->mode: on any error nothing starts,
 * the status is returned, `err` says why and `done` is never called.
 * On ACR_OK the call is in flight (*transfer, when not NULL, can cancel it)
 * and `done` runs exactly once, on the loop's thread, with the status and
 * error acr_start() would return (or ACR_ERR_CANCELLED).
 * Ownership: *params and *request are copied (free them once this returns);
 * *response, which must be ACR_START_RESPONSE_INIT, is borrowed until `done`
 * returns (the loop fills it: keep it alive and leave it alone until then);
 * `done` may read it, and it is released with acr_start_response_free() whatever the status.
 * Thread: the loop's; may be called from a done callback. */
ACR_API acr_status acr_start_async(acr_loop *loop, const acr_start_params *params,
                                   const acr_start_request *request, acr_start_response *response,
                                   acr_done_fn done, void *ctx, acr_transfer **transfer, acr_error *err);

/* --- the query operation: GET /v1/apps/{appid}/cloud_recording/resourceid/{resourceid}/sid/{sid}/mode/{mode}/query ---
 * Read a recording's state */
typedef struct acr_query_params {
    /** resourceid: The resource ID obtained from the acquire endpoint. */
    const char *resource_id;
    /** sid: The recording ID obtained from the start endpoint. */
    const char *sid;
    /** mode: The recording mode: individual (individual recording), mix (composite recording), web (web page recording). Lower case, case-sensitive. */
    acr_mode mode;
} acr_query_params;

#define ACR_QUERY_PARAMS_INIT ACR_ZERO_INIT

ACR_API extern const acr_operation_desc acr_query_operation;

/** Calls query (GET, no request body): parses a 200 answer into *response, which must be
 * ACR_QUERY_RESPONSE_INIT and is library-owned afterwards: release it with
 * acr_query_response_free() whatever the result. Default timeout: 30000 ms. See acr_call() in acr/client.h for the errors. */
ACR_API acr_status acr_query(acr_client *client, const acr_query_params *params, acr_query_response *response,
                             acr_error *err);

/** Starts query on `loop` and returns at once: acr_query() for an
 * event loop (see acr/loop.h). It checks what acr_query() checks first: on any error nothing starts,
 * the status is returned, `err` says why and `done` is never called.
 * On ACR_OK the call is in flight (*transfer, when not NULL, can cancel it)
 * and `done` runs exactly once, on the loop's thread, with the status and
 * error acr_query() would return (or ACR_ERR_CANCELLED).
 * Ownership: *params is copied (free it once this returns);
 * *response, which must be ACR_QUERY_RESPONSE_INIT, is borrowed until `done`
 * returns (the loop fills it: keep it alive and leave it alone until then);
 * `done` may read it, and it is released with acr_query_response_free() whatever the status.
 * Thread: the loop's; may be called from a done callback. */
ACR_API acr_status acr_query_async(acr_loop *loop, const acr_query_params *params,
                                   acr_query_response *response, acr_done_fn done, void *ctx,
                                   acr_transfer **transfer, acr_error *err);

/* --- the updateLayout operation: POST /v1/apps/{appid}/cloud_recording/resourceid/{resourceid}/sid/{sid}/mode/{mode}/updateLayout ---
 * Change the composite layout */
typedef struct acr_update_layout_params {
    /** resourceid: The resource ID obtained from the acquire endpoint. */
    const char *resource_id;
    /** sid: The recording ID obtained from the start endpoint. */
    const char *sid;
    /** mode (only mix): The recording mode: mix only. */
    acr_mode mode;
} acr_update_layout_params;

#define ACR_UPDATE_LAYOUT_PARAMS_INIT ACR_ZERO_INIT

ACR_API extern const acr_operation_desc acr_update_layout_operation;

/** Calls updateLayout (POST): validates *request for params->mode (nothing
 * is sent when it is invalid), sends it, accepts only mode mix
 * (another is ACR_ERR_USAGE, nothing sent), parses a 200 answer into *response, which must be
 * ACR_UPDATE_LAYOUT_RESPONSE_INIT and is library-owned afterwards: release it with
 * acr_update_layout_response_free() whatever the result. Default timeout: 30000 ms.
 * Calls for the same resourceid and sid never overlap: a second caller waits
 * for the first answer. See acr_call() in acr/client.h for the errors. */
ACR_API acr_status acr_update_layout(acr_client *client, const acr_update_layout_params *params,
                                     const acr_update_layout_request *request,
                                     acr_update_layout_response *response, acr_error *err);

/** Starts updateLayout on `loop` and returns at once: acr_update_layout() for an
 * event loop (see acr/loop.h). It checks what acr_update_layout() checks first,
 * validating *request for params->mode: on any error nothing starts,
 * the status is returned, `err` says why and `done` is never called.
 * On ACR_OK the call is in flight (*transfer, when not NULL, can cancel it)
 * and `done` runs exactly once, on the loop's thread, with the status and
 * error acr_update_layout() would return (or ACR_ERR_CANCELLED).
 * Ownership: *params and *request are copied (free them once this returns);
 * *response, which must be ACR_UPDATE_LAYOUT_RESPONSE_INIT, is borrowed until `done`
 * returns (the loop fills it: keep it alive and leave it alone until then);
 * `done` may read it, and it is released with acr_update_layout_response_free() whatever the status.
 * updateLayout calls for the same resourceid and sid (blocking or not, from any
 * loop of the client) never overlap: they wait in one queue and run in FIFO order.
 * Thread: the loop's; may be called from a done callback. */
ACR_API acr_status acr_update_layout_async(acr_loop *loop, const acr_update_layout_params *params,
                                           const acr_update_layout_request *request,
                                           acr_update_layout_response *response, acr_done_fn done, void *ctx,
                                           acr_transfer **transfer, acr_error *err);

/* --- the ncsIp operation: GET /v1/ncs/ip ---
 * List the notification servers' addresses */

ACR_API extern const acr_operation_desc acr_ncs_ip_operation;

/** Calls ncsIp (GET, no request body): parses a 200 answer into *response, which must be
 * ACR_NCS_IP_RESPONSE_INIT and is library-owned afterwards: release it with
 * acr_ncs_ip_response_free() whatever the result. Default timeout: 30000 ms. See acr_call() in acr/client.h for the errors. */
ACR_API acr_status acr_ncs_ip(acr_client *client, acr_ncs_ip_response *response, acr_error *err);

/** Starts ncsIp on `loop` and returns at once: acr_ncs_ip() for an
 * event loop (see acr/loop.h). It checks what acr_ncs_ip() checks first: on any error nothing starts,
 * the status is returned, `err` says why and `done` is never called.
 * On ACR_OK the call is in flight (*transfer, when not NULL, can cancel it)
 * and `done` runs exactly once, on the loop's thread, with the status and
 * error acr_ncs_ip() would return (or ACR_ERR_CANCELLED).
 * Ownership: *response, which must be ACR_NCS_IP_RESPONSE_INIT, is borrowed until `done`
 * returns (the loop fills it: keep it alive and leave it alone until then);
 * `done` may read it, and it is released with acr_ncs_ip_response_free() whatever the status.
 * Thread: the loop's; may be called from a done callback. */
ACR_API acr_status acr_ncs_ip_async(acr_loop *loop, acr_ncs_ip_response *response, acr_done_fn done,
                                    void *ctx, acr_transfer **transfer, acr_error *err);

/** Every operation of the schema, in schema order, NULL-terminated: for tools
 * that work on any operation (acr_call, the command line). */
ACR_API extern const acr_operation_desc *const acr_operations[];

/** The number of entries of acr_operations before its NULL. */
#define ACR_OPERATION_COUNT 7

/** The same number, as an object (for tools built against any generated API). */
ACR_API extern const size_t acr_operation_count;

#ifdef __cplusplus
}
#endif

#endif
