/**
 * Character names and screenplay capitals. Screenplays write a character's first appearance,
 * sounds and key props in capitals ("COBB spins the TOP. BANG!"), which taggers read as proper
 * nouns. Before tagging, capitals are rewritten: known words in lower case ("top"), names and
 * unknown words in Title Case, so the tagger treats them as the names they most likely are.
 */

/** Lower-case words of the characters' names ("YOUNG JUDY", "MR. CHARLES" → young, judy, mr, charles). */
export function nameWords(characters: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const c of characters) {
    for (const w of c.toLowerCase().split(/[\s/&,.]+/))
      if (/^[\p{L}'’-]{2,}$/u.test(w)) out.add(w.replace(/['’]s$/, ''));
  }
  return out;
}

const CAPS_WORD = /\b\p{Lu}[\p{Lu}'’-]*\p{Lu}\b/gu;

/**
 * Rewrite words of two or more capitals: names and unknown words → Title Case, known words →
 * lower case. "I" and one-letter words are left alone.
 */
export function normaliseCaps(
  text: string,
  isName: (w: string) => boolean,
  isKnown: (w: string) => boolean,
): string {
  if (!/\p{Lu}{2}/u.test(text)) return text;
  return text.replace(CAPS_WORD, (word) => {
    const lower = word.toLowerCase();
    if (!isName(lower) && isKnown(lower)) return lower;
    return word[0] + lower.slice(1);
  });
}
