/**
 * MEDIA_PATH_MAP as the operator writes it (checked when the config loads), the *arr paths it
 * turns into paths on this machine, and which subtitle files beside a video count as its English.
 */
import { describe, expect, it } from 'vitest';
import { MediaPathMap } from '../../../adapters/vocab/media-path-map.js';
import { englishSubtitles } from '../../../adapters/vocab/subtitle-names.js';
import { ConfigError, loadConfig } from '../../../src/config.js';

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    return e.problems.map((p) => `${p.variable}: ${p.message}`);
  }
}

describe('GIVEN MEDIA_PATH_MAP in the environment', () => {
  it('THEN pairs split at the colon between two absolute paths, Windows drives included', () => {
    const map = loadConfig({
      MEDIA_PATH_MAP: ' /data/movies:/mnt/movies , D:\\TV:/mnt/tv,\\\\nas\\films:/mnt/nas ',
    }).vocab.MEDIA_PATH_MAP;
    expect(map).toEqual([
      { from: '/data/movies', to: '/mnt/movies' },
      { from: 'D:\\TV', to: '/mnt/tv' },
      { from: '\\\\nas\\films', to: '/mnt/nas' },
    ]);
    expect(loadConfig({ MEDIA_PATH_MAP: '' }).vocab.MEDIA_PATH_MAP).toEqual([]);
  });

  it('THEN a malformed map stops the start with a line that says how to write it', () => {
    expect(
      problems({ MEDIA_PATH_MAP: 'movies:/mnt/movies,/data/tv:/mnt/tv,/a:/b:/c,/x/../y:/mnt/y' }),
    ).toEqual([
      'MEDIA_PATH_MAP: "movies:/mnt/movies" is not arr-path:bot-path with an absolute path on each side and no "..": e.g. /data/movies:/mnt/movies (got "movies:/mnt/movies,/data/tv:/mnt/tv,/a:/b:/c,/x/../y:/mnt/y")',
      'MEDIA_PATH_MAP: "/a:/b:/c" is not arr-path:bot-path with an absolute path on each side and no "..": e.g. /data/movies:/mnt/movies (got "movies:/mnt/movies,/data/tv:/mnt/tv,/a:/b:/c,/x/../y:/mnt/y")',
      'MEDIA_PATH_MAP: "/x/../y:/mnt/y" is not arr-path:bot-path with an absolute path on each side and no "..": e.g. /data/movies:/mnt/movies (got "movies:/mnt/movies,/data/tv:/mnt/tv,/a:/b:/c,/x/../y:/mnt/y")',
    ]);
    expect(problems({ MEDIA_PATH_MAP: '/data:/mnt/a,/data/:/mnt/b' })).toEqual([
      'MEDIA_PATH_MAP: "/data/" is mapped twice (got "/data:/mnt/a,/data/:/mnt/b")',
    ]);
  });

  it('THEN BAZARR_URL without BAZARR_API_KEY is a problem too', () => {
    expect(problems({ BAZARR_URL: 'http://nas:6767' })).toEqual([
      'BAZARR_API_KEY: BAZARR_URL is set but BAZARR_API_KEY is not (Settings → General → API Key)',
    ]);
  });
});

describe('GIVEN paths as the *arrs report them', () => {
  const map = new MediaPathMap([
    { from: '/data', to: '/mnt/all' },
    { from: '/data/movies/', to: '/mnt/movies' },
    { from: 'D:\\Films', to: '/mnt/films' },
  ]);

  it('THEN the longest mapped folder wins, on whole folder names only', () => {
    expect(map.local('/data/movies/Heat (1995)/Heat.mkv')).toEqual({
      ok: true,
      path: '/mnt/movies/Heat (1995)/Heat.mkv',
    });
    expect(map.local('/data/tv/Dexter/S01E01.mkv')).toEqual({
      ok: true,
      path: '/mnt/all/tv/Dexter/S01E01.mkv',
    });
    expect(map.local('/database/x.srt')).toEqual({ ok: false, why: 'unmapped' });
  });

  it('THEN Windows paths map whatever their case and slashes', () => {
    expect(map.local('d:\\films\\Heat (1995)\\Heat.en.srt')).toEqual({
      ok: true,
      path: '/mnt/films/Heat (1995)/Heat.en.srt',
    });
  });

  it('THEN "." and ".." segments are refused before the disk is touched', () => {
    expect(map.local('/data/movies/../../etc/passwd')).toEqual({ ok: false, why: 'dot_segments' });
    expect(map.local('D:\\Films\\..\\Windows\\win.ini')).toEqual({ ok: false, why: 'dot_segments' });
    expect(map.local('/data/movies/./x.srt')).toEqual({ ok: false, why: 'dot_segments' });
  });
});

describe('GIVEN the files in a film’s folder', () => {
  const video = 'Heat (1995) Bluray-1080p.mkv';

  it('THEN English ones of the same name, plain before SDH, said-English before untagged, .srt first', () => {
    expect(
      englishSubtitles(video, [
        'Heat (1995) Bluray-1080p.mkv',
        'heat (1995) bluray-1080p.ENG.ass',
        'Heat (1995) Bluray-1080p.en.sdh.srt',
        'Heat (1995) Bluray-1080p.srt',
        'Heat (1995) Bluray-1080p.en.srt',
        'Heat (1995) Bluray-1080p.english.vtt',
        'Heat (1995) Bluray-1080p.en-US.default.ssa',
      ]),
    ).toEqual([
      'Heat (1995) Bluray-1080p.en.srt',
      'Heat (1995) Bluray-1080p.english.vtt',
      'heat (1995) bluray-1080p.ENG.ass',
      'Heat (1995) Bluray-1080p.en-US.default.ssa',
      'Heat (1995) Bluray-1080p.srt',
      'Heat (1995) Bluray-1080p.en.sdh.srt',
    ]);
  });

  it('THEN forced, other languages, other videos and other kinds of file are left out', () => {
    expect(
      englishSubtitles(video, [
        'Heat (1995) Bluray-1080p.en.forced.srt',
        'Heat (1995) Bluray-1080p.forced.srt',
        'Heat (1995) Bluray-1080p.fr.srt',
        'Heat (1995) Bluray-1080p.en.fr.srt',
        'Heat (1995) Bluray-1080p.commentary.srt',
        'Heat (1995) Bluray-1080p-sample.srt',
        'Heat (1995) Bluray-1080p.en.sub',
        'Heat (1995) Bluray-1080p.en.txt',
      ]),
    ).toEqual([]);
  });
});
