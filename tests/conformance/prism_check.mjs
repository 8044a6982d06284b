#!/usr/bin/env node
// Prism (`prism mock`, started from schema/cloud_recording.json on a loopback
// port) as the service: acr calls every operation of the schema (its subcommand,
// from the operationId) with valid bodies in every mode the operation takes,
// through a small recording proxy to Prism, which must accept them, and acr must
// accept each of Prism's example answers (exit 0). The proxy checks what acr sends:
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
import { cliName, operations } from "./lib/schema.mjs";

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

// The acr option of each path parameter (the tool names it after the C member).
const FLAGS = { appid: "--appid", resourceid: "--resource-id", sid: "--sid", mode: "--mode" };

// Every operation of the schema: {id, cli, method, template, params (path
// parameter names), modes (what its mode parameter allows; [null]: no mode),
// hasBody, bodies (its request examples), responses (its 200 example names)}.
function operationTable(doc) {
  return operations(doc).map(({ id, method, path: template, op }) => {
    const params = (op.parameters || []).map((p) => (p.$ref ? doc.components.parameters[p.$ref.split("/").pop()] : p))
      .filter((p) => p.in === "path");
    const mode = params.find((p) => p.name === "mode");
    const examples = op.requestBody?.content?.["application/json"]?.examples || {};
    return {
      id, cli: cliName(id), method: method.toUpperCase(), template, params: params.map((p) => p.name),
      modes: mode ? mode.schema.enum : [null],
      hasBody: Boolean(op.requestBody),
      bodies: Object.entries(examples).map(([name, ex]) => ({ name: `schema example ${id}/${name}`, value: ex.value })),
      responses: Object.keys(op.responses?.["200"]?.content?.["application/json"]?.examples || {}),
    };
  });
}

// The path of a call: the template with the parameters filled in.
function fillPath(op, values) {
  return op.template.replace(/\{(\w+)\}/g, (_, name) => encodeURIComponent(values[name]));
}

// The mode to put in a path when acr decides without one: individual when the
// operation takes it, else its first mode (updateLayout: mix).
function someMode(op) {
  return op.modes.includes("individual") ? "individual" : op.modes[0];
}

