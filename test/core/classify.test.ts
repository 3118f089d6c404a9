import { afterEach, describe, expect, it } from 'vitest';
import type { MediaRequest } from '../../src/core/types.js';
import {
  lidarrAlbumAdds,
  lidarrArtistAdds,
  postsTo,
  radarrAdds,
  sonarrAdds,
  startWorld,
  type World,
} from '../helpers/world.js';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

async function stored(w: World, id: string | undefined): Promise<MediaRequest> {
  const r = id ? await w.app.requests.get(id) : undefined;
  if (!r) throw new Error(`request ${id} not stored`);
  return r;
}

describe('deciding what a title is, from every source at once', () => {
  it('add Inception → the 2010 film goes to Radarr with TMDb id 27205, without asking', async () => {
    world = await startWorld();
    const reply = await world.say('add Inception');
    expect(reply.choices).toBeUndefined();
    expect(reply.code).toBe('media.added');
    expect(reply.card).toMatchObject({ title: 'Inception', year: 2010, kind: 'movie' });
    expect(radarrAdds(world).map((b) => b.tmdbId)).toEqual([27205]);
    const r = await stored(world, reply.requestId);
    expect(r.status).toBe('sent');
    expect(r.chosen?.factors.title).toBe(1);
  });

  it('add Breaking Bad → the series goes to Sonarr with TVDB id 81189, without asking', async () => {
    world = await startWorld();
    const reply = await world.say('add Breaking Bad');
    expect(reply.code).toBe('media.added');
    expect(sonarrAdds(world).map((b) => b.tvdbId)).toEqual([81189]);
  });

  it('add Radiohead → the artist goes to Lidarr with its MusicBrainz id, without asking', async () => {
    world = await startWorld();
    const reply = await world.say('add Radiohead');
    expect(reply.code).toBe('media.added');
    expect(lidarrArtistAdds(world).map((b) => b.foreignArtistId)).toEqual([
      'a74b1b7f-71a5-4011-9441-d0b5e4122711',
    ]);
  });

  it('add Dexter → the 2006 series (TVDB 79349), directly or first among the choices', async () => {
    world = await startWorld();
    let reply = await world.say('add Dexter');
    if (reply.choices) {
      expect(reply.choices.options[0]?.label).toBe('Dexter (2006) · series');
      reply = await world.pick(reply, 'Dexter (2006)');
    }
    expect(reply.code).toBe('media.added');
    expect(sonarrAdds(world).map((b) => b.tvdbId)).toEqual([79349]);
  });

  it('a show with no TVDB id anywhere → a clear reason, and nothing is posted', async () => {
    world = await startWorld();
    const reply = await world.say('add show Tiny Kitchen Stories');
    expect(reply.code).toBe('media.noId');
    expect(reply.text).toContain('TVDB id');
    expect(postsTo(world.sonarr, '/api/v3/series')).toEqual([]);
    expect((await stored(world, reply.requestId)).status).toBe('failed');
  });

  it('add Blade Runner → asks, offering the 1982 film and the soundtrack album', async () => {
    world = await startWorld();
    const reply = await world.say('add Blade Runner');
    expect(reply.code).toBe('media.pick');
    const labels = reply.choices?.options.map((o) => o.label) ?? [];
    expect(labels).toContain('Blade Runner (1982) · movie');
    expect(labels.some((l) => l.startsWith('Blade Runner — Vangelis (1994) · album'))).toBe(true);
    expect(reply.choices?.noneLabel).toBe('None of these');
    expect((await stored(world, reply.requestId)).status).toBe('needs_choice');
    expect(postsTo(world.radarr, '/api/v3/movie')).toEqual([]);
  });

  it('picking the album sends it to Lidarr with its release-group and artist ids', async () => {
    world = await startWorld();
    const ask = await world.say('add Blade Runner');
    const done = await world.pick(ask, 'Vangelis');
    expect(done.code).toBe('media.added');
    expect(lidarrAlbumAdds(world).map((b) => b.foreignAlbumId)).toEqual([
      '3c8e1f6a-2b7d-4e59-9a10-5f4d3c2b1a08',
    ]);
  });

  it('add Dune 2021 → the 2021 film, not the 1984 one', async () => {
    world = await startWorld();
    const reply = await world.say('add Dune 2021');
    expect(reply.code).toBe('media.added');
    expect(radarrAdds(world).map((b) => b.tmdbId)).toEqual([438631]);
  });

  it('add artist Heat never offers the film', async () => {
    world = await startWorld();
    const reply = await world.say('add artist Heat');
    const kinds = reply.choices ? reply.choices.options.map((o) => o.kind) : [reply.card?.kind];
    expect(kinds.length).toBeGreaterThan(0);
    expect(kinds.every((k) => k === 'artist')).toBe(true);
    expect(world.tmdb?.calls).toEqual([]);
    expect(postsTo(world.radarr, '/api/v3/movie')).toEqual([]);
  });

  it('a typo still finds the show', async () => {
    world = await startWorld();
    let reply = await world.say('add Breking Bad');
    if (reply.choices) reply = await world.pick(reply, 'Breaking Bad');
    expect(sonarrAdds(world).map((b) => b.tvdbId)).toEqual([81189]);
  });

  it('the scores and their reasons are kept with the request', async () => {
    world = await startWorld();
    const reply = await world.say('add Blade Runner');
    const r = await stored(world, reply.requestId);
    expect(r.candidates.length).toBeGreaterThan(1);
    for (const c of r.candidates) {
      expect(c.score).toBeGreaterThan(0);
      expect(c.score).toBeLessThanOrEqual(1);
      expect(Object.keys(c.factors).sort()).toEqual([
        'completeness',
        'kind',
        'popularity',
        'recency',
        'title',
        'year',
      ]);
    }
    expect(r.audit.map((e) => e.to)).toEqual(['received', 'classified', 'needs_choice']);
    expect(r.audit[1]?.detail?.scores).toBeDefined();
  });

  it('nothing plausible → not found, with the closest titles', async () => {
    world = await startWorld();
    const reply = await world.say('add Zzyzx Qwerty');
    expect(reply.code).toBe('media.notFound');
    expect((await stored(world, reply.requestId)).status).toBe('failed');
  });
});

