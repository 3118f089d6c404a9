/**
 * Search sources, chats and OpenSubtitles: one real, cheap call each (a search, Telegram's getMe,
 * Discord's gateway lookup and its application's intents, OpenSubtitles' formats list and the
 * account's allowance), with a short time limit, through the same clients the bot uses.
 */
import { z } from 'zod';
import type { Config } from '../../src/config.js';
import type { DoctorCheck } from '../../src/core/admin/doctor.js';
import { isUpstreamError, UpstreamError } from '../../src/core/errors.js';
import type { MediaCatalog, SearchQuery } from '../../src/core/ports.js';
import { HttpClient } from '../http-client/http-client.js';
import { systemClock } from '../schedule/timers.js';
import { formatsAnswer, userAnswer } from '../vocab/opensubtitles-schemas.js';
import { OpenSubtitlesSession } from '../vocab/opensubtitles-session.js';
import { failureCheck, timed } from './describe-failure.js';
import { checkMessageContent } from './discord-intent.js';

/** What each catalog is asked: something every instance knows, so "no hits" never looks like a fault. */
const PROBES: Record<string, SearchQuery> = {
  tmdb: { title: 'Inception', hint: 'movie' },
  musicbrainz: { title: 'Radiohead', hint: 'artist' },
  spotify: { title: 'Radiohead', hint: 'artist' },
};
const LABELS: Record<string, string> = { tmdb: 'TMDb', musicbrainz: 'MusicBrainz', spotify: 'Spotify' };

export async function checkCatalogs(
  config: Config,
  catalogs: readonly MediaCatalog[],
  timeoutMs: number,
): Promise<DoctorCheck[]> {
  const c = config.catalog;
  const byName = new Map(catalogs.map((x) => [x.name, x]));
  const help: Record<string, Parameters<typeof failureCheck>[2]> = {
    tmdb: {
      label: 'TMDb',
      url: c.TMDB_BASE_URL,
      urlVar: 'TMDB_BASE_URL',
      keyFix:
        'copy the key again from themoviedb.org → Settings → API into TMDB_API_KEY (the v3 key or the v4 read token)',
      downFix: 'check the network (or TMDB_BASE_URL)',
    },
    musicbrainz: {
      label: 'MusicBrainz',
      url: c.MUSICBRAINZ_BASE_URL,
      urlVar: 'MUSICBRAINZ_BASE_URL',
      downFix: 'check the network, or set MUSICBRAINZ_ENABLED=false to search without it',
    },
    spotify: {
      label: 'Spotify',
      url: c.SPOTIFY_API_BASE,
      keyFix:
        'check SPOTIFY_CLIENT_ID and SPOTIFY_CLIENT_SECRET (developer.spotify.com → Dashboard → your app)',
      downFix: 'check the network (or SPOTIFY_API_BASE / SPOTIFY_ACCOUNTS_BASE)',
    },
  };
  const out: DoctorCheck[] = [];
  for (const name of ['tmdb', 'musicbrainz', 'spotify']) {
    const label = LABELS[name] ?? name;
    const catalog = byName.get(name);
    if (!catalog) {
      out.push(notConfigured(name));
      continue;
    }
    const probe = PROBES[name] as SearchQuery;
    const r = await timed(timeoutMs, (signal) => catalog.search(probe, signal));
    if (r.ok) out.push({ status: 'ok', name: label, detail: `search answered in ${r.ms} ms` });
    else out.push(failureCheck(label, r.error, help[name] as Parameters<typeof failureCheck>[2]));
    if (name === 'musicbrainz' && !c.MUSICBRAINZ_CONTACT)
      out.push({
        status: 'info',
        name: 'MusicBrainz contact',
        detail: 'not set',
        fix: 'set MUSICBRAINZ_CONTACT to an email or URL (MusicBrainz asks every client to identify itself)',
      });
  }
  return out;
}

function notConfigured(name: string): DoctorCheck {
  switch (name) {
    case 'tmdb':
      return {
        status: 'info',
        name: 'TMDb',
        detail: 'not configured',
        fix: 'set TMDB_API_KEY (themoviedb.org → Settings → API) for the best movie and show search',
      };
    case 'musicbrainz':
      return { status: 'info', name: 'MusicBrainz', detail: 'turned off (MUSICBRAINZ_ENABLED=false)' };
    default:
      return {
        status: 'info',
        name: 'Spotify',
        detail: 'not configured (optional)',
        fix: 'set SPOTIFY_CLIENT_ID and SPOTIFY_CLIENT_SECRET to rank music by Spotify popularity',
      };
  }
}

const telegramMe = z.object({ ok: z.literal(true), result: z.object({ username: z.string().optional() }) });
const discordGateway = z.object({ url: z.string() });

