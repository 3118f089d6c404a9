/**
 * /metrics through prom-client: the bot's own series, set from a snapshot at each scrape, plus
 * prom-client's default process metrics (CPU, memory, event loop, GC, file descriptors).
 */
import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';
import { ALL_STATUSES } from '../../src/core/media/request-lifecycle.js';
import type { RequestStatus } from '../../src/core/types.js';

export interface MetricsSnapshot {
  requestsByStatus: Partial<Record<RequestStatus, number>>;
  upstreamErrors: ReadonlyMap<string, number>;
  /** Epoch seconds of the last finished retry run, or 0. */
  lastProcessRun: number;
  chats: { platform: string; connected: boolean }[];
  /** Vocabulary translation jobs queued or running. */
  jobQueueLength: number;
  /** Characters billed by translation services, summed over stored jobs. */
  translationCharacters: number;
}

let processRegistry: Registry | undefined;
/**
 * The process metrics describe the process, not one server: measured once however many servers a
 * process starts (tests start several), since each set keeps its own GC and event-loop observers.
 * prom-client counts CPU time from here on, so this runs when the first server is built, not at
 * its first scrape.
 */
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

/** One per server: the global registry would refuse a second server's metrics of the same name. */
export class BotMetrics {
  readonly contentType = Registry.PROMETHEUS_CONTENT_TYPE;
  private readonly process = processMetrics();
  private readonly registry = new Registry();
  private readonly requests = new Gauge({
    name: 'reelbot_requests',
    help: 'Stored media requests by status.',
    labelNames: ['status'],
    registers: [this.registry],
  });
  private readonly upstreamErrors = new Counter({
    name: 'reelbot_upstream_errors_total',
    help: 'Upstream failures the core caught (catalog left out, failed send, id lookup, status check), by service, since start.',
    labelNames: ['service'],
    registers: [this.registry],
  });
  private readonly jobQueue = new Gauge({
    name: 'reelbot_job_queue_length',
    help: 'Vocabulary translation jobs queued or running.',
    registers: [this.registry],
  });
  private readonly characters = new Counter({
    name: 'reelbot_translation_characters_total',
    help: 'Characters billed by translation services, summed over stored jobs.',
    registers: [this.registry],
  });
  private readonly lastProcessRun = new Gauge({
    name: 'reelbot_last_process_run_timestamp_seconds',
    help: 'When the retry/availability job last finished, in Unix seconds; 0 before the first run.',
    registers: [this.registry],
  });
  private readonly chats = new Gauge({
    name: 'reelbot_chat_connected',
    help: '1 while the chat adapter for the platform is started, else 0.',
    labelNames: ['platform'],
    registers: [this.registry],
  });

  /** The exposition text (format 0.0.4) with these values. */
  async render(m: MetricsSnapshot): Promise<string> {
    for (const status of ALL_STATUSES) this.requests.set({ status }, m.requestsByStatus[status] ?? 0);
    // The core keeps the running totals; a counter is set to them by starting from zero.
    this.upstreamErrors.reset();
    for (const [service, n] of [...m.upstreamErrors].sort(([a], [b]) => a.localeCompare(b)))
      this.upstreamErrors.inc({ service }, n);
    this.jobQueue.set(m.jobQueueLength);
    this.characters.reset();
    this.characters.inc(m.translationCharacters);
    this.lastProcessRun.set(m.lastProcessRun);
    this.chats.reset();
    for (const c of m.chats) this.chats.set({ platform: c.platform }, c.connected ? 1 : 0);
    return Registry.merge([this.registry, this.process]).metrics();
  }
}
