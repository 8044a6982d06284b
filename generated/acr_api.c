/* Generated from schema/cloud_recording.json by codegen/acrgen. Do not edit: change the
 * schema and regenerate (see README.md).
 *
 * Descriptor tables for the runtime engine (acr/tables.h), and the thin typed
 * entry points declared in acr_api.h. */
#include "acr_api.h"

#include <string.h>

#include "acr/tables.h"

/* The engine stores enums through an int. */
_Static_assert(sizeof(acr_sse) == sizeof(int), "acr_sse must be int-sized");
_Static_assert(sizeof(acr_service_name) == sizeof(int), "acr_service_name must be int-sized");
_Static_assert(sizeof(acr_uploading_status) == sizeof(int), "acr_uploading_status must be int-sized");
_Static_assert(sizeof(acr_state) == sizeof(int), "acr_state must be int-sized");
_Static_assert(sizeof(acr_file_list_mode) == sizeof(int), "acr_file_list_mode must be int-sized");
_Static_assert(sizeof(acr_track_type) == sizeof(int), "acr_track_type must be int-sized");

static const char *const mode_names[] = { "individual", "mix", "web" };

bool acr_mode_parse(const char *text, acr_mode *mode)
{
    if (!text || !mode)
        return false;
    for (size_t i = 0; i < sizeof mode_names / sizeof mode_names[0]; i++) {
        if (strcmp(text, mode_names[i]) == 0) {
            *mode = (acr_mode)(i + 1);
            return true;
        }
    }
    return false;
}

const char *acr_mode_name(acr_mode mode)
{
    if (mode < 1 || (size_t)mode > sizeof mode_names / sizeof mode_names[0])
        return NULL;
    return mode_names[mode - 1];
}

/* pattern ^([1-9][0-9]{0,8}|[1-3][0-9]{9}|4[01][0-9]{8}|42[0-8][0-9]{7}|429[0-3][0-9]{6}|4294[0-8][0-9]{5}|42949[0-5][0-9]{4}|429496[0-6][0-9]{3}|4294967[01][0-9]{2}|42949672[0-8][0-9]|429496729[0-5])$ */
static const uint8_t pattern_0_class[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};
static const int16_t pattern_0_next[] = {
    -1, -1, 1, 1, 1, 2, 3, 3, 3, 3, 3,
    -1, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
    -1, 3, 3, 4, 5, 5, 5, 5, 5, 5, 5,
    -1, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5,
    -1, 5, 5, 5, 5, 5, 5, 5, 5, 5, 6,
    -1, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7,
    -1, 7, 7, 7, 7, 8, 9, 9, 9, 9, 9,
    -1, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9,
    -1, 9, 9, 9, 9, 9, 9, 9, 9, 9, 10,
    -1, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11,
    -1, 11, 11, 11, 11, 11, 11, 12, 13, 13, 13,
    -1, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13,
    -1, 13, 13, 13, 13, 13, 13, 13, 14, 15, 15,
    -1, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15,
    -1, 15, 15, 16, 17, 17, 17, 17, 17, 17, 17,
    -1, 17, 17, 17, 17, 17, 17, 17, 17, 17, 17,
    -1, 17, 17, 17, 17, 17, 17, 17, 17, 17, 18,
    -1, 19, 19, 19, 19, 19, 19, 19, 19, 19, 19,
    -1, 19, 19, 19, 19, 19, 19, -1, -1, -1, -1,
    -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
};
static const uint8_t pattern_0_accept[] = { 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1 };
static const acr_dfa pattern_0 = {
    pattern_0_class, 11, 20, pattern_0_next, pattern_0_accept,
};

/* pattern ^(#allstream#|[1-9][0-9]{0,8}|[1-3][0-9]{9}|4[01][0-9]{8}|42[0-8][0-9]{7}|429[0-3][0-9]{6}|4294[0-8][0-9]{5}|42949[0-5][0-9]{4}|429496[0-6][0-9]{3}|4294967[01][0-9]{2}|42949672[0-8][0-9]|429496729[0-5])$ */
static const uint8_t pattern_1_class[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 12, 0, 0, 0, 13, 0, 0, 0, 0, 0, 0, 14, 15, 0, 0, 0, 0, 16, 17, 18, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};
static const int16_t pattern_1_next[] = {
    -1, 1, -1, 2, 2, 2, 3, 4, 4, 4, 4, 4, -1, -1, -1, -1, -1, -1, -1,
    -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, 5, -1, -1, -1, -1, -1, -1,
    -1, -1, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, -1, -1, -1, -1, -1, -1, -1,
    -1, -1, 4, 4, 6, 7, 7, 7, 7, 7, 7, 7, -1, -1, -1, -1, -1, -1, -1,
    -1, -1, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, -1, -1, -1, -1, -1, -1, -1,
    -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, 8, -1, -1, -1, -1,
    -1, -1, 7, 7, 7, 7, 7, 7, 7, 7, 7, 9, -1, -1, -1, -1, -1, -1, -1,
    -1, -1, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, -1, -1, -1, -1, -1, -1, -1,
    -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, 11, -1, -1, -1, -1,
    -1, -1, 10, 10, 10, 10, 12, 13, 13, 13, 13, 13, -1, -1, -1, -1, -1, -1, -1,
    -1, -1, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, -1, -1, -1, -1, -1, -1, -1,
    -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, 14, -1,
    -1, -1, 13, 13, 13, 13, 13, 13, 13, 13, 13, 15, -1, -1, -1, -1, -1, -1, -1,
    -1, -1, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, -1, -1, -1, -1, -1, -1, -1,
    -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, 17,
    -1, -1, 16, 16, 16, 16, 16, 16, 18, 19, 19, 19, -1, -1, -1, -1, -1, -1, -1,
    -1, -1, 19, 19, 19, 19, 19, 19, 19, 19, 19, 19, -1, -1, -1, -1, -1, -1, -1,
    -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, 20, -1, -1,
    -1, -1, 19, 19, 19, 19, 19, 19, 19, 21, 22, 22, -1, -1, -1, -1, -1, -1, -1,
    -1, -1, 22, 22, 22, 22, 22, 22, 22, 22, 22, 22, -1, -1, -1, -1, -1, -1, -1,
    -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, 23, -1, -1, -1, -1, -1,
    -1, -1, 22, 22, 24, 25, 25, 25, 25, 25, 25, 25, -1, -1, -1, -1, -1, -1, -1,
    -1, -1, 25, 25, 25, 25, 25, 25, 25, 25, 25, 25, -1, -1, -1, -1, -1, -1, -1,
    -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, 26, -1, -1, -1, -1, -1, -1,
    -1, -1, 25, 25, 25, 25, 25, 25, 25, 25, 25, 27, -1, -1, -1, -1, -1, -1, -1,
    -1, -1, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, -1, -1, -1, -1, -1, -1, -1,
    -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, 29, -1, -1, -1,
    -1, -1, 28, 28, 28, 28, 28, 28, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
    -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
    -1, 28, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
};
static const uint8_t pattern_1_accept[] = { 0, 0, 1, 1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 1, 0 };
static const acr_dfa pattern_1 = {
    pattern_1_class, 19, 30, pattern_1_next, pattern_1_accept,
};

/* pattern ^rtmps?:// */
static const uint8_t pattern_2_class[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 4, 0, 5, 6, 7, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};
static const int16_t pattern_2_next[] = {
    -1, -1, -1, -1, -1, 1, -1, -1,
    -1, -1, -1, -1, -1, -1, -1, 2,
    -1, -1, -1, 3, -1, -1, -1, -1,
    -1, -1, -1, -1, 4, -1, -1, -1,
    -1, -1, 5, -1, -1, -1, 6, -1,
    -1, 7, -1, -1, -1, -1, -1, -1,
    -1, -1, 5, -1, -1, -1, -1, -1,
    -1, 8, -1, -1, -1, -1, -1, -1,
    8, 8, 8, 8, 8, 8, 8, 8,
};
static const uint8_t pattern_2_accept[] = { 0, 0, 0, 0, 0, 0, 0, 0, 1 };
static const acr_dfa pattern_2 = {
    pattern_2_class, 8, 9, pattern_2_next, pattern_2_accept,
};

/* pattern ^[A-Za-z0-9]+$ */
static const uint8_t pattern_3_class[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};
static const int16_t pattern_3_next[] = {
    -1, 1,
    -1, 1,
};
static const uint8_t pattern_3_accept[] = { 0, 1 };
static const acr_dfa pattern_3 = {
    pattern_3_class, 2, 2, pattern_3_next, pattern_3_accept,
};

static const char *const acr_sse_values[] = { "kms", "aes256" };
static const acr_enum_desc acr_sse_enum = { acr_sse_values, 2, "\"kms\" or \"aes256\"" };

static const char *const acr_service_name_values[] = { "upload_service", "web_recorder_service" };
static const acr_enum_desc acr_service_name_enum = { acr_service_name_values, 2, "\"upload_service\" or \"web_recorder_service\"" };

static const char *const acr_uploading_status_values[] = { "uploaded", "backuped", "unknown" };
static const acr_enum_desc acr_uploading_status_enum = { acr_uploading_status_values, 3, "one of \"uploaded\", \"backuped\" or \"unknown\"" };