describe('when sources fail', () => {
  it('TMDb down → the answer comes from the other sources, and says TMDb was left out', async () => {
    world = await startWorld();
    await world.tmdb?.down();
    const reply = await world.say('add Breaking Bad');
    expect(reply.code).toBe('media.added');
    expect(reply.text).toMatch(/left out: tmdb/);
    expect(sonarrAdds(world).map((b) => b.tvdbId)).toEqual([81189]);
    const r = await stored(world, reply.requestId);
    expect(r.sources.find((s) => s.source === 'tmdb')?.status).toBe('failed');
  });

  it('a source slower than the deadline is left out and the decision does not wait for it', async () => {
    world = await startWorld({ env: { DECISION_DEADLINE_MS: '400' } });
    world.tmdb?.setLatency(1500);
    const started = Date.now();
    const reply = await world.say('add Breaking Bad');
    expect(Date.now() - started).toBeLessThan(1400);
    const r = await stored(world, reply.requestId);
    expect(r.sources.find((s) => s.source === 'tmdb')?.status).toBe('late');
    expect(reply.text).toMatch(/tmdb \(too slow\)/);
  });

  it('every source down → "try again later", and the request is kept to retry', async () => {
    world = await startWorld();
    await Promise.all([
      world.tmdb?.down(),
      world.musicbrainz?.down(),
      world.sonarr?.down(),
      world.radarr?.down(),
      world.lidarr?.down(),
    ]);
    const reply = await world.say('add Dexter');
    expect(reply.code).toBe('media.catalogsDown');
    expect(reply.text).toContain(reply.requestId);
    const r = await stored(world, reply.requestId);
    expect(r.status).toBe('failed_retryable');
    expect(r.nextAttemptAt).toBeDefined();
  });

  it('malformed JSON from TMDb is one failed source, not a failed request', async () => {
    world = await startWorld();
    world.tmdb?.fail({ kind: 'malformed' });
    const reply = await world.say('add Breaking Bad');
    expect(reply.code).toBe('media.added');
    const r = await stored(world, reply.requestId);
    expect(r.sources.find((s) => s.source === 'tmdb')?.error).toMatch(/bad_response/);
  });
});

describe('bad input gets a clear answer and stores nothing', () => {
  it.each(['add', `add ${'x'.repeat(300)}`, 'x'.repeat(4000), 'hello', 'add \u0007bell'])(
    '%j',
    async (text) => {
      world = await startWorld({
        tmdb: false,
        musicbrainz: false,
        sonarr: false,
        radarr: false,
        lidarr: false,
      });
      const reply = await world.say(text);
      expect(reply.code).toMatch(/^parse\./);
      expect(reply.text.length).toBeGreaterThan(10);
      expect(await world.app.requests.list()).toEqual([]);
    },
  );
});
