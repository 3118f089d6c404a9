/** The request's states and backoff, as pure functions. */
import { describe, expect, it } from 'vitest';
import {
  newRequest,
  newRequestId,
  nextAttemptAt,
  transition,
} from '../../../src/core/media/request-lifecycle.js';
import { alice } from '../fakes/fake-core.js';

const t0 = new Date('2025-06-01T12:00:00.000Z');
const minutesAfter = (iso: string) => (Date.parse(iso) - t0.getTime()) / 60_000;

describe('backoff', () => {
  it('waits 1, 2, 4 … minutes after each failure, at most 6 hours', () => {
    expect([1, 2, 3, 4, 9, 10, 50].map((n) => minutesAfter(nextAttemptAt(t0, n)))).toEqual([
      1, 2, 4, 8, 256, 360, 360,
    ]);
  });
});

describe('moving between states', () => {
  it('every move is in the audit: who, when, from, to, why', () => {
    const r = newRequest('k7m2qa', alice, { text: 'add Inception', title: 'Inception' }, t0);
    const later = new Date(t0.getTime() + 1000);
    transition(r, 'classified', 'terminal:alice', later, 'auto', { ms: 12 });
    expect(r).toMatchObject({
      status: 'classified',
      updatedAt: later.toISOString(),
      createdAt: t0.toISOString(),
    });
    expect(r.audit).toEqual([
      { at: t0.toISOString(), actor: 'terminal:alice', to: 'received', note: 'add Inception' },
      {
        at: later.toISOString(),
        actor: 'terminal:alice',
        from: 'received',
        to: 'classified',
        note: 'auto',
        detail: { ms: 12 },
      },
    ]);
  });

  it('ids are six characters people can type, without look-alikes (0/o, 1/l/i)', () => {
    const ids = Array.from({ length: 200 }, () => newRequestId());
    for (const id of ids) expect(id).toMatch(/^[a-hjkmnp-z2-9]{6}$/);
  });
});
