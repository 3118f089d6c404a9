/**
 * The adapter against the fake Bot API with the real telegraf: messages in, replies out,
 * buttons, clicks, groups, posters and files. The core is scripted here; stories.test.ts runs
 * the real one.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import type { TelegramAdapter } from '../../../adapters/chat/telegram/telegram-adapter.js';
import type { Reply } from '../../../src/core/types.js';
import {
  alice,
  bob,
  startFakeTelegram,
  type FakeTelegram,
  type TgMessage,
  type TgUser,
} from '../../fakes/telegram.js';
import { adapterFor, CaptureLogger, ScriptedCore } from './harness.js';

const POSTER = 'https://image.tmdb.org/t/p/w500/q8dWfc4JwQuv3HayIZeO84jAXED.jpg';
const pick = (token: string): Reply => ({
  code: 'media.pick',
  text: 'Which one do you mean?',
  choices: {
    token,
    options: [
      { label: 'Dexter (2006) · series', kind: 'series' },
      { label: 'Dexter: New Blood (2021) · series', kind: 'series' },
      { label: 'Dexter · movie', kind: 'movie' },
    ],
    noneLabel: 'None of these',
  },
});
const added: Reply = {
  code: 'media.added',
  text: 'Added Dexter to Sonarr.',
  card: { title: 'Dexter', year: 2006, kind: 'series', destination: 'Sonarr', posterUrl: POSTER },
};

let fake: FakeTelegram;
let core: ScriptedCore;
let logger: CaptureLogger;
let adapter: TelegramAdapter;
let tokens = 0;

beforeAll(async () => {
  fake = await startFakeTelegram();
  core = new ScriptedCore();
  logger = new CaptureLogger();
  adapter = adapterFor(fake, logger);
  await adapter.start(core);
});
afterAll(async () => {
  await adapter.stop();
  await fake.close();
});

beforeEach(() => {
  // Like the core: a prompt for "add …", bound to whoever asked.
  const owners = new Map<string, string>();
  const used = new Set<string>();
  core.onHandle = (msg) => {
    if (!msg.text.startsWith('add ')) return { code: 'help', text: `echo: ${msg.text}` };
    const token = `tok${String(++tokens).padStart(5, '0')}`;
    owners.set(token, msg.user.userId);
    return pick(token);
  };
  core.onChoose = (user, token) => {
    if (!owners.has(token) || used.has(token))
      return { code: 'choice.expired', text: 'Those buttons have expired.', private: true };
    if (owners.get(token) !== user.userId) {
      return {
        code: 'choice.notYours',
        text: 'These buttons belong to the person who asked.',
        private: true,
      };
    }
    used.add(token);
    return added;
  };
});

/** The bot's newest message in a chat once it has one matching `match`. */
const botMessage = (chatId: number, match: (m: TgMessage) => boolean, what = 'a bot message') =>
  fake.until(() => fake.botMessages(chatId).findLast(match), what);

/** The first prompt (a message with buttons) the bot sends in a chat after this moment. */
function nextPrompt(chatId: number): Promise<TgMessage> {
  const after = fake.messagesIn(chatId).at(-1)?.message_id ?? 0;
  return botMessage(chatId, (m) => m.message_id > after && m.reply_markup !== undefined, 'a new prompt');
}

describe('starting', () => {
  it('GIVEN start THEN it checked the token, cleared any webhook and registered the / menu', () => {
    expect(fake.callsOf('getMe')).toHaveLength(1);
    expect(fake.callsOf('deleteWebhook')).toHaveLength(1);
    expect(fake.commands.map((c) => c.command)).toEqual([
      'add',
      'vocab',
      'requests',
      'cancel',
      'help',
      'start',
    ]);
  });
});

