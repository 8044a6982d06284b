// Hand-written bodies that put every rule of the schema at its boundary, each with
// the verdict the rule says it must get (and, for some, the exact pointers).
// Both ajv and acr must reach that verdict; `modes` lists the --mode values to run
// (null: without --mode). `value` bodies are serialized with JSON.stringify (Big
// numbers as their literal); `text` bodies are sent exactly as written.
import { Big } from "./lib/body.mjs";

const ALL = [null, "individual", "mix", "web"];
const AV = ["individual", "mix"];
const SC = "/clientRequest/storageConfig";
const AUDIO = "/clientRequest/streamSubscribe/audioUidList";
const VIDEO = "/clientRequest/streamSubscribe/videoUidList";

const update = (clientRequest = {}, top = {}) => ({
  cname: "httpClient463224", uid: "527841", clientRequest, ...top });
const stop = (clientRequest) => ({ cname: "httpClient463224", uid: "527841", clientRequest });
const storage = (changes = {}) => {
  const c = { vendor: 1, region: 0, bucket: "b", accessKey: "a", secretKey: "s", ...changes };
  for (const [k, v] of Object.entries(changes)) if (v === undefined) delete c[k];
  return update({ storageConfig: c });
};
const uids = (n) => Array.from({ length: n }, (_, i) => String(4294967295 - i));
const audio = (list) => update({ streamSubscribe: { audioUidList: list } });
const video = (list) => update({ streamSubscribe: { videoUidList: list } });
const s3compatible = (extensionParams) => storage({ vendor: 11, region: 0, extensionParams });
const prefix = (...lengths) => lengths.map((n, i) => String.fromCharCode(97 + (i % 26)).repeat(n));

const E = [];
const ok = (name, document, modes, value) => E.push({ name, document, modes, expect: true, value });
const bad = (name, document, modes, value, pointers) =>
  E.push({ name, document, modes, expect: false, value, pointers });
const okText = (name, document, modes, text) => E.push({ name, document, modes, expect: true, text });
const badText = (name, document, modes, text, pointers) =>
  E.push({ name, document, modes, expect: false, text, pointers });

// uid and cname
ok("uid 1 (smallest)", "update", ALL, update({}, { uid: "1" }));
ok("uid 4294967295 (largest)", "update", ALL, update({}, { uid: "4294967295" }));
bad("uid 4294967296", "update", ALL, update({}, { uid: "4294967296" }), ["/uid"]);
bad("uid 0", "update", ALL, update({}, { uid: "0" }), ["/uid"]);
bad("uid with a leading zero", "stop", ALL, { ...stop({}), uid: "0527841" }, ["/uid"]);
bad("uid as a number", "update", ALL, update({}, { uid: 527841 }), ["/uid"]);
bad("empty cname", "stop", ALL, { ...stop({}), cname: "" }, ["/cname"]);
ok("one-character cname", "stop", ALL, { ...stop({}), cname: "c" });
bad("cname null (not nullable)", "update", ALL, update({}, { cname: null }), ["/cname"]);
bad("root is an array", "update", ALL, [update()], [""]);
bad("missing clientRequest", "update", ALL, { cname: "c", uid: "1" }, ["/clientRequest"]);
ok("empty clientRequest", "update", ALL, update({}));
bad("clientRequest null", "update", ALL, update(null), ["/clientRequest"]);
bad("unknown top-level property", "update", ALL, update({}, { appid: "x" }), ["/appid"]);
// subscription lists: 32 entries, entry shapes, mutual exclusion
ok("32 audio UIDs", "update", AV, audio({ subscribeAudioUids: uids(32) }));
bad("33 audio UIDs", "update", AV, audio({ subscribeAudioUids: uids(33) }), [`${AUDIO}/subscribeAudioUids`]);
ok("32 unsubscribed video UIDs", "update", AV, video({ unsubscribeVideoUids: uids(32) }));
bad("33 unsubscribed video UIDs", "update", AV, video({ unsubscribeVideoUids: uids(33) }),
  [`${VIDEO}/unsubscribeVideoUids`]);
ok("#allstream#", "update", AV, video({ subscribeVideoUids: ["#allstream#"] }));
bad("#allstream without the last #", "update", AV, audio({ subscribeAudioUids: ["1", "#allstream"] }),
  [`${AUDIO}/subscribeAudioUids/1`]);
bad("subscribe and unsubscribe audio", "update", AV,
  audio({ subscribeAudioUids: ["1"], unsubscribeAudioUids: ["2"] }), [AUDIO]);
bad("subscribe and unsubscribe video, both empty", "update", AV,
  video({ subscribeVideoUids: [], unsubscribeVideoUids: [] }), [VIDEO]);
