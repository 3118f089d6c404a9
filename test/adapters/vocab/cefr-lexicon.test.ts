import { beforeAll, describe, expect, it } from 'vitest';
import { CefrLexicon, loadCefrLexicon } from '../../../adapters/vocab/cefr-lexicon.js';
import { parseCsv } from '../../../adapters/vocab/csv.js';

let lexicon: CefrLexicon;
beforeAll(async () => {
  lexicon = await loadCefrLexicon();
});

describe('GIVEN the shipped lists', () => {
  it('THEN CEFR-J gives A1–B2 and Octanove C1–C2, each with its source', () => {
    expect(lexicon.lookup('abandon', 'VERB')).toEqual({ level: 'B1', source: 'CEFR-J' });
    expect(lexicon.lookup('timid', 'ADJ')).toEqual({ level: 'C1', source: 'Octanove' });
    expect(lexicon.lookup('seedy', 'ADJ')).toEqual({ level: 'C2', source: 'Octanove' });
  });

  it('THEN the part of speech picks the entry, and any part serves when none fits', () => {
    expect(lexicon.lookup('fine', 'ADJ')?.level).toBe('A1');
    expect(lexicon.lookup('fine', 'NOUN')?.level).toBe('B1');
    expect(lexicon.lookup('fine', 'VERB')?.level).toBe('B2');
    expect(lexicon.lookup('fine', 'PROPN')?.level).toBe('A1');
    expect(lexicon.lookup('fine')?.level).toBe('A1');
  });

  it('THEN headword variants split on "/" all find the entry', () => {
    expect(lexicon.lookup('harbour')).toEqual(lexicon.lookup('harbor'));
    expect(lexicon.lookup('p.m.')?.level).toBe('A1');
    expect(lexicon.lookup('okay', 'ADJ')).toEqual({ level: 'A1', source: 'CEFR-J' });
    expect(lexicon.lookup('ok', 'ADJ')).toEqual({ level: 'A1', source: 'CEFR-J' });
  });

  it('THEN a word in neither list is undefined', () => {
    expect(lexicon.lookup('totem')).toBeUndefined();
    expect(lexicon.has('totem')).toBe(false);
  });

  it('THEN about 150 multiword headwords are indexed, phrasal verbs marked separable', () => {
    expect(lexicon.multiwords.length).toBeGreaterThan(140);
    const mull = lexicon.multiwords.find((m) => m.headword === 'mull over');
    expect(mull).toMatchObject({
      tokens: ['mull', 'over'],
      separable: true,
      level: { level: 'C2', source: 'Octanove' },
    });
    expect(lexicon.multiwords.find((m) => m.headword === 'because of')).toMatchObject({ separable: false });
    expect(lexicon.multiwords.find((m) => m.headword === 'self-conscious')?.tokens).toEqual([
      'self',
      '-',
      'conscious',
    ]);
    expect(lexicon.multiwords.find((m) => m.headword === 'turn to')).toBeDefined();
  });
});

describe('GIVEN lists with the lowest level winning', () => {
  it('THEN a word listed twice under one part of speech takes the lower level', () => {
    const lex = new CefrLexicon(
      'headword,pos,CEFR\r\nquay,noun,B2\r\n',
      'headword,pos,CEFR,notes\r\nquay,noun,C1,\r\n',
    );
    expect(lex.lookup('quay', 'NOUN')).toEqual({ level: 'B2', source: 'CEFR-J' });
  });

  it('THEN a file without the header row is refused at start-up', () => {
    expect(() => new CefrLexicon('word,pos\nquay,noun\n', 'headword,pos,CEFR,notes\n')).toThrow(/headword/);
  });
});

describe('the CSV reader', () => {
  it('keeps commas inside quotes and doubled quotes, with CRLF or LF', () => {
    expect(parseCsv('a,b,c\r\naccident,noun,"News, lifestyles ""and"" affairs"\nx,,\n')).toEqual([
      ['a', 'b', 'c'],
      ['accident', 'noun', 'News, lifestyles "and" affairs'],
      ['x', '', ''],
    ]);
  });
});
