/**
 * The adapter when things go wrong or take time: 429s, flood limits, migrated groups, failing
 * handlers, getUpdates errors, slow work, later notifications and shutdown. Real telegraf, fake
 * Bot API, scripted core.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type {
  TelegramAdapter,
  TelegramAdapterOptions,
} from '../../../adapters/chat/telegram/telegram-adapter.js';
import type { Reply } from '../../../src/core/types.js';
import {
  alice,
  bob,
  startFakeTelegram,
  type FakeTelegram,
  type FakeTelegramOptions,
} from '../../fakes/telegram.js';
import { adapterFor, CaptureLogger, ScriptedCore, sleep } from './harness.js';

const loggers: CaptureLogger[] = [];
let running: { fake: FakeTelegram; adapter: TelegramAdapter } | undefined;

async function boot(
  opts: { fake?: FakeTelegramOptions; adapter?: Partial<TelegramAdapterOptions> } = {},
): Promise<{ fake: FakeTelegram; adapter: TelegramAdapter; core: ScriptedCore; logger: CaptureLogger }> {
  const fake = await startFakeTelegram(opts.fake);
  const core = new ScriptedCore();
  const logger = new CaptureLogger();
  loggers.push(logger);
  const adapter = adapterFor(fake, logger, opts.adapter);
  await adapter.start(core);
  running = { fake, adapter };
  return { fake, adapter, core, logger };
}

afterEach(async () => {
  if (!running) return;
  await running.adapter.stop();
  expect(running.fake.violations).toEqual([]);
  await running.fake.close();
  running = undefined;
});

afterAll(() => {
  for (const l of loggers) expect(l.dump()).not.toContain('123:abc');
});

const user = (chatId: number, userId = alice.id) => ({
  platform: 'telegram' as const,
  userId: String(userId),
  chatId: String(chatId),
});

describe('limits', () => {
  it('GIVEN sendMessage answers 429 retry_after 1 THEN the reply is sent again a second later', async () => {
    const { fake, logger } = await boot();
    const chat = fake.privateChat(alice);
    fake.rateLimitNext('sendMessage', 1);
    fake.userSays(alice, chat, 'help');
    const sent = await fake.waitFor('sendMessage', (c) => c.status === 200, 3000);
    const refused = fake.callsOf('sendMessage').filter((c) => c.status === 429);
    expect(refused).toHaveLength(1);
    expect(sent.at - (refused[0]?.at ?? 0)).toBeGreaterThanOrEqual(950);
    expect(fake.botMessages(chat.id).map((m) => m.text)).toEqual(['echo: help']);
    expect(logger.entries.some((e) => e.level === 'warn' && e.obj.retryAfterSec === 1)).toBe(true);
  });

  it('GIVEN Telegram’s per-chat flood limit THEN a split reply is paced under it and never refused', async () => {
    const { fake, core } = await boot({
      fake: { floodControl: { perChatMinIntervalMs: 120 } },
      adapter: {
        // A margin over the fake's 120 ms, so a loaded machine's jitter in delivery cannot undo it.
        limits: { globalPerSecond: 1000, perChatIntervalMs: 220, groupPerWindow: 1000, groupWindowMs: 1000 },
      },
    });
    const chat = fake.privateChat(alice);
    core.onHandle = () => ({
      code: 'requests.list',
      text: Array.from({ length: 3 }, (_, i) => `${i}`.repeat(4000)).join('\n'),
    });
    fake.userSays(alice, chat, 'requests');
    await fake.until(() => fake.botMessages(chat.id).length === 3, 'three parts');
    const sends = fake.callsOf('sendMessage');
    expect(sends.map((c) => c.status)).toEqual([200, 200, 200]);
    expect((sends[2]?.at ?? 0) - (sends[0]?.at ?? 0)).toBeGreaterThanOrEqual(400);
  });

  it('GIVEN a group that became a supergroup while the bot was away THEN a notification follows it there', async () => {
    const { fake, adapter } = await boot();
    const old = fake.group('Movie night', 'group');
    const moved = fake.migrate(old, false);
    await adapter.send(user(old.id), { code: 'media.available', text: 'Dexter is ready in Sonarr. Enjoy!' });
    expect(fake.botMessages(moved.id).map((m) => m.text)).toEqual(['Dexter is ready in Sonarr. Enjoy!']);
    expect(fake.callsOf('sendMessage').map((c) => [c.params.chat_id, c.status])).toEqual([
      [old.id, 400],
      [moved.id, 200],
    ]);
    // Remembered: the next one goes straight to the supergroup.
    await adapter.send(user(old.id), { code: 'help', text: 'again' });
    expect(fake.callsOf('sendMessage').at(-1)?.params.chat_id).toBe(moved.id);
  });

  it('GIVEN the migration arrives as an update THEN later writes go to the supergroup at once', async () => {
    const { fake, adapter } = await boot();
    const old = fake.group('Film club', 'group');
    const moved = fake.migrate(old);
    const me = fake.privateChat(alice);
    fake.userSays(alice, me, 'ping'); // after the service messages, so they have been handled once this is answered
    await fake.until(() => fake.botMessages(me.id).length === 1, 'the answer');
    await adapter.send(user(old.id), { code: 'help', text: 'hello' });
    expect(fake.callsOf('sendMessage').filter((c) => c.status !== 200)).toEqual([]);
    expect(fake.botMessages(moved.id)).toHaveLength(1);
  });
});

describe('failures', () => {
  it('GIVEN a handler that throws THEN it is logged without the token, the person gets an apology, and the bot keeps answering', async () => {
    const { fake, core, logger } = await boot();
    const chat = fake.privateChat(bob);
    core.onHandle = (msg) => {
      if (msg.text === 'boom') throw new Error(`upstream said no: ${fake.url}/bot${fake.token}/sendMessage`);
      return { code: 'help', text: `echo: ${msg.text}` };
    };
    fake.userSays(bob, chat, 'boom');
    await fake.until(() => fake.botMessages(chat.id).length === 1, 'the apology');
    expect(fake.botMessages(chat.id)[0]?.text).toBe(
      'Sorry, something went wrong on my side. Please try again.',
    );
    const error = logger.entries.find((e) => e.level === 'error');
    expect(error?.obj.message).toContain('/bot***/sendMessage');
    fake.userSays(bob, chat, 'still there?');
    await fake.until(() => fake.botMessages(chat.id).length === 2, 'the next answer');
    expect(fake.botMessages(chat.id)[1]?.text).toBe('echo: still there?');
  });

  it('GIVEN Telegram refuses a reply THEN logged, apologised, and the bot keeps polling', async () => {
    const { fake, logger } = await boot();
    const chat = fake.privateChat(alice);
    fake.failNext('sendMessage', { error_code: 400, description: 'Bad Request: something unexpected' });
    fake.userSays(alice, chat, 'one');
    await fake.until(() => fake.botMessages(chat.id).length === 1, 'the apology');
    expect(
      logger.entries.some(
        (e) => e.level === 'error' && e.obj.description === 'Bad Request: something unexpected',
      ),
    ).toBe(true);
    fake.userSays(alice, chat, 'two');
    await fake.until(() => fake.botMessages(chat.id).some((m) => m.text === 'echo: two'), 'the next answer');
  });

  it('GIVEN a click whose handling throws THEN the spinner still stops, with an apology, and it is logged', async () => {
    const { fake, adapter, core, logger } = await boot();
    const chat = fake.privateChat(alice);
    await adapter.send(user(chat.id), {
      code: 'media.pick',
      text: 'Which one?',
      choices: { token: 'brokentok1', options: [{ label: 'Heat (1995)', kind: 'movie' }] },
    });
    const prompt = fake.botMessages(chat.id)[0];
    if (!prompt) throw new Error('no prompt');
    core.onChoose = () => {
      throw new Error('store exploded');
    };
    const q = fake.clickButton(alice, prompt, 0);
    await fake.until(() => fake.answers.get(q), 'the answer');
    expect(fake.answers.get(q)).toEqual({
      text: 'Sorry, something went wrong on my side. Please try again.',
      show_alert: true,
    });
    await fake.until(
      () => logger.entries.find((e) => e.level === 'error' && e.obj.message === 'store exploded'),
      'the log',
    );
    expect(fake.message(chat.id, prompt.message_id)?.reply_markup).toBeDefined();
  });

  it('GIVEN getUpdates fails with a 502 THEN polling resumes after the retry delay', async () => {
    const { fake } = await boot();
    const chat = fake.privateChat(alice);
    fake.failNext('getUpdates', { error_code: 502, description: 'Bad Gateway' });
    // The poller is parked in a long poll; wake it so its next call meets the failure.
    fake.userSays(alice, chat, 'first');
    fake.userSays(alice, chat, 'second');
    await fake.until(() => fake.botMessages(chat.id).length === 2, 'both answers');
    expect(fake.callsOf('getUpdates').some((c) => c.status === 502)).toBe(true);
  });
});

