/**
 * A movie's words as an Anki import file: tab-separated text with the header lines Anki reads
 * (`#separator:tab`, `#html:false`, `#columns:`, `#tags column:`), one note per line.
 */

export interface AnkiRow {
  word: string;
  level: string;
  translation: string;
  example: string;
  exampleTranslation: string;
  tags: string[];
}

export const ANKI_COLUMNS = [
  'Word',
  'Level',
  'Translation',
  'Example',
  'Example translation',
  'Tags',
] as const;
export const TAGS_COLUMN = ANKI_COLUMNS.length;

export function ankiTsv(rows: readonly AnkiRow[]): string {
  const lines = [
    '#separator:tab',
    '#html:false',
    `#columns:${ANKI_COLUMNS.join('\t')}`,
    `#tags column:${TAGS_COLUMN}`,
  ];
  for (const r of rows) {
    lines.push(
      [r.word, r.level, r.translation, r.example, r.exampleTranslation, r.tags.map(tag).join(' ')]
        .map(field)
        .join('\t'),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Tabs and line breaks would split a note; they become spaces. */
function field(s: string): string {
  return s.replace(/[\t\r\n]+/g, ' ').trim();
}

/** Anki tags are space-separated words: `reelbot::inception`, `cefr::B2`. */
function tag(s: string): string {
  return s.replace(/\s+/g, '_');
}
