/**
 * Runs one labelled case through the real core (createCore on the in-memory ports) and grades
 * what it did against the label. The catalog rows are mapped by the adapters' own functions
 * (adapters/catalog/tmdb/map.ts, adapters/catalog/musicbrainz/map.ts), after the adapters' zod
 * schemas, and picked the way the adapters pick endpoints for a kind hint.
 */
import { creditedArtists, artistToHit, releaseGroupToHit } from '../../adapters/catalog/musicbrainz/map.js';
import { artistRow, releaseGroupRow } from '../../adapters/catalog/musicbrainz/schemas.js';
import { rowKind, toHit } from '../../adapters/catalog/tmdb/map.js';
import { searchRow } from '../../adapters/catalog/tmdb/schemas.js';
import { parseCommand } from '../../src/core/commands/parse.js';
import { createCore } from '../../src/core/create-core.js';
import type { CatalogHit, Candidate, ExternalIds, KindHint } from '../../src/core/types.js';
import { defaultSettings } from '../core/fakes/fake-core.js';
import { FakeBackend } from '../core/fakes/backend.js';
import { FakeCatalog } from '../core/fakes/catalog.js';
import { MemoryChoiceStore } from '../core/fakes/choice-store.js';
import { FakeClock } from '../core/fakes/clock.js';
import { RecordingNotifier } from '../core/fakes/notifier.js';
import { MemoryRequestStore } from '../core/fakes/request-store.js';
import { CaptureLogger } from '../helpers/capture-logger.js';
import type { EvalCase, TmdbRow } from './case.js';

export const GRADES = [
  'right add',
  'right ask',
  'right none',
  'unasked add',
  'needless ask',
  'wrong ask',
  'missed answer',
  'wrong add',
] as const;
export type Grade = (typeof GRADES)[number];

export type Outcome = { type: 'add'; key: string } | { type: 'ask'; keys: string[] } | { type: 'none' };

export interface Graded {
  case: EvalCase;
  outcome: Outcome;
  grade: Grade;
  /** The top of the ranking with scores, to read why. */
  ranked: string[];
}

const user = { platform: 'terminal' as const, userId: 'eval', chatId: 'chat-eval' };
const IMAGE_BASE = 'https://image.tmdb.org/t/p/w342';
/** adapters/catalog/musicbrainz/musicbrainz-catalog.ts MIN_SCORE: looser rows are dropped. */
const MB_MIN_SCORE = 60;

function tmdbHits(rows: readonly TmdbRow[], hint: KindHint | undefined): CatalogHit[] {
  // A typed kind goes to search/movie or search/tv (adapters/catalog/tmdb/tmdb-catalog.ts).
  const endpoint = hint === 'movie' ? 'movie' : hint === 'series' ? 'series' : undefined;
  if (hint && !endpoint) return [];
  const hits: CatalogHit[] = [];
  for (const raw of rows) {
    const row = searchRow.parse(raw);
    const kind = rowKind(row);
    if (!kind || (endpoint && kind !== endpoint)) continue;
    const hit = toHit(row, kind, IMAGE_BASE);
    if (hit) hits.push(hit);
  }
  return hits;
}

function mbHits(c: EvalCase, hint: KindHint | undefined): CatalogHit[] {
  if (hint === 'movie' || hint === 'series') return [];
  const mb = c.catalogs.musicbrainz ?? {};
  if (hint === 'artist')
    return (mb.artists ?? [])
      .map((a) => artistRow.parse(a))
      .filter((a) => a.score >= MB_MIN_SCORE)
      .map(artistToHit);
  const groups = (mb.releaseGroups ?? [])
    .map((g) => releaseGroupRow.parse(g))
    .filter((g) => g.score >= MB_MIN_SCORE);
  if (hint === 'album') return groups.map(releaseGroupToHit);
  return [...creditedArtists(groups), ...groups.map(releaseGroupToHit)];
}

