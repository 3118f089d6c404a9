import { isUpstreamError } from '../../src/core/errors.js';
import type { AddResult, LibraryItem } from '../../src/core/ports.js';

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

/**
 * POST an add and turn the *arr's answer into an AddResult: 201 → added; "already been added" →
 * already present, with the library copy's id when `find` can still see it.
 */
export async function addOrAlreadyPresent(
  post: () => Promise<{ id?: number | null | undefined }>,
  find: () => Promise<LibraryItem | null>,
  searching: boolean,
): Promise<AddResult> {
  try {
    const added = await post();
    return { outcome: 'added', ...(added.id ? { itemId: added.id } : {}), searching };
  } catch (e) {
    if (!isAlreadyAdded(e)) throw e;
    const existing = await find().catch(() => null);
    return { outcome: 'already_present', ...(existing ? { itemId: existing.id } : {}), searching: false };
  }
}
