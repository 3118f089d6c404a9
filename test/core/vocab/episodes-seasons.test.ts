/**
 * "vocab Breaking Bad S01E01" grades one episode; "vocab Breaking Bad season 1" grades the
 * season's subtitles as one list with the words per episode. Each is a key of its own; screenplay
 * sites are not asked for episodes unless "from script" says so; a quota that runs out mid-season
 * leaves a list of what was fetched and says which episodes are missing and when it resets.
 */
import { describe, expect, it } from 'vitest';
import { desk, MemorySource, MemoryTitles, transcript, unavailable } from './script-sources.js';

const BREAKING_BAD = {
  title: 'Breaking Bad',
  year: 2008,
  kind: 'tv' as const,
  tmdbId: 1396,
  imdbId: 'tt0903747',
  tvdbId: 81189,
  episodesPerSeason: { 1: 7, 2: 13 },
};
const catalog = () => new MemoryTitles([BREAKING_BAD]);

/** OpenSubtitles with every episode of season 1 but those left out. */
function openSubtitles(except: number[] = []): MemorySource {
  const os = new MemorySource('OpenSubtitles', 'subtitles');
  for (let e = 1; e <= 7; e++)
    if (!except.includes(e)) os.hold(`Breaking Bad S1E${e}`, transcript(`episode${e}`));
  return os;
}

describe('GIVEN an episode', () => {
  it('THEN it is graded from subtitles under a key of its own, and IMSDb is not asked', async () => {
    const imsdb = new MemorySource('IMSDb', 'screenplay');
    const os = openSubtitles();
    const titles = catalog();
    const d = await desk([imsdb, os], titles);

    const reply = await d.ask('Breaking Bad S01E02 in French');
    expect(reply.code).toBe('vocab.profile');
    expect(reply.text).toMatch(/^Breaking Bad S01E02 \(2008\): vocabulary from/);
    expect(reply.text).toMatch(/Source: OpenSubtitles \(subtitles\)\.$/);
    expect(titles.asked).toEqual([{ title: 'Breaking Bad', kind: 'tv' }]);
    expect(imsdb.asked).toEqual([]);
    expect(os.asked).toEqual([
      {
        title: 'Breaking Bad',
        year: 2008,
        kind: 'tv',
        tmdbId: 1396,
        imdbId: 'tt0903747',
        tvdbId: 81189,
        episode: { season: 1, episode: 2 },
      },
    ]);
    const stored = await d.store.get('breaking-bad-2008-s01e02');
    expect(stored).toMatchObject({ title: 'Breaking Bad S01E02', year: 2008 });
    expect(stored?.sentences.some((s) => s.text.includes('episode2'))).toBe(true);
    expect(await d.store.get('breaking-bad-2008')).toBeUndefined();
  });

  it('THEN "from script" asks the screenplay site after all', async () => {
    const imsdb = new MemorySource('IMSDb', 'screenplay');
    const os = openSubtitles();
    const d = await desk([imsdb, os], catalog());
    const reply = await d.ask('Breaking Bad S01E02 from script');
    expect(reply.code).toBe('vocab.noScript');
    expect(imsdb.asked).toHaveLength(1);
    expect(os.asked).toEqual([]);
  });

  it('THEN with only a screenplay site set up, the person is told episodes need subtitles', async () => {
    const d = await desk([new MemorySource('IMSDb', 'screenplay')], catalog());
    const reply = await d.ask('Breaking Bad S01E01');
    expect(reply.code).toBe('vocab.noSourceFor.episode');
    expect(reply.text).toContain('“vocab Breaking Bad S01E01”');
  });

  it('THEN "show Breaking Bad" without an episode asks which one', async () => {
    const d = await desk([openSubtitles()], catalog());
    expect((await d.ask('show Breaking Bad')).text).toBe(
      'Which episode or season of Breaking Bad? e.g. “vocab Breaking Bad S01E01” or “vocab Breaking Bad season 1”.',
    );
  });

  it('THEN "breaking bad" alone, which the catalog knows as a series and not as a film, asks which one too', async () => {
    const os = openSubtitles();
    const titles = catalog();
    const d = await desk([os], titles);
    const reply = await d.ask('breaking bad');
    expect(reply.code).toBe('vocab.whichEpisode');
    expect(titles.asked).toEqual([
      { title: 'Breaking Bad', kind: undefined },
      { title: 'Breaking Bad', kind: 'tv' },
    ]);
    expect(os.asked).toEqual([]);
  });
});

