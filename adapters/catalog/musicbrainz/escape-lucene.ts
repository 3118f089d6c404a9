/**
 * MusicBrainz search takes a Lucene query: "AC/DC", "Sunn O)))" or "Hello!" would otherwise be
 * read as syntax (or fail). Every special character is escaped with a backslash, including `/`,
 * which newer Lucene reads as a regex delimiter. Upper-case AND, OR and NOT are operators too
 * (Lucene's query syntax: "Boolean operators must be ALL CAPS"), so "NOT FADE AWAY" would exclude
 * "fade": as whole words they are lower-cased (the search ignores case).
 */
const SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;
/** Once special characters are escaped, only whitespace separates terms. */
const OPERATOR = /(?<=^|\s)(?:AND|OR|NOT)(?=\s|$)/g;

export function escapeLucene(text: string): string {
  return text.replace(SPECIAL, (c) => `\\${c}`).replace(OPERATOR, (w) => w.toLowerCase());
}
