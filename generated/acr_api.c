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
_Static_assert(sizeof(acr_stream_mode) == sizeof(int), "acr_stream_mode must be int-sized");
_Static_assert(sizeof(acr_av_file_type) == sizeof(int), "acr_av_file_type must be int-sized");
_Static_assert(sizeof(acr_file_type) == sizeof(int), "acr_file_type must be int-sized");
_Static_assert(sizeof(acr_error_handle_policy) == sizeof(int), "acr_error_handle_policy must be int-sized");
_Static_assert(sizeof(acr_extension_service_service_name) == sizeof(int), "acr_extension_service_service_name must be int-sized");
_Static_assert(sizeof(acr_extension_service_error_handle_policy) == sizeof(int), "acr_extension_service_error_handle_policy must be int-sized");
_Static_assert(sizeof(acr_format) == sizeof(int), "acr_format must be int-sized");
_Static_assert(sizeof(acr_combination_policy) == sizeof(int), "acr_combination_policy must be int-sized");
_Static_assert(sizeof(acr_trans_mode) == sizeof(int), "acr_trans_mode must be int-sized");
_Static_assert(sizeof(acr_sample_rate) == sizeof(int), "acr_sample_rate must be int-sized");
_Static_assert(sizeof(acr_bitrate) == sizeof(int), "acr_bitrate must be int-sized");
_Static_assert(sizeof(acr_channels) == sizeof(int), "acr_channels must be int-sized");
_Static_assert(sizeof(acr_region) == sizeof(int), "acr_region must be int-sized");
_Static_assert(sizeof(acr_rtmp_publish_status) == sizeof(int), "acr_rtmp_publish_status must be int-sized");

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

/* pattern ^[A-Za-z0-9 !#$%&()+\-:;<=.>?@\[\]^_{|}~,]+$ */
static const uint8_t pattern_4_class[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    1, 1, 0, 1, 1, 1, 1, 0, 1, 1, 0, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1,
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};
static const int16_t pattern_4_next[] = {
    -1, 1,
    -1, 1,
};
static const uint8_t pattern_4_accept[] = { 0, 1 };
static const acr_dfa pattern_4 = {
    pattern_4_class, 2, 2, pattern_4_next, pattern_4_accept,
};

/* pattern ^[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=$ */
static const uint8_t pattern_5_class[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 2, 1, 1, 1, 2, 1, 1, 1, 2, 1, 0, 0, 0, 3, 0, 0,
    0, 2, 1, 1, 1, 2, 1, 1, 1, 2, 1, 1, 1, 2, 1, 1, 1, 2, 1, 1, 1, 2, 1, 1, 1, 2, 1, 0, 0, 0, 0, 0,
    0, 1, 1, 2, 1, 1, 1, 2, 1, 1, 1, 2, 1, 1, 1, 2, 1, 1, 1, 2, 1, 1, 1, 2, 1, 1, 1, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};
static const int16_t pattern_5_next[] = {
    -1, 1, 1, -1,
    -1, 2, 2, -1,
    -1, 3, 3, -1,
    -1, 4, 4, -1,
    -1, 5, 5, -1,
    -1, 6, 6, -1,
    -1, 7, 7, -1,
    -1, 8, 8, -1,
    -1, 9, 9, -1,
    -1, 10, 10, -1,
    -1, 11, 11, -1,
    -1, 12, 12, -1,
    -1, 13, 13, -1,
    -1, 14, 14, -1,
    -1, 15, 15, -1,
    -1, 16, 16, -1,
    -1, 17, 17, -1,
    -1, 18, 18, -1,
    -1, 19, 19, -1,
    -1, 20, 20, -1,
    -1, 21, 21, -1,
    -1, 22, 22, -1,
    -1, 23, 23, -1,
    -1, 24, 24, -1,
    -1, 25, 25, -1,
    -1, 26, 26, -1,
    -1, 27, 27, -1,
    -1, 28, 28, -1,
    -1, 29, 29, -1,
    -1, 30, 30, -1,
    -1, 31, 31, -1,
    -1, 32, 32, -1,
    -1, 33, 33, -1,
    -1, 34, 34, -1,
    -1, 35, 35, -1,
    -1, 36, 36, -1,
    -1, 37, 37, -1,
    -1, 38, 38, -1,
    -1, 39, 39, -1,
    -1, 40, 40, -1,
    -1, 41, 41, -1,
    -1, 42, 42, -1,
    -1, -1, 43, -1,
    -1, -1, -1, 44,
    -1, -1, -1, -1,
};
static const uint8_t pattern_5_accept[] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 };
static const acr_dfa pattern_5 = {
    pattern_5_class, 4, 45, pattern_5_next, pattern_5_accept,
};

/* pattern ^#[0-9A-Fa-f]{6}$ */
static const uint8_t pattern_6_class[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0, 0, 0, 0, 0, 0,
    0, 2, 2, 2, 2, 2, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 2, 2, 2, 2, 2, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};
static const int16_t pattern_6_next[] = {
    -1, 1, -1,
    -1, -1, 2,
    -1, -1, 3,
    -1, -1, 4,
    -1, -1, 5,
    -1, -1, 6,
    -1, -1, 7,
    -1, -1, -1,
};
static const uint8_t pattern_6_accept[] = { 0, 0, 0, 0, 0, 0, 0, 1 };
static const acr_dfa pattern_6 = {
    pattern_6_class, 3, 8, pattern_6_next, pattern_6_accept,
};