describe('GIVEN a season', () => {
  it('THEN every episode the catalog counts is fetched, two at a time, and graded as one list with words per episode', async () => {
    const library = new MemorySource('Bazarr', 'library');
    library.hold('Breaking Bad S1E1', transcript('episode1'));
    const os = openSubtitles([4]);
    os.latencyMs = 20;
    const d = await desk([os, library], catalog());

    const reply = await d.ask('Breaking Bad season 1');
    expect(reply.code).toBe('vocab.profile');
    const lines = reply.text.split('\n');
    expect(lines[0]).toMatch(
      /^Season 1 of Breaking Bad, 6 episodes as one list\. Words per episode: E1 \d+ · E2 \d+ · E3 \d+ · E5 \d+ · E6 \d+ · E7 \d+\.$/,
    );
    expect(lines[1]).toBe('Not in the list: E4 (no subtitles found).');
    expect(reply.text).toMatch(/Source: Bazarr and OpenSubtitles \(subtitles\)\.$/);
    expect(os.asked.map((q) => q.episode?.episode).sort()).toEqual([2, 3, 4, 5, 6, 7]);
    expect(os.maxInFlight).toBe(2);

    const stored = await d.store.get('breaking-bad-2008-s01');
    expect(stored?.title).toBe('Breaking Bad season 1');
    expect(stored?.season?.episodes.map((e) => [e.episode, e.source])).toEqual([
      [1, 'Bazarr'],
      [2, 'OpenSubtitles'],
      [3, 'OpenSubtitles'],
      [5, 'OpenSubtitles'],
      [6, 'OpenSubtitles'],
      [7, 'OpenSubtitles'],
    ]);
    const markers = [1, 2, 3, 5, 6, 7].map((e) => `episode${e}`);
    for (const m of markers) expect(stored?.sentences.some((s) => s.text.includes(m))).toBe(true);
    expect(stored?.season?.retryAfter).toBeUndefined();

    // Asked again: the stored list, with its episode line, and nothing fetched.
    const again = await d.ask('Breaking Bad season 1 B2+');
    expect(again.text.split('\n')[0]).toBe(lines[0]);
    expect(os.asked).toHaveLength(6);
  });

  it('THEN without an episode count, episodes are fetched until the first one missing', async () => {
    const os = new MemorySource('OpenSubtitles', 'subtitles');
    for (let e = 1; e <= 3; e++) os.hold(`Breaking Bad S1E${e}`, transcript(`episode${e}`));
    const d = await desk([os]);

    const reply = await d.ask('Breaking Bad season 1');
    expect(reply.text.split('\n')[0]).toMatch(/^Season 1 of Breaking Bad, 3 episodes as one list\./);
    expect(reply.text).not.toContain('Not in the list');
    expect(Math.max(...os.asked.map((q) => q.episode?.episode ?? 0))).toBeLessThanOrEqual(5);
    expect(os.asked[0]).toEqual({ title: 'Breaking Bad', kind: 'tv', episode: { season: 1, episode: 1 } });
    expect(await d.store.get('breaking-bad-s01')).toBeDefined();
  });

  it('THEN the quota running out mid-season grades what was fetched and says what is missing and when it resets', async () => {
    const os = openSubtitles();
    os.downloadsLeft = 3;
    const d = await desk([os], catalog());

    const reply = await d.ask('Breaking Bad season 1');
    expect(reply.code).toBe('vocab.profile');
    const lines = reply.text.split('\n');
    expect(lines[0]).toMatch(
      /^Season 1 of Breaking Bad, 3 episodes as one list\. Words per episode: E1 \d+ · E2 \d+ · E3 \d+\.$/,
    );
    expect(lines[1]).toBe(
      'Not in the list: E4–E7 (no downloads left today (it resets at 00:00 UTC); ask again then).',
    );
    // Once it said "quota", OpenSubtitles is not asked for the rest of the season.
    expect(os.asked).toHaveLength(4);

    // Before the reset, the partial list answers at once; after it, the season is fetched again.
    await d.ask('Breaking Bad season 1');
    expect(os.asked).toHaveLength(4);
    d.clock.advance(12 * 60 * 60_000);
    // Still spent when it is tried again: the stored list answers, not the quota message…
    os.resetsAt = '2025-06-03T00:00:00.000Z';
    const tooSoon = await d.ask('Breaking Bad season 1');
    expect(tooSoon.code).toBe('vocab.profile');
    expect(tooSoon.text.split('\n')[0]).toBe(lines[0]);
    // …and is not fetched again before the new reset the source named.
    os.downloadsLeft = 100;
    d.clock.advance(60 * 60_000);
    expect((await d.ask('Breaking Bad season 1')).text.split('\n')[0]).toBe(lines[0]);
    d.clock.advance(23 * 60 * 60_000);
    const later = await d.ask('Breaking Bad season 1');
    expect(later.text.split('\n')[0]).toMatch(/^Season 1 of Breaking Bad, 7 episodes as one list\./);
    expect(later.text).not.toContain('Not in the list');
  });

  it('THEN a source down for the whole season is one line, and the next one fills the season', async () => {
    const library = new MemorySource('Bazarr', 'library');
    library.down = unavailable('bazarr');
    const d = await desk([library, openSubtitles()], catalog());
    const reply = await d.ask('Breaking Bad season 1');
    expect(reply.text.split('\n')[0]).toBe(
      'Bazarr: can’t reach it (it is not answering); used OpenSubtitles.',
    );
    // Only the two lookups already under way when it failed.
    expect(library.asked.length).toBeLessThanOrEqual(2);
  });

  it('THEN with nothing fetched, the answer is the usual miss, or the quota answer', async () => {
    const none = await desk([new MemorySource('OpenSubtitles', 'subtitles')], catalog());
    const miss = await none.ask('Breaking Bad season 2');
    expect(miss.code).toBe('vocab.noScript');
    expect(miss.text).toContain('Breaking Bad season 2');

    const spent = openSubtitles();
    spent.downloadsLeft = 0;
    const quota = await (await desk([spent], catalog())).ask('Breaking Bad season 1');
    expect(quota.code).toBe('vocab.sourceQuota');
    expect(quota.text).toContain('(it resets at 00:00 UTC)');
  });
});

describe('GIVEN a film, an episode and a season of one title', () => {
  it('THEN each is stored under its own key', async () => {
    const os = openSubtitles();
    os.hold('Breaking Bad', transcript('film'));
    const d = await desk([os]);
    await d.ask('Breaking Bad');
    await d.ask('Breaking Bad S01E01');
    await d.ask('Breaking Bad season 1');
    for (const key of ['breaking-bad', 'breaking-bad-s01e01', 'breaking-bad-s01'])
      expect(await d.store.get(key)).toMatchObject({ key });
  });
});
