// ajv (draft 2020-12, strict mode) validators for the request bodies of
// schema/cloud_recording.json, with the schema's x- keywords registered so that the
// whole schema is checked (schema/README.md, "Extensions"): x-acr-modes,
// x-acr-if-modes/x-acr-then, x-acr-required-in-modes, x-acr-max-product,
// x-acr-max-bytes and x-acr-max-prefix-length are enforced; x-acr-expected,
// x-enum-varnames, x-acr-secret and x-acr-absent-means-default are annotations.
import Ajv2020 from "ajv/dist/2020.js";
import fs from "node:fs";

export const MODES = ["individual", "mix", "web"];
const BASE = "https://acr.invalid/schema/cloud_recording.json";
const METHODS = ["get", "put", "post", "delete", "patch"];

export function loadDocument(path) {
  return JSON.parse(fs.readFileSync(path, "utf8"));
}

// Every operation of the document: {id, method, path, op}, in document order.
export function operations(doc) {
  const out = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) if (item[method]) out.push({ id: item[method].operationId, method, path, op: item[method] });
  }
  return out;
}

// {operationId: request component name} for every operation with a request body.
export function requestDocuments(doc) {
  const documents = {};
  for (const { id, op } of operations(doc)) {
    const ref = op.requestBody?.content?.["application/json"]?.schema?.$ref;
    if (ref) documents[id] = ref.split("/").pop();
  }
  return documents;
}

// The acr subcommand of an operationId: kebab-case (updateLayout -> update-layout).
export function cliName(operationId) {
  return operationId.replace(/([a-z0-9])([A-Z])/g, "$1-$2").replace(/_/g, "-").toLowerCase();
}