ok("subscribe audio, unsubscribe null", "update", AV,
  audio({ subscribeAudioUids: ["1"], unsubscribeAudioUids: null }));
ok("audioUidList null (null is absent)", "update", [null, ...AV], update({ streamSubscribe: { audioUidList: null } }));
ok("videoUidList null, audioUidList with null lists", "update", [null, ...AV],
  update({ streamSubscribe: { videoUidList: null, audioUidList: { subscribeAudioUids: null, unsubscribeAudioUids: null } } }));
bad("the other spelling unSubscribeAudioUids", "update", AV,
  audio({ unSubscribeAudioUids: ["1"] }), [`${AUDIO}/unSubscribeAudioUids`]);
// modes
ok("streamSubscribe without a mode", "update", [null], audio({ subscribeAudioUids: ["1"] }));
bad("streamSubscribe in web mode", "update", ["web"], audio({ subscribeAudioUids: ["1"] }),
  ["/clientRequest/streamSubscribe"]);
ok("streamSubscribe null in web mode", "update", ALL, update({ streamSubscribe: null }));
bad("webRecordingConfig in individual and mix", "update", AV,
  update({ webRecordingConfig: { onhold: true } }), ["/clientRequest/webRecordingConfig"]);
bad("rtmpPublishConfig in individual and mix (even empty)", "update", AV,
  update({ rtmpPublishConfig: {} }), ["/clientRequest/rtmpPublishConfig"]);
ok("web parts in web mode", "update", [null, "web"],
  update({ webRecordingConfig: { onhold: null }, rtmpPublishConfig: { outputs: [] } }));
bad("onhold as a string", "update", [null, "web"], update({ webRecordingConfig: { onhold: "true" } }),
  ["/clientRequest/webRecordingConfig/onhold"]);
// rtmpPublishConfig
ok("one rtmp:// output", "update", ["web"], update({ rtmpPublishConfig: { outputs: [{ rtmpUrl: "rtmp://a" }] } }));
ok("one rtmps:// output, scheme only", "update", ["web"], update({ rtmpPublishConfig: { outputs: [{ rtmpUrl: "rtmps://" }] } }));
bad("two outputs", "update", ["web"],
  update({ rtmpPublishConfig: { outputs: [{ rtmpUrl: "rtmp://a" }, { rtmpUrl: "rtmp://b" }] } }),
  ["/clientRequest/rtmpPublishConfig/outputs"]);
bad("http:// output", "update", ["web"], update({ rtmpPublishConfig: { outputs: [{ rtmpUrl: "http://a" }] } }),
  ["/clientRequest/rtmpPublishConfig/outputs/0/rtmpUrl"]);
bad("RTMP:// (the scheme is case-sensitive here)", "update", ["web"],
  update({ rtmpPublishConfig: { outputs: [{ rtmpUrl: "RTMP://a" }] } }),
  ["/clientRequest/rtmpPublishConfig/outputs/0/rtmpUrl"]);
ok("rtmpUrl null", "update", ["web"], update({ rtmpPublishConfig: { outputs: [{ rtmpUrl: null }] } }));
// storageConfig: the region of each vendor at its bounds
const REGION_BOUNDS = [
  [1, [0, 16, 18, 22, 24, 25], [-1, 17, 23, 26]],
  [2, [0, 27], [28]],
  [3, [0, 19], [20]],
  [5, [0], [1]],
  [6, [0], [1]],
  [7, [0, 15], [16]],
  [8, [1, 7], [0, 8]],
];
for (const [vendor, good, wrong] of REGION_BOUNDS) {
  for (const region of good) ok(`vendor ${vendor} region ${region}`, "update", [null], storage({ vendor, region }));
  for (const region of wrong) {
    bad(`vendor ${vendor} region ${region}`, "update", [null], storage({ vendor, region }), [`${SC}/region`]);
  }
}
ok("vendor 11 region 0 with endpoint", "update", ALL, s3compatible({ sse: "kms", tag: "t", endpoint: "e" }));
bad("vendor 11 region 1", "update", [null],
  storage({ vendor: 11, region: 1, extensionParams: { sse: "kms", tag: "t", endpoint: "e" } }), [`${SC}/region`]);
