// ajv (draft 2020-12, strict mode) validators for the request bodies of
// schema/cloud_recording.json, with the schema's x- keywords registered so that the
// whole schema is checked: x-acr-max-prefix-length, x-acr-modes, x-acr-max-bytes,
// x-acr-if-modes/x-acr-then, x-acr-required-in-modes and x-acr-max-product are
// enforced; x-acr-expected, x-enum-varnames, x-acr-absent-means-default and any
// other x- key are annotations (schema/README.md, "Extensions").
import Ajv2020 from "ajv/dist/2020.js";
import fs from "node:fs";

export const MODES = ["individual", "mix", "web"];
export const DOCUMENTS = { update: "UpdateRequest", stop: "StopRequest" };
const BASE = "https://acr.invalid/schema/cloud_recording.json";

export function loadDocument(path) {
  return JSON.parse(fs.readFileSync(path, "utf8"));
}

// Characters, as the schema counts them (code points, like minLength/maxLength).
function characters(s) {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

// The extensions that ajv cannot read where they stand, moved to where a keyword
// can check them (on a deep copy): x-acr-required-in-modes (beside a property)
// becomes an x-acr-if-modes rule of its object requiring it, and each
// x-acr-max-product learns the defaults of its properties.
function prepare(doc) {
  const copy = structuredClone(doc);
  const visit = (node) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== "object") return;
    for (const value of Object.values(node)) visit(value);
    if (!node.properties || typeof node.properties !== "object") return;
    const schemas = copy.components.schemas;
    const propertySchema = (p) => (p && p.$ref ? schemas[p.$ref.split("/").pop()] || {} : p || {});
    for (const [name, property] of Object.entries(node.properties)) {
      const modes = property && property["x-acr-required-in-modes"];
      // Null means absent: a null value does not satisfy the rule either.
      if (modes) {
        (node.allOf ||= []).push({
          "x-acr-if-modes": modes,
          "x-acr-then": { required: [name], properties: { [name]: { not: { type: "null" } } } },
        });
      }
    }
    for (const rule of node.allOf || []) {
      const spec = rule["x-acr-max-product"];
      if (!spec) continue;
      const defaults = {};
      for (const name of spec.properties) {
        const property = node.properties[name];
        const d = property && "default" in property ? property.default : propertySchema(property).default;
        if (d !== undefined) defaults[name] = d;
      }
      rule["x-acr-max-product"] = { ...spec, defaults };
    }
  };
  visit(copy.components);
  return copy;
}

// Every x- key used anywhere in the components (registered as annotations when no
// keyword below gives it a meaning).
function extensionKeys(node, keys = new Set()) {
  if (Array.isArray(node)) node.forEach((v) => extensionKeys(v, keys));
  else if (node && typeof node === "object") {
    for (const [k, v] of Object.entries(node)) {
      if (k.startsWith("x-")) keys.add(k);
      extensionKeys(v, keys);
    }
  }
  return keys;
}

