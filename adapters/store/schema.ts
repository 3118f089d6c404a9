/**
 * The stored shapes and their version. Bump SCHEMA_VERSION when a shape changes and add a step to
 * MIGRATIONS, so data written by an older release stays readable after an upgrade; a file from a
 * newer release is refused rather than misread (README.md → Upgrading).
 *
 *   1 → 2  (issue 8) requests may be `awaiting_approval`. Nothing to rewrite: every version-1
 *          request is valid; the bump stops an older reelbot from loading a status it does not know.
 */
import type { StoredChoice } from '../../src/core/ports.js';
import type { MediaRequest } from '../../src/core/types.js';

export const SCHEMA_VERSION = 2;

export interface RequestsFile {
  version: number;
  requests: MediaRequest[];
}

export interface ChoicesFile {
  version: number;
  choices: StoredChoice[];
}

/** `MIGRATIONS[n]` turns a version-n file into version n+1, in place. */
const MIGRATIONS: Record<number, (data: RequestsFile) => void> = {
  1: () => undefined,
};

/** Bring `data` (as read from disk) up to SCHEMA_VERSION in memory; the next write persists it. */
export function migrateRequests(data: RequestsFile): void {
  if (typeof data.version !== 'number') data.version = 1;
  if (!Array.isArray(data.requests)) data.requests = [];
  if (data.version > SCHEMA_VERSION) {
    throw new Error(
      `requests.json was written by a newer reelbot (schema ${data.version}, this one reads ${SCHEMA_VERSION}); upgrade reelbot`,
    );
  }
  while (data.version < SCHEMA_VERSION) {
    const step = MIGRATIONS[data.version];
    if (!step) throw new Error(`requests.json: no migration from schema ${data.version}`);
    step(data);
    data.version += 1;
  }
}
