/**
 * The same work seen by several catalogs becomes one candidate: TMDb's Dexter and Sonarr's
 * Dexter share TMDb and TVDB ids; MusicBrainz and Lidarr share MBIDs. Spotify carries no MBID,
 * so its hits join a MusicBrainz hit by kind and title when exactly one such hit exists.
 */
import type { CatalogHit, ExternalIds, MediaKind } from '../types.js';
import { normalizeTitle } from './title-similarity.js';

export interface MergedHit extends CatalogHit {
  key: string;
  sources: string[];
}

/** Which source's title, year and poster win: the ones people recognise first. */
const SOURCE_PRIORITY = ['tmdb', 'sonarr', 'radarr', 'musicbrainz', 'lidarr', 'spotify'];

function priority(source: string): number {
  const i = SOURCE_PRIORITY.indexOf(source);
  return i === -1 ? SOURCE_PRIORITY.length : i;
}

/** Keys that identify the same work across sources, scoped by kind. */
function idKeys(kind: MediaKind, ids: ExternalIds): string[] {
  const keys: string[] = [];
  const video = kind === 'movie' || kind === 'series';
  if (ids.tmdb !== undefined && video) keys.push(`${kind}:tmdb:${ids.tmdb}`);
  if (ids.tvdb !== undefined && kind === 'series') keys.push(`series:tvdb:${ids.tvdb}`);
  if (ids.imdb && video) keys.push(`imdb:${ids.imdb}`);
  if (ids.mbReleaseGroup && kind === 'album') keys.push(`album:mb:${ids.mbReleaseGroup}`);
  if (ids.mbArtist && kind === 'artist') keys.push(`artist:mb:${ids.mbArtist}`);
  if (ids.spotify) keys.push(`${kind}:spotify:${ids.spotify}`);
  return keys;
}

/** The key a merged candidate is known by: the id its backend needs when present. */
function primaryKey(c: CatalogHit): string {
  const { kind, ids } = c;
  if (kind === 'series' && ids.tvdb !== undefined) return `series:tvdb:${ids.tvdb}`;
  if (kind === 'series' && ids.tmdb !== undefined) return `series:tmdb:${ids.tmdb}`;
  if (kind === 'movie' && ids.tmdb !== undefined) return `movie:tmdb:${ids.tmdb}`;
  if (kind === 'album' && ids.mbReleaseGroup) return `album:mb:${ids.mbReleaseGroup}`;
  if (kind === 'artist' && ids.mbArtist) return `artist:mb:${ids.mbArtist}`;
  return idKeys(kind, ids)[0] ?? `${kind}:title:${normalizeTitle(c.title)}:${c.year ?? ''}`;
}

function combine(group: CatalogHit[]): MergedHit {
  const sorted = [...group].sort((a, b) => priority(a.source) - priority(b.source));
  const first = sorted[0] as CatalogHit;
  const merged: CatalogHit = { ...first, ids: {} };
  for (const h of sorted) {
    merged.ids = { ...h.ids, ...merged.ids };
    merged.year ??= h.year;
    merged.posterUrl ??= h.posterUrl;
    merged.overview ??= h.overview;
    merged.artistName ??= h.artistName;
    if (h.otherTitles) merged.otherTitles = [...new Set([...(merged.otherTitles ?? []), ...h.otherTitles])];
    if (h.popularity !== undefined) merged.popularity = Math.max(merged.popularity ?? 0, h.popularity);
    if (h.anime) merged.anime = true;
    if (h.inLibrary) merged.inLibrary = true;
  }
  const sources = [...new Set(sorted.map((h) => h.source))];
  return { ...merged, source: first.source, key: primaryKey(merged), sources };
}

export function mergeHits(hits: readonly CatalogHit[]): MergedHit[] {
  // Union-find over hits that share any id key.
  const parent = hits.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
    return i;
  };
  const owner = new Map<string, number>();
  hits.forEach((h, i) => {
    for (const k of idKeys(h.kind, h.ids)) {
      const j = owner.get(k);
      if (j === undefined) owner.set(k, i);
      else parent[find(i)] = find(j);
    }
  });
  // Hits with no id another source shares (Spotify) join a lone same-titled hit of the same kind.
  const byTitle = new Map<string, number[]>();
  hits.forEach((h, i) => {
    const k = `${h.kind}|${normalizeTitle(h.title)}|${h.artistName ? normalizeTitle(h.artistName) : ''}`;
    byTitle.set(k, [...(byTitle.get(k) ?? []), i]);
  });
  for (const idx of byTitle.values()) {
    const anchored = idx.filter((i) => hits[i]?.source !== 'spotify');
    const loose = idx.filter((i) => hits[i]?.source === 'spotify');
    const roots = new Set(anchored.map(find));
    if (roots.size === 1 && loose.length > 0)
      for (const i of loose) parent[find(i)] = find(anchored[0] as number);
  }
  const groups = new Map<number, CatalogHit[]>();
  hits.forEach((h, i) => {
    const r = find(i);
    groups.set(r, [...(groups.get(r) ?? []), h]);
  });
  return [...groups.values()].map(combine);
}
