/**
 * `backfill-ids`: stored requests whose chosen work lacks an id its kind's services use (a series
 * without a TVDB id, an album without its artist's MusicBrainz id) ask the catalogs that can
 * resolve ids again: TMDb's external ids, Sonarr's lookup. Ids already known are never replaced.
 */
import type { ErrorCounter } from './metrics.js';
import { textReply } from '../messages.js';
import { resolveIds, displayTitle } from '../media/send-request.js';
import type { Clock, Logger, MediaCatalog, RequestStore } from '../ports.js';
import type { ExternalIds, MediaKind, Reply } from '../types.js';

/** The ids worth having per kind: what Radarr, Sonarr and Lidarr (and Overseerr) need or match on. */
const WANTED: Record<MediaKind, readonly (keyof ExternalIds)[]> = {
  movie: ['tmdb', 'imdb'],
  series: ['tvdb', 'tmdb', 'imdb'],
  artist: ['mbArtist'],
  album: ['mbReleaseGroup', 'mbArtist'],
};

export function missingIds(kind: MediaKind, ids: ExternalIds): (keyof ExternalIds)[] {
  return WANTED[kind].filter((k) => ids[k] === undefined || ids[k] === '');
}

export interface BackfillDeps {
  requests: RequestStore;
  catalogs: readonly MediaCatalog[];
  clock: Clock;
  logger: Logger;
  metrics?: ErrorCounter;
}

export async function backfillIds(actor: string, deps: BackfillDeps): Promise<Reply> {
  const { requests, clock } = deps;
  const incomplete = (await requests.list()).filter(
    (r) => r.chosen && missingIds(r.chosen.kind, r.chosen.ids).length > 0,
  );
  if (incomplete.length === 0) return textReply('admin.backfillNone');
  const lines: string[] = [];
  let updated = 0;
  let still = 0;
  for (const r of incomplete) {
    const chosen = r.chosen;
    if (!chosen) continue;
    const found = await resolveIds(chosen, deps.catalogs, deps.logger, deps.metrics);
    const added: Partial<ExternalIds> = {};
    for (const k of missingIds(chosen.kind, chosen.ids)) {
      if (found[k] !== undefined) Object.assign(added, { [k]: found[k] });
    }
    const keys = Object.keys(added);
    if (keys.length > 0) {
      updated += 1;
      await requests.update(r.id, (x) => {
        if (x.chosen) x.chosen.ids = { ...added, ...x.chosen.ids };
        x.audit.push({
          at: clock.now().toISOString(),
          actor,
          from: x.status,
          to: x.status,
          note: 'ids backfilled',
          detail: { added },
        });
      });
      lines.push(
        `• ${r.id} ${displayTitle(chosen)}: ${keys.map((k) => `+${k} ${String(added[k as keyof ExternalIds])}`).join(', ')}`,
      );
    }
    const after = { ...found, ...chosen.ids };
    if (missingIds(chosen.kind, after).length > 0) still += 1;
  }
  return textReply('admin.backfilled', {
    checked: incomplete.length,
    updated,
    still,
    lines: lines.length ? `\n${lines.join('\n')}` : '',
  });
}
