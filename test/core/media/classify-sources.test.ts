/**
 * classify() on scripted catalogs and a clock that moves only when told: every catalog is asked
 * at once, one that fails or is late is left out and reported, never fatal, and what was decided
 * is reused by the core's clock, not the machine's. Then the pure parts: scoring and deciding.
 */
import { describe, expect, it } from 'vitest';
import { Metrics } from '../../../src/core/admin/metrics.js';
import { UpstreamError } from '../../../src/core/errors.js';
import { ClassificationCache } from '../../../src/core/media/classification-cache.js';
import { classify, decide, type ClassifyDeps } from '../../../src/core/media/classify.js';
import { mergeHits } from '../../../src/core/media/merge-hits.js';
import { scoreCandidate, type ScoreContext } from '../../../src/core/media/score.js';
import type { Candidate, CatalogHit } from '../../../src/core/types.js';
import { CaptureLogger } from '../../helpers/capture-logger.js';
import { FakeCatalog } from '../fakes/catalog.js';
import { FakeClock } from '../fakes/clock.js';
import { defaultSettings, startCore } from '../fakes/fake-core.js';
import { bladeRunner, bladeRunnerAlbum, inception } from '../fakes/hits.js';

const policy = defaultSettings().policy;

function depsWith(catalogs: FakeCatalog[], extra: Partial<ClassifyDeps> = {}): ClassifyDeps {
  return { catalogs, policy, clock: new FakeClock(), logger: new CaptureLogger(), ...extra };
}

const tmdbWith = (hits: Record<string, CatalogHit[]>, latencyMs = 0) =>
  new FakeCatalog({ name: 'tmdb', kinds: ['movie', 'series'], hits, latencyMs });
const musicbrainzWith = (hits: Record<string, CatalogHit[]>) =>
  new FakeCatalog({ name: 'musicbrainz', kinds: ['artist', 'album'], hits });

describe('asking every catalog at once', () => {
  it('a failing catalog is left out and reported; the answer comes from the others', async () => {
    const tmdb = tmdbWith({});
    tmdb.failNext(new UpstreamError('tmdb', 'server_error', 'tmdb: 503', { status: 503 }));
    const metrics = new Metrics();
    const c = await classify(
      { title: 'Blade Runner' },
      depsWith([tmdb, musicbrainzWith({ 'Blade Runner': [bladeRunnerAlbum] })], { metrics }),
    );
    expect(c.sources).toEqual([
      { source: 'tmdb', status: 'failed', ms: 0, hits: 0, error: 'server_error: tmdb: 503' },
      { source: 'musicbrainz', status: 'ok', ms: 0, hits: 1 },
    ]);
    expect(c.ranked.map((x) => x.kind)).toEqual(['album']);
    expect(metrics.upstreamErrors().get('tmdb')).toBe(1);
  });

  it('a catalog slower than the deadline is left out as late, and its search is aborted', async () => {
    const slow = tmdbWith({ 'Blade Runner': [bladeRunner] }, 1000);
    const c = await classify(
      { title: 'Blade Runner' },
      depsWith([slow, musicbrainzWith({ 'Blade Runner': [bladeRunnerAlbum] })], {
        policy: { ...policy, deadlineMs: 30 },
      }),
    );
    expect(c.sources.map((s) => [s.source, s.status])).toEqual([
      ['tmdb', 'late'],
      ['musicbrainz', 'ok'],
    ]);
    expect(c.ranked.map((x) => x.kind)).toEqual(['album']);
  });

  it('a client that would queue past the deadline (rate_limited, no HTTP status) counts as late, not failed', async () => {
    const tmdb = tmdbWith({});
    tmdb.failNext(new UpstreamError('tmdb', 'rate_limited', 'tmdb: would wait past the deadline'));
    const c = await classify({ title: 'Inception' }, depsWith([tmdb]));
    expect(c.sources[0]?.status).toBe('late');
    expect(c.decision.type).toBe('unavailable');
  });

  it('each catalog gets the deadline as the core’s clock reads it', async () => {
    const tmdb = tmdbWith({ Inception: [inception] });
    const deps = depsWith([tmdb]);
    await classify({ title: 'Inception' }, deps);
    expect(tmdb.searches[0]?.deadline).toBe(deps.clock.now().getTime() + policy.deadlineMs);
  });

  it('a kind hint leaves out catalogs that cannot have that kind', async () => {
    const tmdb = tmdbWith({ 'Blade Runner': [bladeRunner] });
    const mb = musicbrainzWith({ 'Blade Runner': [bladeRunnerAlbum] });
    const c = await classify({ title: 'Blade Runner', hint: 'music' }, depsWith([tmdb, mb]));
    expect(tmdb.searches).toEqual([]);
    expect(c.ranked.map((x) => x.kind)).toEqual(['album']);
  });
});

