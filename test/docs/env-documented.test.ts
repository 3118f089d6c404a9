import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';

/** Every variable the config sections declare (src/config/*-env.ts), read from their source. */
const variables = readdirSync('src/config')
  .filter((f) => f.endsWith('-env.ts'))
  .flatMap((f) =>
    [...readFileSync(`src/config/${f}`, 'utf8').matchAll(/^\s+([A-Z][A-Z0-9_]+): /gm)].map(
      (m) => m[1] as string,
    ),
  );

describe('every setting is documented', () => {
  it('finds the variables it checks (the source scan works)', () => {
    expect(variables).toContain('TMDB_API_KEY');
    expect(variables).toContain('SONARR_MONITOR');
    expect(variables.length).toBeGreaterThan(80);
    // Each one is a real setting: an unknown name would not be validated at all.
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
  });

  it('in .env.example, as a line people can fill in', () => {
    const example = readFileSync('.env.example', 'utf8');
    const missing = variables.filter((v) => !new RegExp(`^#? ?${v}=`, 'm').test(example));
    expect(missing).toEqual([]);
  });

  it('in the README', () => {
    const readme = readFileSync('README.md', 'utf8');
    const missing = variables.filter((v) => !readme.includes(v));
    expect(missing).toEqual([]);
  });
});
