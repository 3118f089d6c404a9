/**
 * A fake OpenSubtitles REST API v1 on 127.0.0.1, at `/api/v1` like the real one, with a second
 * host standing for vip-api.opensubtitles.com and a third for the download links' host. Behaviour
 * from the official API reference (staging.opensubtitles.com/demos/api-docs.html, saved in
 * opensubtitles-dev/service.subtitles.opensubtitles-com docs/opensubtitles_api_reference.html,
 * "reference" below), the "Getting started" page (opensubtitles.stoplight.io/docs/opensubtitles-api,
 * "getting started"), and what real clients and their issue threads recorded. State shared by the
 * three hosts: accounts, tokens, each caller's downloads of the day, and the links handed out.
 */
import { randomBytes } from 'node:crypto';
import { FakeHttp, type FakeRequest, type FakeResponse } from './fake-http.js';
import { catalog, type FakeSubtitle } from './opensubtitles-catalog.js';
import { searchSubtitles } from './opensubtitles-search.js';

export interface FakeAccount {
  username: string;
  password: string;
  /** "Sub leecher", "VIP Member" … */
  level: string;
  allowedDownloads: number;
  vip?: boolean;
}

export interface FakeOpenSubtitlesOptions {
  apiKey: string;
  accounts?: FakeAccount[];
  /** Downloads a day without an account, per IP: 5 (opensubtitles.tawk.help "API - Getting Started"). */
  anonymousDownloads?: number;
  /** The fake's clock (ms), so reset times line up with a test's fake clock. Default Date.now. */
  now?: () => number;
  /** How an expired token is refused on /download: 401, or 406 "invalid token" (getting started). */
  expiredTokenStatus?: 401 | 406;
}

interface Bucket {
  used: number;
  resetsAt: number;
}

const JSON_TYPE = { 'content-type': 'application/json; charset=utf-8' };
/** getting started, 403 Forbidden: a wrong or missing Api-Key or User-Agent. */
const CANNOT_CONSUME = { status: 403, body: { message: 'You cannot consume this service' } };
const INVALID_TOKEN = { message: 'invalid token' };
/** "The download URL is temporary, and cannot be used more than 3 hours" (reference, POST /download). */
const LINK_LIFETIME_MS = 3 * 3600_000;
/** The sample answers of recorded 406s name 23:59:59 UTC of the day (elgatito/plugin.video.elementum#952). */
function endOfUtcDay(ms: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 23, 59, 59);
}

class Shared {
  readonly subtitles: FakeSubtitle[] = catalog();
  readonly accounts: FakeAccount[];
  readonly tokens = new Map<string, { username: string; expires: number }>();
  readonly buckets = new Map<string, Bucket>();
  readonly links = new Map<string, { fileId: number; expires: number }>();
  /** The VIP host's `host:port`, as POST /login names it in `base_url`. */
  vipHost = '';
  constructor(readonly opts: FakeOpenSubtitlesOptions) {
    this.accounts = opts.accounts ?? [];
  }
  now(): number {
    return (this.opts.now ?? Date.now)();
  }
}

export class FakeOpenSubtitlesHost extends FakeHttp {
  constructor(
    protected readonly shared: Shared,
    private readonly needsToken: boolean,
    private readonly cdn: () => FakeHttp,
  ) {
    super();
    this.route('POST', '/api/v1/login', (r) => this.login(r));
    this.route('GET', '/api/v1/subtitles', (r) => searchSubtitles(r, this.shared.subtitles));
    this.route('POST', '/api/v1/download', (r) => this.download(r));
    this.route('GET', '/api/v1/infos/formats', () => ({
      status: 200, // reference, GET /infos/formats example
      body: { data: { output_formats: ['srt', 'sub', 'mpl', 'webvtt', 'dfxp', 'txt'] } },
    }));
    this.route('GET', '/api/v1/infos/user', (r) => this.userInfo(r));
  }

  protected override before(req: FakeRequest): FakeResponse | undefined {
    if (req.headers['api-key'] !== this.shared.opts.apiKey) return CANNOT_CONSUME;
    // getting started: "Always set User-Agent to the app name with version … Missing or wrong
    // values return 403". fetch sends its own ("node") when none is set.
    if (!/\sv\d/.test(String(req.headers['user-agent'] ?? ''))) return CANNOT_CONSUME;
    if (req.path.endsWith('/login') || req.path.endsWith('/download')) return undefined;
    const auth = req.headers.authorization;
    // reference, Upload: "If an Authorization header is sent it must be valid, otherwise … 401".
    if (auth !== undefined && !this.user(auth)) return { status: 401, body: INVALID_TOKEN };
    // reference, POST /login: on vip-api "always send … JWT token … otherwise request might fail
    // with 4xx code"; which 4xx is not documented, 401 here.
    if (this.needsToken && auth === undefined) return { status: 401, body: INVALID_TOKEN };
    return undefined;
  }

