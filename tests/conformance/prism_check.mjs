#!/usr/bin/env node
// Prism (`prism mock`, started from schema/cloud_recording.json on a loopback
// port) as the service: `acr update` and `acr stop` send valid bodies in every
// mode through a small recording proxy to Prism, which must accept them, and acr
// must accept Prism's example answers (exit 0). The proxy checks what acr sends:
// method, path, Content-Type, Basic credentials, and the body. Then bodies acr
// refuses locally are sent straight to Prism, which must reject them too (422),
// and every body acr accepts is sent straight to Prism, which must accept it.
//
// usage: node prism_check.mjs --acr BIN [--schema FILE] [--examples DIR]
import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { acrValidate } from "./lib/acr.mjs";
import { ajvValue, bodyText } from "./lib/body.mjs";
import { EDGE_BODIES } from "./edge_bodies.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..", "..");
const MODES = ["individual", "mix", "web"];
const STARTUP_LIMIT_MS = 90000;
const CUSTOMER_ID = "conformance-customer";
// No ":" in the secret: Prism 5 refuses Basic credentials whose password has one
// (RFC 7617 allows it there; acr sends it correctly either way).
const CUSTOMER_SECRET = "conformance-secret";
const APP_ID = "conformanceapp";

function parseArgs(argv) {
  const o = {
    acr: process.env.ACR_BIN || path.join(root, "build", "bin", "acr"),
    schema: path.join(root, "schema", "cloud_recording.json"),
    examples: path.join(root, "examples", "bodies"),
  };
  for (let i = 2; i < argv.length; i++) {
    const key = argv[i].replace(/^--/, "");
    if (!(key in o)) throw new Error(`unknown option ${argv[i]}`);
    o[key] = argv[++i];
  }
  return o;
}

// --- processes and HTTP -------------------------------------------------------------

function freePort() {
  return new Promise((resolve, reject) => {
    const server = http.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function request(port, { method = "POST", path: p, headers = {}, body }) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, method, path: p, headers }, (res) => {
      const chunks = [];
      res.on("data", (d) => chunks.push(d));
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.setTimeout(30000, () => req.destroy(new Error("timeout")));
    req.end(body);
  });
}

function startPrism(schema, port) {
  const cli = path.join(here, "node_modules", "@stoplight", "prism-cli", "dist", "index.js");
  const child = spawn(process.execPath, [cli, "mock", "-h", "127.0.0.1", "-p", String(port),
    "--seed", "acr-conformance", schema],
    { stdio: ["ignore", "pipe", "pipe"], detached: true });
  const log = [];
  const keep = (d) => {
    log.push(d.toString("utf8"));
    if (log.length > 400) log.splice(0, 200);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  return { child, log };
}

function stopProcess(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, "SIGTERM"); // its process group: we started it detached
  } catch (e) {
    try { child.kill("SIGTERM"); } catch (e2) { /* gone */ }
  }
}

async function waitForPrism(port, prism) {
  const deadline = Date.now() + STARTUP_LIMIT_MS;
  while (Date.now() < deadline) {
    if (prism.child.exitCode !== null) throw new Error(`Prism exited (${prism.child.exitCode}):\n${prism.log.join("")}`);
    if (prism.log.join("").includes("Prism is listening")) {
      try {
        await request(port, { method: "GET", path: "/" });
        return;
      } catch (e) { /* not yet */ }
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`Prism did not start within ${STARTUP_LIMIT_MS / 1000} s:\n${prism.log.join("")}`);
}

// A recording proxy in front of Prism: remembers each request as acr sent it,
// optionally adds a Prefer header (to pick one of Prism's examples).
function startProxy(prismPort) {
  const state = { requests: [], prefer: null };
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on("data", (d) => chunks.push(d));
    req.on("end", async () => {
      const body = Buffer.concat(chunks);
      const record = { method: req.method, url: req.url, headers: req.headers, body };
      state.requests.push(record);
      const headers = { ...req.headers };
      delete headers.host;
      if (state.prefer) headers.prefer = state.prefer;
      try {
        const answer = await request(prismPort, { method: req.method, path: req.url, headers, body });
        record.prismStatus = answer.status;
        record.prismViolations = answer.headers["sl-violations"];
        record.prismBody = answer.body.toString("utf8");
        const out = { "content-type": answer.headers["content-type"] || "application/json" };
        res.writeHead(answer.status, out);
        res.end(answer.body);
      } catch (e) {
        record.prismStatus = `proxy error: ${e.message}`;
        res.writeHead(502);
        res.end();
      }
    });
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({ server, state, port: server.address().port })));
}

