/**
 * "add <series> season N" against a Sonarr that behaves like the real one: the episodes exist only
 * after the background refresh, `addOptions` is applied by the scan that follows it, and a search
 * before that finds nothing (test/fakes/sonarr-episodes.ts).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/core/commands/parse.js';
import type { FakeSonarr } from '../fakes/sonarr.js';
import { postsTo, sonarrAdds, startWorld, type World } from '../helpers/world.js';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

function seasonPuts(w: World) {
  return (w.sonarr?.posted ?? []).filter((p) => p.method === 'PUT' && p.path.startsWith('/api/v3/series/'));
}

/** Season number → episodes searched, over every search Sonarr ran (asked by us or by its scan). */
function searchedSeasons(sonarr: FakeSonarr): Record<number, number> {
  const out: Record<number, number> = {};
  for (const c of sonarr.commands)
    for (const [n, count] of Object.entries(c.searched)) out[Number(n)] = (out[Number(n)] ?? 0) + count;
  return out;
}

/** Seasons with monitored episodes once Sonarr is done, with how many. */
function monitored(sonarr: FakeSonarr, id: number): Record<number, number> {
  const out: Record<number, number> = {};
  for (const [n, [count]] of Object.entries(sonarr.monitoredEpisodes(id) ?? {}))
    if (count > 0) out[Number(n)] = count;
  return out;
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

  it('Breaking Bad not in Sonarr → once Sonarr has scanned it, only season 2 is monitored and searched', async () => {
    world = await startWorld();
    const sonarr = world.sonarr!;
    const reply = await world.say('add Breaking Bad season 2');
    const [added] = sonarrAdds(world);
    expect(added?.tvdbId).toBe(81189);
    await sonarr.settle();
    const id = (await world.app.requests.get(reply.requestId ?? ''))?.backendItemId ?? -1;
    expect(monitored(sonarr, id)).toEqual({ 2: 10 });
    expect(sonarr.series(id)?.monitored).toBe(true);
    expect(searchedSeasons(sonarr)).toEqual({ 2: 10 });
    expect((await world.app.requests.get(reply.requestId ?? ''))?.status).toBe('sent');
    expect(reply.code).toBe('media.seasonAdded');
    expect(reply.text).toContain('season 2');
  });

  it('Dexter already in Sonarr → season 8 is monitored and searched, and no second copy is added', async () => {
    world = await startWorld();
    const sonarr = world.sonarr!;
    const id = sonarr.addToLibrary(79349, { unmonitoredSeasons: [8] });
    const reply = await world.say('add Dexter season 8');
    expect(reply.code).toBe('media.seasonMonitored');
    expect(reply.text).toContain('Season 8 of Dexter (2006)');
    expect(postsTo(sonarr, '/api/v3/series')).toEqual([]);
    const [put] = seasonPuts(world);
    expect(put?.path).toBe(`/api/v3/series/${id}`);
    expect(monitored(sonarr, id)[8]).toBe(10);
    expect(searchedSeasons(sonarr)).toEqual({ 8: 10 });
    expect((await world.app.requests.get(reply.requestId ?? ''))?.status).toBe('sent');
  });

  it('a series someone added a moment ago, still being scanned → the bot waits for the scan, then monitors and searches', async () => {
    world = await startWorld();
    const sonarr = world.sonarr!;
    // Added in Sonarr's UI with "None": the scan, still to come, would unmonitor everything.
    const id = sonarr.addPending(79349, { monitor: 'none', searchForMissingEpisodes: false });
    const reply = await world.say('add Dexter season 4');
    await sonarr.settle();
    expect(monitored(sonarr, id)).toEqual({ 4: 10 });
    expect(searchedSeasons(sonarr)).toEqual({ 4: 10 });
    expect(reply.code).toBe('media.seasonMonitored');
  });

  it('a season the series does not have → a clear answer, nothing added and nothing searched', async () => {
    world = await startWorld();
    const reply = await world.say('add Breaking Bad season 12');
    expect(sonarrAdds(world)).toEqual([]);
    expect(reply.code).toBe('media.noSuchSeason');
    expect(world.sonarr?.commands).toEqual([]);
    expect((await world.app.requests.get(reply.requestId ?? ''))?.status).toBe('failed');
  });

  it('a season the series in Sonarr does not have → a clear answer, nothing searched', async () => {
    world = await startWorld();
    world.sonarr?.addToLibrary(79349);
    const reply = await world.say('add Dexter season 12');
    expect(reply.code).toBe('media.noSuchSeason');
    expect(world.sonarr?.commands).toEqual([]);
  });
});

describe('season 0', () => {
  it('is refused with a reason: it is where specials are kept', () => {
    expect(parseCommand('add Dexter season 0', { thisYear: 2026 })).toEqual({
      ok: false,
      code: 'parse.seasonZero',
      values: { title: 'Dexter' },
    });
  });
});
