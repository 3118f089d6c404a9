/**
 * `report [--days N]`: what happened to the requests made in a window. Pure: it reads a list of
 * requests and the time, so the chat, the host script and the tests get the same numbers.
 *
 * - success: sent, available or already_present; failure: failed. The success rate is over
 *   requests that reached either (pending and cancelled ones have no outcome yet or never will).
 * - confidence: the chosen candidate's score (0..1); a decision is low-confidence when that score
 *   is below AUTO_MIN_SCORE, i.e. the bot would not have added it without asking.
 * - time to outcome: from creation to the first sent, already_present or failed event.
 */
import { displayTitle } from '../media/send-request.js';
import type { MediaRequest, RequestStatus } from '../types.js';

export interface ReportOptions {
  now: Date;
  /** 0 = every stored request. */
  days: number;
  /** AUTO_MIN_SCORE: below it a decision counts as low-confidence. */
  lowConfidenceBelow: number;
}

export interface LowConfidence {
  id: string;
  title: string;
  score: number;
}

export interface RequestReport {
  days: number;
  /** ISO start of the window; absent for days = 0. */
  since?: string;
  total: number;
  byStatus: Partial<Record<RequestStatus, number>>;
  /** Backend name (or `none` when the request never reached one) → status → count. */
  byService: Record<string, Partial<Record<RequestStatus, number>>>;
  succeeded: number;
  failed: number;
  /** succeeded / (succeeded + failed); null with neither. */
  successRate: number | null;
  /** Requests with a chosen candidate. */
  decisions: number;
  averageConfidence: number | null;
  lowConfidence: LowConfidence[];
  medianMsToOutcome: number | null;
}

const SUCCESS: readonly RequestStatus[] = ['sent', 'available', 'already_present'];
const OUTCOME: readonly RequestStatus[] = ['sent', 'already_present', 'failed'];

function bump<K extends string>(into: Partial<Record<K, number>>, key: K): void {
  into[key] = (into[key] ?? 0) + 1;
}

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

export function buildReport(requests: readonly MediaRequest[], opts: ReportOptions): RequestReport {
  const since = opts.days > 0 ? opts.now.getTime() - opts.days * 24 * 3600_000 : undefined;
  const inWindow = requests.filter((r) => since === undefined || Date.parse(r.createdAt) >= since);
  const report: RequestReport = {
    days: opts.days,
    total: inWindow.length,
    byStatus: {},
    byService: {},
    succeeded: 0,
    failed: 0,
    successRate: null,
    decisions: 0,
    averageConfidence: null,
    lowConfidence: [],
    medianMsToOutcome: null,
  };
  if (since !== undefined) report.since = new Date(since).toISOString();
  let confidenceSum = 0;
  const toOutcome: number[] = [];
  for (const r of inWindow) {
    bump(report.byStatus, r.status);
    bump((report.byService[r.backend ?? 'none'] ??= {}), r.status);
    if (SUCCESS.includes(r.status)) report.succeeded += 1;
    if (r.status === 'failed') report.failed += 1;
    if (r.chosen) {
      report.decisions += 1;
      confidenceSum += r.chosen.score;
      if (r.chosen.score < opts.lowConfidenceBelow)
        report.lowConfidence.push({ id: r.id, title: displayTitle(r.chosen), score: r.chosen.score });
    }
    const outcome = r.audit.find((e) => OUTCOME.includes(e.to) && e.from !== e.to);
    if (outcome) toOutcome.push(Date.parse(outcome.at) - Date.parse(r.createdAt));
  }
  const finished = report.succeeded + report.failed;
  if (finished > 0) report.successRate = report.succeeded / finished;
  if (report.decisions > 0) report.averageConfidence = confidenceSum / report.decisions;
  report.lowConfidence.sort((a, b) => a.score - b.score);
  report.medianMsToOutcome = median(toOutcome);
  return report;
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms < 3600_000) return `${Math.round(ms / 60_000)} min`;
  if (ms < 48 * 3600_000) return `${(ms / 3600_000).toFixed(1)} h`;
  return `${Math.round(ms / 86_400_000)} days`;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;
const counts = (c: Partial<Record<RequestStatus, number>>) =>
  Object.entries(c)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([status, n]) => `${n} ${status}`)
    .join(', ');

const SHOWN_LOW = 5;

export function formatReport(r: RequestReport): string {
  const window = r.days > 0 ? `the last ${r.days} day${r.days === 1 ? '' : 's'}` : 'all time';
  if (r.total === 0) return `No requests in ${window}.`;
  const lines = [`Requests in ${window}: ${r.total} (${counts(r.byStatus)})`, 'By service:'];
  for (const [service, c] of Object.entries(r.byService).sort(([a], [b]) => a.localeCompare(b)))
    lines.push(`  ${service}: ${counts(c)}`);
  const finished = r.succeeded + r.failed;
  lines.push(
    r.successRate === null
      ? 'Success rate: no request has finished yet'
      : `Success rate: ${pct(r.successRate)} (${r.succeeded} of ${finished} finished)`,
  );
  if (r.averageConfidence === null) lines.push('Confidence: no decisions yet');
  else {
    lines.push(
      `Confidence: average ${r.averageConfidence.toFixed(2)} over ${r.decisions} decision(s); ${r.lowConfidence.length} low-confidence`,
    );
    for (const l of r.lowConfidence.slice(0, SHOWN_LOW))
      lines.push(`  • ${l.id} ${l.title} (${l.score.toFixed(2)})`);
    if (r.lowConfidence.length > SHOWN_LOW) lines.push(`  … and ${r.lowConfidence.length - SHOWN_LOW} more`);
  }
  lines.push(
    r.medianMsToOutcome === null
      ? 'Median time to outcome: no outcomes yet'
      : `Median time to outcome: ${formatDuration(r.medianMsToOutcome)}`,
  );
  return lines.join('\n');
}
