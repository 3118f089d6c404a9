/**
 * Questions asked after the work is chosen and before it is sent: which instance when several
 * can take it (Radarr and Radarr 4K), and, when enabled, which seasons of a series to monitor.
 * Each answer is stored in the request's options; a question already answered is not asked again.
 */
import { say } from '../messages.js';
import type { Candidate, MediaRequest } from '../types.js';
import type { BackendRegistry } from './backend-registry.js';

export const ASK_BACKEND = 'media.backend';
export const ASK_MONITOR = 'media.monitor';

export interface OptionQuestion {
  purpose: typeof ASK_BACKEND | typeof ASK_MONITOR;
  /** Message code of the prompt. */
  code: 'media.whichBackend' | 'media.whichSeasons';
  labels: string[];
  values: string[];
}

/** Sonarr monitor options offered to people; the backend maps them per Sonarr version. */
const SEASONS = [
  { label: say('media.seasonsAll'), value: 'all' },
  { label: say('media.seasonsFirst'), value: 'firstSeason' },
  { label: say('media.seasonsLatest'), value: 'latestSeason' },
  { label: say('media.seasonsFuture'), value: 'future' },
];

export function nextQuestion(
  r: Pick<MediaRequest, 'options'>,
  chosen: Candidate,
  backends: BackendRegistry,
  askSeasons: boolean,
): OptionQuestion | undefined {
  const able = backends.all.filter((b) => b.kinds.includes(chosen.kind));
  // Anime goes to its own instance by itself; only same-purpose instances are a real choice.
  const animeRouted = chosen.anime && able.some((b) => b.name.endsWith('-anime'));
  const choices = able.filter((b) => !b.name.endsWith('-anime'));
  if (!r.options.backend && !animeRouted && choices.length > 1) {
    return {
      purpose: ASK_BACKEND,
      code: 'media.whichBackend',
      labels: choices.map((b) => b.label),
      values: choices.map((b) => b.name),
    };
  }
  if (chosen.kind === 'series' && askSeasons && !r.options.monitor) {
    return {
      purpose: ASK_MONITOR,
      code: 'media.whichSeasons',
      labels: SEASONS.map((s) => s.label),
      values: SEASONS.map((s) => s.value),
    };
  }
  return undefined;
}