// One Ajv instance for one mode (null: no mode, the mode rules are skipped).
function makeAjv(doc, mode) {
  const ajv = new Ajv2020({
    strict: true,
    strictSchema: true,
    strictNumbers: true,
    strictTypes: true,
    strictTuples: true,
    strictRequired: true,
    allErrors: true,
    // ["object", "null"] and the like: the schema's way of saying "nullable".
    allowUnionTypes: true,
  });
  // Annotations only.
  ajv.addKeyword({ keyword: "x-acr-expected", schemaType: "string" });
  ajv.addKeyword({ keyword: "x-enum-varnames", schemaType: "array" });
  // Beside a property's $ref: the modes in which the property may be present.
  // A present, non-null value in another mode is invalid; without a mode the
  // check is skipped (as `acr validate` without --mode does).
  ajv.addKeyword({
    keyword: "x-acr-modes",
    schemaType: "array",
    errors: false,
    validate: (modes, data) => mode === null || data === null || modes.includes(mode),
  });
  // On an array of strings: the sum of the element lengths plus one per element
  // ("directory1/directory2/") must be at most N. A non-string element (already
  // reported by `items`) still counts one, for its "/", as acr counts it.
  ajv.addKeyword({
    keyword: "x-acr-max-prefix-length",
    type: "array",
    schemaType: "number",
    errors: false,
    validate: (max, data) => {
      let total = 0;
      for (const element of data) {
        total += (typeof element === "string" ? characters(element) : 0) + 1;
      }
      return total <= max;
    },
  });
  // A string of at most N bytes of UTF-8.
  ajv.addKeyword({
    keyword: "x-acr-max-bytes",
    type: "string",
    schemaType: "number",
    errors: false,
    validate: (max, data) => Buffer.byteLength(data, "utf8") <= max,
  });
  // x-acr-then applies in the listed modes only; skipped without a mode.
  ajv.addKeyword({
    keyword: "x-acr-if-modes",
    schemaType: "array",
    macro: (modes, parentSchema) =>
      mode !== null && modes.includes(mode) ? parentSchema["x-acr-then"] : true,
  });
  ajv.addKeyword({ keyword: "x-acr-then", schemaType: "object" });
  // The product of the integer properties (absent or null: the default; no
  // default: the rule is skipped) must not exceed the maximum.
  ajv.addKeyword({
    keyword: "x-acr-max-product",
    type: "object",
    schemaType: "object",
    errors: false,
    validate: (spec, data) => {
      let product = 1n;
      for (const name of spec.properties) {
        const given = data[name] === undefined || data[name] === null ? spec.defaults?.[name] : data[name];
        if (!Number.isInteger(given)) return true; // absent without default, or a type error reported elsewhere
        product *= BigInt(given);
      }
      return product <= BigInt(spec.maximum);
    },
  });
  for (const key of extensionKeys(doc.components)) {
    if (!ajv.getKeyword(key)) ajv.addKeyword({ keyword: key });
  }
  // The OpenAPI container of the schemas, so that "#/components/schemas/Name"
  // resolves exactly as in the document. Only the schemas reached from the
  // compiled $refs are compiled (and strictly checked).
  ajv.addKeyword({ keyword: "components" });
  ajv.addSchema({ $id: BASE, components: prepare(doc).components });
  return ajv;
}

// For tests of the keywords on another document (tests/second_schema/widgets.json).
export { makeAjv, BASE };

// {update: {none, individual, mix, web}, stop: {...}}: compiled validators.
// Also compiles every component once, so strict mode sees the whole schema.
export function makeValidators(doc) {
  const validators = {};
  for (const document of Object.keys(DOCUMENTS)) validators[document] = {};
  for (const mode of [null, ...MODES]) {
    const ajv = makeAjv(doc, mode);
    if (mode === null) {
      for (const name of Object.keys(doc.components.schemas)) {
        ajv.compile({ $ref: `${BASE}#/components/schemas/${name}` });
      }
    }
    for (const [document, component] of Object.entries(DOCUMENTS)) {
      validators[document][mode ?? "none"] = ajv.compile({
        $ref: `${BASE}#/components/schemas/${component}`,
      });
    }
  }
  Object.defineProperty(validators, "tested", { value: testedProperties(doc) });
  return validators;
}