// Characters, as the schema counts them (code points, like minLength/maxLength).
function characters(s) {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

// Calls fn(schema) on every schema object of a components.schemas tree.
function eachSchema(schema, fn) {
  if (Array.isArray(schema)) {
    for (const s of schema) eachSchema(s, fn);
    return;
  }
  if (!schema || typeof schema !== "object") return;
  fn(schema);
  for (const [key, value] of Object.entries(schema)) {
    if (key === "properties") for (const s of Object.values(value)) eachSchema(s, fn);
    else if (["items", "allOf", "oneOf", "anyOf", "not", "if", "then", "else", "contains", "x-acr-then"].includes(key)) {
      eachSchema(value, fn);
    }
  }
}

// The components as ajv sees them in `mode` (null: no mode). Two extensions need
// the enclosing object, which a keyword cannot see from where it is written:
// - x-acr-required-in-modes sits in a property's schema, which ajv does not
//   evaluate when the property is absent; in a mode it names, the object gets an
//   allOf entry {"required": [name]} (reported at the missing property, as acr does);
// - x-acr-max-product uses the named properties' defaults, which live in the
//   object's properties; they are copied into the rule as "defaults".
function componentsFor(doc, mode) {
  const components = structuredClone(doc.components);
  eachSchema(Object.values(components.schemas), (schema) => {
    if (!schema.properties || typeof schema.properties !== "object") return;
    for (const [name, property] of Object.entries(schema.properties)) {
      const modes = property && property["x-acr-required-in-modes"];
      if (Array.isArray(modes) && mode !== null && modes.includes(mode)) {
        // ("properties": strictRequired wants the name defined beside "required"; a
        // null counts as absent, as everywhere in acr.)
        schema.allOf = [...(schema.allOf || []), { required: [name], properties: { [name]: { not: { type: "null" } } } }];
      }
    }
    for (const rule of schema.allOf || []) {
      const product = rule && rule["x-acr-max-product"];
      if (!product) continue;
      product.defaults = {};
      for (const name of product.properties) {
        const d = schema.properties[name]?.default;
        if (d !== undefined) product.defaults[name] = d;
      }
    }
  });
  return components;
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
  // Annotations: the C generator uses them, they check nothing.
  ajv.addKeyword({ keyword: "x-acr-secret", schemaType: "boolean" });
  ajv.addKeyword({ keyword: "x-acr-absent-means-default", schemaType: "boolean" });
  ajv.addKeyword({ keyword: "x-acr-required-in-modes", schemaType: "array" }); // see componentsFor
  ajv.addKeyword({ keyword: "x-acr-then", schemaType: "object" }); // see x-acr-if-modes
  // An allOf entry {"x-acr-if-modes": [modes], "x-acr-then": S}: S applies in
  // those modes only; without a mode it is skipped (as `acr validate` does).
  // String rules on a property are written without "type" (the property's own
  // schema has it); strictTypes wants it beside them, so it is added here.
  ajv.addKeyword({
    keyword: "x-acr-if-modes",
    schemaType: "array",
    macro: (modes, parentSchema) => {
      if (mode === null || !modes.includes(mode)) return true;
      const then = structuredClone(parentSchema["x-acr-then"]);
      for (const property of Object.values(then.properties || {})) {
        const stringRules = ["pattern", "minLength", "maxLength", "x-acr-max-bytes"].some((k) => k in property);
        if (stringRules && !("type" in property)) property.type = "string";
      }
      return then;
    },
  });
  // On a string: at most N bytes of UTF-8 (the service counts bytes).
  ajv.addKeyword({
    keyword: "x-acr-max-bytes",
    type: "string",
    schemaType: "number",
    errors: false,
    validate: (max, data) => Buffer.byteLength(data, "utf8") <= max,
  });
  // An allOf entry {"x-acr-max-product": {"properties": [a, b], "maximum": N}}:
  // the product of the named properties is at most N; an absent one counts as
  // its default (componentsFor copies them in); absent without a default, or not
  // a number (already a type error), and the rule is skipped.
  ajv.addKeyword({
    keyword: "x-acr-max-product",
    type: "object",
    schemaType: "object",
    errors: false,
    validate: (rule, data) => {
      let product = 1;
      for (const name of rule.properties) {
        const value = Object.hasOwn(data, name) && data[name] !== null ? data[name] : rule.defaults?.[name];
        if (typeof value !== "number") return true;
        product *= value;
      }
      return product <= rule.maximum;
    },
  });
  // Any other x- key (an annotation for other tools) is accepted as one.
  for (const key of extensionKeys(doc.components)) {
    if (!ajv.getKeyword(key)) ajv.addKeyword({ keyword: key });
  }
  // The OpenAPI container of the schemas, so that "#/components/schemas/Name"
  // resolves exactly as in the document. Only the schemas reached from the
  // compiled $refs are compiled (and strictly checked).
  ajv.addKeyword({ keyword: "components" });
  ajv.addSchema({ $id: BASE, components: componentsFor(doc, mode) });
  return ajv;
}

// For tests of the keywords on another document (tests/second_schema/widgets.json).
export { makeAjv, BASE };

// {operationId: {none, individual, mix, web}} for every request body: compiled
// validators. Also compiles every component once, so strict mode sees the whole
// schema.
export function makeValidators(doc) {
  const documents = requestDocuments(doc);
  const validators = {};
  const components = {};
  for (const document of Object.keys(documents)) validators[document] = {};
  for (const mode of [null, ...MODES]) {
    const ajv = makeAjv(doc, mode);
    for (const name of Object.keys(doc.components.schemas)) {
      ajv.compile({ $ref: `${BASE}#/components/schemas/${name}` });
    }
    for (const [document, component] of Object.entries(documents)) {
      validators[document][mode ?? "none"] = ajv.compile({
        $ref: `${BASE}#/components/schemas/${component}`,
      });
    }
    components[mode ?? "none"] = (name) => ajv.getSchema(`${BASE}#/components/schemas/${name}`);
  }
  Object.defineProperty(validators, "tested", { value: testedProperties(doc) });
  // validators.component(mode, "QueryResponse"): the compiled validator of any component.
  Object.defineProperty(validators, "component", { value: (mode, name) => components[mode ?? "none"](name) });
  return validators;
}

function escapePointerToken(token) {
  return String(token).replace(/~/g, "~0").replace(/\//g, "~1");
}

// The JSON pointer an ajv error stands for, in the C validator's convention: a
// missing or unknown property (also one that dependentRequired asks for) is
// reported at the property itself, everything else at the value ajv names. The "if" errors only repeat what their "then"
// errors say, so they stand for nothing (x-acr-if-modes the same).
export function errorPointer(error) {
  // The items a "contains" tried: its own error names the array.
  if (/\/contains\//.test(error.schemaPath)) return null;
  switch (error.keyword) {
    case "if":
    case "x-acr-if-modes": // a macro: its own error only repeats those of its x-acr-then
      return null;
    case "required":
    case "dependentRequired":
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

// The properties that conditional rules test (`if.properties`, `if.required`), in
// any component.
function testedProperties(doc) {
  const names = new Set();
  eachSchema(Object.values(doc.components.schemas), (schema) => {
    for (const rule of schema.allOf || []) {
      if (!rule || !rule.if) continue;
      for (const name of Object.keys(rule.if.properties || {})) names.add(name);
      for (const name of rule.if.required || []) names.add(name);
    }
  });
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
// them: "storageConfig#/allOf/3" (a rule of the component under that property, or
// of the property's own schema), "x-acr-modes:webRecordingConfig",
// "x-acr-max-prefix-length:fileNamePrefix", "x-acr-required-in-modes:recordingConfig",
// "x-acr-max-bytes:cname".
export function ruleSites(doc) {
  const sites = new Set();
  const schemas = doc.components.schemas;
  // The request bodies' own rules (the cname mode rule) are named "#/allOf/i".
  for (const component of Object.values(requestDocuments(doc))) {
    (schemas[component].allOf || []).forEach((_, i) => sites.add(`#/allOf/${i}`));
  }
  eachSchema(Object.values(schemas), (schema) => {
    for (const [name, property] of Object.entries(schema.properties || {})) {
      // A component under the property, or under its items (named by the array).
      const ref = property.$ref || property.items?.$ref;
      const target = ref ? schemas[ref.split("/").pop()] : property;
      (target.allOf || []).forEach((_, i) => sites.add(`${name}#/allOf/${i}`));
      for (const keyword of ["x-acr-modes", "x-acr-max-prefix-length", "x-acr-required-in-modes", "x-acr-max-bytes"]) {
        if (property[keyword] !== undefined || (target[keyword] !== undefined && keyword === "x-acr-max-bytes")) {
          sites.add(`${keyword}:${name}`);
        }
      }
    }
  });
  return sites;
}

// The rule sites that ajv errors show broken.
export function ruleHits(errors) {
  const hits = new Set();
  for (const e of errors) {
    // The property's name; for an array item, the array's name.
    const path = e.instancePath.replace(/\/\d+$/, "");
    const name = unescapeToken(path.slice(path.lastIndexOf("/") + 1));
    const rule = /(?:^#|\/properties\/[^/]+)\/allOf\/(\d+)\/(if|not|x-acr-[a-z-]+)$/.exec(e.schemaPath);
    if (rule) hits.add(`${name}#/allOf/${rule[1]}`);
    if (e.keyword.startsWith("x-acr-")) hits.add(`${e.keyword}:${name}`);
    // x-acr-required-in-modes becomes {"required": [name]} in an allOf (componentsFor).
    if (e.keyword === "required" && /(^#|\/properties\/[^/]+)\/allOf\/\d+\/required$/.test(e.schemaPath)) {
      hits.add(`x-acr-required-in-modes:${e.params.missingProperty}`);
    }
  }
  return hits;
}