  /** reference, POST /login: 200 with user, base_url (a host name) and token. */
  private login(req: FakeRequest): FakeResponse {
    const { username, password } = (req.body ?? {}) as { username?: string; password?: string };
    const account = this.shared.accounts.find((a) => a.username === username && a.password === password);
    // getting started, 401 Unauthorized: the body bazarr#1575 logged as 59 bytes.
    if (!account) return { status: 401, body: { message: 'Error, invalid username/password', status: 401 } };
    const expires = this.shared.now() + 24 * 3600_000;
    const payload = Buffer.from(JSON.stringify({ iss: 'fake', exp: Math.floor(expires / 1000) })).toString(
      'base64url',
    );
    const token = `eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.${payload}.${randomBytes(12).toString('base64url')}`;
    this.shared.tokens.set(token, { username: account.username, expires });
    return {
      status: 200,
      body: {
        user: {
          allowed_downloads: account.allowedDownloads,
          allowed_translations: 5,
          level: account.level,
          user_id: 66,
          ext_installed: false,
          vip: Boolean(account.vip),
        },
        base_url: account.vip ? this.shared.vipHost : new URL(this.url).host,
        token,
        status: 200,
      },
    };
  }

  /**
   * reference, POST /download: the count is taken here, not when the file is fetched; the answer
   * names a temporary link and what is left of the day.
   */
  private download(req: FakeRequest): FakeResponse {
    const auth = req.headers.authorization;
    const user = auth === undefined ? undefined : this.user(auth);
    if (auth !== undefined && !user) {
      return { status: this.shared.opts.expiredTokenStatus ?? 401, body: INVALID_TOKEN };
    }
    const account = user ? this.shared.accounts.find((a) => a.username === user) : undefined;
    const fileId = (req.body as { file_id?: unknown } | undefined)?.file_id;
    const sub = this.shared.subtitles.find((s) => s.fileId === fileId);
    // getting started, 406 Not Acceptable: an unknown file_id.
    if (!sub) return { status: 406, body: { message: 'Invalid file_id', status: 406 } };
    const allowed = account?.allowedDownloads ?? this.shared.opts.anonymousDownloads ?? 5;
    const bucket = this.bucket(account ? `user:${account.username}` : 'ip:127.0.0.1');
    const when = renewal(bucket.resetsAt, this.shared.now());
    if (bucket.used >= allowed) {
      // The body recorded in elgatito/plugin.video.elementum#952 (anonymous, 5 a day).
      return {
        status: 406,
        body: {
          requests: bucket.used,
          remaining: 0,
          message: `You have downloaded your allowed ${allowed} subtitles for 24h.Your quota will be renewed in ${when.inWords} (${when.stamp} UTC) ts=${Math.floor(this.shared.now() / 1000)} `,
          reset_time: when.inWords,
          reset_time_utc: when.iso,
        },
      };
    }
    bucket.used += 1;
    const key = randomBytes(16).toString('hex').toUpperCase();
    this.shared.links.set(key, { fileId: sub.fileId, expires: this.shared.now() + LINK_LIFETIME_MS });
    const fileName = `${sub.fileName}.srt`;
    return {
      status: 200,
      headers: JSON_TYPE,
      body: {
        link: `${this.cdn().url}/download/${key}/subfile/${encodeURIComponent(fileName)}`,
        file_name: fileName,
        requests: bucket.used,
        remaining: allowed - bucket.used,
        message: `Your quota will be renewed in ${when.inWords} (${when.stamp} UTC) `,
        reset_time: when.inWords,
        reset_time_utc: when.iso,
      },
    };
  }

  /** jellyfin/jellyfin-plugin-opensubtitles Models/Responses/UserInfo.cs: `data` with the allowance. */
  private userInfo(req: FakeRequest): FakeResponse {
    const name = req.headers.authorization ? this.user(req.headers.authorization) : undefined;
    const account = this.shared.accounts.find((a) => a.username === name);
    if (!account) return { status: 401, body: INVALID_TOKEN };
    const bucket = this.bucket(`user:${account.username}`);
    return {
      status: 200,
      body: {
        data: {
          allowed_downloads: account.allowedDownloads,
          allowed_translations: 5,
          level: account.level,
          user_id: 66,
          ext_installed: false,
          vip: Boolean(account.vip),
          downloads_count: bucket.used,
          remaining_downloads: account.allowedDownloads - bucket.used,
          reset_time_utc: new Date(bucket.resetsAt).toISOString(),
        },
      },
    };
  }

