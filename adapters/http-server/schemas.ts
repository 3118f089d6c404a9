/** The HTTP API's bodies, query strings and path parameters: parsed, never cast. Unknown fields are refused. */
import { z } from 'zod';
import { hasUnprintable } from '../../src/core/commands/input-text.js';
import { ALL_STATUSES } from '../../src/core/media/request-lifecycle.js';
import type { RequestStatus } from '../../src/core/types.js';

const kind = z.enum(['movie', 'series', 'music', 'artist', 'album'], {
  error: 'must be one of: movie, series, music, artist, album',
});
/** The chat's own input rule (src/core/commands/input-text.ts): nothing unprintable is stored. */
const printable = (s: string) => !hasUnprintable(s);
const UNPRINTABLE = 'must not contain control, format or private-use characters';
const title = z
  .string({ error: 'must be a string' })
  .trim()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters')
  .refine(printable, UNPRINTABLE);

export const classifyBody = z.strictObject({ query: title });

export const requestBody = z.strictObject({
  title,
  kind: kind.optional(),
  year: z.number({ error: 'must be a number' }).int().min(1870).max(2100).optional(),
  /** A candidate `key` from /api/classify: take that one instead of asking. */
  key: z.string().max(120).optional(),
  /** Who this is for, as your system names them; stored with the request. */
  user: z
    .string()
    .regex(/^[\w.@:-]{1,64}$/, 'must be 1–64 letters, digits or . @ : - _')
    .optional(),
});

/**
 * Both fields are optional, and so is the body itself: with neither, a fresh search. (fastify hands
 * the validator `null` for a request with no body.)
 */
export const reclassifyBody = z
  .strictObject({
    force_service: z
      .string()
      .regex(/^[a-z0-9-]{2,40}$/i, 'must be a service name such as radarr, sonarr, lidarr, radarr-4k')
      .optional(),
    kind: kind.optional(),
  })
  .nullish()
  .transform((body) => body ?? {});

export const adminBody = z.strictObject({
  command: z.string().trim().min(1).max(200).refine(printable, UNPRINTABLE),
});

/** Request ids are stored lower-case; the route only matches 4–12 letters and digits. */
export const requestId = z.object({ id: z.string().toLowerCase() });

const STATUS_SET: ReadonlySet<string> = new Set(ALL_STATUSES);

export const listQuery = z.strictObject({
  status: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return undefined;
      const list = v.split(',').map((s) => s.trim());
      const bad = list.filter((s) => !STATUS_SET.has(s));
      if (bad.length > 0) {
        ctx.addIssue({
          code: 'custom',
          message: `unknown status ${bad.join(', ')}; one of: ${ALL_STATUSES.join(', ')}`,
        });
        return z.NEVER;
      }
      return list as RequestStatus[];
    }),
  user: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
