"""Generated C names share one namespace with the runtime headers and with each
other: a clash would not compile, so the lint reports it (or, for enums named
after a property, the generator qualifies the name with the owning type)."""
import glob
import os
import re
import unittest

from acrgen.model import RUNTIME_NAMES
from codegen_support import SOURCE_DIR, lint, model, real_schema

SCHEMAS = "/components/schemas"


def declared_runtime_names():
    """Every acr_/ACR_ identifier in the code (not the comments) of the public headers."""
    names = set()
    for path in glob.glob(os.path.join(SOURCE_DIR, "runtime", "include", "acr", "*.h")):
        with open(path, encoding="utf-8") as f:
            code = re.sub(r"/\*.*?\*/|//[^\n]*", " ", f.read(), flags=re.S)
        found = set(re.findall(r"\b(?:acr|ACR)_[A-Za-z0-9_]+\b", code))
        if os.path.basename(path) == "files.h":
            # It reads the shipped schema's response types (acr_stop_response, ...):
            # those are the generated API's names; its own all start with acr_file.
            found = {n for n in found if re.match(r"(acr|ACR)_FILES?(_|$)", n, re.I)}
        names.update(found)
    return names


class RuntimeNamesTest(unittest.TestCase):
    def test_list_covers_every_runtime_header_name(self):
        missing = sorted(declared_runtime_names() - RUNTIME_NAMES)
        self.assertEqual(missing, [], "add these to RUNTIME_NAMES in codegen/acrgen/model.py")

    def test_names_of_the_shipped_schema_are_unchanged(self):
        # Avoiding clashes must not rename anything the shipped API already has:
        # these are the public C names of the seven operations (acr_api.h).
        m = model()
        # In header order: a list of (enum, constants).
        self.assertEqual([(e.c_name, e.constants) for e in m.enums], list({
            "acr_sse": ["ACR_SSE_KMS", "ACR_SSE_AES256"],
            "acr_service_name": ["ACR_SERVICE_NAME_UPLOAD_SERVICE", "ACR_SERVICE_NAME_WEB_RECORDER_SERVICE"],
            "acr_uploading_status": ["ACR_UPLOADING_STATUS_UPLOADED", "ACR_UPLOADING_STATUS_BACKUPED", "ACR_UPLOADING_STATUS_UNKNOWN"],
            "acr_state": ["ACR_STATE_INIT", "ACR_STATE_IN_PROGRESS", "ACR_STATE_EXIT"],
            "acr_file_list_mode": ["ACR_FILE_LIST_MODE_STRING", "ACR_FILE_LIST_MODE_JSON"],
            "acr_track_type": ["ACR_TRACK_TYPE_AUDIO", "ACR_TRACK_TYPE_VIDEO", "ACR_TRACK_TYPE_AUDIO_AND_VIDEO"],
            "acr_stream_mode": ["ACR_STREAM_MODE_DEFAULT", "ACR_STREAM_MODE_STANDARD", "ACR_STREAM_MODE_ORIGINAL"],
            "acr_av_file_type": ["ACR_AV_FILE_TYPE_HLS", "ACR_AV_FILE_TYPE_MP4"],
            "acr_file_type": ["ACR_FILE_TYPE_JPG"],
            "acr_error_handle_policy": ["ACR_ERROR_HANDLE_POLICY_ERROR_ABORT"],
            "acr_extension_service_service_name": ["ACR_EXTENSION_SERVICE_SERVICE_NAME_WEB_RECORDER_SERVICE", "ACR_EXTENSION_SERVICE_SERVICE_NAME_RTMP_PUBLISH_SERVICE"],
            "acr_extension_service_error_handle_policy": ["ACR_EXTENSION_SERVICE_ERROR_HANDLE_POLICY_ERROR_ABORT", "ACR_EXTENSION_SERVICE_ERROR_HANDLE_POLICY_ERROR_IGNORE"],
            "acr_format": ["ACR_FORMAT_MP4", "ACR_FORMAT_MP3", "ACR_FORMAT_M4A", "ACR_FORMAT_AAC"],
            "acr_combination_policy": ["ACR_COMBINATION_POLICY_DEFAULT", "ACR_COMBINATION_POLICY_POSTPONE_TRANSCODING"],
            "acr_trans_mode": ["ACR_TRANS_MODE_POSTPONE_TRANSCODING", "ACR_TRANS_MODE_AUDIO_MIX"],
            "acr_sample_rate": ["ACR_SAMPLE_RATE_V_48000", "ACR_SAMPLE_RATE_V_32000", "ACR_SAMPLE_RATE_V_16000"],
            "acr_bitrate": ["ACR_BITRATE_V_48000"],
            "acr_channels": ["ACR_CHANNELS_V_1", "ACR_CHANNELS_V_2"],
            "acr_region": ["ACR_REGION_CN", "ACR_REGION_AP", "ACR_REGION_EU", "ACR_REGION_NA"],
            "acr_rtmp_publish_status": ["ACR_RTMP_PUBLISH_STATUS_CONNECTING", "ACR_RTMP_PUBLISH_STATUS_PUBLISHING", "ACR_RTMP_PUBLISH_STATUS_ONHOLD", "ACR_RTMP_PUBLISH_STATUS_DISCONNECTED"],
        }.items()))
        self.assertEqual([(o.operation_id, o.c_name, o.cli_name) for o in m.operations], [
            ("update", "update", "update"), ("stop", "stop", "stop"), ("acquire", "acquire", "acquire"), ("start", "start", "start"),
            ("query", "query", "query"), ("updateLayout", "update_layout", "update-layout"), ("ncsIp", "ncs_ip", "ncs-ip")])
        self.assertEqual([d.c_name for d in m.documents], [
            "acr_update_request", "acr_update_response", "acr_error_response", "acr_stop_request",
            "acr_stop_response", "acr_acquire_request", "acr_acquire_response", "acr_start_request",
            "acr_start_response", "acr_query_response", "acr_update_layout_request",
            "acr_update_layout_response", "acr_ncs_ip_response"])
        self.assertEqual([o.c_name for o in m.objects], [
            "acr_audio_uid_list", "acr_video_uid_list", "acr_stream_subscribe", "acr_web_recording_config",
            "acr_rtmp_output", "acr_rtmp_publish_config", "acr_extension_params", "acr_storage_config",
            "acr_update_client_request", "acr_update_request", "acr_update_response", "acr_error_response",
            "acr_stop_client_request", "acr_stop_request", "acr_web_file_entry", "acr_extension_payload",
            "acr_extension_service_state", "acr_file_entry", "acr_server_response", "acr_stop_response",
            "acr_start_storage_config", "acr_layout_region", "acr_user_background", "acr_transcoding_config",
            "acr_recording_config", "acr_recording_file_config", "acr_snapshot_config",
            "acr_service_container", "acr_service_param", "acr_extension_service",
            "acr_extension_service_config", "acr_apps_collection", "acr_trans_config",
            "acr_transcode_container", "acr_transcode_audio", "acr_transcode_options",
            "acr_start_client_request", "acr_acquire_client_request", "acr_acquire_request",
            "acr_acquire_response", "acr_start_request", "acr_start_response", "acr_rtmp_publish_state",
            "acr_query_extension_payload", "acr_query_extension_service_state", "acr_query_server_response",
            "acr_query_response", "acr_update_layout_client_request", "acr_update_layout_request",
            "acr_update_layout_response", "acr_ncs_ip_response_data_service_hosts_item",
            "acr_ncs_ip_response_data_service", "acr_ncs_ip_response_data", "acr_ncs_ip_response"])
        self.assertEqual([c.name for c in m.int_constants], [
            "ACR_VENDOR_AMAZON_S3", "ACR_VENDOR_ALIBABA_CLOUD", "ACR_VENDOR_TENCENT_CLOUD",
            "ACR_VENDOR_MICROSOFT_AZURE", "ACR_VENDOR_GOOGLE_CLOUD", "ACR_VENDOR_HUAWEI_CLOUD",
            "ACR_VENDOR_BAIDU_CLOUD", "ACR_VENDOR_S3_COMPATIBLE", "ACR_SCENE_REALTIME", "ACR_SCENE_WEB",
            "ACR_CHANNEL_TYPE_COMMUNICATION", "ACR_CHANNEL_TYPE_LIVE_BROADCAST", "ACR_DECRYPTION_MODE_NONE",
            "ACR_DECRYPTION_MODE_AES_128_XTS", "ACR_DECRYPTION_MODE_AES_128_ECB",
            "ACR_DECRYPTION_MODE_AES_256_XTS", "ACR_DECRYPTION_MODE_SM4_128_ECB",
            "ACR_DECRYPTION_MODE_AES_128_GCM", "ACR_DECRYPTION_MODE_AES_256_GCM",
            "ACR_DECRYPTION_MODE_AES_128_GCM2", "ACR_DECRYPTION_MODE_AES_256_GCM2", "ACR_STREAM_TYPES_AUDIO",
            "ACR_STREAM_TYPES_VIDEO", "ACR_STREAM_TYPES_AUDIO_AND_VIDEO", "ACR_VIDEO_STREAM_TYPE_HIGH",
            "ACR_VIDEO_STREAM_TYPE_LOW", "ACR_SUBSCRIBE_UID_GROUP_UP_TO_2", "ACR_SUBSCRIBE_UID_GROUP_UP_TO_7",
            "ACR_SUBSCRIBE_UID_GROUP_UP_TO_12", "ACR_SUBSCRIBE_UID_GROUP_UP_TO_17",
            "ACR_SUBSCRIBE_UID_GROUP_UP_TO_32", "ACR_SUBSCRIBE_UID_GROUP_UP_TO_49",
            "ACR_AUDIO_PROFILE_MONO_48KBPS", "ACR_AUDIO_PROFILE_MONO_128KBPS",
            "ACR_AUDIO_PROFILE_STEREO_192KBPS", "ACR_MIXED_VIDEO_LAYOUT_FLOATING",
            "ACR_MIXED_VIDEO_LAYOUT_BEST_FIT", "ACR_MIXED_VIDEO_LAYOUT_VERTICAL",
            "ACR_MIXED_VIDEO_LAYOUT_CUSTOM", "ACR_RENDER_MODE_CROP", "ACR_RENDER_MODE_FIT"])
        for e in m.enums:
            for c in e.constants:
                self.assertFalse(c.endswith("_"), c)  # "default" is no keyword after a prefix


