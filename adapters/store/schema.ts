/**
 * The stored shapes and their version. Bump SCHEMA_VERSION when a shape changes and add a step to
 * migrateRequests, so data written by an older release stays readable after an upgrade.
 */
import type { StoredChoice } from '../../src/core/ports.js';
import type { MediaRequest } from '../../src/core/types.js';

export const SCHEMA_VERSION = 1;

export interface RequestsFile {
  version: number;
  requests: MediaRequest[];
}

export interface ChoicesFile {
  version: number;
  choices: StoredChoice[];
}

export function migrateRequests(data: RequestsFile): void {
  if (typeof data.version !== 'number') data.version = 1;
  if (data.version > SCHEMA_VERSION) {
    throw new Error(
      `requests.json was written by a newer reelbot (schema ${data.version}, this one reads ${SCHEMA_VERSION}); upgrade reelbot`,
    );
  }
}
