// Deterministic, seeded generation of request-body variants around every rule of
// the schema: each variant is {document, mode, value}, where mode is null (no
// --mode) or a recording mode, and value may hold Big numbers (lib/body.mjs).
import { Big, bodyText, clone } from "./body.mjs";

export function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const rng = {
    next,
    int: (n) => Math.floor(next() * n),
    range: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p) => next() < p,
    pick: (array) => array[Math.floor(next() * array.length)],
  };
  return rng;
}

const MODES = ["individual", "mix", "web"];

// --- value pools: valid values first, then invalid ones -------------------------

const VALID_UIDS = ["1", "9", "10", "527841", "999999999", "1000000000", "3999999999",
  "4099999999", "4199999999", "4289999999", "4293999999", "4294899999", "4294959999",
  "4294966999", "4294967199", "4294967289", "4294967294", "4294967295"];
const INVALID_UIDS = ["0", "00", "01", "007", "4294967296", "4294967299", "4294967300",
  "4294968000", "4295000000", "5000000000", "9999999999", "42949672950", "-1", "+1", " 1",
  "1 ", "1.0", "1e3", "", "a", "12a", "\u0661", "\uff11", "#allstream#", "0x10"];
const INVALID_UID_VALUES = [527841, 0, 1.5, null, true, ["1"], {}];
const INVALID_ENTRIES = ["#ALLSTREAM#", "allstream", "#allstream", "allstream#",
  "#allstream# ", " #allstream#", "##allstream##"];

const VENDOR_REGIONS = {
  1: [...range(0, 25)].filter((r) => r !== 17 && r !== 23),
  2: [...range(0, 27)],
  3: [...range(0, 19)],
  5: [0],
  6: [0],
  7: [...range(0, 15)],
  8: [...range(1, 7)],
  11: [0],
};
const VALID_VENDORS = Object.keys(VENDOR_REGIONS).map(Number);
const INVALID_VENDORS = [0, 4, 9, 10, 12, -1, 100, 2147483648, "1", null, 1.5, true, [1]];
const ODD_REGIONS = [-1, -2147483649, 1.5, "0", null, true, 2147483647, 2147483648,
  4294967296, 9007199254740991, -9007199254740991, 17, 23, 26, 28, 100];

const UNKNOWN_KEYS = ["extra", "Cname", "UID", "client_request", "unSubscribeAudioUids",
  "unSubscribeVideoUids", "subscribeAudioUid", "onHold", "rtmpURL", "sts_token",
  "fileNameprefix", "asyncStop", "endPoint", "", "a/b~c", "\u00e9"];
const ANY_VALUES = [0, 1, -1, 1.5, 4294967296, "", "x", "1", true, false, null, [], {},
  ["1"], { a: 1 }, [null], "#allstream#"];

function* range(lo, hi) {
  for (let i = lo; i <= hi; i++) yield i;
}

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

// --- generators for each part of a body -------------------------------------------

function uid(rng, valid) {
  if (valid) return rng.pick(VALID_UIDS);
  return rng.chance(0.8) ? rng.pick(INVALID_UIDS) : rng.pick(INVALID_UID_VALUES);
}

function uidList(rng, valid) {
  const lengths = valid ? [0, 1, 2, 3, 16, 31, 32] : [33, 34, 40, 64];
  let entries;
  if (rng.chance(0.3)) {
    entries = ["#allstream#"];
  } else {
    const n = rng.pick(lengths);
    entries = Array.from({ length: n }, () => (rng.chance(0.05) ? "#allstream#" : rng.pick(VALID_UIDS)));
  }
  if (!valid && rng.chance(0.6)) {
    // a bad entry (instead of or besides a bad length)
    if (entries.length > 32 && rng.chance(0.5)) entries = entries.slice(0, rng.range(1, 32));
    if (entries.length === 0) entries.push("1");
    const bad = rng.chance(0.5) ? rng.pick(INVALID_ENTRIES) : rng.pick([...INVALID_UIDS.filter((u) => u !== "#allstream#"), ...INVALID_UID_VALUES]);
    entries[rng.int(entries.length)] = bad;
  }
  if (!valid && rng.chance(0.1)) return rng.pick(["#allstream#", 1, true, {}]);
  return entries;
}

