/**
 * Runs one labelled case through the real core (createCore on the in-memory ports) and grades
 * what it did against the label. The catalogs answer with the case's rows as the adapters map
 * them (catalog-rows.ts). The stories in test/core/media use `runQuery` the same way.
 */
import { parseCommand } from '../../src/core/commands/parse.js';
import { createCore } from '../../src/core/create-core.js';
import type { Candidate, ExternalIds, Reply } from '../../src/core/types.js';
import { defaultSettings } from '../core/fakes/fake-core.js';
import { FakeBackend } from '../core/fakes/backend.js';
import { FakeCatalog } from '../core/fakes/catalog.js';
import { MemoryChoiceStore } from '../core/fakes/choice-store.js';
import { FakeClock } from '../core/fakes/clock.js';
import { RecordingNotifier } from '../core/fakes/notifier.js';
import { MemoryRequestStore } from '../core/fakes/request-store.js';
import { CaptureLogger } from '../helpers/capture-logger.js';
import type { EvalCase } from './case.js';
import { mbHits, tmdbHits } from './catalog-rows.js';

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

/** `none` may offer near misses ("I found nothing called …. Did you mean …?"). */
export type Outcome =
  { type: 'add'; key: string } | { type: 'ask'; keys: string[] } | { type: 'none'; offered: string[] };

export interface Graded {
  case: EvalCase;
  outcome: Outcome;
  grade: Grade;
  /** The top of the ranking with scores, to read why. */
  ranked: string[];
}

const user = { platform: 'terminal' as const, userId: 'eval', chatId: 'chat-eval' };

/** Keys a chosen candidate answers to: its own, and the TMDb one it had before ids were resolved. */
function keysOf(c: Pick<Candidate, 'key' | 'kind' | 'ids'>): string[] {
  const keys = new Set([c.key]);
  if (c.ids.tmdb !== undefined) keys.add(`${c.kind}:tmdb:${c.ids.tmdb}`);
  return [...keys];
}

export interface Asked {
  reply: Reply;
  outcome: Outcome;
  /** The request's candidates, best first, with scores, to read why. */
  ranked: string[];
  /** Keys the chosen candidate answers to (empty when nothing was chosen). */
  chosenKeys: string[];
  radarr: FakeBackend;
  sonarr: FakeBackend;
  lidarr: FakeBackend;
  /** Say something more to the same core ("why <id>"). */
  say(text: string): Promise<Reply>;
}

/** `query` ("add …") through the real core, with the catalogs answering `catalogs`. */
export async function runQuery(query: string, catalogs: EvalCase['catalogs']): Promise<Asked> {
  const clock = new FakeClock();
  const parsed = parseCommand(query, { thisYear: clock.now().getUTCFullYear() });
  if (!parsed.ok || parsed.command.type !== 'add') throw new Error(`not an add: ${query}`);
  const { title, hint } = parsed.command;
  const resolveIds: Record<string, ExternalIds> = {};
  for (const row of catalogs.tmdb ?? [])
    if (row.media_type === 'tv' && row.tvdb_id !== undefined)
      resolveIds[`series:tmdb:${row.id}`] = { tvdb: row.tvdb_id };
  const requests = new MemoryRequestStore();
  const choices = new MemoryChoiceStore();
  const radarr = new FakeBackend({ name: 'radarr', label: 'Radarr', kinds: ['movie'] });
  const sonarr = new FakeBackend({ name: 'sonarr', label: 'Sonarr', kinds: ['series'] });
  const lidarr = new FakeBackend({ name: 'lidarr', label: 'Lidarr', kinds: ['artist', 'album'] });
  const core = createCore({
    catalogs: [
      new FakeCatalog({
        name: 'tmdb',
        kinds: ['movie', 'series'],
        hits: { [title]: tmdbHits(catalogs.tmdb ?? [], title, hint) },
        resolveIds,
      }),
      new FakeCatalog({
        name: 'musicbrainz',
        kinds: ['artist', 'album'],
        hits: { [title]: mbHits(catalogs, title, hint) },
      }),
    ],
    backends: [radarr, sonarr, lidarr],
    requests,
    choices,
    notifier: new RecordingNotifier(),
    clock,
    logger: new CaptureLogger(),
    settings: defaultSettings(),
  });
  const reply = await core.handle({ user, text: query });
  const r = reply.requestId ? await requests.get(reply.requestId) : undefined;
  if (!r) throw new Error(`no request for "${query}": ${reply.text}`);
  const offered = async (token: string) => {
    const stored = await choices.get(token);
    return (stored?.values ?? []).flatMap((k) => {
      const x = r.candidates.find((y) => y.key === k);
      return x ? keysOf(x) : [k];
    });
  };
  let outcome: Outcome;
  if (r.chosen) outcome = { type: 'add', key: keysOf(r.chosen)[0] as string };
  else if (r.status === 'needs_choice' && reply.choices && reply.code === 'media.didYouMean')
    outcome = { type: 'none', offered: await offered(reply.choices.token) };
  else if (r.status === 'needs_choice' && reply.choices)
    outcome = { type: 'ask', keys: await offered(reply.choices.token) };
  else if (r.status === 'failed' && reply.code === 'media.notFound') outcome = { type: 'none', offered: [] };
  else throw new Error(`"${query}" ended ${r.status} (${reply.code}): ${reply.text}`);
  const chosenKeys = r.chosen ? keysOf(r.chosen) : [];
  const ranked = r.candidates.map((x) => `${x.key} ${x.title} (${x.year ?? '?'}) ${x.score}`);
  const say = (text: string) => core.handle({ user, text });
  return { reply, outcome, ranked, chosenKeys, radarr, sonarr, lidarr, say };
}

export async function runCase(c: EvalCase): Promise<Graded> {
  const { outcome, chosenKeys, ranked } = await runQuery(c.query, c.catalogs);
  return { case: c, outcome, grade: grade(c, outcome, chosenKeys), ranked };
}

/**
 * "I found nothing called …. Did you mean …?" says nothing was found: right for a title no
 * catalog has; for one the label names, a question if the label's work is among the buttons
 * (one click away), a missed answer if not.
 */
function grade(c: EvalCase, o: Outcome, chosenKeys: string[]): Grade {
  const e = c.expect;
  if ('none' in e) return o.type === 'none' ? 'right none' : o.type === 'ask' ? 'needless ask' : 'wrong add';
  const want = 'add' in e ? e.add : e.ask;
  if (o.type === 'add')
    return chosenKeys.includes(want) ? ('add' in e ? 'right add' : 'unasked add') : 'wrong add';
  const keys = o.type === 'ask' ? o.keys : o.offered;
  if (!keys.includes(want)) return o.type === 'none' ? 'missed answer' : 'wrong ask';
  return 'add' in e ? 'needless ask' : 'right ask';
}