describe('a private chat', () => {
  it('GIVEN "add Dexter" THEN a keyboard; the asker clicks THEN the click is answered and the prompt becomes the outcome', async () => {
    const chat = fake.privateChat(alice);
    const next = nextPrompt(chat.id);
    fake.userSays(alice, chat, 'add Dexter');
    const prompt = await next;
    expect(core.handled.at(-1)).toEqual({
      user: { platform: 'telegram', userId: String(alice.id), chatId: String(chat.id), name: 'alice' },
      text: 'add Dexter',
      origin: expect.stringMatching(new RegExp(`^telegram:\\d+:${chat.id}:\\d+$`)) as unknown,
    });
    expect(prompt.text).toBe('Which one do you mean?');
    expect(prompt.reply_markup?.inline_keyboard.map((r) => r.map((b) => b.text))).toEqual([
      ['📺 Dexter (2006) · series'],
      ['📺 Dexter: New Blood (2021) · series'],
      ['🎬 Dexter · movie'],
      ['None of these'],
    ]);

    const query = fake.clickButton(alice, prompt, 0);
    await fake.until(
      () => fake.message(chat.id, prompt.message_id)?.text?.startsWith('Added'),
      'the edited prompt',
    );
    expect(fake.answers.get(query)).toEqual({});
    expect(core.chosen.at(-1)).toMatchObject({ user: { userId: String(alice.id) }, option: 0 });
    const outcome = fake.message(chat.id, prompt.message_id);
    expect(outcome?.reply_markup).toBeUndefined();
    expect(outcome?.text).toBe('Added Dexter to Sonarr.\n\n📺 Dexter (2006) → Sonarr');
    // A text prompt can't become a photo: the poster rides along as the link preview.
    expect(outcome?.link_preview_options).toMatchObject({ url: POSTER, show_above_text: true });
    expect(fake.violations).toEqual([]);
  });

  it('GIVEN slash forms THEN the core reads the same words', async () => {
    const chat = fake.privateChat(alice);
    const prompt = nextPrompt(chat.id);
    fake.userSays(alice, chat, '/requests');
    fake.userSays(alice, chat, '/start');
    fake.userSays(alice, chat, '/add@reelbot_test_bot Fargo');
    await botMessage(chat.id, (m) => m.text === 'echo: start', 'the /start answer');
    await botMessage(chat.id, (m) => m.text === 'echo: requests', 'the /requests answer');
    await prompt;
    expect(core.handled.slice(-3).map((h) => h.text)).toEqual(['requests', 'start', 'add Fargo']);
  });

  it('GIVEN someone else clicks THEN an alert for them only, and the prompt stays as it was', async () => {
    const chat = fake.privateChat(alice);
    const next = nextPrompt(chat.id);
    fake.userSays(alice, chat, 'add Dexter');
    const prompt = await next;
    const before = structuredClone(fake.message(chat.id, prompt.message_id));
    const query = fake.clickButton(bob, prompt, 1);
    await fake.until(() => fake.answers.get(query), 'the answer to Bob');
    expect(fake.answers.get(query)).toEqual({
      text: 'These buttons belong to the person who asked.',
      show_alert: true,
    });
    expect(fake.message(chat.id, prompt.message_id)).toEqual(before);
    expect(core.chosen.at(-1)?.user.userId).toBe(String(bob.id));

    // …and the buttons still work for Alice, once.
    const mine = fake.clickButton(alice, prompt, 1);
    await fake.until(
      () => fake.message(chat.id, prompt.message_id)?.reply_markup === undefined,
      'the outcome',
    );
    expect(fake.answers.get(mine)).toEqual({});
    // A second tap that raced the edit (the client still showed the buttons).
    const again = fake.click(
      alice,
      prompt,
      prompt.reply_markup?.inline_keyboard[0]?.[0]?.callback_data ?? '',
    );
    await fake.until(() => fake.answers.get(again), 'the answer to a second click');
    expect(fake.answers.get(again)).toEqual({ text: 'Those buttons have expired.', show_alert: true });
  });

  it('GIVEN a button that is not ours (old format) THEN "expired" without asking the core', async () => {
    const chat = fake.privateChat(alice);
    const next = nextPrompt(chat.id);
    fake.userSays(alice, chat, 'add Dexter');
    const prompt = await next;
    const calls = core.chosen.length;
    const query = fake.click(alice, prompt, 'add:yes:Dexter');
    await fake.until(() => fake.answers.get(query), 'the answer');
    expect(fake.answers.get(query)?.show_alert).toBe(true);
    expect(fake.answers.get(query)?.text).toMatch(/expired/);
    expect(core.chosen.length).toBe(calls);
  });

  it('GIVEN a reply with a poster THEN sendPhoto with a caption; a click on it THEN the caption is edited', async () => {
    const chat = fake.privateChat(bob);
    core.onHandle = () => ({
      ...pick('tokposter1'),
      card: { title: 'Dexter', year: 2006, kind: 'series', posterUrl: POSTER },
    });
    fake.userSays(bob, chat, 'add Dexter');
    const prompt = await botMessage(chat.id, (m) => m.photo !== undefined, 'the photo prompt');
    expect(prompt._photoUrl).toBe(POSTER);
    expect(prompt.caption).toBe('Which one do you mean?\n\n📺 Dexter (2006)');
    expect(prompt.reply_markup?.inline_keyboard).toHaveLength(4);
    core.onChoose = () => ({ ...added, text: 'Added Dexter to Sonarr, searching now.' });
    fake.clickButton(bob, prompt, 0);
    await fake.until(
      () => fake.message(chat.id, prompt.message_id)?.reply_markup === undefined,
      'the outcome',
    );
    expect(fake.message(chat.id, prompt.message_id)?.caption).toMatch(
      /^Added Dexter to Sonarr, searching now\./,
    );
    expect(fake.callsOf('editMessageCaption')).toHaveLength(1);
  });

  it('GIVEN a long reply and a file THEN pieces under 4096 in order, and a document', async () => {
    const chat = fake.privateChat(bob);
    const lines = Array.from({ length: 700 }, (_, i) => `${i + 1}. word ${'·'.repeat(8)}`);
    core.onHandle = () => ({
      code: 'vocab.profile',
      text: lines.join('\n'),
      document: { filename: 'inception-fr.csv', mimeType: 'text/csv', content: 'lemma,level\nrêve,A2\n' },
    });
    fake.userSays(bob, chat, 'vocab Inception in French');
    const doc = await botMessage(chat.id, (m) => m.document !== undefined, 'the document');
    expect(doc.document?.file_name).toBe('inception-fr.csv');
    expect(doc._documentText).toBe('lemma,level\nrêve,A2\n');
    const texts = fake
      .botMessages(chat.id)
      .filter((m) => m.message_id < doc.message_id && m.text?.match(/^\d+\. word/))
      .map((m) => m.text ?? '');
    expect(texts.length).toBeGreaterThan(1);
    for (const t of texts) expect(t.length).toBeLessThanOrEqual(4096);
    expect(texts.join('\n')).toBe(lines.join('\n'));
  });
});

