/**
 * The offline dictionary reads FreeDict's dictd files as Debian ships them: a TSV index with
 * dictd base64 offsets and a dictzip (gzip) data file. The files here are written by the test.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dictdNumber, FreeDictTranslator } from '../../../adapters/translate/freedict.js';
import { findLanguage } from '../../../src/core/vocab/languages.js';
import type { Language } from '../../../src/core/vocab/types.js';
import { writeDictd } from './dictd.js';

let dir: string;
const de = findLanguage('de') as Language;
const signal = AbortSignal.timeout(5000);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'reelbot-dict-'));
  writeDictd(dir, 'eng-deu', [
    ['00databaseinfo', 'FreeDict English-German (test)\n'],
    ['abandon', 'abandon /əˈbændən/\n<verb>\n1. aufgeben\n2. verlassen\n'],
    ['kick', 'kick /kɪk/\n<n>\nTritt\n'],
    ['kick', 'kick /kɪk/\n<v>\n1. treten\n'],
  ]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('FreeDict', () => {
  it('decodes dictd numbers', () => {
    expect(dictdNumber('A')).toBe(0);
    expect(dictdNumber('Bc')).toBe(92);
    expect(dictdNumber('B!')).toBeNaN();
  });

  it('supports the languages it has files for, glosses words, bills nothing, and never translates sentences', async () => {
    const t = new FreeDictTranslator(dir);
    expect(t.supports(de)).toBe(true);
    expect(t.supports(findLanguage('fr') as Language)).toBe(false);
    expect(t.sentences).toBe(false);
    const res = await t.translate(['abandon', 'Kick', 'totem'], de, { signal });
    expect(res).toEqual({ texts: ['aufgeben; verlassen', 'Tritt; treten', ''], characters: 0 });
  });

  it('a missing folder supports nothing', () => {
    expect(new FreeDictTranslator(join(dir, 'nope')).supports(de)).toBe(false);
  });
});
