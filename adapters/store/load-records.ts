/**
 * Reading a `{ "version": n, "<list>": [ … ] }` file as it may be found, not as it should be: what
 * is wrong with its shape (said in words, for the log), which records can be recovered anyway (a
 * bare list, or an object of records where the list belongs), and each record checked on its own.
 */
import type { z } from 'zod';
import { describeIssues, idOf, type Rejected } from './quarantine.js';

export interface Loaded<T> {
  data: T;
  /** What was wrong with the file as a whole; the file is then kept aside before it is rewritten. */
  problem?: string;
  /** Records that failed validation, for the quarantine file. */
  rejected: Rejected[];
}

export interface ListShape {
  version: unknown;
  items: unknown[];
  problem?: string;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const kindOf = (v: unknown): string =>
  v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'an object' : `a ${typeof v}`;

export function readListShape(raw: unknown, key: string): ListShape {
  const expected = `{"version": …, "${key}": [ … ]}`;
  if (Array.isArray(raw))
    return { version: undefined, items: raw, problem: `the file is a list, not ${expected}` };
  if (!isObject(raw))
    return { version: undefined, items: [], problem: `the file is ${kindOf(raw)}, not ${expected}` };
  const list = raw[key];
  if (Array.isArray(list)) return { version: raw.version, items: list };
  if (isObject(list))
    return {
      version: raw.version,
      items: Object.values(list),
      problem: `"${key}" is an object, not a list; its values were read as the ${key}`,
    };
  return {
    version: raw.version,
    items: [],
    problem: list === undefined ? `there is no "${key}" list` : `"${key}" is ${kindOf(list)}, not a list`,
  };
}

/** Each item through `schema`: the valid ones, and the others named by `idKey` or position. */
export function validateEach<R>(
  items: unknown[],
  schema: z.ZodType<R>,
  idKey: string,
): { records: R[]; rejected: Rejected[] } {
  const records: R[] = [];
  const rejected: Rejected[] = [];
  items.forEach((item, i) => {
    const parsed = schema.safeParse(item);
    if (parsed.success) records.push(parsed.data);
    else
      rejected.push({ id: idOf(item, idKey) ?? `#${i}`, reason: describeIssues(parsed.error), record: item });
  });
  return { records, rejected };
}
