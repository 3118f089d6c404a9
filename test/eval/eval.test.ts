/**
 * The evaluation set on today's scoring. Only a wrong add fails: asking when one answer was clear,
 * or missing it, is what tuning improves and `npm run eval` counts.
 */
import { describe, expect, it } from 'vitest';
import { mbid, CLASSES, type EvalCase } from './case.js';
import { CASES } from './cases/index.js';
import { runCase, type Graded } from './evaluate.js';

/**
 * Wrong adds the code makes, kept visible instead of weakening the cases. Remove a line when a
 * change fixes it; the test fails until then so the list stays true. (The two original-language
 * films that added their soundtrack were fixed by scoring TMDb's original_title.)
 */
const KNOWN_WRONG_ADDS: readonly string[] = [];

/** Every key a case's rows can become, to catch a label that names nothing in the answers. */
function answerKeys(c: EvalCase): Set<string> {
  const keys = new Set<string>();
  for (const row of c.catalogs.tmdb ?? [])
    keys.add(`${row.media_type === 'tv' ? 'series' : 'movie'}:tmdb:${row.id}`);
  const mb = c.catalogs.musicbrainz ?? {};
  for (const g of mb.releaseGroups ?? []) {
    keys.add(`album:mb:${g.id}`);
    for (const credit of g['artist-credit'] ?? []) keys.add(`artist:mb:${credit.artist.id}`);
  }
  for (const a of mb.artists ?? []) keys.add(`artist:mb:${a.id}`);
  return keys;
}

describe('evaluation set', () => {
  it('has at least 80 cases, every class, and labels that name a work in the answers', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(80);
    expect(new Set(CASES.map((c) => c.class))).toEqual(new Set(CLASSES));
    expect(new Set(CASES.map((c) => c.query)).size).toBe(CASES.length);
    const unlabelled = CASES.filter((c) => {
      const e = c.expect;
      if ('none' in e) return false;
      return !answerKeys(c).has('add' in e ? e.add : e.ask);
    }).map((c) => c.query);
    expect(unlabelled).toEqual([]);
    expect(mbid('x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('never adds a different work than the label names', async () => {
    const results: Graded[] = [];
    for (const c of CASES) results.push(await runCase(c));
    const wrong = results.filter((r) => r.grade === 'wrong add');
    const unknown = wrong.filter((r) => !KNOWN_WRONG_ADDS.includes(r.case.query));
    const detail = unknown.map(
      (r) => `${r.case.query} → ${JSON.stringify(r.outcome)}\n  ${r.ranked.join('\n  ')}`,
    );
    expect(detail, 'new wrong adds').toEqual([]);
    const fixed = KNOWN_WRONG_ADDS.filter((q) => !wrong.some((r) => r.case.query === q));
    expect(fixed, 'no longer wrong adds: remove them from KNOWN_WRONG_ADDS').toEqual([]);
  });
});
