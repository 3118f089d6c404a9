/**
 * Many people asking for the same film at once: the "is it there?" check and the POST are one
 * step per item, so Radarr gets one POST and everyone else hears it is there.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { UserRef } from '../../src/core/types.js';
import { postsTo, startWorld, type World } from '../helpers/world.js';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const person = (n: number): UserRef => ({ platform: 'http', userId: `u${n}`, chatId: `u${n}` });

describe('concurrent adds of one item', () => {
  it('20 people ask for Inception through the API at once → one POST to Radarr, one "added", the rest "already there"', async () => {
    world = await startWorld();
    const radarr = world.radarr!;
    radarr.setLatency(30);
    const ops = world.app.core.ops;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => ops.request(person(i), { title: 'Inception', hint: 'movie' })),
    );
    expect(postsTo(radarr, '/api/v3/movie')).toHaveLength(1);
    const codes = results.map((r) => r.reply.code).sort();
    expect(codes.filter((c) => c === 'media.added')).toHaveLength(1);
    expect(codes.filter((c) => c === 'media.alreadyPresent')).toHaveLength(19);
  });
});