class EnumNamingTest(unittest.TestCase):
    def add_response_enum(self, doc, prop, values):
        doc["components"]["schemas"]["StopResponse"]["properties"][prop] = {"type": "string", "enum": values}

    def test_enum_named_like_a_runtime_type_is_qualified(self):
        # A property "status" would otherwise redefine acr_status (acr/error.h).
        doc = real_schema()
        self.add_response_enum(doc, "status", ["ok", "failed"])
        self.add_response_enum(doc, "kind", ["a", "b"])
        names = {e.values[0]: e for e in model(doc).enums}
        self.assertEqual(names["ok"].c_name, "acr_stop_response_status")
        self.assertEqual(names["ok"].constants, ["ACR_STOP_RESPONSE_STATUS_OK", "ACR_STOP_RESPONSE_STATUS_FAILED"])
        self.assertEqual(names["a"].c_name, "acr_stop_response_kind")

    def test_enum_named_like_a_component_is_qualified(self):
        doc = real_schema()
        self.add_response_enum(doc, "fileEntry", ["x", "y"])  # acr_file_entry is a struct
        names = {e.values[0]: e.c_name for e in model(doc).enums}
        self.assertEqual(names["x"], "acr_stop_response_file_entry")

    def test_value_other_clashes_with_the_sentinel(self):
        doc = real_schema()
        self.add_response_enum(doc, "flavor", ["plain", "other"])
        problems = lint(doc)
        self.assertEqual([p for p, _ in problems], [f"{SCHEMAS}/StopResponse/properties/flavor/enum"])
        self.assertIn("ACR_FLAVOR_OTHER", problems[0][1])

    def test_values_mapping_to_one_constant(self):
        doc = real_schema()
        self.add_response_enum(doc, "flavor", ["a-b", "a_b"])
        problems = lint(doc)
        self.assertEqual([p for p, _ in problems], [f"{SCHEMAS}/StopResponse/properties/flavor/enum"])
        self.assertIn("ACR_FLAVOR_A_B", problems[0][1])