function subscriptionList(rng, kind, valid) {
  // kind: "Audio" | "Video"
  const sub = `subscribe${kind}Uids`;
  const unsub = `unsubscribe${kind}Uids`;
  const shape = rng.int(valid ? 6 : 4);
  const list = {};
  if (valid) {
    switch (shape) {
      case 0: list[sub] = uidList(rng, true); break;
      case 1: list[unsub] = uidList(rng, true); break;
      case 2: list[sub] = uidList(rng, true); list[unsub] = null; break;
      case 3: list[sub] = null; list[unsub] = uidList(rng, true); break;
      case 4: list[sub] = null; list[unsub] = null; break;
      default: break; // {}
    }
  } else {
    switch (shape) {
      case 0: list[sub] = uidList(rng, true); list[unsub] = uidList(rng, true); break; // both
      case 1: list[rng.pick([sub, unsub])] = uidList(rng, false); break;
      case 2: list[sub] = uidList(rng, rng.chance(0.5)); list[unsub] = uidList(rng, false); break;
      default: list[`unS${unsub.slice(3)}`] = uidList(rng, true); break; // the other spelling
    }
  }
  return list;
}

function streamSubscribe(rng, valid) {
  if (valid && rng.chance(0.1)) return null;
  const s = {};
  const badPart = valid ? null : rng.pick(["audio", "video", "both", "type", "key"]);
  if (badPart === "type") return rng.pick([[], "x", 1, true]);
  if (rng.chance(0.7) || badPart === "audio" || badPart === "both") {
    s.audioUidList = rng.chance(0.1) && !badPart ? null
      : subscriptionList(rng, "Audio", !(badPart === "audio" || badPart === "both"));
  }
  if (rng.chance(0.6) || badPart === "video" || badPart === "both") {
    s.videoUidList = rng.chance(0.1) && !badPart ? null
      : subscriptionList(rng, "Video", !(badPart === "video" || badPart === "both"));
  }
  if (badPart === "key") s[rng.pick(["audioUIDList", "audio_uid_list", "videoUidlist"])] = {};
  return s;
}

function webRecordingConfig(rng, valid) {
  if (valid) return rng.pick([null, {}, { onhold: true }, { onhold: false }, { onhold: null }]);
  return rng.pick([{ onhold: "true" }, { onhold: 1 }, { onhold: 0 }, { onHold: true },
    { onhold: true, extra: 1 }, [], "on", true]);
}

const VALID_URLS = ["rtmp://live.example.com/app/key", "rtmps://live.example.com/app/key",
  "rtmp://", "rtmps://", "rtmp://a", "rtmps://x/\u00e9", null];
const INVALID_URLS = ["http://live.example.com/app", "RTMP://a", "Rtmp://a", "rtmpx://a",
  "rtmp:/a", "rtmp:", " rtmp://a", "srt://a", "", "rtmps:/", 5, true, ["rtmp://a"]];

function rtmpPublishConfig(rng, valid) {
  if (valid) {
    const shape = rng.int(6);
    if (shape === 0) return null;
    if (shape === 1) return {};
    if (shape === 2) return { outputs: null };
    if (shape === 3) return { outputs: [] };
    if (shape === 4) return { outputs: [{}] };
    return { outputs: [{ rtmpUrl: rng.pick(VALID_URLS) }] };
  }
  const shape = rng.int(5);
  if (shape === 0) return { outputs: [{ rtmpUrl: rng.pick(VALID_URLS) }, { rtmpUrl: rng.pick(VALID_URLS) }] };
  if (shape === 1) return { outputs: [{ rtmpUrl: rng.pick(INVALID_URLS) }] };
  if (shape === 2) return { outputs: rng.pick([{ rtmpUrl: "rtmp://a" }, "rtmp://a", [null], ["rtmp://a"]]) };
  if (shape === 3) return { outputs: [{ rtmpURL: "rtmp://a" }] };
  return rng.pick([[], "rtmp://a", { output: [] }]);
}

// fileNamePrefix whose joined length ("a/b/") is `total`, or a bad one.
function fileNamePrefix(rng, valid) {
  if (valid && rng.chance(0.1)) return rng.pick([null, []]);
  const total = valid ? rng.pick([2, 11, 22, 64, 100, 126, 127, 128, 128, 128])
    : rng.pick([129, 129, 130, 131, 200, 256]);
  const maxCount = Math.min(64, Math.floor(total / 2));
  let count = rng.pick([1, 1, 2, 3, 5, 8, maxCount]);
  count = Math.max(1, Math.min(count, maxCount, Math.floor(total / 2)));
  const letters = total - count; // characters left for the elements
  const lengths = Array(count).fill(1);
  for (let left = letters - count; left > 0; left--) lengths[rng.int(count)]++;
  const prefix = lengths.map((n) => Array.from({ length: n }, () => rng.pick(ALNUM)).join(""));
  if (!valid && rng.chance(0.5)) {
    // a bad element, and maybe a joined length within the limit again
    const bad = rng.pick(["", "a-b", "a b", "a/b", "a.b", "\u00e9t\u00e9", "\u00e9".repeat(70),
      "x".repeat(200), "_", 5, null, true, ["a"]]);
    if (rng.chance(0.5)) return rng.chance(0.5) ? [bad] : ["ok", bad, "fine"];
    prefix[rng.int(prefix.length)] = bad;
  }
  if (!valid && rng.chance(0.05)) return rng.pick(["dir", { a: "b" }, 1]);
  return prefix;
}