function escapePointerToken(token) {
  return String(token).replace(/~/g, "~0").replace(/\//g, "~1");
}

// The JSON pointer an ajv error stands for, in the C validator's convention: a
// missing or unknown property is reported at the property itself, everything
// else at the value ajv names. The "if" errors only repeat what their "then"
// errors say, so they stand for nothing.
export function errorPointer(error) {
  // A failed `contains` also lists each item's miss: the array's error says it all.
  if (error.schemaPath.includes("/contains/")) return null;
  switch (error.keyword) {
    case "if":
    case "x-acr-if-modes": // its x-acr-then's errors say what is wrong, and where
      return null;
    case "required":
      return `${error.instancePath}/${escapePointerToken(error.params.missingProperty)}`;
    case "additionalProperties":
      return `${error.instancePath}/${escapePointerToken(error.params.additionalProperty)}`;
    case "unevaluatedProperties":
      return `${error.instancePath}/${escapePointerToken(error.params.unevaluatedProperty)}`;
    case "dependentRequired":
      return `${error.instancePath}/${escapePointerToken(error.params.missingProperty)}`;
    default:
      return error.instancePath;
  }
}

// The properties that conditional rules test (`if.properties`), in any component.
function testedProperties(doc) {
  const names = new Set();
  for (const schema of Object.values(doc.components.schemas)) {
    for (const rule of schema.allOf || []) {
      if (rule.if && rule.if.properties) for (const name of Object.keys(rule.if.properties)) names.add(name);
    }
  }
  return names;
}

// Validates `data` as `document` in `mode` ("none" or a mode):
// {valid, pointers (sorted, unique), errors}.
//
// One normalization of the pointers (never of the verdict): when the property a
// conditional rule tests has the wrong JSON type (`"vendor": "1"`, `"vendor": null`),
// acr reports that type error and does not evaluate the rules that test it, while
// ajv still evaluates `{"not": {"enum": [1, 2, 3]}}` on the string and so may add a
// `then` error. Those `then` errors are dropped from the pointer set; the body is
// invalid either way.
export function ajvVerdict(validators, document, mode, data) {
  const validate = validators[document][mode ?? "none"];
  const valid = validate(data);
  const errors = valid ? [] : validate.errors.map((e) => ({ ...e }));
  const tested = validators.tested;
  const mistyped = errors
    .filter((e) => e.keyword === "type")
    .map((e) => e.instancePath)
    .filter((p) => tested.has(unescapeToken(p.slice(p.lastIndexOf("/") + 1))))
    .map((p) => p.slice(0, p.lastIndexOf("/")));
  const counted = errors.filter((e) => !(e.schemaPath.includes("/then/") &&
    mistyped.some((object) => e.instancePath === object || e.instancePath.startsWith(`${object}/`))));
  const pointers = [...new Set(counted.map(errorPointer).filter((p) => p !== null))].sort();
  return { valid, pointers, errors };
}

function unescapeToken(token) {
  return token.replace(/~1/g, "/").replace(/~0/g, "~");
}

// The rules a body can break beyond plain keywords, named the way ruleHits names
// them: "storageConfig#/allOf/3" (a rule of the component under that property),
// "x-acr-modes:webRecordingConfig", "x-acr-max-prefix-length:fileNamePrefix".
export function ruleSites(doc) {
  const sites = new Set();
  const schemas = doc.components.schemas;
  for (const schema of Object.values(schemas)) {
    for (const [name, property] of Object.entries(schema.properties || {})) {
      const target = property.$ref ? schemas[property.$ref.split("/").pop()] : property;
      (target.allOf || []).forEach((_, i) => sites.add(`${name}#/allOf/${i}`));
      if (property["x-acr-modes"]) sites.add(`x-acr-modes:${name}`);
      if (property["x-acr-max-prefix-length"] !== undefined) sites.add(`x-acr-max-prefix-length:${name}`);
    }
  }
  return sites;
}

// The rule sites that ajv errors show broken.
export function ruleHits(errors) {
  const hits = new Set();
  for (const e of errors) {
    const name = unescapeToken(e.instancePath.slice(e.instancePath.lastIndexOf("/") + 1));
    const rule = /^#\/allOf\/(\d+)\/(if|not)$/.exec(e.schemaPath);
    if (rule) hits.add(`${name}#/allOf/${rule[1]}`);
    if (e.keyword.startsWith("x-acr-")) hits.add(`${e.keyword}:${name}`);
  }
  return hits;
}