/* pattern ^https:// */
static const uint8_t pattern_7_class[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 4, 0, 0, 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};
static const int16_t pattern_7_next[] = {
    -1, -1, -1, 1, -1, -1, -1,
    -1, -1, -1, -1, -1, -1, 2,
    -1, -1, -1, -1, -1, -1, 3,
    -1, -1, -1, -1, 4, -1, -1,
    -1, -1, -1, -1, -1, 5, -1,
    -1, -1, 6, -1, -1, -1, -1,
    -1, 7, -1, -1, -1, -1, -1,
    -1, 8, -1, -1, -1, -1, -1,
    8, 8, 8, 8, 8, 8, 8,
};
static const uint8_t pattern_7_accept[] = { 0, 0, 0, 0, 0, 0, 0, 0, 1 };
static const acr_dfa pattern_7 = {
    pattern_7_class, 7, 9, pattern_7_next, pattern_7_accept,
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

static const char *const acr_stream_mode_values[] = { "default", "standard", "original" };
static const acr_enum_desc acr_stream_mode_enum = { acr_stream_mode_values, 3, "one of \"default\", \"standard\" or \"original\"" };

static const char *const acr_av_file_type_values[] = { "hls", "mp4" };
static const acr_enum_desc acr_av_file_type_enum = { acr_av_file_type_values, 2, "\"hls\" or \"mp4\"" };

static const char *const acr_file_type_values[] = { "jpg" };
static const acr_enum_desc acr_file_type_enum = { acr_file_type_values, 1, "\"jpg\"" };

static const char *const acr_error_handle_policy_values[] = { "error_abort" };
static const acr_enum_desc acr_error_handle_policy_enum = { acr_error_handle_policy_values, 1, "\"error_abort\"" };

static const char *const acr_extension_service_service_name_values[] = { "web_recorder_service", "rtmp_publish_service" };
static const acr_enum_desc acr_extension_service_service_name_enum = { acr_extension_service_service_name_values, 2, "\"web_recorder_service\" or \"rtmp_publish_service\"" };

static const char *const acr_extension_service_error_handle_policy_values[] = { "error_abort", "error_ignore" };
static const acr_enum_desc acr_extension_service_error_handle_policy_enum = { acr_extension_service_error_handle_policy_values, 2, "\"error_abort\" or \"error_ignore\"" };

static const char *const acr_format_values[] = { "mp4", "mp3", "m4a", "aac" };
static const acr_enum_desc acr_format_enum = { acr_format_values, 4, "one of \"mp4\", \"mp3\", \"m4a\" or \"aac\"" };

static const char *const acr_combination_policy_values[] = { "default", "postpone_transcoding" };
static const acr_enum_desc acr_combination_policy_enum = { acr_combination_policy_values, 2, "\"default\" or \"postpone_transcoding\"" };

static const char *const acr_trans_mode_values[] = { "postponeTranscoding", "audioMix" };
static const acr_enum_desc acr_trans_mode_enum = { acr_trans_mode_values, 2, "\"postponeTranscoding\" or \"audioMix\"" };

static const char *const acr_sample_rate_values[] = { "48000", "32000", "16000" };
static const acr_enum_desc acr_sample_rate_enum = { acr_sample_rate_values, 3, "one of \"48000\", \"32000\" or \"16000\"" };

static const char *const acr_bitrate_values[] = { "48000" };
static const acr_enum_desc acr_bitrate_enum = { acr_bitrate_values, 1, "\"48000\"" };

static const char *const acr_channels_values[] = { "1", "2" };
static const acr_enum_desc acr_channels_enum = { acr_channels_values, 2, "\"1\" or \"2\"" };

static const char *const acr_region_values[] = { "CN", "AP", "EU", "NA" };
static const acr_enum_desc acr_region_enum = { acr_region_values, 4, "one of \"CN\", \"AP\", \"EU\" or \"NA\"" };

static const char *const acr_rtmp_publish_status_values[] = { "connecting", "publishing", "onhold", "disconnected" };
static const acr_enum_desc acr_rtmp_publish_status_enum = { acr_rtmp_publish_status_values, 4, "one of \"connecting\", \"publishing\", \"onhold\" or \"disconnected\"" };

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
    1, SIZE_MAX, 1024,
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
static const uint16_t acr_update_request_rule_0_effect_0_path[] = { 0 };
static const acr_string_rules acr_update_request_rule_0_effect_0_string = {
    0, SIZE_MAX, 63,
    &pattern_4, "^[A-Za-z0-9 !#$%&()+\\-:;<=.>\?@\\[\\]^_{|}~,]+$",
    "an RTC channel name: letters, digits, space and !#$%&()+-:;<=.>\?@[]^_{|}~,",
};
static const acr_effect acr_update_request_rule_0_effects[] = {
    { ACR_EFFECT_STRING, acr_update_request_rule_0_effect_0_path, 1,
      NULL, 0,
      NULL, 0, &acr_update_request_rule_0_effect_0_string,
      "when the mode is individual or mix" },
};
static const acr_rule acr_update_request_rules[] = {
    { ACR_RULE_CONDITIONAL, ACR_IF_MODE,
      NULL, 0,
      NULL, 0,
      NULL, 0, 0,
      0, INT64_C(0), NULL,
      (1u << 0) | (1u << 1), NULL, INT64_C(0),
      acr_update_request_rule_0_effects, 1, NULL },
};
static const acr_object_desc acr_update_request_object = {
    "UpdateRequest", sizeof(acr_update_request), acr_update_request_fields, 3,
    acr_update_request_rules, 1, 1,
};

/* --- UpdateResponse --- */
static const acr_string_rules v_acr_update_response_cname_string = {
    1, SIZE_MAX, 1024,
    NULL, NULL,
    NULL,
};
static const acr_value_desc v_acr_update_response_cname = {
    ACR_KIND_STRING, 0,
    NULL,
    NULL, 0,
    NULL,
    &v_acr_update_response_cname_string, NULL, NULL, NULL,
    "a string",
};

static const acr_string_rules v_acr_update_response_uid_string = {
    0, SIZE_MAX, SIZE_MAX,
    &pattern_0, "^([1-9][0-9]{0,8}|[1-3][0-9]{9}|4[01][0-9]{8}|42[0-8][0-9]{7}|429[0-3][0-9]{6}|4294[0-8][0-9]{5}|42949[0-5][0-9]{4}|429496[0-6][0-9]{3}|4294967[01][0-9]{2}|42949672[0-8][0-9]|429496729[0-5])$",
    "a decimal UID string from 1 to 4294967295",
};
static const acr_value_desc v_acr_update_response_uid = {
    ACR_KIND_STRING, 0,
    NULL,
    NULL, 0,
    NULL,
    &v_acr_update_response_uid_string, NULL, NULL, NULL,
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
    1, SIZE_MAX, 1024,
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
static const uint16_t acr_stop_request_rule_0_effect_0_path[] = { 0 };
static const acr_string_rules acr_stop_request_rule_0_effect_0_string = {
    0, SIZE_MAX, 63,
    &pattern_4, "^[A-Za-z0-9 !#$%&()+\\-:;<=.>\?@\\[\\]^_{|}~,]+$",
    "an RTC channel name: letters, digits, space and !#$%&()+-:;<=.>\?@[]^_{|}~,",
};
static const acr_effect acr_stop_request_rule_0_effects[] = {
    { ACR_EFFECT_STRING, acr_stop_request_rule_0_effect_0_path, 1,
      NULL, 0,
      NULL, 0, &acr_stop_request_rule_0_effect_0_string,
      "when the mode is individual or mix" },
};
static const acr_rule acr_stop_request_rules[] = {
    { ACR_RULE_CONDITIONAL, ACR_IF_MODE,
      NULL, 0,
      NULL, 0,
      NULL, 0, 0,
      0, INT64_C(0), NULL,
      (1u << 0) | (1u << 1), NULL, INT64_C(0),
      acr_stop_request_rule_0_effects, 1, NULL },
};
static const acr_object_desc acr_stop_request_object = {
    "StopRequest", sizeof(acr_stop_request), acr_stop_request_fields, 3,
    acr_stop_request_rules, 1, 1,
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
static const acr_string_rules v_acr_stop_response_cname_string = {
    1, SIZE_MAX, 1024,
    NULL, NULL,
    NULL,
};
static const acr_value_desc v_acr_stop_response_cname = {
    ACR_KIND_STRING, 0,
    NULL,
    NULL, 0,
    NULL,
    &v_acr_stop_response_cname_string, NULL, NULL, NULL,
    "a string",
};

static const acr_string_rules v_acr_stop_response_uid_string = {
    0, SIZE_MAX, SIZE_MAX,
    &pattern_0, "^([1-9][0-9]{0,8}|[1-3][0-9]{9}|4[01][0-9]{8}|42[0-8][0-9]{7}|429[0-3][0-9]{6}|4294[0-8][0-9]{5}|42949[0-5][0-9]{4}|429496[0-6][0-9]{3}|4294967[01][0-9]{2}|42949672[0-8][0-9]|429496729[0-5])$",
    "a decimal UID string from 1 to 4294967295",
};
static const acr_value_desc v_acr_stop_response_uid = {
    ACR_KIND_STRING, 0,
    NULL,
    NULL, 0,
    NULL,
    &v_acr_stop_response_uid_string, NULL, NULL, NULL,
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

/* --- StartStorageConfig --- */
static const int64_t v_acr_start_storage_config_vendor_allowed[] = { INT64_C(1), INT64_C(2), INT64_C(3), INT64_C(5), INT64_C(6), INT64_C(7), INT64_C(8), INT64_C(11) };
static const acr_int_rules v_acr_start_storage_config_vendor_int = {
    0, 0,
    INT64_C(0), INT64_C(0), 0, 0,
    v_acr_start_storage_config_vendor_allowed, 8, "one of 1, 2, 3, 5, 6, 7, 8 or 11",
};
static const acr_value_desc v_acr_start_storage_config_vendor = {
    ACR_KIND_INT, 0,
    NULL,
    NULL, 0,
    NULL,
    NULL, &v_acr_start_storage_config_vendor_int, NULL, NULL,
    "an integer",
};

static const acr_int_rules v_acr_start_storage_config_region_int = {
    1, 0,
    INT64_C(0), INT64_C(0), 0, 0,
    NULL, 0, "",
};
static const acr_value_desc v_acr_start_storage_config_region = {
    ACR_KIND_INT, 0,
    NULL,
    NULL, 0,
    NULL,
    NULL, &v_acr_start_storage_config_region_int, NULL, NULL,
    "an integer",
};

static const acr_string_rules v_acr_start_storage_config_bucket_string = {
    1, SIZE_MAX, SIZE_MAX,
    NULL, NULL,
    NULL,
};
static const acr_value_desc v_acr_start_storage_config_bucket = {
    ACR_KIND_STRING, 0,
    NULL,
    NULL, 0,
    NULL,
    &v_acr_start_storage_config_bucket_string, NULL, NULL, NULL,
    "a string",
};

static const acr_string_rules v_acr_start_storage_config_access_key_string = {
    1, SIZE_MAX, SIZE_MAX,
    NULL, NULL,
    NULL,
};
static const acr_value_desc v_acr_start_storage_config_access_key = {
    ACR_KIND_STRING, 0,
    NULL,
    NULL, 0,
    NULL,
    &v_acr_start_storage_config_access_key_string, NULL, NULL, NULL,
    "a string",
};

static const acr_string_rules v_acr_start_storage_config_secret_key_string = {
    1, SIZE_MAX, SIZE_MAX,
    NULL, NULL,
    NULL,
};
static const acr_value_desc v_acr_start_storage_config_secret_key = {
    ACR_KIND_STRING, 0,
    NULL,
    NULL, 0,
    NULL,
    &v_acr_start_storage_config_secret_key_string, NULL, NULL, NULL,
    "a string",
};

static const acr_string_rules v_acr_start_storage_config_sts_token_string = {
    1, SIZE_MAX, SIZE_MAX,
    NULL, NULL,
    NULL,
};
static const acr_value_desc v_acr_start_storage_config_sts_token = {
    ACR_KIND_STRING, 1,
    NULL,
    NULL, 0,
    NULL,
    &v_acr_start_storage_config_sts_token_string, NULL, NULL, NULL,
    "a string or null",
};

static const acr_int_rules v_acr_start_storage_config_sts_expiration_int = {
    1, 1,
    0, 0, UINT64_C(0), UINT64_C(18446744073709551615),
    NULL, 0, "",
};
static const acr_value_desc v_acr_start_storage_config_sts_expiration = {
    ACR_KIND_UINT64, 1,
    NULL,
    NULL, 0,
    NULL,
    NULL, &v_acr_start_storage_config_sts_expiration_int, NULL, NULL,
    "an integer or null",
};

static const acr_string_rules v_acr_start_storage_config_file_name_prefix_items_string = {
    1, SIZE_MAX, SIZE_MAX,
    &pattern_3, "^[A-Za-z0-9]+$",
    "letters and digits only",
};
static const acr_value_desc v_acr_start_storage_config_file_name_prefix_items = {
    ACR_KIND_STRING, 0,
    NULL,
    NULL, 0,
    NULL,
    &v_acr_start_storage_config_file_name_prefix_items_string, NULL, NULL, NULL,
    "a string",
};

static const acr_array_rules v_acr_start_storage_config_file_name_prefix_array = {
    0, SIZE_MAX, 128,
};
static const acr_value_desc v_acr_start_storage_config_file_name_prefix = {
    ACR_KIND_ARRAY, 1,
    NULL,
    &v_acr_start_storage_config_file_name_prefix_items, sizeof(char *),
    NULL,
    NULL, NULL, NULL, &v_acr_start_storage_config_file_name_prefix_array,
    "an array or null",
};

static const acr_value_desc v_acr_start_storage_config_extension_params = {
    ACR_KIND_OBJECT, 1,
    &acr_extension_params_object,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "an object or null",
};

static const acr_field_desc acr_start_storage_config_fields[] = {
    { "vendor", 6, &v_acr_start_storage_config_vendor,
      offsetof(acr_start_storage_config, vendor), offsetof(acr_start_storage_config, has_vendor), 0,
      1, 0, NULL, 0 },
    { "region", 6, &v_acr_start_storage_config_region,
      offsetof(acr_start_storage_config, region), offsetof(acr_start_storage_config, has_region), 0,
      1, 0, NULL, 0 },
    { "bucket", 6, &v_acr_start_storage_config_bucket,
      offsetof(acr_start_storage_config, bucket), 0, 0,
      1, 0, NULL, 0 },
    { "accessKey", 9, &v_acr_start_storage_config_access_key,
      offsetof(acr_start_storage_config, access_key), 0, 0,
      1, 0, NULL, 1 },
    { "secretKey", 9, &v_acr_start_storage_config_secret_key,
      offsetof(acr_start_storage_config, secret_key), 0, 0,
      1, 0, NULL, 1 },
    { "stsToken", 8, &v_acr_start_storage_config_sts_token,
      offsetof(acr_start_storage_config, sts_token), 0, 0,
      0, 0, NULL, 1 },
    { "stsExpiration", 13, &v_acr_start_storage_config_sts_expiration,
      offsetof(acr_start_storage_config, sts_expiration), offsetof(acr_start_storage_config, has_sts_expiration), 0,
      0, 0, NULL, 0 },
    { "fileNamePrefix", 14, &v_acr_start_storage_config_file_name_prefix,
      offsetof(acr_start_storage_config, file_name_prefix), offsetof(acr_start_storage_config, file_name_prefix_count), 0,
      0, 0, NULL, 0 },
    { "extensionParams", 15, &v_acr_start_storage_config_extension_params,
      offsetof(acr_start_storage_config, extension_params), offsetof(acr_start_storage_config, has_extension_params), 0,
      0, 0, NULL, 0 },
};
static const uint16_t acr_start_storage_config_rule_0_fields[] = { 0 };
static const int64_t acr_start_storage_config_rule_0_values[] = { INT64_C(1) };
static const uint16_t acr_start_storage_config_rule_0_effect_0_path[] = { 1 };
static const int64_t acr_start_storage_config_rule_0_effect_0_allowed[] = { INT64_C(0), INT64_C(1), INT64_C(2), INT64_C(3), INT64_C(4), INT64_C(5), INT64_C(6), INT64_C(7), INT64_C(8), INT64_C(9), INT64_C(10), INT64_C(11), INT64_C(12), INT64_C(13), INT64_C(14), INT64_C(15), INT64_C(16), INT64_C(18), INT64_C(19), INT64_C(20), INT64_C(21), INT64_C(22), INT64_C(24), INT64_C(25) };
static const acr_effect acr_start_storage_config_rule_0_effects[] = {
    { ACR_EFFECT_ONE_OF, acr_start_storage_config_rule_0_effect_0_path, 1,
      acr_start_storage_config_rule_0_effect_0_allowed, 24,
      NULL, 0, NULL,
      "must be 0 to 16, 18 to 22, 24 or 25 when vendor is 1" },
};
static const uint16_t acr_start_storage_config_rule_1_fields[] = { 0 };
static const int64_t acr_start_storage_config_rule_1_values[] = { INT64_C(2) };
static const uint16_t acr_start_storage_config_rule_1_effect_0_path[] = { 1 };
static const int64_t acr_start_storage_config_rule_1_effect_0_allowed[] = { INT64_C(0), INT64_C(1), INT64_C(2), INT64_C(3), INT64_C(4), INT64_C(5), INT64_C(6), INT64_C(7), INT64_C(8), INT64_C(9), INT64_C(10), INT64_C(11), INT64_C(12), INT64_C(13), INT64_C(14), INT64_C(15), INT64_C(16), INT64_C(17), INT64_C(18), INT64_C(19), INT64_C(20), INT64_C(21), INT64_C(22), INT64_C(23), INT64_C(24), INT64_C(25), INT64_C(26), INT64_C(27) };
static const acr_effect acr_start_storage_config_rule_1_effects[] = {
    { ACR_EFFECT_ONE_OF, acr_start_storage_config_rule_1_effect_0_path, 1,
      acr_start_storage_config_rule_1_effect_0_allowed, 28,
      NULL, 0, NULL,
      "must be 0 to 27 when vendor is 2" },
};
static const uint16_t acr_start_storage_config_rule_2_fields[] = { 0 };
static const int64_t acr_start_storage_config_rule_2_values[] = { INT64_C(3) };
static const uint16_t acr_start_storage_config_rule_2_effect_0_path[] = { 1 };
static const int64_t acr_start_storage_config_rule_2_effect_0_allowed[] = { INT64_C(0), INT64_C(1), INT64_C(2), INT64_C(3), INT64_C(4), INT64_C(5), INT64_C(6), INT64_C(7), INT64_C(8), INT64_C(9), INT64_C(10), INT64_C(11), INT64_C(12), INT64_C(13), INT64_C(14), INT64_C(15), INT64_C(16), INT64_C(17), INT64_C(18), INT64_C(19) };
static const acr_effect acr_start_storage_config_rule_2_effects[] = {
    { ACR_EFFECT_ONE_OF, acr_start_storage_config_rule_2_effect_0_path, 1,
      acr_start_storage_config_rule_2_effect_0_allowed, 20,
      NULL, 0, NULL,
      "must be 0 to 19 when vendor is 3" },
};
static const uint16_t acr_start_storage_config_rule_3_fields[] = { 0 };
static const int64_t acr_start_storage_config_rule_3_values[] = { INT64_C(5) };
static const uint16_t acr_start_storage_config_rule_3_effect_0_path[] = { 1 };
static const int64_t acr_start_storage_config_rule_3_effect_0_allowed[] = { INT64_C(0) };
static const acr_effect acr_start_storage_config_rule_3_effects[] = {
    { ACR_EFFECT_ONE_OF, acr_start_storage_config_rule_3_effect_0_path, 1,
      acr_start_storage_config_rule_3_effect_0_allowed, 1,
      NULL, 0, NULL,
      "must be 0 when vendor is 5" },
};
static const uint16_t acr_start_storage_config_rule_4_fields[] = { 0 };
static const int64_t acr_start_storage_config_rule_4_values[] = { INT64_C(6) };
static const uint16_t acr_start_storage_config_rule_4_effect_0_path[] = { 1 };
static const int64_t acr_start_storage_config_rule_4_effect_0_allowed[] = { INT64_C(0) };
static const acr_effect acr_start_storage_config_rule_4_effects[] = {
    { ACR_EFFECT_ONE_OF, acr_start_storage_config_rule_4_effect_0_path, 1,
      acr_start_storage_config_rule_4_effect_0_allowed, 1,
      NULL, 0, NULL,
      "must be 0 when vendor is 6" },
};
static const uint16_t acr_start_storage_config_rule_5_fields[] = { 0 };
static const int64_t acr_start_storage_config_rule_5_values[] = { INT64_C(7) };
static const uint16_t acr_start_storage_config_rule_5_effect_0_path[] = { 1 };
static const int64_t acr_start_storage_config_rule_5_effect_0_allowed[] = { INT64_C(0), INT64_C(1), INT64_C(2), INT64_C(3), INT64_C(4), INT64_C(5), INT64_C(6), INT64_C(7), INT64_C(8), INT64_C(9), INT64_C(10), INT64_C(11), INT64_C(12), INT64_C(13), INT64_C(14), INT64_C(15) };
static const acr_effect acr_start_storage_config_rule_5_effects[] = {
    { ACR_EFFECT_ONE_OF, acr_start_storage_config_rule_5_effect_0_path, 1,
      acr_start_storage_config_rule_5_effect_0_allowed, 16,
      NULL, 0, NULL,
      "must be 0 to 15 when vendor is 7" },
};
static const uint16_t acr_start_storage_config_rule_6_fields[] = { 0 };
static const int64_t acr_start_storage_config_rule_6_values[] = { INT64_C(8) };
static const uint16_t acr_start_storage_config_rule_6_effect_0_path[] = { 1 };
static const int64_t acr_start_storage_config_rule_6_effect_0_allowed[] = { INT64_C(1), INT64_C(2), INT64_C(3), INT64_C(4), INT64_C(5), INT64_C(6), INT64_C(7) };
static const acr_effect acr_start_storage_config_rule_6_effects[] = {
    { ACR_EFFECT_ONE_OF, acr_start_storage_config_rule_6_effect_0_path, 1,
      acr_start_storage_config_rule_6_effect_0_allowed, 7,
      NULL, 0, NULL,
      "must be 1 to 7 when vendor is 8" },
};
static const uint16_t acr_start_storage_config_rule_7_fields[] = { 0 };
static const int64_t acr_start_storage_config_rule_7_values[] = { INT64_C(11) };
static const uint16_t acr_start_storage_config_rule_7_effect_0_path[] = { 1 };
static const int64_t acr_start_storage_config_rule_7_effect_0_allowed[] = { INT64_C(0) };
static const acr_effect acr_start_storage_config_rule_7_effects[] = {
    { ACR_EFFECT_ONE_OF, acr_start_storage_config_rule_7_effect_0_path, 1,
      acr_start_storage_config_rule_7_effect_0_allowed, 1,
      NULL, 0, NULL,
      "must be 0 when vendor is 11" },
};
static const uint16_t acr_start_storage_config_rule_8_fields[] = { 0 };
static const int64_t acr_start_storage_config_rule_8_values[] = { INT64_C(1), INT64_C(2), INT64_C(3) };
static const uint16_t acr_start_storage_config_rule_8_effect_0_path[] = { 5 };
static const acr_effect acr_start_storage_config_rule_8_effects[] = {
    { ACR_EFFECT_FORBIDDEN, acr_start_storage_config_rule_8_effect_0_path, 1,
      NULL, 0,
      NULL, 0, NULL,
      "is only allowed when vendor is 1, 2 or 3" },
};
static const uint16_t acr_start_storage_config_rule_9_fields[] = { 0 };
static const int64_t acr_start_storage_config_rule_9_values[] = { INT64_C(11) };
static const uint16_t acr_start_storage_config_rule_9_effect_0_path[] = { 8 };
static const uint16_t acr_start_storage_config_rule_9_effect_1_path[] = { 8, 2 };
static const acr_effect acr_start_storage_config_rule_9_effects[] = {
    { ACR_EFFECT_REQUIRED, acr_start_storage_config_rule_9_effect_0_path, 1,
      NULL, 0,
      NULL, 0, NULL,
      "is required when vendor is 11" },
    { ACR_EFFECT_REQUIRED, acr_start_storage_config_rule_9_effect_1_path, 2,
      NULL, 0,
      NULL, 0, NULL,
      "is required when vendor is 11" },
};
static const acr_rule acr_start_storage_config_rules[] = {
    { ACR_RULE_CONDITIONAL, ACR_IF_VALUE,
      acr_start_storage_config_rule_0_fields, 1,
      acr_start_storage_config_rule_0_values, 1,
      NULL, 0, 0,
      0, INT64_C(0), NULL,
      0, NULL, INT64_C(0),
      acr_start_storage_config_rule_0_effects, 1, NULL },
    { ACR_RULE_CONDITIONAL, ACR_IF_VALUE,
      acr_start_storage_config_rule_1_fields, 1,
      acr_start_storage_config_rule_1_values, 1,
      NULL, 0, 0,
      0, INT64_C(0), NULL,
      0, NULL, INT64_C(0),
      acr_start_storage_config_rule_1_effects, 1, NULL },
    { ACR_RULE_CONDITIONAL, ACR_IF_VALUE,
      acr_start_storage_config_rule_2_fields, 1,
      acr_start_storage_config_rule_2_values, 1,
      NULL, 0, 0,
      0, INT64_C(0), NULL,
      0, NULL, INT64_C(0),
      acr_start_storage_config_rule_2_effects, 1, NULL },
    { ACR_RULE_CONDITIONAL, ACR_IF_VALUE,
      acr_start_storage_config_rule_3_fields, 1,
      acr_start_storage_config_rule_3_values, 1,
      NULL, 0, 0,
      0, INT64_C(0), NULL,
      0, NULL, INT64_C(0),
      acr_start_storage_config_rule_3_effects, 1, NULL },
    { ACR_RULE_CONDITIONAL, ACR_IF_VALUE,
      acr_start_storage_config_rule_4_fields, 1,
      acr_start_storage_config_rule_4_values, 1,
      NULL, 0, 0,
      0, INT64_C(0), NULL,
      0, NULL, INT64_C(0),
      acr_start_storage_config_rule_4_effects, 1, NULL },
    { ACR_RULE_CONDITIONAL, ACR_IF_VALUE,
      acr_start_storage_config_rule_5_fields, 1,
      acr_start_storage_config_rule_5_values, 1,
      NULL, 0, 0,
      0, INT64_C(0), NULL,
      0, NULL, INT64_C(0),
      acr_start_storage_config_rule_5_effects, 1, NULL },
    { ACR_RULE_CONDITIONAL, ACR_IF_VALUE,
      acr_start_storage_config_rule_6_fields, 1,
      acr_start_storage_config_rule_6_values, 1,
      NULL, 0, 0,
      0, INT64_C(0), NULL,
      0, NULL, INT64_C(0),
      acr_start_storage_config_rule_6_effects, 1, NULL },
    { ACR_RULE_CONDITIONAL, ACR_IF_VALUE,
      acr_start_storage_config_rule_7_fields, 1,
      acr_start_storage_config_rule_7_values, 1,
      NULL, 0, 0,
      0, INT64_C(0), NULL,
      0, NULL, INT64_C(0),
      acr_start_storage_config_rule_7_effects, 1, NULL },
    { ACR_RULE_CONDITIONAL, ACR_IF_VALUE,
      acr_start_storage_config_rule_8_fields, 1,
      acr_start_storage_config_rule_8_values, 3,
      NULL, 0, 1,
      0, INT64_C(0), NULL,
      0, NULL, INT64_C(0),
      acr_start_storage_config_rule_8_effects, 1, NULL },
    { ACR_RULE_CONDITIONAL, ACR_IF_VALUE,
      acr_start_storage_config_rule_9_fields, 1,
      acr_start_storage_config_rule_9_values, 1,
      NULL, 0, 0,
      0, INT64_C(0), NULL,
      0, NULL, INT64_C(0),
      acr_start_storage_config_rule_9_effects, 2, NULL },
};
static const acr_object_desc acr_start_storage_config_object = {
    "StartStorageConfig", sizeof(acr_start_storage_config), acr_start_storage_config_fields, 9,
    acr_start_storage_config_rules, 10, 1,
};

/* --- LayoutRegion --- */
static const acr_string_rules v_acr_layout_region_uid_string = {
    0, SIZE_MAX, SIZE_MAX,
    &pattern_0, "^([1-9][0-9]{0,8}|[1-3][0-9]{9}|4[01][0-9]{8}|42[0-8][0-9]{7}|429[0-3][0-9]{6}|4294[0-8][0-9]{5}|42949[0-5][0-9]{4}|429496[0-6][0-9]{3}|4294967[01][0-9]{2}|42949672[0-8][0-9]|429496729[0-5])$",
    "a decimal UID string from 1 to 4294967295",
};
static const acr_value_desc v_acr_layout_region_uid = {
    ACR_KIND_STRING, 0,
    NULL,
    NULL, 0,
    NULL,
    &v_acr_layout_region_uid_string, NULL, NULL, NULL,
    "a string",
};

static const acr_number_rules v_acr_layout_region_x_axis_number = {
    1, 1,
    0.0, 1.0,
};
static const acr_value_desc v_acr_layout_region_x_axis = {
    ACR_KIND_NUMBER, 0,
    NULL,
    NULL, 0,
    NULL,
    NULL, NULL, &v_acr_layout_region_x_axis_number, NULL,
    "a number",
};

static const acr_number_rules v_acr_layout_region_y_axis_number = {
    1, 1,
    0.0, 1.0,
};
static const acr_value_desc v_acr_layout_region_y_axis = {
    ACR_KIND_NUMBER, 0,
    NULL,
    NULL, 0,
    NULL,
    NULL, NULL, &v_acr_layout_region_y_axis_number, NULL,
    "a number",
};

static const acr_number_rules v_acr_layout_region_width_number = {
    1, 1,
    0.0, 1.0,
};
static const acr_value_desc v_acr_layout_region_width = {
    ACR_KIND_NUMBER, 0,
    NULL,
    NULL, 0,
    NULL,
    NULL, NULL, &v_acr_layout_region_width_number, NULL,
    "a number",
};

static const acr_number_rules v_acr_layout_region_height_number = {
    1, 1,
    0.0, 1.0,
};
static const acr_value_desc v_acr_layout_region_height = {
    ACR_KIND_NUMBER, 0,
    NULL,
    NULL, 0,
    NULL,
    NULL, NULL, &v_acr_layout_region_height_number, NULL,
    "a number",
};

static const acr_number_rules v_acr_layout_region_alpha_number = {
    1, 1,
    0.0, 1.0,
};
static const acr_value_desc v_acr_layout_region_alpha = {
    ACR_KIND_NUMBER, 0,
    NULL,
    NULL, 0,
    NULL,
    NULL, NULL, &v_acr_layout_region_alpha_number, NULL,
    "a number",
};

static const int64_t v_acr_layout_region_render_mode_allowed[] = { INT64_C(0), INT64_C(1) };
static const acr_int_rules v_acr_layout_region_render_mode_int = {
    0, 0,
    INT64_C(0), INT64_C(0), 0, 0,
    v_acr_layout_region_render_mode_allowed, 2, "one of 0 or 1",
};
static const acr_value_desc v_acr_layout_region_render_mode = {
    ACR_KIND_INT, 0,
    NULL,
    NULL, 0,
    NULL,
    NULL, &v_acr_layout_region_render_mode_int, NULL, NULL,
    "an integer",
};

static const acr_field_desc acr_layout_region_fields[] = {
    { "uid", 3, &v_acr_layout_region_uid,
      offsetof(acr_layout_region, uid), 0, 0,
      0, 0, NULL, 0 },
    { "x_axis", 6, &v_acr_layout_region_x_axis,
      offsetof(acr_layout_region, x_axis), offsetof(acr_layout_region, has_x_axis), 0,
      1, 0, NULL, 0 },
    { "y_axis", 6, &v_acr_layout_region_y_axis,
      offsetof(acr_layout_region, y_axis), offsetof(acr_layout_region, has_y_axis), 0,
      1, 0, NULL, 0 },
    { "width", 5, &v_acr_layout_region_width,
      offsetof(acr_layout_region, width), offsetof(acr_layout_region, has_width), 0,
      1, 0, NULL, 0 },
    { "height", 6, &v_acr_layout_region_height,
      offsetof(acr_layout_region, height), offsetof(acr_layout_region, has_height), 0,
      1, 0, NULL, 0 },
    { "alpha", 5, &v_acr_layout_region_alpha,
      offsetof(acr_layout_region, alpha), offsetof(acr_layout_region, has_alpha), 0,
      0, 0, NULL, 0 },
    { "render_mode", 11, &v_acr_layout_region_render_mode,
      offsetof(acr_layout_region, render_mode), offsetof(acr_layout_region, has_render_mode), 0,
      0, 0, NULL, 0 },
};
static const acr_object_desc acr_layout_region_object = {
    "LayoutRegion", sizeof(acr_layout_region), acr_layout_region_fields, 7,
    NULL, 0, 1,
};

/* --- UserBackground --- */
static const acr_string_rules v_acr_user_background_uid_string = {
    0, SIZE_MAX, SIZE_MAX,
    &pattern_0, "^([1-9][0-9]{0,8}|[1-3][0-9]{9}|4[01][0-9]{8}|42[0-8][0-9]{7}|429[0-3][0-9]{6}|4294[0-8][0-9]{5}|42949[0-5][0-9]{4}|429496[0-6][0-9]{3}|4294967[01][0-9]{2}|42949672[0-8][0-9]|429496729[0-5])$",
    "a decimal UID string from 1 to 4294967295",
};
static const acr_value_desc v_acr_user_background_uid = {
    ACR_KIND_STRING, 0,
    NULL,
    NULL, 0,
    NULL,
    &v_acr_user_background_uid_string, NULL, NULL, NULL,
    "a string",
};

static const acr_string_rules v_acr_user_background_image_url_string = {
    0, SIZE_MAX, SIZE_MAX,
    &pattern_7, "^https://",
    "an https:// URL",
};
static const acr_value_desc v_acr_user_background_image_url = {
    ACR_KIND_STRING, 0,
    NULL,
    NULL, 0,
    NULL,
    &v_acr_user_background_image_url_string, NULL, NULL, NULL,
    "a string",
};

static const int64_t v_acr_user_background_render_mode_allowed[] = { INT64_C(0), INT64_C(1) };
static const acr_int_rules v_acr_user_background_render_mode_int = {
    0, 0,
    INT64_C(0), INT64_C(0), 0, 0,
    v_acr_user_background_render_mode_allowed, 2, "one of 0 or 1",
};
static const acr_value_desc v_acr_user_background_render_mode = {
    ACR_KIND_INT, 0,
    NULL,
    NULL, 0,
    NULL,
    NULL, &v_acr_user_background_render_mode_int, NULL, NULL,
    "an integer",
};

static const acr_field_desc acr_user_background_fields[] = {
    { "uid", 3, &v_acr_user_background_uid,
      offsetof(acr_user_background, uid), 0, 0,
      1, 0, NULL, 0 },
    { "image_url", 9, &v_acr_user_background_image_url,
      offsetof(acr_user_background, image_url), 0, 0,
      1, 0, NULL, 0 },
    { "render_mode", 11, &v_acr_user_background_render_mode,
      offsetof(acr_user_background, render_mode), offsetof(acr_user_background, has_render_mode), 0,
      0, 0, NULL, 0 },
};
static const acr_object_desc acr_user_background_object = {
    "UserBackground", sizeof(acr_user_background), acr_user_background_fields, 3,
    NULL, 0, 1,
};

/* --- TranscodingConfig --- */
static const acr_int_rules v_acr_transcoding_config_width_int = {
    1, 0,
    INT64_C(1), INT64_C(0), 0, 0,
    NULL, 0, "",
};
static const acr_value_desc v_acr_transcoding_config_width = {
    ACR_KIND_INT, 0,
    NULL,
    NULL, 0,
    NULL,
    NULL, &v_acr_transcoding_config_width_int, NULL, NULL,
    "an integer",
};

static const acr_int_rules v_acr_transcoding_config_height_int = {
    1, 0,
    INT64_C(1), INT64_C(0), 0, 0,
    NULL, 0, "",
};
static const acr_value_desc v_acr_transcoding_config_height = {
    ACR_KIND_INT, 0,
    NULL,
    NULL, 0,
    NULL,
    NULL, &v_acr_transcoding_config_height_int, NULL, NULL,
    "an integer",
};

static const acr_int_rules v_acr_transcoding_config_fps_int = {
    1, 0,
    INT64_C(1), INT64_C(0), 0, 0,
    NULL, 0, "",
};
static const acr_value_desc v_acr_transcoding_config_fps = {
    ACR_KIND_INT, 0,
    NULL,
    NULL, 0,
    NULL,
    NULL, &v_acr_transcoding_config_fps_int, NULL, NULL,
    "an integer",
};

static const acr_int_rules v_acr_transcoding_config_bitrate_int = {
    1, 0,
    INT64_C(1), INT64_C(0), 0, 0,
    NULL, 0, "",
};
static const acr_value_desc v_acr_transcoding_config_bitrate = {
    ACR_KIND_INT, 0,
    NULL,
    NULL, 0,
    NULL,
    NULL, &v_acr_transcoding_config_bitrate_int, NULL, NULL,
    "an integer",
};

static const acr_string_rules v_acr_transcoding_config_max_resolution_uid_string = {
    0, SIZE_MAX, SIZE_MAX,
    &pattern_0, "^([1-9][0-9]{0,8}|[1-3][0-9]{9}|4[01][0-9]{8}|42[0-8][0-9]{7}|429[0-3][0-9]{6}|4294[0-8][0-9]{5}|42949[0-5][0-9]{4}|429496[0-6][0-9]{3}|4294967[01][0-9]{2}|42949672[0-8][0-9]|429496729[0-5])$",
    "a decimal UID string from 1 to 4294967295",
};
static const acr_value_desc v_acr_transcoding_config_max_resolution_uid = {
    ACR_KIND_STRING, 0,
    NULL,
    NULL, 0,
    NULL,
    &v_acr_transcoding_config_max_resolution_uid_string, NULL, NULL, NULL,
    "a string",
};

static const int64_t v_acr_transcoding_config_mixed_video_layout_allowed[] = { INT64_C(0), INT64_C(1), INT64_C(2), INT64_C(3) };
static const acr_int_rules v_acr_transcoding_config_mixed_video_layout_int = {
    0, 0,
    INT64_C(0), INT64_C(0), 0, 0,
    v_acr_transcoding_config_mixed_video_layout_allowed, 4, "one of 0, 1, 2 or 3",
};
static const acr_value_desc v_acr_transcoding_config_mixed_video_layout = {
    ACR_KIND_INT, 0,
    NULL,
    NULL, 0,
    NULL,
    NULL, &v_acr_transcoding_config_mixed_video_layout_int, NULL, NULL,
    "an integer",
};

static const acr_string_rules v_acr_transcoding_config_background_color_string = {
    0, SIZE_MAX, SIZE_MAX,
    &pattern_6, "^#[0-9A-Fa-f]{6}$",
    "a color #RRGGBB",
};
static const acr_value_desc v_acr_transcoding_config_background_color = {
    ACR_KIND_STRING, 0,
    NULL,
    NULL, 0,
    NULL,
    &v_acr_transcoding_config_background_color_string, NULL, NULL, NULL,
    "a string",
};

static const acr_string_rules v_acr_transcoding_config_background_image_string = {
    1, SIZE_MAX, SIZE_MAX,
    NULL, NULL,
    NULL,
};
static const acr_value_desc v_acr_transcoding_config_background_image = {
    ACR_KIND_STRING, 0,
    NULL,
    NULL, 0,
    NULL,
    &v_acr_transcoding_config_background_image_string, NULL, NULL, NULL,
    "a string",
};

static const acr_string_rules v_acr_transcoding_config_default_user_background_image_string = {
    1, SIZE_MAX, SIZE_MAX,
    NULL, NULL,
    NULL,
};
static const acr_value_desc v_acr_transcoding_config_default_user_background_image = {
    ACR_KIND_STRING, 0,
    NULL,
    NULL, 0,
    NULL,
    &v_acr_transcoding_config_default_user_background_image_string, NULL, NULL, NULL,
    "a string",
};

static const acr_value_desc v_acr_transcoding_config_layout_config_items = {
    ACR_KIND_OBJECT, 0,
    &acr_layout_region_object,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "an object",
};

static const acr_array_rules v_acr_transcoding_config_layout_config_array = {
    0, 17, 0,
};
static const acr_value_desc v_acr_transcoding_config_layout_config = {
    ACR_KIND_ARRAY, 0,
    NULL,
    &v_acr_transcoding_config_layout_config_items, sizeof(acr_layout_region),
    NULL,
    NULL, NULL, NULL, &v_acr_transcoding_config_layout_config_array,
    "an array",
};

static const acr_value_desc v_acr_transcoding_config_background_config_items = {
    ACR_KIND_OBJECT, 0,
    &acr_user_background_object,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "an object",
};

static const acr_value_desc v_acr_transcoding_config_background_config = {
    ACR_KIND_ARRAY, 0,
    NULL,
    &v_acr_transcoding_config_background_config_items, sizeof(acr_user_background),
    NULL,
    NULL, NULL, NULL, NULL,
    "an array",
};

static const acr_field_desc acr_transcoding_config_fields[] = {
    { "width", 5, &v_acr_transcoding_config_width,
      offsetof(acr_transcoding_config, width), offsetof(acr_transcoding_config, has_width), 0,
      0, 0, NULL, 0 },
    { "height", 6, &v_acr_transcoding_config_height,
      offsetof(acr_transcoding_config, height), offsetof(acr_transcoding_config, has_height), 0,
      0, 0, NULL, 0 },
    { "fps", 3, &v_acr_transcoding_config_fps,
      offsetof(acr_transcoding_config, fps), offsetof(acr_transcoding_config, has_fps), 0,
      0, 0, NULL, 0 },
    { "bitrate", 7, &v_acr_transcoding_config_bitrate,
      offsetof(acr_transcoding_config, bitrate), offsetof(acr_transcoding_config, has_bitrate), 0,
      0, 0, NULL, 0 },
    { "maxResolutionUid", 16, &v_acr_transcoding_config_max_resolution_uid,
      offsetof(acr_transcoding_config, max_resolution_uid), 0, 0,
      0, 0, NULL, 0 },
    { "mixedVideoLayout", 16, &v_acr_transcoding_config_mixed_video_layout,
      offsetof(acr_transcoding_config, mixed_video_layout), offsetof(acr_transcoding_config, has_mixed_video_layout), 0,
      0, 0, NULL, 0 },
    { "backgroundColor", 15, &v_acr_transcoding_config_background_color,
      offsetof(acr_transcoding_config, background_color), 0, 0,
      0, 0, NULL, 0 },
    { "backgroundImage", 15, &v_acr_transcoding_config_background_image,
      offsetof(acr_transcoding_config, background_image), 0, 0,
      0, 0, NULL, 0 },
    { "defaultUserBackgroundImage", 26, &v_acr_transcoding_config_default_user_background_image,
      offsetof(acr_transcoding_config, default_user_background_image), 0, 0,
      0, 0, NULL, 0 },
    { "layoutConfig", 12, &v_acr_transcoding_config_layout_config,
      offsetof(acr_transcoding_config, layout_config), offsetof(acr_transcoding_config, layout_config_count), 0,
      0, 0, NULL, 0 },
    { "backgroundConfig", 16, &v_acr_transcoding_config_background_config,
      offsetof(acr_transcoding_config, background_config), offsetof(acr_transcoding_config, background_config_count), 0,
      0, 0, NULL, 0 },
};
static const uint16_t acr_transcoding_config_rule_0_fields[] = { 0, 1 };
static const int64_t acr_transcoding_config_rule_0_values[] = { INT64_C(360), INT64_C(640) };
static const uint8_t acr_transcoding_config_rule_0_has_value[] = { 1, 1 };
static const uint16_t acr_transcoding_config_rule_1_fields[] = { 5 };
static const int64_t acr_transcoding_config_rule_1_values[] = { INT64_C(2) };
static const uint16_t acr_transcoding_config_rule_1_effect_0_path[] = { 4 };
static const acr_effect acr_transcoding_config_rule_1_effects[] = {
    { ACR_EFFECT_REQUIRED, acr_transcoding_config_rule_1_effect_0_path, 1,
      NULL, 0,
      NULL, 0, NULL,
      "is required when mixedVideoLayout is 2" },
};
static const uint16_t acr_transcoding_config_rule_2_fields[] = { 5 };
static const int64_t acr_transcoding_config_rule_2_values[] = { INT64_C(3) };
static const uint16_t acr_transcoding_config_rule_2_effect_0_path[] = { 9 };
static const acr_effect acr_transcoding_config_rule_2_effects[] = {
    { ACR_EFFECT_FORBIDDEN, acr_transcoding_config_rule_2_effect_0_path, 1,
      NULL, 0,
      NULL, 0, NULL,
      "is only allowed when mixedVideoLayout is 3" },
};
static const acr_rule acr_transcoding_config_rules[] = {
    { ACR_RULE_MAX_PRODUCT, ACR_IF_VALUE,
      acr_transcoding_config_rule_0_fields, 2,
      acr_transcoding_config_rule_0_values, 2,
      NULL, 0, 0,
      0, INT64_C(0), NULL,
      0, acr_transcoding_config_rule_0_has_value, INT64_C(2073600),
      NULL, 0, "width x height must be at most 2073600" },
    { ACR_RULE_CONDITIONAL, ACR_IF_VALUE,
      acr_transcoding_config_rule_1_fields, 1,
      acr_transcoding_config_rule_1_values, 1,
      NULL, 0, 0,
      0, INT64_C(0), NULL,
      0, NULL, INT64_C(0),
      acr_transcoding_config_rule_1_effects, 1, NULL },
    { ACR_RULE_CONDITIONAL, ACR_IF_VALUE,
      acr_transcoding_config_rule_2_fields, 1,
      acr_transcoding_config_rule_2_values, 1,
      NULL, 0, 1,
      1, INT64_C(0), NULL,
      0, NULL, INT64_C(0),
      acr_transcoding_config_rule_2_effects, 1, NULL },
};
static const acr_object_desc acr_transcoding_config_object = {
    "TranscodingConfig", sizeof(acr_transcoding_config), acr_transcoding_config_fields, 11,
    acr_transcoding_config_rules, 3, 1,
};

/* --- RecordingConfig --- */
static const int64_t v_acr_recording_config_channel_type_allowed[] = { INT64_C(0), INT64_C(1) };
static const acr_int_rules v_acr_recording_config_channel_type_int = {
    0, 0,
    INT64_C(0), INT64_C(0), 0, 0,
    v_acr_recording_config_channel_type_allowed, 2, "one of 0 or 1",
};
static const acr_value_desc v_acr_recording_config_channel_type = {
    ACR_KIND_INT, 0,
    NULL,
    NULL, 0,
    NULL,
    NULL, &v_acr_recording_config_channel_type_int, NULL, NULL,
    "an integer",
};

static const int64_t v_acr_recording_config_decryption_mode_allowed[] = { INT64_C(0), INT64_C(1), INT64_C(2), INT64_C(3), INT64_C(4), INT64_C(5), INT64_C(6), INT64_C(7), INT64_C(8) };
static const acr_int_rules v_acr_recording_config_decryption_mode_int = {
    0, 0,
    INT64_C(0), INT64_C(0), 0, 0,
    v_acr_recording_config_decryption_mode_allowed, 9, "one of 0, 1, 2, 3, 4, 5, 6, 7 or 8",
};
static const acr_value_desc v_acr_recording_config_decryption_mode = {
    ACR_KIND_INT, 0,
    NULL,
    NULL, 0,
    NULL,
    NULL, &v_acr_recording_config_decryption_mode_int, NULL, NULL,
    "an integer",
};

static const acr_string_rules v_acr_recording_config_secret_string = {
    1, SIZE_MAX, SIZE_MAX,
    NULL, NULL,
    NULL,
};
static const acr_value_desc v_acr_recording_config_secret = {
    ACR_KIND_STRING, 0,
    NULL,
    NULL, 0,
    NULL,
    &v_acr_recording_config_secret_string, NULL, NULL, NULL,
    "a string",
};

static const acr_string_rules v_acr_recording_config_salt_string = {
    0, SIZE_MAX, SIZE_MAX,
    &pattern_5, "^[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=$",
    "Base64 of 32 bytes (44 characters ending in =)",
};
static const acr_value_desc v_acr_recording_config_salt = {
    ACR_KIND_STRING, 0,
    NULL,
    NULL, 0,
    NULL,
    &v_acr_recording_config_salt_string, NULL, NULL, NULL,
    "a string",
};

static const acr_int_rules v_acr_recording_config_max_idle_time_int = {
    1, 1,
    INT64_C(5), INT64_C(2592000), 0, 0,
    NULL, 0, "",
};
static const acr_value_desc v_acr_recording_config_max_idle_time = {
    ACR_KIND_INT, 0,
    NULL,
    NULL, 0,
    NULL,
    NULL, &v_acr_recording_config_max_idle_time_int, NULL, NULL,
    "an integer",
};

static const int64_t v_acr_recording_config_stream_types_allowed[] = { INT64_C(0), INT64_C(1), INT64_C(2) };
static const acr_int_rules v_acr_recording_config_stream_types_int = {
    0, 0,
    INT64_C(0), INT64_C(0), 0, 0,
    v_acr_recording_config_stream_types_allowed, 3, "one of 0, 1 or 2",
};
static const acr_value_desc v_acr_recording_config_stream_types = {
    ACR_KIND_INT, 0,
    NULL,
    NULL, 0,
    NULL,
    NULL, &v_acr_recording_config_stream_types_int, NULL, NULL,
    "an integer",
};

static const int64_t v_acr_recording_config_video_stream_type_allowed[] = { INT64_C(0), INT64_C(1) };
static const acr_int_rules v_acr_recording_config_video_stream_type_int = {
    0, 0,
    INT64_C(0), INT64_C(0), 0, 0,
    v_acr_recording_config_video_stream_type_allowed, 2, "one of 0 or 1",
};
static const acr_value_desc v_acr_recording_config_video_stream_type = {
    ACR_KIND_INT, 0,
    NULL,
    NULL, 0,
    NULL,
    NULL, &v_acr_recording_config_video_stream_type_int, NULL, NULL,
    "an integer",
};

static const acr_string_rules v_acr_recording_config_subscribe_audio_uids_items_string = {
    0, SIZE_MAX, SIZE_MAX,
    &pattern_1, "^(#allstream#|[1-9][0-9]{0,8}|[1-3][0-9]{9}|4[01][0-9]{8}|42[0-8][0-9]{7}|429[0-3][0-9]{6}|4294[0-8][0-9]{5}|42949[0-5][0-9]{4}|429496[0-6][0-9]{3}|4294967[01][0-9]{2}|42949672[0-8][0-9]|429496729[0-5])$",
    "\"#allstream#\" or a decimal UID string from 1 to 4294967295",
};
static const acr_value_desc v_acr_recording_config_subscribe_audio_uids_items = {
    ACR_KIND_STRING, 0,
    NULL,
    NULL, 0,
    NULL,
    &v_acr_recording_config_subscribe_audio_uids_items_string, NULL, NULL, NULL,
    "a string",
};

static const acr_array_rules v_acr_recording_config_subscribe_audio_uids_array = {
    0, 32, 0,
};
static const acr_value_desc v_acr_recording_config_subscribe_audio_uids = {
    ACR_KIND_ARRAY, 0,
    NULL,
    &v_acr_recording_config_subscribe_audio_uids_items, sizeof(char *),
    NULL,
    NULL, NULL, NULL, &v_acr_recording_config_subscribe_audio_uids_array,
    "an array",
};

static const acr_string_rules v_acr_recording_config_unsubscribe_audio_uids_items_string = {
    0, SIZE_MAX, SIZE_MAX,
    &pattern_1, "^(#allstream#|[1-9][0-9]{0,8}|[1-3][0-9]{9}|4[01][0-9]{8}|42[0-8][0-9]{7}|429[0-3][0-9]{6}|4294[0-8][0-9]{5}|42949[0-5][0-9]{4}|429496[0-6][0-9]{3}|4294967[01][0-9]{2}|42949672[0-8][0-9]|429496729[0-5])$",
    "\"#allstream#\" or a decimal UID string from 1 to 4294967295",
};
static const acr_value_desc v_acr_recording_config_unsubscribe_audio_uids_items = {
    ACR_KIND_STRING, 0,
    NULL,
    NULL, 0,
    NULL,
    &v_acr_recording_config_unsubscribe_audio_uids_items_string, NULL, NULL, NULL,
    "a string",
};

static const acr_array_rules v_acr_recording_config_unsubscribe_audio_uids_array = {
    0, 32, 0,
};
static const acr_value_desc v_acr_recording_config_unsubscribe_audio_uids = {
    ACR_KIND_ARRAY, 0,
    NULL,
    &v_acr_recording_config_unsubscribe_audio_uids_items, sizeof(char *),
    NULL,
    NULL, NULL, NULL, &v_acr_recording_config_unsubscribe_audio_uids_array,
    "an array",
};

static const acr_string_rules v_acr_recording_config_subscribe_video_uids_items_string = {
    0, SIZE_MAX, SIZE_MAX,
    &pattern_1, "^(#allstream#|[1-9][0-9]{0,8}|[1-3][0-9]{9}|4[01][0-9]{8}|42[0-8][0-9]{7}|429[0-3][0-9]{6}|4294[0-8][0-9]{5}|42949[0-5][0-9]{4}|429496[0-6][0-9]{3}|4294967[01][0-9]{2}|42949672[0-8][0-9]|429496729[0-5])$",
    "\"#allstream#\" or a decimal UID string from 1 to 4294967295",
};
static const acr_value_desc v_acr_recording_config_subscribe_video_uids_items = {
    ACR_KIND_STRING, 0,
    NULL,
    NULL, 0,
    NULL,
    &v_acr_recording_config_subscribe_video_uids_items_string, NULL, NULL, NULL,
    "a string",
};

static const acr_array_rules v_acr_recording_config_subscribe_video_uids_array = {
    0, 32, 0,
};
static const acr_value_desc v_acr_recording_config_subscribe_video_uids = {
    ACR_KIND_ARRAY, 0,
    NULL,
    &v_acr_recording_config_subscribe_video_uids_items, sizeof(char *),
    NULL,
    NULL, NULL, NULL, &v_acr_recording_config_subscribe_video_uids_array,
    "an array",
};

static const acr_string_rules v_acr_recording_config_unsubscribe_video_uids_items_string = {
    0, SIZE_MAX, SIZE_MAX,
    &pattern_1, "^(#allstream#|[1-9][0-9]{0,8}|[1-3][0-9]{9}|4[01][0-9]{8}|42[0-8][0-9]{7}|429[0-3][0-9]{6}|4294[0-8][0-9]{5}|42949[0-5][0-9]{4}|429496[0-6][0-9]{3}|4294967[01][0-9]{2}|42949672[0-8][0-9]|429496729[0-5])$",
    "\"#allstream#\" or a decimal UID string from 1 to 4294967295",
};
static const acr_value_desc v_acr_recording_config_unsubscribe_video_uids_items = {
    ACR_KIND_STRING, 0,
    NULL,
    NULL, 0,
    NULL,
    &v_acr_recording_config_unsubscribe_video_uids_items_string, NULL, NULL, NULL,
    "a string",
};

static const acr_array_rules v_acr_recording_config_unsubscribe_video_uids_array = {
    0, 32, 0,
};
static const acr_value_desc v_acr_recording_config_unsubscribe_video_uids = {
    ACR_KIND_ARRAY, 0,
    NULL,
    &v_acr_recording_config_unsubscribe_video_uids_items, sizeof(char *),
    NULL,
    NULL, NULL, NULL, &v_acr_recording_config_unsubscribe_video_uids_array,
    "an array",
};

static const int64_t v_acr_recording_config_subscribe_uid_group_allowed[] = { INT64_C(0), INT64_C(1), INT64_C(2), INT64_C(3), INT64_C(4), INT64_C(5) };
static const acr_int_rules v_acr_recording_config_subscribe_uid_group_int = {
    0, 0,
    INT64_C(0), INT64_C(0), 0, 0,
    v_acr_recording_config_subscribe_uid_group_allowed, 6, "one of 0, 1, 2, 3, 4 or 5",
};
static const acr_value_desc v_acr_recording_config_subscribe_uid_group = {
    ACR_KIND_INT, 0,
    NULL,
    NULL, 0,
    NULL,
    NULL, &v_acr_recording_config_subscribe_uid_group_int, NULL, NULL,
    "an integer",
};

static const acr_value_desc v_acr_recording_config_stream_mode = {
    ACR_KIND_ENUM, 0,
    NULL,
    NULL, 0,
    &acr_stream_mode_enum,
    NULL, NULL, NULL, NULL,
    "a string",
};

static const int64_t v_acr_recording_config_audio_profile_allowed[] = { INT64_C(0), INT64_C(1), INT64_C(2) };
static const acr_int_rules v_acr_recording_config_audio_profile_int = {
    0, 0,
    INT64_C(0), INT64_C(0), 0, 0,
    v_acr_recording_config_audio_profile_allowed, 3, "one of 0, 1 or 2",
};
static const acr_value_desc v_acr_recording_config_audio_profile = {
    ACR_KIND_INT, 0,
    NULL,
    NULL, 0,
    NULL,
    NULL, &v_acr_recording_config_audio_profile_int, NULL, NULL,
    "an integer",
};

static const acr_value_desc v_acr_recording_config_transcoding_config = {
    ACR_KIND_OBJECT, 0,
    &acr_transcoding_config_object,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "an object",
};

static const acr_field_desc acr_recording_config_fields[] = {
    { "channelType", 11, &v_acr_recording_config_channel_type,
      offsetof(acr_recording_config, channel_type), offsetof(acr_recording_config, has_channel_type), 0,
      1, 0, NULL, 0 },
    { "decryptionMode", 14, &v_acr_recording_config_decryption_mode,
      offsetof(acr_recording_config, decryption_mode), offsetof(acr_recording_config, has_decryption_mode), 0,
      0, 0, NULL, 0 },
    { "secret", 6, &v_acr_recording_config_secret,
      offsetof(acr_recording_config, secret), 0, 0,
      0, 0, NULL, 1 },
    { "salt", 4, &v_acr_recording_config_salt,
      offsetof(acr_recording_config, salt), 0, 0,
      0, 0, NULL, 0 },
    { "maxIdleTime", 11, &v_acr_recording_config_max_idle_time,
      offsetof(acr_recording_config, max_idle_time), offsetof(acr_recording_config, has_max_idle_time), 0,
      0, 0, NULL, 0 },
    { "streamTypes", 11, &v_acr_recording_config_stream_types,
      offsetof(acr_recording_config, stream_types), offsetof(acr_recording_config, has_stream_types), 0,
      0, 0, NULL, 0 },
    { "videoStreamType", 15, &v_acr_recording_config_video_stream_type,
      offsetof(acr_recording_config, video_stream_type), offsetof(acr_recording_config, has_video_stream_type), 0,
      0, 0, NULL, 0 },
    { "subscribeAudioUids", 18, &v_acr_recording_config_subscribe_audio_uids,
      offsetof(acr_recording_config, subscribe_audio_uids), offsetof(acr_recording_config, subscribe_audio_uids_count), 0,
      0, 0, NULL, 0 },
    { "unsubscribeAudioUids", 20, &v_acr_recording_config_unsubscribe_audio_uids,
      offsetof(acr_recording_config, unsubscribe_audio_uids), offsetof(acr_recording_config, unsubscribe_audio_uids_count), 0,
      0, 0, NULL, 0 },
    { "subscribeVideoUids", 18, &v_acr_recording_config_subscribe_video_uids,
      offsetof(acr_recording_config, subscribe_video_uids), offsetof(acr_recording_config, subscribe_video_uids_count), 0,
      0, 0, NULL, 0 },
    { "unsubscribeVideoUids", 20, &v_acr_recording_config_unsubscribe_video_uids,
      offsetof(acr_recording_config, unsubscribe_video_uids), offsetof(acr_recording_config, unsubscribe_video_uids_count), 0,
      0, 0, NULL, 0 },
    { "subscribeUidGroup", 17, &v_acr_recording_config_subscribe_uid_group,
      offsetof(acr_recording_config, subscribe_uid_group), offsetof(acr_recording_config, has_subscribe_uid_group), 0,
      0, 0, NULL, 0 },
    { "streamMode", 10, &v_acr_recording_config_stream_mode,
      offsetof(acr_recording_config, stream_mode), offsetof(acr_recording_config, stream_mode_other), 0,
      0, (1u << 0), "individual", 0 },
    { "audioProfile", 12, &v_acr_recording_config_audio_profile,
      offsetof(acr_recording_config, audio_profile), offsetof(acr_recording_config, has_audio_profile), 0,
      0, (1u << 1), "mix", 0 },
    { "transcodingConfig", 17, &v_acr_recording_config_transcoding_config,
      offsetof(acr_recording_config, transcoding_config), offsetof(acr_recording_config, has_transcoding_config), 0,
      0, (1u << 1), "mix", 0 },
};
static const uint16_t acr_recording_config_rule_0_fields[] = { 7, 8 };
static const uint16_t acr_recording_config_rule_1_fields[] = { 9, 10 };
static const uint16_t acr_recording_config_rule_2_fields[] = { 1 };
static const int64_t acr_recording_config_rule_2_values[] = { INT64_C(0) };
static const uint16_t acr_recording_config_rule_2_effect_0_path[] = { 2 };
static const acr_effect acr_recording_config_rule_2_effects[] = {
    { ACR_EFFECT_REQUIRED, acr_recording_config_rule_2_effect_0_path, 1,
      NULL, 0,
      NULL, 0, NULL,
      "is required when decryptionMode is not 0" },
};
static const uint16_t acr_recording_config_rule_3_fields[] = { 1 };
static const int64_t acr_recording_config_rule_3_values[] = { INT64_C(7), INT64_C(8) };
static const uint16_t acr_recording_config_rule_3_effect_0_path[] = { 3 };
static const acr_effect acr_recording_config_rule_3_effects[] = {
    { ACR_EFFECT_REQUIRED, acr_recording_config_rule_3_effect_0_path, 1,
      NULL, 0,
      NULL, 0, NULL,
      "is required when decryptionMode is 7 or 8" },
};
static const uint16_t acr_recording_config_rule_4_fields[] = { 5 };
static const int64_t acr_recording_config_rule_4_values[] = { INT64_C(0) };
static const uint16_t acr_recording_config_rule_4_effect_0_path[] = { 9 };
static const uint16_t acr_recording_config_rule_4_effect_1_path[] = { 10 };
static const acr_effect acr_recording_config_rule_4_effects[] = {
    { ACR_EFFECT_FORBIDDEN, acr_recording_config_rule_4_effect_0_path, 1,
      NULL, 0,
      NULL, 0, NULL,
      "is not allowed when streamTypes is 0" },
    { ACR_EFFECT_FORBIDDEN, acr_recording_config_rule_4_effect_1_path, 1,
      NULL, 0,
      NULL, 0, NULL,
      "is not allowed when streamTypes is 0" },
};
static const uint16_t acr_recording_config_rule_5_fields[] = { 5 };
static const int64_t acr_recording_config_rule_5_values[] = { INT64_C(1) };
static const uint16_t acr_recording_config_rule_5_effect_0_path[] = { 7 };
static const uint16_t acr_recording_config_rule_5_effect_1_path[] = { 8 };
static const acr_effect acr_recording_config_rule_5_effects[] = {
    { ACR_EFFECT_FORBIDDEN, acr_recording_config_rule_5_effect_0_path, 1,
      NULL, 0,
      NULL, 0, NULL,
      "is not allowed when streamTypes is 1" },
    { ACR_EFFECT_FORBIDDEN, acr_recording_config_rule_5_effect_1_path, 1,
      NULL, 0,
      NULL, 0, NULL,
      "is not allowed when streamTypes is 1" },
};
static const uint16_t acr_recording_config_rule_6_fields[] = { 12 };
static const char *const acr_recording_config_rule_6_texts[] = { "original" };
static const uint16_t acr_recording_config_rule_6_effect_0_path[] = { 5 };
static const uint16_t acr_recording_config_rule_6_effect_1_path[] = { 5 };
static const int64_t acr_recording_config_rule_6_effect_1_allowed[] = { INT64_C(0) };
static const acr_effect acr_recording_config_rule_6_effects[] = {
    { ACR_EFFECT_REQUIRED, acr_recording_config_rule_6_effect_0_path, 1,
      NULL, 0,
      NULL, 0, NULL,
      "is required when streamMode is \"original\"" },
    { ACR_EFFECT_ONE_OF, acr_recording_config_rule_6_effect_1_path, 1,
      acr_recording_config_rule_6_effect_1_allowed, 1,
      NULL, 0, NULL,
      "must be 0 when streamMode is \"original\"" },
};
static const uint16_t acr_recording_config_rule_7_effect_0_path[] = { 11 };
static const acr_effect acr_recording_config_rule_7_effects[] = {
    { ACR_EFFECT_REQUIRED, acr_recording_config_rule_7_effect_0_path, 1,
      NULL, 0,
      NULL, 0, NULL,
      "is required in mode individual" },
};
static const acr_rule acr_recording_config_rules[] = {
    { ACR_RULE_EXCLUSIVE, ACR_IF_VALUE,
      acr_recording_config_rule_0_fields, 2,
      NULL, 0,
      NULL, 0, 0,
      0, INT64_C(0), NULL,
      0, NULL, INT64_C(0),
      NULL, 0, "subscribeAudioUids and unsubscribeAudioUids cannot both be set" },
    { ACR_RULE_EXCLUSIVE, ACR_IF_VALUE,
      acr_recording_config_rule_1_fields, 2,
      NULL, 0,
      NULL, 0, 0,
      0, INT64_C(0), NULL,
      0, NULL, INT64_C(0),
      NULL, 0, "subscribeVideoUids and unsubscribeVideoUids cannot both be set" },
    { ACR_RULE_CONDITIONAL, ACR_IF_VALUE,
      acr_recording_config_rule_2_fields, 1,
      acr_recording_config_rule_2_values, 1,
      NULL, 0, 1,
      0, INT64_C(0), NULL,
      0, NULL, INT64_C(0),
      acr_recording_config_rule_2_effects, 1, NULL },
    { ACR_RULE_CONDITIONAL, ACR_IF_VALUE,
      acr_recording_config_rule_3_fields, 1,
      acr_recording_config_rule_3_values, 2,
      NULL, 0, 0,
      0, INT64_C(0), NULL,
      0, NULL, INT64_C(0),
      acr_recording_config_rule_3_effects, 1, NULL },
    { ACR_RULE_CONDITIONAL, ACR_IF_VALUE,
      acr_recording_config_rule_4_fields, 1,
      acr_recording_config_rule_4_values, 1,
      NULL, 0, 0,
      0, INT64_C(0), NULL,
      0, NULL, INT64_C(0),
      acr_recording_config_rule_4_effects, 2, NULL },
    { ACR_RULE_CONDITIONAL, ACR_IF_VALUE,
      acr_recording_config_rule_5_fields, 1,
      acr_recording_config_rule_5_values, 1,
      NULL, 0, 0,
      0, INT64_C(0), NULL,
      0, NULL, INT64_C(0),
      acr_recording_config_rule_5_effects, 2, NULL },
    { ACR_RULE_CONDITIONAL, ACR_IF_VALUE,
      acr_recording_config_rule_6_fields, 1,
      NULL, 0,
      acr_recording_config_rule_6_texts, 1, 0,
      0, INT64_C(0), NULL,
      0, NULL, INT64_C(0),
      acr_recording_config_rule_6_effects, 2, NULL },
    { ACR_RULE_CONDITIONAL, ACR_IF_MODE,
      NULL, 0,
      NULL, 0,
      NULL, 0, 0,
      0, INT64_C(0), NULL,
      (1u << 0), NULL, INT64_C(0),
      acr_recording_config_rule_7_effects, 1, NULL },
};
static const acr_object_desc acr_recording_config_object = {
    "RecordingConfig", sizeof(acr_recording_config), acr_recording_config_fields, 15,
    acr_recording_config_rules, 8, 1,
};

/* --- RecordingFileConfig --- */
static const acr_value_desc v_acr_recording_file_config_av_file_type_items = {
    ACR_KIND_ENUM, 0,
    NULL,
    NULL, 0,
    &acr_av_file_type_enum,
    NULL, NULL, NULL, NULL,
    "a string",
};

static const acr_array_rules v_acr_recording_file_config_av_file_type_array = {
    1, SIZE_MAX, 0,
};
static const acr_value_desc v_acr_recording_file_config_av_file_type = {
    ACR_KIND_ARRAY, 0,
    NULL,
    &v_acr_recording_file_config_av_file_type_items, sizeof(acr_av_file_type),
    NULL,
    NULL, NULL, NULL, &v_acr_recording_file_config_av_file_type_array,
    "an array",
};

static const acr_field_desc acr_recording_file_config_fields[] = {
    { "avFileType", 10, &v_acr_recording_file_config_av_file_type,
      offsetof(acr_recording_file_config, av_file_type), offsetof(acr_recording_file_config, av_file_type_count), 0,
      0, 0, NULL, 0 },
};
static const uint16_t acr_recording_file_config_rule_0_fields[] = { 0 };
static const char *const acr_recording_file_config_rule_0_texts[] = { "mp4" };
static const uint16_t acr_recording_file_config_rule_0_effect_0_path[] = { 0 };
static const char *const acr_recording_file_config_rule_0_effect_0_texts[] = { "hls" };
static const acr_effect acr_recording_file_config_rule_0_effects[] = {
    { ACR_EFFECT_CONTAINS, acr_recording_file_config_rule_0_effect_0_path, 1,
      NULL, 0,
      acr_recording_file_config_rule_0_effect_0_texts, 1, NULL,
      "must contain \"hls\" when it contains \"mp4\"" },
};
static const acr_rule acr_recording_file_config_rules[] = {
    { ACR_RULE_CONDITIONAL, ACR_IF_CONTAINS,
      acr_recording_file_config_rule_0_fields, 1,
      NULL, 0,
      acr_recording_file_config_rule_0_texts, 1, 0,
      0, INT64_C(0), NULL,
      0, NULL, INT64_C(0),
      acr_recording_file_config_rule_0_effects, 1, NULL },
};
static const acr_object_desc acr_recording_file_config_object = {
    "RecordingFileConfig", sizeof(acr_recording_file_config), acr_recording_file_config_fields, 1,
    acr_recording_file_config_rules, 1, 1,
};

/* --- SnapshotConfig --- */
static const acr_int_rules v_acr_snapshot_config_capture_interval_int = {
    1, 1,
    INT64_C(5), INT64_C(3600), 0, 0,
    NULL, 0, "",
};
static const acr_value_desc v_acr_snapshot_config_capture_interval = {
    ACR_KIND_INT, 0,
    NULL,
    NULL, 0,
    NULL,
    NULL, &v_acr_snapshot_config_capture_interval_int, NULL, NULL,
    "an integer",
};

static const acr_value_desc v_acr_snapshot_config_file_type_items = {
    ACR_KIND_ENUM, 0,
    NULL,
    NULL, 0,
    &acr_file_type_enum,
    NULL, NULL, NULL, NULL,
    "a string",
};

static const acr_array_rules v_acr_snapshot_config_file_type_array = {
    1, SIZE_MAX, 0,
};
static const acr_value_desc v_acr_snapshot_config_file_type = {
    ACR_KIND_ARRAY, 0,
    NULL,
    &v_acr_snapshot_config_file_type_items, sizeof(acr_file_type),
    NULL,
    NULL, NULL, NULL, &v_acr_snapshot_config_file_type_array,
    "an array",
};

static const acr_field_desc acr_snapshot_config_fields[] = {
    { "captureInterval", 15, &v_acr_snapshot_config_capture_interval,
      offsetof(acr_snapshot_config, capture_interval), offsetof(acr_snapshot_config, has_capture_interval), 0,
      0, 0, NULL, 0 },
    { "fileType", 8, &v_acr_snapshot_config_file_type,
      offsetof(acr_snapshot_config, file_type), offsetof(acr_snapshot_config, file_type_count), 0,
      1, 0, NULL, 0 },
};
static const acr_object_desc acr_snapshot_config_object = {
    "SnapshotConfig", sizeof(acr_snapshot_config), acr_snapshot_config_fields, 2,
    NULL, 0, 1,
};

/* --- ServiceContainer --- */
static const acr_value_desc v_acr_service_container_format = {
    ACR_KIND_ENUM, 0,
    NULL,
    NULL, 0,
    &acr_format_enum,
    NULL, NULL, NULL, NULL,
    "a string",
};

static const acr_string_rules v_acr_service_container_sample_rate_string = {
    1, SIZE_MAX, SIZE_MAX,
    NULL, NULL,
    NULL,
};
static const acr_value_desc v_acr_service_container_sample_rate = {
    ACR_KIND_STRING, 0,
    NULL,
    NULL, 0,
    NULL,
    &v_acr_service_container_sample_rate_string, NULL, NULL, NULL,
    "a string",
};

static const acr_string_rules v_acr_service_container_bitrate_string = {
    1, SIZE_MAX, SIZE_MAX,
    NULL, NULL,
    NULL,
};
static const acr_value_desc v_acr_service_container_bitrate = {
    ACR_KIND_STRING, 0,
    NULL,
    NULL, 0,
    NULL,
    &v_acr_service_container_bitrate_string, NULL, NULL, NULL,
    "a string",
};

static const acr_string_rules v_acr_service_container_channels_string = {
    1, SIZE_MAX, SIZE_MAX,
    NULL, NULL,
    NULL,
};
static const acr_value_desc v_acr_service_container_channels = {
    ACR_KIND_STRING, 0,
    NULL,
    NULL, 0,
    NULL,
    &v_acr_service_container_channels_string, NULL, NULL, NULL,
    "a string",
};

static const acr_field_desc acr_service_container_fields[] = {
    { "format", 6, &v_acr_service_container_format,
      offsetof(acr_service_container, format), offsetof(acr_service_container, format_other), 0,
      0, 0, NULL, 0 },
    { "sampleRate", 10, &v_acr_service_container_sample_rate,
      offsetof(acr_service_container, sample_rate), 0, 0,
      0, 0, NULL, 0 },
    { "bitrate", 7, &v_acr_service_container_bitrate,
      offsetof(acr_service_container, bitrate), 0, 0,
      0, 0, NULL, 0 },
    { "channels", 8, &v_acr_service_container_channels,
      offsetof(acr_service_container, channels), 0, 0,
      0, 0, NULL, 0 },
};
static const acr_object_desc acr_service_container_object = {
    "ServiceContainer", sizeof(acr_service_container), acr_service_container_fields, 4,
    NULL, 0, 1,
};

/* --- ServiceParam --- */
static const acr_string_rules v_acr_service_param_url_string = {
    1, SIZE_MAX, SIZE_MAX,
    NULL, NULL,
    NULL,
};
static const acr_value_desc v_acr_service_param_url = {
    ACR_KIND_STRING, 0,
    NULL,
    NULL, 0,
    NULL,
    &v_acr_service_param_url_string, NULL, NULL, NULL,
    "a string",
};

static const int64_t v_acr_service_param_audio_profile_allowed[] = { INT64_C(0), INT64_C(1), INT64_C(2) };
static const acr_int_rules v_acr_service_param_audio_profile_int = {
    0, 0,
    INT64_C(0), INT64_C(0), 0, 0,
    v_acr_service_param_audio_profile_allowed, 3, "one of 0, 1 or 2",
};
static const acr_value_desc v_acr_service_param_audio_profile = {
    ACR_KIND_INT, 0,
    NULL,
    NULL, 0,
    NULL,
    NULL, &v_acr_service_param_audio_profile_int, NULL, NULL,
    "an integer",
};

static const acr_int_rules v_acr_service_param_video_width_int = {
    1, 0,
    INT64_C(1), INT64_C(0), 0, 0,
    NULL, 0, "",
};
static const acr_value_desc v_acr_service_param_video_width = {
    ACR_KIND_INT, 0,
    NULL,
    NULL, 0,
    NULL,
    NULL, &v_acr_service_param_video_width_int, NULL, NULL,
    "an integer",
};

static const acr_int_rules v_acr_service_param_video_height_int = {
    1, 0,
    INT64_C(1), INT64_C(0), 0, 0,
    NULL, 0, "",
};
static const acr_value_desc v_acr_service_param_video_height = {
    ACR_KIND_INT, 0,
    NULL,
    NULL, 0,
    NULL,
    NULL, &v_acr_service_param_video_height_int, NULL, NULL,
    "an integer",
};

static const acr_int_rules v_acr_service_param_max_recording_hour_int = {
    1, 1,
    INT64_C(1), INT64_C(720), 0, 0,
    NULL, 0, "",
};
static const acr_value_desc v_acr_service_param_max_recording_hour = {
    ACR_KIND_INT, 0,
    NULL,
    NULL, 0,
    NULL,
    NULL, &v_acr_service_param_max_recording_hour_int, NULL, NULL,
    "an integer",
};

static const acr_int_rules v_acr_service_param_video_bitrate_int = {
    1, 0,
    INT64_C(1), INT64_C(0), 0, 0,
    NULL, 0, "",
};
static const acr_value_desc v_acr_service_param_video_bitrate = {
    ACR_KIND_INT, 0,
    NULL,
    NULL, 0,
    NULL,
    NULL, &v_acr_service_param_video_bitrate_int, NULL, NULL,
    "an integer",
};

static const acr_int_rules v_acr_service_param_video_fps_int = {
    1, 1,
    INT64_C(5), INT64_C(60), 0, 0,
    NULL, 0, "",
};
static const acr_value_desc v_acr_service_param_video_fps = {
    ACR_KIND_INT, 0,
    NULL,
    NULL, 0,
    NULL,
    NULL, &v_acr_service_param_video_fps_int, NULL, NULL,
    "an integer",
};

static const acr_value_desc v_acr_service_param_mobile = {
    ACR_KIND_BOOL, 0,
    NULL,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "a boolean",
};

static const acr_int_rules v_acr_service_param_max_video_duration_int = {
    1, 1,
    INT64_C(30), INT64_C(240), 0, 0,
    NULL, 0, "",
};
static const acr_value_desc v_acr_service_param_max_video_duration = {
    ACR_KIND_INT, 0,
    NULL,
    NULL, 0,
    NULL,
    NULL, &v_acr_service_param_max_video_duration_int, NULL, NULL,
    "an integer",
};

static const acr_value_desc v_acr_service_param_onhold = {
    ACR_KIND_BOOL, 0,
    NULL,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "a boolean",
};

static const acr_int_rules v_acr_service_param_ready_timeout_int = {
    1, 1,
    INT64_C(0), INT64_C(60), 0, 0,
    NULL, 0, "",
};
static const acr_value_desc v_acr_service_param_ready_timeout = {
    ACR_KIND_INT, 0,
    NULL,
    NULL, 0,
    NULL,
    NULL, &v_acr_service_param_ready_timeout_int, NULL, NULL,
    "an integer",
};

static const acr_value_desc v_acr_service_param_outputs_items = {
    ACR_KIND_OBJECT, 0,
    &acr_rtmp_output_object,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "an object",
};

static const acr_array_rules v_acr_service_param_outputs_array = {
    0, 1, 0,
};
static const acr_value_desc v_acr_service_param_outputs = {
    ACR_KIND_ARRAY, 0,
    NULL,
    &v_acr_service_param_outputs_items, sizeof(acr_rtmp_output),
    NULL,
    NULL, NULL, NULL, &v_acr_service_param_outputs_array,
    "an array",
};

static const acr_value_desc v_acr_service_param_container = {
    ACR_KIND_OBJECT, 0,
    &acr_service_container_object,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "an object",
};

static const acr_field_desc acr_service_param_fields[] = {
    { "url", 3, &v_acr_service_param_url,
      offsetof(acr_service_param, url), 0, 0,
      0, 0, NULL, 0 },
    { "audioProfile", 12, &v_acr_service_param_audio_profile,
      offsetof(acr_service_param, audio_profile), offsetof(acr_service_param, has_audio_profile), 0,
      0, 0, NULL, 0 },
    { "videoWidth", 10, &v_acr_service_param_video_width,
      offsetof(acr_service_param, video_width), offsetof(acr_service_param, has_video_width), 0,
      0, 0, NULL, 0 },
    { "videoHeight", 11, &v_acr_service_param_video_height,
      offsetof(acr_service_param, video_height), offsetof(acr_service_param, has_video_height), 0,
      0, 0, NULL, 0 },
    { "maxRecordingHour", 16, &v_acr_service_param_max_recording_hour,
      offsetof(acr_service_param, max_recording_hour), offsetof(acr_service_param, has_max_recording_hour), 0,
      0, 0, NULL, 0 },
    { "videoBitrate", 12, &v_acr_service_param_video_bitrate,
      offsetof(acr_service_param, video_bitrate), offsetof(acr_service_param, has_video_bitrate), 0,
      0, 0, NULL, 0 },
    { "videoFps", 8, &v_acr_service_param_video_fps,
      offsetof(acr_service_param, video_fps), offsetof(acr_service_param, has_video_fps), 0,
      0, 0, NULL, 0 },
    { "mobile", 6, &v_acr_service_param_mobile,
      offsetof(acr_service_param, mobile), offsetof(acr_service_param, has_mobile), 0,
      0, 0, NULL, 0 },
    { "maxVideoDuration", 16, &v_acr_service_param_max_video_duration,
      offsetof(acr_service_param, max_video_duration), offsetof(acr_service_param, has_max_video_duration), 0,
      0, 0, NULL, 0 },
    { "onhold", 6, &v_acr_service_param_onhold,
      offsetof(acr_service_param, onhold), offsetof(acr_service_param, has_onhold), 0,
      0, 0, NULL, 0 },
    { "readyTimeout", 12, &v_acr_service_param_ready_timeout,
      offsetof(acr_service_param, ready_timeout), offsetof(acr_service_param, has_ready_timeout), 0,
      0, 0, NULL, 0 },
    { "outputs", 7, &v_acr_service_param_outputs,
      offsetof(acr_service_param, outputs), offsetof(acr_service_param, outputs_count), 0,
      0, 0, NULL, 0 },
    { "container", 9, &v_acr_service_param_container,
      offsetof(acr_service_param, container), offsetof(acr_service_param, has_container), 0,
      0, 0, NULL, 0 },
};
static const uint16_t acr_service_param_rule_0_fields[] = { 2, 3 };
static const int64_t acr_service_param_rule_0_values[] = { INT64_C(0), INT64_C(0) };
static const uint8_t acr_service_param_rule_0_has_value[] = { 0, 0 };
static const acr_rule acr_service_param_rules[] = {
    { ACR_RULE_MAX_PRODUCT, ACR_IF_VALUE,
      acr_service_param_rule_0_fields, 2,
      acr_service_param_rule_0_values, 2,
      NULL, 0, 0,
      0, INT64_C(0), NULL,
      0, acr_service_param_rule_0_has_value, INT64_C(2073600),
      NULL, 0, "videoWidth x videoHeight must be at most 2073600" },
};
static const acr_object_desc acr_service_param_object = {
    "ServiceParam", sizeof(acr_service_param), acr_service_param_fields, 13,
    acr_service_param_rules, 1, 1,
};

/* --- ExtensionService --- */
static const acr_value_desc v_acr_extension_service_service_name = {
    ACR_KIND_ENUM, 0,
    NULL,
    NULL, 0,
    &acr_extension_service_service_name_enum,
    NULL, NULL, NULL, NULL,
    "a string",
};

static const acr_value_desc v_acr_extension_service_error_handle_policy = {
    ACR_KIND_ENUM, 0,
    NULL,
    NULL, 0,
    &acr_extension_service_error_handle_policy_enum,
    NULL, NULL, NULL, NULL,
    "a string",
};

static const acr_value_desc v_acr_extension_service_service_param = {
    ACR_KIND_OBJECT, 0,
    &acr_service_param_object,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "an object",
};

static const acr_field_desc acr_extension_service_fields[] = {
    { "serviceName", 11, &v_acr_extension_service_service_name,
      offsetof(acr_extension_service, service_name), offsetof(acr_extension_service, service_name_other), 0,
      1, 0, NULL, 0 },
    { "errorHandlePolicy", 17, &v_acr_extension_service_error_handle_policy,
      offsetof(acr_extension_service, error_handle_policy), offsetof(acr_extension_service, error_handle_policy_other), 0,
      0, 0, NULL, 0 },
    { "serviceParam", 12, &v_acr_extension_service_service_param,
      offsetof(acr_extension_service, service_param), ACR_ALWAYS_PRESENT, 0,
      1, 0, NULL, 0 },
};
static const uint16_t acr_extension_service_rule_0_fields[] = { 0 };
static const char *const acr_extension_service_rule_0_texts[] = { "web_recorder_service" };
static const uint16_t acr_extension_service_rule_0_effect_0_path[] = { 2, 0 };
static const uint16_t acr_extension_service_rule_0_effect_1_path[] = { 2, 1 };
static const uint16_t acr_extension_service_rule_0_effect_2_path[] = { 2, 2 };
static const uint16_t acr_extension_service_rule_0_effect_3_path[] = { 2, 3 };
static const uint16_t acr_extension_service_rule_0_effect_4_path[] = { 2, 4 };
static const acr_effect acr_extension_service_rule_0_effects[] = {
    { ACR_EFFECT_REQUIRED, acr_extension_service_rule_0_effect_0_path, 2,
      NULL, 0,
      NULL, 0, NULL,
      "is required when serviceName is \"web_recorder_service\"" },
    { ACR_EFFECT_REQUIRED, acr_extension_service_rule_0_effect_1_path, 2,
      NULL, 0,
      NULL, 0, NULL,
      "is required when serviceName is \"web_recorder_service\"" },
    { ACR_EFFECT_REQUIRED, acr_extension_service_rule_0_effect_2_path, 2,
      NULL, 0,
      NULL, 0, NULL,
      "is required when serviceName is \"web_recorder_service\"" },
    { ACR_EFFECT_REQUIRED, acr_extension_service_rule_0_effect_3_path, 2,
      NULL, 0,
      NULL, 0, NULL,
      "is required when serviceName is \"web_recorder_service\"" },
    { ACR_EFFECT_REQUIRED, acr_extension_service_rule_0_effect_4_path, 2,
      NULL, 0,
      NULL, 0, NULL,
      "is required when serviceName is \"web_recorder_service\"" },
};
static const acr_rule acr_extension_service_rules[] = {
    { ACR_RULE_CONDITIONAL, ACR_IF_VALUE,
      acr_extension_service_rule_0_fields, 1,
      NULL, 0,
      acr_extension_service_rule_0_texts, 1, 0,
      0, INT64_C(0), NULL,
      0, NULL, INT64_C(0),
      acr_extension_service_rule_0_effects, 5, NULL },
};
static const acr_object_desc acr_extension_service_object = {
    "ExtensionService", sizeof(acr_extension_service), acr_extension_service_fields, 3,
    acr_extension_service_rules, 1, 1,
};

/* --- ExtensionServiceConfig --- */
static const acr_value_desc v_acr_extension_service_config_error_handle_policy = {
    ACR_KIND_ENUM, 0,
    NULL,
    NULL, 0,
    &acr_error_handle_policy_enum,
    NULL, NULL, NULL, NULL,
    "a string",
};

static const acr_value_desc v_acr_extension_service_config_extension_services_items = {
    ACR_KIND_OBJECT, 0,
    &acr_extension_service_object,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "an object",
};

static const acr_array_rules v_acr_extension_service_config_extension_services_array = {
    1, SIZE_MAX, 0,
};
static const acr_value_desc v_acr_extension_service_config_extension_services = {
    ACR_KIND_ARRAY, 0,
    NULL,
    &v_acr_extension_service_config_extension_services_items, sizeof(acr_extension_service),
    NULL,
    NULL, NULL, NULL, &v_acr_extension_service_config_extension_services_array,
    "an array",
};

static const acr_field_desc acr_extension_service_config_fields[] = {
    { "errorHandlePolicy", 17, &v_acr_extension_service_config_error_handle_policy,
      offsetof(acr_extension_service_config, error_handle_policy), offsetof(acr_extension_service_config, error_handle_policy_other), 0,
      0, 0, NULL, 0 },
    { "extensionServices", 17, &v_acr_extension_service_config_extension_services,
      offsetof(acr_extension_service_config, extension_services), offsetof(acr_extension_service_config, extension_services_count), 0,
      1, 0, NULL, 0 },
};
static const acr_object_desc acr_extension_service_config_object = {
    "ExtensionServiceConfig", sizeof(acr_extension_service_config), acr_extension_service_config_fields, 2,
    NULL, 0, 1,
};

/* --- AppsCollection --- */
static const acr_value_desc v_acr_apps_collection_combination_policy = {
    ACR_KIND_ENUM, 0,
    NULL,
    NULL, 0,
    &acr_combination_policy_enum,
    NULL, NULL, NULL, NULL,
    "a string",
};

static const acr_field_desc acr_apps_collection_fields[] = {
    { "combinationPolicy", 17, &v_acr_apps_collection_combination_policy,
      offsetof(acr_apps_collection, combination_policy), offsetof(acr_apps_collection, combination_policy_other), 0,
      0, 0, NULL, 0 },
};
static const acr_object_desc acr_apps_collection_object = {
    "AppsCollection", sizeof(acr_apps_collection), acr_apps_collection_fields, 1,
    NULL, 0, 1,
};

/* --- TransConfig --- */
static const acr_value_desc v_acr_trans_config_trans_mode = {
    ACR_KIND_ENUM, 0,
    NULL,
    NULL, 0,
    &acr_trans_mode_enum,
    NULL, NULL, NULL, NULL,
    "a string",
};

static const acr_field_desc acr_trans_config_fields[] = {
    { "transMode", 9, &v_acr_trans_config_trans_mode,
      offsetof(acr_trans_config, trans_mode), offsetof(acr_trans_config, trans_mode_other), 0,
      1, 0, NULL, 0 },
};
static const acr_object_desc acr_trans_config_object = {
    "TransConfig", sizeof(acr_trans_config), acr_trans_config_fields, 1,
    NULL, 0, 1,
};

/* --- TranscodeContainer --- */
static const acr_value_desc v_acr_transcode_container_format = {
    ACR_KIND_ENUM, 0,
    NULL,
    NULL, 0,
    &acr_format_enum,
    NULL, NULL, NULL, NULL,
    "a string",
};

static const acr_field_desc acr_transcode_container_fields[] = {
    { "format", 6, &v_acr_transcode_container_format,
      offsetof(acr_transcode_container, format), offsetof(acr_transcode_container, format_other), 0,
      0, 0, NULL, 0 },
};
static const acr_object_desc acr_transcode_container_object = {
    "TranscodeContainer", sizeof(acr_transcode_container), acr_transcode_container_fields, 1,
    NULL, 0, 1,
};

/* --- TranscodeAudio --- */
static const acr_value_desc v_acr_transcode_audio_sample_rate = {
    ACR_KIND_ENUM, 0,
    NULL,
    NULL, 0,
    &acr_sample_rate_enum,
    NULL, NULL, NULL, NULL,
    "a string",
};

static const acr_value_desc v_acr_transcode_audio_bitrate = {
    ACR_KIND_ENUM, 0,
    NULL,
    NULL, 0,
    &acr_bitrate_enum,
    NULL, NULL, NULL, NULL,
    "a string",
};

static const acr_value_desc v_acr_transcode_audio_channels = {
    ACR_KIND_ENUM, 0,
    NULL,
    NULL, 0,
    &acr_channels_enum,
    NULL, NULL, NULL, NULL,
    "a string",
};

static const acr_field_desc acr_transcode_audio_fields[] = {
    { "sampleRate", 10, &v_acr_transcode_audio_sample_rate,
      offsetof(acr_transcode_audio, sample_rate), offsetof(acr_transcode_audio, sample_rate_other), 0,
      0, 0, NULL, 0 },
    { "bitrate", 7, &v_acr_transcode_audio_bitrate,
      offsetof(acr_transcode_audio, bitrate), offsetof(acr_transcode_audio, bitrate_other), 0,
      0, 0, NULL, 0 },
    { "channels", 8, &v_acr_transcode_audio_channels,
      offsetof(acr_transcode_audio, channels), offsetof(acr_transcode_audio, channels_other), 0,
      0, 0, NULL, 0 },
};
static const acr_object_desc acr_transcode_audio_object = {
    "TranscodeAudio", sizeof(acr_transcode_audio), acr_transcode_audio_fields, 3,
    NULL, 0, 1,
};

/* --- TranscodeOptions --- */
static const acr_value_desc v_acr_transcode_options_trans_config = {
    ACR_KIND_OBJECT, 0,
    &acr_trans_config_object,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "an object",
};

static const acr_value_desc v_acr_transcode_options_container = {
    ACR_KIND_OBJECT, 0,
    &acr_transcode_container_object,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "an object",
};

static const acr_value_desc v_acr_transcode_options_audio = {
    ACR_KIND_OBJECT, 0,
    &acr_transcode_audio_object,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "an object",
};

static const acr_field_desc acr_transcode_options_fields[] = {
    { "transConfig", 11, &v_acr_transcode_options_trans_config,
      offsetof(acr_transcode_options, trans_config), ACR_ALWAYS_PRESENT, 0,
      1, 0, NULL, 0 },
    { "container", 9, &v_acr_transcode_options_container,
      offsetof(acr_transcode_options, container), offsetof(acr_transcode_options, has_container), 0,
      0, 0, NULL, 0 },
    { "audio", 5, &v_acr_transcode_options_audio,
      offsetof(acr_transcode_options, audio), offsetof(acr_transcode_options, has_audio), 0,
      0, 0, NULL, 0 },
};
static const uint16_t acr_transcode_options_rule_0_fields[] = { 2 };
static const uint16_t acr_transcode_options_rule_0_effect_0_path[] = { 0, 0 };
static const char *const acr_transcode_options_rule_0_effect_0_texts[] = { "audioMix" };
static const acr_effect acr_transcode_options_rule_0_effects[] = {
    { ACR_EFFECT_ONE_OF, acr_transcode_options_rule_0_effect_0_path, 2,
      NULL, 0,
      acr_transcode_options_rule_0_effect_0_texts, 1, NULL,
      "must be \"audioMix\" when audio is set" },
};
static const uint16_t acr_transcode_options_rule_1_fields[] = { 0, 0 };
static const char *const acr_transcode_options_rule_1_texts[] = { "postponeTranscoding" };
static const uint16_t acr_transcode_options_rule_1_effect_0_path[] = { 1, 0 };
static const char *const acr_transcode_options_rule_1_effect_0_texts[] = { "mp4" };
static const acr_effect acr_transcode_options_rule_1_effects[] = {
    { ACR_EFFECT_ONE_OF, acr_transcode_options_rule_1_effect_0_path, 2,
      NULL, 0,
      acr_transcode_options_rule_1_effect_0_texts, 1, NULL,
      "must be \"mp4\" when transConfig.transMode is \"postponeTranscoding\"" },
};
static const acr_rule acr_transcode_options_rules[] = {
    { ACR_RULE_CONDITIONAL, ACR_IF_PRESENT,
      acr_transcode_options_rule_0_fields, 1,
      NULL, 0,
      NULL, 0, 0,
      0, INT64_C(0), NULL,
      0, NULL, INT64_C(0),
      acr_transcode_options_rule_0_effects, 1, NULL },
    { ACR_RULE_CONDITIONAL, ACR_IF_VALUE,
      acr_transcode_options_rule_1_fields, 2,
      NULL, 0,
      acr_transcode_options_rule_1_texts, 1, 0,
      0, INT64_C(0), NULL,
      0, NULL, INT64_C(0),
      acr_transcode_options_rule_1_effects, 1, NULL },
};
static const acr_object_desc acr_transcode_options_object = {
    "TranscodeOptions", sizeof(acr_transcode_options), acr_transcode_options_fields, 3,
    acr_transcode_options_rules, 2, 1,
};

/* --- StartClientRequest --- */
static const acr_string_rules v_acr_start_client_request_token_string = {
    1, SIZE_MAX, SIZE_MAX,
    NULL, NULL,
    NULL,
};
static const acr_value_desc v_acr_start_client_request_token = {
    ACR_KIND_STRING, 0,
    NULL,
    NULL, 0,
    NULL,
    &v_acr_start_client_request_token_string, NULL, NULL, NULL,
    "a string",
};

static const acr_value_desc v_acr_start_client_request_storage_config = {
    ACR_KIND_OBJECT, 0,
    &acr_start_storage_config_object,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "an object",
};

static const acr_value_desc v_acr_start_client_request_recording_config = {
    ACR_KIND_OBJECT, 0,
    &acr_recording_config_object,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "an object",
};

static const acr_value_desc v_acr_start_client_request_recording_file_config = {
    ACR_KIND_OBJECT, 0,
    &acr_recording_file_config_object,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "an object",
};

static const acr_value_desc v_acr_start_client_request_snapshot_config = {
    ACR_KIND_OBJECT, 0,
    &acr_snapshot_config_object,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "an object",
};

static const acr_value_desc v_acr_start_client_request_extension_service_config = {
    ACR_KIND_OBJECT, 0,
    &acr_extension_service_config_object,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "an object",
};

static const acr_value_desc v_acr_start_client_request_apps_collection = {
    ACR_KIND_OBJECT, 0,
    &acr_apps_collection_object,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "an object",
};

static const acr_value_desc v_acr_start_client_request_transcode_options = {
    ACR_KIND_OBJECT, 0,
    &acr_transcode_options_object,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "an object",
};

static const acr_field_desc acr_start_client_request_fields[] = {
    { "token", 5, &v_acr_start_client_request_token,
      offsetof(acr_start_client_request, token), 0, 0,
      0, (1u << 0) | (1u << 1), "individual or mix", 1 },
    { "storageConfig", 13, &v_acr_start_client_request_storage_config,
      offsetof(acr_start_client_request, storage_config), ACR_ALWAYS_PRESENT, 0,
      1, 0, NULL, 0 },
    { "recordingConfig", 15, &v_acr_start_client_request_recording_config,
      offsetof(acr_start_client_request, recording_config), offsetof(acr_start_client_request, has_recording_config), 0,
      0, (1u << 0) | (1u << 1), "individual or mix", 0 },
    { "recordingFileConfig", 19, &v_acr_start_client_request_recording_file_config,
      offsetof(acr_start_client_request, recording_file_config), offsetof(acr_start_client_request, has_recording_file_config), 0,
      0, 0, NULL, 0 },
    { "snapshotConfig", 14, &v_acr_start_client_request_snapshot_config,
      offsetof(acr_start_client_request, snapshot_config), offsetof(acr_start_client_request, has_snapshot_config), 0,
      0, (1u << 0), "individual", 0 },
    { "extensionServiceConfig", 22, &v_acr_start_client_request_extension_service_config,
      offsetof(acr_start_client_request, extension_service_config), offsetof(acr_start_client_request, has_extension_service_config), 0,
      0, (1u << 2), "web", 0 },
    { "appsCollection", 14, &v_acr_start_client_request_apps_collection,
      offsetof(acr_start_client_request, apps_collection), offsetof(acr_start_client_request, has_apps_collection), 0,
      0, (1u << 0), "individual", 0 },
    { "transcodeOptions", 16, &v_acr_start_client_request_transcode_options,
      offsetof(acr_start_client_request, transcode_options), offsetof(acr_start_client_request, has_transcode_options), 0,
      0, (1u << 0), "individual", 0 },
};
static const uint16_t acr_start_client_request_rule_0_fields[] = { 7 };
static const uint16_t acr_start_client_request_rule_0_effect_0_path[] = { 6 };
static const uint16_t acr_start_client_request_rule_0_effect_1_path[] = { 6, 0 };
static const uint16_t acr_start_client_request_rule_0_effect_2_path[] = { 6, 0 };
static const char *const acr_start_client_request_rule_0_effect_2_texts[] = { "postpone_transcoding" };
static const acr_effect acr_start_client_request_rule_0_effects[] = {
    { ACR_EFFECT_REQUIRED, acr_start_client_request_rule_0_effect_0_path, 1,
      NULL, 0,
      NULL, 0, NULL,
      "is required when transcodeOptions is set" },
    { ACR_EFFECT_REQUIRED, acr_start_client_request_rule_0_effect_1_path, 2,
      NULL, 0,
      NULL, 0, NULL,
      "is required when transcodeOptions is set" },
    { ACR_EFFECT_ONE_OF, acr_start_client_request_rule_0_effect_2_path, 2,
      NULL, 0,
      acr_start_client_request_rule_0_effect_2_texts, 1, NULL,
      "must be \"postpone_transcoding\" when transcodeOptions is set" },
};
static const uint16_t acr_start_client_request_rule_1_fields[] = { 4 };
static const uint16_t acr_start_client_request_rule_1_effect_0_path[] = { 2, 5 };
static const int64_t acr_start_client_request_rule_1_effect_0_allowed[] = { INT64_C(1), INT64_C(2) };
static const acr_effect acr_start_client_request_rule_1_effects[] = {
    { ACR_EFFECT_ONE_OF, acr_start_client_request_rule_1_effect_0_path, 2,
      acr_start_client_request_rule_1_effect_0_allowed, 2,
      NULL, 0, NULL,
      "must be 1 or 2 when snapshotConfig is set" },
};
static const uint16_t acr_start_client_request_rule_2_fields[] = { 4 };
static const uint16_t acr_start_client_request_rule_2_effect_0_path[] = { 2, 7 };
static const char *const acr_start_client_request_rule_2_effect_0_texts[] = { "subscribeVideoUids" };
static const acr_effect acr_start_client_request_rule_2_effects[] = {
    { ACR_EFFECT_DEPENDENT, acr_start_client_request_rule_2_effect_0_path, 2,
      NULL, 0,
      acr_start_client_request_rule_2_effect_0_texts, 1, NULL,
      "is required when subscribeAudioUids is set and snapshotConfig is set" },
};
static const uint16_t acr_start_client_request_rule_3_effect_0_path[] = { 2 };
static const acr_effect acr_start_client_request_rule_3_effects[] = {
    { ACR_EFFECT_REQUIRED, acr_start_client_request_rule_3_effect_0_path, 1,
      NULL, 0,
      NULL, 0, NULL,
      "is required in mode individual" },
};
static const uint16_t acr_start_client_request_rule_4_effect_0_path[] = { 3 };
static const acr_effect acr_start_client_request_rule_4_effects[] = {
    { ACR_EFFECT_REQUIRED, acr_start_client_request_rule_4_effect_0_path, 1,
      NULL, 0,
      NULL, 0, NULL,
      "is required in mode mix or web" },
};
static const uint16_t acr_start_client_request_rule_5_effect_0_path[] = { 5 };
static const acr_effect acr_start_client_request_rule_5_effects[] = {
    { ACR_EFFECT_REQUIRED, acr_start_client_request_rule_5_effect_0_path, 1,
      NULL, 0,
      NULL, 0, NULL,
      "is required in mode web" },
};
static const acr_rule acr_start_client_request_rules[] = {
    { ACR_RULE_CONDITIONAL, ACR_IF_PRESENT,
      acr_start_client_request_rule_0_fields, 1,
      NULL, 0,
      NULL, 0, 0,
      0, INT64_C(0), NULL,
      0, NULL, INT64_C(0),
      acr_start_client_request_rule_0_effects, 3, NULL },
    { ACR_RULE_CONDITIONAL, ACR_IF_PRESENT,
      acr_start_client_request_rule_1_fields, 1,
      NULL, 0,
      NULL, 0, 0,
      0, INT64_C(0), NULL,
      0, NULL, INT64_C(0),
      acr_start_client_request_rule_1_effects, 1, NULL },
    { ACR_RULE_CONDITIONAL, ACR_IF_PRESENT,
      acr_start_client_request_rule_2_fields, 1,
      NULL, 0,
      NULL, 0, 0,
      0, INT64_C(0), NULL,
      0, NULL, INT64_C(0),
      acr_start_client_request_rule_2_effects, 1, NULL },
    { ACR_RULE_CONDITIONAL, ACR_IF_MODE,
      NULL, 0,
      NULL, 0,
      NULL, 0, 0,
      0, INT64_C(0), NULL,
      (1u << 0), NULL, INT64_C(0),
      acr_start_client_request_rule_3_effects, 1, NULL },
    { ACR_RULE_CONDITIONAL, ACR_IF_MODE,
      NULL, 0,
      NULL, 0,
      NULL, 0, 0,
      0, INT64_C(0), NULL,
      (1u << 1) | (1u << 2), NULL, INT64_C(0),
      acr_start_client_request_rule_4_effects, 1, NULL },
    { ACR_RULE_CONDITIONAL, ACR_IF_MODE,
      NULL, 0,
      NULL, 0,
      NULL, 0, 0,
      0, INT64_C(0), NULL,
      (1u << 2), NULL, INT64_C(0),
      acr_start_client_request_rule_5_effects, 1, NULL },
};
static const acr_object_desc acr_start_client_request_object = {
    "StartClientRequest", sizeof(acr_start_client_request), acr_start_client_request_fields, 8,
    acr_start_client_request_rules, 6, 1,
};

/* --- AcquireClientRequest --- */
static const int64_t v_acr_acquire_client_request_scene_allowed[] = { INT64_C(0), INT64_C(1) };
static const acr_int_rules v_acr_acquire_client_request_scene_int = {
    0, 0,
    INT64_C(0), INT64_C(0), 0, 0,
    v_acr_acquire_client_request_scene_allowed, 2, "one of 0 or 1",
};
static const acr_value_desc v_acr_acquire_client_request_scene = {
    ACR_KIND_INT, 0,
    NULL,
    NULL, 0,
    NULL,
    NULL, &v_acr_acquire_client_request_scene_int, NULL, NULL,
    "an integer",
};

static const acr_number_rules v_acr_acquire_client_request_resource_expired_hour_number = {
    1, 1,
    1.0, 720.0,
};
static const acr_value_desc v_acr_acquire_client_request_resource_expired_hour = {
    ACR_KIND_NUMBER, 0,
    NULL,
    NULL, 0,
    NULL,
    NULL, NULL, &v_acr_acquire_client_request_resource_expired_hour_number, NULL,
    "a number",
};

static const acr_value_desc v_acr_acquire_client_request_start_parameter = {
    ACR_KIND_OBJECT, 0,
    &acr_start_client_request_object,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "an object",
};

static const acr_string_rules v_acr_acquire_client_request_exclude_resource_ids_items_string = {
    1, SIZE_MAX, SIZE_MAX,
    NULL, NULL,
    NULL,
};
static const acr_value_desc v_acr_acquire_client_request_exclude_resource_ids_items = {
    ACR_KIND_STRING, 0,
    NULL,
    NULL, 0,
    NULL,
    &v_acr_acquire_client_request_exclude_resource_ids_items_string, NULL, NULL, NULL,
    "a string",
};

static const acr_value_desc v_acr_acquire_client_request_exclude_resource_ids = {
    ACR_KIND_ARRAY, 0,
    NULL,
    &v_acr_acquire_client_request_exclude_resource_ids_items, sizeof(char *),
    NULL,
    NULL, NULL, NULL, NULL,
    "an array",
};

static const acr_value_desc v_acr_acquire_client_request_region = {
    ACR_KIND_ENUM, 0,
    NULL,
    NULL, 0,
    &acr_region_enum,
    NULL, NULL, NULL, NULL,
    "a string",
};

static const acr_field_desc acr_acquire_client_request_fields[] = {
    { "scene", 5, &v_acr_acquire_client_request_scene,
      offsetof(acr_acquire_client_request, scene), offsetof(acr_acquire_client_request, has_scene), 0,
      0, 0, NULL, 0 },
    { "resourceExpiredHour", 19, &v_acr_acquire_client_request_resource_expired_hour,
      offsetof(acr_acquire_client_request, resource_expired_hour), offsetof(acr_acquire_client_request, has_resource_expired_hour), 0,
      0, 0, NULL, 0 },
    { "startParameter", 14, &v_acr_acquire_client_request_start_parameter,
      offsetof(acr_acquire_client_request, start_parameter), offsetof(acr_acquire_client_request, has_start_parameter), 0,
      0, 0, NULL, 0 },
    { "excludeResourceIds", 18, &v_acr_acquire_client_request_exclude_resource_ids,
      offsetof(acr_acquire_client_request, exclude_resource_ids), offsetof(acr_acquire_client_request, exclude_resource_ids_count), 0,
      0, 0, NULL, 0 },
    { "region", 6, &v_acr_acquire_client_request_region,
      offsetof(acr_acquire_client_request, region), offsetof(acr_acquire_client_request, region_other), 0,
      0, 0, NULL, 0 },
};
static const acr_object_desc acr_acquire_client_request_object = {
    "AcquireClientRequest", sizeof(acr_acquire_client_request), acr_acquire_client_request_fields, 5,
    NULL, 0, 1,
};

/* --- AcquireRequest --- */
static const acr_string_rules v_acr_acquire_request_cname_string = {
    1, SIZE_MAX, 1024,
    NULL, NULL,
    NULL,
};
static const acr_value_desc v_acr_acquire_request_cname = {
    ACR_KIND_STRING, 0,
    NULL,
    NULL, 0,
    NULL,
    &v_acr_acquire_request_cname_string, NULL, NULL, NULL,
    "a string",
};

static const acr_string_rules v_acr_acquire_request_uid_string = {
    0, SIZE_MAX, SIZE_MAX,
    &pattern_0, "^([1-9][0-9]{0,8}|[1-3][0-9]{9}|4[01][0-9]{8}|42[0-8][0-9]{7}|429[0-3][0-9]{6}|4294[0-8][0-9]{5}|42949[0-5][0-9]{4}|429496[0-6][0-9]{3}|4294967[01][0-9]{2}|42949672[0-8][0-9]|429496729[0-5])$",
    "a decimal UID string from 1 to 4294967295",
};
static const acr_value_desc v_acr_acquire_request_uid = {
    ACR_KIND_STRING, 0,
    NULL,
    NULL, 0,
    NULL,
    &v_acr_acquire_request_uid_string, NULL, NULL, NULL,
    "a string",
};

static const acr_value_desc v_acr_acquire_request_client_request = {
    ACR_KIND_OBJECT, 0,
    &acr_acquire_client_request_object,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "an object",
};

static const acr_field_desc acr_acquire_request_fields[] = {
    { "cname", 5, &v_acr_acquire_request_cname,
      offsetof(acr_acquire_request, cname), 0, 0,
      1, 0, NULL, 0 },
    { "uid", 3, &v_acr_acquire_request_uid,
      offsetof(acr_acquire_request, uid), 0, 0,
      1, 0, NULL, 0 },
    { "clientRequest", 13, &v_acr_acquire_request_client_request,
      offsetof(acr_acquire_request, client_request), ACR_ALWAYS_PRESENT, 0,
      1, 0, NULL, 0 },
};
static const uint16_t acr_acquire_request_rule_0_effect_0_path[] = { 0 };
static const acr_string_rules acr_acquire_request_rule_0_effect_0_string = {
    0, SIZE_MAX, 63,
    &pattern_4, "^[A-Za-z0-9 !#$%&()+\\-:;<=.>\?@\\[\\]^_{|}~,]+$",
    "an RTC channel name: letters, digits, space and !#$%&()+-:;<=.>\?@[]^_{|}~,",
};
static const acr_effect acr_acquire_request_rule_0_effects[] = {
    { ACR_EFFECT_STRING, acr_acquire_request_rule_0_effect_0_path, 1,
      NULL, 0,
      NULL, 0, &acr_acquire_request_rule_0_effect_0_string,
      "when the mode is individual or mix" },
};
static const acr_rule acr_acquire_request_rules[] = {
    { ACR_RULE_CONDITIONAL, ACR_IF_MODE,
      NULL, 0,
      NULL, 0,
      NULL, 0, 0,
      0, INT64_C(0), NULL,
      (1u << 0) | (1u << 1), NULL, INT64_C(0),
      acr_acquire_request_rule_0_effects, 1, NULL },
};
static const acr_object_desc acr_acquire_request_object = {
    "AcquireRequest", sizeof(acr_acquire_request), acr_acquire_request_fields, 3,
    acr_acquire_request_rules, 1, 1,
};

/* --- AcquireResponse --- */
static const acr_string_rules v_acr_acquire_response_cname_string = {
    1, SIZE_MAX, 1024,
    NULL, NULL,
    NULL,
};
static const acr_value_desc v_acr_acquire_response_cname = {
    ACR_KIND_STRING, 0,
    NULL,
    NULL, 0,
    NULL,
    &v_acr_acquire_response_cname_string, NULL, NULL, NULL,
    "a string",
};

static const acr_string_rules v_acr_acquire_response_uid_string = {
    0, SIZE_MAX, SIZE_MAX,
    &pattern_0, "^([1-9][0-9]{0,8}|[1-3][0-9]{9}|4[01][0-9]{8}|42[0-8][0-9]{7}|429[0-3][0-9]{6}|4294[0-8][0-9]{5}|42949[0-5][0-9]{4}|429496[0-6][0-9]{3}|4294967[01][0-9]{2}|42949672[0-8][0-9]|429496729[0-5])$",
    "a decimal UID string from 1 to 4294967295",
};
static const acr_value_desc v_acr_acquire_response_uid = {
    ACR_KIND_STRING, 0,
    NULL,
    NULL, 0,
    NULL,
    &v_acr_acquire_response_uid_string, NULL, NULL, NULL,
    "a string",
};

static const acr_value_desc v_acr_acquire_response_resource_id = {
    ACR_KIND_STRING, 0,
    NULL,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "a string",
};

static const acr_field_desc acr_acquire_response_fields[] = {
    { "cname", 5, &v_acr_acquire_response_cname,
      offsetof(acr_acquire_response, cname), 0, 0,
      0, 0, NULL, 0 },
    { "uid", 3, &v_acr_acquire_response_uid,
      offsetof(acr_acquire_response, uid), 0, 0,
      0, 0, NULL, 0 },
    { "resourceId", 10, &v_acr_acquire_response_resource_id,
      offsetof(acr_acquire_response, resource_id), 0, 0,
      0, 0, NULL, 0 },
};
static const acr_object_desc acr_acquire_response_object = {
    "AcquireResponse", sizeof(acr_acquire_response), acr_acquire_response_fields, 3,
    NULL, 0, 0,
};

/* --- StartRequest --- */
static const acr_string_rules v_acr_start_request_cname_string = {
    1, SIZE_MAX, 1024,
    NULL, NULL,
    NULL,
};
static const acr_value_desc v_acr_start_request_cname = {
    ACR_KIND_STRING, 0,
    NULL,
    NULL, 0,
    NULL,
    &v_acr_start_request_cname_string, NULL, NULL, NULL,
    "a string",
};

static const acr_string_rules v_acr_start_request_uid_string = {
    0, SIZE_MAX, SIZE_MAX,
    &pattern_0, "^([1-9][0-9]{0,8}|[1-3][0-9]{9}|4[01][0-9]{8}|42[0-8][0-9]{7}|429[0-3][0-9]{6}|4294[0-8][0-9]{5}|42949[0-5][0-9]{4}|429496[0-6][0-9]{3}|4294967[01][0-9]{2}|42949672[0-8][0-9]|429496729[0-5])$",
    "a decimal UID string from 1 to 4294967295",
};
static const acr_value_desc v_acr_start_request_uid = {
    ACR_KIND_STRING, 0,
    NULL,
    NULL, 0,
    NULL,
    &v_acr_start_request_uid_string, NULL, NULL, NULL,
    "a string",
};

static const acr_value_desc v_acr_start_request_client_request = {
    ACR_KIND_OBJECT, 0,
    &acr_start_client_request_object,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "an object",
};

static const acr_field_desc acr_start_request_fields[] = {
    { "cname", 5, &v_acr_start_request_cname,
      offsetof(acr_start_request, cname), 0, 0,
      1, 0, NULL, 0 },
    { "uid", 3, &v_acr_start_request_uid,
      offsetof(acr_start_request, uid), 0, 0,
      1, 0, NULL, 0 },
    { "clientRequest", 13, &v_acr_start_request_client_request,
      offsetof(acr_start_request, client_request), ACR_ALWAYS_PRESENT, 0,
      1, 0, NULL, 0 },
};
static const uint16_t acr_start_request_rule_0_effect_0_path[] = { 0 };
static const acr_string_rules acr_start_request_rule_0_effect_0_string = {
    0, SIZE_MAX, 63,
    &pattern_4, "^[A-Za-z0-9 !#$%&()+\\-:;<=.>\?@\\[\\]^_{|}~,]+$",
    "an RTC channel name: letters, digits, space and !#$%&()+-:;<=.>\?@[]^_{|}~,",
};
static const acr_effect acr_start_request_rule_0_effects[] = {
    { ACR_EFFECT_STRING, acr_start_request_rule_0_effect_0_path, 1,
      NULL, 0,
      NULL, 0, &acr_start_request_rule_0_effect_0_string,
      "when the mode is individual or mix" },
};
static const acr_rule acr_start_request_rules[] = {
    { ACR_RULE_CONDITIONAL, ACR_IF_MODE,
      NULL, 0,
      NULL, 0,
      NULL, 0, 0,
      0, INT64_C(0), NULL,
      (1u << 0) | (1u << 1), NULL, INT64_C(0),
      acr_start_request_rule_0_effects, 1, NULL },
};
static const acr_object_desc acr_start_request_object = {
    "StartRequest", sizeof(acr_start_request), acr_start_request_fields, 3,
    acr_start_request_rules, 1, 1,
};

/* --- StartResponse --- */
static const acr_string_rules v_acr_start_response_cname_string = {
    1, SIZE_MAX, 1024,
    NULL, NULL,
    NULL,
};
static const acr_value_desc v_acr_start_response_cname = {
    ACR_KIND_STRING, 0,
    NULL,
    NULL, 0,
    NULL,
    &v_acr_start_response_cname_string, NULL, NULL, NULL,
    "a string",
};

static const acr_string_rules v_acr_start_response_uid_string = {
    0, SIZE_MAX, SIZE_MAX,
    &pattern_0, "^([1-9][0-9]{0,8}|[1-3][0-9]{9}|4[01][0-9]{8}|42[0-8][0-9]{7}|429[0-3][0-9]{6}|4294[0-8][0-9]{5}|42949[0-5][0-9]{4}|429496[0-6][0-9]{3}|4294967[01][0-9]{2}|42949672[0-8][0-9]|429496729[0-5])$",
    "a decimal UID string from 1 to 4294967295",
};
static const acr_value_desc v_acr_start_response_uid = {
    ACR_KIND_STRING, 0,
    NULL,
    NULL, 0,
    NULL,
    &v_acr_start_response_uid_string, NULL, NULL, NULL,
    "a string",
};

static const acr_value_desc v_acr_start_response_resource_id = {
    ACR_KIND_STRING, 0,
    NULL,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "a string",
};

static const acr_value_desc v_acr_start_response_sid = {
    ACR_KIND_STRING, 0,
    NULL,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "a string",
};

static const acr_field_desc acr_start_response_fields[] = {
    { "cname", 5, &v_acr_start_response_cname,
      offsetof(acr_start_response, cname), 0, 0,
      0, 0, NULL, 0 },
    { "uid", 3, &v_acr_start_response_uid,
      offsetof(acr_start_response, uid), 0, 0,
      0, 0, NULL, 0 },
    { "resourceId", 10, &v_acr_start_response_resource_id,
      offsetof(acr_start_response, resource_id), 0, 0,
      0, 0, NULL, 0 },
    { "sid", 3, &v_acr_start_response_sid,
      offsetof(acr_start_response, sid), 0, 0,
      0, 0, NULL, 0 },
};
static const acr_object_desc acr_start_response_object = {
    "StartResponse", sizeof(acr_start_response), acr_start_response_fields, 4,
    NULL, 0, 0,
};

/* --- RtmpPublishState --- */
static const acr_value_desc v_acr_rtmp_publish_state_rtmp_url = {
    ACR_KIND_STRING, 0,
    NULL,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "a string",
};

static const acr_value_desc v_acr_rtmp_publish_state_status = {
    ACR_KIND_ENUM, 0,
    NULL,
    NULL, 0,
    &acr_rtmp_publish_status_enum,
    NULL, NULL, NULL, NULL,
    "a string",
};

static const acr_field_desc acr_rtmp_publish_state_fields[] = {
    { "rtmpUrl", 7, &v_acr_rtmp_publish_state_rtmp_url,
      offsetof(acr_rtmp_publish_state, rtmp_url), 0, 0,
      0, 0, NULL, 0 },
    { "status", 6, &v_acr_rtmp_publish_state_status,
      offsetof(acr_rtmp_publish_state, status), offsetof(acr_rtmp_publish_state, status_other), 0,
      0, 0, NULL, 0 },
};
static const acr_object_desc acr_rtmp_publish_state_object = {
    "RtmpPublishState", sizeof(acr_rtmp_publish_state), acr_rtmp_publish_state_fields, 2,
    NULL, 0, 0,
};

/* --- QueryExtensionPayload --- */
static const acr_value_desc v_acr_query_extension_payload_file_list_items = {
    ACR_KIND_OBJECT, 0,
    &acr_web_file_entry_object,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "an object",
};

static const acr_value_desc v_acr_query_extension_payload_file_list = {
    ACR_KIND_ARRAY, 0,
    NULL,
    &v_acr_query_extension_payload_file_list_items, sizeof(acr_web_file_entry),
    NULL,
    NULL, NULL, NULL, NULL,
    "an array",
};

static const acr_value_desc v_acr_query_extension_payload_onhold = {
    ACR_KIND_BOOL, 0,
    NULL,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "a boolean",
};

static const acr_value_desc v_acr_query_extension_payload_state = {
    ACR_KIND_ENUM, 0,
    NULL,
    NULL, 0,
    &acr_state_enum,
    NULL, NULL, NULL, NULL,
    "a string",
};

static const acr_value_desc v_acr_query_extension_payload_outputs_items = {
    ACR_KIND_OBJECT, 0,
    &acr_rtmp_publish_state_object,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "an object",
};

static const acr_value_desc v_acr_query_extension_payload_outputs = {
    ACR_KIND_ARRAY, 0,
    NULL,
    &v_acr_query_extension_payload_outputs_items, sizeof(acr_rtmp_publish_state),
    NULL,
    NULL, NULL, NULL, NULL,
    "an array",
};

static const acr_field_desc acr_query_extension_payload_fields[] = {
    { "fileList", 8, &v_acr_query_extension_payload_file_list,
      offsetof(acr_query_extension_payload, file_list), offsetof(acr_query_extension_payload, file_list_count), 0,
      0, 0, NULL, 0 },
    { "onhold", 6, &v_acr_query_extension_payload_onhold,
      offsetof(acr_query_extension_payload, onhold), offsetof(acr_query_extension_payload, has_onhold), 0,
      0, 0, NULL, 0 },
    { "state", 5, &v_acr_query_extension_payload_state,
      offsetof(acr_query_extension_payload, state), offsetof(acr_query_extension_payload, state_other), 0,
      0, 0, NULL, 0 },
    { "outputs", 7, &v_acr_query_extension_payload_outputs,
      offsetof(acr_query_extension_payload, outputs), offsetof(acr_query_extension_payload, outputs_count), 0,
      0, 0, NULL, 0 },
};
static const acr_object_desc acr_query_extension_payload_object = {
    "QueryExtensionPayload", sizeof(acr_query_extension_payload), acr_query_extension_payload_fields, 4,
    NULL, 0, 0,
};

/* --- QueryExtensionServiceState --- */
static const acr_value_desc v_acr_query_extension_service_state_service_name = {
    ACR_KIND_ENUM, 0,
    NULL,
    NULL, 0,
    &acr_extension_service_service_name_enum,
    NULL, NULL, NULL, NULL,
    "a string",
};

static const acr_value_desc v_acr_query_extension_service_state_payload = {
    ACR_KIND_OBJECT, 0,
    &acr_query_extension_payload_object,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "an object",
};

static const acr_field_desc acr_query_extension_service_state_fields[] = {
    { "serviceName", 11, &v_acr_query_extension_service_state_service_name,
      offsetof(acr_query_extension_service_state, service_name), offsetof(acr_query_extension_service_state, service_name_other), 0,
      0, 0, NULL, 0 },
    { "payload", 7, &v_acr_query_extension_service_state_payload,
      offsetof(acr_query_extension_service_state, payload), offsetof(acr_query_extension_service_state, has_payload), 0,
      0, 0, NULL, 0 },
};
static const acr_object_desc acr_query_extension_service_state_object = {
    "QueryExtensionServiceState", sizeof(acr_query_extension_service_state), acr_query_extension_service_state_fields, 2,
    NULL, 0, 0,
};

/* --- QueryServerResponse --- */
static const acr_value_desc v_acr_query_server_response_status = {
    ACR_KIND_INT, 0,
    NULL,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "an integer",
};

static const acr_value_desc v_acr_query_server_response_slice_start_time = {
    ACR_KIND_INT, 0,
    NULL,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "an integer",
};

static const acr_value_desc v_acr_query_server_response_file_list_mode = {
    ACR_KIND_ENUM, 0,
    NULL,
    NULL, 0,
    &acr_file_list_mode_enum,
    NULL, NULL, NULL, NULL,
    "a string",
};

static const acr_value_desc v_acr_query_server_response_file_list_items = {
    ACR_KIND_OBJECT, 0,
    &acr_file_entry_object,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "an object",
};

static const acr_value_desc v_acr_query_server_response_file_list = {
    ACR_KIND_STRING_OR_ARRAY, 0,
    NULL,
    &v_acr_query_server_response_file_list_items, sizeof(acr_file_entry),
    NULL,
    NULL, NULL, NULL, NULL,
    "a string or an array",
};

static const acr_value_desc v_acr_query_server_response_extension_service_state_items = {
    ACR_KIND_OBJECT, 0,
    &acr_query_extension_service_state_object,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "an object",
};

static const acr_value_desc v_acr_query_server_response_extension_service_state = {
    ACR_KIND_ARRAY, 0,
    NULL,
    &v_acr_query_server_response_extension_service_state_items, sizeof(acr_query_extension_service_state),
    NULL,
    NULL, NULL, NULL, NULL,
    "an array",
};

static const acr_field_desc acr_query_server_response_fields[] = {
    { "status", 6, &v_acr_query_server_response_status,
      offsetof(acr_query_server_response, status), offsetof(acr_query_server_response, has_status), 0,
      0, 0, NULL, 0 },
    { "sliceStartTime", 14, &v_acr_query_server_response_slice_start_time,
      offsetof(acr_query_server_response, slice_start_time), offsetof(acr_query_server_response, has_slice_start_time), 0,
      0, 0, NULL, 0 },
    { "fileListMode", 12, &v_acr_query_server_response_file_list_mode,
      offsetof(acr_query_server_response, file_list_mode), offsetof(acr_query_server_response, file_list_mode_other), 0,
      0, 0, NULL, 0 },
    { "fileList", 8, &v_acr_query_server_response_file_list,
      offsetof(acr_query_server_response, file_list), offsetof(acr_query_server_response, file_list_items), offsetof(acr_query_server_response, file_list_count),
      0, 0, NULL, 0 },
    { "extensionServiceState", 21, &v_acr_query_server_response_extension_service_state,
      offsetof(acr_query_server_response, extension_service_state), offsetof(acr_query_server_response, extension_service_state_count), 0,
      0, 0, NULL, 0 },
};
static const acr_object_desc acr_query_server_response_object = {
    "QueryServerResponse", sizeof(acr_query_server_response), acr_query_server_response_fields, 5,
    NULL, 0, 0,
};

/* --- QueryResponse --- */
static const acr_string_rules v_acr_query_response_cname_string = {
    1, SIZE_MAX, 1024,
    NULL, NULL,
    NULL,
};
static const acr_value_desc v_acr_query_response_cname = {
    ACR_KIND_STRING, 0,
    NULL,
    NULL, 0,
    NULL,
    &v_acr_query_response_cname_string, NULL, NULL, NULL,
    "a string",
};

static const acr_string_rules v_acr_query_response_uid_string = {
    0, SIZE_MAX, SIZE_MAX,
    &pattern_0, "^([1-9][0-9]{0,8}|[1-3][0-9]{9}|4[01][0-9]{8}|42[0-8][0-9]{7}|429[0-3][0-9]{6}|4294[0-8][0-9]{5}|42949[0-5][0-9]{4}|429496[0-6][0-9]{3}|4294967[01][0-9]{2}|42949672[0-8][0-9]|429496729[0-5])$",
    "a decimal UID string from 1 to 4294967295",
};
static const acr_value_desc v_acr_query_response_uid = {
    ACR_KIND_STRING, 0,
    NULL,
    NULL, 0,
    NULL,
    &v_acr_query_response_uid_string, NULL, NULL, NULL,
    "a string",
};

static const acr_value_desc v_acr_query_response_resource_id = {
    ACR_KIND_STRING, 0,
    NULL,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "a string",
};

static const acr_value_desc v_acr_query_response_sid = {
    ACR_KIND_STRING, 0,
    NULL,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "a string",
};

static const acr_value_desc v_acr_query_response_server_response = {
    ACR_KIND_OBJECT, 0,
    &acr_query_server_response_object,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "an object",
};

static const acr_field_desc acr_query_response_fields[] = {
    { "cname", 5, &v_acr_query_response_cname,
      offsetof(acr_query_response, cname), 0, 0,
      0, 0, NULL, 0 },
    { "uid", 3, &v_acr_query_response_uid,
      offsetof(acr_query_response, uid), 0, 0,
      0, 0, NULL, 0 },
    { "resourceId", 10, &v_acr_query_response_resource_id,
      offsetof(acr_query_response, resource_id), 0, 0,
      0, 0, NULL, 0 },
    { "sid", 3, &v_acr_query_response_sid,
      offsetof(acr_query_response, sid), 0, 0,
      0, 0, NULL, 0 },
    { "serverResponse", 14, &v_acr_query_response_server_response,
      offsetof(acr_query_response, server_response), offsetof(acr_query_response, has_server_response), 0,
      0, 0, NULL, 0 },
};
static const acr_object_desc acr_query_response_object = {
    "QueryResponse", sizeof(acr_query_response), acr_query_response_fields, 5,
    NULL, 0, 0,
};

/* --- UpdateLayoutClientRequest --- */
static const acr_string_rules v_acr_update_layout_client_request_max_resolution_uid_string = {
    0, SIZE_MAX, SIZE_MAX,
    &pattern_0, "^([1-9][0-9]{0,8}|[1-3][0-9]{9}|4[01][0-9]{8}|42[0-8][0-9]{7}|429[0-3][0-9]{6}|4294[0-8][0-9]{5}|42949[0-5][0-9]{4}|429496[0-6][0-9]{3}|4294967[01][0-9]{2}|42949672[0-8][0-9]|429496729[0-5])$",
    "a decimal UID string from 1 to 4294967295",
};
static const acr_value_desc v_acr_update_layout_client_request_max_resolution_uid = {
    ACR_KIND_STRING, 0,
    NULL,
    NULL, 0,
    NULL,
    &v_acr_update_layout_client_request_max_resolution_uid_string, NULL, NULL, NULL,
    "a string",
};

static const int64_t v_acr_update_layout_client_request_mixed_video_layout_allowed[] = { INT64_C(0), INT64_C(1), INT64_C(2), INT64_C(3) };
static const acr_int_rules v_acr_update_layout_client_request_mixed_video_layout_int = {
    0, 0,
    INT64_C(0), INT64_C(0), 0, 0,
    v_acr_update_layout_client_request_mixed_video_layout_allowed, 4, "one of 0, 1, 2 or 3",
};
static const acr_value_desc v_acr_update_layout_client_request_mixed_video_layout = {
    ACR_KIND_INT, 0,
    NULL,
    NULL, 0,
    NULL,
    NULL, &v_acr_update_layout_client_request_mixed_video_layout_int, NULL, NULL,
    "an integer",
};

static const acr_string_rules v_acr_update_layout_client_request_background_color_string = {
    0, SIZE_MAX, SIZE_MAX,
    &pattern_6, "^#[0-9A-Fa-f]{6}$",
    "a color #RRGGBB",
};
static const acr_value_desc v_acr_update_layout_client_request_background_color = {
    ACR_KIND_STRING, 0,
    NULL,
    NULL, 0,
    NULL,
    &v_acr_update_layout_client_request_background_color_string, NULL, NULL, NULL,
    "a string",
};

static const acr_string_rules v_acr_update_layout_client_request_background_image_string = {
    1, SIZE_MAX, SIZE_MAX,
    NULL, NULL,
    NULL,
};
static const acr_value_desc v_acr_update_layout_client_request_background_image = {
    ACR_KIND_STRING, 0,
    NULL,
    NULL, 0,
    NULL,
    &v_acr_update_layout_client_request_background_image_string, NULL, NULL, NULL,
    "a string",
};

static const acr_string_rules v_acr_update_layout_client_request_default_user_background_image_string = {
    1, SIZE_MAX, SIZE_MAX,
    NULL, NULL,
    NULL,
};
static const acr_value_desc v_acr_update_layout_client_request_default_user_background_image = {
    ACR_KIND_STRING, 0,
    NULL,
    NULL, 0,
    NULL,
    &v_acr_update_layout_client_request_default_user_background_image_string, NULL, NULL, NULL,
    "a string",
};

static const acr_value_desc v_acr_update_layout_client_request_layout_config_items = {
    ACR_KIND_OBJECT, 0,
    &acr_layout_region_object,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "an object",
};

static const acr_array_rules v_acr_update_layout_client_request_layout_config_array = {
    0, 17, 0,
};
static const acr_value_desc v_acr_update_layout_client_request_layout_config = {
    ACR_KIND_ARRAY, 0,
    NULL,
    &v_acr_update_layout_client_request_layout_config_items, sizeof(acr_layout_region),
    NULL,
    NULL, NULL, NULL, &v_acr_update_layout_client_request_layout_config_array,
    "an array",
};

static const acr_value_desc v_acr_update_layout_client_request_background_config_items = {
    ACR_KIND_OBJECT, 0,
    &acr_user_background_object,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "an object",
};

static const acr_value_desc v_acr_update_layout_client_request_background_config = {
    ACR_KIND_ARRAY, 0,
    NULL,
    &v_acr_update_layout_client_request_background_config_items, sizeof(acr_user_background),
    NULL,
    NULL, NULL, NULL, NULL,
    "an array",
};

static const acr_field_desc acr_update_layout_client_request_fields[] = {
    { "maxResolutionUid", 16, &v_acr_update_layout_client_request_max_resolution_uid,
      offsetof(acr_update_layout_client_request, max_resolution_uid), 0, 0,
      0, 0, NULL, 0 },
    { "mixedVideoLayout", 16, &v_acr_update_layout_client_request_mixed_video_layout,
      offsetof(acr_update_layout_client_request, mixed_video_layout), offsetof(acr_update_layout_client_request, has_mixed_video_layout), 0,
      0, 0, NULL, 0 },
    { "backgroundColor", 15, &v_acr_update_layout_client_request_background_color,
      offsetof(acr_update_layout_client_request, background_color), 0, 0,
      0, 0, NULL, 0 },
    { "backgroundImage", 15, &v_acr_update_layout_client_request_background_image,
      offsetof(acr_update_layout_client_request, background_image), 0, 0,
      0, 0, NULL, 0 },
    { "defaultUserBackgroundImage", 26, &v_acr_update_layout_client_request_default_user_background_image,
      offsetof(acr_update_layout_client_request, default_user_background_image), 0, 0,
      0, 0, NULL, 0 },
    { "layoutConfig", 12, &v_acr_update_layout_client_request_layout_config,
      offsetof(acr_update_layout_client_request, layout_config), offsetof(acr_update_layout_client_request, layout_config_count), 0,
      0, 0, NULL, 0 },
    { "backgroundConfig", 16, &v_acr_update_layout_client_request_background_config,
      offsetof(acr_update_layout_client_request, background_config), offsetof(acr_update_layout_client_request, background_config_count), 0,
      0, 0, NULL, 0 },
};
static const uint16_t acr_update_layout_client_request_rule_0_fields[] = { 1 };
static const int64_t acr_update_layout_client_request_rule_0_values[] = { INT64_C(2) };
static const uint16_t acr_update_layout_client_request_rule_0_effect_0_path[] = { 0 };
static const acr_effect acr_update_layout_client_request_rule_0_effects[] = {
    { ACR_EFFECT_REQUIRED, acr_update_layout_client_request_rule_0_effect_0_path, 1,
      NULL, 0,
      NULL, 0, NULL,
      "is required when mixedVideoLayout is 2" },
};
static const uint16_t acr_update_layout_client_request_rule_1_fields[] = { 1 };
static const int64_t acr_update_layout_client_request_rule_1_values[] = { INT64_C(3) };
static const uint16_t acr_update_layout_client_request_rule_1_effect_0_path[] = { 5 };
static const acr_effect acr_update_layout_client_request_rule_1_effects[] = {
    { ACR_EFFECT_FORBIDDEN, acr_update_layout_client_request_rule_1_effect_0_path, 1,
      NULL, 0,
      NULL, 0, NULL,
      "is only allowed when mixedVideoLayout is 3" },
};
static const acr_rule acr_update_layout_client_request_rules[] = {
    { ACR_RULE_CONDITIONAL, ACR_IF_VALUE,
      acr_update_layout_client_request_rule_0_fields, 1,
      acr_update_layout_client_request_rule_0_values, 1,
      NULL, 0, 0,
      0, INT64_C(0), NULL,
      0, NULL, INT64_C(0),
      acr_update_layout_client_request_rule_0_effects, 1, NULL },
    { ACR_RULE_CONDITIONAL, ACR_IF_VALUE,
      acr_update_layout_client_request_rule_1_fields, 1,
      acr_update_layout_client_request_rule_1_values, 1,
      NULL, 0, 1,
      1, INT64_C(0), NULL,
      0, NULL, INT64_C(0),
      acr_update_layout_client_request_rule_1_effects, 1, NULL },
};
static const acr_object_desc acr_update_layout_client_request_object = {
    "UpdateLayoutClientRequest", sizeof(acr_update_layout_client_request), acr_update_layout_client_request_fields, 7,
    acr_update_layout_client_request_rules, 2, 1,
};

/* --- UpdateLayoutRequest --- */
static const acr_string_rules v_acr_update_layout_request_cname_string = {
    1, SIZE_MAX, 1024,
    NULL, NULL,
    NULL,
};
static const acr_value_desc v_acr_update_layout_request_cname = {
    ACR_KIND_STRING, 0,
    NULL,
    NULL, 0,
    NULL,
    &v_acr_update_layout_request_cname_string, NULL, NULL, NULL,
    "a string",
};

static const acr_string_rules v_acr_update_layout_request_uid_string = {
    0, SIZE_MAX, SIZE_MAX,
    &pattern_0, "^([1-9][0-9]{0,8}|[1-3][0-9]{9}|4[01][0-9]{8}|42[0-8][0-9]{7}|429[0-3][0-9]{6}|4294[0-8][0-9]{5}|42949[0-5][0-9]{4}|429496[0-6][0-9]{3}|4294967[01][0-9]{2}|42949672[0-8][0-9]|429496729[0-5])$",
    "a decimal UID string from 1 to 4294967295",
};
static const acr_value_desc v_acr_update_layout_request_uid = {
    ACR_KIND_STRING, 0,
    NULL,
    NULL, 0,
    NULL,
    &v_acr_update_layout_request_uid_string, NULL, NULL, NULL,
    "a string",
};

static const acr_value_desc v_acr_update_layout_request_client_request = {
    ACR_KIND_OBJECT, 0,
    &acr_update_layout_client_request_object,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "an object",
};

static const acr_field_desc acr_update_layout_request_fields[] = {
    { "cname", 5, &v_acr_update_layout_request_cname,
      offsetof(acr_update_layout_request, cname), 0, 0,
      1, 0, NULL, 0 },
    { "uid", 3, &v_acr_update_layout_request_uid,
      offsetof(acr_update_layout_request, uid), 0, 0,
      1, 0, NULL, 0 },
    { "clientRequest", 13, &v_acr_update_layout_request_client_request,
      offsetof(acr_update_layout_request, client_request), ACR_ALWAYS_PRESENT, 0,
      1, 0, NULL, 0 },
};
static const uint16_t acr_update_layout_request_rule_0_effect_0_path[] = { 0 };
static const acr_string_rules acr_update_layout_request_rule_0_effect_0_string = {
    0, SIZE_MAX, 63,
    &pattern_4, "^[A-Za-z0-9 !#$%&()+\\-:;<=.>\?@\\[\\]^_{|}~,]+$",
    "an RTC channel name: letters, digits, space and !#$%&()+-:;<=.>\?@[]^_{|}~,",
};
static const acr_effect acr_update_layout_request_rule_0_effects[] = {
    { ACR_EFFECT_STRING, acr_update_layout_request_rule_0_effect_0_path, 1,
      NULL, 0,
      NULL, 0, &acr_update_layout_request_rule_0_effect_0_string,
      "when the mode is individual or mix" },
};
static const acr_rule acr_update_layout_request_rules[] = {
    { ACR_RULE_CONDITIONAL, ACR_IF_MODE,
      NULL, 0,
      NULL, 0,
      NULL, 0, 0,
      0, INT64_C(0), NULL,
      (1u << 0) | (1u << 1), NULL, INT64_C(0),
      acr_update_layout_request_rule_0_effects, 1, NULL },
};
static const acr_object_desc acr_update_layout_request_object = {
    "UpdateLayoutRequest", sizeof(acr_update_layout_request), acr_update_layout_request_fields, 3,
    acr_update_layout_request_rules, 1, 1,
};

/* --- UpdateLayoutResponse --- */
static const acr_string_rules v_acr_update_layout_response_cname_string = {
    1, SIZE_MAX, 1024,
    NULL, NULL,
    NULL,
};
static const acr_value_desc v_acr_update_layout_response_cname = {
    ACR_KIND_STRING, 0,
    NULL,
    NULL, 0,
    NULL,
    &v_acr_update_layout_response_cname_string, NULL, NULL, NULL,
    "a string",
};

static const acr_string_rules v_acr_update_layout_response_uid_string = {
    0, SIZE_MAX, SIZE_MAX,
    &pattern_0, "^([1-9][0-9]{0,8}|[1-3][0-9]{9}|4[01][0-9]{8}|42[0-8][0-9]{7}|429[0-3][0-9]{6}|4294[0-8][0-9]{5}|42949[0-5][0-9]{4}|429496[0-6][0-9]{3}|4294967[01][0-9]{2}|42949672[0-8][0-9]|429496729[0-5])$",
    "a decimal UID string from 1 to 4294967295",
};
static const acr_value_desc v_acr_update_layout_response_uid = {
    ACR_KIND_STRING, 0,
    NULL,
    NULL, 0,
    NULL,
    &v_acr_update_layout_response_uid_string, NULL, NULL, NULL,
    "a string",
};

static const acr_value_desc v_acr_update_layout_response_resource_id = {
    ACR_KIND_STRING, 0,
    NULL,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "a string",
};

static const acr_value_desc v_acr_update_layout_response_sid = {
    ACR_KIND_STRING, 0,
    NULL,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "a string",
};

static const acr_field_desc acr_update_layout_response_fields[] = {
    { "cname", 5, &v_acr_update_layout_response_cname,
      offsetof(acr_update_layout_response, cname), 0, 0,
      0, 0, NULL, 0 },
    { "uid", 3, &v_acr_update_layout_response_uid,
      offsetof(acr_update_layout_response, uid), 0, 0,
      0, 0, NULL, 0 },
    { "resourceId", 10, &v_acr_update_layout_response_resource_id,
      offsetof(acr_update_layout_response, resource_id), 0, 0,
      0, 0, NULL, 0 },
    { "sid", 3, &v_acr_update_layout_response_sid,
      offsetof(acr_update_layout_response, sid), 0, 0,
      0, 0, NULL, 0 },
};
static const acr_object_desc acr_update_layout_response_object = {
    "UpdateLayoutResponse", sizeof(acr_update_layout_response), acr_update_layout_response_fields, 4,
    NULL, 0, 0,
};

/* --- NcsIpResponseDataServiceHostsItem --- */
static const acr_value_desc v_acr_ncs_ip_response_data_service_hosts_item_primary_ip = {
    ACR_KIND_STRING, 0,
    NULL,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "a string",
};

static const acr_field_desc acr_ncs_ip_response_data_service_hosts_item_fields[] = {
    { "primaryIP", 9, &v_acr_ncs_ip_response_data_service_hosts_item_primary_ip,
      offsetof(acr_ncs_ip_response_data_service_hosts_item, primary_ip), 0, 0,
      0, 0, NULL, 0 },
};
static const acr_object_desc acr_ncs_ip_response_data_service_hosts_item_object = {
    "NcsIpResponseDataServiceHostsItem", sizeof(acr_ncs_ip_response_data_service_hosts_item), acr_ncs_ip_response_data_service_hosts_item_fields, 1,
    NULL, 0, 0,
};

/* --- NcsIpResponseDataService --- */
static const acr_value_desc v_acr_ncs_ip_response_data_service_hosts_items = {
    ACR_KIND_OBJECT, 0,
    &acr_ncs_ip_response_data_service_hosts_item_object,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "an object",
};

static const acr_value_desc v_acr_ncs_ip_response_data_service_hosts = {
    ACR_KIND_ARRAY, 0,
    NULL,
    &v_acr_ncs_ip_response_data_service_hosts_items, sizeof(acr_ncs_ip_response_data_service_hosts_item),
    NULL,
    NULL, NULL, NULL, NULL,
    "an array",
};

static const acr_field_desc acr_ncs_ip_response_data_service_fields[] = {
    { "hosts", 5, &v_acr_ncs_ip_response_data_service_hosts,
      offsetof(acr_ncs_ip_response_data_service, hosts), offsetof(acr_ncs_ip_response_data_service, hosts_count), 0,
      0, 0, NULL, 0 },
};
static const acr_object_desc acr_ncs_ip_response_data_service_object = {
    "NcsIpResponseDataService", sizeof(acr_ncs_ip_response_data_service), acr_ncs_ip_response_data_service_fields, 1,
    NULL, 0, 0,
};

/* --- NcsIpResponseData --- */
static const acr_value_desc v_acr_ncs_ip_response_data_service = {
    ACR_KIND_OBJECT, 0,
    &acr_ncs_ip_response_data_service_object,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "an object",
};

static const acr_field_desc acr_ncs_ip_response_data_fields[] = {
    { "service", 7, &v_acr_ncs_ip_response_data_service,
      offsetof(acr_ncs_ip_response_data, service), offsetof(acr_ncs_ip_response_data, has_service), 0,
      0, 0, NULL, 0 },
};
static const acr_object_desc acr_ncs_ip_response_data_object = {
    "NcsIpResponseData", sizeof(acr_ncs_ip_response_data), acr_ncs_ip_response_data_fields, 1,
    NULL, 0, 0,
};

/* --- NcsIpResponse --- */
static const acr_value_desc v_acr_ncs_ip_response_data = {
    ACR_KIND_OBJECT, 0,
    &acr_ncs_ip_response_data_object,
    NULL, 0,
    NULL,
    NULL, NULL, NULL, NULL,
    "an object",
};

static const acr_field_desc acr_ncs_ip_response_fields[] = {
    { "data", 4, &v_acr_ncs_ip_response_data,
      offsetof(acr_ncs_ip_response, data), offsetof(acr_ncs_ip_response, has_data), 0,
      0, 0, NULL, 0 },
};
static const acr_object_desc acr_ncs_ip_response_object = {
    "NcsIpResponse", sizeof(acr_ncs_ip_response), acr_ncs_ip_response_fields, 1,
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

/* --- AcquireRequest: entry points --- */
const acr_type_desc acr_acquire_request_type = {
    &acr_acquire_request_object, 1, mode_names, 3,
};

acr_status acr_acquire_request_validate(const acr_acquire_request *value, acr_mode mode, acr_error *err)
{
    return acr_validate(&acr_acquire_request_type, value, (unsigned)mode, err);
}

acr_status acr_acquire_request_to_json(const acr_acquire_request *value, char **json, size_t *length, acr_error *err)
{
    return acr_to_json(&acr_acquire_request_type, value, json, length, err);
}

acr_status acr_acquire_request_write(const acr_acquire_request *value, acr_write_fn write, void *ctx, acr_error *err)
{
    return acr_serialize(&acr_acquire_request_type, value, write, ctx, err);
}

acr_status acr_acquire_request_parse(const char *json, size_t length, acr_acquire_request *out, acr_error *err)
{
    return acr_parse(&acr_acquire_request_type, json, length, out, err);
}

acr_parser *acr_acquire_request_parser_new(acr_acquire_request *out, const acr_parse_options *options)
{
    return acr_parser_new(&acr_acquire_request_type, out, options);
}

void acr_acquire_request_free(acr_acquire_request *value)
{
    acr_free_value(&acr_acquire_request_type, value);
}

/* --- AcquireResponse: entry points --- */
const acr_type_desc acr_acquire_response_type = {
    &acr_acquire_response_object, 0, mode_names, 3,
};

acr_status acr_acquire_response_to_json(const acr_acquire_response *value, char **json, size_t *length, acr_error *err)
{
    return acr_to_json(&acr_acquire_response_type, value, json, length, err);
}

acr_status acr_acquire_response_write(const acr_acquire_response *value, acr_write_fn write, void *ctx, acr_error *err)
{
    return acr_serialize(&acr_acquire_response_type, value, write, ctx, err);
}

acr_status acr_acquire_response_parse(const char *json, size_t length, acr_acquire_response *out, acr_error *err)
{
    return acr_parse(&acr_acquire_response_type, json, length, out, err);
}

acr_parser *acr_acquire_response_parser_new(acr_acquire_response *out, const acr_parse_options *options)
{
    return acr_parser_new(&acr_acquire_response_type, out, options);
}

void acr_acquire_response_free(acr_acquire_response *value)
{
    acr_free_value(&acr_acquire_response_type, value);
}

/* --- StartRequest: entry points --- */
const acr_type_desc acr_start_request_type = {
    &acr_start_request_object, 1, mode_names, 3,
};

acr_status acr_start_request_validate(const acr_start_request *value, acr_mode mode, acr_error *err)
{
    return acr_validate(&acr_start_request_type, value, (unsigned)mode, err);
}

acr_status acr_start_request_to_json(const acr_start_request *value, char **json, size_t *length, acr_error *err)
{
    return acr_to_json(&acr_start_request_type, value, json, length, err);
}

acr_status acr_start_request_write(const acr_start_request *value, acr_write_fn write, void *ctx, acr_error *err)
{
    return acr_serialize(&acr_start_request_type, value, write, ctx, err);
}

acr_status acr_start_request_parse(const char *json, size_t length, acr_start_request *out, acr_error *err)
{
    return acr_parse(&acr_start_request_type, json, length, out, err);
}

acr_parser *acr_start_request_parser_new(acr_start_request *out, const acr_parse_options *options)
{
    return acr_parser_new(&acr_start_request_type, out, options);
}

void acr_start_request_free(acr_start_request *value)
{
    acr_free_value(&acr_start_request_type, value);
}

/* --- StartResponse: entry points --- */
const acr_type_desc acr_start_response_type = {
    &acr_start_response_object, 0, mode_names, 3,
};

acr_status acr_start_response_to_json(const acr_start_response *value, char **json, size_t *length, acr_error *err)
{
    return acr_to_json(&acr_start_response_type, value, json, length, err);
}

acr_status acr_start_response_write(const acr_start_response *value, acr_write_fn write, void *ctx, acr_error *err)
{
    return acr_serialize(&acr_start_response_type, value, write, ctx, err);
}

acr_status acr_start_response_parse(const char *json, size_t length, acr_start_response *out, acr_error *err)
{
    return acr_parse(&acr_start_response_type, json, length, out, err);
}

acr_parser *acr_start_response_parser_new(acr_start_response *out, const acr_parse_options *options)
{
    return acr_parser_new(&acr_start_response_type, out, options);
}

void acr_start_response_free(acr_start_response *value)
{
    acr_free_value(&acr_start_response_type, value);
}

/* --- QueryResponse: entry points --- */
const acr_type_desc acr_query_response_type = {
    &acr_query_response_object, 0, mode_names, 3,
};

acr_status acr_query_response_to_json(const acr_query_response *value, char **json, size_t *length, acr_error *err)
{
    return acr_to_json(&acr_query_response_type, value, json, length, err);
}

acr_status acr_query_response_write(const acr_query_response *value, acr_write_fn write, void *ctx, acr_error *err)
{
    return acr_serialize(&acr_query_response_type, value, write, ctx, err);
}

acr_status acr_query_response_parse(const char *json, size_t length, acr_query_response *out, acr_error *err)
{
    return acr_parse(&acr_query_response_type, json, length, out, err);
}

acr_parser *acr_query_response_parser_new(acr_query_response *out, const acr_parse_options *options)
{
    return acr_parser_new(&acr_query_response_type, out, options);
}

void acr_query_response_free(acr_query_response *value)
{
    acr_free_value(&acr_query_response_type, value);
}

/* --- UpdateLayoutRequest: entry points --- */
const acr_type_desc acr_update_layout_request_type = {
    &acr_update_layout_request_object, 1, mode_names, 3,
};

acr_status acr_update_layout_request_validate(const acr_update_layout_request *value, acr_mode mode, acr_error *err)
{
    return acr_validate(&acr_update_layout_request_type, value, (unsigned)mode, err);
}

acr_status acr_update_layout_request_to_json(const acr_update_layout_request *value, char **json, size_t *length, acr_error *err)
{
    return acr_to_json(&acr_update_layout_request_type, value, json, length, err);
}

acr_status acr_update_layout_request_write(const acr_update_layout_request *value, acr_write_fn write, void *ctx, acr_error *err)
{
    return acr_serialize(&acr_update_layout_request_type, value, write, ctx, err);
}

acr_status acr_update_layout_request_parse(const char *json, size_t length, acr_update_layout_request *out, acr_error *err)
{
    return acr_parse(&acr_update_layout_request_type, json, length, out, err);
}

acr_parser *acr_update_layout_request_parser_new(acr_update_layout_request *out, const acr_parse_options *options)
{
    return acr_parser_new(&acr_update_layout_request_type, out, options);
}

void acr_update_layout_request_free(acr_update_layout_request *value)
{
    acr_free_value(&acr_update_layout_request_type, value);
}

/* --- UpdateLayoutResponse: entry points --- */
const acr_type_desc acr_update_layout_response_type = {
    &acr_update_layout_response_object, 0, mode_names, 3,
};

acr_status acr_update_layout_response_to_json(const acr_update_layout_response *value, char **json, size_t *length, acr_error *err)
{
    return acr_to_json(&acr_update_layout_response_type, value, json, length, err);
}

acr_status acr_update_layout_response_write(const acr_update_layout_response *value, acr_write_fn write, void *ctx, acr_error *err)
{
    return acr_serialize(&acr_update_layout_response_type, value, write, ctx, err);
}

acr_status acr_update_layout_response_parse(const char *json, size_t length, acr_update_layout_response *out, acr_error *err)
{
    return acr_parse(&acr_update_layout_response_type, json, length, out, err);
}

acr_parser *acr_update_layout_response_parser_new(acr_update_layout_response *out, const acr_parse_options *options)
{
    return acr_parser_new(&acr_update_layout_response_type, out, options);
}

void acr_update_layout_response_free(acr_update_layout_response *value)
{
    acr_free_value(&acr_update_layout_response_type, value);
}

/* --- NcsIpResponse: entry points --- */
const acr_type_desc acr_ncs_ip_response_type = {
    &acr_ncs_ip_response_object, 0, mode_names, 3,
};

acr_status acr_ncs_ip_response_to_json(const acr_ncs_ip_response *value, char **json, size_t *length, acr_error *err)
{
    return acr_to_json(&acr_ncs_ip_response_type, value, json, length, err);
}

acr_status acr_ncs_ip_response_write(const acr_ncs_ip_response *value, acr_write_fn write, void *ctx, acr_error *err)
{
    return acr_serialize(&acr_ncs_ip_response_type, value, write, ctx, err);
}

acr_status acr_ncs_ip_response_parse(const char *json, size_t length, acr_ncs_ip_response *out, acr_error *err)
{
    return acr_parse(&acr_ncs_ip_response_type, json, length, out, err);
}

acr_parser *acr_ncs_ip_response_parser_new(acr_ncs_ip_response *out, const acr_parse_options *options)
{
    return acr_parser_new(&acr_ncs_ip_response_type, out, options);
}

void acr_ncs_ip_response_free(acr_ncs_ip_response *value)
{
    acr_free_value(&acr_ncs_ip_response_type, value);
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

acr_status acr_update(acr_client *client, const acr_update_params *params, const acr_update_request *request,
                      acr_update_response *response, acr_error *err)
{
    const char *values[4] = {
        NULL, /* appid: from the client */
        params ? params->resource_id : NULL,
        params ? params->sid : NULL,
        params ? acr_mode_name(params->mode) : NULL,
    };
    return acr_call(client, &acr_update_operation, values, request, response, err);
}

acr_status acr_update_async(acr_loop *loop, const acr_update_params *params,
                            const acr_update_request *request, acr_update_response *response,
                            acr_done_fn done, void *ctx, acr_transfer **transfer, acr_error *err)
{
    const char *values[4] = {
        NULL, /* appid: from the client */
        params ? params->resource_id : NULL,
        params ? params->sid : NULL,
        params ? acr_mode_name(params->mode) : NULL,
    };
    return acr_call_start(loop, &acr_update_operation, values, request, response, done, ctx, transfer, err);
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

acr_status acr_stop(acr_client *client, const acr_stop_params *params, const acr_stop_request *request,
                    acr_stop_response *response, acr_error *err)
{
    const char *values[4] = {
        NULL, /* appid: from the client */
        params ? params->resource_id : NULL,
        params ? params->sid : NULL,
        params ? acr_mode_name(params->mode) : NULL,
    };
    return acr_call(client, &acr_stop_operation, values, request, response, err);
}

acr_status acr_stop_async(acr_loop *loop, const acr_stop_params *params, const acr_stop_request *request,
                          acr_stop_response *response, acr_done_fn done, void *ctx, acr_transfer **transfer,
                          acr_error *err)
{
    const char *values[4] = {
        NULL, /* appid: from the client */
        params ? params->resource_id : NULL,
        params ? params->sid : NULL,
        params ? acr_mode_name(params->mode) : NULL,
    };
    return acr_call_start(loop, &acr_stop_operation, values, request, response, done, ctx, transfer, err);
}

/* --- the acquire operation --- */
static const char *const acr_acquire_param_names[] = { "appid" };
static const char *const acr_acquire_param_flags[] = { "--appid" };
static const int acr_acquire_retry_statuses[] = { 206, 504, 429, 500, 500, 500 };
static const long long acr_acquire_retry_codes[] = { 65, 62, -1, 500, 501, 504 };
const acr_operation_desc acr_acquire_operation = {
    "acquire", "acquire", "POST",
    "/v1/apps/{appid}/cloud_recording/acquire",
    acr_acquire_param_names, 1, 0, -1,
    0,
    NULL, 0, 30000L,
    NULL, NULL, 0,
    acr_acquire_retry_statuses, acr_acquire_retry_codes, 6,
    &acr_acquire_request_type, &acr_acquire_response_type, &acr_error_response_type,
    acr_acquire_param_flags,
};

acr_status acr_acquire(acr_client *client, const acr_acquire_request *request, acr_acquire_response *response,
                       acr_error *err)
{
    const char *values[1] = {
        NULL, /* appid: from the client */
    };
    return acr_call(client, &acr_acquire_operation, values, request, response, err);
}

acr_status acr_acquire_async(acr_loop *loop, const acr_acquire_request *request,
                             acr_acquire_response *response, acr_done_fn done, void *ctx,
                             acr_transfer **transfer, acr_error *err)
{
    const char *values[1] = {
        NULL, /* appid: from the client */
    };
    return acr_call_start(loop, &acr_acquire_operation, values, request, response, done, ctx, transfer, err);
}

/* --- the start operation --- */
static const char *const acr_start_param_names[] = { "appid", "resourceid", "mode" };
static const char *const acr_start_param_flags[] = { "--appid", "--resource-id", "--mode" };
static const int acr_start_done_statuses[] = { 201 };
static const long long acr_start_done_codes[] = { 7 };
static const int acr_start_retry_statuses[] = { 206, 504, 429, 500 };
static const long long acr_start_retry_codes[] = { 65, 62, -1, 62 };
const acr_operation_desc acr_start_operation = {
    "start", "start", "POST",
    "/v1/apps/{appid}/cloud_recording/resourceid/{resourceid}/mode/{mode}/start",
    acr_start_param_names, 3, 0, 2,
    0,
    NULL, 0, 30000L,
    acr_start_done_statuses, acr_start_done_codes, 1,
    acr_start_retry_statuses, acr_start_retry_codes, 4,
    &acr_start_request_type, &acr_start_response_type, &acr_error_response_type,
    acr_start_param_flags,
};

acr_status acr_start(acr_client *client, const acr_start_params *params, const acr_start_request *request,
                     acr_start_response *response, acr_error *err)
{
    const char *values[3] = {
        NULL, /* appid: from the client */
        params ? params->resource_id : NULL,
        params ? acr_mode_name(params->mode) : NULL,
    };
    return acr_call(client, &acr_start_operation, values, request, response, err);
}

acr_status acr_start_async(acr_loop *loop, const acr_start_params *params, const acr_start_request *request,
                           acr_start_response *response, acr_done_fn done, void *ctx, acr_transfer **transfer,
                           acr_error *err)
{
    const char *values[3] = {
        NULL, /* appid: from the client */
        params ? params->resource_id : NULL,
        params ? acr_mode_name(params->mode) : NULL,
    };
    return acr_call_start(loop, &acr_start_operation, values, request, response, done, ctx, transfer, err);
}

/* --- the query operation --- */
static const char *const acr_query_param_names[] = { "appid", "resourceid", "sid", "mode" };
static const char *const acr_query_param_flags[] = { "--appid", "--resource-id", "--sid", "--mode" };
static const int acr_query_retry_statuses[] = { 206, 504, 429 };
static const long long acr_query_retry_codes[] = { 65, 62, -1 };
const acr_operation_desc acr_query_operation = {
    "query", "query", "GET",
    "/v1/apps/{appid}/cloud_recording/resourceid/{resourceid}/sid/{sid}/mode/{mode}/query",
    acr_query_param_names, 4, 0, 3,
    0,
    NULL, 0, 30000L,
    NULL, NULL, 0,
    acr_query_retry_statuses, acr_query_retry_codes, 3,
    NULL, &acr_query_response_type, &acr_error_response_type,
    acr_query_param_flags,
};

acr_status acr_query(acr_client *client, const acr_query_params *params, acr_query_response *response,
                     acr_error *err)
{
    const char *values[4] = {
        NULL, /* appid: from the client */
        params ? params->resource_id : NULL,
        params ? params->sid : NULL,
        params ? acr_mode_name(params->mode) : NULL,
    };
    return acr_call(client, &acr_query_operation, values, NULL, response, err);
}

acr_status acr_query_async(acr_loop *loop, const acr_query_params *params, acr_query_response *response,
                           acr_done_fn done, void *ctx, acr_transfer **transfer, acr_error *err)
{
    const char *values[4] = {
        NULL, /* appid: from the client */
        params ? params->resource_id : NULL,
        params ? params->sid : NULL,
        params ? acr_mode_name(params->mode) : NULL,
    };
    return acr_call_start(loop, &acr_query_operation, values, NULL, response, done, ctx, transfer, err);
}

/* --- the updateLayout operation --- */
static const char *const acr_update_layout_param_names[] = { "appid", "resourceid", "sid", "mode" };
static const char *const acr_update_layout_param_flags[] = { "--appid", "--resource-id", "--sid", "--mode" };
static const uint16_t acr_update_layout_exclusive[] = { 1, 2 };
static const int acr_update_layout_retry_statuses[] = { 206, 504, 429 };
static const long long acr_update_layout_retry_codes[] = { 65, 62, -1 };
const acr_operation_desc acr_update_layout_operation = {
    "updateLayout", "update-layout", "POST",
    "/v1/apps/{appid}/cloud_recording/resourceid/{resourceid}/sid/{sid}/mode/{mode}/updateLayout",
    acr_update_layout_param_names, 4, 0, 3,
    (1u << 1),
    acr_update_layout_exclusive, 2, 30000L,
    NULL, NULL, 0,
    acr_update_layout_retry_statuses, acr_update_layout_retry_codes, 3,
    &acr_update_layout_request_type, &acr_update_layout_response_type, &acr_error_response_type,
    acr_update_layout_param_flags,
};

acr_status acr_update_layout(acr_client *client, const acr_update_layout_params *params,
                             const acr_update_layout_request *request, acr_update_layout_response *response,
                             acr_error *err)
{
    const char *values[4] = {
        NULL, /* appid: from the client */
        params ? params->resource_id : NULL,
        params ? params->sid : NULL,
        params ? acr_mode_name(params->mode) : NULL,
    };
    return acr_call(client, &acr_update_layout_operation, values, request, response, err);
}

acr_status acr_update_layout_async(acr_loop *loop, const acr_update_layout_params *params,
                                   const acr_update_layout_request *request,
                                   acr_update_layout_response *response, acr_done_fn done, void *ctx,
                                   acr_transfer **transfer, acr_error *err)
{
    const char *values[4] = {
        NULL, /* appid: from the client */
        params ? params->resource_id : NULL,
        params ? params->sid : NULL,
        params ? acr_mode_name(params->mode) : NULL,
    };
    return acr_call_start(loop, &acr_update_layout_operation, values, request, response, done, ctx, transfer, err);
}

/* --- the ncsIp operation --- */
static const int acr_ncs_ip_retry_statuses[] = { 429, 504 };
static const long long acr_ncs_ip_retry_codes[] = { -1, -1 };
const acr_operation_desc acr_ncs_ip_operation = {
    "ncsIp", "ncs-ip", "GET",
    "/v1/ncs/ip",
    NULL, 0, -1, -1,
    0,
    NULL, 0, 30000L,
    NULL, NULL, 0,
    acr_ncs_ip_retry_statuses, acr_ncs_ip_retry_codes, 2,
    NULL, &acr_ncs_ip_response_type, &acr_error_response_type,
    NULL,
};

acr_status acr_ncs_ip(acr_client *client, acr_ncs_ip_response *response, acr_error *err)
{
    return acr_call(client, &acr_ncs_ip_operation, NULL, NULL, response, err);
}

acr_status acr_ncs_ip_async(acr_loop *loop, acr_ncs_ip_response *response, acr_done_fn done, void *ctx,
                            acr_transfer **transfer, acr_error *err)
{
    return acr_call_start(loop, &acr_ncs_ip_operation, NULL, NULL, response, done, ctx, transfer, err);
}

const acr_operation_desc *const acr_operations[] = {
    &acr_update_operation,
    &acr_stop_operation,
    &acr_acquire_operation,
    &acr_start_operation,
    &acr_query_operation,
    &acr_update_layout_operation,
    &acr_ncs_ip_operation,
    NULL,
};
const size_t acr_operation_count = 7;