static const char *const acr_state_values[] = { "init", "inProgress", "exit" };
static const acr_enum_desc acr_state_enum = { acr_state_values, 3, "one of \"init\", \"inProgress\" or \"exit\"" };

static const char *const acr_file_list_mode_values[] = { "string", "json" };
static const acr_enum_desc acr_file_list_mode_enum = { acr_file_list_mode_values, 2, "\"string\" or \"json\"" };

static const char *const acr_track_type_values[] = { "audio", "video", "audio_and_video" };
static const acr_enum_desc acr_track_type_enum = { acr_track_type_values, 3, "one of \"audio\", \"video\" or \"audio_and_video\"" };

/* --- AudioUidList --- */
static const acr_string_rules v_acr_audio_uid_list_subscribe_audio_uids_items_string = {
    0, SIZE_MAX, SIZE_MAX,
    &pattern_1, "^(#allstream#|[1-9][0-9]{0,8}|[1-3][0-9]{9}|4[01][0-9]{8}|42[0-8][0-9]{7}|429[0-3][0-9]{6}|4294[0-8][0-9]{5}|42949[0-5][0-9]{4}|429496[0-6][0-9]{3}|4294967[01][0-9]{2}|42949672[0-8][0-9]|429496729[0-5])$",
    "\"#allstream#\" or a decimal UID string from 1 to 4294967295",
};
static const acr_value_desc v_acr_audio_uid_list_subscribe_audio_uids_items = {
    ACR_KIND_STRING, 0,
    NULL,
    NULL, 0,
    NULL,
    &v_acr_audio_uid_list_subscribe_audio_uids_items_string, NULL, NULL, NULL,
    "a string",
};

static const acr_array_rules v_acr_audio_uid_list_subscribe_audio_uids_array = {
    0, 32, 0,
};
static const acr_value_desc v_acr_audio_uid_list_subscribe_audio_uids = {
    ACR_KIND_ARRAY, 1,
    NULL,
    &v_acr_audio_uid_list_subscribe_audio_uids_items, sizeof(char *),
    NULL,
    NULL, NULL, NULL, &v_acr_audio_uid_list_subscribe_audio_uids_array,
    "an array or null",
};

static const acr_string_rules v_acr_audio_uid_list_unsubscribe_audio_uids_items_string = {
    0, SIZE_MAX, SIZE_MAX,
    &pattern_1, "^(#allstream#|[1-9][0-9]{0,8}|[1-3][0-9]{9}|4[01][0-9]{8}|42[0-8][0-9]{7}|429[0-3][0-9]{6}|4294[0-8][0-9]{5}|42949[0-5][0-9]{4}|429496[0-6][0-9]{3}|4294967[01][0-9]{2}|42949672[0-8][0-9]|429496729[0-5])$",
    "\"#allstream#\" or a decimal UID string from 1 to 4294967295",
};
static const acr_value_desc v_acr_audio_uid_list_unsubscribe_audio_uids_items = {
    ACR_KIND_STRING, 0,
    NULL,
    NULL, 0,
    NULL,
    &v_acr_audio_uid_list_unsubscribe_audio_uids_items_string, NULL, NULL, NULL,
    "a string",
};

static const acr_array_rules v_acr_audio_uid_list_unsubscribe_audio_uids_array = {
    0, 32, 0,
};
static const acr_value_desc v_acr_audio_uid_list_unsubscribe_audio_uids = {
    ACR_KIND_ARRAY, 1,
    NULL,
    &v_acr_audio_uid_list_unsubscribe_audio_uids_items, sizeof(char *),
    NULL,
    NULL, NULL, NULL, &v_acr_audio_uid_list_unsubscribe_audio_uids_array,
    "an array or null",
};

static const acr_field_desc acr_audio_uid_list_fields[] = {
    { "subscribeAudioUids", 18, &v_acr_audio_uid_list_subscribe_audio_uids,
      offsetof(acr_audio_uid_list, subscribe_audio_uids), offsetof(acr_audio_uid_list, subscribe_audio_uids_count), 0,
      0, 0, NULL, 0 },
    { "unsubscribeAudioUids", 20, &v_acr_audio_uid_list_unsubscribe_audio_uids,
      offsetof(acr_audio_uid_list, unsubscribe_audio_uids), offsetof(acr_audio_uid_list, unsubscribe_audio_uids_count), 0,
      0, 0, NULL, 0 },
};
static const uint16_t acr_audio_uid_list_rule_0_fields[] = { 0, 1 };
static const acr_rule acr_audio_uid_list_rules[] = {
    { ACR_RULE_EXCLUSIVE, ACR_IF_VALUE,
      acr_audio_uid_list_rule_0_fields, 2,
      NULL, 0,
      NULL, 0, 0,
      0, INT64_C(0), NULL,
      0, NULL, INT64_C(0),
      NULL, 0, "subscribeAudioUids and unsubscribeAudioUids cannot both be set" },
};
static const acr_object_desc acr_audio_uid_list_object = {
    "AudioUidList", sizeof(acr_audio_uid_list), acr_audio_uid_list_fields, 2,
    acr_audio_uid_list_rules, 1, 1,
};

/* --- VideoUidList --- */
static const acr_string_rules v_acr_video_uid_list_subscribe_video_uids_items_string = {
    0, SIZE_MAX, SIZE_MAX,
    &pattern_1, "^(#allstream#|[1-9][0-9]{0,8}|[1-3][0-9]{9}|4[01][0-9]{8}|42[0-8][0-9]{7}|429[0-3][0-9]{6}|4294[0-8][0-9]{5}|42949[0-5][0-9]{4}|429496[0-6][0-9]{3}|4294967[01][0-9]{2}|42949672[0-8][0-9]|429496729[0-5])$",
    "\"#allstream#\" or a decimal UID string from 1 to 4294967295",
};
static const acr_value_desc v_acr_video_uid_list_subscribe_video_uids_items = {
    ACR_KIND_STRING, 0,
    NULL,
    NULL, 0,
    NULL,
    &v_acr_video_uid_list_subscribe_video_uids_items_string, NULL, NULL, NULL,
    "a string",
};

static const acr_array_rules v_acr_video_uid_list_subscribe_video_uids_array = {
    0, 32, 0,
};
static const acr_value_desc v_acr_video_uid_list_subscribe_video_uids = {
    ACR_KIND_ARRAY, 1,
    NULL,
    &v_acr_video_uid_list_subscribe_video_uids_items, sizeof(char *),
    NULL,
    NULL, NULL, NULL, &v_acr_video_uid_list_subscribe_video_uids_array,
    "an array or null",
};

static const acr_string_rules v_acr_video_uid_list_unsubscribe_video_uids_items_string = {
    0, SIZE_MAX, SIZE_MAX,
    &pattern_1, "^(#allstream#|[1-9][0-9]{0,8}|[1-3][0-9]{9}|4[01][0-9]{8}|42[0-8][0-9]{7}|429[0-3][0-9]{6}|4294[0-8][0-9]{5}|42949[0-5][0-9]{4}|429496[0-6][0-9]{3}|4294967[01][0-9]{2}|42949672[0-8][0-9]|429496729[0-5])$",
    "\"#allstream#\" or a decimal UID string from 1 to 4294967295",
};
static const acr_value_desc v_acr_video_uid_list_unsubscribe_video_uids_items = {
    ACR_KIND_STRING, 0,
    NULL,
    NULL, 0,
    NULL,
    &v_acr_video_uid_list_unsubscribe_video_uids_items_string, NULL, NULL, NULL,
    "a string",
};

static const acr_array_rules v_acr_video_uid_list_unsubscribe_video_uids_array = {
    0, 32, 0,
};
static const acr_value_desc v_acr_video_uid_list_unsubscribe_video_uids = {
    ACR_KIND_ARRAY, 1,
    NULL,
    &v_acr_video_uid_list_unsubscribe_video_uids_items, sizeof(char *),
    NULL,
    NULL, NULL, NULL, &v_acr_video_uid_list_unsubscribe_video_uids_array,
    "an array or null",
};

static const acr_field_desc acr_video_uid_list_fields[] = {
    { "subscribeVideoUids", 18, &v_acr_video_uid_list_subscribe_video_uids,
      offsetof(acr_video_uid_list, subscribe_video_uids), offsetof(acr_video_uid_list, subscribe_video_uids_count), 0,
      0, 0, NULL, 0 },
    { "unsubscribeVideoUids", 20, &v_acr_video_uid_list_unsubscribe_video_uids,
      offsetof(acr_video_uid_list, unsubscribe_video_uids), offsetof(acr_video_uid_list, unsubscribe_video_uids_count), 0,
      0, 0, NULL, 0 },
};
static const uint16_t acr_video_uid_list_rule_0_fields[] = { 0, 1 };
static const acr_rule acr_video_uid_list_rules[] = {
    { ACR_RULE_EXCLUSIVE, ACR_IF_VALUE,
      acr_video_uid_list_rule_0_fields, 2,
      NULL, 0,
      NULL, 0, 0,
      0, INT64_C(0), NULL,
      0, NULL, INT64_C(0),
      NULL, 0, "subscribeVideoUids and unsubscribeVideoUids cannot both be set" },
};
static const acr_object_desc acr_video_uid_list_object = {
    "VideoUidList", sizeof(acr_video_uid_list), acr_video_uid_list_fields, 2,
    acr_video_uid_list_rules, 1, 1,
};

