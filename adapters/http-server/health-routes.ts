/** /healthz and /metrics, without a token, for monitoring. */
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Operations } from '../../src/core/core.js';
import type { RequestStatus } from '../../src/core/types.js';
import type { ChatStatus } from '../chat/chat-supervisor.js';
import { BotMetrics } from './metrics.js';

export interface HealthSources {
  ops: Operations;
  dataDir: string;
  /** Each chat's state (connected, retrying, failed). */
  chats: () => ChatStatus[];
  /** Translation jobs queued or running and characters billed; absent = 0. */
  enrichment?: () => Promise<{ waiting: number; characters: number }>;
}

async function storeWritable(dataDir: string): Promise<boolean> {
  try {
    await access(dataDir, constants.W_OK);
    await access(join(dataDir, 'requests.json'), constants.W_OK).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT') throw e;
    });
    return true;
  } catch {
    return false;
  }
}

export const healthRoutes: FastifyPluginAsyncZod<HealthSources> = async (app, src) => {
  const metrics = new BotMetrics();

  app.get('/healthz', async (_req, reply) => {
    const chats = src.chats().map((c) => ({ ...c, connected: c.state === 'connected' }));
    const writable = await storeWritable(src.dataDir);
    const last = src.ops.lastProcess();
    const ok = writable && chats.every((c) => c.connected);
    return reply.code(ok ? 200 : 503).send({
      status: ok ? 'ok' : 'degraded',
      chats,
      store: { writable },
      lastProcessRun: last ? { at: last.at, ...last.report } : null,
    });
  });

  app.get('/metrics', async (_req, reply) => {
    const byStatus: Partial<Record<RequestStatus, number>> = {};
    for (const r of await src.ops.list()) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
    const last = src.ops.lastProcess();
    const jobs = (await src.enrichment?.()) ?? { waiting: 0, characters: 0 };
    const text = await metrics.render({
      jobQueueLength: jobs.waiting,
      translationCharacters: jobs.characters,
      requestsByStatus: byStatus,
      upstreamErrors: src.ops.metrics.upstreamErrors(),
      lastProcessRun: last ? Math.floor(Date.parse(last.at) / 1000) : 0,
      chats: src.chats().map((c) => ({ platform: c.platform, connected: c.state === 'connected' })),
    });
    return reply.type(metrics.contentType).send(text);
  });
};
