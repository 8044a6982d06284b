// Request bodies as the comparison needs them: the JSON text acr reads and the
// JavaScript value ajv validates. They differ only where a JavaScript number
// cannot hold a JSON integer exactly (stsExpiration is uint64): such a number is
// written as Big("literal"); the text carries the literal, and ajv sees a stand-in
// with the same verdict against stsExpiration's bounds (0..2^64-1).

export const UINT64_MAX = 18446744073709551615n;
const IN_RANGE_STAND_IN = 1735707600;
const OUT_OF_RANGE_STAND_IN = -1;

export class Big {
  constructor(literal) {
    this.literal = literal;
  }
  get inUint64Range() {
    const n = BigInt(this.literal);
    return n >= 0n && n <= UINT64_MAX;
  }
  toJSON() {
    return `@@BIG:${this.literal}@@`;
  }
}

export function bodyText(value) {
  const text = JSON.stringify(value);
  return text === undefined ? "" : text.replace(/"@@BIG:(-?\d+)@@"/g, "$1");
}

// The value ajv validates; `specialCased` tells whether a Big was replaced.
export function ajvValue(value) {
  let specialCased = false;
  const walk = (v) => {
    if (v instanceof Big) {
      specialCased = true;
      return v.inUint64Range ? IN_RANGE_STAND_IN : OUT_OF_RANGE_STAND_IN;
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === "object") {
      const out = {};
      for (const [k, x] of Object.entries(v)) out[k] = walk(x);
      return out;
    }
    return v;
  };
  return { value: walk(value), specialCased };
}

export function clone(value) {
  if (value instanceof Big) return value;
  if (Array.isArray(value)) return value.map(clone);
  if (value !== null && typeof value === "object") {
    const out = {};
    for (const [k, x] of Object.entries(value)) out[k] = clone(x);
    return out;
  }
  return value;
}