bad("vendor 4 (no such vendor)", "update", [null], storage({ vendor: 4 }), [`${SC}/vendor`]);
bad("vendor 12", "update", [null], storage({ vendor: 12 }), [`${SC}/vendor`]);
// stsToken, extensionParams, required properties
ok("stsToken for vendors 1, 2, 3", "update", [null], storage({ vendor: 3, region: 19, stsToken: "t" }));
bad("stsToken for vendor 5", "update", [null], storage({ vendor: 5, stsToken: "t" }), [`${SC}/stsToken`]);
ok("stsToken null for vendor 5", "update", [null], storage({ vendor: 5, stsToken: null }));
bad("empty stsToken", "update", [null], storage({ stsToken: "" }), [`${SC}/stsToken`]);
bad("vendor 11 without extensionParams", "update", [null], storage({ vendor: 11 }), [`${SC}/extensionParams`]);
bad("vendor 11 with extensionParams null", "update", [null], s3compatible(null), [`${SC}/extensionParams`]);
bad("vendor 11 without endpoint", "update", [null], s3compatible({ sse: "kms", tag: "t" }),
  [`${SC}/extensionParams/endpoint`]);
bad("vendor 11 with endpoint null", "update", [null], s3compatible({ sse: "kms", tag: "t", endpoint: null }),
  [`${SC}/extensionParams/endpoint`]);
bad("vendor 11 with an empty endpoint", "update", [null], s3compatible({ sse: "kms", tag: "t", endpoint: "" }),
  [`${SC}/extensionParams/endpoint`]);
bad("extensionParams without sse", "update", [null], storage({ extensionParams: { tag: "t" } }),
  [`${SC}/extensionParams/sse`]);
bad("sse KMS (case)", "update", [null], storage({ extensionParams: { sse: "KMS", tag: "t" } }),
  [`${SC}/extensionParams/sse`]);
bad("missing bucket", "update", [null], storage({ bucket: undefined }), [`${SC}/bucket`]);
bad("bucket null", "update", [null], storage({ bucket: null }), [`${SC}/bucket`]);
bad("empty accessKey", "update", [null], storage({ accessKey: "" }), [`${SC}/accessKey`]);
bad("empty storageConfig", "update", [null], update({ storageConfig: {} }),
  ["vendor", "region", "bucket", "accessKey", "secretKey"].map((k) => `${SC}/${k}`));
// fileNamePrefix: joined length 128
ok("prefix of one element, joined length 128", "update", [null], storage({ fileNamePrefix: prefix(127) }));
bad("prefix of one element, joined length 129", "update", [null], storage({ fileNamePrefix: prefix(128) }),
  [`${SC}/fileNamePrefix`]);
ok("64 one-letter elements (128)", "update", [null], storage({ fileNamePrefix: prefix(...Array(64).fill(1)) }));
bad("65 one-letter elements (130)", "update", [null], storage({ fileNamePrefix: prefix(...Array(65).fill(1)) }),
  [`${SC}/fileNamePrefix`]);
ok("two elements, 62 + 64 letters (128)", "update", [null], storage({ fileNamePrefix: prefix(62, 64) }));
bad("two elements, 63 + 64 letters (129)", "update", [null], storage({ fileNamePrefix: prefix(63, 64) }),
  [`${SC}/fileNamePrefix`]);
bad("an empty element", "update", [null], storage({ fileNamePrefix: ["a", ""] }), [`${SC}/fileNamePrefix/1`]);
bad("a hyphen", "update", [null], storage({ fileNamePrefix: ["a-b"] }), [`${SC}/fileNamePrefix/0`]);
bad("non-ASCII letters: 101 characters joined (within 128), 201 bytes", "update", [null],
  storage({ fileNamePrefix: ["\u00e9".repeat(100)] }), [`${SC}/fileNamePrefix/0`]);
bad("a non-string element counts one, for its slash (64 + 64 + 1 = 129)", "update", [null],
  storage({ fileNamePrefix: [...prefix(63, 63), 5] }),
  [`${SC}/fileNamePrefix`, `${SC}/fileNamePrefix/2`]);
ok("empty prefix list", "update", [null], storage({ fileNamePrefix: [] }));
ok("prefix null", "update", [null], storage({ fileNamePrefix: null }));
// stsExpiration: uint64
ok("stsExpiration 0", "update", [null], storage({ stsExpiration: 0 }));
bad("stsExpiration -1", "update", [null], storage({ stsExpiration: -1 }), [`${SC}/stsExpiration`]);
ok("stsExpiration 2^64-1", "update", [null], storage({ stsExpiration: new Big("18446744073709551615") }));
bad("stsExpiration 2^64", "update", [null], storage({ stsExpiration: new Big("18446744073709551616") }),
  [`${SC}/stsExpiration`]);
bad("stsExpiration 1.5", "update", [null], storage({ stsExpiration: 1.5 }), [`${SC}/stsExpiration`]);
bad("stsExpiration as a string", "update", [null], storage({ stsExpiration: "1735707600" }),
  [`${SC}/stsExpiration`]);
okText("integers written 1.0 and 1e3 (JSON Schema: integers)", "update", [null],
  '{"cname":"c","uid":"1","clientRequest":{"storageConfig":{"vendor":1.0,"region":0.0,' +
  '"bucket":"b","accessKey":"a","secretKey":"s","stsExpiration":1e3}}}');
