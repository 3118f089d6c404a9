import { afterEach, describe, expect, it } from 'vitest';
import { startFakeRadarr, type FakeRadarr } from '../fakes/radarr.js';
import { addedTo, bob, postsTo, radarrAdds, sonarrAdds, startWorld, type World } from '../helpers/world.js';

let world: World | undefined;
let radarr4k: FakeRadarr | undefined;
afterEach(async () => {
  await world?.close();
  await radarr4k?.close();
  world = undefined;
  radarr4k = undefined;
});

describe('choices after the work is chosen', () => {
  it('two Radarrs → "where should it go?" → picks 4K → only the 4K Radarr gets the movie', async () => {
    radarr4k = await startFakeRadarr({ apiKey: 'radarr-4k-key-0001' });
    world = await startWorld({
      env: { RADARR_4K_URL: radarr4k.url, RADARR_4K_API_KEY: 'radarr-4k-key-0001' },
    });
    const ask = await world.say('add Inception');
    expect(ask.code).toBe('media.whichBackend');
    expect(ask.choices?.options.map((o) => o.label)).toEqual(['Radarr', 'Radarr 4K']);
    const done = await world.pick(ask, 'Radarr 4K');
    expect(done.code).toBe('media.added');
    expect(addedTo(radarr4k, '/api/v3/movie').map((b) => b.tmdbId)).toEqual([27205]);
    expect(radarrAdds(world)).toEqual([]);
    const r = await world.app.requests.get(ask.requestId ?? '');
    expect(r?.options.backend).toBe('radarr-4k');
    expect(r?.audit.map((e) => e.to)).toEqual([
      'received',
      'classified',
      'needs_choice',
      'approved',
      'approved',
      'sent',
    ]);
  });

  it('ASK_SEASONS → "which seasons?" → latest → Sonarr is asked to monitor the last season', async () => {
    world = await startWorld({ env: { ASK_SEASONS: 'true' } });
    const ask = await world.say('add Breaking Bad');
    expect(ask.code).toBe('media.whichSeasons');
    expect(ask.card).toMatchObject({ title: 'Breaking Bad', kind: 'series' });
    expect(postsTo(world.sonarr, '/api/v3/series')).toEqual([]);
    const done = await world.pick(ask, 'Latest season');
    expect(done.code).toBe('media.added');
    const [body] = sonarrAdds(world);
    // Sonarr v4 calls it lastSeason; v3 latestSeason (adapters/arr/sonarr/monitor-option.ts).
    expect(body?.addOptions).toMatchObject({ monitor: 'lastSeason' });
  });

  it('only the asker answers, and "Cancel" adds nothing', async () => {
    world = await startWorld({ env: { ASK_SEASONS: 'true' } });
    const ask = await world.say('add Breaking Bad');
    expect((await world.pick(ask, 'All seasons', bob)).code).toBe('choice.notYours');
    const cancelled = await world.pick(ask, 'none');
    expect(cancelled.code).toBe('media.cancelledOption');
    expect(postsTo(world.sonarr, '/api/v3/series')).toEqual([]);
    expect((await world.app.requests.get(ask.requestId ?? ''))?.status).toBe('cancelled');
  });

  it('asks nothing for movies when seasons are enabled, and nothing extra by default', async () => {
    world = await startWorld({ env: { ASK_SEASONS: 'true' } });
    expect((await world.say('add Inception')).code).toBe('media.added');
  });
});
