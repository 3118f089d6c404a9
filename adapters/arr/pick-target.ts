/**
 * Which quality profile and root folder an add uses: the configured one (by name, path or numeric
 * id), else the root folder's own default (Lidarr), else the first. A configured name the server
 * does not have is an error the admin must fix, so it names what the server does have.
 */
import { UpstreamError } from '../../src/core/errors.js';
import type { QualityProfile, RootFolder } from './schemas.js';

interface Named {
  id: number;
  name?: string | null | undefined;
}

const norm = (s: string) => s.trim().toLowerCase();
const normPath = (p: string) => p.trim().replace(/[\\/]+$/, '');

/** A profile (quality, metadata, language) by configured name or id, else `fallbackId`, else the first. */
export function pickProfile<T extends Named>(
  service: string,
  what: string,
  profiles: readonly T[],
  wanted: string | undefined,
  fallbackId?: number,
): T {
  if (wanted !== undefined) {
    const byId = /^\d+$/.test(wanted) ? profiles.find((p) => p.id === Number(wanted)) : undefined;
    const found = byId ?? profiles.find((p) => p.name != null && norm(p.name) === norm(wanted));
    if (found) return found;
    const have = profiles.map((p) => `${p.name ?? '?'} (${p.id})`).join(', ') || 'none';
    throw refused(service, `${what} "${wanted}" does not exist; it has: ${have}`);
  }
  const chosen = profiles.find((p) => p.id === fallbackId) ?? profiles[0];
  if (!chosen) throw refused(service, `it has no ${what}s`);
  return chosen;
}

/** A root folder by configured path, name or id; else the first accessible one. */
export function pickRootFolder(
  service: string,
  folders: readonly RootFolder[],
  wanted: string | undefined,
): RootFolder {
  if (wanted !== undefined) {
    const found =
      folders.find((f) => normPath(f.path) === normPath(wanted)) ??
      folders.find((f) => f.name != null && norm(f.name) === norm(wanted)) ??
      (/^\d+$/.test(wanted) ? folders.find((f) => f.id === Number(wanted)) : undefined);
    if (found) return found;
    const have = folders.map((f) => f.path).join(', ') || 'none';
    throw refused(service, `root folder "${wanted}" does not exist; it has: ${have}`);
  }
  const chosen = folders.find((f) => f.accessible !== false) ?? folders[0];
  if (!chosen) throw refused(service, 'it has no root folders (Settings → Media Management → Root Folders)');
  return chosen;
}

export function pickQualityProfile(
  service: string,
  profiles: readonly QualityProfile[],
  wanted: string | undefined,
  folder: RootFolder,
): QualityProfile {
  return pickProfile(service, 'quality profile', profiles, wanted, folder.defaultQualityProfileId);
}

function refused(service: string, detail: string): UpstreamError {
  return new UpstreamError(service, 'rejected', `${service}: ${detail}`, { detail });
}