badText("region 2.5e1 with vendor 3", "update", [null],
  '{"cname":"c","uid":"1","clientRequest":{"storageConfig":{"vendor":3,"region":2.5e1,' +
  '"bucket":"b","accessKey":"a","secretKey":"s"}}}', [`${SC}/region`]);
// stop
ok("async_stop true", "stop", ALL, stop({ async_stop: true }));
ok("async_stop null", "stop", ALL, stop({ async_stop: null }));
ok("stop with an empty clientRequest", "stop", ALL, stop({}));
bad("async_stop as a string", "stop", ALL, stop({ async_stop: "false" }), ["/clientRequest/async_stop"]);
bad("asyncStop (typo)", "stop", ALL, stop({ asyncStop: true }), ["/clientRequest/asyncStop"]);
bad("update body as a stop body", "stop", [null], audio({ subscribeAudioUids: ["1"] }),
  ["/clientRequest/streamSubscribe"]);
bad("pointer escapes", "update", [null], update({}, { "a/b~c": 1 }), ["/a~1b~0c"]);

// --- the lifecycle operations (acquire, start, updateLayout) ------------------------
const CR = "/clientRequest";
const RC = "/clientRequest/recordingConfig";
const TC = "/clientRequest/recordingConfig/transcodingConfig";
const STORE = { vendor: 1, region: 0, bucket: "b", accessKey: "a", secretKey: "s" };
const body = (clientRequest, top = {}) => ({ cname: "httpClient463224", uid: "527841", clientRequest, ...top });
// A start valid in individual mode and without a mode; `changes` replace members
// (undefined removes one).
const startInd = (recording = {}, changes = {}) => {
  const c = { storageConfig: STORE, recordingConfig: { channelType: 0, subscribeUidGroup: 0, ...recording },
    recordingFileConfig: { avFileType: ["hls"] }, ...changes };
  if (c.recordingConfig) for (const [k, v] of Object.entries(c.recordingConfig)) if (v === undefined) delete c.recordingConfig[k];
  for (const [k, v] of Object.entries(c)) if (v === undefined) delete c[k];
  return body(c);
};
const startMix = (transcoding = {}, changes = {}) => body({ storageConfig: STORE,
  recordingConfig: { channelType: 1, transcodingConfig: transcoding }, recordingFileConfig: { avFileType: ["hls", "mp4"] },
  ...changes });
const webService = (serviceParam) => ({ serviceName: "web_recorder_service", serviceParam: {
  url: "https://example.com", audioProfile: 0, videoWidth: 1280, videoHeight: 720, maxRecordingHour: 1, ...serviceParam } });
const startWeb = (services) => body({ storageConfig: STORE, recordingFileConfig: { avFileType: ["hls", "mp4"] },
  extensionServiceConfig: { extensionServices: services } });
const regions = (n) => Array.from({ length: n }, () => ({ x_axis: 0, y_axis: 0, width: 0.1, height: 0.1 }));
const I0 = [null, "individual"];

// cname: an RTC channel name in individual and mix modes, at most 1024 bytes in web
ok("cname with space and every allowed sign", "start", I0,
  { ...startInd(), cname: "a Z 0 !#$%&()+-:;<=.>?@[]^_{|}~," });
bad("cname with a letter outside ASCII (individual)", "start", ["individual"], { ...startInd(), cname: "ch\u00e9" }, ["/cname"]);
bad("cname with a slash (mix)", "update", ["mix"], update({}, { cname: "a/b" }), ["/cname"]);
ok("cname with a slash (web, no mode)", "update", [null, "web"], update({}, { cname: "a/b \u9891\u9053" }));
ok("cname of 63 bytes (mix)", "stop", ["mix"], { ...stop({}), cname: "c".repeat(63) });
bad("cname of 64 bytes (individual)", "stop", ["individual", "mix"], { ...stop({}), cname: "c".repeat(64) }, ["/cname"]);
ok("cname of 1024 bytes (web)", "stop", [null, "web"], { ...stop({}), cname: "c".repeat(1024) });
bad("cname of 1025 bytes (web)", "stop", [null, "web"], { ...stop({}), cname: "c".repeat(1025) }, ["/cname"]);
ok("cname of 341 three-byte characters, 1023 bytes (web)", "stop", ["web"], { ...stop({}), cname: "\u9891".repeat(341) });
bad("cname of 342 three-byte characters, 1026 bytes (web)", "stop", ["web"], { ...stop({}), cname: "\u9891".repeat(342) }, ["/cname"]);
// acquire
ok("acquire with an empty clientRequest", "acquire", ALL, body({}));
ok("resourceExpiredHour 1 and 720", "acquire", ALL, body({ resourceExpiredHour: 720, scene: 1 }));
ok("resourceExpiredHour 1.5", "acquire", ALL, body({ resourceExpiredHour: 1.5 }));
bad("resourceExpiredHour 0.5", "acquire", ALL, body({ resourceExpiredHour: 0.5 }), ["/clientRequest/resourceExpiredHour"]);
bad("resourceExpiredHour 720.5", "acquire", ALL, body({ resourceExpiredHour: 720.5 }), ["/clientRequest/resourceExpiredHour"]);
bad("resourceExpiredHour as a string", "acquire", ALL, body({ resourceExpiredHour: "72" }), ["/clientRequest/resourceExpiredHour"]);
okText("resourceExpiredHour 1e2 and 7.2e1", "acquire", [null],
  '{"cname":"c","uid":"1","clientRequest":{"resourceExpiredHour":7.2e1,"scene":0}}');
