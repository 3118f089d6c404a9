/**
 * Subtitles from the operator's own library (adapters/vocab/library-sources.ts): Bazarr answers
 * its system/status with the key (morpheus65535/bazarr bazarr/api/system/status.py, behind
 * @authenticate), every MEDIA_PATH_MAP folder exists and can be listed on this machine, and every
 * Radarr and Sonarr root folder lies under a mapped one, since files elsewhere cannot be read.
 */
import { readdir } from 'node:fs/promises';
import type { Config } from '../../src/config.js';
import type { DoctorCheck } from '../../src/core/admin/doctor.js';
import { ServarrClient } from '../arr/servarr-client.js';
import { bazarrHttp, bazarrStatusSchema } from '../vocab/bazarr-source.js';
import { MediaPathMap } from '../vocab/media-path-map.js';
import { failureCheck, timed } from './describe-failure.js';

export async function checkLibrarySources(config: Config, timeoutMs: number): Promise<DoctorCheck[]> {
  const v = config.vocab;
  const a = config.arr;
  const pairs = v.MEDIA_PATH_MAP;
  if (!v.BAZARR_URL && pairs.length === 0)
    return [
      {
        status: 'info',
        name: 'library subtitles',
        detail: 'not configured (optional)',
        fix: 'set MEDIA_PATH_MAP (and BAZARR_URL + BAZARR_API_KEY) to grade films from the subtitles you already have',
      },
    ];
  const out: DoctorCheck[] = [];
  if (v.BAZARR_URL && v.BAZARR_API_KEY)
    out.push(await checkBazarr(v.BAZARR_URL, v.BAZARR_API_KEY, timeoutMs));
  if (v.BAZARR_URL && pairs.length === 0)
    out.push({
      status: 'fail',
      name: 'Bazarr',
      detail:
        'its API gives subtitle paths, not their text, and MEDIA_PATH_MAP is not set, so it is not used',
      fix: 'set MEDIA_PATH_MAP to where the bot sees the media folders Radarr and Sonarr report (e.g. /data/movies:/mnt/movies)',
    });
  for (const p of pairs) out.push(await checkFolder(p.from, p.to));
  const arrs = [
    { label: 'Radarr', url: a.RADARR_URL, apiKey: a.RADARR_API_KEY },
    { label: 'Sonarr', url: a.SONARR_URL, apiKey: a.SONARR_API_KEY },
  ].filter((x) => x.url && x.apiKey);
  if (pairs.length > 0 && arrs.length === 0)
    out.push({
      status: 'fail',
      name: 'library subtitles',
      detail:
        'MEDIA_PATH_MAP is set but neither Radarr nor Sonarr is, and they say where the media files are',
      fix: 'set RADARR_URL + RADARR_API_KEY and/or SONARR_URL + SONARR_API_KEY',
    });
  if (pairs.length > 0) {
    const map = new MediaPathMap(pairs);
    for (const arr of arrs)
      out.push(...(await unmappedRoots(arr.label, arr.url!, arr.apiKey!, map, timeoutMs)));
  }
  return out;
}

async function checkBazarr(url: string, apiKey: string, timeoutMs: number): Promise<DoctorCheck> {
  const http = bazarrHttp({ url, apiKey, timeoutMs });
  const r = await timed(timeoutMs, (signal) =>
    http.json({ path: '/system/status', schema: bazarrStatusSchema, signal }),
  );
  if (r.ok) {
    const version = r.value.data.bazarr_version;
    return {
      status: 'ok',
      name: 'Bazarr',
      detail: `reachable, key accepted${version ? ` (Bazarr ${version})` : ''}`,
    };
  }
  return failureCheck('Bazarr', r.error, {
    label: 'Bazarr',
    url,
    urlVar: 'BAZARR_URL',
    keyFix: 'copy the key again from Bazarr → Settings → General → Security → API Key into BAZARR_API_KEY',
  });
}

async function checkFolder(from: string, to: string): Promise<DoctorCheck> {
  const name = `MEDIA_PATH_MAP ${from}`;
  try {
    await readdir(to);
    return { status: 'ok', name, detail: `${to} can be read` };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    return {
      status: 'fail',
      name,
      detail: `${to} ${code === 'ENOENT' ? 'does not exist' : `cannot be listed (${code})`} on this machine`,
      fix: `mount the folder ${from} into the bot at ${to} (read-only is enough), or fix MEDIA_PATH_MAP`,
    };
  }
}

/** A ✗ per root folder under no mapped folder; nothing when the *arr does not answer (its own check says why). */
async function unmappedRoots(
  label: string,
  url: string,
  apiKey: string,
  map: MediaPathMap,
  timeoutMs: number,
): Promise<DoctorCheck[]> {
  const client = new ServarrClient({
    service: label.toLowerCase(),
    url,
    apiKey,
    apiPath: '/api/v3',
    timeoutMs,
  });
  const r = await timed(timeoutMs, (signal) => client.rootFolders(signal));
  if (!r.ok) return [];
  return r.value
    .filter((f) => !map.local(f.path).ok)
    .map((f) => ({
      status: 'fail' as const,
      name: `${label} root folder ${f.path}`,
      detail: 'not under any MEDIA_PATH_MAP folder, so subtitles beside its media cannot be read',
      fix: `add ${f.path.replace(/[\\/]+$/, '')}:<the same folder on this machine> to MEDIA_PATH_MAP`,
    }));
}