export async function checkChats(config: Config, timeoutMs: number): Promise<DoctorCheck[]> {
  const out: DoctorCheck[] = [];
  const { TELEGRAM_BOT_TOKEN: tg, TELEGRAM_API_ROOT: tgRoot } = config.telegram;
  const { DISCORD_TOKEN: dc, DISCORD_API_BASE: dcBase } = config.discord;
  if (tg) {
    const http = new HttpClient({
      service: 'telegram',
      baseUrl: `${tgRoot}/bot${tg}`,
      secrets: [tg],
      timeoutMs,
      retries: 0,
    });
    const r = await timed(timeoutMs, (signal) => http.json({ path: '/getMe', schema: telegramMe, signal }));
    out.push(
      r.ok
        ? { status: 'ok', name: 'Telegram', detail: `token accepted (@${r.value.result.username ?? 'bot'})` }
        : failureCheck('Telegram', notFoundIsAuth(r.error), {
            label: 'Telegram',
            url: tgRoot,
            keyFix:
              'copy the token again from @BotFather (/mybots → your bot → API Token) into TELEGRAM_BOT_TOKEN',
            downFix: 'check the network (or TELEGRAM_API_ROOT)',
          }),
    );
  }
  if (dc) {
    const http = new HttpClient({
      service: 'discord',
      baseUrl: `${dcBase}/v10`,
      headers: { authorization: `Bot ${dc}` },
      secrets: [dc],
      timeoutMs,
      retries: 0,
    });
    const r = await timed(timeoutMs, (signal) =>
      http.json({ path: '/gateway/bot', schema: discordGateway, signal }),
    );
    out.push(
      r.ok
        ? { status: 'ok', name: 'Discord', detail: 'token accepted' }
        : failureCheck('Discord', r.error, {
            label: 'Discord',
            url: dcBase,
            keyFix: 'reset and copy the token in the Developer Portal (Bot → Token) into DISCORD_TOKEN',
            downFix: 'check the network (or DISCORD_API_BASE)',
          }),
    );
    if (r.ok) out.push(await checkMessageContent(http, dcBase, timeoutMs));
  }
  if (!tg && !dc)
    out.push({
      status: 'info',
      name: 'chats',
      detail: 'no TELEGRAM_BOT_TOKEN or DISCORD_TOKEN: `npm start` chats in this terminal',
      fix: 'set TELEGRAM_BOT_TOKEN (from @BotFather) and/or DISCORD_TOKEN + DISCORD_APPLICATION_ID',
    });
  return out;
}

/** Telegram answers a malformed token with 404 rather than 401: both mean the token is wrong. */
function notFoundIsAuth(e: unknown): unknown {
  if (!isUpstreamError(e) || e.failure !== 'not_found') return e;
  return new UpstreamError(e.service, 'auth', e.message, e.status === undefined ? {} : { status: e.status });
}

/**
 * OpenSubtitles: GET /infos/formats proves the Api-Key (the call the Getting started page shows
 * for it); with an account, the login and GET /infos/user say how many downloads are left today.
 */
export async function checkOpenSubtitles(config: Config, timeoutMs: number): Promise<DoctorCheck[]> {
  const v = config.vocab;
  const name = 'OpenSubtitles';
  if (!v.OPENSUBTITLES_API_KEY)
    return [
      {
        status: 'info',
        name,
        detail: 'not configured (optional)',
        fix: 'set OPENSUBTITLES_API_KEY (opensubtitles.com/consumers) to grade films and episodes from subtitles',
      },
    ];
  const base = {
    apiKey: v.OPENSUBTITLES_API_KEY,
    baseUrl: v.OPENSUBTITLES_BASE_URL,
    timeoutMs,
    clock: systemClock,
    ...(v.OPENSUBTITLES_APP_NAME ? { appName: v.OPENSUBTITLES_APP_NAME } : {}),
  };
  const help = {
    label: name,
    url: v.OPENSUBTITLES_BASE_URL,
    urlVar: 'OPENSUBTITLES_BASE_URL',
    keyFix: 'copy the key again from opensubtitles.com/consumers into OPENSUBTITLES_API_KEY',
    downFix: 'check the network (or OPENSUBTITLES_BASE_URL); status.opensubtitles.com shows outages',
  };
  const key = await timed(timeoutMs, (signal) =>
    new OpenSubtitlesSession(base).json({ path: '/infos/formats', schema: formatsAnswer, signal }),
  );
  if (!key.ok) return [failureCheck(name, key.error, help)];
  const out: DoctorCheck[] = [{ status: 'ok', name, detail: `key accepted in ${key.ms} ms` }];
  const { OPENSUBTITLES_USERNAME: username, OPENSUBTITLES_PASSWORD: password } = v;
  if (!username || !password) {
    out.push({
      status: 'info',
      name: 'OpenSubtitles account',
      detail: 'none: downloads count against this IP address’s 5 a day',
      fix: 'set OPENSUBTITLES_USERNAME and OPENSUBTITLES_PASSWORD for your account’s allowance',
    });
    return out;
  }
  const session = new OpenSubtitlesSession({ ...base, username, password });
  const user = await timed(timeoutMs, (signal) =>
    session.json({ path: '/infos/user', schema: userAnswer, signal }),
  );
  if (user.ok) {
    const u = user.value.data;
    out.push({
      status: 'ok',
      name: 'OpenSubtitles account',
      detail: `${username}${u.level ? ` (${u.level})` : ''}: ${u.remaining_downloads} of ${u.allowed_downloads} downloads left today`,
    });
  } else
    out.push(
      failureCheck('OpenSubtitles account', user.error, {
        ...help,
        keyFix:
          'check OPENSUBTITLES_USERNAME (the user name, not the e-mail address) and OPENSUBTITLES_PASSWORD',
      }),
    );
  return out;
}
