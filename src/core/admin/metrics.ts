/**
 * Counters the core keeps for /metrics and /healthz: upstream errors by service (counted where
 * the core catches an UpstreamError: a catalog left out of a classification, a failed send, id
 * lookup or status check) and the last run of the cron body. Requests by status are not counted
 * here: they are read from the store when asked, so they survive restarts and never drift.
 */
import type { ProcessReport } from '../core.js';

/** What the classify and send steps need: one call per upstream failure. */
export interface ErrorCounter {
  upstreamError(service: string): void;
}

export interface LastProcessRun {
  /** ISO time the run finished. */
  at: string;
  report: ProcessReport;
}

export class Metrics implements ErrorCounter {
  private readonly errors = new Map<string, number>();
  lastProcess: LastProcessRun | undefined;

  upstreamError(service: string): void {
    this.errors.set(service, (this.errors.get(service) ?? 0) + 1);
  }

  /** Service → errors since the process started. */
  upstreamErrors(): ReadonlyMap<string, number> {
    return this.errors;
  }
}
