/**
 * The core's boundary, as eslint.config.js enforces it: src/core may import its own files and
 * zod, nothing else, and reaches no network, environment or process except through its ports.
 * Each violation is planted in a file that does not exist and linted with the repo's own config.
 */
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({
  cwd: root,
  overrideConfigFile: fileURLToPath(new URL('../../eslint.config.js', import.meta.url)),
});

/** Rule ids ESLint reports for `code` planted at `filePath`. */
async function reported(code: string, filePath = 'src/core/planted.ts'): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? `fatal: ${m.message}`);
}

describe('src/core may import only its own files and zod', () => {
  it.each([
    ['a package other than zod', "import pino from 'pino';\nexport const log = pino;"],
    ['a package’s subpath', "import { JSONFile } from 'lowdb/node';\nexport const f = JSONFile;"],
    ['a node: module', "import { readFile } from 'node:fs/promises';\nexport const r = readFile;"],
    ['a Node module without node:', "import { join } from 'path';\nexport const j = join;"],
    ['types only, from a package', "import type { Logger } from 'pino';\nexport type L = Logger;"],
    ['a re-export', "export * from 'discord.js';"],
    [
      'a relative path out of src/core',
      "import { loadConfig } from '../config.js';\nexport const c = loadConfig;",
    ],
  ])('%s is reported', async (_what, code) => {
    expect(await reported(code)).toContain('no-restricted-imports');
  });

  it('a path that climbs out from a subfolder is reported; one that stays inside is not', async () => {
    const out = "import { createApp } from '../../app.js';\nexport const a = createApp;";
    const inside = "import { say } from '../messages.js';\nexport const s = say;";
    expect(await reported(out, 'src/core/media/planted.ts')).toEqual(['no-restricted-imports']);
    expect(await reported(inside, 'src/core/media/planted.ts')).toEqual([]);
    const deep = "import { say } from '../../messages.js';\nexport const s = say;";
    expect(await reported(deep, 'src/core/vocab/enrichment/planted.ts')).toEqual([]);
  });

  it('a relative import and zod are allowed', async () => {
    const code = [
      "import { z } from 'zod';",
      "import type { Clock } from './ports.js';",
      'export const id = z.string();',
      'export const now = (c: Clock) => c.now();',
    ].join('\n');
    expect(await reported(code)).toEqual([]);
  });
});

describe('src/core reaches nothing outside but through its ports', () => {
  it.each([
    ['dynamic import()', "export const load = () => import('./ports.js');", 'no-restricted-syntax'],
    ['require()', "export const fs = require('node:fs');", 'no-restricted-globals'],
    [
      'globalThis.fetch',
      "export const get = () => globalThis.fetch('https://example.org');",
      'no-restricted-globals',
    ],
    ['fetch()', "export const get = () => fetch('https://example.org');", 'no-restricted-globals'],
    ['process.env', 'export const key = process.env.TMDB_API_KEY;', 'no-restricted-globals'],
    ['process itself', 'export const quit = () => process.exit(1);', 'no-restricted-globals'],
  ])('%s is reported', async (_what, code, rule) => {
    expect(await reported(code)).toContain(rule);
  });

  it('the same code outside src/core is not the core rule’s business', async () => {
    const code = "import pino from 'pino';\nexport const key = process.env.X ?? pino.name;";
    expect(await reported(code, 'adapters/planted.ts')).toEqual([]);
  });
});
