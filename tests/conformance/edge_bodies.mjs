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

export const EDGE_BODIES = E;