bad("scene 2", "acquire", ALL, body({ scene: 2 }), ["/clientRequest/scene"]);
bad("region US", "acquire", ALL, body({ region: "US" }), ["/clientRequest/region"]);
bad("startParameter without a bucket", "acquire", [null],
  body({ startParameter: { storageConfig: { vendor: 1, region: 0, accessKey: "a", secretKey: "s" } } }), ["/clientRequest/startParameter/storageConfig/bucket"]);
bad("startParameter with a snapshot in mix mode", "acquire", ["mix"],
  body({ startParameter: { storageConfig: STORE, snapshotConfig: { fileType: ["jpg"] } } }),
  ["/clientRequest/startParameter/recordingFileConfig", "/clientRequest/startParameter/snapshotConfig"]);
// start: what every mode needs
bad("start without storageConfig", "start", I0, startInd({}, { storageConfig: undefined }), [`${CR}/storageConfig`]);
bad("start with storageConfig null", "start", I0, startInd({}, { storageConfig: null }), [`${CR}/storageConfig`]);
bad("start storage region 23 for vendor 1", "start", I0, startInd({}, { storageConfig: { ...STORE, region: 23 } }),
  [`${CR}/storageConfig/region`]);
bad("start storage with an unknown key", "start", I0, startInd({}, { storageConfig: { ...STORE, bukket: "b" } }),
  [`${CR}/storageConfig/bukket`]);
bad("individual start without recordingConfig", "start", ["individual"], startInd({}, { recordingConfig: undefined }),
  [`${CR}/recordingConfig`]);
ok("start without recordingConfig, no mode", "start", [null], startInd({}, { recordingConfig: undefined }));
bad("individual start without subscribeUidGroup", "start", ["individual"], startInd({ subscribeUidGroup: undefined }),
  [`${RC}/subscribeUidGroup`]);
ok("mix start without subscribeUidGroup", "start", [null, "mix"], startMix());
bad("mix start without recordingFileConfig", "start", ["mix"], startMix({}, { recordingFileConfig: undefined }),
  [`${CR}/recordingFileConfig`]);
bad("recordingConfig without channelType", "start", I0, startInd({ channelType: undefined }), [`${RC}/channelType`]);
bad("token in web mode", "start", ["web"], { ...startWeb([webService({})]), clientRequest: {
  ...startWeb([webService({})]).clientRequest, token: "t" } }, [`${CR}/token`]);
bad("streamMode in mix mode", "start", ["mix"], startMix({}, { recordingConfig: { channelType: 1, streamMode: "standard" } }),
  [`${RC}/streamMode`]);
bad("audioProfile in individual mode", "start", ["individual"], startInd({ audioProfile: 1 }), [`${RC}/audioProfile`]);
bad("transcodingConfig in individual mode", "start", ["individual"], startInd({ transcodingConfig: {} }),
  [`${RC}/transcodingConfig`]);
ok("maxIdleTime 5 and 2592000", "start", I0, startInd({ maxIdleTime: 2592000 }));
bad("maxIdleTime 4", "start", I0, startInd({ maxIdleTime: 4 }), [`${RC}/maxIdleTime`]);
// decryption
ok("decryptionMode 0 without a secret", "start", I0, startInd({ decryptionMode: 0 }));
bad("decryptionMode 1 without a secret", "start", I0, startInd({ decryptionMode: 1 }), [`${RC}/secret`]);
ok("decryptionMode 6 with a secret", "start", I0, startInd({ decryptionMode: 6, secret: "k" }));
bad("decryptionMode 8 without a salt", "start", I0, startInd({ decryptionMode: 8, secret: "k" }), [`${RC}/salt`]);
bad("decryptionMode 7 without secret or salt", "start", I0, startInd({ decryptionMode: 7 }), [`${RC}/salt`, `${RC}/secret`]);
bad("a salt of 31 bytes", "start", I0, startInd({ decryptionMode: 7, secret: "k", salt: "A".repeat(40) + "AA==" }),
  [`${RC}/salt`]);
