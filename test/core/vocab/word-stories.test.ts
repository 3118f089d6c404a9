/**
 * Stories from running the pipeline on real screenplays and subtitles, told on our own fixtures in
 * the same layouts: what a learner notices in the words themselves (class, lemma, level, names)
 * and whether a film's list depends on what the bot read before.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { BuiltVocab } from '../../../src/core/vocab/build-vocab.js';
import { levelIndex } from '../../../src/core/vocab/levels.js';
import type { Script } from '../../../src/core/vocab/types.js';
import {
  SCREENPLAYS,
  SUBTITLES,
  buildFixture,
  entries,
  freshBuilder,
  inflectedAboveBase,
  namesInTop,
  shippedLexicon,
  type FixtureName,
} from './fixture-scripts.js';

const built = new Map<FixtureName, BuiltVocab>();
const vocab = (name: FixtureName) => built.get(name) as BuiltVocab;

beforeAll(async () => {
  for (const name of [...SCREENPLAYS, ...SUBTITLES]) built.set(name, await buildFixture(name));
});

describe('2. GIVEN words the tagger puts in the wrong class', () => {
  it('THEN sentence-initial verbs and adjectives keep their class ("Trust me.", "Fine.", "Talk to me.")', () => {
    const salt = vocab('salt-road.html');
    expect(entries(salt, 'trust')).toMatchObject([{ pos: 'verb', level: 'A2' }]);
    expect(entries(salt, 'fine')).toMatchObject([{ pos: 'adjective', level: 'A1' }]);
    expect(entries(salt, 'good')).toMatchObject([{ pos: 'adjective', level: 'A1' }]);
    expect(entries(salt, 'talk')).toMatchObject([{ pos: 'verb', level: 'A1' }]);
    const green = vocab('greenhouse.fountain');
    for (const w of ['wait', 'stop', 'come', 'tell'])
      expect(
        entries(green, w).map((e) => e.pos),
        w,
      ).toEqual(['verb']);
  });

  it('THEN quoted speech starts a sentence again (says, "Trust me.")', async () => {
    const v = (await freshBuilder()).build({
      format: 'screenplay',
      text: 'INT. ROOM - DAY\n\nShe turns to him and says, "Trust me." He shrugs: "Fine."\n',
      source: 'test',
    });
    expect(entries(v, 'trust')).toMatchObject([{ pos: 'verb' }]);
    expect(entries(v, 'fine')).toMatchObject([{ pos: 'adjective' }]);
  });

  it('THEN a verb after a name is a verb, a top is a noun and a clear liquid is clear', () => {
    const salt = vocab('salt-road.html');
    expect(entries(salt, 'pick', 'noun')).toEqual([]);
    expect(entries(salt, 'pick', 'verb')[0]?.forms).toContain('picks');
    expect(entries(salt, 'top').map((e) => e.pos)).toEqual(['noun']);
    expect(entries(salt, 'clear').map((e) => e.pos)).toEqual(['adjective']);
  });
});

describe('3. GIVEN a tagger lemma that is not the word as written', () => {
  it('THEN staring is stare, riding is ride, a wound is a wound and pants are pants (A1)', () => {
    const salt = vocab('salt-road.html');
    for (const wrong of ['star', 'rid', 'wind', 'pant']) expect(entries(salt, wrong), wrong).toEqual([]);
    expect(entries(salt, 'stare', 'verb')[0]?.forms).toEqual(expect.arrayContaining(['staring', 'stares']));
    expect(entries(salt, 'ride', 'verb')[0]?.forms).toEqual(['riding']);
    expect(entries(salt, 'wound')).toMatchObject([{ pos: 'noun', level: 'B1', count: 2 }]);
    expect(entries(salt, 'pants')).toMatchObject([{ pos: 'noun', level: 'A1', source: 'CEFR-J' }]);
  });
});

describe('4. GIVEN -ing and -ed forms tagged as nouns or adjectives', () => {
  it('THEN none is estimated two levels or more above its listed verb', async () => {
    const lexicon = await shippedLexicon();
    for (const [name, v] of built) expect(inflectedAboveBase(v, lexicon), name).toEqual([]);
    const salt = vocab('salt-road.html');
    for (const w of ['talking', 'waiting', 'drinking', 'lifting']) expect(entries(salt, w), w).toEqual([]);
    expect(entries(salt, 'talk')[0]?.forms).toEqual(expect.arrayContaining(['talking', 'talk']));
    expect(entries(salt, 'drink', 'verb')[0]).toMatchObject({
      level: 'A1',
      forms: expect.arrayContaining(['drinking']),
    });
    const green = vocab('greenhouse.fountain');
    for (const form of ['shouting', 'running', 'crying']) {
      const e = green.entries.find((x) => x.forms.includes(form));
      expect(levelIndex(e?.level ?? 'C2'), form).toBeLessThanOrEqual(levelIndex('B1'));
    }
  });
});

describe('5. GIVEN "She turns to him"', () => {
  it('THEN it is the verb turn (A1), and only "turned to drink" is the C1 phrase "turn to"', () => {
    const salt = vocab('salt-road.html');
    expect(entries(salt, 'turn to')).toMatchObject([{ count: 1, level: 'C1' }]);
    expect(entries(salt, 'turn', 'verb')[0]?.count).toBeGreaterThanOrEqual(4);
    for (const name of ['night-ferry.txt', 'greenhouse.fountain'] as const)
      expect(entries(vocab(name), 'turn to'), name).toEqual([]);
  });
});

describe('6. GIVEN characters and people named with common words', () => {
  it('THEN Rose, Frank, Grace, Bill and Detective Stern are names; a rose, a stern face and the bill are words', () => {
    const salt = vocab('salt-road.html');
    expect(entries(salt, 'rise')).toEqual([]);
    expect(entries(salt, 'rose')).toMatchObject([{ pos: 'noun', count: 1 }]);
    expect(entries(salt, 'frank')).toMatchObject([{ pos: 'adjective', count: 1 }]);
    expect(entries(salt, 'stern')).toMatchObject([{ pos: 'adjective', count: 1 }]);
    expect(entries(salt, 'bill')).toMatchObject([{ pos: 'noun', count: 1 }]);
    expect(entries(salt, 'grace')).toEqual([]);
    expect(entries(salt, 'shell')).toEqual([]);
  });

  it('THEN no name of any fixture is among its top 100 words', () => {
    for (const [name, v] of built) expect(namesInTop(name, v), name).toEqual([]);
  });

  it('THEN a descriptive cue ("WOMAN ON BUS") names nobody, so its words stay words', () => {
    const salt = vocab('salt-road.html');
    expect(entries(salt, 'woman')[0]?.count).toBe(1);
    expect(entries(salt, 'bus')[0]?.count).toBeGreaterThanOrEqual(3);
    for (const s of salt.sentences) expect(s.text).not.toMatch(/\w (?:On|A|The|Bus|Woman) [a-z]/);
  });
});

describe('8. GIVEN one process that grades many films', () => {
  const possessive: Script = {
    format: 'screenplay',
    text: "INT. PIER - NIGHT\n\nThe ferryman's lantern swings. The ferryman's dog barks.\n",
    source: 'test',
  };

  it('THEN a film gives the same list whatever was analysed before it', async () => {
    const alone = (await freshBuilder()).build(possessive);
    const shared = await freshBuilder();
    shared.build({
      format: 'screenplay',
      text: "INT. BOAT - DAY\n\nThe oar was the ferryman's.\n",
      source: 'test',
    });
    for (const name of SCREENPLAYS) await buildFixture(name, shared);
    expect(shared.build(possessive)).toEqual(alone);
    expect(entries(alone, 'ferryman')[0]?.count).toBe(2);
    for (const name of SCREENPLAYS)
      expect((await buildFixture(name, shared)).entries, name).toEqual(vocab(name).entries);
  });

  it("THEN contraction fragments (here's, this'll, 'bout, mother's) are not words", () => {
    for (const [name, v] of built) {
      for (const e of v.entries) expect(e.lemma, `${name}: ${e.lemma}`).not.toMatch(/'|’|^bout$/);
    }
    expect(entries(vocab('salt-road.html'), 'mother')).toHaveLength(1);
  });
});
