/**
 * The words of a search query as MusicBrainz reads them: its ws/2 search takes Lucene's classic
 * query syntax (musicbrainz.org/doc/MusicBrainz_API/Search). Rules from apache/lucene
 * lucene/queryparser/src/java/org/apache/lucene/queryparser/classic/package-info.java: upper-case
 * AND/OR/NOT and `&&`/`||`/`!` are operators, `+`/`-` before a word require or forbid it, `\`
 * escapes one character, and words with no operator are optional. Field groups, phrases and
 * wildcards are not modelled: the fake reads `releasegroup:(…) OR artistname:(…)` itself.
 */

export interface Clause {
  /** The word, unescaped. */
  text: string;
  occur: 'must' | 'should' | 'must_not';
}

/** Whitespace not preceded by a backslash separates terms; escapes stay in the token. */
function tokens(query: string): string[] {
  const out: string[] = [];
  let current = '';
  for (let i = 0; i < query.length; i += 1) {
    const ch = query[i] ?? '';
    if (ch === '\\') {
      current += ch + (query[i + 1] ?? '');
      i += 1;
    } else if (/\s/.test(ch)) {
      if (current) out.push(current);
      current = '';
    } else current += ch;
  }
  if (current) out.push(current);
  return out;
}

export function luceneClauses(query: string): Clause[] {
  const clauses: Clause[] = [];
  let conj: 'and' | 'or' | undefined;
  let mod: 'required' | 'prohibited' | undefined;
  for (const token of tokens(query)) {
    if (token === 'AND' || token === '&&') conj = 'and';
    else if (token === 'OR' || token === '||') conj = 'or';
    else if (token === 'NOT' || token === '!') mod = 'prohibited';
    else {
      let word = token;
      if (/^[+\-!]/.test(word)) {
        mod = word.startsWith('+') ? 'required' : 'prohibited';
        word = word.slice(1);
      }
      // QueryParserBase.addClause with the default OR operator: AND makes the previous clause
      // required too, unless it is prohibited.
      const previous = clauses.at(-1);
      if (conj === 'and' && previous && previous.occur !== 'must_not') previous.occur = 'must';
      const text = word.replace(/\\(.)/g, '$1');
      const occur =
        mod === 'prohibited' ? 'must_not' : mod === 'required' || conj === 'and' ? 'must' : 'should';
      if (text) clauses.push({ text, occur });
      conj = undefined;
      mod = undefined;
    }
  }
  return clauses;
}

/**
 * Whether a document passes the query's clauses: every required word present, no prohibited one,
 * and at least one word that is not prohibited (`NOT x` alone returns nothing, package-info.java).
 * Returns the words to score it by, or undefined when it does not match.
 */
export function luceneMatch(query: string, has: (word: string) => boolean): { scoreBy: string } | undefined {
  const clauses = luceneClauses(query);
  if (clauses.some((c) => c.occur === 'must_not' && has(c.text))) return undefined;
  if (clauses.some((c) => c.occur === 'must' && !has(c.text))) return undefined;
  const positive = clauses.filter((c) => c.occur !== 'must_not').map((c) => c.text);
  return positive.length > 0 ? { scoreBy: positive.join(' ') } : undefined;
}
