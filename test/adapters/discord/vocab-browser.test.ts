/**
 * The vocabulary list as a browser in Discord: the real App behind the real discord.js, against
 * the fake Discord (which refuses more than 5 rows of 5 buttons, a custom_id over 100 characters
 * or used twice in a message), IMSDb and DeepL. Alice opens the list with "@reelbot vocab …",
 * pages on, picks the B2 tab, opens a word while DeepL is still translating ("translating…"),
 * and when the job is done the word and the list show the translations in place. Bob's click is
 * refused to him alone; after a restart her clicks still work.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordAdapter } from '../../../adapters/chat/discord/discord-adapter.js';
import { createApp, type App } from '../../../src/app.js';
import { loadConfig, type Config } from '../../../src/config.js';
import { startFakeDeepl, type FakeDeepl } from '../../fakes/deepl.js';
import { buttonRows, startFakeDiscord, type FakeDiscord, type StoredMessage } from '../../fakes/discord.js';
import { startFakeImsdb, type FakeImsdb } from '../../fakes/imsdb.js';
import { CaptureLogger, discordEnv } from './harness.js';

const DEEPL_KEY = 'deepl-browser-key-0005:fx';
let discord: FakeDiscord;
let imsdb: FakeImsdb;
let deepl: FakeDeepl;
let config: Config;
let app: App;
const logger = new CaptureLogger();

async function startApp(): Promise<void> {
  app = await createApp(config, { logger, startCron: false });
  const adapter = createDiscordAdapter(config, app.logger, {
    rest: { retries: 0, timeout: 2000 },
    progressEditIntervalMs: 200,
  });
  if (!adapter) throw new Error('no Discord adapter');
  app.attach(adapter);
  await app.start();
}

beforeAll(async () => {
  [discord, imsdb, deepl] = await Promise.all([
    startFakeDiscord(),
    startFakeImsdb(),
    startFakeDeepl({ apiKey: DEEPL_KEY }),
  ]);
  config = loadConfig({
    DATA_DIR: mkdtempSync(join(tmpdir(), 'reelbot-discord-browser-')),
    MUSICBRAINZ_ENABLED: 'false',
    IMSDB_BASE_URL: imsdb.url,
    DEEPL_API_KEY: DEEPL_KEY,
    DEEPL_BASE_URL: deepl.url,
    ...discordEnv(discord),
  });
  await startApp();
});

afterAll(async () => {
  await app?.stop();
  expect(logger.dump()).not.toContain(discord.token);
  await Promise.all([discord.close(), imsdb.close(), deepl.close()]);
});

afterEach(() => {
  expect(discord.rejections.splice(0)).toEqual([]);
});

const content = (m: StoredMessage | undefined) => String(m?.api.content ?? '');
const labels = (m: StoredMessage) => buttonRows(m).map((row) => row.map((b) => b.label));

/** Click the button labelled `label` on `message` as `user` (Alice unless said). */
function click(message: StoredMessage, label: string, user = discord.users.alice) {
  const button = buttonRows(message)
    .flat()
    .find((b) => b.label === label);
  if (!button) throw new Error(`no button "${label}" in ${JSON.stringify(labels(message))}`);
  return discord.click(String(message.api.id), button.customId, { user });
}

function until(
  message: StoredMessage,
  check: (text: string) => boolean,
  what: string,
): Promise<StoredMessage> {
  return discord.waitFor(() => check(content(message)) && message, 10_000, what);
}

describe('a vocabulary list in a Discord channel', () => {
  let list: StoredMessage;

  it('opens as a browser, pages, tabs and words, and shows the translations in place when the job ends', async () => {
    const release = deepl.hold();
    try {
      discord.say('vocab Inception in French', { mention: true });
      list = await discord.waitFor(
        () =>
          discord
            .channelMessages(discord.channels.general)
            .find((m) => content(m).includes('B1+ words, most frequent first')),
        15_000,
        'the list',
      );
      expect(content(list)).toContain('B1+ words, most frequent first (1–10 of 67, page 1 of 7):');
      expect(content(list)).toContain('• abandon (verb) B1 CEFR-J ×3');
      expect(content(list).length).toBeLessThanOrEqual(2000);
      expect(labels(list)).toEqual([
        ['fold', 'abandon', 'brass', 'corridor', 'ceiling'],
        ['totem', 'aggressive', 'architect', 'banquet', 'barefoot'],
        ['★ B1+', 'A1', 'A2', 'B1'],
        ['B2', 'C1', 'C2'],
        ['Next ›', 'Export for Anki', 'Another language'],
      ]);

      const next = click(list, 'Next ›');
      await until(list, (t) => t.includes('(11–20 of 67, page 2 of 7)'), 'page 2');
      expect(next.ackType).toBe(7);
      expect(labels(list).at(-1)).toEqual(['‹ Prev', 'Next ›', 'Export for Anki', 'Another language']);
      click(list, 'B2');
      await until(list, (t) => t.includes('B2 words, most frequent first (1–10 of 20, page 1 of 2)'), 'B2');

      click(list, 'corridor');
      await until(list, (t) => t.startsWith('corridor (noun)'), 'the word');
      expect(content(list)).toContain('French: translating… (0 of 187 words done)');
      expect(content(list)).toContain(
        '1. Cobb: “You build it so the mark believes every «corridor» is his own.”',
      );
      expect(labels(list)).toEqual([['‹ Back', 'Export for Anki', 'Another language']]);
    } finally {
      release();
    }

    // The job ends: the word's view is edited with its translation and its examples'.
    await until(
      list,
      (t) => t.includes('French: fr:corridor') && t.includes('→ fr:You build it'),
      'translated',
    );
    await discord.waitFor(
      () =>
        discord
          .channelMessages(discord.channels.general)
          .find((m) => content(m).includes('Translations of Inception into French are ready')),
      5000,
      'the ready message',
    );
    click(list, '‹ Back');
    await until(list, (t) => t.includes('B2 words'), 'back to B2');
    expect(content(list)).toContain('• corridor = fr:corridor (noun) B2 CEFR-J ×3');
  }, 40_000);

  it('tells someone else privately that the list is not theirs, and leaves it as it is', async () => {
    const edits = list.edits;
    const refused = click(list, 'C1', discord.users.bob);
    const answer = await discord.waitFor(() => discord.original(refused), 3000, 'the refusal');
    expect(answer.ephemeral).toBe(true);
    expect(content(answer)).toBe(
      'Only the person who asked for this list can use its buttons. Ask for your own with “vocab <movie>”.',
    );
    expect(list.edits).toBe(edits);
  });

  it('still works after a restart, and the export comes as a message of its own', async () => {
    await app.stop();
    await startApp();
    click(list, 'Next ›');
    await until(list, (t) => t.includes('(11–20 of 20, page 2 of 2)'), 'B2 page 2');
    expect(content(list)).toContain('= fr:');
    const exported = click(list, 'Export for Anki');
    // The reply may be deferred first (no file yet); the export is the answer that carries it.
    const file = await discord.waitFor(
      () => (discord.original(exported)?.files.length ? discord.original(exported) : undefined),
      3000,
      'the export',
    );
    expect(file.api.id).not.toBe(list.api.id);
    expect(file.files[0]?.filename).toBe('inception-fr-B2.tsv');
    expect(file.files[0]?.content).toContain('corridor\tB2 (CEFR-J)\tfr:corridor');
    expect(content(list)).toContain('(11–20 of 20, page 2 of 2)');
  });
});
