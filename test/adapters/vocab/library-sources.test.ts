/**
 * Subtitles from the operator's own library: Bazarr first, then the files beside the media, both
 * found through Radarr and Sonarr and read from a real folder through MEDIA_PATH_MAP, against
 * fakes that answer as the real servers do (library-world.ts; test/fakes/bazarr.ts, radarr.ts,
 * sonarr.ts).
 */
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLibrarySources } from '../../../adapters/vocab/library-sources.js';
import { vocabEnv } from '../../../src/config/vocab-env.js';
import type { ScriptQuery } from '../../../src/core/vocab/ports.js';
import { startFakeBazarr, type BazarrMovie } from '../../fakes/bazarr.js';
import { CaptureLogger } from '../../helpers/capture-logger.js';
import { inception, KEYS, signal, startLibraryWorld, text, type LibraryWorld } from './library-world.js';

let w: LibraryWorld;
beforeAll(async () => {
  w = await startLibraryWorld();
});
afterAll(() => w.close());

describe('which library sources exist', () => {
  it('GIVEN Bazarr, MEDIA_PATH_MAP, Radarr and Sonarr THEN Bazarr first, then the files beside the media, both of kind library', () => {
    const { all } = w.sources();
    expect(all.map((s) => [s.name, s.kind])).toEqual([
      ['Bazarr', 'library'],
      ['library files', 'library'],
    ]);
  });

  it('GIVEN Bazarr but no MEDIA_PATH_MAP THEN none, and the log says why (Bazarr gives paths, not text)', () => {
    const log = new CaptureLogger();
    expect(w.sources({ MEDIA_PATH_MAP: '' }, log).all).toEqual([]);
    expect(log.dump()).toContain('Bazarr gives subtitle paths, not their text');
  });

  it('GIVEN nothing configured THEN none', () => {
    const env = { ...vocabEnv.parse({}), RADARR_URL: w.radarr.url, RADARR_API_KEY: KEYS.radarr };
    expect(
      createLibrarySources({ ...env, SONARR_URL: undefined, SONARR_API_KEY: undefined }, new CaptureLogger()),
    ).toEqual([]);
  });
});

describe('GIVEN a film in Radarr whose English subtitle Bazarr holds', () => {
  /** What Bazarr indexed for Inception: an embedded English track, a French file, an English one in Subs/. */
  const indexed = (): BazarrMovie => {
    const film = w.moviePath(w.ids.inception!);
    return {
      radarrId: w.ids.inception!,
      title: 'Inception',
      year: 2010,
      path: film,
      subtitles: [
        { language: 'en', path: null },
        { language: 'fr', path: film.replace(/\.mkv$/, '.fr.srt') },
        { language: 'en', path: join(dirname(film), 'Subs', basename(film).replace(/\.mkv$/, '.en.srt')) },
      ],
    };
  };

  it('THEN Bazarr is asked by Radarr id and the file it names is read through the path map', async () => {
    w.bazarr.addMovie(indexed());
    const found = await w.sources().bazarr.find(inception, signal());
    expect(text(found)).toContain('Bazarr kept this one in Subs.');
    expect(found.found && found.script).toMatchObject({
      format: 'transcript',
      source: 'Bazarr',
      origin: 'Inception (2010) Bluray-1080p.en.srt',
    });
    const asked = w.bazarr.callsTo('GET', '/api/movies').at(-1)!;
    expect(asked.query).toEqual({ 'radarrid[]': String(w.ids.inception) });
    expect(asked.headers['x-api-key']).toBe(KEYS.bazarr);
    expect(w.radarr.callsTo('GET', '/api/v3/movie').at(-1)?.query).toEqual({ tmdbId: '27205' });
  });

  it('AND Bazarr sees the library under its own path THEN the subtitle is found beside the file Radarr names', async () => {
    const own = await startFakeBazarr({
      apiKey: KEYS.bazarr,
      pathMappingsMovie: [['/data/movies', '/bazarr/films']],
    });
    try {
      own.addMovie(indexed());
      const answer = await fetch(`${own.url}/api/movies?radarrid[]=${w.ids.inception}`, {
        headers: { 'X-API-KEY': KEYS.bazarr },
      });
      expect(JSON.stringify(await answer.json())).toContain('/bazarr/films/Inception (2010)/Subs/');
      expect(text(await w.sources({ BAZARR_URL: own.url }).bazarr.find(inception, signal()))).toContain(
        'Bazarr kept this one in Subs.',
      );
    } finally {
      await own.close();
    }
  });

  it('AND Bazarr names a path with ".." THEN it is refused: not_found, no host path in the answer', async () => {
    w.bazarr.addMovie({
      radarrId: w.ids.heat!,
      title: 'Heat',
      path: w.moviePath(w.ids.heat!),
      subtitles: [
        { language: 'en', path: `${dirname(w.moviePath(w.ids.heat!))}/../../../outside/secret.srt` },
      ],
    });
    const log = new CaptureLogger();
    const found = await w.sources({}, log).bazarr.find({ title: 'Heat', tmdbId: 949 }, signal());
    expect(found).toEqual({
      found: false,
      miss: 'not_found',
      detail: 'the file’s path has "." or ".." in it',
    });
    expect(log.entries.find((e) => e.msg === 'bazarr: subtitle path refused')?.obj.why).toBe('dot_segments');
  });
});