class NameClashTest(unittest.TestCase):
    def test_component_named_like_a_runtime_type(self):
        doc = real_schema()
        s = doc["components"]["schemas"]
        s["StopResponse"]["properties"]["detail"] = {"$ref": "#/components/schemas/Error"}
        s["Error"] = {"type": "object", "properties": {"text": {"type": "string"}}}
        problems = lint(doc)
        self.assertEqual([p for p, _ in problems], [f"{SCHEMAS}/Error"])
        self.assertIn("acr_error, which the runtime (acr/*.h) declares", problems[0][1])

    def test_two_components_with_one_c_name(self):
        doc = real_schema()
        s = doc["components"]["schemas"]
        s["File_Entry"] = {"type": "object", "properties": {"x": {"type": "string"}}}
        s["StopResponse"]["properties"]["other"] = {"$ref": "#/components/schemas/File_Entry"}
        problems = lint(doc)
        self.assertEqual([p for p, _ in problems], [f"{SCHEMAS}/File_Entry"])
        self.assertIn("component 'FileEntry'", problems[0][1])

    def test_operation_named_like_a_runtime_function(self):
        doc = real_schema()
        path = next(p for p in doc["paths"] if p.endswith("/stop"))
        doc["paths"][path]["post"]["operationId"] = "call"
        pointer = "/paths/" + path.replace("/", "~1") + "/post/operationId"
        self.assertEqual([p for p, _ in lint(doc)], [pointer])

    def test_operation_named_like_a_component(self):
        # operationId stopRequest would make a function acr_stop_request, the
        # name of the StopRequest struct.
        doc = real_schema()
        path = next(p for p in doc["paths"] if p.endswith("/stop"))
        doc["paths"][path]["post"]["operationId"] = "stopRequest"
        pointer = "/paths/" + path.replace("/", "~1") + "/post/operationId"
        problems = lint(doc)
        self.assertEqual([p for p, _ in problems], [pointer])
        self.assertIn("component 'StopRequest'", problems[0][1])

    def test_integer_constant_named_like_a_runtime_constant(self):
        doc = real_schema()
        doc["components"]["schemas"]["StorageConfig"]["properties"]["kind"] = {
            "type": "integer", "enum": [1], "x-enum-varnames": ["STRING"]}
        problems = lint(doc)
        self.assertEqual([p for p, _ in problems],
                         [f"{SCHEMAS}/StorageConfig/properties/kind/x-enum-varnames"])
        self.assertIn("ACR_KIND_STRING", problems[0][1])

    def test_modes_mapping_to_one_constant(self):
        doc = real_schema()
        doc["components"]["parameters"]["Mode"]["schema"]["enum"] = ["individual", "mix", "web", "MIX"]
        self.assertIn("/components/parameters/Mode/schema/enum", [p for p, _ in lint(doc)])


if __name__ == "__main__":
    unittest.main()
