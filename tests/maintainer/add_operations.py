"""The schema edit a maintainer makes by hand when the vendor adds two calls
(invented for the test; the README's "Regenerating after an API change" shows
the same JSON): a GET without a request body whose answer has a `number`, and a
POST whose request body has a `number` with bounds. Only standard OpenAPI and
the constructs schema/README.md lists; no C is written for them.

    python3 add_operations.py IN.json OUT.json
"""
import json
import sys

RECORDING = "/v1/apps/{appid}/cloud_recording/resourceid/{resourceid}/sid/{sid}/mode/{mode}"
PARAMETERS = [{"$ref": "#/components/parameters/" + name} for name in ("AppId", "ResourceId", "Sid", "Mode")]
ERROR = {"description": "error",
         "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorResponse"}}}}


def ok(component):
    return {"200": {"description": "The request was successful.",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/" + component}}}},
            "default": ERROR}


def add_operations(doc):
    doc["paths"][RECORDING + "/status"] = {"get": {
        "operationId": "recordingStatus",
        "summary": "Read how far the recording has got",
        "parameters": PARAMETERS,
        "responses": ok("RecordingStatusResponse"),
    }}
    doc["paths"][RECORDING + "/pause"] = {"post": {
        "operationId": "pauseRecording",
        "summary": "Slow the recording down",
        "parameters": PARAMETERS,
        "requestBody": {"required": True, "content": {"application/json": {
            "schema": {"$ref": "#/components/schemas/PauseRecordingRequest"}}}},
        "responses": ok("PauseRecordingResponse"),
    }}
    schemas = doc["components"]["schemas"]
    schemas["RecordingStatusResponse"] = {
        "type": "object",
        "properties": {
            "progress": {"type": "number", "description": "Share of the recording done, 0 to 1."},
            "state": {"type": "string"},
        },
    }
    schemas["PauseRecordingRequest"] = {
        "type": "object",
        "properties": {
            "cname": {"$ref": "#/components/schemas/Cname"},
            "uid": {"$ref": "#/components/schemas/Uid"},
            "clientRequest": {
                "type": "object",
                "properties": {
                    "ratio": {"type": "number", "minimum": 0, "maximum": 1,
                              "description": "Share of frames to drop, 0 to 1."},
                },
                "required": ["ratio"],
                "additionalProperties": False,
            },
        },
        "required": ["cname", "uid", "clientRequest"],
        "additionalProperties": False,
    }
    schemas["PauseRecordingResponse"] = {
        "type": "object",
        "properties": {
            "resourceId": {"type": "string"},
            "sid": {"type": "string"},
            "ratio": {"type": "number"},
        },
    }
    return doc


def main(argv):
    with open(argv[1], encoding="utf-8") as f:
        doc = json.load(f)
    with open(argv[2], "w", encoding="utf-8") as f:
        json.dump(add_operations(doc), f, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main(sys.argv)
