/**
 * An operator's library for the library-subtitle stories: fake Radarr, Sonarr and Bazarr
 * (test/fakes/) whose media lies under /data/movies, /data/other and /data/tv, and a real temp
 * folder holding what MEDIA_PATH_MAP maps /data/movies and /data/tv to, with the subtitle files
 * each story reads, plus links that lead out of the library.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { createLibrarySources } from '../../../adapters/vocab/library-sources.js';
import { vocabEnv } from '../../../src/config/vocab-env.js';
import type { ScriptLookup, ScriptQuery, ScriptSource } from '../../../src/core/vocab/ports.js';
import { startFakeBazarr, type FakeBazarr } from '../../fakes/bazarr.js';
import { startFakeRadarr, type FakeRadarr } from '../../fakes/radarr.js';
import { startFakeSonarr, type FakeSonarr } from '../../fakes/sonarr.js';
import { CaptureLogger } from '../../helpers/capture-logger.js';

export const KEYS = { bazarr: 'bazarr-key-7f3a91', radarr: 'radarr-key-55c2e0', sonarr: 'sonarr-key-09d4b1' };
export const signal = () => AbortSignal.timeout(10_000);
export const inception: ScriptQuery = { title: 'Inception', year: 2010, kind: 'movie', tmdbId: 27205 };

const FILMS = [
  ['inception', 27205],
  ['heat', 949],
  ['fargo', 275],
  ['matrix', 603],
  ['br2049', 335984],
  ['dune', 438631],
] as const;

export interface LibraryWorld {
  tmp: string;
  radarr: FakeRadarr;
  sonarr: FakeSonarr;
  bazarr: FakeBazarr;
  /** Radarr ids by short name (`inception`, `bladeRunner` lies under the unmapped /data/other). */
  ids: Record<string, number>;
  /** Dexter's Sonarr id; season 1 has its files. */
  dexter: number;
  /** The movie file's path as Radarr reports it. */
  moviePath(id: number): string;
  /** The library sources as createLibrarySources builds them from this env (plus `over`). */
  sources(
    over?: Record<string, string>,
    logger?: CaptureLogger,
  ): { bazarr: ScriptSource; files: ScriptSource; all: ScriptSource[] };
  close(): Promise<void>;
}

/** A small .srt whose every cue is `line`. */
export function srt(line: string, cues = 3): string {
  return Array.from(
    { length: cues },
    (_, i) => `${i + 1}\n00:00:0${i},000 --> 00:00:0${i},900\n${line}\n`,
  ).join('\n');
}

export function text(l: ScriptLookup): string {
  if (!l.found) throw new Error(`expected a script, got ${l.miss} (${l.detail ?? ''})`);
  return l.script.text;
}

export async function startLibraryWorld(): Promise<LibraryWorld> {
  const tmp = mkdtempSync(join(tmpdir(), 'reelbot-library-'));
  const [radarr, sonarr, bazarr] = await Promise.all([
    startFakeRadarr({ apiKey: KEYS.radarr }),
    startFakeSonarr({ version: 4, apiKey: KEYS.sonarr }),
    startFakeBazarr({ apiKey: KEYS.bazarr }),
  ]);
  /** Write a file where MEDIA_PATH_MAP puts this *arr path. */
  const put = (arrPath: string, content: string) => {
    const local = join(tmp, arrPath.replace(/^\/data\//, ''));
    mkdirSync(dirname(local), { recursive: true });
    writeFileSync(local, content);
    return local;
  };
  const moviePath = (id: number) => String((radarr.movie(id)?.movieFile as { path: string }).path);

  radarr.addRootFolder('/data/movies');
  radarr.addRootFolder('/data/other');
  sonarr.addRootFolder('/data/tv');
  const ids: Record<string, number> = {};
  for (const [name, tmdb] of FILMS)
    ids[name] = radarr.addToLibrary(tmdb, { hasFile: name !== 'dune', rootFolderPath: '/data/movies' });
  ids.bladeRunner = radarr.addToLibrary(78, { hasFile: true, rootFolderPath: '/data/other' });

  const film = moviePath(ids.inception!);
  const stem = film.replace(/\.mkv$/, '');
  put(film, '');
  put(`${stem}.en.srt`, srt('You mustn’t be afraid to dream a little bigger.'));
  put(`${stem}.en.sdh.srt`, srt('[GUNFIRE] Hearing impaired words here.'));
  put(`${stem}.en.forced.srt`, srt('Only the foreign lines.'));
  put(`${stem}.fr.srt`, srt('Il ne faut pas avoir peur de rêver.'));
  put(join(dirname(film), 'Subs', `${basename(stem)}.en.srt`), srt('Bazarr kept this one in Subs.'));
  put(moviePath(ids.heat!).replace(/\.mkv$/, '.en.hi.srt'), srt('[SIREN] Only the hearing impaired file.'));
  put(moviePath(ids.br2049!).replace(/\.mkv$/, '.eng.srt'), srt('Too big to be a subtitle file.', 400));

  // Fargo's whole folder and the Matrix's subtitle are links that lead out of the library.
  const outside = join(tmp, 'outside');
  mkdirSync(outside, { recursive: true });
  writeFileSync(join(outside, 'secret.srt'), srt('A file outside the library.'));
  writeFileSync(join(outside, 'Fargo (1996) Bluray-1080p.srt'), srt('A folder outside the library.'));
  symlinkSync(outside, join(tmp, 'movies', 'Fargo (1996)'));
  const matrix = put(moviePath(ids.matrix!), '');
  symlinkSync(join(outside, 'secret.srt'), matrix.replace(/\.mkv$/, '.en.srt'));

  const dexter = sonarr.addToLibrary(79349, { rootFolderPath: '/data/tv' });
  sonarr.setHasFile(dexter, 1);
  const episode = String(sonarr.episodeFile(dexter, 1, 2)?.path);
  put(episode.replace(/\.mkv$/, '.srt'), srt('Tonight’s the night.'));
  put(join(dirname(episode), 'Subs', `${basename(episode, '.mkv')}.en.srt`), srt('Bazarr found this one.'));

  return {
    tmp,
    radarr,
    sonarr,
    bazarr,
    ids,
    dexter,
    moviePath,
    sources(over = {}, logger = new CaptureLogger()) {
      const env = {
        ...vocabEnv.parse({
          BAZARR_URL: bazarr.url,
          BAZARR_API_KEY: KEYS.bazarr,
          MEDIA_PATH_MAP: `/data/movies:${join(tmp, 'movies')},/data/tv:${join(tmp, 'tv')}`,
          SCRIPT_MAX_BYTES: '20000',
          ...over,
        }),
        RADARR_URL: radarr.url,
        RADARR_API_KEY: over.RADARR_API_KEY ?? KEYS.radarr,
        SONARR_URL: sonarr.url,
        SONARR_API_KEY: KEYS.sonarr,
      };
      const all = createLibrarySources(env, logger);
      return { bazarr: all[0]!, files: all[1]!, all };
    },
    async close() {
      await Promise.all([radarr.close(), sonarr.close(), bazarr.close()]);
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}