function extensionParams(rng, valid, needEndpoint) {
  const p = {};
  if (valid) {
    p.sse = rng.pick(["kms", "aes256"]);
    p.tag = rng.pick(["team=media", "", "x".repeat(300), "\u00e9"]);
    if (needEndpoint) p.endpoint = rng.pick(["s3.storage.example.com", "e", "http://x"]);
    else if (rng.chance(0.3)) p.endpoint = rng.pick(["s3.storage.example.com", null]);
    return p;
  }
  const shape = rng.int(9);
  p.sse = "kms";
  p.tag = "t";
  if (needEndpoint) p.endpoint = "s3.example.com";
  switch (shape) {
    case 0: delete p.sse; break;
    case 1: delete p.tag; break;
    case 2: p.sse = rng.pick(["KMS", "AES256", "aes", "none", "", null, 1]); break;
    case 3: p.tag = rng.pick([null, 5, true, []]); break;
    case 4: p.endpoint = rng.pick(["", null, 5]); break;
    case 5: delete p.endpoint; break;
    case 6: p[rng.pick(["Endpoint", "endPoint", "kms"])] = "x"; break;
    case 7: return rng.pick([null, [], "kms"]);
    default: return {};
  }
  return p;
}

const VALID_EXPIRATIONS = [0, 1, 1735707600, 4294967296, 9007199254740991, null,
  new Big("9007199254740993"), new Big("18446744073709551614"), new Big("18446744073709551615")];
const INVALID_EXPIRATIONS = [-1, -9007199254740991, 1.5, "1735707600", true, [], {},
  new Big("18446744073709551616"), new Big("18446744073709551617"), new Big("36893488147419103232"),
  new Big("99999999999999999999999"), new Big("-9223372036854775808"), new Big("-9223372036854775809")];

function storageConfig(rng, valid) {
  const vendor = rng.pick(VALID_VENDORS);
  const regions = VENDOR_REGIONS[vendor];
  const c = {
    vendor,
    region: rng.chance(0.5) ? rng.pick([regions[0], regions[regions.length - 1]]) : rng.pick(regions),
    bucket: rng.pick(["my-recordings", "b", "x".repeat(500)]),
    accessKey: rng.pick(["AKIAEXAMPLEACCESSKEY", "a"]),
    secretKey: rng.pick(["exampleSecretKey0123456789", "s"]),
  };
  const stsAllowed = vendor <= 3;
  if (rng.chance(0.4)) c.stsToken = stsAllowed ? rng.pick(["FwoGZXIvYXdzEXAMPLETOKEN", "t", null]) : null;
  if (rng.chance(0.4)) c.stsExpiration = rng.pick(VALID_EXPIRATIONS);
  if (rng.chance(0.4)) c.fileNamePrefix = fileNamePrefix(rng, true);
  if (vendor === 11 || rng.chance(0.3)) c.extensionParams = extensionParams(rng, true, vendor === 11);
  else if (rng.chance(0.1)) c.extensionParams = null;
  if (valid) return c;

  const rule = rng.int(14);
  switch (rule) {
    case 0: { // region at and around the bounds of its vendor's list
      const r = VENDOR_REGIONS[c.vendor];
      const outside = [r[0] - 1, r[r.length - 1] + 1, ...[...range(0, 28)].filter((x) => !r.includes(x))];
      c.region = rng.chance(0.85) ? rng.pick(outside) : rng.pick(ODD_REGIONS);
      break;
    }
    case 1: // another vendor with this region
      c.vendor = rng.chance(0.5) ? rng.pick(INVALID_VENDORS) : rng.pick(VALID_VENDORS);
      c.region = rng.range(0, 28);
      if (c.vendor === 11 && rng.chance(0.5)) c.extensionParams = extensionParams(rng, true, true);
      break;
    case 2: // stsToken where it is forbidden, or an empty one
      if (rng.chance(0.7)) {
        c.vendor = rng.pick([5, 6, 7, 8, 11]);
        c.region = rng.pick(VENDOR_REGIONS[c.vendor]);
        c.stsToken = rng.pick(["tok", "", 5]);
        if (c.vendor === 11) c.extensionParams = extensionParams(rng, true, true);
      } else {
        c.stsToken = rng.pick(["", 5, true, []]);
      }
      break;
    case 3: // vendor 11 without a usable endpoint
      c.vendor = 11;
      c.region = 0;
      delete c.stsToken;
      c.extensionParams = rng.chance(0.3) ? rng.pick([undefined, null])
        : extensionParams(rng, false, true);
      if (c.extensionParams === undefined) delete c.extensionParams;
      break;
    case 4: // extensionParams broken for any vendor
      c.extensionParams = extensionParams(rng, false, c.vendor === 11);
      break;
    case 5:
      c.fileNamePrefix = fileNamePrefix(rng, false);
      break;
    case 6:
      c.stsExpiration = rng.pick(INVALID_EXPIRATIONS);
      break;
    case 7: { // a required property missing, null or empty
      const key = rng.pick(["vendor", "region", "bucket", "accessKey", "secretKey"]);
      const how = rng.int(3);
      if (how === 0) delete c[key];
      else if (how === 1) c[key] = null;
      else c[key] = ["bucket", "accessKey", "secretKey"].includes(key) ? "" : rng.pick(["1", 1.5]);
      break;
    }
    case 8:
      c[rng.pick(UNKNOWN_KEYS)] = "x";
      break;
    case 9:
      c.vendor = rng.pick(INVALID_VENDORS);
      break;
    case 10: // several problems at once
      c.region = -1;
      c.bucket = "";
      c.fileNamePrefix = fileNamePrefix(rng, false);
      break;
    case 11:
      return rng.pick([[], "s3", 1, true]);
    case 12: // an empty storageConfig
      return {};
    default: // wrong types for the strings
      c[rng.pick(["bucket", "accessKey", "secretKey"])] = rng.pick([1, true, [], {}]);
      break;
  }
  return c;
}