/** Keys a chosen candidate answers to: its own, and the TMDb one it had before ids were resolved. */
function keysOf(c: Pick<Candidate, 'key' | 'kind' | 'ids'>): string[] {
  const keys = new Set([c.key]);
  if (c.ids.tmdb !== undefined) keys.add(`${c.kind}:tmdb:${c.ids.tmdb}`);
  return [...keys];
}

export async function runCase(c: EvalCase): Promise<Graded> {
  const clock = new FakeClock();
  const parsed = parseCommand(c.query, { thisYear: clock.now().getUTCFullYear() });
  if (!parsed.ok || parsed.command.type !== 'add') throw new Error(`not an add: ${c.query}`);
  const { title, hint } = parsed.command;
  const resolveIds: Record<string, ExternalIds> = {};
  for (const row of c.catalogs.tmdb ?? [])
    if (row.media_type === 'tv' && row.tvdb_id !== undefined)
      resolveIds[`series:tmdb:${row.id}`] = { tvdb: row.tvdb_id };
  const requests = new MemoryRequestStore();
  const choices = new MemoryChoiceStore();
  const core = createCore({
    catalogs: [
      new FakeCatalog({
        name: 'tmdb',
        kinds: ['movie', 'series'],
        hits: { [title]: tmdbHits(c.catalogs.tmdb ?? [], hint) },
        resolveIds,
      }),
      new FakeCatalog({
        name: 'musicbrainz',
        kinds: ['artist', 'album'],
        hits: { [title]: mbHits(c, hint) },
      }),
    ],
    backends: [
      new FakeBackend({ name: 'radarr', label: 'Radarr', kinds: ['movie'] }),
      new FakeBackend({ name: 'sonarr', label: 'Sonarr', kinds: ['series'] }),
      new FakeBackend({ name: 'lidarr', label: 'Lidarr', kinds: ['artist', 'album'] }),
    ],
    requests,
    choices,
    notifier: new RecordingNotifier(),
    clock,
    logger: new CaptureLogger(),
    settings: defaultSettings(),
  });
  const reply = await core.handle({ user, text: c.query });
  const r = reply.requestId ? await requests.get(reply.requestId) : undefined;
  if (!r) throw new Error(`no request for "${c.query}": ${reply.text}`);
  let outcome: Outcome;
  if (r.chosen) outcome = { type: 'add', key: keysOf(r.chosen)[0] as string };
  else if (r.status === 'needs_choice' && reply.choices) {
    const stored = await choices.get(reply.choices.token);
    const keys = stored?.values ?? [];
    outcome = {
      type: 'ask',
      keys: keys.flatMap((k) => {
        const x = r.candidates.find((y) => y.key === k);
        return x ? keysOf(x) : [k];
      }),
    };
  } else if (r.status === 'failed' && reply.code === 'media.notFound') outcome = { type: 'none' };
  else throw new Error(`"${c.query}" ended ${r.status} (${reply.code}): ${reply.text}`);
  const chosenKeys = r.chosen ? keysOf(r.chosen) : [];
  const ranked = r.candidates.map((x) => `${x.key} ${x.title} (${x.year ?? '?'}) ${x.score}`);
  return { case: c, outcome, grade: grade(c, outcome, chosenKeys), ranked };
}

function grade(c: EvalCase, o: Outcome, chosenKeys: string[]): Grade {
  const e = c.expect;
  if ('none' in e) return o.type === 'none' ? 'right none' : o.type === 'ask' ? 'needless ask' : 'wrong add';
  const want = 'add' in e ? e.add : e.ask;
  if (o.type === 'add')
    return chosenKeys.includes(want) ? ('add' in e ? 'right add' : 'unasked add') : 'wrong add';
  if (o.type === 'none') return 'missed answer';
  if (!o.keys.includes(want)) return 'wrong ask';
  return 'add' in e ? 'needless ask' : 'right ask';
}