/* --- StreamSubscribe --- */
static const acr_value_desc v_acr_stream_subscribe_audio_uid_list = {
    ACR_KIND_OBJECT, 1,
    &acr_audio_uid_list_object,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "an object or null",
};

static const acr_value_desc v_acr_stream_subscribe_video_uid_list = {
    ACR_KIND_OBJECT, 1,
    &acr_video_uid_list_object,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "an object or null",
};

static const acr_field_desc acr_stream_subscribe_fields[] = {
    { "audioUidList", 12, &v_acr_stream_subscribe_audio_uid_list,
      offsetof(acr_stream_subscribe, audio_uid_list), offsetof(acr_stream_subscribe, has_audio_uid_list), 0,
      0, 0, NULL, 0 },
    { "videoUidList", 12, &v_acr_stream_subscribe_video_uid_list,
      offsetof(acr_stream_subscribe, video_uid_list), offsetof(acr_stream_subscribe, has_video_uid_list), 0,
      0, 0, NULL, 0 },
};
static const acr_object_desc acr_stream_subscribe_object = {
    "StreamSubscribe", sizeof(acr_stream_subscribe), acr_stream_subscribe_fields, 2,
    NULL, 0, 1,
};

/* --- WebRecordingConfig --- */
static const acr_value_desc v_acr_web_recording_config_onhold = {
    ACR_KIND_BOOL, 1,
    NULL,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "a boolean or null",
};

static const acr_field_desc acr_web_recording_config_fields[] = {
    { "onhold", 6, &v_acr_web_recording_config_onhold,
      offsetof(acr_web_recording_config, onhold), offsetof(acr_web_recording_config, has_onhold), 0,
      0, 0, NULL, 0 },
};
static const acr_object_desc acr_web_recording_config_object = {
    "WebRecordingConfig", sizeof(acr_web_recording_config), acr_web_recording_config_fields, 1,
    NULL, 0, 1,
};

/* --- RtmpOutput --- */
static const acr_string_rules v_acr_rtmp_output_rtmp_url_string = {
    0, SIZE_MAX, SIZE_MAX,
    &pattern_2, "^rtmps\?://",
    "an rtmp:// or rtmps:// URL",
};
static const acr_value_desc v_acr_rtmp_output_rtmp_url = {
    ACR_KIND_STRING, 1,
    NULL,
    NULL, 0,
    NULL,
    &v_acr_rtmp_output_rtmp_url_string, NULL, NULL, NULL,
    "a string or null",
};

static const acr_field_desc acr_rtmp_output_fields[] = {
    { "rtmpUrl", 7, &v_acr_rtmp_output_rtmp_url,
      offsetof(acr_rtmp_output, rtmp_url), 0, 0,
      0, 0, NULL, 0 },
};
static const acr_object_desc acr_rtmp_output_object = {
    "RtmpOutput", sizeof(acr_rtmp_output), acr_rtmp_output_fields, 1,
    NULL, 0, 1,
};

/* --- RtmpPublishConfig --- */
static const acr_value_desc v_acr_rtmp_publish_config_outputs_items = {
    ACR_KIND_OBJECT, 0,
    &acr_rtmp_output_object,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "an object",
};

static const acr_array_rules v_acr_rtmp_publish_config_outputs_array = {
    0, 1, 0,
};
static const acr_value_desc v_acr_rtmp_publish_config_outputs = {
    ACR_KIND_ARRAY, 1,
    NULL,
    &v_acr_rtmp_publish_config_outputs_items, sizeof(acr_rtmp_output),
    NULL,
    NULL, NULL, NULL, &v_acr_rtmp_publish_config_outputs_array,
    "an array or null",
};

static const acr_field_desc acr_rtmp_publish_config_fields[] = {
    { "outputs", 7, &v_acr_rtmp_publish_config_outputs,
      offsetof(acr_rtmp_publish_config, outputs), offsetof(acr_rtmp_publish_config, outputs_count), 0,
      0, 0, NULL, 0 },
};
static const acr_object_desc acr_rtmp_publish_config_object = {
    "RtmpPublishConfig", sizeof(acr_rtmp_publish_config), acr_rtmp_publish_config_fields, 1,
    NULL, 0, 1,
};

/* --- ExtensionParams --- */
static const acr_value_desc v_acr_extension_params_sse = {
    ACR_KIND_ENUM, 0,
    NULL,
    NULL, 0,
    &acr_sse_enum,
    NULL, NULL, NULL, NULL,
    "a string",
};

static const acr_value_desc v_acr_extension_params_tag = {
    ACR_KIND_STRING, 0,
    NULL,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "a string",
};

static const acr_string_rules v_acr_extension_params_endpoint_string = {
    1, SIZE_MAX, SIZE_MAX,
    NULL, NULL,
    NULL,
};
static const acr_value_desc v_acr_extension_params_endpoint = {
    ACR_KIND_STRING, 1,
    NULL,
    NULL, 0,
    NULL,
    &v_acr_extension_params_endpoint_string, NULL, NULL, NULL,
    "a string or null",
};

static const acr_field_desc acr_extension_params_fields[] = {
    { "sse", 3, &v_acr_extension_params_sse,
      offsetof(acr_extension_params, sse), offsetof(acr_extension_params, sse_other), 0,
      1, 0, NULL, 0 },
    { "tag", 3, &v_acr_extension_params_tag,
      offsetof(acr_extension_params, tag), 0, 0,
      1, 0, NULL, 0 },
    { "endpoint", 8, &v_acr_extension_params_endpoint,
      offsetof(acr_extension_params, endpoint), 0, 0,
      0, 0, NULL, 0 },
};
static const acr_object_desc acr_extension_params_object = {
    "ExtensionParams", sizeof(acr_extension_params), acr_extension_params_fields, 3,
    NULL, 0, 1,
};

/* --- StorageConfig --- */
static const int64_t v_acr_storage_config_vendor_allowed[] = { INT64_C(1), INT64_C(2), INT64_C(3), INT64_C(5), INT64_C(6), INT64_C(7), INT64_C(8), INT64_C(11) };
static const acr_int_rules v_acr_storage_config_vendor_int = {
    0, 0,
    INT64_C(0), INT64_C(0), 0, 0,
    v_acr_storage_config_vendor_allowed, 8, "one of 1, 2, 3, 5, 6, 7, 8 or 11",
};
static const acr_value_desc v_acr_storage_config_vendor = {
    ACR_KIND_INT, 0,
    NULL,
    NULL, 0,
    NULL,
    NULL, &v_acr_storage_config_vendor_int, NULL, NULL,
    "an integer",
};

static const acr_int_rules v_acr_storage_config_region_int = {
    1, 0,
    INT64_C(0), INT64_C(0), 0, 0,
    NULL, 0, "",
};
static const acr_value_desc v_acr_storage_config_region = {
    ACR_KIND_INT, 0,
    NULL,
    NULL, 0,
    NULL,
    NULL, &v_acr_storage_config_region_int, NULL, NULL,
    "an integer",
};

static const acr_string_rules v_acr_storage_config_bucket_string = {
    1, SIZE_MAX, SIZE_MAX,
    NULL, NULL,
    NULL,
};
static const acr_value_desc v_acr_storage_config_bucket = {
    ACR_KIND_STRING, 0,
    NULL,
    NULL, 0,
    NULL,
    &v_acr_storage_config_bucket_string, NULL, NULL, NULL,
    "a string",
};

static const acr_string_rules v_acr_storage_config_access_key_string = {
    1, SIZE_MAX, SIZE_MAX,
    NULL, NULL,
    NULL,
};
static const acr_value_desc v_acr_storage_config_access_key = {
    ACR_KIND_STRING, 0,
    NULL,
    NULL, 0,
    NULL,
    &v_acr_storage_config_access_key_string, NULL, NULL, NULL,
    "a string",
};

static const acr_string_rules v_acr_storage_config_secret_key_string = {
    1, SIZE_MAX, SIZE_MAX,
    NULL, NULL,
    NULL,
};
static const acr_value_desc v_acr_storage_config_secret_key = {
    ACR_KIND_STRING, 0,
    NULL,
    NULL, 0,
    NULL,
    &v_acr_storage_config_secret_key_string, NULL, NULL, NULL,
    "a string",
};

static const acr_string_rules v_acr_storage_config_sts_token_string = {
    1, SIZE_MAX, SIZE_MAX,
    NULL, NULL,
    NULL,
};
static const acr_value_desc v_acr_storage_config_sts_token = {
    ACR_KIND_STRING, 1,
    NULL,
    NULL, 0,
    NULL,
    &v_acr_storage_config_sts_token_string, NULL, NULL, NULL,
    "a string or null",
};