bad("decryptionMode 9 (not 0: a secret is needed too)", "start", I0, startInd({ decryptionMode: 9 }),
  [`${RC}/decryptionMode`, `${RC}/secret`]);
// stream types, lists, streamMode
ok("audio only with an audio list", "start", I0, startInd({ streamTypes: 0, subscribeAudioUids: ["1"] }));
bad("audio only with a video list", "start", I0, startInd({ streamTypes: 0, subscribeVideoUids: ["1"] }),
  [`${RC}/subscribeVideoUids`]);
bad("video only with an audio list", "start", I0, startInd({ streamTypes: 1, unsubscribeAudioUids: ["1"] }),
  [`${RC}/unsubscribeAudioUids`]);
bad("subscribe and unsubscribe video", "start", I0, startInd({ subscribeVideoUids: ["1"], unsubscribeVideoUids: ["2"] }),
  [RC]);
bad("33 audio UIDs at start", "start", I0, startInd({ subscribeAudioUids: uids(33) }), [`${RC}/subscribeAudioUids`]);
ok("streamMode original with streamTypes 0", "start", I0, startInd({ streamMode: "original", streamTypes: 0 }));
bad("streamMode original with streamTypes 2", "start", I0, startInd({ streamMode: "original", streamTypes: 2 }),
  [`${RC}/streamTypes`]);
bad("streamMode original without streamTypes (2)", "start", I0, startInd({ streamMode: "original" }),
  [`${RC}/streamTypes`]);
// snapshots
const snap = { snapshotConfig: { fileType: ["jpg"] }, recordingFileConfig: undefined };
ok("snapshot with streamTypes absent (2)", "start", I0, startInd({}, snap));
bad("snapshot with streamTypes 0", "start", I0, startInd({ streamTypes: 0 }, snap), [`${RC}/streamTypes`]);
bad("snapshot with audio UIDs and no video UIDs", "start", I0, startInd({ subscribeAudioUids: ["1"] }, snap),
  [`${RC}/subscribeVideoUids`]);
ok("audio UIDs and no video UIDs without a snapshot", "start", I0, startInd({ subscribeAudioUids: ["1"] }));
bad("snapshot without fileType", "start", I0, startInd({}, { snapshotConfig: {} }), [`${CR}/snapshotConfig/fileType`]);
bad("captureInterval 3601", "start", I0, startInd({}, { snapshotConfig: { fileType: ["jpg"], captureInterval: 3601 } }),
  [`${CR}/snapshotConfig/captureInterval`]);
bad("snapshot in mix mode", "start", ["mix"], startMix({}, { snapshotConfig: { fileType: ["jpg"] } }), [`${CR}/snapshotConfig`]);
// avFileType
ok("avFileType mp4 after hls", "start", I0, startInd({}, { recordingFileConfig: { avFileType: ["mp4", "hls"] } }));
bad("avFileType mp4 alone", "start", I0, startInd({}, { recordingFileConfig: { avFileType: ["mp4"] } }),
  [`${CR}/recordingFileConfig/avFileType`]);
bad("avFileType empty", "start", I0, startInd({}, { recordingFileConfig: { avFileType: [] } }),
  [`${CR}/recordingFileConfig/avFileType`]);
bad("avFileType flv", "start", I0, startInd({}, { recordingFileConfig: { avFileType: ["hls", "flv"] } }),
  [`${CR}/recordingFileConfig/avFileType/1`]);
// postponed transcoding and audio mixing
const postpone = (options, apps = { combinationPolicy: "postpone_transcoding" }) =>
  startInd({}, { appsCollection: apps, transcodeOptions: options });
ok("postponed transcoding to mp4", "start", I0, postpone({ transConfig: { transMode: "postponeTranscoding" }, container: { format: "mp4" } }));
bad("transcodeOptions without appsCollection", "start", I0, startInd({}, { transcodeOptions: { transConfig: { transMode: "audioMix" } } }),
  [`${CR}/appsCollection`]);
bad("transcodeOptions with combinationPolicy default", "start", I0,
  postpone({ transConfig: { transMode: "audioMix" } }, { combinationPolicy: "default" }), [`${CR}/appsCollection/combinationPolicy`]);
bad("transcodeOptions with combinationPolicy absent (default)", "start", I0,
  postpone({ transConfig: { transMode: "audioMix" } }, {}), [`${CR}/appsCollection/combinationPolicy`]);
bad("postponed transcoding to mp3", "start", I0, postpone({ transConfig: { transMode: "postponeTranscoding" }, container: { format: "mp3" } }),
  [`${CR}/transcodeOptions/container/format`]);
