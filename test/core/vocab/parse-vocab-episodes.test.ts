/**
 * "vocab Breaking Bad S01E01", "vocab Breaking Bad season 1", "vocab show Fargo 1x01 from
 * subtitles": episodes, seasons, kind words and source hints, with the language and level options
 * in any order. Titles that merely hold a number stay films.
 */
import { describe, expect, it } from 'vitest';
import { parseVocab } from '../../../src/core/commands/parse-vocab.js';

function ok(rest: string) {
  const r = parseVocab(rest);
  if (!r.ok) throw new Error(`expected a command for "${rest}", got ${r.code}: ${r.text}`);
  return r.command;
}

describe('GIVEN an episode', () => {
  it.each([
    ['Breaking Bad S01E01', 1, 1],
    ['Breaking Bad s1e1', 1, 1],
    ['Breaking Bad S01 E02', 1, 2],
    ['Breaking Bad S1 E1', 1, 1],
    ['Breaking Bad S02.E10', 2, 10],
    ['Breaking Bad season 1 episode 1', 1, 1],
    ['Breaking Bad Season 2, Episode 13', 2, 13],
    ['Breaking Bad season 3 ep 4', 3, 4],
    ['Breaking Bad 1x01', 1, 1],
    ['Breaking Bad 5x16', 5, 16],
    ['"Breaking Bad" S01E01', 1, 1],
  ])('%s → season %d episode %d of Breaking Bad', (rest, season, episode) => {
    expect(ok(rest)).toMatchObject({ title: 'Breaking Bad', kind: 'tv', part: { season, episode } });
  });

  it('THEN the language, the level and the source hint combine with it, in any order', () => {
    expect(ok('Breaking Bad S01E01 in French B2+')).toMatchObject({
      title: 'Breaking Bad',
      part: { season: 1, episode: 1 },
      language: { code: 'fr' },
      range: { min: 'B2', max: 'C2' },
    });
    expect(ok('Breaking Bad in German S02E03')).toMatchObject({
      title: 'Breaking Bad',
      part: { season: 2, episode: 3 },
      language: { code: 'de' },
    });
    expect(ok('Breaking Bad season 1 episode 2 fr C1-C2 from subtitles')).toMatchObject({
      title: 'Breaking Bad',
      part: { season: 1, episode: 2 },
      language: { code: 'fr' },
      range: { min: 'C1', max: 'C2' },
      from: 'subtitles',
    });
  });

  it('THEN "1x1" is not read as an episode (only the two-digit form is unambiguous)', () => {
    const c = ok('Breaking Bad 1x1');
    expect(c.title).toBe('Breaking Bad 1x1');
    expect(c.part).toBeUndefined();
  });

  it('THEN an episode alone is a title, not an episode of nothing', () => {
    expect(ok('S01E01')).toMatchObject({ title: 'S01E01' });
    expect(ok('S01E01').part).toBeUndefined();
  });

  it('THEN season 0 or episode 0 is answered: they count from 1', () => {
    const r = parseVocab('Breaking Bad S00E01');
    expect(r).toMatchObject({ ok: false, code: 'vocab.seasonZero' });
    expect(!r.ok && r.text).toContain('“S00E01”');
    expect(parseVocab('Breaking Bad season 1 episode 0')).toMatchObject({
      ok: false,
      code: 'vocab.seasonZero',
    });
  });
});

describe('GIVEN a season', () => {
  it.each([
    ['Breaking Bad season 1', 1],
    ['Breaking Bad Season 02', 2],
    ['Breaking Bad S03', 3],
    ['Breaking Bad, season 4', 4],
  ])('%s → the whole season %d', (rest, season) => {
    const c = ok(rest);
    expect(c).toMatchObject({ title: 'Breaking Bad', kind: 'tv', part: { season } });
    expect(c.part?.episode).toBeUndefined();
  });

  it('THEN options combine with it', () => {
    expect(ok('Breaking Bad season 1 in Spanish B1-B2')).toMatchObject({
      title: 'Breaking Bad',
      part: { season: 1 },
      language: { code: 'es' },
      range: { min: 'B1', max: 'B2' },
    });
  });
});

describe('GIVEN titles that hold numbers', () => {
  it.each([
    "Ocean's Eleven",
    "Ocean's 11",
    '2001: A Space Odyssey',
    'Se7en',
    'Apollo 13',
    'Blade Runner 2049',
    '1917',
    'District 9',
    'Star Wars Episode 4',
    'Season of the Witch',
    'The Four Seasons',
    'S1m0ne',
    'Catch-22',
    '12 Monkeys',
  ])('%s stays a film, whole', (title) => {
    const c = ok(title);
    expect(c.title).toBe(title);
    expect(c.part).toBeUndefined();
    expect(c.kind).toBeUndefined();
  });

  it('THEN with options too', () => {
    expect(ok('Apollo 13 in French B2+')).toMatchObject({ title: 'Apollo 13', language: { code: 'fr' } });
    expect(ok('Se7en fr')).toMatchObject({ title: 'Se7en', language: { code: 'fr' } });
    expect(ok("Ocean's Eleven from script")).toMatchObject({ title: "Ocean's Eleven", from: 'script' });
    expect(ok('Apollo 13 in French').part).toBeUndefined();
  });
});

describe('GIVEN a kind word', () => {
  it('THEN "film" and "movie" say it is a film: no episode is read out of the title', () => {
    expect(ok('film Inception')).toMatchObject({ title: 'Inception', kind: 'movie' });
    const c = ok('movie Room 1x01');
    expect(c).toMatchObject({ title: 'Room 1x01', kind: 'movie' });
    expect(c.part).toBeUndefined();
  });

  it('THEN "show", "series" and "tv" say it is a series', () => {
    expect(ok('show Fargo S01E01')).toMatchObject({
      title: 'Fargo',
      kind: 'tv',
      part: { season: 1, episode: 1 },
    });
    expect(ok('series Fargo')).toMatchObject({ title: 'Fargo', kind: 'tv' });
    expect(ok('tv "Fargo" season 2')).toMatchObject({ title: 'Fargo', kind: 'tv', part: { season: 2 } });
  });

  it('THEN "Band of Brothers" and a quoted title keep their first word', () => {
    expect(ok('Series of Unfortunate Events')).toMatchObject({ title: 'Series of Unfortunate Events' });
    expect(ok('"Show Me Love"')).toMatchObject({ title: 'Show Me Love' });
    expect(ok('"Show Me Love"').kind).toBeUndefined();
  });
});

describe('GIVEN a source hint', () => {
  it.each([
    ['Inception from subtitles', 'subtitles'],
    ['Inception from the subtitles', 'subtitles'],
    ['Inception from subs', 'subtitles'],
    ['Inception from script', 'script'],
    ['Inception from the screenplay', 'script'],
    ['Inception in French from script', 'script'],
    ['Inception from script in French', 'script'],
    ['Inception from subtitles B2+', 'subtitles'],
  ])('%s → from %s', (rest, from) => {
    expect(ok(rest)).toMatchObject({ title: 'Inception', from });
  });

  it('THEN "from" in a title, or before a level, is no hint', () => {
    expect(ok('Escape from Alcatraz')).toMatchObject({ title: 'Escape from Alcatraz' });
    expect(ok('Escape from Alcatraz').from).toBeUndefined();
    expect(ok('Inception from B2')).toMatchObject({ title: 'Inception', range: { min: 'B2', max: 'B2' } });
    expect(ok('From Script to Screen')).toMatchObject({ title: 'From Script to Screen' });
  });
});
