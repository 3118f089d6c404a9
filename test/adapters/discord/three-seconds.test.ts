/**
 * Discord's 3-second rule with the real client: slow answers are deferred inside the window and
 * then edited in; the fake refuses anything later, so a late acknowledgement fails these tests.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../../src/core/types.js';
import { buttonRows, type FakeInteraction } from '../../fakes/discord.js';
import { sleep, startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  // Defer after 300 ms instead of 1500 so the file stays quick; the stories use the default.
  h = await startHarness({}, { deferAfterMs: 300, suggestTimeoutMs: 400 });
});
afterAll(() => h.close());
afterEach(() => {
  expect(h.fake.rejections.splice(0)).toEqual([]);
  expect(h.logger.entries.splice(0).filter((e) => e.level === 'error')).toEqual([]);
});

const ackDelay = (i: FakeInteraction) => (i.ackedAt ?? Infinity) - i.createdAt;
const slowly = <T>(ms: number, value: T) => sleep(ms).then(() => value);

describe('slash commands', () => {
  it('GIVEN a quick answer THEN one reply, no defer', async () => {
    h.core.onHandle = () => ({ code: 'help', text: 'quick' });
    const i = h.fake.slashCommand('help');
    await h.fake.waitFor(() => h.fake.original(i));
    expect(i.callbacks.map((c) => c.type)).toEqual([4]);
  });

  it('GIVEN a slow answer THEN deferred at once within the window, then the same message edited', async () => {
    h.core.onHandle = () => slowly(700, { code: 'media.added', text: 'Added Dexter to Sonarr.' });
    const i = h.fake.slashCommand('add', { title: 'Dexter' });
    await h.fake.waitFor(() => i.ackType);
    expect(i.callbacks.map((c) => c.type)).toEqual([5]);
    expect(ackDelay(i)).toBeGreaterThanOrEqual(250);
    expect(ackDelay(i)).toBeLessThan(1000);
    expect(h.fake.original(i)?.api.flags).toBe(128);
    const msg = await h.fake.waitFor(
      () => h.fake.original(i)?.api.content === 'Added Dexter to Sonarr.' && h.fake.original(i),
    );
    expect(msg.api.flags).toBe(0);
    expect(i.followUps).toEqual([]);
  });

  it('GIVEN a slow private answer THEN the public "thinking" is replaced by an ephemeral follow-up', async () => {
    h.core.onHandle = () =>
      slowly(600, { code: 'requests.list', text: 'Your requests…', private: true } satisfies Reply);
    const i = h.fake.slashCommand('requests');
    await h.fake.waitFor(() => i.followUps.length > 0);
    expect(h.fake.original(i)?.deleted).toBe(true);
    expect(h.fake.message(i.followUps[0])).toMatchObject({
      ephemeral: true,
      api: { content: 'Your requests…' },
    });
  });
});

describe('buttons', () => {
  it('GIVEN a slow click THEN deferred update, then the prompt edited into the outcome, buttons gone', async () => {
    h.core.onHandle = () => ({
      code: 'media.pick',
      text: 'Which one?',
      choices: {
        token: 'slowclick1',
        options: [{ label: 'Dexter (2006)', kind: 'series' }],
        noneLabel: 'None of these',
      },
    });
    h.core.onChoose = () => slowly(700, { code: 'media.added', text: 'Added Dexter to Sonarr.' });
    const i = h.fake.slashCommand('add', { title: 'Dexter' });
    const prompt = await h.fake.waitFor(() => h.fake.original(i));
    const click = h.fake.click(String(prompt.api.id), buttonRows(prompt)[0]?.[0]?.customId ?? '');
    await h.fake.waitFor(() => click.ackType);
    expect(click.callbacks.map((c) => c.type)).toEqual([6]);
    expect(ackDelay(click)).toBeLessThan(1000);
    await h.fake.waitFor(() => prompt.api.content === 'Added Dexter to Sonarr.');
    expect(prompt.api.components).toEqual([]);
  });
});

describe('autocomplete', () => {
  it('GIVEN a slow search THEN an empty answer in time rather than none', async () => {
    h.core.onSuggest = () => slowly(1500, ['Dexter']);
    const a = h.fake.autocomplete('add', { title: 'Dex' }, 'title');
    await h.fake.waitFor(() => a.autocomplete);
    expect(a.autocomplete).toEqual([]);
    expect(ackDelay(a)).toBeLessThan(1000);
  });
});

describe('progress', () => {
  it('GIVEN a reply that follows a job THEN later progress edits that message, rate-limited, ending on the newest', async () => {
    h.core.onHandle = () => ({
      code: 'vocab.enrichStarted',
      text: 'Working on Inception (0/100)…',
      progress: { jobKey: 'inception:fr' },
    });
    const i = h.fake.slashCommand('vocab', { movie: 'Inception', language: 'fr' });
    const msg = await h.fake.waitFor(() => h.fake.original(i));
    const posted = h.fake.messages.size;
    const user = h.core.handled.at(-1)?.user;
    if (!user) throw new Error('no user');
    for (let n = 10; n <= 50; n += 10) {
      await h.adapter.send(user, {
        code: 'vocab.enrichProgress',
        text: `Working on Inception (${n}/100)…`,
        progress: { jobKey: 'inception:fr' },
      });
    }
    await h.fake.waitFor(() => msg.api.content === 'Working on Inception (50/100)…');
    expect(msg.edits).toBeLessThanOrEqual(2);
    expect(h.fake.messages.size).toBe(posted);
  });
});