static const acr_int_rules v_acr_storage_config_sts_expiration_int = {
    1, 1,
    0, 0, UINT64_C(0), UINT64_C(18446744073709551615),
    NULL, 0, "",
};
static const acr_value_desc v_acr_storage_config_sts_expiration = {
    ACR_KIND_UINT64, 1,
    NULL,
    NULL, 0,
    NULL,
    NULL, &v_acr_storage_config_sts_expiration_int, NULL, NULL,
    "an integer or null",
};

static const acr_string_rules v_acr_storage_config_file_name_prefix_items_string = {
    1, SIZE_MAX, SIZE_MAX,
    &pattern_3, "^[A-Za-z0-9]+$",
    "letters and digits only",
};
static const acr_value_desc v_acr_storage_config_file_name_prefix_items = {
    ACR_KIND_STRING, 0,
    NULL,
    NULL, 0,
    NULL,
    &v_acr_storage_config_file_name_prefix_items_string, NULL, NULL, NULL,
    "a string",
};

static const acr_array_rules v_acr_storage_config_file_name_prefix_array = {
    0, SIZE_MAX, 128,
};
static const acr_value_desc v_acr_storage_config_file_name_prefix = {
    ACR_KIND_ARRAY, 1,
    NULL,
    &v_acr_storage_config_file_name_prefix_items, sizeof(char *),
    NULL,
    NULL, NULL, NULL, &v_acr_storage_config_file_name_prefix_array,
    "an array or null",
};

static const acr_value_desc v_acr_storage_config_extension_params = {
    ACR_KIND_OBJECT, 1,
    &acr_extension_params_object,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "an object or null",
};

static const acr_field_desc acr_storage_config_fields[] = {
    { "vendor", 6, &v_acr_storage_config_vendor,
      offsetof(acr_storage_config, vendor), offsetof(acr_storage_config, has_vendor), 0,
      1, 0, NULL, 0 },
    { "region", 6, &v_acr_storage_config_region,
      offsetof(acr_storage_config, region), offsetof(acr_storage_config, has_region), 0,
      1, 0, NULL, 0 },
    { "bucket", 6, &v_acr_storage_config_bucket,
      offsetof(acr_storage_config, bucket), 0, 0,
      1, 0, NULL, 0 },
    { "accessKey", 9, &v_acr_storage_config_access_key,
      offsetof(acr_storage_config, access_key), 0, 0,
      1, 0, NULL, 1 },
    { "secretKey", 9, &v_acr_storage_config_secret_key,
      offsetof(acr_storage_config, secret_key), 0, 0,
      1, 0, NULL, 1 },
    { "stsToken", 8, &v_acr_storage_config_sts_token,
      offsetof(acr_storage_config, sts_token), 0, 0,
      0, 0, NULL, 1 },
    { "stsExpiration", 13, &v_acr_storage_config_sts_expiration,
      offsetof(acr_storage_config, sts_expiration), offsetof(acr_storage_config, has_sts_expiration), 0,
      0, 0, NULL, 0 },
    { "fileNamePrefix", 14, &v_acr_storage_config_file_name_prefix,
      offsetof(acr_storage_config, file_name_prefix), offsetof(acr_storage_config, file_name_prefix_count), 0,
      0, 0, NULL, 0 },
    { "extensionParams", 15, &v_acr_storage_config_extension_params,
      offsetof(acr_storage_config, extension_params), offsetof(acr_storage_config, has_extension_params), 0,
      0, 0, NULL, 0 },
};
static const uint16_t acr_storage_config_rule_0_fields[] = { 0 };
static const int64_t acr_storage_config_rule_0_values[] = { INT64_C(1) };
static const uint16_t acr_storage_config_rule_0_effect_0_path[] = { 1 };
static const int64_t acr_storage_config_rule_0_effect_0_allowed[] = { INT64_C(0), INT64_C(1), INT64_C(2), INT64_C(3), INT64_C(4), INT64_C(5), INT64_C(6), INT64_C(7), INT64_C(8), INT64_C(9), INT64_C(10), INT64_C(11), INT64_C(12), INT64_C(13), INT64_C(14), INT64_C(15), INT64_C(16), INT64_C(18), INT64_C(19), INT64_C(20), INT64_C(21), INT64_C(22), INT64_C(24), INT64_C(25) };
static const acr_effect acr_storage_config_rule_0_effects[] = {
    { ACR_EFFECT_ONE_OF, acr_storage_config_rule_0_effect_0_path, 1,
      acr_storage_config_rule_0_effect_0_allowed, 24,
      NULL, 0, NULL,
      "must be 0 to 16, 18 to 22, 24 or 25 when vendor is 1" },
};
static const uint16_t acr_storage_config_rule_1_fields[] = { 0 };
static const int64_t acr_storage_config_rule_1_values[] = { INT64_C(2) };
static const uint16_t acr_storage_config_rule_1_effect_0_path[] = { 1 };
static const int64_t acr_storage_config_rule_1_effect_0_allowed[] = { INT64_C(0), INT64_C(1), INT64_C(2), INT64_C(3), INT64_C(4), INT64_C(5), INT64_C(6), INT64_C(7), INT64_C(8), INT64_C(9), INT64_C(10), INT64_C(11), INT64_C(12), INT64_C(13), INT64_C(14), INT64_C(15), INT64_C(16), INT64_C(17), INT64_C(18), INT64_C(19), INT64_C(20), INT64_C(21), INT64_C(22), INT64_C(23), INT64_C(24), INT64_C(25), INT64_C(26), INT64_C(27) };
static const acr_effect acr_storage_config_rule_1_effects[] = {
    { ACR_EFFECT_ONE_OF, acr_storage_config_rule_1_effect_0_path, 1,
      acr_storage_config_rule_1_effect_0_allowed, 28,
      NULL, 0, NULL,
      "must be 0 to 27 when vendor is 2" },
};
static const uint16_t acr_storage_config_rule_2_fields[] = { 0 };
static const int64_t acr_storage_config_rule_2_values[] = { INT64_C(3) };
static const uint16_t acr_storage_config_rule_2_effect_0_path[] = { 1 };
static const int64_t acr_storage_config_rule_2_effect_0_allowed[] = { INT64_C(0), INT64_C(1), INT64_C(2), INT64_C(3), INT64_C(4), INT64_C(5), INT64_C(6), INT64_C(7), INT64_C(8), INT64_C(9), INT64_C(10), INT64_C(11), INT64_C(12), INT64_C(13), INT64_C(14), INT64_C(15), INT64_C(16), INT64_C(17), INT64_C(18), INT64_C(19) };
static const acr_effect acr_storage_config_rule_2_effects[] = {
    { ACR_EFFECT_ONE_OF, acr_storage_config_rule_2_effect_0_path, 1,
      acr_storage_config_rule_2_effect_0_allowed, 20,
      NULL, 0, NULL,
      "must be 0 to 19 when vendor is 3" },
};
static const uint16_t acr_storage_config_rule_3_fields[] = { 0 };
static const int64_t acr_storage_config_rule_3_values[] = { INT64_C(5) };
static const uint16_t acr_storage_config_rule_3_effect_0_path[] = { 1 };
static const int64_t acr_storage_config_rule_3_effect_0_allowed[] = { INT64_C(0) };
static const acr_effect acr_storage_config_rule_3_effects[] = {
    { ACR_EFFECT_ONE_OF, acr_storage_config_rule_3_effect_0_path, 1,
      acr_storage_config_rule_3_effect_0_allowed, 1,
      NULL, 0, NULL,
      "must be 0 when vendor is 5" },
};
static const uint16_t acr_storage_config_rule_4_fields[] = { 0 };
static const int64_t acr_storage_config_rule_4_values[] = { INT64_C(6) };
static const uint16_t acr_storage_config_rule_4_effect_0_path[] = { 1 };
static const int64_t acr_storage_config_rule_4_effect_0_allowed[] = { INT64_C(0) };
static const acr_effect acr_storage_config_rule_4_effects[] = {
    { ACR_EFFECT_ONE_OF, acr_storage_config_rule_4_effect_0_path, 1,
      acr_storage_config_rule_4_effect_0_allowed, 1,
      NULL, 0, NULL,
      "must be 0 when vendor is 6" },
};
static const uint16_t acr_storage_config_rule_5_fields[] = { 0 };
static const int64_t acr_storage_config_rule_5_values[] = { INT64_C(7) };
static const uint16_t acr_storage_config_rule_5_effect_0_path[] = { 1 };
static const int64_t acr_storage_config_rule_5_effect_0_allowed[] = { INT64_C(0), INT64_C(1), INT64_C(2), INT64_C(3), INT64_C(4), INT64_C(5), INT64_C(6), INT64_C(7), INT64_C(8), INT64_C(9), INT64_C(10), INT64_C(11), INT64_C(12), INT64_C(13), INT64_C(14), INT64_C(15) };
static const acr_effect acr_storage_config_rule_5_effects[] = {
    { ACR_EFFECT_ONE_OF, acr_storage_config_rule_5_effect_0_path, 1,
      acr_storage_config_rule_5_effect_0_allowed, 16,
      NULL, 0, NULL,
      "must be 0 to 15 when vendor is 7" },
};
static const uint16_t acr_storage_config_rule_6_fields[] = { 0 };
static const int64_t acr_storage_config_rule_6_values[] = { INT64_C(8) };
static const uint16_t acr_storage_config_rule_6_effect_0_path[] = { 1 };
static const int64_t acr_storage_config_rule_6_effect_0_allowed[] = { INT64_C(1), INT64_C(2), INT64_C(3), INT64_C(4), INT64_C(5), INT64_C(6), INT64_C(7) };
static const acr_effect acr_storage_config_rule_6_effects[] = {
    { ACR_EFFECT_ONE_OF, acr_storage_config_rule_6_effect_0_path, 1,
      acr_storage_config_rule_6_effect_0_allowed, 7,
      NULL, 0, NULL,
      "must be 1 to 7 when vendor is 8" },
};
static const uint16_t acr_storage_config_rule_7_fields[] = { 0 };
static const int64_t acr_storage_config_rule_7_values[] = { INT64_C(11) };
static const uint16_t acr_storage_config_rule_7_effect_0_path[] = { 1 };
static const int64_t acr_storage_config_rule_7_effect_0_allowed[] = { INT64_C(0) };
static const acr_effect acr_storage_config_rule_7_effects[] = {
    { ACR_EFFECT_ONE_OF, acr_storage_config_rule_7_effect_0_path, 1,
      acr_storage_config_rule_7_effect_0_allowed, 1,
      NULL, 0, NULL,
      "must be 0 when vendor is 11" },
};
static const uint16_t acr_storage_config_rule_8_fields[] = { 0 };
static const int64_t acr_storage_config_rule_8_values[] = { INT64_C(1), INT64_C(2), INT64_C(3) };
static const uint16_t acr_storage_config_rule_8_effect_0_path[] = { 5 };
static const acr_effect acr_storage_config_rule_8_effects[] = {
    { ACR_EFFECT_FORBIDDEN, acr_storage_config_rule_8_effect_0_path, 1,
      NULL, 0,
      NULL, 0, NULL,
      "is only allowed when vendor is 1, 2 or 3" },
};
static const uint16_t acr_storage_config_rule_9_fields[] = { 0 };
static const int64_t acr_storage_config_rule_9_values[] = { INT64_C(11) };
static const uint16_t acr_storage_config_rule_9_effect_0_path[] = { 8 };
static const uint16_t acr_storage_config_rule_9_effect_1_path[] = { 8, 2 };
static const acr_effect acr_storage_config_rule_9_effects[] = {
    { ACR_EFFECT_REQUIRED, acr_storage_config_rule_9_effect_0_path, 1,
      NULL, 0,
      NULL, 0, NULL,
      "is required when vendor is 11" },
    { ACR_EFFECT_REQUIRED, acr_storage_config_rule_9_effect_1_path, 2,
      NULL, 0,
      NULL, 0, NULL,
      "is required when vendor is 11" },
};
static const acr_rule acr_storage_config_rules[] = {
    { ACR_RULE_CONDITIONAL, ACR_IF_VALUE,
      acr_storage_config_rule_0_fields, 1,
      acr_storage_config_rule_0_values, 1,
      NULL, 0, 0,
      0, INT64_C(0), NULL,
      0, NULL, INT64_C(0),
      acr_storage_config_rule_0_effects, 1, NULL },
    { ACR_RULE_CONDITIONAL, ACR_IF_VALUE,
      acr_storage_config_rule_1_fields, 1,
      acr_storage_config_rule_1_values, 1,
      NULL, 0, 0,
      0, INT64_C(0), NULL,
      0, NULL, INT64_C(0),
      acr_storage_config_rule_1_effects, 1, NULL },
    { ACR_RULE_CONDITIONAL, ACR_IF_VALUE,
      acr_storage_config_rule_2_fields, 1,
      acr_storage_config_rule_2_values, 1,
      NULL, 0, 0,
      0, INT64_C(0), NULL,
      0, NULL, INT64_C(0),
      acr_storage_config_rule_2_effects, 1, NULL },
    { ACR_RULE_CONDITIONAL, ACR_IF_VALUE,
      acr_storage_config_rule_3_fields, 1,
      acr_storage_config_rule_3_values, 1,
      NULL, 0, 0,
      0, INT64_C(0), NULL,
      0, NULL, INT64_C(0),
      acr_storage_config_rule_3_effects, 1, NULL },
    { ACR_RULE_CONDITIONAL, ACR_IF_VALUE,
      acr_storage_config_rule_4_fields, 1,
      acr_storage_config_rule_4_values, 1,
      NULL, 0, 0,
      0, INT64_C(0), NULL,
      0, NULL, INT64_C(0),
      acr_storage_config_rule_4_effects, 1, NULL },
    { ACR_RULE_CONDITIONAL, ACR_IF_VALUE,
      acr_storage_config_rule_5_fields, 1,
      acr_storage_config_rule_5_values, 1,
      NULL, 0, 0,
      0, INT64_C(0), NULL,
      0, NULL, INT64_C(0),
      acr_storage_config_rule_5_effects, 1, NULL },
    { ACR_RULE_CONDITIONAL, ACR_IF_VALUE,
      acr_storage_config_rule_6_fields, 1,
      acr_storage_config_rule_6_values, 1,
      NULL, 0, 0,
      0, INT64_C(0), NULL,
      0, NULL, INT64_C(0),
      acr_storage_config_rule_6_effects, 1, NULL },
    { ACR_RULE_CONDITIONAL, ACR_IF_VALUE,
      acr_storage_config_rule_7_fields, 1,
      acr_storage_config_rule_7_values, 1,
      NULL, 0, 0,
      0, INT64_C(0), NULL,
      0, NULL, INT64_C(0),
      acr_storage_config_rule_7_effects, 1, NULL },
    { ACR_RULE_CONDITIONAL, ACR_IF_VALUE,
      acr_storage_config_rule_8_fields, 1,
      acr_storage_config_rule_8_values, 3,
      NULL, 0, 1,
      0, INT64_C(0), NULL,
      0, NULL, INT64_C(0),
      acr_storage_config_rule_8_effects, 1, NULL },
    { ACR_RULE_CONDITIONAL, ACR_IF_VALUE,
      acr_storage_config_rule_9_fields, 1,
      acr_storage_config_rule_9_values, 1,
      NULL, 0, 0,
      0, INT64_C(0), NULL,
      0, NULL, INT64_C(0),
      acr_storage_config_rule_9_effects, 2, NULL },
};
static const acr_object_desc acr_storage_config_object = {
    "StorageConfig", sizeof(acr_storage_config), acr_storage_config_fields, 9,
    acr_storage_config_rules, 10, 1,
};

