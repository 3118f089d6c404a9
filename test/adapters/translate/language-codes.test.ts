/**
 * Every translator names a language its own way: we say `pt-br` and `pt-pt`, DeepL `PT-BR` and
 * `PT-PT`, Apertium `por` (one code for both) and FreeDict `por` in file names that Debian
 * prefixes with `freedict-` (dict-freedict-eng-por installs /usr/share/dictd/freedict-eng-por.index).
 * The dictionaries here are written by the test, in the layout Debian ships.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APERTIUM_CODES, ApertiumTranslator } from '../../../adapters/translate/apertium.js';
import { DeeplTranslator } from '../../../adapters/translate/deepl.js';
import { FREEDICT_CODES, FreeDictTranslator } from '../../../adapters/translate/freedict.js';
import { TranslatorChain } from '../../../adapters/translate/translator-chain.js';
import { findLanguage, LANGUAGES } from '../../../src/core/vocab/languages.js';
import type { Language } from '../../../src/core/vocab/types.js';
import { startFakeApertium, type FakeApertium } from '../../fakes/apertium.js';
import { startFakeDeepl, type FakeDeepl } from '../../fakes/deepl.js';
import { writeDictd } from './dictd.js';

const lang = (code: string): Language => findLanguage(code) as Language;
const signal = () => AbortSignal.timeout(5000);
const OUR_CODES = LANGUAGES.map((l) => l.code);

let apy: FakeApertium;
let deepl: FakeDeepl;
let dir: string;
beforeAll(async () => {
  apy = await startFakeApertium(['eng|spa', 'eng|por']);
  deepl = await startFakeDeepl({ apiKey: 'deepl-test-key-0002:fx' });
  dir = mkdtempSync(join(tmpdir(), 'reelbot-dictd-'));
  writeDictd(dir, 'freedict-eng-por', [['kick', 'kick /kɪk/\n<n>\n1. pontapé\n']]);
  writeDictd(dir, 'freedict-eng-nor', [['kick', 'kick /kɪk/\n<n>\n1. spark\n']]);
  writeDictd(dir, 'eng-rus', [['kick', 'kick /kɪk/\n<n>\n1. пинок\n']]);
});
afterAll(async () => {
  await apy.close();
  await deepl.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the code tables', () => {
  it('name only languages we have, so none can silently never match', () => {
    expect(Object.keys(APERTIUM_CODES).filter((c) => !OUR_CODES.includes(c))).toEqual([]);
    expect(Object.keys(FREEDICT_CODES).filter((c) => !OUR_CODES.includes(c))).toEqual([]);
  });
});

describe('GIVEN Brazilian or European Portuguese', () => {
  it('THEN Apertium supports both and asks APy for its eng|por pair', async () => {
    const t = new ApertiumTranslator({ baseUrl: apy.url, timeoutMs: 2000 });
    expect(t.supports(lang('pt-br'))).toBe(true);
    expect(t.supports(lang('pt-pt'))).toBe(true);
    expect((await t.translate(['kick'], lang('pt-br'), { signal: signal() })).texts).toEqual(['por:kick']);
    expect(apy.callsTo('POST', '/translate').at(-1)?.body).toMatchObject({ langpair: 'eng|por' });
  });

  it('THEN the offline dictionary reads Debian’s freedict-eng-por files for both', async () => {
    const t = new FreeDictTranslator(dir);
    expect(t.supports(lang('pt-br'))).toBe(true);
    expect(t.supports(lang('pt-pt'))).toBe(true);
    expect((await t.translate(['kick'], lang('pt-pt'), { signal: signal() })).texts).toEqual(['pontapé']);
  });

  it('THEN DeepL keeps them apart: PT-BR and PT-PT', async () => {
    const t = new DeeplTranslator({ apiKey: 'deepl-test-key-0002:fx', baseUrl: deepl.url, timeoutMs: 2000 });
    await t.translate(['kick'], lang('pt-br'), { signal: signal() });
    await t.translate(['kick'], lang('pt-pt'), { signal: signal() });
    expect(
      deepl.callsTo('POST', '/v2/translate').map((c) => (c.body as { target_lang: string }).target_lang),
    ).toEqual(['PT-BR', 'PT-PT']);
  });

  it('THEN a chain of Apertium and the dictionary gives Portuguese to Apertium', () => {
    const chain = new TranslatorChain([
      new ApertiumTranslator({ baseUrl: apy.url }),
      new FreeDictTranslator(dir),
    ]);
    expect(chain.forLanguage(lang('pt-br'))?.name).toBe('Apertium');
    expect(chain.forLanguage(lang('ru'))?.name).toBe('FreeDict');
  });
});

describe('GIVEN the other FreeDict dictionaries', () => {
  it('THEN Norwegian is eng-nor and Russian eng-rus, not Apertium’s codes', async () => {
    const t = new FreeDictTranslator(dir);
    expect(t.supports(lang('nb'))).toBe(true);
    expect(t.supports(lang('ru'))).toBe(true);
    expect((await t.translate(['kick'], lang('nb'), { signal: signal() })).texts).toEqual(['spark']);
    expect((await t.translate(['kick'], lang('ru'), { signal: signal() })).texts).toEqual(['пинок']);
    expect(t.supports(lang('es'))).toBe(false);
  });
});
