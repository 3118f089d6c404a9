/**
 * A running reelbot against fake upstreams: the real App (config → adapters → core → lowdb),
 * with TMDb, MusicBrainz, Spotify, Sonarr, Radarr and Lidarr fakes on 127.0.0.1. Stories talk
 * to it as a person would (`say`, `pick`) and read what the fakes received.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChatAdapter } from '../../adapters/chat/chat-adapter.js';
import { LowdbFile } from '../../adapters/store/lowdb-file.js';
import { createApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import type { Core } from '../../src/core/core.js';
import type { Logger } from '../../src/core/ports.js';
import type { Reply, UserRef } from '../../src/core/types.js';
import { startFakeLidarr, type FakeLidarr } from '../fakes/lidarr.js';
import { startFakeMusicBrainz, type FakeMusicBrainz } from '../fakes/musicbrainz.js';
import { startFakeRadarr, type FakeRadarr } from '../fakes/radarr.js';
import { startFakeSonarr, type FakeSonarr } from '../fakes/sonarr.js';
import { startFakeSpotify, type FakeSpotify } from '../fakes/spotify.js';
import { startFakeTmdb, type FakeTmdb } from '../fakes/tmdb.js';

export const KEYS = {
  tmdb: 'tmdb-test-key-0001',
  sonarr: 'sonarr-test-key-0001',
  radarr: 'radarr-test-key-0001',
  lidarr: 'lidarr-test-key-0001',
  spotifyId: 'spotify-client-id',
  spotifySecret: 'spotify-client-secret',
};

export interface WorldOptions {
  tmdb?: boolean;
  musicbrainz?: boolean;
  spotify?: boolean;
  /** Sonarr major version, or false for none. Default 4. */
  sonarr?: 3 | 4 | false;
  radarr?: boolean;
  lidarr?: boolean;
  /** Extra or overriding environment. */
  env?: Record<string, string>;
  /** Reuse a data folder (a restart). */
  dataDir?: string;
  logger?: Logger;
}

/** Records what the core sends later (cron notifications), as a chat would deliver them. */
export class RecordingChat implements ChatAdapter {
  readonly platform = 'terminal' as const;
  readonly sent: { to: UserRef; reply: Reply }[] = [];
  async start(_core: Core): Promise<void> {}
  async stop(): Promise<void> {}
  async send(to: UserRef, reply: Reply): Promise<void> {
    this.sent.push({ to, reply });
  }
}

export const alice: UserRef = { platform: 'terminal', userId: 'alice', chatId: 'chat-alice' };
export const bob: UserRef = { platform: 'terminal', userId: 'bob', chatId: 'chat-bob' };

export interface World {
  app: App;
  env: Record<string, string>;
  dataDir: string;
  chat: RecordingChat;
  tmdb?: FakeTmdb;
  musicbrainz?: FakeMusicBrainz;
  spotify?: FakeSpotify;
  sonarr?: FakeSonarr;
  radarr?: FakeRadarr;
  lidarr?: FakeLidarr;
  say(text: string, user?: UserRef): Promise<Reply>;
  /** Click option `label` (a substring of its label), or 'none'. */
  pick(reply: Reply, label: string | 'none', user?: UserRef): Promise<Reply>;
  /** Stop the app (a clean shutdown or, with `crash`, just drop it) and keep the fakes. */
  stopApp(): Promise<void>;
  close(): Promise<void>;
}