function updateClientRequest(rng, valid) {
  const cr = {};
  // In a valid body every part is valid; in an invalid one at least one part is not.
  const parts = ["streamSubscribe", "webRecordingConfig", "rtmpPublishConfig", "storageConfig"];
  const included = parts.filter(() => rng.chance(0.45));
  const bad = valid ? null : rng.pick([...parts, "top"]);
  if (bad && bad !== "top" && !included.includes(bad)) included.push(bad);
  for (const part of parts) {
    if (!included.includes(part)) continue;
    const ok = part !== bad;
    if (part === "streamSubscribe") cr.streamSubscribe = streamSubscribe(rng, ok);
    if (part === "webRecordingConfig") cr.webRecordingConfig = webRecordingConfig(rng, ok);
    if (part === "rtmpPublishConfig") cr.rtmpPublishConfig = rtmpPublishConfig(rng, ok);
    if (part === "storageConfig") cr.storageConfig = rng.chance(0.05) && ok ? null : storageConfig(rng, ok);
  }
  if (bad === "top") cr[rng.pick(UNKNOWN_KEYS)] = rng.pick(ANY_VALUES);
  return cr;
}

function stopClientRequest(rng, valid) {
  if (valid) return rng.pick([{}, { async_stop: true }, { async_stop: false }, { async_stop: null }]);
  return rng.pick([{ async_stop: "false" }, { async_stop: 0 }, { async_stop: 1 },
    { async_stop: [] }, { asyncStop: true }, { async_stop: true, extra: 1 }, { Async_stop: false },
    null, [], "async", true]);
}

// The recording mode a body is meant for: one its parts allow, when there is one.
function modeFor(rng, clientRequest) {
  if (clientRequest === null || typeof clientRequest !== "object") return rng.pick(MODES);
  const present = (k) => clientRequest[k] !== undefined && clientRequest[k] !== null;
  const web = present("webRecordingConfig") || present("rtmpPublishConfig");
  const av = present("streamSubscribe");
  if (web && !av) return "web";
  if (av && !web) return rng.pick(["individual", "mix"]);
  return rng.pick(MODES);
}

