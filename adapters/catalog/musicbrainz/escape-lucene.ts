/**
 * MusicBrainz search takes a Lucene query: "AC/DC", "Sunn O)))" or "Hello!" would otherwise be
 * read as syntax (or fail). Every special character is escaped with a backslash, including `/`,
 * which newer Lucene reads as a regex delimiter.
 */
const SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

export function escapeLucene(text: string): string {
  return text.replace(SPECIAL, (c) => `\\${c}`);
}
