/** The vocabulary cache and the translation jobs on the files: DATA_DIR/vocab and DATA_DIR/jobs. */
import { join } from 'node:path';
import type { Logger } from '../../src/core/ports.js';
import { JsonJobStore } from './json-job-store.js';
import { JsonVocabStore } from './json-vocab-store.js';

export interface FileVocabStores {
  vocabs: JsonVocabStore;
  jobs: JsonJobStore;
  /** The keys of the stored vocabularies. */
  movies: () => Promise<string[]>;
}

export function fileVocabStores(dataDir: string, logger?: Logger): FileVocabStores {
  const vocabs = new JsonVocabStore(join(dataDir, 'vocab'), logger);
  return { vocabs, jobs: new JsonJobStore(join(dataDir, 'jobs'), logger), movies: () => vocabs.keys() };
}
