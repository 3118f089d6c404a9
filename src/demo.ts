/**
 * `npm run demo`: reelbot against its built-in fakes in one command. The fake TMDb, MusicBrainz,
 * Sonarr, Radarr, Lidarr, IMSDb, OpenSubtitles and DeepL (test/fakes/) start in this process on free ports of
 * 127.0.0.1, the chat opens in this terminal, and the data goes to a throwaway folder (never
 * ./data). No .env is read: nothing reaches a real service. `quit` or Ctrl-D ends it and stops
 * the fakes.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { createInterface } from 'node:readline';
import { PassThrough, type Readable } from 'node:stream';
import { TerminalAdapter } from '../adapters/chat/terminal/terminal-adapter.js';
import { FakeDeepl } from '../test/fakes/deepl.js';
import type { FakeHttp } from '../test/fakes/fake-http.js';
import { FakeImsdb } from '../test/fakes/imsdb.js';
import { FakeLidarr } from '../test/fakes/lidarr.js';
import { FakeMusicBrainz } from '../test/fakes/musicbrainz.js';
import { srt } from '../test/fakes/opensubtitles-catalog.js';
import { startFakeOpenSubtitles, type FakeOpenSubtitles } from '../test/fakes/opensubtitles.js';
import { FakeRadarr } from '../test/fakes/radarr.js';
import { FakeSonarr } from '../test/fakes/sonarr.js';
import { FakeTmdb } from '../test/fakes/tmdb.js';
import { createApp } from './app.js';
import { loadConfig } from './config.js';

const KEYS = {
  tmdb: 'demo-tmdb-key',
  sonarr: 'demo-sonarr-key',
  radarr: 'demo-radarr-key',
  lidarr: 'demo-lidarr-key',
  deepl: 'demo-deepl-key',
  opensubtitles: 'demo-opensubtitles-key',
};

/** Subtitles on the fake OpenSubtitles for Breaking Bad season 1 (TMDb 1396) and Heat (not on the fake IMSDb). */
function offerSubtitles(os: FakeOpenSubtitles): void {
  const show = { title: 'Breaking Bad', imdbId: 903747, tmdbId: 1396, featureId: 700000 };
  const heat = { type: 'Movie' as const, title: 'Heat', year: 1995, imdbId: 113277, tmdbId: 949 };
  const features = [
    heat,
    ...[1, 2, 3, 4, 5, 6, 7].map((episode) => ({
      type: 'Episode' as const,
      title: `Episode ${episode}`,
      year: 2008,
      imdbId: 9_000_000 + episode,
      tmdbId: 62_000 + episode,
      parent: show,
      season: 1,
      episode,
    })),
  ];
  for (const [i, feature] of features.entries()) {
    const fileId = 9_800_000 + i;
    const label = feature.type === 'Movie' ? feature.title : `S01E0${feature.episode ?? 0}`;
    os.subtitles.push({
      subtitleId: String(fileId),
      fileId,
      language: 'en',
      release: `${label}.demo`,
      fileName: `${label}.demo.en`,
      downloads: 1000,
      feature: { ...feature, featureId: fileId },
      content: srt(label),
    });
  }
}

/** The input up to a line `quit` (or `exit`): the terminal chat ends there as at Ctrl-D. */
function untilQuit(input: Readable): Readable {
  const out = new PassThrough();
  const rl = createInterface({ input, terminal: false });
  rl.on('line', (line) => {
    if (/^\s*(quit|exit)\s*$/i.test(line)) rl.close();
    else out.write(`${line}\n`);
  });
  rl.on('close', () => out.end());
  return out;
}

/** A port nothing listens on now, for the HTTP API (its URL goes in the note before the chat opens). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function note(api: string, token: string, dataDir: string): string {
  return `reelbot demo: fake TMDb, MusicBrainz, Sonarr, Radarr, Lidarr, IMSDb, OpenSubtitles and DeepL
run inside this process. Nothing reaches a real service. Data: ${dataDir} (deleted at the end).

Try:
  add Inception                 lands in the fake Radarr
  add Fargo                     the film or the series? type its number
  add Dexter
  vocab Inception in French     the list at once, translations a moment later
  vocab word abandon            a word with its examples from the script
  vocab Heat in French          not on IMSDb: graded from OpenSubtitles instead
  vocab Breaking Bad season 1   a whole season as one list, with words per episode
  help                          everything else

The HTTP API listens too:
  curl -s -H 'Authorization: Bearer ${token}' ${api}/api/vocab/stats

quit or Ctrl-D ends the demo.
`;
}

async function main(): Promise<number> {
  const tmdb = new FakeTmdb({ apiKey: KEYS.tmdb });
  const musicbrainz = new FakeMusicBrainz({ minIntervalMs: 0 });
  const sonarr = new FakeSonarr({ version: 4, apiKey: KEYS.sonarr });
  const radarr = new FakeRadarr({ apiKey: KEYS.radarr });
  const lidarr = new FakeLidarr({ apiKey: KEYS.lidarr });
  const imsdb = new FakeImsdb();
  const deepl = new FakeDeepl({ apiKey: KEYS.deepl });
  const fakes: FakeHttp[] = [tmdb, musicbrainz, sonarr, radarr, lidarr, imsdb, deepl];
  await Promise.all(fakes.map((f) => f.start()));
  const os = await startFakeOpenSubtitles({ apiKey: KEYS.opensubtitles, anonymousDownloads: 100 });
  offerSubtitles(os);
  const dataDir = mkdtempSync(join(tmpdir(), 'reelbot-demo-'));
  const token = randomBytes(16).toString('hex');
  const port = await freePort();
  const config = loadConfig({
    DATA_DIR: dataDir,
    // The chat shares the terminal with the log: errors only, unless asked for.
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'error',
    TMDB_API_KEY: KEYS.tmdb,
    TMDB_BASE_URL: `${tmdb.url}/3`,
    MUSICBRAINZ_BASE_URL: `${musicbrainz.url}/ws/2`,
    MUSICBRAINZ_MIN_INTERVAL_MS: '0',
    MUSICBRAINZ_CONTACT: 'reelbot-demo@example.org',
    SONARR_URL: sonarr.url,
    SONARR_API_KEY: KEYS.sonarr,
    RADARR_URL: radarr.url,
    RADARR_API_KEY: KEYS.radarr,
    LIDARR_URL: lidarr.url,
    LIDARR_API_KEY: KEYS.lidarr,
    IMSDB_BASE_URL: imsdb.url,
    OPENSUBTITLES_API_KEY: KEYS.opensubtitles,
    OPENSUBTITLES_BASE_URL: os.baseUrl,
    DEEPL_API_KEY: KEYS.deepl,
    DEEPL_BASE_URL: deepl.url,
    HTTP_PORT: String(port),
    HTTP_HOST: '127.0.0.1',
    API_TOKEN: token,
  });
  const app = await createApp(config);
  const terminal = new TerminalAdapter({
    input: untilQuit(process.stdin),
    output: process.stdout,
    interactive: Boolean(process.stdin.isTTY),
  });
  app.attach(terminal);

  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      await app.stop();
      await Promise.all([...fakes.map((f) => f.close()), os.close()]);
      rmSync(dataDir, { recursive: true, force: true });
    })());
  process.on('SIGINT', () => void stop().then(() => process.exit(0)));
  process.on('SIGTERM', () => void stop().then(() => process.exit(0)));

  process.stdout.write(note(`http://127.0.0.1:${port}`, token, dataDir));
  await app.start();
  await terminal.finished;
  await stop();
  process.stdout.write('Demo over: the fakes are stopped and its data folder is gone.\n');
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`reelbot demo: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
