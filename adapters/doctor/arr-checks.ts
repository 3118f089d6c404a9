/**
 * Sonarr, Radarr and Lidarr: for each configured instance, is it there and is the key right
 * (system/status), and do the quality profile, root folder (and Lidarr's metadata profile) the
 * bot would add with exist. Uses the same ServarrClient and pickers as the backends.
 */
import { namedIdsSchema } from '../arr/schemas.js';
import { pickProfile } from '../arr/pick-target.js';
import { ServarrClient } from '../arr/servarr-client.js';
import type { ArrEnv } from '../../src/config/arr-env.js';
import type { DoctorCheck } from '../../src/core/admin/doctor.js';
import { isUpstreamError } from '../../src/core/errors.js';
import { failureCheck, timed } from './describe-failure.js';

interface Instance {
  label: string;
  /** Variable prefix: `SONARR_4K`. */
  prefix: string;
  apiPath: '/api/v3' | '/api/v1';
  url: string | undefined;
  apiKey: string | undefined;
  qualityProfile: string | undefined;
  rootFolder: string | undefined;
  metadataProfile?: string | undefined;
}

/** The instances create-backends.ts builds, by the same variables. */
export function arrInstances(a: ArrEnv): Instance[] {
  const v3 = '/api/v3' as const;
  return [
    {
      label: 'Sonarr',
      prefix: 'SONARR',
      apiPath: v3,
      url: a.SONARR_URL,
      apiKey: a.SONARR_API_KEY,
      qualityProfile: a.SONARR_QUALITY_PROFILE,
      rootFolder: a.SONARR_ROOT_FOLDER,
    },
    {
      label: 'Sonarr 4K',
      prefix: 'SONARR_4K',
      apiPath: v3,
      url: a.SONARR_4K_URL,
      apiKey: a.SONARR_4K_API_KEY,
      qualityProfile: a.SONARR_4K_QUALITY_PROFILE,
      rootFolder: a.SONARR_4K_ROOT_FOLDER,
    },
    {
      label: 'Sonarr Anime',
      prefix: 'SONARR_ANIME',
      apiPath: v3,
      url: a.SONARR_ANIME_URL,
      apiKey: a.SONARR_ANIME_API_KEY,
      qualityProfile: a.SONARR_ANIME_QUALITY_PROFILE,
      rootFolder: a.SONARR_ANIME_ROOT_FOLDER,
    },
    {
      label: 'Radarr',
      prefix: 'RADARR',
      apiPath: v3,
      url: a.RADARR_URL,
      apiKey: a.RADARR_API_KEY,
      qualityProfile: a.RADARR_QUALITY_PROFILE,
      rootFolder: a.RADARR_ROOT_FOLDER,
    },
    {
      label: 'Radarr 4K',
      prefix: 'RADARR_4K',
      apiPath: v3,
      url: a.RADARR_4K_URL,
      apiKey: a.RADARR_4K_API_KEY,
      qualityProfile: a.RADARR_4K_QUALITY_PROFILE,
      rootFolder: a.RADARR_4K_ROOT_FOLDER,
    },
    {
      label: 'Lidarr',
      prefix: 'LIDARR',
      apiPath: '/api/v1',
      url: a.LIDARR_URL,
      apiKey: a.LIDARR_API_KEY,
      qualityProfile: a.LIDARR_QUALITY_PROFILE,
      rootFolder: a.LIDARR_ROOT_FOLDER,
      metadataProfile: a.LIDARR_METADATA_PROFILE,
    },
  ];
}

export function configuredArr(a: ArrEnv): (Instance & { url: string; apiKey: string })[] {
  return arrInstances(a).filter((i): i is Instance & { url: string; apiKey: string } =>
    Boolean(i.url && i.apiKey),
  );
}

export async function checkArr(
  i: Instance & { url: string; apiKey: string },
  timeoutMs: number,
): Promise<DoctorCheck[]> {
  const client = new ServarrClient({
    service: i.label.toLowerCase().replace(/ /g, '-'),
    url: i.url,
    apiKey: i.apiKey,
    apiPath: i.apiPath,
    timeoutMs,
  });
  const help = {
    label: i.label,
    url: i.url,
    urlVar: `${i.prefix}_URL`,
    keyFix: `copy the key again from ${i.label} → Settings → General → Security → API Key into ${i.prefix}_API_KEY`,
  };
  const status = await timed(timeoutMs, (signal) => client.systemStatus(signal));
  if (!status.ok) return [failureCheck(i.label, status.error, help)];
  const out: DoctorCheck[] = [
    {
      status: 'ok',
      name: i.label,
      detail: `reachable, key accepted (${status.value.appName ?? i.label} ${status.value.version})`,
    },
  ];
  const target = await timed(timeoutMs, async (signal) => {
    const t = await client.resolveTarget(
      { qualityProfile: i.qualityProfile, rootFolder: i.rootFolder },
      signal,
    );
    const profiles = await client.qualityProfiles(signal);
    const quality = profiles.find((p) => p.id === t.qualityProfileId)?.name ?? String(t.qualityProfileId);
    let metadata: string | undefined;
    if (i.prefix === 'LIDARR') {
      const list = await client.http.json({ path: '/metadataprofile', schema: namedIdsSchema, signal });
      const m = pickProfile(
        client.service,
        'metadata profile',
        list,
        i.metadataProfile,
        t.rootFolder.defaultMetadataProfileId,
      );
      metadata = m.name ?? String(m.id);
    }
    return { quality, folder: t.rootFolderPath, metadata };
  });
  if (target.ok) {
    const { quality, folder, metadata } = target.value;
    out.push({
      status: 'ok',
      name: `${i.label} destination`,
      detail: `quality profile “${quality}”, root folder ${folder}${metadata ? `, metadata profile “${metadata}”` : ''}`,
    });
  } else {
    out.push(destinationFailure(i, target.error, help));
  }
  return out;
}

function destinationFailure(i: Instance, e: unknown, help: Parameters<typeof failureCheck>[2]): DoctorCheck {
  const name = `${i.label} destination`;
  if (!isUpstreamError(e) || e.failure !== 'rejected') return failureCheck(name, e, help);
  const detail = e.detail ?? e.message;
  const which = /root folder/.test(detail)
    ? 'ROOT_FOLDER'
    : /metadata profile/.test(detail)
      ? 'METADATA_PROFILE'
      : 'QUALITY_PROFILE';
  const fix = /has no root folders/.test(detail)
    ? `add one in ${i.label} → Settings → Media Management → Root Folders`
    : /has no/.test(detail)
      ? `create one in ${i.label} → Settings → Profiles`
      : `set ${i.prefix}_${which} to one it has (or leave it empty for the default)`;
  return { status: 'fail', name, detail, fix };
}
