/**
 * What Sonarr, Radarr and Lidarr share (Overseerr's `servarr/base.ts` idea): one HttpClient per
 * instance with the key in `X-Api-Key`, the server version, quality profiles and root folders,
 * and the profile/folder an add should use. Lists are remembered for a few minutes so an add costs
 * one lookup and one POST, not five requests.
 */
import { HttpClient } from '../http-client/http-client.js';
import type { Logger } from '../../src/core/ports.js';
import { Memo } from './memo.js';
import { pickQualityProfile, pickRootFolder } from './pick-target.js';
import {
  qualityProfilesSchema,
  rootFoldersSchema,
  systemStatusSchema,
  type QualityProfile,
  type RootFolder,
  type SystemStatus,
} from './schemas.js';

export interface ServarrClientOptions {
  /** Instance name, used in errors and logs: `sonarr`, `radarr-4k`. */
  service: string;
  /** The root users copy from their browser, with any URL base (`http://nas:8989/sonarr`). */
  url: string;
  apiKey: string;
  /** Sonarr and Radarr: `/api/v3`; Lidarr: `/api/v1`. */
  apiPath: '/api/v3' | '/api/v1';
  logger?: Logger;
  /** Per attempt, ms. Adds make the server fetch metadata first, so the default is generous. */
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
}

/** Profile and folder preferences from config; unset means "the server's default". */
export interface TargetPrefs {
  qualityProfile?: string | undefined;
  rootFolder?: string | undefined;
}

export interface Target {
  qualityProfileId: number;
  rootFolderPath: string;
  /** The chosen folder, whose Lidarr defaults (metadata profile, monitor option) callers may use. */
  rootFolder: RootFolder;
}

/** How long lists and the version are trusted, ms: long enough to save requests, short enough to see edits. */
const LIST_TTL_MS = 10 * 60_000;

export class ServarrClient {
  readonly http: HttpClient;
  readonly service: string;
  private readonly status = new Memo<SystemStatus>(LIST_TTL_MS);
  private readonly profiles = new Memo<QualityProfile[]>(LIST_TTL_MS);
  private readonly folders = new Memo<RootFolder[]>(LIST_TTL_MS);

  constructor(opts: ServarrClientOptions) {
    this.service = opts.service;
    this.http = new HttpClient({
      service: opts.service,
      baseUrl: opts.url.replace(/\/+$/, '') + opts.apiPath,
      headers: { 'X-Api-Key': opts.apiKey },
      secrets: [opts.apiKey],
      timeoutMs: opts.timeoutMs ?? 15_000,
      logger: opts.logger,
      fetchImpl: opts.fetchImpl,
    });
  }

  systemStatus(signal?: AbortSignal): Promise<SystemStatus> {
    return this.status.get(() =>
      this.http.json({ path: '/system/status', schema: systemStatusSchema, signal }),
    );
  }

  /** The major version number: 3 or 4 for Sonarr, 5 for current Radarr. 0 when unreadable. */
  async major(signal?: AbortSignal): Promise<number> {
    const { version } = await this.systemStatus(signal);
    const n = Number.parseInt(version, 10);
    return Number.isFinite(n) ? n : 0;
  }

  qualityProfiles(signal?: AbortSignal): Promise<QualityProfile[]> {
    return this.profiles.get(() =>
      this.http.json({ path: '/qualityprofile', schema: qualityProfilesSchema, signal }),
    );
  }

  rootFolders(signal?: AbortSignal): Promise<RootFolder[]> {
    return this.folders.get(() => this.http.json({ path: '/rootfolder', schema: rootFoldersSchema, signal }));
  }

  /** The folder and profile an add goes to; throws UpstreamError 'rejected' when config names one the server lacks. */
  async resolveTarget(prefs: TargetPrefs, signal?: AbortSignal): Promise<Target> {
    const [folders, profiles] = await Promise.all([this.rootFolders(signal), this.qualityProfiles(signal)]);
    const rootFolder = pickRootFolder(this.service, folders, prefs.rootFolder);
    const profile = pickQualityProfile(this.service, profiles, prefs.qualityProfile, rootFolder);
    return { qualityProfileId: profile.id, rootFolderPath: rootFolder.path, rootFolder };
  }
}
