/**
 * What PROCESS_CRON runs: the media requests' cron body (media/process-pending.ts) and the purge
 * of expired buttons. Never two runs at once, in this process or, with instances sharing a
 * database, in the cluster: a tick that finds one going is skipped.
 */
import type { Metrics } from './admin/metrics.js';
import type { ProcessReport } from './core.js';
import type { MediaRequests } from './media/media-requests.js';
import type { ChoiceStore, ClusterLocks, Clock, Logger } from './ports.js';
import type { WorkInFlight } from './work-in-flight.js';

export interface CronRunDeps {
  media: MediaRequests;
  choices: ChoiceStore;
  clock: Clock;
  logger: Logger;
  metrics: Metrics;
  work: WorkInFlight;
  cluster: ClusterLocks;
}

const NOTHING = { retried: 0, sent: 0, failed: 0, available: 0 };
/** The tick's name for ClusterLocks.tryRun. */
const TICK = 'process-pending';

export class CronRun {
  constructor(private readonly deps: CronRunDeps) {}

  async run(): Promise<ProcessReport> {
    const { logger, work, cluster } = this.deps;
    return work.track(
      (async () => {
        try {
          const run = await cluster.tryRun(TICK, () => this.body());
          if (run.ran) return run.value;
          logger.debug({ run: TICK }, 'another run is going, here or on another instance; tick skipped');
          return { ...NOTHING, skipped: true };
        } catch (err) {
          logger.error({ err }, 'processing pending requests failed');
          return { ...NOTHING, skipped: false };
        }
      })(),
    );
  }

  private async body(): Promise<ProcessReport> {
    const { media, choices, clock, logger, metrics } = this.deps;
    const counts = await media.processDue();
    const purged = await choices.purgeExpired(clock.now());
    logger.info({ ...counts, purgedChoices: purged }, 'processed pending requests');
    const report = { ...counts, skipped: false };
    metrics.lastProcess = { at: clock.now().toISOString(), report };
    return report;
  }
}