describe('reusing a classification, by the core’s clock', () => {
  it('the same question within five minutes is not searched again; after, it is', async () => {
    const tmdb = tmdbWith({ Inception: [inception] });
    const deps = depsWith([tmdb], { cache: new ClassificationCache(5 * 60_000) });
    const clock = deps.clock as FakeClock;
    await classify({ title: 'Inception' }, deps);
    clock.advance(5 * 60_000);
    expect((await classify({ title: 'inception' }, deps)).ms).toBe(0);
    expect(tmdb.searches).toHaveLength(1);
    clock.advance(1);
    await classify({ title: 'Inception' }, deps);
    expect(tmdb.searches).toHaveLength(2);
  });

  it('through the core: a second “add Inception” an hour later searches again', async () => {
    const w = startCore();
    await w.say('add Inception');
    w.clock.advance(60 * 60_000);
    await w.say('add Inception');
    expect(w.tmdb.searches).toHaveLength(2);
  });
});

describe('scoring and deciding (pure)', () => {
  const ctx: ScoreContext = { title: 'Dune', thisYear: 2025, resolvableKinds: new Set() };
  const dune = (year: number, tmdb: number): CatalogHit => ({
    source: 'tmdb',
    kind: 'movie',
    title: 'Dune',
    year,
    ids: { tmdb },
    popularity: 0.7,
  });
  const ranked = (hits: CatalogHit[], c: ScoreContext): Candidate[] =>
    mergeHits(hits)
      .map((m) => ({ ...m, ...scoreCandidate(m, c) }))
      .sort((a, b) => b.score - a.score);

  it('the year settles a remake: “Dune 2021” ranks the 2021 film first, by enough to add it', () => {
    const [first, second] = ranked([dune(1984, 841), dune(2021, 438631)], { ...ctx, year: 2021 });
    expect(first?.ids.tmdb).toBe(438631);
    expect(first?.factors.year).toBe(1);
    expect(decide([first, second] as Candidate[], true, policy, { ...ctx, year: 2021 })).toMatchObject({
      type: 'auto',
    });
  });

  it('without a year, two equally known films of the same title → ask', () => {
    expect(decide(ranked([dune(1984, 841), dune(2021, 438631)], ctx), true, policy, ctx).type).toBe('ask');
  });

  it('the same work from two catalogs is one candidate with both sources', () => {
    const fromRadarr: CatalogHit = { ...inception, source: 'radarr', popularity: 0.5, inLibrary: true };
    const [one, ...rest] = mergeHits([inception, fromRadarr]);
    expect(rest).toEqual([]);
    expect(one).toMatchObject({ key: 'movie:tmdb:27205', sources: ['tmdb', 'radarr'], popularity: 0.795 });
  });

  it('nothing above OFFER_MIN_SCORE → none, with the closest titles; no catalog answered → unavailable', () => {
    const far = ranked([{ ...inception, title: 'Interstellar' }], { ...ctx, title: 'Inception' });
    expect(decide(far, true, policy, { title: 'Inception' })).toMatchObject({
      type: 'none',
      closest: [{ title: 'Interstellar' }],
    });
    expect(decide([], false, policy, { title: 'Inception' })).toEqual({ type: 'unavailable' });
  });
});
