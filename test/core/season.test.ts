import { afterEach, describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/core/commands/parse.js';
import { postsTo, sonarrAdds, startWorld, type World } from '../helpers/world.js';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

function seasonPuts(w: World) {
  return (w.sonarr?.posted ?? []).filter((p) => p.method === 'PUT' && p.path.startsWith('/api/v3/series/'));
}

describe('asking for one season of a series', () => {
  it.each([
    ['add Dexter season 9', { title: 'Dexter', season: 9 }],
    ['add Dexter s09', { title: 'Dexter', season: 9 }],
    ['add show Fargo, season 2', { title: 'Fargo', season: 2 }],
  ])('%s', (text, expected) => {
    expect(parseCommand(text, { thisYear: 2026 })).toEqual({
      ok: true,
      command: { type: 'add', hint: 'series', ...expected },
    });
  });

  it('Dexter already in Sonarr → season 8 is monitored and searched, and no second copy is added', async () => {
    world = await startWorld();
    const id = world.sonarr?.addToLibrary(79349, { unmonitoredSeasons: [8] });
    const reply = await world.say('add Dexter season 8');
    expect(reply.code).toBe('media.seasonMonitored');
    expect(reply.text).toContain('Season 8 of Dexter (2006)');
    expect(postsTo(world.sonarr, '/api/v3/series')).toEqual([]);
    const [put] = seasonPuts(world);
    expect(put?.path).toBe(`/api/v3/series/${id}`);
    const seasons = (put?.body as { seasons: { seasonNumber: number; monitored: boolean }[] }).seasons;
    expect(seasons.find((s) => s.seasonNumber === 8)?.monitored).toBe(true);
    expect(world.sonarr?.commands.map((c) => c.body)).toEqual([
      expect.objectContaining({ name: 'SeasonSearch', seriesId: id, seasonNumber: 8 }),
    ]);
    expect((await world.app.requests.get(reply.requestId ?? ''))?.status).toBe('sent');
  });

  it('a series not in Sonarr yet is added unmonitored, then only that season is monitored', async () => {
    world = await startWorld();
    const reply = await world.say('add Breaking Bad season 2');
    expect(reply.code).toBe('media.seasonMonitored');
    const [added] = sonarrAdds(world);
    expect(added?.tvdbId).toBe(81189);
    expect(added?.addOptions).toMatchObject({ monitor: 'none' });
    expect(world.sonarr?.commands.map((c) => c.body)).toEqual([
      expect.objectContaining({ name: 'SeasonSearch', seasonNumber: 2 }),
    ]);
  });

  it('a season the series does not have → a clear answer, nothing searched', async () => {
    world = await startWorld();
    world.sonarr?.addToLibrary(79349);
    const reply = await world.say('add Dexter season 12');
    expect(reply.code).toBe('media.noSuchSeason');
    expect(world.sonarr?.commands).toEqual([]);
  });
});
