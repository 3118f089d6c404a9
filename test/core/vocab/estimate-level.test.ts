import { beforeAll, describe, expect, it } from 'vitest';
import { loadCefrLexicon, type CefrLexicon } from '../../../adapters/vocab/cefr-lexicon.js';
import { estimateLevel, isWordLike } from '../../../src/core/vocab/estimate-level.js';
import { derivationBases, lemmaCandidates } from '../../../src/core/vocab/word-forms.js';

let lexicon: CefrLexicon;
beforeAll(async () => {
  lexicon = await loadCefrLexicon();
});

describe('GIVEN a word in neither list', () => {
  it('THEN a derivation of a listed word is one level above its base', () => {
    expect(estimateLevel('dreamer', lexicon)).toEqual({ level: 'A2', source: 'estimated' });
  });

  it('THEN a short suffix needs a real stem ("cower" is not cow + -er)', () => {
    expect(derivationBases('cower')).not.toContain('cow');
    expect(estimateLevel('cower', lexicon)).toEqual({ level: 'C1', source: 'estimated' });
  });

  it("THEN an inflection of a listed word takes that word's level, not one above", () => {
    expect(estimateLevel('waiting', lexicon)).toEqual({ level: 'A1', source: 'estimated' });
    expect(estimateLevel('gloved', lexicon)).toEqual({ level: 'A2', source: 'estimated' });
  });

  it('THEN a compound of two listed words is one level above its harder part', () => {
    expect(estimateLevel('lifeboat', lexicon)).toEqual({ level: 'A2', source: 'estimated' });
    expect(estimateLevel('flashlight', lexicon)).toEqual({ level: 'B2', source: 'estimated' });
  });

  it('THEN other words are estimated by length', () => {
    expect(estimateLevel('vial', lexicon)).toEqual({ level: 'B2', source: 'estimated' });
    expect(estimateLevel('totem', lexicon)).toEqual({ level: 'C1', source: 'estimated' });
    expect(estimateLevel('labyrinth', lexicon)).toEqual({ level: 'C2', source: 'estimated' });
  });

  it('THEN sounds, interjections and non-words are unlisted', () => {
    for (const w of ['shhh', 'hmmm', 'zzt', 'argh', 'ok', 'x-ray2'])
      expect(estimateLevel(w, lexicon).source, w).toBe('unlisted');
    expect(isWordLike('totem')).toBe(true);
  });
});

describe('inflection candidates', () => {
  it('undo only the inflections of the word class', () => {
    expect(lemmaCandidates('boxes', 'noun')).toContain('box');
    expect(lemmaCandidates('dreamer', 'noun')).toEqual(['dreamer']);
    expect(lemmaCandidates('bigger', 'adjective')).toContain('big');
    expect(lemmaCandidates('stopped', 'verb')).toContain('stop');
    expect(lemmaCandidates('making', 'verb')).toContain('make');
    expect(lemmaCandidates('carried', 'verb')).toContain('carry');
  });
});