describe('slow work', () => {
  it('GIVEN the core takes longer than slowAfterMs THEN typing, a status message, and the status becomes the answer', async () => {
    const { fake, core } = await boot();
    const group = fake.group('Movie night');
    core.onHandle = async () => {
      await sleep(500);
      return {
        code: 'media.pick',
        text: 'Which one do you mean?',
        choices: { token: 'slowtoken1', options: [{ label: 'Dune (2021)', kind: 'movie' }] },
      };
    };
    const ask = fake.userSays(alice, group, '/add Dune');
    const status = await fake.until(() => fake.botMessages(group.id)[0], 'the status message');
    expect(status.text).toBe('⏳ Working on it…');
    expect(status.reply_to_message?.message_id).toBe(ask.message_id);
    await fake.until(
      () => fake.message(group.id, status.message_id)?.reply_markup,
      'the answer in place of the status',
    );
    expect(fake.message(group.id, status.message_id)?.text).toBe('Which one do you mean?');
    expect(fake.botMessages(group.id)).toHaveLength(1);
    const typing = fake.callsOf('sendChatAction');
    expect(typing.length).toBeGreaterThanOrEqual(2);
    expect(typing[0]?.params).toEqual({ chat_id: group.id, action: 'typing' });
    const sentAt = fake.callsOf('sendMessage')[0]?.at ?? 0;
    expect((fake.callsOf('editMessageText')[0]?.at ?? 0) - sentAt).toBeGreaterThanOrEqual(140);
  });

  it('GIVEN a slow answer with a poster THEN the status message goes and the photo comes', async () => {
    const { fake, core } = await boot();
    const chat = fake.privateChat(alice);
    core.onHandle = async () => {
      await sleep(350);
      return {
        code: 'media.added',
        text: 'Added Inception to Radarr.',
        card: {
          title: 'Inception',
          year: 2010,
          kind: 'movie',
          posterUrl: 'https://image.tmdb.org/t/p/w500/i.jpg',
        },
      };
    };
    fake.userSays(alice, chat, 'add Inception');
    await fake.until(() => fake.botMessages(chat.id).some((m) => m.photo), 'the photo');
    expect(fake.callsOf('deleteMessage')).toHaveLength(1);
    expect(fake.botMessages(chat.id).map((m) => m.caption ?? m.text)).toEqual([
      'Added Inception to Radarr.\n\n🎬 Inception (2010)',
    ]);
  });

  it('GIVEN replies that follow one job THEN one message, edited at most once per interval', async () => {
    const { fake, adapter } = await boot({ adapter: { editIntervalMs: 300 } });
    const chat = fake.privateChat(bob);
    const step = (n: number): Reply => ({
      code: 'vocab.enrichProgress',
      text: `Reading Inception… ${n}/3`,
      progress: { jobKey: 'inception:fr' },
    });
    await adapter.send(user(chat.id, bob.id), step(1));
    await Promise.all([
      adapter.send(user(chat.id, bob.id), step(2)),
      adapter.send(user(chat.id, bob.id), step(3)),
    ]);
    expect(fake.botMessages(chat.id).map((m) => m.text)).toEqual(['Reading Inception… 3/3']);
    const edits = fake.callsOf('editMessageText');
    expect(edits).toHaveLength(1);
    expect((edits[0]?.at ?? 0) - (fake.callsOf('sendMessage')[0]?.at ?? 0)).toBeGreaterThanOrEqual(280);
    await adapter.send(user(chat.id, bob.id), {
      code: 'vocab.enrichReady',
      text: 'Inception in French is ready.',
    });
    expect(fake.botMessages(chat.id)).toHaveLength(2);
  });
});

