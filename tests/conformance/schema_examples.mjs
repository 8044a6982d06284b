#!/usr/bin/env node
// ajv only (no acr needed): compiles schema/cloud_recording.json in strict mode with
// the extension keywords (lib/schema.mjs), then checks that
//   - every request example is valid in its x-acr-mode and without a mode,
//   - every 200 response example is valid against its response component,
//   - every edge body of edge_bodies.mjs gets its verdict (and pointers) from ajv.
// Prints one line per failure and a summary; exits 1 on any failure.
//
// usage: node schema_examples.mjs [--schema FILE]
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ajvValue } from "./lib/body.mjs";
import { parseBody } from "./lib/json_text.mjs";
import { ajvVerdict, loadDocument, makeValidators, MODES, operations } from "./lib/schema.mjs";
import { EDGE_BODIES, pendingNote } from "./edge_bodies.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const schemaPath = args[0] === "--schema" ? args[1] : path.join(here, "..", "..", "schema", "cloud_recording.json");
const doc = loadDocument(schemaPath);
const validators = makeValidators(doc); // throws on anything strict mode rejects

const failures = [];
let checked = 0;
const show = (errors) => errors.map((e) => `${e.instancePath || "(root)"} ${e.keyword} ${e.message}`).join("; ");

for (const { id, op } of operations(doc)) {
  const media = op.requestBody?.content?.["application/json"];
  for (const [name, example] of Object.entries(media?.examples || {})) {
    const mode = example["x-acr-mode"];
    if (!MODES.includes(mode)) failures.push(`${id} request example ${name}: x-acr-mode ${JSON.stringify(mode)}`);
    for (const m of [mode, null]) {
      checked++;
      const v = ajvVerdict(validators, id, m, example.value);
      if (!v.valid) failures.push(`${id} request example ${name} (mode ${m ?? "none"}): ${show(v.errors)}`);
    }
  }
  const ok = op.responses?.["200"]?.content?.["application/json"];
  const component = ok?.schema?.$ref?.split("/").pop();
  for (const [name, example] of Object.entries(ok?.examples || {})) {
    checked++;
    const validate = validators.component(null, component);
    if (!validate(example.value)) failures.push(`${id} response example ${name}: ${show(validate.errors)}`);
  }
}

for (const e of EDGE_BODIES) {
  if (!validators[e.document]) {
    failures.push(`edge body "${e.name}": no request body for operation ${e.document}`);
    continue;
  }
  let data = e.value;
  if (e.text !== undefined) {
    const parsed = parseBody(Buffer.from(e.text));
    if (!parsed.ok || parsed.hidden.length) continue; // only acr can judge these
    data = parsed.value;
  } else {
    data = ajvValue(e.value).value;
  }
  for (const mode of e.modes) {
    checked++;
    const v = ajvVerdict(validators, e.document, mode, data);
    const where = `edge body "${e.name}" (${e.document}, mode ${mode ?? "none"})`;
    if (v.valid !== e.expect) {
      failures.push(`${where}: ajv says ${v.valid ? "valid" : "invalid"}${v.valid ? "" : ` (${show(v.errors)})`}${pendingNote(e)}`);
    } else if (e.pointers && JSON.stringify([...e.pointers].sort()) !== JSON.stringify(v.pointers)) {
      failures.push(`${where}: ajv reports ${JSON.stringify(v.pointers)}, expected ${JSON.stringify([...e.pointers].sort())}`);
    }
  }
}

for (const f of failures) console.log(f);
console.log(`${Object.keys(doc.components.schemas).length} components compiled in strict mode; ` +
  `${checked} checks, ${failures.length} failed`);
process.exit(failures.length ? 1 : 0);
