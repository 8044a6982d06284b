#!/usr/bin/env node
// ajv (draft 2020-12, strict) against the C validator (`acr validate`): the same
// verdict, and the same set of JSON pointers, for every request body we have
// (the schema's request examples, examples/bodies/*.json, the hand-written edge
// bodies, the bodies the CLI tests send when captured) and for seeded random
// variants of them. Prints "N bodies, N agree, N disagree"; exits 1 on any
// disagreement.
//
// usage: node ajv_compare.mjs --acr BIN [--schema FILE] [--examples DIR]
//          [--captured DIR] [--seed N] [--variants N] [--jobs N] [--report FILE]
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { acrValidateAll, defaultLimit } from "./lib/acr.mjs";
import { ajvValue, bodyText } from "./lib/body.mjs";
import { parseBody } from "./lib/json_text.mjs";
import { ajvVerdict, cliName, errorPointer, loadDocument, makeValidators, MODES, operations, ruleHits, ruleSites } from "./lib/schema.mjs";
import { generateVariants } from "./lib/variants.mjs";
import { EDGE_BODIES } from "./edge_bodies.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..", "..");

function parseArgs(argv) {
  const o = {
    acr: process.env.ACR_BIN || path.join(root, "build", "bin", "acr"),
    schema: path.join(root, "schema", "cloud_recording.json"),
    examples: path.join(root, "examples", "bodies"),
    captured: null,
    seed: Number(process.env.ACR_CONFORMANCE_SEED || 20260601),
    variants: Number(process.env.ACR_CONFORMANCE_VARIANTS || 10000),
    jobs: defaultLimit(),
    report: null,
  };
  for (let i = 2; i < argv.length; i++) {
    const key = argv[i].replace(/^--/, "");
    if (!(key in o)) throw new Error(`unknown option ${argv[i]}`);
    const value = argv[++i];
    o[key] = ["seed", "variants", "jobs"].includes(key) ? Number(value) : value;
  }
  return o;
}

// --- the bodies ---------------------------------------------------------------------

// A case: one body validated as one document in one mode.
//   {source, name, document, mode, text (what acr reads), data (what ajv reads, or
//    undefined), skip (why ajv cannot judge it), specialCased, expect, pointers}
function valueCase(source, name, document, mode, value, extra = {}) {
  const { value: data, specialCased } = ajvValue(value);
  return { source, name, document, mode, text: bodyText(value), data, specialCased, ...extra };
}

function textCase(source, name, document, mode, bytes, extra = {}) {
  const parsed = parseBody(bytes);
  const c = { source, name, document, mode, text: bytes, ...extra };
  if (!parsed.ok) {
    c.malformed = parsed.reason;
    if (parsed.reason === "not UTF-8") c.skip = "not UTF-8 text (JavaScript cannot read it as is)";
  } else if (parsed.hidden.length) {
    c.skip = parsed.hidden.map((h) => `${h.pointer}: ${h.kind} (${h.detail})`).join("; ");
    c.skipKinds = [...new Set(parsed.hidden.map((h) => h.kind))];
  } else {
    c.data = parsed.value;
  }
  return c;
}

// The modes `acr validate` takes for an operation: its mode parameter's values
// (updateLayout: mix), or every mode (acquire has no mode in its path, but rules
// for the later start's). Another mode is a usage error, not a verdict.
function modesOf(doc, id) {
  const { op } = operations(doc).find((o) => o.id === id);
  const params = (op.parameters || []).map((p) => (p.$ref ? doc.components.parameters[p.$ref.split("/").pop()] : p));
  return params.find((p) => p.in === "path" && p.name === "mode")?.schema?.enum || MODES;
}

function schemaExampleCases(doc) {
  const cases = [];
  const bases = [];
  for (const { id: document, op } of operations(doc)) {
    if (!op.requestBody) continue; // query, ncsIp: nothing to validate
    const examples = op.requestBody.content["application/json"].examples || {};
    for (const [name, example] of Object.entries(examples)) {
      bases.push({ document, mode: example["x-acr-mode"], value: example.value });
      for (const mode of [null, ...modesOf(doc, document)]) {
        // Valid in its own mode and without a mode; in the others ajv and acr only
        // have to agree.
        const expect = mode === null || mode === example["x-acr-mode"] ? true : undefined;
        cases.push(valueCase("schema example", `${document}/${name}`, document, mode, example.value, { expect }));
      }
    }
  }
  return { cases, bases };
}