  private user(authorization: string | string[]): string | undefined {
    const token = /^Bearer (.+)$/.exec(String(authorization))?.[1];
    const t = token ? this.shared.tokens.get(token) : undefined;
    return t && t.expires > this.shared.now() ? t.username : undefined;
  }

  /** The day's count, started again once its reset time has passed. */
  private bucket(key: string): Bucket {
    const now = this.shared.now();
    let b = this.shared.buckets.get(key);
    if (!b || now > b.resetsAt) {
      b = { used: 0, resetsAt: endOfUtcDay(now) };
      this.shared.buckets.set(key, b);
    }
    return b;
  }
}

function renewal(resetsAt: number, now: number): { inWords: string; stamp: string; iso: string } {
  const minutes = Math.max(0, Math.floor((resetsAt - now) / 60_000));
  const two = (n: number) => String(n).padStart(2, '0');
  const iso = new Date(resetsAt).toISOString();
  return {
    inWords: `${two(Math.floor(minutes / 60))} hours and ${two(minutes % 60)} minutes`,
    stamp: `${iso.slice(0, 10)} ${iso.slice(11, 19)}`,
    iso,
  };
}

/**
 * The links' host: each link serves its file for 3 hours, then 410 Gone (getting started; morpheus65535/bazarr
 * custom_libs/subliminal_patch/providers/opensubtitlescom.py: 410 "Download as expired"). Its body is not
 * documented.
 */
class FakeDownloadHost extends FakeHttp {
  constructor(shared: Shared) {
    super();
    this.route('GET', '/download/:key/subfile/:name', (req) => {
      const link = shared.links.get(req.params.key ?? '');
      const sub = link && shared.subtitles.find((s) => s.fileId === link.fileId);
      if (!link || !sub) return { status: 404, raw: 'Not Found', headers: { 'content-type': 'text/plain' } };
      if (shared.now() > link.expires)
        return { status: 410, raw: 'Gone', headers: { 'content-type': 'text/plain' } };
      // "Subtitle file in temporary URL will be always in UTF-8 encoding" (reference, POST /download).
      return {
        status: 200,
        raw: Buffer.from(sub.content, 'utf8'),
        headers: { 'content-type': 'text/plain; charset=UTF-8' },
      };
    });
  }
}

export interface FakeOpenSubtitles extends FakeOpenSubtitlesHost {
  /** `…/api/v1`, for OPENSUBTITLES_BASE_URL. */
  readonly baseUrl: string;
  /** Stands for vip-api.opensubtitles.com: VIP accounts' logins send requests here. */
  readonly vip: FakeOpenSubtitlesHost;
  /** Where download links point. */
  readonly downloads: FakeHttp;
  /** What the search serves; a test may push its own. */
  readonly subtitles: FakeSubtitle[];
  /** Downloads counted today for `ip:127.0.0.1` or `user:<name>`. */
  downloadsBy(bucket: string): number;
  /** Every link handed out so far stops working (410), as after 3 hours. */
  expireLinks(): void;
  /** Every token stops working, as after 24 hours or a logout elsewhere. */
  expireTokens(): void;
}

export async function startFakeOpenSubtitles(opts: FakeOpenSubtitlesOptions): Promise<FakeOpenSubtitles> {
  const shared = new Shared(opts);
  const downloads = await new FakeDownloadHost(shared).start();
  const vip = await new FakeOpenSubtitlesHost(shared, true, () => downloads).start();
  shared.vipHost = new URL(vip.url).host;
  const api = await new FakeOpenSubtitlesHost(shared, false, () => downloads).start();
  const close = api.close.bind(api);
  return Object.assign(api, {
    baseUrl: `${api.url}/api/v1`,
    vip,
    downloads,
    subtitles: shared.subtitles,
    downloadsBy: (bucket: string) => shared.buckets.get(bucket)?.used ?? 0,
    expireLinks: () => shared.links.forEach((l) => (l.expires = 0)),
    expireTokens: () => shared.tokens.clear(),
    close: async () => {
      await Promise.all([close(), vip.close(), downloads.close()]);
    },
  });
}
