// Exact numbers both ways: what a person types is sent as the digits they typed, and a stored scenario's decimals come
// back as the digits the API wrote (JSON.parse's source text), never through a binary floating-point round trip.

/** A JSON number kept as its text. */
export class Decimal {
  constructor(text) { this.text = text; }
  toString() { return this.text; }
}

const jsonNumber = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;

/**
 * What a person typed into a number field: thousands separators, spaces and a leading $ are dropped; a JSON number
 * becomes a Decimal; anything else is sent as the text it is, for the API to refuse at its path.
 */
export function numberFrom(typed) {
  const cleaned = typed.trim().replace(/^\$/, '').replace(/[,_\s]/g, '');
  if (jsonNumber.test(cleaned)) return new Decimal(cleaned);
  const leadingDot = /^(-?)\.(\d+)$/.exec(cleaned);
  return leadingDot ? new Decimal(`${leadingDot[1]}0.${leadingDot[2]}`) : typed.trim();
}

/** Parses JSON, keeping every number as a Decimal of its source text where the browser gives it. */
export function parse(text) {
  return JSON.parse(text, (key, value, context) =>
    typeof value === 'number' ? new Decimal(context?.source ?? String(value)) : value);
}

/** Writes JSON, Decimals as their digits. */
export function stringify(value) {
  if (value instanceof Decimal) return value.text;
  if (Array.isArray(value)) return `[${value.map(stringify).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => `${JSON.stringify(k)}:${stringify(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The value at a dotted path, or undefined. */
export function get(object, path) {
  return path.split('.').reduce((node, part) => (node !== null && typeof node === 'object' ? node[part] : undefined), object);
}

/** Sets the value at a dotted path, making objects on the way; undefined removes it, and any object it leaves empty. */
export function set(object, path, value) {
  const parts = path.split('.');
  const trail = [object];
  let node = object;
  for (const part of parts.slice(0, -1)) {
    if (node[part] === null || typeof node[part] !== 'object') {
      if (value === undefined) return;
      node[part] = {};
    }
    node = node[part];
    trail.push(node);
  }
  if (value === undefined) {
    delete node[parts.at(-1)];
    for (let i = trail.length - 1; i > 0 && Object.keys(trail[i]).length === 0; i--) {
      delete trail[i - 1][parts[i - 1]];
    }
  } else {
    node[parts.at(-1)] = value;
  }
}

/** A deep copy that keeps Decimals. */
export function clone(value) {
  if (value instanceof Decimal || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(clone);
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clone(v)]));
}