// examples/bodies/OPERATION-*.json, OPERATION the subcommand (update-layout-x.json
// is update-layout's, not update's: the longest subcommand that matches).
function exampleFiles(dir, table) {
  const out = Object.fromEntries(table.map((op) => [op.id, []]));
  const byLength = [...table].sort((x, y) => y.cli.length - x.cli.length);
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith(".json")).sort()) {
    const op = byLength.find((o) => f.startsWith(`${o.cli}-`));
    if (!op) throw new Error(`examples/bodies/${f}: no operation's subcommand starts its name`);
    out[op.id].push({ name: `examples/bodies/${f}`, value: JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")) });
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
    const table = operationTable(doc);
    const ops = Object.fromEntries(table.map((op) => [op.id, op]));
    const files = exampleFiles(o.examples, table);
    const expectedAuth = `Basic ${Buffer.from(`${CUSTOMER_ID}:${CUSTOMER_SECRET}`).toString("base64")}`;

    // 1. Every operation in every mode it takes, through the proxy: each valid body
    // (an operation without a body: one call per mode and answer).
    let sent = 0;
    const answered = new Set();
    for (const op of table) {
      const candidates = op.hasBody ? [...op.bodies, ...files[op.id]] : [{ name: "no body", value: null }];
      // Prism's 200 examples one after the other, and a response Prism generates
      // from the schema (seeded, so always the same one).
      const prefer = [...op.responses.map((e) => `example=${e}`), "dynamic=true"];
      let n = 0;
      for (const mode of op.modes) {
        // An operation without a body is called once per answer, to see each.
        const rounds = op.hasBody ? candidates : prefer.map(() => candidates[0]);
        for (const body of rounds) {
          const text = op.hasBody ? JSON.stringify(body.value) : "";
          if (op.hasBody) {
            const local = await acrValidate(o.acr, op.id, mode, text);
            if (local.code !== 0) continue; // not valid in this mode (or a broken example)
          }
          const example = prefer[n++ % prefer.length];
          answered.add(`${op.id} ${example}`);
          proxy.state.prefer = example;
          proxy.state.requests.length = 0;
          const values = { appid: APP_ID, resourceid: `rid-${op.cli}-${mode}`, sid: `sid${n}`, mode };
          const args = [op.cli];
          for (const name of op.params) args.push(FLAGS[name] || `--${name}`, values[name]);
          const what = `acr ${op.cli}${mode ? ` --mode ${mode}` : ""} ${body.name} (Prism: Prefer ${example})`;
          const run = await runAcr(o.acr, [...args, "--base-url", base, "--retries", "0", "--timeout", "30"], text);
          sent++;
          const reqs = proxy.state.requests;
          if (!check(reqs.length === 1, `${what}: ${reqs.length} requests reached the proxy (expected 1); exit ${run.code}: ${run.stderr.trim()}`)) continue;
          const r = reqs[0];
          check(r.method === op.method, `${what}: method ${r.method}, expected ${op.method}`);
          const expectedPath = fillPath(op, values);
          check(r.url === expectedPath, `${what}: path ${r.url}, expected ${expectedPath}`);
          check(r.headers.authorization === expectedAuth, `${what}: Authorization ${r.headers.authorization}`);
          if (op.hasBody) {
            check(/^application\/json(\s*;\s*charset=utf-8)?$/i.test(r.headers["content-type"] || ""),
              `${what}: Content-Type ${r.headers["content-type"]}`);
            let sentBody = null;
            try { sentBody = JSON.parse(r.body.toString("utf8")); } catch (e) { /* reported below */ }
            check(sentBody !== null && sameJson(sentBody, withoutNulls(body.value)),
              `${what}: sent body ${r.body.toString("utf8")} is not the input ${text}`);
          } else {
            check(r.body.length === 0 && r.headers["content-type"] === undefined,
              `${what}: sent a body (${r.body.length} bytes, Content-Type ${r.headers["content-type"]}) without one`);
          }
          check(r.prismStatus === 200, `${what}: Prism answered ${r.prismStatus} ${r.prismViolations || ""} ${r.prismBody || ""}`);
          check(run.code === 0, `${what}: acr exit ${run.code}, stderr: ${run.stderr.trim()}`);
          if (run.code === 0) {
            let printed = null;
            try { printed = JSON.parse(run.stdout); } catch (e) { /* reported below */ }
            const answer = withoutNulls(JSON.parse(r.prismBody));
            // An example comes back whole; a generated answer at least in its top-level values.
            const same = printed !== null && (example.startsWith("example=") ? sameJson(printed, answer)
              : Object.keys(printed).every((k) => k in answer && (typeof printed[k] === "object" || printed[k] === answer[k])));
            check(same, `${what}: acr printed ${run.stdout.trim()} for Prism's ${r.prismBody}`);
          }
        }
      }
    }
    for (const op of table) {
      for (const e of [...op.responses.map((x) => `example=${x}`), "dynamic=true"]) {
        check(answered.has(`${op.id} ${e}`), `no ${op.cli} call was answered with Prefer ${e}`);
      }
    }
    console.log(`prism: acr sent ${sent} calls (${table.map((op) => op.cli).join(", ")}; every mode); answers: ${answered.size}`);

    // 2. Broken bodies acr refuses locally, sent straight to Prism: 422.
    const prismPath = (id, mode = someMode(ops[id])) =>
      fillPath(ops[id], { appid: APP_ID, resourceid: "rid", sid: "sid", mode });
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
    for (const op of table) {
      for (const b of [...op.bodies, ...files[op.id]]) acceptedBodies.push({ name: b.name, op: op.id, text: JSON.stringify(b.value) });
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