// examples/bodies/SUBCOMMAND-*.json: the operation is the longest subcommand that
// starts the file name (update-layout-x.json is update-layout's, not update's).
function exampleFileCases(dir, doc) {
  const cases = [];
  const bases = [];
  const ids = operations(doc).filter(({ op }) => op.requestBody).map(({ id }) => id)
    .sort((a, b) => cliName(b).length - cliName(a).length);
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
    const document = ids.find((id) => file.startsWith(`${cliName(id)}-`));
    if (!document) throw new Error(`examples/bodies/${file}: no operation's subcommand starts its name`);
    const bytes = fs.readFileSync(path.join(dir, file));
    for (const mode of [null, ...modesOf(doc, document)]) cases.push(textCase("examples/bodies", file, document, mode, bytes));
    const parsed = parseBody(bytes);
    if (parsed.ok && !/broken/.test(file)) bases.push({ document, value: parsed.value });
  }
  return { cases, bases };
}

function edgeCases() {
  const cases = [];
  for (const e of EDGE_BODIES) {
    for (const mode of e.modes) {
      const extra = { expect: e.expect, pointers: e.pointers };
      cases.push(e.text !== undefined
        ? textCase("edge", e.name, e.document, mode, Buffer.from(e.text), extra)
        : valueCase("edge", e.name, e.document, mode, e.value, extra));
    }
  }
  return cases;
}

// Bodies recorded while the CLI tests ran (tests/cli/support.py, ACR_CAPTURE_DIR): NNN.args (NUL-separated
// argv) and NNN.body (standard input, or the FILE named on the command line).
function capturedCases(dir, doc) {
  const cases = [];
  const seen = new Set();
  // The subcommand of each operation with a request body -> its operationId.
  const documents = new Map(operations(doc).filter(({ op }) => op.requestBody).map(({ id }) => [cliName(id), id]));
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".args")).sort()) {
    const argv = fs.readFileSync(path.join(dir, file), "utf8").split("\0").filter((a, i, all) => i < all.length - 1);
    const bodyFile = path.join(dir, file.replace(/\.args$/, ".body"));
    if (!fs.existsSync(bodyFile)) continue;
    const command = argv[0];
    let document;
    let mode = null;
    let rest;
    if (command === "validate") {
      document = documents.get(argv[1]);
      rest = argv.slice(2);
    } else {
      document = documents.get(command);
      rest = argv.slice(1);
    }
    if (!document) continue;
    let usable = true;
    for (let i = 0; i < rest.length; i++) {
      const a = rest[i];
      if (a === "--mode") mode = rest[++i];
      else if (a.startsWith("--mode=")) mode = a.slice(7);
      else if (["--format", "--max-violations", "--appid", "--resource-id", "--sid", "--base-url", "--timeout", "--retries"].includes(a)) i++;
      else if (a === "--help" || a === "-h") usable = false;
    }
    if (!usable || (mode !== null && !modesOf(doc, document).includes(mode))) continue;
    if (command !== "validate" && mode === null) continue;
    const bytes = fs.readFileSync(bodyFile);
    const key = `${document} ${mode} ${bytes.toString("base64")}`;
    if (seen.has(key)) continue;
    seen.add(key);
    cases.push(textCase("CLI tests", `${command} ${argv.slice(1).join(" ")}`.slice(0, 120), document, mode, bytes));
  }
  return cases;
}

// --- comparing ------------------------------------------------------------------------

