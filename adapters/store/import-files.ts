/**
 * DATA_DIR's stores copied into PostgreSQL (`npm run import-files`), for a self-hoster moving
 * from the files to a database: every request (open and archived, audit trail and id kept),
 * the choices not yet expired, every vocabulary and every enrichment job. Read through the file
 * stores themselves, so a record is validated (and a damaged one quarantined) exactly as at the
 * bot's start; written with insert-if-absent, so a row already in the database is never
 * overwritten, and a second run copies nothing. The caller holds DATA_DIR's lock (instance-lock.ts)
 * and has migrated the database (openPgStores).
 */
import { basename, relative, resolve, sep } from 'node:path';
import type { Logger } from '../../src/core/ports.js';
import { LowdbChoiceStore } from './choice-store.js';
import { fileVocabStores } from './file-vocab-stores.js';
import type { PgStores } from './pg/pg-stores.js';
import { LowdbRequestStore } from './request-store.js';

export type StoreName = 'requests' | 'choices' | 'vocabularies' | 'enrichment jobs';

export interface Tally {
  store: StoreName;
  copied: number;
  alreadyThere: number;
  /** Ids (keys, tokens) of the records that failed validation, as the file stores reported them. */
  unreadable: string[];
}

export interface Imported {
  tallies: Tally[];
  /** Whole files that were damaged (kept aside by the store; what could be read was copied). */
  damagedFiles: string[];
}

interface Reported {
  file: string;
  id?: string;
}

/**
 * A Logger that also keeps what the file stores report as not valid: they log each rejected
 * record with its `file` and `id` (quarantine.ts logRejected, atomic-json.ts readRecordFile) and a
 * damaged file with its `file` and `problem` (lowdb-file.ts).
 */
function recording(base: Logger, seen: Reported[]): Logger {
  const keep = (a: object | string) => {
    if (typeof a === 'string') return;
    const { file, id } = a as { file?: unknown; id?: unknown };
    if (typeof file === 'string') seen.push({ file, ...(typeof id === 'string' ? { id } : {}) });
  };
  return {
    debug: base.debug.bind(base),
    info: base.info.bind(base),
    warn: base.warn.bind(base),
    error: ((a: object | string, msg?: string) => {
      keep(a);
      if (typeof a === 'string') base.error(a);
      else base.error(a, msg);
    }) as Logger['error'],
    child: (bindings) => recording(base.child(bindings), seen),
  };
}

/** Which store a reported file belongs to. */
function storeOf(dataDir: string, file: string): StoreName | undefined {
  const rel = relative(resolve(dataDir), resolve(file));
  if (rel.startsWith(`vocab${sep}`)) return 'vocabularies';
  if (rel.startsWith(`jobs${sep}`)) return 'enrichment jobs';
  if (rel.startsWith('requests')) return 'requests';
  if (rel.startsWith('choices')) return 'choices';
  return undefined;
}

async function copyEach<T>(
  store: StoreName,
  records: readonly T[],
  insertIfAbsent: (r: T) => Promise<boolean>,
): Promise<Tally> {
  const tally: Tally = { store, copied: 0, alreadyThere: 0, unreadable: [] };
  for (const r of records) {
    if (await insertIfAbsent(r)) tally.copied += 1;
    else tally.alreadyThere += 1;
  }
  return tally;
}

export async function importFiles(
  dataDir: string,
  db: PgStores,
  logger: Logger,
  now: Date = new Date(),
): Promise<Imported> {
  const seen: Reported[] = [];
  const log = recording(logger, seen);

  const requests = await (await LowdbRequestStore.open(dataDir, log)).list();
  // Oldest first, as the bot inserted them: requests of one millisecond keep their order.
  requests.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
  const choices = (await LowdbChoiceStore.open(dataDir, log)).unexpired(now);
  const files = fileVocabStores(dataDir, log);
  const vocabs = [];
  for (const key of await files.movies()) {
    const v = await files.vocabs.get(key);
    if (v) vocabs.push(v);
  }
  const jobs = await files.jobs.list();

  const tallies = [
    await copyEach('requests', requests, (r) => db.requests.insertIfAbsent(r)),
    await copyEach('choices', choices, (c) => db.choices.insertIfAbsent(c)),
    await copyEach('vocabularies', vocabs, (v) => db.vocabs.insertIfAbsent(v)),
    await copyEach('enrichment jobs', jobs, (j) => db.jobs.insertIfAbsent(j)),
  ];
  const damagedFiles = new Set<string>();
  for (const r of seen) {
    const tally = tallies.find((t) => t.store === storeOf(dataDir, r.file));
    if (r.id === undefined) damagedFiles.add(basename(r.file));
    else if (tally && !tally.unreadable.includes(r.id)) tally.unreadable.push(r.id);
  }
  return { tallies, damagedFiles: [...damagedFiles] };
}
