import type { MediaCover } from './schemas.js';

/**
 * The remote URL of the first cover of `type`: `remoteUrl` when present (library items), else
 * `url` when it is absolute (lookups). Local `/MediaCover/…` paths need the server's key, so they
 * are never shown.
 */
export function coverUrl(images: readonly MediaCover[] | null | undefined, type: string): string | undefined {
  for (const img of images ?? []) {
    if (img.coverType !== type) continue;
    const url = img.remoteUrl ?? img.url;
    if (url && /^https?:\/\//.test(url)) return url;
  }
  return undefined;
}

/** Covers to send back in an add body: only the fields every *arr's MediaCover schema has. */
export function coversForAdd(images: readonly MediaCover[] | null | undefined): MediaCover[] {
  return (images ?? []).map((i) => ({
    coverType: i.coverType,
    ...(i.url ? { url: i.url } : {}),
    ...(i.remoteUrl ? { remoteUrl: i.remoteUrl } : {}),
  }));
}