function compare(validators, c, run) {
  const result = { c, run };
  const cValid = run.code === 0;
  const cPointers = run.violations ? [...new Set(run.violations.map((v) => v.pointer))].sort() : null;
  result.cValid = cValid;
  result.cPointers = cPointers;
  const problems = [];
  if (c.malformed !== undefined) {
    result.kind = "malformed";
    if (c.skip) {
      result.outcome = "skipped";
      return result;
    }
    if (run.code !== 2) problems.push(`JSON.parse rejects the text (${c.malformed}) but acr exits ${run.code}, not 2`);
  } else {
    // What acr refuses as unreadable by design (lib/json_text.mjs): exit 2.
    const refused = (c.skipKinds || []).filter((k) => ["depth", "lone-surrogate", "size"].includes(k));
    if (refused.length) {
      if (run.code !== 2) problems.push(`acr exits ${run.code} on text it refuses by design (${refused.join(", ")}), not 2`);
    } else if (run.code !== 0 && run.code !== 1) {
      problems.push(`acr exits ${run.code} (${run.stderr.trim().slice(0, 200)}) on text JSON.parse accepts`);
    } else if (run.violations === null) {
      problems.push(`acr exits ${run.code} without a JSON report: ${String(run.stdout).slice(0, 200)}`);
    }
    if (c.skip) {
      result.outcome = "skipped";
      result.problems = problems;
      if (problems.length) result.outcome = "disagree";
      return result;
    }
    const a = ajvVerdict(validators, c.document, c.mode, c.data);
    result.ajv = a;
    if (problems.length === 0) {
      if (a.valid !== cValid) {
        problems.push(`verdicts differ: ajv ${a.valid ? "valid" : "invalid"}, acr ${cValid ? "valid" : "invalid"}`);
      } else if (JSON.stringify(a.pointers) !== JSON.stringify(cPointers)) {
        problems.push(`pointers differ: ajv ${JSON.stringify(a.pointers)}, acr ${JSON.stringify(cPointers)}`);
      }
    }
    if (c.expect !== undefined && a.valid !== c.expect) {
      problems.push(`ajv says ${a.valid ? "valid" : "invalid"}, the rule says ${c.expect ? "valid" : "invalid"}`);
    }
    if (c.pointers && JSON.stringify([...c.pointers].sort()) !== JSON.stringify(a.pointers)) {
      problems.push(`ajv reports ${JSON.stringify(a.pointers)}, the rule expects ${JSON.stringify([...c.pointers].sort())}`);
    }
  }
  if (c.expect !== undefined && run.code <= 1 && cValid !== c.expect) {
    problems.push(`acr says ${cValid ? "valid" : "invalid"}, the rule says ${c.expect ? "valid" : "invalid"}`);
  }
  if (c.pointers && cPointers && JSON.stringify([...c.pointers].sort()) !== JSON.stringify(cPointers)) {
    problems.push(`acr reports ${JSON.stringify(cPointers)}, the rule expects ${JSON.stringify([...c.pointers].sort())}`);
  }
  result.problems = problems;
  result.outcome = problems.length ? "disagree" : "agree";
  return result;
}

function describe(r) {
  const c = r.c;
  const text = Buffer.isBuffer(c.text) ? c.text.toString("utf8") : c.text;
  const lines = [
    `--- ${c.source}: ${c.name}`,
    `    acr validate ${c.document}${c.mode ? ` --mode ${c.mode}` : ""} --format json`,
    `    body: ${text.length > 1500 ? `${text.slice(0, 1500)}... (${text.length} characters)` : text}`,
  ];
  if (c.specialCased) lines.push("    (a uint64 literal beyond 2^53: ajv saw a stand-in with the same verdict)");
  for (const p of r.problems) lines.push(`    ${p}`);
  if (r.ajv) {
    lines.push(`    ajv: ${r.ajv.valid ? "valid" : "invalid"}`);
    for (const e of r.ajv.errors) {
      lines.push(`      ${JSON.stringify(e.instancePath)} ${e.keyword} ${e.message} ${JSON.stringify(e.params)} (${e.schemaPath})`);
    }
  }
  lines.push(`    acr: exit ${r.run.code}`);
  for (const v of r.run.violations || []) lines.push(`      ${JSON.stringify(v.pointer)}: ${v.message}`);
  if (r.run.code !== 0 && r.run.code !== 1 && r.run.stderr) lines.push(`      stderr: ${r.run.stderr.trim().slice(0, 300)}`);
  return lines.join("\n");
}

// What only one side reports, with array indices and numbers blurred.
function signature(r) {
  const blur = (x) => String(x).replace(/\/\d+(?=\/|$)/g, "/N").replace(/\d+/g, "N");
  if (!r.ajv || !r.cPointers) return blur(r.problems.join("; "));
  const ajvOnly = r.ajv.errors.filter((e) => {
    const p = errorPointer(e);
    return p !== null && !r.cPointers.includes(p);
  }).map((e) => `ajv ${blur(errorPointer(e))} ${e.keyword} (${blur(e.schemaPath)})`);
  const acrOnly = r.run.violations.filter((v) => !r.ajv.pointers.includes(v.pointer))
    .map((v) => `acr ${blur(v.pointer)}: ${blur(v.message)}`);
  const only = [...new Set([...ajvOnly, ...acrOnly])].sort();
  const verdict = r.ajv.valid === r.cValid ? "same verdict" : `ajv ${r.ajv.valid ? "valid" : "invalid"}, acr ${r.cValid ? "valid" : "invalid"}`;
  return `${verdict}; ${only.length ? only.join("; ") : blur(r.problems.join("; "))}`;
}