function topLevel(rng, document, valid) {
  const body = {
    cname: rng.pick(["httpClient463224", "c", "x".repeat(300), "\u00e9t\u00e9", "a b"]),
    uid: uid(rng, true),
    clientRequest: document === "update" ? updateClientRequest(rng, true) : stopClientRequest(rng, true),
  };
  if (valid) return body;
  switch (rng.int(9)) {
    case 0: body.uid = uid(rng, false); break;
    case 1: body.cname = rng.pick(["", null, 5, true, []]); break;
    case 2: delete body[rng.pick(["cname", "uid", "clientRequest"])]; break;
    case 3: body[rng.pick(UNKNOWN_KEYS)] = rng.pick(ANY_VALUES); break;
    case 4: body.clientRequest = rng.pick([null, [], "x", 1]); break;
    case 5: return rng.pick([[], "body", 1, null, true, [body]]);
    default:
      body.clientRequest = document === "update" ? updateClientRequest(rng, false) : stopClientRequest(rng, false);
      break;
  }
  return body;
}

// --- generic mutations on any body --------------------------------------------------

function paths(value, path = [], out = []) {
  if (value !== null && typeof value === "object" && !(value instanceof Big)) {
    out.push(path);
    const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
    for (const k of keys) paths(value[k], [...path, k], out);
  } else {
    out.push(path);
  }
  return out;
}

function at(value, path) {
  return path.reduce((v, k) => v[k], value);
}

function typo(rng, key) {
  if (key.length === 0) return "x";
  const i = rng.int(key.length);
  switch (rng.int(4)) {
    case 0: // a character dropped
      return key.length > 1 ? key.slice(0, i) + key.slice(i + 1) : `${key}${key}`;
    case 1: { // one letter in the other case
      const c = key[i];
      const other = c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase();
      return other === c ? `${key}s` : key.slice(0, i) + other + key.slice(i + 1);
    }
    case 2: // a plural
      return `${key}s`;
    default: { // snake_case, or camelCase for a key that has no capital
      const snake = key.replace(/([a-z])([A-Z])/g, "$1_$2").toLowerCase();
      return snake !== key ? snake : key.replace(/_([a-z])/g, (_, c) => c.toUpperCase()) + (key.includes("_") ? "" : "X");
    }
  }
}

function genericMutation(rng, body) {
  const all = paths(body).filter((p) => p.length > 0);
  if (all.length === 0) return body;
  const path = rng.pick(all);
  const parent = at(body, path.slice(0, -1));
  const key = path[path.length - 1];
  switch (rng.int(6)) {
    case 0: // drop
      if (Array.isArray(parent)) parent.splice(key, 1);
      else delete parent[key];
      break;
    case 1: // null
      parent[key] = null;
      break;
    case 2: // another type
      parent[key] = clone(rng.pick(ANY_VALUES));
      break;
    case 3: { // an unknown property on an object
      const objects = paths(body).map((p) => at(body, p))
        .filter((v) => v !== null && typeof v === "object" && !Array.isArray(v) && !(v instanceof Big));
      if (objects.length) rng.pick(objects)[rng.pick(UNKNOWN_KEYS)] = clone(rng.pick(ANY_VALUES));
      break;
    }
    case 4: // a typo in a key (keeping the value and the order of the rest)
      if (!Array.isArray(parent)) {
        const renamed = typo(rng, key);
        const entries = Object.entries(parent);
        for (const k of Object.keys(parent)) delete parent[k];
        for (const [k, v] of entries) parent[k === key ? renamed : k] = v;
      }
      break;
    default: // repeat an array element, or a value in an array
      if (Array.isArray(parent)) parent.splice(key, 0, clone(parent[key]));
      else parent[key] = [clone(parent[key])];
      break;
  }
  return body;
}

// `count` distinct variants ({document, mode, value, text}), seeded.
export function generateVariants({ seed, count, bases }) {
  const rng = prng(seed);
  const seen = new Set();
  const out = [];
  let attempts = 0;
  while (out.length < count && attempts < count * 20) {
    attempts++;
    const document = rng.chance(0.88) ? "update" : "stop";
    let body;
    const source = rng.next();
    if (source < 0.15) {
      // a valid example with one to three generic mutations
      const candidates = bases.filter((b) => b.document === document);
      body = clone(rng.pick(candidates).value);
      for (let n = rng.range(1, 3); n > 0; n--) body = genericMutation(rng, body);
    } else {
      const valid = source < 0.45;
      body = topLevel(rng, document, valid);
      if (rng.chance(0.1)) body = genericMutation(rng, body);
    }
    let mode;
    const m = rng.next();
    if (m < 0.15) mode = null;
    else if (m < 0.8) mode = modeFor(rng, body && body.clientRequest);
    else mode = rng.pick(MODES); // a mode change: often one the body's parts do not allow
    const text = bodyText(body);
    const key = `${document} ${mode} ${text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ document, mode, value: body, text });
  }
  return out;
}
