/**
 * "vocab export": the words of the person's level range as an Anki file, one note per word with
 * its level, translation, one example and the example's translation, tagged by movie and level.
 */
import type { Reply } from '../../types.js';
import { formatRange } from '../levels.js';
import { vocabReply } from '../messages.js';
import type { LevelRange, MovieVocab, VocabEntry } from '../types.js';
import { ankiTsv, TAGS_COLUMN, type AnkiRow } from './anki.js';
import type { Example } from './examples.js';
import { wordKey, type EnrichmentJob } from './types.js';
import { levelText } from './word-view.js';

export interface ExportFile {
  vocab: MovieVocab;
  range: LevelRange;
  entries: readonly VocabEntry[];
  /** By word key: the example each note carries. */
  examples: ReadonlyMap<string, Example | undefined>;
  job?: EnrichmentJob;
  /** The person's language code (in the file name). */
  language?: string;
  /** Sentences said after the reply's own (what is missing and why). */
  notes: readonly string[];
}

export function exportReply(file: ExportFile): Reply {
  const { vocab, range, job } = file;
  const movieTag = `reelbot::${vocab.key}`;
  const rows: AnkiRow[] = file.entries.map((e) => {
    const ex = file.examples.get(wordKey(e));
    return {
      word: e.lemma,
      level: levelText(e),
      translation: job?.words[wordKey(e)] ?? '',
      example: ex ? ex.marked : '',
      exampleTranslation: ex ? (job?.sentences[String(ex.index)] ?? '') : '',
      tags: [movieTag, `cefr::${e.level ?? 'unlisted'}`],
    };
  });
  const suffix = file.language ? `-${file.language}` : '';
  const reply = vocabReply('vocab.exportReady', {
    title: vocab.title,
    words: rows.length,
    range: formatRange(range),
    tagsColumn: TAGS_COLUMN,
    note: file.notes.map((n) => ` ${n}`).join(''),
  });
  reply.document = {
    filename: `${vocab.key}${suffix}-${formatRange(range).replace(/[^A-Za-z0-9]+/g, '')}.tsv`,
    mimeType: 'text/tab-separated-values',
    content: ankiTsv(rows),
  };
  return reply;
}
