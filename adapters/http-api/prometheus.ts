/**
 * /metrics in the Prometheus text exposition format (version 0.0.4): `# HELP`, `# TYPE`, then
 * samples `name{label="value"} number`. Only what the bot really measures is a number; the two
 * series for work that does not exist yet say so in their HELP and stay 0.
 */
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

export const CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

const escapeLabel = (v: string) => v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');

interface Family {
  name: string;
  help: string;
  type: 'counter' | 'gauge';
  samples: { labels?: Record<string, string>; value: number }[];
}

function render(f: Family): string {
  const lines = [`# HELP ${f.name} ${f.help}`, `# TYPE ${f.name} ${f.type}`];
  for (const s of f.samples) {
    const labels = Object.entries(s.labels ?? {})
      .map(([k, v]) => `${k}="${escapeLabel(v)}"`)
      .join(',');
    lines.push(`${f.name}${labels ? `{${labels}}` : ''} ${s.value}`);
  }
  return lines.join('\n');
}

export function renderMetrics(m: MetricsSnapshot): string {
  const families: Family[] = [
    {
      name: 'reelbot_requests',
      help: 'Stored media requests by status.',
      type: 'gauge',
      samples: ALL_STATUSES.map((status) => ({ labels: { status }, value: m.requestsByStatus[status] ?? 0 })),
    },
    {
      name: 'reelbot_upstream_errors_total',
      help: 'Upstream failures the core caught (catalog left out, failed send, id lookup, status check), by service, since start.',
      type: 'counter',
      samples: [...m.upstreamErrors]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([service, value]) => ({ labels: { service }, value })),
    },
    {
      name: 'reelbot_job_queue_length',
      help: 'Vocabulary translation jobs queued or running.',
      type: 'gauge',
      samples: [{ value: m.jobQueueLength }],
    },
    {
      name: 'reelbot_translation_characters_total',
      help: 'Characters billed by translation services, summed over stored jobs.',
      type: 'counter',
      samples: [{ value: m.translationCharacters }],
    },
    {
      name: 'reelbot_last_process_run_timestamp_seconds',
      help: 'When the retry/availability job last finished, in Unix seconds; 0 before the first run.',
      type: 'gauge',
      samples: [{ value: m.lastProcessRun }],
    },
    {
      name: 'reelbot_chat_connected',
      help: '1 while the chat adapter for the platform is started, else 0.',
      type: 'gauge',
      samples: m.chats.map((c) => ({ labels: { platform: c.platform }, value: c.connected ? 1 : 0 })),
    },
  ];
  return `${families.map(render).join('\n')}\n`;
}
