/**
 * What PROCESS_CRON runs: the media requests' cron body (media/process-pending.ts) and the purge
 * of expired buttons. Never two runs at once: a tick that finds one going is skipped.
 */
import type { Metrics } from './admin/metrics.js';
import type { ProcessReport } from './core.js';
import type { MediaRequests } from './media/media-requests.js';
import type { ChoiceStore, Clock, Logger } from './ports.js';
import type { WorkInFlight } from './work-in-flight.js';

export interface CronRunDeps {
  media: MediaRequests;
  choices: ChoiceStore;
  clock: Clock;
  logger: Logger;
  metrics: Metrics;
  work: WorkInFlight;
}

const NOTHING = { retried: 0, sent: 0, failed: 0, available: 0 };

export class CronRun {
  private running = false;

  constructor(private readonly deps: CronRunDeps) {}

  async run(): Promise<ProcessReport> {
    if (this.running) return { ...NOTHING, skipped: true };
    this.running = true;
    const { media, choices, clock, logger, metrics } = this.deps;
    return this.deps.work.track(
      (async () => {
        try {
          const counts = await media.processDue();
          const purged = await choices.purgeExpired(clock.now());
          logger.info({ ...counts, purgedChoices: purged }, 'processed pending requests');
          const report = { ...counts, skipped: false };
          metrics.lastProcess = { at: clock.now().toISOString(), report };
          return report;
        } catch (err) {
          logger.error({ err }, 'processing pending requests failed');
          return { ...NOTHING, skipped: false };
        } finally {
          this.running = false;
        }
      })(),
    );
  }
}