/* --- UpdateClientRequest --- */
static const acr_value_desc v_acr_update_client_request_stream_subscribe = {
    ACR_KIND_OBJECT, 1,
    &acr_stream_subscribe_object,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "an object or null",
};

static const acr_value_desc v_acr_update_client_request_web_recording_config = {
    ACR_KIND_OBJECT, 1,
    &acr_web_recording_config_object,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "an object or null",
};

static const acr_value_desc v_acr_update_client_request_rtmp_publish_config = {
    ACR_KIND_OBJECT, 1,
    &acr_rtmp_publish_config_object,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "an object or null",
};

static const acr_value_desc v_acr_update_client_request_storage_config = {
    ACR_KIND_OBJECT, 1,
    &acr_storage_config_object,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "an object or null",
};

static const acr_field_desc acr_update_client_request_fields[] = {
    { "streamSubscribe", 15, &v_acr_update_client_request_stream_subscribe,
      offsetof(acr_update_client_request, stream_subscribe), offsetof(acr_update_client_request, has_stream_subscribe), 0,
      0, (1u << 0) | (1u << 1), "individual or mix", 0 },
    { "webRecordingConfig", 18, &v_acr_update_client_request_web_recording_config,
      offsetof(acr_update_client_request, web_recording_config), offsetof(acr_update_client_request, has_web_recording_config), 0,
      0, (1u << 2), "web", 0 },
    { "rtmpPublishConfig", 17, &v_acr_update_client_request_rtmp_publish_config,
      offsetof(acr_update_client_request, rtmp_publish_config), offsetof(acr_update_client_request, has_rtmp_publish_config), 0,
      0, (1u << 2), "web", 0 },
    { "storageConfig", 13, &v_acr_update_client_request_storage_config,
      offsetof(acr_update_client_request, storage_config), offsetof(acr_update_client_request, has_storage_config), 0,
      0, 0, NULL, 0 },
};
static const acr_object_desc acr_update_client_request_object = {
    "UpdateClientRequest", sizeof(acr_update_client_request), acr_update_client_request_fields, 4,
    NULL, 0, 1,
};

/* --- UpdateRequest --- */
static const acr_string_rules v_acr_update_request_cname_string = {
    1, SIZE_MAX, SIZE_MAX,
    NULL, NULL,
    NULL,
};
static const acr_value_desc v_acr_update_request_cname = {
    ACR_KIND_STRING, 0,
    NULL,
    NULL, 0,
    NULL,
    &v_acr_update_request_cname_string, NULL, NULL, NULL,
    "a string",
};