async function main() {
  const o = parseArgs(process.argv);
  const started = Date.now();
  if (!fs.existsSync(o.acr)) throw new Error(`acr binary not found: ${o.acr}`);
  const doc = loadDocument(o.schema);
  const validators = makeValidators(doc); // throws on anything strict mode rejects
  console.log(`ajv: compiled ${Object.keys(doc.components.schemas).length} components in strict mode; ` +
    `request validators for ${Object.keys(validators).join(", ")}, without a mode and in each mode`);

  const examples = schemaExampleCases(doc);
  const files = exampleFileCases(o.examples, doc);
  const fixed = [...examples.cases, ...files.cases, ...edgeCases()];
  if (o.captured) fixed.push(...capturedCases(o.captured, doc));
  const bases = [...examples.bases, ...files.bases];
  const variants = generateVariants({ seed: o.seed, count: o.variants, bases }).map((v, i) =>
    valueCase("variant", `variant ${i} (seed ${o.seed})`, v.document, v.mode, v.value));
  const cases = [...fixed, ...variants];

  const runs = await acrValidateAll(o.acr, cases.map((c) => ({ document: c.document, mode: c.mode, text: c.text })), o.jobs);
  const results = cases.map((c, i) => compare(validators, c, runs[i]));

  // Summary per source.
  const bySource = new Map();
  for (const r of results) {
    const s = bySource.get(r.c.source) || { total: 0, agree: 0, disagree: 0, skipped: 0, valid: 0, special: 0 };
    s.total++;
    s[r.outcome]++;
    if (r.outcome !== "skipped" && r.ajv && r.ajv.valid) s.valid++;
    if (r.c.specialCased) s.special++;
    bySource.set(r.c.source, s);
  }
  // Every rule must have been broken by some body, or the variants have drifted
  // away from it.
  const sites = ruleSites(doc);
  const broken = new Map([...sites].map((site) => [site, 0]));
  for (const r of results) {
    if (r.ajv) for (const hit of ruleHits(r.ajv.errors)) if (broken.has(hit)) broken.set(hit, broken.get(hit) + 1);
  }
  const neverBroken = [...broken].filter(([, n]) => n === 0).map(([site]) => site);
  const disagreements = results.filter((r) => r.outcome === "disagree");
  const skipped = results.filter((r) => r.outcome === "skipped");
  for (const r of disagreements.slice(0, 25)) console.log(describe(r));
  if (disagreements.length > 25) {
    console.log(`... and ${disagreements.length - 25} more (all of them: --report FILE)`);
  }
  if (disagreements.length) {
    // The same cause shows up many times: group by what only one side reports.
    const groups = new Map();
    for (const r of disagreements) {
      const key = signature(r);
      const g = groups.get(key) || { n: 0, first: r };
      g.n++;
      groups.set(key, g);
    }
    console.log(`\ndisagreements by cause (${groups.size}):`);
    for (const [key, g] of [...groups].sort((a, b) => b[1].n - a[1].n)) {
      console.log(`  ${g.n} x ${key}\n      e.g. ${g.first.c.source}: ${g.first.c.name}`);
    }
  }

  if (o.report) {
    fs.writeFileSync(o.report, disagreements.map(describe).join("\n") + (disagreements.length ? "\n" : ""));
  }
  console.log("");
  for (const [source, s] of bySource) {
    console.log(`  ${source}: ${s.total} bodies (${s.valid} valid by ajv), ${s.agree} agree, ${s.disagree} disagree` +
      (s.skipped ? `, ${s.skipped} not comparable` : "") +
      (s.special ? `, ${s.special} with a uint64 beyond 2^53 (ajv saw a stand-in)` : ""));
  }
  if (skipped.length) {
    const kinds = new Map();
    for (const r of skipped) {
      const k = r.c.malformed !== undefined ? "not UTF-8" : (r.c.skipKinds || ["?"]).join("+");
      kinds.set(k, (kinds.get(k) || 0) + 1);
    }
    console.log(`  not comparable (JavaScript cannot see what acr sees): ${[...kinds].map(([k, n]) => `${k} ${n}`).join(", ")}`);
  }
  console.log(`  rules broken at least once: ${sites.size - neverBroken.length} of ${sites.size} ` +
    `(${[...broken].map(([site, n]) => `${site} ${n}`).join(", ")})`);
  if (neverBroken.length) console.log(`FAIL no body broke ${neverBroken.join(", ")}`);
  const compared = results.length - skipped.length;
  const agree = results.filter((r) => r.outcome === "agree").length;
  console.log(`ajv vs acr: ${compared} bodies, ${agree} agree, ${disagreements.length} disagree ` +
    `(${skipped.length} not comparable; seed ${o.seed}; ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return disagreements.length || neverBroken.length ? 1 : 0;
}

main().then((code) => process.exit(code), (e) => {
  console.error(`ajv_compare: ${e.stack || e}`);
  process.exit(2);
});
