import { describe, expect, it } from 'vitest';
import { bar, coverageLine } from '../../../src/core/vocab/profile.js';
import { cutAround, renderVocab } from '../../../src/core/vocab/render-vocab.js';
import { fingerprint, movieKey, titleCase } from '../../../src/core/vocab/movie-key.js';
import { SingleFlight } from '../../../src/core/vocab/single-flight.js';
import type { MovieVocab, VocabEntry } from '../../../src/core/vocab/types.js';

function vocab(entries: VocabEntry[]): MovieVocab {
  return {
    key: 'k',
    title: 'Heist',
    year: 2024,
    script: { source: 'IMSDb', format: 'screenplay', characters: 100 },
    analysisVersion: 1,
    analysedAt: '2026-11-21T00:00:00.000Z',
    profile: {
      runningWords: 1000,
      distinctWords: entries.length,
      perLevel: { A1: 400, A2: 200, B1: 100, B2: 50, C1: 10, C2: 0 },
      estimated: 3,
      unlisted: 2,
      coverage: { A1: 0.8, A2: 0.88, B1: 0.93, B2: 0.96, C1: 0.975, C2: 0.98 },
    },
    entries,
    sentences: [
      {
        text: 'Arthur said I need a totem, something small and heavy that nobody else has ever held in their hands.',
        kind: 'dialogue',
      },
      { text: 'The vault opens.', kind: 'action' },
    ],
  };
}

const word = (
  lemma: string,
  level: VocabEntry['level'],
  source: VocabEntry['source'],
  count = 1,
): VocabEntry => ({
  lemma,
  pos: 'noun',
  ...(level ? { level } : {}),
  source,
  count,
  forms: [lemma],
  sentences: [0],
});

describe('the reply text', () => {
  it('shows the profile and only the asked levels, estimates marked, unlisted words left out', () => {
    const t = renderVocab(
      vocab([
        word('totem', 'C1', 'estimated', 4),
        word('vault', 'B2', 'CEFR-J', 2),
        word('door', 'A1', 'CEFR-J', 9),
        word('zzt', undefined, 'unlisted'),
      ]),
      { range: { min: 'B2', max: 'C2' } },
    );
    expect(t).toContain('Heist (2024): vocabulary from the IMSDb script');
    expect(t).toContain('1,000 running words · 4 distinct words (3 with estimated levels, 2 unlisted)');
    expect(t).toMatch(/^A1 400 █{16}$/m);
    expect(t).toMatch(/^C2 {3}0$/m);
    expect(t).toContain('A1 80% · A2 88% · B1 93% · B2 96% · C1 98% · C2 98%');
    expect(t).toContain('B2+ words, most frequent first (2 of 2):');
    expect(t).toMatch(/• totem \(noun\) ~C1 estimated ×4: “.*totem.*”/);
    expect(t).toContain('• vault (noun) B2 CEFR-J ×2');
    expect(t).not.toContain('• door');
    expect(t).not.toContain('zzt');
  });

  it('marks a level whose word class was a guess', () => {
    const fine = { ...word('fine', 'B1', 'CEFR-J'), uncertain: true };
    expect(renderVocab(vocab([fine]), { range: { min: 'B1', max: 'C2' } })).toContain(
      '• fine (noun) B1? CEFR-J ×1',
    );
  });

  it('says so when no word is in the asked range', () => {
    expect(renderVocab(vocab([word('door', 'A1', 'CEFR-J')]), { range: { min: 'C2', max: 'C2' } })).toContain(
      'No C2 words in this script.',
    );
  });

  it('cuts a long line around the word', () => {
    const s = cutAround(
      'One two three four five six seven eight nine ten, and then the totem falls over and over again, all night long.',
      ['totem'],
    );
    expect(s.length).toBeLessThanOrEqual(82);
    expect(s).toContain('totem');
    expect(s.startsWith('…')).toBe(true);
  });
});

describe('small helpers', () => {
  it('draw bars, never empty for a non-zero count', () => {
    expect(bar(0, 10)).toBe('');
    expect(bar(1, 1000)).toBe('█');
    expect(bar(10, 10, 8)).toBe('████████');
    expect(coverageLine(vocab([]).profile).split(' · ')).toHaveLength(6);
  });

  it('name movies the way sites and stores need', () => {
    expect(titleCase('the lord of the rings')).toBe('The Lord of the Rings');
    expect(titleCase('wall-e')).toBe('Wall-e');
    expect(titleCase('WALL-E')).toBe('WALL-E');
    expect(movieKey("Schindler's List", 1993)).toBe('schindlers-list-1993');
    expect(movieKey('Amélie')).toBe('amelie');
    expect(fingerprint('a')).not.toBe(fingerprint('b'));
  });

  it('run one piece of work per key at a time', async () => {
    const flights = new SingleFlight<number>();
    let runs = 0;
    const work = async () => {
      runs++;
      await new Promise((r) => setTimeout(r, 10));
      return runs;
    };
    expect(
      await Promise.all([flights.run('a', work), flights.run('a', work), flights.run('b', work)]),
    ).toEqual([2, 2, 2]);
    expect(runs).toBe(2);
    expect(await flights.run('a', work)).toBe(3);
  });
});