export async function startWorld(opts: WorldOptions = {}): Promise<World> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'reelbot-world-'));
  const env: Record<string, string> = {
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    MUSICBRAINZ_ENABLED: 'false',
    CATALOG_TIMEOUT_MS: '1500',
  };
  const w: Partial<World> = {};
  if (opts.tmdb ?? true) {
    w.tmdb = await startFakeTmdb({ apiKey: KEYS.tmdb });
    Object.assign(env, { TMDB_API_KEY: KEYS.tmdb, TMDB_BASE_URL: `${w.tmdb.url}/3` });
  }
  if (opts.musicbrainz ?? true) {
    w.musicbrainz = await startFakeMusicBrainz({ minIntervalMs: 0 });
    Object.assign(env, {
      MUSICBRAINZ_ENABLED: 'true',
      MUSICBRAINZ_BASE_URL: `${w.musicbrainz.url}/ws/2`,
      MUSICBRAINZ_MIN_INTERVAL_MS: '0',
      MUSICBRAINZ_CONTACT: 'tests@example.org',
    });
  }
  if (opts.spotify) {
    w.spotify = await startFakeSpotify({ clientId: KEYS.spotifyId, clientSecret: KEYS.spotifySecret });
    Object.assign(env, {
      SPOTIFY_CLIENT_ID: KEYS.spotifyId,
      SPOTIFY_CLIENT_SECRET: KEYS.spotifySecret,
      SPOTIFY_API_BASE: `${w.spotify.url}/v1`,
      SPOTIFY_ACCOUNTS_BASE: w.spotify.url,
    });
  }
  const sonarr = opts.sonarr ?? 4;
  if (sonarr) {
    w.sonarr = await startFakeSonarr({ version: sonarr, apiKey: KEYS.sonarr });
    Object.assign(env, { SONARR_URL: w.sonarr.url, SONARR_API_KEY: KEYS.sonarr });
  }
  if (opts.radarr ?? true) {
    w.radarr = await startFakeRadarr({ apiKey: KEYS.radarr });
    Object.assign(env, { RADARR_URL: w.radarr.url, RADARR_API_KEY: KEYS.radarr });
  }
  if (opts.lidarr ?? true) {
    w.lidarr = await startFakeLidarr({ apiKey: KEYS.lidarr });
    Object.assign(env, { LIDARR_URL: w.lidarr.url, LIDARR_API_KEY: KEYS.lidarr });
  }
  Object.assign(env, opts.env ?? {});

  const chat = new RecordingChat();
  const app = await createApp(loadConfig(env), {
    startCron: false,
    ...(opts.logger ? { logger: opts.logger } : {}),
  });
  app.attach(chat);
  await app.start();

  const world: World = {
    ...w,
    app,
    env,
    dataDir,
    chat,
    say: (text, user = alice) => app.core.handle({ user, text }),
    async pick(reply, label, user = alice) {
      if (!reply.choices) throw new Error(`no choices in reply: ${reply.text}`);
      if (label === 'none') return app.core.choose(user, reply.choices.token, 'none');
      const i = reply.choices.options.findIndex((o) => o.label.includes(label));
      if (i === -1)
        throw new Error(`no option "${label}" in ${reply.choices.options.map((o) => o.label).join(' | ')}`);
      return app.core.choose(user, reply.choices.token, i);
    },
    async stopApp() {
      await app.stop();
      LowdbFile.forget(join(dataDir, 'requests.json'));
      LowdbFile.forget(join(dataDir, 'choices.json'));
    },
    async close() {
      await world.stopApp();
      await Promise.all(
        [w.tmdb, w.musicbrainz, w.spotify, w.sonarr, w.radarr, w.lidarr].map((f) => f?.close()),
      );
    },
  };
  return world;
}

type Body = Record<string, unknown>;
interface PostLog {
  posted: { method: string; path: string; body: unknown; status: number }[];
}

/** Every POST the fake received at `path`, accepted or not (to count attempts). */
export function postsTo(fake: PostLog | undefined, path: string): Body[] {
  return (fake?.posted ?? [])
    .filter((p) => p.method === 'POST' && p.path === path)
    .map((p) => p.body as Body);
}

/** POSTs of new movies (Radarr, by tmdbId) and series (Sonarr, by tvdbId), counted per item. */
export function postsPerItem(radarr: PostLog | undefined, sonarr: PostLog | undefined): Map<string, number> {
  const perItem = new Map<string, number>();
  for (const body of [...postsTo(radarr, '/api/v3/movie'), ...postsTo(sonarr, '/api/v3/series')]) {
    const id = String(body.tmdbId ?? body.tvdbId);
    perItem.set(id, (perItem.get(id) ?? 0) + 1);
  }
  return perItem;
}

/** Bodies the fake accepted (201) at `path`: what actually got added. */
export function addedTo(fake: PostLog | undefined, path: string): Body[] {
  return (fake?.posted ?? [])
    .filter((p) => p.method === 'POST' && p.path === path && p.status === 201)
    .map((p) => p.body as Body);
}

export const radarrAdds = (w: World) => addedTo(w.radarr, '/api/v3/movie');
export const sonarrAdds = (w: World) => addedTo(w.sonarr, '/api/v3/series');
export const lidarrArtistAdds = (w: World) => addedTo(w.lidarr, '/api/v1/artist');
export const lidarrAlbumAdds = (w: World) => addedTo(w.lidarr, '/api/v1/album');
