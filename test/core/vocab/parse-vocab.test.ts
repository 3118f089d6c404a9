import { describe, expect, it } from 'vitest';
import { findLanguage, LANGUAGES } from '../../../src/core/vocab/languages.js';
import { formatRange, parseLevelRange } from '../../../src/core/vocab/levels.js';
import { parseVocab } from '../../../src/core/commands/parse-vocab.js';

function ok(rest: string) {
  const r = parseVocab(rest);
  if (!r.ok) throw new Error(`expected a command for "${rest}", got ${r.code}: ${r.text}`);
  return r.command;
}

describe('GIVEN "vocab <movie> in <language>"', () => {
  it.each([
    ['Inception in French', 'Inception', 'fr'],
    ['Inception in french', 'Inception', 'fr'],
    ['Inception in Français', 'Inception', 'fr'],
    ['Inception in francais', 'Inception', 'fr'],
    ['Inception into German', 'Inception', 'de'],
    ['Inception in Brazilian Portuguese', 'Inception', 'pt-br'],
    ['Inception fr', 'Inception', 'fr'],
    ['Inception FR', 'Inception', 'fr'],
    ['The Matrix pt-br', 'The Matrix', 'pt-br'],
    ['The Matrix PT_BR', 'The Matrix', 'pt-br'],
    ['Inception in Deutsch', 'Inception', 'de'],
    ['Inception in 日本語', 'Inception', 'ja'],
    ['Midnight in Paris in Spanish', 'Midnight in Paris', 'es'],
    ['"Sleepless in Seattle" in Italian', 'Sleepless in Seattle', 'it'],
    ['/vocab Inception in French', 'Inception', 'fr'],
    ['Inception in French.', 'Inception', 'fr'],
  ])('%s → title %s, language %s', (rest, title, code) => {
    const c = ok(rest);
    expect(c.title).toBe(title);
    expect(c.language?.code).toBe(code);
  });

  it('THEN the level filter defaults to B1 and up', () => {
    expect(ok('Inception in French')).toMatchObject({ range: { min: 'B1', max: 'C2' }, rangeGiven: false });
  });

  it('THEN a title that merely contains "in" stays whole', () => {
    expect(ok('Midnight in Paris')).toMatchObject({ title: 'Midnight in Paris' });
    expect(ok('Midnight in Paris').language).toBeUndefined();
    expect(ok('Lost in Translation').title).toBe('Lost in Translation');
    expect(ok('Two Days in LA').title).toBe('Two Days in LA');
  });

  it('THEN a title that is itself a language code is not eaten', () => {
    expect(ok('It')).toMatchObject({ title: 'It' });
    expect(ok('It fr')).toMatchObject({ title: 'It', language: { code: 'fr' } });
    expect(ok('Dr. No')).toMatchObject({ title: 'Dr. No' });
  });
});

describe('GIVEN a level filter', () => {
  it.each([
    ['Inception in French B2', 'B2', 'B2'],
    ['Inception in French B2+', 'B2', 'C2'],
    ['Inception in French b2+', 'B2', 'C2'],
    ['Inception in French C1-C2', 'C1', 'C2'],
    ['Inception in French C1–C2', 'C1', 'C2'],
    ['Inception in French C1 - C2', 'C1', 'C2'],
    ['Inception in French C2-B1', 'B1', 'C2'],
    ['Inception fr level B2', 'B2', 'B2'],
    ['Inception B2+ in French', 'B2', 'C2'],
    ['Inception fr B1-', 'A1', 'B1'],
  ])('%s → %s..%s', (rest, min, max) => {
    expect(ok(rest)).toMatchObject({ title: 'Inception', range: { min, max }, rangeGiven: true });
  });

  it('THEN something that looks like a level but is not one is answered with the levels', () => {
    const r = parseVocab('Inception in French D1');
    expect(r).toMatchObject({ ok: false, code: 'vocab.badLevel' });
    expect(!r.ok && r.text).toMatch(/A1, A2, B1, B2, C1 or C2/);
  });
});

describe('GIVEN bad input', () => {
  it.each(['', '   ', 'vocab', '/vocab'])('"%s" gets the usage', (rest) => {
    const r = parseVocab(rest);
    expect(r).toMatchObject({ ok: false, code: 'vocab.usage' });
    expect(!r.ok && r.text).toContain('vocab Inception in French');
  });

  it('an unknown language gets the list of supported ones', () => {
    const r = parseVocab('Inception in Klingon');
    expect(r).toMatchObject({ ok: false, code: 'vocab.unknownLanguage' });
    expect(!r.ok && r.text).toContain('Klingon');
    expect(!r.ok && r.text).toContain('French (fr)');
    expect(parseVocab('Inception in Swahili')).toMatchObject({ ok: false, code: 'vocab.unknownLanguage' });
    expect(parseVocab('Inception in xx')).toMatchObject({ ok: false, code: 'vocab.unknownLanguage' });
  });

  it('only options and no title is a command without a title (for a file sent along)', () => {
    expect(parseVocab('in French')).toMatchObject({ ok: true, command: { language: { code: 'fr' } } });
    expect(ok('in French').title).toBeUndefined();
    expect(ok('"" in French').title).toBeUndefined();
    expect(ok('B2+').title).toBeUndefined();
    expect(parseVocab('""')).toMatchObject({ ok: false, code: 'vocab.emptyTitle' });
  });

  it('an over-long title is refused without an exception', () => {
    expect(parseVocab('x'.repeat(300))).toMatchObject({ ok: false, code: 'vocab.titleTooLong' });
    expect(parseVocab('y '.repeat(600))).toMatchObject({ ok: false, code: 'vocab.titleTooLong' });
  });

  it('never throws on odd input', () => {
    for (const s of [
      'in',
      'in in in',
      'B2',
      'fr',
      '"',
      '“”',
      '-- --',
      'in French',
      'C1-C2 in fr',
      '\u0000',
    ]) {
      expect(() => parseVocab(s)).not.toThrow();
    }
  });
});

describe('GIVEN a path (the terminal)', () => {
  it('THEN it is a path, not a title', () => {
    expect(ok('./scripts/inception.txt in French')).toMatchObject({ path: './scripts/inception.txt' });
    expect(ok('/tmp/heist.srt')).toMatchObject({ path: '/tmp/heist.srt' });
    expect(ok('Inception in French').path).toBeUndefined();
  });
});

describe('the language list', () => {
  it('has one entry per code, each with at least one translator', () => {
    const codes = LANGUAGES.map((l) => l.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const l of LANGUAGES) expect(l.deepl ?? l.libre).toBeTruthy();
  });

  it('finds languages by English name, native name and either translator’s code', () => {
    expect(findLanguage('Japanese')?.code).toBe('ja');
    expect(findLanguage('Español')?.code).toBe('es');
    expect(findLanguage('ZH-HANT')?.code).toBe('zh-hant');
    expect(findLanguage('pb')?.code).toBe('pt-br');
    expect(findLanguage('English')).toBeUndefined();
  });

  it('shows ranges back the way people write them', () => {
    expect(formatRange(parseLevelRange('B2+')!)).toBe('B2+');
    expect(formatRange(parseLevelRange('C1-C2')!)).toBe('C1+');
    expect(formatRange(parseLevelRange('B1-B2')!)).toBe('B1–B2');
    expect(formatRange(parseLevelRange('B1-')!)).toBe('up to B1');
  });
});
