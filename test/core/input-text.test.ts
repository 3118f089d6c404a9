/**
 * One input rule for every door (chat, HTTP API, host scripts): random Unicode never throws, and
 * nothing outside the printable set gets into a stored request.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasUnprintable } from '../../src/core/commands/input-text.js';
import { parseAdmin, parseCommand } from '../../src/core/commands/parse.js';
import { movieKey } from '../../src/core/vocab/movie-key.js';

const parse = (text: string) => parseCommand(text, { thisYear: 2026 });

/** Every control, format, private-use and separator character a title might smuggle in. */
const HOSTILE = [
  '\u0000',
  '\u0007',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u009f', // C0, DEL, C1
  '\u202e',
  '\u202a',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069', // bidi overrides and isolates
  '\u200e',
  '\u200f',
  '\u2060',
  '\u2061',
  '\u00ad',
  '\ufeff', // marks, word joiner, soft hyphen, BOM
  '\u{e0041}',
  '\u{e007f}',
  '\ue000',
  '\u{f0000}',
  '\u2028',
  '\u2029', // tags, private use, separators
];

describe('the input rule', () => {
  it.each(HOSTILE.map((c) => [c.codePointAt(0)!.toString(16), c]))('refuses U+%s inside a title', (_, c) => {
    expect(parse(`add Du${c}ne`)).toEqual({ ok: false, code: 'parse.controlChars' });
  });

  it('keeps what real titles use: accents, other scripts, emoji with joiners, tabs and line breaks', () => {
    for (const title of [
      'Amélie',
      'Сталкер',
      '千と千尋の神隠し',
      'می‌خواهم',
      '👩‍🚀 Astronaut',
      'WALL·E',
      'M*A*S*H',
    ])
      expect(hasUnprintable(title)).toBe(false);
    expect(parse('add\tDune\n2021')).toMatchObject({ ok: true, command: { title: 'Dune', year: 2021 } });
  });

  it('property: any string parses without throwing, and a title that gets through is printable', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 300 }),
          fc.string({ unit: 'grapheme', maxLength: 300 }),
        ),
        (s) => {
          const r = parse(`add ${s}`);
          if (r.ok && r.command.type === 'add') expect(hasUnprintable(r.command.title)).toBe(false);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('property: a hostile character anywhere in a message is refused', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 50 }),
        fc.constantFrom(...HOSTILE),
        fc.string({ maxLength: 50 }),
        (a, c, b) => {
          expect(parse(`add ${a}${c}${b}`)).toMatchObject({ ok: false });
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('the host scripts', () => {
  it('admin commands typed on the host follow the same rule', () => {
    expect(parseAdmin('retry', 'ab\u202ecd')).toEqual({ ok: false, code: 'parse.controlChars' });
    expect(parseAdmin('retry', 'abc123')).toMatchObject({ ok: true });
  });
});

describe('years', () => {
  it('"Dune -2021" is not Dune of 2021', () => {
    const r = parse('add Dune -2021');
    expect(r).toMatchObject({ ok: true, command: { title: 'Dune -2021' } });
    expect(r.ok && r.command.type === 'add' && 'year' in r.command).toBe(false);
  });

  it.each([
    ['add Dune 2021', 'Dune', 2021],
    ['add Dune, 2021', 'Dune', 2021],
    ['add Dune (1984)', 'Dune', 1984],
    ['add Dune [1984]', 'Dune', 1984],
  ])('%s', (text, title, year) => {
    expect(parse(text)).toMatchObject({ ok: true, command: { title, year } });
  });
});

describe('kind words', () => {
  it.each(['Band of Brothers', 'Music of the Heart', 'Series of Unfortunate Events'])(
    '"add %s" is a title, not a kind',
    (title) => {
      expect(parse(`add ${title}`)).toEqual({ ok: true, command: { type: 'add', title } });
    },
  );

  it('"add band Muse" and "add show The Wire" still name a kind', () => {
    expect(parse('add band Muse')).toMatchObject({ ok: true, command: { title: 'Muse', hint: 'artist' } });
    expect(parse('add show The Wire')).toMatchObject({
      ok: true,
      command: { title: 'The Wire', hint: 'series' },
    });
  });
});

describe('vocabulary keys', () => {
  it('titles in other scripts get keys of their own, not one shared "untitled"', () => {
    const keys = ['Сталкер', 'Солярис', '千と千尋の神隠し', '七人の侍', '🎬🍿', '🚀'].map((t) => movieKey(t));
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).not.toContain('untitled');
    expect(movieKey('Сталкер', 1979)).toBe('сталкер-1979');
    expect(movieKey("Schindler's List", 1993)).toBe('schindlers-list-1993');
    expect(movieKey('Amélie')).toBe('amelie');
  });
});
