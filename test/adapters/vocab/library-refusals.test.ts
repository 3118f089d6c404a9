/**
 * What the library sources refuse or cannot find: media outside MEDIA_PATH_MAP's folders (by name
 * or through a link), no English subtitle, Bazarr down, wrong keys (library-world.ts). A `..` in
 * a path Bazarr names is in library-sources.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isUpstreamError } from '../../../src/core/errors.js';
import { CaptureLogger } from '../../helpers/capture-logger.js';
import { inception, signal, startLibraryWorld, type LibraryWorld } from './library-world.js';

let w: LibraryWorld;
beforeAll(async () => {
  w = await startLibraryWorld();
});
afterAll(() => w.close());

describe('paths that lead outside the mapped folders are never read', () => {
  it('GIVEN a film in a root folder MEDIA_PATH_MAP does not map THEN not_found, and the log line names the path', async () => {
    const log = new CaptureLogger();
    const found = await w.sources({}, log).files.find({ title: 'Blade Runner', tmdbId: 78 }, signal());
    expect(found).toEqual({
      found: false,
      miss: 'not_found',
      detail: 'the file is in a folder MEDIA_PATH_MAP does not map',
    });
    expect(JSON.stringify(found)).not.toContain('/data/other');
    expect(log.entries.find((e) => e.obj.why === 'unmapped')?.obj.path).toBe(
      '/data/other/Blade Runner (1982)',
    );
  });

  it('GIVEN the film’s folder is a link out of the library THEN refused, though the subtitle is there', async () => {
    const found = await w.sources().files.find({ title: 'Fargo', tmdbId: 275 }, signal());
    expect(found).toEqual({
      found: false,
      miss: 'not_found',
      detail: 'a link leads outside the MEDIA_PATH_MAP folders',
    });
  });

  it('GIVEN the subtitle beside the film is a link out of the library THEN refused', async () => {
    const found = await w.sources().files.find({ title: 'The Matrix', tmdbId: 603 }, signal());
    expect(found).toEqual({
      found: false,
      miss: 'not_found',
      detail: 'a link leads outside the MEDIA_PATH_MAP folders',
    });
  });
});

describe('no English subtitle, Bazarr down, wrong keys', () => {
  it('GIVEN Bazarr holds only French and an embedded English track THEN not_found', async () => {
    w.bazarr.addMovie({
      radarrId: w.ids.br2049!,
      title: 'Blade Runner 2049',
      path: w.moviePath(w.ids.br2049!),
      subtitles: [
        { language: 'en', path: null },
        { language: 'fr', path: w.moviePath(w.ids.br2049!).replace(/\.mkv$/, '.fr.srt') },
      ],
    });
    expect(await w.sources().bazarr.find({ title: 'Blade Runner 2049', tmdbId: 335984 }, signal())).toEqual({
      found: false,
      miss: 'not_found',
      detail: 'Bazarr holds no English subtitle file for it',
    });
  });

  it('GIVEN a film Radarr has no file for THEN not_found from both, Bazarr not asked', async () => {
    const calls = w.bazarr.calls.length;
    for (const s of w.sources().all)
      expect(await s.find({ title: 'Dune', tmdbId: 438631 }, signal())).toEqual({
        found: false,
        miss: 'not_found',
        detail: 'Radarr has no file for it yet',
      });
    expect(w.bazarr.calls.length).toBe(calls);
  });

  it('GIVEN Bazarr is down THEN an UpstreamError the chain skips', async () => {
    await w.bazarr.down();
    try {
      const e: unknown = await w
        .sources()
        .bazarr.find(inception, signal())
        .catch((x: unknown) => x);
      expect(isUpstreamError(e) && [e.service, e.failure]).toEqual(['bazarr', 'unavailable']);
    } finally {
      await w.bazarr.up();
    }
  });

  it('GIVEN a wrong Bazarr key THEN UpstreamError auth, and the key is in no error or log line', async () => {
    const wrong = 'wrong-bazarr-key-31337';
    const log = new CaptureLogger();
    const e: unknown = await w
      .sources({ BAZARR_API_KEY: wrong }, log)
      .bazarr.find(inception, signal())
      .catch((x: unknown) => x);
    expect(isUpstreamError(e) && [e.failure, e.status]).toEqual(['auth', 401]);
    expect(`${String(e)} ${JSON.stringify(e)} ${log.dump()}`).not.toContain(wrong);
  });

  it('GIVEN a wrong Radarr key THEN UpstreamError auth from Radarr, the key in no error', async () => {
    const wrong = 'wrong-radarr-key-27182';
    const e: unknown = await w
      .sources({ RADARR_API_KEY: wrong })
      .files.find(inception, signal())
      .catch((x: unknown) => x);
    expect(isUpstreamError(e) && [e.service, e.failure]).toEqual(['radarr', 'auth']);
    expect(`${String(e)} ${JSON.stringify(e)}`).not.toContain(wrong);
  });
});
