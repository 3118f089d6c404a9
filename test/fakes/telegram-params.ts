/**
 * How the fake Bot API reads a request's parameters: from the query string, a JSON body, a form
 * or multipart (telegraf uses multipart for uploads, with every value a string and objects as
 * JSON strings), then checks them against the official method list (test/fixtures/telegram/
 * bot-api-methods.json, trimmed from the Bot API spec): values are coerced the way the real
 * server does, a missing required parameter is an error, and anything the spec doesn't know
 * (a misspelt parameter, a stray `hide` on a button) is recorded as a violation for tests to see.
 */
import { readFileSync } from 'node:fs';
import type { FakeRequest } from './fake-http.js';

export type Params = Record<string, unknown>;

export interface FilePart {
  filename: string;
  contentType: string;
  content: string;
}

interface FieldSpec {
  name: string;
  types: string[];
  required: boolean;
}

interface SpecFile {
  version: string;
  methods: Record<string, FieldSpec[]>;
  types: Record<string, FieldSpec[]>;
}

const spec = JSON.parse(
  readFileSync(new URL('../fixtures/telegram/bot-api-methods.json', import.meta.url), 'utf8'),
) as SpecFile;

export const SPEC_VERSION = spec.version;

export function knownMethod(method: string): boolean {
  return Object.hasOwn(spec.methods, method);
}

export function isFilePart(v: unknown): v is FilePart {
  return typeof v === 'object' && v !== null && 'filename' in v && 'content' in v;
}

/** All parameters of a request, whatever way they were sent. */
export function readParams(req: FakeRequest): Params {
  const params: Params = { ...req.query };
  const type = String(req.headers['content-type'] ?? '');
  if (type.startsWith('multipart/form-data')) {
    const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(type);
    Object.assign(params, parseMultipart(req.rawBody, boundary?.[1] ?? boundary?.[2] ?? ''));
    delete params.method; // telegraf repeats the method name as a form field
  } else if (typeof req.body === 'object' && req.body !== null) {
    Object.assign(params, req.body);
  }
  return params;
}

function parseMultipart(raw: string, boundary: string): Params {
  const out: Params = {};
  if (!boundary) return out;
  for (const part of raw.split(`--${boundary}`)) {
    const split = part.indexOf('\r\n\r\n');
    if (split < 0) continue;
    const head = part.slice(0, split);
    const body = part.slice(split + 4).replace(/\r\n$/, '');
    const name = /name="([^"]*)"/.exec(head)?.[1];
    if (name === undefined) continue;
    const filename = /filename="([^"]*)"/.exec(head)?.[1];
    const contentType = /content-type:\s*([^\r\n]+)/i.exec(head)?.[1] ?? 'application/octet-stream';
    out[name] = filename === undefined ? body : { filename, contentType, content: body };
  }
  return out;
}

/**
 * Coerce `params` per the spec for `method`. Returns the coerced copy, or the name of the first
 * missing required parameter. Problems that the real server would shrug off go to `violations`.
 */
export function checkParams(
  method: string,
  params: Params,
  violations: string[],
): { ok: true; params: Params } | { ok: false; missing: string } {
  const fields = spec.methods[method] ?? [];
  const out: Params = {};
  for (const [name, value] of Object.entries(params)) {
    const field = fields.find((f) => f.name === name);
    if (!field) {
      violations.push(`${method}: unknown parameter ${name}`);
      continue;
    }
    if (value === undefined || value === null) continue;
    out[name] = coerce(value, field.types, `${method}.${name}`, violations);
  }
  const missing = fields.find((f) => f.required && out[f.name] === undefined);
  return missing ? { ok: false, missing: missing.name } : { ok: true, params: out };
}

function coerce(value: unknown, types: string[], path: string, violations: string[]): unknown {
  for (const type of types) {
    const got = coerceTo(value, type, path, violations);
    if (got !== NO_MATCH) return got;
  }
  violations.push(`${path}: expected ${types.join(' or ')}, got ${JSON.stringify(value)?.slice(0, 80)}`);
  return value;
}

const NO_MATCH = Symbol('no match');

function coerceTo(value: unknown, type: string, path: string, violations: string[]): unknown {
  const array = /^Array of (.+)$/.exec(type);
  if (array) {
    const v = typeof value === 'string' ? tryJson(value) : value;
    if (!Array.isArray(v)) return NO_MATCH;
    return v.map((item, i) => coerce(item, [array[1] ?? ''], `${path}[${i}]`, violations));
  }
  switch (type) {
    case 'Integer':
      if (typeof value === 'number' && Number.isInteger(value)) return value;
      if (typeof value === 'string' && /^-?\d+$/.test(value)) return Number(value);
      return NO_MATCH;
    case 'Float':
      if (typeof value === 'number') return value;
      if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value)))
        return Number(value);
      return NO_MATCH;
    case 'String':
      return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : NO_MATCH;
    case 'Boolean':
      if (typeof value === 'boolean') return value;
      if (value === 'true' || value === 'false') return value === 'true';
      return NO_MATCH;
    case 'InputFile':
      return isFilePart(value) ? value : NO_MATCH;
    default: {
      const v = typeof value === 'string' ? tryJson(value) : value;
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return NO_MATCH;
      const fields = spec.types[type];
      if (!fields) return v; // a type the fake doesn't check field by field
      const out: Params = {};
      for (const [name, fv] of Object.entries(v as Params)) {
        const field = fields.find((f) => f.name === name);
        if (!field) violations.push(`${path}: ${type} has no field ${name}`);
        else if (fv !== undefined && fv !== null)
          out[name] = coerce(fv, field.types, `${path}.${name}`, violations);
      }
      for (const f of fields)
        if (f.required && out[f.name] === undefined) violations.push(`${path}: ${type}.${f.name} missing`);
      return out;
    }
  }
}

function tryJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return undefined;
  }
}
