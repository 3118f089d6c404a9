/** A question nobody answers: once its buttons have expired the request is closed, quietly. */
import { afterEach, describe, expect, it } from 'vitest';
import { startWorld, type World } from '../helpers/world.js';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

describe('an unanswered question', () => {
  it('is closed by the cron once its buttons have expired, and nobody is pestered', async () => {
    world = await startWorld({ env: { CHOICE_TTL_MINUTES: '1' } });
    const ask = await world.say('add Fargo');
    expect(ask.code).toBe('media.pick');
    const id = ask.requestId ?? '';
    await world.app.core.processPending();
    expect((await world.app.requests.get(id))?.status).toBe('needs_choice');
    // Two minutes on: the app runs on the system clock, so the request is moved back instead.
    await world.app.requests.update(
      id,
      (r) => void (r.updatedAt = new Date(Date.now() - 120_000).toISOString()),
    );
    await world.app.core.processPending();
    expect((await world.app.requests.get(id))?.status).toBe('cancelled');
    expect(world.chat.sent).toEqual([]);
  });
});
