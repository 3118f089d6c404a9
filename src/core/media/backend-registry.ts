/**
 * Which backend takes which kind (Doplarr's table): the core asks "who handles series?" and never
 * names Sonarr. The first configured backend for a kind is its default; a request may name
 * another instance (`radarr-4k`), and anime series go to a backend named `*-anime` when one exists.
 */
import type { MediaBackend } from '../ports.js';
import type { Candidate, MediaKind } from '../types.js';

/** What to tell a person when nothing handles a kind. */
export const SERVICE_FOR_KIND: Record<MediaKind, { service: string; envUrl: string; idName: string }> = {
  movie: { service: 'Radarr', envUrl: 'RADARR_URL', idName: 'TMDb id' },
  series: { service: 'Sonarr', envUrl: 'SONARR_URL', idName: 'TVDB id' },
  artist: { service: 'Lidarr', envUrl: 'LIDARR_URL', idName: 'MusicBrainz artist id' },
  album: { service: 'Lidarr', envUrl: 'LIDARR_URL', idName: 'MusicBrainz release-group id' },
};

export class BackendRegistry {
  constructor(private readonly backends: readonly MediaBackend[]) {}

  get all(): readonly MediaBackend[] {
    return this.backends;
  }

  byName(name: string): MediaBackend | undefined {
    return this.backends.find((b) => b.name === name);
  }

  forCandidate(c: Pick<Candidate, 'kind' | 'anime'>, preferred?: string): MediaBackend | undefined {
    const able = this.backends.filter((b) => b.kinds.includes(c.kind));
    if (preferred) {
      const named = able.find((b) => b.name === preferred);
      if (named) return named;
    }
    if (c.anime) {
      const anime = able.find((b) => b.name.endsWith('-anime'));
      if (anime) return anime;
    }
    return able.find((b) => !b.name.includes('-')) ?? able[0];
  }
}
