/**
 * Fountain (fountain.io) markup that is not script text: the title page ("Title: …"), notes
 * [[…]], the boneyard /* … *\/, sections (# Act One), synopses (= …), page breaks (===),
 * centred text (> THE END <), lyrics (~), forced-element marks (@NAME, !Action, > TRANSITION) and
 * emphasis (*italic*, **bold**, _underline_). What is left is plain screenplay layout, with a
 * forced scene heading still marked by its dot (".THE GREENHOUSE AT NIGHT").
 */

const TITLE_KEY =
  /^(?:title|credit|author|authors|source|draft date|date|contact|copyright|notes|revision)\s*:/i;

/** Fountain rather than plain text: a title page key on the first line, or Fountain-only marks. */
export function looksLikeFountain(text: string): boolean {
  const first = /^\s*(.*)/.exec(text)?.[1] ?? '';
  return TITLE_KEY.test(first) || /^(?:\.[A-Z][A-Z]|>.*<\s*$|~\S|@[A-Z])|\[\[[\s\S]*?\]\]/m.test(text);
}

export function stripFountain(text: string): string {
  const body = text
    .replace(/\r\n?/g, '\n')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\[\[[\s\S]*?\]\]/g, '');
  const lines = dropTitlePage(body.split('\n'));
  return lines
    .filter((l) => !/^\s*(?:#|=(?!=)|={3,}\s*$|~|>.*<\s*$)/.test(l))
    .map((l) =>
      l
        // "> CUT TO:" is a forced transition; the parser knows the bare form.
        .replace(/^(\s*)>\s*/, '$1')
        // A forced heading keeps its dot (screenplay-lines.ts reads ".THE GREENHOUSE" as a heading).
        .replace(/^(\s*)[@!](?=\S)/, '$1')
        .replace(/\s*\^\s*$/, '')
        .replace(/(\*{1,3}|_)(\S(?:.*?\S)?)\1/g, '$2'),
    )
    .join('\n');
}

/** The key: value lines before the first blank line, when the file starts with them. */
function dropTitlePage(lines: string[]): string[] {
  if (!TITLE_KEY.test(lines[0] ?? '')) return lines;
  const blank = lines.findIndex((l) => !l.trim());
  return blank < 0 ? [] : lines.slice(blank + 1);
}
