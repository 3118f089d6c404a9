/**
 * Stopping while answers are still being worked out: stop() waits at most its grace for them,
 * then removes their "Working on it…" messages — the request is on disk, and the cron (here after
 * a restart, or on another instance) answers it with a new message, so nothing claims work is
 * under way that no process does. An answer that comes in time replaces its status as usual.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { alice, bob, startFakeTelegram, type FakeTelegram } from '../../fakes/telegram.js';
import { adapterFor, CaptureLogger, ScriptedCore, sleep } from './harness.js';

let fake: FakeTelegram | undefined;
afterEach(async () => fake?.close());

describe('GIVEN a slow answer when the bot is stopped', () => {
  it('WHEN it does not come within the grace THEN its "Working on it…" message is removed and the stop is not held up', async () => {
    fake = await startFakeTelegram();
    const core = new ScriptedCore();
    core.onHandle = () => new Promise(() => undefined);
    const logger = new CaptureLogger();
    const adapter = adapterFor(fake, logger, { stopGraceMs: 300 });
    await adapter.start(core);
    const chat = fake.privateChat(alice);
    fake.userSays(alice, chat, 'add Inception');
    await fake.until(() => fake?.botMessages(chat.id).find((m) => m.text?.includes('Working')), 'the status');
    const t0 = Date.now();
    await adapter.stop();
    expect(Date.now() - t0).toBeLessThan(3000);
    expect(fake.botMessages(chat.id)).toEqual([]);
    expect(logger.entries.filter((e) => e.level === 'warn').map((e) => e.msg)).toContain(
      'stopped with handlers in flight; the cron takes up what they leave',
    );
  });

  it('WHEN it comes within the grace THEN the status becomes the answer', async () => {
    fake = await startFakeTelegram();
    const core = new ScriptedCore();
    core.onHandle = async () => {
      await sleep(500);
      return { code: 'media.added', text: 'Added Inception (2010).' };
    };
    const adapter = adapterFor(fake, new CaptureLogger(), { stopGraceMs: 5000 });
    await adapter.start(core);
    const chat = fake.privateChat(bob);
    fake.userSays(bob, chat, 'add Inception');
    await fake.until(() => fake?.botMessages(chat.id).find((m) => m.text?.includes('Working')), 'the status');
    await adapter.stop();
    expect(fake.botMessages(chat.id).map((m) => m.text)).toEqual(['Added Inception (2010).']);
  });
});
