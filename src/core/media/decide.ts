/**
 * A classification → the request's next state and the words for the person: add it, ask which
 * one, offer the near misses ("Did you mean …?") or say nothing was found, or keep it for later
 * when no source answered. An add under another title than the one typed says so first
 * ("El laberinto del fauno → Pan's Labyrinth (2006)"), so the person sees what it was read as.
 */
import { say, textReply } from '../messages.js';
import { userKey, type Candidate, type Classification, type Reply } from '../types.js';
import { choiceLabels, sourcesNote } from './labels.js';
import type { Acting, MediaDeps } from './media-deps.js';
import { proceed, type ProceedDeps } from './proceed.js';
import { nextAttemptAt, transition } from './request-lifecycle.js';
import { displayTitle } from './send-request.js';
import { spellingOf } from './title-match.js';

export const PICK = 'media.pick';
const KEPT_CANDIDATES = 5;
/**
 * Below this title similarity a "closest" candidate is no near miss ("Interstellar" for
 * "Inception" is 0.1); a long full title of what was typed stays above it ("Dr Strangelove" vs
 * "Dr. Strangelove or: How I Learned to Stop Worrying and Love the Bomb" is 0.37).
 */
const NEAR_MISS_TITLE = 0.3;

export type DecideDeps = ProceedDeps & Pick<MediaDeps, 'choices'>;

export async function decide(
  id: string,
  c: Classification,
  acting: Acting,
  deps: DecideDeps,
  preferKey?: string,
): Promise<Reply> {
  const { requests, clock } = deps;
  const { actor } = acting;
  const preferred = preferKey ? c.ranked.find((x) => x.key === preferKey) : undefined;
  const d = preferred ? { type: 'auto' as const, candidate: preferred } : c.decision;
  const top = c.ranked.slice(0, KEPT_CANDIDATES);
  const near = d.type === 'none' ? d.closest.filter((x) => x.factors.title >= NEAR_MISS_TITLE) : [];
  const r = await requests.update(id, (x) => {
    x.sources = c.sources;
    // The near misses may rank below the top five; a click on one must find it by key.
    x.candidates = [...top, ...near.filter((n) => !top.some((t) => t.key === n.key))];
    transition(x, 'classified', actor, clock.now(), preferred ? 'chosen by key' : d.type, {
      ms: c.ms,
      ...(c.decision.type === 'auto' && !preferred && { rule: c.decision.rule }),
      ...(c.decision.type === 'ask' && c.decision.twoKnown && { rule: 'two known' }),
      scores: top.map((t) => ({ key: t.key, title: displayTitle(t), score: t.score, factors: t.factors })),
    });
  });
  const note = sourcesNote(c.sources);

  if (d.type === 'unavailable') {
    const attempts = r.attempts + 1;
    const down = c.sources.map((s) => s.source).join(', ');
    if (attempts >= deps.maxAttempts) {
      const reply = textReply('media.gaveUp', {
        title: r.query.title,
        attempts,
        why: say('media.noSourceAnswered', { sources: down }),
      });
      await requests.update(id, (x) => {
        x.attempts = attempts;
        x.reason = reply.text;
        transition(x, 'failed', actor, clock.now(), 'catalogs unavailable');
      });
      return { ...reply, requestId: id };
    }
    const reply = textReply(
      'media.catalogsDown',
      { sources: say('media.didNotAnswer', { sources: down }), id },
      { requestId: id },
    );
    reply.text += coverageNote(deps);
    await requests.update(id, (x) => {
      x.attempts = attempts;
      x.nextAttemptAt = nextAttemptAt(clock.now(), attempts);
      x.reason = reply.text;
      transition(x, 'failed_retryable', actor, clock.now(), 'catalogs unavailable');
    });
    return reply;
  }
  if (d.type === 'none' && near.length > 0) {
    const values = { title: r.query.title, sourcesNote: note };
    return offer(id, near, 'media.didYouMean', values, 'did you mean', acting, deps);
  }
  if (d.type === 'none') {
    const reply = textReply('media.notFound', { title: r.query.title, sourcesNote: note }, { requestId: id });
    reply.text += coverageNote(deps);
    await requests.update(id, (x) => {
      x.reason = reply.text;
      transition(x, 'failed', actor, clock.now(), 'not found');
    });
    return reply;
  }
  if (d.type === 'ask')
    return offer(id, d.candidates, 'media.pick', { sourcesNote: note }, 'asked', acting, deps);
  const chosen = d.candidate;
  const second = c.ranked[1];
  const reply = await proceed(
    id,
    chosen,
    acting,
    preferred ? 'chosen by key' : 'decided without asking',
    { score: chosen.score, margin: Math.round((chosen.score - (second?.score ?? 0)) * 1000) / 1000 },
    deps,
  );
  const typed = r.query.title;
  // Case and accents are no other title: "amelie" added as Amélie needs no line.
  const readAs =
    !preferred && spellingOf(typed, chosen.title) !== 'literal'
      ? `${say('media.readAs', { typed, title: displayTitle(chosen) })}\n`
      : '';
  const aside = note ? `\n${say('media.sourcesAside', { note: note.replace(/^ — /, '') })}` : '';
  return { ...reply, text: `${readAs}${reply.text}${aside}` };
}

/** Buttons for `candidates` (and "None of these"); the click is handled by choice-handlers.ts `pick`. */
async function offer(
  id: string,
  candidates: Candidate[],
  code: 'media.pick' | 'media.didYouMean',
  values: Record<string, string>,
  why: string,
  acting: Acting,
  deps: DecideDeps,
): Promise<Reply> {
  const token = await deps.choices.offer(
    acting.chooser,
    PICK,
    candidates.map((x) => x.key),
    id,
  );
  await deps.requests.update(id, (x) =>
    transition(x, 'needs_choice', acting.actor, deps.clock.now(), why, {
      token,
      chooser: userKey(acting.chooser),
    }),
  );
  return {
    code,
    text: say(code, values),
    choices: {
      token,
      options: choiceLabels(candidates).map((label, i) => ({
        label,
        kind: candidates[i]?.kind ?? 'movie',
      })),
      noneLabel: say('choice.noneLabel'),
    },
    requestId: id,
  };
}

/** When no configured source can find movies or shows, say what to set (a fresh install). */
function coverageNote(deps: Pick<MediaDeps, 'catalogs'>): string {
  const video = deps.catalogs.some((c) => c.kinds.includes('movie') || c.kinds.includes('series'));
  return video ? '' : `\n${say('media.noVideoSources')}`;
}