describe('GIVEN a film with English subtitle files beside it', () => {
  it('THEN the plain .en file is read: not the SDH, forced or French one', async () => {
    const found = await w.sources().files.find(inception, signal());
    expect(text(found)).toContain('You mustn’t be afraid to dream a little bigger.');
    expect(found.found && found.script.origin).toBe('Inception (2010) Bluray-1080p.en.srt');
  });

  it('AND the catalog gave only a title and year THEN Radarr finds it in its library by lookup', async () => {
    const found = await w.sources().files.find({ title: 'inception', year: 2010 }, signal());
    expect(text(found)).toContain('dream a little bigger');
    expect(w.radarr.callsTo('GET', '/api/v3/movie/lookup').at(-1)?.query).toEqual({ term: 'inception' });
  });

  it('AND the only English file is for the hearing impaired THEN that one is read, its sound notes dropped', async () => {
    const found = text(await w.sources().files.find({ title: 'Heat', tmdbId: 949 }, signal()));
    expect(found).toContain('Only the hearing impaired file.');
    expect(found).not.toContain('SIREN');
  });

  it('AND the file is over SCRIPT_MAX_BYTES THEN too_large', async () => {
    expect(
      await w
        .sources({ SCRIPT_MAX_BYTES: '10000' })
        .files.find({ title: 'Blade Runner 2049', tmdbId: 335984 }, signal()),
    ).toEqual({
      found: false,
      miss: 'too_large',
      detail: '10000',
    });
  });
});

describe('GIVEN an episode in Sonarr', () => {
  const s01e02: ScriptQuery = {
    title: 'Dexter',
    kind: 'tv',
    tmdbId: 1405,
    episode: { season: 1, episode: 2 },
  };

  it('THEN the untagged subtitle beside the episode file is read', async () => {
    const found = await w.sources().files.find(s01e02, signal());
    expect(text(found)).toContain('Tonight’s the night.');
    expect(w.sonarr.callsTo('GET', '/api/v3/episode').at(-1)?.query).toEqual({
      seriesId: String(w.dexter),
      seasonNumber: '1',
    });
  });

  it('AND Bazarr holds its English subtitle THEN Bazarr is asked by Sonarr episode id', async () => {
    // What Bazarr's Sonarr sync stores (bazarr/sonarr/sync/parser.py): the episode id and its file's path.
    const headers = { 'X-Api-Key': KEYS.sonarr };
    const list = (await (
      await fetch(`${w.sonarr.url}/api/v3/episode?seriesId=${w.dexter}&seasonNumber=1`, { headers })
    ).json()) as { id: number; episodeNumber: number; episodeFileId: number }[];
    const ep = list.find((e) => e.episodeNumber === 2)!;
    const file = (await (
      await fetch(`${w.sonarr.url}/api/v3/episodefile/${ep.episodeFileId}`, { headers })
    ).json()) as {
      path: string;
    };
    w.bazarr.addEpisode({
      sonarrEpisodeId: ep.id,
      sonarrSeriesId: w.dexter,
      season: 1,
      episode: 2,
      path: file.path,
      subtitles: [
        { language: 'en', path: join(dirname(file.path), 'Subs', `${basename(file.path, '.mkv')}.en.srt`) },
      ],
    });
    expect(text(await w.sources().bazarr.find(s01e02, signal()))).toContain('Bazarr found this one.');
    expect(w.bazarr.callsTo('GET', '/api/episodes').at(-1)?.query).toEqual({ 'episodeid[]': String(ep.id) });
  });

  it('AND the episode has no file yet THEN not_found, saying so', async () => {
    expect(await w.sources().files.find({ ...s01e02, episode: { season: 2, episode: 1 } }, signal())).toEqual(
      {
        found: false,
        miss: 'not_found',
        detail: 'Sonarr has no file for S02E01 yet',
      },
    );
  });
});