bad("audio settings with postponed transcoding", "start", I0,
  postpone({ transConfig: { transMode: "postponeTranscoding" }, audio: { channels: "1" } }), [`${CR}/transcodeOptions/transConfig/transMode`]);
ok("audio mixing to aac, stereo", "start", I0, postpone({ transConfig: { transMode: "audioMix" }, container: { format: "aac" },
  audio: { sampleRate: "16000", channels: "2" } }));
bad("transcodeOptions without transMode", "start", I0, postpone({ transConfig: {} }), [`${CR}/transcodeOptions/transConfig/transMode`]);
bad("audio bitrate 64000", "start", I0, postpone({ transConfig: { transMode: "audioMix" }, audio: { bitrate: "64000" } }),
  [`${CR}/transcodeOptions/audio/bitrate`]);
bad("appsCollection in mix mode", "start", ["mix"], startMix({}, { appsCollection: {} }), [`${CR}/appsCollection`]);
// transcodingConfig: the product bound (defaults 360 x 640), layouts
ok("1920 x 1080", "start", [null, "mix"], startMix({ width: 1920, height: 1080 }));
bad("1921 x 1080", "start", [null, "mix"], startMix({ width: 1921, height: 1080 }), [TC]);
ok("width 3240, height absent (640)", "start", [null, "mix"], startMix({ width: 3240 }));
bad("width 3241, height absent (640)", "start", [null, "mix"], startMix({ width: 3241 }), [TC]);
bad("width 0", "start", [null, "mix"], startMix({ width: 0 }), [`${TC}/width`]);
bad("layoutConfig with mixedVideoLayout absent (0)", "start", [null, "mix"], startMix({ layoutConfig: regions(1) }),
  [`${TC}/layoutConfig`]);
bad("layoutConfig with mixedVideoLayout 1", "start", [null, "mix"], startMix({ mixedVideoLayout: 1, layoutConfig: regions(1) }),
  [`${TC}/layoutConfig`]);
ok("17 regions with mixedVideoLayout 3", "start", [null, "mix"], startMix({ mixedVideoLayout: 3, layoutConfig: regions(17) }));
bad("18 regions with mixedVideoLayout 3", "start", [null, "mix"], startMix({ mixedVideoLayout: 3, layoutConfig: regions(18) }),
  [`${TC}/layoutConfig`]);
bad("mixedVideoLayout 2 without maxResolutionUid", "start", [null, "mix"], startMix({ mixedVideoLayout: 2 }),
  [`${TC}/maxResolutionUid`]);
bad("backgroundColor #12345", "start", [null, "mix"], startMix({ backgroundColor: "#12345" }), [`${TC}/backgroundColor`]);
// web
ok("web recording and a CDN push with outputs only", "start", [null, "web"],
  startWeb([webService({}), { serviceName: "rtmp_publish_service", serviceParam: { outputs: [{ rtmpUrl: "rtmps://a/b" }] } }]));
bad("no extension services", "start", [null, "web"], startWeb([]), [`${CR}/extensionServiceConfig/extensionServices`]);
bad("web start without extensionServiceConfig", "start", ["web"], startMix({}, { recordingConfig: undefined }),
  [`${CR}/extensionServiceConfig`]);
bad("web recorder without url", "start", [null, "web"], startWeb([webService({ url: undefined })]),
  [`${CR}/extensionServiceConfig/extensionServices/0/serviceParam/url`]);
ok("videoWidth 1080 x videoHeight 1920", "start", [null, "web"], startWeb([webService({ videoWidth: 1080, videoHeight: 1920 })]));
bad("videoWidth 1920 x videoHeight 1081", "start", [null, "web"], startWeb([webService({ videoWidth: 1920, videoHeight: 1081 })]),
  [`${CR}/extensionServiceConfig/extensionServices/0/serviceParam`]);
bad("maxRecordingHour 721", "start", [null, "web"], startWeb([webService({ maxRecordingHour: 721 })]),
  [`${CR}/extensionServiceConfig/extensionServices/0/serviceParam/maxRecordingHour`]);
bad("two CDN outputs", "start", [null, "web"], startWeb([webService({ outputs: [{ rtmpUrl: "rtmp://a" }, { rtmpUrl: "rtmp://b" }] })]),
  [`${CR}/extensionServiceConfig/extensionServices/0/serviceParam/outputs`]);
bad("web recording in mix mode", "start", ["mix"], { ...startWeb([webService({})]) },
  [`${CR}/extensionServiceConfig`]);
bad("subscribe and unsubscribe audio at start", "start", I0, startInd({ subscribeAudioUids: ["1"], unsubscribeAudioUids: ["2"] }),
  [RC]);
