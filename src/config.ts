/**
 * The one place that reads the environment. Each area keeps its variables in its own section
 * (src/config/*-env.ts); this file validates them all at once, so a bad .env prints every problem
 * together, with secret values masked, and the process exits non-zero.
 */
import type { z } from 'zod';
import { arrEnv } from './config/arr-env.js';
import { catalogEnv } from './config/catalog-env.js';
import { coreEnv } from './config/core-env.js';
import { databaseEnv } from './config/database-env.js';
import { discordCrossChecks, discordEnv } from './config/discord-env.js';
import { isSecretName } from './config/env-helpers.js';
import { telegramCrossChecks, telegramEnv } from './config/telegram-env.js';
import { vocabEnv } from './config/vocab-env.js';

const sections = {
  core: coreEnv,
  database: databaseEnv,
  catalog: catalogEnv,
  arr: arrEnv,
  vocab: vocabEnv,
  telegram: telegramEnv,
  discord: discordEnv,
} as const;

type Sections = typeof sections;
export type Config = { readonly [K in keyof Sections]: Readonly<z.infer<Sections[K]>> };

export interface ConfigProblem {
  variable: string;
  message: string;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly problems: ConfigProblem[];
  constructor(problems: ConfigProblem[]) {
    super(`Configuration has ${problems.length} problem(s):\n${formatProblems(problems)}`);
    this.problems = problems;
  }
}

/** `http://user:pass@host` → `http://***@host`: credentials in a URL are a secret too. */
export function maskUserinfo(value: string): string {
  return value.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#\s]*@/i, '$1***@');
}

/** Validate `env` (normally process.env); throws ConfigError listing every problem. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const problems: ConfigProblem[] = [];
  const out: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(sections)) {
    const parsed = schema.safeParse(env);
    if (parsed.success) {
      out[name] = Object.freeze(parsed.data);
      continue;
    }
    for (const issue of parsed.error.issues) {
      const variable = String(issue.path[0] ?? name);
      const raw = env[variable];
      const shown =
        raw === undefined ? '' : isSecretName(variable) ? ' (value hidden)' : ` (got "${maskUserinfo(raw)}")`;
      problems.push({ variable, message: `${issue.message}${shown}` });
    }
  }
  problems.push(...crossChecks(env), ...telegramCrossChecks(env), ...discordCrossChecks(env));
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(out) as Config;
}

/** Rules that span variables: a URL without its key is almost always a mistake. */
function crossChecks(env: Record<string, string | undefined>): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const set = (k: string) => (env[k] ?? '').trim() !== '';
  for (const svc of ['SONARR', 'RADARR', 'LIDARR', 'OVERSEERR', 'BAZARR']) {
    if (set(`${svc}_URL`) && !set(`${svc}_API_KEY`)) {
      problems.push({
        variable: `${svc}_API_KEY`,
        message: `${svc}_URL is set but ${svc}_API_KEY is not (Settings → General → API Key)`,
      });
    }
  }
  if (set('SPOTIFY_CLIENT_ID') !== set('SPOTIFY_CLIENT_SECRET')) {
    problems.push({
      variable: 'SPOTIFY_CLIENT_SECRET',
      message: 'set both SPOTIFY_CLIENT_ID and SPOTIFY_CLIENT_SECRET',
    });
  }
  if (set('DISCORD_TOKEN') && !set('DISCORD_APPLICATION_ID')) {
    problems.push({
      variable: 'DISCORD_APPLICATION_ID',
      message:
        'DISCORD_TOKEN is set but DISCORD_APPLICATION_ID is not (Developer Portal → General Information)',
    });
  }
  return problems;
}

export function formatProblems(problems: ConfigProblem[]): string {
  return problems.map((p) => `  ✗ ${p.variable}: ${p.message}`).join('\n');
}
