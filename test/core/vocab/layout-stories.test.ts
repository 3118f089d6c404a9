/**
 * Stories from running the pipeline on real screenplays, told on our own fixtures in the same
 * layouts (an IMSDb page, an IMSDb text export with its footer, Fountain, a flat PDF conversion, a
 * 1940s shooting script): what the layout itself puts into the word list.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { BuiltVocab } from '../../../src/core/vocab/build-vocab.js';
import { parseScreenplay } from '../../../src/core/vocab/screenplay.js';
import {
  SCREENPLAYS,
  buildFixture,
  entries,
  examples,
  readFixture,
  stageTermsInTop,
  type FixtureName,
} from './fixture-scripts.js';

const built = new Map<FixtureName, BuiltVocab>();
const vocab = (name: FixtureName) => built.get(name) as BuiltVocab;

beforeAll(async () => {
  for (const name of SCREENPLAYS) built.set(name, await buildFixture(name));
});

describe('1. GIVEN stage directions in speeches, on their own lines and in front of action', () => {
  it('THEN no stage term is among the top 100 words of any screenplay', () => {
    for (const name of SCREENPLAYS) {
      expect(stageTermsInTop(vocab(name)), name).toEqual([]);
    }
  });

  it('THEN (beat), (pause), "Beat." and "After a beat" are gone, but rain that beats stays a verb', () => {
    const salt = vocab('salt-road.html');
    expect(entries(salt, 'beat', 'noun')).toEqual([]);
    expect(entries(salt, 'pause')).toEqual([]);
    expect(entries(salt, 'beat', 'verb')).toMatchObject([{ count: 1, forms: ['beats'] }]);
  });

  it('THEN camera prefixes and sound effects are gone, but a coin that is inserted stays', () => {
    const salt = vocab('salt-road.html');
    for (const w of ['angle', 'reverse', 'pan', 'sfx', 'bang', 'boom'])
      expect(entries(salt, w), w).toEqual([]);
    expect(entries(salt, 'insert')).toMatchObject([{ pos: 'verb', count: 1 }]);
    const door = entries(salt, 'door', 'noun')[0];
    expect(door && examples(salt, door)).toContain('The door as it swings open.');
  });

  it('THEN the shots of a 1940s shooting script are not words, and not characters', () => {
    const depot = vocab('depot-1940.txt');
    for (const w of ['shot', 'camera', 'closeup', 'med', 'insert']) expect(entries(depot, w), w).toEqual([]);
    expect([...depot.characters].sort()).toEqual(['HOLLIS', 'MARTHA']);
    expect(entries(depot, 'pan')).toEqual([]);
    expect(entries(depot, 'lantern')[0]?.count).toBe(2);
  });
});

describe('7. GIVEN a flat, PDF-converted layout and lines in other languages', () => {
  it('THEN slug lines typed flush left are not characters, and what follows them is action', async () => {
    const parsed = parseScreenplay((await readFixture('flat-pdf.txt')).text);
    expect([...parsed.characters].sort()).toEqual(['DOLORES', 'MOSHE', 'SAL']);
    const action = parsed.blocks.filter((b) => b.kind === 'action').map((b) => b.text);
    expect(action).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Crates of oranges\./),
        expect.stringMatching(/^A taxi idles at the kerb\./),
        expect.stringMatching(/^Dolores laughs and shakes her head\./),
      ]),
    );
    const sal = parsed.blocks.filter((b) => b.speaker === 'SAL').map((b) => b.text);
    expect(sal[0]).toBe('English, please. My Spanish is terrible.');
  });

  it('THEN Spanish, Hebrew and Yiddish lines are not graded as English', () => {
    const flat = vocab('flat-pdf.txt');
    for (const w of [
      'qué',
      'pasa',
      'mijo',
      'tengo',
      'tiempo',
      'shalom',
      'nishma',
      'beseder',
      'vey',
      'mazel',
      'tov',
      'noches',
      'viejo',
    ])
      expect(entries(flat, w), w).toEqual([]);
    expect(entries(flat, 'terrible')).toHaveLength(1);
    expect(entries(flat, 'daughter')).toHaveLength(1);
  });
});

describe('10. GIVEN smaller layout traps', () => {
  it('THEN a cue with a lower-case extension ("TYLER (cont)") is a cue', () => {
    const salt = vocab('salt-road.html');
    expect(salt.characters).toContain('TYLER');
    expect(entries(salt, 'cont')).toEqual([]);
    const truck = entries(salt, 'truck')[0];
    expect(truck && salt.sentences[truck.sentences[1] ?? -1]).toMatchObject({
      speaker: 'TYLER',
      kind: 'dialogue',
    });
    expect(entries(vocab('greenhouse.fountain'), 'cont')).toEqual([]);
  });

  it('THEN the IMSDb footer of a text export (Writers, Genres, User Comments) is not script', () => {
    const ferry = vocab('night-ferry.txt');
    for (const w of ['writer', 'genre', 'comment', 'user', 'imsdb', 'mystery', 'drama'])
      expect(entries(ferry, w), w).toEqual([]);
    expect(ferry.sentences.map((s) => s.text).join('\n')).not.toMatch(/Writers|Genres|User Comments|IMSDb/);
  });

  it('THEN Fountain notes, boneyard, sections, synopses and lyrics are not script', () => {
    const green = vocab('greenhouse.fountain');
    for (const w of ['note', 'draft', 'scene', 'length', 'act']) expect(entries(green, w), w).toEqual([]);
    expect(green.characters).not.toContain('TITLE');
    expect(entries(green, 'fern')[0]?.count).toBe(1);
  });
});
