/**
 * Two bots on one PostgreSQL, each running a different chat: the one whose cron does the work
 * does not run the asker's chat, and the other one tells them (adapters/chat/platform-notifier.ts,
 * adapters/store/pg/pg-message-relay.ts). Before the relay the message was dropped with a warning.
 * Skipped, with the reason, without PostgreSQL.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ChatAdapter } from '../../adapters/chat/chat-adapter.js';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import type { Core } from '../../src/core/core.js';
import type { Reply, UserRef } from '../../src/core/types.js';
import { CaptureLogger } from '../helpers/capture-logger.js';
import { startTestPostgres } from '../helpers/postgres.js';
import { startWorld } from '../helpers/world.js';

const postgres = await startTestPostgres();
if (postgres.why) console.log(`relay between two bots: skipped — ${postgres.why}`);
afterAll(() => postgres.pg?.stop());

/** A Discord chat as the app sees one: it records what it is asked to send. */
class RecordingDiscord implements ChatAdapter {
  readonly platform = 'discord' as const;
  readonly sent: { to: UserRef; reply: Reply }[] = [];
  async start(_core: Core): Promise<void> {}
  async stop(): Promise<void> {}
  async send(to: UserRef, reply: Reply): Promise<void> {
    this.sent.push({ to, reply });
  }
}

const dana: UserRef = { platform: 'discord', userId: '80351110224678912', chatId: '81384788765712384' };

describe.skipIf(postgres.why !== undefined)(
  'GIVEN a terminal-only bot and a Discord bot on one database',
  () => {
    it('WHEN the terminal bot’s cron adds a Discord person’s film THEN the Discord bot tells them, once', async () => {
      const logA = new CaptureLogger();
      const a = await startWorld({ env: { DATABASE_URL: await postgres.pg!.freshUrl() }, logger: logA });
      const { DATA_DIR: _own, ...shared } = a.env;
      const config = loadConfig({ ...shared, DATA_DIR: mkdtempSync(join(tmpdir(), 'reelbot-relay-')) });
      const discordApp = await createApp(config, { startCron: false, logger: new CaptureLogger() });
      const discord = new RecordingDiscord();
      discordApp.attach(discord);
      await discordApp.start();
      try {
        // Radarr adds the film but its answer is lost: the request waits for the cron.
        a.radarr!.fail({ kind: 'answer_lost', status: 502 }, 1);
        const first = await a.say('add Dune 2021', dana);
        expect(first.code).toBe('media.retrying');
        await a.app.requests.update(
          first.requestId ?? '',
          (r) => void (r.nextAttemptAt = new Date(0).toISOString()),
        );

        await a.app.core.processPending();
        // Sooner than the relay's 2 s safety-net drain: the notification woke the Discord bot.
        const t0 = Date.now();
        while (discord.sent.length === 0 && Date.now() - t0 < 1500)
          await new Promise((r) => setTimeout(r, 10));

        expect(discord.sent.map((m) => [m.to.userId, m.reply.code])).toEqual([[dana.userId, 'media.added']]);
        expect(a.chat.sent).toEqual([]);
        expect(logA.entries.filter((e) => e.msg?.includes('notification dropped'))).toEqual([]);
        await new Promise((r) => setTimeout(r, 300));
        expect(discord.sent).toHaveLength(1);
      } finally {
        await discordApp.stop();
        await a.close();
      }
    }, 60_000);
  },
);
