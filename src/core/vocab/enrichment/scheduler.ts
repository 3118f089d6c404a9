/**
 * When jobs run: a queue of job keys with at most `concurrency` running at once, and one registry
 * of everything timed (a paused job's wake-up, a request's deadline) on the injected Timers port.
 * `stop` empties the queue, cancels everything timed and aborts the running jobs' requests.
 */
import type { Logger, Timers } from '../../ports.js';

export interface JobSchedulerDeps {
  timers: Timers;
  logger: Logger;
  /** Jobs running at once (at least 1). */
  concurrency: number;
  /** Runs one job until it is ready, failed, paused or stopped. */
  run(key: string): Promise<void>;
}

export class JobScheduler {
  private readonly waiting: string[] = [];
  private readonly running = new Map<string, Promise<void>>();
  private readonly timed = new Map<string, () => void>();
  private readonly stopper = new AbortController();
  private deadlines = 0;

  constructor(private readonly deps: JobSchedulerDeps) {}

  /** Aborted by `stop`: a running job ends after its current request. */
  get stopping(): AbortSignal {
    return this.stopper.signal;
  }

  /** Run the job when a place is free; a key already waiting or running is not added twice. */
  enqueue(key: string): void {
    if (this.stopping.aborted || this.running.has(key) || this.waiting.includes(key)) return;
    this.waiting.push(key);
    this.pump();
  }

  /** The job runs here now (or tries its lock), or waits its turn here. */
  has(key: string): boolean {
    return this.running.has(key) || this.waiting.includes(key);
  }

  /** Call `fire` once, `ms` from now, under `name`; the same name again replaces it. */
  later(name: string, ms: number, fire: () => void): void {
    if (this.stopping.aborted) return;
    this.cancel(name);
    const cancel = this.deps.timers.after(Math.max(0, ms), () => {
      this.timed.delete(name);
      fire();
    });
    this.timed.set(name, cancel);
  }

  cancel(name: string): void {
    this.timed.get(name)?.();
    this.timed.delete(name);
  }

  /**
   * `work` with a signal that aborts after `ms` with a TimeoutError, as AbortSignal.timeout does
   * (the HTTP client reports it as `timeout`); the timer goes when the work ends.
   */
  async withDeadline<T>(ms: number, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const name = `deadline:${++this.deadlines}`;
    const deadline = new AbortController();
    this.later(name, ms, () => deadline.abort(new DOMException('The operation timed out.', 'TimeoutError')));
    try {
      return await work(deadline.signal);
    } finally {
      this.cancel(name);
    }
  }

  /** Resolves when no job is running or waiting. */
  async idle(): Promise<void> {
    while (this.running.size > 0 || this.waiting.length > 0) {
      await Promise.all([...this.running.values()]);
      await Promise.resolve();
    }
  }

  /** Take no more work and cancel everything timed; resolves when the running jobs have ended. */
  async stop(): Promise<void> {
    this.stopper.abort();
    this.waiting.length = 0;
    for (const cancel of this.timed.values()) cancel();
    this.timed.clear();
    await Promise.all([...this.running.values()]);
  }

  private pump(): void {
    while (this.running.size < Math.max(1, this.deps.concurrency)) {
      const key = this.waiting.shift();
      if (key === undefined) return;
      const p = this.deps
        .run(key)
        .catch((e: unknown) => this.deps.logger.error({ err: e, job: key }, 'enrichment: job crashed'))
        .finally(() => {
          this.running.delete(key);
          this.pump();
        });
      this.running.set(key, p);
    }
  }
}