static const acr_string_rules v_acr_update_request_uid_string = {
    0, SIZE_MAX, SIZE_MAX,
    &pattern_0, "^([1-9][0-9]{0,8}|[1-3][0-9]{9}|4[01][0-9]{8}|42[0-8][0-9]{7}|429[0-3][0-9]{6}|4294[0-8][0-9]{5}|42949[0-5][0-9]{4}|429496[0-6][0-9]{3}|4294967[01][0-9]{2}|42949672[0-8][0-9]|429496729[0-5])$",
    "a decimal UID string from 1 to 4294967295",
};
static const acr_value_desc v_acr_update_request_uid = {
    ACR_KIND_STRING, 0,
    NULL,
    NULL, 0,
    NULL,
    &v_acr_update_request_uid_string, NULL, NULL, NULL,
    "a string",
};

static const acr_value_desc v_acr_update_request_client_request = {
    ACR_KIND_OBJECT, 0,
    &acr_update_client_request_object,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "an object",
};

static const acr_field_desc acr_update_request_fields[] = {
    { "cname", 5, &v_acr_update_request_cname,
      offsetof(acr_update_request, cname), 0, 0,
      1, 0, NULL, 0 },
    { "uid", 3, &v_acr_update_request_uid,
      offsetof(acr_update_request, uid), 0, 0,
      1, 0, NULL, 0 },
    { "clientRequest", 13, &v_acr_update_request_client_request,
      offsetof(acr_update_request, client_request), ACR_ALWAYS_PRESENT, 0,
      1, 0, NULL, 0 },
};
static const acr_object_desc acr_update_request_object = {
    "UpdateRequest", sizeof(acr_update_request), acr_update_request_fields, 3,
    NULL, 0, 1,
};

/* --- UpdateResponse --- */
static const acr_value_desc v_acr_update_response_cname = {
    ACR_KIND_STRING, 0,
    NULL,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "a string",
};

static const acr_value_desc v_acr_update_response_uid = {
    ACR_KIND_STRING, 0,
    NULL,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "a string",
};

static const acr_value_desc v_acr_update_response_resource_id = {
    ACR_KIND_STRING, 0,
    NULL,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "a string",
};

static const acr_value_desc v_acr_update_response_sid = {
    ACR_KIND_STRING, 0,
    NULL,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "a string",
};

static const acr_field_desc acr_update_response_fields[] = {
    { "cname", 5, &v_acr_update_response_cname,
      offsetof(acr_update_response, cname), 0, 0,
      0, 0, NULL, 0 },
    { "uid", 3, &v_acr_update_response_uid,
      offsetof(acr_update_response, uid), 0, 0,
      0, 0, NULL, 0 },
    { "resourceId", 10, &v_acr_update_response_resource_id,
      offsetof(acr_update_response, resource_id), 0, 0,
      0, 0, NULL, 0 },
    { "sid", 3, &v_acr_update_response_sid,
      offsetof(acr_update_response, sid), 0, 0,
      0, 0, NULL, 0 },
};
static const acr_object_desc acr_update_response_object = {
    "UpdateResponse", sizeof(acr_update_response), acr_update_response_fields, 4,
    NULL, 0, 0,
};

/* --- ErrorResponse --- */
static const acr_value_desc v_acr_error_response_code = {
    ACR_KIND_INT, 0,
    NULL,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "an integer",
};

static const acr_value_desc v_acr_error_response_reason = {
    ACR_KIND_STRING, 0,
    NULL,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "a string",
};

static const acr_value_desc v_acr_error_response_message = {
    ACR_KIND_STRING, 0,
    NULL,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "a string",
};

static const acr_value_desc v_acr_error_response_resource_id = {
    ACR_KIND_STRING, 0,
    NULL,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "a string",
};

static const acr_value_desc v_acr_error_response_sid = {
    ACR_KIND_STRING, 0,
    NULL,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "a string",
};

static const acr_field_desc acr_error_response_fields[] = {
    { "code", 4, &v_acr_error_response_code,
      offsetof(acr_error_response, code), offsetof(acr_error_response, has_code), 0,
      0, 0, NULL, 0 },
    { "reason", 6, &v_acr_error_response_reason,
      offsetof(acr_error_response, reason), 0, 0,
      0, 0, NULL, 0 },
    { "message", 7, &v_acr_error_response_message,
      offsetof(acr_error_response, message), 0, 0,
      0, 0, NULL, 0 },
    { "resourceId", 10, &v_acr_error_response_resource_id,
      offsetof(acr_error_response, resource_id), 0, 0,
      0, 0, NULL, 0 },
    { "sid", 3, &v_acr_error_response_sid,
      offsetof(acr_error_response, sid), 0, 0,
      0, 0, NULL, 0 },
};
static const acr_object_desc acr_error_response_object = {
    "ErrorResponse", sizeof(acr_error_response), acr_error_response_fields, 5,
    NULL, 0, 0,
};

/* --- StopClientRequest --- */
static const acr_value_desc v_acr_stop_client_request_async_stop = {
    ACR_KIND_BOOL, 1,
    NULL,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "a boolean or null",
};

static const acr_field_desc acr_stop_client_request_fields[] = {
    { "async_stop", 10, &v_acr_stop_client_request_async_stop,
      offsetof(acr_stop_client_request, async_stop), offsetof(acr_stop_client_request, has_async_stop), 0,
      0, 0, NULL, 0 },
};
static const acr_object_desc acr_stop_client_request_object = {
    "StopClientRequest", sizeof(acr_stop_client_request), acr_stop_client_request_fields, 1,
    NULL, 0, 1,
};

/* --- StopRequest --- */
static const acr_string_rules v_acr_stop_request_cname_string = {
    1, SIZE_MAX, SIZE_MAX,
    NULL, NULL,
    NULL,
};
static const acr_value_desc v_acr_stop_request_cname = {
    ACR_KIND_STRING, 0,
    NULL,
    NULL, 0,
    NULL,
    &v_acr_stop_request_cname_string, NULL, NULL, NULL,
    "a string",
};

static const acr_string_rules v_acr_stop_request_uid_string = {
    0, SIZE_MAX, SIZE_MAX,
    &pattern_0, "^([1-9][0-9]{0,8}|[1-3][0-9]{9}|4[01][0-9]{8}|42[0-8][0-9]{7}|429[0-3][0-9]{6}|4294[0-8][0-9]{5}|42949[0-5][0-9]{4}|429496[0-6][0-9]{3}|4294967[01][0-9]{2}|42949672[0-8][0-9]|429496729[0-5])$",
    "a decimal UID string from 1 to 4294967295",
};
static const acr_value_desc v_acr_stop_request_uid = {
    ACR_KIND_STRING, 0,
    NULL,
    NULL, 0,
    NULL,
    &v_acr_stop_request_uid_string, NULL, NULL, NULL,
    "a string",
};

static const acr_value_desc v_acr_stop_request_client_request = {
    ACR_KIND_OBJECT, 0,
    &acr_stop_client_request_object,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "an object",
};

static const acr_field_desc acr_stop_request_fields[] = {
    { "cname", 5, &v_acr_stop_request_cname,
      offsetof(acr_stop_request, cname), 0, 0,
      1, 0, NULL, 0 },
    { "uid", 3, &v_acr_stop_request_uid,
      offsetof(acr_stop_request, uid), 0, 0,
      1, 0, NULL, 0 },
    { "clientRequest", 13, &v_acr_stop_request_client_request,
      offsetof(acr_stop_request, client_request), ACR_ALWAYS_PRESENT, 0,
      1, 0, NULL, 0 },
};
static const acr_object_desc acr_stop_request_object = {
    "StopRequest", sizeof(acr_stop_request), acr_stop_request_fields, 3,
    NULL, 0, 1,
};

/* --- WebFileEntry --- */
static const acr_value_desc v_acr_web_file_entry_filename = {
    ACR_KIND_STRING, 0,
    NULL,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "a string",
};

static const acr_value_desc v_acr_web_file_entry_slice_start_time = {
    ACR_KIND_INT, 0,
    NULL,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "an integer",
};

static const acr_field_desc acr_web_file_entry_fields[] = {
    { "filename", 8, &v_acr_web_file_entry_filename,
      offsetof(acr_web_file_entry, filename), 0, 0,
      0, 0, NULL, 0 },
    { "sliceStartTime", 14, &v_acr_web_file_entry_slice_start_time,
      offsetof(acr_web_file_entry, slice_start_time), offsetof(acr_web_file_entry, has_slice_start_time), 0,
      0, 0, NULL, 0 },
};
static const acr_object_desc acr_web_file_entry_object = {
    "WebFileEntry", sizeof(acr_web_file_entry), acr_web_file_entry_fields, 2,
    NULL, 0, 0,
};

/* --- ExtensionPayload --- */
static const acr_value_desc v_acr_extension_payload_uploading_status = {
    ACR_KIND_ENUM, 0,
    NULL,
    NULL, 0,
    &acr_uploading_status_enum,
    NULL, NULL, NULL, NULL,
    "a string",
};

static const acr_value_desc v_acr_extension_payload_file_list_items = {
    ACR_KIND_OBJECT, 0,
    &acr_web_file_entry_object,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "an object",
};

