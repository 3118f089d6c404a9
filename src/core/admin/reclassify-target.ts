/** `reclassify <id> <target>`: the word after the id, as a kind to search or a backend to send to. */
import type { BackendRegistry } from '../media/backend-registry.js';
import type { ReclassifyTarget } from '../media/media-requests.js';
import type { KindHint } from '../types.js';

const KINDS: Record<string, KindHint> = {
  movie: 'movie',
  film: 'movie',
  series: 'series',
  show: 'series',
  tv: 'series',
  music: 'music',
  artist: 'artist',
  album: 'album',
};

/** undefined when the word is neither a kind nor a configured backend's name. */
export function resolveTarget(word: string, backends: BackendRegistry): ReclassifyTarget | undefined {
  const w = word.toLowerCase();
  const hint = KINDS[w];
  if (hint) return { hint, label: hint };
  const backend = backends.byName(w);
  return backend ? { backend: backend.name, label: backend.label } : undefined;
}
