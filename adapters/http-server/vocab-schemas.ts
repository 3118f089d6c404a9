/**
 * The vocabulary API's bodies, query strings and path parameters: parsed, never cast, unknown
 * fields refused. Whether a language exists is the core's answer (`unknown_language`), not a shape.
 */
import { z } from 'zod';
import { hasUnprintable } from '../../src/core/commands/input-text.js';
import { parseLevelRange } from '../../src/core/vocab/levels.js';
import type { LevelRange } from '../../src/core/vocab/types.js';

const UNPRINTABLE = 'must not contain control, format or private-use characters';
const text = (max: number) =>
  z
    .string({ error: 'must be a string' })
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !hasUnprintable(s), UNPRINTABLE);

/** "fr", "French", "pt-br", "français". */
const lang = text(40);

/** "B2", "B1+", "C1-C2", "A2-" (as in chat). */
const level = z.string({ error: 'must be a string' }).transform((v, ctx): LevelRange => {
  const range = parseLevelRange(v);
  if (range) return range;
  ctx.addIssue({ code: 'custom', message: 'must be a CEFR level or range: B2, B1+, C1-C2, A2-' });
  return z.NEVER;
});

export const vocabBody = z.strictObject({
  title: text(200),
  lang,
  level: level.optional(),
  /** Who this is for, as your system names them: their own hourly limit of new jobs. */
  user: z
    .string()
    .regex(/^[\w.@:-]{1,64}$/, 'must be 1–64 letters, digits or . @ : - _')
    .optional(),
});

/** Movie keys are slugs: `inception-2010`, `сталкер-1979`, `dune--subtitles-1a2b3c4d`. */
export const movieParams = z.strictObject({
  key: z
    .string()
    .max(200)
    .regex(/^[\p{L}\p{N}][\p{L}\p{N}-]*$/u, 'must be a movie key such as inception-2010'),
});

export const wordParams = movieParams.extend({ lemma: text(80) });

export const pageQuery = z.strictObject({
  lang: lang.optional(),
  level: level.optional(),
  page: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be 1 or more')
    .max(100_000, 'must be at most 100000')
    .optional(),
});

export const langQuery = z.strictObject({ lang });