describe('shutdown', () => {
  it('GIVEN stop while a handler runs THEN its reply still goes out, polling ends and the offset is confirmed', async () => {
    const { fake, adapter, core } = await boot();
    const chat = fake.privateChat(alice);
    core.onHandle = async (msg) => {
      await sleep(150);
      return { code: 'help', text: `echo: ${msg.text}` };
    };
    fake.userSays(alice, chat, 'last words');
    await fake.until(() => core.handled.length === 1, 'the core to be asked');
    await adapter.stop();
    expect(fake.botMessages(chat.id).map((m) => m.text)).toEqual(['echo: last words']);
    expect(fake.pendingUpdates).toBe(0);
    const polls = fake.callsOf('getUpdates').length;
    fake.userSays(alice, chat, 'anyone?');
    await sleep(100);
    expect(fake.callsOf('getUpdates').length).toBe(polls);
    expect(core.handled).toHaveLength(1);
  });

  it('GIVEN a stopped adapter started again THEN it picks up what came in meanwhile, once', async () => {
    const { fake, adapter, core } = await boot();
    const chat = fake.privateChat(bob);
    await adapter.stop();
    fake.userSays(bob, chat, 'while you were away');
    await adapter.start(core);
    await fake.until(() => fake.botMessages(chat.id).length === 1, 'the late answer');
    expect(fake.botMessages(chat.id)[0]?.text).toBe('echo: while you were away');
    expect(core.handled).toHaveLength(1);
  });
});
