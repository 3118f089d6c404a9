/**
 * The retry cron: node-cron runs `job` on PROCESS_CRON (and once at start), never overlapping.
 * The job itself (core.processPending) also refuses to overlap, so a manual "process" from an
 * admin and the cron cannot run together either.
 */
import cron from 'node-cron';
import type { Logger } from '../../src/core/ports.js';

export interface CronHandle {
  stop(): void;
}

export function isValidCron(expression: string): boolean {
  return cron.validate(expression);
}

export function startCron(expression: string, job: () => Promise<unknown>, logger: Logger): CronHandle {
  const run = async () => {
    try {
      await job();
    } catch (err) {
      logger.error({ err }, 'scheduled run failed');
    }
  };
  const task = cron.schedule(expression, run, { name: 'process-pending', noOverlap: true });
  void run();
  return { stop: () => void task.stop() };
}
