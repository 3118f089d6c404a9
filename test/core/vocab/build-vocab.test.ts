/**
 * The grading pipeline on real data: the shipped CEFR lists, the real wink-nlp model, and the
 * Inception fixture page (our own screenplay text in IMSDb's markup).
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCefrLexicon, type CefrLexicon } from '../../../adapters/vocab/cefr-lexicon.js';
import { decodeHtml } from '../../../adapters/vocab/decode-html.js';
import { scriptText } from '../../../adapters/vocab/imsdb-pages.js';
import { WinkAnalyzer } from '../../../adapters/vocab/wink-analyzer.js';
import { VocabBuilder, type BuiltVocab } from '../../../src/core/vocab/build-vocab.js';
import { CEFR_LEVELS, type Script, type VocabEntry } from '../../../src/core/vocab/types.js';

let lexicon: CefrLexicon;
let builder: VocabBuilder;
let inception: BuiltVocab;

const page = readFileSync(new URL('../../fixtures/imsdb/inception.html', import.meta.url));
const inceptionScript: Script = {
  format: 'screenplay',
  text: scriptText(decodeHtml(page, 'text/html')) ?? '',
  source: 'IMSDb',
};

beforeAll(async () => {
  lexicon = await loadCefrLexicon();
  builder = new VocabBuilder(lexicon, new WinkAnalyzer());
  inception = builder.build(inceptionScript);
});

function entry(v: BuiltVocab, lemma: string): VocabEntry | undefined {
  return v.entries.find((e) => e.lemma === lemma);
}

function screenplay(text: string): BuiltVocab {
  return builder.build({ format: 'screenplay', text, source: 'test' });
}

describe('GIVEN inflected forms', () => {
  it('THEN "abandoned" is counted under abandon, at its CEFR-J level B1, with the forms seen', () => {
    const e = entry(inception, 'abandon');
    expect(e).toMatchObject({ pos: 'verb', level: 'B1', source: 'CEFR-J', count: 3 });
    expect(e?.forms).toEqual(expect.arrayContaining(['abandoned', 'abandon']));
    expect(entry(inception, 'abandoned')).toBeUndefined();
  });

  it('THEN irregular forms find their lemma too (stood → stand, mice → mouse, better → good)', () => {
    const v = screenplay('INT. BARN - NIGHT\n\nThe mice stood still. Nobody felt better about the wounds.\n');
    expect(entry(v, 'stand')).toMatchObject({ pos: 'verb', level: 'A2', source: 'CEFR-J' });
    expect(entry(v, 'mouse')).toMatchObject({ source: 'CEFR-J' });
    expect(entry(v, 'good')).toMatchObject({ source: 'CEFR-J' });
  });

  it('THEN a word listed under several parts of speech takes the level of the part it is used as', () => {
    const v = screenplay('INT. ROOM - DAY\n\nI will book a table. The book is old.\n');
    expect(v.entries.filter((e) => e.lemma === 'book').map((e) => [e.pos, e.level])).toEqual(
      expect.arrayContaining([
        ['verb', 'B1'],
        ['noun', 'A1'],
      ]),
    );
  });
});

describe('GIVEN a screenplay full of names and layout', () => {
  it('THEN character names, places and debris never appear as words', () => {
    const lemmas = new Set(inception.entries.map((e) => e.lemma));
    for (const notAWord of [
      'cobb',
      'saito',
      'arthur',
      'eames',
      'yusuf',
      'ariadne',
      'mal',
      'mombasa',
      "cont'd",
      'cont',
      'v.o.',
      'o.s.',
      'int',
      'ext',
      'cut',
      'dissolve',
      'fade',
      'continuous',
      'inception',
    ]) {
      expect(lemmas, notAWord).not.toContain(notAWord);
    }
    for (const e of inception.entries) expect(e.lemma).not.toMatch(/\d/);
    expect(inception.characters).toEqual(expect.arrayContaining(['COBB', 'SAITO', 'ARIADNE', 'MAL']));
  });

  it('THEN words written in capitals for the camera count as ordinary words ("a small BRASS TOP")', () => {
    expect(entry(inception, 'brass')).toMatchObject({ level: 'B1', source: 'CEFR-J' });
    expect(entry(inception, 'explosion')).toMatchObject({ source: 'CEFR-J' });
  });

  it('THEN stop words are not vocabulary, but every word counts towards coverage', () => {
    const lemmas = inception.entries.map((e) => e.lemma);
    for (const stop of ['the', 'and', 'you', 'be', 'of', 'not']) expect(lemmas).not.toContain(stop);
    expect(inception.profile.runningWords).toBeGreaterThan(
      inception.entries.reduce((n, e) => n + e.count, 0),
    );
  });
});

describe('GIVEN words in neither list', () => {
  it('THEN they get an estimated level, marked as such', () => {
    expect(entry(inception, 'totem')).toMatchObject({
      source: 'estimated',
      level: expect.stringMatching(/^[ABC][12]$/),
    });
    expect(entry(inception, 'sedative')).toMatchObject({ source: 'estimated' });
  });

  it('THEN a word derived from a listed one is estimated one level above it (dreamer ← dream A1)', () => {
    expect(entry(inception, 'dreamer')).toMatchObject({ source: 'estimated', level: 'A2' });
  });

  it('THEN sounds and non-words are unlisted, with no level', () => {
    const v = screenplay('INT. ROOM - NIGHT\n\nAnna hears a noise. Shhh. Hmmm. Zzzzt goes the radio.\n');
    const unlisted = v.entries.filter((e) => e.source === 'unlisted');
    for (const e of unlisted) expect(e.level).toBeUndefined();
    expect(v.profile.unlisted).toBe(unlisted.length);
    expect(v.entries.find((e) => e.lemma === 'noise')).toMatchObject({ source: 'CEFR-J' });
  });
});

describe('GIVEN multiword headwords', () => {
  it('THEN they are matched as units, phrasal verbs also when split by their object', () => {
    expect(entry(inception, 'mull over')).toMatchObject({ pos: 'phrase', level: 'C2', source: 'Octanove' });
    expect(entry(inception, 'dole out')).toMatchObject({ pos: 'phrase', level: 'C2', source: 'Octanove' });
    expect(entry(inception, 'because of')).toMatchObject({ level: 'B1', source: 'CEFR-J' });
    expect(entry(inception, 'all right')).toMatchObject({ level: 'A1', source: 'CEFR-J' });
    expect(entry(inception, 'mull')).toBeUndefined();
    expect(entry(inception, 'dole')).toBeUndefined();
  });

  it('THEN a split phrasal verb is not matched across a clause', () => {
    const v = screenplay('INT. ROOM - DAY\n\nThey dole. The soup runs out.\n');
    expect(entry(v, 'dole out')).toBeUndefined();
  });

  it('THEN hyphenated headwords match only when written as one word', () => {
    const v = screenplay('INT. ROOM - DAY\n\nShe is self-conscious about it.\n');
    expect(entry(v, 'self-conscious')).toMatchObject({ source: expect.stringMatching(/CEFR-J|Octanove/) });
  });
});

describe('GIVEN spoken forms', () => {
  it('THEN gonna, gotta and wanna map to go, get and want', () => {
    expect(entry(inception, 'go')?.forms).toContain('gonna');
    expect(entry(inception, 'get')?.forms).toContain('gotta');
    expect(entry(inception, 'want')?.forms).toContain('wanna');
    for (const form of ['gonna', 'gotta', 'wanna']) expect(entry(inception, form)).toBeUndefined();
  });

  it("THEN a dropped g is restored (runnin' → run)", () => {
    const v = screenplay("INT. ROOM - DAY\n\nWe're runnin' out of time, Eddie.\n");
    expect(entry(v, 'run')).toMatchObject({ pos: 'verb', source: 'CEFR-J', forms: ['running'] });
    expect(entry(v, 'runnin')).toBeUndefined();
  });
});

describe('the stored list and the profile', () => {
  it('keeps, per word, the sentences it occurs in, with who says them', () => {
    const e = entry(inception, 'totem') as VocabEntry;
    const lines = e.sentences.map((i) => inception.sentences[i]);
    expect(lines.map((s) => s?.text)).toEqual(expect.arrayContaining(['Arthur said I need a totem.']));
    expect(lines[0]).toMatchObject({ kind: 'dialogue', speaker: 'ARIADNE' });
  });

  it('sorts words most frequent first and counts each level', () => {
    const counts = inception.entries.map((e) => e.count);
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
    const p = inception.profile;
    const sum = CEFR_LEVELS.reduce((n, l) => n + p.perLevel[l], 0);
    expect(sum + p.unlisted).toBe(p.distinctWords);
    expect(p.distinctWords).toBe(inception.entries.length);
  });

  it('gives a coverage that grows with the level and ends at most at 100%', () => {
    const c = CEFR_LEVELS.map((l) => inception.profile.coverage[l]);
    for (let i = 1; i < c.length; i++) expect(c[i]).toBeGreaterThanOrEqual(c[i - 1] as number);
    expect(c[0]).toBeGreaterThan(0.5);
    expect(c[5]).toBeLessThanOrEqual(1);
  });
});
