#!/usr/bin/env node
// The x-acr- extensions as lib/schema.mjs teaches them to ajv, checked on the
// second schema's PolishRequest (tests/second_schema/widgets.json), which uses
// every rule form: for each body, ajv's JSON pointers must be the ones the C
// validator reports (tests/second_schema/test_widgets.c asserts the same).
// Exits 1 on any difference.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { BASE, errorPointer, makeAjv } from "./lib/schema.mjs";

// run.sh runs a copy of this script beside node_modules in the build tree, so the
// source tree comes from ACR_SOURCE_DIR (set by run.sh).
const here = path.dirname(fileURLToPath(import.meta.url));
const source = process.env.ACR_SOURCE_DIR || path.join(here, "..", "..");
const doc = JSON.parse(fs.readFileSync(path.join(source, "tests", "second_schema", "widgets.json"), "utf8"));
const base = { serial: "PL-0001" };
// [mode (null: none), body, the C validator's pointers]
const CASES = [
  [null, base, []],
  ["final", base, ["/cloth"]],
  ["review", base, []],
  ["review", { ...base, note: "polish" }, ["/note"]],
  ["final", { ...base, cloth: "c", note: "polish" }, []],
  [null, { ...base, label: "\u00e9\u00e9\u00e9\u00e9\u00e9" }, ["/label"]],
  [null, { ...base, label: "\u00e9\u00e9\u00e9\u00e9" }, []],
  [null, { ...base, height: 60 }, ["", "/width"]],
  [null, { ...base, width: 500, height: 10 }, []],
  [null, { ...base, width: 501, height: 10 }, [""]],
  [null, { ...base, width: 100000 }, []],
  [null, { ...base, wax: {} }, ["/wax"]],
  [null, { ...base, wax: null }, []],
  [null, { ...base, grade: 3, wax: {} }, []],
  [null, { ...base, finishes: ["gloss"] }, ["/finishes"]],
  [null, { ...base, finishes: ["gloss", "satin"] }, []],
  [null, { ...base, method: "machine" }, ["/speed"]],
  [null, { ...base, method: "machine", speed: 2, grade: 3, wax: { spec: {} } }, ["/wax/spec/temperature"]],
  [null, { ...base, method: "machine", speed: 2, grade: 3, wax: null }, []],
  [null, { ...base, method: "hand", speed: 5 }, ["/speed"]],
  [null, { ...base, note: "x", method: "machine", speed: 2 }, ["/method"]],
  [null, { ...base, glos: 1 }, ["/glos"]],
  [null, { ...base, gloss: 1.6 }, ["/gloss"]],
  // if on a nested property; dependentRequired in a then (nested and at its top)
  [null, { ...base, grade: 3, wax: { spec: { temperature: 80 } } }, ["/method"]],
  [null, { ...base, grade: 3, wax: { spec: { temperature: 90 } }, method: "hand", speed: 2 }, ["/method"]],
  [null, { ...base, grade: 3, wax: { spec: { temperature: 40 } }, method: "hand" }, []],
  [null, { ...base, grade: 3, wax: { spec: {} } }, []],
  [null, { ...base, grade: 3, wax: { brand: "shiny", spec: {} } }, ["/note"]],
  [null, { ...base, grade: 3, wax: { brand: "acme", spec: {} } }, []],
  [null, { ...base, grade: 3, wax: { brand: "acme" } }, ["/wax/spec"]],
  [null, { ...base, grade: 3, wax: { spec: {} }, height: 10, width: 100 }, ["/speed"]],
  [null, { ...base, grade: 3, wax: null, height: 10, width: 100 }, []],
];

let bad = 0;
const validators = new Map();
for (const [mode, body, expected] of CASES) {
  if (!validators.has(mode)) {
    validators.set(mode, makeAjv(doc, mode).compile({ $ref: `${BASE}#/components/schemas/PolishRequest` }));
  }
  const validate = validators.get(mode);
  const valid = validate(body);
  const pointers = valid ? [] : [...new Set(validate.errors.map(errorPointer).filter((p) => p !== null))].sort();
  if (JSON.stringify(pointers) !== JSON.stringify([...expected].sort())) {
    bad++;
    console.log(`differs (mode ${mode}): ${JSON.stringify(body)}: ajv ${JSON.stringify(pointers)}, ` +
                `acr ${JSON.stringify(expected)}`);
  }
}
console.log(`${CASES.length} bodies, ${CASES.length - bad} agree, ${bad} disagree`);
process.exit(bad ? 1 : 0);
