import { expect } from 'vitest';
import { UpstreamError } from '../../src/core/errors.js';

/** The UpstreamError `p` rejects with; the test fails if it resolves or rejects with anything else. */
export async function upstreamFailure(p: Promise<unknown>): Promise<UpstreamError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(UpstreamError);
  return e as UpstreamError;
}