describe('a group', () => {
  it('GIVEN /add in a group THEN answered under the question; plain chatter THEN ignored', async () => {
    const group = fake.group('Movie night');
    const seen = core.handled.length;
    fake.userSays(bob, group, 'anyone seen Dexter? add Dexter lol');
    const ask = fake.userSays(alice, group, '/add@reelbot_test_bot Dexter');
    const prompt = await botMessage(group.id, (m) => m.reply_markup !== undefined, 'the prompt in the group');
    expect(prompt.reply_to_message?.message_id).toBe(ask.message_id);
    expect(core.handled.slice(seen).map((h) => h.text)).toEqual(['add Dexter']);
    expect(core.handled.at(-1)?.user.chatId).toBe(String(group.id));

    // Bob can't pick for Alice in the group either.
    const q = fake.clickButton(bob, prompt, 0);
    await fake.until(() => fake.answers.get(q), 'the alert');
    expect(fake.answers.get(q)?.show_alert).toBe(true);
    expect(fake.message(group.id, prompt.message_id)?.reply_markup).toBeDefined();
  });

  it('GIVEN a mention or a reply to the bot THEN answered; /add@otherbot THEN not', async () => {
    const group = fake.group('Film club');
    const seen = core.handled.length;
    fake.userSays(alice, group, '/add@some_other_bot Heat');
    fake.userSays(alice, group, '@reelbot_test_bot help');
    const answer = await botMessage(group.id, (m) => m.text === 'echo: help', 'the answer to the mention');
    fake.userSays(bob, group, 'requests', { replyTo: answer });
    await botMessage(group.id, (m) => m.text === 'echo: requests', 'the answer to the reply');
    expect(core.handled.slice(seen).map((h) => h.text)).toEqual(['help', 'requests']);
  });
});

describe('a subtitle file in another encoding', () => {
  it('GIVEN an ISO-8859-1 .srt THEN the core gets its words whole ("café", not "caf")', async () => {
    const chat = fake.privateChat(alice);
    const srt = '1\n00:00:01,000 --> 00:00:03,000\nMeet me at the café, my fiancée said.\n';
    fake.userSendsDocument(
      alice,
      chat,
      { name: 'paris.srt', content: Buffer.from(srt, 'latin1') },
      'vocab in French',
    );
    await fake.until(
      () => core.handled.some((h) => h.attachment?.filename === 'paris.srt'),
      'the file reaching the core',
    );
    const got = core.handled.find((h) => h.attachment?.filename === 'paris.srt');
    expect(got?.attachment?.content).toContain('Meet me at the café, my fiancée said.');
  });
});

const dora: TgUser = { id: 1394032501, is_bot: false, first_name: 'Dora' };
const erin: TgUser = { id: 1394032502, is_bot: false, first_name: 'Erin' };

describe('an answer a request owes (Core.delivered)', () => {
  it('GIVEN "add Inception" answered with its request THEN the core hears "delivered" just before the sendMessage, once', async () => {
    const chat = fake.privateChat(dora);
    const callsWhenDelivered: number[] = [];
    const before = core.onHandle;
    core.onHandle = () => ({ code: 'media.added', text: 'Added Inception (2010).', requestId: 'k7m2qa' });
    onTestFinished(() => void (core.onHandle = before));
    const record = core.delivered.bind(core);
    core.delivered = async (id) => {
      callsWhenDelivered.push(fake.callsOf('sendMessage').length);
      return record(id);
    };
    onTestFinished(() => {
      core.delivered = record;
      core.deliveredIds.length = 0;
    });
    const sentBefore = fake.callsOf('sendMessage').length;
    fake.userSays(dora, chat, 'add Inception');
    await fake.until(() => fake.botMessages(chat.id).find((m) => m.text?.includes('Added')), 'the answer');
    expect(core.deliveredIds).toEqual(['k7m2qa']);
    expect(callsWhenDelivered).toEqual([sentBefore]);
  });

  it('GIVEN a reply without a request THEN nothing is said delivered', async () => {
    const chat = fake.privateChat(erin);
    fake.userSays(erin, chat, 'help');
    await fake.until(() => fake.botMessages(chat.id).find((m) => m.text?.includes('echo')), 'the answer');
    expect(core.deliveredIds).toEqual([]);
  });
});