function runAcr(acrBin, args, stdinText) {
  return new Promise((resolve) => {
    const env = { ...process.env, AGORA_CUSTOMER_ID: CUSTOMER_ID, AGORA_CUSTOMER_SECRET: CUSTOMER_SECRET };
    delete env.AGORA_BASE_URL;
    const child = spawn(acrBin, args, { env, stdio: ["pipe", "pipe", "pipe"] });
    const out = [];
    const err = [];
    child.stdout.on("data", (d) => out.push(d));
    child.stderr.on("data", (d) => err.push(d));
    child.on("close", (code) => resolve({ code, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") }));
    child.stdin.on("error", () => {});
    child.stdin.end(stdinText);
  });
}

// --- the bodies ---------------------------------------------------------------------

function schemaExamples(doc) {
  const out = { update: [], stop: [] };
  const responses = { update: [], stop: [] };
  for (const item of Object.values(doc.paths)) {
    // Only update and stop are driven through Prism so far (the proxy knows their paths).
    const post = item.post;
    const op = post?.operationId;
    if (op !== "update" && op !== "stop") continue;
    for (const [name, ex] of Object.entries(post.requestBody.content["application/json"].examples || {})) {
      out[op].push({ name: `schema example ${op}/${name}`, value: ex.value });
    }
    responses[op] = Object.keys(post.responses["200"].content["application/json"].examples || {});
  }
  return { bodies: out, responses };
}

function exampleFiles(dir) {
  const out = { update: [], stop: [] };
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith(".json")).sort()) {
    const op = f.startsWith("stop") ? "stop" : "update";
    out[op].push({ name: `examples/bodies/${f}`, value: JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")) });
  }
  return out;
}

// What the client is expected to send for a body: the same JSON, without the
// properties whose value is null (null means absent, docs/DESIGN.md).
function withoutNulls(v) {
  if (Array.isArray(v)) return v.map(withoutNulls);
  if (v !== null && typeof v === "object") {
    const o = {};
    for (const [k, x] of Object.entries(v)) if (x !== null) o[k] = withoutNulls(x);
    return o;
  }
  return v;
}

function sameJson(a, b) {
  const canon = (v) => {
    if (Array.isArray(v)) return v.map(canon);
    if (v !== null && typeof v === "object") {
      return Object.fromEntries(Object.keys(v).sort().map((k) => [k, canon(v[k])]));
    }
    return v;
  };
  return JSON.stringify(canon(a)) === JSON.stringify(canon(b));
}

// --- the checks ---------------------------------------------------------------------

async function main() {
  const o = parseArgs(process.argv);
  const started = Date.now();
  const doc = JSON.parse(fs.readFileSync(o.schema, "utf8"));
  const failures = [];
  let checks = 0;
  const check = (ok, what) => {
    checks++;
    if (!ok) failures.push(what);
    return ok;
  };

  const prismPort = await freePort();
  const prism = startPrism(o.schema, prismPort);
  const cleanup = () => stopProcess(prism.child);
  process.on("exit", cleanup);
  for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => { cleanup(); process.exit(130); });
  let proxy;
  try {
    await waitForPrism(prismPort, prism);
    console.log(`prism: listening on 127.0.0.1:${prismPort} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    proxy = await startProxy(prismPort);
    const base = `http://127.0.0.1:${proxy.port}`;
    const { bodies: schemaBodies, responses } = schemaExamples(doc);
    const files = exampleFiles(o.examples);
    const expectedAuth = `Basic ${Buffer.from(`${CUSTOMER_ID}:${CUSTOMER_SECRET}`).toString("base64")}`;

    // 1. acr update / acr stop in every mode, through the proxy.
    let sent = 0;
    const answered = new Set();
    for (const op of ["update", "stop"]) {
      const candidates = [...schemaBodies[op], ...files[op]];
      // Prism's 200 examples one after the other (stop has four), and a response
      // Prism generates from the schema (seeded, so always the same one).
      const prefer = [...responses[op].map((e) => `example=${e}`), "dynamic=true"];
      let n = 0;
      for (const mode of MODES) {
        for (const body of candidates) {
          const text = JSON.stringify(body.value);
          const local = await acrValidate(o.acr, op, mode, text);
          if (local.code !== 0) continue; // not valid in this mode (or a broken example)
          const example = prefer[n++ % prefer.length];
          answered.add(`${op} ${example}`);
          proxy.state.prefer = example;
          proxy.state.requests.length = 0;
          const rid = `rid-${op}-${mode}`;
          const sid = `sid${n}`;
          const what = `acr ${op} --mode ${mode} ${body.name} (Prism: Prefer ${example})`;
          const run = await runAcr(o.acr, [op, "--appid", APP_ID, "--resource-id", rid, "--sid", sid,
            "--mode", mode, "--base-url", base, "--retries", "0", "--timeout", "30"], text);
          sent++;
          const reqs = proxy.state.requests;
          if (!check(reqs.length === 1, `${what}: ${reqs.length} requests reached the proxy (expected 1); exit ${run.code}: ${run.stderr.trim()}`)) continue;
          const r = reqs[0];
          check(r.method === "POST", `${what}: method ${r.method}`);
          const expectedPath = `/v1/apps/${APP_ID}/cloud_recording/resourceid/${rid}/sid/${sid}/mode/${mode}/${op}`;
          check(r.url === expectedPath, `${what}: path ${r.url}, expected ${expectedPath}`);
          check(/^application\/json(\s*;\s*charset=utf-8)?$/i.test(r.headers["content-type"] || ""),
            `${what}: Content-Type ${r.headers["content-type"]}`);
          check(r.headers.authorization === expectedAuth, `${what}: Authorization ${r.headers.authorization}`);
          let sentBody = null;
          try { sentBody = JSON.parse(r.body.toString("utf8")); } catch (e) { /* reported below */ }
          check(sentBody !== null && sameJson(sentBody, withoutNulls(body.value)),
            `${what}: sent body ${r.body.toString("utf8")} is not the input ${text}`);
          check(r.prismStatus === 200, `${what}: Prism answered ${r.prismStatus} ${r.prismViolations || ""} ${r.prismBody || ""}`);
          check(run.code === 0, `${what}: acr exit ${run.code}, stderr: ${run.stderr.trim()}`);
          if (run.code === 0) {
            let printed = null;
            try { printed = JSON.parse(run.stdout); } catch (e) { /* reported below */ }
            const answer = JSON.parse(r.prismBody);
            check(printed !== null && printed.cname === answer.cname && printed.uid === answer.uid &&
              printed.resourceId === answer.resourceId && printed.sid === answer.sid,
              `${what}: acr printed ${run.stdout.trim()} for Prism's ${r.prismBody}`);
          }
        }
      }
    }
    for (const op of ["update", "stop"]) {
      for (const e of [...responses[op].map((x) => `example=${x}`), "dynamic=true"]) {
        check(answered.has(`${op} ${e}`), `no ${op} call was answered with Prefer ${e}`);
      }
    }
    console.log(`prism: acr sent ${sent} valid bodies (update and stop, every mode); answers: ${[...answered].join(", ")}`);

    // 2. Broken bodies acr refuses locally, sent straight to Prism: 422.
    const prismPath = (op, mode = "individual") =>
      `/v1/apps/${APP_ID}/cloud_recording/resourceid/rid/sid/sid/mode/${mode}/${op}`;
    const headers = { "content-type": "application/json", authorization: expectedAuth };
    const valid = { cname: "httpClient463224", uid: "527841" };
    const uids = (n) => Array.from({ length: n }, (_, i) => String(i + 1));
    const broken = [
      ["uid as a number", "update", { ...valid, uid: 527841, clientRequest: {} }, "uid"],
      ["33 UIDs", "update", { ...valid, clientRequest: { streamSubscribe: { audioUidList: { subscribeAudioUids: uids(33) } } } }, "subscribeAudioUids"],
      ["subscribe and unsubscribe", "update", { ...valid, clientRequest: { streamSubscribe: { videoUidList: { subscribeVideoUids: ["1"], unsubscribeVideoUids: ["2"] } } } }, "videoUidList"],
      ["vendor 1 region 23", "update", { ...valid, clientRequest: { storageConfig: { vendor: 1, region: 23, bucket: "b", accessKey: "a", secretKey: "s" } } }, "region"],
      ["stsToken for vendor 6", "update", { ...valid, clientRequest: { storageConfig: { vendor: 6, region: 0, bucket: "b", accessKey: "a", secretKey: "s", stsToken: "t" } } }, "stsToken"],
      ["vendor 11 without endpoint", "update", { ...valid, clientRequest: { storageConfig: { vendor: 11, region: 0, bucket: "b", accessKey: "a", secretKey: "s", extensionParams: { sse: "kms", tag: "t" } } } }, "endpoint"],
      ["unknown property (other spelling)", "update", { ...valid, clientRequest: { streamSubscribe: { audioUidList: { unSubscribeAudioUids: ["1"] } } } }, "unSubscribeAudioUids"],
      ["two CDN outputs", "update", { ...valid, clientRequest: { rtmpPublishConfig: { outputs: [{ rtmpUrl: "rtmp://a" }, { rtmpUrl: "rtmp://b" }] } } }, "outputs"],
      ["async_stop as a string", "stop", { ...valid, clientRequest: { async_stop: "false" } }, "async_stop"],
      ["missing cname", "stop", { uid: "1", clientRequest: {} }, "cname"],
    ];
    for (const [name, op, body, mentions] of broken) {
      const text = JSON.stringify(body);
      const local = await acrValidate(o.acr, op, null, text);
      check(local.code === 1, `broken body "${name}": acr validate exits ${local.code}, expected 1`);
      proxy.state.requests.length = 0;
      const refused = await runAcr(o.acr, [op, "--appid", APP_ID, "--resource-id", "r", "--sid", "s",
        "--mode", "individual", "--base-url", `http://127.0.0.1:${proxy.port}`, "--retries", "0"], text);
      check(refused.code === 1 && proxy.state.requests.length === 0,
        `broken body "${name}": acr ${op} exits ${refused.code} after sending ${proxy.state.requests.length} requests (expected exit 1, nothing sent)`);
      const answer = await request(prismPort, { path: prismPath(op), headers, body: text });
      const violations = answer.headers["sl-violations"] || "";
      check(answer.status === 422 && violations.includes(mentions),
        `broken body "${name}": Prism answered ${answer.status} (expected 422 naming ${mentions}); sl-violations: ${violations}`);
    }
    // The request itself: no credentials, or a mode the path does not allow.
    const noAuth = await request(prismPort, { path: prismPath("stop"), headers: { "content-type": "application/json" },
      body: JSON.stringify({ ...valid, clientRequest: {} }) });
    check(noAuth.status === 401, `request without credentials: Prism answered ${noAuth.status}, expected 401`);
    const badMode = await request(prismPort, { path: prismPath("stop", "composite"), headers,
      body: JSON.stringify({ ...valid, clientRequest: {} }) });
    check(badMode.status === 422 && /mode/.test(badMode.headers["sl-violations"] || ""),
      `mode "composite" in the path: Prism answered ${badMode.status} ${badMode.headers["sl-violations"] || ""}`);
    console.log(`prism: ${broken.length} broken bodies refused by acr and by Prism; no credentials 401; bad mode 422`);

    // 3. Every body acr accepts without a mode (edge bodies, examples) is accepted by Prism.
    let accepted = 0;
    const acceptedBodies = [];
    for (const e of EDGE_BODIES) {
      if (e.text !== undefined || !e.expect) continue; // Prism knows no modes: acr decides without one
      acceptedBodies.push({ name: `edge "${e.name}"`, op: e.document, text: bodyText(e.value), big: ajvValue(e.value).specialCased });
    }
    for (const op of ["update", "stop"]) {
      for (const b of [...schemaBodies[op], ...files[op]]) acceptedBodies.push({ name: b.name, op, text: JSON.stringify(b.value) });
    }
    for (const b of acceptedBodies) {
      const local = await acrValidate(o.acr, b.op, null, b.text);
      if (local.code !== 0) continue;
      const answer = await request(prismPort, { path: prismPath(b.op), headers, body: b.text });
      accepted++;
      check(answer.status === 200, `${b.name}: acr accepts it, Prism answered ${answer.status}: ${answer.headers["sl-violations"] || ""}\n    body: ${b.text}`);
    }
    console.log(`prism: ${accepted} bodies that acr accepts sent straight to Prism`);
  } finally {
    if (proxy) proxy.server.close();
    stopProcess(prism.child);
  }

  for (const f of failures) console.log(`FAIL ${f}`);
  console.log(`prism: ${checks} checks, ${failures.length} failed (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return failures.length ? 1 : 0;
}

main().then((code) => process.exit(code), (e) => {
  console.error(`prism_check: ${e.stack || e}`);
  process.exit(2);
});
