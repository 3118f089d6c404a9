/**
 * `doctor`: is the configuration valid, is the data folder writable, is every configured service
 * reachable with a valid key, do the *arr profiles and folders exist, are the word lists there.
 * One line per check (✓ / ✗ with how to fix / – for information), in a fixed order; the checks
 * run in parallel, each with a short time limit, so the whole run takes a few seconds at most.
 */
import type { Config, ConfigProblem } from '../../src/config.js';
import type { Doctor, DoctorCheck } from '../../src/core/admin/doctor.js';
import type { MediaCatalog } from '../../src/core/ports.js';
import { checkArr, configuredArr } from './arr-checks.js';
import { checkDatabase } from './database-checks.js';
import { checkLibrarySources } from './library-checks.js';
import { checkAccess, checkDataDir, checkScriptSite, checkWordLists, vocabServices } from './local-checks.js';
import { checkOverseerr } from './overseerr-checks.js';
import { checkCatalogs, checkChats, checkOpenSubtitles } from './upstream-checks.js';

export interface DoctorInput {
  config: Config;
  /** What validation found; `config` treats those variables as unset. */
  problems?: readonly ConfigProblem[];
  /** The .env file looked for, when the caller reads one. */
  envFile?: { path: string; found: boolean };
  /** The bot's catalogs, built from `config` (TMDb, MusicBrainz, Spotify are probed). */
  catalogs: readonly MediaCatalog[];
  /** Per check, ms (default 3000). */
  timeoutMs?: number;
  /** Where the word lists are (default: data/cefr in the checkout). */
  cefrDir?: string;
}

export function createDoctor(input: DoctorInput): Doctor {
  return { run: () => runDoctor(input) };
}

export async function runDoctor(input: DoctorInput): Promise<DoctorCheck[]> {
  const { config } = input;
  const timeoutMs = input.timeoutMs ?? 3000;
  const arr = configuredArr(config.arr);
  const groups: Promise<DoctorCheck[]>[] = [
    Promise.resolve(configChecks(input)),
    checkDataDir(config.core.DATA_DIR),
    ...(config.database.DATABASE_URL ? [checkDatabase(config.database.DATABASE_URL, timeoutMs)] : []),
    checkCatalogs(config, input.catalogs, timeoutMs).then((lines) => [
      ...coverage(config, input.catalogs),
      ...lines,
    ]),
    Promise.resolve(backendCoverage(config)),
    checkOverseerr(config.arr, timeoutMs),
    ...arr.map((i) => checkArr(i, timeoutMs)),
    checkChats(config, timeoutMs),
    Promise.all([checkWordLists(input.cefrDir), checkScriptSite(config, timeoutMs)]),
    checkOpenSubtitles(config, timeoutMs),
    checkLibrarySources(config, timeoutMs),
    Promise.resolve([...vocabServices(config), ...checkAccess(config)]),
  ];
  return (await Promise.all(groups)).flat();
}

function configChecks(input: DoctorInput): DoctorCheck[] {
  const out: DoctorCheck[] = [];
  if (input.envFile && !input.envFile.found)
    out.push({
      status: 'info',
      name: input.envFile.path,
      detail: 'not found: using the environment and the defaults',
      fix: 'copy .env.example to .env and fill in what you have',
    });
  const problems = input.problems ?? [];
  if (problems.length === 0)
    out.push({
      status: 'ok',
      name: 'configuration',
      detail: input.envFile?.found ? `valid (${input.envFile.path})` : 'valid',
    });
  for (const p of problems)
    out.push({
      status: 'fail',
      name: `configuration ${p.variable}`,
      detail: p.message,
      fix: `fix ${p.variable} (see .env.example); the checks below treat it as unset`,
    });
  return out;
}

/** "No catalog at all" is fatal: nothing can be looked up. */
function coverage(config: Config, catalogs: readonly MediaCatalog[]): DoctorCheck[] {
  if (catalogs.length > 0) return [];
  return [
    {
      status: 'fail',
      name: 'search sources',
      detail: 'none configured, so no title can be looked up',
      fix: config.catalog.MUSICBRAINZ_ENABLED
        ? 'set TMDB_API_KEY, or SONARR_URL/RADARR_URL/LIDARR_URL with their API keys'
        : 'set TMDB_API_KEY, or an *arr URL with its API key, or MUSICBRAINZ_ENABLED=true',
    },
  ];
}

/** "No backend at all" is fatal; a missing one for a kind is worth a line. */
function backendCoverage(config: Config): DoctorCheck[] {
  const a = config.arr;
  const has = (url: string | undefined, key: string | undefined) => Boolean(url && key);
  const overseerr = has(a.OVERSEERR_URL, a.OVERSEERR_API_KEY);
  const radarr = has(a.RADARR_URL, a.RADARR_API_KEY) || has(a.RADARR_4K_URL, a.RADARR_4K_API_KEY);
  const sonarr =
    has(a.SONARR_URL, a.SONARR_API_KEY) ||
    has(a.SONARR_4K_URL, a.SONARR_4K_API_KEY) ||
    has(a.SONARR_ANIME_URL, a.SONARR_ANIME_API_KEY);
  const lidarr = has(a.LIDARR_URL, a.LIDARR_API_KEY);
  if (!overseerr && !radarr && !sonarr && !lidarr)
    return [
      {
        status: 'fail',
        name: 'where media goes',
        detail: 'no Radarr, Sonarr, Lidarr or Overseerr configured, so nothing can be added',
        fix: 'set RADARR_URL + RADARR_API_KEY (movies), SONARR_URL + SONARR_API_KEY (shows), LIDARR_URL + LIDARR_API_KEY (music)',
      },
    ];
  const out: DoctorCheck[] = [];
  const missing = (label: string, prefix: string, what: string): DoctorCheck => ({
    status: 'info',
    name: label,
    detail: 'not configured',
    fix: `set ${prefix}_URL and ${prefix}_API_KEY to add ${what}`,
  });
  if (!radarr && !overseerr) out.push(missing('Radarr', 'RADARR', 'movies'));
  if (!sonarr && !overseerr) out.push(missing('Sonarr', 'SONARR', 'shows'));
  if (!lidarr) out.push(missing('Lidarr', 'LIDARR', 'music'));
  return out;
}
