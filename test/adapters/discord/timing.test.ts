import { afterEach, describe, expect, it, vi } from 'vitest';
import { answerInTime, withinOr } from '../../../adapters/chat/discord/answer-in-time.js';
import { ProgressEdits } from '../../../adapters/chat/discord/progress-edits.js';

afterEach(() => {
  vi.useRealTimers();
});

const after = <T>(ms: number, value: T) => new Promise<T>((r) => setTimeout(() => r(value), ms));

describe('answerInTime', () => {
  it('GIVEN quick work THEN no defer', async () => {
    const defer = vi.fn(async () => undefined);
    expect(await answerInTime(after(5, 'x'), 100, defer)).toEqual({ value: 'x', deferred: false });
    expect(defer).not.toHaveBeenCalled();
  });

  it('GIVEN slow work THEN defer at the deadline, then the value', async () => {
    vi.useFakeTimers();
    const deferredAt: number[] = [];
    const start = Date.now();
    const p = answerInTime(after(2000, 'x'), 1500, async () => void deferredAt.push(Date.now() - start));
    await vi.advanceTimersByTimeAsync(2000);
    expect(await p).toEqual({ value: 'x', deferred: true });
    expect(deferredAt).toEqual([1500]);
  });

  it('GIVEN work that fails after a defer THEN the failure surfaces', async () => {
    const p = answerInTime(
      after(30, null).then(() => Promise.reject(new Error('boom'))),
      5,
      async () => undefined,
    );
    await expect(p).rejects.toThrow('boom');
  });

  it('withinOr gives the fallback when work is late', async () => {
    vi.useFakeTimers();
    const p = withinOr(after(3000, ['late']), 2000, []);
    await vi.advanceTimersByTimeAsync(2000);
    expect(await p).toEqual([]);
  });
});

describe('ProgressEdits', () => {
  it('GIVEN rapid updates THEN one edit per interval, with the newest payload', async () => {
    vi.useFakeTimers();
    const edits: string[] = [];
    const p = new ProgressEdits<string>(1000, () => undefined);
    p.track('k', async (s) => void edits.push(s), 60_000);
    for (let i = 1; i <= 5; i++) expect(p.offer('k', `step ${i}`)).toBe(true);
    await vi.advanceTimersByTimeAsync(999);
    expect(edits).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(edits).toEqual(['step 5']);
    p.offer('k', 'step 6');
    p.offer('k', 'step 7');
    await vi.advanceTimersByTimeAsync(1000);
    expect(edits).toEqual(['step 5', 'step 7']);
  });

  it('GIVEN an untracked or expired key THEN offer says no, so the caller posts anew', async () => {
    vi.useFakeTimers();
    const p = new ProgressEdits<string>(10, () => undefined);
    expect(p.offer('nope', 'x')).toBe(false);
    p.track('k', async () => undefined, 100);
    await vi.advanceTimersByTimeAsync(101);
    expect(p.offer('k', 'x')).toBe(false);
  });

  it('GIVEN a failing edit THEN it is reported and the key forgotten', async () => {
    vi.useFakeTimers();
    const errors: string[] = [];
    const p = new ProgressEdits<string>(10, (key) => void errors.push(key));
    p.track('k', () => Promise.reject(new Error('Unknown Message')), 60_000);
    p.offer('k', 'x');
    await vi.advanceTimersByTimeAsync(20);
    expect(errors).toEqual(['k']);
    expect(p.offer('k', 'y')).toBe(false);
  });
});