static const acr_value_desc v_acr_extension_payload_file_list = {
    ACR_KIND_ARRAY, 0,
    NULL,
    &v_acr_extension_payload_file_list_items, sizeof(acr_web_file_entry),
    NULL,
    NULL, NULL, NULL, NULL,
    "an array",
};

static const acr_value_desc v_acr_extension_payload_onhold = {
    ACR_KIND_BOOL, 0,
    NULL,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "a boolean",
};

static const acr_value_desc v_acr_extension_payload_state = {
    ACR_KIND_ENUM, 0,
    NULL,
    NULL, 0,
    &acr_state_enum,
    NULL, NULL, NULL, NULL,
    "a string",
};

static const acr_field_desc acr_extension_payload_fields[] = {
    { "uploadingStatus", 15, &v_acr_extension_payload_uploading_status,
      offsetof(acr_extension_payload, uploading_status), offsetof(acr_extension_payload, uploading_status_other), 0,
      0, 0, NULL, 0 },
    { "fileList", 8, &v_acr_extension_payload_file_list,
      offsetof(acr_extension_payload, file_list), offsetof(acr_extension_payload, file_list_count), 0,
      0, 0, NULL, 0 },
    { "onhold", 6, &v_acr_extension_payload_onhold,
      offsetof(acr_extension_payload, onhold), offsetof(acr_extension_payload, has_onhold), 0,
      0, 0, NULL, 0 },
    { "state", 5, &v_acr_extension_payload_state,
      offsetof(acr_extension_payload, state), offsetof(acr_extension_payload, state_other), 0,
      0, 0, NULL, 0 },
};
static const acr_object_desc acr_extension_payload_object = {
    "ExtensionPayload", sizeof(acr_extension_payload), acr_extension_payload_fields, 4,
    NULL, 0, 0,
};

/* --- ExtensionServiceState --- */
static const acr_value_desc v_acr_extension_service_state_service_name = {
    ACR_KIND_ENUM, 0,
    NULL,
    NULL, 0,
    &acr_service_name_enum,
    NULL, NULL, NULL, NULL,
    "a string",
};

static const acr_value_desc v_acr_extension_service_state_payload = {
    ACR_KIND_OBJECT, 0,
    &acr_extension_payload_object,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "an object",
};

static const acr_field_desc acr_extension_service_state_fields[] = {
    { "serviceName", 11, &v_acr_extension_service_state_service_name,
      offsetof(acr_extension_service_state, service_name), offsetof(acr_extension_service_state, service_name_other), 0,
      0, 0, NULL, 0 },
    { "payload", 7, &v_acr_extension_service_state_payload,
      offsetof(acr_extension_service_state, payload), offsetof(acr_extension_service_state, has_payload), 0,
      0, 0, NULL, 0 },
};
static const acr_object_desc acr_extension_service_state_object = {
    "ExtensionServiceState", sizeof(acr_extension_service_state), acr_extension_service_state_fields, 2,
    NULL, 0, 0,
};

/* --- FileEntry --- */
static const acr_value_desc v_acr_file_entry_file_name = {
    ACR_KIND_STRING, 0,
    NULL,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "a string",
};

static const acr_value_desc v_acr_file_entry_track_type = {
    ACR_KIND_ENUM, 0,
    NULL,
    NULL, 0,
    &acr_track_type_enum,
    NULL, NULL, NULL, NULL,
    "a string",
};

static const acr_value_desc v_acr_file_entry_uid = {
    ACR_KIND_STRING, 0,
    NULL,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "a string",
};

static const acr_value_desc v_acr_file_entry_mixed_all_user = {
    ACR_KIND_BOOL, 0,
    NULL,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "a boolean",
};

static const acr_value_desc v_acr_file_entry_is_playable = {
    ACR_KIND_BOOL, 0,
    NULL,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "a boolean",
};

static const acr_value_desc v_acr_file_entry_slice_start_time = {
    ACR_KIND_INT, 0,
    NULL,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "an integer",
};

static const acr_field_desc acr_file_entry_fields[] = {
    { "fileName", 8, &v_acr_file_entry_file_name,
      offsetof(acr_file_entry, file_name), 0, 0,
      0, 0, NULL, 0 },
    { "trackType", 9, &v_acr_file_entry_track_type,
      offsetof(acr_file_entry, track_type), offsetof(acr_file_entry, track_type_other), 0,
      0, 0, NULL, 0 },
    { "uid", 3, &v_acr_file_entry_uid,
      offsetof(acr_file_entry, uid), 0, 0,
      0, 0, NULL, 0 },
    { "mixedAllUser", 12, &v_acr_file_entry_mixed_all_user,
      offsetof(acr_file_entry, mixed_all_user), offsetof(acr_file_entry, has_mixed_all_user), 0,
      0, 0, NULL, 0 },
    { "isPlayable", 10, &v_acr_file_entry_is_playable,
      offsetof(acr_file_entry, is_playable), offsetof(acr_file_entry, has_is_playable), 0,
      0, 0, NULL, 0 },
    { "sliceStartTime", 14, &v_acr_file_entry_slice_start_time,
      offsetof(acr_file_entry, slice_start_time), offsetof(acr_file_entry, has_slice_start_time), 0,
      0, 0, NULL, 0 },
};
static const acr_object_desc acr_file_entry_object = {
    "FileEntry", sizeof(acr_file_entry), acr_file_entry_fields, 6,
    NULL, 0, 0,
};

/* --- ServerResponse --- */
static const acr_value_desc v_acr_server_response_extension_service_state_items = {
    ACR_KIND_OBJECT, 0,
    &acr_extension_service_state_object,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "an object",
};

static const acr_value_desc v_acr_server_response_extension_service_state = {
    ACR_KIND_ARRAY, 0,
    NULL,
    &v_acr_server_response_extension_service_state_items, sizeof(acr_extension_service_state),
    NULL,
    NULL, NULL, NULL, NULL,
    "an array",
};

static const acr_value_desc v_acr_server_response_uploading_status = {
    ACR_KIND_ENUM, 0,
    NULL,
    NULL, 0,
    &acr_uploading_status_enum,
    NULL, NULL, NULL, NULL,
    "a string",
};

static const acr_value_desc v_acr_server_response_file_list_mode = {
    ACR_KIND_ENUM, 0,
    NULL,
    NULL, 0,
    &acr_file_list_mode_enum,
    NULL, NULL, NULL, NULL,
    "a string",
};

static const acr_value_desc v_acr_server_response_file_list_items = {
    ACR_KIND_OBJECT, 0,
    &acr_file_entry_object,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "an object",
};

static const acr_value_desc v_acr_server_response_file_list = {
    ACR_KIND_STRING_OR_ARRAY, 0,
    NULL,
    &v_acr_server_response_file_list_items, sizeof(acr_file_entry),
    NULL,
    NULL, NULL, NULL, NULL,
    "a string or an array",
};

static const acr_field_desc acr_server_response_fields[] = {
    { "extensionServiceState", 21, &v_acr_server_response_extension_service_state,
      offsetof(acr_server_response, extension_service_state), offsetof(acr_server_response, extension_service_state_count), 0,
      0, 0, NULL, 0 },
    { "uploadingStatus", 15, &v_acr_server_response_uploading_status,
      offsetof(acr_server_response, uploading_status), offsetof(acr_server_response, uploading_status_other), 0,
      0, 0, NULL, 0 },
    { "fileListMode", 12, &v_acr_server_response_file_list_mode,
      offsetof(acr_server_response, file_list_mode), offsetof(acr_server_response, file_list_mode_other), 0,
      0, 0, NULL, 0 },
    { "fileList", 8, &v_acr_server_response_file_list,
      offsetof(acr_server_response, file_list), offsetof(acr_server_response, file_list_items), offsetof(acr_server_response, file_list_count),
      0, 0, NULL, 0 },
};
static const acr_object_desc acr_server_response_object = {
    "ServerResponse", sizeof(acr_server_response), acr_server_response_fields, 4,
    NULL, 0, 0,
};

/* --- StopResponse --- */
static const acr_value_desc v_acr_stop_response_cname = {
    ACR_KIND_STRING, 0,
    NULL,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "a string",
};

static const acr_value_desc v_acr_stop_response_uid = {
    ACR_KIND_STRING, 0,
    NULL,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "a string",
};

static const acr_value_desc v_acr_stop_response_resource_id = {
    ACR_KIND_STRING, 0,
    NULL,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "a string",
};

static const acr_value_desc v_acr_stop_response_sid = {
    ACR_KIND_STRING, 0,
    NULL,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "a string",
};

static const acr_value_desc v_acr_stop_response_server_response = {
    ACR_KIND_OBJECT, 0,
    &acr_server_response_object,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "an object",
};