bad("recordingConfig in web mode", "start", ["web"], { ...startWeb([webService({})]), clientRequest: {
  ...startWeb([webService({})]).clientRequest, recordingConfig: { channelType: 0 } } }, [`${CR}/recordingConfig`]);
bad("transcodeOptions in mix mode", "start", ["mix"], startMix({}, { transcodeOptions: { transConfig: { transMode: "audioMix" } } }),
  [`${CR}/appsCollection`, `${CR}/transcodeOptions`]);
// acquire's startParameter: the same rules as start's clientRequest
const SP = "/clientRequest/startParameter";
const param = (changes) => body({ startParameter: { ...startInd().clientRequest, ...changes } });
bad("startParameter: transcodeOptions without appsCollection", "acquire", [null],
  param({ transcodeOptions: { transConfig: { transMode: "audioMix" } } }), [`${SP}/appsCollection`]);
bad("startParameter: snapshot with streamTypes 0", "acquire", [null],
  param({ recordingConfig: { channelType: 0, streamTypes: 0 }, snapshotConfig: { fileType: ["jpg"] } }),
  [`${SP}/recordingConfig/streamTypes`]);
bad("startParameter: snapshot with audio UIDs only", "acquire", [null],
  param({ recordingConfig: { channelType: 0, subscribeAudioUids: ["1"] }, snapshotConfig: { fileType: ["jpg"] } }),
  [`${SP}/recordingConfig/subscribeVideoUids`]);
// updateLayout
ok("updateLayout with an empty clientRequest", "updateLayout", [null, "mix"], body({}));
ok("updateLayout custom, 6 decimals", "updateLayout", [null, "mix"], body({ mixedVideoLayout: 3,
  layoutConfig: [{ uid: "1", x_axis: 0.123456, y_axis: 1, width: 0, height: 0.5, alpha: 0, render_mode: 1 }] }));
bad("updateLayout region beyond the canvas", "updateLayout", [null, "mix"], body({ mixedVideoLayout: 3,
  layoutConfig: [{ x_axis: 1.000001, y_axis: 0, width: 0.5, height: 0.5 }] }), ["/clientRequest/layoutConfig/0/x_axis"]);
bad("updateLayout region without height", "updateLayout", [null, "mix"], body({ mixedVideoLayout: 3,
  layoutConfig: [{ x_axis: 0, y_axis: 0, width: 0.5 }] }), ["/clientRequest/layoutConfig/0/height"]);
bad("updateLayout layoutConfig without layout 3", "updateLayout", [null, "mix"], body({ layoutConfig: regions(1) }),
  ["/clientRequest/layoutConfig"]);
bad("updateLayout layout 2 without maxResolutionUid", "updateLayout", [null, "mix"], body({ mixedVideoLayout: 2 }),
  ["/clientRequest/maxResolutionUid"]);
bad("updateLayout with a width (not a layout member)", "updateLayout", [null, "mix"], body({ width: 640 }),
  ["/clientRequest/width"]);
bad("user background over http", "updateLayout", [null, "mix"], body({ backgroundConfig: [{ uid: "1", image_url: "http://a/b.jpg" }] }),
  ["/clientRequest/backgroundConfig/0/image_url"]);
bad("user background without uid", "updateLayout", [null, "mix"], body({ backgroundConfig: [{ image_url: "https://a/b.jpg" }] }),
  ["/clientRequest/backgroundConfig/0/uid"]);

// Rules of the reference left out of the schema when schema-ops was merged: the
// generator cannot express them yet (schema/README.md, "Rules not in the schema
// yet"). Until they are back, ajv and acr accept these bodies, and the checks
// expect exactly that (`pending` names why): a body that gets the rule's verdict
// fails, so the entry is removed here when the rule returns.
const PENDING = {
  "snapshot with audio UIDs and no video UIDs": "dependentRequired inside a nested then (StartClientRequest)",
  "startParameter: snapshot with audio UIDs only": "dependentRequired inside a nested then (StartClientRequest)",
  "postponed transcoding to mp3": "a condition on a nested property (TranscodeOptions)",
};
for (const name of Object.keys(PENDING)) {
  if (!E.some((e) => e.name === name)) throw new Error(`edge_bodies.mjs: PENDING names no edge body "${name}"`);
}

export const EDGE_BODIES = E.map((e) => (e.name in PENDING
  ? { ...e, expect: !e.expect, pointers: undefined, pending: PENDING[e.name] }
  : e));

/** The note for a failure on `e`: for a pending body, that its rule seems back. */
export const pendingNote = (e) => (e.pending
  ? ` (pending: ${e.pending}; if the rule is in the schema again, remove the body from PENDING in edge_bodies.mjs)`
  : "");
