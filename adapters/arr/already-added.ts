import { isUpstreamError } from '../../src/core/errors.js';

/**
 * The *arrs answer a duplicate add with a 400 validation array: "This series has already been
 * added", "This movie has already been added", "This artist has already been added.". The HTTP
 * client keeps those messages in `detail`.
 */
export function isAlreadyAdded(e: unknown): boolean {
  return (
    isUpstreamError(e) &&
    e.failure === 'rejected' &&
    e.status === 400 &&
    /has already been added/i.test(e.detail ?? '')
  );
}

/** A 404 from a by-id route: the item is gone (deleted in the *arr UI). */
export function isNotFound(e: unknown): boolean {
  return isUpstreamError(e) && e.failure === 'not_found';
}