static const acr_field_desc acr_stop_response_fields[] = {
    { "cname", 5, &v_acr_stop_response_cname,
      offsetof(acr_stop_response, cname), 0, 0,
      0, 0, NULL, 0 },
    { "uid", 3, &v_acr_stop_response_uid,
      offsetof(acr_stop_response, uid), 0, 0,
      0, 0, NULL, 0 },
    { "resourceId", 10, &v_acr_stop_response_resource_id,
      offsetof(acr_stop_response, resource_id), 0, 0,
      0, 0, NULL, 0 },
    { "sid", 3, &v_acr_stop_response_sid,
      offsetof(acr_stop_response, sid), 0, 0,
      0, 0, NULL, 0 },
    { "serverResponse", 14, &v_acr_stop_response_server_response,
      offsetof(acr_stop_response, server_response), offsetof(acr_stop_response, has_server_response), 0,
      0, 0, NULL, 0 },
};
static const acr_object_desc acr_stop_response_object = {
    "StopResponse", sizeof(acr_stop_response), acr_stop_response_fields, 5,
    NULL, 0, 0,
};

/* --- UpdateRequest: entry points --- */
const acr_type_desc acr_update_request_type = {
    &acr_update_request_object, 1, mode_names, 3,
};

acr_status acr_update_request_validate(const acr_update_request *value, acr_mode mode, acr_error *err)
{
    return acr_validate(&acr_update_request_type, value, (unsigned)mode, err);
}

acr_status acr_update_request_to_json(const acr_update_request *value, char **json, size_t *length, acr_error *err)
{
    return acr_to_json(&acr_update_request_type, value, json, length, err);
}

acr_status acr_update_request_write(const acr_update_request *value, acr_write_fn write, void *ctx, acr_error *err)
{
    return acr_serialize(&acr_update_request_type, value, write, ctx, err);
}

acr_status acr_update_request_parse(const char *json, size_t length, acr_update_request *out, acr_error *err)
{
    return acr_parse(&acr_update_request_type, json, length, out, err);
}

acr_parser *acr_update_request_parser_new(acr_update_request *out, const acr_parse_options *options)
{
    return acr_parser_new(&acr_update_request_type, out, options);
}

void acr_update_request_free(acr_update_request *value)
{
    acr_free_value(&acr_update_request_type, value);
}

/* --- UpdateResponse: entry points --- */
const acr_type_desc acr_update_response_type = {
    &acr_update_response_object, 0, mode_names, 3,
};

acr_status acr_update_response_to_json(const acr_update_response *value, char **json, size_t *length, acr_error *err)
{
    return acr_to_json(&acr_update_response_type, value, json, length, err);
}

acr_status acr_update_response_write(const acr_update_response *value, acr_write_fn write, void *ctx, acr_error *err)
{
    return acr_serialize(&acr_update_response_type, value, write, ctx, err);
}

acr_status acr_update_response_parse(const char *json, size_t length, acr_update_response *out, acr_error *err)
{
    return acr_parse(&acr_update_response_type, json, length, out, err);
}

acr_parser *acr_update_response_parser_new(acr_update_response *out, const acr_parse_options *options)
{
    return acr_parser_new(&acr_update_response_type, out, options);
}

void acr_update_response_free(acr_update_response *value)
{
    acr_free_value(&acr_update_response_type, value);
}

/* --- ErrorResponse: entry points --- */
const acr_type_desc acr_error_response_type = {
    &acr_error_response_object, 0, mode_names, 3,
};

acr_status acr_error_response_to_json(const acr_error_response *value, char **json, size_t *length, acr_error *err)
{
    return acr_to_json(&acr_error_response_type, value, json, length, err);
}

acr_status acr_error_response_write(const acr_error_response *value, acr_write_fn write, void *ctx, acr_error *err)
{
    return acr_serialize(&acr_error_response_type, value, write, ctx, err);
}

acr_status acr_error_response_parse(const char *json, size_t length, acr_error_response *out, acr_error *err)
{
    return acr_parse(&acr_error_response_type, json, length, out, err);
}

acr_parser *acr_error_response_parser_new(acr_error_response *out, const acr_parse_options *options)
{
    return acr_parser_new(&acr_error_response_type, out, options);
}

void acr_error_response_free(acr_error_response *value)
{
    acr_free_value(&acr_error_response_type, value);
}

/* --- StopRequest: entry points --- */
const acr_type_desc acr_stop_request_type = {
    &acr_stop_request_object, 1, mode_names, 3,
};

acr_status acr_stop_request_validate(const acr_stop_request *value, acr_mode mode, acr_error *err)
{
    return acr_validate(&acr_stop_request_type, value, (unsigned)mode, err);
}

acr_status acr_stop_request_to_json(const acr_stop_request *value, char **json, size_t *length, acr_error *err)
{
    return acr_to_json(&acr_stop_request_type, value, json, length, err);
}

acr_status acr_stop_request_write(const acr_stop_request *value, acr_write_fn write, void *ctx, acr_error *err)
{
    return acr_serialize(&acr_stop_request_type, value, write, ctx, err);
}

acr_status acr_stop_request_parse(const char *json, size_t length, acr_stop_request *out, acr_error *err)
{
    return acr_parse(&acr_stop_request_type, json, length, out, err);
}

acr_parser *acr_stop_request_parser_new(acr_stop_request *out, const acr_parse_options *options)
{
    return acr_parser_new(&acr_stop_request_type, out, options);
}

void acr_stop_request_free(acr_stop_request *value)
{
    acr_free_value(&acr_stop_request_type, value);
}

/* --- StopResponse: entry points --- */
const acr_type_desc acr_stop_response_type = {
    &acr_stop_response_object, 0, mode_names, 3,
};

acr_status acr_stop_response_to_json(const acr_stop_response *value, char **json, size_t *length, acr_error *err)
{
    return acr_to_json(&acr_stop_response_type, value, json, length, err);
}

acr_status acr_stop_response_write(const acr_stop_response *value, acr_write_fn write, void *ctx, acr_error *err)
{
    return acr_serialize(&acr_stop_response_type, value, write, ctx, err);
}

acr_status acr_stop_response_parse(const char *json, size_t length, acr_stop_response *out, acr_error *err)
{
    return acr_parse(&acr_stop_response_type, json, length, out, err);
}

acr_parser *acr_stop_response_parser_new(acr_stop_response *out, const acr_parse_options *options)
{
    return acr_parser_new(&acr_stop_response_type, out, options);
}

void acr_stop_response_free(acr_stop_response *value)
{
    acr_free_value(&acr_stop_response_type, value);
}

/* --- the update operation --- */
static const char *const acr_update_param_names[] = { "appid", "resourceid", "sid", "mode" };
static const char *const acr_update_param_flags[] = { "--appid", "--resource-id", "--sid", "--mode" };
static const uint16_t acr_update_exclusive[] = { 1, 2 };
static const int acr_update_retry_statuses[] = { 206, 504, 429 };
static const long long acr_update_retry_codes[] = { 65, 62, -1 };
const acr_operation_desc acr_update_operation = {
    "update", "update", "POST",
    "/v1/apps/{appid}/cloud_recording/resourceid/{resourceid}/sid/{sid}/mode/{mode}/update",
    acr_update_param_names, 4, 0, 3,
    0,
    acr_update_exclusive, 2, 30000L,
    NULL, NULL, 0,
    acr_update_retry_statuses, acr_update_retry_codes, 3,
    &acr_update_request_type, &acr_update_response_type, &acr_error_response_type,
    acr_update_param_flags,
};

acr_status acr_update(acr_client *client, const acr_update_params *params,
                    const acr_update_request *request, acr_update_response *response, acr_error *err)
{
    const char *values[4] = {
        NULL, /* appid: from the client */
        params ? params->resource_id : NULL,
        params ? params->sid : NULL,
        params ? acr_mode_name(params->mode) : NULL,
    };
    return acr_call(client, &acr_update_operation, values, request, response, err);
}

/* --- the stop operation --- */
static const char *const acr_stop_param_names[] = { "appid", "resourceid", "sid", "mode" };
static const char *const acr_stop_param_flags[] = { "--appid", "--resource-id", "--sid", "--mode" };
static const int acr_stop_done_statuses[] = { 400, 404 };
static const long long acr_stop_done_codes[] = { 49, -1 };
static const int acr_stop_retry_statuses[] = { 206, 504, 429 };
static const long long acr_stop_retry_codes[] = { 65, 62, -1 };
const acr_operation_desc acr_stop_operation = {
    "stop", "stop", "POST",
    "/v1/apps/{appid}/cloud_recording/resourceid/{resourceid}/sid/{sid}/mode/{mode}/stop",
    acr_stop_param_names, 4, 0, 3,
    0,
    NULL, 0, 120000L,
    acr_stop_done_statuses, acr_stop_done_codes, 2,
    acr_stop_retry_statuses, acr_stop_retry_codes, 3,
    &acr_stop_request_type, &acr_stop_response_type, &acr_error_response_type,
    acr_stop_param_flags,
};

acr_status acr_stop(acr_client *client, const acr_stop_params *params,
                    const acr_stop_request *request, acr_stop_response *response, acr_error *err)
{
    const char *values[4] = {
        NULL, /* appid: from the client */
        params ? params->resource_id : NULL,
        params ? params->sid : NULL,
        params ? acr_mode_name(params->mode) : NULL,
    };
    return acr_call(client, &acr_stop_operation, values, request, response, err);
}

const acr_operation_desc *const acr_operations[] = {
    &acr_update_operation,
    &acr_stop_operation,
    NULL,
};
const size_t acr_operation_count = 2;
