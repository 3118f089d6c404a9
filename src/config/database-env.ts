import { z } from 'zod';

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** Where the stores live: PostgreSQL when DATABASE_URL is set, else the files in DATA_DIR. */
export const databaseEnv = z.object({
  /** `postgres://user:password@host:5432/reelbot`; libpq's query parameters (sslmode, options) pass through. */
  DATABASE_URL: z.preprocess(
    blankToUndefined,
    z
      .url({
        protocol: /^postgres(ql)?$/,
        error: 'must be a postgres:// URL (postgres://user:password@host:5432/reelbot)',
      })
      .optional(),
  ),
});
export type DatabaseEnv = z.infer<typeof databaseEnv>;

/** The password in DATABASE_URL, as written and decoded, for the logs to mask (its name is no secret's). */
export function databaseSecrets(env: DatabaseEnv): string[] {
  if (!env.DATABASE_URL) return [];
  const { password } = new URL(env.DATABASE_URL);
  if (!password) return [];
  return [...new Set([password, decodeURIComponent(password)])];
}
