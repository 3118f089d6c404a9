/**
 * A classification → the request's next state and the words for the person: add it, ask which
 * one, say nothing was found, or keep it for later when no source answered.
 */
import { say, textReply } from '../messages.js';
import { userKey, type Classification, type Reply } from '../types.js';
import { choiceLabels, sourcesNote } from './labels.js';
import type { Acting, MediaDeps } from './media-deps.js';
import { proceed, type ProceedDeps } from './proceed.js';
import { nextAttemptAt, transition } from './request-lifecycle.js';
import { displayTitle } from './send-request.js';

export const PICK = 'media.pick';
const KEPT_CANDIDATES = 5;

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
  const r = await requests.update(id, (x) => {
    x.sources = c.sources;
    x.candidates = top;
    transition(x, 'classified', actor, clock.now(), preferred ? 'chosen by key' : d.type, {
      ms: c.ms,
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
  if (d.type === 'none') {
    const closest = d.closest.length
      ? say('media.closest', { titles: d.closest.map(displayTitle).join(', ') })
      : '';
    const reply = textReply(
      'media.notFound',
      { title: r.query.title, closest, sourcesNote: note },
      { requestId: id },
    );
    reply.text += coverageNote(deps);
    await requests.update(id, (x) => {
      x.reason = reply.text;
      transition(x, 'failed', actor, clock.now(), 'not found');
    });
    return reply;
  }
  if (d.type === 'ask') {
    const token = await deps.choices.offer(
      acting.chooser,
      PICK,
      d.candidates.map((x) => x.key),
      id,
    );
    await requests.update(id, (x) =>
      transition(x, 'needs_choice', actor, clock.now(), 'asked', {
        token,
        chooser: userKey(acting.chooser),
      }),
    );
    return {
      code: 'media.pick',
      text: say('media.pick', { sourcesNote: note }),
      choices: {
        token,
        options: choiceLabels(d.candidates).map((label, i) => ({
          label,
          kind: d.candidates[i]?.kind ?? 'movie',
        })),
        noneLabel: say('choice.noneLabel'),
      },
      requestId: id,
    };
  }
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
  return note
    ? { ...reply, text: `${reply.text}\n${say('media.sourcesAside', { note: note.replace(/^ — /, '') })}` }
    : reply;
}

/** When no configured source can find movies or shows, say what to set (a fresh install). */
function coverageNote(deps: Pick<MediaDeps, 'catalogs'>): string {
  const video = deps.catalogs.some((c) => c.kinds.includes('movie') || c.kinds.includes('series'));
  return video ? '' : `\n${say('media.noVideoSources')}`;
}
