// What JSON.parse hides: a walk over well-formed JSON text that finds the places
// where the JavaScript value ajv sees is not the document the C validator sees,
// or where acr departs from JSON Schema by documented design.
//   - duplicate keys (JSON.parse keeps the last one; acr reports the repeat),
//   - number literals that a JavaScript number does not hold exactly when the
//     difference matters to the schema: an integer beyond 2^53, a fraction that
//     rounds to an integer, an overflow to Infinity,
//   - strings with unpaired UTF-16 surrogates (\ud800): not Unicode text, which
//     acr rejects as malformed JSON and JavaScript keeps as is.
//   - strings holding U+0000, which acr refuses by design (README: "a string
//     holding U+0000 is refused rather than truncated"; C strings cannot hold it),
//   - nesting deeper than acr's parse limit (exit 2 by design),
//   - a body longer than acr's size limit, ACR_MAX_REQUEST_BYTES (exit 2 by design).
// Each finding is {pointer, kind, detail}.

function escapeToken(token) {
  return token.replace(/~/g, "~0").replace(/\//g, "~1");
}

// acr's request size limit (ACR_MAX_REQUEST_BYTES, README).
const MAX_REQUEST_BYTES = 1048576;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

// Is the decimal literal's value an integer, and does Number(literal) keep it?
function numberFinding(literal) {
  const n = Number(literal);
  if (!Number.isFinite(n)) return "beyond the range of a JavaScript number";
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(literal);
  const digits = m[2] + (m[3] || "");
  let exponent = Number(m[4] || 0) - (m[3] || "").length;
  let mantissa = digits.replace(/^0+(?=\d)/, "");
  while (mantissa.length > 1 && mantissa.endsWith("0")) {
    mantissa = mantissa.slice(0, -1);
    exponent++;
  }
  if (/^0+$/.test(mantissa)) return null; // zero, in any spelling
  const exactIsInteger = exponent >= 0;
  if (!exactIsInteger) {
    return Number.isInteger(n) ? "a fraction that a JavaScript number rounds to an integer" : null;
  }
  // Beyond 2^53 JavaScript cannot compare exactly, neither the value nor the
  // schema's bounds (stsExpiration's maximum 18446744073709551615 is read as 2^64).
  return Number.isSafeInteger(n) ? null : "an integer beyond 2^53";
}

// acr's documented parse limit (README: "The nesting depth is limited (64 by
// default)"): deeper text is refused as malformed (exit 2), so ajv has nothing to
// compare with. The root object or array is level 1.
export const ACR_MAX_DEPTH = 64;

function nestingDepth(text) {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
    } else if (c === "{" || c === "[") {
      depth++;
      if (depth > max) max = depth;
    } else if (c === "}" || c === "]") {
      depth--;
    }
  }
  return max;
}

export function findHidden(text) {
  const depth = nestingDepth(text);
  if (depth > ACR_MAX_DEPTH) {
    return [{ pointer: "", kind: "depth", detail: `${depth} levels of nesting, acr reads at most ${ACR_MAX_DEPTH}` }];
  }
  const findings = [];
  let i = 0;
  const ws = () => {
    while (i < text.length && " \t\r\n".includes(text[i])) i++;
  };
  const string = () => {
    const start = i;
    i++;
    while (text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i));
  };
  const value = (pointer) => {
    ws();
    const c = text[i];
    if (c === "{") {
      i++;
      const seen = new Set();
      ws();
      if (text[i] === "}") {
        i++;
        return;
      }
      for (;;) {
        ws();
        const key = string();
        const child = `${pointer}/${escapeToken(key)}`;
        if (LONE_SURROGATE.test(key)) findings.push({ pointer: child, kind: "lone-surrogate", detail: "key" });
        if (seen.has(key)) findings.push({ pointer: child, kind: "duplicate-key", detail: key });
        seen.add(key);
        ws();
        i++; // ':'
        value(child);
        ws();
        if (text[i++] === "}") return;
      }
    } else if (c === "[") {
      i++;
      ws();
      if (text[i] === "]") {
        i++;
        return;
      }
      for (let index = 0; ; index++) {
        value(`${pointer}/${index}`);
        ws();
        if (text[i++] === "]") return;
      }
    } else if (c === '"') {
      const s = string();
      if (LONE_SURROGATE.test(s)) findings.push({ pointer, kind: "lone-surrogate", detail: "value" });
      if (s.includes("\u0000")) findings.push({ pointer, kind: "nul", detail: "U+0000 in a string value" });
    } else if (c === "t" || c === "n") {
      i += 4;
    } else if (c === "f") {
      i += 5;
    } else {
      const m = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 2000));
      i += m[0].length;
      const detail = numberFinding(m[0]);
      if (detail) findings.push({ pointer, kind: "number", detail: `${m[0]}: ${detail}` });
    }
  };
  value("");
  return findings;
}

// Parses body text as acr reads it (UTF-8 bytes): {ok: false, reason} when it is
// not JSON at all, else {ok: true, value, hidden: findHidden(text)}.
export function parseBody(bytes) {
  let text;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch (e) {
    return { ok: false, reason: "not UTF-8" };
  }
  let value;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, reason: `JSON.parse: ${e.message}` };
  }
  const hidden = findHidden(text);
  if (bytes.length > MAX_REQUEST_BYTES) {
    hidden.push({ pointer: "", kind: "size", detail: `${bytes.length} bytes, acr reads at most ${MAX_REQUEST_BYTES}` });
  }
  return { ok: true, value, text, hidden };
}
