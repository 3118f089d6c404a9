/**
 * Small zod helpers for environment variables: everything arrives as a string or undefined,
 * and an empty value (`FOO=` in .env) means "not set".
 */
import { z } from 'zod';

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** An optional string; blank counts as unset. */
export const optionalString = () => z.preprocess(blankToUndefined, z.string().trim().optional());

/** An http(s) URL with a default; trailing slashes removed. */
export const urlWithDefault = (def: string) =>
  z.preprocess(
    blankToUndefined,
    z
      .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
      .default(def)
      .transform((u) => u.replace(/\/+$/, '')),
  );

/** An optional http(s) URL; trailing slashes removed. */
export const optionalUrl = () =>
  z.preprocess(
    blankToUndefined,
    z
      .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
      .transform((u) => u.replace(/\/+$/, ''))
      .optional(),
  );

export const intWithDefault = (def: number, min = 0, max = Number.MAX_SAFE_INTEGER) =>
  z.preprocess(blankToUndefined, z.coerce.number().int().min(min).max(max).default(def));

export const numberWithDefault = (def: number, min: number, max: number) =>
  z.preprocess(blankToUndefined, z.coerce.number().min(min).max(max).default(def));

export const boolWithDefault = (def: boolean) =>
  z.preprocess(
    blankToUndefined,
    z
      .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'must be true or false' })
      .default(def ? 'true' : 'false')
      .transform((v) => v === 'true' || v === '1' || v === 'yes'),
  );

/** A comma-separated list; blank → []. */
export const commaList = () =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .optional()
      .transform((v) =>
        (v ?? '')
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      ),
  );

/** Names whose values are never printed. */
export function isSecretName(name: string): boolean {
  return /TOKEN|KEY|SECRET|PASSWORD/i.test(name);
}
