/**
 * Sonarr's `addOptions.monitor` differs by version: v4 has lastSeason, recent, monitorSpecials,
 * unmonitorSpecials and skip; v3 has latestSeason and none of the others (branch v3,
 * MonitoringOptions.cs). Our names are the union; this picks what the server understands.
 */
import { SONARR_MONITOR_OPTIONS } from '../../../src/config/arr-env.js';

const KNOWN: ReadonlySet<string> = new Set(SONARR_MONITOR_OPTIONS);
const V3: ReadonlySet<string> = new Set([
  'all',
  'future',
  'missing',
  'existing',
  'firstSeason',
  'latestSeason',
  'pilot',
  'none',
]);

export interface MonitorChoice {
  value: string;
  /** Set when the asked-for option had no equivalent and `value` is a stand-in. */
  substitutedFor?: string;
}

/** `asked` (from the request) or `configured` (SONARR_MONITOR), as the server of `major` version spells it. */
export function monitorFor(asked: string | undefined, configured: string, major: number): MonitorChoice {
  const wanted = asked !== undefined && KNOWN.has(asked) ? asked : configured;
  if (major >= 4) return { value: wanted === 'latestSeason' ? 'lastSeason' : wanted };
  const v3 = wanted === 'lastSeason' ? 'latestSeason' : wanted;
  return V3.has(v3) ? { value: v3 } : { value: 'all', substitutedFor: wanted };
}
