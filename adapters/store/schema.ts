/**
 * The stored shapes and their version. Bump SCHEMA_VERSION when a shape changes and add a step to
 * MIGRATIONS, so data written by an older release stays readable after an upgrade; a file from a
 * newer release is refused rather than misread (README.md → Upgrading). Records are migrated as
 * read, then validated (record-schemas.ts), so a step may fill in what the current shape needs.
 *
 *   1 → 2  (issue 8) requests may be `awaiting_approval`. Nothing to rewrite: every version-1
 *          request is valid; the bump stops an older reelbot from loading a status it does not know.
 */
import type { StoredChoice } from '../../src/core/ports.js';
import type { MediaRequest } from '../../src/core/types.js';
import { readListShape, validateEach, type Loaded } from './load-records.js';
import { storedChoice, storedRequest } from './record-schemas.js';

export const SCHEMA_VERSION = 2;

export interface RequestsFile {
  version: number;
  requests: MediaRequest[];
}

export interface ChoicesFile {
  version: number;
  choices: StoredChoice[];
}

/** `MIGRATIONS[n]` turns version-n records (as read, not yet validated) into version n+1, in place. */
const MIGRATIONS: Record<number, (records: unknown[]) => void> = {
  1: () => undefined,
};

/** Bring `data` (as read from disk) up to SCHEMA_VERSION in memory; the next write persists it. */
export function migrateRequests(
  data: { version?: unknown; requests: unknown[] },
  file = 'requests.json',
): void {
  let version = typeof data.version === 'number' ? data.version : 1;
  if (version > SCHEMA_VERSION) {
    throw new Error(
      `${file} was written by a newer reelbot (schema ${version}, this one reads ${SCHEMA_VERSION}); upgrade reelbot`,
    );
  }
  while (version < SCHEMA_VERSION) {
    const step = MIGRATIONS[version];
    if (!step) throw new Error(`${file}: no migration from schema ${version}`);
    step(data.requests);
    version += 1;
  }
  data.version = version;
}

/** requests.json as read (undefined: there is none): migrated, each request validated. */
export function loadRequests(raw: unknown, file: string): Loaded<RequestsFile> {
  if (raw === undefined) return { data: { version: SCHEMA_VERSION, requests: [] }, rejected: [] };
  const shape = readListShape(raw, 'requests');
  migrateRequests({ version: shape.version, requests: shape.items }, file);
  const { records, rejected } = validateEach(shape.items, storedRequest, 'id');
  return {
    data: { version: SCHEMA_VERSION, requests: records },
    rejected,
    ...(shape.problem ? { problem: shape.problem } : {}),
  };
}

/** choices.json as read: each offered choice validated (they expire, so there is nothing to migrate). */
export function loadChoices(raw: unknown): Loaded<ChoicesFile> {
  if (raw === undefined) return { data: { version: SCHEMA_VERSION, choices: [] }, rejected: [] };
  const shape = readListShape(raw, 'choices');
  const { records, rejected } = validateEach(shape.items, storedChoice, 'token');
  return {
    data: { version: SCHEMA_VERSION, choices: records },
    rejected,
    ...(shape.problem ? { problem: shape.problem } : {}),
  };
}
