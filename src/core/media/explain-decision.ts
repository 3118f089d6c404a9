/**
 * "why <id>": the decision on a request, from what was stored when it was made — the top
 * candidate's score factor by factor (value × weight), the runner-up and the margin, and what was
 * done with them against AUTO_MIN_SCORE and AUTO_MIN_MARGIN. A person may ask about their own
 * requests; an admin about any.
 */
import { z } from 'zod';
import { say, textReply } from '../messages.js';
import type { RequestStore } from '../ports.js';
import {
  userKey,
  type AuditEvent,
  type MediaRequest,
  type Reply,
  type ScoreBreakdown,
  type UserRef,
} from '../types.js';
import type { DecisionPolicy } from './classify.js';
import { WEIGHTS } from './score.js';
import { choiceLabel } from './labels.js';
import { displayTitle } from './send-request.js';

export interface ExplainDeps {
  requests: RequestStore;
  policy: DecisionPolicy;
}

const factor = z.number().min(0).max(1);
/** The classified event's `scores`, as decide.ts stores them; read back from storage, so checked. */
const storedScores = z.array(
  z.object({
    key: z.string(),
    title: z.string(),
    score: z.number(),
    factors: z.object({
      title: factor,
      popularity: factor,
      year: factor,
      completeness: factor,
      recency: factor,
      kind: factor,
    }),
  }),
);
type StoredScore = z.infer<typeof storedScores>[number];

const fixed = (n: number, digits = 3) => n.toFixed(digits);

export async function explainDecision(
  user: UserRef,
  id: string,
  byAdmin: boolean,
  deps: ExplainDeps,
): Promise<Reply> {
  const r = await deps.requests.get(id);
  if (!r) return textReply('why.notFound', { id });
  if (!byAdmin && userKey(r.user) !== userKey(user))
    return textReply('why.notYours', { id }, { private: true });
  const decided = lastClassified(r.audit);
  if (!decided) return textReply('why.notDecided', { id, title: r.query.title }, { requestId: id });
  const parsed = storedScores.safeParse(decided.detail?.scores);
  const scores = parsed.success ? parsed.data : [];
  const [top, second] = scores;
  const margin = top ? top.score - (second?.score ?? 0) : 0;
  const rule = typeof decided.detail?.rule === 'string' ? decided.detail.rule : undefined;
  const decision = decisionWords(r, { note: decided.note, rule }, top, margin, deps.policy);
  if (!top) return textReply('why.noScores', { id, title: r.query.title, decision }, { requestId: id });
  return textReply(
    'why.report',
    {
      id,
      title: r.query.title,
      decision,
      top: candidateLines(top, nameOf(r, top)),
      runnerUp: second
        ? say('why.runnerUp', { title: nameOf(r, second), score: fixed(second.score), margin: fixed(margin) })
        : say('why.noRunnerUp'),
      rule: say('why.rule', {
        minScore: deps.policy.autoMinScore,
        minMargin: deps.policy.autoMinMargin,
      }),
    },
    { requestId: id },
  );
}

/** The latest decision: a retry or a reclassification classifies again. */
function lastClassified(audit: readonly AuditEvent[]): AuditEvent | undefined {
  return audit.findLast((e) => e.to === 'classified');
}

/** "Blade Runner — Vangelis (1994) · album" while the candidate is kept; the stored title otherwise. */
function nameOf(r: MediaRequest, s: StoredScore): string {
  const kept = r.candidates.find((c) => c.key === s.key);
  return kept ? choiceLabel(kept) : s.title;
}

function candidateLines(c: StoredScore, name: string): string {
  const lines = (Object.keys(WEIGHTS) as (keyof ScoreBreakdown)[]).map((k) =>
    say('why.factor', {
      factor: k,
      value: fixed(c.factors[k], 2),
      weight: fixed(WEIGHTS[k], 2),
      points: fixed(c.factors[k] * WEIGHTS[k]),
    }),
  );
  return [say('why.candidate', { title: name, score: fixed(c.score) }), ...lines].join('\n');
}

/**
 * What was done, in the words of the rule it followed: the note is decide.ts's `d.type`, the
 * rule decision-rules.ts's (absent on requests decided before rules were recorded).
 */
function decisionWords(
  r: MediaRequest,
  { note, rule }: { note: string | undefined; rule: string | undefined },
  top: StoredScore | undefined,
  margin: number,
  policy: DecisionPolicy,
): string {
  const values = {
    score: fixed(top?.score ?? 0),
    margin: fixed(margin),
    minScore: policy.autoMinScore,
    minMargin: policy.autoMinMargin,
    offerMin: policy.offerMinScore,
    year: r.query.year ?? '',
  };
  const picked = r.chosen ? say('why.picked', { title: displayTitle(r.chosen) }) : '';
  switch (note) {
    case 'auto':
      return say(
        rule === 'typed year' ? 'why.autoYear' : rule === 'exact title' ? 'why.autoExact' : 'why.auto',
        values,
      );
    case 'ask': {
      const low = (top?.score ?? 0) < policy.autoMinScore;
      const why = rule === 'two known' ? 'why.askTwoKnown' : low ? 'why.askScore' : 'why.askMargin';
      return say(why, values) + picked;
    }
    case 'none': {
      const offered = r.audit.some((e) => e.to === 'needs_choice' && e.note === 'did you mean');
      return say('why.none', values) + (offered ? say('why.noneOffered') : '') + picked;
    }
    case 'unavailable':
      return say('why.unavailable');
    default:
      return say('why.byKey') + picked;
  }
}
